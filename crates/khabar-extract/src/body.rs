//! The main text: pre-cleaning rules, the readability core (dom_smoothie),
//! and the conversion of the kept HTML into marked blocks.

use crate::el;
use dom_query::{Document, Element, NodeData, NodeRef, local_name};
use khabar_model::BlockKind;
use serde::Serialize;

/// One block of the main text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

/// Elements whose content is never text.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "input"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "head"
            | "title"
            | "meta"
            | "link"
    )
}

/// Elements that end the block before them and start one of their own.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "figure"
            | "header"
            | "footer"
            | "main"
            | "aside"
            | "nav"
            | "details"
            | "summary"
            | "hr"
            | "address"
            | "center"
            | "form"
            | "fieldset"
            | "caption"
            | "figcaption"
            | "body"
            | "html"
    )
}

struct Walker {
    out: Vec<Block>,
    buf: String,
    /// Skip page furniture (navigation, footers, cookie boxes…) while walking.
    prune: bool,
    /// Characters (not white space) above which an element is a
    /// container, never furniture. The walk's lengths count no white
    /// space: templates indent their markup, and a menu of a few hundred
    /// words can hold a quarter of a megabyte of spaces.
    big: usize,
    /// Also skip reader comment sections (for the article fallback walk).
    drop_comments: bool,
    /// Characters below which `<nav>` and `<footer>` are furniture.
    nav_limit: usize,
    /// Class and id words of the furniture of this page type (customer
    /// reviews on product pages, signatures on forums).
    type_words: &'static [&'static str],
    /// Characters below which an element hidden, or named by a furniture
    /// word, is furniture.
    word_limit: usize,
    /// A shop page (listing, collection, product, service): elements
    /// marked `hidden` or `aria-hidden` are kept (the closed tabs and
    /// accordions of descriptions and specifications, the slides of item
    /// carousels), and so is the `<header>` of an `<article>` or a
    /// `<section>` (an item's or a section's title and summary: HTML's
    /// header of that part, not of the page).
    shop: bool,
    /// How many `<article>` and `<section>` elements enclose the walk.
    in_section: usize,
}

/// Elements that are never main text in a whole-page walk.
fn is_furniture_tag(name: &str) -> bool {
    matches!(
        name,
        "nav" | "header" | "footer" | "aside" | "dialog" | "menu"
    )
}

/// Class and id words of furniture (matched as whole words of the class,
/// split on white space, `-` and `_`, ASCII case ignored).
fn is_furniture_word(w: &str) -> bool {
    const LONGEST: usize = 13;
    if w.len() < 2 || w.len() > LONGEST {
        return false;
    }
    let mut buf = [0u8; LONGEST];
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"nav"
            | b"navbar"
            | b"navigation"
            | b"menu"
            | b"menubar"
            | b"footer"
            | b"header"
            | b"masthead"
            | b"sidebar"
            | b"breadcrumb"
            | b"breadcrumbs"
            | b"cookie"
            | b"cookies"
            | b"consent"
            | b"gdpr"
            | b"newsletter"
            | b"subscribe"
            | b"subscription"
            | b"share"
            | b"sharing"
            | b"social"
            | b"popup"
            | b"modal"
            | b"overlay"
            | b"banner"
            | b"skip"
            | b"related"
            | b"recommended"
            | b"promo"
            | b"advert"
            | b"advertisement"
            | b"ad"
            | b"ads"
            | b"sponsor"
            | b"sponsored"
            | b"toolbar"
            | b"pagination"
            | b"pager"
            | b"login"
            | b"signup"
            | b"search"
            | b"topbar"
            | b"offcanvas"
            | b"drawer"
    )
}

/// Whether a class (or one of its tokens) names a setting of a header, not
/// a header: its alignment (`kt-pane-header-alignment-left` on Kadence's
/// accordion, which holds the story). The page walk and, through
/// [`without_misread_marks`], the readability core would read it as the
/// page's header.
fn names_header_setting(class: &str) -> bool {
    class.contains("header-align")
}

/// Whether `e` is a non-modal sheet (`role="dialog" aria-modal="false"`)
/// or the `<aside>` right inside one: a panel that slides in beside the
/// page without blocking it. In a part of a shop page it holds that
/// part's text (the description of a product, opened from its accordion).
fn in_non_modal_sheet(node: &NodeRef, e: &Element, name: &str) -> bool {
    let sheet = |e: &Element| {
        el::attr(e, &local_name!("role")) == Some("dialog")
            && el::attr(e, &local_name!("aria-modal")) == Some("false")
    };
    sheet(e)
        || (name == "aside"
            && node
                .parent()
                .is_some_and(|p| el::with(&p, |pe| sheet(pe)) == Some(true)))
}

fn is_furniture(node: &NodeRef, e: &Element, name: &str, w: &Walker) -> bool {
    let (big, nav_limit) = (w.big, w.nav_limit);
    if w.shop && w.in_section > 0 && (name == "header" || in_non_modal_sheet(node, e, name)) {
        return false;
    }
    if is_furniture_tag(name) {
        let limit = if matches!(name, "nav" | "footer") {
            nav_limit
        } else {
            big
        };
        return crate::textlen::fewer_chars_than(node, limit);
    }
    let small = w.word_limit;
    // A hidden part inside an `<article>` or `<section>` is a closed
    // accordion or tab of that part (the answers of a FAQ); elsewhere it
    // is a menu, a modal or a template.
    if !w.shop
        && w.in_section == 0
        && (el::has_attr(e, &local_name!("hidden"))
            || el::attr(e, &local_name!("aria-hidden")) == Some("true"))
    {
        return crate::textlen::fewer_chars_than(node, small);
    }
    if let Some(role) = el::attr(e, &local_name!("role"))
        && matches!(
            role,
            "navigation" | "banner" | "contentinfo" | "search" | "dialog" | "complementary"
        )
    {
        return crate::textlen::fewer_chars_than(node, big);
    }
    // Text the page asks search engines not to quote (see [`pre_clean`]).
    if el::has_attr_str(e, "data-nosnippet") {
        return crate::textlen::fewer_chars_than(node, small);
    }
    if matches!(name, "main" | "article" | "body") {
        return false;
    }
    let class = el::attr(e, &local_name!("class")).unwrap_or_default();
    let id = el::attr(e, &local_name!("id")).unwrap_or_default();
    if !FURNITURE_PREFILTER.found_in(class) && !FURNITURE_PREFILTER.found_in(id) {
        return false;
    }
    let words = class
        .split_ascii_whitespace()
        .filter(|t| !names_header_setting(t))
        .flat_map(|t| t.split(['-', '_']))
        .chain(id.split(['-', '_']));
    // Cookie and consent boxes and modal windows are never text however
    // long they are (a privacy centre describes every kind of cookie the
    // site sets): up to three quarters of the page.
    let (mut overlay, mut furniture) = (false, false);
    // A "header" inside an `<article>` or `<section>` heads that part (a
    // question of a FAQ, a card's title), not the page.
    let in_part = w.in_section > 0;
    for word in words {
        overlay |= is_overlay_word(word);
        furniture |= is_furniture_word(word) && !(in_part && word.eq_ignore_ascii_case("header"));
    }
    if overlay {
        return crate::textlen::fewer_chars_than(node, big / 2 * 3);
    }
    furniture && crate::textlen::fewer_chars_than(node, small)
}

/// Every word of [`is_overlay_word`] and [`is_furniture_word`] holds one
/// of these (in some case): most classes are ruled out in one pass.
const FURNITURE_PREFILTER: crate::anyof::AnyOf = crate::anyof::AnyOf::new(&[
    "consent",
    "gdpr",
    "modal",
    "popup",
    "dialog",
    "cookie",
    "onetrust",
    "nav",
    "menu",
    "footer",
    "header",
    "masthead",
    "sidebar",
    "breadcrumb",
    "newsletter",
    "subscri",
    "share",
    "sharing",
    "social",
    "overlay",
    "banner",
    "skip",
    "related",
    "recommended",
    "promo",
    "ad",
    "sponsor",
    "toolbar",
    "pag",
    "login",
    "signup",
    "search",
    "topbar",
    "offcanvas",
    "drawer",
]);

/// Class and id words of cookie and consent boxes and of modal windows:
/// "consent", "gdpr", "modal", "popup", "dialog", and words that start with
/// "cookie" or "onetrust" (`cookiebanner`, `CookieConsent`,
/// `onetrust-pc-sdk`).
fn is_overlay_word(w: &str) -> bool {
    let starts =
        |p: &str| w.len() >= p.len() && w.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    ["consent", "gdpr", "modal", "popup", "dialog"]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
        || starts("cookie")
        || starts("onetrust")
}

impl Walker {
    fn flush(&mut self, kind: BlockKind) {
        // Nothing but spaces and invisible marks (a paragraph holding one
        // zero-width joiner, a layout's spacer) is no block.
        if self.buf.chars().all(blank) {
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

    /// What the walk does with the element `child` (`e`) met in a block
    /// of `kind`.
    fn step(&self, child: &NodeRef, e: &Element, kind: BlockKind) -> Step {
        let name = el::name(e);
        if is_skipped(name)
            || has_word(e, self.type_words)
            || (self.drop_comments && is_comments(e, name))
            // Form field labels ("Choose your size", "Email*") are
            // controls of the page, not its text, in the walk of a page
            // that is not an article (an article's walk keeps them: a
            // CSS accordion names its questions with labels).
            || (self.prune && !self.drop_comments && name == "label")
            || (self.prune && is_furniture(child, e, name, self))
        {
            return Step::Skip;
        }
        let inner = match name {
            "br" => return Step::Break,
            "td" | "th" => return Step::Cell,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
            "blockquote" => BlockKind::Quote,
            "li" if kind == BlockKind::Paragraph => BlockKind::ListItem,
            "pre" => BlockKind::Preformatted,
            _ if is_block(name) => kind,
            _ => return Step::Inline,
        };
        Step::Block {
            inner,
            section: matches!(name, "article" | "section"),
        }
    }

    fn walk(&mut self, node: &NodeRef, kind: BlockKind) {
        for child in node.children_it(false) {
            // Text is copied straight from the tree; elements are judged in
            // the same look-up.
            let mut buf = std::mem::take(&mut self.buf);
            let step = child.query_or(Step::Skip, |t| match &t.data {
                NodeData::Text { contents } => {
                    buf.push_str(contents);
                    Step::Skip
                }
                NodeData::Element(e) => self.step(&child, e, kind),
                _ => Step::Skip,
            });
            self.buf = buf;
            match step {
                Step::Skip => {}
                Step::Break => self.buf.push('\n'),
                Step::Cell => {
                    self.buf.push(' ');
                    self.walk(&child, kind);
                    self.buf.push(' ');
                }
                Step::Inline => self.walk(&child, kind),
                Step::Block { inner, section } => {
                    self.flush(kind);
                    let section = usize::from(section);
                    self.in_section += section;
                    self.walk(&child, inner);
                    self.in_section -= section;
                    self.flush(inner);
                }
            }
        }
    }
}

/// What a walk does with an element.
enum Step {
    /// Leaves it out (and the text nodes, already copied).
    Skip,
    /// `<br>`: a line break.
    Break,
    /// A table cell: its text between spaces.
    Cell,
    /// Its content goes into the current block.
    Inline,
    /// Its content is a block of its own.
    Block { inner: BlockKind, section: bool },
}

/// White space, or a mark that shows nothing: those a title drops (see
/// `meta::invisible`), and the joiners and the word joiner, which words
/// keep but a line of them alone does not make.
fn blank(c: char) -> bool {
    c.is_whitespace()
        || crate::meta::invisible(c)
        || matches!(c, '\u{200C}' | '\u{200D}' | '\u{2060}')
}

/// Collapses white space inside lines, keeps the line breaks of `<br>`,
/// drops empty lines and lines of invisible marks only.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        // Most text: one pass over the bytes. The ASCII white space of
        // `char::is_whitespace` is tab, line feed, vertical tab, form feed,
        // carriage return and space.
        let b = s.as_bytes();
        let mut i = 0;
        // Whether a line break, or a space, is due before the next word.
        let (mut line, mut space) = (false, false);
        while i < b.len() {
            match b[i] {
                b'\n' => {
                    line = !out.is_empty();
                    space = false;
                    i += 1;
                }
                b'\t' | 0x0b | 0x0c | b'\r' | b' ' => {
                    space = !out.is_empty() && !line;
                    i += 1;
                }
                _ => {
                    let start = i;
                    while i < b.len() && !matches!(b[i], b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
                    {
                        i += 1;
                    }
                    if line {
                        out.push('\n');
                    } else if space {
                        out.push(' ');
                    }
                    (line, space) = (false, false);
                    // ASCII: every index is a character boundary.
                    out.push_str(&s[start..i]);
                }
            }
        }
        return out;
    }
    for line in s.split('\n') {
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else {
            continue;
        };
        if line.chars().all(blank) {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(first);
        for w in words {
            out.push(' ');
            out.push_str(w);
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
        nav_limit: usize::MAX,
        type_words: &[],
        word_limit: usize::MAX,
        shop: false,
        in_section: 0,
    };
    w.walk(node, BlockKind::Paragraph);
    w.flush(BlockKind::Paragraph);
    w.out
}

/// What a page walk is for: which furniture it leaves out besides the
/// common kind.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PageKind {
    /// The article fallback.
    Other,
    /// Forums: as `Other`, and posters' signatures left out.
    Forum,
    /// Listings, collections and service pages: their navigation and
    /// footers are link lists however long they are (only a `<nav>` or
    /// `<footer>` that holds three quarters of the page is kept); their
    /// hidden elements are closed tabs, accordions and carousel slides of
    /// the content, and the `<header>` of an `<article>` or `<section>` is
    /// an item's or a section's title and summary: both kept.
    Shop,
    /// Product pages: as `Shop`, and customer review sections and
    /// carousels (other products, more photos) left out.
    Product,
}

impl PageKind {
    /// Class and id words (split on white space, `-` and `_`) of the
    /// furniture of the kind. "reviews" is plural on purpose: the singular
    /// also names editorial reviews and review widgets.
    fn words(self) -> &'static [&'static str] {
        match self {
            Self::Product => &["reviews", "carousel"],
            Self::Forum => &["signature"],
            Self::Other | Self::Shop => &[],
        }
    }
}

/// Blocks of a whole page, furniture left out: the main text of pages that
/// are not articles (listings, forums, products, collections, service
/// pages), whose content is spread over many blocks rather than one. What
/// is furniture depends on the page type: navigation and footers of any
/// length (short of three quarters of the page) on listings, collections,
/// products and service pages, where hidden elements (closed tabs and
/// accordions) are kept; customer reviews and carousels on product
/// pages too (a product's text is its description and specifications);
/// posters' signatures on forums. `body_len` is the body's text in
/// characters that are not white space.
pub(crate) fn blocks_of_typed_page(
    body: &NodeRef,
    body_len: usize,
    page_type: crate::PageType,
) -> Vec<Block> {
    use crate::PageType as T;
    let kind = match page_type {
        T::Product => PageKind::Product,
        T::Listing | T::Collection | T::Service => PageKind::Shop,
        T::Forum => PageKind::Forum,
        _ => PageKind::Other,
    };
    walk_page(body, body_len, false, kind)
}

/// Blocks of a whole article page, furniture and reader comments left out:
/// the fallback when the readability core keeps too little. `body_len` as
/// for [`blocks_of_typed_page`].
pub(crate) fn blocks_of_article_page(body: &NodeRef, body_len: usize) -> Vec<Block> {
    walk_page(body, body_len, true, PageKind::Other)
}

fn walk_page(body: &NodeRef, body_len: usize, drop_comments: bool, kind: PageKind) -> Vec<Block> {
    let big = (body_len / 2).max(2500);
    let shop = matches!(kind, PageKind::Shop | PageKind::Product);
    let mut w = Walker {
        out: Vec::new(),
        buf: String::new(),
        prune: true,
        big,
        drop_comments,
        nav_limit: if shop {
            (body_len / 4 * 3).max(big)
        } else {
            big
        },
        type_words: kind.words(),
        // Shop pages put their text in many small parts: a part named
        // "header", "banner" or "promo" that holds a tenth of the page is
        // content (a category introduction, a feature section).
        word_limit: if shop { big / 5 } else { big / 3 },
        shop,
        in_section: 0,
    };
    w.walk(body, BlockKind::Paragraph);
    w.flush(BlockKind::Paragraph);
    w.out
}

/// Whether one of the words (split on white space, `-` and `_`) of an
/// element's class or id is one of `words` (`product-reviews`,
/// `customer_reviews`, `post-signature`).
fn has_word(e: &Element, words: &[&str]) -> bool {
    if words.is_empty() {
        return false;
    }
    let class = el::attr(e, &local_name!("class")).unwrap_or_default();
    let id = el::attr(e, &local_name!("id")).unwrap_or_default();
    class
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .chain(id.split(['-', '_']))
        .any(|w| words.iter().any(|x| x.eq_ignore_ascii_case(w)))
}

/// Drops every block of at least `min_words` words whose text repeats an
/// earlier block's (product option labels, prices and buttons shown once
/// per variant, a forum's quoted posts and signatures): the first one
/// stays. Shorter blocks (a forum poster's name) are kept.
pub(crate) fn drop_repeats(blocks: &mut Vec<Block>, min_words: usize) {
    // The texts are compared in place; the blocks go once all are read.
    let mut seen = std::collections::HashSet::new();
    let keep: Vec<bool> = blocks
        .iter()
        .map(|b| {
            b.text
                .split_whitespace()
                .nth(min_words.saturating_sub(1))
                .is_none()
                || seen.insert(b.text.as_str())
        })
        .collect();
    let mut keep = keep.into_iter();
    blocks.retain(|_| keep.next().unwrap_or(true));
}

/// The words of `t`, lower-cased, joined by one space (punctuation and
/// symbols dropped).
fn words(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for w in t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.push_str(&w.to_lowercase());
        }
    }
    out
}

