//! Fetcher tests against the fixture server on 127.0.0.1 (loopback allowed
//! explicitly, as the options demand).

use std::io::Write;
use std::time::{Duration, Instant};

use flate2::Compression;
use flate2::write::GzEncoder;
use khabar_fetch::{AddressPolicy, FetchOptions, Fetcher, Purpose, Request};
use khabar_testkit::server::{FixtureServer, Reply, Routes, Step};

fn opts() -> FetchOptions {
    FetchOptions {
        min_host_gap: Duration::from_millis(300),
        policy: AddressPolicy {
            allow_loopback: true,
            allow_private: false,
        },
        feed_timeout: Duration::from_secs(3),
        page_timeout: Duration::from_secs(3),
        max_body_bytes: 1 << 20,
        ..FetchOptions::default()
    }
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

const RSS: &str =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>";

#[tokio::test]
async fn conditional_get_and_user_agent() {
    let server = FixtureServer::start(Routes::new().on("/feed", |seen| {
        if seen.header("if-none-match") == Some("\"v1\"") {
            Reply::status(304)
        } else {
            Reply::ok("application/rss+xml", RSS)
                .header("ETag", "\"v1\"")
                .header("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT")
        }
    }))
    .await;
    let f = Fetcher::new(opts()).unwrap();
    let first = f
        .fetch(&Request::new(server.url("/feed"), Purpose::Feed))
        .await
        .unwrap();
    assert_eq!(first.status, 200);
    assert_eq!(first.text(), RSS);
    assert_eq!(first.etag(), Some("\"v1\""));
    let mut again = Request::new(server.url("/feed"), Purpose::Feed);
    again.etag = first.etag().map(str::to_string);
    again.last_modified = first.last_modified().map(str::to_string);
    let second = f.fetch(&again).await.unwrap();
    assert!(second.not_modified);
    assert!(second.body.is_empty());
    let seen = server.seen_at("/feed");
    assert!(seen[0].header("user-agent").unwrap().starts_with("khabar/"));
    assert_eq!(
        seen[1].header("if-modified-since"),
        Some("Mon, 01 Jan 2024 00:00:00 GMT")
    );
}

#[tokio::test]
async fn one_request_at_a_time_per_host_with_a_gap() {
    let server = FixtureServer::start(Routes::new().on("/slow", |_| {
        Reply::Script(vec![
            Step::Sleep(Duration::from_millis(100)),
            Step::Send(
                b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok".to_vec(),
            ),
        ])
    }))
    .await;
    let f = std::sync::Arc::new(Fetcher::new(opts()).unwrap());
    let mut tasks = Vec::new();
    for _ in 0..3 {
        let f = f.clone();
        let url = server.url("/slow");
        tasks.push(tokio::spawn(async move {
            f.fetch(&Request::new(url, Purpose::Feed)).await.map(|_| ())
        }));
    }
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    let times: Vec<Instant> = server.seen_at("/slow").iter().map(|s| s.at).collect();
    assert_eq!(times.len(), 3);
    for w in times.windows(2) {
        // Each request starts after the previous answer (100 ms) plus the
        // gap: max(300 ms floor, 3 × ~100 ms).
        let gap = w[1] - w[0];
        assert!(
            gap >= Duration::from_millis(390),
            "requests only {gap:?} apart"
        );
    }
}

#[tokio::test]
async fn robots_rules_are_obeyed_and_cached() {
    let server = FixtureServer::start(
        Routes::new()
            .fixed(
                "/robots.txt",
                Reply::ok("text/plain", "User-agent: *\nDisallow: /private\n"),
            )
            .fixed("/private/a", Reply::ok("text/html", "<p>secret</p>"))
            .fixed("/public/a", Reply::ok("text/html", "<p>hello</p>")),
    )
    .await;
    let f = Fetcher::new(opts()).unwrap();
    let err = f
        .fetch(&Request::new(server.url("/private/a"), Purpose::Page))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "RobotsDisallowed");
    f.fetch(&Request::new(server.url("/public/a"), Purpose::Page))
        .await
        .unwrap();
    f.fetch(&Request::new(server.url("/public/a"), Purpose::Page))
        .await
        .unwrap();
    assert_eq!(
        server.seen_at("/robots.txt").len(),
        1,
        "robots.txt is cached"
    );
    assert!(server.seen_at("/private/a").is_empty());
}

