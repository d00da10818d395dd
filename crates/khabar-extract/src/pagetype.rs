//! Page type: is this an article, or a listing, forum thread, product page,
//! product collection, documentation page or service page? The crawler
//! follows listings and stores only articles.
//!
//! Two steps. First, article or not: a small logistic model weighs the
//! evidence for one article ([`ARTICLE_FEATURES`]: schema.org types,
//! `og:type`, a published date and its source, a byline, the URL path, a
//! title that announces a guide or an explainer, the share of text in long
//! paragraphs, in one run of paragraphs and in lists, link density,
//! `<article>` elements, code, headline links, call-to-action buttons,
//! figures, block quotes, a breadcrumb trail, the title's length and shape,
//! forum post bodies and upvotes, links to the next or previous page, a
//! "Posted on" or "Written by" line, "Edit this page" links, and the
//! scores of the other types). Then, for other pages, hand-set evidence
//! adds to each other type's score: schema.org types (JSON-LD and microdata),
//! `og:type`, the URL path, the page generator, and the shape of the page
//! (link density, headline links, price and cart buttons, posts). The
//! confidence is the article probability, or for other pages the
//! probability of "not an article" times the winner's share of the scores.

use std::collections::HashMap;

use dom_query::{Document, NodeData, NodeId, local_name};
use serde::Serialize;

use crate::el;
use crate::meta::{Meta, Source};

/// What kind of page this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PageType {
    /// A news story, report, blog post or opinion piece.
    Article,
    /// A section, tag, search or home page listing articles.
    Listing,
    /// A forum thread or Q&A page.
    Forum,
    /// One product for sale.
    Product,
    /// A shop's list of products.
    Collection,
    /// Technical documentation.
    Documentation,
    /// A page about an organisation or its services.
    Service,
}

impl PageType {
    pub const ALL: [PageType; 7] = [
        PageType::Article,
        PageType::Listing,
        PageType::Forum,
        PageType::Product,
        PageType::Collection,
        PageType::Documentation,
        PageType::Service,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PageType::Article => "article",
            PageType::Listing => "listing",
            PageType::Forum => "forum",
            PageType::Product => "product",
            PageType::Collection => "collection",
            PageType::Documentation => "documentation",
            PageType::Service => "service",
        }
    }
}

/// Shape of the page, measured before the main text is cut out.
#[derive(Debug, Default, Clone)]
pub(crate) struct Features {
    pub text_chars: usize,
    /// Length in bytes of the body's text, white space included.
    pub text_bytes: usize,
    pub link_chars: usize,
    pub long_paragraphs: usize,
    pub heading_links: usize,
    pub cart_buttons: usize,
    pub prices: usize,
    pub posts: usize,
    pub code_blocks: usize,
    /// Marks of documentation generators: Sphinx heading anchors and
    /// tables of contents, MkDocs / Docusaurus / GitBook layout classes.
    pub doc_marks: usize,
    pub articles: usize,
    /// Characters in paragraphs of 150 characters or more.
    pub long_par_chars: usize,
    /// Characters in innermost list items (menus, link lists, feature lists).
    pub list_chars: usize,
    /// Links styled as buttons: calls to action.
    pub cta_links: usize,

    /// `<button>` elements: menus, filters, carts, players, votes.
    pub buttons: usize,
    pub generator: String,
    /// The longest run of paragraphs: the most `<p>` text (non-white-space
    /// characters) among the children of one element.
    pub run_chars: usize,
    /// The same once the wrappers that hold one paragraph each are skipped
    /// (see [`unwrapped`]): at least `run_chars`.
    pub run2_chars: usize,
    /// `<figure>` elements: a story's photos and charts.
    pub figures: usize,
    /// `<blockquote>` elements: quoted posts in a thread, pull quotes.
    pub blockquotes: usize,
    /// Elements whose class or id names a breadcrumb trail.
    pub breadcrumbs: usize,
    /// Text nodes with "Posted on", "Published by", "Written by": a post's
    /// dateline or byline.
    pub posted_lines: usize,
    /// Elements whose class names the body of a forum post (phpBB,
    /// FluxBB, XenForo, Discourse, vBulletin classes).
    pub post_bodies: usize,
    /// Upvote buttons and counts (class, id, label or text).
    pub votes: usize,
    /// "Edit this page" / "Edit on GitHub" links of documentation.
    pub edit_links: usize,
    /// A `twitter:label1` meta tag "Written by" (Yoast SEO gives it to
    /// posts with an author, not to pages).
    pub written_by_meta: bool,
    /// Links (`<link>` or `<a>`) with `rel=next` or `rel=prev`: one page
    /// of a paginated list or of a manual.
    pub next_prev: usize,
    /// `<main>` elements: a page built on an HTML5 layout with one main
    /// region.
    pub mains: usize,
    /// React's streamed rendering: the `<template id="B:n">` placeholders
    /// of content that arrived late, and the `<div hidden id="S:n">` blocks
    /// that hold it at the end of the body (a script moves each block to
    /// its placeholder; see [`crate::place_streamed`]), with their numbers.
    pub placeholders: Vec<(u32, NodeId)>,
    pub streamed: Vec<(u32, NodeId)>,
    /// Buttons that open a panel (`aria-expanded`) and hold a question: the
    /// questions of an FAQ accordion, whose answers are the panels.
    pub questions: Vec<NodeId>,
    /// Blockquotes of social media embed code, and Telegram's embed
    /// scripts, with their platform (see [`crate::embeds`]).
    pub embeds: Vec<(khabar_model::Platform, NodeId)>,
}

/// Words of buttons that put a product in a cart.
const CART: &[&str] = &[
    "add to cart",
    "add to bag",
    "add to basket",
    "buy now",
    "add to trolley",
];

/// Question marks: Latin, Arabic-script (Persian, Pashto, Arabic) and
/// full-width.
pub(crate) const QUESTION_MARKS: [char; 3] = ['?', '\u{061F}', '\u{FF1F}'];

/// Whether a text (a button's, a block's) is a question of an FAQ: a
/// sentence of three words or more, at most 300 characters, that ends in
/// a question mark (Latin, Arabic-script or full-width).
pub(crate) fn is_question(text: &str) -> bool {
    let t = text.trim();
    t.ends_with(QUESTION_MARKS) && t.split_whitespace().nth(2).is_some() && t.chars().count() <= 300
}

fn is_cart(text: &str) -> bool {
    let t = text.to_lowercase();
    CART.iter().any(|k| t.contains(k))
}

/// An element of [`features`]' walk whose end has not been reached, with
/// the measures of the text read inside it so far.
struct Open {
    id: NodeId,
    tag: Tag,
    /// Non-white-space characters, and all characters.
    non_ws: usize,
    chars: usize,
    /// `<a>` elements inside.
    links: usize,
    /// Whether an `<li>` is inside.
    has_li: bool,
    /// For a `<p>`: its parent and its holder once single wrappers are
    /// skipped (see [`unwrapped`]).
    holders: Option<(NodeId, NodeId)>,
}

