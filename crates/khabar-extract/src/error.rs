/// Errors of article extraction. Extraction is lenient: almost every page
/// gives a result (possibly with an empty body); these are the few cases
/// where nothing useful can be said.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input holds no bytes at all.
    #[error("the page is empty (0 bytes): nothing to extract")]
    Empty,
    /// The input is not HTML (it looks like a binary file).
    #[error("the page does not look like HTML ({0}): is it an image, a PDF or a compressed file?")]
    NotHtml(&'static str),
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
