//! `khabar-fetch`: the only HTTP client in khabar. Every request goes
//! through a [`Fetcher`], which is polite and safe by default:
//!
//! - one request at a time per host, at least `min_host_gap` apart (and at
//!   least 3 × the last response time, capped at 30 s; `Crawl-delay` honoured);
//! - robots.txt obeyed for pages (cached 24 h; 4xx = allow, 5xx = disallow);
//! - `Retry-After` on 429/503 honoured per host (capped at 24 h), exponential
//!   back-off with jitter otherwise;
//! - conditional GET with `ETag` / `Last-Modified`;
//! - bodies capped after decompression, with a compression-ratio limit;
//! - a deadline on every request (connect + headers + body), redirects
//!   capped at 5 with every hop re-checked;
//! - no connection to loopback, private, link-local and other special
//!   addresses, checked inside DNS resolution and for literal IPs.
//!
//! Failures are a classification ([`FetchError`]) with a stable `code()`.
//!
//! ```no_run
//! # async fn demo() -> Result<(), khabar_fetch::FetchError> {
//! use khabar_fetch::{FetchOptions, Fetcher, Purpose, Request};
//! let fetcher = Fetcher::new(FetchOptions::default())?;
//! let resp = fetcher.fetch(&Request::new("https://example.org/feed.xml", Purpose::Feed)).await?;
//! println!("{} bytes, {}", resp.body.len(), resp.text().len());
//! # Ok(()) }
//! ```

mod body;
pub mod charset;
mod error;
pub mod guard;
mod robots;

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use tokio::sync::Mutex as AsyncMutex;
use url::Url;

pub use error::{FetchError, Result};
pub use guard::AddressPolicy;

use body::{BodyError, BodyReader};
use guard::{BlockedAddress, DnsFailure};

/// Settings of a [`Fetcher`]; the defaults are the protective ones.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub user_agent: String,
    /// The robots.txt agent token (the product name in the User-Agent).
    pub robots_agent: String,
    pub min_host_gap: Duration,
    /// Upper bound of the adaptive gap (3 × response time).
    pub max_adaptive_gap: Duration,
    pub connect_timeout: Duration,
    pub feed_timeout: Duration,
    pub page_timeout: Duration,
    pub max_body_bytes: u64,
    pub max_redirects: usize,
    pub policy: AddressPolicy,
    /// A host that asks us to wait longer than this gets a `RateLimited`
    /// error at once instead of a sleeping request.
    pub max_wait: Duration,
    pub max_retry_after: Duration,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            user_agent: concat!(
                "khabar/",
                env!("CARGO_PKG_VERSION"),
                " (+https://github.com/khabar-news/khabar)"
            )
            .to_string(),
            robots_agent: "khabar".into(),
            min_host_gap: Duration::from_secs(2),
            max_adaptive_gap: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            feed_timeout: Duration::from_secs(30),
            page_timeout: Duration::from_secs(60),
            max_body_bytes: 16 * 1024 * 1024,
            max_redirects: 5,
            policy: AddressPolicy::default(),
            max_wait: Duration::from_secs(60),
            max_retry_after: Duration::from_secs(24 * 3600),
        }
    }
}

/// What a request is for: it sets the deadline, the `Accept` header and
/// whether robots.txt applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Feed,
    Page,
    Robots,
}

/// One fetch.
#[derive(Debug, Clone)]
pub struct Request {
    pub url: String,
    pub purpose: Purpose,
    /// For a conditional GET.
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Request {
    pub fn new(url: impl Into<String>, purpose: Purpose) -> Self {
        Request {
            url: url.into(),
            purpose,
            etag: None,
            last_modified: None,
        }
    }
}

/// A successful answer (2xx, or 304 for a conditional GET).
#[derive(Debug, Clone)]
pub struct Response {
    /// The URL asked for.
    pub requested_url: String,
    /// The URL answered, after redirects.
    pub url: String,
    pub redirects: Vec<String>,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The headers khabar sent on the final hop (for the archive).
    pub request_headers: Vec<(String, String)>,
    /// The body after removing content encodings. Empty when `not_modified`.
    pub body: Vec<u8>,
    pub not_modified: bool,
    pub fetched_at: DateTime<Utc>,
    pub elapsed: Duration,
    pub remote_ip: Option<IpAddr>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn etag(&self) -> Option<&str> {
        self.header("etag")
    }

