//! Page metadata with the source of each value: JSON-LD (incl. `@graph`),
//! OpenGraph and `article:*`, Dublin Core, other `<meta>` names, microdata,
//! `<time>`, `<link rel=canonical>`, `<html lang dir>`, and visible text.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use dom_query::{Document, LocalName, NodeRef, local_name};
use serde::Serialize;
use serde_json::Value;

use crate::dates::{self, Region};
use crate::el;

/// Where a metadata value was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A `<script type="application/ld+json">` object (schema.org).
    JsonLd,
    /// An OpenGraph `og:*` property.
    OpenGraph,
    /// An `article:*` property (OpenGraph article namespace).
    ArticleMeta,
    /// A Twitter card `twitter:*` tag.
    TwitterCard,
    /// A Dublin Core `DC.*` / `dcterms.*` tag.
    DublinCore,
    /// Another `<meta name>` tag (`author`, `description`, `pubdate`, …).
    MetaTag,
    /// An `itemprop` attribute (microdata).
    Microdata,
    /// A `<time datetime>` element.
    TimeElement,
    /// Text shown on the page (a date line, a byline).
    VisibleText,
    /// Text shown on the page that only the fetch time places: a relative
    /// time ("3 hours ago", "دیروز") or a date without its year ("Dec. 5").
    VisibleRelative,
    /// The `<title>` element.
    TitleElement,
    /// The page's main heading (`<h1>`).
    Heading,
    /// `<link rel="canonical">`.
    LinkCanonical,
    /// An attribute of `<html>` or `<body>` (`lang`, `dir`).
    HtmlAttribute,
    /// Told by the caller (the URL the page was fetched from).
    Given,
    /// Inferred from the letters of the text.
    Script,
}

/// Everything the metadata pass found, before it is merged into the article.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub title: Option<(String, Source)>,
    /// The page's own title (`og:title`, JSON-LD, `<title>`, without the
    /// site's name) when `title` is a differing visible heading: the name
    /// of a landing or shop page, whose heading is often a slogan or a
    /// short label.
    pub named_title: Option<(String, Source)>,
    pub bylines: Option<(Vec<String>, Source)>,
    pub published: Option<(DateTime<FixedOffset>, Source)>,
    pub modified: Option<(DateTime<FixedOffset>, Source)>,
    pub lang: Option<(String, Source)>,
    pub dir: Option<(String, Source)>,
    pub canonical: Option<(String, Source)>,
    pub site_name: Option<(String, Source)>,
    pub image: Option<(String, Source)>,
    pub description: Option<(String, Source)>,
    /// Every schema.org `@type` seen in JSON-LD.
    pub ld_types: Vec<String>,
    pub og_type: Option<String>,
    /// Whether the JSON-LD object the article fields came from is an
    /// article (not a generic `WebPage`, which site builders put on every
    /// page with its dates).
    pub ld_is_article: bool,
    pub microdata_types: Vec<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "AskPublicNewsArticle",
    "LiveBlogPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "SatiricalArticle",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "Blog",
    "WebPage",
];

/// `s` with its white space runs made one space, and the character
/// references a CMS escaped twice decoded ("Maria &amp;amp; Katerina" in
/// the page is "Maria &amp; Katerina" once parsed; people read "Maria &
/// Katerina").
fn clean(s: &str) -> String {
    let decoded;
    let s = if s.contains('&') {
        decoded = html_escape::decode_html_entities(s);
        decoded.as_ref()
    } else {
        s
    };
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn nonempty(s: &str) -> Option<String> {
    let c = clean(s);
    (!c.is_empty()).then_some(c)
}

fn types_of(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.rsplit(['/', ':']).next().unwrap_or(s).to_string()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(|s| s.rsplit(['/', ':']).next().unwrap_or(s).to_string())
            .collect(),
        _ => Vec::new(),
    }
}

/// The position in `ARTICLE_TYPES` of the best article type a JSON-LD
/// object declares (lower is better), or `None` when it declares none.
fn article_rank(o: &Value) -> Option<usize> {
    let ts = types_of(o);
    ARTICLE_TYPES.iter().position(|a| ts.iter().any(|t| t == a))
}

/// The elements the metadata layer reads, gathered in one walk over the
/// tree (each CSS selector query is a walk of its own), in document order.
#[derive(Default)]
struct Scan<'a> {
    /// `script[type]`
    scripts: Vec<NodeRef<'a>>,
    /// `meta`
    metas: Vec<NodeRef<'a>>,
    /// `[itemtype]` (the first 20)
    itemtypes: Vec<NodeRef<'a>>,
    /// `h1` (the first 6)
    h1s: Vec<NodeRef<'a>>,
    title: Option<NodeRef<'a>>,
    /// `[itemprop=datePublished]`
    date_published: Vec<NodeRef<'a>>,
    /// The first `time[datetime]`.
    time: Option<NodeRef<'a>>,
    html: Option<NodeRef<'a>>,
    body: Option<NodeRef<'a>>,
    /// `link[rel]`
    links: Vec<NodeRef<'a>>,
    /// `[rel=author], [itemprop=author], .byline, .author, .author-name,
    /// .byline__name` (the first 10)
    bylines: Vec<NodeRef<'a>>,
}

fn scan(doc: &Document) -> Scan<'_> {
    /// Where an element goes, read in one look-up of the tree.
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Slot {
        Script,
        Meta,
        H1,
        Title,
        Time,
        Html,
        Body,
        Link,
        None,
    }
    let mut s = Scan::default();
    for n in doc.root().descendants_it() {
        let Some((slot, itemtype, date_published, byline)) = el::with(&n, |e| {
            let has = |name: &LocalName| el::has_attr(e, name);
            let slot = match el::name(e) {
                "script" if has(&local_name!("type")) => Slot::Script,
                "meta" => Slot::Meta,
                "h1" => Slot::H1,
                "title" => Slot::Title,
                "time" if has(&local_name!("datetime")) => Slot::Time,
                "html" => Slot::Html,
                "body" => Slot::Body,
                "link" if has(&local_name!("rel")) => Slot::Link,
                _ => Slot::None,
            };
            let itemprop = el::attr(e, &local_name!("itemprop"));
            let byline = itemprop == Some("author")
                || el::attr(e, &local_name!("rel")) == Some("author")
                || el::attr(e, &local_name!("class")).is_some_and(|class| {
                    class
                        .split_ascii_whitespace()
                        .any(|c| matches!(c, "byline" | "author" | "author-name" | "byline__name"))
                });
            (
                slot,
                has(&local_name!("itemtype")),
                itemprop == Some("datePublished"),
                byline,
            )
        }) else {
            continue;
        };
        match slot {
            Slot::Script => s.scripts.push(n),
            Slot::Meta => s.metas.push(n),
            Slot::H1 if s.h1s.len() < 6 => s.h1s.push(n),
            Slot::Title if s.title.is_none() => s.title = Some(n),
            Slot::Time if s.time.is_none() => s.time = Some(n),
            Slot::Html if s.html.is_none() => s.html = Some(n),
            Slot::Body if s.body.is_none() => s.body = Some(n),
            Slot::Link => s.links.push(n),
            _ => {}
        }
        if s.itemtypes.len() < 20 && itemtype {
            s.itemtypes.push(n);
        }
        if date_published {
            s.date_published.push(n);
        }
        if s.bylines.len() < 10 && byline {
            s.bylines.push(n);
        }
    }
    s
}

/// Every JSON-LD object of the page, `@graph` members flattened.
fn json_ld_objects(scripts: &[NodeRef]) -> Vec<Value> {
    let mut out = Vec::new();
    for script in scripts {
        let ty = script.attr("type").unwrap_or_default();
        if !ty.trim().eq_ignore_ascii_case("application/ld+json") {
            continue;
        }
        let raw = script.text();
        let raw = raw.trim();
        let raw = raw
            .trim_start_matches("//<![CDATA[")
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("//]]>")
            .trim_end_matches("]]>")
            .trim()
            .trim_end_matches(';');
        let Ok(v) = serde_json::from_str::<Value>(raw) else {
            continue;
        };
        flatten(v, &mut out, 0);
    }
    out
}

fn flatten(v: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(a) => a.into_iter().for_each(|x| flatten(x, out, depth + 1)),
        Value::Object(mut m) => {
            if let Some(g) = m.remove("@graph") {
                flatten(g, out, depth + 1);
            }
            // A page's main entity (a forum's `DiscussionForumPosting`, a
            // `Question` inside a `WebPage` or `QAPage`) is an object of
            // its own: its author and dates are the post's. A reference
            // alone (`{"@type": "Article", "@id": …}`) is not.
            if let Some(Value::Object(e)) = m.get("mainEntity")
                && e.keys().any(|k| !k.starts_with('@'))
            {
                flatten(Value::Object(e.clone()), out, depth + 1);
            }
            if m.contains_key("@type") {
                out.push(Value::Object(m));
            }
        }
        _ => {}
    }
}

/// Whether `front` is the front page of the site of `page`, a deeper page.
fn is_front_of(front: &str, page: &str) -> bool {
    let (Ok(f), Ok(p)) = (url::Url::parse(front), url::Url::parse(page)) else {
        return false;
    };
    let host = |u: &url::Url| {
        u.host_str()
            .map(|h| h.trim_start_matches("www.").to_string())
    };
    f.path().trim_matches('/').is_empty()
        && !p.path().trim_matches('/').is_empty()
        && host(&f).is_some()
        && host(&f) == host(&p)
}

fn ld_str(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => nonempty(s),
        Value::Array(a) => a.iter().find_map(ld_str),
        Value::Object(o) => o
            .get("name")
            .or_else(|| o.get("url"))
            .or_else(|| o.get("@id"))
            .and_then(ld_str),
        _ => None,
    }
}

