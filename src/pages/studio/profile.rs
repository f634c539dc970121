//! The profile form (资料): the creator's own display name, bio, avatar and topics, started from the current
//! profile and kept on the device as one draft per creator (`guang.profile-draft.{creator}`), saved shortly
//! after typing stops and at once when the page is hidden. The preview shows the creator page from the draft;
//! export gives the contract's creator document, and with writes enabled 发布 sends it as `PUT creators/{id}`
//! through the same keyed, retried outbox as an item's publish.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::bench::{new_id, now_ms, on_hide, Bench};
use super::compose::{refused, Picker};
use super::fields::{toggle, CountedField, TopicChips};
use super::media::{self, ObjectUrls, Want};
use crate::api::{send_write, WriteError};
use crate::app::focus_id;
use crate::i18n::problem_text;
use crate::i18n::studio::S;
use crate::model::compose::Publish;
use crate::model::item::{MAX_SHORT, MAX_TEXT};
use crate::model::profile_compose::{profile_field_of, ProfileChecked, ProfileDraft, ProfileField};
use crate::model::{Creator, Draft};
use crate::storage;

/// How long typing must pause before the draft is written to the device (as for item drafts).
const SAVE_DELAY_MS: u64 = 400;

fn draft_key(creator: &str) -> String {
    format!("profile-draft.{creator}")
}

fn aside_key(creator: &str) -> String {
    format!("profile-draft-aside.{creator}")
}

/// The profile form's state; `Copy`, so views capture it freely.
#[derive(Clone, Copy)]
pub struct Profile {
    /// The draft being edited.
    pub draft: RwSignal<ProfileDraft>,
    /// The contract's verdict on it.
    pub checked: Memo<ProfileChecked>,
    /// The last valid state, as visitors would see it (a device avatar by object URL).
    pub preview: RwSignal<Option<Arc<Draft>>>,
    /// A stored draft that did not read, kept aside and offered for download.
    pub aside: RwSignal<Option<String>>,
    /// The draft a reset replaced, while its undo is offered: until the next edit, reset or loaded profile,
    /// or until the studio closes. Its device avatar is kept until then.
    pub undo: RwSignal<Option<ProfileDraft>>,
    /// The creator's current profile, which the draft starts from and which fills in what it does not edit.
    current: StoredValue<Arc<Creator>>,
    /// The item workbench's state, for the strings, the app context and the status line.
    bench: Bench,
    urls: ObjectUrls,
    files_rev: RwSignal<u64>,
    /// Set when an unreadable stored draft could not be moved aside: it is then never overwritten.
    frozen: StoredValue<bool>,
    rev: RwSignal<u64>,
    saved_rev: StoredValue<u64>,
}

impl Profile {
    /// Reads the creator's profile draft from the device (or starts one from `current`) and starts saving it as
    /// it changes.
    pub fn new(current: Arc<Creator>, bench: Bench) -> Self {
        let id = current.id.clone();
        let stored = storage::get(&draft_key(&id));
        let mut aside = storage::get(&aside_key(&id));
        let mut frozen = false;
        let draft = match stored.as_deref().map(|t| (t, ProfileDraft::from_stored(t))) {
            Some((_, Some(d))) => d,
            Some((text, None)) => {
                leptos::logging::warn!("guang: the stored profile draft did not read; kept aside");
                // Set aside, never dropped: the text moves to its own key before a new draft can replace it.
                frozen = !storage::set(&aside_key(&id), text);
                if !frozen {
                    storage::remove(&draft_key(&id));
                }
                aside = Some(text.to_string());
                ProfileDraft::from_creator(&current, new_id(), now_ms())
            }
            None => ProfileDraft::from_creator(&current, new_id(), now_ms()),
        };
        let draft = RwSignal::new(draft);
        let base = bench.ctx.session().base.clone();
        let who = current.clone();
        let checked = Memo::new(move |_| draft.with(|d| d.check(&who, &base)));
        let profile = Self {
            draft,
            checked,
            preview: RwSignal::new(None),
            aside: RwSignal::new(aside),
            undo: RwSignal::new(None),
            current: StoredValue::new(current),
            bench,
            urls: ObjectUrls::new(),
            files_rev: RwSignal::new(0),
            frozen: StoredValue::new(frozen),
            rev: RwSignal::new(0),
            saved_rev: StoredValue::new(0),
        };
        profile.open_files();
        Effect::new(move |_| {
            profile.files_rev.track();
            let Some(mut creator) = checked.with(|c| c.creator.clone()) else { return };
            if let Some(url) = profile.draft.with_untracked(|d| d.device_file().and_then(|f| profile.urls.get(&f.name)))
            {
                creator.avatar = url;
            }
            let shown = Some(Draft::Creator(creator));
            if profile.preview.with_untracked(|p| p.as_deref() != shown.as_ref()) {
                profile.preview.set(shown.map(Arc::new));
            }
        });
        on_hide(move || profile.save_now());
        on_cleanup(move || profile.end_undo());
        if draft.with_untracked(|d| matches!(d.publish, Some(Publish::Pending { .. }))) {
            run(profile);
        }
        profile
    }