/// One pass over the tree (selector queries, one per feature, cost several
/// times more on large pages). The text of paragraphs, links and list
/// items is measured in the same pass: each text node counts once, for
/// every element open around it, instead of one walk of each element's
/// subtree (paragraphs inside list items inside links read their text
/// three times).
pub(crate) fn features(doc: &Document) -> Features {
    let mut f = Features::default();
    // `<p>` text by parent, and by parent once single wrappers are skipped.
    let mut runs: HashMap<NodeId, usize> = HashMap::new();
    let mut runs2: HashMap<NodeId, usize> = HashMap::new();
    // The body's text is measured in the same walk: in document order,
    // every text node after the start of `<body>` is inside it (the parser
    // puts text after `</body>` and `</html>` there too).
    let body = doc.body().map(|b| b.id);
    let mut in_body = false;
    // The elements that hold the node being read, outermost first: an
    // element ends where the walk meets a node whose parent is further up.
    let mut open: Vec<Open> = Vec::new();
    for n in doc.root().descendants_it() {
        let want_generator = f.generator.is_empty();
        let mut text = None;
        let (parent, seen) = n.query_or((None, None), |t| {
            let seen = match &t.data {
                NodeData::Element(e) => Some(Seen::of(e, want_generator)),
                NodeData::Text { contents } => {
                    let (non_ws, chars) = crate::textlen::char_counts(contents);
                    if in_body {
                        f.text_bytes += contents.len();
                        f.text_chars += non_ws;
                        let marks = text_marks(contents);
                        f.posted_lines += usize::from(marks.posted);
                        f.edit_links += usize::from(marks.edit);
                        f.votes += usize::from(marks.vote);
                    }
                    text = Some((non_ws, chars));
                    None
                }
                _ => None,
            };
            (t.parent, seen)
        });
        while open.last().is_some_and(|o| Some(o.id) != parent) {
            close(&mut open, &mut f, &mut runs, &mut runs2);
        }
        if let (Some((non_ws, chars)), Some(o)) = (text, open.last_mut()) {
            o.non_ws += non_ws;
            o.chars += chars;
        }
        in_body |= body == Some(n.id);
        let Some(seen) = seen else {
            continue;
        };
        let holders = (seen.tag == Tag::P)
            .then(|| parent.map(|p| (p, unwrapped(&n).id)))
            .flatten();
        open.push(Open {
            id: n.id,
            tag: seen.tag,
            non_ws: 0,
            chars: 0,
            links: 0,
            has_li: false,
            holders,
        });
        match seen.tag {
            Tag::A => {
                if seen.cta {
                    f.cta_links += 1;
                }
                if seen.button_class && is_cart(&n.text()) {
                    f.cart_buttons += 1;
                }
            }
            Tag::Button => {
                f.buttons += 1;
                let text = n.text();
                if is_cart(&text) {
                    f.cart_buttons += 1;
                }
                if seen.toggle && is_question(&text) {
                    f.questions.push(n.id);
                }
            }
            Tag::CartInput => f.cart_buttons += 1,
            Tag::Code => f.code_blocks += 1,
            Tag::Article => f.articles += 1,
            Tag::Main => f.mains += 1,
            Tag::Figure => f.figures += 1,
            Tag::Blockquote => {
                f.blockquotes += 1;
                let class = n.attr("class");
                if let Some(p) = class.as_deref().and_then(crate::embeds::platform_of) {
                    f.embeds.push((p, n.id));
                }
            }
            Tag::Iframe => {
                if let Some(p) = el::with(&n, crate::embeds::frame_src)
                    .flatten()
                    .and_then(|src| crate::embeds::frame_platform(src.as_bytes()))
                {
                    f.embeds.push((p, n.id));
                }
            }
            Tag::Script if n.has_attr("data-telegram-post") => {
                f.embeds.push((khabar_model::Platform::Telegram, n.id));
            }
            Tag::Meta => {
                if let Some(g) = seen.generator {
                    f.generator = g;
                }
                f.written_by_meta |= seen.written_by;
                continue;
            }
            _ => {}
        }
        match seen.stream {
            Some(Stream::Placeholder(k)) => f.placeholders.push((k, n.id)),
            Some(Stream::Block(k)) => f.streamed.push((k, n.id)),
            None => {}
        }
        f.doc_marks += usize::from(seen.doc_mark);
        f.breadcrumbs += usize::from(seen.breadcrumb);
        f.prices += usize::from(seen.price);
        f.posts += usize::from(seen.post);
        f.post_bodies += usize::from(seen.post_body);
        f.next_prev += usize::from(seen.next_prev);
        f.votes += usize::from(seen.vote);
    }
    while !open.is_empty() {
        close(&mut open, &mut f, &mut runs, &mut runs2);
    }
    f.run_chars = runs.into_values().max().unwrap_or(0);
    f.run2_chars = runs2.into_values().max().unwrap_or(0).max(f.run_chars);
    f
}

/// Ends the innermost element of `open`: the features of its text, which
/// then counts for the element around it.
fn close(
    open: &mut Vec<Open>,
    f: &mut Features,
    runs: &mut HashMap<NodeId, usize>,
    runs2: &mut HashMap<NodeId, usize>,
) {
    let Some(o) = open.pop() else {
        return;
    };
    match o.tag {
        Tag::P => {
            if let Some((parent, holder)) = o.holders {
                *runs.entry(parent).or_default() += o.non_ws;
                *runs2.entry(holder).or_default() += o.non_ws;
            }
            if o.chars >= 150 {
                f.long_paragraphs += 1;
                f.long_par_chars += o.non_ws;
            }
        }
        Tag::A => f.link_chars += o.non_ws,
        Tag::Li if !o.has_li => f.list_chars += o.non_ws,
        Tag::Heading => f.heading_links += o.links,
        _ => {}
    }
    if let Some(up) = open.last_mut() {
        up.non_ws += o.non_ws;
        up.chars += o.chars;
        up.links += o.links + usize::from(o.tag == Tag::A);
        up.has_li |= o.has_li || o.tag == Tag::Li;
    }
}

/// The kinds of element the features count.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    A,
    P,
    Li,
    /// `<h2>` to `<h4>`.
    Heading,
    Button,
    /// A submit `<input>` whose value puts a product in a cart.
    CartInput,
    /// `<pre>` and `<code>`.
    Code,
    Article,
    Main,
    Figure,
    Blockquote,
    Meta,
    /// `<script>`: Telegram's embed code is one.
    Script,
    /// `<iframe>`: a video player or a rendered post may be one.
    Iframe,
    Other,
}

/// What the attributes of one element tell the features.
struct Seen {
    tag: Tag,
    /// A link styled as a button (class with "btn", "button" or "cta").
    cta: bool,
    /// Class `button` or `btn`.
    button_class: bool,
    doc_mark: bool,
    price: bool,
    post: bool,
    /// The page generator, from a `<meta name=generator>` (when asked for).
    generator: Option<String>,
    /// Class or id with "breadcrumb".
    breadcrumb: bool,
    /// A class of [`POST_BODY_CLASSES`].
    post_body: bool,
    /// Class, id or label with "upvote".
    vote: bool,
    /// A `<meta name="twitter:label1" content="Written by">`.
    written_by: bool,
    /// `rel` with `next` or `prev` (on a `<link>` or an `<a>`).
    next_prev: bool,
    /// A placeholder or a block of React's streamed rendering.
    stream: Option<Stream>,
    /// A button that opens or closes a panel (`aria-expanded`).
    toggle: bool,
}

/// The two halves of React's streamed rendering, by number: `<template
/// id="B:n">` and `<div id="S:n">`.
#[derive(Clone, Copy)]
enum Stream {
    Placeholder(u32),
    Block(u32),
}

impl Stream {
    fn of(name: &dom_query::LocalName, id: &str) -> Option<Self> {
        let (kind, number) = id.split_at_checked(2)?;
        let k = number.parse().ok()?;
        match (kind, name) {
            ("B:", &local_name!("template")) => Some(Stream::Placeholder(k)),
            ("S:", &local_name!("div")) => Some(Stream::Block(k)),
            _ => None,
        }
    }
}

/// Words every class test of [`Seen::of`] needs: those of
/// [`DOC_PREFILTER`], "price", "post", "reply", "message", "answer" and
/// "breadcrumb".
const CLASS_PREFILTER: crate::anyof::AnyOf = crate::anyof::AnyOf::new(&[
    "breadcrumb",
    "doc",
    "toc",
    "headerlink",
    "md-",
    "devsite-",
    "mw-parser",
    "price",
    "post",
    "reply",
    "message",
    "answer",
    "body",
    "cooked",
    "bbwrapper",
    "vote",
]);

/// Classes of the body of one forum post: phpBB and vBulletin
/// (`postbody`, `post_body`, `postmessage`, `postcontent`, `postbit`),
/// FluxBB (`blockpost`), XenForo (`bbWrapper`, `messageContent`,
/// `message-content`, `js-post-body`), Discourse (`cooked`, `topic-body`)
/// and generic themes.
const POST_BODY_CLASSES: &[&str] = &[
    "blockpost",
    "postbody",
    "post-body",
    "post_body",
    "postmessage",
    "post-message",
    "message-body",
    "messageContent",
    "forum-post",
    "bbWrapper",
    "cooked",
    "postcontent",
    "postText",
    "messageText",
    "message-content",
    "topic-body",
    "js-post-body",
    "postbit",
];

