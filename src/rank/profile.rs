//! The local interest profile: decayed affinities per topic, creator, kind, campaign and price band, in a
//! short-term (hours) and a long-term (weeks) memory, plus hidden items, muted creators, seen items and the
//! recent signals. Bounded in every direction, versioned, and never trusted when read back.

use std::collections::{BTreeMap, VecDeque};
use std::fmt;

use serde::{Deserialize, Serialize};

use super::candidate::kind_key;
use super::config::RankConfig;
use super::signal::{Signal, SignalKind};
use crate::model::text::is_valid_id;
use crate::model::Embedding;

/// Version of the serialised profile this build writes. Version 2 added the engaged items' embeddings
/// (`engaged`); a version 1 profile migrates with an empty list.
pub const PROFILE_VERSION: u32 = 2;

/// Largest accumulated weight one engaged item may carry, so a replayed or hostile profile cannot make one
/// item outweigh everything else.
pub const MAX_ENGAGED_WEIGHT: f64 = 20.0;

/// An item the user engaged with (opened, dwelt on, liked, shared, hid), with its embedding: the session
/// model's memory. Kept compact (the contract's int8 form) and bounded by `RankConfig::engaged_len`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Engaged {
    /// Item id.
    pub item: String,
    /// Unix seconds of the latest engagement with it.
    pub at: i64,
    /// Sum of the signal weights (negative for "not interested").
    pub w: f64,
    /// The item's embedding.
    pub e: Embedding,
    /// `e` decoded, filled when the entry is made or read back, so a re-rank decodes nothing.
    #[serde(skip)]
    pub v: Vec<f32>,
}

/// An affinity value as of a moment; it decays from there.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Aff {
    /// Value at `at`.
    pub v: f64,
    /// Unix seconds.
    pub at: i64,
}

/// The factor something of `age` has decayed by, halving every `half_life` (same unit); 1 when the
/// half-life is not positive (no decay). Every decay in the ranker uses it, so they agree to the bit.
pub fn halved(age: f64, half_life: f64) -> f64 {
    if half_life > 0.0 {
        (-(age / half_life) * std::f64::consts::LN_2).exp()
    } else {
        1.0
    }
}

impl Aff {
    /// Value at `now` with the given half-life in seconds.
    pub fn at(&self, now: i64, half_life_s: f64) -> f64 {
        self.v * halved((now - self.at).max(0) as f64, half_life_s)
    }
}

/// One memory (short or long): affinities per dimension.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Affinities {
    /// By topic id.
    #[serde(default)]
    pub topic: BTreeMap<String, Aff>,
    /// By creator id.
    #[serde(default)]
    pub creator: BTreeMap<String, Aff>,
    /// By kind (`note`, `video`, `live`).
    #[serde(default)]
    pub kind: BTreeMap<String, Aff>,
    /// By campaign id.
    #[serde(default)]
    pub campaign: BTreeMap<String, Aff>,
    /// By price band.
    #[serde(default)]
    pub price: BTreeMap<String, Aff>,
}

impl Affinities {
    /// The map of one dimension.
    pub fn get(&self, d: Dim) -> &BTreeMap<String, Aff> {
        dim_map(self, d)
    }

    fn dims_mut(&mut self) -> [&mut BTreeMap<String, Aff>; 5] {
        [&mut self.topic, &mut self.creator, &mut self.kind, &mut self.campaign, &mut self.price]
    }
}

/// Dimensions of the profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dim {
    /// Topics.
    Topic,
    /// Creators.
    Creator,
    /// Kinds.
    Kind,
    /// Campaigns.
    Campaign,
    /// Price bands.
    Price,
}

fn dim_map(a: &Affinities, d: Dim) -> &BTreeMap<String, Aff> {
    match d {
        Dim::Topic => &a.topic,
        Dim::Creator => &a.creator,
        Dim::Kind => &a.kind,
        Dim::Campaign => &a.campaign,
        Dim::Price => &a.price,
    }
}

fn dim_map_mut(a: &mut Affinities, d: Dim) -> &mut BTreeMap<String, Aff> {
    match d {
        Dim::Topic => &mut a.topic,
        Dim::Creator => &mut a.creator,
        Dim::Kind => &mut a.kind,
        Dim::Campaign => &mut a.campaign,
        Dim::Price => &mut a.price,
    }
}

