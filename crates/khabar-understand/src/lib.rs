//! Understanding articles: pure functions over text, one module per
//! analysis. Nothing here does I/O or reads configuration.
//!
//! - [`lang`]: the language of a text and of a document's paragraphs
//!   (`en`, `fa`, `ps`, `ur`, `ar` and the languages around them);
//! - [`normalize`]: Arabic-script normalisation for matching and search
//!   (a new string; the stored original is never touched);
//! - [`sentences`]: sentence splitting that survives abbreviations, initials
//!   and decimals, in Latin and Arabic script.
//!
//! ```
//! use khabar_understand::{lang, normalize, sentences};
//!
//! let d = lang::detect("وزارت صحت عامه گفت که ۲۵ کلینیک جدید باز شد.").unwrap();
//! assert_eq!(d.lang.as_str(), "fa");
//! assert_eq!(normalize::normalize("كتاب‌ها ۲۵"), normalize::normalize("کتاب‌ها 25"));
//! let s = sentences::split("Mr. J.P. Singh met U.N. staff. Prices rose 3.5 percent.");
//! assert_eq!(s, ["Mr. J.P. Singh met U.N. staff.", "Prices rose 3.5 percent."]);
//! ```

pub mod entities;
pub mod figures;
pub mod lang;
pub mod normalize;
pub mod quotes;
pub mod sentences;
pub mod teaser;
pub mod topics;

pub use entities::FoundEntity;
pub use figures::FoundFigure;
pub use lang::{
    Detection, DocumentLang, detect, detect_main, detect_paragraphs, settle as settle_lang,
};
pub use quotes::FoundQuote;
pub use topics::{Taxonomy, TopicMatch};

/// The characters of `text` with their byte offsets, allocated once (a
/// plain `collect` grows the vector several times on a long paragraph;
/// counting the characters first costs less).
pub(crate) fn char_indices(text: &str) -> Vec<(usize, char)> {
    let mut out = Vec::with_capacity(text.chars().count());
    out.extend(text.char_indices());
    out
}

/// What [`analyze`] reads: one article.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub title: &'a str,
    pub paragraphs: &'a [String],
    /// The language the source or page stated, if any.
    pub lang: Option<&'a str>,
    /// A teaser the input already has (a digest's): kept as it is.
    pub teaser: Option<&'a str>,
    /// The outlet's name, for quotes attributed to "the agency" (and not
    /// itself an entity of the article).
    pub outlet: Option<&'a str>,
}

/// Everything the understanding stage finds in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Understanding {
    /// The document's language (the stated one when given) and the
    /// paragraphs in another language.
    pub lang: Option<String>,
    pub teaser: Option<String>,
    pub entities: Vec<FoundEntity>,
    pub quotes: Vec<FoundQuote>,
    pub figures: Vec<FoundFigure>,
    pub topics: Vec<TopicMatch>,
}

/// Runs every analysis over one article.
pub fn analyze(input: &Input<'_>, taxonomy: &Taxonomy) -> Understanding {
    let lang = match input.lang {
        Some(l) => Some(l.to_string()),
        None => lang::detect_main(input.paragraphs).map(|l| l.as_str().to_string()),
    };
    // Every paragraph split into sentences once, for all the analyses.
    let split: Vec<Vec<&str>> = input
        .paragraphs
        .iter()
        .map(|p| sentences::split(p))
        .collect();
    let mut entities = entities::find_split(input.paragraphs, &split, lang.as_deref());
    entities::without_outlet(input.paragraphs, &mut entities, input.outlet);
    let quotes = quotes::find_split(input.paragraphs, &split, &entities, input.outlet);
    let mut figures = figures::find_split(input.paragraphs, &split, &entities);
    figures::cite_quoted(&mut figures, &quotes);
    quotes::cite_roles(input.paragraphs, &entities, &mut figures);
    let teaser = match input.teaser {
        Some(t) if !t.trim().is_empty() => Some(t.to_string()),
        _ => teaser::pick_split(input.title, input.paragraphs, &split),
    };
    let topics = taxonomy.classify(input.title, input.paragraphs);
    Understanding {
        lang,
        teaser,
        entities,
        quotes,
        figures,
        topics,
    }
}
