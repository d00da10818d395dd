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

#[test]
fn arabic_script_names_starting_with_a_given_name() {
    let ur = find(
        &paras(&["تاجر رہنما فیصل قریشی نے کراچی میں کہا کہ کاروبار متاثر ہوا ہے۔"]),
        Some("ur"),
    );
    assert!(
        ur.iter()
            .any(|e| e.name == "فیصل قریشی" && e.kind == EntityKind::Person)
    );
    let ar = find(
        &paras(&["أعلن المتحدث ماجد العتيبي يوم الاثنين عن خطة جديدة."]),
        Some("ar"),
    );
    assert!(ar.iter().any(|e| e.name == "ماجد العتيبي"), "{ar:#?}");
    let ps = find(
        &paras(&["ولسوال عبدالواحد ستانکزی وویل چې سړک جوړ شو."]),
        Some("ps"),
    );
    assert!(ps.iter().any(|e| e.name == "عبدالواحد ستانکزی"), "{ps:#?}");
    // A common word after a number is no name.
    let fa = find(&paras(&["سال نو در کابل جشن گرفته شد."]), Some("fa"));
    assert!(fa.iter().all(|e| e.kind != EntityKind::Person), "{fa:#?}");
}

#[test]
fn arabic_ministries_and_urdu_organisations_spelt_after_english() {
    let ar = find(
        &paras(&["أصدرت وزارة الصحة العامة بيانا يوم الخميس."]),
        Some("ar"),
    );
    // Afghanistan's ministry, by the name the gazetteer knows it by.
    assert!(
        ar.iter()
            .any(|e| e.key == "organization:ministry-of-public-health"
                && e.aliases.iter().any(|a| a == "وزارة الصحة العامة"))
    );
    let ur = find(
        &paras(&["کوئٹہ چیمبر آف کامرس کے صدر نے بیان جاری کیا۔"]),
        Some("ur"),
    );
    assert!(
        ur.iter()
            .any(|e| e.name == "کوئٹہ چیمبر آف کامرس" && e.kind == EntityKind::Organization),
        "{ur:#?}"
    );
}

#[test]
fn a_pashto_inflected_name_of_unhcr_is_not_the_un() {
    let found = find(
        &paras(&["د کډوالو لپاره د ملګرو ملتونو عالي کمېشنرۍ وویل چې مرستې زیاتې شوې."]),
        Some("ps"),
    );
    by_key(&found, "organization:unhcr");
    assert!(found.iter().all(|e| e.key != "organization:united-nations"));
}

#[test]
fn a_name_after_a_long_title_and_a_province_as_surname() {
    let found = find(
        &paras(&[
            "Minister of Mines and Petroleum Hedayatullah Badakhshi toured the site.",
            "Badakhshi said the contract was signed. Rain fell in Badakhshan.",
            "Deputy Governor of Kandahar Gul Agha Logar spoke next, and Logar said little.",
        ]),
        Some("en"),
    );
    let logar = found.iter().find(|e| e.name == "Gul Agha Logar").unwrap();
    assert_eq!(logar.kind, EntityKind::Person);
    assert_eq!(logar.mentions.len(), 2);
    assert!(found.iter().all(|e| e.key != "place:logar"), "{found:#?}");
    let hb = found
        .iter()
        .find(|e| e.name == "Hedayatullah Badakhshi")
        .unwrap();
    assert_eq!(hb.mentions.len(), 2);
    by_key(&found, "place:badakhshan");
}

#[test]
fn a_hyphenated_nationality_before_a_noun_is_no_name() {
    let found = find(
        &paras(&["Officials discussed the Pak-Afghan trade corridor in Islamabad."]),
        Some("en"),
    );
    assert!(
        found.iter().all(|e| !e.name.contains("Afghan")),
        "{found:#?}"
    );
}

#[test]
fn the_outlet_in_its_own_byline_or_dateline_is_dropped() {
    use khabar_understand::entities::without_outlet;
    let p = paras(&[
        "By River Post staff",
        "KABUL (River Post) — The Ministry of Education reopened 40 schools in Kabul on Monday.",
    ]);
    let mut found = find(&p, Some("en"));
    without_outlet(&p, &mut found, Some("River Post"));
    assert!(found.iter().all(|e| e.name != "River Post"), "{found:#?}");
    by_key(&found, "organization:ministry-of-education");
}

#[test]
fn the_outlet_named_in_its_own_running_text_is_dropped() {
    use khabar_understand::entities::without_outlet;
    // Named in the story, the outlet is still the article's source, not an
    // entity of it; nor are the names inside its name.
    let p = paras(&[
        "Mariam Sadat told the River Post that the school had reopened.",
        "Nasir Ahmad, a teacher, told the Pamir Valley Courier that 30 girls came back.",
    ]);
    let mut found = find(&p, Some("en"));
    without_outlet(&p, &mut found, Some("River Post"));
    assert!(found.iter().all(|e| e.name != "River Post"), "{found:#?}");
    by_key(&found, "person:mariam-sadat");
    let mut found = find(&p, Some("en"));
    without_outlet(&p, &mut found, Some("Pamir Valley Courier"));
    assert!(
        found
            .iter()
            .all(|e| !e.name.contains("Pamir") && !e.name.contains("Courier")),
        "{found:#?}"
    );
    by_key(&found, "person:nasir-ahmad");
    // Another outlet named in the story stays.
    let p = paras(&["Mariam Sadat told the River Post that the school had reopened."]);
    let mut found = find(&p, Some("en"));
    without_outlet(&p, &mut found, Some("Kabul Monitor"));
    assert!(found.iter().any(|e| e.name == "River Post"), "{found:#?}");
}

#[test]
fn a_ministry_named_past_the_gazetteer_spelling() {
    let found = find(
        &paras(&[
            "The Ministry of Commerce and Labour and the Ministry of Agriculture, Irrigation and Livestock met in Herat.",
        ]),
        Some("en"),
    );
    assert!(
        found.iter().all(|e| e.kind != EntityKind::Person),
        "{found:#?}"
    );
    by_key(&found, "organization:ministry-of-agriculture");
    by_key(&found, "organization:ministry-of-commerce");
}

#[test]
fn a_village_of_and_a_market_are_places() {
    let found = find(
        &paras(&["Residents of the village of Sarkando said prices rose in Shorbazar market."]),
        Some("en"),
    );
    for name in ["Sarkando", "Shorbazar"] {
        let e = found.iter().find(|e| e.name == name).unwrap();
        assert_eq!(e.kind, EntityKind::Place, "{name}");
    }
}

#[test]
fn arabic_names_after_a_verb_between_commas_and_with_bin() {
    let ar = find(
        &paras(&[
            "وقالت سلمى حداد، المتحدثة باسم البرنامج، إن العمل مستمر.",
            "وقال مدير المكتب في هرات، كينجي تاناكا، إن الوضع صعب.",
            "وحضر الشيخ حمد بن جاسم آل ثاني الاجتماع.",
        ]),
        Some("ar"),
    );
    for name in ["سلمى حداد", "كينجي تاناكا", "حمد بن جاسم آل ثاني"]
    {
        assert!(
            ar.iter()
                .any(|e| e.name == name && e.kind == EntityKind::Person),
            "{name}: {ar:#?}"
        );
    }
}

#[test]
fn an_urdu_name_right_after_a_role() {
    let ur = find(
        &paras(&["وزارت کے ترجمان ساجد رضا ملک نے بتایا کہ اجلاس ملتوی ہو گیا۔"]),
        Some("ur"),
    );
    assert!(ur.iter().any(|e| e.name == "ساجد رضا ملک"), "{ur:#?}");
    // "One man said", "sources said": nobody named.
    let ur = find(
        &paras(&["ایک شخص نے کہا کہ سڑک بند ہے۔ قریبی ذرائع نے بتایا کہ اجلاس ہوگا۔"]),
        Some("ur"),
    );
    assert!(ur.iter().all(|e| e.kind != EntityKind::Person), "{ur:#?}");
}

#[test]
fn a_long_arabic_name_with_bin_and_al_and_its_family_name_alone() {
    let found = find(
        &paras(&[
            "استقبل الرئيس خالد بن حمد آل نهيان الوفد في المطار.",
            "«نرحب بالضيوف»، قال آل نهيان، «ونأمل في تعاون طويل.»",
        ]),
        Some("ar"),
    );
    let people: Vec<&FoundEntity> = found
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    assert_eq!(people.len(), 1, "{people:#?}");
    assert_eq!(people[0].name, "خالد بن حمد آل نهيان");
    assert_eq!(people[0].mentions.len(), 2);
}

#[test]
fn a_name_between_a_spokesperson_title_and_a_pashto_verb() {
    let found = find(
        &paras(&["د ښاروالۍ ویاند نوراغا سپین‌غر وویل چې بازار به سبا پرانیستل شي."]),
        Some("ps"),
    );
    let people: Vec<&str> = found
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(people, ["نوراغا سپین‌غر"]);
}

#[test]
fn plural_acronyms_are_no_names_and_arabic_and_joins_a_country() {
    let found = find(
        &paras(&["The minister told MPs and NGOs that aid would continue."]),
        Some("en"),
    );
    assert!(found.is_empty(), "{found:#?}");
    let found = find(
        &paras(&["وصلت الشحنات من الصين والهند إلى كابول."]),
        Some("ar"),
    );
    by_key(&found, "place:india");
    by_key(&found, "place:china");
}

#[test]
fn in_public_is_not_the_honorific_mullah() {
    let found = find(
        &paras(&[
            "پنج نفر در ملأ عام شلاق زده شدند.",
            "ملا عبدالغنی برادر روز دوشنبه به هرات رفت.",
        ]),
        Some("fa"),
    );
    let people: Vec<&str> = found
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert!(
        people
            .iter()
            .all(|n| !n.contains("عام") && !n.contains("شلاق")),
        "{people:?}"
    );
    assert!(!people.is_empty(), "{people:?}");
}

#[test]
fn a_name_in_apposition_to_an_organisation_noun_is_an_organisation() {
    let found = find(
        &paras(&[
            "The charity, Sahar Bakhshi Trust, runs two clinics in Bamiyan. The group, Naween Darya, started last year.",
        ]),
        Some("en"),
    );
    for name in ["Sahar Bakhshi Trust", "Naween Darya"] {
        let e = found
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no {name} in {found:#?}"));
        assert_eq!(e.kind, EntityKind::Organization, "{name}");
    }
}

#[test]
fn a_name_after_a_role_for_an_organisation_stays_a_person() {
    let found = find(
        &paras(&["A spokesman for the agency, Jawed Ahmad Sultani, said the road was open."]),
        Some("en"),
    );
    let e = found
        .iter()
        .find(|e| e.name == "Jawed Ahmad Sultani")
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(e.kind, EntityKind::Person);
}

fn names(found: &[FoundEntity], kind: EntityKind) -> Vec<&str> {
    found
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.name.as_str())
        .collect()
}

