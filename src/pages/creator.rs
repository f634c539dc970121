//! `/creator/:id`: a creator's profile header and their items, newest first, paged by `next`.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::paths;
use crate::app::{focus_id, set_title, use_ctx};
use crate::components::icons::VerifiedIcon;
use crate::components::paged_feed::PagedFeed;
use crate::components::states::ErrorState;
use crate::format;
use crate::i18n::Key;
use crate::model::text::is_valid_id;
use crate::model::{parse_creator_doc, Creator, Kind};
use crate::pages::not_found::{Missing, NotFound};
use crate::pages::{load_into, Load};
use crate::rank::{SignalKind, Target};

/// The creator page.
#[component]
pub fn CreatorPage() -> impl IntoView {
    let ctx = use_ctx();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let state: RwSignal<Load<Arc<Creator>>> = RwSignal::new(Load::Loading);

    let load = {
        move |wanted: String| {
            if !is_valid_id(&wanted) {
                state.set(Load::Missing);
            } else if let Some(c) = ctx.cached_creator(&wanted) {
                state.set(Load::Ready(c));
            } else {
                let base = ctx.session().base.clone();
                load_into(
                    state,
                    ctx.url(&paths::creator(&wanted)),
                    move |text| {
                        let c = Arc::new(parse_creator_doc(text, &base)?);
                        ctx.cache_creator(c.clone());
                        Ok(c)
                    },
                    move || id.try_get_untracked().as_deref() == Some(wanted.as_str()),
                );
            }
        }
    };
    Effect::new(move |_| load(id.get()));
    let retry = Callback::new(move |_| load(id.get_untracked()));

    view! {
        {move || match state.get() {
            Load::Loading => view! { <div class="creator-skeleton shimmer" role="status" aria-busy="true"></div> }.into_any(),
            Load::Missing => view! { <NotFound what=Missing::Creator/> }.into_any(),
            Load::Failed(e) => view! { <ErrorState error=e on_retry=retry/> }.into_any(),
            Load::Ready(creator) => view! { <CreatorView creator/> }.into_any(),
        }}
    }
}

#[component]
fn CreatorView(creator: Arc<Creator>) -> impl IntoView {
    let ctx = use_ctx();
    let locale = ctx.locale;
    {
        let name = creator.name.clone();
        Effect::new(move |_| set_title(&format!("{name} · {}", ctx.t(Key::AppName))));
    }
    focus_id("page-heading");
    ctx.pers.record_target(
        SignalKind::CreatorVisit,
        Target {
            item: creator.id.clone(),
            creator: creator.id.clone(),
            topics: creator.topics.clone(),
            kind: Kind::Note,
            campaign: None,
            price_band: None,
        },
    );
    let list = ctx.list(&ctx.url(&paths::creator_items(&creator.id)));
    let cr = creator.clone();
    let bio = move || cr.bio_in(locale.get().tag()).to_string();
    let session = ctx.session();
    let topics: Vec<(String, crate::model::Names)> = creator
        .topics
        .iter()
        .filter_map(|t| session.index.channels.iter().find(|c| &c.id == t))
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    let stats = creator.stats.clone();
    let stat = move |n: u64, key: Key| {
        view! {
            <li class="stat">
                <strong>{move || format::count(n, locale.get().tag())}</strong>
                <span>{move || ctx.t(key)}</span>
            </li>
        }
    };
    let live = creator.live_item.clone();
    view! {
        <header class="creator-header" data-testid="creator-page" data-id=creator.id.clone()>
            <img class="avatar avatar-lg" src=creator.avatar.clone() alt="" width="80" height="80"/>
            <div class="creator-info">
                <h1 id="page-heading" tabindex="-1">
                    {creator.name.clone()}
                    {creator
                        .verified
                        .then(|| {
                            view! {
                                <span class="verified" title=move || ctx.t(Key::Verified)>
                                    <VerifiedIcon/>
                                    <span class="visually-hidden">{move || ctx.t(Key::Verified)}</span>
                                </span>
                            }
                        })}
                </h1>
                <p class="creator-bio">{bio}</p>
                <ul class="creator-topics">
                    {topics
                        .into_iter()
                        .map(|(id, name)| {
                            view! {
                                <li>
                                    <a class="chip chip-small" href=format!("/?channel={id}")>
                                        {move || name.get(locale.get().tag()).to_string()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <ul class="creator-stats">
                    {stat(stats.followers, Key::Followers)}
                    {stat(stats.likes, Key::Likes)}
                    {stat(stats.items, Key::Items)}
                </ul>
            </div>
        </header>
        {live
            .map(|id| {
                view! {
                    <a class="live-banner" href=format!("/item/{id}") data-testid="live-banner">
                        <span class="badge badge-live">{move || ctx.t(Key::LiveBadge)}</span>
                        {move || ctx.t(Key::LiveNowBanner)}
                    </a>
                }
            })}
        <h2 class="section-title">{move || ctx.t(Key::CreatorItems)}</h2>
        <PagedFeed list empty=Key::EmptyCreator restore=true/>
    }
}
