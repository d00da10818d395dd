//! `khabar extract FILE [--url U] [--json | --markdown]`: the main text (or
//! everything, as JSON, or the text as Markdown) of one HTML page (`-`:
//! standard input; an `http(s)://` address: the page fetched as the crawler
//! fetches, robots.txt and the protective limits included).
//!
//! `khabar extract --batch IN_DIR OUT_DIR`: one `NAME.txt` and `NAME.json`
//! (and `NAME.md` with `--markdown`) per `NAME.html` / `NAME.htm` /
//! `NAME.html.gz` (or per HTML response of a WARC file given instead of the
//! folder), in parallel, and `_index.jsonl`, one line per page with its
//! source, outcome and main metadata. A page that cannot be read or
//! extracted is reported (in the index, with why) and skipped; it never
//! stops the batch.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use anyhow::{Context as _, bail};
use chrono::{DateTime, FixedOffset};
use khabar_extract::{ExtractOptions, ExtractedArticle, SiteRules, extract};

use super::Context;
use crate::output;

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// An HTML file (`.html`, `.htm`, or gzip-compressed `.html.gz`; `-`
    /// reads standard input; an `http://` or `https://` address fetches the
    /// page as the crawler does, respecting robots.txt); with `--batch`,
    /// the folder of pages, or a WARC file (`.warc`, `.warc.gz`) whose HTML
    /// responses are the pages.
    input: PathBuf,
    /// With `--batch`: the folder that receives NAME.txt and NAME.json (created if missing).
    out_dir: Option<PathBuf>,
    /// Extract every page of the input folder into the output folder.
    #[arg(long)]
    batch: bool,
    /// The URL the page was fetched from (resolves links, helps page
    /// typing); for a fetched page, the address it was answered from.
    #[arg(long)]
    url: Option<String>,
    /// The charset to read the page with when its bytes are not UTF-8 (e.g. windows-1256).
    #[arg(long)]
    charset: Option<String>,
    /// When the page was fetched (RFC 3339, e.g. 2026-12-05T09:30:00Z; a
    /// time without an offset is UTC). It dates pages that show only a
    /// relative time ("3 hours ago", "۲ روز پیش") or a date without its
    /// year ("KABUL, Dec. 5 (Xinhua) --").
    #[arg(long, value_name = "TIME", value_parser = parse_fetched_at)]
    fetched_at: Option<DateTime<FixedOffset>>,
    /// Print everything extracted as one JSON document instead of the text.
    #[arg(long, conflicts_with = "markdown")]
    json: bool,
    /// Print the title and text as Markdown (headings, quotes, lists and
    /// preformatted blocks kept); with `--batch`, also write NAME.md.
    #[arg(long)]
    markdown: bool,
    /// With `--batch`: worker threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
}

