//! Behaviour of the clusterer on hand-written stories.

use khabar_stories::{Baseline, Clusterer, Config, Doc, StoryKey};

use crate::{at, doc};

const QUAKE_HERAT_1: &str = "A strong earthquake of magnitude 6.3 struck Herat province \
    on Saturday morning, flattening mud-brick houses in the villages of Zinda Jan \
    district. Provincial officials in Herat said at least 320 people had died and \
    hundreds were trapped. Rescue teams from the Red Crescent reached Zinda Jan by \
    the afternoon, and the governor of Herat asked for tents and blankets.";
const QUAKE_HERAT_2: &str = "Rescuers dug through rubble in Zinda Jan after the 6.3 \
    magnitude quake that hit Herat on Saturday. The death toll rose to 320, a \
    spokesman for the Herat governor said, as aid agencies sent tents, food and \
    medical teams to the district. Survivors in Herat described walls collapsing \
    within seconds.";
const QUAKE_KUNAR: &str = "An earthquake of magnitude 5.1 shook Kunar province on \
    Tuesday night, damaging houses in Asadabad and the Pech valley. Officials in \
    Kunar said 14 people were injured and two schools were damaged. The governor \
    of Kunar asked for tents and blankets as aftershocks continued in Asadabad \
    through the night.";

#[test]
fn two_earthquakes_of_the_same_kind_stay_apart() {
    let mut c = Clusterer::new(Config::default());
    let a = c.add(doc(
        "h1",
        "Agency A",
        0,
        "Earthquake kills hundreds in Herat",
        QUAKE_HERAT_1,
    ));
    let b = c.add(doc(
        "h2",
        "Outlet B",
        3,
        "Herat quake toll rises to 320",
        QUAKE_HERAT_2,
    ));
    let k = c.add(doc(
        "k1",
        "Agency A",
        72,
        "Earthquake injures 14 in Kunar",
        QUAKE_KUNAR,
    ));
    assert_eq!(a.story, b.story, "{}", b.why);
    assert!(b.duplicate_of.is_none());
    assert!(b.why.contains("Herat"), "{}", b.why);
    assert!(b.why.contains("3 h apart"), "{}", b.why);
    assert_ne!(k.story, a.story, "{}", k.why);
    assert!(k.new_story);
    assert!(k.why.starts_with("new story"), "{}", k.why);
}

#[test]
fn a_story_is_titled_by_its_most_representative_headline() {
    let mut c = Clusterer::new(Config::default());
    // The first article's headline is a generic label with a site name.
    let a = c.add(doc(
        "t1",
        "Agency A",
        0,
        "Live: latest news | Agency A",
        QUAKE_HERAT_1,
    ));
    assert_eq!(a.title, "Live: latest news | Agency A", "alone, its own");
    let b = c.add(doc(
        "t2",
        "Outlet B",
        2,
        "Herat earthquake: death toll rises to 320 in Zinda Jan",
        QUAKE_HERAT_2,
    ));
    assert_eq!(a.story, b.story, "{}", b.why);
    assert_eq!(
        b.title, "Herat earthquake: death toll rises to 320 in Zinda Jan",
        "the headline made of the story's words wins over the first one"
    );
    assert_eq!(c.title(a.story), b.title);
    // A headline that only some of the story's words back does not replace
    // the one the story is about.
    let d = c.add(doc(
        "t3",
        "Outlet C",
        4,
        "Aid agencies send tents",
        &QUAKE_HERAT_2.replace("Survivors", "Residents"),
    ));
    assert_eq!(d.story, a.story, "{}", d.why);
    assert_eq!(d.title, b.title);
    // An unknown story has no title.
    assert_eq!(c.title(StoryKey(9_999)), "");
}

