//! Every route answers with the right status, type and content.

use khabar_model::{BlockKind, EmbeddedPost, Platform};
use serde_json::Value;

use crate::{app, get};

fn html(r: &crate::Resp) {
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.content_type(), "text/html; charset=utf-8");
    assert!(r.body.starts_with("<!DOCTYPE html>"));
}

fn json(r: &crate::Resp) -> Value {
    assert_eq!(r.content_type(), "application/json", "{}", r.body);
    serde_json::from_str(&r.body).expect("JSON body")
}

#[tokio::test]
async fn front_page_ranks_stories_by_coverage_and_links_originals() {
    let a = app(None).await;
    let r = get(&a.router, "/").await;
    html(&r);
    let flood = r
        .body
        .find(&format!("/story/{}", a.seeded.flood_story.0))
        .expect("flood story");
    let schools = r
        .body
        .find(&format!("/story/{}", a.seeded.schools_story.0))
        .expect("schools story");
    assert!(flood < schools, "the story with three outlets comes first");
    assert!(r.body.contains("Floods destroy homes in Baghlan province"));
    assert!(r.body.contains("at least 1,200 families"), "teaser shown");
    assert!(r.body.contains("خبرگزاری نمونه"), "outlets listed");
    assert!(
        r.body
            .contains(r#"href="/search?q=topic%3A%22disaster%22""#),
        "topic links"
    );
    assert!(r.body.contains(
        r#"<a href="https://valley-herald.example/news/baghlan-floods" rel="noopener noreferrer nofollow">"#
    ));
    assert!(r.body.contains("h ago"));
    // Keyboard users: a skip link to the main content.
    assert!(r.body.contains(r##"<a class="skip" href="#main">"##));
}

#[tokio::test]
async fn front_page_keeps_a_large_story_behind_many_newer_ones() {
    let a = app(None).await;
    // Sixty-one one-article stories, all newer than the flood story.
    let now = chrono::Utc::now();
    let drafts: Vec<khabar_model::ArticleDraft> = (0..61)
        .map(|i| {
            let mut d = khabar_model::ArticleDraft::new(
                format!("Brief note number {i}"),
                vec![format!("A short item, number {i}, from the wire.")],
            )
            .with_url(format!("https://wire.example/brief/{i}"));
            d.source = Some("Wire Briefs".into());
            d.published_at = Some((now - chrono::Duration::minutes(90 - i)).fixed_offset());
            d
        })
        .collect();
    let report = a.store.import_articles(&drafts).await.unwrap();
    for (o, d) in report.outcomes.iter().zip(&drafts) {
        let assignment = khabar_store::StoryAssignment {
            story: None,
            title: d.title.clone(),
            why: "new story".into(),
            duplicate_of: None,
        };
        a.store.assign_story(o.id(), &assignment).await.unwrap();
    }
    let r = get(&a.router, "/").await;
    html(&r);
    assert!(
        r.body
            .contains(&format!("/story/{}", a.seeded.flood_story.0)),
        "the three-outlet story of six hours ago is still on the front page"
    );
    assert!(r.body.contains("Brief note number 60"), "the newest too");
}

#[tokio::test]
async fn front_page_without_stories_lists_articles() {
    let dir = khabar_testkit::TempData::new();
    let store: std::sync::Arc<dyn khabar_store::Store> = std::sync::Arc::new(
        khabar_store::SqliteStore::open(&dir.data().join("k.db"))
            .await
            .unwrap(),
    );
    store
        .import_articles(&[khabar_testkit::article(1)])
        .await
        .unwrap();
    let router = khabar_web::router(khabar_web::AppState::new(store));
    let r = get(&router, "/").await;
    html(&r);
    assert!(r.body.contains("/article/1"), "{}", r.body);
    let empty = khabar_testkit::TempData::new();
    let store: std::sync::Arc<dyn khabar_store::Store> = std::sync::Arc::new(
        khabar_store::SqliteStore::open(&empty.data().join("k.db"))
            .await
            .unwrap(),
    );
    let r = get(&khabar_web::router(khabar_web::AppState::new(store)), "/").await;
    html(&r);
    assert!(r.body.contains("Nothing stored yet"));
}

#[tokio::test]
async fn story_page_shows_members_duplicates_why_quotes_and_figures() {
    let a = app(None).await;
    let r = get(&a.router, &format!("/story/{}", a.seeded.flood_story.0)).await;
    html(&r);
    for id in [a.seeded.english, a.seeded.dari, a.seeded.pashto] {
        assert!(
            r.body.contains(&format!("/article/{}", id.0)),
            "member {id}"
        );
    }
    // The syndicated copy is not a separate row but "also published by".
    assert!(r.body.contains("Also published by"));
    assert!(r.body.contains(&format!(
        r#"<a href="/article/{}"><bdi>River Post</bdi></a>"#,
        a.seeded.syndicated.0
    )));
    assert!(r.body.contains("shares Baghlan, 1200 families; 1 h apart"));
    assert!(r.body.contains("We need urgent help before the next storm"));
    assert!(r.body.contains("at least 1,200 families"));
    assert!(r.body.contains(r#"lang="fa-AF""#));
    assert!(
        r.body.contains(r#"<h3 dir="rtl">"#),
        "RTL members are right to left"
    );
    // Timeline in time order: English (0 h), Dari (+1 h), Pashto (+2 h).
    let pos = |id: khabar_model::ArticleId| {
        r.body
            .find(&format!("<a href=\"/article/{}\"><bdi>", id.0))
            .unwrap()
    };
    assert!(
        pos(a.seeded.english) < pos(a.seeded.dari) && pos(a.seeded.dari) < pos(a.seeded.pashto)
    );
    for bad in ["/story/999999", "/story/abc", "/story/-1"] {
        let r = get(&a.router, bad).await;
        assert_eq!(r.status, 404, "{bad}");
        assert!(r.content_type().starts_with("text/html"));
    }
}

#[tokio::test]
async fn article_page_is_a_clean_reader_view() {
    let a = app(None).await;
    let r = get(&a.router, &format!("/article/{}", a.seeded.dari.0)).await;
    html(&r);
    assert!(
        r.body
            .contains(r#"<article class="reader" lang="fa-AF" dir="rtl">"#)
    );
    assert!(
        r.body
            .contains("<h1 dir=\"auto\">سیلاب در ولایت بغلان خانه‌های زیادی را ویران کرد</h1>")
    );
    assert!(
        r.body
            .contains("<p dir=\"auto\">مقامات محلی می‌گویند دست‌کم ۱۲۰۰ خانواده آسیب دیده‌اند.</p>")
    );
    assert!(r.body.contains("+04:30"), "the outlet's offset is kept");
    assert!(r.body.contains(r#"<a href="https://nemoona.example/fa/news/1001" rel="noopener noreferrer nofollow">Original article</a>"#));
    assert!(r.body.contains(&format!("/entity/{}", a.seeded.person.0)));
    assert!(
        r.body
            .contains(&format!("/story/{}", a.seeded.flood_story.0))
    );
    let en = get(&a.router, &format!("/article/{}", a.seeded.english.0)).await;
    html(&en);
    assert!(en.body.contains("By <bdi>Staff reporter</bdi>"));
    assert!(
        en.body.contains("(<bdi>flooded</bdi>, <bdi>storm</bdi>)"),
        "topic evidence"
    );
    assert!(en.body.contains("Ahmad Karimi"));
    // No archive for an imported article.
    assert!(!en.body.contains("Archived copy"));
    let r = get(
        &a.router,
        &format!("/article/{}/archive", a.seeded.english.0),
    )
    .await;
    assert_eq!(r.status, 404);
    assert_eq!(get(&a.router, "/article/0").await.status, 404);
}

#[tokio::test]
async fn the_reader_shows_headings_quotes_lists_code_and_embedded_posts() {
    let a = app(None).await;
    let mut d = khabar_model::ArticleDraft::new(
        "Road report",
        vec![
            "The road opened on Monday.".into(),
            "What happened".into(),
            "first <item>".into(),
            "second item".into(),
            "The road is open.\n— Ministry (@ministry), 3 March".into(),
            "  let x = 1;\n    indented".into(),
            "Last words.".into(),
        ],
    )
    .with_url("https://valley-herald.example/news/road-report");
    d.published_at =
        Some(chrono::DateTime::parse_from_rfc3339("2026-03-03T09:30:00+04:30").unwrap());
    d.modified_at =
        Some(chrono::DateTime::parse_from_rfc3339("2026-03-04T10:15:00+04:30").unwrap());
    d.kinds = vec![
        BlockKind::Paragraph,
        BlockKind::Heading,
        BlockKind::ListItem,
        BlockKind::ListItem,
        BlockKind::Quote,
        BlockKind::Preformatted,
    ];
    let post = |platform, author: Option<&str>, text: &str, url: &str| EmbeddedPost {
        platform,
        author: author.map(str::to_string),
        handle: Some("@ministry".into()),
        text: text.into(),
        posted: Some("3 March".into()),
        url: Some(url.into()),
    };
    d.embeds = vec![
        post(
            Platform::X,
            Some("Ministry"),
            "The road is open.",
            "https://x.com/ministry/status/1",
        ),
        post(
            Platform::Telegram,
            None,
            "Photos of the <opening>.",
            "javascript:alert(1)",
        ),
    ];
    let id = a.store.import_articles(&[d]).await.unwrap().outcomes[0].id();
    let r = get(&a.router, &format!("/article/{}", id.0)).await;
    html(&r);
    let start = r.body.find("<div class=\"body\">").unwrap();
    let end = start + r.body[start..].find("</div>").unwrap();
    assert_eq!(
        r.body[start..end].trim_end(),
        "<div class=\"body\">\n\
         <p dir=\"auto\">The road opened on Monday.</p>\n\
         <h2 dir=\"auto\">What happened</h2>\n\
         <ul dir=\"auto\"><li>first &#60;item&#62;</li><li>second item</li></ul>\n\
         <blockquote dir=\"auto\"><p>The road is open.\n— Ministry (@ministry), 3 March</p></blockquote>\n\
         <pre dir=\"auto\">  let x = 1;\n    indented</pre>\n\
         <p dir=\"auto\">Last words.</p>"
    );
    let v = json(&get(&a.router, &format!("/api/v1/articles/{}", id.0)).await);
    let kinds: Vec<&str> = v["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "heading",
            "list_item",
            "list_item",
            "quote",
            "preformatted",
            "paragraph"
        ]
    );
    assert_eq!(v["embeds"][0]["platform"], "x");
    assert_eq!(v["modified_at"], "2026-03-04T10:15:00+04:30");
    assert!(
        r.body.contains(
            " · updated <time datetime=\"2026-03-04T10:15:00+04:30\">2026-03-04 10:15 +04:30</time>"
        ),
        "{}",
        r.body
    );
    assert_eq!(v["embeds"][1]["url"], "javascript:alert(1)");

    // The posts are listed with their links; the words of a post already in
    // the text are not repeated, and only web addresses become links.
    let start = r.body.find("<h2>Embedded posts and videos</h2>").unwrap();
    let list = &r.body[start..start + r.body[start..].find("</ul>").unwrap()];
    assert!(
        list.contains(
            "<li>X · <bdi>Ministry</bdi> <bdi>(@ministry)</bdi> · <bdi>3 March</bdi> · \
             <a href=\"https://x.com/ministry/status/1\" rel=\"noopener noreferrer nofollow\">the post</a></li>"
        ),
        "{list}"
    );
    assert!(
        list.contains(
            "<li>Telegram <bdi>(@ministry)</bdi> · <bdi>3 March</bdi>\
             <blockquote dir=\"auto\"><p>Photos of the &#60;opening&#62;.</p></blockquote></li>"
        ),
        "{list}"
    );
    assert!(!r.body.contains("javascript:"), "{list}");
}

#[tokio::test]
async fn search_page_has_highlights_facets_histogram_and_pages() {
    let a = app(None).await;
    let r = get(&a.router, "/search?q=floods").await;
    html(&r);
    assert!(r.body.contains("2 articles"), "{}", r.body);
    assert!(
        r.body
            .contains(r#"href="/search?q=floods+outlet%3A%22River+Post%22""#),
        "outlet facet refines the query"
    );
    assert!(r.body.contains("<svg role=\"img\""), "histogram");
    assert!(r.body.contains(r#"href="/search.atom?q=floods""#));
    // Dari and Pashto words, with letter variants folded (ي → ی).
    let r = get(&a.router, "/search?q=%D8%A8%D8%BA%D9%84%D8%A7%D9%86").await; // بغلان
    html(&r);
    assert!(r.body.contains(&format!("/article/{}", a.seeded.dari.0)));
    let r = get(&a.router, "/search?q=lang%3Aps").await;
    assert!(r.body.contains(&format!("/article/{}", a.seeded.pashto.0)));
    assert!(
        !r.body
            .contains(&format!("/article/{}\"", a.seeded.english.0))
    );
    let r = get(&a.router, "/search?q=homes&sort=date").await;
    html(&r);
    assert!(
        r.body.contains("dozens of <b>homes</b> were destroyed"),
        "{}",
        r.body
    );
    assert!(r.body.contains("sort by relevance"));
    let r = get(&a.router, "/search").await;
    html(&r);
    assert!(
        r.body.contains("since:2024-06-01"),
        "help shown for an empty query"
    );
    assert_eq!(
        get(&a.router, "/search?q=x&sort=sideways").await.status,
        400
    );
}

#[tokio::test]
async fn entity_page_charts_mentions_over_time() {
    let a = app(None).await;
    let r = get(&a.router, &format!("/entity/{}", a.seeded.person.0)).await;
    html(&r);
    assert!(r.body.contains("<svg role=\"img\""));
    assert!(r.body.contains("<rect"));
    assert!(r.body.contains("احمد کریمی"), "aliases");
    assert!(
        r.body.contains("We need urgent help"),
        "quotes by the entity"
    );
    assert!(r.body.contains(&format!("/article/{}", a.seeded.english.0)));
    assert_eq!(get(&a.router, "/entity/424242").await.status, 404);
    let r = get(&a.router, "/entities?kind=place").await;
    html(&r);
    assert!(r.body.contains("Baghlan"));
    assert!(!r.body.contains("Ahmad Karimi"));
    assert_eq!(get(&a.router, "/entities?kind=planet").await.status, 400);
}

#[tokio::test]
async fn ledgers_filter_and_group() {
    let a = app(None).await;
    let r = get(&a.router, "/quotes?speaker=karimi").await;
    html(&r);
    assert_eq!(r.body.matches("<blockquote").count(), 2, "{}", r.body);
    let r = get(&a.router, "/quotes?speaker=nobody").await;
    assert_eq!(r.body.matches("<blockquote").count(), 0);
    let r = get(&a.router, "/figures").await;
    html(&r);
    // The same figure from three outlets sits in one group, side by side.
    assert!(
        r.body
            .contains("1,200 families</span> <span class=\"count\">reported by 3 articles"),
        "{}",
        r.body
    );
    assert!(r.body.contains("35 %"));
    let r = get(&a.router, "/figures?about=pupils").await;
    assert!(r.body.contains("35 %") && !r.body.contains("1,200"));
}

#[tokio::test]
async fn sources_page_shows_health() {
    let a = app(None).await;
    let r = get(&a.router, "/sources").await;
    html(&r);
    assert!(r.body.contains("Valley Herald feed"));
    assert!(r.body.contains("<code>Timeout: no answer in 30 s</code>"));
    assert!(r.body.contains("min ago"));
    assert!(r.body.contains("Sign in to add or remove sources"));
    assert!(
        !r.body.contains("/sources/add"),
        "no forms without a session"
    );
}

#[tokio::test]
async fn feeds_are_atom() {
    let a = app(None).await;
    let r = get(&a.router, "/feed.atom").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.content_type(), "application/atom+xml; charset=utf-8");
    assert!(r.body.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
    ));
    assert_eq!(r.body.matches("<entry").count(), 5);
    assert!(r.body.contains("<entry xml:lang=\"fa-AF\">"));
    assert!(r.body.contains(&format!(
        "<id>tag:khabar.localhost,2024:article/{}</id>",
        a.seeded.dari.0
    )));
    assert!(r.body.contains("<updated>"));
    // The whole text, as escaped HTML, so a feed reader needs no page.
    assert_eq!(r.body.matches("<content type=\"html\">").count(), 5);
    assert!(
        r.body
            .contains("&lt;p&gt;Local officials said at least 1,200 families were affected")
    );
    let r = get(&a.router, "/search.atom?q=Herat").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body.matches("<entry").count(), 1);
    assert!(r.body.contains("<title>khabar: Herat</title>"));
    assert_eq!(get(&a.router, "/search.atom").await.status, 400);
}

#[tokio::test]
async fn api_lists_and_gets() {
    let a = app(None).await;
    let v = json(&get(&a.router, "/api/v1/articles?limit=2").await);
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
    let v = json(&get(&a.router, "/api/v1/articles?lang=fa").await);
    assert_eq!(v["articles"][0]["id"], a.seeded.dari.0);
    assert_eq!(v["articles"].as_array().unwrap().len(), 1);
    let v = json(
        &get(
            &a.router,
            &format!("/api/v1/articles/{}", a.seeded.english.0),
        )
        .await,
    );
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 3);
    // A text of plain paragraphs: one kind per paragraph all the same.
    assert_eq!(
        v["kinds"],
        serde_json::json!(["paragraph", "paragraph", "paragraph"])
    );
    assert_eq!(v["quotes"][0]["speaker"], "Ahmad Karimi");
    assert_eq!(v["figures"][0]["value"], 1200.0);
    let v = json(&get(&a.router, "/api/v1/stories").await);
    assert_eq!(v["stories"].as_array().unwrap().len(), 2);
    let recent: Vec<u64> = v["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_u64().unwrap())
        .collect();
    let v = json(&get(&a.router, "/api/v1/stories?sort=largest").await);
    let sizes: Vec<usize> = v["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["articles"].as_array().unwrap().len())
        .collect();
    assert_eq!(v["stories"][0]["id"], a.seeded.flood_story.0, "{recent:?}");
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
    assert_eq!(
        get(&a.router, "/api/v1/stories?sort=biggest").await.status,
        400
    );
    let v = json(
        &get(
            &a.router,
            &format!("/api/v1/stories/{}", a.seeded.flood_story.0),
        )
        .await,
    );
    assert_eq!(v["articles"].as_array().unwrap().len(), 4);
    let v = json(&get(&a.router, "/api/v1/search?q=floods&limit=1").await);
    assert_eq!(v["total"], 2);
    assert_eq!(v["hits"].as_array().unwrap().len(), 1);
    assert!(v["facets"]["outlet"].is_array());
    assert!(v["histogram"][0]["date"].is_string());
    let v = json(&get(&a.router, "/api/v1/quotes?speaker=Karimi").await);
    assert_eq!(v["quotes"].as_array().unwrap().len(), 2);
    let v = json(&get(&a.router, "/api/v1/figures?about=pupils").await);
    assert_eq!(v["figures"][0]["display"], "about 35 %");
    let v = json(&get(&a.router, "/api/v1/entities?kind=person").await);
    assert_eq!(v["entities"][0]["name"], "Ahmad Karimi");
    let v = json(&get(&a.router, &format!("/api/v1/entities/{}", a.seeded.place.0)).await);
    assert!(v["timeline"][0]["count"].as_u64().unwrap() >= 1);
    let v = json(&get(&a.router, "/api/v1/sources").await);
    let id = v["sources"][0]["id"].as_i64().unwrap();
    assert!(
        v["sources"][0]["last_error"]
            .as_str()
            .unwrap()
            .starts_with("Timeout")
    );
    assert_eq!(v["sources"][0]["failures"], 1);
    let v = json(&get(&a.router, &format!("/api/v1/sources/{id}")).await);
    assert_eq!(v["name"], "Valley Herald feed");
    for (uri, status) in [
        ("/api/v1/articles/99999", 404),
        ("/api/v1/articles?limit=201", 400),
        ("/api/v1/articles?limit=0", 400),
        ("/api/v1/articles?offset=99999999", 400),
        ("/api/v1/articles?since=yesterday", 400),
        ("/api/v1/search", 400),
        ("/api/v1/nothing", 404),
    ] {
        let r = get(&a.router, uri).await;
        assert_eq!(r.status, status, "{uri}");
        let v = json(&r);
        assert!(
            v["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{uri}: {v}"
        );
    }
}

/// Every path of the OpenAPI document answers (ids filled with real ones).
#[tokio::test]
async fn openapi_document_matches_the_routes() {
    let a = app(None).await;
    let r = get(&a.router, "/api/v1/openapi.json").await;
    let doc = json(&r);
    assert_eq!(doc["openapi"], "3.1.0");
    let sources = json(&get(&a.router, "/api/v1/sources").await);
    let source = sources["sources"][0]["id"].as_i64().unwrap();
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 12);
    for (path, ops) in paths {
        let id = if path.starts_with("/articles/") {
            a.seeded.english.0
        } else if path.starts_with("/stories/") {
            a.seeded.flood_story.0
        } else if path.starts_with("/entities/") {
            a.seeded.person.0
        } else {
            source
        };
        let mut uri = format!("/api/v1{}", path.replace("{id}", &id.to_string()));
        if path == "/search" {
            uri.push_str("?q=floods");
        }
        if ops.get("get").is_some() {
            let r = get(&a.router, &uri).await;
            assert_eq!(r.status, 200, "GET {uri}: {}", r.body);
        }
        for method in ["post", "delete"] {
            if ops.get(method).is_some() {
                let r = crate::send(
                    &a.router,
                    axum::http::Request::builder()
                        .method(method.to_uppercase().as_str())
                        .uri(&uri)
                        .body(axum::body::Body::empty())
                        .unwrap(),
                )
                .await;
                assert_eq!(r.status, 401, "{method} {uri} without a token");
            }
        }
    }
    // And no route of the API is left out of the document.
    for p in [
        "/articles",
        "/articles/{id}",
        "/stories",
        "/stories/{id}",
        "/search",
        "/quotes",
        "/figures",
        "/entities",
        "/entities/{id}",
        "/sources",
        "/sources/{id}",
        "/openapi.json",
    ] {
        assert!(paths.contains_key(p), "{p} documented");
    }
}

#[tokio::test]
async fn stylesheet_is_served_with_long_caching() {
    let a = app(None).await;
    let page = get(&a.router, "/").await;
    let start = page.body.find("/static/khabar.").unwrap();
    let end = start + page.body[start..].find('"').unwrap();
    let r = get(&a.router, &page.body[start..end]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.content_type(), "text/css; charset=utf-8");
    assert!(
        r.headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert!(r.body.contains(":focus-visible"));
    assert_eq!(
        get(&a.router, "/static/khabar.000000.css").await.status,
        404
    );
}

/// With the tantivy index behind it, the search page shows the index's
/// highlights, facets (entities too) and histogram, and folds Arabic-script
/// variants.
#[tokio::test]
async fn search_page_with_the_index() {
    use std::sync::Arc;

    use khabar_index::{Index, IndexDoc, Op};
    use khabar_model::ArticleId;

    let a = app(None).await;
    let ids = a.store.article_ids_after(ArticleId(0), 100).await.unwrap();
    let ops: Vec<Op> = a
        .store
        .index_sources(&ids)
        .await
        .unwrap()
        .into_iter()
        .map(|s| Op::Upsert(IndexDoc::from_article(&s.article, s.entities, s.speakers)))
        .collect();
    let index = Index::in_ram().unwrap();
    index.apply(&ops, 1).unwrap();
    let search: Arc<dyn khabar_web::Search> =
        Arc::new(khabar_web::IndexSearch::new(Arc::new(index)));
    let router =
        khabar_web::router(khabar_web::AppState::new(a.store.clone()).with_index(Some(search)));
    let r = get(&router, "/search?q=destroyed").await;
    html(&r);
    assert!(r.body.contains("<b>destroy"), "{}", r.body);
    assert!(r.body.contains("<h2>entity</h2>"), "entity facet");
    assert!(r.body.contains("<svg role=\"img\""));
    // ك/ي spellings find the ک/ی text.
    let r = get(&router, "/search?q=%D9%83%D8%B1%D9%8A%D9%85%D9%8A").await; // كريمي
    html(&r);
    assert!(
        r.body.contains(&format!("/article/{}", a.seeded.dari.0)),
        "{}",
        r.body
    );
    // A query the index's parser refuses is a 400 with its message.
    let r = get(&router, "/search?q=%22unclosed+phrase").await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("closing quote"), "{}", r.body);
    let v: serde_json::Value =
        serde_json::from_str(&get(&router, "/api/v1/search?q=Baghlan").await.body).unwrap();
    assert!(v["total"].as_u64().unwrap() >= 2, "{v}");
    assert!(!v["facets"]["outlet"].as_array().unwrap().is_empty(), "{v}");
}
