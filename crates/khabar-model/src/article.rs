use std::fmt;

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{Error, Lang, StoryId};

/// The store's id of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub i64);

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// SHA-256 of an article's title, byline and paragraphs (see [`ContentHash::of`]),
/// as 64 lower-case hex digits. Two imports of the same text share it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ContentHash(pub String);

impl ContentHash {
    /// Hashes what makes an article's content: the title, the byline and the
    /// paragraphs, each with its surrounding white space trimmed, separated by
    /// control characters that cannot occur in text so that moving a boundary
    /// changes the hash.
    pub fn of(title: &str, byline: Option<&str>, paragraphs: &[String]) -> Self {
        let mut h = Sha256::new();
        h.update(title.trim().as_bytes());
        h.update([0x1e]);
        h.update(byline.unwrap_or("").trim().as_bytes());
        for p in paragraphs {
            h.update([0x1f]);
            h.update(p.trim().as_bytes());
        }
        ContentHash(hex(&h.finalize()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Where the original response of an article lies in the WARC archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveRef {
    /// WARC file name, relative to the archive folder.
    pub file: String,
    /// Byte offset of the record in that file.
    pub offset: u64,
    /// SHA-256 of the payload, hex.
    pub sha256: String,
}

/// An article as a stage produced it, before the store gave it an id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleDraft {
    /// The URL the article was found at, if known (a digest may only say `read more`).
    pub url: Option<String>,
    /// The canonical URL (see [`canonicalize_url`]); the idempotence key when present.
    pub canonical_url: Option<String>,
    /// The id the input gave the article (a JSONL `id`), kept for reference.
    pub external_id: Option<String>,
    /// Name of the source (outlet) it came from.
    pub source: Option<String>,
    pub title: String,
    pub byline: Option<String>,
    /// One sentence that tells the story; it also appears in the body.
    pub teaser: Option<String>,
    /// Publication time with the offset the outlet stated.
    pub published_at: Option<DateTime<FixedOffset>>,
    pub lang: Option<Lang>,
    /// The body, one entry per paragraph; a paragraph may hold line breaks (verse).
    pub paragraphs: Vec<String>,
    /// When khabar fetched or imported it.
    pub fetched_at: DateTime<Utc>,
    pub archive: Option<ArchiveRef>,
}

impl ArticleDraft {
    /// A draft with a title and a body, fetched now, everything else unknown.
    pub fn new(title: impl Into<String>, paragraphs: Vec<String>) -> Self {
        ArticleDraft {
            url: None,
            canonical_url: None,
            external_id: None,
            source: None,
            title: title.into(),
            byline: None,
            teaser: None,
            published_at: None,
            lang: None,
            paragraphs,
            fetched_at: Utc::now(),
            archive: None,
        }
    }

    /// Sets `url` and, when it parses, `canonical_url`.
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        let url = url.into();
        self.canonical_url = canonicalize_url(&url).ok();
        self.url = Some(url);
        self
    }

    pub fn content_hash(&self) -> ContentHash {
        ContentHash::of(&self.title, self.byline.as_deref(), &self.paragraphs)
    }

    /// The body as text: paragraphs separated by a blank line.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// A stored article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    pub url: Option<String>,
    pub canonical_url: Option<String>,
    pub external_id: Option<String>,
    pub source: Option<String>,
    pub title: String,
    pub byline: Option<String>,
    pub teaser: Option<String>,
    pub published_at: Option<DateTime<FixedOffset>>,
    pub lang: Option<Lang>,
    pub paragraphs: Vec<String>,
    pub content_hash: ContentHash,
    pub fetched_at: DateTime<Utc>,
    pub archive: Option<ArchiveRef>,
    /// Topic labels (filled by the understanding stage).
    pub topics: Vec<String>,
    /// The story the article belongs to (filled by the stories stage).
    pub story: Option<StoryId>,
}

impl Article {
    /// The body as text: paragraphs separated by a blank line.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    /// The article's content as a draft (what an export writes and an import reads back).
    pub fn to_draft(&self) -> ArticleDraft {
        ArticleDraft {
            url: self.url.clone(),
            canonical_url: self.canonical_url.clone(),
            external_id: self.external_id.clone(),
            source: self.source.clone(),
            title: self.title.clone(),
            byline: self.byline.clone(),
            teaser: self.teaser.clone(),
            published_at: self.published_at,
            lang: self.lang.clone(),
            paragraphs: self.paragraphs.clone(),
            fetched_at: self.fetched_at,
            archive: self.archive.clone(),
        }
    }
}

/// Query parameters that only track the reader and never select content.
const TRACKING_PARAMS: &[&str] = &[
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "mc_cid",
    "mc_eid",
    "igshid",
    "ocid",
    "_ga",
    "yclid",
    "at_medium",
    "at_campaign",
];

/// The canonical form of an article URL, used as the idempotence key:
/// scheme and host lower-cased, default port, fragment and tracking
/// parameters (`utm_*`, `fbclid`, …) removed, remaining parameters kept in
/// their order. Only `http` and `https` URLs are accepted.
pub fn canonicalize_url(raw: &str) -> Result<String, Error> {
    let bad = |why: &str| Error::BadUrl {
        url: raw.to_string(),
        why: why.to_string(),
    };
    let mut url = url::Url::parse(raw.trim()).map_err(|e| bad(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad("only http and https URLs are articles"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(bad("it has no host"));
    }
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| {
            let k = k.to_ascii_lowercase();
            !k.starts_with("utm_") && !TRACKING_PARAMS.contains(&k.as_str())
        })
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    Ok(url.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_url_drops_tracking_fragment_and_default_port() {
        let c = canonicalize_url("HTTPS://Example.COM:443/news/a?utm_source=x&id=7&fbclid=z#top")
            .unwrap();
        assert_eq!(c, "https://example.com/news/a?id=7");
        assert_eq!(
            canonicalize_url("http://example.com:80/a?utm_medium=rss").unwrap(),
            "http://example.com/a"
        );
        assert_eq!(
            canonicalize_url("http://example.com:8080/a").unwrap(),
            "http://example.com:8080/a"
        );
    }

    #[test]
    fn canonical_url_rejects_non_web_urls() {
        assert!(canonicalize_url("javascript:alert(1)").is_err());
        assert!(canonicalize_url("file:///etc/passwd").is_err());
        assert!(canonicalize_url("not a url").is_err());
    }

    #[test]
    fn content_hash_depends_on_paragraph_boundaries() {
        let a = ContentHash::of("T", None, &["a b".into(), "c".into()]);
        let b = ContentHash::of("T", None, &["a".into(), "b c".into()]);
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 64);
        assert_eq!(
            a,
            ContentHash::of(" T ", None, &["a b ".into(), "c".into()])
        );
    }

    #[test]
    fn published_time_keeps_its_offset_through_json() {
        let mut d = ArticleDraft::new("T", vec![]);
        d.published_at = Some(DateTime::parse_from_rfc3339("2024-11-11T09:30:00+04:30").unwrap());
        let json = serde_json::to_string(&d).unwrap();
        assert!(json.contains("2024-11-11T09:30:00+04:30"), "{json}");
        let back: ArticleDraft = serde_json::from_str(&json).unwrap();
        assert_eq!(
            back.published_at.unwrap().offset().local_minus_utc(),
            4 * 3600 + 1800
        );
    }
}
