//! Synthetic data for the web app's tests, the browser test and the page
//! benchmark: made-up articles in English, Dari and Pashto about made-up
//! events, with stories, entities, quotes and figures. Also used by
//! `examples/seed.rs`.

#![allow(dead_code)]

use chrono::{DateTime, Duration, FixedOffset, Utc};
use khabar_model::{
    Approx, ArticleDraft, ArticleId, EntityKind, Figure, Quote, SourceDraft, SourceKind,
    SourceOrigin, StoryId,
};
use khabar_store::{Analysis, EntityDraft, FetchRecord, Store, StoryAssignment};

/// What [`seed`] stored, for tests to address pages.
#[derive(Debug, Clone)]
pub struct Seeded {
    pub english: ArticleId,
    pub dari: ArticleId,
    pub pashto: ArticleId,
    pub syndicated: ArticleId,
    pub schools: ArticleId,
    pub flood_story: StoryId,
    pub schools_story: StoryId,
    pub person: khabar_model::EntityId,
    pub place: khabar_model::EntityId,
}

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("fixture time")
}

/// The time the fixtures are anchored to: recent, so the front page shows them.
fn base() -> DateTime<Utc> {
    Utc::now() - Duration::hours(6)
}

fn at(hours_after_base: i64) -> DateTime<FixedOffset> {
    (base() + Duration::hours(hours_after_base))
        .with_timezone(&FixedOffset::east_opt(4 * 3600 + 1800).expect("offset"))
}

/// `s`, or the XSS payload woven into it when `x` is given.
fn w(s: &str, x: Option<&str>) -> String {
    match x {
        Some(p) => format!("{s} {p}"),
        None => s.to_string(),
    }
}

fn draft(
    title: &str,
    paragraphs: &[&str],
    url: &str,
    source: &str,
    lang: &str,
    when: DateTime<FixedOffset>,
    x: Option<&str>,
) -> ArticleDraft {
    let mut d = ArticleDraft::new(w(title, x), paragraphs.iter().map(|p| w(p, x)).collect());
    d = match x {
        // A hostile URL is stored as given: it must never become a link.
        Some(_) => {
            let mut d = d;
            d.url = Some(format!("javascript:alert(1)//{url}"));
            d
        }
        None => d.with_url(url),
    };
    d.source = Some(w(source, x));
    d.lang = Some(lang.parse().expect("lang"));
    d.published_at = Some(when);
    d.byline = Some(w("Staff reporter", x));
    d
}

