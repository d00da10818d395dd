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
    /// A site rule (built in or from the configuration) that cannot be used.
    #[error("site rule for {domain:?}: {reason}{}", if selector.is_empty() { String::new() } else { format!(" (selector {selector:?})") })]
    SiteRule {
        domain: String,
        selector: String,
        reason: String,
    },
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
