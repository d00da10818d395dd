//! `khabar-pipeline`: the wiring of the stages, read top to bottom like the
//! product's pipeline.
//!
//! [`Pipeline::process_source`]: is the source due → conditional fetch →
//! classify and record a failure → archive the response → parse the feed,
//! sitemap or section page → queue the article URLs not yet stored.
//!
//! [`Pipeline::process_article`]: fetch the page politely → archive it
//! (WARC, synced) → extract → store the article and finish the job in one
//! transaction.
//!
//! Work is persistent: article URLs wait in the store's queue and are
//! claimed with a lease, so a crawl killed at any point resumes where it was
//! (an expired lease makes its job ready again) and duplicates nothing (the
//! article is keyed by canonical URL and content hash). Stages receive
//! values; only this crate touches the store.
//!
//! Polling adapts per source: a source that had new items is polled twice
//! as often (never more often than `min_poll`), a quiet one 1.5× less often,
//! a failing one backs off exponentially (at most `max_poll`).

mod analyze;
pub mod index;
mod poll;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use khabar_archive::{Archive, Exchange};
use khabar_extract::{ExtractOptions, PageType};
use khabar_fetch::{FetchError, Fetcher, Purpose, Request, Response};
use khabar_model::{ArchiveRef, SourceKind};
use khabar_sources::{Candidate, Sitemap};
use khabar_store::{CrawlState, FetchRecord, ImportOutcome, Job, QueueItem, Store};
use tokio::task::JoinSet;

pub use analyze::{AnalysisFn, AnalysisSummary, Analyzer, analyze_article, to_analysis};
pub use poll::next_poll;

/// How the pipeline paces itself.
#[derive(Debug, Clone)]
pub struct PipelineOptions {
    /// A source is never polled more often than this.
    pub min_poll: Duration,
    /// Nor less often than this.
    pub max_poll: Duration,
    /// How long a claimed job is held before another worker may retry it.
    pub lease: Duration,
    /// Articles fetched at the same time (across hosts; one per host at a time anyway).
    pub workers: usize,
    /// Attempts before a page is given up.
    pub max_attempts: u32,
    /// Article URLs queued per source fetch at most (newest first in the source's order).
    pub max_items_per_fetch: usize,
    /// Child sitemaps followed from a sitemap index.
    pub max_child_sitemaps: usize,
    /// Site rules for extraction; `None` = the built-in table.
    pub site_rules: Option<Arc<khabar_extract::SiteRules>>,
}

impl Default for PipelineOptions {
    fn default() -> Self {
        PipelineOptions {
            min_poll: Duration::from_secs(15 * 60),
            max_poll: Duration::from_secs(24 * 3600),
            lease: Duration::from_secs(10 * 60),
            workers: 8,
            max_attempts: 5,
            max_items_per_fetch: 200,
            max_child_sitemaps: 3,
            site_rules: None,
        }
    }
}

/// What happened to one source in a crawl.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceOutcome {
    Fetched { new_urls: usize, items: usize },
    NotModified,
    Failed { code: &'static str, message: String },
}

/// What happened to one queued article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArticleOutcome {
    Stored(ImportOutcome),
    /// The page is a listing, product, … page, not an article.
    NotArticle(PageType),
    /// Will be tried again later.
    Retry {
        code: &'static str,
    },
    /// Given up.
    Failed {
        code: &'static str,
    },
}

/// One progress event, for a progress bar or a log.
#[derive(Debug, Clone)]
pub enum Event {
    SourcesDue(usize),
    Source {
        name: String,
        outcome: SourceOutcome,
    },
    ArticlesQueued(u64),
    Article {
        url: String,
        outcome: ArticleOutcome,
    },
}

/// Totals of one crawl, for the summary line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CrawlSummary {
    pub sources_due: usize,
    pub sources_fetched: usize,
    pub sources_not_modified: usize,
    pub sources_failed: BTreeMap<&'static str, usize>,
    pub new_urls: usize,
    pub articles_new: usize,
    pub articles_updated: usize,
    pub articles_unchanged: usize,
    pub not_articles: usize,
    pub pages_retry: BTreeMap<&'static str, usize>,
    pub pages_failed: BTreeMap<&'static str, usize>,
    pub analysis: AnalysisSummary,
}

