use super::*;

const T0: i64 = 1_700_000_000;

#[test]
fn source_names_round_trip() {
    for s in Source::ALL {
        assert_eq!(Source::from_str_opt(s.as_str()), Some(s));
        assert_eq!(serde_json::to_string(&s).ok(), Some(format!("\"{}\"", s.as_str())));
    }
    assert_eq!(Source::from_str_opt("SHARE"), Some(Source::Share));
    assert_eq!(Source::from_str_opt("shared"), None);
    assert_eq!(Source::from_str_opt(""), None);
}

#[test]
fn counts_per_creator_and_item_in_display_order() {
    let mut a = Attribution::default();
    a.record(Source::Share, "c1", Some("i1"), T0, false);
    a.record(Source::Recommend, "c1", Some("i2"), T0, false);
    a.record(Source::Recommend, "c1", None, T0, false);
    a.record(Source::Direct, "c2", None, T0, false);
    assert_eq!(a.counts_for_creator("c1"), vec![(Source::Recommend, 2), (Source::Share, 1)]);
    assert_eq!(a.counts_for_item("i1"), vec![(Source::Share, 1)]);
    assert_eq!(a.counts_for_item("i2"), vec![(Source::Recommend, 1)]);
    assert_eq!(a.counts_for_creator("c2"), vec![(Source::Direct, 1)]);
    assert!(a.counts_for_creator("nobody").is_empty());
    assert_eq!(a.queued(), 0, "nothing queued without send");
}

#[test]
fn repeats_within_thirty_minutes_count_once() {
    let mut a = Attribution::default();
    a.record(Source::Share, "c1", Some("i1"), T0, true);
    a.record(Source::Share, "c1", Some("i1"), T0 + 60, true);
    a.record(Source::Share, "c1", Some("i1"), T0 + DEDUP_WINDOW_S - 1, true);
    a.record(Source::Share, "c1", Some("i1"), T0 - 60, true);
    assert_eq!(a.counts_for_item("i1"), vec![(Source::Share, 1)]);
    assert_eq!(a.queued(), 1);
    // Another source, another item, or the window over: each counts.
    a.record(Source::External, "c1", Some("i1"), T0 + 1, true);
    a.record(Source::Share, "c1", Some("i2"), T0 + 1, true);
    a.record(Source::Share, "c1", None, T0 + 1, true);
    a.record(Source::Share, "c1", Some("i1"), T0 + DEDUP_WINDOW_S, true);
    assert_eq!(a.counts_for_item("i1"), vec![(Source::Share, 2), (Source::External, 1)]);
    assert_eq!(a.counts_for_creator("c1"), vec![(Source::Share, 4), (Source::External, 1)]);
    assert_eq!(a.queued(), 5);
}

#[test]
fn invalid_ids_are_ignored() {
    let mut a = Attribution::default();
    a.record(Source::Share, "../c", None, T0, true);
    a.record(Source::Share, "c1", Some("i/1"), T0, true);
    a.record(Source::Share, "", None, T0, true);
    assert_eq!(a.queued(), 0);
    assert!(a.counts_for_creator("c1").is_empty());
}

