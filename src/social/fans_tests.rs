use super::*;

const DAY: i64 = 86_400;
const T0: i64 = 1_780_000_000 - 1_780_000_000 % DAY + 3600;

fn rules() -> FanRules {
    FanRules::default()
}

#[test]
fn actions_are_worth_what_the_rules_say_and_passive_ones_nothing() {
    let r = rules();
    assert_eq!(r.worth(&SignalKind::Like), 3.0);
    assert_eq!(r.worth(&SignalKind::Share), 6.0);
    assert_eq!(r.worth(&SignalKind::ItemDwell { ms: 9_999 }), 0.0);
    assert_eq!(r.worth(&SignalKind::ItemDwell { ms: 35_000 }), 3.0);
    assert_eq!(r.worth(&SignalKind::ItemDwell { ms: u32::MAX }), r.dwell_max);
    assert_eq!(r.worth(&SignalKind::VideoWatched { fraction: 0.5 }), 0.0);
    assert_eq!(r.worth(&SignalKind::VideoWatched { fraction: 0.95 }), 2.0);
    for passive in [SignalKind::Impression, SignalKind::CardDwell { ms: 60_000 }, SignalKind::Hide] {
        assert_eq!(r.worth(&passive), 0.0, "{passive:?}");
    }
}

#[test]
fn levels_climb_with_points_and_name_the_next_one() {
    let r = rules();
    let mut l = FanLedger::default();
    assert_eq!(l.standing("c01", None, T0, &r).level, FanLevel::Passerby);
    for _ in 0..4 {
        l.record("c01", Some("小鹿"), &SignalKind::Share, T0, &r);
    }
    let s = l.standing("c01", None, T0, &r);
    assert_eq!((s.level, s.points, s.floor), (FanLevel::Fan, 24.0, 20.0));
    assert_eq!(s.next, Some((FanLevel::Loyal, 120.0)));
    assert_eq!(s.grace_left, Some(r.grace_days));
    assert!(!s.fading);
}

#[test]
fn the_daily_cap_stops_a_burst_and_resets_the_next_day() {
    let r = rules();
    let mut l = FanLedger::default();
    for i in 0..100 {
        l.record("c01", None, &SignalKind::Like, T0 + i, &r);
    }
    assert_eq!(l.standing("c01", None, T0 + 100, &r).points, r.daily_cap);
    l.record("c01", None, &SignalKind::Like, T0 + DAY, &r);
    assert_eq!(l.standing("c01", None, T0 + DAY, &r).points, r.daily_cap + 3.0);
}

#[test]
fn a_month_of_daily_visits_makes_a_super_fan_and_drifting_away_fades_gently() {
    let r = rules();
    let mut l = FanLedger::default();
    for day in 0..30 {
        let at = T0 + day * DAY;
        for kind in [SignalKind::CreatorVisit, SignalKind::Open, SignalKind::Like, SignalKind::Open, SignalKind::Like] {
            l.record("c01", None, &kind, at, &r);
        }
    }
    let end = T0 + 29 * DAY;
    assert_eq!(l.standing("c01", None, end, &r).level, FanLevel::Super);
    // Inside the grace period nothing fades.
    let in_grace = l.standing("c01", None, end + 14 * DAY, &r);
    assert_eq!((in_grace.points, in_grace.fading, in_grace.grace_left), (360.0, false, Some(0)));
    // Past it, 2 % a day: one day costs a little, not the level.
    let one = l.standing("c01", None, end + 15 * DAY, &r);
    assert!(one.fading && (one.points - 352.8).abs() < 1e-9, "{one:?}");
    assert_eq!(one.level, FanLevel::Super);
    // Months away: back down, never below zero.
    let later = l.standing("c01", None, end + 200 * DAY, &r);
    assert_eq!(later.level, FanLevel::Passerby);
    assert!(later.points >= 0.0);
    // Coming back earns from what is left.
    l.record("c01", None, &SignalKind::Like, end + 200 * DAY, &r);
    let back = l.standing("c01", None, end + 200 * DAY, &r);
    assert!((back.points - (later.points + 3.0)).abs() < 1e-9);
    assert!(!back.fading);
}

#[test]
fn days_followed_count_up_to_the_cap() {
    let r = rules();
    let l = FanLedger::default();
    assert_eq!(l.standing("c01", Some(T0), T0 + 5 * DAY, &r).points, 5.0);
    assert_eq!(l.standing("c01", Some(T0), T0 + 500 * DAY, &r).points, 30.0);
    assert_eq!(l.standing("c01", Some(T0 + DAY), T0, &r).points, 0.0, "a follow in the future counts nothing");
    assert_eq!(l.level("c01", Some(T0), T0 + 500 * DAY, &r), FanLevel::Fan);
}

