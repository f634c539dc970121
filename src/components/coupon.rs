//! A product's coupon on the item page: what it is worth and above what spend, until when, and a button
//! that copies its code. An ended coupon is never offered; one not yet open says when it opens and has no
//! copy button, so nobody pastes a code the shop will refuse.

use leptos::prelude::*;

use crate::app::use_ctx;
use crate::components::share::copy_text;
use crate::format;
use crate::model::{Coupon, CouponState, Price};
use crate::social::ShareTarget;
use crate::{text, tr};

/// `ts` moved by the device's offset from UTC at that moment, so a day is the buyer's day: a coupon that
/// opens at midnight in Beijing opens on the 10th there, not on the 9th of UTC.
pub fn local(ts: i64) -> i64 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ts as f64 * 1000.0));
    ts - (date.get_timezone_offset() as i64) * 60
}

/// The coupon of a product priced in `currency`, as of `now` (Unix seconds, when the row is drawn); nothing
/// once it has ended. A row already on screen keeps its state until the page is drawn again. `share_from`
/// (the item's id and title) adds a button that shares a code carrying this coupon; `shared` marks the row a
/// share code brought the visitor to.
#[component]
pub fn CouponRow(
    coupon: Coupon,
    currency: String,
    now: i64,
    #[prop(default = None)] share_from: Option<(String, String)>,
    #[prop(optional)] shared: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let locale = ctx.locale;
    let state = coupon.state(now);
    if state == CouponState::Ended {
        return ().into_any();
    }
    let money = move |amount: i64| format::price(&Price { amount, currency: currency.clone() });
    let off = match (coupon.amount_off, coupon.percent_off) {
        (Some(a), _) => money(a),
        (None, Some(n)) => format!("{n}%"),
        (None, None) => String::new(),
    };
    let min = (coupon.min_spend > 0).then(|| money(coupon.min_spend));
    let (starts, ends) = (coupon.starts_ts, coupon.ends_ts);
    let offer = move || match &min {
        Some(min) => tr!(locale.get(), coupon_off_min, off = off.clone(), min = min.clone()),
        None => tr!(locale.get(), coupon_off, off = off.clone()),
    };
    let when = move || {
        let l = locale.get();
        match state {
            CouponState::Upcoming => tr!(l, coupon_from, day = format::day(local(starts), local(now), l.tag())),
            // `ends_at` is the first moment it no longer works: the last day to use it is the one before.
            _ => tr!(l, coupon_until, day = format::day(local(ends - 1), local(now), l.tag())),
        }
    };
    let code = coupon.code.clone();
    let copy = {
        let code = code.clone();
        move |_| {
            let code = code.clone();
            leptos::task::spawn_local(async move {
                ctx.pers.say(if copy_text(&code).await { text!(coupon_copied) } else { text!(coupon_copy_failed) });
            });
        }
    };
    let label = {
        let code = code.clone();
        move || tr!(locale.get(), coupon_copy_named, code = code.clone())
    };
    let data_code = code.clone();
    let share = share_from.filter(|_| state == CouponState::Valid).map(|(item, title)| {
        let target = ShareTarget::ItemCoupon { item, coupon: code.clone() };
        let name = {
            let code = code.clone();
            move || tr!(locale.get(), coupon_share_named, code = code.clone())
        };
        view! {
            <button
                type="button"
                class="btn btn-small coupon-share"
                data-testid="coupon-share"
                aria-haspopup="dialog"
                aria-label=name
                on:click=move |_| ctx.social.open_share(target.clone(), title.clone())
            >
                {move || tr!(locale.get(), coupon_share)}
            </button>
        }
    });
    view! {
        <div
            class="coupon"
            class:coupon-shared=shared
            data-testid="coupon"
            data-code=data_code
            data-shared=shared.then_some("true")
            data-state=if state == CouponState::Valid { "valid" } else { "upcoming" }
        >
            <span class="coupon-tag">{move || tr!(locale.get(), coupon)}</span>
            {shared
                .then(|| {
                    view! {
                        <span class="coupon-shared-tag" data-testid="coupon-shared-tag">
                            {move || tr!(locale.get(), coupon_shared_tag)}
                        </span>
                    }
                })}
            <span class="coupon-offer">{offer}</span>
            <span class="coupon-when">{when}</span>
            <code class="coupon-code" data-testid="coupon-code">{code}</code>
            {(state == CouponState::Valid)
                .then(|| {
                    view! {
                        <button type="button" class="btn btn-small coupon-copy" data-testid="coupon-copy" aria-label=label on:click=copy>
                            {move || tr!(locale.get(), coupon_copy)}
                        </button>
                    }
                })}
            {share}
        </div>
    }
    .into_any()
}
