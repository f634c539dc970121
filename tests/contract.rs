//! Contract v1 parsing and validation, natively: good documents parse, every kind of bad input is refused or
//! skipped with a reason that names the field, and nothing panics.

use std::collections::HashSet;

use guang::model::embedding::{base64_encode, enforce_dim};
use guang::model::{
    parse_config, parse_creator_doc, parse_feed_page, parse_index, parse_item_doc, validate_draft, ApiBase, DocError,
    Draft, Embedding, Item, Kind, LiveStatus, Media, ProblemKind, UrlError,
};
use guang::rank::Candidate;
use serde_json::{json, Value};

fn base() -> ApiBase {
    ApiBase::parse("https://feed.example.com/api/v1/").unwrap()
}

fn good_item(id: &str) -> Value {
    json!({
        "id": id,
        "kind": "video",
        "media": {"url": "media/v.webm", "duration_s": 12},
        "title": "秋冬通勤穿搭",
        "text": "第一行\n第二行",
        "translations": {"en": {"title": "Autumn commute outfits", "text": "Line one"}, "fr": {"title": "x"}},
        "cover": {"url": "media/c.svg", "width": 600, "height": 800, "alt": "封面"},
        "creator": {"id": "c01", "name": "小鹿", "avatar": "/media/a.svg", "verified": true},
        "topics": ["fashion"],
        "products": [{"id": "p1", "title": "大衣", "price": {"amount": 59900, "currency": "CNY"},
                      "url": "https://shop.example.com/p1", "image": "media/p1.svg"}],
        "campaign": "c1111",
        "published_at": "2026-11-11T00:00:00+08:00",
        "stats": {"likes": 1200, "comments": 30, "shares": 4, "views": 50000},
        "score": 0.87
    })
}

fn page(items: Vec<Value>, next: Value) -> String {
    json!({"version": 1, "items": items, "next": next}).to_string()
}

fn with(mut v: Value, pointer: &str, new: Value) -> Value {
    *v.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}")) = new;
    v
}

#[test]
fn a_good_page_parses_with_urls_resolved() {
    let p = parse_feed_page(&page(vec![good_item("a1"), good_item("a2")], json!("feed/x/2.json")), &base()).unwrap();
    assert!(p.skipped.is_empty(), "{:?}", p.skipped);
    assert_eq!(p.items.len(), 2);
    assert_eq!(p.next.as_deref(), Some("https://feed.example.com/api/v1/feed/x/2.json"));
    let it = &p.items[0];
    assert_eq!(it.kind(), Kind::Video);
    assert_eq!(it.cover.url, "https://feed.example.com/api/v1/media/c.svg");
    assert_eq!(it.creator.avatar, "https://feed.example.com/media/a.svg");
    assert_eq!(it.published_ts, 1_794_326_400);
    assert_eq!(it.title_in("en"), "Autumn commute outfits");
    assert_eq!(it.title_in("zh-CN"), "秋冬通勤穿搭");
    assert!(!it.translations.contains_key("fr"), "unknown locales are dropped");
}

#[test]
fn the_end_of_a_feed_has_no_next() {
    let p = parse_feed_page(&page(vec![good_item("a1")], Value::Null), &base()).unwrap();
    assert_eq!(p.next, None);
    let p = parse_feed_page(&json!({"version": 1, "items": []}).to_string(), &base()).unwrap();
    assert_eq!((p.items.len(), p.next), (0, None));
}

#[test]
fn bad_items_are_skipped_with_the_field_named_and_good_ones_kept() {
    let cases: Vec<(Value, &str)> = vec![
        (with(good_item("b1"), "/cover/url", json!("javascript:alert(1)")), "items[1].cover.url"),
        (with(good_item("b2"), "/media/url", json!("data:video/webm;base64,AAAA")), "items[2].media.url"),
        (with(good_item("b3"), "/products/0/url", json!("//evil.example/p")), "items[3].products[0].url"),
        (with(good_item("b4"), "/title", json!("x".repeat(100_000))), "items[4].title"),
        (with(good_item("b5"), "/title", json!("   ")), "items[5].title"),
        (with(good_item("b6"), "/published_at", json!("yesterday")), "items[6].published_at"),
        (with(good_item("b7"), "/cover/width", json!(0)), "items[7].cover.width"),
        (with(good_item("../etc"), "/id", json!("../etc")), "items[8].id"),
        (with(good_item("b9"), "/products/0/price/currency", json!("yuan")), "items[9].products[0].price.currency"),
        (good_item("a0"), "items[10].id"),
        (with(good_item("b11"), "/creator/avatar", json!("  ")), "items[11].creator.avatar"),
    ];
    let mut items = vec![good_item("a0")];
    items.extend(cases.iter().map(|(v, _)| v.clone()));
    let p = parse_feed_page(&page(items, Value::Null), &base()).unwrap();
    assert_eq!(p.items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), vec!["a0"]);
    for (_, path) in &cases {
        assert!(p.skipped.iter().any(|s| s.path == *path), "no problem reported at {path}: {:?}", p.skipped);
    }
    assert!(p.skipped.iter().any(|s| s.kind == ProblemKind::Duplicate));
    assert!(p.skipped.iter().any(|s| s.kind == ProblemKind::BadUrl(UrlError::ForbiddenScheme("javascript".into()))));
}