#[test]
fn a_wire_copy_joins_its_original_and_is_marked() {
    let mut c = Clusterer::new(Config::default());
    let orig = c.add(doc(
        "w1",
        "Wire",
        0,
        "Earthquake kills hundreds in Herat",
        QUAKE_HERAT_1,
    ));
    c.add(doc(
        "k1",
        "Agency A",
        1,
        "Earthquake injures 14 in Kunar",
        QUAKE_KUNAR,
    ));
    // Republished with a new headline and a different case of the text.
    let copy = c.add(doc(
        "w2",
        "Outlet C",
        2,
        "Hundreds dead",
        &QUAKE_HERAT_1.to_uppercase(),
    ));
    assert_eq!(copy.story, orig.story);
    assert_eq!(copy.duplicate_of.as_deref(), Some("w1"));
    assert!(copy.why.starts_with("exact copy of w1"), "{}", copy.why);
    // A lightly edited copy: one word changed.
    let edited = QUAKE_HERAT_1.replace("afternoon", "evening");
    let near = c.add(doc("w3", "Outlet D", 3, "Herat earthquake", &edited));
    assert_eq!(near.story, orig.story);
    assert_eq!(near.duplicate_of.as_deref(), Some("w1"));
    assert!(near.why.contains("near-duplicate of w1"), "{}", near.why);
}

#[test]
fn english_and_dari_articles_meet_through_entities_and_figures() {
    let mut c = Clusterer::new(Config::default());
    let entities = vec!["place:herat".to_string(), "org:red crescent".to_string()];
    let en = Doc {
        entities: entities.clone(),
        numbers: vec![320.0, 6.3],
        ..doc(
            "en",
            "Agency A",
            0,
            "Earthquake kills hundreds in Herat",
            QUAKE_HERAT_1,
        )
    };
    // Written for this test: "An earthquake of magnitude ۶٫۳ struck Herat;
    // 320 people died, the Red Crescent said."
    let fa = Doc {
        entities,
        numbers: vec![320.0, 6.3],
        lang: Some("fa".into()),
        ..doc(
            "fa",
            "Outlet F",
            2,
            "زلزله در هرات",
            "زلزله‌ای به بزرگی ۶٫۳ ریشتر ولایت هرات را لرزاند و ۳۲۰ تن جان باختند. \
             جمعیت هلال احمر گفت که تیم‌های امدادی به ولسوالی زنده‌جان رسیده‌اند.",
        )
    };
    let other = Doc {
        entities: vec!["place:kunar".to_string()],
        numbers: vec![14.0, 5.1],
        ..doc(
            "k",
            "Agency A",
            1,
            "Earthquake injures 14 in Kunar",
            QUAKE_KUNAR,
        )
    };
    let a = c.add(en);
    c.add(other);
    let b = c.add(fa);
    assert_eq!(a.story, b.story, "{}", b.why);
    assert!(b.why.contains("herat"), "{}", b.why);
}

#[test]
fn the_same_dari_article_without_entity_keys_stays_apart() {
    // The contrast to the test above: without language-independent evidence
    // a Dari and an English article share almost nothing.
    let mut c = Clusterer::new(Config::default());
    let a = c.add(doc(
        "en",
        "A",
        0,
        "Earthquake kills hundreds in Herat",
        QUAKE_HERAT_1,
    ));
    let b = c.add(doc(
        "fa",
        "F",
        2,
        "زلزله در هرات",
        "زلزله‌ای ولایت هرات را لرزاند و خانه‌های زیادی ویران شد.",
    ));
    assert_ne!(a.story, b.story, "{}", b.why);
}

#[test]
fn a_story_closes_after_the_window() {
    let cfg = Config {
        window: chrono::TimeDelta::days(2),
        ..Config::default()
    };
    let mut c = Clusterer::new(cfg);
    let a = c.add(doc(
        "h1",
        "A",
        0,
        "Earthquake kills hundreds in Herat",
        QUAKE_HERAT_1,
    ));
    let late = c.add(doc(
        "h2",
        "B",
        24 * 10,
        "Herat quake toll rises to 320",
        QUAKE_HERAT_2,
    ));
    assert_ne!(a.story, late.story, "{}", late.why);
}

#[test]
fn restore_rebuilds_state_and_keeps_story_keys() {
    let mut c = Clusterer::new(Config::default());
    c.restore(
        doc(
            "h1",
            "A",
            0,
            "Earthquake kills hundreds in Herat",
            QUAKE_HERAT_1,
        ),
        StoryKey(41),
    );
    c.restore(
        doc("k1", "A", 1, "Earthquake injures 14 in Kunar", QUAKE_KUNAR),
        StoryKey(7),
    );
    let b = c.add(doc(
        "h2",
        "B",
        3,
        "Herat quake toll rises to 320",
        QUAKE_HERAT_2,
    ));
    assert_eq!(b.story, StoryKey(41), "{}", b.why);
    let copy = c.add(doc("k2", "C", 4, "Kunar", QUAKE_KUNAR));
    assert_eq!(copy.story, StoryKey(7));
    let new = c.add(doc(
        "x",
        "C",
        5,
        "Central bank raises rates",
        "The central bank raised \
        its main rate by half a point, citing food and fuel prices in the cities.",
    ));
    assert!(
        new.story.0 > 41,
        "new keys never reuse restored ones: {:?}",
        new.story
    );
}

