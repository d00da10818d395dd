//! Repair of a page decoded twice ("mojibake"): bytes that are valid UTF-8
//! but spell the bytes of UTF-8 text read as Windows-1252 (or Latin-1)
//! characters, "itertools â€” Functions" for "itertools — Functions" and
//! "Ø§Ù„" for Persian "ال", or as Windows-1256 ones, "ط§ظ„" for the
//! same "ال". A site that stores UTF-8 in a Latin-1 or Arabic database
//! column and serves it as UTF-8 writes such pages.
//!
//! Written here rather than taken from a crate: the one Rust port of
//! Python's ftfy (plsfix) is little used, knows no Windows-1256 (the
//! Arabic code page the catalog's outlets meet) and does far more than
//! this needs: one pass over the page, gated so that text that merely
//! holds accented or Arabic letters is never touched.

use std::sync::LazyLock;

use encoding_rs::{Encoding, WINDOWS_1252, WINDOWS_1256};

/// A legacy code page read backwards: each character of its upper half
/// with its byte, sorted by character.
struct CodePage(Vec<(char, u8)>);

impl CodePage {
    /// The table of `enc`; with `c1`, the C1 controls (U+0080–U+009F)
    /// stand for their own bytes too, as a Latin-1 reading leaves them.
    fn new(enc: &'static Encoding, c1: bool) -> Self {
        let mut v: Vec<(char, u8)> = (0x80u8..=0xFF)
            .filter_map(|b| {
                let one = [b];
                let (s, bad) = enc.decode_without_bom_handling(&one);
                let c = s.chars().next()?;
                (!bad && c != '\u{FFFD}').then_some((c, b))
            })
            .collect();
        if c1 {
            for b in 0x80u8..=0x9F {
                let c = char::from(b);
                if !v.iter().any(|&(x, _)| x == c) {
                    v.push((c, b));
                }
            }
        }
        v.sort_unstable();
        v.dedup_by_key(|e| e.0);
        CodePage(v)
    }

    fn byte(&self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return None;
        }
        self.0
            .binary_search_by_key(&c, |e| e.0)
            .ok()
            .map(|i| self.0[i].1)
    }
}

static CP1252: LazyLock<CodePage> = LazyLock::new(|| CodePage::new(WINDOWS_1252, true));
static CP1256: LazyLock<CodePage> = LazyLock::new(|| CodePage::new(WINDOWS_1256, false));

/// The character the characters at the start of `s` spell as one UTF-8
/// sequence in the bytes of `cp`, and how many bytes of `s` they take.
/// `None` when the first character is no lead byte there, or what follows
/// is not its continuation, or the bytes are no valid UTF-8 (an overlong
/// or surrogate form).
fn sequence(s: &str, cp: &CodePage) -> Option<(char, usize)> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    let lead = cp.byte(first)?;
    let n = match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut buf = [lead, 0, 0, 0];
    for slot in buf.iter_mut().skip(1).take(n) {
        let (_, c) = chars.next()?;
        let b = cp.byte(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
    }
    let end = chars.next().map_or(s.len(), |(i, _)| i);
    let c = std::str::from_utf8(&buf[..=n]).ok()?.chars().next()?;
    plausible(c).then_some((c, end))
}

/// Whether text decoded twice could have held `c`: a letter or sign of
/// the scripts and symbol blocks pages are written in, or a C1 control (a
/// byte a layer of decoding below left as such). Not IPA, spacing
/// modifiers, combining marks or the rarer scripts between Arabic and
/// Devanagari: their UTF-8 is what an accented capital before a sign
/// spells ("NESCAFÉ®" reads as U+026E), and no text of that kind is.
fn plausible(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0080..=0x017F
            | 0x0218..=0x021B
            | 0x0370..=0x03FF
            | 0x0400..=0x04FF
            | 0x0590..=0x05FF
            | 0x0600..=0x06FF
            | 0x0900..=0x0E7F
            | 0x10A0..=0x10FF
            | 0x1E00..=0x1EFF
            | 0x2000..=0x2BFF
            | 0x3000..=0x9FFF
            | 0xAC00..=0xD7A3
            | 0xFB50..=0xFDFF
            | 0xFE00..=0xFE0F
            | 0xFE70..=0xFEFF
            | 0xFF00..=0xFFEF
            | 0xFFFD
            | 0x1F000..=0x1FAFF
    )
}

/// How many characters of `s` that can lead a sequence in `cp` do (the
/// sequences), and how many do not (letters in their own right). Only the
/// characters whose UTF-8 starts with one of `firsts` are looked at: every
/// lead character of the code page does (a byte of UTF-8 at or above 0xC0
/// always starts a character). Stops early once the letters far
/// outnumber the sequences: text in its own right.
fn assess(s: &str, cp: &CodePage, firsts: [u8; 3]) -> (usize, usize) {
    let (mut seqs, mut letters) = (0, 0);
    let [a, b, c] = firsts;
    for i in memchr::memchr3_iter(a, b, c, s.as_bytes()) {
        let Some(c) = s[i..].chars().next() else {
            continue;
        };
        if cp.byte(c).is_none_or(|b| b < 0xC2) {
            continue;
        }
        if sequence(&s[i..], cp).is_some() {
            seqs += 1;
        } else {
            letters += 1;
            if letters >= 32 && letters > 4 * seqs {
                break;
            }
        }
    }
    (seqs, letters)
}

