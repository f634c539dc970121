//! Embed mode in the browser (`?embed=1` on any route): no app chrome, compact spacing, the host's theme and
//! language, and the postMessage bridge of `docs/embed.md`.
//!
//! Every decision lives in the pure [`crate::embed`] module; this file reads what the browser knows (the URL,
//! `location.ancestorOrigins`, the referrer, message events), asks those functions, and acts. The rules that
//! matter for safety, enforced here:
//! - messages go only to the one host origin [`crate::embed::choose_host_origin`] picked from `config.json`'s
//!   `embed_origins`, with `postMessage(message, thatOrigin)`, never `*`; with no such origin nothing is sent;
//! - an incoming message is used only if its origin is that host origin, its source is `window.parent`, and it
//!   validates; anything else is ignored with a console warning.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::app::Ctx;
use crate::embed::{
    accepts_origin, choose_host_origin, open_target, parse_from_host_json, EmbedParams, FromHost, HostHints,
    Navigation, ProtocolError, ToHost,
};

/// What embed mode knows for the life of the page.
struct Bridge {
    /// The id echoed in `ready` and expected in `hello`.
    id: String,
    /// `?origin=`, a hint for the origin rule.
    origin_hint: Option<String>,
    /// The chosen host origin; `None` means nothing is sent.
    host: Option<String>,
    /// `window.parent`, the only window messages are accepted from.
    parent: Option<web_sys::Window>,
    /// Who navigates on `open`, as the host said in `hello`.
    navigation: Navigation,
    /// Last height sent.
    height: u32,
    /// Whether a height measurement is already scheduled for the next frame.
    measuring: bool,
    /// Kept so the observer lives as long as the page.
    observer: Option<web_sys::ResizeObserver>,
}

thread_local! {
    static BRIDGE: RefCell<Option<Bridge>> = const { RefCell::new(None) };
}

/// Runs `f` on the bridge, if embed mode is on. Borrows are kept short: nothing inside calls back in here.
fn with_bridge<R>(f: impl FnOnce(&mut Bridge) -> R) -> Option<R> {
    BRIDGE.with(|b| b.try_borrow_mut().ok()?.as_mut().map(f))
}

