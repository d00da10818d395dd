//! Words, names and numbers of an article, in a form that matches across
//! spellings and scripts.
//!
//! # Motivation
//!
//! Clustering compares articles by the words they share. The same word
//! reaches khabar in several spellings (Arabic or Persian yeh and kaf,
//! Eastern-Arabic, Persian, Devanagari or ASCII digits, a zero-width
//! non-joiner or none), and a story's explanation must show the words as an
//! outlet wrote them, not as the matcher folded them.
//!
//! # Design
//!
//! [`tokens`] walks the text once: letters of any script (with their marks)
//! and digits form words; a number keeps its inner separators (`1,127`,
//! `3.5`) so it stays one word. Each word gets a matching key (lowercase,
//! Arabic-script letters folded, digits in ASCII, thousands separators
//! removed, a plural `s` dropped from long Latin words, common
//! abbreviations written out: `Mt` → `mount`, `St` → `saint` (`street`
//! in "Main St"), `Sen` → `senator`; `US`, `U.S.` and `United States` →
//! `u.s.`, `UN`, `U.N.` and `United Nations` → `u.n.`) and keeps its
//! surface form. The full stop of an abbreviation ("Mt.", "Dr.", "No. 5")
//! ends no sentence. A word is a *name*
//! when it is written with a capital letter away from the start of a
//! sentence: the cheapest proper-noun cue there is, and enough to tell
//! "the Jackman story" from "the DeGeneres story".
//!
//! Stage crates depend on the model only, so the few Arabic-script folds
//! needed here are written out rather than taken from `khabar-understand`.
//!
//! ```
//! use khabar_stories::text::tokens;
//! let t = tokens("Kabul opened ۲۵ clinics; Kabul’s 1,127 teachers.");
//! let keys: Vec<&str> = t.iter().map(|t| t.key.as_str()).collect();
//! assert_eq!(keys, ["kabul", "opened", "25", "clinic", "kabul", "1127", "teacher"]);
//! assert!(t[4].name && !t[0].name); // "Kabul" mid-sentence is a name
//! ```

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The matching form.
    pub key: String,
    /// The word as written.
    pub surface: String,
    /// Capitalised away from the start of a sentence (Latin script).
    pub name: bool,
    /// All digits (after folding), possibly with a decimal point.
    pub number: bool,
}

/// The words of `text`, in order. Possessive endings and one-letter words
/// are dropped.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    scan(text, |w| {
        if let Some(key) = w.key {
            out.push(Token {
                key: key.to_string(),
                surface: w.surface.to_string(),
                name: w.name,
                number: w.number,
            });
        }
    });
    out
}

/// One word as [`scan`] sees it; the strings are borrowed for the call.
#[derive(Debug)]
pub(crate) struct Word<'a> {
    /// The folded form of every word, function words included.
    pub all_key: &'a str,
    /// The matching form, `None` for function words and one-letter words.
    pub key: Option<&'a str>,
    /// The word as written.
    pub surface: &'a str,
    /// Byte offset of `surface` in the text.
    pub offset: usize,
    /// Capitalised away from the start of a sentence (Latin script).
    pub name: bool,
    /// All digits (after folding), possibly with a decimal point.
    pub number: bool,
}

