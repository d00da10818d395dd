//! Telling a feed from a sitemap from an HTML page by its first bytes.

use khabar_model::SourceKind;
use quick_xml::events::Event;

use crate::xml::local;

/// How many bytes are looked at.
const SNIFF_BYTES: usize = 64 * 1024;

/// What a response is, from its body and, when the body does not say, its
/// `Content-Type`: [`SourceKind::Feed`] for RSS, RDF, Atom and JSON Feed,
/// [`SourceKind::Sitemap`] for `<urlset>`, `<sitemapindex>` and gzip bodies,
/// [`SourceKind::Page`] for HTML. `None` when it is none of these.
pub fn guess_kind(bytes: &[u8], content_type: Option<&str>) -> Option<SourceKind> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.starts_with(&[0x1f, 0x8b]) {
        return Some(SourceKind::Sitemap);
    }
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let body = &head[start..];
    let by_body = if body.starts_with(b"{") {
        let text = String::from_utf8_lossy(body);
        text.contains("jsonfeed.org/version")
            .then_some(SourceKind::Feed)
    } else if body.starts_with(b"<") {
        root_kind(body)
    } else {
        None
    };
    by_body.or_else(|| by_content_type(content_type?))
}

fn root_kind(body: &[u8]) -> Option<SourceKind> {
    let lower = String::from_utf8_lossy(&body[..body.len().min(1024)]).to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return Some(SourceKind::Page);
    }
    let mut reader = quick_xml::Reader::from_reader(body);
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    // The first element decides; give up after a few hundred events.
    for _ in 0..256 {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                return match local(&e).as_str() {
                    "rss" | "rdf" | "feed" | "channel" => Some(SourceKind::Feed),
                    "urlset" | "sitemapindex" => Some(SourceKind::Sitemap),
                    "html" | "head" | "body" => Some(SourceKind::Page),
                    _ => None,
                };
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
        buf.clear();
    }
    lower.contains("<html").then_some(SourceKind::Page)
}

fn by_content_type(ct: &str) -> Option<SourceKind> {
    let ct = ct.split(';').next()?.trim().to_ascii_lowercase();
    match ct.as_str() {
        "application/rss+xml"
        | "application/atom+xml"
        | "application/rdf+xml"
        | "application/feed+json" => Some(SourceKind::Feed),
        "application/gzip" | "application/x-gzip" => Some(SourceKind::Sitemap),
        "text/html" | "application/xhtml+xml" => Some(SourceKind::Page),
        _ => None,
    }
}
