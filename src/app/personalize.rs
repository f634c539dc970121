//! The bridge between the pure ranker and the app: records signals into the on-device profile, persists it
//! (localStorage, debounced), re-ranks the unseen tail of feed lists after meaningful signals, and keeps
//! each placement's score so "why am I seeing this?" can answer. Nothing here leaves the device.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::state::PagedList;
use crate::model::{Campaign, Item};
use crate::rank::{
    is_blocked, rerank_unseen, Candidate, Placement, Profile, RankConfig, RankContext, Signal, SignalKind, Target,
};
use crate::storage;

/// Storage key of the serialised profile.
const PROFILE_KEY: &str = "profile";
/// Storage key of the pause switch.
const PAUSED_KEY: &str = "personalize.paused";
/// Delay before a re-rank after a meaningful signal, so a burst of signals re-ranks once.
const RERANK_DEBOUNCE_MS: i32 = 300;
/// Delay before saving the profile after impressions (meaningful signals save at once).
const SAVE_DEBOUNCE_MS: i32 = 2000;

/// Profile, pause switch and the placements of the last re-rank, shared by the whole app.
#[derive(Clone, Copy)]
pub struct Personalizer {
    profile: StoredValue<Profile>,
    /// Bumped whenever the profile changes, for pages that show it.
    pub revision: RwSignal<u64>,
    /// Personalisation paused: feeds keep the server's order.
    pub paused: RwSignal<bool>,
    /// Why the last load reset the profile, if it did (shown on the interests page).
    pub reset_reason: RwSignal<Option<String>>,
    placements: StoredValue<HashMap<String, Placement>>,
    lists: StoredValue<Vec<PagedList>>,
    rerank_pending: StoredValue<bool>,
    save_pending: StoredValue<bool>,
    impressed: StoredValue<HashSet<String>>,
    campaigns: StoredValue<Vec<Campaign>>,
    /// A short message after an action ("hidden", "muted"), read out by screen readers.
    pub notice: RwSignal<Option<crate::i18n::Text>>,
    /// Counts notices, so a notice's timer clears only its own notice, not a newer one.
    notices_said: StoredValue<u64>,
    /// Creators the user follows, for the ranker's "you follow them" term.
    followed: StoredValue<HashSet<String>>,
    /// Fan points per creator, earned from the same signals (shared with [`crate::app::social::Social`]).
    fans: StoredValue<crate::social::FanLedger>,
}

/// The ranker configuration the app uses.
pub fn config() -> RankConfig {
    RankConfig::default()
}

fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

impl Personalizer {
    /// Loads the stored profile; a corrupt or unknown one is reset with a logged reason.
    pub fn load(campaigns: Vec<Campaign>, fans: StoredValue<crate::social::FanLedger>) -> Self {
        let cfg = config();
        let (profile, reason) = match storage::get(PROFILE_KEY) {
            None => (Profile::default(), None),
            Some(json) => match Profile::from_json(&json, &cfg) {
                Ok(p) => (p, None),
                Err(e) => {
                    leptos::logging::warn!("guang: {e}; starting a fresh interest profile");
                    storage::set(PROFILE_KEY, &Profile::default().to_json());
                    (Profile::default(), Some(e.to_string()))
                }
            },
        };
        Self {
            profile: StoredValue::new(profile),
            revision: RwSignal::new(0),
            paused: RwSignal::new(storage::get(PAUSED_KEY).as_deref() == Some("1")),
            reset_reason: RwSignal::new(reason),
            placements: StoredValue::new(HashMap::new()),
            lists: StoredValue::new(Vec::new()),
            rerank_pending: StoredValue::new(false),
            save_pending: StoredValue::new(false),
            impressed: StoredValue::new(HashSet::new()),
            campaigns: StoredValue::new(campaigns),
            notice: RwSignal::new(None),
            notices_said: StoredValue::new(0),
            followed: StoredValue::new(HashSet::new()),
            fans,
        }
    }

    /// Adds what a signal is worth to the fan points of its creator.
    fn earn(&self, creator: &str, name: Option<&str>, kind: &SignalKind, at: i64) {
        let rules = crate::app::fans::rules();
        self.fans.try_update_value(|f| f.record(creator, name, kind, at, &rules));
    }

    /// Replaces the set of followed creators and re-ranks (a follow lifts that creator's unseen items).
    pub fn set_followed(&self, ids: HashSet<String>) {
        self.followed.try_set_value(ids);
        self.schedule_rerank();
    }

    /// What the ranker knows besides the profile, as of now.
    pub fn context(&self) -> RankContext {
        RankContext {
            now: now(),
            followed: self.followed.try_get_value().unwrap_or_default(),
            campaigns: self.campaigns.get_value(),
        }
    }