/// Drops a table of contents: the list items that repeat, word for word,
/// a heading further down the text (its title, "Table of contents", is
/// boilerplate: see [`is_boilerplate`]).
pub(crate) fn drop_toc(blocks: &mut Vec<Block>) {
    let heads: Vec<(usize, String)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Heading)
        .map(|(i, b)| (i, words(&b.text)))
        .collect();
    if heads.is_empty() {
        return;
    }
    // Only a list item before the last heading can repeat one.
    let last_head = heads[heads.len() - 1].0;
    let mut i = 0;
    blocks.retain(|b| {
        let at = i;
        i += 1;
        b.kind != BlockKind::ListItem || at >= last_head || {
            let w = words(&b.text);
            w.is_empty() || !heads.iter().any(|(j, h)| *j > at && *h == w)
        }
    });
}

/// Whether an element is a reader comment section or one comment: a class
/// or id token that starts with "comment" (`comments`, `comment-list`,
/// `commentBody`…) other than the page states `comments-open` and
/// `comments-closed`, or a Disqus box.
/// The words a comment section's class or id starts with.
const COMMENT_PREFILTER: crate::anyof::AnyOf = crate::anyof::AnyOf::new(&["comment", "disqus"]);

fn is_comments(e: &Element, name: &str) -> bool {
    if matches!(name, "body" | "main") {
        return false;
    }
    let class = el::attr(e, &local_name!("class")).unwrap_or_default();
    let id = el::attr(e, &local_name!("id")).unwrap_or_default();
    if !COMMENT_PREFILTER.found_in(class) && !COMMENT_PREFILTER.found_in(id) {
        return false;
    }
    class.split_whitespace().chain([id]).any(|t| {
        let t = t.as_bytes();
        let starts = |p: &[u8]| t.len() >= p.len() && t[..p.len()].eq_ignore_ascii_case(p);
        let ends = |p: &[u8]| t.len() >= p.len() && t[t.len() - p.len()..].eq_ignore_ascii_case(p);
        (starts(b"comment") && !ends(b"-open") && !ends(b"-closed")) || starts(b"disqus")
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

/// Whether the walk of a page not typed as an article kept less than a
/// third of the text the page holds in long paragraphs (`long_par_chars`,
/// at least 1000 non-white-space characters): the walk cut out the page's
/// running text, as on a guide typed as a service page.
pub(crate) fn misses_running_text(page: &[Block], long_par_chars: usize) -> bool {
    let kept: usize = page
        .iter()
        .map(|b| b.text.chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    long_par_chars >= 1000 && kept * 3 < long_par_chars
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
    "book now",
    "shop now",
    "order now",
    "download now",
    "get a quote",
    "show more",
    "view more",
    "load more",
    "see more",
    "learn more",
    "find out more",
    "see details",
    "buy now",
    "check price",
    "see deal",
    "view deal",
    "read full review",
    "read the full review",
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
    "table of contents",
    "contents",
    "in this article",
    "in this post",
    "on this page",
    "article contents",
    "jump to",
    "quick links",
    "فهرست مطالب",
    "اشتراک گذاری",
    "بیشتر بخوانید",
    "همچنین بخوانید",
    "برچسب ها",
    "کلیدواژه ها",
    "شریک کړئ",
    "نور ولولئ",
    "دا هم ولولئ",
    "اقرا ایضا",
    "شارک",
    "مطالب مرتبط",
    "آگهی",
    "تبلیغات",
    "نظرات",
    "شریکول",
    // Notices of forum, questions-and-answers and form software, the same
    // on every site that runs it.
    "you are using an out of date browser. it may not display this or other websites correctly. you should upgrade or use an alternative browser",
    "you must log in or register to reply here",
    "not open for further replies",
    "create an account or sign in to comment",
    "you need to be a member in order to leave a comment",
    "sign up for a new account in our community. it's easy",
    "register a new account",
    "already have an account? sign in here",
    "sign in now",
    "go to topic listing",
    "recommended posts",
    "similar threads",
    "forum jump",
    "print view",
    "you must log in to answer this question",
    "start asking to get answers",
    "find the answer to your question by asking",
    "explore related questions",
    "see similar questions with these tags",
    "draft saved",
    "draft discarded",
    "this field is for validation purposes and should be left unchanged",
    "this field is hidden when viewing the form",
    "your browser does not support the video tag",
    "choosing a selection results in a full page refresh",
    "opens in a new window",
    "jump to content",
    // A news page's caption toggles, subscription offers, sponsor labels, "continue" notes and the buttons of its players and
    // pop-ups.
    "show caption",
    "hide caption",
    "toggle caption",
    "view all plans",
    "see all plans",
    "sponsored",
    "sponsored content",
    "paid content",
    "partner content",
    "continue reading",
    "article continues below",
    "story continues below",
    "listen to this article",
    "listen now",
    "watch video",
    "play video",
    "close",
    "skip advertisement",
    "remove ads",
];

/// A line of a client-side template the page never rendered: one or more
/// `{{ … }}` placeholders ("{{ upvoteCount | shortNum }}",
/// "{{ $localize('cart.empty') }}") with at most two short words beside
/// them ("21", "$"). A sentence that speaks of the syntax is text, and so
/// is preformatted code. Documentation of template languages lists its
/// placeholders one per line: the caller leaves its pages alone.
pub(crate) fn is_unrendered_template(b: &Block) -> bool {
    if b.kind == BlockKind::Preformatted {
        return false;
    }
    let t = b.text.trim();
    if !t.contains("{{") {
        return false;
    }
    let mut rest = String::new();
    let mut s = t;
    let mut found = false;
    while let Some(a) = s.find("{{") {
        let Some(b) = s[a..].find("}}") else {
            break;
        };
        found = true;
        rest.push_str(&s[..a]);
        rest.push(' ');
        s = &s[a + b + 2..];
    }
    rest.push_str(s);
    found && rest.split_whitespace().count() <= 2
}

/// Whether a block is furniture: a known boilerplate line, or a cookie or
/// newsletter notice.
pub(crate) fn is_boilerplate(b: &Block) -> bool {
    let t = b
        .text
        .trim()
        .trim_end_matches(['.', ':', '!', '»', '›', '→'])
        .trim_end();
    // A template's placeholder text ("Lorem ipsum dolor sit amet, …",
    // "Lorem ipsum 2"), left in a box the site never filled; a sentence
    // about the placeholder is text.
    if let Some(h) = t.get(..11)
        && h.eq_ignore_ascii_case("lorem ipsum")
    {
        let rest = t[11..].trim_start();
        if rest.chars().all(|c| c.is_ascii_digit())
            || rest
                .get(..5)
                .is_some_and(|w| w.eq_ignore_ascii_case("dolor"))
        {
            return true;
        }
    }
    // Webflow's default text of a new text block, left in the page.
    if t.eq_ignore_ascii_case("this is some text inside of a div block") {
        return true;
    }
    if is_consent_notice(t) {
        return true;
    }
    // More than 640 bytes is more than 160 characters.
    let chars = if t.len() > 640 {
        161
    } else {
        t.chars().count()
    };
    if chars > 160 {
        return false;
    }
    let lower = crate::fold::lower(t);
    if BOILERPLATE.contains(&lower.as_str()) {
        return true;
    }
    // "Read more: …", "See also: …" link lines.
    if chars < 100
        && !is_read_more_sentence(&b.text)
        && [
            "read more",
            "see also",
            "related:",
            "also read",
            "بیشتر بخوانید",
            "همچنین بخوانید",
            "نور ولولئ",
            "دا هم ولولئ",
            "اقرا ایضا",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return true;
    }
    // A dateline alone ("May 2, 2025", "۲۱ عقرب ۱۴۰۳ - ۰۹:۳۰").
    // Every date holds digits (ASCII, Persian or Arabic-Indic).
    if t.split_whitespace().count() <= 7
        && t.chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '۰'..='۹' | '٠'..='٩'))
        && crate::dates::find_visible(t, crate::dates::Region::Other).is_some()
    {
        return true;
    }
    // A relative time alone ("2 hours ago", "Updated 3 days ago").
    if t.split_whitespace().count() <= 5 && crate::dates::holds_relative_time(t) {
        return true;
    }
    if is_reading_time(&lower) || is_update_line(t, &lower) {
        return true;
    }
    if is_paywall_line(&lower) || is_credit_line(b, &lower) || is_follow_line(&lower) {
        return true;
    }
    // An advertisement's label with a note or the advert's title
    // ("Advertisement - members don't see this ad", "Advertisement: New
    // tide tables!").
    if chars <= 60 && lower.starts_with("advertisement") {
        return true;
    }
    let cookie = lower.contains("cookie")
        && (lower.contains("we use") || lower.contains("accept") || lower.contains("consent"));
    let newsletter = (lower.contains("newsletter") || lower.contains("subscribe"))
        && (lower.contains("sign up") || lower.contains("inbox") || lower.contains("email"));
    cookie || newsletter
}

/// Whether a block of 161 to 320 characters is a news site's call to
/// join one of its letters, put between the paragraphs of a story ("Love
/// films? The Harbour's Weekend newsletter has the best picks, delivered
/// right to your inbox. Sign up now."): it names a newsletter, the
/// reader's inbox and signing up. Shorter calls are boilerplate (see
/// `is_boilerplate`); a story about newsletters names fewer of the three.
pub(crate) fn is_newsletter_call(b: &Block) -> bool {
    // 320 characters are at most 1,280 bytes.
    if b.kind != BlockKind::Paragraph
        || b.text.len() > 1280
        || !(161..=320).contains(&b.text.chars().count())
    {
        return false;
    }
    let lower = b.text.to_lowercase();
    lower.contains("newsletter") && lower.contains("inbox") && lower.contains("sign up")
}

/// Whether a short line of an article is a shop button of a buying guide:
/// "Buy now at Harbour Outfitters", "Shop now on …", "Check price at …",
/// "See it at …", or a price with its shop ("$1,299.00 from Harbour
/// Supply", "£45 at Quay Stores"). A sentence that mentions a price is
/// text. Not boilerplate (see `is_boilerplate`): a guide's holes of prose
/// between its products' buttons are filled (see `fill_holes`), and the
/// buttons dropped after.
pub(crate) fn is_shop_button(b: &Block) -> bool {
    const OPENINGS: &[&str] = &[
        "buy now at ",
        "buy now on ",
        "buy now from ",
        "buy it at ",
        "buy it on ",
        "shop now at ",
        "shop now on ",
        "check price at ",
        "check price on ",
        "check prices at ",
        "check prices on ",
        "see price at ",
        "see it at ",
        "view deal at ",
        "view at ",
    ];
    let t = b.text.trim();
    if b.kind != BlockKind::Paragraph || t.len() > 80 || ends_sentence(t) {
        return false;
    }
    let lower = t.to_lowercase();
    if starts_any(&lower, OPENINGS) {
        return true;
    }
    // A price, then "from" or "at" and the shop's name.
    let Some(rest) = t.strip_prefix(['$', '£', '€']) else {
        return false;
    };
    let digits = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    if digits == 0 {
        return false;
    }
    let mut words = rest[digits..].split_whitespace();
    matches!(words.next(), Some("from" | "at"))
        && words
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        && words.count() <= 4
}

/// Drops the photo credits that a caption's label and its credit left on
/// two lines ("Credit:" then "Harbour Agency / Sam Reyes"): the label,
/// and a short line after it that ends no sentence. Run after the holes
/// of the text are filled, which a bare label must not stop (see
/// `fill_holes`: a label alone keeps its place among the text's blocks).
pub(crate) fn drop_credit_pairs(blocks: &mut Vec<Block>) {
    let label = |b: &Block| {
        b.kind == BlockKind::Paragraph
            && matches!(
                b.text.trim().trim_end_matches(':').to_lowercase().as_str(),
                "credit" | "credits" | "photo credit" | "image credit" | "photo credits"
            )
            && b.text.trim().ends_with(':')
    };
    let credit = |b: &Block| {
        b.kind == BlockKind::Paragraph
            && b.text.chars().count() <= 60
            && !ends_sentence(&b.text)
            && !b.text.contains('\n')
    };
    let mut i = 0;
    while i + 1 < blocks.len() {
        if label(&blocks[i]) && credit(&blocks[i + 1]) && blocks.len() > 2 {
            blocks.drain(i..i + 2);
        } else {
            i += 1;
        }
    }
}

/// Whether `hay` holds one of `words`.
fn contains_any(hay: &str, words: &[&str]) -> bool {
    words.iter().any(|w| hay.contains(w))
}

/// Whether `hay` starts with one of `words`.
fn starts_any(hay: &str, words: &[&str]) -> bool {
    words.iter().any(|w| hay.starts_with(w))
}

/// Whether a lower-cased line of at most 160 characters is a news site's
/// paywall or sign-in prompt ("This article is exclusive to Harbour+
/// subscribers", "Already have an account? Log in", "To read the rest of
/// this story subscribe …", "Unlock this article — plus …") or the thanks
/// of a survey widget.
fn is_paywall_line(lower: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "this article is exclusive to",
        "this story is exclusive to",
        "this content is exclusive to",
        "to read the rest of this",
        "to continue reading",
        "unlock this article",
        "unlock this story",
        "already have an account",
        "already a subscriber",
        "subscribe to continue",
        "subscribe to read",
    ];
    starts_any(lower, OPENINGS) || lower.contains("thank you for completing the survey")
}

/// Whether a lower-cased line of at most 160 characters calls the reader
/// to follow the site or join its letters ("Follow us on Facebook and X
/// for the latest news.", "*** Follow me on Instagram ***", "Subscribe
/// to our newsletters", "Thank you for subscribing!").
fn is_follow_line(lower: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "follow us",
        "follow me",
        "join our newsletter",
        "join our mailing list",
        "subscribe to our",
        "thank you for subscribing",
        "thanks for subscribing",
    ];
    let l = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    starts_any(l, OPENINGS)
}

