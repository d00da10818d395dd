//! Online story clustering in publication order, with reasons.
//!
//! # Motivation
//!
//! An analyst wants each event once, with every outlet that covered it, and
//! wants to know why two articles were put together. Articles arrive one at
//! a time and must be placed at once; a story that has gone quiet for longer
//! than the window is closed. The classic single-pass TF-IDF clusterer
//! (see [`crate::Baseline`]) merges two events of the same kind — two
//! earthquakes, two hosts announced for the same award show — because they
//! share all their common vocabulary; it is the specifics that differ.
//!
//! # Design
//!
//! For each new [`Doc`]:
//!
//! 1. **Duplicates first.** An exact fingerprint match, or a MinHash signature within
//!    `near_duplicate` estimated Jaccard (see [`crate::fingerprint`]), joins the
//!    original's story whatever else it says, marked `duplicate_of`.
//! 2. **Candidates** come from an inverted index over each story's rarest
//!    terms (and entity keys, and figures): the new article's `top_terms`
//!    highest-TF-IDF terms are looked up, and the stories hit most often are
//!    scored. No article is compared with every story, so a window of
//!    100,000 articles costs what a window of 1,000 does.
//! 3. **Score** against each candidate story's centroid (the sum of its
//!    members' term vectors, weighted by the IDF *now*):
//!    `cosine + name similarity + shared entities + shared figures −
//!    conflicting names − conflicting persons − conflicting counts −
//!    conflicting years − time gap`. The conflict terms are what keep two same-kind events apart:
//!    when the names an article is about (its most repeated capitalised
//!    words) are missing from a story whose own main names are missing from
//!    the article, they are two events, however many words they share.
//!    Within one language, the persons each side is about are compared too
//!    (see [`CENTRAL_SHARE`]): a report of a second player's arrest that
//!    recalls the first player's in passing is about someone else than
//!    the first player's story, and is penalised `w_central_conflict`;
//!    two spellings of one name ("Wilson", "Willson") are one person, and
//!    an acronym ("SPCA") is no person's name.
//!    Counts stated in the leads are compared too (see [`LEAD_BYTES`]):
//!    an article whose lead counts 26 pirates captured, against a story
//!    whose leads count 23 and which never cites 26 (nor the article 23),
//!    reports another capture, and is penalised `w_count_conflict`.
//!    A headline that reports one side of a pair of opposed events (a
//!    coach hired) against a story whose headlines report only the other
//!    side, befalling the same person (that coach fired), is another
//!    event, and is penalised `w_event_conflict` (see [`OPPOSED_EVENTS`]).
//!    A story's entity counts in proportion to the share of its members
//!    that name it (see [`ENTITY_PRIOR`]): a story that has grown by
//!    accretion names every entity of its topic once or twice, and an
//!    article of the same topic but another event would otherwise find all
//!    its entities there.
//! 4. The best story at or above `threshold` is joined; otherwise a new
//!    story starts. A story with no member in the article's language can
//!    share only language-independent evidence with it (entities, figures,
//!    names written the same way), never its words, so it is joined at the
//!    lower `cross_language_threshold`, and the figures both cite weigh
//!    more (`w_numbers_cross_language`). Against such a story, names in
//!    another script count too: a rare name's consonant skeleton
//!    ([`text::skeleton`]: Пэйлин, पेलिन and Palin are all `pln`) found
//!    among the story's, written there in another script by at least one
//!    side that capitalises names (`w_skeletons`). Candidates are ranked
//!    by their margin over their own threshold. When the article also scores at least
//!    `merge_threshold` against another story, and at least
//!    `bridge_ratio` of its score against the joined one, that story is
//!    merged into the joined one (a bridge), and the merge is reported. An
//!    article far closer to one story than to the other is that story's,
//!    not a bridge between the two; nor does any article bridge two stories
//!    each about another person, or whose leads count the same thing
//!    differently.
//! 5. Every [`Assignment`] says why, with the shared words as the article
//!    wrote them.
//!
//! Entities (stable keys from the understanding stage) and figures are
//! language-independent, so an English and a Dari article about the same
//! event can meet through them even with no word in common.
//!
//! ```
//! use khabar_stories::{Clusterer, Config, Doc};
//! let mut c = Clusterer::new(Config::default());
//! let herat = "An earthquake of magnitude 6.3 struck Herat province on Saturday, \
//!     flattening houses in Zinda Jan. Officials in Herat said 320 people died.";
//! let a = c.add(Doc { title: "Quake kills 320 in Herat".into(), text: herat.into(), ..Doc::new("a") });
//! let b = c.add(Doc { title: "Herat earthquake".into(), text: herat.into(), ..Doc::new("b") });
//! let d = c.add(Doc {
//!     title: "Quake injures 14 in Kunar".into(),
//!     text: "A magnitude 5.1 earthquake shook Kunar on Tuesday night. Officials in \
//!            Asadabad said 14 people were hurt and two schools were damaged.".into(),
//!     ..Doc::new("d")
//! });
//! assert_eq!(a.story, b.story);
//! assert_eq!(b.duplicate_of.as_deref(), Some("a"));
//! assert_ne!(d.story, a.story, "{}", d.why);
//! ```

use std::collections::VecDeque;
use std::fmt::Write as _;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::fingerprint::{Fingerprint, FingerprintBuilder, NearIndex};
use crate::idf::Vocab;
use crate::text;
use rustc_hash::{FxHashMap, FxHashSet};

/// One article as clustering sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    /// The caller's id (returned in `duplicate_of`).
    pub id: String,
    pub title: String,
    /// The body; paragraphs separated by line breaks.
    pub text: String,
    /// Publication time; `None` gives no time evidence.
    pub published: Option<DateTime<Utc>>,
    pub lang: Option<String>,
    pub outlet: Option<String>,
    /// Stable entity keys from the understanding stage (`kind:name`), the
    /// same for every spelling and script of one entity.
    pub entities: Vec<String>,
    /// Figures the article cites (values).
    pub numbers: Vec<f64>,
}

impl Doc {
    /// An empty article with this id (fill the rest with struct update).
    pub fn new(id: impl Into<String>) -> Doc {
        Doc {
            id: id.into(),
            ..Doc::default()
        }
    }
}

/// A story's key, unique within one [`Clusterer`] (and kept by `restore`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct StoryKey(pub u64);

impl std::fmt::Display for StoryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Where an article went, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    pub story: StoryKey,
    /// "shares COP29, Baku, Khalis; cosine 0.61; 2 h apart", "near-duplicate
    /// of 123 (Jaccard 0.93)", "new story".
    pub why: String,
    /// The id of the article this one copies (exactly or nearly).
    pub duplicate_of: Option<String>,
    /// Stories merged into `story` because this article bridged them.
    pub merged: Vec<StoryKey>,
    /// Whether `story` was opened by this article.
    pub new_story: bool,
    /// The evidence score of the join (1 for a duplicate, 0 for a new story).
    pub score: f32,
    /// The story's most representative headline after this article (see
    /// [`Clusterer::title`]).
    #[serde(default)]
    pub title: String,
}

/// Tuning of [`Clusterer`]. The defaults were set on development data of
/// three kinds (cross-outlet, same-kind-different-event, rumour claims) and
/// are meant for every stream; nothing here is per-source.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// An article joins a story only if it is published within this time of
    /// the story's first-to-last span: a story quiet for longer is closed.
    pub window: TimeDelta,
    /// Articles kept for document frequencies and duplicate detection (the
    /// oldest leave first). Word rarity is estimated over this many recent
    /// articles whatever their dates, so a quiet week does not make every
    /// word look rare.
    pub max_window_docs: usize,
    /// Minimum score to join a story.
    pub threshold: f32,
    /// Minimum score to join a story none of whose members is in the
    /// article's language: only language-independent evidence (entities,
    /// figures, names kept in their script) can be shared with it, so
    /// less of it is needed than of words.
    pub cross_language_threshold: f32,
    /// Minimum score against a second story to merge it into the joined one.
    pub merge_threshold: f32,
    /// ... and the minimum ratio of that score to the score of the join: an
    /// article that matches one story much better than another is not a
    /// bridge between them.
    pub bridge_ratio: f32,
    /// Minimum estimated Jaccard similarity of the shingle sets of a
    /// near-duplicate.
    pub near_duplicate: f32,
    /// A title word counts this many times a body word.
    pub title_weight: f32,
    /// Terms of an article looked up in the index / indexed for its story.
    pub top_terms: usize,
    /// Stories scored per article.
    pub max_candidates: usize,
    /// Terms kept in a story's centroid.
    pub centroid_terms: usize,
    /// Weight of the cosine of capitalised names: the article's counts
    /// against the square roots of the story's, so that a topic's name
    /// every member repeats does not outweigh the story's other names.
    pub w_names: f32,
    /// Weight of shared entity keys (IDF-weighted fraction of the
    /// article's, counted as at least one entity found nowhere else).
    pub w_entities: f32,
    /// Weight of shared figures (IDF-weighted fraction of the article's,
    /// counted as at least one figure found nowhere else).
    pub w_numbers: f32,
    /// Weight of shared figures against a story with no member in the
    /// article's language (see `cross_language_threshold`).
    pub w_numbers_cross_language: f32,
    /// Weight of shared name skeletons (see [`text::skeleton`]) against a
    /// story with no member in the article's language: the same name
    /// written in another script (IDF-weighted, two names seen nowhere
    /// else are full evidence).
    pub w_skeletons: f32,
    /// Penalty for conflicting main names.
    pub w_name_conflict: f32,
    /// Penalty for conflicting main years.
    pub w_year_conflict: f32,
    /// Penalty when the article and the story are each about another
    /// person (see [`CENTRAL_SHARE`]).
    pub w_central_conflict: f32,
    /// Penalty when the article and the story state different counts of
    /// the same thing in their leads ("26 pirates" / "23 pirates", see
    /// [`LEAD_BYTES`]), neither ever writing the other's figure; times
    /// `n / (n + 1)` when `n` of the story's members state its count: the
    /// more reports agree on a figure, the surer another one is another
    /// event.
    pub w_count_conflict: f32,
    /// Penalty when the article's headline reports the opposite event to
    /// the story's headlines, befalling the same person (a coach hired,
    /// that coach fired: see [`OPPOSED_EVENTS`]).
    pub w_event_conflict: f32,
    /// Penalty per doubling of the time gap beyond a day (log scale).
    pub w_time: f32,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            window: TimeDelta::days(14),
            max_window_docs: 100_000,
            threshold: 0.24,
            cross_language_threshold: 0.17,
            merge_threshold: 0.60,
            bridge_ratio: 2.0 / 3.0,
            near_duplicate: 0.8,
            title_weight: 2.0,
            top_terms: 20,
            max_candidates: 40,
            centroid_terms: 300,
            w_names: 0.33,
            w_entities: 0.3,
            w_numbers: 0.2,
            w_numbers_cross_language: 0.3,
            w_skeletons: 0.2,
            w_name_conflict: 0.15,
            w_year_conflict: 0.1,
            w_central_conflict: 0.5,
            w_count_conflict: 0.8,
            w_event_conflict: 0.5,
            w_time: 0.05,
        }
    }
}

/// An article's features, computed once.
#[derive(Debug, Default)]
struct Features {
    /// Sublinear term weights (title boosted), sorted by term id.
    tf: Vec<(u32, f32)>,
    /// The IDF of each term of `tf`, in the same order (set by `weigh`).
    idf: Vec<f32>,
    /// The TF-IDF weight of each term of `tf`, in the same order.
    dw: Vec<f32>,
    /// The squared norm of `dw`.
    dn: f32,
    /// The squared TF-IDF norm of `names`.
    names_norm: f32,
    /// The `top_terms` heaviest terms, heaviest first.
    top: Vec<u32>,
    /// The names the article is about (most repeated, rarest first).
    main_names: Vec<u32>,
    /// Distinct term ids (for document frequencies).
    distinct: Vec<u32>,
    /// First surface form of each term in this article.
    surfaces: FxHashMap<u32, Surface>,
    /// Capitalised names and their counts, sorted by term id.
    names: Vec<(u32, f32)>,
    /// Figures (number terms that are not years or small counts).
    numbers: Vec<u32>,
    /// Years named, with counts.
    years: Vec<(u16, f32)>,
    /// Entity keys, interned (prefixed so they never meet a word).
    entities: Vec<u32>,
    /// Name skeletons, interned (prefixed likewise), with the scripts
    /// they were written in ([`text::script_bit`]), sorted by id.
    skeletons: Vec<(u32, u8)>,
    /// The title's distinct word ids.
    title_terms: Vec<u32>,
    /// Its names, each with how often its word occurs anywhere in the
    /// article (a title occurrence counting `title_weight` times), sorted
    /// by id: how prominent each is.
    prominence: Vec<(u32, f32)>,
    /// The last words of the names of the persons it names (from their
    /// entity keys, folded as words are), sorted: what a person is called.
    surnames: Vec<u32>,
    /// The same for the persons it names in full (first and last name at
    /// least once): the ones it can be about.
    full_surnames: Vec<u32>,
    /// Its central person and that name's prominence (see [`central_of`]).
    central: Option<(u32, f32)>,
    /// Counted figures of its title and lead: (noun, value, how it was
    /// written), the first of each pair (see [`LEAD_BYTES`]).
    counts: Vec<(u32, u32, Surface)>,
    /// The side of [`OPPOSED_EVENTS`] its headline reports, if one only:
    /// the side, its first verb as written, and the person it befalls
    /// (last name; none or one).
    events: Option<(usize, Surface, Vec<u32>)>,
    /// Its language id in the vocabulary.
    lang: u16,
    fp: Fingerprint,
}

