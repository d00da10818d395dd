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
    /// Also skip reader comment sections (for the article fallback walk).
    drop_comments: bool,
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
            if SKIP.contains(&name)
                || (self.prune && is_furniture(&child, name, self.big))
                || (self.drop_comments && is_comments(&child, name))
            {
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
        drop_comments: false,
    };
    w.walk(node, BlockKind::Paragraph);
    w.flush(BlockKind::Paragraph);
    w.out
}

/// Blocks of a whole page, furniture left out: the main text of pages that
/// are not articles (listings, forums, products, documentation), whose
/// content is spread over many blocks rather than one.
pub(crate) fn blocks_of_page(body: &NodeRef, body_len: usize) -> Vec<Block> {
    walk_page(body, body_len, false)
}

/// Blocks of a whole article page, furniture and reader comments left out:
/// the fallback when the readability core keeps too little.
pub(crate) fn blocks_of_article_page(body: &NodeRef, body_len: usize) -> Vec<Block> {
    walk_page(body, body_len, true)
}

fn walk_page(body: &NodeRef, body_len: usize, drop_comments: bool) -> Vec<Block> {
    let mut w = Walker {
        out: Vec::new(),
        buf: String::new(),
        prune: true,
        big: (body_len / 2).max(3000),
        drop_comments,
    };
    w.walk(body, BlockKind::Paragraph);
    w.flush(BlockKind::Paragraph);
    w.out
}

/// Whether an element is a reader comment section or one comment: a class
/// or id token that starts with "comment" (`comments`, `comment-list`,
/// `commentBody`…) other than the page states `comments-open` and
/// `comments-closed`, or a Disqus box.
fn is_comments(node: &NodeRef, name: &str) -> bool {
    if matches!(name, "body" | "main") {
        return false;
    }
    let class = node.attr("class").unwrap_or_default();
    let id = node.attr("id").unwrap_or_default();
    class.split_whitespace().chain([&*id]).any(|t| {
        let t = t.to_ascii_lowercase();
        (t.starts_with("comment") && !t.ends_with("-open") && !t.ends_with("-closed"))
            || t.starts_with("disqus")
    })
}

/// Blocks of an HTML string.
#[cfg(test)]
pub(crate) fn blocks_of_html(html: &str) -> Vec<Block> {
    let doc = Document::fragment(html);
    blocks_of(&doc.root())
}

/// A paragraph at least this long (in characters) is running text, not a
/// teaser, caption or link line.
const LONG_BLOCK: usize = 200;

fn text_chars(blocks: &[Block], min: usize) -> usize {
    blocks
        .iter()
        .map(|b| b.text.chars().count())
        .filter(|&n| n >= min)
        .sum()
}

/// Whether the block the readability core chose is only a small part of
/// the page's running text (a disclosure box, the first of several
/// sections, one part of an article split by product cards): it holds
/// less than 40 % of the text of the whole-page walk and less than 35 % of
/// its long paragraphs.
pub(crate) fn misses_main_text(chosen: &[Block], page: &[Block]) -> bool {
    let (all_c, all_p) = (text_chars(chosen, 0), text_chars(page, 0));
    let (long_c, long_p) = (text_chars(chosen, LONG_BLOCK), text_chars(page, LONG_BLOCK));
    all_c * 10 < all_p * 4 && long_c * 20 < long_p * 7
}

/// Whether a page walk holds enough running text (long paragraphs) to be
/// one text typed wrongly as a listing, forum, product or service page.
pub(crate) fn has_running_text(page: &[Block]) -> bool {
    text_chars(page, LONG_BLOCK) >= 500
}