fn ld_names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => split_names(s),
        Value::Array(a) => a.iter().flat_map(ld_names).collect(),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(split_names)
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Labels before the names of a byline ("By", "Author:", Persian and
/// Dari "نویسنده:" (writer), "گزارشگر:" (reporter), "به قلم" (by the pen
/// of), Pashto "لیکوال:", Arabic "بقلم"), longest first.
const NAME_LABELS: &[&str] = &[
    "نوشته شده توسط",
    "written by",
    "reported by",
    "words by",
    "authors",
    "author",
    "reporter",
    "by",
    "von",
    "نویسنده",
    "نوشتهٔ",
    "نوشته",
    "گزارشگر",
    "خبرنگار",
    "به قلم",
    "توسط",
    "لیکوال",
    "بقلم",
    "الکاتب",
];

/// `s` without a label before its names, when it has one: the label must
/// be followed by a colon or a space ("By Ana", "Author: Ana",
/// "نویسنده: گزارشگر محلی").
fn without_name_label(s: &str) -> &str {
    for label in NAME_LABELS {
        let Some(head) = s.get(..label.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(label)
            && !head.chars().map(crate::fold::letter).eq(label.chars())
        {
            continue;
        }
        let rest = &s[label.len()..];
        if rest.starts_with([':', '：', ' ']) {
            let names = rest.trim_start_matches([':', '：', ' ']);
            if !names.is_empty() {
                return names;
            }
        }
    }
    s
}

/// A byline split into names: "By A, B and C" → [A, B, C]. URLs,
/// e-mail addresses, dates, counts, labels and degrees are dropped.
pub(crate) fn split_names(s: &str) -> Vec<String> {
    names_of(name_parts(s))
}

/// The parts of a byline that are names: after the first, a short word in
/// capitals is a degree or a title ("Rebecca Lake, CEPF®").
fn names_of(parts: Vec<String>) -> Vec<String> {
    parts
        .into_iter()
        .enumerate()
        .filter(|(i, n)| is_name(n) && (*i == 0 || !is_degree(n)))
        .map(|(_, n)| n)
        .collect()
}

/// Whether `n` is written like a degree or a title: two to six capitals,
/// with dots or a registered sign ("CEPF®", "M.B.A.", "FAND").
fn is_degree(n: &str) -> bool {
    let capitals = n.chars().filter(char::is_ascii_uppercase).count();
    (2..=6).contains(&capitals)
        && n.chars()
            .all(|c| c.is_ascii_uppercase() || ".®™".contains(c))
}

/// The parts of a byline between its separators, without its label.
fn name_parts(s: &str) -> Vec<String> {
    let s = clean(s);
    let s = without_name_label(&s);
    s.replace(" and ", ",")
        .replace(" & ", ",")
        .replace(" و ", ",")
        .replace('،', ",")
        .split(',')
        .map(|n| {
            n.trim()
                .trim_end_matches('|')
                .trim()
                .trim_matches(['"', '“', '”', '«', '»'])
                .trim()
                .to_string()
        })
        .filter(|n| !n.is_empty())
        .collect()
}

/// Whether a part of a byline is a date or a time ("Sun Dec 17", "2023
/// 11:23 am") or holds a count ("Kevin 2", "latawiec Posts 267"); a user
/// name may hold digits ("LingoLover94").
fn dates_or_counts(n: &str) -> bool {
    n.split_whitespace().any(|w| {
        w.chars().any(char::is_numeric)
            && (w.chars().all(|c| c.is_numeric() || ".,:".contains(c)) || w.contains(':'))
    }) || n.split_whitespace().all(crate::dates::month_or_weekday)
}

/// Whether a part of a byline is a name: not a URL, an e-mail address, a
/// date or a count, a label left alone ("Written By") or a degree written
/// in small letters too ("Ph.D.", "Jr."; see [`is_degree`] for the rest).
fn is_name(n: &str) -> bool {
    n.chars().count() <= 60
        && !n.contains("://")
        && !n.starts_with("www.")
        && !n.contains('@')
        && !dates_or_counts(n)
        && !NAME_LABELS.iter().any(|l| n.eq_ignore_ascii_case(l))
        && !CREDENTIALS.iter().any(|c| n.eq_ignore_ascii_case(c))
}

/// Degrees and suffixes written after a name, between commas, that are
/// not all capitals.
const CREDENTIALS: &[&str] = &[
    "PhD", "Ph.D.", "Ph.D", "M.Ed.", "Ed.D.", "Jr.", "Jr", "Sr.", "Sr", "Esq.", "Esq",
];

/// Whether a `<meta>` name speaks of the publication time: it holds
/// "publish" and is not the publisher, the publishing software or a time
/// of change.
fn is_publication_key(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k.contains("publish")
        && ![
            "publisher",
            "publishing",
            "unpublish",
            "modif",
            "updat",
            "expir",
        ]
        .iter()
        .any(|w| k.contains(w))
}

fn first_dated(
    cands: &mut Vec<(DateTime<FixedOffset>, bool, Source)>,
) -> Option<(DateTime<FixedOffset>, Source)> {
    // Prefer the first candidate; if it has no stated offset, take a later
    // candidate with an offset on the same date (e.g. JSON-LD without zone,
    // article:published_time with it).
    // A date without a time of day (midnight, no offset) likewise gives
    // way to a later candidate on that date with a time.
    let first = *cands.first()?;
    let same_day =
        |c: &&(DateTime<FixedOffset>, bool, Source)| c.0.date_naive() == first.0.date_naive();
    if !first.1
        && let Some(c) = cands.iter().filter(same_day).find(|c| c.1)
    {
        return Some((c.0, c.2));
    }
    if !first.1
        && first.0.time() == chrono::NaiveTime::MIN
        && let Some(c) = cands
            .iter()
            .filter(same_day)
            .find(|c| c.0.time() != chrono::NaiveTime::MIN)
    {
        return Some((c.0, c.2));
    }
    cands.clear();
    Some((first.0, first.2))
}

#[cfg(test)]
pub(crate) fn extract_meta(doc: &Document, url: Option<&str>) -> Meta {
    extract_meta_at(doc, url, None)
}

/// The metadata of a page fetched at `fetched_at` (when known: it places
/// relative times and dates shown without their year).
pub(crate) fn extract_meta_at(
    doc: &Document,
    url: Option<&str>,
    fetched_at: Option<DateTime<FixedOffset>>,
) -> Meta {
    let mut m = Meta::default();
    // <meta> tags: first value per key wins.
    let found = scan(doc);
    let mut tags: HashMap<String, String> = HashMap::new();
    for node in &found.metas {
        let key = node
            .attr("property")
            .or_else(|| node.attr("name"))
            .or_else(|| node.attr("itemprop"))
            .or_else(|| node.attr("http-equiv"));
        let (Some(key), Some(content)) = (key, node.attr("content")) else {
            continue;
        };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        tags.entry(key.trim().to_ascii_lowercase())
            .or_insert_with(|| content.to_string());
    }
    let tag = |k: &str| tags.get(k).and_then(|v| nonempty(v));
    let objects = json_ld_objects(&found.scripts);
    for o in &objects {
        m.ld_types.extend(types_of(o));
    }
    let article = objects
        .iter()
        .filter_map(|o| article_rank(o).map(|rank| (rank, o)))
        .min_by_key(|(rank, _)| *rank);
    m.ld_is_article = article.is_some_and(|(rank, _)| {
        !matches!(
            ARTICLE_TYPES[rank],
            "WebPage" | "Blog" | "SocialMediaPosting" | "DiscussionForumPosting"
        )
    });
    let article = article.map(|(_, o)| o);
    let ld = |k: &str| article.and_then(|a| a.get(k));
    // The article objects best first, for a date the chosen one lacks (a
    // page with two `Article` objects, one of them dated; a `Blog` that
    // holds the page's one `BlogPosting`).
    let mut ranked: Vec<(usize, &Value)> = objects
        .iter()
        .flat_map(|o| {
            let single_post = match o.get("blogPost") {
                Some(Value::Array(a)) if a.len() == 1 => a.first(),
                Some(p @ Value::Object(_)) => Some(p),
                _ => None,
            };
            std::iter::once(o).chain(single_post)
        })
        .filter_map(|o| article_rank(o).map(|rank| (rank, o)))
        .collect();
    ranked.sort_by_key(|(rank, _)| *rank);
    let ld_date = |k: &str| {
        ld(k).or_else(|| {
            ranked
                .iter()
                .find_map(|(_, o)| o.get(k).filter(|v| ld_str(v).is_some()))
        })
    };
    m.og_type = tag("og:type");
    m.microdata_types = found
        .itemtypes
        .iter()
        .filter_map(|n| n.attr("itemtype"))
        .map(|t| t.rsplit('/').next().unwrap_or_default().to_string())
        .collect();

    // Title
    let h1s: Vec<String> = found
        .h1s
        .iter()
        .map(heading_text)
        .filter(|t| !t.is_empty())
        .collect();
    let title_el = found.title.map(|n| clean(&n.text()));
    let og_title = tag("og:title");
    let tw_title = tag("twitter:title");
    let ld_title = ld("headline").or_else(|| ld("name")).and_then(ld_str);
    let site = tag("og:site_name");
    // The target of `<link rel=canonical>`, as written.
    let canonical_href = found
        .links
        .iter()
        .find(|n| {
            n.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|x| x.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|n| n.attr("href"))
        .map(|h| h.to_string());
    // The page's address, for the site's name in its host.
    let page_url = url
        .map(str::to_string)
        .or_else(|| tag("og:url"))
        .or_else(|| canonical_href.clone());
    let publisher = ld("publisher").and_then(ld_str);
    let website = objects
        .iter()
        .find(|o| types_of(o).iter().any(|t| t == "WebSite"))
        .and_then(|o| o.get("name"))
        .and_then(ld_str);
    let app_name = tag("application-name");
    let mut names = SiteNames::new(
        [&site, &publisher, &website, &app_name]
            .into_iter()
            .filter_map(|n| n.as_deref()),
        page_url.as_deref(),
    );
    // The site's front page: by the address the page was fetched from,
    // else by every address the page gives itself (a theme may point the
    // canonical link of every page at the front page).
    let own_urls: Vec<String> = match url {
        Some(u) => vec![u.to_string()],
        None => tag("og:url")
            .into_iter()
            .chain(canonical_href.clone())
            .collect(),
    };
    names.front = !own_urls.is_empty() && own_urls.iter().all(|u| is_front_page(u));
    (m.title, m.named_title) = pick_title(
        &h1s,
        site.as_deref(),
        &names,
        title_el.as_deref(),
        &[
            (og_title, Source::OpenGraph),
            (ld_title, Source::JsonLd),
            (tw_title, Source::TwitterCard),
            (tag("dc.title"), Source::DublinCore),
        ],
    );

    // Bylines
    let ld_auth = ld("author").map(ld_names).filter(|v| !v.is_empty());
    let by_tag = |k: &str| tag(k).map(|v| split_names(&v)).filter(|v| !v.is_empty());
    m.bylines = ld_auth
        .map(|v| (v, Source::JsonLd))
        .or_else(|| by_tag("author").map(|v| (v, Source::MetaTag)))
        .or_else(|| by_tag("article:author").map(|v| (v, Source::ArticleMeta)))
        .or_else(|| by_tag("dc.creator").map(|v| (v, Source::DublinCore)))
        .or_else(|| by_tag("dcterms.creator").map(|v| (v, Source::DublinCore)))
        .or_else(|| by_tag("parsely-author").map(|v| (v, Source::MetaTag)))
        .or_else(|| by_tag("sailthru.author").map(|v| (v, Source::MetaTag)))
        .or_else(|| visible_byline(&found.bylines).map(|v| (v, Source::VisibleText)));

    // Dates
    let mut pub_c = Vec::new();
    // Times read from values written for people ("Jun 24, 2025"): such a
    // value is typed in by hand or filled from another field, and the date
    // the page shows wins over it.
    let loose = std::cell::RefCell::new(Vec::new());
    let push = |c: &mut Vec<_>, v: Option<String>, s: Source| {
        let Some(v) = v else { return };
        if let Some((t, has_off)) = dates::parse_machine(&v) {
            c.push((t, has_off, s));
        } else if let Some((t, has_off)) = dates::parse_loose(&v) {
            loose.borrow_mut().push(t);
            c.push((t, has_off, s));
        }
    };
    push(
        &mut pub_c,
        ld_date("datePublished").and_then(ld_str),
        Source::JsonLd,
    );
    push(
        &mut pub_c,
        ld_date("dateCreated").and_then(ld_str),
        Source::JsonLd,
    );
    push(
        &mut pub_c,
        tag("article:published_time"),
        Source::ArticleMeta,
    );
    push(&mut pub_c, tag("og:published_time"), Source::OpenGraph);
    push(
        &mut pub_c,
        tag("og:article:published_time"),
        Source::OpenGraph,
    );
    push(&mut pub_c, tag("datepublished"), Source::Microdata);
    for k in [
        "dc.date",
        "dc.date.issued",
        "dcterms.issued",
        "dcterms.created",
        "dcterms.date",
        "dc.date.created",
    ] {
        push(&mut pub_c, tag(k), Source::DublinCore);
    }
    for k in [
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "date",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
        "citation_publication_date",
        "publication_date",
        "original-publish-date",
        "release_date",
        "timestamp",
    ] {
        push(&mut pub_c, tag(k), Source::MetaTag);
    }
    // Other names of the publication time (`published`, `published-date`,
    // `w-published-date`, `published_at`), in document order.
    for node in &found.metas {
        let key = node.attr("property").or_else(|| node.attr("name"));
        if key.is_some_and(|k| is_publication_key(&k)) {
            push(
                &mut pub_c,
                node.attr("content").map(|v| v.to_string()),
                Source::MetaTag,
            );
        }
    }
    for n in &found.date_published {
        let v = n.attr("datetime").or_else(|| n.attr("content"));
        push(&mut pub_c, v.map(|v| v.to_string()), Source::Microdata);
    }
    if let Some(n) = &found.time {
        push(
            &mut pub_c,
            n.attr("datetime").map(|v| v.to_string()),
            Source::TimeElement,
        );
    }
    m.published = first_dated(&mut pub_c);
    let mut mod_c = Vec::new();
    push(
        &mut mod_c,
        ld_date("dateModified").and_then(ld_str),
        Source::JsonLd,
    );
    push(
        &mut mod_c,
        tag("article:modified_time"),
        Source::ArticleMeta,
    );
    push(&mut mod_c, tag("og:updated_time"), Source::OpenGraph);
    push(&mut mod_c, tag("datemodified"), Source::Microdata);
    push(&mut mod_c, tag("dcterms.modified"), Source::DublinCore);
    push(&mut mod_c, tag("last-modified"), Source::MetaTag);
    let declared_modified = first_dated(&mut mod_c);
    let html_lang = found.html.as_ref().and_then(|h| h.attr("lang"));
    let region = region_of(&tags, html_lang.as_deref(), url);
    let mut visible_modified = None;
    let from_loose = m
        .published
        .is_some_and(|(t, _)| loose.borrow().contains(&t));
    if m.published.is_none() || from_loose {
        let headline = found.h1s.iter().find(|h| !heading_text(h).is_empty());
        let (published, modified) = visible_dates(
            doc,
            region,
            headline,
            title_el.as_deref().unwrap_or(""),
            fetched_at,
        );
        let differs = |p: &DateTime<FixedOffset>| {
            m.published
                .is_none_or(|(t, _)| t.date_naive() != p.date_naive())
        };
        // A visible date on the day the page declares it was modified,
        // after the (loosely written) publication date, is the update's
        // date shown alone ("November 21, 2025" under a guide first
        // published in 2019): the publication date stays.
        let update = |p: &DateTime<FixedOffset>| {
            declared_modified.is_some_and(|(t, _)| t.date_naive() == p.date_naive())
                && m.published.is_some_and(|(t, _)| t < *p)
        };
        if let Some(p) = published.filter(|p| differs(&p.time) && !update(&p.time)) {
            m.published = Some((p.time, visible_source(&p)));
        }
        visible_modified = modified;
    }
    m.modified =
        declared_modified.or_else(|| visible_modified.map(|v| (v.time, visible_source(&v))));

    // Language and direction
    let (html, body) = (found.html, found.body);
    let attr = |n: &Option<NodeRef>, a: &str| {
        n.as_ref()
            .and_then(|n| n.attr(a))
            .and_then(|v| nonempty(&v))
    };
    m.lang = attr(&html, "lang")
        .or_else(|| attr(&html, "xml:lang"))
        .map(|l| (l, Source::HtmlAttribute))
        .or_else(|| tag("content-language").map(|l| (l, Source::MetaTag)))
        .or_else(|| tag("og:locale").map(|l| (l, Source::OpenGraph)))
        .or_else(|| {
            ld("inLanguage")
                .and_then(ld_str)
                .map(|l| (l, Source::JsonLd))
        })
        .or_else(|| tag("dc.language").map(|l| (l, Source::DublinCore)))
        .and_then(|(l, s)| normalize_lang(&l).map(|l| (l, s)));
    m.dir = attr(&html, "dir")
        .or_else(|| attr(&body, "dir"))
        .map(|d| d.to_ascii_lowercase())
        .filter(|d| d == "rtl" || d == "ltr")
        .map(|d| (d, Source::HtmlAttribute));

    // Canonical URL, site name, image, description
    let base = url.and_then(|u| url::Url::parse(u).ok());
    let resolve = |href: &str| -> Option<String> {
        let href = href.trim();
        match &base {
            Some(b) => b.join(href).ok().map(String::from),
            None => url::Url::parse(href).ok().map(String::from),
        }
    };
    let canonical_link = canonical_href.as_deref().and_then(resolve);
    let og_url = tag("og:url").and_then(|u| resolve(&u));
    // A canonical link to the site's front page on a deeper page is a
    // theme's mistake: the `og:url` of the same site names the page.
    let canonical_link = match (canonical_link, &og_url) {
        (Some(c), Some(og)) if is_front_of(&c, og) => Some(og.clone()),
        (c, _) => c,
    };
    m.canonical = canonical_link
        .map(|c| (c, Source::LinkCanonical))
        .or_else(|| og_url.map(|u| (u, Source::OpenGraph)))
        .or_else(|| {
            ld("url")
                .or_else(|| ld("mainEntityOfPage"))
                .and_then(ld_str)
                .and_then(|u| resolve(&u))
                .map(|u| (u, Source::JsonLd))
        });
    m.site_name = tag("og:site_name")
        .map(|s| (s, Source::OpenGraph))
        .or_else(|| publisher.map(|s| (s, Source::JsonLd)))
        .or_else(|| website.map(|s| (s, Source::JsonLd)))
        .or_else(|| tag("application-name").map(|s| (s, Source::MetaTag)))
        .or_else(|| tag("dc.publisher").map(|s| (s, Source::DublinCore)));
    m.image = tag("og:image")
        .or_else(|| tag("og:image:url"))
        .and_then(|u| resolve(&u))
        .map(|u| (u, Source::OpenGraph))
        .or_else(|| {
            tag("twitter:image")
                .and_then(|u| resolve(&u))
                .map(|u| (u, Source::TwitterCard))
        })
        .or_else(|| {
            ld("image")
                .and_then(ld_str)
                .and_then(|u| resolve(&u))
                .map(|u| (u, Source::JsonLd))
        });
    m.description = tag("og:description")
        .map(|d| (d, Source::OpenGraph))
        .or_else(|| tag("description").map(|d| (d, Source::MetaTag)))
        .or_else(|| {
            ld("description")
                .and_then(ld_str)
                .map(|d| (d, Source::JsonLd))
        })
        .or_else(|| tag("dc.description").map(|d| (d, Source::DublinCore)));
    m
}

/// `fa_IR` → `fa-IR`; anything that is not a language tag is dropped.
fn normalize_lang(l: &str) -> Option<String> {
    let l = l.trim().replace('_', "-");
    let primary = l.split('-').next()?;
    let ok = (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
    ok.then(|| {
        let mut parts = l.split('-');
        let mut out = parts.next().unwrap_or_default().to_ascii_lowercase();
        for p in parts.filter(|p| !p.is_empty() && p.len() <= 8) {
            out.push('-');
            out.push_str(p);
        }
        out
    })
}

/// Whether the page is Afghan or Iranian, for dates that do not say it:
/// by its `og:locale` (`fa_AF`, `ps_AF`), else its `<html lang>` (`fa-AF`,
/// `ps`, `prs`), else the country domain of its URL (`.af`, `.ir`).
fn region_of(tags: &HashMap<String, String>, html_lang: Option<&str>, url: Option<&str>) -> Region {
    let of_tag = |l: &str| {
        let l = l.trim().to_ascii_lowercase().replace('-', "_");
        if l.ends_with("_af") || l.starts_with("ps") || l.starts_with("prs") {
            Some(Region::Afghan)
        } else if l.ends_with("_ir") {
            Some(Region::Iranian)
        } else {
            None
        }
    };
    let of_host = |u: &str| {
        let host = url::Url::parse(u).ok()?.host_str()?.to_ascii_lowercase();
        let host = host.trim_end_matches('.');
        if host.ends_with(".af") {
            Some(Region::Afghan)
        } else if host.ends_with(".ir") {
            Some(Region::Iranian)
        } else {
            None
        }
    };
    tags.get("og:locale")
        .and_then(|l| of_tag(l))
        .or_else(|| html_lang.and_then(of_tag))
        .or_else(|| url.and_then(of_host))
        .unwrap_or(Region::Other)
}

/// Class and id words of the elements that may show a date.
const DATE_WORDS: crate::anyof::AnyOf = crate::anyof::AnyOf::new(&[
    "date", "time", "publish", "posted", "dateline", "byline", "meta", "author",
]);

/// Class and id words of a box that holds only the date.
const DATE_BOX: crate::anyof::AnyOf =
    crate::anyof::AnyOf::new(&["date", "publish", "posted", "dateline"]);

/// Whether the class or the id of `n` holds one of [`DATE_WORDS`] (ASCII
/// case ignored).
fn class_id_has_date_word(n: &NodeRef) -> bool {
    el::with(n, |e| {
        el::attr(e, &local_name!("class")).is_some_and(|c| DATE_WORDS.found_in(c))
            || el::attr(e, &local_name!("id")).is_some_and(|c| DATE_WORDS.found_in(c))
    }) == Some(true)
}

/// Whether the text of `n` opens with "By" ("By Ana Lopez on Dec 16,
/// 2025", "by: Ana Lopez, Dec 17, 2025"): a byline, which often carries
/// the date.
fn starts_byline(n: &NodeRef) -> bool {
    // The text is read in place, without a copy.
    n.first_child().is_some_and(|c| {
        c.query_or(false, |node| match &node.data {
            dom_query::NodeData::Text { contents } => {
                let t = contents.trim_start().as_bytes();
                t.len() > 3
                    && t[..2].eq_ignore_ascii_case(b"by")
                    && matches!(t[2], b' ' | b':' | b'\xc2')
            }
            _ => false,
        })
    })
}

/// Whether the text of `n` opens with a label of the publication time
/// ("Published", "Posted", "Date:", Persian and Dari "تاریخ نشر",
/// "منتشر شده", Pashto "خپور شوی", "نېټه", Arabic "تاريخ النشر") or of
/// an update ("Updated on:", "Last updated"), or with "Written by",
/// whatever its class; the label may sit in an element of its own
/// ("<span>Posted on</span> <div>Nov 21…").
fn starts_date_label(n: &NodeRef) -> bool {
    opening_text(n).is_some_and(|t| {
        DATE_LABELS
            .iter()
            .chain(UPDATE_LABELS)
            .any(|l| t.starts_with(l))
    })
}

/// Whether `n`'s own text opens with a label of an update (see
/// [`UPDATE_LABELS`]): true of one element per label, not of the elements
/// around it.
fn own_update_label(n: &NodeRef) -> bool {
    let first = n.children_it(false).find(|c| {
        c.query_or(true, |node| match &node.data {
            dom_query::NodeData::Text { contents } => !contents.trim().is_empty(),
            dom_query::NodeData::Comment { .. } => false,
            _ => true,
        })
    });
    first.is_some_and(|c| {
        c.query_or(false, |node| match &node.data {
            dom_query::NodeData::Text { contents } => {
                let t = label_part(contents);
                UPDATE_LABELS.iter().any(|l| t.starts_with(l))
            }
            _ => false,
        })
    })
}

/// The label part of the first text in `n` (see [`label_part`]).
fn opening_text(n: &NodeRef) -> Option<String> {
    n.descendants_it().take(6).find_map(|d| {
        d.query_or(None, |node| match &node.data {
            dom_query::NodeData::Text { contents } if !contents.trim().is_empty() => {
                Some(label_part(contents))
            }
            _ => None,
        })
    })
}

/// The first 14 characters of a text, in small letters: room for the
/// longest label.
fn label_part(text: &str) -> String {
    let head = text.trim_start().chars().take(14).collect::<String>();
    crate::fold::lower(&head)
}

/// Labels that open a line showing the page's publication date (see
/// [`starts_date_label`]).
const DATE_LABELS: &[&str] = &[
    "published",
    "posted",
    "date:",
    "تاریخ",
    "منتشر",
    "انتشار",
    "نشر",
    "خپور",
    "نېټه",
    "نیټه",
    // A byline in a box of its own, the date below it.
    "written by",
];

/// Labels that open a line showing the time of the page's last change.
/// Whether a date is an update is read from the words just before it (see
/// [`dates::find_labelled`]); these only find the line.
const UPDATE_LABELS: &[&str] = &["updated", "last updated", "last modified"];

/// Class and id words of the parts of a page whose dates are not the
/// page's: comments, related or recommended articles, footers.
const OTHER_PARTS: crate::anyof::AnyOf = crate::anyof::AnyOf::new(&[
    "comment",
    "related",
    "recommend",
    "reply",
    "replies",
    "teaser",
]);
/// A class or id that names a footer: one of the page (its dates are not
/// the page's), or one of the article or of its header
/// (`entry-footer`, `article-hero__footer`), which holds the byline and
/// date; an enclosing `<article>` or `<main>` tells.
const FOOTER_PART: crate::anyof::AnyOf = crate::anyof::AnyOf::new(&["footer"]);

/// Whether a class list names one of `set`'s parts. The classes of a
/// post's tags and categories (WordPress's `tag-related-reading`,
/// `category-comment`) name its topics, and those of what it has
/// (Squarespace's `has-comments`) describe it: neither is a part.
fn names_part(set: &crate::anyof::AnyOf, classes: &str) -> bool {
    const ABOUT_THE_POST: &[&str] = &["tag-", "category-", "has-"];
    set.found_in(classes)
        && classes
            .split_ascii_whitespace()
            .any(|c| !ABOUT_THE_POST.iter().any(|p| c.starts_with(p)) && set.found_in(c))
}

/// Whether `n` is or sits in a comment, a list of other articles (by the
/// class and id words of it and its ancestors up to the page's `<main>`,
/// whose own words describe the whole page), or a footer, an aside or a
/// navigation bar outside an `<article>` (an article's own `<footer>`
/// often holds its byline and date; a box whose class names the date is
/// the date's), or a block whose class names a footer outside both
/// `<article>` and `<main>`; `in_link`: whether it sits in a link (a
/// teaser's date is part of the link to it).
fn in_other_part(n: &NodeRef) -> (bool, bool) {
    #[derive(PartialEq)]
    enum Step {
        Other,
        Structural,
        NamedFooter,
        Article,
        Main,
        Top,
        Go,
    }
    let mut in_link = false;
    let mut structural = false;
    let mut named_footer = false;
    for a in std::iter::once(*n).chain(n.ancestors_it(Some(12))) {
        let step = el::with(&a, |e| {
            let name = el::name(e);
            if name == "a" {
                in_link = true;
            }
            let names = |set: &crate::anyof::AnyOf| {
                el::attr(e, &local_name!("class")).is_some_and(|c| names_part(set, c))
                    || el::attr(e, &local_name!("id")).is_some_and(|c| set.found_in(c))
            };
            match name {
                "body" | "html" => Step::Top,
                _ if names(&OTHER_PARTS) => Step::Other,
                "article" => Step::Article,
                "main" => Step::Main,
                // A box of its own for the date (`<aside
                // class="published-on">`) is the date's.
                "footer" | "aside" | "nav" if !names(&DATE_BOX) => Step::Structural,
                _ if names(&FOOTER_PART) => Step::NamedFooter,
                _ => Step::Go,
            }
        });
        match step {
            Some(Step::Other) => return (true, in_link),
            Some(Step::Structural) => structural = true,
            Some(Step::NamedFooter) => named_footer = true,
            Some(Step::Article) => return (false, in_link),
            // A block named a footer inside the page's `<main>` is one of
            // its parts (a card's footer), not the page's footer.
            Some(Step::Main) => return (structural, in_link),
            Some(Step::Top) => break,
            _ => {}
        }
    }
    (structural || named_footer, in_link)
}

/// Whether the date in `n` belongs to a teaser of another page: a linked
/// headline (`<h3><a>…</a></h3>`, `<a><h2>…`) other than the page's own
/// stands just before it (or before one of its four nearest ancestors, or
/// in a small block there: a card's headline and excerpt),
/// or in the small box around it (while the box holds at most 400
/// characters), or the date sits in a link that also holds a headline's
/// worth of words. Lists of other posts in sidebars and under
/// the text carry no class that says so.
fn dates_a_teaser(n: &NodeRef, own: &Option<(String, &str)>) -> bool {
    let own = own.as_ref().filter(|(h, _)| !h.is_empty());
    // A heading that holds the date is the date's line, not a teaser.
    let teaser_heading = |h: &NodeRef| {
        own.is_some_and(|(headline, title)| {
            is_linked_heading(h) && reads_as_headline(&heading_text(h), headline, title)
        }) && h.id != n.id
            && !n.ancestors_it(Some(6)).any(|x| x.id == h.id)
    };
    // Four words besides those of a date: a headline, not a linked date.
    let headline_words = |a: &NodeRef| {
        el::spaced_text(a)
            .split_whitespace()
            .filter(|w| !dates::date_word(w))
            .nth(3)
            .is_some()
    };
    // A line that holds such a link with the date in it ("<a>[ Dec 8,
    // 2025 ] Top ten harbours …</a>").
    if dom_query::Selection::from(*n)
        .select("a[href]")
        .nodes()
        .iter()
        .any(|a| {
            headline_words(a)
                && el::spaced_text(a)
                    .split_whitespace()
                    .any(dates::month_or_year)
        })
    {
        return true;
    }
    let mut boxed = true;
    for a in std::iter::once(*n).chain(n.ancestors_it(Some(4))) {
        if boxed && !crate::textlen::shorter_than(&a, 401) {
            boxed = false;
        }
        if boxed && is_link(&a) && headline_words(&a) {
            return true;
        }
        // Without a headline of its own, the page's title may be such a
        // heading: only the link test holds.
        if own.is_none() {
            continue;
        }
        // A linked headline just before the date, or in its small box.
        let mut before = a.prev_element_sibling();
        for _ in 0..2 {
            let Some(b) = before else { break };
            // (A block before it holds one only inside a card; a list of
            // other posts may stand before the page's own date line.)
            let holds_one = || {
                crate::textlen::shorter_than(&b, 601)
                    && a.parent()
                        .is_some_and(|p| crate::textlen::shorter_than(&p, 801))
                    && !dom_query::Selection::from(b).select("li").exists()
                    && el::with(&b, |e| !matches!(el::name(e), "ul" | "ol")) == Some(true)
                    && dom_query::Selection::from(b)
                        .select("h2, h3, h4, h5, h6")
                        .nodes()
                        .iter()
                        .any(teaser_heading)
            };
            if (is_heading(&b) && teaser_heading(&b)) || holds_one() {
                return true;
            }
            before = b.prev_element_sibling();
        }
        if boxed
            && dom_query::Selection::from(a)
                .select("h2, h3, h4, h5, h6")
                .nodes()
                .iter()
                .any(teaser_heading)
        {
            return true;
        }
    }
    false
}

fn is_heading(n: &NodeRef) -> bool {
    el::with(n, |e| {
        matches!(el::name(e), "h2" | "h3" | "h4" | "h5" | "h6")
    }) == Some(true)
}

/// Whether a heading's text reads as another page's headline: four words
/// or more (not an author's name, a category), no byline, neither the
/// page's own headline nor part of its `<title>` (a forum's first post,
/// titled as the thread).
fn reads_as_headline(text: &str, headline: &str, title: &str) -> bool {
    let t = text.trim();
    t != headline
        && !title.contains(t)
        && t.split_whitespace().count() >= 4
        && !t.get(..3).is_some_and(|b| b.eq_ignore_ascii_case("by "))
}

fn is_link(n: &NodeRef) -> bool {
    el::with(n, |e| {
        el::name(e) == "a" && el::has_attr(e, &local_name!("href"))
    }) == Some(true)
}

/// Whether heading `h` holds a link or sits in one.
fn is_linked_heading(h: &NodeRef) -> bool {
    dom_query::Selection::from(*h).select("a[href]").exists()
        || h.ancestors_it(Some(3)).any(|a| is_link(&a))
}

/// What `n`'s class or `itemprop` calls its date: `Some(true)` an update
/// (`dateModified`, `date-modified`, or the hAtom pair of WordPress
/// themes, `<time class="updated">` beside `<time class="entry-date
/// published">`), `Some(false)` the publication. Many themes mark the one
/// date they show `updated` (hAtom asks for it), also beside
/// `itemprop="datePublished"` or `entry-date`: without a published one next
/// to it, that is the publication.
fn date_mark(n: &NodeRef) -> Option<bool> {
    let marks = |n: &NodeRef| {
        el::with(n, |e| {
            let class = el::attr(e, &local_name!("class"))
                .unwrap_or("")
                .to_ascii_lowercase();
            let itemprop = el::attr(e, &local_name!("itemprop"))
                .unwrap_or("")
                .to_ascii_lowercase();
            let published = class.contains("publish")
                || class.contains("entry-date")
                || itemprop == "datepublished";
            let updated = class.split_ascii_whitespace().any(|c| c == "updated");
            let modified = class.contains("modified") || itemprop == "datemodified";
            (published, updated, modified)
        })
        .unwrap_or((false, false, false))
    };
    let (published, updated, modified) = marks(n);
    if published {
        return Some(false);
    }
    let paired = || {
        n.parent().is_some_and(|p| {
            p.children_it(false)
                .any(|c| c.id != n.id && c.is_element() && marks(&c).0)
        })
    };
    (modified || (updated && paired())).then_some(true)
}

/// Whether the date `v` read from `n` is one marked as an update: by `n`
/// itself, or, for a line that holds both, by the first element in it
/// marked either way with that day (`<time class="updated">May 21</time>
/// <time class="entry-date published">April 24</time>`; a post shown as
/// published and updated on one day was published then).
fn shows_marked_update(n: &NodeRef, v: &dates::VisibleDate, region: Region) -> bool {
    if let Some(update) = date_mark(n) {
        return update;
    }
    n.descendants_it()
        .filter(|d| d.is_element())
        .find_map(|d| {
            date_mark(&d).filter(|_| {
                dates::find_labelled(&el::spaced_text(&d), region)
                    .is_some_and(|u| u.time.date_naive() == v.time.date_naive())
            })
        })
        .unwrap_or(false)
}

/// Whether `n` may show the page's date by what it is: a `<time>`, or an
/// element whose `itemprop` speaks of a date (`datePublished`,
/// `published-date`).
fn is_date_element(n: &NodeRef) -> bool {
    el::with(n, |e| {
        el::name(e) == "time"
            || el::attr(e, &local_name!("itemprop")).is_some_and(|p| {
                let p = p.to_ascii_lowercase();
                p.contains("date") || p.contains("publish")
            })
    }) == Some(true)
}

/// Whether `n` holds a short line: at most 80 characters besides white
/// space (of which an indented page has much).
fn short_line(n: &NodeRef) -> bool {
    crate::textlen::shorter_than(n, 800) && crate::textlen::non_ws(n) <= 80
}

/// Dates shown on the page: (published, modified). Read from elements
/// whose class or id speaks of a date, whose text opens like a byline or
/// with "Published"/"Posted", `<time>` and `itemprop` date elements, and
/// short lines that hold a date just around the headline, in document
/// order. Dates in comments, lists of other articles, footers and
/// copyright lines are not the page's. A date labelled as an update is the
/// modified time; the published one may follow it closely.
fn visible_dates(
    doc: &Document,
    region: Region,
    headline: Option<&NodeRef>,
    page_title: &str,
    fetched_at: Option<DateTime<FixedOffset>>,
) -> (Option<dates::VisibleDate>, Option<dates::VisibleDate>) {
    let Some(body) = doc.body() else {
        return (None, None);
    };
    let elements: Vec<NodeRef> = body
        .descendants_it()
        .filter(|n| n.is_element())
        .take(5000)
        .collect();
    // The lines around the headline: from a few elements before it to
    // the first paragraph of text after it.
    let near = headline
        .and_then(|h| elements.iter().position(|n| n.id == h.id))
        .map(|at| {
            let long_p = |n: &NodeRef| {
                el::with(n, |e| el::name(e) == "p") == Some(true)
                    && !crate::textlen::shorter_than(n, 150)
            };
            let limit = (at + 80).min(elements.len());
            let first = elements[at..limit].iter().position(long_p).map(|p| at + p);
            // A standfirst right under the headline does not end them: the
            // byline and date often follow it.
            let end = match first {
                Some(p) if p <= at + 3 => elements[p + 1..limit]
                    .iter()
                    .position(long_p)
                    .map_or(limit, |q| p + 1 + q),
                Some(p) => p,
                None => limit,
            };
            // An article's `<header>` holding the headline also holds its
            // date, after a standfirst too.
            let header_end = elements[at]
                .ancestors_it(Some(10))
                .find(|a| el::with(a, |e| el::name(e) == "header") == Some(true))
                .and_then(|h| {
                    let last = h.descendants_it().filter(|n| n.is_element()).last()?;
                    elements[at..]
                        .iter()
                        .take(150)
                        .position(|n| n.id == last.id)
                        .map(|p| at + p + 1)
                });
            at.saturating_sub(15)..end.max(header_end.unwrap_or(0))
        });
    // The text of a line, without the headline when it holds it: a word
    // of the headline ("M&A Updates") labels no date.
    let headline_line = std::cell::OnceCell::new();
    let line_text = |n: &NodeRef| {
        let text = el::spaced_text(n);
        let Some(h) = headline.filter(|h| h.ancestors_it(None).any(|a| a.id == n.id)) else {
            return text;
        };
        let own = headline_line.get_or_init(|| el::spaced_text(h).trim().to_string());
        match text.find(own.as_str()).filter(|_| !own.is_empty()) {
            Some(at) => format!("{} {}", &text[..at], &text[at + own.len()..]),
            None => text,
        }
    };
    // A line near the headline counts only when those lines show one
    // date, or one date and one update: a page that shows several there
    // is a list. (The date of an update label counts once, also where it
    // is shown apart from its label.)
    let (mut near_dates, mut near_updates) = (Vec::new(), Vec::new());
    if let Some(r) = &near {
        for n in &elements[r.clone()] {
            if short_line(n) && !in_other_part(n).1 {
                let text = line_text(n);
                if let Some(v) = dates::find_dated(&text, region, fetched_at) {
                    let (day, seen) = if v.updated || shows_marked_update(n, &v, region) {
                        (v.time.date_naive(), &mut near_updates)
                    } else {
                        (v.time.date_naive(), &mut near_dates)
                    };
                    if !seen.contains(&day) {
                        seen.push(day);
                    }
                }
            }
        }
    }
    near_dates.retain(|d| !near_updates.contains(d));
    let near_ok = near_dates.len() <= 1
        && near_updates.len() <= 1
        && !(near_dates.is_empty() && near_updates.is_empty());
    let (mut published, mut modified) = (None, None);
    let mut listed_updates: Option<bool> = None;
    let headline_text = std::cell::OnceCell::new();
    let mut stop_at = elements.len();
    let mut skip_until = 0;
    for (i, n) in elements.iter().enumerate() {
        if i >= stop_at {
            break;
        }
        if i < skip_until {
            continue;
        }
        let skipped = el::with(n, |e| {
            matches!(
                el::name(e),
                "script" | "style" | "body" | "html" | "main" | "article"
            )
        });
        if skipped == Some(true) {
            continue;
        }
        let near_line = near_ok && near.as_ref().is_some_and(|r| r.contains(&i)) && short_line(n);
        let by_what_it_is = near_line || class_id_has_date_word(n) || is_date_element(n);
        if !by_what_it_is && !starts_byline(n) && !starts_date_label(n) {
            continue;
        }
        if !crate::textlen::shorter_than(n, 301) {
            continue;
        }
        let (other, in_link) = in_other_part(n);
        if other || (near_line && in_link && !class_id_has_date_word(n)) {
            continue;
        }
        let text = line_text(n);
        if text.contains('©') || text.to_ascii_lowercase().contains("copyright") {
            // Nor is a date inside it ("Copyright © 2025 · Updated:
            // <time>…</time>"), shown apart from its label.
            skip_until = i + 1 + n.descendants_it().filter(|d| d.is_element()).count();
            continue;
        }
        // A relative time ("a day ago") with the date in its tooltip.
        let tooltip = || {
            by_what_it_is
                .then(|| n.attr("title"))
                .flatten()
                .and_then(|t| dates::in_tooltip(&t, &text, region))
        };
        let Some(mut v) = dates::find_labelled(&text, region)
            .or_else(tooltip)
            .or_else(|| fetched_at.and_then(|now| dates::find_relative(&text, region, now)))
        else {
            continue;
        };
        let own = headline_text.get_or_init(|| headline.map(|h| (heading_text(h), page_title)));
        if dates_a_teaser(n, own) {
            continue;
        }
        v.updated |= shows_marked_update(n, &v, region);
        // The date of an update label shown apart from its label.
        if modified.is_some_and(|m: dates::VisibleDate| m.time.date_naive() == v.time.date_naive())
        {
            continue;
        }
        if v.updated {
            // "Updated …" on each item of a list (a list of repositories)
            // dates the items, not the page.
            if !by_what_it_is
                && *listed_updates.get_or_insert_with(|| {
                    elements
                        .iter()
                        .filter(|e| own_update_label(e))
                        .nth(2)
                        .is_some()
                })
            {
                continue;
            }
            if modified.is_none() {
                modified = Some(v);
                stop_at = stop_at.min(i + 20);
            }
            continue;
        }
        published = Some(v);
        break;
    }
    if published.is_none()
        && let Some(at) = headline.and_then(|h| elements.iter().position(|n| n.id == h.id))
    {
        published = elements[at..]
            .iter()
            .take(200)
            .find(|n| {
                el::with(n, |e| el::name(e) == "p") == Some(true)
                    && !crate::textlen::shorter_than(n, 150)
            })
            .and_then(|p| dateline(&el::spaced_text(p), region, fetched_at));
    }
    (published, modified)
}

/// Where a date read from the text came from.
fn visible_source(v: &dates::VisibleDate) -> Source {
    if v.relative {
        Source::VisibleRelative
    } else {
        Source::VisibleText
    }
}

/// The date of a news dateline opening the text: a place in capitals, the
/// date, a dash or a colon after the parenthesis ("WASHINGTON (January
/// 24, 2017) — …", "NEW YORK, Dec. 5, 2025 /PRNewswire/ -- …", "KABUL
/// (Agency, Jan. 3, 2025): …"). In a script without capitals (Persian,
/// Pashto, Arabic) the place is one or two words and the date stands in
/// the parenthesis after it, as Afghan agencies write it ("کابل (پژواک،
/// ۱۴ جدی ۱۴۰۳): …"). Wire copy and press releases carry no other date.
/// A dateline without the year ("KABUL, Dec. 5 (Xinhua) --") is read
/// when the fetch time is known.
fn dateline(
    text: &str,
    region: Region,
    fetched_at: Option<DateTime<FixedOffset>>,
) -> Option<dates::VisibleDate> {
    let text = text.trim_start();
    let head: String = text.chars().take(100).collect();
    let dash = ["—", "--", " – ", " - "]
        .iter()
        .filter_map(|d| head.find(d))
        .chain(
            // The colon after a closing parenthesis ends it too.
            ["):", ") :"]
                .iter()
                .filter_map(|d| head.find(d).map(|i| i + 1)),
        )
        .min()?;
    let opening = &head[..dash];
    let place = opening.split([',', '(', ' ']).next()?;
    let letters = || place.chars().filter(|c| c.is_alphabetic());
    // A note in capitals is no place: "UPDATE (Jan. 3, 2025): …".
    const NOTES: &[&str] = &[
        "UPDATE",
        "UPDATED",
        "CORRECTION",
        "CLARIFICATION",
        "EDITOR'S",
        "NOTE",
    ];
    if letters().count() >= 3 && letters().all(char::is_uppercase) {
        if NOTES.contains(&place) {
            return None;
        }
        return dates::find_dated(opening, region, fetched_at);
    }
    // A place in a script without case: the words before the parenthesis,
    // and the date inside it.
    let (place, rest) = opening.split_once('(')?;
    let words = place.split_whitespace().count();
    let mut letters = place.chars().filter(|c| c.is_alphabetic()).peekable();
    let caseless =
        letters.peek().is_some() && letters.all(|c| !c.is_uppercase() && !c.is_lowercase());
    let inside = rest.strip_suffix(')')?;
    ((1..=2).contains(&words) && caseless && !place.chars().any(char::is_numeric))
        .then(|| dates::find_dated(inside, region, fetched_at))
        .flatten()
}

fn visible_byline(candidates: &[NodeRef]) -> Option<Vec<String>> {
    for n in candidates {
        let text = microdata_name(n).unwrap_or_else(|| clean(&el::spaced_text(n)));
        if text.is_empty() || text.chars().count() > 80 {
            continue;
        }
        let text = name_before_date(&text).unwrap_or(text);
        // A line that also holds dates or counts is a user card or a date
        // line ("latawiec Member Joined Oct 28, 2023 Posts 267"): what is
        // left of it is seldom the name alone.
        let parts = name_parts(&text);
        if parts.iter().any(|p| dates_or_counts(p)) {
            continue;
        }
        let names = names_of(parts);
        if !names.is_empty() {
            return Some(names);
        }
    }
    None
}

/// The name a microdata author card gives (`<div itemprop="author"
/// itemscope><meta itemprop="name" content="Ana">…`): the card's other
/// text (a reputation, badges, a dash before a link) is not the name.
fn microdata_name(n: &NodeRef) -> Option<String> {
    let card = el::with(n, |e| {
        el::attr(e, &local_name!("itemprop")) == Some("author")
            && el::has_attr(e, &local_name!("itemscope"))
    });
    if card != Some(true) {
        return None;
    }
    let names = dom_query::Selection::from(*n).select("[itemprop=name]");
    let first = names.nodes().first()?;
    let given = el::with(first, |e| {
        (el::name(e) == "meta")
            .then(|| el::attr(e, &local_name!("content")).map(str::to_string))
            .flatten()
    })
    .flatten();
    let name = clean(&given.unwrap_or_else(|| el::spaced_text(first)));
    (!name.is_empty()).then_some(name)
}

/// The names of a labelled byline that ends with its date ("By Ana Lopez
/// on Dec 16, 2025 at 9:30 am", "نویسنده: مریم احمدی ۲۱ عقرب ۱۴۰۳"): the
/// words before the date, when every word from the date on is a date's
/// and one holds a digit. Without the label the line is as often a user
/// card ("SmellSharpe Well-known member Dec 29, 2021").
fn name_before_date(text: &str) -> Option<String> {
    const CONNECTORS: &[&str] = &[
        "on",
        "at",
        "|",
        "·",
        "•",
        "-",
        "–",
        "—",
        "»",
        "posted",
        "published",
        "updated",
    ];
    if without_name_label(text).len() == text.len() {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words.iter().position(|w| crate::dates::calendar_word(w))?;
    let date = &words[at..];
    if !date.iter().all(|w| crate::dates::date_word(w))
        || !date.iter().any(|w| w.chars().any(char::is_numeric))
    {
        return None;
    }
    let mut name = &words[..at];
    while let Some((last, rest)) = name.split_last() {
        if !CONNECTORS
            .iter()
            .any(|c| last.trim_end_matches(',').eq_ignore_ascii_case(c))
        {
            break;
        }
        name = rest;
    }
    (name.len() >= 2).then(|| name.join(" ").trim_end_matches(',').to_string())
}

/// A text and where it came from.
type Sourced = (String, Source);

/// Separators between a headline and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " • ",
];

/// A forum's title without the "View topic - " (phpBB) before the
/// thread's headline.
fn without_forum_label(title: &str) -> Option<&str> {
    ["View topic - ", "View thread - "]
        .iter()
        .find_map(|label| {
            let rest = title.get(label.len()..)?.trim();
            (title[..label.len()].eq_ignore_ascii_case(label) && !rest.is_empty()).then_some(rest)
        })
}

/// Dashes between a name and what follows it.
const DASHES: &[&str] = &[" - ", " – ", " — "];

/// Strips a site name suffix (or prefix) from a title: "Headline | Site" → "Headline".
#[cfg(test)]
pub(crate) fn strip_site(title: &str) -> String {
    strip_site_on(title, false)
}

/// [`strip_site`], on a site's front page when `front`: there a short name
/// before a dash is the page's own ("Example - Tools for well drillers"
/// names the site and says what it is), and stays.
fn strip_site_on(title: &str, front: bool) -> String {
    if let Some(rest) = without_forum_label(title) {
        return strip_site_on(rest, front);
    }
    // A forum's trail "Headline / Board / Site" (FluxBB): a slash with
    // spaces is a separator only when it comes twice, and the headline is
    // the longest part ("Conferences 2026 / 2027" stays whole).
    let parts: Vec<&str> = title.split(" / ").collect();
    if parts.len() >= 3
        && parts
            .iter()
            .skip(1)
            .all(|p| p.chars().count() < parts[0].chars().count())
    {
        return strip_site_on(parts[0].trim(), front);
    }
    for sep in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if head.chars().count() >= tail.chars().count() {
                return strip_site_on(head.trim(), front);
            }
            // "Site | Headline": keep the longer part.
            if let Some((h, t)) = title.split_once(sep)
                && !(front && DASHES.contains(sep))
                && t.chars().count() > h.chars().count() * 2
            {
                let t = t.trim();
                return without_forum_label(t).unwrap_or(t).to_string();
            }
        }
    }
    title.to_string()
}

fn norm_cmp(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A title without the site's name: none at all for "| Site" (a page
/// that gave itself no title); else without a host name in brackets
/// after it, without the site's name where [`SiteNames`] knows it (as
/// often as the title repeats it: "Headline – Site - Site"), or else
/// without any site-like suffix ([`strip_site`]); then only the part
/// before a remaining bar (see [`before_bar`]).
fn strip_named(title: &str, names: &SiteNames) -> String {
    // "| Site": the page gave itself no title, only the site's name.
    let t = title.trim();
    if TITLE_SEPARATORS
        .iter()
        .any(|sep| t.starts_with(sep.trim_start()))
    {
        return String::new();
    }
    // "Home - Site": the front page, named by the site.
    if let Some((label, rest)) = TITLE_SEPARATORS.iter().find_map(|sep| t.split_once(sep))
        && label.trim().eq_ignore_ascii_case("home")
        && !rest.trim().is_empty()
    {
        return before_bar(rest.trim());
    }
    before_bar(&strip_named_parts(&without_bracketed_host(t), names))
}

/// A title without a host name set after it in square brackets ("Welcome
/// to the weekly [example.net]").
fn without_bracketed_host(t: &str) -> String {
    before_bracketed_domain(t, " [", ']')
        .unwrap_or(t)
        .to_string()
}

/// The text before a host name that ends `t` inside brackets (`open`
/// … `close`), when something comes before it.
fn before_bracketed_domain<'a>(t: &'a str, open: &str, close: char) -> Option<&'a str> {
    let (head, inside) = t.strip_suffix(close)?.rsplit_once(open)?;
    (domain_like(inside) && !head.trim().is_empty()).then(|| head.trim_end())
}

/// A title without what follows its first " | ": a bar sets a section,
/// a tagline or a list of keywords after the headline ("Cloud CDN |
/// Content Delivery Network", "Build your first app | Get started"),
/// never a part of the headline itself.
fn before_bar(t: &str) -> String {
    match t.split_once(" | ") {
        Some((head, _)) if !head.trim().is_empty() => head.trim().to_string(),
        _ => t.to_string(),
    }
}

/// `title` without its first or last parts while they name the site;
/// [`strip_site`]'s guess when none does.
fn strip_named_parts(title: &str, names: &SiteNames) -> String {
    if !names.is_empty() {
        let mut t = title.trim();
        let mut stripped = false;
        'again: loop {
            for sep in TITLE_SEPARATORS {
                if let Some((head, tail)) = t.rsplit_once(sep)
                    && names.is_site(tail)
                    && !head.trim().is_empty()
                {
                    t = head.trim();
                    stripped = true;
                    continue 'again;
                }
                if let Some((head, tail)) = t.split_once(sep)
                    && !(names.front && DASHES.contains(sep))
                    && names.is_named(head)
                    && !tail.trim().is_empty()
                {
                    t = tail.trim();
                    stripped = true;
                    continue 'again;
                }
            }
            break;
        }
        if stripped {
            return t.to_string();
        }
    }
    strip_site_on(title, names.front)
}