/// Whether a line is a lone photo credit: a label ("Photo: Harbour
/// Agency", "Image credit: © Sea Pictures") in at most 100 characters
/// that end no sentence, or a short line naming a photo agency's
/// collection ("Jane Doe / Getty Images"). `lower` is the line trimmed
/// and lower-cased. Code ("image: harbour/app:2.1" in a configuration
/// file) is no credit.
fn is_credit_line(b: &Block, lower: &str) -> bool {
    const LABELS: &[&str] = &[
        "photo:",
        "photos:",
        "photo credit",
        "photo credits",
        "image:",
        "images:",
        "image credit",
        "image source:",
        "picture:",
        "credit:",
        "credits:",
        "photograph:",
    ];
    let t = b.text.as_str();
    if b.kind == BlockKind::Preformatted || t.len() > 400 || t.contains('\n') || ends_sentence(t) {
        return false;
    }
    // A label alone ("Credit:") is the empty caption of a picture that
    // the text's own blocks surround: it stays with them.
    (t.chars().count() <= 100
        && LABELS.iter().any(|p| {
            lower
                .strip_prefix(p)
                .is_some_and(|rest| rest.trim_start_matches([':', ' ']).len() > 1)
        }))
        || (lower.contains("getty images") && t.split_whitespace().nth(8).is_none())
}

/// Whether a block of at most 640 bytes is the fine print under a sign-up
/// or comment form: "By signing up, you agree to receive …", "By
/// clicking “Post”, you agree to our terms …", "By providing my email, I
/// am consenting to … our Privacy Policy": an agreement to the site's
/// terms, privacy policy or messages. A sentence that only starts with
/// "By" ("By providing customers with deals, shops …") is text.
fn is_consent_notice(t: &str) -> bool {
    if t.len() > 640 || !t.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("by ")) {
        return false;
    }
    let lower = t.to_lowercase();
    let holds = |p: &[&str]| contains_any(&lower, p);
    holds(&[
        "you agree",
        "i agree",
        "you accept",
        "i accept",
        "you acknowledge",
        "i acknowledge",
        "you consent",
        "i consent",
        "consenting to",
    ]) && holds(&["terms", "privacy", "policy", "messages", "data rates"])
}

/// Whether a lower-cased line only gives a reading time ("5 min read",
/// "3 MIN. READ", "Reading time: 11 minutes", "Read time: 4 min").
fn is_reading_time(lower: &str) -> bool {
    // Most lines are ruled out without splitting them.
    if lower.len() > 30 || !lower.contains("min") {
        return false;
    }
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | '.'))
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit());
    let unit = |w: &str| matches!(w, "min" | "mins" | "minute" | "minutes");
    match words.as_slice() {
        [n, u, "read"] => number(n) && unit(u),
        ["reading" | "read", "time", n, u] => number(n) && unit(u),
        _ => false,
    }
}

/// Whether a line is the date a page was updated or published ("Last
/// updated on September 16th, 2023 at 09:27 am", "Published: 12 March
/// 2025"): a label, then a date, in at most twelve words.
fn is_update_line(t: &str, lower: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    // The date follows the label at once ("Posted on American … on
    // 2025-07-09:" is a sentence).
    let Some(rest) = ["last updated", "updated", "published", "posted"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
    else {
        return false;
    };
    let rest = rest.trim_start_matches([':', ' ']);
    let rest = rest.strip_prefix("on ").unwrap_or(rest).trim_start();
    (rest.starts_with(|c: char| c.is_ascii_digit()) || MONTHS.iter().any(|m| rest.starts_with(m)))
        && t.split_whitespace().count() <= 12
        && t.bytes().any(|b| b.is_ascii_digit())
        && crate::dates::find_visible(t, crate::dates::Region::Other).is_some()
}

/// Whether a line is a sentence that sends the reader on ("Read more
/// about the new harbour wall."): text that ends with a stop, unlike a
/// link line ("Read more: The new harbour wall", "Read more »").
fn is_read_more_sentence(text: &str) -> bool {
    let t = text.trim();
    t.get(..16)
        .is_some_and(|h| h.eq_ignore_ascii_case("read more about "))
        && t.ends_with('.')
        && !t.ends_with("..")
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
    "report inappropriate content",
    "watch this topic",
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
    // "#12", "3 likes", "1 reply", "14 points", "2 votes", a poster's
    // "29,553 posts" and "518 helpful votes", "20 replies to this topic".
    let count = |n: &str| {
        n.starts_with(|c: char| c.is_ascii_digit())
            && n.bytes()
                .all(|c| c.is_ascii_digit() || c == b',' || c == b'.')
    };
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        [n] => n.len() > 1 && n.starts_with('#') && n[1..].bytes().all(|c| c.is_ascii_digit()),
        [n, w] => {
            count(n)
                && matches!(
                    *w,
                    "like"
                        | "likes"
                        | "reply"
                        | "replies"
                        | "point"
                        | "points"
                        | "vote"
                        | "votes"
                        | "post"
                        | "posts"
                )
        }
        [n, "helpful", "vote" | "votes"] => count(n),
        [n, "replies" | "reply", "to", "this", "topic" | "thread"] => count(n),
        _ => false,
    }
}

/// Furniture removed before the readability core runs: captions and
/// credits, share bars, newsletter and cookie boxes, "related" and
/// "read more" blocks, lists of other posts, author boxes, disclaimers,
/// calls to action, modal boxes, generated tables of contents (substrings
/// of class or id), breadcrumbs.
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
    "post-list",
    "author-bio",
    "author-box",
    "author_box",
    "authorbox",
    "author_bio",
    "author-detail",
    "author_detail",
    "about-author",
    "about_author",
    "author-card",
    "disclaimer",
    "cta-",
    "modal",
    "ez-toc",
];

const FURNITURE_SET: crate::anyof::AnyOf = crate::anyof::AnyOf::new(FURNITURE_PARTS);

fn has_part(value: &str) -> bool {
    FURNITURE_SET.found_in(value)
}

/// Removes the furniture (see [`FURNITURE_PARTS`]) before the readability
/// core runs, and the small parts a page marks `data-nosnippet` (Google's
/// mark for text not to quote from it: bylines, author bios, related
/// cards, notices; on WCXB dev 131 such parts of six words or more were
/// not main text and 1 was).
///
/// On an article or documentation page (`one_block`), the page's footer
/// goes too (see [`is_page_footer`]), and so do the class marks the core
/// misreads (see [`without_misread_marks`]). Elsewhere the core's block
/// competes with the page's own walk, and one that kept more of the
/// page's cards won where the walk had the whole page (two service pages
/// of WCXB dev).
pub(crate) fn pre_clean(doc: &Document, one_block: bool) {
    let Some(body) = doc.body() else {
        return;
    };
    let mut doomed = Vec::new();
    let mut reclassed = Vec::new();
    for n in body.descendants_it() {
        if one_block && is_page_footer(&n) {
            doomed.push(n);
            continue;
        }
        let hit = el::with(&n, |e| {
            let name = el::name(e);
            if one_block
                && let Some(kept) =
                    el::attr(e, &local_name!("class")).and_then(without_misread_marks)
            {
                reclassed.push((n.id, kept));
            }
            if matches!(name, "main" | "article") {
                return false;
            }
            name == "figcaption"
                || el::attr(e, &local_name!("role")) == Some("navigation")
                || el::has_attr_str(e, "data-nosnippet")
                || el::attr(e, &local_name!("aria-label"))
                    .is_some_and(|r| r.eq_ignore_ascii_case("breadcrumb"))
                || el::attr(e, &local_name!("class")).is_some_and(has_part)
                || el::attr(e, &local_name!("id")).is_some_and(has_part)
        });
        // Substring matches also hit wrappers ("has-social-bar" on a page
        // container): only small elements are furniture.
        if hit == Some(true) && crate::textlen::fewer_chars_than(&n, 1251) {
            doomed.push(n);
        }
    }
    for n in doomed {
        n.remove_from_parent();
    }
    for (id, class) in reclassed {
        if let Some(n) = doc.tree.get(&id) {
            n.set_attr("class", &class);
        }
    }
}

/// Whether `n` is the page's `<footer>`: one outside any `<article>` and
/// `<main>`, holding neither nor a headline. It is furniture on an
/// article page, and the readability core could take it into the story's
/// block: a page builder's footer (`<footer class="elementor
/// elementor-location-footer">`: a clinic's hours, phone numbers and
/// menu) joined a post built of the same sections.
fn is_page_footer(n: &NodeRef) -> bool {
    let is =
        |n: &NodeRef, names: &[&str]| el::with(n, |e| names.contains(&el::name(e))) == Some(true);
    is(n, &["footer"])
        && !n.ancestors_it(None).any(|a| is(&a, &["article", "main"]))
        && !n
            .descendants_it()
            .any(|d| is(&d, &["article", "main", "h1"]))
}

/// The class list `class` without the marks the readability core misreads
/// as furniture: overflow and scrolling utilities, hidden-label marks and
/// Kadence's accordion marks (`overflow-hidden`, `md:overflow-x-scroll`,
/// `scroll-mt-2`, `overscroll-contain`, `field--label-hidden`,
/// `kt-accordion-panel-hidden`); `None` when it has none. Utility-first CSS (Tailwind, Bootstrap 5) puts the
/// utilities on any box that clips or scrolls, text included, and the
/// readability core reads "hidden" and "scroll" in a class as signs of
/// furniture: the description of each item of a list in `<div
/// class="col-span-2 overflow-hidden">` went with them. A box closed by
/// its height (`overflow-hidden h-0`, a Tailwind accordion's panel) keeps
/// its classes.
/// Drupal's `field--label-hidden` marks a field shown without its label,
/// such as the body of a page. Kadence's accordion (a WordPress block)
/// files sections of a story in closed panels under their heading
/// (`kt-accordion-panel-hidden`: the prices and the caveats of a buying
/// guide), and names a setting of its panes' headers on the accordion
/// itself (`kt-pane-header-alignment-left`), which the core reads as a
/// page header: both marks go.
///
/// The core also reads "text" in a class as a sign of the story, and
/// `text-sm` or `text-gray-900` are utilities too; but without them it
/// chose worse on WCXB dev (the Tailwind documentation lost its lead), so
/// they stay.
fn without_misread_marks(class: &str) -> Option<String> {
    fn utility(token: &str) -> bool {
        // Past the variants (`md:`, `hover:`, `[&>p]:`).
        let base = token.rsplit(':').next().unwrap_or(token);
        ["overflow-", "scroll-", "overscroll-"]
            .iter()
            .any(|p| base.starts_with(p))
            || base.contains("label-hidden")
            || names_header_setting(base)
            || (base.contains("accordion") && base.contains("hidden"))
    }
    // A box of no height that clips is closed: there "hidden" is right.
    fn collapsed(token: &str) -> bool {
        matches!(
            token,
            "h-0" | "max-h-0" | "h-[0px]" | "max-h-[0px]" | "grid-rows-[0fr]"
        )
    }
    if !(class.contains("overflow-")
        || class.contains("scroll-")
        || class.contains("label-hidden")
        || names_header_setting(class)
        || class.contains("accordion"))
        || !class.split_ascii_whitespace().any(utility)
        || class.split_ascii_whitespace().any(collapsed)
    {
        return None;
    }
    let kept: Vec<&str> = class
        .split_ascii_whitespace()
        .filter(|t| !utility(t))
        .collect();
    Some(kept.join(" "))
}

/// Headings that start the tail of an article (related links, comments,
/// author box): from such a block in the second half on, or from one
/// anywhere followed only by short lines (a list of links or teasers),
/// nothing is text.
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
    "also in the news",
    "related post",
    "recent posts",
    "latest posts",
    "latest articles",
    "popular articles",
    "you might be interested in",
    "more articles",
    "about the author",
    "about the contributor",
    "written by",
    "sources",
    "article sources",
    "مطالب مرتبط",
    "اخبار مرتبط",
    "بیشتر بخوانید",
    "آخرین اخبار",
    "پربیننده ترین ها",
    "پربازدیدترین ها",
    "دیدگاه ها",
    "اړوند خبرونه",
    "اړوند مطالب",
    "نور خبرونه",
    "تازه خبرونه",
    "اخبار ذات صلة",
    "مواضیع ذات صلة",
    "الاکثر قراءة",
    "post navigation",
    "previous post",
    "next post",
    "previous article",
    "next article",
    "keep reading",
    "more to explore",
    "discussion about this post",
    "what to read next",
    "more to read",
    "what others are reading",
    "you might like",
    "you may like",
    "up next",
    "discover more",
];

/// Openings of tail headings that go on with any words ("Related articles
/// that may interest you", "More articles you might enjoy", "Written by
/// Jane Doe"): a line of at most 60 characters that starts with one of
/// these, then nothing, a stop or a word, is a marker.
const TAIL_OPENINGS: &[&str] = &[
    "related articles",
    "related posts",
    "related stories",
    "related reading",
    "related content",
    "more articles",
    "more stories",
    "you might also like",
    "you may also like",
    "you might also enjoy",
    "you may also enjoy",
    "recommended for you",
    "recommended articles",
    "recommended reading",
    "if you liked this post",
    "if you enjoyed this post",
    "written by",
    "reviewed by",
    "you may be interested in",
    "you might be interested in",
    "explore more",
];

/// A text without its trailing white space, closing quotes, brackets and
/// asterisks: where its last sentence mark would be.
fn sentence_end(text: &str) -> &str {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', '*'])
}

/// Whether a text ends a sentence (Latin, CJK and Arabic-script marks).
fn ends_sentence(text: &str) -> bool {
    sentence_end(text).ends_with(['.', '!', '?', '…', '。', '؟', '۔'])
}

/// Whether a text reads as running prose: twelve words or more and 80
/// bytes that end a sentence.
fn is_prose_text(text: &str) -> bool {
    text.len() >= 80 && ends_sentence(text) && text.split_whitespace().nth(11).is_some()
}

/// Whether a block reads as running prose: a paragraph of prose text.
fn is_prose(b: &Block) -> bool {
    b.kind == BlockKind::Paragraph && is_prose_text(&b.text)
}

/// Whether a block of a hole reads as running prose: a prose paragraph,
/// or a list item that is one (the criteria of a method, the steps of a
/// guide written out in sentences).
fn is_hole_prose(b: &Block) -> bool {
    match b.kind {
        BlockKind::ListItem => is_prose_text(&b.text),
        _ => is_prose(b),
    }
}

/// Whether a block is a question of an FAQ: one line that reads as one
/// (see [`crate::pagetype::is_question`]).
fn is_question(b: &Block) -> bool {
    !b.text.contains('\n') && crate::pagetype::is_question(&b.text)
}

/// Whether a block is a heading short enough to open a section.
fn is_section_heading(b: &Block) -> bool {
    b.kind == BlockKind::Heading && b.text.chars().count() <= 120 && !b.text.contains('\n')
}

