//! The demo pack's embeddings are learned from simulated co-engagement and carry the hidden styles that no
//! topic tag says, which is what makes them worth sending.

use guang::model::embedding::enforce_dim;
use guang::model::{parse_index, parse_item_doc, ApiBase, Item};
use guang::rank::train::dot;
use guang_demo_gen::taste::{self, EMBEDDING_DIM, LOG_CUTOFF_S, STYLES};
use guang_demo_gen::{build_pack, ITEMS, PACK_NOW, SEED};

fn pack_items() -> (guang_demo_gen::Pack, Vec<Item>) {
    let pack = build_pack(SEED);
    let base = ApiBase::parse("http://127.0.0.1:8080/api/v1/").unwrap();
    let items = (1..=ITEMS)
        .map(|n| {
            let doc = String::from_utf8(pack[&format!("items/i{n:04}.json")].clone()).unwrap();
            parse_item_doc(&doc, &base).unwrap()
        })
        .collect();
    (pack, items)
}

fn disjoint(a: &Item, b: &Item) -> bool {
    !a.topics.iter().any(|t| b.topics.contains(t))
}

#[test]
fn embeddings_carry_the_hidden_style_that_the_topics_do_not() {
    let (pack, mut items) = pack_items();
    let styles = taste::styles(&items, SEED);
    assert!((0..STYLES).all(|s| styles.iter().filter(|x| **x == s).count() > ITEMS / STYLES / 2), "every style used");

    let index = parse_index(std::str::from_utf8(&pack["index.json"]).unwrap()).unwrap();
    assert_eq!(index.embedding_dim, Some(EMBEDDING_DIM));
    assert!(enforce_dim(&mut items, index.embedding_dim).is_empty(), "every vector has the declared dimension");
    let with = items.iter().filter(|i| i.vector.is_some()).count();
    assert!(with > ITEMS * 9 / 10, "{with} of {ITEMS} items have an embedding");
    let now = guang::model::time::parse_rfc3339(PACK_NOW).unwrap();
    for item in &items {
        if item.published_ts > now - LOG_CUTOFF_S {
            assert!(item.vector.is_none(), "{} is newer than the logs but has an embedding", item.id);
        }
    }
    assert!(with < ITEMS, "items newer than the logs have none");

    // Mean dot product over pairs of items with disjoint topics: the same hidden style, or not.
    let (mut same, mut other) = ((0.0f64, 0usize), (0.0f64, 0usize));
    let mut same_topic = (0.0f64, 0usize);
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            let (Some(a), Some(b)) = (&items[i].vector, &items[j].vector) else { continue };
            let d = f64::from(dot(a, b));
            let bucket = if !disjoint(&items[i], &items[j]) {
                if styles[i] == styles[j] {
                    continue;
                }
                &mut same_topic
            } else if styles[i] == styles[j] {
                &mut same
            } else {
                &mut other
            };
            bucket.0 += d;
            bucket.1 += 1;
        }
    }
    let mean = |(s, n): (f64, usize)| s / n.max(1) as f64;
    let (same, other, same_topic) = (mean(same), mean(other), mean(same_topic));
    eprintln!(
        "mean dot, other topics: same style {same:.4}, other style {other:.4}; same topic, other style {same_topic:.4}"
    );
    assert!(same > 1.5 * other && same - other > 0.01, "same style {same:.4} vs other style {other:.4}");
    // The topics are in there too: sharing one beats sharing nothing.
    assert!(same_topic > 2.0 * other, "same topic {same_topic:.4} vs nothing shared {other:.4}");

    // What a ranker would use: an item's nearest neighbours outside its topics mostly share its style.
    let (mut hits, mut total) = (0usize, 0usize);
    for (i, a) in items.iter().enumerate() {
        let Some(va) = &a.vector else { continue };
        let mut near: Vec<(f32, usize)> = items
            .iter()
            .enumerate()
            .filter(|(j, b)| *j != i && disjoint(a, b))
            .filter_map(|(j, b)| b.vector.as_ref().map(|vb| (dot(va, vb), j)))
            .collect();
        near.sort_by(|x, y| y.0.total_cmp(&x.0));
        for (_, j) in near.iter().take(10) {
            hits += usize::from(styles[*j] == styles[i]);
            total += 1;
        }
    }
    let share = hits as f64 / total as f64;
    eprintln!("nearest 10 outside the topics: {:.1}% same style", 100.0 * share);
    assert!(share > 0.8, "{share:.3} of the nearest neighbours outside an item's topics share its style");

    // And the nearest neighbours of all share a topic far more often than chance (about one in ten).
    let (mut topical, mut total) = (0usize, 0usize);
    for (i, a) in items.iter().enumerate() {
        let Some(va) = &a.vector else { continue };
        let mut near: Vec<(f32, usize)> = items
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .filter_map(|(j, b)| b.vector.as_ref().map(|vb| (dot(va, vb), j)))
            .collect();
        near.sort_by(|x, y| y.0.total_cmp(&x.0));
        for (_, j) in near.iter().take(10) {
            topical += usize::from(!disjoint(a, &items[*j]));
            total += 1;
        }
    }
    let share = topical as f64 / total as f64;
    eprintln!("nearest 10: {:.1}% share a topic", 100.0 * share);
    assert!(share > 0.6, "{share:.3} of the nearest neighbours share a topic");
}

#[test]
fn the_hidden_styles_stay_in_the_generator() {
    let (pack, _) = pack_items();
    for (path, bytes) in &pack {
        if path.ends_with(".json") {
            let text = std::str::from_utf8(bytes).unwrap();
            assert!(!text.contains("\"style"), "{path} names a style");
        }
    }
    // What the pack says about an item is the contract's fields, nothing more.
    let doc: serde_json::Value = serde_json::from_slice(&pack["items/i0001.json"]).unwrap();
    let keys: Vec<&str> = doc["item"].as_object().unwrap().keys().map(String::as_str).collect();
    let allowed = [
        "id",
        "kind",
        "media",
        "title",
        "text",
        "translations",
        "cover",
        "creator",
        "topics",
        "products",
        "campaign",
        "published_at",
        "stats",
        "score",
        "embedding",
    ];
    assert!(keys.iter().all(|k| allowed.contains(k)), "{keys:?}");
}
