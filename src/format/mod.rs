//! Locale-aware display of counts, prices, durations and ages. Pure functions of (value, locale) so the
//! rules (万 and 亿 in Chinese, k and M in English) are tested natively and stay identical everywhere.

use crate::model::Price;

/// Whether a UI locale is English; everything else is shown the Chinese way.
fn is_en(locale: &str) -> bool {
    locale == "en"
}

/// `x` with exactly `decimals` digits after the point, rounded half away from zero; a non-finite `x` is 0.
///
/// Integer arithmetic instead of `format!("{x:.2}")`: core's exact float formatting is about 5 KB of wasm
/// that every viewer would download for a few CSS lengths and counts.
pub fn fixed(x: f64, decimals: u32) -> String {
    let scale = 10_u64.pow(decimals.min(9));
    let scaled = if x.is_finite() { (x * scale as f64).round().clamp(-9.0e15, 9.0e15) } else { 0.0 };
    let v = scaled as i64;
    let sign = if v < 0 { "-" } else { "" };
    let a = v.unsigned_abs();
    if decimals == 0 {
        format!("{sign}{a}")
    } else {
        format!("{sign}{}.{:0w$}", a / scale, a % scale, w = decimals.min(9) as usize)
    }
}

/// One decimal, without a trailing `.0` (12.0万 reads worse than 12万).
fn one_decimal(x: f64) -> String {
    let tenths = (x * 10.0).floor() as u64;
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// A count as people read it: `9999`, `1.2万`, `3.4亿` in Chinese; `999`, `12.3k`, `1.2M` in English.
/// Rounds down, so a count never looks larger than it is.
pub fn count(n: u64, locale: &str) -> String {
    let x = n as f64;
    if is_en(locale) {
        match n {
            0..=999 => n.to_string(),
            1_000..=999_999 => format!("{}k", one_decimal(x / 1e3)),
            1_000_000..=999_999_999 => format!("{}M", one_decimal(x / 1e6)),
            _ => format!("{}B", one_decimal(x / 1e9)),
        }
    } else {
        match n {
            0..=9_999 => n.to_string(),
            10_000..=99_999_999 => format!("{}万", one_decimal(x / 1e4)),
            _ => format!("{}亿", one_decimal(x / 1e8)),
        }
    }
}

/// A price with its currency sign and two decimals, from minor units: `¥129.00`.
pub fn price(p: &Price) -> String {
    let sign = match p.currency.as_str() {
        "CNY" | "JPY" => "¥",
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "HKD" => "HK$",
        _ => "",
    };
    let neg = if p.amount < 0 { "-" } else { "" };
    let abs = p.amount.unsigned_abs();
    let body = format!("{neg}{sign}{}.{:02}", abs / 100, abs % 100);
    if sign.is_empty() {
        format!("{body} {}", p.currency)
    } else {
        body
    }
}

/// A clip length as `m:ss` (or `h:mm:ss`).
pub fn duration(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// How long ago `ts` was at `now` (both Unix seconds): `刚刚`, `3 分钟前`, `2 天前`, or a date for anything
/// older than a week. A timestamp in the future (clock skew) reads as "just now".
pub fn ago(ts: i64, now: i64, locale: &str) -> String {
    let d = (now - ts).max(0);
    let en = is_en(locale);
    match d {
        0..=59 => (if en { "just now" } else { "刚刚" }).to_string(),
        60..=3_599 => unit(d / 60, "min ago", "分钟前", en),
        3_600..=86_399 => unit(d / 3600, "h ago", "小时前", en),
        86_400..=604_799 => unit(d / 86_400, "d ago", "天前", en),
        _ => {
            let date = crate::model::time::format_rfc3339(ts);
            let (y, m, day) = (&date[0..4], &date[5..7], &date[8..10]);
            let same_year = crate::model::time::format_rfc3339(now).get(0..4) == Some(y);
            match (en, same_year) {
                (true, true) => format!("{m}/{day}"),
                (true, false) => format!("{y}/{m}/{day}"),
                (false, true) => format!("{m}-{day}"),
                (false, false) => format!("{y}-{m}-{day}"),
            }
        }
    }
}

/// A calendar day as people write it: `12月31日` / `Dec 31`, with the year when it is not `now`'s:
/// `2028年1月10日` / `Jan 10, 2028`. For the end of an offer, where "3 天前" would be the wrong question.
/// Both times are read as UTC: callers shift them to the reader's time zone first.
pub fn day(ts: i64, now: i64, locale: &str) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let (y, m, d) = crate::model::time::civil_date(ts);
    let same_year = crate::model::time::civil_date(now).0 == y;
    let month = MONTHS[(m.clamp(1, 12) - 1) as usize];
    match (is_en(locale), same_year) {
        (true, true) => format!("{month} {d}"),
        (true, false) => format!("{month} {d}, {y}"),
        (false, true) => format!("{m}月{d}日"),
        (false, false) => format!("{y}年{m}月{d}日"),
    }
}

/// A day and a time of day, for when something is planned to happen: `12月12日 20:00` / `Dec 12, 20:00`,
/// with the year as [`day`] has it. Read as UTC like [`day`]: callers shift both times to the reader's zone.
pub fn day_time(ts: i64, now: i64, locale: &str) -> String {
    let s = ts.rem_euclid(86_400);
    let sep = if is_en(locale) { ", " } else { " " };
    format!("{}{sep}{:02}:{:02}", day(ts, now, locale), s / 3600, s % 3600 / 60)
}

/// A planned moment in a badge's few characters, the same in both locales (`12/12 20:00`): a card has no room
/// for [`day_time`]'s words, and plain digits keep the feed's first load small. Read as UTC like [`day`].
pub fn short_day_time(ts: i64) -> String {
    let (_, m, d) = crate::model::time::civil_date(ts);
    let s = ts.rem_euclid(86_400);
    format!("{m}/{d} {:02}:{:02}", s / 3600, s % 3600 / 60)
}

fn unit(n: i64, en_suffix: &str, zh_suffix: &str, en: bool) -> String {
    if en {
        format!("{n} {en_suffix}")
    } else {
        format!("{n} {zh_suffix}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_point_matches_what_css_needs() {
        assert_eq!(fixed(1.25, 2), "1.25");
        assert_eq!(fixed(1.0 / 3.0, 4), "0.3333");
        assert_eq!(fixed(2.0 / 3.0, 2), "0.67");
        assert_eq!(fixed(-0.004, 2), "0.00");
        assert_eq!(fixed(-12.345, 1), "-12.3");
        assert_eq!(fixed(199.5, 0), "200");
        assert_eq!(fixed(0.05, 1), "0.1");
        assert_eq!(fixed(f64::NAN, 2), "0.00");
        assert_eq!(fixed(f64::INFINITY, 0), "0");
        assert_eq!(fixed(1e300, 0), "9000000000000000");
        for x in [0.0, 0.5, 2.71, 1234.5678, -7.25, 1e6 + 0.125] {
            for d in 0..=4 {
                let ours: f64 = fixed(x, d).parse().expect("a number");
                assert!((ours - x).abs() <= 0.5 / 10f64.powi(d as i32) + 1e-9, "{x} {d}");
            }
        }
    }

    #[test]
    fn days_read_as_dates_with_the_year_only_when_it_differs() {
        let now = crate::model::time::parse_rfc3339("2026-11-20T12:00:00+08:00").unwrap();
        let end = crate::model::time::parse_rfc3339("2026-12-31T12:00:00Z").unwrap();
        let later = crate::model::time::parse_rfc3339("2028-01-10T00:00:00Z").unwrap();
        assert_eq!(day(end, now, "zh-CN"), "12月31日");
        assert_eq!(day(end, now, "en"), "Dec 31");
        assert_eq!(day(later, now, "zh-CN"), "2028年1月10日");
        assert_eq!(day(later, now, "en"), "Jan 10, 2028");
    }

    #[test]
    fn planned_times_read_as_day_and_clock() {
        let now = crate::model::time::parse_rfc3339("2026-11-20T12:00:00Z").unwrap();
        let at = crate::model::time::parse_rfc3339("2026-12-12T20:05:00Z").unwrap();
        let later = crate::model::time::parse_rfc3339("2027-01-02T08:00:00Z").unwrap();
        assert_eq!(day_time(at, now, "zh-CN"), "12月12日 20:05");
        assert_eq!(day_time(at, now, "en"), "Dec 12, 20:05");
        assert_eq!(day_time(later, now, "zh-CN"), "2027年1月2日 08:00");
        assert_eq!(day_time(later, now, "en"), "Jan 2, 2027, 08:00");
        assert_eq!(short_day_time(at), "12/12 20:05");
        assert_eq!(short_day_time(later), "1/2 08:00");
    }

    #[test]
    fn counts_follow_each_locale() {
        assert_eq!(count(9_999, "zh-CN"), "9999");
        assert_eq!(count(12_345, "zh-CN"), "1.2万");
        assert_eq!(count(120_000, "zh-CN"), "12万");
        assert_eq!(count(345_000_000, "zh-CN"), "3.4亿");
        assert_eq!(count(999, "en"), "999");
        assert_eq!(count(12_345, "en"), "12.3k");
        assert_eq!(count(1_299_999, "en"), "1.2M");
    }

    #[test]
    fn prices_have_two_decimals_and_a_sign() {
        assert_eq!(price(&Price { amount: 12_900, currency: "CNY".into() }), "¥129.00");
        assert_eq!(price(&Price { amount: 5, currency: "CNY".into() }), "¥0.05");
        assert_eq!(price(&Price { amount: 199, currency: "SEK".into() }), "1.99 SEK");
    }

    #[test]
    fn durations_and_ages() {
        assert_eq!(duration(75), "1:15");
        assert_eq!(duration(3_725), "1:02:05");
        let now = 1_764_000_000;
        assert_eq!(ago(now - 10, now, "zh-CN"), "刚刚");
        assert_eq!(ago(now - 180, now, "zh-CN"), "3 分钟前");
        assert_eq!(ago(now - 180, now, "en"), "3 min ago");
        assert_eq!(ago(now - 2 * 86_400, now, "zh-CN"), "2 天前");
        assert_eq!(ago(now + 500, now, "en"), "just now");
        assert_eq!(ago(now - 30 * 86_400, now, "zh-CN"), "10-25");
        assert_eq!(ago(now - 400 * 86_400, now, "en"), "2024/10/20");
    }
}
