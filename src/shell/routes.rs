//! The router: the header and banners every page shares, and the one place where every route is declared.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use wasm_bindgen::JsCast;

use crate::app::{embed, offline, prefs, use_ctx, Ctx, Session};
use crate::components::header::Header;
#[cfg(not(feature = "feed-only"))]
use crate::components::shortcuts::Shortcuts;
use crate::components::toast::Toast;
#[cfg(all(not(feature = "feed-only"), not(feature = "split")))]
use crate::components::{
    item_menu::ItemMenu,
    share::{CodeDialog, ShareSheet},
};
use crate::i18n::Locale;
#[cfg(all(not(feature = "feed-only"), not(feature = "split")))]
use crate::pages::{
    campaign::CampaignPage, creator::CreatorPage, interests::InterestsPage, item::ItemPage, settings::SettingsPage,
    studio::StudioPage,
};
use crate::pages::{feed::FeedPage, not_found::Missing, not_found::NotFound};

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
    // The reader's first touch, key or scroll marks them engaged (`Ctx::engaged`) and starts the chunks a
    // viewer is likely to need next (split builds: the item page, the share sheet, the item menu, the 关注
    // tab); for a reader who does none of these they start five seconds after start, once the first screen
    // has settled: their 30-odd fetches and instantiations are main-thread work a slow phone's start should
    // not share (README "Performance"). A tap starts them at its pointerdown, before its click opens a card.
    // Not a press inside `[data-not-reading]` (the new-version banner): its loads ahead would reach the old
    // service worker while the new one takes over, which can wedge Chromium's switch (`offline.rs`).
    let engage = move |e: web_sys::Event| {
        let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if target.is_some_and(|t| t.closest("[data-not-reading]").ok().flatten().is_some()) {
            return;
        }
        if !ctx.engaged.get_untracked() {
            ctx.engaged.set(true);
        }
        super::lazy::prefetch();
    };
    let touched = window_event_listener_untyped("pointerdown", engage);
    let keyed = window_event_listener_untyped("keydown", engage);
    let scrolled = window_event_listener_untyped("scroll", engage);
    set_timeout(super::lazy::prefetch, std::time::Duration::from_secs(5));
    super::lazy::unsplit_styles();
    let online = window_event_listener(leptos::ev::online, move |_| ctx.social.on_online());
    let hidden = window_event_listener(leptos::ev::pagehide, move |_| ctx.social.send_events());
    let visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden()) {
            ctx.social.send_events();
        }
    });
    on_cleanup(move || {
        touched.remove();
        keyed.remove();
        scrolled.remove();
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
            <main id="main" tabindex="-1">{pages()}</main>
            {overlays()}
        </Router>
    }
}

/// Every route of the app. The feed is in the first download; with `--features split` (release builds) every
/// other page is a lazy route whose code the post-build hook splits into a wasm chunk of its own, fetched
/// when the route is first visited (the item page's earlier, see [`super::lazy::prefetch`]).
#[cfg(not(feature = "feed-only"))]
fn pages() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <NotFound what=Missing::Page/> }>
            <Route path=path!("/") view=FeedPage/>
            <Route path=path!("/item/:id") view=page!(ItemRoute, ItemPage)/>
            <Route path=path!("/creator/:id") view=page!(CreatorRoute, CreatorPage)/>
            <Route path=path!("/campaign/:id") view=page!(CampaignRoute, CampaignPage)/>
            <Route path=path!("/creator/:id/preview") view=page!(StudioRoute, StudioPage)/>
            <Route path=path!("/me/interests") view=page!(InterestsRoute, InterestsPage)/>
            <Route path=path!("/me/settings") view=page!(SettingsRoute, SettingsPage)/>
        </Routes>
    }
}

/// A route's view: the page's lazy route when the build splits, the page component itself otherwise (debug
/// builds, `trunk serve`, the wasm tests: an unsplit build cannot load a lazy function).
#[cfg(all(feature = "split", not(feature = "feed-only")))]
macro_rules! page {
    ($route:ident, $page:ident) => {
        leptos_router::Lazy::<super::lazy::$route>::new()
    };
}
#[cfg(all(not(feature = "split"), not(feature = "feed-only")))]
macro_rules! page {
    ($route:ident, $page:ident) => {
        $page
    };
}
#[cfg(not(feature = "feed-only"))]
use page;

/// The sheets and dialogs that any page can open. In a split build the item menu, the share sheet and the
/// code box are chunks of their own, mounted the first time they are wanted; the shortcuts' key handler is
/// needed from the start.
#[cfg(all(not(feature = "feed-only"), not(feature = "split")))]
fn overlays() -> impl IntoView {
    view! {
        <Toast/>
        <ItemMenu/>
        <ShareSheet/>
        <Shortcuts/>
        <CodeDialog/>
    }
}
#[cfg(all(not(feature = "feed-only"), feature = "split"))]
fn overlays() -> impl IntoView {
    use super::lazy::{Deferred, Overlay};
    view! {
        <Toast/>
        <Deferred overlay=Overlay::ItemMenu/>
        <Deferred overlay=Overlay::ShareSheet/>
        <Shortcuts/>
        <Deferred overlay=Overlay::CodeDialog/>
    }
}

/// `--features feed-only` (`make size-floor`): the feed route alone, with no sheet or dialog, so the size
/// report shows the least a viewer's first load could be if every other route were split off. Not a product.
#[cfg(feature = "feed-only")]
fn pages() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <NotFound what=Missing::Page/> }>
            <Route path=path!("/") view=FeedPage/>
        </Routes>
    }
}

/// In the floor build nothing opens a sheet; the toast still speaks.
#[cfg(feature = "feed-only")]
fn overlays() -> impl IntoView {
    view! { <Toast/> }
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