#[test]
fn events_have_unique_safe_ids_and_batch_in_order() {
    let mut a = Attribution::default();
    for i in 0..10 {
        a.record(Source::Recommend, &format!("c{i}"), Some("i1"), T0 + i, true);
    }
    a.record(Source::Recommend, "c1", None, -5, true);
    let batch = a.take_batch(4);
    assert_eq!(batch.len(), 4);
    assert_eq!(batch[0].creator, "c0");
    assert_eq!(batch[0].id, format!("{T0}-1"));
    let rest = a.take_batch(100);
    assert_eq!(rest.len(), 7);
    let mut ids: Vec<&str> = batch.iter().chain(&rest).map(|e| e.id.as_str()).collect();
    assert!(ids.iter().all(|id| id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')));
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 11);
    assert!(a.take_batch(5).is_empty());
    let json = serde_json::to_value(&rest[6]).unwrap_or_default();
    assert_eq!(json, serde_json::json!({"id": "-5-11", "source": "recommend", "creator": "c1", "at": -5}));
}

#[test]
fn failed_batches_go_back_to_the_front() {
    let mut a = Attribution::default();
    for i in 0..5 {
        a.record(Source::Following, "c1", Some(&format!("i{i}")), T0, true);
    }
    let batch = a.take_batch(3);
    a.requeue(batch.clone());
    assert_eq!(a.take_batch(3), batch);
    let mut bad = batch[0].clone();
    bad.creator = "x/y".into();
    a.requeue(vec![bad]);
    assert_eq!(a.queued(), 2, "invalid events are not taken back");
}

#[test]
fn queue_and_targets_are_bounded() {
    let mut a = Attribution::default();
    for i in 0..(MAX_QUEUE as i64 + 20) {
        a.record(Source::Direct, "c1", Some(&format!("i{i}")), T0 + i, true);
    }
    assert_eq!(a.queued(), MAX_QUEUE);
    assert_eq!(a.take_batch(1)[0].item.as_deref(), Some("i20"), "the oldest were dropped");
    let again = a.take_batch(MAX_QUEUE);
    a.requeue(again.clone());
    a.requeue(again);
    assert_eq!(a.queued(), MAX_QUEUE);
    for i in 0..(MAX_TARGETS as i64 + 50) {
        a.record(Source::Recommend, &format!("k{i}"), None, T0 + i, false);
        a.record(Source::Recommend, "keep", None, T0 + i * DEDUP_WINDOW_S, false);
    }
    assert_eq!(a.targets.len(), MAX_TARGETS);
    assert!(a.counts_for_creator("k0").is_empty(), "least recently updated evicted");
    assert!(!a.counts_for_creator("keep").is_empty(), "recently updated kept");
    assert!(!a.counts_for_creator(&format!("k{}", MAX_TARGETS + 49)).is_empty());
    assert!(a.recent.len() <= 1000);
}

#[test]
fn persistence_round_trips_including_dedup_memory() {
    let mut a = Attribution::default();
    a.record(Source::Share, "c1", Some("i1"), T0, true);
    a.record(Source::Embed, "c2", None, T0, true);
    let json = a.to_json();
    assert!(json.contains("\"version\":1"));
    let mut b = Attribution::from_json(&json).expect("reads back");
    assert_eq!(b.counts_for_creator("c1"), a.counts_for_creator("c1"));
    assert_eq!(b.counts_for_item("i1"), vec![(Source::Share, 1)]);
    assert_eq!(b.queue, a.queue);
    b.record(Source::Share, "c1", Some("i1"), T0 + 10, true);
    assert_eq!(b.counts_for_item("i1"), vec![(Source::Share, 1)], "a reload does not count twice");
    b.record(Source::Share, "c3", None, T0 + 10, true);
    let ids: Vec<String> = b.take_batch(10).into_iter().map(|e| e.id).collect();
    assert_eq!(ids, [format!("{T0}-1"), format!("{T0}-2"), format!("{}-3", T0 + 10)]);
}

#[test]
fn hostile_json_is_refused_or_skipped() {
    assert!(Attribution::from_json("nope").is_err());
    assert!(Attribution::from_json(r#"{"targets":{}}"#).is_err());
    assert!(Attribution::from_json(r#"{"version":9}"#).is_err());
    assert!(Attribution::from_json(&format!("{{\"version\":1,\"x\":\"{}\"}}", "a".repeat(MAX_JSON_BYTES))).is_err());
    let json = r#"{"version":1,"seq":-3,"tick":"x",
      "targets":{"creator:c1":{"counts":{"share":3,"bogus":4,"direct":-1,"embed":"x"},"touched":7},
                 "creator:../x":{"counts":{"share":1},"touched":1},
                 "item:i1":[1,2], "other:c1":{"counts":{"share":1}}},
      "recent":[{"source":"share","creator":"c/1","item":null,"at":1}, 5],
      "queue":[{"id":"1-1","source":"share","creator":"c1","at":1},
               {"id":"<script>","source":"share","creator":"c1","at":1},
               {"id":"1-2","source":"nope","creator":"c1","at":1},
               {"id":"1-3","source":"share","creator":"c1","item":"a b","at":1}, null]}"#;
    let a = Attribution::from_json(json).expect("lenient");
    assert_eq!(a.counts_for_creator("c1"), vec![(Source::Share, 3)]);
    assert!(a.counts_for_item("i1").is_empty());
    assert_eq!(a.targets.len(), 1, "hostile keys and non-object values dropped");
    assert!(a.recent.is_empty());
    assert_eq!(a.queued(), 1);
    assert!(a.tick >= 7);
}

#[test]
fn caps_hold_on_read() {
    let targets: Vec<String> =
        (0..MAX_TARGETS + 30).map(|i| format!(r#""creator:c{i}":{{"counts":{{"share":1}},"touched":{i}}}"#)).collect();
    let queue: Vec<String> =
        (0..MAX_QUEUE + 30).map(|i| format!(r#"{{"id":"1-{i}","source":"share","creator":"c1","at":1}}"#)).collect();
    let json = format!(r#"{{"version":1,"targets":{{{}}},"queue":[{}]}}"#, targets.join(","), queue.join(","));
    let mut a = Attribution::from_json(&json).expect("reads");
    assert_eq!(a.targets.len(), MAX_TARGETS);
    assert!(a.counts_for_creator("c0").is_empty() && !a.counts_for_creator("c1029").is_empty());
    assert_eq!(a.queued(), MAX_QUEUE);
    assert_eq!(a.take_batch(1)[0].id, "1-30", "newest kept");
}

#[test]
fn share_visits_count_by_the_sharers_level_and_events_carry_levels() {
    let mut a = Attribution::default();
    let sup = VisitLevels { own: Some(FanLevel::Loyal), via: Some(FanLevel::Super) };
    a.record_with(Source::Share, "c1", Some("i1"), T0, true, sup);
    a.record_with(Source::Share, "c1", Some("i2"), T0, true, VisitLevels { own: None, via: Some(FanLevel::Super) });
    a.record_with(Source::Share, "c1", None, T0, true, VisitLevels { own: None, via: Some(FanLevel::Fan) });
    // Only a share has a sharer; a passer-by's own level is not sent.
    let passerby = VisitLevels { own: Some(FanLevel::Passerby), via: Some(FanLevel::Super) };
    a.record_with(Source::Recommend, "c1", Some("i3"), T0, true, passerby);
    assert_eq!(a.share_levels_for_creator("c1"), vec![(FanLevel::Fan, 1), (FanLevel::Super, 2)]);
    assert_eq!(a.counts_for_creator("c1"), vec![(Source::Recommend, 1), (Source::Share, 3)]);
    let events = a.take_batch(10);
    let levels: Vec<(Option<u8>, Option<u8>)> = events.iter().map(|e| (e.level, e.via_level)).collect();
    assert_eq!(levels, [(Some(2), Some(3)), (None, Some(3)), (None, Some(1)), (None, None)]);
    let json = serde_json::to_string(&events[0]).unwrap();
    assert!(json.contains(r#""level":2,"via_level":3"#), "{json}");
    assert!(!serde_json::to_string(&events[3]).unwrap().contains("level"));
    // Stored and read back, with hostile level keys skipped.
    let back = Attribution::from_json(&a.to_json()).unwrap();
    assert_eq!(back.share_levels_for_creator("c1"), vec![(FanLevel::Fan, 1), (FanLevel::Super, 2)]);
    let hostile = r#"{"version":1,"targets":{"creator:c1":{"counts":{"share":2},"touched":1,"via":[0,"x",-1,1,9]}},
        "queue":[{"id":"1-1","source":"share","creator":"c1","at":1,"via_level":9}]}"#;
    let h = Attribution::from_json(hostile).unwrap();
    assert_eq!(h.share_levels_for_creator("c1"), vec![(FanLevel::Super, 1)]);
    assert_eq!(h.queued(), 0, "an event with a level past the top is not ours");
}
