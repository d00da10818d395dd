//! Exports of stored articles: digest text, Markdown, a standalone HTML page
//! and JSON.

use khabar_model::{Article, ArticleDraft, BlockKind};
use serde_json::{Value, json};

use crate::digest::write_digest;

/// The articles in the digest text format (see [`write_digest`]).
pub fn to_text(articles: &[Article]) -> String {
    let drafts: Vec<ArticleDraft> = articles.iter().map(Article::to_draft).collect();
    write_digest(&drafts)
}

/// What is known about an article besides its text, in display order:
/// byline, source, publication time (with the outlet's offset) and language.
fn meta_parts(a: &Article) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(b) = a.byline.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
        parts.push(format!("By {b}"));
    }
    if let Some(s) = a.source.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        parts.push(s.to_string());
    }
    if let Some(t) = a.published_at {
        parts.push(t.format("%Y-%m-%d %H:%M %:z").to_string());
    }
    if let Some(t) = a.modified_at.filter(|m| Some(*m) != a.published_at) {
        parts.push(format!("updated {}", t.format("%Y-%m-%d %H:%M %:z")));
    }
    if let Some(l) = &a.lang {
        parts.push(l.to_string());
    }
    parts
}

/// The URL if it is an `http` or `https` URL without white space or angle
/// brackets: the only URLs an export turns into links.
fn web_url(url: Option<&str>) -> Option<&str> {
    let url = url?.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    let clean = !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>'));
    (web && clean).then_some(url)
}

// ---------------------------------------------------------------- Markdown

/// The articles as a Markdown document: `# {title}`, then per article a
/// `## ` heading, an italic line with byline, source, time and language (what
/// is known), the teaser in bold, the body and a `[Read more](<url>)` link
/// for web URLs. In the body, headings are `### ` headings, block quotes `>`
/// lines, list items `-` lines (one list while they follow each other),
/// preformatted text a fenced block, and verse lines of a paragraph end with
/// two spaces (a hard break).
///
/// Text is escaped so that it cannot make structure: `\`, `` ` ``, `*`, `_`,
/// `[`, `]` and `<` everywhere, and block markers (`#`, `>`, `-`, `+`, `=`,
/// `|`, `~`, `1.`) at the start of a line.
pub fn to_markdown(articles: &[Article], title: &str) -> String {
    let mut out = format!("# {}\n", md_line(&one_line(title)));
    for a in articles {
        out.push_str("\n## ");
        out.push_str(&md_line(&one_line(&a.title)));
        out.push('\n');
        let meta = meta_parts(a);
        if !meta.is_empty() {
            let meta: Vec<String> = meta.iter().map(|m| md_inline(m)).collect();
            out.push_str(&format!("\n*{}*\n", meta.join(" · ")));
        }
        if let Some(t) = a.teaser.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            out.push_str(&format!("\n**{}**\n", md_inline(&one_line(t))));
        }
        let mut prev = None;
        for (kind, p) in body(a) {
            // List items follow each other on single lines.
            if !(prev == Some(BlockKind::ListItem) && kind == BlockKind::ListItem) {
                out.push('\n');
            }
            if kind == BlockKind::Preformatted {
                // A fence longer than any run of backticks inside.
                let longest = p.split(|c| c != '`').map(str::len).max().unwrap_or(0);
                let fence = "`".repeat(longest.max(2) + 1);
                out.push_str(&format!("{fence}\n{p}\n{fence}\n"));
                prev = Some(kind);
                continue;
            }
            let lines: Vec<String> = p
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(md_line)
                .collect();
            match kind {
                BlockKind::Heading => {
                    out.push_str("### ");
                    out.push_str(&md_heading(&lines.join(" ")));
                }
                BlockKind::Quote => out.push_str(&format!("> {}", lines.join("  \n> "))),
                BlockKind::ListItem => out.push_str(&format!("- {}", lines.join("  \n  "))),
                _ => out.push_str(&lines.join("  \n")),
            }
            out.push('\n');
            prev = Some(kind);
        }
        if let Some(url) = web_url(a.url.as_deref()) {
            out.push_str(&format!("\n[Read more](<{url}>)\n"));
        }
    }
    out
}

