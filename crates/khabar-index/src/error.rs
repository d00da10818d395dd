//! Errors of khabar-index.

use std::path::PathBuf;

/// What went wrong in the index.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The query cannot be understood or exceeds a bound; the message says
    /// what to change.
    #[error("{0}")]
    Query(#[from] QueryError),
    /// Another process (or another `Index` in this one) holds the index's
    /// single writer.
    #[error("the search index at {} is being written by another process; try again when it is done", dir.display())]
    Busy { dir: PathBuf },
    /// A file or folder of the index could not be read or written.
    #[error("cannot {op} {}: {source}", path.display())]
    Io {
        op: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    /// The commit payload or the `CURRENT` pointer is not what khabar writes.
    #[error("the search index at {} is damaged ({detail}); run `khabar reindex`", dir.display())]
    Corrupt { dir: PathBuf, detail: String },
    /// tantivy failed.
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// A query that was refused, with a message meant for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid query: {message}")]
pub struct QueryError {
    pub message: String,
}

impl QueryError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        QueryError {
            message: message.into(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
