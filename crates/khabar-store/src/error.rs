use std::path::PathBuf;

/// Errors of the store. Each says which operation failed, so that a message
/// reaching the user names what khabar was doing.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot open the database {path}: {source}")]
    Open {
        path: PathBuf,
        #[source]
        source: sqlx::Error,
    },
    #[error("cannot create the data folder {path}: {source}")]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("database error while trying to {op}: {source}")]
    Db {
        op: &'static str,
        #[source]
        source: sqlx::Error,
    },
    #[error(
        "the database schema is version {found}, newer than this khabar knows ({known}): upgrade khabar"
    )]
    SchemaTooNew { found: i64, known: i64 },
    #[error("stored data is damaged ({what}): {detail}")]
    Corrupt { what: &'static str, detail: String },
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Attaches the name of the operation to a sqlx error.
pub(crate) trait DbContext<T> {
    fn op(self, op: &'static str) -> Result<T>;
}

impl<T> DbContext<T> for std::result::Result<T, sqlx::Error> {
    fn op(self, op: &'static str) -> Result<T> {
        self.map_err(|source| Error::Db { op, source })
    }
}
