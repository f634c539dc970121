//! Campaign venues (会场): the page a campaign badge leads to. `campaigns/{id}.json` names the campaign, its
//! window, its boost rule in one line, the creators it features and its topics; its content is a paged feed
//! (`campaigns/{id}/feed/1.json`, each page naming its `next`) read by [`super::parse_feed_page`].
//!
//! The document is read by hand ([`parse_venue_doc`]) so every problem is named by its field path: what the
//! page cannot do without (the name, the window, the rule) refuses the document and the page shows an error
//! with a retry; a bad creator or topic is skipped with a note and the rest shows.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::coupon::{moment, string};
use super::creator::Names;
use super::documents::{envelope, keep_valid, DocError};
use super::draft::type_name;
use super::item::{bounded_text, check_id, CreatorRef, MAX_LIST, MAX_SHORT};
use super::problem::{Problem, ProblemKind, Problems};
use super::text::is_valid_id;
use super::url::ApiBase;

/// Longest boost rule, in characters: it is one line under the name, not an essay.
pub const MAX_RULE: usize = 120;
/// Most creators a venue lists; more are cut (with a note), so a hostile list cannot flood the page.
pub const MAX_CREATORS: usize = 50;
/// Earliest moment a window may name (2000-01-01T00:00:00Z): earlier is a broken date, not a campaign.
pub const EARLIEST: i64 = 946_684_800;

/// A campaign venue after validation: what `/campaign/:id` shows above the campaign's feed.
#[derive(Clone, Debug, PartialEq)]
pub struct Venue {
    /// Campaign id (the one items carry in `campaign`).
    pub id: String,
    /// Name in both languages.
    pub name: Names,
    /// Start of the window (Unix seconds); the window is half-open, like `index.json`'s.
    pub starts_ts: i64,
    /// End of the window (Unix seconds), the first moment the campaign is over.
    pub ends_ts: i64,
    /// The boost rule in one line, both languages (newlines become spaces).
    pub rule: Names,
    /// Featured creators, good ones only.
    pub creators: Vec<CreatorRef>,
    /// Topic (channel) ids the campaign runs in, good ones only.
    pub topics: Vec<String>,
}

/// Where a campaign stands at a moment: what the venue's countdown counts towards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Not open yet: the countdown is to the start.
    Upcoming,
    /// Open: the countdown is to the end.
    On,
    /// Over.
    Ended,
}

/// The phase of a half-open window `[start, end)` at `now` (Unix seconds); shared by the venue page and the
/// feed's banner so both agree on the same second.
pub fn phase(start: i64, end: i64, now: i64) -> Phase {
    if now < start {
        Phase::Upcoming
    } else if now < end {
        Phase::On
    } else {
        Phase::Ended
    }
}

/// The in-app link to a campaign's venue. It carries `src=campaign`, so a visit that lands through a copied
/// or shared venue link counts as campaign traffic (docs/api.md, Sources); every badge and banner uses it.
pub fn venue_link(id: &str) -> String {
    format!("/campaign/{id}?src=campaign")
}

/// Whole days, hours, minutes and seconds in `secs` (negative counts as 0), for a countdown that reads the
/// same in both languages.
pub fn countdown_parts(secs: i64) -> [i64; 4] {
    let s = secs.max(0);
    [s / 86_400, s % 86_400 / 3600, s % 3600 / 60, s % 60]
}

impl Venue {
    /// Where the campaign stands at `now`.
    pub fn phase(&self, now: i64) -> Phase {
        phase(self.starts_ts, self.ends_ts, now)
    }

    /// Seconds the countdown shows at `now`: to the start, to the end, or 0 once ended.
    pub fn remaining(&self, now: i64) -> i64 {
        match self.phase(now) {
            Phase::Upcoming => self.starts_ts - now,
            Phase::On => self.ends_ts - now,
            Phase::Ended => 0,
        }
    }
}

/// Parses a venue document (`campaigns/{id}.json`: `{version, campaign}`). Returns the venue and the notes on
/// what was skipped (bad creators, bad topics) for the console; refuses the document when the name, the
/// window or the rule is wrong, with every problem by path.
pub fn parse_venue_doc(json: &str, base: &ApiBase) -> Result<(Venue, Vec<Problem>), DocError> {
    let mut root: Map<String, Value> = envelope(json)?;
    let raw = root.remove("campaign").ok_or_else(|| DocError::Malformed("missing field `campaign`".into()))?;
    let mut p = Problems::default();
    match read(raw, base, "campaign", &mut p) {
        Some(v) if p.is_empty() => Ok((v, p.into_parts().1)),
        _ => Err(DocError::Invalid(p.into_vec())),
    }
}