/// Whether the readability core's block of a page that is not typed as an
/// article holds nearly all the page's running text (80 % of its long
/// paragraphs, at least 500 characters of them, and 30 % of all its text):
/// the rest of the page is menus and link lists, and the block is the text.
pub(crate) fn holds_running_text(chosen: &[Block], page: &[Block]) -> bool {
    let (all_c, all_p) = (text_chars(chosen, 0), text_chars(page, 0));
    let (long_c, long_p) = (text_chars(chosen, LONG_BLOCK), text_chars(page, LONG_BLOCK));
    long_c >= 500 && long_c * 10 >= long_p * 8 && all_c * 10 >= all_p * 3
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

/// Lines of a forum thread's controls and poster boxes (compared
/// lower-cased, a trailing colon removed).
const FORUM_CHROME: &[&str] = &[
    "click to expand...",
    "click to expand",
    "joined",
    "member",
    "top",
    "messages",
    "permalink",
    "embed",
    "replies",
    "reaction score",
    "points",
    "views",
    "posts",
    "offline",
    "online",
    "parent",
    "reply with quote",
    "quote",
    "reply",
    "add a comment\n|",
    "add a comment",
    "code: select all",
    "select all",
    "likes received",
    "trophy points",
    "best answers",
    "report",
    "report post",
    "share",
    "save",
    "like",
    "location",
    "age",
    "author",
    "website",
    "originally posted by",
    "expand",
    "collapse",
    "sort by",
    "upvote",
    "downvote",
    "vote",
    "follow",
    "unread",
    "quick reply",
    "share this post",
    "link to post",
    "link to comment",
    "posted",
    "flag",
    "edit",
    "back to top",
    "go to top",
];

/// Whether a block of a forum thread is a control or a poster-box label
/// ("Reply with quote", "Joined", "#12", "3 replies") rather than a post.
pub(crate) fn is_forum_chrome(b: &Block) -> bool {
    let t = b.text.trim();
    if t.len() > 40 {
        return false;
    }
    let lower = t.to_lowercase();
    let lower = lower.trim_end_matches(':');
    if FORUM_CHROME.contains(&lower) {
        return true;
    }
    // "#12", "3 likes", "1 reply", "14 points", "2 votes".
    let mut words = lower.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(n), None, None) => {
            n.len() > 1 && n.starts_with('#') && n[1..].bytes().all(|c| c.is_ascii_digit())
        }
        (Some(n), Some(w), None) => {
            n.bytes().all(|c| c.is_ascii_digit())
                && matches!(
                    w,
                    "like" | "likes" | "reply" | "replies" | "point" | "points" | "vote" | "votes"
                )
        }
        _ => false,
    }
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
    fn comment_sections_are_left_out_of_the_article_walk() {
        let doc = Document::from(
            "<html><body class=\"post comments-open\"><div class=\"entry\">\
             <p>The story itself.</p></div><ol class=\"commentlist\"><li>First reply.</li></ol>\
             <div id=\"disqus_thread\"><p>Another reply.</p></div>\
             <section class=\"comments-area\"><p>Third reply.</p></section></body></html>",
        );
        let body = doc.body().unwrap();
        let texts: Vec<_> = blocks_of_article_page(&body, 100)
            .into_iter()
            .map(|b| b.text)
            .collect();
        assert_eq!(texts, vec!["The story itself."]);
        // The walk of non-article pages (forums) keeps them.
        assert_eq!(blocks_of_page(&body, 100).len(), 4);
    }

    #[test]
    fn a_small_share_of_the_running_text_misses_the_article() {
        let p = |n: usize| Block {
            kind: BlockKind::Paragraph,
            text: "word ".repeat(n).trim_end().to_string(),
        };
        let page: Vec<_> = (0..10).map(|_| p(50)).collect();
        // One long paragraph of ten: missed.
        assert!(misses_main_text(&[p(50)], &page));
        // Half of them: kept.
        assert!(!misses_main_text(&page[..5], &page));
        // Few characters but all the page's long paragraphs: kept.
        let mut short_page = vec![p(50)];
        short_page.extend((0..30).map(|_| p(5)));
        assert!(!misses_main_text(&[p(50)], &short_page));
    }

    #[test]
    fn forum_controls_are_recognised() {
        let p = |t: &str| Block {
            kind: BlockKind::Paragraph,
            text: t.into(),
        };
        for chrome in [
            "Reply with quote",
            "Joined:",
            "#12",
            "3 likes",
            "1 reply",
            "Click to expand...",
        ] {
            assert!(is_forum_chrome(&p(chrome)), "{chrome}");
        }
        for post in [
            "Reply to the council by Friday.",
            "#general",
            "3 apples",
            "Joined the club in May",
        ] {
            assert!(!is_forum_chrome(&p(post)), "{post}");
        }
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
