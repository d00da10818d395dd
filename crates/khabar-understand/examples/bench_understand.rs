//! Throughput of the whole understanding stage ([`khabar_understand::analyze`])
//! on one thread, over the sample digest's articles and the synthetic
//! evaluation articles, repeated.
//!
//! ```sh
//! cargo run -p khabar-understand --release --example bench_understand -- \
//!     [--sample ../shared/samples/afghanistan-digest.txt] [--rounds 200] \
//!     [--jsonl ../shared/datasets/stories/basil-dev.jsonl]… [--dump out.txt]
//! ```
//!
//! Prints articles per second for `analyze` (language given, as the
//! pipeline does when the source states it, and detected), then each
//! analysis alone with its time per article, to see where the time goes.
//! `--dump FILE` writes every article's analysis (language stated, then
//! detected) to FILE, to check that a faster version finds the same.

use std::hint::black_box;
use std::time::Instant;

use khabar_understand::{Input, Taxonomy, analyze, entities, quotes};

const SYNTHETIC: &[&str] = &[
    include_str!("../eval/quotes-entities-synthetic.txt"),
    include_str!("../eval/quotes-entities-synthetic-2.txt"),
];

struct Article {
    title: String,
    paragraphs: Vec<String>,
    lang: Option<String>,
    outlet: Option<String>,
}

impl Article {
    /// The analysis input, with the article's language or without it (to
    /// be detected).
    fn input(&self, stated: bool) -> Input<'_> {
        Input {
            title: &self.title,
            paragraphs: &self.paragraphs,
            lang: if stated { self.lang.as_deref() } else { None },
            teaser: None,
            outlet: self.outlet.as_deref(),
        }
    }
}

/// The articles of an evaluation file (their bodies only).
fn synthetic(text: &str) -> Vec<Article> {
    let mut out: Vec<Article> = Vec::new();
    let mut in_body = false;
    let mut para = String::new();
    for line in text.lines().chain(std::iter::once("--- end")) {
        if let Some(head) = line.strip_prefix("=== ") {
            in_body = true;
            let lang = head
                .split_whitespace()
                .find_map(|f| f.strip_prefix("lang="))
                .map(str::to_string);
            let outlet = head
                .split_once("outlet=")
                .map(|(_, o)| o.trim().to_string());
            out.push(Article {
                title: head.to_string(),
                paragraphs: Vec::new(),
                lang,
                outlet,
            });
        } else if line.starts_with("--- ") {
            if let Some(a) = out.last_mut()
                && in_body
                && !para.trim().is_empty()
            {
                a.paragraphs.push(para.trim().to_string());
            }
            para.clear();
            in_body = false;
        } else if in_body {
            if line.trim().is_empty() {
                if let Some(a) = out.last_mut()
                    && !para.trim().is_empty()
                {
                    a.paragraphs.push(para.trim().to_string());
                }
                para.clear();
            } else {
                para.push_str(line);
                para.push('\n');
            }
        }
    }
    out
}

fn rate(n: usize, secs: f64) -> f64 {
    n as f64 / secs.max(1e-9)
}