fn read(raw: Value, base: &ApiBase, path: &str, p: &mut Problems) -> Option<Venue> {
    let mut m = match raw {
        Value::Object(m) => m,
        other => {
            p.add(path, ProblemKind::WrongType { expected: "an object", found: type_name(&other) });
            return None;
        }
    };
    let id = string(&m, "id", path, true, p).unwrap_or_default();
    if m.get("id").is_some_and(Value::is_string) {
        check_id(&id, &format!("{path}.id"), p);
    }
    let name = names(m.get("name"), MAX_SHORT, &format!("{path}.name"), p);
    let rule = names(m.get("rule"), MAX_RULE, &format!("{path}.rule"), p).map(|mut r| {
        r.zh = one_line(&r.zh);
        r.en = one_line(&r.en);
        r
    });
    let at = |key: &str, p: &mut Problems| {
        let s = string(&m, key, path, true, p)?;
        let ts = moment(&s, &format!("{path}.{key}"), p)?;
        if ts < EARLIEST {
            p.add(format!("{path}.{key}"), ProblemKind::OutOfRange);
            return None;
        }
        Some(ts)
    };
    let (starts, ends) = (at("starts_at", p), at("ends_at", p));
    if let (Some(s), Some(e)) = (starts, ends) {
        if e <= s {
            p.add(format!("{path}.ends_at"), ProblemKind::OutOfRange);
        }
    }
    let creators = match m.remove("creators") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(mut list)) => {
            if list.len() > MAX_CREATORS {
                p.note(format!("{path}.creators"), ProblemKind::TooLong { max: MAX_CREATORS });
                list.truncate(MAX_CREATORS);
            }
            let read_ref = |v: Value, _: &str, _: &mut Problems| CreatorRef::deserialize(v);
            let (kept, skipped, _) = keep_valid(
                list,
                &format!("{path}.creators"),
                read_ref,
                |c: &CreatorRef| &c.id,
                |c, at, p| c.validate(base, at, p),
            );
            for s in skipped {
                p.note(s.path, s.kind);
            }
            kept
        }
        Some(v) => {
            p.note(format!("{path}.creators"), ProblemKind::WrongType { expected: "an array", found: type_name(&v) });
            Vec::new()
        }
    };
    let topics = match m.get("topics") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => {
            let mut kept: Vec<String> = Vec::new();
            for (i, t) in list.iter().enumerate() {
                match t.as_str() {
                    Some(t) if is_valid_id(t) && !kept.iter().any(|k| k == t) && kept.len() < MAX_LIST => {
                        kept.push(t.to_string())
                    }
                    Some(t) if is_valid_id(t) && kept.len() >= MAX_LIST => {
                        p.note(format!("{path}.topics"), ProblemKind::TooLong { max: MAX_LIST });
                        break;
                    }
                    Some(t) if is_valid_id(t) => p.note(format!("{path}.topics[{i}]"), ProblemKind::Duplicate),
                    Some(_) => p.note(format!("{path}.topics[{i}]"), ProblemKind::BadId),
                    None => p.note(
                        format!("{path}.topics[{i}]"),
                        ProblemKind::WrongType { expected: "a string", found: type_name(t) },
                    ),
                }
            }
            kept
        }
        Some(v) => {
            p.note(format!("{path}.topics"), ProblemKind::WrongType { expected: "an array", found: type_name(v) });
            Vec::new()
        }
    };
    Some(Venue { id, name: name?, starts_ts: starts?, ends_ts: ends?, rule: rule?, creators, topics })
}