/// The body's paragraphs that hold words, with their kinds; trimmed, except
/// preformatted text, whose indentation is kept (only blank lines around it go).
fn body(a: &Article) -> impl Iterator<Item = (BlockKind, &str)> {
    a.paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let kind = a.kind(i);
            let p = if kind == BlockKind::Preformatted {
                p.trim_end().trim_start_matches(['\n', '\r'])
            } else {
                p.trim()
            };
            (kind, p)
        })
        .filter(|(_, p)| !p.trim().is_empty())
}

/// Escapes the characters that start inline structure (emphasis, code,
/// links, HTML) and the backslash itself.
fn md_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One line of Markdown text: inline escapes, plus a backslash before a
/// character that would start a block (heading, quote, list, rule, table,
/// setext underline, fence) at the start of the line.
fn md_line(line: &str) -> String {
    let esc = md_inline(line);
    let first = esc.chars().next();
    if matches!(first, Some('#' | '>' | '-' | '+' | '=' | '|' | '~')) {
        return format!("\\{esc}");
    }
    // An ordered list marker: digits followed by `.` or `)`.
    let digits = esc.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(esc[digits..].chars().next(), Some('.' | ')')) {
        return format!("{}\\{}", &esc[..digits], &esc[digits..]);
    }
    esc
}

