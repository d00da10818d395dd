//! Arabic-script normalisation for matching and search.
//!
//! The same Dari, Pashto or Arabic word reaches khabar in several spellings
//! that differ in code points only: Arabic yeh and kaf (ي ك) typed on an
//! Arabic keyboard for Persian ی ک, a stretched word (خبـــر), vowel marks
//! (خَبَر), a zero-width non-joiner or none (می‌رود / میرود), Persian (۲۵),
//! Eastern-Arabic (٢٥) or ASCII (25) digits. [`normalize`] maps them to one
//! form so that they match. It returns a new string: stored originals are
//! never changed, and nothing here should be shown to a reader.

use khabar_model::script::{fold_letter, is_silent};

/// The matching form of `text`:
///
/// - Arabic yeh, alef maksura and Pashto feminine yeh (ي ى ۍ) → Persian
///   yeh (ی), so an inflected Pashto ending (کمېشنرۍ / کمېشنري) matches;
///   Arabic kaf (ك) → keheh (ک);
/// - alef with hamza above or below and alef wasla (أ إ ٱ) → alef (ا); alef
///   with madda (آ) is a letter of its own in Persian and is kept;
/// - tatweel (ـ), harakat and other Arabic marks (ً ٌ ٍ َ ُ ِ ّ ْ ٰ …) removed;
/// - zero-width non-joiner and joiner, and direction marks, removed (so
///   می‌رود and میرود match; a spelling with a space, می رود, stays two words);
/// - Eastern-Arabic (٠–٩) and Persian (۰–۹) digits → ASCII; the Arabic
///   decimal and thousands separators (٫ ٬) and percent sign (٪) → `.` `,` `%`.
///
/// Everything else (Latin text included) is kept as it is.
///
/// ```
/// use khabar_understand::normalize::normalize;
/// assert_eq!(normalize("كابل"), "کابل");
/// assert_eq!(normalize("خبـــرِ"), "خبر");
/// assert_eq!(normalize("می\u{200C}رود"), "میرود");
/// assert_eq!(normalize("۲۵٫۵٪ و ٢٠٢٤"), "25.5% و 2024");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '٫' => out.push('.'),
            '٬' => out.push(','),
            '٪' => out.push('%'),
            // Latin accents are kept: "José" stays as written.
            '\u{0300}'..='\u{036F}' => out.push(c),
            _ if is_silent(c) => {}
            _ => out.push(fold_letter(c)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_keyboard_spellings_match_persian_ones() {
        assert_eq!(normalize("كتاب هاي ملي"), normalize("کتاب های ملی"));
        assert_eq!(normalize("علي"), "علی");
        assert_eq!(normalize("مصطفى"), "مصطفی");
        assert_eq!(normalize("أفغانستان"), normalize("افغانستان"));
        // آ is a letter of Persian (آب "water" is not اب).
        assert_eq!(normalize("آب"), "آب");
    }

    #[test]
    fn marks_tatweel_and_joiners_are_removed() {
        assert_eq!(normalize("مُحَمَّد"), "محمد");
        assert_eq!(normalize("الله\u{0670}"), "الله");
        assert_eq!(normalize("افغانســتان"), "افغانستان");
        assert_eq!(normalize("نمی\u{200C}خواهم"), "نمیخواهم");
        assert_eq!(normalize("\u{200F}کابل\u{200E}"), "کابل");
        // A space is a word boundary and stays one.
        assert_eq!(normalize("می رود"), "می رود");
    }

    #[test]
    fn digits_of_every_script_become_ascii() {
        assert_eq!(normalize("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
        assert_eq!(normalize("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(normalize("۱٬۲۰۰ نفر، ۳٫۵٪"), "1,200 نفر، 3.5%");
    }

    #[test]
    fn other_text_is_untouched_and_the_input_is_kept() {
        let original = String::from("Kabul, 12 June: UNAMA said «آرام».");
        let normal = normalize(&original);
        assert_eq!(normal, original);
        let persian = String::from("ك");
        let _ = normalize(&persian);
        assert_eq!(persian, "ك");
        assert_eq!(normalize(""), "");
    }
}
