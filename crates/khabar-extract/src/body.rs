//! The main text: pre-cleaning rules, the readability core (dom_smoothie),
//! and the conversion of the kept HTML into marked blocks.

use dom_query::{Document, NodeRef};
use serde::Serialize;

/// What a block of the main text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    /// A heading inside the text (`<h2>`…), not the title.
    Heading,
    /// A block quote (`<blockquote>`).
    Quote,
    /// An item of a list.
    ListItem,
    /// Preformatted text (`<pre>`), line breaks kept.
    Preformatted,
}

/// One block of the main text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "button", "select", "option", "textarea",
    "input", "iframe", "object", "embed", "canvas", "head", "title", "meta", "link",
];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "figure",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "details",
    "summary",
    "hr",
    "address",
    "center",
    "form",
    "fieldset",
    "caption",
    "figcaption",
    "body",
    "html",
];

struct Walker {
    out: Vec<Block>,
    buf: String,
    /// Skip page furniture (navigation, footers, cookie boxes…) while walking.
    prune: bool,
    /// Text length above which an element is a container, never furniture.
    big: usize,
}

/// Elements that are never main text in a whole-page walk.
const FURNITURE_TAGS: &[&str] = &["nav", "header", "footer", "aside", "dialog", "menu"];

/// Class and id words of furniture (matched as whole words of the class,
/// split on white space, `-` and `_`).
const FURNITURE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "footer",
    "header",
    "masthead",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "subscription",
    "share",
    "sharing",
    "social",
    "popup",
    "modal",
    "overlay",
    "banner",
    "skip",
    "related",
    "recommended",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsor",
    "sponsored",
    "toolbar",
    "pagination",
    "pager",
    "login",
    "signup",
    "search",
    "topbar",
    "offcanvas",
    "drawer",
];

fn is_furniture(node: &NodeRef, name: &str, big: usize) -> bool {
    if FURNITURE_TAGS.contains(&name) {
        return crate::textlen::shorter_than(node, big);
    }
    let small = big / 3;
    if node.has_attr("hidden") || node.attr("aria-hidden").is_some_and(|v| &*v == "true") {
        return crate::textlen::shorter_than(node, small);
    }
    if let Some(role) = node.attr("role")
        && matches!(
            &*role,
            "navigation" | "banner" | "contentinfo" | "search" | "dialog" | "complementary"
        )
    {
        return crate::textlen::shorter_than(node, big);
    }
    if matches!(name, "main" | "article" | "body") {
        return false;
    }
    let class = node.attr("class").unwrap_or_default();
    let id = node.attr("id").unwrap_or_default();
    let hit = class
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .chain(id.split(['-', '_']))
        .any(|w| FURNITURE_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w)));
    hit && crate::textlen::shorter_than(node, small)
}

impl Walker {
    fn flush(&mut self, kind: BlockKind) {
        if self.buf.trim().is_empty() {
            self.buf.clear();
            return;
        }
        let text = if kind == BlockKind::Preformatted {
            self.buf.trim_matches('\n').trim_end().to_string()
        } else {
            normalize(&self.buf)
        };
        self.buf.clear();
        if !text.is_empty() {
            self.out.push(Block { kind, text });
        }
    }

    fn walk(&mut self, node: &NodeRef, kind: BlockKind) {
        for child in node.children_it(false) {
            if child.is_text() {
                self.buf.push_str(&child.text());
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = child.node_name().unwrap_or_default();
            let name = &*name;
            if SKIP.contains(&name) || (self.prune && is_furniture(&child, name, self.big)) {
                continue;
            }
            let inner = match name {
                "br" => {
                    self.buf.push('\n');
                    continue;
                }
                "td" | "th" => {
                    self.buf.push(' ');
                    self.walk(&child, kind);
                    self.buf.push(' ');
                    continue;
                }
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
                "blockquote" => BlockKind::Quote,
                "li" if kind == BlockKind::Paragraph => BlockKind::ListItem,
                "pre" => BlockKind::Preformatted,
                _ if BLOCKS.contains(&name) => kind,
                _ => {
                    self.walk(&child, kind);
                    continue;
                }
            };
            self.flush(kind);
            self.walk(&child, inner);
            self.flush(inner);
        }
    }
}

/// Collapses white space inside lines, keeps the line breaks of `<br>`,
/// drops empty lines.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split('\n') {
        let mut first = true;
        let mut line_out = String::new();
        for w in line.split_whitespace() {
            if !first {
                line_out.push(' ');
            }
            first = false;
            line_out.push_str(w);
        }
        if !line_out.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&line_out);
        }
    }
    out
}

