//! Article links on an HTML section page, and a page's `<link rel=canonical>`.

use std::collections::HashMap;

use dom_query::Document;
use url::Url;

use crate::site::{clean_text, resolve, same_site, text_of};
use khabar_model::Lang;

use crate::Candidate;

/// Containers whose links are site chrome, not the listing.
const CHROME: &str = "nav, header, footer, aside, [role=navigation], [role=banner], \
    [role=contentinfo], [role=complementary], form, noscript, template";

/// Path segments that mark a page as something other than an article.
const NOT_ARTICLE_SEGMENTS: &[&str] = &[
    "tag",
    "tags",
    "topic",
    "topics",
    "author",
    "authors",
    "writer",
    "category",
    "categories",
    "login",
    "logout",
    "signin",
    "sign-in",
    "signup",
    "sign-up",
    "register",
    "account",
    "subscribe",
    "newsletter",
    "newsletters",
    "share",
    "sharer",
    "search",
    "page",
    "feed",
    "rss",
    "contact",
    "contact-us",
    "about",
    "about-us",
    "privacy",
    "privacy-policy",
    "terms",
    "cookies",
    "advertise",
    "wp-admin",
    "wp-login.php",
    "cdn-cgi",
    "amp",
];

/// File endings of media and documents, not article pages.
const MEDIA_ENDINGS: &[&str] = &[
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".bmp", ".tif", ".tiff", ".avif",
    ".mp3", ".mp4", ".m4a", ".m4v", ".ogg", ".wav", ".webm", ".mov", ".avi", ".pdf", ".zip",
    ".rar", ".gz", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".css", ".js", ".json",
    ".xml", ".rss", ".atom", ".txt", ".epub", ".apk", ".exe",
];

/// Query parameters that page through a listing or share a link.
const NOT_ARTICLE_PARAMS: &[&str] = &["page", "paged", "pg", "share", "replytocom", "s", "q"];

/// The article links of an HTML section or listing page, in page order,
/// each once (by canonical URL), with the anchor text (or the link's
/// `title`, or an image's `alt`) as title.
///
/// A link is kept when it is http(s), on the same site as `page_url` (the
/// same registrable host or a subdomain of it), not the page itself, not in
/// the page's navigation, header, footer or sidebars, and not an obvious
/// non-article: tag, topic, author and category pages, login and share
/// links, search, pagination (`/page/2`, `?page=2`), feeds and media files.
///
/// Without `pattern`, a link must also look like an article: its last path
/// segment holds a digit or non-ASCII text, or is a slug of at least three
/// words, or ends in `.html`/`.htm`/`.php`/`.aspx`; section links such as
/// `/politics` are dropped. With `pattern`, the canonical URL must match it
/// instead: a plain substring, or a glob where `*` stands for any run of
/// characters (`/news/*/2024/`), matched anywhere in the URL.
pub fn links_from_page(html: &[u8], page_url: &str, pattern: Option<&str>) -> Vec<Candidate> {
    let Ok(page) = Url::parse(page_url) else {
        return Vec::new();
    };
    let page_canonical = resolve(None, page_url).map(|(_, c)| c);
    let doc = parse(html);
    let base = base_url(&doc, &page);
    let lang = doc
        .select("html")
        .attr("lang")
        .and_then(|l| l.parse::<Lang>().ok());
    doc.select(CHROME).remove();

    let pattern = pattern.map(str::trim).filter(|p| !p.is_empty());
    let mut out: Vec<Candidate> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for a in doc.select("a[href]").iter() {
        let Some(href) = a.attr("href") else { continue };
        let Some((raw_url, url)) = resolve(Some(&base), &href) else {
            continue;
        };
        if Some(&url) == page_canonical.as_ref() {
            continue;
        }
        let Ok(parsed) = Url::parse(&url) else {
            continue;
        };
        if !same_site(&parsed, &page) || is_not_article(&parsed) {
            continue;
        }
        let keep = match pattern {
            Some(p) => glob_find(p, &url),
            None => looks_like_article(&parsed),
        };
        if !keep {
            continue;
        }
        let title = clean_text(&a.text())
            .or_else(|| a.attr("title").and_then(|t| clean_text(&t)))
            .or_else(|| {
                a.select("img[alt]")
                    .attr("alt")
                    .and_then(|t| clean_text(&t))
            });
        match index.get(&url) {
            Some(&i) => {
                // An image link and a headline link often lead to the same
                // article: keep the longer text as its title.
                let c = &mut out[i];
                if title.as_ref().map_or(0, String::len) > c.title.as_ref().map_or(0, String::len) {
                    c.title = title;
                }
            }
            None => {
                index.insert(url.clone(), out.len());
                out.push(Candidate {
                    url,
                    raw_url,
                    title,
                    published_at: None,
                    guid: None,
                    summary: None,
                    lang: lang.clone(),
                });
            }
        }
    }
    out
}

