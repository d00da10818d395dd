use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{ArticleId, Error};

/// The store's id of a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoryId(pub i64);

impl fmt::Display for StoryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// One article's place in a story and why it is there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryMember {
    pub article: ArticleId,
    /// Human-readable evidence: "shares COP29, Baku; cosine 0.61; 2 h apart".
    pub why: String,
    /// Exact or near duplicate of another member (syndicated copy).
    pub duplicate_of: Option<ArticleId>,
}

/// The same event covered by one or more outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: StoryId,
    /// The most representative headline.
    pub title: String,
    pub members: Vec<StoryMember>,
    pub outlets: Vec<String>,
    pub first_seen: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
}

/// The store's id of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }
}

impl FromStr for EntityKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" => Ok(EntityKind::Person),
            "organization" | "organisation" | "org" => Ok(EntityKind::Organization),
            "place" | "location" => Ok(EntityKind::Place),
            _ => Err(Error::BadEntityKind(s.to_string())),
        }
    }
}

/// A person, organisation or place, with every spelling seen for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: EntityId,
    /// Canonical name.
    pub name: String,
    pub kind: EntityKind,
    /// Other spellings, in any script ("UNHCR", "Matuil Haq Khalis", "خالص").
    pub aliases: Vec<String>,
    /// The understanding stage's stable key (`person:matiul-haq-khalis`),
    /// shared by every spelling it ties to this entity.
    pub key: Option<String>,
}

/// One occurrence of an entity in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub entity: EntityId,
    pub article: ArticleId,
    /// The text as written in the article.
    pub surface: String,
    /// Paragraph index in the article.
    pub paragraph: u32,
}

/// A direct quotation with its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub article: ArticleId,
    /// Canonical name of the speaker (a person, or the publisher of a quoted report).
    pub speaker: String,
    pub speaker_entity: Option<EntityId>,
    /// The words inside the quotation marks.
    pub quote: String,
    /// The sentence (or sentences) that hold the quote.
    pub sentence: String,
}

/// How a cited number was qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// "over", "more than"
    Over,
    /// "under", "less than"
    Under,
    /// "about", "around", "nearly", "some"
    About,
    /// "at least"
    AtLeast,
    /// "at most", "up to"
    AtMost,
}

impl Approx {
    pub fn as_str(self) -> &'static str {
        match self {
            Approx::Over => "over",
            Approx::Under => "under",
            Approx::About => "about",
            Approx::AtLeast => "at_least",
            Approx::AtMost => "at_most",
        }
    }
}

impl FromStr for Approx {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "over" => Ok(Approx::Over),
            "under" => Ok(Approx::Under),
            "about" => Ok(Approx::About),
            "at_least" => Ok(Approx::AtLeast),
            "at_most" => Ok(Approx::AtMost),
            _ => Err(Error::BadApprox(s.to_string())),
        }
    }
}

/// A number cited in an article, with what it counts and who it is from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub article: ArticleId,
    pub value: f64,
    /// "people", "%", "USD", "AFN", …
    pub unit: Option<String>,
    pub approx: Option<Approx>,
    /// What the number counts ("Afghan refugees returned from Pakistan").
    pub about: String,
    /// Who the article cites for it ("UNHCR").
    pub cited_source: Option<String>,
    pub sentence: String,
}
