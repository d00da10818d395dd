//! The stages after storage: analysis and stories over stored articles.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use khabar_model::ArticleDraft;
use khabar_pipeline::Analyzer;
use khabar_store::{SqliteStore, Store, StoryQuery};
use khabar_testkit::TempData;
use khabar_understand::Taxonomy;

fn draft(n: u32, outlet: &str, title: &str, body: &[&str]) -> ArticleDraft {
    let mut d =
        ArticleDraft::new(title, body.iter().map(|p| p.to_string()).collect()).with_url(format!(
            "https://{}.example/{n}",
            outlet.to_lowercase().replace(' ', "-")
        ));
    d.source = Some(outlet.into());
    d.published_at = Some(
        Utc.with_ymd_and_hms(2024, 3, 4, 6 + n, 0, 0)
            .unwrap()
            .fixed_offset(),
    );
    d
}

fn quake(n: u32, outlet: &str) -> ArticleDraft {
    draft(
        n,
        outlet,
        "Earthquake of magnitude 6.1 shakes Badakhshan province",
        &[
            "An earthquake of magnitude 6.1 struck Badakhshan province early on Monday, \
             damaging 230 houses in the districts of Jurm and Yamgan, provincial officials said.",
            "Rescue teams from Faizabad reached the villages of Jurm by noon and found \
             at least 14 people injured, the provincial disaster management office said.",
        ],
    )
}

fn school(n: u32, outlet: &str) -> ArticleDraft {
    draft(
        n,
        outlet,
        "New school for girls opens in Herat",
        &[
            "A primary school built by a local charity opened in Herat city on Monday, \
             with classrooms for 600 pupils and a library donated by traders.",
            "Teachers said enrolment had doubled since the spring and that more desks \
             were on order from a workshop in Kabul.",
        ],
    )
}

async fn store(dir: &TempData) -> Arc<dyn Store> {
    Arc::new(
        SqliteStore::open(&dir.path().join("khabar.db"))
            .await
            .unwrap(),
    )
}

#[tokio::test]
async fn a_story_takes_its_most_representative_headline() {
    let dir = TempData::new();
    let store = store(&dir).await;
    // The first report carries a generic live-page headline.
    let mut first = quake(0, "Kabul Daily");
    first.title = "Live updates | Kabul Daily".into();
    let drafts = vec![first, quake(1, "Wire Agency")];
    let ids = import(&*store, &drafts).await;
    Analyzer::new(store.clone(), Taxonomy::afghanistan())
        .catch_up()
        .await
        .unwrap();
    let a = futures_ids(&*store, &ids).await;
    assert_eq!(a[0], a[1]);
    let story = store.get_story(a[0]).await.unwrap().unwrap();
    assert_eq!(story.title, drafts[1].title);
}

