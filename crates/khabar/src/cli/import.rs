//! `khabar import PATH…`: digest text, JSONL, HTML and WARC files, or folders of them.
//!
//! Every file is read and checked before anything is written; then all
//! articles are stored in one transaction. A bad file stops the import with
//! its name and line, and the database and archive are left as they were.
//! The pages of WARC files are copied into the archive after the articles
//! are stored (see [`archive_pages`]).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, anyhow, bail};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Utc};
use khabar_model::{ArticleDraft, BlockKind, EmbeddedPost, Lang, canonicalize_url};
use serde::Deserialize;
use serde_json::json;

use super::Context;
use crate::output;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Files or folders (folders are walked for .txt, .digest, .jsonl, .ndjson, .html, .htm, .warc and .warc.gz files).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Read every file as this format instead of guessing from its name and content.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Source (outlet) name for articles that do not name one.
    #[arg(long)]
    source: Option<String>,
    /// Language code for articles that do not give one (en, fa, ps, …);
    /// without it, their language is detected from the text.
    #[arg(long)]
    lang: Option<String>,
    /// When the HTML pages were fetched or saved (RFC 3339, e.g.
    /// 2026-12-05T09:30:00Z): dates pages that show only a relative time
    /// ("3 hours ago") or a date without its year, as `khabar extract
    /// --fetched-at` does. The articles' own `fetched_at` stays the import
    /// time. A WARC record's own `WARC-Date` is used instead.
    #[arg(long, value_name = "TIME", value_parser = super::extract::parse_fetched_at)]
    fetched_at: Option<DateTime<FixedOffset>>,
    /// Do not copy the pages taken from WARC files into khabar's archive
    /// (by default each article's page is copied, so that it has an
    /// archived copy as a crawled one does).
    #[arg(long)]
    no_archive: bool,
    /// Print the result as one JSON document.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Digest,
    Jsonl,
    /// An HTML page: its article is extracted as `khabar extract` does.
    Html,
    /// A WARC file (`.warc`, `.warc.gz`) of any crawler: each HTML page
    /// fetched with status 200 is extracted, dated from its `WARC-Date`,
    /// and kept when it is an article (as the crawler keeps them).
    Warc,
}

const FOLDER_EXTENSIONS: &[&str] = &["txt", "digest", "jsonl", "ndjson", "html", "htm", "warc"];

