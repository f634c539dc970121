//! 粉丝等级: how devoted this user is to each creator, computed on the device from their own engagement, the
//! way Bilibili's 粉丝勋章 and Taobao Live's 粉丝分层 rank a creator's audience, without their pain points
//! (docs/social.md): every number is a field of [`FanRules`], passive scrolling earns nothing, a daily cap per
//! creator stops a burst of taps from buying a level, and drifting away costs points only after a grace period
//! and then gently, never the whole level at once. Nothing here leaves the device unless API writes are on.

use serde::Serialize;
use serde_json::Value;

use crate::model::text::{clean_text, is_valid_id};
use crate::rank::SignalKind;

/// Most creators kept; past it the one with the fewest points is forgotten.
pub const MAX_CREATORS: usize = 500;
/// Longest stored document accepted.
pub const MAX_JSON_BYTES: usize = 1 << 20;
/// Most points one creator can hold (far past the top level; bounds hostile storage).
pub const MAX_POINTS: f64 = 1.0e6;
const MAX_NAME_CHARS: usize = 64;
const VERSION: u64 = 1;
const DAY_S: i64 = 86_400;

/// The named levels, lowest first. The wire value is the index (`0..=3`), the name is [`FanLevel::as_str`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FanLevel {
    /// 路人: no standing yet.
    Passerby,
    /// 粉丝.
    Fan,
    /// 铁粉.
    Loyal,
    /// 超级粉丝: shares say so.
    Super,
}

impl FanLevel {
    /// Every level, lowest first.
    pub const ALL: [FanLevel; 4] = [FanLevel::Passerby, FanLevel::Fan, FanLevel::Loyal, FanLevel::Super];

    /// The number carried in share links (`fan=`) and events (`level`).
    pub fn index(self) -> u8 {
        self as u8
    }

    /// The level a link or event names by number; anything else is `None`.
    pub fn from_index(n: u64) -> Option<FanLevel> {
        FanLevel::ALL.get(usize::try_from(n).ok()?).copied()
    }

    /// Reads a `fan=` query value: one digit `0`–`3`, nothing else.
    pub fn from_param(s: &str) -> Option<FanLevel> {
        let s = s.trim();
        if s.len() != 1 {
            return None;
        }
        s.parse::<u64>().ok().and_then(FanLevel::from_index)
    }

    /// The name in pack statistics (`share_by_level`).
    pub fn as_str(self) -> &'static str {
        match self {
            FanLevel::Passerby => "passerby",
            FanLevel::Fan => "fan",
            FanLevel::Loyal => "loyal",
            FanLevel::Super => "super",
        }
    }
}

/// What each action is worth, the cap, the decay and the thresholds. Defaults follow the field notes' lessons:
/// a like is worth more than an open, a share most; about two weeks of daily visits make a 铁粉.
#[derive(Clone, Debug, PartialEq)]
pub struct FanRules {
    /// Opening one of the creator's items.
    pub open: f64,
    /// Each full 10 seconds on one of their item pages.
    pub dwell_per_10s: f64,
    /// Most dwell points from one stay on an item page.
    pub dwell_max: f64,
    /// Watching 90 % of one of their videos.
    pub video_finished: f64,
    /// A like.
    pub like: f64,
    /// A share of one of their items or their page.
    pub share: f64,
    /// Visiting their page.
    pub creator_visit: f64,
    /// Following them (once; the days followed count separately).
    pub follow: f64,
    /// Each whole day followed, up to [`FanRules::follow_days_max`]; not earned, so not capped or decayed.
    pub per_day_followed: f64,
    /// Days of following that count.
    pub follow_days_max: i64,
    /// Most points earned with one creator per day (UTC), whatever the actions.
    pub daily_cap: f64,
    /// Days without earning before points start to fade.
    pub grace_days: i64,
    /// Fraction of earned points lost per day past the grace period.
    pub decay_per_day: f64,
    /// Points needed for 粉丝, 铁粉 and 超级粉丝.
    pub thresholds: [f64; 3],
}

impl Default for FanRules {
    fn default() -> Self {
        Self {
            open: 2.0,
            dwell_per_10s: 1.0,
            dwell_max: 6.0,
            video_finished: 2.0,
            like: 3.0,
            share: 6.0,
            creator_visit: 2.0,
            follow: 10.0,
            per_day_followed: 1.0,
            follow_days_max: 30,
            daily_cap: 30.0,
            grace_days: 14,
            decay_per_day: 0.02,
            thresholds: [20.0, 120.0, 300.0],
        }
    }
}