/// Where a term's surface form is: a byte range of the body or the title,
/// or a form of its own (figures and entity names).
#[derive(Debug)]
enum Surface {
    Body(usize, usize),
    Title(usize, usize),
    Owned(String),
}

impl Surface {
    fn get<'a>(&'a self, doc: &'a Doc) -> &'a str {
        match self {
            Surface::Body(a, b) => doc.text.get(*a..*b).unwrap_or(""),
            Surface::Title(a, b) => doc.title.get(*a..*b).unwrap_or(""),
            Surface::Owned(s) => s,
        }
    }
}

/// An article in the window.
#[derive(Debug)]
struct DocRec {
    id: String,
    story: u64,
    /// The language id its terms were counted under.
    lang: u16,
    distinct: Vec<u32>,
    fp: Fingerprint,
    published: Option<DateTime<Utc>>,
}

#[derive(Debug, Default)]
struct Story {
    /// Sum of the members' normalised term vectors, sorted by term id.
    centroid: Vec<(u32, f32)>,
    /// Name counts, sorted by term id.
    names: Vec<(u32, f32)>,
    /// Entity ids and how many members name each, sorted by id (the
    /// `ENTITIES_KEPT` named most).
    entities: Vec<(u32, f32)>,
    /// Figure ids and how many members cite each, sorted by id (the
    /// `NUMBERS_KEPT` cited most).
    numbers: Vec<(u32, f32)>,
    /// Name skeleton ids, the scripts they were written in and how many
    /// members wrote each, sorted by id (the `SKELETONS_KEPT` written
    /// most).
    skeletons: Vec<(u32, u8, f32)>,
    years: Vec<(u16, f32)>,
    /// The languages of its members (vocabulary language ids).
    langs: Vec<u16>,
    indexed: FxHashSet<u32>,
    /// The centroid's TF-IDF norm and the document count it was computed
    /// at: IDF drifts slowly, so the norm is recomputed when the window
    /// has changed by 1 %, not for every comparison.
    norm: std::cell::Cell<(f32, u32)>,
    /// The same for the names' TF-IDF norm.
    names_norm: std::cell::Cell<(f32, u32)>,
    /// Members in the window.
    live: usize,
    size: usize,
    first_seen: Option<DateTime<Utc>>,
    last_seen: Option<DateTime<Utc>>,
    /// The members' distinct headlines, in arrival order (the first
    /// `HEADLINES_KEPT`).
    headlines: Vec<Headline>,
    /// The members' name prominences summed (the `NAMES_KEPT` most
    /// prominent), sorted by id.
    prominence: Vec<(u32, f32)>,
    /// The members' persons' last names (among the prominent names once
    /// those are cut), sorted.
    surnames: Vec<u32>,
    /// Those of persons a member named in full, sorted.
    full_surnames: Vec<u32>,
    /// How members wrote their central persons (the first `NAMES_KEPT`),
    /// to explain a conflict.
    central_surfaces: Vec<(u32, String)>,
    /// The counted figures of the members' leads, each with how many
    /// members state it and how the first wrote it (at most
    /// `COUNTS_KEPT`, the most stated).
    counts: Vec<Counted>,
    /// The sides of [`OPPOSED_EVENTS`] its members' headlines report.
    events: Vec<Event>,
}

/// The members of a story whose headlines report one side of a pair of
/// [`OPPOSED_EVENTS`].
#[derive(Debug, Clone)]
struct Event {
    side: usize,
    /// The first one's verb as written.
    shown: String,
    /// The persons it befalls in their headlines (last names, sorted).
    persons: Vec<u32>,
}

impl Event {
    /// The opposite side's, about one of `persons`.
    fn opposes(&self, side: usize, persons: &[u32]) -> bool {
        self.side == side ^ 1
            && persons
                .iter()
                .any(|p| self.persons.binary_search(p).is_ok())
    }
}

/// A count stated in a story's leads: `value` of `noun` ("23 pirates").
#[derive(Debug, Clone)]
struct Counted {
    noun: u32,
    value: u32,
    members: f32,
    shown: String,
}

/// One headline of a story's members.
#[derive(Debug, Clone)]
struct Headline {
    text: String,
    /// Its distinct word ids.
    terms: Vec<u32>,
}

impl Story {
    fn has_term(&self, id: u32) -> bool {
        self.centroid.binary_search_by_key(&id, |&(t, _)| t).is_ok()
    }

    /// How a member wrote the person `id` it was about.
    fn central_surface(&self, id: u32) -> Option<&str> {
        self.central_surfaces
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, x)| x.as_str())
    }
}

/// The score of one candidate story and its parts.
#[derive(Debug, Default, Clone)]
struct Score {
    total: f32,
    /// The threshold this story is joined at.
    threshold: f32,
    cosine: f32,
    names: f32,
    /// Shared entities and their weight as evidence.
    entities: Vec<(u32, f32)>,
    /// Their share of the article's entities (IDF-weighted, against at
    /// least one entity found nowhere else).
    entity_evidence: f32,
    numbers: Vec<u32>,
    /// Shared name skeletons.
    skeletons: Vec<u32>,
    name_conflict: f32,
    /// The article's central person and the story's, when they conflict.
    central_conflict: Option<(u32, u32)>,
    /// The article's count and the story's, as written, when they differ
    /// (see [`count_conflict`]).
    count_conflict: Option<(String, String, f32)>,
    year_conflict: bool,
    /// The article's headline verb and the story's, when they report
    /// opposed events.
    event_conflict: Option<(String, String)>,
    gap: Option<TimeDelta>,
}

/// Online clusterer: feed articles in publication order with
/// [`Clusterer::add`]; rebuild it at start-up with [`Clusterer::restore`].
#[derive(Debug)]
pub struct Clusterer {
    cfg: Config,
    vocab: Vocab,
    docs: VecDeque<(u64, DocRec)>,
    next_doc: u64,
    exact: FxHashMap<u64, u64>,
    near: NearIndex,
    stories: FxHashMap<u64, Story>,
    merged_into: FxHashMap<u64, u64>,
    postings: FxHashMap<u32, Vec<u64>>,
    next_story: u64,
    now: Option<DateTime<Utc>>,
    peak_window: usize,
    /// The article being placed, by term id: TF-IDF weight, IDF and name
    /// count; zero elsewhere. A story's centroid and names are compared by
    /// one pass over each.
    scratch: Vec<[f32; 3]>,
}

/// Postings scanned per term, newest first: recent stories are the ones an
/// article can join, and this bounds the work on common terms.
const POSTING_SCAN: usize = 200;

/// Prefix of a name skeleton's term (never the start of a word or an
/// entity key).
const SKELETON_PREFIX: &str = "\u{2}";

/// Shortest name skeleton that counts: two consonants ("km" of Kim, "kr"
/// of Korea) match far too many other names.
const MIN_SKELETON: usize = 3;

/// A name skeleton is evidence only beyond this IDF: one most articles of
/// a language contain (a word's, in a script without capitals) is none.
const MIN_SKELETON_IDF: f32 = 2.0;

/// Names kept per story.
const NAMES_KEPT: usize = 64;

/// Entities, figures and name skeletons kept per story. A story followed
/// for months gains members every day: kept whole, its lists would grow
/// without end, and a figure or name that one member of thousands cited
/// would still count as the story's, so that every later article citing
/// it would find evidence there. Past twice these, the ones its members
/// cite most are kept.
const ENTITIES_KEPT: usize = 256;
const NUMBERS_KEPT: usize = 256;
const SKELETONS_KEPT: usize = 256;

/// The terms a story was filed under in the postings, kept so that it is
/// filed once under each. Each member brings new ones: past this many,
/// only those its bounded lists (centroid, entities, figures) still hold
/// are kept. A term left out that a later member brings again files the
/// story once more under it, in a posting list that is capped anyway.
const INDEXED_KEPT: usize = 4096;

/// An article (or a story) is about another person than a story (or
/// another story) when their central persons differ, each side names the
/// other's fewer than this share of the times it names its own, and one
/// side does not name the other's at all. A report of a second player's
/// arrest recalls the first player's, but names him a few times where it
/// names its own a dozen; the first report never named the second.
pub const CENTRAL_SHARE: f32 = 0.5;

/// A person is central to an article when it is the one named most, and
/// at least this often (a title occurrence counting `title_weight` times);
/// to a story when named this often per member.
const CENTRAL_MIN: f32 = 4.0;

/// A person's last name is written as a name (capitalised inside a
/// sentence) at least this share of the times its word occurs: a person
/// entity whose last word is mostly written in lower case ("dog" of a
/// misread "Pit Dog") is a common noun, not someone an article is about.
const CENTRAL_CASED: f32 = 1.0 / 3.0;

/// The lead of an article, where the event's own figures are stated (the
/// title counts too): the first this many bytes of the body. Figures
/// further down are often background ("the 2004 quake killed 320").
pub const LEAD_BYTES: usize = 600;

/// A counted figure's noun follows its number within this many words.
const COUNT_REACH: usize = 3;

/// Counted figures kept per story.
const COUNTS_KEPT: usize = 64;

/// Plural nouns that measure rather than count (an article on one event
/// gives several distances or durations), and plurals not written with -s.
const UNITS: &[&str] = &[
    "acre",
    "barrel",
    "cent",
    "day",
    "degree",
    "dollar",
    "euro",
    "gallon",
    "game",
    "gram",
    "hour",
    "inche",
    "kilogram",
    "kilometer",
    "kilometre",
    "knot",
    "liter",
    "litre",
    "meter",
    "metre",
    "mile",
    "minute",
    "month",
    "ounce",
    "percent",
    "point",
    "pound",
    "rupee",
    "season",
    "second",
    "time",
    "ton",
    "tonne",
    "week",
    "yard",
    "year",
];

/// Words that make a number a multiple ("50 million followers"): not the
/// count.
const MULTIPLIERS: &[&str] = &[
    "billion", "bn", "crore", "lakh", "million", "thousand", "trillion",
];
const IRREGULAR_PLURALS: &[&str] = &["children", "men", "people", "women"];

/// Counted nouns of tolls and of the people an event touches, whose figures
/// rise from report to report of one event ("at least 800 people" at noon,
/// "1,000 people" by night, often without the earlier figure): a different
/// count of these is an update as often as another event, so it is no
/// contradiction. Matched on the whole lower-case word.
const TOLL_NOUNS: &[&str] = &[
    "bodies",
    "casualties",
    "children",
    "civilians",
    "deaths",
    "displaced",
    "families",
    "homes",
    "houses",
    "injuries",
    "men",
    "migrants",
    "patients",
    "people",
    "persons",
    "refugees",
    "residents",
    "returnees",
    "survivors",
    "victims",
    "villagers",
    "women",
];

/// Finds counted figures in a stream of words ("26 Somali pirates", "3
/// pirate ships", "320 people"): a whole number of at least 2 that is not
/// a year, followed within [`COUNT_REACH`] words by a plural noun with no
/// function word or number between them. The noun is the first plural
/// word, so "3 pirate ships" counts ships; measures ("13 miles", "9
/// years") are not counts (see [`UNITS`]).
#[derive(Debug, Default)]
struct CountScan {
    /// The number waiting for its noun: its term id, its byte offset and
    /// the words seen since.
    pending: Option<(u32, usize, usize)>,
    /// The end of the previous word.
    last_end: usize,
}

impl CountScan {
    /// Sees the next word (`id`: its term id when it is a content word);
    /// `lead` says whether a number here may start a count. Returns the
    /// count ending at this word: (noun, value, start and end bytes).
    fn push(
        &mut self,
        text: &str,
        w: &text::Word<'_>,
        id: Option<u32>,
        lead: bool,
    ) -> Option<(u32, u32, usize, usize)> {
        let mut found = None;
        let last_end = std::mem::replace(&mut self.last_end, w.offset + w.surface.len());
        // Only spaces and hyphens between the number and its noun: not
        // the end of a sentence, a comma or a percent sign.
        let joined = text
            .get(last_end..w.offset)
            .is_some_and(|g| g.chars().all(|c| c.is_whitespace() || c == '-'));
        if let Some((value, start, seen)) = self.pending.take()
            && joined
            && let (Some(key), Some(noun), false) = (w.key, id, w.number)
            && !(seen == 0 && MULTIPLIERS.contains(&key))
        {
            let plural =
                (key.len() < w.all_key.len() && key.is_ascii()) || IRREGULAR_PLURALS.contains(&key);
            if plural {
                if !UNITS.contains(&key) && !TOLL_NOUNS.contains(&w.all_key) {
                    found = Some((noun, value, start, w.offset + w.surface.len()));
                }
            } else if seen + 1 < COUNT_REACH {
                self.pending = Some((value, start, seen + 1));
            }
        }
        if lead
            && w.number
            && let (Some(key), Some(value)) = (w.key, id)
            && text::year(key).is_none()
            && !key.contains('.')
            && key != "0"
            && key != "1"
        {
            self.pending = Some((value, w.offset, 0));
        }
        found
    }
}