    pub fn last_modified(&self) -> Option<&str> {
        self.header("last-modified")
    }

    pub fn content_type(&self) -> Option<&str> {
        self.header("content-type")
    }

    /// The `charset` parameter of `Content-Type`.
    pub fn http_charset(&self) -> Option<&str> {
        khabar_model::charset_param(self.content_type()?)
    }

    /// When the body was made: the fetch time less the `Age` a cache on
    /// the way says it kept the answer (capped at a week). A page that
    /// shows "3 hours ago" counts from this moment.
    pub fn made_at(&self) -> DateTime<Utc> {
        let age = self
            .header("age")
            .and_then(|a| a.trim().parse::<u32>().ok())
            .map_or(0, |a| a.min(7 * 24 * 3600));
        self.fetched_at - chrono::TimeDelta::seconds(i64::from(age))
    }

    /// The body as text, decoded as [`charset::decide`] says.
    pub fn text(&self) -> String {
        let tld = Url::parse(&self.url).ok().and_then(|u| {
            u.host_str()
                .and_then(|h| h.rsplit('.').next())
                .map(str::to_string)
        });
        charset::decode(&self.body, self.http_charset(), tld.as_deref())
    }
}

#[derive(Debug, Default)]
struct HostState {
    slot: Arc<AsyncMutex<()>>,
    /// Earliest next request.
    next_at: Option<Instant>,
    /// Wall-clock time of `next_at` when a server set it (for the error).
    retry_at: Option<DateTime<Utc>>,
    failures: u32,
    crawl_delay: Option<Duration>,
}

/// The polite, guarded HTTP client. Cheap to share (`Arc<Fetcher>`).
#[derive(Debug)]
pub struct Fetcher {
    client: reqwest::Client,
    opts: FetchOptions,
    hosts: Mutex<HashMap<String, HostState>>,
    robots: AsyncMutex<HashMap<String, robots::Cached>>,
}

/// A raw answer of one hop, before classification.
struct Raw {
    status: u16,
    headers: Vec<(String, String)>,
    request_headers: Vec<(String, String)>,
    body: Vec<u8>,
    elapsed: Duration,
    remote_ip: Option<IpAddr>,
}

impl Fetcher {
    pub fn new(opts: FetchOptions) -> Result<Self> {
        #[allow(clippy::disallowed_methods, reason = "this is the fetcher")]
        let client = reqwest::Client::builder()
            .user_agent(opts.user_agent.clone())
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(opts.connect_timeout)
            .dns_resolver(guard::resolver(opts.policy))
            .no_proxy()
            .pool_max_idle_per_host(1)
            .build()
            .map_err(|e| FetchError::Client(e.to_string()))?;
        Ok(Fetcher {
            client,
            opts,
            hosts: Mutex::new(HashMap::new()),
            robots: AsyncMutex::new(HashMap::new()),
        })
    }

    pub fn options(&self) -> &FetchOptions {
        &self.opts
    }

