//! Ready to publish: the open draft exported as the contract's item document (download or copy), and, when
//! `config.json` says the API accepts writes, sent through an outbox like follows: each device file `PUT` to its
//! path, then the document `POST`ed to `items` with an idempotency key that is kept with the draft, so retries,
//! reloads and a crash mid-publish all end in exactly one published item. The server's answer is shown as text.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bench::{now_ms, Bench};
use super::media;
use crate::api::{paths, send_write, WriteError};
use crate::app::use_ctx;
use crate::i18n::studio::S;
use crate::model::compose::{Compose, Publish};

/// First retry delay; it doubles up to [`MAX_BACKOFF_MS`].
pub(super) const FIRST_BACKOFF_MS: f64 = 1_000.0;
/// Longest wait between two tries.
pub(super) const MAX_BACKOFF_MS: f64 = 300_000.0;

/// What the publish status line says: that writes are off, or where the last publish stands.
pub(super) fn publish_line(st: crate::i18n::studio::StudioText, writes: bool, state: Option<Publish>) -> String {
    match state {
        _ if !writes => st.t(S::publish_off),
        None => String::new(),
        Some(Publish::Pending { .. }) => st.t(S::publish_pending),
        Some(Publish::Done { .. }) => st.t(S::publish_done),
        Some(Publish::Rejected { reason }) => st.f(S::publish_refused, &[("reason", &reason)]),
    }
}

