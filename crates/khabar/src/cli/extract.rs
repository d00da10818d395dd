//! `khabar extract FILE [--url U] [--json | --markdown]`: the main text (or
//! everything, as JSON, or the text as Markdown) of one HTML page (`-`:
//! standard input); `khabar extract --batch IN_DIR OUT_DIR`: one `NAME.txt`
//! and `NAME.json` (and `NAME.md` with `--markdown`) per `NAME.html` /
//! `NAME.htm` / `NAME.html.gz` (or per HTML response of a WARC file given
//! instead of the folder), in parallel. A page that cannot be read or extracted is reported and
//! skipped; it never stops the batch.

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
    /// reads standard input); with `--batch`, the folder of pages, or a
    /// WARC file (`.warc`, `.warc.gz`) whose HTML responses are the pages.
    input: PathBuf,
    /// With `--batch`: the folder that receives NAME.txt and NAME.json (created if missing).
    out_dir: Option<PathBuf>,
    /// Extract every page of the input folder into the output folder.
    #[arg(long)]
    batch: bool,
    /// The URL the page was fetched from (resolves links, helps page typing).
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
    // The built-in site rules with the config's `[[site]]` entries.
    let rules = ctx.load_config()?.config.site_rules()?;
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
    let bytes = read_page(&args.input)?;
    let opts = ExtractOptions {
        url: args.url.clone(),
        charset: args.charset.clone(),
        site_rules: Some(rules),
        fetched_at: args.fetched_at,
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
pub(super) fn is_warc(path: &Path) -> bool {
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
    let empty = AtomicUsize::new(0);
    let failures: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let started = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((name, path)) = pages.get(i) else {
                        break;
                    };
                    match one_page(path, name, out_dir, opts, rules) {
                        Ok(true) => {}
                        Ok(false) => {
                            empty.fetch_add(1, Ordering::Relaxed);
                        }
                        Err(e) => {
                            if let Ok(mut f) = failures.lock() {
                                f.push(format!("{}: {e:#}", path.display()));
                            }
                        }
                    }
                }
            });
        }
    });
    let secs = started.elapsed().as_secs_f64();
    let failures = failures.into_inner().unwrap_or_default();
    let timing = serde_json::json!({
        "loop_seconds": secs,
        "pages": pages.len(),
        "threads": threads,
        "version": concat!("khabar ", env!("CARGO_PKG_VERSION")),
    });
    std::fs::write(out_dir.join("_timing.json"), timing.to_string())
        .with_context(|| format!("cannot write into {}", out_dir.display()))?;
    for f in failures.iter().take(20) {
        eprintln!("failed: {f}");
    }
    eprintln!(
        "extracted {} page(s) in {secs:.2} s ({:.0} pages/s, {threads} thread(s)): {} with empty text, {} failed",
        pages.len() - failures.len(),
        pages.len() as f64 / secs.max(1e-9),
        empty.load(Ordering::Relaxed),
        failures.len()
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
    let (mut pages, mut empty) = (0usize, 0usize);
    let mut failures: Vec<String> = Vec::new();
    let started = Instant::now();
    let mut run = |batch: &mut Vec<khabar_archive::WarcResponse>| {
        let next = AtomicUsize::new(0);
        let (done, blank) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let failed: Mutex<Vec<String>> = Mutex::new(Vec::new());
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
                        match write_page(&page, out_dir, opts.markdown, rules) {
                            Ok(true) => {}
                            Ok(false) => {
                                blank.fetch_add(1, Ordering::Relaxed);
                            }
                            Err(e) => {
                                if let Ok(mut f) = failed.lock() {
                                    f.push(format!(
                                        "record {} ({}): {e:#}",
                                        r.record, r.target_uri
                                    ));
                                }
                            }
                        }
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                });
            }
        });
        pages += done.into_inner();
        empty += blank.into_inner();
        failures.extend(failed.into_inner().unwrap_or_default());
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
    for f in failures.iter().take(20) {
        eprintln!("failed: {f}");
    }
    let summary = read?;
    eprintln!(
        "{}: {} record(s); extracted {} HTML page(s) in {secs:.2} s ({threads} thread(s)): {} with empty text, {} failed{}",
        path.display(),
        summary.records,
        pages - failures.len(),
        empty,
        failures.len(),
        if summary.unreadable.is_empty() {
            String::new()
        } else {
            format!(
                ", {} response(s) whose body could not be read",
                summary.unreadable.len()
            )
        }
    );
    if pages == 0 {
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

/// Extracts one page into NAME.txt and NAME.json (and NAME.md); Ok(false)
/// when its text is empty.
fn one_page(
    path: &Path,
    name: &str,
    out_dir: &Path,
    batch: &BatchOptions<'_>,
    rules: &Arc<SiteRules>,
) -> anyhow::Result<bool> {
    let bytes = read_page(path)?;
    let page = Page {
        bytes: &bytes,
        name,
        url: None,
        charset: batch.charset,
        fetched_at: batch.fetched_at,
    };
    write_page(&page, out_dir, batch.markdown, rules)
}

/// Extracts `page` into its NAME.txt and NAME.json (and NAME.md with
/// `markdown`); Ok(false) when its text is empty.
fn write_page(
    page: &Page<'_>,
    out_dir: &Path,
    markdown: bool,
    rules: &Arc<SiteRules>,
) -> anyhow::Result<bool> {
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
    Ok(!doc.text.trim().is_empty())
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
        std::fs::remove_dir_all(&root).unwrap();
    }
}
