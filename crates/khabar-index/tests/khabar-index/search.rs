//! Search: words, phrases, fields, filters, sorting, facets, histogram, snippets.

use chrono::NaiveDate;
use khabar_index::{EXACT_FACETS, Filters, Index, Op, SearchRequest, Sort};

use crate::fixtures::{at, corpus, doc};

fn index() -> Index {
    let index = Index::in_ram().unwrap();
    let ops: Vec<Op> = corpus().into_iter().map(Op::Upsert).collect();
    index.apply(&ops, 4).unwrap();
    index
}

fn ids(index: &Index, q: &str) -> Vec<u64> {
    let mut v: Vec<u64> = index
        .search(&SearchRequest::new(q))
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .hits
        .iter()
        .map(|h| h.id)
        .collect();
    v.sort_unstable();
    v
}

#[test]
fn words_phrases_and_boolean_operators() {
    let ix = index();
    assert_eq!(ids(&ix, "refugees"), [1, 2]);
    assert_eq!(ids(&ix, "refugee kabul"), [2]);
    assert_eq!(ids(&ix, "kabul OR herat"), [1, 2]);
    assert_eq!(ids(&ix, "refugee -kabul"), [1]);
    assert_eq!(ids(&ix, "\"peace talks\""), [1]);
    assert_eq!(ids(&ix, "peace"), [1, 4]);
    assert_eq!(ids(&ix, "\"talks peace\""), Vec::<u64>::new());
    assert_eq!(ids(&ix, "(herat OR kabul) AND NOT flood"), [1]);
    assert_eq!(ids(&ix, "-peace"), [2, 3]);
    assert_eq!(ids(&ix, ""), [1, 2, 3, 4]);
}

#[test]
fn fields() {
    let ix = index();
    assert_eq!(ids(&ix, "title:kabul"), [2]);
    assert_eq!(ids(&ix, "outlet:kabul"), [2, 3]);
    assert_eq!(ids(&ix, "source:\"example times\""), [1, 4]);
    assert_eq!(ids(&ix, "lang:fa"), [3]);
    assert_eq!(ids(&ix, "lang:en"), [1, 2, 4]);
    assert_eq!(ids(&ix, "topic:migration"), [1, 4]);
    assert_eq!(ids(&ix, "entity:unhcr"), [1]);
    assert_eq!(ids(&ix, "entity:\"election commission\""), [4]);
    assert_eq!(ids(&ix, "speaker:ahmad"), [4]);
    assert_eq!(ids(&ix, "story:10"), [1, 4]);
    assert_eq!(ids(&ix, "since:2024-06-02"), [2, 3]);
    assert_eq!(ids(&ix, "until:2024-06-01"), [1, 4]);
    assert_eq!(ids(&ix, "date:2024-06-01/2024-06-03 refugee"), [1, 2]);
}

#[test]
fn persian_spellings_find_each_other() {
    let ix = index();
    // Arabic kaf and yeh, no ZWNJ, Eastern digits: all find the Dari article.
    assert_eq!(ids(&ix, "كتابهاي"), [3]);
    assert_eq!(ids(&ix, "كتابهای"), [3]);
    assert_eq!(ids(&ix, "کتاب‌های"), [3]);
    assert_eq!(ids(&ix, "٢٥ کابل"), [3]);
    assert_eq!(ids(&ix, "\"کتاب تازه\""), [3]);
}

#[test]
fn filters_apply_exact_values() {
    let ix = index();
    let mut req = SearchRequest::new("");
    req.filters = Filters {
        outlets: vec!["Kabul Daily".into()],
        langs: vec!["en".into()],
        ..Filters::default()
    };
    let r = ix.search(&req).unwrap();
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].id, 2);
    req.filters = Filters {
        since: Some(at(2024, 6, 2)),
        topics: vec!["Weather".into(), "culture".into()],
        ..Filters::default()
    };
    assert_eq!(ix.search(&req).unwrap().total, 2);
    req.filters = Filters {
        entities: vec!["Kabul".into()],
        story: None,
        ..Filters::default()
    };
    assert_eq!(ix.search(&req).unwrap().total, 2);
    req.filters = Filters {
        story: Some(10),
        ..Filters::default()
    };
    assert_eq!(ix.search(&req).unwrap().total, 2);
}

#[test]
fn sorting_paging_and_totals() {
    let ix = index();
    let mut req = SearchRequest::new("");
    req.sort = Sort::Date;
    req.limit = 2;
    let r = ix.search(&req).unwrap();
    assert_eq!(r.total, 4);
    assert_eq!(r.hits.len(), 2);
    assert!(r.hits[0].published >= r.hits[1].published);
    assert_eq!(r.hits[0].published, at(2024, 6, 3));
    req.offset = 3;
    let last = ix.search(&req).unwrap();
    assert_eq!(last.hits.len(), 1);
    assert_eq!(last.hits[0].id, 4);

    // Relevance: a title match outranks a body match.
    let r = ix.search(&SearchRequest::new("refugees")).unwrap();
    assert_eq!(r.hits[0].id, 1);
    assert!(r.hits[0].score > r.hits[1].score);
}