/// What the page calls its site: `og:site_name`, the JSON-LD `WebSite`
/// or publisher name, `application-name`, and the name in its host
/// ("regencychess" of www.regencychess.com).
#[derive(Debug, Default)]
struct SiteNames {
    /// The names, letters and digits only, lower-cased.
    names: Vec<String>,
    /// The host's name without `www.`, subdomains and the public suffix,
    /// when it has four letters or more.
    host: Option<String>,
    /// Whether the page is the site's front page (its address has no path
    /// but a language code): the site is what the page names.
    front: bool,
}

impl SiteNames {
    fn new<'a>(names: impl IntoIterator<Item = &'a str>, url: Option<&str>) -> SiteNames {
        let mut out = SiteNames::default();
        for n in names {
            let n = norm_cmp(n);
            if !n.is_empty() && !out.names.contains(&n) {
                out.names.push(n);
            }
        }
        out.host = url.and_then(host_label);
        out
    }

    fn is_empty(&self) -> bool {
        self.names.is_empty() && self.host.is_none()
    }

    /// Whether a part of a title is one of the site's names.
    fn is_named(&self, part: &str) -> bool {
        self.names.contains(&norm_cmp(part))
    }

    /// Whether a text is the site's name: one of its names, or the name in
    /// its host.
    fn is_name(&self, text: &str) -> bool {
        let n = norm_cmp(text);
        !n.is_empty() && (self.names.contains(&n) || self.host.as_ref() == Some(&n))
    }

    /// Whether the last part of a title names the site: one of the names,
    /// a short part (five words at most) holding the host's name ("The
    /// Regency Chess Co USA" on regencychess.com), or the name the host
    /// abbreviates ("Occupational Safety and Health Administration" on
    /// osha.gov). Not the first part: a product or a service named after
    /// the company ("Cloudflare CDN | Content Delivery Network") holds it
    /// too.
    fn is_site(&self, part: &str) -> bool {
        let n = norm_cmp(part);
        if n.is_empty() {
            return false;
        }
        self.names.contains(&n)
            || self.host.as_ref().is_some_and(|h| {
                (n.contains(h.as_str()) && part.split_whitespace().count() <= 5)
                    || initials(part) == *h
            })
    }
}

