//! End-to-end crawl tests: a fixture outlet on 127.0.0.1 with a feed,
//! articles and robots.txt; a temp store and archive.

mod analysis;

use std::sync::Arc;
use std::time::Duration;

use khabar_archive::{Archive, ArchiveOptions};
use khabar_fetch::{AddressPolicy, FetchOptions, Fetcher};
use khabar_model::{SourceDraft, SourceKind, SourceOrigin};
use khabar_pipeline::{Pipeline, PipelineOptions};
use khabar_store::{ArticleQuery, SqliteStore, Store};
use khabar_testkit::TempData;
use khabar_testkit::server::{FixtureServer, Reply, Routes};

fn article_page(n: u32) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><title>Valley road {n} reopens | Example Times</title>
<meta property="og:title" content="Valley road {n} reopens">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Valley road {n} reopens","datePublished":"2024-11-11T09:30:00+04:30","author":{{"@type":"Person","name":"Jane Doe"}}}}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Valley road {n} reopens</h1>
<p>The road through the valley reopened on Monday after three weeks of repairs, officials of the roads department said.</p>
<p>Engineers replaced two bridges that the spring floods had damaged, and traders said lorries were already moving fruit to the markets of the provincial capital.</p>
<p>Residents of the villages along the road said the closure had doubled the price of flour and fuel, and that they hoped the repairs would last through the winter.</p>
<p>The department said a further {n} kilometres of road would be resurfaced next year if funding allowed.</p>
</article><footer>© Example Times. All rights reserved.</footer></body></html>"#
    )
}

fn feed(server_url: &str, ids: &[u32]) -> String {
    let items: String = ids
        .iter()
        .map(|n| {
            format!(
                "<item><title>Valley road {n} reopens</title><link>{server_url}/news/{n}?utm_source=rss</link><pubDate>Mon, 11 Nov 2024 05:00:00 GMT</pubDate></item>"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Example Times</title><link>{server_url}/</link>{items}</channel></rss>"
    )
}

async fn outlet(ids: Vec<u32>) -> FixtureServer {
    // The feed needs the server's own URL, known only after start: the
    // handler builds it from the Host header.
    let mut routes = Routes::new()
        .fixed(
            "/robots.txt",
            Reply::ok("text/plain", "User-agent: *\nDisallow: /private\n"),
        )
        .on("/feed.xml", move |seen| {
            let host = seen.header("host").unwrap_or_default().to_string();
            if seen.header("if-none-match") == Some("\"f1\"") {
                return Reply::status(304);
            }
            Reply::ok("application/rss+xml", feed(&format!("http://{host}"), &ids))
                .header("ETag", "\"f1\"")
        })
        .fixed(
            "/broken.xml",
            Reply::ok("application/rss+xml", "<rss><channel><item><title>cut"),
        );
    for n in 1..=5 {
        routes = routes.fixed(
            &format!("/news/{n}"),
            Reply::ok("text/html; charset=utf-8", article_page(n)),
        );
    }
    FixtureServer::start(routes).await
}

struct Rig {
    store: Arc<dyn Store>,
    pipeline: Pipeline,
    archive: Arc<Archive>,
}

async fn rig(data: &std::path::Path, opts: PipelineOptions) -> Rig {
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&data.join("khabar.db")).await.unwrap());
    let fetcher = Arc::new(
        Fetcher::new(FetchOptions {
            min_host_gap: Duration::from_millis(20),
            policy: AddressPolicy {
                allow_loopback: true,
                allow_private: false,
            },
            ..FetchOptions::default()
        })
        .unwrap(),
    );
    let archive =
        Arc::new(Archive::open(&data.join("archive"), ArchiveOptions::default()).unwrap());
    let pipeline = Pipeline::new(store.clone(), fetcher, archive.clone(), opts);
    Rig {
        store,
        pipeline,
        archive,
    }
}

