//! Seeds a khabar data folder with the web app's synthetic fixtures (English,
//! Dari and Pashto articles with stories, entities, quotes and figures), plus
//! `--bulk N` generated articles, and with `--bench` times the main pages
//! through the router.
//!
//! ```sh
//! cargo run -p khabar-web --example seed -- /tmp/khabar-data --bulk 10000 --bench
//! ```
//!
//! `--reuse` times the pages of a folder seeded (and indexed) by an earlier
//! run, read back from `DATA/seed.json`, and then reports the process's
//! memory (resident and peak), which is what `khabar serve` holds.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::Request;
use khabar_store::{SqliteStore, Store};
use tower::ServiceExt;

#[path = "../tests/khabar-web/fixtures.rs"]
mod fixtures;

fn usage() -> ! {
    eprintln!("usage: seed DATA_DIR [--bulk N] [--bench] [--reuse]");
    std::process::exit(2)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        usage()
    };
    let mut bulk = 0u32;
    let mut bench = false;
    let mut reuse = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bulk" => {
                bulk = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or_else(|| usage())
            }
            "--bench" => bench = true,
            "--reuse" => reuse = true,
            _ => usage(),
        }
    }
    std::fs::create_dir_all(&dir).expect("data folder");
    let db = dir.join("khabar.db");
    // A large bulk load is not synced commit by commit (see
    // `open_for_bulk_load`); `khabar serve` reopens the folder normally.
    let sqlite = if bulk > 10_000 {
        SqliteStore::open_for_bulk_load(&db).await
    } else {
        SqliteStore::open(&db).await
    };
    let store: Arc<dyn Store> = Arc::new(sqlite.expect("open the database"));
    let seed_record = dir.join("seed.json");
    let ids: serde_json::Value = if reuse {
        let text = std::fs::read_to_string(&seed_record).expect("DATA/seed.json of an earlier run");
        serde_json::from_str(&text).expect("seed.json")
    } else {
        let started = Instant::now();
        let seeded = fixtures::seed(store.as_ref(), None).await;
        if bulk > 0 {
            fixtures::bulk(store.as_ref(), bulk).await;
        }
        eprintln!(
            "seeded {} articles in {:.1} s (flood story {}, Dari article {}, person entity {})",
            store.count_articles().await.expect("count"),
            started.elapsed().as_secs_f64(),
            seeded.flood_story.0,
            seeded.dari.0,
            seeded.person.0
        );
        let ids = serde_json::json!({
                "flood_story": seeded.flood_story.0,
                "english": seeded.english.0,
                "dari": seeded.dari.0,
                "pashto": seeded.pashto.0,
                "person": seeded.person.0,
                "place": seeded.place.0,
        });
        println!("{ids}");
        std::fs::write(dir.join("seed.json"), ids.to_string()).expect("write seed.json");
        ids
    };
    if !bench {
        return;
    }
    let index = if reuse {
        khabar_index::Index::open(dir.join("index")).expect("index")
    } else {
        // The search index in `DATA/index`, built from the store as
        // `khabar reindex` does, so `khabar serve` finds it up to date.
        let t = Instant::now();
        let index = khabar_index::Index::open(dir.join("index")).expect("index");
        let last = store.last_outbox_id().await.expect("outbox");
        let mut rebuild = index.rebuild().expect("rebuild");
        let mut after = khabar_model::ArticleId(0);
        loop {
            let ids = store.article_ids_after(after, 500).await.expect("ids");
            let Some(&next) = ids.last() else { break };
            for s in store.index_sources(&ids).await.expect("index sources") {
                rebuild
                    .add(&khabar_index::IndexDoc::from_article(
                        &s.article, s.entities, s.speakers,
                    ))
                    .expect("index add");
            }
            after = next;
        }
        rebuild.finish(last).expect("index commit");
        eprintln!("indexed in {:.1} s", t.elapsed().as_secs_f64());
        index
    };
    let id = |k: &str| ids[k].as_i64().expect("seed.json field");
    let search: Arc<dyn khabar_web::Search> =
        Arc::new(khabar_web::IndexSearch::new(Arc::new(index)));
    let app = khabar_web::router(khabar_web::AppState::new(store.clone()).with_index(Some(search)));
    let stories = store
        .list_stories(&khabar_store::StoryQuery {
            limit: Some(1),
            ..Default::default()
        })
        .await
        .expect("stories");
    let big_story = stories.first().map_or(id("flood_story"), |s| s.id.0);
    let routes = [
        "/".to_string(),
        format!("/story/{}", id("flood_story")),
        format!("/story/{big_story}"),
        format!("/article/{}", id("dari")),
        "/search?q=floods".to_string(),
        "/search?q=clinic+lang%3Aen".to_string(),
        format!("/entity/{}", id("person")),
        "/quotes".to_string(),
        "/figures".to_string(),
        "/sources".to_string(),
        "/feed.atom".to_string(),
    ];
    println!("route\truns\tp50_ms\tp95_ms\tmax_ms");
    for r in routes {
        let mut times = Vec::new();
        for _ in 0..30 {
            let t = Instant::now();
            let resp = app
                .clone()
                .oneshot(Request::get(&r).body(Body::empty()).expect("request"))
                .await
                .expect("response");
            let status = resp.status();
            let _ = axum::body::to_bytes(resp.into_body(), 64 << 20).await;
            times.push(t.elapsed());
            assert!(status.is_success(), "{r}: {status}");
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{r}\t{}\t{:.1}\t{:.1}\t{:.1}",
            times.len(),
            ms(times[times.len() / 2]),
            ms(times[times.len() * 95 / 100]),
            ms(times[times.len() - 1])
        );
    }
    // Memory of this process, which holds what `khabar serve` holds (store
    // pool, index readers, router); with `--reuse` it did nothing else.
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        let kib = |key: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        };
        if let (Some(rss), Some(peak)) = (kib("VmRSS:"), kib("VmHWM:")) {
            println!(
                "memory: resident {:.1} MiB, peak {:.1} MiB",
                rss as f64 / 1024.0,
                peak as f64 / 1024.0
            );
        }
    }
}
