use super::*;
use crate::model::item::MAX_TITLE;

fn me() -> CreatorRef {
    CreatorRef {
        id: "c01".into(),
        name: "小鹿爱穿搭".into(),
        avatar: "media/avatars/c01.svg".into(),
        verified: true,
        collabs: Vec::new(),
    }
}

fn base() -> ApiBase {
    ApiBase::parse("https://example.com/api/v1/").expect("base")
}

fn photo(name: &str) -> LocalFile {
    LocalFile {
        name: name.into(),
        mime: "image/jpeg".into(),
        bytes: 200_000,
        width: 1080,
        height: 1440,
        ..LocalFile::default()
    }
}

fn note() -> Compose {
    Compose {
        title: "初冬通勤穿搭".into(),
        text: "一件大衣五种穿法".into(),
        images: vec![photo("a1.jpg"), photo("a2.jpg")],
        topics: vec!["fashion".into()],
        products: vec![ProductDraft {
            title: "大衣".into(),
            price: "¥1,528.90".into(),
            url: "https://shop.example/p1".into(),
            ..ProductDraft::default()
        }],
        ..Compose::new("d-1".into(), 1)
    }
}

const NOW: i64 = 1_764_000_000;

#[test]
fn a_complete_note_is_the_item_a_visitor_would_see() {
    let checked = note().check(&me(), &base(), NOW);
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    let item = checked.item.expect("valid");
    assert_eq!(item.id, "d-1");
    assert_eq!(item.cover.url, "https://example.com/api/v1/media/drafts/d-1/a1.jpg");
    assert_eq!((item.cover.width, item.cover.height), (1080, 1440));
    assert_eq!(item.cover.alt, "初冬通勤穿搭", "the title describes an image without its own text");
    let Media::Note { images } = &item.media else { panic!("a note") };
    assert_eq!(images.len(), 2);
    assert_eq!(item.products[0].price.amount, 152_890);
    assert_eq!(item.products[0].id, "d-1-p1");
    assert_eq!(item.published_ts, NOW);
}

#[test]
fn every_problem_points_at_its_field() {
    let mut d = note();
    d.title = String::new();
    d.text = "字".repeat(crate::model::item::MAX_TEXT + 1);
    d.products.push(ProductDraft {
        title: "".into(),
        price: "12.345".into(),
        url: "javascript:alert(1)".into(),
        ..ProductDraft::default()
    });
    d.images.clear();
    let checked = d.check(&me(), &base(), NOW);
    assert!(checked.item.is_none());
    let fields: Vec<Field> = checked.problems.iter().map(|p| field_of(&p.path)).collect();
    for want in [Field::Title, Field::Text, Field::Images, Field::Product(1)] {
        assert!(fields.contains(&want), "{want:?} in {:?}", checked.problems);
    }
    let product: Vec<&Problem> = checked.problems.iter().filter(|p| field_of(&p.path) == Field::Product(1)).collect();
    assert!(product.iter().any(|p| p.path.ends_with(".price.amount")), "{product:?}");
    assert!(product.iter().any(|p| p.path.ends_with(".url") && matches!(p.kind, ProblemKind::BadUrl(_))));
    assert!(product.iter().any(|p| p.path.ends_with(".title")));
    // A missing image is said once, not also as an empty cover URL.
    assert_eq!(fields.iter().filter(|f| **f == Field::Images).count(), 1, "{:?}", checked.problems);
}

#[test]
fn title_limit_is_the_contracts() {
    let mut d = note();
    d.title = "a".repeat(MAX_TITLE);
    assert!(d.check(&me(), &base(), NOW).problems.is_empty());
    d.title.push('a');
    let problems = d.check(&me(), &base(), NOW).problems;
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::TooLong { max: MAX_TITLE });
}

#[test]
fn a_video_needs_its_file_and_poster() {
    let mut d = note();
    d.kind = ComposeKind::Video;
    let problems = d.check(&me(), &base(), NOW).problems;
    assert!(problems.iter().any(|p| field_of(&p.path) == Field::Video && p.kind == ProblemKind::Missing));
    assert!(problems.iter().any(|p| field_of(&p.path) == Field::Images && p.kind == ProblemKind::Missing));
    d.video = Some(LocalFile {
        name: "v1.mp4".into(),
        mime: "video/mp4".into(),
        bytes: 5_000_000,
        duration_s: 42,
        ..LocalFile::default()
    });
    d.poster = Some(photo("p1.jpg"));
    let checked = d.check(&me(), &base(), NOW);
    let item = checked.item.unwrap_or_else(|| panic!("{:?}", checked.problems));
    assert_eq!(
        item.media,
        Media::Video { url: "https://example.com/api/v1/media/drafts/d-1/v1.mp4".into(), duration_s: 42 }
    );
}