/// Whether a block is a marker of an article's tail ("Related articles").
fn is_tail_marker(b: &Block) -> bool {
    let t = b.text.trim().trim_end_matches([':', '.', '!', '…']);
    let n = t.chars().count();
    if n > 60 {
        return false;
    }
    let lower = crate::fold::lower(t);
    (n <= 40
        && TAIL_MARKERS.iter().any(|m| {
            lower == *m
                || lower.strip_prefix(m).is_some_and(|rest| {
                    rest.len() <= 12 && !rest.starts_with(char::is_alphanumeric)
                })
        }))
        || (!t.contains('\n')
            && TAIL_OPENINGS.iter().any(|m| {
                lower.strip_prefix(m).is_some_and(|rest| {
                    let mut c = rest.chars();
                    match c.next() {
                        None | Some(':' | ',' | '-' | '–' | '—') => true,
                        Some(' ') => c.next().is_some_and(char::is_alphabetic),
                        _ => false,
                    }
                })
            }))
}

/// The number that opens a heading of a numbered list of sections ("4.
/// Automate your savings", "5) Pack light").
fn heading_number(b: &Block) -> Option<u32> {
    if !is_section_heading(b) {
        return None;
    }
    let mut t = b.text.trim_start();
    // "Step 3: …", "Tip 4. …": one word before the number.
    if let Some((word, rest)) = t.split_once(' ')
        && word.chars().count() <= 8
        && word.chars().all(char::is_alphabetic)
        && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        t = rest;
    }
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 {
        return None;
    }
    // A stop, bracket or colon, not followed by a digit ("2.5 cups",
    // "10:30").
    let mut rest = t[digits..].chars();
    (matches!(rest.next(), Some('.' | ')' | ':'))
        && rest.next().is_some_and(|c| !c.is_ascii_digit()))
    .then(|| t[..digits].parse().ok())
    .flatten()
}

/// A numbered article split over sibling parts of the page: the
/// readability core keeps one part (sections 4 to 7 of nine) and drops the
/// others. When the core's numbered headings run from `m` to `n`, the
/// page's sections numbered `m - 1` down to 1 (between the core's block
/// ahead of its first numbered heading and that heading: a hole in the
/// core's text, or the page ahead of it) and `n + 1` onwards (the first
/// within eight blocks of the core's last block) are the same text: they
/// are taken from the whole-page walk, each to the end of its prose (the
/// unnumbered headings between them, titles of groups of sections, come
/// along). The numbers must follow on without a gap; a tail marker or a
/// block the core already holds ends the search.
pub(crate) fn extend_numbered_sections(chosen: &mut Vec<Block>, page: &[Block]) {
    let nums: Vec<u32> = chosen.iter().filter_map(heading_number).collect();
    let (Some(&first_num), Some(&last_num)) = (nums.first(), nums.last()) else {
        return;
    };
    let at = unique_positions(page);
    let find = |text: &str| at.get(text).copied().flatten();
    let held: std::collections::HashSet<&str> = chosen.iter().map(|b| b.text.as_str()).collect();
    let stop = |b: &Block| is_tail_marker(b) || held.contains(b.text.as_str());
    // After: the sections numbered on from the core's last number.
    let mut after: Vec<Block> = Vec::new();
    if let Some(j) = chosen
        .iter()
        .rev()
        .find(|b| b.text.len() >= 40)
        .and_then(|b| find(&b.text))
    {
        let mut expected = last_num + 1;
        let (mut end, mut open) = (j + 1, false);
        for (i, b) in page.iter().enumerate().skip(j + 1) {
            if stop(b) || (expected == last_num + 1 && i > j + 8) {
                break;
            }
            match heading_number(b) {
                Some(n) if n == expected => {
                    expected += 1;
                    (end, open) = (i + 1, true);
                }
                Some(_) => break,
                None if b.kind == BlockKind::Heading => open = false,
                None if open => end = i + 1,
                None => {}
            }
        }
        if expected > last_num + 1 {
            after.extend(page[j + 1..end].iter().cloned());
        }
    }
    // Before: the sections numbered down to 1 ahead of the core's first
    // numbered heading, after the core's block before it (a hole in the
    // core's text, or the page ahead of it).
    let first_at = chosen.iter().position(|b| heading_number(b).is_some());
    if first_num > 1
        && let Some(c) = first_at
        && let Some(p) = find(&chosen[c].text)
    {
        let floor = match c {
            0 => Some(0),
            _ => find(&chosen[c - 1].text).map(|q| q + 1),
        };
        let mut expected = first_num - 1;
        let mut start = None;
        for (i, b) in page[..p].iter().enumerate().skip(floor.unwrap_or(p)).rev() {
            if stop(b) {
                break;
            }
            match heading_number(b) {
                Some(n) if n == expected => {
                    if n == 1 {
                        start = Some(i);
                        break;
                    }
                    expected -= 1;
                }
                Some(_) => break,
                None => {}
            }
        }
        if let Some(s) = start {
            let hole: Vec<Block> = page[s..p].to_vec();
            chosen.splice(c..c, hole);
        }
    }
    chosen.append(&mut after);
}

/// The position of each block text met once in a page walk (`None` for a
/// text met more than once).
fn unique_positions(page: &[Block]) -> std::collections::HashMap<&str, Option<usize>> {
    let mut at = std::collections::HashMap::with_capacity(page.len());
    for (i, b) in page.iter().enumerate() {
        at.entry(b.text.as_str())
            .and_modify(|v| *v = None)
            .or_insert(Some(i));
    }
    at
}

/// Holes in the readability core's text: the page's blocks between two
/// blocks that follow each other in the core's output (both met once in
/// the page walk), dropped by its cleaning of low-scored parts (a section
/// wrapped in a box of its own). Page blocks whose start the core's text
/// already holds (the core splits blocks its own way) are no hole. A hole
/// comes back when it reads as the text: two prose paragraphs or more, of
/// 300 characters at least, making up a third of its text or more, and no
/// tail marker or boilerplate line. (One prose line alone is most often a
/// figure caption or a call to action the core rightly dropped.) A hole of
/// one or two section headings comes back too, and so does one of prose
/// after a question (an FAQ's answer in a closed panel, which the core
/// drops as hidden). Then the introduction
/// ahead of the core's block and a FAQ right after it are taken (see
/// [`extend_lead`] and [`extend_faq`]).
pub(crate) fn fill_holes(chosen: &mut Vec<Block>, page: &[Block]) {
    let at = unique_positions(page);
    let pos = |b: &Block| at.get(b.text.as_str()).copied().flatten();
    // The core splits blocks its own way: a page block held inside one of
    // the core's blocks is no hole.
    let joined = chosen
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let held = |h: &Block| {
        let end = h
            .text
            .char_indices()
            .nth(80)
            .map_or(h.text.len(), |(i, _)| i);
        joined.contains(&h.text[..end])
    };
    // A page block that may come back: not the core's, no tail marker, no
    // boilerplate.
    let fills = |h: &Block| !held(h) && !is_tail_marker(h) && !is_boilerplate(h);
    let mut out: Vec<Block> = Vec::with_capacity(chosen.len());
    let mut prev: Option<usize> = None;
    for b in chosen.drain(..) {
        let here = pos(&b);
        // Leaving out the blocks the core holds only removes prose: a hole
        // without two prose blocks of 300 bytes in all is never filled,
        // and is not searched for.
        let prose_in = |hole: &[Block]| {
            hole.iter()
                .filter(|h| is_hole_prose(h))
                .fold((0, 0), |(n, len), h| (n + 1, len + h.text.len()))
        };
        if let (Some(p), Some(q)) = (prev, here)
            && q > p + 1
            && let (n, len) = prose_in(&page[p + 1..q])
            && n >= 2
            && len >= 300
        {
            let hole: Vec<&Block> = page[p + 1..q].iter().filter(|h| !held(h)).collect();
            let all: usize = hole.iter().map(|h| h.text.len()).sum();
            let prose: Vec<usize> = hole
                .iter()
                .filter(|h| is_hole_prose(h))
                .map(|h| h.text.len())
                .collect();
            let prose_len: usize = prose.iter().sum();
            if prose.len() >= 2
                && prose_len >= 300
                && prose_len * 3 >= all
                && hole.iter().all(|h| fills(h))
            {
                out.extend(hole.into_iter().cloned());
            }
        } else if let (Some(p), Some(q)) = (prev, here)
            && (p + 2..=p + 5).contains(&q)
            && is_question(&page[p])
            && page[p + 1..q].iter().any(is_hole_prose)
            && page[p + 1..q].iter().all(fills)
        {
            // The answer to a question of an FAQ, in a closed panel the
            // core drops as hidden.
            out.extend(page[p + 1..q].iter().cloned());
        } else if let (Some(p), Some(q)) = (prev, here)
            && (p + 2..=p + 3).contains(&q)
            && page[p + 1..q]
                .iter()
                .all(|h| is_section_heading(h) && fills(h))
        {
            // A heading or two the core's cleaning dropped between two of
            // its blocks (a heading in a box named like a page header).
            out.extend(page[p + 1..q].iter().cloned());
        }
        if here.is_some() {
            prev = here;
        }
        out.push(b);
    }
    // The answer to the last question of an FAQ (one question at least
    // just before it: the last line of a story can be a question too).
    if let Some(p) = prev
        && out
            .last()
            .is_some_and(|b| pos(b) == Some(p) && is_question(b))
        && out.iter().rev().skip(1).take(6).any(is_question)
    {
        let answer: Vec<&Block> = page[p + 1..]
            .iter()
            .take(4)
            .take_while(|h| is_hole_prose(h) && !is_question(h) && fills(h))
            .collect();
        out.extend(answer.into_iter().cloned());
    }
    *chosen = out;
    extend_lead(chosen, page, &held);
    extend_faq(chosen, page);
}

/// Whether the block at `i` is an author's note: it opens with two
/// capitalised words (a name) that a short line (not a heading: a title
/// may hold any two words) among the four blocks before it holds ("By Jane Doe", then "Jane Doe covers science for …").
fn is_bio(page: &[Block], i: usize) -> bool {
    let mut words = page[i].text.split_whitespace();
    let (Some(a), Some(b)) = (words.next(), words.next()) else {
        return false;
    };
    let b = b.trim_end_matches(['’', '\'', ',']).trim_end_matches("’s");
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if !capital(a) || !capital(b) {
        return false;
    }
    let name = format!("{a} {b}");
    page[i.saturating_sub(4)..i]
        .iter()
        .any(|p| p.kind != BlockKind::Heading && p.text.len() < 100 && p.text.contains(&name))
}

/// The introduction ahead of the text: the readability core keeps the
/// body's container and drops a standfirst or first paragraphs the page
/// puts in a box of their own above it, often with a byline, a date or a
/// call to action between. Going back from the core's first block in the
/// page walk, past at most four short lines (under 100 bytes) or
/// headings, the prose paragraphs that follow one another there (150
/// bytes at least in all, none boilerplate nor held by the core) are
/// taken, in page order.
fn extend_lead(chosen: &mut Vec<Block>, page: &[Block], held: &dyn Fn(&Block) -> bool) {
    let Some(first) = chosen.first() else {
        return;
    };
    let Some(f) = page.iter().position(|b| b.text == first.text) else {
        return;
    };
    let takes = |i: usize| {
        let b = &page[i];
        is_prose(b) && !held(b) && !is_boilerplate(b) && !is_bio(page, i)
    };
    let mut lead = f;
    let mut gap = 0;
    for i in (0..f).rev() {
        if takes(i) {
            lead = i;
            continue;
        }
        let b = &page[i];
        if lead < f || gap == 4 || (b.text.len() >= 100 && b.kind != BlockKind::Heading) {
            break;
        }
        gap += 1;
    }
    let intro: Vec<Block> = (lead..f)
        .filter(|&i| takes(i))
        .map(|i| page[i].clone())
        .collect();
    if intro.iter().map(|b| b.text.len()).sum::<usize>() >= 150 {
        chosen.splice(0..0, intro);
    }
}

/// Whether a block is the heading of a list of questions and answers
/// ("FAQ", "FAQs", "Frequently asked questions", "Pricing: FAQs").
fn is_faq_heading(b: &Block) -> bool {
    if b.kind != BlockKind::Heading || b.text.chars().count() > 60 {
        return false;
    }
    // Persian and Dari write "پرسش‌های" with a zero-width non-joiner or
    // without it, and "سؤالات" with or without its hamza.
    let lower: String = b
        .text
        .to_lowercase()
        .chars()
        .filter(|&c| c != '\u{200C}')
        .map(|c| {
            if c == '\u{0624}' {
                '\u{0648}'
            } else {
                crate::fold::letter(c)
            }
        })
        .collect();
    lower.contains("frequently asked questions")
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "faq" || w == "faqs")
        || FAQ_HEADINGS.iter().any(|h| lower.contains(h))
}

/// "Frequently asked questions" and "questions and answers" in Persian
/// and Dari, Pashto and Arabic (written as [`is_faq_heading`] compares
/// them: no zero-width non-joiner, "و" for "ؤ").
const FAQ_HEADINGS: &[&str] = &[
    "پرسشهای متداول",
    "پرسشهای رایج",
    "سوالات متداول",
    "پرسش و پاسخ",
    "سوال و جواب",
    "پوښتنې او ځوابونه",
    "الاسئلة الشائعة",
];

/// Questions and answers right after the text: the readability core keeps
/// the article's container and drops a FAQ section the page puts in a box
/// of its own just after it. When the page walk has a FAQ heading within
/// four blocks after the core's last block (short lines between, such as
/// "Share this"), that heading and the questions and answers after it are
/// taken: up to a tail marker, a boilerplate line, an author's note, a
/// heading that asks no question, or a block the core holds. They come back only when at least
/// two answers read as prose.
fn extend_faq(chosen: &mut Vec<Block>, page: &[Block]) {
    let Some(last) = chosen.iter().rev().find(|b| b.text.len() >= 40) else {
        return;
    };
    let Some(j) = page.iter().rposition(|b| b.text == last.text) else {
        return;
    };
    let Some(start) = page
        .iter()
        .enumerate()
        .skip(j + 1)
        .take(4)
        .take_while(|(_, b)| b.text.chars().count() < 60 || is_faq_heading(b))
        .find_map(|(i, b)| is_faq_heading(b).then_some(i))
    else {
        return;
    };
    let held: std::collections::HashSet<&str> = chosen.iter().map(|b| b.text.as_str()).collect();
    let end = page[start + 1..]
        .iter()
        .position(|b| {
            is_tail_marker(b)
                || is_boilerplate(b)
                || is_author_note(b)
                || held.contains(b.text.as_str())
                || (b.kind == BlockKind::Heading
                    && !b.text.trim_end().ends_with(crate::pagetype::QUESTION_MARKS))
        })
        .map_or(page.len(), |k| start + 1 + k);
    let answers = page[start + 1..end]
        .iter()
        .filter(|b| b.kind != BlockKind::Heading && b.text.len() >= 80)
        .count();
    if answers >= 2 {
        chosen.extend(page[start..end].iter().cloned());
    }
}

