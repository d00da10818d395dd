//! Back-end independent store tests. Each takes a temp folder and a function
//! that opens a store in a folder.

use std::future::Future;
use std::path::PathBuf;

use chrono::{TimeZone, Utc};
use khabar_model::{
    Approx, ArticleDraft, BlockKind, EmbeddedPost, EntityKind, Figure, Lang, Platform, Quote,
    SourceDraft, SourceKind, SourceOrigin, StoryId,
};
use khabar_store::{
    Analysis, ArticleQuery, EntityDraft, Error, FetchRecord, ImportOutcome, LedgerQuery, Order,
    QueueItem, Store, StoryAssignment, StoryQuery,
};
use khabar_testkit::{TempData, article, at};

type Boxed = Box<dyn Store>;

async fn open<F, Fut>(dir: &TempData, f: &F) -> Boxed
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    f(dir.data()).await
}

/// Stores `article(1)` and `article(2)`; returns their ids.
async fn two_articles(store: &Boxed) -> (khabar_model::ArticleId, khabar_model::ArticleId) {
    let r = store
        .import_articles(&[article(1), article(2)])
        .await
        .unwrap();
    (r.outcomes[0].id(), r.outcomes[1].id())
}

fn source(name: &str, url: &str, origin: SourceOrigin) -> SourceDraft {
    SourceDraft {
        name: name.into(),
        url: url.into(),
        kind: SourceKind::guess(url),
        lang: None,
        origin,
        pattern: None,
    }
}

pub async fn import_is_idempotent_by_canonical_url<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    let a = article(1);
    let r = store
        .import_articles(&[a.clone(), article(2)])
        .await
        .unwrap();
    assert_eq!((r.inserted, r.updated, r.unchanged), (2, 0, 0));
    // The same article reached through a link with other tracking parameters.
    let mut again = a
        .clone()
        .with_url("https://EXAMPLE.org/news/1?utm_medium=email#comments");
    again.fetched_at = Utc::now();
    let r = store.import_articles(&[again]).await.unwrap();
    assert_eq!((r.inserted, r.updated, r.unchanged), (0, 0, 1));
    assert_eq!(store.count_articles().await.unwrap(), 2);
}

pub async fn url_less_articles_are_keyed_by_content<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    let a = ArticleDraft::new("No address", vec!["Only text.".into()]);
    let b = ArticleDraft::new("No address", vec!["Other text.".into()]);
    let r = store
        .import_articles(&[a.clone(), a.clone(), b])
        .await
        .unwrap();
    assert_eq!((r.inserted, r.unchanged), (2, 1));
    assert_eq!(r.outcomes[0].id(), r.outcomes[1].id());
    let r = store.import_articles(&[a]).await.unwrap();
    assert_eq!(r.unchanged, 1);
    assert_eq!(store.count_articles().await.unwrap(), 2);
}

pub async fn changed_content_updates_and_keeps_the_old_version<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    let a = article(7);
    let id = store
        .import_articles(std::slice::from_ref(&a))
        .await
        .unwrap()
        .outcomes[0]
        .id();
    let mut edited = a.clone();
    edited.paragraphs[1] = "Officials now say the road will carry fewer vehicles.".into();
    let r = store.import_articles(&[edited.clone()]).await.unwrap();
    assert_eq!(r.outcomes, vec![ImportOutcome::Updated(id)]);
    let stored = store.get_article(id).await.unwrap().unwrap();
    assert_eq!(stored.paragraphs, edited.paragraphs);
    assert_eq!(stored.content_hash, edited.content_hash());
    let versions = store.article_versions(id).await.unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].paragraphs, a.paragraphs);
    assert_eq!(store.count_articles().await.unwrap(), 1);
}

