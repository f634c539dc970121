//! The score of one candidate, kept as a breakdown so every placement can be explained.

use std::collections::HashSet;

use serde::Serialize;

use super::candidate::{kind_key, Candidate};
use super::config::RankConfig;
use super::intern::{hash, HashIds};
use super::profile::{halved, Dim, Profile};
use crate::model::Campaign;

/// What the ranker knows besides the profile.
#[derive(Clone, Debug, Default)]
pub struct RankContext {
    /// Unix seconds now.
    pub now: i64,
    /// Creators the user follows.
    pub followed: HashSet<String>,
    /// Campaigns with their windows and boosts.
    pub campaigns: Vec<Campaign>,
}

/// Each weighted term of a score; `total` is their sum.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Breakdown {
    /// Normalised server score, weighted.
    pub server: f64,
    /// Topic affinity, weighted.
    pub topic: f64,
    /// The topic that contributed most, if any.
    pub best_topic: Option<String>,
    /// Creator affinity, weighted.
    pub creator: f64,
    /// Kind affinity, weighted.
    pub kind: f64,
    /// Campaign affinity, weighted.
    pub campaign: f64,
    /// Price-band affinity, weighted.
    pub price: f64,
    /// Followed-creator boost.
    pub followed: f64,
    /// Boost for a collaborator of a followed creator.
    pub collab: f64,
    /// The followed creator behind `collab`, for the explanation.
    pub collab_with: Option<String>,
    /// Freshness.
    pub fresh: f64,
    /// Live-now boost.
    pub live_now: f64,
    /// Active-campaign boost.
    pub campaign_active: f64,
    /// Already-seen penalty (negative).
    pub seen: f64,
    /// Similarity to what the user engaged with this session (the session model), weighted and gated.
    pub embed: f64,
    /// Sum of the terms.
    pub total: f64,
}

/// Affinities of every profile key at one moment, squashed, keyed by the keys' hashes
/// ([`super::intern::hash`]) so scoring many items looks them up by the hashes candidates carry.
pub struct Snapshot {
    dims: [DimTable; 5],
}

/// One dimension of a [`Snapshot`].
struct DimTable {
    ids: HashIds,
    /// Squashed affinity by id.
    values: Vec<f64>,
}

fn dim_index(dim: Dim) -> usize {
    match dim {
        Dim::Topic => 0,
        Dim::Creator => 1,
        Dim::Kind => 2,
        Dim::Campaign => 3,
        Dim::Price => 4,
    }
}

impl Snapshot {
    /// Evaluates the profile at `now`.
    pub fn new(profile: &Profile, now: i64, cfg: &RankConfig) -> Self {
        let (short_hl, long_hl) = (cfg.short_half_life_h * 3600.0, cfg.long_half_life_h * 3600.0);
        // The same combined affinity as `Profile::affinity`, summed map by map instead of key by key.
        let dim = |d: Dim| {
            let (short, long) = (profile.short.get(d), profile.long.get(d));
            let mut t = DimTable { ids: HashIds::with_capacity(short.len() + long.len()), values: Vec::new() };
            let weighted = short.iter().map(|(k, a)| (k, a.at(now, short_hl)));
            for (k, v) in weighted.chain(long.iter().map(|(k, a)| (k, cfg.long_share * a.at(now, long_hl)))) {
                let id = t.ids.id(hash(k)) as usize;
                if id == t.values.len() {
                    t.values.push(0.0);
                }
                t.values[id] += v;
            }
            for v in &mut t.values {
                *v = (*v / cfg.affinity_scale).tanh();
            }
            t
        };
        Self { dims: [dim(Dim::Topic), dim(Dim::Creator), dim(Dim::Kind), dim(Dim::Campaign), dim(Dim::Price)] }
    }

    /// Squashed affinity in -1..1 (0 for unknown keys).
    pub fn get(&self, dim: Dim, key: &str) -> f64 {
        self.get_hashed(dim, hash(key))
    }

