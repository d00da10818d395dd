//! The archive folder: a sequence of `.warc.gz` files, the newest of which
//! is appended to.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufReader, Read, Seek, SeekFrom, Write};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use chrono::{DateTime, SecondsFormat, Utc};
use khabar_model::ArchiveRef;
use tracing::{debug, error, info, warn};
use uuid::Uuid;

use crate::reader::WarcResponse;
use crate::record::{
    self, MAX_RECORD_BYTES, MemberError, clean, clean_name, encode_record, gzip, hex, parse_http,
    parse_record, parse_status, read_member, sha256, warc_digest,
};
use crate::verify::{ProblemKind, VerifyProblem, VerifyReport};
use crate::{Error, Result};

/// The name of the lock file that keeps a second writer out of a folder.
const LOCK_FILE: &str = ".khabar-archive.lock";

/// How an [`Archive`] names and sizes its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveOptions {
    /// A new file is started when the next exchange would make the current
    /// one larger than this (compressed bytes). A file always takes at least
    /// one exchange, so a single exchange larger than this gets a file of its
    /// own. Default: 1 GiB, the usual WARC file size.
    pub max_file_bytes: u64,
    /// The start of every file name: `{prefix}-{YYYYMMDDTHHMMSSZ}-{NNNNN}.warc.gz`.
    /// Default `khabar`. Letters, digits, `.`, `_` and `-` only.
    pub prefix: String,
}

impl Default for ArchiveOptions {
    fn default() -> Self {
        ArchiveOptions {
            max_file_bytes: 1 << 30,
            prefix: "khabar".into(),
        }
    }
}

/// One HTTP exchange to archive, as the fetcher saw it.
#[derive(Debug, Clone, Copy)]
pub struct Exchange<'a> {
    /// The URL requested (after redirects, this hop's URL); `http` or `https`.
    pub url: &'a str,
    /// `GET`, `HEAD`, …
    pub method: &'a str,
    /// The request headers sent. A `Host` header is added when absent.
    pub request_headers: &'a [(String, String)],
    pub status: u16,
    /// The response headers received. `Content-Encoding`, `Transfer-Encoding`
    /// and `Content-Length` describe the bytes on the wire, not `body`, so
    /// they are stored renamed with an `X-Khabar-Orig-` prefix and a
    /// `Content-Length` of `body` is written instead; standard readers then
    /// do not try to decode an already decoded body.
    pub response_headers: &'a [(String, String)],
    /// The payload as received, after content-encoding removal.
    pub body: &'a [u8],
    pub fetched_at: DateTime<Utc>,
    /// The address the response came from (`WARC-IP-Address`).
    pub ip: Option<IpAddr>,
}

/// A response record found in one of the archive's files by
/// [`Archive::responses_in`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    /// Its place in the file, counting records from 1.
    pub record: usize,
    /// `WARC-Target-URI`.
    pub target_uri: String,
    /// Where it lies, as an article points at it.
    pub archive_ref: ArchiveRef,
}

/// A response read back from the archive by [`Archive::read`], its digests checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchivedResponse {
    /// `WARC-Record-ID` of the response record (`<urn:uuid:…>`).
    pub record_id: String,
    /// `WARC-Target-URI`.
    pub target_uri: String,
    /// `WARC-Date`: when the response was fetched.
    pub date: DateTime<Utc>,
    /// `WARC-IP-Address`, when it was recorded.
    pub ip: Option<IpAddr>,
    pub status: u16,
    /// The headers as stored (see [`Exchange::response_headers`] for the
    /// `X-Khabar-Orig-` renames).
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// SHA-256 of `body`, lower-case hex (equal to the reference's).
    pub payload_sha256: String,
    /// For a copy of another crawler's record ([`Archive::append_copy`]):
    /// its `Khabar-Copied-From`, the source file and record number.
    pub copied_from: Option<String>,
}

impl ArchivedResponse {
    /// The first stored header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        record::header(&self.headers, name)
    }
}

/// An archive folder of WARC 1.1 files. `Send + Sync`: share one between
/// threads; appends are serialised by an internal lock, everything else
/// works on its own file handles.
#[derive(Debug)]
pub struct Archive {
    dir: PathBuf,
    opts: ArchiveOptions,
    /// `None` when opened read-only.
    writer: Option<Mutex<Writer>>,
    /// Holds the folder's advisory lock for as long as the archive lives.
    _lock: Option<File>,
}

/// Where an archive's appends stood at a moment ([`Archive::mark`]).
#[derive(Debug, Clone)]
pub struct Mark {
    /// The file then appended to: its name, length, and whether it held no
    /// exchange yet.
    current: Option<(String, u64, bool)>,
    /// The sequence number the next new file was to take.
    next_seq: u64,
}

#[derive(Debug)]
struct Writer {
    current: Option<Current>,
    next_seq: u64,
}

/// The file being appended to.
#[derive(Debug)]
struct Current {
    name: String,
    path: PathBuf,
    file: File,
    /// Bytes known to be complete records; the next record goes here.
    len: u64,
    /// True when the file holds no exchange yet (at most its `warcinfo`).
    empty: bool,
}