pub async fn paragraph_kinds_and_embeds_are_kept_and_follow_the_page<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    // Stored before its kinds were known (as by older versions, or a digest).
    let plain = article(8);
    assert!(plain.paragraphs.len() >= 2, "{:?}", plain.paragraphs);
    let id = store
        .import_articles(std::slice::from_ref(&plain))
        .await
        .unwrap()
        .outcomes[0]
        .id();
    assert!(
        store
            .get_article(id)
            .await
            .unwrap()
            .unwrap()
            .kinds
            .is_empty()
    );

    // The same text from the page, its first paragraph a heading, with an
    // embedded post: no new version, but the kinds and the post are kept.
    store.save_analysis(id, &Analysis::default()).await.unwrap();
    assert!(store.pending_analysis(10).await.unwrap().is_empty());
    let mut marked = plain.clone();
    marked.kinds = vec![BlockKind::Heading, BlockKind::Quote];
    marked.embeds = vec![EmbeddedPost {
        platform: Platform::Telegram,
        author: None,
        handle: Some("@roads".into()),
        text: String::new(),
        posted: None,
        url: Some("https://t.me/roads/12".into()),
    }];
    let r = store
        .import_articles(std::slice::from_ref(&marked))
        .await
        .unwrap();
    assert_eq!(r.outcomes, vec![ImportOutcome::Unchanged(id)]);
    // Analysed again, since what counts as prose may have changed.
    assert_eq!(store.pending_analysis(10).await.unwrap(), vec![id]);
    let stored = store.get_article(id).await.unwrap().unwrap();
    assert_eq!(stored.kinds, marked.kinds);
    assert_eq!(stored.embeds, marked.embeds);
    assert_eq!(stored.kind(0), BlockKind::Heading);
    assert_eq!(stored.kind(1), BlockKind::Quote);
    assert_eq!(stored.kind(99), BlockKind::Paragraph);
    assert!(store.article_versions(id).await.unwrap().is_empty());
    assert_eq!(stored.to_draft().kinds, marked.kinds);

    // A copy that knows less (plain text again) does not wipe them.
    store
        .import_articles(std::slice::from_ref(&plain))
        .await
        .unwrap();
    let stored = store.get_article(id).await.unwrap().unwrap();
    assert_eq!(stored.kinds, marked.kinds);
    assert_eq!(stored.embeds, marked.embeds);

    // An edit stores its own kinds and the earlier version keeps the old ones.
    let mut edited = marked.clone();
    edited.paragraphs.push("A closing line added later.".into());
    edited.embeds.clear();
    edited.kinds = vec![
        BlockKind::Heading,
        BlockKind::Paragraph,
        BlockKind::ListItem,
    ];
    let r = store
        .import_articles(std::slice::from_ref(&edited))
        .await
        .unwrap();
    assert_eq!(r.outcomes, vec![ImportOutcome::Updated(id)]);
    let stored = store.get_article(id).await.unwrap().unwrap();
    assert_eq!(stored.kinds, edited.kinds);
    // The edit came without the post (say, a feed's copy): it stays.
    assert_eq!(stored.embeds, marked.embeds);
    let versions = store.article_versions(id).await.unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].kinds, marked.kinds);

    // Kinds that are all plain paragraphs are stored as none; a listing
    // returns the kinds too.
    let mut all_plain = article(9);
    all_plain.kinds = vec![BlockKind::Paragraph; all_plain.paragraphs.len()];
    let id9 = store.import_articles(&[all_plain]).await.unwrap().outcomes[0].id();
    assert!(
        store
            .get_article(id9)
            .await
            .unwrap()
            .unwrap()
            .kinds
            .is_empty()
    );
    let listed = store.list_articles(&ArticleQuery::default()).await.unwrap();
    let listed = listed.iter().find(|a| a.id == id).unwrap();
    assert_eq!(listed.kinds, edited.kinds);
}

pub async fn url_less_copy_gains_its_url<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    let mut bare = article(3);
    bare.url = None;
    bare.canonical_url = None;
    let id = store.import_articles(&[bare]).await.unwrap().outcomes[0].id();
    let r = store.import_articles(&[article(3)]).await.unwrap();
    assert_eq!(r.outcomes, vec![ImportOutcome::Updated(id)]);
    let stored = store.get_article(id).await.unwrap().unwrap();
    assert_eq!(
        stored.canonical_url.as_deref(),
        Some("https://example.org/news/3")
    );
    assert_eq!(store.count_articles().await.unwrap(), 1);
}

pub async fn import_is_all_or_nothing<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    let broken = ArticleDraft::new("   ", vec!["A body without a title.".into()]);
    let err = store
        .import_articles(&[article(1), article(2), broken])
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Db { .. }), "{err}");
    assert_eq!(
        store.count_articles().await.unwrap(),
        0,
        "a failed import left rows behind"
    );
    // The store is still usable afterwards.
    assert_eq!(
        store.import_articles(&[article(1)]).await.unwrap().inserted,
        1
    );
}

