//! The follow list kept on the device, plus an outbox of follow writes for APIs that accept them.
//!
//! Following is optimistic: the list changes the moment the user taps, and a pending write per creator carries
//! the change to the server with an idempotency key, so a resend after a timeout or a reload is safe. Toggles
//! while a write is pending collapse into one write; a refused write rolls the list back and says why.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::text::{clean_text, is_valid_id};
use crate::model::url::ApiBase;

/// Most creators one device follows; more is a bug or hostile storage, and would slow every render.
pub const MAX_FOLLOWS: usize = 5000;
/// Most pending writes kept; bounded like the list they mirror.
pub const MAX_PENDING: usize = 5000;
/// Longest stored document accepted; anything bigger is not ours.
pub const MAX_JSON_BYTES: usize = 1 << 20;
/// Longest creator name kept, in characters after cleaning.
pub const MAX_NAME_CHARS: usize = 64;
const VERSION: u64 = 1;
const BACKOFF_BASE_MS: f64 = 1000.0;
const BACKOFF_CAP_MS: f64 = 300_000.0;

/// A followed creator with what the 关注 list needs to draw a row without fetching the creator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Followed {
    /// Creator id (a contract id).
    pub id: String,
    /// Display name at the time of following.
    pub name: String,
    /// Absolute http(s) avatar URL, or empty when there is none we trust.
    pub avatar: String,
    /// When the user followed, in unix seconds; the list is ordered by it.
    pub since: i64,
}

/// One follow write for the API, handed out by [`Follows::due`].
#[derive(Clone, Debug, PartialEq)]
pub struct WriteRequest {
    /// Creator id.
    pub creator: String,
    /// `true` to follow, `false` to unfollow.
    pub follow: bool,
    /// Idempotency key: the server applies each key at most once, so resending it is safe.
    pub key: String,
}

/// What the API said to a write, as reported back through [`Follows::on_result`].
#[derive(Clone, Debug, PartialEq)]
pub enum WriteOutcome {
    /// Applied (or already applied under this key).
    Accepted,
    /// Refused for good (e.g. the creator no longer exists); the text is the server's reason.
    Rejected(String),
    /// Not known to be applied (network error, 5xx, 429): send the same key again later.
    Retry,
}

/// A refused write undone on the device, so the UI can tell the user why the button flipped back.
#[derive(Clone, Debug, PartialEq)]
pub struct Rollback {
    /// Creator id.
    pub creator: String,
    /// Creator name, for the message.
    pub name: String,
    /// Whether the creator is followed after the rollback.
    pub followed: bool,
    /// The server's reason, cleaned and bounded.
    pub reason: String,
}

/// A write not yet confirmed by the server. `base` is what the server is believed to hold without it, which is
/// both what a refusal rolls back to and what lets follow-then-unfollow cancel out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Pending {
    follow: bool,
    key: String,
    base: bool,
    attempts: u32,
    next_at_ms: f64,
    who: Followed,
}

/// A write handed out by `due` whose answer has not come back; in memory only.
#[derive(Clone, Debug, PartialEq)]
struct InFlight {
    follow: bool,
    who: Followed,
}

/// The on-device follow list and its write outbox. Persist with [`Follows::to_json`]; in-flight state is not
/// persisted, so after a reload every pending write is due again under its same key.
#[derive(Clone, Debug, Default)]
pub struct Follows {
    follows: Vec<Followed>,
    pending: BTreeMap<String, Pending>,
    seq: u64,
    in_flight: HashMap<String, InFlight>,
}

impl Follows {
    /// Whether the creator is followed as far as the user is concerned (pending writes included).
    pub fn is_followed(&self, id: &str) -> bool {
        self.follows.iter().any(|f| f.id == id)
    }

    /// Followed creators, newest first (ties: the later follow first).
    pub fn list(&self) -> Vec<&Followed> {
        let mut out: Vec<&Followed> = self.follows.iter().rev().collect();
        out.sort_by_key(|f| std::cmp::Reverse(f.since));
        out
    }

    /// When the user followed `id` (unix seconds), if they do.
    pub fn since(&self, id: &str) -> Option<i64> {
        self.follows.iter().find(|f| f.id == id).map(|f| f.since)
    }

    /// Number of followed creators.
    pub fn len(&self) -> usize {
        self.follows.len()
    }

    /// Whether nothing is followed (the 关注 tab shows its empty state).
    pub fn is_empty(&self) -> bool {
        self.follows.is_empty()
    }

