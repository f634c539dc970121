//! Re-ranking the unseen tail: score every candidate, then fill the slots greedily, best adjusted score
//! first, under diversity rules (no creator twice within a window, no long runs of one kind, a penalty for
//! repeating recent topics) and with a seeded share of exploration slots for low-affinity topics.
//!
//! The caller passes only what the user has not been shown; what was shown never moves.

use std::collections::VecDeque;

use super::candidate::{band_index, kind_key, Candidate, PRICE_BANDS};
use super::config::RankConfig;
use super::fast_hash::FastMap;
use super::profile::{Dim, Profile};
use super::rng::Rng;
use super::score::{normalised_server_scores, score, session_scores, RankContext, SessionModel, Snapshot};
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

fn kind_index(k: Kind) -> usize {
    match k {
        Kind::Note => 0,
        Kind::Video => 1,
        Kind::Live => 2,
    }
}

/// Most topics per item the diversity rules look at.
const MAX_TOPICS: usize = 4;

/// Interned features of one pooled item: integers instead of strings, so each slot can weigh dozens of
/// candidates in well under a microsecond.
#[derive(Clone, Copy)]
struct Feat {
    creator: u32,
    kind: usize,
    topics: [u32; MAX_TOPICS],
    n_topics: usize,
    campaign: Option<u32>,
}

impl Feat {
    fn topics(&self) -> &[u32] {
        &self.topics[..self.n_topics]
    }
}

/// Assigns dense integer ids to strings, borrowing them for the length of one re-rank.
#[derive(Default)]
struct Interner<'a> {
    ids: FastMap<&'a str, u32>,
}

impl<'a> Interner<'a> {
    fn id(&mut self, s: &'a str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(s).or_insert(next)
    }

    fn len(&self) -> usize {
        self.ids.len()
    }

    /// A table with `f` of each interned string, indexed by id.
    fn table<T: Default + Clone>(&self, f: impl Fn(&str) -> T) -> Vec<T> {
        let mut out = vec![T::default(); self.ids.len()];
        for (s, id) in &self.ids {
            out[*id as usize] = f(s);
        }
        out
    }
}

/// A key whose unsigned order is the descending order of `x` under `total_cmp`, so sorting plain
/// integer pairs (unstable, and much faster than sorting by a float comparator) gives the best first.
fn descending_key(x: f64) -> u64 {
    let b = x.to_bits();
    let ascending = if b >> 63 == 1 { !b } else { b | (1 << 63) };
    !ascending
}

/// Per-key score terms looked up once per re-rank, so scoring an item is arithmetic on small arrays.
/// Must stay term-for-term identical to [`score`] (a property test compares the two).
struct Tables {
    topic: Vec<f64>,
    creator: Vec<f64>,
    followed: Vec<bool>,
    campaign: Vec<f64>,
    campaign_active: Vec<f64>,
    kind: [f64; 3],
    price: [f64; 4],
}

impl Tables {
    fn new(snap: &Snapshot, creators: &Interner, topics: &Interner, campaigns: &Interner, ctx: &RankContext) -> Self {
        Tables {
            topic: topics.table(|t| snap.get(Dim::Topic, t)),
            creator: creators.table(|c| snap.get(Dim::Creator, c)),
            followed: creators.table(|c| ctx.followed.contains(c)),
            campaign: campaigns.table(|k| snap.get(Dim::Campaign, k)),
            campaign_active: campaigns.table(|k| {
                ctx.campaigns.iter().find(|c| c.id == k).filter(|c| c.is_active(ctx.now)).map_or(0.0, |c| c.boost)
            }),
            kind: [Kind::Note, Kind::Video, Kind::Live].map(|k| snap.get(Dim::Kind, kind_key(k))),
            price: PRICE_BANDS.map(|b| snap.get(Dim::Price, b)),
        }
    }

