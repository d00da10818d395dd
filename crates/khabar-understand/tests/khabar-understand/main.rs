//! Integration tests of khabar-understand, one module per analysis.

mod entities;
mod figures;
mod quotes;
mod teaser;
mod topics;
