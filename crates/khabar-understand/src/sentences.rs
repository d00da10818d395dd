//! Sentence splitting for news text in Latin and Arabic script.
//!
//! A sentence ends at `.` `!` `?` `…` (Latin), `؟` (Arabic question mark) or
//! `۔` (Urdu full stop), with any closing quotes and brackets after them,
//! when whitespace and the start of a new sentence follow. A full stop does
//! not end a sentence
//!
//! - inside a number (`3.5`, `۲.۵`) or a name (`khabar.org`): no space follows;
//! - after a title or common abbreviation (`Mr.`, `Dr.`, `Gen.`, `Jan.`, `e.g.`);
//! - after an initial or a dotted acronym (`J.P. Singh`, `U.N. staff`),
//!   unless a word that usually starts a sentence follows (`the U.N. The …`);
//! - before a lower-case Latin letter (`approx. five`).
//!
//! The Arabic semicolon `؛` separates clauses, as `;` does, and is no
//! boundary. Line breaks inside a paragraph (verse) are kept inside the
//! sentence.

/// The sentences of `text`, trimmed, as slices of it (empty ones dropped).
///
/// ```
/// use khabar_understand::sentences::split;
/// assert_eq!(
///     split("Dr. Rahimi met U.N. envoys. Prices rose 3.5%!"),
///     ["Dr. Rahimi met U.N. envoys.", "Prices rose 3.5%!"],
/// );
/// assert_eq!(split("قیمت‌ها ۲.۵ درصد بالا رفت. آیا این ادامه دارد؟ بله."),
///            ["قیمت‌ها ۲.۵ درصد بالا رفت.", "آیا این ادامه دارد؟", "بله."]);
/// ```
pub fn split(text: &str) -> Vec<&str> {
    // Byte offsets throughout; only the text around a terminator is read.
    let at = |b: usize| text[b..].chars().next();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some((t, c)) = next_terminator(text, i) {
        // The run of terminators and closing marks: `?!`, `...`, `."`, `.»)`.
        let mut j = t + c.len_utf8();
        let mut only_dot = c == '.';
        let mut second = true;
        while let Some(d) = at(j)
            && (is_terminator(d) || is_closer(d))
        {
            if is_terminator(d) && d != '.' {
                only_dot = false;
            }
            if d == '.' && c == '.' && second {
                only_dot = false; // an ellipsis
            }
            second = false;
            j += d.len_utf8();
        }
        let end = j;
        let mut k = j;
        while let Some(d) = at(k)
            && d.is_whitespace()
        {
            k += d.len_utf8();
        }
        let boundary = match at(k) {
            None => true,
            Some(n) if k == j => {
                // No space: only `؟ ۔ !` before an Arabic-script letter.
                matches!(c, '؟' | '۔' | '!') && is_arabic_letter(n)
            }
            Some(n) if n.is_lowercase() => false,
            Some(_) if only_dot => !dot_is_abbreviation(text, t, k),
            Some(_) => true,
        };
        if boundary {
            push(&mut out, &text[start..end]);
            start = end;
        }
        i = j;
    }
    push(&mut out, &text[start..]);
    out
}

/// The first terminator at or after byte `from`, by its bytes: `.` `!` `?`
/// themselves, and the lead bytes of `…` `؟` `۔` (a lead byte never occurs
/// inside another character's encoding).
fn next_terminator(text: &str, from: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut b = from;
    while b < bytes.len() {
        match bytes[b] {
            b'.' | b'!' | b'?' => return Some((b, char::from(bytes[b]))),
            0xE2 | 0xD8 | 0xDB => {
                let c = text[b..].chars().next()?;
                if is_terminator(c) {
                    return Some((b, c));
                }
                b += c.len_utf8();
            }
            _ => b += 1,
        }
    }
    None
}

fn push<'a>(out: &mut Vec<&'a str>, s: &'a str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s);
    }
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '؟' | '۔')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c as u32, 0x0620..=0x064A | 0x066E..=0x06D3 | 0x06FA..=0x06FF)
}

/// Titles and abbreviations after which a full stop rarely ends a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "adm",
    "brig", "cmdr", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "st", "mt", "ft",
    "jr", "sr", "messrs", "mme", "mlle", "no", "nos", "vol", "art", "fig", "pp", "vs", "approx",
    "dept", "univ", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "e.g", "i.e", "cf", "ca", "inc", "ltd", "co", "corp", "bros",
];

