//! The demo pack is deterministic, valid under the app's own parsers, and what is committed.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use guang::model::{parse_creator_doc, parse_feed_page, parse_index, parse_item_doc, ApiBase, Kind};
use guang_demo_gen::{build_pack, CLIPS, CREATORS, ITEMS, SEED};

fn base() -> ApiBase {
    ApiBase::parse("http://127.0.0.1:8080/api/v1/").unwrap()
}

fn text(pack: &guang_demo_gen::Pack, path: &str) -> String {
    String::from_utf8(pack.get(path).unwrap_or_else(|| panic!("missing {path}")).clone()).unwrap()
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let a = build_pack(SEED);
    assert_eq!(a, build_pack(SEED));
    assert_ne!(a.get("items/i0001.json"), build_pack(SEED + 1).get("items/i0001.json"));
}

#[test]
fn every_document_passes_the_app_validators() {
    let pack = build_pack(SEED);
    let b = base();
    let index = parse_index(&text(&pack, "index.json")).unwrap();
    assert!(index.skipped.is_empty(), "{:?}", index.skipped);
    assert!(index.channels.len() >= 11, "recommend plus at least 10 topics");
    assert_eq!(index.embedding_dim, Some(32));
    // Every copy of an item carries the same embedding: feed pages, creator pages and its own document.
    let mut vectors: HashMap<String, Option<Arc<[f32]>>> = HashMap::new();
    let mut same_everywhere = |items: &mut [guang::model::Item], url: &str| {
        assert!(guang::model::embedding::enforce_dim(items, index.embedding_dim).is_empty(), "{url}");
        for it in items.iter() {
            let first = vectors.entry(it.id.clone()).or_insert_with(|| it.vector.clone());
            assert_eq!(*first, it.vector, "{} in {url}", it.id);
        }
    };
    let ids: BTreeSet<&str> = index.campaigns.iter().map(|c| c.id.as_str()).collect();
    assert!(ids.is_superset(&BTreeSet::from(["c618", "c1111", "cnewyear"])));

    for ch in &index.channels {
        let mut url = format!("feed/{}/1.json", ch.id);
        let mut seen = HashSet::new();
        loop {
            let mut page = parse_feed_page(&text(&pack, &url), &b).unwrap();
            assert!(page.skipped.is_empty(), "{url}: {:?}", page.skipped);
            assert!(page.notes.is_empty(), "{url}: {:?}", page.notes);
            same_everywhere(&mut page.items, &url);
            for it in &page.items {
                assert!(seen.insert(it.id.clone()), "{} twice in {}", it.id, ch.id);
            }
            match page.next {
                Some(n) => url = n.strip_prefix(&b.as_url()).unwrap().to_string(),
                None => break,
            }
        }
        if ch.id == "recommend" {
            assert_eq!(seen.len(), ITEMS, "the recommend feed holds every item");
        } else {
            assert!(seen.len() >= 20, "channel {} has {} items", ch.id, seen.len());
        }
    }

    let mut kinds = BTreeSet::new();
    let mut creators_seen = BTreeSet::new();
    for n in 1..=ITEMS {
        let mut item = parse_item_doc(&text(&pack, &format!("items/i{n:04}.json")), &b).unwrap();
        same_everywhere(std::slice::from_mut(&mut item), "its document");
        kinds.insert(item.kind());
        creators_seen.insert(item.creator.id.clone());
        assert!(item.translations.contains_key("en"));
    }
    assert_eq!(kinds, BTreeSet::from([Kind::Note, Kind::Video, Kind::Live]));
    assert_eq!(creators_seen.len(), CREATORS, "every creator has items");
    for n in 1..=CREATORS {
        let c = parse_creator_doc(&text(&pack, &format!("creators/c{n:02}.json")), &b).unwrap();
        let mut first = parse_feed_page(&text(&pack, &format!("creators/{}/items/1.json", c.id)), &b).unwrap();
        same_everywhere(&mut first.items, "a creator page");
        assert!(first.items.iter().all(|i| i.creator.id == c.id));
        assert!(first.items.windows(2).all(|w| w[0].published_ts >= w[1].published_ts), "newest first");
    }
    let with = vectors.values().filter(|v| v.is_some()).count();
    assert!(with > ITEMS * 9 / 10 && with < ITEMS, "{with} of {ITEMS} items have an embedding");
}