#[test]
fn eviction_keeps_the_window_bounded() {
    let cfg = Config {
        max_window_docs: 3,
        ..Config::default()
    };
    let mut c = Clusterer::new(cfg);
    for i in 0..10 {
        c.add(doc(
            &format!("d{i}"),
            "A",
            i,
            &format!("Item {i}"),
            &format!("Text number {i}."),
        ));
    }
    assert_eq!(c.window_len(), 3);
    assert_eq!(c.peak_window(), 3);
    c.evict_before(at(100).unwrap());
    assert_eq!(c.window_len(), 0);
    assert_eq!(c.story_count(), 0);
}

#[test]
fn the_baseline_joins_at_its_threshold_only() {
    let mut b = Baseline::new(0.1);
    let x = b.add(&doc(
        "h1",
        "A",
        0,
        "Earthquake kills hundreds in Herat",
        QUAKE_HERAT_1,
    ));
    let y = b.add(&doc(
        "h2",
        "B",
        3,
        "Herat quake toll rises to 320",
        QUAKE_HERAT_2,
    ));
    assert_eq!(x, y);
    let mut strict = Baseline::new(0.99);
    let x = strict.add(&doc(
        "h1",
        "A",
        0,
        "Earthquake kills hundreds in Herat",
        QUAKE_HERAT_1,
    ));
    let y = strict.add(&doc(
        "h2",
        "B",
        3,
        "Herat quake toll rises to 320",
        QUAKE_HERAT_2,
    ));
    assert_ne!(x, y);
}

/// Invented words: a language's function words, and one content word per
/// (article, slot).
const FUNCTION_WORDS: [&str; 10] = [
    "zo", "ka", "pem", "dav", "wol", "mir", "nek", "taj", "yun", "sab",
];

fn content(article: usize, words: usize) -> Vec<String> {
    (0..words).map(|w| format!("lex{article}x{w}")).collect()
}

#[test]
fn a_minority_languages_function_words_do_not_join_its_articles() {
    let mut c = Clusterer::new(Config::default());
    // Thirty English articles on thirty subjects fill the window.
    for i in 0..30 {
        let text = format!(
            "Officials said the {} was reported.",
            content(i, 12).join(" ")
        );
        c.add(Doc {
            lang: Some("en".into()),
            ..doc(
                &format!("en{i}"),
                "Outlet",
                i as i64,
                &content(i, 3).join(" "),
                &text,
            )
        });
    }
    // Twenty articles in another language, on twenty subjects: they share
    // only that language's function words, which every one of them uses and
    // which make up two thirds of their words.
    let mut stories = Vec::new();
    for i in 100..120 {
        let mut words = Vec::new();
        for (n, w) in content(i, 10).into_iter().enumerate() {
            words.push(w);
            words.push(FUNCTION_WORDS[n].to_string());
            words.push(FUNCTION_WORDS[(n + 3) % 10].to_string());
        }
        let a = c.add(Doc {
            lang: Some("xx".into()),
            ..doc(
                &format!("xx{i}"),
                "Outlet",
                40,
                &content(i, 3).join(" "),
                &words.join(" "),
            )
        });
        stories.push(a.story);
    }
    stories.sort();
    stories.dedup();
    // Counted against all fifty articles those words looked rare and
    // all twenty articles became one story. Counted against the twenty of
    // their language they weigh little; the first few articles still cannot
    // tell function words from shared subject words.
    assert!(
        stories.len() >= 12,
        "{} stories: {stories:?}",
        stories.len()
    );
}

/// Invented award-show articles: two hosts of two different years.
const MARSH_1: &str = "The Golden Reel Academy named comedian Lena Marsh as host of \
    next year's Golden Reel awards on Tuesday. Lena Marsh hosted the show once before \
    and said she was thrilled to return. Academy president Oskar Vell praised Marsh.";