/// Cuts the tail of an article's blocks at a marker heading.
pub(crate) fn cut_tail(blocks: &mut Vec<Block>) {
    let half = blocks.len() / 2;
    // What follows a marker in the first half is the tail too when it is
    // a list of links or teasers: five short lines or more (80 bytes on
    // average, none of 400).
    let mut after = vec![(0usize, 0usize, 0usize); blocks.len() + 1];
    for (i, b) in blocks.iter().enumerate().rev() {
        let (mut chars, mut lines, mut longest) = after[i + 1];
        for l in b.text.lines() {
            chars += l.len();
            lines += 1;
            longest = longest.max(l.len());
        }
        after[i] = (chars, lines, longest);
    }
    let listlike = |i: usize| {
        let (chars, lines, longest) = after[i + 1];
        lines >= 5 && chars < lines * 80 && longest < 400
    };
    let cut = blocks
        .iter()
        .enumerate()
        .skip(1)
        .filter(|&(i, _)| i >= half || listlike(i))
        .find_map(|(i, b)| is_tail_marker(b).then_some(i));
    if let Some(i) = cut {
        blocks.truncate(i);
    }
    // An author's note among the last three blocks ends the text, with the
    // line of the author's name just before it.
    let from = blocks.len().saturating_sub(3).max(1);
    if let Some(i) = (from..blocks.len()).find(|&i| is_author_note(&blocks[i])) {
        let first_name = blocks[i]
            .text
            .trim_start_matches("About the author:")
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        let name_line =
            |b: &Block| b.text.len() < 60 && !first_name.is_empty() && b.text.contains(&first_name);
        let at = if name_line(&blocks[i - 1]) && i > 1 {
            i - 1
        } else {
            i
        };
        blocks.truncate(at);
    }
}

/// Short lines after the last sentence of an article: a paragraph or
/// heading of under 80 bytes that ends no sentence ("Filed under
/// Gardening", "Share", a teaser's title, a sign-up button), at the very
/// end of the text, is the page's furniture left after the article (tags,
/// share and follow links, the headings of empty boxes). They are dropped
/// from the end back to the first line that ends a sentence, a list item
/// or a longer block; the first block always stays. Lines ending with a
/// colon announce what follows and stay too. A run of more than 24 such
/// lines is the text's own table or list (the cells of a table of figures
/// at the end of a report), and stays. Boilerplate lines (see
/// `is_boilerplate`: a paywall's prompts, left out of the text later) are
/// part of the run whatever their length. First, a news site's appeals
/// for support go (see `drop_appeals`).
pub(crate) fn drop_trailing_lines(blocks: &mut Vec<Block>) {
    drop_appeals(blocks);
    let trailing = |b: &Block| {
        matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading)
            && ((b.text.len() < 80
                && !ends_sentence(&b.text)
                && !sentence_end(&b.text).ends_with(':'))
                || is_boilerplate(b))
    };
    let run = blocks
        .iter()
        .skip(1)
        .rev()
        .take(25)
        .take_while(|b| trailing(b))
        .count();
    if run <= 24 {
        blocks.truncate(blocks.len() - run);
    }
    // Then the site's notices that close the page (see `is_end_notice`),
    // at most two.
    for _ in 0..2 {
        if blocks.len() > 1 && blocks.last().is_some_and(is_end_notice) {
            blocks.pop();
        }
    }
}

/// Drops a news site's appeals for support (see `is_appeal`): one among
/// the last eight blocks, in the second half, ends the text (what follows
/// it is the rest of the appeal, the editor's signature and the site's
/// notices); one elsewhere (a box above or inside the text) is dropped
/// alone. Blocks that are all appeals stay.
fn drop_appeals(blocks: &mut Vec<Block>) {
    let from = blocks.len().saturating_sub(8).max(blocks.len() / 2).max(1);
    if let Some(i) = (from..blocks.len()).find(|&i| is_appeal(&blocks[i])) {
        blocks.truncate(i);
    }
    if !blocks.iter().all(is_appeal) {
        blocks.retain(|b| !is_appeal(b));
    }
}

/// The words an appeal holds, at least one of them (see `is_appeal`).
const APPEAL_PREFILTER: crate::anyof::AnyOf = crate::anyof::AnyOf::new(&[
    "favor to ask",
    "favour to ask",
    "republish",
    "readers like you",
    "make a donation",
    "journalism",
    "reporting",
    "please consider",
]);

/// Whether a paragraph of under 600 bytes is a news site's appeal to its
/// readers: for a favour or a donation ("… we have a small favor to
/// ask.", "Please consider donating …", "This story is funded by readers
/// like you"), for support of its journalism ("Consider becoming a member
/// to support our journalism"), or an offer to republish its articles.
fn is_appeal(b: &Block) -> bool {
    if !matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading)
        || b.text.len() >= 600
        || !APPEAL_PREFILTER.found_in(&b.text)
    {
        return false;
    }
    let lower = b.text.to_lowercase();
    let holds = |p: &[&str]| contains_any(&lower, p);
    holds(&[
        "favor to ask",
        "favour to ask",
        "republish our",
        "republish this",
        "readers like you",
        "make a donation",
    ]) || (holds(&["journalism", "reporting"])
        && holds(&[
            "support our",
            "supporting our",
            "support independent",
            "supporting independent",
        ]))
        || (lower.contains("please consider") && holds(&["donat", "pitching in"]))
}

/// Drops the credit lines left in an article's text: a paragraph that is
/// only a label and names ("By Rick Steves", "Updated by Jon Linkov",
/// "Written by Ana Ruiz, Li Wei, and Sam Hart", "Illustrations: Tim
/// Boelaars"), at most eight names' words that end no sentence. The
/// bylines are metadata. A heading ("By Audience", a section of a guide)
/// stays, and so does a label before words in small letters ("By the
/// numbers"). Article pages only: a listing's cards each carry theirs.
pub(crate) fn drop_byline_lines(blocks: &mut Vec<Block>) {
    if blocks.len() > 1 {
        blocks.retain(|b| !is_byline_line(b));
    }
}

fn is_byline_line(b: &Block) -> bool {
    const LABELS: &[&str] = &[
        "by",
        "written by",
        "words by",
        "story by",
        "updated by",
        "edited by",
        "reviewed by",
        "medically reviewed by",
        "fact checked by",
        "fact-checked by",
        "illustrations by",
        "illustration by",
        "illustrations:",
        "illustration:",
        "photography by",
    ];
    /// Words that join names ("and", "&", particles of surnames).
    const JOINS: &[&str] = &[
        "and", "&", "de", "van", "von", "der", "da", "del", "la", "le", "bin", "al", "el",
    ];
    if b.kind != BlockKind::Paragraph || b.text.len() > 160 {
        return false;
    }
    let words: Vec<&str> = b.text.split_whitespace().collect();
    let Some(names) = LABELS.iter().find_map(|l| {
        let n = l.split(' ').count();
        (words.len() > n
            && words[..n]
                .iter()
                .zip(l.split(' '))
                .all(|(w, lw)| w.eq_ignore_ascii_case(lw)))
        .then(|| &words[n..])
    }) else {
        return false;
    };
    let last = names.last().copied().unwrap_or_default();
    names.len() <= 8
        && !last.ends_with(['.', '!', '?', ':'])
        && names[0].starts_with(char::is_uppercase)
        && names.iter().all(|w| {
            let w = w.trim_end_matches(',');
            w.starts_with(char::is_uppercase) || JOINS.contains(&w)
        })
}

/// An affiliate disclosure among the first three blocks of an article
/// ("This post contains affiliate links …", "Purchases made through our
/// links may earn us a commission.", "… we may include paid
/// promotion."): the site's notice above the text, dropped when other
/// blocks remain.
pub(crate) fn drop_lead_disclosure(blocks: &mut Vec<Block>) {
    if blocks.len() < 2 {
        return;
    }
    if let Some(i) = blocks.iter().take(3).position(is_disclosure) {
        blocks.remove(i);
    }
}

/// Whether a paragraph of under 500 bytes discloses affiliate links or
/// paid placements: "affiliate" with "link" or "commission", a
/// commission the site earns or receives, or "paid promotion".
fn is_disclosure(b: &Block) -> bool {
    if b.kind != BlockKind::Paragraph || b.text.len() >= 500 {
        return false;
    }
    let lower = b.text.to_lowercase();
    let paid = || {
        lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.starts_with("earn") || w.starts_with("receiv"))
    };
    (lower.contains("affiliate") && (lower.contains("link") || lower.contains("commission")))
        || (lower.contains("commission") && paid())
        || lower.contains("paid promotion")
}

/// Whether a paragraph of under 400 bytes is one of the notices a site
/// puts after its articles: a copyright or rights line ("© 2025 Harbour
/// Notes", "… All rights reserved."), an affiliate disclosure ("This post
/// contains affiliate links …", "… from qualifying purchases"), a sign-up
/// call ("Sign up now to get …", "Subscribe for …"), a disclaimer
/// ("Disclaimer: …", "… for informational purposes only …") or the
/// blogger's greeting ("Hi, I'm Sam! …").
fn is_end_notice(b: &Block) -> bool {
    if b.kind != BlockKind::Paragraph || b.text.len() >= 400 {
        return false;
    }
    let lower = b.text.trim().to_lowercase();
    let starts = |p: &[&str]| starts_any(&lower, p);
    let holds = |p: &[&str]| contains_any(&lower, p);
    // "Hi, I'm Sam", "Hey there! I’m Jo": a greeting, then "I'm".
    let greeting = ["hi", "hey", "hello"].iter().any(|g| {
        lower.strip_prefix(g).is_some_and(|r| {
            let r = r.strip_prefix(" there").unwrap_or(r);
            let r = r.trim_start_matches([',', '!']).trim_start();
            r.starts_with("i'm ") || r.starts_with("i’m ") || r.starts_with("i am ")
        })
    });
    greeting
        || starts(&[
            "©",
            "copyright",
            "disclaimer",
            "sign up",
            "sign-up",
            "subscribe",
        ])
        || holds(&[
            "all rights reserved",
            "affiliate link",
            "affiliate marketer",
            "affiliate commission",
            "qualifying purchases",
            "for informational purposes",
            "not be considered medical",
            "not be considered legal",
            "not be considered financial",
            "views expressed",
            "opinions expressed",
        ])
}