#[test]
fn an_urdu_name_of_three_words_after_a_role_and_its_portfolio() {
    let found = find(
        &paras(&[
            "صوبائی وزیر صحت ملک اکرم بھٹی نے کہا کہ نئے ہسپتال اگلے سال کھلیں گے۔",
            "تاجروں کی تنظیم کے چیئرمین راجہ نعیم اختر نے بتایا کہ کاروبار متاثر ہوا ہے۔",
        ]),
        Some("ur"),
    );
    let people = names(&found, EntityKind::Person);
    assert!(people.contains(&"ملک اکرم بھٹی"), "{people:?}");
    assert!(people.contains(&"راجہ نعیم اختر"), "{people:?}");
    assert!(
        !people
            .iter()
            .any(|p| *p == "اکرم بھٹی" || *p == "نعیم اختر")
    );
}

#[test]
fn an_urdu_name_ends_before_a_verb_and_after_a_common_noun() {
    let found = find(
        &paras(&[
            "وفد کی قیادت سیکرٹری خارجہ محمد علی شاہ کر رہے تھے۔",
            "بازار کے ایک مقامی تاجر عبدالوہاب نے بتایا کہ دکانیں بند ہیں۔",
        ]),
        Some("ur"),
    );
    let people = names(&found, EntityKind::Person);
    assert!(people.contains(&"محمد علی شاہ"), "{people:?}");
    assert!(people.contains(&"عبدالوہاب"), "{people:?}");
    assert!(
        !people
            .iter()
            .any(|p| p.contains("کر") || p.contains("تاجر"))
    );
}

#[test]
fn an_acronym_spelt_letter_by_letter_is_no_person() {
    let found = find(
        &paras(&["پاکستان میڈیکل ایسوسی ایشن (پی ایم اے) نے کہا کہ ڈاکٹروں کی کمی ہے۔"]),
        Some("ur"),
    );
    assert!(names(&found, EntityKind::Person).is_empty(), "{found:#?}");
}

#[test]
fn departments_and_commands_by_their_head_noun() {
    let ps = find(
        &paras(&[
            "د کندهار د روغتیا ریاست وايي چې نوې کلینیکونه جوړ شوي.",
            "د دې ریاست مشر وویل چې کار روان دی.",
        ]),
        Some("ps"),
    );
    let orgs = names(&ps, EntityKind::Organization);
    assert!(orgs.contains(&"د کندهار د روغتیا ریاست"), "{orgs:?}");
    assert!(!orgs.iter().any(|o| o.contains("دې")), "{orgs:?}");
    let ur = find(
        &paras(&["محکمہ صحت پنجاب نے بتایا کہ مہم جاری ہے۔"]),
        Some("ur"),
    );
    assert!(names(&ur, EntityKind::Organization).contains(&"محکمہ صحت پنجاب"));
    let fa = find(
        &paras(&["فرماندهی امنیه بلخ اعلام کرد که دو نفر بازداشت شدند."]),
        Some("fa"),
    );
    assert!(names(&fa, EntityKind::Organization).contains(&"فرماندهی امنیه"));
}

#[test]
fn a_place_ending_a_name_before_a_verb_of_saying_is_a_surname() {
    let found = find(
        &paras(&["ښاغلي عبدالله ریاض، د سوداګرۍ خونې غړي، وویل چې بیې لوړې شوې."]),
        Some("ps"),
    );
    assert!(names(&found, EntityKind::Person).contains(&"عبدالله ریاض"));
    assert!(names(&found, EntityKind::Place).is_empty(), "{found:#?}");
    // Going to the city, it stays a place.
    let found = find(&paras(&["عبدالله ریاض ته لاړ."]), Some("ps"));
    assert!(names(&found, EntityKind::Place).contains(&"Riyadh"));
}

#[test]
fn names_after_dari_by_the_name_of_and_before_arabic_anna() {
    let fa = find(
        &paras(&["یک دکاندار در بازار شهر به نام نجیب‌الله گفت که فروش کم شده است."]),
        Some("fa"),
    );
    assert!(names(&fa, EntityKind::Person).contains(&"نجیب‌الله"));
    let ar = find(
        &paras(&["وقالت مديرة المنظمة سلمى الخطيب إن الوضع صعب."]),
        Some("ar"),
    );
    assert!(
        names(&ar, EntityKind::Person).contains(&"سلمى الخطيب"),
        "{ar:#?}"
    );
}

#[test]
fn a_given_name_after_a_number_word_is_no_name_but_one_alone_before_a_verb_is() {
    let found = find(
        &paras(&["په پېښه کې درې ماشومان ووژل شول او دوه نور ټپیان شول."]),
        Some("ps"),
    );
    assert!(names(&found, EntityKind::Person).is_empty(), "{found:#?}");
    let found = find(
        &paras(&["د هرات یوې زده کوونکې، ۱۹ کلنې فاطمه، وویل: «موږ بېرته ښوونځي ته ځو.»"]),
        Some("ps"),
    );
    assert!(names(&found, EntityKind::Person).contains(&"فاطمه"));
}

fn all_names(found: &[FoundEntity]) -> Vec<(&str, EntityKind)> {
    found.iter().map(|e| (e.name.as_str(), e.kind)).collect()
}

#[test]
fn an_organisation_and_its_name_with_a_qualifier_are_one() {
    let found = find(
        &paras(&[
            "أعلنت وزارة الصحة الأردنية أنها أرسلت أدوية إلى كابول.",
            "وقالت وزارة الصحة في بيان إن الشحنة الثانية ستصل الأسبوع المقبل.",
        ]),
        Some("ar"),
    );
    let ministries: Vec<&FoundEntity> = found
        .iter()
        .filter(|e| e.kind == EntityKind::Organization)
        .collect();
    assert_eq!(ministries.len(), 1, "{:#?}", all_names(&found));
    assert_eq!(ministries[0].mentions.len(), 2);
}

#[test]
fn provincial_departments_and_high_courts_by_their_head_nouns() {
    let fa = find(
        &paras(&["مسئول اداره صحت بلخ گفت که سه کلینیک جدید باز شده است."]),
        Some("fa"),
    );
    assert!(
        fa.iter()
            .any(|e| e.name == "اداره صحت بلخ" && e.kind == EntityKind::Organization),
        "{:#?}",
        all_names(&fa)
    );
    let ur = find(
        &paras(&["کوئٹہ: بلوچستان ہائی کورٹ نے سماعت ملتوی کر دی۔"]),
        Some("ur"),
    );
    assert!(
        ur.iter()
            .any(|e| e.name == "بلوچستان ہائی کورٹ" && e.kind == EntityKind::Organization),
        "{:#?}",
        all_names(&ur)
    );
    // The province is not also found inside the court's name.
    assert!(
        !ur.iter().any(|e| e.name == "Balochistan"),
        "{:#?}",
        all_names(&ur)
    );
}

#[test]
fn bylines_and_schools_named_after_a_place() {
    let found = find(
        &paras(&[
            "By Omid Karimzada",
            "Wheat prices rose again this week, says a lecturer at the University of Kabul.",
        ]),
        Some("en"),
    );
    assert!(
        found
            .iter()
            .any(|e| e.name == "Omid Karimzada" && e.kind == EntityKind::Person),
        "{:#?}",
        all_names(&found)
    );
    assert!(
        found
            .iter()
            .any(|e| e.name == "University of Kabul" && e.kind == EntityKind::Organization),
        "{:#?}",
        all_names(&found)
    );
    assert!(
        !found.iter().any(|e| e.name == "Kabul"),
        "{:#?}",
        all_names(&found)
    );
    let ur = find(
        &paras(&["تحریر: ڈاکٹر سلیم اختر", "مہنگائی نے سب کو متاثر کیا ہے۔"]),
        Some("ur"),
    );
    assert!(
        ur.iter()
            .any(|e| e.name == "سلیم اختر" && e.kind == EntityKind::Person),
        "{:#?}",
        all_names(&ur)
    );
}

#[test]
fn a_time_zone_is_no_organisation() {
    let found = find(
        &paras(&["14:30 GMT — Rescue teams reached the village, officials in Herat say."]),
        Some("en"),
    );
    assert_eq!(all_names(&found), [("Herat", EntityKind::Place)]);
}

#[test]
fn a_one_word_name_found_by_a_cue_is_found_again() {
    let found = find(
        &paras(&[
            "یک دستفروش به نام رحمت‌الله که در کابل کار می‌کند، گفت که بازار کساد است. «امروز هیچ چیزی نفروختم»، رحمت‌الله گفت.",
        ]),
        Some("fa"),
    );
    let person = found
        .iter()
        .find(|e| e.kind == EntityKind::Person)
        .expect("a person");
    assert_eq!(person.mentions.len(), 2, "{person:#?}");
}

#[test]
fn names_only_inside_short_quotation_marks_are_titles_not_entities() {
    let p = paras(&[
        "The charity's study, titled “Bread And Silence,” was presented by Nadia Karimi in Kabul.",
        "The commander, known to villagers as “Black Falcon,” surrendered.",
    ]);
    let found = find(&p, Some("en"));
    let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Nadia Karimi"), "{names:?}");
    assert!(names.contains(&"Kabul"), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Silence") || n.contains("Bread") || n.contains("Falcon")),
        "{names:?}"
    );
}

/// The names found of a kind.
fn names_of(found: &[FoundEntity], kind: EntityKind) -> Vec<&str> {
    found
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.name.as_str())
        .collect()
}

#[test]
fn an_arabic_preposition_glued_to_a_known_name_comes_off() {
    let found = find(
        &paras(&["سلّم الوفد تقريراً للأمم المتحدة يوم الأحد بعد زيارة لأفغانستان."]),
        Some("ar"),
    );
    by_key(&found, "organization:united-nations");
    by_key(&found, "place:afghanistan");
}

#[test]
fn a_provincial_department_is_named_after_its_head_or_its_office() {
    let fa = find(
        &paras(&[
            "نجیب‌الله کاکر، رئیس صحت عامه بدخشان، گفت که دو شفاخانه تازه ساخته می‌شود.",
            "ریاست صحت عامه هرات نیز از کمبود دارو خبر داد.",
        ]),
        Some("fa"),
    );
    let orgs = names_of(&fa, EntityKind::Organization);
    assert!(orgs.contains(&"صحت عامه بدخشان"), "{:#?}", all_names(&fa));
    assert!(
        orgs.contains(&"ریاست صحت عامه هرات"),
        "{:#?}",
        all_names(&fa)
    );
    by_key(&fa, "place:badakhshan");
    // The head's title alone, with no province, names no department.
    let bare = find(&paras(&["رئیس صحت گفت که کار ادامه دارد."]), Some("fa"));
    assert!(
        names_of(&bare, EntityKind::Organization).is_empty(),
        "{:#?}",
        all_names(&bare)
    );
}

#[test]
fn a_provincial_chamber_of_commerce_is_an_organisation() {
    let fa = find(
        &paras(&["اتاق تجارت و سرمایه‌گذاری قندهار از کاهش صادرات انار خبر داد."]),
        Some("fa"),
    );
    assert!(
        names_of(&fa, EntityKind::Organization).contains(&"اتاق تجارت و سرمایه‌گذاری قندهار"),
        "{:#?}",
        all_names(&fa)
    );
}

