//! XML sitemaps, sitemap indexes and Google News sitemaps, plain or gzipped.

use std::collections::HashSet;
use std::io::Read;

use khabar_model::Lang;
use quick_xml::events::Event;
use url::Url;

use crate::site::{clean_text, resolve};
use crate::time::parse_time;
use crate::xml::{MAX_DEPTH, local, push_ref};
use crate::{Candidate, Error, Result};

/// The default cap on a sitemap's size once decompressed: 50 MiB, the
/// limit the sitemap protocol sets for one file.
pub const MAX_SITEMAP_BYTES: u64 = 50 * 1024 * 1024;

/// What a sitemap lists.
#[derive(Debug, Clone, PartialEq)]
pub enum Sitemap {
    /// A `<urlset>`: pages, with the Google News title, date and language
    /// when given.
    Urls(Vec<Candidate>),
    /// A `<sitemapindex>`: further sitemaps to fetch (absolute URLs, in order,
    /// each once).
    Index(Vec<String>),
}

/// Parses a sitemap with the default size cap ([`MAX_SITEMAP_BYTES`]).
/// See [`parse_sitemap_with_limit`].
pub fn parse_sitemap(bytes: &[u8], url: &str) -> Result<Sitemap> {
    parse_sitemap_with_limit(bytes, url, MAX_SITEMAP_BYTES)
}

/// Parses a `<urlset>` or `<sitemapindex>`; a gzip body (found by its magic
/// bytes, whatever the URL says) is decompressed first, and refused with
/// [`Error::TooLarge`] as soon as it passes `max_bytes`.
///
/// `<loc>` values are resolved against `url`; non-http(s) ones are skipped.
/// A page's `published_at` is its `news:publication_date`, else its
/// `lastmod`; its title and language come from `news:title` and
/// `news:language`. Pages are kept once per canonical URL.
pub fn parse_sitemap_with_limit(bytes: &[u8], url: &str, max_bytes: u64) -> Result<Sitemap> {
    let err = |why: String| Error::Sitemap {
        url: url.to_string(),
        why,
    };
    let too_large = || Error::TooLarge {
        url: url.to_string(),
        limit: max_bytes,
    };
    let inflated;
    let data: &[u8] = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes)
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| err(format!("the gzip body is corrupt: {e}")))?;
        if out.len() as u64 > max_bytes {
            return Err(too_large());
        }
        inflated = out;
        &inflated
    } else {
        if bytes.len() as u64 > max_bytes {
            return Err(too_large());
        }
        bytes
    };
    let base = Url::parse(url).ok();

    #[derive(Default)]
    struct Entry {
        loc: Option<String>,
        lastmod: Option<String>,
        title: Option<String>,
        date: Option<String>,
        lang: Option<String>,
    }

    let mut reader = quick_xml::Reader::from_reader(data);
    let mut buf = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut root: Option<String> = None;
    let mut text = String::new();
    let mut entry = Entry::default();
    let mut urls = Vec::new();
    let mut index = Vec::new();
    let mut seen = HashSet::new();
    loop {
        let ev = reader.read_event_into(&mut buf).map_err(|e| {
            err(format!(
                "bad XML near byte {}: {e}",
                reader.error_position()
            ))
        })?;
        match ev {
            Event::Start(e) => {
                let name = local(&e);
                if root.is_none() {
                    if name != "urlset" && name != "sitemapindex" {
                        return Err(err(format!(
                            "the root element is <{name}>, not <urlset> or <sitemapindex>"
                        )));
                    }
                    root = Some(name.clone());
                }
                if stack.len() == 1 && (name == "url" || name == "sitemap") {
                    entry = Entry::default();
                }
                stack.push(name);
                if stack.len() > MAX_DEPTH {
                    return Err(err(format!("elements nested deeper than {MAX_DEPTH}")));
                }
                text.clear();
            }
            Event::Empty(e) if root.is_none() => {
                let name = local(&e);
                if name != "urlset" && name != "sitemapindex" {
                    return Err(err(format!(
                        "the root element is <{name}/>, not <urlset> or <sitemapindex>"
                    )));
                }
                root = Some(name); // an empty sitemap
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::CData(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => push_ref(&mut text, &r),
            Event::End(_) => {
                let path: Vec<&str> = stack.iter().map(String::as_str).collect();
                let value = || clean_text(&text);
                match path.as_slice() {
                    ["urlset", "url", "loc"] | ["sitemapindex", "sitemap", "loc"] => {
                        entry.loc = value()
                    }
                    ["urlset", "url", "lastmod"] => entry.lastmod = value(),
                    ["urlset", "url", "news", "title"] => entry.title = value(),
                    ["urlset", "url", "news", "publication_date"] => entry.date = value(),
                    ["urlset", "url", "news", "publication", "language"] => entry.lang = value(),
                    ["urlset", "url"] => {
                        let e = std::mem::take(&mut entry);
                        if let Some((raw_url, url)) =
                            e.loc.as_deref().and_then(|l| resolve(base.as_ref(), l))
                            && seen.insert(url.clone())
                        {
                            urls.push(Candidate {
                                url,
                                raw_url,
                                title: e.title,
                                published_at: e
                                    .date
                                    .as_deref()
                                    .and_then(parse_time)
                                    .or_else(|| e.lastmod.as_deref().and_then(parse_time)),
                                guid: None,
                                summary: None,
                                lang: e.lang.and_then(|l| l.parse::<Lang>().ok()),
                            });
                        }
                    }
                    ["sitemapindex", "sitemap"] => {
                        let e = std::mem::take(&mut entry);
                        if let Some((raw_url, canonical)) =
                            e.loc.as_deref().and_then(|l| resolve(base.as_ref(), l))
                            && seen.insert(canonical)
                        {
                            index.push(raw_url);
                        }
                    }
                    _ => {}
                }
                stack.pop();
                text.clear();
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    match root.as_deref() {
        None => Err(err("there is no XML element in it".into())),
        Some(_) if !stack.is_empty() => Err(err(format!(
            "the XML is cut short: <{}> is never closed",
            stack.last().map_or("", String::as_str)
        ))),
        Some("sitemapindex") => Ok(Sitemap::Index(index)),
        Some(_) => Ok(Sitemap::Urls(urls)),
    }
}
