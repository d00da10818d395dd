//! The one sentence that best tells the story.
//!
//! Candidates are the body's sentences ([`crate::sentences::split`]), except
//!
//! - bylines, credits and captions: a paragraph that does not end like a
//!   sentence ("An Afghan girl doing homework"), or opens with "By",
//!   "Edited by", "Photo", or says "contributed to this report";
//! - questions, and sentences that are only a quotation;
//! - very short (fewer than 8 words) or very long (more than 45) sentences.
//!
//! A dateline opening the sentence ("KABUL, Afghanistan (AP) — ") is cut
//! off. Each candidate is scored by the share of the title's words it holds,
//! by how many of the article's key terms (its most frequent content words)
//! it holds, and by how early it comes; the best one is returned. When no
//! sentence passes, the first sentence of four words or more is taken.
//!
//! ```
//! use khabar_understand::teaser::pick;
//!
//! let body = vec![
//!     "By Jane Roe".to_string(),
//!     "KABUL (AP) — Floods in Baghlan province killed dozens of people and destroyed hundreds of homes on Friday, officials said.".to_string(),
//!     "What will the families do now?".to_string(),
//! ];
//! assert_eq!(
//!     pick("Floods kill dozens in Baghlan", &body).as_deref(),
//!     Some("Floods in Baghlan province killed dozens of people and destroyed hundreds of homes on Friday, officials said."),
//! );
//! ```

use std::borrow::Cow;

use crate::normalize::normalize;
use crate::sentences;
use rustc_hash::{FxHashMap, FxHashSet};

const MIN_WORDS: usize = 8;
const MAX_WORDS: usize = 45;
/// Key terms: this many of the most frequent content words.
const KEY_TERMS: usize = 12;

/// A sentence from the body that tells the story, or `None` for an empty body.
pub fn pick(title: &str, paragraphs: &[String]) -> Option<String> {
    let split: Vec<Vec<&str>> = paragraphs.iter().map(|p| sentences::split(p)).collect();
    pick_split(title, paragraphs, &split)
}

/// [`pick`] given the paragraphs' sentences ([`sentences::split`] of each;
/// a paragraph's are the same with or without its surrounding spaces).
pub(crate) fn pick_split(
    title: &str,
    paragraphs: &[String],
    split: &[Vec<&str>],
) -> Option<String> {
    let title_terms: FxHashSet<Cow<'_, str>> = terms(title).collect();
    // Every sentence once, with whether its paragraph is a credit, and its terms.
    let mut sents: Vec<(bool, &str, Vec<Cow<'_, str>>)> = Vec::new();
    let mut freq: FxHashMap<&str, usize> = FxHashMap::default();
    for (p, sentences) in paragraphs.iter().zip(split) {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        let credit = is_credit(p);
        for &s in sentences {
            sents.push((credit, strip_dateline(s), terms(s).collect()));
        }
    }
    for (_, _, ts) in &sents {
        for t in ts {
            *freq.entry(t.as_ref()).or_insert(0) += 1;
        }
    }
    let mut ranked: Vec<(&str, usize)> = freq.into_iter().filter(|&(_, n)| n >= 2).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    ranked.truncate(KEY_TERMS);
    let key: FxHashMap<&str, f32> = ranked.iter().map(|&(t, n)| (t, n as f32)).collect();
    let key_total: f32 = key.values().sum::<f32>().max(1.0);

    let mut best: Option<(f32, &str)> = None;
    let mut fallback: Option<&str> = None;
    let mut rank = 0usize;
    let mut ts_set: FxHashSet<&str> = FxHashSet::default();
    for (credit, s, ts) in &sents {
        let n_words = s.split_whitespace().count();
        if fallback.is_none() && n_words >= 4 {
            fallback = Some(s);
        }
        if *credit || !usable(s, n_words) {
            continue;
        }
        ts_set.clear();
        ts_set.extend(ts.iter().map(AsRef::as_ref));
        let ts = &ts_set;
        let title_share = if title_terms.is_empty() {
            0.0
        } else {
            title_terms
                .iter()
                .filter(|t| ts.contains(t.as_ref()))
                .count() as f32
                / title_terms.len() as f32
        };
        let key_share = ts.iter().filter_map(|t| key.get(t)).sum::<f32>() / key_total;
        // News puts the story first: the lead weighs most.
        let position = 1.0 / (1.0 + 0.5 * rank as f32);
        let mut score = 2.0 * title_share + key_share + 2.0 * position;
        // A sentence opening with a quotation reports a voice, not the story.
        if s.starts_with(['“', '"', '«', '„', '‘']) {
            score *= 0.5;
        }
        rank += 1;
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, s));
        }
    }
    best.map(|(_, s)| s).or(fallback).map(str::to_string)
}