impl Archive {
    /// Opens (creating it if needed) the archive folder `dir` for appending.
    ///
    /// Takes an advisory lock on the folder (one writing process at a time;
    /// [`Error::Locked`] otherwise), then checks the tail of the newest file.
    /// When it ends with a complete `response` (or `warcinfo`) record — the
    /// usual case — only that record is read. Otherwise the file is read
    /// record by record from the start and a torn record at its tail (a
    /// crash or a full disk mid-write, or bytes appended by something else)
    /// is cut off, as is a `request` record whose `response` never made it;
    /// what was cut is logged (`warn`). Damage followed by intact records is
    /// not a torn tail: it is left alone (logged as an `error`) and appends
    /// go to a new file.
    pub fn open(dir: &Path, opts: ArchiveOptions) -> Result<Archive> {
        check_options(&opts)?;
        fs::create_dir_all(dir).map_err(Error::io("creating the archive folder", dir))?;
        let lock_path = dir.join(LOCK_FILE);
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(Error::io("opening the lock file", &lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(Error::Locked {
                    dir: dir.to_path_buf(),
                    lock: lock_path,
                });
            }
            Err(fs::TryLockError::Error(e)) => {
                return Err(Error::io("locking", lock_path)(e));
            }
        }
        let files = list(dir, &opts.prefix)?;
        let next_seq = files.last().map_or(1, |(seq, _)| seq + 1);
        let current = match files.last() {
            Some((_, name)) => repair(dir, name)?,
            None => None,
        };
        Ok(Archive {
            dir: dir.to_path_buf(),
            opts,
            writer: Some(Mutex::new(Writer { current, next_seq })),
            _lock: Some(lock),
        })
    }

    /// Opens the archive folder for reading and verifying only: no lock, no
    /// repair, nothing written, so it can run beside a writing process.
    /// [`Archive::append`] then returns [`Error::ReadOnly`].
    pub fn open_read_only(dir: &Path, opts: ArchiveOptions) -> Result<Archive> {
        check_options(&opts)?;
        if !dir.is_dir() {
            return Err(Error::io("opening the archive folder", dir)(
                io::Error::new(io::ErrorKind::NotFound, "no such folder"),
            ));
        }
        Ok(Archive {
            dir: dir.to_path_buf(),
            opts,
            writer: None,
            _lock: None,
        })
    }

    /// The archive folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Appends a `request` and a `response` record for the exchange (each
    /// its own gzip member, linked by `WARC-Concurrent-To`), and syncs the
    /// file to disk (and the folder too when a new file was started) before
    /// returning where the response lies. On an error nothing is kept: the
    /// file is cut back to where it was, or, if even that fails, the next
    /// append starts a new file.
    pub fn append(&self, ex: &Exchange<'_>) -> Result<ArchiveRef> {
        // Build and compress outside the lock: it is the costly part, and
        // the records do not depend on the file they go to.
        let built = build_exchange(ex)?;
        self.write(built, ex.url)
    }

    /// Appends a copy of a response read from another crawler's WARC file
    /// (by [`read_warc`](crate::read_warc)), as `khabar import` keeps the
    /// pages it takes from one: a `response` record alone (the source's
    /// `request` record, if it had one, is not copied), with the source's
    /// `WARC-Target-URI`, `WARC-Date` (the time of the original fetch;
    /// `fallback_date` when the source gave none) and `WARC-IP-Address`,
    /// its HTTP status and headers, and its body as decoded (wire headers
    /// renamed as in [`Exchange::response_headers`]). `Khabar-Copied-From`
    /// names `origin` (the source file) and the record's number in it, and
    /// `Khabar-Copied-Record-ID` the source record's `WARC-Record-ID`.
    /// Synced like [`append`](Self::append).
    pub fn append_copy(
        &self,
        resp: &WarcResponse,
        origin: &str,
        fallback_date: DateTime<Utc>,
    ) -> Result<ArchiveRef> {
        let bad = |why: String| Error::BadExchange {
            url: resp.target_uri.clone(),
            why,
        };
        let url = check_url(&resp.target_uri).map_err(bad)?;
        if !(100..=999).contains(&resp.status) {
            return Err(bad(format!("{} is not an HTTP status", resp.status)));
        }
        let fetched_at = resp.date.map_or(fallback_date, |d| d.with_timezone(&Utc));
        let copied_from = format!("{} record {}", clean(origin), resp.record);
        let mut extra = vec![("Khabar-Copied-From", copied_from.as_str())];
        if let Some(id) = &resp.record_id {
            extra.push(("Khabar-Copied-Record-ID", id.as_str()));
        }
        let rec = ResponseRecord {
            target_uri: url.as_str(),
            status: resp.status,
            headers: &resp.headers,
            body: &resp.body,
            fetched_at,
            ip: resp.ip,
            concurrent_to: None,
            extra: &extra,
        };
        let (response, payload_sha256) = build_response(&rec).map_err(bad)?;
        self.write(
            Built {
                request: Vec::new(),
                response,
                payload_sha256,
            },
            url.as_str(),
        )
    }

    /// Writes the records of `built` after the current file's last one, and
    /// syncs them; see [`append`](Self::append).
    fn write(&self, built: Built, url: &str) -> Result<ArchiveRef> {
        let writer = self.writer.as_ref().ok_or(Error::ReadOnly)?;
        let size = (built.request.len() + built.response.len()) as u64;
        let mut w = writer.lock().unwrap_or_else(PoisonError::into_inner);
        w.make_room(size, &self.dir, &self.opts)?;
        let Some(cur) = w.current.as_mut() else {
            unreachable!("make_room leaves a current file");
        };
        let start = cur.len;
        let written = write_at(&mut cur.file, start, &[&built.request, &built.response]);
        let result = written.and_then(|()| cur.file.sync_data().map_err(|e| (true, e)));
        match result {
            Ok(()) => {
                cur.len += size;
                cur.empty = false;
                let r = ArchiveRef {
                    file: cur.name.clone(),
                    offset: start + built.request.len() as u64,
                    sha256: built.payload_sha256,
                };
                debug!(file = %r.file, offset = r.offset, url, "archived");
                Ok(r)
            }
            Err((synced_failed, source)) => {
                let path = cur.path.clone();
                let restored = cur.file.set_len(start).and_then(|()| cur.file.sync_all());
                // After a failed fsync the kernel may have dropped dirty
                // pages: never trust that file again.
                if synced_failed || restored.is_err() {
                    error!(file = %path.display(), offset = start, "abandoning the WARC file after a failed write; the next append starts a new one");
                    w.current = None;
                }
                Err(Error::Write {
                    path,
                    offset: start,
                    source,
                })
            }
        }
    }

