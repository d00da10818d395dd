/// Why a text could not be read as a digest. Every variant that points at a
/// place in the text carries a 1-based `line`.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    #[error(
        "the digest is empty: give a text with at least one article \
         (title, blank line, body, the title again, `read more`)"
    )]
    Empty,
    #[error("line {line}: this is not a digest: {why}")]
    NotADigest { line: usize, why: String },
    #[error(
        "line {line}: the article starting here has no `read more` line: end it with \
         its title repeated on its own line and then `read more`, or remove the trailing text"
    )]
    Unterminated { line: usize },
    #[error(
        "line {line}: the title repeated before `read more` (`{repeated}`) differs from \
         the article's title on line {title_line} (`{title}`): the line just before \
         `read more` must repeat the article's first line"
    )]
    TitleMismatch {
        line: usize,
        title_line: usize,
        title: String,
        repeated: String,
    },
    #[error(
        "line {line}: the article `{title}` has a title but no body: put its paragraphs \
         between the title and the repeated title"
    )]
    NoBody { line: usize, title: String },
    #[error(
        "line {line}: `read more` with no article before it: each article starts with its \
         title, then its body, then the title again and `read more`"
    )]
    NoTitle { line: usize },
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