#[test]
fn a_pashto_command_or_ministry_can_carry_its_place() {
    let ps = find(
        &paras(&[
            "د خوست امنیه قوماندانۍ ویلي چې درې وسله وال نیول شوي دي.",
            "د ایران د بهرنیو چارو وزارت په یوه بیان کې له دې پېښې غندنه وکړه.",
        ]),
        Some("ps"),
    );
    let orgs = names_of(&ps, EntityKind::Organization);
    assert!(
        orgs.contains(&"د خوست امنیه قوماندانۍ"),
        "{:#?}",
        all_names(&ps)
    );
    assert!(
        orgs.contains(&"د ایران د بهرنیو چارو وزارت"),
        "{:#?}",
        all_names(&ps)
    );
    // Afghanistan's own ministry is not claimed for Iran.
    assert!(
        !ps.iter()
            .any(|e| e.key == "organization:ministry-of-foreign-affairs"),
        "{:#?}",
        all_names(&ps)
    );
    by_key(&ps, "place:khost");
}

#[test]
fn more_given_names_stand_alone_in_apposition() {
    let fa = find(
        &paras(&["فرزانه، پرستاری از هرات، گفت: «شب‌ها برق نداریم.»"]),
        Some("fa"),
    );
    assert!(
        names_of(&fa, EntityKind::Person).contains(&"فرزانه"),
        "{:#?}",
        all_names(&fa)
    );
}

#[test]
fn words_of_time_and_place_end_a_name() {
    let ps = find(
        &paras(&["ویاند احمد ولي نن په جلال آباد کې وویل چې لاره پرانیستل شوې ده."]),
        Some("ps"),
    );
    assert!(
        names_of(&ps, EntityKind::Person).contains(&"احمد ولي"),
        "{:#?}",
        all_names(&ps)
    );
    let ar = find(
        &paras(&["وقال خالد العمري أمام البرلمان إن الاتفاق سيوقع قريباً."]),
        Some("ar"),
    );
    assert!(
        names_of(&ar, EntityKind::Person).contains(&"خالد العمري"),
        "{:#?}",
        all_names(&ar)
    );
}

#[test]
fn an_arabic_name_may_write_abd_apart() {
    let ar = find(
        &paras(&["وقال الوزير عبد الكريم ناصر إن المدارس ستفتح أبوابها."]),
        Some("ar"),
    );
    assert!(
        names_of(&ar, EntityKind::Person).contains(&"عبد الكريم ناصر"),
        "{:#?}",
        all_names(&ar)
    );
}

#[test]
fn acronyms_of_things_and_news_desks() {
    let en = find(
        &paras(&[
            "Each family received a SIM card and two blankets, Rahim Zaki told Evening Desk on Monday.",
        ]),
        Some("en"),
    );
    assert!(!en.iter().any(|e| e.name == "SIM"), "{:#?}", all_names(&en));
    assert!(
        en.iter()
            .any(|e| e.name == "Evening Desk" && e.kind == EntityKind::Organization),
        "{:#?}",
        all_names(&en)
    );
}

/// Asserts that `found` has an entity of `kind` named `name`.
fn has(found: &[FoundEntity], kind: EntityKind, name: &str) {
    assert!(
        names_of(found, kind).contains(&name),
        "no {kind:?} {name} in {:#?}",
        all_names(found)
    );
}

#[test]
fn common_afghan_given_names_start_a_name() {
    let fa = find(
        &paras(&["مرسل، یک معلم سابق در بلخ، گفت که صنف‌ها هنوز بسته است."]),
        Some("fa"),
    );
    has(&fa, EntityKind::Person, "مرسل");
    let ar = find(
        &paras(&["وقال الراعي غلام حيدر إن الذئاب هاجمت القطيع ليلاً."]),
        Some("ar"),
    );
    has(&ar, EntityKind::Person, "غلام حيدر");
    let ur = find(
        &paras(&["ایک بیوہ، گل بی بی، جو کابل سے آئی تھی، نے کہا کہ کرایہ بہت زیادہ ہے۔"]),
        Some("ur"),
    );
    has(&ur, EntityKind::Person, "گل بی بی");
    // Urdu "and" ends a name.
    let ur = find(
        &paras(&["پولیس نے گل خان اور ان کے بھائی کو گرفتار کر لیا۔"]),
        Some("ur"),
    );
    has(&ur, EntityKind::Person, "گل خان");
    // Urdu ہ for the ه of a Dari given name; Arabic question words end a name.
    let ur = find(
        &paras(&["ان کی بہن نازیہ بی بی نے بتایا کہ گھر گر گیا۔"]),
        Some("ur"),
    );
    has(&ur, EntityKind::Person, "نازیہ بی بی");
    let ar = find(
        &paras(&["وروت الطالبة زينب رحيمي كيف وصلت إلى المدرسة."]),
        Some("ar"),
    );
    has(&ar, EntityKind::Person, "زينب رحيمي");
    // Words an Urdu auxiliary follows are a verb: "گل سڑ رہے ہیں" (rotting).
    let ur = find(
        &paras(&["منڈی میں آم گل سڑ رہے ہیں اور خریدار نہیں آ رہے۔ بارش سے فصلیں گل سڑ گئیں۔"]),
        Some("ur"),
    );
    assert!(
        names_of(&ur, EntityKind::Person).is_empty(),
        "{:#?}",
        all_names(&ur)
    );
}

#[test]
fn the_audience_of_a_pashto_statement_ends_the_name() {
    let ps = find(
        &paras(&["ویاند نصیر احمد زاهد خبریالانو ته وویل چې لاره خلاصه ده."]),
        Some("ps"),
    );
    has(&ps, EntityKind::Person, "نصیر احمد زاهد");
    assert!(
        !all_names(&ps).iter().any(|(n, _)| n.contains("خبریالانو")),
        "{:#?}",
        all_names(&ps)
    );
}

#[test]
fn a_dari_department_may_list_its_fields_before_the_province() {
    let fa = find(
        &paras(&["ریاست معارف، فرهنگ و ورزش بلخ اعلام کرد که مسابقات لغو شد."]),
        Some("fa"),
    );
    has(
        &fa,
        EntityKind::Organization,
        "ریاست معارف، فرهنگ و ورزش بلخ",
    );
}

#[test]
fn districts_and_villages_named_after_their_noun() {
    let fa = find(
        &paras(&["سیلاب در ولسوالی سرچشمه ده‌ها خانه را ویران کرد."]),
        Some("fa"),
    );
    has(&fa, EntityKind::Place, "سرچشمه");
    let ar = find(
        &paras(&["وقال سكان قرية شيرآباد بمديرية كوهبند إن المياه غمرت منازلهم."]),
        Some("ar"),
    );
    has(&ar, EntityKind::Place, "شيرآباد");
    has(&ar, EntityKind::Place, "كوهبند");
    let ps = find(
        &paras(&["د زرغون ولسوالۍ اوسېدونکي وايي چې سړک بند دی."]),
        Some("ps"),
    );
    has(&ps, EntityKind::Place, "زرغون");
    let ps = find(
        &paras(&["په سرغلي ولسوالۍ کې واوره ورېدلې ده."]),
        Some("ps"),
    );
    has(&ps, EntityKind::Place, "سرغلي");
    // Verbs, directions and a directorate's field after the noun are no name.
    let fa = find(
        &paras(&["مسئولان محلی ولسوالی می‌گویند که راه‌های ولسوالی شمالی بسته است."]),
        Some("fa"),
    );
    assert!(
        names_of(&fa, EntityKind::Place).is_empty(),
        "{:#?}",
        all_names(&fa)
    );
    let ar = find(
        &paras(&["وقال مسؤول في مديرية الصحة إن المستشفى يعمل."]),
        Some("ar"),
    );
    assert!(
        names_of(&ar, EntityKind::Place).is_empty(),
        "{:#?}",
        all_names(&ar)
    );
    // An adjective after "قرية" is no name.
    let ar = find(
        &paras(&["وصل الفريق إلى قرية نائية بعد ساعات من السير."]),
        Some("ar"),
    );
    assert!(
        names_of(&ar, EntityKind::Place).is_empty(),
        "{:#?}",
        all_names(&ar)
    );
}

#[test]
fn media_national_institutions_and_missions_by_their_noun() {
    let fa = find(
        &paras(&[
            "رادیو صدای کوهستان در ولایت کاپیسا بسته شد.",
            "سفارت ایران در کابل اعلام کرد که ویزا صادر می‌کند.",
            "موزیم ملی افغانستان نمایشگاه تازه‌ای گشود.",
        ]),
        Some("fa"),
    );
    has(&fa, EntityKind::Organization, "رادیو صدای کوهستان");
    // An adjective or a verb after the noun is no name.
    let local = find(
        &paras(&["رادیو محلی خاموش شد و رادیو و تلویزیون زیر فشار هستند."]),
        Some("fa"),
    );
    assert!(
        names_of(&local, EntityKind::Organization).is_empty(),
        "{:#?}",
        all_names(&local)
    );
    has(&fa, EntityKind::Organization, "سفارت ایران");
    has(&fa, EntityKind::Organization, "موزیم ملی افغانستان");
    let ps = find(
        &paras(&["د چین سفارت وویل چې د افغانستان ملي ارشیف ته کتابونه ورکوي."]),
        Some("ps"),
    );
    has(&ps, EntityKind::Organization, "د چین سفارت");
    has(&ps, EntityKind::Organization, "د افغانستان ملي ارشیف");
    let ur = find(
        &paras(&["ایرانی سفارت خانے نے ویزا کی فیس بڑھا دی ہے۔"]),
        Some("ur"),
    );
    has(&ur, EntityKind::Organization, "ایرانی سفارت خانے");
    let ar = find(
        &paras(&["وقالت السفارة القطرية في كابول إن الرحلات ستستأنف."]),
        Some("ar"),
    );
    has(&ar, EntityKind::Organization, "السفارة القطرية");
}

#[test]
fn an_arabic_body_is_its_head_and_its_article_words() {
    let ar = find(
        &paras(&["وأعلنت الهيئة الوطنية للإحصاء أن عدد السكان ارتفع."]),
        Some("ar"),
    );
    has(&ar, EntityKind::Organization, "الهيئة الوطنية للإحصاء");
    let ar = find(
        &paras(&["وقال ممثل المنظمة في كابول إن العمل مستمر."]),
        Some("ar"),
    );
    assert!(
        names_of(&ar, EntityKind::Organization).is_empty(),
        "{:#?}",
        all_names(&ar)
    );
}

#[test]
fn sentence_openers_and_adjectives_of_belief_are_no_names() {
    let en = find(
        &paras(&[
            "Entire districts were cut off by the snow. Whole villages went without bread.",
            "Archaeologists found a Buddhist stupa, and an Englishman who had studied it for years came to see.",
        ]),
        Some("en"),
    );
    assert!(
        !en.iter().any(|e| matches!(
            e.name.as_str(),
            "Entire" | "Whole" | "Buddhist" | "Englishman"
        )),
        "{:#?}",
        all_names(&en)
    );
}

