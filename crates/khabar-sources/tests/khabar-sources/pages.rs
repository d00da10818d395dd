use khabar_sources::{canonical_link, links_from_page};

const PAGE: &str = "https://www.news.example.org/en/afghanistan";

const SECTION: &str = r#"<!doctype html>
<html lang="en"><head><title>Afghanistan</title>
<link rel="canonical" href="/en/afghanistan?utm_source=x">
</head><body>
<header><a href="/">Home</a><a href="/en/login">Log in</a>
  <a href="/en/2024/06/header-story-123">Header story</a></header>
<nav><a href="/en/politics">Politics</a><a href="/en/world">World</a>
  <a href="/en/nav-linked-story-991">Nav story</a></nav>
<main>
  <article>
    <a href="/en/2024/06/council-meets-on-water-101"><img src="/img/1.jpg" alt="Photo"></a>
    <h2><a href="/en/2024/06/council-meets-on-water-101?utm_source=home">Council meets on water</a></h2>
    <a href="/en/tag/water">water</a> <a href="/en/author/jane-doe">Jane Doe</a>
  </article>
  <article>
    <h2><a href="https://news.example.org/en/returns-from-pakistan-rise">Returns from Pakistan rise</a></h2>
    <a href="https://facebook.com/sharer/sharer.php?u=https://news.example.org/en/x">Share</a>
    <a href="/en/share?url=%2Fen%2Fx">Share</a>
  </article>
  <article>
    <h2><a href="https://farsi.news.example.org/fa/news/202">خبر آزمایشی</a></h2>
  </article>
  <a href="/en/briefing">Briefing</a>
  <a href="/en/afghanistan">Afghanistan</a>
  <a href="/en/afghanistan#top">Top</a>
  <a href="/en/afghanistan/page/2">Next page</a>
  <a href="/en/afghanistan?page=3">3</a>
  <a href="/files/report-2024.pdf">Report (PDF)</a>
  <a href="mailto:desk@news.example.org">Mail us</a>
  <a href="javascript:void(0)">Menu</a>
  <a href="https://other.example.com/news/story-1">Elsewhere</a>
  <a href="/en/video-of-the-day-55" title="Video of the day"></a>
</main>
<footer><a href="/en/about">About</a><a href="/en/privacy">Privacy</a>
  <a href="/en/footer-linked-story-77">Footer story</a></footer>
</body></html>"#;

#[test]
fn section_page_yields_article_links_only() {
    let c = links_from_page(SECTION.as_bytes(), PAGE, None);
    let got: Vec<(&str, Option<&str>)> = c
        .iter()
        .map(|c| (c.url.as_str(), c.title.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "https://www.news.example.org/en/2024/06/council-meets-on-water-101",
                Some("Council meets on water")
            ),
            (
                "https://news.example.org/en/returns-from-pakistan-rise",
                Some("Returns from Pakistan rise")
            ),
            (
                "https://farsi.news.example.org/fa/news/202",
                Some("خبر آزمایشی")
            ),
            (
                "https://www.news.example.org/en/video-of-the-day-55",
                Some("Video of the day")
            ),
        ]
    );
    assert_eq!(c[0].lang.as_ref().unwrap().as_str(), "en");
    assert!(c[0].raw_url.starts_with("https://www.news.example.org/"));
}

#[test]
fn a_pattern_selects_links() {
    let c = links_from_page(SECTION.as_bytes(), PAGE, Some("/en/2024/*/"));
    let got: Vec<&str> = c.iter().map(|c| c.url.as_str()).collect();
    assert_eq!(
        got,
        ["https://www.news.example.org/en/2024/06/council-meets-on-water-101"]
    );
    // A pattern lets through links that do not look like articles, but
    // never chrome, tags or pagination.
    let c = links_from_page(SECTION.as_bytes(), PAGE, Some("/en/"));
    assert!(c.iter().any(|c| c.url.ends_with("/en/briefing")));
    assert!(!c.iter().any(|c| c.url.ends_with("/en/afghanistan")));
    assert!(
        c.iter()
            .all(|c| !c.url.contains("/tag/") && !c.url.contains("page"))
    );
    assert!(c.iter().all(|c| !c.url.contains("politics")));
}

/// A section page nested 60,000 elements deep (by accident or to stall a
/// crawler) still gives its links, in moments: uncapped, the parser spent
/// about two and a half minutes on it in a debug build. The bound is loose on purpose.
#[test]
fn a_very_deep_page_gives_its_links_quickly() {
    let n = 30_000;
    let html = format!(
        "<html><body>{}<a href=\"/en/2024/06/council-meets-on-water-101\">Council</a>{}</body></html>",
        "<div><span>".repeat(n),
        "</span></div>".repeat(n)
    );
    let started = std::time::Instant::now();
    let c = links_from_page(html.as_bytes(), PAGE, None);
    assert_eq!(
        c[0].url,
        "https://www.news.example.org/en/2024/06/council-meets-on-water-101"
    );
    assert!(canonical_link(html.as_bytes(), PAGE).is_none());
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn base_href_and_garbage() {
    let html = br#"<html><head><base href="https://news.example.org/fa/"></head>
<body><a href="news/some-long-story-slug">Story</a></body></html>"#;
    let c = links_from_page(html, "https://news.example.org/", None);
    assert_eq!(
        c[0].url,
        "https://news.example.org/fa/news/some-long-story-slug"
    );
    assert!(links_from_page(b"\xff\xfe\x00garbage<<<", PAGE, None).is_empty());
    assert!(links_from_page(SECTION.as_bytes(), "not a url", None).is_empty());
}

#[test]
fn canonical_link_is_resolved_and_same_site_only() {
    assert_eq!(
        canonical_link(SECTION.as_bytes(), PAGE).as_deref(),
        Some("https://www.news.example.org/en/afghanistan")
    );
    let other =
        br#"<html><head><link rel="Canonical" href="https://other.example.com/a"></head></html>"#;
    assert_eq!(canonical_link(other, PAGE), None);
    let two = br#"<html><head><link rel="alternate canonical" href="https://amp.news.example.org/a-1#x"></head></html>"#;
    assert_eq!(
        canonical_link(two, PAGE).as_deref(),
        Some("https://amp.news.example.org/a-1")
    );
    assert_eq!(canonical_link(b"<p>no head</p>", PAGE), None);
    let js = br#"<link rel="canonical" href="javascript:alert(1)">"#;
    assert_eq!(canonical_link(js, PAGE), None);
}
