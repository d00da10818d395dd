//! Article extraction for khabar: page bytes (plus the URL and the charset
//! the fetcher decided) in, an [`ExtractedArticle`] out: the main text as
//! marked blocks (paragraphs, headings, quotes, list items), title,
//! bylines, published and modified times with their UTC offset, language
//! and direction, canonical URL, site name, lead image, the page type with
//! a confidence, and where each value came from.
//!
//! How, chosen by measurement on the WCXB development pages (see
//! `eval/extract.sh`): a byte-level pre-pass drops scripts, styles, SVG,
//! comments, unread attributes and the white space between blocks (and
//! unwraps large `<noscript>` blocks) before one html5ever parse; the metadata layer and the page-type classifier read the tree;
//! then articles and documentation go through the readability algorithm of
//! `dom_smoothie` (after our furniture pre-cleaning, followed by our block
//! conversion, tail cut and boilerplate filter; the whole page, reader
//! comments left out, when the core keeps only a small part of the running
//! text), while listings, forums, products, collections and service pages,
//! whose content is spread over many blocks, are walked whole with
//! navigation, headers, footers, cookie and share boxes left out, and
//! what else is furniture chosen by the page type (forums: post controls,
//! signatures and repeated quotes; products: customer reviews, carousels
//! and repeated variant labels; shop pages keep their closed tabs and
//! accordions and the headers of their items and sections; long consent
//! boxes and modal windows go on every page); a listing, forum or service
//! page whose running text the readability core finds in one block is
//! read as that block.
//! Before all this, a page of an outlet with a site rule (a sorted
//! domain → selectors table, see [`SiteRules`]) is read by the rule's
//! selectors when they match; the general path runs otherwise.
//! Charset decision, visible-date parsing
//! (Persian, Dari, Pashto, Arabic; Solar Hijri) and provenance are ours.
//!
//! ```
//! use khabar_extract::{ExtractOptions, PageType, extract};
//!
//! let html = r#"<html lang="fa-AF" dir="rtl"><head>
//!   <title>سیلاب در هرات | خبرگزاری نمونه</title>
//!   <meta property="article:published_time" content="2024-11-11T09:30:00+04:30">
//!   <meta property="og:type" content="article">
//! </head><body><article><h1>سیلاب در هرات</h1>
//!   <p>باران‌های شدید در ولایت هرات باعث سیلاب شد و ده‌ها خانه را ویران کرد. مقام‌های محلی می‌گویند که کمک‌ها در راه است.</p>
//!   <p>ساکنان روستاهای نزدیک رودخانه خانه‌های خود را ترک کردند و به مکان‌های بلندتر رفتند تا از آب در امان باشند.</p>
//! </article></body></html>"#;
//! let a = extract(html.as_bytes(), &ExtractOptions::default()).unwrap();
//! assert_eq!(a.title.as_deref(), Some("سیلاب در هرات"));
//! assert_eq!(a.published_at.unwrap().to_rfc3339(), "2024-11-11T09:30:00+04:30");
//! assert_eq!(a.direction, khabar_extract::Direction::Rtl);
//! assert!(a.text().contains("باران‌های شدید"));
//! assert_eq!(a.page_type, PageType::Article);
//! let draft = a.to_draft(Some("https://example.org/fa/herat-floods"));
//! assert_eq!(draft.lang.unwrap().as_str(), "fa-AF");
//! ```

mod anyof;
mod body;
mod charset;
pub mod dates;
mod el;
mod embeds;
mod error;
mod fold;
mod meta;
mod mojibake;
mod pagetype;
mod prepass;
mod sites;
mod textlen;

use chrono::{DateTime, FixedOffset};
use dom_query::Document;
use khabar_model::ArticleDraft;
use serde::Serialize;

pub use body::Block;
pub use charset::CharsetSource;
pub use error::{Error, Result};
pub use khabar_model::BlockKind;
pub use khabar_model::{EmbeddedPost, Platform};
pub use meta::Source;
pub use pagetype::PageType;
pub use prepass::limit_nesting;
pub use sites::{MIN_RULE_TEXT, SiteRule, SiteRules};