/// The user's interest profile. Lives only on the device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Serialisation version.
    pub version: u32,
    /// Hours-scale memory.
    #[serde(default)]
    pub short: Affinities,
    /// Weeks-scale memory.
    #[serde(default)]
    pub long: Affinities,
    /// Items hidden with "not interested", with when.
    #[serde(default)]
    pub hidden: BTreeMap<String, i64>,
    /// Muted creators, with when.
    #[serde(default)]
    pub muted: BTreeMap<String, i64>,
    /// Items shown (impressions), with when last shown.
    #[serde(default)]
    pub seen: BTreeMap<String, i64>,
    /// Most recent signals, oldest first.
    #[serde(default)]
    pub history: VecDeque<Signal>,
    /// Items engaged with that had an embedding, least recently engaged first. Read back by hand in
    /// [`Profile::from_json`] (a derived reader for the list cost 1 KB of gzip wasm); a bad entry is dropped.
    #[serde(default, skip_deserializing)]
    pub engaged: VecDeque<Engaged>,
}

impl Default for Profile {
    fn default() -> Self {
        Self {
            version: PROFILE_VERSION,
            short: Affinities::default(),
            long: Affinities::default(),
            hidden: BTreeMap::new(),
            muted: BTreeMap::new(),
            seen: BTreeMap::new(),
            history: VecDeque::new(),
            engaged: VecDeque::new(),
        }
    }
}

impl Engaged {
    /// Reads one stored entry; `None` for anything that is not `{item, at, w, e: {scale, q}}` with the
    /// right types (bounds are checked by `sanitise`).
    fn from_value(v: &serde_json::Value) -> Option<Engaged> {
        let e = v.get("e")?;
        Some(Engaged {
            item: v.get("item")?.as_str()?.to_string(),
            at: v.get("at")?.as_i64()?,
            w: v.get("w")?.as_f64()?,
            e: Embedding { scale: e.get("scale")?.as_f64()?, q: e.get("q")?.as_str()?.to_string() },
            v: Vec::new(),
        })
    }
}

/// Why a stored profile was not used (it is then reset, and the reason logged).
#[derive(Clone, Debug, PartialEq)]
pub enum ProfileError {
    /// Not JSON or not a profile.
    Corrupt(String),
    /// Written by a newer (or unknown) build.
    UnknownVersion(u64),
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfileError::Corrupt(m) => write!(f, "corrupt interest profile: {m}"),
            ProfileError::UnknownVersion(v) => write!(f, "interest profile version {v} is not supported"),
        }
    }
}

/// Removes the entry with the smallest key `rank` while the map is over `cap`.
fn bound<V>(map: &mut BTreeMap<String, V>, cap: usize, rank: impl Fn(&V) -> f64) {
    while map.len() > cap {
        let weakest = map.iter().min_by(|a, b| rank(a.1).total_cmp(&rank(b.1))).map(|(k, _)| k.clone());
        match weakest {
            Some(k) => {
                map.remove(&k);
            }
            None => break,
        }
    }
}

impl Profile {
    /// How much a signal moves the profile (before dimension factors).
    pub fn signal_weight(kind: &SignalKind, cfg: &RankConfig) -> f64 {
        let w = &cfg.signals;
        match kind {
            SignalKind::Impression => w.impression,
            SignalKind::CardDwell { ms } => (f64::from(*ms) / 1000.0 - 1.0).max(0.0) * w.card_dwell_per_s,
            SignalKind::Open => w.open,
            SignalKind::ItemDwell { ms } => (f64::from(*ms) / 10_000.0 * w.item_dwell_per_10s).min(w.item_dwell_cap),
            SignalKind::Like => w.like,
            SignalKind::Share => w.share,
            SignalKind::Follow => w.follow,
            SignalKind::CreatorVisit => w.creator_visit,
            SignalKind::VideoWatched { fraction } => {
                if fraction.is_finite() {
                    fraction.clamp(0.0, 1.0) * w.video_watched
                } else {
                    0.0
                }
            }
            SignalKind::Hide => w.hide,
            SignalKind::LessLikeThis { .. } => w.less_topic,
            SignalKind::MuteCreator => 0.0,
        }
        .min(if matches!(kind, SignalKind::CardDwell { .. }) { w.dwell_cap } else { f64::INFINITY })
    }

