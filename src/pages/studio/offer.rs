//! A product's coupon (券) in the compose form: the code, an amount or a percentage off, a minimum spend and
//! its window, typed in the device's time zone. The contract's coupon rules check it, as they do a loaded
//! draft's and the feed's.

use leptos::prelude::*;

use super::bench::{offset_min, Bench};
use super::fields::{shown_time, typed_time};
use crate::i18n::studio::S;
use crate::model::compose::{field_of, CouponDraft, Field};

/// The coupon of product `i`, if it has one.
fn with_coupon<T>(bench: Bench, i: usize, f: impl FnOnce(&CouponDraft) -> T) -> Option<T> {
    bench.draft.with(|d| d.as_ref().and_then(|d| d.products.get(i)).and_then(|p| p.coupon.as_ref()).map(f))
}

fn edit_coupon(bench: Bench, i: usize, f: impl FnOnce(&mut CouponDraft)) {
    bench.edit(|d| {
        if let Some(c) = d.products.get_mut(i).and_then(|p| p.coupon.as_mut()) {
            f(c);
        }
    });
}

/// The coupon's fields for product `i`.
#[component]
pub fn CouponFields(bench: Bench, i: usize) -> impl IntoView {
    let st = bench.st;
    let offset = offset_min();
    let id = move |what: &str| format!("c-p{i}-coupon-{what}");
    let text = move |f: fn(&CouponDraft) -> String| move || with_coupon(bench, i, f).unwrap_or_default();
    let set = move |f: fn(&mut CouponDraft, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            edit_coupon(bench, i, |c| f(c, v));
        }
    };
    // Times are stored as the contract's instants and shown in the device's zone; an input that does not read
    // is kept as typed so the check names it.
    let time =
        move |f: fn(&CouponDraft) -> String| move || shown_time(&with_coupon(bench, i, f).unwrap_or_default(), offset);
    let set_time = move |f: fn(&mut CouponDraft, String)| {
        move |ev: leptos::ev::Event| {
            let v = typed_time(event_target_value(&ev), offset);
            edit_coupon(bench, i, |c| f(c, v));
        }
    };
    let percent = Memo::new(move |_| with_coupon(bench, i, |c| c.percent).unwrap_or(false));
    let invalid = move |end: &'static str| {
        move || {
            bench
                .checked
                .with(|c| c.problems.iter().any(|p| field_of(&p.path) == Field::Product(i) && p.path.ends_with(end)))
                .to_string()
        }
    };
    let err = format!("c-p{i}-err");
    view! {
        <fieldset class="coupon-fields" data-testid="coupon-fields">
            <legend>{move || st.t(S::coupon_label)}</legend>
            <label for=id("code")>{move || st.t(S::coupon_code)}</label>
            <input
                id=id("code")
                type="text"
                maxlength="24"
                autocomplete="off"
                spellcheck="false"
                class="code-input"
                data-testid="coupon-code"
                aria-describedby=err.clone()
                aria-invalid=invalid("coupon.code")
                prop:value=text(|c| c.code.clone())
                on:input=set(|c, v| c.code = v.to_uppercase())
            />
            <label for=id("kind")>{move || st.t(S::coupon_kind)}</label>
            <select
                id=id("kind")
                data-testid="coupon-kind"
                on:change=move |ev| {
                    let percent = event_target_value(&ev) == "percent";
                    edit_coupon(bench, i, |c| c.percent = percent);
                }
            >
                <option value="amount" selected=move || !percent.get()>{move || st.t(S::coupon_amount)}</option>
                <option value="percent" selected=move || percent.get()>{move || st.t(S::coupon_percent)}</option>
            </select>
            <label for=id("off")>
                {move || if percent.get() { st.t(S::coupon_percent_value) } else { st.t(S::coupon_amount_value) }}
            </label>
            <input
                id=id("off")
                type="text"
                inputmode="decimal"
                maxlength="24"
                data-testid="coupon-off"
                aria-describedby=err.clone()
                aria-invalid=move || if percent.get() { invalid("coupon.percent_off")() } else { invalid("coupon.amount_off")() }
                prop:value=text(|c| c.off.clone())
                on:input=set(|c, v| c.off = v)
            />
            <label for=id("min")>{move || st.t(S::coupon_min)}</label>
            <input
                id=id("min")
                type="text"
                inputmode="decimal"
                maxlength="24"
                data-testid="coupon-min"
                aria-describedby=err.clone()
                aria-invalid=invalid("coupon.min_spend")
                prop:value=text(|c| c.min_spend.clone())
                on:input=set(|c, v| c.min_spend = v)
            />
            <label for=id("starts")>{move || st.t(S::coupon_starts)}</label>
            <input
                id=id("starts")
                type="datetime-local"
                data-testid="coupon-starts"
                aria-describedby=err.clone()
                aria-invalid=invalid("coupon.starts_at")
                prop:value=time(|c| c.starts_at.clone())
                on:change=set_time(|c, v| c.starts_at = v)
            />
            <label for=id("ends")>{move || st.t(S::coupon_ends)}</label>
            <input
                id=id("ends")
                type="datetime-local"
                data-testid="coupon-ends"
                aria-describedby=err
                aria-invalid=invalid("coupon.ends_at")
                prop:value=time(|c| c.ends_at.clone())
                on:change=set_time(|c, v| c.ends_at = v)
            />
            <button
                type="button"
                class="btn btn-small"
                data-testid="coupon-remove"
                on:click=move |_| bench.edit(|d| {
                    if let Some(p) = d.products.get_mut(i) {
                        p.coupon = None;
                    }
                })
            >
                {move || st.t(S::coupon_remove)}
            </button>
        </fieldset>
    }
}
