//! Re-ranking the unseen tail: score every candidate once, with the profile's affinities looked up per
//! interned key rather than per item, then fill the slots greedily under the diversity rules ([`place`]).
//!
//! The caller passes only what the user has not been shown; what was shown never moves.

use std::borrow::Borrow;

use super::candidate::{band_index, kind_key, Candidate, Keys, KEYED_TOPICS, PRICE_BANDS};
use super::config::RankConfig;
use super::intern::{hash, HashIds};
use super::place::{place, Entry, Feat};
use super::profile::{Dim, Profile};
use super::score::{normalised_server_scores, score, session_scores, RankContext, SessionModel, Snapshot};
use super::sort::best_first;
use crate::model::Kind;

/// One slot of the re-ranked tail.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// Index of the candidate in the input slice.
    pub index: usize,
    /// Its score (before the diversity adjustments of its slot).
    pub total: f64,
    /// Its server score normalised over the pool, kept so the breakdown can be recomputed for "why".
    pub server_norm: f64,
    /// Its session affinity as a z-score over the pool, kept for the same reason.
    pub embed_z: f64,
    /// Placed by exploration rather than by score.
    pub explored: bool,
}

/// Whether the user asked never to see this item or creator again.
pub fn is_blocked(c: &Candidate, profile: &Profile) -> bool {
    profile.hidden.contains_key(&c.id) || profile.muted.contains_key(&c.creator)
}

fn kind_index(k: Kind) -> u8 {
    match k {
        Kind::Note => 0,
        Kind::Video => 1,
        Kind::Live => 2,
    }
}

/// The creators, topics and campaigns of one re-rank as dense ids, from the candidates' key hashes.
struct Ids {
    creators: HashIds,
    topics: HashIds,
    campaigns: HashIds,
}

impl Ids {
    fn new(items: usize) -> Self {
        Ids {
            creators: HashIds::with_capacity(items / 2),
            topics: HashIds::with_capacity(64),
            campaigns: HashIds::with_capacity(16),
        }
    }

    /// The diversity features and the campaign id of a candidate.
    fn feat(&mut self, c: &Candidate, k: &Keys) -> (Feat, Option<u32>) {
        let mut f = Feat { creator: self.creators.id(k.creator), kind: kind_index(c.kind), ..Feat::default() };
        let n_topics = usize::from(k.n_topics).min(KEYED_TOPICS);
        for j in 0..n_topics {
            f.topics[j] = self.topics.id(k.topics[j]);
        }
        f.n_topics = n_topics as u8;
        (f, k.campaign.map(|h| self.campaigns.id(h)))
    }
}

/// Per-key score terms looked up once per re-rank, so scoring an item is arithmetic on small arrays.
/// Must stay term-for-term identical to [`score`] (a property test compares the two).
struct Tables {
    topic: Box<[f64]>,
    creator: Box<[f64]>,
    followed: Box<[bool]>,
    /// Hashes of the followed creators, for candidates' collaborators.
    followed_ids: HashIds,
    campaign: Box<[f64]>,
    campaign_active: Box<[f64]>,
    kind: [f64; 3],
    price: [f64; 4],
}

impl Tables {
    fn new(snap: &Snapshot, ids: &Ids, ctx: &RankContext) -> Self {
        let per = |ids: &HashIds, dim: Dim| ids.hashes().iter().map(|h| snap.get_hashed(dim, *h)).collect();
        let mut followed = HashIds::with_capacity(ctx.followed.len());
        for c in &ctx.followed {
            followed.id(hash(c));
        }
        let campaign_hashes: Vec<u64> = ctx.campaigns.iter().map(|c| hash(&c.id)).collect();
        Tables {
            topic: per(&ids.topics, Dim::Topic),
            creator: per(&ids.creators, Dim::Creator),
            followed: ids.creators.hashes().iter().map(|h| followed.contains(*h)).collect(),
            followed_ids: followed,
            campaign: per(&ids.campaigns, Dim::Campaign),
            // The first campaign with the id, as `score` finds it.
            campaign_active: ids
                .campaigns
                .hashes()
                .iter()
                .map(|h| {
                    let first = campaign_hashes.iter().position(|c| c == h);
                    first.filter(|&i| ctx.campaigns[i].is_active(ctx.now)).map_or(0.0, |i| ctx.campaigns[i].boost)
                })
                .collect(),
            kind: [Kind::Note, Kind::Video, Kind::Live].map(|k| snap.get(Dim::Kind, kind_key(k))),
            price: PRICE_BANDS.map(|b| snap.get(Dim::Price, b)),
        }
    }