pub async fn run(ctx: &Context, args: ImportArgs) -> anyhow::Result<ExitCode> {
    let lang = args.lang.as_deref().map(str::parse::<Lang>).transpose()?;
    let (files, skipped) = collect_files(&args.paths)?;
    if files.is_empty() {
        bail!(
            "no files to import under {}: khabar imports digest text (.txt), JSONL (.jsonl), HTML (.html) and WARC (.warc, .warc.gz) files",
            args.paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let now = Utc::now();
    // HTML pages are read with the crawler's site rules (the built-in table
    // and the config's `[[site]]` entries).
    let html = khabar_extract::ExtractOptions {
        site_rules: Some(ctx.load_config()?.config.site_rules()?),
        fetched_at: args.fetched_at,
        ..Default::default()
    };
    let mut drafts = Vec::new();
    // For each draft, the WARC file (its place in `files`) and record its
    // page came from, when it has one to archive.
    let mut pages: Vec<Option<(usize, usize)>> = Vec::new();
    for (i, file) in files.iter().enumerate() {
        for (mut d, record) in read_file(file, args.format, now, &html)? {
            if d.source.is_none() {
                d.source.clone_from(&args.source);
            }
            if d.lang.is_none() {
                d.lang.clone_from(&lang);
            }
            // An article whose input names no language (and no --lang):
            // the language of its text, as the crawler stores it.
            if d.lang.is_none() {
                d.lang = khabar_understand::detect_main(&d.paragraphs);
            }
            pages.push(record.map(|r| (i, r)));
            drafts.push(d);
        }
    }
    let store: std::sync::Arc<dyn khabar_store::Store> = ctx.open_store().await?.into();
    let report = store
        .import_articles(&drafts)
        .await
        .context("the import was not stored")?;
    let Archived { copied, linked } = if args.no_archive {
        Archived::default()
    } else {
        archive_pages(ctx, store.as_ref(), &files, &pages, &report.outcomes, now).await?
    };
    // The articles are stored; their analysis follows (and an interrupted
    // one is picked up by the next import, crawl or `khabar run`).
    let analysis = ctx
        .analyzer(store.clone())?
        .catch_up()
        .await
        .context("the articles are stored, but their analysis failed")?;
    let mut out = output::stdout();
    if args.json {
        let ids: Vec<i64> = report.outcomes.iter().map(|o| o.id().0).collect();
        output::json_doc(
            &mut out,
            &json!({
                "files": files.len(),
                "skipped": skipped.len(),
                "articles": drafts.len(),
                "inserted": report.inserted,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "analysed": analysis.analysed,
                "analysis_failed": analysis.failed,
                "archived": copied,
                "relinked": linked,
                "ids": ids,
            }),
        )?;
    } else {
        writeln!(
            out,
            "imported {} article(s) from {} file(s): {} new, {} updated, {} unchanged{}{}",
            drafts.len(),
            files.len(),
            report.inserted,
            report.updated,
            report.unchanged,
            if copied > 0 {
                format!("; {copied} page(s) copied into the archive")
            } else {
                String::new()
            },
            if linked > 0 {
                format!("; {linked} linked to their page(s) already in the archive")
            } else {
                String::new()
            }
        )?;
    }
    out.flush()?;
    if analysis.failed > 0 {
        eprintln!(
            "warning: the analysis of {} article(s) failed; they are stored without entities, quotes or figures (see the log)",
            analysis.failed
        );
    }
    for s in &skipped {
        eprintln!(
            "note: skipped {} (not a digest, JSONL, HTML or WARC file name)",
            s.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Expands folders (recursively, sorted, hidden entries skipped). Files named
/// on the command line are always read; files met in folders only when their
/// extension is one khabar imports. Returns (files, skipped files).
fn collect_files(paths: &[PathBuf]) -> anyhow::Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p)
            .with_context(|| format!("cannot read {}: check the path", p.display()))?;
        if meta.is_dir() {
            walk(p, &mut files, &mut skipped)?;
        } else {
            files.push(p.clone());
        }
    }
    Ok((files, skipped))
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, skipped: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list the folder {}", dir.display()))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .with_context(|| format!("cannot list the folder {}", dir.display()))?;
    entries.sort();
    for p in entries {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, files, skipped)?;
        } else if super::extract::is_warc_name(&p)
            || extension(&p).is_some_and(|e| FOLDER_EXTENSIONS.contains(&e.as_str()))
        {
            files.push(p);
        } else {
            skipped.push(p);
        }
    }
    Ok(())
}

