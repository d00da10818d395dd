//! Time bounds on the command line: `24h`, `7d`, `2w`, `90m`, a date
//! (`2024-06-01`, midnight UTC) or an RFC 3339 time (`2024-06-01T08:00:00+04:30`).

use anyhow::{Context, bail};
use chrono::{DateTime, NaiveDate, Utc};

/// Parses a `--since`/`--until` value relative to `now`. `all` means no bound.
pub fn parse_bound(s: &str, now: DateTime<Utc>) -> anyhow::Result<Option<DateTime<Utc>>> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("all") {
        return Ok(None);
    }
    if let Some(unit) = s.chars().last().filter(|c| c.is_ascii_alphabetic()) {
        let digits = &s[..s.len() - 1];
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let n: i64 = digits
                .parse()
                .with_context(|| format!("`{s}` is too large"))?;
            let secs = match unit {
                'm' => 60,
                'h' => 3600,
                'd' => 86_400,
                'w' => 7 * 86_400,
                _ => bail!("`{s}`: use m, h, d or w after the number (e.g. 24h, 7d)"),
            };
            let d = chrono::Duration::try_seconds(n.saturating_mul(secs))
                .with_context(|| format!("`{s}` is too large"))?;
            return Ok(Some(now - d));
        }
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(Some(t.with_timezone(&Utc)));
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(Some(d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()));
    }
    bail!(
        "`{s}` is not a time: use a duration (24h, 7d, 2w), a date (2024-06-01), \
         an RFC 3339 time (2024-06-01T08:00:00+04:30) or `all`"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn parses_durations_dates_and_times() {
        let now = Utc.with_ymd_and_hms(2024, 11, 12, 12, 0, 0).unwrap();
        assert_eq!(
            parse_bound("24h", now).unwrap(),
            Some(now - chrono::Duration::hours(24))
        );
        assert_eq!(
            parse_bound("2w", now).unwrap(),
            Some(now - chrono::Duration::days(14))
        );
        assert_eq!(
            parse_bound("2024-06-01", now).unwrap(),
            Some(Utc.with_ymd_and_hms(2024, 6, 1, 0, 0, 0).unwrap())
        );
        assert_eq!(
            parse_bound("2024-06-01T08:00:00+04:30", now).unwrap(),
            Some(Utc.with_ymd_and_hms(2024, 6, 1, 3, 30, 0).unwrap())
        );
        assert_eq!(parse_bound("all", now).unwrap(), None);
    }

    #[test]
    fn rejects_nonsense_with_advice() {
        let now = Utc::now();
        for bad in ["yesterday", "24x", "h", "99999999999999999999d"] {
            let err = parse_bound(bad, now).unwrap_err().to_string();
            assert!(
                err.contains(bad.trim_end_matches('d')) || err.contains("too large"),
                "{err}"
            );
        }
    }
}
