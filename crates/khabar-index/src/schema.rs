//! The tantivy schema and the document khabar indexes.
//!
//! The database is the source of truth: the index keeps the terms, the fast
//! columns for facets, filters and sorting, and stores only what a hit list
//! shows (id, title, outlet, language, date), never the body: the text is
//! in the database, and storing even a lead cost a fifth of the index.

use chrono::{DateTime, Utc};
use khabar_model::Article;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, INDEXED, IndexRecordOption, STORED, STRING,
    Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{DateTime as TDateTime, TantivyDocument};

use crate::analyzer::ANALYZER;

/// One article as the index sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexDoc {
    pub id: u64,
    pub title: String,
    /// The body, paragraphs separated by a blank line.
    pub text: String,
    pub teaser: Option<String>,
    /// Outlet name.
    pub outlet: Option<String>,
    /// Language tag; its primary subtag is indexed (`fa-AF` → `fa`).
    pub lang: Option<String>,
    pub topics: Vec<String>,
    /// Canonical entity names.
    pub entities: Vec<String>,
    pub speakers: Vec<String>,
    pub story: Option<u64>,
    /// Publication time, or the fetch time when the outlet stated none.
    pub published: DateTime<Utc>,
}

impl IndexDoc {
    /// The document of a stored article, with its entities' canonical names
    /// and its quotes' speakers.
    pub fn from_article(article: &Article, entities: Vec<String>, speakers: Vec<String>) -> Self {
        IndexDoc {
            id: article.id.0.max(0) as u64,
            title: article.title.clone(),
            text: article.paragraphs.join("\n\n"),
            teaser: article.teaser.clone(),
            outlet: article.source.clone(),
            lang: article.lang.as_ref().map(|l| l.as_str().to_owned()),
            topics: article.topics.clone(),
            entities,
            speakers,
            story: article.story.map(|s| s.0.max(0) as u64),
            published: article
                .published_at
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or(article.fetched_at),
        }
    }

    /// Bytes of text this document brings (title, teaser, body): the "raw
    /// text size" that index size is measured against.
    pub fn raw_len(&self) -> usize {
        self.title.len() + self.text.len() + self.teaser.as_ref().map_or(0, String::len)
    }
}

/// A change for the index.
// Nearly every op is an upsert, so boxing the document would only add an
// allocation per article.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Add the document, replacing any with the same id.
    Upsert(IndexDoc),
    /// Remove the document with this id (nothing happens if there is none).
    Delete(u64),
}

/// The fields of the schema.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub id: Field,
    pub title: Field,
    pub text: Field,
    pub teaser: Field,
    /// Exact outlet name: facets and filters.
    pub outlet: Field,
    /// Outlet name as words: `outlet:tolo`.
    pub outlet_text: Field,
    pub lang: Field,
    pub topic: Field,
    /// Exact canonical names: facets and filters.
    pub entity: Field,
    /// Entity names as words: `entity:ghani`.
    pub entity_text: Field,
    pub speaker: Field,
    pub speaker_text: Field,
    pub story: Field,
    pub published: Field,
}

pub(crate) const F_OUTLET: &str = "outlet";
pub(crate) const F_LANG: &str = "lang";
pub(crate) const F_TOPIC: &str = "topic";
pub(crate) const F_ENTITY: &str = "entity";
pub(crate) const F_PUBLISHED: &str = "published";

pub(crate) fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let words = |positions: bool| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYZER)
                .set_index_option(if positions {
                    IndexRecordOption::WithFreqsAndPositions
                } else {
                    IndexRecordOption::WithFreqs
                }),
        )
    };
    let id = b.add_u64_field("id", INDEXED | FAST | STORED);
    let title = b.add_text_field("title", words(true) | STORED);
    let text = b.add_text_field("text", words(true));
    // The teaser repeats the body's first sentence, whose positions are in
    // `text` already: phrases are searched there, the teaser adds weight.
    let teaser = b.add_text_field("teaser", words(false));
    let outlet = b.add_text_field(F_OUTLET, STRING | FAST | STORED);
    let outlet_text = b.add_text_field("outlet_text", words(true));
    let lang = b.add_text_field(F_LANG, STRING | FAST | STORED);
    let topic = b.add_text_field(F_TOPIC, STRING | FAST);
    let entity = b.add_text_field(F_ENTITY, STRING | FAST);
    let entity_text = b.add_text_field("entity_text", words(true));
    let speaker = b.add_text_field("speaker", STRING);
    let speaker_text = b.add_text_field("speaker_text", words(true));
    let story = b.add_u64_field("story", INDEXED | FAST);
    let published = b.add_date_field(
        F_PUBLISHED,
        DateOptions::default()
            .set_fast()
            .set_stored()
            .set_precision(DateTimePrecision::Seconds),
    );
    let fields = Fields {
        id,
        title,
        text,
        teaser,
        outlet,
        outlet_text,
        lang,
        topic,
        entity,
        entity_text,
        speaker,
        speaker_text,
        story,
        published,
    };
    (b.build(), fields)
}

/// The key a language is indexed and filtered by: its primary subtag, lower case.
pub(crate) fn lang_key(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The key a topic is indexed and filtered by.
pub(crate) fn topic_key(topic: &str) -> String {
    topic.trim().to_lowercase()
}

pub(crate) fn to_tantivy(doc: &IndexDoc, f: &Fields) -> TantivyDocument {
    let mut d = TantivyDocument::new();
    d.add_u64(f.id, doc.id);
    d.add_text(f.title, &doc.title);
    d.add_text(f.text, &doc.text);
    if let Some(t) = &doc.teaser {
        d.add_text(f.teaser, t);
    }
    if let Some(o) = doc
        .outlet
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
    {
        d.add_text(f.outlet, o);
        d.add_text(f.outlet_text, o);
    }
    if let Some(l) = doc.lang.as_deref().map(lang_key).filter(|l| !l.is_empty()) {
        d.add_text(f.lang, &l);
    }
    for t in &doc.topics {
        let k = topic_key(t);
        if !k.is_empty() {
            d.add_text(f.topic, &k);
        }
    }
    for e in &doc.entities {
        d.add_text(f.entity, e.trim());
        d.add_text(f.entity_text, e);
    }
    for s in &doc.speakers {
        d.add_text(f.speaker, s.trim());
        d.add_text(f.speaker_text, s);
    }
    if let Some(s) = doc.story {
        d.add_u64(f.story, s);
    }
    d.add_date(
        f.published,
        TDateTime::from_timestamp_secs(doc.published.timestamp()),
    );
    d
}

/// `s` cut to at most `max` bytes at a character boundary.
pub(crate) fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_normalised() {
        assert_eq!(lang_key("fa-AF"), "fa");
        assert_eq!(lang_key("EN"), "en");
        assert_eq!(topic_key(" Security "), "security");
        assert_eq!(cut("کابل", 3), "ک");
        assert_eq!(cut("abc", 10), "abc");
    }
}
