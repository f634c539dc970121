//! Creator profiles, campaigns and the index of feed channels: the small documents around the items.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::item::{bounded_list, bounded_text, check_id, resolve_into, LOCALES, MAX_SHORT, MAX_TEXT};
use super::problem::{ProblemKind, Problems};
use super::time::parse_rfc3339;
use super::url::ApiBase;

/// A name given in both UI languages, for things the platform names (channels, campaigns).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Names {
    /// Simplified Chinese.
    #[serde(rename = "zh-CN")]
    pub zh: String,
    /// English.
    pub en: String,
}

impl Names {
    /// The name for a UI locale (`en` gets English, everything else Chinese).
    pub fn get(&self, locale: &str) -> &str {
        if locale == "en" && !self.en.is_empty() {
            &self.en
        } else {
            &self.zh
        }
    }

    fn validate(&mut self, path: &str, p: &mut Problems) {
        bounded_text(&mut self.zh, MAX_SHORT, true, &format!("{path}.zh-CN"), p);
        bounded_text(&mut self.en, MAX_SHORT, false, &format!("{path}.en"), p);
    }
}

/// Follower, like and item counts shown on a creator page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatorStats {
    /// Followers.
    #[serde(default)]
    pub followers: u64,
    /// Likes received over all items.
    #[serde(default)]
    pub likes: u64,
    /// Published items.
    #[serde(default)]
    pub items: u64,
}

/// A creator's profile (`creators/{id}.json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Creator {
    /// Creator id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Avatar image URL.
    pub avatar: String,
    /// Platform-verified account.
    #[serde(default)]
    pub verified: bool,
    /// Self-description.
    #[serde(default)]
    pub bio: String,
    /// Bio in other locales.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub bio_translations: BTreeMap<String, String>,
    /// Topic ids the creator mostly posts in.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Public counters.
    #[serde(default)]
    pub stats: CreatorStats,
    /// Id of the creator's live item while a stream is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub live_item: Option<String>,
}

impl Creator {
    /// Bio in `locale`, falling back to the original.
    pub fn bio_in(&self, locale: &str) -> &str {
        match self.bio_translations.get(locale) {
            Some(b) if !b.is_empty() => b,
            _ => &self.bio,
        }
    }

    /// Checks and normalises the profile in place, recording every problem under `path`.
    pub fn validate(&mut self, base: &ApiBase, path: &str, p: &mut Problems) {
        check_id(&self.id, &format!("{path}.id"), p);
        bounded_text(&mut self.name, MAX_SHORT, true, &format!("{path}.name"), p);
        resolve_into(&mut self.avatar, base, &format!("{path}.avatar"), p);
        bounded_text(&mut self.bio, MAX_TEXT, false, &format!("{path}.bio"), p);
        self.bio_translations.retain(|k, _| LOCALES.contains(&k.as_str()));
        for (locale, bio) in self.bio_translations.iter_mut() {
            bounded_text(bio, MAX_TEXT, false, &format!("{path}.bio_translations.{locale}"), p);
        }
        bounded_list(&self.topics, &format!("{path}.topics"), p);
        for (i, t) in self.topics.iter().enumerate() {
            check_id(t, &format!("{path}.topics[{i}]"), p);
        }
        if let Some(id) = &self.live_item {
            check_id(id, &format!("{path}.live_item"), p);
        }
    }
}

/// A shopping campaign (618, 双11, 年货节) with the window in which it lifts its items.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    /// Campaign id, referenced by items.
    pub id: String,
    /// Name in both languages.
    pub name: Names,
    /// Start of the window (RFC 3339).
    pub start: String,
    /// End of the window (RFC 3339).
    pub end: String,
    /// How much the campaign lifts its items while active (0 = none, 1 = strong).
    #[serde(default)]
    pub boost: f64,
    /// `start` as Unix seconds, filled in by validation.
    #[serde(skip)]
    pub start_ts: i64,
    /// `end` as Unix seconds, filled in by validation.
    #[serde(skip)]
    pub end_ts: i64,
}

impl Campaign {
    /// Whether the window contains `now` (Unix seconds).
    pub fn is_active(&self, now: i64) -> bool {
        self.start_ts <= now && now < self.end_ts
    }

    /// Checks the campaign in place, recording every problem under `path`.
    pub fn validate(&mut self, path: &str, p: &mut Problems) {
        check_id(&self.id, &format!("{path}.id"), p);
        self.name.validate(&format!("{path}.name"), p);
        match (parse_rfc3339(&self.start), parse_rfc3339(&self.end)) {
            (Some(s), Some(e)) if s < e => (self.start_ts, self.end_ts) = (s, e),
            (Some(_), Some(_)) => p.add(format!("{path}.end"), ProblemKind::OutOfRange),
            (s, e) => {
                if s.is_none() {
                    p.add(format!("{path}.start"), ProblemKind::BadTime);
                }
                if e.is_none() {
                    p.add(format!("{path}.end"), ProblemKind::BadTime);
                }
            }
        }
        if !(0.0..=1.0).contains(&self.boost) {
            p.add(format!("{path}.boost"), ProblemKind::OutOfRange);
        }
    }
}

/// A feed channel: `recommend`, or a topic such as `digital` (数码).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    /// Channel id; `feed/{id}/1.json` is its first page.
    pub id: String,
    /// Name in both languages.
    pub name: Names,
}

impl Channel {
    /// Checks the channel in place.
    pub fn validate(&mut self, path: &str, p: &mut Problems) {
        check_id(&self.id, &format!("{path}.id"), p);
        self.name.validate(&format!("{path}.name"), p);
    }
}