    /// Shows a short notice for a few seconds.
    pub fn say(&self, key: crate::i18n::Text) {
        self.notice.set(Some(key));
        self.notices_said.update_value(|n| *n += 1);
        let (notice, said, mine) = (self.notice, self.notices_said, self.notices_said.get_value());
        set_timeout(
            move || {
                if said.try_get_value() == Some(mine) {
                    notice.try_set(None);
                }
            },
            std::time::Duration::from_millis(3500),
        );
    }

    /// Records a signal with an explicit target (for things that are not one item, such as a creator).
    pub fn record_target(&self, kind: SignalKind, target: Target) {
        let signal = Signal { at: now(), kind, target };
        self.earn(&signal.target.creator, None, &signal.kind, signal.at);
        let cfg = config();
        self.profile.update_value(|p| p.apply(&signal, &cfg));
        self.revision.update(|r| *r += 1);
        self.save();
        self.schedule_rerank();
    }

    /// A copy of the profile (for the interests page and explanations).
    pub fn profile(&self) -> Profile {
        self.profile.get_value()
    }

    /// Reads the profile without copying it.
    pub fn with_profile<R>(&self, f: impl FnOnce(&Profile) -> R) -> R {
        self.profile.with_value(f)
    }

    /// Records a signal about `item`. Meaningful signals re-rank the feed soon after; an impression is
    /// recorded once per item per page load.
    pub fn record(&self, kind: SignalKind, item: &Item) {
        if matches!(kind, SignalKind::Impression) {
            let fresh = self.impressed.try_update_value(|s| s.insert(item.id.clone())).unwrap_or(false);
            if !fresh {
                return;
            }
        }
        let meaningful = kind.is_meaningful();
        let signal = Signal { at: now(), kind, target: Target::from(&Candidate::from_item(item)) };
        self.earn(&item.creator.id, Some(&item.creator.name), &signal.kind, signal.at);
        let cfg = config();
        self.profile.update_value(|p| p.apply(&signal, &cfg));
        self.revision.update(|r| *r += 1);
        if meaningful {
            self.save();
            self.schedule_rerank();
        } else {
            self.schedule_save();
        }
    }

    fn save(&self) {
        crate::app::fans::save(self.fans);
        let json = self.profile.with_value(Profile::to_json);
        if !storage::set(PROFILE_KEY, &json) {
            leptos::logging::warn!("guang: could not save the interest profile (storage unavailable or full)");
        }
    }

    fn schedule_save(&self) {
        let this = *self;
        debounce(self.save_pending, SAVE_DEBOUNCE_MS, move || this.save());
    }

    /// Registers a feed list whose unseen tail may be re-ranked.
    pub fn register(&self, list: &PagedList) {
        if !self.is_registered(list) {
            self.lists.update_value(|ls| ls.push(list.clone()));
        }
    }

    /// Whether `list` is a feed list the ranker may reorder.
    pub fn is_registered(&self, list: &PagedList) -> bool {
        self.lists.with_value(|ls| ls.iter().any(|l| Arc::ptr_eq(&l.shown, &list.shown)))
    }

    /// Removes blocked items from every registered list, visible ones included (the user asked).
    pub fn drop_blocked(&self, ctx: crate::app::Ctx) {
        for list in self.lists.get_value() {
            list.drop_blocked(ctx);
        }
    }

    /// Re-ranks every registered list soon (debounced).
    pub fn schedule_rerank(&self) {
        let this = *self;
        debounce(self.rerank_pending, RERANK_DEBOUNCE_MS, move || {
            let ctx = this.context();
            for list in this.lists.get_value() {
                this.rerank(&list, &ctx);
            }
        });
    }