#[test]
fn the_gazetteer_knows_districts_rivers_and_regional_bodies() {
    let en = find(
        &paras(&[
            "Farmers in Chimtal and Dehdadi say the Amu Darya is lower than ever, and work on the Qosh Tepa Canal goes on.",
            "The Afghanistan Cricket Board said the team would meet Bangladesh in Sharjah, and Reporters Without Borders spoke of Pul-e-Charkhi prison.",
        ]),
        Some("en"),
    );
    for key in [
        "place:chimtal",
        "place:dehdadi",
        "place:amu-darya",
        "place:qosh-tepa-canal",
        "organization:afghanistan-cricket-board",
        "place:bangladesh",
        "place:sharjah",
        "organization:reporters-without-borders",
        "place:pul-e-charkhi",
    ] {
        by_key(&en, key);
    }
    let ps = find(
        &paras(&["د آمو سیند اوبه کمې شوې او د افغانستان کرکټ بورډ مرسته اعلان کړه."]),
        Some("ps"),
    );
    by_key(&ps, "place:amu-darya");
    by_key(&ps, "organization:afghanistan-cricket-board");
    let ar = find(
        &paras(&["وأرسل مركز الملك سلمان للإغاثة والأعمال الإنسانية خياماً، كما تبرع الاتحاد الأوروبي."]),
        Some("ar"),
    );
    by_key(&ar, "organization:ksrelief");
    by_key(&ar, "organization:european-union");
}

#[test]
fn a_surname_of_two_words_joins_the_full_name() {
    let en = find(
        &paras(&[
            "Deputy minister Hossein Karimi Tabar visited the border on Sunday.",
            "Karimi Tabar said the crossing would stay open.",
        ]),
        Some("en"),
    );
    let people = names_of(&en, EntityKind::Person);
    assert_eq!(people, ["Hossein Karimi Tabar"], "{:#?}", all_names(&en));
    assert_eq!(by_key(&en, "person:hossein-karimi-tabar").mentions.len(), 2);
}

#[test]
fn a_pashto_department_with_a_genitive_chain_and_a_medium_after_its_noun() {
    let ps = find(
        &paras(&["د لوګر د ټکنیو پېښو د ادارې مشر وویل چې سړکونه بند دي."]),
        Some("ps"),
    );
    has(&ps, EntityKind::Organization, "د لوګر د ټکنیو پېښو د ادارې");
    let en = find(
        &paras(&["The front page of the daily Subh-e Watan carried a photograph of the flood."]),
        Some("en"),
    );
    has(&en, EntityKind::Organization, "Subh-e Watan");
}

#[test]
fn a_ministry_written_in_lower_case() {
    let en = find(
        &paras(&[
            "A spokesman for the interior ministry said the road was safe. The Uzbek foreign ministry did not comment.",
        ]),
        Some("en"),
    );
    by_key(&en, "organization:ministry-of-interior");
    has(&en, EntityKind::Organization, "Uzbek foreign ministry");
}

#[test]
fn an_ezafe_name_is_a_place_and_a_city_has_a_municipality() {
    let en = find(
        &paras(&[
            "Shops reopened in Gozar-e-Sang on Friday, and the Herat Municipality cleared the streets of Bagh-i-Mirza.",
        ]),
        Some("en"),
    );
    has(&en, EntityKind::Place, "Gozar-e-Sang");
    has(&en, EntityKind::Place, "Bagh-i-Mirza");
    has(&en, EntityKind::Organization, "Herat Municipality");
    assert!(
        names_of(&en, EntityKind::Person).is_empty(),
        "{:#?}",
        all_names(&en)
    );
}

#[test]
fn a_municipality_and_a_department_with_the_word_province() {
    let fa = find(
        &paras(&["شاروالی هرات و ریاست صحت عامه ولایت غزنی کمک فرستادند."]),
        Some("fa"),
    );
    has(&fa, EntityKind::Organization, "شاروالی هرات");
    has(&fa, EntityKind::Organization, "ریاست صحت عامه ولایت غزنی");
    let ps = find(
        &paras(&["د کندهار ښاروالۍ وویل چې سړکونه پاکېږي."]),
        Some("ps"),
    );
    has(&ps, EntityKind::Organization, "د کندهار ښاروالۍ");
}

/// The named entity of `kind` whose name is `name`, if any.
fn named<'a>(found: &'a [FoundEntity], name: &str, kind: EntityKind) -> Option<&'a FoundEntity> {
    found.iter().find(|e| e.name == name && e.kind == kind)
}

#[test]
fn regional_bodies_in_every_script_are_known() {
    let en = find(
        &paras(&[
            "The European Parliament heard from the Aga Khan Foundation and the Ministry of Rural Rehabilitation and Development on Tuesday.",
        ]),
        Some("en"),
    );
    by_key(&en, "organization:european-parliament");
    by_key(&en, "organization:aga-khan-foundation");
    by_key(
        &en,
        "organization:ministry-of-rural-rehabilitation-and-development",
    );
    assert!(
        en.iter()
            .all(|e| e.key != "organization:aga-khan-development-network"),
        "{en:#?}"
    );
    let ps = find(
        &paras(&[
            "د کلیو د بیا رغونې او پراختیا وزارت او د افغانستان د سرې میاشتې ټولنې په غزني کې کار پیل کړ.",
        ]),
        Some("ps"),
    );
    by_key(
        &ps,
        "organization:ministry-of-rural-rehabilitation-and-development",
    );
    by_key(&ps, "organization:afghan-red-crescent-society");
    // Afghanistan inside the society's name is no place of its own.
    assert!(ps.iter().all(|e| e.key != "place:afghanistan"), "{ps:#?}");
    let fa = find(
        &paras(&["بانک مرکزی و شرکت برشنا روز دوشنبه در کابل نشست داشتند."]),
        Some("fa"),
    );
    by_key(&fa, "organization:da-afghanistan-bank");
    by_key(&fa, "organization:dabs");
    let ur = find(
        &paras(&["قومی اسمبلی نے پاک افغان جوائنٹ چیمبر آف کامرس کی تجاویز پر بحث کی۔"]),
        Some("ur"),
    );
    by_key(&ur, "organization:national-assembly-of-pakistan");
    by_key(&ur, "organization:pajcci");
}

#[test]
fn a_pashto_village_before_its_noun_after_a_preposition() {
    let found = find(
        &paras(&[
            "د غوره کلا د کلي مشرانو وویل چې سړک ویجاړ شوی دی.",
            "هغه د سپینغر په کلي کې اوسېږي او د هغه په کلي کې ښوونځی نشته.",
        ]),
        Some("ps"),
    );
    assert!(
        named(&found, "غوره کلا", EntityKind::Place).is_some(),
        "{found:#?}"
    );
    assert!(
        named(&found, "سپینغر", EntityKind::Place).is_some(),
        "{found:#?}"
    );
    assert!(found.iter().all(|e| e.name != "هغه"), "{found:#?}");
}

#[test]
fn a_foreign_name_after_a_spokeswoman_or_before_a_colon() {
    let ps = find(
        &paras(&["د سازمان ویاندې ماریا کلارک وویل چې مرستې به دوام ولري."]),
        Some("ps"),
    );
    assert!(
        named(&ps, "ماریا کلارک", EntityKind::Person).is_some(),
        "{ps:#?}"
    );
    let ar = find(
        &paras(&["وقالت ممثلة البرنامج في هرات، سارة جونسون: «سنواصل العمل مع المزارعين.»"]),
        Some("ar"),
    );
    assert!(
        named(&ar, "سارة جونسون", EntityKind::Person).is_some(),
        "{ar:#?}"
    );
}

#[test]
fn compound_given_names_written_apart_or_joined() {
    let ur = find(
        &paras(&["تاجر ثنا اللہ مروت نے کہا کہ سرحد کل کھلے گی۔"]),
        Some("ur"),
    );
    assert!(
        named(&ur, "ثنا اللہ مروت", EntityKind::Person).is_some(),
        "{ur:#?}"
    );
    assert!(ur.iter().all(|e| !e.name.starts_with("اللہ")), "{ur:#?}");
    let fa = find(
        &paras(&["محمدجان کریمی، یک دکاندار در شهر، گفت که قیمت‌ها بالا رفته است."]),
        Some("fa"),
    );
    assert!(
        named(&fa, "محمدجان کریمی", EntityKind::Person).is_some(),
        "{fa:#?}"
    );
}

#[test]
fn wazir_after_a_given_name_is_a_family_name() {
    let found = find(
        &paras(&["ډاکټر ګل احمد وزیر په یوه غونډه کې وویل چې روغتون ته درمل اړین دي."]),
        Some("ps"),
    );
    assert!(
        named(&found, "ګل احمد وزیر", EntityKind::Person).is_some(),
        "{found:#?}"
    );
}

#[test]
fn a_trade_union_of_a_city() {
    let found = find(
        &paras(&["اتحادیه نانوایان هرات اعلام کرد که قیمت نان ثابت می‌ماند."]),
        Some("fa"),
    );
    assert!(
        named(&found, "اتحادیه نانوایان هرات", EntityKind::Organization).is_some(),
        "{found:#?}"
    );
}

#[test]
fn datelines_adverbs_and_nationalities_are_no_people() {
    let found = find(
        &paras(&[
            "TIRANA, Albania (AP) — Ministers met on Friday.",
            "Separately, a Greek diplomat, Nikos Andreou, said talks would resume. Nobody objected.",
        ]),
        Some("en"),
    );
    let tirana = found.iter().find(|e| e.name == "TIRANA").expect("TIRANA");
    assert_eq!(tirana.kind, EntityKind::Place);
    for word in ["Separately", "Greek", "Nobody"] {
        assert!(found.iter().all(|e| e.name != word), "{word}: {found:#?}");
    }
    assert!(
        named(&found, "Nikos Andreou", EntityKind::Person).is_some(),
        "{found:#?}"
    );
}

#[test]
fn two_villages_named_together_stay_two_places() {
    let found = find(
        &paras(&[
            "The villages of Sangar and Deh-e-Bala share one well.",
            "\"When Sangar had 30 houses, there was enough water,\" an elder said.",
        ]),
        Some("en"),
    );
    assert!(
        named(&found, "Sangar", EntityKind::Place).is_some(),
        "{found:#?}"
    );
    assert!(
        named(&found, "Deh-e-Bala", EntityKind::Place).is_some(),
        "{found:#?}"
    );
    assert!(
        found.iter().all(|e| !e.name.contains(" and ")),
        "{found:#?}"
    );
}

#[test]
fn afghan_ministries_and_neighbours_forces_are_known() {
    let fa = find(
        &paras(&[
            "وزارت امور سرحدات و قبایل و اداره ملی احصائیه و معلومات گزارش تازه‌ای نشر کردند.",
        ]),
        Some("fa"),
    );
    by_key(&fa, "organization:ministry-of-borders-and-tribal-affairs");
    by_key(&fa, "organization:nsia");
    let en = find(
        &paras(&[
            "The Inter-Services Public Relations said the Pakistan Army had closed the road, and Kam Air cancelled two flights.",
        ]),
        Some("en"),
    );
    by_key(&en, "organization:ispr");
    by_key(&en, "organization:pakistan-army");
    by_key(&en, "organization:kam-air");
}

#[test]
fn bibi_doubled_opens_a_womans_name_and_pashto_own_ends_it() {
    let found = find(
        &paras(&["د سروبي ولسوالۍ اوسېدونکې بي بي زرغونه خپل درې کلن لور روغتون ته راوړې ده."]),
        Some("ps"),
    );
    assert!(
        named(&found, "بي بي زرغونه", EntityKind::Person).is_some(),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .all(|e| !e.name.contains("خپل") && !e.name.contains("اوسېدونکې")),
        "{found:#?}"
    );
}