type Observer = Arc<dyn Fn(&Event) + Send + Sync>;

/// The stages wired to the store.
#[derive(Clone)]
pub struct Pipeline {
    store: Arc<dyn Store>,
    fetcher: Arc<Fetcher>,
    archive: Arc<Archive>,
    opts: PipelineOptions,
    observer: Observer,
    analyzer: Option<Analyzer>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("opts", &self.opts)
            .finish_non_exhaustive()
    }
}

impl Pipeline {
    pub fn new(
        store: Arc<dyn Store>,
        fetcher: Arc<Fetcher>,
        archive: Arc<Archive>,
        opts: PipelineOptions,
    ) -> Self {
        Pipeline {
            store,
            fetcher,
            archive,
            opts,
            observer: Arc::new(|_| {}),
            analyzer: None,
        }
    }

    /// Runs `analyzer` over the new and changed articles after each crawl.
    pub fn with_analyzer(mut self, analyzer: Analyzer) -> Self {
        self.analyzer = Some(analyzer);
        self
    }

    /// Calls `f` for every progress event.
    pub fn observe(mut self, f: impl Fn(&Event) + Send + Sync + 'static) -> Self {
        self.observer = Arc::new(f);
        self
    }

    /// One pass: every due source (all when `force`), then every ready job
    /// of the queue (including jobs a killed crawl left behind).
    pub async fn crawl_once(&self, force: bool) -> anyhow::Result<CrawlSummary> {
        let mut summary = CrawlSummary::default();
        let now = Utc::now();
        let states = self.store.crawl_states().await?;
        let due: Vec<CrawlState> = states
            .into_iter()
            .filter(|s| force || s.next_fetch_at.is_none_or(|t| t <= now.timestamp()))
            .collect();
        summary.sources_due = due.len();
        (self.observer)(&Event::SourcesDue(due.len()));

        let mut set = JoinSet::new();
        for st in due {
            let me = self.clone();
            set.spawn(async move {
                let outcome = me.process_source(&st).await;
                (st.source.name.clone(), outcome)
            });
        }
        while let Some(done) = set.join_next().await {
            let (name, outcome) = done?;
            let outcome = outcome?;
            match &outcome {
                SourceOutcome::Fetched { new_urls, .. } => {
                    summary.sources_fetched += 1;
                    summary.new_urls += new_urls;
                }
                SourceOutcome::NotModified => summary.sources_not_modified += 1,
                SourceOutcome::Failed { code, .. } => {
                    *summary.sources_failed.entry(code).or_default() += 1
                }
            }
            (self.observer)(&Event::Source { name, outcome });
        }

        self.drain_queue(&mut summary).await?;
        if let Some(analyzer) = &self.analyzer {
            summary.analysis = analyzer.catch_up().await?;
        }
        Ok(summary)
    }

    /// Processes ready jobs until none is left, `workers` at a time.
    async fn drain_queue(&self, summary: &mut CrawlSummary) -> anyhow::Result<()> {
        let counts = self.store.queue_counts(Utc::now()).await?;
        (self.observer)(&Event::ArticlesQueued(counts.pending));
        loop {
            let jobs = self
                .store
                .claim(
                    self.opts.workers.max(1) as u32 * 4,
                    self.opts.lease,
                    Utc::now(),
                )
                .await?;
            if jobs.is_empty() {
                return Ok(());
            }
            let gate = Arc::new(tokio::sync::Semaphore::new(self.opts.workers.max(1)));
            let mut set = JoinSet::new();
            for job in jobs {
                let me = self.clone();
                let gate = gate.clone();
                set.spawn(async move {
                    let _permit = gate.acquire_owned().await;
                    let outcome = me.process_article(&job).await;
                    (job.item.raw_url.clone(), outcome)
                });
            }
            while let Some(done) = set.join_next().await {
                let (url, outcome) = done?;
                let outcome = outcome?;
                match &outcome {
                    ArticleOutcome::Stored(ImportOutcome::Inserted(_)) => summary.articles_new += 1,
                    ArticleOutcome::Stored(ImportOutcome::Updated(_)) => {
                        summary.articles_updated += 1
                    }
                    ArticleOutcome::Stored(ImportOutcome::Unchanged(_)) => {
                        summary.articles_unchanged += 1
                    }
                    ArticleOutcome::NotArticle(_) => summary.not_articles += 1,
                    ArticleOutcome::Retry { code } => {
                        *summary.pages_retry.entry(code).or_default() += 1
                    }
                    ArticleOutcome::Failed { code } => {
                        *summary.pages_failed.entry(code).or_default() += 1
                    }
                }
                (self.observer)(&Event::Article { url, outcome });
            }
        }
    }

