//! Integration tests for khabar-web: every route through the router
//! (`oneshot`), hostile input, the token and the forms, the OpenAPI document
//! against the routes, and one real server on 127.0.0.1:0.

mod fixtures;
mod routes;
mod security;
mod server;

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use khabar_store::{SqliteStore, Store};
use khabar_testkit::TempData;
use khabar_web::{AppState, router};
use tower::ServiceExt;

pub const TOKEN: &str = "test-token-0123456789";

/// A store seeded with the fixtures (with `payload` in every string when given).
#[derive(Debug)]
pub struct App {
    pub _dir: TempData,
    pub store: Arc<dyn Store>,
    pub seeded: fixtures::Seeded,
    pub router: Router,
}

pub async fn app(payload: Option<&str>) -> App {
    let dir = TempData::new();
    let store: Arc<dyn Store> = Arc::new(
        SqliteStore::open(&dir.data().join("khabar.db"))
            .await
            .expect("open store"),
    );
    let seeded = fixtures::seed(store.as_ref(), payload).await;
    let router = router(AppState::new(store.clone()).with_token(Some(TOKEN.into())));
    App {
        _dir: dir,
        store,
        seeded,
        router,
    }
}

#[derive(Debug)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Resp {
    pub fn content_type(&self) -> &str {
        self.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

pub async fn send(router: &Router, req: Request<Body>) -> Resp {
    let resp = router.clone().oneshot(req).await.expect("response");
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = axum::body::to_bytes(resp.into_body(), 64 << 20)
        .await
        .expect("body");
    Resp {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub async fn get(router: &Router, uri: &str) -> Resp {
    send(
        router,
        Request::builder()
            .method(Method::GET)
            .uri(uri)
            .body(Body::empty())
            .expect("request"),
    )
    .await
}
