//! Interactions the feed observes. Each is recorded with the features of the item it concerns, so the
//! profile can learn topics, creators and kinds without keeping the items themselves.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::candidate::Candidate;
use crate::model::Kind;

/// What the user did.
///
/// Serialised internally tagged (`{"type": "card_dwell", "ms": 1200}`) and flattened into [`Signal`]; read back
/// by hand in [`SignalKind::from_fields`], because serde's derived reader for a flattened tagged enum buffers
/// every field generically and cost 5.6 KB of gzip wasm in the first load.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    /// The item's embedding, for the session model; not written with the signal (the profile keeps the
    /// engaged items' vectors once, compactly, in its own list).
    #[serde(skip)]
    pub embedding: Option<std::sync::Arc<[f32]>>,
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
            embedding: c.embedding.clone(),
        }
    }
}

/// One interaction at a moment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Signal {
    /// Unix seconds.
    pub at: i64,
    /// What happened.
    #[serde(flatten)]
    pub kind: SignalKind,
    /// To which item.
    pub target: Target,
}

impl<'de> Deserialize<'de> for Signal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let mut fields = Map::deserialize(d)?;
        let at = fields.get("at").and_then(Value::as_i64).ok_or_else(|| D::Error::custom("signal: bad `at`"))?;
        let target = fields.remove("target").ok_or_else(|| D::Error::custom("signal: no `target`"))?;
        let target = Target::deserialize(target).map_err(D::Error::custom)?;
        let kind = SignalKind::from_fields(&fields).map_err(D::Error::custom)?;
        Ok(Signal { at, kind, target })
    }
}

impl SignalKind {
    /// Reads the kind from a signal's own fields: its `type` and that type's fields, as they are serialised.
    pub fn from_fields(fields: &Map<String, Value>) -> Result<SignalKind, String> {
        let ms =
            || fields.get("ms").and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok()).ok_or("signal: bad `ms`");
        let kind = fields.get("type").and_then(Value::as_str).ok_or("signal: no `type`")?;
        Ok(match kind {
            "impression" => SignalKind::Impression,
            "card_dwell" => SignalKind::CardDwell { ms: ms()? },
            "open" => SignalKind::Open,
            "item_dwell" => SignalKind::ItemDwell { ms: ms()? },
            "like" => SignalKind::Like,
            "share" => SignalKind::Share,
            "follow" => SignalKind::Follow,
            "creator_visit" => SignalKind::CreatorVisit,
            "video_watched" => SignalKind::VideoWatched {
                fraction: fields.get("fraction").and_then(Value::as_f64).ok_or("signal: bad `fraction`")?,
            },
            "hide" => SignalKind::Hide,
            "less_like_this" => SignalKind::LessLikeThis {
                topic: fields.get("topic").and_then(Value::as_str).ok_or("signal: bad `topic`")?.to_string(),
            },
            "mute_creator" => SignalKind::MuteCreator,
            other => return Err(format!("signal: unknown type `{other}`")),
        })
    }

    /// Whether this signal should trigger a re-rank of the unseen tail (impressions alone do not: they are
    /// weak and frequent, and re-ranking on each would churn the tail for nothing).
    pub fn is_meaningful(&self) -> bool {
        !matches!(self, SignalKind::Impression | SignalKind::CardDwell { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target() -> Target {
        Target {
            item: "i1".into(),
            creator: "c1".into(),
            topics: vec!["food".into()],
            kind: Kind::Video,
            campaign: Some("d11".into()),
            price_band: None,
            embedding: None,
        }
    }

    #[test]
    fn every_kind_reads_back_what_it_wrote() {
        let kinds = [
            SignalKind::Impression,
            SignalKind::CardDwell { ms: 1200 },
            SignalKind::Open,
            SignalKind::ItemDwell { ms: 4_000_000 },
            SignalKind::Like,
            SignalKind::Share,
            SignalKind::Follow,
            SignalKind::CreatorVisit,
            SignalKind::VideoWatched { fraction: 0.75 },
            SignalKind::Hide,
            SignalKind::LessLikeThis { topic: "food".into() },
            SignalKind::MuteCreator,
        ];
        for kind in kinds {
            let s = Signal { at: 1_790_000_000, kind, target: target() };
            let json = serde_json::to_string(&s).unwrap();
            let back: Signal = serde_json::from_str(&json).unwrap();
            assert_eq!(back, s, "{json}");
        }
    }

    #[test]
    fn the_wire_format_is_flat_and_tagged() {
        let s = Signal { at: 5, kind: SignalKind::CardDwell { ms: 7 }, target: target() };
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(v["type"], "card_dwell");
        assert_eq!(v["ms"], 7);
        assert_eq!(v["target"]["item"], "i1");
    }

    #[test]
    fn malformed_signals_are_refused_not_guessed() {
        let t = serde_json::to_value(target()).unwrap();
        for bad in [
            serde_json::json!({"at": 1, "type": "teleport", "target": t}),
            serde_json::json!({"at": 1, "type": "card_dwell", "target": t}),
            serde_json::json!({"at": 1, "type": "card_dwell", "ms": -3, "target": t}),
            serde_json::json!({"at": 1, "type": "card_dwell", "ms": 5_000_000_000u64, "target": t}),
            serde_json::json!({"at": 1, "type": "video_watched", "fraction": "half", "target": t}),
            serde_json::json!({"at": "now", "type": "open", "target": t}),
            serde_json::json!({"at": 1, "type": "open"}),
            serde_json::json!({"at": 1, "target": t}),
            serde_json::json!([1, 2]),
        ] {
            assert!(serde_json::from_value::<Signal>(bad.clone()).is_err(), "{bad}");
        }
    }
}