/// What the caller knows about the page besides its bytes.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The URL the page was fetched from (resolves relative links, helps
    /// page typing).
    pub url: Option<String>,
    /// The charset the fetcher decided (from the HTTP `Content-Type`).
    pub charset: Option<String>,
    /// Site rules to use instead of the built-in table (the built-in one
    /// plus the configuration's, see [`SiteRules::builtin_with`]).
    pub site_rules: Option<std::sync::Arc<SiteRules>>,
    /// When the page was fetched. It places what the page shows relative to
    /// that moment: "3 hours ago", "yesterday", "۲ روز پیش", "منذ ساعتين",
    /// and dates without their year ("KABUL, Dec. 5 (Xinhua) --"). Without
    /// it those are not read. Their provenance is
    /// [`Source::VisibleRelative`].
    pub fetched_at: Option<DateTime<FixedOffset>>,
}

/// Writing direction of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Ltr,
    Rtl,
}

/// Where each metadata value of an [`ExtractedArticle`] came from (`None`
/// when the value is absent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Provenance {
    pub title: Option<Source>,
    pub bylines: Option<Source>,
    pub published_at: Option<Source>,
    pub modified_at: Option<Source>,
    pub lang: Option<Source>,
    pub direction: Option<Source>,
    pub canonical_url: Option<Source>,
    pub site_name: Option<Source>,
    pub image: Option<Source>,
    pub description: Option<Source>,
}

/// Everything extracted from one page.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractedArticle {
    /// The URL given in [`ExtractOptions`].
    pub url: Option<String>,
    pub title: Option<String>,
    /// Author names, without their label ("By", "نویسنده:"), degrees or date.
    pub bylines: Vec<String>,
    /// Publication time with the offset the page stated.
    pub published_at: Option<DateTime<FixedOffset>>,
    pub modified_at: Option<DateTime<FixedOffset>>,
    /// Language tag as the page gave it (`en`, `fa-AF`, …).
    pub lang: Option<String>,
    pub direction: Direction,
    pub canonical_url: Option<String>,
    pub site_name: Option<String>,
    /// Lead image URL.
    pub image: Option<String>,
    /// The page's own summary (`og:description`, `description`).
    pub description: Option<String>,
    pub page_type: PageType,
    /// Share of the page-type evidence that went to `page_type` (0–1).
    pub page_type_confidence: f64,
    /// The character encoding used to read the bytes, and why.
    pub charset: String,
    pub charset_source: CharsetSource,
    /// The main text.
    pub blocks: Vec<Block>,
    /// The domain of the site rule that gave the main text; `None` when the
    /// general extractor did.
    pub site_rule: Option<String>,
    /// Social media posts embedded in the page, in page order (see
    /// [`EmbeddedPost`]); in the main text, one with words is a quote
    /// block ending with a line naming its poster.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub embeds: Vec<EmbeddedPost>,
    pub provenance: Provenance,
}

