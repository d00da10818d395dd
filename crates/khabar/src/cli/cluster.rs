//! `khabar cluster IN.jsonl [--baseline] [--explain]`: groups the articles
//! of a JSONL file into stories, in publication order, and prints one
//! `{"id","story"}` line per article (in date order). The evaluation
//! contract: `eval/stories.py` scores these lines against gold story ids.

use std::fs::File;
use std::io::{BufRead, BufReader, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use khabar_stories::{Baseline, Clusterer, Config, Doc, StoryKey};

use super::Context;
use crate::output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// JSONL: one object per line with `id`, `title`, `text`, `date` (RFC
    /// 3339 or YYYY-MM-DD; null or absent = unknown), optional `lang` and
    /// `outlet`. Other fields are ignored.
    input: PathBuf,
    /// Use the single-pass TF-IDF baseline instead of khabar's clusterer.
    #[arg(long)]
    baseline: bool,
    /// Cosine threshold of the baseline.
    #[arg(long, default_value_t = 0.2, requires = "baseline")]
    threshold: f32,
    /// Add `why` and `duplicate_of` to each line.
    #[arg(long)]
    explain: bool,
}

/// One input line, checked.
#[derive(Debug)]
struct Item {
    id: serde_json::Value,
    doc: Doc,
}

pub async fn run(_ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let items = read(&args.input)?;
    let mut out = output::stdout();
    if args.baseline {
        let mut b = Baseline::new(args.threshold);
        for item in &items {
            let story = b.add(&item.doc) + 1;
            output::json_line(
                &mut out,
                &serde_json::json!({ "id": item.id, "story": story }),
            )?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut c = Clusterer::new(Config::default());
    let assigned: Vec<_> = items
        .into_iter()
        .map(|item| {
            let a = c.add(item.doc);
            (item.id, a)
        })
        .collect();
    // Stories may have merged after an article was placed: print each
    // article's story as it is at the end.
    for (id, a) in assigned {
        let story = c.resolve(a.story).0;
        let line = if args.explain {
            serde_json::json!({
                "id": id, "story": story, "why": a.why, "duplicate_of": a.duplicate_of,
                "story_title": c.title(StoryKey(story)),
            })
        } else {
            serde_json::json!({ "id": id, "story": story })
        };
        output::json_line(&mut out, &line)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Reads and checks every line, then sorts by date (stable; articles
/// without a date keep their place relative to each other and come first).
fn read(path: &PathBuf) -> anyhow::Result<Vec<Item>> {
    let name = path.display();
    let file = File::open(path).with_context(|| format!("cannot open {name}"))?;
    let mut items = Vec::new();
    let mut buf = Vec::new();
    let mut reader = BufReader::new(file);
    for number in 1.. {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .with_context(|| format!("cannot read {name}"))?;
        if n == 0 {
            break;
        }
        let Ok(line) = std::str::from_utf8(&buf) else {
            bail!("{name} line {number} is not UTF-8: convert it first (e.g. with iconv)");
        };
        if line.trim().is_empty() {
            continue;
        }
        let item = parse_line(line)
            .with_context(|| format!("{name} line {number}: not a usable article"))?;
        items.push(item);
    }
    items.sort_by_key(|i| i.doc.published);
    Ok(items)
}

fn parse_line(line: &str) -> anyhow::Result<Item> {
    let v: serde_json::Value = serde_json::from_str(line).context("invalid JSON")?;
    let Some(obj) = v.as_object() else {
        bail!("expected a JSON object");
    };
    let id = match obj.get("id") {
        Some(id @ (serde_json::Value::String(_) | serde_json::Value::Number(_))) => id.clone(),
        _ => bail!("`id` is missing (a string or number is needed)"),
    };
    let text_field = |key: &str| -> anyhow::Result<Option<String>> {
        match obj.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => bail!("`{key}` must be a string"),
        }
    };
    let title = text_field("title")?.unwrap_or_default();
    let text = text_field("text")?.unwrap_or_default();
    if title.trim().is_empty() && text.trim().is_empty() {
        bail!("both `title` and `text` are empty");
    }
    let published = match text_field("date")? {
        None => None,
        Some(d) if d.trim().is_empty() => None,
        Some(d) => Some(parse_date(&d).with_context(|| {
            format!("`date` {d:?} is not RFC 3339 (2024-06-01T08:00:00+04:30) or YYYY-MM-DD")
        })?),
    };
    let lang = text_field("lang")?;
    let outlet = text_field("outlet")?;
    let paragraphs: Vec<String> = text
        .split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect();
    // Entity keys and figures are language-independent evidence: an English
    // and a Dari article can meet through them.
    let entities = khabar_understand::entities::find(&paragraphs, lang.as_deref());
    let figures = khabar_understand::figures::find(&paragraphs, &entities);
    let doc = Doc {
        id: match &id {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        },
        title,
        text,
        published,
        lang,
        outlet,
        entities: entities.into_iter().map(|e| e.key).collect(),
        numbers: figures.into_iter().map(|f| f.value).collect(),
    };
    Ok(Item { id, doc })
}

/// RFC 3339, a date-time without offset (read as UTC), or a bare date
/// (midnight UTC).
fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(d.and_utc());
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc())
}