    /// The same for the key with hash `h`.
    pub fn get_hashed(&self, dim: Dim, h: u64) -> f64 {
        let t = &self.dims[dim_index(dim)];
        t.ids.get(h).and_then(|id| t.values.get(id as usize).copied()).unwrap_or(0.0)
    }

    /// Strongest (squashed) affinity among the item's topics, with the topic; `(0, None)` if none is known.
    pub fn best_topic<'a>(&self, c: &'a Candidate) -> (f64, Option<&'a str>) {
        let mut best: (f64, Option<&str>) = (0.0, None);
        let mut sum = 0.0;
        for t in &c.topics {
            let a = self.get(Dim::Topic, t);
            sum += a;
            if best.1.is_none() || a > best.0 {
                best = (a, Some(t.as_str()));
            }
        }
        // A mix of the best topic and the average, so a second, disliked topic still counts against it.
        let n = c.topics.len().max(1) as f64;
        let value = 0.7 * best.0 + 0.3 * sum / n;
        (value, best.1)
    }
}

/// The session model: a decayed, weighted average of the embeddings of the items engaged with, in order
/// (recent ones weigh more; "not interested" pushes away), and how much to trust it. An item's affinity
/// is its dot product with this vector, which approximates its summed item-kNN similarity to them.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionModel {
    /// The session vector.
    pub u: Vec<f32>,
    /// Evidence gate in 0..1: `E / (E + gate_half)` with `E` the decayed weight of the engagement, both
    /// ways.
    pub gate: f64,
}

impl SessionModel {
    /// Builds the model from the profile's engaged items at `now`; `None` with nothing to go on.
    pub fn new(profile: &Profile, now: i64, cfg: &RankConfig) -> Option<Self> {
        let mut u: Vec<f32> = Vec::new();
        // The decayed engagement weight, both ways: it normalises the vector and is the gate's evidence
        // ("not interested" is evidence too: it is explicit, and a user expects its neighbours to go).
        let mut evidence = 0.0f64;
        let half_life = cfg.embed_half_life_h * 3600.0;
        for (k, x) in profile.engaged.iter().rev().enumerate() {
            let e = &x.v;
            if e.is_empty() {
                continue;
            }
            if u.is_empty() {
                u = vec![0.0; e.len()];
            }
            if e.len() != u.len() {
                continue;
            }
            let recency = if cfg.embed_recency > 0.0 { (-(k as f64) / cfg.embed_recency).exp() } else { 1.0 };
            let decay = halved((now - x.at).max(0) as f64, half_life);
            let w = if x.w < 0.0 { x.w * cfg.embed_negative } else { x.w } * recency * decay;
            if !w.is_finite() || w == 0.0 {
                continue;
            }
            for (a, b) in u.iter_mut().zip(e) {
                *a += (w as f32) * b;
            }
            evidence += w.abs();
        }
        if evidence <= 0.0 || u.is_empty() {
            return None;
        }
        for a in &mut u {
            *a /= evidence as f32;
        }
        Some(SessionModel { u, gate: evidence / (evidence + cfg.gate_half.max(1e-9)) })
    }

    /// The item's affinity, or `None` when it has no embedding of the session's dimension.
    pub fn affinity(&self, e: Option<&[f32]>) -> Option<f64> {
        e.filter(|e| e.len() == self.u.len()).map(|e| f64::from(super::train::lane_dot(&self.u, e)))
    }
}

