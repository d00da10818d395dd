//! Atom 1.0 feeds (RFC 4287) of stored articles.
//!
//! Every string is XML-escaped and stripped of the characters XML 1.0
//! forbids (C0 controls other than tab and newlines, lone surrogates cannot
//! occur in Rust strings, U+FFFE/U+FFFF), so a title full of markup or
//! control bytes still gives a well-formed feed. Only `http(s)` URLs become
//! `<link>`s. Ids are tag URIs (RFC 4151) that stay the same for an article
//! whatever address the feed is served from.
//!
//! ```
//! use khabar_publish::atom::{Entry, Feed};
//!
//! let feed = Feed {
//!     id: "tag:example.org,2024:feed".into(),
//!     title: "Latest <news>".into(),
//!     updated: "2024-06-01T08:00:00+04:30".into(),
//!     self_url: Some("https://example.org/feed.atom".into()),
//!     lang: None,
//!     entries: vec![Entry {
//!         id: "tag:example.org,2024:article/1".into(),
//!         title: "Bridge & road".into(),
//!         updated: "2024-06-01T08:00:00+04:30".into(),
//!         published: None,
//!         link: Some("https://example.org/a/1".into()),
//!         author: None,
//!         summary: Some("The bridge reopened.".into()),
//!         content: None,
//!         lang: Some("en".into()),
//!         categories: vec!["infrastructure".into()],
//!     }],
//! };
//! let xml = feed.to_xml();
//! assert!(xml.contains("<title>Bridge &amp; road</title>"));
//! assert!(xml.contains(r#"<entry xml:lang="en">"#));
//! ```

use khabar_model::Article;

/// A feed: its identity and its entries, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    /// A permanent IRI (a tag URI).
    pub id: String,
    pub title: String,
    /// RFC 3339.
    pub updated: String,
    /// Where the feed itself is served (`rel="self"`), when known.
    pub self_url: Option<String>,
    /// `xml:lang` of the feed.
    pub lang: Option<String>,
    pub entries: Vec<Entry>,
}

/// One entry of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub title: String,
    /// RFC 3339.
    pub updated: String,
    /// RFC 3339.
    pub published: Option<String>,
    /// `rel="alternate"`: written only for an `http(s)` URL.
    pub link: Option<String>,
    pub author: Option<String>,
    /// Plain text.
    pub summary: Option<String>,
    /// The whole text as HTML (`<content type="html">`), so that a feed
    /// reader shows the article without fetching the outlet's page.
    pub content: Option<String>,
    /// `xml:lang` of the entry.
    pub lang: Option<String>,
    pub categories: Vec<String>,
}

impl Entry {
    /// The entry of a stored article: `id` is `tag:{authority},2024:article/{id}`,
    /// `updated` the time the outlet says it changed it (else the
    /// publication time, else the fetch time) with the outlet's offset,
    /// `link` the article's original URL, `summary` its teaser (else its
    /// first paragraph), `content` its text as HTML (see
    /// [`crate::body_html`], in a `<div dir="auto">`), categories its topics.
    pub fn from_article(a: &Article, authority: &str) -> Entry {
        let published = a.published_at.map(|t| t.to_rfc3339());
        let fetched = a.fetched_at.to_rfc3339();
        let summary = a
            .teaser
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .or_else(|| a.paragraphs.first().map(String::as_str))
            .map(|s| s.trim().to_string());
        Entry {
            id: tag_uri(authority, &format!("article/{}", a.id.0)),
            title: a.title.clone(),
            updated: match (a.modified_at, a.published_at) {
                // A change stated before the publication is no change.
                (Some(m), Some(p)) if m < p => p.to_rfc3339(),
                (Some(m), _) => m.to_rfc3339(),
                _ => published.clone().unwrap_or(fetched),
            },
            published,
            link: a.url.clone(),
            author: a
                .byline
                .clone()
                .or_else(|| a.source.clone())
                .filter(|s| !s.trim().is_empty()),
            summary,
            // `dir="auto"`: a reader shows a Dari or Pashto text right to left.
            content: Some(crate::body_html(a))
                .filter(|h| !h.is_empty())
                .map(|h| format!("<div dir=\"auto\">\n{h}</div>")),
            lang: a.lang.as_ref().map(|l| l.as_str().to_string()),
            categories: a.topics.clone(),
        }
    }
}

