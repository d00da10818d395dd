//! `khabar crawl` and `khabar run`: the scheduler loop around the pipeline.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use khabar_archive::{Archive, ArchiveOptions};
use khabar_fetch::Fetcher;
use khabar_pipeline::{ArticleOutcome, CrawlSummary, Event, Pipeline, PipelineOptions};
use khabar_store::Store;
use serde_json::json;

use super::Context;
use crate::output;

#[derive(Debug, clap::Args)]
pub struct CrawlArgs {
    /// One pass over the due sources and the queue, then stop.
    #[arg(long)]
    once: bool,
    /// Fetch every source now, due or not.
    #[arg(long)]
    all: bool,
    /// Print the summary of each pass as one JSON document.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Address of the web app (default: `[server] addr` of khabar.toml, 127.0.0.1:8080).
    #[arg(long)]
    addr: Option<String>,
    /// Crawl only; no web app.
    #[arg(long)]
    no_serve: bool,
}

/// The pieces a crawl needs, built from the config.
async fn pipeline(
    ctx: &Context,
    quiet: bool,
) -> anyhow::Result<(Pipeline, Arc<dyn Store>, Arc<ProgressBar>)> {
    let loaded = ctx.load_config()?;
    let store: Arc<dyn Store> = Arc::from(ctx.open_store().await?);
    let fetcher = Arc::new(Fetcher::new(loaded.config.fetch.fetch_options())?);
    let archive_dir = ctx.data.join("archive");
    let archive = Archive::open(&archive_dir, ArchiveOptions::default())
        .with_context(|| format!("cannot open the WARC archive in {}", archive_dir.display()))?;
    // The archive's lock makes this the only crawler on this data folder:
    // leases still held belong to a crawl that was killed.
    let freed = store.release_leases().await?;
    if freed > 0 {
        tracing::info!(jobs = freed, "resuming work left by an interrupted crawl");
    }
    let bar = Arc::new(if quiet {
        ProgressBar::hidden()
    } else {
        let b = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        b.set_style(
            ProgressStyle::with_template("{spinner} {prefix:>9} [{bar:30}] {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        b
    });
    let b = bar.clone();
    let pipeline = Pipeline::new(
        store.clone(),
        fetcher,
        Arc::new(archive),
        PipelineOptions {
            site_rules: Some(loaded.config.site_rules()?),
            ..PipelineOptions::default()
        },
    )
    .with_analyzer(ctx.analyzer(store.clone())?)
    .observe(move |e| match e {
        Event::SourcesDue(n) => {
            b.set_prefix("sources");
            b.set_length(*n as u64);
            b.set_position(0);
        }
        Event::Source { name, .. } => {
            b.inc(1);
            b.set_message(name.clone());
        }
        Event::ArticlesQueued(n) => {
            b.set_prefix("articles");
            b.set_length(*n);
            b.set_position(0);
        }
        Event::Article { url, outcome } => {
            if b.position() >= b.length().unwrap_or(0) {
                b.inc_length(1);
            }
            b.inc(1);
            if let ArticleOutcome::Failed { code } = outcome {
                b.set_message(format!("{code}: {url}"));
            } else {
                b.set_message(url.clone());
            }
        }
    });
    Ok((pipeline, store, bar))
}

pub async fn crawl(ctx: &Context, args: CrawlArgs) -> anyhow::Result<ExitCode> {
    let (pipeline, store, bar) = pipeline(ctx, args.json).await?;
    warn_if_empty(store.as_ref()).await?;
    if args.once {
        let summary = pipeline.crawl_once(args.all).await?;
        bar.finish_and_clear();
        report(&summary, args.json)?;
        return Ok(ExitCode::SUCCESS);
    }
    schedule(&pipeline, store.as_ref(), &bar, args.all, args.json).await
}

pub async fn run(ctx: &Context, args: RunArgs) -> anyhow::Result<ExitCode> {
    let (pipeline, store, bar) = pipeline(ctx, false).await?;
    warn_if_empty(store.as_ref()).await?;
    // The web app runs beside the crawl in this process; it stops when the
    // crawl loop returns (Ctrl-C / SIGTERM), after in-flight requests.
    let web = if args.no_serve {
        None
    } else {
        let loaded = ctx.load_config()?;
        let addr = args.addr.unwrap_or(loaded.config.server.addr.clone());
        let (state, feeder) = super::serve::app_state(ctx).await?;
        let listener = tokio::net::TcpListener::bind(&addr)
            .await
            .with_context(|| {
                format!(
                    "cannot listen on {addr}; is another server using it? (--addr, or --no-serve)"
                )
            })?;
        eprintln!("khabar: serving http://{}/", listener.local_addr()?);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(khabar_web::serve(
            listener,
            khabar_web::router(state),
            async move {
                let _ = stopped.await;
            },
        ));
        Some((stop, server, feeder))
    };
    eprintln!("khabar is crawling on schedule; stop with Ctrl-C");
    let result = schedule(&pipeline, store.as_ref(), &bar, false, false).await;
    if let Some((stop, server, feeder)) = web {
        let _ = stop.send(());
        match server.await {
            Ok(Err(e)) => tracing::warn!("web server stopped with an error: {e:#}"),
            Err(e) => tracing::warn!("web server task failed: {e}"),
            Ok(Ok(())) => {}
        }
        feeder.abort();
    }
    result
}

async fn warn_if_empty(store: &dyn Store) -> anyhow::Result<()> {
    if store.list_sources().await?.is_empty() {
        eprintln!(
            "note: the catalog is empty: add sources with `khabar sources add NAME URL`, \
             `khabar sources import-opml FILE`, or start over with `khabar init --catalog afghanistan`"
        );
    }
    Ok(())
}

/// Passes until Ctrl-C; between passes it sleeps until the next source is
/// due (at most a minute, so sources added meanwhile are picked up). An
/// interrupted pass loses nothing: its leased jobs are retried.
async fn schedule(
    pipeline: &Pipeline,
    store: &dyn Store,
    bar: &ProgressBar,
    mut force: bool,
    json: bool,
) -> anyhow::Result<ExitCode> {
    loop {
        let pass = tokio::select! {
            r = pipeline.crawl_once(force) => Some(r?),
            _ = shutdown() => None,
        };
        force = false;
        bar.finish_and_clear();
        let Some(summary) = pass else {
            eprintln!("stopped; work in progress will resume on the next start");
            return Ok(ExitCode::SUCCESS);
        };
        if summary.sources_due > 0 || summary.new_urls > 0 {
            report(&summary, json)?;
        }
        let now = chrono::Utc::now().timestamp();
        let next_due = store
            .crawl_states()
            .await?
            .iter()
            .filter_map(|s| s.next_fetch_at)
            .min()
            .map_or(60, |t| (t - now).clamp(1, 60));
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(next_due as u64)) => {}
            _ = shutdown() => {
                eprintln!("stopped");
                return Ok(ExitCode::SUCCESS);
            }
        }
    }
}