#[test]
fn a_compound_given_name_alone_before_a_pashto_verb_of_saying() {
    let found = find(
        &paras(&["له ایران څخه راستون شوی عبدالواحد وايي چې کار نه لري."]),
        Some("ps"),
    );
    assert!(
        named(&found, "عبدالواحد", EntityKind::Person).is_some(),
        "{found:#?}"
    );
}

#[test]
fn urdu_and_pashto_retroflex_letters_spell_the_same_place() {
    let found = find(&paras(&["هغه له راولپنډۍ څخه راغلی دی."]), Some("ps"));
    by_key(&found, "place:rawalpindi");
}

#[test]
fn a_pashto_department_of_two_fields_joined_by_and() {
    let found = find(
        &paras(&["د هلمند د کرنې او مالدارۍ ریاست په یوه خبرپاڼه کې ویلي چې کار پیل شوی."]),
        Some("ps"),
    );
    assert!(
        found.iter().any(|e| e.kind == EntityKind::Organization
            && e.name.contains("کرنې او مالدارۍ ریاست")),
        "{found:#?}"
    );
}

#[test]
fn an_arabic_name_of_one_word_after_said_and_who_is() {
    let found = find(
        &paras(&["«لم تصلنا أي مساعدة»، هكذا قالت زرغونة، وهي أرملة من ولاية بلخ."]),
        Some("ar"),
    );
    assert!(
        named(&found, "زرغونة", EntityKind::Person).is_some(),
        "{found:#?}"
    );
}

#[test]
fn an_urdu_market_of_a_known_city_is_a_place() {
    let found = find(
        &paras(&["پشاور کے مینا بازار میں دکانیں بند رہیں۔"]),
        Some("ur"),
    );
    assert!(
        named(&found, "مینا بازار", EntityKind::Place).is_some(),
        "{found:#?}"
    );
}

#[test]
fn a_bank_of_a_country_is_one_organisation() {
    let found = find(
        &paras(&["The National Bank of Pakistan cut its lending rate on Monday."]),
        Some("en"),
    );
    assert!(
        named(
            &found,
            "National Bank of Pakistan",
            EntityKind::Organization
        )
        .is_some(),
        "{found:#?}"
    );
}

#[test]
fn another_countrys_ministry_is_apart_from_afghanistans_of_the_same_name() {
    let found = find(
        &paras(&[
            "Pakistan's Ministry of Commerce said exports had fallen.",
            "In Kabul, the Ministry of Industry and Commerce said the opposite.",
        ]),
        Some("en"),
    );
    let ministries = found
        .iter()
        .filter(|e| e.kind == EntityKind::Organization && e.name.starts_with("Ministry"))
        .count();
    assert_eq!(ministries, 2, "{found:#?}");
    by_key(&found, "organization:ministry-of-commerce");
}

#[test]
fn a_nationality_and_a_party_colour_before_a_noun_are_no_name() {
    let found = find(
        &paras(&["Anna Berg, a Danish Liberal lawmaker, said the aid must continue."]),
        Some("en"),
    );
    assert!(
        found.iter().all(|e| e.name != "Danish Liberal"),
        "{found:#?}"
    );
    assert!(named(&found, "Anna Berg", EntityKind::Person).is_some());
}

#[test]
fn a_pashto_postposition_after_a_title_is_no_name() {
    let found = find(&paras(&["ما له استاد څخه ډېر څه زده کړل."]), Some("ps"));
    assert!(
        found.iter().all(|e| e.kind != EntityKind::Person),
        "{found:#?}"
    );
}

#[test]
fn a_nationality_portfolio_and_role_before_a_name() {
    let found = find(
        &paras(&["Tajik Energy Minister Daler Rustamov said the line would be finished in May."]),
        Some("en"),
    );
    let e = by_key(&found, "person:daler-rustamov");
    assert_eq!(e.kind, EntityKind::Person);
    assert!(
        found.iter().all(|e| !e.name.contains("Minister")),
        "{found:#?}"
    );
}

#[test]
fn a_place_opening_an_organisation_name_two_words_before_its_noun() {
    let found = find(
        &paras(&[
            "Nadia Karimi, an economist at the Kabul Economic Research Institute, said prices rose.",
        ]),
        Some("en"),
    );
    let e = by_key(&found, "organization:kabul-economic-research-institute");
    assert_eq!(e.kind, EntityKind::Organization);
}

#[test]
fn a_dari_name_opening_a_sentence_before_a_word_for_a_relative() {
    // "X، مادر چهار فرزند": one word, a comma, then "mother of …".
    let found = find(
        &paras(&["گلالی، مادر چهار فرزند از ولسوالی انجیل، می‌گوید که نان را قرض می‌گیرد."]),
        Some("fa"),
    );
    let e = found
        .iter()
        .find(|e| e.name == "گلالی")
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(e.kind, EntityKind::Person);
}

#[test]
fn arabic_names_after_a_role_with_its_article() {
    let found = find(
        &paras(&[
            "وقال المتحدث باسم وزارة الخارجية، حمد الكواري، في مؤتمر صحفي إن المحادثات مستمرة.",
            "وقالت المبعوثة الخاصة للأمم المتحدة، مارتا برونر، في كلمتها إن التمويل ناقص.",
            "وقالت الناشطة الأفغانية نرگس رحيمي التي حضرت الاجتماع إن الفتيات ينتظرن.",
        ]),
        Some("ar"),
    );
    for name in ["حمد الكواري", "مارتا برونر", "نرگس رحيمي"] {
        let e = found
            .iter()
            .find(|e| e.name == name || e.aliases.iter().any(|a| a == name))
            .unwrap_or_else(|| panic!("no {name} in {found:#?}"));
        assert_eq!(e.kind, EntityKind::Person, "{name}");
    }
}

/// The organisation among `found` named `name` (by its name or an alias).
fn org_named<'a>(found: &'a [FoundEntity], name: &str) -> &'a FoundEntity {
    let e = found
        .iter()
        .find(|e| e.name == name || e.aliases.iter().any(|a| a == name))
        .unwrap_or_else(|| panic!("no {name} in {found:#?}"));
    assert_eq!(e.kind, EntityKind::Organization, "{name}");
    e
}

#[test]
fn hospitals_named_by_their_noun_in_dari_and_pashto() {
    let found = find(
        &paras(&[
            "داکتر نسرین، یک داکتر در شفاخانه جمهوریت، گفت که دوا کم است. ما دیروز به شفاخانه رسیدیم.",
        ]),
        Some("fa"),
    );
    org_named(&found, "شفاخانه جمهوریت");
    assert!(
        found.iter().all(|e| !e.name.contains("رسیدیم")),
        "{found:#?}"
    );
    let found = find(
        &paras(&["د سپین ژوند روغتون په یوه اعلامیه کې ویلي چې ۱۲ ټپیان راوړل شوي دي."]),
        Some("ps"),
    );
    org_named(&found, "سپین ژوند روغتون");
}

#[test]
fn urdu_organisations_spelt_after_english_and_a_ministry_before_a_postposition() {
    let found = find(
        &paras(&[
            "نیشنل فوڈ اتھارٹی کے سربراہ نے بتایا کہ گندم کافی ہے۔",
            "طالبہ نے، جو کراچی یونیورسٹی میں پڑھتی ہیں، کہا کہ فیس زیادہ ہے۔",
            "وزارت مذہبی امور کے ترجمان نے کہا کہ حج کا کوٹہ بڑھ گیا ہے۔",
        ]),
        Some("ur"),
    );
    org_named(&found, "نیشنل فوڈ اتھارٹی");
    org_named(&found, "کراچی یونیورسٹی");
    org_named(&found, "وزارت مذہبی امور");
    assert!(
        found.iter().all(|e| !e.name.starts_with("جو ")),
        "{found:#?}"
    );
}

#[test]
fn a_pashto_ministry_of_fields_listed_with_a_comma() {
    let found = find(
        &paras(&["د کار، ټولنیزو چارو او شهیدانو وزارت ویاند وویل چې مرستې وېشل کېږي."]),
        Some("ps"),
    );
    org_named(&found, "د کار، ټولنیزو چارو او شهیدانو وزارت");
}

#[test]
fn an_urdu_ministry_after_another_country_and_a_postposition_is_not_afghanistans() {
    let found = find(
        &paras(&["ایران کی وزارت تجارت کے ترجمان نے بتایا کہ سرحد کھلی ہے۔"]),
        Some("ur"),
    );
    assert!(
        found
            .iter()
            .all(|e| e.key != "organization:ministry-of-commerce"),
        "{found:#?}"
    );
}

#[test]
fn urdu_spellings_of_foreign_countries() {
    let found = find(
        &paras(&["ترجمان نے کہا کہ آسٹریلیا، کینیڈا اور برطانیہ نے امداد بھیجی ہے۔"]),
        Some("ur"),
    );
    by_key(&found, "place:australia");
    by_key(&found, "place:canada");
    by_key(&found, "place:united-kingdom");
}

#[test]
fn an_urdu_consul_is_a_role_and_the_consulate_an_organisation() {
    let found = find(
        &paras(&[
            "پشاور میں ایرانی قونصل جنرل نے کہا کہ ویزے جاری ہوں گے۔",
            "ایرانی قونصل خانے کے باہر لوگ جمع تھے۔",
        ]),
        Some("ur"),
    );
    let orgs: Vec<&str> = found
        .iter()
        .filter(|e| e.kind == EntityKind::Organization)
        .map(|e| e.name.as_str())
        .collect();
    assert!(orgs.iter().all(|o| !o.ends_with("قونصل")), "{orgs:?}");
    assert!(orgs.iter().any(|o| o.contains("قونصل خانے")), "{orgs:?}");
}

#[test]
fn an_arabic_script_dateline_the_gazetteer_does_not_know_is_a_place() {
    let found = find(
        &paras(&[
            "ٹورنٹو — افغان طلبہ نے ایک تقریب منعقد کی۔",
            "ٹورنٹو میں موسم سرد تھا۔",
        ]),
        Some("ur"),
    );
    let e = found
        .iter()
        .find(|e| e.name == "ٹورنٹو")
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(e.kind, EntityKind::Place);
    let found = find(
        &paras(&["سانتياغو (وكالة نموذجية) — وصل وفد أفغاني إلى المدينة."]),
        Some("ar"),
    );
    assert!(
        found
            .iter()
            .any(|e| e.name == "سانتياغو" && e.kind == EntityKind::Place),
        "{found:#?}"
    );
}

#[test]
fn a_province_inside_a_dari_chamber_of_commerce_is_no_place_of_its_own() {
    let found = find(
        &paras(&["اتاق تجارت و سرمایه‌گذاری هرات اعلام کرده است که صادرات زعفران افزایش یافته است."]),
        Some("fa"),
    );
    assert!(
        found.iter().all(|e| e.kind != EntityKind::Place),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|e| e.kind == EntityKind::Organization && e.name.ends_with("هرات")),
        "{found:#?}"
    );
}