impl ExtractedArticle {
    /// The main text, blocks separated by a blank line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&b.text);
        }
        out
    }

    /// The title and main text as Markdown (CommonMark): the title as a
    /// level-1 heading, headings inside the text as level 2, block quotes
    /// as `>` lines, list items as `-` lines (consecutive items one list),
    /// preformatted text in a fenced block. Characters that would otherwise
    /// start Markdown syntax at the head of a line, and `\`, `*`, `_`, `` ` ``,
    /// `[`, `]`, `<`, `&` anywhere, are escaped, so the text reads back as written.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        if let Some(t) = self.title.as_deref().filter(|t| !t.trim().is_empty()) {
            out.push_str("# ");
            out.push_str(&md_heading(t));
        }
        let mut prev: Option<BlockKind> = None;
        for b in &self.blocks {
            // List items follow each other on single lines; everything else
            // is separated by a blank line.
            if !out.is_empty() {
                let same_list = prev == Some(BlockKind::ListItem) && b.kind == BlockKind::ListItem;
                out.push_str(if same_list { "\n" } else { "\n\n" });
            }
            match b.kind {
                BlockKind::Paragraph => out.push_str(&md_lines(&b.text, "")),
                BlockKind::Heading => {
                    out.push_str("## ");
                    out.push_str(&md_heading(&b.text));
                }
                BlockKind::Quote => out.push_str(&md_lines(&b.text, "> ")),
                BlockKind::ListItem => {
                    out.push_str("- ");
                    out.push_str(md_lines(&b.text, "  ").trim_start());
                }
                BlockKind::Preformatted => {
                    // A fence longer than any run of backticks inside.
                    let longest = b.text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
                    let fence = "`".repeat(longest.max(2) + 1);
                    out.push_str(&fence);
                    out.push('\n');
                    out.push_str(b.text.trim_end_matches('\n'));
                    out.push('\n');
                    out.push_str(&fence);
                }
            }
            prev = Some(b.kind);
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }

    /// The main text, one string per block.
    pub fn paragraphs(&self) -> Vec<String> {
        self.blocks.iter().map(|b| b.text.clone()).collect()
    }

    /// The article as a draft for the store. `url` is where it was found
    /// (defaults to the URL of the options, then the canonical URL). The
    /// site name becomes the source; the description becomes the teaser
    /// only when the body repeats it.
    pub fn to_draft(&self, url: Option<&str>) -> ArticleDraft {
        let title = self
            .title
            .clone()
            .or_else(|| {
                self.blocks
                    .first()
                    .map(|b| b.text.chars().take(120).collect())
            })
            .unwrap_or_default();
        let mut d = ArticleDraft::new(title, self.paragraphs());
        d.kinds = BlockKind::list(self.blocks.iter().map(|b| b.kind));
        d.embeds.clone_from(&self.embeds);
        if let Some(u) = url
            .map(str::to_string)
            .or_else(|| self.url.clone())
            .or_else(|| self.canonical_url.clone())
        {
            d = d.with_url(u);
        }
        if let Some(c) = self
            .canonical_url
            .as_deref()
            .and_then(|c| khabar_model::canonicalize_url(c).ok())
        {
            d.canonical_url = Some(c);
        }
        d.source.clone_from(&self.site_name);
        d.byline = (!self.bylines.is_empty()).then(|| self.bylines.join(", "));
        d.published_at = self.published_at;
        d.modified_at = self.modified_at;
        d.lang = self.lang.as_deref().and_then(|l| l.parse().ok());
        d.teaser = self.description.clone().filter(|t| {
            let t = t.trim();
            !t.is_empty() && self.blocks.iter().any(|b| b.text.contains(t))
        });
        d
    }
}

/// Languages written right to left.
const RTL_LANGS: &[&str] = &[
    "ar", "fa", "prs", "ps", "pus", "ur", "he", "iw", "yi", "ckb", "ug", "dv", "ks",
];

/// Languages written in a right-to-left script in one country and a
/// left-to-right one in another (Kurdish, Punjabi, Sindhi; Uzbek, Turkmen
/// and Azerbaijani in Afghanistan and Iran): their tag alone says nothing
/// of the direction.
const EITHER_WAY_LANGS: &[&str] = &["ku", "pa", "sd", "uz", "tk", "az"];

/// The direction a language tag implies: its script subtag's when it has
/// one (`uz-Arab`, `ku-Latn`), else the language's; `None` for a language
/// written either way.
fn lang_direction(tag: &str) -> Option<Direction> {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default().to_ascii_lowercase();
    for part in parts {
        let part = part.to_ascii_lowercase();
        if matches!(
            part.as_str(),
            "arab" | "hebr" | "thaa" | "syrc" | "nkoo" | "adlm"
        ) {
            return Some(Direction::Rtl);
        }
        if part.len() == 4 && part.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Some(Direction::Ltr);
        }
    }
    if EITHER_WAY_LANGS.contains(&primary.as_str()) {
        None
    } else if RTL_LANGS.contains(&primary.as_str()) {
        Some(Direction::Rtl)
    } else {
        Some(Direction::Ltr)
    }
}

/// The article-vs-not evidence of one page, by name (for evaluation: the
/// weights of the page-type model are fitted on these).
#[doc(hidden)]
pub fn page_type_evidence(html: &[u8], opts: &ExtractOptions) -> Vec<(String, f32)> {
    let p = parse(html, opts);
    pagetype::evidence(&p.meta, &p.feats, p.type_url())
}

