//! `/item/:id`: the item itself (gallery, playable video or live card), its text, products, creator, and
//! more from the same creator. Opening a card shows the cached item at once; a deep link fetches it.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::paths;
use crate::app::{focus_id, set_title, use_ctx, Ctx};
use crate::components::coupon::{local, CouponRow};
use crate::components::follow::{FollowButton, FollowSubject};
use crate::components::icons::{BackIcon, HeartIcon};
use crate::components::masonry::Masonry;
use crate::components::share::ShareButton;
use crate::components::states::ErrorState;
use crate::components::verified::VerifiedMark;
use crate::components::viewport::use_near_viewport;
use crate::format;
use crate::i18n::Text;
use crate::model::venue::venue_link;

use crate::model::text::is_valid_id;
use crate::model::time::parse_rfc3339;
use crate::model::{parse_item_doc, CouponState, Item, LiveStatus, Media};
use crate::pages::not_found::{Missing, NotFound};
use crate::pages::{go_back, load_into, Load};
use crate::rank::SignalKind;
use crate::social::{ShareTarget, Source};
use crate::{text, tr};
use wasm_bindgen::JsCast;

/// How many other items of the creator to show under an item.
const MORE_COUNT: usize = 6;

/// The item page.
#[component]
pub fn ItemPage() -> impl IntoView {
    let ctx = use_ctx();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let state: RwSignal<Load<Arc<Item>>> = RwSignal::new(Load::Loading);

    let load = {
        move |wanted: String| {
            if !is_valid_id(&wanted) {
                state.set(Load::Missing);
            } else if let Some(item) = ctx.cached_item(&wanted) {
                state.set(Load::Ready(item));
            } else {
                let base = ctx.session().base.clone();
                let url = ctx.url(&paths::item(&wanted));
                let source = url.clone();
                load_into(
                    state,
                    url,
                    move |text| {
                        let mut item = parse_item_doc(text, &base)?;
                        crate::app::state::check_embeddings(ctx, std::slice::from_mut(&mut item), &source);
                        let item = Arc::new(item);
                        ctx.cache_items([&item]);
                        Ok(item)
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
            Load::Loading => view! { <div class="item-skeleton shimmer" role="status" aria-busy="true"></div> }.into_any(),
            Load::Missing => view! { <NotFound what=Missing::Item/> }.into_any(),
            Load::Failed(e) => view! { <ErrorState error=e on_retry=retry/> }.into_any(),
            Load::Ready(item) => view! { <ItemView item/> }.into_any(),
        }}
    }
}

#[component]
fn ItemView(item: Arc<Item>) -> impl IntoView {
    let ctx = use_ctx();
    let locale = ctx.locale;
    {
        let item = item.clone();
        Effect::new(move |_| {
            set_title(&format!("{} · {}", item.title_in(locale.get().tag()), tr!(ctx.locale.get(), app_name)))
        });
    }
    focus_id("page-heading");
    let source = ctx.social.entry_source(ctx.navigations.get_untracked());
    ctx.social.record_visit(source, &item.creator.id, Some(&item.id));
    // Whatever brought the user here also brings what they open from here (the creator, more by them).
    ctx.social.set_surface(source);
    // Opening is a strong signal; the time spent here is recorded when the page goes away.
    let opened_at = js_sys::Date::now();
    ctx.pers.record(SignalKind::Open, &item);
    {
        let item = item.clone();
        on_cleanup(move || {
            let ms = (js_sys::Date::now() - opened_at).clamp(0.0, f64::from(u32::MAX)) as u32;
            ctx.pers.record(SignalKind::ItemDwell { ms }, &item);
        });
    }
    view! {
        <ItemDetail item=item.clone()/>
        <MoreFromCreator creator_id=item.creator.id.clone() exclude=item.id.clone()/>
    }
}

/// The item itself: media, creator with follow, title, text, topics, counts with share, and products. The
/// preview studio renders it with a draft (`preview`: no back button, nothing recorded).
#[component]
pub fn ItemDetail(item: Arc<Item>, #[prop(optional)] preview: bool) -> impl IntoView {
    let ctx = use_ctx();
    let locale = ctx.locale;
    let navs = ctx.navigations;
    let navigate = leptos_router::hooks::use_navigate();
    let now = ctx.session().now;
    let it = item.clone();
    let title = move || it.title_in(locale.get().tag()).to_string();
    let it = item.clone();
    let text = move || it.text_in(locale.get().tag()).to_string();
    let session = ctx.session();
    let topics: Vec<(String, crate::model::Names)> = item
        .topics
        .iter()
        .filter_map(|t| session.index.channels.iter().find(|c| &c.id == t))
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    let published = item.published_ts;
    let stats = item.stats.clone();
    let creator = item.creator.clone();
    let creator_href = format!("/creator/{}", creator.id);
    let verified = creator.verified;
    let campaign = item.campaign.as_deref().and_then(|c| session.campaign(c)).cloned();
    let stat = move |n: u64, key: Text| {
        view! {
            <span class="stat">
                <strong>{move || format::count(n, locale.get().tag())}</strong>
                " "
                {move || ctx.t(key)}
            </span>
        }
    };

    let products = item.products.clone();
    let subject = FollowSubject {
        id: creator.id.clone(),
        name: creator.name.clone(),
        avatar: creator.avatar.clone(),
        topics: item.topics.clone(),
    };
    let share_title = item.title_in(ctx.locale.get_untracked().tag()).to_string();
    // One page heading per document: a preview's heading must not steal the page's id.
    let heading_id = if preview { "preview-heading" } else { "page-heading" };
    let has_products = !products.is_empty();

    let credits = item.co_creators.clone();
    let (item_id, coupon_title) = (item.id.clone(), share_title.clone());
    // A share code that carries a coupon (`code=` of a share link, or typed in the code box) marks it below,
    // or says it has ended: the content opens either way.
    let shared_code: Option<String> = if preview { None } else { shared_coupon(&item.id) };
    let shared_note = shared_code.clone().map(|code| {
        let state = shared_coupon_state(&item, &code, (js_sys::Date::now() / 1000.0) as i64);
        let say = move || {
            let (l, code) = (locale.get(), code.clone());
            match state {
                CouponState::Valid => tr!(l, shared_coupon_valid, code = code),
                CouponState::Upcoming => tr!(l, shared_coupon_upcoming, code = code),
                CouponState::Ended => tr!(l, shared_coupon_ended, code = code),
            }
        };
        let state = match state {
            CouponState::Valid => "valid",
            CouponState::Upcoming => "upcoming",
            CouponState::Ended => "ended",
        };
        view! { <p class="shared-coupon" role="status" data-testid="shared-coupon" data-state=state>{say}</p> }
    });
    view! {
        <article class="item-page" data-testid="item-page" data-id=item.id.clone()>
            <div class="item-media">
                <ItemMedia item=item.clone()/>
            </div>
            <div class="item-body">
                <div class="item-creator">
                    {(!preview)
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="icon-btn"
                                    data-testid="back"
                                    aria-label=move || tr!(ctx.locale.get(), back)
                                    on:click=move |_| go_back(navs.get_untracked(), navigate.clone())
                                >
                                    <BackIcon/>
                                </button>
                            }
                        })}
                    <a class="creator-link" href=creator_href.clone() data-testid="creator-link">
                        <img class="avatar" src=creator.avatar.clone() alt="" width="36" height="36"/>
                        <span class="creator-name">{creator.name.clone()}</span>
                        {verified
                            .then(|| view! { <VerifiedMark/> })}
                    </a>
                    <FollowButton who=subject small=true/>
                </div>
                {(!credits.is_empty())
                    .then(|| {
                        view! {
                            <p class="item-credits" data-testid="co-creators">
                                <span class="item-credits-label">{move || tr!(locale.get(), co_creators)}</span>
                                {credits
                                    .into_iter()
                                    .map(|c| {
                                        view! {
                                            <a
                                                class="credit-link"
                                                href=format!("/creator/{}?src=collab", c.id)
                                                data-id=c.id.clone()
                                                on:click=move |_| ctx.social.set_surface(Source::Collab)
                                            >
                                                <img class="avatar avatar-sm" src=c.avatar.clone() alt="" width="20" height="20" loading="lazy"/>
                                                <span>{c.name.clone()}</span>
                                                {c.verified.then(|| view! { <VerifiedMark/> })}
                                            </a>
                                        }
                                    })
                                    .collect_view()}
                            </p>
                        }
                    })}
                <h1 id=heading_id class="item-title" tabindex="-1">{title}</h1>
                {campaign
                    .map(|c| {
                        let href = venue_link(&c.id);
                        view! {
                            <p class="item-campaign">
                                <a class="venue-link" href=href data-testid="campaign-badge">
                                    <span class="badge badge-campaign">
                                        {move || c.name.get(locale.get().tag()).to_string()}
                                    </span>
                                </a>
                            </p>
                        }
                    })}
                {shared_note}
                <p class="item-text">{text}</p>
                {(!topics.is_empty())
                    .then(|| {
                        view! {
                            <ul class="item-topics" aria-label=move || tr!(ctx.locale.get(), topics)>
                                {topics
                                    .into_iter()
                                    .map(|(id, name)| {
                                        view! {
                                            <li>
                                                <a href=format!("/?channel={id}")>
                                                    "#"
                                                    {move || name.get(locale.get().tag()).to_string()}
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })}
                <p class="item-date">{move || format::ago(published, now, locale.get().tag())}</p>
                <div class="item-stats">
                    <span class="stat-icon">
                        <HeartIcon/>
                    </span>
                    {stat(stats.likes, text!(likes))}
                    {stat(stats.comments, text!(comments))}
                    {stat(stats.shares, text!(shares))}
                    <ShareButton target=ShareTarget::Item(item.id.clone()) title=share_title/>
                </div>
                {has_products
                    .then(|| {
                        view! {
                            <section class="products" aria-labelledby="products-heading">
                                <h2 id="products-heading">{move || tr!(ctx.locale.get(), products)}</h2>
                                <ul>
                                    {products
                                        .into_iter()
                                        .map(|p| {
                                            let price = format::price(&p.price);
                                            let title = p.title.clone();
                                            view! {
                                                <li class="product">
                                                    {p
                                                        .image
                                                        .clone()
                                                        .map(|src| {
                                                            view! {
                                                                <img src=src alt="" width="56" height="56" loading="lazy"/>
                                                            }
                                                        })}
                                                    <div class="product-info">
                                                        <span class="product-title">{p.title.clone()}</span>
                                                        <span class="product-price">{price}</span>
                                                        {p
                                                            .coupon
                                                            .clone()
                                                            .map(|coupon| {
                                                                view! {
                                                                    <CouponRow
                                                                        shared=shared_code.as_deref() == Some(&coupon.code)
                                                                        coupon
                                                                        currency=p.price.currency.clone()
                                                                        now=(js_sys::Date::now() / 1000.0) as i64
                                                                        share_from=(!preview).then(|| (item_id.clone(), coupon_title.clone()))
                                                                    />
                                                                }
                                                            })}
                                                    </div>
                                                    <a
                                                        class="btn btn-small"
                                                        href=p.url.clone()
                                                        target="_blank"
                                                        rel="noopener noreferrer"
                                                        aria-label=move || {
                                                            format!("{} {}", tr!(locale.get(), buy_at), title)
                                                        }
                                                    >
                                                        {move || tr!(locale.get(), buy_at)}
                                                    </a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </section>
                        }
                    })}
            </div>
        </article>
    }
}

#[component]
fn ItemMedia(item: Arc<Item>) -> impl IntoView {
    let ctx = use_ctx();
    let locale = ctx.locale;
    let cover = item.cover.clone();
    let ratio_style = format!("aspect-ratio: 1 / {}", crate::format::fixed(cover.display_ratio(), 4));
    match item.media.clone() {
        Media::Note { images } => {
            let images = if images.is_empty() { vec![cover] } else { images };
            let total = images.len();
            view! {
                <ul class="gallery" tabindex="0" aria-label=move || tr!(locale.get(), gallery) data-testid="gallery">
                    {images
                        .into_iter()
                        .enumerate()
                        .map(|(i, img)| {
                            let style = format!("aspect-ratio: 1 / {}", crate::format::fixed(img.display_ratio(), 4));
                            let label = move || tr!(locale.get(), image_of, n = i + 1, total = total);
                            view! {
                                <li class="gallery-item" prop:style=style aria-label=label>
                                    <img
                                        src=img.url
                                        alt=img.alt
                                        width=img.width
                                        height=img.height
                                        decoding="async"
                                        loading=if i == 0 { "eager" } else { "lazy" }
                                    />
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }
        Media::Video { url, .. } => {
            let it = item.clone();
            let watched = StoredValue::new(0.0_f64);
            {
                let item = item.clone();
                on_cleanup(move || {
                    let fraction = watched.try_get_value().unwrap_or(0.0);
                    if fraction > 0.0 {
                        ctx.pers.record(SignalKind::VideoWatched { fraction }, &item);
                    }
                });
            }
            // Only sound-on viewing counts as watched: a muted autoplay while scrolling past says little.
            let on_time = move |ev: leptos::ev::Event| {
                if let Some(v) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlMediaElement>().ok()) {
                    if v.muted() {
                        return;
                    }
                    let d = v.duration();
                    if d.is_finite() && d > 0.0 {
                        watched.try_update_value(|w| *w = w.max((v.current_time() / d).clamp(0.0, 1.0)));
                    }
                }
            };
            let video = NodeRef::<leptos::html::Video>::new();
            let on_pause = autoplay_in_view(video, ctx);
            view! {
                <video
                    node_ref=video
                    class="item-video"
                    prop:style=ratio_style
                    src=url
                    poster=cover.url
                    controls=true
                    playsinline=true
                    preload="metadata"
                    aria-label=move || it.title_in(locale.get().tag()).to_string()
                    data-testid="video"
                    on:timeupdate=on_time
                    on:pause=on_pause
                ></video>
            }
            .into_any()
        }
        Media::Live { viewers: n, status, started_at } => {
            let live = status == LiveStatus::Live;
            let scheduled = status == LiveStatus::Scheduled;
            let planned = parse_rfc3339(&started_at).unwrap_or_default();
            // A scheduled stream shows when it is planned to start (and how many booked it) instead of a
            // viewer count; past that time, while the document still says scheduled, it is about to start.
            let line = move || {
                let l = locale.get();
                if !scheduled {
                    return tr!(l, viewers, count = format::count(n, l.tag()));
                }
                let now = (js_sys::Date::now() / 1000.0) as i64;
                let when = if planned > now {
                    tr!(l, live_starts_at, when = format::day_time(local(planned), local(now), l.tag()))
                } else {
                    tr!(l, live_starting_soon).to_string()
                };
                if n > 0 {
                    format!("{when} · {}", tr!(l, live_booked, count = format::count(n, l.tag())))
                } else {
                    when
                }
            };
            view! {
                <div class="live-card" prop:style=ratio_style data-testid="live-card">
                    <img src=cover.url alt=cover.alt decoding="async"/>
                    <div class="live-overlay" class:is-live=live>
                        <span class="badge" class:badge-live=live class:badge-ended=status == LiveStatus::Ended class:badge-scheduled=scheduled>
                            {move || {
                                let l = locale.get();
                                match status {
                                    LiveStatus::Live => tr!(l, live_badge),
                                    LiveStatus::Scheduled => tr!(l, live_scheduled),
                                    LiveStatus::Ended => tr!(l, live_ended),
                                }
                            }}
                        </span>
                        <span class="live-viewers" data-testid="live-when">{line}</span>
                    </div>
                </div>
            }
            .into_any()
        }
    }
}

/// Plays the video muted while the middle half of the screen holds it, and pauses it when it leaves, if the
/// settings allow autoplay and the system does not ask for reduced motion. Sound is never turned on here. A
/// pause by the user while the video is in view ends autoplay for this page; the returned handler (for
/// `on:pause`) notices it. Switching autoplay off (or the system asking for reduced motion) stops a video
/// this started.
fn autoplay_in_view(video: NodeRef<leptos::html::Video>, ctx: Ctx) -> impl Fn(leptos::ev::Event) + Copy {
    let in_view = use_near_viewport(video, "-25% 0px -25% 0px").near;
    let started_by_us = StoredValue::new(false);
    let user_paused = StoredValue::new(false);
    Effect::new(move |_| {
        let (Some(v), near, allowed) = (video.get(), in_view.get(), ctx.settings.autoplays()) else { return };
        if near && allowed && v.paused() && !user_paused.get_value() {
            v.set_muted(true);
            started_by_us.set_value(true);
            if let Ok(playing) = v.play() {
                // A refused play (no data yet, a browser policy) is not an error for the user.
                leptos::task::spawn_local(async move {
                    let _ = wasm_bindgen_futures::JsFuture::from(playing).await;
                });
            }
        } else if (!near || !allowed) && started_by_us.get_value() {
            // Out of view, or autoplay just switched off (settings, or the system's reduced motion).
            started_by_us.set_value(false);
            let _ = v.pause();
        }
    });
    // A removed video is paused by the browser after the page is gone: every access here is a `try_`.
    move |_| {
        if in_view.try_get_untracked() == Some(true) {
            user_paused.try_set_value(true);
        }
    }
}

/// A few more items by the same creator, from the creator's first page (which the creator page then reuses).
#[component]
fn MoreFromCreator(creator_id: String, exclude: String) -> impl IntoView {
    let ctx = use_ctx();
    let list = ctx.list(&ctx.url(&paths::creator_items(&creator_id)));
    if list.state.with_untracked(|s| s.items.is_empty()) {
        list.load_more(ctx);
    }
    let state = list.state.clone();
    let items = Signal::derive(move || {
        state.with(|s| s.items.iter().filter(|i| i.id != exclude).take(MORE_COUNT).cloned().collect::<Vec<_>>())
    });
    view! {
        <Show when=move || !items.with(Vec::is_empty)>
            <section class="more" aria-labelledby="more-heading" data-testid="more-from-creator">
                <h2 id="more-heading">{move || tr!(ctx.locale.get(), more_from_creator)}</h2>
                <Masonry items/>
            </section>
        </Show>
    }
}

/// The coupon code carried by this page's `code=` share code, when the code is for this item.
fn shared_coupon(item: &str) -> Option<String> {
    let code = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("code"))?;
    match crate::social::decode_share_code(&code) {
        Ok(ShareTarget::ItemCoupon { item: id, coupon }) if id == item => Some(coupon),
        _ => None,
    }
}

/// Where a shared coupon stands now: usable (and marked below), not started yet, or ended (also when no
/// product offers it any more).
fn shared_coupon_state(item: &Item, code: &str, now: i64) -> CouponState {
    item.products
        .iter()
        .filter_map(|p| p.coupon.as_ref())
        .find(|c| c.code == code)
        .map_or(CouponState::Ended, |c| c.state(now))
}
