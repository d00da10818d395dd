//! `khabar stories`, `khabar quotes`, `khabar figures`, `khabar entities`:
//! what the understanding and stories stages found, across the store.

use std::io::Write;
use std::process::ExitCode;

use chrono::Utc;
use khabar_model::{EntityKind, Figure, Quote, Story};
use khabar_store::{EntityStats, LedgerQuery, StoryQuery};
use serde_json::{Value, json};

use super::Context;
use crate::{output, since};

#[derive(Debug, clap::Args)]
pub struct StoriesArgs {
    /// Stories with an article published (or fetched) since: 24h, 7d, 2024-06-01, all.
    #[arg(long, default_value = "24h")]
    since: String,
    /// At most this many stories (most recently active first).
    #[arg(long)]
    limit: Option<u32>,
    /// Largest stories first (most articles) instead of the most recently active.
    #[arg(long)]
    largest: bool,
    /// One JSON object per line (JSONL).
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
pub struct QuotesArgs {
    /// Only quotes of this speaker (name or alias, case-insensitive, part of it is enough).
    #[arg(long)]
    speaker: Option<String>,
    /// Only quotes in articles published since: 24h, 7d, 2024-06-01, all.
    #[arg(long)]
    since: Option<String>,
    #[arg(long)]
    limit: Option<u32>,
    /// One JSON object per line (JSONL).
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
pub struct FiguresArgs {
    /// Only figures whose subject or sentence holds every one of these words.
    #[arg(long)]
    about: Option<String>,
    /// Only figures in articles published since: 24h, 7d, 2024-06-01, all.
    #[arg(long)]
    since: Option<String>,
    #[arg(long)]
    limit: Option<u32>,
    /// One JSON object per line (JSONL).
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
pub struct EntitiesArgs {
    /// person, organization or place.
    #[arg(long)]
    kind: Option<String>,
    #[arg(long)]
    limit: Option<u32>,
    /// One JSON object per line (JSONL).
    #[arg(long)]
    json: bool,
}

pub fn story_json(s: &Story) -> Value {
    json!({
        "id": s.id.0,
        "title": s.title,
        "articles": s.members.iter().map(|m| m.article.0).collect::<Vec<_>>(),
        "outlets": s.outlets,
        "first_seen": s.first_seen.to_rfc3339(),
        "last_seen": s.last_seen.to_rfc3339(),
        "why": s.members.iter().map(|m| json!({
            "article": m.article.0,
            "why": m.why,
            "duplicate_of": m.duplicate_of.map(|d| d.0),
        })).collect::<Vec<_>>(),
    })
}

pub async fn stories(ctx: &Context, args: StoriesArgs) -> anyhow::Result<ExitCode> {
    let since = since::parse_bound(&args.since, Utc::now())?;
    let store = ctx.open_store().await?;
    let stories = store
        .list_stories(&StoryQuery {
            since,
            largest: args.largest,
            limit: args.limit,
            offset: 0,
        })
        .await?;
    let mut out = output::stdout();
    for s in &stories {
        if args.json {
            output::json_line(&mut out, &story_json(s))?;
        } else {
            writeln!(
                out,
                "{:>6}  {:>3} article(s)  {}",
                s.id.0,
                s.members.len(),
                s.title
            )?;
            if !s.outlets.is_empty() {
                writeln!(out, "        {}", s.outlets.join(", "))?;
            }
            for m in &s.members {
                writeln!(out, "        #{} {}", m.article.0, m.why)?;
            }
        }
    }
    out.flush()?;
    if !args.json && stories.is_empty() {
        eprintln!(
            "no stories since {}: try --since all, or import or crawl articles first",
            args.since
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn ledger_query(
    text: Option<String>,
    since: Option<&str>,
    limit: Option<u32>,
) -> anyhow::Result<LedgerQuery> {
    Ok(LedgerQuery {
        text,
        since: since
            .map(|s| since::parse_bound(s, Utc::now()))
            .transpose()?
            .flatten(),
        limit,
        ..Default::default()
    })
}

/// A quote as `quotes --json` and `show --json` write it.
pub fn quote_json(q: &Quote) -> Value {
    json!({
        "article": q.article.0,
        "speaker": q.speaker,
        "speaker_entity": q.speaker_entity.map(|e| e.0),
        "quote": q.quote,
        "sentence": q.sentence,
    })
}

/// A figure as `figures --json` and `show --json` write it.
pub fn figure_json(f: &Figure) -> Value {
    json!({
        "article": f.article.0,
        "value": f.value,
        "unit": f.unit,
        "approx": f.approx.map(|a| a.as_str()),
        "about": f.about,
        "cited_source": f.cited_source,
        "sentence": f.sentence,
    })
}

pub async fn quotes(ctx: &Context, args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let query = ledger_query(args.speaker, args.since.as_deref(), args.limit)?;
    let store = ctx.open_store().await?;
    let quotes = store.list_quotes(&query).await?;
    let mut out = output::stdout();
    for q in &quotes {
        if args.json {
            output::json_line(&mut out, &quote_json(q))?;
        } else {
            writeln!(out, "#{:<6} {}: “{}”", q.article.0, q.speaker, q.quote)?;
        }
    }
    out.flush()?;
    if !args.json && quotes.is_empty() {
        eprintln!("no quotes match");
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn figures(ctx: &Context, args: FiguresArgs) -> anyhow::Result<ExitCode> {
    let query = ledger_query(args.about, args.since.as_deref(), args.limit)?;
    let store = ctx.open_store().await?;
    let figures = store.list_figures(&query).await?;
    let mut out = output::stdout();
    for f in &figures {
        if args.json {
            output::json_line(&mut out, &figure_json(f))?;
        } else {
            let approx = f
                .approx
                .map(|a| format!("{} ", a.as_str().replace('_', " ")));
            let source = f
                .cited_source
                .as_deref()
                .map(|s| format!(" (per {s})"))
                .unwrap_or_default();
            writeln!(
                out,
                "#{:<6} {}{}{} — {}{}",
                f.article.0,
                approx.unwrap_or_default(),
                f.value,
                f.unit
                    .as_deref()
                    .map(|u| format!(" {u}"))
                    .unwrap_or_default(),
                f.about,
                source
            )?;
        }
    }
    out.flush()?;
    if !args.json && figures.is_empty() {
        eprintln!("no figures match");
    }
    Ok(ExitCode::SUCCESS)
}

pub fn entity_json(e: &EntityStats) -> Value {
    json!({
        "id": e.entity.id.0,
        "name": e.entity.name,
        "kind": e.entity.kind.as_str(),
        "aliases": e.entity.aliases,
        "key": e.entity.key,
        "mentions": e.mentions,
        "articles": e.articles,
    })
}

pub async fn entities(ctx: &Context, args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    let kind = args
        .kind
        .as_deref()
        .map(str::parse::<EntityKind>)
        .transpose()
        .map_err(|e| anyhow::anyhow!("{e}: use --kind person, organization or place"))?;
    let store = ctx.open_store().await?;
    let entities = store.list_entities(kind, args.limit, 0).await?;
    let mut out = output::stdout();
    for e in &entities {
        if args.json {
            output::json_line(&mut out, &entity_json(e))?;
        } else {
            let aliases = if e.entity.aliases.is_empty() {
                String::new()
            } else {
                format!(" (also {})", e.entity.aliases.join(", "))
            };
            writeln!(
                out,
                "{:>6}  {:<12}  {:>5}  {}{}",
                e.entity.id.0,
                e.entity.kind.as_str(),
                e.mentions,
                e.entity.name,
                aliases
            )?;
        }
    }
    out.flush()?;
    if !args.json && entities.is_empty() {
        eprintln!("no entities yet: import or crawl articles first");
    }
    Ok(ExitCode::SUCCESS)
}
