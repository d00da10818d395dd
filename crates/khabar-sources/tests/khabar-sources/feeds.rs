use khabar_sources::{Error, parse_feed};

const FEED_URL: &str = "https://news.example.org/feed/";

#[test]
fn rss2_items_with_dates_guids_and_summaries() {
    let xml = br#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>Example News</title><link>https://news.example.org/</link>
  <language>fa-AF</language>
  <item>
    <title>Council meets on water sharing</title>
    <link>https://news.example.org/2024/06/council-meets?utm_source=rss&amp;utm_medium=feed</link>
    <guid isPermaLink="false">post-101</guid>
    <pubDate>Sat, 01 Jun 2024 08:00:00 +0430</pubDate>
    <description><![CDATA[<p>The council <b>met</b> today.</p>]]></description>
  </item>
  <item>
    <title>Second &amp; last</title>
    <link>https://news.example.org/2024/06/second</link>
  </item>
</channel></rss>"#;
    let items = parse_feed(xml, FEED_URL).unwrap();
    assert_eq!(items.len(), 2);
    let a = &items[0];
    assert_eq!(a.url, "https://news.example.org/2024/06/council-meets");
    assert!(a.raw_url.contains("utm_source=rss"), "{}", a.raw_url);
    assert_eq!(a.title.as_deref(), Some("Council meets on water sharing"));
    assert_eq!(a.guid.as_deref(), Some("post-101"));
    assert_eq!(a.summary.as_deref(), Some("The council met today."));
    let t = a.published_at.unwrap();
    assert_eq!(t.to_rfc3339(), "2024-06-01T08:00:00+04:30");
    assert!(
        a.lang
            .as_ref()
            .unwrap()
            .as_str()
            .eq_ignore_ascii_case("fa-AF")
    );
    let b = &items[1];
    assert_eq!(b.title.as_deref(), Some("Second & last"));
    assert_eq!(b.guid, None, "no made-up guid");
    assert_eq!(b.published_at, None);
}

#[test]
fn rss1_rdf_items() {
    let xml = br#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.org/">
    <title>RDF outlet</title><link>https://rdf.example.org/</link><description>d</description>
  </channel>
  <item rdf:about="https://rdf.example.org/a/1">
    <title>First RDF item</title><link>https://rdf.example.org/a/1</link>
    <dc:date>2024-05-02T10:00:00+02:00</dc:date>
  </item>
  <item rdf:about="https://rdf.example.org/a/2">
    <title>Second RDF item</title><link>https://rdf.example.org/a/2</link>
  </item>
</rdf:RDF>"#;
    let items = parse_feed(xml, "https://rdf.example.org/index.rdf").unwrap();
    let urls: Vec<&str> = items.iter().map(|c| c.url.as_str()).collect();
    assert_eq!(
        urls,
        ["https://rdf.example.org/a/1", "https://rdf.example.org/a/2"]
    );
    assert_eq!(items[0].title.as_deref(), Some("First RDF item"));
}

#[test]
fn atom_prefers_the_alternate_link_and_keeps_offsets() {
    let xml = br#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Atom outlet</title><id>urn:feed</id><updated>2024-06-01T00:00:00Z</updated>
  <entry>
    <title type="html">A &lt;em&gt;report&lt;/em&gt; on returns</title>
    <id>urn:uuid:1</id>
    <link rel="enclosure" href="https://atom.example.org/media/1.mp3"/>
    <link rel="alternate" href="https://atom.example.org/reports/returns-1"/>
    <published>2024-06-01T09:30:00+04:30</published>
    <updated>2024-06-02T09:30:00+04:30</updated>
    <summary>Short summary.</summary>
  </entry>
  <entry>
    <title>Only updated</title><id>urn:uuid:2</id>
    <link href="https://atom.example.org/reports/2"/>
    <updated>2024-06-03T01:00:00-05:00</updated>
  </entry>
</feed>"#;
    let items = parse_feed(xml, "https://atom.example.org/atom.xml").unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].url, "https://atom.example.org/reports/returns-1");
    assert_eq!(items[0].title.as_deref(), Some("A report on returns"));
    assert_eq!(items[0].guid.as_deref(), Some("urn:uuid:1"));
    assert_eq!(
        items[0].published_at.unwrap().to_rfc3339(),
        "2024-06-01T09:30:00+04:30"
    );
    assert_eq!(
        items[1].published_at.unwrap().to_rfc3339(),
        "2024-06-03T01:00:00-05:00"
    );
}

#[test]
fn json_feed_items() {
    let json = br#"{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "JSON outlet",
  "language": "ps",
  "items": [
    {"id": "j1", "url": "https://json.example.org/p/1?utm_campaign=x", "title": "First",
     "summary": "One line.", "date_published": "2024-06-01T08:00:00+04:30"},
    {"id": "j2", "content_text": "no url here"},
    {"id": "j3", "url": "/p/3", "title": "Relative"}
  ]
}"#;
    let items = parse_feed(json, "https://json.example.org/feed.json").unwrap();
    let urls: Vec<&str> = items.iter().map(|c| c.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://json.example.org/p/1",
            "https://json.example.org/p/3"
        ]
    );
    assert_eq!(items[0].guid.as_deref(), Some("j1"));
    assert_eq!(items[0].summary.as_deref(), Some("One line."));
    assert_eq!(
        items[0].published_at.unwrap().to_rfc3339(),
        "2024-06-01T08:00:00+04:30"
    );
}

