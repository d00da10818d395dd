//! The Arabic-script letter table shared by matching (understanding) and
//! search (the index analyzer), so that a spelling one of them folds the
//! other folds too.
//!
//! The same Dari, Pashto or Arabic word reaches khabar in spellings that
//! differ in code points only: Arabic yeh and kaf typed on an Arabic
//! keyboard for Persian ی ک, a stretched word (خبـــر), vowel marks (خَبَر),
//! a zero-width non-joiner or none (می‌رود / میرود), Persian, Eastern-Arabic
//! or ASCII digits.
//!
//! ```
//! use khabar_model::script::{fold_letter, is_silent};
//! assert_eq!(fold_letter('ي'), 'ی');
//! assert_eq!(fold_letter('۲'), '2');
//! assert_eq!(fold_letter('x'), 'x');
//! assert!(is_silent('\u{200C}') && is_silent('ـ') && !is_silent('ب'));
//! ```

/// The matching form of one letter:
///
/// - Arabic yeh, alef maksura and Pashto feminine yeh (ي ى ۍ) → Persian yeh
///   (ی), so an inflected Pashto ending (کمېشنرۍ / کمېشنري) matches;
/// - Arabic kaf (ك) → keheh (ک);
/// - alef with hamza above or below and alef wasla (أ إ ٱ) → alef (ا); alef
///   with madda (آ) is a letter of its own in Persian and is kept;
/// - Eastern-Arabic (٠–٩) and Persian (۰–۹) digits → ASCII digits.
///
/// Every other character is returned as it is.
#[inline]
pub fn fold_letter(c: char) -> char {
    match c {
        'ي' | 'ى' | 'ۍ' => 'ی',
        'ك' => 'ک',
        'أ' | 'إ' | 'ٱ' => 'ا',
        '\u{0660}'..='\u{0669}' => shift_digit(c, 0x0660),
        '\u{06F0}'..='\u{06F9}' => shift_digit(c, 0x06F0),
        c => c,
    }
}

/// The ASCII digit for a digit of a block starting at `zero`.
fn shift_digit(c: char, zero: u32) -> char {
    char::from_digit(c as u32 - zero, 10).unwrap_or(c)
}

/// Characters that matching drops: tatweel, Arabic vowel and annotation
/// marks, Latin combining accents, zero-width joiners and direction marks.
#[inline]
pub fn is_silent(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'         // Latin combining accents
        | '\u{0610}'..='\u{061A}'       // Arabic honorifics and small marks
        | '\u{064B}'..='\u{065F}'       // harakat: fathatan … wavy hamza below
        | '\u{0640}'                    // tatweel
        | '\u{0670}'                    // superscript alef
        | '\u{06D6}'..='\u{06DC}'       // Quranic annotation marks
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}'       // extended Arabic marks
        | '\u{200B}'..='\u{200F}'       // ZWSP, ZWNJ, ZWJ, LRM, RLM
        | '\u{202A}'..='\u{202E}'       // bidi embeddings and overrides
        | '\u{2066}'..='\u{2069}'       // bidi isolates
        | '\u{FEFF}'                    // byte-order mark
    )
}