#[test]
fn court_titles_are_not_part_of_a_name() {
    let found = find(
        &paras(&["Prosecutor Wahidullah Samim told the court that the accused had fled."]),
        Some("en"),
    );
    assert!(
        found.iter().any(|e| e.name == "Wahidullah Samim"),
        "{found:#?}"
    );
    let found = find(
        &paras(&[
            "جسٹس کامران احمد نے سماعت ملتوی کر دی۔",
            "ڈپٹی اٹارنی جنرل عطاءاللہ درانی نے عدالت کو بتایا کہ حکومت جواب دے گی۔",
        ]),
        Some("ur"),
    );
    let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"کامران احمد"), "{names:?}");
    // "…اللہ" in Urdu spelling is a compound given name.
    assert!(names.contains(&"عطاءاللہ درانی"), "{names:?}");
}

#[test]
fn an_ezafe_spelt_either_way_finds_the_gazetteer_entry() {
    let found = find(
        &paras(&["Attacks claimed by the Tehrik-e-Taliban Pakistan rose this year."]),
        Some("en"),
    );
    assert!(
        found
            .iter()
            .any(|e| e.kind == EntityKind::Organization && e.name.contains("Taliban Pakistan")),
        "{found:#?}"
    );
}

#[test]
fn an_arabic_name_with_bin_and_a_body_after_li() {
    let found = find(
        &paras(&["قال سالم بن خالد العنزي إن المدير الإقليمي لبرنامج الأغذية العالمي زار كابول."]),
        Some("ar"),
    );
    let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"سالم بن خالد العنزي"), "{names:?}");
    assert!(names.contains(&"World Food Programme"), "{names:?}");
}

#[test]
fn a_place_between_a_title_and_a_name_is_a_given_name() {
    let found = find(
        &paras(&["Dr Farah Jalali, who runs the clinic, said the vaccines had arrived."]),
        Some("en"),
    );
    let names: Vec<(&str, EntityKind)> = found.iter().map(|e| (e.name.as_str(), e.kind)).collect();
    assert!(
        names.contains(&("Farah Jalali", EntityKind::Person)),
        "{names:?}"
    );
    assert!(!names.iter().any(|(n, _)| *n == "Farah"), "{names:?}");
}

#[test]
fn a_possessive_after_a_comma_is_no_apposition() {
    let found = find(
        &paras(&["At the hospital, Popalzai's brother said the doctors had left."]),
        Some("en"),
    );
    let popalzai = found
        .iter()
        .find(|e| e.name == "Popalzai")
        .expect("Popalzai");
    assert_eq!(popalzai.kind, EntityKind::Person);
}

#[test]
fn a_body_named_in_guillemets_and_again_without_them() {
    let found = find(
        &paras(&[
            "سازمانی به نام «شبکه زنان کارآفرین» روز شنبه نمایشگاهی برگزار کرد.",
            "مسئول شبکه زنان کارآفرین گفت که فروش خوب بوده است.",
        ]),
        Some("fa"),
    );
    let body = found
        .iter()
        .find(|e| e.name == "شبکه زنان کارآفرین")
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(body.kind, EntityKind::Organization);
    assert_eq!(body.mentions.len(), 2);
    assert!(
        !found.iter().any(|e| e.kind == EntityKind::Person),
        "{found:#?}"
    );
}

#[test]
fn a_provinces_chamber_and_court_of_appeal() {
    let found = find(
        &paras(&["رئیس اتاق تجارت و صنایع بلخ گفت که صادرات کم شده است."]),
        Some("fa"),
    );
    let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"اتاق تجارت و صنایع بلخ"), "{names:?}");
    assert!(
        !names.contains(&"Afghanistan Chamber of Commerce and Investment"),
        "{names:?}"
    );
    let found = find(
        &paras(&["د هرات د استیناف محکمې د سه‌شنبې په ورځ پرېکړه اعلان کړه."]),
        Some("ps"),
    );
    assert!(
        found
            .iter()
            .any(|e| e.kind == EntityKind::Organization && e.name == "د استیناف محکمه"),
        "{found:#?}"
    );
}

#[test]
fn words_that_also_spell_given_names_are_not_names_here() {
    // Pashto "نور مې" (the rest of my …), Dari "کلاس‌های شبانه" (night
    // classes).
    let found = find(
        &paras(&["هغه وویل: «کور مې ولاړ، نور مې هیڅ نه دي پاتې.»"]),
        Some("ps"),
    );
    assert!(
        !found.iter().any(|e| e.kind == EntityKind::Person),
        "{found:#?}"
    );
    let found = find(
        &paras(&["وزارت معارف گفت که کلاس‌های شبانه باز می‌شوند."]),
        Some("fa"),
    );
    assert!(
        !found.iter().any(|e| e.kind == EntityKind::Person),
        "{found:#?}"
    );
}

#[test]
fn arabic_central_asia_and_oman() {
    let found = find(
        &paras(&["قال الوزير إن دول آسيا الوسطى وسلطنة عمان ستشارك في المؤتمر."]),
        Some("ar"),
    );
    let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Central Asia"), "{names:?}");
    assert!(names.contains(&"Oman"), "{names:?}");
}

#[test]
fn a_sentence_opening_given_name_and_a_province_before_an_apposition() {
    let found = find(
        &paras(&["Zahra Logar, the head of the midwives' union, said the clinics were full."]),
        Some("en"),
    );
    let names: Vec<(&str, EntityKind)> = found.iter().map(|e| (e.name.as_str(), e.kind)).collect();
    assert!(
        names.contains(&("Zahra Logar", EntityKind::Person)),
        "{names:?}"
    );
}

#[test]
fn a_pashto_provinces_chamber_court_and_a_dari_university() {
    let found = find(
        &paras(&[
            "د هرات د سوداګرۍ او پانګونې خونې مشر وویل چې صادرات کم شوي دي.",
            "د کونړ ولایت ابتدایيې محکمې یو قاچاقبر بند محکوم کړ.",
            "یک استاد دانشگاه بلخ گفت که آب کم است.",
        ]),
        Some("ps"),
    );
    let names: Vec<(&str, EntityKind)> = found.iter().map(|e| (e.name.as_str(), e.kind)).collect();
    assert!(
        names.contains(&("د هرات د سوداګرۍ او پانګونې خونه", EntityKind::Organization)),
        "{names:?}"
    );
    assert!(
        names.contains(&("د کونړ ولایت ابتدایيې محکمه", EntityKind::Organization)),
        "{names:?}"
    );
    assert!(
        names.contains(&("دانشگاه بلخ", EntityKind::Organization)),
        "{names:?}"
    );
    // The places and the national chamber inside them are no names of their own.
    assert!(
        !names.iter().any(|(n, _)| matches!(
            *n,
            "Herat" | "Kunar" | "Balkh" | "Afghanistan Chamber of Commerce and Investment"
        )),
        "{names:?}"
    );
}

#[test]
fn sardar_khan_after_a_title_gul_compounds_and_pashto_bia() {
    let found = find(
        &paras(&[
            "د کلي مشر حاجي سردار خان وزیري وویل چې اوبه نشته.",
            "ګل‌محمد نورزی، یو بزګر، گفت که زمین خشک است.",
            "د دوکاندارانو مشر صادق ترکی بیا وايي چې بیې لوړې دي.",
        ]),
        Some("ps"),
    );
    let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"سردار خان وزیري"), "{names:?}");
    assert!(names.contains(&"ګل‌محمد نورزی"), "{names:?}");
    assert!(names.contains(&"صادق ترکی"), "{names:?}");
}

#[test]
fn sri_lankan_is_a_nationality_and_the_kp_assembly_a_body() {
    let en = find(
        &paras(&["The Sri Lankan bowlers were tired, said coach Imran Safi."]),
        Some("en"),
    );
    assert!(!en.iter().any(|e| e.name.contains("Lankan")), "{en:#?}");
    let ur = find(
        &paras(&["خیبر پختونخوا اسمبلی میں بجٹ پر بحث ہوئی۔"]),
        Some("ur"),
    );
    let names: Vec<&str> = ur.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Khyber Pakhtunkhwa Assembly"), "{names:?}");
    assert!(!names.contains(&"Khyber Pakhtunkhwa"), "{names:?}");
}

#[test]
fn urdu_ghor_as_a_noun_agha_compounds_and_a_teachers_field() {
    let ur = find(
        &paras(&[
            "کمیٹی نے کہا کہ یہ معاملہ زیر غور ہے اور حکومت اس پر غور کر رہی ہے۔",
            "غور میں برف باری ہوئی۔",
        ]),
        Some("ur"),
    );
    let places = names(&ur, EntityKind::Place);
    assert_eq!(
        places.iter().filter(|n| **n == "Ghor").count(),
        1,
        "{ur:#?}"
    );
    let fa = find(
        &paras(&[
            "گل‌آقا رحیمی، یکی از دکانداران، گفت که بازار کساد است.",
            "فریدون نادری، صاحب یک دکان، گفت که کار ندارد.",
            "دکتر نصیر احمد وردک، استاد حقوق در دانشگاه هرات، می‌گوید که قانون روشن است.",
        ]),
        Some("fa"),
    );
    let people = names(&fa, EntityKind::Person);
    assert!(people.contains(&"گل‌آقا رحیمی"), "{people:?}");
    assert!(people.contains(&"فریدون نادری"), "{people:?}");
    assert!(!people.contains(&"حقوق"), "{people:?}");
}

#[test]
fn a_pashto_department_of_the_fight_against_something() {
    let found = find(
        &paras(&["د کندهار د مخدره توکو پر وړاندې د مبارزې ریاست مشر وویل چې کښت کم شوی."]),
        Some("ps"),
    );
    let orgs = names(&found, EntityKind::Organization);
    assert!(
        orgs.contains(&"د کندهار د مخدره توکو پر وړاندې د مبارزې ریاست"),
        "{orgs:?}"
    );
    assert!(!orgs.contains(&"د مبارزې ریاست"), "{orgs:?}");
}

#[test]
fn an_urdu_citys_police_before_a_postposition() {
    let found = find(
        &paras(&["اسلام آباد پولیس کے ترجمان نے کہا کہ مظاہرہ پرامن رہا۔"]),
        Some("ur"),
    );
    let orgs = names(&found, EntityKind::Organization);
    assert!(orgs.contains(&"اسلام آباد پولیس"), "{orgs:?}");
    assert!(names(&found, EntityKind::Place).is_empty(), "{found:#?}");
}

#[test]
fn a_pashto_place_in_the_ablative_after_la() {
    let found = find(
        &paras(&["دا کاروان له کابله د بلخ پر لور روان شو او سبا له ایرانه راځي."]),
        Some("ps"),
    );
    by_key(&found, "place:kabul");
    by_key(&found, "place:iran");
}

#[test]
fn an_urdu_weekday_ends_a_name_before_it() {
    let found = find(
        &paras(&[
            "معروف افغان گلوکار عبدالحمید ناصر اتوار کو کوئٹہ میں انتقال کر گئے۔",
            "معروف افغان شاعر عبدالستار نوری پیر کے روز لاہور پہنچے۔",
        ]),
        Some("ur"),
    );
    let people = names(&found, EntityKind::Person);
    assert!(people.contains(&"عبدالحمید ناصر"), "{people:?}");
    assert!(people.contains(&"عبدالستار نوری"), "{people:?}");
}

#[test]
fn an_arabic_syndicate_is_an_organisation() {
    let found = find(
        &paras(&["وقالت نقابة المعلمين في بيان إن الرواتب تأخرت شهرين."]),
        Some("ar"),
    );
    let orgs = names(&found, EntityKind::Organization);
    assert!(orgs.contains(&"نقابة المعلمين"), "{orgs:?}");
}

