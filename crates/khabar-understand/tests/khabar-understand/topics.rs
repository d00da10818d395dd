//! Topics: the built-in taxonomy and a configured one.

use khabar_understand::Taxonomy;

fn labels(title: &str, body: &[&str]) -> Vec<String> {
    let paragraphs: Vec<String> = body.iter().map(|p| p.to_string()).collect();
    Taxonomy::afghanistan()
        .classify(title, &paragraphs)
        .into_iter()
        .map(|m| m.topic)
        .collect()
}

#[test]
fn a_topic_shows_its_evidence_as_written() {
    let paragraphs = vec![
        "Pakistan deported 1,200 Afghan refugees through Torkham on Monday.".to_string(),
        "UNHCR said the returnees needed shelter.".to_string(),
    ];
    let topics =
        Taxonomy::afghanistan().classify("Deportations of Afghan refugees resume", &paragraphs);
    let refugees = topics
        .iter()
        .find(|t| t.topic == "refugees-migration")
        .expect("refugees topic");
    for word in ["Deportations", "refugees", "deported", "Torkham", "UNHCR"] {
        assert!(
            refugees.evidence.contains(&word.to_string()),
            "{word} in {:?}",
            refugees.evidence
        );
    }
    assert!(refugees.score >= 3.0);
}

#[test]
fn multi_label_in_dari_and_pashto() {
    let fa = labels(
        "مکاتب دختران همچنان بسته است",
        &[
            "وزارت معارف گفت که دختران بالاتر از صنف ششم اجازه رفتن به مکتب را ندارند و فعالان حقوق زنان این تصمیم را محکوم کردند.",
        ],
    );
    assert!(fa.contains(&"education".to_string()), "{fa:?}");
    assert!(fa.contains(&"women-rights".to_string()), "{fa:?}");
    let ps = labels(
        "په ننګرهار کې سیلابونو کورونه ویجاړ کړل",
        &["سیلابونو په ننګرهار کې سلګونه کورونه ویجاړ کړل او د وچکالۍ وروسته ورښتونه زیات شوي دي."],
    );
    assert_eq!(ps, ["climate-environment"]);
}

#[test]
fn one_passing_mention_does_not_label_an_article() {
    let got = labels(
        "Traders in Kabul count losses after border closure",
        &[
            "Traders in Kabul said exports of fruit fell sharply after the Torkham crossing closed.",
            "Prices of imported goods rose in the city’s markets.",
            "One trader said a relative who works at a hospital had lent him money.",
        ],
    );
    assert!(got.contains(&"humanitarian-economy".to_string()), "{got:?}");
    assert!(!got.contains(&"health".to_string()), "{got:?}");
}

#[test]
fn a_configured_taxonomy_is_read_from_toml_and_unknown_fields_are_refused() {
    let t = Taxonomy::from_toml(
        r#"
[[topic]]
name = "mining"
keywords = { en = ["lithium", "copper mine*"], fa = ["معدن"] }
"#,
    )
    .unwrap();
    let got = t.classify(
        "Lithium deal signed",
        &["The ministry signed a lithium contract; the copper mines in Logar wait.".to_string()],
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].topic, "mining");
    assert_eq!(got[0].evidence, ["Lithium", "copper mines"]);
    assert!(Taxonomy::from_toml("[[topic]]\nname = \"x\"\nkeywords = {}\nweight = 2\n").is_err());
}

#[test]
fn the_builtin_taxonomy_has_the_ten_topics() {
    let names: Vec<String> = Taxonomy::afghanistan()
        .topics
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(
        names,
        [
            "women-rights",
            "refugees-migration",
            "humanitarian-economy",
            "climate-environment",
            "security-conflict",
            "diplomacy-recognition",
            "drugs",
            "education",
            "health",
            "justice"
        ]
    );
}

#[test]
fn a_changed_taxonomy_is_not_served_from_the_cache() {
    let mut t =
        Taxonomy::from_toml("[[topic]]\nname = \"mining\"\nkeywords = { en = [\"lithium\"] }\n")
            .unwrap();
    let body = vec!["Copper and more copper: the copper mines of Logar reopened.".to_string()];
    assert!(t.classify("Copper mines reopen", &body).is_empty());
    t.topics[0]
        .keywords
        .insert("en".into(), vec!["copper".into()]);
    assert_eq!(t.classify("Copper mines reopen", &body)[0].topic, "mining");
}

#[test]
fn urdu_trade_losses_and_the_foreign_office_have_their_topics() {
    let economy = labels(
        "طورخم پر تاجر پریشان",
        &[
            "سرحد کی بندش سے تاجر روزانہ لاکھوں روپے کا نقصان اٹھا رہے ہیں اور کاروبار ٹھپ ہو گیا ہے۔",
        ],
    );
    assert!(
        economy.iter().any(|t| t == "humanitarian-economy"),
        "{economy:?}"
    );
    let diplomacy = labels(
        "ترجمان کی بریفنگ",
        &["وزارت خارجہ کی ترجمان نے ہفتہ وار بریفنگ میں کہا کہ افغان وفد سے ملاقات اچھی رہی۔"],
    );
    assert!(
        diplomacy.iter().any(|t| t == "diplomacy-recognition"),
        "{diplomacy:?}"
    );
}

#[test]
fn locusts_and_medicine_prices_have_their_topics() {
    let locusts = labels(
        "د ملخانو پر ضد مبارزه",
        &["د کندز په څو ولسوالیو کې ملخانو د پنبې کښتونه وخوړل."],
    );
    assert!(
        locusts.iter().any(|t| t == "climate-environment"),
        "{locusts:?}"
    );
    let medicine = labels(
        "أسعار الدواء",
        &["اشتكى سكان هرات من نقص الأدوية في الصيدليات الحكومية."],
    );
    assert!(medicine.iter().any(|t| t == "health"), "{medicine:?}");
}
