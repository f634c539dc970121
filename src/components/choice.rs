//! A labelled radio group for small settings (the settings page, the preview studio's frame switches).

use leptos::prelude::*;

use crate::app::use_ctx;
use crate::i18n::Text;

/// A radio group: one legend, one radio per option, the chosen option's index in `value`. Native radios, so
/// arrow keys move the choice and a screen reader announces the group and the position in it.
#[component]
pub fn Choice(
    /// The group's name, shown and announced.
    legend: Text,
    /// The radios' shared `name` and the prefix of their test ids.
    name: &'static str,
    /// Each option's label and test-id suffix.
    options: &'static [(Text, &'static str)],
    /// The chosen option's index.
    value: RwSignal<usize>,
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <fieldset class="choice">
            <legend>{move || ctx.t(legend)}</legend>
            {options
                .iter()
                .enumerate()
                .map(|(v, &(key, id))| {
                    view! {
                        <label class="choice-option">
                            <input
                                type="radio"
                                name=name
                                data-testid=format!("{name}-{id}")
                                prop:checked=move || value.get() == v
                                on:change=move |_| value.set(v)
                            />
                            <span>{move || ctx.t(key)}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
