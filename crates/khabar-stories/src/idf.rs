//! Term ids and document frequencies over the articles in the window.
//!
//! # Motivation
//!
//! What makes two articles the same story is the rare words they share
//! ("Khalis", "COP29", "magnitude 6.3"), not "government" or "said". Which
//! words are rare changes with the news, so the inverse document frequency
//! is kept over the articles currently in the window: incremented when an
//! article arrives, decremented when it leaves.
//!
//! # Design
//!
//! Terms are interned once (`u32` ids; vectors and postings hold ids, not
//! strings). `idf(t) = ln(1 + N / df(t))`: always positive, so two articles
//! can meet on their shared words even when they are the first two seen
//! (the smoothed `ln(N / df)` is zero for every shared word then), and close
//! to `ln N` for a word seen once.
//!
//! In a stream of several languages, `N` is the number of documents *in the
//! languages the term occurs in*, not all of them: a Hindi or Pashto
//! function word found in every Hindi or Pashto article is common, even
//! when those articles are a twelfth of the window, while a name or a
//! figure shared by articles in several languages is counted against all of
//! those languages. A stream in one language gets the plain formula.
//!
//! ```
//! use khabar_stories::idf::Vocab;
//! let mut v = Vocab::default();
//! let a = v.intern("kabul");
//! let b = v.intern("baku");
//! v.add_doc(&[a]);
//! v.add_doc(&[a, b]);
//! assert!(v.idf(b) > v.idf(a));
//! v.remove_doc(&[a, b]);
//! assert_eq!(v.df(b), 0);
//! ```

use std::cell::Cell;

use rustc_hash::FxHashMap;

/// Document frequencies below this have their IDF cached (per window size).
const CACHED_DF: usize = 1024;

/// Interned terms and their document frequencies.
#[derive(Debug, Default, Clone)]
pub struct Vocab {
    ids: FxHashMap<Box<str>, u32>,
    df: Vec<u32>,
    /// The languages each term occurs in now, with document counts.
    term_langs: Vec<TermLangs>,
    /// Language tags seen (index = language id).
    langs: Vec<Box<str>>,
    /// Documents counted now, per language id.
    lang_docs: Vec<u32>,
    n_docs: u32,
    /// `idf` by document frequency for `cache_n` documents (NaN: not yet
    /// computed): the logarithm is taken once per frequency, not per call.
    cache: Vec<Cell<f32>>,
    cache_n: Cell<u32>,
}

impl Vocab {
    /// The id of `term`, interning it if new.
    pub fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = u32::try_from(self.df.len()).unwrap_or(u32::MAX);
        self.ids.insert(term.into(), id);
        self.df.push(0);
        self.term_langs.push(TermLangs::default());
        id
    }

    /// The id of a language tag (its primary subtag, lower-cased: `fa-AF`
    /// and `fa` are one language); documents without one share an id.
    pub fn lang_id(&mut self, lang: Option<&str>) -> u16 {
        let primary = lang
            .and_then(|l| l.split(['-', '_']).next())
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        if let Some(i) = self.langs.iter().position(|l| **l == *primary) {
            return i as u16;
        }
        self.langs.push(primary.into());
        self.lang_docs.push(0);
        (self.langs.len() - 1) as u16
    }

    /// Counts one document in language `lang` (from [`Vocab::lang_id`])
    /// holding each of `terms` (distinct ids).
    pub fn add_doc_in(&mut self, terms: &[u32], lang: u16) {
        self.add_doc(terms);
        if let Some(n) = self.lang_docs.get_mut(lang as usize) {
            *n += 1;
        }
        for &t in terms {
            if let Some(l) = self.term_langs.get_mut(t as usize) {
                l.add(lang);
            }
        }
    }

    /// Forgets one document counted by [`Vocab::add_doc_in`] with the same
    /// terms and language.
    pub fn remove_doc_in(&mut self, terms: &[u32], lang: u16) {
        self.remove_doc(terms);
        if let Some(n) = self.lang_docs.get_mut(lang as usize) {
            *n = n.saturating_sub(1);
        }
        for &t in terms {
            if let Some(l) = self.term_langs.get_mut(t as usize) {
                l.remove(lang);
            }
        }
    }

    /// The documents of the languages `term` occurs in (all documents when
    /// it occurs in every language counted, or in none).
    fn population(&self, term: u32) -> u32 {
        let Some(l) = self.term_langs.get(term as usize) else {
            return self.n_docs;
        };
        let docs = |lang: u16| self.lang_docs.get(lang as usize).copied().unwrap_or(0);
        match l.first {
            None => self.n_docs,
            Some((lang, _)) if l.more.is_empty() => docs(lang),
            Some((lang, _)) => docs(lang) + l.more.iter().map(|&(x, _)| docs(x)).sum::<u32>(),
        }
    }

    /// The id of `term` if it was ever seen.
    pub fn get(&self, term: &str) -> Option<u32> {
        self.ids.get(term).copied()
    }

    /// Counts one document holding each of `terms` (distinct ids).
    pub fn add_doc(&mut self, terms: &[u32]) {
        self.n_docs += 1;
        for &t in terms {
            if let Some(df) = self.df.get_mut(t as usize) {
                *df += 1;
            }
        }
    }

    /// Forgets one document counted by [`Vocab::add_doc`] with the same terms.
    pub fn remove_doc(&mut self, terms: &[u32]) {
        self.n_docs = self.n_docs.saturating_sub(1);
        for &t in terms {
            if let Some(df) = self.df.get_mut(t as usize) {
                *df = df.saturating_sub(1);
            }
        }
    }

    /// Documents holding `term` now.
    pub fn df(&self, term: u32) -> u32 {
        self.df.get(term as usize).copied().unwrap_or(0)
    }

    /// Terms interned so far (ids are below this).
    pub fn len(&self) -> usize {
        self.df.len()
    }

    /// Whether no term was interned yet.
    pub fn is_empty(&self) -> bool {
        self.df.is_empty()
    }

    /// Documents counted now.
    pub fn n_docs(&self) -> u32 {
        self.n_docs
    }

    /// `ln(1 + N / df)`, with `df` at least 1 and `N` the documents of the
    /// languages `term` occurs in.
    #[inline]
    pub fn idf(&self, term: u32) -> f32 {
        let df = self.df(term).max(1);
        let n = self.population(term);
        if n != self.n_docs {
            return idf_of(n, df);
        }
        let Some(slot) = self.cached(df) else {
            return idf_of(self.n_docs, df);
        };
        let v = slot.get();
        if v.is_nan() {
            let v = idf_of(self.n_docs, df);
            slot.set(v);
            v
        } else {
            v
        }
    }

    /// The cache slot of frequency `df` for the current document count.
    fn cached(&self, df: u32) -> Option<&Cell<f32>> {
        if self.cache.is_empty() || df as usize >= CACHED_DF {
            return None;
        }
        if self.cache_n.get() != self.n_docs {
            for c in &self.cache {
                c.set(f32::NAN);
            }
            self.cache_n.set(self.n_docs);
        }
        self.cache.get(df as usize)
    }

    /// Makes [`Vocab::idf`] cache its values (the clusterer's vocabulary
    /// asks for the same few frequencies thousands of times per article).
    pub(crate) fn with_cache(mut self) -> Vocab {
        self.cache = (0..CACHED_DF).map(|_| Cell::new(f32::NAN)).collect();
        self.cache_n = Cell::new(self.n_docs);
        self
    }
}

