//! The SQLite back-end: WAL journal, `synchronous=FULL`, a busy timeout, and
//! `BEGIN IMMEDIATE` for every write so that a read-then-write transaction
//! never fails on a snapshot conflict with another writer.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, Utc};
use khabar_model::{
    Approx, ArchiveRef, Article, ArticleDraft, ArticleId, BlockKind, ContentHash, Entity, EntityId,
    EntityKind, Figure, Lang, Quote, Source, SourceDraft, SourceId, SourceKind, SourceOrigin,
    Story, StoryId, StoryMember,
};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{Row, SqliteConnection, SqlitePool};

use crate::error::DbContext;
use crate::migrate::{Migration, SQLITE};
use crate::{
    Analysis, ArticleDetails, ArticleQuery, CrawlState, EntityStats, Error, FetchRecord,
    ImportOutcome, ImportReport, IndexSource, Job, LedgerQuery, Order, OutboxItem, QueueCounts,
    QueueItem, Result, Store, StoryAssignment, StoryQuery, SyncReport,
};

/// The embedded store: one SQLite file.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    path: PathBuf,
}

impl SqliteStore {
    /// Opens (creating when missing) the database at `path` and brings its
    /// schema up to date.
    pub async fn open(path: &Path) -> Result<Self> {
        Self::open_with(path, SqliteSynchronous::Full).await
    }

    /// Opens the database for a one-off bulk load (a benchmark's million
    /// articles): commits are not synced to disk, so a crash during the load
    /// can lose or corrupt it. Never used for a live store.
    pub async fn open_for_bulk_load(path: &Path) -> Result<Self> {
        Self::open_with(path, SqliteSynchronous::Off).await
    }

    async fn open_with(path: &Path, synchronous: SqliteSynchronous) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(synchronous)
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(|source| Error::Open {
                path: path.to_path_buf(),
                source,
            })?;
        let store = SqliteStore {
            pool,
            path: path.to_path_buf(),
        };
        store.migrate(SQLITE).await?;
        Ok(store)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Closes every connection (checkpointing the WAL).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// The `FROM` clause for a page of a ledger (`quotes` or `figures`,
    /// named `alias`) newest first. With an article or entity filter, the
    /// ledger's own index leads. Otherwise walking the articles by their
    /// time index and stopping at the page reads about `(offset + limit) ×
    /// articles / rows` articles, while reading every row and sorting costs
    /// `rows`: the walk wins unless the ledger is sparse (a few quotes
    /// among a million articles). The largest rowids stand in for the table
    /// sizes (cheap, and close enough: rows are rarely deleted).
    async fn ledger_join(
        &self,
        table: &'static str,
        alias: &'static str,
        q: &LedgerQuery,
    ) -> Result<String> {
        let rows_first = format!("{table} {alias} JOIN articles a ON a.id = {alias}.article_id");
        if q.article.is_some() || q.entity.is_some() {
            return Ok(rows_first);
        }
        let sql = format!(
            "SELECT (SELECT coalesce(max(rowid), 0) FROM {table}),
                    (SELECT coalesce(max(rowid), 0) FROM articles)"
        );
        let (rows, articles): (i64, i64) = sqlx::query_as(&sql)
            .fetch_one(&self.pool)
            .await
            .op("size a ledger")?;
        let want = i64::from(q.offset) + q.limit.map_or(articles, i64::from);
        Ok(if rows > 0 && want.saturating_mul(articles) / rows < rows {
            format!("articles a CROSS JOIN {table} {alias} ON {alias}.article_id = a.id")
        } else {
            rows_first
        })
    }

    /// A story row with its members and outlets.
    async fn story_from_row(
        &self,
        (id, title, first, last): (i64, String, i64, i64),
    ) -> Result<Story> {
        const OP: &str = "read a story";
        let members: Vec<(i64, String, Option<i64>, Option<String>)> = sqlx::query_as(
            "SELECT m.article_id, m.why, m.duplicate_of, a.source
             FROM story_members m JOIN articles a ON a.id = m.article_id
             WHERE m.story_id = ? ORDER BY coalesce(a.published_utc, a.fetched_utc), a.id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await
        .op(OP)?;
        let mut outlets: Vec<String> = Vec::new();
        for (_, _, _, source) in &members {
            if let Some(s) = source
                && !outlets.iter().any(|o| o.eq_ignore_ascii_case(s))
            {
                outlets.push(s.clone());
            }
        }
        let at = |secs: i64| DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or_default();
        Ok(Story {
            id: StoryId(id),
            title,
            members: members
                .into_iter()
                .map(|(article, why, dup, _)| StoryMember {
                    article: ArticleId(article),
                    why,
                    duplicate_of: dup.map(ArticleId),
                })
                .collect(),
            outlets,
            first_seen: at(first),
            last_seen: at(last),
        })
    }

    /// An entity row with its aliases and counts.
    async fn entity_stats(
        &self,
        (id, name, kind, key, mentions, articles): (i64, String, String, Option<String>, i64, i64),
    ) -> Result<EntityStats> {
        let aliases: Vec<String> = sqlx::query_scalar(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await
        .op("read an entity")?;
        Ok(EntityStats {
            entity: Entity {
                id: EntityId(id),
                name,
                kind: EntityKind::from_str(&kind).map_err(|e| corrupt("entity kind", e))?,
                aliases,
                key,
            },
            mentions: mentions.max(0) as u64,
            articles: articles.max(0) as u64,
        })
    }

    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        self.pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .op("start a write transaction")
    }

    async fn migrate(&self, migrations: &[Migration]) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS khabar_schema (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
        )
        .execute(&mut *tx)
        .await
        .op("create the schema table")?;
        let current: i64 =
            sqlx::query_scalar("SELECT coalesce(max(version), 0) FROM khabar_schema")
                .fetch_one(&mut *tx)
                .await
                .op("read the schema version")?;
        let known = migrations.last().map_or(0, |m| m.version);
        if current > known {
            return Err(Error::SchemaTooNew {
                found: current,
                known,
            });
        }
        for m in migrations.iter().filter(|m| m.version > current) {
            sqlx::raw_sql(m.sql)
                .execute(&mut *tx)
                .await
                .op("apply a schema migration")?;
            sqlx::query("INSERT INTO khabar_schema (version, name, applied_at) VALUES (?, ?, ?)")
                .bind(m.version)
                .bind(m.name)
                .bind(now_text())
                .execute(&mut *tx)
                .await
                .op("record a schema migration")?;
            tracing::info!(version = m.version, name = m.name, "schema migrated");
        }
        tx.commit().await.op("commit the schema migration")
    }
}

fn now_text() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn utc_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// `article_id, speaker, speaker_entity, quote, sentence` of `quotes`.
type QuoteRow = (i64, String, Option<i64>, String, String);

fn quote_from_row((article, speaker, se, quote, sentence): QuoteRow) -> Quote {
    Quote {
        article: ArticleId(article),
        speaker,
        speaker_entity: se.map(EntityId),
        quote,
        sentence,
    }
}

/// `article_id, value, unit, approx, about, cited_source, sentence` of
/// `figures`.
type FigureRow = (
    i64,
    f64,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    String,
);

fn figure_from_row(
    (article, value, unit, approx, about, cited_source, sentence): FigureRow,
) -> Result<Figure> {
    Ok(Figure {
        article: ArticleId(article),
        value,
        unit,
        approx: approx
            .map(|a| Approx::from_str(&a))
            .transpose()
            .map_err(|e| corrupt("figure approx", e))?,
        about,
        cited_source,
        sentence,
    })
}