/// The page parsed, its nesting capped ([`khabar_extract::limit_nesting`]):
/// a page nested tens of thousands of elements deep would cost the parser
/// minutes.
fn parse(html: &[u8]) -> Document {
    Document::from(khabar_extract::limit_nesting(&text_of(html)).as_ref())
}

/// The page's `<link rel="canonical">`, resolved against `page_url` (and
/// `<base href>`) and canonicalised. A canonical link to another site is
/// ignored: a page must not be able to claim another outlet's URL (and so
/// overwrite that outlet's article under the same key).
pub fn canonical_link(html: &[u8], page_url: &str) -> Option<String> {
    let page = Url::parse(page_url).ok()?;
    let doc = parse(html);
    let base = base_url(&doc, &page);
    doc.select("link[rel][href]").iter().find_map(|l| {
        let rel = l.attr("rel")?;
        if !rel
            .split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case("canonical"))
        {
            return None;
        }
        let (_, canonical) = resolve(Some(&base), &l.attr("href")?)?;
        same_site(&Url::parse(&canonical).ok()?, &page).then_some(canonical)
    })
}

/// `<base href>` when present and http(s), else the page URL.
fn base_url(doc: &Document, page: &Url) -> Url {
    doc.select("base[href]")
        .attr("href")
        .and_then(|h| page.join(h.trim()).ok())
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .unwrap_or_else(|| page.clone())
}

fn segments(url: &Url) -> Vec<String> {
    url.path_segments()
        .map(|s| {
            s.filter(|s| !s.is_empty())
                .map(|s| s.to_ascii_lowercase())
                .collect()
        })
        .unwrap_or_default()
}

fn is_not_article(url: &Url) -> bool {
    let segs = segments(url);
    let Some(last) = segs.last() else {
        return true; // the home page
    };
    if segs
        .iter()
        .any(|s| NOT_ARTICLE_SEGMENTS.contains(&s.as_str()))
    {
        return true;
    }
    if MEDIA_ENDINGS.iter().any(|e| last.ends_with(e)) {
        return true;
    }
    url.query_pairs().any(|(k, _)| {
        let k = k.to_ascii_lowercase();
        NOT_ARTICLE_PARAMS.contains(&k.as_str())
    })
}

fn looks_like_article(url: &Url) -> bool {
    let segs = segments(url);
    let Some(last) = segs.last() else {
        return false;
    };
    // Percent-encoded text (a Persian or Pashto slug) is non-ASCII.
    last.bytes().any(|b| b.is_ascii_digit() || b == b'%')
        || last.split(['-', '_']).filter(|w| !w.is_empty()).count() >= 3
        || [".html", ".htm", ".php", ".aspx", ".asp"]
            .iter()
            .any(|e| last.ends_with(e))
        || url
            .query_pairs()
            .any(|(k, _)| matches!(k.as_ref(), "id" | "p" | "nid"))
}

/// Whether `pattern` occurs in `text`, `*` standing for any run of
/// characters. Matching is ASCII case-insensitive.
pub(crate) fn glob_find(pattern: &str, text: &str) -> bool {
    let text = text.to_ascii_lowercase();
    let pattern = pattern.to_ascii_lowercase();
    let mut at = 0;
    for part in pattern.split('*').filter(|p| !p.is_empty()) {
        match text[at..].find(part) {
            Some(i) => at += i + part.len(),
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_and_substring() {
        assert!(glob_find("/news/", "https://x.org/news/a-1"));
        assert!(glob_find(
            "/news/*/2024/",
            "https://x.org/news/world/2024/a"
        ));
        assert!(!glob_find(
            "/news/*/2023/",
            "https://x.org/news/world/2024/a"
        ));
        assert!(glob_find("*", "https://x.org/"));
        assert!(!glob_find("/sport/", "https://x.org/news/a"));
    }

    #[test]
    fn article_shapes() {
        let u = |s: &str| Url::parse(s).unwrap();
        assert!(looks_like_article(&u("https://x.org/news/12345")));
        assert!(looks_like_article(&u(
            "https://x.org/taliban-ban-on-girls-school/"
        )));
        assert!(looks_like_article(&u(
            "https://x.org/fa/%D8%AE%D8%A8%D8%B1"
        )));
        assert!(!looks_like_article(&u("https://x.org/politics")));
        assert!(is_not_article(&u("https://x.org/tag/kabul")));
        assert!(is_not_article(&u("https://x.org/news/page/2")));
        assert!(is_not_article(&u("https://x.org/news?page=2")));
        assert!(is_not_article(&u("https://x.org/photo-123.jpg")));
        assert!(is_not_article(&u("https://x.org/")));
    }
}
