//! The 关注 (following) tab: followed creators' items, newest first, merged from each creator's own paged
//! item list (the same lists their creator pages use, so nothing is fetched twice). With no follows it
//! suggests creators from the recommend feed instead of showing a blank page.

use std::collections::HashSet;
use std::sync::Arc;

use crate::components::viewport::use_near_viewport;
use leptos::html::Div;
use leptos::prelude::*;

use crate::api::{paths, FetchError};
use crate::app::state::{ListStatus, PagedList};
use crate::app::{use_ctx, Ctx};
use crate::components::follow::{FollowButton, FollowSubject};
use crate::components::masonry::Masonry;
use crate::components::states::{error_text, RetryButton, SkeletonGrid};
use crate::components::verified::VerifiedMark;
use crate::model::{CreatorRef, Item};
use crate::rank::{is_blocked, Candidate};
use crate::tr;

/// Followed creators merged into the tab at most (the most recently followed first); more would mean
/// hundreds of first-page requests at once.
pub const MAX_MERGED_CREATORS: usize = 200;
/// Creators suggested when the user follows nobody yet.
const SUGGESTIONS: usize = 8;

/// The 关注 tab's content.
#[component]
pub fn FollowingFeed() -> impl IntoView {
    let ctx = use_ctx();
    let followed = Memo::new(move |_| {
        ctx.social.followed().into_iter().take(MAX_MERGED_CREATORS).map(|f| f.id).collect::<Vec<String>>()
    });
    move || {
        let ids = followed.get();
        if ids.is_empty() {
            view! { <Suggestions/> }.into_any()
        } else {
            view! { <MergedFeed ids/> }.into_any()
        }
    }
}

/// Merged, newest-first view of several newest-first lists: an item is shown once no list that can still
/// load more could hold a newer one, so appending pages only ever adds at the end.
fn merge(lists: &[PagedList], ctx: Ctx) -> (Vec<Arc<Item>>, bool) {
    let mut frontier = i64::MIN;
    let mut waiting_first = false;
    for l in lists {
        l.state.with(|s| match (&s.status, s.items.last()) {
            (ListStatus::Done | ListStatus::Failed(_), _) => {}
            (_, Some(last)) => frontier = frontier.max(last.published_ts),
            (_, None) => waiting_first = true,
        });
    }
    if waiting_first {
        return (Vec::new(), true);
    }
    let mut seen = HashSet::new();
    let mut out: Vec<Arc<Item>> = Vec::new();
    for l in lists {
        l.state.with(|s| {
            for i in &s.items {
                if i.published_ts >= frontier
                    && seen.insert(i.id.clone())
                    && !ctx.pers.with_profile(|p| is_blocked(&Candidate::from_item(i), p))
                {
                    out.push(Arc::clone(i));
                }
            }
        });
    }
    out.sort_by(|a, b| b.published_ts.cmp(&a.published_ts).then_with(|| a.id.cmp(&b.id)));
    (out, false)
}