/// Whether a sentence may be a teaser.
fn usable(s: &str, n_words: usize) -> bool {
    if !(MIN_WORDS..=MAX_WORDS).contains(&n_words) {
        return false;
    }
    let last = s
        .trim_end_matches(['”', '"', '’', '\'', '»', ')'])
        .chars()
        .last();
    if matches!(last, Some('?' | '؟')) {
        return false;
    }
    // A quotation on its own: it opens with a quotation mark and most of
    // it is inside quotes.
    let first = s.chars().next();
    if matches!(first, Some('“' | '"' | '«' | '„' | '‘')) {
        let quoted = quoted_share(s);
        if quoted > 0.6 {
            return false;
        }
    }
    true
}

/// The share of characters inside quotation marks.
fn quoted_share(s: &str) -> f32 {
    let mut inside = false;
    let (mut q, mut n) = (0usize, 0usize);
    for c in s.chars() {
        match c {
            '“' | '«' | '„' => inside = true,
            '”' | '»' => inside = false,
            '"' => inside = !inside,
            _ => {
                n += 1;
                if inside {
                    q += 1;
                }
            }
        }
    }
    if n == 0 { 0.0 } else { q as f32 / n as f32 }
}

/// Bylines, credits and captions.
fn is_credit(p: &str) -> bool {
    let lower = p.to_lowercase();
    let ends_like_sentence = p
        .trim_end_matches(['”', '"', '’', '\'', '»', ')'])
        .ends_with(['.', '!', '?', '۔', '؟', '…']);
    !ends_like_sentence
        || lower.starts_with("by ")
        || lower.starts_with("edited by")
        || lower.starts_with("photo")
        || lower.starts_with("image")
        || lower.starts_with("credit")
        || lower.contains("contributed to this report")
}

/// The sentence without an opening dateline ("BAKU, Azerbaijan (AP) — ").
fn strip_dateline(s: &str) -> &str {
    for dash in [" — ", " – ", " -- ", " - "] {
        if let Some(at) = s.find(dash)
            && at <= 80
        {
            let head = &s[..at];
            let first_word = head.split([',', ' ', '(']).next().unwrap_or("");
            let caps = first_word.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && first_word.chars().all(|c| !c.is_lowercase());
            if caps && head.split_whitespace().count() <= 8 {
                return s[at + dash.len()..].trim_start();
            }
        }
    }
    s
}

/// Content words in matching form (no short or function words).
fn terms(text: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\u{200C}' | '’' | '\'')))
        .filter_map(|w| {
            if w.is_ascii() {
                ascii_term(w)
            } else {
                Some(Cow::Owned(term(w)))
            }
        })
        .filter(|w| w.chars().count() >= 3 && !is_stop(w))
}

/// [`term`] for an ASCII word: the same steps on the word as written,
/// lower-cased last (and only when it has capitals).
fn ascii_term(w: &str) -> Option<Cow<'_, str>> {
    let mut t = w.as_bytes();
    while let [head @ .., b'\'', s] = t
        && s.eq_ignore_ascii_case(&b's')
    {
        t = head;
    }
    let t = w[..t.len()].trim_matches('\'');
    let t = if t.len() > 6 { &t[..6] } else { t };
    // Shorter than three letters: dropped by `terms` anyway.
    if t.len() < 3 {
        None
    } else if t.bytes().any(|b| b.is_ascii_uppercase()) {
        Some(Cow::Owned(t.to_ascii_lowercase()))
    } else {
        Some(Cow::Borrowed(t))
    }
}

