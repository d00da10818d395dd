//! The JSON API under `/api/v1/`. Lists take `limit` (at most 200) and
//! `offset`; errors are `{"error": "…"}`; changing calls need
//! `Authorization: Bearer <token>`. `openapi.json` describes every route.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use chrono::{DateTime, NaiveDate, Utc};
use khabar_model::{ArticleId, EntityId, EntityKind, SourceOrigin, StoryId};
use khabar_publish::article_json;
use khabar_store::{ArticleQuery, LedgerQuery, StoryQuery};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::error::AppError;
use crate::pages::{figure_value, search_error, source_draft};
use crate::search::{MAX_OFFSET, SearchRequest, Sort, check_query};
use crate::security::{Q, check_bearer};
use crate::{AppState, MAX_LIMIT};

type St = State<Arc<AppState>>;
type ApiResult = Result<Response, AppError>;

const OPENAPI: &str = include_str!("openapi.json");

pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/articles", get(articles))
        .route("/articles/{id}", get(article))
        .route("/stories", get(stories))
        .route("/stories/{id}", get(story))
        .route("/search", get(search))
        .route("/quotes", get(quotes))
        .route("/figures", get(figures))
        .route("/entities", get(entities))
        .route("/entities/{id}", get(entity))
        .route("/sources", get(sources).post(add_source))
        .route("/sources/{id}", get(source).delete(remove_source))
}

fn ok(v: Value) -> ApiResult {
    Ok(Json(v).into_response())
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

#[derive(Debug, Deserialize, Default)]
struct Page {
    limit: Option<u32>,
    offset: Option<u32>,
}

impl Page {
    fn limit(&self) -> Result<u32, AppError> {
        match self.limit {
            None => Ok(50),
            Some(l) if (1..=MAX_LIMIT).contains(&l) => Ok(l),
            Some(_) => Err(AppError::BadRequest(format!(
                "limit must be between 1 and {MAX_LIMIT}"
            ))),
        }
    }

    fn offset(&self) -> Result<u32, AppError> {
        match self.offset.unwrap_or(0) {
            o if o <= MAX_OFFSET => Ok(o),
            _ => Err(AppError::BadRequest(format!(
                "offset must be at most {MAX_OFFSET}"
            ))),
        }
    }
}

/// An RFC 3339 time or a `YYYY-MM-DD` date (midnight UTC).
fn parse_time(name: &str, s: Option<&str>) -> Result<Option<DateTime<Utc>>, AppError> {
    let Some(s) = s.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(Some(t.with_timezone(&Utc)));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| Some(t.and_utc()))
        .ok_or_else(|| {
            AppError::BadRequest(format!(
                "{name} must be an RFC 3339 time or a date (YYYY-MM-DD)"
            ))
        })
}

fn id_of(raw: &str, what: &str) -> Result<i64, AppError> {
    raw.parse::<i64>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or_else(|| AppError::NotFound(format!("there is no {what} with this id")))
}

#[derive(Debug, Deserialize)]
struct ArticlesParams {
    since: Option<String>,
    until: Option<String>,
    source: Option<String>,
    lang: Option<String>,
    limit: Option<u32>,
    offset: Option<u32>,
}

async fn articles(State(st): St, Q(p): Q<ArticlesParams>) -> ApiResult {
    let page = Page {
        limit: p.limit,
        offset: p.offset,
    };
    let lang = match p.lang.as_deref().filter(|l| !l.is_empty()) {
        Some(l) => Some(
            l.parse()
                .map_err(|_| AppError::BadRequest("lang is a language code such as en".into()))?,
        ),
        None => None,
    };
    let list = st
        .store
        .list_articles(&ArticleQuery {
            since: parse_time("since", p.since.as_deref())?,
            until: parse_time("until", p.until.as_deref())?,
            source: p.source.filter(|s| !s.is_empty()),
            lang,
            limit: Some(page.limit()?),
            offset: page.offset()?,
            ..Default::default()
        })
        .await?;
    ok(json!({
        "articles": list.iter().map(article_json).collect::<Vec<_>>(),
        "limit": page.limit()?,
        "offset": page.offset()?,
    }))
}