fn extension(p: &Path) -> Option<String> {
    p.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Copies into khabar's archive the pages of WARC files whose articles
/// this import stored (new, changed, or stored before without a copy),
/// reading each file again, and points the articles at their copies in one
/// transaction; returns the pages copied and the articles linked. An article met again unchanged
/// keeps the copy it has: importing a file twice archives its pages once.
/// The files of the archive itself are never copied into it again: their
/// articles are pointed at the records already there (a store rebuilt with
/// `khabar import DATA/archive` gets its archive links back).
/// Copying is done after the articles are stored, so a failed import
/// leaves nothing in the archive; a copy that fails (a running crawl holds
/// the archive, a full disk, a file changed since it was read) leaves its
/// article stored without one, with a warning, and copies no article
/// points to are taken back (`Archive::undo_since`).
async fn archive_pages(
    ctx: &Context,
    store: &dyn khabar_store::Store,
    files: &[PathBuf],
    pages: &[Option<(usize, usize)>],
    outcomes: &[khabar_store::ImportOutcome],
    now: DateTime<Utc>,
) -> anyhow::Result<Archived> {
    use std::collections::{BTreeMap, HashMap, HashSet};
    // file → record → article. The last page of an article wins (its
    // content is the one stored).
    let mut wanted: BTreeMap<usize, HashMap<usize, khabar_model::ArticleId>> = BTreeMap::new();
    let mut seen = HashSet::new();
    for (page, outcome) in pages.iter().zip(outcomes).rev() {
        let Some((file, record)) = page else {
            continue;
        };
        let id = outcome.id();
        if !seen.insert(id) {
            continue;
        }
        let needed = match outcome {
            khabar_store::ImportOutcome::Unchanged(_) => store
                .get_article(id)
                .await?
                .is_some_and(|a| a.archive.is_none()),
            _ => true,
        };
        if needed {
            wanted.entry(*file).or_default().insert(*record, id);
        }
    }
    if wanted.is_empty() {
        return Ok(Archived::default());
    }
    let dir = ctx.data.join("archive");
    let archive =
        match khabar_archive::Archive::open(&dir, khabar_archive::ArchiveOptions::default()) {
            Ok(a) => a,
            Err(e) => {
                eprintln!(
                    "warning: the pages of WARC files were not copied into the archive in {}: {e}; \
                 their articles are stored without an archived copy (import the files again \
                 later to add it)",
                    dir.display()
                );
                return Ok(Archived::default());
            }
        };
    let own_dir = std::fs::canonicalize(&dir).unwrap_or(dir);
    let mark = archive.mark()?;
    let (mut refs, mut failed) = (Vec::new(), Vec::<String>::new());
    let mut linked = 0;
    for (file, records) in &wanted {
        let path = &files[*file];
        let Ok(canonical) = std::fs::canonicalize(path) else {
            failed.push(format!("{}: no longer there", path.display()));
            continue;
        };
        if canonical.starts_with(&own_dir) {
            // One of the archive's own files: its pages are there already.
            let own = canonical
                .parent()
                .filter(|p| *p == own_dir)
                .and(canonical.file_name())
                .and_then(|n| n.to_str());
            let Some(name) = own else {
                continue;
            };
            match archive.responses_in(name) {
                Ok(listed) => {
                    let before = refs.len();
                    refs.extend(
                        listed
                            .into_iter()
                            .filter_map(|s| records.get(&s.record).map(|id| (*id, s.archive_ref))),
                    );
                    linked += refs.len() - before;
                }
                Err(e) => failed.push(format!("{}: {e}", path.display())),
            }
            continue;
        }
        let origin = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut found = 0;
        let read = khabar_archive::read_warc(path, |resp| {
            let Some(id) = records.get(&resp.record) else {
                return;
            };
            found += 1;
            match archive.append_copy(&resp, &origin, now) {
                Ok(r) => refs.push((*id, r)),
                Err(e) => failed.push(format!("{} record {}: {e}", path.display(), resp.record)),
            }
        });
        if let Err(e) = read {
            failed.push(format!("{e}"));
        } else if found < records.len() {
            failed.push(format!(
                "{}: {} page(s) no longer in the file",
                path.display(),
                records.len() - found
            ));
        }
    }
    if let Err(e) = store.set_archive_refs(&refs).await {
        let undone = archive.undo_since(&mark);
        eprintln!(
            "warning: the articles are stored, but could not be pointed at their archived pages ({e}); {}",
            match undone {
                Ok(()) => "the copies were taken back".to_string(),
                Err(u) => format!("the copies could not be taken back ({u})"),
            }
        );
        return Ok(Archived::default());
    }
    if let Some(first) = failed.first() {
        eprintln!(
            "warning: {} page(s) could not be copied into the archive (first: {first}); \
             their articles are stored without an archived copy",
            failed.len()
        );
    }
    Ok(Archived {
        copied: refs.len() - linked,
        linked,
    })
}

/// What [`archive_pages`] did.
#[derive(Debug, Default)]
struct Archived {
    /// Pages copied into the archive.
    copied: usize,
    /// Articles pointed at pages the archive already held (imported from
    /// the archive's own files).
    linked: usize,
}

/// Reads one file into drafts; every error names the file (and the line).
fn read_file(
    path: &Path,
    format: Option<Format>,
    now: DateTime<Utc>,
    html: &khabar_extract::ExtractOptions,
) -> anyhow::Result<Vec<(ArticleDraft, Option<usize>)>> {
    if format.map_or_else(|| super::extract::is_warc_name(path), |f| f == Format::Warc) {
        return parse_warc(path, now, html);
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if format.is_none() && bytes.starts_with(b"WARC/1.") {
        return parse_warc(path, now, html);
    }
    let plain = |drafts: Vec<ArticleDraft>| drafts.into_iter().map(|d| (d, None)).collect();
    let is_html = match format {
        Some(f) => f == Format::Html,
        None => matches!(extension(path).as_deref(), Some("html" | "htm")),
    };
    if is_html {
        return parse_html(path, &bytes, now, html).map(|d| vec![(d, None)]);
    }
    let text = decode(path, &bytes)?;
    if text.trim().is_empty() {
        bail!("{}: the file is empty: nothing to import", path.display());
    }
    let format = match format {
        Some(f) => f,
        None => guess_format(path, text).ok_or_else(|| {
            anyhow!(
                "{}: neither a digest nor JSONL: a digest article ends with its title repeated and \
                 `read more`; a JSONL file has one JSON object per line. Use --format to say which",
                path.display()
            )
        })?,
    };
    match format {
        Format::Digest => {
            let mut drafts = khabar_publish::parse_digest(text)
                .map_err(|e| anyhow!("{}: {e}", path.display()))?;
            for d in &mut drafts {
                d.fetched_at = now;
            }
            Ok(plain(drafts))
        }
        Format::Jsonl => parse_jsonl(path, text, now).map(plain),
        Format::Html => parse_html(path, text.as_bytes(), now, html).map(|d| vec![(d, None)]),
        Format::Warc => unreachable!("WARC files are read above"),
    }
}

/// The articles of a WARC file: each HTML page fetched with status 200,
/// extracted with the crawler's extractor and dated from its `WARC-Date`,
/// kept when it has text and is not a listing, collection or product page
/// (the crawler's rule). Pages are extracted on every core, a batch at a
/// time, and kept in file order, each with the number of the record to
/// archive (when its address is a web one). What was left out is counted
/// on stderr.
fn parse_warc(
    path: &Path,
    now: DateTime<Utc>,
    opts: &khabar_extract::ExtractOptions,
) -> anyhow::Result<Vec<(ArticleDraft, Option<usize>)>> {
    const BATCH: usize = 64;
    let mut drafts = Vec::new();
    let (mut pages, mut not_articles, mut failed) = (0usize, 0usize, 0usize);
    let mut batch: Vec<khabar_archive::WarcResponse> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<khabar_archive::WarcResponse>| {
        for page in extract_warc_pages(batch, opts, now) {
            match page {
                WarcPage::Article(d, record) => drafts.push((*d, record)),
                WarcPage::NotArticle => not_articles += 1,
                WarcPage::Failed => failed += 1,
            }
        }
        batch.clear();
    };
    let summary = khabar_archive::read_warc(path, |resp| {
        if resp.status == 200 && resp.is_html() {
            pages += 1;
            batch.push(resp);
            if batch.len() == BATCH {
                flush(&mut batch);
            }
        }
    })?;
    flush(&mut batch);
    let mut left = vec![format!("{not_articles} not article(s)")];
    if failed > 0 {
        left.push(format!("{failed} that could not be extracted"));
    }
    if !summary.unreadable.is_empty() {
        let (record, why) = &summary.unreadable[0];
        left.push(format!(
            "{} response(s) whose body could not be read (record {record}: {why})",
            summary.unreadable.len()
        ));
    }
    eprintln!(
        "note: {}: {} record(s), {} HTML page(s) with status 200, {} article(s); left out: {}",
        path.display(),
        summary.records,
        pages,
        drafts.len(),
        left.join(", ")
    );
    Ok(drafts)
}

/// What became of one page of a WARC file.
enum WarcPage {
    /// An article, and the number of the record to archive (None when
    /// its address is not a web one).
    Article(Box<ArticleDraft>, Option<usize>),
    NotArticle,
    Failed,
}

/// The pages of `batch`, extracted on every core, in their order.
fn extract_warc_pages(
    batch: &[khabar_archive::WarcResponse],
    opts: &khabar_extract::ExtractOptions,
    now: DateTime<Utc>,
) -> Vec<WarcPage> {
    if batch.is_empty() {
        return Vec::new();
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(batch.len());
    std::thread::scope(|s| {
        let workers: Vec<_> = batch
            .chunks(batch.len().div_ceil(threads))
            .map(|pages| {
                s.spawn(move || {
                    pages
                        .iter()
                        .map(|r| warc_page(r, opts, now))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// One HTML response of a WARC file, extracted as the crawler does.
fn warc_page(
    resp: &khabar_archive::WarcResponse,
    opts: &khabar_extract::ExtractOptions,
    now: DateTime<Utc>,
) -> WarcPage {
    use khabar_extract::PageType;
    let web = resp.target_uri.starts_with("http://") || resp.target_uri.starts_with("https://");
    let url = web.then(|| resp.target_uri.clone());
    let page_opts = khabar_extract::ExtractOptions {
        url: url.clone(),
        charset: resp.charset().map(str::to_string),
        fetched_at: resp.date.or(opts.fetched_at),
        ..opts.clone()
    };
    // A page the extractor cannot read, or one it would panic on, is
    // counted and skipped: the rest of the file is still imported.
    let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        khabar_extract::extract(&resp.body, &page_opts)
    }));
    let Ok(Ok(article)) = got else {
        return WarcPage::Failed;
    };
    let not_article = matches!(
        article.page_type,
        PageType::Listing | PageType::Collection | PageType::Product
    );
    if not_article || article.blocks.is_empty() {
        return WarcPage::NotArticle;
    }
    let mut d = article.to_draft(url.as_deref());
    // As in a crawl: a canonical URL on another site does not replace the
    // address the page was fetched from.
    if let Some(u) = &url {
        let foreign = d
            .canonical_url
            .as_deref()
            .is_some_and(|c| !khabar_sources::same_site(c, u));
        if foreign || d.canonical_url.is_none() {
            d.canonical_url = canonicalize_url(u).ok();
        }
    }
    if d.lang.is_some() {
        d.lang = khabar_understand::settle_lang(d.lang.take(), &d.paragraphs);
    }
    if d.title.trim().is_empty() {
        d.title.clone_from(&resp.target_uri);
    }
    d.fetched_at = resp.date.map_or(now, |t| t.with_timezone(&Utc));
    WarcPage::Article(Box::new(d), url.map(|_| resp.record))
}

/// One HTML page as a draft, with the extractor the crawler uses (`opts`:
/// the site rules and the fetch time). A page whose main text is empty is
/// an error (nothing would be stored).
fn parse_html(
    path: &Path,
    bytes: &[u8],
    now: DateTime<Utc>,
    opts: &khabar_extract::ExtractOptions,
) -> anyhow::Result<ArticleDraft> {
    let article =
        khabar_extract::extract(bytes, opts).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    if article.blocks.is_empty() {
        bail!(
            "{}: no article text found in this HTML page: is it a full page saved from the browser?",
            path.display()
        );
    }
    let mut d = article.to_draft(None);
    // A page's tag, corrected by its letters within the Arabic script (as
    // in a crawl); a page without one gets `--lang` or detection later.
    if d.lang.is_some() {
        d.lang = khabar_understand::settle_lang(d.lang.take(), &d.paragraphs);
    }
    if d.title.trim().is_empty() {
        bail!("{}: the page has no title", path.display());
    }
    d.fetched_at = now;
    Ok(d)
}

/// The text of a file that must be UTF-8, or an error naming the line of
/// the first invalid byte.
fn decode<'a>(path: &Path, bytes: &'a [u8]) -> anyhow::Result<&'a str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        anyhow!(
            "{}: line {line}: not valid UTF-8 (byte {at}): convert the file to UTF-8 first, \
             e.g. `iconv -f WINDOWS-1256 -t UTF-8`",
            path.display()
        )
    })
}

fn guess_format(path: &Path, text: &str) -> Option<Format> {
    match extension(path).as_deref() {
        Some("jsonl" | "ndjson") => return Some(Format::Jsonl),
        Some("digest") => return Some(Format::Digest),
        Some("html" | "htm") => return Some(Format::Html),
        _ => {}
    }
    let first = text.trim_start();
    let head = first
        .get(..first.len().min(15))
        .unwrap_or("")
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return Some(Format::Html);
    }
    if first.starts_with('{') {
        return Some(Format::Jsonl);
    }
    let has_read_more = text.lines().any(|l| {
        let l = l.trim().to_lowercase();
        l == "read more" || l.starts_with("read more:")
    });
    has_read_more.then_some(Format::Digest)
}

/// One JSONL line. Unknown fields are allowed (data sets carry extra labels).
/// The body is `paragraphs` (a list) when given, else `text`; `kinds` gives
/// the kind of each paragraph and `embeds` the posts the page embedded, as
/// khabar's JSON exports write them, and
/// `published_at` is read as `date`, so an exported article reads back whole.
#[derive(Debug, Deserialize)]
struct JsonArticle {
    url: Option<String>,
    title: Option<String>,
    text: Option<String>,
    paragraphs: Option<Vec<String>>,
    kinds: Option<Vec<BlockKind>>,
    embeds: Option<Vec<EmbeddedPost>>,
    #[serde(alias = "published_at")]
    date: Option<String>,
    modified_at: Option<String>,
    source: Option<String>,
    lang: Option<String>,
    id: Option<serde_json::Value>,
    byline: Option<String>,
    teaser: Option<String>,
}

fn parse_jsonl(path: &Path, text: &str, now: DateTime<Utc>) -> anyhow::Result<Vec<ArticleDraft>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let at = || format!("{}: line {n}", path.display());
        let j: JsonArticle = serde_json::from_str(line).map_err(|e| {
            let hint = if e.is_eof() {
                " (the line is cut short: is the file truncated?)"
            } else {
                ""
            };
            anyhow!("{}: not a JSON article object: {e}{hint}", at())
        })?;
        let title = j
            .title
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        let title = title.ok_or_else(|| anyhow!("{}: `title` is missing or empty", at()))?;
        let (paragraphs, kinds) = match j.paragraphs {
            Some(ps) => {
                // Blank entries are dropped with their kinds.
                let kinds = j.kinds.unwrap_or_default();
                if !kinds.is_empty() && kinds.len() != ps.len() {
                    bail!(
                        "{}: `kinds` has {} entries for {} paragraphs",
                        at(),
                        kinds.len(),
                        ps.len()
                    );
                }
                let kept: Vec<(String, BlockKind)> = ps
                    .into_iter()
                    .enumerate()
                    .filter(|(_, p)| !p.trim().is_empty())
                    .map(|(i, p)| (p, kinds.get(i).copied().unwrap_or_default()))
                    .collect();
                let (ps, ks): (Vec<String>, Vec<BlockKind>) = kept.into_iter().unzip();
                (ps, BlockKind::list(ks))
            }
            None if j.kinds.is_some() => {
                bail!("{}: `kinds` needs `paragraphs` (a `text` has none)", at())
            }
            None => (split_paragraphs(&j.text.unwrap_or_default()), Vec::new()),
        };
        if paragraphs.is_empty() {
            bail!("{}: `text` (or `paragraphs`) is missing or empty", at());
        }
        let mut d = ArticleDraft::new(title, paragraphs);
        d.kinds = kinds;
        d.embeds = j.embeds.unwrap_or_default();
        if let Some(url) = j.url.filter(|u| !u.trim().is_empty()) {
            canonicalize_url(&url).with_context(at)?;
            d = d.with_url(url.trim());
        }
        let date = |v: Option<String>, field: &str| {
            v.as_deref()
                .map(parse_date)
                .transpose()
                .with_context(|| format!("{}: `{field}`", at()))
        };
        d.published_at = date(j.date, "date")?;
        d.modified_at = date(j.modified_at, "modified_at")?;
        d.source = j.source.filter(|s| !s.trim().is_empty());
        d.lang = j
            .lang
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.parse())
            .transpose()
            .with_context(at)?;
        d.external_id = j.id.map(|v| match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        });
        d.byline = j.byline.filter(|s| !s.trim().is_empty());
        d.teaser = j.teaser.filter(|s| !s.trim().is_empty());
        d.fetched_at = now;
        out.push(d);
    }
    Ok(out)
}