#[component]
fn MergedFeed(ids: Vec<String>) -> impl IntoView {
    let ctx = use_ctx();
    let lists: Vec<PagedList> = ids.iter().map(|id| ctx.list(&ctx.url(&paths::creator_items(id)))).collect();
    for l in &lists {
        if l.state.with_untracked(|s| s.items.is_empty() && s.status == ListStatus::Idle) {
            l.load_more(ctx);
        }
    }
    let lists = StoredValue::new(lists);
    let merged = Memo::new(move |_| lists.with_value(|ls| merge(ls, ctx)));
    let items = Signal::derive(move || merged.with(|(items, _)| items.clone()));
    let failures = Memo::new(move |_| {
        lists.with_value(|ls| {
            ls.iter()
                .filter_map(|l| {
                    l.state.with(|s| if let ListStatus::Failed(e) = &s.status { Some(e.clone()) } else { None })
                })
                .filter(|e| *e != FetchError::NotFound)
                .count()
        })
    });
    let all_done = Memo::new(move |_| {
        lists.with_value(|ls| {
            ls.iter().all(|l| l.state.with(|s| matches!(s.status, ListStatus::Done | ListStatus::Failed(_))))
        })
    });

    // Near the end, load the list that holds the merge back: the unfinished one whose last item is newest.
    let sentinel = NodeRef::<Div>::new();
    let near_end = use_near_viewport(sentinel, "1200px 0px");
    Effect::new(move |before: Option<usize>| {
        let len = merged.with(|(items, _)| items.len());
        // As in the feed: after the list grew, wait for the observer's answer about the new layout.
        if before.is_some_and(|b| b != len) {
            near_end.recheck();
        }
        if !near_end.near.get() {
            return len;
        }
        let next = lists.with_value(|ls| {
            ls.iter()
                .filter(|l| l.state.with(|s| s.status == ListStatus::Idle && s.next.is_some()))
                .max_by_key(|l| l.state.with(|s| s.items.last().map_or(i64::MAX, |i| i.published_ts)))
                .cloned()
        });
        if let Some(l) = next {
            l.load_more(ctx);
        }
        len
    });
    let retry = Callback::new(move |_| {
        lists.with_value(|ls| {
            for l in ls {
                if l.state.with_untracked(|s| matches!(s.status, ListStatus::Failed(_))) {
                    l.load_more(ctx);
                }
            }
        })
    });
    let waiting = Memo::new(move |_| merged.with(|(items, waiting)| *waiting && items.is_empty()));
    let empty = Memo::new(move |_| all_done.get() && merged.with(|(items, _)| items.is_empty()));

    view! {
        <section class="feed" data-testid="following-feed">
            {move || {
                if waiting.get() {
                    view! { <SkeletonGrid/> }.into_any()
                } else if empty.get() {
                    view! { <p class="state state-empty" data-testid="empty-state">{move || tr!(ctx.locale.get(), following_nothing_yet)}</p> }
                        .into_any()
                } else {
                    view! { <Masonry items/> }.into_any()
                }
            }}
            <div node_ref=sentinel class="sentinel" aria-hidden="true"></div>
            {move || {
                if failures.get() > 0 {
                    let key = error_text(&FetchError::Network(String::new()));
                    view! {
                        <div class="feed-footer feed-footer-error" role="alert" data-testid="error-state">
                            <p>{move || ctx.t(key)}</p>
                            <RetryButton on_retry=retry/>
                        </div>
                    }
                    .into_any()
                } else if all_done.get() && !empty.get() {
                    view! { <p class="feed-footer" data-testid="end-of-feed">{move || tr!(ctx.locale.get(), end_of_feed)}</p> }.into_any()
                } else {
                    ().into_any()
                }
            }}
        </section>
    }
}

/// Creators to follow, from the recommend feed's first page(s): the ones the user is likeliest to know.
#[component]
fn Suggestions() -> impl IntoView {
    let ctx = use_ctx();
    let channel = ctx.session().index.channels.first().map(|c| c.id.clone()).unwrap_or_default();
    let list = ctx.list(&ctx.url(&paths::feed(&channel)));
    if list.state.with_untracked(|s| s.items.is_empty() && s.status == ListStatus::Idle) {
        list.load_more(ctx);
    }
    let state = list.state.clone();
    let creators = Memo::new(move |_| {
        let mut seen = HashSet::new();
        state.with(|s| {
            s.items
                .iter()
                .filter(|i| seen.insert(i.creator.id.clone()))
                .map(|i| (i.creator.clone(), i.topics.clone()))
                .take(SUGGESTIONS)
                .collect::<Vec<(CreatorRef, Vec<String>)>>()
        })
    });
    view! {
        <section class="suggestions" data-testid="suggestions" aria-labelledby="suggestions-title">
            <h2 id="suggestions-title" class="section-title">{move || tr!(ctx.locale.get(), following_empty_title)}</h2>
            <p class="muted">{move || tr!(ctx.locale.get(), following_empty_body)}</p>
            <h3 class="section-title">{move || tr!(ctx.locale.get(), suggested_creators)}</h3>
            <ul class="creator-list">
                <For each=move || creators.get() key=|(c, _)| c.id.clone() let:((c, topics))>
                    <SuggestedCreator creator=c topics/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn SuggestedCreator(creator: CreatorRef, topics: Vec<String>) -> impl IntoView {
    let subject =
        FollowSubject { id: creator.id.clone(), name: creator.name.clone(), avatar: creator.avatar.clone(), topics };
    view! {
        <li class="creator-row" data-testid="suggested-creator" data-id=creator.id.clone()>
            <a class="creator-link" href=format!("/creator/{}", creator.id)>
                <img class="avatar" src=creator.avatar.clone() alt="" width="40" height="40" loading="lazy"/>
                <span class="creator-name">{creator.name.clone()}</span>
                {creator
                    .verified
                    .then(|| view! { <VerifiedMark/> })}
            </a>
            <FollowButton who=subject small=true/>
        </li>
    }
}
