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
use chrono::NaiveDate;
use chrono::{DateTime, Utc};
use khabar_model::{
    Article, ArticleDraft, ArticleId, Entity, EntityId, EntityKind, Figure, Lang, Quote, Source,
    SourceDraft, Story, StoryId,
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
    /// The understanding stage's stable key; entities are matched by it first.
    pub key: Option<String>,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    /// (text as written, paragraph index)
    pub mentions: Vec<(String, u32)>,
}

/// What the understanding stage found in an article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    /// A teaser picked from the body; stored only when the article has none.
    pub teaser: Option<String>,
    pub topics: Vec<String>,
    /// Per topic label, the words that matched (why the label was given).
    pub topic_evidence: Vec<(String, Vec<String>)>,
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
    /// Per topic label, the words that matched.
    pub topic_evidence: Vec<(String, Vec<String>)>,
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

/// One row of the search index's outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutboxItem {
    pub id: i64,
    pub article: ArticleId,
    /// The article is gone: remove it from the index.
    pub delete: bool,
}

/// What the search index needs of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexSource {
    pub article: Article,
    /// Canonical names of the entities it mentions.
    pub entities: Vec<String>,
    /// Canonical names of the people and bodies it quotes.
    pub speakers: Vec<String>,
}

/// Where the stories stage put an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryAssignment {
    /// The story to join; `None` opens a new story.
    pub story: Option<StoryId>,
    /// The story's title after this article (its most representative headline).
    pub title: String,
    /// Why the article is in the story ("shares COP29, Baku; cosine 0.61; 2 h apart").
    pub why: String,
    /// The member this article is an exact or near duplicate of.
    pub duplicate_of: Option<ArticleId>,
}

/// A filter over stories.
#[derive(Debug, Clone, Default)]
pub struct StoryQuery {
    /// Stories with an article published (or fetched) at or after this time.
    pub since: Option<DateTime<Utc>>,
    /// Largest first (most articles; the newest first among equals)
    /// instead of newest first.
    pub largest: bool,
    pub limit: Option<u32>,
    pub offset: u32,
}

/// A filter over the quote and figure ledgers.
#[derive(Debug, Clone, Default)]
pub struct LedgerQuery {
    /// Quotes: the speaker's name or one of its aliases (case-insensitive
    /// substring). Figures: every word must occur in what the figure counts
    /// or in its sentence.
    pub text: Option<String>,
    pub article: Option<ArticleId>,
    pub entity: Option<EntityId>,
    /// Articles published (or fetched) at or after this time.
    pub since: Option<DateTime<Utc>>,
    pub limit: Option<u32>,
    pub offset: u32,
}

/// An entity with how often the store has seen it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityStats {
    pub entity: Entity,
    pub mentions: u64,
    pub articles: u64,
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
    /// Points each article at its archived page, in one transaction (all
    /// or none), for pages archived after their article was stored
    /// (`khabar import` copies the pages of WARC files once it knows which
    /// articles are new or changed). An unknown article is
    /// [`Error::NotFound`] and nothing is written.
    async fn set_archive_refs(&self, refs: &[(ArticleId, khabar_model::ArchiveRef)]) -> Result<()>;

    /// Articles not analysed yet (new, changed since, or left by a crash),
    /// in publication order.
    async fn pending_analysis(&self, limit: u32) -> Result<Vec<ArticleId>>;
    /// Analysed articles in no story yet, in publication order.
    async fn pending_stories(&self, limit: u32) -> Result<Vec<ArticleId>>;

    /// Search-index outbox rows after `after`, in id order.
    async fn outbox_after(&self, after: i64, limit: u32) -> Result<Vec<OutboxItem>>;
    /// Removes outbox rows up to `upto` (the index has committed them).
    async fn prune_outbox(&self, upto: i64) -> Result<u64>;
    /// The newest outbox row's id (0 when empty).
    async fn last_outbox_id(&self) -> Result<i64>;
    /// The articles with these ids as the index needs them (missing ids left out).
    async fn index_sources(&self, ids: &[ArticleId]) -> Result<Vec<IndexSource>>;
    /// Article ids after `after`, in id order (to rebuild the index).
    async fn article_ids_after(&self, after: ArticleId, limit: u32) -> Result<Vec<ArticleId>>;

    /// Puts an article into a story (a new one when `story` is `None`),
    /// moving it out of any story it was in, in one transaction.
    async fn assign_story(
        &self,
        article: ArticleId,
        assignment: &StoryAssignment,
    ) -> Result<StoryId>;
    /// Moves every member of `from` into `into` and deletes `from`.
    async fn merge_stories(&self, into: StoryId, from: StoryId) -> Result<()>;
    /// Stories, most recently active first.
    async fn list_stories(&self, query: &StoryQuery) -> Result<Vec<Story>>;
    async fn get_story(&self, id: StoryId) -> Result<Option<Story>>;

    /// The quote ledger, newest articles first.
    async fn list_quotes(&self, query: &LedgerQuery) -> Result<Vec<Quote>>;
    /// The figure ledger, newest articles first.
    async fn list_figures(&self, query: &LedgerQuery) -> Result<Vec<Figure>>;
    /// Entities, most mentioned first.
    async fn list_entities(
        &self,
        kind: Option<EntityKind>,
        limit: Option<u32>,
        offset: u32,
    ) -> Result<Vec<EntityStats>>;
    async fn get_entity(&self, id: EntityId) -> Result<Option<EntityStats>>;
    /// Articles mentioning the entity per day (publication, else fetch day, UTC).
    async fn entity_timeline(&self, id: EntityId) -> Result<Vec<(NaiveDate, u64)>>;
    /// Articles mentioning the entity, newest first.
    async fn entity_articles(&self, id: EntityId, limit: u32) -> Result<Vec<Article>>;
}
