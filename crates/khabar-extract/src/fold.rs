//! Folding the letters that Afghan and Iranian pages write in more than
//! one form (Arabic or Persian yeh and kaf, Pashto or Persian gaf, with or
//! without a zero-width non-joiner), so that dates, labels and chrome
//! lines written in either form match the one form khabar's lists use.

/// A letter as the date reader ([`crate::dates::normalize`]) and the
/// phrase lists fold it: Arabic yeh and alef maksura to
/// Persian yeh, Arabic kaf to Persian kaf, Pashto gaf to Persian gaf. Each
/// keeps its length in UTF-8.
pub(crate) fn letter(c: char) -> char {
    match c {
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        'ګ' => 'گ',
        _ => c,
    }
}

/// `s` in small letters, with its Arabic-script letters folded
/// ([`letter`]) and the zero-width non-joiner that Persian writes
/// inside words made a space ("برچسب‌ها" and "برچسب ها" are one): the form
/// the lists of phrases (labels, boilerplate lines) are written in.
pub(crate) fn lower(s: &str) -> String {
    let l = s.to_lowercase();
    if l.is_ascii() {
        l
    } else {
        l.chars()
            .map(|c| if c == '\u{200C}' { ' ' } else { letter(c) })
            .collect()
    }
}
