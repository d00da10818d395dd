//! WARC 1.1 records as bytes: building them (one gzip member each) and
//! reading them back. Everything here is pure; file handling lives in
//! `archive.rs`.

use std::borrow::Cow;
use std::io::{self, BufRead, Read, Write};

use data_encoding::BASE32;
use flate2::Compression;
use flate2::write::GzEncoder;
use sha2::{Digest, Sha256};

/// The version line every record starts with.
pub(crate) const WARC_VERSION: &str = "WARC/1.1";

/// Largest decompressed record [`read_member`] accepts: far above the fetch
/// body cap (16 MiB), low enough that a tampered file cannot exhaust memory.
pub(crate) const MAX_RECORD_BYTES: u64 = 256 * 1024 * 1024;

/// SHA-256 of `bytes`.
pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// A digest as WARC writers spell it: `sha256:` and the RFC 4648 base32 of
/// the digest, with padding (what Python's `base64.b32encode`, and so
/// warcio, writes and checks).
pub(crate) fn warc_digest(d: &[u8; 32]) -> String {
    format!("sha256:{}", BASE32.encode(d))
}

/// Lower-case hex, the form [`khabar_model::ArchiveRef::sha256`] keeps.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

/// A header value or start-line part made safe for a header line: CR, LF
/// and other control characters (which a hostile server or URL could carry
/// to forge record headers) become spaces.
pub(crate) fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_control) {
        Cow::Owned(
            s.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// A header name made safe: only RFC 9110 token characters are kept.
pub(crate) fn clean_name(s: &str) -> Cow<'_, str> {
    let ok = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if !s.is_empty() && s.chars().all(ok) {
        Cow::Borrowed(s)
    } else {
        let t: String = s.chars().filter(|&c| ok(c)).collect();
        Cow::Owned(if t.is_empty() { "X-Invalid".into() } else { t })
    }
}

/// The uncompressed bytes of one record: version line, the given headers,
/// `Content-Length`, a blank line, the block and the two closing CRLFs.
pub(crate) fn encode_record(headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(block.len() + 1024);
    out.extend_from_slice(WARC_VERSION.as_bytes());
    out.extend_from_slice(b"\r\n");
    for (k, v) in headers {
        out.extend_from_slice(k.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(clean(v).as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// `raw` as one complete gzip member.
pub(crate) fn gzip(raw: &[u8]) -> io::Result<Vec<u8>> {
    let mut enc = GzEncoder::new(
        Vec::with_capacity(raw.len() / 3 + 64),
        Compression::default(),
    );
    enc.write_all(raw)?;
    enc.finish()
}

/// Why a gzip member could not be read.
#[derive(Debug)]
pub(crate) enum MemberError {
    /// No gzip member starts here (end of file or other bytes).
    NotGzip(String),
    /// A member starts here but is truncated or damaged (CRC, deflate).
    Corrupt(String),
}

/// Decompresses the gzip member that starts at the reader's position,
/// leaving the reader just after it. `max` bounds the decompressed size.
pub(crate) fn read_member<R: BufRead>(r: &mut R, max: u64) -> Result<Vec<u8>, MemberError> {
    // Read the magic bytes rather than peek at the buffer: a member may
    // start one byte before the end of the reader's buffer.
    let mut magic = [0u8; 2];
    let mut got = 0;
    while got < 2 {
        match r.read(&mut magic[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(MemberError::NotGzip(format!("cannot read: {e}"))),
        }
    }
    if got == 0 {
        return Err(MemberError::NotGzip("end of file".into()));
    }
    if magic[..got] != [0x1f, 0x8b][..got] {
        return Err(MemberError::NotGzip(format!(
            "the bytes here ({:02x?}) do not start a gzip member",
            &magic[..got]
        )));
    }
    if got < 2 {
        return Err(MemberError::Corrupt("truncated gzip header".into()));
    }
    let r = (&magic[..]).chain(r);
    let mut out = Vec::new();
    let mut dec = flate2::bufread::GzDecoder::new(r).take(max + 1);
    dec.read_to_end(&mut out)
        .map_err(|e| MemberError::Corrupt(format!("gzip member is damaged or truncated: {e}")))?;
    if out.len() as u64 > max {
        return Err(MemberError::Corrupt(format!(
            "the record is larger than {max} bytes decompressed"
        )));
    }
    Ok(out)
}

/// A record parsed from its uncompressed bytes.
#[derive(Debug)]
pub(crate) struct Parsed<'a> {
    pub headers: Vec<(String, String)>,
    pub block: &'a [u8],
}

impl Parsed<'_> {
    /// The first header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

pub(crate) fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Parses `CRLF`-separated `Name: value` lines (after a start line).
fn parse_header_lines(text: &str) -> Vec<(String, String)> {
    text.split("\r\n")
        .filter_map(|line| {
            let (k, v) = line.split_once(':')?;
            Some((k.trim().to_string(), v.trim().to_string()))
        })
        .collect()
}

/// Parses a whole record: the version line, headers, a block of exactly
/// `Content-Length` bytes and the closing `CRLF CRLF`, and nothing after.
pub(crate) fn parse_record(raw: &[u8]) -> Result<Parsed<'_>, String> {
    let end = find(raw, b"\r\n\r\n").ok_or("the record has no end of headers")?;
    let head = std::str::from_utf8(&raw[..end]).map_err(|_| "record headers are not UTF-8")?;
    let (version, rest) = head.split_once("\r\n").unwrap_or((head, ""));
    if !version.starts_with("WARC/1.") {
        return Err(format!(
            "not a WARC record (starts with {:?})",
            truncate(version, 40)
        ));
    }
    let headers = parse_header_lines(rest);
    let len: usize = header(&headers, "Content-Length")
        .ok_or("the record has no Content-Length")?
        .parse()
        .map_err(|_| "the record's Content-Length is not a number")?;
    let start = end + 4;
    let want = start
        .checked_add(len)
        .and_then(|n| n.checked_add(4))
        .ok_or("Content-Length is too large")?;
    if raw.len() != want {
        return Err(format!(
            "the record holds {} bytes but its headers announce {want}",
            raw.len()
        ));
    }
    if &raw[start + len..] != b"\r\n\r\n" {
        return Err("the record does not end with CRLF CRLF".into());
    }
    Ok(Parsed {
        headers,
        block: &raw[start..start + len],
    })
}

/// An HTTP message in a record block: the start line, headers and where the
/// body begins.
#[derive(Debug)]
pub(crate) struct HttpMessage {
    pub start_line: String,
    pub headers: Vec<(String, String)>,
    pub body_offset: usize,
}

/// Splits an `application/http` block into its head and body.
pub(crate) fn parse_http(block: &[u8]) -> Result<HttpMessage, String> {
    let end = find(block, b"\r\n\r\n").ok_or("the HTTP message has no end of headers")?;
    // Header bytes from a server need not be UTF-8; keep them readable.
    let head = String::from_utf8_lossy(&block[..end]);
    let (start_line, rest) = head.split_once("\r\n").unwrap_or((&head, ""));
    Ok(HttpMessage {
        start_line: start_line.to_string(),
        headers: parse_header_lines(rest),
        body_offset: end + 4,
    })
}

/// The status code of an HTTP response start line (`HTTP/1.1 200 OK`).
pub(crate) fn parse_status(line: &str) -> Option<u16> {
    let mut parts = line.split(' ');
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    parts.next()?.parse().ok()
}

fn truncate(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The reason phrase for common status codes (informational only; readers
/// go by the code).
pub(crate) fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        203 => "Non-Authoritative Information",
        204 => "No Content",
        206 => "Partial Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        410 => "Gone",
        429 => "Too Many Requests",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_forms() {
        let d = sha256(b"");
        assert_eq!(
            hex(&d),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        // Python: base64.b32encode(hashlib.sha256(b"").digest())
        assert_eq!(
            warc_digest(&d),
            "sha256:4OYMIQUY7QOBJGX36TEJS35ZEQT24QPEMSNZGTFESWMRW6CSXBKQ===="
        );
    }

    #[test]
    fn record_round_trip_and_strict_length() {
        let raw = encode_record(
            &[("WARC-Type", "resource"), ("X", "a\r\nInjected: 1")],
            b"abc",
        );
        let p = parse_record(&raw).unwrap();
        assert_eq!(p.block, b"abc");
        assert_eq!(p.header("warc-type"), Some("resource"));
        assert_eq!(p.header("x"), Some("a  Injected: 1"));
        assert_eq!(p.header("Injected"), None);
        assert!(parse_record(&raw[..raw.len() - 1]).is_err());
        let mut longer = raw.clone();
        longer.push(b'x');
        assert!(parse_record(&longer).is_err());
        assert!(parse_record(b"HTTP/1.1 200 OK\r\n\r\n").is_err());
    }

    #[test]
    fn members_are_read_one_at_a_time() {
        let a = gzip(&encode_record(&[], b"first")).unwrap();
        let b = gzip(&encode_record(&[], b"second")).unwrap();
        let all = [a.clone(), b].concat();
        let mut r = io::Cursor::new(&all[..]);
        let m = read_member(&mut r, MAX_RECORD_BYTES).unwrap();
        assert_eq!(parse_record(&m).unwrap().block, b"first");
        assert_eq!(
            r.position() as usize,
            a.len(),
            "the reader stops at the member's end"
        );
        let m = read_member(&mut r, MAX_RECORD_BYTES).unwrap();
        assert_eq!(parse_record(&m).unwrap().block, b"second");
        assert!(matches!(
            read_member(&mut r, MAX_RECORD_BYTES),
            Err(MemberError::NotGzip(_))
        ));
        let mut cut = io::Cursor::new(&a[..a.len() - 3]);
        assert!(matches!(
            read_member(&mut cut, MAX_RECORD_BYTES),
            Err(MemberError::Corrupt(_))
        ));
        let mut small = io::Cursor::new(&a[..]);
        assert!(matches!(
            read_member(&mut small, 4),
            Err(MemberError::Corrupt(_))
        ));
        assert!(matches!(
            read_member(&mut io::Cursor::new(&[0x1f][..]), 9),
            Err(MemberError::Corrupt(_))
        ));
    }

    #[test]
    fn gzip_header_is_the_one_repair_searches_for() {
        // archive.rs's fast path looks for exactly these bytes.
        assert_eq!(
            gzip(b"x").unwrap()[..10],
            [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]
        );
    }

    #[test]
    fn a_member_may_start_at_the_last_byte_of_the_buffer() {
        let a = gzip(&encode_record(&[], b"first")).unwrap();
        let b = gzip(&encode_record(&[], b"second")).unwrap();
        let all = [a.clone(), b].concat();
        // The first fill holds member a and the first byte of member b.
        let mut r = io::BufReader::with_capacity(a.len() + 1, &all[..]);
        read_member(&mut r, MAX_RECORD_BYTES).unwrap();
        let m = read_member(&mut r, MAX_RECORD_BYTES).unwrap();
        assert_eq!(parse_record(&m).unwrap().block, b"second");
    }

    #[test]
    fn names_and_values_are_cleaned() {
        assert_eq!(clean_name("Set-Cookie"), "Set-Cookie");
        assert_eq!(clean_name("Bad Name:\r\n"), "BadName");
        assert_eq!(clean_name(""), "X-Invalid");
        assert_eq!(parse_status("HTTP/1.1 404 Not Found"), Some(404));
        assert_eq!(parse_status("GET / HTTP/1.1"), None);
    }
}
