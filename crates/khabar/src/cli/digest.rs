//! `khabar digest`: recent articles as digest text, Markdown, HTML or JSON.

use std::io::Write;
use std::process::ExitCode;

use chrono::Utc;
use khabar_publish::{to_html, to_json, to_markdown, to_text};
use khabar_store::{ArticleQuery, Order};

use super::Context;
use crate::{output, since};

#[derive(Debug, clap::Args)]
pub struct DigestArgs {
    /// Articles published (or, without a date, fetched) since: 24h, 7d, 2024-06-01, or `all`.
    #[arg(long, default_value = "24h")]
    since: String,
    /// Only articles of this source.
    #[arg(long)]
    source: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: DigestFormat,
    /// Heading of Markdown and HTML digests.
    #[arg(long)]
    title: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DigestFormat {
    Text,
    Md,
    Html,
    Json,
}

pub async fn run(ctx: &Context, args: DigestArgs) -> anyhow::Result<ExitCode> {
    let now = Utc::now();
    let since = since::parse_bound(&args.since, now)?;
    let store = ctx.open_store().await?;
    let query = ArticleQuery {
        since,
        source: args.source,
        order: Order::OldestFirst,
        ..Default::default()
    };
    let articles = store.list_articles(&query).await?;
    let title = args.title.unwrap_or_else(|| match since {
        Some(t) => format!("khabar digest since {}", t.format("%Y-%m-%d %H:%M UTC")),
        None => "khabar digest".to_string(),
    });
    let body = match args.format {
        DigestFormat::Text => to_text(&articles),
        DigestFormat::Md => to_markdown(&articles, &title),
        DigestFormat::Html => to_html(&articles, &title),
        DigestFormat::Json => {
            let mut v = to_json(&articles);
            if let serde_json::Value::Object(m) = &mut v {
                m.insert("title".into(), title.clone().into());
                m.insert("since".into(), since.map(|t| t.to_rfc3339()).into());
                m.insert("generated_at".into(), now.to_rfc3339().into());
            }
            let mut s = serde_json::to_string_pretty(&v)?;
            s.push('\n');
            s
        }
    };
    let mut out = output::stdout();
    out.write_all(body.as_bytes())?;
    out.flush()?;
    if articles.is_empty() {
        eprintln!(
            "the digest is empty: no articles since {}; try --since 7d or --since all",
            args.since
        );
    }
    Ok(ExitCode::SUCCESS)
}