/// What one text node of the body tells the features.
#[derive(Default)]
struct TextMarks {
    /// "Posted on", "Posted by", "Published on", "Published by", "Written by"
    /// in a short text (200 bytes at most: a dateline, not a paragraph).
    posted: bool,
    /// The whole text is "Edit this page" or "Edit on GitHub" (or GitLab).
    edit: bool,
    /// The whole text is "Upvote" or "Upvotes" (with a count).
    vote: bool,
}

fn text_marks(t: &str) -> TextMarks {
    let mut m = TextMarks::default();
    if t.len() > 200 {
        // A dateline or a control is a short line, not a paragraph.
        return m;
    }
    // Each lead word starts with "P" or "W".
    for i in memchr::memchr2_iter(b'P', b'W', t.as_bytes()) {
        let from = &t[i..];
        for lead in ["Posted", "Published", "Written"] {
            let Some(rest) = from.strip_prefix(lead) else {
                continue;
            };
            let word = rest.trim_start();
            if word.len() < rest.len()
                && (word.starts_with("on") || word.starts_with("by"))
                && !word[2..].starts_with(char::is_alphanumeric)
            {
                m.posted = true;
            }
        }
    }
    if t.len() <= 64 {
        let short = t.trim();
        let starts = |s: &str, p: &str| {
            s.as_bytes()
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
        };
        if short.len() <= 24 {
            m.edit = starts(short, "edit this page") || starts(short, "edit on git");
            let count_gone = short.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
            m.vote = starts(count_gone, "upvote");
        }
    }
    m
}

/// Upvote buttons and counts, in a class, id or label (any case).
const UPVOTE: crate::anyof::AnyOf = crate::anyof::AnyOf::new(&["upvote"]);

/// Class fragments of links styled as buttons.
const CTA: crate::anyof::AnyOf = crate::anyof::AnyOf::new(&["btn", "button", "cta"]);

/// The attributes [`Seen::of`] reads, found in one pass over the
/// element's (each `el::attr` is a pass of its own).
#[derive(Default)]
struct Attrs<'e> {
    class: &'e str,
    id: &'e str,
    itemtype: &'e str,
    itemprop: Option<&'e str>,
    rel: Option<&'e str>,
    aria_label: Option<&'e str>,
    name: Option<&'e str>,
    content: Option<&'e str>,
    type_: Option<&'e str>,
    value: Option<&'e str>,
    expanded: bool,
}

impl<'e> Attrs<'e> {
    fn of(e: &'e dom_query::Element) -> Self {
        let mut a = Attrs::default();
        let (mut class, mut id, mut itemtype) = (None, None, None);
        // The first attribute of each name counts, as for `el::attr`.
        for at in &e.attrs {
            let v = Some(&*at.value);
            let slot = match at.name.local {
                local_name!("class") => &mut class,
                local_name!("id") => &mut id,
                local_name!("itemtype") => &mut itemtype,
                local_name!("itemprop") => &mut a.itemprop,
                local_name!("rel") => &mut a.rel,
                local_name!("aria-label") => &mut a.aria_label,
                local_name!("name") => &mut a.name,
                local_name!("content") => &mut a.content,
                local_name!("type") => &mut a.type_,
                local_name!("value") => &mut a.value,
                local_name!("aria-expanded") => {
                    a.expanded = true;
                    continue;
                }
                _ => continue,
            };
            if slot.is_none() {
                *slot = v;
            }
        }
        a.class = class.unwrap_or("");
        a.id = id.unwrap_or("");
        a.itemtype = itemtype.unwrap_or("");
        a
    }
}

impl Seen {
    fn of(e: &dom_query::Element, want_generator: bool) -> Self {
        let a = Attrs::of(e);
        let (class, id, itemtype) = (a.class, a.id, a.itemtype);
        // Interned names compare as one machine word.
        let tag = match e.name.local {
            local_name!("a") => Tag::A,
            local_name!("p") => Tag::P,
            local_name!("li") => Tag::Li,
            local_name!("h2") | local_name!("h3") | local_name!("h4") => Tag::Heading,
            local_name!("button") => Tag::Button,
            local_name!("input") => {
                if a.type_.is_some_and(|t| t.eq_ignore_ascii_case("submit"))
                    && a.value.is_some_and(is_cart)
                {
                    Tag::CartInput
                } else {
                    Tag::Other
                }
            }
            local_name!("pre") | local_name!("code") => Tag::Code,
            local_name!("article") => Tag::Article,
            local_name!("main") => Tag::Main,
            local_name!("figure") => Tag::Figure,
            local_name!("blockquote") => Tag::Blockquote,
            local_name!("meta") => Tag::Meta,
            local_name!("script") => Tag::Script,
            local_name!("iframe") => Tag::Iframe,
            _ => Tag::Other,
        };
        let generator = (tag == Tag::Meta
            && want_generator
            && a.name.is_some_and(|v| v.eq_ignore_ascii_case("generator")))
        .then(|| a.content.map(str::to_lowercase).unwrap_or_default());
        // Every class test below needs one of these words (in some case):
        // most classes are ruled out in one pass.
        let marked = CLASS_PREFILTER.found_in(class);
        let post = (!itemtype.is_empty()
            && (itemtype.contains("Comment") || itemtype.contains("DiscussionForumPosting")))
            || (marked
                && (class
                    .split_whitespace()
                    .any(|c| matches!(c, "post" | "topic-post" | "reply" | "message" | "answer"))
                    || class.contains("post-body")))
            || id.starts_with("post-")
            || id.starts_with("post_");
        Seen {
            tag,
            cta: tag == Tag::A && CTA.found_in(class),
            button_class: tag == Tag::A
                && (el::has_class(class, "button") || el::has_class(class, "btn")),
            doc_mark: marked
                && DOC_PREFILTER.found_in(class)
                && DOC_CLASSES.iter().any(|c| class.contains(c)),
            price: a.itemprop == Some("price") || (marked && class.contains("price")),
            post,
            generator,
            breadcrumb: (marked && class.contains("breadcrumb"))
                || (!id.is_empty() && id.contains("breadcrumb")),
            post_body: marked
                && class
                    .split_whitespace()
                    .any(|c| POST_BODY_CLASSES.contains(&c)),
            next_prev: a.rel.is_some_and(|r| {
                r.split_whitespace()
                    .any(|v| v.eq_ignore_ascii_case("next") || v.eq_ignore_ascii_case("prev"))
            }),
            written_by: tag == Tag::Meta
                && a.name == Some("twitter:label1")
                && a.content.is_some_and(|c| c.starts_with("Written by")),
            toggle: tag == Tag::Button && a.expanded,
            stream: (id.as_bytes().get(1) == Some(&b':'))
                .then(|| Stream::of(&e.name.local, id))
                .flatten(),
            vote: (marked && UPVOTE.found_in(class))
                || UPVOTE.found_in(id)
                || a.aria_label.is_some_and(|l| UPVOTE.found_in(l)),
        }
    }
}

/// The element that holds a paragraph once the wrappers around it are
/// skipped: the parent of the highest ancestor of `p` (or of `p` itself)
/// that is its parent's only element, below `<body>`. Site builders put
/// each paragraph of a text in its own `<div><div>`: the paragraphs of one
/// text then share this holder.
fn unwrapped<'a>(p: &dom_query::NodeRef<'a>) -> dom_query::NodeRef<'a> {
    let mut node = *p;
    loop {
        let Some(parent) = node.parent() else {
            return node;
        };
        let alone = node.prev_element_sibling().is_none() && node.next_element_sibling().is_none();
        if !alone || parent.node_name().is_none_or(|n| &*n == "body") {
            return parent;
        }
        node = parent;
    }
}

/// Cheap filter before [`DOC_CLASSES`]: every mark holds one of these (in
/// some case).
const DOC_PREFILTER: crate::anyof::AnyOf =
    crate::anyof::AnyOf::new(&["doc", "toc", "headerlink", "md-", "devsite-", "mw-parser"]);