const MARSH_2: &str = "Lena Marsh will host the Golden Reel awards again, the academy \
    said. Marsh, a comedian and talk show star, promised a shorter ceremony. Oskar Vell \
    said Marsh was the first choice of the producers.";
const BRANDT: &str = "Actor Tomas Brandt will host the Golden Reel awards, the academy \
    announced. Brandt, a singer and dancer from the stage, said hosting was a dream. \
    Producers Ida Kern and Paul Sorel chose Brandt for his musical numbers, and Kern \
    said Brandt would open the show with a song.";
const MARSH_3: &str = "Comedian Lena Marsh returns to host the Golden Reel awards, the \
    academy said on Tuesday. Marsh follows Tomas Brandt, who hosted a year earlier. \
    Oskar Vell said Marsh would bring her talk show humour to the ceremony, and Marsh \
    thanked the academy.";

fn host_stream(cfg: Config) -> Vec<khabar_stories::Assignment> {
    let mut c = Clusterer::new(cfg);
    vec![
        c.add(doc(
            "m1",
            "A",
            0,
            "Lena Marsh to host Golden Reel awards",
            MARSH_1,
        )),
        c.add(doc(
            "m2",
            "B",
            1,
            "Marsh returns as Golden Reel host",
            MARSH_2,
        )),
        c.add(doc(
            "b1",
            "C",
            2,
            "Tomas Brandt to host Golden Reel awards",
            BRANDT,
        )),
        c.add(doc(
            "m3",
            "D",
            3,
            "Lena Marsh returns to host the Golden Reel",
            MARSH_3,
        )),
    ]
}

#[test]
fn an_article_far_closer_to_one_story_does_not_bridge_another() {
    // A low merge threshold, so that only the ratio decides.
    let loose = Config {
        merge_threshold: 0.3,
        ..Config::default()
    };
    let a = host_stream(Config {
        bridge_ratio: 0.0,
        ..loose.clone()
    });
    assert_eq!(a[0].story, a[1].story, "{}", a[1].why);
    assert_ne!(a[2].story, a[0].story, "{}", a[2].why);
    assert_eq!(a[3].story, a[0].story, "{}", a[3].why);
    // Without the ratio, the Marsh article bridges the Brandt story in...
    assert_eq!(a[3].merged, [a[2].story], "{}", a[3].why);
    assert!(a[3].why.contains("bridges story"), "{}", a[3].why);
    // ... with it, it matches the Marsh story far better and bridges nothing.
    let b = host_stream(loose);
    assert_eq!(b[3].story, b[0].story, "{}", b[3].why);
    assert!(b[3].merged.is_empty(), "{}", b[3].why);
    assert_ne!(b[2].story, b[0].story);
}

/// Invented English articles on a gadget, each naming one rival in passing.
fn watch_article(i: usize) -> Doc {
    let rivals = ["Kestrel", "Nimbus", "Quill", "Sorrel", "Tamarin", "Umber"];
    Doc {
        entities: vec![
            "org:pomelo".into(),
            "product:orbit watch".into(),
            format!("org:{}", rivals[i].to_lowercase()),
        ],
        lang: Some("en".into()),
        ..doc(
            &format!("w{i}"),
            &format!("Outlet {i}"),
            i as i64,
            "Pomelo Orbit watch survives the shower",
            &format!(
                "The Pomelo Orbit watch is water resistant enough to wear in the shower, \
                 Pomelo's chief said at a briefing. Analysts compared it with a {} watch.",
                rivals[i]
            ),
        )
    }
}

/// A short article in another script (invented), so that it meets the
/// English story through entity keys only.
fn foreign(id: &str, entities: &[&str]) -> Doc {
    Doc {
        entities: entities.iter().map(|e| e.to_string()).collect(),
        lang: Some("fa".into()),
        ..doc(
            id,
            "Outlet F",
            6,
            "خبر تازه",
            "شرکت‌ها گزارش تازه‌ای منتشر کردند.",
        )
    }
}

