//! Where visits come from (推荐, 关注, a creator page, a share code, a campaign, another site, an embed), kept on
//! the device: counts per creator and item for the creator's own view, and an optional bounded queue of visit
//! events for an API that collects them. A repeat of the same visit within 30 minutes counts once, so a
//! refresh or a back-and-forth does not inflate anything.

use std::collections::{BTreeMap, VecDeque};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::fans::FanLevel;
use crate::model::text::is_valid_id;

pub use super::landing::{classify_landing, share_level, Landing};

/// Most targets (creators plus items) counted; the least recently updated is forgotten first.
pub const MAX_TARGETS: usize = 1000;
/// Most visit events waiting to be sent; the oldest is dropped first.
pub const MAX_QUEUE: usize = 500;
/// Repeats of one visit within this many seconds count once.
pub const DEDUP_WINDOW_S: i64 = 30 * 60;
/// Longest stored document accepted.
pub const MAX_JSON_BYTES: usize = 1 << 20;
const MAX_RECENT: usize = 1000;
const VERSION: u64 = 1;

/// Where a visit came from. Serialised in lowercase, which is also the `src=` query value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// The 推荐 (for you) feed.
    Recommend,
    /// The 关注 (following) feed.
    Following,
    /// A creator page inside the app.
    Profile,
    /// A share link or share code.
    Share,
    /// A campaign link (双11 …).
    Campaign,
    /// A link on another site.
    External,
    /// The feed embedded in another page.
    Embed,
    /// Typed, bookmarked, or no way to tell.
    Direct,
    /// Another creator's page (their 合作达人 row) or an item's co-creator credit: creators sending each other
    /// audiences.
    Collab,
}

impl Source {
    /// Every source in display order, so breakdowns are always listed the same way.
    pub const ALL: [Source; 9] = [
        Source::Recommend,
        Source::Following,
        Source::Profile,
        Source::Share,
        Source::Campaign,
        Source::External,
        Source::Embed,
        Source::Direct,
        Source::Collab,
    ];

    /// The wire and query-string name.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Recommend => "recommend",
            Source::Following => "following",
            Source::Profile => "profile",
            Source::Share => "share",
            Source::Campaign => "campaign",
            Source::External => "external",
            Source::Embed => "embed",
            Source::Direct => "direct",
            Source::Collab => "collab",
        }
    }

    /// Parses a name from a URL or storage (ASCII case-insensitive); anything else is `None`, never an error.
    pub fn from_str_opt(s: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|src| src.as_str().eq_ignore_ascii_case(s))
    }
}

/// One visit for the API. `id` is unique and stable across resends, so the server can de-duplicate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VisitEvent {
    /// `{at}-{seq}`, only `[0-9-]`.
    pub id: String,
    /// Where the visit came from.
    pub source: Source,
    /// The creator visited, or whose item was visited.
    pub creator: String,
    /// The item, for item visits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// Unix seconds.
    pub at: i64,
    /// The visitor's own fan level with the creator (`0`–`3`), when above 路人.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// For a share visit, the fan level of the person who shared (from the link's `fan=`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via_level: Option<u8>,
}

/// Fan levels that travel with a visit: the visitor's own, and the sharer's for a share link.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VisitLevels {
    /// The visitor's level with the creator.
    pub own: Option<FanLevel>,
    /// The sharer's level, for share visits.
    pub via: Option<FanLevel>,
}

/// Visit counts for one target (`creator:{id}` or `item:{id}`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Target {
    counts: BTreeMap<Source, u64>,
    touched: u64,
    /// Share visits by the sharer's fan level, indexed by [`FanLevel::index`].
    #[serde(default, skip_serializing_if = "all_zero")]
    via: [u64; 4],
}

/// A visit counted recently, remembered for de-duplication.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Recent {
    source: Source,
    creator: String,
    item: Option<String>,
    at: i64,
}

/// Per-device visit counts by source and the outgoing event queue; persist with [`Attribution::to_json`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Attribution {
    targets: BTreeMap<String, Target>,
    recent: VecDeque<Recent>,
    queue: VecDeque<VisitEvent>,
    seq: u64,
    tick: u64,
}

impl Attribution {
    /// Counts a visit to a creator (and item), and queues an event when `send` is set. Invalid ids and repeats
    /// of the same (source, creator, item) within [`DEDUP_WINDOW_S`] are ignored.
    pub fn record(&mut self, source: Source, creator: &str, item: Option<&str>, at: i64, send: bool) {
        self.record_with(source, creator, item, at, send, VisitLevels::default());
    }

