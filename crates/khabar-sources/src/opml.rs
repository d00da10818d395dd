//! OPML import and export of the source catalog.

use khabar_model::{Source, SourceKind};
use quick_xml::events::{BytesStart, Event};

use crate::xml::{MAX_DEPTH, attr, local};
use crate::{Error, Result};

/// One feed of an OPML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpmlFeed {
    /// The outline's `title`, else its `text`, else its URL.
    pub title: String,
    /// The feed URL (`xmlUrl`), as written, trimmed. Not checked here: the
    /// caller validates it (it may not be http(s)).
    pub xml_url: String,
    /// The site's page (`htmlUrl`).
    pub html_url: Option<String>,
    /// The outline's `language`, as written.
    pub lang: Option<String>,
    /// What the URL is: [`SourceKind::Feed`] for `xmlUrl` outlines; khabar's
    /// own export also writes sitemap and page sources (see [`write_opml`]).
    pub kind: SourceKind,
    /// The titles of the enclosing outlines, outermost first
    /// (`["News", "Afghan outlets"]`); empty at the top level.
    pub category: Vec<String>,
}

/// Reads the feeds of an OPML file: every `<outline>` with an `xmlUrl`, at
/// any depth, with the titles of the outlines around it as its category.
/// Outlines without `xmlUrl` are folders, except khabar's own
/// `type="link"` outlines with a `khabarKind` (sitemap and page sources).
///
/// Errors when the text is not XML, its root is not `<opml>`, or it has no
/// `<body>`. DTD entities are never expanded.
pub fn parse_opml(text: &str) -> Result<Vec<OpmlFeed>> {
    let mut reader = quick_xml::Reader::from_str(text.trim_start_matches('\u{feff}'));
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut depth = 0usize;
    let mut root_seen = false;
    let mut body_seen = false;
    let mut out = Vec::new();
    loop {
        let ev = reader.read_event().map_err(|e| {
            Error::Opml(format!(
                "bad XML near byte {}: {e}",
                reader.error_position()
            ))
        })?;
        match ev {
            Event::Start(e) | Event::Empty(e) if !root_seen => {
                let name = local(&e);
                if name != "opml" {
                    return Err(Error::Opml(format!(
                        "the root element is <{name}>, not <opml>"
                    )));
                }
                root_seen = true;
                depth += 1;
            }
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Error::Opml(format!(
                        "outlines nested deeper than {MAX_DEPTH}"
                    )));
                }
                match local(&e).as_str() {
                    "body" => body_seen = true,
                    "outline" => {
                        let feed = outline(&e, &folders);
                        let folder = match &feed {
                            Some(f) => Some(f.title.clone()),
                            None => attr(&e, "title").or_else(|| attr(&e, "text")),
                        };
                        out.extend(feed);
                        folders.push(folder);
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => match local(&e).as_str() {
                "outline" => out.extend(outline(&e, &folders)),
                "body" => body_seen = true,
                _ => {}
            },
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                let n = e.local_name();
                let n: &str = n.as_ref();
                if n.eq_ignore_ascii_case("outline") {
                    folders.pop();
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_seen {
        return Err(Error::Opml("there is no <opml> element in it".into()));
    }
    if !body_seen {
        return Err(Error::Opml("it has no <body>".into()));
    }
    Ok(out)
}

fn outline(e: &BytesStart<'_>, folders: &[Option<String>]) -> Option<OpmlFeed> {
    let (url, kind) = match attr(e, "xmlUrl") {
        Some(u) => (u, SourceKind::Feed),
        None => {
            let kind = attr(e, "khabarKind")?.parse::<SourceKind>().ok()?;
            (attr(e, "url")?, kind)
        }
    };
    Some(OpmlFeed {
        title: attr(e, "title")
            .or_else(|| attr(e, "text"))
            .unwrap_or_else(|| url.clone()),
        xml_url: url,
        html_url: attr(e, "htmlUrl"),
        lang: attr(e, "language"),
        kind,
        category: folders.iter().flatten().cloned().collect(),
    })
}

/// The sources as an OPML 2.0 document titled `title`. Feeds are written as
/// `type="rss"` outlines with `xmlUrl` (what every feed reader imports);
/// sitemap and page sources, which feed readers cannot read, as
/// `type="link"` outlines with `url` and `khabarKind`, which
/// [`parse_opml`] reads back. Every value is escaped.
pub fn write_opml(sources: &[Source], title: &str) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n");
    out.push_str("  <head>\n    <title>");
    out.push_str(&escape(title));
    out.push_str("</title>\n  </head>\n  <body>\n");
    for s in sources {
        let name = escape(&s.name);
        out.push_str("    <outline ");
        match s.kind {
            SourceKind::Feed => out.push_str(&format!(
                "type=\"rss\" text=\"{name}\" title=\"{name}\" xmlUrl=\"{}\"",
                escape(&s.url)
            )),
            kind => out.push_str(&format!(
                "type=\"link\" text=\"{name}\" title=\"{name}\" url=\"{}\" khabarKind=\"{}\"",
                escape(&s.url),
                kind.as_str()
            )),
        }
        if let Some(lang) = &s.lang {
            out.push_str(&format!(" language=\"{}\"", escape(lang.as_str())));
        }
        out.push_str("/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

/// Escapes text for an XML attribute or element. Control characters that
/// XML 1.0 cannot carry are dropped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}
