//! Reading WARC files written by any crawler (khabar, wget, warcio,
//! Browsertrix, Heritrix): the HTTP responses they hold, with their bodies
//! as the server meant them (de-chunked and decompressed).
//!
//! A file may be compressed one gzip member per record (`.warc.gz`, the
//! usual form), as one gzip stream, or not at all. Records are read one at
//! a time, so a file of any size takes the memory of its largest record.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::record::{self, header};

/// The largest record read whole; a larger one is skipped and reported.
pub const MAX_RECORD_BYTES: u64 = 64 * 1024 * 1024;

/// An HTTP response found in a WARC file (a `response` record of type
/// `application/http`, or a `resource` record, which holds a body alone).
#[derive(Debug, Clone)]
pub struct WarcResponse {
    /// Its place in the file, counting records from 1.
    pub record: usize,
    /// `WARC-Target-URI`.
    pub target_uri: String,
    /// `WARC-Record-ID`.
    pub record_id: Option<String>,
    /// `WARC-Date`: when the crawler fetched it.
    pub date: Option<DateTime<FixedOffset>>,
    /// `WARC-IP-Address`: the address the response came from.
    pub ip: Option<IpAddr>,
    /// The HTTP status (200 for a `resource` record).
    pub status: u16,
    /// The HTTP response headers, as recorded (a `resource` record gets its
    /// `Content-Type` only).
    pub headers: Vec<(String, String)>,
    /// The body, de-chunked and decoded (`gzip`, `deflate`).
    pub body: Vec<u8>,
}

impl WarcResponse {
    /// The first HTTP header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }

    /// The media type of `Content-Type`, in small letters, without its
    /// parameters (`text/html`).
    pub fn media_type(&self) -> Option<String> {
        self.header("Content-Type").map(|c| {
            c.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
    }

    /// Whether the body is an HTML page: its media type says so, or, when
    /// it has none, the body starts as one (`<!doctype html`, `<html`).
    pub fn is_html(&self) -> bool {
        match self.media_type().as_deref() {
            Some("text/html" | "application/xhtml+xml") => true,
            Some(_) => false,
            None => {
                let head = String::from_utf8_lossy(&self.body[..self.body.len().min(64)])
                    .trim_start()
                    .to_ascii_lowercase();
                head.starts_with("<!doctype html") || head.starts_with("<html")
            }
        }
    }

    /// The `charset` parameter of `Content-Type`, if the server sent one.
    pub fn charset(&self) -> Option<&str> {
        khabar_model::charset_param(self.header("Content-Type")?)
    }
}

/// What a WARC file held besides its responses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WarcSummary {
    /// Records read, of any type.
    pub records: usize,
    /// Responses handed to the caller.
    pub responses: usize,
    /// Responses whose body could not be decoded or that were larger than
    /// [`MAX_RECORD_BYTES`]: (record number, why).
    pub unreadable: Vec<(usize, String)>,
}

/// Why a WARC file could not be read to its end.
#[derive(Debug, thiserror::Error)]
#[error("{}{}: {why}", path.display(), record.map(|n| format!(": record {n}")).unwrap_or_default())]
pub struct WarcError {
    pub path: PathBuf,
    /// The record that could not be read, counting from 1; `None` when the
    /// file itself could not be opened.
    pub record: Option<usize>,
    pub why: String,
}

/// Reads every record of the WARC file at `path` and calls `each` with
/// each HTTP response in it, in file order. A response whose body cannot be
/// decoded is listed in the summary, not given; a file that is not a WARC
/// file, or is cut short or damaged, is an error naming the record. What
/// `each` received before the error stays received.
pub fn read_warc(
    path: &Path,
    mut each: impl FnMut(WarcResponse),
) -> Result<WarcSummary, WarcError> {
    let err = |record: Option<usize>, why: String| WarcError {
        path: path.to_path_buf(),
        record,
        why,
    };
    let file = File::open(path).map_err(|e| err(None, format!("cannot open: {e}")))?;
    let mut raw = BufReader::new(file);
    let gzipped = raw
        .fill_buf()
        .map_err(|e| err(None, format!("cannot read: {e}")))?
        .starts_with(&[0x1f, 0x8b]);
    let mut r: Box<dyn BufRead> = if gzipped {
        // One member per record or one for the whole file: either way the
        // members decompress to the records one after the other.
        Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(raw)))
    } else {
        Box::new(raw)
    };
    let mut summary = WarcSummary::default();
    loop {
        let n = summary.records + 1;
        let Some(rec) = next_record(&mut *r).map_err(|why| err(Some(n), why))? else {
            break;
        };
        summary.records = n;
        let block = match rec.block {
            Block::Whole(b) => b,
            Block::TooLarge(len) => {
                if is_response(&rec.headers) {
                    summary.unreadable.push((
                        n,
                        format!("{len} bytes, more than the {MAX_RECORD_BYTES} read"),
                    ));
                }
                continue;
            }
        };
        match response(n, &rec.headers, &block) {
            Ok(Some(resp)) => {
                summary.responses += 1;
                each(resp);
            }
            Ok(None) => {}
            Err(why) => summary.unreadable.push((n, why)),
        }
    }
    if summary.records == 0 {
        return Err(err(None, "the file is empty: no WARC records".into()));
    }
    Ok(summary)
}

