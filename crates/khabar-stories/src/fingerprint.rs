//! Exact and near-duplicate fingerprints.
//!
//! # Motivation
//!
//! One wire story is republished by ten outlets, lightly edited (a new
//! headline, a dropped closing paragraph, a local dateline) or re-posted
//! under a new URL. A reader wants it once, with "also published by …";
//! clustering must put every copy in its original's story at once, before
//! any similarity threshold gets a say.
//!
//! # Design
//!
//! - The *exact* fingerprint is FNV-1a over the body's matching keys (see
//!   [`crate::text`]), so case, punctuation, spacing, digit scripts and
//!   Arabic-letter variants do not matter, and neither does the headline
//!   (outlets rewrite headlines of wire copy).
//! - The *near-duplicate* fingerprint is a MinHash signature (Broder 1997)
//!   of the set of overlapping three-word shingles, function words included:
//!   the share of equal positions in two signatures estimates the Jaccard
//!   similarity of the two shingle sets. (SimHash was tried first: with the
//!   few hundred shingles of a news article, one edited word already flips
//!   six to eight of its 64 bits, so a small Hamming radius misses light
//!   edits and a large one needs a scan.) Texts of fewer than
//!   [`MIN_SHINGLES`] shingles get no signature: their estimate is noise.
//! - [`NearIndex`] finds similar signatures without scanning, by LSH
//!   banding: the 64 values are cut into 16 bands of 4, each band is a
//!   bucket key, and only items sharing a bucket are compared. Two texts
//!   with Jaccard 0.8 share some band with probability 1 − (1 − 0.8⁴)¹⁶ ≈
//!   0.9995; texts with Jaccard 0.2 are compared with probability 0.025.
//!
//! ```
//! use khabar_stories::fingerprint::{Fingerprint, NearIndex};
//! let body = "The ministry said on Sunday that forty new clinics opened in three \
//!             provinces, staffed by midwives trained over the past two years in Herat.";
//! let a = Fingerprint::of("Clinics open", body);
//! let b = Fingerprint::of("Forty clinics open in three provinces", &body.to_uppercase());
//! assert_eq!(a.exact, b.exact); // a new headline and shouting are still the same copy
//! let mut index = NearIndex::default();
//! index.insert(a.minhash.as_ref().unwrap(), 7);
//! let edited = body.replace("Sunday", "Monday");
//! let c = Fingerprint::of("Clinics open", &edited);
//! let (id, jaccard) = index.nearest(c.minhash.as_ref().unwrap(), 0.6).unwrap();
//! assert_eq!(id, 7);
//! assert!(jaccard >= 0.6);
//! ```

use crate::text::{self, fnv1a};
use rustc_hash::FxHashMap;

/// Texts shorter than this many three-word shingles get no MinHash.
pub const MIN_SHINGLES: usize = 20;

/// Values in a MinHash signature.
pub const SIGNATURE: usize = 64;
const BANDS: usize = 16;
const ROWS: usize = SIGNATURE / BANDS;

/// A MinHash signature.
pub type Signature = [u32; SIGNATURE];

/// The fingerprints of one article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fingerprint {
    /// Hash of the body's matching keys (the title's when the body is empty).
    pub exact: u64,
    /// MinHash of the body's three-word shingles, when the body is long enough.
    pub minhash: Option<Box<Signature>>,
}

impl Fingerprint {
    /// Fingerprints of an article from its title and body text.
    pub fn of(title: &str, body: &str) -> Fingerprint {
        let mut b = FingerprintBuilder::default();
        text::scan(body, |w| b.push(w.all_key));
        if b.is_empty() {
            text::scan(title, |w| b.push(w.all_key));
        }
        b.finish()
    }
}

/// Builds a [`Fingerprint`] from the matching keys of every word, fed one
/// at a time (no key is kept, only its hash).
#[derive(Debug, Clone)]
pub(crate) struct FingerprintBuilder {
    exact: u64,
    hashes: Vec<u64>,
}

