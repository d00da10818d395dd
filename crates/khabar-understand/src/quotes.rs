//! Direct quotations and who said them.
//!
//! (Being written.)

use crate::entities::FoundEntity;

/// A direct quotation with its speaker resolved to a canonical name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundQuote {
    /// Canonical name of the speaker (person, or publisher of a quoted report).
    pub speaker: String,
    /// The speaker's entity key, when the speaker is one of `entities`.
    pub speaker_key: Option<String>,
    /// The words inside the quotation marks (joined when continued over paragraphs).
    pub quote: String,
    /// The sentence(s) holding the quote.
    pub sentence: String,
    /// Paragraph index where the quote starts.
    pub paragraph: u32,
}

/// Every direct quotation in the paragraphs. `entities` come from
/// [`crate::entities::find`] on the same paragraphs; `outlet` names the
/// publisher (for "the agency reported").
pub fn find(
    paragraphs: &[String],
    entities: &[FoundEntity],
    outlet: Option<&str>,
) -> Vec<FoundQuote> {
    let _ = (paragraphs, entities, outlet);
    Vec::new()
}