    /// The score total and whether the item's topics are all of low affinity. `embed` is the weighted,
    /// gated session term, computed for the whole pool at once.
    #[allow(clippy::too_many_arguments)]
    fn total(
        &self,
        c: &Candidate,
        f: &Feat,
        server_norm: f64,
        embed: f64,
        profile: &Profile,
        ctx: &RankContext,
        cfg: &RankConfig,
    ) -> (f64, bool) {
        let w = &cfg.score;
        let mut best: (f64, bool) = (0.0, false);
        let mut sum = 0.0;
        for t in f.topics() {
            let a = self.topic[*t as usize];
            sum += a;
            if !best.1 || a > best.0 {
                best = (a, true);
            }
        }
        let n = f.n_topics.max(1) as f64;
        let topic_aff = 0.7 * best.0 + 0.3 * sum / n;
        let age_h = (ctx.now - c.published_ts).max(0) as f64 / 3600.0;
        let server = w.server * server_norm;
        let topic = w.topic * topic_aff;
        let creator = w.creator * self.creator[f.creator as usize];
        let kind = w.kind * self.kind[f.kind];
        let campaign = f.campaign.map_or(0.0, |k| w.campaign * self.campaign[k as usize]);
        let price = c.price_band.map_or(0.0, |p| w.price * band_index(p).map_or(0.0, |i| self.price[i]));
        let followed = if self.followed[f.creator as usize] { w.followed } else { 0.0 };
        let fresh = w.fresh * super::profile::halved(age_h, cfg.fresh_half_life_h);
        let live_now = if c.live_now { w.live_now } else { 0.0 };
        let campaign_active = w.campaign_active * f.campaign.map_or(0.0, |k| self.campaign_active[k as usize]);
        let seen = if profile.seen.contains_key(&c.id) { -w.seen } else { 0.0 };
        let total = server
            + topic
            + creator
            + kind
            + campaign
            + price
            + followed
            + fresh
            + live_now
            + campaign_active
            + seen
            + embed;
        (total, topic_aff <= 0.0)
    }
}

/// Remaining candidates per creator, kind and pair, for O(1) "can the rules still be met?" checks.
struct Remaining {
    total: usize,
    creator: Vec<usize>,
    kind: [usize; 3],
    pair: Vec<[usize; 3]>,
}

impl Remaining {
    fn new(feats: &[Feat], creators: usize) -> Self {
        let mut r =
            Remaining { total: feats.len(), creator: vec![0; creators], kind: [0; 3], pair: vec![[0; 3]; creators] };
        for f in feats {
            r.creator[f.creator as usize] += 1;
            r.kind[f.kind] += 1;
            r.pair[f.creator as usize][f.kind] += 1;
        }
        r
    }

    fn take(&mut self, f: &Feat) {
        self.total -= 1;
        self.creator[f.creator as usize] -= 1;
        self.kind[f.kind] -= 1;
        self.pair[f.creator as usize][f.kind] -= 1;
    }

    /// How many remaining candidates avoid all `creators` (distinct) and (if given) `kind`.
    fn eligible(&self, creators: &[u32], kind: Option<usize>) -> usize {
        let count = |c: &u32| self.creator.get(*c as usize).copied().unwrap_or(0);
        let by_creator: usize = creators.iter().map(count).sum();
        let by_kind = kind.map_or(0, |k| self.kind[k]);
        let both: usize =
            kind.map_or(0, |k| creators.iter().map(|c| self.pair.get(*c as usize).map_or(0, |p| p[k])).sum());
        (self.total + both).saturating_sub(by_creator + by_kind)
    }
}

/// The recently placed items (shown ones first), with per-creator counts over the creator repeat window
/// and per-topic counts over the topic window, updated as items are placed.
struct Recent {
    items: VecDeque<Feat>,
    creator_counts: Vec<u16>,
    topic_counts: Vec<u16>,
    keep: usize,
    creator_window: usize,
    topic_window: usize,
}

impl Recent {
    fn push(&mut self, f: Feat) {
        self.items.push_back(f);
        self.creator_counts[f.creator as usize] += 1;
        for t in f.topics() {
            self.topic_counts[*t as usize] += 1;
        }
        let len = self.items.len();
        if len > self.creator_window {
            let old = self.items[len - 1 - self.creator_window];
            self.creator_counts[old.creator as usize] -= 1;
        }
        if len > self.topic_window {
            let old = self.items[len - 1 - self.topic_window];
            for t in old.topics() {
                self.topic_counts[*t as usize] -= 1;
            }
        }
        while self.items.len() > self.keep {
            self.items.pop_front();
        }
    }

    fn last(&self, n: usize) -> impl Iterator<Item = &Feat> {
        self.items.iter().rev().take(n)
    }