pub async fn run(ctx: &Context, args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let loaded = ctx.load_config()?;
    // The built-in site rules with the config's `[[site]]` entries.
    let rules = loaded.config.site_rules()?;
    let address = args
        .input
        .to_str()
        .filter(|s| {
            let lower = s.to_ascii_lowercase();
            lower.starts_with("http://") || lower.starts_with("https://")
        })
        .filter(|_| !args.input.exists())
        .map(str::to_string);
    if args.batch && address.is_some() {
        bail!(
            "--batch reads a folder or a WARC file, not a web address: \
             khabar extract URL fetches one page, and khabar crawl follows a site"
        );
    }
    if args.batch {
        let Some(out_dir) = args.out_dir.as_deref() else {
            bail!("--batch needs two folders: khabar extract --batch IN_DIR OUT_DIR");
        };
        return batch(
            &args.input,
            out_dir,
            &BatchOptions {
                threads: args.threads,
                charset: args.charset.as_deref(),
                fetched_at: args.fetched_at,
                markdown: args.markdown,
            },
            &rules,
        );
    }
    if args.out_dir.is_some() {
        bail!("a second path is only taken with --batch: khabar extract --batch IN_DIR OUT_DIR");
    }
    if is_warc(&args.input) {
        bail!(
            "{} is a WARC file, which holds many pages: khabar extract --batch {} OUT_DIR \
             writes the text of each, and khabar import stores its articles",
            args.input.display(),
            args.input.display()
        );
    }
    let (bytes, opts) = match &address {
        Some(address) => {
            let fetcher = khabar_fetch::Fetcher::new(loaded.config.fetch.fetch_options())?;
            let got = fetcher
                .fetch(&khabar_fetch::Request::new(
                    address.as_str(),
                    khabar_fetch::Purpose::Page,
                ))
                .await
                .context("cannot fetch the page")?;
            let opts = ExtractOptions {
                url: args.url.clone().or_else(|| Some(got.url.clone())),
                charset: args
                    .charset
                    .clone()
                    .or_else(|| got.http_charset().map(str::to_string)),
                site_rules: Some(rules),
                fetched_at: args.fetched_at.or_else(|| Some(got.made_at().into())),
            };
            (got.body, opts)
        }
        None => {
            let opts = ExtractOptions {
                url: args.url.clone(),
                charset: args.charset.clone(),
                site_rules: Some(rules),
                fetched_at: args.fetched_at,
            };
            (read_page(&args.input)?, opts)
        }
    };
    let article = extract(&bytes, &opts)
        .with_context(|| format!("cannot extract {}", args.input.display()))?;
    let mut out = output::stdout();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &WithText::new(&article))?;
        out.write_all(b"\n")?;
    } else if args.markdown {
        out.write_all(article.markdown().as_bytes())?;
    } else {
        let text = article.text();
        out.write_all(text.as_bytes())?;
        if !text.is_empty() {
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The article as JSON, with `text` added for convenience (serialised
/// straight from the article, without an intermediate `serde_json::Value`).
#[derive(serde::Serialize)]
struct WithText<'a> {
    #[serde(flatten)]
    article: &'a ExtractedArticle,
    text: String,
}

impl<'a> WithText<'a> {
    fn new(article: &'a ExtractedArticle) -> Self {
        Self {
            article,
            text: article.text(),
        }
    }
}

/// One line of a batch's `_index.jsonl`: where a page came from and what
/// became of it. Every page of the input has one, failed ones included, so
/// a batch of thousands of pages can be filtered without opening each JSON
/// (`jq 'select(.page_type == "article")' OUT/_index.jsonl`).
#[derive(serde::Serialize)]
struct IndexEntry {
    /// The name of its output files (`NAME.txt`, `NAME.json`).
    name: String,
    /// The input file, or for a WARC file `FILE record N`.
    source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    /// When the page was fetched (a WARC record's `WARC-Date`).
    #[serde(skip_serializing_if = "Option::is_none")]
    fetched_at: Option<DateTime<FixedOffset>>,
    /// `ok`, `empty` (extracted, no main text) or `failed`.
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    found: Option<Found>,
}

/// What the index tells of an extracted page.
#[derive(serde::Serialize)]
struct Found {
    page_type: khabar_extract::PageType,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published_at: Option<DateTime<FixedOffset>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    canonical_url: Option<String>,
    /// Characters of main text.
    chars: usize,
}

impl IndexEntry {
    fn new(
        name: &str,
        source: String,
        url: Option<String>,
        fetched_at: Option<DateTime<FixedOffset>>,
        got: anyhow::Result<Found>,
    ) -> Self {
        let (status, error, found) = match got {
            Ok(f) if f.chars == 0 => ("empty", None, Some(f)),
            Ok(f) => ("ok", None, Some(f)),
            Err(e) => ("failed", Some(format!("{e:#}")), None),
        };
        Self {
            name: name.to_string(),
            source,
            url,
            fetched_at,
            status,
            error,
            found,
        }
    }
}

/// Writes `_index.jsonl` (sorted by name) and `_timing.json` into a
/// batch's output folder, prints the failures (the first 20; the index has
/// them all) and returns (pages, empty, failed).
fn finish_batch(
    out_dir: &Path,
    mut index: Vec<IndexEntry>,
    secs: f64,
    threads: usize,
) -> anyhow::Result<(usize, usize, usize)> {
    index.sort_by(|a, b| a.name.cmp(&b.name));
    let mut lines = Vec::new();
    for e in &index {
        serde_json::to_writer(&mut lines, e)?;
        lines.push(b'\n');
    }
    let path = out_dir.join("_index.jsonl");
    std::fs::write(&path, lines).with_context(|| format!("cannot write {}", path.display()))?;
    let timing = serde_json::json!({
        "loop_seconds": secs,
        "pages": index.len(),
        "threads": threads,
        "version": concat!("khabar ", env!("CARGO_PKG_VERSION")),
    });
    std::fs::write(out_dir.join("_timing.json"), timing.to_string())
        .with_context(|| format!("cannot write into {}", out_dir.display()))?;
    let failed: Vec<&IndexEntry> = index.iter().filter(|e| e.status == "failed").collect();
    for e in failed.iter().take(20) {
        eprintln!("failed: {}: {}", e.source, e.error.as_deref().unwrap_or(""));
    }
    if failed.len() > 20 {
        eprintln!(
            "… and {} more failures: see {}",
            failed.len() - 20,
            path.display()
        );
    }
    let empty = index.iter().filter(|e| e.status == "empty").count();
    Ok((index.len(), empty, failed.len()))
}

/// Reads a page (`-`: standard input), decompressing it when it is gzip.
pub fn read_page(path: &Path) -> anyhow::Result<Vec<u8>> {
    let bytes = if path == Path::new("-") {
        let mut b = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut b)
            .context("cannot read standard input")?;
        b
    } else {
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?
    };
    let path = if path == Path::new("-") {
        Path::new("standard input")
    } else {
        path
    };
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::with_capacity(bytes.len() * 4);
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_end(&mut out)
            .with_context(|| format!("{}: not a valid gzip file", path.display()))?;
        return Ok(out);
    }
    Ok(bytes)
}

