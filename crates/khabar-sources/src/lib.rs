//! khabar's source formats: what the fetcher brought back, turned into
//! candidate article URLs. Feeds (RSS 0.9x/1.0/2.0, Atom, JSON Feed),
//! XML sitemaps (indexes, Google News sitemaps, gzipped ones), HTML section
//! pages, OPML files, and the built-in source catalogs.
//!
//! No I/O lives here: every function takes bytes or text and returns
//! values, so each can be tested on synthetic input. URLs are canonicalised
//! with [`khabar_model::canonicalize_url`], so a link whose tracking
//! parameters change between fetches is still one candidate.
//!
//! ```
//! use khabar_sources::{Sitemap, parse_feed, parse_sitemap};
//!
//! let rss = br#"<rss version="2.0"><channel><title>T</title>
//!   <item><title>One</title><link>/news/1?utm_source=rss</link></item>
//!   <item><title>One again</title><link>/news/1?utm_source=mail#x</link></item>
//! </channel></rss>"#;
//! let items = parse_feed(rss, "https://example.org/feed/").unwrap();
//! assert_eq!(items.len(), 1);
//! assert_eq!(items[0].url, "https://example.org/news/1");
//!
//! let xml = br#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
//!   <url><loc>https://example.org/a</loc></url></urlset>"#;
//! let Sitemap::Urls(urls) = parse_sitemap(xml, "https://example.org/sitemap.xml").unwrap() else {
//!     panic!("not a urlset")
//! };
//! assert_eq!(urls[0].url, "https://example.org/a");
//! ```

mod catalog;
mod error;
mod feed;
mod opml;
mod page;
mod site;
mod sitemap;
mod sniff;
mod time;
mod xml;

use chrono::{DateTime, FixedOffset};
use khabar_model::Lang;

pub use catalog::{CATALOG_NAMES, CatalogEntry, catalog};
pub use error::{Error, Result};
pub use feed::{FeedDoc, parse_feed, parse_feed_doc};
pub use opml::{OpmlFeed, parse_opml, write_opml};
pub use page::{canonical_link, links_from_page};
pub use sitemap::{MAX_SITEMAP_BYTES, Sitemap, parse_sitemap, parse_sitemap_with_limit};
pub use sniff::guess_kind;

/// Whether two URLs are on the same site (the same registrable host, or
/// subdomains of it). `false` when either does not parse.
pub fn same_site(a: &str, b: &str) -> bool {
    match (url::Url::parse(a), url::Url::parse(b)) {
        (Ok(a), Ok(b)) => site::same_site(&a, &b),
        _ => false,
    }
}

/// A page a source points at, which may be an article: one feed item, one
/// sitemap `<url>`, or one link on a section page.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The canonical URL ([`khabar_model::canonicalize_url`]): the
    /// idempotence key, unique within one parse.
    pub url: String,
    /// The link as the source gave it, made absolute (tracking parameters
    /// and fragment kept).
    pub raw_url: String,
    pub title: Option<String>,
    /// The time the source states, with its offset.
    pub published_at: Option<DateTime<FixedOffset>>,
    /// The feed's own id for the item (`<guid>`, Atom `<id>`, JSON `id`),
    /// never a made-up one.
    pub guid: Option<String>,
    /// The feed's summary or description, as plain text.
    pub summary: Option<String>,
    /// The language the source states for the item or the whole feed/page.
    pub lang: Option<Lang>,
}
