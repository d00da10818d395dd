//! Entities: gazetteer, rules for unknown names, merging of spellings.

use khabar_model::EntityKind;
use khabar_understand::entities::{FoundEntity, find};

fn paras(text: &[&str]) -> Vec<String> {
    text.iter().map(|s| s.to_string()).collect()
}

fn by_key<'a>(found: &'a [FoundEntity], key: &str) -> &'a FoundEntity {
    found.iter().find(|e| e.key == key).unwrap_or_else(|| {
        panic!(
            "no {key} in {:#?}",
            found.iter().map(|e| &e.key).collect::<Vec<_>>()
        )
    })
}

#[test]
fn a_known_person_has_one_key_in_english_dari_and_pashto() {
    let en = find(
        &paras(&["Matiul Haq Khalis arrived in Baku on Monday."]),
        Some("en"),
    );
    let fa = find(
        &paras(&["متیع‌الحق خالص روز دوشنبه به باکو رسید."]),
        Some("fa"),
    );
    let ps = find(
        &paras(&["مطیع الحق خالص دوشنبه باکو ته ورسید."]),
        Some("ps"),
    );
    for found in [&en, &fa, &ps] {
        let e = by_key(found, "person:matiul-haq-khalis");
        assert_eq!(e.name, "Matiul Haq Khalis");
        assert!(e.known);
        assert_eq!(e.kind, EntityKind::Person);
        by_key(found, "place:baku");
    }
}

#[test]
fn a_misspelling_and_a_surname_join_the_full_name() {
    let p = paras(&[
        "Matuil Haq Khalis, who heads the agency, spoke to reporters.",
        "Later, Khalis said the floods had destroyed 300 homes.",
    ]);
    let found = find(&p, Some("en"));
    let e = by_key(&found, "person:matiul-haq-khalis");
    let surfaces: Vec<&str> = e.mentions.iter().map(|m| m.surface.as_str()).collect();
    assert_eq!(surfaces, ["Matuil Haq Khalis", "Khalis"]);
    assert!(e.aliases.contains(&"Matuil Haq Khalis".to_string()));
    // Offsets point at the surface in its paragraph.
    for m in &e.mentions {
        assert_eq!(
            &p[m.paragraph as usize][m.start..m.start + m.surface.len()],
            m.surface
        );
    }
}

#[test]
fn misspelt_names_the_gazetteer_does_not_know_are_merged_too() {
    let p = paras(&[
        "Rahmatullah Nabizada, a farmer, lost his harvest.",
        "Rahmatullah Nabizadah told reporters the water came at night. Nabizada left.",
    ]);
    let found = find(&p, Some("en"));
    let people: Vec<&FoundEntity> = found
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    assert_eq!(people.len(), 1, "{people:#?}");
    assert_eq!(people[0].name, "Rahmatullah Nabizada");
    assert_eq!(people[0].key, "person:rahmatullah-nabizada");
    assert_eq!(people[0].mentions.len(), 3);
    assert!(!people[0].known);
}

#[test]
fn an_acronym_joins_its_expansion() {
    let p = paras(&[
        "The United Nations High Commissioner for Refugees (UNHCR) counted the returns.",
        "The Afghan Women Skills Development Center (AWSDC) opened a workshop.",
        "UNHCR and AWSDC signed an agreement.",
    ]);
    let found = find(&p, Some("en"));
    assert_eq!(by_key(&found, "organization:unhcr").mentions.len(), 3);
    let awsdc = by_key(
        &found,
        "organization:afghan-women-skills-development-center",
    );
    assert_eq!(awsdc.kind, EntityKind::Organization);
    assert_eq!(awsdc.mentions.len(), 3);
    assert!(awsdc.aliases.contains(&"AWSDC".to_string()));
}

#[test]
fn titles_organisation_words_and_place_cues_classify_unknown_names() {
    let p = paras(&[
        "Mawlawi Abdul Rahim Zaki visited the Ministry of Rural Rehabilitation and Development on Sunday.",
        "Floods hit Nad Ali district and the Bost Agricultural Cooperative lost its stores.",
    ]);
    let found = find(&p, Some("en"));
    let zaki = by_key(&found, "person:abdul-rahim-zaki");
    assert_eq!(zaki.name, "Abdul Rahim Zaki");
    assert!(!zaki.known);
    let ministry = by_key(
        &found,
        "organization:ministry-of-rural-rehabilitation-and-development",
    );
    assert_eq!(ministry.kind, EntityKind::Organization);
    assert_eq!(by_key(&found, "place:nad-ali").kind, EntityKind::Place);
    assert_eq!(
        by_key(&found, "organization:bost-agricultural-cooperative").kind,
        EntityKind::Organization
    );
}

