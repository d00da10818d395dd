//! Is any of a fixed set of ASCII words inside a string? One pass over the
//! string with a table of the words' first bytes, instead of one substring
//! search per word: class and id values are short and met on every
//! element, where the set-up of each search costs more than the search.

/// A set of at most 64 ASCII needles, matched ignoring ASCII case.
#[derive(Debug)]
pub(crate) struct AnyOf {
    /// For each byte, the needles that start with it (bit k: needle k).
    starts: [u64; 256],
    needles: &'static [&'static str],
}

impl AnyOf {
    /// The needles must be non-empty, lower-case ASCII, at most 64.
    pub(crate) const fn new(needles: &'static [&'static str]) -> Self {
        assert!(needles.len() <= 64);
        let mut starts = [0u64; 256];
        let mut i = 0;
        while i < needles.len() {
            let c = needles[i].as_bytes()[0];
            starts[c as usize] |= 1 << i;
            starts[c.to_ascii_uppercase() as usize] |= 1 << i;
            i += 1;
        }
        Self { starts, needles }
    }

    /// Whether `hay` holds one of the needles (ASCII case ignored).
    pub(crate) fn found_in(&self, hay: &str) -> bool {
        let b = hay.as_bytes();
        for (i, &c) in b.iter().enumerate() {
            let mut m = self.starts[usize::from(c)];
            while m != 0 {
                let n = self.needles[m.trailing_zeros() as usize].as_bytes();
                if b.len() - i >= n.len() && b[i + 1..i + n.len()].eq_ignore_ascii_case(&n[1..]) {
                    return true;
                }
                m &= m - 1;
            }
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
    }
}