/// Headline verbs of events that exclude each other when they befall one
/// person: pairs of sides, each a list of word forms (lower case). A
/// person taking a post and the same person leaving it (hired, fired;
/// appointed, resigned) are two events however many names the two
/// reports share; a headline with verbs of both sides ("fires O'Brien,
/// hires Cheeks") reports a succession, neither side alone.
pub const OPPOSED_EVENTS: &[[&[&str]; 2]] = &[[
    &[
        "hire",
        "hires",
        "hired",
        "hiring",
        "appoint",
        "appoints",
        "appointed",
        "names",
        "named",
        "tap",
        "taps",
        "tapped",
    ],
    &[
        "fire",
        "fires",
        "fired",
        "firing",
        "sack",
        "sacks",
        "sacked",
        "dismiss",
        "dismisses",
        "dismissed",
        "oust",
        "ousts",
        "ousted",
        "axe",
        "axes",
        "axed",
        "relieved",
        "terminated",
        "resign",
        "resigns",
        "resigned",
        "quits",
    ],
]];

/// The person an event verb of a headline befalls is named within this
/// many words of it.
const EVENT_REACH: usize = 4;

/// The side of [`OPPOSED_EVENTS`] a headline word reports: `2 * pair +
/// side`.
fn event_side(word: &str) -> Option<usize> {
    OPPOSED_EVENTS.iter().enumerate().find_map(|(i, sides)| {
        sides
            .iter()
            .position(|forms| forms.contains(&word))
            .map(|side| 2 * i + side)
    })
}

/// Distinct headlines kept per story to choose its title from.
const HEADLINES_KEPT: usize = 32;

/// How many members' worth of prior a story's entity shares start from: an
/// entity named by `n` of a story's `size` members weighs
/// `(n + ENTITY_PRIOR) / (size + ENTITY_PRIOR)` (at most 1) as shared
/// evidence. A young story's entities all count nearly fully; in a story of
/// 26 articles, an entity one of them mentioned counts a sixth of one all of
/// them name.
pub const ENTITY_PRIOR: f32 = 4.0;

/// The weight, as shared evidence, of an entity `named` by that many of a
/// story's `size` members.
fn entity_share(named: f32, size: usize) -> f32 {
    ((named + ENTITY_PRIOR) / (size as f32 + ENTITY_PRIOR)).min(1.0)
}

impl Clusterer {
    pub fn new(cfg: Config) -> Clusterer {
        Clusterer {
            cfg,
            vocab: Vocab::default().with_cache(),
            docs: VecDeque::new(),
            next_doc: 0,
            exact: FxHashMap::default(),
            near: NearIndex::default(),
            stories: FxHashMap::default(),
            merged_into: FxHashMap::default(),
            postings: FxHashMap::default(),
            next_story: 1,
            now: None,
            peak_window: 0,
            scratch: Vec::new(),
        }
    }

    pub fn config(&self) -> &Config {
        &self.cfg
    }

    /// Articles in the window now.
    pub fn window_len(&self) -> usize {
        self.docs.len()
    }

    /// The largest window seen.
    pub fn peak_window(&self) -> usize {
        self.peak_window
    }

    /// Open stories now.
    pub fn story_count(&self) -> usize {
        self.stories.len()
    }

    /// The story `key` is part of now (after merges).
    pub fn resolve(&self, key: StoryKey) -> StoryKey {
        let mut k = key.0;
        while let Some(&next) = self.merged_into.get(&k) {
            k = next;
        }
        StoryKey(k)
    }

    /// Places one article: a duplicate joins its original's story, otherwise
    /// the best-scoring story at or above the threshold, otherwise a new one.
    pub fn add(&mut self, doc: Doc) -> Assignment {
        self.advance(doc.published);
        let mut f = self.features(&doc);
        self.vocab.add_doc_in(&f.distinct, f.lang);
        if let Some(mut a) = self.duplicate(&f) {
            let story = a.story.0;
            self.attach(doc, f, story, false);
            a.title = self.title(a.story);
            return a;
        }
        self.weigh(&mut f);
        let candidates = self.candidates(&f);
        if self.scratch.len() < self.vocab.len() {
            self.scratch.resize(self.vocab.len(), [0.0; 3]);
        }
        for (i, &(id, _)) in f.tf.iter().enumerate() {
            self.scratch[id as usize] = [f.dw[i], f.idf[i], 0.0];
        }
        for &(id, n) in &f.names {
            // Every name is a word of the text, so its IDF is set above.
            self.scratch[id as usize][2] = n;
        }
        let mut scored: Vec<(u64, Score)> = candidates
            .into_iter()
            .filter_map(|s| self.score(&f, &doc, s).map(|sc| (s, sc)))
            .collect();
        for &(id, _) in &f.tf {
            self.scratch[id as usize] = [0.0; 3];
        }
        // By margin over each story's threshold.
        scored.sort_by(|a, b| {
            (b.1.total - b.1.threshold)
                .total_cmp(&(a.1.total - a.1.threshold))
                .then(a.0.cmp(&b.0))
        });
        let best = scored.first().cloned();
        match best {
            Some((story, sc)) if sc.total >= sc.threshold => {
                let why = self.explain(&f, &doc, story, &sc);
                let bridge = self
                    .cfg
                    .merge_threshold
                    .max(self.cfg.bridge_ratio * sc.total);
                let merge: Vec<u64> = scored[1..]
                    .iter()
                    .filter(|(_, s)| s.total >= bridge)
                    .map(|(k, _)| *k)
                    .collect();
                let mut why = why;
                // Two stories each about another person stay apart,
                // whatever an article shares with both.
                let mut apart = Vec::new();
                for &other in &merge {
                    if let Some(c) = self.stories_conflict(story, other) {
                        let c = self.central_why(&f, &doc, &[story, other], c);
                        apart.push((other, format!("persons differ: {c}")));
                    } else if let (Some(a), Some(b)) =
                        (self.stories.get(&story), self.stories.get(&other))
                        && let Some((x, y)) = stories_count_conflict(a, b)
                    {
                        apart.push((other, format!("figures differ: {x}, not {y}")));
                    } else if let (Some(a), Some(b)) =
                        (self.stories.get(&story), self.stories.get(&other))
                        && let Some((x, y)) = stories_event_conflict(a, b)
                    {
                        apart.push((other, format!("events differ: {x}, not {y}")));
                    }
                }
                self.attach(doc, f, story, true);
                let mut merged = Vec::new();
                for other in merge {
                    if apart.iter().all(|(k, _)| *k != other) && self.merge(other, story) {
                        merged.push(StoryKey(other));
                    }
                }
                for (k, c) in apart {
                    let _ = write!(why, "; does not bridge story {k} ({c})");
                }
                if !merged.is_empty() {
                    let list: Vec<String> = merged.iter().map(|k| k.to_string()).collect();
                    let _ = write!(why, "; bridges story {} into this one", list.join(", "));
                }
                Assignment {
                    story: StoryKey(story),
                    why,
                    duplicate_of: None,
                    merged,
                    new_story: false,
                    score: sc.total,
                    title: self.title(StoryKey(story)),
                }
            }
            _ => {
                let story = self.next_story;
                self.next_story += 1;
                let why = match &best {
                    Some((k, sc)) => {
                        let mut why = format!(
                            "new story (closest: story {k}, score {:.2} < {:.2}",
                            sc.total, sc.threshold
                        );
                        if let Some(c) = sc.central_conflict {
                            let _ = write!(
                                why,
                                "; persons differ: {}",
                                self.central_why(&f, &doc, &[*k], c)
                            );
                        }
                        if let Some((here, there, _)) = &sc.count_conflict {
                            let _ = write!(why, "; figures differ: {here}, not {there}");
                        }
                        if let Some((here, there)) = &sc.event_conflict {
                            let _ = write!(why, "; events differ: {here}, not {there}");
                        }
                        why.push(')');
                        why
                    }
                    None => "new story".to_string(),
                };
                self.attach(doc, f, story, true);
                Assignment {
                    story: StoryKey(story),
                    why,
                    duplicate_of: None,
                    merged: Vec::new(),
                    new_story: true,
                    score: 0.0,
                    title: self.title(StoryKey(story)),
                }
            }
        }
    }

    /// Puts an article back into the story it had (start-up from the
    /// store): no scoring, the story is created if needed.
    pub fn restore(&mut self, doc: Doc, story: StoryKey) {
        self.advance(doc.published);
        let mut f = self.features(&doc);
        self.vocab.add_doc_in(&f.distinct, f.lang);
        self.weigh(&mut f);
        let key = self.resolve(story).0;
        self.next_story = self.next_story.max(key + 1);
        self.attach(doc, f, key, true);
    }

    /// Forgets the articles published before `cutoff` (in arrival order,
    /// stopping at the first newer one): they leave the document
    /// frequencies and the duplicate index, and a story whose articles have
    /// all left is closed. `add` keeps at most `max_window_docs` articles by
    /// itself; call this to bound the window by time as well.
    pub fn evict_before(&mut self, cutoff: DateTime<Utc>) {
        while let Some((_, front)) = self.docs.front() {
            if front.published.is_none_or(|t| t >= cutoff) {
                break;
            }
            self.evict_front();
        }
    }

