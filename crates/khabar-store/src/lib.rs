//! The khabar store: one [`Store`] trait that every caller uses, and its
//! back-ends. SQLite ([`SqliteStore`]) is the embedded default; a PostgreSQL
//! back-end implements the same trait and runs the same test suite.
//!
//! The database is the source of truth: the search index and every export are
//! derived from it. Writes happen in one transaction per call (`BEGIN
//! IMMEDIATE` on SQLite), so an import of many files either lands whole or not
//! at all. Articles are keyed by canonical URL and, when they have none, by
//! content hash: importing the same input twice adds nothing.
//!
//! ```
//! # tokio::runtime::Runtime::new().unwrap().block_on(async {
//! use khabar_model::ArticleDraft;
//! use khabar_store::{ArticleQuery, SqliteStore, Store};
//! let dir = tempfile::tempdir().unwrap();
//! let store = SqliteStore::open(&dir.path().join("khabar.db")).await.unwrap();
//! let draft = ArticleDraft::new("Floods in the valley", vec!["Rain fell for three days.".into()])
//!     .with_url("https://example.org/floods?utm_source=rss");
//! let first = store.import_articles(&[draft.clone()]).await.unwrap();
//! let again = store.import_articles(&[draft]).await.unwrap();
//! assert_eq!((first.inserted, again.inserted, again.unchanged), (1, 0, 1));
//! let all = store.list_articles(&ArticleQuery::default()).await.unwrap();
//! assert_eq!(all[0].canonical_url.as_deref(), Some("https://example.org/floods"));
//! # });
//! ```

mod error;
mod migrate;
mod sqlite;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use khabar_model::{
    Article, ArticleDraft, ArticleId, Entity, EntityKind, Figure, Lang, Quote, Source, SourceDraft,
};

pub use error::{Error, Result};
pub use sqlite::SqliteStore;

/// What happened to one draft in an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    /// A new article.
    Inserted(ArticleId),
    /// Same key, new content: the article was updated and its old version kept.
    Updated(ArticleId),
    /// Already stored with this content: nothing changed.
    Unchanged(ArticleId),
}

impl ImportOutcome {
    pub fn id(self) -> ArticleId {
        match self {
            ImportOutcome::Inserted(id)
            | ImportOutcome::Updated(id)
            | ImportOutcome::Unchanged(id) => id,
        }
    }
}

/// The result of [`Store::import_articles`], one outcome per draft in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub outcomes: Vec<ImportOutcome>,
}

impl ImportReport {
    pub(crate) fn push(&mut self, o: ImportOutcome) {
        match o {
            ImportOutcome::Inserted(_) => self.inserted += 1,
            ImportOutcome::Updated(_) => self.updated += 1,
            ImportOutcome::Unchanged(_) => self.unchanged += 1,
        }
        self.outcomes.push(o);
    }
}

/// Order of listed articles, by publication time (or fetch time when the
/// publication time is unknown), then by id.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    #[default]
    NewestFirst,
    OldestFirst,
}

/// A filter over stored articles. The time bounds apply to the publication
/// time, or the fetch time when the outlet stated none.
#[derive(Debug, Clone, Default)]
pub struct ArticleQuery {
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// Source name, case-insensitive.
    pub source: Option<String>,
    /// Matches the primary language subtag: `fa` matches `fa` and `fa-AF`.
    pub lang: Option<Lang>,
    pub order: Order,
    pub limit: Option<u32>,
    pub offset: u32,
}

/// The result of [`Store::sync_config_sources`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
}

/// An entity found in an article, with the places it is mentioned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityDraft {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    /// (text as written, paragraph index)
    pub mentions: Vec<(String, u32)>,
}

/// What the understanding stage found in an article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub topics: Vec<String>,
    pub entities: Vec<EntityDraft>,
    /// `article` and `speaker_entity` are set by the store.
    pub quotes: Vec<Quote>,
    /// `article` is set by the store.
    pub figures: Vec<Figure>,
}

/// Entities, quotes and figures of one stored article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleDetails {
    /// Each entity with the number of its mentions in the article.
    pub entities: Vec<(Entity, u32)>,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
}

/// A source's crawl state, for deciding when to poll it next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrawlState {
    pub source: Source,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// When the source is due (Unix seconds); `None` = now.
    pub next_fetch_at: Option<i64>,
    /// Current polling interval in seconds; `None` = not yet polled.
    pub poll_secs: Option<i64>,
    /// Consecutive failed fetches.
    pub failures: u32,
    pub last_new_at: Option<DateTime<Utc>>,
}

