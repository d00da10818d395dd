//! The digest text format of khabar, and exports of stored articles.
//!
//! A digest is plain text holding articles one after the other: the title,
//! a blank line, an optional byline and teaser, the body paragraphs, the title
//! again and `read more` (with `: URL` when the URL is known). [`parse_digest`]
//! reads it into [`ArticleDraft`](khabar_model::ArticleDraft)s and
//! [`write_digest`] writes them back; see [`digest`] for the exact rules and
//! the round-trip guarantee. [`export`] renders stored articles as digest
//! text, Markdown, a standalone HTML page or JSON.
//!
//! ```
//! use khabar_publish::{parse_digest, write_digest};
//!
//! let text = "\
//! Bridge Reopens in Varesh
//!
//! By Jane Doe
//!
//! The old bridge carried traffic again on Monday.
//!
//! Workers repaired the pillars after the spring floods.
//! Officials said: The old bridge carried traffic again on Monday.
//!
//! Bridge Reopens in Varesh
//! read more: https://example.org/news/bridge
//! ";
//! let articles = parse_digest(text)?;
//! assert_eq!(articles.len(), 1);
//! let a = &articles[0];
//! assert_eq!(a.title, "Bridge Reopens in Varesh");
//! assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
//! assert_eq!(a.teaser.as_deref(), Some("The old bridge carried traffic again on Monday."));
//! assert_eq!(a.paragraphs.len(), 1); // one paragraph of two lines
//! assert_eq!(a.url.as_deref(), Some("https://example.org/news/bridge"));
//!
//! // Writing and reading again gives the same articles.
//! let again = parse_digest(&write_digest(&articles))?;
//! assert_eq!(again[0].paragraphs, a.paragraphs);
//! assert_eq!(again[0].teaser, a.teaser);
//! # Ok::<(), khabar_publish::Error>(())
//! ```

pub mod atom;
pub mod digest;
mod error;
pub mod export;

pub use digest::{parse_digest, write_digest, write_digest_article};
pub use error::{Error, Result};
pub use export::{
    article_json, body_html, escape_html, paragraph_kinds, to_html, to_json, to_markdown, to_text,
};
