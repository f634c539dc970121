//! Native tests of the embed protocol, the origin rule, the embed URL parameters and webview detection.

use serde_json::{json, Value};

use super::*;
use crate::i18n::Locale;

fn parse(v: Value) -> Result<Option<FromHost>, ProtocolError> {
    parse_from_host(&v)
}

// --- Guang → host -----------------------------------------------------------------------------------------

#[test]
fn outgoing_messages_have_the_documented_shape() {
    let cases = [
        (ToHost::Ready { id: "f3a9".into() }, json!({"guang": 1, "type": "ready", "id": "f3a9"})),
        (ToHost::Resize { height: 1234 }, json!({"guang": 1, "type": "resize", "height": 1234})),
        (
            ToHost::Open { kind: OpenKind::Item, id: "i0001".into(), url: "https://guang.example/item/i0001".into() },
            json!({"guang": 1, "type": "open", "kind": "item", "id": "i0001", "url": "https://guang.example/item/i0001"}),
        ),
        (
            ToHost::Follow { creator: "c01".into(), following: true },
            json!({"guang": 1, "type": "follow", "creator": "c01", "following": true}),
        ),
        (
            ToHost::Share {
                kind: OpenKind::Creator,
                id: "c01".into(),
                url: "https://guang.example/creator/c01?src=share&code=G1".into(),
                method: ShareMethod::CopyLink,
            },
            json!({"guang": 1, "type": "share", "kind": "creator", "id": "c01",
                   "url": "https://guang.example/creator/c01?src=share&code=G1", "method": "copy-link"}),
        ),
    ];
    for (msg, want) in cases {
        assert!(msg.is_valid(), "{msg:?}");
        assert_eq!(msg.to_value(), want);
        assert_eq!(serde_json::from_str::<Value>(&msg.to_json()).unwrap(), want);
        // The hand-written message is the derived serialisation plus the version.
        let mut derived = serde_json::to_value(&msg).unwrap();
        derived.as_object_mut().unwrap().insert("guang".into(), json!(1));
        assert_eq!(derived, want);
    }
    let methods = [ShareMethod::Native, ShareMethod::CopyLink, ShareMethod::CopyCode];
    let names: Vec<Value> = methods.iter().map(|m| serde_json::to_value(m).unwrap()).collect();
    assert_eq!(names, [json!("native"), json!("copy-link"), json!("copy-code")]);
}

#[test]
fn outgoing_text_is_escaped() {
    let hostile = "https://guang.example/item/x?q=\"},\"type\":\"evil\u{2028}\\";
    let msg = ToHost::Open { kind: OpenKind::Item, id: "i1".into(), url: hostile.into() };
    let v: Value = serde_json::from_str(&msg.to_json()).unwrap();
    assert_eq!(v["type"], "open");
    assert_eq!(v["url"], hostile);
}

#[test]
fn outgoing_messages_with_bad_ids_or_urls_are_not_fit_to_send() {
    let url = "https://guang.example/item/x".to_string();
    let bad = [
        ToHost::Ready { id: "a b".into() },
        ToHost::Ready { id: String::new() },
        ToHost::Open { kind: OpenKind::Item, id: "../x".into(), url: url.clone() },
        ToHost::Open { kind: OpenKind::Item, id: "i1".into(), url: "javascript:alert(1)".into() },
        ToHost::Open { kind: OpenKind::Item, id: "i1".into(), url: format!("https://x.example/{}", "a".repeat(3000)) },
        ToHost::Follow { creator: "c/1".into(), following: false },
        ToHost::Share { kind: OpenKind::Item, id: "i1".into(), url: "/item/i1".into(), method: ShareMethod::Native },
    ];
    for m in bad {
        assert!(!m.is_valid(), "{m:?}");
    }
}

// --- host → Guang -----------------------------------------------------------------------------------------