    /// Where the appends stand now, for [`undo_since`](Self::undo_since).
    ///
    /// # Errors
    /// [`Error::ReadOnly`] for an archive opened read-only.
    pub fn mark(&self) -> Result<Mark> {
        let writer = self.writer.as_ref().ok_or(Error::ReadOnly)?;
        let w = writer.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(Mark {
            current: w.current.as_ref().map(|c| (c.name.clone(), c.len, c.empty)),
            next_seq: w.next_seq,
        })
    }

    /// Takes back every record appended since `mark`, for work that failed
    /// as a whole (`khabar import` takes back the pages it copied when its
    /// articles cannot then be pointed at them): the files started since
    /// are deleted and the file then appended to is cut back to its length
    /// then and synced.
    /// References to the records taken back no longer resolve; the caller
    /// must hold none. Appends go on in the marked file when it is still
    /// the one appended to, else in a new file.
    ///
    /// # Errors
    /// [`Error::ReadOnly`], or an [`Error::Io`] naming the file that could
    /// not be deleted or cut; what was done before it stays done.
    pub fn undo_since(&self, mark: &Mark) -> Result<()> {
        let writer = self.writer.as_ref().ok_or(Error::ReadOnly)?;
        let mut w = writer.lock().unwrap_or_else(PoisonError::into_inner);
        for (seq, name) in list(&self.dir, &self.opts.prefix)? {
            if seq < mark.next_seq {
                continue;
            }
            if w.current.as_ref().is_some_and(|c| c.name == name) {
                w.current = None;
            }
            let path = self.dir.join(&name);
            fs::remove_file(&path).map_err(Error::io("deleting the WARC file", &path))?;
            info!(file = %name, "deleted a WARC file started since the mark");
        }
        w.next_seq = mark.next_seq;
        if let Some((name, len, empty)) = &mark.current {
            let cut = |file: &File, path: &Path| {
                file.set_len(*len)
                    .and_then(|()| file.sync_all())
                    .map_err(Error::io("cutting back the WARC file", path))
            };
            match w.current.as_mut().filter(|c| &c.name == name) {
                Some(cur) => {
                    cut(&cur.file, &cur.path)?;
                    cur.len = *len;
                    cur.empty = *empty;
                }
                // Left since the mark for a new file (deleted above), or
                // abandoned after a failed write: cut back, not reused (a
                // failed write's file is never trusted again).
                None => {
                    let path = self.dir.join(name);
                    let file = OpenOptions::new()
                        .write(true)
                        .open(&path)
                        .map_err(Error::io("opening the WARC file", &path))?;
                    cut(&file, &path)?;
                }
            }
            debug!(file = %name, len, "cut back to the mark");
        }
        sync_dir(&self.dir)
    }

    /// Reads the response record `r` points to and checks it against its
    /// digests (the reference's SHA-256 and the record's own block and
    /// payload digests); any problem is an [`Error::Record`] saying which.
    pub fn read(&self, r: &ArchiveRef) -> Result<ArchivedResponse> {
        let mut files = HashMap::new();
        self.load(&mut files, r)
            .map_err(|(kind, detail)| Error::Record {
                file: r.file.clone(),
                offset: r.offset,
                kind,
                detail,
            })
    }

