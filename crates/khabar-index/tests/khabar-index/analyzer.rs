//! The analyzer: Arabic-script normalisation, digits, joiners, stemming.

use khabar_index::analyze;

#[test]
fn arabic_keyboard_letters_match_persian_ones() {
    assert_eq!(analyze("علي"), analyze("علی"));
    assert_eq!(analyze("مصطفى"), analyze("مصطفی"));
    assert_eq!(analyze("كابل"), analyze("کابل"));
    assert_eq!(analyze("كابل"), ["کابل"]);
    assert_eq!(analyze("أفغانستان"), analyze("افغانستان"));
    assert_eq!(analyze("مدرسة"), analyze("مدرسه"));
    assert_eq!(analyze("خانۀ"), analyze("خانه"));
}

#[test]
fn tatweel_and_diacritics_vanish_inside_words() {
    assert_eq!(analyze("افغانســتان"), ["افغانستان"]);
    assert_eq!(analyze("مُحَمَّد"), ["محمد"]);
}

#[test]
fn zwnj_joins_the_word_it_sits_in() {
    let with = analyze("کتاب\u{200C}ها");
    assert_eq!(with, ["کتابها"]);
    assert_eq!(with, analyze("کتابها"));
    assert_eq!(analyze("می\u{200C}رود"), analyze("میرود"));
    // A space is a word boundary.
    assert_eq!(analyze("کتاب ها"), ["کتاب", "ها"]);
}

#[test]
fn digits_of_every_script_become_ascii() {
    assert_eq!(analyze("۱۴۰۳"), ["1403"]);
    assert_eq!(analyze("٢٠٢٤"), ["2024"]);
    assert_eq!(analyze("۲۵ نفر"), analyze("25 نفر"));
}

#[test]
fn latin_words_are_lower_cased_and_stemmed() {
    assert_eq!(analyze("refugees"), analyze("refugee"));
    assert_eq!(analyze("Refugees"), analyze("refugee"));
    assert_eq!(
        analyze("flooded floods flooding"),
        ["flood", "flood", "flood"]
    );
    assert_eq!(analyze("Afghanistan's"), analyze("Afghanistan"));
    assert_eq!(analyze("KABUL"), ["kabul"]);
}

#[test]
fn arabic_script_is_never_stemmed() {
    // An Arabic stemmer would strip the article and plural; khabar keeps words whole.
    assert_eq!(analyze("المعلمون"), ["المعلمون"]);
    assert_eq!(analyze("مهاجرین"), ["مهاجرین"]);
}

#[test]
fn mixed_text_splits_at_script_punctuation() {
    assert_eq!(analyze("UNAMA،کابل؛ 2024"), ["unama", "کابل", "2024"]);
}
