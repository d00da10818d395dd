use std::io;
use std::path::PathBuf;

use crate::verify::ProblemKind;

/// What went wrong in the archive. Every variant names the file (and the
/// offset, where there is one) so that an operator can look at it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{op} {}: {source}", path.display())]
    Io {
        /// What was being done, e.g. `creating the archive folder`.
        op: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(
        "the archive folder {} is in use by another khabar process (it holds {}): \
         stop that process, or open the archive read-only to read and verify",
        dir.display(), lock.display()
    )]
    Locked { dir: PathBuf, lock: PathBuf },
    #[error(
        "writing a record to {} at offset {offset} failed: {source} \
         (nothing was kept; free disk space and try again)",
        path.display()
    )]
    Write {
        path: PathBuf,
        offset: u64,
        #[source]
        source: io::Error,
    },
    #[error("bad archive options: {why}")]
    BadOptions { why: String },
    #[error("this archive was opened read-only: open it with `Archive::open` to append")]
    ReadOnly,
    #[error("cannot archive the exchange with {url}: {why}")]
    BadExchange { url: String, why: String },
    #[error("archived record {file} at offset {offset}: {kind}: {detail}")]
    Record {
        file: String,
        offset: u64,
        kind: ProblemKind,
        detail: String,
    },
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn io(
        op: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { op, path, source }
    }
}