    /// [`Attribution::record`] with fan levels: a share visit also counts under the sharer's level, and a
    /// queued event carries both levels.
    pub fn record_with(
        &mut self,
        source: Source,
        creator: &str,
        item: Option<&str>,
        at: i64,
        send: bool,
        levels: VisitLevels,
    ) {
        let via = levels.via.filter(|_| source == Source::Share);
        if !is_valid_id(creator) || item.is_some_and(|i| !is_valid_id(i)) {
            return;
        }
        self.recent.retain(|r| r.at.saturating_add(DEDUP_WINDOW_S) > at);
        let same = |r: &Recent| r.source == source && r.creator == creator && r.item.as_deref() == item;
        if self.recent.iter().any(|r| same(r) && r.at.abs_diff(at) < DEDUP_WINDOW_S as u64) {
            return;
        }
        self.recent.push_back(Recent { source, creator: creator.into(), item: item.map(Into::into), at });
        while self.recent.len() > MAX_RECENT {
            self.recent.pop_front();
        }
        self.bump(format!("creator:{creator}"), source, via);
        if let Some(item) = item {
            self.bump(format!("item:{item}"), source, via);
        }
        if send {
            self.seq = self.seq.wrapping_add(1);
            let id = format!("{at}-{}", self.seq);
            let level = levels.own.filter(|l| *l > FanLevel::Passerby).map(FanLevel::index);
            let (creator, item, via_level) = (creator.into(), item.map(Into::into), via.map(FanLevel::index));
            let event = VisitEvent { id, source, creator, item, at, level, via_level };
            self.queue.push_back(event);
            while self.queue.len() > MAX_QUEUE {
                self.queue.pop_front();
            }
        }
    }

    /// Non-zero visit counts for a creator, in [`Source::ALL`] order (empty when never visited).
    pub fn counts_for_creator(&self, id: &str) -> Vec<(Source, u64)> {
        self.counts(&format!("creator:{id}"))
    }

    /// Share visits to a creator (and their items) by the sharer's fan level, lowest level first, non-zero
    /// only.
    pub fn share_levels_for_creator(&self, id: &str) -> Vec<(FanLevel, u64)> {
        let Some(t) = self.targets.get(&format!("creator:{id}")) else { return Vec::new() };
        FanLevel::ALL.into_iter().zip(t.via).filter(|(_, n)| *n > 0).collect()
    }

    /// Non-zero visit counts for an item, in [`Source::ALL`] order (empty when never visited).
    pub fn counts_for_item(&self, id: &str) -> Vec<(Source, u64)> {
        self.counts(&format!("item:{id}"))
    }

    /// Removes and returns up to `max` of the oldest queued events, for one API call.
    pub fn take_batch(&mut self, max: usize) -> Vec<VisitEvent> {
        let n = max.min(self.queue.len());
        self.queue.drain(..n).collect()
    }

    /// Puts events from a failed send back at the front, in their order, so they go out first next time. Still
    /// bounded: if the queue overflows, the oldest are dropped.
    pub fn requeue(&mut self, events: Vec<VisitEvent>) {
        for e in events.into_iter().rev().filter(valid_event) {
            self.queue.push_front(e);
        }
        while self.queue.len() > MAX_QUEUE {
            self.queue.pop_front();
        }
    }

    /// Number of events waiting to be sent, for the send scheduler.
    pub fn queued(&self) -> usize {
        self.queue.len()
    }

    /// Serialises counts, de-duplication memory and queue as a versioned document for local storage.
    pub fn to_json(&self) -> String {
        // Straight to text with the version spliced in front, rather than through a `Value`: the wasm then
        // needs no second (value) serializer for this type.
        let body = serde_json::to_string(self).unwrap_or_default();
        match body.strip_prefix('{') {
            Some("}") => format!("{{\"version\":{VERSION}}}"),
            Some(rest) => format!("{{\"version\":{VERSION},{rest}"),
            None => format!("{{\"version\":{VERSION}}}"),
        }
    }