/// Class fragments of documentation generators' layouts.
const DOC_CLASSES: &[&str] = &[
    "headerlink",
    "toctree",
    "md-sidebar",
    "md-content",
    "theme-doc",
    "docs-sidebar",
    "docs-content",
    "docs-nav",
    "doc-content",
    "docMainContainer",
    "devsite-",
    "mw-parser-output",
];

fn has(types: &[String], names: &[&str]) -> bool {
    types.iter().any(|t| names.contains(&t.as_str()))
}

/// Names of the article-vs-not evidence, in the order of
/// [`article_evidence`] and [`ARTICLE_WEIGHTS`].
pub const ARTICLE_FEATURES: [&str; N_FEATURES] = [
    "ld_article",
    "ld_other",
    "ld_organization",
    "og_article",
    "date_meta",
    "date_weak",
    "byline",
    "dated_path",
    "slug_words",
    "story_path",
    "service_path",
    "guide_title",
    "long_paragraphs_log",
    "long_paragraph_share",
    "paragraph_run_share",
    "paragraph_block_share",
    "list_share",
    "link_density",
    "one_article_element",
    "code_log",
    "heading_links_log",
    "cta_links_log",
    "other_type_score",
    "forum_score",
    "figures_log",
    "blockquotes_log",
    "breadcrumb",
    "title_two_parts",
    "title_words_log",
    "post_bodies_log",
    "votes_log",
    "next_prev",
    "posted_line",
    "product_score",
    "edit_link",
    "public_host",
    "main_element",
];

/// Number of pieces of article-vs-not evidence.
const N_FEATURES: usize = 37;

/// schema.org types of an organisation presenting itself.
const ORGANIZATION_TYPES: &[&str] = &["Organization", "LocalBusiness", "Corporation"];

/// Title words of a guide, an explainer or a list article ("How to …",
/// "What is …", "10 tips …"); a title that asks a question or opens with a
/// number is one too.
const GUIDE_TITLE_WORDS: &[&str] = &[
    "how to", "what is", "what are", "guide", "tips", "best ", "why ", "history", " vs", "?",
];

fn guide_title(title: &str) -> bool {
    let t = title.to_lowercase();
    GUIDE_TITLE_WORDS.iter().any(|w| t.contains(w)) || t.starts_with(|c: char| c.is_ascii_digit())
}

/// schema.org types of a story.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "Report",
];

/// Path parts of sections, tags, archives and searches.
const LISTING_PATHS: &[&str] = &[
    "/category/",
    "/tag/",
    "/tags/",
    "/topic/",
    "/topics/",
    "/section/",
    "/archive",
    "/author/",
    "/search",
];

/// Path parts under which sites put their stories.
const STORY_PATHS: &[&str] = &[
    "/blog/",
    "/blogs/",
    "/news/",
    "/article",
    "/post/",
    "/posts/",
    "/story/",
    "/stories/",
    "/opinion/",
    "/insights/",
    "/press/",
];

/// Path parts of pages about an organisation, its offer and its shop.
const SERVICE_PATHS: &[&str] = &[
    "/about",
    "/services",
    "/service/",
    "/contact",
    "/pricing",
    "/solutions",
    "/careers",
    "/team",
    "/features",
    "/product",
    "/shop",
];

/// Labels of the host names of governments, universities and armed
/// forces: `gov`, `gouv`, `gob`, `edu`, `mil` (any of the last three
/// labels: nist.gov, ncsc.gov.uk, in.gov) and `ac` before a country code
/// (ox.ac.uk).
fn public_host(host: &str) -> bool {
    let labels: Vec<&str> = host.trim_end_matches('.').rsplit('.').collect();
    labels.iter().take(3).any(|l| {
        matches!(
            l.to_ascii_lowercase().as_str(),
            "gov" | "gouv" | "gob" | "edu" | "mil"
        )
    }) || (labels.len() >= 3 && labels[1].eq_ignore_ascii_case("ac") && labels[0].len() == 2)
}

/// The evidence for "this page is one article", as numbers
/// (see [`ARTICLE_FEATURES`]): flags are 0 or 1, counts are `ln(1 + n)`,
/// shares are 0–1. `others` are the hand-set scores of the other types
/// (see [`other_scores`]).
pub(crate) fn article_evidence(
    meta: &Meta,
    f: &Features,
    url: Option<&str>,
    others: &[f32; 7],
) -> [f32; N_FEATURES] {
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let log = |n: usize| (1.0 + n as f32).ln();
    let mut types = meta.ld_types.clone();
    types.extend(meta.microdata_types.iter().cloned());
    let ld_article = has(&types, ARTICLE_TYPES);
    let og = meta.og_type.as_deref().unwrap_or("").to_lowercase();
    let parsed = url.and_then(|u| url::Url::parse(u).ok());
    let path = parsed
        .as_ref()
        .map(|u| u.path().to_lowercase())
        .unwrap_or_default();
    let public = parsed
        .as_ref()
        .and_then(|u| u.host_str())
        .is_some_and(public_host);
    let seg = |p: &str| path.contains(p);
    // A date in the text or in a `<time>` element is as often a comment's or
    // a listed item's as the page's own; site builders put a generic
    // WebPage date in the JSON-LD of every page.
    let (date_meta, date_weak) = match &meta.published {
        Some((_, src)) => {
            let weak = matches!(*src, Source::VisibleText | Source::TimeElement)
                || (*src == Source::JsonLd && !meta.ld_is_article);
            (!weak, weak)
        }
        None => (false, false),
    };
    let dated_path = path
        .split('/')
        .any(|p| p.len() == 4 && p.starts_with("20") && p.bytes().all(|b| b.is_ascii_digit()));
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    // A story section with a page name after it: /news/some-story, not /news/.
    let story_path = STORY_PATHS.iter().any(|p| {
        path.find(p)
            .is_some_and(|i| !path[i + p.len()..].trim_matches('/').is_empty())
    });
    let share = |n: usize| {
        if f.text_chars > 0 {
            (n as f32 / f.text_chars as f32).min(1.0)
        } else {
            0.0
        }
    };
    // A run of paragraphs counts in full from 2000 characters on: on a short
    // page one block of text is no sign of an article.
    let run_share = |n: usize| share(n) * (n as f32 / 2000.0).min(1.0);
    // The title as picked (see `meta`, which strips the site's name): two
    // parts joined by a bar or a dash are the SEO title of a service or
    // shop page ("Boat Repairs – Fast Fixes for Every Hull").
    let title = meta.title.as_ref().map_or("", |(t, _)| t.as_str());
    let score = |t: PageType| {
        PageType::ALL
            .iter()
            .position(|x| *x == t)
            .map_or(0.0, |i| others[i])
    };
    [
        flag(ld_article),
        flag(!types.is_empty() && !ld_article),
        flag(has(&types, ORGANIZATION_TYPES)),
        flag(og == "article"),
        flag(date_meta),
        flag(date_weak),
        flag(meta.bylines.is_some()),
        flag(dated_path),
        flag(last.matches('-').count() >= 4),
        flag(story_path),
        flag(SERVICE_PATHS.iter().any(|p| seg(p))),
        flag(meta.title.as_ref().is_some_and(|(t, _)| guide_title(t))),
        log(f.long_paragraphs),
        share(f.long_par_chars),
        run_share(f.run_chars),
        run_share(f.run2_chars),
        share(f.list_chars),
        if f.text_chars > 0 {
            share(f.link_chars)
        } else {
            1.0
        },
        flag(f.articles == 1),
        log(f.code_blocks),
        log(f.heading_links),
        log(f.cta_links),
        best_other(others).1,
        score(PageType::Forum),
        log(f.figures),
        log(f.blockquotes),
        flag(f.breadcrumbs > 0),
        flag(title.contains(" | ") || title.contains(" - ") || title.contains(" – ")),
        log(title.split_whitespace().count()),
        log(f.post_bodies),
        log(f.votes),
        flag(f.next_prev > 0),
        flag(f.posted_lines > 0 || f.written_by_meta),
        score(PageType::Product),
        flag(f.edit_links > 0),
        flag(public),
        flag(f.mains > 0),
    ]
}