#[tokio::test]
async fn robots_404_allows_and_500_disallows() {
    let missing =
        FixtureServer::start(Routes::new().fixed("/a", Reply::ok("text/html", "x"))).await;
    let f = Fetcher::new(opts()).unwrap();
    f.fetch(&Request::new(missing.url("/a"), Purpose::Page))
        .await
        .unwrap();
    let broken = FixtureServer::start(
        Routes::new()
            .fixed("/robots.txt", Reply::status(500))
            .fixed("/a", Reply::ok("text/html", "x")),
    )
    .await;
    let err = f
        .fetch(&Request::new(broken.url("/a"), Purpose::Page))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "RobotsDisallowed");
    assert!(broken.seen_at("/a").is_empty());
}

#[tokio::test]
async fn retry_after_is_honoured_and_capped_waits_fail_fast() {
    let server = FixtureServer::start(
        Routes::new()
            .fixed("/busy", Reply::status(429).header("Retry-After", "1"))
            .fixed("/ok", Reply::ok("text/plain", "fine")),
    )
    .await;
    let f = Fetcher::new(opts()).unwrap();
    let err = f
        .fetch(&Request::new(server.url("/busy"), Purpose::Feed))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "RateLimited");
    let started = Instant::now();
    f.fetch(&Request::new(server.url("/ok"), Purpose::Feed))
        .await
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "waited only {:?}",
        started.elapsed()
    );

    let long = FixtureServer::start(
        Routes::new()
            .fixed("/busy", Reply::status(503).header("Retry-After", "3600"))
            .fixed("/ok", Reply::ok("text/plain", "fine")),
    )
    .await;
    assert_eq!(
        f.fetch(&Request::new(long.url("/busy"), Purpose::Feed))
            .await
            .unwrap_err()
            .code(),
        "RateLimited"
    );
    let started = Instant::now();
    let err = f
        .fetch(&Request::new(long.url("/ok"), Purpose::Feed))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "RateLimited");
    assert!(
        started.elapsed() < Duration::from_millis(200),
        "no sleeping for an hour"
    );
    assert!(long.seen_at("/ok").is_empty(), "no request during the wait");

    for garbage in ["soon", "-3", "99999999999999999999"] {
        let s = FixtureServer::start(
            Routes::new().fixed("/b", Reply::status(429).header("Retry-After", garbage)),
        )
        .await;
        assert_eq!(
            f.fetch(&Request::new(s.url("/b"), Purpose::Feed))
                .await
                .unwrap_err()
                .code(),
            "RateLimited"
        );
    }
}

#[tokio::test]
async fn redirects_are_capped_and_every_hop_checked() {
    let server = FixtureServer::start(
        Routes::new()
            .on("/loop", |_| Reply::redirect(302, "/loop"))
            .fixed("/file", Reply::redirect(301, "file:///etc/passwd"))
            .fixed(
                "/meta",
                Reply::redirect(302, "http://169.254.169.254/latest/meta-data"),
            )
            .fixed("/mapped", Reply::redirect(302, "http://[::ffff:10.0.0.1]/"))
            .fixed("/hop", Reply::redirect(307, "/final"))
            .fixed("/final", Reply::ok("text/plain", "here")),
    )
    .await;
    let f = Fetcher::new(FetchOptions {
        min_host_gap: Duration::from_millis(10),
        ..opts()
    })
    .unwrap();
    let get = |p: &str| Request::new(server.url(p), Purpose::Feed);
    assert_eq!(
        f.fetch(&get("/loop")).await.unwrap_err().code(),
        "TooManyRedirects"
    );
    assert_eq!(
        server.seen_at("/loop").len(),
        6,
        "first request + 5 redirects"
    );
    assert_eq!(f.fetch(&get("/file")).await.unwrap_err().code(), "BadUrl");
    assert_eq!(f.fetch(&get("/meta")).await.unwrap_err().code(), "Blocked");
    assert_eq!(
        f.fetch(&get("/mapped")).await.unwrap_err().code(),
        "Blocked"
    );
    let ok = f.fetch(&get("/hop")).await.unwrap();
    assert_eq!(ok.url, server.url("/final"));
    assert_eq!(ok.redirects, vec![server.url("/hop")]);
}

#[tokio::test]
async fn special_addresses_are_refused_without_a_request() {
    let server = FixtureServer::start(Routes::new().fixed("/", Reply::ok("text/plain", "x"))).await;
    let f = Fetcher::new(FetchOptions::default()).unwrap();
    let port = server.addr().port();
    for url in [
        format!("http://127.0.0.1:{port}/"),
        format!("http://127.1:{port}/"),
        format!("http://2130706433:{port}/"),
        format!("http://0x7f000001:{port}/"),
        format!("http://[::ffff:127.0.0.1]:{port}/"),
        format!("http://localhost:{port}/"),
        "http://169.254.169.254/".to_string(),
        "http://100.64.0.1/".to_string(),
        "http://[fc00::1]/".to_string(),
    ] {
        let err = f
            .fetch(&Request::new(url.clone(), Purpose::Feed))
            .await
            .unwrap_err();
        assert_eq!(err.code(), "Blocked", "{url}: {err}");
    }
    assert!(server.seen().is_empty(), "a refused address was contacted");
}