    /// Makes an object URL for the draft's device avatar, if it has one.
    fn open_files(self) {
        let Some((id, name)) = self.draft.with_untracked(|d| d.device_file().map(|f| (d.id.clone(), f.name.clone())))
        else {
            return;
        };
        spawn_local(async move {
            let lost = self.urls.open(&id, vec![name]).await;
            if !lost.is_empty() {
                self.bench.status.try_set(self.bench.st.f(S::files_lost, &[("n", &lost.len())]));
            }
            self.files_rev.try_update(|r| *r += 1);
        });
    }

    /// Changes the draft; the change is saved shortly after.
    pub fn edit(self, change: impl FnOnce(&mut ProfileDraft)) {
        let changed = self.draft.try_update(|d| {
            change(d);
            d.updated_ms = now_ms();
        });
        let Some(rev) = changed.and_then(|_| self.rev.try_get_untracked()).map(|r| r + 1) else { return };
        self.rev.set(rev);
        set_timeout(
            move || {
                if self.rev.try_get_untracked() == Some(rev) {
                    self.save_now();
                }
            },
            std::time::Duration::from_millis(SAVE_DELAY_MS),
        );
    }

    /// Changes a field the creator edits: an earlier publish's outcome no longer describes the draft (a
    /// pending one still does: it sends its frozen document), and a reset's undo is no longer offered, since
    /// it would drop this edit.
    fn edit_field(self, change: impl FnOnce(&mut ProfileDraft)) {
        self.end_undo();
        self.edit(|d| {
            change(d);
            if !matches!(d.publish, Some(Publish::Pending { .. })) {
                d.publish = None;
            }
        });
    }

    /// Writes the draft to the device now, if it changed since the last write; says so when the device refuses.
    pub fn save_now(self) {
        let Some(rev) = self.rev.try_get_untracked() else { return };
        if self.saved_rev.try_get_value() == Some(rev) {
            return;
        }
        let Some(text) = self.draft.try_with_untracked(ProfileDraft::to_stored) else { return };
        let Some(id) = self.current.try_with_value(|c| c.id.clone()) else { return };
        let ok = self.frozen.try_get_value() == Some(false) && storage::set(&draft_key(&id), &text);
        if ok {
            self.saved_rev.set_value(rev);
        } else {
            self.bench.status.try_set(self.bench.st.t(S::storage_full));
        }
    }

    /// Starts over from the current profile: a new draft, with an undo that brings the old one back.
    pub fn reset(self) {
        let Some(current) = self.current.try_get_value() else { return };
        self.end_undo();
        let old = self.start_from(&current, S::profile_reset_done);
        self.undo.set(Some(old));
    }

    /// Puts back the draft the last reset replaced (a publish it was sending goes on).
    pub fn undo_reset(self) {
        let Some(Some(old)) = self.undo.try_update(Option::take) else { return };
        let fresh = self.draft.get_untracked();
        let pending = matches!(old.publish, Some(Publish::Pending { .. }));
        self.edit(|d| *d = old);
        self.save_now();
        forget_avatar(fresh);
        self.open_files();
        if pending {
            run(self);
        }
        self.bench.status.set(self.bench.st.t(S::profile_reset_undone));
    }

    /// Stops offering a reset's undo; the replaced draft's device avatar goes.
    fn end_undo(self) {
        if let Some(Some(old)) = self.undo.try_update(Option::take) {
            forget_avatar(old);
        }
    }

    /// Fills the form from a valid profile edit loaded as JSON (a file or a URL), as a new draft.
    pub fn fill(self, loaded: &Creator) {
        self.end_undo();
        forget_avatar(self.start_from(loaded, S::profile_filled));
    }

    /// Replaces the draft with one started from `from`, saved at once; returns the draft it replaced.
    fn start_from(self, from: &Creator, said: S) -> ProfileDraft {
        let old = self.draft.get_untracked();
        self.edit(|d| *d = ProfileDraft::from_creator(from, new_id(), now_ms()));
        self.save_now();
        self.bench.status.set(self.bench.st.t(said));
        old
    }