fn main() {
    let mut sample: Option<String> = None;
    let mut rounds = 200usize;
    let mut jsonl: Vec<String> = Vec::new();
    let mut dump: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--sample" => sample = args.next(),
            "--jsonl" => jsonl.extend(args.next()),
            "--dump" => dump = args.next(),
            "--rounds" => rounds = args.next().and_then(|r| r.parse().ok()).unwrap_or(rounds),
            other => {
                eprintln!(
                    "unknown argument `{other}`; usage: bench [--sample DIGEST] [--rounds N] [--jsonl FILE]… [--dump FILE]"
                );
                std::process::exit(2);
            }
        }
    }
    let mut articles: Vec<Article> = SYNTHETIC.iter().flat_map(|t| synthetic(t)).collect();
    let n_synthetic = articles.len();
    if let Some(path) = &sample {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        });
        let drafts = khabar_publish::parse_digest(&text).unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        });
        articles.extend(drafts.into_iter().map(|d| Article {
            title: d.title,
            paragraphs: d.paragraphs,
            lang: Some("en".to_string()),
            outlet: d.source,
        }));
    }
    // Real articles, one JSON object a line with `title`, `text` (paragraphs
    // separated by line breaks) and `lang`: the stories datasets.
    let mut n_jsonl = 0;
    for path in &jsonl {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        });
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
            articles.push(Article {
                title: field("title").unwrap_or_default(),
                paragraphs: field("text")
                    .unwrap_or_default()
                    .split('\n')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_string)
                    .collect(),
                lang: field("lang").map(|l| {
                    match l.split(['-', '_']).next().unwrap_or("") {
                        "prs" | "fas" | "pes" => "fa",
                        "pus" | "pbt" => "ps",
                        "urd" => "ur",
                        "arb" | "ara" => "ar",
                        "eng" => "en",
                        other => other,
                    }
                    .to_string()
                }),
                outlet: field("outlet"),
            });
            n_jsonl += 1;
        }
    }
    let bytes: usize = articles
        .iter()
        .map(|a| a.paragraphs.iter().map(String::len).sum::<usize>())
        .sum();
    println!(
        "{} articles ({} synthetic, {} from the sample, {} from JSONL), {:.1} KiB of text, {rounds} rounds, one thread",
        articles.len(),
        n_synthetic,
        articles.len() - n_synthetic - n_jsonl,
        n_jsonl,
        bytes as f64 / 1024.0
    );
    let taxonomy = Taxonomy::afghanistan();
    if let Some(path) = &dump {
        let mut out = String::new();
        for (i, a) in articles.iter().enumerate() {
            for stated in [true, false] {
                let input = a.input(stated);
                out.push_str(&format!("{i} {stated} {:?}\n", analyze(&input, &taxonomy)));
            }
        }
        std::fs::write(path, out).unwrap_or_else(|e| {
            eprintln!("cannot write {path}: {e}");
            std::process::exit(2);
        });
    }
    // Warm-up: builds the gazetteer and word lists once.
    for a in &articles {
        black_box(entities::find(&a.paragraphs, a.lang.as_deref()));
    }
    for (label, stated) in [
        ("analyze, language stated", true),
        ("analyze, language detected", false),
    ] {
        let start = Instant::now();
        let mut n = 0;
        for _ in 0..rounds {
            for a in &articles {
                black_box(analyze(&a.input(stated), &taxonomy));
                n += 1;
            }
        }
        println!(
            "{label:<28} {:>9.0} articles/s",
            rate(n, start.elapsed().as_secs_f64())
        );
    }
    // Each analysis alone, to see where the time goes. Quotes and figures
    // get the article's entities computed beforehand, as `analyze` passes them.
    let found: Vec<Vec<entities::FoundEntity>> = articles
        .iter()
        .map(|a| entities::find(&a.paragraphs, a.lang.as_deref()))
        .collect();
    type Stage<'a> = (&'a str, Box<dyn Fn(usize, &Article) + 'a>);
    let stages: Vec<Stage<'_>> = vec![
        (
            "language (main, analyze)",
            Box::new(|_, a: &Article| {
                black_box(khabar_understand::detect_main(&a.paragraphs));
            }),
        ),
        (
            "language (every paragraph)",
            Box::new(|_, a: &Article| {
                black_box(khabar_understand::detect_paragraphs(&a.paragraphs));
            }),
        ),
        (
            "entities",
            Box::new(|_, a: &Article| {
                black_box(entities::find(&a.paragraphs, a.lang.as_deref()));
            }),
        ),
        (
            "quotes",
            Box::new(|i, a: &Article| {
                black_box(quotes::find(&a.paragraphs, &found[i], a.outlet.as_deref()));
            }),
        ),
        (
            "figures",
            Box::new(|i, a: &Article| {
                black_box(khabar_understand::figures::find(&a.paragraphs, &found[i]));
            }),
        ),
        (
            "teaser",
            Box::new(|_, a: &Article| {
                black_box(khabar_understand::teaser::pick(&a.title, &a.paragraphs));
            }),
        ),
        (
            "topics",
            Box::new(|_, a: &Article| {
                black_box(taxonomy.classify(&a.title, &a.paragraphs));
            }),
        ),
    ];
    let mut times: Vec<(&str, f64, f64)> = Vec::new();
    for (label, f) in &stages {
        let start = Instant::now();
        let mut n = 0;
        for _ in 0..rounds {
            for (i, a) in articles.iter().enumerate() {
                f(i, a);
                n += 1;
            }
        }
        let secs = start.elapsed().as_secs_f64();
        times.push((label, rate(n, secs), secs * 1e6 / n.max(1) as f64));
    }
    // The share leaves the language out: it runs only when none is stated.
    const LANGUAGE: usize = 2;
    let analyses: f64 = times.iter().skip(LANGUAGE).map(|t| t.2).sum();
    println!(
        "  {:<26} {:>9} {:>12} {:>8}",
        "stage alone", "articles/s", "µs/article", "share"
    );
    for (i, (label, per_s, us)) in times.iter().enumerate() {
        let share = if i < LANGUAGE {
            "-".to_string()
        } else {
            format!("{:.0}%", 100.0 * us / analyses.max(1e-9))
        };
        println!("  {label:<26} {per_s:>9.0} {us:>12.1} {share:>8}");
    }
}
