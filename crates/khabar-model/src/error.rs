/// Errors raised when a value does not fit the domain (a bad language code,
/// an unknown source kind).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    #[error("`{0}` is not a language code: use an ISO 639-1 code such as en, fa, ps, ur or ar")]
    BadLang(String),
    #[error("`{0}` is not a source kind: use feed, sitemap or page")]
    BadSourceKind(String),
    #[error("`{0}` is not an entity kind: use person, organization or place")]
    BadEntityKind(String),
    #[error("`{url}` is not a usable article URL: {why}")]
    BadUrl { url: String, why: String },
    #[error("`{0}` is not an approximation marker: use over, under, about, at_least or at_most")]
    BadApprox(String),
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
