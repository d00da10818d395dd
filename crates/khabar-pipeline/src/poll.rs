//! Adaptive polling: when to fetch a source next.

use std::time::Duration;

use chrono::{DateTime, Utc};
use khabar_store::CrawlState;

use crate::PipelineOptions;

/// What the last fetch of a source found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    New,
    Nothing,
    Failed,
}

/// The next fetch time and the new polling interval: twice as often after
/// new items, 1.5× less often after none, doubling per consecutive failure;
/// always within [`PipelineOptions::min_poll`, `max_poll`], with ±10 %
/// jitter so sources do not fall into step.
pub fn next_poll(
    opts: &PipelineOptions,
    st: &CrawlState,
    seen: Seen,
    now: DateTime<Utc>,
) -> (DateTime<Utc>, Duration) {
    let current = st
        .poll_secs
        .map_or(opts.min_poll, |s| Duration::from_secs(s.max(0) as u64));
    let poll = match seen {
        Seen::New => current / 2,
        Seen::Nothing => current.mul_f64(1.5),
        // The interval doubled at the previous failure too, so it grows 2^n.
        Seen::Failed => current.saturating_mul(2),
    }
    .clamp(opts.min_poll, opts.max_poll);
    let jitter = poll.mul_f64(0.9 + 0.2 * fastrand::f64());
    let next =
        now + chrono::Duration::from_std(jitter).unwrap_or_else(|_| chrono::Duration::hours(1));
    (next, poll)
}

#[cfg(test)]
mod tests {
    use super::*;
    use khabar_model::{Source, SourceId, SourceKind, SourceOrigin};

    fn state(poll: Option<i64>, failures: u32) -> CrawlState {
        CrawlState {
            source: Source {
                id: SourceId(1),
                name: "s".into(),
                url: "https://s.example/feed".into(),
                kind: SourceKind::Feed,
                lang: None,
                origin: SourceOrigin::Cli,
                pattern: None,
                articles: 0,
                last_fetch_at: None,
                last_error: None,
            },
            etag: None,
            last_modified: None,
            next_fetch_at: None,
            poll_secs: poll,
            failures,
            last_new_at: None,
        }
    }

    #[test]
    fn busy_sources_speed_up_to_the_floor_quiet_ones_slow_down() {
        let o = PipelineOptions::default();
        let now = Utc::now();
        let (_, p) = next_poll(&o, &state(Some(3600), 0), Seen::New, now);
        assert_eq!(p, Duration::from_secs(1800));
        let (_, p) = next_poll(&o, &state(None, 0), Seen::New, now);
        assert_eq!(p, o.min_poll, "never faster than the floor");
        let (_, p) = next_poll(&o, &state(Some(3600), 0), Seen::Nothing, now);
        assert_eq!(p, Duration::from_secs(5400));
        let (_, p) = next_poll(&o, &state(Some(80_000), 0), Seen::Nothing, now);
        assert_eq!(p, o.max_poll);
    }

    #[test]
    fn failures_back_off_and_jitter_stays_within_ten_percent() {
        let o = PipelineOptions::default();
        let now = Utc::now();
        let (next, p) = next_poll(&o, &state(Some(3600), 3), Seen::Failed, now);
        assert_eq!(p, Duration::from_secs(7200));
        let secs = (next - now).num_seconds();
        assert!((6480..=7920).contains(&secs), "{secs}");
    }
}