    /// Forgets the unreadable stored draft once the creator has downloaded it.
    pub fn clear_aside(self) {
        storage::remove(&aside_key(&self.current.with_value(|c| c.id.clone())));
        self.aside.set(None);
    }

    /// The creator document of the draft, as exported.
    fn document(self) -> serde_json::Value {
        self.current.with_value(|c| self.draft.with_untracked(|d| d.to_document(c)))
    }

    /// Takes a picked or dropped image as the new avatar (the first file only).
    fn take_avatar(self, files: Vec<wasm_bindgen::JsValue>) {
        let Some(file) = files.into_iter().next() else { return };
        let draft = self.draft.with_untracked(|d| d.id.clone());
        spawn_local(async move {
            let name = super::js::string(&file, "name");
            match media::take(file, &draft, Want::Image).await {
                Ok((local, url)) => {
                    if self.draft.try_with_untracked(|d| d.id == draft) != Some(true) {
                        // Reset (or the studio closed) while the file was read: it is not kept.
                        let _ = web_sys::Url::revoke_object_url(&url);
                        media::forget(&draft, vec![local.name]).await;
                        return;
                    }
                    self.urls.put(local.name.clone(), url);
                    let replaced = self.draft.with_untracked(|d| d.device_file().map(|f| f.name.clone()));
                    self.edit_field(|d| d.avatar = local);
                    self.files_rev.update(|r| *r += 1);
                    self.bench.status.set(self.bench.st.f(S::file_added, &[("name", &name)]));
                    if let Some(old) = replaced {
                        media::forget(&draft, vec![old]).await;
                    }
                }
                Err(e) => refused(self.bench, &name, e),
            }
        });
    }
}

/// Deletes the device avatar of a draft that is gone for good.
fn forget_avatar(draft: ProfileDraft) {
    if let Some(name) = draft.device_file().map(|f| f.name.clone()) {
        spawn_local(async move { media::forget(&draft.id, vec![name]).await });
    }
}

