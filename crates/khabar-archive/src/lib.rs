//! The WARC archive of khabar: every response khabar fetches is appended,
//! with the request that produced it, to WARC 1.1 files in the data folder,
//! and synced to disk before any database row points to it.
//!
//! - [`Archive::append`] writes a `request` and a `response` record (each
//!   its own gzip member, linked by `WARC-Concurrent-To`, with
//!   `WARC-Block-Digest` and `WARC-Payload-Digest` as `sha256:` + base32),
//!   syncs the file and returns an [`ArchiveRef`](khabar_model::ArchiveRef):
//!   the file name, the offset of the response record's gzip member, and
//!   the payload's SHA-256 in hex.
//! - Files are named `{prefix}-{YYYYMMDDTHHMMSSZ}-{NNNNN}.warc.gz`, start with
//!   a `warcinfo` record, and rotate at [`ArchiveOptions::max_file_bytes`].
//! - [`Archive::open`] repairs a torn record at the tail of the newest file
//!   (a crash or a full disk mid-write), so appends always follow complete
//!   records.
//! - [`Archive::read`] gives back an [`ArchivedResponse`] (for the reader
//!   view's archived copy) after checking its digests; [`Archive::verify`]
//!   re-hashes every referenced record and reports what does not hold.
//!
//! The files are standard: any WARC reader (warcio, pywb, wget's) can read
//! them. The body stored is the decoded payload, so the wire headers
//! `Content-Encoding`, `Transfer-Encoding` and `Content-Length` are kept
//! renamed `X-Khabar-Orig-…` (see [`Exchange::response_headers`]).
//!
//! ```
//! use khabar_archive::{Archive, ArchiveOptions, Exchange};
//!
//! let dir = tempfile::tempdir()?;
//! let archive = Archive::open(dir.path(), ArchiveOptions::default())?;
//! let request_headers = vec![("User-Agent".to_string(), "khabar/0.1".to_string())];
//! let response_headers = vec![("Content-Type".to_string(), "text/html; charset=utf-8".to_string())];
//! let body = "<h1>Bridge reopens</h1>".as_bytes();
//! let r = archive.append(&Exchange {
//!     url: "https://example.org/news/bridge",
//!     method: "GET",
//!     request_headers: &request_headers,
//!     status: 200,
//!     response_headers: &response_headers,
//!     body,
//!     fetched_at: chrono::Utc::now(),
//!     ip: Some("192.0.2.7".parse()?),
//! })?;
//! assert!(r.file.starts_with("khabar-") && r.file.ends_with("-00001.warc.gz"));
//!
//! let copy = archive.read(&r)?;
//! assert_eq!(copy.status, 200);
//! assert_eq!(copy.body, body);
//! assert_eq!(copy.target_uri, "https://example.org/news/bridge");
//! assert_eq!(copy.payload_sha256, r.sha256);
//!
//! let report = archive.verify([&r]);
//! assert!(report.is_ok() && report.ok == 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [`read_warc`] reads the HTTP responses of any crawler's WARC file
//! (`khabar import` of `.warc` / `.warc.gz` files), and
//! [`Archive::append_copy`] keeps a copy of one in the archive, naming its
//! source file and record.
//!
//! Why not the `warc` crate: khabar needs the exact offset of each gzip
//! member, one member per record, repair of a torn tail and digest checks
//! on read; writing records is a few lines over `flate2`, `sha2` and
//! `data-encoding`, which keeps the dependency tree small.

mod archive;
mod error;
mod reader;
mod record;
mod verify;

pub use archive::{Archive, ArchiveOptions, ArchivedResponse, Exchange, Mark, StoredResponse};
pub use error::{Error, Result};
pub use reader::{MAX_RECORD_BYTES, WarcError, WarcResponse, WarcSummary, read_warc};
pub use verify::{ProblemKind, VerifyProblem, VerifyReport};