/// A decoded, pre-passed and parsed page with its metadata and page-type
/// measurements: what extraction and the page-type evidence both start from.
struct Parsed<'a> {
    doc: Document,
    /// The given URL when it is http(s).
    url: Option<&'a str>,
    meta: meta::Meta,
    feats: pagetype::Features,
    enc: &'static encoding_rs::Encoding,
    charset_source: CharsetSource,
    rules: std::sync::Arc<SiteRules>,
}

impl Parsed<'_> {
    /// Page typing uses the URL path: the given URL, else the page's own.
    fn type_url(&self) -> Option<&str> {
        self.url
            .or(self.meta.canonical.as_ref().map(|(c, _)| c.as_str()))
    }
}

fn parse<'a>(html: &[u8], opts: &'a ExtractOptions) -> Parsed<'a> {
    let (text, enc, charset_source) = charset::decode(html, opts.charset.as_deref());
    let url = opts
        .url
        .as_deref()
        .filter(|u| url::Url::parse(u).is_ok_and(|p| matches!(p.scheme(), "http" | "https")));
    let rules = opts.site_rules.clone().unwrap_or_else(SiteRules::builtin);
    let doc = Document::from(&*prepass::strip_heavy_keeping(&text, rules.attrs()));
    let meta = meta::extract_meta_at(&doc, url, opts.fetched_at);
    let feats = pagetype::features(&doc);
    Parsed {
        doc,
        url,
        meta,
        feats,
        enc,
        charset_source,
        rules,
    }
}