#[test]
fn wrong_shapes_are_skipped_not_fatal() {
    let items = vec![
        json!("not an object"),
        json!({"id": "x"}),
        with(good_item("k"), "/kind", json!("podcast")),
        with(good_item("s"), "/stats/likes", json!(-5)),
        json!(null),
        good_item("ok"),
    ];
    let p = parse_feed_page(&page(items, Value::Null), &base()).unwrap();
    assert_eq!(p.items.len(), 1);
    assert_eq!(p.skipped.len(), 5);
    assert!(p.skipped.iter().all(|s| matches!(s.kind, ProblemKind::Shape(_))));
}

/// `good_item` as a live stream in `status`, planned or started at `started_at`.
fn live_item(id: &str, status: &str, started_at: &str) -> Value {
    let v = with(good_item(id), "/kind", json!("live"));
    with(v, "/media", json!({"viewers": 321, "started_at": started_at, "status": status}))
}

#[test]
fn a_scheduled_stream_parses_and_is_not_live_now() {
    let items = vec![
        live_item("s1", "scheduled", "2026-12-12T20:00:00+08:00"),
        live_item("l1", "live", "2026-11-11T20:00:00+08:00"),
        live_item("e1", "ended", "2026-11-10T20:00:00+08:00"),
    ];
    let p = parse_feed_page(&page(items, Value::Null), &base()).unwrap();
    assert!(p.skipped.is_empty(), "{:?}", p.skipped);
    let by_id = |id: &str| p.items.iter().find(|i| i.id == id).unwrap_or_else(|| panic!("no {id}"));
    let s = by_id("s1");
    assert_eq!(s.kind(), Kind::Live);
    assert_eq!(
        s.media,
        Media::Live { viewers: 321, started_at: "2026-12-12T20:00:00+08:00".into(), status: LiveStatus::Scheduled }
    );
    assert!(!s.is_live_now(), "an announcement is not on air");
    assert!(by_id("l1").is_live_now());
    assert!(!by_id("e1").is_live_now());
    // A scheduled stream whose planned start has passed is still not live: only the status says so.
    let late = live_item("s2", "scheduled", "2020-01-01T00:00:00Z");
    let p = parse_feed_page(&page(vec![late], Value::Null), &base()).unwrap();
    assert!(!p.items[0].is_live_now());
    // Written and read again, it stays scheduled.
    let back = serde_json::to_value(s).unwrap();
    assert_eq!(back["media"]["status"], "scheduled");
    // A scheduled stream still needs a planned start that is a time.
    let bad = live_item("s3", "scheduled", "soon");
    let p = parse_feed_page(&page(vec![bad], Value::Null), &base()).unwrap();
    assert_eq!(p.items.len(), 0);
    assert_eq!(p.skipped[0].path, "items[0].media.started_at");
}

#[test]
fn an_unknown_live_status_is_still_refused() {
    for status in ["paused", "Scheduled", "upcoming", ""] {
        let p =
            parse_feed_page(&page(vec![live_item("x", status, "2026-12-12T20:00:00Z")], Value::Null), &base()).unwrap();
        assert!(p.items.is_empty(), "{status}");
        assert!(matches!(p.skipped[0].kind, ProblemKind::Shape(_)), "{status}: {:?}", p.skipped);
    }
    let doc = json!({"version": 1, "item": live_item("x", "paused", "2026-12-12T20:00:00Z")}).to_string();
    assert!(parse_item_doc(&doc, &base()).is_err());
}

#[test]
fn text_is_cleaned_not_interpreted() {
    let v = with(good_item("h"), "/title", json!("<img src=x onerror=alert(1)>\u{202E}abc"));
    let p = parse_feed_page(&page(vec![v], Value::Null), &base()).unwrap();
    assert_eq!(p.items[0].title, "<img src=x onerror=alert(1)>abc", "markup stays text; bidi override removed");
}

#[test]
fn a_bad_next_ends_the_feed_but_keeps_the_page() {
    let p = parse_feed_page(&page(vec![good_item("a")], json!("javascript:void(0)")), &base()).unwrap();
    assert_eq!((p.items.len(), p.next.clone()), (1, None));
    assert_eq!(p.skipped[0].path, "next");
}