/// Walks the words of `text` once, without allocating per word: `visit`
/// sees every word with its folded key and, for content words, its
/// matching key. Numbers are read as English writes them ("1,127.5").
pub(crate) fn scan(text: &str, visit: impl FnMut(&Word<'_>)) {
    scan_in(text, false, visit);
}

/// Whether a language (ISO 639-1 or 639-3 code, as the article's metadata
/// gives it) writes the decimal comma and groups thousands with full stops:
/// German, Spanish, Turkish "1.127" is English "1,127", and their "3,5"
/// is "3.5".
pub fn decimal_comma(lang: Option<&str>) -> bool {
    matches!(
        lang.map(|l| l.split(['-', '_']).next().unwrap_or(l)),
        Some(
            "de" | "deu"
                | "es"
                | "spa"
                | "tr"
                | "tur"
                | "fr"
                | "fra"
                | "it"
                | "ita"
                | "pt"
                | "por"
                | "ru"
                | "rus"
                | "uk"
                | "ukr"
                | "nl"
                | "nld"
                | "pl"
                | "pol"
                | "id"
                | "ind"
                | "ro"
                | "ron"
                | "az"
                | "aze"
                | "uz"
                | "uzb"
                | "tg"
                | "tgk"
                | "tk"
                | "tuk"
        )
    )
}

/// [`scan`], with the numbers of a language that writes the decimal comma
/// (see [`decimal_comma`]) read as that language means them.
pub(crate) fn scan_in(text: &str, decimal_comma: bool, mut visit: impl FnMut(&Word<'_>)) {
    let mut all_key = String::new();
    let mut key = String::new();
    let len = text.len();
    let at = |i: usize| text[i..].chars().next().unwrap_or(' ');
    let mut i = 0;
    // Whether the next word starts a sentence (a capital there says nothing).
    let mut sentence_start = true;
    // Whether the previous word was an abbreviation ("Mt", "Dr"), whose
    // full stop ends no sentence.
    let mut abbreviated = false;
    // Whether the previous word was capitalised ("Main" of "Main St").
    let mut prev_capital = false;
    while i < len {
        let c = at(i);
        if !is_word_char(c) {
            if matches!(c, '!' | '?' | '\n' | ':' | '؟' | '।' | '"' | '“' | '«')
                || (c == '.' && !abbreviated)
            {
                sentence_start = true;
            }
            abbreviated = false;
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut prev = c;
        i += c.len_utf8();
        if c.is_ascii_uppercase() {
            // Initials: "U.S.", "U.N." are one word.
            let b = text.as_bytes();
            let mut j = i;
            while j + 1 < len && b[j] == b'.' && b[j + 1].is_ascii_uppercase() {
                j += 2;
            }
            if j > i && (j >= len || !is_word_char(at(j))) {
                i = if j < len && b[j] == b'.' { j + 1 } else { j };
            }
        }
        while i < len {
            let c = at(i);
            if is_word_char(c) {
                i += c.len_utf8();
            } else if matches!(c, ',' | '.' | '٫' | '٬')
                && fold_digit(prev).is_some()
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .and_then(fold_digit)
                    .is_some()
            {
                // 1,127 and 3.5 stay one word.
                i += c.len_utf8();
            } else {
                break;
            }
            prev = c;
        }
        // "United States", "United Nations": one word, as "U.S." is.
        if text[start..i].eq("United")
            && let Some(rest) = text[i..].strip_prefix(' ')
            && let Some(second) = ["States", "Nations"]
                .into_iter()
                .find(|w| rest.starts_with(w))
            && !rest[second.len()..].starts_with(is_word_char)
        {
            i += 1 + second.len();
        }
        let surface = &text[start..i];
        let at_start = sentence_start;
        sentence_start = false;
        let number = fold_key(surface, decimal_comma, &mut all_key);
        // What follows, past a full stop and spaces: "No. 5", "St Louis".
        let rest = &text[i..];
        let next = rest
            .strip_prefix('.')
            .unwrap_or(rest)
            .trim_start_matches(' ')
            .chars()
            .next();
        let around = Around {
            after_capital: prev_capital,
            before_capital: next.is_some_and(char::is_uppercase),
            before_digit: next.and_then(fold_digit).is_some(),
        };
        prev_capital = surface.starts_with(char::is_uppercase);
        abbreviated = !number && expand(surface, &mut all_key, around);
        let content = if number {
            Some(all_key.as_str())
        } else if all_key.chars().nth(1).is_none() || is_stopword(&all_key) {
            None
        } else {
            key.clear();
            key.push_str(&all_key);
            stem(&mut key);
            Some(key.as_str())
        };
        let name = content.is_some_and(|k| {
            let mut chars = surface.chars();
            let first = chars.next().unwrap_or(' ');
            !number
                && first.is_uppercase()
                && (!at_start || chars.any(char::is_uppercase))
                && !NOT_NAMES.contains(&k)
        });
        visit(&Word {
            all_key: &all_key,
            key: content,
            surface,
            offset: start,
            name,
            number,
        });
    }
}

/// The words around one, as far as an abbreviation's reading depends on
/// them.
#[derive(Debug, Clone, Copy)]
struct Around {
    /// The previous word is capitalised ("Main" of "Main St").
    after_capital: bool,
    /// The next word, past a full stop, is capitalised ("St Louis").
    before_capital: bool,
    /// The next word, past a full stop, is a number ("No. 5").
    before_digit: bool,
}

/// Writes the full form of an abbreviation or of a country's short name
/// into `key` (the folded `surface`), so that "Mt Cook" meets "Mount
/// Cook" and "U.S." meets "US" and "United States"; true when `surface`
/// is an abbreviation that a full stop may follow without ending the
/// sentence ("Mt.", "Dr.", "U.S.", "No. 5"). "St" after a capitalised word
/// and before none is Street ("Main St"), else Saint ("St Louis"); "No"
/// is an abbreviation only before a number ("No. 5"), so "said No." ends
/// its sentence.
fn expand(surface: &str, key: &mut String, around: Around) -> bool {
    let capital = surface.starts_with(|c: char| c.is_ascii_uppercase());
    if !capital || key.len() > 14 {
        return false;
    }
    let caps = surface.bytes().all(|b| !b.is_ascii_lowercase());
    let full = match key.as_str() {
        // Only in capitals: "us" and "un" are words too.
        "us" | "usa" | "u.s." | "u.s" | "u.s.a." | "u.s.a" if caps => "u.s.",
        "united states" => "u.s.",
        "un" | "u.n." | "u.n" if caps => "u.n.",
        "uk" | "u.k." | "u.k" if caps => "u.k.",
        "eu" | "e.u." | "e.u" if caps => "e.u.",
        "united nations" => "u.n.",
        "mt" => "mount",
        "st" if around.after_capital && !around.before_capital => "street",
        "st" => "saint",
        "ft" => "fort",
        "gov" => "governor",
        "sen" => "senator",
        "dept" => "department",
        "intl" => "international",
        "mr" | "mrs" | "ms" | "dr" | "prof" | "gen" | "lt" | "col" | "sgt" | "capt" | "rep"
        | "jr" | "sr" | "govt" | "vs" => return true,
        "no" => return around.before_digit,
        k => {
            return k.len() > 2 && k.ends_with('.') && k.bytes().filter(|&b| b == b'.').count() > 1;
        }
    };
    key.clear();
    key.push_str(full);
    true
}

/// Writes the folded form of `surface` into `key` (lowercase, Arabic-script
/// letters folded, digits in ASCII, numbers normalised, with the decimal
/// comma when `decimal_comma`); true for a number.
fn fold_key(surface: &str, decimal_comma: bool, key: &mut String) -> bool {
    key.clear();
    let mut digits = 0;
    let mut letters = 0;
    for c in surface.chars() {
        if c.is_ascii() {
            if c.is_ascii_digit() {
                digits += 1;
            } else if c != '.' && c != ',' {
                letters += 1;
            }
            key.push(c.to_ascii_lowercase());
            continue;
        }
        if let Some(d) = fold_digit(c) {
            key.push(d);
            digits += 1;
            continue;
        }
        match c {
            'ي' | 'ى' => key.push('ی'),
            'ك' => key.push('ک'),
            'أ' | 'إ' | 'ٱ' => key.push('ا'),
            'ة' => key.push('ه'),
            '٫' => key.push('.'),
            '٬' => key.push(','),
            '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{200C}' | '\u{200D}' => {}
            _ => {
                letters += 1;
                key.extend(c.to_lowercase());
            }
        }
    }
    let number = letters == 0 && digits > 0;
    if number {
        if decimal_comma {
            // Read as English writes it: "1.127" is "1,127", "3,5" is "3.5".
            let swapped: String = key
                .chars()
                .map(|c| match c {
                    '.' => ',',
                    ',' => '.',
                    c => c,
                })
                .collect();
            *key = swapped;
        }
        let folded = fold_number(key);
        key.clear();
        key.push_str(&folded);
    }
    number
}

/// `1,127` and `1.127.000` → `1127`, `1127000`; `3,5` → `3.5`; `3.50` → `3.5`.
fn fold_number(raw: &str) -> String {
    let groups: Vec<&str> = raw.split([',', '.']).collect();
    if groups.len() == 1 {
        return raw.trim_start_matches('0').to_string().max_or("0");
    }
    let thousands = groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
        && (groups.len() > 2 || raw.contains(','));
    if thousands {
        return groups
            .concat()
            .trim_start_matches('0')
            .to_string()
            .max_or("0");
    }
    let (int, frac) = raw.rsplit_once([',', '.']).unwrap_or((raw, ""));
    let int: String = int.chars().filter(char::is_ascii_digit).collect();
    let int = int.trim_start_matches('0').to_string().max_or("0");
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    }
}

trait OrZero {
    fn max_or(self, zero: &str) -> String;
}

impl OrZero for String {
    fn max_or(self, zero: &str) -> String {
        if self.is_empty() {
            zero.to_string()
        } else {
            self
        }
    }
}

/// A light English plural fold: `clinics` → `clinic`, `cities` → `city`.
/// Other scripts and short words are left alone.
fn stem(key: &mut String) {
    if !key.is_ascii() || key.len() <= 3 {
        return;
    }
    if key.ends_with("ies") && key.len() > 4 {
        key.truncate(key.len() - 3);
        key.push('y');
    } else if key.ends_with('s')
        && !key.ends_with("ss")
        && !key.ends_with("us")
        && !key.ends_with("is")
    {
        key.pop();
    }
}

/// The ASCII digit of a digit in any script khabar reads.
pub fn fold_digit(c: char) -> Option<char> {
    let zero = match c {
        '0'..='9' => return Some(c),
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        '\u{0966}'..='\u{096F}' => 0x0966,
        '\u{09E6}'..='\u{09EF}' => 0x09E6,
        _ => return None,
    };
    char::from_digit(c as u32 - zero, 10)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c,
            // Arabic marks and tatweel, zero-width (non-)joiner: inside words.
            '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'
            | '\u{06D6}'..='\u{06ED}' | '\u{200C}' | '\u{200D}'
            // Devanagari signs (virama, nukta, vowel signs) except the dandas.
            | '\u{0900}'..='\u{0963}' | '\u{0966}'..='\u{097F}'
            // Combining diacritics (decomposed Latin accents).
            | '\u{0300}'..='\u{036F}')
}

/// The coarse Latin consonant skeleton of a name, written into `out`
/// (cleared first): Пэйлин, Palin, پالین and पेलिन all give `pln`.
///
/// Names are the one part of a text that is spelled, not translated, from
/// language to language; a story with no member in an article's language
/// can still share them, in another script. Vowels (and the letters that
/// also write vowels: Arabic alef, waw, yeh; Latin and Cyrillic y, w, v;
/// Devanagari य, व), h in every script and doubled letters are dropped, and
/// the consonants are folded into eight classes that transliterations mix
/// up (p/b/f, t/d, k/g/q/c, s/z/sh/ch/j, l, r, m, n). The table is written
/// out rather than taken from a transliteration crate: those give a
/// readable romanisation per script, which would still need this folding
/// to make the scripts meet, and cost a dependency.
pub fn skeleton(word: &str, out: &mut String) {
    out.clear();
    let mut last = '\0';
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        let class = match c.to_lowercase().next().unwrap_or(c) {
            'b' | 'p' | 'f' | 'б' | 'п' | 'ф' | 'ب' | 'پ' | 'ف' | 'ڤ' | 'प' | 'फ' | 'ब' | 'भ' => {
                'p'
            }
            'd' | 't' | 'д' | 'т' | 'ت' | 'ط' | 'د' | 'ض' | 'ٹ' | 'ڈ' | 'ټ' | 'ډ' | 'ट' | 'ठ'
            | 'ड' | 'ढ' | 'त' | 'थ' | 'द' | 'ध' => 't',
            'c' => match chars.peek() {
                Some('e' | 'i' | 'y' | 'h') => 's',
                _ => 'k',
            },
            'g' | 'k' | 'q' | 'г' | 'к' | 'ك' | 'ک' | 'گ' | 'ق' | 'غ' | 'خ' | 'ګ' | 'क' | 'ख'
            | 'ग' | 'घ' => 'k',
            'x' => {
                if last != 'k' {
                    out.push('k');
                }
                's'
            }
            's' | 'z' | 'j' | 'ж' | 'з' | 'с' | 'ш' | 'щ' | 'ч' | 'ц' | 'ث' | 'ج' | 'چ' | 'ذ'
            | 'ز' | 'ژ' | 'س' | 'ش' | 'ص' | 'ظ' | 'څ' | 'ځ' | 'ښ' | 'ږ' | 'च' | 'छ' | 'ज' | 'झ'
            | 'श' | 'ष' | 'स' => 's',
            'l' | 'л' | 'ل' | 'ल' => 'l',
            'r' | 'р' | 'ر' | 'ڑ' | 'ړ' | 'र' => 'r',
            'm' | 'м' | 'م' | 'म' => 'm',
            'n' | 'н' | 'ن' | 'ں' | 'ڼ' | 'ण' | 'न' | 'ङ' | 'ञ' => 'n',
            _ => continue,
        };
        if class != last {
            out.push(class);
            last = class;
        }
    }
}

