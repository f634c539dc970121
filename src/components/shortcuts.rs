//! Keyboard shortcuts for the feed: j / k move between cards (focus and scroll follow; the focused card's
//! link is named by its title and creator, so a screen reader announces those), Enter opens, l like,
//! f follow, s share, h hide, ? lists the keys. Keys are ignored while typing, with a modifier held, or
//! while a dialog is open.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{use_ctx, Ctx};
use crate::components::follow::{toggle_follow, FollowSubject};
use crate::components::sheet::sheet;
use crate::rank::SignalKind;
use crate::social::ShareTarget;
use crate::{text, tr};

/// Card links in the feed grid, in list order (the windowed grid renders them in order).
fn card_links() -> Vec<web_sys::HtmlElement> {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return Vec::new() };
    let Ok(list) = doc.query_selector_all("[data-testid=masonry] [data-testid=card] .card-link") else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()).collect()
}

/// The card the keyboard is on: the one holding focus.
fn focused_card() -> Option<web_sys::Element> {
    let active = web_sys::window()?.document()?.active_element()?;
    active.closest("[data-testid=card]").ok().flatten()
}

fn move_focus(step: i32) {
    let links = card_links();
    if links.is_empty() {
        return;
    }
    let current = focused_card().and_then(|card| links.iter().position(|l| card.contains(Some(l))));
    let next = match current {
        Some(i) => (i as i32 + step).clamp(0, links.len() as i32 - 1) as usize,
        // No card yet: the first one at least partly below the top of the screen.
        None => links.iter().position(|l| l.get_bounding_client_rect().bottom() > 60.0).unwrap_or(0),
    };
    if let Some(link) = links.get(next) {
        let _ = link.focus();
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        link.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// Acts on the focused card's item.
fn act(ctx: Ctx, key: &str) {
    let Some(item) = focused_card().and_then(|c| c.get_attribute("data-id")).and_then(|id| ctx.cached_item(&id)) else {
        return;
    };
    match key {
        "l" => {
            ctx.pers.record(SignalKind::Like, &item);
            ctx.pers.say(text!(liked_notice));
        }
        "f" => toggle_follow(
            ctx,
            &FollowSubject {
                id: item.creator.id.clone(),
                name: item.creator.name.clone(),
                avatar: item.creator.avatar.clone(),
                topics: item.topics.clone(),
            },
        ),
        "s" => ctx.social.open_share(
            ShareTarget::Item(item.id.clone()),
            item.title_in(ctx.locale.get_untracked().tag()).to_string(),
        ),
        "h" => {
            // Focus moves on to the next card before this one leaves.
            move_focus(1);
            ctx.pers.record(SignalKind::Hide, &item);
            ctx.pers.drop_blocked(ctx);
            ctx.pers.say(text!(hidden_notice));
        }
        _ => {}
    }
}

/// Whether a key press belongs to something else: typing in a field, a shortcut with modifiers, a dialog.
fn not_for_us(ev: &web_sys::KeyboardEvent) -> bool {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() {
        return true;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return true };
    if doc.query_selector("dialog[open]").ok().flatten().is_some() {
        return true;
    }
    doc.active_element().is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.get_attribute("contenteditable").is_some_and(|v| v != "false")
    })
}

/// Installs the shortcuts and renders the `?` help dialog.
#[component]
pub fn Shortcuts() -> impl IntoView {
    let ctx = use_ctx();
    let help = RwSignal::new(false);
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if not_for_us(&ev) {
            return;
        }
        let key = ev.key();
        match key.as_str() {
            "j" => move_focus(1),
            "k" => move_focus(-1),
            "l" | "f" | "s" | "h" => act(ctx, &key),
            "?" => help.set(true),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
    let rows = [
        ("j / k", text!(key_next_prev)),
        ("Enter", text!(key_open)),
        ("l", text!(key_like)),
        ("f", text!(key_follow)),
        ("s", text!(key_share)),
        ("h", text!(key_hide)),
        ("?", text!(key_help)),
    ];
    let body = view! {
        <h2 id="keys-title" class="dialog-title">{move || tr!(ctx.locale.get(), keyboard_shortcuts)}</h2>
        <table class="keys">
            <tbody>
                {rows
                    .into_iter()
                    .map(|(k, label)| view! {
                        <tr>
                            <th scope="row"><kbd>{k}</kbd></th>
                            <td>{move || ctx.t(label)}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    };
    sheet(move || help.get(), move || help.set(false), "keys-title", "shortcuts", None, body)
}
