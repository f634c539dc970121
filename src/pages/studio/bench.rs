//! The compose workbench's state: the creator's drafts on the device, the open draft, its files' object URLs
//! and what the contract's check makes of it. Every change is saved on the device shortly after typing stops
//! and at once when the page is hidden, so a reload, a crash or going offline loses nothing.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::media::{self, ObjectUrls};
use crate::app::{use_ctx, Ctx};
use crate::i18n::studio::{StudioText, S};
use crate::model::compose::{Checked, Compose};
use crate::model::shelf::Shelf;
use crate::model::{ApiBase, CreatorRef, Draft, Item, Media};
use crate::storage;

/// How long typing must pause before the draft is written to the device.
const SAVE_DELAY_MS: u32 = 400;

/// Everything the workbench's parts share; `Copy`, so views capture it freely.
#[derive(Clone, Copy)]
pub struct Bench {
    /// The creator's drafts, newest change first.
    pub shelf: RwSignal<Shelf>,
    /// Stored entries that did not read, kept aside and offered for download.
    pub aside: RwSignal<Vec<String>>,
    /// The open draft.
    pub draft: RwSignal<Option<Compose>>,
    /// The contract's verdict on the open draft.
    pub checked: Memo<Checked>,
    /// The last valid state of the open draft, as visitors would see it (device files by object URL).
    pub preview: RwSignal<Option<Arc<Draft>>>,
    /// Object URLs of the open draft's device files.
    pub urls: ObjectUrls,
    /// A status line for the creator (saved, a refused file, storage full), announced politely.
    pub status: RwSignal<String>,
    /// The last deleted draft and its place, while its undo is offered.
    pub undo: RwSignal<Option<(usize, Compose)>>,
    /// Whose drafts these are, as the item documents name the creator.
    pub creator: StoredValue<CreatorRef>,
    /// The studio's strings.
    pub st: StudioText,
    /// The app's context, for code that runs outside the component tree (tasks, handlers).
    pub ctx: Ctx,
    /// Bumped when a file's object URL arrives, so the preview shows it.
    pub files_rev: RwSignal<u64>,
    /// Ids this tab deleted, so merging another tab's saved list does not bring them back.
    deleted: StoredValue<Vec<String>>,
    /// Set when unreadable stored drafts could not be moved aside: the stored list is then never rewritten,
    /// so their text stays on the device.
    frozen: StoredValue<bool>,
    saved_rev: StoredValue<u64>,
    rev: RwSignal<u64>,
}

fn shelf_key(creator: &str) -> String {
    format!("drafts.{creator}")
}

fn aside_key(creator: &str) -> String {
    format!("drafts-aside.{creator}")
}

/// Milliseconds since the epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The device's time zone now, in minutes east of UTC: forms type times in it, documents carry instants.
pub fn offset_min() -> i32 {
    -(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(now_ms() as f64)).get_timezone_offset() as i32)
}

/// A new draft id: time-ordered and unique enough on one device.
pub fn new_id() -> String {
    let n = (js_sys::Math::random() * 1_679_616.0) as u64;
    format!("d{:x}{n:x}", now_ms())
}

impl Bench {
    /// Reads the creator's drafts from the device and starts saving the open one as it changes.
    pub fn new(creator: CreatorRef, st: StudioText) -> Self {
        let ctx = use_ctx();
        let stored = storage::get(&shelf_key(&creator.id));
        let (shelf, mut aside) = stored.as_deref().map(Shelf::from_json).unwrap_or_default();
        let kept: Vec<String> =
            storage::get(&aside_key(&creator.id)).and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
        let mut frozen = false;
        if !aside.is_empty() {
            leptos::logging::warn!("guang: {} stored drafts did not read; kept aside", aside.len());
            let mut all = kept;
            all.append(&mut aside);
            // Set aside, never dropped: the unreadable text moves to its own key before the shelf is rewritten;
            // when that fails, the stored list is left as it is for as long as this studio is open.
            frozen = !(storage::set(&aside_key(&creator.id), &serde_json::to_string(&all).unwrap_or_default())
                && storage::set(&shelf_key(&creator.id), &shelf.to_json()));
            aside = all;
        } else {
            aside = kept;
        }
        let session = ctx.session();
        let base = session.base.clone();
        let now = session.now;
        let draft = RwSignal::new(None::<Compose>);
        let who = creator.clone();
        let checked =
            Memo::new(move |_| draft.with(|d| d.as_ref().map(|d| d.check(&who, &base, now)).unwrap_or_default()));
        let bench = Self {
            shelf: RwSignal::new(shelf),
            aside: RwSignal::new(aside),
            draft,
            checked,
            preview: RwSignal::new(None),
            urls: ObjectUrls::new(),
            status: RwSignal::new(String::new()),
            undo: RwSignal::new(None),
            creator: StoredValue::new(creator),
            st,
            ctx,
            files_rev: RwSignal::new(0),
            deleted: StoredValue::new(Vec::new()),
            frozen: StoredValue::new(frozen),
            saved_rev: StoredValue::new(0),
            rev: RwSignal::new(0),
        };
        let base = ctx.session().base.clone();
        Effect::new(move |_| {
            bench.files_rev.track();
            let item = checked.with(|c| c.item.clone());
            if let Some(item) = item {
                let shown = bench.draft.with_untracked(|d| d.as_ref().map(|d| bench.with_object_urls(d, item, &base)));
                let shown = shown.map(Draft::Item);
                // Only a real change re-renders the preview (a keystroke that changes nothing shown does not).
                if bench.preview.with_untracked(|p| p.as_deref() != shown.as_ref()) {
                    bench.preview.set(shown.map(Arc::new));
                }
            }
        });
        bench.save_on_hide();
        spawn_local(async move {
            let gone = media::sweep(now_ms()).await;
            if gone > 0 {
                leptos::logging::log!("guang: deleted {gone} stored files no draft names any more");
            }
        });
        // Once the undo is no longer offered (the studio closes), a deleted draft's files go.
        on_cleanup(move || {
            if let Some(Some((_, d))) = bench.undo.try_get_untracked() {
                forget_files(&d);
            }
        });
        // A status line says one thing for a while, then goes.
        Effect::new(move |_| {
            if bench.status.with(String::is_empty) {
                return;
            }
            let shown = bench.status.get_untracked();
            set_timeout(
                move || {
                    if bench.status.try_with_untracked(|s| *s == shown) == Some(true) {
                        bench.status.try_set(String::new());
                    }
                },
                std::time::Duration::from_secs(6),
            );
        });
        bench
    }