    /// Re-reads and re-hashes every referenced record. Never fails as a
    /// whole: each reference is either counted `ok` or listed as a problem
    /// (missing file, bad offset, corrupt record, digest mismatch) with details.
    pub fn verify<'a>(&self, refs: impl IntoIterator<Item = &'a ArchiveRef>) -> VerifyReport {
        let mut files = HashMap::new();
        let mut report = VerifyReport::default();
        for r in refs {
            report.checked += 1;
            match self.load(&mut files, r) {
                Ok(_) => report.ok += 1,
                Err((kind, detail)) => report.problems.push(VerifyProblem {
                    archive_ref: r.clone(),
                    kind,
                    detail,
                }),
            }
        }
        info!(
            checked = report.checked,
            ok = report.ok,
            problems = report.problems.len(),
            "archive verified"
        );
        report
    }

    /// The archive's WARC files, oldest first (full paths).
    pub fn files(&self) -> Result<Vec<PathBuf>> {
        Ok(list(&self.dir, &self.opts.prefix)?
            .into_iter()
            .map(|(_, name)| self.dir.join(name))
            .collect())
    }

    /// The response records of `name`, one of the archive's files, in file
    /// order, each with a reference that points at it: how a store rebuilt
    /// from the archive (`khabar import DATA/archive`) finds its articles'
    /// copies again. Records are counted from 1 as
    /// [`read_warc`](crate::read_warc) counts them, so a response it handed
    /// over is the entry of the same number. Each member is read whole and
    /// its payload hashed; the digests are checked later by
    /// [`read`](Self::read) and [`verify`](Self::verify).
    ///
    /// # Errors
    /// [`Error::Record`] when `name` is not a file of the folder or a
    /// member cannot be read (a file not written one gzip member per
    /// record, as a crawler's whole-file gzip, is one); an I/O error when
    /// the file cannot be opened.
    pub fn responses_in(&self, name: &str) -> Result<Vec<StoredResponse>> {
        let bad = |offset: u64, detail: String| Error::Record {
            file: name.to_string(),
            offset,
            kind: ProblemKind::Corrupt,
            detail,
        };
        if !is_plain_warc_name(name) {
            return Err(Error::Record {
                file: name.to_string(),
                offset: 0,
                kind: ProblemKind::MissingFile,
                detail: "not the name of a .warc.gz file in the archive folder".into(),
            });
        }
        let path = self.dir.join(name);
        let file = File::open(&path).map_err(Error::io("opening", &path))?;
        let len = file
            .metadata()
            .map_err(Error::io("reading the size of", &path))?
            .len();
        let mut r = BufReader::new(file);
        let (mut out, mut pos, mut number) = (Vec::new(), 0, 0);
        while pos < len {
            number += 1;
            let raw = read_member(&mut r, MAX_RECORD_BYTES)
                .map_err(|(MemberError::NotGzip(e) | MemberError::Corrupt(e))| bad(pos, e))?;
            let rec = parse_record(&raw).map_err(|e| bad(pos, e))?;
            if rec.header("WARC-Type") == Some("response") {
                let http = parse_http(rec.block).map_err(|e| bad(pos, e))?;
                out.push(StoredResponse {
                    record: number,
                    target_uri: rec.header("WARC-Target-URI").unwrap_or("").to_string(),
                    archive_ref: ArchiveRef {
                        file: name.to_string(),
                        offset: pos,
                        sha256: hex(&sha256(&rec.block[http.body_offset..])),
                    },
                });
            }
            pos = r.stream_position().map_err(Error::io("reading", &path))?;
        }
        Ok(out)
    }

    /// Finds, decodes and checks the response record of `r`.
    fn load(
        &self,
        files: &mut HashMap<String, File>,
        r: &ArchiveRef,
    ) -> Result<ArchivedResponse, (ProblemKind, String)> {
        if !is_plain_warc_name(&r.file) {
            return Err((
                ProblemKind::MissingFile,
                "not the name of a .warc.gz file in the archive folder".into(),
            ));
        }
        if !files.contains_key(&r.file) {
            let file = File::open(self.dir.join(&r.file)).map_err(|e| {
                (
                    ProblemKind::MissingFile,
                    format!("cannot open it in {}: {e}", self.dir.display()),
                )
            })?;
            files.insert(r.file.clone(), file);
        }
        let file = files.get_mut(&r.file).expect("inserted above");
        let len = file
            .metadata()
            .map_err(|e| (ProblemKind::MissingFile, format!("cannot stat it: {e}")))?
            .len();
        if r.offset >= len {
            return Err((
                ProblemKind::BadOffset,
                format!("the file is only {len} bytes long"),
            ));
        }
        file.seek(SeekFrom::Start(r.offset))
            .map_err(|e| (ProblemKind::BadOffset, format!("cannot seek: {e}")))?;
        let raw =
            read_member(&mut BufReader::new(&*file), MAX_RECORD_BYTES).map_err(|e| match e {
                MemberError::NotGzip(d) => (ProblemKind::BadOffset, d),
                MemberError::Corrupt(d) => (ProblemKind::Corrupt, d),
            })?;
        let rec = parse_record(&raw).map_err(|d| (ProblemKind::Corrupt, d))?;
        let kind = rec.header("WARC-Type").unwrap_or("(none)");
        if kind != "response" {
            return Err((
                ProblemKind::BadOffset,
                format!("a `{kind}` record starts here, not a `response`"),
            ));
        }
        let mismatch = |what: &str, found: &str, expected: &str| {
            (
                ProblemKind::DigestMismatch,
                format!("{what}: the content hashes to {found} but {expected} was recorded"),
            )
        };
        let block_digest = warc_digest(&sha256(rec.block));
        let recorded = rec.header("WARC-Block-Digest").unwrap_or("(none)");
        if !recorded.eq_ignore_ascii_case(&block_digest) {
            return Err(mismatch("WARC-Block-Digest", &block_digest, recorded));
        }
        let http = parse_http(rec.block).map_err(|d| (ProblemKind::Corrupt, d))?;
        let body = &rec.block[http.body_offset..];
        let payload = sha256(body);
        let payload_hex = hex(&payload);
        if !payload_hex.eq_ignore_ascii_case(&r.sha256) {
            return Err(mismatch(
                "payload SHA-256 (the reference's)",
                &payload_hex,
                &r.sha256,
            ));
        }
        let payload_digest = warc_digest(&payload);
        let recorded = rec.header("WARC-Payload-Digest").unwrap_or("(none)");
        if !recorded.eq_ignore_ascii_case(&payload_digest) {
            return Err(mismatch("WARC-Payload-Digest", &payload_digest, recorded));
        }
        let status = parse_status(&http.start_line).ok_or_else(|| {
            (
                ProblemKind::Corrupt,
                format!("not an HTTP status line: {:?}", http.start_line),
            )
        })?;
        let date = rec
            .header("WARC-Date")
            .and_then(|d| DateTime::parse_from_rfc3339(d).ok())
            .ok_or((ProblemKind::Corrupt, "no valid WARC-Date".to_string()))?
            .with_timezone(&Utc);
        Ok(ArchivedResponse {
            record_id: rec.header("WARC-Record-ID").unwrap_or("").to_string(),
            target_uri: rec.header("WARC-Target-URI").unwrap_or("").to_string(),
            date,
            ip: rec.header("WARC-IP-Address").and_then(|s| s.parse().ok()),
            status,
            headers: http.headers,
            body: body.to_vec(),
            payload_sha256: payload_hex,
            copied_from: rec.header("Khabar-Copied-From").map(str::to_string),
        })
    }
}

