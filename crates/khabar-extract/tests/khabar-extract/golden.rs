//! Golden tests: each `tests/fixtures/NAME.html` (pages written for these
//! tests) is extracted. `NAME.txt`, when present, must equal the main text;
//! `NAME.json`, when present, lists fields of the JSON output that must
//! equal (a subset; `_url` is passed as the page's URL, `_fetched_at` as
//! the time it was fetched).

use std::path::{Path, PathBuf};

use khabar_extract::{ExtractOptions, extract};
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn check_subset(name: &str, path: &str, want: &Value, got: &Value, errors: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                if k.starts_with('_') {
                    continue;
                }
                let gv = g.get(k).unwrap_or(&Value::Null);
                check_subset(name, &format!("{path}.{k}"), wv, gv, errors);
            }
        }
        _ if want != got => errors.push(format!("{name}: {path}: want {want}, got {got}")),
        _ => {}
    }
}

#[test]
fn every_fixture_matches_its_golden_files() {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 9, "fixtures missing: {pages:?}");
    let mut errors = Vec::new();
    let mut checked = 0;
    for page in &pages {
        let name = page.file_stem().unwrap().to_string_lossy().to_string();
        let want_json: Option<Value> = std::fs::read_to_string(page.with_extension("json"))
            .ok()
            .map(|s| serde_json::from_str(&s).unwrap());
        let url = want_json
            .as_ref()
            .and_then(|j| j.get("_url"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let fetched_at = want_json
            .as_ref()
            .and_then(|j| j.get("_fetched_at"))
            .and_then(Value::as_str)
            .map(|t| chrono::DateTime::parse_from_rfc3339(t).unwrap());
        let bytes = std::fs::read(page).unwrap();
        let a = extract(
            &bytes,
            &ExtractOptions {
                url,
                fetched_at,
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        if let Ok(want) = std::fs::read_to_string(page.with_extension("txt")) {
            checked += 1;
            if a.text() != want.trim_end() {
                errors.push(format!(
                    "{name}: text differs\n--- want\n{}\n--- got\n{}",
                    want.trim_end(),
                    a.text()
                ));
            }
        }
        if let Some(want) = want_json {
            checked += 1;
            let got = serde_json::to_value(&a).unwrap();
            check_subset(&name, "", &want, &got, &mut errors);
        }
    }
    assert!(checked >= 15, "only {checked} golden files checked");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// The text a CommonMark reader finds in `md`, whitespace collapsed.
fn markdown_text(md: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut out = String::new();
    for ev in Parser::new(md) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn markdown_of_every_fixture_reads_back_as_its_text() {
    let mut checked = 0;
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let page = entry.unwrap().path();
        if page.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let a = extract(&std::fs::read(&page).unwrap(), &ExtractOptions::default()).unwrap();
        if a.blocks.is_empty() {
            continue;
        }
        let md = a.markdown();
        let mut want: Vec<&str> = a.title.as_deref().into_iter().collect();
        want.extend(a.blocks.iter().map(|b| b.text.as_str()));
        let want = want
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(markdown_text(&md), want, "{}:\n{md}", page.display());
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} fixtures checked");
}

#[test]
fn relative_dates_need_the_fetch_time() {
    for name in ["dari-relative-time", "wire-dateline-no-year"] {
        let bytes = std::fs::read(fixtures().join(format!("{name}.html"))).unwrap();
        let a = extract(&bytes, &ExtractOptions::default()).unwrap();
        assert_eq!(a.published_at, None, "{name}");
        assert_eq!(a.provenance.published_at, None, "{name}");
    }
}

#[test]
fn persian_page_keeps_zwnj_and_marks_quotes() {
    let bytes = std::fs::read(fixtures().join("persian-rtl.html")).unwrap();
    let a = extract(&bytes, &ExtractOptions::default()).unwrap();
    let text = a.text();
    // ZWNJ (U+200C) inside words survives extraction untouched.
    assert!(text.contains("می\u{200c}شوند"), "{text}");
    assert!(text.contains("دانش\u{200c}آموز"), "{text}");
    assert!(
        a.blocks
            .iter()
            .any(|b| b.kind == khabar_extract::BlockKind::Quote
                && b.text.starts_with("ما می\u{200c}خواهیم"))
    );
    // Visible date line and share bar are not text.
    assert!(!text.contains("عقرب"), "{text}");
    assert!(!text.contains("اشتراک"), "{text}");
}

#[test]
fn furniture_of_the_news_page_is_left_out() {
    let bytes = std::fs::read(fixtures().join("news-jsonld-graph.html")).unwrap();
    let a = extract(&bytes, &ExtractOptions::default()).unwrap();
    let text = a.text();
    for furniture in [
        "cookies",
        "Share on",
        "Photo: Staff",
        "Related stories",
        "newsletter",
        "All rights reserved",
        "Home",
        "By Nadia",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} kept in:\n{text}");
    }
    let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind).collect();
    assert!(kinds.contains(&khabar_extract::BlockKind::Heading));
    assert!(kinds.contains(&khabar_extract::BlockKind::Quote));
}

#[test]
fn draft_for_the_store() {
    let bytes = std::fs::read(fixtures().join("news-jsonld-graph.html")).unwrap();
    let opts = ExtractOptions {
        url: Some("https://ledger.example.org/x?utm_source=feed".into()),
        ..Default::default()
    };
    let a = extract(&bytes, &opts).unwrap();
    let d = a.to_draft(None);
    assert_eq!(
        d.url.as_deref(),
        Some("https://ledger.example.org/x?utm_source=feed")
    );
    assert_eq!(
        d.canonical_url.as_deref(),
        Some("https://ledger.example.org/2024/11/valley-farmers-switch-to-drought-hardy-wheat")
    );
    assert_eq!(d.byline.as_deref(), Some("Nadia Karimi, Tom Reyes"));
    assert_eq!(d.source.as_deref(), Some("The Example Ledger"));
    assert_eq!(
        d.published_at.unwrap().to_rfc3339(),
        "2024-11-11T09:30:00+04:30"
    );
    assert_eq!(d.paragraphs.len(), a.blocks.len());
    // Each paragraph keeps its kind, so the store can show a heading as one.
    let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(d.kinds, kinds);
    assert!(d.kinds.contains(&khabar_extract::BlockKind::Heading));
    assert_eq!(d.lang.unwrap().as_str(), "en");
    // A text of plain paragraphs stores no kinds at all.
    let plain = extract(
        b"<html><head><title>T</title></head><body><article><p>One plain paragraph of words \
          that is long enough to be the text of the page.</p><p>And a second one, also long \
          enough to count as part of the article.</p></article></body></html>",
        &ExtractOptions::default(),
    )
    .unwrap();
    assert!(!plain.blocks.is_empty());
    assert!(plain.to_draft(None).kinds.is_empty());
}

#[test]
fn article_split_over_many_boxes_is_kept_whole_without_comments() {
    // The readability core settles on the comma-rich disclosure box; the
    // article's paragraphs sit in separate rows around it. The whole-page
    // walk, reader comments left out, is used instead.
    let bytes = std::fs::read(fixtures().join("article-small-block.html")).unwrap();
    let a = extract(&bytes, &ExtractOptions::default()).unwrap();
    let text = a.text();
    assert!(text.contains("Unglazed clay drinks water"), "{text}");
    assert!(
        text.contains("In spring the pots should be scrubbed"),
        "{text}"
    );
    for left_out in [
        "We lost three big pots",
        "Bubble wrap works well",
        "Shop item",
    ] {
        assert!(!text.contains(left_out), "{left_out:?} kept in:\n{text}");
    }
}

#[test]
fn one_long_text_typed_as_listing_is_extracted_as_text() {
    // A dozen heading links make the page a listing, yet one long text
    // holds all its running text: the link list is not main text.
    let bytes = std::fs::read(fixtures().join("one-text-listing.html")).unwrap();
    let a = extract(&bytes, &ExtractOptions::default()).unwrap();
    assert_eq!(a.page_type, khabar_extract::PageType::Listing);
    let text = a.text();
    assert!(text.contains("The river path starts"), "{text}");
    assert!(text.contains("The whole loop takes"), "{text}");
    assert!(!text.contains("Walk number"), "{text}");
}

#[test]
fn a_listing_of_long_teasers_keeps_every_item() {
    // Each teaser is long running text, but no one block holds most of it.
    let teaser = "The council met on Tuesday evening to hear from residents about the plan, \
                  and after a long debate about parking, trees, noise and the cost to the town, \
                  it voted to ask the planners for a second version before the end of the year.";
    let items: String = (0..8)
        .map(|i| {
            format!(
                "<div class=\"card\"><h3><a href=\"/news/{i}\">Item {i} headline</a></h3>\
                 <p>{teaser}</p></div>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Local news</title></head><body>\
         <h1>Local news</h1><div class=\"list\">{items}</div></body></html>"
    );
    let opts = ExtractOptions {
        url: Some("https://news.example.org/category/local/".into()),
        ..Default::default()
    };
    let a = extract(html.as_bytes(), &opts).unwrap();
    assert_eq!(a.page_type, khabar_extract::PageType::Listing);
    let text = a.text();
    for i in 0..8 {
        assert!(text.contains(&format!("Item {i} headline")), "{text}");
    }
}

/// A site rule whose selectors no longer match (the outlet changed its
/// template) costs nothing: the general extractor reads the page, and the
/// article says no rule gave its text. A rule given by the user applies to
/// its domain and its subdomains only.
#[test]
fn site_rules_fall_back_and_user_rules_apply() {
    use khabar_extract::{SiteRule, SiteRules};
    use std::sync::Arc;
    let bytes = std::fs::read(fixtures().join("site-wordpress.html")).unwrap();
    let with = |rules: Vec<SiteRule>, url: &str| {
        let opts = ExtractOptions {
            url: Some(url.into()),
            site_rules: Some(Arc::new(SiteRules::from_rules(&rules).unwrap())),
            ..Default::default()
        };
        extract(&bytes, &opts).unwrap()
    };
    let rule = |body: &str, drop: &[&str]| SiteRule {
        domain: "press.example.org".into(),
        body: vec![body.into()],
        drop: drop.iter().map(|s| s.to_string()).collect(),
    };
    let url = "https://www.press.example.org/a/";
    // Stale: the general extractor's text, still the article.
    let stale = with(vec![rule(".story-body", &[])], url);
    assert_eq!(stale.site_rule, None);
    assert!(stale.text().contains("600 trucks"), "{}", stale.text());
    // The user's rule, dropping a paragraph the general extractor keeps.
    let mine = with(
        vec![rule("#main .entry-content", &["p:nth-of-type(2)"])],
        url,
    );
    assert_eq!(mine.site_rule.as_deref(), Some("press.example.org"));
    assert!(mine.text().starts_with("Truck drivers"), "{}", mine.text());
    assert!(!mine.text().contains("600 trucks"), "{}", mine.text());
    assert!(!mine.text().contains("Share this"), "{}", mine.text());
    // Another host: no rule.
    let other = with(
        vec![rule("#main .entry-content", &["p"])],
        "https://example.org/a/",
    );
    assert_eq!(other.site_rule, None);
    assert!(other.text().contains("600 trucks"));
}

/// A list of teasers is never read by a site rule, even when the theme
/// wraps every teaser in the rule's body class.
#[test]
fn site_rules_do_not_read_listings() {
    let items: String = (1..=12)
        .map(|i| {
            format!(
                "<article class=\"post\"><h2><a href=\"/2025/0{}/story-{i}/\">Story number {i} about the district council</a></h2>\
                 <div class=\"entry-content\"><p>The council met again on day {i} to discuss roads, water and the new market hall in the district.</p></div></article>",
                i % 9 + 1
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Afghanistan Archives - Example Press</title></head><body>\
         <h1>Category: Afghanistan</h1><main>{items}</main></body></html>"
    );
    let opts = ExtractOptions {
        url: Some("https://www.khaama.com/category/afghanistan/".into()),
        ..Default::default()
    };
    let a = extract(html.as_bytes(), &opts).unwrap();
    assert_ne!(a.page_type, khabar_extract::PageType::Article);
    assert_eq!(a.site_rule, None);
    assert!(a.text().contains("Story number 12"), "{}", a.text());
}

#[test]
fn a_paragraph_shown_twice_is_kept_once() {
    // A story whose promo box is written twice (one copy per layout), and
    // whose short refrain repeats on purpose.
    let para = "The harbour board said the morning ferry will leave twenty minutes \
        earlier from next month, so that walkers reach the island path before the heat.";
    let promo = "Our weekly letter brings the island timetable and the harbour \
        notices to you every Friday morning.";
    let html = format!(
        r#"<html><head><title>Ferry times change</title>
        <script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry times change"}}</script>
        </head><body><article><h1>Ferry times change</h1>
        <p>{para}</p><p>{promo}</p><p>Row, row.</p><p>{para} The last boat waits for the bus.</p>
        <p>Row, row.</p><p>{promo}</p><p>{para} Tickets cost the same.</p></article></body></html>"#
    );
    let a = extract(html.as_bytes(), &ExtractOptions::default()).unwrap();
    let text = a.text();
    assert_eq!(text.matches("Our weekly letter").count(), 1, "{text}");
    assert_eq!(text.matches("Row, row.").count(), 2, "{text}");
    assert_eq!(text.matches("The harbour board said").count(), 3, "{text}");
}