    /// A story's most representative headline: of its members' headlines,
    /// the one whose words weigh most in the story's centroid (TF-IDF), over
    /// the square root of its length (at least four words), so a site name
    /// tacked on, a long tail of words or a one-word label does not win.
    /// The earliest wins a tie. Empty when the story is gone or no member
    /// had a title.
    pub fn title(&self, key: StoryKey) -> String {
        let Some(s) = self.stories.get(&self.resolve(key).0) else {
            return String::new();
        };
        let mut best: Option<(f32, &Headline)> = None;
        for h in &s.headlines {
            let weight: f32 = h
                .terms
                .iter()
                .map(
                    |&t| match s.centroid.binary_search_by_key(&t, |&(id, _)| id) {
                        Ok(i) => s.centroid[i].1 * self.vocab.idf(t),
                        Err(_) => 0.0,
                    },
                )
                .sum();
            let score = weight / (h.terms.len().max(4) as f32).sqrt();
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, h));
            }
        }
        best.map(|(_, h)| h.text.clone()).unwrap_or_default()
    }

    /// The newest publication time seen.
    pub fn now(&self) -> Option<DateTime<Utc>> {
        self.now
    }

    fn advance(&mut self, published: Option<DateTime<Utc>>) {
        if let Some(t) = published
            && self.now.is_none_or(|n| t > n)
        {
            self.now = Some(t);
        }
        while self.docs.len() >= self.cfg.max_window_docs.max(1) {
            self.evict_front();
        }
    }

    fn evict_front(&mut self) {
        let Some((serial, rec)) = self.docs.pop_front() else {
            return;
        };
        self.vocab.remove_doc_in(&rec.distinct, rec.lang);
        if self.exact.get(&rec.fp.exact) == Some(&serial) {
            self.exact.remove(&rec.fp.exact);
        }
        if rec.fp.minhash.is_some() {
            self.near.remove(serial);
        }
        let key = self.resolve(StoryKey(rec.story)).0;
        let dead = match self.stories.get_mut(&key) {
            Some(s) => {
                s.live = s.live.saturating_sub(1);
                s.live == 0
            }
            None => false,
        };
        if dead {
            self.stories.remove(&key);
        }
    }

    fn doc(&self, serial: u64) -> Option<&DocRec> {
        let first = self.docs.front()?.0;
        let i = usize::try_from(serial.checked_sub(first)?).ok()?;
        self.docs.get(i).map(|(_, d)| d)
    }

    /// Words, names, figures, years, entities and fingerprints of an
    /// article, in one pass over its body and one over its title.
    fn features(&mut self, doc: &Doc) -> Features {
        let mut f = Features {
            lang: self.vocab.lang_id(doc.lang.as_deref()),
            ..Features::default()
        };
        let mut tf: FxHashMap<u32, f32> = FxHashMap::default();
        let mut names: FxHashMap<u32, f32> = FxHashMap::default();
        let mut years: Vec<(u16, f32)> = Vec::new();
        let mut numbers: FxHashSet<u32> = FxHashSet::default();
        let mut body_names: FxHashSet<u32> = FxHashSet::default();
        let mut skeletons: FxHashMap<u32, (usize, usize, u8)> = FxHashMap::default();
        let mut skel = String::from(SKELETON_PREFIX);
        let mut skel_buf = String::new();
        let mut fp = FingerprintBuilder::default();
        let vocab = &mut self.vocab;
        let surfaces = &mut f.surfaces;
        let count_year =
            |years: &mut Vec<(u16, f32)>, y: u16| match years.iter_mut().find(|(x, _)| *x == y) {
                Some((_, n)) => *n += 1.0,
                None => years.push((y, 1.0)),
            };
        let mut counts: Vec<(u32, u32, Surface)> = Vec::new();
        let mut count_scan = CountScan::default();
        let comma = text::decimal_comma(doc.lang.as_deref());
        text::scan_in(&doc.text, comma, |w| {
            fp.push(w.all_key);
            let Some(key) = w.key else {
                count_scan.push(&doc.text, w, None, false);
                return;
            };
            let id = vocab.intern(key);
            if let Some((noun, value, a, b)) =
                count_scan.push(&doc.text, w, Some(id), w.offset < LEAD_BYTES)
            {
                counts.push((noun, value, Surface::Body(a, b)));
            }
            *tf.entry(id).or_default() += 1.0;
            surfaces
                .entry(id)
                .or_insert(Surface::Body(w.offset, w.offset + w.surface.len()));
            if w.name {
                *names.entry(id).or_default() += 1.0;
                body_names.insert(id);
            }
            if w.number {
                if let Some(y) = text::year(key) {
                    count_year(&mut years, y);
                } else if is_figure(key) {
                    numbers.insert(id);
                }
            }
        });
        // Name skeletons, once per distinct word of the body: its
        // capitalised names, and any word of a script without capitals.
        for (&id, surface) in surfaces.iter() {
            let Surface::Body(a, b) = *surface else {
                continue;
            };
            let word = doc.text.get(a..b).unwrap_or("");
            let script = text::script_bit(word);
            if (script & text::CASELESS_SCRIPTS != 0 || names.contains_key(&id))
                && !numbers.contains(&id)
                && !word.starts_with(|c| text::fold_digit(c).is_some())
            {
                text::skeleton(word, &mut skel_buf);
                if skel_buf.len() >= MIN_SKELETON {
                    skel.truncate(SKELETON_PREFIX.len());
                    skel.push_str(&skel_buf);
                    let sid = vocab.intern(&skel);
                    let e = skeletons.entry(sid).or_insert((a, b, 0));
                    e.2 |= script;
                }
            }
        }
        // The fingerprint is the body's; the title's when there is no body.
        let title_fp = fp.is_empty();
        let title_weight = self.cfg.title_weight;
        let title_terms = &mut f.title_terms;
        let mut count_scan = CountScan::default();
        // The sides of opposed events the headline reports: the first verb
        // of each (its place among the headline's words, and its bytes),
        // and the headline's words (term ids of the content words).
        let mut sides: Vec<(usize, usize, usize, usize)> = Vec::new();
        let mut title_words: Vec<Option<u32>> = Vec::new();
        text::scan_in(&doc.title, comma, |w| {
            if title_fp {
                fp.push(w.all_key);
            }
            if let Some(side) = event_side(w.all_key)
                && sides.iter().all(|&(s, ..)| s != side)
            {
                sides.push((
                    side,
                    title_words.len(),
                    w.offset,
                    w.offset + w.surface.len(),
                ));
            }
            title_words.push(w.key.map(|k| vocab.intern(k)));
            let Some(key) = w.key else {
                count_scan.push(&doc.title, w, None, false);
                return;
            };
            let id = vocab.intern(key);
            if let Some((noun, value, a, b)) = count_scan.push(&doc.title, w, Some(id), true) {
                counts.push((noun, value, Surface::Title(a, b)));
            }
            *tf.entry(id).or_default() += title_weight;
            if !title_terms.contains(&id) {
                title_terms.push(id);
            }
            surfaces.insert(id, Surface::Title(w.offset, w.offset + w.surface.len()));
            // Titles are often in title case: a title word is a name only
            // when the body writes it as one.
            if body_names.contains(&id) {
                *names.entry(id).or_default() += 1.0;
            }
            if w.number {
                if let Some(y) = text::year(key) {
                    count_year(&mut years, y);
                } else if is_figure(key) {
                    numbers.insert(id);
                }
            }
        });
        for &v in &doc.numbers {
            let key = number_key(v);
            if is_figure(&key) {
                let id = vocab.intern(&key);
                tf.entry(id).or_insert(1.0);
                surfaces.entry(id).or_insert(Surface::Owned(key));
                numbers.insert(id);
            }
        }
        for e in &doc.entities {
            let Some(name) = e.strip_prefix("person:") else {
                continue;
            };
            // Each word folded as the text's are ("Williams" -> "william"),
            // and whether the body writes it with a capital.
            let mut words = 0;
            let mut capitalised = true;
            let mut last = None;
            for part in name.split('-') {
                let mut id = None;
                text::scan(part, |w| id = w.key.and_then(|k| vocab.get(k)));
                words += 1;
                capitalised &= id.is_some_and(|id| {
                    names.contains_key(&id)
                        || matches!(surfaces.get(&id), Some(Surface::Body(a, _))
                            if doc.text.get(*a..).is_some_and(|t| t.starts_with(char::is_uppercase)))
                });
                last = id;
            }
            // An acronym ("SPCA", "NATO") is an organisation's name, not
            // a person's, whatever the entity's kind says.
            let acronym = |id: &u32| {
                surfaces.get(id).is_some_and(|x| {
                    let w = x.get(doc);
                    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                        && !w.chars().any(char::is_lowercase)
                })
            };
            let last = last.filter(|id| !acronym(id));
            f.surnames.extend(last);
            // Named in full: first and last name, each capitalised (not
            // "al-Shabab" or "the Pentagon" taken for a person).
            if words >= 2 && capitalised {
                f.full_surnames.extend(last);
            }
        }
        f.surnames.sort_unstable();
        f.surnames.dedup();
        f.full_surnames.sort_unstable();
        f.full_surnames.dedup();
        let mut entity_key = String::new();
        for e in &doc.entities {
            entity_key.clear();
            entity_key.push('\u{1}');
            entity_key.push_str(e);
            let id = vocab.intern(&entity_key);
            if !f.entities.contains(&id) {
                f.entities.push(id);
                tf.entry(id).or_insert(0.0);
                let shown = e.split_once(':').map_or(e.as_str(), |(_, n)| n);
                surfaces.insert(id, Surface::Owned(shown.to_string()));
            }
        }
        for (&sid, &(a, b, script)) in &skeletons {
            tf.entry(sid).or_insert(0.0);
            surfaces.entry(sid).or_insert(Surface::Body(a, b));
            f.skeletons.push((sid, script));
        }
        f.skeletons.sort_unstable();
        f.prominence = names
            .keys()
            .map(|&id| (id, tf.get(&id).copied().unwrap_or(0.0)))
            .collect();
        f.prominence.sort_unstable_by_key(|&(id, _)| id);
        f.distinct = tf.keys().copied().collect();
        f.distinct.sort_unstable();
        // Entity keys count for rarity but are not words of the text.
        f.tf = tf
            .into_iter()
            .filter(|&(_, n)| n > 0.0)
            .map(|(id, n)| (id, if n >= 1.0 { 1.0 + n.ln() } else { n }))
            .collect();
        f.tf.sort_unstable_by_key(|&(id, _)| id);
        f.names = names.into_iter().collect();
        f.names.sort_unstable_by_key(|&(id, _)| id);
        f.numbers = numbers.into_iter().collect();
        f.numbers.sort_unstable();
        years.sort_unstable_by_key(|&(y, _)| y);
        f.years = years;
        let mut seen = FxHashSet::default();
        counts.retain(|&(noun, value, _)| seen.insert((noun, value)));
        f.counts = counts;
        // One side of a pair only: a headline with both reports neither.
        // The person it befalls: the first person named within
        // `EVENT_REACH` words after the verb ("fires coach Maurice
        // Cheeks"), else the last one just before it ("Cheeks fired").
        f.events = sides
            .iter()
            .find(|&&(side, ..)| sides.iter().all(|&(o, ..)| o != (side ^ 1)))
            .map(|&(side, at, a, b)| {
                let person = |w: &Option<u32>| w.filter(|t| f.surnames.binary_search(t).is_ok());
                let after = title_words[at + 1..].iter().take(EVENT_REACH);
                let before = title_words[..at].iter().rev().take(EVENT_REACH);
                let persons = after
                    .filter_map(person)
                    .next()
                    .or_else(|| before.filter_map(person).next());
                (side, Surface::Title(a, b), persons.into_iter().collect())
            });
        f.fp = fp.finish();
        f
    }

    /// The IDF-dependent parts of an article's features, with the article
    /// itself counted in the window.
    fn weigh(&self, f: &mut Features) {
        f.idf = f.tf.iter().map(|&(id, _)| self.vocab.idf(id)).collect();
        f.dw = f.tf.iter().zip(&f.idf).map(|(&(_, w), &i)| w * i).collect();
        f.dn = f.dw.iter().map(|&x| x * x).sum();
        let mut w: Vec<(u32, f32)> =
            f.tf.iter()
                .zip(&f.dw)
                .map(|(&(id, _), &x)| (id, x))
                .collect();
        let heavier = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if w.len() > self.cfg.top_terms && self.cfg.top_terms > 0 {
            w.select_nth_unstable_by(self.cfg.top_terms - 1, heavier);
        }
        w.truncate(self.cfg.top_terms);
        w.sort_unstable_by(heavier);
        f.top = w.into_iter().map(|(id, _)| id).collect();
        f.names_norm = f
            .names
            .iter()
            .map(|&(id, n)| (n * self.vocab.idf(id)).powi(2))
            .sum();
        let mut mine: Vec<(u32, f32)> = f
            .names
            .iter()
            .filter(|&&(_, n)| n >= 2.0)
            .map(|&(id, n)| (id, n * self.vocab.idf(id)))
            .collect();
        mine.sort_unstable_by(heavier);
        mine.truncate(3);
        f.central = central_of(&f.prominence, &f.names, &f.full_surnames, 1);
        f.main_names = mine.into_iter().map(|(id, _)| id).collect();
    }

    /// An exact or near copy of an article in the window.
    fn duplicate(&self, f: &Features) -> Option<Assignment> {
        let (serial, why) = if let Some(&serial) = self.exact.get(&f.fp.exact) {
            let orig = self.doc(serial)?;
            (serial, format!("exact copy of {}", orig.id))
        } else {
            let sig = f.fp.minhash.as_ref()?;
            let (serial, j) = self.near.nearest(sig, self.cfg.near_duplicate)?;
            let orig = self.doc(serial)?;
            (
                serial,
                format!("near-duplicate of {} (Jaccard {j:.2})", orig.id),
            )
        };
        let orig = self.doc(serial)?;
        let story = self.resolve(StoryKey(orig.story));
        Some(Assignment {
            story,
            why,
            duplicate_of: Some(orig.id.clone()),
            merged: Vec::new(),
            new_story: false,
            score: 1.0,
            title: String::new(),
        })
    }

    fn candidates(&self, f: &Features) -> Vec<u64> {
        let mut hits: FxHashMap<u64, f32> =
            FxHashMap::with_capacity_and_hasher(1024, Default::default());
        // The article's heaviest words; figures and entities are
        // language-independent: they find the stories a translation or
        // another script's coverage belongs to.
        for &t in f.top.iter().chain(&f.numbers).chain(&f.entities) {
            let idf = self.vocab.idf(t);
            if let Some(p) = self.postings.get(&t) {
                for &s in p.iter().rev().take(POSTING_SCAN) {
                    *hits.entry(s).or_default() += idf;
                }
            }
        }
        // Merged stories live on under their survivor's key.
        let mut live: FxHashMap<u64, f32> = FxHashMap::default();
        for (s, h) in hits {
            let k = self.resolve(StoryKey(s)).0;
            if self.stories.contains_key(&k) {
                *live.entry(k).or_default() += h;
            }
        }
        let mut ranked: Vec<(u64, f32)> = live.into_iter().collect();
        let better = |a: &(u64, f32), b: &(u64, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if ranked.len() > self.cfg.max_candidates && self.cfg.max_candidates > 0 {
            ranked.select_nth_unstable_by(self.cfg.max_candidates - 1, better);
        }
        ranked.truncate(self.cfg.max_candidates);
        ranked.sort_unstable_by(better);
        ranked.into_iter().map(|(k, _)| k).collect()
    }

    fn score(&self, f: &Features, doc: &Doc, key: u64) -> Option<Score> {
        let s = self.stories.get(&key)?;
        let cfg = &self.cfg;
        // A story in other languages than the article's can share no words
        // with it: figures are its main evidence.
        let same_language = s.langs.contains(&f.lang);
        let (threshold, w_numbers) = if same_language {
            (cfg.threshold, cfg.w_numbers)
        } else {
            (cfg.cross_language_threshold, cfg.w_numbers_cross_language)
        };
        let mut sc = Score {
            threshold,
            ..Score::default()
        };
        // Time: a story quiet for longer than the window is closed.
        if let (Some(t), Some(first), Some(last)) = (doc.published, s.first_seen, s.last_seen) {
            let gap = if t < first {
                first - t
            } else if t > last {
                t - last
            } else {
                TimeDelta::zero()
            };
            if gap > cfg.window {
                return None;
            }
            sc.gap = Some(gap);
        }
        // Cosine of TF-IDF vectors: the article's weights are in
        // `scratch` (zero for terms it lacks).
        let mut dot = 0.0f32;
        for &(id, c) in &s.centroid {
            if let Some(&[dw, idf, _]) = self.scratch.get(id as usize) {
                dot += dw * c * idf;
            }
        }
        let dn = f.dn;
        let n = self.vocab.n_docs();
        let (cached, at) = s.norm.get();
        let cn = if cached > 0.0 && n.abs_diff(at) * 100 <= at {
            cached
        } else {
            let cn: f32 = s
                .centroid
                .iter()
                .map(|&(id, c)| {
                    let x = c * self.vocab.idf(id);
                    x * x
                })
                .sum();
            s.norm.set((cn, n));
            cn
        };
        sc.cosine = if dn > 0.0 && cn > 0.0 {
            dot / (dn.sqrt() * cn.sqrt())
        } else {
            0.0
        };
        // Names: cosine, and conflict of the main ones.
        let nn = f.names_norm;
        let mut nd = 0.0f32;
        for &(id, c) in &s.names {
            if let Some(&[_, idf, n]) = self.scratch.get(id as usize) {
                nd += n * idf * story_name_weight(c) * idf;
            }
        }
        if nn > 0.0 && nd > 0.0 {
            let (cached, at) = s.names_norm.get();
            let sn = if cached > 0.0 && n.abs_diff(at) * 100 <= at {
                cached
            } else {
                let sn: f32 = s
                    .names
                    .iter()
                    .map(|&(id, c)| (story_name_weight(c) * self.vocab.idf(id)).powi(2))
                    .sum();
                s.names_norm.set((sn, n));
                sn
            };
            if sn > 0.0 {
                sc.names = nd / (nn.sqrt() * sn.sqrt());
            }
        }
        sc.name_conflict = self.name_conflict(f, s);
        // Names are compared as written: within a language.
        if same_language
            && let Some((x, px)) = f.central
            && let Some((y, py)) = central_of(&s.prominence, &s.names, &s.surnames, s.size)
            && (s.full_surnames.binary_search(&y).is_ok()
                || f.full_surnames.binary_search(&y).is_ok())
            && persons_conflict(
                (x, px, count_of(&s.prominence, x)),
                (y, py, count_of(&f.prominence, y)),
            )
            && !f
                .surfaces
                .get(&x)
                .zip(s.central_surface(y))
                .is_some_and(|(a, b)| spelled_alike(a.get(doc), b))
        {
            sc.central_conflict = Some((x, y));
        }
        sc.count_conflict = count_conflict(f, doc, s);
        // Opposed events: the story's headlines report the other side of
        // the article's pair befalling the same person (a coach fired, the
        // same coach hired), and none of them this side.
        if let Some((side, here, persons)) = &f.events
            && s.events.iter().all(|e| e.side != *side)
            && let Some(e) = s.events.iter().find(|e| e.opposes(*side, persons))
        {
            sc.event_conflict = Some((here.get(doc).to_string(), e.shown.clone()));
        }
        // Years: the main year of each side unknown to the other.
        if let (Some(dy), Some(sy)) = (main_year(&f.years), main_year(&s.years)) {
            sc.year_conflict = dy != sy
                && !s.years.iter().any(|&(y, _)| y == dy)
                && !f.years.iter().any(|&(y, _)| y == sy);
        }
        // Entities and figures.
        // Shared entities, weighted by rarity (everyone names the country)
        // and by how many of the story's members name them.
        let mut ent = 0.0;
        if !f.entities.is_empty() {
            let (mut shared, mut all) = (0.0, 0.0);
            for &e in &f.entities {
                // An entity every article names ("Afghanistan" in an Afghan
                // stream) is no evidence: ln 2 is the IDF of such a term.
                let idf = (self.vocab.idf(e) - std::f32::consts::LN_2).max(0.0);
                all += idf;
                if let Ok(k) = s.entities.binary_search_by_key(&e, |&(id, _)| id) {
                    let w = idf * entity_share(s.entities[k].1, s.size);
                    shared += w;
                    sc.entities.push((e, w));
                }
            }
            // Measured against at least one entity found nowhere else, as
            // figures are: an article naming only a country and its navy
            // shares all its entities with every story of that navy.
            let once = (1.0 + self.vocab.n_docs() as f32).ln() - std::f32::consts::LN_2;
            let all = all.max(once);
            ent = if all > 0.0 { shared / all } else { 0.0 };
        }
        sc.entity_evidence = ent;
        let mut num = 0.0;
        if !f.numbers.is_empty() {
            let (mut shared, mut all) = (0.0, 0.0);
            for &n in &f.numbers {
                let idf = self.vocab.idf(n);
                all += idf;
                if s.numbers.binary_search_by_key(&n, |&(id, _)| id).is_ok() {
                    shared += idf;
                    sc.numbers.push(n);
                }
            }
            // Measured against at least one figure found nowhere else: an
            // article citing one common figure ("29" of a date) shares all
            // its figures with every story that cites it too.
            let all = all.max((1.0 + self.vocab.n_docs() as f32).ln());
            num = if all > 0.0 { shared / all } else { 0.0 };
        }
        // Names in another script: only against a story no member of
        // which shares the article's language (within one language the
        // words themselves match), and only rare ones.
        let mut skel = 0.0;
        if !same_language && cfg.w_skeletons > 0.0 && !f.skeletons.is_empty() {
            let mut shared = 0.0;
            for &(k, script) in &f.skeletons {
                // Written the same way, the name is a word both share; and
                // one side at least must have capitalised it (two scripts
                // without capitals, Hindi and Urdu, share common words).
                if let Ok(i) = s.skeletons.binary_search_by_key(&k, |&(id, _, _)| id)
                    && let other = s.skeletons[i].1 & !script
                    && other != 0
                    && (script | other) & !text::CASELESS_SCRIPTS != 0
                {
                    let idf = (self.vocab.idf(k) - MIN_SKELETON_IDF).max(0.0);
                    if idf > 0.0 {
                        shared += idf;
                        sc.skeletons.push(k);
                    }
                }
            }
            let full = 2.0 * ((1.0 + self.vocab.n_docs() as f32).ln() - MIN_SKELETON_IDF);
            if full > 0.0 {
                skel = (shared / full).min(1.0);
            }
        }
        let time = sc.gap.map_or(0.0, |g| {
            let days = g.num_minutes() as f32 / 1440.0;
            (1.0 + days).log2()
        });
        sc.total = sc.cosine
            + cfg.w_names * sc.names
            + cfg.w_entities * ent.min(1.0)
            + w_numbers * num
            + cfg.w_skeletons * skel
            - cfg.w_name_conflict * sc.name_conflict
            - if sc.central_conflict.is_some() {
                cfg.w_central_conflict
            } else {
                0.0
            }
            - if sc.year_conflict {
                cfg.w_year_conflict
            } else {
                0.0
            }
            - sc.count_conflict
                .as_ref()
                .map_or(0.0, |&(_, _, n)| cfg.w_count_conflict * n / (n + 1.0))
            - if sc.event_conflict.is_some() {
                cfg.w_event_conflict
            } else {
                0.0
            }
            - cfg.w_time * time;
        Some(sc)
    }

    /// How strongly the names an article is about and the names a story is
    /// about exclude each other (0 = no conflict, 1 = none known to the
    /// other side).
    fn name_conflict(&self, f: &Features, s: &Story) -> f32 {
        if f.main_names.is_empty() {
            return 0.0;
        }
        let min_story = (s.size as f32 * 1.5).max(2.0);
        let mut theirs: Vec<(u32, f32)> = s
            .names
            .iter()
            .filter(|&&(_, n)| n >= min_story)
            .map(|&(id, n)| (id, n * self.vocab.idf(id)))
            .collect();
        if theirs.is_empty() {
            return 0.0;
        }
        theirs.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        theirs.truncate(3);
        let mine = &f.main_names;
        let missing_here =
            mine.iter().filter(|&&id| !s.has_term(id)).count() as f32 / mine.len() as f32;
        // The article's words are the non-zero entries of `scratch`.
        let missing_there = theirs
            .iter()
            .filter(|&&(id, _)| self.scratch.get(id as usize).is_none_or(|e| e[0] == 0.0))
            .count() as f32
            / theirs.len() as f32;
        missing_here.min(missing_there)
    }

    /// The central persons of two stories in one language, when they
    /// conflict: an article between them does not bridge them.
    fn stories_conflict(&self, a: u64, b: u64) -> Option<(u32, u32)> {
        let (sa, sb) = (self.stories.get(&a)?, self.stories.get(&b)?);
        if !sa.langs.iter().any(|l| sb.langs.contains(l)) {
            return None;
        }
        let (x, px) = central_of(&sa.prominence, &sa.names, &sa.surnames, sa.size)?;
        let (y, py) = central_of(&sb.prominence, &sb.names, &sb.surnames, sb.size)?;
        let full = |id: &u32| {
            sa.full_surnames.binary_search(id).is_ok() || sb.full_surnames.binary_search(id).is_ok()
        };
        if !full(&x) || !full(&y) {
            return None;
        }
        let alike = sa
            .central_surface(x)
            .zip(sb.central_surface(y))
            .is_some_and(|(a, b)| spelled_alike(a, b));
        (!alike
            && persons_conflict(
                (x, px, count_of(&sb.prominence, x)),
                (y, py, count_of(&sa.prominence, y)),
            ))
        .then_some((x, y))
    }

    /// "about X, not Y": how the article, else a member of the stories,
    /// wrote each name.
    fn central_why(&self, f: &Features, doc: &Doc, stories: &[u64], (x, y): (u32, u32)) -> String {
        let shown = |id: u32| -> String {
            if let Some(x) = f.surfaces.get(&id) {
                return x.get(doc).to_string();
            }
            stories
                .iter()
                .filter_map(|k| self.stories.get(k))
                .find_map(|s| s.central_surfaces.iter().find(|(i, _)| *i == id))
                .map_or_else(|| "?".to_string(), |(_, x)| x.clone())
        };
        format!("about {}, not {}", shown(x), shown(y))
    }

    /// The terms contributing most to the cosine of an article and a story.
    fn shared_terms(&self, f: &Features, s: &Story) -> Vec<u32> {
        let mut contrib: Vec<(u32, f32)> = Vec::new();
        for (i, &(id, _)) in f.tf.iter().enumerate() {
            if let Ok(k) = s.centroid.binary_search_by_key(&id, |&(t, _)| t) {
                contrib.push((id, f.dw[i] * s.centroid[k].1 * f.idf[i]));
            }
        }
        contrib.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        contrib.iter().take(5).map(|&(id, _)| id).collect()
    }

    fn explain(&self, f: &Features, doc: &Doc, story: u64, sc: &Score) -> String {
        let terms = self
            .stories
            .get(&story)
            .map(|s| self.shared_terms(f, s))
            .unwrap_or_default();
        let mut parts = Vec::new();
        let mut shared: Vec<&str> = Vec::new();
        // The weightiest entities first.
        let mut entities = sc.entities.clone();
        entities.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let entities = entities.iter().map(|&(e, _)| e);
        for id in entities
            .chain(terms.iter().copied())
            .chain(sc.numbers.iter().copied())
        {
            if let Some(s) = f.surfaces.get(&id).map(|s| s.get(doc))
                && !shared.iter().any(|x| x.eq_ignore_ascii_case(s))
            {
                shared.push(s);
            }
        }
        shared.truncate(8);
        if !shared.is_empty() {
            parts.push(format!("shares {}", shared.join(", ")));
        }
        parts.push(format!("cosine {:.2}", sc.cosine));
        if !sc.skeletons.is_empty() {
            let names: Vec<&str> = sc
                .skeletons
                .iter()
                .filter_map(|id| f.surfaces.get(id).map(|s| s.get(doc)))
                .take(5)
                .collect();
            parts.push(format!(
                "names alike in another script: {}",
                names.join(", ")
            ));
        }
        if sc.name_conflict > 0.0 {
            parts.push(format!("name conflict {:.2}", sc.name_conflict));
        }
        if let Some(c) = sc.central_conflict {
            parts.push(format!(
                "persons differ: {}",
                self.central_why(f, doc, &[story], c)
            ));
        }
        if let Some((here, there, _)) = &sc.count_conflict {
            parts.push(format!("figures differ: {here}, not {there}"));
        }
        if let Some((here, there)) = &sc.event_conflict {
            parts.push(format!("events differ: {here}, not {there}"));
        }
        if let Some(g) = sc.gap {
            parts.push(format!("{} apart", human_gap(g)));
        }
        parts.push(format!("score {:.2}", sc.total));
        parts.join("; ")
    }

    /// Adds an article to a story (creating it) and to the indexes.
    fn attach(&mut self, doc: Doc, f: Features, story: u64, index: bool) {
        let top: &[u32] = if index { &f.top } else { &[] };
        let serial = self.next_doc;
        self.next_doc += 1;
        let cap = self.cfg.centroid_terms;
        let norm =
            f.tf.iter()
                .map(|(_, w)| w * w)
                .sum::<f32>()
                .sqrt()
                .max(1e-6);
        let s = self.stories.entry(story).or_default();
        add_sorted(&mut s.centroid, f.tf.iter().map(|&(id, w)| (id, w / norm)));
        add_sorted(&mut s.names, f.names.iter().copied());
        let mut entities = f.entities.clone();
        entities.sort_unstable();
        add_sorted(&mut s.entities, entities.into_iter().map(|e| (e, 1.0)));
        add_sorted(&mut s.numbers, f.numbers.iter().map(|&n| (n, 1.0)));
        or_sorted(
            &mut s.skeletons,
            f.skeletons.iter().map(|&(k, script)| (k, script, 1.0)),
        );
        add_years(&mut s.years, &f.years);
        if !s.langs.contains(&f.lang) {
            s.langs.push(f.lang);
        }
        add_sorted(&mut s.prominence, f.prominence.iter().copied());
        union_sorted(&mut s.surnames, &f.surnames);
        union_sorted(&mut s.full_surnames, &f.full_surnames);
        if let Some((id, _)) = f.central
            && s.central_surfaces.len() < NAMES_KEPT
            && s.central_surfaces.iter().all(|(i, _)| *i != id)
            && let Some(x) = f.surfaces.get(&id)
        {
            s.central_surfaces.push((id, x.get(&doc).to_string()));
        }
        for (noun, value, x) in &f.counts {
            match s
                .counts
                .iter_mut()
                .find(|c| c.noun == *noun && c.value == *value)
            {
                Some(c) => c.members += 1.0,
                None => s.counts.push(Counted {
                    noun: *noun,
                    value: *value,
                    members: 1.0,
                    shown: x.get(&doc).to_string(),
                }),
            }
        }
        if let Some((side, x, persons)) = &f.events {
            match s.events.iter_mut().find(|e| e.side == *side) {
                Some(e) => union_sorted(&mut e.persons, persons),
                None => s.events.push(Event {
                    side: *side,
                    shown: x.get(&doc).to_string(),
                    persons: persons.clone(),
                }),
            }
        }
        s.live += 1;
        s.size += 1;
        let headline = doc.title.trim();
        if !headline.is_empty()
            && s.headlines.len() < HEADLINES_KEPT
            && !s.headlines.iter().any(|h| h.text == headline)
        {
            s.headlines.push(Headline {
                text: headline.to_string(),
                terms: f.title_terms.clone(),
            });
        }
        s.norm.set((0.0, 0));
        s.names_norm.set((0.0, 0));
        if let Some(t) = doc.published {
            s.first_seen = Some(s.first_seen.map_or(t, |x| x.min(t)));
            s.last_seen = Some(s.last_seen.map_or(t, |x| x.max(t)));
        }
        let mut new_terms = Vec::new();
        for t in top.iter().chain(&f.numbers).chain(&f.entities) {
            if s.indexed.insert(*t) {
                new_terms.push(*t);
            }
        }
        bound(s, &self.vocab, cap);
        for t in new_terms {
            let p = self.postings.entry(t).or_default();
            p.push(story);
            if p.len() > 8 * POSTING_SCAN {
                let stories = &self.stories;
                let merged = &self.merged_into;
                p.retain(|k| stories.contains_key(k) || merged.contains_key(k));
                if p.len() > 4 * POSTING_SCAN {
                    p.drain(..p.len() - 4 * POSTING_SCAN);
                }
            }
        }
        self.exact.entry(f.fp.exact).or_insert(serial);
        if let Some(sig) = &f.fp.minhash {
            self.near.insert(sig, serial);
        }
        self.docs.push_back((
            serial,
            DocRec {
                id: doc.id,
                story,
                lang: f.lang,
                distinct: f.distinct,
                fp: f.fp,
                published: doc.published,
            },
        ));
        self.peak_window = self.peak_window.max(self.docs.len());
    }

    /// Merges story `from` into `into`; false when either is gone.
    fn merge(&mut self, from: u64, into: u64) -> bool {
        if from == into || !self.stories.contains_key(&into) {
            return false;
        }
        let Some(src) = self.stories.remove(&from) else {
            return false;
        };
        let mut terms: Vec<u32> = src.indexed.iter().copied().collect();
        terms.sort_unstable();
        let Some(dst) = self.stories.get_mut(&into) else {
            return false;
        };
        add_sorted(&mut dst.centroid, src.centroid);
        add_sorted(&mut dst.names, src.names);
        add_sorted(&mut dst.entities, src.entities);
        add_sorted(&mut dst.numbers, src.numbers);
        or_sorted(&mut dst.skeletons, src.skeletons);
        add_years(&mut dst.years, &src.years);
        for l in src.langs {
            if !dst.langs.contains(&l) {
                dst.langs.push(l);
            }
        }
        dst.norm.set((0.0, 0));
        dst.names_norm.set((0.0, 0));
        dst.live += src.live;
        dst.size += src.size;
        for h in src.headlines {
            if dst.headlines.len() < HEADLINES_KEPT
                && !dst.headlines.iter().any(|d| d.text == h.text)
            {
                dst.headlines.push(h);
            }
        }
        add_sorted(&mut dst.prominence, src.prominence);
        union_sorted(&mut dst.surnames, &src.surnames);
        union_sorted(&mut dst.full_surnames, &src.full_surnames);
        for (id, x) in src.central_surfaces {
            if dst.central_surfaces.len() < NAMES_KEPT
                && dst.central_surfaces.iter().all(|(i, _)| *i != id)
            {
                dst.central_surfaces.push((id, x));
            }
        }
        for c in src.counts {
            match dst
                .counts
                .iter_mut()
                .find(|d| d.noun == c.noun && d.value == c.value)
            {
                Some(d) => d.members += c.members,
                None => dst.counts.push(c),
            }
        }
        for e in src.events {
            match dst.events.iter_mut().find(|d| d.side == e.side) {
                Some(d) => union_sorted(&mut d.persons, &e.persons),
                None => dst.events.push(e),
            }
        }
        dst.first_seen = min_opt(dst.first_seen, src.first_seen);
        dst.last_seen = max_opt(dst.last_seen, src.last_seen);
        bound(dst, &self.vocab, self.cfg.centroid_terms);
        let mut new_terms = Vec::new();
        for t in terms {
            if dst.indexed.insert(t) {
                new_terms.push(t);
            }
        }
        for t in new_terms {
            self.postings.entry(t).or_default().push(into);
        }
        self.merged_into.insert(from, into);
        true
    }
}