fn codes(m: &BTreeMap<&'static str, usize>) -> String {
    m.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn report(s: &CrawlSummary, json: bool) -> anyhow::Result<()> {
    let mut out = output::stdout();
    if json {
        output::json_doc(
            &mut out,
            &json!({
                "sources_due": s.sources_due,
                "sources_fetched": s.sources_fetched,
                "sources_not_modified": s.sources_not_modified,
                "sources_failed": s.sources_failed,
                "new_urls": s.new_urls,
                "articles_new": s.articles_new,
                "articles_updated": s.articles_updated,
                "articles_unchanged": s.articles_unchanged,
                "not_articles": s.not_articles,
                "pages_retry": s.pages_retry,
                "pages_failed": s.pages_failed,
            }),
        )?;
    } else {
        let failed: usize = s.sources_failed.values().sum();
        write!(
            out,
            "sources: {} due, {} fetched, {} not modified, {} failed",
            s.sources_due, s.sources_fetched, s.sources_not_modified, failed
        )?;
        if failed > 0 {
            write!(out, " ({})", codes(&s.sources_failed))?;
        }
        write!(
            out,
            "\narticles: {} new URLs; {} stored new, {} updated, {} unchanged, {} not articles",
            s.new_urls, s.articles_new, s.articles_updated, s.articles_unchanged, s.not_articles
        )?;
        if !s.pages_retry.is_empty() {
            write!(out, "; retry later: {}", codes(&s.pages_retry))?;
        }
        if !s.pages_failed.is_empty() {
            write!(out, "; failed: {}", codes(&s.pages_failed))?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}

/// Ctrl-C (SIGINT) or, for service managers, SIGTERM.
async fn shutdown() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
