//! A sentence as tokens (numbers, words, symbols) that keep their place in
//! the original text, so a figure's surface is quoted as written.

use std::borrow::Cow;

use crate::normalize::normalize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Digits in any script, with their separators.
    Num,
    /// Letters (any script), with joiners and inner apostrophes.
    Word,
    /// One other character (punctuation, `%`, `$`, …).
    Sym,
}

#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub kind: Kind,
    /// As written.
    pub text: &'a str,
    /// Byte range in the sentence.
    pub start: usize,
    pub end: usize,
    /// Matching form: normalised, lower-case, possessive `'s` dropped
    /// (the text itself when that changes nothing).
    pub norm: Cow<'a, str>,
    /// White space between this token and the one before it.
    pub space_before: bool,
    /// For numbers: the value, and whether the digits carry separators.
    pub value: f64,
    pub separated: bool,
    /// For numbers: the count of digits before any decimal point.
    pub int_digits: usize,
    /// For words: starts with an upper-case letter.
    pub capital: bool,
}

impl Tok<'_> {
    pub fn is(&self, norm: &str) -> bool {
        self.norm == norm
    }
    pub fn sym(&self, c: char) -> bool {
        self.kind == Kind::Sym && self.text.starts_with(c)
    }
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    /// Whether the word is written in Arabic script.
    pub fn arabic(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().any(is_arabic_script)
    }
}

pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