/// Adds `src` (sorted by id) into `dst` (sorted by id), keeping it sorted.
fn add_sorted(dst: &mut Vec<(u32, f32)>, src: impl IntoIterator<Item = (u32, f32)>) {
    let mut src = src.into_iter().peekable();
    if dst.is_empty() {
        dst.extend(src);
        return;
    }
    let old = std::mem::take(dst);
    dst.reserve(old.len() + src.size_hint().0);
    let mut old = old.into_iter().peekable();
    loop {
        match (old.peek(), src.peek()) {
            (Some(&(a, x)), Some(&(b, y))) => {
                if a < b {
                    dst.push((a, x));
                    old.next();
                } else if b < a {
                    dst.push((b, y));
                    src.next();
                } else {
                    dst.push((a, x + y));
                    old.next();
                    src.next();
                }
            }
            (Some(_), None) => {
                dst.extend(old);
                return;
            }
            (None, Some(_)) => {
                dst.extend(src);
                return;
            }
            (None, None) => return,
        }
    }
}

/// Adds the ids of `src` to the sorted set `dst`.
fn union_sorted(dst: &mut Vec<u32>, src: &[u32]) {
    if src.iter().all(|x| dst.binary_search(x).is_ok()) {
        return;
    }
    dst.extend_from_slice(src);
    dst.sort_unstable();
    dst.dedup();
}