/// `s` with every sequence of `cp` decoded.
fn decode_all(s: &str, cp: &CodePage) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        match sequence(&s[i..], cp) {
            Some((d, len)) => {
                out.push(d);
                i += len;
            }
            None => {
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

/// A short string (a title) that was decoded twice as a whole, set right:
/// every character is one of Windows-1252 or Latin-1 (or ASCII), and
/// their bytes are UTF-8 with at least one character beyond ASCII. A
/// string in its own right almost never reads as UTF-8 that way.
pub(crate) fn undo_whole(s: &str) -> Option<String> {
    let bytes: Option<Vec<u8>> = s
        .chars()
        .map(|c| {
            u8::try_from(c)
                .ok()
                .filter(u8::is_ascii)
                .or_else(|| CP1252.byte(c))
        })
        .collect();
    String::from_utf8(bytes?).ok().filter(|fixed| {
        fixed.len() < s.len() && fixed.chars().all(|c| c.is_ascii() || plausible(c))
    })
}

/// The page repaired, when it was decoded twice: at least three sequences
/// of one code page, and more of them than letters of that code page
/// standing alone (a page of French or Persian holds letters, not
/// sequences). Windows-1252 is tried first, then Windows-1256; a page
/// decoded three times is repaired twice. `None` for every other page.
pub(crate) fn repair(s: &str) -> Option<String> {
    // Every lead character of Windows-1252 is in U+00C2–U+00F4 (UTF-8
    // C3 xx); those of Windows-1256 are Latin letters there or Arabic
    // letters (D8 xx, D9 xx).
    const LATIN: [u8; 3] = [0xC3; 3];
    const ARABIC: [u8; 3] = [0xC3, 0xD8, 0xD9];
    let mut fixed: Option<String> = None;
    for _ in 0..2 {
        let cur = fixed.as_deref().unwrap_or(s);
        if memchr::memchr3(0xC3, 0xD8, 0xD9, cur.as_bytes()).is_none() {
            break;
        }
        let qualifies = |(seqs, letters): (usize, usize)| seqs >= 3 && seqs > letters;
        let next = if qualifies(assess(cur, &CP1252, LATIN)) {
            decode_all(cur, &CP1252)
        } else if qualifies(assess(cur, &CP1256, ARABIC)) {
            decode_all(cur, &CP1256)
        } else {
            break;
        };
        fixed = Some(next);
    }
    fixed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` encoded as UTF-8, read as `enc`, and encoded as UTF-8 again.
    fn twice(text: &str, enc: &'static Encoding) -> String {
        enc.decode_without_bom_handling(text.as_bytes())
            .0
            .into_owned()
    }

    #[test]
    fn a_page_decoded_twice_is_repaired() {
        for text in [
            "<title>Tide tables — the quay’s “new” boats</title><p>Café, naïve, 20 €.</p>",
            "<p>بندر کابل، ۱۴۰۳ — د افغانستان\u{200C}ی خبر.</p><p>خبرها و گزارش‌ها</p>",
        ] {
            for enc in [WINDOWS_1252, WINDOWS_1256] {
                let broken = twice(text, enc);
                assert_ne!(broken, text);
                assert_eq!(repair(&broken).as_deref(), Some(text), "{}", enc.name());
            }
        }
        // Read as Latin-1 (the C1 controls kept), as a page served as
        // ISO-8859-1 by a server that means it.
        let latin1: String = "itertools — Functions creating iterators: «é» ü ß"
            .bytes()
            .map(char::from)
            .collect();
        assert_eq!(
            repair(&latin1).as_deref(),
            Some("itertools — Functions creating iterators: «é» ü ß")
        );
        // Three times: repaired twice.
        let thrice = twice(&twice("Ærø — “ok” — déjà vu", WINDOWS_1252), WINDOWS_1252);
        assert_eq!(repair(&thrice).as_deref(), Some("Ærø — “ok” — déjà vu"));
    }

    #[test]
    fn text_in_its_own_right_is_never_touched() {
        for text in [
            "Plain English with no accents at all.",
            "Déjà vu à la française : « voilà » — l’été à Paris, où l’on mange des crêpes.",
            "Müller, Größe, Straße; Ørsted, Århus; São Paulo, ação.",
            "خبرگزاری طلوع: عملیات غزنی ظهر امروز پایان یافت و طالبان عقب‌نشینی کردند.",
            "د طالبانو ویاند وویل چې عملیات ختم شول؛ غزني ته ظاهراً ټول لارې خلاصې دي.",
            "عطر، غذا، ظرف، طبقه، عظیم، غلط، طعم، ظلم",
            // Two sequences are not enough to judge a page by.
            "Ã© and Ã¨ in a note about encodings",
            // An accented capital before a sign spells no likely
            // character.
            "NESCAFÉ® Classic, NESCAFÉ® Gold, NESCAFÉ® Azera, NESCAFÉ® Dolce",
        ] {
            assert_eq!(repair(text), None, "{text}");
        }
    }

    #[test]
    fn a_title_decoded_twice_is_set_right_and_only_then() {
        assert_eq!(
            undo_whole("Investorâ€™s guide").as_deref(),
            Some("Investor’s guide")
        );
        assert_eq!(
            undo_whole("CrusherÂ® ANC 2").as_deref(),
            Some("Crusher® ANC 2")
        );
        for title in ["NESCAFÉ® Classic", "Café au lait", "Plain title"] {
            assert_eq!(undo_whole(title), None, "{title}");
        }
    }

    #[test]
    fn a_sequence_is_one_utf8_character_or_nothing() {
        let cp = &*CP1252;
        assert_eq!(sequence("Ã©t", cp), Some(('é', 4)));
        assert_eq!(sequence("â€”x", cp), Some(('—', 8)));
        // A lead byte without its continuation, and an overlong form.
        assert_eq!(sequence("Ã x", cp), None);
        assert_eq!(sequence("À€", cp), None);
        assert_eq!(sequence("abc", cp), None);
    }
}
