//! Coupons (券) that a product carries: a code the buyer enters at the shop, worth an amount or a
//! percentage off above a minimum spend, within a window. This is private traffic's currency: creators hand
//! codes out in their groups, and a code that travels with a share link turns a follower into a buyer.
//!
//! A coupon is read by hand from the JSON ([`Coupon::read`]) so that every problem is reported by field path
//! and a bad coupon costs only itself: a feed drops it with a note and shows the product; the studio, which
//! reads a draft strictly, lists the problems for the creator to fix. Expired coupons stay in the data (a
//! share code may name one, and must say it ended) but are never offered ([`Coupon::state`]).

use serde::Serialize;
use serde_json::{Map, Value};

use super::draft::type_name;
use super::problem::{ProblemKind, Problems};
use super::time::parse_rfc3339;

/// Shortest and longest coupon code, in characters.
pub const CODE_LEN: std::ops::RangeInclusive<usize> = 4..=24;
/// Largest percentage off: a coupon of more than this is a mistake or a fake offer, never shown.
pub const MAX_PERCENT_OFF: u64 = 90;
/// Largest amount off or minimum spend, in minor units (the same ceiling as a product's price).
pub const MAX_AMOUNT: i64 = 10_000_000_000;

/// A coupon of contract v1 (docs/api.md, "Coupons"); serialised in its wire form, so an item saved on the
/// device reads back through [`Coupon::read`] like one from the API.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Coupon {
    /// What the buyer types at the shop: 4 to 24 of `A-Z 0-9 -`.
    pub code: String,
    /// Amount off in the product's currency's minor unit; exactly one of this and `percent_off`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_off: Option<i64>,
    /// Percentage off, 1 to 90.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent_off: Option<u64>,
    /// Least order value it applies to, in minor units; 0 when there is no minimum.
    #[serde(skip_serializing_if = "is_zero")]
    pub min_spend: i64,
    /// When it starts (RFC 3339); valid from publication when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starts_at: Option<String>,
    /// When it ends (RFC 3339); required, since an offer without an end is how fake offers look.
    pub ends_at: String,
    /// `starts_at` as Unix seconds (`i64::MIN` when absent).
    #[serde(skip)]
    pub starts_ts: i64,
    /// `ends_at` as Unix seconds.
    #[serde(skip)]
    pub ends_ts: i64,
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

/// Where a coupon stands at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CouponState {
    /// Its window has not opened yet.
    Upcoming,
    /// It can be used now.
    Valid,
    /// Its window has closed.
    Ended,
}

impl Coupon {
    /// Reads and checks one coupon at `path`, recording every problem in `p`; `None` when there was any.
    /// The only reader of coupons: the feed, saved items and the studio's draft check all come here.
    pub fn read(v: &Value, path: &str, p: &mut Problems) -> Option<Coupon> {
        let Some(m) = v.as_object() else {
            p.add(path, ProblemKind::WrongType { expected: "an object", found: type_name(v) });
            return None;
        };
        let before = p.total();
        let code = string(m, "code", path, true, p);
        if code.as_deref().is_some_and(|c| !is_code(c)) {
            p.add(format!("{path}.code"), ProblemKind::BadCode);
        }
        let code = code.unwrap_or_default();
        let typed = p.total();
        let amount_off = whole(m, "amount_off", path, p);
        let percent_off = whole(m, "percent_off", path, p);
        match (amount_off, percent_off) {
            (Some(a), None) if !(1..=MAX_AMOUNT).contains(&a) => {
                p.add(format!("{path}.amount_off"), ProblemKind::OutOfRange)
            }
            (None, Some(n)) if !(1..=MAX_PERCENT_OFF as i64).contains(&n) => {
                p.add(format!("{path}.percent_off"), ProblemKind::OutOfRange)
            }
            (Some(_), None) | (None, Some(_)) => {}
            // Both: say so where a creator would remove one.
            (Some(_), Some(_)) => p.add(format!("{path}.percent_off"), ProblemKind::OutOfRange),
            // Neither (absent or null), unless one was there with a wrong type (already said): an offer of
            // nothing is missing its amount.
            (None, None) if p.total() == typed => p.add(format!("{path}.amount_off"), ProblemKind::Missing),
            (None, None) => {}
        }
        let min_spend = whole(m, "min_spend", path, p).unwrap_or(0);
        if !(0..=MAX_AMOUNT).contains(&min_spend) {
            p.add(format!("{path}.min_spend"), ProblemKind::OutOfRange);
        }
        let starts_at = string(m, "starts_at", path, false, p);
        let starts_ts = match &starts_at {
            Some(s) => moment(s, &format!("{path}.starts_at"), p).unwrap_or(i64::MIN),
            None => i64::MIN,
        };
        let ends_at = string(m, "ends_at", path, true, p);
        let ends_ts = match &ends_at {
            Some(s) => match moment(s, &format!("{path}.ends_at"), p) {
                Some(ts) if ts <= starts_ts => {
                    p.add(format!("{path}.ends_at"), ProblemKind::OutOfRange);
                    ts
                }
                Some(ts) => ts,
                None => 0,
            },
            None => 0,
        };
        let ends_at = ends_at.unwrap_or_default();
        (p.total() == before).then_some(Coupon {
            code,
            amount_off: amount_off.filter(|_| percent_off.is_none()),
            percent_off: percent_off.filter(|_| amount_off.is_none()).map(|n| n as u64),
            min_spend,
            starts_at,
            ends_at,
            starts_ts,
            ends_ts,
        })
    }

