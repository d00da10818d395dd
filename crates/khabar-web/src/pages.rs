//! The HTML pages. Handlers gather a bounded amount of data (no query per
//! item of an unbounded list), turn it into plain view structs with every
//! link already checked, and render a compiled askama template, which
//! escapes every value.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, LazyLock};

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use khabar_model::{
    Article, ArticleId, BlockKind, EntityId, EntityKind, Figure, Quote, SourceDraft, SourceKind,
    SourceOrigin, StoryId,
};
use khabar_store::{ArticleQuery, LedgerQuery, StoryQuery};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::error::AppError;
use crate::search::{SearchRequest, Sort, check_query, sanitize_snippet};
use crate::security::{Q, SESSION_COOKIE};
use crate::view::{self, Link, ago, cut, enc, local_time, web_url, when};
use crate::{AppState, chart};

type St = State<Arc<AppState>>;
type PageResult = Result<Response, AppError>;

fn render(t: &impl Template) -> PageResult {
    Ok(Html(t.render()?).into_response())
}

// ------------------------------------------------------------------ CSS

const CSS: &str = include_str!("../static/khabar.css");

/// The stylesheet's address carries a hash of its content, so it can be
/// cached for a year and still change with a new build.
static CSS_HREF: LazyLock<String> = LazyLock::new(|| {
    let h = Sha256::digest(CSS.as_bytes());
    let hex: String = h.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("/static/khabar.{hex}.css")
});

pub(crate) const CSS_ROUTE: &str = "/static/{file}";

pub fn css_href() -> &'static str {
    &CSS_HREF
}

pub(crate) async fn css(Path(file): Path<String>) -> PageResult {
    if format!("/static/{file}") != *CSS_HREF {
        return Err(AppError::NotFound("no such file".into()));
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        CSS,
    )
        .into_response())
}

// ------------------------------------------------------------ view rows

/// The language tag to put in `lang=""`.
fn lang_of(a: &Article) -> Option<String> {
    a.lang.as_ref().map(|l| l.as_str().to_string())
}

fn date_of(a: &Article) -> String {
    match &a.published_at {
        Some(t) => local_time(t),
        None => when(a).format("%Y-%m-%d %H:%M UTC").to_string(),
    }
}

fn search_link(q: &str) -> String {
    format!("/search?q={}", enc(q))
}

/// `field:"value"` with the value's quotes removed so it stays one term.
fn field_term(field: &str, value: &str) -> String {
    format!("{field}:\"{}\"", value.replace('"', " ").trim())
}

fn topic_link(t: &str) -> Link {
    Link {
        href: search_link(&field_term("topic", t)),
        text: t.to_string(),
    }
}

pub(crate) struct QuoteRow {
    pub speaker: String,
    pub speaker_href: Option<String>,
    pub quote: String,
    pub sentence: String,
    pub article_href: String,
    pub article_title: String,
    pub outlet: Option<String>,
    pub date: String,
    pub when_iso: String,
    pub lang: Option<String>,
}

pub(crate) struct FigureRow {
    pub value: String,
    pub about: String,
    pub cited_source: Option<String>,
    pub sentence: String,
    pub article_href: String,
    pub article_title: String,
    pub outlet: Option<String>,
    pub date: String,
    pub when_iso: String,
    pub lang: Option<String>,
}

/// The articles with these ids, read once each.
async fn articles_by_id(
    st: &AppState,
    ids: Vec<ArticleId>,
) -> Result<HashMap<ArticleId, Article>, AppError> {
    let mut out = HashMap::new();
    for id in ids {
        if out.contains_key(&id) {
            continue;
        }
        if let Some(a) = st.store.get_article(id).await? {
            out.insert(id, a);
        }
    }
    Ok(out)
}

fn quote_rows(quotes: &[Quote], arts: &HashMap<ArticleId, Article>) -> Vec<QuoteRow> {
    quotes
        .iter()
        .filter_map(|q| {
            let a = arts.get(&q.article)?;
            Some(QuoteRow {
                speaker: q.speaker.clone(),
                speaker_href: q.speaker_entity.map(|e| format!("/entity/{}", e.0)),
                quote: q.quote.clone(),
                sentence: q.sentence.clone(),
                article_href: format!("/article/{}", a.id.0),
                article_title: a.title.clone(),
                outlet: a.source.clone(),
                date: date_of(a),
                when_iso: when(a).to_rfc3339(),
                lang: lang_of(a),
            })
        })
        .collect()
}

/// `over 1,200 people`, `about 3.5 %`.
pub(crate) fn figure_value(f: &Figure) -> String {
    let mut s = String::new();
    if let Some(a) = f.approx {
        s.push_str(&a.as_str().replace('_', " "));
        s.push(' ');
    }
    s.push_str(&number(f.value));
    if let Some(u) = f.unit.as_deref().filter(|u| !u.is_empty()) {
        s.push(' ');
        s.push_str(u);
    }
    s
}

/// A number with thousands separators and no needless decimals.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        format!("{v}")
    }
}

fn figure_rows(figures: &[Figure], arts: &HashMap<ArticleId, Article>) -> Vec<FigureRow> {
    figures
        .iter()
        .filter_map(|f| {
            let a = arts.get(&f.article)?;
            Some(FigureRow {
                value: figure_value(f),
                about: f.about.clone(),
                cited_source: f.cited_source.clone(),
                sentence: f.sentence.clone(),
                article_href: format!("/article/{}", a.id.0),
                article_title: a.title.clone(),
                outlet: a.source.clone(),
                date: date_of(a),
                when_iso: when(a).to_rfc3339(),
                lang: lang_of(a),
            })
        })
        .collect()
}

