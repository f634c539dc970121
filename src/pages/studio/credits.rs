//! 共同创作: the creators credited beside the author. The creators this one already works with (the `collabs`
//! of their profile) are offered as chips; anyone else is added by their creator id, which is looked up so a
//! credit always names a creator that exists, with their current name and avatar.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bench::Bench;
use super::compose::FieldErrors;
use crate::api::{self, paths};
use crate::i18n::studio::S;
use crate::model::compose::Field;
use crate::model::item::MAX_CO_CREATORS;
use crate::model::text::is_valid_id;
use crate::model::{parse_creator_doc, CreatorRef};

/// Credits `c`, or takes the credit back when it is there; says why when it cannot be added.
fn toggle(bench: Bench, c: CreatorRef) {
    let st = bench.st;
    let mut said = None;
    bench.edit(|d| {
        if let Some(i) = d.co_creators.iter().position(|x| x.id == c.id) {
            d.co_creators.remove(i);
        } else if d.co_creators.len() >= MAX_CO_CREATORS {
            said = Some(st.f(S::co_full, &[("max", &MAX_CO_CREATORS)]));
        } else {
            said = Some(st.f(S::co_added, &[("name", &c.name)]));
            d.co_creators.push(c);
        }
    });
    if let Some(text) = said {
        bench.status.try_set(text);
    }
}

/// Looks a creator up by id and credits them.
fn add_by_id(bench: Bench, typed: String, done: impl FnOnce() + 'static) {
    let st = bench.st;
    let id = typed.trim().to_string();
    let me = bench.creator.with_value(|c| c.id.clone());
    if id == me {
        bench.status.set(st.t(S::co_self));
        return;
    }
    if !is_valid_id(&id) {
        bench.status.set(st.f(S::co_not_found, &[("id", &id)]));
        return;
    }
    if bench.draft.with_untracked(|d| d.as_ref().is_some_and(|d| d.co_creators.iter().any(|c| c.id == id))) {
        bench.status.set(st.f(S::co_already, &[("id", &id)]));
        return;
    }
    let ctx = bench.ctx;
    spawn_local(async move {
        // A missing or unreadable document means there is no such creator; no answer at all (offline, a
        // server error) is not a "no", so it says so and the id stays in its box to try again.
        let found = match ctx.cached_creator(&id) {
            Some(c) => Ok(c),
            None => match api::fetch_text(&ctx.url(&paths::creator(&id))).await {
                Ok(text) => parse_creator_doc(&text, &ctx.session().base).map(std::sync::Arc::new).map_err(|_| false),
                Err(api::FetchError::NotFound | api::FetchError::Doc(_)) => Err(false),
                Err(_) => Err(true),
            },
        };
        match found {
            Ok(c) => {
                toggle(bench, CreatorRef::of(&c));
                done();
            }
            Err(unreachable) => {
                let line = if unreachable { S::co_lookup_failed } else { S::co_not_found };
                bench.status.try_set(st.f(line, &[("id", &id)]));
            }
        }
    });
}

/// The co-creators field: who is credited, the creators worked with as chips, and an id to add anyone else.
#[component]
pub fn CoCreators(bench: Bench, candidates: Vec<CreatorRef>) -> impl IntoView {
    let st = bench.st;
    let credited =
        Memo::new(move |_| bench.draft.with(|d| d.as_ref().map(|d| d.co_creators.clone()).unwrap_or_default()));
    // Chips for the creators worked with, then anyone credited by id (who stays removable).
    let chips = move || {
        let mut all = candidates.clone();
        credited.with(|c| all.extend(c.iter().filter(|x| !candidates.iter().any(|k| k.id == x.id)).cloned()));
        all
    };
    let typed = RwSignal::new(String::new());
    let add = move || add_by_id(bench, typed.get_untracked(), move || typed.set(String::new()));
    view! {
        <fieldset class="field co-creators" aria-describedby="c-co-hint c-co-err">
            <legend class="field-label">
                {move || st.t(S::co_label)}
                <span class="count">{move || format!("{}/{MAX_CO_CREATORS}", credited.with(Vec::len))}</span>
            </legend>
            <p class="muted" id="c-co-hint">{move || st.f(S::co_hint, &[("max", &MAX_CO_CREATORS)])}</p>
            <div class="chip-row" data-testid="co-creator-chips">
                <For each=chips key=|c| c.id.clone() let:c>
                    {
                        let id = c.id.clone();
                        let on = Memo::new(move |_| credited.with(|list| list.iter().any(|x| x.id == id)));
                        let name = c.name.clone();
                        let testid = format!("co-{}", c.id);
                        view! {
                            <button
                                type="button"
                                class="chip"
                                data-testid=testid
                                aria-pressed=move || on.get().to_string()
                                on:click=move |_| toggle(bench, c.clone())
                            >
                                {name}
                            </button>
                        }
                    }
                </For>
            </div>
            <div class="inline-add">
                <label for="c-co-id">{move || st.t(S::co_by_id)}</label>
                <input
                    id="c-co-id"
                    type="text"
                    maxlength="64"
                    autocomplete="off"
                    spellcheck="false"
                    data-testid="co-id"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            add();
                        }
                    }
                />
                <button type="button" class="btn btn-small" data-testid="co-add" on:click=move |_| add()>
                    {move || st.t(S::co_add)}
                </button>
            </div>
            <FieldErrors bench field=Field::CoCreators id="c-co-err".into()/>
        </fieldset>
    }
}
