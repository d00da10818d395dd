//! The khabar web app: server-rendered pages, Atom feeds and a JSON API over
//! a [`Store`] (and a search index when there is one).
//!
//! [`router`] takes an [`AppState`] and returns an [`axum::Router`] with every
//! route; [`serve`] runs it on a listener until a shutdown future resolves.
//! Pages need no JavaScript and every response, errors included, carries a
//! Content-Security-Policy that forbids scripts and inline styles; every
//! stored string is escaped by the templates (askama), and only `http(s)`
//! URLs become links.
//!
//! ```
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! use std::sync::Arc;
//! use khabar_store::{SqliteStore, Store};
//! use khabar_web::{AppState, router};
//!
//! let dir = khabar_testkit::TempData::new();
//! let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&dir.data().join("khabar.db")).await.unwrap());
//! let app = router(AppState::new(store).with_token(Some("secret".into())));
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
//! let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
//! let server = tokio::spawn(khabar_web::serve(listener, app, async { let _ = stopped.await; }));
//! stop.send(()).unwrap();
//! server.await.unwrap().unwrap();
//! # });
//! ```

mod api;
mod chart;
mod error;
mod feeds;
mod pages;
mod search;
mod security;
mod view;

use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};
use khabar_store::Store;

pub use error::{AppError, Error, Result};
pub use search::{
    Facet, Hit, IndexSearch, Search, SearchError, SearchPage, SearchRequest, Sort, StoreSearch,
    check_query,
};

/// Longest query string accepted (bytes); longer ones are refused with a 400
/// before any work is done.
pub const MAX_QUERY_BYTES: usize = 2000;
/// Most items one page or API call returns.
pub const MAX_LIMIT: u32 = 200;

/// What the handlers share: the store, the search back-end, the token for
/// changing calls, and where the WARC archive is.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    /// The search index; `None` falls back to [`StoreSearch`], a bounded scan
    /// of the newest articles.
    pub index: Option<Arc<dyn Search>>,
    /// `[server] token`: needed for changing API calls and the admin forms.
    /// `None` disables them.
    pub token: Option<String>,
    /// The WARC archive folder (`DATA/archive`), for `/article/{id}/archive`.
    pub archive_dir: Option<PathBuf>,
    /// The authority of the feeds' tag URIs (a domain the operator controls).
    pub tag_authority: String,
    pub(crate) sessions: Arc<security::Sessions>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("store", &self.store.backend())
            .field("index", &self.index.is_some())
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .field("archive_dir", &self.archive_dir)
            .field("tag_authority", &self.tag_authority)
            .finish()
    }
}

impl AppState {
    /// A state over `store`, with no index, no token and no archive.
    pub fn new(store: Arc<dyn Store>) -> Self {
        AppState {
            store,
            index: None,
            token: None,
            archive_dir: None,
            tag_authority: "khabar.localhost".into(),
            sessions: Arc::new(security::Sessions::default()),
        }
    }

    pub fn with_index(mut self, index: Option<Arc<dyn Search>>) -> Self {
        self.index = index;
        self
    }

    /// Sets the token; an empty one counts as none.
    pub fn with_token(mut self, token: Option<String>) -> Self {
        self.token = token.filter(|t| !t.trim().is_empty());
        self
    }

    pub fn with_archive_dir(mut self, dir: Option<PathBuf>) -> Self {
        self.archive_dir = dir;
        self
    }

    pub fn with_tag_authority(mut self, authority: impl Into<String>) -> Self {
        self.tag_authority = authority.into();
        self
    }

    /// The search back-end: the index, or a scan of the store.
    pub(crate) fn search(&self) -> Arc<dyn Search> {
        match &self.index {
            Some(i) => i.clone(),
            None => Arc::new(StoreSearch::new(self.store.clone())),
        }
    }
}

/// Every route of the web app, the feeds and the API, with the security
/// headers and the request-size guard on every response.
pub fn router(state: AppState) -> Router {
    let state = Arc::new(state);
    Router::new()
        .route("/", get(pages::front))
        .route("/story/{id}", get(pages::story))
        .route("/article/{id}", get(pages::article))
        .route("/article/{id}/archive", get(pages::archive))
        .route("/search", get(pages::search))
        .route("/entity/{id}", get(pages::entity))
        .route("/entities", get(pages::entities))
        .route("/quotes", get(pages::quotes))
        .route("/figures", get(pages::figures))
        .route("/sources", get(pages::sources))
        .route("/sources/add", post(pages::source_add))
        .route("/sources/remove", post(pages::source_remove))
        .route("/login", get(pages::login_form).post(pages::login))
        .route("/logout", post(pages::logout))
        .route(pages::CSS_ROUTE, get(pages::css))
        .route("/feed.atom", get(feeds::latest))
        .route("/search.atom", get(feeds::search))
        .nest("/api/v1", api::routes())
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        .layer(axum::middleware::from_fn(security::guard))
        .with_state(state)
}

/// Serves `app` on `listener` until `shutdown` resolves, then lets requests
/// in flight finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}
