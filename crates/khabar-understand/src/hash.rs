//! A fast hasher for the word sets and maps of the analyses.
//!
//! The keys are short words looked up millions of times; SipHash (the
//! standard library's default, built against hash flooding) costs more
//! than the lookups themselves there. The keys come from the crate's own
//! lists or from one article's words, and no result depends on the order
//! of a map, so a simple multiplicative hash (FxHash's, from rustc) is
//! enough.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash: a word at a time, rotate, xor, multiply.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub(crate) type FastHasher = BuildHasherDefault<FxHasher>;
pub(crate) type FastMap<K, V> = HashMap<K, V, FastHasher>;
pub(crate) type FastSet<T> = HashSet<T, FastHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_and_maps_find_what_they_hold() {
        let words = [
            "",
            "a",
            "kabul",
            "کابل",
            "eightchr",
            "ninechars",
            "ministry of",
        ];
        let set: FastSet<String> = words.iter().map(|w| (*w).to_string()).collect();
        assert_eq!(set.len(), words.len());
        for w in words {
            assert!(set.contains(w), "{w}");
        }
        assert!(!set.contains("kabu") && !set.contains("ministry"));
        let mut map: FastMap<&str, usize> = FastMap::default();
        for w in words {
            *map.entry(w).or_insert(0) += 1;
        }
        assert!(map.values().all(|&n| n == 1));
    }

    #[test]
    fn distinct_short_keys_hash_apart() {
        use std::hash::BuildHasher;
        let b = FastHasher::default();
        let h = |s: &str| b.hash_one(s);
        assert_ne!(h("ab"), h("ba"));
        assert_ne!(h("kabul"), h("herat"));
        assert_ne!(h("ministry of"), h("ministry on"));
    }
}
