//! Filling the slots of a re-ranked tail: best adjusted score first, under the diversity rules (no creator
//! twice within a window, no long runs of one kind, penalties for repeating recent topics and creators) and
//! with a seeded share of exploration slots for low-affinity topics.
//!
//! Works on interned integers in score order only: the first `deep_from` slots each walk a few entries
//! from the best unplaced one, the rest take the next entry that fits. This loop is most of a re-rank,
//! and it runs after every signal.

use super::candidate::KEYED_TOPICS;
use super::config::RankConfig;
use super::rng::Rng;

/// Interned features of one item that the diversity rules look at.
#[derive(Clone, Copy, Debug, Default)]
pub struct Feat {
    /// Creator id (interned).
    pub creator: u32,
    /// Topic ids (interned), the first `n_topics` used.
    pub topics: [u32; KEYED_TOPICS],
    /// How many of `topics` are set.
    pub n_topics: u8,
    /// Kind as 0 (note), 1 (video) or 2 (live).
    pub kind: u8,
}

impl Feat {
    /// How many topics are set (at most [`KEYED_TOPICS`]).
    #[inline(always)]
    fn n(&self) -> usize {
        usize::from(self.n_topics).min(KEYED_TOPICS)
    }
}

/// One pooled item, in descending order of `total`.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// What the diversity rules look at.
    pub feat: Feat,
    /// The item's score.
    pub total: f64,
    /// Its normalised server score (exploration picks the best of these among low-affinity items).
    pub server: f64,
    /// All its topics are of low affinity, so it may fill an exploration slot.
    pub low_affinity: bool,
}

/// Whether `c` is among `creators` (a handful): a plain loop, as the slot loops ask this of every entry
/// they pass and size-optimised builds do not inline the slice method.
#[inline(always)]
fn any_creator(creators: &[u32], c: u32) -> bool {
    let mut i = 0;
    while i < creators.len() {
        if creators[i] == c {
            return true;
        }
        i += 1;
    }
    false
}

/// Same for the creators of placed items.
#[inline(always)]
fn any_creator_of(items: &[Feat], c: u32) -> bool {
    let mut i = 0;
    while i < items.len() {
        if items[i].creator == c {
            return true;
        }
        i += 1;
    }
    false
}

/// The unplaced entries as "next unplaced position at or after p" with path halving (a union-find over
/// positions), so a slot's walk never passes placed entries: without it, an entry that keeps being passed
/// over (a creator seen too recently) made every later slot walk everything placed after it.
struct Unplaced {
    /// `next[p] == p` while `p` is unplaced; otherwise a position closer to the next unplaced one.
    next: Box<[u32]>,
}

impl Unplaced {
    fn new(m: usize) -> Self {
        Unplaced { next: (0..=m as u32).collect::<Vec<u32>>().into_boxed_slice() }
    }

    /// The first unplaced position at or after `p` (`m` if none).
    #[inline(always)]
    fn find(&mut self, mut p: usize) -> usize {
        while self.next[p] as usize != p {
            let up = self.next[self.next[p] as usize];
            self.next[p] = up;
            p = up as usize;
        }
        p
    }

    fn take(&mut self, p: usize) {
        self.next[p] = p as u32 + 1;
    }
}

/// No kind: a kind index no item has.
const NO_KIND: u8 = u8::MAX;

/// Remaining candidates per creator, kind and pair, for O(1) "can the rules still be met?" checks.
struct Remaining {
    total: usize,
    creator: Box<[usize]>,
    kind: [usize; 3],
    pair: Box<[[usize; 3]]>,
}

impl Remaining {
    fn new(entries: &[Entry], creators: usize) -> Self {
        let mut r = Remaining {
            total: entries.len(),
            creator: vec![0; creators].into_boxed_slice(),
            kind: [0; 3],
            pair: vec![[0; 3]; creators].into_boxed_slice(),
        };
        for e in entries {
            let (c, k) = (e.feat.creator as usize, usize::from(e.feat.kind));
            r.creator[c] += 1;
            r.kind[k] += 1;
            r.pair[c][k] += 1;
        }
        r
    }

    fn take(&mut self, f: &Feat) {
        let (c, k) = (f.creator as usize, usize::from(f.kind));
        self.total -= 1;
        self.creator[c] -= 1;
        self.kind[k] -= 1;
        self.pair[c][k] -= 1;
    }

    /// How many remaining candidates avoid all `creators` (distinct) and (if given) `kind`.
    fn eligible(&self, creators: &[u32], kind: Option<u8>) -> usize {
        let (mut by_creator, mut both) = (0, 0);
        for &c in creators {
            let c = c as usize;
            if c < self.creator.len() {
                by_creator += self.creator[c];
                if let Some(k) = kind {
                    both += self.pair[c][usize::from(k) % 3];
                }
            }
        }
        let by_kind = kind.map_or(0, |k| self.kind[usize::from(k) % 3]);
        (self.total + both).saturating_sub(by_creator + by_kind)
    }
}

