use khabar_model::{Lang, Source, SourceId, SourceKind, SourceOrigin};
use khabar_sources::{Error, parse_opml, write_opml};

fn source(id: i64, name: &str, url: &str, kind: SourceKind, lang: Option<&str>) -> Source {
    Source {
        id: SourceId(id),
        name: name.into(),
        url: url.into(),
        kind,
        lang: lang.map(|l| l.parse::<Lang>().unwrap()),
        origin: SourceOrigin::Cli,
        pattern: None,
        articles: 0,
        last_fetch_at: None,
        last_error: None,
    }
}

#[test]
fn nested_outlines_keep_their_category_path() {
    let text = r#"<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="News">
      <outline text="Afghan outlets" title="Afghan outlets">
        <outline type="rss" text="Outlet A" xmlUrl="https://a.example.org/feed/" htmlUrl="https://a.example.org/" language="fa-AF"/>
        <outline type="rss" text="B text" title="Outlet B" xmlUrl=" https://b.example.org/rss.xml "></outline>
      </outline>
      <outline type="rss" xmlUrl="https://c.example.org/atom.xml"/>
    </outline>
    <outline type="rss" text="Top &amp; level" xmlUrl="https://d.example.org/feed"/>
    <outline text="Not a feed" htmlUrl="https://e.example.org/"/>
  </body>
</opml>"#;
    let feeds = parse_opml(text).unwrap();
    let got: Vec<(&str, &str, Vec<&str>)> = feeds
        .iter()
        .map(|f| {
            (
                f.title.as_str(),
                f.xml_url.as_str(),
                f.category.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Outlet A",
                "https://a.example.org/feed/",
                vec!["News", "Afghan outlets"]
            ),
            (
                "Outlet B",
                "https://b.example.org/rss.xml",
                vec!["News", "Afghan outlets"]
            ),
            (
                "https://c.example.org/atom.xml",
                "https://c.example.org/atom.xml",
                vec!["News"]
            ),
            ("Top & level", "https://d.example.org/feed", vec![]),
        ]
    );
    assert_eq!(feeds[0].html_url.as_deref(), Some("https://a.example.org/"));
    assert_eq!(feeds[0].lang.as_deref(), Some("fa-AF"));
    assert!(feeds.iter().all(|f| f.kind == SourceKind::Feed));
}

#[test]
fn round_trip_keeps_names_urls_kinds_and_languages() {
    let sources = vec![
        source(
            1,
            "Outlet \"A\" & <Co>",
            "https://a.example.org/feed/?x=1&y=2",
            SourceKind::Feed,
            Some("en"),
        ),
        source(
            2,
            "خبرگزاری آزمایشی",
            "https://b.example.org/fa/rss.xml",
            SourceKind::Feed,
            Some("fa-AF"),
        ),
        source(
            3,
            "Sitemap outlet",
            "https://c.example.org/news-sitemap.xml",
            SourceKind::Sitemap,
            None,
        ),
        source(
            4,
            "Section 'page'",
            "https://d.example.org/ps/afghanistan",
            SourceKind::Page,
            Some("ps"),
        ),
    ];
    let text = write_opml(&sources, "khabar <sources> & more");
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"));
    assert!(
        text.contains("<title>khabar &lt;sources&gt; &amp; more</title>"),
        "{text}"
    );
    let back = parse_opml(&text).unwrap();
    assert_eq!(back.len(), sources.len());
    for (s, f) in sources.iter().zip(&back) {
        assert_eq!(f.title, s.name);
        assert_eq!(f.xml_url, s.url);
        assert_eq!(f.kind, s.kind);
        assert_eq!(f.lang.as_deref(), s.lang.as_ref().map(|l| l.as_str()));
        assert!(f.category.is_empty());
    }
    // An empty catalog is still a valid document.
    assert!(parse_opml(&write_opml(&[], "empty")).unwrap().is_empty());
}

#[test]
fn malformed_opml_is_a_clear_error() {
    for (text, want) in [
        ("", "no <opml>"),
        ("not xml at all", "no <opml>"),
        ("<rss version=\"2.0\"></rss>", "not <opml>"),
        ("<opml version=\"2.0\"><head/></opml>", "no <body>"),
        ("<opml><body><outline text=\"a\"></body></opml>", "bad XML"),
    ] {
        let err = parse_opml(text).unwrap_err();
        assert!(matches!(err, Error::Opml(_)), "{err:?}");
        let msg = err.to_string();
        assert!(msg.contains("OPML") && msg.contains(want), "{want}: {msg}");
    }
}
