//! Words of a paragraph with their byte spans and matching keys.

use crate::normalize::normalize;

/// One word of a paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Byte span in the paragraph.
    pub start: usize,
    pub end: usize,
    /// Matching form: Latin lower-cased (dots of `U.N.` dropped),
    /// Arabic script normalised.
    pub key: String,
    /// Written in Arabic script.
    pub arabic: bool,
    /// Starts with an upper-case letter.
    pub upper: bool,
    /// Two or more letters, all upper case (`UNHCR`, `U.N.`, `COP29`).
    pub caps: bool,
}

/// Letters that belong inside an Arabic-script word but are not
/// alphanumeric: marks, tatweel and the zero-width (non-)joiner.
fn is_word_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}' | '\u{200C}' | '\u{200D}')
        || (c.is_alphanumeric())
        || matches!(c, '\u{0300}'..='\u{036F}')
}

pub(crate) fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// The words of `text`. A dotted acronym or initials (`U.N.`, `J.P.`) is
/// one word keyed without its dots; apostrophes and hyphens split words.
/// A social media handle (`@MoPW_Afg`, as an embedded post's line naming
/// its poster writes it) is no word: its parts are not names.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    // Byte offsets throughout; `at` reads the character starting at one.
    let at = |b: usize| text[b..].chars().next();
    let latin_letter = |b: usize| at(b).is_some_and(|c| c.is_alphabetic() && !is_arabic(c));
    let dot = |b: usize| text.as_bytes().get(b) == Some(&b'.');
    // The offset after the character at `b` (at the end: the end).
    let after = |b: usize| b + at(b).map_or(0, char::len_utf8);
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        // ASCII spaces and punctuation, a byte at a time; a handle whole.
        if byte.is_ascii() && !byte.is_ascii_alphanumeric() {
            i += 1;
            if byte == b'@' {
                while bytes
                    .get(i)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
                {
                    i += 1;
                }
            }
            continue;
        }
        let Some(c) = at(i) else { break };
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let b = i;
        // `U.N.`, `J.P.`, `U.S.A.`: letter, dot, letter, dot…
        if latin_letter(i)
            && dot(after(i))
            && latin_letter(after(i) + 1)
            && dot(after(after(i) + 1))
        {
            let mut j = i;
            let mut letters = String::new();
            while let Some(l) = at(j)
                && latin_letter(j)
                && dot(j + l.len_utf8())
            {
                letters.push(l);
                j += l.len_utf8() + 1;
            }
            let upper = letters.chars().all(char::is_uppercase);
            out.push(Token {
                start: b,
                end: j,
                key: letters.to_lowercase(),
                arabic: false,
                upper,
                caps: upper,
            });
            i = j;
            continue;
        }
        // One pass over the word: its end, and whether its letters are all
        // capitals.
        let mut j = i;
        let (mut letters, mut capitals, mut ascii) = (0usize, 0usize, true);
        while let Some(&byte) = bytes.get(j) {
            // An ASCII character is a word mark when it is a letter or a digit.
            if byte.is_ascii() {
                if !byte.is_ascii_alphanumeric() {
                    break;
                }
                if byte.is_ascii_alphabetic() {
                    letters += 1;
                    capitals += usize::from(byte.is_ascii_uppercase());
                }
                j += 1;
                continue;
            }
            let Some(ch) = at(j) else { break };
            if !is_word_mark(ch) {
                break;
            }
            ascii = false;
            if ch.is_alphabetic() {
                letters += 1;
                capitals += usize::from(ch.is_uppercase());
            }
            j += ch.len_utf8();
        }
        let end = j;
        let surface = &text[b..end];
        let arabic = is_arabic(c);
        let key = if arabic {
            normalize(surface)
        } else if ascii {
            surface.to_ascii_lowercase()
        } else {
            surface.to_lowercase()
        };
        let upper = c.is_uppercase();
        let caps = letters >= 2 && capitals == letters;
        out.push(Token {
            start: b,
            end,
            key,
            arabic,
            upper,
            caps,
        });
        i = j;
    }
    out
}

/// The key of a run of tokens: Latin words joined by a space, Arabic-script
/// words by nothing (so `ذبیح الله` and `ذبیح‌الله` match).
pub(crate) fn push_key(acc: &mut String, prev_arabic: Option<bool>, tok: &Token) {
    if let Some(prev) = prev_arabic
        && !(prev && tok.arabic)
    {
        acc.push(' ');
    }
    acc.push_str(&tok.key);
}

/// Whether only white space, a hyphen or an apostrophe separates two words
/// (they can belong to one name: "Children’s Fund"); `loose` also lets a
/// comma or a full stop through.
pub(crate) fn glued(text: &str, a: &Token, b: &Token, loose: bool) -> bool {
    text[a.end..b.start].chars().all(|c| {
        c.is_whitespace()
            || matches!(c, '-' | '‐' | '\u{200C}' | '\'' | '’')
            || (loose && matches!(c, ',' | '،' | '.'))
    })
}

/// Optimal-string-alignment distance (Levenshtein plus adjacent
/// transpositions, so "Matuil" / "Matiul" is one edit), on chars.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_acronyms_and_arabic_script() {
        let t = tokenize("The U.N. envoy met J.P. Singh in ذبیح‌الله’s office.");
        let keys: Vec<&str> = t.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "the",
                "un",
                "envoy",
                "met",
                "jp",
                "singh",
                "in",
                "ذبیحالله",
                "s",
                "office"
            ]
        );
        assert!(t[1].caps && t[1].upper);
        assert!(t[7].arabic);
        assert_eq!(&"The U.N. envoy"[t[1].start..t[1].end], "U.N.");
    }

    #[test]
    fn handles_are_no_words() {
        let text = "— Ministry of Public Works (@MoPW_Afg), 3 March; mail info@example.org";
        let keys: Vec<String> = tokenize(text).into_iter().map(|t| t.key).collect();
        assert_eq!(
            keys,
            [
                "ministry", "of", "public", "works", "3", "march", "mail", "info", "org"
            ]
        );
    }

    #[test]
    fn capitals_spans_and_letters_beyond_ascii() {
        let text = "UNHCR, COP29 and Zoë’s café-owner left the U.S.";
        let t = tokenize(text);
        let got: Vec<(&str, &str, bool, bool)> = t
            .iter()
            .map(|t| (&text[t.start..t.end], t.key.as_str(), t.upper, t.caps))
            .collect();
        assert_eq!(
            got,
            [
                ("UNHCR", "unhcr", true, true),
                ("COP29", "cop29", true, true),
                ("and", "and", false, false),
                ("Zoë", "zoë", true, false),
                ("s", "s", false, false),
                ("café", "café", false, false),
                ("owner", "owner", false, false),
                ("left", "left", false, false),
                ("the", "the", false, false),
                ("U.S.", "us", true, true),
            ]
        );
    }

    #[test]
    fn edit_distance_counts_a_transposition_as_one() {
        assert_eq!(edit_distance("matuil", "matiul"), 1);
        assert_eq!(edit_distance("khalis", "khalid"), 1);
        assert_eq!(edit_distance("kabul", "herat"), 5);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
