//! `khabar sources list|add|remove|import-opml|export-opml`.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use khabar_model::{Lang, Source, SourceDraft, SourceOrigin};
use khabar_store::Store;
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
        /// For a section page: only follow links whose URL contains this (`*` = anything).
        #[arg(long)]
        pattern: Option<String>,
    },
    /// Remove a source by name or URL (its articles stay).
    Remove {
        /// The source's name or URL.
        name_or_url: String,
    },
    /// Add every feed of an OPML file (sources already in the catalog, by
    /// name or URL, are skipped). The whole file is checked before anything
    /// is added.
    ImportOpml {
        /// The OPML file, as exported by a feed reader.
        file: PathBuf,
    },
    /// Write the catalog as OPML 2.0 (to stdout when no FILE is given).
    ExportOpml {
        /// Where to write it.
        file: Option<PathBuf>,
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
        "pattern": s.pattern,
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
            let width = sources
                .iter()
                .map(|s| s.name.chars().count())
                .max()
                .unwrap_or(4)
                .clamp(4, 40);
            if !json && !sources.is_empty() {
                writeln!(
                    out,
                    "{:<width$}  {:<7} {:<6} {:>8}  {:<16}  {:<18}  URL",
                    "NAME", "KIND", "LANG", "ARTICLES", "LAST FETCH", "HEALTH"
                )?;
            }
            for s in &sources {
                if json {
                    output::json_line(&mut out, &source_json(s))?;
                } else {
                    let last = s.last_fetch_at.map_or_else(
                        || "never".to_string(),
                        |t| t.format("%Y-%m-%d %H:%M").to_string(),
                    );
                    let health = match (&s.last_error, s.last_fetch_at) {
                        (Some(code), _) => format!("failing: {code}"),
                        (None, Some(_)) => "ok".to_string(),
                        (None, None) => "—".to_string(),
                    };
                    writeln!(
                        out,
                        "{:<width$}  {:<7} {:<6} {:>8}  {:<16}  {:<18}  {}{}",
                        s.name,
                        s.kind.as_str(),
                        s.lang.as_ref().map_or("—", |l| l.as_str()),
                        s.articles,
                        last,
                        health,
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
            pattern,
        } => {
            let mut draft = source_draft(
                &name,
                &url,
                kind.as_deref(),
                lang.as_deref(),
                SourceOrigin::Cli,
            )?;
            draft.pattern = crate::config::clean_pattern(pattern.as_deref())?;
            let s = store.add_source(&draft).await?;
            writeln!(out, "added {} ({}, {})", s.name, s.kind, s.url)?;
        }
        SourcesCommand::ImportOpml { file } => import_opml(store.as_ref(), &file, &mut out).await?,
        SourcesCommand::ExportOpml { file } => {
            let sources = store.list_sources().await?;
            let text = khabar_sources::write_opml(&sources, "khabar sources");
            match file {
                Some(path) => {
                    std::fs::write(&path, text)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                    eprintln!("wrote {} source(s) to {}", sources.len(), path.display());
                }
                None => out.write_all(text.as_bytes())?,
            }
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

/// Reads and checks the whole file, then adds the feeds that are new.
async fn import_opml(store: &dyn Store, file: &Path, out: &mut impl Write) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        anyhow::anyhow!(
            "{} is not UTF-8 text: save it as UTF-8 OPML and try again",
            file.display()
        )
    })?;
    let feeds = khabar_sources::parse_opml(&text).with_context(|| file.display().to_string())?;
    if feeds.is_empty() {
        bail!(
            "{}: no feed in it (no <outline> with an xmlUrl); nothing added",
            file.display()
        );
    }
    // Check everything before adding anything.
    let mut drafts: Vec<SourceDraft> = Vec::with_capacity(feeds.len());
    for (i, f) in feeds.iter().enumerate() {
        // A language attribute khabar cannot read is dropped, not fatal.
        let lang = f.lang.as_deref().filter(|l| l.parse::<Lang>().is_ok());
        let draft = source_draft(
            &f.title,
            &f.xml_url,
            Some(f.kind.as_str()),
            lang,
            SourceOrigin::Cli,
        )
        .with_context(|| {
            format!(
                "{}: feed number {} (`{}`) cannot be added; nothing was added",
                file.display(),
                i + 1,
                f.title
            )
        })?;
        drafts.push(draft);
    }
    let existing = store.list_sources().await?;
    let mut names: HashSet<String> = existing.iter().map(|s| s.name.to_lowercase()).collect();
    let mut urls: HashSet<String> = existing.iter().map(|s| s.url.clone()).collect();
    let mut fresh = Vec::new();
    let mut skipped = 0usize;
    for d in drafts {
        if urls.contains(&d.url) || names.contains(&d.name.to_lowercase()) {
            eprintln!("skipped {} ({}): already in the catalog", d.name, d.url);
            skipped += 1;
            continue;
        }
        names.insert(d.name.to_lowercase());
        urls.insert(d.url.clone());
        fresh.push(d);
    }
    for d in &fresh {
        store
            .add_source(d)
            .await
            .with_context(|| format!("cannot add {} ({})", d.name, d.url))?;
    }
    writeln!(
        out,
        "added {} source(s) from {}; skipped {skipped} already in the catalog",
        fresh.len(),
        file.display()
    )?;
    Ok(())
}