/// Intercept and weights of the article-vs-not logistic model, in the order
/// of [`ARTICLE_FEATURES`]. Fitted by L2-regularised logistic regression
/// (Newton's method on the mean log-loss plus 0.00015 times the squared
/// weights, i.e. a penalty of 0.0003 per page on half their squared norm;
/// features unscaled, intercept not penalised) on the evidence of the 1358
/// WCXB dev pages (`extract_dir --evidence`, then `eval/fit_pagetype.py`,
/// which prints these numbers). Added features are chosen by greedy
/// forward selection on cross-validated log-loss: five in a first round
/// among some 60 candidates (page shape, URL shape, title shape, schema.org
/// and `og:type` values, forms, images, repeated blocks, phone links), the
/// five after `forum_score` in a second round among some 60 more (h1 and
/// heading counts, paragraph counts and lengths, sentence-ended
/// paragraphs, `<time>`, inputs, tables, `<nav>`, `<aside>`, comment, share
/// and author marks, a text container's share, URL depth, query and
/// extension, words of the URL slug, title length, first-person and
/// second-person words), the six after `title_words_log` in a third round
/// among some 45 more (forum post bodies, upvotes, `rel=next/prev` links,
/// "Posted on" lines and Yoast's "Written by" label, the product score,
/// "Edit this page" links; CMS body classes, `article:section`, share and
/// comment blocks, dated teasers, reading times, FAQ schema, calls to
/// book or quote, and pairwise products of the features did not help).
/// A fourth round among some 25 more (host names of governments and
/// universities, `<main>`, `og:type` "website", heading, image, form,
/// table, `<nav>` and `<aside>` counts, reading times, "last updated"
/// lines, tables of contents, FAQ, share and "related" blocks, calls to
/// book or quote) kept two: a public institution's host (whose
/// explainers WCXB types as articles) and a `<main>` element.
/// 5-fold cross-validated accuracy 0.948 (mean of five shuffles; 0.938
/// before the fourth round), log-loss 0.145 (0.152); training accuracy
/// 0.959 (0.950). Last refit when "/p/" stopped counting as a product
/// path but before a catalogue number (log-loss 0.1457 → 0.1448 on the
/// same evidence). A gradient-boosted tree model on the second round's
/// evidence did no better (cross-validated 0.927–0.929): the errors left
/// are mostly evergreen guides on organisations' sites, typed either way
/// by WCXB. Refit when a feature changes.
const ARTICLE_BIAS: f32 = -3.883;
const ARTICLE_WEIGHTS: [f32; N_FEATURES] = [
    1.393, -1.187, -0.745, 0.834, 0.979, 0.711, 0.044, 1.560, 1.508, 2.273, -1.074, 1.655, 0.105,
    1.261, 1.448, 2.918, -0.123, -1.207, 1.116, -0.642, 0.173, -0.323, -0.566, -0.563, 0.413,
    -0.298, 0.613, -1.470, 1.287, -1.329, -1.552, -1.840, 1.690, -0.806, -1.560, 1.503, 0.720,
];

/// Probability that the page is one article.
pub(crate) fn article_probability(x: &[f32; N_FEATURES]) -> f32 {
    let z = ARTICLE_BIAS
        + x.iter()
            .zip(ARTICLE_WEIGHTS)
            .map(|(a, w)| a * w)
            .sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

/// The best of the other types' scores: (index in [`PageType::ALL`], score).
fn best_other(s: &[f32; 7]) -> (usize, f32) {
    s.iter().enumerate().skip(1).fold(
        (1, f32::MIN),
        |acc, (i, v)| if *v > acc.1 { (i, *v) } else { acc },
    )
}

/// The article-vs-not evidence of a page (see [`ARTICLE_FEATURES`]),
/// then the hand-set score of every other type (`score_TYPE`), by name.
pub(crate) fn evidence(meta: &Meta, f: &Features, url: Option<&str>) -> Vec<(String, f32)> {
    let s = other_scores(meta, f, url);
    let x = article_evidence(meta, f, url, &s);
    let mut v: Vec<(String, f32)> = ARTICLE_FEATURES
        .iter()
        .map(|n| n.to_string())
        .zip(x)
        .collect();
    for (t, score) in PageType::ALL.iter().zip(s).skip(1) {
        v.push((format!("score_{}", t.as_str()), score));
    }
    v.push(("text_log".into(), (1.0 + f.text_chars as f32).ln()));
    v
}

/// Decides article or not with the logistic model, then, for other pages,
/// the best of the other types' scores. Returns the type with its
/// confidence (0–1).
pub(crate) fn classify(meta: &Meta, f: &Features, url: Option<&str>) -> (PageType, f64) {
    let others = other_scores(meta, f, url);
    let (best, score) = best_other(&others);
    let x = article_evidence(meta, f, url, &others);
    let p = article_probability(&x);
    if p >= 0.5 {
        return (PageType::Article, (f64::from(p) * 100.0).round() / 100.0);
    }
    let total: f32 = others.iter().skip(1).map(|v| v.max(0.0)).sum();
    let share = if total > 0.0 { score / total } else { 0.0 };
    let conf = (1.0 - p) * share;
    (
        PageType::ALL[best],
        (f64::from(conf) * 100.0).round() / 100.0,
    )
}

/// Hand-set additive scores of every type but article (index 0 stays 0).
fn other_scores(meta: &Meta, f: &Features, url: Option<&str>) -> [f32; 7] {
    let mut s = [0.0f32; 7];
    let idx = |t: PageType| PageType::ALL.iter().position(|x| *x == t).unwrap_or(0);
    let mut add = |t: PageType, v: f32| s[idx(t)] += v;
    let mut types = meta.ld_types.clone();
    types.extend(meta.microdata_types.iter().cloned());
    let og = meta.og_type.as_deref().unwrap_or("").to_lowercase();
    let parsed = url.and_then(|u| url::Url::parse(u).ok());
    let path = parsed
        .as_ref()
        .map(|u| u.path().to_lowercase())
        .unwrap_or_default();
    let host = parsed
        .as_ref()
        .and_then(|u| u.host_str().map(str::to_lowercase))
        .unwrap_or_default();
    let seg = |p: &str| path.contains(p);
    let link_density = if f.text_chars > 0 {
        f.link_chars as f32 / f.text_chars as f32
    } else {
        1.0
    };

    // Listing
    if has(
        &types,
        &["CollectionPage", "ItemList", "SearchResultsPage", "Blog"],
    ) {
        add(PageType::Listing, 1.5);
    }
    if f.heading_links >= 8 {
        add(PageType::Listing, 2.0);
    } else if f.heading_links >= 5 {
        add(PageType::Listing, 1.0);
    }
    if link_density > 0.45 {
        add(PageType::Listing, 1.5);
    }
    if LISTING_PATHS.iter().any(|p| seg(p))
        || path.ends_with("/news/")
        || path.ends_with("/news")
        || path.ends_with("/blog/")
        || path.ends_with("/blog")
    {
        add(PageType::Listing, 1.5);
    }
    if f.articles >= 5 {
        add(PageType::Listing, 1.0);
    }
    // A site's front page lists its stories (or presents the organisation);
    // it is never one article, whatever its JSON-LD says.
    if url.is_some() && (path.is_empty() || path == "/") {
        add(PageType::Listing, 3.0);
    }

    // Forum
    if has(
        &types,
        &["DiscussionForumPosting", "QAPage", "Question", "Comment"],
    ) {
        add(PageType::Forum, 3.0);
    }
    if [
        "/t/",
        "/thread",
        "/forum",
        "/community",
        "/questions/",
        "/discussion",
        "/topic/",
        "/viewtopic",
        "viewtopic.php",
        "/r/",
        "/threads/",
        "/boards/",
        "/comments/",
        "/talk/",
        "/d/",
    ]
    .iter()
    .any(|p| seg(p))
    {
        add(PageType::Forum, 2.0);
    }
    if [
        "discourse",
        "phpbb",
        "vbulletin",
        "xenforo",
        "invision",
        "flarum",
        "mybb",
    ]
    .iter()
    .any(|g| f.generator.contains(g))
    {
        add(PageType::Forum, 3.0);
    }
    if f.posts >= 3 {
        add(PageType::Forum, 1.0);
    }

    // Product and collection
    if has(
        &types,
        &["Product", "ProductGroup", "Offer", "IndividualProduct"],
    ) {
        add(PageType::Product, 3.0);
    }
    if og.starts_with("product") {
        add(PageType::Product, 3.0);
    }
    // "/p/" only before a catalogue number (/p/27038656990): Substack and
    // other blog hosts put every post under it (/p/some-post); shops that
    // name their goods there give their pages a Product type, cart buttons
    // and prices too.
    let catalogue_number = path.split("/p/").skip(1).any(|rest| {
        let id = rest.split('/').next().unwrap_or("");
        !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())
    });
    if catalogue_number
        || ["/product/", "/products/", "/dp/", "/item/", "/shop/"]
            .iter()
            .any(|p| seg(p))
    {
        add(PageType::Product, 1.5);
    }
    if f.cart_buttons == 1 || f.cart_buttons == 2 {
        add(PageType::Product, 1.5);
    }
    if f.cart_buttons >= 3 {
        add(PageType::Collection, 2.0);
    }
    if [
        "/collections/",
        "/collection/",
        "/category/",
        "/categories/",
        "/c/",
        "/shop",
    ]
    .iter()
    .any(|p| seg(p))
    {
        add(PageType::Collection, 1.5);
    }
    if f.prices >= 8 {
        add(PageType::Collection, 1.5);
    } else if f.prices >= 1 {
        add(PageType::Product, 0.5);
    }

    // Documentation
    if [
        "/docs",
        "/doc/",
        "/documentation",
        "/reference",
        "/api/",
        "/guide",
        "/manual",
        "/wiki/",
        "/learn/",
        "/tutorial",
        "/handbook",
    ]
    .iter()
    .any(|p| seg(p))
    {
        add(PageType::Documentation, 2.0);
    }
    // Documentation sites: docs.example.org, developer.example.com.
    if [
        "docs.",
        "doc.",
        "developer.",
        "developers.",
        "learn.",
        "wiki.",
    ]
    .iter()
    .any(|h| host.starts_with(h))
    {
        add(PageType::Documentation, 2.0);
    }
    if [
        "sphinx",
        "mkdocs",
        "docusaurus",
        "jekyll",
        "hugo",
        "mediawiki",
        "vitepress",
        "docfx",
    ]
    .iter()
    .any(|g| f.generator.contains(g))
    {
        add(PageType::Documentation, 1.0);
    }
    if f.code_blocks >= 5 {
        add(PageType::Documentation, 1.5);
    }
    if f.doc_marks >= 3 {
        add(PageType::Documentation, 2.0);
    } else if f.doc_marks >= 1 {
        add(PageType::Documentation, 1.0);
    }
    if has(
        &types,
        &["TechArticle", "APIReference", "SoftwareSourceCode"],
    ) {
        add(PageType::Documentation, 1.5);
    }

    // Service: the default for undated pages about an organisation.
    add(PageType::Service, 1.5);
    if has(
        &types,
        &[
            "Organization",
            "LocalBusiness",
            "Service",
            "ProfessionalService",
            "AboutPage",
            "ContactPage",
        ],
    ) {
        add(PageType::Service, 0.5);
    }
    if [
        "/about",
        "/services",
        "/service/",
        "/contact",
        "/pricing",
        "/solutions",
        "/careers",
        "/team",
    ]
    .iter()
    .any(|p| seg(p))
    {
        add(PageType::Service, 1.5);
    }

    s
}