pub async fn modified_time_keeps_its_offset_and_follows_the_page<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    let mut a = article(4);
    a.published_at = Some(at("2024-11-11T09:30:00+04:30"));
    let id = store
        .import_articles(std::slice::from_ref(&a))
        .await
        .unwrap()
        .outcomes[0]
        .id();
    assert_eq!(
        store.get_article(id).await.unwrap().unwrap().modified_at,
        None
    );
    // The outlet touches the page without changing its text.
    a.modified_at = Some(at("2024-11-12T08:00:00+04:30"));
    let r = store
        .import_articles(std::slice::from_ref(&a))
        .await
        .unwrap();
    assert_eq!(r.outcomes, vec![ImportOutcome::Unchanged(id)]);
    let stored = store.get_article(id).await.unwrap().unwrap();
    assert_eq!(
        stored.modified_at.unwrap().to_rfc3339(),
        "2024-11-12T08:00:00+04:30"
    );
    assert_eq!(stored.to_draft().modified_at, a.modified_at);
    // A copy that does not say (a feed's) keeps it, through an edit too.
    let mut edited = a.clone();
    edited.modified_at = None;
    edited.paragraphs.push("A line added later.".into());
    let r = store.import_articles(&[edited]).await.unwrap();
    assert_eq!(r.outcomes, vec![ImportOutcome::Updated(id)]);
    assert_eq!(
        store.get_article(id).await.unwrap().unwrap().modified_at,
        a.modified_at
    );
}

pub async fn published_time_keeps_offset_and_filters_by_instant<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    let mut kabul = article(1);
    kabul.published_at = Some(at("2024-11-11T09:30:00+04:30")); // 05:00 UTC
    let mut london = article(2);
    london.published_at = Some(at("2024-11-11T06:00:00+00:00"));
    store.import_articles(&[kabul, london]).await.unwrap();

    let all = store.list_articles(&ArticleQuery::default()).await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].title, article(2).title, "newest first");
    let k = &all[1];
    assert_eq!(
        k.published_at.unwrap().to_rfc3339(),
        "2024-11-11T09:30:00+04:30"
    );

    let since = Utc.with_ymd_and_hms(2024, 11, 11, 5, 30, 0).unwrap();
    let q = ArticleQuery {
        since: Some(since),
        ..Default::default()
    };
    let later = store.list_articles(&q).await.unwrap();
    assert_eq!(later.len(), 1);
    assert_eq!(later[0].title, article(2).title);

    let q = ArticleQuery {
        until: Some(since),
        order: Order::OldestFirst,
        ..Default::default()
    };
    let earlier = store.list_articles(&q).await.unwrap();
    assert_eq!(earlier.len(), 1);
    assert_eq!(earlier[0].title, article(1).title);
}

pub async fn lists_filter_by_source_and_language<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    let mut drafts: Vec<ArticleDraft> = (1..=6).map(article).collect();
    drafts[0].lang = Some("fa-AF".parse::<Lang>().unwrap());
    drafts[1].lang = Some("fa".parse::<Lang>().unwrap());
    drafts[2].lang = Some("en".parse::<Lang>().unwrap());
    drafts[3].source = Some("Kabul Daily".into());
    store.import_articles(&drafts).await.unwrap();

    let q = ArticleQuery {
        lang: Some("fa".parse().unwrap()),
        ..Default::default()
    };
    assert_eq!(store.list_articles(&q).await.unwrap().len(), 2);
    let q = ArticleQuery {
        source: Some("kabul daily".into()),
        ..Default::default()
    };
    let got = store.list_articles(&q).await.unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].title, drafts[3].title);
    let q = ArticleQuery {
        limit: Some(2),
        offset: 1,
        order: Order::OldestFirst,
        ..Default::default()
    };
    let page: Vec<String> = store
        .list_articles(&q)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert_eq!(page, vec![drafts[1].title.clone(), drafts[2].title.clone()]);
}

pub async fn config_sources_are_synced<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    let a = source("Alpha", "https://alpha.example/feed", SourceOrigin::Config);
    let b = source(
        "Beta",
        "https://beta.example/sitemap.xml",
        SourceOrigin::Config,
    );
    let r = store
        .sync_config_sources(&[a.clone(), b.clone()])
        .await
        .unwrap();
    assert_eq!((r.added, r.updated, r.removed), (2, 0, 0));
    let r = store
        .sync_config_sources(&[a.clone(), b.clone()])
        .await
        .unwrap();
    assert_eq!((r.added, r.updated, r.removed), (0, 0, 0));

    let mut renamed = a.clone();
    renamed.name = "Alpha News".into();
    renamed.lang = Some("en".parse().unwrap());
    store
        .add_source(&source(
            "Gamma",
            "https://gamma.example/",
            SourceOrigin::Cli,
        ))
        .await
        .unwrap();
    let r = store.sync_config_sources(&[renamed]).await.unwrap();
    assert_eq!((r.added, r.updated, r.removed), (0, 1, 1));
    let names: Vec<String> = store
        .list_sources()
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(
        names,
        vec!["Alpha News".to_string(), "Gamma".to_string()],
        "CLI source kept"
    );

    let clash = source("gamma", "https://other.example/feed", SourceOrigin::Config);
    let err = store.sync_config_sources(&[clash]).await.unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err}");
}

