//! Folding the letters that Afghan and Iranian pages write in more than
//! one form, so that dates, labels and chrome lines written either way
//! match the one form khabar's lists are written in. The table is the one
//! understanding and search share ([`khabar_model::script`]): Arabic yeh,
//! alef maksura and Pashto feminine yeh to Persian yeh, Arabic kaf to
//! keheh, hamzated alefs to alef, Eastern-Arabic and Persian digits to
//! ASCII. The extractor adds Pashto gaf (ګ) to Persian gaf (گ), as Pashto
//! month names reach it in both.

use khabar_model::script::{fold_letter, is_silent};

/// A letter in its matching form (see the module doc).
pub(crate) fn letter(c: char) -> char {
    match c {
        'ګ' => 'گ',
        c => fold_letter(c),
    }
}

/// `s` in small letters and its matching form: letters folded
/// ([`letter`]), the zero-width non-joiner that Persian writes inside
/// words made a space ("برچسب‌ها" and "برچسب ها" are one), and the marks
/// matching drops (tatweel, vowel marks, direction marks) dropped: the form
/// the lists of phrases (labels, boilerplate lines) are written in.
pub(crate) fn lower(s: &str) -> String {
    let l = s.to_lowercase();
    if l.is_ascii() {
        return l;
    }
    l.chars()
        .filter_map(|c| match c {
            '\u{200C}' => Some(' '),
            c if is_silent(c) => None,
            c => Some(letter(c)),
        })
        .collect()
}
