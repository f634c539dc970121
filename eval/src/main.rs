//! `make eval-real` (`guang-eval real DIR [--fit] [--check]`): the ranker on MovieLens 100K; see `real.rs`.
//!
//! `make eval`: simulated users with hidden preferences browse the demo pack's recommend feed under a
//! position-biased click model. One arm keeps the server's order; the other re-ranks the unseen tail on the
//! device after each page of interactions, as the app does. Prints a table and, last,
//! `lift ctr@20: +X.X%` (re-ranked over server order).
//!
//! Metrics use expected values (click probability times examination probability), so the comparison is not
//! blurred by sampling noise; the clicks that feed the profile are sampled from the same seeded RNG.

mod movielens;
mod real;

use std::collections::{BTreeSet, HashSet};

use guang::model::{parse_feed_page, parse_index, ApiBase, Campaign, Kind};
use guang::rank::rng::Rng;
use guang::rank::{rerank_unseen, Candidate, Profile, RankConfig, RankContext, Signal, SignalKind, Target};

/// Simulated users averaged over.
const USERS: usize = 300;
/// Items shown before the device may re-rank anything (the first server page).
const PREFIX: usize = 20;
/// Pages of 10 browsed after the prefix, with a re-rank after each.
const ROUNDS: usize = 3;
/// The evaluation window after the interactions.
const K: usize = 20;
/// "Now" for the simulation: the moment the demo pack describes.
const NOW: i64 = 1_795_579_200; // 2026-11-20T04:00:00Z

/// A user's hidden taste.
struct User {
    topic: Vec<(String, f64)>,
    kind: [f64; 3],
    rng: Rng,
}

impl User {
    fn new(topics: &[String], seed: u64) -> Self {
        let mut rng = Rng::new(seed);
        let mut order: Vec<&String> = topics.iter().collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.index(i + 1));
        }
        let topic = order
            .iter()
            .enumerate()
            .map(|(i, t)| {
                (
                    (*t).clone(),
                    if i < 2 {
                        1.0
                    } else if i < 4 {
                        0.45
                    } else {
                        0.06
                    },
                )
            })
            .collect();
        let kind = [0.7 + 0.6 * rng.unit(), 0.7 + 0.6 * rng.unit(), 0.7 + 0.6 * rng.unit()];
        User { topic, kind, rng }
    }

    fn topic_weight(&self, c: &Candidate) -> f64 {
        c.topics.iter().map(|t| self.topic.iter().find(|(k, _)| k == t).map_or(0.06, |(_, w)| *w)).fold(0.0, f64::max)
    }

    /// Probability of a click once the card is examined.
    fn click_prob(&self, c: &Candidate, quality: f64) -> f64 {
        let kind = self.kind[match c.kind {
            Kind::Note => 0,
            Kind::Video => 1,
            Kind::Live => 2,
        }];
        (0.02 + 0.4 * self.topic_weight(c) * kind + 0.08 * quality).min(0.95)
    }
}

/// Probability that position `k` (0-based, within what the user scrolls through) is examined.
fn examine(k: usize) -> f64 {
    1.0 / ((k + 2) as f64).log2()
}

struct Metrics {
    ctr: f64,
    ndcg: f64,
    creators: f64,
    topics: f64,
}

fn window_metrics(order: &[usize], cands: &[Candidate], user: &User, quality: &[f64]) -> Metrics {
    let window = &order[..K.min(order.len())];
    let rel: Vec<f64> = window.iter().map(|&i| user.click_prob(&cands[i], quality[i])).collect();
    let exam: f64 = (0..window.len()).map(examine).sum();
    let ctr = rel.iter().enumerate().map(|(k, r)| examine(k) * r).sum::<f64>() / exam;
    let dcg: f64 = rel.iter().enumerate().map(|(k, r)| r / ((k + 2) as f64).log2()).sum();
    let mut ideal: Vec<f64> = order.iter().map(|&i| user.click_prob(&cands[i], quality[i])).collect();
    ideal.sort_by(|a, b| b.total_cmp(a));
    let idcg: f64 = ideal.iter().take(K).enumerate().map(|(k, r)| r / ((k + 2) as f64).log2()).sum();
    let creators: BTreeSet<&str> = window.iter().map(|&i| cands[i].creator.as_str()).collect();
    let topics: BTreeSet<&str> = window.iter().flat_map(|&i| cands[i].topics.iter().map(String::as_str)).collect();
    Metrics {
        ctr,
        ndcg: if idcg > 0.0 { dcg / idcg } else { 0.0 },
        creators: creators.len() as f64,
        topics: topics.len() as f64,
    }
}