impl Writer {
    /// Makes sure there is a current file with a `warcinfo` record that can
    /// take `size` more bytes, starting a new file when needed.
    fn make_room(&mut self, size: u64, dir: &Path, opts: &ArchiveOptions) -> Result<()> {
        if let Some(cur) = &mut self.current {
            if cur.len == 0 {
                // An emptied file (its only record was torn): start it afresh.
                write_warcinfo(cur)?;
            }
            if cur.empty || cur.len + size <= opts.max_file_bytes {
                return Ok(());
            }
        }
        self.current = None;
        self.current = Some(self.new_file(dir, opts)?);
        Ok(())
    }

    /// Creates the next file, writes its `warcinfo` record and syncs the
    /// file and the folder.
    fn new_file(&mut self, dir: &Path, opts: &ArchiveOptions) -> Result<Current> {
        let (name, path, file) = loop {
            let name = format!(
                "{}-{}-{:05}.warc.gz",
                opts.prefix,
                Utc::now().format("%Y%m%dT%H%M%SZ"),
                self.next_seq
            );
            self.next_seq += 1;
            let path = dir.join(&name);
            match OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(f) => break (name, path, f),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(Error::io("creating the WARC file", path)(e)),
            }
        };
        let mut cur = Current {
            name,
            path,
            file,
            len: 0,
            empty: true,
        };
        let done = write_warcinfo(&mut cur).and_then(|()| sync_dir(dir));
        if let Err(e) = done {
            let _ = fs::remove_file(&cur.path);
            return Err(e);
        }
        info!(file = %cur.name, "started a new WARC file");
        Ok(cur)
    }
}

/// Writes the `warcinfo` record at the start of an empty file and syncs it.
fn write_warcinfo(cur: &mut Current) -> Result<()> {
    let block = format!(
        "software: khabar/{} (khabar-archive)\r\n\
         format: WARC File Format 1.1\r\n\
         conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n",
        env!("CARGO_PKG_VERSION")
    );
    let id = record_id();
    let date = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
    let digest = warc_digest(&sha256(block.as_bytes()));
    let raw = encode_record(
        &[
            ("WARC-Type", "warcinfo"),
            ("WARC-Record-ID", &id),
            ("WARC-Date", &date),
            ("WARC-Filename", &cur.name),
            ("Content-Type", "application/warc-fields"),
            ("WARC-Block-Digest", &digest),
        ],
        block.as_bytes(),
    );
    let member = gzip(&raw).map_err(Error::io("compressing", &cur.path))?;
    let write = |source| Error::Write {
        path: cur.path.clone(),
        offset: 0,
        source,
    };
    write_at(&mut cur.file, 0, &[&member]).map_err(|(_, e)| write(e))?;
    cur.file.sync_all().map_err(write)?;
    cur.len = member.len() as u64;
    Ok(())
}

/// Writes `parts` one after the other at `offset`. The error says whether
/// it came from syncing (never here: always `false`).
fn write_at(file: &mut File, offset: u64, parts: &[&[u8]]) -> Result<(), (bool, io::Error)> {
    file.seek(SeekFrom::Start(offset)).map_err(|e| (false, e))?;
    for p in parts {
        file.write_all(p).map_err(|e| (false, e))?;
    }
    Ok(())
}

fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(Error::io("syncing the archive folder", dir))
}

fn record_id() -> String {
    format!("<urn:uuid:{}>", Uuid::new_v4())
}

fn check_options(opts: &ArchiveOptions) -> Result<()> {
    let ok = |c: char| c.is_ascii_alphanumeric() || "._-".contains(c);
    if opts.prefix.is_empty() || opts.prefix.starts_with('.') || !opts.prefix.chars().all(ok) {
        return Err(Error::BadOptions {
            why: format!(
                "the prefix {:?} must be letters, digits, `.`, `_` or `-`, not starting with `.`",
                opts.prefix
            ),
        });
    }
    if opts.max_file_bytes == 0 {
        return Err(Error::BadOptions {
            why: "max_file_bytes must be above 0".into(),
        });
    }
    Ok(())
}

/// A single plain file name ending in `.warc.gz` (never a path: references
/// come from the database and must not reach outside the folder).
fn is_plain_warc_name(name: &str) -> bool {
    name.ends_with(".warc.gz")
        && !name.starts_with('.')
        && !name.contains(['/', '\\', '\0'])
        && Path::new(name).file_name().is_some_and(|f| f == name)
}

/// The sequence number in `{prefix}-{YYYYMMDDTHHMMSSZ}-{NNNNN}.warc.gz`.
fn parse_name(prefix: &str, name: &str) -> Option<u64> {
    let rest = name.strip_prefix(prefix)?.strip_prefix('-')?;
    let rest = rest.strip_suffix(".warc.gz")?;
    let (stamp, seq) = rest.split_once('-')?;
    let stamp_ok = stamp.len() == 16
        && stamp.as_bytes()[8] == b'T'
        && stamp.ends_with('Z')
        && stamp[..8]
            .bytes()
            .chain(stamp[9..15].bytes())
            .all(|b| b.is_ascii_digit());
    if !stamp_ok || seq.is_empty() || !seq.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    seq.parse().ok()
}

