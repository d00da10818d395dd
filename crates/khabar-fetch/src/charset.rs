//! Deciding a document's character encoding: BOM → valid UTF-8 → HTTP
//! `charset` → `<meta>` prescan → chardetng guess (with the TLD as a hint)
//! → UTF-8. A byte stream that is valid UTF-8 and not plain ASCII is UTF-8
//! whatever it declares: declarations lie more often than such streams occur
//! by chance in legacy encodings. UTF-7 is never honoured.

use encoding_rs::{Encoding, UTF_8};

/// How the encoding was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharsetSource {
    Bom,
    ValidUtf8,
    Http,
    Meta,
    Guess,
    Default,
}

/// Picks the encoding of `bytes`. `http_charset` is the `charset` parameter
/// of the Content-Type header; `tld` (e.g. `af`) helps the guess.
pub fn decide(
    bytes: &[u8],
    http_charset: Option<&str>,
    tld: Option<&str>,
) -> (&'static Encoding, CharsetSource) {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return (enc, CharsetSource::Bom);
    }
    if !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
        return (UTF_8, CharsetSource::ValidUtf8);
    }
    if let Some(enc) = http_charset.and_then(label) {
        return (enc, CharsetSource::Http);
    }
    if let Some(enc) = meta_charset(bytes).and_then(|l| label(&l)) {
        return (enc, CharsetSource::Meta);
    }
    if bytes.is_ascii() {
        return (UTF_8, CharsetSource::Default);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let tld = tld.map(str::as_bytes);
    (
        detector.guess(tld, chardetng::Utf8Detection::Allow),
        CharsetSource::Guess,
    )
}

/// Decodes `bytes` to text with the decided encoding (BOM removed,
/// malformed sequences replaced).
pub fn decode(bytes: &[u8], http_charset: Option<&str>, tld: Option<&str>) -> String {
    let (enc, _) = decide(bytes, http_charset, tld);
    let (text, _, _) = enc.decode(bytes);
    text.into_owned()
}

/// An encoding for a label, refusing UTF-7 and the `replacement` encoding.
fn label(l: &str) -> Option<&'static Encoding> {
    let l = l.trim().trim_matches(['"', '\'']);
    if l.eq_ignore_ascii_case("utf-7") || l.eq_ignore_ascii_case("x-user-defined") {
        return None;
    }
    Encoding::for_label(l.as_bytes()).filter(|e| *e != encoding_rs::REPLACEMENT)
}

/// The charset named by `<meta charset=…>` or `<meta http-equiv=Content-Type
/// content="…; charset=…">` within the first 4 KiB (a simplified form of the
/// HTML prescan, enough for real pages).
pub fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut i = 0;
    while let Some(pos) = find(&lower[i..], b"<meta") {
        let start = i + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(p) = find(tag, b"charset") {
            let mut rest = &tag[p + 7..];
            rest = trim_start(rest);
            if let Some(r) = rest.strip_prefix(b"=") {
                let r = trim_start(r);
                let r = r
                    .strip_prefix(b"\"")
                    .or_else(|| r.strip_prefix(b"'"))
                    .unwrap_or(r);
                let value: Vec<u8> = r
                    .iter()
                    .copied()
                    .take_while(|b| !matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .collect();
                if !value.is_empty() {
                    return String::from_utf8(value).ok();
                }
            }
        }
        i = end.max(start + 5);
        if i >= lower.len() {
            break;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp1256(text: &str) -> Vec<u8> {
        encoding_rs::WINDOWS_1256.encode(text).0.into_owned()
    }

    const PERSIAN: &str = "خبر کابل: گزارش مردم و دولت";

    #[test]
    fn charset_only_in_http() {
        let bytes = cp1256(&format!("<html><body><p>{PERSIAN}</p></body></html>"));
        let (enc, src) = decide(&bytes, Some("windows-1256"), None);
        assert_eq!((enc, src), (encoding_rs::WINDOWS_1256, CharsetSource::Http));
        assert!(decode(&bytes, Some("windows-1256"), None).contains(PERSIAN));
    }

    #[test]
    fn charset_only_in_meta() {
        for meta in [
            "<meta charset=\"windows-1256\">",
            "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1256\">",
        ] {
            let bytes = cp1256(&format!(
                "<html><head>{meta}</head><body>{PERSIAN}</body></html>"
            ));
            assert_eq!(decide(&bytes, None, None).1, CharsetSource::Meta, "{meta}");
            assert!(decode(&bytes, None, None).contains(PERSIAN));
        }
    }

    #[test]
    fn charset_nowhere_is_guessed() {
        let text =
            format!("<html><body><p>{PERSIAN} و {PERSIAN} در شهر</p></body></html>").repeat(5);
        let bytes = cp1256(&text);
        let (_, src) = decide(&bytes, None, Some("af"));
        assert_eq!(src, CharsetSource::Guess);
        assert!(decode(&bytes, None, Some("af")).contains(PERSIAN));
    }

    #[test]
    fn a_lying_declaration_loses_to_valid_utf8() {
        let bytes = format!("<meta charset=iso-8859-1><p>{PERSIAN}</p>").into_bytes();
        assert_eq!(
            decide(&bytes, Some("windows-1252"), None).1,
            CharsetSource::ValidUtf8
        );
        assert!(decode(&bytes, Some("windows-1252"), None).contains(PERSIAN));
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in PERSIAN.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decide(&bytes, Some("utf-8"), None).1, CharsetSource::Bom);
        assert_eq!(decode(&bytes, None, None), PERSIAN);
    }

    #[test]
    fn utf7_is_never_honoured() {
        let bytes = b"<meta charset=utf-7><p>+ADw-script+AD4-</p>".to_vec();
        let (enc, _) = decide(&bytes, Some("utf-7"), None);
        assert_eq!(enc, UTF_8);
    }
}
