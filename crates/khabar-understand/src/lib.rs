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

pub mod lang;
pub mod normalize;
pub mod sentences;

pub use lang::{Detection, DocumentLang, detect, detect_paragraphs};