/// The folder's WARC files as (sequence, name), by sequence.
fn list(dir: &Path, prefix: &str) -> Result<Vec<(u64, String)>> {
    let mut out = Vec::new();
    let entries = fs::read_dir(dir).map_err(Error::io("listing the archive folder", dir))?;
    for entry in entries {
        let entry = entry.map_err(Error::io("listing the archive folder", dir))?;
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        if let Some(seq) = parse_name(prefix, &name) {
            out.push((seq, name));
        }
    }
    out.sort();
    Ok(out)
}

/// Checks the newest file and cuts a torn tail (see [`Archive::open`]).
/// Returns the file to go on appending to, or `None` to start a new one.
fn repair(dir: &Path, name: &str) -> Result<Option<Current>> {
    let path = dir.join(name);
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .open(&path)
        .map_err(Error::io("opening the newest WARC file", &path))?;
    let len = file
        .metadata()
        .map_err(Error::io("reading the size of", &path))?
        .len();
    if let Some(kind) = clean_tail(&file, len) {
        debug!(file = %path.display(), "the newest WARC file ends with a complete record");
        return Ok(Some(Current {
            name: name.to_string(),
            path,
            file,
            len,
            empty: kind == "warcinfo",
        }));
    }
    // (start, WARC-Type) of every complete record, in order.
    let mut records: Vec<(u64, String)> = Vec::new();
    let mut pos = 0;
    let mut why = String::new();
    {
        let mut r = BufReader::new(&file);
        r.seek(SeekFrom::Start(0))
            .map_err(Error::io("reading", &path))?;
        while pos < len {
            let kind = read_member(&mut r, MAX_RECORD_BYTES)
                .map_err(|(MemberError::NotGzip(e) | MemberError::Corrupt(e))| e)
                .and_then(|raw| {
                    parse_record(&raw).map(|rec| rec.header("WARC-Type").unwrap_or("").to_string())
                });
            match kind {
                Ok(kind) => {
                    records.push((pos, kind));
                    pos = r.stream_position().map_err(Error::io("reading", &path))?;
                }
                Err(e) => {
                    why = e;
                    break;
                }
            }
        }
    }
    let mut cut = pos;
    if cut < len && intact_record_after(&file, cut + 1, len) {
        error!(
            file = %path.display(),
            offset = cut,
            problem = %why,
            "the newest WARC file is damaged in the middle (intact records follow): \
             leaving it as it is and starting a new file; run `khabar archive verify`"
        );
        return Ok(None);
    }
    if let Some((start, kind)) = records.last()
        && kind == "request"
    {
        why = if cut < len {
            format!("{why}; and the request record before it has no response")
        } else {
            "a request record without its response".into()
        };
        cut = *start;
        records.pop();
    }
    if cut < len {
        warn!(
            file = %path.display(),
            offset = cut,
            bytes = len - cut,
            problem = %why,
            "cutting a torn record off the tail of the newest WARC file"
        );
        file.set_len(cut)
            .and_then(|()| file.sync_all())
            .map_err(Error::io("truncating the torn tail of", &path))?;
    }
    let empty = records.iter().all(|(_, k)| k == "warcinfo");
    Ok(Some(Current {
        name: name.to_string(),
        path,
        file,
        len: cut,
        empty,
    }))
}

/// The gzip header [`record::gzip`] writes (no name, no mtime, OS unknown).
const GZIP_HEADER: [u8; 10] = [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff];

/// The fast path of [`repair`] for a file that was closed cleanly, so that
/// opening does not inflate a whole (up to 1 GiB) file: searches backwards
/// from the end for the gzip header this crate writes and returns the type
/// of the record there if it is a complete `response` or `warcinfo` record
/// ending exactly at the end of the file. A header found inside a stored
/// (uncompressed) body cannot pass for it: its member would have to end
/// with the real member's CRC of a record holding random UUIDs. `None`
/// sends [`repair`] to its full scan.
fn clean_tail(file: &File, len: u64) -> Option<String> {
    const CHUNK: u64 = 1 << 20;
    // The last record is one exchange's response: bounded by the fetch cap.
    const WINDOW: u64 = 64 << 20;
    let floor = len.saturating_sub(WINDOW);
    let mut end = len;
    while end > floor {
        let start = end.saturating_sub(CHUNK).max(floor);
        let want = (end + GZIP_HEADER.len() as u64 - 1).min(len) - start;
        let mut buf = vec![0; want as usize];
        let mut f = file;
        f.seek(SeekFrom::Start(start)).ok()?;
        f.read_exact(&mut buf).ok()?;
        // Candidates p in start..end, last first (bytes p..p+10 are in buf).
        for i in (0..(end - start) as usize).rev() {
            if buf.get(i..i + GZIP_HEADER.len()) != Some(&GZIP_HEADER[..]) {
                continue;
            }
            let at = start + i as u64;
            let mut r = BufReader::new(file);
            r.seek(SeekFrom::Start(at)).ok()?;
            let Ok(raw) = read_member(&mut r, MAX_RECORD_BYTES) else {
                continue;
            };
            if r.stream_position().ok()? != len {
                continue;
            }
            let Ok(rec) = parse_record(&raw) else {
                continue;
            };
            let kind = rec.header("WARC-Type").unwrap_or("");
            return matches!(kind, "response" | "warcinfo").then(|| kind.to_string());
        }
        end = start;
    }
    None
}