/// Words that usually start a sentence: after an acronym's full stop, they
/// mean the sentence ended there ("… joined the U.N. The next day …").
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "On",
    "At",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "According",
    "However",
    "After",
    "Meanwhile",
    "When",
    "While",
    "Some",
    "Many",
    "Most",
    "If",
    "As",
];

/// Whether the full stop at byte `dot` closes an abbreviation, an initial
/// or an acronym rather than the sentence; `next` is the byte offset of the
/// next word's first character.
fn dot_is_abbreviation(text: &str, dot: usize, next: usize) -> bool {
    // The token before the dot, without opening quotes or brackets.
    let mut s = dot;
    while let Some(p) = text[..s].chars().next_back()
        && !p.is_whitespace()
    {
        s -= p.len_utf8();
    }
    while s < dot
        && let Some(p) = text[s..].chars().next()
        && matches!(p, '"' | '\'' | '“' | '‘' | '«' | '(' | '[')
    {
        s += p.len_utf8();
    }
    let token = &text[s..dot];
    if token.is_empty() {
        return false;
    }
    if ABBREVIATIONS.contains(&token.to_lowercase().as_str()) {
        return true;
    }
    // A one-letter word in Arabic script is a word, not an initial: the
    // Pashto verb "و" (was) ends its sentence ("… وخت ورکړل شوی و. «…»").
    // Dotted abbreviations of several letters ("ه.ش") still hold.
    let mut letters = token.chars();
    if let (Some(c), None) = (letters.next(), letters.next())
        && crate::entities::tokens::is_arabic(c)
    {
        return false;
    }
    // Initials and acronyms: every dot-separated part is a single letter.
    let initials = token.split('.').all(|part| {
        let mut cs = part.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
    });
    if !initials {
        return false;
    }
    let rest = &text[next..];
    let next_word = &rest[..rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len())];
    !STARTERS.contains(&next_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_letter_pashto_verb_ends_its_sentence() {
        let text = "هغه ورځ ښار ته تللی و. «موږ به بېرته راشو.»";
        assert_eq!(split(text).len(), 2);
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_split() {
        let text = "Mr. J.P. Singh told U.N. officials that prices rose 3.5 percent. \
                    Dr. Karimi disagreed.";
        assert_eq!(
            split(text),
            [
                "Mr. J.P. Singh told U.N. officials that prices rose 3.5 percent.",
                "Dr. Karimi disagreed."
            ]
        );
        assert_eq!(
            split("See khabar.org today. Or not."),
            ["See khabar.org today.", "Or not."]
        );
        assert_eq!(
            split("It costs approx. five dollars, e.g. for a bus."),
            ["It costs approx. five dollars, e.g. for a bus."]
        );
    }

    #[test]
    fn an_acronym_can_end_a_sentence() {
        assert_eq!(
            split("She moved to the U.S. The visa came later."),
            ["She moved to the U.S.", "The visa came later."]
        );
    }

    #[test]
    fn quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(
            split("He said: \"We will return.\" Then he left (quietly.) Why?! Nobody knows…"),
            [
                "He said: \"We will return.\"",
                "Then he left (quietly.)",
                "Why?!",
                "Nobody knows…"
            ]
        );
    }

    #[test]
    fn persian_pashto_urdu_and_arabic_boundaries() {
        assert_eq!(
            split(
                "نرخ تورم ۲.۵ درصد شد. چرا؟ کسی نمی‌داند؛ شاید ماه بعد. «این پایان نیست.» او گفت."
            ),
            [
                "نرخ تورم ۲.۵ درصد شد.",
                "چرا؟",
                "کسی نمی‌داند؛ شاید ماه بعد.",
                "«این پایان نیست.»",
                "او گفت."
            ]
        );
        assert_eq!(
            split("بارش سے سڑک بند ہو گئی۔ لوگ پریشان ہیں۔"),
            ["بارش سے سڑک بند ہو گئی۔", "لوگ پریشان ہیں۔"]
        );
        assert_eq!(split("هل وصلت؟نعم وصلت!"), ["هل وصلت؟", "نعم وصلت!"]);
        assert_eq!(
            split("ده وویل: ښه ده! بیا لاړ."),
            ["ده وویل: ښه ده!", "بیا لاړ."]
        );
    }

    #[test]
    fn empty_and_unterminated_text() {
        assert!(split("").is_empty());
        assert!(split("   ").is_empty());
        assert_eq!(
            split("No full stop at the end"),
            ["No full stop at the end"]
        );
        assert_eq!(split("3.5"), ["3.5"]);
    }
}
