//! Integration tests of khabar-archive: one binary, modules by topic.

mod concurrency;
mod reader;
mod repair;
mod rotation;
mod round_trip;
mod verify;

use std::io::{BufReader, Read, Seek};
use std::path::Path;

use chrono::{DateTime, TimeZone, Utc};
use khabar_archive::{Archive, ArchiveOptions, Exchange};
use khabar_model::ArchiveRef;

/// Headers and body of one synthetic exchange.
#[derive(Debug)]
pub struct Sample {
    pub url: String,
    pub request_headers: Vec<(String, String)>,
    pub response_headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub fetched_at: DateTime<Utc>,
}

impl Sample {
    /// An HTML page whose body is `body`.
    pub fn new(n: usize, body: impl Into<Vec<u8>>) -> Sample {
        Sample {
            url: format!("https://news.example.org/2026/12/article-{n}?id={n}"),
            request_headers: vec![
                (
                    "User-Agent".into(),
                    "khabar/0.1 (+https://example.org/khabar)".into(),
                ),
                ("Accept".into(), "text/html".into()),
            ],
            response_headers: vec![
                ("Content-Type".into(), "text/html; charset=utf-8".into()),
                ("Content-Encoding".into(), "gzip".into()),
                ("ETag".into(), format!("\"v{n}\"")),
            ],
            body: body.into(),
            fetched_at: Utc.with_ymd_and_hms(2026, 12, 2, 5, 15, 0).unwrap()
                + chrono::Duration::microseconds(n as i64 * 1_000_123),
        }
    }

    pub fn exchange(&self) -> Exchange<'_> {
        Exchange {
            url: &self.url,
            method: "GET",
            request_headers: &self.request_headers,
            status: 200,
            response_headers: &self.response_headers,
            body: &self.body,
            fetched_at: self.fetched_at,
            ip: Some("203.0.113.9".parse().unwrap()),
        }
    }
}

/// `len` bytes that do not compress (a xorshift stream), so sizes are predictable.
pub fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

pub fn open(dir: &Path) -> Archive {
    Archive::open(dir, ArchiveOptions::default()).unwrap()
}

pub fn append(a: &Archive, s: &Sample) -> ArchiveRef {
    a.append(&s.exchange()).unwrap()
}

/// Every record of a file as (offset, WARC-Type, uncompressed text of its
/// headers), read member by member with flate2 directly.
pub fn records(path: &Path) -> Vec<(u64, String, String)> {
    let mut r = BufReader::new(std::fs::File::open(path).unwrap());
    let len = std::fs::metadata(path).unwrap().len();
    let mut out = Vec::new();
    loop {
        let at = r.stream_position().unwrap();
        if at == len {
            return out;
        }
        let mut raw = Vec::new();
        flate2::bufread::GzDecoder::new(&mut r)
            .read_to_end(&mut raw)
            .unwrap();
        let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8(raw[..end].to_vec()).unwrap();
        let kind = head
            .lines()
            .find_map(|l| l.strip_prefix("WARC-Type: "))
            .unwrap()
            .to_string();
        out.push((at, kind, head));
    }
}