/// Adds the ids of `src` to `dst` (sorted), joining the script bits and
/// adding the counts of an id in both.
fn or_sorted(dst: &mut Vec<(u32, u8, f32)>, src: impl IntoIterator<Item = (u32, u8, f32)>) {
    let mut fresh = Vec::new();
    for (id, bits, n) in src {
        match dst.binary_search_by_key(&id, |&(k, _, _)| k) {
            Ok(i) => {
                dst[i].1 |= bits;
                dst[i].2 += n;
            }
            Err(_) => fresh.push((id, bits, n)),
        }
    }
    if !fresh.is_empty() {
        dst.extend(fresh);
        dst.sort_unstable_by_key(|&(k, _, _)| k);
    }
}

/// Bounds the lists a story gathers from its members, however many it
/// has: the centroid's heaviest `cap` terms (TF-IDF), the names and
/// counted figures repeated most (the ones that can conflict), and the
/// entities, figures and name skeletons its members cite most, and the
/// terms it is filed under (see [`INDEXED_KEPT`]).
fn bound(s: &mut Story, vocab: &Vocab, cap: usize) {
    keep_most(&mut s.names, NAMES_KEPT, |x| x.1, |x| x.0);
    if s.prominence.len() > 2 * NAMES_KEPT {
        keep_most(&mut s.prominence, NAMES_KEPT, |x| x.1, |x| x.0);
        // A person no longer among the prominent names cannot be central.
        let kept = &s.prominence;
        let prominent = |id: &u32| kept.binary_search_by_key(id, |&(t, _)| t).is_ok();
        s.surnames.retain(prominent);
        s.full_surnames.retain(prominent);
    }
    if s.centroid.len() > 2 * cap {
        let mut v: Vec<(u32, f32, f32)> = s
            .centroid
            .iter()
            .map(|&(k, c)| (k, c, c * vocab.idf(k)))
            .collect();
        v.sort_unstable_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        v.truncate(cap);
        v.sort_unstable_by_key(|&(k, _, _)| k);
        s.centroid = v.into_iter().map(|(k, c, _)| (k, c)).collect();
    }
    if s.counts.len() > 2 * COUNTS_KEPT {
        s.counts.sort_by(|a, b| b.members.total_cmp(&a.members));
        s.counts.truncate(COUNTS_KEPT);
    }
    keep_most(&mut s.entities, ENTITIES_KEPT, |x| x.1, |x| x.0);
    keep_most(&mut s.numbers, NUMBERS_KEPT, |x| x.1, |x| x.0);
    keep_most(&mut s.skeletons, SKELETONS_KEPT, |x| x.2, |x| x.0);
    if s.indexed.len() > INDEXED_KEPT {
        s.indexed = s
            .centroid
            .iter()
            .chain(&s.entities)
            .chain(&s.numbers)
            .map(|&(t, _)| t)
            .collect();
    }
}

/// Keeps the `kept` entries of `v` (sorted by id) counted most once it
/// holds more than twice that many (ties: the lower id); sorted by id again.
fn keep_most<T>(v: &mut Vec<T>, kept: usize, count: impl Fn(&T) -> f32, id: impl Fn(&T) -> u32) {
    if v.len() <= 2 * kept {
        return;
    }
    v.sort_unstable_by(|a, b| count(b).total_cmp(&count(a)).then(id(a).cmp(&id(b))));
    v.truncate(kept);
    v.sort_unstable_by_key(|x| id(x));
}

fn add_years(dst: &mut Vec<(u16, f32)>, src: &[(u16, f32)]) {
    for &(y, n) in src {
        match dst.iter_mut().find(|(x, _)| *x == y) {
            Some((_, m)) => *m += n,
            None => dst.push((y, n)),
        }
    }
}

fn min_opt(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

fn max_opt(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    }
}

/// A number worth matching on: not a small count ("two", "5") that every
/// story has.
fn is_figure(key: &str) -> bool {
    key.contains('.') || key.len() >= 2
}

