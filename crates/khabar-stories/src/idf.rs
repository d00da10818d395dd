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

use std::collections::HashMap;

/// Interned terms and their document frequencies.
#[derive(Debug, Default, Clone)]
pub struct Vocab {
    ids: HashMap<String, u32>,
    df: Vec<u32>,
    n_docs: u32,
}

impl Vocab {
    /// The id of `term`, interning it if new.
    pub fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = u32::try_from(self.df.len()).unwrap_or(u32::MAX);
        self.ids.insert(term.to_string(), id);
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

    /// Documents counted now.
    pub fn n_docs(&self) -> u32 {
        self.n_docs
    }

    /// `ln(1 + N / df)`, with `df` at least 1.
    pub fn idf(&self, term: u32) -> f32 {
        let df = self.df(term).max(1) as f32;
        (1.0 + self.n_docs.max(1) as f32 / df).ln()
    }
}
