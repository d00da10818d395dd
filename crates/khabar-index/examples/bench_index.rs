//! Search benchmark: builds an index of N synthetic articles made by
//! recombining real sentences read at run time from the shared datasets
//! (never stored in the repository), then reports the build rate, the
//! index size against the raw text size, and search latency (p50/p99) over a
//! fixed mix of queries with facets and the day histogram on.
//!
//! ```sh
//! cargo run -p khabar-index --release --example bench_index -- \
//!     --articles 1000000 --sentences ../shared/datasets [--dir /tmp/khabar-bench] [--runs 20] [--reuse]
//! ```
//!
//! With `--dir` and `--reuse`, a second run searches the index the first
//! one built (the build figures are read back from `DIR/bench.json`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, Duration, TimeZone, Utc};
use khabar_index::{Index, IndexDoc, SearchRequest, Sort};

struct Opts {
    articles: u64,
    sentences: PathBuf,
    dir: Option<PathBuf>,
    runs: usize,
    threads: usize,
    memory_mb: usize,
    /// Search the index already in `dir` (built by an earlier run with the
    /// same `--articles`) instead of building it again.
    reuse: bool,
    /// Facets and the day histogram (on by default, as the search page asks).
    facets: bool,
    histogram: bool,
}

fn opts() -> Result<Opts, String> {
    let mut o = Opts {
        articles: 100_000,
        sentences: PathBuf::from("../shared/datasets"),
        dir: None,
        runs: 20,
        threads: 2,
        memory_mb: 1024,
        reuse: false,
        facets: true,
        histogram: true,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--articles" => o.articles = val()?.parse().map_err(|e| format!("--articles: {e}"))?,
            "--sentences" => o.sentences = PathBuf::from(val()?),
            "--dir" => o.dir = Some(PathBuf::from(val()?)),
            "--runs" => o.runs = val()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--threads" => o.threads = val()?.parse().map_err(|e| format!("--threads: {e}"))?,
            "--memory-mb" => {
                o.memory_mb = val()?.parse().map_err(|e| format!("--memory-mb: {e}"))?
            }
            "--reuse" => o.reuse = true,
            "--no-facets" => o.facets = false,
            "--no-histogram" => o.histogram = false,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(o)
}

/// Sentences of a text: split after . ! ? ؟ ۔ and at line breaks.
fn sentences(text: &str, out: &mut Vec<String>) {
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            push_sentence(&mut cur, out);
            continue;
        }
        cur.push(c);
        if matches!(c, '.' | '!' | '?' | '؟' | '۔')
            && chars.peek().is_none_or(|n| n.is_whitespace())
        {
            push_sentence(&mut cur, out);
        }
    }
    push_sentence(&mut cur, out);
}

fn push_sentence(cur: &mut String, out: &mut Vec<String>) {
    let s = cur.trim();
    if (30..600).contains(&s.len()) {
        out.push(s.to_owned());
    }
    cur.clear();
}

/// Sentence pools by khabar language code.
fn load(dir: &Path) -> Result<HashMap<&'static str, Vec<String>>, String> {
    let mut pools: HashMap<&'static str, Vec<String>> = HashMap::new();
    let stories = dir.join("stories");
    let entries = std::fs::read_dir(&stories).map_err(|e| format!("{}: {e}", stories.display()))?;
    for e in entries.flatten() {
        let path = e.path();
        if path.extension().is_none_or(|x| x != "jsonl") {
            continue;
        }
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for line in text.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let lang = match v.get("lang").and_then(|l| l.as_str()).unwrap_or("eng") {
                "eng" | "en" => "en",
                "fas" | "prs" => "fa",
                "pus" => "ps",
                "urd" => "ur",
                "arb" => "ar",
                _ => continue,
            };
            let pool = pools.entry(lang).or_default();
            for k in ["title", "text"] {
                if let Some(t) = v.get(k).and_then(|t| t.as_str()) {
                    sentences(t, pool);
                }
            }
        }
    }
    let gt = dir.join("wcxb-dev").join("ground-truth.json");
    if let Ok(text) = std::fs::read_to_string(&gt)
        && let Ok(serde_json::Value::Object(m)) = serde_json::from_str(&text)
    {
        let pool = pools.entry("en").or_default();
        for (_, v) in m {
            if v.get("page_type").and_then(|p| p.as_str()) == Some("article")
                && let Some(t) = v.get("articleBody").and_then(|t| t.as_str())
                && t.is_ascii()
            {
                sentences(t, pool);
            }
        }
    }
    if pools.get("en").is_none_or(Vec::is_empty) {
        return Err(format!("no sentences found under {}", dir.display()));
    }
    Ok(pools)
}

