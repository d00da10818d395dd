//! Text lengths of a subtree counted in place: walking the text nodes
//! instead of concatenating them into a new string (which `NodeRef::text`
//! does), and stopping as soon as a bound is reached.

use dom_query::{NodeData, NodeRef};

/// Applies `f` to every text node under `node` until it returns false.
fn each_text(node: &NodeRef, mut f: impl FnMut(&str) -> bool) {
    for d in node.descendants_it() {
        let go = d.query_or(true, |t| match &t.data {
            NodeData::Text { contents } => f(contents),
            _ => true,
        });
        if !go {
            return;
        }
    }
}

/// Whether the text under `node` is shorter than `limit` bytes.
pub(crate) fn shorter_than(node: &NodeRef, limit: usize) -> bool {
    let mut total = 0;
    each_text(node, |t| {
        total += t.len();
        total < limit
    });
    total < limit
}

/// Whether the text under `node` holds fewer than `limit` characters that
/// are not white space. Templates indent their markup: a menu of a few
/// hundred words can hold a quarter of a megabyte of spaces.
pub(crate) fn fewer_chars_than(node: &NodeRef, limit: usize) -> bool {
    let mut total = 0;
    each_text(node, |t| {
        total += non_ws_chars(t);
        total < limit
    });
    total < limit
}

/// Characters of `t`: its bytes that start a UTF-8 sequence.
#[cfg(test)]
fn char_count(t: &str) -> usize {
    char_counts(t).1
}

/// Characters of `t` that are not white space (`char::is_whitespace`).
pub(crate) fn non_ws_chars(t: &str) -> usize {
    char_counts(t).0
}

/// Characters of `t` that are not white space (`char::is_whitespace`), and
/// all its characters: the bytes that start a UTF-8 sequence, less the
/// white space ones. Those are ASCII (tab, line feed, vertical tab, form
/// feed, carriage return, space) or start with 0xC2 (U+0085, U+00A0), 0xE1
/// (U+1680), 0xE2 (U+2000–U+200A, U+2028, U+2029, U+202F, U+205F) or 0xE3
/// (U+3000). One pass without branches counts the characters, those that
/// start with neither, and the lead bytes of the others; those are checked
/// one by one only when there are any.
pub(crate) fn char_counts(t: &str) -> (usize, usize) {
    let b = t.as_bytes();
    let (mut n, mut all, mut leads) = (0usize, 0usize, 0usize);
    // Byte-wide counters over chunks of at most 255 bytes: sixteen bytes
    // per vector step.
    for chunk in b.chunks(255) {
        let (mut cn, mut ca, mut cl) = (0u8, 0u8, 0u8);
        for &c in chunk {
            // Comparisons combined with `&` and `|`, not `&&` and `||`:
            // no branch. ASCII white space is 9..=13 and 32.
            let starts = u8::from((c as i8) >= -0x40);
            let ascii_ws = u8::from(c == b' ') | u8::from(c.wrapping_sub(b'\t') < 5);
            cn += starts & !ascii_ws & 1;
            ca += starts;
            cl += u8::from(c == 0xC2) | u8::from(c.wrapping_sub(0xE1) < 3);
        }
        n += usize::from(cn);
        all += usize::from(ca);
        leads += usize::from(cl);
    }
    if leads == 0 {
        return (n, all);
    }
    let wide = b
        .iter()
        .enumerate()
        .filter(|&(i, &c)| matches!(c, 0xC2 | 0xE1..=0xE3) && is_wide_space(&b[i..]))
        .count();
    (n - wide, all)
}

/// Whether `b` starts with a white space character outside ASCII.
fn is_wide_space(b: &[u8]) -> bool {
    match b {
        [0xC2, 0x85 | 0xA0, ..] | [0xE1, 0x9A, 0x80, ..] | [0xE3, 0x80, 0x80, ..] => true,
        [0xE2, 0x80, x, ..] => matches!(x, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
        [0xE2, 0x81, 0x9F, ..] => true,
        _ => false,
    }
}

/// Bytes and non-white-space characters of the text under `node`.
pub(crate) fn sizes(node: &NodeRef) -> (usize, usize) {
    let (mut bytes, mut chars) = (0, 0);
    each_text(node, |t| {
        bytes += t.len();
        chars += non_ws_chars(t);
        true
    });
    (bytes, chars)
}

/// Non-white-space characters of the text under `node`.
pub(crate) fn non_ws(node: &NodeRef) -> usize {
    sizes(node).1
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    #[test]
    fn lengths_match_the_concatenated_text() {
        let doc = Document::from(
            "<div id=d><p>Wells <b>in</b> the</p> village<span> سیلاب‌ها</span></div>",
        );
        let d = doc.select("#d").nodes()[0];
        let text = d.text();
        let non_ws = text.chars().filter(|c| !c.is_whitespace()).count();
        assert_eq!(sizes(&d), (text.len(), non_ws));
        assert!(shorter_than(&d, text.len() + 1));
        assert!(!shorter_than(&d, text.len()));
        assert!(fewer_chars_than(&d, non_ws + 1));
        assert!(!fewer_chars_than(&d, non_ws));
        assert_eq!(char_count(&text), text.chars().count());
    }

    #[test]
    fn wide_white_space_is_that_of_the_standard_library() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii())
        {
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(is_wide_space(b), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn counts_agree_with_the_standard_library() {
        for t in [
            "",
            " a\tb\nc\r\x0b\x0cd ",
            "سیلاب‌ها \u{a0}x\u{2003}y\u{3000}",
            "\u{85}\u{1680}z",
            "\u{2000}\u{200a}\u{200b}\u{2028}\u{2029}\u{202f}\u{205f}\u{2060}\u{3000}\u{3001}",
            "\u{c2}\u{e1}\u{e2}\u{e3}\u{2010}\u{1681}",
            // Longer than one counting chunk (255 bytes), every kind mixed.
            &"ab \u{a0}سیلاب‌ها\u{2003}—“x”\t\u{3000}\u{1680}\n".repeat(40),
        ] {
            assert_eq!(char_count(t), t.chars().count(), "{t:?}");
            let std = t.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(non_ws_chars(t), std, "{t:?}");
        }
    }
}