/// The page name of an input file (`a.html.gz` → `a`), or None when the
/// file is not a page.
fn page_name(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    if name.starts_with('.') {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    for ext in [".html.gz", ".htm.gz", ".html", ".htm"] {
        if lower.ends_with(ext) {
            return Some(name[..name.len() - ext.len()].to_string());
        }
    }
    None
}

/// `--fetched-at`: an RFC 3339 time, or one without its offset (UTC).
pub(super) fn parse_fetched_at(s: &str) -> Result<DateTime<FixedOffset>, String> {
    khabar_extract::dates::parse_machine(s)
        .map(|(t, _)| t)
        .ok_or_else(|| {
            format!(
                "{s:?} is not a time: write it as 2026-12-05T09:30:00Z or 2026-12-05T14:00:00+04:30"
            )
        })
}

/// How `--batch` reads and writes pages.
struct BatchOptions<'a> {
    threads: Option<usize>,
    charset: Option<&'a str>,
    fetched_at: Option<DateTime<FixedOffset>>,
    /// Also write NAME.md.
    markdown: bool,
}

/// Whether `path` is named as a WARC file (`.warc`, `.warc.gz`).
pub(super) fn is_warc_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Whether `path` is a WARC file: named so, or a file that starts as one.
fn is_warc(path: &Path) -> bool {
    if is_warc_name(path) {
        return true;
    }
    let mut head = [0u8; 7];
    path.is_file()
        && std::fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut head))
            .is_ok_and(|()| &head == b"WARC/1.")
}

/// Creates the output folder of a batch; returns the worker threads to run
/// (`--threads`, else one per core).
fn prepare_out_dir(out_dir: &Path, opts: &BatchOptions<'_>) -> anyhow::Result<usize> {
    std::fs::create_dir_all(out_dir)
        .with_context(|| format!("cannot create the folder {}", out_dir.display()))?;
    Ok(opts
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .clamp(1, 256))
}