#[test]
fn creators_have_plausible_traffic_and_campaigns_favour_known_topics() {
    let pack = build_pack(SEED);
    let b = base();
    for n in 1..=CREATORS {
        let c = parse_creator_doc(&text(&pack, &format!("creators/c{n:02}.json")), &b).unwrap();
        let t = c.traffic.clone().unwrap_or_else(|| panic!("{} has no traffic", c.id));
        let (top, _) = t.entries().into_iter().max_by_key(|(_, v)| *v).unwrap();
        assert_eq!(top, "recommend", "{}: {t:?}", c.id);
        assert!(t.following > 0 && t.share > 0 && t.external > 0 && t.direct > 0, "{}: {t:?}", c.id);
        assert!(t.embed < t.share.max(t.external) * 2, "embeds stay small: {}: {t:?}", c.id);
        assert!(t.following <= c.stats.followers.max(50), "{}: {t:?}", c.id);
    }
    let index = parse_index(&text(&pack, "index.json")).unwrap();
    let channels: BTreeSet<&str> = index.channels.iter().map(|c| c.id.as_str()).collect();
    for campaign in &index.campaigns {
        assert!((2..=4).contains(&campaign.topics.len()), "{}: {:?}", campaign.id, campaign.topics);
        for t in &campaign.topics {
            assert!(channels.contains(t.as_str()) && t != "recommend", "{}: {t}", campaign.id);
        }
    }
}

#[test]
fn every_local_reference_points_at_a_file_of_the_pack() {
    let pack = build_pack(SEED);
    let b = base();
    let root = b.as_url();
    let clips: HashSet<String> = CLIPS.iter().map(|(n, _)| format!("media/videos/{n}")).collect();
    for n in 1..=ITEMS {
        let item = parse_item_doc(&text(&pack, &format!("items/i{n:04}.json")), &b).unwrap();
        let mut urls = vec![item.cover.url.clone(), item.creator.avatar.clone()];
        urls.extend(item.products.iter().flat_map(|p| [Some(p.url.clone()), p.image.clone()]).flatten());
        match &item.media {
            guang::model::Media::Note { images } => urls.extend(images.iter().map(|i| i.url.clone())),
            guang::model::Media::Video { url, .. } => urls.push(url.clone()),
            guang::model::Media::Live { .. } => {}
        }
        for u in urls {
            let rel = u.strip_prefix(&root).unwrap_or_else(|| panic!("{u} is not local"));
            assert!(pack.contains_key(rel) || clips.contains(rel), "{rel} is not in the pack");
        }
    }
}

#[test]
fn committed_pack_is_what_the_generator_makes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../api/v1");
    let pack = build_pack(SEED);
    let stale: Vec<&String> = pack
        .iter()
        .filter(|(p, bytes)| std::fs::read(dir.join(p)).ok().as_ref() != Some(*bytes))
        .map(|(p, _)| p)
        .take(5)
        .collect();
    assert!(stale.is_empty(), "stale files (run `make demo-pack`): {stale:?}");
    for (clip, _) in CLIPS {
        let size = std::fs::metadata(dir.join("media/videos").join(clip)).map(|m| m.len()).unwrap_or(0);
        assert!(size > 10_000 && size < 400_000, "{clip}: {size} bytes");
    }
}