impl Default for FingerprintBuilder {
    fn default() -> FingerprintBuilder {
        FingerprintBuilder {
            exact: FNV_OFFSET,
            hashes: Vec::new(),
        }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

impl FingerprintBuilder {
    /// The next word's matching key (function words included).
    pub(crate) fn push(&mut self, key: &str) {
        // The exact hash is FNV-1a over the keys joined by U+0001.
        if !self.hashes.is_empty() {
            self.exact = (self.exact ^ 1).wrapping_mul(FNV_PRIME);
        }
        for &b in key.as_bytes() {
            self.exact = (self.exact ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
        self.hashes.push(fnv1a(key.as_bytes()));
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    pub(crate) fn finish(self) -> Fingerprint {
        Fingerprint {
            exact: self.exact,
            minhash: minhash_of_hashes(&self.hashes).map(Box::new),
        }
    }
}

/// MinHash signature of a word sequence's three-word shingles; `None` when
/// too short.
pub fn minhash(keys: &[String]) -> Option<Signature> {
    let hashes: Vec<u64> = keys.iter().map(|k| fnv1a(k.as_bytes())).collect();
    minhash_of_hashes(&hashes)
}

/// The 64 odd multipliers of the multiply-shift hash family.
const MULTIPLIERS: [u64; SIGNATURE] = {
    let mut m = [0u64; SIGNATURE];
    let mut i = 0;
    while i < SIGNATURE {
        m[i] = mix(0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i as u64 + 1)) | 1;
        i += 1;
    }
    m
};

/// [`minhash`] from the FNV-1a hash of each key.
fn minhash_of_hashes(hashes: &[u64]) -> Option<Signature> {
    if hashes.len() < MIN_SHINGLES + 2 {
        return None;
    }
    let mut sig = [u32::MAX; SIGNATURE];
    for w in hashes.windows(3) {
        let mut h: u64 = FNV_OFFSET;
        for &k in w {
            h ^= k;
            h = h.wrapping_mul(FNV_PRIME).rotate_left(17);
        }
        let h = mix(h);
        // 64 hash functions from one: multiply-shift with odd multipliers.
        for (slot, &a) in sig.iter_mut().zip(MULTIPLIERS.iter()) {
            let v = (h.wrapping_mul(a) >> 32) as u32;
            *slot = (*slot).min(v);
        }
    }
    Some(sig)
}

/// splitmix64's finaliser: every input bit moves every output bit.
const fn mix(mut h: u64) -> u64 {
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Estimated Jaccard similarity of the shingle sets behind two signatures.
pub fn jaccard(a: &Signature, b: &Signature) -> f32 {
    let same = a.iter().zip(b.iter()).filter(|(x, y)| x == y).count();
    same as f32 / SIGNATURE as f32
}

/// Signatures by band, to find near-duplicates without a scan.
#[derive(Debug, Default, Clone)]
pub struct NearIndex {
    bands: FxHashMap<(u8, u64), Vec<u64>>,
    signatures: FxHashMap<u64, Box<Signature>>,
}

impl NearIndex {
    /// Remembers `sig` for item `id`.
    pub fn insert(&mut self, sig: &Signature, id: u64) {
        for band in 0..BANDS {
            self.bands.entry(band_key(sig, band)).or_default().push(id);
        }
        self.signatures.insert(id, Box::new(*sig));
    }

    /// Forgets item `id`.
    pub fn remove(&mut self, id: u64) {
        let Some(sig) = self.signatures.remove(&id) else {
            return;
        };
        for band in 0..BANDS {
            let key = band_key(&sig, band);
            if let Some(v) = self.bands.get_mut(&key) {
                v.retain(|&i| i != id);
                if v.is_empty() {
                    self.bands.remove(&key);
                }
            }
        }
    }

    /// The most similar stored item with estimated Jaccard ≥ `min_jaccard`,
    /// the earliest inserted on ties.
    pub fn nearest(&self, sig: &Signature, min_jaccard: f32) -> Option<(u64, f32)> {
        let mut best: Option<(u64, f32)> = None;
        for band in 0..BANDS {
            let Some(v) = self.bands.get(&band_key(sig, band)) else {
                continue;
            };
            for &id in v {
                let Some(other) = self.signatures.get(&id) else {
                    continue;
                };
                let j = jaccard(sig, other);
                if j >= min_jaccard && best.is_none_or(|(bid, bj)| j > bj || (j == bj && id < bid))
                {
                    best = Some((id, j));
                }
            }
        }
        best
    }
}

fn band_key(sig: &Signature, band: usize) -> (u8, u64) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &v in &sig[band * ROWS..(band + 1) * ROWS] {
        h = mix(h ^ u64::from(v));
    }
    (band as u8, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Heavy rain in the northern provinces washed away roads and \
        bridges on Tuesday, cutting off dozens of villages, local officials said, \
        adding that aid convoys were waiting for the water to fall before trying again. \
        The river rose by two metres overnight and farmers lost much of the wheat \
        they had stored for the winter. Teachers said schools would stay closed for \
        the rest of the week because the buildings were being used as shelters for \
        families whose houses had collapsed. The health department sent doctors and \
        water purification tablets and warned of diarrhoea among children. A \
        spokesman for the provincial council asked the government to rebuild the \
        bridges before the snow makes the mountain roads impassable again.";

    #[test]
    fn headline_case_and_digits_do_not_change_the_exact_fingerprint() {
        let a = Fingerprint::of("Floods cut roads", BODY);
        let b = Fingerprint::of("Roads cut", &BODY.to_lowercase().replace(',', " ,"));
        assert_eq!(a.exact, b.exact);
        let c = Fingerprint::of("x", &format!("{BODY} 25"));
        let d = Fingerprint::of("x", &format!("{BODY} ۲۵"));
        assert_eq!(c.exact, d.exact);
        assert_ne!(a.exact, c.exact);
    }

    #[test]
    fn a_light_edit_is_near_and_another_text_is_far() {
        let a = Fingerprint::of("t", BODY).minhash.unwrap();
        let edited = BODY.replace("Tuesday", "Wednesday");
        let b = Fingerprint::of("t", &edited).minhash.unwrap();
        assert!(jaccard(&a, &b) >= 0.8, "jaccard {}", jaccard(&a, &b));
        let other = "The central bank raised its main interest rate by half a point on \
            Thursday, the third rise this year, saying prices of food and fuel were still \
            climbing faster than wages in the cities and the countryside alike.";
        let c = Fingerprint::of("t", other).minhash.unwrap();
        assert!(jaccard(&a, &c) < 0.2, "jaccard {}", jaccard(&a, &c));
    }

    #[test]
    fn the_streamed_fingerprint_is_the_one_of_the_joined_keys() {
        let mut keys = Vec::new();
        text::scan(BODY, |w| keys.push(w.all_key.to_string()));
        let f = Fingerprint::of("t", BODY);
        assert_eq!(f.exact, fnv1a(keys.join("\u{1}").as_bytes()));
        assert_eq!(f.minhash.as_deref(), minhash(&keys).as_ref());
        // An empty body falls back to the title.
        let t = Fingerprint::of("Floods cut roads", "");
        assert_eq!(t.exact, fnv1a("floods\u{1}cut\u{1}roads".as_bytes()));
    }

    #[test]
    fn short_texts_get_no_signature() {
        assert!(
            Fingerprint::of("t", "Too short to say much.")
                .minhash
                .is_none()
        );
    }

    #[test]
    fn the_index_finds_the_closest_and_forgets() {
        let a = Fingerprint::of("t", BODY).minhash.unwrap();
        let edited = BODY
            .replace("Tuesday", "Wednesday")
            .replace("doctors", "nurses");
        let b = Fingerprint::of("t", &edited).minhash.unwrap();
        let mut index = NearIndex::default();
        index.insert(&a, 1);
        let (id, j) = index.nearest(&b, 0.7).unwrap();
        assert_eq!(id, 1);
        assert!(j < 1.0);
        assert_eq!(index.nearest(&a, 0.7), Some((1, 1.0)));
        index.remove(1);
        assert_eq!(index.nearest(&a, 0.1), None);
    }
}