fn batch(
    in_dir: &Path,
    out_dir: &Path,
    opts: &BatchOptions<'_>,
    rules: &Arc<SiteRules>,
) -> anyhow::Result<ExitCode> {
    if in_dir.is_file() && is_warc(in_dir) {
        return batch_warc(in_dir, out_dir, opts, rules);
    }
    let mut pages: Vec<(String, PathBuf)> = std::fs::read_dir(in_dir)
        .with_context(|| format!("cannot list the folder {}", in_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| page_name(&p).map(|n| (n, p)))
        .collect();
    pages.sort();
    if pages.is_empty() {
        bail!(
            "no pages in {}: --batch reads NAME.html, NAME.htm and NAME.html.gz files",
            in_dir.display()
        );
    }
    let threads = prepare_out_dir(out_dir, opts)?;
    let next = AtomicUsize::new(0);
    let index: Mutex<Vec<IndexEntry>> = Mutex::new(Vec::with_capacity(pages.len()));
    let started = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                while let Some((name, path)) = pages.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let got = read_page(path).and_then(|bytes| {
                        let page = Page {
                            bytes: &bytes,
                            name,
                            url: None,
                            charset: opts.charset,
                            fetched_at: opts.fetched_at,
                        };
                        write_page(&page, out_dir, opts.markdown, rules)
                    });
                    let source = path.display().to_string();
                    let entry = IndexEntry::new(name, source, None, opts.fetched_at, got);
                    if let Ok(mut ix) = index.lock() {
                        ix.push(entry);
                    }
                }
            });
        }
    });
    let secs = started.elapsed().as_secs_f64();
    let index = index.into_inner().unwrap_or_default();
    let (pages, empty, failed) = finish_batch(out_dir, index, secs, threads)?;
    eprintln!(
        "extracted {} page(s) in {secs:.2} s ({:.0} pages/s, {threads} thread(s)): {empty} with empty text, {failed} failed; index in {}",
        pages - failed,
        pages as f64 / secs.max(1e-9),
        out_dir.join("_index.jsonl").display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The HTML responses with status 200 of a WARC file, each extracted into
/// `NNNNNN.txt` and `NNNNNN.json` (and `.md`), named by the record's number
/// in the file; the JSON's `url` is the record's target URI, and its
/// `WARC-Date` dates relative times (else `--fetched-at`). Read a batch at
/// a time (the file may be larger than memory), each batch on every
/// thread. A page that cannot be extracted is reported and skipped; a
/// file cut short stops the batch after the pages before the cut.
fn batch_warc(
    path: &Path,
    out_dir: &Path,
    opts: &BatchOptions<'_>,
    rules: &Arc<SiteRules>,
) -> anyhow::Result<ExitCode> {
    const BATCH: usize = 64;
    let threads = prepare_out_dir(out_dir, opts)?;
    let index: Mutex<Vec<IndexEntry>> = Mutex::new(Vec::new());
    let started = Instant::now();
    let run = |batch: &mut Vec<khabar_archive::WarcResponse>| {
        let next = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..threads.min(batch.len()) {
                s.spawn(|| {
                    while let Some(r) = batch.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let web = r.target_uri.starts_with("http://")
                            || r.target_uri.starts_with("https://");
                        let page = Page {
                            bytes: &r.body,
                            name: &format!("{:06}", r.record),
                            url: web.then(|| r.target_uri.clone()),
                            charset: r.charset().or(opts.charset),
                            fetched_at: r.date.or(opts.fetched_at),
                        };
                        let got = write_page(&page, out_dir, opts.markdown, rules);
                        let source = format!("{} record {}", path.display(), r.record);
                        let url = Some(r.target_uri.clone());
                        let entry = IndexEntry::new(page.name, source, url, page.fetched_at, got);
                        if let Ok(mut ix) = index.lock() {
                            ix.push(entry);
                        }
                    }
                });
            }
        });
        batch.clear();
    };
    let mut batch = Vec::with_capacity(BATCH);
    let read = khabar_archive::read_warc(path, |resp| {
        if resp.status == 200 && resp.is_html() {
            batch.push(resp);
            if batch.len() == BATCH {
                run(&mut batch);
            }
        }
    });
    run(&mut batch);
    let secs = started.elapsed().as_secs_f64();
    let mut index = index.into_inner().unwrap_or_default();
    // Responses whose body could not be read (too large, a broken
    // encoding): in the index too, though they may not be HTML.
    let unreadable = read
        .as_ref()
        .map(|s| s.unreadable.clone())
        .unwrap_or_default();
    for (record, why) in &unreadable {
        index.push(IndexEntry::new(
            &format!("{record:06}"),
            format!("{} record {record}", path.display()),
            None,
            None,
            Err(anyhow::anyhow!(
                "the response's body could not be read: {why}"
            )),
        ));
    }
    let (pages, empty, failed) = finish_batch(out_dir, index, secs, threads)?;
    let summary = read?;
    eprintln!(
        "{}: {} record(s); extracted {} HTML page(s) in {secs:.2} s ({threads} thread(s)): {empty} with empty text, {} failed{}; index in {}",
        path.display(),
        summary.records,
        pages - failed,
        failed - unreadable.len(),
        if unreadable.is_empty() {
            String::new()
        } else {
            format!(
                ", {} response(s) whose body could not be read",
                unreadable.len()
            )
        },
        out_dir.join("_index.jsonl").display()
    );
    if pages == unreadable.len() {
        bail!(
            "{}: no HTML page with status 200 in this WARC file",
            path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// One page to extract and write.
struct Page<'a> {
    bytes: &'a [u8],
    /// The name of its output files.
    name: &'a str,
    url: Option<String>,
    charset: Option<&'a str>,
    fetched_at: Option<DateTime<FixedOffset>>,
}

/// Extracts `page` into its NAME.txt and NAME.json (and NAME.md with
/// `markdown`); returns what the index tells of it.
fn write_page(
    page: &Page<'_>,
    out_dir: &Path,
    markdown: bool,
    rules: &Arc<SiteRules>,
) -> anyhow::Result<Found> {
    let name = page.name;
    let opts = ExtractOptions {
        url: page.url.clone(),
        charset: page.charset.map(str::to_string),
        site_rules: Some(Arc::clone(rules)),
        fetched_at: page.fetched_at,
    };
    let bytes = page.bytes;
    let got = std::panic::catch_unwind(|| extract(bytes, &opts));
    let article = match got {
        Ok(r) => r?,
        Err(_) => bail!("the extractor panicked on this page (please report it)"),
    };
    let doc = WithText::new(&article);
    let txt = out_dir.join(format!("{name}.txt"));
    std::fs::write(&txt, &doc.text).with_context(|| format!("cannot write {}", txt.display()))?;
    let json = out_dir.join(format!("{name}.json"));
    let bytes = serde_json::to_vec_pretty(&doc)?;
    std::fs::write(&json, bytes).with_context(|| format!("cannot write {}", json.display()))?;
    if markdown {
        let md = out_dir.join(format!("{name}.md"));
        std::fs::write(&md, article.markdown())
            .with_context(|| format!("cannot write {}", md.display()))?;
    }
    let chars = if doc.text.trim().is_empty() {
        0
    } else {
        doc.text.chars().count()
    };
    Ok(Found {
        page_type: article.page_type,
        title: article.title.clone(),
        published_at: article.published_at,
        lang: article.lang.clone(),
        canonical_url: article.canonical_url.clone(),
        chars,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_names() {
        assert_eq!(page_name(Path::new("d/a.html.gz")).as_deref(), Some("a"));
        assert_eq!(page_name(Path::new("d/0001.HTML")).as_deref(), Some("0001"));
        assert_eq!(page_name(Path::new("d/b.htm")).as_deref(), Some("b"));
        assert_eq!(page_name(Path::new("d/notes.txt")), None);
        assert_eq!(page_name(Path::new("d/.hidden.html")), None);
    }

    #[test]
    fn fetch_times() {
        let t = |s| parse_fetched_at(s).map(|t| t.to_rfc3339());
        assert_eq!(
            t("2026-12-05T09:30:00Z").unwrap(),
            "2026-12-05T09:30:00+00:00"
        );
        assert_eq!(t("2026-12-05 09:30").unwrap(), "2026-12-05T09:30:00+00:00");
        let err = t("yesterday").unwrap_err();
        assert!(err.contains("2026-12-05T09:30:00Z"), "{err}");
    }

    #[test]
    fn a_bad_page_never_stops_the_batch() {
        use std::io::Write as _;
        let root =
            std::env::temp_dir().join(format!("khabar-extract-batch-{}", std::process::id()));
        let (input, output) = (root.join("in"), root.join("out"));
        std::fs::create_dir_all(&input).unwrap();
        let page = "<html><head><title>Wells | Town</title></head><body><h1>Wells</h1>\
                    <span class=\"date\">2 hours ago</span>\
                    <p>Three new wells were dug in the lower village this spring, and every family now \
                    fetches water within five minutes of home instead of walking to the river.</p></body></html>";
        std::fs::write(input.join("good.html"), page).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(page.as_bytes()).unwrap();
        std::fs::write(input.join("zipped.html.gz"), gz.finish().unwrap()).unwrap();
        std::fs::write(input.join("broken.html"), b"%PDF-1.4 not a page").unwrap();
        std::fs::write(input.join("empty.htm"), b"").unwrap();
        std::fs::write(input.join("notes.txt"), b"skipped").unwrap();
        let fetched = parse_fetched_at("2026-12-05T09:30:00+04:30").unwrap();
        batch(
            &input,
            &output,
            &BatchOptions {
                threads: Some(2),
                charset: None,
                fetched_at: Some(fetched),
                markdown: true,
            },
            &SiteRules::builtin(),
        )
        .unwrap();
        for name in ["good", "zipped"] {
            let text = std::fs::read_to_string(output.join(format!("{name}.txt"))).unwrap();
            assert!(text.starts_with("Three new wells"), "{name}: {text}");
            let json: serde_json::Value = serde_json::from_slice(
                &std::fs::read(output.join(format!("{name}.json"))).unwrap(),
            )
            .unwrap();
            assert_eq!(json["title"], "Wells");
            assert_eq!(json["text"], text.as_str());
            assert_eq!(json["published_at"], "2026-12-05T07:30:00+04:30");
            assert_eq!(json["provenance"]["published_at"], "visible_relative");
            let md = std::fs::read_to_string(output.join(format!("{name}.md"))).unwrap();
            assert!(md.starts_with("# Wells\n\nThree new wells"), "{name}: {md}");
        }
        assert!(!output.join("broken.txt").exists());
        assert!(!output.join("notes.txt").exists());
        let timing: serde_json::Value =
            serde_json::from_slice(&std::fs::read(output.join("_timing.json")).unwrap()).unwrap();
        assert_eq!(timing["pages"], 4);
        // Every page is in the index, in name order, with what became of it.
        let index: Vec<serde_json::Value> = std::fs::read_to_string(output.join("_index.jsonl"))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let col = |k: &str| -> Vec<String> {
            index
                .iter()
                .map(|e| e[k].as_str().unwrap_or("-").to_string())
                .collect()
        };
        assert_eq!(col("name"), ["broken", "empty", "good", "zipped"]);
        assert_eq!(col("status"), ["failed", "failed", "ok", "ok"]);
        assert_eq!(col("title"), ["-", "-", "Wells", "Wells"]);
        assert!(index[0]["error"].as_str().unwrap().contains("PDF"));
        assert!(index[1]["error"].as_str().unwrap().contains("empty"));
        assert!(
            index[3]["source"]
                .as_str()
                .unwrap()
                .ends_with("zipped.html.gz")
        );
        let good: serde_json::Value =
            serde_json::from_slice(&std::fs::read(output.join("good.json")).unwrap()).unwrap();
        assert_eq!(index[2]["page_type"], good["page_type"]);
        assert_eq!(index[2]["published_at"], good["published_at"]);
        assert_eq!(index[2]["fetched_at"], "2026-12-05T09:30:00+04:30");
        assert!(index[2]["chars"].as_u64().unwrap() > 100);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
