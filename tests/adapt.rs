//! The feed visibly adapts within a session on the demo pack: after three opens of one topic, what comes
//! next leans clearly toward it, with the weights the app ships and the pool the app keeps loaded.
#![cfg(not(target_arch = "wasm32"))]

use guang::model::{parse_feed_page, parse_index, ApiBase};
use guang::rank::{rerank_unseen, Candidate, Profile, RankConfig, RankContext, Signal, SignalKind, Target};

/// Items the app keeps loaded ahead of the reader (`components::paged_feed::UNSEEN_AHEAD`) plus the first
/// screens already shown.
const SHOWN: usize = 12;
const AHEAD: usize = 100;

fn pack() -> Vec<Candidate> {
    let base = ApiBase::parse("http://127.0.0.1/api/v1/").unwrap();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/demo/api/v1");
    let dim = parse_index(&std::fs::read_to_string(format!("{root}/index.json")).unwrap()).unwrap().embedding_dim;
    let mut items = Vec::new();
    for n in 1..=8 {
        let json = std::fs::read_to_string(format!("{root}/feed/recommend/{n}.json")).unwrap();
        items.extend(parse_feed_page(&json, &base).unwrap().items);
    }
    guang::model::embedding::enforce_dim(&mut items, dim);
    items.iter().take(SHOWN + AHEAD).map(Candidate::from_item).collect()
}

/// For each of the first screens' topics with three items there: open them, re-rank, and count. Returns
/// (topic, its items in the unseen pool, among the next 12 before, after).
fn run(cfg: &RankConfig) -> Vec<(String, usize, usize, usize)> {
    let cands = pack();
    let now = 1_795_579_200;
    let ctx = RankContext { now, ..RankContext::default() };
    let mut out: Vec<(String, usize, usize, usize)> = Vec::new();
    for topic_of in 0..SHOWN {
        let topic = cands[topic_of].topics[0].clone();
        let opened: Vec<usize> = (0..SHOWN).filter(|&i| cands[i].topics.contains(&topic)).take(3).collect();
        if opened.len() < 3 {
            continue;
        }
        let mut p = Profile::default();
        for (k, &i) in opened.iter().enumerate() {
            let t = Target::from(&cands[i]);
            let at = now - 60 + 10 * k as i64;
            p.apply(&Signal { at, kind: SignalKind::Open, target: t.clone() }, cfg);
            p.apply(&Signal { at, kind: SignalKind::ItemDwell { ms: 20_000 }, target: t }, cfg);
        }
        let order = rerank_unseen(&cands, SHOWN, &p, &ctx, cfg, 7).0;
        let share = order[SHOWN..SHOWN + 12].iter().filter(|&&i| cands[i].topics.contains(&topic)).count();
        let pool = (SHOWN..cands.len()).filter(|&i| cands[i].topics.contains(&topic)).count();
        let before = (SHOWN..SHOWN + 12).filter(|&i| cands[i].topics.contains(&topic)).count();
        if !out.iter().any(|(t, ..)| *t == topic) {
            out.push((topic, pool, before, share));
        }
    }
    out
}

#[test]
fn three_opens_of_one_topic_make_what_comes_next_lean_clearly_toward_it() {
    let results = run(&RankConfig::default());
    assert!(!results.is_empty());
    for (topic, pool, before, after) in results {
        println!("{topic}: {before} -> {after} of the next 12 ({pool} in the unseen pool)");
        // At least double its share (from at least one), and at least half of what the pool has of it.
        assert!(after >= 2 * before.max(1), "{topic}: {before} -> {after}");
        assert!(after * 2 >= pool.min(12), "{topic}: {after} of {pool} in the pool");
    }
}

/// Validated items carry the hashes of their ids, so the app's candidates (built before every re-rank)
/// arrive with them and no re-rank hashes a string.
#[test]
fn validated_items_carry_their_key_hashes() {
    let cands = pack();
    assert!(!cands.is_empty());
    for c in &cands {
        let fresh = Candidate { keys: None, ..c.clone() }.with_keys();
        assert_eq!(c.keys, fresh.keys, "{}", c.id);
        assert!(c.keys.is_some(), "{}", c.id);
    }
}
