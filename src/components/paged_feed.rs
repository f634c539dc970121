//! A paged list on screen: skeleton while the first page loads, the masonry grid, infinite scroll that
//! follows `next`, an inline retry when a later page fails, and an end-of-feed line. It also keeps the
//! list's scroll position so coming back restores the same place.

use crate::components::viewport::use_near_viewport;
use crate::i18n::Text;
use leptos::html::Div;
use leptos::prelude::*;

use crate::app::state::{ListStatus, PagedList};
use crate::app::{restore_scroll, scroll_y, use_ctx};
use crate::components::impressions::track_impressions;
use crate::components::masonry::Masonry;
use crate::components::states::{error_text, ErrorState, RetryButton, SkeletonGrid};
use crate::model::Kind;
use crate::tr;

/// Renders `list`, loading pages as the user nears the end. `empty` is shown for a list with no items.
/// Items a personalised feed keeps loaded beyond what has been shown: five pages of the demo pack (about
/// 30 KB gzip), enough for a re-rank to find several items of whatever the user just opened, little enough
/// not to load the whole feed (docs/ranking.md).
pub const UNSEEN_AHEAD: usize = 100;

#[component]
pub fn PagedFeed(
    list: PagedList,
    empty: Text,
    #[prop(optional)] restore: bool,
    /// Whether the on-device ranker may reorder the unseen tail (feeds yes; a creator's newest-first list no).
    #[prop(optional)]
    personalized: bool,
    /// Show only items of this kind (a creator page's videos / live / notes tabs); pages keep loading until
    /// enough match or the list ends.
    #[prop(default = None)]
    kind: Option<Kind>,
) -> impl IntoView {
    let ctx = use_ctx();
    let state = list.state.clone();
    track_impressions(&list);
    if personalized {
        ctx.pers.register(&list);
        // Coming back (from an item page, say) is a moment to re-rank: new signals may have arrived.
        ctx.pers.schedule_rerank();
    }

    // Start loading, or restore where the user was: the list still in memory (back), or the place saved
    // before a reload or restart (feeds only).
    let mut anchor = None;
    if state.with_untracked(|s| s.items.is_empty()) {
        if restore && personalized {
            anchor = crate::app::restore::restore(&list, &list.first_url, ctx);
            if anchor.is_some() {
                crate::api::forget_early();
            }
        }
        if anchor.is_none() && state.with_untracked(|s| s.items.is_empty()) {
            list.load_more(ctx);
        }
    } else if restore {
        let y = *list.scroll_y.lock().unwrap_or_else(|e| e.into_inner());
        restore_scroll(y);
    }

    // Remember the scroll position while this list is on screen; feeds also save their place on the device
    // (once scrolling has stopped for a moment, and when the page hides) so a reload comes back to the same
    // card. Never during a scroll: serialising hundreds of items is work a moving feed must not do.
    if restore {
        let saved = list.scroll_y.clone();
        let scroll_gen = StoredValue::new(0_u64);
        let persist = {
            let list = list.clone();
            move || crate::app::restore::save(&list, &list.first_url)
        };
        let on_scroll = {
            let persist = persist.clone();
            move |_| {
                *saved.lock().unwrap_or_else(|e| e.into_inner()) = scroll_y();
                if personalized {
                    let Some(generation) = scroll_gen.try_update_value(|g| {
                        *g += 1;
                        *g
                    }) else {
                        return;
                    };
                    let persist = persist.clone();
                    set_timeout(
                        move || {
                            // Saved only if no scroll came since; a page already gone saved on pagehide.
                            if scroll_gen.try_get_value() == Some(generation) {
                                persist();
                            }
                        },
                        std::time::Duration::from_millis(800),
                    );
                }
            }
        };
        let handle = window_event_listener(leptos::ev::scroll, on_scroll);
        let hide = window_event_listener(leptos::ev::pagehide, move |_| {
            if personalized {
                persist();
            }
        });
        on_cleanup(move || {
            handle.remove();
            hide.remove();
        });
    }

    // Load the next page whenever the sentinel is near the viewport and nothing is in flight. A
    // personalised feed also fetches ahead until UNSEEN_AHEAD items are loaded but not yet shown, so the
    // ranker has candidates to choose from when a signal arrives (EdgeRec keeps its candidates on the
    // device for the same reason); it never loads further than that ahead of the reader.
    let sentinel = NodeRef::<Div>::new();
    let near_end = use_near_viewport(sentinel, "1200px 0px");
    let embedded = crate::app::embed::active();
    {
        let list = list.clone();
        let state = state.clone();
        Effect::new(move |before: Option<usize>| {
            let (idle, len) = state.with(|s| (s.status == ListStatus::Idle && !s.items.is_empty(), s.items.len()));
            // Once the list has grown, the sentinel's "near" is still what it was before the new cards were laid
            // out (under the skeleton, for the first page): forget it and wait for the observer's next answer,
            // which re-runs this. It also answers when the sentinel is still near, so a short page loads on.
            if before.is_some_and(|b| b != len) {
                near_end.recheck();
            }
            let near = near_end.near.get();
            let shown = *list.shown.lock().unwrap_or_else(|e| e.into_inner());
            // Not in an embed: its frame grows to its content, so every item loaded ahead would be laid out
            // in the host's page at once; there the host's scrolling sets the pace, as before.
            // Nor before the reader is engaged: until then nothing has been seen or signalled that a re-rank
            // could act on, and the first screen keeps the device's CPU and bandwidth to itself.
            let short = personalized && !embedded && ctx.engaged.get() && len.saturating_sub(shown) < UNSEEN_AHEAD;
            if idle && (near || short) {
                list.load_more(ctx);
            }
            len
        });
    }

    let retry = {
        let list = list.clone();
        Callback::new(move |_| list.load_more(ctx))
    };
    let s1 = state.clone();
    let s2 = state.clone();
    let items = {
        let state = state.clone();
        Signal::derive(move || match kind {
            None => state.with(|s| s.items.clone()),
            Some(k) => state.with(|s| s.items.iter().filter(|i| i.kind() == k).cloned().collect()),
        })
    };
    // The skeleton only once a load has taken a moment: a page that arrives at once (the first one, which
    // first-screen.js fetched while the wasm loaded) would show it for a frame, a flash, and building it
    // lengthens the app's mount, its longest task.
    let waited = RwSignal::new(false);
    set_timeout(move || _ = waited.try_set(true), std::time::Duration::from_millis(300));
    // What the list area shows; a memo, so loading another page never rebuilds the grid.
    let phase = Memo::new(move |_| {
        let status = s2.with(|s| s.status.clone());
        match (items.with(Vec::is_empty), status) {
            (true, ListStatus::Loading | ListStatus::Idle) if !waited.get() => Phase::Waiting,
            (true, ListStatus::Loading | ListStatus::Idle) => Phase::Skeleton,
            (true, ListStatus::Failed(e)) => Phase::Failed(e),
            (true, ListStatus::Done) => Phase::Empty,
            (false, _) => Phase::Grid,
        }
    });

    // The position is also taken at every click in the list, before the click opens a card (this listener
    // runs before the router's, which is on the window). The scroll listener alone is not enough: WebKit
    // sometimes delivers no scroll event for a programmatic scroll (seen in WebKitGTK 2.50 after
    // `scrollIntoView`), and a tap right after a fling can beat the browser's next scroll event; back would
    // then return to an older place.
    let at_click = list.scroll_y.clone();
    let remember = move |_: leptos::ev::MouseEvent| {
        if restore {
            *at_click.lock().unwrap_or_else(|e| e.into_inner()) = scroll_y();
        }
    };

    view! {
        {personalized.then(|| view! { <FreshPill list=list.clone()/> })}
        <h2 class="visually-hidden">{move || tr!(ctx.locale.get(), feed_items)}</h2>
        <section class="feed" on:click=remember aria-busy=move || (s1.with(|s| s.status == ListStatus::Loading)).to_string()>
            {move || match phase.get() {
                Phase::Waiting => ().into_any(),
                Phase::Skeleton => view! { <SkeletonGrid/> }.into_any(),
                Phase::Failed(e) => view! { <ErrorState error=e on_retry=retry/> }.into_any(),
                Phase::Empty => {
                    view! { <p class="state state-empty" data-testid="empty-state">{move || ctx.t(empty)}</p> }.into_any()
                }
                Phase::Grid => view! { <Masonry items anchor=anchor.clone()/> }.into_any(),
            }}
            <div node_ref=sentinel class="sentinel" aria-hidden="true"></div>
            <FeedFooter list=list.clone() retry/>
        </section>
    }
}