/// The languages one term occurs in, with document counts: most terms
/// belong to one language, kept inline.
#[derive(Debug, Default, Clone)]
struct TermLangs {
    first: Option<(u16, u32)>,
    more: Vec<(u16, u32)>,
}

impl TermLangs {
    fn add(&mut self, lang: u16) {
        match &mut self.first {
            None => self.first = Some((lang, 1)),
            Some((l, n)) if *l == lang => *n += 1,
            Some(_) => match self.more.iter_mut().find(|(l, _)| *l == lang) {
                Some((_, n)) => *n += 1,
                None => self.more.push((lang, 1)),
            },
        }
    }

    fn remove(&mut self, lang: u16) {
        if let Some((l, n)) = &mut self.first
            && *l == lang
        {
            *n -= 1;
            if *n == 0 {
                self.first = self.more.pop();
            }
            return;
        }
        if let Some(i) = self.more.iter().position(|(l, _)| *l == lang) {
            self.more[i].1 -= 1;
            if self.more[i].1 == 0 {
                self.more.swap_remove(i);
            }
        }
    }
}

fn idf_of(n_docs: u32, df: u32) -> f32 {
    (1.0 + n_docs.max(1) as f32 / df as f32).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cached_idf_follows_the_window() {
        let mut v = Vocab::default().with_cache();
        let a = v.intern("kabul");
        let b = v.intern("baku");
        v.add_doc(&[a]);
        v.add_doc(&[a, b]);
        assert_eq!(v.idf(a), idf_of(2, 2));
        assert_eq!(v.idf(b), idf_of(2, 1));
        v.add_doc(&[a]);
        assert_eq!(v.idf(a), idf_of(3, 3));
        assert_eq!(v.idf(b), idf_of(3, 1));
        v.remove_doc(&[a, b]);
        assert_eq!(v.idf(a), idf_of(2, 2));
        assert_eq!(v.idf(b), idf_of(2, 1));
        assert_eq!(v.len(), 2);
    }

    #[test]
    fn a_term_is_rare_or_common_among_the_documents_of_its_languages() {
        let mut v = Vocab::default().with_cache();
        let (en, hi) = (v.lang_id(Some("en")), v.lang_id(Some("hi-IN")));
        assert_eq!(v.lang_id(Some("EN-gb")), en);
        let ke = v.intern("के");
        let quake = v.intern("quake");
        let seven = v.intern("7.5");
        // Nine English articles, one Hindi article; the Hindi function word
        // is in the Hindi one, the figure in one of each.
        for i in 0..9 {
            let terms: Vec<u32> = if i == 0 {
                vec![quake, seven]
            } else {
                vec![quake]
            };
            v.add_doc_in(&terms, en);
        }
        v.add_doc_in(&[ke, seven], hi);
        assert_eq!(v.idf(ke), idf_of(1, 1), "common in Hindi: ln 2");
        assert_eq!(v.idf(quake), idf_of(9, 9));
        assert_eq!(
            v.idf(seven),
            idf_of(10, 2),
            "counted against both languages"
        );
        assert!(v.idf(seven) > v.idf(ke));
        v.remove_doc_in(&[ke, seven], hi);
        assert_eq!(v.df(ke), 0);
        assert_eq!(v.idf(seven), idf_of(9, 1), "now English only");
        assert_eq!(v.idf(ke), idf_of(9, 1), "no language left: all documents");
    }
}
