//! People, organisations and places named in an article.
//!
//! (Being written: gazetteer for the Afghanistan catalog + rules for names
//! not in it + alias merging inside an article.)

use khabar_model::EntityKind;

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// The text as written.
    pub surface: String,
    /// Paragraph index.
    pub paragraph: u32,
    /// Byte offset of `surface` in its paragraph.
    pub start: usize,
}

/// An entity found in one article, with every spelling it had there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundEntity {
    /// Stable key, the same for every spelling tied to this entity (by the
    /// gazetteer or the alias rules), in any article: `kind:normalised name`.
    pub key: String,
    /// Canonical name.
    pub name: String,
    pub kind: EntityKind,
    /// Other spellings (seen here, or known to the gazetteer).
    pub aliases: Vec<String>,
    pub mentions: Vec<Occurrence>,
    /// Whether the gazetteer knows it (rule-found names are less certain).
    pub known: bool,
}

/// The entities of an article's paragraphs, most mentioned first.
pub fn find(paragraphs: &[String], lang: Option<&str>) -> Vec<FoundEntity> {
    let _ = (paragraphs, lang);
    Vec::new()
}
