//! Test helpers shared by khabar's crates: temporary data folders and
//! synthetic articles and digests. Everything here is made up; real articles
//! stay in the shared data folder and are only read by the evaluations.
//!
//! ```
//! let data = khabar_testkit::TempData::new();
//! assert!(data.path().exists());
//! let a = khabar_testkit::article(3);
//! assert!(a.title.contains('3'));
//! ```

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use khabar_model::ArticleDraft;

/// A temporary folder removed on drop, with a `data/` folder inside for a
/// khabar data directory and room for config and input files beside it.
#[derive(Debug)]
pub struct TempData {
    dir: tempfile::TempDir,
}

impl TempData {
    pub fn new() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("khabar-test-")
            .tempdir()
            .expect("temp dir");
        std::fs::create_dir_all(dir.path().join("data")).expect("data dir");
        TempData { dir }
    }

    /// The temporary folder itself.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The khabar data folder inside it.
    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Writes `contents` to `name` inside the folder and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("parent dir");
        }
        std::fs::write(&p, contents).expect("write fixture");
        p
    }
}

impl Default for TempData {
    fn default() -> Self {
        Self::new()
    }
}

const PLACES: &[&str] = &[
    "Valley",
    "Riverside",
    "Hilltown",
    "Lakeshore",
    "Stonebridge",
];

/// A synthetic article numbered `n`: a title, three paragraphs, a URL on
/// example.org, fetched at a fixed time `n` hours after 2024-01-01 UTC.
pub fn article(n: u32) -> ArticleDraft {
    let place = PLACES[n as usize % PLACES.len()];
    let mut d = ArticleDraft::new(
        format!("Council of {place} opens road number {n}"),
        vec![
            format!("The council of {place} opened road number {n} on Monday."),
            format!(
                "Officials said the road would carry {} vehicles a day.",
                100 + n
            ),
            "Residents welcomed the news.".to_string(),
        ],
    )
    .with_url(format!("https://example.org/news/{n}?utm_source=feed"));
    d.source = Some("Example Times".to_string());
    d.fetched_at =
        Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap() + chrono::Duration::hours(i64::from(n));
    d
}

/// A time with an explicit offset, for tests that check offsets survive.
pub fn at(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).expect("valid RFC 3339 time in a test")
}

/// One WARC 1.1 record, uncompressed, as any crawler writes it: `kind`
/// (`response`, `request`, `resource`, `warcinfo`…), its target URI, date
/// and content type, then `block` and the closing CRLF CRLF.
pub fn warc_record(kind: &str, uri: &str, date: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// A synthetic digest of two articles in the sample layout: the first with
/// a "BY" byline and a teaser repeated in the body, the second with a bare
/// name byline, a verse paragraph and no URL.
pub const DIGEST: &str = "\
Floods close the northern pass

BY  JANE DOE

Traffic is expected to resume within a week.

Heavy rain closed the northern pass on Sunday, stranding dozens of lorries.

Engineers from the roads department arrived on Monday. Traffic is expected to resume within a week.

Photo: lorries wait at the pass.

Floods close the northern pass
read more: https://example.org/floods-pass

School garden wins regional prize

Omar Farouk

Pupils of a village school planted two hundred trees last spring.

The jury praised the project. One pupil read a short poem:

Water the seed and wait
the tree will keep the gate

School garden wins regional prize
read more
";

#[cfg(feature = "server")]
pub mod server;
