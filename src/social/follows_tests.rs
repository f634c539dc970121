use super::*;

fn who(id: &str) -> Followed {
    Followed { id: id.into(), name: format!("Name {id}"), avatar: format!("https://cdn.example/{id}.png"), since: 0 }
}

fn keys(reqs: &[WriteRequest]) -> Vec<String> {
    reqs.iter().map(|r| r.key.clone()).collect()
}

#[test]
fn local_list_is_optimistic_and_newest_first() {
    let mut f = Follows::default();
    assert!(f.is_empty());
    assert!(f.set(who("c1"), true, 1_000_000.0, false));
    assert!(f.set(who("c2"), true, 2_000_000.0, false));
    assert!(f.set(who("c3"), true, 2_000_000.0, false));
    assert!(!f.set(who("c1"), true, 3_000_000.0, false), "already followed");
    assert!(f.is_followed("c1") && f.len() == 3);
    let ids: Vec<&str> = f.list().iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["c3", "c2", "c1"]);
    assert_eq!(f.list()[2].since, 1000);
    assert!(f.set(who("c2"), false, 4_000_000.0, false));
    assert!(!f.is_followed("c2"));
    assert!(!f.has_pending(), "no writes without an API that accepts them");
}

#[test]
fn hostile_records_are_cleaned_or_refused_by_set() {
    let mut f = Follows::default();
    assert!(!f.set(Followed { id: "../x".into(), ..who("c1") }, true, 0.0, true));
    let bad = Followed { name: "\u{202E}".into(), avatar: "javascript:alert(1)".into(), ..who("c1") };
    assert!(f.set(bad, true, 0.0, true));
    assert_eq!(f.list()[0].name, "c1");
    assert_eq!(f.list()[0].avatar, "");
    assert!(f.set(Followed { name: "长".repeat(100), ..who("c2") }, true, 0.0, true));
    assert_eq!(f.list()[0].name.chars().count(), MAX_NAME_CHARS);
}

#[test]
fn write_is_queued_sent_and_confirmed() {
    let mut f = Follows::default();
    f.set(who("c1"), true, 1000.0, true);
    assert_eq!(f.pending_count(), 1);
    assert_eq!(f.next_due_ms(), Some(1000.0));
    assert!(f.due(999.0).is_empty());
    let reqs = f.due(1000.0);
    assert_eq!(reqs.len(), 1);
    assert_eq!((reqs[0].creator.as_str(), reqs[0].follow), ("c1", true));
    assert!(valid_key(&reqs[0].key) && reqs[0].key.starts_with("c1-"));
    assert!(f.due(5000.0).is_empty(), "in flight is not handed out twice");
    assert_eq!(f.next_due_ms(), None);
    assert_eq!(f.on_result(&reqs[0].key, WriteOutcome::Accepted, 1100.0), None);
    assert!(!f.has_pending() && f.is_followed("c1"));
    assert_eq!(f.on_result("unknown-key", WriteOutcome::Accepted, 1100.0), None);
}

#[test]
fn follow_then_unfollow_sends_nothing() {
    let mut f = Follows::default();
    f.set(who("c1"), true, 0.0, true);
    f.set(who("c1"), false, 1.0, true);
    assert!(!f.has_pending());
    assert!(f.due(10.0).is_empty());
    // Unfollow, follow, unfollow of an already followed creator: one unfollow write.
    f.set(who("c2"), true, 0.0, false);
    f.set(who("c2"), false, 1.0, true);
    let first = f.pending.get("c2").map(|p| p.key.clone());
    f.set(who("c2"), true, 2.0, true);
    assert!(!f.has_pending());
    f.set(who("c2"), false, 3.0, true);
    let reqs = f.due(10.0);
    assert_eq!(reqs.len(), 1);
    assert!(!reqs[0].follow);
    assert_ne!(Some(reqs[0].key.clone()), first, "a new write gets a new key");
}

#[test]
fn toggling_while_in_flight_keeps_a_write_and_handles_the_stale_ack() {
    let mut f = Follows::default();
    f.set(who("c1"), true, 0.0, true);
    let a = f.due(0.0);
    f.set(who("c1"), false, 1.0, true);
    assert_eq!(f.pending_count(), 1, "the in-flight follow may land, so the unfollow must follow it");
    assert!(f.due(10.0).is_empty(), "one write per creator on the wire");
    assert_eq!(f.on_result(&a[0].key, WriteOutcome::Accepted, 20.0), None);
    let b = f.due(20.0);
    assert_eq!(b.len(), 1);
    assert!(!b[0].follow && b[0].key != a[0].key);
    f.on_result(&b[0].key, WriteOutcome::Accepted, 30.0);
    assert!(!f.has_pending() && !f.is_followed("c1"));
}