/// A word in matching form: lower case, without a possessive, crudely
/// stemmed.
fn term(w: &str) -> String {
    let w = if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        normalize(w).to_lowercase()
    };
    let w = w.trim_end_matches("’s").trim_end_matches("'s");
    let w = w.trim_matches(['’', '\'']);
    // A crude stem, so that "deported" meets "deportations".
    if w.is_ascii() && w.len() > 6 {
        w[..6].to_string()
    } else if let Some(b) = ["های", "ها", "ان", "ات", "ونه", "و"]
        .iter()
        .find_map(|x| w.strip_suffix(x).filter(|b| b.chars().count() >= 2))
    {
        b.to_string()
    } else {
        w.to_string()
    }
}

fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "and"
            | "for"
            | "that"
            | "with"
            | "from"
            | "this"
            | "have"
            | "has"
            | "had"
            | "was"
            | "were"
            | "are"
            | "been"
            | "their"
            | "they"
            | "them"
            | "which"
            | "who"
            | "will"
            | "would"
            | "said"
            | "says"
            | "also"
            | "its"
            | "his"
            | "her"
            | "she"
            | "not"
            | "but"
            | "about"
            | "into"
            | "over"
            | "after"
            | "than"
            | "more"
            | "such"
            | "these"
            | "those"
            | "there"
            | "what"
            | "when"
            | "where"
            | "while"
            | "all"
            | "any"
            | "our"
            | "your"
            | "can"
            | "could"
            | "should"
            | "may"
            | "one"
            | "two"
            | "new"
            | "out"
            | "some"
            | "این"
            | "آن"
            | "که"
            | "از"
            | "به"
            | "در"
            | "با"
            | "برای"
            | "است"
            | "را"
            | "های"
            | "هم"
            | "نیز"
            | "چې"
            | "په"
            | "له"
            | "ته"
            | "کې"
            | "او"
            | "دې"
            | "هغه"
            | "دغه"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_are_cut() {
        assert_eq!(
            strip_dateline("KABUL, Afghanistan (AP) — Floods hit."),
            "Floods hit."
        );
        assert_eq!(
            strip_dateline("Floods hit Kabul — again."),
            "Floods hit Kabul — again."
        );
    }

    #[test]
    fn questions_quotes_and_short_sentences_are_not_candidates() {
        assert!(!usable(
            "Will the border reopen for trade before the winter comes?",
            10
        ));
        assert!(!usable(
            "“We have nothing left to eat this winter at all,” she said.",
            12
        ));
        assert!(!usable("Talks ended.", 2));
        assert!(usable(
            "The border at Torkham reopened for trade on Sunday after a week.",
            12
        ));
    }

    #[test]
    fn ascii_terms_are_the_general_terms() {
        for w in [
            "",
            "a",
            "an",
            "the",
            "Kabul",
            "KABUL'S",
            "Taliban's",
            "deported",
            "Deportations",
            "'quoted'",
            "''",
            "'s",
            "x's's",
            "ab's",
            "o'clock",
            "2024",
            "COP29",
            "it's'",
            "rock'n'roll",
            "S",
            "'S'S",
        ] {
            let general = Some(term(w)).filter(|t| t.chars().count() >= 3);
            let fast = ascii_term(w)
                .map(Cow::into_owned)
                .filter(|t| t.chars().count() >= 3);
            assert_eq!(fast, general, "{w:?}");
        }
    }

    #[test]
    fn an_empty_body_has_no_teaser() {
        assert_eq!(pick("Title", &[]), None);
        assert_eq!(pick("Title", &[" ".to_string()]), None);
    }
}