/// Everything placed so far (the shown items first), with per-creator counts over the creator repeat
/// window and per-topic counts over the topic window, updated as items are placed.
struct History {
    items: Vec<Feat>,
    creator_counts: Box<[u16]>,
    topic_counts: Box<[u16]>,
    creator_window: usize,
    topic_window: usize,
}

impl History {
    fn push(&mut self, f: Feat) {
        self.items.push(f);
        self.creator_counts[f.creator as usize] += 1;
        for j in 0..f.n() {
            self.topic_counts[f.topics[j] as usize] += 1;
        }
        let items: &[Feat] = &self.items;
        let len = items.len();
        if len > self.creator_window {
            let old = items[len - 1 - self.creator_window];
            self.creator_counts[old.creator as usize] -= 1;
        }
        if len > self.topic_window {
            let old = items[len - 1 - self.topic_window];
            for j in 0..old.n() {
                self.topic_counts[old.topics[j] as usize] -= 1;
            }
        }
    }

    /// The last `n` items placed, oldest first.
    fn last(&self, n: usize) -> &[Feat] {
        &self.items[self.items.len().saturating_sub(n)..]
    }

    /// The kind of the last `n` items if there are that many and they are all of it.
    fn run_kind(&self, n: usize) -> Option<u8> {
        let items: &[Feat] = &self.items;
        if n == 0 || items.len() < n {
            return None;
        }
        let kind = items[items.len() - 1].kind;
        let mut i = items.len() - n;
        while i < items.len() {
            if items[i].kind != kind {
                return None;
            }
            i += 1;
        }
        Some(kind)
    }

    /// Topics of `f` that also appear in the last `topic_window` items, counted per appearance.
    #[inline(always)]
    fn topic_repeats(&self, f: &Feat) -> u16 {
        let mut n = 0;
        for j in 0..f.n() {
            n += self.topic_counts[f.topics[j] as usize];
        }
        n
    }
}

/// Places every entry (given in descending order of total). `recent` are the last shown items, oldest
/// first, so the rules hold across the boundary; `creators` and `topics` bound the interned ids. Returns the
/// positions in `entries` in their new order, each with whether exploration placed it. Same inputs and
/// `seed` give the same order.
pub fn place(
    entries: &[Entry],
    recent: &[Feat],
    creators: usize,
    topics: usize,
    cfg: &RankConfig,
    seed: u64,
) -> Vec<(usize, bool)> {
    let m = entries.len();
    let mut unplaced = Unplaced::new(m);
    let mut remaining = Remaining::new(entries, creators);
    let mut history = History {
        items: Vec::with_capacity(recent.len() + m),
        creator_counts: vec![0; creators].into_boxed_slice(),
        topic_counts: vec![0; topics].into_boxed_slice(),
        creator_window: cfg.creator_repeat_window,
        topic_window: cfg.topic_window,
    };
    for f in recent {
        history.push(*f);
    }
    let mut out = Vec::with_capacity(m);
    let mut rng = Rng::new(seed);
    let creator_back = cfg.creator_window.saturating_sub(1);
    let mut recent_creators: Vec<u32> = Vec::with_capacity(creator_back);
    let (topic_penalty, creator_penalty) = (cfg.topic_repeat_penalty, cfg.creator_repeat_penalty);

    for slot in 0..m.min(cfg.deep_from) {
        let explore = rng.unit() < cfg.exploration && slot >= cfg.explore_from;
        recent_creators.clear();
        for f in history.last(creator_back) {
            if !any_creator(&recent_creators, f.creator) {
                recent_creators.push(f.creator);
            }
        }
        let run_kind = history.run_kind(cfg.max_kind_run);
        // The strictest rules the remaining candidates can still satisfy.
        let (banned, kind): (&[u32], u8) = if remaining.eligible(&recent_creators, run_kind) > 0 {
            (&recent_creators, run_kind.unwrap_or(NO_KIND))
        } else if remaining.eligible(&recent_creators, None) > 0 {
            (&recent_creators, NO_KIND)
        } else {
            (&[], NO_KIND)
        };

        let base_limit = if slot < cfg.careful_slots { cfg.lookahead } else { cfg.tail_lookahead };
        let limit = if explore { base_limit * 4 } else { base_limit }.max(1);
        let mut best: Option<(usize, f64)> = None;
        let mut best_explore: Option<(usize, f64)> = None;
        let mut considered = 0;
        let mut p = unplaced.find(0);
        while p < m {
            let at = p;
            let e = &entries[at];
            p = unplaced.find(at + 1);
            // Entries are by total, descending, and adjustments only subtract: once a total cannot beat the
            // best adjusted score so far, nothing after it can either (an exploring slot goes on looking only
            // for its low-affinity pick).
            let past = matches!(best, Some((_, s)) if e.total <= s);
            if past && !explore {
                break;
            }
            if e.feat.kind == kind || any_creator(banned, e.feat.creator) {
                continue;
            }
            if !past {
                let adjusted = e.total
                    - topic_penalty * f64::from(history.topic_repeats(&e.feat))
                    - creator_penalty * f64::from(history.creator_counts[e.feat.creator as usize]);
                if best.is_none_or(|(_, s)| adjusted > s) {
                    best = Some((at, adjusted));
                }
            }
            if explore && e.low_affinity && best_explore.is_none_or(|(_, s)| e.server > s) {
                best_explore = Some((at, e.server));
            }
            considered += 1;
            if considered >= limit {
                break;
            }
        }
        let (chosen, explored) = match (best_explore, best) {
            (Some((q, _)), _) => (q, true),
            (None, Some((q, _))) => (q, false),
            (None, None) => break,
        };
        let f = entries[chosen].feat;
        unplaced.take(chosen);
        remaining.take(&f);
        history.push(f);
        out.push((chosen, explored));
    }
    if out.len() < m {
        let mut by_kind: [Vec<u32>; 3] = Default::default();
        let mut p = unplaced.find(0);
        while p < m {
            by_kind[usize::from(entries[p].feat.kind).min(2)].push(p as u32);
            p = unplaced.find(p + 1);
        }
        deep_tail(entries, &by_kind, &mut history, cfg, &mut out);
    }
    out
}

