//! `khabar-index`: full-text search over khabar's articles with tantivy.
//!
//! It takes [`IndexDoc`]s (an article with its entities and speakers, built
//! with [`IndexDoc::from_article`]) as [`Op`]s, each batch committed with
//! the id of the last outbox row it holds, and answers [`SearchRequest`]s
//! written in a small query language ([`query`]) with hits, highlighted
//! snippets, facet counts and a per-day histogram ([`SearchResults`]).
//!
//! - One analyzer ([`analyzer`]) for English, Dari/Persian, Pashto, Urdu and
//!   Arabic: Arabic-script spellings normalised, digits made ASCII, Latin
//!   words stemmed.
//! - Crash-safe feeding: [`Index::last_outbox_id`] is read from the last
//!   commit, so a feeder resumes after it and never loses or doubles a
//!   document.
//! - [`Index::rebuild`] builds a new generation beside the live one and
//!   swaps it in atomically while searches go on.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use khabar_index::{Index, IndexDoc, Op, SearchRequest};
//!
//! let index = Index::in_ram()?;
//! let doc = IndexDoc {
//!     id: 7,
//!     title: "Floods reach Kabul".into(),
//!     text: "Heavy rain flooded streets in the north of the city.".into(),
//!     teaser: None,
//!     outlet: Some("Example Times".into()),
//!     lang: Some("en".into()),
//!     topics: vec!["weather".into()],
//!     entities: vec!["Kabul".into()],
//!     speakers: vec![],
//!     story: None,
//!     published: Utc.with_ymd_and_hms(2024, 6, 1, 8, 0, 0).unwrap(),
//! };
//! index.apply(&[Op::Upsert(doc)], 1)?;
//! assert_eq!(index.last_outbox_id()?, 1);
//!
//! let mut req = SearchRequest::new("flood topic:weather");
//! req.facets = true;
//! let res = index.search(&req)?;
//! assert_eq!(res.total, 1);
//! assert_eq!(res.hits[0].id, 7);
//! assert_eq!(res.facets.outlet[0].value, "Example Times");
//! # Ok::<(), khabar_index::Error>(())
//! ```

pub mod analyzer;
mod error;
mod index;
pub mod query;
mod schema;
mod search;

pub use analyzer::analyze;
pub use error::{Error, QueryError, Result};
pub use index::{Highlighter, Index, MAX_LIMIT, MAX_OFFSET, Rebuild, escape_html};
pub use schema::{IndexDoc, Op};
pub use search::{
    DayCount, EXACT_FACETS, FACET_STRIDE, FACET_TOP, FacetCount, Facets, Filters, Hit,
    SearchRequest, SearchResults, Sort,
};