    /// Changes the open draft; the change is saved shortly after.
    pub fn edit(self, change: impl FnOnce(&mut Compose)) {
        let mut changed = false;
        self.draft.try_update(|d| {
            if let Some(d) = d {
                change(d);
                d.updated_ms = now_ms();
                changed = true;
            }
        });
        if !changed {
            return;
        }
        let Some(rev) = self.rev.try_get_untracked().map(|r| r + 1) else { return };
        self.rev.set(rev);
        set_timeout(
            move || {
                if self.rev.try_get_untracked() == Some(rev) {
                    self.save_now();
                }
            },
            std::time::Duration::from_millis(u64::from(SAVE_DELAY_MS)),
        );
    }

    /// Writes the open draft to the device now, if it changed since the last write.
    pub fn save_now(self) {
        let Some(rev) = self.rev.try_get_untracked() else { return };
        if self.saved_rev.try_get_value() == Some(rev) {
            return;
        }
        let Some(Some(draft)) = self.draft.try_get_untracked() else { return };
        let mut saved = true;
        self.shelf.try_update(|s| saved = s.save(draft));
        if !saved {
            self.status.try_set(self.st.t(S::shelf_full));
            return;
        }
        if self.write() {
            self.saved_rev.set_value(rev);
        }
    }

    /// Writes the shelf to local storage, first taking in what another tab saved meanwhile; says so when the
    /// device refuses. Does nothing once the studio is closed.
    pub fn write(self) -> bool {
        let Some(id) = self.creator.try_with_value(|c| c.id.clone()) else { return false };
        if self.frozen.try_get_value() != Some(false) {
            self.status.try_set(self.st.t(S::storage_full));
            return false;
        }
        if let Some(text) = storage::get(&shelf_key(&id)) {
            let (stored, _) = Shelf::from_json(&text);
            let deleted = self.deleted.try_get_value().unwrap_or_default();
            let open = self.draft.try_with_untracked(|d| d.as_ref().map(|d| d.id.clone())).flatten();
            self.shelf.try_update(|s| s.merge(stored, &deleted, open.as_deref()));
        }
        let ok = self.shelf.try_with_untracked(|s| storage::set(&shelf_key(&id), &s.to_json())) == Some(true);
        if !ok {
            self.status.try_set(self.st.t(S::storage_full));
        }
        ok
    }

    /// Forgets the unreadable entries once the creator has downloaded them.
    pub fn clear_aside(self) {
        storage::remove(&aside_key(&self.creator.with_value(|c| c.id.clone())));
        self.aside.set(Vec::new());
    }

    fn save_on_hide(self) {
        on_hide(move || self.save_now());
    }

    /// Opens a draft of the shelf (after saving the one open now), making object URLs for its device files.
    pub fn open(self, id: &str) {
        self.save_now();
        let Some(Some(draft)) = self.shelf.try_with_untracked(|s| s.get(id).cloned()) else { return };
        let names: Vec<String> = draft.files().filter(|f| f.url.is_none()).map(|f| f.name.clone()).collect();
        let draft_id = draft.id.clone();
        self.preview.set(None);
        self.draft.set(Some(draft));
        self.rev.set(self.rev.get_untracked() + 1);
        self.saved_rev.set_value(self.rev.get_untracked());
        spawn_local(async move {
            let lost = self.urls.open(&draft_id, names).await;
            if !lost.is_empty() {
                self.status.try_set(self.st.f(S::files_lost, &[("n", &lost.len())]));
            }
            // The preview's URLs exist now.
            self.files_rev.try_update(|r| *r += 1);
        });
    }