/// Paragraphs are separated by blank lines; a text with single line breaks
/// only has one paragraph per line.
fn split_paragraphs(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n");
    let blocks: Vec<String> = text
        .split("\n\n")
        .map(|b| {
            b.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .filter(|b| !b.is_empty())
        .collect();
    if blocks.len() == 1 && blocks[0].contains('\n') {
        return blocks[0].lines().map(str::to_string).collect();
    }
    blocks
}

/// RFC 3339 keeps its offset; a bare date or a time without offset is taken as UTC.
fn parse_date(s: &str) -> anyhow::Result<DateTime<FixedOffset>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t);
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Ok(t);
    }
    for f in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Ok(t.and_utc().fixed_offset());
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(d
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc()
            .fixed_offset());
    }
    bail!("{s:?} is not a date: use RFC 3339 (2024-11-11T09:30:00+04:30) or YYYY-MM-DD")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines_or_single_breaks() {
        assert_eq!(
            split_paragraphs("a\n\nb\nc\n\n\n d "),
            vec!["a", "b\nc", "d"]
        );
        assert_eq!(split_paragraphs("a\nb"), vec!["a", "b"]);
        assert!(split_paragraphs("  \n ").is_empty());
    }

    #[test]
    fn dates_keep_offsets() {
        assert_eq!(
            parse_date("2024-11-11T09:30:00+04:30")
                .unwrap()
                .to_rfc3339(),
            "2024-11-11T09:30:00+04:30"
        );
        assert_eq!(
            parse_date("2024-11-11").unwrap().to_rfc3339(),
            "2024-11-11T00:00:00+00:00"
        );
        assert!(parse_date("last tuesday").is_err());
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let err = decode(Path::new("x.txt"), b"ok\nfine\nbad \xff here")
            .unwrap_err()
            .to_string();
        assert!(err.contains("x.txt: line 3"), "{err}");
    }

    #[test]
    fn html_pages_become_drafts() {
        let page = "<!DOCTYPE html><html lang=\"fa\"><head><title>خبر نمونه | سایت</title>\
            <link rel=\"canonical\" href=\"https://example.org/a?utm_source=x\">\
            <meta property=\"article:published_time\" content=\"2024-11-11T09:30:00+04:30\"></head>\
            <body><h1>خبر نمونه</h1><p>این یک متن آزمایشی است که برای آزمون واردکردن صفحه\u{200c}های HTML نوشته شده و \
            چند جمله دارد تا بدنه\u{200c}ی خبر خالی نباشد.</p></body></html>";
        let now = Utc::now();
        let rules = khabar_extract::ExtractOptions {
            site_rules: Some(khabar_extract::SiteRules::builtin()),
            ..Default::default()
        };
        let d = parse_html(Path::new("a.html"), page.as_bytes(), now, &rules).unwrap();
        assert_eq!(d.title, "خبر نمونه");
        assert_eq!(d.canonical_url.as_deref(), Some("https://example.org/a"));
        assert_eq!(
            d.published_at.unwrap().to_rfc3339(),
            "2024-11-11T09:30:00+04:30"
        );
        assert_eq!(d.lang.unwrap().as_str(), "fa");
        assert!(d.paragraphs[0].contains("صفحه\u{200c}های"));
        assert_eq!(d.fetched_at, now);
        let err = parse_html(
            Path::new("e.html"),
            b"<html><body></body></html>",
            now,
            &rules,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("e.html: no article text"), "{err}");
        // A page saved with only "2 hours ago" on it, dated by the time it
        // was saved; the draft's fetched_at stays the import time.
        let relative = page
            .replace(
                "<meta property=\"article:published_time\" content=\"2024-11-11T09:30:00+04:30\">",
                "",
            )
            .replace("</h1>", "</h1><span class=\"date\">۲ ساعت پیش</span>");
        let saved = super::super::extract::parse_fetched_at("2024-11-11T12:00:00+04:30").unwrap();
        let opts = khabar_extract::ExtractOptions {
            fetched_at: Some(saved),
            ..rules.clone()
        };
        let d = parse_html(Path::new("r.html"), relative.as_bytes(), now, &opts).unwrap();
        assert_eq!(
            d.published_at.unwrap().to_rfc3339(),
            "2024-11-11T10:00:00+04:30"
        );
        assert_eq!(d.fetched_at, now);
        let d = parse_html(Path::new("r.html"), relative.as_bytes(), now, &rules).unwrap();
        assert_eq!(d.published_at, None);
        assert_eq!(guess_format(Path::new("a.htm"), "x"), Some(Format::Html));
        assert_eq!(
            guess_format(Path::new("a.txt"), "<!DOCTYPE html><p>x</p>"),
            Some(Format::Html)
        );
    }

    #[test]
    fn format_is_guessed_from_name_then_content() {
        assert_eq!(guess_format(Path::new("a.jsonl"), "x"), Some(Format::Jsonl));
        assert_eq!(
            guess_format(Path::new("a.txt"), "{\"title\":1}"),
            Some(Format::Jsonl)
        );
        assert_eq!(
            guess_format(Path::new("a.txt"), "T\n\nbody\n\nT\nread more\n"),
            Some(Format::Digest)
        );
        assert_eq!(guess_format(Path::new("a.txt"), "just some notes"), None);
    }
}