fn html() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Reads `?embed=1` and its parameters and, in embed mode, styles `<html>` (class `embed`, `embed-frame` when
/// framed, and the theme) before anything renders. Called first thing at start-up; returns whether embed
/// mode is on.
pub fn init() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let search = window.location().search().unwrap_or_default();
    let Some(query) = web_sys::UrlSearchParams::new_with_str(&search).ok() else { return false };
    let Some(params) = EmbedParams::from_query(|k| query.get(k)) else { return false };
    if let Some(el) = html() {
        let classes = el.class_list();
        let _ = classes.add_1("embed");
        if is_framed(&window) {
            let _ = classes.add_1("embed-frame");
        }
    }
    if let Some(theme) = params.theme {
        super::prefs::pin_theme(theme);
    }
    let id = params.id.unwrap_or_else(|| format!("g{:x}", (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64));
    BRIDGE.with(|b| {
        *b.borrow_mut() = Some(Bridge {
            id,
            origin_hint: params.origin,
            host: None,
            parent: None,
            navigation: Navigation::Guang,
            height: 0,
            measuring: false,
            observer: None,
        });
    });
    true
}

/// Whether the page runs in embed mode (no header, compact, bridge on).
pub fn active() -> bool {
    with_bridge(|_| ()).is_some()
}

fn is_framed(window: &web_sys::Window) -> bool {
    window.parent().ok().flatten().is_some_and(|p| {
        let own: &JsValue = window.as_ref();
        let parent: &JsValue = p.as_ref();
        own != parent
    })
}

/// Starts the bridge once the app is mounted: picks the host origin, listens for the host's messages and
/// for clicks that open items or creators, posts `ready`, and reports the content height from then on.
/// Does nothing outside embed mode.
pub fn connect(ctx: Ctx) {
    let Some(hint) = with_bridge(|b| b.origin_hint.clone()) else { return };
    let Some(window) = web_sys::window() else { return };
    let framed = is_framed(&window);
    let location = window.location();
    // Not every browser has `location.ancestorOrigins` (Firefox does not); then the hint and referrer decide.
    let ancestor = js_sys::Reflect::get(&location, &JsValue::from_str("ancestorOrigins"))
        .ok()
        .filter(|l| l.is_object())
        .and_then(|l| l.unchecked_into::<web_sys::DomStringList>().item(0));
    let referrer = window.document().map(|d| d.referrer()).unwrap_or_default();
    let allowed = ctx.session().config.embed_origins.clone();
    let hints = HostHints {
        allowed: &allowed,
        framed,
        ancestor: ancestor.as_deref(),
        query: hint.as_deref(),
        referrer: Some(referrer.as_str()),
    };
    let parent = window.parent().ok().flatten();
    match choose_host_origin(&hints) {
        Ok(host) => {
            with_bridge(|b| {
                b.host = Some(host);
                b.parent = parent;
            });
        }
        Err(why) => leptos::logging::warn!("guang: embed: no messages will be sent: {why}"),
    }

    let messages = window_event_listener_untyped("message", move |ev| {
        if let Ok(ev) = ev.dyn_into::<web_sys::MessageEvent>() {
            on_message(ctx, &ev);
        }
    });
    on_cleanup(move || messages.remove());
    // Capture phase: runs before the router's own click handling, so a host that navigates can stop it.
    let clicks = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(on_click);
    let _ = window.add_event_listener_with_callback_and_bool("click", clicks.as_ref().unchecked_ref(), true);
    // The listener lives as long as the page, like the app itself.
    clicks.forget();

    let Some(id) = with_bridge(|b| b.host.is_some().then(|| b.id.clone())).flatten() else { return };
    post(ToHost::Ready { id });
    watch_height();
}

/// Sends `msg` to the host origin, if there is one. Messages that fail [`ToHost::is_valid`] are dropped.
pub fn post(msg: ToHost) {
    let Some((host, parent)) = with_bridge(|b| b.host.clone().zip(b.parent.clone())).flatten() else { return };
    let json = msg.to_json();
    if !msg.is_valid() {
        leptos::logging::warn!("guang: embed: not sending an invalid message: {json}");
        return;
    }
    let Ok(data) = js_sys::JSON::parse(&json) else { return };
    if parent.post_message(&data, &host).is_err() {
        leptos::logging::warn!("guang: embed: could not post {json}");
    }
}

/// Whether the host asked to handle `open` itself (`hello` with `navigation: "host"`).
pub fn host_navigates() -> bool {
    with_bridge(|b| b.host.is_some() && b.navigation == Navigation::Host).unwrap_or(false)
}

fn on_message(ctx: Ctx, ev: &web_sys::MessageEvent) {
    let origin = ev.origin();
    match accept(ev, &origin) {
        Ok(Some(msg)) => act(ctx, msg),
        // A type this version does not know: a newer host; nothing to do.
        Ok(None) => {}
        Err(why) => leptos::logging::warn!("guang: embed: ignored a message from {origin}: {why}"),
    }
}

/// The message of `ev` if it is the host's and valid, or why not.
fn accept(ev: &web_sys::MessageEvent, origin: &str) -> Result<Option<FromHost>, String> {
    let (host, parent) = with_bridge(|b| (b.host.clone(), b.parent.clone())).unwrap_or_default();
    let Some(host) = host else { return Err("no host origin is allowed".into()) };
    if !accepts_origin(&host, origin) {
        return Err(format!("only {host} is listened to"));
    }
    let from_parent = match (ev.source(), parent) {
        (Some(source), Some(parent)) => {
            let source: &JsValue = source.as_ref();
            let parent: &JsValue = parent.as_ref();
            source == parent
        }
        _ => false,
    };
    if !from_parent {
        return Err("not sent by the parent window".into());
    }
    let json = js_sys::JSON::stringify(&ev.data()).ok().and_then(|s| JsValue::from(s).as_string());
    json.map_or(Err(ProtocolError::NotJson), |j| parse_from_host_json(&j)).map_err(|e| e.to_string())
}

/// Does what a valid host message asks.
fn act(ctx: Ctx, msg: FromHost) {
    let id = with_bridge(|b| b.id.clone()).unwrap_or_default();
    match msg {
        FromHost::Hello { id: theirs, navigation } => {
            if theirs != id {
                leptos::logging::warn!("guang: embed: ignored hello for another frame ({theirs}, this is {id})");
                return;
            }
            with_bridge(|b| b.navigation = navigation);
            // The host may have started listening late: tell it the current height again.
            report_height(true);
        }
        FromHost::Theme { theme } => super::prefs::pin_theme(theme),
        // The host's choice for this frame; not saved as the user's own language.
        FromHost::Locale { locale } => ctx.locale.set(locale),
    }
}

/// Clicks in embed mode: anchors dialogs near the click (see `html.embed-frame .sheet` in the stylesheet),
/// and turns a plain click on an item or creator link into an `open` message, keeping Guang in place when
/// the host navigates.
fn on_click(ev: web_sys::MouseEvent) {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    anchor_dialogs(&el);
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
        return;
    }
    let Some(a) = el.closest("a[href]").ok().flatten() else { return };
    if a.has_attribute("target") || a.has_attribute("download") {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let (Some(href), Ok(base), Ok(own)) = (a.get_attribute("href"), location.href(), location.origin()) else { return };
    let Ok(url) = web_sys::Url::new_with_base(&href, &base) else { return };
    // Another origin is not Guang's to report; the same path with another query is a tab of this page.
    if url.origin() != own || location.pathname().is_ok_and(|p| p == url.pathname()) {
        return;
    }
    let Some((kind, id)) = open_target(&url.pathname()) else { return };
    let page = format!("{own}{}", kind.path(&id));
    post(ToHost::Open { kind, id, url: page });
    if host_navigates() {
        ev.prevent_default();
    }
}

/// Notes where the user just clicked, as `--embed-y` on `<html>`. A frame as tall as its content has a
/// "viewport" as tall as the content too, so a dialog centred in it could open far outside what the user
/// sees; the stylesheet places dialogs and the toast near this point instead.
fn anchor_dialogs(target: &web_sys::Element) {
    let el = target.closest("button, a, [role=button]").ok().flatten().unwrap_or_else(|| target.clone());
    let rect = el.get_bounding_client_rect();
    let y = (rect.top() + rect.height() / 2.0).max(0.0);
    if let Some(html) = html().and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = html.style().set_property("--embed-y", &format!("{}px", crate::format::fixed(y, 0)));
    }
}

/// Observes the document's size and reports its height, at most once per frame and only when it changed.
fn watch_height() {
    let Some(root) = html() else { return };
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |_entries: JsValue| {
        let already = with_bridge(|b| std::mem::replace(&mut b.measuring, true)).unwrap_or(true);
        if !already {
            request_animation_frame(|| {
                with_bridge(|b| b.measuring = false);
                report_height(false);
            });
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
    // The observer reports for the life of the page.
    callback.forget();
    if let Some(o) = observer {
        o.observe(&root);
        with_bridge(|b| b.observer = Some(o));
    }
}

/// Posts `resize` with the document's height (rounded up) if it changed since the last one, or always
/// with `force`.
fn report_height(force: bool) {
    let Some(root) = html() else { return };
    let height = root.get_bounding_client_rect().height().ceil().clamp(0.0, 1_000_000.0) as u32;
    let changed = with_bridge(|b| std::mem::replace(&mut b.height, height) != height).unwrap_or(false);
    if changed || force {
        post(ToHost::Resize { height });
    }
}
