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
//! The letter table is `khabar_model::script`, the one
//! `khabar_understand::normalize` uses for whole strings; here it is applied
//! per character, keeping byte offsets into the original text (for
//! highlighted snippets).

use frostem::{Algorithm, Stemmer};
use khabar_model::script::{fold_letter, is_silent};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Name under which the analyzer is registered in the tantivy index. It
/// names this version of the analyzer: the schema records it, so an index
/// whose words were cut or folded by another version no longer matches the
/// schema and is replaced and rebuilt from the store
/// (`Index::open_or_replace`) instead of missing words silently.
pub const ANALYZER: &str = "khabar-2";

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

/// Appends the matching form of a word character to `out`.
fn push_normal(c: char, out: &mut String) {
    match fold_letter(c) {
        // Teh marbuta and heh with yeh above are written as plain heh in
        // much Persian and Pashto typing (and by Arabic search engines).
        'ة' | 'ۀ' => out.push('ه'),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => out.extend(c.to_lowercase()),
    }
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
    fn search_folds_what_matching_folds() {
        // The Pashto feminine yeh, like the Arabic one, finds the Persian.
        assert_eq!(analyze("کمېشنرۍ"), analyze("کمېشنري"));
        assert_eq!(analyze("کمېشنرۍ"), analyze("کمېشنری"));
        assert_eq!(analyze("أفغانستان ٢٠٢٤"), ["افغانستان", "2024"]);
    }

    #[test]
    fn empty_and_punctuation_only_texts_have_no_tokens() {
        assert!(analyze("").is_empty());
        assert!(analyze(" ،؛ — ... \u{200C} ").is_empty());
    }
}