#[test]
fn valid_incoming_messages_parse() {
    assert_eq!(
        parse(json!({"guang": 1, "type": "hello", "id": "abc-123", "navigation": "host"})),
        Ok(Some(FromHost::Hello { id: "abc-123".into(), navigation: Navigation::Host }))
    );
    assert_eq!(
        parse(json!({"guang": 1, "type": "hello", "id": "abc"})),
        Ok(Some(FromHost::Hello { id: "abc".into(), navigation: Navigation::Guang })),
        "navigation defaults to guang"
    );
    for (tag, theme) in [("light", Theme::Light), ("dark", Theme::Dark), ("system", Theme::System)] {
        assert_eq!(parse(json!({"guang": 1, "type": "theme", "theme": tag})), Ok(Some(FromHost::Theme { theme })));
    }
    for (tag, locale) in [("zh-CN", Locale::Zh), ("en", Locale::En)] {
        assert_eq!(parse(json!({"guang": 1, "type": "locale", "locale": tag})), Ok(Some(FromHost::Locale { locale })));
    }
    // Extra fields are ignored: a newer host may send more.
    assert_eq!(
        parse(json!({"guang": 1, "type": "theme", "theme": "dark", "transition": "fade"})),
        Ok(Some(FromHost::Theme { theme: Theme::Dark }))
    );
}

#[test]
fn what_a_host_sends_round_trips() {
    let all = [
        FromHost::Hello { id: "x".into(), navigation: Navigation::Host },
        FromHost::Hello { id: "Z_9-z".into(), navigation: Navigation::Guang },
        FromHost::Theme { theme: Theme::System },
        FromHost::Locale { locale: Locale::En },
    ];
    for m in all {
        assert_eq!(parse(m.to_value()), Ok(Some(m.clone())));
        assert_eq!(parse_from_host_json(&m.to_value().to_string()), Ok(Some(m)));
    }
}

#[test]
fn unknown_types_are_ignored_not_errors() {
    for t in ["ping", "resize", "ready", "HELLO", "theme2"] {
        assert_eq!(parse(json!({"guang": 1, "type": t, "theme": "dark"})), Ok(None), "{t}");
    }
}

#[test]
fn malformed_messages_are_errors_with_a_reason() {
    let cases: Vec<(Value, &str)> = vec![
        (json!("hello"), "not an object"),
        (json!([1, 2]), "not an object"),
        (json!(null), "not an object"),
        (json!({"type": "theme", "theme": "dark"}), "no `guang` version"),
        (json!({"guang": 2, "type": "theme", "theme": "dark"}), "version 2 is not supported"),
        (json!({"guang": "1", "type": "theme", "theme": "dark"}), "version \"1\" is not supported"),
        (json!({"guang": 1.5, "type": "theme"}), "version 1.5"),
        (json!({"guang": 1}), "`type`"),
        (json!({"guang": 1, "type": 7}), "`type`"),
        (json!({"guang": 1, "type": ""}), "`type`"),
        (json!({"guang": 1, "type": "x".repeat(33)}), "`type`"),
        (json!({"guang": 1, "type": "theme"}), "theme.theme: expected"),
        (json!({"guang": 1, "type": "theme", "theme": "Dark"}), "theme.theme: expected"),
        (json!({"guang": 1, "type": "theme", "theme": ["dark"]}), "theme.theme: expected"),
        (json!({"guang": 1, "type": "locale", "locale": "fr"}), "locale.locale: expected \"zh-CN\" or \"en\""),
        (json!({"guang": 1, "type": "locale", "locale": "zh"}), "locale.locale"),
        (json!({"guang": 1, "type": "hello"}), "hello.id"),
        (json!({"guang": 1, "type": "hello", "id": "a/b"}), "hello.id"),
        (json!({"guang": 1, "type": "hello", "id": "a".repeat(65)}), "hello.id"),
        (json!({"guang": 1, "type": "hello", "id": "ok", "navigation": "top"}), "hello.navigation"),
        (json!({"guang": 1, "type": "hello", "id": "ok", "navigation": null}), "hello.navigation"),
    ];
    for (v, want) in cases {
        let err = parse(v.clone()).expect_err(&v.to_string());
        assert!(err.to_string().contains(want), "{v}: {err}");
    }
}

#[test]
fn hostile_text_is_bounded() {
    let big = format!("{{\"guang\":1,\"type\":\"theme\",\"theme\":\"dark\",\"pad\":\"{}\"}}", "x".repeat(5000));
    assert!(matches!(parse_from_host_json(&big), Err(ProtocolError::TooLarge(_))));
    assert_eq!(parse_from_host_json("{not json"), Err(ProtocolError::NotJson));
    assert_eq!(parse_from_host_json(""), Err(ProtocolError::NotJson));
    let deep = format!("{}{}", "[".repeat(2000), "]".repeat(2000));
    assert!(parse_from_host_json(&deep).is_err());
    let long_version = json!({"guang": "v".repeat(500), "type": "theme"});
    let shown = parse(long_version).unwrap_err().to_string();
    assert!(shown.len() < 120, "{shown}");
    // A version made of multi-byte characters is cut on a character boundary.
    let cjk = json!({"guang": "逛".repeat(40), "type": "theme"});
    assert!(parse(cjk).unwrap_err().to_string().contains('…'));
}