#[tokio::test]
async fn bodies_are_capped_after_decompression() {
    let big = vec![b'a'; 2 << 20];
    let bomb = gzip(&vec![0u8; 8 << 20]);
    let twice = gzip(&gzip(RSS.as_bytes()));
    let server = FixtureServer::start(
        Routes::new()
            .fixed("/big", Reply::ok("text/plain", big.clone()))
            .fixed(
                "/bomb",
                Reply::ok("text/plain", bomb).header("Content-Encoding", "gzip"),
            )
            .fixed(
                "/twice",
                Reply::ok("application/rss+xml", twice).header("Content-Encoding", "gzip, gzip"),
            )
            .fixed(
                "/brotli",
                Reply::ok("text/plain", "x").header("Content-Encoding", "br"),
            )
            .on("/nolength", move |_| {
                let mut steps = vec![Step::Send(
                    b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".to_vec(),
                )];
                for _ in 0..40 {
                    steps.push(Step::Send(vec![b'z'; 64 * 1024]));
                }
                Reply::Script(steps)
            })
            .fixed("/empty", Reply::ok("text/plain", ""))
            .fixed("/gone", Reply::status(404)),
    )
    .await;
    let f = Fetcher::new(FetchOptions {
        min_host_gap: Duration::from_millis(10),
        ..opts()
    })
    .unwrap();
    let get = |p: &str| Request::new(server.url(p), Purpose::Feed);
    assert_eq!(f.fetch(&get("/big")).await.unwrap_err().code(), "TooLarge");
    assert_eq!(f.fetch(&get("/bomb")).await.unwrap_err().code(), "TooLarge");
    assert_eq!(
        f.fetch(&get("/nolength")).await.unwrap_err().code(),
        "TooLarge"
    );
    assert_eq!(f.fetch(&get("/twice")).await.unwrap().text(), RSS);
    assert_eq!(
        f.fetch(&get("/brotli")).await.unwrap_err().code(),
        "Encoding"
    );
    assert_eq!(
        f.fetch(&get("/empty")).await.unwrap_err().code(),
        "EmptyBody"
    );
    let err = f.fetch(&get("/gone")).await.unwrap_err();
    assert_eq!(err.code(), "Status");
    assert!(!err.is_transient());
}

#[tokio::test]
async fn slow_servers_hit_the_deadline() {
    let server = FixtureServer::start(Routes::new().on("/drip", |_| {
        let mut steps = vec![Step::Send(
            b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n".to_vec(),
        )];
        for _ in 0..100 {
            steps.push(Step::Send(b"x".to_vec()));
            steps.push(Step::Sleep(Duration::from_millis(500)));
        }
        Reply::Script(steps)
    }))
    .await;
    let f = Fetcher::new(FetchOptions {
        feed_timeout: Duration::from_secs(1),
        min_host_gap: Duration::from_millis(10),
        ..opts()
    })
    .unwrap();
    let other = FixtureServer::start(Routes::new().on("/silent", |_| {
        Reply::Script(vec![Step::Sleep(Duration::from_secs(30))])
    }))
    .await;
    // Two servers (two hosts), so the back-off after the first timeout does
    // not delay the second request.
    for (server, path) in [(&server, "/drip"), (&other, "/silent")] {
        let started = Instant::now();
        let err = f
            .fetch(&Request::new(server.url(path), Purpose::Feed))
            .await
            .unwrap_err();
        assert_eq!(err.code(), "Timeout", "{path}");
        assert!(
            started.elapsed() < Duration::from_millis(2500),
            "{path} took {:?}",
            started.elapsed()
        );
    }
}

#[tokio::test]
async fn persian_page_with_charset_only_in_http_decodes_exactly() {
    let text = "<html><body><p>خبر کابل: گزارش مردم</p></body></html>";
    let bytes = encoding_rs::WINDOWS_1256.encode(text).0.into_owned();
    let server = FixtureServer::start(
        Routes::new().fixed("/fa", Reply::ok("text/html; charset=windows-1256", bytes)),
    )
    .await;
    let f = Fetcher::new(opts()).unwrap();
    let r = f
        .fetch(&Request::new(server.url("/fa"), Purpose::Feed))
        .await
        .unwrap();
    assert_eq!(r.http_charset(), Some("windows-1256"));
    assert_eq!(r.text(), text);
}
