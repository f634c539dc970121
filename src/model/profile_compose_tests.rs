use super::*;
use crate::model::item::{MAX_SHORT, MAX_TEXT};

fn base() -> ApiBase {
    ApiBase::parse("https://example.com/api/v1/").expect("base")
}

/// The creator as the studio has it: a served document, validated (URLs absolute).
fn current() -> Creator {
    let doc = r#"{"version": 1, "creator": {
        "id": "c01", "name": "小鹿爱穿搭", "avatar": "media/avatars/c01.svg", "verified": true,
        "bio": "小个子穿搭", "bio_translations": {"en": "Petite fashion"}, "topics": ["fashion", "travel"],
        "stats": {"followers": 12000, "likes": 340000, "items": 58}, "live_item": "i0100",
        "traffic": {"recommend": 10, "share": 5},
        "share_by_level": {"passerby": 3, "fan": 2, "loyal": 1, "super": 4},
        "collabs": [{"id": "c02", "name": "阿杰", "avatar": "media/avatars/c02.svg", "reason": "collab"}]
    }}"#;
    match validate_draft(doc, &base()) {
        Ok(Draft::Creator(c)) => c,
        other => panic!("fixture: {other:?}"),
    }
}

fn draft() -> ProfileDraft {
    ProfileDraft::from_creator(&current(), "p1".into(), 1)
}

fn avatar(name: &str, bytes: u64) -> LocalFile {
    LocalFile { name: name.into(), mime: "image/png".into(), bytes, width: 512, height: 512, ..LocalFile::default() }
}

#[test]
fn a_new_draft_is_the_current_profile() {
    let d = draft();
    let c = current();
    assert!(d.same_as(&c));
    let checked = d.check(&c, &base());
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    assert_eq!(checked.creator.as_ref(), Some(&c), "an untouched draft is the profile itself");
}

#[test]
fn what_the_form_does_not_edit_is_carried_unchanged() {
    let mut d = draft();
    d.name = "小鹿".into();
    d.bio = "新的简介".into();
    d.topics = vec!["travel".into()];
    let c = current();
    let doc = d.to_document(&c);
    assert_eq!(doc["version"], 1);
    let got = d.check(&c, &base()).creator.expect("valid");
    assert_eq!((got.name.as_str(), got.bio.as_str()), ("小鹿", "新的简介"));
    assert_eq!(got.topics, ["travel"]);
    assert_eq!(got.stats, c.stats);
    assert_eq!(got.traffic, c.traffic);
    assert_eq!(got.share_by_level, c.share_by_level);
    assert_eq!(got.collabs, c.collabs);
    assert_eq!(got.bio_translations, c.bio_translations);
    assert_eq!(got.live_item, c.live_item);
    assert!(got.verified);
    assert_eq!(got.avatar, c.avatar);
    assert!(!d.same_as(&c));
}

#[test]
fn a_device_avatar_is_named_under_the_drafts_media() {
    let mut d = draft();
    d.avatar = avatar("k3x9qa.png", 20_000);
    let doc = d.to_document(&current());
    assert_eq!(doc["creator"]["avatar"], "media/drafts/p1/k3x9qa.png");
    let got = d.check(&current(), &base()).creator.expect("valid");
    assert_eq!(got.avatar, "https://example.com/api/v1/media/drafts/p1/k3x9qa.png");
    assert_eq!(d.device_file().map(|f| f.name.as_str()), Some("k3x9qa.png"));
    assert!(draft().device_file().is_none(), "the current avatar is a URL, not a device file");
}

#[test]
fn every_problem_points_at_its_field() {
    let mut d = draft();
    d.name = "  ".into();
    d.bio = "字".repeat(MAX_TEXT + 1);
    d.topics = vec!["ok".into(), "no/slash".into()];
    d.avatar = avatar("big.png", MAX_IMAGE_BYTES + 1);
    let checked = d.check(&current(), &base());
    assert!(checked.creator.is_none());
    let fields: Vec<ProfileField> = checked.problems.iter().map(|p| profile_field_of(&p.path)).collect();
    for want in [ProfileField::Name, ProfileField::Bio, ProfileField::Avatar, ProfileField::Topics] {
        assert!(fields.contains(&want), "{want:?} in {:?}", checked.problems);
    }
    let name = checked.problems.iter().find(|p| p.path == "creator.name").expect("name");
    assert_eq!(name.kind, ProblemKind::Empty);
    let bio = checked.problems.iter().find(|p| p.path == "creator.bio").expect("bio");
    assert_eq!(bio.kind, ProblemKind::TooLong { max: MAX_TEXT });
}

#[test]
fn limits_are_the_contracts() {
    let mut d = draft();
    d.name = "名".repeat(MAX_SHORT);
    d.bio = "字".repeat(MAX_TEXT);
    assert!(d.check(&current(), &base()).problems.is_empty());
    d.name.push('名');
    let p = d.check(&current(), &base()).problems;
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!((p[0].path.as_str(), &p[0].kind), ("creator.name", &ProblemKind::TooLong { max: MAX_SHORT }));
}

#[test]
fn pasted_markup_stays_text() {
    let mut d = draft();
    d.name = "<img src=x onerror=alert(1)>".into();
    let got = d.check(&current(), &base()).creator.expect("valid");
    assert_eq!(got.name, "<img src=x onerror=alert(1)>");
}

#[test]
fn problem_paths_map_to_fields() {
    assert_eq!(profile_field_of("creator.name"), ProfileField::Name);
    assert_eq!(profile_field_of("creator.bio"), ProfileField::Bio);
    assert_eq!(profile_field_of("creator.avatar"), ProfileField::Avatar);
    assert_eq!(profile_field_of("creator.topics[3]"), ProfileField::Topics);
    assert_eq!(profile_field_of("creator.bio_translations.en"), ProfileField::Other);
    assert_eq!(profile_field_of("creator.stats.followers"), ProfileField::Other);
    assert_eq!(profile_field_of("$"), ProfileField::Other);
}

#[test]
fn stored_drafts_round_trip_and_hostile_ones_are_refused() {
    let mut d = draft();
    d.avatar = avatar("k3x9qa.png", 20_000);
    d.publish = Some(Publish::Pending { key: "p1-5".into(), body: "{}".into() });
    let text = d.to_stored();
    assert_eq!(ProfileDraft::from_stored(&text), Some(d.clone()));
    assert!(text.contains(r#""version":1"#));
    for bad in [
        "",
        "not json",
        "[]",
        r#"{"version": 2, "draft": {"id": "p1", "updated_ms": 1}}"#,
        r#"{"version": 1, "draft": {"id": "../x", "updated_ms": 1}}"#,
        r#"{"version": 1, "draft": {"id": "p1", "updated_ms": 1, "avatar": {"name": "../../etc", "mime": "", "bytes": 1}}}"#,
        r#"{"version": 1, "draft": {"id": "p1", "updated_ms": "soon"}}"#,
    ] {
        assert_eq!(ProfileDraft::from_stored(bad), None, "{bad}");
    }
    let huge =
        format!(r#"{{"version": 1, "draft": {{"id": "p1", "updated_ms": 1, "bio": "{}"}}}}"#, "x".repeat(200_000));
    assert_eq!(ProfileDraft::from_stored(&huge), None);
}

#[test]
fn a_hostile_device_file_name_is_a_problem_not_a_path() {
    let mut d = draft();
    d.avatar = avatar("../x.png", 10);
    let checked = d.check(&current(), &base());
    assert!(checked.creator.is_none());
    assert_eq!(checked.problems[0].path, "creator.avatar");
}