#[test]
fn files_too_large_are_named() {
    let mut d = note();
    d.images[1].bytes = 50 * 1024 * 1024;
    let problems = d.check(&me(), &base(), NOW).problems;
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "item.media.images[1]");
    assert!(matches!(problems[0].kind, ProblemKind::TooLarge { max, .. } if max == MAX_IMAGE_BYTES as usize));
}

#[test]
fn prices_read_like_a_shopper_types_them() {
    assert_eq!(parse_price("129"), Ok(12_900));
    assert_eq!(parse_price(" ¥1,299.5 "), Ok(129_950));
    assert_eq!(parse_price("￥０．９９"), Ok(99));
    assert_eq!(parse_price("0"), Ok(0));
    assert_eq!(parse_price(""), Err(ProblemKind::Empty));
    assert_eq!(parse_price("100000000.00"), Ok(MAX_PRICE));
    assert_eq!(parse_price("100000000.01"), Err(ProblemKind::OutOfRange));
    assert_eq!(parse_price("99999999999999999999999"), Err(ProblemKind::OutOfRange));
    for bad in ["-5", "1.234", "abc", "1e9", "1..2", ".5", "<b>9</b>"] {
        assert!(parse_price(bad).is_err(), "{bad}");
    }
}

#[test]
fn pasted_markup_stays_text() {
    let mut d = note();
    d.title = "<img src=x onerror=alert(1)>".into();
    let item = d.check(&me(), &base(), NOW).item.expect("valid: markup is only text");
    assert_eq!(item.title, "<img src=x onerror=alert(1)>");
}

#[test]
fn problem_paths_map_to_fields() {
    assert_eq!(field_of("item.title"), Field::Title);
    assert_eq!(field_of("item.cover.url"), Field::Images);
    assert_eq!(field_of("item.media.images[3].width"), Field::Images);
    assert_eq!(field_of("item.media.duration_s"), Field::Video);
    assert_eq!(field_of("item.products[12].price.amount"), Field::Product(12));
    assert_eq!(field_of("item.products"), Field::Other);
    assert_eq!(field_of("item.campaign"), Field::Campaign);
    assert_eq!(field_of("item.creator.avatar"), Field::Other);
}

#[test]
fn document_is_what_a_loaded_draft_would_be() {
    let doc = note().to_document(&me(), NOW);
    let again = validate_draft(&doc.to_string(), &base());
    assert!(matches!(again, Ok(Draft::Item(_))));
    assert_eq!(doc["item"]["media"]["images"][1]["url"], "media/drafts/d-1/a2.jpg");
    assert_eq!(doc["item"]["creator"]["verified"], true);
}

#[test]
fn a_loaded_draft_fills_the_form_and_loses_nothing() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/drafts/new-item.json")).expect("demo draft");
    let Ok(Draft::Item(item)) = validate_draft(&text, &base()) else { panic!("the demo draft is valid") };
    let form = Compose::from_item(&item, 5);
    assert_eq!(form.images.len(), 3);
    let names: std::collections::HashSet<&str> = form.images.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names.len(), 3, "each file is told apart by its name in the form");
    assert_eq!(form.products[0].price, "1528.90");
    let again = form.check(&item.creator, &base(), item.published_ts).item.expect("still valid");
    assert_eq!(again.translations, item.translations);
    assert_eq!(again.media, item.media);
    assert_eq!(again.products, item.products);
}

fn coupon() -> CouponDraft {
    CouponDraft {
        code: "double12".into(),
        off: "¥50".into(),
        min_spend: "599".into(),
        starts_at: String::new(),
        ends_at: "2026-12-12T16:00:00Z".into(),
        ..CouponDraft::default()
    }
}

#[test]
fn a_typed_coupon_becomes_the_contracts_coupon() {
    let mut d = note();
    d.products[0].coupon = Some(coupon());
    let checked = d.check(&me(), &base(), NOW);
    let item = checked.item.unwrap_or_else(|| panic!("{:?}", checked.problems));
    let c = item.products[0].coupon.as_ref().expect("the coupon is kept");
    assert_eq!(c.code, "DOUBLE12", "codes are written as the shop reads them");
    assert_eq!((c.amount_off, c.percent_off, c.min_spend), (Some(5_000), None, 59_900));
    assert_eq!(c.starts_at, None, "no start means from publication");
    // A percentage instead.
    d.products[0].coupon = Some(CouponDraft { percent: true, off: "15".into(), ..coupon() });
    let item = d.check(&me(), &base(), NOW).item.expect("valid");
    let c = item.products[0].coupon.as_ref().expect("kept");
    assert_eq!((c.amount_off, c.percent_off), (None, Some(15)));
}