fn is_arabic_digit(c: char) -> bool {
    ('\u{0660}'..='\u{0669}').contains(&c) || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

pub(crate) fn is_arabic_script(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

fn is_word_char(c: char) -> bool {
    (c.is_alphabetic() && !is_digit(c))
        || matches!(c, '\u{200C}' | '\u{200D}' | '\u{0640}')
        || ('\u{064B}'..='\u{065F}').contains(&c)
        || c == '\u{0670}'
}

fn is_separator(c: char) -> bool {
    matches!(c, ',' | '٬' | '.' | '٫')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The tokens of `s`.
pub(crate) fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let chars = crate::char_indices(s);
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| chars.get(i).map_or(s.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut i = 0;
    let mut space = false;
    while i < chars.len() {
        let c = chars[i].1;
        // Direction marks and other invisible format characters separate
        // like spaces (`54\u{200F} کلن`).
        if c.is_whitespace()
            || matches!(
                c,
                '\u{00A0}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}'
            )
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
        {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if is_digit(c) {
            kind = Kind::Num;
            i += 1;
            loop {
                match at(i) {
                    Some(d) if is_digit(d) => i += 1,
                    Some(sep) if is_separator(sep) && at(i + 1).is_some_and(is_digit) => i += 2,
                    // `30،000`: the Arabic comma as a thousands separator,
                    // only before exactly three digits.
                    Some('،')
                        if (1..=3).all(|k| at(i + k).is_some_and(is_digit))
                            && !at(i + 4).is_some_and(is_digit) =>
                    {
                        i += 2
                    }
                    // `۲/۵`: a Persian decimal written with a slash (but not a date `۱۴۰۳/۰۸/۱۲`).
                    Some('/')
                        if is_arabic_digit(c)
                            && at(i + 1).is_some_and(is_arabic_digit)
                            && !at(i + 2).is_some_and(is_digit)
                            && at(i + 2) != Some('/') =>
                    {
                        i += 2
                    }
                    _ => break,
                }
            }
        } else if is_word_char(c) {
            kind = Kind::Word;
            i += 1;
            loop {
                match at(i) {
                    Some(d) if is_word_char(d) => i += 1,
                    Some(a) if is_apostrophe(a) && at(i + 1).is_some_and(|n| n.is_alphabetic()) => {
                        i += 2
                    }
                    _ => break,
                }
            }
        } else {
            kind = Kind::Sym;
            i += 1;
        }
        let (b0, b1) = (byte(start), byte(i));
        let text = &s[b0..b1];
        let mut tok = Tok {
            kind,
            text,
            start: b0,
            end: b1,
            norm: Cow::Borrowed(""),
            space_before: space,
            value: 0.0,
            separated: false,
            int_digits: 0,
            capital: false,
        };
        space = false;
        match kind {
            Kind::Num => {
                let (v, sep, int) = parse_number(text);
                tok.value = v;
                tok.separated = sep;
                tok.int_digits = int;
                tok.norm = if text.is_ascii() {
                    Cow::Borrowed(text)
                } else {
                    Cow::Owned(normalize(text))
                };
            }
            Kind::Word => {
                tok.capital = text.chars().next().is_some_and(char::is_uppercase);
                tok.norm = if text.is_ascii() {
                    // Lower case, the possessive dropped, allocating only
                    // for capitals.
                    let t = match text.as_bytes() {
                        [.., b'\'', b's' | b'S'] => &text[..text.len() - 2],
                        _ => text,
                    };
                    if t.bytes().any(|b| b.is_ascii_uppercase()) {
                        Cow::Owned(t.to_ascii_lowercase())
                    } else {
                        Cow::Borrowed(t)
                    }
                } else {
                    let mut n = normalize(text).to_lowercase().replace('’', "'");
                    if n.ends_with("'s") {
                        n.truncate(n.len() - 2);
                    }
                    Cow::Owned(n)
                };
            }
            Kind::Sym => tok.norm = Cow::Borrowed(text),
        }
        out.push(tok);
    }
    out
}

/// The value of digits as written: `761,200`, `۷۶۱٬۲۰۰`, `1.2`, `۲٫۵`, `۲/۵`,
/// `1.382.000` (dots as thousands separators when there are several). Also
/// whether separators were written, and the number of integer digits.
fn parse_number(text: &str) -> (f64, bool, usize) {
    let n = normalize(text).replace('/', ".").replace('،', ",");
    let dots = n.matches('.').count();
    let separated = n.contains(',') || dots > 0;
    let plain: String = if dots > 1 {
        n.replace(['.', ','], "")
    } else {
        n.replace(',', "")
    };
    let int_digits = plain.split('.').next().map_or(0, str::len);
    (plain.parse().unwrap_or(0.0), separated, int_digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_every_script_and_their_separators() {
        let t = tokenize("over 761,200 and ۷۶۱٬۲۰۰ or ٢٥٫٥ and ۲/۵ but not ۱۴۰۳/۰۸/۱۲");
        let nums: Vec<f64> = t
            .iter()
            .filter(|t| t.kind == Kind::Num)
            .map(|t| t.value)
            .collect();
        assert_eq!(nums[..4], [761200.0, 761200.0, 25.5, 2.5]);
        // The date is three numbers with slashes between them.
        assert_eq!(nums[4..], [1403.0, 8.0, 12.0]);
    }

    #[test]
    fn words_keep_joiners_and_drop_possessives() {
        let t = tokenize("UNHCR’s پناهجویان‌ 2bn");
        assert_eq!(t[0].norm, "unhcr");
        assert_eq!(t[1].norm, "پناهجویان");
        assert_eq!(t[2].kind, Kind::Num);
        assert_eq!(t[3].text, "bn");
        assert!(!t[3].space_before);
    }

    #[test]
    fn ascii_words_are_lower_cased_without_possessive() {
        let t = tokenize("UNHCR's Taliban'S officials' 5,000 rock'n'roll");
        let norms: Vec<&str> = t.iter().map(|t| t.norm.as_ref()).collect();
        assert_eq!(
            norms,
            ["unhcr", "taliban", "officials", "'", "5,000", "rock'n'roll"]
        );
        // Nothing to change: the text itself, not a copy.
        assert!(matches!(t[2].norm, Cow::Borrowed(_)));
        assert!(matches!(t[3].norm, Cow::Borrowed(_)));
    }
}
