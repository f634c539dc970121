//! The two browser observations the feed needs, hand-written on web-sys instead of a hooks crate (every
//! dependency costs first-load bytes): the window's size, and whether an element is near the viewport.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The window's inner size in CSS pixels.
#[derive(Clone, Copy)]
pub struct WindowSize {
    /// Width (0 before the first read, never in practice).
    pub width: Signal<f64>,
    /// Height.
    pub height: Signal<f64>,
}

fn inner_size() -> (f64, f64) {
    let Some(w) = web_sys::window() else { return (0.0, 0.0) };
    let get = |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    (get(w.inner_width()), get(w.inner_height()))
}

/// The window size, updated on `resize` while the calling component lives.
pub fn use_window_size() -> WindowSize {
    let (w, h) = inner_size();
    let width = RwSignal::new(w);
    let height = RwSignal::new(h);
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        let (w, h) = inner_size();
        width.try_set(w);
        height.try_set(h);
    });
    on_cleanup(move || handle.remove());
    WindowSize { width: width.into(), height: height.into() }
}

/// Whether an element is near the viewport, as its observer last answered.
#[derive(Clone, Copy)]
pub struct NearViewport {
    /// True while the element is within the margin of the viewport. An observer answers only when that
    /// changes, so after the page under it changed this may still describe the page before.
    pub near: ReadSignal<bool>,
    answer: RwSignal<bool>,
    observer: StoredValue<Option<web_sys::IntersectionObserver>, LocalStorage>,
    observed: StoredValue<Option<web_sys::Element>, LocalStorage>,
}

impl NearViewport {
    /// Forgets the last answer (`near` is false until the next) and asks the observer for a fresh one, which
    /// comes once the browser has laid out what changed: a list that grew waits for it instead of acting on
    /// the answer from before.
    pub fn recheck(&self) {
        self.answer.set(false);
        // Observing again makes the observer deliver an entry for the element's current place. Entries already
        // queued (about the layout before) are taken first: a disconnected observer still delivers them.
        self.observed.with_value(|el| {
            self.observer.with_value(|o| {
                if let (Some(o), Some(el)) = (o, el) {
                    // Through Reflect: a typed `take_records` adds a shim to the glue (about 100 bytes gzip).
                    if let Ok(take) = js_sys::Reflect::get(o, &"takeRecords".into()) {
                        let _ = take.unchecked_into::<js_sys::Function>().call0(o);
                    }
                    o.disconnect();
                    o.observe(el);
                }
            })
        });
    }
}

/// Watches whether the element of `target` is within `margin` (a CSS margin such as `"1200px 0px"`) of the
/// viewport: the infinite-scroll sentinel, a video that plays while in view.
pub fn use_near_viewport<E>(target: NodeRef<E>, margin: &'static str) -> NearViewport
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let near = RwSignal::new(false);
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(e) = entries.iter().last().and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok()) {
            near.try_set(e.is_intersecting());
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin(margin);
    let observer = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok();
    let observer = StoredValue::new_local(observer);
    let callback = StoredValue::new_local(Some(callback));
    let observed = StoredValue::new_local(None);
    Effect::new(move |_| {
        if let Some(el) = target.get() {
            if let Ok(el) = el.dyn_into::<web_sys::Element>() {
                observer.with_value(|o| {
                    if let Some(o) = o {
                        o.observe(&el);
                    }
                });
                observed.set_value(Some(el));
            }
        }
    });
    on_cleanup(move || {
        observer.try_with_value(|o| {
            if let Some(o) = o {
                o.disconnect();
            }
        });
        // A queued entry may still be delivered after `disconnect`; the closure stays alive for it.
        if let Some(Some(cb)) = callback.try_update_value(Option::take) {
            cb.forget();
        }
    });
    NearViewport { near: near.read_only(), answer: near, observer, observed }
}
