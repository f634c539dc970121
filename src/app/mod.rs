//! State and helpers that every page and component shares: the context (`use_ctx`), the session's social
//! and personal stores, preferences, offline state, embed mode, and small window helpers. It imports nothing
//! from `components/` or `pages/`: start-up and the router live in `shell/`, above the pages.

pub mod embed;
pub mod fans;
pub mod offline;
pub mod personalize;
pub mod prefs;
pub mod restore;
pub mod social;
pub mod state;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::Locale;
use crate::storage;

pub use state::{use_ctx, Ctx, Session};

/// Key under which the chosen language is saved.
pub(crate) const LOCALE_KEY: &str = "locale";

/// Saves and applies a language choice.
pub fn choose_locale(ctx: Ctx, locale: Locale) {
    storage::set(LOCALE_KEY, locale.tag());
    ctx.locale.set(locale);
}

/// Sets the document title; pages call it with their own heading.
pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// Window scroll position (0 when unknown).
pub fn scroll_y() -> f64 {
    web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0)
}

/// Scrolls the window to `y` once the next frame has laid out the page.
pub fn restore_scroll(y: f64) {
    request_animation_frame(move || {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, y);
        }
    });
}

/// Moves keyboard focus to the element with `id` (the page heading after a route change), on the next
/// frame, unless focus moved in the meantime: someone who has already tabbed or clicked into the page (or
/// a test that focused a control) keeps their place instead of being sent back to the heading.
pub fn focus_id(id: &'static str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    // An embedded page that the user has not touched must not take focus (and scroll) from its host page.
    if embed::active() && !doc.has_focus().unwrap_or(false) {
        return;
    }
    let before = doc.active_element();
    request_animation_frame(move || {
        let now = doc.active_element();
        let body = doc.body().map(web_sys::Element::from);
        if now != before && now != body {
            return;
        }
        if let Some(el) = doc.get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}
