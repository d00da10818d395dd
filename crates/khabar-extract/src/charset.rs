//! Turning page bytes into text. Order of evidence: a byte-order mark; then
//! the bytes themselves when they are valid UTF-8 with non-ASCII content (a
//! declaration that contradicts a valid UTF-8 stream is a lie, which is
//! common on the real web; a stream that spells text decoded twice is
//! repaired, see `mojibake`); then the charset the fetcher decided (HTTP
//! header); then a `<meta>` declaration in the first 4 KiB; then UTF-8 for
//! pure ASCII; finally `chardetng` statistical detection.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};
use serde::Serialize;

/// Where the character encoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CharsetSource {
    /// A byte-order mark at the start of the bytes.
    Bom,
    /// The bytes are valid UTF-8 (and not plain ASCII).
    ValidUtf8,
    /// The bytes are valid UTF-8 spelling text decoded twice (UTF-8 read
    /// as Windows-1252, Latin-1 or Windows-1256: "â€”" for "—"), and
    /// the text was repaired.
    DoubleEncoded,
    /// The charset given by the caller (the fetcher's HTTP header).
    Given,
    /// A `<meta charset>` or `<meta http-equiv>` declaration.
    Meta,
    /// Plain ASCII bytes, read as UTF-8.
    Ascii,
    /// Statistical detection (chardetng).
    Detected,
}

/// Decodes `bytes` and says which encoding was used and why. Text that
/// is already UTF-8 (most pages) is borrowed, not copied.
pub fn decode<'a>(
    bytes: &'a [u8],
    given: Option<&str>,
) -> (Cow<'a, str>, &'static Encoding, CharsetSource) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text, enc, CharsetSource::Bom);
    }
    let ascii = bytes.is_ascii();
    if !ascii && let Ok(s) = std::str::from_utf8(bytes) {
        if let Some(fixed) = crate::mojibake::repair(s) {
            return (Cow::Owned(fixed), UTF_8, CharsetSource::DoubleEncoded);
        }
        return (Cow::Borrowed(s), UTF_8, CharsetSource::ValidUtf8);
    }
    let declared = given
        .and_then(|g| Encoding::for_label(g.trim().as_bytes()))
        .map(|e| (e, CharsetSource::Given))
        .or_else(|| meta_charset(bytes).map(|e| (e, CharsetSource::Meta)));
    if let Some((enc, source)) = declared {
        // UTF-16 declared in an ASCII-compatible stream is always wrong.
        let enc = enc.output_encoding();
        // A declared UTF-8 over invalid bytes: fall through to detection.
        if enc != UTF_8 || ascii {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            return (text, enc, source);
        }
    }
    if ascii {
        // Safe: ASCII is UTF-8.
        return (String::from_utf8_lossy(bytes), UTF_8, CharsetSource::Ascii);
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text, enc, CharsetSource::Detected)
}

/// The encoding named by a `<meta>` in the first 4 KiB, as the HTML
/// prescan would find it (simplified: `charset=` after `<meta`).
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i + 5;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let mut rest = &tag[c + 7..];
            rest = trim_start(rest);
            if let Some(r) = rest.strip_prefix(b"=") {
                let r = trim_start(r);
                let r = r
                    .strip_prefix(b"\"")
                    .or_else(|| r.strip_prefix(b"'"))
                    .unwrap_or(r);
                let len = r
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b)))
                    .unwrap_or(r.len());
                if let Some(enc) = Encoding::for_label(&r[..len]) {
                    return Some(enc);
                }
            }
        }
        from = end;
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins() {
        let (t, e, s) = decode(b"\xEF\xBB\xBFhi", Some("windows-1252"));
        assert_eq!((&*t, e.name(), s), ("hi", "UTF-8", CharsetSource::Bom));
    }

    #[test]
    fn valid_utf8_beats_a_lying_declaration() {
        let html = "<meta charset=\"iso-8859-1\"><p>خبر</p>".as_bytes();
        let (t, e, s) = decode(html, None);
        assert!(t.contains("خبر"));
        assert_eq!((e.name(), s), ("UTF-8", CharsetSource::ValidUtf8));
    }

    #[test]
    fn meta_charset_decodes_windows_1256() {
        // "خبر" in windows-1256 is 0xCA 0xC8 0xD1... use the encoder to be sure.
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("<p>خبر</p>");
        let mut html = b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1256'></head>".to_vec();
        html.extend_from_slice(&bytes);
        let (t, e, s) = decode(&html, None);
        assert!(t.contains("خبر"), "{t}");
        assert_eq!((e.name(), s), ("windows-1256", CharsetSource::Meta));
    }

    #[test]
    fn given_charset_before_meta_and_detection_last() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("<p>café</p>");
        let (t, _, s) = decode(&bytes, Some("windows-1252"));
        assert_eq!((&*t, s), ("<p>café</p>", CharsetSource::Given));
        let (_, _, s) = decode(&bytes, None);
        assert_eq!(s, CharsetSource::Detected);
        let (_, e, s) = decode(b"<p>plain</p>", None);
        assert_eq!((e.name(), s), ("UTF-8", CharsetSource::Ascii));
    }
}
