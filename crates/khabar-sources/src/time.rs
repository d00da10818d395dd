//! Publication times as feeds and sitemaps write them, keeping the offset
//! the outlet stated.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

/// Parses RFC 3339 / W3C-DTF (`2024-06-01T08:00:00+04:30`, `2024-06-01`)
/// and RFC 2822 (`Sat, 01 Jun 2024 08:00:00 +0430`) with the usual feed
/// deviations: a missing colon in the offset, `UTC`/`Z` zone names, long
/// weekday or month names, a missing weekday. Times without a zone are read
/// as UTC; a date alone is midnight UTC.
pub(crate) fn parse_time(raw: &str) -> Option<DateTime<FixedOffset>> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t);
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(t);
    }
    let utc = FixedOffset::east_opt(0)?;
    // ISO-like forms.
    let iso = s.replacen(' ', "T", 1);
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%dT%H:%M:%S%.f%:z",
        "%Y-%m-%dT%H:%M%:z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(&iso, fmt) {
            return Some(t);
        }
    }
    let iso_z = iso.trim_end_matches(['Z', 'z']);
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(iso_z, fmt) {
            return t.and_local_timezone(utc).single();
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return d.and_hms_opt(0, 0, 0)?.and_local_timezone(utc).single();
    }
    // RFC 2822 with deviations: drop the weekday, shorten month names,
    // name the zone by its offset.
    let mut words: Vec<String> = s.split_whitespace().map(str::to_string).collect();
    if words.first().is_some_and(|w| w.ends_with(',')) {
        words.remove(0);
    }
    for w in &mut words {
        let lower = w.to_ascii_lowercase();
        if lower.len() > 3 && lower.chars().all(|c| c.is_ascii_alphabetic()) {
            const MONTHS: [&str; 12] = [
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            ];
            if let Some(m) = MONTHS.iter().find(|m| lower.starts_with(*m)) {
                *w = m.to_string();
            }
        }
        if matches!(lower.as_str(), "utc" | "z" | "-0000") {
            *w = "+0000".into();
        }
    }
    let fixed = words.join(" ");
    for fmt in [
        "%d %b %Y %H:%M:%S %z",
        "%d %b %Y %H:%M %z",
        "%b %d %Y %H:%M:%S %z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(&fixed, fmt) {
            return Some(t);
        }
    }
    DateTime::parse_from_rfc2822(&fixed).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offset(s: &str) -> i32 {
        parse_time(s).unwrap().offset().local_minus_utc()
    }

    #[test]
    fn keeps_the_stated_offset() {
        assert_eq!(offset("2024-06-01T08:00:00+04:30"), 16200);
        assert_eq!(offset("Sat, 01 Jun 2024 08:00:00 +0430"), 16200);
        assert_eq!(offset("2024-06-01T08:00:00+0430"), 16200);
        assert_eq!(offset("2024-06-01T08:00:00Z"), 0);
    }

    #[test]
    fn tolerates_feed_deviations() {
        let want = parse_time("2024-06-01T08:00:00Z").unwrap();
        for s in [
            "Sat, 01 Jun 2024 08:00:00 GMT",
            "Saturday, 01 June 2024 08:00:00 UTC",
            "01 Jun 2024 08:00:00 +0000",
            "2024-06-01 08:00:00",
            "2024-06-01T08:00",
        ] {
            assert_eq!(parse_time(s), Some(want), "{s}");
        }
        assert_eq!(
            parse_time("2024-06-01").unwrap().to_rfc3339(),
            "2024-06-01T00:00:00+00:00"
        );
        assert_eq!(parse_time("yesterday"), None);
        assert_eq!(parse_time(""), None);
    }
}