/// What the list area of a paged feed shows.
#[derive(Clone, PartialEq)]
enum Phase {
    /// Loading, for less than a moment so far: nothing yet.
    Waiting,
    Skeleton,
    Failed(crate::api::FetchError),
    Empty,
    Grid,
}

/// What is under the last card: loading, an inline retry, or the end line.
#[component]
fn FeedFooter(list: PagedList, retry: Callback<()>) -> impl IntoView {
    let ctx = use_ctx();
    let state = list.state;
    move || {
        let (has_items, status) = state.with(|s| (!s.items.is_empty(), s.status.clone()));
        if !has_items {
            return ().into_any();
        }
        match status {
            ListStatus::Loading => {
                view! { <p class="feed-footer" role="status">{move || tr!(ctx.locale.get(), loading_more)}</p> }.into_any()
            }
            ListStatus::Failed(e) => {
                let key = error_text(&e);
                view! {
                    <div class="feed-footer feed-footer-error" role="alert" data-testid="error-state">
                        <p>{move || ctx.t(key)}</p>
                        <RetryButton on_retry=retry/>
                    </div>
                }
                .into_any()
            }
            ListStatus::Done => {
                view! { <p class="feed-footer" data-testid="end-of-feed">{move || tr!(ctx.locale.get(), end_of_feed)}</p> }
                    .into_any()
            }
            ListStatus::Idle => ().into_any(),
        }
    }
}

/// "N new" above the feed after a refresh found new items; tapping it puts them on top and scrolls there.
#[component]
fn FreshPill(list: PagedList) -> impl IntoView {
    let ctx = use_ctx();
    let fresh = list.fresh.clone();
    let count = Signal::derive(move || fresh.with(Vec::len));
    let show = move |_| {
        list.show_fresh();
        if let Some(w) = web_sys::window() {
            let opts = web_sys::ScrollToOptions::new();
            opts.set_top(0.0);
            let reduce = w.match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches());
            opts.set_behavior(if reduce { web_sys::ScrollBehavior::Instant } else { web_sys::ScrollBehavior::Smooth });
            w.scroll_to_with_scroll_to_options(&opts);
        }
    };
    view! {
        // A zero-height sticky holder: the pill floats over the cards and never pushes them down.
        <div class="fresh-anchor">
            <Show when=move || { count.get() > 0 }>
                <button type="button" class="fresh-pill" data-testid="fresh-pill" on:click=show.clone()>
                    {move || tr!(ctx.locale.get(), new_items, n = count.get())}
                </button>
            </Show>
        </div>
    }
}
