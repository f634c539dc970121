//! Creator profiles, campaigns and the index of feed channels: the small documents around the items.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::item::{bounded_list, bounded_text, check_id, keep_valid, resolve_into, LOCALES, MAX_SHORT, MAX_TEXT};
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
    /// Where the creator's views came from over the last 30 days, when the server shares it (the creator
    /// studio shows it as a breakdown; the feed never needs it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traffic: Option<Traffic>,
    /// Of the views share links brought over the same 30 days, how many came through sharers of each fan
    /// level, when the server counts them (from the `via_level` of visit events); the studio shows how much
    /// of a creator's share traffic their super fans bring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_by_level: Option<ShareByLevel>,
    /// Creators this one works with (创作者相互引流): the creator page shows them as a 合作达人 row with follow
    /// buttons, and visits from there count as `collab` traffic. A bad entry is dropped with a note.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub collabs: Vec<Collab>,
}

/// Why two creators list each other: `collab` (合作, they made something together) or `kindred` (同好, they
/// share an audience's interests). Kept as text on the wire so an unknown reason costs only its entry.
pub const COLLAB_REASONS: [&str; 2] = ["collab", "kindred"];
/// Most collaborators listed on a creator, and most ids an item's creator summary carries.
pub const MAX_COLLABS: usize = 12;

/// A collaborator as the creator page draws it: enough to show and follow them without another request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Collab {
    /// Creator id of the collaborator.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Avatar image URL.
    pub avatar: String,
    /// Platform-verified account.
    #[serde(default)]
    pub verified: bool,
    /// One of [`COLLAB_REASONS`].
    pub reason: String,
}

impl Collab {
    /// Whether the reason is 同好 rather than 合作 (the two the contract knows).
    pub fn is_kindred(&self) -> bool {
        self.reason == "kindred"
    }
}

/// Share-link views by the sharer's fan level (`passerby`, `fan`, `loyal`, `super`); missing keys are 0.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareByLevel {
    /// Shared by someone with no standing (路人).
    #[serde(default)]
    pub passerby: u64,
    /// By a 粉丝.
    #[serde(default)]
    pub fan: u64,
    /// By a 铁粉.
    #[serde(default)]
    pub loyal: u64,
    /// By a 超级粉丝.
    #[serde(default, rename = "super")]
    pub super_fan: u64,
}

impl ShareByLevel {
    /// Counts lowest level first, in the order the levels are named.
    pub fn entries(&self) -> [u64; 4] {
        [self.passerby, self.fan, self.loyal, self.super_fan]
    }

    /// All share views together, saturating so hostile counts cannot overflow.
    pub fn total(&self) -> u64 {
        self.entries().iter().fold(0u64, |acc, n| acc.saturating_add(*n))
    }

    /// The super fans' share of the total, in whole percent (0 when there is nothing).
    pub fn super_percent(&self) -> u64 {
        let total = self.total();
        if total == 0 {
            return 0;
        }
        ((self.super_fan as f64 / total as f64) * 100.0).round() as u64
    }
}

/// Views of a creator's items over the last 30 days by where the viewer came from, so a creator can see
/// which channels (recommendations, followers, shares, campaigns, embeds) actually bring an audience.
/// Missing keys are 0; counts are `u64`, so the types are the whole validation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Traffic {
    /// From the recommend feed or a topic channel.
    #[serde(default)]
    pub recommend: u64,
    /// From the following feed.
    #[serde(default)]
    pub following: u64,
    /// From the creator's own page.
    #[serde(default)]
    pub profile: u64,
    /// From a share link.
    #[serde(default)]
    pub share: u64,
    /// From a campaign link.
    #[serde(default)]
    pub campaign: u64,
    /// From another site (referrer).
    #[serde(default)]
    pub external: u64,
    /// From Guang embedded in a host app.
    #[serde(default)]
    pub embed: u64,
    /// Typed or bookmarked, no known source.
    #[serde(default)]
    pub direct: u64,
    /// From a collaborator's page or a co-creator credit (创作者相互引流).
    #[serde(default)]
    pub collab: u64,
}

