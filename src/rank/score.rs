//! The score of one candidate, kept as a breakdown so every placement can be explained.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::candidate::{kind_key, Candidate};
use super::config::RankConfig;
use super::profile::{Dim, Profile};
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
    /// Freshness.
    pub fresh: f64,
    /// Live-now boost.
    pub live_now: f64,
    /// Active-campaign boost.
    pub campaign_active: f64,
    /// Already-seen penalty (negative).
    pub seen: f64,
    /// Sum of the terms.
    pub total: f64,
}

/// Affinities of every profile key at one moment, squashed, ready for fast lookups while scoring many items.
pub struct Snapshot {
    dims: [HashMap<String, f64>; 5],
    scale: f64,
}

impl Snapshot {
    /// Evaluates the profile at `now`.
    pub fn new(profile: &Profile, now: i64, cfg: &RankConfig) -> Self {
        let dim = |d: Dim| profile.top(d, now, cfg).into_iter().collect::<HashMap<String, f64>>();
        Self {
            dims: [dim(Dim::Topic), dim(Dim::Creator), dim(Dim::Kind), dim(Dim::Campaign), dim(Dim::Price)],
            scale: cfg.affinity_scale,
        }
    }

    /// Squashed affinity in -1..1 (0 for unknown keys).
    pub fn get(&self, dim: Dim, key: &str) -> f64 {
        let i = match dim {
            Dim::Topic => 0,
            Dim::Creator => 1,
            Dim::Kind => 2,
            Dim::Campaign => 3,
            Dim::Price => 4,
        };
        self.dims[i].get(key).map_or(0.0, |v| (v / self.scale).tanh())
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

/// Scores one candidate. `server_norm` is its server score normalised over the candidate set (0..1).
pub fn score(
    c: &Candidate,
    server_norm: f64,
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
    let mut b = Breakdown {
        server: w.server * server_norm,
        topic: w.topic * topic_aff,
        best_topic: best_topic.filter(|_| topic_aff != 0.0).map(str::to_string),
        creator: w.creator * snap.get(Dim::Creator, &c.creator),
        kind: w.kind * snap.get(Dim::Kind, kind_key(c.kind)),
        campaign: c.campaign.as_deref().map_or(0.0, |k| w.campaign * snap.get(Dim::Campaign, k)),
        price: c.price_band.map_or(0.0, |p| w.price * snap.get(Dim::Price, p)),
        followed: if ctx.followed.contains(&c.creator) { w.followed } else { 0.0 },
        fresh: w.fresh * (-(age_h / cfg.fresh_half_life_h) * std::f64::consts::LN_2).exp(),
        live_now: if c.live_now { w.live_now } else { 0.0 },
        campaign_active: w.campaign_active * campaign_active,
        seen: if profile.seen.contains_key(&c.id) { -w.seen } else { 0.0 },
        total: 0.0,
    };
    b.total = b.server
        + b.topic
        + b.creator
        + b.kind
        + b.campaign
        + b.price
        + b.followed
        + b.fresh
        + b.live_now
        + b.campaign_active
        + b.seen;
    b
}

/// Normalises server scores over a candidate set to 0..1 (min-max); items without one get 0.5.
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