#[cfg(test)]
mod tests {
    //! Each piece of article-vs-not evidence on a page written for it, and
    //! on a page without it.
    use super::*;

    fn evidence_of(html: &str, url: Option<&str>) -> [f32; N_FEATURES] {
        let doc = Document::from(html);
        let m = crate::meta::extract_meta(&doc, url);
        let f = features(&doc);
        let s = other_scores(&m, &f, url);
        article_evidence(&m, &f, url, &s)
    }

    fn get(html: &str, url: Option<&str>, name: &str) -> f32 {
        let i = ARTICLE_FEATURES
            .iter()
            .position(|n| *n == name)
            .unwrap_or_else(|| panic!("no feature {name}"));
        evidence_of(html, url)[i]
    }

    fn page(head: &str, body: &str) -> String {
        format!("<html><head><title>T</title>{head}</head><body>{body}</body></html>")
    }

    fn ld(t: &str) -> String {
        format!(
            r#"<script type="application/ld+json">{{"@context":"https://schema.org","@type":"{t}","headline":"Ferry times change"}}</script>"#
        )
    }

    const LONG: &str = "<p>The harbour board said on Monday that the morning ferry will leave twenty \
        minutes earlier from next month, so that walkers can reach the island path before the \
        midday heat, and that the last boat back will wait for the evening bus.</p>";

    const PLAIN: &str = "<p>Short words.</p>";

    #[test]
    fn a_question_is_a_sentence_that_asks() {
        assert!(is_question("Can I still pay with cash?"));
        assert!(is_question("  Do children need a ticket?  "));
        assert!(is_question("آیا کودکان هم بلیت می‌خواهند؟"));
        assert!(!is_question("Why?"));
        assert!(!is_question("Share this story"));
        assert!(!is_question(&format!("{} and why?", "word ".repeat(80))));
    }

    #[test]
    fn schema_types() {
        let news = page(&ld("NewsArticle"), PLAIN);
        let service = page(&ld("Service"), PLAIN);
        let none = page("", PLAIN);
        assert_eq!(get(&news, None, "ld_article"), 1.0);
        assert_eq!(get(&service, None, "ld_article"), 0.0);
        assert_eq!(get(&service, None, "ld_other"), 1.0);
        assert_eq!(get(&news, None, "ld_other"), 0.0);
        assert_eq!(get(&none, None, "ld_other"), 0.0);
    }