pub async fn cli_sources_add_and_remove<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    let added = store
        .add_source(&source(
            "Example Times",
            "https://example.org/feed",
            SourceOrigin::Cli,
        ))
        .await
        .unwrap();
    assert_eq!(added.kind, SourceKind::Feed);
    assert_eq!(added.articles, 0);
    store
        .import_articles(&[article(1), article(2)])
        .await
        .unwrap();
    let listed = store.list_sources().await.unwrap();
    assert_eq!(listed[0].articles, 2, "articles are counted by source name");

    let dup = source(
        "EXAMPLE TIMES",
        "https://elsewhere.example/feed",
        SourceOrigin::Cli,
    );
    assert!(matches!(
        store.add_source(&dup).await.unwrap_err(),
        Error::Conflict(_)
    ));
    let dup = source("Other", "https://example.org/feed", SourceOrigin::Cli);
    assert!(matches!(
        store.add_source(&dup).await.unwrap_err(),
        Error::Conflict(_)
    ));

    store
        .sync_config_sources(&[source(
            "Conf",
            "https://conf.example/feed",
            SourceOrigin::Config,
        )])
        .await
        .unwrap();
    assert!(matches!(
        store.remove_source("conf").await.unwrap_err(),
        Error::Conflict(_)
    ));
    assert!(matches!(
        store.remove_source("nope").await.unwrap_err(),
        Error::NotFound(_)
    ));

    let removed = store
        .remove_source("https://example.org/feed")
        .await
        .unwrap();
    assert_eq!(removed.name, "Example Times");
    assert_eq!(store.list_sources().await.unwrap().len(), 1);
    assert_eq!(
        store.count_articles().await.unwrap(),
        2,
        "removing a source keeps its articles"
    );
}

pub async fn analysis_round_trip_and_alias_merging<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    let (a1, a2) = two_articles(&store).await;
    let agency = EntityDraft {
        key: None,
        name: "Roads Agency".into(),
        kind: EntityKind::Organization,
        aliases: vec!["RA".into()],
        mentions: vec![("Roads Agency".into(), 0), ("RA".into(), 1)],
    };
    let analysis = Analysis {
        teaser: None,
        topic_evidence: vec![],
        topics: vec!["infrastructure".into()],
        entities: vec![agency],
        quotes: vec![Quote {
            article: a1,
            speaker: "Roads Agency".into(),
            speaker_entity: None,
            quote: "The road is open".into(),
            sentence: "“The road is open,” the Roads Agency said.".into(),
        }],
        figures: vec![Figure {
            article: a1,
            value: 101.0,
            unit: Some("vehicles".into()),
            approx: Some(Approx::About),
            about: "vehicles a day".into(),
            cited_source: Some("Officials".into()),
            sentence: "Officials said the road would carry 101 vehicles a day.".into(),
        }],
    };
    store.save_analysis(a1, &analysis).await.unwrap();
    // Saving twice replaces, never duplicates.
    store.save_analysis(a1, &analysis).await.unwrap();
    let d = store.article_details(a1).await.unwrap();
    assert_eq!(d.entities.len(), 1);
    assert_eq!(d.entities[0].1, 2, "two mentions");
    assert_eq!(d.entities[0].0.aliases, vec!["RA".to_string()]);
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(
        d.quotes[0].speaker_entity,
        Some(d.entities[0].0.id),
        "speaker linked to entity"
    );
    assert_eq!(d.figures, analysis.figures);
    assert_eq!(
        store.get_article(a1).await.unwrap().unwrap().topics,
        vec!["infrastructure"]
    );

    // Another article naming the agency by its alias reaches the same entity.
    let by_alias = Analysis {
        entities: vec![EntityDraft {
            key: None,
            name: "RA".into(),
            kind: EntityKind::Organization,
            aliases: vec![],
            mentions: vec![("RA".into(), 0)],
        }],
        ..Default::default()
    };
    store.save_analysis(a2, &by_alias).await.unwrap();
    let d2 = store.article_details(a2).await.unwrap();
    assert_eq!(d2.entities[0].0.id, d.entities[0].0.id);

    let missing = store
        .save_analysis(khabar_model::ArticleId(999_999), &by_alias)
        .await;
    assert!(matches!(missing.unwrap_err(), Error::NotFound(_)));
}