    /// Where the coupon stands at `now` (Unix seconds).
    pub fn state(&self, now: i64) -> CouponState {
        if now < self.starts_ts {
            CouponState::Upcoming
        } else if now >= self.ends_ts {
            CouponState::Ended
        } else {
            CouponState::Valid
        }
    }
}

/// Latest moment a coupon may name (2100-01-01T00:00:00Z): later is a typo or an "offer forever", and would
/// not print as a four-digit year.
pub const LATEST: i64 = 4_102_444_800;

/// An RFC 3339 time no later than [`LATEST`], or a problem at `path` (an empty string is not a time).
pub(crate) fn moment(s: &str, path: &str, p: &mut Problems) -> Option<i64> {
    match parse_rfc3339(s) {
        Some(ts) if ts <= LATEST => Some(ts),
        Some(_) => {
            p.add(path, ProblemKind::OutOfRange);
            None
        }
        None => {
            p.add(path, ProblemKind::BadTime);
            None
        }
    }
}

/// Whether `code` is 4 to 24 of `A-Z 0-9 -`: what a buyer can type and read back without confusion, and
/// nothing that could be markup.
pub fn is_code(code: &str) -> bool {
    CODE_LEN.contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

/// A string field: absent is `None` (and a problem when `required`), anything but a string is a problem.
pub(crate) fn string(
    m: &Map<String, Value>,
    key: &str,
    path: &str,
    required: bool,
    p: &mut Problems,
) -> Option<String> {
    match m.get(key) {
        Some(Value::String(s)) => Some(s.trim().to_string()),
        None | Some(Value::Null) if !required => None,
        None => {
            p.add(format!("{path}.{key}"), ProblemKind::Missing);
            None
        }
        Some(v) => {
            p.add(format!("{path}.{key}"), ProblemKind::WrongType { expected: "a string", found: type_name(v) });
            None
        }
    }
}

/// An optional whole-number field; a decimal, a string or an integer beyond `i64` is a problem.
fn whole(m: &Map<String, Value>, key: &str, path: &str, p: &mut Problems) -> Option<i64> {
    match m.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => match n.as_i64() {
            Some(x) => Some(x),
            None => {
                p.add(format!("{path}.{key}"), ProblemKind::OutOfRange);
                None
            }
        },
        Some(v) => {
            p.add(format!("{path}.{key}"), ProblemKind::WrongType { expected: "a whole number", found: type_name(v) });
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(v: Value) -> Result<Coupon, Vec<(String, ProblemKind)>> {
        let mut p = Problems::default();
        match Coupon::read(&v, "c", &mut p) {
            Some(c) => Ok(c),
            None => Err(p.into_vec().into_iter().map(|x| (x.path, x.kind)).collect()),
        }
    }

    fn good() -> Value {
        json!({"code": "GUANG-20", "amount_off": 2000, "min_spend": 10000,
               "starts_at": "2026-11-01T00:00:00+08:00", "ends_at": "2026-12-31T23:59:59+08:00"})
    }

    #[test]
    fn a_good_coupon_reads_and_round_trips() {
        let c = read(good()).unwrap();
        assert_eq!((c.code.as_str(), c.amount_off, c.percent_off, c.min_spend), ("GUANG-20", Some(2000), None, 10000));
        let back = serde_json::to_value(&c).unwrap();
        assert_eq!(back, good());
        assert_eq!(read(back).unwrap(), c);
        let pct = read(json!({"code": "SALE15", "percent_off": 15, "ends_at": "2026-12-31T00:00:00Z"})).unwrap();
        assert_eq!((pct.percent_off, pct.min_spend, pct.starts_ts), (Some(15), 0, i64::MIN));
    }

    #[test]
    fn state_follows_the_window() {
        let c = read(good()).unwrap();
        assert_eq!(c.state(c.starts_ts - 1), CouponState::Upcoming);
        assert_eq!(c.state(c.starts_ts), CouponState::Valid);
        assert_eq!(c.state(c.ends_ts - 1), CouponState::Valid);
        assert_eq!(c.state(c.ends_ts), CouponState::Ended);
    }

    #[test]
    fn every_problem_is_named_by_its_field() {
        let bad = json!({"code": "<b>free</b>", "amount_off": 20.5, "min_spend": -1, "starts_at": "soon",
                         "ends_at": 5});
        let ps = read(bad).unwrap_err();
        let at = |k: &str| ps.iter().any(|(p, _)| p == k);
        assert!(ps.contains(&("c.code".into(), ProblemKind::BadCode)), "{ps:?}");
        assert!(at("c.amount_off") && at("c.min_spend") && at("c.starts_at") && at("c.ends_at"), "{ps:?}");
        assert_eq!(read(json!("GUANG")).unwrap_err()[0].0, "c");
        assert_eq!(
            read(json!({})).unwrap_err(),
            vec![
                ("c.code".into(), ProblemKind::Missing),
                ("c.amount_off".into(), ProblemKind::Missing),
                ("c.ends_at".into(), ProblemKind::Missing),
            ]
        );
    }

    #[test]
    fn absurd_offers_are_refused() {
        let with = |k: &str, v: Value| {
            let mut c = good();
            c[k] = v;
            read(c).map(|_| ()).map_err(|ps| ps[0].0.clone())
        };
        assert_eq!(with("amount_off", json!(0)), Err("c.amount_off".into()));
        assert_eq!(with("amount_off", json!(u64::MAX)), Err("c.amount_off".into()));
        assert_eq!(with("percent_off", json!(15)), Err("c.percent_off".into()), "both kinds at once");
        let mut pct = good();
        pct.as_object_mut().unwrap().remove("amount_off");
        pct["percent_off"] = json!(95);
        assert_eq!(read(pct).unwrap_err()[0].0, "c.percent_off");
        assert_eq!(with("ends_at", json!("2026-10-01T00:00:00Z")), Err("c.ends_at".into()), "ends before it starts");
        assert_eq!(with("code", json!("ab")), Err("c.code".into()));
        assert_eq!(with("code", json!("   ")), Err("c.code".into()), "a blank code");
        assert_eq!(with("ends_at", json!("")), Err("c.ends_at".into()), "a blank end");
        assert_eq!(with("ends_at", json!("9999-12-31T23:59:59Z")), Err("c.ends_at".into()), "an offer forever");
        let mut nothing = good();
        nothing["amount_off"] = Value::Null;
        assert_eq!(
            read(nothing).unwrap_err(),
            vec![("c.amount_off".into(), ProblemKind::Missing)],
            "an offer of nothing"
        );
        assert_eq!(with("code", json!("A".repeat(25))), Err("c.code".into()));
    }
}