fn source(name: &str, url: String) -> SourceDraft {
    SourceDraft {
        name: name.into(),
        url,
        kind: SourceKind::Feed,
        lang: None,
        origin: SourceOrigin::Cli,
        pattern: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crawl_stores_archives_and_is_idempotent() {
    let server = outlet(vec![1, 2, 3]).await;
    let dir = TempData::new();
    let r = rig(&dir.data(), PipelineOptions::default()).await;
    r.store
        .add_source(&source("Example Times", server.url("/feed.xml")))
        .await
        .unwrap();
    r.store
        .add_source(&source("Broken Wire", server.url("/broken.xml")))
        .await
        .unwrap();

    let s = r.pipeline.crawl_once(true).await.unwrap();
    assert_eq!(s.sources_fetched, 1, "{s:?}");
    assert_eq!(s.sources_failed.get("Parse"), Some(&1), "{s:?}");
    assert_eq!(s.new_urls, 3);
    assert_eq!(s.articles_new, 3, "{s:?}");

    let arts = r
        .store
        .list_articles(&ArticleQuery::default())
        .await
        .unwrap();
    assert_eq!(arts.len(), 3);
    for a in &arts {
        assert_eq!(a.source.as_deref(), Some("Example Times"));
        assert!(a.title.starts_with("Valley road"), "{}", a.title);
        assert_eq!(
            a.published_at.unwrap().to_rfc3339(),
            "2024-11-11T09:30:00+04:30"
        );
        assert!(
            a.paragraphs.iter().any(|p| p.contains("two bridges")),
            "{:?}",
            a.paragraphs
        );
        assert!(!a.text().contains("All rights reserved"));
        let archived = a
            .archive
            .as_ref()
            .expect("every article points to its WARC record");
        let back = r.archive.read(archived).unwrap();
        assert!(String::from_utf8_lossy(&back.body).contains("two bridges"));
        assert!(
            a.canonical_url
                .as_deref()
                .unwrap()
                .ends_with(&format!("/news/{}", &a.title[12..13]))
        );
    }
    let refs: Vec<_> = arts.iter().filter_map(|a| a.archive.clone()).collect();
    assert!(r.archive.verify(refs.iter()).is_ok());

    // Health is recorded on each source.
    let states = r.store.crawl_states().await.unwrap();
    let broken = states
        .iter()
        .find(|s| s.source.name == "Broken Wire")
        .unwrap();
    assert_eq!(broken.source.last_error.as_deref(), Some("Parse"));
    let good = states
        .iter()
        .find(|s| s.source.name == "Example Times")
        .unwrap();
    assert_eq!(good.etag.as_deref(), Some("\"f1\""));
    assert!(good.next_fetch_at.unwrap() > chrono::Utc::now().timestamp() + 600);

    // Not due yet: nothing is fetched. Forced: the feed answers 304.
    let again = r.pipeline.crawl_once(false).await.unwrap();
    assert_eq!(again.sources_due, 0);
    let forced = r.pipeline.crawl_once(true).await.unwrap();
    assert_eq!(forced.sources_not_modified, 1, "{forced:?}");
    assert_eq!(r.store.count_articles().await.unwrap(), 3);
    assert_eq!(
        server.seen_at("/news/1").len(),
        1,
        "each article fetched once"
    );
    assert_eq!(server.seen_at("/robots.txt").len(), 1, "robots.txt cached");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_crawl_resumes_without_duplicates() {
    let server = outlet(vec![1, 2, 3, 4, 5]).await;
    let opts = PipelineOptions {
        lease: Duration::from_secs(1),
        ..PipelineOptions::default()
    };
    let dir = TempData::new();
    let data = dir.data();
    let r = rig(&data, opts.clone()).await;
    r.store
        .add_source(&source("Example Times", server.url("/feed.xml")))
        .await
        .unwrap();
    // A first worker queues the feed's links and claims three jobs, then dies.
    let st = r.store.crawl_states().await.unwrap().pop().unwrap();
    r.pipeline.process_source(&st).await.unwrap();
    let claimed = r
        .store
        .claim(3, opts.lease, chrono::Utc::now())
        .await
        .unwrap();
    assert_eq!(claimed.len(), 3);
    // It even finished one before dying.
    r.pipeline.process_article(&claimed[0]).await.unwrap();
    drop(r);

    // A new process on the same data folder, after the lease ran out.
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let Rig {
        store, pipeline, ..
    } = rig(&data, opts).await;
    let before = store.queue_counts(chrono::Utc::now()).await.unwrap();
    assert_eq!(
        (before.pending, before.leased),
        (4, 0),
        "expired leases count as pending"
    );
    let s = pipeline.crawl_once(false).await.unwrap();
    assert_eq!(s.articles_new, 4, "{s:?}");
    assert_eq!(store.count_articles().await.unwrap(), 5);
    let counts = store.queue_counts(chrono::Utc::now()).await.unwrap();
    assert_eq!((counts.pending, counts.leased, counts.failed), (0, 0, 0));
    for n in 1..=5 {
        assert_eq!(
            server.seen_at(&format!("/news/{n}")).len(),
            1,
            "article {n} fetched once"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreachable_and_disallowed_pages_are_recorded_not_fatal() {
    let server = FixtureServer::start(
        Routes::new()
            .fixed("/robots.txt", Reply::ok("text/plain", "User-agent: *\nDisallow: /private\n"))
            .on("/feed.xml", |seen| {
                let host = seen.header("host").unwrap_or_default().to_string();
                Reply::ok(
                    "application/rss+xml",
                    format!(
                        "<rss version=\"2.0\"><channel><title>t</title>\
                         <item><title>a</title><link>http://{host}/private/1</link></item>\
                         <item><title>b</title><link>http://{host}/gone</link></item>\
                         <item><title>c</title><link>http://127.0.0.2:1/x</link></item></channel></rss>"
                    ),
                )
            }),
    )
    .await;
    let dir = TempData::new();
    let r = rig(&dir.data(), PipelineOptions::default()).await;
    r.store
        .add_source(&source("Odd Wire", server.url("/feed.xml")))
        .await
        .unwrap();
    let s = r.pipeline.crawl_once(true).await.unwrap();
    assert_eq!(s.new_urls, 3);
    assert_eq!(s.pages_failed.get("RobotsDisallowed"), Some(&1), "{s:?}");
    assert_eq!(s.pages_failed.get("Status"), Some(&1), "{s:?}");
    // robots.txt of an unreachable host: the page is retried later, not given up.
    assert_eq!(s.pages_retry.get("Connect"), Some(&1), "{s:?}");
    assert!(server.seen_at("/private/1").is_empty());
    assert_eq!(r.store.count_articles().await.unwrap(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_foreign_canonical_link_does_not_take_over_the_key() {
    let syndicated = article_page(7).replace(
        "<title>",
        "<link rel=\"canonical\" href=\"https://wire.example/original/7\"><title>",
    );
    let (server, a) = crawl_one_page(7, syndicated).await;
    assert_eq!(
        a.canonical_url.as_deref(),
        Some(server.url("/news/7").as_str())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_feed_ttl_slows_polling_down() {
    let server = FixtureServer::start(Routes::new().fixed(
        "/feed.xml",
        Reply::ok(
            "application/rss+xml",
            "<rss version=\"2.0\"><channel><title>Slow</title><ttl>720</ttl></channel></rss>",
        ),
    ))
    .await;
    let dir = TempData::new();
    let r = rig(&dir.data(), PipelineOptions::default()).await;
    r.store
        .add_source(&source("Slow Weekly", server.url("/feed.xml")))
        .await
        .unwrap();
    r.pipeline.crawl_once(true).await.unwrap();
    let st = r.store.crawl_states().await.unwrap().remove(0);
    assert_eq!(st.poll_secs, Some(720 * 60));
    assert!(st.next_fetch_at.unwrap() >= chrono::Utc::now().timestamp() + 700 * 60);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_without_a_language_tag_gets_its_language_detected() {
    let page = "<!doctype html><html><head><title>بازگشایی جاده دره</title></head><body><article>\
        <h1>بازگشایی جاده دره</h1>\
        <p>جاده دره پس از سه هفته ترمیم روز دوشنبه دوباره باز شد و مسئولان ریاست راه‌ها این خبر را تأیید کردند.</p>\
        <p>انجینیران دو پل را که در سیلاب‌های بهاری آسیب دیده بود دوباره ساختند و بازرگانان گفتند که موترهای باری میوه را به بازارهای مرکز ولایت می‌برند.</p>\
        <p>باشندگان روستاهای کنار جاده گفتند که بسته بودن راه قیمت آرد و تیل را دو برابر کرده بود و امیدوارند ترمیم‌ها تا پایان زمستان دوام بیاورد.</p>\
        </article></body></html>";
    let (_server, a) = crawl_one_page(8, page.to_string()).await;
    assert_eq!(a.lang.as_ref().map(|l| l.as_str()), Some("fa"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_section_page_source_follows_only_its_pattern() {
    let section = "<html><body><nav><a href=\"/about\">About</a></nav><main>\
        <h2><a href=\"/news/2024/11/valley-road-1\">Valley road 1 reopens after the floods</a></h2>\
        <h2><a href=\"/news/2024/11/valley-road-2\">Valley road 2 reopens after the floods</a></h2>\
        <h2><a href=\"/opinion/2024/11/roads-matter\">Why the roads of the valley matter</a></h2>\
        </main></body></html>";
    let server = FixtureServer::start(
        Routes::new()
            .fixed("/section", Reply::ok("text/html", section))
            .fixed(
                "/news/2024/11/valley-road-1",
                Reply::ok("text/html", article_page(1)),
            )
            .fixed(
                "/news/2024/11/valley-road-2",
                Reply::ok("text/html", article_page(2)),
            )
            .fixed(
                "/opinion/2024/11/roads-matter",
                Reply::ok("text/html", article_page(3)),
            ),
    )
    .await;
    let dir = TempData::new();
    let r = rig(&dir.data(), PipelineOptions::default()).await;
    let mut src = source("Valley Times", server.url("/section"));
    src.kind = SourceKind::Page;
    src.pattern = Some("/news/*/11/".into());
    let added = r.store.add_source(&src).await.unwrap();
    assert_eq!(added.pattern.as_deref(), Some("/news/*/11/"));
    let s = r.pipeline.crawl_once(true).await.unwrap();
    assert_eq!((s.new_urls, s.articles_new), (2, 2), "{s:?}");
    assert!(server.seen_at("/opinion/2024/11/roads-matter").is_empty());
}

/// Serves a feed with one item linking to `page` at `/news/{n}`, crawls it
/// once, checks that one article was stored and returns it.
async fn crawl_one_page(n: u32, page: String) -> (FixtureServer, khabar_model::Article) {
    crawl_one_page_with(n, page, PipelineOptions::default()).await
}

/// [`crawl_one_page`] with these options.
async fn crawl_one_page_with(
    n: u32,
    page: String,
    opts: PipelineOptions,
) -> (FixtureServer, khabar_model::Article) {
    let routes = Routes::new()
        .on("/feed.xml", move |seen| {
            let host = seen.header("host").unwrap_or_default().to_string();
            Reply::ok("application/rss+xml", feed(&format!("http://{host}"), &[n]))
        })
        .fixed(
            &format!("/news/{n}"),
            Reply::ok("text/html; charset=utf-8", page),
        );
    let (server, mut arts) = crawl_feed(routes, opts, 1).await;
    (server, arts.remove(0))
}

/// Serves `routes`, crawls the feed at `/feed.xml` once, checks that
/// `articles` articles were stored and returns them.
async fn crawl_feed(
    routes: Routes,
    opts: PipelineOptions,
    articles: usize,
) -> (FixtureServer, Vec<khabar_model::Article>) {
    let server = FixtureServer::start(routes).await;
    let dir = TempData::new();
    let r = rig(&dir.data(), opts).await;
    r.store
        .add_source(&source("Example Times", server.url("/feed.xml")))
        .await
        .unwrap();
    let s = r.pipeline.crawl_once(true).await.unwrap();
    assert_eq!(s.articles_new, articles, "{s:?}");
    let arts = r
        .store
        .list_articles(&ArticleQuery::default())
        .await
        .unwrap();
    (server, arts)
}

/// The site rules given to the pipeline decide where a crawled page's text
/// sits: the rule's body, without the parts it drops.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crawled_pages_are_read_by_the_configured_site_rules() {
    let para =
        |s: &str| format!("<p>{s} The district council met in the morning to hear the report.</p>");
    let page = format!(
        "<!doctype html><html lang=en><head><title>Council hears water report</title>\
         <meta property=\"og:type\" content=\"article\"></head><body><main>\
         <h1>Council hears water report</h1><div class=story-text>{}{}\
         <div class=editor-note><p>Editor's note: this report was updated on Tuesday with the figures the council published later in the day.</p></div>{}</div>\
         </main></body></html>",
        para("Wells in the lower village dried up in June."),
        para("Engineers proposed a new pipeline from the spring."),
        para("The work is to start before the winter.")
    );
    let rules = khabar_extract::SiteRules::from_rules(&[khabar_extract::SiteRule {
        domain: "127.0.0.1".into(),
        body: vec![".story-text".into()],
        drop: vec![".editor-note".into()],
    }])
    .unwrap();
    let opts = PipelineOptions {
        site_rules: Some(Arc::new(rules)),
        ..PipelineOptions::default()
    };
    let (_server, a) = crawl_one_page_with(9, page.clone(), opts).await;
    assert!(
        a.text().contains("new pipeline from the spring"),
        "{}",
        a.text()
    );
    assert!(!a.text().contains("Editor's note"), "{}", a.text());
    // Without the rule, the note is part of the text.
    let (_server, b) = crawl_one_page(9, page).await;
    assert!(b.text().contains("Editor's note"), "{}", b.text());
}

/// A page that shows only "3 hours ago": dated from the time it was made
/// (the fetch, less the `Age` of a cached answer), unless its feed item
/// gives the time.
fn relative_page(n: u32) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><title>Flood defences {n} finished | Example Times</title></head>
<body><article><h1>Flood defences {n} finished</h1>
<div class="post-meta"><span class="post-date">3 hours ago</span></div>
<p>Workers finished the flood defences along the river on Tuesday, two months ahead of the rainy season, the district council said in a statement.</p>
<p>The new walls run for four kilometres past the market and the school, and the council said they were built to hold back a flood twice the size of last year's.</p>
<p>Shopkeepers who lost stock in last year's flood said they would now keep goods on the ground floor again.</p>
</article></body></html>"#
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn relative_times_are_dated_from_the_fetch_unless_the_feed_tells() {
    let routes = Routes::new()
        .fixed("/robots.txt", Reply::ok("text/plain", "User-agent: *\n"))
        .on("/feed.xml", |seen| {
            let host = seen.header("host").unwrap_or_default().to_string();
            Reply::ok(
                "application/rss+xml",
                format!(
                    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Example Times</title><link>http://{host}/</link>\
                     <item><title>Flood defences 1 finished</title><link>http://{host}/news/1</link></item>\
                     <item><title>Flood defences 2 finished</title><link>http://{host}/news/2</link><pubDate>Mon, 11 Nov 2024 05:00:00 GMT</pubDate></item>\
                     </channel></rss>"
                ),
            )
        })
        // A cache kept this answer for an hour: the page was made 4 hours
        // after the story.
        .fixed(
            "/news/1",
            Reply::ok("text/html; charset=utf-8", relative_page(1)).header("Age", "3600"),
        )
        .fixed("/news/2", Reply::ok("text/html; charset=utf-8", relative_page(2)));
    let (_server, arts) = crawl_feed(routes, PipelineOptions::default(), 2).await;
    let by_title = |t: &str| arts.iter().find(|a| a.title.contains(t)).unwrap();
    let one = by_title("defences 1");
    let fetched = one.fetched_at.fixed_offset();
    let shown = one.published_at.expect("dated from the fetch time");
    let back = fetched - shown;
    assert!(
        back >= chrono::TimeDelta::hours(4) && back < chrono::TimeDelta::minutes(241),
        "fetched {fetched}, dated {shown}"
    );
    assert_eq!(
        by_title("defences 2").published_at.unwrap().to_rfc3339(),
        "2024-11-11T05:00:00+00:00"
    );
}