    /// Follows or unfollows at once (optimistic) and, when the API accepts writes, queues the write. Returns
    /// whether anything changed. `since` is set from `now_ms`; the name is cleaned and an untrusted avatar
    /// dropped. Refused (false) for an invalid id or when the list or outbox is full.
    pub fn set(&mut self, who: Followed, follow: bool, now_ms: f64, writes: bool) -> bool {
        let Some(mut who) = sanitize(who, true) else { return false };
        let was = self.is_followed(&who.id);
        if was == follow {
            return false;
        }
        let full = !self.pending.contains_key(&who.id) && self.pending.len() >= MAX_PENDING;
        if (follow && self.follows.len() >= MAX_FOLLOWS) || (writes && full) {
            return false;
        }
        if follow {
            who.since = if now_ms.is_finite() { (now_ms / 1000.0).floor() as i64 } else { 0 };
            self.follows.push(who.clone());
        } else if let Some(i) = self.follows.iter().position(|f| f.id == who.id) {
            who = self.follows.remove(i);
        }
        if writes {
            let busy = self.creator_in_flight(&who.id);
            match self.pending.get(&who.id).map(|p| p.base) {
                // Back to what the server has, and nothing on the wire: the two taps cancel out.
                Some(base) if base == follow && !busy => {
                    self.pending.remove(&who.id);
                }
                Some(base) => self.queue(who, follow, base, now_ms),
                None => self.queue(who, follow, was, now_ms),
            }
        }
        true
    }

    /// Pending writes that are due and not already on the wire, marked as in flight. A creator with a write in
    /// flight gets nothing new until it is answered, so the server sees one creator's writes in order.
    pub fn due(&mut self, now_ms: f64) -> Vec<WriteRequest> {
        let mut out = Vec::new();
        for (creator, p) in &self.pending {
            let busy = self.in_flight.values().any(|f| &f.who.id == creator);
            if p.next_at_ms <= now_ms && !busy {
                out.push(WriteRequest { creator: creator.clone(), follow: p.follow, key: p.key.clone() });
            }
        }
        for r in &out {
            if let Some(p) = self.pending.get(&r.creator) {
                self.in_flight.insert(r.key.clone(), InFlight { follow: r.follow, who: p.who.clone() });
            }
        }
        out
    }

    /// Applies the API's answer to a write. Returns a [`Rollback`] when the user's current intent was refused.
    pub fn on_result(&mut self, key: &str, outcome: WriteOutcome, now_ms: f64) -> Option<Rollback> {
        let flight = self.in_flight.remove(key);
        let creator = match &flight {
            Some(f) => f.who.id.clone(),
            None => self.pending.iter().find(|(_, p)| p.key == key).map(|(c, _)| c.clone())?,
        };
        let current = self.pending.get(&creator).is_some_and(|p| p.key == key);
        match (outcome, current) {
            (WriteOutcome::Accepted, true) => {
                self.pending.remove(&creator);
            }
            (WriteOutcome::Accepted, false) => {
                let applied = flight.as_ref().map(|f| f.follow)?;
                if let Some(p) = self.pending.get_mut(&creator) {
                    p.base = applied;
                    if p.follow == applied {
                        self.pending.remove(&creator);
                    }
                } else if self.is_followed(&creator) != applied && self.pending.len() < MAX_PENDING {
                    // The outbox lost track of this creator: write the user's intent again on top of it.
                    let who = self.follows.iter().find(|f| f.id == creator).cloned();
                    let who = who.or_else(|| flight.map(|f| f.who))?;
                    self.queue(who, !applied, applied, now_ms);
                }
            }
            (WriteOutcome::Retry, true) => {
                if let Some(p) = self.pending.get_mut(&creator) {
                    p.attempts = p.attempts.saturating_add(1);
                    p.next_at_ms = finite_ms(now_ms) + backoff_ms(&p.key, p.attempts);
                }
            }
            (WriteOutcome::Retry, false) => {}
            (WriteOutcome::Rejected(reason), true) => {
                let p = self.pending.remove(&creator)?;
                self.follows.retain(|f| f.id != creator);
                if p.base {
                    self.follows.push(p.who.clone());
                }
                let reason: String = clean_text(&reason).chars().take(200).collect();
                return Some(Rollback { creator, name: p.who.name, followed: p.base, reason });
            }
            (WriteOutcome::Rejected(_), false) => {
                // The server kept its state, so a pending write that only restores it is moot.
                if self.pending.get(&creator).is_some_and(|p| p.follow == p.base) {
                    self.pending.remove(&creator);
                }
            }
        }
        None
    }

    /// Makes every waiting write due now: the network is back, so waiting out a long backoff only delays
    /// a follow the user made while offline.
    pub fn retry_now(&mut self, now_ms: f64) {
        for p in self.pending.values_mut() {
            p.next_at_ms = p.next_at_ms.min(finite_ms(now_ms));
        }
    }

    /// Number of writes not yet confirmed (for a "syncing" hint).
    pub fn pending_count(&self) -> usize {
        self.pending.len()
    }