pub async fn concurrent_writers_both_succeed<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store: std::sync::Arc<dyn Store> = open(dir, f).await.into();
    let mut tasks = Vec::new();
    for w in 0..4u32 {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            for i in 0..10 {
                let drafts = vec![article(w * 100 + i), article(w * 100 + i + 50)];
                s.import_articles(&drafts).await.unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(store.count_articles().await.unwrap(), 80);
}

pub async fn data_survives_reopening<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let first = open(dir, f).await;
    first
        .import_articles(&[article(1), article(2)])
        .await
        .unwrap();
    drop(first);
    let second = open(dir, f).await;
    assert_eq!(second.count_articles().await.unwrap(), 2);
    let r = second.import_articles(&[article(1)]).await.unwrap();
    assert_eq!(r.unchanged, 1);
}

fn item(n: u32) -> QueueItem {
    let a = article(n);
    QueueItem {
        source_id: None,
        url: a.canonical_url.clone().unwrap(),
        raw_url: a.url.clone().unwrap(),
        title: Some(a.title.clone()),
        published_at: None,
    }
}

pub async fn queue_leases_resume_and_never_duplicate<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    store.import_articles(&[article(1)]).await.unwrap();
    // Already stored, queued twice, and three new ones.
    let added = store
        .enqueue(&[item(1), item(2), item(2), item(3), item(4)])
        .await
        .unwrap();
    assert_eq!(added, 3);
    assert_eq!(store.enqueue(&[item(2)]).await.unwrap(), 0);

    let t0 = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
    let lease = std::time::Duration::from_secs(60);
    let first = store.claim(2, lease, t0).await.unwrap();
    assert_eq!(first.len(), 2);
    assert_eq!(first[0].attempts, 1);
    // Leased jobs are not handed out twice while the lease holds...
    let second = store.claim(10, lease, t0).await.unwrap();
    assert_eq!(second.len(), 1);
    assert!(store.claim(10, lease, t0).await.unwrap().is_empty());
    let counts = store.queue_counts(t0).await.unwrap();
    assert_eq!((counts.pending, counts.leased), (0, 3));

    // ...the worker holding `first` dies; after the lease they come back.
    let later = t0 + chrono::Duration::seconds(61);
    let again = store.claim(10, lease, later).await.unwrap();
    let mut ids: Vec<i64> = again.iter().map(|j| j.id).collect();
    ids.sort();
    let mut want: Vec<i64> = first.iter().chain(&second).map(|j| j.id).collect();
    want.sort();
    assert_eq!(ids, want, "every expired lease is retried");
    assert!(
        again
            .iter()
            .all(|j| j.attempts >= 2 || second.iter().any(|s| s.id == j.id))
    );

    // Completing twice (a retry after a crash between fetch and commit) stores once.
    let job = &again[0];
    let n: u32 = job.item.url.rsplit('/').next().unwrap().parse().unwrap();
    let o1 = store.complete(job, &article(n)).await.unwrap();
    let o2 = store.complete(job, &article(n)).await.unwrap();
    assert!(matches!(o1, ImportOutcome::Inserted(_)));
    assert_eq!(o2, ImportOutcome::Unchanged(o1.id()));

    // The job's URL is remembered: seen again in a feed, it is not queued.
    assert_eq!(
        store
            .enqueue(std::slice::from_ref(&job.item))
            .await
            .unwrap(),
        0
    );

    store.drop_job(&again[1]).await.unwrap();
    store
        .fail_job(
            &again[2],
            "Timeout",
            Some(later + chrono::Duration::seconds(300)),
        )
        .await
        .unwrap();
    assert!(
        store.claim(10, lease, later).await.unwrap().is_empty(),
        "retry waits"
    );
    let retried = store
        .claim(10, lease, later + chrono::Duration::seconds(301))
        .await
        .unwrap();
    assert_eq!(retried.len(), 1);
    store.fail_job(&retried[0], "Status", None).await.unwrap();
    let counts = store
        .queue_counts(later + chrono::Duration::days(1))
        .await
        .unwrap();
    assert_eq!((counts.pending, counts.leased, counts.failed), (0, 0, 1));
    assert_eq!(store.count_articles().await.unwrap(), 2);
}