#[test]
fn a_mute_forgets_the_creator_and_bad_ids_are_ignored() {
    let r = rules();
    let mut l = FanLedger::default();
    l.record("c01", None, &SignalKind::Like, T0, &r);
    l.record("c01", None, &SignalKind::MuteCreator, T0, &r);
    assert!(l.is_empty());
    l.record("<script>", None, &SignalKind::Like, T0, &r);
    l.record("", None, &SignalKind::Like, T0, &r);
    assert!(l.is_empty());
}

#[test]
fn entries_are_listed_highest_first_with_names() {
    let r = rules();
    let mut l = FanLedger::default();
    l.record("c02", Some("B\u{202E}"), &SignalKind::Like, T0, &r);
    l.record("c01", Some("A"), &SignalKind::Share, T0, &r);
    l.record("c03", None, &SignalKind::Impression, T0, &r);
    let e = l.entries(T0, &r);
    let ids: Vec<(&str, &str)> = e.iter().map(|f| (f.id.as_str(), f.name.as_str())).collect();
    assert_eq!(ids, [("c01", "A"), ("c02", "B")]);
}

#[test]
fn round_trips_and_refuses_or_bounds_hostile_storage() {
    let r = rules();
    let mut l = FanLedger::default();
    l.record("c01", Some("小鹿"), &SignalKind::Share, T0, &r);
    l.record("c02", None, &SignalKind::Like, T0, &r);
    assert_eq!(FanLedger::from_json(&l.to_json()), Ok(l.clone()));
    assert!(FanLedger::from_json("[").is_err());
    assert!(FanLedger::from_json(r#"{"version":2}"#).is_err());
    assert!(FanLedger::from_json(r#"{"creators":{}}"#).is_err());
    assert!(FanLedger::from_json(&" ".repeat(MAX_JSON_BYTES + 1)).is_err());
    assert!(FanLedger::from_json(r#"{"version":1,"creators":{"c01":{"points":5,"active":1}}}"#).unwrap().is_empty());
    let hostile = r#"{"version":1,"creators":[
        {"id":"c01","points":1e300,"active":1780000000,"name":"<b>x</b>"},
        {"id":"c01","points":7,"active":1780000000},
        {"id":"c02","points":-5,"active":1},
        {"id":"c03","points":"many","active":1},
        {"id":"bad id","points":5,"active":1},
        {"points":5,"active":1},
        {"id":"c04","points":5,"active":-1},
        [1,2], "c05"]}"#;
    let l = FanLedger::from_json(hostile).unwrap();
    let e = l.entries(1_780_000_000, &r);
    assert_eq!(e.len(), 1);
    assert_eq!((e[0].id.as_str(), e[0].name.as_str(), e[0].standing.points), ("c01", "<b>x</b>", MAX_POINTS));
}

#[test]
fn the_ledger_is_bounded() {
    let r = rules();
    let mut l = FanLedger::default();
    for i in 0..(MAX_CREATORS + 20) {
        l.record(&format!("c{i}"), None, &SignalKind::Open, T0, &r);
    }
    l.record("top", None, &SignalKind::Share, T0, &r);
    assert_eq!(l.entries(T0, &r).len(), MAX_CREATORS);
    assert_eq!(l.entries(T0, &r)[0].id, "top");
}

#[test]
fn fan_params_are_one_digit_levels() {
    assert_eq!(FanLevel::from_param("3"), Some(FanLevel::Super));
    assert_eq!(FanLevel::from_param(" 0 "), Some(FanLevel::Passerby));
    for bad in ["4", "-1", "03", "", "x", "1e0", "３"] {
        assert_eq!(FanLevel::from_param(bad), None, "{bad}");
    }
    assert_eq!(FanLevel::from_index(2).map(FanLevel::as_str), Some("loyal"));
}

#[test]
fn a_huge_stored_ledger_is_cut_at_the_cap() {
    let body: Vec<String> =
        (0..20_000).map(|i| format!(r#"{{"id":"c{i}","points":{},"active":1780000000}}"#, i % 1000)).collect();
    let json = format!(r#"{{"version":1,"creators":[{}]}}"#, body.join(","));
    assert!(json.len() < MAX_JSON_BYTES);
    let l = FanLedger::from_json(&json).unwrap();
    assert_eq!(l.creators.len(), MAX_CREATORS);
    assert_eq!(l.creators[0].id, "c0");
}
