//! Is any of a fixed set of ASCII words inside a string? One pass over the
//! string with a table of the words' first bytes, instead of one substring
//! search per word: class and id values are short and met on every
//! element, where the set-up of each search costs more than the search.

/// A set of at most 64 ASCII needles of two bytes or more, matched
/// ignoring ASCII case.
#[derive(Debug)]
pub(crate) struct AnyOf {
    /// For each byte: the needles that start with it, and those whose
    /// second byte it is (bit k: needle k). Both in one entry, so each byte
    /// of the haystack costs one look-up; together they rule out nearly
    /// every position.
    table: [(u64, u64); 256],
    needles: &'static [&'static str],
}

impl AnyOf {
    /// The needles must be lower-case ASCII of at least two bytes, at most
    /// 64 of them.
    pub(crate) const fn new(needles: &'static [&'static str]) -> Self {
        assert!(needles.len() <= 64);
        let mut table = [(0u64, 0u64); 256];
        let mut i = 0;
        while i < needles.len() {
            let n = needles[i].as_bytes();
            assert!(n.len() >= 2);
            let (c, d) = (n[0], n[1]);
            table[c as usize].0 |= 1 << i;
            table[c.to_ascii_uppercase() as usize].0 |= 1 << i;
            table[d as usize].1 |= 1 << i;
            table[d.to_ascii_uppercase() as usize].1 |= 1 << i;
            i += 1;
        }
        Self { table, needles }
    }

    /// Whether `hay` holds one of the needles (ASCII case ignored).
    pub(crate) fn found_in(&self, hay: &str) -> bool {
        let b = hay.as_bytes();
        let Some(&first) = b.first() else {
            return false;
        };
        // The needles that start at the previous byte.
        let mut starting = self.table[usize::from(first)].0;
        for (i, &c) in b.iter().enumerate().skip(1) {
            let (starts, seconds) = self.table[usize::from(c)];
            let m = starting & seconds;
            starting = starts;
            if m != 0 && self.any_at(b, i - 1, m) {
                return true;
            }
        }
        false
    }

    /// Whether one of the needles of `m`, whose first two bytes match at
    /// `at`, matches there whole.
    #[cold]
    fn any_at(&self, b: &[u8], at: usize, mut m: u64) -> bool {
        while m != 0 {
            let n = self.needles[m.trailing_zeros() as usize].as_bytes();
            if b.len() - at >= n.len() && b[at + 2..at + n.len()].eq_ignore_ascii_case(&n[2..]) {
                return true;
            }
            m &= m - 1;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_anywhere_in_any_case() {
        const SET: AnyOf = AnyOf::new(&["share-", "-ad-", "cookie"]);
        assert!(SET.found_in("post share-bar"));
        assert!(SET.found_in("top-ad-slot"));
        assert!(SET.found_in("CookieBanner"));
        assert!(!SET.found_in("shared"));
        assert!(!SET.found_in("ad"));
        assert!(!SET.found_in(""));
        assert!(!SET.found_in("ساعت share"));
        assert!(SET.found_in("x-AD-"));
        assert!(!SET.found_in("-a"));
        assert!(!SET.found_in("c"));
    }
}
