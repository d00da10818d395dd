//! Topics: a configurable taxonomy of keywords and phrases per language,
//! multi-label, with the matched evidence kept.
//!
//! A taxonomy comes from `khabar.toml` (`[[topic]]` tables) or is the
//! built-in [`Taxonomy::afghanistan`] (women & rights, refugees & migration,
//! humanitarian & economy, climate & environment, security & conflict,
//! diplomacy & recognition, drugs, education, health, justice; English,
//! Dari and Pashto keywords).
//!
//! Matching is on normalised text ([`crate::normalize::normalize`], lower
//! case) at word boundaries. A keyword also matches its simple inflections:
//! English plurals and possessives ("refugee" → "refugees", "refugee's";
//! "city" → "cities"), Dari and Pashto plural and ezafe endings (ها، های،
//! ان، ی، و، ې، ګان…); a trailing `*` matches any ending ("deport*" →
//! "deported", "deportation"). A keyword written in capitals ("WHO",
//! "ICC") matches only capitals, so the pronoun "who" is no health word.
//!
//! Scoring: every occurrence counts 3 in the title, 2 in the first
//! paragraph, 1 further down, at most 3 occurrences per keyword. A topic is
//! assigned when its score reaches a threshold that grows with the length of
//! the article (3 for a short one, one more per 300 words beyond 300), so
//! one passing mention does not label an article.
//!
//! ```
//! use khabar_understand::Taxonomy;
//!
//! let taxonomy = Taxonomy::afghanistan();
//! let topics = taxonomy.classify(
//!     "Thousands of refugees return from Pakistan",
//!     &["More deportations were reported at Torkham this week.".to_string()],
//! );
//! assert_eq!(topics[0].topic, "refugees-migration");
//! assert!(topics[0].evidence.contains(&"refugees".to_string()));
//! ```

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::normalize::normalize;
use rustc_hash::FxHashMap;

/// A set of topics (from `khabar.toml`, or [`Taxonomy::afghanistan`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    #[serde(rename = "topic")]
    pub topics: Vec<Topic>,
}

/// One topic: its label and the words that signal it, per language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Short stable label, e.g. `refugees`.
    pub name: String,
    /// Keywords and phrases per language code (`en`, `fa`, `ps`, …).
    pub keywords: BTreeMap<String, Vec<String>>,
}

/// A topic assigned to an article and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicMatch {
    pub topic: String,
    pub score: f32,
    /// The keywords and phrases that matched, as written in the article.
    pub evidence: Vec<String>,
}

/// The built-in taxonomy, as data.
const AFGHANISTAN: &str = include_str!("../data/topics-afghanistan.toml");

/// Weight of an occurrence in the title, in the first paragraph, further down.
const TITLE_WEIGHT: f32 = 3.0;
const LEAD_WEIGHT: f32 = 2.0;
const BODY_WEIGHT: f32 = 1.0;
/// Occurrences of one keyword that count at most.
const MAX_PER_KEYWORD: usize = 3;

impl Taxonomy {
    /// The default taxonomy for Afghanistan coverage.
    pub fn afghanistan() -> Self {
        // The file is part of the crate and checked by the tests.
        Taxonomy::from_toml(AFGHANISTAN).unwrap_or(Taxonomy { topics: Vec::new() })
    }

    /// A taxonomy from TOML text holding `[[topic]]` tables.
    pub fn from_toml(text: &str) -> Result<Self, toml::de::Error> {
        toml::from_str(text)
    }

    /// The topics of an article, best first.
    ///
    /// The taxonomy is compiled once and kept (see [`Taxonomy::compile`] to
    /// hold the compiled form yourself).
    pub fn classify(&self, title: &str, paragraphs: &[String]) -> Vec<TopicMatch> {
        self.compiled().classify(title, paragraphs)
    }

