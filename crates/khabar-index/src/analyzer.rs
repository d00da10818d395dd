//! One tokenizer for every language khabar reads: English, Dari/Persian,
//! Pashto, Urdu and Arabic.
//!
//! A word is a run of letters and digits. Within a word, the spellings that
//! differ in code points only are brought to one form, so that an Arabic
//! keyboard's ي and ك find the Persian ی and ک, a stretched or vowelled word
//! finds the bare one, and the Persian plural کتاب‌ها (with a zero-width
//! non-joiner) finds کتابها: joiners, tatweel and marks are dropped *inside*
//! the word, never split it. Digits of every script become ASCII. Latin
//! words are lower-cased and stemmed with the English Snowball stemmer
//! ("refugees" → "refugee"); Arabic-script words are never stemmed (no
//! stemmer fits Dari, Pashto and Urdu alike, and a wrong one joins words that
//! differ).
//!
//! `khabar_understand::normalize` does the same mapping for whole strings,
//! but a stage crate may not depend on another stage (ARCHITECTURE.md), and
//! a tokenizer needs it per character with byte offsets into the original
//! text (for highlighted snippets), so the character table lives here too.
//! Moving both to `khabar-model` would leave one table.

use frostem::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Name under which the analyzer is registered in the tantivy index.
pub const ANALYZER: &str = "khabar";

/// Words longer than this (in bytes, normalised) are not indexed: they are
/// base64, URLs or junk, and would bloat the term dictionary.
const MAX_TOKEN_BYTES: usize = 64;

/// The khabar tokenizer (see the module documentation).
#[derive(Clone)]
pub struct KhabarTokenizer {
    stemmer: Stemmer,
}

impl std::fmt::Debug for KhabarTokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KhabarTokenizer")
    }
}

impl Default for KhabarTokenizer {
    fn default() -> Self {
        KhabarTokenizer {
            stemmer: Stemmer::new(Algorithm::English),
        }
    }
}

impl Tokenizer for KhabarTokenizer {
    type TokenStream<'a> = KhabarTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> KhabarTokenStream<'a> {
        KhabarTokenStream {
            text,
            pos: 0,
            next_position: 0,
            token: Token::default(),
            stemmer: self.stemmer,
        }
    }
}

/// The tokens of one text.
#[allow(missing_debug_implementations)]
pub struct KhabarTokenStream<'a> {
    text: &'a str,
    /// Byte offset where scanning resumes.
    pos: usize,
    next_position: usize,
    token: Token,
    stemmer: Stemmer,
}

/// How a character takes part in a word.
enum Class {
    /// A letter or digit, in its matching form (one or more chars).
    Word,
    /// Kept inside a word but dropped from its form: joiners, tatweel,
    /// vowel marks, combining accents, direction marks.
    Silent,
    /// Anything else ends a word.
    Break,
}

fn class(c: char) -> Class {
    if is_silent(c) {
        Class::Silent
    } else if c.is_alphanumeric() {
        Class::Word
    } else {
        Class::Break
    }
}

/// Joiners, tatweel, Arabic and Latin combining marks, direction marks.
fn is_silent(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'         // Latin combining accents
        | '\u{0610}'..='\u{061A}'       // Arabic honorifics and small marks
        | '\u{064B}'..='\u{065F}'       // harakat
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

/// Appends the matching form of a word character to `out`.
fn push_normal(c: char, out: &mut String) {
    match c {
        'ي' | 'ى' => out.push('ی'),
        'ك' => out.push('ک'),
        // Teh marbuta and heh with yeh above are written as plain heh in
        // much Persian and Pashto typing (and by Arabic search engines).
        'ة' | 'ۀ' => out.push('ه'),
        'أ' | 'إ' | 'ٱ' => out.push('ا'),
        '\u{0660}'..='\u{0669}' => out.push(shift_digit(c, 0x0660)),
        '\u{06F0}'..='\u{06F9}' => out.push(shift_digit(c, 0x06F0)),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => out.extend(c.to_lowercase()),
    }
}

fn shift_digit(c: char, zero: u32) -> char {
    char::from_digit(c as u32 - zero, 10).unwrap_or(c)
}

/// Latin letters (Basic Latin, Latin-1, Latin Extended A/B).
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}' if c != '×' && c != '÷')
}

