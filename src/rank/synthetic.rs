//! Deterministic synthetic candidates and a warmed-up profile, shared by the native (criterion) and the
//! in-browser (wasm) benchmarks so both measure exactly the same work.

use std::collections::HashSet;

use super::candidate::Candidate;
use super::config::RankConfig;
use super::profile::Profile;
use super::rng::Rng;
use super::score::RankContext;
use super::signal::{Signal, SignalKind, Target};
use crate::model::Kind;

/// "Now" for synthetic data.
pub const NOW: i64 = 1_795_579_200;

/// Dimension of the synthetic embeddings (the largest the contract allows, so benchmarks measure the
/// worst case).
pub const DIM: usize = 32;

/// `n` candidates over 12 topics, 200 creators and all kinds, with server scores, ages and 32-dimensional
/// embeddings (a topic direction plus noise, as learned embeddings roughly are).
pub fn candidates(n: usize, seed: u64) -> Vec<Candidate> {
    let mut rng = Rng::new(seed);
    let directions: Vec<Vec<f32>> = (0..12).map(|_| (0..DIM).map(|_| (rng.unit() - 0.5) as f32).collect()).collect();
    (0..n)
        .map(|i| {
            let topic = rng.index(12);
            let mut topics = vec![format!("t{topic}")];
            if rng.chance(0.25) {
                topics.push(format!("t{}", (topic + 1 + rng.index(11)) % 12));
            }
            let kind = match rng.index(100) {
                0..=67 => Kind::Note,
                68..=91 => Kind::Video,
                _ => Kind::Live,
            };
            Candidate {
                id: format!("i{i}"),
                creator: format!("c{}", rng.index(200)),
                kind,
                topics,
                campaign: rng.chance(0.2).then(|| format!("k{}", rng.index(3))),
                price_band: rng.chance(0.6).then_some("50-200"),
                published_ts: NOW - rng.range(0, 60 * 86_400) as i64,
                server_score: Some(rng.unit()),
                // Every seventh item's creator works with one of the first creators (some of them followed in
                // `context`); derived from the index, so the random stream is what it always was.
                collabs: if i % 7 == 0 { vec![format!("c{}", i % 9)] } else { Vec::new() },
                live_now: kind == Kind::Live && rng.chance(0.5),
                embedding: Some(directions[topic].iter().map(|d| d * 0.3 + (rng.unit() - 0.5) as f32 * 0.1).collect()),
                keys: None,
            }
            // As the app's candidates come: with the hashes their item got when it was validated.
            .with_keys()
        })
        .collect()
}

/// A profile after `signals` interactions with the given candidates.
pub fn warmed_profile(cands: &[Candidate], signals: usize, seed: u64, cfg: &RankConfig) -> Profile {
    let mut rng = Rng::new(seed);
    let mut p = Profile::default();
    for s in 0..signals {
        let c = &cands[rng.index(cands.len())];
        let kind = match rng.index(4) {
            0 => SignalKind::Open,
            1 => SignalKind::Like,
            2 => SignalKind::ItemDwell { ms: 20_000 },
            _ => SignalKind::Impression,
        };
        p.apply(&Signal { at: NOW - (signals - s) as i64 * 30, kind, target: Target::from(c) }, cfg);
    }
    p
}

/// A context with a few followed creators.
pub fn context() -> RankContext {
    RankContext { now: NOW, followed: HashSet::from(["c1".to_string(), "c7".to_string()]), campaigns: Vec::new() }
}