    /// The compiled form of this taxonomy, from a small process-wide cache
    /// keyed by the topics themselves (so a changed taxonomy is compiled
    /// anew). Compiling takes far longer than classifying one article.
    fn compiled(&self) -> Arc<Classifier> {
        /// The taxonomies compiled last, most recent first.
        static CACHE: Mutex<Vec<(Vec<Topic>, Arc<Classifier>)>> = Mutex::new(Vec::new());
        const KEEP: usize = 4;
        if let Ok(cache) = CACHE.lock()
            && let Some((_, c)) = cache.iter().find(|(topics, _)| *topics == self.topics)
        {
            return Arc::clone(c);
        }
        let compiled = Arc::new(self.compile());
        if let Ok(mut cache) = CACHE.lock() {
            cache.insert(0, (self.topics.clone(), Arc::clone(&compiled)));
            cache.truncate(KEEP);
        }
        compiled
    }

    /// The taxonomy prepared for matching, to classify many articles.
    pub fn compile(&self) -> Classifier {
        let mut c = Classifier {
            names: self.topics.iter().map(|t| t.name.clone()).collect(),
            phrases: Vec::new(),
            exact: FxHashMap::default(),
            stems: FxHashMap::default(),
            stem_min: usize::MAX,
            stem_max: 0,
        };
        for (ti, topic) in self.topics.iter().enumerate() {
            for kw in topic.keywords.values().flatten() {
                let stem = kw.trim_end().ends_with('*');
                let text = kw.trim().trim_end_matches('*');
                let words: Vec<KeyWord> = words(text)
                    .into_iter()
                    .map(|w| KeyWord {
                        capitals: w.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                            && w.text.chars().all(|c| !c.is_lowercase()),
                        norm: w.norm.into_owned(),
                    })
                    .collect();
                let Some(first) = words.first() else { continue };
                let id = c.phrases.len();
                let key = first.norm.clone();
                let single_stem = stem && words.len() == 1;
                c.phrases.push(Phrase {
                    topic: ti,
                    words,
                    stem,
                });
                if single_stem {
                    c.stem_min = c.stem_min.min(key.len());
                    c.stem_max = c.stem_max.max(key.len());
                    c.stems.entry(key).or_default().push(id);
                } else {
                    c.exact.entry(key).or_default().push(id);
                }
            }
        }
        c
    }
}

/// A compiled [`Taxonomy`]: keyword lookup by first word.
#[derive(Debug, Clone)]
pub struct Classifier {
    names: Vec<String>,
    phrases: Vec<Phrase>,
    /// First word (matching form) → phrases starting with it.
    exact: FxHashMap<String, Vec<usize>>,
    /// One-word stems (`deport*`) → phrases.
    stems: FxHashMap<String, Vec<usize>>,
    /// The shortest and the longest stem, in bytes: no shorter or longer
    /// prefix of a word is looked up.
    stem_min: usize,
    stem_max: usize,
}

#[derive(Debug, Clone)]
struct Phrase {
    topic: usize,
    words: Vec<KeyWord>,
    /// The last word matches any ending.
    stem: bool,
}

#[derive(Debug, Clone)]
struct KeyWord {
    norm: String,
    /// Written in capitals: matches only capitals.
    capitals: bool,
}

/// A word of the text: as written and in matching form.
#[derive(Debug, Clone)]
struct Word<'a> {
    text: &'a str,
    /// The text itself when the matching form is the same.
    norm: Cow<'a, str>,
}

