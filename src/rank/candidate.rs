//! What the ranker knows of an item: its features, copied out of the contract item once so ranking 10,000
//! items touches small, flat data.

use std::sync::Arc;

use crate::model::{Item, Kind};

/// Price bands in yuan, so "cheap" and "premium" tastes can be learned without learning individual prices.
pub const PRICE_BANDS: [&str; 4] = ["lt50", "50-200", "200-1000", "gte1000"];

/// The band of a price in minor units.
pub fn price_band(amount_minor: i64) -> &'static str {
    match amount_minor {
        i64::MIN..=4_999 => PRICE_BANDS[0],
        5_000..=19_999 => PRICE_BANDS[1],
        20_000..=99_999 => PRICE_BANDS[2],
        _ => PRICE_BANDS[3],
    }
}

/// Index of a band in [`PRICE_BANDS`].
pub fn band_index(band: &str) -> Option<usize> {
    // Bands normally are the constants themselves: compare addresses before contents.
    PRICE_BANDS.iter().position(|b| std::ptr::eq(*b, band)).or_else(|| PRICE_BANDS.iter().position(|b| *b == band))
}

/// An item as the ranker sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Item id.
    pub id: String,
    /// Creator id.
    pub creator: String,
    /// Kind.
    pub kind: Kind,
    /// Topic ids.
    pub topics: Vec<String>,
    /// Campaign id, if any.
    pub campaign: Option<String>,
    /// Price band of the first product, if any.
    pub price_band: Option<&'static str>,
    /// Publication time, Unix seconds.
    pub published_ts: i64,
    /// The server's score, if it sent one.
    pub server_score: Option<f64>,
    /// Creators the item's creator works with, and its co-creators: when the user follows one of them the
    /// item gets the small collaborator boost ("你关注的 X 的合作达人").
    pub collabs: Vec<String>,
    /// A live stream on air.
    pub live_now: bool,
    /// The item's embedding from the server, already decoded and checked against `index.json`'s
    /// dimension; shared, so building candidates for every re-rank copies no vectors. Items without one
    /// still rank, by their features and the server score.
    pub embedding: Option<Arc<[f32]>>,
    /// Hashes of the ids above, computed once: when the item was validated ([`Candidate::from_item`]
    /// copies them) or with [`Candidate::with_keys`], so re-ranks compare integers; `None` makes each
    /// re-rank hash them itself. Recompute them after changing an id.
    pub keys: Option<Keys>,
}

pub use crate::model::keys::{Keys, KEYED_TOPICS};

impl Candidate {
    /// Extracts the ranking features of a validated item.
    pub fn from_item(item: &Item) -> Self {
        Self {
            id: item.id.clone(),
            creator: item.creator.id.clone(),
            kind: item.kind(),
            topics: item.topics.clone(),
            campaign: item.campaign.clone(),
            price_band: item.products.first().map(|p| price_band(p.price.amount)),
            published_ts: item.published_ts,
            server_score: item.score,
            collabs: item.creator.collabs.iter().chain(item.co_creators.iter().map(|c| &c.id)).cloned().collect(),
            live_now: item.is_live_now(),
            embedding: item.vector.clone(),
            keys: item.keys,
        }
    }

    /// The candidate with its [`Keys`] computed.
    pub fn with_keys(mut self) -> Self {
        self.keys = Some(self.hash_keys());
        self
    }

    /// Its keys, computed now if they were not.
    pub fn keys(&self) -> Keys {
        self.keys.unwrap_or_else(|| self.hash_keys())
    }

    fn hash_keys(&self) -> Keys {
        Keys::of(&self.id, &self.creator, &self.topics, self.campaign.as_deref())
    }
}

/// Kind as a profile key.
pub fn kind_key(kind: Kind) -> &'static str {
    match kind {
        Kind::Note => "note",
        Kind::Video => "video",
        Kind::Live => "live",
    }
}
