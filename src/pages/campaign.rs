//! `/campaign/:id`: a campaign venue (会场), where a campaign badge leads. The name, the window with a live
//! countdown (to the start, to the end, or ended), the boost rule in one line, the featured creators with
//! follow buttons, the topics as chips, and the campaign's content as a paged masonry feed that follows
//! `next`. Self-contained (only shared components), so it can become a lazily loaded route.
//!
//! Attribution: a visit that lands here through a venue link (`?src=campaign`) is campaign traffic, and so
//! is every item or creator opened from here (the page sets the in-app surface to [`Source::Campaign`]).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::paths;
use crate::app::{focus_id, set_title, use_ctx};
use crate::components::coupon::local;
use crate::components::creator_strip::{CreatorStrip, StripCreator};
use crate::components::paged_feed::PagedFeed;
use crate::components::states::ErrorState;
use crate::format;
use crate::i18n::Locale;
use crate::model::text::is_valid_id;
use crate::model::venue::{countdown_parts, parse_venue_doc, Phase, Venue};
use crate::pages::not_found::{Missing, NotFound};
use crate::pages::{load_into, Load};
use crate::social::Source;
use crate::{text, tr};

/// The venue page: loads `campaigns/{id}.json` and follows route changes; a bad id is a not-found page
/// without a request, a document that fails validation an error with a retry.
#[component]
pub fn CampaignPage() -> impl IntoView {
    let ctx = use_ctx();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let state: RwSignal<Load<Arc<Venue>>> = RwSignal::new(Load::Loading);
    let load = move |wanted: String| {
        if !is_valid_id(&wanted) {
            state.set(Load::Missing);
            return;
        }
        let base = ctx.session().base.clone();
        let source = paths::campaign(&wanted);
        load_into(
            state,
            ctx.url(&source),
            move |text| {
                let (venue, notes) = parse_venue_doc(text, &base)?;
                for p in notes {
                    leptos::logging::warn!("guang: skipped in {source}: {p}");
                }
                Ok(Arc::new(venue))
            },
            move || id.try_get_untracked().as_deref() == Some(wanted.as_str()),
        );
    };
    Effect::new(move |_| load(id.get()));
    let retry = Callback::new(move |_| load(id.get_untracked()));
    ctx.social.set_surface(Source::Campaign);

    view! {
        {move || match state.get() {
            Load::Loading => view! { <div class="venue-skeleton shimmer" role="status" aria-busy="true"></div> }.into_any(),
            Load::Missing => view! { <NotFound what=Missing::Campaign/> }.into_any(),
            Load::Failed(e) => view! { <ErrorState error=e on_retry=retry/> }.into_any(),
            Load::Ready(venue) => view! { <VenueView venue/> }.into_any(),
        }}
    }
}

/// Unix seconds now, ticking every second while the page is shown (a fake clock in tests moves it too).
fn use_clock() -> ReadSignal<i64> {
    let now = || (js_sys::Date::now() / 1000.0).floor() as i64;
    let (clock, set_clock) = signal(now());
    if let Ok(handle) = set_interval_with_handle(move || set_clock.set(now()), std::time::Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
    clock
}

/// "3天 04:05:06" / "3d 04:05:06", or just the clock on the last day.
fn countdown(l: Locale, secs: i64) -> String {
    let [d, h, m, s] = countdown_parts(secs);
    let hms = format!("{h:02}:{m:02}:{s:02}");
    if d > 0 {
        tr!(l, countdown_days, d = d.to_string(), hms = hms).to_string()
    } else {
        hms
    }
}

#[component]
fn VenueView(venue: Arc<Venue>) -> impl IntoView {
    let ctx = use_ctx();
    let locale = ctx.locale;
    {
        let name = venue.name.clone();
        Effect::new(move |_| {
            let l = locale.get();
            set_title(&format!("{} · {}", name.get(l.tag()), tr!(l, app_name)));
        });
    }
    focus_id("page-heading");
    let now = use_clock();
    let v = venue.clone();
    let phase = Memo::new(move |_| v.phase(now.get()));
    let v = venue.clone();
    let counter = move || {
        let l = locale.get();
        let left = countdown(l, v.remaining(now.get()));
        match phase.get() {
            Phase::Upcoming => tr!(l, venue_starts_in, time = left).to_string(),
            Phase::On => tr!(l, venue_ends_in, time = left).to_string(),
            Phase::Ended => tr!(l, venue_ended).to_string(),
        }
    };
    let (starts, ends) = (venue.starts_ts, venue.ends_ts);
    // `ends_at` is the first moment it is over: the last day shown is the one before.
    let window = move || {
        let l = locale.get();
        let today = local(now.get_untracked());
        let day = |ts: i64| format::day(local(ts), today, l.tag());
        tr!(l, venue_window, from = day(starts), to = day(ends - 1)).to_string()
    };
    let session = ctx.session();
    let topics: Vec<(String, crate::model::Names)> = venue
        .topics
        .iter()
        .filter_map(|t| session.index.channels.iter().find(|c| &c.id == t))
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    let creators = venue.creators.clone();
    let list = ctx.list(&ctx.url(&paths::campaign_feed(&venue.id)));
    let (name, rule) = (venue.name.clone(), venue.rule.clone());

    view! {
        <header class="venue-header" data-testid="venue-page" data-id=venue.id.clone()>
            <h1 id="page-heading" tabindex="-1">{move || name.get(locale.get().tag()).to_string()}</h1>
            <p class="venue-when">
                <span
                    class="venue-countdown"
                    data-testid="venue-countdown"
                    data-phase=move || match phase.get() {
                        Phase::Upcoming => "upcoming",
                        Phase::On => "on",
                        Phase::Ended => "ended",
                    }
                >
                    {counter}
                </span>
                <span class="venue-window" data-testid="venue-window">{window}</span>
            </p>
            <p class="venue-rule" data-testid="venue-rule">
                <span class="venue-rule-label">{move || tr!(locale.get(), venue_rule)}</span>
                {move || rule.get(locale.get().tag()).to_string()}
            </p>
            {(!topics.is_empty())
                .then(|| {
                    view! {
                        <ul class="venue-topics" aria-label=move || tr!(locale.get(), topics) data-testid="venue-topics">
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
                    }
                })}
        </header>
        {(!creators.is_empty())
            .then(|| {
                let creators = creators
                    .into_iter()
                    .map(|c| StripCreator { id: c.id, name: c.name, avatar: c.avatar, verified: c.verified, tag: None })
                    .collect();
                view! { <CreatorStrip id="venue-creators" heading=text!(venue_creators) creators via=Source::Campaign/> }
            })}
        <h2 class="section-title venue-content-title">{move || tr!(locale.get(), venue_content)}</h2>
        <PagedFeed list empty=text!(venue_empty) restore=true/>
    }
}