    /// Learns from one signal.
    pub fn apply(&mut self, signal: &Signal, cfg: &RankConfig) {
        let t = &signal.target;
        let at = signal.at;
        match &signal.kind {
            SignalKind::Impression => {
                self.seen.insert(t.item.clone(), at);
                bound(&mut self.seen, cfg.seen_len, |ts| *ts as f64);
            }
            SignalKind::Hide => {
                self.hidden.insert(t.item.clone(), at);
                bound(&mut self.hidden, cfg.hidden_len, |ts| *ts as f64);
            }
            SignalKind::MuteCreator => {
                self.muted.insert(t.creator.clone(), at);
                bound(&mut self.muted, cfg.hidden_len, |ts| *ts as f64);
            }
            _ => {}
        }
        let w = Self::signal_weight(&signal.kind, cfg);
        let f = &cfg.dims;
        let mut updates: Vec<(Dim, &str, f64)> = Vec::with_capacity(8);
        match &signal.kind {
            SignalKind::Follow | SignalKind::CreatorVisit => updates.push((Dim::Creator, &t.creator, w)),
            SignalKind::LessLikeThis { topic } => updates.push((Dim::Topic, topic, w)),
            SignalKind::MuteCreator => {}
            _ => {
                let share = f.topic / (t.topics.len().max(1) as f64).sqrt();
                for topic in &t.topics {
                    updates.push((Dim::Topic, topic, w * share));
                }
                updates.push((Dim::Creator, &t.creator, w * f.creator));
                updates.push((Dim::Kind, kind_key(t.kind), w * f.kind));
                if let Some(c) = &t.campaign {
                    updates.push((Dim::Campaign, c, w * f.campaign));
                }
                if let Some(p) = &t.price_band {
                    updates.push((Dim::Price, p, w * f.price));
                }
            }
        }
        let short_hl = cfg.short_half_life_h * 3600.0;
        let long_hl = cfg.long_half_life_h * 3600.0;
        for (dim, key, delta) in updates {
            if delta == 0.0 || !delta.is_finite() {
                continue;
            }
            for (mem, hl) in [(&mut self.short, short_hl), (&mut self.long, long_hl)] {
                let map = dim_map_mut(mem, dim);
                let current = map.get(key).map_or(0.0, |a| a.at(at, hl));
                map.insert(key.to_string(), Aff { v: current + delta, at });
                bound(map, cfg.top_k, |a| a.at(at, hl).abs());
            }
        }
        self.remember_engaged(signal, w, cfg);
        if signal.kind.is_meaningful() || matches!(signal.kind, SignalKind::Impression) {
            self.history.push_back(signal.clone());
            while self.history.len() > cfg.history_len {
                self.history.pop_front();
            }
        }
    }

    /// Adds an item-level signal to the session model's memory: impressions and card dwell stay out (weak,
    /// frequent, and untested on real logs; they act through `seen` and the affinities), and so do the
    /// creator- and topic-level signals, which say nothing about one item's neighbours.
    fn remember_engaged(&mut self, signal: &Signal, w: f64, cfg: &RankConfig) {
        let item_level = matches!(
            signal.kind,
            SignalKind::Open
                | SignalKind::ItemDwell { .. }
                | SignalKind::Like
                | SignalKind::Share
                | SignalKind::VideoWatched { .. }
                | SignalKind::Hide
        );
        let Some(e) = signal.target.embedding.as_deref() else { return };
        if !item_level || w == 0.0 || !w.is_finite() || cfg.engaged_len == 0 {
            return;
        }
        let id = &signal.target.item;
        let existing = self.engaged.iter().position(|x| &x.item == id).and_then(|i| self.engaged.remove(i));
        let mut entry = existing.unwrap_or_else(|| {
            let e = Embedding::encode(e);
            let v = e.decode(None).unwrap_or_default();
            Engaged { item: id.clone(), at: signal.at, w: 0.0, e, v }
        });
        entry.w = (entry.w + w).clamp(-MAX_ENGAGED_WEIGHT, MAX_ENGAGED_WEIGHT);
        entry.at = entry.at.max(signal.at);
        self.engaged.push_back(entry);
        while self.engaged.len() > cfg.engaged_len {
            self.engaged.pop_front();
        }
    }

    /// Combined affinity (short + long share) of one key at `now`.
    pub fn affinity(&self, dim: Dim, key: &str, now: i64, cfg: &RankConfig) -> f64 {
        let s = dim_map(&self.short, dim).get(key).map_or(0.0, |a| a.at(now, cfg.short_half_life_h * 3600.0));
        let l = dim_map(&self.long, dim).get(key).map_or(0.0, |a| a.at(now, cfg.long_half_life_h * 3600.0));
        s + cfg.long_share * l
    }