/// Offset of a page (1-based) of `per` items, bounded.
fn page_offset(page: Option<u32>, per: u32) -> u32 {
    page.unwrap_or(1).clamp(1, 500).saturating_sub(1) * per
}

fn pager(base: &str, page: u32, has_next: bool) -> (Option<String>, Option<String>) {
    let sep = if base.contains('?') { '&' } else { '?' };
    let prev = (page > 1).then(|| format!("{base}{sep}page={}", page - 1));
    let next = has_next.then(|| format!("{base}{sep}page={}", page + 1));
    (prev, next)
}

// ---------------------------------------------------------------- front

pub(crate) struct Card {
    pub href: String,
    pub title: String,
    pub lang: Option<String>,
    pub teaser: Option<String>,
    pub outlets: Vec<String>,
    pub count: usize,
    pub ago: String,
    pub when_iso: String,
    pub topics: Vec<Link>,
    pub links: Vec<Link>,
}

#[derive(Template)]
#[template(path = "front.html")]
struct FrontPage {
    title: String,
    cards: Vec<Card>,
}

/// Stories looked at for the front page (the newest, and as many of the
/// largest of the last `FRONT_HOURS`), and shown.
const FRONT_CANDIDATES: u32 = 60;
const FRONT_HOURS: i64 = 48;
const FRONT_SHOWN: usize = 30;
/// Members of a story read for its card (teaser, topics, read-more links).
const CARD_MEMBERS: usize = 4;

/// Coverage weighed against age: each outlet counts, halved every 12 hours.
fn rank(outlets: usize, members: usize, last: DateTime<Utc>, now: DateTime<Utc>) -> f64 {
    let hours = (now - last).num_minutes().max(0) as f64 / 60.0;
    (outlets.max(1) as f64 + 0.25 * members as f64) * 0.5f64.powf(hours / 12.0)
}

pub(crate) async fn front(State(st): St) -> PageResult {
    let now = Utc::now();
    let mut stories = st
        .store
        .list_stories(&StoryQuery {
            limit: Some(FRONT_CANDIDATES),
            ..Default::default()
        })
        .await?;
    // In a busy stream the newest stories may all be a few minutes old: the
    // large stories of the last two days are candidates too. The two days
    // end at the newest story, so an archive imported today still has them.
    if let Some(newest) = stories.first().map(|s| s.last_seen) {
        let largest = st
            .store
            .list_stories(&StoryQuery {
                since: Some(newest - chrono::TimeDelta::hours(FRONT_HOURS)),
                largest: true,
                limit: Some(FRONT_CANDIDATES),
                ..Default::default()
            })
            .await?;
        for s in largest {
            if !stories.iter().any(|x| x.id == s.id) {
                stories.push(s);
            }
        }
    }
    let mut cards = Vec::new();
    if stories.is_empty() {
        // Before the stories stage has run, each article is its own story.
        let articles = st
            .store
            .list_articles(&ArticleQuery {
                limit: Some(FRONT_SHOWN as u32),
                ..Default::default()
            })
            .await?;
        for a in articles {
            cards.push(Card {
                href: format!("/article/{}", a.id.0),
                title: a.title.clone(),
                lang: lang_of(&a),
                teaser: a
                    .teaser
                    .clone()
                    .or_else(|| a.paragraphs.first().map(|p| cut(p, 280))),
                outlets: a.source.clone().into_iter().collect(),
                count: 1,
                ago: ago(when(&a), now),
                when_iso: when(&a).to_rfc3339(),
                topics: a.topics.iter().map(|t| topic_link(t)).collect(),
                links: web_url(a.url.as_deref())
                    .map(|href| Link {
                        href,
                        text: a.source.clone().unwrap_or_else(|| "original".into()),
                    })
                    .into_iter()
                    .collect(),
            });
        }
    } else {
        stories.sort_by(|a, b| {
            rank(b.outlets.len(), b.members.len(), b.last_seen, now).total_cmp(&rank(
                a.outlets.len(),
                a.members.len(),
                a.last_seen,
                now,
            ))
        });
        stories.truncate(FRONT_SHOWN);
        for s in stories {
            let ids: Vec<ArticleId> = s
                .members
                .iter()
                .filter(|m| m.duplicate_of.is_none())
                .take(CARD_MEMBERS)
                .map(|m| m.article)
                .collect();
            let mut arts = Vec::new();
            for id in ids {
                if let Some(a) = st.store.get_article(id).await? {
                    arts.push(a);
                }
            }
            let lead = arts
                .iter()
                .find(|a| a.title == s.title)
                .or_else(|| arts.first());
            let mut topics: Vec<String> = Vec::new();
            for t in arts.iter().flat_map(|a| a.topics.iter()) {
                if !topics.contains(t) && topics.len() < 5 {
                    topics.push(t.clone());
                }
            }
            cards.push(Card {
                href: format!("/story/{}", s.id.0),
                title: s.title.clone(),
                lang: lead.and_then(lang_of),
                teaser: lead.and_then(|a| {
                    a.teaser
                        .clone()
                        .or_else(|| a.paragraphs.first().map(|p| cut(p, 280)))
                }),
                outlets: s.outlets.clone(),
                count: s.members.len(),
                ago: ago(s.last_seen, now),
                when_iso: s.last_seen.to_rfc3339(),
                topics: topics.iter().map(|t| topic_link(t)).collect(),
                links: arts
                    .iter()
                    .filter_map(|a| {
                        Some(Link {
                            href: web_url(a.url.as_deref())?,
                            text: a.source.clone().unwrap_or_else(|| "original".into()),
                        })
                    })
                    .collect(),
            });
        }
    }
    render(&FrontPage {
        title: "Stories".into(),
        cards,
    })
}

