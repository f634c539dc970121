//! Contract v1 parsing and validation, natively: good documents parse, every kind of bad input is refused or
//! skipped with a reason that names the field, and nothing panics.

use guang::model::{
    parse_config, parse_creator_doc, parse_feed_page, parse_index, parse_item_doc, ApiBase, DocError, Kind,
    ProblemKind, UrlError,
};
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