/// The draft's document as pretty JSON, for export.
fn document_text(bench: Bench, draft: &Compose) -> String {
    let now = (now_ms() / 1000).max(bench.ctx.session().now);
    let doc = bench.creator.with_value(|c| draft.to_document(c, now));
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Records a draft's publish state on the shelf (and in the form when it is open) and saves it. Safe to call
/// after the studio closed (then it does nothing; the next visit resumes a pending publish).
fn set_state(bench: Bench, id: &str, state: Option<Publish>) {
    bench.save_now();
    let changed = bench.shelf.try_update(|s| {
        if let Some(mut d) = s.get(id).cloned() {
            d.publish = state.clone();
            s.save(d);
        }
    });
    if changed.is_none() {
        return;
    }
    bench.draft.try_update(|d| {
        if let Some(d) = d.as_mut().filter(|d| d.id == id) {
            d.publish = state;
        }
    });
    bench.write();
}

/// One try at publishing: the device files the frozen document names, then the document itself.
/// `Err(Retry)` is tried again later.
async fn try_publish(bench: Bench, draft: &Compose, key: &str, body: &str) -> Result<(), WriteError> {
    let ctx = bench.ctx;
    let files: Vec<_> =
        draft.files().filter(|f| f.url.is_none() && body.contains(&draft.media_path(f))).cloned().collect();
    for file in files {
        let Some(blob) = media::load(&draft.id, &file.name).await else {
            let lost = bench.st.f(S::files_lost, &[("n", &1)]);
            return Err(WriteError::Rejected(lost));
        };
        let file_key = format!("{key}-{}", file.name);
        send_write("PUT", &ctx.url(&draft.media_path(&file)), &blob, &file.mime, Some(&file_key), false).await?;
    }
    let body = wasm_bindgen::JsValue::from_str(body);
    send_write("POST", &ctx.url(paths::ITEMS), &body, "application/json", Some(key), false).await
}

/// The document to publish with its key, frozen when 发布 is pressed.
fn frozen_body(bench: Bench, draft: &Compose, key: &str) -> String {
    let now = (now_ms() / 1000).max(bench.ctx.session().now);
    let mut doc = bench.creator.try_with_value(|c| draft.to_document(c, now)).unwrap_or_default();
    doc["key"] = serde_json::Value::String(key.to_string());
    doc.to_string()
}

thread_local! {
    /// Drafts whose publish is being sent in this page, so a studio opened again does not start a second
    /// sender for the same key.
    static SENDING: std::cell::RefCell<std::collections::HashSet<String>> = Default::default();
}

/// Sends a pending publish until the server accepts or refuses it. Leaving the studio stops it quietly; the
/// next visit resumes it with the same key and body.
pub fn run(bench: Bench, id: String) {
    if !SENDING.with(|s| s.borrow_mut().insert(id.clone())) {
        return;
    }
    spawn_local(async move {
        let mut wait = FIRST_BACKOFF_MS;
        while let Some(Some(draft)) = bench.shelf.try_with_untracked(|s| s.get(&id).cloned()) {
            let Some(Publish::Pending { key, mut body }) = draft.publish.clone() else { break };
            if body.is_empty() {
                body = frozen_body(bench, &draft, &key);
            }
            match try_publish(bench, &draft, &key, &body).await {
                Ok(()) => {
                    set_state(bench, &id, Some(Publish::Done { at: now_ms() / 1000 }));
                    if let Some(text) = bench.st.try_t(S::publish_done) {
                        bench.status.try_set(text);
                    }
                    break;
                }
                Err(WriteError::Rejected(reason)) => {
                    set_state(bench, &id, Some(Publish::Rejected { reason }));
                    break;
                }
                Err(WriteError::Retry(why)) => {
                    leptos::logging::warn!("guang: publish {id}: {why}; trying again in {wait} ms");
                    let jittered = wait * (0.75 + js_sys::Math::random() * 0.5);
                    super::js::sleep(jittered as u32).await;
                    wait = (wait * 2.0).min(MAX_BACKOFF_MS);
                }
            }
        }
        SENDING.with(|s| s.borrow_mut().remove(&id));
    });
}

/// Export and publish for the open draft.
#[component]
pub fn Ready(bench: Bench) -> impl IntoView {
    let ctx = use_ctx();
    let st = bench.st;
    let writes = ctx.session().config.api_writes;
    let valid = move || bench.checked.with(|c| c.item.is_some());
    let state = move || bench.draft.with(|d| d.as_ref().and_then(|d| d.publish.clone()));
    let export = move |_| {
        if let Some(d) = bench.draft.get_untracked() {
            crate::pages::download_json(&format!("{}.json", d.id), &document_text(bench, &d));
        }
    };
    let copy = move |_| {
        let Some(d) = bench.draft.get_untracked() else { return };
        let text = document_text(bench, &d);
        let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
        spawn_local(async move {
            let ok = match clipboard {
                Some(c) => wasm_bindgen_futures::JsFuture::from(c.write_text(&text)).await.is_ok(),
                None => false,
            };
            bench.status.try_set(bench.st.t(if ok { S::copied } else { S::copy_failed }));
        });
    };
    let publish = move |_| {
        bench.save_now();
        let Some(draft) = bench.draft.get_untracked() else { return };
        let key = format!("{}-{}", draft.id, now_ms());
        let body = frozen_body(bench, &draft, &key);
        set_state(bench, &draft.id, Some(Publish::Pending { key, body }));
        run(bench, draft.id);
    };
    view! {
        <section class="ready" aria-labelledby="ready-title" data-testid="ready">
            <h2 id="ready-title" class="section-title">{move || st.t(S::ready_title)}</h2>
            <p class="muted">{move || st.t(S::export_note)}</p>
            <div class="row-actions">
                <button type="button" class="btn" data-testid="export-download" disabled=move || !valid() on:click=export>
                    {move || st.t(S::export_download)}
                </button>
                <button type="button" class="btn" data-testid="export-copy" disabled=move || !valid() on:click=copy>
                    {move || st.t(S::export_copy)}
                </button>
                {writes.then(|| view! {
                    <button
                        type="button"
                        class="btn btn-primary"
                        data-testid="publish"
                        disabled=move || !valid() || matches!(state(), Some(Publish::Pending { .. } | Publish::Done { .. }))
                        on:click=publish
                    >
                        {move || st.t(if matches!(state(), Some(Publish::Rejected { .. })) { S::publish_again } else { S::publish })}
                    </button>
                })}
            </div>
            <p class="muted" data-testid="publish-state" role="status">
                {move || publish_line(st, writes, state())}
            </p>
        </section>
    }
}