#[test]
fn a_capitalised_word_with_digits_is_no_name_and_an_airline_is_an_organisation() {
    let found = find(
        &paras(&[
            "The T10 tournament in Abu Dhabi was sponsored by Ariana Airways, the organisers said.",
        ]),
        Some("en"),
    );
    assert!(names(&found, EntityKind::Person).is_empty(), "{found:#?}");
    let orgs = names(&found, EntityKind::Organization);
    assert!(orgs.contains(&"Ariana Airways"), "{orgs:?}");
}

#[test]
fn an_arabic_name_ends_before_with_and_during() {
    let found = find(
        &paras(&[
            "والتقى وفد برئاسة السفير خالد بن سعيد المري مع ممثلين عن التجار في هرات.",
            "وتحدثت سلمى عبد الرحيم خلال الجلسة عن أوضاع المدارس.",
        ]),
        Some("ar"),
    );
    let people = names(&found, EntityKind::Person);
    assert!(people.contains(&"خالد بن سعيد المري"), "{people:?}");
    assert!(people.contains(&"سلمى عبد الرحيم"), "{people:?}");
}

#[test]
fn pashto_customs_unions_and_chambers_are_named_in_the_direct_case() {
    let found = find(
        &paras(&[
            "د تورخم د ګمرک آمر وویل چې لارۍ ودرول شوې.",
            "د جلال اباد د موټروانو اتحادیې مشر وویل چې کرایې لوړې شوې.",
            "د هرات د سوداګرۍ او پانګونې خونې غړو غونډه وکړه.",
        ]),
        Some("ps"),
    );
    let orgs = names(&found, EntityKind::Organization);
    assert!(orgs.contains(&"د تورخم ګمرک"), "{orgs:?}");
    assert!(orgs.contains(&"د جلال اباد د موټروانو اتحادیه"), "{orgs:?}");
    assert!(
        orgs.contains(&"د هرات د سوداګرۍ او پانګونې خونه"),
        "{orgs:?}"
    );
    let customs = found.iter().find(|e| e.name == "د تورخم ګمرک").unwrap();
    assert!(
        customs.aliases.iter().any(|a| a == "د تورخم د ګمرک"),
        "{customs:?}"
    );
}

#[test]
fn a_gazetteer_spelling_listed_with_commas_matches_across_them() {
    let found = find(
        &paras(&["د کرنې، اوبو لګولو او مالدارۍ وزارت ویاند وویل چې تخم وېشل کېږي."]),
        Some("ps"),
    );
    by_key(&found, "organization:ministry-of-agriculture");
    assert_eq!(
        names(&found, EntityKind::Organization).len(),
        1,
        "{found:#?}"
    );
}

#[test]
fn dari_heavy_is_no_district_and_a_feast_is_no_person() {
    let found = find(
        &paras(&["در این درگیری تلفات سنگین بود و سلاح سنگین به کار رفت."]),
        Some("fa"),
    );
    assert!(names(&found, EntityKind::Place).is_empty(), "{found:#?}");
    let found = find(
        &paras(&["در ولسوالی سنگین هلمند مکتب تازه باز شد."]),
        Some("fa"),
    );
    by_key(&found, "place:sangin");
    let found = find(
        &paras(&["Thousands watched the Nowruz race in Kabul on Saturday."]),
        Some("en"),
    );
    assert!(names(&found, EntityKind::Person).is_empty(), "{found:#?}");
}

#[test]
fn a_un_mine_action_body_is_one_organisation_with_its_acronym() {
    let found = find(
        &paras(&[
            "The United Nations Mine Action Service said 40 fields were cleared. UNMAS has 300 staff in the country.",
        ]),
        Some("en"),
    );
    let e = by_key(&found, "organization:unmas");
    assert_eq!(e.mentions.len(), 2, "{e:#?}");
    assert!(
        found.iter().all(|e| e.key != "organization:united-nations"),
        "{found:#?}"
    );
}

#[test]
fn a_pashto_un_body_is_one_organisation_not_the_un() {
    let found = find(
        &paras(&[
            "د ملګرو ملتونو د کډوالو ادارې (UNHCR) ویلي چې کمپ ته اوبه رسېږي.",
            "د ملګرو ملتونو د مخدره توکو دفتر خپل راپور خپور کړ.",
        ]),
        Some("ps"),
    );
    by_key(&found, "organization:unhcr");
    assert!(
        found.iter().all(|e| e.key != "organization:united-nations"),
        "{found:#?}"
    );
    let orgs = names(&found, EntityKind::Organization);
    assert!(
        orgs.contains(&"د ملګرو ملتونو د مخدره توکو دفتر"),
        "{orgs:?}"
    );
}

#[test]
fn national_offices_public_health_in_arabic_and_a_posts_region() {
    let found = find(
        &paras(&["اداره ملی احصائیه اعلام کرد که نفوس کشور افزایش یافته است."]),
        Some("fa"),
    );
    let orgs = names(&found, EntityKind::Organization);
    assert!(orgs.contains(&"اداره ملی احصائیه"), "{orgs:?}");
    let found = find(
        &paras(&["وقالت وزارة الصحة العامة إن اللقاحات وصلت إلى هرات."]),
        Some("ar"),
    );
    by_key(&found, "organization:ministry-of-public-health");
    let found = find(
        &paras(&["The charity's Africa programme director, Joyce Mwangi, visited Kabul."]),
        Some("en"),
    );
    assert!(
        names(&found, EntityKind::Organization).is_empty(),
        "{found:#?}"
    );
}

#[test]
fn pashto_students_after_a_number_are_not_the_taliban() {
    let found = find(
        &paras(&["په هرات کې ۳۰۰ طالبانو ته سندونه ورکړل شول."]),
        Some("ps"),
    );
    assert!(
        found.iter().all(|e| e.key != "organization:taliban"),
        "{found:#?}"
    );
    let found = find(&paras(&["طالبانو وویل چې لاره خلاصه ده."]), Some("ps"));
    by_key(&found, "organization:taliban");
}

#[test]
fn urdu_a_roles_field_an_age_and_a_league() {
    let found = find(
        &paras(&[
            "ٹیم کے ڈائریکٹر کرکٹ عمران قریشی نے کراچی میں کہا کہ تیاری مکمل ہے۔",
            "25 سالہ حمیدی نے کہا کہ وہ خوش ہیں۔",
            "کشمیر پریمیئر لیگ کی انتظامیہ نے ہر لیگ کی طرح نئے قواعد بنائے۔",
        ]),
        Some("ur"),
    );
    let people = names(&found, EntityKind::Person);
    assert!(people.contains(&"عمران قریشی"), "{people:?}");
    assert!(people.contains(&"حمیدی"), "{people:?}");
    assert!(!people.iter().any(|p| p.contains("سالہ")), "{people:?}");
    let orgs = names(&found, EntityKind::Organization);
    assert!(orgs.contains(&"کشمیر پریمیئر لیگ"), "{orgs:?}");
    assert!(!orgs.contains(&"ہر لیگ"), "{orgs:?}");
}

#[test]
fn an_organisation_noun_before_a_name_or_heading_its_apposition() {
    let found = find(
        &paras(&[
            "The aid group Lifeline Partners said it had sent food. Kavir Energy, the Iranian state company running the plant, said output rose.",
            "Sara Lindholm, the group's country director, said the clinics were full.",
        ]),
        Some("en"),
    );
    let orgs = names(&found, EntityKind::Organization);
    assert!(orgs.contains(&"Lifeline Partners"), "{orgs:?}");
    assert!(orgs.contains(&"Kavir Energy"), "{orgs:?}");
    let people = names(&found, EntityKind::Person);
    assert!(people.contains(&"Sara Lindholm"), "{people:?}");
}

#[test]
fn one_capitalised_word_after_a_preposition_and_the_is_a_place() {
    let found = find(
        &paras(&["Herders from Shighnan graze their yaks in the Alichur every summer."]),
        Some("en"),
    );
    let places = names(&found, EntityKind::Place);
    assert!(places.contains(&"Alichur"), "{found:#?}");
    assert!(names(&found, EntityKind::Person).is_empty(), "{found:#?}");
}

#[test]
fn an_urdu_team_named_after_its_city_after_franchise() {
    let found = find(
        &paras(&["لیگ کی فرنچائز کوئٹہ گلیڈیئیٹرز نے نیا کوچ مقرر کیا۔"]),
        Some("ur"),
    );
    let orgs = names(&found, EntityKind::Organization);
    assert!(orgs.contains(&"کوئٹہ گلیڈیئیٹرز"), "{orgs:?}");
    assert!(names(&found, EntityKind::Place).is_empty(), "{found:#?}");
}

#[test]
fn names_running_over_of_and_a_portfolio_after_it() {
    let found = find(
        &paras(&[
            "Visitors queued outside the Museum of Popular Arts in Bergen. Austria expelled them, the Federal Ministry of the Interior said.",
            "The National Olympic Committee of Afghanistan sent 40 athletes. Surveyors measured the Tower of Saraband on Monday.",
        ]),
        Some("en"),
    );
    let orgs = names(&found, EntityKind::Organization);
    assert!(orgs.contains(&"Museum of Popular Arts"), "{orgs:?}");
    assert!(
        orgs.contains(&"Federal Ministry of the Interior"),
        "{orgs:?}"
    );
    assert!(
        orgs.contains(&"National Olympic Committee of Afghanistan"),
        "{orgs:?}"
    );
    let places = names(&found, EntityKind::Place);
    assert!(places.contains(&"Tower of Saraband"), "{places:?}");
    // Afghanistan is named only inside the committee's name.
    assert!(!places.contains(&"Afghanistan"), "{places:?}");
    assert!(names(&found, EntityKind::Person).is_empty(), "{found:#?}");
}

#[test]
fn a_project_acronym_and_a_nationality_before_a_noun_are_no_names() {
    let found = find(
        &paras(&[
            "Work on the Uzbek stretch of the KUAR railway resumed in May. KUAR will carry freight.",
            "Wrestler Jamshid Oryakhel trained in Kabul. Climber Sahar Noori joined him.",
        ]),
        Some("en"),
    );
    let all: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
    assert!(!all.iter().any(|n| n.contains("KUAR")), "{all:?}");
    assert!(!all.iter().any(|n| n.starts_with("Work")), "{all:?}");
    let people = names(&found, EntityKind::Person);
    assert!(people.contains(&"Jamshid Oryakhel"), "{people:?}");
    assert!(people.contains(&"Sahar Noori"), "{people:?}");
}

#[test]
fn an_embassy_is_an_organisation() {
    let en = find(
        &paras(&["The Tajik embassy in Kabul said it would reopen its visa section."]),
        Some("en"),
    );
    assert!(
        names(&en, EntityKind::Organization).contains(&"Tajik embassy"),
        "{en:#?}"
    );
    assert!(names(&en, EntityKind::Person).is_empty(), "{en:#?}");
    let fa = find(
        &paras(&["سفارت تاجیکستان در کابل اعلام کرد که بخش ویزا را باز می‌کند."]),
        Some("fa"),
    );
    assert!(
        names(&fa, EntityKind::Organization).contains(&"سفارت تاجیکستان"),
        "{fa:#?}"
    );
}

