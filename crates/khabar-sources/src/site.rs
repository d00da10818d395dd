//! URL helpers shared by the parsers: resolving links, telling whether two
//! hosts belong to the same site, and turning markup into plain text.

use khabar_model::canonicalize_url;
use url::Url;

/// A link resolved against `base` (when relative) and canonicalised:
/// `(absolute, canonical)`. `None` unless it is an http(s) URL with a host.
pub(crate) fn resolve(base: Option<&Url>, href: &str) -> Option<(String, String)> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let abs = match Url::parse(href) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(href).ok()?,
        Err(_) => return None,
    };
    let canonical = canonicalize_url(abs.as_str()).ok()?;
    Some((abs.to_string(), canonical))
}

/// Second-level labels under which ccTLDs register names (`bbc.co.uk`,
/// `gov.af`). A short list instead of the Public Suffix List: it covers the
/// outlets khabar follows and keeps a large generated table out of the
/// build; a miss only makes two sibling subdomains look like different sites.
const SECOND_LEVEL: &[&str] = &[
    "ac", "co", "com", "edu", "gob", "gov", "go", "info", "mil", "ne", "net", "nic", "or", "org",
];

/// The registrable part of a host (`feeds.bbci.co.uk` → `bbci.co.uk`,
/// `www.tolonews.com` → `tolonews.com`); IP addresses are returned whole.
pub(crate) fn site_of(host: &str) -> String {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host.starts_with('[') || host.parse::<std::net::Ipv4Addr>().is_ok() {
        return host;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    if n <= 2 {
        return host;
    }
    let take = if labels[n - 1].len() == 2 && SECOND_LEVEL.contains(&labels[n - 2]) {
        3
    } else {
        2
    };
    labels[n - take..].join(".")
}

/// Whether two URLs are on the same site: the same registrable host, or
/// subdomains of it.
pub(crate) fn same_site(a: &Url, b: &Url) -> bool {
    match (a.host_str(), b.host_str()) {
        (Some(x), Some(y)) => site_of(x) == site_of(y),
        _ => false,
    }
}

/// White space collapsed to single spaces and trimmed; `None` when empty.
pub(crate) fn clean_text(s: &str) -> Option<String> {
    let out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!out.is_empty()).then_some(out)
}

/// The text of a string that may hold HTML markup (an RSS description, an
/// Atom `type="html"` title), white space collapsed; its nesting capped
/// first, as for pages ([`khabar_extract::limit_nesting`]).
pub(crate) fn markup_to_text(s: &str) -> Option<String> {
    if s.contains('<') || s.contains('&') {
        let doc = dom_query::Document::fragment(khabar_extract::limit_nesting(s).as_ref());
        clean_text(&doc.text())
    } else {
        clean_text(s)
    }
}

/// Bytes as text: UTF-8 (after a BOM), else a lossy conversion. Charset
/// decoding is the fetcher's job; this only keeps a stray byte from failing
/// a whole page.
pub(crate) fn text_of(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8_lossy(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registrable_hosts() {
        assert_eq!(site_of("feeds.bbci.co.uk"), "bbci.co.uk");
        assert_eq!(site_of("www.tolonews.com"), "tolonews.com");
        assert_eq!(site_of("moe.gov.af"), "moe.gov.af");
        assert_eq!(site_of("example.org"), "example.org");
        assert_eq!(site_of("127.0.0.1"), "127.0.0.1");
        assert_ne!(site_of("evil.co.uk"), site_of("bbc.co.uk"));
    }

    #[test]
    fn resolves_relative_and_refuses_other_schemes() {
        let base = Url::parse("https://example.org/news/").unwrap();
        let (abs, canon) = resolve(Some(&base), "a?utm_source=x#top").unwrap();
        assert_eq!(abs, "https://example.org/news/a?utm_source=x#top");
        assert_eq!(canon, "https://example.org/news/a");
        assert!(resolve(Some(&base), "javascript:alert(1)").is_none());
        assert!(resolve(Some(&base), "mailto:a@example.org").is_none());
        assert!(resolve(None, "/relative").is_none());
    }

    #[test]
    fn markup_becomes_text() {
        assert_eq!(
            markup_to_text("<p>One <b>two</b></p>\n<p>three &amp; four</p>").as_deref(),
            Some("One two three & four")
        );
        assert_eq!(markup_to_text("  "), None);
    }
}
