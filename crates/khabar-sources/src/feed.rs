//! RSS 0.9x/1.0/2.0, Atom and JSON Feed, through feed-rs.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, FixedOffset, Utc};
use feed_rs::model::{Entry, Link};
use khabar_model::Lang;
use url::Url;

use crate::site::{markup_to_text, resolve};
use crate::time::parse_time;
use crate::{Candidate, Error, Result};

/// Link relations that never point at the item's own page.
const NOT_THE_PAGE: &[&str] = &[
    "self",
    "enclosure",
    "edit",
    "edit-media",
    "replies",
    "license",
    "related",
    "via",
    "hub",
];

/// The items of a feed as candidates, in feed order.
///
/// Links are resolved against `feed_url` (and `xml:base`), then
/// canonicalised; items whose links differ only in tracking parameters or
/// fragments are kept once (the first). Items without a usable http(s) link
/// are skipped; an item without `<link>` whose `<guid>` is an http(s) URL
/// uses the guid as its link. `guid` is the id the feed gave (never a
/// generated one), so an item without one has `guid: None`.
///
/// Errors when the bytes are not a feed (HTML, a sitemap, truncated XML,
/// binary). DTD entities are never expanded.
pub fn parse_feed(bytes: &[u8], feed_url: &str) -> Result<Vec<Candidate>> {
    parse_feed_doc(bytes, feed_url).map(|d| d.candidates)
}

/// A parsed feed: its items and what it says of its own rhythm.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedDoc {
    pub candidates: Vec<Candidate>,
    /// RSS `<ttl>`: how long the feed may be cached; pollers should not
    /// come back sooner.
    pub ttl: Option<std::time::Duration>,
}

/// Like [`parse_feed`], with the feed's `<ttl>`.
pub fn parse_feed_doc(bytes: &[u8], feed_url: &str) -> Result<FeedDoc> {
    let base = Url::parse(feed_url).ok();
    // feed-rs hands times over in UTC; the offset the outlet stated is
    // evidence, so the parser we give it remembers each offset.
    let offsets: Arc<Mutex<HashMap<DateTime<Utc>, FixedOffset>>> = Arc::default();
    let seen_offsets = Arc::clone(&offsets);
    let parser = feed_rs::parser::Builder::new()
        .base_uri(base.as_ref().map(Url::as_str))
        .id_generator(|_, _, _| String::new())
        .sanitize_content(false)
        .timestamp_parser(move |s| {
            let t = parse_time(s)?;
            let utc = t.with_timezone(&Utc);
            seen_offsets
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .entry(utc)
                .or_insert(*t.offset());
            Some(utc)
        })
        .build();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let feed = parser.parse(bytes).map_err(|e| Error::Feed {
        url: feed_url.to_string(),
        why: e.to_string(),
    })?;
    let offsets = offsets.lock().unwrap_or_else(PoisonError::into_inner);
    let with_offset = |t: DateTime<Utc>| {
        let off = offsets
            .get(&t)
            .copied()
            .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"));
        t.with_timezone(&off)
    };
    let feed_lang = feed
        .language
        .as_deref()
        .and_then(|l| l.parse::<Lang>().ok());

    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for entry in &feed.entries {
        let Some((raw_url, url)) = entry_link(entry, base.as_ref()) else {
            continue;
        };
        if !seen.insert(url.clone()) {
            continue;
        }
        let guid = Some(entry.id.trim()).filter(|g| !g.is_empty());
        out.push(Candidate {
            url,
            raw_url,
            title: entry
                .title
                .as_ref()
                .and_then(|t| markup_to_text(&t.content)),
            published_at: entry.published.or(entry.updated).map(with_offset),
            guid: guid.map(str::to_string),
            summary: entry
                .summary
                .as_ref()
                .and_then(|t| markup_to_text(&t.content)),
            lang: entry
                .language
                .as_deref()
                .and_then(|l| l.parse::<Lang>().ok())
                .or_else(|| feed_lang.clone()),
        });
    }
    // A week at most: a feed must not be able to silence itself for good.
    let ttl = feed
        .ttl
        .filter(|m| *m > 0)
        .map(|m| std::time::Duration::from_secs(u64::from(m.min(7 * 24 * 60)) * 60));
    Ok(FeedDoc {
        candidates: out,
        ttl,
    })
}

/// The item's own page: the first link whose relation is absent or
/// `alternate`, else any link that is not self/enclosure/…, else the guid
/// when it is a web URL.
fn entry_link(entry: &Entry, base: Option<&Url>) -> Option<(String, String)> {
    let rel = |l: &Link| l.rel.as_deref().map(str::to_ascii_lowercase);
    let primary = entry
        .links
        .iter()
        .filter(|l| matches!(rel(l).as_deref(), None | Some("alternate")));
    let others = entry
        .links
        .iter()
        .filter(|l| !rel(l).is_some_and(|r| NOT_THE_PAGE.contains(&r.as_str())));
    primary
        .chain(others)
        .find_map(|l| resolve(base, &l.href))
        .or_else(|| {
            let id = entry.id.trim();
            (id.starts_with("http://") || id.starts_with("https://"))
                .then(|| resolve(base, id))
                .flatten()
        })
}
