//! `khabar search QUERY` and `khabar reindex`.
//!
//! The index lives in `DATA/index/`. `search` first applies the store's
//! outbox to it (so results include everything stored), unless another
//! process is writing the index, in which case it searches what is there.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;
use chrono::Utc;
use khabar_index::{Filters, Index, SearchRequest, Sort};
use khabar_model::ArticleId;
use khabar_store::Store;
use serde_json::json;

use super::Context;
use crate::{output, since};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SortArg {
    Relevance,
    Date,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The query: words (all must match), "phrases", OR, NOT or -, ( ),
    /// title:, outlet:, lang:, topic:, entity:, speaker:, story:,
    /// since:2024-06-01, until:…, date:P1W. Empty: every article.
    #[arg(default_value = "")]
    query: String,
    /// Only articles published (or, without a date, fetched) since: 24h, 7d, 2024-06-01, …
    #[arg(long)]
    since: Option<String>,
    /// Only articles published before this time.
    #[arg(long)]
    until: Option<String>,
    /// Only articles of this source (its exact name, as `khabar sources list` shows it).
    #[arg(long)]
    source: Vec<String>,
    /// Only articles with this topic.
    #[arg(long)]
    topic: Vec<String>,
    /// Only articles in this language (fa matches fa and fa-AF).
    #[arg(long)]
    lang: Vec<String>,
    /// Order of the hits.
    #[arg(long, value_enum, default_value = "relevance")]
    sort: SortArg,
    /// Hits to show (at most 1000).
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Hits to skip (at most 10000).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// One JSON document: total, hits, facets.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
pub struct ReindexArgs {}

/// Opens the data folder's search index.
/// The search index of the data folder. One made by another version of
/// khabar (or damaged) is replaced and rebuilt from the store first.
pub async fn open_index(ctx: &Context, store: &dyn Store) -> anyhow::Result<Index> {
    let dir = ctx.data.join("index");
    let (index, replaced) = Index::open_or_replace(&dir)
        .with_context(|| format!("cannot open the search index at {}", dir.display()))?;
    if replaced {
        eprintln!(
            "the search index at {} was made by another version of khabar or is damaged; rebuilding it from the store",
            dir.display()
        );
        let n = khabar_pipeline::index::reindex(store, &index).await?;
        eprintln!("indexed {n} articles");
    }
    Ok(index)
}

pub async fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    if let Err(e) = khabar_index::query::parse(&args.query) {
        eprintln!("error: {e}");
        return Ok(ExitCode::from(2));
    }
    let now = Utc::now();
    let bound = |s: &Option<String>| -> anyhow::Result<_> {
        Ok(s.as_deref()
            .map(|s| since::parse_bound(s, now))
            .transpose()?
            .flatten())
    };
    let req = SearchRequest {
        query: args.query.clone(),
        filters: Filters {
            since: bound(&args.since)?,
            until: bound(&args.until)?,
            outlets: args.source.clone(),
            langs: args.lang.clone(),
            topics: args.topic.clone(),
            ..Filters::default()
        },
        sort: match args.sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Date => Sort::Date,
        },
        limit: args.limit,
        offset: args.offset,
        facets: args.json,
        histogram: false,
    };
    let store = ctx.open_store().await?;
    let index = open_index(ctx, store.as_ref()).await?;
    match khabar_pipeline::index::drain_outbox(store.as_ref(), &index).await {
        Ok(_) => {}
        Err(e)
            if e.downcast_ref::<khabar_index::Error>()
                .is_some_and(|e| matches!(e, khabar_index::Error::Busy { .. })) =>
        {
            tracing::warn!("{e:#}; searching the index as it is");
        }
        Err(e) => return Err(e.context("cannot bring the search index up to date")),
    }
    let res = index.search(&req)?;

    // Snippets from the whole text, which only the store keeps.
    let ids: Vec<ArticleId> = res.hits.iter().map(|h| ArticleId(h.id as i64)).collect();
    let texts: std::collections::HashMap<i64, String> = store
        .index_sources(&ids)
        .await?
        .into_iter()
        .map(|s| (s.article.id.0, s.article.paragraphs.join("\n\n")))
        .collect();
    let hl = index.highlighter(&args.query)?;
    let snippet = |h: &khabar_index::Hit| match texts.get(&(h.id as i64)) {
        Some(t) => hl.snippet(t),
        None => h.snippet_html.clone(),
    };

    let mut out = output::stdout();
    if args.json {
        let facet = |v: &[khabar_index::FacetCount]| {
            v.iter()
                .map(|f| json!({ "value": f.value, "count": f.count }))
                .collect::<Vec<_>>()
        };
        let doc = json!({
            "total": res.total,
            "hits": res.hits.iter().map(|h| json!({
                "id": h.id,
                "title": h.title,
                "source": h.outlet,
                "published_at": h.published.to_rfc3339(),
                "lang": h.lang,
                "score": h.score,
                "snippet": snippet(h),
            })).collect::<Vec<_>>(),
            "facets": {
                "source": facet(&res.facets.outlet),
                "lang": facet(&res.facets.lang),
                "topic": facet(&res.facets.topic),
                "entity": facet(&res.facets.entity),
            },
            "facets_estimated": res.facets.estimated,
        });
        output::json_doc(&mut out, &doc)?;
    } else {
        writeln!(out, "{} matching", res.total)?;
        for h in &res.hits {
            writeln!(
                out,
                "{:>6}  {}  {}  {}",
                h.id,
                h.published.format("%Y-%m-%d"),
                h.outlet.as_deref().unwrap_or("-"),
                h.title
            )?;
            let plain = plain_text(&snippet(h));
            if !plain.is_empty() {
                writeln!(out, "        {plain}")?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A snippet's HTML as terminal text: tags dropped, entities decoded,
/// line breaks folded.
fn plain_text(html: &str) -> String {
    let no_tags = html.replace("<b>", "").replace("</b>", "");
    let decoded = no_tags
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub async fn reindex(ctx: &Context, _args: ReindexArgs) -> anyhow::Result<ExitCode> {
    let store = ctx.open_store().await?;
    let dir = ctx.data.join("index");
    let (index, _) = Index::open_or_replace(&dir)
        .with_context(|| format!("cannot open the search index at {}", dir.display()))?;
    let started = std::time::Instant::now();
    let n = khabar_pipeline::index::reindex(store.as_ref(), &index).await?;
    eprintln!(
        "indexed {n} articles in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    #[test]
    fn snippets_become_plain_text() {
        assert_eq!(
            plain_text("a <b>kabul</b> &amp; &lt;b&gt;\n x"),
            "a kabul & <b> x"
        );
    }
}