/// Blocks of an HTML fragment (the readability core's output).
pub(crate) fn blocks_of(node: &NodeRef) -> Vec<Block> {
    let mut w = Walker {
        out: Vec::new(),
        buf: String::new(),
        prune: false,
        big: usize::MAX,
    };
    w.walk(node, BlockKind::Paragraph);
    w.flush(BlockKind::Paragraph);
    w.out
}

/// Blocks of a whole page, furniture left out: the main text of pages that
/// are not articles (listings, forums, products, documentation), whose
/// content is spread over many blocks rather than one.
pub(crate) fn blocks_of_page(body: &NodeRef, body_len: usize) -> Vec<Block> {
    let mut w = Walker {
        out: Vec::new(),
        buf: String::new(),
        prune: true,
        big: (body_len / 2).max(3000),
    };
    w.walk(body, BlockKind::Paragraph);
    w.flush(BlockKind::Paragraph);
    w.out
}

/// Blocks of an HTML string.
#[cfg(test)]
pub(crate) fn blocks_of_html(html: &str) -> Vec<Block> {
    let doc = Document::fragment(html);
    blocks_of(&doc.root())
}

/// Lines that are page furniture wherever they appear (compared
/// lower-cased, trailing punctuation removed).
const BOILERPLATE: &[&str] = &[
    "advertisement",
    "advertisement - continue reading below",
    "continue reading below",
    "story continues below advertisement",
    "article continues below advertisement",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share via email",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "read more",
    "read more:",
    "related",
    "related articles",
    "related stories",
    "related posts",
    "more stories",
    "recommended",
    "you may also like",
    "most popular",
    "most read",
    "skip to content",
    "skip to main content",
    "back to top",
    "print",
    "email",
    "comments",
    "leave a comment",
    "leave a reply",
    "loading...",
    "loading",
    "follow us",
    "tags",
    "tags:",
    "اشتراک گذاری",
    "بیشتر بخوانید",
    "مطالب مرتبط",
    "آگهی",
    "تبلیغات",
    "نظرات",
    "شریکول",
];

/// Whether a block is furniture: a known boilerplate line, or a cookie or
/// newsletter notice.
pub(crate) fn is_boilerplate(b: &Block) -> bool {
    let t = b
        .text
        .trim()
        .trim_end_matches(['.', ':', '!', '»', '›', '→']);
    if t.chars().count() > 160 {
        return false;
    }
    let lower = t.to_lowercase();
    if BOILERPLATE.contains(&lower.as_str()) {
        return true;
    }
    // "Read more: …", "See also: …" link lines.
    if t.chars().count() < 100
        && [
            "read more",
            "see also",
            "related:",
            "also read",
            "بیشتر بخوانید",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return true;
    }
    // A dateline alone ("May 2, 2025", "۲۱ عقرب ۱۴۰۳ - ۰۹:۳۰").
    if t.split_whitespace().count() <= 7
        && crate::dates::find_visible(t, crate::dates::Region::Other).is_some()
    {
        return true;
    }
    let cookie = lower.contains("cookie")
        && (lower.contains("we use") || lower.contains("accept") || lower.contains("consent"));
    let newsletter = (lower.contains("newsletter") || lower.contains("subscribe"))
        && (lower.contains("sign up") || lower.contains("inbox") || lower.contains("email"));
    cookie || newsletter
}