#[test]
fn changing_tracking_params_without_guid_give_one_candidate() {
    // The same feed fetched twice, its links tagged differently each time.
    let feed = |tag: &str| {
        format!(
            r#"<rss version="2.0"><channel><title>T</title>
<item><title>Story</title><link>https://news.example.org/story-7?utm_source={tag}&amp;fbclid={tag}#c</link></item>
<item><title>Story (copy)</title><link>https://NEWS.example.org:443/story-7?utm_medium={tag}</link></item>
</channel></rss>"#
        )
    };
    let first = parse_feed(feed("a").as_bytes(), FEED_URL).unwrap();
    let second = parse_feed(feed("b").as_bytes(), FEED_URL).unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].guid, None);
    assert_eq!(first[0].url, "https://news.example.org/story-7");
    assert_eq!(first[0].url, second[0].url);
}

#[test]
fn relative_links_resolve_against_the_feed_url() {
    let xml = br#"<rss version="2.0"><channel><title>T</title>
<item><title>Rel</title><link>../articles/42</link></item>
<item><title>Root</title><link>/fa/news/43</link></item>
</channel></rss>"#;
    let items = parse_feed(xml, "https://news.example.org/feeds/main/").unwrap();
    let urls: Vec<&str> = items.iter().map(|c| c.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://news.example.org/feeds/articles/42",
            "https://news.example.org/fa/news/43"
        ]
    );
}

#[test]
fn items_without_links_are_skipped_and_permalink_guids_used() {
    let xml = br#"<rss version="2.0"><channel><title>T</title>
<item><title>No link, opaque guid</title><guid>abc-1</guid></item>
<item><title>No link at all</title></item>
<item><title>Guid is a URL</title><guid>https://news.example.org/?p=9</guid></item>
<item><title>Script link</title><link>javascript:alert(1)</link></item>
</channel></rss>"#;
    let items = parse_feed(xml, FEED_URL).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].url, "https://news.example.org/?p=9");
}

#[test]
fn malformed_feeds_are_clear_errors() {
    let cases: &[&[u8]] = &[
        b"",
        b"\x00\x01\x02binary",
        b"<html><body><p>Not a feed</p></body></html>",
        b"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"></urlset>",
        b"{\"not\": \"a feed\"}",
    ];
    for bytes in cases {
        let err = parse_feed(bytes, FEED_URL).unwrap_err();
        assert!(matches!(err, Error::Feed { .. }), "{err:?}");
        let msg = err.to_string();
        assert!(
            msg.contains(FEED_URL) && msg.contains("not a readable feed"),
            "{msg}"
        );
    }
    // Truncated: either an error or the items before the cut; never a panic.
    let cut = br#"<rss version="2.0"><channel><title>T</title><item><title>A</title><link>https://x.example/a</link></item><item><tit"#;
    if let Ok(items) = parse_feed(cut, FEED_URL) {
        assert!(items.len() <= 1);
    }
}

#[test]
fn entities_are_not_expanded() {
    let xml = br#"<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>&c;</title>
<item><title>&c;&xxe;</title><link>https://news.example.org/a-1</link></item>
</channel></rss>"#;
    // Whatever feed-rs makes of undefined entities, nothing is expanded.
    if let Ok(items) = parse_feed(xml, FEED_URL) {
        for c in items {
            let t = c.title.unwrap_or_default();
            assert!(t.len() < 100 && !t.contains("root:"), "{t}");
        }
    }
}

#[test]
fn rss_0_9x_items() {
    let xml = br#"<rss version="0.91"><channel><title>Old</title><link>https://old.example.org/</link>
<description>d</description><language>en</language>
<item><title>Old item</title><link>https://old.example.org/item-1.html</link><description>Old summary</description></item>
</channel></rss>"#;
    let items = parse_feed(xml, "https://old.example.org/rss.xml").unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].url, "https://old.example.org/item-1.html");
    assert_eq!(items[0].summary.as_deref(), Some("Old summary"));
    assert_eq!(items[0].lang.as_ref().unwrap().as_str(), "en");
}

#[test]
fn the_xml_declaration_charset_is_honoured() {
    // "خبر" in windows-1256, as an older Persian outlet might serve it.
    let mut xml = br#"<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>t</title><item><title>"#.to_vec();
    xml.extend_from_slice(b"\xCE\xC8\xD1");
    xml.extend_from_slice(
        br#"</title><link>https://fa.example.org/news/1</link></item></channel></rss>"#,
    );
    let items = parse_feed(&xml, "https://fa.example.org/rss").unwrap();
    assert_eq!(items[0].title.as_deref(), Some("خبر"));
}

/// A summary nested 60,000 elements deep gives its text in moments (the
/// nesting is capped before the markup is parsed). The bound is loose.
#[test]
fn a_very_deep_summary_is_read_quickly() {
    let n = 30_000;
    let summary = format!(
        "{}The council met today.{}",
        "<div><span>".repeat(n),
        "</span></div>".repeat(n)
    );
    let xml = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>N</title>\
         <item><title>Council</title><link>https://news.example.org/2024/06/council</link>\
         <description><![CDATA[{summary}]]></description></item></channel></rss>"
    );
    let started = std::time::Instant::now();
    let items = parse_feed(xml.as_bytes(), FEED_URL).unwrap();
    assert_eq!(items[0].summary.as_deref(), Some("The council met today."));
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}