    /// The score total and whether the item's topics are all of low affinity. `embed` is the weighted,
    /// gated session term, computed for the whole pool at once; `seen` whether the user was shown the item.
    #[allow(clippy::too_many_arguments)]
    fn total(
        &self,
        c: &Candidate,
        f: &Feat,
        campaign_id: Option<u32>,
        server_norm: f64,
        embed: f64,
        seen: bool,
        ctx: &RankContext,
        cfg: &RankConfig,
    ) -> (f64, bool) {
        let w = &cfg.score;
        let mut best: (f64, bool) = (0.0, false);
        let mut sum = 0.0;
        for j in 0..usize::from(f.n_topics).min(KEYED_TOPICS) {
            let a = self.topic[f.topics[j] as usize];
            sum += a;
            if !best.1 || a > best.0 {
                best = (a, true);
            }
        }
        let n = f64::from(f.n_topics.max(1));
        let topic_aff = 0.7 * best.0 + 0.3 * sum / n;
        let age_h = (ctx.now - c.published_ts).max(0) as f64 / 3600.0;
        let server = w.server * server_norm;
        let topic = w.topic * topic_aff;
        let creator = w.creator * self.creator[f.creator as usize];
        let kind = w.kind * self.kind[usize::from(f.kind)];
        let campaign = campaign_id.map_or(0.0, |k| w.campaign * self.campaign[k as usize]);
        let price = c.price_band.map_or(0.0, |p| w.price * band_index(p).map_or(0.0, |i| self.price[i]));
        let followed = if self.followed[f.creator as usize] { w.followed } else { 0.0 };
        let collab =
            if !self.followed[f.creator as usize] && c.collabs.iter().any(|x| self.followed_ids.contains(hash(x))) {
                w.collab
            } else {
                0.0
            };
        let fresh = w.fresh * super::profile::halved(age_h, cfg.fresh_half_life_h);
        let live_now = if c.live_now { w.live_now } else { 0.0 };
        let campaign_active = w.campaign_active * campaign_id.map_or(0.0, |k| self.campaign_active[k as usize]);
        let seen = if seen { -w.seen } else { 0.0 };
        let total = server
            + topic
            + creator
            + kind
            + campaign
            + price
            + followed
            + collab
            + fresh
            + live_now
            + campaign_active
            + seen
            + embed;
        (total, topic_aff <= 0.0)
    }
}

/// "Was this item shown before?" for every candidate: the profile keeps up to thousands of seen ids in
/// a sorted map, where each lookup is a dozen string comparisons. When there are fewer seen ids than
/// candidates, hashing them once per re-rank and comparing the candidates' id hashes is cheaper.
enum Seen<'p> {
    Sorted(&'p std::collections::BTreeMap<String, i64>),
    Hashed(HashIds),
}

impl<'p> Seen<'p> {
    fn new(profile: &'p Profile, candidates: usize) -> Self {
        if profile.seen.len() > candidates {
            return Seen::Sorted(&profile.seen);
        }
        let mut set = HashIds::with_capacity(profile.seen.len());
        for id in profile.seen.keys() {
            set.id(hash(id));
        }
        Seen::Hashed(set)
    }

    fn contains(&self, c: &Candidate, k: &Keys) -> bool {
        match self {
            Seen::Sorted(map) => map.contains_key(&c.id),
            Seen::Hashed(set) => !set.is_empty() && set.contains(k.id),
        }
    }
}