#[test]
fn only_item_and_creator_pages_become_open_messages() {
    assert_eq!(open_target("/item/i0001"), Some((OpenKind::Item, "i0001".into())));
    assert_eq!(open_target("/creator/c01"), Some((OpenKind::Creator, "c01".into())));
    for p in
        ["/", "/?channel=food", "/creator/c01/preview", "/item/", "/item/a/b", "/item/../x", "/me/interests", "item/i1"]
    {
        assert_eq!(open_target(p), None, "{p}");
    }
    assert_eq!(OpenKind::Item.path("i1"), "/item/i1");
    assert_eq!(OpenKind::Creator.path("c1"), "/creator/c1");
}

// --- origin rule ------------------------------------------------------------------------------------------

fn allowed() -> Vec<String> {
    vec!["https://host.example".into(), "http://localhost:8000".into()]
}

fn hints<'a>(allowed: &'a [String]) -> HostHints<'a> {
    HostHints { allowed, framed: true, ..HostHints::default() }
}

#[test]
fn the_ancestor_origin_decides_when_the_browser_reports_it() {
    let a = allowed();
    let h = HostHints { ancestor: Some("https://host.example"), ..hints(&a) };
    assert_eq!(choose_host_origin(&h), Ok("https://host.example".into()));
    // The query and referrer may agree or be absent; a disagreeing referrer does not matter (it can be a page
    // the frame itself navigated from), a disagreeing query does.
    let h2 = HostHints { query: Some("https://HOST.example:443"), referrer: Some("https://other.example/"), ..h };
    assert_eq!(choose_host_origin(&h2), Ok("https://host.example".into()));
    let h3 = HostHints { query: Some("http://localhost:8000"), ..h };
    assert!(matches!(choose_host_origin(&h3), Err(OriginRefusal::Mismatch(..))));
    let evil = HostHints { ancestor: Some("https://evil.example"), query: Some("https://host.example"), ..hints(&a) };
    assert!(choose_host_origin(&evil).is_err());
    let evil_alone = HostHints { ancestor: Some("https://evil.example"), ..hints(&a) };
    assert_eq!(choose_host_origin(&evil_alone), Err(OriginRefusal::NotAllowed("https://evil.example".into())));
    let null = HostHints { ancestor: Some("null"), query: Some("https://host.example"), ..hints(&a) };
    assert!(matches!(choose_host_origin(&null), Err(OriginRefusal::NotAllowed(_))));
}

#[test]
fn without_an_ancestor_the_query_and_referrer_must_agree() {
    let a = allowed();
    let q = HostHints { query: Some("http://localhost:8000"), ..hints(&a) };
    assert_eq!(choose_host_origin(&q), Ok("http://localhost:8000".into()));
    let qr = HostHints { referrer: Some("http://localhost:8000/demo/index.html?x=1"), ..q };
    assert_eq!(choose_host_origin(&qr), Ok("http://localhost:8000".into()));
    let r = HostHints { referrer: Some("https://host.example/blog/post"), ..hints(&a) };
    assert_eq!(choose_host_origin(&r), Ok("https://host.example".into()));
    let clash = HostHints { referrer: Some("https://host.example/"), ..q };
    assert!(matches!(choose_host_origin(&clash), Err(OriginRefusal::Mismatch(..))));
    assert_eq!(choose_host_origin(&hints(&a)), Err(OriginRefusal::Unknown));
    let blank = HostHints { query: Some("  "), referrer: Some(""), ..hints(&a) };
    assert_eq!(choose_host_origin(&blank), Err(OriginRefusal::Unknown));
}