/// The fixed part of the simulation: the catalogue and the ranker configuration.
struct World<'a> {
    cands: &'a [Candidate],
    quality: &'a [f64],
    cfg: &'a RankConfig,
}

/// Shows `order[from..to]` to the user: impressions for every card, sampled opens, likes and hides.
fn browse(
    w: &World,
    order: &[usize],
    range: std::ops::Range<usize>,
    user: &mut User,
    profile: &mut Profile,
    at: &mut i64,
) {
    let (cands, quality, cfg) = (w.cands, w.quality, w.cfg);
    let from = range.start;
    for (k, &i) in order.iter().enumerate().take(range.end.min(order.len())).skip(from) {
        let c = &cands[i];
        let target = Target::from(c);
        *at += 4;
        profile.apply(&Signal { at: *at, kind: SignalKind::Impression, target: target.clone() }, cfg);
        let p = user.click_prob(c, quality[i]);
        if user.rng.unit() < examine(k - from) * p {
            *at += 20;
            profile.apply(&Signal { at: *at, kind: SignalKind::Open, target: target.clone() }, cfg);
            let dwell = (10_000.0 + 50_000.0 * user.topic_weight(c) * user.rng.unit()) as u32;
            profile.apply(&Signal { at: *at, kind: SignalKind::ItemDwell { ms: dwell }, target: target.clone() }, cfg);
            if user.rng.unit() < 0.3 * user.topic_weight(c) {
                profile.apply(&Signal { at: *at, kind: SignalKind::Like, target: target.clone() }, cfg);
            }
        } else if user.topic_weight(c) < 0.1 && user.rng.unit() < 0.03 {
            profile.apply(&Signal { at: *at, kind: SignalKind::Hide, target }, cfg);
        }
    }
}

#[derive(Default)]
struct Sums {
    ctr: f64,
    ndcg: f64,
    creators: f64,
    topics: f64,
}

impl Sums {
    fn add(&mut self, m: &Metrics) {
        self.ctr += m.ctr;
        self.ndcg += m.ndcg;
        self.creators += m.creators;
        self.topics += m.topics;
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("real") {
        let dir = args.get(1).map_or("ml-100k", String::as_str);
        let flag = |f: &str| args.iter().any(|a| a == f);
        if let Err(e) = real::main(std::path::Path::new(dir), flag("--fit"), flag("--check")) {
            eprintln!("guang-eval: {e}");
            std::process::exit(1);
        }
        return;
    }
    let root = args.first().cloned().unwrap_or_else(|| "demo/api/v1".into());
    let base = match ApiBase::parse("http://127.0.0.1/api/v1/") {
        Ok(b) => b,
        Err(e) => return eprintln!("{e}"),
    };
    let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).unwrap_or_default();
    let index = match parse_index(&read("index.json")) {
        Ok(i) => i,
        Err(e) => return eprintln!("cannot read {root}/index.json: {e}"),
    };
    let mut items = Vec::new();
    let mut next = Some("feed/recommend/1.json".to_string());
    while let Some(path) = next {
        match parse_feed_page(&read(&path), &base) {
            Ok(page) => {
                items.extend(page.items);
                next = page.next.and_then(|n| n.strip_prefix(&base.as_url()).map(str::to_string));
            }
            Err(e) => return eprintln!("cannot read {path}: {e}"),
        }
    }
    let cands: Vec<Candidate> = items.iter().map(Candidate::from_item).collect();
    let max = cands.iter().filter_map(|c| c.server_score).fold(0.0, f64::max).max(1e-9);
    let quality: Vec<f64> = cands.iter().map(|c| c.server_score.unwrap_or(0.0) / max).collect();
    let topics: Vec<String> = index.channels.iter().skip(1).map(|c| c.id.clone()).collect();
    let campaigns: Vec<Campaign> = index.campaigns.clone();
    let cfg = RankConfig::default();
    let ctx = RankContext { now: NOW, followed: HashSet::new(), campaigns };
    let server_order: Vec<usize> = (0..cands.len()).collect();
    let world = World { cands: &cands, quality: &quality, cfg: &cfg };

