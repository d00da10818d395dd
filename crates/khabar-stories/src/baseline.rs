//! The reference clusterer: single-pass TF-IDF cosine with one threshold.
//!
//! # Motivation
//!
//! Quality figures mean something only next to a baseline computed in the
//! same run on the same data. This is the textbook one (Allan et al. 1998,
//! the "single pass" of topic detection and tracking): each article joins the
//! most similar earlier cluster when the cosine reaches a threshold, or
//! starts a new one.
//!
//! # Design
//!
//! The same words, title weighting and incrementally maintained IDF as
//! [`crate::Clusterer`], so the comparison measures the clustering and not
//! the tokenizer; every cluster's centroid is compared (no window, no
//! candidate index, no fingerprints, no names, no time).
//!
//! ```
//! use khabar_stories::{Baseline, Doc};
//! let mut b = Baseline::new(0.3);
//! let x = b.add(&Doc { title: "Floods in Baghlan".into(), text: "Floods hit Baghlan villages.".into(), ..Doc::new("1") });
//! let y = b.add(&Doc { title: "Baghlan floods".into(), text: "Villages in Baghlan flooded.".into(), ..Doc::new("2") });
//! assert_eq!(x, y);
//! ```

use std::collections::HashMap;

use crate::idf::Vocab;
use crate::text;

/// Single-pass TF-IDF cosine clusterer.
#[derive(Debug)]
pub struct Baseline {
    threshold: f32,
    title_weight: f32,
    vocab: Vocab,
    clusters: Vec<HashMap<u32, f32>>,
}

impl Baseline {
    /// A clusterer joining at cosine ≥ `threshold`.
    pub fn new(threshold: f32) -> Baseline {
        Baseline {
            threshold,
            title_weight: crate::Config::default().title_weight,
            vocab: Vocab::default(),
            clusters: Vec::new(),
        }
    }

    /// The cluster (0-based, in order of creation) of the next article.
    pub fn add(&mut self, doc: &crate::Doc) -> u64 {
        let mut tf: HashMap<u32, f32> = HashMap::new();
        for t in text::tokens(&doc.text) {
            *tf.entry(self.vocab.intern(&t.key)).or_default() += 1.0;
        }
        for t in text::tokens(&doc.title) {
            *tf.entry(self.vocab.intern(&t.key)).or_default() += self.title_weight;
        }
        let v: Vec<(u32, f32)> = tf
            .into_iter()
            .map(|(k, n)| (k, if n >= 1.0 { 1.0 + n.ln() } else { n }))
            .collect();
        let ids: Vec<u32> = v.iter().map(|&(k, _)| k).collect();
        self.vocab.add_doc(&ids);
        let vocab = &self.vocab;
        let dn: f32 = v
            .iter()
            .map(|&(k, w)| (w * vocab.idf(k)).powi(2))
            .sum::<f32>()
            .sqrt();
        let mut best: Option<(usize, f32)> = None;
        for (i, c) in self.clusters.iter().enumerate() {
            let mut dot = 0.0;
            for &(k, w) in &v {
                if let Some(&x) = c.get(&k) {
                    dot += w * x * vocab.idf(k).powi(2);
                }
            }
            if dot <= 0.0 {
                continue;
            }
            let cn: f32 = c
                .iter()
                .map(|(&k, &x)| (x * vocab.idf(k)).powi(2))
                .sum::<f32>()
                .sqrt();
            let cos = dot / (dn * cn).max(1e-9);
            if best.is_none_or(|(_, b)| cos > b) {
                best = Some((i, cos));
            }
        }
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-6);
        let target = match best {
            Some((i, cos)) if cos >= self.threshold => i,
            _ => {
                self.clusters.push(HashMap::new());
                self.clusters.len() - 1
            }
        };
        let c = &mut self.clusters[target];
        for (k, w) in v {
            *c.entry(k).or_default() += w / norm;
        }
        target as u64
    }
}
