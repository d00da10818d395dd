//! Plain domain types of khabar, shared by every stage. No I/O lives here.
//!
//! An [`Article`] is what the store keeps for one page; an [`ArticleDraft`] is
//! what a stage (the digest codec, the importer, later the extractor) hands to
//! the store before it has an id. Times keep the UTC offset the outlet stated
//! (`DateTime<FixedOffset>`), because "published 09:30 +04:30" is evidence and
//! "published 05:00 UTC" is a conversion of it.
//!
//! ```
//! use khabar_model::{ArticleDraft, ContentHash};
//! let draft = ArticleDraft::new("Title", vec!["First paragraph.".into()]);
//! assert_eq!(draft.content_hash(), ContentHash::of("Title", None, &draft.paragraphs));
//! ```

mod article;
mod embed;
mod error;
mod http;
mod lang;
pub mod script;
mod source;
mod story;

pub use article::{
    ArchiveRef, Article, ArticleDraft, ArticleId, BlockKind, ContentHash, canonicalize_url,
};
pub use embed::{EmbeddedPost, Platform};
pub use error::{Error, Result};
pub use http::charset_param;
pub use lang::Lang;
pub use source::{Source, SourceDraft, SourceId, SourceKind, SourceOrigin};
pub use story::{
    Approx, Entity, EntityId, EntityKind, Figure, Mention, Quote, Story, StoryId, StoryMember,
};