impl FanRules {
    /// Points an action is worth before the daily cap; 0 for what earns nothing (impressions, hides).
    pub fn worth(&self, kind: &SignalKind) -> f64 {
        match kind {
            SignalKind::Open => self.open,
            SignalKind::ItemDwell { ms } => (f64::from(*ms / 10_000) * self.dwell_per_10s).min(self.dwell_max),
            SignalKind::VideoWatched { fraction } if *fraction >= 0.9 => self.video_finished,
            SignalKind::Like => self.like,
            SignalKind::Share => self.share,
            SignalKind::CreatorVisit => self.creator_visit,
            SignalKind::Follow => self.follow,
            _ => 0.0,
        }
    }

    /// The level `points` reach.
    pub fn level(&self, points: f64) -> FanLevel {
        let reached = self.thresholds.iter().take_while(|t| points >= **t).count();
        FanLevel::ALL[reached]
    }
}

/// One creator's earned points.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
struct Entry {
    /// Creator id.
    id: String,
    /// Display name, for the interests page; may be empty.
    name: String,
    /// Earned points as of `active`.
    points: f64,
    /// Unix seconds of the last earning.
    active: i64,
    /// Points earned on the UTC day of `active`, for the cap.
    today: f64,
}

/// Where the user stands with one creator now.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    /// The level reached.
    pub level: FanLevel,
    /// Points now: earned (after any fading) plus the days followed.
    pub points: f64,
    /// The next level and the points it needs; `None` at the top.
    pub next: Option<(FanLevel, f64)>,
    /// The threshold of the current level (0 for 路人), so progress can be drawn between the two.
    pub floor: f64,
    /// Points are fading because nothing was earned for longer than the grace period.
    pub fading: bool,
    /// Days left before fading starts; `None` once it has or when nothing was ever earned.
    pub grace_left: Option<i64>,
}

/// A creator the user has some standing with, for lists.
#[derive(Clone, Debug, PartialEq)]
pub struct FanEntry {
    /// Creator id.
    pub id: String,
    /// Name as last seen; may be empty.
    pub name: String,
    /// Standing now (days followed not included: the list does not know them).
    pub standing: Standing,
}

/// Per-creator fan points on this device; persist with [`FanLedger::to_json`]. A plain list (at most
/// [`MAX_CREATORS`], searched linearly): a map's generic code would cost the first load more than it saves.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FanLedger {
    creators: Vec<Entry>,
}

/// Earned points after fading from `e.active` to `now`.
fn faded(e: &Entry, now: i64, rules: &FanRules) -> f64 {
    let idle_days = (now.saturating_sub(e.active)) / DAY_S;
    let fading_days = idle_days.saturating_sub(rules.grace_days.max(0)).max(0);
    if fading_days == 0 {
        return e.points;
    }
    let keep = (1.0 - rules.decay_per_day.clamp(0.0, 1.0)).powi(fading_days.min(100_000) as i32);
    e.points * keep
}

impl FanLedger {
    /// Adds what `kind` is worth to `creator`, within the daily cap. A mute forgets the creator. `name` is
    /// kept for lists when given.
    pub fn record(&mut self, creator: &str, name: Option<&str>, kind: &SignalKind, at: i64, rules: &FanRules) {
        if !is_valid_id(creator) {
            return;
        }
        if matches!(kind, SignalKind::MuteCreator) {
            self.creators.retain(|e| e.id != creator);
            return;
        }
        let worth = rules.worth(kind);
        if worth <= 0.0 {
            return;
        }
        let named = name.map(|n| clean_text(n).chars().take(MAX_NAME_CHARS).collect::<String>());
        let at_end = self.creators.len();
        let i = self.creators.iter().position(|e| e.id == creator).unwrap_or(at_end);
        if i == at_end {
            self.creators.push(Entry { id: creator.to_string(), ..Entry::default() });
        }
        let e = &mut self.creators[i];
        if let Some(n) = named.filter(|n| !n.is_empty()) {
            e.name = n;
        }
        let same_day = e.active.div_euclid(DAY_S) == at.div_euclid(DAY_S) && e.points > 0.0;
        e.points = faded(e, at, rules);
        if !same_day {
            e.today = 0.0;
        }
        let add = worth.min((rules.daily_cap - e.today).max(0.0));
        e.today += add;
        e.points = (e.points + add).min(MAX_POINTS);
        e.active = e.active.max(at);
        self.evict();
    }