#[test]
fn stale_ack_that_matches_the_intent_drops_the_pending_write() {
    let mut f = Follows::default();
    f.set(who("c1"), true, 0.0, true);
    let a = f.due(0.0);
    f.set(who("c1"), false, 1.0, true);
    f.set(who("c1"), true, 2.0, true);
    assert_eq!(f.pending_count(), 1);
    f.on_result(&a[0].key, WriteOutcome::Accepted, 3.0);
    assert!(!f.has_pending(), "the server already has follow = true");
    assert!(f.is_followed("c1"));
}

#[test]
fn stale_rejection_is_ignored_but_moot_writes_are_dropped() {
    let mut f = Follows::default();
    f.set(who("c1"), true, 0.0, true);
    let a = f.due(0.0);
    f.set(who("c1"), false, 1.0, true);
    assert_eq!(f.on_result(&a[0].key, WriteOutcome::Rejected("gone".into()), 2.0), None);
    assert!(!f.has_pending(), "the server kept unfollowed, which is what the user wants");
    assert!(!f.is_followed("c1"));
}

#[test]
fn rejection_rolls_back_to_the_base() {
    let mut f = Follows::default();
    f.set(who("c1"), true, 0.0, true);
    let a = f.due(0.0);
    let rb = f.on_result(&a[0].key, WriteOutcome::Rejected(" no such\u{0007} creator ".into()), 1.0);
    let rb = rb.expect("rolled back");
    assert_eq!((rb.creator.as_str(), rb.name.as_str(), rb.followed), ("c1", "Name c1", false));
    assert_eq!(rb.reason, "no such creator");
    assert!(!f.is_followed("c1") && !f.has_pending());
    // Unfollow refused: the creator comes back with the original record.
    f.set(who("c2"), true, 5000.0, false);
    f.set(who("c2"), false, 9000.0, true);
    let b = f.due(9000.0);
    let rb = f.on_result(&b[0].key, WriteOutcome::Rejected("x".repeat(1000)), 9001.0).expect("rolled back");
    assert!(rb.followed && rb.reason.len() == 200);
    assert!(f.is_followed("c2"));
    assert_eq!(f.list()[0].since, 5);
}

#[test]
fn retry_resends_the_same_key_with_growing_capped_backoff() {
    let mut f = Follows::default();
    f.set(who("c1"), true, 0.0, true);
    let first = keys(&f.due(0.0));
    let mut now = 0.0;
    let mut last_delay = 0.0;
    for attempt in 1..=30u32 {
        assert_eq!(f.on_result(&first[0], WriteOutcome::Retry, now), None);
        let next = f.next_due_ms().expect("scheduled");
        let delay = next - now;
        let nominal = (1000.0 * 2f64.powi(attempt as i32 - 1)).min(300_000.0);
        assert!(delay >= nominal * 0.5 && delay <= nominal, "attempt {attempt}: {delay}");
        assert!(delay <= 300_000.0);
        if attempt <= 8 {
            assert!(delay > last_delay * 0.99, "grows: {delay} after {last_delay}");
        }
        last_delay = delay;
        assert!(f.due(next - 1.0).is_empty());
        now = next;
        assert_eq!(keys(&f.due(now)), first, "exactly once: the resend reuses the key");
    }
    assert_eq!(f.on_result(&first[0], WriteOutcome::Accepted, now), None);
    assert!(!f.has_pending());
}

#[test]
fn backoff_is_deterministic_with_jitter() {
    assert_eq!(backoff_ms("k", 3), backoff_ms("k", 3));
    let delays: Vec<f64> = (0..50).map(|i| backoff_ms(&format!("c{i}-1-0"), 1)).collect();
    assert!(delays.iter().all(|d| (500.0..=1000.0).contains(d)));
    assert!(delays.iter().any(|d| (d - delays[0]).abs() > 1.0), "jitter spreads clients");
    assert!(backoff_ms("k", u32::MAX) <= 300_000.0);
}

#[test]
fn persistence_round_trips_and_pending_is_due_again_after_reload() {
    let mut f = Follows::default();
    f.set(who("c1"), true, 1_000.0, true);
    f.set(who("c2"), true, 2_000.0, false);
    f.set(who("c3"), true, 3_000.0, false);
    f.set(who("c3"), false, 4_000.0, true);
    let sent = f.due(5_000.0);
    assert_eq!(sent.len(), 2);
    let g = Follows::from_json(&f.to_json()).expect("reads back");
    assert_eq!(g.list(), f.list());
    assert_eq!(g.pending_count(), 2);
    let mut g = g;
    let mut again = keys(&g.due(5_000.0));
    let mut before = keys(&sent);
    again.sort();
    before.sort();
    assert_eq!(again, before, "same keys after a reload");
    g.set(who("c9"), true, 6_000.0, true);
    let new_key = g.pending.get("c9").map(|p| p.key.clone()).unwrap_or_default();
    assert!(!before.contains(&new_key), "sequence survives the reload");
}

