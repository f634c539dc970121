//! A feed card: cover with its known aspect ratio (so nothing moves when it loads), kind and campaign
//! badges, title, creator and like count, and the first product's price.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::use_ctx;
use crate::components::coupon::local;
use crate::components::icons::{BagIcon, HeartIcon, MoreIcon, PlayIcon};
use crate::components::impressions::CardObserver;
use crate::format;
use crate::model::time::parse_rfc3339;
use crate::model::venue::venue_link;

use crate::model::{Item, LiveStatus, Media};
use crate::tr;

/// One item in a feed grid.
#[component]
pub fn Card(
    item: Arc<Item>,
    /// Laid out on the first screen: the cover loads at once instead of lazily.
    #[prop(optional)]
    eager: bool,
    /// In the grid's top row: the cover is fetched at high priority.
    #[prop(optional)]
    top: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let locale = ctx.locale;
    let session = ctx.session();
    let href = format!("/item/{}", item.id);
    let creator_href = format!("/creator/{}", item.creator.id);
    let ratio = item.cover.display_ratio();
    let cover_style = format!("aspect-ratio: 1 / {}", crate::format::fixed(ratio, 4));
    // The venue badge sits on the cover's bottom corner from outside the card's link: it needs the ratio.
    let card_style = format!("--cover-ratio: {}", crate::format::fixed(ratio, 4));

    let it = item.clone();
    let title = move || it.title_in(locale.get().tag()).to_string();
    let it = item.clone();
    // Read after the link's visible text, which it must start with (WCAG 2.5.3, label in name): the link
    // is named by its content, and this adds who made it and what kind it is for a screen reader.
    let more = move || {
        let l = locale.get();
        let kind = match it.media {
            Media::Note { .. } => tr!(l, note),
            Media::Video { .. } => tr!(l, video),
            Media::Live { status: LiveStatus::Live, .. } => tr!(l, live_badge),
            Media::Live { status: LiveStatus::Scheduled, .. } => tr!(l, live_scheduled),
            Media::Live { .. } => tr!(l, live_ended),
        };
        format!(" · {} · {}", it.creator.name, kind)
    };

    let badge = match &item.media {
        Media::Video { duration_s, .. } => {
            let d = format::duration(*duration_s);
            Some(view! { <span class="badge badge-video"><PlayIcon/>{d}</span> }.into_any())
        }
        Media::Live { viewers: n, status, started_at } => {
            let (n, status) = (*n, *status);
            let live = status == LiveStatus::Live;
            let scheduled = status == LiveStatus::Scheduled;
            // A scheduled stream's planned start, in the reader's time zone; once it has passed (the document
            // still says scheduled) the card says it is about to start rather than showing a time gone by.
            let (planned, now) = (parse_rfc3339(started_at).unwrap_or_default(), session.now);
            Some(
                view! {
                    <span class="badge" class:badge-live=live class:badge-ended=status == LiveStatus::Ended class:badge-scheduled=scheduled>
                        {move || {
                            let l = locale.get();
                            match status {
                                LiveStatus::Live => format!(
                                    "{} · {}",
                                    tr!(l, live_badge),
                                    tr!(l, viewers, count = format::count(n, l.tag()))
                                ),
                                LiveStatus::Scheduled if planned > now => {
                                    format!("{} · {}", tr!(l, live_scheduled), format::short_day_time(local(planned)))
                                }
                                LiveStatus::Scheduled => tr!(l, live_starting_soon).to_string(),
                                LiveStatus::Ended => tr!(l, live_ended).to_string(),
                            }
                        }}
                    </span>
                }
                .into_any(),
            )
        }
        Media::Note { .. } => None,
    };

    // Its own link to the venue, beside the card's link (links cannot nest), over the cover's corner. Not in
    // an embed: there every target is 44 px and the whole card is the one target (its open goes to the host),
    // so the badge is plain text on the cover, as the venue is a tap away on the item page.
    let embedded = crate::app::embed::active();
    let campaign = item.campaign.as_deref().and_then(|id| session.campaign(id)).cloned();
    let (campaign_badge, campaign_label) = match campaign {
        Some(c) if !embedded => {
            let href = venue_link(&c.id);
            let badge = view! {
                <a class="card-campaign" href=href data-testid="campaign-badge">
                    <span class="badge badge-campaign">{move || c.name.get(locale.get().tag()).to_string()}</span>
                </a>
            };
            (Some(badge), None)
        }
        Some(c) => {
            let label = view! {
                <span class="badge badge-campaign">{move || c.name.get(locale.get().tag()).to_string()}</span>
            };
            (None, Some(label))
        }
        None => (None, None),
    };
    let price = item.products.first().map(|p| {
        let text = format::price(&p.price);
        view! { <span class="card-price"><BagIcon/>{text}</span> }
    });
    let likes = item.stats.likes;
    let cover = item.cover.clone();
    let creator = item.creator.clone();
    let id = item.id.clone();
    let topic = item.topics.first().cloned().unwrap_or_default();
    let node = NodeRef::<leptos::html::Article>::new();
    if let Some(observer) = use_context::<CardObserver>() {
        let observed = StoredValue::new_local(None::<web_sys::Element>);
        Effect::new(move |_| {
            if let Some(el) = node.get() {
                observer.observe(&el);
                observed.try_set_value(Some(el.into()));
            }
        });
        // An observer keeps its targets alive: a card the windowed grid releases must be let go.
        on_cleanup(move || {
            if let Some(Some(el)) = observed.try_get_value() {
                observer.unobserve(&el);
            }
        });
    }
    let menu_id = item.id.clone();
    let open_menu = move |_| ctx.menu_item.set(Some(menu_id.clone()));

    view! {
        <article class="card" data-testid="card" data-id=id data-topic=topic node_ref=node prop:style=card_style>
            <a class="card-link" href=href>
                <div class="card-cover" prop:style=cover_style>
                    // The title names the link; the item page shows the picture with its description.
                    <img
                        src=cover.url
                        alt=""
                        width=cover.width
                        height=cover.height
                        loading=if eager { "eager" } else { "lazy" }
                        fetchpriority=top.then_some("high")
                        decoding="async"
                    />
                    {badge}
                    {campaign_label}
                </div>
                <h3 class="card-title">{title}</h3>
                <span class="visually-hidden">{more}</span>
            </a>
            {campaign_badge}
            {price}
            <div class="card-meta">
                <a class="card-creator" href=creator_href>
                    <img class="avatar avatar-sm" src=creator.avatar alt="" width="20" height="20" loading="lazy"/>
                    <span class="card-creator-name">{creator.name}</span>
                </a>
                <span class="card-likes">
                    <HeartIcon/>
                    <span aria-hidden="true">{move || format::count(likes, locale.get().tag())}</span>
                    <span class="visually-hidden">
                        {move || format!("{} {}", format::count(likes, locale.get().tag()), tr!(locale.get(), likes))}
                    </span>
                </span>
                <button
                    type="button"
                    class="icon-btn card-more"
                    data-testid="card-more"
                    aria-haspopup="dialog"
                    aria-label=move || tr!(locale.get(), more_actions)
                    on:click=open_menu
                >
                    <MoreIcon/>
                </button>
            </div>
        </article>
    }
}