impl Classifier {
    /// The topics of an article, best first.
    pub fn classify(&self, title: &str, paragraphs: &[String]) -> Vec<TopicMatch> {
        let mut scores = vec![0.0f32; self.names.len()];
        // Per phrase: occurrences counted, and the first surface seen.
        let mut seen: FxHashMap<usize, usize> = FxHashMap::default();
        let mut evidence: Vec<Vec<String>> = vec![Vec::new(); self.names.len()];
        let mut n_words = 0;
        let first_body = paragraphs.iter().position(|p| !p.trim().is_empty());
        let parts = std::iter::once((title, TITLE_WEIGHT)).chain(
            paragraphs.iter().enumerate().map(|(i, p)| {
                (
                    p.as_str(),
                    if Some(i) == first_body {
                        LEAD_WEIGHT
                    } else {
                        BODY_WEIGHT
                    },
                )
            }),
        );
        for (text, weight) in parts {
            let ws = words(text);
            if weight != TITLE_WEIGHT {
                n_words += ws.len();
            }
            let mut i = 0;
            let mut cands = Vec::new();
            while i < ws.len() {
                let mut best: Option<(usize, usize)> = None; // (phrase, length)
                cands.clear();
                self.candidates(&ws[i].norm, &mut cands);
                for &id in &cands {
                    let ph = &self.phrases[id];
                    if best.is_some_and(|(_, l)| l >= ph.words.len()) {
                        continue;
                    }
                    if self.matches_at(ph, &ws, i) {
                        best = Some((id, ph.words.len()));
                    }
                }
                let Some((id, len)) = best else {
                    i += 1;
                    continue;
                };
                let ph = &self.phrases[id];
                let count = seen.entry(id).or_insert(0);
                if *count < MAX_PER_KEYWORD {
                    *count += 1;
                    scores[ph.topic] += weight;
                }
                let surface = surface(text, &ws[i..i + len]);
                let ev = &mut evidence[ph.topic];
                if !ev
                    .iter()
                    .any(|e| e.to_lowercase() == surface.to_lowercase())
                {
                    ev.push(surface);
                }
                i += len;
            }
        }
        let threshold = 3.0 + (n_words.saturating_sub(300) as f32 / 300.0);
        let mut out: Vec<TopicMatch> = scores
            .iter()
            .enumerate()
            .filter(|&(_, &s)| s >= threshold)
            .map(|(t, &s)| TopicMatch {
                topic: self.names[t].clone(),
                score: s,
                evidence: std::mem::take(&mut evidence[t]),
            })
            .collect();
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.topic.cmp(&b.topic))
        });
        out
    }

    /// Phrases that may start at a word: by its exact form, its uninflected
    /// forms and its prefixes (for stems).
    fn candidates(&self, w: &str, out: &mut Vec<usize>) {
        for &base in bases(w).as_slice() {
            if let Some(ids) = self.exact.get(base) {
                out.extend_from_slice(ids);
            }
        }
        if !self.stems.is_empty() {
            for (end, _) in w.char_indices().skip(3) {
                if end > self.stem_max {
                    break;
                }
                if end < self.stem_min {
                    continue;
                }
                if let Some(ids) = self.stems.get(&w[..end]) {
                    out.extend_from_slice(ids);
                }
            }
            if let Some(ids) = self.stems.get(w) {
                out.extend_from_slice(ids);
            }
        }
    }

    fn matches_at(&self, ph: &Phrase, ws: &[Word<'_>], i: usize) -> bool {
        if i + ph.words.len() > ws.len() {
            return false;
        }
        ph.words.iter().enumerate().all(|(k, kw)| {
            let w = &ws[i + k];
            if kw.capitals && w.text.chars().any(char::is_lowercase) {
                return false;
            }
            let last = k + 1 == ph.words.len();
            if last && ph.stem {
                w.norm.starts_with(&kw.norm)
            } else {
                bases(&w.norm).as_slice().contains(&kw.norm.as_str())
            }
        })
    }
}

/// A word and its forms without a simple inflection: at most the word and
/// one form per suffix, kept on the stack.
struct Bases<'a> {
    forms: [&'a str; 17],
    len: usize,
}

impl<'a> Bases<'a> {
    fn push(&mut self, w: &'a str) {
        self.forms[self.len] = w;
        self.len += 1;
    }

    fn as_slice(&self) -> &[&'a str] {
        &self.forms[..self.len]
    }
}

/// The word itself and its forms without a simple inflection.
fn bases(w: &str) -> Bases<'_> {
    let mut out = Bases {
        forms: [""; 17],
        len: 0,
    };
    out.push(w);
    let arabic = w.chars().any(|c| matches!(c as u32, 0x0600..=0x06FF));
    let suffixes: &[&str] = if arabic {
        &[
            "هایی", "های", "ها", "یان", "ګانو", "گانو", "ګان", "گان", "انو", "ونه", "ونو", "ان",
            "ی", "و", "ې", "ۍ",
        ]
    } else {
        &["'", "es", "s"]
    };
    for s in suffixes {
        if let Some(b) = w.strip_suffix(s)
            && b.chars().count() >= 3
        {
            out.push(b);
        }
    }
    out
}