/// The script of a word as one bit (Latin, Cyrillic, Arabic, Devanagari,
/// other), so name skeletons can be matched across scripts only.
pub(crate) fn script_bit(word: &str) -> u8 {
    match word.chars().next().unwrap_or(' ') {
        c if c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c) => 1,
        '\u{0400}'..='\u{04FF}' => 2,
        '\u{0600}'..='\u{06FF}' => 4,
        '\u{0900}'..='\u{097F}' => 8,
        _ => 16,
    }
}

/// Scripts with no capital letters for names (Arabic, Devanagari): any of
/// their words may be a name.
pub(crate) const CASELESS_SCRIPTS: u8 = 4 | 8;

/// A year (1900–2100) written as a bare number.
pub fn year(key: &str) -> Option<u16> {
    if key.len() != 4 {
        return None;
    }
    let y: u16 = key.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// Exact FNV-1a, 64 bits: stable across runs and platforms (the std hasher
/// is seeded per process), so fingerprints can be stored and compared later.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Capitalised words that are not names (calendar words, titles).
const NOT_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "president",
    "minister",
    "prime",
    "secretary",
    "general",
    "chairman",
    "spokesman",
    "spokeswoman",
    "governor",
    "senator",
    "rep",
    "sen",
    "gov",
    "ap",
    "read",
    "photo",
    "image",
    "getty",
    "reuter",
    "advertisement",
];