/// The matching key of a figure's value, as the text tokenizer writes it.
fn number_key(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v.abs() as i64)
    } else {
        let s = format!("{:.6}", v.abs());
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The weight of a name in a story's names vector, from how often its
/// members wrote it (summed): its square root. The name of a topic that
/// every member repeats (a product, a group, a country) would otherwise
/// outweigh all the story's other names together, and any article of the
/// topic that repeats it would match the story's names as well as another
/// report of the same event does.
fn story_name_weight(count: f32) -> f32 {
    count.sqrt()
}

/// The count of `id` in a list sorted by id (0 when absent).
fn count_of(list: &[(u32, f32)], id: u32) -> f32 {
    list.binary_search_by_key(&id, |&(t, _)| t)
        .map_or(0.0, |i| list[i].1)
}

/// The central person of an article or a story of `members` articles, with
/// its prominence: of the persons' last names (`surnames`) written as names
/// at least twice and in at least [`CENTRAL_CASED`] of their occurrences,
/// the most prominent, if named at least [`CENTRAL_MIN`]
/// times per member.
fn central_of(
    prominence: &[(u32, f32)],
    names: &[(u32, f32)],
    surnames: &[u32],
    members: usize,
) -> Option<(u32, f32)> {
    let mut best: Option<(u32, f32)> = None;
    for &(id, p) in prominence {
        if surnames.binary_search(&id).is_ok()
            && count_of(names, id) >= CENTRAL_CASED * p
            && best.is_none_or(|(_, b)| p > b)
        {
            best = Some((id, p));
        }
    }
    let (id, p) = best?;
    (p >= CENTRAL_MIN * members.max(1) as f32 && count_of(names, id) >= 2.0).then_some((id, p))
}

/// Whether two written names are one name spelled two ways ("Wilson" and
/// "Willson", "Gaddafi" and "Qaddafi"): at least four letters each, and
/// one letter added, dropped or changed at most. Outlets and
/// transliterations disagree on such spellings; two persons' names rarely
/// differ so little.
fn spelled_alike(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    if a.len() < 4 || b.len() < 4 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    // Levenshtein distance, one row at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()] <= 1
}

/// Whether two sides are about different persons: `(x, px, x_there)` is
/// one side's central person, its prominence there and on the other side;
/// `(y, py, y_here)` the other side's. See [`CENTRAL_SHARE`].
fn persons_conflict((x, px, x_there): (u32, f32, f32), (y, py, y_here): (u32, f32, f32)) -> bool {
    x != y
        && x_there < CENTRAL_SHARE * py
        && y_here < CENTRAL_SHARE * px
        && (x_there == 0.0 || y_here == 0.0)
}

/// Whether an article and a story state different counts of one thing in
/// their leads: the article says `a` of a noun, the story's members say
/// `b` (the most stated) and never `a`, nor cite `a` anywhere among their
/// words and figures, and the article never writes `b`. Returns both as
/// written, with how many members state the story's. Two captures of 23
/// and of 26 pirates are two events; a toll
/// that rose from 23 to 26 is cited with its old figure by some report.
fn count_conflict(f: &Features, doc: &Doc, s: &Story) -> Option<(String, String, f32)> {
    for (noun, a, here) in &f.counts {
        let mut theirs: Option<&Counted> = None;
        let mut agrees = false;
        for c in s.counts.iter().filter(|c| c.noun == *noun) {
            agrees |= c.value == *a;
            if theirs.is_none_or(|t| c.members > t.members) {
                theirs = Some(c);
            }
        }
        let Some(b) = theirs else {
            continue;
        };
        if agrees
            || f.tf.binary_search_by_key(&b.value, |&(t, _)| t).is_ok()
            || f.counts.iter().any(|(n, v, _)| n == noun && *v == b.value)
        {
            continue;
        }
        return Some((here.get(doc).to_string(), b.shown.clone(), b.members));
    }
    None
}

/// The same between two stories: the most stated count of a noun differs,
/// and neither states or cites the other's.
fn stories_count_conflict(x: &Story, y: &Story) -> Option<(String, String)> {
    let top = |s: &Story, noun: u32| -> Option<Counted> {
        s.counts
            .iter()
            .filter(|c| c.noun == noun)
            .max_by(|a, b| a.members.total_cmp(&b.members))
            .cloned()
    };
    let cites = |s: &Story, c: &Counted| {
        s.has_term(c.value)
            || s.numbers
                .binary_search_by_key(&c.value, |&(id, _)| id)
                .is_ok()
            || s.counts
                .iter()
                .any(|d| d.noun == c.noun && d.value == c.value)
    };
    for c in &x.counts {
        let (Some(a), Some(b)) = (top(x, c.noun), top(y, c.noun)) else {
            continue;
        };
        if a.value != b.value && !cites(y, &a) && !cites(x, &b) {
            return Some((a.shown, b.shown));
        }
    }
    None
}

/// The same for opposed events: one story's headlines report one side of
/// a pair only, the other's the other side only, befalling one person.
fn stories_event_conflict(x: &Story, y: &Story) -> Option<(String, String)> {
    let has = |s: &Story, side: usize| s.events.iter().any(|e| e.side == side);
    x.events.iter().find_map(|a| {
        if has(x, a.side ^ 1) || has(y, a.side) {
            return None;
        }
        y.events
            .iter()
            .find(|b| b.opposes(a.side, &a.persons))
            .map(|b| (a.shown.clone(), b.shown.clone()))
    })
}

fn main_year(years: &[(u16, f32)]) -> Option<u16> {
    years
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|&(y, _)| y)
}

