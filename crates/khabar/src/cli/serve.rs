//! `khabar serve`: the web app, the JSON API and the Atom feeds.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use khabar_store::Store;

use super::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address to listen on (default: `[server] addr` of khabar.toml, 127.0.0.1:8080).
    #[arg(long)]
    addr: Option<String>,
}

/// How often the search index takes in the store's new articles.
const INDEX_EVERY: Duration = Duration::from_secs(10);

/// The web app's state for this data folder and config (the store, the
/// search index brought up to date, the token, the archive folder), and a
/// task that keeps feeding the index from the store's outbox until dropped.
pub async fn app_state(
    ctx: &Context,
) -> anyhow::Result<(khabar_web::AppState, tokio::task::JoinHandle<()>)> {
    let loaded = ctx.load_config()?;
    let store: Arc<dyn Store> = Arc::from(ctx.open_store().await?);
    let index = Arc::new(super::search::open_index(ctx, store.as_ref()).await?);
    if let Err(e) = khabar_pipeline::index::drain_outbox(store.as_ref(), &index).await {
        tracing::warn!("cannot bring the search index up to date: {e:#}; serving it as it is");
    }
    let feeder = {
        let (store, index) = (store.clone(), index.clone());
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(INDEX_EVERY).await;
                if let Err(e) = khabar_pipeline::index::drain_outbox(store.as_ref(), &index).await {
                    tracing::warn!("search index update failed: {e:#}");
                }
            }
        })
    };
    let archive = ctx.data.join("archive");
    let state = khabar_web::AppState::new(store)
        .with_index(Some(Arc::new(khabar_web::IndexSearch::new(index))))
        .with_token(loaded.config.server.token.clone())
        .with_archive_dir(archive.is_dir().then_some(archive));
    Ok((state, feeder))
}

pub async fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let loaded = ctx.load_config()?;
    let addr = args.addr.unwrap_or(loaded.config.server.addr.clone());
    let (state, feeder) = app_state(ctx).await?;
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .with_context(|| format!("cannot listen on {addr}; is another server using it?"))?;
    let local = listener.local_addr()?;
    {
        let mut err = std::io::stderr();
        writeln!(err, "khabar: serving http://{local}/ (Ctrl-C stops)")?;
    }
    tracing::info!(%local, "serving");
    khabar_web::serve(listener, khabar_web::router(state), shutdown())
        .await
        .context("the web server stopped with an error")?;
    feeder.abort();
    Ok(ExitCode::SUCCESS)
}

/// Ctrl-C (SIGINT) or, for service managers, SIGTERM.
pub(crate) async fn shutdown() {
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