pub async fn fetch_records_track_health<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    let s = store
        .add_source(&source(
            "Feedy",
            "https://feedy.example/feed",
            SourceOrigin::Cli,
        ))
        .await
        .unwrap();
    let t = Utc.with_ymd_and_hms(2024, 5, 1, 12, 0, 0).unwrap();
    let ok = FetchRecord {
        at: t,
        status: "ok".into(),
        error: None,
        etag: Some("\"e1\"".into()),
        last_modified: None,
        new_items: 3,
        next_fetch_at: t + chrono::Duration::minutes(15),
        poll_secs: 900,
    };
    store.record_fetch(s.id, &ok).await.unwrap();
    let failed = FetchRecord {
        at: t + chrono::Duration::minutes(15),
        status: "Timeout".into(),
        error: Some("Timeout".into()),
        etag: None,
        last_modified: None,
        new_items: 0,
        next_fetch_at: t + chrono::Duration::minutes(45),
        poll_secs: 1800,
    };
    store.record_fetch(s.id, &failed).await.unwrap();
    store.record_fetch(s.id, &failed).await.unwrap();
    let st = store.crawl_states().await.unwrap().pop().unwrap();
    assert_eq!(
        st.etag.as_deref(),
        Some("\"e1\""),
        "a failure keeps the validators"
    );
    assert_eq!(st.failures, 2);
    assert_eq!(st.poll_secs, Some(1800));
    assert_eq!(st.last_new_at, Some(t));
    assert_eq!(st.source.last_error.as_deref(), Some("Timeout"));
    assert_eq!(st.source.last_fetch_at, Some(failed.at));
    store.record_fetch(s.id, &ok).await.unwrap();
    let st = store.crawl_states().await.unwrap().pop().unwrap();
    assert_eq!((st.failures, st.source.last_error), (0, None));
}

pub async fn stories_assign_move_and_merge<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    let drafts: Vec<_> = (1..=4)
        .map(|n| {
            let mut d = article(n);
            d.source = Some(format!("Outlet {}", n % 2));
            d
        })
        .collect();
    let r = store.import_articles(&drafts).await.unwrap();
    let ids: Vec<_> = r.outcomes.iter().map(|o| o.id()).collect();
    let new = |title: &str, why: &str| StoryAssignment {
        story: None,
        title: title.into(),
        why: why.into(),
        duplicate_of: None,
    };
    let s1 = store
        .assign_story(ids[0], &new("First", "new story"))
        .await
        .unwrap();
    let join = StoryAssignment {
        story: Some(s1),
        title: "First, retold".into(),
        why: "shares Kabul; cosine 0.61".into(),
        duplicate_of: Some(ids[0]),
    };
    assert_eq!(store.assign_story(ids[1], &join).await.unwrap(), s1);
    let s2 = store
        .assign_story(ids[2], &new("Second", "new story"))
        .await
        .unwrap();
    assert_ne!(s1, s2);
    let story = store.get_story(s1).await.unwrap().unwrap();
    assert_eq!(story.title, "First, retold");
    assert_eq!(story.members.len(), 2);
    assert_eq!(story.members[1].why, "shares Kabul; cosine 0.61");
    assert_eq!(story.members[1].duplicate_of, Some(ids[0]));
    assert_eq!(story.outlets.len(), 2, "{:?}", story.outlets);
    assert_eq!(
        store.get_article(ids[1]).await.unwrap().unwrap().story,
        Some(s1)
    );

    // Largest first: two articles before one, whatever their dates.
    let largest = store
        .list_stories(&StoryQuery {
            largest: true,
            ..Default::default()
        })
        .await
        .unwrap();
    let sizes: Vec<(StoryId, usize)> = largest.iter().map(|s| (s.id, s.members.len())).collect();
    assert_eq!(sizes, [(s1, 2), (s2, 1)]);
    let newest = store.list_stories(&StoryQuery::default()).await.unwrap();
    assert_eq!(newest.len(), 2);

    // Moving the only member of a story removes the emptied story.
    let s3 = store
        .assign_story(ids[3], &new("Third", "new story"))
        .await
        .unwrap();
    let into_s2 = StoryAssignment {
        story: Some(s2),
        ..new("Second", "bridges")
    };
    store.assign_story(ids[3], &into_s2).await.unwrap();
    assert!(store.get_story(s3).await.unwrap().is_none());

    // Merging moves every member and deletes the merged story.
    store.merge_stories(s1, s2).await.unwrap();
    assert!(store.get_story(s2).await.unwrap().is_none());
    let merged = store.get_story(s1).await.unwrap().unwrap();
    assert_eq!(merged.members.len(), 4);
    assert_eq!(
        store.get_article(ids[3]).await.unwrap().unwrap().story,
        Some(s1)
    );
    let all = store.list_stories(&StoryQuery::default()).await.unwrap();
    assert_eq!(all.len(), 1);
    assert!(matches!(
        store.merge_stories(s1, StoryId(999_999)).await.unwrap_err(),
        Error::NotFound(_)
    ));
    let missing = StoryAssignment {
        story: Some(StoryId(999_999)),
        ..new("x", "y")
    };
    assert!(matches!(
        store.assign_story(ids[0], &missing).await.unwrap_err(),
        Error::NotFound(_)
    ));
    // The failed assignment changed nothing.
    assert_eq!(
        store.get_article(ids[0]).await.unwrap().unwrap().story,
        Some(s1)
    );
}