const OUTLETS: &[&str] = &[
    "Kabul Observer",
    "Herat Herald",
    "Mazar Messenger",
    "Kandahar Courier",
    "Jalalabad Journal",
    "Bamyan Bulletin",
    "Kunduz Chronicle",
    "Ghazni Gazette",
    "Helmand Herald",
    "Balkh Times",
    "Panjshir Post",
    "Nangarhar News",
    "Khost Daily",
    "Badakhshan Voice",
    "Farah Tribune",
    "Paktia Press",
    "Logar Ledger",
    "Parwan Report",
    "Samangan Star",
    "Zabul Wire",
    "Regional Wire",
    "World Desk",
    "Asia Monitor",
    "Frontier Review",
    "Daily Dispatch",
];
const TOPICS: &[&str] = &[
    "security",
    "politics",
    "economy",
    "health",
    "education",
    "women",
    "migration",
    "weather",
    "culture",
    "sport",
    "justice",
    "diplomacy",
];
const GIVEN: &[&str] = &[
    "Ahmad", "Fatima", "Mohammad", "Zahra", "Karim", "Laila", "Rahim", "Maryam", "Hamid", "Nadia",
    "Farid", "Sima", "Yusuf", "Parwana", "Nasir", "Shabnam",
];
const FAMILY: &[&str] = &[
    "Rahimi",
    "Karimi",
    "Ahmadi",
    "Hakimi",
    "Sultani",
    "Naseri",
    "Yousufzai",
    "Durrani",
    "Popal",
    "Safi",
    "Wardak",
    "Stanikzai",
    "Barakzai",
    "Noori",
];
const PLACES: &[&str] = &[
    "Kabul",
    "Herat",
    "Mazar-i-Sharif",
    "Kandahar",
    "Jalalabad",
    "Kunduz",
    "Ghazni",
    "Bamyan",
    "Doha",
    "Islamabad",
    "Tehran",
    "Geneva",
];
const BODIES: &[&str] = &[
    "Taliban",
    "United Nations",
    "World Bank",
    "UNHCR",
    "UNAMA",
    "WHO",
];

fn person(rng: &mut fastrand::Rng) -> String {
    format!(
        "{} {}",
        GIVEN[rng.usize(..GIVEN.len())],
        FAMILY[rng.usize(..FAMILY.len())]
    )
}

/// A skewed pick: low indexes are much more frequent, as real outlets and
/// entities are.
fn skewed(rng: &mut fastrand::Rng, n: usize) -> usize {
    let x = rng.f64();
    ((x * x * x) * n as f64) as usize % n
}

struct Generator {
    pools: Vec<(&'static str, Vec<String>)>,
    rng: fastrand::Rng,
    start: DateTime<Utc>,
}

impl Generator {
    fn article(&mut self, id: u64) -> IndexDoc {
        let rng = &mut self.rng;
        // en 50 %, fa 25 %, ps 10 %, ar 8 %, ur 7 % (as available).
        let want = match rng.u32(..100) {
            0..50 => "en",
            50..75 => "fa",
            75..85 => "ps",
            85..93 => "ar",
            _ => "ur",
        };
        let (lang, pool) = self
            .pools
            .iter()
            .find(|(l, _)| *l == want)
            .or_else(|| self.pools.iter().find(|(l, _)| *l == "en"))
            .map(|(l, p)| (*l, p))
            .unwrap_or(("en", &self.pools[0].1));
        let pick = |rng: &mut fastrand::Rng| pool[rng.usize(..pool.len())].as_str();
        let title: String = pick(rng)
            .split_whitespace()
            .take(12)
            .collect::<Vec<_>>()
            .join(" ");
        let mut paragraphs = Vec::new();
        for _ in 0..rng.usize(3..8) {
            let mut p = String::new();
            for _ in 0..rng.usize(1..5) {
                if !p.is_empty() {
                    p.push(' ');
                }
                p.push_str(pick(rng));
            }
            paragraphs.push(p);
        }
        let teaser = rng.bool().then(|| paragraphs[0].clone());
        let mut entities = Vec::new();
        for _ in 0..rng.usize(1..5) {
            entities.push(match rng.u32(..3) {
                0 => PLACES[skewed(rng, PLACES.len())].to_owned(),
                1 => BODIES[skewed(rng, BODIES.len())].to_owned(),
                _ => person(rng),
            });
        }
        entities.sort();
        entities.dedup();
        let speakers = (0..rng.usize(0..3)).map(|_| person(rng)).collect();
        let mut topics = vec![TOPICS[skewed(rng, TOPICS.len())].to_owned()];
        if rng.bool() {
            topics.push(TOPICS[rng.usize(..TOPICS.len())].to_owned());
        }
        IndexDoc {
            id,
            title,
            text: paragraphs.join("\n\n"),
            teaser,
            outlet: Some(OUTLETS[skewed(rng, OUTLETS.len())].to_owned()),
            lang: Some(lang.to_owned()),
            topics,
            entities,
            speakers,
            story: rng.bool().then(|| rng.u64(1..200_000)),
            published: self.start + Duration::seconds(rng.i64(0..2 * 365 * 86_400)),
        }
    }
}

/// The query mix: words, phrases, fields, boolean, date ranges, sorted by
/// relevance and by date; the empty query is the front page of a search.
const QUERIES: &[(&str, Sort)] = &[
    ("president", Sort::Relevance),
    ("police killed", Sort::Relevance),
    ("\"white house\"", Sort::Relevance),
    ("government OR minister", Sort::Relevance),
    ("title:police", Sort::Relevance),
    ("(police OR army) -president", Sort::Relevance),
    ("outlet:kabul election", Sort::Date),
    ("topic:security since:2025-06-01", Sort::Date),
    ("entity:taliban women", Sort::Relevance),
    ("date:P30D", Sort::Date),
    ("lang:fa", Sort::Date),
    ("افغانستان", Sort::Relevance),
    ("\"said on\"", Sort::Relevance),
    ("speaker:ahmad refugees", Sort::Relevance),
    ("", Sort::Date),
    ("people", Sort::Relevance),
];

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let o = opts()?;
    let pools = load(&o.sentences)?;
    let mut langs: Vec<_> = pools
        .iter()
        .map(|(l, p)| format!("{l}:{}", p.len()))
        .collect();
    langs.sort();
    println!("sentences: {}", langs.join(" "));

