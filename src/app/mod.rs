//! Start-up and the shell: load `config.json` and the API's `index.json`, then mount the router with the
//! header and the pages. A failed start shows a retry screen instead of a blank page.

pub mod embed;
pub mod offline;
pub mod personalize;
pub mod prefs;
pub mod restore;
pub mod social;
pub mod state;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use wasm_bindgen::JsCast;

use crate::api::{fetch_text, paths, FetchError};
use crate::components::header::Header;
use crate::components::item_menu::ItemMenu;
use crate::components::share::{CodeDialog, ShareSheet};
use crate::i18n::Locale;
use crate::model::{parse_config, parse_index, ApiBase, AppConfig};
use crate::pages::interests::InterestsPage;
use crate::pages::settings::SettingsPage;
use crate::pages::studio::StudioPage;
use crate::pages::{creator::CreatorPage, feed::FeedPage, item::ItemPage, not_found::Missing, not_found::NotFound};
use crate::storage;
use crate::tr;

pub use state::{use_ctx, Ctx, Session};

/// Key under which the chosen language is saved.
const LOCALE_KEY: &str = "locale";

/// Loads what the app needs before it can show anything, then mounts it. Called once from `main`.
pub async fn boot() {
    // Embed mode styles <html> (no chrome, the host's theme) before anything renders.
    embed::init();
    prefs::pin_saved_theme();
    match load_session().await {
        Ok(session) => {
            remove_splash();
            let locale = initial_locale(&session.config);
            leptos::mount::mount_to_body(move || view! { <App session locale/> });
        }
        Err(e) => {
            leptos::logging::error!("guang: start-up failed: {e}");
            remove_splash();
            let locale = browser_locale().unwrap_or_default();
            leptos::mount::mount_to_body(move || view! { <BootFailed locale/> });
        }
    }
}

async fn load_session() -> Result<Session, FetchError> {
    let doc_base =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let config_url = resolve_against(&doc_base, "config.json").unwrap_or_else(|| "/config.json".into());
    let config = parse_config(&fetch_text(&config_url).await?)?;
    let api_abs = resolve_against(&doc_base, &config.api_base)
        .ok_or_else(|| FetchError::Network(format!("cannot resolve api_base {}", config.api_base)))?;
    let base = ApiBase::parse(&api_abs)
        .map_err(|e| FetchError::Doc(crate::model::DocError::Malformed(format!("api_base: {e}"))))?;
    let index = parse_index(&fetch_text(&crate::api::url(&base, paths::INDEX)).await?)?;
    for p in &index.skipped {
        leptos::logging::warn!("guang: skipped in index.json: {p}");
    }
    let now = (js_sys::Date::now() / 1000.0) as i64;
    Ok(Session { config, base, index, now })
}

/// Resolves a (possibly relative) URL against the document's base with the browser's URL parser.
fn resolve_against(base: &str, reference: &str) -> Option<String> {
    web_sys::Url::new_with_base(reference, base).ok().map(|u| u.href())
}

/// Removes the static loading screen that `index.html` shows while the wasm starts.
fn remove_splash() {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("splash")) {
        el.remove();
    }
}

fn browser_locale() -> Option<Locale> {
    web_sys::window()?.navigator().language().as_deref().and_then(Locale::from_tag)
}

/// `?lang=` first, then the saved choice, then the browser's language, then the deployment default.
fn initial_locale(config: &AppConfig) -> Locale {
    let from_query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("lang"))
        .and_then(|l| Locale::from_tag(&l));
    from_query
        .or_else(|| storage::get(LOCALE_KEY).as_deref().and_then(Locale::from_tag))
        .or_else(browser_locale)
        .or_else(|| Locale::from_tag(&config.default_locale))
        .unwrap_or_default()
}

/// Saves and applies a language choice.
pub fn choose_locale(ctx: Ctx, locale: Locale) {
    storage::set(LOCALE_KEY, locale.tag());
    ctx.locale.set(locale);
}

/// The app: header, routes, and the effects that keep `<html lang>` and the navigation count current.
#[component]
pub fn App(session: Session, locale: Locale) -> impl IntoView {
    let ctx = Ctx::new(session, locale);
    provide_context(ctx);
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        // Feeds restore their own position; the browser's guess would jump before the cards exist.
        let _ = h.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    // Follow writes left from an earlier visit go out now; queued visit events leave when the page hides.
    ctx.social.flush();
    // In embed mode: the host bridge (handshake, height, open / follow / share messages).
    embed::connect(ctx);
    let online = window_event_listener(leptos::ev::online, move |_| ctx.social.on_online());
    let hidden = window_event_listener(leptos::ev::pagehide, move |_| ctx.social.send_events());
    let visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden()) {
            ctx.social.send_events();
        }
    });
    on_cleanup(move || {
        online.remove();
        hidden.remove();
        visibility.remove();
    });
    // The user's colour scheme; embedded, the host's applies instead.
    if !embed::active() {
        Effect::new(move |_| prefs::pin_theme(ctx.settings.prefs.with(|p| p.theme)));
    }
    let locale = ctx.locale;
    Effect::new(move |_| {
        let tag = locale.get().tag();
        if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = html.set_attribute("lang", tag);
        }
    });
    view! {
        <Router>
            <NavigationCounter/>
            <Header/>
            <offline::NetBanners/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound what=Missing::Page/> }>
                    <Route path=path!("/") view=FeedPage/>
                    <Route path=path!("/item/:id") view=ItemPage/>
                    <Route path=path!("/creator/:id") view=CreatorPage/>
                    <Route path=path!("/creator/:id/preview") view=StudioPage/>
                    <Route path=path!("/me/interests") view=InterestsPage/>
                    <Route path=path!("/me/settings") view=SettingsPage/>
                </Routes>
            </main>
            <ItemMenu/>
            <ShareSheet/>
            <crate::components::shortcuts::Shortcuts/>
            <CodeDialog/>
        </Router>
    }
}

/// Counts route changes so a page knows whether "back" stays inside the app.
#[component]
fn NavigationCounter() -> impl IntoView {
    let ctx = use_ctx();
    let location = use_location();
    Effect::new(move |prev: Option<String>| {
        let path = location.pathname.get();
        if prev.is_some_and(|p| p != path) {
            ctx.navigations.update(|n| *n += 1);
        }
        path
    });
}

/// Shown when start-up failed (config or index unreachable or invalid).
#[component]
fn BootFailed(locale: Locale) -> impl IntoView {
    let reload = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <main id="main" class="state state-error" role="alert">
            <h1>{tr!(locale, error_title)}</h1>
            <p>{tr!(locale, boot_failed)}</p>
            <button type="button" class="btn btn-primary" data-testid="retry" on:click=reload>
                {tr!(locale, retry)}
            </button>
        </main>
    }
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