    /// Whether any write is not yet confirmed.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// When the scheduler should next call [`Follows::due`]: the earliest retry time of writes not on the wire.
    pub fn next_due_ms(&self) -> Option<f64> {
        let idle = self.pending.iter().filter(|(c, _)| !self.creator_in_flight(c));
        idle.map(|(_, p)| p.next_at_ms).reduce(f64::min)
    }

    /// Serialises list and outbox (not what is in flight) for local storage, as a versioned document.
    pub fn to_json(&self) -> String {
        let pending: Vec<_> = self.pending.iter().collect();
        let doc = serde_json::json!({
            "version": VERSION, "seq": self.seq, "follows": self.follows, "pending": pending,
        });
        doc.to_string()
    }

    /// Reads a stored document. Storage is hostile: a wrong version or an oversized document is refused, bad
    /// entries are skipped, untrusted avatars blanked and both lists capped.
    pub fn from_json(json: &str) -> Result<Follows, String> {
        let doc = super::read_versioned(json, "follow list", MAX_JSON_BYTES, VERSION)?;
        let mut out = Follows { seq: doc.get("seq").and_then(Value::as_u64).unwrap_or(0), ..Follows::default() };
        let entries = |name: &str| doc.get(name).and_then(Value::as_array).cloned().unwrap_or_default();
        for v in entries("follows") {
            let Ok(f) = serde_json::from_value::<Followed>(v) else { continue };
            if let Some(f) = sanitize(f, false) {
                if out.follows.len() < MAX_FOLLOWS && !out.is_followed(&f.id) {
                    out.follows.push(f);
                }
            }
        }
        for v in entries("pending") {
            let Ok((creator, mut p)) = serde_json::from_value::<(String, Pending)>(v) else { continue };
            let Some(who) = sanitize(p.who.clone(), false) else { continue };
            // A pending write always matches the list (it carries the list's last change); others are corrupt.
            let matches_list = p.follow == out.is_followed(&creator);
            if who.id != creator || !valid_key(&p.key) || !matches_list || out.pending.len() >= MAX_PENDING {
                continue;
            }
            p.who = who;
            p.next_at_ms = finite_ms(p.next_at_ms);
            out.pending.entry(creator).or_insert(p);
        }
        Ok(out)
    }

    /// Whether a write for this creator is on the wire.
    fn creator_in_flight(&self, creator: &str) -> bool {
        self.in_flight.values().any(|f| f.who.id == creator)
    }

    /// Replaces the creator's pending write with a new one under a fresh key.
    fn queue(&mut self, who: Followed, follow: bool, base: bool, now_ms: f64) {
        self.seq = self.seq.wrapping_add(1);
        let ms = if now_ms.is_finite() && now_ms > 0.0 { now_ms as u64 } else { 0 };
        let key = format!("{}-{}-{ms}", who.id, self.seq);
        self.pending
            .insert(who.id.clone(), Pending { follow, key, base, attempts: 0, next_at_ms: finite_ms(now_ms), who });
    }
}

/// Retry delay: 1 s doubling per attempt, capped at 5 minutes, scaled by a jitter of 50–100 % taken from a
/// hash of the key, so a fleet of clients does not retry in lockstep yet every run is reproducible.
pub fn backoff_ms(key: &str, attempts: u32) -> f64 {
    let exp = attempts.saturating_sub(1).min(20);
    let delay = (BACKOFF_BASE_MS * f64::from(1u32 << exp)).min(BACKOFF_CAP_MS);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes().chain(attempts.to_le_bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    delay * (0.5 + 0.5 * (h % 1001) as f64 / 1000.0)
}

/// A clock reading usable for scheduling: a broken clock (NaN, ±∞) counts as "due now" rather than never.
fn finite_ms(ms: f64) -> f64 {
    if ms.is_finite() {
        ms
    } else {
        0.0
    }
}

/// Whether an idempotency key read back from storage is one we could have made.
fn valid_key(key: &str) -> bool {
    (1..=200).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Checks a record: invalid id → `None`; untrusted avatar → blank. A name that is empty or too long after
/// cleaning is refused from storage (`lenient` false) but repaired from the UI (falls back to the id, or is cut).
fn sanitize(mut f: Followed, lenient: bool) -> Option<Followed> {
    if !is_valid_id(&f.id) {
        return None;
    }
    let name = clean_text(&f.name);
    let chars = name.chars().count();
    f.name = match (chars, lenient) {
        (1..=MAX_NAME_CHARS, _) => name,
        (_, false) => return None,
        (0, true) => f.id.clone(),
        (_, true) => name.chars().take(MAX_NAME_CHARS).collect(),
    };
    if ApiBase::parse(&f.avatar).is_err() {
        f.avatar = String::new();
    }
    Some(f)
}

#[cfg(test)]
#[path = "follows_tests.rs"]
mod tests;
