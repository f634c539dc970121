//! RFC 3339 timestamps without a date crate: the contract only needs "parse to Unix seconds" and the app
//! only needs "how long ago", so a few dozen tested lines beat a dependency in the wasm bundle.

/// Parses `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)` to Unix seconds (UTC). Returns `None` for anything else,
/// including impossible dates such as February 30th, so a bad timestamp is reported, not guessed.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 20 || b.len() > 40 {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(range)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        rest = &frac[digits..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ => {
            let ob = rest.as_bytes();
            if ob.len() != 6 || !matches!(ob[0], b'+' | b'-') || ob[3] != b':' {
                return None;
            }
            let oh: i64 = rest.get(1..3)?.parse().ok()?;
            let om: i64 = rest.get(4..6)?.parse().ok()?;
            if oh > 23 || om > 59 {
                return None;
            }
            let sign = if ob[0] == b'+' { 1 } else { -1 };
            sign * (oh * 3600 + om * 60)
        }
    };
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + hour * 3600 + minute * 60 + second.min(59) - offset)
}

/// The UTC calendar date of Unix seconds `ts`, as (year, month 1-12, day 1-31): for dates shown in words,
/// which would otherwise parse the digits back out of an RFC 3339 string.
pub fn civil_date(ts: i64) -> (i64, i64, i64) {
    civil_from_days(ts.div_euclid(86_400))
}

/// Formats Unix seconds as `YYYY-MM-DDTHH:MM:SSZ` (used by the demo generator and in exports).
pub fn format_rfc3339(ts: i64) -> String {
    let days = ts.div_euclid(86_400);
    let secs = ts.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs % 3600 / 60, secs % 60)
}

/// A `datetime-local` input's value (`YYYY-MM-DDTHH:MM`, seconds optional) in a zone `offset_min` minutes
/// east of UTC, as the contract's RFC 3339 in UTC; `None` for anything else. Forms type times in the
/// device's zone, documents carry an instant.
pub fn local_to_rfc3339(local: &str, offset_min: i32) -> Option<String> {
    let full = match local.len() {
        16 => format!("{local}:00Z"),
        19 => format!("{local}Z"),
        _ => return None,
    };
    parse_rfc3339(&full).map(|ts| format_rfc3339(ts - i64::from(offset_min) * 60))
}

/// An RFC 3339 time as a `datetime-local` value (`YYYY-MM-DDTHH:MM`) in a zone `offset_min` minutes east of
/// UTC, to show a document's time in a form; `None` when it does not read.
pub fn rfc3339_to_local(s: &str, offset_min: i32) -> Option<String> {
    let ts = parse_rfc3339(s)? + i64::from(offset_min) * 60;
    format_rfc3339(ts).get(..16).map(str::to_string)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's days-from-civil: days since 1970-01-01 for a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_times_round_trip_through_the_device_zone() {
        // 20:00 in Beijing (UTC+8, 480 minutes east) is 12:00 UTC.
        assert_eq!(local_to_rfc3339("2026-12-12T20:00", 480).as_deref(), Some("2026-12-12T12:00:00Z"));
        assert_eq!(local_to_rfc3339("2026-12-12T20:00:30", 480).as_deref(), Some("2026-12-12T12:00:30Z"));
        // West of UTC the day can change.
        assert_eq!(local_to_rfc3339("2026-12-12T20:00", -300).as_deref(), Some("2026-12-13T01:00:00Z"));
        assert_eq!(rfc3339_to_local("2026-12-12T12:00:00Z", 480).as_deref(), Some("2026-12-12T20:00"));
        assert_eq!(rfc3339_to_local("2026-12-12T20:00:00+08:00", -300).as_deref(), Some("2026-12-12T07:00"));
        for bad in ["", "2026-12-12", "2026-12-12T25:00", "2026-02-30T10:00", "12/12/2026 20:00", "2026-12-12T20:00Z"] {
            assert_eq!(local_to_rfc3339(bad, 480), None, "{bad}");
        }
        assert_eq!(rfc3339_to_local("tomorrow", 480), None);
    }

    #[test]
    fn parses_utc_offsets_and_fractions() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_rfc3339("2026-11-11T00:00:00+08:00"), Some(1_794_326_400));
        assert_eq!(parse_rfc3339("2026-11-10T16:00:00.123Z"), Some(1_794_326_400));
        assert_eq!(parse_rfc3339("2024-02-29T12:00:00-05:30"), Some(1_709_227_800));
    }

    #[test]
    fn refuses_impossible_or_sloppy_dates() {
        for bad in [
            "2026-02-30T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-11",
            "2026-11-11T25:00:00Z",
            "2026-11-11T00:00:00",
            "2026-11-11T00:00:00+0800",
            "2026-1x-11T00:00:00Z",
            "２０２６-11-11T00:00:00Z",
            "",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn format_round_trips() {
        for ts in [0, 1_794_326_400, 951_782_400, -86_400] {
            assert_eq!(parse_rfc3339(&format_rfc3339(ts)), Some(ts));
        }
        assert_eq!(format_rfc3339(1_794_326_400), "2026-11-10T16:00:00Z");
    }
}