#[test]
fn never_a_wildcard_and_never_an_origin_outside_the_allow_list() {
    let a = allowed();
    for q in ["*", "null", "javascript:alert(1)", "//host.example", "host.example", "file:///x", "data:text/html,x"] {
        let h = HostHints { query: Some(q), referrer: Some("https://host.example/"), ..hints(&a) };
        assert_eq!(choose_host_origin(&h), Err(OriginRefusal::InvalidHint), "{q}");
    }
    for q in [
        "https://host.example.evil.example",
        "https://evil.example",
        "https://host.example@evil.example",
        "http://host.example",
        "https://host.example:8443",
    ] {
        let h = HostHints { query: Some(q), ..hints(&a) };
        assert!(matches!(choose_host_origin(&h), Err(OriginRefusal::NotAllowed(_))), "{q}");
    }
    // Paths, queries and default ports do not change an origin.
    let h = HostHints { query: Some("https://host.example:443/some/page?q=1#x"), ..hints(&a) };
    assert_eq!(choose_host_origin(&h), Ok("https://host.example".into()));
}

#[test]
fn nothing_is_chosen_without_a_frame_or_an_allow_list() {
    let a = allowed();
    let top = HostHints { framed: false, ancestor: None, query: Some("https://host.example"), ..hints(&a) };
    assert_eq!(choose_host_origin(&top), Err(OriginRefusal::NotFramed));
    let none: Vec<String> = Vec::new();
    let h = HostHints { ancestor: Some("https://host.example"), ..hints(&none) };
    assert_eq!(choose_host_origin(&h), Err(OriginRefusal::NoAllowList));
    let junk = vec!["*".to_string(), "not an origin".to_string()];
    let h = HostHints { ancestor: Some("https://host.example"), ..hints(&junk) };
    assert_eq!(choose_host_origin(&h), Err(OriginRefusal::NoAllowList));
    for r in [OriginRefusal::NotFramed, OriginRefusal::Unknown, OriginRefusal::NotAllowed("https://x.example".into())] {
        assert!(!r.to_string().is_empty());
    }
}

#[test]
fn incoming_origins_must_match_exactly() {
    let host = "https://host.example";
    assert!(accepts_origin(host, "https://host.example"));
    assert!(accepts_origin(host, "https://HOST.example:443"));
    for o in [
        "http://host.example",
        "https://host.example:444",
        "https://evil.example",
        "https://host.example.evil.example",
        "null",
        "*",
        "",
    ] {
        assert!(!accepts_origin(host, o), "{o}");
    }
}

// --- URL parameters and webviews --------------------------------------------------------------------------

#[test]
fn embed_parameters_are_opt_in_and_dropped_when_bad() {
    fn q<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| pairs.iter().find(|(name, _)| *name == k).map(|(_, v)| v.to_string())
    }
    assert_eq!(EmbedParams::from_query(q(&[("theme", "dark")])), None);
    assert_eq!(EmbedParams::from_query(q(&[("embed", "true")])), None);
    assert_eq!(EmbedParams::from_query(q(&[("embed", "1")])), Some(EmbedParams::default()));
    let full = [("embed", "1"), ("id", "g7f3"), ("origin", "http://host.test"), ("theme", "dark")];
    assert_eq!(
        EmbedParams::from_query(q(&full)),
        Some(EmbedParams {
            id: Some("g7f3".into()),
            origin: Some("http://host.test".into()),
            theme: Some(Theme::Dark)
        })
    );
    let bad = [("embed", "1"), ("id", "<script>"), ("theme", "neon")];
    assert_eq!(EmbedParams::from_query(q(&bad)), Some(EmbedParams::default()));
    assert_eq!(Theme::Dark.class(), Some("theme-dark"));
    assert_eq!(Theme::Light.class(), Some("theme-light"));
    assert_eq!(Theme::System.class(), None);
}

#[test]
fn webviews_are_recognised_from_the_user_agent() {
    let wechat = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) \
                  Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN";
    let taobao = "Mozilla/5.0 (Linux; U; Android 13; zh-CN; V2203A) AppleWebKit/537.36 (KHTML, like Gecko) \
                  Version/4.0 Chrome/100.0 Mobile Safari/537.36 AliApp(TB/10.30.10) WindVane/8.5.0";
    let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    assert_eq!(detect_webview(wechat), Some(Webview::WeChat));
    assert_eq!(detect_webview(taobao), Some(Webview::WindVane));
    assert_eq!(detect_webview("xx windvane/1.0"), Some(Webview::WindVane));
    assert_eq!(detect_webview(chrome), None);
    assert_eq!(detect_webview(""), None);
    assert!(Webview::WeChat.has_menu_share());
    assert!(!Webview::WindVane.has_menu_share());
    let odd = format!("{}逛MicroMessenger", "a".repeat(1023));
    assert_eq!(detect_webview(&odd), Some(Webview::WeChat), "a cut inside a character falls back to the whole UA");
}