fn corrupt(what: &'static str, detail: impl ToString) -> Error {
    Error::Corrupt {
        what,
        detail: detail.to_string(),
    }
}

fn parse_utc(s: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| corrupt("time", e))
}

fn parse_opt_utc(s: Option<String>) -> Result<Option<DateTime<Utc>>> {
    s.as_deref().map(parse_utc).transpose()
}

/// A JSON list column (paragraphs, kinds, embeds, topics).
fn json_list<T: serde::de::DeserializeOwned>(s: &str, what: &'static str) -> Result<Vec<T>> {
    serde_json::from_str(s).map_err(|e| corrupt(what, e))
}

fn to_json_list<T: serde::Serialize>(v: &[T]) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".to_string())
}

/// A stated time as stored: RFC 3339 with the outlet's offset.
fn rfc3339(t: Option<DateTime<FixedOffset>>) -> Option<String> {
    t.map(|t| t.to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

/// The kinds column of a draft: `[]` when all its paragraphs are plain.
fn to_json_kinds(v: &[BlockKind]) -> String {
    to_json_list(&BlockKind::list(v.iter().copied()))
}

const SOURCE_COLUMNS: &str =
    "s.id, s.name, s.url, s.kind, s.lang, s.origin, s.pattern, s.last_fetch_at, s.last_error,
     (SELECT count(*) FROM articles a WHERE a.source = s.name COLLATE NOCASE) AS articles";

fn source_from_row(r: &SqliteRow) -> Result<Source> {
    let kind: String = r.try_get("kind").op("read a source")?;
    let origin: String = r.try_get("origin").op("read a source")?;
    let lang: Option<String> = r.try_get("lang").op("read a source")?;
    let articles: i64 = r.try_get("articles").op("read a source")?;
    Ok(Source {
        id: SourceId(r.try_get("id").op("read a source")?),
        name: r.try_get("name").op("read a source")?,
        url: r.try_get("url").op("read a source")?,
        kind: SourceKind::from_str(&kind).map_err(|e| corrupt("source kind", e))?,
        lang: lang
            .map(|l| Lang::from_str(&l))
            .transpose()
            .map_err(|e| corrupt("source lang", e))?,
        origin: SourceOrigin::from_str(&origin).map_err(|e| corrupt("source origin", e))?,
        pattern: r.try_get("pattern").op("read a source")?,
        articles: articles.max(0) as u64,
        last_fetch_at: parse_opt_utc(r.try_get("last_fetch_at").op("read a source")?)?,
        last_error: r.try_get("last_error").op("read a source")?,
    })
}

const ARTICLE_COLUMNS: &str = "id, url, canonical_url, external_id, source, title, byline, teaser,
     published_at, modified_at, lang, paragraphs, kinds, embeds, content_hash, fetched_at,
     archive_file, archive_offset, archive_sha256, topics, story_id";

fn article_from_row(r: &SqliteRow) -> Result<Article> {
    const OP: &str = "read an article";
    let published: Option<String> = r.try_get("published_at").op(OP)?;
    let modified: Option<String> = r.try_get("modified_at").op(OP)?;
    let lang: Option<String> = r.try_get("lang").op(OP)?;
    let fetched: String = r.try_get("fetched_at").op(OP)?;
    let paragraphs: String = r.try_get("paragraphs").op(OP)?;
    let kinds: String = r.try_get("kinds").op(OP)?;
    let embeds: String = r.try_get("embeds").op(OP)?;
    let topics: String = r.try_get("topics").op(OP)?;
    let archive_file: Option<String> = r.try_get("archive_file").op(OP)?;
    let archive_offset: Option<i64> = r.try_get("archive_offset").op(OP)?;
    let archive_sha256: Option<String> = r.try_get("archive_sha256").op(OP)?;
    let story: Option<i64> = r.try_get("story_id").op(OP)?;
    Ok(Article {
        id: ArticleId(r.try_get("id").op(OP)?),
        url: r.try_get("url").op(OP)?,
        canonical_url: r.try_get("canonical_url").op(OP)?,
        external_id: r.try_get("external_id").op(OP)?,
        source: r.try_get("source").op(OP)?,
        title: r.try_get("title").op(OP)?,
        byline: r.try_get("byline").op(OP)?,
        teaser: r.try_get("teaser").op(OP)?,
        published_at: published
            .as_deref()
            .map(DateTime::<FixedOffset>::parse_from_rfc3339)
            .transpose()
            .map_err(|e| corrupt("published time", e))?,
        modified_at: modified
            .as_deref()
            .map(DateTime::<FixedOffset>::parse_from_rfc3339)
            .transpose()
            .map_err(|e| corrupt("modified time", e))?,
        lang: lang
            .map(|l| Lang::from_str(&l))
            .transpose()
            .map_err(|e| corrupt("lang", e))?,
        paragraphs: json_list(&paragraphs, "paragraphs")?,
        kinds: json_list(&kinds, "paragraph kinds")?,
        embeds: json_list(&embeds, "embedded posts")?,
        content_hash: ContentHash(r.try_get("content_hash").op(OP)?),
        fetched_at: parse_utc(&fetched)?,
        archive: match (archive_file, archive_offset, archive_sha256) {
            (Some(file), Some(offset), Some(sha256)) => Some(ArchiveRef {
                file,
                offset: offset.max(0) as u64,
                sha256,
            }),
            _ => None,
        },
        topics: json_list(&topics, "topics")?,
        story: story.map(StoryId),
    })
}

/// Inserts or updates one draft inside an open write transaction.
async fn import_one(conn: &mut SqliteConnection, d: &ArticleDraft) -> Result<ImportOutcome> {
    const OP: &str = "import an article";
    let hash = d.content_hash();
    let kinds = to_json_kinds(&d.kinds);
    let embeds = to_json_list(&d.embeds);
    type Stored = (i64, String, String, String, Option<String>);
    let by_url: Option<Stored> = match &d.canonical_url {
        Some(c) => sqlx::query_as(
            "SELECT id, content_hash, kinds, embeds, modified_at FROM articles
             WHERE canonical_url = ?",
        )
        .bind(c)
        .fetch_optional(&mut *conn)
        .await
        .op(OP)?,
        None => None,
    };
    let outcome = match by_url {
        Some((id, old, old_kinds, old_embeds, old_modified)) if old == hash.0 => {
            // The same text, marked up anew, or stored before kinds and
            // embeds were kept: they follow the page without making a
            // version, never to none (a digest of the same text knows
            // less); so does the time the page says it was changed. New
            // kinds mark the article for analysis again, as preformatted
            // text is left out of it.
            let kinds = (old_kinds != kinds && kinds != "[]").then_some(kinds);
            let embeds = (old_embeds != embeds && embeds != "[]").then_some(embeds);
            let modified = rfc3339(d.modified_at).filter(|m| old_modified.as_ref() != Some(m));
            if kinds.is_some() || embeds.is_some() || modified.is_some() {
                sqlx::query(
                    "UPDATE articles SET kinds = coalesce(?1, kinds),
                        embeds = coalesce(?2, embeds), modified_at = coalesce(?3, modified_at),
                        analyzed_at = CASE WHEN ?1 IS NULL THEN analyzed_at END
                     WHERE id = ?4",
                )
                .bind(kinds)
                .bind(embeds)
                .bind(modified)
                .bind(id)
                .execute(&mut *conn)
                .await
                .op(OP)?;
            }
            ImportOutcome::Unchanged(ArticleId(id))
        }
        Some((id, ..)) => {
            keep_version(conn, id).await?;
            write_article(conn, Some(id), d, &hash).await?;
            ImportOutcome::Updated(ArticleId(id))
        }
        None => {
            // Same content already stored: without a URL it is the same
            // article; with one, it is the URL-less copy gaining its address.
            let same: Option<(i64, Option<String>)> = sqlx::query_as(
                "SELECT id, canonical_url FROM articles WHERE content_hash = ?
                 ORDER BY canonical_url IS NOT NULL DESC, id LIMIT 1",
            )
            .bind(&hash.0)
            .fetch_optional(&mut *conn)
            .await
            .op(OP)?;
            match (same, &d.canonical_url) {
                (Some((id, _)), None) => ImportOutcome::Unchanged(ArticleId(id)),
                (Some((id, None)), Some(_)) => {
                    write_article(conn, Some(id), d, &hash).await?;
                    ImportOutcome::Updated(ArticleId(id))
                }
                _ => ImportOutcome::Inserted(write_article(conn, None, d, &hash).await?),
            }
        }
    };
    if !matches!(outcome, ImportOutcome::Unchanged(_)) {
        sqlx::query("INSERT INTO index_outbox (article_id, op) VALUES (?, 'upsert')")
            .bind(outcome.id().0)
            .execute(&mut *conn)
            .await
            .op(OP)?;
    }
    Ok(outcome)
}

async fn keep_version(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO article_versions
            (article_id, title, byline, teaser, paragraphs, kinds, content_hash, fetched_at,
             replaced_at)
         SELECT id, title, byline, teaser, paragraphs, kinds, content_hash, fetched_at, ?
         FROM articles WHERE id = ?",
    )
    .bind(now_text())
    .bind(id)
    .execute(&mut *conn)
    .await
    .op("keep the earlier version of an article")?;
    Ok(())
}

async fn write_article(
    conn: &mut SqliteConnection,
    id: Option<i64>,
    d: &ArticleDraft,
    hash: &ContentHash,
) -> Result<ArticleId> {
    let sql = if id.is_some() {
        "UPDATE articles SET url = ?1, canonical_url = ?2, external_id = coalesce(?3, external_id),
            source = coalesce(?4, source), title = ?5, byline = ?6, teaser = ?7,
            published_at = coalesce(?8, published_at), published_utc = coalesce(?9, published_utc),
            lang = coalesce(?10, lang), paragraphs = ?11, content_hash = ?12, fetched_at = ?13,
            fetched_utc = ?14, archive_file = coalesce(?15, archive_file),
            archive_offset = coalesce(?16, archive_offset),
            archive_sha256 = coalesce(?17, archive_sha256), updated_at = ?18, analyzed_at = NULL,
            kinds = ?19, embeds = CASE WHEN ?20 = '[]' THEN embeds ELSE ?20 END,
            modified_at = coalesce(?21, modified_at)
         WHERE id = ?22 RETURNING id"
    } else {
        "INSERT INTO articles (url, canonical_url, external_id, source, title, byline, teaser,
            published_at, published_utc, lang, paragraphs, content_hash, fetched_at, fetched_utc,
            archive_file, archive_offset, archive_sha256, updated_at, kinds, embeds, modified_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21)
         RETURNING id"
    };
    let mut q = sqlx::query_scalar::<_, i64>(sql)
        .bind(&d.url)
        .bind(&d.canonical_url)
        .bind(&d.external_id)
        .bind(&d.source)
        .bind(&d.title)
        .bind(&d.byline)
        .bind(&d.teaser)
        .bind(
            d.published_at
                .map(|t| t.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
        )
        .bind(d.published_at.map(|t| t.timestamp()))
        .bind(d.lang.as_ref().map(|l| l.as_str().to_string()))
        .bind(to_json_list(&d.paragraphs))
        .bind(&hash.0)
        .bind(utc_text(d.fetched_at))
        .bind(d.fetched_at.timestamp())
        .bind(d.archive.as_ref().map(|a| a.file.clone()))
        .bind(d.archive.as_ref().map(|a| a.offset as i64))
        .bind(d.archive.as_ref().map(|a| a.sha256.clone()))
        .bind(now_text())
        .bind(to_json_kinds(&d.kinds))
        .bind(to_json_list(&d.embeds))
        .bind(rfc3339(d.modified_at));
    if let Some(id) = id {
        q = q.bind(id);
    }
    let id = q.fetch_one(&mut *conn).await.op("write an article")?;
    Ok(ArticleId(id))
}

async fn find_or_create_entity(
    conn: &mut SqliteConnection,
    key: Option<&str>,
    name: &str,
    kind: EntityKind,
    aliases: &[String],
) -> Result<i64> {
    const OP: &str = "store an entity";
    let mut found: Option<i64> = None;
    if let Some(key) = key {
        found = sqlx::query_scalar("SELECT id FROM entities WHERE key = ?")
            .bind(key)
            .fetch_optional(&mut *conn)
            .await
            .op(OP)?;
    }
    if found.is_none() {
        found = sqlx::query_scalar("SELECT id FROM entities WHERE name = ? AND kind = ?")
            .bind(name)
            .bind(kind.as_str())
            .fetch_optional(&mut *conn)
            .await
            .op(OP)?;
    }
    if found.is_none() {
        found = sqlx::query_scalar(
            "SELECT e.id FROM entities e JOIN entity_aliases a ON a.entity_id = e.id
             WHERE a.alias = ? AND e.kind = ? ORDER BY e.id LIMIT 1",
        )
        .bind(name)
        .bind(kind.as_str())
        .fetch_optional(&mut *conn)
        .await
        .op(OP)?;
    }
    let id = match found {
        Some(id) => {
            if let Some(key) = key {
                // An entity first stored without a key (or matched by name)
                // takes the key now, unless another entity holds it.
                sqlx::query(
                    "UPDATE entities SET key = ? WHERE id = ? AND key IS NULL
                     AND NOT EXISTS (SELECT 1 FROM entities WHERE key = ?)",
                )
                .bind(key)
                .bind(id)
                .bind(key)
                .execute(&mut *conn)
                .await
                .op(OP)?;
            }
            id
        }
        None => sqlx::query_scalar(
            "INSERT INTO entities (name, kind, key) VALUES (?, ?, ?) RETURNING id",
        )
        .bind(name)
        .bind(kind.as_str())
        .bind(key)
        .fetch_one(&mut *conn)
        .await
        .op(OP)?,
    };
    for alias in aliases.iter().filter(|a| a.as_str() != name) {
        sqlx::query("INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)")
            .bind(id)
            .bind(alias)
            .execute(&mut *conn)
            .await
            .op(OP)?;
    }
    Ok(id)
}

#[async_trait]
impl Store for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    async fn sync_config_sources(&self, sources: &[SourceDraft]) -> Result<SyncReport> {
        const OP: &str = "sync the sources from the config file";
        let mut tx = self.begin_write().await?;
        let mut report = SyncReport::default();
        type Row = (
            String,
            String,
            String,
            Option<String>,
            String,
            Option<String>,
        );
        let existing: Vec<Row> =
            sqlx::query_as("SELECT url, name, kind, lang, origin, pattern FROM sources")
                .fetch_all(&mut *tx)
                .await
                .op(OP)?;
        for s in sources {
            let lang = s.lang.as_ref().map(|l| l.as_str().to_string());
            match existing.iter().find(|e| e.0 == s.url) {
                Some(e)
                    if e.1 == s.name
                        && e.2 == s.kind.as_str()
                        && e.3 == lang
                        && e.4 == "config"
                        && e.5 == s.pattern => {}
                Some(_) => {
                    sqlx::query(
                        "UPDATE sources SET name = ?, kind = ?, lang = ?, origin = 'config', pattern = ? WHERE url = ?",
                    )
                    .bind(&s.name)
                    .bind(s.kind.as_str())
                    .bind(&lang)
                    .bind(&s.pattern)
                    .bind(&s.url)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| name_conflict(e, &s.name))?;
                    report.updated += 1;
                }
                None => {
                    sqlx::query(
                        "INSERT INTO sources (name, url, kind, lang, origin, created_at, pattern)
                         VALUES (?, ?, ?, ?, 'config', ?, ?)",
                    )
                    .bind(&s.name)
                    .bind(&s.url)
                    .bind(s.kind.as_str())
                    .bind(&lang)
                    .bind(now_text())
                    .bind(&s.pattern)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| name_conflict(e, &s.name))?;
                    report.added += 1;
                }
            }
        }
        for e in existing.iter().filter(|e| e.4 == "config") {
            if !sources.iter().any(|s| s.url == e.0) {
                sqlx::query("DELETE FROM sources WHERE url = ?")
                    .bind(&e.0)
                    .execute(&mut *tx)
                    .await
                    .op(OP)?;
                report.removed += 1;
            }
        }
        tx.commit().await.op(OP)?;
        Ok(report)
    }

    async fn add_source(&self, s: &SourceDraft) -> Result<Source> {
        const OP: &str = "add a source";
        let mut tx = self.begin_write().await?;
        let clash: Option<(String, String)> = sqlx::query_as(
            "SELECT name, url FROM sources WHERE url = ? OR name = ? COLLATE NOCASE LIMIT 1",
        )
        .bind(&s.url)
        .bind(&s.name)
        .fetch_optional(&mut *tx)
        .await
        .op(OP)?;
        if let Some((name, url)) = clash {
            return Err(Error::Conflict(format!(
                "a source named `{name}` with URL {url} is already in the catalog: \
                 choose another name, or remove it first with `khabar sources remove`"
            )));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO sources (name, url, kind, lang, origin, created_at, pattern)
             VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(&s.name)
        .bind(&s.url)
        .bind(s.kind.as_str())
        .bind(s.lang.as_ref().map(|l| l.as_str().to_string()))
        .bind(s.origin.as_str())
        .bind(now_text())
        .bind(&s.pattern)
        .fetch_one(&mut *tx)
        .await
        .op(OP)?;
        let row = sqlx::query(&format!(
            "SELECT {SOURCE_COLUMNS} FROM sources s WHERE s.id = ?"
        ))
        .bind(id)
        .fetch_one(&mut *tx)
        .await
        .op(OP)?;
        let source = source_from_row(&row)?;
        tx.commit().await.op(OP)?;
        Ok(source)
    }

    async fn remove_source(&self, key: &str) -> Result<Source> {
        const OP: &str = "remove a source";
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(&format!(
            "SELECT {SOURCE_COLUMNS} FROM sources s WHERE s.url = ? OR s.name = ? COLLATE NOCASE"
        ))
        .bind(key)
        .bind(key)
        .fetch_optional(&mut *tx)
        .await
        .op(OP)?;
        let Some(row) = row else {
            return Err(Error::NotFound(format!(
                "no source named `{key}` or with that URL: see `khabar sources list`"
            )));
        };
        let source = source_from_row(&row)?;
        if source.origin == SourceOrigin::Config {
            return Err(Error::Conflict(format!(
                "`{}` is defined in the config file: delete its [[source]] entry there",
                source.name
            )));
        }
        sqlx::query("DELETE FROM sources WHERE id = ?")
            .bind(source.id.0)
            .execute(&mut *tx)
            .await
            .op(OP)?;
        tx.commit().await.op(OP)?;
        Ok(source)
    }

    async fn list_sources(&self) -> Result<Vec<Source>> {
        let rows = sqlx::query(&format!(
            "SELECT {SOURCE_COLUMNS} FROM sources s ORDER BY s.name COLLATE NOCASE"
        ))
        .fetch_all(&self.pool)
        .await
        .op("list the sources")?;
        rows.iter().map(source_from_row).collect()
    }

    async fn import_articles(&self, drafts: &[ArticleDraft]) -> Result<ImportReport> {
        let mut tx = self.begin_write().await?;
        let mut report = ImportReport::default();
        for d in drafts {
            report.push(import_one(&mut tx, d).await?);
        }
        tx.commit().await.op("commit the import")?;
        Ok(report)
    }

    async fn list_articles(&self, q: &ArticleQuery) -> Result<Vec<Article>> {
        let mut sql = format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE 1 = 1");
        if q.since.is_some() {
            sql.push_str(" AND coalesce(published_utc, fetched_utc) >= ?");
        }
        if q.until.is_some() {
            sql.push_str(" AND coalesce(published_utc, fetched_utc) < ?");
        }
        if q.source.is_some() {
            sql.push_str(" AND source = ? COLLATE NOCASE");
        }
        if q.lang.is_some() {
            sql.push_str(" AND (lang = ? OR lang LIKE ? || '-%')");
        }
        sql.push_str(match q.order {
            Order::NewestFirst => " ORDER BY coalesce(published_utc, fetched_utc) DESC, id DESC",
            Order::OldestFirst => " ORDER BY coalesce(published_utc, fetched_utc) ASC, id ASC",
        });
        sql.push_str(" LIMIT ? OFFSET ?");
        let mut query = sqlx::query(&sql);
        if let Some(t) = q.since {
            query = query.bind(t.timestamp());
        }
        if let Some(t) = q.until {
            query = query.bind(t.timestamp());
        }
        if let Some(s) = &q.source {
            query = query.bind(s);
        }
        if let Some(l) = &q.lang {
            query = query
                .bind(l.primary().to_string())
                .bind(l.primary().to_string());
        }
        query = query
            .bind(q.limit.map_or(-1, i64::from))
            .bind(i64::from(q.offset));
        let rows = query.fetch_all(&self.pool).await.op("list articles")?;
        rows.iter().map(article_from_row).collect()
    }

    async fn get_article(&self, id: ArticleId) -> Result<Option<Article>> {
        let row = sqlx::query(&format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?"
        ))
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await
        .op("read an article")?;
        row.as_ref().map(article_from_row).transpose()
    }

    async fn count_articles(&self) -> Result<u64> {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM articles")
            .fetch_one(&self.pool)
            .await
            .op("count articles")?;
        Ok(n.max(0) as u64)
    }

    async fn article_versions(&self, id: ArticleId) -> Result<Vec<ArticleDraft>> {
        type Row = (
            String,
            Option<String>,
            Option<String>,
            String,
            String,
            String,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT title, byline, teaser, paragraphs, kinds, fetched_at FROM article_versions
             WHERE article_id = ? ORDER BY id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await
        .op("read earlier versions of an article")?;
        rows.into_iter()
            .map(|(title, byline, teaser, paragraphs, kinds, fetched)| {
                let mut d = ArticleDraft::new(title, json_list(&paragraphs, "paragraphs")?);
                d.kinds = json_list(&kinds, "paragraph kinds")?;
                d.byline = byline;
                d.teaser = teaser;
                d.fetched_at = parse_utc(&fetched)?;
                Ok(d)
            })
            .collect()
    }

    async fn save_analysis(&self, id: ArticleId, a: &Analysis) -> Result<()> {
        const OP: &str = "store an article's analysis";
        let mut tx = self.begin_write().await?;
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM articles WHERE id = ?")
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await
            .op(OP)?;
        if exists.is_none() {
            return Err(Error::NotFound(format!("no article with id {id}")));
        }
        for table in ["mentions", "quotes", "figures"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE article_id = ?"))
                .bind(id.0)
                .execute(&mut *tx)
                .await
                .op(OP)?;
        }
        let evidence: serde_json::Map<String, serde_json::Value> = a
            .topic_evidence
            .iter()
            .map(|(label, words)| (label.clone(), serde_json::json!(words)))
            .collect();
        sqlx::query(
            "UPDATE articles SET topics = ?, topic_evidence = ?,
             teaser = coalesce(teaser, ?), analyzed_at = ? WHERE id = ?",
        )
        .bind(to_json_list(&a.topics))
        .bind(serde_json::Value::Object(evidence).to_string())
        .bind(a.teaser.as_deref().filter(|t| !t.trim().is_empty()))
        .bind(now_text())
        .bind(id.0)
        .execute(&mut *tx)
        .await
        .op(OP)?;
        let mut names: Vec<(String, i64)> = Vec::new();
        for e in &a.entities {
            let eid = find_or_create_entity(&mut tx, e.key.as_deref(), &e.name, e.kind, &e.aliases)
                .await?;
            names.push((e.name.clone(), eid));
            for (surface, paragraph) in &e.mentions {
                sqlx::query(
                    "INSERT INTO mentions (entity_id, article_id, surface, paragraph) VALUES (?, ?, ?, ?)",
                )
                .bind(eid)
                .bind(id.0)
                .bind(surface)
                .bind(i64::from(*paragraph))
                .execute(&mut *tx)
                .await
                .op(OP)?;
            }
        }
        for q in &a.quotes {
            let speaker_entity = q.speaker_entity.map(|e| e.0).or_else(|| {
                names
                    .iter()
                    .find(|(n, _)| *n == q.speaker)
                    .map(|(_, id)| *id)
            });
            sqlx::query(
                "INSERT INTO quotes (article_id, speaker, speaker_entity, quote, sentence) VALUES (?, ?, ?, ?, ?)",
            )
            .bind(id.0)
            .bind(&q.speaker)
            .bind(speaker_entity)
            .bind(&q.quote)
            .bind(&q.sentence)
            .execute(&mut *tx)
            .await
            .op(OP)?;
        }
        for f in &a.figures {
            sqlx::query(
                "INSERT INTO figures (article_id, value, unit, approx, about, cited_source, sentence)
                 VALUES (?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(id.0)
            .bind(f.value)
            .bind(&f.unit)
            .bind(f.approx.map(Approx::as_str))
            .bind(&f.about)
            .bind(&f.cited_source)
            .bind(&f.sentence)
            .execute(&mut *tx)
            .await
            .op(OP)?;
        }
        sqlx::query("INSERT INTO index_outbox (article_id, op) VALUES (?, 'upsert')")
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .op(OP)?;
        tx.commit().await.op(OP)
    }

    async fn article_details(&self, id: ArticleId) -> Result<ArticleDetails> {
        const OP: &str = "read an article's analysis";
        let entity_rows: Vec<(i64, String, String, Option<String>, i64)> = sqlx::query_as(
            "SELECT e.id, e.name, e.kind, e.key, count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id
             WHERE m.article_id = ? GROUP BY e.id ORDER BY count(*) DESC, e.name",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await
        .op(OP)?;
        let mut entities = Vec::new();
        for (eid, name, kind, key, n) in entity_rows {
            let aliases: Vec<String> = sqlx::query_scalar(
                "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias",
            )
            .bind(eid)
            .fetch_all(&self.pool)
            .await
            .op(OP)?;
            let kind = EntityKind::from_str(&kind).map_err(|e| corrupt("entity kind", e))?;
            entities.push((
                Entity {
                    id: EntityId(eid),
                    name,
                    kind,
                    aliases,
                    key,
                },
                n.max(0) as u32,
            ));
        }
        let quotes = sqlx::query_as::<_, QuoteRow>(
            "SELECT article_id, speaker, speaker_entity, quote, sentence FROM quotes
                 WHERE article_id = ? ORDER BY id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await
        .op(OP)?
        .into_iter()
        .map(quote_from_row)
        .collect();
        let figures = sqlx::query_as::<_, FigureRow>(
            "SELECT article_id, value, unit, approx, about, cited_source, sentence FROM figures
                 WHERE article_id = ? ORDER BY id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await
        .op(OP)?
        .into_iter()
        .map(figure_from_row)
        .collect::<Result<Vec<_>>>()?;
        let evidence: Option<String> =
            sqlx::query_scalar("SELECT topic_evidence FROM articles WHERE id = ?")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await
                .op(OP)?;
        let topic_evidence = match evidence {
            Some(json) => {
                let map: std::collections::BTreeMap<String, Vec<String>> =
                    serde_json::from_str(&json).map_err(|e| corrupt("topic evidence", e))?;
                map.into_iter().collect()
            }
            None => Vec::new(),
        };
        Ok(ArticleDetails {
            entities,
            topic_evidence,
            quotes,
            figures,
        })
    }

    async fn crawl_states(&self) -> Result<Vec<CrawlState>> {
        const OP: &str = "read the crawl state of the sources";
        let rows = sqlx::query(&format!(
            "SELECT {SOURCE_COLUMNS}, s.etag, s.last_modified, s.next_fetch_at, s.poll_secs,
                    s.failures, s.last_new_at
             FROM sources s ORDER BY s.id"
        ))
        .fetch_all(&self.pool)
        .await
        .op(OP)?;
        rows.iter()
            .map(|r| {
                let failures: i64 = r.try_get("failures").op(OP)?;
                Ok(CrawlState {
                    source: source_from_row(r)?,
                    etag: r.try_get("etag").op(OP)?,
                    last_modified: r.try_get("last_modified").op(OP)?,
                    next_fetch_at: r.try_get("next_fetch_at").op(OP)?,
                    poll_secs: r.try_get("poll_secs").op(OP)?,
                    failures: failures.clamp(0, i64::from(u32::MAX)) as u32,
                    last_new_at: parse_opt_utc(r.try_get("last_new_at").op(OP)?)?,
                })
            })
            .collect()
    }

    async fn record_fetch(&self, source: SourceId, r: &FetchRecord) -> Result<()> {
        const OP: &str = "record a fetch of a source";
        let mut tx = self.begin_write().await?;
        let failed = r.error.is_some();
        sqlx::query(
            "UPDATE sources SET last_fetch_at = ?1, last_status = ?2, last_error = ?3,
                etag = CASE WHEN ?4 THEN etag ELSE coalesce(?5, etag) END,
                last_modified = CASE WHEN ?4 THEN last_modified ELSE coalesce(?6, last_modified) END,
                failures = CASE WHEN ?4 THEN failures + 1 ELSE 0 END,
                last_new_at = CASE WHEN ?7 > 0 THEN ?1 ELSE last_new_at END,
                next_fetch_at = ?8, poll_secs = ?9
             WHERE id = ?10",
        )
        .bind(utc_text(r.at))
        .bind(&r.status)
        .bind(&r.error)
        .bind(failed)
        .bind(&r.etag)
        .bind(&r.last_modified)
        .bind(i64::from(r.new_items))
        .bind(r.next_fetch_at.timestamp())
        .bind(r.poll_secs)
        .bind(source.0)
        .execute(&mut *tx)
        .await
        .op(OP)?;
        tx.commit().await.op(OP)
    }

    async fn enqueue(&self, items: &[QueueItem]) -> Result<usize> {
        const OP: &str = "queue article URLs";
        let mut tx = self.begin_write().await?;
        let mut added = 0;
        let now = now_text();
        for it in items {
            let done = sqlx::query(
                "INSERT INTO fetch_queue (source_id, url, raw_url, title, published_at, created_at)
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6
                 WHERE NOT EXISTS (SELECT 1 FROM articles WHERE canonical_url = ?2)
                   AND NOT EXISTS (SELECT 1 FROM article_urls WHERE url = ?2)
                 ON CONFLICT (url) DO NOTHING",
            )
            .bind(it.source_id.map(|s| s.0))
            .bind(&it.url)
            .bind(&it.raw_url)
            .bind(&it.title)
            .bind(it.published_at.map(|t| t.to_rfc3339()))
            .bind(&now)
            .execute(&mut *tx)
            .await
            .op(OP)?;
            added += done.rows_affected() as usize;
        }
        tx.commit().await.op(OP)?;
        Ok(added)
    }

    async fn claim(&self, limit: u32, lease: Duration, now: DateTime<Utc>) -> Result<Vec<Job>> {
        const OP: &str = "claim queued work";
        type Row = (
            i64,
            Option<i64>,
            String,
            String,
            Option<String>,
            Option<String>,
            i64,
            Option<String>,
        );
        let now_s = now.timestamp();
        let mut tx = self.begin_write().await?;
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT q.id, q.source_id, q.url, q.raw_url, q.title, q.published_at, q.attempts, s.name
             FROM fetch_queue q LEFT JOIN sources s ON s.id = q.source_id
             WHERE q.state = 'pending' AND q.next_try_at <= ?1
               AND (q.lease_until IS NULL OR q.lease_until <= ?1)
             ORDER BY q.next_try_at, q.id LIMIT ?2",
        )
        .bind(now_s)
        .bind(i64::from(limit))
        .fetch_all(&mut *tx)
        .await
        .op(OP)?;
        let until = now_s + lease.as_secs().max(1) as i64;
        let mut jobs = Vec::with_capacity(rows.len());
        for (id, source_id, url, raw_url, title, published, attempts, source_name) in rows {
            sqlx::query(
                "UPDATE fetch_queue SET lease_until = ?, attempts = attempts + 1 WHERE id = ?",
            )
            .bind(until)
            .bind(id)
            .execute(&mut *tx)
            .await
            .op(OP)?;
            let published_at = published
                .as_deref()
                .map(DateTime::<FixedOffset>::parse_from_rfc3339)
                .transpose()
                .map_err(|e| corrupt("queued publication time", e))?;
            jobs.push(Job {
                id,
                item: QueueItem {
                    source_id: source_id.map(SourceId),
                    url,
                    raw_url,
                    title,
                    published_at,
                },
                source_name,
                attempts: (attempts + 1).clamp(0, i64::from(u32::MAX)) as u32,
            });
        }
        tx.commit().await.op(OP)?;
        Ok(jobs)
    }

    async fn complete(&self, job: &Job, article: &ArticleDraft) -> Result<ImportOutcome> {
        let mut tx = self.begin_write().await?;
        let outcome = import_one(&mut tx, article).await?;
        // Remember the job's URL (and the fetched one) for this article.
        let fetched = article
            .url
            .as_deref()
            .and_then(|u| khabar_model::canonicalize_url(u).ok());
        for url in [Some(job.item.url.as_str()), fetched.as_deref()]
            .into_iter()
            .flatten()
        {
            sqlx::query("INSERT OR IGNORE INTO article_urls (url, article_id) VALUES (?, ?)")
                .bind(url)
                .bind(outcome.id().0)
                .execute(&mut *tx)
                .await
                .op("remember an article URL")?;
        }
        sqlx::query("DELETE FROM fetch_queue WHERE id = ?")
            .bind(job.id)
            .execute(&mut *tx)
            .await
            .op("finish a queued job")?;
        tx.commit().await.op("finish a queued job")?;
        Ok(outcome)
    }

    async fn drop_job(&self, job: &Job) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM fetch_queue WHERE id = ?")
            .bind(job.id)
            .execute(&mut *tx)
            .await
            .op("drop a queued job")?;
        tx.commit().await.op("drop a queued job")
    }

    async fn fail_job(
        &self,
        job: &Job,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<()> {
        const OP: &str = "record a failed job";
        let mut tx = self.begin_write().await?;
        let q = match retry_at {
            Some(t) => sqlx::query(
                "UPDATE fetch_queue SET lease_until = NULL, next_try_at = ?, last_error = ? WHERE id = ?",
            )
            .bind(t.timestamp()),
            None => sqlx::query(
                "UPDATE fetch_queue SET lease_until = NULL, state = 'failed', last_error = ? WHERE id = ?",
            ),
        };
        q.bind(error).bind(job.id).execute(&mut *tx).await.op(OP)?;
        tx.commit().await.op(OP)
    }

    async fn queue_counts(&self, now: DateTime<Utc>) -> Result<QueueCounts> {
        let (pending, leased, failed): (i64, i64, i64) = sqlx::query_as(
            "SELECT
                coalesce(sum(state = 'pending' AND (lease_until IS NULL OR lease_until <= ?1)), 0),
                coalesce(sum(state = 'pending' AND lease_until > ?1), 0),
                coalesce(sum(state = 'failed'), 0)
             FROM fetch_queue",
        )
        .bind(now.timestamp())
        .fetch_one(&self.pool)
        .await
        .op("count queued work")?;
        Ok(QueueCounts {
            pending: pending.max(0) as u64,
            leased: leased.max(0) as u64,
            failed: failed.max(0) as u64,
        })
    }

    async fn release_leases(&self) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let done =
            sqlx::query("UPDATE fetch_queue SET lease_until = NULL WHERE lease_until IS NOT NULL")
                .execute(&mut *tx)
                .await
                .op("release leases")?;
        tx.commit().await.op("release leases")?;
        Ok(done.rows_affected())
    }

    async fn archive_refs(&self) -> Result<Vec<(ArticleId, ArchiveRef)>> {
        let rows: Vec<(i64, String, i64, String)> = sqlx::query_as(
            "SELECT id, archive_file, archive_offset, archive_sha256 FROM articles
             WHERE archive_file IS NOT NULL ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await
        .op("list archive references")?;
        Ok(rows
            .into_iter()
            .map(|(id, file, offset, sha256)| {
                (
                    ArticleId(id),
                    ArchiveRef {
                        file,
                        offset: offset.max(0) as u64,
                        sha256,
                    },
                )
            })
            .collect())
    }

    async fn set_archive_refs(&self, refs: &[(ArticleId, ArchiveRef)]) -> Result<()> {
        const OP: &str = "set archive references";
        let mut tx = self.begin_write().await?;
        for (id, r) in refs {
            let done = sqlx::query(
                "UPDATE articles SET archive_file = ?, archive_offset = ?, archive_sha256 = ?
                 WHERE id = ?",
            )
            .bind(&r.file)
            .bind(i64::try_from(r.offset).unwrap_or(i64::MAX))
            .bind(&r.sha256)
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .op(OP)?;
            if done.rows_affected() == 0 {
                return Err(Error::NotFound(format!("no article {}", id.0)));
            }
        }
        tx.commit().await.op(OP)?;
        Ok(())
    }

    async fn pending_analysis(&self, limit: u32) -> Result<Vec<ArticleId>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM articles WHERE analyzed_at IS NULL
             ORDER BY coalesce(published_utc, fetched_utc), id LIMIT ?",
        )
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .op("list articles to analyse")?;
        Ok(ids.into_iter().map(ArticleId).collect())
    }

    async fn pending_stories(&self, limit: u32) -> Result<Vec<ArticleId>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM articles WHERE story_id IS NULL AND analyzed_at IS NOT NULL
             ORDER BY coalesce(published_utc, fetched_utc), id LIMIT ?",
        )
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .op("list articles in no story")?;
        Ok(ids.into_iter().map(ArticleId).collect())
    }

    async fn outbox_after(&self, after: i64, limit: u32) -> Result<Vec<OutboxItem>> {
        let rows: Vec<(i64, i64, String)> = sqlx::query_as(
            "SELECT id, article_id, op FROM index_outbox WHERE id > ? ORDER BY id LIMIT ?",
        )
        .bind(after)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .op("read the index outbox")?;
        Ok(rows
            .into_iter()
            .map(|(id, article, op)| OutboxItem {
                id,
                article: ArticleId(article),
                delete: op == "delete",
            })
            .collect())
    }

    async fn prune_outbox(&self, upto: i64) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("DELETE FROM index_outbox WHERE id <= ?")
            .bind(upto)
            .execute(&mut *tx)
            .await
            .op("prune the index outbox")?;
        tx.commit().await.op("prune the index outbox")?;
        Ok(done.rows_affected())
    }

    async fn last_outbox_id(&self) -> Result<i64> {
        sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM index_outbox")
            .fetch_one(&self.pool)
            .await
            .op("read the index outbox")
    }

    async fn index_sources(&self, ids: &[ArticleId]) -> Result<Vec<IndexSource>> {
        const OP: &str = "read articles for the index";
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let Some(article) = self.get_article(*id).await? else {
                continue;
            };
            let entities: Vec<String> = sqlx::query_scalar(
                "SELECT DISTINCT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id
                 WHERE m.article_id = ? ORDER BY e.name",
            )
            .bind(id.0)
            .fetch_all(&self.pool)
            .await
            .op(OP)?;
            let speakers: Vec<String> = sqlx::query_scalar(
                "SELECT DISTINCT speaker FROM quotes WHERE article_id = ? ORDER BY speaker",
            )
            .bind(id.0)
            .fetch_all(&self.pool)
            .await
            .op(OP)?;
            out.push(IndexSource {
                article,
                entities,
                speakers,
            });
        }
        Ok(out)
    }

    async fn article_ids_after(&self, after: ArticleId, limit: u32) -> Result<Vec<ArticleId>> {
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?")
                .bind(after.0)
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await
                .op("list article ids")?;
        Ok(ids.into_iter().map(ArticleId).collect())
    }

    async fn assign_story(&self, article: ArticleId, a: &StoryAssignment) -> Result<StoryId> {
        const OP: &str = "put an article into a story";
        let mut tx = self.begin_write().await?;
        let time: Option<i64> = sqlx::query_scalar(
            "SELECT coalesce(published_utc, fetched_utc) FROM articles WHERE id = ?",
        )
        .bind(article.0)
        .fetch_optional(&mut *tx)
        .await
        .op(OP)?;
        let Some(time) = time else {
            return Err(Error::NotFound(format!("no article with id {article}")));
        };
        let old: Option<i64> =
            sqlx::query_scalar("SELECT story_id FROM story_members WHERE article_id = ?")
                .bind(article.0)
                .fetch_optional(&mut *tx)
                .await
                .op(OP)?;
        sqlx::query("DELETE FROM story_members WHERE article_id = ?")
            .bind(article.0)
            .execute(&mut *tx)
            .await
            .op(OP)?;
        let story = match a.story {
            Some(s) => {
                let done = sqlx::query(
                    "UPDATE stories SET title = ?, first_seen = min(first_seen, ?),
                     last_seen = max(last_seen, ?) WHERE id = ?",
                )
                .bind(&a.title)
                .bind(time)
                .bind(time)
                .bind(s.0)
                .execute(&mut *tx)
                .await
                .op(OP)?;
                if done.rows_affected() == 0 {
                    return Err(Error::NotFound(format!("no story with id {s}")));
                }
                s
            }
            None => StoryId(
                sqlx::query_scalar(
                    "INSERT INTO stories (title, first_seen, last_seen) VALUES (?, ?, ?) RETURNING id",
                )
                .bind(&a.title)
                .bind(time)
                .bind(time)
                .fetch_one(&mut *tx)
                .await
                .op(OP)?,
            ),
        };
        sqlx::query(
            "INSERT INTO story_members (story_id, article_id, why, duplicate_of) VALUES (?, ?, ?, ?)",
        )
        .bind(story.0)
        .bind(article.0)
        .bind(&a.why)
        .bind(a.duplicate_of.map(|d| d.0))
        .execute(&mut *tx)
        .await
        .op(OP)?;
        sqlx::query("UPDATE articles SET story_id = ? WHERE id = ?")
            .bind(story.0)
            .bind(article.0)
            .execute(&mut *tx)
            .await
            .op(OP)?;
        if let Some(old) = old.filter(|o| *o != story.0) {
            sqlx::query(
                "DELETE FROM stories WHERE id = ?
                 AND NOT EXISTS (SELECT 1 FROM story_members WHERE story_id = ?)",
            )
            .bind(old)
            .bind(old)
            .execute(&mut *tx)
            .await
            .op(OP)?;
        }
        sqlx::query("INSERT INTO index_outbox (article_id, op) VALUES (?, 'upsert')")
            .bind(article.0)
            .execute(&mut *tx)
            .await
            .op(OP)?;
        tx.commit().await.op(OP)?;
        Ok(story)
    }

    async fn merge_stories(&self, into: StoryId, from: StoryId) -> Result<()> {
        const OP: &str = "merge two stories";
        if into == from {
            return Ok(());
        }
        let mut tx = self.begin_write().await?;
        let spans: Vec<(i64, i64, i64)> =
            sqlx::query_as("SELECT id, first_seen, last_seen FROM stories WHERE id IN (?, ?)")
                .bind(into.0)
                .bind(from.0)
                .fetch_all(&mut *tx)
                .await
                .op(OP)?;
        if spans.len() != 2 {
            let missing = if spans.iter().any(|s| s.0 == into.0) {
                from
            } else {
                into
            };
            return Err(Error::NotFound(format!("no story with id {missing}")));
        }
        let first = spans.iter().map(|s| s.1).min().unwrap_or(0);
        let last = spans.iter().map(|s| s.2).max().unwrap_or(0);
        sqlx::query(
            "INSERT INTO index_outbox (article_id, op)
             SELECT article_id, 'upsert' FROM story_members WHERE story_id = ?",
        )
        .bind(from.0)
        .execute(&mut *tx)
        .await
        .op(OP)?;
        for sql in [
            "UPDATE story_members SET story_id = ? WHERE story_id = ?",
            "UPDATE articles SET story_id = ? WHERE story_id = ?",
        ] {
            sqlx::query(sql)
                .bind(into.0)
                .bind(from.0)
                .execute(&mut *tx)
                .await
                .op(OP)?;
        }
        sqlx::query("UPDATE stories SET first_seen = ?, last_seen = ? WHERE id = ?")
            .bind(first)
            .bind(last)
            .bind(into.0)
            .execute(&mut *tx)
            .await
            .op(OP)?;
        sqlx::query("DELETE FROM stories WHERE id = ?")
            .bind(from.0)
            .execute(&mut *tx)
            .await
            .op(OP)?;
        tx.commit().await.op(OP)
    }

    async fn list_stories(&self, q: &StoryQuery) -> Result<Vec<Story>> {
        let order = if q.largest {
            "(SELECT count(*) FROM story_members m WHERE m.story_id = s.id) DESC, "
        } else {
            ""
        };
        let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(&format!(
            "SELECT s.id, s.title, s.first_seen, s.last_seen FROM stories s WHERE s.last_seen >= ?
             ORDER BY {order}s.last_seen DESC, s.id DESC LIMIT ? OFFSET ?"
        ))
        .bind(q.since.map_or(i64::MIN, |t| t.timestamp()))
        .bind(q.limit.map_or(-1, i64::from))
        .bind(i64::from(q.offset))
        .fetch_all(&self.pool)
        .await
        .op("list stories")?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            out.push(self.story_from_row(row).await?);
        }
        Ok(out)
    }

    async fn get_story(&self, id: StoryId) -> Result<Option<Story>> {
        let row: Option<(i64, String, i64, i64)> =
            sqlx::query_as("SELECT id, title, first_seen, last_seen FROM stories WHERE id = ?")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await
                .op("read a story")?;
        match row {
            Some(row) => Ok(Some(self.story_from_row(row).await?)),
            None => Ok(None),
        }
    }

    async fn list_quotes(&self, q: &LedgerQuery) -> Result<Vec<Quote>> {
        let join = self.ledger_join("quotes", "q", q).await?;
        let mut sql = format!(
            "SELECT q.article_id, q.speaker, q.speaker_entity, q.quote, q.sentence
             FROM {join} WHERE 1 = 1"
        );
        let text = q.text.as_deref().map(str::trim).filter(|t| !t.is_empty());
        if text.is_some() {
            sql.push_str(
                " AND (instr(lower(q.speaker), lower(?1)) > 0 OR q.speaker_entity IN
                   (SELECT entity_id FROM entity_aliases WHERE instr(lower(alias), lower(?1)) > 0))",
            );
        }
        if q.article.is_some() {
            sql.push_str(" AND q.article_id = ?2");
        }
        if q.entity.is_some() {
            sql.push_str(" AND q.speaker_entity = ?3");
        }
        if q.since.is_some() {
            sql.push_str(" AND coalesce(a.published_utc, a.fetched_utc) >= ?4");
        }
        sql.push_str(
            " ORDER BY coalesce(a.published_utc, a.fetched_utc) DESC, q.id LIMIT ?5 OFFSET ?6",
        );
        let rows: Vec<QuoteRow> = sqlx::query_as(&sql)
            .bind(text)
            .bind(q.article.map(|a| a.0))
            .bind(q.entity.map(|e| e.0))
            .bind(q.since.map(|t| t.timestamp()))
            .bind(q.limit.map_or(-1, i64::from))
            .bind(i64::from(q.offset))
            .fetch_all(&self.pool)
            .await
            .op("list quotes")?;
        Ok(rows.into_iter().map(quote_from_row).collect())
    }

    async fn list_figures(&self, q: &LedgerQuery) -> Result<Vec<Figure>> {
        let words: Vec<String> = q
            .text
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .take(16)
            .map(str::to_lowercase)
            .collect();
        let join = self.ledger_join("figures", "f", q).await?;
        let mut sql = format!(
            "SELECT f.article_id, f.value, f.unit, f.approx, f.about, f.cited_source, f.sentence
             FROM {join} WHERE 1 = 1"
        );
        for _ in &words {
            sql.push_str(" AND instr(lower(f.about || ' ' || f.sentence), ?) > 0");
        }
        if q.article.is_some() {
            sql.push_str(" AND f.article_id = ?");
        }
        if q.entity.is_some() {
            sql.push_str(
                " AND f.article_id IN (SELECT article_id FROM mentions WHERE entity_id = ?)",
            );
        }
        if q.since.is_some() {
            sql.push_str(" AND coalesce(a.published_utc, a.fetched_utc) >= ?");
        }
        sql.push_str(
            " ORDER BY coalesce(a.published_utc, a.fetched_utc) DESC, f.id LIMIT ? OFFSET ?",
        );
        let mut query = sqlx::query_as::<_, FigureRow>(&sql);
        for w in &words {
            query = query.bind(w.clone());
        }
        if let Some(a) = q.article {
            query = query.bind(a.0);
        }
        if let Some(e) = q.entity {
            query = query.bind(e.0);
        }
        if let Some(t) = q.since {
            query = query.bind(t.timestamp());
        }
        let rows = query
            .bind(q.limit.map_or(-1, i64::from))
            .bind(i64::from(q.offset))
            .fetch_all(&self.pool)
            .await
            .op("list figures")?;
        rows.into_iter().map(figure_from_row).collect()
    }

    async fn list_entities(
        &self,
        kind: Option<EntityKind>,
        limit: Option<u32>,
        offset: u32,
    ) -> Result<Vec<EntityStats>> {
        let rows: Vec<(i64, String, String, Option<String>, i64, i64)> = sqlx::query_as(
            "SELECT e.id, e.name, e.kind, e.key, count(m.id), count(DISTINCT m.article_id)
             FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id
             WHERE ?1 IS NULL OR e.kind = ?1
             GROUP BY e.id ORDER BY count(m.id) DESC, e.name LIMIT ?2 OFFSET ?3",
        )
        .bind(kind.map(EntityKind::as_str))
        .bind(limit.map_or(-1, i64::from))
        .bind(i64::from(offset))
        .fetch_all(&self.pool)
        .await
        .op("list entities")?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            out.push(self.entity_stats(row).await?);
        }
        Ok(out)
    }

    async fn get_entity(&self, id: EntityId) -> Result<Option<EntityStats>> {
        let row: Option<(i64, String, String, Option<String>, i64, i64)> = sqlx::query_as(
            "SELECT e.id, e.name, e.kind, e.key, count(m.id), count(DISTINCT m.article_id)
             FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id
             WHERE e.id = ? GROUP BY e.id",
        )
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await
        .op("read an entity")?;
        match row {
            Some(row) => Ok(Some(self.entity_stats(row).await?)),
            None => Ok(None),
        }
    }

    async fn entity_timeline(&self, id: EntityId) -> Result<Vec<(NaiveDate, u64)>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT date(coalesce(a.published_utc, a.fetched_utc), 'unixepoch') AS day,
                    count(DISTINCT a.id)
             FROM mentions m JOIN articles a ON a.id = m.article_id
             WHERE m.entity_id = ? GROUP BY day ORDER BY day",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await
        .op("count an entity's mentions per day")?;
        rows.into_iter()
            .map(|(day, n)| {
                let day = NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                    .map_err(|e| corrupt("mention day", e))?;
                Ok((day, n.max(0) as u64))
            })
            .collect()
    }

    async fn entity_articles(&self, id: EntityId, limit: u32) -> Result<Vec<Article>> {
        let rows = sqlx::query(&format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles
             WHERE id IN (SELECT article_id FROM mentions WHERE entity_id = ?)
             ORDER BY coalesce(published_utc, fetched_utc) DESC, id DESC LIMIT ?"
        ))
        .bind(id.0)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .op("list an entity's articles")?;
        rows.iter().map(article_from_row).collect()
    }
}

fn name_conflict(e: sqlx::Error, name: &str) -> Error {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => Error::Conflict(format!(
            "two sources are named `{name}`: source names must be unique (ignoring case)"
        )),
        _ => Error::Db {
            op: "sync the sources from the config file",
            source: e,
        },
    }
}