    /// Fetches one source and queues its new article URLs. Fetch failures
    /// are recorded on the source and returned as an outcome; only store
    /// failures are errors.
    pub async fn process_source(&self, st: &CrawlState) -> anyhow::Result<SourceOutcome> {
        let source = &st.source;
        let span =
            tracing::info_span!("process_source", source_id = source.id.0, url = %source.url);
        let _enter = span.enter();
        let now = Utc::now();
        let purpose = match source.kind {
            SourceKind::Page => Purpose::Page,
            SourceKind::Feed | SourceKind::Sitemap => Purpose::Feed,
        };
        let mut req = Request::new(source.url.clone(), purpose);
        req.etag.clone_from(&st.etag);
        req.last_modified.clone_from(&st.last_modified);
        let fetched = self.fetcher.fetch(&req).await;
        let resp = match fetched {
            Err(e) => {
                let code = e.code();
                let retry = match &e {
                    FetchError::RateLimited { retry_at, .. } => Some(*retry_at),
                    _ => None,
                };
                let (next, poll) = next_poll(&self.opts, st, poll::Seen::Failed, now);
                let next = retry.map_or(next, |r| r.max(next));
                self.record(st, now, code, Some(code), None, 0, next, poll)
                    .await?;
                tracing::info!(code, error = %e, "source fetch failed");
                return Ok(SourceOutcome::Failed {
                    code,
                    message: e.to_string(),
                });
            }
            Ok(r) => r,
        };
        if resp.not_modified {
            let (next, poll) = next_poll(&self.opts, st, poll::Seen::Nothing, now);
            self.record(st, now, "not_modified", None, Some(&resp), 0, next, poll)
                .await?;
            return Ok(SourceOutcome::NotModified);
        }
        self.archive_response(&resp).await?;
        let (candidates, ttl) = match self.candidates(source, &resp).await {
            Ok(c) => c,
            Err(e) => {
                let (next, poll) = next_poll(&self.opts, st, poll::Seen::Failed, now);
                self.record(st, now, "Parse", Some("Parse"), None, 0, next, poll)
                    .await?;
                tracing::info!(error = %e, "source could not be parsed");
                return Ok(SourceOutcome::Failed {
                    code: "Parse",
                    message: format!("{e:#}"),
                });
            }
        };
        let items: Vec<QueueItem> = candidates
            .iter()
            .take(self.opts.max_items_per_fetch)
            .map(|c| QueueItem {
                source_id: Some(source.id),
                url: c.url.clone(),
                raw_url: c.raw_url.clone(),
                title: c.title.clone(),
                published_at: c.published_at,
            })
            .collect();
        let new_urls = self.store.enqueue(&items).await?;
        let seen = if new_urls > 0 {
            poll::Seen::New
        } else {
            poll::Seen::Nothing
        };
        let (mut next, mut poll) = next_poll(&self.opts, st, seen, now);
        // A feed's <ttl> asks for rarer polling: honour it.
        if let Some(ttl) = ttl.filter(|t| *t > poll) {
            poll = ttl;
            next =
                now + chrono::Duration::from_std(ttl).unwrap_or_else(|_| chrono::Duration::days(1));
        }
        self.record(
            st,
            now,
            "ok",
            None,
            Some(&resp),
            new_urls as u32,
            next,
            poll,
        )
        .await?;
        tracing::info!(items = items.len(), new_urls, "source fetched");
        Ok(SourceOutcome::Fetched {
            new_urls,
            items: items.len(),
        })
    }

