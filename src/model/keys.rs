//! 64-bit hashes of an item's ids (its own, its creator's, its topics', its campaign's), computed once when
//! the item is validated, so the ranker compares integers, not strings, every time it re-ranks.
//!
//! Two different strings with one hash would look like one key to the ranker: for honest ids (validated,
//! at most 64 characters) the odds are about n² / 2⁶⁵, one in 10¹¹ for 10,000 ids; a feed that crafted a
//! collision could only blur the diversity rules of its own items, which its server already orders.

/// Most topics per item the hashes cover (the ranker's diversity rules look at these; its score at all).
pub const KEYED_TOPICS: usize = 4;

/// The hashes of one item's ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Keys {
    /// Of the item id.
    pub id: u64,
    /// Of the creator id.
    pub creator: u64,
    /// Of the first `n_topics` topics.
    pub topics: [u64; KEYED_TOPICS],
    /// How many topics are hashed.
    pub n_topics: u8,
    /// Of the campaign id, if any.
    pub campaign: Option<u64>,
}

impl Keys {
    /// Hashes the ids.
    pub fn of(id: &str, creator: &str, topics: &[String], campaign: Option<&str>) -> Self {
        let mut k =
            Keys { id: hash(id), creator: hash(creator), topics: [0; KEYED_TOPICS], n_topics: 0, campaign: None };
        for t in topics.iter().take(KEYED_TOPICS) {
            k.topics[usize::from(k.n_topics)] = hash(t);
            k.n_topics += 1;
        }
        k.campaign = campaign.map(hash);
        k
    }
}

/// A fast, well-mixed 64-bit hash of a short string. Ids are a few bytes, so it folds the bytes into words
/// in one straight loop and mixes once (splitmix64's finaliser), so the low bits used for table slots
/// depend on every input bit.
pub fn hash(s: &str) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (s.len() as u64).wrapping_mul(K);
    let mut word = 0u64;
    let mut shift = 0u32;
    for &b in s.as_bytes() {
        word |= u64::from(b) << shift;
        shift += 8;
        if shift == 64 {
            h = (h ^ word).wrapping_mul(K).rotate_left(29);
            word = 0;
            shift = 0;
        }
    }
    h ^= word;
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_tells_apart_what_ids_look_like() {
        let mut all: Vec<u64> = Vec::new();
        for i in 0..20_000 {
            all.push(hash(&format!("i{i}")));
            all.push(hash(&format!("item-{i:08}")));
            all.push(hash(&format!("a-long-creator-id-of-many-characters-{i}")));
        }
        all.push(hash(""));
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n);
        // Length is mixed in: a string and its zero-padded twin differ.
        assert_ne!(hash("a"), hash("a\0"));
    }

    #[test]
    fn keys_cover_the_first_topics() {
        let topics: Vec<String> = (0..6).map(|i| format!("t{i}")).collect();
        let k = Keys::of("i1", "c1", &topics, Some("k"));
        assert_eq!(k.n_topics, 4);
        assert_eq!(k.topics[3], hash("t3"));
        assert_eq!(k.campaign, Some(hash("k")));
        assert_eq!(Keys::of("i1", "c1", &[], None).n_topics, 0);
    }
}
