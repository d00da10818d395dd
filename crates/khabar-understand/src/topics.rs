//! Topics: a configurable taxonomy of keywords and phrases per language,
//! multi-label, with the matched evidence kept.
//!
//! (Being written.)

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A set of topics (from `khabar.toml`, or [`Taxonomy::afghanistan`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    #[serde(rename = "topic")]
    pub topics: Vec<Topic>,
}

/// One topic: its label and the words that signal it, per language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Short stable label, e.g. `refugees`.
    pub name: String,
    /// Keywords and phrases per language code (`en`, `fa`, `ps`, …).
    pub keywords: BTreeMap<String, Vec<String>>,
}

/// A topic assigned to an article and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicMatch {
    pub topic: String,
    pub score: f32,
    /// The keywords and phrases that matched, as written in the article.
    pub evidence: Vec<String>,
}

impl Taxonomy {
    /// The default taxonomy for Afghanistan coverage.
    pub fn afghanistan() -> Self {
        Taxonomy { topics: Vec::new() }
    }

    /// The topics of an article, best first.
    pub fn classify(&self, title: &str, paragraphs: &[String]) -> Vec<TopicMatch> {
        let _ = (title, paragraphs);
        Vec::new()
    }
}
