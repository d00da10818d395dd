//! robots.txt: fetched once per origin, cached for a day, parsed by
//! `texting_robots` (tested against Google's robots.txt suite). A 4xx answer
//! allows everything, a 5xx or an unreachable host disallows everything for
//! the cache period, as RFC 9309 says.

use std::time::{Duration, Instant};

use texting_robots::Robot;

/// How long a robots.txt answer is trusted.
pub(crate) const TTL: Duration = Duration::from_secs(24 * 3600);
/// robots.txt bodies past this are cut (RFC 9309 asks for at least 500 KiB).
pub(crate) const MAX_BYTES: u64 = 500 * 1024;

/// The rules for one origin.
#[derive(Debug)]
pub(crate) enum Rules {
    AllowAll,
    DisallowAll,
    Parsed(Box<Robot>),
}

impl Rules {
    pub fn from_body(agent: &str, body: &[u8]) -> Rules {
        let body = &body[..body.len().min(MAX_BYTES as usize)];
        match Robot::new(agent, body) {
            Ok(r) => Rules::Parsed(Box::new(r)),
            // Unparseable rules are treated as no rules, like a 4xx.
            Err(_) => Rules::AllowAll,
        }
    }

    pub fn allowed(&self, url: &str) -> bool {
        match self {
            Rules::AllowAll => true,
            Rules::DisallowAll => false,
            Rules::Parsed(r) => r.allowed(url),
        }
    }

    /// `Crawl-delay`, capped at 60 s.
    pub fn crawl_delay(&self) -> Option<Duration> {
        match self {
            Rules::Parsed(r) => r
                .delay
                .filter(|d| d.is_finite() && *d > 0.0)
                .map(|d| Duration::from_secs_f32(d.min(60.0))),
            _ => None,
        }
    }
}

#[derive(Debug)]
pub(crate) struct Cached {
    pub rules: Rules,
    pub until: Instant,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_follow_the_agent_group() {
        let txt = b"User-agent: *\nDisallow: /private\nCrawl-delay: 5\n\nUser-agent: khabar\nDisallow: /no-khabar\n";
        let r = Rules::from_body("khabar", txt);
        assert!(!r.allowed("https://x.example/no-khabar/1"));
        assert!(
            r.allowed("https://x.example/private/1"),
            "khabar's own group applies"
        );
        let other = Rules::from_body("otherbot", txt);
        assert!(!other.allowed("https://x.example/private/1"));
        assert_eq!(other.crawl_delay(), Some(Duration::from_secs(5)));
    }

    #[test]
    fn huge_delays_are_capped() {
        let r = Rules::from_body("khabar", b"User-agent: *\nCrawl-delay: 100000\n");
        assert_eq!(r.crawl_delay(), Some(Duration::from_secs(60)));
    }
}