#[test]
fn facets_and_histogram_count_every_match() {
    let ix = index();
    let mut req = SearchRequest::new("kabul OR refugee OR peace");
    req.limit = 1;
    req.facets = true;
    req.histogram = true;
    let r = ix.search(&req).unwrap();
    assert_eq!(r.total, 3);
    let outlet: Vec<(&str, u64)> = r
        .facets
        .outlet
        .iter()
        .map(|f| (f.value.as_str(), f.count))
        .collect();
    assert_eq!(outlet, [("Example Times", 2), ("Kabul Daily", 1)]);
    let topics: Vec<(&str, u64)> = r
        .facets
        .topic
        .iter()
        .map(|f| (f.value.as_str(), f.count))
        .collect();
    assert_eq!(topics, [("migration", 2), ("politics", 1), ("weather", 1)]);
    assert_eq!(r.facets.lang[0].value, "en");
    assert_eq!(r.facets.entity.iter().map(|f| f.count).sum::<u64>(), 4);
    let days: Vec<(NaiveDate, u64)> = r.histogram.iter().map(|d| (d.day, d.count)).collect();
    assert_eq!(
        days,
        [
            (NaiveDate::from_ymd_opt(2024, 5, 20).unwrap(), 1),
            (NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(), 1),
            (NaiveDate::from_ymd_opt(2024, 6, 3).unwrap(), 1),
        ]
    );
    // Not asked: empty.
    let plain = ix.search(&SearchRequest::new("kabul")).unwrap();
    assert!(plain.facets.outlet.is_empty() && plain.histogram.is_empty());
}

#[test]
fn facets_of_a_huge_match_set_are_sampled_and_say_so() {
    // One segment with more matches than are counted one by one: two
    // outlets in a 3:1 ratio, interleaved.
    let n = EXACT_FACETS * 3;
    let ix = Index::in_ram().unwrap();
    let ops: Vec<Op> = (1..=n)
        .map(|i| {
            let mut d = doc(i, "Flood report", "Water rose in the valley.");
            d.outlet = Some(
                if i % 4 == 0 {
                    "Hill Post"
                } else {
                    "Valley Herald"
                }
                .into(),
            );
            d.published = at(2024, 6, 1 + (i % 3) as u32);
            Op::Upsert(d)
        })
        .collect();
    ix.apply(&ops, 1).unwrap();
    let mut req = SearchRequest::new("flood");
    req.facets = true;
    req.histogram = true;
    let r = ix.search(&req).unwrap();
    assert_eq!(r.total, n);
    assert!(r.facets.estimated);
    let count = |name: &str| {
        r.facets
            .outlet
            .iter()
            .find(|f| f.value == name)
            .map_or(0, |f| f.count)
    };
    // Exact: n * 3/4 and n / 4. The sample does not alias with the
    // outlets' period (a plain one-in-8 stride would see only "Hill Post").
    let (valley, hill) = (count("Valley Herald"), count("Hill Post"));
    assert!(valley.abs_diff(n * 3 / 4) <= n / 50, "{valley}");
    assert!(hill.abs_diff(n / 4) <= n / 50, "{hill}");
    assert!((valley + hill).abs_diff(n) <= n / 50);
    // The histogram stays exact.
    assert_eq!(r.histogram.iter().map(|d| d.count).sum::<u64>(), n);
    // A small match set is counted exactly.
    let mut small = SearchRequest::new("flood");
    small.filters.outlets = vec!["Hill Post".into()];
    small.facets = true;
    let s = ix.search(&small).unwrap();
    assert!(!s.facets.estimated);
    assert_eq!(s.facets.outlet[0].count, n / 4);
}

#[test]
fn snippets_highlight_and_escape() {
    let ix = Index::in_ram().unwrap();
    let mut d = doc(
        9,
        "Markup <b>test</b>",
        "Officials said <script>alert(1)</script> & refugees \"waited\" at the crossing.",
    );
    d.teaser = None;
    ix.apply(&[Op::Upsert(d.clone())], 1).unwrap();
    // Hits carry the title highlighted (the body is not stored).
    let r = ix.search(&SearchRequest::new("markup refugees")).unwrap();
    assert_eq!(
        r.hits[0].snippet_html,
        "<b>Markup</b> &lt;b&gt;test&lt;/b&gt;"
    );
    assert_eq!(
        r.hits[0].title, "Markup <b>test</b>",
        "titles are returned raw, to be escaped where shown"
    );
    // The whole text, which the caller holds, is highlighted and escaped.
    let s = ix.highlighter("refugees").unwrap().snippet(&d.text);
    assert!(s.contains("<b>refugees</b>"), "{s}");
    assert!(
        s.contains("&lt;script&gt;") && !s.contains("<script>"),
        "{s}"
    );
    assert!(
        s.contains("&amp;") && s.contains("&quot;waited&quot;"),
        "{s}"
    );

    // The highlighter works on any text the caller holds.
    let hl = ix.highlighter("crossing OR كابل").unwrap();
    let html = hl.snippet("Far away. The long crossing from کابل took days.");
    assert!(
        html.contains("<b>crossing</b>") && html.contains("<b>کابل</b>"),
        "{html}"
    );
    // No match: the start of the text, escaped.
    assert_eq!(hl.snippet("a < b"), "a &lt; b");
}

#[test]
fn bad_queries_are_errors_not_panics() {
    let ix = index();
    let e = ix.search(&SearchRequest::new("(kabul")).unwrap_err();
    assert!(matches!(e, khabar_index::Error::Query(_)));
    assert!(e.to_string().starts_with("invalid query:"));
    let mut req = SearchRequest::new("kabul");
    req.limit = 1_000_000;
    req.offset = usize::MAX;
    assert!(ix.search(&req).unwrap().hits.is_empty());
}
