//! The recommend feed's venue banner: while a campaign is on (by the device's clock, against the windows in
//! `index.json`), a link to its venue. Campaigns are where the platform tilts traffic, so the feed points
//! at the one that is on; with none on, nothing is drawn and nothing is fetched.

use leptos::prelude::*;

use crate::app::use_ctx;
use crate::model::venue::{phase, venue_link, Phase};
use crate::tr;

/// A banner linking to the campaign that is on now (the one ending soonest, when several are).
#[component]
pub fn VenueBanner() -> impl IntoView {
    let ctx = use_ctx();
    let locale = ctx.locale;
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let on = ctx
        .session()
        .index
        .campaigns
        .iter()
        .filter(|c| phase(c.start_ts, c.end_ts, now) == Phase::On)
        .min_by_key(|c| c.end_ts)
        .cloned();
    on.map(|c| {
        let name = c.name.clone();
        view! {
            <a class="venue-banner" href=venue_link(&c.id) data-testid="venue-banner" data-campaign=c.id.clone()>
                <span class="badge badge-campaign">{move || tr!(locale.get(), venue_on)}</span>
                <span class="venue-banner-text">
                    {move || tr!(locale.get(), venue_banner, name = name.get(locale.get().tag()))}
                </span>
                <span class="venue-banner-go" aria-hidden="true">"›"</span>
            </a>
        }
    })
}
