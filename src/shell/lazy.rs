//! What a split build (`--features split`, `make build`) loads after the feed: every page but the feed, and the
//! item menu, share sheet and code box (and the feed's 关注 tab, `pages::feed`), each a wasm chunk that scripts/split-wasm.mjs cuts out of the build.
//!
//! Every chunk is declared `fallible`: one that cannot load (offline before the service worker kept it, a
//! deployment that replaced it) costs only what it holds. A page shows the network error state with a retry,
//! an overlay says so in a toast and closes, and the app goes on. Leptos's `#[lazy_route]` would abort the
//! whole app instead (a panic in wasm).

#[cfg(all(feature = "split", not(feature = "feed-only")))]
pub use split::*;

/// Starts loading the chunks a viewer is likely to need next, once: the item page (and `pages.css`), the share
/// sheet, the item menu and the 关注 tab, so opening a card or a sheet does not wait for its code. An unsplit
/// build has all the code already and loads `pages.css` at start instead.
pub fn prefetch() {
    #[cfg(all(feature = "split", not(feature = "feed-only")))]
    split::prefetch_once();
}

/// In an unsplit build (`trunk serve`, tests) the pages are not lazy routes that wait for `pages.css`, so it
/// is added at start.
pub fn unsplit_styles() {
    #[cfg(not(all(feature = "split", not(feature = "feed-only"))))]
    let _ = crate::components::stylesheet::stylesheet("pages.css");
}

#[cfg(all(feature = "split", not(feature = "feed-only")))]
mod split {
    use leptos::prelude::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};
    use leptos_router::LazyRoute;

    use crate::app::use_ctx;
    use crate::components::item_menu::ItemMenu;
    use crate::components::share::{CodeDialog, ShareSheet};
    use crate::components::states::code_failed;
    use crate::components::stylesheet::stylesheet;
    use crate::pages::{
        campaign::CampaignPage, creator::CreatorPage, interests::InterestsPage, item::ItemPage, settings::SettingsPage,
        studio::StudioPage,
    };
    use crate::text;

    macro_rules! lazy_page {
        ($route:ident, $page:ident, $chunk:ident, $preload:ident) => {
            /// The lazy route of one page; it holds no data (pages load their own documents).
            pub struct $route;

            #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, preload($preload), fallible)]
            fn $chunk() -> Result<AnyView, SplitLoaderError> {
                Ok(view! { <$page/> }.into_any())
            }

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }
                async fn view(_this: Self) -> AnyView {
                    // The page's rules (`pages.css`), if neither the prefetch nor a deep link started them:
                    // a few KB that arrive before the page's code does.
                    let _ = stylesheet("pages.css");
                    $chunk().await.unwrap_or_else(|_| code_failed(stringify!($page)))
                }
                async fn preload() {
                    // A failed prefetch is tried again when the route is visited.
                    let _ = $preload().await;
                }
            }
        };
    }
    lazy_page!(ItemRoute, ItemPage, item_page, preload_item_page);
    lazy_page!(CreatorRoute, CreatorPage, creator_page, preload_creator_page);
    lazy_page!(CampaignRoute, CampaignPage, campaign_page, preload_campaign_page);
    lazy_page!(StudioRoute, StudioPage, studio_page, preload_studio_page);
    lazy_page!(InterestsRoute, InterestsPage, interests_page, preload_interests_page);
    lazy_page!(SettingsRoute, SettingsPage, settings_page, preload_settings_page);

    macro_rules! lazy_overlay {
        ($component:ident, $chunk:ident, $preload:ident) => {
            #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, preload($preload), fallible)]
            fn $chunk() -> Result<AnyView, SplitLoaderError> {
                Ok(view! { <$component/> }.into_any())
            }
        };
    }
    lazy_overlay!(ItemMenu, item_menu, preload_item_menu);
    lazy_overlay!(ShareSheet, share_sheet, preload_share_sheet);
    lazy_overlay!(CodeDialog, code_dialog, preload_code_dialog);

    /// An app-wide sheet or dialog whose code is a chunk of its own.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Overlay {
        /// The item menu (not interested, mute, why).
        ItemMenu,
        /// The share sheet.
        ShareSheet,
        /// The "open a share code" box.
        CodeDialog,
    }

    /// Mounts an overlay the first time it is asked to open, fetching its chunk then (or using the prefetched
    /// one). The overlay's own component opens itself from the same signal once it is there.
    #[component]
    pub fn Deferred(overlay: Overlay) -> impl IntoView {
        let ctx = use_ctx();
        let wanted = move || match overlay {
            Overlay::ItemMenu => ctx.menu_item.with(Option::is_some),
            Overlay::ShareSheet => ctx.social.share.with(Option::is_some),
            Overlay::CodeDialog => ctx.social.code_open.get(),
        };
        let mounted = RwSignal::new(false);
        // Set once: setting a signal notifies even when the value is the same, and every notification would
        // build the overlay anew (with a new key listener on its dialog each time).
        Effect::new(move |_| {
            if wanted() && !mounted.get_untracked() {
                mounted.set(true);
            }
        });
        move || {
            mounted.get().then(|| {
                Suspend::new(async move {
                    let loaded = match overlay {
                        Overlay::ItemMenu => item_menu().await,
                        Overlay::ShareSheet => share_sheet().await,
                        Overlay::CodeDialog => code_dialog().await,
                    };
                    loaded.unwrap_or_else(|_| {
                        leptos::logging::warn!("guang: the code of {overlay:?} did not load");
                        ctx.pers.say(text!(error_network));
                        match overlay {
                            Overlay::ItemMenu => ctx.menu_item.set(None),
                            Overlay::ShareSheet => ctx.social.share.set(None),
                            Overlay::CodeDialog => ctx.social.code_open.set(false),
                        }
                        mounted.set(false);
                        ().into_any()
                    })
                })
            })
        }
    }

    /// See [`super::prefetch`].
    pub(super) fn prefetch_once() {
        use std::sync::atomic::{AtomicBool, Ordering};
        static STARTED: AtomicBool = AtomicBool::new(false);
        if STARTED.swap(true, Ordering::Relaxed) {
            return;
        }
        let _ = stylesheet("pages.css");
        leptos::task::spawn_local(async {
            ItemRoute::preload().await;
            // Failures are tried again when the overlay is opened.
            let _ = preload_share_sheet().await;
            let _ = preload_item_menu().await;
            let _ = crate::pages::feed::prefetch_following_tab().await;
        });
    }
}