fn watch_story(extra: Doc) -> (StoryKey, khabar_stories::Assignment) {
    let mut c = Clusterer::new(Config::default());
    // Other subjects in the window, so that entity keys have a rarity.
    for i in 0..30 {
        c.add(Doc {
            entities: vec![format!("place:town {i}")],
            lang: Some("en".into()),
            ..doc(
                &format!("o{i}"),
                "Other",
                0,
                &format!("{} meets", content(i, 2).join(" ")),
                &format!(
                    "The {} met to discuss {}.",
                    content(i, 3).join(" "),
                    content(i + 50, 4).join(" ")
                ),
            )
        });
    }
    let first = c.add(watch_article(0));
    for i in 1..6 {
        let a = c.add(watch_article(i));
        assert_eq!(a.story, first.story, "{}", a.why);
    }
    (first.story, c.add(extra))
}

#[test]
fn entities_one_member_of_a_grown_story_named_are_weak_evidence() {
    // The story's own entities, named by every member: the article joins.
    let (story, central) = watch_story(foreign("c", &["org:pomelo", "product:orbit watch"]));
    assert_eq!(central.story, story, "{}", central.why);
    // Three rivals, each named in passing by one of six members: they are
    // all in the story, but it is not about them.
    let (story, rivals) = watch_story(foreign("r", &["org:kestrel", "org:nimbus", "org:quill"]));
    assert_ne!(rivals.story, story, "{}", rivals.why);
}

/// An English story citing two figures, among thirty other English
/// articles that all cite a third ("25"), then `extra`.
fn figures_stream(cfg: Config, extra: Doc) -> (StoryKey, khabar_stories::Assignment) {
    let mut c = Clusterer::new(cfg);
    for i in 0..30 {
        c.add(Doc {
            lang: Some("en".into()),
            ..doc(
                &format!("o{i}"),
                "Other",
                0,
                &content(i, 2).join(" "),
                &format!("The {} counted 25 of them.", content(i, 8).join(" ")),
            )
        });
    }
    let text = format!(
        "The Varnel dam board said 4,812 families left the valley after the river \
         rose 37.5 centimetres overnight. {}",
        content(200, 40).join(" ")
    );
    let a = c.add(Doc {
        lang: Some("en".into()),
        ..doc("v1", "Outlet A", 1, "Valley evacuated", &text)
    });
    let b = c.add(Doc {
        lang: Some("en".into()),
        ..doc("v2", "Outlet B", 2, "Families leave valley", &text)
    });
    assert_eq!(a.story, b.story, "{}", b.why);
    (a.story, c.add(extra))
}

/// An article in another language and script: invented words, the figures
/// in Persian digits, and two figures of its own.
fn translation(figures: &str) -> Doc {
    Doc {
        lang: Some("fa".into()),
        ..doc(
            "t",
            "Outlet F",
            3,
            &content(300, 3).join(" "),
            &format!(
                "{} {figures} ۶۴۰ ۹۱۳ {}",
                content(301, 30).join(" "),
                content(302, 30).join(" ")
            ),
        )
    }
}

#[test]
fn a_translation_joins_its_story_in_another_language_on_its_figures() {
    // The same two figures, in another script: no word can be shared with
    // a story with no member in the article's language.
    let (story, t) = figures_stream(Config::default(), translation("۴٬۸۱۲ ۳۷٫۵"));
    assert_eq!(t.story, story, "{}", t.why);
    // Held to the bar of a same-language article, it would not join.
    let strict = Config {
        cross_language_threshold: Config::default().threshold,
        w_numbers_cross_language: Config::default().w_numbers,
        ..Config::default()
    };
    let (story, t) = figures_stream(strict, translation("۴٬۸۱۲ ۳۷٫۵"));
    assert_ne!(t.story, story, "{}", t.why);
    // A figure every article cites is no evidence.
    let (story, t) = figures_stream(Config::default(), translation("۲۵"));
    assert_ne!(t.story, story, "{}", t.why);
}