/// Furniture removed before the readability core runs: captions and
/// credits, share bars, newsletter and cookie boxes, "related" and
/// "read more" blocks (substrings of class or id), breadcrumbs.
const FURNITURE_PARTS: &[&str] = &[
    "caption",
    "credit",
    "share-",
    "sharing",
    "social",
    "newsletter",
    "cookie",
    "related",
    "read-more",
    "readmore",
    "recommended",
    "advert",
    "-ad-",
    "promo",
    "breadcrumb",
];

const FURNITURE_SET: crate::anyof::AnyOf = crate::anyof::AnyOf::new(FURNITURE_PARTS);

fn has_part(value: &str) -> bool {
    FURNITURE_SET.found_in(value)
}

pub(crate) fn pre_clean(doc: &Document) {
    let Some(body) = doc.body() else {
        return;
    };
    let mut doomed = Vec::new();
    for n in body.descendants_it().filter(|n| n.is_element()) {
        let name = n.node_name().unwrap_or_default();
        if matches!(&*name, "main" | "article") {
            continue;
        }
        let hit = &*name == "figcaption"
            || n.attr("role").is_some_and(|r| &*r == "navigation")
            || n.attr("aria-label")
                .is_some_and(|r| r.eq_ignore_ascii_case("breadcrumb"))
            || n.attr("class").is_some_and(|c| has_part(&c))
            || n.attr("id").is_some_and(|c| has_part(&c));
        // Substring matches also hit wrappers ("has-social-bar" on a page
        // container): only small elements are furniture.
        if hit && crate::textlen::shorter_than(&n, 1501) {
            doomed.push(n);
        }
    }
    for n in doomed {
        n.remove_from_parent();
    }
}

/// Headings that start the tail of an article (related links, comments,
/// author box): from such a block in the second half on, nothing is text.
const TAIL_MARKERS: &[&str] = &[
    "you might also like",
    "you may also like",
    "related posts",
    "related articles",
    "related stories",
    "related content",
    "related reading",
    "read next",
    "read more",
    "more stories",
    "more from",
    "recommended for you",
    "recommended reading",
    "leave a reply",
    "leave a comment",
    "comments",
    "popular posts",
    "most popular",
    "trending now",
    "more news",
    "latest news",
    "share this",
    "مطالب مرتبط",
    "اخبار مرتبط",
    "بیشتر بخوانید",
];

/// Cuts the tail of an article's blocks at a marker heading.
pub(crate) fn cut_tail(blocks: &mut Vec<Block>) {
    let half = blocks.len() / 2;
    let cut = blocks
        .iter()
        .enumerate()
        .skip(half.max(1))
        .find_map(|(i, b)| {
            let t = b.text.trim().trim_end_matches([':', '.', '!', '…']);
            if t.chars().count() > 40 {
                return None;
            }
            let lower = t.to_lowercase();
            TAIL_MARKERS
                .iter()
                .any(|m| lower == *m || (lower.starts_with(m) && lower.len() <= m.len() + 12))
                .then_some(i)
        });
    if let Some(i) = cut {
        blocks.truncate(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_marked_and_words_never_glued() {
        let b = blocks_of_html(
            "<div><h2>Sub head</h2><p>One <b>bold</b>word.<br>Next line.</p>\
             <blockquote><p>Quoted.</p></blockquote><ul><li>Item</li></ul>\
             <table><tr><td>a</td><td>b</td></tr></table></div>",
        );
        let kinds: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Heading, "Sub head"),
                (BlockKind::Paragraph, "One boldword.\nNext line."),
                (BlockKind::Quote, "Quoted."),
                (BlockKind::ListItem, "Item"),
                (BlockKind::Paragraph, "a b"),
            ]
        );
    }

    #[test]
    fn furniture_is_recognised() {
        let p = |t: &str| Block {
            kind: BlockKind::Paragraph,
            text: t.into(),
        };
        assert!(is_boilerplate(&p("Advertisement")));
        assert!(is_boilerplate(&p("We use cookies. Accept all?")));
        assert!(is_boilerplate(&p(
            "Sign up for our newsletter to get it in your inbox"
        )));
        assert!(!is_boilerplate(&p(
            "The minister said the share of girls in school fell."
        )));
    }
}
