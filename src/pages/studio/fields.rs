//! Form parts the item form and the profile form share: a text field counted against the contract's limit,
//! and topic chips from the index. One shape, so both forms count, mark and describe alike.

use leptos::prelude::*;

use super::bench::Bench;
use crate::i18n::studio::S;
use crate::model::time::{local_to_rfc3339, rfc3339_to_local};

/// How far past a limit the browser lets a field grow: enough to show the creator the limit was passed, not
/// enough for a pasted book to slow every keystroke.
const OVERFLOW: usize = 1_000;

/// A labelled text input (or a textarea when `rows` is set) with a live count against `max` characters; its
/// error line (the children) must have the id `{id}-err`, which describes the input with the count.
#[component]
pub fn CountedField(
    bench: Bench,
    id: &'static str,
    label: S,
    testid: &'static str,
    max: usize,
    /// Lines of a textarea; a one-line input when `None`.
    #[prop(optional)]
    rows: Option<u32>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] invalid: Signal<bool>,
    on_input: impl Fn(String) + Copy + Send + Sync + 'static,
    children: Children,
) -> impl IntoView {
    let st = bench.st;
    let len = Memo::new(move |_| value.with(|v| v.chars().count()));
    let count_id = format!("{id}-count");
    let described = format!("{count_id} {id}-err");
    let limit = (max + OVERFLOW).to_string();
    let input = match rows {
        None => view! {
            <input
                id=id
                type="text"
                data-testid=testid
                maxlength=limit
                aria-describedby=described
                aria-invalid=move || invalid.get().to_string()
                prop:value=move || value.get()
                on:input=move |ev| on_input(event_target_value(&ev))
            />
        }
        .into_any(),
        Some(rows) => view! {
            <textarea
                id=id
                rows=rows.to_string()
                data-testid=testid
                maxlength=limit
                aria-describedby=described
                aria-invalid=move || invalid.get().to_string()
                prop:value=move || value.get()
                on:input=move |ev| on_input(event_target_value(&ev))
            ></textarea>
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id class="field-label">{move || st.t(label)}</label>
            {input}
            <span class="count" id=count_id data-testid=format!("{testid}-count") class:is-over=move || { len.get() > max }>
                {move || format!("{}/{max}", len.get())}
            </span>
            {children()}
        </div>
    }
}

/// The index's topics as chips a creator toggles; the error line (the children) must have the id `errors`.
#[component]
pub fn TopicChips(
    bench: Bench,
    /// Prefix of each chip's test id, before the topic id.
    testid: &'static str,
    errors: &'static str,
    #[prop(into)] chosen: Signal<Vec<String>>,
    on_toggle: impl Fn(String) + Copy + Send + Sync + 'static,
    children: Children,
) -> impl IntoView {
    let st = bench.st;
    let locale = bench.ctx.locale;
    let channels: Vec<_> = bench.ctx.session().index.channels.iter().filter(|c| c.id != "recommend").cloned().collect();
    view! {
        <fieldset class="field topics" aria-describedby=errors>
            <legend class="field-label">{move || st.t(S::topics_label)}</legend>
            <div class="chip-row">
                {channels
                    .into_iter()
                    .map(|c| {
                        let id = c.id.clone();
                        let on = {
                            let id = id.clone();
                            move || chosen.with(|t| t.contains(&id))
                        };
                        view! {
                            <button
                                type="button"
                                class="chip"
                                data-testid=format!("{testid}{id}")
                                aria-pressed=move || on().to_string()
                                on:click=move |_| on_toggle(id.clone())
                            >
                                {move || c.name.get(locale.get().tag()).to_string()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {children()}
        </fieldset>
    }
}

/// Adds `id` to `list`, or takes it out when it is there.
pub fn toggle(list: &mut Vec<String>, id: String) {
    match list.iter().position(|t| *t == id) {
        Some(i) => drop(list.remove(i)),
        None => list.push(id),
    }
}

/// A stored time (the contract's RFC 3339) as a `datetime-local` input shows it, in a zone `offset` minutes
/// east of UTC; text that did not read as a time is shown as it was typed.
pub fn shown_time(stored: &str, offset: i32) -> String {
    rfc3339_to_local(stored, offset).unwrap_or_else(|| stored.to_string())
}

/// What a `datetime-local` input typed, as stored: an RFC 3339 instant, or the text as typed when it does not
/// read (so the check names it), or empty.
pub fn typed_time(typed: String, offset: i32) -> String {
    if typed.is_empty() {
        return typed;
    }
    local_to_rfc3339(&typed, offset).unwrap_or(typed)
}