    /// Fetches `req`, following up to `max_redirects` redirects, each hop
    /// checked again. Non-2xx answers (except 304) are errors.
    pub async fn fetch(&self, req: &Request) -> Result<Response> {
        let mut url = self.check_url(&req.url)?;
        let mut redirects = Vec::new();
        loop {
            if req.purpose == Purpose::Page && !self.robots_allowed(&url).await? {
                return Err(FetchError::RobotsDisallowed {
                    url: url.to_string(),
                });
            }
            let conditional = redirects.is_empty();
            let raw = self.polite_send(&url, req, conditional).await?;
            let fetched_at = Utc::now();
            if matches!(raw.status, 301 | 302 | 303 | 307 | 308) {
                let location = raw
                    .headers
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case("location"))
                    .map(|(_, v)| v.clone());
                let Some(location) = location else {
                    return Err(FetchError::Status {
                        url: url.to_string(),
                        status: raw.status,
                    });
                };
                if redirects.len() >= self.opts.max_redirects {
                    return Err(FetchError::TooManyRedirects {
                        url: req.url.clone(),
                        limit: self.opts.max_redirects,
                    });
                }
                let next = url.join(&location).map_err(|e| FetchError::BadUrl {
                    url: location.clone(),
                    reason: format!("bad redirect target: {e}"),
                })?;
                redirects.push(url.to_string());
                url = self.check_url(next.as_str())?;
                continue;
            }
            let url_s = url.to_string();
            return match raw.status {
                304 => Ok(self.response(req, url_s, redirects, raw, fetched_at, true)),
                200..=299 if raw.body.is_empty() && raw.status != 204 => {
                    Err(FetchError::EmptyBody { url: url_s })
                }
                200..=299 => Ok(self.response(req, url_s, redirects, raw, fetched_at, false)),
                status => Err(FetchError::Status { url: url_s, status }),
            };
        }
    }

    fn response(
        &self,
        req: &Request,
        url: String,
        redirects: Vec<String>,
        raw: Raw,
        fetched_at: DateTime<Utc>,
        not_modified: bool,
    ) -> Response {
        Response {
            requested_url: req.url.clone(),
            url,
            redirects,
            status: raw.status,
            headers: raw.headers,
            request_headers: raw.request_headers,
            body: raw.body,
            not_modified,
            fetched_at,
            elapsed: raw.elapsed,
            remote_ip: raw.remote_ip,
        }
    }