// ---------------------------------------------------------------- story

pub(crate) struct MemberRow {
    pub href: String,
    pub title: String,
    pub lang: Option<String>,
    pub dir: &'static str,
    pub outlet: Option<String>,
    pub time: String,
    pub when_iso: String,
    pub teaser: Option<String>,
    pub why: String,
    pub original: Option<String>,
    /// Duplicates of this article: "also published by …".
    pub also: Vec<Link>,
}

#[derive(Template)]
#[template(path = "story.html")]
struct StoryPage {
    title: String,
    story_title: String,
    lang: Option<String>,
    count: usize,
    outlets: Vec<String>,
    first: String,
    first_iso: String,
    last: String,
    last_iso: String,
    truncated: bool,
    members: Vec<MemberRow>,
    quotes: Vec<QuoteRow>,
    figures: Vec<FigureRow>,
}

/// Members of a story shown (and read) on its page.
const STORY_MEMBERS: usize = 200;
/// Members whose quotes and figures are gathered.
const STORY_LEDGER_MEMBERS: usize = 50;

fn parse_id(raw: &str, what: &str) -> Result<i64, AppError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| AppError::NotFound(format!("there is no {what} with this id")))
}

pub(crate) async fn story(State(st): St, Path(raw): Path<String>) -> PageResult {
    let id = parse_id(&raw, "story")?;
    let s = st
        .store
        .get_story(StoryId(id))
        .await?
        .ok_or_else(|| AppError::NotFound(format!("there is no story {id}")))?;
    let truncated = s.members.len() > STORY_MEMBERS;
    let members = &s.members[..s.members.len().min(STORY_MEMBERS)];
    let arts = articles_by_id(&st, members.iter().map(|m| m.article).collect()).await?;
    let mut rows: Vec<(DateTime<Utc>, ArticleId, MemberRow)> = Vec::new();
    let mut dups: Vec<(ArticleId, Link)> = Vec::new();
    for m in members {
        let Some(a) = arts.get(&m.article) else {
            continue;
        };
        if let Some(orig) = m.duplicate_of.filter(|o| arts.contains_key(o)) {
            dups.push((
                orig,
                Link {
                    href: format!("/article/{}", a.id.0),
                    text: a.source.clone().unwrap_or_else(|| a.title.clone()),
                },
            ));
            continue;
        }
        rows.push((
            when(a),
            a.id,
            MemberRow {
                href: format!("/article/{}", a.id.0),
                title: a.title.clone(),
                lang: lang_of(a),
                dir: view::dir(a.lang.as_ref()),
                outlet: a.source.clone(),
                time: date_of(a),
                when_iso: when(a).to_rfc3339(),
                teaser: a.teaser.clone(),
                why: m.why.clone(),
                original: web_url(a.url.as_deref()),
                also: Vec::new(),
            },
        ));
    }
    for (orig, link) in dups {
        if let Some(r) = rows.iter_mut().find(|r| r.1 == orig) {
            r.2.also.push(link);
        }
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut quotes = Vec::new();
    let mut figures = Vec::new();
    for m in members.iter().take(STORY_LEDGER_MEMBERS) {
        let q = LedgerQuery {
            article: Some(m.article),
            limit: Some(20),
            ..Default::default()
        };
        quotes.extend(st.store.list_quotes(&q).await?);
        figures.extend(st.store.list_figures(&q).await?);
    }
    let lead = members
        .iter()
        .filter_map(|m| arts.get(&m.article))
        .find(|a| a.title == s.title);
    render(&StoryPage {
        title: cut(&s.title, 80),
        story_title: s.title.clone(),
        lang: lead.and_then(lang_of),
        count: s.members.len(),
        outlets: s.outlets.clone(),
        first: s.first_seen.format("%Y-%m-%d %H:%M UTC").to_string(),
        first_iso: s.first_seen.to_rfc3339(),
        last: s.last_seen.format("%Y-%m-%d %H:%M UTC").to_string(),
        last_iso: s.last_seen.to_rfc3339(),
        truncated,
        members: rows.into_iter().map(|r| r.2).collect(),
        quotes: quote_rows(&quotes, &arts),
        figures: figure_rows(&figures, &arts),
    })
}

// -------------------------------------------------------------- article

pub(crate) struct TopicRow {
    pub label: String,
    pub href: String,
    pub evidence: Vec<String>,
}

pub(crate) struct EntityRow {
    pub name: String,
    pub href: String,
    pub kind: &'static str,
    pub count: u32,
}

/// An embedded social media post, as the reader lists it.
struct EmbedRow {
    platform: &'static str,
    author: Option<String>,
    handle: Option<String>,
    posted: Option<String>,
    /// The words, only for a post whose words are not in the body (the
    /// body holds a post with words as a quote).
    text: Option<String>,
    /// The post's address, when it is a web address.
    href: Option<String>,
    /// "the video" or "the post".
    label: &'static str,
}

fn embed_rows(a: &Article) -> Vec<EmbedRow> {
    a.embeds
        .iter()
        .map(|e| EmbedRow {
            platform: e.platform.name(),
            author: e.author.clone().filter(|s| !s.trim().is_empty()),
            handle: e.handle.clone().filter(|s| !s.trim().is_empty()),
            posted: e.posted.clone().filter(|s| !s.trim().is_empty()),
            text: Some(e.text.clone()).filter(|t| {
                let t = t.trim();
                !t.is_empty() && !a.paragraphs.iter().any(|p| p.contains(t))
            }),
            href: web_url(e.url.as_deref()),
            label: if e.platform.is_video() {
                "the video"
            } else {
                "the post"
            },
        })
        .collect()
}

/// One piece of an article's body as the reader shows it: `kind` is
/// `p`, `h` (a heading), `q` (a block quote), `pre` or `list` (consecutive
/// list items, in `items`).
struct BodyPart {
    kind: &'static str,
    text: String,
    items: Vec<String>,
}

/// The stored paragraphs with their kinds, list items gathered into lists.
fn body_parts(a: &Article) -> Vec<BodyPart> {
    let mut out: Vec<BodyPart> = Vec::new();
    for (i, p) in a.paragraphs.iter().enumerate() {
        let kind = match a.kind(i) {
            BlockKind::Paragraph => "p",
            BlockKind::Heading => "h",
            BlockKind::Quote => "q",
            BlockKind::Preformatted => "pre",
            BlockKind::ListItem => {
                match out.last_mut() {
                    Some(list) if list.kind == "list" => list.items.push(p.clone()),
                    _ => out.push(BodyPart {
                        kind: "list",
                        text: String::new(),
                        items: vec![p.clone()],
                    }),
                }
                continue;
            }
        };
        out.push(BodyPart {
            kind,
            text: p.clone(),
            items: Vec::new(),
        });
    }
    out
}

#[derive(Template)]
#[template(path = "article.html")]
struct ArticlePage {
    title: String,
    article_title: String,
    lang: Option<String>,
    dir: &'static str,
    byline: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    /// When the outlet says it changed the article, when that is not the
    /// publication time: as written, and RFC 3339.
    modified: Option<(String, String)>,
    fetched: String,
    when_iso: String,
    original: Option<String>,
    archive_href: Option<String>,
    archive_sha: String,
    story_href: Option<String>,
    teaser: Option<String>,
    body: Vec<BodyPart>,
    embeds: Vec<EmbedRow>,
    topics: Vec<TopicRow>,
    entities: Vec<EntityRow>,
    quotes: Vec<QuoteRow>,
    figures: Vec<FigureRow>,
}

pub(crate) async fn article(State(st): St, Path(raw): Path<String>) -> PageResult {
    let id = parse_id(&raw, "article")?;
    let a = st
        .store
        .get_article(ArticleId(id))
        .await?
        .ok_or_else(|| AppError::NotFound(format!("there is no article {id}")))?;
    let details = st.store.article_details(a.id).await?;
    let evidence: HashMap<&str, &Vec<String>> = details
        .topic_evidence
        .iter()
        .map(|(t, w)| (t.as_str(), w))
        .collect();
    let arts = HashMap::from([(a.id, a.clone())]);
    let teaser = a
        .teaser
        .clone()
        .filter(|t| !a.paragraphs.iter().any(|p| p.trim() == t.trim()));
    render(&ArticlePage {
        title: cut(&a.title, 80),
        article_title: a.title.clone(),
        lang: lang_of(&a),
        dir: view::dir(a.lang.as_ref()),
        byline: a.byline.clone().filter(|b| !b.trim().is_empty()),
        outlet: a.source.clone(),
        published: a.published_at.as_ref().map(local_time),
        modified: a
            .modified_at
            .filter(|m| Some(*m) != a.published_at)
            .map(|m| (local_time(&m), m.to_rfc3339())),
        fetched: a.fetched_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        when_iso: when(&a).to_rfc3339(),
        original: web_url(a.url.as_deref()),
        archive_href: a
            .archive
            .as_ref()
            .filter(|_| st.archive_dir.is_some())
            .map(|_| format!("/article/{}/archive", a.id.0)),
        archive_sha: a
            .archive
            .as_ref()
            .map(|r| cut(&r.sha256, 12))
            .unwrap_or_default(),
        story_href: a.story.map(|s| format!("/story/{}", s.0)),
        teaser,
        body: body_parts(&a),
        embeds: embed_rows(&a),
        topics: a
            .topics
            .iter()
            .map(|t| TopicRow {
                label: t.clone(),
                href: search_link(&field_term("topic", t)),
                evidence: evidence
                    .get(t.as_str())
                    .map(|w| w.to_vec())
                    .unwrap_or_default(),
            })
            .collect(),
        entities: details
            .entities
            .iter()
            .map(|(e, n)| EntityRow {
                name: e.name.clone(),
                href: format!("/entity/{}", e.id.0),
                kind: e.kind.as_str(),
                count: *n,
            })
            .collect(),
        quotes: quote_rows(&details.quotes, &arts),
        figures: figure_rows(&details.figures, &arts),
    })
}

#[derive(Debug, Deserialize)]
pub(crate) struct ArchiveQuery {
    #[serde(default)]
    download: Option<String>,
}

/// The archived response body exactly as received, as plain text (or a
/// download): never as HTML, and sandboxed even if a browser sniffed it.
pub(crate) async fn archive(
    State(st): St,
    Path(raw): Path<String>,
    Q(q): Q<ArchiveQuery>,
) -> PageResult {
    let id = parse_id(&raw, "article")?;
    let a = st
        .store
        .get_article(ArticleId(id))
        .await?
        .ok_or_else(|| AppError::NotFound(format!("there is no article {id}")))?;
    let (Some(r), Some(dir)) = (a.archive.clone(), st.archive_dir.clone()) else {
        return Err(AppError::NotFound(
            "this article has no archived copy".into(),
        ));
    };
    let rec = tokio::task::spawn_blocking(move || {
        khabar_archive::Archive::open_read_only(&dir, Default::default())?.read(&r)
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
    .map_err(|e| AppError::Internal(format!("archive of article {id}: {e}")))?;
    let mut resp = rec.body.into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox"),
    );
    let disposition = if q.download.is_some() {
        format!("attachment; filename=\"khabar-article-{id}.bin\"")
    } else {
        "inline".to_string()
    };
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&rec.payload_sha256) {
        h.insert("x-khabar-payload-sha256", v);
    }
    // A page imported from another crawler's WARC file names its source.
    if let Some(v) = rec
        .copied_from
        .as_deref()
        .and_then(|c| HeaderValue::from_str(c).ok())
    {
        h.insert("x-khabar-copied-from", v);
    }
    Ok(resp)
}

// --------------------------------------------------------------- search

#[derive(Debug, Deserialize, Default)]
pub(crate) struct SearchParams {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub sort: Option<Sort>,
    #[serde(default)]
    pub page: Option<u32>,
}

pub(crate) struct HitRow {
    pub href: String,
    pub title: String,
    pub lang: Option<String>,
    pub outlet: Option<String>,
    pub date: String,
    pub when_iso: String,
    pub snippet: String,
}

pub(crate) struct FacetValue {
    pub href: String,
    pub text: String,
    pub count: u64,
}

pub(crate) struct FacetBlock {
    pub name: &'static str,
    pub values: Vec<FacetValue>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPageT {
    title: String,
    q: String,
    by_date: bool,
    total: u64,
    from: u64,
    to: u64,
    hits: Vec<HitRow>,
    facets: Vec<FacetBlock>,
    /// Facet counts shown as `≈ n`.
    facets_estimated: bool,
    histogram: Option<String>,
    sort_href: String,
    atom_href: String,
    prev_href: Option<String>,
    next_href: Option<String>,
}

const SEARCH_PER_PAGE: u32 = 20;

pub(crate) async fn search(State(st): St, Q(p): Q<SearchParams>) -> PageResult {
    let q = p.q.trim().to_string();
    let sort = p.sort.unwrap_or_default();
    let by_date = sort == Sort::Date;
    let page = p.page.unwrap_or(1).clamp(1, 500);
    let empty = SearchPageT {
        title: "Search".into(),
        q: q.clone(),
        by_date,
        total: 0,
        from: 0,
        to: 0,
        hits: vec![],
        facets: vec![],
        facets_estimated: false,
        histogram: None,
        sort_href: String::new(),
        atom_href: String::new(),
        prev_href: None,
        next_href: None,
    };
    if q.is_empty() {
        return render(&empty);
    }
    check_query(&q).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let req = SearchRequest {
        q: q.clone(),
        sort,
        limit: SEARCH_PER_PAGE,
        offset: page_offset(Some(page), SEARCH_PER_PAGE),
    };
    let res = st.search().search(&req).await.map_err(search_error)?;
    let base = format!(
        "/search?q={}{}",
        enc(&q),
        if by_date { "&sort=date" } else { "" }
    );
    let (prev_href, next_href) = pager(
        &base,
        page,
        u64::from(req.offset) + (res.hits.len() as u64) < res.total,
    );
    let facets = ["outlet", "lang", "topic", "entity"]
        .into_iter()
        .filter_map(|name| {
            let vals = res.facets.get(name)?;
            if vals.is_empty() {
                return None;
            }
            Some(FacetBlock {
                name,
                values: vals
                    .iter()
                    .take(12)
                    .map(|v| FacetValue {
                        href: search_link(&format!("{q} {}", field_term(name, &v.value))),
                        text: v.value.clone(),
                        count: v.count,
                    })
                    .collect(),
            })
        })
        .collect();
    let from = u64::from(req.offset) + 1;
    render(&SearchPageT {
        title: format!("Search: {}", cut(&q, 60)),
        by_date,
        total: res.total,
        from: from.min(res.total),
        to: u64::from(req.offset) + res.hits.len() as u64,
        hits: res
            .hits
            .iter()
            .map(|h| HitRow {
                href: format!("/article/{}", h.id.0),
                title: h.title.clone(),
                lang: h.lang.clone(),
                outlet: h.outlet.clone(),
                date: h.published.format("%Y-%m-%d").to_string(),
                when_iso: h.published.to_rfc3339(),
                snippet: sanitize_snippet(&h.snippet_html),
            })
            .collect(),
        facets,
        facets_estimated: res.facets_estimated,
        histogram: chart::histogram_svg(&res.histogram),
        sort_href: format!(
            "/search?q={}{}",
            enc(&q),
            if by_date { "" } else { "&sort=date" }
        ),
        atom_href: format!("/search.atom?q={}", enc(&q)),
        prev_href,
        next_href,
        q,
    })
}

pub(crate) fn search_error(e: crate::SearchError) -> AppError {
    match e {
        crate::SearchError::Query(m) => AppError::BadRequest(m),
        crate::SearchError::Failed(m) => AppError::Internal(m),
    }
}

// --------------------------------------------------------------- entity

pub(crate) struct ArticleRow {
    pub href: String,
    pub title: String,
    pub lang: Option<String>,
    pub outlet: Option<String>,
    pub date: String,
    pub when_iso: String,
}

#[derive(Template)]
#[template(path = "entity.html")]
struct EntityPage {
    title: String,
    name: String,
    kind: &'static str,
    mentions: u64,
    articles: u64,
    aliases: Vec<String>,
    search_href: String,
    quotes_href: Option<String>,
    chart: Option<String>,
    recent: Vec<ArticleRow>,
    quotes: Vec<QuoteRow>,
}

pub(crate) async fn entity(State(st): St, Path(raw): Path<String>) -> PageResult {
    let id = parse_id(&raw, "entity")?;
    let e = st
        .store
        .get_entity(EntityId(id))
        .await?
        .ok_or_else(|| AppError::NotFound(format!("there is no entity {id}")))?;
    let timeline = st.store.entity_timeline(e.entity.id).await?;
    let recent = st.store.entity_articles(e.entity.id, 20).await?;
    let quotes = st
        .store
        .list_quotes(&LedgerQuery {
            entity: Some(e.entity.id),
            limit: Some(20),
            ..Default::default()
        })
        .await?;
    let arts = articles_by_id(&st, quotes.iter().map(|q| q.article).collect()).await?;
    let person_or_org = e.entity.kind != EntityKind::Place;
    render(&EntityPage {
        title: cut(&e.entity.name, 80),
        name: e.entity.name.clone(),
        kind: e.entity.kind.as_str(),
        mentions: e.mentions,
        articles: e.articles,
        aliases: e
            .entity
            .aliases
            .iter()
            .filter(|a| **a != e.entity.name)
            .cloned()
            .collect(),
        search_href: search_link(&field_term("entity", &e.entity.name)),
        quotes_href: person_or_org.then(|| format!("/quotes?speaker={}", enc(&e.entity.name))),
        chart: chart::timeline_svg(&timeline),
        recent: recent
            .iter()
            .map(|a| ArticleRow {
                href: format!("/article/{}", a.id.0),
                title: a.title.clone(),
                lang: lang_of(a),
                outlet: a.source.clone(),
                date: date_of(a),
                when_iso: when(a).to_rfc3339(),
            })
            .collect(),
        quotes: quote_rows(&quotes, &arts),
    })
}

#[derive(Debug, Deserialize, Default)]
pub(crate) struct EntitiesParams {
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    page: Option<u32>,
}

pub(crate) struct EntityListRow {
    pub href: String,
    pub name: String,
    pub kind: &'static str,
    pub mentions: u64,
    pub articles: u64,
}

#[derive(Template)]
#[template(path = "entities.html")]
struct EntitiesPage {
    title: String,
    rows: Vec<EntityListRow>,
    prev_href: Option<String>,
    next_href: Option<String>,
}

pub(crate) async fn entities(State(st): St, Q(p): Q<EntitiesParams>) -> PageResult {
    let kind =
        match p.kind.as_deref().filter(|k| !k.is_empty()) {
            Some(k) => Some(k.parse::<EntityKind>().map_err(|_| {
                AppError::BadRequest("kind is person, organization or place".into())
            })?),
            None => None,
        };
    const PER: u32 = 100;
    let page = p.page.unwrap_or(1).clamp(1, 500);
    let list = st
        .store
        .list_entities(kind, Some(PER + 1), page_offset(Some(page), PER))
        .await?;
    let base = match kind {
        Some(k) => format!("/entities?kind={}", k.as_str()),
        None => "/entities".into(),
    };
    let (prev_href, next_href) = pager(&base, page, list.len() > PER as usize);
    render(&EntitiesPage {
        title: "Entities".into(),
        rows: list
            .iter()
            .take(PER as usize)
            .map(|e| EntityListRow {
                href: format!("/entity/{}", e.entity.id.0),
                name: e.entity.name.clone(),
                kind: e.entity.kind.as_str(),
                mentions: e.mentions,
                articles: e.articles,
            })
            .collect(),
        prev_href,
        next_href,
    })
}

// --------------------------------------------------------------- ledgers

#[derive(Debug, Deserialize, Default)]
pub(crate) struct QuotesParams {
    #[serde(default)]
    speaker: String,
    #[serde(default)]
    page: Option<u32>,
}

#[derive(Template)]
#[template(path = "quotes.html")]
struct QuotesPage {
    title: String,
    speaker: String,
    quotes: Vec<QuoteRow>,
    prev_href: Option<String>,
    next_href: Option<String>,
}

const LEDGER_PER_PAGE: u32 = 50;

pub(crate) async fn quotes(State(st): St, Q(p): Q<QuotesParams>) -> PageResult {
    let speaker = p.speaker.trim().to_string();
    let page = p.page.unwrap_or(1).clamp(1, 500);
    let mut list = st
        .store
        .list_quotes(&LedgerQuery {
            text: Some(speaker.clone()).filter(|s| !s.is_empty()),
            limit: Some(LEDGER_PER_PAGE + 1),
            offset: page_offset(Some(page), LEDGER_PER_PAGE),
            ..Default::default()
        })
        .await?;
    let has_next = list.len() > LEDGER_PER_PAGE as usize;
    list.truncate(LEDGER_PER_PAGE as usize);
    let arts = articles_by_id(&st, list.iter().map(|q| q.article).collect()).await?;
    let (prev_href, next_href) = pager(
        &format!("/quotes?speaker={}", enc(&speaker)),
        page,
        has_next,
    );
    render(&QuotesPage {
        title: if speaker.is_empty() {
            "Quotes".into()
        } else {
            format!("Quotes: {}", cut(&speaker, 60))
        },
        quotes: quote_rows(&list, &arts),
        speaker,
        prev_href,
        next_href,
    })
}

#[derive(Debug, Deserialize, Default)]
pub(crate) struct FiguresParams {
    #[serde(default)]
    about: String,
    #[serde(default)]
    page: Option<u32>,
}

pub(crate) struct FigureGroup {
    pub value: String,
    pub rows: Vec<FigureRow>,
}

#[derive(Template)]
#[template(path = "figures.html")]
struct FiguresPage {
    title: String,
    about: String,
    groups: Vec<FigureGroup>,
    prev_href: Option<String>,
    next_href: Option<String>,
}

/// The key figures are grouped by: the value and the unit, so the same
/// number from different outlets sits side by side.
fn figure_key(f: &Figure) -> (String, String) {
    (
        number(f.value),
        f.unit.clone().unwrap_or_default().to_lowercase(),
    )
}

pub(crate) async fn figures(State(st): St, Q(p): Q<FiguresParams>) -> PageResult {
    let about = p.about.trim().to_string();
    let page = p.page.unwrap_or(1).clamp(1, 500);
    // Each figure's article is read for its outlet and title: keep pages short.
    const PER: u32 = 50;
    let mut list = st
        .store
        .list_figures(&LedgerQuery {
            text: Some(about.clone()).filter(|s| !s.is_empty()),
            limit: Some(PER + 1),
            offset: page_offset(Some(page), PER),
            ..Default::default()
        })
        .await?;
    let has_next = list.len() > PER as usize;
    list.truncate(PER as usize);
    let arts = articles_by_id(&st, list.iter().map(|f| f.article).collect()).await?;
    // Groups in the order of their newest figure.
    let mut order: Vec<(String, String)> = Vec::new();
    let mut groups: BTreeMap<(String, String), Vec<&Figure>> = BTreeMap::new();
    for f in &list {
        let k = figure_key(f);
        if !groups.contains_key(&k) {
            order.push(k.clone());
        }
        groups.entry(k).or_default().push(f);
    }
    let groups = order
        .into_iter()
        .filter_map(|k| {
            let fs: Vec<Figure> = groups.remove(&k)?.into_iter().cloned().collect();
            let value = match k.1.as_str() {
                "" => k.0.clone(),
                u => format!("{} {u}", k.0),
            };
            Some(FigureGroup {
                value,
                rows: figure_rows(&fs, &arts),
            })
        })
        .collect();
    let (prev_href, next_href) = pager(&format!("/figures?about={}", enc(&about)), page, has_next);
    render(&FiguresPage {
        title: if about.is_empty() {
            "Figures".into()
        } else {
            format!("Figures: {}", cut(&about, 60))
        },
        about,
        groups,
        prev_href,
        next_href,
    })
}

// -------------------------------------------------------------- sources

pub(crate) struct SourceRow {
    pub name: String,
    pub key: String,
    pub url: Option<String>,
    pub kind: &'static str,
    pub lang: Option<String>,
    pub origin: &'static str,
    pub articles: u64,
    pub last_fetch: Option<String>,
    pub last_fetch_iso: String,
    pub last_error: Option<String>,
    pub failures: u32,
    pub failing: bool,
    pub removable: bool,
}

#[derive(Template)]
#[template(path = "sources.html")]
struct SourcesPage {
    title: String,
    rows: Vec<SourceRow>,
    total_articles: u64,
    signed_in: bool,
    can_sign_in: bool,
    csrf: String,
}

pub(crate) async fn sources(State(st): St, headers: HeaderMap) -> PageResult {
    let states = st.store.crawl_states().await?;
    let total_articles = st.store.count_articles().await?;
    let now = Utc::now();
    let session = st
        .token
        .as_ref()
        .and_then(|_| st.sessions.current(&headers));
    let rows = states
        .iter()
        .map(|c| {
            let s = &c.source;
            SourceRow {
                name: s.name.clone(),
                key: s.name.clone(),
                url: web_url(Some(&s.url)),
                kind: s.kind.as_str(),
                lang: s.lang.as_ref().map(|l| l.as_str().to_string()),
                origin: s.origin.as_str(),
                articles: s.articles,
                last_fetch: s.last_fetch_at.map(|t| ago(t, now)),
                last_fetch_iso: s.last_fetch_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
                last_error: s.last_error.clone(),
                failures: c.failures,
                failing: s.last_error.is_some(),
                removable: s.origin != SourceOrigin::Config,
            }
        })
        .collect();
    render(&SourcesPage {
        title: "Sources".into(),
        rows,
        total_articles,
        signed_in: session.is_some(),
        can_sign_in: st.token.is_some(),
        csrf: session.map(|s| st.sessions.csrf(&s)).unwrap_or_default(),
    })
}

#[derive(Debug, Deserialize)]
pub(crate) struct AddForm {
    csrf: String,
    name: String,
    url: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    lang: String,
}

/// Checks and builds a source draft from what a form or the API gave.
pub(crate) fn source_draft(
    name: &str,
    url: &str,
    kind: Option<&str>,
    lang: Option<&str>,
    origin: SourceOrigin,
) -> Result<SourceDraft, AppError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(AppError::BadRequest(
            "a source needs a name of 1 to 200 characters".into(),
        ));
    }
    let url = web_url(Some(url)).ok_or_else(|| {
        AppError::BadRequest("a source's URL must be an http or https URL".into())
    })?;
    let kind = match kind.map(str::trim).filter(|k| !k.is_empty()) {
        Some(k) => k
            .parse::<SourceKind>()
            .map_err(|_| AppError::BadRequest("kind is feed, sitemap or page".into()))?,
        None => SourceKind::guess(&url),
    };
    let lang = match lang.map(str::trim).filter(|l| !l.is_empty()) {
        Some(l) => Some(l.parse().map_err(|_| {
            AppError::BadRequest("lang is a language code such as en or fa".into())
        })?),
        None => None,
    };
    Ok(SourceDraft {
        name: name.to_string(),
        url,
        kind,
        lang,
        origin,
        pattern: None,
    })
}