    /// Topics of `f` that also appear in the last `topic_window` items, counted per appearance.
    fn topic_repeats(&self, f: &Feat) -> u16 {
        f.topics().iter().map(|t| self.topic_counts[*t as usize]).sum()
    }
}

/// Re-ranks the candidates at `pool` (indices into `cands`; the unseen tail, already without blocked items).
/// `recent` indexes the end of what was shown, oldest first, so the rules hold across the boundary. Returns
/// the pool's items in their new order. Same inputs and `seed` give the same order.
pub fn rerank<'a>(
    cands: &'a [Candidate],
    pool: &[usize],
    recent: &[usize],
    profile: &Profile,
    ctx: &RankContext,
    cfg: &RankConfig,
    seed: u64,
) -> Vec<Placement> {
    let m = pool.len();
    let snap = Snapshot::new(profile, ctx.now, cfg);
    let pooled: Vec<&Candidate> = pool.iter().map(|&i| &cands[i]).collect();
    let server = normalised_server_scores(&pooled);
    let model = SessionModel::new(profile, ctx.now, cfg);
    let gate = model.as_ref().map_or(0.0, |m| m.gate);
    let embed_z = session_scores(&pooled, model.as_ref());

    let mut creators = Interner::default();
    let mut topics = Interner::default();
    let mut campaigns = Interner::default();
    let mut feat = |c: &'a Candidate| -> Feat {
        let mut f = Feat {
            creator: creators.id(&c.creator),
            kind: kind_index(c.kind),
            topics: [0; MAX_TOPICS],
            n_topics: 0,
            campaign: c.campaign.as_deref().map(|k| campaigns.id(k)),
        };
        for t in c.topics.iter().take(MAX_TOPICS) {
            f.topics[f.n_topics] = topics.id(t);
            f.n_topics += 1;
        }
        f
    };
    let feats: Vec<Feat> = pooled.iter().map(|&c| feat(c)).collect();
    let recent_feats: Vec<Feat> = recent.iter().map(|&i| feat(&cands[i])).collect();
    let n_creators = creators.len();
    let tables = Tables::new(&snap, &creators, &topics, &campaigns, ctx);
    let (totals, low_affinity): (Vec<f64>, Vec<bool>) = pooled
        .iter()
        .zip(&feats)
        .zip(server.iter().zip(&embed_z))
        .map(|((c, f), (s, z))| {
            if c.topics.len() > MAX_TOPICS {
                (score(c, *s, *z, gate, &snap, profile, ctx, cfg).total, snap.best_topic(c).0 <= 0.0)
            } else {
                tables.total(c, f, *s, cfg.score.embed * gate * z, profile, ctx, cfg)
            }
        })
        .unzip();
    let mut keyed: Vec<(u64, u32)> = (0..m).map(|i| (descending_key(totals[i]), i as u32)).collect();
    keyed.sort_unstable();
    let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i as usize).collect();

    // Unplaced candidates as one linked list per kind over positions in `order`, so a slot that bans a kind
    // never walks past that kind's items, and each slot scans only what is still available.
    let end = m;
    let mut next = vec![end; m];
    let mut prev = vec![end; m];
    let mut heads = [end; 3];
    let mut tails = [end; 3];
    for (pos, &p) in order.iter().enumerate() {
        let k = feats[p].kind;
        if tails[k] == end {
            heads[k] = pos;
        } else {
            next[tails[k]] = pos;
            prev[pos] = tails[k];
        }
        tails[k] = pos;
    }
    let mut remaining = Remaining::new(&feats, n_creators);
    let keep = cfg.creator_repeat_window.max(cfg.creator_window).max(cfg.topic_window).max(cfg.max_kind_run).max(1);
    let mut last = Recent {
        items: VecDeque::with_capacity(keep + 1),
        creator_counts: vec![0; n_creators],
        topic_counts: vec![0; topics.len()],
        keep: keep + 1,
        creator_window: cfg.creator_repeat_window,
        topic_window: cfg.topic_window,
    };
    for f in recent_feats {
        last.push(f);
    }
    let mut out = Vec::with_capacity(m);
    let mut rng = Rng::new(seed);
    let creator_back = cfg.creator_window.saturating_sub(1);
    let mut recent_creators: Vec<u32> = Vec::with_capacity(creator_back);

    for slot in 0..m {
        let explore = rng.unit() < cfg.exploration && slot >= cfg.explore_from;
        recent_creators.clear();
        recent_creators.extend(last.last(creator_back).map(|f| f.creator));
        recent_creators.sort_unstable();
        recent_creators.dedup();
        let run_kind = {
            let mut kinds = last.last(cfg.max_kind_run).map(|f| f.kind);
            let first = kinds.next();
            let rest_same = kinds.fold((1, true), |(n, same), k| (n + 1, same && Some(k) == first));
            match first {
                Some(k) if cfg.max_kind_run > 0 && rest_same == (cfg.max_kind_run, true) => Some(k),
                _ => None,
            }
        };
        // The strictest rules the remaining candidates can still satisfy.
        let (banned, kind): (&[u32], Option<usize>) = if remaining.eligible(&recent_creators, run_kind) > 0 {
            (&recent_creators, run_kind)
        } else if remaining.eligible(&recent_creators, None) > 0 {
            (&recent_creators, None)
        } else {
            (&[], None)
        };

        let mut best: Option<(usize, f64)> = None;
        let mut best_explore: Option<(usize, f64)> = None;
        let mut considered = 0;
        let base_limit = if slot < cfg.careful_slots { cfg.lookahead } else { cfg.tail_lookahead };
        let limit = if explore { base_limit * 4 } else { base_limit }.max(1);
        let mut cursors = [end; 3];
        for (k, cursor) in cursors.iter_mut().enumerate() {
            if kind != Some(k) {
                *cursor = heads[k];
            }
        }
        // The earliest position among the allowed kinds' lists: a merge in score order.
        while let Some(k) = (0..3).filter(|k| cursors[*k] != end).min_by_key(|k| cursors[*k]) {
            let pos = cursors[k];
            cursors[k] = next[pos];
            let p = order[pos];
            // `order` is by total, descending, and adjustments only subtract: once a total cannot beat the
            // best adjusted score so far, nothing after it can either.
            if !explore && best.is_some_and(|(_, s)| totals[p] <= s) {
                break;
            }
            let f = &feats[p];
            if banned.contains(&f.creator) {
                continue;
            }
            let adjusted = totals[p]
                - cfg.topic_repeat_penalty * f64::from(last.topic_repeats(f))
                - cfg.creator_repeat_penalty * f64::from(last.creator_counts[f.creator as usize]);
            if best.is_none_or(|(_, s)| adjusted > s) {
                best = Some((pos, adjusted));
            }
            if explore && low_affinity[p] && best_explore.is_none_or(|(_, s)| server[p] > s) {
                best_explore = Some((pos, server[p]));
            }
            considered += 1;
            if considered >= limit {
                break;
            }
        }
        let (chosen_pos, explored) = match (best_explore, best) {
            (Some((q, _)), _) => (q, true),
            (None, Some((q, _))) => (q, false),
            (None, None) => break,
        };
        let chosen = order[chosen_pos];
        let k = feats[chosen].kind;
        let (before, after) = (prev[chosen_pos], next[chosen_pos]);
        if before == end {
            heads[k] = after;
        } else {
            next[before] = after;
        }
        if after != end {
            prev[after] = before;
        }
        remaining.take(&feats[chosen]);
        last.push(feats[chosen]);
        out.push(Placement {
            index: pool[chosen],
            total: totals[chosen],
            server_norm: server[chosen],
            embed_z: embed_z[chosen],
            explored,
        });
    }
    out
}

/// The feed-level operation: keeps the first `shown` items exactly where they are, drops blocked items
/// from the rest, and re-ranks what remains. Returns the new order as indices into `items`, plus the
/// placements (with score breakdowns) of the re-ranked tail.
pub fn rerank_unseen(
    items: &[Candidate],
    shown: usize,
    profile: &Profile,
    ctx: &RankContext,
    cfg: &RankConfig,
    seed: u64,
) -> (Vec<usize>, Vec<Placement>) {
    let shown = shown.min(items.len());
    let pool: Vec<usize> = (shown..items.len()).filter(|&i| !is_blocked(&items[i], profile)).collect();
    let recent: Vec<usize> = (shown.saturating_sub(cfg.creator_window)..shown).collect();
    let placements = rerank(items, &pool, &recent, profile, ctx, cfg, seed);
    let mut order: Vec<usize> = (0..shown).collect();
    order.extend(placements.iter().map(|p| p.index));
    (order, placements)
}
