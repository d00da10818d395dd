use std::io::Write;

use flate2::Compression;
use flate2::write::GzEncoder;
use khabar_sources::{Error, Sitemap, parse_sitemap, parse_sitemap_with_limit};

const URL: &str = "https://news.example.org/sitemap.xml";

fn urls(s: Sitemap) -> Vec<khabar_sources::Candidate> {
    match s {
        Sitemap::Urls(u) => u,
        Sitemap::Index(i) => panic!("an index: {i:?}"),
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

const URLSET: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>https://news.example.org/2024/06/a?utm_source=sm</loc>
    <lastmod>2024-06-01T08:00:00+04:30</lastmod>
    <image:image><image:loc>https://cdn.example.org/a.jpg</image:loc><image:title>Photo</image:title></image:image>
  </url>
  <url><loc>/2024/06/b?x=1&amp;y=2</loc><lastmod>2024-06-02</lastmod></url>
  <url><loc>https://news.example.org/2024/06/a#again</loc></url>
  <url><loc>ftp://news.example.org/file</loc></url>
</urlset>"#;

#[test]
fn urlset_pages_with_lastmod() {
    let u = urls(parse_sitemap(URLSET.as_bytes(), URL).unwrap());
    let list: Vec<&str> = u.iter().map(|c| c.url.as_str()).collect();
    assert_eq!(
        list,
        [
            "https://news.example.org/2024/06/a",
            "https://news.example.org/2024/06/b?x=1&y=2"
        ]
    );
    assert_eq!(u[0].title, None, "an image title is not the page's");
    assert_eq!(
        u[0].published_at.unwrap().to_rfc3339(),
        "2024-06-01T08:00:00+04:30"
    );
    assert_eq!(
        u[1].published_at.unwrap().to_rfc3339(),
        "2024-06-02T00:00:00+00:00"
    );
}

#[test]
fn sitemap_index_lists_sitemaps() {
    let xml = br#"<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://news.example.org/sitemap-2024-06.xml.gz</loc><lastmod>2024-06-30</lastmod></sitemap>
  <sitemap><loc>/sitemap-news.xml</loc></sitemap>
  <sitemap><loc>/sitemap-news.xml</loc></sitemap>
</sitemapindex>"#;
    match parse_sitemap(xml, URL).unwrap() {
        Sitemap::Index(list) => assert_eq!(
            list,
            [
                "https://news.example.org/sitemap-2024-06.xml.gz",
                "https://news.example.org/sitemap-news.xml"
            ]
        ),
        other => panic!("not an index: {other:?}"),
    }
}

#[test]
fn google_news_sitemap_gives_titles_dates_and_languages() {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://news.example.org/fa/news/501</loc>
    <news:news>
      <news:publication><news:name>Example</news:name><news:language>fa</news:language></news:publication>
      <news:publication_date>2024-06-01T08:00:00+04:30</news:publication_date>
      <news:title>گزارش آزمایشی &amp; تیتر</news:title>
    </news:news>
  </url>
  <url>
    <loc>https://news.example.org/ps/news/502</loc>
    <lastmod>2024-05-01</lastmod>
    <news:news>
      <news:publication><news:name>Example</news:name><news:language>ps</news:language></news:publication>
      <news:publication_date>2024-06-02</news:publication_date>
      <news:title><![CDATA[Pashto test headline]]></news:title>
    </news:news>
  </url>
</urlset>"#;
    let u = urls(parse_sitemap(xml.as_bytes(), URL).unwrap());
    assert_eq!(u.len(), 2);
    assert_eq!(u[0].title.as_deref(), Some("گزارش آزمایشی & تیتر"));
    assert_eq!(u[0].lang.as_ref().unwrap().as_str(), "fa");
    assert_eq!(
        u[0].published_at.unwrap().to_rfc3339(),
        "2024-06-01T08:00:00+04:30"
    );
    assert_eq!(u[1].title.as_deref(), Some("Pashto test headline"));
    assert_eq!(u[1].lang.as_ref().unwrap().as_str(), "ps");
    // The news date wins over lastmod.
    assert_eq!(
        u[1].published_at.unwrap().to_rfc3339(),
        "2024-06-02T00:00:00+00:00"
    );
}

#[test]
fn gzipped_sitemaps_are_read_whatever_the_url() {
    let gz = gzip(URLSET.as_bytes());
    let u = urls(parse_sitemap(&gz, "https://news.example.org/sitemap").unwrap());
    assert_eq!(u.len(), 2);
}

#[test]
fn a_sitemap_bomb_is_capped() {
    // 8 MiB of zeros compress to a few KiB; a 1 MiB cap stops it.
    let zeros = vec![b' '; 8 * 1024 * 1024];
    let mut body = b"<urlset>".to_vec();
    body.extend_from_slice(&zeros);
    body.extend_from_slice(b"</urlset>");
    let gz = gzip(&body);
    assert!(gz.len() < 64 * 1024, "{}", gz.len());
    let err = parse_sitemap_with_limit(&gz, URL, 1024 * 1024).unwrap_err();
    assert!(
        matches!(err, Error::TooLarge { limit: 1048576, .. }),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("larger than 1048576 bytes"),
        "{err}"
    );
    // Uncompressed input over the cap is refused too.
    let err = parse_sitemap_with_limit(&body, URL, 1024 * 1024).unwrap_err();
    assert!(matches!(err, Error::TooLarge { .. }), "{err:?}");
    // Under the default cap the same body is fine.
    assert!(urls(parse_sitemap(&gz, URL).unwrap()).is_empty());
}

#[test]
fn malformed_sitemaps_are_clear_errors() {
    let cases: &[(&[u8], &str)] = &[
        (b"", "no XML element"),
        (
            b"<html><body>hi</body></html>",
            "not <urlset> or <sitemapindex>",
        ),
        (
            b"<urlset><url><loc>https://x.example/a</loc></url>",
            "cut short",
        ),
        (b"<urlset><url></urlset>", "bad XML"),
        (b"\x1f\x8b\x08\x00garbage", "gzip"),
        (b"<rss version=\"2.0\"><channel/></rss>", "<rss>"),
    ];
    for (bytes, want) in cases {
        let err = parse_sitemap(bytes, URL).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains(URL) && msg.contains(want), "{want}: {msg}");
    }
}

#[test]
fn dtd_entities_are_not_expanded() {
    let xml = br#"<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<urlset><url><loc>https://news.example.org/x-&b;</loc></url></urlset>"#;
    let u = urls(parse_sitemap(xml, URL).unwrap());
    assert_eq!(u.len(), 1);
    assert!(!u[0].url.contains("aaaa"), "{}", u[0].url);
}
