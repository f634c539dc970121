//! Network state and the service worker. The app says when it is offline (and keeps working from what the
//! service worker cached), and when a new version has been installed it offers a reload instead of swapping
//! code under a running session. The worker is registered in release builds only, so `trunk serve` never
//! serves a stale build from a cache.

use crate::tr;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Connectivity and update state, shared by the banners.
#[derive(Clone, Copy)]
pub struct Net {
    /// The browser believes it is online.
    pub online: RwSignal<bool>,
    /// A new version is installed and waiting for the user's reload.
    pub update_ready: RwSignal<bool>,
    registration: StoredValue<Option<web_sys::ServiceWorkerRegistration>, LocalStorage>,
}

impl Net {
    /// Starts watching: `online` / `offline` events, and (release builds) registers `sw.js`.
    pub fn start() -> Self {
        let online = web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(true);
        let net = Self {
            online: RwSignal::new(online),
            update_ready: RwSignal::new(false),
            registration: StoredValue::new_local(None),
        };
        let on = window_event_listener(leptos::ev::online, move |_| net.online.set(true));
        let off = window_event_listener(leptos::ev::offline, move |_| net.online.set(false));
        on_cleanup(move || {
            on.remove();
            off.remove();
        });
        if !cfg!(debug_assertions) {
            net.register();
        }
        net
    }

    fn register(self) {
        let Some(window) = web_sys::window() else { return };
        let container = window.navigator().service_worker();
        if JsValue::from(&container).is_undefined() {
            return;
        }
        // Reload once the waiting version has taken over, after the user asked for it.
        let reload = Closure::<dyn FnMut()>::new(move || {
            if self.update_ready.try_get_untracked() == Some(true) {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        });
        container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
        let promise = container.register("sw.js");
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(reg) => {
                    if let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() {
                        self.watch(reg);
                    }
                }
                Err(e) => leptos::logging::warn!("guang: service worker not registered: {e:?}"),
            }
        });
    }

    /// Notices a new version: one already waiting, or one that finishes installing while the page runs.
    fn watch(self, reg: web_sys::ServiceWorkerRegistration) {
        let controlled = || web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some());
        if reg.waiting().is_some() && controlled() {
            self.update_ready.try_set(true);
        }
        let reg2 = reg.clone();
        let found = Closure::<dyn FnMut()>::new(move || {
            let Some(worker) = reg2.installing() else { return };
            // Only a worker that arrives while an older one controls the page is a new version. The very first
            // install is not: asked "is the page controlled?" when it has installed, WebKit can already answer
            // yes (the new worker has claimed the page by the time the event is handled), and the page would
            // reload under the user half a second into their first visit.
            let update = controlled();
            let w2 = worker.clone();
            let changed = Closure::<dyn FnMut()>::new(move || {
                if update && w2.state() == web_sys::ServiceWorkerState::Installed {
                    self.update_ready.try_set(true);
                }
            });
            worker.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            changed.forget();
        });
        reg.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget();
        self.registration.try_set_value(Some(reg));
    }

    /// Lets the waiting version take over; the page reloads when it has.
    ///
    /// If it has not taken over after `TAKEOVER_WAIT`, the registration is dropped and the page reloaded from
    /// the network, which registers the new version afresh (the caches stay). Chromium can wedge the old
    /// worker when fetches reach it while it is being replaced: the new one then never activates, and the
    /// old one answers nothing, not even the reload's navigation. Offline the page keeps waiting instead,
    /// since a page reloaded without its worker would not load.
    pub fn apply_update(&self) {
        let reg = self.registration.try_get_value().flatten();
        let Some((worker, reg)) = reg.and_then(|r| Some((r.waiting()?, r))) else {
            return reload();
        };
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &"skip-waiting".into());
        let _ = worker.post_message(&msg);
        let online = self.online;
        set_timeout(
            move || {
                if reg.waiting().is_none() || online.try_get_untracked() != Some(true) {
                    return;
                }
                leptos::logging::warn!("guang: the new version did not take over; registering it afresh");
                if let Ok(p) = reg.unregister() {
                    leptos::task::spawn_local(async move {
                        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                        reload();
                    });
                }
            },
            TAKEOVER_WAIT,
        );
    }
}

/// How long a new version may take to activate before the page stops relying on the old worker: activation
/// takes a few hundred milliseconds, or longer while the old worker finishes a slow download.
const TAKEOVER_WAIT: std::time::Duration = std::time::Duration::from_secs(4);

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// The offline and new-version banners.
#[component]
pub fn NetBanners() -> impl IntoView {
    let ctx = crate::app::use_ctx();
    let net = ctx.net;
    view! {
        <Show when=move || !net.online.get()>
            <p class="net-banner" role="status" data-testid="offline-banner">{move || tr!(ctx.locale.get(), offline_banner)}</p>
        </Show>
        <Show when=move || net.update_ready.get()>
            <div class="net-banner net-update" role="status" data-testid="update-banner" data-not-reading="">
                <span>{move || tr!(ctx.locale.get(), update_ready)}</span>
                <button type="button" class="btn btn-small btn-primary" on:click=move |_| net.apply_update()>
                    {move || tr!(ctx.locale.get(), reload)}
                </button>
            </div>
        </Show>
    }
}
