//! Reading a body under a cap that counts *decompressed* bytes.
//!
//! reqwest's automatic decompression hides the compressed size, so khabar
//! asks only for `gzip, deflate` and decodes itself: every layer of
//! `Content-Encoding` (including `gzip, gzip`) is peeled by a streaming
//! decoder writing into a [`Capped`] buffer, which stops at the byte cap and
//! at a compression-ratio limit, so a bomb is cut off with bounded memory.

use std::io::{self, Write};

use flate2::write::{DeflateDecoder, GzDecoder, ZlibDecoder};

/// Decompressed bytes per compressed byte above which a body is refused
/// (after the first MiB, so small, highly repetitive pages still pass).
pub(crate) const MAX_RATIO: u64 = 200;
const RATIO_GRACE: u64 = 1 << 20;

/// Why a body could not be decoded.
#[derive(Debug)]
pub(crate) enum BodyError {
    TooLarge,
    Unsupported(String),
    Corrupt(String),
}

/// A buffer that refuses to grow past `cap`.
#[derive(Debug)]
pub(crate) struct Capped {
    pub buf: Vec<u8>,
    cap: u64,
}

impl Write for Capped {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if self.buf.len() as u64 + data.len() as u64 > self.cap {
            return Err(io::Error::other(CapExceeded));
        }
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[derive(Debug)]
struct CapExceeded;
impl std::fmt::Display for CapExceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("body cap exceeded")
    }
}
impl std::error::Error for CapExceeded {}

/// A chain of decoders ending in a capped buffer.
pub(crate) enum Sink {
    Plain(Capped),
    Gzip(Box<GzDecoder<Sink>>),
    Deflate(Box<ZlibDecoder<Sink>>),
    RawDeflate(Box<DeflateDecoder<Sink>>),
}

impl std::fmt::Debug for Sink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sink")
    }
}

impl Write for Sink {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Plain(c) => c.write(data),
            Sink::Gzip(d) => d.write(data),
            Sink::Deflate(d) => d.write(data),
            Sink::RawDeflate(d) => d.write(data),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Plain(c) => c.flush(),
            Sink::Gzip(d) => d.flush(),
            Sink::Deflate(d) => d.flush(),
            Sink::RawDeflate(d) => d.flush(),
        }
    }
}

impl Sink {
    fn finish(self) -> io::Result<Capped> {
        match self {
            Sink::Plain(c) => Ok(c),
            Sink::Gzip(d) => d.finish()?.finish(),
            Sink::Deflate(d) => d.finish()?.finish(),
            Sink::RawDeflate(d) => d.finish()?.finish(),
        }
    }

    fn decoded_len(&self) -> u64 {
        match self {
            Sink::Plain(c) => c.buf.len() as u64,
            Sink::Gzip(d) => d.get_ref().decoded_len(),
            Sink::Deflate(d) => d.get_ref().decoded_len(),
            Sink::RawDeflate(d) => d.get_ref().decoded_len(),
        }
    }
}

/// Incremental decoder for one response body.
#[derive(Debug)]
pub(crate) struct BodyReader {
    sink: Sink,
    received: u64,
    identity: bool,
}

impl BodyReader {
    /// `encodings` is the `Content-Encoding` header value, e.g. `gzip, gzip`.
    pub fn new(encodings: Option<&str>, cap: u64) -> Result<Self, BodyError> {
        let mut sink = Sink::Plain(Capped {
            buf: Vec::new(),
            cap,
        });
        let layers: Vec<String> = encodings
            .unwrap_or("")
            .split(',')
            .map(|e| e.trim().to_ascii_lowercase())
            .filter(|e| !e.is_empty() && e != "identity")
            .collect();
        if layers.len() > 3 {
            return Err(BodyError::Unsupported(
                encodings.unwrap_or_default().to_string(),
            ));
        }
        let identity = layers.is_empty();
        // The first listed encoding was applied first, so it is undone last:
        // wrap decoders from the first listed (innermost) to the last (outermost).
        for e in &layers {
            sink = match e.as_str() {
                "gzip" | "x-gzip" => Sink::Gzip(Box::new(GzDecoder::new(sink))),
                "deflate" => Sink::Deflate(Box::new(ZlibDecoder::new(sink))),
                "raw-deflate" => Sink::RawDeflate(Box::new(DeflateDecoder::new(sink))),
                other => return Err(BodyError::Unsupported(other.to_string())),
            };
        }
        Ok(BodyReader {
            sink,
            received: 0,
            identity,
        })
    }

    pub fn push(&mut self, chunk: &[u8]) -> Result<(), BodyError> {
        self.received += chunk.len() as u64;
        self.sink.write_all(chunk).map_err(classify)?;
        if !self.identity {
            let out = self.sink.decoded_len();
            if out > RATIO_GRACE && out > self.received.saturating_mul(MAX_RATIO) {
                return Err(BodyError::TooLarge);
            }
        }
        Ok(())
    }

    pub fn finish(self) -> Result<Vec<u8>, BodyError> {
        self.sink.finish().map(|c| c.buf).map_err(classify)
    }
}

fn classify(e: io::Error) -> BodyError {
    let capped = e.get_ref().is_some_and(|inner| inner.is::<CapExceeded>());
    if capped {
        BodyError::TooLarge
    } else {
        BodyError::Corrupt(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::GzEncoder;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn plain_and_stacked_gzip_decode() {
        let text = b"hello khabar".repeat(10);
        let mut r = BodyReader::new(None, 1 << 20).unwrap();
        r.push(&text).unwrap();
        assert_eq!(r.finish().unwrap(), text);
        let twice = gzip(&gzip(&text));
        let mut r = BodyReader::new(Some("gzip, gzip"), 1 << 20).unwrap();
        for chunk in twice.chunks(7) {
            r.push(chunk).unwrap();
        }
        assert_eq!(r.finish().unwrap(), text);
    }

    #[test]
    fn a_gzip_bomb_stops_at_the_cap_or_ratio() {
        let bomb = gzip(&vec![0u8; 32 << 20]); // 32 MiB of zeros, ~32 KiB compressed
        let mut r = BodyReader::new(Some("gzip"), 16 << 20).unwrap();
        let mut failed = None;
        for chunk in bomb.chunks(8192) {
            if let Err(e) = r.push(chunk) {
                failed = Some(e);
                break;
            }
        }
        assert!(matches!(failed, Some(BodyError::TooLarge)), "{failed:?}");
    }

    #[test]
    fn identity_bodies_stop_at_the_cap() {
        let mut r = BodyReader::new(Some("identity"), 10).unwrap();
        r.push(b"12345").unwrap();
        assert!(matches!(r.push(b"678901"), Err(BodyError::TooLarge)));
    }

    #[test]
    fn unknown_encodings_are_refused() {
        assert!(matches!(
            BodyReader::new(Some("br"), 10),
            Err(BodyError::Unsupported(_))
        ));
        assert!(matches!(
            BodyReader::new(Some("gzip,gzip,gzip,gzip"), 10),
            Err(BodyError::Unsupported(_))
        ));
    }
}