pub(crate) async fn source_add(
    State(st): St,
    headers: HeaderMap,
    Form(f): Form<AddForm>,
) -> PageResult {
    st.sessions.check_form(&headers, &f.csrf)?;
    let draft = source_draft(
        &f.name,
        &f.url,
        Some(&f.kind),
        Some(&f.lang),
        SourceOrigin::Api,
    )?;
    st.store.add_source(&draft).await?;
    Ok(Redirect::to("/sources").into_response())
}

#[derive(Debug, Deserialize)]
pub(crate) struct RemoveForm {
    csrf: String,
    key: String,
}

pub(crate) async fn source_remove(
    State(st): St,
    headers: HeaderMap,
    Form(f): Form<RemoveForm>,
) -> PageResult {
    st.sessions.check_form(&headers, &f.csrf)?;
    st.store.remove_source(f.key.trim()).await?;
    Ok(Redirect::to("/sources").into_response())
}

// ---------------------------------------------------------------- login

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    title: String,
    enabled: bool,
}

pub(crate) async fn login_form(State(st): St) -> PageResult {
    render(&LoginPage {
        title: "Sign in".into(),
        enabled: st.token.is_some(),
    })
}

#[derive(Debug, Deserialize)]
pub(crate) struct LoginForm {
    token: String,
}