    /// Reads a stored document. A wrong version or an oversized document is refused; bad entries are skipped
    /// and every bound enforced, so hostile storage can neither crash nor bloat the app.
    pub fn from_json(json: &str) -> Result<Attribution, String> {
        let doc = super::read_versioned(json, "attribution", MAX_JSON_BYTES, VERSION)?;
        let num = |name: &str| doc.get(name).and_then(Value::as_u64).unwrap_or(0);
        let mut out = Attribution { seq: num("seq"), tick: num("tick"), ..Attribution::default() };
        let mut targets: Vec<(String, Target)> = Vec::new();
        for (key, v) in doc.get("targets").and_then(Value::as_object).into_iter().flatten() {
            let valid_key = key.strip_prefix("creator:").or_else(|| key.strip_prefix("item:")).is_some_and(is_valid_id);
            if !valid_key || !v.is_object() {
                continue;
            }
            let mut t = Target { touched: v.get("touched").and_then(Value::as_u64).unwrap_or(0), ..Target::default() };
            for (src, n) in v.get("counts").and_then(Value::as_object).into_iter().flatten() {
                if let (Some(src), Some(n)) = (Source::from_str_opt(src), n.as_u64()) {
                    t.counts.insert(src, n);
                }
            }
            for (slot, n) in t.via.iter_mut().zip(v.get("via").and_then(Value::as_array).into_iter().flatten()) {
                *slot = n.as_u64().unwrap_or(0);
            }
            targets.push((key.clone(), t));
        }
        targets.sort_by_key(|(_, t)| std::cmp::Reverse(t.touched));
        targets.truncate(MAX_TARGETS);
        out.tick = out.tick.max(targets.first().map_or(0, |(_, t)| t.touched));
        out.targets = targets.into_iter().collect();
        let list = |name: &str| doc.get(name).and_then(Value::as_array).cloned().unwrap_or_default();
        let recent = list("recent").into_iter().filter_map(|v| serde_json::from_value::<Recent>(v).ok());
        out.recent = recent.filter(|r| valid_ids(&r.creator, r.item.as_deref())).collect();
        let queue = list("queue").into_iter().filter_map(|v| serde_json::from_value::<VisitEvent>(v).ok());
        out.queue = queue.filter(valid_event).collect();
        let excess = out.recent.len().saturating_sub(MAX_RECENT);
        out.recent.drain(..excess);
        let excess = out.queue.len().saturating_sub(MAX_QUEUE);
        out.queue.drain(..excess);
        Ok(out)
    }

    /// Adds one to a target's count for `source` and evicts the least recently updated target past the cap.
    fn bump(&mut self, key: String, source: Source, via: Option<FanLevel>) {
        self.tick = self.tick.wrapping_add(1);
        let t = self.targets.entry(key).or_default();
        let n = t.counts.entry(source).or_insert(0);
        *n = n.saturating_add(1);
        if let Some(level) = via {
            let n = &mut t.via[usize::from(level.index())];
            *n = n.saturating_add(1);
        }
        t.touched = self.tick;
        while self.targets.len() > MAX_TARGETS {
            let oldest = self.targets.iter().min_by_key(|(_, t)| t.touched).map(|(k, _)| k.clone());
            match oldest {
                Some(k) => self.targets.remove(&k),
                None => break,
            };
        }
    }

    /// Non-zero counts of one target in display order.
    fn counts(&self, key: &str) -> Vec<(Source, u64)> {
        let Some(t) = self.targets.get(key) else { return Vec::new() };
        Source::ALL.into_iter().filter_map(|s| t.counts.get(&s).filter(|n| **n > 0).map(|n| (s, *n))).collect()
    }
}

/// Whether no share visit was counted by level (then the field is left out of storage).
fn all_zero(counts: &[u64; 4]) -> bool {
    counts.iter().all(|n| *n == 0)
}

/// Whether a creator id and optional item id are contract ids.
fn valid_ids(creator: &str, item: Option<&str>) -> bool {
    is_valid_id(creator) && item.is_none_or(is_valid_id)
}

/// Whether an event (from storage or handed back by the caller) is one we could have made.
fn valid_event(e: &VisitEvent) -> bool {
    let id_ok = (1..=64).contains(&e.id.len()) && e.id.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    let levels_ok = [e.level, e.via_level].iter().flatten().all(|l| FanLevel::from_index(u64::from(*l)).is_some());
    id_ok && levels_ok && valid_ids(&e.creator, e.item.as_deref())
}

#[cfg(test)]
#[path = "attribution_tests.rs"]
mod tests;
