//! Teaser: the sentence that tells the story.

use khabar_understand::teaser::pick;

fn paras(ps: &[&str]) -> Vec<String> {
    ps.iter().map(|p| p.to_string()).collect()
}

#[test]
fn skips_byline_caption_question_and_quote_to_find_the_lead() {
    let body = paras(&[
        "By Jane Roe",
        "A girl reads in a classroom in Herat",
        "Why are the schools still closed?",
        "“We have waited three years for this,” one mother said in tears outside the gate.",
        "Girls’ secondary schools in Herat stayed closed on Saturday as the new school year began, local officials said.",
        "Teachers said they had not been paid since the spring.",
    ]);
    assert_eq!(
        pick(
            "Herat girls’ schools stay closed as new school year begins",
            &body
        )
        .as_deref(),
        Some(
            "Girls’ secondary schools in Herat stayed closed on Saturday as the new school year began, local officials said."
        )
    );
}

#[test]
fn the_title_can_pull_a_later_sentence_ahead_of_the_first() {
    let body = paras(&[
        "It was a cold morning in the capital, and the market opened late as it often does in winter.",
        "Wheat flour prices in Kabul rose by a fifth this week after Pakistan closed the Torkham crossing to trucks.",
    ]);
    assert_eq!(
        pick("Kabul flour prices jump as Torkham crossing closes", &body).as_deref(),
        Some(
            "Wheat flour prices in Kabul rose by a fifth this week after Pakistan closed the Torkham crossing to trucks."
        )
    );
}

#[test]
fn a_dateline_is_cut_from_the_teaser() {
    let body = paras(&[
        "KANDAHAR, Afghanistan (AP) — Heavy rain flooded dozens of villages in Kandahar province overnight, officials said on Monday.",
    ]);
    assert_eq!(
        pick("Floods in Kandahar", &body).as_deref(),
        Some(
            "Heavy rain flooded dozens of villages in Kandahar province overnight, officials said on Monday."
        )
    );
}

#[test]
fn a_dari_lead_is_picked() {
    let body = paras(&[
        "وزارت معارف اعلام کرد که سال تعلیمی جدید در ولایات سردسیر از روز شنبه آغاز می‌شود.",
        "آیا مکاتب دختران هم باز می‌شود؟",
    ]);
    assert_eq!(
        pick("آغاز سال تعلیمی جدید در ولایات سردسیر", &body).as_deref(),
        Some("وزارت معارف اعلام کرد که سال تعلیمی جدید در ولایات سردسیر از روز شنبه آغاز می‌شود.")
    );
}

#[test]
fn a_body_of_short_lines_still_gets_its_first_sentence() {
    let body = paras(&["Talks resume in Doha today.", "More soon."]);
    assert_eq!(
        pick("Talks", &body).as_deref(),
        Some("Talks resume in Doha today.")
    );
}