    #[allow(
        clippy::too_many_arguments,
        reason = "one record, spelled out at each call"
    )]
    async fn record(
        &self,
        st: &CrawlState,
        at: DateTime<Utc>,
        status: &str,
        error: Option<&str>,
        resp: Option<&Response>,
        new_items: u32,
        next: DateTime<Utc>,
        poll: Duration,
    ) -> anyhow::Result<()> {
        let record = FetchRecord {
            at,
            status: status.to_string(),
            error: error.map(str::to_string),
            etag: resp.and_then(|r| r.etag()).map(str::to_string),
            last_modified: resp.and_then(|r| r.last_modified()).map(str::to_string),
            new_items,
            next_fetch_at: next,
            poll_secs: poll.as_secs() as i64,
        };
        self.store.record_fetch(st.source.id, &record).await?;
        Ok(())
    }

    /// Article candidates of a fetched source, following a sitemap index
    /// one level down. A source whose kind was guessed wrong is parsed as
    /// what its bytes are.
    async fn candidates(
        &self,
        source: &khabar_model::Source,
        resp: &Response,
    ) -> anyhow::Result<(Vec<Candidate>, Option<Duration>)> {
        let sniffed = khabar_sources::guess_kind(&resp.body, resp.content_type());
        let kind = match (source.kind, sniffed) {
            (SourceKind::Page, _) => SourceKind::Page,
            (_, Some(k)) => k,
            (k, None) => k,
        };
        match kind {
            SourceKind::Feed => {
                let doc = khabar_sources::parse_feed_doc(&resp.body, &resp.url)?;
                Ok((doc.candidates, doc.ttl))
            }
            SourceKind::Page => Ok((
                khabar_sources::links_from_page(&resp.body, &resp.url, source.pattern.as_deref()),
                None,
            )),
            SourceKind::Sitemap => match khabar_sources::parse_sitemap(&resp.body, &resp.url)? {
                Sitemap::Urls(c) => Ok((c, None)),
                Sitemap::Index(children) => {
                    let mut out = Vec::new();
                    // News sitemaps list the newest child last or first; take both ends.
                    let n = self.opts.max_child_sitemaps;
                    let mut picked: Vec<&String> = children.iter().rev().take(n).collect();
                    for c in children.iter().take(n) {
                        if !picked.contains(&c) {
                            picked.push(c);
                        }
                    }
                    for child in picked.into_iter().take(n) {
                        let r = self
                            .fetcher
                            .fetch(&Request::new(child.clone(), Purpose::Feed))
                            .await;
                        match r {
                            Ok(r) => {
                                self.archive_response(&r).await?;
                                if let Ok(Sitemap::Urls(c)) =
                                    khabar_sources::parse_sitemap(&r.body, &r.url)
                                {
                                    out.extend(c);
                                }
                            }
                            Err(e) => {
                                tracing::info!(url = %child, error = %e, "child sitemap failed")
                            }
                        }
                    }
                    Ok((out, None))
                }
            },
        }
    }

    /// Fetches, archives, extracts and stores one queued article.
    pub async fn process_article(&self, job: &Job) -> anyhow::Result<ArticleOutcome> {
        let span = tracing::info_span!("process_article", url = %job.item.raw_url);
        let _enter = span.enter();
        let resp = match self
            .fetcher
            .fetch(&Request::new(job.item.raw_url.clone(), Purpose::Page))
            .await
        {
            Ok(r) => r,
            Err(e) => return self.job_failed(job, &e).await,
        };
        let archived = self.archive_response(&resp).await?;
        let body = resp.body.clone();
        let opts = ExtractOptions {
            url: Some(resp.url.clone()),
            charset: resp.http_charset().map(str::to_string),
            site_rules: self.opts.site_rules.clone(),
            fetched_at: Some(resp.made_at().fixed_offset()),
        };
        let extracted =
            tokio::task::spawn_blocking(move || khabar_extract::extract(&body, &opts)).await?;
        let extracted = match extracted {
            Ok(x) => x,
            Err(e) => {
                tracing::info!(error = %e, "page could not be extracted");
                self.store.fail_job(job, "Extract", None).await?;
                return Ok(ArticleOutcome::Failed { code: "Extract" });
            }
        };
        // A link from a feed or sitemap is presumed an article: only pages
        // typed as lists of links or goods are dropped (the page typer is
        // tuned for arbitrary web pages, and misses cost more than extras).
        let not_article = matches!(
            extracted.page_type,
            PageType::Listing | PageType::Collection | PageType::Product
        );
        if not_article || extracted.blocks.is_empty() {
            self.store.drop_job(job).await?;
            return Ok(ArticleOutcome::NotArticle(extracted.page_type));
        }
        let mut draft = extracted.to_draft(Some(&resp.url));
        // A page may name its canonical URL, but only on its own site: a
        // syndicated copy pointing at the original outlet stays a copy
        // (stories group them), and no page can take over another's key.
        let foreign = draft
            .canonical_url
            .as_deref()
            .is_some_and(|c| !khabar_sources::same_site(c, &resp.url));
        if foreign || draft.canonical_url.is_none() {
            draft.canonical_url = Some(job.item.url.clone());
        }
        if draft.title.trim().is_empty() {
            draft.title = job
                .item
                .title
                .clone()
                .unwrap_or_else(|| job.item.url.clone());
        }
        // The feed's time beats one the page shows only relative to the
        // fetch ("3 hours ago" is read to the minute or the day).
        let relative =
            extracted.provenance.published_at == Some(khabar_extract::Source::VisibleRelative);
        if draft.published_at.is_none() || (relative && job.item.published_at.is_some()) {
            draft.published_at = job.item.published_at;
        }
        // The page's own language tag wins, but among the Arabic-script
        // languages the text's letters correct a template's tag; without a
        // tag, the text's language.
        draft.lang = khabar_understand::settle_lang(draft.lang.take(), &draft.paragraphs);
        if job.source_name.is_some() {
            draft.source.clone_from(&job.source_name);
        }
        draft.fetched_at = resp.fetched_at;
        draft.archive = archived;
        let outcome = self.store.complete(job, &draft).await?;
        Ok(ArticleOutcome::Stored(outcome))
    }

    async fn job_failed(&self, job: &Job, e: &FetchError) -> anyhow::Result<ArticleOutcome> {
        let code = e.code();
        let retry_at = match e {
            FetchError::RateLimited { retry_at, .. } => Some(*retry_at),
            e if e.is_transient() && job.attempts < self.opts.max_attempts => {
                let secs = 60u64 << job.attempts.min(10);
                let jitter = 0.5 + fastrand::f64();
                Some(Utc::now() + chrono::Duration::seconds((secs as f64 * jitter) as i64))
            }
            _ => None,
        };
        self.store.fail_job(job, code, retry_at).await?;
        tracing::info!(code, error = %e, retry = retry_at.is_some(), "page fetch failed");
        Ok(match retry_at {
            Some(_) => ArticleOutcome::Retry { code },
            None => ArticleOutcome::Failed { code },
        })
    }

    /// Appends the exchange to the WARC archive (synced before returning).
    async fn archive_response(&self, resp: &Response) -> anyhow::Result<Option<ArchiveRef>> {
        let archive = self.archive.clone();
        let resp = resp.clone();
        let r = tokio::task::spawn_blocking(move || {
            let ex = Exchange {
                url: &resp.url,
                method: "GET",
                request_headers: &resp.request_headers,
                status: resp.status,
                response_headers: &resp.headers,
                body: &resp.body,
                fetched_at: resp.fetched_at,
                ip: resp.remote_ip,
            };
            archive.append(&ex)
        })
        .await??;
        Ok(Some(r))
    }
}
