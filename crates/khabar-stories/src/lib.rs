//! Stories: near-duplicate fingerprints and online cross-outlet clustering
//! that explains itself.
//!
//! Takes articles ([`Doc`]: title, text, publication time, outlet, and the
//! understanding stage's entity keys and figures) one at a time in
//! publication order, and returns for each an [`Assignment`]: its story, why
//! ("shares COP29, Baku, Khalis; cosine 0.61; 2 h apart"), the article it
//! copies if it is a syndicated or re-published copy, and the stories it
//! bridged. [`Baseline`] is the single-pass TF-IDF clusterer the evaluation
//! compares with.
//!
//! - [`fingerprint`]: exact and MinHash fingerprints, an LSH-banded index;
//! - [`cluster`]: the online clusterer;
//! - [`text`]: words, names and numbers that match across scripts;
//! - [`idf`]: term ids and document frequencies over the window.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use khabar_stories::{Clusterer, Config, Doc};
//!
//! let mut c = Clusterer::new(Config::default());
//! let at = |h| Some(Utc.with_ymd_and_hms(2024, 11, 10, h, 0, 0).unwrap());
//! let a = c.add(Doc {
//!     title: "Afghan delegation leaves for COP29 in Baku".into(),
//!     text: "A delegation led by Matiul Haq Khalis left Kabul for Baku to attend \
//!            the COP29 climate conference, the agency said.".into(),
//!     published: at(8),
//!     outlet: Some("Agency A".into()),
//!     ..Doc::new("a")
//! });
//! let b = c.add(Doc {
//!     title: "Khalis heads to Baku climate talks".into(),
//!     text: "Matiul Haq Khalis will represent Afghanistan at COP29 in Baku, \
//!            where the climate conference opens on Monday.".into(),
//!     published: at(10),
//!     outlet: Some("Outlet B".into()),
//!     ..Doc::new("b")
//! });
//! assert!(a.new_story);
//! assert_eq!(b.story, a.story);
//! assert!(b.why.contains("Khalis") && b.why.contains("2 h apart"), "{}", b.why);
//! ```

mod baseline;
pub mod cluster;
pub mod fingerprint;
pub mod idf;
pub mod text;

pub use baseline::Baseline;
pub use cluster::{Assignment, Clusterer, Config, Doc, StoryKey};