    let (mut server, mut reranked, mut cold_server, mut cold_rerank) =
        (Sums::default(), Sums::default(), Sums::default(), Sums::default());
    for u in 0..USERS {
        let seed = 0x5EED_0000 + u as u64;
        // Cold start: nothing known yet; the re-ranker may only reorder the tail after the first page.
        let user = User::new(&topics, seed);
        cold_server.add(&window_metrics(&server_order[PREFIX..], &cands, &user, &quality));
        let (cold, _) = rerank_unseen(&cands, PREFIX, &Profile::default(), &ctx, &cfg, seed);
        cold_rerank.add(&window_metrics(&cold[PREFIX..], &cands, &user, &quality));

        // Server arm: the user browses the prefix and ROUNDS pages in server order.
        let mut user_s = User::new(&topics, seed);
        let mut ps = Profile::default();
        let mut at = NOW - 3600;
        let shown = PREFIX + 10 * ROUNDS;
        browse(&world, &server_order, 0..shown, &mut user_s, &mut ps, &mut at);
        let visible_s: Vec<usize> =
            server_order.iter().copied().filter(|&i| !ps.hidden.contains_key(&cands[i].id)).collect();
        let pos = visible_s.iter().position(|&i| i == server_order[shown.min(server_order.len() - 1)]).unwrap_or(shown);
        server.add(&window_metrics(&visible_s[pos..], &cands, &user_s, &quality));

        // Device arm: same user, same first page; re-rank the unseen tail after each page.
        let mut user_r = User::new(&topics, seed);
        let mut pr = Profile::default();
        let mut at = NOW - 3600;
        let mut order = server_order.clone();
        browse(&world, &order, 0..PREFIX, &mut user_r, &mut pr, &mut at);
        let mut done = PREFIX;
        for round in 0..=ROUNDS {
            // The app re-ranks the list as displayed: pass it in display order and map the result back.
            let current: Vec<Candidate> = order.iter().map(|&i| cands[i].clone()).collect();
            let ctx_now = RankContext { now: at, ..ctx.clone() };
            let (new_order, _) = rerank_unseen(&current, done, &pr, &ctx_now, &cfg, seed + round as u64);
            order = new_order.iter().map(|&j| order[j]).collect();
            if round < ROUNDS {
                browse(&world, &order, done..done + 10, &mut user_r, &mut pr, &mut at);
                done += 10;
            }
        }
        let final_order = order;
        reranked.add(&window_metrics(&final_order[done..], &cands, &user_r, &quality));
    }

    let n = USERS as f64;
    let row = |name: &str, s: &Sums| {
        println!("| {name} | {:.4} | {:.4} | {:.1} | {:.1} |", s.ctr / n, s.ndcg / n, s.creators / n, s.topics / n)
    };
    println!(
        "Offline evaluation: {USERS} simulated users, {} items, first page of {PREFIX} in server order,",
        cands.len()
    );
    println!("then {ROUNDS} pages of 10 with a re-rank after each; metrics over the next {K} positions.\n");
    println!("| arm | CTR@{K} | NDCG@{K} | distinct creators | distinct topics |");
    println!("| --- | --- | --- | --- | --- |");
    row("cold start, server order", &cold_server);
    row("cold start, re-ranked (empty profile)", &cold_rerank);
    row(&format!("after {} impressions, server order", PREFIX + 10 * ROUNDS), &server);
    row(&format!("after {} impressions, re-ranked", PREFIX + 10 * ROUNDS), &reranked);
    let lift = (reranked.ctr / server.ctr - 1.0) * 100.0;
    let ndcg_lift = (reranked.ndcg / server.ndcg - 1.0) * 100.0;
    println!("\nndcg@{K} lift: {ndcg_lift:+.1}%  creators: {:.1} vs {:.1}", reranked.creators / n, server.creators / n);
    println!("lift ctr@{K}: {lift:+.1}%");
}