    /// Only http(s) URLs with a host; literal IP hosts checked by the policy.
    fn check_url(&self, raw: &str) -> Result<Url> {
        let bad = |reason: &str| FetchError::BadUrl {
            url: raw.to_string(),
            reason: reason.into(),
        };
        let url = Url::parse(raw.trim()).map_err(|e| bad(&e.to_string()))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(bad("only http and https are fetched"));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(bad("URLs with credentials are not fetched"));
        }
        let ip = match url.host() {
            Some(url::Host::Ipv4(v4)) => Some(IpAddr::V4(v4)),
            Some(url::Host::Ipv6(v6)) => Some(IpAddr::V6(v6)),
            Some(url::Host::Domain(_)) => None,
            None => return Err(bad("no host")),
        };
        if let Some(ip) = ip
            && let Some(kind) = self.opts.policy.refuse(ip)
        {
            return Err(FetchError::Blocked {
                url: raw.to_string(),
                addr: ip,
                kind,
            });
        }
        Ok(url)
    }

    fn host_key(url: &Url) -> String {
        format!(
            "{}:{}",
            url.host_str().unwrap_or_default(),
            url.port_or_known_default().unwrap_or(0)
        )
    }

    async fn robots_allowed(&self, url: &Url) -> Result<bool> {
        let origin = url.origin().ascii_serialization();
        let mut cache = self.robots.lock().await;
        let now = Instant::now();
        if let Some(c) = cache.get(&origin).filter(|c| c.until > now) {
            return Ok(c.rules.allowed(url.as_str()));
        }
        let robots_url = format!("{origin}/robots.txt");
        let req = Request::new(robots_url.clone(), Purpose::Robots);
        let rules = match self.fetch_robots(&req).await {
            Ok(r) => r,
            // Unreachable right now: the request fails as the host does, is
            // retried later, and nothing is cached.
            Err(e) if e.is_transient() => return Err(e),
            Err(e) => {
                tracing::info!(url = %robots_url, error = %e, "robots.txt unusable: disallowing all");
                robots::Rules::DisallowAll
            }
        };
        let allowed = rules.allowed(url.as_str());
        if let Some(delay) = rules.crawl_delay() {
            let mut hosts = self.hosts.lock().expect("host table");
            hosts.entry(Self::host_key(url)).or_default().crawl_delay = Some(delay);
        }
        cache.insert(
            origin,
            robots::Cached {
                rules,
                until: now + robots::TTL,
            },
        );
        Ok(allowed)
    }

    /// robots.txt with up to 5 redirects; 4xx allows all, 5xx disallows all.
    async fn fetch_robots(&self, req: &Request) -> Result<robots::Rules> {
        let mut url = self.check_url(&req.url)?;
        for _ in 0..=self.opts.max_redirects {
            let raw = self.polite_send(&url, req, false).await?;
            match raw.status {
                200..=299 => {
                    return Ok(robots::Rules::from_body(&self.opts.robots_agent, &raw.body));
                }
                301 | 302 | 303 | 307 | 308 => {
                    let loc = raw
                        .headers
                        .iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case("location"));
                    let Some((_, loc)) = loc else {
                        return Ok(robots::Rules::AllowAll);
                    };
                    let next = url.join(loc).map_err(|e| FetchError::BadUrl {
                        url: loc.clone(),
                        reason: e.to_string(),
                    })?;
                    url = self.check_url(next.as_str())?;
                }
                400..=499 => return Ok(robots::Rules::AllowAll),
                _ => return Ok(robots::Rules::DisallowAll),
            }
        }
        Ok(robots::Rules::DisallowAll)
    }

    /// One hop, with the host's slot held: wait for the host's gap, send,
    /// read the capped body, all under the purpose's deadline; then set the
    /// host's next gap from the answer.
    async fn polite_send(&self, url: &Url, req: &Request, conditional: bool) -> Result<Raw> {
        let key = Self::host_key(url);
        let slot = {
            let mut hosts = self.hosts.lock().expect("host table");
            hosts.entry(key.clone()).or_default().slot.clone()
        };
        let _turn = slot.lock().await;
        let wait = {
            let hosts = self.hosts.lock().expect("host table");
            let h = &hosts[&key];
            (
                h.next_at
                    .map(|t| t.saturating_duration_since(Instant::now())),
                h.retry_at,
            )
        };
        if let (Some(wait), retry_at) = wait {
            if wait > self.opts.max_wait {
                let retry_at = retry_at.unwrap_or_else(|| {
                    Utc::now() + chrono::Duration::from_std(wait).unwrap_or_default()
                });
                return Err(FetchError::RateLimited {
                    url: url.to_string(),
                    retry_at,
                });
            }
            tokio::time::sleep(wait).await;
        }
        let deadline = match req.purpose {
            Purpose::Feed | Purpose::Robots => self.opts.feed_timeout,
            Purpose::Page => self.opts.page_timeout,
        };
        let cap = match req.purpose {
            Purpose::Robots => robots::MAX_BYTES,
            _ => self.opts.max_body_bytes,
        };
        let started = Instant::now();
        let result = tokio::time::timeout(deadline, self.send(url, req, conditional, cap)).await;
        let elapsed = started.elapsed();
        let result = match result {
            Ok(r) => r,
            Err(_) => Err(FetchError::Timeout {
                url: url.to_string(),
                after: deadline,
            }),
        };
        self.after_response(&key, url, &result, elapsed)?;
        result.map(|mut raw| {
            raw.elapsed = elapsed;
            raw
        })
    }

    async fn send(&self, url: &Url, req: &Request, conditional: bool, cap: u64) -> Result<Raw> {
        let accept = match req.purpose {
            Purpose::Feed => {
                "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
            }
            Purpose::Page => "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
            Purpose::Robots => "text/plain, */*;q=0.5",
        };
        let mut request_headers = vec![
            ("User-Agent".to_string(), self.opts.user_agent.clone()),
            ("Accept".to_string(), accept.to_string()),
            ("Accept-Encoding".to_string(), "gzip, deflate".to_string()),
        ];
        if conditional {
            if let Some(etag) = &req.etag {
                request_headers.push(("If-None-Match".into(), etag.clone()));
            }
            if let Some(lm) = &req.last_modified {
                request_headers.push(("If-Modified-Since".into(), lm.clone()));
            }
        }
        let mut builder = self.client.get(url.clone());
        for (k, v) in request_headers.iter().skip(1) {
            builder = builder.header(k, v);
        }
        let mut resp = builder.send().await.map_err(|e| classify(url, e))?;
        let status = resp.status().as_u16();
        let remote_ip = resp.remote_addr().map(|a| a.ip());
        let headers: Vec<(String, String)> = resp
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let too_large = || FetchError::TooLarge {
            url: url.to_string(),
            limit: cap,
        };
        if resp
            .content_length()
            .is_some_and(|n| n > cap.saturating_mul(body::MAX_RATIO))
        {
            return Err(too_large());
        }
        let encoding = resp
            .headers()
            .get(reqwest::header::CONTENT_ENCODING)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
        let mut reader = BodyReader::new(encoding.as_deref(), cap).map_err(|e| match e {
            BodyError::Unsupported(enc) => FetchError::Encoding {
                url: url.to_string(),
                encoding: enc,
            },
            _ => too_large(),
        })?;
        let body_err = |e: BodyError| match e {
            BodyError::TooLarge => too_large(),
            BodyError::Unsupported(enc) => FetchError::Encoding {
                url: url.to_string(),
                encoding: enc,
            },
            BodyError::Corrupt(detail) => FetchError::Body {
                url: url.to_string(),
                detail,
            },
        };
        while let Some(chunk) = resp.chunk().await.map_err(|e| classify(url, e))? {
            reader.push(&chunk).map_err(body_err)?;
        }
        let body = reader.finish().map_err(body_err)?;
        Ok(Raw {
            status,
            headers,
            request_headers,
            body,
            elapsed: Duration::ZERO,
            remote_ip,
        })
    }

    /// Sets the host's next allowed time from this answer: the politeness
    /// gap after a success, `Retry-After` or back-off after 429/503/5xx and
    /// network failures. A 429/503 turns into `RateLimited`.
    fn after_response(
        &self,
        key: &str,
        url: &Url,
        result: &Result<Raw>,
        elapsed: Duration,
    ) -> Result<()> {
        let now = Instant::now();
        let mut hosts = self.hosts.lock().expect("host table");
        let h = hosts.entry(key.to_string()).or_default();
        let adaptive = (elapsed * 3).min(self.opts.max_adaptive_gap);
        let mut gap = self
            .opts
            .min_host_gap
            .max(adaptive)
            .max(h.crawl_delay.unwrap_or_default());
        h.retry_at = None;
        let mut limited = None;
        match result {
            Ok(raw) if matches!(raw.status, 429 | 503) => {
                h.failures = h.failures.saturating_add(1);
                let asked = raw
                    .headers
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case("retry-after"))
                    .and_then(|(_, v)| parse_retry_after(v, Utc::now()));
                let wait = asked
                    .map(|d| d.min(self.opts.max_retry_after))
                    .unwrap_or_else(|| backoff(h.failures, self.opts.max_retry_after));
                gap = gap.max(wait);
                let retry_at = Utc::now() + chrono::Duration::from_std(gap).unwrap_or_default();
                h.retry_at = Some(retry_at);
                limited = Some(retry_at);
            }
            Ok(raw) if raw.status >= 500 => {
                h.failures = h.failures.saturating_add(1);
                gap = gap.max(backoff(h.failures, self.opts.max_retry_after));
            }
            Ok(_) => h.failures = 0,
            // Network trouble backs off; a refusal of ours (too large, bad
            // encoding) says nothing about the host's health.
            Err(e) if e.is_transient() => {
                h.failures = h.failures.saturating_add(1);
                gap = gap.max(backoff(h.failures, self.opts.max_retry_after));
            }
            Err(_) => {}
        }
        h.next_at = Some(now + gap);
        match limited {
            Some(retry_at) => Err(FetchError::RateLimited {
                url: url.to_string(),
                retry_at,
            }),
            None => Ok(()),
        }
    }
}