enum Block {
    Whole(Vec<u8>),
    /// Skipped: its length.
    TooLarge(u64),
}

struct RawRecord {
    headers: Vec<(String, String)>,
    block: Block,
}

/// The next record of the stream, `None` at its end.
fn next_record<R: BufRead + ?Sized>(r: &mut R) -> Result<Option<RawRecord>, String> {
    let io = |e: io::Error| format!("cannot read: {e} (is the file cut short or damaged?)");
    // The version line, after any blank lines left between records.
    let mut line = Vec::new();
    loop {
        line.clear();
        if (&mut *r)
            .take(1024)
            .read_until(b'\n', &mut line)
            .map_err(io)?
            == 0
        {
            return Ok(None);
        }
        if !line.iter().all(u8::is_ascii_whitespace) {
            break;
        }
    }
    if !line.starts_with(b"WARC/") {
        let shown = String::from_utf8_lossy(&line[..line.len().min(40)]).into_owned();
        return Err(format!(
            "not a WARC record (it starts with {:?}): is this a WARC file?",
            shown.trim_end()
        ));
    }
    let mut head = Vec::new();
    loop {
        line.clear();
        let got = (&mut *r)
            .take(64 * 1024)
            .read_until(b'\n', &mut line)
            .map_err(io)?;
        if got == 0 {
            return Err("the file ends inside the record's headers".into());
        }
        if line == b"\r\n" || line == b"\n" {
            break;
        }
        head.extend_from_slice(&line);
        if head.len() > 256 * 1024 {
            return Err("the record's headers are larger than 256 KiB".into());
        }
    }
    let head = String::from_utf8_lossy(&head).replace("\r\n", "\n");
    let headers: Vec<(String, String)> = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let len: u64 = header(&headers, "Content-Length")
        .ok_or("the record has no Content-Length")?
        .parse()
        .map_err(|_| "the record's Content-Length is not a number")?;
    let block = if len > MAX_RECORD_BYTES {
        let skipped = io::copy(&mut (&mut *r).take(len), &mut io::sink()).map_err(io)?;
        if skipped < len {
            return Err(format!(
                "the file ends inside the record ({skipped} of {len} bytes)"
            ));
        }
        Block::TooLarge(len)
    } else {
        let mut b = Vec::with_capacity(len as usize);
        (&mut *r).take(len).read_to_end(&mut b).map_err(io)?;
        if (b.len() as u64) < len {
            return Err(format!(
                "the file ends inside the record ({} of {len} bytes)",
                b.len()
            ));
        }
        Block::Whole(b)
    };
    Ok(Some(RawRecord { headers, block }))
}

fn is_response(headers: &[(String, String)]) -> bool {
    matches!(
        header(headers, "WARC-Type")
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("response" | "resource")
    )
}

/// The HTTP response a record holds: `None` for other records (requests,
/// metadata, `warcinfo`, revisits).
fn response(
    n: usize,
    headers: &[(String, String)],
    block: &[u8],
) -> Result<Option<WarcResponse>, String> {
    let kind = header(headers, "WARC-Type").map(str::to_ascii_lowercase);
    let target_uri = header(headers, "WARC-Target-URI")
        .unwrap_or("")
        .trim_matches(['<', '>'])
        .to_string();
    let date = header(headers, "WARC-Date").and_then(|d| DateTime::parse_from_rfc3339(d).ok());
    let content_type = header(headers, "Content-Type").unwrap_or("");
    let base = |status, http_headers, body| WarcResponse {
        record: n,
        target_uri: target_uri.clone(),
        record_id: header(headers, "WARC-Record-ID").map(str::to_string),
        date,
        ip: header(headers, "WARC-IP-Address").and_then(|s| s.parse().ok()),
        status,
        headers: http_headers,
        body,
    };
    match kind.as_deref() {
        Some("resource") => Ok(Some(base(
            200,
            vec![("Content-Type".to_string(), content_type.to_string())],
            block.to_vec(),
        ))),
        Some("response")
            if content_type
                .to_ascii_lowercase()
                .starts_with("application/http") =>
        {
            let http = record::parse_http(block)?;
            let status = record::parse_status(&http.start_line)
                .ok_or_else(|| format!("not an HTTP status line: {:?}", http.start_line))?;
            let mut body = block[http.body_offset..].to_vec();
            let chunked = header(&http.headers, "Transfer-Encoding")
                .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
            if chunked {
                body = dechunk(&body)?;
            }
            if let Some(enc) = header(&http.headers, "Content-Encoding") {
                body = decode(enc, body)?;
            }
            Ok(Some(base(status, http.headers, body)))
        }
        _ => Ok(None),
    }
}