pub async fn ledgers_entities_and_keys<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    let (a1, a2) = two_articles(&store).await;
    let person = |name: &str| EntityDraft {
        key: Some("person:roya-karimi".into()),
        name: name.into(),
        kind: EntityKind::Person,
        aliases: vec![],
        mentions: vec![(name.into(), 0)],
    };
    let quote = |a, text: &str| Quote {
        article: a,
        speaker: "Roya Karimi".into(),
        speaker_entity: None,
        quote: text.into(),
        sentence: format!("“{text},” Roya Karimi said."),
    };
    let figure = |a, value: f64, about: &str| Figure {
        article: a,
        value,
        unit: Some("people".into()),
        approx: None,
        about: about.into(),
        cited_source: Some("Roads Agency".into()),
        sentence: format!("{value} {about}."),
    };
    store
        .save_analysis(
            a1,
            &Analysis {
                teaser: Some("A picked teaser.".into()),
                topics: vec!["health".into()],
                topic_evidence: vec![("health".into(), vec!["clinic".into(), "clinics".into()])],
                entities: vec![person("Roya Karimi")],
                quotes: vec![quote(a1, "The clinics will open")],
                figures: vec![figure(a1, 120.0, "families returned to Herat")],
            },
        )
        .await
        .unwrap();
    // The same key under another spelling is the same entity.
    store
        .save_analysis(
            a2,
            &Analysis {
                entities: vec![person("رویا کریمی")],
                quotes: vec![quote(a2, "We need roads")],
                figures: vec![figure(a2, 7.0, "bridges repaired")],
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let stored = store.get_article(a1).await.unwrap().unwrap();
    assert_eq!(stored.teaser.as_deref(), Some("A picked teaser."));
    assert!(store.pending_analysis(10).await.unwrap().is_empty());
    assert_eq!(store.pending_stories(10).await.unwrap().len(), 2);
    // Changed content needs a new analysis.
    let mut changed = article(1);
    changed.paragraphs.push("A new paragraph.".into());
    store.import_articles(&[changed]).await.unwrap();
    assert_eq!(store.pending_analysis(10).await.unwrap(), vec![a1]);
    let d1 = store.article_details(a1).await.unwrap();
    let d2 = store.article_details(a2).await.unwrap();
    assert_eq!(d1.entities[0].0.id, d2.entities[0].0.id);
    assert_eq!(d1.entities[0].0.key.as_deref(), Some("person:roya-karimi"));
    assert_eq!(
        d1.topic_evidence,
        vec![(
            "health".to_string(),
            vec!["clinic".to_string(), "clinics".to_string()]
        )]
    );
    let stored = store.get_article(a2).await.unwrap().unwrap();
    assert_eq!(stored.teaser, None, "no teaser picked, none stored");

    let all = store.list_quotes(&LedgerQuery::default()).await.unwrap();
    assert_eq!(all.len(), 2);
    let by_name = LedgerQuery {
        text: Some("karimi".into()),
        ..Default::default()
    };
    assert_eq!(store.list_quotes(&by_name).await.unwrap().len(), 2);
    let none = LedgerQuery {
        text: Some("nobody".into()),
        ..Default::default()
    };
    assert!(store.list_quotes(&none).await.unwrap().is_empty());
    let one = LedgerQuery {
        article: Some(a2),
        ..Default::default()
    };
    assert_eq!(
        store.list_quotes(&one).await.unwrap()[0].quote,
        "We need roads"
    );

    let herat = LedgerQuery {
        text: Some("Herat families".into()),
        ..Default::default()
    };
    let figs = store.list_figures(&herat).await.unwrap();
    assert_eq!(figs.len(), 1);
    assert_eq!(figs[0].value, 120.0);
    assert_eq!(
        store
            .list_figures(&LedgerQuery::default())
            .await
            .unwrap()
            .len(),
        2
    );

    let people = store
        .list_entities(Some(EntityKind::Person), None, 0)
        .await
        .unwrap();
    assert_eq!(people.len(), 1);
    assert_eq!((people[0].mentions, people[0].articles), (2, 2));
    assert!(
        store
            .list_entities(Some(EntityKind::Place), None, 0)
            .await
            .unwrap()
            .is_empty()
    );
    let id = people[0].entity.id;
    assert_eq!(
        store.get_entity(id).await.unwrap().unwrap().entity.name,
        "Roya Karimi"
    );
    let days = store.entity_timeline(id).await.unwrap();
    assert_eq!(days.iter().map(|d| d.1).sum::<u64>(), 2);
    assert_eq!(store.entity_articles(id, 10).await.unwrap().len(), 2);
}

pub async fn index_outbox_feeds_and_prunes<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    assert_eq!(store.last_outbox_id().await.unwrap(), 0);
    let r = store
        .import_articles(&[article(1), article(2), article(3)])
        .await
        .unwrap();
    let items = store.outbox_after(0, 100).await.unwrap();
    assert_eq!(items.len(), 3);
    assert!(items.windows(2).all(|w| w[0].id < w[1].id));
    assert!(items.iter().all(|i| !i.delete));
    let last = store.last_outbox_id().await.unwrap();
    assert_eq!(last, items[2].id);
    assert_eq!(store.outbox_after(items[0].id, 100).await.unwrap().len(), 2);
    let ids: Vec<_> = r.outcomes.iter().map(|o| o.id()).collect();
    let sources = store
        .index_sources(&[ids[0], khabar_model::ArticleId(999_999), ids[2]])
        .await
        .unwrap();
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[1].article.id, ids[2]);
    assert_eq!(
        store.article_ids_after(ids[0], 10).await.unwrap(),
        ids[1..].to_vec()
    );
    assert_eq!(store.prune_outbox(items[1].id).await.unwrap(), 2);
    assert_eq!(store.outbox_after(0, 100).await.unwrap().len(), 1);
    // Ids keep growing after a prune, so the index's bookmark stays valid.
    store.import_articles(&[article(4)]).await.unwrap();
    assert!(store.last_outbox_id().await.unwrap() > last);
}