/// The first letters of a name's capitalised words, lower-cased
/// ("Occupational Safety and Health Administration" → "osha").
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a URL is a site's front page: no path, or only a language
/// code ("/", "/en/", "/en-us").
fn is_front_page(url: &str) -> bool {
    let Ok(u) = url::Url::parse(url.trim()) else {
        return false;
    };
    let path = u.path().trim_matches('/');
    path.is_empty()
        || (path.len() <= 5
            && path
                .split('-')
                .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic())))
}

/// The name in a URL's host: "thomann" for www.thomann.co.uk,
/// "ycombinator" for news.ycombinator.com; `None` when shorter than four
/// letters (too likely to occur inside other words).
fn host_label(url: &str) -> Option<String> {
    let u = url::Url::parse(url.trim()).ok()?;
    let host = u.host_str()?.to_ascii_lowercase();
    let mut labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 || labels.iter().all(|l| l.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    labels.pop();
    // A second-level public suffix: co.uk, com.au, org.br.
    if labels.len() > 1 && labels.last().is_some_and(|l| l.len() <= 3) {
        labels.pop();
    }
    let name: String = labels
        .last()?
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    (name.len() >= 4).then_some(name)
}

/// The visible text of a heading: `<br>` and block children separate
/// words ("Data Analytics<br>Agency" is two lines on screen, not one
/// glued word); Sphinx's `¶` anchors are dropped, and so are controls,
/// hidden parts and `<time>` elements (a date line set inside the heading
/// is not the title). A `<span>` is inline: "Planning <span>C</span>ycle"
/// is one word, but where a span ends a word and the next text starts a
/// capitalised one ("Alternatives<span>Top Tools</span>", "Title:<span>
/// AlignMerge</span>") the page sets them apart, as a line or a label.
fn heading_text(n: &NodeRef) -> String {
    /// A span boundary, resolved once the text on both sides is known.
    const SPAN: char = '\u{E000}';
    fn walk(n: &NodeRef, out: &mut String) {
        for c in n.children_it(false) {
            if c.is_text() {
                out.push_str(&c.text());
            } else if c.is_element() {
                let name = c.node_name().unwrap_or_default();
                // Controls and hidden parts are not shown as the heading:
                // "Copy item path" buttons, bookmark tooltips.
                let hidden = c.has_attr("hidden")
                    || c.attr("aria-hidden").is_some_and(|v| &*v == "true")
                    || matches!(
                        &*name,
                        "button"
                            | "template"
                            | "select"
                            | "time"
                            | "style"
                            | "script"
                            | "noscript"
                            | "svg"
                    );
                // A forum's thread prefix ("News", "[Vocabulary]": XenForo's
                // `span.label` before its `span.label-append`) labels the
                // thread; it is not its title.
                let appended = |n: &NodeRef| {
                    n.attr("class")
                        .is_some_and(|cl| el::has_class(&cl, "label-append"))
                };
                let prefix = appended(&c) || c.next_element_sibling().is_some_and(|s| appended(&s));
                if hidden || prefix {
                    continue;
                }
                let sep = match &*name {
                    "br" | "div" | "p" | "small" | "sup" | "sub" | "li" | "ul" => Some(' '),
                    "span" => Some(SPAN),
                    _ => None,
                };
                out.extend(sep);
                walk(&c, out);
                out.extend(sep);
            }
        }
    }
    let mut raw = String::new();
    walk(n, &mut raw);
    let mut out = String::with_capacity(raw.len());
    let chars: Vec<char> = raw.chars().filter(|&c| c != '¶').collect();
    for (i, &c) in chars.iter().enumerate() {
        if c != SPAN {
            out.push(c);
            continue;
        }
        let before = out.chars().next_back();
        let after = chars[i + 1..].iter().copied().find(|&c| c != SPAN);
        let apart = before.is_some_and(|b| b.is_lowercase() || matches!(b, ':' | '.' | ')'))
            && after.is_some_and(char::is_uppercase);
        if apart {
            out.push(' ');
        }
    }
    clean(&out)
}

/// Characters a title shows nothing of: soft hyphens, zero-width spaces,
/// byte-order marks, direction marks, embeddings and isolates (not the
/// zero-width non-joiner of Persian words).
pub(crate) fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'
            | '\u{FEFF}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// Text that was UTF-8 read as Windows-1252 or Latin-1 once too often
/// ("Investorâ€™s", "CrusherÂ®") set right. Only when every character
/// maps back to one byte and those bytes are UTF-8 with at least one
/// character beyond ASCII: a real Latin-1 text almost never reads as
/// UTF-8 that way.
fn unmojibake(s: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if !s.contains(['Ã', 'Â', 'â', 'Ð', 'Ø', 'Ù']) {
        return Cow::Borrowed(s);
    }
    match crate::mojibake::undo_whole(s) {
        Some(fixed) => Cow::Owned(fixed),
        None => Cow::Borrowed(s),
    }
}

/// A title as shown: [`invisible`] characters removed and entities left
/// escaped by the page ("SQL &#x26; AI") decoded.
fn tidy_title(s: &str) -> String {
    let s = unmojibake(s);
    let s: String = s.chars().filter(|&c| !invisible(c)).collect();
    if !s.contains('&') {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.find(';').filter(|&e| e <= 10).and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => {
                    let n = name.strip_prefix('#')?;
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => n.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    clean(&out)
}

/// A heading without the suffixes the page's titles also carry ("Headline
/// | Opinion" when a title reads "Headline | Opinion | Site") and without
/// the site's name.
fn strip_heading(h: &str, site: Option<&str>, segments: &[String]) -> String {
    if let Some(site) = site.filter(|s| !s.is_empty()) {
        let site = norm_cmp(site);
        for sep in TITLE_SEPARATORS {
            if let Some((head, tail)) = h.rsplit_once(sep)
                && norm_cmp(tail) == site
                && !head.trim().is_empty()
            {
                return head.trim().to_string();
            }
        }
    }
    let mut h = h.trim();
    while let Some((head, tail)) = h.rsplit_once(" | ") {
        if head.trim().is_empty() || !segments.contains(&norm_cmp(tail)) {
            break;
        }
        h = head.trim();
    }
    h.to_string()
}

/// A heading without the host name of the story it links to, set after
/// it in brackets by link aggregators, and the count of comments that may
/// follow ("Grads find fewer jobs (example.com) 87").
fn without_source(h: &str) -> String {
    let t = h
        .trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == ',');
    before_bracketed_domain(t.trim_end(), " (", ')')
        .unwrap_or(h)
        .to_string()
}

/// Whether a heading is set in capitals only ("TIPS FOR ONLINE SUCCESS"),
/// a style rather than the title's wording.
fn all_caps(s: &str) -> bool {
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    upper >= 2 && !s.chars().any(char::is_lowercase)
}

/// Headings that label a page region, never an article's title.
const GENERIC_HEADINGS: &[&str] = &[
    "blog",
    "the blog",
    "our blog",
    "menu",
    "main menu",
    "search",
    "home",
    "news",
    "latest news",
    "navigation",
    "skip to content",
];

/// Every part of a `<title>` split on the separators ("A | B - C" → A, B, C).
fn title_segments(title: &str) -> Vec<String> {
    let mut parts = vec![title.to_string()];
    for sep in TITLE_SEPARATORS {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(|x| x.trim().to_string()))
            .collect();
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// `title` without a last part whose letters and digits are `part`'s
/// ("Headline | Site" → "Headline").
fn strip_tail(title: &str, part: &str) -> Option<String> {
    TITLE_SEPARATORS.iter().find_map(|sep| {
        let (head, tail) = title.rsplit_once(sep)?;
        (norm_cmp(tail) == part && !head.trim().is_empty()).then(|| head.trim().to_string())
    })
}

/// Whether `h` is `title` with some characters replaced by `?` or U+FFFD,
/// as a page decoded with the wrong charset shows them: each stands for
/// one or two characters of the title ("Beginner? Guide" for "Beginner’s
/// Guide": the apostrophe and its "s" lost together).
fn garbled_copy(h: &str, title: &str) -> bool {
    let a: Vec<char> = h.chars().collect();
    let b: Vec<char> = title.chars().collect();
    if !a.iter().any(|&c| matches!(c, '?' | '\u{FFFD}')) || a.len() > b.len() {
        return false;
    }
    // reach[j]: the characters of `h` read so far can stand for the first
    // j of `title` (a table rather than backtracking, which takes
    // exponential time on a heading with many marks).
    let mut reach = vec![false; b.len() + 1];
    reach[0] = true;
    for &x in &a {
        let mut next = vec![false; b.len() + 1];
        for j in 0..b.len() {
            if !reach[j] {
                continue;
            }
            if x == b[j] {
                next[j + 1] = true;
            } else if matches!(x, '?' | '\u{FFFD}') {
                next[j + 1] = true;
                if j + 2 <= b.len() {
                    next[j + 2] = true;
                }
            }
        }
        reach = next;
    }
    reach[b.len()] && h != title
}

/// Whether `h` is `title` with its separators (" - ", " | ") shown as
/// plain spaces.
fn flattened_copy(h: &str, title: &str) -> bool {
    if !TITLE_SEPARATORS.iter().any(|sep| title.contains(sep)) {
        return false;
    }
    let mut flat = title.to_string();
    for sep in TITLE_SEPARATORS {
        flat = flat.replace(sep, " ");
    }
    clean(&flat) == clean(h)
}

/// Whether `h` is `title` after a short label ending in a colon
/// ("Thread: Which pump for a deep well?").
fn labelled_copy(h: &str, title: &str) -> bool {
    let tn = norm_cmp(title);
    if tn.is_empty() {
        return false;
    }
    h.match_indices(':').any(|(i, _)| {
        let (label, rest) = (&h[..i], &h[i + 1..]);
        !label.trim().is_empty() && label.split_whitespace().count() <= 2 && norm_cmp(rest) == tn
    })
}

/// Whether a heading is a host name ("example.org"), the site's logo
/// rather than a title.
fn domain_like(h: &str) -> bool {
    !h.contains(char::is_whitespace)
        && h.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty()
                && (2..=6).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_lowercase())
        })
}