/// Places the entries left after the greedy slots (`by_kind`: their positions per kind, in order) in
/// score order under the hard rules only: a creator not within `creator_window` slots, no kind run longer
/// than `max_kind_run`. Each slot takes the best entry that fits among the first `tail_lookahead` unplaced
/// ones of each allowed kind; when none does, it keeps the creator rule and drops the kind rule, then takes
/// the best left. A few steps per slot, so even a pool from one creator costs linear time.
fn deep_tail(
    entries: &[Entry],
    by_kind: &[Vec<u32>; 3],
    history: &mut History,
    cfg: &RankConfig,
    out: &mut Vec<(usize, bool)>,
) {
    let back = cfg.creator_window.saturating_sub(1);
    let limit = cfg.tail_lookahead.max(1);
    let max_run = cfg.max_kind_run;
    let mut unplaced =
        [Unplaced::new(by_kind[0].len()), Unplaced::new(by_kind[1].len()), Unplaced::new(by_kind[2].len())];
    // The run of one kind at the end of what is placed.
    let (mut run_kind, mut run_len) = (NO_KIND, 0usize);
    for f in &history.items {
        (run_kind, run_len) = if f.kind == run_kind { (run_kind, run_len + 1) } else { (f.kind, 1) };
    }
    // The first unplaced index of each kind's list.
    let mut heads = [0usize; 3];
    let total: usize = by_kind.iter().map(Vec::len).sum();
    for _ in 0..total {
        let items = &history.items;
        let recent = &items[items.len().saturating_sub(back)..];
        let banned_kind = if max_run > 0 && run_len >= max_run { run_kind } else { NO_KIND };
        // (kind, index in its list, position)
        let mut best: Option<(usize, usize, u32)> = None;
        let mut skip = banned_kind;
        loop {
            for k in 0..3 {
                if k as u8 == skip {
                    continue;
                }
                let list: &[u32] = &by_kind[k];
                let mut j = heads[k];
                let mut tries = 0;
                while j < list.len() && tries < limit {
                    let p = list[j];
                    if !any_creator_of(recent, entries[p as usize].feat.creator) {
                        if best.is_none_or(|(_, _, q)| p < q) {
                            best = Some((k, j, p));
                        }
                        break;
                    }
                    j = unplaced[k].find(j + 1);
                    tries += 1;
                }
            }
            if best.is_some() || skip == NO_KIND {
                break;
            }
            skip = NO_KIND;
        }
        if best.is_none() {
            // Nothing fits within reach: the best entry left.
            for k in 0..3 {
                let j = heads[k];
                if let Some(&p) = by_kind[k].get(j) {
                    if best.is_none_or(|(_, _, q)| p < q) {
                        best = Some((k, j, p));
                    }
                }
            }
        }
        let Some((k, j, p)) = best else { break };
        unplaced[k].take(j);
        if j == heads[k] {
            heads[k] = unplaced[k].find(j);
        }
        let f = entries[p as usize].feat;
        (run_kind, run_len) = if f.kind == run_kind { (run_kind, run_len + 1) } else { (f.kind, 1) };
        history.items.push(f);
        out.push((p as usize, false));
    }
}
