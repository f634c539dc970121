//! Keeping the user's place across reloads and restarts. While a feed is on screen its loaded items, the
//! shown prefix and the card at the top of the viewport are saved (when scrolling stops, and when the page
//! hides); a
//! reload or a restart from the home screen within [`PLACE_MAX_AGE_MS`] puts the same cards back in the
//! same order and scrolls to the same card. Older than that, the feed starts fresh at the top: a feed is
//! about what is new. The stored copy is untrusted: items are validated again as if the API sent them.

use std::sync::Arc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::state::{accept_page, ListState, ListStatus, PagedList};
use crate::app::Ctx;
use crate::model::{parse_feed_page, Item};
use crate::storage;
use crate::text;

/// Storage key of the saved place (one: the last feed on screen).
const PLACE_KEY: &str = "place";
/// How long a saved place is worth restoring: one hour.
pub const PLACE_MAX_AGE_MS: f64 = 60.0 * 60.0 * 1000.0;
/// Items kept in a saved place at most (about 2 KB each).
const MAX_SAVED_ITEMS: usize = 600;

/// The card at the top of the viewport and how far below the viewport's top its top edge was.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Anchor {
    /// Item id of the card.
    pub id: String,
    /// Its top edge in viewport pixels (negative when partly scrolled past).
    pub offset: f64,
}

/// A saved place; `I` is [`Item`] when saving and raw JSON when restoring, since saved items are read again
/// exactly as a feed page from the API (which is also the only reader of their embeddings).
#[derive(Serialize, Deserialize)]
struct Place<I> {
    version: u32,
    saved_at: f64,
    list: String,
    next: Option<String>,
    done: bool,
    shown: usize,
    anchor: Option<Anchor>,
    items: Vec<I>,
}

/// The topmost card on screen, read from the DOM (the windowed grid renders it).
pub fn current_anchor() -> Option<Anchor> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let cards = window.document()?.query_selector_all("[data-testid=masonry] [data-testid=card]").ok()?;
    let mut best: Option<Anchor> = None;
    for i in 0..cards.length() {
        let Some(el) = cards.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        let r = el.get_bounding_client_rect();
        if r.bottom() <= 60.0 {
            continue;
        }
        if best.as_ref().is_none_or(|b| r.top() < b.offset) {
            best = el.get_attribute("data-id").map(|id| Anchor { id, offset: r.top() });
        }
    }
    best
}

/// Saves `list` as the place to come back to.
pub fn save(list: &PagedList, first_url: &str) {
    let (items, next, done) = list.state.with_untracked(|s| {
        (
            s.items.iter().take(MAX_SAVED_ITEMS).map(|i| (**i).clone()).collect::<Vec<Item>>(),
            s.next.clone(),
            s.status == ListStatus::Done,
        )
    });
    if items.is_empty() {
        return;
    }
    let shown = *list.shown.lock().unwrap_or_else(|e| e.into_inner());
    let place = Place {
        version: 1,
        saved_at: js_sys::Date::now(),
        list: first_url.to_string(),
        next,
        done,
        shown: shown.min(items.len()),
        anchor: current_anchor(),
        items,
    };
    if let Ok(json) = serde_json::to_string(&place) {
        if !storage::set(PLACE_KEY, &json) {
            leptos::logging::warn!("guang: could not save the feed position (storage unavailable or full)");
        }
    }
}

/// Forgets a corrupt saved place, logs why and tells the user the feed starts from the top.
fn drop_corrupt(ctx: Ctx, what: &str, why: &dyn std::fmt::Display) -> Option<Anchor> {
    leptos::logging::warn!("guang: saved feed position {what} ({why}); starting at the top");
    storage::remove(PLACE_KEY);
    ctx.pers.say(text!(place_was_reset));
    None
}

/// Puts a saved place back into `list` if it is for this list and fresh; returns the anchor to scroll to.
/// A corrupt or hostile saved place is dropped (logged, with a notice) and the feed starts fresh; a stale one
/// is simply not used.
pub fn restore(list: &PagedList, first_url: &str, ctx: Ctx) -> Option<Anchor> {
    let json = storage::get(PLACE_KEY)?;
    // Through a `Value`, like every document (one deserializer per type in the wasm).
    let place: Place<serde_json::Value> = match serde_json::from_str(&json).and_then(serde_json::from_value) {
        Ok(p) => p,
        Err(e) => return drop_corrupt(ctx, "unreadable", &e),
    };
    let age = js_sys::Date::now() - place.saved_at;
    if place.version != 1 || place.list != first_url || !(0.0..PLACE_MAX_AGE_MS).contains(&age) {
        return None;
    }
    // Validate the items again, exactly as a feed page from the API.
    let doc = serde_json::json!({ "version": 1, "items": place.items, "next": place.next }).to_string();
    let mut page = match parse_feed_page(&doc, &ctx.session().base) {
        Ok(p) => p,
        Err(e) => return drop_corrupt(ctx, "invalid", &e),
    };
    accept_page(ctx, &mut page, "the saved feed");
    if page.items.is_empty() {
        return None;
    }
    let items: Vec<Arc<Item>> = page.items.into_iter().map(Arc::new).collect();
    ctx.cache_items(&items);
    {
        let mut pos = list.server_pos.lock().unwrap_or_else(|e| e.into_inner());
        for (i, item) in items.iter().enumerate() {
            pos.entry(item.id.clone()).or_insert(i);
        }
    }
    *list.shown.lock().unwrap_or_else(|e| e.into_inner()) = place.shown.min(items.len());
    let status = if place.done || page.next.is_none() { ListStatus::Done } else { ListStatus::Idle };
    list.state.set(ListState { items, next: page.next, status });
    list.drop_blocked(ctx);
    place.anchor
}