/// The words of `text` (letters and digits of any script, joiners and inner
/// apostrophes kept; possessive `'s` dropped from the matching form).
fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let is_word = |c: char| {
        c.is_alphanumeric()
            || matches!(c, '\u{200C}' | '\u{200D}' | '\u{0640}')
            || ('\u{064B}'..='\u{065F}').contains(&c)
            || c == '\u{0670}'
    };
    for (b, c) in text.char_indices() {
        let inner_apostrophe = matches!(c, '\'' | '’')
            && start.is_some()
            && text[b + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
        if is_word(c) || inner_apostrophe {
            start.get_or_insert(b);
        } else if let Some(s) = start.take() {
            out.push(word(&text[s..b]));
        }
    }
    if let Some(s) = start {
        out.push(word(&text[s..]));
    }
    out
}

fn word(text: &str) -> Word<'_> {
    // ASCII words need no Arabic-script normalisation (and most are ASCII):
    // the same steps on the text as written, lower-cased last, and only
    // when it has capitals.
    if text.is_ascii() {
        let t = match text.as_bytes() {
            [.., b'\'', b's' | b'S'] => &text[..text.len() - 2],
            _ => text,
        };
        let norm = if t.len() > 4 && t.as_bytes()[t.len() - 3..].eq_ignore_ascii_case(b"ies") {
            // "ies" plurals: "cities" is looked up as "city".
            let mut n = t[..t.len() - 3].to_ascii_lowercase();
            n.push('y');
            Cow::Owned(n)
        } else if t.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(t.to_ascii_lowercase())
        } else {
            Cow::Borrowed(t)
        };
        return Word { text, norm };
    }
    let mut norm = normalize(text).to_lowercase().replace('’', "'");
    if norm.ends_with("'s") {
        norm.truncate(norm.len() - 2);
    }
    if norm.len() > 4 && norm.ends_with("ies") && norm.is_ascii() {
        norm.truncate(norm.len() - 3);
        norm.push('y');
    }
    Word {
        text,
        norm: Cow::Owned(norm),
    }
}

/// The text covered by a run of words, as written.
fn surface(text: &str, ws: &[Word<'_>]) -> String {
    let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
        return String::new();
    };
    let start = first.text.as_ptr() as usize - text.as_ptr() as usize;
    let end = last.text.as_ptr() as usize - text.as_ptr() as usize + last.text.len();
    text[start..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_taxonomy_parses_with_ten_topics_in_five_languages() {
        let t = Taxonomy::from_toml(AFGHANISTAN).unwrap();
        assert_eq!(t.topics.len(), 10);
        for topic in &t.topics {
            for lang in ["en", "fa", "ps", "ur", "ar"] {
                assert!(
                    topic.keywords.get(lang).is_some_and(|k| k.len() >= 5),
                    "{} {lang}",
                    topic.name
                );
            }
        }
    }

    #[test]
    fn ascii_words_match_as_lower_case_without_possessive_or_ies() {
        // The matching form as first written: lower case, then `'s`, then `ies`.
        let reference = |text: &str| {
            let mut norm = text.to_ascii_lowercase();
            if norm.ends_with("'s") {
                norm.truncate(norm.len() - 2);
            }
            if norm.len() > 4 && norm.ends_with("ies") {
                norm.truncate(norm.len() - 3);
                norm.push('y');
            }
            norm
        };
        for w in [
            "a",
            "WHO",
            "who",
            "Refugee's",
            "REFUGEE'S",
            "cities",
            "CITIES",
            "Cities's",
            "ies",
            "lies",
            "allies",
            "Allies'S",
            "s",
            "'s",
            "x's's",
            "children",
        ] {
            assert_eq!(word(w).norm, reference(w), "{w:?}");
        }
    }

    #[test]
    fn inflections_stems_and_capitals() {
        let t = Taxonomy::from_toml(
            r#"
[[topic]]
name = "x"
keywords = { en = ["refugee", "deport*", "WHO", "city"], fa = ["پناهجو"] }
"#,
        )
        .unwrap();
        let c = t.compile();
        let ws = words("Refugees’ deportation who WHO cities پناهجویان");
        let hit = |i: usize| {
            let mut cands = Vec::new();
            c.candidates(&ws[i].norm, &mut cands);
            cands.iter().any(|&id| c.matches_at(&c.phrases[id], &ws, i))
        };
        assert!(hit(0) && hit(1) && hit(3) && hit(4) && hit(5));
        assert!(!hit(2), "lower-case who is no WHO");
    }
}