/// Stores the fixture articles with their analysis and stories. With
/// `payload`, every stored string carries it (XSS tests).
pub async fn seed(store: &dyn Store, payload: Option<&str>) -> Seeded {
    let x = payload;
    let drafts = vec![
        {
            let mut d = draft(
                "Floods destroy homes in Baghlan province",
                &[
                    "Heavy rain that began on Friday night flooded villages along the river in Baghlan province.",
                    "Local officials said at least 1,200 families were affected and dozens of homes were destroyed.",
                    "\"We need urgent help before the next storm,\" said Ahmad Karimi, head of the provincial disaster office.",
                ],
                "https://valley-herald.example/news/baghlan-floods",
                "Valley Herald",
                "en",
                at(0),
                x,
            );
            d.teaser = Some(w(
                "Local officials said at least 1,200 families were affected and dozens of homes were destroyed.",
                x,
            ));
            d
        },
        draft(
            "سیلاب در ولایت بغلان خانه‌های زیادی را ویران کرد",
            &[
                "باران‌های شدید از شب جمعه آغاز شد و روستاهای کنار دریا را زیر آب برد.",
                "مقامات محلی می‌گویند دست‌کم ۱۲۰۰ خانواده آسیب دیده‌اند.",
                "احمد کریمی گفت: «ما پیش از توفان بعدی به کمک فوری نیاز داریم.»",
            ],
            "https://nemoona.example/fa/news/1001",
            "خبرگزاری نمونه",
            "fa-AF",
            at(1),
            x,
        ),
        draft(
            "په بغلان کې سېلاب ګڼ کورونه ویجاړ کړل",
            &[
                "د جمعې د شپې له درنو بارانونو وروسته د سیند په غاړه کلي اوبو ونیول.",
                "سیمه ییزو چارواکو وویل چې لږ تر لږه ۱۲۰۰ کورنۍ اغېزمنې شوې دي.",
            ],
            "https://belga-radio.example/ps/1002",
            "د بېلګې راډیو",
            "ps",
            at(2),
            x,
        ),
        draft(
            "Floods destroy homes in Baghlan province",
            &[
                "Heavy rain that began on Friday night flooded villages along the river in Baghlan province.",
                "Local officials said at least 1,200 families were affected and dozens of homes were destroyed.",
            ],
            "https://river-post.example/world/baghlan-floods",
            "River Post",
            "en",
            at(3),
            x,
        ),
        draft(
            "Girls' schools reopen in Herat after winter break",
            &[
                "Primary schools in Herat reopened on Saturday after the long winter break.",
                "About 35 percent of enrolled pupils attended on the first day, teachers said.",
            ],
            "https://valley-herald.example/news/herat-schools",
            "Valley Herald",
            "en",
            at(-20),
            x,
        ),
    ];
    let report = store.import_articles(&drafts).await.expect("import");
    let ids: Vec<ArticleId> = report.outcomes.iter().map(|o| o.id()).collect();
    let (english, dari, pashto, syndicated, schools) = (ids[0], ids[1], ids[2], ids[3], ids[4]);

    let person = EntityDraft {
        key: Some("person:ahmad-karimi".into()),
        name: w("Ahmad Karimi", x),
        kind: EntityKind::Person,
        aliases: vec!["احمد کریمی".into()],
        mentions: vec![(w("Ahmad Karimi", x), 2)],
    };
    let place = EntityDraft {
        key: Some("place:baghlan".into()),
        name: w("Baghlan", x),
        kind: EntityKind::Place,
        aliases: vec!["بغلان".into()],
        mentions: vec![(w("Baghlan", x), 0)],
    };
    let figure = |about: &str, sentence: &str| Figure {
        article: ArticleId(0),
        value: 1200.0,
        unit: Some(w("families", x)),
        approx: Some(Approx::AtLeast),
        about: w(about, x),
        cited_source: Some(w("local officials", x)),
        sentence: w(sentence, x),
    };
    let flood_topics = vec![w("disaster", x), w("humanitarian", x)];
    let analyses = [
        (
            english,
            Analysis {
                teaser: None,
                topics: flood_topics.clone(),
                topic_evidence: vec![(w("disaster", x), vec![w("flooded", x), w("storm", x)])],
                entities: vec![person.clone(), place.clone()],
                quotes: vec![Quote {
                    article: ArticleId(0),
                    speaker: w("Ahmad Karimi", x),
                    speaker_entity: None,
                    quote: w("We need urgent help before the next storm", x),
                    sentence: w(
                        "\"We need urgent help before the next storm,\" said Ahmad Karimi, head of the provincial disaster office.",
                        x,
                    ),
                }],
                figures: vec![figure(
                    "families affected by the floods",
                    "Local officials said at least 1,200 families were affected.",
                )],
            },
        ),
        (
            dari,
            Analysis {
                teaser: None,
                topics: flood_topics.clone(),
                topic_evidence: vec![],
                entities: vec![
                    EntityDraft {
                        name: w("Ahmad Karimi", x),
                        mentions: vec![("احمد کریمی".into(), 2)],
                        ..person.clone()
                    },
                    EntityDraft {
                        mentions: vec![("بغلان".into(), 0)],
                        ..place.clone()
                    },
                ],
                quotes: vec![Quote {
                    article: ArticleId(0),
                    speaker: w("Ahmad Karimi", x),
                    speaker_entity: None,
                    quote: w("ما پیش از توفان بعدی به کمک فوری نیاز داریم.", x),
                    sentence: w(
                        "احمد کریمی گفت: «ما پیش از توفان بعدی به کمک فوری نیاز داریم.»",
                        x,
                    ),
                }],
                figures: vec![figure(
                    "خانواده‌های آسیب‌دیده",
                    "مقامات محلی می‌گویند دست‌کم ۱۲۰۰ خانواده آسیب دیده‌اند.",
                )],
            },
        ),
        (
            pashto,
            Analysis {
                topics: flood_topics.clone(),
                entities: vec![EntityDraft {
                    mentions: vec![("بغلان".into(), 0)],
                    ..place.clone()
                }],
                figures: vec![figure(
                    "اغېزمنې کورنۍ",
                    "سیمه ییزو چارواکو وویل چې لږ تر لږه ۱۲۰۰ کورنۍ اغېزمنې شوې دي.",
                )],
                ..Default::default()
            },
        ),
        (
            schools,
            Analysis {
                topics: vec![w("education", x)],
                figures: vec![Figure {
                    article: ArticleId(0),
                    value: 35.0,
                    unit: Some("%".into()),
                    approx: Some(Approx::About),
                    about: w("enrolled pupils who attended", x),
                    cited_source: Some(w("teachers", x)),
                    sentence: w(
                        "About 35 percent of enrolled pupils attended on the first day, teachers said.",
                        x,
                    ),
                }],
                ..Default::default()
            },
        ),
    ];
    for (id, a) in &analyses {
        store.save_analysis(*id, a).await.expect("analysis");
    }
    let title = w("Floods destroy homes in Baghlan province", x);
    let why = |s: &str| w(s, x);
    let flood_story = store
        .assign_story(
            english,
            &StoryAssignment {
                story: None,
                title: title.clone(),
                why: why("first report"),
                duplicate_of: None,
            },
        )
        .await
        .expect("story");
    for (id, reason, dup) in [
        (dari, "shares Baghlan, 1200 families; 1 h apart", None),
        (pashto, "shares Baghlan, 1200 families; 2 h apart", None),
        (syndicated, "same text as Valley Herald", Some(english)),
    ] {
        store
            .assign_story(
                id,
                &StoryAssignment {
                    story: Some(flood_story),
                    title: title.clone(),
                    why: why(reason),
                    duplicate_of: dup,
                },
            )
            .await
            .expect("story member");
    }
    let schools_story = store
        .assign_story(
            schools,
            &StoryAssignment {
                story: None,
                title: w("Girls' schools reopen in Herat after winter break", x),
                why: why("first report"),
                duplicate_of: None,
            },
        )
        .await
        .expect("story");

    let source = store
        .add_source(&SourceDraft {
            name: w("Valley Herald feed", x),
            url: match x {
                Some(_) => "javascript:alert(1)".into(),
                None => "https://valley-herald.example/feed/".into(),
            },
            kind: SourceKind::Feed,
            lang: Some("en".parse().expect("lang")),
            origin: SourceOrigin::Cli,
            pattern: None,
        })
        .await
        .expect("source");
    store
        .record_fetch(
            source.id,
            &FetchRecord {
                at: Utc::now() - Duration::minutes(20),
                status: "Timeout".into(),
                error: Some(w("Timeout: no answer in 30 s", x)),
                etag: None,
                last_modified: None,
                new_items: 0,
                next_fetch_at: Utc::now() + Duration::minutes(40),
                poll_secs: 3600,
            },
        )
        .await
        .expect("fetch record");

    let entities = store
        .list_entities(None, Some(10), 0)
        .await
        .expect("entities");
    let find = |k: EntityKind| {
        entities
            .iter()
            .find(|e| e.entity.kind == k)
            .map(|e| e.entity.id)
            .expect("entity")
    };
    Seeded {
        english,
        dari,
        pashto,
        syndicated,
        schools,
        flood_story,
        schools_story,
        person: find(EntityKind::Person),
        place: find(EntityKind::Place),
    }
}