/// A tag URI (RFC 4151) under `authority` (a domain name khabar's operator
/// controls, or `khabar.localhost`) for `specific`.
pub fn tag_uri(authority: &str, specific: &str) -> String {
    format!("tag:{authority},2024:{specific}")
}

impl Feed {
    /// The feed as an Atom 1.0 document.
    pub fn to_xml(&self) -> String {
        let mut x = String::with_capacity(1024 + self.entries.len() * 1024);
        x.push_str(r#"<?xml version="1.0" encoding="utf-8"?>"#);
        x.push('\n');
        x.push_str(r#"<feed xmlns="http://www.w3.org/2005/Atom""#);
        if let Some(l) = self.lang.as_deref().filter(|l| is_lang(l)) {
            x.push_str(" xml:lang=\"");
            x.push_str(l);
            x.push('"');
        }
        x.push_str(">\n");
        element(&mut x, "id", &self.id);
        element(&mut x, "title", &self.title);
        element(&mut x, "updated", &self.updated);
        x.push_str("<author><name>khabar</name></author>\n");
        x.push_str(r#"<generator uri="https://github.com/khabar-news/khabar">khabar</generator>"#);
        x.push('\n');
        if let Some(u) = self.self_url.as_deref().filter(|u| is_web_url(u)) {
            x.push_str(r#"<link rel="self" type="application/atom+xml" href=""#);
            x.push_str(&escape(u));
            x.push_str("\"/>\n");
        }
        for e in &self.entries {
            x.push_str("<entry");
            if let Some(l) = e.lang.as_deref().filter(|l| is_lang(l)) {
                x.push_str(" xml:lang=\"");
                x.push_str(l);
                x.push('"');
            }
            x.push_str(">\n");
            element(&mut x, "id", &e.id);
            element(&mut x, "title", &e.title);
            element(&mut x, "updated", &e.updated);
            if let Some(p) = &e.published {
                element(&mut x, "published", p);
            }
            if let Some(a) = &e.author {
                x.push_str("<author>");
                element(&mut x, "name", a);
                x.push_str("</author>\n");
            }
            if let Some(u) = e.link.as_deref().map(str::trim).filter(|u| is_web_url(u)) {
                x.push_str(r#"<link rel="alternate" type="text/html" href=""#);
                x.push_str(&escape(u));
                x.push_str("\"/>\n");
            }
            for c in &e.categories {
                x.push_str("<category term=\"");
                x.push_str(&escape(c));
                x.push_str("\"/>\n");
            }
            // Atom needs content or an alternate link; a summary is
            // always written so that every entry is valid on its own.
            let summary = e.summary.as_deref().unwrap_or(&e.title);
            x.push_str("<summary type=\"text\">");
            x.push_str(&escape(summary));
            x.push_str("</summary>\n");
            if let Some(c) = &e.content {
                x.push_str("<content type=\"html\">");
                x.push_str(&escape(c));
                x.push_str("</content>\n");
            }
            x.push_str("</entry>\n");
        }
        x.push_str("</feed>\n");
        x
    }
}

fn element(x: &mut String, name: &str, text: &str) {
    x.push('<');
    x.push_str(name);
    x.push('>');
    x.push_str(&escape(text));
    x.push_str("</");
    x.push_str(name);
    x.push_str(">\n");
}

/// Escapes markup characters and drops the characters XML 1.0 does not allow.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn is_web_url(u: &str) -> bool {
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !u.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A plausible language tag (letters, digits and hyphens), so that a stored
/// value can never break out of the attribute.
fn is_lang(l: &str) -> bool {
    !l.is_empty() && l.len() <= 35 && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(title: &str, link: Option<&str>) -> Entry {
        Entry {
            id: tag_uri("example.org", "article/1"),
            title: title.into(),
            updated: "2024-06-01T00:00:00Z".into(),
            published: None,
            link: link.map(Into::into),
            author: Some("A \u{1}B".into()),
            summary: None,
            content: None,
            lang: Some("fa\" onload=\"x".into()),
            categories: vec!["<b>".into()],
        }
    }

    #[test]
    fn an_entry_is_updated_when_the_outlet_changed_the_article() {
        let t = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
        let mut a = Article {
            id: khabar_model::ArticleId(3),
            url: Some("https://example.org/a".into()),
            canonical_url: None,
            external_id: None,
            source: Some("Example".into()),
            title: "T".into(),
            byline: None,
            teaser: None,
            published_at: Some(t("2024-11-11T09:30:00+04:30")),
            modified_at: Some(t("2024-11-12T08:00:00+04:30")),
            lang: None,
            paragraphs: vec!["p".into()],
            kinds: vec![],
            embeds: vec![],
            content_hash: khabar_model::ContentHash::of("T", None, &["p".into()]),
            fetched_at: chrono::Utc::now(),
            archive: None,
            topics: vec![],
            story: None,
        };
        let e = Entry::from_article(&a, "example.org");
        assert_eq!(e.updated, "2024-11-12T08:00:00+04:30");
        assert_eq!(
            e.content.as_deref(),
            Some("<div dir=\"auto\">\n<p>p</p>\n</div>")
        );
        assert_eq!(e.published.as_deref(), Some("2024-11-11T09:30:00+04:30"));
        let xml = Feed {
            id: "tag:example.org,2024:feed".into(),
            title: "F".into(),
            updated: e.updated.clone(),
            self_url: None,
            lang: None,
            entries: vec![e],
        }
        .to_xml();
        assert!(
            xml.contains(
                "<content type=\"html\">&lt;div dir=&quot;auto&quot;&gt;\n&lt;p&gt;p&lt;/p&gt;\n&lt;/div&gt;</content>"
            ),
            "{xml}"
        );
        // A change stated before the publication is none.
        a.modified_at = Some(t("2024-11-10T08:00:00+04:30"));
        assert_eq!(
            Entry::from_article(&a, "example.org").updated,
            "2024-11-11T09:30:00+04:30"
        );
        a.modified_at = None;
        assert_eq!(
            Entry::from_article(&a, "example.org").updated,
            "2024-11-11T09:30:00+04:30"
        );
    }

    #[test]
    fn markup_and_control_characters_are_neutralised() {
        let feed = Feed {
            id: "tag:example.org,2024:feed".into(),
            title: "<script>alert(1)</script>".into(),
            updated: "2024-06-01T00:00:00Z".into(),
            self_url: Some("javascript:alert(1)".into()),
            lang: Some("en".into()),
            entries: vec![
                entry(
                    "\"><img src=x onerror=alert(1)>",
                    Some("javascript:alert(1)"),
                ),
                entry("ok", Some("https://example.org/a?x=1&y=2")),
            ],
        };
        let xml = feed.to_xml();
        assert!(!xml.contains("<script"), "{xml}");
        assert!(!xml.contains("<img"), "{xml}");
        assert!(!xml.contains("javascript:"), "{xml}");
        assert!(!xml.contains('\u{1}'));
        assert!(!xml.contains("onload=\"x"), "{xml}");
        assert!(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(xml.contains(r#"href="https://example.org/a?x=1&amp;y=2""#));
        assert!(xml.contains(r#"<category term="&lt;b&gt;"/>"#));
        assert_eq!(xml.matches("<entry").count(), 2);
        // Every entry has a summary, so entries without a link stay valid.
        assert_eq!(xml.matches("<summary").count(), 2);
    }
}