/// An ATX heading's text: a run of `#` at its end would close the heading
/// and vanish, so its last `#` is escaped.
fn md_heading(escaped: &str) -> String {
    if escaped.ends_with('#') {
        let cut = escaped.len() - 1;
        format!("{}\\#", &escaped[..cut])
    } else {
        escaped.to_string()
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// -------------------------------------------------------------------- HTML

/// A small readable, print-friendly style for the exported page.
const CSS: &str = "\
body{margin:0;padding:1.5rem 1rem;background:#fff;color:#1a1a1a;\
font-family:Charter,'Iowan Old Style','Palatino Linotype',Georgia,serif;line-height:1.6}\
main{max-width:42rem;margin:0 auto}\
h1{font-size:1.8rem;line-height:1.2}\
h2{font-size:1.35rem;line-height:1.3;margin:0 0 .3rem}\
h3{font-size:1.1rem;line-height:1.3;margin:1.4rem 0 .3rem}\
blockquote{margin:1rem 0;padding:0 1rem;border-inline-start:3px solid #ccc;color:#333}\
pre{white-space:pre-wrap;font-size:.9rem;background:#f6f6f6;padding:.6rem}\
article{margin:2.5rem 0;padding-top:1.5rem;border-top:1px solid #ddd}\
.meta{color:#555;font-size:.9rem;margin:0 0 1rem}\
.teaser{font-weight:bold}\
a{color:#0645ad}\
@media print{body{padding:0;font-size:11pt}article{break-inside:avoid-page}\
a{color:inherit}a[href]::after{content:' (' attr(href) ')';font-size:.85em}}";

/// The articles as a standalone HTML5 page with an inline style and no
/// script. Each article is an `<article dir="auto">` (right-to-left text is
/// shown right-to-left) with its language when known; every piece of text is
/// escaped, and only `http`/`https` URLs are linked.
pub fn to_html(articles: &[Article], title: &str) -> String {
    let title = escape_html(&one_line(title));
    let mut out = String::new();
    out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<title>{title}</title>\n<style>{CSS}</style>\n</head>\n"
    ));
    out.push_str(&format!("<body>\n<main>\n<h1>{title}</h1>\n"));
    for a in articles {
        out.push_str("<article dir=\"auto\"");
        if let Some(lang) = &a.lang {
            out.push_str(&format!(" lang=\"{}\"", escape_html(lang.as_str())));
        }
        out.push_str(">\n");
        out.push_str(&format!(
            "<h2><bdi>{}</bdi></h2>\n",
            escape_html(&one_line(&a.title))
        ));
        let meta = meta_parts(a);
        if !meta.is_empty() {
            let meta: Vec<String> = meta
                .iter()
                .map(|m| format!("<bdi>{}</bdi>", escape_html(m)))
                .collect();
            out.push_str(&format!("<p class=\"meta\">{}</p>\n", meta.join(" · ")));
        }
        if let Some(t) = a.teaser.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            out.push_str(&format!(
                "<p class=\"teaser\">{}</p>\n",
                escape_html(&one_line(t))
            ));
        }
        out.push_str(&body_html(a));
        if let Some(url) = web_url(a.url.as_deref()) {
            out.push_str(&format!(
                "<p><a href=\"{}\" rel=\"noopener noreferrer\">read more</a></p>\n",
                escape_html(url)
            ));
        }
        out.push_str("</article>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// An article's body as HTML: `<p>` paragraphs (verse lines split by
/// `<br>`), `<h3>` headings, `<blockquote>`s, `<ul>` lists and `<pre>`
/// text, every piece of text escaped. The HTML export's articles and the
/// Atom entries' content.
pub fn body_html(a: &Article) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for (kind, p) in body(a) {
        match (in_list, kind == BlockKind::ListItem) {
            (false, true) => out.push_str("<ul>\n"),
            (true, false) => out.push_str("</ul>\n"),
            _ => {}
        }
        in_list = kind == BlockKind::ListItem;
        if kind == BlockKind::Preformatted {
            out.push_str(&format!("<pre>{}</pre>\n", escape_html(p)));
            continue;
        }
        let lines: Vec<String> = p
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(escape_html)
            .collect();
        let text = lines.join("<br>\n");
        match kind {
            BlockKind::Heading => out.push_str(&format!("<h3>{}</h3>\n", lines.join(" "))),
            BlockKind::Quote => out.push_str(&format!("<blockquote><p>{text}</p></blockquote>\n")),
            BlockKind::ListItem => out.push_str(&format!("<li>{text}</li>\n")),
            _ => out.push_str(&format!("<p>{text}</p>\n")),
        }
    }
    if in_list {
        out.push_str("</ul>\n");
    }
    out
}

/// Escapes text for HTML element content and double- or single-quoted
/// attribute values. Five replacements, so not worth a dependency.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

// -------------------------------------------------------------------- JSON

/// The articles as `{"articles": [...]}`, each with the summary fields of
/// [`article_json`] plus `text` (paragraphs joined by a blank line),
/// `modified_at` (when the outlet says it last changed it, RFC 3339 with
/// its offset), `paragraphs`, `kinds`, the kind of each paragraph (`paragraph`,
/// `heading`, `quote`, `list_item` or `preformatted`), and `embeds`, the
/// social media posts the page embedded.
pub fn to_json(articles: &[Article]) -> Value {
    let list: Vec<Value> = articles
        .iter()
        .map(|a| {
            let mut v = article_json(a);
            if let Value::Object(m) = &mut v {
                m.insert("text".into(), Value::String(a.text()));
                m.insert("paragraphs".into(), json!(a.paragraphs));
                m.insert("kinds".into(), json!(paragraph_kinds(a)));
                m.insert("embeds".into(), json!(a.embeds));
                m.insert(
                    "modified_at".into(),
                    json!(a.modified_at.map(|t| t.to_rfc3339())),
                );
            }
            v
        })
        .collect();
    json!({ "articles": list })
}

/// The kind of every paragraph of an article, one per paragraph.
pub fn paragraph_kinds(a: &Article) -> Vec<BlockKind> {
    (0..a.paragraphs.len()).map(|i| a.kind(i)).collect()
}

/// One article's summary, as `khabar articles --json` prints it: `id`, `url`,
/// `source`, `title`, `byline`, `teaser`, `published_at` (RFC 3339 with the
/// outlet's offset), `lang`, `topics`, `story`. Unknown values are `null`.
pub fn article_json(a: &Article) -> Value {
    json!({
        "id": a.id.0,
        "url": a.url,
        "source": a.source,
        "title": a.title,
        "byline": a.byline,
        "teaser": a.teaser,
        "published_at": a.published_at.map(|t| t.to_rfc3339()),
        "lang": a.lang.as_ref().map(|l| l.as_str()),
        "topics": a.topics,
        "story": a.story.map(|s| s.0),
    })
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};
    use khabar_model::{ArticleId, ContentHash, StoryId};

    use super::*;
    use crate::parse_digest;

    fn article(title: &str, paragraphs: &[&str]) -> Article {
        let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
        Article {
            id: ArticleId(7),
            url: None,
            canonical_url: None,
            external_id: None,
            source: None,
            content_hash: ContentHash::of(title, None, &paragraphs),
            title: title.into(),
            byline: None,
            teaser: None,
            published_at: None,
            modified_at: None,
            lang: None,
            paragraphs,
            kinds: vec![],
            embeds: vec![],
            fetched_at: Utc::now(),
            archive: None,
            topics: vec![],
            story: None,
        }
    }

    fn flood() -> Article {
        let mut a = article(
            "Flood in Varesh",
            &[
                "The Tamar river rose overnight. Roads closed.",
                "water at the door\nwater in the yard",
            ],
        );
        a.url = Some("https://example.org/news/1".into());
        a.canonical_url = a.url.clone();
        a.source = Some("Varesh Daily".into());
        a.byline = Some("Jane Doe".into());
        a.teaser = Some("The Tamar river rose overnight.".into());
        a.published_at = Some(DateTime::parse_from_rfc3339("2024-11-11T09:30:00+04:30").unwrap());
        a.lang = Some("en".parse().unwrap());
        a.topics = vec!["floods".into()];
        a.story = Some(StoryId(3));
        a
    }

    #[test]
    fn text_export_reads_back() {
        let a = flood();
        let back = parse_digest(&to_text(std::slice::from_ref(&a))).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].title, a.title);
        assert_eq!(back[0].byline, a.byline);
        assert_eq!(back[0].teaser, a.teaser);
        assert_eq!(back[0].paragraphs, a.paragraphs);
        assert_eq!(back[0].url, a.url);
    }

    #[test]
    fn markdown_layout() {
        let md = to_markdown(&[flood()], "Morning digest");
        assert!(
            md.starts_with("# Morning digest\n\n## Flood in Varesh\n"),
            "{md}"
        );
        assert!(
            md.contains("*By Jane Doe · Varesh Daily · 2024-11-11 09:30 +04:30 · en*"),
            "{md}"
        );
        assert!(
            md.contains("\n**The Tamar river rose overnight.**\n"),
            "{md}"
        );
        assert!(
            md.contains("\nwater at the door  \nwater in the yard\n"),
            "{md}"
        );
        assert!(
            md.contains("[Read more](<https://example.org/news/1>)"),
            "{md}"
        );
    }

    /// An article whose body has one block of every kind.
    fn structured() -> Article {
        let mut a = article(
            "Road report",
            &[
                "The road opened on Monday.",
                "What happened #",
                "first item",
                "second item\nwith a second line",
                "The road is open.\n— Ministry (@ministry), 3 March",
                "  let x = \"```\";\n    indented <b>",
                "Last words.",
            ],
        );
        a.kinds = vec![
            BlockKind::Paragraph,
            BlockKind::Heading,
            BlockKind::ListItem,
            BlockKind::ListItem,
            BlockKind::Quote,
            BlockKind::Preformatted,
        ];
        a
    }

    #[test]
    fn markdown_keeps_the_kind_of_each_paragraph() {
        let md = to_markdown(&[structured()], "Digest");
        let body = md.split("## Road report\n").nth(1).unwrap();
        assert_eq!(
            body,
            "\nThe road opened on Monday.\n\
             \n### What happened \\#\n\
             \n- first item\n- second item  \n  with a second line\n\
             \n> The road is open.  \n> — Ministry (@ministry), 3 March\n\
             \n````\n  let x = \"```\";\n    indented <b>\n````\n\
             \nLast words.\n",
            "{md}"
        );
    }

    #[test]
    fn html_keeps_the_kind_of_each_paragraph() {
        let html = to_html(&[structured()], "Digest");
        let start = html.find("<p>The road").unwrap();
        let end = html.find("</article>").unwrap();
        assert_eq!(
            &html[start..end],
            "<p>The road opened on Monday.</p>\n\
             <h3>What happened #</h3>\n\
             <ul>\n<li>first item</li>\n<li>second item<br>\nwith a second line</li>\n</ul>\n\
             <blockquote><p>The road is open.<br>\n— Ministry (@ministry), 3 March</p></blockquote>\n\
             <pre>  let x = &quot;```&quot;;\n    indented &lt;b&gt;</pre>\n\
             <p>Last words.</p>\n"
        );
        // A list that ends the body is closed.
        let mut a = article("List", &["intro", "only item"]);
        a.kinds = vec![BlockKind::Paragraph, BlockKind::ListItem];
        let html = to_html(&[a], "Digest");
        assert!(
            html.contains("<ul>\n<li>only item</li>\n</ul>\n</article>"),
            "{html}"
        );
        let v = to_json(&[structured()]);
        let kinds = v["articles"][0]["kinds"].as_array().unwrap();
        assert_eq!(kinds.len(), 7);
        assert_eq!(kinds[1], "heading");
        assert_eq!(kinds[5], "preformatted");
        assert_eq!(kinds[6], "paragraph");
    }

    #[test]
    fn markdown_cannot_inject_structure() {
        let mut a = article(
            "# x [a](b)",
            &["- not a list", "1. not a list", "> no quote *no em*"],
        );
        a.url = Some("javascript:alert(1)".into());
        let md = to_markdown(&[a], "[t](u)");
        assert!(md.starts_with("# \\[t\\](u)\n"), "{md}");
        assert!(md.contains("## \\# x \\[a\\](b)\n"), "{md}");
        assert!(md.contains("\n\\- not a list\n"), "{md}");
        assert!(md.contains("\n1\\. not a list\n"), "{md}");
        assert!(md.contains("\n\\> no quote \\*no em\\*\n"), "{md}");
        assert!(!md.contains("javascript"), "{md}");
    }

    #[test]
    fn html_page_layout() {
        let html = to_html(&[flood()], "Morning digest");
        assert!(
            html.starts_with("<!doctype html>\n<html lang=\"en\">"),
            "{html}"
        );
        assert!(html.contains("<title>Morning digest</title>"));
        assert!(html.contains("<h1>Morning digest</h1>"));
        assert!(html.contains("<article dir=\"auto\" lang=\"en\">"));
        assert!(html.contains("<h2><bdi>Flood in Varesh</bdi></h2>"));
        assert!(html.contains("<p class=\"teaser\">The Tamar river rose overnight.</p>"));
        assert!(html.contains("<p>water at the door<br>\nwater in the yard</p>"));
        assert!(html.contains(
            "<a href=\"https://example.org/news/1\" rel=\"noopener noreferrer\">read more</a>"
        ));
        assert!(html.contains("max-width:42rem"));
    }

    #[test]
    fn html_escapes_everything_and_links_only_web_urls() {
        let evil = "<script>alert(1)</script> \"onmouseover=alert(1) 'x' & more";
        let mut a = article(evil, &[evil, "ok\n<script>x</script>"]);
        a.byline = Some(evil.into());
        a.teaser = Some(evil.into());
        a.source = Some(evil.into());
        a.url = Some("javascript:alert(1)".into());
        let mut b = article("B", &["b."]);
        b.url = Some("https://example.org/?q=\"onmouseover=x".into());
        let html = to_html(&[a, b], evil);
        assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
        assert!(!html.contains("\"onmouseover"), "{html}");
        assert!(!html.contains("'x'"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;onmouseover=alert(1) &#39;x&#39; &amp; more"));
        assert!(
            html.contains("href=\"https://example.org/?q=&quot;onmouseover=x\""),
            "{html}"
        );
        // Every attribute value is closed by the quote that opened it.
        for tag in html.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap_or("");
            assert_eq!(tag.matches('"').count() % 2, 0, "{tag}");
        }
    }

    #[test]
    fn escape_html_replaces_five_characters() {
        assert_eq!(
            escape_html(r#"a&b<c>d"e'f خبر"#),
            "a&amp;b&lt;c&gt;d&quot;e&#39;f خبر"
        );
    }

    #[test]
    fn json_fields() {
        let v = to_json(&[flood(), article("Bare", &["p1", "p2"])]);
        let a = &v["articles"][0];
        assert_eq!(a["id"], 7);
        assert_eq!(a["url"], "https://example.org/news/1");
        assert_eq!(a["source"], "Varesh Daily");
        assert_eq!(a["title"], "Flood in Varesh");
        assert_eq!(a["byline"], "Jane Doe");
        assert_eq!(a["teaser"], "The Tamar river rose overnight.");
        assert_eq!(a["published_at"], "2024-11-11T09:30:00+04:30");
        assert_eq!(a["lang"], "en");
        assert_eq!(a["topics"], json!(["floods"]));
        assert_eq!(a["story"], 3);
        assert_eq!(
            a["text"],
            "The Tamar river rose overnight. Roads closed.\n\nwater at the door\nwater in the yard"
        );
        assert_eq!(a["paragraphs"].as_array().map(Vec::len), Some(2));
        let b = &v["articles"][1];
        assert!(b["url"].is_null() && b["published_at"].is_null() && b["story"].is_null());
        assert_eq!(b["text"], "p1\n\np2");

        let summary = article_json(&flood());
        let keys: Vec<&String> = summary.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 10);
        assert!(summary.get("text").is_none());
    }
}
