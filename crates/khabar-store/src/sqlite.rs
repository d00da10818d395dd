//! The SQLite back-end: WAL journal, `synchronous=FULL`, a busy timeout, and
//! `BEGIN IMMEDIATE` for every write so that a read-then-write transaction
//! never fails on a snapshot conflict with another writer.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use khabar_model::{
    Approx, ArchiveRef, Article, ArticleDraft, ArticleId, ContentHash, Entity, EntityId,
    EntityKind, Figure, Lang, Quote, Source, SourceDraft, SourceId, SourceKind, SourceOrigin,
    StoryId,
};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{Row, SqliteConnection, SqlitePool};

use crate::error::DbContext;
use crate::migrate::{Migration, SQLITE};
use crate::{
    Analysis, ArticleDetails, ArticleQuery, CrawlState, Error, FetchRecord, ImportOutcome,
    ImportReport, Job, Order, QueueCounts, QueueItem, Result, Store, SyncReport,
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
            .synchronous(SqliteSynchronous::Full)
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

fn json_list(s: &str, what: &'static str) -> Result<Vec<String>> {
    serde_json::from_str(s).map_err(|e| corrupt(what, e))
}

fn to_json_list(v: &[String]) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".to_string())
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
     published_at, lang, paragraphs, content_hash, fetched_at, archive_file, archive_offset,
     archive_sha256, topics, story_id";

fn article_from_row(r: &SqliteRow) -> Result<Article> {
    const OP: &str = "read an article";
    let published: Option<String> = r.try_get("published_at").op(OP)?;
    let lang: Option<String> = r.try_get("lang").op(OP)?;
    let fetched: String = r.try_get("fetched_at").op(OP)?;
    let paragraphs: String = r.try_get("paragraphs").op(OP)?;
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
        lang: lang
            .map(|l| Lang::from_str(&l))
            .transpose()
            .map_err(|e| corrupt("lang", e))?,
        paragraphs: json_list(&paragraphs, "paragraphs")?,
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
    let by_url: Option<(i64, String)> = match &d.canonical_url {
        Some(c) => sqlx::query_as("SELECT id, content_hash FROM articles WHERE canonical_url = ?")
            .bind(c)
            .fetch_optional(&mut *conn)
            .await
            .op(OP)?,
        None => None,
    };
    let outcome = match by_url {
        Some((id, old)) if old == hash.0 => ImportOutcome::Unchanged(ArticleId(id)),
        Some((id, _)) => {
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
            (article_id, title, byline, teaser, paragraphs, content_hash, fetched_at, replaced_at)
         SELECT id, title, byline, teaser, paragraphs, content_hash, fetched_at, ?
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
            archive_sha256 = coalesce(?17, archive_sha256), updated_at = ?18
         WHERE id = ?19 RETURNING id"
    } else {
        "INSERT INTO articles (url, canonical_url, external_id, source, title, byline, teaser,
            published_at, published_utc, lang, paragraphs, content_hash, fetched_at, fetched_utc,
            archive_file, archive_offset, archive_sha256, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
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
        .bind(now_text());
    if let Some(id) = id {
        q = q.bind(id);
    }
    let id = q.fetch_one(&mut *conn).await.op("write an article")?;
    Ok(ArticleId(id))
}

async fn find_or_create_entity(
    conn: &mut SqliteConnection,
    name: &str,
    kind: EntityKind,
    aliases: &[String],
) -> Result<i64> {
    const OP: &str = "store an entity";
    let mut found: Option<i64> =
        sqlx::query_scalar("SELECT id FROM entities WHERE name = ? AND kind = ?")
            .bind(name)
            .bind(kind.as_str())
            .fetch_optional(&mut *conn)
            .await
            .op(OP)?;
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
        Some(id) => id,
        None => sqlx::query_scalar("INSERT INTO entities (name, kind) VALUES (?, ?) RETURNING id")
            .bind(name)
            .bind(kind.as_str())
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
        let rows: Vec<(String, Option<String>, Option<String>, String, String)> = sqlx::query_as(
            "SELECT title, byline, teaser, paragraphs, fetched_at FROM article_versions
             WHERE article_id = ? ORDER BY id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await
        .op("read earlier versions of an article")?;
        rows.into_iter()
            .map(|(title, byline, teaser, paragraphs, fetched)| {
                let mut d = ArticleDraft::new(title, json_list(&paragraphs, "paragraphs")?);
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
        sqlx::query("UPDATE articles SET topics = ? WHERE id = ?")
            .bind(to_json_list(&a.topics))
            .bind(id.0)
            .execute(&mut *tx)
            .await
            .op(OP)?;
        let mut names: Vec<(String, i64)> = Vec::new();
        for e in &a.entities {
            let eid = find_or_create_entity(&mut tx, &e.name, e.kind, &e.aliases).await?;
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
        let entity_rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT e.id, e.name, e.kind, count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id
             WHERE m.article_id = ? GROUP BY e.id ORDER BY count(*) DESC, e.name",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await
        .op(OP)?;
        let mut entities = Vec::new();
        for (eid, name, kind, n) in entity_rows {
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
                },
                n.max(0) as u32,
            ));
        }
        let quotes = sqlx::query_as::<_, (String, Option<i64>, String, String)>(
            "SELECT speaker, speaker_entity, quote, sentence FROM quotes WHERE article_id = ? ORDER BY id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await
        .op(OP)?
        .into_iter()
        .map(|(speaker, se, quote, sentence)| Quote {
            article: id,
            speaker,
            speaker_entity: se.map(EntityId),
            quote,
            sentence,
        })
        .collect();
        let figure_rows: Vec<(
            f64,
            Option<String>,
            Option<String>,
            String,
            Option<String>,
            String,
        )> = sqlx::query_as(
            "SELECT value, unit, approx, about, cited_source, sentence FROM figures
                 WHERE article_id = ? ORDER BY id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await
        .op(OP)?;
        let figures = figure_rows
            .into_iter()
            .map(|(value, unit, approx, about, cited_source, sentence)| {
                Ok(Figure {
                    article: id,
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
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(ArticleDetails {
            entities,
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