pub async fn archive_refs_are_set_all_or_none<F, Fut>(dir: &TempData, f: &F)
where
    F: Fn(PathBuf) -> Fut,
    Fut: Future<Output = Boxed>,
{
    let store = open(dir, f).await;
    let (a, b) = two_articles(&store).await;
    let at = |file: &str, offset: u64| khabar_model::ArchiveRef {
        file: file.into(),
        offset,
        sha256: format!("{offset:064x}"),
    };
    store
        .set_archive_refs(&[
            (a, at("k-00001.warc.gz", 10)),
            (b, at("k-00001.warc.gz", 900)),
        ])
        .await
        .unwrap();
    let refs = store.archive_refs().await.unwrap();
    assert_eq!(
        refs,
        vec![
            (a, at("k-00001.warc.gz", 10)),
            (b, at("k-00001.warc.gz", 900))
        ]
    );
    assert_eq!(
        store.get_article(b).await.unwrap().unwrap().archive,
        Some(at("k-00001.warc.gz", 900))
    );
    // An unknown article: an error, and the other reference is not written.
    let missing = khabar_model::ArticleId(b.0 + 100);
    let err = store
        .set_archive_refs(&[
            (a, at("k-00002.warc.gz", 5)),
            (missing, at("k-00002.warc.gz", 6)),
        ])
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err}");
    assert_eq!(store.archive_refs().await.unwrap(), refs);
    // Importing the same article again keeps its reference.
    let again = store.import_articles(&[article(1)]).await.unwrap();
    assert_eq!(again.unchanged, 1);
    assert_eq!(store.archive_refs().await.unwrap(), refs);
}