/// Session affinities of the candidates as z-scores over those that have one (clamped to ±3; 0 for
/// the rest, and for all when there is no session model), so one weight works whatever the embedding's
/// scale.
pub fn session_scores(cands: &[&Candidate], model: Option<&SessionModel>) -> Vec<f64> {
    let mut out = vec![0.0; cands.len()];
    let Some(model) = model else { return out };
    // One pass for the raw affinities (NaN marks "none"), one for the moments, one to standardise: plain
    // loops, as this runs for every candidate of every re-rank.
    let (mut n, mut sum, mut sq) = (0.0, 0.0, 0.0);
    for (o, c) in out.iter_mut().zip(cands) {
        *o = match c.embedding.as_deref() {
            Some(e) if e.len() == model.u.len() => f64::from(super::train::lane_dot(&model.u, e)),
            _ => f64::NAN,
        };
        if !o.is_nan() {
            n += 1.0;
            sum += *o;
            sq += *o * *o;
        }
    }
    let mean = if n > 0.0 { sum / n } else { 0.0 };
    let sd = if n > 0.0 { (sq / n - mean * mean).max(0.0).sqrt() } else { 0.0 };
    let usable = n >= 2.0 && sd > 1e-12;
    for o in &mut out {
        *o = if usable && !o.is_nan() { ((*o - mean) / sd).clamp(-3.0, 3.0) } else { 0.0 };
    }
    out
}

/// Scores one candidate. `server_norm` is its server score normalised over the candidate set (0..1);
/// `embed_z` its session affinity as a z-score over the set ([`session_scores`]), and `gate` the session
/// model's gate (0 without one).
#[allow(clippy::too_many_arguments)]
pub fn score(
    c: &Candidate,
    server_norm: f64,
    embed_z: f64,
    gate: f64,
    snap: &Snapshot,
    profile: &Profile,
    ctx: &RankContext,
    cfg: &RankConfig,
) -> Breakdown {
    let w = &cfg.score;
    let (topic_aff, best_topic) = snap.best_topic(c);
    let age_h = (ctx.now - c.published_ts).max(0) as f64 / 3600.0;
    let campaign_active = c
        .campaign
        .as_deref()
        .and_then(|id| ctx.campaigns.iter().find(|k| k.id == id))
        .filter(|k| k.is_active(ctx.now))
        .map_or(0.0, |k| k.boost);
    let collab_with =
        c.collabs.iter().find(|x| ctx.followed.contains(*x)).filter(|_| !ctx.followed.contains(&c.creator));
    let mut b = Breakdown {
        server: w.server * server_norm,
        topic: w.topic * topic_aff,
        best_topic: best_topic.filter(|_| topic_aff != 0.0).map(str::to_string),
        creator: w.creator * snap.get(Dim::Creator, &c.creator),
        kind: w.kind * snap.get(Dim::Kind, kind_key(c.kind)),
        campaign: c.campaign.as_deref().map_or(0.0, |k| w.campaign * snap.get(Dim::Campaign, k)),
        price: c.price_band.map_or(0.0, |p| w.price * snap.get(Dim::Price, p)),
        followed: if ctx.followed.contains(&c.creator) { w.followed } else { 0.0 },
        collab: if collab_with.is_some() { w.collab } else { 0.0 },
        collab_with: collab_with.cloned(),
        fresh: w.fresh * halved(age_h, cfg.fresh_half_life_h),
        live_now: if c.live_now { w.live_now } else { 0.0 },
        campaign_active: w.campaign_active * campaign_active,
        seen: if profile.seen.contains_key(&c.id) { -w.seen } else { 0.0 },
        embed: w.embed * gate * embed_z,
        total: 0.0,
    };
    b.total = b.server
        + b.topic
        + b.creator
        + b.kind
        + b.campaign
        + b.price
        + b.followed
        + b.collab
        + b.fresh
        + b.live_now
        + b.campaign_active
        + b.seen
        + b.embed;
    b
}

/// Normalises server scores over a candidate set to 0..1 (min-max); items without one get 0.5. (Ranks,
/// `k / (k + rank)`, were tried on the MovieLens validation split for k = 20, 60 and 200 and lost.)
pub fn normalised_server_scores(cands: &[&Candidate]) -> Vec<f64> {
    let (lo, hi) = cands
        .iter()
        .filter_map(|c| c.server_score.filter(|s| s.is_finite()))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), s| (lo.min(s), hi.max(s)));
    cands
        .iter()
        .map(|c| match c.server_score.filter(|s| s.is_finite()) {
            Some(s) if hi > lo => (s - lo) / (hi - lo),
            Some(_) => 1.0,
            None => 0.5,
        })
        .collect()
}
