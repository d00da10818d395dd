//! `khabar articles` and `khabar show ID`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context as _, anyhow};
use chrono::Utc;
use khabar_model::{Article, ArticleId, Lang};
use khabar_publish::article_json;
use khabar_store::{ArticleDetails, ArticleQuery, Order};
use serde_json::{Value, json};

use super::Context;
use crate::{output, since};

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only articles published (or, without a date, fetched) since: 24h, 7d, 2024-06-01, …
    #[arg(long)]
    since: Option<String>,
    /// Only articles published before this time.
    #[arg(long)]
    until: Option<String>,
    /// Only articles of this source (name, case-insensitive).
    #[arg(long)]
    source: Option<String>,
    /// Only articles in this language (fa matches fa and fa-AF).
    #[arg(long)]
    lang: Option<String>,
    /// At most this many articles.
    #[arg(long)]
    limit: Option<u32>,
    /// Oldest first (default: newest first).
    #[arg(long)]
    oldest_first: bool,
    /// One JSON object per line (JSONL).
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The article's id (see `khabar articles`).
    id: i64,
    /// One JSON document.
    #[arg(long)]
    json: bool,
}

pub async fn list(ctx: &Context, args: ListArgs) -> anyhow::Result<ExitCode> {
    let now = Utc::now();
    let query = ArticleQuery {
        since: args
            .since
            .as_deref()
            .map(|s| since::parse_bound(s, now))
            .transpose()?
            .flatten(),
        until: args
            .until
            .as_deref()
            .map(|s| since::parse_bound(s, now))
            .transpose()?
            .flatten(),
        source: args.source,
        lang: args.lang.as_deref().map(str::parse::<Lang>).transpose()?,
        order: if args.oldest_first {
            Order::OldestFirst
        } else {
            Order::NewestFirst
        },
        limit: args.limit,
        offset: 0,
    };
    let store = ctx.open_store().await?;
    let articles = store.list_articles(&query).await?;
    let mut out = output::stdout();
    for a in &articles {
        if args.json {
            output::json_line(&mut out, &article_json(a))?;
        } else {
            let when = a
                .published_at
                .map(|t| t.format("%Y-%m-%d %H:%M %:z").to_string())
                .unwrap_or_else(|| "—".into());
            writeln!(
                out,
                "{:>6}  {:<23}  {:<18}  {}",
                a.id.0,
                when,
                truncate(a.source.as_deref().unwrap_or("—"), 18),
                a.title
            )?;
        }
    }
    out.flush()?;
    if !args.json && articles.is_empty() {
        eprintln!("no articles match: import some with `khabar import PATH`, or widen --since");
    }
    Ok(ExitCode::SUCCESS)
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

pub async fn show(ctx: &Context, args: ShowArgs) -> anyhow::Result<ExitCode> {
    let store = ctx.open_store().await?;
    let id = ArticleId(args.id);
    let article = store
        .get_article(id)
        .await?
        .ok_or_else(|| anyhow!("no article with id {id}: list ids with `khabar articles`"))?;
    let details = store
        .article_details(id)
        .await
        .context("cannot read the article's analysis")?;
    let versions = store.article_versions(id).await?.len();
    let mut out = output::stdout();
    if args.json {
        output::json_doc(&mut out, &show_json(&article, &details, versions))?;
    } else {
        write_text(&mut out, &article, &details, versions)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `show --json`: the summary fields plus the whole text and the analysis.
fn show_json(a: &Article, d: &ArticleDetails, versions: usize) -> Value {
    let mut v = article_json(a);
    let extra = json!({
        "canonical_url": a.canonical_url,
        "external_id": a.external_id,
        "content_hash": a.content_hash.0,
        "fetched_at": a.fetched_at.to_rfc3339(),
        "modified_at": a.modified_at.map(|t| t.to_rfc3339()),
        "text": a.text(),
        "paragraphs": a.paragraphs,
        "kinds": khabar_publish::paragraph_kinds(a),
        "embeds": a.embeds,
        "entities": d.entities.iter().map(|(e, n)| json!({
            "id": e.id.0, "name": e.name, "kind": e.kind.as_str(), "aliases": e.aliases,
            "key": e.key, "mentions": n,
        })).collect::<Vec<_>>(),
        "topic_evidence": d.topic_evidence.iter()
            .map(|(t, words)| (t.clone(), json!(words)))
            .collect::<serde_json::Map<String, Value>>(),
        "quotes": d.quotes.iter().map(super::ledger::quote_json).collect::<Vec<_>>(),
        "figures": d.figures.iter().map(super::ledger::figure_json).collect::<Vec<_>>(),
        "archive": a.archive.as_ref().map(|r| json!({
            "file": r.file, "offset": r.offset, "sha256": r.sha256,
        })),
        "versions": versions,
    });
    if let (Value::Object(base), Value::Object(more)) = (&mut v, extra) {
        base.extend(more);
    }
    v
}

fn write_text(
    out: &mut impl Write,
    a: &Article,
    d: &ArticleDetails,
    versions: usize,
) -> std::io::Result<()> {
    writeln!(out, "{}", a.title)?;
    let mut meta = Vec::new();
    if let Some(b) = &a.byline {
        meta.push(format!("by {b}"));
    }
    if let Some(s) = &a.source {
        meta.push(s.clone());
    }
    if let Some(t) = a.published_at {
        meta.push(t.format("%Y-%m-%d %H:%M %:z").to_string());
    }
    if let Some(l) = &a.lang {
        meta.push(l.to_string());
    }
    if !meta.is_empty() {
        writeln!(out, "{}", meta.join(" · "))?;
    }
    if let Some(u) = &a.url {
        writeln!(out, "{u}")?;
    }
    writeln!(out)?;
    if let Some(t) = &a.teaser {
        writeln!(out, "{t}\n")?;
    }
    for p in &a.paragraphs {
        writeln!(out, "{p}\n")?;
    }
    if !a.topics.is_empty() {
        let topics: Vec<String> = a
            .topics
            .iter()
            .map(|t| match d.topic_evidence.iter().find(|(l, _)| l == t) {
                Some((_, words)) if !words.is_empty() => format!("{t} ({})", words.join(", ")),
                _ => t.clone(),
            })
            .collect();
        writeln!(out, "Topics: {}", topics.join("; "))?;
    }
    if !d.entities.is_empty() {
        let names: Vec<&str> = d.entities.iter().map(|(e, _)| e.name.as_str()).collect();
        writeln!(out, "Entities: {}", names.join(", "))?;
    }
    if !d.quotes.is_empty() {
        writeln!(out, "Quotes:")?;
        for q in &d.quotes {
            writeln!(out, "  {}: “{}”", q.speaker, q.quote)?;
        }
    }
    if !d.figures.is_empty() {
        writeln!(out, "Figures:")?;
        for f in &d.figures {
            writeln!(
                out,
                "  {} {} — {}",
                f.value,
                f.unit.as_deref().unwrap_or(""),
                f.about
            )?;
        }
    }
    if let Some(r) = &a.archive {
        writeln!(
            out,
            "archived: {} @ {} (sha256 {})",
            r.file, r.offset, r.sha256
        )?;
    }
    if versions > 0 {
        writeln!(out, "earlier versions kept: {versions}")?;
    }
    writeln!(
        out,
        "id {} · content {}",
        a.id,
        &a.content_hash.0[..12.min(a.content_hash.0.len())]
    )
}
