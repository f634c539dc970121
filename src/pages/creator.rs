//! `/creator/:id`: a creator's profile header and their items, newest first, paged by `next`.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::paths;
use crate::app::{focus_id, set_title, use_ctx};
use crate::components::creator_strip::{CreatorStrip, StripCreator};
use crate::components::fan_level::FanCard;
use crate::components::follow::{FollowButton, FollowSubject};
use crate::components::paged_feed::PagedFeed;
use crate::components::share::ShareButton;
use crate::components::states::ErrorState;
use crate::components::verified::VerifiedMark;
use crate::format;
use crate::i18n::Text;

use crate::model::text::is_valid_id;
use crate::model::{parse_creator_doc, Creator, Kind};
use crate::pages::not_found::{Missing, NotFound};
use crate::pages::{load_into, Load};
use crate::rank::{SignalKind, Target};
use crate::social::{ShareTarget, Source};
use crate::{text, tr};

/// Loads the creator named by the route's `:id` (from the cache when it is there), following route changes;
/// returns the load state and a retry. Shared by the creator page and the preview studio.
pub fn use_creator(params: Memo<leptos_router::params::ParamsMap>) -> (RwSignal<Load<Arc<Creator>>>, Callback<()>) {
    let ctx = use_ctx();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let state: RwSignal<Load<Arc<Creator>>> = RwSignal::new(Load::Loading);
    let load = move |wanted: String| {
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
    };
    Effect::new(move |_| load(id.get()));
    (state, Callback::new(move |_| load(id.get_untracked())))
}

/// The creator page.
#[component]
pub fn CreatorPage() -> impl IntoView {
    let (state, retry) = use_creator(use_params_map());

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
    let query = use_query_map();
    {
        let name = creator.name.clone();
        Effect::new(move |_| set_title(&format!("{name} · {}", tr!(ctx.locale.get(), app_name))));
    }
    focus_id("page-heading");
    let source = ctx.social.entry_source(ctx.navigations.get_untracked());
    ctx.social.record_visit(source, &creator.id, None);
    ctx.social.set_surface(Source::Profile);
    ctx.pers.record_target(
        SignalKind::CreatorVisit,
        Target {
            item: creator.id.clone(),
            creator: creator.id.clone(),
            topics: creator.topics.clone(),
            kind: Kind::Note,
            campaign: None,
            price_band: None,
            embedding: None,
        },
    );
    let list = ctx.list(&ctx.url(&paths::creator_items(&creator.id)));
    let kind = Memo::new(move |_| query.with(|q| q.get("kind")).as_deref().and_then(kind_from_param));
    let base = format!("/creator/{}", creator.id);
    let tab = {
        let base = base.clone();
        move |k: Option<Kind>, key: Text| {
            let href = match k {
                None => base.clone(),
                Some(k) => format!("{base}?kind={}", kind_param(k)),
            };
            view! {
                <a
                    class="tab tab-small"
                    href=href
                    data-kind=k.map_or("all", kind_param)
                    aria-current=move || (kind.get() == k).then_some("page")
                >
                    {move || key(locale.get())}
                </a>
            }
        }
    };
    let live = creator.live_item.clone();
    let collabs: Vec<StripCreator> = creator
        .collabs
        .iter()
        .map(|c| StripCreator {
            id: c.id.clone(),
            name: c.name.clone(),
            avatar: c.avatar.clone(),
            verified: c.verified,
            tag: Some(if c.is_kindred() { text!(collab_kindred) } else { text!(collab_worked) }),
        })
        .collect();
    let studio_href = format!("{base}/preview");
    view! {
        <CreatorHeader creator=creator.clone()/>
        <FanCard creator=creator.id.clone()/>
        <p class="studio-link">
            <a href=studio_href data-testid="studio-link">{move || tr!(ctx.locale.get(), studio)}</a>
        </p>
        {live
            .map(|id| {
                view! {
                    <a class="live-banner" href=format!("/item/{id}") data-testid="live-banner">
                        <span class="badge badge-live">{move || tr!(ctx.locale.get(), live_badge)}</span>
                        {move || tr!(ctx.locale.get(), live_now_banner)}
                    </a>
                }
            })}
        {(!collabs.is_empty())
            .then(|| view! { <CreatorStrip id="collabs" heading=text!(collabs_heading) creators=collabs via=Source::Collab/> })}
        <h2 class="visually-hidden">{move || tr!(ctx.locale.get(), creator_items)}</h2>
        <nav class="tabs tabs-small" aria-label=move || tr!(ctx.locale.get(), creator_tabs_label) data-testid="creator-tabs">
            {tab(None, text!(tab_all))}
            {tab(Some(Kind::Video), text!(tab_videos))}
            {tab(Some(Kind::Live), text!(tab_live))}
            {tab(Some(Kind::Note), text!(tab_notes))}
        </nav>
        {move || {
            let k = kind.get();
            let empty = if k.is_some() { text!(empty_kind) } else { text!(empty_creator) };
            view! { <PagedFeed list=list.clone() empty restore=true kind=k/> }
        }}
    }
}

/// The `?kind=` value of a content kind.
fn kind_param(k: Kind) -> &'static str {
    match k {
        Kind::Note => "note",
        Kind::Video => "video",
        Kind::Live => "live",
    }
}

fn kind_from_param(s: &str) -> Option<Kind> {
    [Kind::Note, Kind::Video, Kind::Live].into_iter().find(|k| kind_param(*k) == s)
}

/// The creator's header: avatar, name and verified mark, bio, topics, counts, follow and share. The preview
/// studio renders it with a draft profile.
#[component]
pub fn CreatorHeader(creator: Arc<Creator>, #[prop(optional)] preview: bool) -> impl IntoView {
    let ctx = use_ctx();
    let locale = ctx.locale;
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
    let stat = move |n: u64, key: Text| {
        view! {
            <li class="stat">
                <strong>{move || format::count(n, locale.get().tag())}</strong>
                <span>{move || ctx.t(key)}</span>
            </li>
        }
    };
    let subject = FollowSubject {
        id: creator.id.clone(),
        name: creator.name.clone(),
        avatar: creator.avatar.clone(),
        topics: creator.topics.clone(),
    };
    view! {
        <header class="creator-header" data-testid="creator-page" data-id=creator.id.clone()>
            <img class="avatar avatar-lg" src=creator.avatar.clone() alt="" width="80" height="80"/>
            <div class="creator-info">
                <h1 id=if preview { "preview-creator-heading" } else { "page-heading" } tabindex="-1">
                    {creator.name.clone()}
                    {creator
                        .verified
                        .then(|| view! { <VerifiedMark/> })}
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
                    {stat(stats.followers, text!(followers))}
                    {stat(stats.likes, text!(likes))}
                    {stat(stats.items, text!(items))}
                </ul>
                <div class="creator-actions">
                    <FollowButton who=subject/>
                    <ShareButton target=ShareTarget::Creator(creator.id.clone()) title=creator.name.clone() labelled=true/>
                </div>
            </div>
        </header>
    }
}