async fn article(State(st): St, Path(raw): Path<String>) -> ApiResult {
    let id = id_of(&raw, "article")?;
    let a = st
        .store
        .get_article(ArticleId(id))
        .await?
        .ok_or_else(|| AppError::NotFound(format!("there is no article {id}")))?;
    let d = st.store.article_details(a.id).await?;
    let mut v = article_json(&a);
    v["canonical_url"] = json!(a.canonical_url);
    v["fetched_at"] = json!(a.fetched_at.to_rfc3339());
    v["modified_at"] = json!(a.modified_at.map(|t| t.to_rfc3339()));
    v["text"] = json!(a.text());
    v["paragraphs"] = json!(a.paragraphs);
    v["kinds"] = json!(khabar_publish::paragraph_kinds(&a));
    v["embeds"] = json!(a.embeds);
    v["archive"] = json!(a.archive);
    v["entities"] = json!(
        d.entities
            .iter()
            .map(|(e, n)| json!({"id": e.id.0, "name": e.name, "kind": e.kind, "aliases": e.aliases, "mentions": n}))
            .collect::<Vec<_>>()
    );
    v["topic_evidence"] = json!(
        d.topic_evidence
            .iter()
            .map(|(t, w)| json!({"topic": t, "words": w}))
            .collect::<Vec<_>>()
    );
    v["quotes"] = json!(d.quotes);
    v["figures"] = json!(d.figures);
    ok(v)
}

#[derive(Debug, Deserialize)]
struct StoriesParams {
    since: Option<String>,
    sort: Option<StoryOrder>,
    limit: Option<u32>,
    offset: Option<u32>,
}

/// The order of `/api/stories`.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum StoryOrder {
    /// Most recently active first.
    #[default]
    Recent,
    /// Most articles first (ties: most recently active first).
    Largest,
}

fn story_json(s: &khabar_model::Story) -> Value {
    json!({
        "id": s.id.0,
        "title": s.title,
        "articles": s.members.iter().map(|m| m.article.0).collect::<Vec<_>>(),
        "members": s.members,
        "outlets": s.outlets,
        "first_seen": s.first_seen.to_rfc3339(),
        "last_seen": s.last_seen.to_rfc3339(),
    })
}

async fn stories(State(st): St, Q(p): Q<StoriesParams>) -> ApiResult {
    let page = Page {
        limit: p.limit,
        offset: p.offset,
    };
    let list = st
        .store
        .list_stories(&StoryQuery {
            since: parse_time("since", p.since.as_deref())?,
            largest: p.sort.unwrap_or_default() == StoryOrder::Largest,
            limit: Some(page.limit()?),
            offset: page.offset()?,
        })
        .await?;
    ok(json!({
        "stories": list.iter().map(story_json).collect::<Vec<_>>(),
        "limit": page.limit()?,
        "offset": page.offset()?,
    }))
}

async fn story(State(st): St, Path(raw): Path<String>) -> ApiResult {
    let id = id_of(&raw, "story")?;
    let s = st
        .store
        .get_story(StoryId(id))
        .await?
        .ok_or_else(|| AppError::NotFound(format!("there is no story {id}")))?;
    ok(story_json(&s))
}

#[derive(Debug, Deserialize)]
struct SearchParams {
    #[serde(default)]
    q: String,
    sort: Option<Sort>,
    limit: Option<u32>,
    offset: Option<u32>,
}

async fn search(State(st): St, Q(p): Q<SearchParams>) -> ApiResult {
    let q = p.q.trim().to_string();
    if q.is_empty() {
        return Err(AppError::BadRequest("give a query: ?q=…".into()));
    }
    check_query(&q).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let page = Page {
        limit: p.limit,
        offset: p.offset,
    };
    let res = st
        .search()
        .search(&SearchRequest {
            q,
            sort: p.sort.unwrap_or_default(),
            limit: page.limit()?,
            offset: page.offset()?,
        })
        .await
        .map_err(search_error)?;
    let mut v = serde_json::to_value(&res).map_err(|e| AppError::Internal(e.to_string()))?;
    v["histogram"] = json!(
        res.histogram
            .iter()
            .map(|(d, n)| json!({"date": d.to_string(), "count": n}))
            .collect::<Vec<_>>()
    );
    ok(v)
}

#[derive(Debug, Deserialize)]
struct LedgerParams {
    speaker: Option<String>,
    about: Option<String>,
    article: Option<i64>,
    entity: Option<i64>,
    since: Option<String>,
    limit: Option<u32>,
    offset: Option<u32>,
}

impl LedgerParams {
    fn query(&self, text: Option<&String>) -> Result<LedgerQuery, AppError> {
        let page = Page {
            limit: self.limit,
            offset: self.offset,
        };
        Ok(LedgerQuery {
            text: text.filter(|t| !t.trim().is_empty()).cloned(),
            article: self.article.map(ArticleId),
            entity: self.entity.map(EntityId),
            since: parse_time("since", self.since.as_deref())?,
            limit: Some(page.limit()?),
            offset: page.offset()?,
        })
    }
}

async fn quotes(State(st): St, Q(p): Q<LedgerParams>) -> ApiResult {
    let q = p.query(p.speaker.as_ref())?;
    let list = st.store.list_quotes(&q).await?;
    ok(json!({"quotes": list, "limit": q.limit, "offset": q.offset}))
}