/// A `{"zh-CN": …, "en": …}` text pair: Chinese required, English optional, both cleaned and bounded.
fn names(v: Option<&Value>, max: usize, path: &str, p: &mut Problems) -> Option<Names> {
    let m = match v {
        Some(Value::Object(m)) => m,
        None => {
            p.add(path, ProblemKind::Missing);
            return None;
        }
        Some(v) => {
            p.add(path, ProblemKind::WrongType { expected: "an object", found: type_name(v) });
            return None;
        }
    };
    let before = p.total();
    let mut zh = string(m, "zh-CN", path, true, p).unwrap_or_default();
    let mut en = string(m, "en", path, false, p).unwrap_or_default();
    if p.total() == before {
        bounded_text(&mut zh, max, true, &format!("{path}.zh-CN"), p);
        bounded_text(&mut en, max, false, &format!("{path}.en"), p);
    }
    (p.total() == before).then_some(Names { zh, en })
}

/// Newlines and tabs as single spaces: the rule is shown in one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn base() -> ApiBase {
        ApiBase::parse("https://feed.example.com/api/v1/").unwrap_or_else(|_| unreachable!())
    }

    fn good() -> Value {
        json!({"version": 1, "campaign": {
            "id": "c1212",
            "name": {"zh-CN": "双12 年终好价", "en": "Double 12"},
            "starts_at": "2026-11-16T00:00:00+08:00", "ends_at": "2027-12-13T00:00:00+08:00",
            "rule": {"zh-CN": "活动期间 数码、家居\n内容加权", "en": "Digital and home get a lift"},
            "creators": [{"id": "c01", "name": "小鹿", "avatar": "media/avatars/c01.svg", "verified": true}],
            "topics": ["digital", "home"]
        }})
    }

    /// A parsed venue and its notes, or every refusal as (path, kind).
    type Parsed = Result<(Venue, Vec<Problem>), Vec<(String, ProblemKind)>>;

    fn parse(v: &Value) -> Parsed {
        parse_venue_doc(&v.to_string(), &base()).map_err(|e| match e {
            DocError::Invalid(ps) => ps.into_iter().map(|p| (p.path, p.kind)).collect(),
            other => vec![("doc".into(), ProblemKind::Shape(other.to_string()))],
        })
    }

    #[test]
    fn a_good_venue_reads_with_urls_resolved_and_one_line_rule() {
        let (v, notes) = parse(&good()).unwrap();
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(v.id, "c1212");
        assert_eq!(v.name.get("en"), "Double 12");
        assert_eq!(v.rule.zh, "活动期间 数码、家居 内容加权");
        assert_eq!(v.creators[0].avatar, "https://feed.example.com/api/v1/media/avatars/c01.svg");
        assert_eq!(v.topics, ["digital", "home"]);
        assert_eq!(v.ends_ts - v.starts_ts, 392 * 86_400);
    }

    #[test]
    fn phases_and_countdown_follow_the_half_open_window() {
        let (v, _) = parse(&good()).unwrap();
        assert_eq!((v.phase(v.starts_ts - 1), v.remaining(v.starts_ts - 90_061)), (Phase::Upcoming, 90_061));
        assert_eq!(countdown_parts(90_061), [1, 1, 1, 1]);
        assert_eq!((v.phase(v.starts_ts), v.remaining(v.starts_ts)), (Phase::On, v.ends_ts - v.starts_ts));
        assert_eq!(v.phase(v.ends_ts - 1), Phase::On);
        assert_eq!((v.phase(v.ends_ts), v.remaining(v.ends_ts + 5)), (Phase::Ended, 0));
        assert_eq!(countdown_parts(-5), [0, 0, 0, 0]);
        assert_eq!(countdown_parts(59), [0, 0, 0, 59]);
    }

    #[test]
    fn what_the_page_needs_refuses_the_document_by_path() {
        let with = |ptr: &str, new: Value| {
            let mut v = good();
            *v.pointer_mut(ptr).unwrap_or_else(|| unreachable!()) = new;
            parse(&v).map(|_| ()).unwrap_err()
        };
        let first = |ptr: &str, new: Value| with(ptr, new)[0].0.clone();
        assert_eq!(first("/campaign/name", json!("双12")), "campaign.name");
        assert_eq!(first("/campaign/name/zh-CN", json!("   ")), "campaign.name.zh-CN");
        assert_eq!(first("/campaign/name/zh-CN", json!(12)), "campaign.name.zh-CN");
        assert_eq!(first("/campaign/name/en", json!("x".repeat(301))), "campaign.name.en");
        assert_eq!(first("/campaign/id", json!("../etc")), "campaign.id");
        assert_eq!(first("/campaign/starts_at", json!("tomorrow")), "campaign.starts_at");
        assert_eq!(first("/campaign/starts_at", json!("1970-01-01T00:00:00Z")), "campaign.starts_at");
        assert_eq!(first("/campaign/ends_at", json!("9999-12-31T23:59:59Z")), "campaign.ends_at");
        assert_eq!(first("/campaign/ends_at", json!("2026-11-15T00:00:00+08:00")), "campaign.ends_at");
        assert_eq!(first("/campaign/ends_at", json!(1_800_000_000)), "campaign.ends_at");
        assert_eq!(first("/campaign/rule/zh-CN", json!("长".repeat(121))), "campaign.rule.zh-CN");
        assert_eq!(first("/campaign/rule", Value::Null), "campaign.rule");
        let all = with("/campaign", json!({}));
        let paths: Vec<&str> = all.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            ["campaign.id", "campaign.name", "campaign.rule", "campaign.starts_at", "campaign.ends_at"],
            "every missing field at once"
        );
        assert!(parse(&json!({"version": 2, "campaign": {}})).is_err());
        assert!(parse(&json!({"version": 1})).is_err());
        assert!(parse(&json!({"version": 1, "campaign": [1]})).is_err());
    }

    #[test]
    fn bad_creators_and_topics_are_skipped_with_notes() {
        let mut v = good();
        v["campaign"]["creators"] = json!([
            {"id": "c01", "name": "小鹿", "avatar": "a.svg"},
            {"id": "c02", "name": "<script>x</script>", "avatar": "javascript:alert(1)"},
            {"id": "c03", "name": 5, "avatar": "a.svg"},
            {"id": "c01", "name": "again", "avatar": "a.svg"},
            "c04",
            {"id": "c05", "name": "\u{202E}好物", "avatar": "https://cdn.example.com/a.png"}
        ]);
        v["campaign"]["topics"] = json!(["food", "a/b", 7, "food", "home"]);
        let (venue, notes) = parse(&v).unwrap();
        let ids: Vec<&str> = venue.creators.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c01", "c05"]);
        assert_eq!(venue.creators[1].name, "好物", "bidi overrides are cleaned");
        assert_eq!(venue.topics, ["food", "home"]);
        let at: Vec<&str> = notes.iter().map(|p| p.path.as_str()).collect();
        for want in [
            "campaign.creators[1].avatar",
            "campaign.creators[2]",
            "campaign.creators[3].id",
            "campaign.creators[4]",
            "campaign.topics[1]",
            "campaign.topics[2]",
            "campaign.topics[3]",
        ] {
            assert!(at.contains(&want), "{want} in {at:?}");
        }
        v["campaign"]["creators"] = json!("everyone");
        v["campaign"]["topics"] = json!({"a": 1});
        let (venue, notes) = parse(&v).unwrap();
        assert!(venue.creators.is_empty() && venue.topics.is_empty());
        assert_eq!(notes.len(), 2);
    }

    #[test]
    fn a_venue_link_lands_as_campaign_traffic() {
        use crate::social::attribution::{classify_landing, Landing, Source};
        let link = venue_link("c1212");
        assert_eq!(link, "/campaign/c1212?src=campaign");
        let src = link.split_once("?src=").map(|(_, s)| s);
        let landing = Landing { src, own_origin: "https://guang.example", ..Landing::default() };
        assert_eq!(classify_landing(&landing), Source::Campaign);
    }

    #[test]
    fn absurd_lists_are_cut() {
        let mut v = good();
        let one = json!({"id": "c", "name": "n", "avatar": "a.svg"});
        v["campaign"]["creators"] =
            Value::Array((0..5000).map(|i| with_id(one.clone(), &format!("c{i}"))).collect::<Vec<_>>());
        v["campaign"]["topics"] = Value::Array((0..100).map(|i| json!(format!("t{i}"))).collect());
        let (venue, notes) = parse(&v).unwrap();
        assert_eq!((venue.creators.len(), venue.topics.len()), (MAX_CREATORS, MAX_LIST));
        assert!(notes.iter().any(|p| p.path == "campaign.creators"));
        assert!(notes.iter().any(|p| p.path == "campaign.topics"));
    }

    fn with_id(mut v: Value, id: &str) -> Value {
        v["id"] = json!(id);
        v
    }
}