/// Whether a heading reads as a headline and its subtitle: two words or
/// more, a colon, then more words ("Tide tables: a beginner's guide"),
/// twenty words at most in all (more is a post or a summary set as the
/// heading); not a one-word label before the colon ("Collection: Boots").
fn subtitled(h: &str) -> bool {
    h.split_whitespace().count() <= 20
        && h.split_once(": ").is_some_and(|(head, rest)| {
            head.split_whitespace().count() >= 2 && rest.chars().any(char::is_alphanumeric)
        })
}

/// Share of words two titles have in common (Jaccard, lower-cased).
fn word_overlap(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> std::collections::HashSet<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// The title: the page's visible headline (`<h1>`) when the page's own
/// titles (`og:title`, JSON-LD headline, the parts of `<title>`) confirm
/// it — equal, one inside the other (a heading inside a longer title only
/// when it is at least half of it: "Houston" does not confirm "Mountain
/// Bike Trails near Houston"; a title inside a longer heading only when
/// it is at least a third of it, so that a site's name does not confirm
/// a heading that mentions it), or sharing a third of their words — or
/// when it is the page's one heading and reads as a headline with a
/// subtitle ([`subtitled`]); else the first of those titles without its
/// site name ([`strip_named`]) that is more than the site's name or
/// "Home" (off the front page, such a title names no page), unless that
/// title is `<title>` alone and shares no word with the page's one
/// heading of four words or more (a site's tagline): then the heading. An
/// `<h1>` that is the site's name (`og:site_name`, a host name, the last
/// part of `<title>`, or the blog's name before the colon of a `<title>`
/// whose rest is `og:title`; the titles then lose it) is never the
/// title, and a region label ("Blog", "News") only when `<title>` opens
/// with it. A confirmed heading that carries a suffix the titles strip
/// ("Headline | Opinion" where no title keeps "| Opinion") loses it; one
/// set in capitals only, garbled by a wrong charset, shown without the
/// title's separator or after a label ("Thread: ") takes the wording of
/// the title it matches. Returns the title and, when it is a heading that
/// differs from it, the page's own first title (see
/// [`Meta::named_title`]).
fn pick_title(
    h1s: &[String],
    site: Option<&str>,
    names: &SiteNames,
    title_el: Option<&str>,
    metas: &[(Option<String>, Source)],
) -> (Option<Sourced>, Option<Sourced>) {
    let h1s: Vec<String> = h1s.iter().map(|h| without_source(&tidy_title(h))).collect();
    let mut heads: Vec<(String, Source)> = metas
        .iter()
        .filter_map(|(v, s)| {
            v.as_deref()
                .map(|v| (strip_named(&tidy_title(v), names), *s))
        })
        .collect();
    let mut agree: Vec<String> = heads.iter().map(|(h, _)| norm_cmp(h)).collect();
    // The last part of `<title>` when its stripping removed it, or when
    // the first part is not a short name before a longer headline: the
    // site's or the manual's name ("Playful Tones" in "Reflections on a
    // UI pipeline | Playful Tones", "The Guide" in "What is Ownership? -
    // The Guide"), which an `<h1>` equal to it only repeats.
    let mut site_part = None;
    if let Some(t) = title_el.filter(|t| !t.is_empty()) {
        let mut t = tidy_title(t);
        // "Blog Name: Post title" (Blogger's default), where a heading
        // shows the blog's name and `og:title` the post's: that name is
        // the site's.
        let mut blog = None;
        if let Some((name, rest)) = t.split_once(": ")
            && !rest.trim().is_empty()
            && heads.iter().any(|(h, _)| norm_cmp(h) == norm_cmp(rest))
            && let name = norm_cmp(name)
            && !name.is_empty()
            && h1s.iter().any(|h| norm_cmp(h) == name)
        {
            t = rest.trim().to_string();
            blog = Some(name);
        }
        let stripped = strip_named(&t, names);
        agree.push(norm_cmp(&stripped));
        agree.extend(title_segments(&t).iter().map(|s| norm_cmp(s)));
        let segments = title_segments(&t);
        if segments.len() > 1
            && let Some(last) = segments.last().map(|s| norm_cmp(s))
            && (!title_segments(&stripped)
                .iter()
                .any(|s| norm_cmp(s) == last)
                || norm_cmp(&segments[0]).len() * 3 >= last.len())
            && !heads.iter().any(|(h, _)| norm_cmp(h) == last)
        {
            site_part = Some(last);
        }
        site_part = blog.or(site_part);
        heads.push((stripped, Source::TitleElement));
    }
    // A heading that repeats that part confirms it is the site's name:
    // the titles lose it.
    if let Some(part) = &site_part
        && h1s.iter().any(|h| norm_cmp(h) == *part)
    {
        for (h, _) in &mut heads {
            if let Some(cut) = strip_tail(h, part) {
                *h = cut;
            }
        }
    }
    // Every " | " part of the page's titles, to recognise the same suffix
    // on the heading.
    let segments: Vec<String> = metas
        .iter()
        .filter_map(|(v, _)| v.as_deref())
        .chain(title_el)
        .flat_map(|t| t.split(" | ").map(norm_cmp).collect::<Vec<_>>())
        .filter(|x| !x.is_empty())
        .collect();
    // The same of the titles that have more than one.
    let bar_parts: Vec<String> = metas
        .iter()
        .filter_map(|(v, _)| v.as_deref())
        .chain(title_el)
        .filter(|t| t.contains(" | "))
        .flat_map(|t| t.split(" | ").map(norm_cmp).collect::<Vec<_>>())
        .filter(|x| !x.is_empty())
        .collect();
    agree.retain(|a| !a.is_empty());
    let first_part = title_el
        .map(title_segments)
        .filter(|parts| parts.len() > 1)
        .map(|parts| norm_cmp(&parts[0]));
    let site_n = site.map(norm_cmp).unwrap_or_default();
    let valid: Vec<(&String, String)> = h1s
        .iter()
        .filter(|h| h.chars().count() >= 4)
        .filter(|h| {
            // A region label is the title only when `<title>` opens with it
            // ("News | Example Org").
            !GENERIC_HEADINGS.contains(&h.to_lowercase().as_str())
                || first_part.as_ref() == Some(&norm_cmp(h))
        })
        .map(|h| (h, norm_cmp(h)))
        .filter(|(h, n)| {
            !n.is_empty() && *n != site_n && site_part.as_ref() != Some(n) && !domain_like(h)
        })
        .collect();
    // A title that is only the site's name ("Example", "Example |
    // Solutions" cut at its bar) names no page but the front page, and
    // "Home" names none: the heading does, and such a title is the title
    // only when there is no heading.
    let only_site = |t: &str| (!names.front && names.is_name(t)) || t.eq_ignore_ascii_case("home");
    let named = heads
        .iter()
        .find(|(t, _)| !t.is_empty() && !only_site(t))
        .cloned();
    let site_title = heads.iter().find(|(t, _)| !t.is_empty()).cloned();
    let done = |t: Option<Sourced>| {
        // Not when the heading is one of its parts ("Walking boots" in
        // "Walking boots | Outfitters"), or one of the parts of another of
        // the page's titles: the rest is the site's name or a tagline.
        let differs = |(n, _): &(String, Source)| {
            t.as_ref().is_some_and(|(t, _)| {
                let t = norm_cmp(t);
                !bar_parts.contains(&t) && !title_segments(n).iter().any(|s| norm_cmp(s) == t)
            })
        };
        let named = named.clone().filter(differs);
        (t, named)
    };
    let found = valid
        .iter()
        .find(|(_, hn)| agree.iter().any(|a| a == hn))
        .or_else(|| {
            valid.iter().find(|(_, hn)| {
                agree.iter().any(|a| {
                    (a.contains(hn.as_str()) && hn.len() * 2 >= a.len())
                        || (hn.contains(a.as_str()) && a.len() * 3 >= hn.len())
                })
            })
        })
        .or_else(|| {
            valid
                .iter()
                .find(|(h, _)| heads.iter().any(|(m, _)| word_overlap(h, m) >= 0.3))
        })
        .or_else(|| {
            // The page's one heading, set as a headline and its subtitle
            // ("Making sense of wells: a field guide"), is the title the
            // page shows even where its titles word it otherwise: labels,
            // slogans and calls to action are not written that way.
            let (h, hn) = valid.first()?;
            (valid.iter().all(|(_, n)| n == hn) && subtitled(h)).then(|| &valid[0])
        });
    if let Some((h, hn)) = found {
        // The page's titles spell the heading right where the heading lost
        // characters to a wrong charset ("Beginner? Guide") or the
        // separator between a label and the headline set as two elements
        // ("Question Which pump?" for "Question - Which pump?"), or drop
        // the label set before it ("Thread: ", "Blog: ").
        if let Some((m, _)) = heads
            .iter()
            .find(|(m, _)| garbled_copy(h, m) || labelled_copy(h, m) || flattened_copy(h, m))
        {
            return done(Some((m.clone(), Source::Heading)));
        }
        if !heads.iter().any(|(m, _)| norm_cmp(m) == *hn) {
            let stripped = strip_heading(h, site, &segments);
            if stripped.len() < h.len() {
                return done(Some((stripped, Source::Heading)));
            }
        }
        if all_caps(h)
            && let Some((m, _)) = heads.iter().find(|(m, _)| norm_cmp(m) == *hn)
        {
            return done(Some((m.clone(), Source::Heading)));
        }
        return done(Some(((*h).clone(), Source::Heading)));
    }
    // A page whose only title is `<title>`, sharing no word with the
    // page's one heading, a headline of four words or more: the title is
    // a site's tagline ("Forum - The heart of the internet") on every
    // page of the site, the heading names this one. A shorter heading may
    // be the site's name ("Harbour Forum").
    if metas.iter().all(|(v, _)| v.is_none())
        && let Some((first, _)) = &named
        && let Some((h, hn)) = valid.first()
        && valid.iter().all(|(_, n)| n == hn)
        && h.split_whitespace().nth(3).is_some()
        && word_overlap(h, first) == 0.0
    {
        return (Some(((*h).clone(), Source::Heading)), None);
    }
    if let Some(first) = named {
        return (Some(first), None);
    }
    match h1s.first() {
        Some(h) => (Some((h.clone(), Source::Heading)), None),
        None => (site_title, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (published, modified) as RFC 3339, with the published one's source.
    fn dates_of(html: &str) -> (Option<(String, Source)>, Option<String>) {
        let m = extract_meta(&Document::from(html), None);
        (
            m.published.map(|(t, s)| (t.to_rfc3339(), s)),
            m.modified.map(|(t, _)| t.to_rfc3339()),
        )
    }

    #[test]
    fn the_page_country_by_locale_language_or_domain() {
        let tags = |l: &str| HashMap::from([("og:locale".to_string(), l.to_string())]);
        let none = HashMap::new();
        assert_eq!(region_of(&tags("fa_AF"), None, None), Region::Afghan);
        assert_eq!(region_of(&tags("ps_AF"), None, None), Region::Afghan);
        assert_eq!(region_of(&tags("fa_IR"), None, None), Region::Iranian);
        assert_eq!(region_of(&none, Some("fa-AF"), None), Region::Afghan);
        assert_eq!(region_of(&none, Some("prs"), None), Region::Afghan);
        assert_eq!(
            region_of(&tags("en_US"), Some("fa-IR"), None),
            Region::Iranian
        );
        assert_eq!(
            region_of(
                &tags("en_US"),
                Some("en"),
                Some("https://www.news.gov.af/en/a")
            ),
            Region::Afghan
        );
        // Persian alone names no country; nor does another domain.
        assert_eq!(region_of(&none, Some("fa"), None), Region::Other);
        assert_eq!(
            region_of(&none, Some("en"), Some("https://kabul.example.com/a")),
            Region::Other
        );
    }

    #[test]
    fn dates_written_for_people_in_machine_fields() {
        // JSON-LD with a date as people write it.
        let (p, _) = dates_of(
            r#"<script type="application/ld+json">{"@type":"BlogPosting","headline":"Kilns",
            "datePublished":"Mar 4, 2025","dateModified":"Mar 6, 2025"}</script><h1>Kilns</h1>"#,
        );
        assert_eq!(
            p,
            Some(("2025-03-04T00:00:00+00:00".into(), Source::JsonLd))
        );
        // The date the page shows wins over one written by hand in JSON-LD.
        let (p, _) = dates_of(
            r#"<script type="application/ld+json">{"@type":"BlogPosting","headline":"Kilns",
            "datePublished":"Aug 21, 2025"}</script><h1>Kilns</h1>
            <div class=byline>By Ana Lopez, Published Apr 26, 2023 Updated Aug 21, 2025</div>"#,
        );
        assert_eq!(
            p,
            Some(("2023-04-26T00:00:00+00:00".into(), Source::VisibleText))
        );
        // A date shown alone on the day the page declares its update is
        // the update's: the publication date stays.
        let (p, m) = dates_of(
            r#"<script type="application/ld+json">{"@type":"Article","headline":"Kilns",
            "datePublished":"August 11, 2019","dateModified":"Nov 21, 2025"}</script>
            <meta property="article:modified_time" content="2025-11-21T18:51:10+00:00">
            <h1>Kilns</h1><p>November 21, 2025</p>"#,
        );
        assert_eq!(
            p,
            Some(("2019-08-11T00:00:00+00:00".into(), Source::JsonLd))
        );
        assert_eq!(m.as_deref(), Some("2025-11-21T18:51:10+00:00"));
        // Other meta names of the publication time; a month-first numeric
        // value; the publisher is not a date.
        let (p, _) = dates_of(
            r#"<meta name="publisher" content="2025 Press"><meta name="w-published-date" content="2025-05-27T06:03:43Z">"#,
        );
        assert_eq!(
            p,
            Some(("2025-05-27T06:03:43+00:00".into(), Source::MetaTag))
        );
        let (p, _) = dates_of(r#"<meta name="published" content="July 17, 2025">"#);
        assert_eq!(
            p,
            Some(("2025-07-17T00:00:00+00:00".into(), Source::MetaTag))
        );
        let (p, _) = dates_of(r#"<meta property="article:published_time" content="03-09-2026">"#);
        assert_eq!(
            p,
            Some(("2026-03-09T00:00:00+00:00".into(), Source::ArticleMeta))
        );
        assert_eq!(
            dates_of(r#"<meta name="unpublish-date" content="2026-01-01">"#).0,
            None
        );
        // A date without a time gives way to the same day with one.
        let (p, _) = dates_of(
            r#"<meta name="pubdate" content="2025-07-24"><time datetime="2025-07-24T09:00:00+02:00">24 July</time>"#,
        );
        assert_eq!(
            p,
            Some(("2025-07-24T09:00:00+02:00".into(), Source::TimeElement))
        );
    }

    #[test]
    fn json_ld_dates_from_the_other_article_objects() {
        // The best-ranked object has no date; another article object has.
        let (p, m) = dates_of(
            r#"<script type="application/ld+json">{"@type":"BlogPosting","headline":"Looms",
            "datePublished":"2025-12-19T09:28:15Z","dateModified":"2025-12-19T13:45:11Z"}</script>
            <script type="application/ld+json">{"@type":"Article","headline":"Looms"}</script>"#,
        );
        assert_eq!(
            p,
            Some(("2025-12-19T09:28:15+00:00".into(), Source::JsonLd))
        );
        assert_eq!(m.as_deref(), Some("2025-12-19T13:45:11+00:00"));
        // A blog that holds the page's one post.
        let one = r#"<script type="application/ld+json">{"@type":"Blog","name":"Notes",
            "blogPost":[{"@type":"BlogPosting","headline":"Sails","datePublished":"2025-12-19T20:20:42Z"}]}</script>"#;
        assert_eq!(
            dates_of(one).0,
            Some(("2025-12-19T20:20:42+00:00".into(), Source::JsonLd))
        );
        // A blog that lists several posts states no date of its own.
        let many = r#"<script type="application/ld+json">{"@type":"Blog","name":"Notes","blogPost":[
            {"@type":"BlogPosting","headline":"Sails","datePublished":"2025-12-19T20:20:42Z"},
            {"@type":"BlogPosting","headline":"Oars","datePublished":"2025-12-11T10:00:00Z"}]}</script>"#;
        assert_eq!(dates_of(many).0, None);
    }

    #[test]
    fn visible_dates_near_the_headline() {
        // A bare date line under the headline, in a class that says nothing.
        let (p, _) = dates_of(
            "<h1>Mending nets</h1><p class=muted>December 15, 2025</p>\
             <p>Text of the article, long enough to end the lines around the headline: \
             the nets were mended on the quay by the whole village over three long days.</p>",
        );
        assert_eq!(
            p,
            Some(("2025-12-15T00:00:00+00:00".into(), Source::VisibleText))
        );
        // A label of its own, a time and a US zone.
        let (p, _) = dates_of(
            "<h1>Mending nets</h1><div><span>Published Oct 20, 2025 at 5:00 PM PST</span></div>",
        );
        assert_eq!(
            p,
            Some(("2025-10-20T17:00:00-08:00".into(), Source::VisibleText))
        );
        // A line indented with much white space; a label in an element of
        // its own.
        let indented = format!(
            "<h1>Mending nets</h1><p>{pad}Dec 26, 2025{pad}<span>&bull;</span>{pad}Ana Lopez{pad}</p>",
            pad = "\n                        "
        );
        assert_eq!(
            dates_of(&indented).0,
            Some(("2025-12-26T00:00:00+00:00".into(), Source::VisibleText))
        );
        let (p, _) = dates_of(
            "<div><span>Posted on</span> <div><span>Nov 21, 2018</span></div></div>\
             <div><span>Updated at</span> <div><span>Dec 10, 2025</span></div></div>",
        );
        assert_eq!(
            p,
            Some(("2018-11-21T00:00:00+00:00".into(), Source::VisibleText))
        );
        // Labels far from the headline, in classes that say nothing: an
        // update line at the end of the text, a Persian publication date.
        let long = "<p>Text of the article, long enough to end the lines around the headline: \
                    the nets were mended on the quay by the whole village over three long days.</p>";
        let (p, m) = dates_of(&format!(
            "<h1>Mending nets</h1>{long}{long}<p class=right>Last updated: November 13, 2025</p>"
        ));
        assert_eq!(p, None);
        assert_eq!(m.as_deref(), Some("2025-11-13T00:00:00+00:00"));
        let (p, _) = dates_of(&format!(
            "<h1>Mending nets</h1>{long}<div><p>Written by <a href=/ana>Ana Lopez</a></p><p>April 8, 2024</p></div>"
        ));
        assert_eq!(
            p,
            Some(("2024-04-08T00:00:00+00:00".into(), Source::VisibleText))
        );
        let (p, _) = dates_of(&format!(
            "<h1>ترمیم تورها</h1>{long}<div class=x><span>تاریخ نشر:</span> <span>۲۱ عقرب ۱۴۰۳</span></div>"
        ));
        assert_eq!(
            p,
            Some(("2024-11-11T00:00:00+04:30".into(), Source::VisibleText))
        );
        // A standfirst under the headline, the date below it, all in the
        // article's header; a bare date after the header's end is not read.
        let standfirst = "<p>A long standfirst that says what the piece is about: how the \
                          nets of the village were mended on the quay over three long days, and \
                          who paid for the new rope.</p>";
        let header = |after: &str| {
            format!(
                "<header><div><div><div><div><div><div><div><h1>Mending nets</h1></div></div>\
                 {standfirst}<div>{after}</div></div></div></div></div></div></header>{long}"
            )
        };
        assert_eq!(
            dates_of(&header("<div class=small>January 5, 2026</div>")).0,
            Some(("2026-01-05T00:00:00+00:00".into(), Source::VisibleText))
        );
        // A word of the headline labels no date.
        assert_eq!(
            dates_of("<div class=hero><h1>Harbour Updates</h1><p>November 14, 2025</p></div>").0,
            Some(("2025-11-14T00:00:00+00:00".into(), Source::VisibleText))
        );
        // Without a <header>: the date after the standfirst right under
        // the headline and the byline, still before the text.
        assert_eq!(
            dates_of(&format!(
                "<div><h1>Mending nets</h1>{standfirst}<p>Ana Lopez</p><div><span>23.07.2025</span></div></div>{long}"
            ))
            .0,
            Some(("2025-07-23T00:00:00+00:00".into(), Source::VisibleText))
        );
        // A bare date after the text has begun is not read.
        assert_eq!(
            dates_of(&format!(
                "<div><h1>Mending nets</h1>{standfirst}<p>Ana Lopez</p>{standfirst}<div class=small>January 5, 2026</div></div>{long}"
            ))
            .0,
            None
        );
        // A relative time with the date in its tooltip; an update so
        // shown is the modified time.
        let (p, _) = dates_of(
            "<h1>Nets</h1><span class=meta>Published <time title=\"2025-12-19 12:00:00Z\">a day ago</time></span>",
        );
        assert_eq!(
            p,
            Some(("2025-12-19T12:00:00+00:00".into(), Source::VisibleText))
        );
        let (p, m) = dates_of(
            "<h1>Nets</h1><abbr class=updated title=\"Friday, December 19, 2025\">Updated 2 days ago</abbr>",
        );
        assert_eq!((p, m.as_deref()), (None, Some("2025-12-19T00:00:00+00:00")));
        // A <time> without datetime.
        let (p, _) = dates_of("<h1>Nets</h1><article><time>July 2, 2025</time></article>");
        assert_eq!(
            p,
            Some(("2025-07-02T00:00:00+00:00".into(), Source::VisibleText))
        );
        // Several dates around the headline: a list of posts, not a page's
        // date.
        let list = "<h1>Blog</h1><div class=card><h2>Nets</h2><p>Dec 15, 2025</p></div>\
                    <div class=card><h2>Oars</h2><p>Dec 11, 2025</p></div>";
        assert_eq!(dates_of(list).0, None);
        // A teaser's date inside its link is not the page's.
        let teaser = "<h1>Nets</h1><a href=/oars><span>Dec 11, 2025</span> Oars</a>";
        assert_eq!(dates_of(teaser).0, None);
    }

    #[test]
    fn dates_that_are_not_the_pages() {
        // Comments, related articles, asides and copyright lines.
        for html in [
            "<h1>Nets</h1><div class=comment-list><span class=date>Dec 11, 2025</span></div>",
            "<h1>Nets</h1><section class=related-posts><span class=post-date>Dec 11, 2025</span></section>",
            "<h1>Nets</h1><aside><span class=post-date>Sunday, 31.03.2019</span></aside>",
            "<h1>Nets</h1><p>x</p><div class=footer-meta>© Dec 11, 2025 Nets Ltd</div>",
        ] {
            assert_eq!(dates_of(html).0, None, "{html}");
        }
        // Teasers of other posts, whatever their classes: a linked
        // headline just before the date, in its small box, or the date in
        // a link with a headline's words.
        for html in [
            "<h1>Mending nets</h1><div><article><div><a href=/x><img src=a.jpg></a></div>\
             <h2 class=entry-title><a href=/x>Oars, ropes and the winter sea</a></h2>\
             <p class=post-meta><span class=published>Nov 18, 2025</span></p></article></div>",
            "<h1>Mending nets</h1><div class=card><div class=meta><span class=post-date>January 23, 2025</span></div>\
             <h3><a href=/y>Your guide to the five best boats</a></h3></div>",
            "<h1>Mending nets</h1><article class=card><div><h3><a href=/w>Licence for the oil of the north</a></h3>\
             <p>The licence follows a push to open the sector.</p></div>\
             <footer class=card__footer><div class=date><span>6 Mar 2026</span></div></footer></article>",
            "<h1>Mending nets</h1><ul><li><a href=/z><span class=date>[ December 8, 2025 ]</span> \
             Top ten harbours for watching the northern lights</a></li></ul>",
        ] {
            assert_eq!(dates_of(html).0, None, "{html}");
        }
        // Datelines of wire copy and press releases; a text that opens
        // otherwise, or whose first word is not a place in capitals.
        let body = "Nets were mended on the quay by the whole village over three long days, and the \
                    harbour master paid for the new rope out of the fishing fund.";
        for (opening, want) in [
            (
                "WASHINGTON (January 24, 2017) — ",
                Some("2017-01-24T00:00:00+00:00"),
            ),
            (
                "NEW YORK, Dec. 5, 2025 /PRNewswire/ -- ",
                Some("2025-12-05T00:00:00+00:00"),
            ),
            ("On January 24, 2017 — ", None),
            ("Washington (January 24, 2017) — ", None),
            (
                "KABUL (Agency, Jan. 3, 2025): ",
                Some("2025-01-03T00:00:00+00:00"),
            ),
            (
                "KABUL, Jan 3, 2025 (Agency) - ",
                Some("2025-01-03T00:00:00+00:00"),
            ),
            ("UPDATE (Jan. 3, 2025): ", None),
            // Afghan agencies: the place, then the agency and the day in
            // the parenthesis, in Dari and in Pashto; not a phrase that
            // opens with a date in parenthesis.
            (
                "کابل (آژانس، ۱۴ جدی ۱۴۰۳): ",
                Some("2025-01-03T00:00:00+04:30"),
            ),
            (
                "مزار شریف(آژانس،۱۴ جدی ۱۴۰۳): ",
                Some("2025-01-03T00:00:00+04:30"),
            ),
            (
                "کابل (آژانس، د ۱۴۰۳ کال د مرغومي ۱۴مه): ",
                Some("2025-01-03T00:00:00+04:30"),
            ),
            ("در سال گذشته (۱۴ جدی ۱۴۰۳): ", None),
            ("کابل ۱۴ جدی (آژانس): ", None),
        ] {
            let html = format!("<h1>Nets</h1><p>{opening}{body}</p>");
            assert_eq!(
                dates_of(&html).0,
                want.map(|w| (w.to_string(), Source::VisibleText)),
                "{opening}"
            );
        }
        // A Persian page whose list of other posts comes before its own
        // date line, then its text.
        let text = "<p>تورهای ماهیگیری روستا در سه روز بلند روی اسکله ترمیم شد و همه‌ی مردم کمک کردند. </p>"
            .repeat(6);
        assert_eq!(
            dates_of(&format!(
                "<h1>ترمیم تورها</h1><ul><li><h3><a href=/x>بازسازی اسکله در بندر شمالی آغاز شد</a></h3>\
                 <span class=date>۲۰ عقرب ۱۴۰۳</span></li></ul><div class=meta>۲۱ عقرب ۱۴۰۳</div>{text}"
            ))
            .0,
            Some(("2024-11-11T00:00:00+04:30".into(), Source::VisibleText))
        );
        // The page's own lines stay: a byline heading, a category heading,
        // a heading that holds the date, the headline itself as a link.
        for html in [
            "<h1>Mending nets</h1><div><h3>By <a href=/ana>Ana Lopez</a></h3><div class=meta><time>August 19, 2025</time></div></div>",
            "<h1>Mending nets</h1><p>by <a href=/ana>Ana Lopez</a></p><span class=date>August 19, 2025</span>\
             <h5><a href=/c>Harbour news</a></h5>",
            "<h1>Mending nets</h1><h3 class=date-info>Posted on <a href=/p><time>August 19, 2025</time></a> by Ana Lopez</h3>",
            "<h1>Mending nets</h1><h2><a href=/p>Mending nets</a></h2><p class=post-meta><span class=published>August 19, 2025</span></p>",
        ] {
            assert_eq!(
                dates_of(html).0,
                Some(("2025-08-19T00:00:00+00:00".into(), Source::VisibleText)),
                "{html}"
            );
        }
        // A forum's first post, titled as the thread, under the forum's
        // name; its date is a link of date words only.
        let forum = "<title>Turning off the lights of the quay - Harbour Forums</title><h1>Harbour Forums</h1>\
             <div class=postbody><h3 class=first><a href=#p1>Turning off the lights of the quay</a></h3>\
             <p class=author><a href=#p1>Tue Aug 19, 2025 11:23 am</a></p></div>";
        assert_eq!(
            dates_of(forum).0,
            Some(("2025-08-19T11:23:00+00:00".into(), Source::VisibleText))
        );
        // A footer of the article or of its header holds its date; the
        // classes of a post's tags and of what it has are not parts.
        for html in [
            "<h1>Mending nets</h1><article><div class=article-hero><div class=article-hero__footer>\
             <time>August 19, 2025</time> · 12 minute read</div></div></article>",
            "<h1>Mending nets</h1><article class=\"post tag-nets-related-reading has-comments\">\
             <div class=meta><span class=post-date>August 19, 2025</span></div></article>",
        ] {
            assert_eq!(
                dates_of(html).0,
                Some(("2025-08-19T00:00:00+00:00".into(), Source::VisibleText)),
                "{html}"
            );
        }
        assert_eq!(
            dates_of("<h1>Nets</h1><p>x</p><div class=site-footer><span class=date>August 19, 2025</span></div>").0,
            None
        );
        assert_eq!(
            dates_of("<h1>Nets</h1><p>x</p><aside class=published-on>Published on <time>2021-01-18T19:55</time></aside>").0,
            Some(("2021-01-18T19:55:00+00:00".into(), Source::VisibleText))
        );
        // A card's footer in the page's <main>; below it, the site's
        // copyright line with an update time shown apart from its label.
        let (p, m) = dates_of(
            "<main><h1>Nets</h1><div class=card-footer><div><strong>Published:</strong> <time>Apr 10, 2023</time></div></div></main>\
             <div class=micro>Copyright © 2025, Nets<br>Updated: <time>2025-04-28T17:45:15Z</time></div>",
        );
        assert_eq!(
            (p, m),
            (
                Some(("2023-04-10T00:00:00+00:00".into(), Source::VisibleText)),
                None
            )
        );
        // WordPress's pair of times: the update first, marked by its class.
        let (p, m) = dates_of(
            "<h1>Nets</h1><div class=entry-meta><span class=posted-on><time class=updated>May 21, 2025</time>\
             <time class=\"entry-date published\">April 24, 2025</time></span></div>",
        );
        assert_eq!(
            (p, m.as_deref()),
            (
                Some(("2025-04-24T00:00:00+00:00".into(), Source::VisibleText)),
                Some("2025-05-21T00:00:00+00:00")
            )
        );
        // The one date a theme shows, marked `updated` for hAtom; a post
        // shown as published and updated on one day.
        for html in [
            "<h1>Nets</h1><span class=posted-on><time class=\"entry-date published updated\">April 24, 2025</time></span>",
            "<h1>Nets</h1><div class=reading-time><time class=updated>April 24, 2025</time></div>",
            "<h1>Nets</h1><span class=posted-on><time class=\"entry-date published\">April 24, 2025</time>\
             <time class=updated>April 24, 2025</time></span>",
        ] {
            assert_eq!(
                dates_of(html).0,
                Some(("2025-04-24T00:00:00+00:00".into(), Source::VisibleText)),
                "{html}"
            );
        }
        // A label run into the byline by a bullet.
        let (p, m) = dates_of(
            "<h1>Nets</h1><div class=meta><span>Ana Lopez</span><span>&bull;</span><date>Updated on Jul 4, 2024</date></div>",
        );
        assert_eq!((p, m.as_deref()), (None, Some("2024-07-04T00:00:00+00:00")));
        // "Updated …" on every item of a list dates the items.
        let repos = "<h1>Topics</h1><article><h3>nets</h3><ul><li> Updated <span>Mar 8, 2026</span></li></ul></article>\
                     <article><h3>oars</h3><ul><li> Updated <span>Mar 7, 2026</span></li></ul></article>\
                     <article><h3>sails</h3><ul><li> Updated <span>Mar 2, 2026</span></li></ul></article>";
        assert_eq!(dates_of(repos), (None, None));
        // A date labelled as an update is the modified time, and the
        // published one may follow it; its date shown apart from the label
        // is not a publication date.
        let (p, m) = dates_of(
            "<h1>Nets</h1><div class=meta><span>Updated Mar 9, 2026</span> <span>Published on Oct 21, 2025</span></div>",
        );
        assert_eq!(
            p,
            Some(("2025-10-21T00:00:00+00:00".into(), Source::VisibleText))
        );
        assert_eq!(m.as_deref(), Some("2026-03-09T00:00:00+00:00"));
        let (p, m) = dates_of(
            "<h1>Nets</h1><div class=post-meta><span>Last updated:</span><span>Dec 12, 2025</span></div>",
        );
        assert_eq!(p, None);
        assert_eq!(m.as_deref(), Some("2025-12-12T00:00:00+00:00"));
        // A machine modified time wins over the visible one.
        let (_, m) = dates_of(
            r#"<meta property="article:modified_time" content="2025-12-12T10:00:00+01:00"><h1>Nets</h1><p class=date>Updated Dec 12, 2025</p>"#,
        );
        assert_eq!(m.as_deref(), Some("2025-12-12T10:00:00+01:00"));
    }

    #[test]
    fn a_canonical_front_page_gives_way_to_the_pages_og_url() {
        let canon = |head: &str| {
            extract_meta(
                &Document::from(format!("<html><head>{head}</head></html>").as_str()),
                None,
            )
            .canonical
        };
        let deep =
            r#"<meta property="og:url" content="https://www.harbour.example/blog/ferry-times">"#;
        let t = canon(&format!(
            r#"<link rel="canonical" href="https://harbour.example/">{deep}"#
        ));
        assert_eq!(
            t,
            Some((
                "https://www.harbour.example/blog/ferry-times".into(),
                Source::LinkCanonical
            ))
        );
        // A front page of another site, or a deeper canonical, stays.
        let t = canon(&format!(
            r#"<link rel="canonical" href="https://other.example/">{deep}"#
        ));
        assert_eq!(
            t,
            Some(("https://other.example/".into(), Source::LinkCanonical))
        );
        let t = canon(&format!(
            r#"<link rel="canonical" href="https://harbour.example/boats">{deep}"#
        ));
        assert_eq!(
            t,
            Some((
                "https://harbour.example/boats".into(),
                Source::LinkCanonical
            ))
        );
        // The front page itself.
        let t = canon(
            r#"<link rel="canonical" href="https://harbour.example/"><meta property="og:url" content="https://harbour.example/">"#,
        );
        assert_eq!(
            t,
            Some(("https://harbour.example/".into(), Source::LinkCanonical))
        );
    }

    #[test]
    fn site_names_are_stripped_from_titles() {
        assert_eq!(
            strip_site("Floods hit Herat | Example News"),
            "Floods hit Herat"
        );
        assert_eq!(
            strip_site("Floods hit Herat - Example - News"),
            "Floods hit Herat"
        );
        assert_eq!(
            strip_site("EN | Floods hit the western province of Herat"),
            "Floods hit the western province of Herat"
        );
        assert_eq!(
            strip_site("A short guide to wells • Ana Lopez"),
            "A short guide to wells"
        );
        assert_eq!(strip_site("Plain title"), "Plain title");
    }

    #[test]
    fn the_visible_headline_wins_when_the_page_confirms_it() {
        let title = |html: &str| extract_meta(&Document::from(html), None).title;
        // Line breaks inside the heading separate words; anchors go.
        let t = title(
            "<title>Data Analytics Agency | Example</title>\
             <h1>Data Analytics<span><br>Agency</span></h1>",
        );
        assert_eq!(t, Some(("Data Analytics Agency".into(), Source::Heading)));
        let t = title("<title>Quickstart — Example Docs (3.1)</title><h1>Quickstart¶</h1>");
        assert_eq!(t, Some(("Quickstart".into(), Source::Heading)));
        // A region label or the site's name is never the title.
        let t = title(
            "<meta property=\"og:site_name\" content=\"Example Wire\">\
             <title>Wells reach the lower village - Example Wire</title>\
             <h1>Example Wire</h1><h1>Blog</h1>",
        );
        assert_eq!(
            t,
            Some(("Wells reach the lower village".into(), Source::TitleElement))
        );
        // A headline sharing a third of its words with og:title is confirmed.
        let t = title(
            "<meta property=\"og:title\" content=\"New wells for the lower village\">\
             <h1>Three new wells reach the lower village</h1>",
        );
        assert_eq!(
            t,
            Some((
                "Three new wells reach the lower village".into(),
                Source::Heading
            ))
        );
    }

    #[test]
    fn site_names_and_labels_are_not_the_title() {
        let title = |html: &str| extract_meta(&Document::from(html), None).title;
        let named = |html: &str| extract_meta(&Document::from(html), None).named_title;
        // A site name the title repeats goes each time.
        let t = title(
            "<meta property=\"og:site_name\" content=\"Example Wire\">\
             <title>Wells reach the lower village – Example Wire - Example Wire</title>\
             <h1>Wells reach the lower village – Example Wire</h1>",
        );
        assert_eq!(
            t,
            Some(("Wells reach the lower village".into(), Source::Heading))
        );
        // A heading that repeats the last part of the title is the site's
        // name, and confirms that part is one.
        let t =
            title("<title>Notes on drilling a borehole | Field Notes</title><h1>Field Notes</h1>");
        assert_eq!(
            t,
            Some(("Notes on drilling a borehole".into(), Source::TitleElement))
        );
        let t = title(
            "<title>What is a borehole? - The Well Book</title>\
             <h1>The Well Book</h1><h1>What is a borehole?</h1>",
        );
        assert_eq!(t, Some(("What is a borehole?".into(), Source::Heading)));
        // A short name before a longer headline is not taken for the site.
        let t = title("<title>Wellsite | Notes on drilling a borehole</title><h1>Wellsite</h1>");
        assert_eq!(t, Some(("Wellsite".into(), Source::Heading)));
        // A host name as the heading is the site's logo.
        let t = title(
            "<title>Which pump for a deep well? - pumpforum.org</title><h1>pumpforum.org</h1>",
        );
        assert_eq!(
            t,
            Some(("Which pump for a deep well?".into(), Source::TitleElement))
        );
        // A label before the headline goes.
        let t = title(
            "<title>Which pump for a deep well? | Pump Talk</title>\
             <h1>Thread: Which pump for a deep well?</h1>",
        );
        assert_eq!(
            t,
            Some(("Which pump for a deep well?".into(), Source::Heading))
        );
        // A site's tagline as the only title, sharing no word with the
        // page's one heading: the heading names the page, unless it is
        // short enough to be the site's name.
        let t = title(
            "<title>Harbour Talk - The heart of the quay</title>\
             <h1>Which rope holds best in a winter storm?</h1>",
        );
        assert_eq!(
            t,
            Some((
                "Which rope holds best in a winter storm?".into(),
                Source::Heading
            ))
        );
        let t = title("<title>Winter rope tests</title><h1>Quay Notes</h1>");
        assert_eq!(t, Some(("Winter rope tests".into(), Source::TitleElement)));
        // A heading garbled by a wrong charset takes the title's spelling.
        let t =
            title("<title>A Beginner’s Guide to Wells</title><h1>A Beginner?s Guide to Wells</h1>");
        assert_eq!(
            t,
            Some(("A Beginner’s Guide to Wells".into(), Source::Heading))
        );
        // The page's own title is kept beside a differing heading.
        let html = "<meta property=\"og:title\" content=\"Repair Workshops for Beginners\">\
                    <h1>Repair workshops</h1>";
        assert_eq!(
            title(html),
            Some(("Repair workshops".into(), Source::Heading))
        );
        assert_eq!(
            named(html),
            Some(("Repair Workshops for Beginners".into(), Source::OpenGraph))
        );
        assert_eq!(
            named("<title>Repair workshops</title><h1>Repair workshops</h1>"),
            None
        );
        assert!(garbled_copy("Caf\u{FFFD} au lait", "Café au lait"));
        assert!(!garbled_copy("Cafe au lait", "Café au lait"));
        assert!(labelled_copy("Blog: Wells and pumps", "Wells and pumps"));
        assert!(flattened_copy(
            "Question Which pump?",
            "Question - Which pump?"
        ));
        assert!(!flattened_copy(
            "Question: Which pump?",
            "Question - Which pump?"
        ));
        assert!(!flattened_copy("Which pump?", "Which pump?"));
        assert!(!labelled_copy("Wells: pumps and more", "Wells and pumps"));
        assert!(domain_like("bogleheads.org"));
        assert!(!domain_like("Version 2.0"));
        assert!(!domain_like("index.html5"));
    }

    #[test]
    fn a_bar_ends_the_headline() {
        let title = |html: &str| extract_meta(&Document::from(html), None).title;
        let named = |html: &str| extract_meta(&Document::from(html), None).named_title;
        // A tagline or section after a bar is not part of the title.
        let t = title(
            "<meta property=\"og:title\" content=\"Harbour Ferries | Timetables and Fares\">",
        );
        assert_eq!(t, Some(("Harbour Ferries".into(), Source::OpenGraph)));
        let t = title("<title>Build your first boat | Get started | Boat School</title>");
        assert_eq!(
            t,
            Some(("Build your first boat".into(), Source::TitleElement))
        );
        // The heading loses the part the titles set after the bar.
        let t = title(
            "<title>Twelve Tools for Well Drillers | Augers &amp; Pumps | Drill Co</title>\
             <h1>Twelve Tools for Well Drillers | Augers &amp; Pumps</h1>",
        );
        assert_eq!(
            t,
            Some(("Twelve Tools for Well Drillers".into(), Source::Heading))
        );
        // A heading that is one of the parts of the page's titles keeps
        // the page from naming itself otherwise.
        let html = "<title>Hand Pumps | Village Pumps | Try Free - Pump Co</title>\
                    <h1>Village Pumps</h1>";
        assert_eq!(title(html), Some(("Village Pumps".into(), Source::Heading)));
        assert_eq!(named(html), None);
    }

    #[test]
    fn the_sites_name_is_recognised_in_titles() {
        let title = |html: &str| extract_meta(&Document::from(html), None).title;
        // A title that is only "| Site" names no page: the heading does.
        let t = title(
            "<meta property=\"og:site_name\" content=\"Harbour Magazine\">\
             <title>| Harbour Magazine</title><h1>Rope and Knots</h1>",
        );
        assert_eq!(t, Some(("Rope and Knots".into(), Source::Heading)));
        // A host name in brackets after the title.
        let t = title("<title>Welcome to ropes.net [ropes.net]</title>");
        assert_eq!(
            t,
            Some(("Welcome to ropes.net".into(), Source::TitleElement))
        );
        // The last part holding the host's name is the site's; a first
        // part holding it is a product named after the company.
        let t = title(
            "<link rel=canonical href=\"https://www.knotworks.example/ropes\">\
             <title>Sailing Ropes - Old Knotworks Shop</title>",
        );
        assert_eq!(t, Some(("Sailing Ropes".into(), Source::TitleElement)));
        let t = title(
            "<link rel=canonical href=\"https://www.knotworks.example/cdn\">\
             <title>Knotworks Rope Store - Ropes for every boat and harbour</title>",
        );
        assert_eq!(
            t,
            Some((
                "Knotworks Rope Store - Ropes for every boat and harbour".into(),
                Source::TitleElement
            ))
        );
        assert_eq!(
            host_label("https://www.thomann.co.uk/x"),
            Some("thomann".into())
        );
        assert_eq!(
            host_label("https://news.ycombinator.com/"),
            Some("ycombinator".into())
        );
        assert_eq!(host_label("https://nps.gov/"), None);
        assert_eq!(host_label("http://127.0.0.1/"), None);
        // "Blog Name: Post title" with the blog's name as the heading.
        let t = title(
            "<title>Harbour Notes: Mending nets in winter</title>\
             <meta property=\"og:title\" content=\"Mending nets in winter\">\
             <h1>Harbour Notes</h1><h2>Mending nets in winter</h2>",
        );
        assert_eq!(
            t,
            Some(("Mending nets in winter".into(), Source::OpenGraph))
        );
        // Without `og:title` to confirm it, the label is the page's name.
        let t = title("<title>Hiking Boots: Shop Boots for Hiking</title><h1>Hiking Boots</h1>");
        assert_eq!(t, Some(("Hiking Boots".into(), Source::Heading)));
        // A region label is the title when `<title>` opens with it.
        let t = title("<title>News | Harbour Board</title><h1>News</h1>");
        assert_eq!(t, Some(("News".into(), Source::Heading)));
        // A heading holding the site's name is not confirmed by it.
        let t = title(
            "<title>Winter storms close the harbour - Harbour Wire</title>\
             <h1>A message from the editor of Harbour Wire:</h1>",
        );
        assert_eq!(
            t,
            Some((
                "Winter storms close the harbour".into(),
                Source::TitleElement
            ))
        );
    }

    #[test]
    fn a_front_page_keeps_the_name_before_its_dash() {
        let title = |html: &str, url: &str| extract_meta(&Document::from(html), Some(url)).title;
        let html = "<meta property=\"og:site_name\" content=\"Knotworks\">\
                    <title>Knotworks - Ropes for every boat in the harbour</title>";
        // The front page is the site's: its name stays.
        assert_eq!(
            title(html, "https://knotworks.example/"),
            Some((
                "Knotworks - Ropes for every boat in the harbour".into(),
                Source::TitleElement
            ))
        );
        assert!(is_front_page("https://knotworks.example/en-gb/"));
        // A deeper page loses it.
        assert_eq!(
            title(html, "https://knotworks.example/ropes/harbour"),
            Some((
                "Ropes for every boat in the harbour".into(),
                Source::TitleElement
            ))
        );
        // Without the address, every address the page gives must be the
        // front page's: a canonical link of a deeper page to the front
        // page does not make it one.
        let m = extract_meta(
            &Document::from(
                "<link rel=canonical href=\"https://knotworks.example/\">\
                 <meta property=\"og:url\" content=\"https://knotworks.example/ropes\">\
                 <meta property=\"og:site_name\" content=\"Knotworks\">\
                 <title>Knotworks - Ropes for every boat in the harbour</title>",
            ),
            None,
        );
        assert_eq!(
            m.title.map(|(t, _)| t),
            Some("Ropes for every boat in the harbour".into())
        );
    }

    #[test]
    fn a_title_that_only_names_the_site_gives_way_to_the_heading() {
        let title = |html: &str, url: &str| extract_meta(&Document::from(html), Some(url)).title;
        let html = "<meta property=\"og:title\" content=\"Knotworks | Ropes\">\
                    <title>Knotworks</title><h1>Braided Mooring Lines</h1>";
        assert_eq!(
            title(html, "https://www.knotworks.example/mooring"),
            Some(("Braided Mooring Lines".into(), Source::Heading))
        );
        // On the front page the site's name is the page's.
        assert_eq!(
            title(html, "https://www.knotworks.example/"),
            Some(("Knotworks".into(), Source::OpenGraph))
        );
        // With no heading, the name is all there is.
        assert_eq!(
            title(
                "<title>Knotworks</title>",
                "https://knotworks.example/mooring"
            ),
            Some(("Knotworks".into(), Source::TitleElement))
        );
        // "Home - Site": the front page, named by the site.
        let m = extract_meta(
            &Document::from(
                "<meta property=\"og:title\" content=\"Home\">\
                 <title>Home - The Harbour Blog</title>",
            ),
            None,
        );
        assert_eq!(
            m.title,
            Some(("The Harbour Blog".into(), Source::TitleElement))
        );
        // A long name the host abbreviates is the site's.
        assert_eq!(initials("Harbour Safety and Rescue Board"), "hsrb");
        assert_eq!(
            title(
                "<title>Storm Warnings - Overview | Harbour Safety and Rescue Board</title>",
                "https://www.hsrb.gov/storms"
            ),
            Some(("Storm Warnings - Overview".into(), Source::TitleElement))
        );
    }

    #[test]
    fn a_lone_subtitled_heading_is_the_title() {
        let title = |html: &str| extract_meta(&Document::from(html), None).title;
        // The titles word it otherwise, but the page's one heading is set
        // as a headline.
        let t = title(
            "<meta property=\"og:title\" content=\"Ten Knots Every Sailor Uses\">\
             <h1>Knots at sea: what the old hands still tie</h1>",
        );
        assert_eq!(
            t,
            Some((
                "Knots at sea: what the old hands still tie".into(),
                Source::Heading
            ))
        );
        // A label before the colon, or a second heading, is not enough.
        let t = title(
            "<meta property=\"og:title\" content=\"Ten Knots Every Sailor Uses\">\
             <h1>Collection: Knots</h1>",
        );
        assert_eq!(
            t,
            Some(("Ten Knots Every Sailor Uses".into(), Source::OpenGraph))
        );
        let t = title(
            "<meta property=\"og:title\" content=\"Ten Knots Every Sailor Uses\">\
             <h1>Knots at sea: what the old hands still tie</h1><h1>Harbour news: the week</h1>",
        );
        assert_eq!(
            t,
            Some(("Ten Knots Every Sailor Uses".into(), Source::OpenGraph))
        );
        // A heading that lost an apostrophe and its letter to one mark
        // takes the title's spelling.
        assert!(garbled_copy("A Sailor? Guide", "A Sailor’s Guide"));
        assert!(garbled_copy("A Sailor?s Guide", "A Sailor’s Guide"));
        assert!(!garbled_copy("A Sailor? Guide", "A Sailor’s Map"));
        assert!(!garbled_copy("A Sailor's Guide", "A Sailor's Guide"));
    }

    #[test]
    fn headings_and_titles_are_read_as_shown() {
        let title = |html: &str| extract_meta(&Document::from(html), None).title;
        // Styles, scripts and icons inside the heading are not its text.
        let t = title(
            "<title>Rope Ladder</title><h1><style>.a{color:red}</style>Rope \
             <svg><title>icon</title></svg>Ladder<script>x()</script></h1>",
        );
        assert_eq!(t, Some(("Rope Ladder".into(), Source::Heading)));
        // UTF-8 read as Windows-1252 is set right.
        assert_eq!(tidy_title("A Sailorâ€™s Guide"), "A Sailor’s Guide");
        assert_eq!(
            tidy_title("A Sailor\u{e2}\u{80}\u{99}s Guide"),
            "A Sailor’s Guide"
        );
        assert_eq!(tidy_title("CrusherÂ® Rope"), "Crusher® Rope");
        // Real Latin-1 text stays.
        assert_eq!(tidy_title("Â bientôt, Ã  demain"), "Â bientôt, Ã  demain");
        assert_eq!(tidy_title("Café Âge"), "Café Âge");
    }

    #[test]
    fn a_byline_gives_the_visible_date() {
        let published = |html: &str| {
            extract_meta(&Document::from(html), None)
                .published
                .map(|(t, s)| (t.to_rfc3339(), s))
        };
        let t = published(
            "<h1>Wells</h1><p class=lead>by: Ana Lopez, Dec 17, 2025</p><p>Text of 2019.</p>",
        );
        assert_eq!(
            t,
            Some(("2025-12-17T00:00:00+00:00".into(), Source::VisibleText))
        );
        let t = published(
            "<h1>Wells</h1><div class=author-details>by <a href=/ana>Ana Lopez</a> \
             on Dec 16, 2025 at 11:00 AM</div>",
        );
        assert_eq!(
            t,
            Some(("2025-12-16T11:00:00+00:00".into(), Source::VisibleText))
        );
        // "By" must be a word of its own.
        assert_eq!(published("<p>Bygone days: Dec 16, 2025</p>"), None);
    }

    #[test]
    fn heading_text_is_the_heading_as_shown() {
        let h = |html: &str| {
            let d = Document::from(html);
            heading_text(&d.select("h1").nodes()[0])
        };
        // A date line inside the heading is not the title.
        assert_eq!(
            h(
                "<h1><a href=x><time datetime=2025-12-18>Dec <span>18</span> 2025</time> Wells reach the lower village</a></h1>"
            ),
            "Wells reach the lower village"
        );
        // A span inside a word keeps it whole; one that sets a label or a
        // second line apart does not glue it to the next word.
        assert_eq!(
            h("<h1>Planning <span class=c>C</span>ycle</h1>"),
            "Planning Cycle"
        );
        assert_eq!(
            h("<h1><span>Tools Compared</span><span>Top Picks for Teams</span></h1>"),
            "Tools Compared Top Picks for Teams"
        );
        assert_eq!(
            h("<h1>Title:<span>AlignMerge</span></h1>"),
            "Title: AlignMerge"
        );
        assert_eq!(
            h("<h1>Data Analytics<br>Agency</h1>"),
            "Data Analytics Agency"
        );
        // A forum thread's prefix label.
        assert_eq!(
            h(
                "<h1><span class=\"label label--primary\">Tips</span><span class=label-append>&nbsp;</span>Wells or cisterns?</h1>"
            ),
            "Wells or cisterns?"
        );
    }

    #[test]
    fn titles_are_tidied() {
        assert_eq!(tidy_title("Sand &#x26; Gra\u{00AD}vel"), "Sand & Gravel");
        assert_eq!(
            tidy_title("A &amp; B &#8217;s &nbsp;x"),
            "A & B \u{2019}s x"
        );
        // Text that merely holds an ampersand stays as it is.
        assert_eq!(
            tidy_title("R&D at 5&6 &unknown; &"),
            "R&D at 5&6 &unknown; &"
        );
        // The zero-width non-joiner of Persian words is kept.
        assert_eq!(tidy_title("سیلاب\u{200C}ها\u{200B}"), "سیلاب\u{200C}ها");
        // Direction marks and embeddings are invisible.
        assert_eq!(tidy_title("\u{202A}Ana Lopez\u{202C}\u{200E}"), "Ana Lopez");
        assert_eq!(
            without_source("Wells reach the lower village (example.org)"),
            "Wells reach the lower village"
        );
        assert_eq!(
            without_source("Wells reach the lower village (2025)"),
            "Wells reach the lower village (2025)"
        );
        assert_eq!(without_source("(example.org)"), "(example.org)");
        assert_eq!(
            without_source("Wells reach the lower village (example.org) 87"),
            "Wells reach the lower village"
        );
        assert_eq!(without_source("Top 10 (2025) 87"), "Top 10 (2025) 87");
        assert_eq!(
            strip_site("Harbour Board • View topic - Which pump for a deep well?"),
            "Which pump for a deep well?"
        );
        assert_eq!(
            strip_site("Which pump for a deep well? / Wells and Pumps / Village Forums"),
            "Which pump for a deep well?"
        );
        assert_eq!(
            strip_site("Ferry timetables 2026 / 2027"),
            "Ferry timetables 2026 / 2027"
        );
        assert!(all_caps("TIPS FOR ONLINE SUCCESS"));
        assert!(!all_caps("Tips for Online Success"));
        assert!(!all_caps("سیلاب در هرات"));
    }

    #[test]
    fn names_are_split_and_cleaned() {
        assert_eq!(
            split_names("By Ana Lopez and Bo Chen"),
            vec!["Ana Lopez", "Bo Chen"]
        );
        assert_eq!(
            split_names("https://example.org/staff/ana"),
            Vec::<String>::new()
        );
        assert_eq!(
            split_names("مریم احمدی و علی رضایی"),
            vec!["مریم احمدی", "علی رضایی"]
        );
        // Labels before the names go, in each language; a name that only
        // starts like one stays.
        for (byline, names) in [
            ("Author: Ana Lopez", vec!["Ana Lopez"]),
            (
                "Written by Ana Lopez & Bo Chen",
                vec!["Ana Lopez", "Bo Chen"],
            ),
            ("BY ANA LOPEZ", vec!["ANA LOPEZ"]),
            ("Byron Katz", vec!["Byron Katz"]),
            ("Authority Staff", vec!["Authority Staff"]),
            ("نویسنده: مریم احمدی", vec!["مریم احمدی"]),
            ("گزارشگر: علی رضایی", vec!["علی رضایی"]),
            ("به قلم مریم احمدی", vec!["مریم احمدی"]),
            ("لیکوال: احمد شاه", vec!["احمد شاه"]),
            ("بقلم أحمد علي", vec!["أحمد علي"]),
            // The same labels typed with Arabic yeh or kaf.
            ("نويسنده: مریم احمدی", vec!["مریم احمدی"]),
            ("الكاتب: أحمد علي", vec!["أحمد علي"]),
            ("Ana Lopez, MS, RD", vec!["Ana Lopez"]),
            ("Ana Lopez, Ph.D.", vec!["Ana Lopez"]),
            ("Written By", vec![]),
            ("2023 11:23 am", vec![]),
            ("Sat, 20 Dec, 2025 - 06:36", vec![]),
            ("LingoLover94", vec!["LingoLover94"]),
            ("Satya", vec!["Satya"]),
            ("Maria &amp; Katerina", vec!["Maria", "Katerina"]),
            ("AP", vec!["AP"]),
            ("Rebecca Lake, CEPF®", vec!["Rebecca Lake"]),
            ("Dylan Bailey, MS, RD, FAND", vec!["Dylan Bailey"]),
            ("\"David Kim\"", vec!["David Kim"]),
            ("Ana Lopez, Bo Chen", vec!["Ana Lopez", "Bo Chen"]),
        ] {
            assert_eq!(split_names(byline), names, "{byline}");
        }
    }

    /// The bylines of a page whose body holds `body` after its headline.
    fn byline_in(body: &str) -> Option<Vec<String>> {
        let html = format!("<html><body><h1>Wells</h1>{body}<p>Text.</p></body></html>");
        extract_meta(&Document::from(html.as_str()), None)
            .bylines
            .map(|(b, _)| b)
    }

    #[test]
    fn a_microdata_author_card_gives_its_name() {
        // A question's asker: the name, not the reputation and badges.
        assert_eq!(
            byline_in(
                "<div class=user-details itemprop=author itemscope itemtype=http://schema.org/Person>\
                 <a href=/users/1>Mina Karimi</a><meta itemprop=name content=\"Mina Karimi\">\
                 <div><span>30.5k</span><span>18 gold badges</span></div></div>"
            ),
            Some(vec!["Mina Karimi".to_string()])
        );
        // A comment's author: the hidden name, then a dash and a link.
        assert_eq!(
            byline_in(
                "<div itemprop=author itemscope><div class=d-none itemprop=name>Joe</div>\
                 &ndash;&nbsp;<a href=/users/67/joe>Joe</a></div>"
            ),
            Some(vec!["Joe".to_string()])
        );
    }

    #[test]
    fn visible_bylines_before_their_date_and_user_cards() {
        let byline = |line: &str| byline_in(&format!("<div class=\"byline\">{line}</div>"));
        assert_eq!(byline("Andrew Gerrand 4 August 2010"), None);
        assert_eq!(
            byline("Written By: Tom May"),
            Some(vec!["Tom May".to_string()])
        );
        assert_eq!(
            byline("By Ana Lopez on Dec 16, 2025 at 9:30 am"),
            Some(vec!["Ana Lopez".to_string()])
        );
        assert_eq!(
            byline("By: Ana Lopez | 16.12.2025"),
            Some(vec!["Ana Lopez".to_string()])
        );
        assert_eq!(
            byline("نویسنده: مریم احمدی ۲۱ عقرب ۱۴۰۳"),
            Some(vec!["مریم احمدی".to_string()])
        );
        assert_eq!(
            byline("latawiec Member Joined Oct 28, 2023 Posts 267"),
            None
        );
        assert_eq!(byline("Sun Dec 17, 2023 11:23 am"), None);
        // phpBB: "by NAME » date".
        assert_eq!(
            byline("by galitsyn » 11. Sep 2024, 18:36"),
            Some(vec!["galitsyn".to_string()])
        );
    }

    #[test]
    fn json_ld_graph_and_offsets() {
        let html = r#"<html lang="en"><head>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Example Wire"},
 {"@type":"NewsArticle","headline":"A headline","datePublished":"2024-11-11T09:30:00",
  "author":[{"@type":"Person","name":"Ana Lopez"},{"@type":"Person","name":"Bo Chen"}]}]}</script>
