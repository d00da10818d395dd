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
        id
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

    /// `ln(1 + N / df)`, with `df` at least 1.
    #[inline]
    pub fn idf(&self, term: u32) -> f32 {
        let df = self.df(term).max(1);
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
}