/// True when a complete WARC record starts somewhere in `from..len`: then
/// the damage before it is not a torn tail, and cutting would lose records.
fn intact_record_after(file: &File, from: u64, len: u64) -> bool {
    const CHUNK: usize = 1 << 20;
    let mut offset = from;
    let mut buf = vec![0u8; CHUNK + 2];
    while offset < len {
        let mut reader = file;
        if reader.seek(SeekFrom::Start(offset)).is_err() {
            return false;
        }
        let n = match reader.take((CHUNK + 2) as u64).read(&mut buf) {
            Ok(0) | Err(_) => return false,
            Ok(n) => n,
        };
        for i in 0..n.saturating_sub(2) {
            if buf[i] == 0x1f && buf[i + 1] == 0x8b && buf[i + 2] == 0x08 {
                let at = offset + i as u64;
                let mut r = file;
                if r.seek(SeekFrom::Start(at)).is_ok() {
                    let mut br = BufReader::new(r);
                    if let Ok(raw) = read_member(&mut br, MAX_RECORD_BYTES)
                        && parse_record(&raw).is_ok()
                    {
                        return true;
                    }
                }
            }
        }
        offset += CHUNK as u64;
    }
    false
}

/// The compressed request and response records of one exchange.
struct Built {
    request: Vec<u8>,
    response: Vec<u8>,
    payload_sha256: String,
}

/// Response headers that describe the wire, not the decoded body we store.
const WIRE_HEADERS: &[&str] = &["content-encoding", "transfer-encoding", "content-length"];

/// An `http(s)` URL with a host, the only kind archived.
fn check_url(raw: &str) -> std::result::Result<url::Url, String> {
    let url = url::Url::parse(raw).map_err(|e| format!("not a URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err("only http(s) URLs with a host are archived".into());
    }
    Ok(url)
}

fn build_exchange(ex: &Exchange<'_>) -> Result<Built> {
    let bad = |why: String| Error::BadExchange {
        url: ex.url.to_string(),
        why,
    };
    let url = check_url(ex.url).map_err(bad)?;
    if !(100..=999).contains(&ex.status) {
        return Err(bad(format!("{} is not an HTTP status", ex.status)));
    }
    let target_uri = url.as_str();
    let method = clean_name(ex.method);

    // The request block: start line, Host when the fetcher did not list it, headers.
    let path = &url[url::Position::BeforePath..url::Position::AfterQuery];
    let mut req = format!("{method} {path} HTTP/1.1\r\n");
    let has_host = ex
        .request_headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("host"));
    if !has_host {
        let host = &url[url::Position::BeforeHost..url::Position::AfterPort];
        req.push_str(&format!("Host: {host}\r\n"));
    }
    for (k, v) in ex.request_headers {
        req.push_str(&format!("{}: {}\r\n", clean_name(k), clean(v)));
    }
    req.push_str("\r\n");

    let req_id = record_id();
    let resp_id = record_id();
    let date = ex.fetched_at.to_rfc3339_opts(SecondsFormat::AutoSi, true);
    let ip = ex.ip.map(|ip| ip.to_string());
    let req_digest = warc_digest(&sha256(req.as_bytes()));
    let mut h: Vec<(&str, &str)> = vec![
        ("WARC-Type", "request"),
        ("WARC-Record-ID", &req_id),
        ("WARC-Date", &date),
        ("WARC-Target-URI", target_uri),
        ("WARC-Concurrent-To", &resp_id),
    ];
    if let Some(ip) = &ip {
        h.push(("WARC-IP-Address", ip));
    }
    h.push(("Content-Type", "application/http;msgtype=request"));
    h.push(("WARC-Block-Digest", &req_digest));
    let request =
        gzip(&encode_record(&h, req.as_bytes())).map_err(|e| bad(format!("compressing: {e}")))?;
    let (response, payload_sha256) = build_response(&ResponseRecord {
        target_uri,
        status: ex.status,
        headers: ex.response_headers,
        body: ex.body,
        fetched_at: ex.fetched_at,
        ip: ex.ip,
        concurrent_to: Some((&req_id, &resp_id)),
        extra: &[],
    })
    .map_err(bad)?;
    Ok(Built {
        request,
        response,
        payload_sha256,
    })
}

/// What a `response` record holds.
struct ResponseRecord<'a> {
    target_uri: &'a str,
    status: u16,
    headers: &'a [(String, String)],
    body: &'a [u8],
    fetched_at: DateTime<Utc>,
    ip: Option<IpAddr>,
    /// (the request record's ID, this record's ID) when it answers a
    /// request written with it; a new ID is made otherwise.
    concurrent_to: Option<(&'a str, &'a str)>,
    /// Further named fields, after the standard ones.
    extra: &'a [(&'a str, &'a str)],
}