    let tmp;
    let dir = match &o.dir {
        Some(d) => d.clone(),
        None => {
            tmp = tempfile::tempdir()?;
            tmp.path().to_path_buf()
        }
    };
    let index = Index::open(&dir)?;
    let mut generator = Generator {
        pools: pools.into_iter().collect(),
        rng: fastrand::Rng::with_seed(7),
        start: Utc.with_ymd_and_hms(2024, 12, 1, 0, 0, 0).unwrap(),
    };
    generator.pools.sort_by_key(|(l, _)| *l);

    let record = dir.join("bench.json");
    let previous: Option<serde_json::Value> = o
        .reuse
        .then(|| std::fs::read_to_string(&record).ok())
        .flatten()
        .and_then(|t| serde_json::from_str(&t).ok())
        .filter(|v: &serde_json::Value| v["articles"].as_u64() == Some(o.articles));
    let (build, raw) = match previous {
        Some(v) => {
            println!("reusing the index in {}", dir.display());
            (
                v["build_s"].as_f64().unwrap_or(0.0),
                v["raw_bytes"].as_u64().unwrap_or(0),
            )
        }
        None => {
            let t = Instant::now();
            let mut raw = 0u64;
            let mut rebuild = index.rebuild_with(o.threads, o.memory_mb << 20)?;
            for id in 1..=o.articles {
                let d = generator.article(id);
                raw += d.raw_len() as u64;
                rebuild.add(&d)?;
                if id % 100_000 == 0 {
                    eprintln!("  {id} documents, {:.0} s", t.elapsed().as_secs_f64());
                }
            }
            rebuild.finish(o.articles as i64)?;
            let build = t.elapsed().as_secs_f64();
            std::fs::write(
                &record,
                serde_json::json!({"articles": o.articles, "build_s": build, "raw_bytes": raw})
                    .to_string(),
            )?;
            (build, raw)
        }
    };
    let size = index.size_on_disk()?;
    println!(
        "build: {} articles in {:.1} s = {:.0} docs/s",
        o.articles,
        build,
        o.articles as f64 / build
    );
    println!("segments: {}", index.num_segments()?);
    println!(
        "size: index {:.1} MiB, raw text {:.1} MiB = {:.1} %",
        size as f64 / 1048576.0,
        raw as f64 / 1048576.0,
        100.0 * size as f64 / raw as f64
    );

    // Warm up (the first search of each query loads its pages).
    let request = |q: &str, sort: Sort| SearchRequest {
        query: q.to_owned(),
        sort,
        limit: 20,
        facets: o.facets,
        histogram: o.histogram,
        ..SearchRequest::default()
    };
    for (q, sort) in QUERIES {
        index.search(&request(q, *sort))?;
    }
    let mut all = Vec::new();
    println!(
        "{:<40} {:>9} {:>8} {:>8}",
        "query (facets + histogram)", "matches", "p50 ms", "max ms"
    );
    for (q, sort) in QUERIES {
        let mut times = Vec::with_capacity(o.runs);
        let mut total = 0;
        for _ in 0..o.runs {
            let t = Instant::now();
            let r = index.search(&request(q, *sort))?;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            total = r.total;
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{:<40} {:>9} {:>8.2} {:>8.2}",
            format!("{q} [{sort:?}]"),
            total,
            percentile(&times, 0.5),
            times.last().copied().unwrap_or(0.0)
        );
        all.extend(times);
    }
    all.sort_by(f64::total_cmp);
    println!(
        "search over the mix ({} searches): p50 {:.2} ms, p99 {:.2} ms",
        all.len(),
        percentile(&all, 0.5),
        percentile(&all, 0.99)
    );
    Ok(())
}
