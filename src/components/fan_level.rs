//! The user's 粉丝等级 with a creator: the level, progress to the next one, whether points are fading, and
//! exactly what counts (read from the app's [`FanRules`], so the explanation cannot drift from the maths).
//! Shown on the creator page; the interests page lists every level with [`fan_level_text`].

use leptos::prelude::*;

use crate::app::use_ctx;
use crate::i18n::Text;
use crate::social::{FanLevel, FanRules};
use crate::{text, tr};

/// The name of a level in the UI language.
pub fn fan_level_text(level: FanLevel) -> Text {
    match level {
        FanLevel::Passerby => text!(fan_passerby),
        FanLevel::Fan => text!(fan_fan),
        FanLevel::Loyal => text!(fan_loyal),
        FanLevel::Super => text!(fan_super),
    }
}

/// Whole points as shown (points are kept with two decimals; fading makes fractions).
fn pts(x: f64) -> String {
    format!("{}", x.floor().max(0.0) as u64)
}

/// The rules as a list of sentences.
fn rules_view(r: FanRules) -> impl IntoView {
    let ctx = use_ctx();
    let pct = format!("{}", (r.decay_per_day * 100.0).round() as u64);
    move || {
        let l = ctx.locale.get();
        let n = |x: f64| pts(x);
        let lines = [
            tr!(l, fan_rule_open, n = n(r.open)),
            tr!(l, fan_rule_dwell, n = n(r.dwell_per_10s), max = n(r.dwell_max)),
            tr!(l, fan_rule_video, n = n(r.video_finished)),
            tr!(l, fan_rule_like, n = n(r.like)),
            tr!(l, fan_rule_share, n = n(r.share)),
            tr!(l, fan_rule_visit, n = n(r.creator_visit)),
            tr!(l, fan_rule_follow, n = n(r.follow), per_day = n(r.per_day_followed), days = r.follow_days_max),
            tr!(l, fan_rule_cap, n = n(r.daily_cap)),
            tr!(l, fan_rule_levels, fan = n(r.thresholds[0]), loyal = n(r.thresholds[1]), top = n(r.thresholds[2])),
            tr!(l, fan_rule_decay, days = r.grace_days, pct = &pct),
        ];
        lines.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()
    }
}

/// The user's standing with `creator`, live: it moves as they open, like and share.
#[component]
pub fn FanCard(creator: String) -> impl IntoView {
    let ctx = use_ctx();
    let locale = ctx.locale;
    let rules = crate::app::fans::rules();
    let decay_pct = format!("{}", (rules.decay_per_day * 100.0).round() as u64);
    let standing = Memo::new(move |_| {
        ctx.pers.revision.track();
        ctx.social.revision.track();
        ctx.social.fan_standing(&creator)
    });
    let summary = move || {
        let (s, l) = (standing.get(), locale.get());
        match s.next {
            Some((next, at)) => {
                tr!(l, fan_progress, points = pts(s.points), next_at = pts(at), next = fan_level_text(next)(l))
            }
            None => format!("{} · {}", tr!(l, fan_points, points = pts(s.points)), tr!(l, fan_top)),
        }
    };
    let status = move || {
        let (s, l) = (standing.get(), locale.get());
        if s.fading {
            Some(tr!(l, fan_fading, pct = &decay_pct))
        } else {
            s.grace_left.map(|d| tr!(l, fan_grace, days = d))
        }
    };
    view! {
        <section class="fan-card" aria-labelledby="fan-title" data-testid="fan-card" data-level=move || standing.get().level.index()>
            <h2 id="fan-title" class="section-title">{move || tr!(locale.get(), fan_level_title)}</h2>
            <p class="fan-line">
                <span class="fan-level" class:is-super=move || standing.get().level == FanLevel::Super data-testid="fan-level">
                    {move || fan_level_text(standing.get().level)(locale.get())}
                </span>
                <span class="fan-summary" data-testid="fan-progress-text">{summary}</span>
            </p>
            <progress
                class="fan-bar"
                aria-label=move || tr!(locale.get(), fan_progress_label)
                max=move || { let s = standing.get(); s.next.map_or(1.0, |(_, at)| at - s.floor) }
                value=move || { let s = standing.get(); s.next.map_or(1.0, |_| (s.points - s.floor).max(0.0)) }
            ></progress>
            {move || status().map(|t| view! { <p class="muted fan-status" class:is-fading=move || standing.get().fading data-testid="fan-status">{t}</p> })}
            <details class="fan-rules" data-testid="fan-rules">
                <summary>{move || tr!(locale.get(), fan_how)}</summary>
                <ul>{rules_view(rules)}</ul>
                <p class="muted">{move || tr!(locale.get(), fan_private)}</p>
            </details>
        </section>
    }
}