/// Every campaign has a venue the app reads without a note, its feed pages hold exactly the campaign's items
/// once each, and the windows put one venue in each state at the pack's moment, at 2026-12-02 and a year on.
#[test]
fn every_campaign_has_a_venue_and_all_three_states_show() {
    use guang::model::time::parse_rfc3339;
    use guang::model::{parse_venue_doc, Phase};
    let pack = build_pack(SEED);
    let b = base();
    let index = parse_index(&text(&pack, "index.json")).unwrap();
    let mut all_items: Vec<(String, Option<String>)> = Vec::new();
    for f in pack.keys().filter(|k| k.starts_with("items/")) {
        let item = parse_item_doc(&text(&pack, f), &b).unwrap();
        all_items.push((item.id, item.campaign));
    }
    let mut venues = Vec::new();
    for c in &index.campaigns {
        let (venue, notes) = parse_venue_doc(&text(&pack, &format!("campaigns/{}.json", c.id)), &b).unwrap();
        assert!(notes.is_empty(), "{}: {notes:?}", c.id);
        assert_eq!((venue.id.as_str(), venue.starts_ts, venue.ends_ts), (c.id.as_str(), c.start_ts, c.end_ts));
        assert_eq!(venue.topics, c.topics, "{}", c.id);
        assert!(!venue.creators.is_empty() && !venue.rule.zh.is_empty() && !venue.rule.en.is_empty(), "{}", c.id);
        let mut url = format!("campaigns/{}/feed/1.json", c.id);
        let mut seen = BTreeSet::new();
        let mut last_score = f64::INFINITY;
        loop {
            let page = parse_feed_page(&text(&pack, &url), &b).unwrap();
            assert!(page.skipped.is_empty() && page.notes.is_empty(), "{url}");
            for it in &page.items {
                assert_eq!(it.campaign.as_deref(), Some(c.id.as_str()), "{} in {url}", it.id);
                assert!(seen.insert(it.id.clone()), "{} twice in {url}", it.id);
                let score = it.score.unwrap_or(f64::NEG_INFINITY);
                assert!(score <= last_score, "{} out of order in {url}: best first", it.id);
                last_score = score;
            }
            match page.next {
                Some(n) => url = n.strip_prefix(&b.as_url()).unwrap().to_string(),
                None => break,
            }
        }
        let want: BTreeSet<String> = all_items
            .iter()
            .filter(|(_, camp)| camp.as_deref() == Some(c.id.as_str()))
            .map(|(id, _)| id.clone())
            .collect();
        assert_eq!(seen, want, "{}", c.id);
        venues.push(venue);
    }
    assert!(venues.iter().any(|v| v.id == "c1111") && venues.len() == 4);
    let c1111_pages = pack.keys().filter(|k| k.starts_with("campaigns/c1111/feed/")).count();
    assert!(c1111_pages > 2, "a venue feed of several pages, for the paging test");
    for moment in [guang_demo_gen::PACK_NOW, "2026-12-02T12:00:00+08:00", "2027-11-20T12:00:00+08:00"] {
        let now = parse_rfc3339(moment).unwrap();
        let phases: BTreeSet<String> = venues.iter().map(|v| format!("{:?}", v.phase(now))).collect();
        let all = [Phase::Upcoming, Phase::On, Phase::Ended].map(|p| format!("{p:?}"));
        assert!(all.iter().all(|p| phases.contains(p)), "{moment}: {phases:?}");
    }
}

/// The pack announces streams (直播预告): planned after its moment, published before it, titled as an
/// announcement, never a creator's stream on air now.
#[test]
fn the_pack_has_scheduled_streams_planned_after_its_moment() {
    use guang::model::time::parse_rfc3339;
    use guang::model::{LiveStatus, Media};
    let pack = build_pack(SEED);
    let b = base();
    let now = parse_rfc3339(guang_demo_gen::PACK_NOW).unwrap();
    let mut scheduled = Vec::new();
    for f in pack.keys().filter(|k| k.starts_with("items/")) {
        let item = parse_item_doc(&text(&pack, f), &b).unwrap();
        if let Media::Live { status: LiveStatus::Scheduled, started_at, .. } = &item.media {
            let planned = parse_rfc3339(started_at).unwrap();
            assert!(planned > now && item.published_ts < now, "{}", item.id);
            assert!(item.title.starts_with("直播预告｜"), "{}: {}", item.id, item.title);
            assert!(!item.is_live_now());
            scheduled.push(item.id);
        }
    }
    assert_eq!(scheduled.len(), 2, "{scheduled:?}");
    for f in pack.keys().filter(|k| k.starts_with("creators/") && k.matches('/').count() == 1) {
        let c = parse_creator_doc(&text(&pack, f), &b).unwrap();
        assert!(!scheduled.iter().any(|id| c.live_item.as_deref() == Some(id.as_str())), "{f}");
    }
}