impl Traffic {
    /// The sources in the contract's fixed order (the JSON keys, which are also the event `source` values),
    /// so a UI can draw a stable breakdown without naming each field.
    pub fn entries(&self) -> [(&'static str, u64); 9] {
        [
            ("recommend", self.recommend),
            ("following", self.following),
            ("profile", self.profile),
            ("share", self.share),
            ("campaign", self.campaign),
            ("external", self.external),
            ("embed", self.embed),
            ("direct", self.direct),
            ("collab", self.collab),
        ]
    }

    /// All views together, saturating so hostile counts cannot overflow; the denominator for shares.
    pub fn total(&self) -> u64 {
        self.entries().iter().fold(0u64, |acc, (_, n)| acc.saturating_add(*n))
    }
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
        let own = self.id.clone();
        let mut seen: Vec<String> = Vec::new();
        keep_valid(&mut self.collabs, MAX_COLLABS, &format!("{path}.collabs"), p, |c, at, found| {
            check_id(&c.id, &format!("{at}.id"), found);
            bounded_text(&mut c.name, MAX_SHORT, true, &format!("{at}.name"), found);
            resolve_into(&mut c.avatar, base, &format!("{at}.avatar"), found);
            if !COLLAB_REASONS.contains(&c.reason.as_str()) {
                found.add(format!("{at}.reason"), ProblemKind::OutOfRange);
            }
            if c.id == own || seen.contains(&c.id) {
                found.add(format!("{at}.id"), ProblemKind::OutOfRange);
            }
            if found.is_empty() {
                seen.push(c.id.clone());
            }
        });
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
    /// Topic (channel) ids the campaign favours, so the app can tie a campaign to the channels it runs in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
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
        bounded_list(&self.topics, &format!("{path}.topics"), p);
        for (i, t) in self.topics.iter().enumerate() {
            check_id(t, &format!("{path}.topics[{i}]"), p);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traffic_keys_default_to_zero_and_keep_their_order() {
        let t: Traffic = serde_json::from_str(r#"{"share": 5, "recommend": 10}"#).unwrap();
        let keys: Vec<&str> = t.entries().iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            ["recommend", "following", "profile", "share", "campaign", "external", "embed", "direct", "collab"]
        );
        assert_eq!(t.entries()[3], ("share", 5));
        assert_eq!(t.total(), 15);
        let json = serde_json::to_value(&t).unwrap();
        for (k, n) in t.entries() {
            assert_eq!(json[k], n, "the entry names are the JSON keys");
        }
        let huge = Traffic { recommend: u64::MAX, direct: 1, ..Traffic::default() };
        assert_eq!(huge.total(), u64::MAX, "saturates");
        assert!(serde_json::from_str::<Traffic>(r#"{"share": -1}"#).is_err());
    }

    #[test]
    fn creator_traffic_is_optional_and_omitted_when_absent() {
        let json = r#"{"id": "c1", "name": "n", "avatar": "a.svg"}"#;
        let c: Creator = serde_json::from_str(json).unwrap();
        assert_eq!(c.traffic, None);
        assert!(!serde_json::to_string(&c).unwrap().contains("traffic"));
        let c: Creator =
            serde_json::from_str(r#"{"id": "c1", "name": "n", "avatar": "a.svg", "traffic": {}}"#).unwrap();
        assert_eq!(c.traffic.map(|t| t.total()), Some(0));
    }

    #[test]
    fn share_by_level_is_optional_and_saturates() {
        let c: Creator = serde_json::from_str(r#"{"id": "c1", "name": "n", "avatar": "a.svg"}"#).unwrap();
        assert_eq!(c.share_by_level, None);
        assert!(!serde_json::to_string(&c).unwrap().contains("share_by_level"));
        let json = r#"{"id": "c1", "name": "n", "avatar": "a.svg",
            "share_by_level": {"passerby": 300, "fan": 200, "loyal": 150, "super": 350}}"#;
        let s = serde_json::from_str::<Creator>(json).unwrap().share_by_level.unwrap();
        assert_eq!((s.total(), s.super_percent()), (1000, 35));
        assert!(serde_json::to_string(&s).unwrap().contains(r#""super":350"#));
        let huge = ShareByLevel { passerby: u64::MAX, super_fan: u64::MAX, ..ShareByLevel::default() };
        assert_eq!(huge.total(), u64::MAX);
        assert_eq!(ShareByLevel::default().super_percent(), 0);
        let bad = r#"{"id": "c1", "name": "n", "avatar": "a.svg", "share_by_level": {"super": -1}}"#;
        assert!(serde_json::from_str::<Creator>(bad).is_err());
    }

    #[test]
    fn campaign_topics_are_checked_ids() {
        let json = r#"{"id": "c", "name": {"zh-CN": "x", "en": "x"}, "start": "2026-01-01T00:00:00Z",
            "end": "2026-02-01T00:00:00Z", "topics": ["food", "no/slash"]}"#;
        let mut c: Campaign = serde_json::from_str(json).unwrap();
        let mut p = Problems::default();
        c.validate("campaigns[0]", &mut p);
        let p = p.into_vec();
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].path, "campaigns[0].topics[1]");
        assert_eq!(p[0].kind, ProblemKind::BadId);

        c.topics = (0..21).map(|i| format!("t{i}")).collect();
        let mut p = Problems::default();
        c.validate("campaigns[0]", &mut p);
        assert_eq!(p.into_vec()[0].kind, ProblemKind::TooLong { max: 20 });
        c.topics.clear();
        assert!(!serde_json::to_string(&c).unwrap().contains("topics"));
    }
}