#[test]
fn broken_documents_are_errors() {
    let b = base();
    assert!(matches!(parse_feed_page("<!doctype html><html>", &b), Err(DocError::Malformed(_))));
    assert!(matches!(parse_feed_page("{\"items\": []}", &b), Err(DocError::Malformed(_))));
    assert_eq!(parse_feed_page("{\"version\": 2, \"items\": []}", &b), Err(DocError::UnsupportedVersion(2)));
    assert!(matches!(parse_feed_page("{\"version\": 1, \"items\": {}}", &b), Err(DocError::Malformed(_))));
    assert!(matches!(parse_feed_page("", &b), Err(DocError::Malformed(_))));
    let deep = format!("{{\"version\":1,\"items\":[{}{}]}}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(parse_feed_page(&deep, &b), Err(DocError::Malformed(_) | DocError::TooLarge(_))));
    let huge = page(vec![good_item("a"); 8000], Value::Null);
    assert!(matches!(parse_feed_page(&huge, &b), Err(DocError::TooLarge(_))));
}

#[test]
fn single_documents_list_every_problem() {
    let b = base();
    let ok = json!({"version": 1, "item": good_item("a")}).to_string();
    assert_eq!(parse_item_doc(&ok, &b).unwrap().id, "a");
    let bad = with(with(good_item("a"), "/cover/url", json!("ftp://x/y")), "/published_at", json!("soon"));
    match parse_item_doc(&json!({"version": 1, "item": bad}).to_string(), &b) {
        Err(DocError::Invalid(ps)) => {
            let paths: Vec<&str> = ps.iter().map(|p| p.path.as_str()).collect();
            assert_eq!(paths, vec!["item.cover.url", "item.published_at"]);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(parse_item_doc("{\"version\":1}", &b), Err(DocError::Malformed(_))));

    let creator = json!({"version": 1, "creator": {"id": "c1", "name": "小鹿", "avatar": "a.svg", "bio": "你好",
        "bio_translations": {"en": "Hello"}, "topics": ["fashion"], "stats": {"followers": 12000}}});
    let c = parse_creator_doc(&creator.to_string(), &b).unwrap();
    assert_eq!((c.bio_in("en"), c.stats.followers), ("Hello", 12_000));
}

#[test]
fn index_keeps_good_channels_and_campaigns() {
    let doc = json!({"version": 1,
    "channels": [{"id": "recommend", "name": {"zh-CN": "推荐", "en": "For you"}}, {"id": "a/b", "name": {"zh-CN": "x", "en": "x"}}],
    "campaigns": [
        {"id": "c1111", "name": {"zh-CN": "双11", "en": "11.11"}, "start": "2026-10-20T20:00:00+08:00", "end": "2026-11-12T00:00:00+08:00", "boost": 0.8},
        {"id": "bad", "name": {"zh-CN": "坏", "en": "bad"}, "start": "2026-11-12T00:00:00Z", "end": "2026-10-12T00:00:00Z"}
    ]});
    let idx = parse_index(&doc.to_string()).unwrap();
    assert_eq!(idx.channels.len(), 1);
    assert_eq!(idx.campaigns.len(), 1);
    assert!(idx.campaigns[0].is_active(1_794_326_400));
    assert!(!idx.campaigns[0].is_active(1_794_326_400 + 86_400));
    assert_eq!(idx.skipped.len(), 2);
    assert!(parse_index(&json!({"version": 1, "channels": []}).to_string()).is_err());
}

#[test]
fn config_is_strict_about_urls_and_lenient_about_locale() {
    let ok = parse_config(
        r#"{"version":1,"api_base":"api/v1/","default_locale":"fr","embed_origins":["https://host.example"]}"#,
    )
    .unwrap();
    assert_eq!((ok.default_locale.as_str(), ok.api_writes), ("zh-CN", false));
    assert_eq!(ok.embed_origins, vec!["https://host.example".to_string()]);
    assert!(
        parse_config(r#"{"version":1,"api_base":"https://api.example.com/v1/","api_writes":true}"#).unwrap().api_writes
    );
    for bad in [
        r#"{"version":1,"api_base":"javascript:alert(1)"}"#,
        r#"{"version":1,"api_base":"//evil.example/"}"#,
        r#"{"version":1,"api_base":""}"#,
        r#"{"version":1,"api_base":"api/","embed_origins":["*"]}"#,
        r#"{"version":1,"api_base":"api/","embed_origins":["https://host.example/path"]}"#,
        r#"{"version":2,"api_base":"api/"}"#,
        r#"not json"#,
    ] {
        assert!(parse_config(bad).is_err(), "{bad}");
    }
}

/// The hostile fixture pack (tests/fixtures/hostile/, written by its make.mjs): exactly the expected items
/// survive, each refused one is refused for the expected field, markup survives only as text, bidi
/// overrides are gone, no kept URL is anything but http(s), and the `javascript:` next link ends the feed.
#[test]
fn the_hostile_pack_keeps_exactly_the_expected_items() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile/");
    let json = std::fs::read_to_string(format!("{dir}feed.json")).unwrap();
    let expect: Value = serde_json::from_str(&std::fs::read_to_string(format!("{dir}expect.json")).unwrap()).unwrap();
    let page = parse_feed_page(&json, &base()).unwrap();

    let kept: Vec<&str> = page.items.iter().map(|i| i.id.as_str()).collect();
    let want: Vec<&str> = expect["kept"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(kept, want);
    for (at, field) in expect["skipped"].as_object().unwrap() {
        let field = field.as_str().unwrap();
        let wanted = if field.is_empty() { at.clone() } else { format!("{at}.{field}") };
        assert!(
            page.skipped.iter().any(|p| p.path.starts_with(&wanted)),
            "{wanted} not among the reasons: {:?}",
            page.skipped.iter().map(ToString::to_string).collect::<Vec<_>>()
        );
    }
    for (at, why) in expect["reasons"].as_object().unwrap() {
        let why = why.as_str().unwrap();
        assert!(
            page.skipped.iter().any(|p| p.path.starts_with(at.as_str()) && p.to_string().contains(why)),
            "{at}: no reason containing {why}"
        );
    }
    assert!(page.skipped.iter().any(|p| p.path == "next"), "the javascript: next link is reported");
    assert_eq!(page.next, None);

    // A broken embedding costs only the embedding: the item is kept without it, with a note at the field.
    let raw: Value = serde_json::from_str(&json).unwrap();
    let noted = expect["without_embedding"].as_object().unwrap();
    let mut noted_ids = HashSet::new();
    for (at, field) in noted {
        let path = format!("{at}.{}", field.as_str().unwrap());
        assert!(page.notes.iter().any(|p| p.path == path), "no note at {path}: {:?}", page.notes);
        let i: usize = at.trim_start_matches("items[").trim_end_matches(']').parse().unwrap();
        let id = raw["items"][i]["id"].as_str().unwrap();
        let item = page.items.iter().find(|it| it.id == id).unwrap_or_else(|| panic!("{id} ({at}) was not kept"));
        assert!(item.vector.is_none() && item.embedding.is_none(), "{id} kept its embedding");
        noted_ids.insert(id);
    }
    // A broken coupon costs only the coupon: the product stays, without it, with a note at the field.
    let coupons = expect["without_coupon"].as_object().unwrap();
    assert!(!coupons.is_empty());
    for (at, field) in coupons {
        let path = format!("{at}.{}", field.as_str().unwrap());
        assert!(page.notes.iter().any(|p| p.path == path), "no note at {path}: {:?}", page.notes);
        let (item_at, product_at) = at.split_once(".products[").unwrap();
        let i: usize = item_at.trim_start_matches("items[").trim_end_matches(']').parse().unwrap();
        let k: usize = product_at.trim_end_matches(']').parse().unwrap();
        let id = raw["items"][i]["id"].as_str().unwrap();
        let item = page.items.iter().find(|it| it.id == id).unwrap_or_else(|| panic!("{id} ({at}) was not kept"));
        assert!(item.products[k].coupon.is_none(), "{id} products[{k}] kept its coupon");
    }
    // Bad co-creator credits and collaborator ids cost only themselves too.
    let credits: Vec<&str> = expect["without_credit"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    for path in &credits {
        assert!(page.notes.iter().any(|p| p.path.starts_with(path)), "no note at {path}: {:?}", page.notes);
    }
    let credited = page.items.iter().find(|i| !i.co_creators.is_empty()).expect("the credited item is kept");
    let names: Vec<&str> = credited.co_creators.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(names, ["h-co"]);
    assert!(credited.co_creators[0].name.contains("<script>"), "markup stays text for the UI to escape");
    assert_eq!(credited.creator.collabs, ["h-partner"]);
    assert_eq!(Candidate::from_item(credited).collabs, ["h-partner", "h-co"], "the ranker sees both");
    assert_eq!(page.notes.len(), noted.len() + coupons.len() + credits.len(), "{:?}", page.notes);
    assert!(page.notes.iter().all(|p| p.to_string().len() < 200), "notes stay short: {:?}", page.notes);
    // The others keep exactly the embeddings they came with (the demo pack's, of 32 components).
    for item in page.items.iter().filter(|i| !noted_ids.contains(i.id.as_str())) {
        let sent = raw["items"].as_array().unwrap().iter().find(|v| v["id"] == item.id.as_str()).unwrap();
        assert_eq!(item.vector.is_some(), sent.get("embedding").is_some(), "{}", item.id);
    }
    // One of 16 components is valid on its own, and dropped by the app against index.json's 32.
    let wrong: Vec<&str> = expect["wrong_dim"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    for id in &wrong {
        let item = page.items.iter().find(|i| i.id == *id).unwrap();
        assert_eq!(item.vector.as_ref().map(|v| v.len()), Some(16), "{id}");
    }
    let mut items = page.items.clone();
    let dropped: Vec<String> = enforce_dim(&mut items, Some(32)).into_iter().map(|p| p.path).collect();
    assert_eq!(dropped, wrong.iter().map(|id| format!("item {id}.embedding")).collect::<Vec<_>>());
    assert!(items.iter().filter_map(|i| i.vector.as_ref()).all(|v| v.len() == 32));
    assert!(items.iter().any(|i| i.vector.is_some()), "the good item keeps its own");

    let markup = expect["markup"].as_str().unwrap();
    assert!(page.items[0].title.contains("<script>"), "markup is kept as text, not stripped or interpreted");
    assert!(page.items[0].text.contains(markup));
    for item in &page.items {
        let texts = [&item.title, &item.text, &item.creator.name];
        assert!(texts.iter().all(|t| !t.contains(['\u{202E}', '\u{2066}', '\u{2069}'])), "{}", item.id);
        let mut urls = vec![&item.cover.url, &item.creator.avatar];
        urls.extend(item.products.iter().flat_map(|p| std::iter::once(&p.url).chain(p.image.as_ref())));
        for url in urls {
            assert!(url.starts_with("https://") || url.starts_with("http://"), "{}: {url}", item.id);
        }
    }
}

/// Whole responses that are hostile: refused as documents, never a panic or a stack overflow.
#[test]
fn hostile_responses_are_refused_without_panicking() {
    // Nested far past serde_json's recursion limit.
    let deep = format!(r#"{{"version":1,"items":[{}1{}]}}"#, "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(parse_feed_page(&deep, &base()), Err(DocError::Malformed(_))));
    let deep_object = format!(r#"{{"version":1,"items":[],"x":{}1{}}}"#, r#"{"a":"#.repeat(50_000), "}".repeat(50_000));
    assert!(matches!(parse_feed_page(&deep_object, &base()), Err(DocError::Malformed(_))));
    // Several megabytes: refused by size before parsing.
    let huge = page(vec![good_item("i1"); 1], json!("x".repeat(6 * 1024 * 1024)));
    assert!(matches!(parse_feed_page(&huge, &base()), Err(DocError::TooLarge(_))));
    // An HTML error page where JSON was expected.
    let html = "<!doctype html><title>500 Internal Server Error</title><h1>500</h1>";
    assert!(matches!(parse_feed_page(html, &base()), Err(DocError::Malformed(_))));
    assert!(matches!(parse_item_doc(html, &base()), Err(DocError::Malformed(_))));
    assert!(matches!(parse_creator_doc("", &base()), Err(DocError::Malformed(_))));
}

/// An embedding of `n` components `0.01 * (k - n/2)` in the wire form.
fn wire_embedding(n: usize) -> Value {
    let v: Vec<f32> = (0..n).map(|k| 0.01 * (k as f32 - (n / 2) as f32)).collect();
    serde_json::to_value(Embedding::encode(&v)).unwrap()
}

#[test]
fn a_good_embedding_is_decoded_and_reaches_the_ranker() {
    let mut item = good_item("e1");
    item["embedding"] = wire_embedding(32);
    let p = parse_feed_page(&page(vec![item, good_item("e2")], Value::Null), &base()).unwrap();
    assert!(p.skipped.is_empty() && p.notes.is_empty(), "{:?} {:?}", p.skipped, p.notes);
    let v = p.items[0].vector.clone().expect("decoded");
    assert_eq!(v.len(), 32);
    assert!((v[0] - -0.16).abs() < 0.002 && (v[31] - 0.15).abs() < 0.002, "{v:?}");
    assert_eq!(p.items[1].vector, None, "no embedding sent, none made up");
    // The candidate shares the same vector rather than copying it.
    let c = Candidate::from_item(&p.items[0]);
    assert!(c.embedding.as_ref().is_some_and(|e| std::sync::Arc::ptr_eq(e, &v)));
    assert_eq!(Candidate::from_item(&p.items[1]).embedding, None);

    // Any length from 16 to 32 is read; the dimension is index.json's business.
    for n in [16, 24, 32] {
        let mut it = good_item("n");
        it["embedding"] = wire_embedding(n);
        let p = parse_feed_page(&page(vec![it], Value::Null), &base()).unwrap();
        assert_eq!(p.items[0].vector.as_ref().map(|v| v.len()), Some(n));
    }
    // An item document reads it the same way.
    let mut it = good_item("d");
    it["embedding"] = wire_embedding(32);
    let doc = parse_item_doc(&json!({"version": 1, "item": it}).to_string(), &base()).unwrap();
    assert_eq!(doc.vector.as_ref().map(|v| v.len()), Some(32));
    // `null` is the same as no embedding, without a note.
    let mut it = good_item("z");
    it["embedding"] = Value::Null;
    let p = parse_feed_page(&page(vec![it], Value::Null), &base()).unwrap();
    assert!(p.items[0].vector.is_none() && p.notes.is_empty());
}

#[test]
fn every_bad_embedding_is_dropped_and_the_item_kept() {
    let q32 = base64_encode(&[3u8; 32]);
    let cases: Vec<(Value, &str)> = vec![
        (json!({"scale": 0.01, "q": base64_encode(&[1u8; 8])}), "embedding.q"),
        (json!({"scale": 0.01, "q": base64_encode(&[1u8; 33])}), "embedding.q"),
        (json!({"scale": 0.01, "q": ""}), "embedding.q"),
        (json!({"scale": 0, "q": q32}), "embedding.scale"),
        (json!({"scale": -0.01, "q": q32}), "embedding.scale"),
        (json!({"scale": 5, "q": q32}), "embedding.scale"),
        (json!({"scale": 1e308, "q": q32}), "embedding.scale"),
        (json!({"scale": "0.01", "q": q32}), "embedding.scale"),
        (json!({"q": q32}), "embedding.scale"),
        (json!({"scale": 0.01, "q": "%".repeat(44)}), "embedding.q"),
        (json!({"scale": 0.01, "q": "TWF="}), "embedding.q"),
        (json!({"scale": 0.01, "q": "A".repeat(100 * 1024)}), "embedding.q"),
        (json!({"scale": 0.01, "q": 12345}), "embedding.q"),
        (json!({"scale": 0.01, "q": [1, 2, 3]}), "embedding.q"),
        (json!({"scale": 0.01}), "embedding.q"),
        (json!("AAAA"), "embedding"),
        (json!(7), "embedding"),
        (json!([0.1, 0.2]), "embedding"),
    ];
    let items: Vec<Value> = cases
        .iter()
        .enumerate()
        .map(|(i, (e, _))| {
            let mut it = good_item(&format!("x{i}"));
            it["embedding"] = e.clone();
            it
        })
        .collect();
    let p = parse_feed_page(&page(items, Value::Null), &base()).unwrap();
    assert!(p.skipped.is_empty(), "{:?}", p.skipped);
    assert_eq!(p.items.len(), cases.len(), "every item is kept");
    assert_eq!(p.notes.len(), cases.len(), "{:?}", p.notes);
    for (i, (e, field)) in cases.iter().enumerate() {
        let path = format!("items[{i}].{field}");
        assert_eq!(p.notes[i].path, path, "{e}: {}", p.notes[i]);
        assert!(p.notes[i].to_string().len() < 120, "{}", p.notes[i]);
        assert!(p.items[i].vector.is_none() && p.items[i].embedding.is_none(), "{path}");
    }
    // Validating a kept item again finds nothing more: both fields were cleared.
    let mut again = p.items[0].clone();
    let mut problems = guang::model::problem::Problems::default();
    again.validate(&base(), "x", &mut problems);
    assert_eq!(problems.into_parts(), (vec![], vec![]));
    assert_eq!(again, p.items[0]);

    // An item document keeps the item too, and a draft with a bad embedding is still a valid draft.
    let mut it = good_item("d");
    it["embedding"] = json!({"scale": 0.01, "q": 12345});
    let doc = parse_item_doc(&json!({"version": 1, "item": it.clone()}).to_string(), &base()).unwrap();
    assert!(doc.vector.is_none());
    match validate_draft(&json!({"version": 1, "item": it}).to_string(), &base()) {
        Ok(Draft::Item(item)) => assert!(item.vector.is_none() && item.embedding.is_none()),
        other => panic!("{other:?}"),
    }
    // A bad embedding on an item that is refused anyway adds no note.
    let mut it = with(good_item("r"), "/cover/url", json!("javascript:1"));
    it["embedding"] = json!(7);
    let p = parse_feed_page(&page(vec![it], Value::Null), &base()).unwrap();
    assert!(p.items.is_empty() && p.notes.is_empty() && !p.skipped.is_empty());
}

#[test]
fn an_item_written_and_read_again_keeps_its_embedding() {
    let mut it = good_item("w");
    it["embedding"] = wire_embedding(20);
    let p = parse_feed_page(&page(vec![it], Value::Null), &base()).unwrap();
    // As a saved place does: the validated item written out, then read as a feed page again.
    let saved = serde_json::to_value(&p.items[0]).unwrap();
    assert!(saved.get("embedding").is_some() && saved.get("vector").is_none());
    let again = parse_feed_page(&page(vec![saved], Value::Null), &base()).unwrap();
    assert_eq!(again.items[0], p.items[0]);
    // Without one, nothing is written.
    let bare = parse_feed_page(&page(vec![good_item("b")], Value::Null), &base()).unwrap();
    assert!(serde_json::to_value(&bare.items[0]).unwrap().get("embedding").is_none());
    // serde alone never reads it, so serde alone can never refuse an item for it.
    let mut odd = good_item("o");
    odd["embedding"] = json!(7);
    let item: Item = serde_json::from_value(odd).unwrap();
    assert_eq!(item.embedding, None);
}

#[test]
fn vectors_of_another_dimension_than_the_index_declares_are_dropped() {
    let items: Vec<Value> = [16, 32, 24, 32]
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let mut it = good_item(&format!("v{i}"));
            it["embedding"] = wire_embedding(*n);
            it
        })
        .chain([good_item("none")])
        .collect();
    let p = parse_feed_page(&page(items, Value::Null), &base()).unwrap();
    let lens = |items: &[Item]| items.iter().map(|i| i.vector.as_ref().map(|v| v.len())).collect::<Vec<_>>();

    let mut at32 = p.items.clone();
    let dropped = enforce_dim(&mut at32, Some(32));
    assert_eq!(lens(&at32), vec![None, Some(32), None, Some(32), None]);
    assert_eq!(dropped.iter().map(|d| d.path.as_str()).collect::<Vec<_>>(), ["item v0.embedding", "item v2.embedding"]);
    assert!(
        dropped[0].to_string().contains("16 components") && dropped[0].to_string().contains("32"),
        "{}",
        dropped[0]
    );
    assert!(at32.iter().filter(|i| i.vector.is_none()).all(|i| i.embedding.is_none()), "both fields go");
    assert!(enforce_dim(&mut at32, Some(32)).is_empty(), "enforcing again changes nothing");

    let mut at16 = p.items.clone();
    assert_eq!(enforce_dim(&mut at16, Some(16)).len(), 3);
    assert_eq!(lens(&at16), vec![Some(16), None, None, None, None]);

    // With no declared dimension nothing says which vectors are comparable: none is used.
    let mut undeclared = p.items.clone();
    let dropped = enforce_dim(&mut undeclared, None);
    assert_eq!(dropped.len(), 4);
    assert!(dropped[0].to_string().contains("no embedding_dim"), "{}", dropped[0]);
    assert!(undeclared.iter().all(|i| i.vector.is_none()));
}

#[test]
fn the_index_embedding_dimension_is_bounded_and_never_fatal() {
    let doc = |dim: Value| {
        let mut d =
            json!({"version": 1, "channels": [{"id": "recommend", "name": {"zh-CN": "推荐", "en": "For you"}}]});
        if !dim.is_null() {
            d["embedding_dim"] = dim;
        }
        parse_index(&d.to_string()).unwrap()
    };
    let absent = doc(Value::Null);
    assert_eq!((absent.embedding_dim, absent.skipped.len()), (None, 0));
    for ok in [16, 24, 32] {
        let idx = doc(json!(ok));
        assert_eq!((idx.embedding_dim, idx.skipped.len()), (Some(ok as usize), 0), "{ok}");
    }
    for bad in [
        json!(15),
        json!(33),
        json!(0),
        json!(-32),
        json!(1u64 << 60),
        json!(32.0),
        json!(24.5),
        json!("32"),
        json!(true),
        json!([32]),
        json!({"dim": 32}),
    ] {
        let idx = doc(bad.clone());
        assert_eq!(idx.embedding_dim, None, "{bad}");
        assert_eq!(idx.skipped.len(), 1, "{bad}");
        assert_eq!(idx.skipped[0].path, "embedding_dim", "{bad}");
        assert_eq!(idx.channels.len(), 1, "the index itself is fine");
    }
    let explicit_null = parse_index(
        &json!({"version": 1, "channels": [{"id": "recommend", "name": {"zh-CN": "推荐", "en": "For you"}}],
            "embedding_dim": null})
        .to_string(),
    )
    .unwrap();
    assert_eq!((explicit_null.embedding_dim, explicit_null.skipped.len()), (None, 0));
}

/// The hostile venue fixtures (tests/fixtures/hostile/venue*.json, written by make.mjs): markup in the name
/// and rule stays text, bidi overrides and newlines are gone, each bad creator and topic is skipped with a
/// note at its path and the good ones kept; a venue whose name, rule or window is broken is refused with
/// every path listed.
#[test]
fn hostile_venues_keep_what_is_good_and_refuse_what_is_broken() {
    use guang::model::parse_venue_doc;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile/");
    let expect: Value = serde_json::from_str(&std::fs::read_to_string(format!("{dir}expect.json")).unwrap()).unwrap();
    let strings =
        |v: &Value| -> Vec<String> { v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().into()).collect() };

    let json = std::fs::read_to_string(format!("{dir}venue.json")).unwrap();
    let (venue, notes) = parse_venue_doc(&json, &base()).unwrap();
    let ids: Vec<String> = venue.creators.iter().map(|c| c.id.clone()).collect();
    assert_eq!(ids, strings(&expect["venue"]["creators"]));
    assert_eq!(venue.topics, strings(&expect["venue"]["topics"]));
    let paths: Vec<String> = notes.iter().map(|p| p.path.clone()).collect();
    assert_eq!(paths, strings(&expect["venue"]["notes"]));
    assert!(venue.name.zh.contains("<script>"), "markup is kept as text");
    assert_eq!(venue.name.en, "Double 12", "the override character is gone");
    assert!(!venue.rule.zh.contains(['\n', '\u{202E}']), "{:?}", venue.rule.zh);
    assert!(venue.creators.iter().all(|c| c.avatar.starts_with("https://")));

    let json = std::fs::read_to_string(format!("{dir}venue-refused.json")).unwrap();
    let Err(DocError::Invalid(problems)) = parse_venue_doc(&json, &base()) else { panic!("refused venue was read") };
    let paths: Vec<String> = problems.iter().map(|p| p.path.clone()).collect();
    assert_eq!(paths, strings(&expect["venue_refused"]));
}

#[test]
fn collaborators_and_co_creators_cost_only_themselves() {
    let b = base();
    let ok = json!({"id": "c2", "name": "阿May", "avatar": "media/c2.svg", "reason": "collab"});
    let with_collabs = |collabs: Value| {
        json!({"version": 1, "creator": {"id": "c1", "name": "小鹿", "avatar": "a.svg", "collabs": collabs}})
            .to_string()
    };
    let collabs = json!([
        ok,
        {"id": "c3", "name": "<b>同好</b>", "avatar": "media/c3.svg", "reason": "kindred", "verified": true},
        {"id": "c4", "name": "x", "avatar": "javascript:alert(1)", "reason": "collab"},
        {"id": "c5", "name": "x", "avatar": "a.svg", "reason": "enemy"},
        {"id": "c1", "name": "self", "avatar": "a.svg", "reason": "collab"},
        ok,
        {"id": "../c6", "name": "x", "avatar": "a.svg", "reason": "collab"},
        {"id": "c7", "name": "", "avatar": "a.svg", "reason": "collab"}
    ]);
    let c = parse_creator_doc(&with_collabs(collabs.clone()), &b).unwrap();
    let kept: Vec<(&str, &str, bool)> =
        c.collabs.iter().map(|x| (x.id.as_str(), x.name.as_str(), x.is_kindred())).collect();
    assert_eq!(kept, [("c2", "阿May", false), ("c3", "<b>同好</b>", true)]);
    assert_eq!(c.collabs[0].avatar, "https://feed.example.com/api/v1/media/c2.svg");
    // A draft names every one of them, to be fixed before publishing.
    match validate_draft(&with_collabs(collabs), &b) {
        Err(ps) => {
            let paths: Vec<&str> = ps.iter().map(|p| p.path.as_str()).collect();
            assert_eq!(
                paths,
                [
                    "creator.collabs[2].avatar",
                    "creator.collabs[3].reason",
                    "creator.collabs[4].id",
                    "creator.collabs[5].id",
                    "creator.collabs[6].id",
                    "creator.collabs[7].name"
                ]
            );
        }
        other => panic!("{other:?}"),
    }
    // Wrong types are the walk's (a draft) and serde's (a feed) business, like every other field.
    assert!(validate_draft(&with_collabs(json!("c2")), &b).is_err());
    assert!(validate_draft(&with_collabs(json!([{"id": "c2"}])), &b).is_err());

    // Co-creators: the first five (the rest cut with one note), never the creator, never twice; their own
    // collaborator lists are not read.
    let credit = |id: &str| json!({"id": id, "name": id, "avatar": "a.svg", "collabs": ["c9"]});
    let mut it = good_item("co");
    it["co_creators"] = json!([
        credit("c2"),
        credit("c01"),
        credit("c2"),
        credit("c3"),
        credit("c4"),
        credit("c5"),
        credit("c6"),
        credit("c7")
    ]);
    it["creator"]["collabs"] = json!(["c2", "c01", "no/slash"]);
    let item = parse_item_doc(&json!({"version": 1, "item": it}).to_string(), &b).unwrap();
    let ids: Vec<&str> = item.co_creators.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c2", "c3", "c4"]);
    assert!(item.co_creators.iter().all(|c| c.collabs.is_empty()));
    assert_eq!(item.creator.collabs, ["c2"]);
    // A hostile list costs one note, not one per entry.
    let mut it = good_item("flood");
    it["co_creators"] = Value::Array(vec![credit("c2"); 30_000]);
    it["creator"]["collabs"] = Value::Array(vec![json!("a/b"); 30_000]);
    let page = parse_feed_page(&page(vec![it], Value::Null), &b).unwrap();
    assert_eq!(page.items[0].co_creators.len(), 1);
    assert!(page.items[0].creator.collabs.is_empty());
    assert!(page.notes.len() <= 2 + 5 + 12, "{}", page.notes.len());
    // Serialised only when present, so items saved on the device and documents without them look as before.
    let plain = parse_item_doc(&json!({"version": 1, "item": good_item("p")}).to_string(), &b).unwrap();
    let text = serde_json::to_string(&plain).unwrap();
    assert!(!text.contains("co_creators") && !text.contains("collabs"), "{text}");
}
