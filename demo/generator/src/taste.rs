//! Simulated co-engagement, and the item embeddings a server would learn from it (issue #13).
//!
//! Every item gets a hidden style (minimal, vintage, budget, affordable luxury, cute: mostly its creator's
//! own, sometimes another) that cuts across topics and that nothing in the pack says. A seeded population
//! browses the pack: each person likes two topics and two styles, sees items (more of their topics and of
//! what the server ranks high) and engages with probability from both. Each person's engaged items are a
//! basket, and [`Cooccurrence::spectral`] turns the baskets into embeddings, as a real server would from
//! its logs. So the embeddings carry taste the topic tags cannot, which is what the on-device ranker needs
//! them for. The styles stay inside the generator: only the learned vectors reach the pack.
//!
//! Everything here draws from its own seeded streams, so adding it moved no other random draw of the pack.

use std::collections::BTreeMap;

use guang::model::{Embedding, Item};
use guang::rank::rng::Rng;
use guang::rank::train::Cooccurrence;

/// Number of hidden styles.
pub const STYLES: usize = 5;
/// People in the simulated population.
pub const PEOPLE: usize = 3000;
/// Components of every embedding (`embedding_dim` of `index.json`).
pub const EMBEDDING_DIM: usize = 32;
/// Rounds of subspace iteration.
const ITERS: usize = 40;
/// Fewest people who must have engaged with an item before it gets an embedding: fewer say too little.
pub const MIN_SUPPORT: u32 = 5;
/// Items published this recently are newer than the logs the embeddings are learned from, so they have
/// none: the pack also shows how the app ranks items without one.
pub const LOG_CUTOFF_S: i64 = 12 * 3600;
/// How often an item has its creator's own style rather than a random one.
const CREATOR_STYLE: f64 = 0.7;

const STYLE_SALT: u64 = 0x7374_796C_6573_2121; // "styles!!"
const PEOPLE_SALT: u64 = 0x7065_6F70_6C65_2121; // "people!!"
const EMBED_SALT: u64 = 0x656D_6265_6464_696E; // "embeddin"

/// The hidden style of every item (an index below [`STYLES`]), in the order given. Depends only on the seed,
/// the items' order and their creators, so a test can recompute it from the pack's own item documents.
pub fn styles(items: &[Item], seed: u64) -> Vec<usize> {
    let mut rng = Rng::new(seed ^ STYLE_SALT);
    let mut home: BTreeMap<&str, usize> = BTreeMap::new();
    items
        .iter()
        .map(|item| {
            let own = *home.entry(item.creator.id.as_str()).or_insert_with(|| rng.index(STYLES));
            if rng.chance(CREATOR_STYLE) {
                own
            } else {
                rng.index(STYLES)
            }
        })
        .collect()
}

/// Two distinct indices below `n`.
fn two_of(rng: &mut Rng, n: usize) -> [usize; 2] {
    let a = rng.index(n);
    let b = (a + 1 + rng.index(n - 1)) % n;
    [a, b]
}

/// What each simulated person engaged with (item indices), people in order. `topics` lists every topic id;
/// items published after `now - LOG_CUTOFF_S` are never seen.
pub fn baskets(items: &[Item], styles: &[usize], topics: &[&str], now: i64, seed: u64) -> Vec<Vec<usize>> {
    let mut rng = Rng::new(seed ^ PEOPLE_SALT);
    let topic_of: Vec<Vec<usize>> =
        items.iter().map(|i| i.topics.iter().filter_map(|t| topics.iter().position(|x| x == t)).collect()).collect();
    (0..PEOPLE)
        .map(|_| {
            let likes_topics = two_of(&mut rng, topics.len());
            let likes_styles = two_of(&mut rng, STYLES);
            // Some people browse a lot, some a little.
            let activity = 0.4 + 1.2 * rng.unit();
            let mut basket = Vec::new();
            for (i, item) in items.iter().enumerate() {
                if item.published_ts > now - LOG_CUTOFF_S {
                    continue;
                }
                let t = topic_of[i].iter().any(|x| likes_topics.contains(x));
                let s = likes_styles.contains(&styles[i]);
                let quality = item.score.unwrap_or(0.5).clamp(0.0, 1.0);
                let seen = activity * (0.1 + 0.1 * quality + if t { 0.25 } else { 0.0 });
                if !rng.chance(seen) {
                    continue;
                }
                // A liked topic draws one in most, more so in a liked style; a liked style alone draws one in
                // beyond one's topics now and then.
                let engage = match (t, s) {
                    (true, true) => 0.6,
                    (true, false) => 0.25,
                    (false, true) => 0.12,
                    (false, false) => 0.01,
                };
                if rng.chance(engage) {
                    basket.push(i);
                }
            }
            basket
        })
        .collect()
}

/// The wire form of a learned vector: [`Embedding::encode`], with the scale cut to four significant digits
/// (a uniform change of every component by at most 0.05%, which no comparison notices) so each of the
/// pack's few thousand copies is shorter.
fn compact(v: &[f32]) -> Embedding {
    let e = Embedding::encode(v);
    let scale = format!("{:.3e}", e.scale).parse::<f64>().unwrap_or(e.scale);
    Embedding { scale, ..e }
}

/// Learns every item's embedding from the simulated population; `None` for items too new for the logs or
/// engaged with by fewer than [`MIN_SUPPORT`] people.
pub fn embeddings(items: &[Item], topics: &[&str], now: i64, seed: u64) -> Vec<Option<Embedding>> {
    let styles = styles(items, seed);
    let baskets = baskets(items, &styles, topics, now, seed);
    let co = Cooccurrence::from_baskets(&baskets, items.len());
    co.spectral(EMBEDDING_DIM, ITERS, seed ^ EMBED_SALT)
        .into_iter()
        .enumerate()
        .map(|(i, v)| v.filter(|_| co.support(i) >= MIN_SUPPORT).map(|v| compact(&v)))
        .collect()
}
