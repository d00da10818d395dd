//! Atom feeds: the latest articles, and any search.

use std::sync::Arc;

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use khabar_model::Article;
use khabar_publish::atom::{Entry, Feed, tag_uri};
use khabar_store::ArticleQuery;
use serde::Deserialize;

use crate::error::AppError;
use crate::pages::search_error;
use crate::search::{SearchRequest, Sort, check_query};
use crate::security::Q;
use crate::{AppState, view};

/// Entries in a feed.
const FEED_ENTRIES: u32 = 50;

fn atom(feed: &Feed) -> Response {
    (
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        feed.to_xml(),
    )
        .into_response()
}

fn feed_of(st: &AppState, id: &str, title: String, articles: &[Article]) -> Feed {
    let updated = articles
        .iter()
        .map(view::when)
        .max()
        .unwrap_or_else(Utc::now);
    Feed {
        id: tag_uri(&st.tag_authority, id),
        title,
        updated: updated.to_rfc3339(),
        self_url: None,
        lang: None,
        entries: articles
            .iter()
            .map(|a| Entry::from_article(a, &st.tag_authority))
            .collect(),
    }
}

pub(crate) async fn latest(State(st): State<Arc<AppState>>) -> Result<Response, AppError> {
    let articles = st
        .store
        .list_articles(&ArticleQuery {
            limit: Some(FEED_ENTRIES),
            ..Default::default()
        })
        .await?;
    Ok(atom(&feed_of(
        &st,
        "feed/latest",
        "khabar: latest articles".into(),
        &articles,
    )))
}

#[derive(Debug, Deserialize)]
pub(crate) struct SearchFeedParams {
    #[serde(default)]
    q: String,
}

/// The newest matches of a search: a saved search anyone can subscribe to.
pub(crate) async fn search(
    State(st): State<Arc<AppState>>,
    Q(p): Q<SearchFeedParams>,
) -> Result<Response, AppError> {
    let q = p.q.trim().to_string();
    if q.is_empty() {
        return Err(AppError::BadRequest(
            "give a query: /search.atom?q=…".into(),
        ));
    }
    check_query(&q).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let res = st
        .search()
        .search(&SearchRequest {
            q: q.clone(),
            sort: Sort::Date,
            limit: FEED_ENTRIES,
            offset: 0,
        })
        .await
        .map_err(search_error)?;
    let mut articles = Vec::with_capacity(res.hits.len());
    for h in &res.hits {
        if let Some(a) = st.store.get_article(h.id).await? {
            articles.push(a);
        }
    }
    Ok(atom(&feed_of(
        &st,
        &format!("search/{}", view::enc(&q)),
        format!("khabar: {q}"),
        &articles,
    )))
}