impl KhabarTokenStream<'_> {
    /// Scans the next word; false at the end of the text.
    fn scan(&mut self) -> bool {
        let text = self.text;
        loop {
            // Skip to the start of a word.
            let rest = &text[self.pos..];
            let Some((skip, _)) = rest
                .char_indices()
                .find(|&(_, c)| matches!(class(c), Class::Word))
            else {
                self.pos = text.len();
                return false;
            };
            let start = self.pos + skip;
            let mut form = std::mem::take(&mut self.token.text);
            form.clear();
            let (mut latin, mut other) = (false, false);
            let mut end = start;
            let mut chars = text[start..].char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                match class(c) {
                    Class::Word => {
                        if is_latin_letter(c) {
                            latin = true;
                        } else if !c.is_numeric() {
                            other = true;
                        }
                        push_normal(c, &mut form);
                        end = start + i + c.len_utf8();
                    }
                    Class::Silent => {}
                    // An apostrophe between two Latin letters stays in the
                    // word ("Afghanistan's", "O'Brien"): the stemmer removes
                    // the possessive, and names keep their shape.
                    Class::Break
                        if matches!(c, '\'' | '\u{2019}')
                            && form.chars().last().is_some_and(is_latin_letter)
                            && chars.peek().is_some_and(|&(_, n)| is_latin_letter(n)) =>
                    {
                        form.push('\'');
                    }
                    Class::Break => break,
                }
            }
            self.pos = end.max(start + 1).min(text.len());
            // Trailing silent characters belong to no word; resume after the
            // last word character.
            let position = self.next_position;
            self.next_position += 1;
            if form.len() > MAX_TOKEN_BYTES {
                self.token.text = form;
                continue;
            }
            if latin && !other {
                let stemmed = self.stemmer.stem(&form);
                if stemmed != form.as_str() {
                    form = stemmed.into_owned();
                }
            }
            self.token.text = form;
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.token.position = position;
            self.token.position_length = 1;
            return true;
        }
    }
}

impl TokenStream for KhabarTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.scan()
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The index terms of `text`, in order (for tests, the query parser and
/// anyone who wants to see what is indexed).
///
/// ```
/// use khabar_index::analyze;
/// assert_eq!(analyze("Refugees return to كابل"), ["refuge", "return", "to", "کابل"]);
/// ```
pub fn analyze(text: &str) -> Vec<String> {
    let mut tokenizer = KhabarTokenizer::default();
    let mut stream = tokenizer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offsets(text: &str) -> Vec<(usize, usize, usize)> {
        let mut tokenizer = KhabarTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.offset_from, t.offset_to, t.position));
        }
        out
    }

    #[test]
    fn offsets_point_at_the_original_words() {
        let text = "خبـــر، Kabul\u{200C}!";
        let toks = offsets(text);
        assert_eq!(toks.len(), 2);
        assert_eq!(&text[toks[0].0..toks[0].1], "خبـــر");
        assert_eq!(&text[toks[1].0..toks[1].1], "Kabul");
        assert_eq!((toks[0].2, toks[1].2), (0, 1));
    }

    #[test]
    fn long_junk_is_skipped_but_keeps_its_position() {
        let junk = "x".repeat(100);
        let text = format!("alpha {junk} omega");
        let toks = offsets(&text);
        assert_eq!(analyze(&text), ["alpha", "omega"]);
        assert_eq!(
            toks[1].2, 2,
            "phrase positions stay true after a skipped word"
        );
    }

    #[test]
    fn empty_and_punctuation_only_texts_have_no_tokens() {
        assert!(analyze("").is_empty());
        assert!(analyze(" ،؛ — ... \u{200C} ").is_empty());
    }
}
