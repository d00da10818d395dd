use std::fmt;

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{EmbeddedPost, Error, Lang, StoryId};

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

/// What one paragraph of an article's body is. Stored articles keep the kind
/// of each paragraph next to its text, so that a reader shows headings,
/// block quotes, lists and preformatted text as such; the text itself, and
/// everything computed from it (the content hash, search, quotes, figures),
/// does not depend on it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    #[default]
    Paragraph,
    /// A heading inside the text (`<h2>`…), not the title.
    Heading,
    /// A block quote (`<blockquote>`), such as an embedded social media post.
    Quote,
    /// An item of a list.
    ListItem,
    /// Preformatted text (`<pre>`), line breaks kept.
    Preformatted,
}

impl BlockKind {
    /// The kinds to store for blocks of these kinds: empty when every one is
    /// a plain paragraph (the common case, and what older data holds).
    pub fn list(kinds: impl IntoIterator<Item = BlockKind>) -> Vec<BlockKind> {
        let kinds: Vec<BlockKind> = kinds.into_iter().collect();
        if kinds.iter().all(|k| *k == BlockKind::Paragraph) {
            Vec::new()
        } else {
            kinds
        }
    }
}

/// The kind of paragraph `i` by a kinds list: a paragraph past the list's
/// end (every one, for an empty list) is a plain paragraph.
fn kind_at(kinds: &[BlockKind], i: usize) -> BlockKind {
    kinds.get(i).copied().unwrap_or_default()
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
    /// When the outlet says it last changed the article, with its offset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_at: Option<DateTime<FixedOffset>>,
    pub lang: Option<Lang>,
    /// The body, one entry per paragraph; a paragraph may hold line breaks (verse).
    pub paragraphs: Vec<String>,
    /// The kind of each paragraph, in order (see [`BlockKind::list`]); empty
    /// when all are plain paragraphs, as for digest text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<BlockKind>,
    /// Social media posts the page embedded, in page order. A post with
    /// words is also in `paragraphs`, as a quote ending with a line naming
    /// its poster; one without (a photo, a Telegram post) is only here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub embeds: Vec<EmbeddedPost>,
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
            modified_at: None,
            lang: None,
            paragraphs,
            kinds: Vec::new(),
            embeds: Vec::new(),
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

    /// The kind of paragraph `i` (a plain paragraph where `kinds` says nothing).
    pub fn kind(&self, i: usize) -> BlockKind {
        kind_at(&self.kinds, i)
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
    /// When the outlet says it last changed the article, as in
    /// [`ArticleDraft::modified_at`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_at: Option<DateTime<FixedOffset>>,
    pub lang: Option<Lang>,
    pub paragraphs: Vec<String>,
    /// The kind of each paragraph, as in [`ArticleDraft::kinds`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<BlockKind>,
    /// Embedded social media posts, as in [`ArticleDraft::embeds`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub embeds: Vec<EmbeddedPost>,
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

    /// The kind of paragraph `i` (a plain paragraph where `kinds` says nothing).
    pub fn kind(&self, i: usize) -> BlockKind {
        kind_at(&self.kinds, i)
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
            modified_at: self.modified_at,
            lang: self.lang.clone(),
            paragraphs: self.paragraphs.clone(),
            kinds: self.kinds.clone(),
            embeds: self.embeds.clone(),
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