#[test]
fn coupon_problems_point_at_the_product_once_each() {
    let mut d = note();
    d.products[0].coupon = Some(CouponDraft {
        code: "坏".into(),
        off: "五十".into(),
        min_spend: "-3".into(),
        starts_at: "2026-12-12T16:00:00Z".into(),
        ends_at: "2026-12-01T00:00:00Z".into(),
        ..CouponDraft::default()
    });
    let problems = d.check(&me(), &base(), NOW).problems;
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    for want in ["coupon.code", "coupon.amount_off", "coupon.min_spend", "coupon.ends_at"] {
        assert_eq!(paths.iter().filter(|p| p.ends_with(want)).count(), 1, "{want} once in {paths:?}");
    }
    assert!(problems.iter().all(|p| field_of(&p.path) == Field::Product(0)), "{problems:?}");
    // A percentage over the contract's cap, and a missing end.
    d.products[0].coupon = Some(CouponDraft { percent: true, off: "95".into(), ends_at: String::new(), ..coupon() });
    let problems = d.check(&me(), &base(), NOW).problems;
    assert!(problems.iter().any(|p| p.path.ends_with("coupon.percent_off") && p.kind == ProblemKind::OutOfRange));
    assert!(problems.iter().any(|p| p.path.ends_with("coupon.ends_at") && p.kind == ProblemKind::Missing));
}

fn partner(id: &str) -> CreatorRef {
    CreatorRef {
        id: id.into(),
        name: format!("搭档{id}"),
        avatar: format!("media/avatars/{id}.svg"),
        verified: false,
        collabs: Vec::new(),
    }
}

#[test]
fn co_creators_are_credited_up_to_the_contracts_cap() {
    let mut d = note();
    d.co_creators = vec![partner("c25"), partner("c30")];
    let item = d.check(&me(), &base(), NOW).item.expect("valid");
    let ids: Vec<&str> = item.co_creators.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c25", "c30"]);
    d.co_creators = (10..16).map(|n| partner(&format!("c{n}"))).collect();
    let problems = d.check(&me(), &base(), NOW).problems;
    assert!(
        problems.iter().any(|p| field_of(&p.path) == Field::CoCreators && p.kind == ProblemKind::TooLong { max: 5 }),
        "{problems:?}"
    );
}

#[test]
fn drafts_stored_before_the_form_edited_credits_and_coupons_keep_them() {
    let mut old = note();
    old.carried.insert("co_creators".into(), serde_json::to_value(vec![partner("c25")]).expect("json"));
    old.products[0].carried.insert(
        "coupon".into(),
        json!({ "code": "FOOD-GUANG", "amount_off": 5000, "min_spend": 59900, "ends_at": "2026-12-12T16:00:00Z" }),
    );
    old.upgrade();
    assert!(old.carried.is_empty() && old.products[0].carried.is_empty());
    assert_eq!(old.co_creators[0].id, "c25");
    let c = old.products[0].coupon.clone().expect("the coupon moved into the form");
    assert_eq!(
        (c.code.as_str(), c.off.as_str(), c.min_spend.as_str(), c.percent),
        ("FOOD-GUANG", "50.00", "599.00", false)
    );
    let item = old.check(&me(), &base(), NOW).item.expect("valid");
    assert_eq!(item.products[0].coupon.as_ref().map(|c| c.amount_off), Some(Some(5_000)));
    assert_eq!(item.co_creators.len(), 1, "credited once, not also from the carried fields");
}

#[test]
fn a_live_announcement_is_a_scheduled_stream_in_the_future() {
    let mut d = note();
    d.kind = ComposeKind::Live;
    let problems = d.check(&me(), &base(), NOW).problems;
    assert!(problems.iter().any(|p| field_of(&p.path) == Field::Schedule && p.kind == ProblemKind::Missing));
    assert!(problems.iter().any(|p| field_of(&p.path) == Field::Images && p.kind == ProblemKind::Missing));
    d.poster = Some(photo("p1.jpg"));
    d.starts_at = crate::model::time::format_rfc3339(NOW - 60);
    let problems = d.check(&me(), &base(), NOW).problems;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!((field_of(&problems[0].path), &problems[0].kind), (Field::Schedule, &ProblemKind::OutOfRange));
    d.starts_at = "tomorrow".into();
    let problems = d.check(&me(), &base(), NOW).problems;
    assert!(
        problems.iter().any(|p| field_of(&p.path) == Field::Schedule && p.kind == ProblemKind::BadTime),
        "{problems:?}"
    );
    d.starts_at = crate::model::time::format_rfc3339(NOW + 86_400);
    let checked = d.check(&me(), &base(), NOW);
    let item = checked.item.unwrap_or_else(|| panic!("{:?}", checked.problems));
    assert!(
        matches!(&item.media, Media::Live { status: crate::model::LiveStatus::Scheduled, viewers: 0, .. }),
        "{:?}",
        item.media
    );
    assert!(!item.is_live_now());
    assert_eq!(item.cover.url, "https://example.com/api/v1/media/drafts/d-1/p1.jpg");
    // And back: a loaded announcement fills the form as one.
    let again = Compose::from_item(&item, 5);
    assert_eq!((again.kind, again.starts_at.as_str()), (ComposeKind::Live, d.starts_at.as_str()));
}
