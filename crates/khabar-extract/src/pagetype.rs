//! Page type: is this an article, or a listing, forum thread, product page,
//! product collection, documentation page or service page? The crawler
//! follows listings and stores only articles.
//!
//! Evidence, each adding to a type's score: schema.org types (JSON-LD and
//! microdata), `og:type`, the URL path, the page generator, and the shape of
//! the page (long paragraphs, link density, headline links, price and cart
//! buttons, posts). The confidence is the winner's share of the scores.

use dom_query::Document;
use serde::Serialize;

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
    /// `<button>` elements: menus, filters, carts, players, votes.
    pub buttons: usize,
    pub generator: String,
}

/// Words of buttons that put a product in a cart.
const CART: &[&str] = &[
    "add to cart",
    "add to bag",
    "add to basket",
    "buy now",
    "add to trolley",
];

fn is_cart(text: &str) -> bool {
    let t = text.to_lowercase();
    CART.iter().any(|k| t.contains(k))
}

/// One pass over the tree (selector queries, one per feature, cost several
/// times more on large pages).
pub(crate) fn features(doc: &Document) -> Features {
    let mut f = Features::default();
    if let Some(body) = doc.body() {
        (f.text_bytes, f.text_chars) = crate::textlen::sizes(&body);
    }
    let non_ws = |n: &dom_query::NodeRef| crate::textlen::sizes(n).1;
    for n in doc.root().descendants_it().filter(|n| n.is_element()) {
        let Some(name) = n.node_name() else {
            continue;
        };
        match &*name {
            "a" => {
                f.link_chars += non_ws(&n);
                if (n.has_class("button") || n.has_class("btn")) && is_cart(&n.text()) {
                    f.cart_buttons += 1;
                }
            }
            "p" if crate::textlen::has_chars(&n, 150) => {
                f.long_paragraphs += 1;
            }
            "h2" | "h3" | "h4" => {
                f.heading_links += n
                    .descendants_it()
                    .filter(|d| d.node_name().is_some_and(|x| &*x == "a"))
                    .count();
            }
            "button" => {
                f.buttons += 1;
                if is_cart(&n.text()) {
                    f.cart_buttons += 1;
                }
            }
            "input"
                if n.attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("submit"))
                    && n.attr("value").is_some_and(|v| is_cart(&v)) =>
            {
                f.cart_buttons += 1;
            }
            "pre" | "code" => f.code_blocks += 1,
            "article" => f.articles += 1,
            "meta" => {
                if f.generator.is_empty()
                    && n.attr("name")
                        .is_some_and(|v| v.eq_ignore_ascii_case("generator"))
                {
                    f.generator = n
                        .attr("content")
                        .map(|c| c.to_lowercase())
                        .unwrap_or_default();
                }
                continue;
            }
            _ => {}
        }
        let class = n.attr("class");
        let class = class.as_deref().unwrap_or("");
        let maybe_doc = DOC_PREFILTER.found_in(class);
        if maybe_doc && DOC_CLASSES.iter().any(|c| class.contains(c)) {
            f.doc_marks += 1;
        }
        if n.attr("itemprop").is_some_and(|v| &*v == "price") || class.contains("price") {
            f.prices += 1;
        }
        let itemtype = n.attr("itemtype");
        let itemtype = itemtype.as_deref().unwrap_or("");
        let id = n.attr("id");
        let id = id.as_deref().unwrap_or("");
        let post = itemtype.contains("Comment")
            || itemtype.contains("DiscussionForumPosting")
            || class
                .split_whitespace()
                .any(|c| matches!(c, "post" | "topic-post" | "reply" | "message" | "answer"))
            || class.contains("post-body")
            || id.starts_with("post-")
            || id.starts_with("post_");
        if post {
            f.posts += 1;
        }
    }
    f
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

/// Scores every type and returns the best with its confidence (0–1).
pub(crate) fn classify(meta: &Meta, f: &Features, url: Option<&str>) -> (PageType, f64) {
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

    // Article
    if has(
        &types,
        &[
            "NewsArticle",
            "Article",
            "BlogPosting",
            "ReportageNewsArticle",
            "AnalysisNewsArticle",
            "OpinionNewsArticle",
            "LiveBlogPosting",
            "ScholarlyArticle",
            "Report",
        ],
    ) {
        add(PageType::Article, 3.0);
    }
    // Site builders set og:type "article" and a generic WebPage date on
    // every page: weak evidence unless schema.org says "article" too.
    let ld_article = meta.ld_is_article;
    if og == "article" {
        add(PageType::Article, if ld_article { 1.0 } else { 0.5 });
    }
    // A date shown only in the text or in a `<time>` element is as often a
    // comment's, a post's or a listed item's as the page's own.
    if let Some((_, src)) = &meta.published {
        let generic = *src == Source::JsonLd && !ld_article;
        add(
            PageType::Article,
            if matches!(*src, Source::VisibleText | Source::TimeElement) || generic {
                0.5
            } else {
                1.0
            },
        );
    }
    if meta.bylines.is_some() {
        add(PageType::Article, 0.5);
    }
    let dated_path = path
        .split('/')
        .any(|p| p.len() == 4 && p.starts_with("20") && p.bytes().all(|b| b.is_ascii_digit()));
    if dated_path {
        add(PageType::Article, 1.5);
    }
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    if last.matches('-').count() >= 4 {
        add(PageType::Article, 1.0);
    }
    if f.long_paragraphs >= 4 {
        add(PageType::Article, 1.0);
    }
    // One <article> element holding the page's text.
    if f.articles == 1 {
        add(PageType::Article, 1.0);
    }

    if f.long_paragraphs >= 8 && link_density < 0.25 {
        add(PageType::Article, 1.0);
    }
    // A page whose text is mostly links is a hub, not one story.
    if link_density > 0.4 {
        add(PageType::Article, -1.5);
    }
    // Code samples mark a technical page (documentation, a reference),
    // rarely a news article.
    if f.code_blocks >= 3 {
        add(PageType::Article, -1.0);
    }
    // Dozens of buttons make an application, a shop or a thread with its
    // vote and reply controls; a story has a few share buttons.
    if f.buttons >= 40 {
        add(PageType::Article, -1.0);
    }

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
    if [
        "/category/",
        "/tag/",
        "/tags/",
        "/topic/",
        "/topics/",
        "/section/",
        "/archive",
        "/author/",
        "/search",
    ]
    .iter()
    .any(|p| seg(p))
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
    if ["/product/", "/products/", "/p/", "/dp/", "/item/", "/shop/"]
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

    let (best, score) =
        s.iter().enumerate().fold(
            (0, f32::MIN),
            |acc, (i, v)| if *v > acc.1 { (i, *v) } else { acc },
        );
    let total: f32 = s.iter().map(|v| v.max(0.0)).sum();
    let conf = if total > 0.0 { score / total } else { 0.0 };
    (
        PageType::ALL[best],
        (f64::from(conf) * 100.0).round() / 100.0,
    )
}