thread_local! {
    /// Whether this page is sending a profile publish, so a studio opened again does not start a second sender.
    static SENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// One try: the device avatar the frozen document names, then the document itself.
async fn try_publish(profile: Profile, draft: &ProfileDraft, key: &str, body: &str) -> Result<(), WriteError> {
    let ctx = profile.bench.ctx;
    if let Some(file) = draft.device_file().filter(|_| body.contains(&draft.avatar_path())) {
        let Some(blob) = media::load(&draft.id, &file.name).await else {
            return Err(WriteError::Rejected(profile.bench.st.f(S::files_lost, &[("n", &1)])));
        };
        let file_key = format!("{key}-{}", file.name);
        send_write("PUT", &ctx.url(&draft.avatar_path()), &blob, &file.mime, Some(&file_key), false).await?;
    }
    let id = profile.current.try_with_value(|c| c.id.clone()).unwrap_or_default();
    let body = wasm_bindgen::JsValue::from_str(body);
    send_write("PUT", &ctx.url(&format!("creators/{id}")), &body, "application/json", Some(key), false).await
}

/// Records the publish state in the draft and saves it at once.
fn set_state(profile: Profile, key: &str, state: Option<Publish>) {
    // Only the publish this state is about: a reset meanwhile started a new draft.
    let same = profile
        .draft
        .try_with_untracked(|d| matches!(&d.publish, Some(Publish::Pending { key: k, .. }) if k == key))
        .unwrap_or(false);
    if same {
        profile.edit(|d| d.publish = state);
        profile.save_now();
    }
}

/// Sends the pending publish until the server accepts or refuses it. Leaving the studio stops it quietly; the
/// next visit resumes it with the same key and body.
fn run(profile: Profile) {
    if SENDING.with(|s| s.replace(true)) {
        return;
    }
    spawn_local(async move {
        let mut wait = super::publish::FIRST_BACKOFF_MS;
        while let Some(draft) = profile.draft.try_get_untracked() {
            let Some(Publish::Pending { key, body }) = draft.publish.clone() else { break };
            match try_publish(profile, &draft, &key, &body).await {
                Ok(()) => {
                    set_state(profile, &key, Some(Publish::Done { at: now_ms() / 1000 }));
                    if let Some(text) = profile.bench.st.try_t(S::publish_done) {
                        profile.bench.status.try_set(text);
                    }
                    break;
                }
                Err(WriteError::Rejected(reason)) => {
                    set_state(profile, &key, Some(Publish::Rejected { reason }));
                    break;
                }
                Err(WriteError::Retry(why)) => {
                    leptos::logging::warn!("guang: profile publish: {why}; trying again in {wait} ms");
                    let jittered = wait * (0.75 + js_sys::Math::random() * 0.5);
                    super::js::sleep(jittered as u32).await;
                    wait = (wait * 2.0).min(super::publish::MAX_BACKOFF_MS);
                }
            }
        }
        SENDING.with(|s| s.set(false));
    });
}

/// The problems of one field, as text, for the field's error line.
fn errors_of(profile: Profile, field: ProfileField) -> Vec<String> {
    let l = profile.bench.ctx.locale.get();
    profile.checked.with(|c| {
        c.problems.iter().filter(|p| profile_field_of(&p.path) == field).map(|p| problem_text(&p.kind, l)).collect()
    })
}

/// A field's error line, named by the field's `aria-describedby`.
#[component]
fn Errors(profile: Profile, field: ProfileField, id: &'static str) -> impl IntoView {
    view! {
        <p class="field-errors" id=id data-testid="field-errors" data-field=format!("{field:?}")>
            {move || errors_of(profile, field).join("；")}
        </p>
    }
}

/// The profile form.
#[component]
pub fn ProfileForm(profile: Profile) -> impl IntoView {
    let bench = profile.bench;
    let st = bench.st;
    let base = bench.ctx.session().base.clone();
    let avatar_src = move || {
        profile.files_rev.track();
        profile.draft.with(|d| match &d.avatar.url {
            Some(u) => base.resolve(u).unwrap_or_default(),
            None => profile.urls.get(&d.avatar.name).unwrap_or_default(),
        })
    };
    let aside = move || {
        profile.aside.with(Option::is_some).then(|| {
            view! {
                <div class="notice" role="status" data-testid="profile-aside">
                    <p>{move || st.t(S::profile_aside)}</p>
                    <button
                        type="button"
                        class="btn btn-small"
                        data-testid="profile-aside-download"
                        on:click=move |_| {
                            let text = profile.aside.get_untracked().unwrap_or_default();
                            crate::pages::download_json("guang-unreadable-profile-draft.json", &text);
                        }
                    >{move || st.t(S::download)}</button>
                    <button type="button" class="btn btn-small" data-testid="profile-aside-clear" on:click=move |_| profile.clear_aside()>
                        {move || st.t(S::discard_aside)}
                    </button>
                </div>
            }
        })
    };
    view! {
        <form class="compose profile-form" data-testid="profile-form" on:submit=|ev| ev.prevent_default()>
            <div class="section-head">
                <h3 class="section-title">{move || st.t(S::profile_title)}</h3>
                <span class="row-actions">
                    <Show when=move || profile.undo.with(Option::is_some)>
                        <button
                            type="button"
                            class="btn btn-small"
                            id="profile-undo"
                            data-testid="profile-reset-undo"
                            on:click=move |_| {
                                profile.undo_reset();
                                focus_id("profile-reset");
                            }
                        >
                            {move || st.t(S::profile_reset_undo)}
                        </button>
                    </Show>
                    <button
                        type="button"
                        class="btn btn-small"
                        id="profile-reset"
                        data-testid="profile-reset"
                        on:click=move |_| {
                            profile.reset();
                            focus_id("profile-undo");
                        }
                    >
                        {move || st.t(S::profile_reset)}
                    </button>
                </span>
            </div>
            {aside}
            <CountedField
                bench
                id="p-name"
                label=S::name_label
                testid="profile-name"
                max=MAX_SHORT
                value=Signal::derive(move || profile.draft.with(|d| d.name.clone()))
                invalid=Signal::derive(move || !errors_of(profile, ProfileField::Name).is_empty())
                on_input=move |v| profile.edit_field(|d| d.name = v)
            >
                <Errors profile field=ProfileField::Name id="p-name-err"/>
            </CountedField>
            <CountedField
                bench
                id="p-bio"
                label=S::bio_label
                testid="profile-bio"
                max=MAX_TEXT
                rows=4
                value=Signal::derive(move || profile.draft.with(|d| d.bio.clone()))
                invalid=Signal::derive(move || !errors_of(profile, ProfileField::Bio).is_empty())
                on_input=move |v| profile.edit_field(|d| d.bio = v)
            >
                <Errors profile field=ProfileField::Bio id="p-bio-err"/>
            </CountedField>
            <div class="field" role="group" aria-labelledby="p-avatar-label">
                <span class="field-label" id="p-avatar-label">{move || st.t(S::avatar_label)}</span>
                <img class="avatar-preview" data-testid="profile-avatar" src=avatar_src alt="" width="64" height="64"/>
                <Picker
                    bench
                    want=Want::Image
                    multiple=false
                    on_files=move |f| profile.take_avatar(f)
                    label=S::choose_avatar
                    testid="profile-avatar-input"
                    errors="p-avatar-err"
                />
                <Errors profile field=ProfileField::Avatar id="p-avatar-err"/>
            </div>
            <TopicChips
                bench
                testid="profile-topic-"
                errors="p-topics-err"
                chosen=Signal::derive(move || profile.draft.with(|d| d.topics.clone()))
                on_toggle=move |id| profile.edit_field(|d| toggle(&mut d.topics, id))
            >
                <Errors profile field=ProfileField::Topics id="p-topics-err"/>
            </TopicChips>
        </form>
    }
}

/// What is left to fix before the profile can be published, each linked to its field.
#[component]
pub fn ProfileSummary(profile: Profile) -> impl IntoView {
    let st = profile.bench.st;
    let locale = profile.bench.ctx.locale;
    let target = |f: ProfileField| match f {
        ProfileField::Name | ProfileField::Other => "p-name",
        ProfileField::Bio => "p-bio",
        ProfileField::Avatar => "p-avatar-err",
        ProfileField::Topics => "p-topics-err",
    };
    view! {
        <div class="compose-summary" data-testid="profile-summary">
            {move || {
                let problems = profile.checked.with(|c| c.problems.clone());
                if problems.is_empty() {
                    return view! { <p class="ok" role="status" data-testid="profile-ok">{move || st.t(S::no_problems)}</p> }.into_any();
                }
                let n = problems.len();
                view! {
                    <p class="section-title" role="status">{move || st.f(S::problems_left, &[("n", &n)])}</p>
                    <ul class="problems-list">
                        {problems
                            .into_iter()
                            .map(|p| {
                                let id = target(profile_field_of(&p.path));
                                let kind = p.kind.clone();
                                view! {
                                    <li data-testid="profile-problem" data-path=p.path.clone()>
                                        <a href=format!("#{id}")>
                                            <code>{p.path.clone()}</code>
                                            " "
                                            {move || problem_text(&kind, locale.get())}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </div>
    }
}

/// Export and publish for the profile draft.
#[component]
pub fn ProfileReady(profile: Profile) -> impl IntoView {
    let bench = profile.bench;
    let st = bench.st;
    let writes = bench.ctx.session().config.api_writes;
    let valid = move || profile.checked.with(|c| c.creator.is_some());
    let state = move || profile.draft.with(|d| d.publish.clone());
    let text = move || serde_json::to_string_pretty(&profile.document()).unwrap_or_default();
    let file_name = move || format!("{}-profile.json", profile.current.with_value(|c| c.id.clone()));
    let export = move |_| crate::pages::download_json(&file_name(), &text());
    let copy = move |_| {
        let text = text();
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
        let id = profile.draft.with_untracked(|d| d.id.clone());
        let key = format!("{id}-{}", now_ms());
        let mut doc = profile.document();
        doc["key"] = serde_json::Value::String(key.clone());
        let body = doc.to_string();
        profile.edit(|d| d.publish = Some(Publish::Pending { key, body }));
        profile.save_now();
        run(profile);
    };
    view! {
        <section class="ready" aria-labelledby="profile-ready-title" data-testid="profile-ready">
            <h2 id="profile-ready-title" class="section-title">{move || st.t(S::ready_title)}</h2>
            <p class="muted">{move || st.t(S::profile_export_note)}</p>
            <div class="row-actions">
                <button type="button" class="btn" data-testid="profile-export-download" disabled=move || !valid() on:click=export>
                    {move || st.t(S::export_download)}
                </button>
                <button type="button" class="btn" data-testid="profile-export-copy" disabled=move || !valid() on:click=copy>
                    {move || st.t(S::export_copy)}
                </button>
                {writes.then(|| view! {
                    <button
                        type="button"
                        class="btn btn-primary"
                        data-testid="profile-publish"
                        disabled=move || !valid() || matches!(state(), Some(Publish::Pending { .. }))
                        on:click=publish
                    >
                        {move || st.t(if matches!(state(), Some(Publish::Rejected { .. })) { S::publish_again } else { S::publish })}
                    </button>
                })}
            </div>
            <p class="muted" data-testid="profile-publish-state" role="status">
                {move || super::publish::publish_line(st, writes, state())}
            </p>
        </section>
    }
}