/// Whether `key` is one of [`STOPWORDS`] (a hash lookup: this runs for
/// every word).
fn is_stopword(key: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    // No stopword is longer than 8 bytes in UTF-8.
    key.len() <= 8
        && SET
            .get_or_init(|| STOPWORDS.iter().copied().collect())
            .contains(key)
}

/// Function words of English and of the Persian-script languages khabar
/// follows first (sorted: binary search). Rare content words are what
/// clustering needs; incremental IDF discounts the rest.
const STOPWORDS: &[&str] = &[
    "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
    "himself", "his", "how", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more",
    "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or",
    "other", "our", "ours", "out", "over", "own", "said", "same", "says", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these",
    "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "was",
    "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your", "آن", "از", "است", "اند", "او", "اين", "این", "با", "برای", "به",
    "بود", "تا", "ته", "د", "در", "دې", "را", "سے", "شد", "له", "میں", "نے", "هم", "و", "يا", "پر",
    "چې", "که", "کی", "کې", "کے", "گفت", "ہے", "یا", "یک",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted_so_binary_search_works() {
        let mut sorted = STOPWORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOPWORDS);
        assert!(STOPWORDS.iter().all(|w| w.len() <= 8 && is_stopword(w)));
        assert!(!is_stopword("kabul"));
    }

    #[test]
    fn numbers_fold_across_scripts_and_separators() {
        let keys = |s: &str| tokens(s).into_iter().map(|t| t.key).collect::<Vec<_>>();
        assert_eq!(
            keys("۱۱۲۷ ١١٢٧ 1,127 १११२७"),
            ["1127", "1127", "1127", "11127"]
        );
        assert_eq!(keys("3.50 3,5 07"), ["3.5", "3.5", "7"]);
        assert_eq!(keys("30.000"), ["30"]); // a decimal reading: ambiguous, kept simple
        assert_eq!(keys("1.234.567"), ["1234567"]);
    }

    #[test]
    fn numbers_of_a_decimal_comma_language_fold_as_it_means_them() {
        let keys = |s: &str, lang: &str| {
            let mut out = Vec::new();
            scan_in(s, decimal_comma(Some(lang)), |w| {
                if w.number {
                    out.push(w.key.unwrap_or_default().to_string());
                }
            });
            out
        };
        // German and Spanish "1.127" is English "1,127"; their "3,5" is 3.5.
        for lang in ["de", "deu", "es-ES", "tur"] {
            assert_eq!(
                keys("1.127 Überläufer, 30.000 Euro, 3,5 Prozent, 1,25", lang),
                ["1127", "30000", "3.5", "1.25"],
                "{lang}"
            );
        }
        for lang in ["en", "eng", "fa", "ps", ""] {
            assert_eq!(
                keys("1,127 defectors, 3.5 percent", lang),
                ["1127", "3.5"],
                "{lang}"
            );
        }
        assert!(!decimal_comma(None));
    }

    #[test]
    fn arabic_script_spellings_meet() {
        let a = tokens("كابل");
        let b = tokens("کابل");
        assert_eq!(a[0].key, b[0].key);
        assert_eq!(a[0].surface, "كابل");
        assert_eq!(tokens("می\u{200C}رود")[0].key, "میرود");
    }

    #[test]
    fn names_are_capitals_inside_sentences() {
        let t = tokens("The storm hit Manila. Officials in Manila said UNICEF helped on Monday.");
        let names: Vec<&str> = t
            .iter()
            .filter(|t| t.name)
            .map(|t| t.key.as_str())
            .collect();
        assert_eq!(names, ["manila", "manila", "unicef"]);
    }

    #[test]
    fn name_skeletons_meet_across_scripts() {
        let sk = |w: &str| {
            let mut s = String::new();
            skeleton(w, &mut s);
            s
        };
        for w in ["Palin", "Пэйлин", "پالین", "पेलिन"] {
            assert_eq!(sk(w), "pln", "{w}");
        }
        assert_eq!(sk("Brenkiss"), sk("Бренкисс"));
        assert_ne!(sk("Palin"), sk("Perlman"));
        assert_eq!(script_bit("Palin") | script_bit("Пэйлин"), 3);
        assert_eq!(script_bit("پالین") | script_bit("पेलिन"), CASELESS_SCRIPTS);
    }

    #[test]
    fn abbreviations_meet_their_full_forms() {
        let keys = |s: &str| tokens(s).into_iter().map(|t| t.key).collect::<Vec<_>>();
        assert_eq!(keys("Mt Cook"), keys("Mount Cook"));
        assert_eq!(
            keys("St Petersburg, Ft Worth"),
            ["saint", "petersburg", "fort", "worth"]
        );
        assert_eq!(
            keys("Sen. Reid, Gov Brown, Dept, Intl"),
            [
                "senator",
                "reid",
                "governor",
                "brown",
                "department",
                "international"
            ]
        );
        for us in [
            "US troops",
            "U.S. troops",
            "United States troops",
            "USA troops",
        ] {
            assert_eq!(keys(us), ["u.s.", "troop"], "{us}");
        }
        for un in ["UN envoy", "U.N. envoy", "United Nations envoy"] {
            assert_eq!(keys(un), ["u.n.", "envoy"], "{un}");
        }
        assert_eq!(keys("UK"), keys("U.K."));
        assert_eq!(keys("EU"), keys("E.U."));
        // In lower case they are words: "us" a pronoun, "un" French.
        assert_eq!(keys("help us"), ["help"]);
        assert_eq!(keys("un accord"), ["un", "accord"]);
        assert_eq!(keys("United Airlines"), ["united", "airline"]);
        // The surface is kept as written.
        assert_eq!(tokens("the U.S. Army")[0].surface, "U.S.");
        assert_eq!(tokens("the United States")[0].surface, "United States");
    }

    #[test]
    fn an_abbreviation_full_stop_ends_no_sentence() {
        let names = |s: &str| {
            tokens(s)
                .into_iter()
                .filter(|t| t.name)
                .map(|t| t.key)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names("They met Dr. Gupta on Mt. Cook."),
            ["gupta", "mount", "cook"]
        );
        // A real full stop still does.
        assert_eq!(names("They left. Gupta stayed."), Vec::<String>::new());
        // Initials of one letter are no abbreviation of a word.
        assert_eq!(tokens("John F. Kennedy")[1].key, "kennedy");
        // "No." before a number is an abbreviation; at a sentence end it
        // is a word and its full stop ends the sentence.
        assert_eq!(names("He wore No. 5 for Hartley."), ["hartley"]);
        assert_eq!(names("He wore No.5 for Hartley."), ["hartley"]);
        assert_eq!(
            names("Voters said No. Hartley conceded."),
            Vec::<String>::new()
        );
        assert_eq!(names("They said No. 12 Hartley fans cheered."), ["hartley"]);
    }

    #[test]
    fn st_is_street_after_a_name_and_saint_before_one() {
        let keys = |s: &str| tokens(s).into_iter().map(|t| t.key).collect::<Vec<_>>();
        assert_eq!(keys("a shop on Main St"), ["shop", "main", "street"]);
        assert_eq!(
            keys("a shop on Main St. in town"),
            ["shop", "main", "street", "town"]
        );
        assert_eq!(
            keys("a shop on Main St, in town"),
            ["shop", "main", "street", "town"]
        );
        assert_eq!(keys("flights to St Louis"), ["flight", "saint", "louis"]);
        assert_eq!(keys("flights to St. Louis"), ["flight", "saint", "louis"]);
        assert_eq!(
            keys("Visit St Petersburg"),
            ["visit", "saint", "petersburg"]
        );
        // Alone, the usual reading.
        assert_eq!(keys("St"), ["saint"]);
    }

    #[test]
    fn years_are_recognised() {
        assert_eq!(year("2013"), Some(2013));
        assert_eq!(year("1127"), None);
        assert_eq!(year("20130"), None);
    }
}