pub(crate) async fn login(State(st): St, Form(f): Form<LoginForm>) -> PageResult {
    let Some(token) = st.token.as_deref() else {
        return Err(AppError::Forbidden(
            "changes from the web are disabled on this server".into(),
        ));
    };
    if !crate::security::constant_time_eq(f.token.trim().as_bytes(), token.as_bytes()) {
        return Err(AppError::Unauthorized);
    }
    let id = st.sessions.create();
    let mut resp = Redirect::to("/sources").into_response();
    let cookie = format!("{SESSION_COOKIE}={id}; Path=/; HttpOnly; SameSite=Strict");
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        resp.headers_mut().insert(header::SET_COOKIE, v);
    }
    Ok(resp)
}

#[derive(Debug, Deserialize)]
pub(crate) struct LogoutForm {
    csrf: String,
}

pub(crate) async fn logout(
    State(st): St,
    headers: HeaderMap,
    Form(f): Form<LogoutForm>,
) -> PageResult {
    let session = st.sessions.check_form(&headers, &f.csrf)?;
    st.sessions.remove(&session);
    let mut resp = Redirect::to("/sources").into_response();
    let cookie = format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        resp.headers_mut().insert(header::SET_COOKIE, v);
    }
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_figures_read_well() {
        assert_eq!(number(1234567.0), "1,234,567");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(-1000.0), "-1,000");
        let f = Figure {
            article: ArticleId(1),
            value: 1200.0,
            unit: Some("people".into()),
            approx: Some(khabar_model::Approx::AtLeast),
            about: "x".into(),
            cited_source: None,
            sentence: "x".into(),
        };
        assert_eq!(figure_value(&f), "at least 1,200 people");
    }

    #[test]
    fn ranking_prefers_coverage_then_recency() {
        let now = Utc::now();
        let h = |n: i64| now - chrono::Duration::hours(n);
        assert!(rank(5, 5, h(2), now) > rank(1, 1, h(2), now));
        assert!(rank(2, 2, h(1), now) > rank(2, 2, h(30), now));
    }

    #[test]
    fn field_terms_cannot_break_out_of_their_quotes() {
        assert_eq!(field_term("topic", "a\"b"), "topic:\"a b\"");
    }

    #[test]
    fn css_is_served_at_its_hashed_path() {
        assert!(css_href().starts_with("/static/khabar."));
        assert!(css_href().ends_with(".css"));
    }
}