fn human_gap(g: TimeDelta) -> String {
    let m = g.num_minutes();
    if m < 60 {
        format!("{m} min")
    } else if m < 48 * 60 {
        format!("{} h", m / 60)
    } else {
        format!("{} days", m / 1440)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_vectors_add_and_unite() {
        let mut a = vec![(1, 1.0), (4, 2.0), (9, 0.5)];
        add_sorted(&mut a, [(0, 3.0), (4, 1.0), (10, 1.0)]);
        assert_eq!(a, [(0, 3.0), (1, 1.0), (4, 3.0), (9, 0.5), (10, 1.0)]);
        let mut e = Vec::new();
        add_sorted(&mut e, [(2, 1.0)]);
        assert_eq!(e, [(2, 1.0)]);
        let mut s = vec![2, 5];
        union_sorted(&mut s, &[7, 2, 1]);
        assert_eq!(s, [1, 2, 5, 7]);
        let mut y = vec![(2024, 1.0)];
        add_years(&mut y, &[(2024, 2.0), (2013, 1.0)]);
        assert_eq!(y, [(2024, 3.0), (2013, 1.0)]);
    }

    #[test]
    fn a_story_followed_for_long_keeps_bounded_lists() {
        // A made-up name, one per number, each written with its own
        // consonants (a name skeleton of its own).
        fn name(i: usize) -> String {
            const SOUNDS: &[u8] = b"ptkslrmn";
            let mut at = i % 8;
            let mut rest = i / 8;
            let mut s = String::new();
            for k in 0..5 {
                if k > 0 {
                    at = (at + 1 + rest % 7) % 8;
                    rest /= 7;
                }
                s.push(char::from(SOUNDS[at]));
                s.push('a');
            }
            s[..1].to_uppercase() + &s[1..]
        }
        let mut c = Clusterer::new(Config::default());
        let members = 3 * (ENTITIES_KEPT + NUMBERS_KEPT + SKELETONS_KEPT);
        for i in 0..members {
            let (a, b) = (name(2 * i), name(2 * i + 1));
            c.restore(
                Doc {
                    title: format!("Harbour strike enters day {i}"),
                    text: format!(
                        "The dock workers of the harbour stayed out again, and {a} and {b} \
                         spoke for them. The union counts 4817 members on strike, and the \
                         company said it had lost {} tonnes of cargo.",
                        100_000 + 37 * i
                    ),
                    entities: vec![
                        "organization:dockers-union".into(),
                        format!("person:{}", a.to_lowercase()),
                        format!("person:{}", b.to_lowercase()),
                    ],
                    ..Doc::new(format!("d{i}"))
                },
                StoryKey(1),
            );
        }
        let s = &c.stories[&c.resolve(StoryKey(1)).0];
        assert_eq!(s.size, members);
        // Filled, then cut back: each member brought new ones.
        for (len, kept) in [
            (s.entities.len(), ENTITIES_KEPT),
            (s.numbers.len(), NUMBERS_KEPT),
            (s.skeletons.len(), SKELETONS_KEPT),
        ] {
            assert!((kept..=2 * kept).contains(&len), "{len} of {kept}");
        }
        assert!(s.centroid.len() <= 2 * Config::default().centroid_terms);
        // Filed under more terms than it keeps, then cut back to those.
        assert!(
            (1..=INDEXED_KEPT).contains(&s.indexed.len()),
            "{}",
            s.indexed.len()
        );
        assert!(s.entities.iter().all(|(e, _)| s.indexed.contains(e)));
        // What every member cites stays.
        let union = c.vocab.get("\u{1}organization:dockers-union");
        assert!(
            union.is_some_and(|u| s
                .entities
                .iter()
                .any(|&(e, n)| e == u && n == members as f32)),
            "{:?}",
            &s.entities[..4]
        );
        assert!(s.numbers.iter().any(|&(_, n)| n == members as f32));
    }

    #[test]
    fn a_central_person_is_the_one_named_most_and_often() {
        // Prominences and name counts of words 1..=4; 1, 2 and 3 are
        // persons' last names.
        let prominence = [(1, 6.0), (2, 2.0), (3, 7.0), (4, 9.0)];
        let names = [(1, 3.0), (2, 2.0), (3, 1.0), (4, 5.0)];
        // 4 is more prominent but no person's name.
        assert_eq!(central_of(&prominence, &names, &[1, 2], 1), Some((1, 6.0)));
        // 3 is named most, but written as a name once in 7: a common
        // noun, so 1 is central.
        assert_eq!(
            central_of(&prominence, &names, &[1, 2, 3], 1),
            Some((1, 6.0))
        );
        // Named too rarely.
        assert_eq!(central_of(&prominence, &names, &[2], 1), None);
        // Written as a name only once.
        assert_eq!(central_of(&prominence, &names, &[3], 1), None);
        // Too rare for a story of two members.
        assert_eq!(central_of(&prominence, &names, &[1, 2], 2), None);
        // A word written in lower case most of the times it occurs (4
        // occurs 9 times, 2 of them as a name) is no person's name; the
        // next person is central.
        let names = [(1, 3.0), (2, 2.0), (3, 1.0), (4, 2.0)];
        assert_eq!(central_of(&prominence, &names, &[1, 4], 1), Some((1, 6.0)));
    }

    #[test]
    fn persons_conflict_when_each_side_is_about_another() {
        // Okafor named 6 times here, never there; Velasquez 8 times there,
        // twice here in passing.
        assert!(persons_conflict((1, 6.0, 0.0), (2, 8.0, 2.0)));
        // The same person.
        assert!(!persons_conflict((1, 6.0, 0.0), (1, 8.0, 2.0)));
        // The story names the article's person prominently too.
        assert!(!persons_conflict((1, 6.0, 5.0), (2, 8.0, 2.0)));
        // The article names the story's person half as often as its own.
        assert!(!persons_conflict((1, 6.0, 0.0), (2, 8.0, 3.0)));
        // Each names the other's in passing: not one side unaware.
        assert!(!persons_conflict((1, 6.0, 1.0), (2, 8.0, 1.0)));
    }

    fn player(c: &mut Clusterer, id: &str, name: &str, other: Option<&str>) -> Assignment {
        c.add(player_doc(id, name, other))
    }

    /// A report of a player's arrest, naming a teammate in passing.
    fn player_doc(id: &str, name: &str, other: Option<&str>) -> Doc {
        let first = name.split(' ').next().unwrap_or_default();
        let last = name.split(' ').next_back().unwrap_or_default();
        let mut text = format!(
            "The Harbor City Comets said {name} was arrested on the coast road. \
             Officers stopped {last} near the harbour bridge and {last} failed a \
             sobriety test. The league will review the case of {last}, and the \
             Comets said {last} would miss the playoff game."
        );
        let mut entities = vec![format!(
            "person:{}-{}",
            first.to_lowercase(),
            last.to_lowercase()
        )];
        if let Some(o) = other {
            text.push_str(&format!(" Teammate {o} was arrested on the same road."));
        }
        entities.push("organization:harbor-city-comets".into());
        Doc {
            title: format!("Comets player {last} arrested"),
            text,
            entities,
            ..Doc::new(id)
        }
    }

    #[test]
    fn an_article_about_both_persons_does_not_bridge_their_stories() {
        let mut c = Clusterer::new(Config::default());
        c.restore(player_doc("v", "Dario Velasquez", None), StoryKey(1));
        c.restore(
            player_doc("o", "Tomas Okafor", Some("Velasquez")),
            StoryKey(2),
        );
        let both = c.add(Doc {
            title: "Two Comets players arrested on the coast road".into(),
            text: "The Harbor City Comets said Dario Velasquez and Tomas Okafor were \
                   arrested on the coast road. Officers stopped Velasquez and Okafor \
                   near the harbour bridge, and Velasquez and Okafor failed a sobriety \
                   test. The league will review the cases, and the Comets said both \
                   would miss the playoff game."
                .into(),
            entities: vec![
                "person:dario-velasquez".into(),
                "person:tomas-okafor".into(),
                "organization:harbor-city-comets".into(),
            ],
            ..Doc::new("both")
        });
        assert!(!both.new_story, "{}", both.why);
        assert!(both.merged.is_empty(), "{}", both.why);
        assert!(
            both.why.contains("does not bridge story")
                && both.why.contains("persons differ: about"),
            "{}",
            both.why
        );
        assert_ne!(c.resolve(StoryKey(1)), c.resolve(StoryKey(2)));
    }

    #[test]
    fn two_stories_about_different_persons_are_not_bridged() {
        // Two stories however alike their words.
        let mut c = Clusterer::new(Config {
            threshold: 2.0,
            ..Config::default()
        });
        let v = player(&mut c, "v", "Dario Velasquez", None);
        let o = player(&mut c, "o", "Tomas Okafor", Some("Velasquez"));
        let v2 = player(
            &mut c,
            "v2",
            "Dario Velasquez",
            Some("Ana Ruiz of the practice squad, whose hearing the league delayed until spring,"),
        );
        assert!(o.new_story && v2.new_story);
        assert_eq!(
            c.stories_conflict(o.story.0, v.story.0),
            Some((
                c.vocab.get("okafor").unwrap(),
                c.vocab.get("velasquez").unwrap()
            ))
        );
        // Two stories about one person.
        assert_eq!(c.stories_conflict(v.story.0, v2.story.0), None);
    }

    #[test]
    fn names_spelled_one_letter_apart_are_alike() {
        assert!(spelled_alike("Wilson", "Willson"));
        assert!(spelled_alike("Gaddafi", "Qaddafi"));
        assert!(spelled_alike("Velasquez", "velazquez"));
        assert!(!spelled_alike("Velasquez", "Okafor"));
        assert!(!spelled_alike("Brown", "Bryan"));
        // Too short to tell.
        assert!(!spelled_alike("Kim", "Kin"));
    }

    /// The score of `doc` against story `key`, as `add` would compute it.
    fn score_of(c: &mut Clusterer, doc: &Doc, key: u64) -> Score {
        let mut f = c.features(doc);
        c.weigh(&mut f);
        if c.scratch.len() < c.vocab.len() {
            c.scratch.resize(c.vocab.len(), [0.0; 3]);
        }
        for (i, &(id, _)) in f.tf.iter().enumerate() {
            c.scratch[id as usize] = [f.dw[i], f.idf[i], 0.0];
        }
        for &(id, n) in &f.names {
            c.scratch[id as usize][2] = n;
        }
        let sc = c.score(&f, doc, key).unwrap();
        for &(id, _) in &f.tf {
            c.scratch[id as usize] = [0.0; 3];
        }
        sc
    }

    #[test]
    fn two_spellings_of_one_name_are_one_person() {
        let mut c = Clusterer::new(Config::default());
        c.restore(player_doc("v", "Dario Velasquez", None), StoryKey(1));
        let same = player_doc("w", "Dario Velazquez", None);
        assert_eq!(score_of(&mut c, &same, 1).central_conflict, None);
        let other = player_doc("o", "Tomas Okafor", None);
        assert!(score_of(&mut c, &other, 1).central_conflict.is_some());
    }

    #[test]
    fn an_acronym_is_no_persons_name() {
        let mut c = Clusterer::new(Config::default());
        let doc = Doc {
            text: "Inspectors of the Harbor SPCA met Dario Velasquez. The SPCA said \
                   Velasquez helped."
                .into(),
            entities: vec!["person:harbor-spca".into(), "person:dario-velasquez".into()],
            ..Doc::new("a")
        };
        let f = c.features(&doc);
        assert_eq!(f.surnames, [c.vocab.get("velasquez").unwrap()]);
    }

    #[test]
    fn a_topic_name_every_member_repeats_does_not_outweigh_the_rest() {
        // A story about a waterproofing test of the Orbis phone, each
        // member naming Orbis often and the test's persons and places.
        let member = |id: &str, who: &str| Doc {
            title: format!("Orbis phone survives {who} pool test"),
            text: format!(
                "The new Orbis phone survived a pool test by {who} in Lisbon. The \
                 Orbis handset stayed dry, {who} said, and Orbis engineers in Lisbon \
                 confirmed the Orbis seal. Marta Quill of Orbis said the Orbis case \
                 held, and Orbis shares rose."
            ),
            ..Doc::new(id)
        };
        let mut c = Clusterer::new(Config::default());
        c.restore(member("a", "Jon Abel"), StoryKey(1));
        c.restore(member("b", "Jon Abel"), StoryKey(1));
        c.restore(member("c", "Ida Brenn"), StoryKey(1));
        // Another claim about the same phone: its price, from an analyst.
        let price = Doc {
            title: "Analyst prices the Orbis phone at 900".into(),
            text: "Analyst Gene Marlow of Kestrel Capital expects the Orbis phone to \
                   cost 900. Marlow said Orbis buyers in Tokyo and Orbis fans in Osaka \
                   would pay more, and Kestrel sees Orbis margins growing as Orbis \
                   cuts parts costs."
                .into(),
            ..Doc::new("p")
        };
        // Another report of the pool test, naming its persons and place.
        let test = Doc {
            title: "Pool test of the Orbis phone".into(),
            text: "Jon Abel dropped the Orbis phone into a pool in Lisbon, and Ida \
                   Brenn timed it. Marta Quill said Abel and Brenn found it dry."
                .into(),
            ..Doc::new("t")
        };
        let (p, t) = (score_of(&mut c, &price, 1), score_of(&mut c, &test, 1));
        assert!(p.names < 0.5, "{}", p.names);
        assert!(t.names > p.names, "{} {}", t.names, p.names);
    }

    #[test]
    fn a_few_common_entities_are_not_full_evidence() {
        let doc = |id: &str, entities: &[&str], words: &str| Doc {
            title: format!("Harbour report {id}"),
            text: format!("Crews reported {words} at the harbour."),
            entities: entities.iter().map(|e| e.to_string()).collect(),
            ..Doc::new(id)
        };
        let mut c = Clusterer::new(Config::default());
        // Twenty stories, every other one naming Valdora; one names
        // Brightwater.
        for i in 0..20 {
            let own = format!("place:town-{i}");
            let mut e = vec![own.as_str()];
            if i % 2 == 0 {
                e.push("place:valdora");
            }
            if i == 0 {
                e.push("organization:brightwater");
            }
            c.restore(
                doc(&format!("s{i}"), &e, &format!("cargo {i}")),
                StoryKey(i + 1),
            );
        }
        // Naming only Valdora: a little evidence, not all of it.
        let common = doc("a", &["place:valdora"], "cargo 0");
        let sc = score_of(&mut c, &common, 1);
        assert!(
            sc.entity_evidence > 0.0 && sc.entity_evidence < 0.3,
            "{}",
            sc.entity_evidence
        );
        // Naming an entity no other story names: strong evidence.
        let rare = doc("b", &["organization:brightwater"], "cargo 0");
        let sc = score_of(&mut c, &rare, 1);
        assert!(sc.entity_evidence > 0.8, "{}", sc.entity_evidence);
    }

    #[test]
    fn entity_shares_grow_with_members_and_shrink_with_size() {
        assert_eq!(entity_share(1.0, 1), 1.0);
        for size in 1..50 {
            assert_eq!(entity_share(size as f32, size), 1.0);
            for n in 1..size {
                let w = entity_share(n as f32, size);
                assert!(w > 0.0 && w <= 1.0);
                assert!(w < entity_share(n as f32 + 1.0, size));
                assert!(w > entity_share(n as f32, size + 1));
            }
        }
        // One member of 26: a sixth of an entity all of them name.
        assert!((entity_share(1.0, 26) - 1.0 / 6.0).abs() < 1e-6);
    }

    /// The counted figures `CountScan` finds in a text, as "value noun".
    fn counted(text: &str) -> Vec<String> {
        let mut vocab = Vocab::default();
        let mut scan = CountScan::default();
        let mut found = Vec::new();
        text::scan(text, |w| {
            let id = w.key.map(|k| vocab.intern(k));
            if let Some((_, _, a, b)) = scan.push(text, w, id, w.offset < LEAD_BYTES) {
                found.push(text[a..b].to_string());
            }
        });
        found
    }

    #[test]
    fn counts_are_a_number_and_the_plural_noun_after_it() {
        assert_eq!(
            counted("Marines detained 26 Corsican smugglers and 3 smuggler boats."),
            ["26 Corsican smugglers", "3 smuggler boats"]
        );
        assert_eq!(
            counted("The storm sank 32 fishing boats."),
            ["32 fishing boats"]
        );
        // Tolls and the people an event touches rise from report to
        // report: not counts to contradict.
        assert!(counted("The storm left 320 people and 41 families homeless.").is_empty());
        assert!(counted("Rescuers found 12 bodies and 30 injured villagers.").is_empty());
        // Measures, multiples, years, lone units and sentence ends are not
        // counts.
        assert!(counted("The ship was 13 nautical miles away for 9 hours.").is_empty());
        assert!(counted("The channel has 50 million followers.").is_empty());
        assert!(counted("In 2011 smugglers came back. Of them 1 boat sank.").is_empty());
        assert!(counted("They fired 9. Six shots followed, 12, rangers said.").is_empty());
        assert!(counted("Police held 23 of the smugglers.").is_empty());
        // Only in the lead.
        let late = format!(
            "{} Police held 23 smugglers.",
            "Quiet words here. ".repeat(40)
        );
        assert!(counted(&late).is_empty());
    }

    /// A report of a capture of `n` smugglers by a coast guard cutter, in
    /// one of three outlets' wordings, with `extra` at the end.
    fn capture(id: &str, n: u32, extra: &str) -> Doc {
        let wording = [
            "The cutter Brightwater chased the boats for an hour before the \
             smugglers surrendered, and officers found fuel drums and rifles on board.",
            "Officers on the cutter Brightwater fired warning shots, boarded both \
             boats and seized rifles, radios and fuel drums, a spokesman said.",
            "Brightwater, a patrol cutter, answered a distress call from a freighter \
             the boats had circled near the Marrow lighthouse since dawn.",
        ];
        let k = id.bytes().map(usize::from).sum::<usize>() % wording.len();
        Doc {
            title: format!("Coast guard seizes {n} smugglers off Valdora"),
            text: format!(
                "The Valdora coast guard said it seized {n} smugglers aboard two fast \
                 boats in the Marrow Strait on Thursday. {} {extra}",
                wording[k]
            ),
            ..Doc::new(id)
        }
    }

    /// The end of a report of another capture.
    const OTHER_CAPTURE: &str = "Fishermen in the port of Selby said patrols had grown \
        since spring storms closed the northern lanes, and the harbour master expects \
        more arrests before the ferry season.";

    #[test]
    fn different_counts_in_the_leads_keep_two_events_apart() {
        let mut c = Clusterer::new(Config::default());
        let a = c.add(capture("a", 23, "The strait is busy with tankers."));
        let b = c.add(capture("b", 23, "Tankers crowd the strait."));
        assert_eq!(a.story, b.story, "{}", b.why);
        assert!(b.duplicate_of.is_none(), "{}", b.why);
        let d = c.add(capture("c", 26, OTHER_CAPTURE));
        assert!(d.new_story, "{}", d.why);
        assert!(
            d.why
                .contains("figures differ: 26 smugglers, not 23 smugglers"),
            "{}",
            d.why
        );
        // A report that cites the earlier figure is an update, not another
        // event.
        let mut c = Clusterer::new(Config::default());
        let a = c.add(capture("a", 23, "The strait is busy with tankers."));
        let u = c.add(capture("c", 26, "Officials first said 23 were held."));
        assert_eq!(u.story, a.story, "{}", u.why);
        assert!(!u.why.contains("figures differ"), "{}", u.why);
        // Without the penalty the two captures are one story.
        let mut c = Clusterer::new(Config {
            w_count_conflict: 0.0,
            ..Config::default()
        });
        let a = c.add(capture("a", 23, "The strait is busy with tankers."));
        let d = c.add(capture("c", 26, OTHER_CAPTURE));
        assert_eq!(d.story, a.story, "{}", d.why);
        assert!(d.duplicate_of.is_none(), "{}", d.why);
    }

    #[test]
    fn a_rising_toll_stays_in_its_story() {
        let quake = |id: &str, toll: &str, tail: &str| Doc {
            title: format!("Valdora earthquake kills {toll} people"),
            text: format!(
                "A magnitude 6.1 earthquake struck the mountain villages of Valdora \
                 province before dawn on Sunday and killed at least {toll} people, \
                 the provincial disaster authority said. Mud-brick houses collapsed \
                 across the Marrow valley and rescuers dug through rubble by hand. {tail}"
            ),
            ..Doc::new(id)
        };
        let mut c = Clusterer::new(Config::default());
        let a = c.add(quake("a", "800", "Roads to the valley were blocked."));
        let b = c.add(quake("b", "800", "Aid convoys waited at the pass."));
        assert_eq!(a.story, b.story, "{}", b.why);
        let u = c.add(quake(
            "c",
            "1,000",
            "The authority expects the toll to rise.",
        ));
        assert_eq!(u.story, a.story, "{}", u.why);
        assert!(!u.why.contains("figures differ"), "{}", u.why);
    }

    #[test]
    fn two_stories_counting_differently_are_not_bridged() {
        let mut c = Clusterer::new(Config::default());
        c.restore(capture("a", 23, "The strait is busy."), StoryKey(1));
        c.restore(capture("b", 23, "Tankers wait."), StoryKey(1));
        c.restore(capture("d", 26, "The strait is busy."), StoryKey(2));
        // A story that also cites the other's count does not conflict.
        c.restore(capture("e", 26, "Officials first said 23."), StoryKey(3));
        let (x, y) = (&c.stories[&1], &c.stories[&2]);
        assert_eq!(
            stories_count_conflict(x, y),
            Some(("23 smugglers".to_string(), "26 smugglers".to_string()))
        );
        assert_eq!(stories_count_conflict(x, &c.stories[&3]), None);
    }
}
