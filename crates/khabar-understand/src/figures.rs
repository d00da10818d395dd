//! Numbers cited in an article: value, unit, approximation, what they count,
//! who is cited for them.
//!
//! (Being written.)

use khabar_model::Approx;

use crate::entities::FoundEntity;

/// One cited number.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundFigure {
    pub value: f64,
    /// "people", "%", "USD", "AFN", …
    pub unit: Option<String>,
    pub approx: Option<Approx>,
    /// What the number counts ("Afghan refugees returned from Pakistan").
    pub about: String,
    /// Who the article cites for it ("UNHCR").
    pub cited_source: Option<String>,
    /// The number as written ("761,200", "۷۶۱٬۲۰۰", "thirty").
    pub surface: String,
    pub sentence: String,
    pub paragraph: u32,
}

/// Every cited number in the paragraphs (dates, ages and years excluded).
pub fn find(paragraphs: &[String], entities: &[FoundEntity]) -> Vec<FoundFigure> {
    let _ = (paragraphs, entities);
    Vec::new()
}