    /// Re-orders what the user has not been shown of `list`: by the profile, or back to the server's order
    /// while paused. Hidden items and muted creators leave the list either way.
    pub fn rerank(&self, list: &PagedList, ctx: &RankContext) {
        let items: Vec<Arc<Item>> = list.state.with_untracked(|s| s.items.clone());
        // Everything on screen or above it stays put: what the observer has seen, and whatever is laid out
        // above the bottom of the viewport right now (the observer may not have reported the first paint yet).
        let on_screen = rendered_above_fold(&items);
        let shown = {
            let mut shown = list.shown.lock().unwrap_or_else(|e| e.into_inner());
            *shown = (*shown).max(on_screen);
            *shown
        };
        let paused = self.paused.get_untracked();
        let cfg = config();
        if items.is_empty() {
            return;
        }
        // Each item carries the hashes of its ids from validation, so this copies strings but hashes none.
        let cands: Vec<Candidate> = items.iter().map(|i| Candidate::from_item(i)).collect();
        let new_order: Vec<usize> = if paused {
            let shown = shown.min(items.len());
            let mut tail: Vec<usize> =
                (shown..items.len()).filter(|&i| self.profile.with_value(|p| !is_blocked(&cands[i], p))).collect();
            let server_pos = list.server_pos.lock().unwrap_or_else(|e| e.into_inner());
            tail.sort_by_key(|&i| server_pos.get(&items[i].id).copied().unwrap_or(usize::MAX));
            (0..shown).chain(tail).collect()
        } else {
            let seed = ctx.now as u64;
            let (order, placements) = self.profile.with_value(|p| rerank_unseen(&cands, shown, p, ctx, &cfg, seed));
            self.placements.update_value(|m| {
                for pl in placements {
                    m.insert(cands[pl.index].id.clone(), pl);
                }
            });
            order
        };
        let reordered: Vec<Arc<Item>> = new_order.iter().map(|&i| Arc::clone(&items[i])).collect();
        let changed = reordered.iter().map(|i| &i.id).ne(items.iter().map(|i| &i.id));
        if changed {
            list.state.update(|s| s.items = reordered);
        }
    }

    /// The last placement of an item, if the ranker placed it.
    pub fn placement(&self, id: &str) -> Option<Placement> {
        self.placements.with_value(|m| m.get(id).cloned())
    }

    /// Pauses or resumes personalisation, and re-ranks accordingly.
    pub fn set_paused(&self, paused: bool) {
        storage::set(PAUSED_KEY, if paused { "1" } else { "0" });
        self.paused.set(paused);
        self.schedule_rerank();
    }

    /// Forgets everything learned, fan levels included.
    pub fn reset(&self) {
        self.profile.set_value(Profile::default());
        self.fans.set_value(crate::social::FanLedger::default());
        self.placements.update_value(HashMap::clear);
        self.reset_reason.set(None);
        self.save();
        self.revision.update(|r| *r += 1);
        self.schedule_rerank();
    }

    /// The profile as a file the user can keep: the profile document with the fan levels under `fans`, so an
    /// export holds everything learned on this device and an import restores both.
    pub fn export_json(&self) -> String {
        let profile = self.profile.with_value(Profile::to_json);
        let fans = self.fans.with_value(crate::social::FanLedger::to_json);
        match (serde_json::from_str::<serde_json::Value>(&profile), serde_json::from_str(&fans)) {
            (Ok(serde_json::Value::Object(mut doc)), Ok(fans)) => {
                doc.insert("fans".into(), fans);
                serde_json::Value::Object(doc).to_string()
            }
            _ => profile,
        }
    }

    /// Replaces the profile with an imported one (already validated by `Profile::from_json`), and the fan levels
    /// when the file had readable ones (an export from before fan levels keeps the current ones).
    pub fn import(&self, profile: Profile, fans: Option<crate::social::FanLedger>) {
        self.profile.set_value(profile);
        if let Some(fans) = fans {
            self.fans.set_value(fans);
        }
        self.save();
        self.revision.update(|r| *r += 1);
        self.schedule_rerank();
    }
}

/// Runs `f` once, `ms` after the first of a burst of calls; `pending` marks a run already scheduled.
fn debounce(pending: StoredValue<bool>, ms: i32, f: impl FnOnce() + 'static) {
    if pending.get_value() {
        return;
    }
    pending.set_value(true);
    set_timeout(
        move || {
            pending.set_value(false);
            f();
        },
        std::time::Duration::from_millis(ms.max(0) as u64),
    );
}

/// How many leading items of `items` have a card laid out above the bottom of the viewport (0 when the
/// list is not on screen).
fn rendered_above_fold(items: &[Arc<Item>]) -> usize {
    let Some(window) = web_sys::window() else { return 0 };
    let Some(doc) = window.document() else { return 0 };
    let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let Ok(cards) = doc.query_selector_all("article.card[data-id]") else { return 0 };
    let mut above: HashSet<String> = HashSet::new();
    for i in 0..cards.length() {
        let Some(el) = cards.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        if el.get_bounding_client_rect().top() < height {
            if let Some(id) = el.get_attribute("data-id") {
                above.insert(id);
            }
        }
    }
    items.iter().rposition(|i| above.contains(&i.id)).map_or(0, |p| p + 1)
}

/// The app's personalizer.
pub fn use_personalizer() -> Personalizer {
    expect_context::<Personalizer>()
}

/// Shared by [`PagedList`]: how many items of the list have been on screen (they never move again).
pub type Shown = Arc<Mutex<usize>>;