    /// Starts a new empty draft and opens it.
    pub fn new_draft(self) {
        self.start(Compose::new(new_id(), now_ms()));
        crate::app::focus_id("c-title");
    }

    /// Puts `draft` on the shelf and opens it.
    pub fn start(self, draft: Compose) {
        self.save_now();
        let id = draft.id.clone();
        let mut saved = true;
        if self.shelf.try_update(|s| saved = s.save(draft)).is_none() {
            return;
        }
        if !saved {
            self.status.try_set(self.st.t(S::shelf_full));
            return;
        }
        self.write();
        self.open(&id);
    }

    /// The item with device files shown through their object URLs (the preview's copy only).
    fn with_object_urls(self, draft: &Compose, mut item: Item, base: &ApiBase) -> Item {
        let local: Vec<(String, String)> = draft
            .files()
            .filter(|f| f.url.is_none())
            .filter_map(|f| Some((base.resolve(&draft.media_path(f)).ok()?, self.urls.get(&f.name)?)))
            .collect();
        let swap = |url: &mut String| {
            if let Some((_, object)) = local.iter().find(|(resolved, _)| resolved == url) {
                *url = object.clone();
            }
        };
        swap(&mut item.cover.url);
        match &mut item.media {
            Media::Note { images } => images.iter_mut().for_each(|i| swap(&mut i.url)),
            Media::Video { url, .. } => swap(url),
            Media::Live { .. } => {}
        }
        item
    }

    /// Deletes a draft (its files too, once the undo is no longer offered).
    pub fn delete(self, id: &str) {
        // The open draft's last keystrokes go into what is deleted (and what an undo brings back).
        self.save_now();
        self.deleted.update_value(|d| d.push(id.to_string()));
        let mut removed = None;
        self.shelf.update(|s| removed = s.remove(id));
        let Some((at, draft)) = removed else { return };
        if self.draft.with_untracked(|d| d.as_ref().is_some_and(|d| d.id == id)) {
            self.draft.set(None);
            self.preview.set(None);
        }
        self.write();
        // A second delete ends the first one's undo: its files go now.
        if let Some((_, gone)) = self.undo.get_untracked() {
            forget_files(&gone);
        }
        self.undo.set(Some((at, draft)));
    }

    /// Puts the last deleted draft back.
    pub fn undo_delete(self) {
        if let Some((at, draft)) = self.undo.get_untracked() {
            let id = draft.id.clone();
            let mut restored = true;
            self.shelf.update(|s| restored = s.restore(at, draft));
            if !restored {
                self.status.set(self.st.t(S::shelf_full));
                return;
            }
            self.undo.set(None);
            self.deleted.update_value(|d| d.retain(|x| *x != id));
            self.write();
        }
    }

    /// Copies a draft under a new id, files included, and opens the copy.
    pub fn duplicate(self, id: &str) {
        self.save_now();
        let Some(source) = self.shelf.with_untracked(|s| s.get(id).cloned()) else { return };
        let copy = Compose { id: new_id(), updated_ms: now_ms(), publish: None, ..source.clone() };
        let names: Vec<String> = source.files().filter(|f| f.url.is_none()).map(|f| f.name.clone()).collect();
        let (from, to) = (source.id.clone(), copy.id.clone());
        spawn_local(async move {
            for name in names {
                if !media::copy(&from, &to, &name).await {
                    self.status.try_set(self.st.t(S::storage_full));
                }
            }
            // The studio closed while the files were copied: the copy is not made.
            if self.shelf.try_with_untracked(|_| ()).is_none() {
                return;
            }
            self.start(copy);
            crate::app::focus_id("c-title");
        });
    }
}

/// Runs `save` when the page is hidden (a tab switch, a reload, a crash to come) and when the calling component
/// is cleaned up (leaving the studio), so the last keystrokes before any of them are on the device.
pub fn on_hide(save: impl Fn() + Copy + Send + Sync + 'static) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let handler = Closure::<dyn FnMut()>::new(move || {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| super::js::string(&d, "visibilityState") == "hidden");
        if hidden {
            save();
        }
    });
    let f: js_sys::Function = handler.as_ref().unchecked_ref::<js_sys::Function>().clone();
    let _ = document.add_event_listener_with_callback("visibilitychange", &f);
    let window = web_sys::window();
    if let Some(w) = &window {
        let _ = w.add_event_listener_with_callback("pagehide", &f);
    }
    handler.forget();
    on_cleanup(move || {
        save();
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            let _ = d.remove_event_listener_with_callback("visibilitychange", &f);
        }
        if let Some(w) = window {
            let _ = w.remove_event_listener_with_callback("pagehide", &f);
        }
    });
}

/// Deletes a draft's device files from storage.
pub fn forget_files(draft: &Compose) {
    let names: Vec<String> = draft.files().filter(|f| f.url.is_none()).map(|f| f.name.clone()).collect();
    let id = draft.id.clone();
    spawn_local(async move { media::forget(&id, names).await });
}
