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