/// The outcome of one fetch of a source, recorded on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchRecord {
    pub at: DateTime<Utc>,
    /// `ok`, `not_modified` or the failure code (`Dns`, `Timeout`, …).
    pub status: String,
    /// The failure code and message when the fetch failed.
    pub error: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub new_items: u32,
    pub next_fetch_at: DateTime<Utc>,
    pub poll_secs: i64,
}

/// An article URL found on a source, waiting to be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueItem {
    pub source_id: Option<khabar_model::SourceId>,
    /// Canonical URL: the job's key.
    pub url: String,
    pub raw_url: String,
    pub title: Option<String>,
    pub published_at: Option<chrono::DateTime<chrono::FixedOffset>>,
}

/// A claimed queue item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub id: i64,
    pub item: QueueItem,
    /// Name of the source, for the article row.
    pub source_name: Option<String>,
    /// Attempts including this one.
    pub attempts: u32,
}

/// Counts of the work queue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QueueCounts {
    pub pending: u64,
    pub leased: u64,
    pub failed: u64,
}

/// Everything khabar keeps, behind one interface. Callers hold a
/// `Box<dyn Store>` (or `Arc<dyn Store>`) and never know the back-end.
#[async_trait]
pub trait Store: Send + Sync + std::fmt::Debug {
    /// `"sqlite"` or `"postgres"`.
    fn backend(&self) -> &'static str;

    /// Makes the config's sources (origin `config`) match `sources`: adds
    /// new ones, updates name/kind/lang of known URLs, removes config sources
    /// no longer listed. Sources added from the CLI or the API are untouched.
    async fn sync_config_sources(&self, sources: &[SourceDraft]) -> Result<SyncReport>;
    /// Adds one source; a URL or name already in the catalog is a conflict.
    async fn add_source(&self, source: &SourceDraft) -> Result<Source>;
    /// Removes the source whose name (case-insensitive) or URL is `key`.
    /// Its articles stay. A source from the config file cannot be removed here.
    async fn remove_source(&self, key: &str) -> Result<Source>;
    async fn list_sources(&self) -> Result<Vec<Source>>;

    /// Stores drafts in one transaction: all land or none does.
    async fn import_articles(&self, drafts: &[ArticleDraft]) -> Result<ImportReport>;
    async fn list_articles(&self, query: &ArticleQuery) -> Result<Vec<Article>>;
    async fn get_article(&self, id: ArticleId) -> Result<Option<Article>>;
    async fn count_articles(&self) -> Result<u64>;
    /// Earlier contents of an article its outlet has since changed, oldest first.
    async fn article_versions(&self, id: ArticleId) -> Result<Vec<ArticleDraft>>;

    /// Replaces the analysis of an article (topics, entity mentions, quotes,
    /// figures) in one transaction. Entities are matched by name and kind,
    /// or by an alias, and created when new.
    async fn save_analysis(&self, id: ArticleId, analysis: &Analysis) -> Result<()>;
    async fn article_details(&self, id: ArticleId) -> Result<ArticleDetails>;

    /// Every source with its crawl state.
    async fn crawl_states(&self) -> Result<Vec<CrawlState>>;
    /// Records a fetch of a source (health, validators, next poll).
    async fn record_fetch(
        &self,
        source: khabar_model::SourceId,
        record: &FetchRecord,
    ) -> Result<()>;
    /// Queues article URLs not yet stored nor queued; returns how many are new.
    async fn enqueue(&self, items: &[QueueItem]) -> Result<usize>;
    /// Leases up to `limit` ready jobs for `lease`; a job whose lease ran out
    /// (its worker died) is ready again.
    async fn claim(
        &self,
        limit: u32,
        lease: std::time::Duration,
        now: DateTime<Utc>,
    ) -> Result<Vec<Job>>;
    /// Stores the job's article and removes the job, in one transaction.
    async fn complete(&self, job: &Job, article: &ArticleDraft) -> Result<ImportOutcome>;
    /// Removes a job whose page is not an article (or needs no storing).
    async fn drop_job(&self, job: &Job) -> Result<()>;
    /// Records a failed attempt: retried at `retry_at`, or given up when `None`.
    async fn fail_job(&self, job: &Job, error: &str, retry_at: Option<DateTime<Utc>>)
    -> Result<()>;
    async fn queue_counts(&self, now: DateTime<Utc>) -> Result<QueueCounts>;
    /// Frees every leased job. Only for a single-process deployment, at
    /// start-up, once the caller holds the data folder's writer lock: any
    /// lease left then belongs to a process that died.
    async fn release_leases(&self) -> Result<u64>;
    /// Every article's archive reference, for `khabar archive verify`.
    async fn archive_refs(&self) -> Result<Vec<(ArticleId, khabar_model::ArchiveRef)>>;
}
