//! Development helper: extract every `*.html` / `*.htm` of a folder into
//! NAME.txt and NAME.json on one thread, write `_timing.json` (the in-process
//! loop time, as `khabar extract --batch` does) and print pages/s. The
//! user-facing command is `khabar extract --batch`; this one builds without
//! the rest of khabar, so `eval/extract.sh` can score the extractor alone.
//!
//! `cargo run --release -p khabar-extract --example extract_dir -- [--batch] [--threads 1] IN_DIR OUT_DIR`
//!
//! `--batch` and `--threads N` are accepted for command-line compatibility
//! with `khabar extract --batch`; the loop always runs on one thread.
//! `--evidence DIR` also writes the page-type evidence of every page to
//! DIR/NAME.json (the features the article-vs-not model weighs).
//! `--fetched-at TIME` (RFC 3339) is the fetch time of every page, as with
//! `khabar extract --fetched-at`.

use std::time::Instant;

/// The JSON written per page: the article and its text.
#[derive(serde::Serialize)]
struct WithText<'a> {
    #[serde(flatten)]
    article: &'a khabar_extract::ExtractedArticle,
    text: &'a str,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut dirs = Vec::new();
    let mut evidence_dir = None;
    let mut opts = khabar_extract::ExtractOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--batch" => {}
            "--threads" => {
                args.next();
            }
            "--evidence" => evidence_dir = args.next(),
            "--fetched-at" => {
                let t = args.next().unwrap_or_default();
                opts.fetched_at = Some(chrono::DateTime::parse_from_rfc3339(&t)?);
            }
            _ => dirs.push(a),
        }
    }
    let [input, output] = dirs.as_slice() else {
        return Err("usage: extract_dir [--batch] [--threads N] IN_DIR OUT_DIR".into());
    };
    std::fs::create_dir_all(output)?;
    let mut files: Vec<_> = std::fs::read_dir(input)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "htm"))
        .collect();
    files.sort();
    let (mut failed, mut empty) = (0usize, 0usize);
    let started = Instant::now();
    for path in &files {
        let bytes = std::fs::read(path)?;
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
        if let Some(dir) = &evidence_dir {
            std::fs::create_dir_all(dir)?;
            let ev: serde_json::Map<String, serde_json::Value> =
                khabar_extract::page_type_evidence(&bytes, &opts)
                    .into_iter()
                    .map(|(k, v)| (k, f64::from(v).into()))
                    .collect();
            std::fs::write(format!("{dir}/{name}.json"), serde_json::to_vec(&ev)?)?;
        }
        match khabar_extract::extract(&bytes, &opts) {
            Ok(a) => {
                let text = a.text();
                empty += usize::from(text.trim().is_empty());
                let json = serde_json::to_vec(&WithText {
                    article: &a,
                    text: &text,
                })?;
                std::fs::write(format!("{output}/{name}.txt"), &text)?;
                std::fs::write(format!("{output}/{name}.json"), json)?;
            }
            Err(e) => {
                failed += 1;
                eprintln!("{}: {e}", path.display());
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let timing = serde_json::json!({
        "loop_seconds": secs,
        "pages": files.len(),
        "threads": 1,
        "version": concat!("khabar-extract ", env!("CARGO_PKG_VERSION"), " (extract_dir)"),
    });
    std::fs::write(format!("{output}/_timing.json"), timing.to_string())?;
    eprintln!(
        "{} pages in {secs:.2} s: {:.0} pages/s, {empty} with empty text, {failed} failed",
        files.len(),
        files.len() as f64 / secs.max(1e-9)
    );
    Ok(())
}
