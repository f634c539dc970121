//! Impression tracking for a feed list: one IntersectionObserver for all its cards. A card at least half
//! visible for a second is an impression; the time it stayed is its dwell; any card that has been on screen
//! marks the list's shown prefix, which re-ranking never moves.

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::app::state::PagedList;
use crate::app::use_ctx;
use crate::rank::SignalKind;

/// Shared with the cards of one list so they can ask to be observed.
#[derive(Clone, Copy)]
pub struct CardObserver(StoredValue<Option<web_sys::IntersectionObserver>, LocalStorage>);

impl CardObserver {
    /// Stops observing a card element (it left the DOM: the windowed grid released it).
    pub fn unobserve(&self, el: &web_sys::Element) {
        self.0.try_with_value(|o| {
            if let Some(o) = o {
                o.unobserve(el);
            }
        });
    }

    /// Starts observing a card element.
    pub fn observe(&self, el: &web_sys::Element) {
        self.0.try_with_value(|o| {
            if let Some(o) = o {
                o.observe(el);
            }
        });
    }
}

/// Sets up tracking for `list` and provides the [`CardObserver`] to the cards below.
pub fn track_impressions(list: &PagedList) {
    let ctx = use_ctx();
    let visible_since: StoredValue<HashMap<String, f64>, LocalStorage> = StoredValue::new_local(HashMap::new());
    let finish = move |id: &str, since: f64, now: f64| {
        let ms = now - since;
        if ms >= 1000.0 {
            if let Some(item) = ctx.cached_item(id) {
                ctx.pers.record(SignalKind::Impression, &item);
                ctx.pers.record(SignalKind::CardDwell { ms: ms.min(f64::from(u32::MAX)) as u32 }, &item);
            }
        }
    };
    let list_for_cb = list.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, _: web_sys::IntersectionObserver| {
            let now = js_sys::Date::now();
            for entry in entries.iter() {
                let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() else { continue };
                let Some(id) = entry.target().get_attribute("data-id") else { continue };
                if entry.is_intersecting() {
                    let index = list_for_cb.state.with_untracked(|s| s.items.iter().position(|i| i.id == id));
                    if let Some(index) = index {
                        list_for_cb.mark_shown(index);
                    }
                }
                if entry.intersection_ratio() >= 0.5 {
                    visible_since.try_update_value(|m| {
                        m.entry(id).or_insert(now);
                    });
                } else if let Some(since) = visible_since.try_update_value(|m| m.remove(&id)).flatten() {
                    finish(&id, since, now);
                }
            }
        },
    );
    let init = web_sys::IntersectionObserverInit::new();
    let thresholds = js_sys::Array::of2(&JsValue::from(0.0), &JsValue::from(0.5));
    init.set_threshold(&thresholds);
    let observer = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok();
    let callback = StoredValue::new_local(Some(callback));
    let observer = StoredValue::new_local(observer);

    // A card that stays in view is an impression after a second, even if it never leaves.
    let interval = set_interval_with_handle(
        move || {
            let now = js_sys::Date::now();
            let due: Vec<String> = visible_since
                .try_with_value(|m| m.iter().filter(|(_, s)| now - **s >= 1000.0).map(|(id, _)| id.clone()).collect())
                .unwrap_or_default();
            for id in due {
                if let Some(item) = ctx.cached_item(&id) {
                    ctx.pers.record(SignalKind::Impression, &item);
                }
            }
        },
        std::time::Duration::from_millis(1000),
    )
    .ok();
    on_cleanup(move || {
        if let Some(h) = interval {
            h.clear();
        }
        let now = js_sys::Date::now();
        let open: Vec<(String, f64)> =
            visible_since.try_with_value(|m| m.iter().map(|(k, v)| (k.clone(), *v)).collect()).unwrap_or_default();
        for (id, since) in open {
            finish(&id, since, now);
        }
        observer.try_with_value(|o| {
            if let Some(o) = o {
                o.disconnect();
            }
        });
        // The closure is kept (not dropped) on purpose: an entry the browser queued before `disconnect`
        // may still be delivered, and calling a dropped closure throws. Its state is all `try_` accesses.
        if let Some(Some(cb)) = callback.try_update_value(Option::take) {
            cb.forget();
        }
    });
    provide_context(CardObserver(observer));
}