<meta property="article:published_time" content="2024-11-11T09:30:00+04:30">
</head><body><h1>A headline</h1></body></html>"#;
        let doc = Document::from(html);
        let m = extract_meta(&doc, None);
        assert_eq!(m.title, Some(("A headline".into(), Source::Heading)));
        assert_eq!(m.bylines.unwrap().0, vec!["Ana Lopez", "Bo Chen"]);
        let (t, s) = m.published.unwrap();
        assert_eq!(t.to_rfc3339(), "2024-11-11T09:30:00+04:30");
        assert_eq!(s, Source::ArticleMeta);
        assert_eq!(m.site_name, Some(("Example Wire".into(), Source::JsonLd)));
        assert!(m.ld_types.contains(&"NewsArticle".to_string()));
    }

    #[test]
    fn json_ld_main_entity_is_the_post() {
        // A forum thread: the page's main entity is the first post, by
        // its author and on its day; the replies' cards come later.
        let html = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org",
 "@type":"WebPage","name":"Wells of the valley","mainEntity":{"@type":"DiscussionForumPosting",
 "headline":"Wells of the valley","datePublished":"2024-03-06T02:52:19+00:00",
 "author":{"@type":"Person","name":"Mina"}}}</script></head><body><h1>Wells of the valley</h1>
<section itemprop="author" itemscope><span itemprop="name">Omid</span></section>
<time datetime="2024-03-06T11:53:36+00:00">Mar 6</time></body></html>"#;
        let m = extract_meta(&Document::from(html), None);
        assert_eq!(m.bylines, Some((vec!["Mina".to_string()], Source::JsonLd)));
        assert_eq!(
            m.published.map(|(t, s)| (t.to_rfc3339(), s)),
            Some(("2024-03-06T02:52:19+00:00".to_string(), Source::JsonLd))
        );
        // A reference alone names no post: the full object stays the
        // article.
        let html = r#"<html><head><script type="application/ld+json">[
 {"@type":"WebPage","name":"Costs","mainEntity":{"@type":"Article","@id":"https://e.org/#a"}},
 {"@type":"Article","@id":"https://e.org/#a","headline":"Costs","author":{"@type":"Organization","name":"Homes"}}]
</script></head><body><h1>Costs</h1></body></html>"#;
        let m = extract_meta(&Document::from(html), None);
        assert_eq!(m.bylines, Some((vec!["Homes".to_string()], Source::JsonLd)));
    }
}