/// Whether a paragraph is a note about the author: a name (one to four
/// capitalised words, after "About the author:" if it is there), then
/// "is", "has", "covers", "writes"… and a word of the trade ("Jane Doe is
/// a freelance writer based in …", "Sam covers science for …"), in at most
/// 700 bytes.
fn is_author_note(b: &Block) -> bool {
    if b.kind != BlockKind::Paragraph || b.text.len() > 700 {
        return false;
    }
    let t = b.text.trim_start_matches("About the author:").trim_start();
    let mut verb = false;
    for (names, w) in t.split_whitespace().take(5).enumerate() {
        if names > 0
            && matches!(
                w,
                "is" | "has" | "was" | "covers" | "writes" | "started" | "joined" | "holds"
            )
        {
            verb = true;
            break;
        }
        if !w.starts_with(char::is_uppercase) {
            return false;
        }
    }
    if !verb {
        return false;
    }
    let lower = t.to_lowercase();
    [
        "writer",
        "write",
        "writing",
        "written",
        "editor",
        "reporter",
        "journalist",
        "author",
        "contributor",
        "columnist",
        "freelance",
        "correspondent",
        "blogger",
        "professor",
        "faculty",
        "vice president",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || is_role_note(&lower)
}

/// Whether a note about a person names one of the roles of its own
/// ("Sam Reyes is the health director at …", "… is a content specialist
/// at …", "… is the owner of …"): as whole words, so that the plural and
/// derived words of a company's blurb ("our EV specialists", "ownership")
/// do not count.
fn is_role_note(lower: &str) -> bool {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "director" | "specialist" | "owner"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_walk_that_kept_little_of_the_long_paragraphs_misses_the_text() {
        let para = |n: usize| Block {
            kind: BlockKind::Paragraph,
            text: "word ".repeat(n),
        };
        // 4 non-white-space characters a word.
        let kept = vec![para(50), para(50)];
        assert!(misses_running_text(&kept, 1300));
        assert!(!misses_running_text(&kept, 1100));
        // Pages with little text in long paragraphs are never judged.
        assert!(!misses_running_text(&[], 900));
        assert!(misses_running_text(&[], 1000));
    }

    fn block(kind: BlockKind, text: &str) -> Block {
        Block {
            kind,
            text: text.to_string(),
        }
    }

    #[test]
    fn numbered_headings_are_read() {
        use BlockKind::{Heading as H, Paragraph as P};
        let n = |kind, t| heading_number(&block(kind, t));
        assert_eq!(n(H, "4. Pack light"), Some(4));
        assert_eq!(n(H, "12) Leave early"), Some(12));
        assert_eq!(n(H, "Step 3: Book the ferry"), Some(3));
        assert_eq!(n(H, "Tip 2.\u{a0}Bring water"), Some(2));
        assert_eq!(n(H, "2.5 cups of flour"), None);
        assert_eq!(n(H, "10:30 departure"), None);
        assert_eq!(n(H, "2024 in review"), None);
        assert_eq!(n(H, "The 3 best walks"), None);
        assert_eq!(n(P, "4. Pack light"), None);
    }

    /// The numbered sections of a guide split over parts of the page come
    /// back around the part the core kept, in page order; a numbered list
    /// elsewhere that does not follow on is left out.
    #[test]
    fn numbered_sections_around_the_core_block_are_taken() {
        use BlockKind::{Heading as H, ListItem as L, Paragraph as P};
        let page = vec![
            block(L, "1. Most read elsewhere"),
            block(P, "Planning a walk along the coast takes a little care."),
            block(H, "Before you go"),
            block(H, "1. Check the tides"),
            block(
                P,
                "The path floods at high water twice a day, so read the tide table.",
            ),
            block(H, "2. Pack light"),
            block(
                P,
                "A small bag with water and a coat is all the walk asks for.",
            ),
            block(H, "On the path"),
            block(H, "3. Keep to the marked route"),
            block(
                P,
                "The cliffs crumble in winter, and the marked route avoids them.",
            ),
            block(H, "4. Leave early"),
            block(
                P,
                "The light fades early in autumn and the last bus leaves at five.",
            ),
            block(P, "Sign up"),
            block(H, "Coming home"),
            block(H, "5. Rest your feet"),
            block(
                P,
                "A warm bath after twenty kilometres is well earned by anyone.",
            ),
            block(H, "Related articles"),
            block(H, "6. Another list"),
        ];
        let mut chosen = page[8..12].to_vec();
        extend_numbered_sections(&mut chosen, &page);
        let texts: Vec<_> = chosen.iter().map(|b| b.text.as_str()).collect();
        let want: Vec<_> = page[3..12]
            .iter()
            .chain(&page[12..16])
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(texts, want);

        // Without a numbered heading in the core's block, nothing changes.
        let mut plain = vec![page[1].clone()];
        extend_numbered_sections(&mut plain, &page);
        assert_eq!(plain, vec![page[1].clone()]);
    }

    /// Prose the core's cleaning cut out between two of its blocks comes
    /// back; a caption, a call to action, or a block the core holds in a
    /// longer one does not.
    #[test]
    fn holes_of_prose_in_the_core_block_are_filled() {
        use BlockKind::{Heading as H, Paragraph as P};
        let prose = |t: &str| {
            block(
                P,
                &format!(
                    "{t} walked the length of the harbour wall before the storm came in, \
                     counting the cracks and the loose stones one by one for the report due in the spring."
                ),
            )
        };
        let page = vec![
            prose("First, the council"),
            block(H, "What the divers found"),
            prose("Then the divers"),
            prose("Later the engineers"),
            prose("After that the mayor"),
            block(
                P,
                "Photo: the harbour wall at low tide, seen from the old pier.",
            ),
            prose("Finally the residents"),
            block(H, "Want to know more? Join our newsletter today"),
            prose("Sign up and our team"),
            prose("In the end everyone"),
        ];
        // The core merged two page blocks into one of its own.
        let merged = Block {
            kind: P,
            text: format!("{}\n{}", page[3].text, page[4].text),
        };
        let mut chosen = vec![
            page[0].clone(),
            merged.clone(),
            page[6].clone(),
            page[9].clone(),
        ];
        fill_holes(&mut chosen, &page);
        let texts: Vec<_> = chosen.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                page[0].text.as_str(),
                &merged.text,
                &page[6].text,
                &page[9].text
            ]
        );

        // A hole of a heading and two prose paragraphs comes back.
        let mut chosen = vec![page[0].clone(), page[4].clone()];
        fill_holes(&mut chosen, &page);
        assert_eq!(chosen, page[0..5].to_vec());
    }

    #[test]
    fn a_table_of_contents_is_dropped() {
        use BlockKind::{Heading as H, ListItem as L, Paragraph as P};
        let mut blocks = vec![
            block(P, "Table of Contents"),
            block(L, "Why the ferry changed"),
            block(L, "2. What walkers should know!"),
            block(P, "The harbour board met on Monday."),
            block(H, "Why the ferry changed"),
            block(P, "The morning boat leaves earlier."),
            block(L, "Bring water"),
            block(H, "2. What walkers should know"),
            block(L, "Why the ferry changed"),
        ];
        blocks.retain(|b| !is_boilerplate(b));
        drop_toc(&mut blocks);
        let texts: Vec<_> = blocks.iter().map(|b| b.text.as_str()).collect();
        // A list item after the heading it repeats is text, as is a list
        // item that names no heading.
        assert_eq!(
            texts,
            [
                "The harbour board met on Monday.",
                "Why the ferry changed",
                "The morning boat leaves earlier.",
                "Bring water",
                "2. What walkers should know",
                "Why the ferry changed",
            ]
        );
        // Without headings, nothing is a table of contents.
        let mut items = vec![block(L, "Bring water"), block(L, "Bring a hat")];
        drop_toc(&mut items);
        assert_eq!(items.len(), 2);
    }

    #[test]
    fn the_tail_is_cut_at_a_marker_in_the_second_half_or_before_a_link_list() {
        use BlockKind::{Heading as H, Paragraph as P};
        let story = [
            block(P, "The harbour board met on Monday."),
            block(P, "The morning boat leaves earlier."),
            block(P, "The last boat waits for the bus."),
        ];
        for marker in [
            "Also in the news",
            "Related Post",
            "Recent posts:",
            "About the author",
        ] {
            let mut blocks = story.to_vec();
            blocks.push(block(H, marker));
            blocks.push(block(P, "Island school opens a new hall."));
            cut_tail(&mut blocks);
            assert_eq!(blocks, story, "{marker}");
        }
        // In the first half a marker is no tail: the text goes on.
        let mut early = vec![block(H, "Recent posts"), story[0].clone()];
        early.extend(story.iter().cloned());
        cut_tail(&mut early);
        assert_eq!(early.len(), 5);
        // Unless a list of links or teasers follows it.
        let mut links = vec![story[0].clone(), block(H, "Related content:")];
        for t in [
            "Ferry fares",
            "Harbour works",
            "Bus times",
            "Tide tables",
            "Island news",
        ] {
            links.push(block(P, t));
        }
        let mut more = story.to_vec();
        more.extend(links.iter().skip(2).cloned());
        links.extend(more);
        cut_tail(&mut links);
        assert_eq!(links, [story[0].clone()]);
        // A marker is a word: "Sources" ends no "sourcestring" field.
        let mut fields = story.to_vec();
        fields.push(block(P, "sourcestring"));
        fields.push(block(P, "The id of the source."));
        cut_tail(&mut fields);
        assert_eq!(fields.len(), 5);
    }

    #[test]
    fn furniture_boxes_are_cleaned_before_the_core() {
        let doc = Document::from(
            r##"<html><body><article><p>The harbour board met on Monday.</p>
            <div class="author-bio">Mina writes about boats.</div>
            <div class="author_detail_box"><p>Sam sails.</p></div>
            <p class="post-disclaimer">Prices may change.</p>
            <div class="cta-banner"><a href="/q">Get a quote</a></div>
            <div id="signup-modal">Join us</div>
            <div class="ez-toc-container"><a href="#a">Why</a></div>
            <ul class="post-list"><li><a href="/o">Other story</a></li></ul>
            <p>The morning boat leaves earlier.</p></article></body></html>"##,
        );
        pre_clean(&doc, true);
        let text = doc.select("body").text();
        for gone in [
            "Mina writes",
            "Sam sails",
            "Prices may",
            "Get a quote",
            "Join us",
            "Why",
            "Other story",
        ] {
            assert!(!text.contains(gone), "{gone} kept in {text}");
        }
        assert!(text.contains("met on Monday") && text.contains("leaves earlier"));
    }

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
        assert_eq!(
            blocks_of_typed_page(&body, 100, crate::PageType::Forum).len(),
            4
        );
    }

    #[test]
    fn an_indented_menu_is_as_long_as_its_words() {
        use crate::PageType as T;
        // A template's menu: a few words, and the markup's indentation
        // between them (more bytes than the rest of the page).
        let indent = format!("\n{}", " ".repeat(2000));
        let menu: String = ["Guitars", "Basses", "Drums", "Keyboards", "Microphones"]
            .iter()
            .map(|w| format!("<span>{indent}<a href=\"/{w}\">{w}</a>{indent}</span>"))
            .collect();
        let html = format!(
            "<html><body><nav class=\"site-nav\">{menu}</nav>\
             <div class=\"product\"><h1>Studio microphone</h1><p>{}</p></div></body></html>",
            "A dynamic microphone for voices and loud amplifiers. ".repeat(20)
        );
        let doc = Document::from(html.as_str());
        let body = doc.body().unwrap();
        let (bytes, chars) = crate::textlen::sizes(&body);
        assert!(bytes > 4 * chars, "{bytes} {chars}");
        let texts: Vec<String> = blocks_of_typed_page(&body, chars, T::Product)
            .into_iter()
            .map(|b| b.text)
            .collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("Guitars")), "{texts:?}");
    }

    #[test]
    fn shop_pages_leave_out_long_navigation_and_reviews_and_keep_hidden_tabs() {
        use crate::PageType as T;
        let links: String = (0..120)
            .map(|i| format!("<li><a href=\"/s/{i}\">Store number {i} opening hours</a></li>"))
            .collect();
        let html = format!(
            "<html><body><div class=\"product\"><p>{}</p>\
             <div id=\"customer_reviews\"><p>Five stars, it works.</p></div>\
             <div class=\"review-widget\"><p>Our tester liked it.</p></div>\
             <ul class=\"product-carousel\"><li>More lanterns from the shop</li></ul>\
             <div class=\"tab-panel\" aria-hidden=\"true\"><p>Care: wipe it clean.</p></div>\
             <div hidden><p>Warranty: two years.</p></div></div>\
             <footer><ul>{links}</ul></footer></body></html>",
            "A lantern that folds flat. ".repeat(60)
        );
        let doc = Document::from(html.as_str());
        let body = doc.body().unwrap();
        let len = crate::textlen::non_ws(&body);
        let texts = |t| -> Vec<String> {
            blocks_of_typed_page(&body, len, t)
                .into_iter()
                .map(|b| b.text)
                .collect()
        };
        // The footer is more than half of the page: a forum walk keeps it.
        let forum = texts(T::Forum);
        assert!(forum.iter().any(|t| t.contains("Store number 7")));
        assert!(forum.iter().any(|t| t == "Five stars, it works."));
        // A listing walk drops the footer, keeps the reviews.
        let listing = texts(T::Listing);
        assert!(!listing.iter().any(|t| t.contains("Store number")));
        assert!(listing.iter().any(|t| t == "Five stars, it works."));
        // A product walk drops both; a singular "review" class stays.
        let product = texts(T::Product);
        assert!(!product.iter().any(|t| t.contains("Store number")));
        assert!(!product.iter().any(|t| t == "Five stars, it works."));
        assert!(product.iter().any(|t| t == "Our tester liked it."));
        assert!(!product.iter().any(|t| t.contains("More lanterns")));
        assert!(listing.iter().any(|t| t.contains("More lanterns")));
        // Hidden tabs are content on shop pages, furniture on others.
        for t in ["Care: wipe it clean.", "Warranty: two years."] {
            assert!(product.iter().any(|b| b == t), "{t}");
            assert!(listing.iter().any(|b| b == t), "{t}");
            assert!(!forum.iter().any(|b| b == t), "{t}");
        }
        assert!(product[0].starts_with("A lantern that folds flat."));
    }

    #[test]
    fn white_space_is_collapsed_and_empty_lines_dropped() {
        assert_eq!(normalize("  a \u{a0} b \n\n \t\n c\td  "), "a b\nc d");
        for s in [
            "  a  b \n\n \t\n c\td  ",
            "\n\nx",
            "x\x0by\x0c z\r\n",
            " \n ",
            "a \n b",
            "",
        ] {
            // The ASCII pass agrees with the general one.
            let general = s
                .split('\n')
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            assert_eq!(normalize(s), general, "{s:?}");
        }
        assert_eq!(normalize(" \n "), "");
        assert_eq!(normalize("خبر‌ها  امروز"), "خبر‌ها امروز");
    }

    #[test]
    fn shop_pages_keep_a_large_part_named_like_furniture() {
        // 660 characters (white space aside) in a "promo" box on a page of
        // 4,700: furniture on a forum (under a third of half the page),
        // content on a listing (over a tenth of the page).
        let intro = "Boots for wet trails and long days. ".repeat(22);
        let items = "<li>Trail boot, waxed leather, resoled by hand.</li>".repeat(110);
        let html = format!(
            "<html><body><div class=\"promo-intro\"><p>{intro}</p></div>\
             <ul class=\"grid\">{items}</ul></body></html>"
        );
        let doc = Document::from(html.as_str());
        let body = doc.body().unwrap();
        let len = crate::textlen::non_ws(&body);
        assert!((4000..5500).contains(&len), "{len}");
        let has_intro = |t| {
            blocks_of_typed_page(&body, len, t)
                .iter()
                .any(|b| b.text.starts_with("Boots for wet trails"))
        };
        assert!(!has_intro(crate::PageType::Forum));
        assert!(has_intro(crate::PageType::Listing));
        assert!(has_intro(crate::PageType::Product));
    }

    #[test]
    fn a_long_consent_box_or_modal_is_furniture_on_every_page() {
        let centre =
            "<p>Performance cookies count visits so that we can measure the site.</p>".repeat(40);
        let html = format!(
            "<html><body><div class=\"entry\"><p>{}</p></div>\
             <div id=\"onetrust-pc-sdk\">{centre}</div></body></html>",
            "The council opened the new bridge on Monday. ".repeat(45)
        );
        let doc = Document::from(html.as_str());
        let body = doc.body().unwrap();
        let len = crate::textlen::non_ws(&body);
        // The box is more than half of the page, less than three quarters.
        assert!((3500..4500).contains(&len), "{len}");
        for t in [crate::PageType::Forum, crate::PageType::Listing] {
            let texts: Vec<_> = blocks_of_typed_page(&body, len, t)
                .into_iter()
                .map(|b| b.text)
                .collect();
            assert_eq!(texts.len(), 1, "{t:?}: {texts:?}");
            assert!(texts[0].starts_with("The council"));
        }
        for w in [
            "consent",
            "GDPR",
            "cookiebanner",
            "CookieConsent",
            "onetrust",
            "Modal",
            "popup",
        ] {
            assert!(is_overlay_word(w), "{w}");
        }
        for w in ["cook", "recipes", "consents2", "modality"] {
            assert!(!is_overlay_word(w), "{w}");
        }
    }

    #[test]
    fn the_header_of_an_article_or_section_is_content_on_shop_pages() {
        let doc = Document::from(
            "<html><body><header><a href=\"/\">Home</a></header>\
             <article><header><h2>Ferry times change</h2><p>Two boats a day.</p></header>\
             <footer>Town</footer></article><section><header><h2>Opening hours</h2>\
             </header></section><p>Page text.</p></body></html>",
        );
        let body = doc.body().unwrap();
        let texts = |t| -> Vec<String> {
            blocks_of_typed_page(&body, 100, t)
                .into_iter()
                .map(|b| b.text)
                .collect()
        };
        assert_eq!(
            texts(crate::PageType::Listing),
            [
                "Ferry times change",
                "Two boats a day.",
                "Opening hours",
                "Page text."
            ]
        );
        // On a forum a post's header (poster, date) is furniture.
        assert_eq!(texts(crate::PageType::Forum), ["Page text."]);
    }

    #[test]
    fn the_furniture_prefilter_passes_every_furniture_word() {
        let words = [
            "nav",
            "NavBar",
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
            "AD",
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
            "dialog",
            "CookieBanner",
            "onetrust",
        ];
        for w in words {
            assert!(is_furniture_word(w) || is_overlay_word(w), "{w}");
            assert!(FURNITURE_PREFILTER.found_in(w), "{w}");
        }
        assert!(!is_furniture_word("entry") && !FURNITURE_PREFILTER.found_in("entry-content"));
    }

    #[test]
    fn repeated_blocks_are_dropped_after_the_first() {
        let p = |t: &str| Block {
            kind: BlockKind::Paragraph,
            text: t.into(),
        };
        let blocks = vec![
            p("Size"),
            p("$20"),
            p("Pick a size"),
            p("Size"),
            p("Cotton."),
            p("Pick a size"),
            p("$20"),
        ];
        let kept = |min_words| {
            let mut b = blocks.clone();
            drop_repeats(&mut b, min_words);
            b.into_iter().map(|b| b.text).collect::<Vec<_>>()
        };
        assert_eq!(kept(1), ["Size", "$20", "Pick a size", "Cotton."]);
        // One-word blocks (a poster's name) may repeat.
        assert_eq!(
            kept(2),
            ["Size", "$20", "Pick a size", "Size", "Cotton.", "$20"]
        );
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
            "29,553 posts",
            "518 helpful votes",
            "20 replies to this topic",
            "Report inappropriate content",
        ] {
            assert!(is_forum_chrome(&p(chrome)), "{chrome}");
        }
        for post in [
            "Reply to the council by Friday.",
            "#general",
            "3 apples",
            "Joined the club in May",
            "2 helpful neighbours",
            "12 posts were moved to the archive",
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
        // Button labels of calls to action.
        assert!(is_unrendered_template(&p(
            "{{ thread.errors[42].message }}"
        )));
        assert!(is_unrendered_template(&p(
            "21 {{ upvoteCount | shortNum }}"
        )));
        assert!(is_unrendered_template(&p("${{amount}}")));
        assert!(!is_unrendered_template(&p(
            "Write {{ name }} in the template to print the visitor's name."
        )));
        assert!(!is_unrendered_template(&p("Ferry times {{ change")));
        assert!(!is_unrendered_template(&Block {
            kind: BlockKind::Preformatted,
            text: "{{ form }}".into(),
        }));
        assert!(is_boilerplate(&p("Book now")));
        assert!(is_boilerplate(&p("Get a quote!")));
        assert!(!is_boilerplate(&p("Book now for the spring ferry season.")));
        // Placeholder text of any length.
        assert!(is_boilerplate(&p("Lorem ipsum 2")));
        assert!(is_boilerplate(&p(
            "This is some text inside of a div block."
        )));
        assert!(is_boilerplate(&p(&format!(
            "Lorem Ipsum dolor sit amet, consectetur adipiscing elit. {}",
            "Sed do eiusmod tempor incididunt ut labore. ".repeat(5)
        ))));
        assert!(!is_boilerplate(&p(
            "Lorem ipsum is the placeholder text designers have used since the sixteenth century."
        )));
    }

    #[test]
    fn tail_headings_that_go_on_with_words_are_markers() {
        use BlockKind::{Heading as H, Paragraph as P};
        let m = |kind, t| is_tail_marker(&block(kind, t));
        assert!(m(H, "Related articles that may interest you"));
        assert!(m(H, "More articles you might enjoy"));
        assert!(m(P, "Related Reading: Five quiet harbours"));
        assert!(m(P, "Written by Dana Okafor"));
        assert!(m(P, "Reviewed by,"));
        assert!(m(H, "Post navigation"));
        assert!(m(P, "Previous post"));
        // Text that only opens with the same words is not.
        assert!(!m(P, "More posts ≠ more readers"));
        assert!(!m(P, "Written byline policies differ between papers"));
        assert!(!m(
            H,
            "Related articles in the press told a story quite unlike the one the council gave"
        ));
    }

    /// A FAQ the page puts in a box of its own right after the text comes
    /// back, to the first heading that asks nothing; one too far away, or
    /// with no prose answers, does not.
    #[test]
    fn a_faq_right_after_the_text_is_taken() {
        use BlockKind::{Heading as H, Paragraph as P};
        let answer1 =
            "The ferry leaves the harbour every two hours from spring to autumn, weather allowing.";
        let answer2 =
            "Bicycles travel free on the morning boats, and for a small fee on the evening ones.";
        let last = "The island's one café opens at nine and closes when the last ferry has gone.";
        let page = vec![
            block(P, "Menu"),
            block(P, last),
            block(P, "Share this"),
            block(H, "Frequently asked questions"),
            block(H, "How often does the ferry run?"),
            block(P, answer1),
            block(H, "Can I take my bicycle?"),
            block(P, answer2),
            block(H, "Latest from the blog"),
            block(
                P,
                "A teaser of another post that is long enough to look like an answer here.",
            ),
        ];
        let mut chosen = vec![block(P, last)];
        extend_faq(&mut chosen, &page);
        let texts: Vec<&str> = chosen.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                last,
                "Frequently asked questions",
                "How often does the ferry run?",
                answer1,
                "Can I take my bicycle?",
                answer2
            ]
        );
        // Five blocks away: not the article's FAQ.
        let mut far = page.clone();
        for _ in 0..4 {
            far.insert(2, block(P, "Tags"));
        }
        let mut chosen = vec![block(P, last)];
        extend_faq(&mut chosen, &far);
        assert_eq!(chosen.len(), 1);
        // One answer only: left out.
        let mut short = page.clone();
        short.truncate(6);
        let mut chosen = vec![block(P, last)];
        extend_faq(&mut chosen, &short);
        assert_eq!(chosen.len(), 1);
        for t in [
            "FAQ",
            "Pricing: FAQs",
            "Frequently Asked Questions about ferries",
        ] {
            assert!(is_faq_heading(&block(H, t)), "{t}");
        }
        // Persian with and without the zero-width non-joiner, Pashto,
        // Arabic.
        for t in [
            "پرسش\u{200C}های متداول",
            "پرسشهای متداول",
            "سؤالات متداول",
            "پوښتنې او ځوابونه",
            "الأسئلة الشائعة",
        ] {
            assert!(is_faq_heading(&block(H, t)), "{t}");
        }
        assert!(!is_faq_heading(&block(H, "اخبار متداول")));
        // Questions asked with the Arabic question mark go on the FAQ.
        let fa_last = "کشتی جزیره هر روز صبح ساعت شش از بندر حرکت می‌کند و تا غروب برمی‌گردد.";
        let fa1 = "کشتی از بهار تا پاییز هر دو ساعت یک بار از بندر حرکت می‌کند، اگر هوا اجازه دهد.";
        let fa2 =
            "دوچرخه در کشتی‌های صبح رایگان است و در کشتی‌های عصر با هزینه‌ای اندک پذیرفته می‌شود.";
        let fa_page = vec![
            block(P, fa_last),
            block(H, "پرسش\u{200C}های متداول"),
            block(H, "کشتی چند بار در روز حرکت می‌کند؟"),
            block(P, fa1),
            block(H, "آیا می‌توانم دوچرخه‌ام را ببرم؟"),
            block(P, fa2),
        ];
        let mut chosen = vec![block(P, fa_last)];
        extend_faq(&mut chosen, &fa_page);
        assert_eq!(chosen.len(), 6, "{chosen:?}");
        assert!(!is_faq_heading(&block(P, "FAQ")));
        assert!(!is_faq_heading(&block(H, "Faquir's tale")));
    }

    /// A part's header inside an `<article>` or `<section>` (a FAQ
    /// question, a card title) is text; the page's header is furniture.
    #[test]
    fn a_header_class_inside_an_article_is_not_furniture() {
        let doc = Document::from(
            "<html><body><div class=\"site-header\"><a href=\"/\">Harbour News</a></div>\
             <article><div class=\"faq-item-header\"><h3>When does the ferry run?</h3></div>\
             <p>Every two hours.</p></article></body></html>",
        );
        let body = doc.body().unwrap();
        let texts: Vec<_> = blocks_of_article_page(&body, 100)
            .into_iter()
            .map(|b| b.text)
            .collect();
        assert_eq!(texts, ["When does the ferry run?", "Every two hours."]);
    }

    /// A heading the core dropped between two of its blocks comes back; a
    /// tail marker there does not.
    #[test]
    fn a_heading_dropped_between_two_core_blocks_comes_back() {
        use BlockKind::{Heading as H, Paragraph as P};
        let a = "The harbour wall was rebuilt in stone after the storm of the previous winter.";
        let b = "The new wall stands a metre higher and has a walkway along its top for visitors.";
        let c = "Fishing boats now shelter behind it when the wind comes from the north-east.";
        let page = vec![
            block(P, a),
            block(H, "A higher wall"),
            block(P, b),
            block(H, "Comments"),
            block(P, c),
        ];
        let mut chosen = vec![block(P, a), block(P, b), block(P, c)];
        fill_holes(&mut chosen, &page);
        let texts: Vec<&str> = chosen.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, [a, "A higher wall", b, c]);
    }

    /// The introduction above the core's block comes back over a byline
    /// and a date; an author's note above it, named on a line before it,
    /// does not.
    #[test]
    fn the_introduction_before_the_core_block_is_taken() {
        use BlockKind::{Heading as H, Paragraph as P};
        let intro = "Winter storms closed the harbour for eleven days this year, the longest closure since \
                     records began, and the island ran short of bread, milk and fuel before the first boat came.";
        let first = "The harbour master said the boats would run again from Monday.";
        let page = vec![
            block(H, "Harbour reopens"),
            block(P, intro),
            block(P, "By Dana Okafor"),
            block(P, "12 March"),
            block(P, first),
        ];
        let mut chosen = vec![block(P, first)];
        fill_holes(&mut chosen, &page);
        let texts: Vec<&str> = chosen.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, [intro, first]);
        let bio = "Dana Okafor covers the coast for the paper and has written about its ferries for a decade.";
        let page = vec![
            block(P, "By Dana Okafor"),
            block(P, bio),
            block(P, "12 March"),
            block(P, first),
        ];
        let mut chosen = vec![block(P, first)];
        fill_holes(&mut chosen, &page);
        assert_eq!(chosen.len(), 1, "{chosen:?}");
    }

    #[test]
    fn the_answers_of_an_faq_come_back_after_their_questions() {
        use BlockKind::{Heading as H, Paragraph as P};
        let lead = "The ferry company will stop selling tickets on the quay from January, it said on Monday.";
        let (q1, a1) = (
            "Can I still pay with cash?",
            "Yes, at the harbour office in town, which sells tickets for cash on weekdays until March.",
        );
        let (q2, a2) = (
            "Do children need a ticket of their own?",
            "Children under five travel free; older children need a ticket at half the adult fare.",
        );
        let page = vec![
            block(P, lead),
            block(H, "Questions"),
            block(P, q1),
            block(P, a1),
            block(P, q2),
            block(P, a2),
            block(P, "Share"),
        ];
        // The core dropped the closed panels.
        let mut chosen = vec![
            block(P, lead),
            block(H, "Questions"),
            block(P, q1),
            block(P, q2),
        ];
        fill_holes(&mut chosen, &page);
        let texts: Vec<&str> = chosen.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, [lead, "Questions", q1, a1, q2, a2]);
        // A story that ends on a question takes nothing after it.
        let end = "Who will pay for the new quay?";
        let page = vec![
            block(P, lead),
            block(P, end),
            block(
                P,
                "Dana Okafor is a reporter who covers the coast and its ferries for the paper.",
            ),
        ];
        let mut chosen = vec![block(P, lead), block(P, end)];
        fill_holes(&mut chosen, &page);
        assert_eq!(chosen.len(), 2, "{chosen:?}");
    }

    #[test]
    fn an_authors_note_at_the_end_is_cut() {
        use BlockKind::{ListItem as L, Paragraph as P};
        let text = "The boats run again from Monday, the harbour master said on Friday.";
        let mut blocks = vec![
            block(P, text),
            block(P, "Dana Okafor"),
            block(
                P,
                "Dana Okafor is a freelance writer who covers the coast and its ferries.",
            ),
            block(P, "View author page"),
        ];
        cut_tail(&mut blocks);
        assert_eq!(blocks, [block(P, text)]);
        for note in [
            "About the author: Sam Reyes is a photographer and writer based in the north.",
            "Kim has written for the paper since 2018.",
            "Jean-Luc started the site in 2010 to write about small computers.",
        ] {
            assert!(is_author_note(&block(P, note)), "{note}");
        }
        for text in [
            "Okafor is optimistic about the new timetable, she said.",
            "The harbour is a writer's favourite view.",
            "Tomorrow the editor is away.",
        ] {
            assert!(!is_author_note(&block(P, text)), "{text}");
        }
        assert!(!is_author_note(&block(
            L,
            "Dana Okafor is a freelance writer."
        )));
    }

    #[test]
    fn scroll_utilities_leave_the_class_list_unless_the_box_is_closed() {
        assert_eq!(
            without_misread_marks("col-span-2 overflow-hidden").as_deref(),
            Some("col-span-2")
        );
        assert_eq!(
            without_misread_marks("md:overflow-x-scroll scroll-mt-24 prose overscroll-contain")
                .as_deref(),
            Some("prose")
        );
        assert_eq!(
            without_misread_marks("field field--name-body field--label-hidden").as_deref(),
            Some("field field--name-body")
        );
        // Names that only hold the words stay: they may be furniture.
        assert_eq!(without_misread_marks("story-body hidden-xs"), None);
        assert_eq!(without_misread_marks("swiper-scrollbar"), None);
        // An accordion's closed panel is hidden indeed.
        assert_eq!(
            without_misread_marks("grid overflow-hidden transition-all grid-rows-[0fr]"),
            None
        );
        assert_eq!(without_misread_marks("overflow-hidden h-0"), None);
        // Kadence's accordion and its closed panels hold the story.
        assert_eq!(
            without_misread_marks("kt-accordion-wrap kt-pane-header-alignment-left").as_deref(),
            Some("kt-accordion-wrap")
        );
        assert_eq!(
            without_misread_marks("kt-accordion-panel kt-accordion-panel-hidden").as_deref(),
            Some("kt-accordion-panel")
        );
        assert_eq!(without_misread_marks("kt-accordion-panel"), None);

        let doc = Document::from(
            "<html><body><article><p class=\"text-lg overflow-hidden\">Kept.</p>\
             <div class=\"overflow-hidden max-h-0\"><p>Closed.</p></div></article></body></html>",
        );
        pre_clean(&doc, true);
        assert_eq!(
            doc.select("p").first().attr("class").as_deref(),
            Some("text-lg")
        );
        assert_eq!(
            doc.select("div").first().attr("class").as_deref(),
            Some("overflow-hidden max-h-0")
        );
        let doc =
            Document::from("<html><body><p class=\"overflow-hidden\">Card.</p></body></html>");
        pre_clean(&doc, false);
        assert_eq!(
            doc.select("p").attr("class").as_deref(),
            Some("overflow-hidden")
        );
    }

    #[test]
    fn a_hidden_part_inside_a_section_is_text_of_the_article_walk() {
        let doc = Document::from(
            "<html><body><div hidden><p>Mobile menu</p></div>\
             <article><p>The ferry runs every two hours.</p>\
             <section><h3>Can I take my bicycle?</h3>\
             <div aria-hidden=\"true\"><p>Yes, for free on the morning boats.</p></div>\
             </section></article></body></html>",
        );
        let body = doc.body().unwrap();
        let texts: Vec<_> = blocks_of_article_page(&body, 100)
            .into_iter()
            .map(|b| b.text)
            .collect();
        assert_eq!(
            texts,
            [
                "The ferry runs every two hours.",
                "Can I take my bicycle?",
                "Yes, for free on the morning boats."
            ]
        );
    }

    #[test]
    fn button_labels_are_boilerplate() {
        let p = |t: &str| Block {
            kind: BlockKind::Paragraph,
            text: t.into(),
        };
        for t in [
            "Learn more",
            "Learn More »",
            "See details",
            "Check price",
            "Buy now!",
        ] {
            assert!(is_boilerplate(&p(t)), "{t}");
        }
        assert!(!is_boilerplate(&p(
            "Learn more about the tides before you walk out to the island."
        )));
    }
    #[test]
    fn a_note_naming_a_persons_role_at_the_end_is_cut() {
        use BlockKind::Paragraph as P;
        for note in [
            "Mina Castell is the owner of the island bakery, which her grandmother opened.",
            "Sam Reyes is the health director at the island clinic and a keen sailor.",
            "Kim Lee is a content specialist at Harbour Notes.",
            "Jo Park is the chief technical officer and vice president for boats at Tidal.",
        ] {
            assert!(is_author_note(&block(P, note)), "{note}");
        }
        // A company's blurb: a plural or a derived word is no role.
        for text in [
            "Tidal is built to make boat ownership simpler, with support from specialists.",
            "Harbour Notes is read by owners of small boats all over the coast.",
        ] {
            assert!(!is_author_note(&block(P, text)), "{text}");
        }
    }

    #[test]
    fn more_tail_headings_are_markers() {
        use BlockKind::{Heading as H, Paragraph as P};
        let m = |kind, t| is_tail_marker(&block(kind, t));
        assert!(m(H, "Up Next"));
        assert!(m(H, "Discover more"));
        assert!(m(H, "Explore More Harbour Guides"));
        assert!(m(P, "You may be interested in these stories:"));
        assert!(m(H, "You might be interested in"));
        assert!(!m(P, "Up next week: the ferry timetable changes again"));
        assert!(!m(H, "Exploring more of the coast by kayak"));
    }

    /// A list item written as a sentence counts as prose in a hole; a
    /// short item (a name, a link) does not.
    #[test]
    fn a_list_of_sentences_is_prose_in_a_hole() {
        use BlockKind::{ListItem as L, Paragraph as P};
        let criterion = "Accuracy (30%): We measured how far each predicted time of high water fell from the gauge.";
        assert!(is_hole_prose(&block(L, criterion)));
        assert!(is_hole_prose(&block(P, criterion)));
        assert!(!is_hole_prose(&block(
            L,
            "Five knots every crew should know"
        )));
        assert!(!is_hole_prose(&block(BlockKind::Heading, criterion)));
    }
    #[test]
    fn a_read_more_sentence_is_text_and_a_read_more_link_line_is_not() {
        let p = |t: &str| block(BlockKind::Paragraph, t);
        assert!(!is_boilerplate(&p(
            "Read more about how waterproof fabrics are tested."
        )));
        assert!(is_boilerplate(&p("Read more about it…")));
        assert!(is_boilerplate(&p("Read more: Boots for the quay")));
        assert!(is_boilerplate(&p("Read more about boots")));
        assert!(is_boilerplate(&p("Read More »")));
    }
    #[test]
    fn credit_lines_leave_an_article_but_headings_and_sentences_stay() {
        let p = |t: &str| block(BlockKind::Paragraph, t);
        let body = "The ferry will run four crossings a day from November, the operator said.";
        let mut blocks = vec![
            p("By Rick Steves"),
            p("Updated by Jon Linkov"),
            p("Written by Ana Ruiz, Li Wei, and Sam Hart"),
            p("Illustrations: Tim Boelaars"),
            p("By\nChris Radich"),
            p("By Anya von Bremzen"),
            p(body),
            block(BlockKind::Heading, "By Audience"),
            p("By the numbers"),
            p("By Tuesday the road was open again."),
            p("By using the site you agree to our terms"),
            p("Author: Heather Webber"),
        ];
        drop_byline_lines(&mut blocks);
        let left: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            left,
            [
                body,
                "By Audience",
                "By the numbers",
                "By Tuesday the road was open again.",
                "By using the site you agree to our terms",
                "Author: Heather Webber"
            ]
        );
        // A text that is only a credit line stays.
        let mut one = vec![p("By Rick Steves")];
        drop_byline_lines(&mut one);
        assert_eq!(one.len(), 1);
    }

    #[test]
    fn reading_times_and_update_lines_are_boilerplate() {
        let p = |t: &str| block(BlockKind::Paragraph, t);
        for t in [
            "5 min read",
            "3 MIN. READ",
            "Reading time: 11 minutes",
            "Read time: 4 min",
            "12 minute read",
            "Last updated on September 16th, 2023 at 09:27 am",
            "Updated on June 18, 2025 at 12:35 PM",
            "Published: 12 March 2025",
        ] {
            assert!(is_boilerplate(&p(t)), "{t}");
        }
        for t in [
            "Read the minutes of the harbour board",
            "5 minutes to read the tide table",
            "Posted on the harbour forum of the island council on 2025-07-09:",
            "Published on the island notice board every spring, the list names six keepers.",
            "Updated timetables are at the harbour office",
        ] {
            assert!(!is_boilerplate(&p(t)), "{t}");
        }
    }
    #[test]
    fn form_labels_are_left_out_of_the_walk_of_pages_that_are_not_articles() {
        let doc = Document::from(
            "<html><body><div class=\"product\"><p>A smock of waxed cotton.</p>\
             <form><label for=\"s\">Choose your size</label><select id=\"s\">\
             <option>Small</option></select></form></div></body></html>",
        );
        let body = doc.body().unwrap();
        let texts = |t| -> Vec<String> {
            blocks_of_typed_page(&body, 100, t)
                .into_iter()
                .map(|b| b.text)
                .collect()
        };
        assert_eq!(
            texts(crate::PageType::Product),
            ["A smock of waxed cotton."]
        );
        assert_eq!(
            texts(crate::PageType::Service),
            ["A smock of waxed cotton."]
        );
        let article: Vec<_> = blocks_of_article_page(&body, 100)
            .into_iter()
            .map(|b| b.text)
            .collect();
        assert_eq!(article, ["A smock of waxed cotton.", "Choose your size"]);
    }

    #[test]
    fn short_lines_and_notices_after_the_text_are_dropped() {
        use BlockKind::{Heading as H, ListItem as L, Paragraph as P};
        let texts = |bs: &[Block]| bs.iter().map(|b| b.text.clone()).collect::<Vec<_>>();
        let prose = "The ferry leaves the harbour at seven and reaches the island an hour later.";
        let mut blocks = vec![
            block(P, prose),
            block(P, "Filed under Ferries"),
            block(H, "More from the harbour"),
        ];
        drop_trailing_lines(&mut blocks);
        assert_eq!(texts(&blocks), [prose]);
        // A sentence, a line announcing what follows and a list item stay.
        let mut blocks = vec![
            block(P, prose),
            block(P, "Book early."),
            block(P, "Timetable:"),
            block(L, "Monday"),
        ];
        drop_trailing_lines(&mut blocks);
        assert_eq!(blocks.len(), 4);
        // A long run of short lines is the text's own table.
        let mut blocks = vec![block(P, prose)];
        blocks.extend((0..30).map(|i| block(P, &format!("{i} knots"))));
        drop_trailing_lines(&mut blocks);
        assert_eq!(blocks.len(), 31);
        // Notices: at most two, never the first block.
        let mut blocks = vec![
            block(P, prose),
            block(P, "Ferry times are given for informational purposes only."),
            block(P, "© 2025 Harbour Notes. All rights reserved."),
        ];
        drop_trailing_lines(&mut blocks);
        assert_eq!(texts(&blocks), [prose]);
        let mut only = vec![block(P, "Subscribe to the harbour letter.")];
        drop_trailing_lines(&mut only);
        assert_eq!(only.len(), 1);
    }

    #[test]
    fn end_notices_are_recognised() {
        let p = |t: &str| is_end_notice(&block(BlockKind::Paragraph, t));
        assert!(p("Hi, I'm Sam! I write about boats and the sea."));
        assert!(p("Hey there! I’m Jo, and this is my harbour blog."));
        assert!(p("This post contains affiliate links to the shops we use."));
        assert!(p("Sign up now to get the tide tables in your inbox."));
        assert!(p("Disclaimer: check the tides before you set out."));
        assert!(!p("Hidden coves are best reached at low tide."));
        assert!(!p("His subscription to the harbour letter ran out in May."));
        assert!(!is_end_notice(&block(BlockKind::Heading, "Subscribe")));
    }

    #[test]
    fn notices_of_forum_and_form_software_are_boilerplate() {
        let p = |t: &str| is_boilerplate(&block(BlockKind::Paragraph, t));
        assert!(p("Your browser does not support the video tag."));
        assert!(p("You must log in or register to reply here."));
        assert!(p(
            "This field is for validation purposes and should be left unchanged."
        ));
        assert!(!p("The browser shows the video once the page has loaded."));
    }

    #[test]
    fn an_affiliate_disclosure_above_the_text_is_dropped() {
        use BlockKind::Paragraph as P;
        let prose = "The ferry leaves the harbour at seven and reaches the island an hour later.";
        let note = "Purchases made through our links may earn us a commission.";
        let mut blocks = vec![block(P, note), block(P, prose)];
        drop_lead_disclosure(&mut blocks);
        assert_eq!(blocks, [block(P, prose)]);
        // Alone, it stays; "learn" is no earning.
        let mut only = vec![block(P, note)];
        drop_lead_disclosure(&mut only);
        assert_eq!(only.len(), 1);
        assert!(!is_disclosure(&block(
            P,
            "Learn how the harbour commission sets the ferry fares."
        )));
        assert!(is_disclosure(&block(
            P,
            "This post contains affiliate links to the chandlery."
        )));
    }

    #[test]
    fn paywall_prompts_and_survey_thanks_are_boilerplate() {
        let p = |t: &str| is_boilerplate(&block(BlockKind::Paragraph, t));
        assert!(p("Already have an account? Log in"));
        assert!(p("This article is exclusive to Quay+ subscribers"));
        assert!(p("To read the rest of this story subscribe to Quay+."));
        assert!(p(
            "Unlock this article — plus tide alerts and our archive of island news."
        ));
        assert!(p("View All Plans"));
        assert!(p("✅ Thank you for completing the survey!"));
        assert!(p("Show Caption"));
        assert!(p("Article continues below"));
        assert!(!p(
            "If you already have an account at the harbour office, bring your card."
        ));
        assert!(!p("The new berth is exclusive to the island ferries."));
    }

    #[test]
    fn advert_labels_are_boilerplate() {
        let p = |t: &str| is_boilerplate(&block(BlockKind::Paragraph, t));
        assert!(p("Advertisement: New tide tables for 2026!"));
        assert!(p("Advertisement - members don't see this ad"));
        assert!(p("SKIP ADVERTISEMENT"));
        assert!(!p(
            "Advertising: the harbour board pays for posters at every pier."
        ));
        assert!(!p(
            "Advertisements for the ferry appeared in every paper on the coast that summer, and bookings doubled."
        ));
    }

    #[test]
    fn persian_chrome_is_boilerplate_however_its_letters_are_typed() {
        let p = |t: &str| is_boilerplate(&block(BlockKind::Paragraph, t));
        assert!(p("بیشتر بخوانید"));
        // Arabic yeh, as some keyboards and CMSs write it.
        assert!(p("بيشتر بخوانيد"));
        assert!(p("بيشتر بخوانيد: سیلاب در هرات"));
        assert!(p("اشتراک‌گذاری"));
        assert!(p("تبليغات"));
        // Tags, "also read" in Dari, Pashto and Arabic.
        assert!(p("برچسب‌ها"));
        assert!(p("همچنین بخوانید: سیلاب در هرات"));
        assert!(p("دا هم ولولئ: په هرات کې سیلاب"));
        assert!(p("اقرأ أيضاً: فيضانات في هرات"));
        assert!(!p("سیلاب در هرات"));
        let m = |t: &str| is_tail_marker(&block(BlockKind::Heading, t));
        assert!(m("اخبار مرتبط"));
        assert!(m("مطالب مرتبط"));
        assert!(m("پربیننده‌ترین‌ها"));
        assert!(m("اړوند خبرونه"));
        assert!(m("أخبار ذات صلة"));
        assert!(m("الأكثر قراءة"));
        assert!(!m(
            "مطالب مرتبط با سیلاب‌های بهاری در شمال کشور که باید بخوانید"
        ));
    }

    #[test]
    fn lone_photo_credits_are_boilerplate() {
        let p = |t: &str| is_boilerplate(&block(BlockKind::Paragraph, t));
        assert!(p("Photo: Harbour Picture Agency"));
        assert!(p("Image credit: © Island Wildlife Trust"));
        assert!(p("Sam Reyes / Getty Images"));
        // An empty label stays with the picture's blocks; a sentence and a
        // line of two credits are text.
        assert!(!p("Credit:"));
        assert!(!p("Photo: the ferry leaves the harbour at seven."));
        assert!(!p("Photo credit:\nharbour.example.org"));
        assert!(!is_boilerplate(&block(
            BlockKind::Preformatted,
            "image: harbour/app:2.1"
        )));
        assert!(!p(
            "The agency sold the pictures to Getty Images in 1998, and the island archive bought copies of every one of them."
        ));
    }

    #[test]
    fn sign_up_fine_print_and_follow_calls_are_boilerplate() {
        let p = |t: &str| is_boilerplate(&block(BlockKind::Paragraph, t));
        assert!(p(
            "By signing up, you agree to receive recurring text messages from Quay Deals. Msg and data rates may apply."
        ));
        assert!(p(
            "By clicking “Post”, you agree to our terms of service and privacy policy."
        ));
        assert!(p(
            "Follow us on Instagram and Facebook for the latest island news."
        ));
        assert!(p("*** Follow me on Instagram ***"));
        assert!(!p(
            "By providing tide tables at every pier, the harbour board helps visitors plan."
        ));
        assert!(!p(
            "By streamlining the timetable, you accept fewer crossings on Sundays."
        ));
        assert!(!p(
            "Follow the coast path north until you reach the lighthouse."
        ));
    }

    #[test]
    fn appeals_for_support_are_dropped() {
        use BlockKind::Paragraph as P;
        let texts = |bs: &[Block]| bs.iter().map(|b| b.text.clone()).collect::<Vec<_>>();
        let prose = |i: usize| {
            format!(
                "The ferry leaves the harbour at seven and reaches island number {i} an hour later."
            )
        };
        let lead = "Consider becoming a member to support our independent journalism.";
        let inside = "If you're enjoying this article, consider supporting our journalism.";
        let favour =
            "Since you made it to the bottom of this article, we have a small favor to ask.";
        let mut blocks = vec![block(P, lead)];
        blocks.extend((0..3).map(|i| block(P, &prose(i))));
        blocks.push(block(P, inside));
        blocks.extend((3..6).map(|i| block(P, &prose(i))));
        blocks.push(block(P, favour));
        blocks.push(block(
            P,
            "Every gift this month is matched, so your support goes twice as far.",
        ));
        blocks.push(block(
            P,
            "Republish our articles for free under a Creative Commons license.",
        ));
        drop_trailing_lines(&mut blocks);
        assert_eq!(texts(&blocks), (0..6).map(prose).collect::<Vec<_>>());
        // Support named in a sentence of the text is no appeal.
        for t in [
            "This work was supported in part by a trust; the institute keeps full control of its journalism.",
            "Please consider the tide times before you walk out to the island.",
            "The republic's harbour is reporting record numbers of visitors.",
        ] {
            assert!(!is_appeal(&block(P, t)), "{t}");
        }
        assert!(is_appeal(&block(
            P,
            "This story is funded by readers like you."
        )));
    }

    #[test]
    fn a_disclaimer_of_views_is_an_end_notice() {
        let p = |t: &str| is_end_notice(&block(BlockKind::Paragraph, t));
        assert!(p(
            "The views expressed are those of the writer and not necessarily those of the Courier."
        ));
    }

    #[test]
    fn shop_buttons_newsletter_calls_and_split_credits_are_dropped() {
        use BlockKind::{Heading as H, Paragraph as P};
        for t in [
            "Buy now at Harbour Outfitters",
            "Check Price on Quay Stores",
            "$1,299.00 from Harbour Supply",
            "£45 at Quay Stores",
        ] {
            assert!(is_shop_button(&block(P, t)), "{t}");
        }
        for t in [
            "At $129 it costs more than most of the field.",
            "$129 from the grant went to the ferry fund, the board said",
            "$40 million",
            "Buy now at Harbour Outfitters and save on every coat in the shop.",
        ] {
            assert!(!is_shop_button(&block(P, t)), "{t}");
        }
        assert!(!is_shop_button(&block(H, "Buy now at Harbour Outfitters")));

        let call = "Love the islands? Our Weekend Tide newsletter brings the best of the week's \
                    island stories and walks, delivered right to your inbox every Saturday \
                    morning. Sign up now and never miss a crossing.";
        assert!(is_newsletter_call(&block(P, call)));
        // A story about a newsletter names no inbox to sign up with.
        let story = "The harbour board's newsletter, which the clerk has written by hand \
                     since 1989, will move online next year, and the board says that printed \
                     copies will still be left at the ferry office for those who want one.";
        assert!(!is_newsletter_call(&block(P, story)));
        // Short calls are boilerplate already; long paragraphs are text.
        assert!(!is_newsletter_call(&block(
            P,
            "Sign up for our newsletter in your inbox."
        )));
        assert!(!is_newsletter_call(&block(P, &format!("{call} {call}"))));

        let mut blocks = vec![
            block(P, "The harbour board met on Monday."),
            block(P, "Credit:"),
            block(P, "Quay Courier / Tomas Vell"),
            block(P, "The morning boat leaves earlier."),
            block(P, "Photo credit:"),
            block(
                P,
                "The island's ferry company says the timetable changes in May.",
            ),
        ];
        drop_credit_pairs(&mut blocks);
        let texts: Vec<_> = blocks.iter().map(|b| b.text.as_str()).collect();
        // A label before a sentence is left alone.
        assert_eq!(
            texts,
            [
                "The harbour board met on Monday.",
                "The morning boat leaves earlier.",
                "Photo credit:",
                "The island's ferry company says the timetable changes in May."
            ]
        );
    }
}