const TOWNS: &[&str] = &[
    "Varesh",
    "Dasht-e Nur",
    "Kuhsar",
    "Sangab",
    "Pul-e Sabz",
    "Nawabad",
    "Tagab-e Naw",
    "Zarghun",
];
const EVENTS: &[&str] = &[
    "a new clinic opens",
    "the road to the market reopens",
    "wheat prices rise again",
    "teachers ask for unpaid salaries",
    "a bridge is repaired after floods",
    "returnees settle on the edge of town",
];

/// `n` more generated articles (English and Dari, several outlets), put
/// into stories of five, with topics and a figure each: enough to measure
/// page times on a big store. Imported in batches of 1,000.
pub async fn bulk(store: &dyn Store, n: u32) {
    let outlets = [
        "Valley Herald",
        "River Post",
        "خبرگزاری نمونه",
        "Hill Gazette",
    ];
    let mut done = 0u32;
    let mut story: Option<StoryId> = None;
    while done < n {
        let batch = (n - done).min(1000);
        let drafts: Vec<ArticleDraft> = (done..done + batch)
            .map(|i| {
                let town = TOWNS[i as usize % TOWNS.len()];
                let event = EVENTS[(i / 5) as usize % EVENTS.len()];
                let fa = i % 4 == 2;
                let (title, body) = if fa {
                    (
                        format!("گزارش شماره {i}: رویداد تازه در {town}"),
                        vec![
                            format!("باشندگان {town} می‌گویند که این رویداد زندگی روزمره را تغییر داده است."),
                            format!("به گفته مقامات، {} خانواده از این وضعیت متاثر شده‌اند.", 100 + i % 900),
                        ],
                    )
                } else {
                    (
                        format!("In {town}, {event} (report {i})"),
                        vec![
                            format!("Residents of {town} said that {event}, changing daily life in the district."),
                            format!("Officials said {} families were affected by the change.", 100 + i % 900),
                            "Aid groups said they would visit the area again next week.".to_string(),
                        ],
                    )
                };
                let mut d = ArticleDraft::new(title, body)
                    .with_url(format!("https://bulk.example/{i}"));
                d.source = Some(outlets[i as usize % outlets.len()].into());
                d.lang = Some(if fa { "fa" } else { "en" }.parse().expect("lang"));
                d.published_at = Some(t("2024-01-01T08:00:00+04:30") + Duration::minutes(i64::from(i) * 7));
                d
            })
            .collect();
        let report = store.import_articles(&drafts).await.expect("bulk import");
        for (k, o) in report.outcomes.iter().enumerate() {
            let i = done + k as u32;
            let id = o.id();
            store
                .save_analysis(
                    id,
                    &Analysis {
                        topics: vec![
                            ["security", "economy", "health", "education"][i as usize % 4].into(),
                        ],
                        figures: vec![Figure {
                            article: ArticleId(0),
                            value: f64::from(100 + i % 900),
                            unit: Some("families".into()),
                            approx: None,
                            about: "families affected".into(),
                            cited_source: Some("officials".into()),
                            sentence: "Officials said families were affected.".into(),
                        }],
                        ..Default::default()
                    },
                )
                .await
                .expect("bulk analysis");
            let s = store
                .assign_story(
                    id,
                    &StoryAssignment {
                        story: if i.is_multiple_of(5) { None } else { story },
                        title: drafts[k].title.clone(),
                        why: "same town and event".into(),
                        duplicate_of: None,
                    },
                )
                .await
                .expect("bulk story");
            story = Some(s);
        }
        done += batch;
        if done.is_multiple_of(100_000) {
            eprintln!("  {done} bulk articles");
        }
    }
}