/// A chunked body joined. A body that does not parse as chunks (some
/// crawlers de-chunk but keep the header) is returned as it was.
fn dechunk(body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") else {
            return Ok(body.to_vec());
        };
        let size_field = std::str::from_utf8(&rest[..eol]).unwrap_or("");
        let size_hex = size_field.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_hex, 16) else {
            return Ok(body.to_vec());
        };
        rest = &rest[eol + 2..];
        if size == 0 {
            return Ok(out);
        }
        if rest.len() < size {
            // Cut short: keep what arrived.
            out.extend_from_slice(rest);
            return Ok(out);
        }
        out.extend_from_slice(&rest[..size]);
        rest = rest[size..].strip_prefix(b"\r\n").unwrap_or(&rest[size..]);
    }
}

/// A body decoded from its `Content-Encoding`, each coding of a list
/// undone in turn ("gzip, gzip"). A body that decodes to more than
/// [`MAX_RECORD_BYTES`] (a compression bomb) is refused. Some crawlers
/// store the body decoded and keep the header: a body that does not decode
/// but reads as text is kept as it is.
fn decode(encodings: &str, mut body: Vec<u8>) -> Result<Vec<u8>, String> {
    for encoding in encodings.rsplit(',') {
        body = decode_one(encoding, body)?;
    }
    Ok(body)
}

fn decode_one(encoding: &str, body: Vec<u8>) -> Result<Vec<u8>, String> {
    let inflate = |r: &mut dyn Read| {
        let mut out = Vec::new();
        r.take(MAX_RECORD_BYTES + 1).read_to_end(&mut out)?;
        if out.len() as u64 > MAX_RECORD_BYTES {
            return Err(io::Error::other(format!(
                "it decodes to more than {MAX_RECORD_BYTES} bytes"
            )));
        }
        Ok(out)
    };
    let encoding = encoding.trim().to_ascii_lowercase();
    let decoded = match encoding.as_str() {
        "" | "identity" => return Ok(body),
        "gzip" | "x-gzip" => inflate(&mut flate2::read::MultiGzDecoder::new(&body[..])),
        // Servers send zlib-wrapped or raw deflate under this name.
        "deflate" => inflate(&mut flate2::read::ZlibDecoder::new(&body[..]))
            .or_else(|_| inflate(&mut flate2::read::DeflateDecoder::new(&body[..]))),
        _ => Err(io::Error::other("khabar cannot decode it")),
    };
    match decoded {
        Ok(out) => Ok(out),
        Err(_) if reads_as_text(&body) => Ok(body),
        Err(e) => Err(format!("the body is encoded as {encoding:?}: {e}")),
    }
}

/// Whether the first bytes of a body are text (no control bytes but white
/// space): compressed bytes never are.
fn reads_as_text(body: &[u8]) -> bool {
    body.iter()
        .take(512)
        .all(|&b| !b.is_ascii_control() || b.is_ascii_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_are_joined_and_a_plain_body_is_kept() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n").unwrap(),
            b"hello, world"
        );
        assert_eq!(
            dechunk(b"<html>no chunks</html>").unwrap(),
            b"<html>no chunks</html>"
        );
        assert_eq!(dechunk(b"5\r\nhel").unwrap(), b"hel");
    }

    #[test]
    fn bodies_are_decoded() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>gzip</p>").unwrap();
        assert_eq!(
            decode("gzip", gz.finish().unwrap()).unwrap(),
            b"<p>gzip</p>"
        );
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(b"<p>zlib</p>").unwrap();
        assert_eq!(
            decode("deflate", z.finish().unwrap()).unwrap(),
            b"<p>zlib</p>"
        );
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        d.write_all(b"<p>raw</p>").unwrap();
        assert_eq!(
            decode("deflate", d.finish().unwrap()).unwrap(),
            b"<p>raw</p>"
        );
        // Twice, as a misconfigured server sends it.
        let twice = {
            let mut inner = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            inner.write_all(b"<p>twice</p>").unwrap();
            let mut outer = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            outer.write_all(&inner.finish().unwrap()).unwrap();
            outer.finish().unwrap()
        };
        assert_eq!(decode("gzip, gzip", twice).unwrap(), b"<p>twice</p>");
        // A bomb: 100 MB of zeros in a few hundred kilobytes.
        let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..100 {
            bomb.write_all(&zeros).unwrap();
        }
        let err = decode("gzip", bomb.finish().unwrap()).unwrap_err();
        assert!(err.contains("decodes to more than"), "{err}");
        // Stored decoded under its old header: kept.
        assert_eq!(
            decode("br", b"<p>plain</p>".to_vec()).unwrap(),
            b"<p>plain</p>"
        );
        assert!(decode("br", vec![0x1b, 0x00, 0x8f, 0x02, 0x11]).is_err());
    }
}