/// `Retry-After` as delta-seconds or an HTTP-date; `None` for garbage or
/// negative values (then back-off applies).
pub fn parse_retry_after(v: &str, now: DateTime<Utc>) -> Option<Duration> {
    let v = v.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = DateTime::parse_from_rfc2822(v).ok()?.with_timezone(&Utc);
    Some((at - now).to_std().unwrap_or(Duration::ZERO))
}

/// Exponential back-off: 2^failures seconds × a jitter in [0.5, 1.5), capped.
fn backoff(failures: u32, cap: Duration) -> Duration {
    let base = Duration::from_secs(1u64 << failures.min(20));
    base.mul_f64(0.5 + fastrand::f64()).min(cap)
}

/// Maps a reqwest error to a classification, finding the guard's own
/// errors in the source chain.
fn classify(url: &Url, e: reqwest::Error) -> FetchError {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    while let Some(s) = source {
        if let Some(b) = s.downcast_ref::<BlockedAddress>() {
            return FetchError::Blocked {
                url: url.to_string(),
                addr: b.addr,
                kind: b.kind,
            };
        }
        if let Some(d) = s.downcast_ref::<DnsFailure>() {
            return FetchError::Dns {
                host: d.host.clone(),
                detail: d.detail.clone(),
            };
        }
        source = s.source();
    }
    let detail = chain(&e);
    if e.is_timeout() {
        FetchError::Timeout {
            url: url.to_string(),
            after: Duration::ZERO,
        }
    } else if detail.contains("certificate") || detail.to_ascii_lowercase().contains("tls") {
        FetchError::Tls {
            url: url.to_string(),
            detail,
        }
    } else if e.is_connect() {
        FetchError::Connect {
            url: url.to_string(),
            detail,
        }
    } else {
        FetchError::Body {
            url: url.to_string(),
            detail,
        }
    }
}

fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_cached_answer_was_made_before_the_fetch() {
        let fetched_at = Utc.with_ymd_and_hms(2026, 1, 3, 10, 0, 0).unwrap();
        let resp = |age: Option<&str>| Response {
            requested_url: "https://example.org/a".into(),
            url: "https://example.org/a".into(),
            redirects: Vec::new(),
            status: 200,
            headers: age
                .map(|a| vec![("Age".to_string(), a.to_string())])
                .unwrap_or_default(),
            request_headers: Vec::new(),
            body: Vec::new(),
            not_modified: false,
            fetched_at,
            elapsed: Duration::ZERO,
            remote_ip: None,
        };
        assert_eq!(resp(None).made_at(), fetched_at);
        assert_eq!(
            resp(Some("600")).made_at(),
            Utc.with_ymd_and_hms(2026, 1, 3, 9, 50, 0).unwrap()
        );
        assert_eq!(resp(Some("-5")).made_at(), fetched_at);
        assert_eq!(
            resp(Some("99999999")).made_at(),
            Utc.with_ymd_and_hms(2025, 12, 27, 10, 0, 0).unwrap()
        );
    }

    #[test]
    fn retry_after_forms() {
        let now = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
        assert_eq!(
            parse_retry_after("120", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(parse_retry_after("0", now), Some(Duration::ZERO));
        assert_eq!(
            parse_retry_after("Mon, 01 Jan 2024 00:10:00 GMT", now),
            Some(Duration::from_secs(600))
        );
        assert_eq!(
            parse_retry_after("Sun, 31 Dec 2023 00:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("-5", now), None);
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let cap = Duration::from_secs(3600);
        for f in 1..5 {
            let d = backoff(f, cap);
            let base = (1u64 << f) as f64;
            assert!(
                d.as_secs_f64() >= base * 0.5 && d.as_secs_f64() < base * 1.5,
                "{f}: {d:?}"
            );
        }
        assert!(backoff(40, cap) <= cap);
    }

    #[test]
    fn urls_are_checked_before_any_request() {
        let f = Fetcher::new(FetchOptions::default()).unwrap();
        assert_eq!(
            f.check_url("file:///etc/passwd").unwrap_err().code(),
            "BadUrl"
        );
        assert_eq!(
            f.check_url("http://user:pw@example.org/")
                .unwrap_err()
                .code(),
            "BadUrl"
        );
        assert_eq!(f.check_url("http://127.1/").unwrap_err().code(), "Blocked");
        assert_eq!(
            f.check_url("http://[::ffff:127.0.0.1]/")
                .unwrap_err()
                .code(),
            "Blocked"
        );
        assert!(f.check_url("https://example.org/feed").is_ok());
    }
}