/// Re-ranks the candidates at `pool` (indices into `cands`; the unseen tail, already without blocked items).
/// `recent` indexes the end of what was shown, oldest first, so the rules hold across the boundary. Returns
/// the pool's items in their new order. Same inputs and `seed` give the same order.
pub fn rerank<C: Borrow<Candidate>>(
    cands: &[C],
    pool: &[usize],
    recent: &[usize],
    profile: &Profile,
    ctx: &RankContext,
    cfg: &RankConfig,
    seed: u64,
) -> Vec<Placement> {
    let m = pool.len();
    let snap = Snapshot::new(profile, ctx.now, cfg);
    let pooled: Vec<&Candidate> = pool.iter().map(|&i| cands[i].borrow()).collect();
    let server = normalised_server_scores(&pooled);
    let model = SessionModel::new(profile, ctx.now, cfg);
    let gate = model.as_ref().map_or(0.0, |m| m.gate);
    let embed_z = session_scores(&pooled, model.as_ref());

    let keys: Vec<Keys> = pooled.iter().map(|c| c.keys()).collect();
    let mut ids = Ids::new(m);
    let feats: Vec<(Feat, Option<u32>)> = pooled.iter().zip(&keys).map(|(c, k)| ids.feat(c, k)).collect();
    let recent_feats: Vec<Feat> = recent
        .iter()
        .map(|&i| {
            let c: &Candidate = cands[i].borrow();
            ids.feat(c, &c.keys()).0
        })
        .collect();
    let tables = Tables::new(&snap, &ids, ctx);
    let seen = Seen::new(profile, m);
    let embed_weight = cfg.score.embed * gate;
    let scored: Vec<(f64, bool)> = pooled
        .iter()
        .zip(feats.iter().zip(&keys))
        .zip(server.iter().zip(&embed_z))
        .map(|((c, ((f, campaign), k)), (s, z))| {
            if c.topics.len() > KEYED_TOPICS {
                (score(c, *s, *z, gate, &snap, profile, ctx, cfg).total, snap.best_topic(c).0 <= 0.0)
            } else {
                tables.total(c, f, *campaign, *s, embed_weight * z, seen.contains(c, k), ctx, cfg)
            }
        })
        .collect();
    let totals: Vec<f64> = scored.iter().map(|s| s.0).collect();
    let order = best_first(&totals);
    // Slices from here on: size-optimised builds call out for every `Vec` index.
    let feats: &[(Feat, Option<u32>)] = &feats;
    let scored: &[(f64, bool)] = &scored;
    let (server, embed_z, order): (&[f64], &[f64], &[u32]) = (&server, &embed_z, &order);
    let entries: Vec<Entry> = order
        .iter()
        .map(|&i| {
            let i = i as usize;
            Entry { feat: feats[i].0, total: scored[i].0, server: server[i], low_affinity: scored[i].1 }
        })
        .collect();
    place(&entries, &recent_feats, ids.creators.len(), ids.topics.len(), cfg, seed)
        .into_iter()
        .map(|(pos, explored)| {
            let i = order[pos] as usize;
            Placement { index: pool[i], total: scored[i].0, server_norm: server[i], embed_z: embed_z[i], explored }
        })
        .collect()
}

/// The feed-level operation: keeps the first `shown` items exactly where they are, drops blocked items
/// from the rest, and re-ranks what remains. Returns the new order as indices into `items`, plus the
/// placements (with score breakdowns) of the re-ranked tail.
pub fn rerank_unseen<C: Borrow<Candidate>>(
    items: &[C],
    shown: usize,
    profile: &Profile,
    ctx: &RankContext,
    cfg: &RankConfig,
    seed: u64,
) -> (Vec<usize>, Vec<Placement>) {
    let shown = shown.min(items.len());
    let pool: Vec<usize> = (shown..items.len()).filter(|&i| !is_blocked(items[i].borrow(), profile)).collect();
    let recent: Vec<usize> = (shown.saturating_sub(cfg.creator_window)..shown).collect();
    let placements = rerank(items, &pool, &recent, profile, ctx, cfg, seed);
    let mut order: Vec<usize> = (0..shown).collect();
    order.extend(placements.iter().map(|p| p.index));
    (order, placements)
}