async fn figures(State(st): St, Q(p): Q<LedgerParams>) -> ApiResult {
    let q = p.query(p.about.as_ref())?;
    let list = st.store.list_figures(&q).await?;
    let rows: Vec<Value> = list
        .iter()
        .map(|f| {
            let mut v = json!(f);
            v["display"] = json!(figure_value(f));
            v
        })
        .collect();
    ok(json!({"figures": rows, "limit": q.limit, "offset": q.offset}))
}

#[derive(Debug, Deserialize)]
struct EntitiesParams {
    kind: Option<String>,
    limit: Option<u32>,
    offset: Option<u32>,
}

fn entity_json(e: &khabar_store::EntityStats) -> Value {
    json!({
        "id": e.entity.id.0,
        "name": e.entity.name,
        "kind": e.entity.kind,
        "aliases": e.entity.aliases,
        "mentions": e.mentions,
        "articles": e.articles,
    })
}

async fn entities(State(st): St, Q(p): Q<EntitiesParams>) -> ApiResult {
    let page = Page {
        limit: p.limit,
        offset: p.offset,
    };
    let kind =
        match p.kind.as_deref().filter(|k| !k.is_empty()) {
            Some(k) => Some(k.parse::<EntityKind>().map_err(|_| {
                AppError::BadRequest("kind is person, organization or place".into())
            })?),
            None => None,
        };
    let list = st
        .store
        .list_entities(kind, Some(page.limit()?), page.offset()?)
        .await?;
    ok(json!({
        "entities": list.iter().map(entity_json).collect::<Vec<_>>(),
        "limit": page.limit()?,
        "offset": page.offset()?,
    }))
}

async fn entity(State(st): St, Path(raw): Path<String>) -> ApiResult {
    let id = id_of(&raw, "entity")?;
    let e = st
        .store
        .get_entity(EntityId(id))
        .await?
        .ok_or_else(|| AppError::NotFound(format!("there is no entity {id}")))?;
    let timeline = st.store.entity_timeline(e.entity.id).await?;
    let mut v = entity_json(&e);
    v["timeline"] = json!(
        timeline
            .iter()
            .map(|(d, n)| json!({"date": d.to_string(), "count": n}))
            .collect::<Vec<_>>()
    );
    ok(v)
}

fn source_json(s: &khabar_model::Source, failures: Option<u32>) -> Value {
    let mut v = json!(s);
    if let Some(f) = failures {
        v["failures"] = json!(f);
    }
    v
}

async fn sources(State(st): St) -> ApiResult {
    let states = st.store.crawl_states().await?;
    ok(json!({
        "sources": states.iter().map(|c| source_json(&c.source, Some(c.failures))).collect::<Vec<_>>()
    }))
}

async fn source(State(st): St, Path(raw): Path<String>) -> ApiResult {
    let id = id_of(&raw, "source")?;
    let states = st.store.crawl_states().await?;
    let c = states
        .iter()
        .find(|c| c.source.id.0 == id)
        .ok_or_else(|| AppError::NotFound(format!("there is no source {id}")))?;
    ok(source_json(&c.source, Some(c.failures)))
}

#[derive(Debug, Deserialize)]
struct NewSource {
    name: String,
    url: String,
    kind: Option<String>,
    lang: Option<String>,
}

/// The token is checked before the body is even parsed.
async fn add_source(State(st): St, headers: HeaderMap, body: Bytes) -> ApiResult {
    check_bearer(&headers, st.token.as_deref())?;
    let n: NewSource = serde_json::from_slice(&body).map_err(|e| {
        AppError::BadRequest(format!(
            "the body must be JSON {{\"name\", \"url\", \"kind\"?, \"lang\"?}}: {e}"
        ))
    })?;
    let draft = source_draft(
        &n.name,
        &n.url,
        n.kind.as_deref(),
        n.lang.as_deref(),
        SourceOrigin::Api,
    )?;
    let s = st.store.add_source(&draft).await?;
    Ok((StatusCode::CREATED, Json(source_json(&s, None))).into_response())
}

async fn remove_source(State(st): St, headers: HeaderMap, Path(raw): Path<String>) -> ApiResult {
    check_bearer(&headers, st.token.as_deref())?;
    let id = id_of(&raw, "source")?;
    let list = st.store.list_sources().await?;
    let s = list
        .iter()
        .find(|s| s.id.0 == id)
        .ok_or_else(|| AppError::NotFound(format!("there is no source {id}")))?;
    if s.origin == SourceOrigin::Config {
        return Err(AppError::Conflict(
            "this source comes from khabar.toml: remove it there".into(),
        ));
    }
    let removed = st.store.remove_source(&s.url).await?;
    ok(json!({"removed": source_json(&removed, None)}))
}
