//! Interactions the feed observes. Each is recorded with the features of the item it concerns, so the
//! profile can learn topics, creators and kinds without keeping the items themselves.

use serde::{Deserialize, Serialize};

use super::candidate::Candidate;
use crate::model::Kind;

/// What the user did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SignalKind {
    /// The card was at least half visible for at least a second.
    Impression,
    /// The card stayed on screen this long in total.
    CardDwell {
        /// Milliseconds on screen.
        ms: u32,
    },
    /// The item was opened.
    Open,
    /// Time spent on the item page.
    ItemDwell {
        /// Milliseconds on the page.
        ms: u32,
    },
    /// Liked.
    Like,
    /// Shared.
    Share,
    /// Followed the creator.
    Follow,
    /// Visited the creator's page.
    CreatorVisit,
    /// Watched part of a video.
    VideoWatched {
        /// 0..1 of the clip.
        fraction: f64,
    },
    /// "Not interested": hide this item for good.
    Hide,
    /// "Less like this" for one topic.
    LessLikeThis {
        /// The topic to see less of.
        topic: String,
    },
    /// Never show this creator again.
    MuteCreator,
}

/// The item a signal is about, as features.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// Item id.
    pub item: String,
    /// Creator id.
    pub creator: String,
    /// Topic ids.
    pub topics: Vec<String>,
    /// Kind.
    pub kind: Kind,
    /// Campaign id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// Price band of the first product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_band: Option<String>,
}

impl From<&Candidate> for Target {
    fn from(c: &Candidate) -> Self {
        Self {
            item: c.id.clone(),
            creator: c.creator.clone(),
            topics: c.topics.clone(),
            kind: c.kind,
            campaign: c.campaign.clone(),
            price_band: c.price_band.map(str::to_string),
        }
    }
}

/// One interaction at a moment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    /// Unix seconds.
    pub at: i64,
    /// What happened.
    #[serde(flatten)]
    pub kind: SignalKind,
    /// To which item.
    pub target: Target,
}

impl SignalKind {
    /// Whether this signal should trigger a re-rank of the unseen tail (impressions alone do not: they are
    /// weak and frequent, and re-ranking on each would churn the tail for nothing).
    pub fn is_meaningful(&self) -> bool {
        !matches!(self, SignalKind::Impression | SignalKind::CardDwell { .. })
    }
}