/// Extracts the main text and metadata of one page.
///
/// # Errors
/// [`Error::Empty`] for zero bytes and [`Error::NotHtml`] for bytes that are
/// plainly not a page (NUL bytes, a PDF, a gzip stream). Every other input
/// gives an article, possibly with no blocks.
pub fn extract(html: &[u8], opts: &ExtractOptions) -> Result<ExtractedArticle> {
    if html.is_empty() {
        return Err(Error::Empty);
    }
    check_not_binary(html)?;
    let parsed = parse(html, opts);
    let (page_type, page_type_confidence) =
        pagetype::classify(&parsed.meta, &parsed.feats, parsed.type_url());
    let Parsed {
        doc,
        url,
        meta: mut m,
        feats,
        enc,
        charset_source,
        rules,
    } = parsed;
    let embeds = embeds::read_and_rewrite(&doc, &feats.embeds);
    // A page of a site with a rule: the rule's body when it matches, else
    // the general extractor. Lists of links or goods are never read by a
    // rule (a theme's body class can wrap every teaser of a list); a page
    // typed otherwise whose rule matches is read by the rule, since its
    // selectors are those of the site's article template.
    let listish = matches!(
        page_type,
        PageType::Listing | PageType::Collection | PageType::Product | PageType::Forum
    );
    let ruled = (!listish)
        .then(|| url.or(m.canonical.as_ref().map(|(c, _)| c.as_str())))
        .flatten()
        .and_then(|u| rules.body(&doc, u));
    let (mut blocks, site_rule) = match ruled {
        Some((blocks, domain)) => (blocks, Some(domain)),
        None => (main_text(doc, url, page_type, &feats), None),
    };
    blocks.retain(|b| !body::is_boilerplate(b));
    if page_type == PageType::Article {
        blocks.retain(|b| !body::is_newsletter_call(b) && !body::is_shop_button(b));
        body::drop_credit_pairs(&mut blocks);
    }
    if page_type != PageType::Documentation {
        blocks.retain(|b| !body::is_unrendered_template(b));
    }
    if page_type == PageType::Forum {
        blocks.retain(|b| !body::is_forum_chrome(b));
    }
    // Repeated blocks: a product's variant labels and prices, a forum's
    // quoted posts (a poster's name, one word, may repeat); elsewhere a
    // paragraph of ten words or more met twice is a copy (a box shown in
    // two layouts, a teaser repeated). Documentation repeats its sentences
    // on purpose.
    match page_type {
        PageType::Product => body::drop_repeats(&mut blocks, 1),
        PageType::Forum => body::drop_repeats(&mut blocks, 2),
        PageType::Documentation => {}
        _ => body::drop_repeats(&mut blocks, 10),
    }
    body::drop_toc(&mut blocks);
    if let (Some(first), Some((title, _))) = (blocks.first(), &m.title)
        && first.text == *title
    {
        blocks.remove(0);
    }
    // A landing or shop page's heading is often a slogan ("Build fast. Run
    // anything.") or a short label ("Carry-On"): its own title names it.
    if matches!(page_type, PageType::Service | PageType::Collection)
        && let Some(named) = m.named_title.take()
    {
        m.title = Some(named);
    }
    // The letters of the text by direction: right-to-left scripts (Arabic,
    // Hebrew, Thaana…) against the others.
    let (rtl, ltr) = blocks.iter().flat_map(|b| b.text.chars()).take(4000).fold(
        (0usize, 0usize),
        |(r, l), c| match c {
            '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FEFC}' => (r + 1, l),
            c if c.is_alphabetic() => (r, l + 1),
            _ => (r, l),
        },
    );
    // A declaration the text contradicts is a theme's default, not the
    // page's: a Dari article on a site whose template says `lang="en-US"`,
    // an English one under `dir="rtl"`. It is dropped when the text has
    // 200 letters or more and 80% of them are in the other direction.
    let text_dir = (rtl + ltr >= 200)
        .then(|| {
            if rtl * 5 >= (rtl + ltr) * 4 {
                Some(Direction::Rtl)
            } else if ltr * 5 >= (rtl + ltr) * 4 {
                Some(Direction::Ltr)
            } else {
                None
            }
        })
        .flatten();
    let declared_dir = |d: &str| {
        if d == "rtl" {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    };
    if let Some(t) = text_dir {
        if m.lang
            .as_ref()
            .is_some_and(|(l, _)| lang_direction(l).is_some_and(|d| d != t))
        {
            m.lang = None;
        }
        if m.dir.as_ref().is_some_and(|(d, _)| declared_dir(d) != t) {
            m.dir = None;
        }
    }
    let tag_dir = m
        .lang
        .as_ref()
        .and_then(|(l, s)| lang_direction(l).map(|d| (d, *s)));
    let (direction, dir_src) = match (&m.dir, tag_dir) {
        (Some((d, s)), _) => (declared_dir(d), Some(*s)),
        (None, Some((d, s))) => (d, Some(s)),
        (None, None) => {
            if rtl + ltr == 0 {
                (Direction::Ltr, None)
            } else if rtl > ltr {
                (Direction::Rtl, Some(Source::Script))
            } else {
                (Direction::Ltr, Some(Source::Script))
            }
        }
    };
    let src = |o: &Option<(String, Source)>| o.as_ref().map(|(_, s)| *s);
    let provenance = Provenance {
        title: src(&m.title),
        bylines: m.bylines.as_ref().map(|(_, s)| *s),
        published_at: m.published.as_ref().map(|(_, s)| *s),
        modified_at: m.modified.as_ref().map(|(_, s)| *s),
        lang: src(&m.lang),
        direction: dir_src,
        canonical_url: src(&m.canonical).or(url.map(|_| Source::Given)),
        site_name: src(&m.site_name),
        image: src(&m.image),
        description: src(&m.description),
    };
    Ok(ExtractedArticle {
        url: opts.url.clone(),
        title: m.title.map(|(t, _)| t),
        bylines: m.bylines.map(|(b, _)| b).unwrap_or_default(),
        published_at: m.published.map(|(t, _)| t),
        modified_at: m.modified.map(|(t, _)| t),
        lang: m.lang.map(|(l, _)| l),
        direction,
        canonical_url: m
            .canonical
            .map(|(c, _)| c)
            .or_else(|| url.map(str::to_string)),
        site_name: m.site_name.map(|(s, _)| s),
        image: m.image.map(|(s, _)| s),
        description: m.description.map(|(s, _)| s),
        page_type,
        page_type_confidence,
        charset: enc.name().to_string(),
        charset_source,
        blocks,
        site_rule,
        embeds,
        provenance,
    })
}

fn check_not_binary(bytes: &[u8]) -> Result<()> {
    if bytes.starts_with(b"%PDF") {
        return Err(Error::NotHtml("a PDF file"));
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Err(Error::NotHtml("a gzip stream"));
    }
    let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    if !utf16 && bytes.iter().take(1024).filter(|&&b| b == 0).count() > 8 {
        return Err(Error::NotHtml("it holds NUL bytes"));
    }
    Ok(())
}

/// The main text. Articles and documentation hold one main block: the
/// readability core finds it; when it finds nothing, or only a small part
/// of the page's running text, the whole page is walked instead (reader
/// comments left out, the tail cut at the same markers). Listings,
/// forums, products, collections and service pages spread their content
/// over many blocks: the whole page is
/// walked with the furniture (navigation, headers, footers, cookie and
/// share boxes) left out, unless the walk finds nothing or (listings,
/// forums and service pages) one long text holds nearly all its running
/// text, or the walk kept little of the page's long paragraphs, a page
/// typed wrongly: then the readability core's block is the text. A block
/// of the core that is kept is completed from the page walk: numbered
/// sections it left in sibling parts of the page, and holes of prose its
/// cleaning cut out. The text of an article or documentation page then
/// loses the short lines and site notices after its last sentence and an
/// affiliate disclosure above it. First of all, the blocks of React's
/// streamed rendering go to their places (see [`place_streamed`]). Chosen
/// by measurement on WCXB dev (see `eval/extract.sh`).
fn main_text(
    doc: Document,
    url: Option<&str>,
    page_type: PageType,
    feats: &pagetype::Features,
) -> Vec<Block> {
    place_streamed(&doc, feats);
    // An FAQ's questions are text: the walks and the core skip buttons.
    for id in &feats.questions {
        if let Some(n) = doc.tree.get(id) {
            n.rename("div");
        }
    }
    let text_chars = feats.text_chars;
    let one_block = matches!(page_type, PageType::Article | PageType::Documentation);
    // The whole page, walked before the readability core rewrites the tree.
    let page = doc
        .body()
        .map(|b| {
            if one_block {
                body::blocks_of_article_page(&b, text_chars)
            } else {
                body::blocks_of_typed_page(&b, text_chars, page_type)
            }
        })
        .unwrap_or_default();
    // Products and collections are short items by nature: their long
    // paragraphs are shop blurbs, not the page's text.
    let may_be_text = matches!(
        page_type,
        PageType::Listing | PageType::Forum | PageType::Service
    );
    let missed = may_be_text && body::misses_running_text(&page, feats.long_par_chars);
    let try_core =
        one_block || page.is_empty() || missed || (may_be_text && body::has_running_text(&page));
    if !try_core {
        return page;
    }
    body::pre_clean(&doc, one_block);
    // The block walk reads no classes: the core's pass that strips them
    // from its output would only cost time.
    let cfg = dom_smoothie::Config {
        disable_json_ld: true,
        keep_classes: true,
        ..Default::default()
    };
    let Ok(mut r) = dom_smoothie::Readability::with_document(doc, url, Some(cfg)) else {
        return page;
    };
    if r.parse().is_ok() {
        let mut blocks = article_blocks(&r.doc);
        body::cut_tail(&mut blocks);
        let keep = if one_block {
            !body::misses_main_text(&blocks, &page)
        } else {
            page.is_empty()
                || body::holds_running_text(&blocks, &page)
                || (missed && !body::misses_running_text(&blocks, feats.long_par_chars))
        };
        if !blocks.is_empty() && keep {
            body::extend_numbered_sections(&mut blocks, &page);
            body::fill_holes(&mut blocks, &page);
            if one_block {
                body::drop_trailing_lines(&mut blocks);
                body::drop_lead_disclosure(&mut blocks);
                body::drop_byline_lines(&mut blocks);
            }
            return blocks;
        }
    }
    let mut page = page;
    if one_block {
        body::cut_tail(&mut page);
        body::drop_trailing_lines(&mut page);
        body::drop_lead_disclosure(&mut page);
        body::drop_byline_lines(&mut page);
    }
    page
}

/// Puts each block of React's streamed rendering in its place, as the
/// page's script does in a browser: the `<div id="S:n">` (unhidden by the
/// pre-pass) replaces its `<template id="B:n">`. Left at the end of the
/// body, after the footer, the late parts of a story fall outside the
/// readability core's block and behind the tail markers. The features'
/// walk found both halves (no walk of its own here).
fn place_streamed(doc: &Document, feats: &pagetype::Features) {
    for (k, block) in &feats.streamed {
        let Some((_, spot)) = feats.placeholders.iter().find(|(b, _)| b == k) else {
            continue;
        };
        if let Some(spot) = doc.tree.get(spot) {
            spot.replace_with(block);
        }
    }
}

/// The blocks of the article the readability core marked in the tree (its
/// `content` string is that tree serialised: parsing it again would only
/// cost time).
fn article_blocks(doc: &Document) -> Vec<Block> {
    doc.root()
        .descendants_it()
        .find(|n| {
            el::with(n, |e| {
                el::attr(e, &dom_query::local_name!("id")) == Some("readability-page-1")
            }) == Some(true)
        })
        .map(|n| body::blocks_of(&n))
        .unwrap_or_default()
}

/// Each line of `text`, escaped and prefixed with `prefix`; blank lines
/// kept as `prefix` alone (trimmed), so a quote stays one quote.
fn md_lines(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|l| {
            let l = l.trim();
            if l.is_empty() {
                prefix.trim_end().to_string()
            } else {
                format!("{prefix}{}", md_escape(l))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of a heading on one line, escaped; a `#` that ends it would
/// close the heading (and be dropped), so it is escaped too.
fn md_heading(text: &str) -> String {
    let mut h = md_escape(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    if h.ends_with('#') {
        h.insert(h.len() - 1, '\\');
    }
    h
}

/// One line of text escaped for Markdown: inline syntax characters
/// everywhere, and what would start a heading, quote, list, rule or code
/// fence at its head.
fn md_escape(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    let lead = out.len() - out.trim_start().len();
    let rest = &out[lead..];
    if rest.starts_with(['#', '>', '-', '+', '=', '~']) {
        return format!("{}\\{rest}", &out[..lead]);
    }
    // `1. ` / `1) ` starts an ordered list: escape its delimiter.
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest[digits..].chars().nth(1);
    if (1..=9).contains(&digits)
        && rest[digits..].starts_with(['.', ')'])
        && after.is_none_or(char::is_whitespace)
    {
        return format!("{}{}\\{}", &out[..lead], &rest[..digits], &rest[digits..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_structure_and_escapes_what_would_be_syntax() {
        let block = |kind, text: &str| Block {
            kind,
            text: text.to_string(),
        };
        let mut a = extract(b"<p>x</p>", &ExtractOptions::default()).unwrap();
        a.title = Some("Floods *close* the pass".into());
        a.blocks = vec![
            block(
                BlockKind::Paragraph,
                "1. Not a list, but 3.5 million people",
            ),
            block(BlockKind::Heading, "What   happened #"),
            block(BlockKind::ListItem, "- first"),
            block(BlockKind::ListItem, "second [link]"),
            block(BlockKind::Quote, "# not a heading\n\nsecond line"),
            block(BlockKind::Preformatted, "let s = \"```\";\n  indented"),
            block(BlockKind::Paragraph, "کابل — ۲۰۲۵. سال"),
            block(BlockKind::Paragraph, "2025. A year"),
        ];
        assert_eq!(
            a.markdown(),
            "# Floods \\*close\\* the pass\n\n\
             1\\. Not a list, but 3.5 million people\n\n\
             ## What happened \\#\n\n\
             - \\- first\n\
             - second \\[link\\]\n\n\
             > \\# not a heading\n>\n> second line\n\n\
             ````\nlet s = \"```\";\n  indented\n````\n\n\
             کابل — ۲۰۲۵. سال\n\n\
             2025\\. A year\n"
        );
        a.title = None;
        a.blocks.clear();
        assert_eq!(a.markdown(), "");
    }

    #[test]
    fn a_language_tag_gives_its_direction_when_it_can() {
        for (tag, want) in [
            ("fa-AF", Some(Direction::Rtl)),
            ("ps", Some(Direction::Rtl)),
            ("en-US", Some(Direction::Ltr)),
            ("uz-Arab", Some(Direction::Rtl)),
            ("ku-Latn", Some(Direction::Ltr)),
            ("az-Arab-IR", Some(Direction::Rtl)),
            ("uz", None),
            ("ku", None),
            ("sd", None),
        ] {
            assert_eq!(lang_direction(tag), want, "{tag}");
        }
    }
}
