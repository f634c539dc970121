//! The 草稿箱: the creator's drafts on this device with their last change, to open, duplicate or delete (with
//! undo), and a notice with a download when stored drafts could not be read.

use leptos::prelude::*;

use super::bench::Bench;
use crate::app::{focus_id, use_ctx};
use crate::i18n::studio::S;
use crate::model::compose::{ComposeKind, Publish};

/// "HH:MM" today, else "M/D HH:MM", in the device's time zone (its offset now).
fn when(ms: i64) -> String {
    use crate::model::time::civil_date;
    let offset_s = -(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64)).get_timezone_offset() as i64) * 60;
    let local = |ms: i64| ms.div_euclid(1000) + offset_s;
    let (t, now) = (local(ms), local(super::bench::now_ms()));
    let time = format!("{:02}:{:02}", t.rem_euclid(86_400) / 3600, t.rem_euclid(3600) / 60);
    if t.div_euclid(86_400) == now.div_euclid(86_400) {
        time
    } else {
        let (_, m, d) = civil_date(t);
        format!("{m}/{d} {time}")
    }
}

/// What a draft's row shows; its [`Row::key`] changes with it, so a row is rebuilt only when it changes.
#[derive(Clone)]
struct Row {
    id: String,
    title: Option<String>,
    kind: ComposeKind,
    state: Option<S>,
    changed: String,
}

impl Row {
    /// Everything the row shows, as one string (a `String` key keeps the keyed list's code shared with the
    /// rest of the app instead of a copy for a key type of its own).
    fn key(&self) -> String {
        let state = self.state.map_or(0, |s| s as u16 + 1);
        format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{state}\u{1f}{}",
            self.id,
            self.kind as u8,
            self.changed,
            self.title.as_deref().unwrap_or("")
        )
    }
}

/// The list of drafts.
#[component]
pub fn DraftList(bench: Bench) -> impl IntoView {
    let st = bench.st;
    let _ = use_ctx();
    let open_id = Memo::new(move |_| bench.draft.with(|d| d.as_ref().map(|d| d.id.clone())));
    // One row per draft, keyed by what it shows: saving the open draft rebuilds only its own row, so focus
    // on another row's buttons stays where it is.
    let rows = move || {
        bench.shelf.with(|s| {
            s.drafts
                .iter()
                .map(|d| {
                    let state = match &d.publish {
                        None => None,
                        Some(Publish::Pending { .. }) => Some(S::publish_pending),
                        Some(Publish::Done { .. }) => Some(S::publish_done),
                        Some(Publish::Rejected { .. }) => Some(S::publish_rejected),
                    };
                    let title = if d.title.trim().is_empty() { None } else { Some(d.title.clone()) };
                    Row { id: d.id.clone(), title, kind: d.kind, state, changed: when(d.updated_ms) }
                })
                .collect::<Vec<_>>()
        })
    };
    let row = move |r: Row| {
        let Row { id, title, kind, state, changed } = r;
        let kind = match kind {
            ComposeKind::Note => S::kind_note,
            ComposeKind::Video => S::kind_video,
            ComposeKind::Live => S::kind_live,
        };
        let is_open = {
            let id = id.clone();
            Signal::derive(move || open_id.with(|o| o.as_deref() == Some(id.as_str())))
        };
        let label = move || title.clone().unwrap_or_else(|| st.t(S::untitled));
        let (open, dup, del) = (id.clone(), id.clone(), id.clone());
        let name_for = label.clone();
        view! {
            <li class="draft-row" class:is-open=is_open data-testid="draft-row" data-id=id.clone()>
                <div class="draft-info">
                    <strong>{label.clone()}</strong>
                    <span class="muted">
                        {move || st.t(kind)} " · " {move || st.f(S::changed_at, &[("time", &changed)])}
                        {move || state.map(|s| format!(" · {}", st.t(s)))}
                    </span>
                </div>
                <div class="row-actions">
                    <button
                        type="button"
                        class="btn btn-small"
                        data-testid="draft-open"
                        disabled=is_open
                        aria-label={let n = name_for.clone(); move || format!("{} {}", st.t(S::open), n())}
                        on:click=move |_| {
                            bench.open(&open);
                            focus_id("c-title");
                        }
                    >{move || st.t(S::open)}</button>
                    <button
                        type="button"
                        class="btn btn-small"
                        data-testid="draft-duplicate"
                        aria-label={let n = name_for.clone(); move || format!("{} {}", st.t(S::duplicate), n())}
                        on:click=move |_| bench.duplicate(&dup)
                    >{move || st.t(S::duplicate)}</button>
                    <button
                        type="button"
                        class="btn btn-small"
                        data-testid="draft-delete"
                        aria-label={let n = name_for.clone(); move || format!("{} {}", st.t(S::delete), n())}
                        on:click=move |_| {
                            bench.delete(&del);
                            focus_id("draft-undo");
                        }
                    >{move || st.t(S::delete)}</button>
                </div>
            </li>
        }
    };
    let undo = move || {
        bench.undo.get().map(|(_, d)| {
            let name = if d.title.trim().is_empty() { st.t(S::untitled) } else { d.title.clone() };
            view! {
                <p class="undo-line" data-testid="draft-deleted">
                    {move || st.f(S::draft_deleted, &[("name", &name)])}
                    " "
                    <button type="button" class="btn btn-small" id="draft-undo" data-testid="draft-undo" on:click=move |_| bench.undo_delete()>
                        {move || st.t(S::undo)}
                    </button>
                </p>
            }
        })
    };
    let aside = move || {
        let n = bench.aside.with(Vec::len);
        (n > 0).then(|| {
            view! {
                <div class="notice" role="status" data-testid="drafts-aside">
                    <p>{move || st.f(S::drafts_aside, &[("n", &n)])}</p>
                    <button
                        type="button"
                        class="btn btn-small"
                        data-testid="drafts-aside-download"
                        on:click=move |_| {
                            let text = bench.aside.with_untracked(|a| serde_json::to_string_pretty(a).unwrap_or_default());
                            crate::pages::download_json("guang-unreadable-drafts.json", &text);
                        }
                    >{move || st.t(S::download)}</button>
                    <button type="button" class="btn btn-small" data-testid="drafts-aside-clear" on:click=move |_| bench.clear_aside()>
                        {move || st.t(S::discard_aside)}
                    </button>
                </div>
            }
        })
    };
    view! {
        <section class="drafts" aria-labelledby="drafts-title" data-testid="drafts">
            <div class="section-head">
                <h2 id="drafts-title" class="section-title">
                    {move || st.f(S::drafts_title, &[("n", &bench.shelf.with(|s| s.drafts.len()))])}
                </h2>
                <button type="button" class="btn btn-primary" data-testid="draft-new" on:click=move |_| bench.new_draft()>
                    {move || st.t(S::new_draft)}
                </button>
            </div>
            {aside}
            <ul class="draft-list">
                <For each=rows key=Row::key children=row/>
            </ul>
            {undo}
        </section>
    }
}