/// An English story on invented people and a town, among thirty other
/// English articles, then `extra`.
fn names_stream(cfg: Config, extra: Doc) -> (StoryKey, khabar_stories::Assignment) {
    let mut c = Clusterer::new(cfg);
    for i in 0..30 {
        c.add(Doc {
            lang: Some("en".into()),
            ..doc(
                &format!("o{i}"),
                "Other",
                0,
                &content(i, 2).join(" "),
                &format!("The {} counted them.", content(i, 8).join(" ")),
            )
        });
    }
    let text = format!(
        "The mayor of Dumbarek, Torvalo Brenkiss, said 4,812 families left after \
         the flood. Brenkiss asked Dumbarek to stay calm. {}",
        content(200, 40).join(" ")
    );
    let a = c.add(Doc {
        lang: Some("en".into()),
        ..doc("v1", "Outlet A", 1, "Dumbarek flooded", &text)
    });
    let b = c.add(Doc {
        lang: Some("en".into()),
        ..doc("v2", "Outlet B", 2, "Families leave Dumbarek", &text)
    });
    assert_eq!(a.story, b.story, "{}", b.why);
    (a.story, c.add(extra))
}

/// An article in Russian (invented words) citing the story's figure and
/// eight of its own, about the people `names` (Cyrillic).
fn russian(names: &str) -> Doc {
    let words = |k: usize, n: usize| {
        (0..n)
            .map(|w| format!("слово{k}ъ{w}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    Doc {
        lang: Some("ru".into()),
        ..doc(
            "r",
            "Outlet R",
            3,
            &words(1, 3),
            &format!(
                "{} 4812 {names} 640 913 5170 2288 731 1402 3391 8817. {}",
                words(2, 20),
                words(3, 20)
            ),
        )
    }
}

#[test]
fn names_written_in_another_script_are_shared_evidence() {
    // The same people and town in Cyrillic: the names meet across scripts.
    let names = "мэр Думбарек Торвало Бренкисс";
    let (story, r) = names_stream(Config::default(), russian(names));
    assert_eq!(r.story, story, "{}", r.why);
    assert!(r.why.contains("Бренкисс"), "{}", r.why);
    // Without that evidence, the one shared figure is not enough.
    let blind = Config {
        w_skeletons: 0.0,
        ..Config::default()
    };
    let (story, r) = names_stream(blind, russian(names));
    assert_ne!(r.story, story, "{}", r.why);
    // Other people, in the same script: no evidence.
    let (story, r) = names_stream(
        Config::default(),
        russian("мэр Гальвестин Орекса Милдунова"),
    );
    assert_ne!(r.story, story, "{}", r.why);
}

const ARREST_VELASQUEZ: &str = "Harbor City Comets receiver Dario Velasquez was \
    arrested early on Tuesday on suspicion of drunk driving, the highway patrol said. \
    Officers stopped Velasquez on the coast road after he failed a sobriety test. \
    The Comets said they were aware of the arrest of Velasquez and would not comment. \
    Velasquez was on probation for an earlier driving offence, and the league may \
    suspend Velasquez for several games. Coach Lena Marsh said Velasquez would \
    still travel with the team.";
const ARREST_VELASQUEZ_2: &str = "The highway patrol arrested Comets receiver Dario \
    Velasquez on Tuesday on suspicion of drunk driving. Velasquez failed a sobriety \
    test on the coast road, officers said, and Velasquez was already on probation. \
    The league is expected to suspend Velasquez, and the Comets said Velasquez \
    would travel to the playoff game.";
const ARREST_OKAFOR: &str = "Harbor City Comets lineman Tomas Okafor was arrested \
    on suspicion of drunk driving early on Sunday, the highway patrol said. Officers \
    stopped Okafor for speeding on the coast road and Okafor took a blood test. \
    The team said Okafor was released on bail and that Okafor would meet the \
    league. Okafor is the second Comets player arrested this month: receiver \
    Dario Velasquez was held on the coast road last week, and Velasquez is on \
    probation. Coach Lena Marsh said Okafor would not play.";

fn arrest(id: &str, h: i64, title: &str, text: &str, persons: &[&str]) -> Doc {
    let mut entities: Vec<String> = persons.iter().map(|p| format!("person:{p}")).collect();
    entities.push("organization:harbor-city-comets".into());
    entities.push("person:lena-marsh".into());
    Doc {
        entities,
        ..doc(id, "Outlet", h, title, text)
    }
}

fn arrests(cfg: Config) -> [khabar_stories::Assignment; 3] {
    let mut c = Clusterer::new(cfg);
    let persons = ["dario-velasquez"];
    let a = c.add(arrest(
        "v1",
        0,
        "Comets receiver arrested",
        ARREST_VELASQUEZ,
        &persons,
    ));
    let b = c.add(arrest(
        "v2",
        2,
        "Receiver held on driving charge",
        ARREST_VELASQUEZ_2,
        &persons,
    ));
    let o = c.add(arrest(
        "o1",
        120,
        "Second Comets player faces driving charge",
        ARREST_OKAFOR,
        &["tomas-okafor", "dario-velasquez"],
    ));
    [a, b, o]
}

#[test]
fn an_article_about_another_person_does_not_join_a_story() {
    // Without the persons' evidence the second arrest joins the first's
    // story: it shares the team, the charge, the road and the coach.
    let blind = arrests(Config {
        w_central_conflict: 0.0,
        ..Config::default()
    });
    assert_eq!(blind[2].story, blind[0].story, "{}", blind[2].why);
    let [a, b, o] = arrests(Config::default());
    // A second report about the same player joins.
    assert_eq!(b.story, a.story, "{}", b.why);
    // The report about another player, who names the first in passing,
    // starts its own story, and says why.
    assert_ne!(o.story, a.story, "{}", o.why);
    assert!(
        o.why
            .contains("persons differ: about Okafor, not Velasquez"),
        "{}",
        o.why
    );
}

const FIRED_MARSH: &str = "The Harbor City Comets fired head coach Lena Marsh on \
    Saturday after a run of eight losses in ten games. General manager Omar Reyes \
    said Marsh had the respect of the players, but the Comets needed a change. \
    Assistant coach Tariq Bell will lead the Comets for the rest of the season, and \
    Marsh will be paid for the final year of her contract.";
const HIRED_MARSH: &str = "Lena Marsh was introduced as the new head coach of the \
    Harbor City Comets. Marsh, who played for the Comets for nine seasons, signed a \
    three-year contract, general manager Omar Reyes said. Marsh said the Comets had \
    the players to reach the playoffs.";
const SUCCESSION: &str = "The Harbor City Comets fired head coach Lena Marsh and \
    hired Tariq Bell to replace her. General manager Omar Reyes said Marsh had the \
    respect of the players, and Bell will lead the Comets for the rest of the season.";

fn coach(id: &str, h: i64, title: &str, text: &str) -> Doc {
    Doc {
        entities: vec![
            "organization:harbor-city-comets".into(),
            "person:lena-marsh".into(),
            "person:omar-reyes".into(),
            "person:tariq-bell".into(),
        ],
        ..doc(id, "Outlet", h, title, text)
    }
}

fn coaches(cfg: Config, second: Doc) -> [khabar_stories::Assignment; 2] {
    let mut c = Clusterer::new(cfg);
    let a = c.add(coach("f1", 0, "Comets fire coach Lena Marsh", FIRED_MARSH));
    [a, c.add(second)]
}

#[test]
fn a_headline_reporting_the_opposite_event_about_the_same_person_stays_apart() {
    let hired = || {
        coach(
            "h1",
            30,
            "Comets hire Lena Marsh as head coach",
            HIRED_MARSH,
        )
    };
    // Without the events' evidence the hiring joins the firing's story: it
    // shares the team, the coach, the manager and the contract.
    let [a, b] = coaches(
        Config {
            w_event_conflict: 0.0,
            ..Config::default()
        },
        hired(),
    );
    assert_eq!(b.story, a.story, "{}", b.why);
    let [a, b] = coaches(Config::default(), hired());
    assert_ne!(b.story, a.story, "{}", b.why);
    assert!(b.why.contains("events differ: hire, not fire"), "{}", b.why);
    // A headline with both sides reports a succession, not the opposite
    // event: it joins.
    let both = coach("s1", 2, "Comets fire Marsh, hire Bell", SUCCESSION);
    let [a, b] = coaches(Config::default(), both);
    assert_eq!(b.story, a.story, "{}", b.why);
    assert!(!b.why.contains("events differ"), "{}", b.why);
    // Hiring someone else to replace the fired coach befalls another
    // person: no opposed event, whatever else decides.
    let successor = coach(
        "r1",
        3,
        "Comets hire Tariq Bell to replace Marsh",
        SUCCESSION,
    );
    let [_, b] = coaches(Config::default(), successor);
    assert!(!b.why.contains("events differ"), "{}", b.why);
}