    /// Where the user stands with `creator` at `now`, counting the days followed since `followed_since`.
    pub fn standing(&self, creator: &str, followed_since: Option<i64>, now: i64, rules: &FanRules) -> Standing {
        let entry = self.creators.iter().find(|e| e.id == creator);
        let points = self.points(creator, followed_since, now, rules);
        let level = rules.level(points);
        let i = level.index() as usize;
        let next = FanLevel::ALL.get(i + 1).map(|l| (*l, rules.thresholds[i]));
        let floor = if i == 0 { 0.0 } else { rules.thresholds[i - 1] };
        let idle_days = entry.filter(|e| e.points > 0.0).map(|e| now.saturating_sub(e.active) / DAY_S);
        Standing {
            level,
            points,
            next,
            floor,
            fading: idle_days.is_some_and(|d| d > rules.grace_days),
            grace_left: idle_days.filter(|d| *d <= rules.grace_days).map(|d| rules.grace_days - d),
        }
    }

    /// The level with `creator` (shorthand for share links and events).
    /// Computed without [`FanLedger::standing`], which only the creator and interests pages (lazy chunks) need.
    pub fn level(&self, creator: &str, followed_since: Option<i64>, now: i64, rules: &FanRules) -> FanLevel {
        rules.level(self.points(creator, followed_since, now, rules))
    }

    /// Points with `creator` at `now`: earned (after any fading) plus the days followed.
    fn points(&self, creator: &str, followed_since: Option<i64>, now: i64, rules: &FanRules) -> f64 {
        let earned = self.creators.iter().find(|e| e.id == creator).map_or(0.0, |e| faded(e, now, rules));
        let follow_days = followed_since.map_or(0, |s| (now.saturating_sub(s) / DAY_S).clamp(0, rules.follow_days_max));
        earned + follow_days as f64 * rules.per_day_followed
    }

    /// Every creator with any earned points, highest first.
    pub fn entries(&self, now: i64, rules: &FanRules) -> Vec<FanEntry> {
        let mut out: Vec<FanEntry> = self
            .creators
            .iter()
            .map(|e| FanEntry {
                id: e.id.clone(),
                name: e.name.clone(),
                standing: self.standing(&e.id, None, now, rules),
            })
            .filter(|f| f.standing.points >= 0.5)
            .collect();
        out.sort_by(|a, b| b.standing.points.total_cmp(&a.standing.points).then_with(|| a.id.cmp(&b.id)));
        out
    }

    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.creators.is_empty()
    }

    /// Serialises as a versioned document for local storage.
    pub fn to_json(&self) -> String {
        /// The stored document's shape; written straight to text (no `Value` serializer in the first load).
        #[derive(Serialize)]
        struct Doc<'a> {
            version: u64,
            creators: &'a [Entry],
        }
        serde_json::to_string(&Doc { version: VERSION, creators: &self.creators }).unwrap_or_default()
    }

    /// Reads a stored document. A wrong version or an oversized document is refused; a bad entry is skipped
    /// and numbers are bounded, so hostile storage can neither crash the app nor fake a level past the cap.
    pub fn from_json(json: &str) -> Result<FanLedger, String> {
        let doc = super::read_versioned(json, "fan levels", MAX_JSON_BYTES, VERSION)?;
        let mut kept: Vec<Entry> = Vec::new();
        for v in doc.get("creators").and_then(Value::as_array).into_iter().flatten() {
            if kept.len() == MAX_CREATORS {
                break;
            }
            let Some(id) = v.get("id").and_then(Value::as_str) else { continue };
            let num = |k: &str| v.get(k).and_then(Value::as_f64).filter(|n| n.is_finite() && *n >= 0.0);
            let (Some(points), Some(active)) = (num("points"), v.get("active").and_then(Value::as_i64)) else {
                continue;
            };
            if !is_valid_id(id) || active < 0 || kept.iter().any(|e| e.id == id) {
                continue;
            }
            let name = v.get("name").and_then(Value::as_str).unwrap_or("");
            let entry = Entry {
                id: id.to_string(),
                name: clean_text(name).chars().take(MAX_NAME_CHARS).collect(),
                points: points.min(MAX_POINTS),
                active,
                today: num("today").unwrap_or(0.0).min(MAX_POINTS),
            };
            kept.push(entry);
        }
        Ok(FanLedger { creators: kept })
    }

    /// Forgets the creators with the fewest points past [`MAX_CREATORS`].
    fn evict(&mut self) {
        while self.creators.len() > MAX_CREATORS {
            let least =
                (0..self.creators.len()).min_by(|a, b| self.creators[*a].points.total_cmp(&self.creators[*b].points));
            match least {
                Some(i) => self.creators.swap_remove(i),
                None => break,
            };
        }
    }
}

#[cfg(test)]
#[path = "fans_tests.rs"]
mod tests;