#[test]
fn sentence_openers_roles_and_titles_of_works_are_not_names() {
    let p = paras(&[
        "However, the talks ended. Discussions focused on trade.",
        "The Deputy Minister of Foreign Affairs met Afghan traders.",
        "A film titled “The Girls Who Kept Learning In Secret” was shown.",
    ]);
    let found = find(&p, Some("en"));
    assert!(
        found.is_empty(),
        "{:#?}",
        found.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}

#[test]
fn another_countrys_ministry_is_not_afghanistans() {
    let p = paras(&[
        "India’s Ministry of External Affairs and the Indian Foreign Ministry spoke; the Ministry of Foreign Affairs in Kabul did not.",
    ]);
    let found = find(&p, Some("en"));
    let mofa = by_key(&found, "organization:ministry-of-foreign-affairs");
    assert_eq!(mofa.mentions.len(), 1);
    assert_eq!(mofa.mentions[0].surface, "Ministry of Foreign Affairs");
}

#[test]
fn dari_and_pashto_titles_and_appositions_find_people() {
    let p = paras(&[
        "احمد ولی حقمل، سخنگوی وزارت مالیه، از افزایش درآمد خبر داد.",
        "مولوی عبدالرحمن نیک‌زاد به هرات رفت. حقمل گفت که کار ادامه دارد.",
    ]);
    let found = find(&p, Some("fa"));
    let haqmal = found
        .iter()
        .find(|e| e.name == "احمد ولی حقمل")
        .expect("the name before the comma and the role");
    assert_eq!(haqmal.kind, EntityKind::Person);
    assert_eq!(
        haqmal.mentions.len(),
        2,
        "the surname alone joins the full name"
    );
    assert!(
        found
            .iter()
            .any(|e| e.name == "عبدالرحمن نیک‌زاد" && e.kind == EntityKind::Person)
    );
    by_key(&found, "organization:ministry-of-finance");
    by_key(&found, "place:herat");
}

#[test]
fn arabic_keyboard_spellings_match_the_gazetteer() {
    // Arabic yeh and kaf for the Persian letters.
    let found = find(&paras(&["ذبيح الله مجاهد در كابل بود."]), Some("fa"));
    by_key(&found, "person:zabihullah-mujahid");
    by_key(&found, "place:kabul");
}

#[test]
fn headlines_get_the_gazetteer_only_and_the_most_mentioned_comes_first() {
    let p = paras(&[
        "Stanikzai Calls For New Talks With Neighbours",
        "Kabul and Herat saw protests. Protesters in Kabul marched again.",
    ]);
    let found = find(&p, Some("en"));
    assert_eq!(found[0].key, "place:kabul");
    assert_eq!(found[0].mentions.len(), 2);
    assert!(found.iter().all(|e| e.known), "{found:#?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Any text, in any script and with stray marks, gives entities whose
    /// mentions point at their surface, and quotes without panicking.
    #[test]
    fn any_text_is_handled(paragraphs in proptest::collection::vec(
        "[A-Za-z .,:;“”\"'‘’«»„()ـ،؟۔ کابلگفتوویل‌ٔ0-9۰-۹\\-\n]{0,80}", 0..5)
    ) {
        let found = find(&paragraphs, None);
        for e in &found {
            for m in &e.mentions {
                let p = &paragraphs[m.paragraph as usize];
                proptest::prop_assert_eq!(&p[m.start..m.start + m.surface.len()], m.surface.as_str());
            }
        }
        let _ = khabar_understand::quotes::find(&paragraphs, &found, None);
    }
}

#[test]
fn participles_dates_and_home_states_stay_out_of_names() {
    let p = paras(&[
        "Speaking in Kabul, Senator Harry Reid of Nevada met Gul Agha Sherzai Sunday. Republicans objected.",
    ]);
    let found = find(&p, Some("en"));
    let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Harry Reid"), "{names:?}");
    assert!(names.contains(&"Gul Agha Sherzai"), "{names:?}");
    assert!(names.contains(&"Nevada"), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Speaking") || n.contains("Sunday") || *n == "Republicans"),
        "{names:?}"
    );
}