    #[test]
    fn og_type_article() {
        let og = |t: &str| {
            page(
                &format!(r#"<meta property="og:type" content="{t}">"#),
                PLAIN,
            )
        };
        assert_eq!(get(&og("article"), None, "og_article"), 1.0);
        assert_eq!(get(&og("website"), None, "og_article"), 0.0);
    }

    #[test]
    fn published_date_in_meta_or_in_the_text() {
        let meta = page(
            r#"<meta property="article:published_time" content="2025-03-04T08:00:00+01:00">"#,
            PLAIN,
        );
        let time = page(
            "",
            r#"<p>Posted <time datetime="2025-03-04T08:00:00+01:00">4 March</time></p>"#,
        );
        let none = page("", PLAIN);
        assert_eq!(get(&meta, None, "date_meta"), 1.0);
        assert_eq!(get(&meta, None, "date_weak"), 0.0);
        assert_eq!(get(&time, None, "date_meta"), 0.0);
        assert_eq!(get(&time, None, "date_weak"), 1.0);
        assert_eq!(
            get(&none, None, "date_meta") + get(&none, None, "date_weak"),
            0.0
        );
    }

    #[test]
    fn byline() {
        let by = page(r#"<meta name="author" content="Mina Qadiri">"#, PLAIN);
        assert_eq!(get(&by, None, "byline"), 1.0);
        assert_eq!(get(&page("", PLAIN), None, "byline"), 0.0);
    }

    #[test]
    fn url_shapes() {
        let p = page("", PLAIN);
        let f = |u: &str, n: &str| get(&p, Some(u), n);
        assert_eq!(f("https://a.example/2025/03/ferry", "dated_path"), 1.0);
        assert_eq!(f("https://a.example/ferry/302", "dated_path"), 0.0);
        assert_eq!(
            f(
                "https://a.example/x/ferry-times-change-next-month",
                "slug_words"
            ),
            1.0
        );
        assert_eq!(f("https://a.example/x/ferry-times", "slug_words"), 0.0);
        assert_eq!(f("https://a.example/blog/ferry", "story_path"), 1.0);
        assert_eq!(f("https://a.example/blog/", "story_path"), 0.0);
        assert_eq!(f("https://a.example/services/boats", "service_path"), 1.0);
        assert_eq!(f("https://a.example/news/boats", "service_path"), 0.0);
    }

    #[test]
    fn long_paragraphs() {
        let three = page("", &LONG.repeat(3));
        let short = page("", &PLAIN.repeat(3));
        assert!((get(&three, None, "long_paragraphs_log") - 4f32.ln()).abs() < 1e-6);
        assert_eq!(get(&short, None, "long_paragraphs_log"), 0.0);
        assert!(get(&three, None, "long_paragraph_share") > 0.95);
        let list: String = (0..12)
            .map(|i| format!("<li>Boat number {i} to the island and back</li>"))
            .collect();
        let mixed = page("", &format!("{LONG}<ul>{list}</ul>"));
        assert!(get(&mixed, None, "long_paragraph_share") < 0.5);
    }

    #[test]
    fn list_share_counts_innermost_items_once() {
        let list = page(
            "",
            "<ul><li>Timetables<ul><li>Summer boats</li><li>Winter boats</li></ul></li></ul>",
        );
        let x = get(&list, None, "list_share");
        // "Summer boats" and "Winter boats" of "TimetablesSummerboatsWinterboats".
        assert!((x - 22.0 / 32.0).abs() < 1e-6, "{x}");
        assert_eq!(get(&page("", LONG), None, "list_share"), 0.0);
    }

    #[test]
    fn link_density() {
        let links = page(
            "",
            r#"<p><a href="/a">Island</a> <a href="/b">Harbour</a></p>"#,
        );
        assert_eq!(get(&links, None, "link_density"), 1.0);
        assert_eq!(get(&page("", LONG), None, "link_density"), 0.0);
    }

    #[test]
    fn one_article_element() {
        let one = page("", &format!("<article>{LONG}</article>"));
        let two = page(
            "",
            &format!("<article>{LONG}</article><article>{LONG}</article>"),
        );
        assert_eq!(get(&one, None, "one_article_element"), 1.0);
        assert_eq!(get(&two, None, "one_article_element"), 0.0);
    }

    #[test]
    fn code_heading_links_and_buttons() {
        let code = page("", &"<pre>ferry --times</pre>".repeat(3));
        assert!((get(&code, None, "code_log") - 4f32.ln()).abs() < 1e-6);
        let heads = page(
            "",
            r#"<h3><a href="/a">Island</a></h3><h2><a href="/b">Harbour</a></h2>"#,
        );
        assert!((get(&heads, None, "heading_links_log") - 3f32.ln()).abs() < 1e-6);
        let cta = page(
            "",
            r#"<a class="btn" href="/q">Get a quote</a><a class="cta-main" href="/c">Call us</a><a href="/n">News</a>"#,
        );
        assert!((get(&cta, None, "cta_links_log") - 3f32.ln()).abs() < 1e-6);
        let plain = page("", PLAIN);
        for n in ["code_log", "heading_links_log", "cta_links_log"] {
            assert_eq!(get(&plain, None, n), 0.0, "{n}");
        }
    }

    #[test]
    fn other_types_score() {
        let product = page(&ld("Product"), PLAIN);
        let plain = page("", PLAIN);
        // Product JSON-LD (3) outscores the service default (1.5).
        assert!(get(&product, None, "other_type_score") >= 3.0);
        assert_eq!(get(&plain, None, "other_type_score"), 1.5);
    }

    #[test]
    fn organization_schema() {
        let org = page(&ld("Organization"), PLAIN);
        assert_eq!(get(&org, None, "ld_organization"), 1.0);
        assert_eq!(get(&org, None, "ld_other"), 1.0);
        let news = page(&ld("NewsArticle"), PLAIN);
        assert_eq!(get(&news, None, "ld_organization"), 0.0);
        assert_eq!(get(&page("", PLAIN), None, "ld_organization"), 0.0);
    }

    #[test]
    fn guide_titles() {
        let t = |title: &str| {
            let html =
                format!("<html><head><title>{title}</title></head><body>{PLAIN}</body></html>");
            get(&html, None, "guide_title")
        };
        assert_eq!(t("How to Mend a Fishing Net"), 1.0);
        assert_eq!(t("What Is a Tide Table"), 1.0);
        assert_eq!(t("7 Ferries Worth Taking"), 1.0);
        assert_eq!(t("Is the Island Path Open?"), 1.0);
        assert_eq!(t("A Beginner's Guide to Rowing"), 1.0);
        assert_eq!(t("Harbour Services"), 0.0);
        assert_eq!(t("Contact the Harbour Board"), 0.0);
        assert_eq!(t("Ferry Times Change in March"), 0.0);
    }

    /// Non-white-space characters of [`LONG`]'s text.
    fn long_chars() -> f32 {
        Document::from(LONG)
            .select("p")
            .text()
            .chars()
            .filter(|c| !c.is_whitespace())
            .count() as f32
    }

    #[test]
    fn paragraph_run_of_one_text() {
        // Twelve paragraphs in one container, beside a short menu.
        let menu = r#"<ul><li><a href="/a">Boats</a></li><li><a href="/b">Maps</a></li></ul>"#;
        let one = page("", &format!("{menu}<div>{}</div>", LONG.repeat(12)));
        let run = 12.0 * long_chars();
        let share = run / (run + "BoatsMaps".len() as f32);
        assert!(run >= 2000.0);
        for n in ["paragraph_run_share", "paragraph_block_share"] {
            assert!((get(&one, None, n) - share).abs() < 1e-4, "{n}");
        }
        // A short text: the run counts in proportion to 2000 characters.
        let short = page("", &format!("<div>{}</div>", LONG.repeat(2)));
        let want = 2.0 * long_chars() / 2000.0;
        assert!((get(&short, None, "paragraph_run_share") - want).abs() < 1e-4);
        // Paragraphs scattered one per box, each beside a shop link: no run.
        let row =
            format!(r#"<div class="row"><div>{LONG}</div><div><a href="/s">Shop</a></div></div>"#);
        let scattered = page("", &row.repeat(12));
        assert!(get(&scattered, None, "paragraph_run_share") < 0.01);
        assert!(get(&scattered, None, "paragraph_block_share") < 0.01);
        let no_p = page("", "<div>Short words.</div>");
        assert_eq!(get(&no_p, None, "paragraph_run_share"), 0.0);
        assert_eq!(get(&no_p, None, "paragraph_block_share"), 0.0);
    }

    #[test]
    fn paragraph_block_skips_single_wrappers() {
        // A site builder's text: each paragraph in its own two wrappers.
        let widget = format!(r#"<div class="widget"><div class="inner">{LONG}</div></div>"#);
        let wrapped = page("", &format!("<section>{}</section>", widget.repeat(12)));
        assert!(get(&wrapped, None, "paragraph_run_share") < 0.01);
        assert!(get(&wrapped, None, "paragraph_block_share") > 0.99);
    }

    #[test]
    fn figures_quotes_and_breadcrumbs() {
        let fig = r#"<figure><img src="/f.jpg" alt=""><figcaption>The ferry</figcaption></figure>"#;
        let two = page("", &format!("{LONG}{fig}{fig}"));
        assert!((get(&two, None, "figures_log") - 3f32.ln()).abs() < 1e-6);
        let quoted = page(
            "",
            "<blockquote>Earlier post.</blockquote><p>Reply.</p><blockquote>Another.</blockquote>",
        );
        assert!((get(&quoted, None, "blockquotes_log") - 3f32.ln()).abs() < 1e-6);
        let trail = page(
            "",
            &format!(r#"<nav class="site-breadcrumbs"><a href="/">Home</a></nav>{LONG}"#),
        );
        let by_id = page(
            "",
            &format!(r#"<ol id="breadcrumb"><li>Home</li></ol>{LONG}"#),
        );
        assert_eq!(get(&trail, None, "breadcrumb"), 1.0);
        assert_eq!(get(&by_id, None, "breadcrumb"), 1.0);
        let plain = page("", LONG);
        for n in ["figures_log", "blockquotes_log", "breadcrumb"] {
            assert_eq!(get(&plain, None, n), 0.0, "{n}");
        }
    }

    #[test]
    fn public_hosts_and_main_regions() {
        assert!(public_host("www.harbour.gov"));
        assert!(public_host("ferries.harbour.gov.uk"));
        assert!(public_host("cityofport.in.gov"));
        assert!(public_host("www.ox.ac.uk"));
        assert!(public_host("lib.port.edu"));
        assert!(!public_host("www.harbour.org"));
        assert!(!public_host("governance.example.com"));
        assert!(!public_host("ac.example.com"));
        let body = format!("<main>{LONG}</main>");
        let html = page("", &body);
        assert_eq!(
            get(
                &html,
                Some("https://ferries.harbour.gov.uk/times"),
                "public_host"
            ),
            1.0
        );
        assert_eq!(
            get(
                &html,
                Some("https://ferries.example.com/times"),
                "public_host"
            ),
            0.0
        );
        assert_eq!(get(&html, None, "public_host"), 0.0);
        assert_eq!(get(&html, None, "main_element"), 1.0);
        assert_eq!(get(&page("", LONG), None, "main_element"), 0.0);
        // Both count for an article: the same page on a public host with
        // a main region is likelier one than on a shop's host without.
        let guide = |url: &str, body: &str| {
            let doc = Document::from(page("", body).as_str());
            let meta = crate::meta::extract_meta(&doc, Some(url));
            let f = features(&doc);
            let others = other_scores(&meta, &f, Some(url));
            article_probability(&article_evidence(&meta, &f, Some(url), &others))
        };
        let long = LONG.repeat(6);
        assert!(
            guide(
                "https://www.port.gov/ferry-guide",
                &format!("<main>{long}</main>")
            ) > guide("https://www.shop.example/ferry-guide", &long)
        );
    }

    #[test]
    fn title_shape() {
        // The page's heading repeats its title.
        let t = |title: &str| {
            let html = format!(
                "<html><head><title>{title}</title></head><body><h1>{title}</h1>{PLAIN}</body></html>"
            );
            (
                get(&html, None, "title_two_parts"),
                get(&html, None, "title_words_log"),
            )
        };
        // An SEO title: a keyword, then a selling point.
        let (two, words) = t("Boat Repairs – Fast Fixes for Every Hull");
        assert_eq!(two, 1.0);
        assert!((words - 9f32.ln()).abs() < 1e-6, "{words}");
        // A bar ends the headline: the title picker keeps what is before it.
        assert_eq!(t("Boat Repairs | Quick and Cheap").0, 0.0);
        let (two, words) = t("Ferry Times Change as the Island Path Reopens");
        assert_eq!(two, 0.0);
        assert!((words - 9f32.ln()).abs() < 1e-6, "{words}");
        // The site's name after the bar is no second part: the title
        // picker strips it when the heading repeats the rest.
        let html = "<html><head><title>Ferry Times Change | Harbour News</title></head>\
            <body><h1>Ferry Times Change</h1><p>Short words.</p></body></html>";
        assert_eq!(get(html, None, "title_two_parts"), 0.0);
    }

    #[test]
    fn forum_posts_and_votes() {
        let post = r#"<div class="post"><div class="postbody"><p>My pump stopped.</p></div>
            <span class="upvote-count">3</span></div>"#;
        let thread = page("", &post.repeat(3));
        assert!((get(&thread, None, "post_bodies_log") - 4f32.ln()).abs() < 1e-6);
        assert!((get(&thread, None, "votes_log") - 4f32.ln()).abs() < 1e-6);
        // A button labelled "Upvote" and a text "Upvote" count too.
        let labelled = page(
            "",
            r#"<button aria-label="Upvote answer">12</button><span>Upvote</span>"#,
        );
        assert!((get(&labelled, None, "votes_log") - 3f32.ln()).abs() < 1e-6);
        // A blog's "post-content" wrapper is not a forum post.
        let blog = page("", &format!(r#"<div class="post-content">{LONG}</div>"#));
        assert_eq!(get(&blog, None, "post_bodies_log"), 0.0);
        assert_eq!(get(&blog, None, "votes_log"), 0.0);
    }

    #[test]
    fn series_links() {
        let head = page(r#"<link rel="next" href="/news/page/3">"#, PLAIN);
        let body = page("", r#"<a rel="prev" href="/p/2">Older</a>"#);
        assert_eq!(get(&head, None, "next_prev"), 1.0);
        assert_eq!(get(&body, None, "next_prev"), 1.0);
        assert_eq!(get(&page("", PLAIN), None, "next_prev"), 0.0);
    }

    #[test]
    fn posted_lines() {
        let dateline = page("", "<p>Posted on <time>4 March</time> by Mina</p>");
        let written = page(
            r#"<meta name="twitter:label1" content="Written by">"#,
            PLAIN,
        );
        let split = page("", "<div>Published\u{a0}by</div><a>Mina</a>");
        for p in [&dateline, &written, &split] {
            assert_eq!(get(p, None, "posted_line"), 1.0, "{p}");
        }
        let other = page(
            r#"<meta name="twitter:label1" content="Est. reading time">"#,
            "<p>Postedon the board. Published online.</p>",
        );
        assert_eq!(get(&other, None, "posted_line"), 0.0);
    }

    #[test]
    fn edit_links_and_product_score() {
        let docs = page("", r#"<a href="/edit">Edit this page</a>"#);
        let github = page("", r#"<a href="/e"> Edit on GitHub </a>"#);
        assert_eq!(get(&docs, None, "edit_link"), 1.0);
        assert_eq!(get(&github, None, "edit_link"), 1.0);
        let prose = page(
            "",
            "<p>Edit this page before you print it, the guide says.</p>",
        );
        assert_eq!(get(&prose, None, "edit_link"), 0.0);
        let product = page(&ld("Product"), PLAIN);
        assert!(get(&product, None, "product_score") >= 3.0);
        assert_eq!(get(&page("", PLAIN), None, "product_score"), 0.0);
        // A shop's product path counts; a blog host's post path does not.
        let plain = page("", PLAIN);
        let shop = Some("https://shop.example/products/ferry-mug");
        let post = Some("https://harbour.example/p/why-the-ferry-leaves-earlier");
        let numbered = Some("https://shop.example/p/27038656");
        assert_eq!(get(&plain, shop, "product_score"), 1.5);
        assert_eq!(get(&plain, numbered, "product_score"), 1.5);
        assert_eq!(get(&plain, post, "product_score"), 0.0);
    }

    #[test]
    fn forum_score() {
        let p = page("", PLAIN);
        assert_eq!(
            get(
                &p,
                Some("https://a.example/forum/ferry-times"),
                "forum_score"
            ),
            2.0
        );
        assert_eq!(
            get(
                &p,
                Some("https://a.example/news/ferry-times"),
                "forum_score"
            ),
            0.0
        );
    }

    #[test]
    fn the_model_weighs_the_evidence() {
        let story = page(
            &format!(
                r#"{}<meta property="og:type" content="article"><meta property="article:published_time" content="2025-03-04T08:00:00+01:00">"#,
                ld("NewsArticle")
            ),
            &format!(
                "<article><h1>Ferry times change</h1>{}</article>",
                LONG.repeat(5)
            ),
        );
        let url = Some("https://a.example/news/2025/03/ferry-times-change-next-month");
        let x = evidence_of(&story, url);
        assert!(article_probability(&x) > 0.9);
        let doc = Document::from(&*story);
        let (t, conf) = classify(&crate::meta::extract_meta(&doc, url), &features(&doc), url);
        assert_eq!(t, PageType::Article);
        assert!(conf > 0.9);

        let links: String = (0..20)
            .map(|i| format!(r#"<li><a href="/s/{i}">Service {i}</a></li>"#))
            .collect();
        let service = page(
            &ld("ProfessionalService"),
            &format!(r#"<ul>{links}</ul><a class="btn" href="/q">Get a quote</a>{PLAIN}"#),
        );
        let url = Some("https://a.example/services/boats");
        let doc = Document::from(&*service);
        let m = crate::meta::extract_meta(&doc, url);
        let f = features(&doc);
        let x = evidence_of(&service, url);
        assert!(article_probability(&x) < 0.2);
        assert_eq!(classify(&m, &f, url).0, PageType::Service);
    }
}
