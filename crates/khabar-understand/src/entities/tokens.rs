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
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        // `U.N.`, `J.P.`, `U.S.A.`: letter, dot, letter, dot…
        let latin_letter = |k: usize| {
            chars
                .get(k)
                .is_some_and(|&(_, c)| c.is_alphabetic() && !is_arabic(c))
        };
        let dot = |k: usize| chars.get(k).is_some_and(|&(_, c)| c == '.');
        if latin_letter(i) && dot(i + 1) && latin_letter(i + 2) && dot(i + 3) {
            let mut j = i;
            let mut letters = String::new();
            while latin_letter(j) && dot(j + 1) {
                letters.push(chars[j].1);
                j += 2;
            }
            let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
            let upper = letters.chars().all(char::is_uppercase);
            out.push(Token {
                start: b,
                end,
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
        while j < chars.len() && is_word_mark(chars[j].1) {
            let ch = chars[j].1;
            ascii &= ch.is_ascii();
            if ch.is_alphabetic() {
                letters += 1;
                capitals += usize::from(ch.is_uppercase());
            }
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
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
    fn edit_distance_counts_a_transposition_as_one() {
        assert_eq!(edit_distance("matuil", "matiul"), 1);
        assert_eq!(edit_distance("khalis", "khalid"), 1);
        assert_eq!(edit_distance("kabul", "herat"), 5);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
