//! `khabar sources list|add|remove`.

use std::io::Write;
use std::process::ExitCode;

use khabar_model::{Source, SourceOrigin};
use serde_json::json;

use super::Context;
use crate::config::source_draft;
use crate::output;

#[derive(Debug, clap::Subcommand)]
pub enum SourcesCommand {
    /// List the catalog with each source's health.
    List {
        /// One JSON object per line (JSONL).
        #[arg(long)]
        json: bool,
    },
    /// Add a source (stored in the database; sources in khabar.toml are added there).
    Add {
        /// A name for the outlet, unique in the catalog.
        name: String,
        /// Its feed, sitemap or section page URL.
        url: String,
        /// feed, sitemap or page (guessed from the URL when absent).
        #[arg(long)]
        kind: Option<String>,
        /// Language hint (en, fa, ps, …).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Remove a source by name or URL (its articles stay).
    Remove {
        /// The source's name or URL.
        name_or_url: String,
    },
}

fn source_json(s: &Source) -> serde_json::Value {
    json!({
        "id": s.id.0,
        "name": s.name,
        "url": s.url,
        "kind": s.kind.as_str(),
        "lang": s.lang.as_ref().map(|l| l.as_str()),
        "origin": s.origin.as_str(),
        "articles": s.articles,
        "last_fetch_at": s.last_fetch_at.map(|t| t.to_rfc3339()),
        "last_error": s.last_error,
    })
}

pub async fn run(ctx: &Context, cmd: SourcesCommand) -> anyhow::Result<ExitCode> {
    let store = ctx.open_store().await?;
    let mut out = output::stdout();
    match cmd {
        SourcesCommand::List { json } => {
            let sources = store.list_sources().await?;
            for s in &sources {
                if json {
                    output::json_line(&mut out, &source_json(s))?;
                } else {
                    writeln!(
                        out,
                        "{:<24} {:<7} {:<5} {:>6}  {}{}",
                        s.name,
                        s.kind.as_str(),
                        s.lang.as_ref().map_or("—", |l| l.as_str()),
                        s.articles,
                        s.url,
                        if s.origin == SourceOrigin::Config {
                            "  (khabar.toml)"
                        } else {
                            ""
                        }
                    )?;
                }
            }
            if sources.is_empty() && !json {
                eprintln!("the catalog is empty: add a source with `khabar sources add NAME URL`");
            }
        }
        SourcesCommand::Add {
            name,
            url,
            kind,
            lang,
        } => {
            let draft = source_draft(
                &name,
                &url,
                kind.as_deref(),
                lang.as_deref(),
                SourceOrigin::Cli,
            )?;
            let s = store.add_source(&draft).await?;
            writeln!(out, "added {} ({}, {})", s.name, s.kind, s.url)?;
        }
        SourcesCommand::Remove { name_or_url } => {
            let s = store.remove_source(&name_or_url).await?;
            writeln!(
                out,
                "removed {} ({}); its {} article(s) stay",
                s.name, s.url, s.articles
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
