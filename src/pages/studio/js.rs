//! Browser APIs only the studio uses (the Cache API, image decoding, video metadata, dropped files), called by
//! name through `Reflect` instead of typed web-sys bindings. Every typed binding adds an import to the wasm and
//! a shim to the app's one JS glue file, which every viewer downloads with the first load even though the
//! studio's code is a lazy chunk; these calls reuse the few generic imports the app already has.

use futures::channel::oneshot;
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The global object (the window).
pub fn global() -> JsValue {
    js_sys::global().into()
}

/// `obj[key]`, or `undefined`.
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `obj[index]`, or `undefined` (a `FileList`'s entries).
pub fn at(obj: &JsValue, index: u32) -> JsValue {
    Reflect::get(obj, &JsValue::from(index)).unwrap_or(JsValue::UNDEFINED)
}

/// `obj[key] = value`.
pub fn set(obj: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

/// `obj[key]` as a number (0 when absent or not a number).
pub fn number(obj: &JsValue, key: &str) -> f64 {
    get(obj, key).as_f64().unwrap_or(0.0)
}

/// `obj[key]` as a string (empty when absent).
pub fn string(obj: &JsValue, key: &str) -> String {
    get(obj, key).as_string().unwrap_or_default()
}

fn array(args: &[&JsValue]) -> Array {
    args.iter().copied().collect()
}

/// `obj.method(...args)`.
pub fn call(obj: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = get(obj, method).dyn_into()?;
    Reflect::apply(&f, obj, &array(args))
}

/// `await obj.method(...args)`.
pub async fn call_async(obj: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    JsFuture::from(Promise::resolve(&call(obj, method, args)?)).await
}

/// `new globalThis[ctor](...args)`.
pub fn construct(ctor: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let c: Function = get(&global(), ctor).dyn_into()?;
    Reflect::construct(&c, &array(args))
}

/// An event listener kept alive while it is registered.
type Listener = Closure<dyn FnMut()>;

/// Waits for the first of `events` on `target`; returns which one fired.
pub async fn first_event(target: &web_sys::EventTarget, events: &[&'static str]) -> Option<&'static str> {
    let (tx, rx) = oneshot::channel::<&'static str>();
    let tx = std::rc::Rc::new(std::cell::RefCell::new(Some(tx)));
    let handlers: Vec<(&'static str, Listener)> = events
        .iter()
        .map(|&name| {
            let tx = tx.clone();
            (
                name,
                Listener::new(move || {
                    if let Some(tx) = tx.borrow_mut().take() {
                        let _ = tx.send(name);
                    }
                }),
            )
        })
        .collect();
    for (name, h) in &handlers {
        let _ = target.add_event_listener_with_callback(name, h.as_ref().unchecked_ref());
    }
    let fired = rx.await.ok();
    for (name, h) in &handlers {
        let _ = target.remove_event_listener_with_callback(name, h.as_ref().unchecked_ref());
    }
    fired
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: u32) {
    let (tx, rx) = oneshot::channel::<()>();
    leptos::prelude::set_timeout(
        move || {
            let _ = tx.send(());
        },
        std::time::Duration::from_millis(u64::from(ms)),
    );
    let _ = rx.await;
}

/// `fut`'s output, or `None` when it takes longer than `ms` milliseconds (a media element that never answers).
pub async fn within<T>(ms: u32, fut: impl std::future::Future<Output = T>) -> Option<T> {
    use futures::future::{select, Either};
    match select(std::pin::pin!(fut), std::pin::pin!(sleep(ms))).await {
        Either::Left((out, _)) => Some(out),
        Either::Right(_) => None,
    }
}