    /// All keys of a dimension with their combined affinity at `now`, strongest first.
    pub fn top(&self, dim: Dim, now: i64, cfg: &RankConfig) -> Vec<(String, f64)> {
        let mut keys: Vec<&String> = dim_map(&self.short, dim).keys().chain(dim_map(&self.long, dim).keys()).collect();
        keys.sort();
        keys.dedup();
        let mut out: Vec<(String, f64)> =
            keys.into_iter().map(|k| (k.clone(), self.affinity(dim, k, now, cfg))).collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }

    /// How many signals of a kind concerned a topic since `since` (for "you opened 3 数码 posts today").
    pub fn count_since(&self, topic: &str, since: i64, pred: impl Fn(&SignalKind) -> bool) -> u32 {
        self.history
            .iter()
            .filter(|s| s.at >= since && pred(&s.kind) && s.target.topics.iter().any(|t| t == topic))
            .count() as u32
    }

    /// Serialises the profile (for local storage and export).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored or imported profile. Older versions are migrated; a newer version or anything corrupt
    /// is an error (the caller resets and says why). Whatever parses is sanitised: non-finite numbers and
    /// invalid ids are dropped and every collection is cut to its bound.
    pub fn from_json(json: &str, cfg: &RankConfig) -> Result<Profile, ProfileError> {
        if json.len() > 4 * 1024 * 1024 {
            return Err(ProfileError::Corrupt("larger than 4 MiB".into()));
        }
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| ProfileError::Corrupt(e.to_string()))?;
        let version = value
            .get("version")
            .and_then(serde_json::Value::as_u64)
            .ok_or_else(|| ProfileError::Corrupt("missing version".into()))?;
        let mut value = migrate(value, version)?;
        let engaged = value.as_object_mut().and_then(|o| o.remove("engaged"));
        let mut p: Profile = serde_json::from_value(value).map_err(|e| ProfileError::Corrupt(e.to_string()))?;
        p.engaged = engaged
            .as_ref()
            .and_then(serde_json::Value::as_array)
            .map_or_else(VecDeque::new, |list| list.iter().filter_map(Engaged::from_value).collect());
        p.sanitise(cfg);
        Ok(p)
    }

    fn sanitise(&mut self, cfg: &RankConfig) {
        self.version = PROFILE_VERSION;
        for mem in [&mut self.short, &mut self.long] {
            for map in mem.dims_mut() {
                map.retain(|k, a| a.v.is_finite() && k.len() <= 64 && !k.is_empty());
                let newest = map.values().map(|a| a.at).max().unwrap_or(0);
                bound(map, cfg.top_k, |a| a.at(newest, cfg.long_half_life_h * 3600.0).abs());
            }
        }
        for (map, cap) in
            [(&mut self.hidden, cfg.hidden_len), (&mut self.muted, cfg.hidden_len), (&mut self.seen, cfg.seen_len)]
        {
            map.retain(|k, _| is_valid_id(k));
            bound(map, cap, |ts| *ts as f64);
        }
        self.history.retain(|s| is_valid_id(&s.target.item) && is_valid_id(&s.target.creator));
        while self.history.len() > cfg.history_len {
            self.history.pop_front();
        }
        let mut ids = std::collections::HashSet::new();
        self.engaged.retain_mut(|x| {
            let Ok(v) = x.e.decode(None) else { return false };
            x.v = v;
            is_valid_id(&x.item) && x.w.is_finite() && x.w.abs() <= MAX_ENGAGED_WEIGHT && ids.insert(x.item.clone())
        });
        while self.engaged.len() > cfg.engaged_len {
            self.engaged.pop_front();
        }
    }
}

/// Brings an older serialised profile up to [`PROFILE_VERSION`], one step per version: each step rewrites
/// the JSON of the version before.
fn migrate(mut value: serde_json::Value, version: u64) -> Result<serde_json::Value, ProfileError> {
    let mut version = version;
    loop {
        match version {
            // Version 1 had no engaged items: everything it learned stays, the session model starts empty.
            1 => {
                if let Some(obj) = value.as_object_mut() {
                    obj.insert("engaged".into(), serde_json::Value::Array(Vec::new()));
                    obj.insert("version".into(), serde_json::Value::from(2));
                }
                version = 2;
            }
            2 => return Ok(value),
            v => return Err(ProfileError::UnknownVersion(v)),
        }
    }
}
