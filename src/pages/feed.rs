//! `/`: the discovery feed with the 推荐 (for you) and 关注 (following) tabs and topic channels.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::paths;
use crate::app::{set_title, use_ctx};
use crate::components::following::FollowingFeed;
use crate::components::icons::RefreshIcon;
use crate::components::paged_feed::PagedFeed;
use crate::components::venue_banner::VenueBanner;
use crate::social::Source;
use crate::{text, tr};

/// The feed page. `?tab=following` selects 关注; `?channel=ID` selects a topic channel under 推荐.
#[component]
pub fn FeedPage() -> impl IntoView {
    let ctx = use_ctx();
    let query = use_query_map();
    let following = Memo::new(move |_| query.with(|q| q.get("tab").as_deref() == Some("following")));
    let channels = ctx.session().index.channels.clone();
    let default_channel = channels.first().map(|c| c.id.clone()).unwrap_or_default();
    let channel = {
        let channels = channels.clone();
        Memo::new(move |_| {
            let wanted = query.with(|q| q.get("channel")).unwrap_or_default();
            if channels.iter().any(|c| c.id == wanted) {
                wanted
            } else {
                default_channel.clone()
            }
        })
    };
    {
        Effect::new(move |_| {
            ctx.social.set_surface(if following.get() { Source::Following } else { Source::Recommend });
            let tab = if following.get() { text!(tab_following) } else { text!(tab_recommend) };
            set_title(&format!("{} · {}", ctx.t(tab), tr!(ctx.locale.get(), app_name)));
        });
    }
    // Refresh the recommend channel on screen: new items wait behind the "N new" pill.
    let refresh = move || {
        if !following.get_untracked() {
            ctx.list(&ctx.url(&paths::feed(&channel.get_untracked()))).refresh(ctx);
        }
    };
    let pull = use_pull_to_refresh(refresh);
    let tabs = view! {
        <nav class="tabs" aria-label=move || tr!(ctx.locale.get(), main_nav)>
            <a href="/" class="tab" aria-current=move || (!following.get()).then_some("page")>
                {move || tr!(ctx.locale.get(), tab_recommend)}
            </a>
            <a href="/?tab=following" class="tab" aria-current=move || following.get().then_some("page")>
                {move || tr!(ctx.locale.get(), tab_following)}
            </a>
            <button
                type="button"
                class="icon-btn tabs-refresh"
                data-testid="refresh"
                aria-label=move || tr!(ctx.locale.get(), refresh)
                on:click=move |_| refresh()
            >
                <RefreshIcon/>
            </button>
        </nav>
        <p class="pull-hint" class:is-armed=move || pull.get() == Pull::Armed aria-hidden="true">
            {move || if pull.get() == Pull::Idle { "" } else { tr!(ctx.locale.get(), release_to_refresh) }}
        </p>
    };
    let chips = {
        move || {
            let lang = ctx.locale;
            view! {
                <nav class="chips" aria-label=move || tr!(ctx.locale.get(), channels)>
                    {channels
                        .iter()
                        .enumerate()
                        .map(|(i, ch)| {
                            let href = if i == 0 { "/".to_string() } else { format!("/?channel={}", ch.id) };
                            let id = ch.id.clone();
                            let name = ch.name.clone();
                            view! {
                                <a
                                    class="chip"
                                    href=href
                                    data-channel=id.clone()
                                    aria-current=move || (channel.get() == id).then_some("page")
                                >
                                    {move || name.get(lang.get().tag()).to_string()}
                                </a>
                            }
                        })
                        .collect_view()}
                </nav>
            }
        }
    };

    // An embed keeps no place: its frame is as tall as its content and the host page owns the scrolling, so
    // restoring hundreds of cards would make the host page tens of thousands of pixels tall, and saving would
    // overwrite the place the user left in Guang itself (same site, same storage).
    let embedded = crate::app::embed::active();

    view! {
        <h1 id="page-heading" class="visually-hidden" tabindex="-1">{move || tr!(ctx.locale.get(), feed)}</h1>
        {tabs}
        {move || {
            if following.get() {
                following_tab()
            } else {
                let list = ctx.list(&ctx.url(&paths::feed(&channel.get())));
                view! {
                    <VenueBanner/>
                    {chips.clone()}
                    <PagedFeed list empty=text!(end_of_feed) restore=!embedded personalized=true/>
                }
                .into_any()
            }
        }}
    }
}

/// The 关注 tab. In a split build its code is a chunk of its own (most visits start on 推荐), fetched when the
/// tab is first shown or prefetched with the item page; one that cannot load offers a retry.
#[cfg(not(all(feature = "split", not(feature = "feed-only"))))]
fn following_tab() -> AnyView {
    view! { <FollowingFeed/> }.into_any()
}
#[cfg(all(feature = "split", not(feature = "feed-only")))]
fn following_tab() -> AnyView {
    Suspend::new(async {
        following_chunk().await.unwrap_or_else(|_| crate::components::states::code_failed("the following tab"))
    })
    .into_any()
}

#[cfg(all(feature = "split", not(feature = "feed-only")))]
#[leptos::wasm_split::wasm_split(
    following_chunk,
    wasm_split_path = ::leptos::wasm_split,
    preload(
        /// Fetches the 关注 tab's chunk ahead of time (a failure is tried again when the tab is shown).
        prefetch_following_tab
    ),
    fallible
)]
pub(crate) fn following_chunk() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(view! { <FollowingFeed/> }.into_any())
}

/// Where a pull-to-refresh gesture stands.
#[derive(Clone, Copy, PartialEq)]
enum Pull {
    Idle,
    Pulling,
    Armed,
}

/// Pull down from the top of the page on a touch screen, release past the threshold, and `refresh` runs.
fn use_pull_to_refresh(refresh: impl Fn() + Copy + 'static) -> RwSignal<Pull> {
    const THRESHOLD: f64 = 80.0;
    let state = RwSignal::new(Pull::Idle);
    // Embedded, the frame is as tall as its content and never scrolls: a downward drag is the reader
    // scrolling the host page, not a pull.
    if crate::app::embed::active() {
        return state;
    }
    let start = StoredValue::new(None::<f64>);
    let y_of = |ev: &web_sys::TouchEvent| ev.touches().get(0).map(|t| f64::from(t.client_y()));
    let down = window_event_listener(leptos::ev::touchstart, move |ev| {
        let at_top = crate::app::scroll_y() <= 0.0;
        start.set_value(if at_top { y_of(&ev) } else { None });
    });
    let moved = window_event_listener(leptos::ev::touchmove, move |ev| {
        if let (Some(s), Some(y)) = (start.get_value(), y_of(&ev)) {
            let next = match y - s {
                d if d > THRESHOLD => Pull::Armed,
                d if d > 10.0 => Pull::Pulling,
                _ => Pull::Idle,
            };
            if state.get_untracked() != next {
                state.set(next);
            }
        }
    });
    let up = window_event_listener(leptos::ev::touchend, move |_| {
        if state.get_untracked() == Pull::Armed {
            refresh();
        }
        start.set_value(None);
        state.set(Pull::Idle);
    });
    on_cleanup(move || {
        down.remove();
        moved.remove();
        up.remove();
    });
    state
}