/// The compressed `response` record and the payload's SHA-256 in hex.
fn build_response(r: &ResponseRecord<'_>) -> std::result::Result<(Vec<u8>, String), String> {
    // The response block: status line, headers (wire ones renamed), body.
    let mut resp = format!("HTTP/1.1 {} {}\r\n", r.status, record::reason(r.status));
    for (k, v) in r.headers {
        let k = clean_name(k);
        let prefix = if WIRE_HEADERS.iter().any(|w| k.eq_ignore_ascii_case(w)) {
            "X-Khabar-Orig-"
        } else {
            ""
        };
        resp.push_str(&format!("{prefix}{k}: {}\r\n", clean(v)));
    }
    resp.push_str(&format!("Content-Length: {}\r\n\r\n", r.body.len()));
    let mut resp = resp.into_bytes();
    resp.extend_from_slice(r.body);

    let payload = sha256(r.body);
    let own_id;
    let resp_id = match r.concurrent_to {
        Some((_, id)) => id,
        None => {
            own_id = record_id();
            &own_id
        }
    };
    let date = r.fetched_at.to_rfc3339_opts(SecondsFormat::AutoSi, true);
    let ip = r.ip.map(|ip| ip.to_string());
    let resp_digest = warc_digest(&sha256(&resp));
    let payload_digest = warc_digest(&payload);
    let mut h: Vec<(&str, &str)> = vec![
        ("WARC-Type", "response"),
        ("WARC-Record-ID", resp_id),
        ("WARC-Date", &date),
        ("WARC-Target-URI", r.target_uri),
    ];
    if let Some((req_id, _)) = r.concurrent_to {
        h.push(("WARC-Concurrent-To", req_id));
    }
    if let Some(ip) = &ip {
        h.push(("WARC-IP-Address", ip));
    }
    h.push(("Content-Type", "application/http;msgtype=response"));
    h.push(("WARC-Block-Digest", &resp_digest));
    h.push(("WARC-Payload-Digest", &payload_digest));
    let extra: Vec<(&str, Cow<'_, str>)> = r.extra.iter().map(|(k, v)| (*k, clean(v))).collect();
    h.extend(extra.iter().map(|(k, v)| (*k, v.as_ref())));
    let response = gzip(&encode_record(&h, &resp)).map_err(|e| format!("compressing: {e}"))?;
    Ok((response, hex(&payload)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_refuse_paths() {
        assert_eq!(
            parse_name("khabar", "khabar-20261202T051500Z-00001.warc.gz"),
            Some(1)
        );
        assert_eq!(
            parse_name("khabar", "khabar-20261202T051500Z-123456.warc.gz"),
            Some(123456)
        );
        assert_eq!(
            parse_name("khabar", "other-20261202T051500Z-00001.warc.gz"),
            None
        );
        assert_eq!(parse_name("khabar", "khabar-2026-00001.warc.gz"), None);
        assert_eq!(
            parse_name("khabar", "khabar-20261202T051500Z-00001.warc"),
            None
        );
        assert!(is_plain_warc_name("khabar-20261202T051500Z-00001.warc.gz"));
        assert!(!is_plain_warc_name(
            "../khabar-20261202T051500Z-00001.warc.gz"
        ));
        assert!(!is_plain_warc_name("/etc/x.warc.gz"));
        assert!(!is_plain_warc_name("..warc.gz"));
        assert!(!is_plain_warc_name("notes.txt"));
    }

    #[test]
    fn options_are_checked() {
        let bad = ArchiveOptions {
            prefix: "../x".into(),
            ..Default::default()
        };
        assert!(matches!(check_options(&bad), Err(Error::BadOptions { .. })));
        assert!(check_options(&ArchiveOptions::default()).is_ok());
    }

    #[test]
    fn exchange_blocks_rename_wire_headers_and_add_host() {
        let req_h = vec![("User-Agent".to_string(), "khabar/0.1".to_string())];
        let resp_h = vec![
            ("Content-Encoding".to_string(), "gzip".to_string()),
            ("Content-Length".to_string(), "7".to_string()),
            (
                "Content-Type".to_string(),
                "text/html\r\nX-Evil: 1".to_string(),
            ),
        ];
        let ex = Exchange {
            url: "https://Example.org:8443/a b?q=1#frag",
            method: "GET",
            request_headers: &req_h,
            status: 200,
            response_headers: &resp_h,
            body: b"hello",
            fetched_at: Utc::now(),
            ip: None,
        };
        let b = build_exchange(&ex).unwrap();
        let mut r = io::Cursor::new(&b.request[..]);
        let raw = read_member(&mut r, MAX_RECORD_BYTES).unwrap();
        let rec = parse_record(&raw).unwrap();
        let block = std::str::from_utf8(rec.block).unwrap();
        assert!(
            block.starts_with("GET /a%20b?q=1 HTTP/1.1\r\nHost: example.org:8443\r\n"),
            "{block}"
        );
        assert_eq!(rec.header("WARC-IP-Address"), None);
        let mut r = io::Cursor::new(&b.response[..]);
        let raw = read_member(&mut r, MAX_RECORD_BYTES).unwrap();
        let rec = parse_record(&raw).unwrap();
        let http = parse_http(rec.block).unwrap();
        assert_eq!(
            record::header(&http.headers, "X-Khabar-Orig-Content-Encoding"),
            Some("gzip")
        );
        assert_eq!(record::header(&http.headers, "Content-Length"), Some("5"));
        assert_eq!(record::header(&http.headers, "Content-Encoding"), None);
        assert_eq!(record::header(&http.headers, "X-Evil"), None);
        assert_eq!(&rec.block[http.body_offset..], b"hello");

        let bad = Exchange {
            url: "file:///etc/passwd",
            ..ex
        };
        assert!(matches!(
            build_exchange(&bad),
            Err(Error::BadExchange { .. })
        ));
        let bad = Exchange { status: 42, ..ex };
        assert!(matches!(
            build_exchange(&bad),
            Err(Error::BadExchange { .. })
        ));
    }

    #[test]
    fn archive_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Archive>();
    }
}
