use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Error, Lang};

/// The store's id of a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SourceId(pub i64);

/// What a source URL points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// RSS, Atom or JSON Feed.
    Feed,
    /// An XML sitemap, sitemap index or Google News sitemap.
    Sitemap,
    /// An HTML section page whose links lead to articles.
    Page,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Feed => "feed",
            SourceKind::Sitemap => "sitemap",
            SourceKind::Page => "page",
        }
    }

    /// A guess from the URL alone, for sources given without a kind.
    pub fn guess(url: &str) -> SourceKind {
        let u = url.to_ascii_lowercase();
        let path = u.split(['?', '#']).next().unwrap_or(&u);
        if path.contains("sitemap") {
            SourceKind::Sitemap
        } else if path.ends_with(".xml")
            || path.ends_with(".rss")
            || path.ends_with(".atom")
            || path.contains("/feed")
            || path.contains("/rss")
            || path.ends_with("feed.json")
        {
            SourceKind::Feed
        } else {
            SourceKind::Page
        }
    }
}

impl FromStr for SourceKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "feed" | "rss" | "atom" => Ok(SourceKind::Feed),
            "sitemap" => Ok(SourceKind::Sitemap),
            "page" | "section" => Ok(SourceKind::Page),
            _ => Err(Error::BadSourceKind(s.to_string())),
        }
    }
}

impl fmt::Display for SourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who put a source in the catalog. Sources from `khabar.toml` are kept in
/// step with the file; the others live in the database only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceOrigin {
    Config,
    Cli,
    Api,
}

impl SourceOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceOrigin::Config => "config",
            SourceOrigin::Cli => "cli",
            SourceOrigin::Api => "api",
        }
    }
}

impl FromStr for SourceOrigin {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "config" => Ok(SourceOrigin::Config),
            "cli" => Ok(SourceOrigin::Cli),
            "api" => Ok(SourceOrigin::Api),
            _ => Err(Error::BadSourceKind(s.to_string())),
        }
    }
}

/// A source as given by the user or the config, before it has an id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDraft {
    pub name: String,
    pub url: String,
    pub kind: SourceKind,
    pub lang: Option<Lang>,
    pub origin: SourceOrigin,
    /// For `page` sources: only links whose URL contains this (a `*`
    /// matches anything), e.g. `/news/*/2024/`.
    #[serde(default)]
    pub pattern: Option<String>,
}

/// An outlet khabar follows, with its health.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: SourceId,
    pub name: String,
    pub url: String,
    pub kind: SourceKind,
    pub lang: Option<Lang>,
    pub origin: SourceOrigin,
    /// See [`SourceDraft::pattern`].
    #[serde(default)]
    pub pattern: Option<String>,
    /// Articles stored from this source.
    pub articles: u64,
    pub last_fetch_at: Option<DateTime<Utc>>,
    /// Stable code of the last failure (`Dns`, `Timeout`, …), if the last fetch failed.
    pub last_error: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_kind_from_url() {
        assert_eq!(SourceKind::guess("https://x.org/feed/"), SourceKind::Feed);
        assert_eq!(SourceKind::guess("https://x.org/rss.xml"), SourceKind::Feed);
        assert_eq!(
            SourceKind::guess("https://x.org/news-sitemap.xml"),
            SourceKind::Sitemap
        );
        assert_eq!(
            SourceKind::guess("https://x.org/en/afghanistan"),
            SourceKind::Page
        );
    }

    #[test]
    fn parses_kind_names() {
        assert_eq!("Feed".parse::<SourceKind>().unwrap(), SourceKind::Feed);
        assert!("podcast".parse::<SourceKind>().is_err());
    }
}
