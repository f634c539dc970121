//! The router: the header and banners every page shares, and the one place where every route is declared.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::app::{embed, offline, prefs, use_ctx, Ctx, Session};
use crate::components::header::Header;
use crate::i18n::Locale;
use crate::pages::{feed::FeedPage, not_found::Missing, not_found::NotFound};
#[cfg(not(feature = "feed-only"))]
use crate::{
    components::item_menu::ItemMenu,
    components::share::{CodeDialog, ShareSheet},
    components::shortcuts::Shortcuts,
    pages::{
        creator::CreatorPage, interests::InterestsPage, item::ItemPage, settings::SettingsPage, studio::StudioPage,
    },
};

#[cfg(not(feature = "feed-only"))]
use crate::pages::campaign::CampaignPage;

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
            <main id="main" tabindex="-1">{pages()}</main>
            {overlays()}
        </Router>
    }
}

/// Every route of the app.
#[cfg(not(feature = "feed-only"))]
fn pages() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <NotFound what=Missing::Page/> }>
            <Route path=path!("/") view=FeedPage/>
            <Route path=path!("/item/:id") view=ItemPage/>
            <Route path=path!("/creator/:id") view=CreatorPage/>
            <Route path=path!("/campaign/:id") view=CampaignPage/>
            <Route path=path!("/creator/:id/preview") view=StudioPage/>
            <Route path=path!("/me/interests") view=InterestsPage/>
            <Route path=path!("/me/settings") view=SettingsPage/>
        </Routes>
    }
}

/// The sheets and dialogs that any page can open.
#[cfg(not(feature = "feed-only"))]
fn overlays() -> impl IntoView {
    view! {
        <ItemMenu/>
        <ShareSheet/>
        <Shortcuts/>
        <CodeDialog/>
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

/// In the floor build nothing opens a sheet.
#[cfg(feature = "feed-only")]
fn overlays() -> impl IntoView {}

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