#[test]
fn hostile_json_is_refused_or_skipped() {
    assert!(Follows::from_json("").is_err());
    assert!(Follows::from_json("[]").is_err());
    assert!(Follows::from_json(r#"{"follows":[]}"#).is_err());
    assert!(Follows::from_json(r#"{"version":2,"follows":[]}"#).is_err());
    assert!(Follows::from_json(&format!("{{\"version\":1,\"x\":\"{}\"}}", "a".repeat(MAX_JSON_BYTES))).is_err());
    assert_eq!(Follows::from_json(r#"{"version":1}"#).map(|f| f.len()), Ok(0));
    let json = r#"{"version":1,"seq":"x","follows":[
        {"id":"ok","name":"Ok","avatar":"https://a.example/x.png","since":5},
        {"id":"ok","name":"Dup","avatar":"","since":6},
        {"id":"bad/id","name":"X","avatar":"","since":1},
        {"id":"noname","name":"  ","avatar":"","since":1},
        {"id":"long","name":"NAME65","avatar":"","since":1},
        {"id":"js","name":"JS","avatar":"javascript:alert(1)","since":2},
        {"id":"num","name":7,"avatar":"","since":1}, 42, null],
      "pending":[["ok",{"follow":true,"key":"ok-1-0","base":false,"attempts":1,"next_at_ms":0,
                   "who":{"id":"ok","name":"Ok","avatar":"","since":5}}],
                 ["js",{"follow":false,"key":"js-1-0","base":true,"attempts":1,"next_at_ms":0,
                   "who":{"id":"js","name":"JS","avatar":"","since":5}}],
                 ["x",{"follow":true,"key":"bad key","base":false,"attempts":1,"next_at_ms":0,
                   "who":{"id":"x","name":"X","avatar":"","since":5}}],
                 ["y",{"follow":false}], "junk"]}"#
        .replace("NAME65", &"L".repeat(MAX_NAME_CHARS + 1));
    let f = Follows::from_json(&json).expect("lenient");
    let ids: Vec<&str> = f.list().iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["ok", "js"]);
    assert_eq!(f.list()[1].avatar, "", "untrusted avatar blanked, follow kept");
    assert_eq!(f.list()[0].name, "Ok");
    assert_eq!(f.list()[0].avatar, "https://a.example/x.png");
    assert_eq!(f.pending_count(), 1, "only the pending write that matches the list survives");
}

#[test]
fn caps_hold_on_read_and_on_set() {
    let follows: Vec<String> =
        (0..MAX_FOLLOWS + 10).map(|i| format!(r#"{{"id":"c{i}","name":"n","avatar":"","since":{i}}}"#)).collect();
    let json = format!(r#"{{"version":1,"follows":[{}]}}"#, follows.join(","));
    let mut f = Follows::from_json(&json).expect("reads");
    assert_eq!(f.len(), MAX_FOLLOWS);
    assert!(!f.set(who("one-more"), true, 0.0, false));
    assert!(f.set(who("c0"), false, 0.0, true), "unfollowing is always possible");
}

#[test]
fn garbage_time_never_panics() {
    let mut f = Follows::default();
    f.set(who("c1"), true, f64::NAN, true);
    f.set(who("c2"), true, f64::INFINITY, true);
    f.set(who("c3"), true, -5.0, true);
    let _ = f.due(f64::NAN);
    let reqs = f.due(f64::INFINITY);
    for r in reqs {
        f.on_result(&r.key, WriteOutcome::Retry, f64::NAN);
    }
    assert!(Follows::from_json(&f.to_json()).is_ok());
}

#[test]
fn retry_now_makes_a_backed_off_write_due_at_once() {
    let mut f = Follows::default();
    let who = Followed { id: "c01".into(), name: "A".into(), avatar: String::new(), since: 0 };
    f.set(who, true, 0.0, true);
    let req = f.due(0.0).pop().expect("a write is due");
    f.on_result(&req.key, WriteOutcome::Retry, 10.0);
    assert!(f.due(11.0).is_empty(), "backing off");
    f.retry_now(12.0);
    let again = f.due(12.0);
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].key, req.key, "the same idempotency key is re-sent");
}