#[test]
fn arabic_nationality_after_a_body_and_a_preposition_after_a_name() {
    let found = find(
        &paras(&[
            "وأعلنت جمعية الرحمة العالمية القطرية توزيع الأغطية. وقال المزارع حاجي گل أحمد للجزيرة إن البرد شديد.",
        ]),
        Some("ar"),
    );
    let orgs = names(&found, EntityKind::Organization);
    assert!(orgs.contains(&"جمعية الرحمة العالمية"), "{orgs:?}");
    let people = names(&found, EntityKind::Person);
    assert!(people.contains(&"گل أحمد"), "{people:?}");
    assert!(!people.iter().any(|p| p.contains("للجزيرة")), "{people:?}");
}

#[test]
fn a_pashto_department_of_the_province_names_no_body() {
    let found = find(
        &paras(&["د ولایت د امنیې قوماندانۍ ویاند شیر اکبر وزیري وویل چې لاره خلاصه ده."]),
        Some("ps"),
    );
    assert!(
        names(&found, EntityKind::Organization).is_empty(),
        "{found:#?}"
    );
    assert!(
        names(&found, EntityKind::Person).contains(&"شیر اکبر وزیري"),
        "{found:#?}"
    );
}

#[test]
fn a_dari_body_named_in_guillemets_after_its_noun() {
    let found = find(
        &paras(&["نسرین احمدی، مدیر انتشارات «کهکشان»، گفت که کاغذ گران شده است."]),
        Some("fa"),
    );
    assert!(
        names(&found, EntityKind::Organization).contains(&"کهکشان"),
        "{found:#?}"
    );
}

#[test]
fn a_pashto_given_name_after_an_age_in_apposition() {
    let found = find(
        &paras(&["د ټپیانو له ډلې یو، ۱۶ کلن عبدالواحد، په روغتون کې دی."]),
        Some("ps"),
    );
    assert!(
        names(&found, EntityKind::Person).contains(&"عبدالواحد"),
        "{found:#?}"
    );
}

#[test]
fn an_awards_ceremony_is_no_person_and_no_body() {
    let found = find(
        &paras(&[
            "Her film was nominated for the Emmy Awards last year.",
            "The director, Parwin Sadiqi, hopes to be at the Academy Awards.",
        ]),
        Some("en"),
    );
    let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains("Awards")), "{names:?}");
    assert!(names.contains(&"Parwin Sadiqi"), "{names:?}");
}

#[test]
fn a_vessel_after_its_prefix_is_no_person() {
    let found = find(
        &paras(&[
            "The freighter MV Gibe reached the port, escorted by INS Sukanya.",
            "Later the crew of HMS Kestrel and USS Orion met Captain Raman Iyer.",
        ]),
        Some("en"),
    );
    let people: Vec<&str> = found
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    for ship in ["Gibe", "Sukanya", "Kestrel", "Orion"] {
        assert!(!people.iter().any(|n| n.contains(ship)), "{people:?}");
    }
    assert!(people.contains(&"Raman Iyer"), "{people:?}");
}

#[test]
fn a_gulf_a_dateline_country_and_a_limited_company() {
    let found = find(
        &paras(&[
            "TBILISI, Georgia (AP) — The ship crossed the Gulf of Oman on Monday.",
            "The cargo was handled by Coastal Ports Global Limited. Zarin Logistics said so.",
        ]),
        Some("en"),
    );
    let kind = |n: &str| found.iter().find(|e| e.name == n).map(|e| e.kind);
    assert_eq!(kind("Georgia"), Some(EntityKind::Place), "{found:#?}");
    assert_eq!(kind("Gulf of Oman"), Some(EntityKind::Place), "{found:#?}");
    assert_eq!(
        kind("Coastal Ports Global Limited"),
        Some(EntityKind::Organization),
        "{found:#?}"
    );
    assert_eq!(
        kind("Zarin Logistics"),
        Some(EntityKind::Organization),
        "{found:#?}"
    );
}

#[test]
fn the_outlet_named_without_its_news_is_dropped() {
    use khabar_understand::entities::without_outlet;
    let p = paras(&["مریم احمدی در گفتگو با طلوع‌نیوز گفت که مکتب باز شد."]);
    let mut found = find(&p, Some("fa"));
    assert!(found.iter().any(|e| e.name == "TOLOnews"), "{found:#?}");
    without_outlet(&p, &mut found, Some("Tolo"));
    assert!(found.iter().all(|e| e.name != "TOLOnews"), "{found:#?}");
}

#[test]
fn an_acronym_after_known_as_joins_its_expansion() {
    let found = find(
        &paras(&[
            "The Asian Rowing Association, known as ARA, will meet in Kabul. An ARA statement followed.",
        ]),
        Some("en"),
    );
    let orgs: Vec<&str> = found
        .iter()
        .filter(|e| e.kind == EntityKind::Organization)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(orgs, ["Asian Rowing Association"], "{found:#?}");
}

/// The keys typed Person in `found`.
fn persons(found: &[FoundEntity]) -> Vec<&str> {
    found
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.key.as_str())
        .collect()
}

#[test]
fn a_company_before_a_speech_verb_is_an_organization() {
    let found = find(
        &paras(&["Apple said the new phones would ship in the spring."]),
        Some("en"),
    );
    let apple = by_key(&found, "organization:apple");
    assert!(apple.known);
    assert!(persons(&found).is_empty(), "{:?}", persons(&found));
}

#[test]
fn a_month_a_short_title_and_a_state_are_no_names() {
    let found = find(
        &paras(&["The offer runs through Nov. 6, said Rep. John Smith of Texas."]),
        Some("en"),
    );
    assert_eq!(persons(&found), vec!["person:john-smith"]);
    let smith = by_key(&found, "person:john-smith");
    assert_eq!(smith.mentions[0].surface, "John Smith");
    assert_eq!(by_key(&found, "place:texas").kind, EntityKind::Place);
}

#[test]
fn a_city_before_a_weekday_is_a_known_place() {
    let found = find(
        &paras(&["The governor is heading to Detroit Monday for the talks."]),
        Some("en"),
    );
    let detroit = by_key(&found, "place:detroit");
    assert!(detroit.known);
    assert_eq!(
        found.len(),
        1,
        "{:?}",
        found.iter().map(|e| &e.key).collect::<Vec<_>>()
    );
}

#[test]
fn holidays_diseases_and_awards_are_no_persons() {
    let found = find(
        &paras(&[
            "Before Christmas, Ebola spread fast, a doctor told the paper.",
            "After Thanksgiving, Oscars voters met; Ebola was the talk.",
        ]),
        Some("en"),
    );
    assert!(persons(&found).is_empty(), "{:?}", persons(&found));
}

#[test]
fn a_place_that_is_also_a_given_name_stays_a_name() {
    let found = find(
        &paras(&["Sofia Marsh, a nurse, said the ward was full. Paris is far."]),
        Some("en"),
    );
    by_key(&found, "person:sofia-marsh");
    by_key(&found, "place:paris");
    assert!(!found.iter().any(|e| e.key == "place:sofia"));
}

#[test]
fn a_party_and_state_tag_and_spaced_initials_are_no_names() {
    let found = find(
        &paras(&[
            "Sen. Dana Reyes (D-Nev.) and Rep. Lee Park, R-Calif., spoke in the U. S. capital.",
        ]),
        Some("en"),
    );
    let mut p = persons(&found);
    p.sort_unstable();
    assert_eq!(p, vec!["person:dana-reyes", "person:lee-park"]);
}

#[test]
fn a_product_after_its_company_is_no_person() {
    let found = find(
        &paras(&[
            "Buyers lined up for the Toyota Corvo, and Samsung Nimbus sales slowed.",
            "Samsung said it would cut prices.",
        ]),
        Some("en"),
    );
    assert_eq!(
        by_key(&found, "organization:toyota-corvo").kind,
        EntityKind::Organization
    );
    assert_eq!(
        by_key(&found, "organization:samsung-nimbus").kind,
        EntityKind::Organization
    );
    assert!(by_key(&found, "organization:samsung").known);
    assert!(persons(&found).is_empty(), "{:?}", persons(&found));
}

#[test]
fn a_chief_of_staff_and_a_ceo_are_roles_before_a_name() {
    let found = find(
        &paras(&["Apple CEO Mara Quill met Chief of Staff Owen Tate on Tuesday."]),
        Some("en"),
    );
    let mut p = persons(&found);
    p.sort_unstable();
    assert_eq!(p, vec!["person:mara-quill", "person:owen-tate"]);
}

#[test]
fn a_region_in_an_event_or_a_post_is_no_place() {
    let found = find(
        &paras(&[
            "The team won the Asia Cup on Sunday.",
            "Lena Hart, the group's Africa programme director, agreed.",
        ]),
        Some("en"),
    );
    assert!(
        !found
            .iter()
            .any(|e| e.key == "place:asia" || e.key == "place:africa")
    );
    by_key(&found, "person:lena-hart");
}

#[test]
fn a_newspaper_or_a_team_named_after_a_place_is_an_organisation() {
    let found = find(
        &paras(&[
            "The Boston Globe and the Sydney Morning Herald carried the story.",
            "The Chicago Bulls beat the New England Patriots, and the Globe said the Patriots were tired.",
            "Residents of Kabul say the Herat Residents Council met twice; Kabul Afghans marched.",
        ]),
        Some("en"),
    );
    for key in [
        "organization:boston-globe",
        "organization:sydney-morning-herald",
        "organization:chicago-bulls",
        "organization:new-england-patriots",
    ] {
        assert_eq!(by_key(&found, key).kind, EntityKind::Organization, "{key}");
    }
    // The last word alone names the same organisation.
    assert_eq!(
        by_key(&found, "organization:boston-globe").mentions.len(),
        2
    );
    assert_eq!(
        by_key(&found, "organization:new-england-patriots")
            .mentions
            .len(),
        2
    );
    // The place itself is still a place, where it is named alone.
    by_key(&found, "place:kabul");
    assert!(persons(&found).is_empty(), "{:?}", persons(&found));
    // A plural word a word list knows is no team ("Kabul Afghans").
    assert!(!found.iter().any(|e| e.key == "organization:kabul-afghans"));
}

#[test]
fn a_title_case_headline_names_no_team() {
    let found = find(
        &paras(&["Senator Criticised Over Kabul Remarks"]),
        Some("en"),
    );
    assert!(
        !found.iter().any(|e| e.key == "organization:kabul-remarks"),
        "{found:?}"
    );
}

#[test]
fn the_swedish_committee_by_its_short_names_is_not_sweden() {
    let found = find(
        &paras(&[
            "د سویډن کمېټې ویاند وویل چې په غزني کې ښوونځي بیا پرانیستل شول.",
            "کمیته سویدن در هرات دو کلینیک را بازگشایی کرد.",
            "د سویډن سفیر په کابل کې وو.",
        ]),
        Some("ps"),
    );
    assert_eq!(
        by_key(&found, "organization:swedish-committee-for-afghanistan")
            .mentions
            .len(),
        2
    );
    // The country, where it is named alone.
    assert_eq!(by_key(&found, "place:sweden").mentions.len(), 1);
}