#[tokio::test]
async fn stored_articles_are_analysed_and_grouped_once() {
    let dir = TempData::new();
    let store = store(&dir).await;
    let drafts = vec![
        quake(0, "Kabul Daily"),
        school(1, "Herat Times"),
        quake(2, "Wire Agency"),
    ];
    let ids = import(&*store, &drafts).await;
    let analyzer = Analyzer::new(store.clone(), Taxonomy::afghanistan());
    let summary = analyzer.catch_up().await.unwrap();
    assert_eq!(summary.analysed, 3);
    assert_eq!(summary.clustered, 3);
    assert_eq!(summary.new_stories, 2);

    let a: Vec<_> = futures_ids(&*store, &ids).await;
    assert_eq!(
        a[0], a[2],
        "the two reports of one earthquake share a story"
    );
    assert_ne!(a[0], a[1]);
    let story = store.get_story(a[0]).await.unwrap().unwrap();
    assert_eq!(story.members.len(), 2);
    assert_eq!(story.title, drafts[0].title);
    assert_eq!(story.outlets, vec!["Kabul Daily", "Wire Agency"]);
    assert!(!story.members[1].why.is_empty());
    assert!(
        store
            .get_article(ids[1])
            .await
            .unwrap()
            .unwrap()
            .teaser
            .is_some(),
        "a teaser was picked"
    );

    // Nothing left to do: a second catch-up changes nothing.
    let again = analyzer.catch_up().await.unwrap();
    assert_eq!((again.analysed, again.clustered), (0, 0));

    // A restarted process continues the same stories.
    let restarted = Analyzer::new(store.clone(), Taxonomy::afghanistan());
    let late = quake(5, "Radio Valley");
    let late_id = store.import_articles(&[late]).await.unwrap().outcomes[0].id();
    let s = restarted.catch_up().await.unwrap();
    assert_eq!((s.analysed, s.clustered, s.new_stories), (1, 1, 0));
    assert_eq!(
        store.get_article(late_id).await.unwrap().unwrap().story,
        Some(a[0])
    );
    assert_eq!(
        store
            .list_stories(&StoryQuery::default())
            .await
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn preformatted_text_gives_no_figures_or_quotes() {
    let mut d = draft(
        1,
        "Valley Herald",
        "Wells dug in the lower village",
        &[
            "Three new wells serve 240 families, the provincial water office said.",
            "\"We need two more pumps before the summer,\" said Ahmad Karimi, head of the \
             provincial water office. The pumps lift 12.5 litres a minute.",
            "Work on a fourth well in Herat begins after the harvest.",
        ],
    );
    let article = |d: &ArticleDraft| khabar_model::Article {
        id: khabar_model::ArticleId(1),
        url: d.url.clone(),
        canonical_url: d.canonical_url.clone(),
        external_id: None,
        source: d.source.clone(),
        title: d.title.clone(),
        byline: None,
        teaser: None,
        published_at: d.published_at,
        modified_at: None,
        lang: Some("en".parse().unwrap()),
        paragraphs: d.paragraphs.clone(),
        kinds: d.kinds.clone(),
        embeds: vec![],
        content_hash: d.content_hash(),
        fetched_at: d.fetched_at,
        archive: None,
        topics: vec![],
        story: None,
    };
    let taxonomy = Taxonomy::afghanistan();
    let prose = khabar_pipeline::analyze_article(&article(&d), &taxonomy);
    let values =
        |a: &khabar_store::Analysis| -> Vec<f64> { a.figures.iter().map(|f| f.value).collect() };
    assert!(values(&prose).contains(&12.5), "{:?}", values(&prose));
    assert_eq!(prose.quotes.len(), 1);

    // The same text with its second paragraph a code block.
    d.kinds = vec![
        khabar_model::BlockKind::Paragraph,
        khabar_model::BlockKind::Preformatted,
    ];
    let code = khabar_pipeline::analyze_article(&article(&d), &taxonomy);
    assert!(!values(&code).contains(&12.5), "{:?}", values(&code));
    assert!(values(&code).contains(&240.0), "{:?}", values(&code));
    assert!(code.quotes.is_empty(), "{:?}", code.quotes);
    // Mentions still count the stored paragraphs: the third is number 2.
    let water = code
        .entities
        .iter()
        .flat_map(|e| &e.mentions)
        .map(|m| m.1)
        .max();
    assert_eq!(water, Some(2), "{:?}", code.entities);
}

#[tokio::test]
async fn a_changed_article_is_analysed_again_and_keeps_its_story() {
    let dir = TempData::new();
    let store = store(&dir).await;
    let first = school(0, "Herat Times");
    let id = store
        .import_articles(std::slice::from_ref(&first))
        .await
        .unwrap()
        .outcomes[0]
        .id();
    let analyzer = Analyzer::new(store.clone(), Taxonomy::afghanistan());
    analyzer.catch_up().await.unwrap();
    let story = store.get_article(id).await.unwrap().unwrap().story;
    assert!(story.is_some());

    let mut changed = first;
    changed
        .paragraphs
        .push("The school will also offer evening classes.".into());
    store.import_articles(&[changed]).await.unwrap();
    let s = analyzer.catch_up().await.unwrap();
    assert_eq!((s.analysed, s.clustered), (1, 0));
    assert_eq!(store.get_article(id).await.unwrap().unwrap().story, story);
}

/// The real understanding step, except on articles whose title says
/// "Malformed", where it panics as a rule with a bug would.
fn panics_on_malformed(
    article: &khabar_model::Article,
    taxonomy: &Taxonomy,
) -> khabar_store::Analysis {
    assert!(
        !article.title.contains("Malformed"),
        "a rule met input it cannot handle"
    );
    khabar_pipeline::analyze_article(article, taxonomy)
}

#[tokio::test]
async fn an_analysis_that_panics_keeps_its_article_and_the_queue_moves_on() {
    let dir = TempData::new();
    let store = store(&dir).await;
    let mut bad = school(1, "Herat Times");
    bad.title = "Malformed school report".into();
    let drafts = vec![quake(0, "Kabul Daily"), bad, quake(2, "Wire Agency")];
    let ids = import(&*store, &drafts).await;
    let analyzer =
        Analyzer::new(store.clone(), Taxonomy::afghanistan()).with_analysis(panics_on_malformed);
    let summary = analyzer.catch_up().await.unwrap();
    assert_eq!(summary.analysed, 3, "every article leaves the queue");
    assert_eq!(summary.failed, 1);

    // The failed article is kept, with its text, and an empty analysis.
    let kept = store.get_article(ids[1]).await.unwrap().unwrap();
    assert_eq!(kept.paragraphs, drafts[1].paragraphs);
    let details = store.article_details(ids[1]).await.unwrap();
    assert!(details.entities.is_empty() && details.figures.is_empty());
    // The articles after it were analysed in full.
    let after = store.article_details(ids[2]).await.unwrap();
    assert!(
        !after.entities.is_empty(),
        "Badakhshan and Faizabad are found"
    );
    assert!(!after.figures.is_empty(), "magnitude 6.1 and 230 houses");

    // It is not retried on every catch-up, and the stories still formed.
    let again = analyzer.catch_up().await.unwrap();
    assert_eq!((again.analysed, again.failed), (0, 0));
    let a = futures_ids(&*store, &ids).await;
    assert_eq!(a[0], a[2]);
    assert_ne!(a[0], a[1]);
}

/// Imports the drafts; their ids, in order.
async fn import(store: &dyn Store, drafts: &[ArticleDraft]) -> Vec<khabar_model::ArticleId> {
    store
        .import_articles(drafts)
        .await
        .unwrap()
        .outcomes
        .iter()
        .map(|o| o.id())
        .collect()
}

async fn futures_ids(
    store: &dyn Store,
    ids: &[khabar_model::ArticleId],
) -> Vec<khabar_model::StoryId> {
    let mut out = Vec::new();
    for id in ids {
        out.push(
            store
                .get_article(*id)
                .await
                .unwrap()
                .unwrap()
                .story
                .unwrap(),
        );
    }
    out
}
