//! Search requests and results, the translation of a parsed query into
//! tantivy queries, and the one-pass collector for facets and the histogram.

use std::collections::HashMap;
use std::ops::Bound;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};

use tantivy::columnar::{Cardinality, Column, ColumnValues, StrColumn};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime as TDateTime, DocId, Score, SegmentOrdinal, SegmentReader, Term};

use crate::analyzer::analyze;
use crate::query::{Expr, TextField};
use crate::schema::{F_ENTITY, F_LANG, F_OUTLET, F_PUBLISHED, F_TOPIC, Fields};

/// How hits are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best match first (BM25; title words count double).
    #[default]
    Relevance,
    /// Newest first.
    Date,
}

/// Structured filters, ANDed with the query (what a facet click or a form
/// field adds; values are exact, as the facets return them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Published at or after.
    pub since: Option<DateTime<Utc>>,
    /// Published before.
    pub until: Option<DateTime<Utc>>,
    /// Any of these outlets (exact names).
    pub outlets: Vec<String>,
    /// Any of these languages (`fa`, `en`, …; subtags are ignored).
    pub langs: Vec<String>,
    /// Any of these topics.
    pub topics: Vec<String>,
    /// Every one of these entities (canonical names).
    pub entities: Vec<String>,
    pub story: Option<u64>,
}

/// One search.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    /// In the query language of [`crate::query`]; empty means everything.
    pub query: String,
    pub filters: Filters,
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
    /// Count outlets, languages, topics and entities over all matches.
    pub facets: bool,
    /// Count matches per UTC day.
    pub histogram: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            filters: Filters::default(),
            sort: Sort::Relevance,
            limit: 20,
            offset: 0,
            facets: false,
            histogram: false,
        }
    }
}

impl SearchRequest {
    /// A request for `query` with the defaults (20 hits by relevance, no facets).
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        }
    }
}

/// One hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The article id in the store.
    pub id: u64,
    /// BM25 score (0 when sorted by date).
    pub score: f32,
    pub published: DateTime<Utc>,
    pub title: String,
    pub outlet: Option<String>,
    pub lang: Option<String>,
    /// HTML: the title with the matched words in `<b>`, every character
    /// escaped (the index does not store the body); a [`crate::Highlighter`]
    /// builds the snippet from the whole text the caller holds.
    pub snippet_html: String,
}

/// A value and how many matching documents have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// Counts over every matching document (not only the page of hits), most
/// frequent first.
///
/// Past [`EXACT_FACETS`] matches in a segment, one match in
/// [`FACET_STRIDE`] (picked by a hash of its id) is counted and weighted by
/// the stride (as Elasticsearch's
/// sampler aggregation does): a search over most of a million articles stays
/// fast, and `estimated` says the counts are then estimates (within a few
/// tenths of a percent of the total at that size). The total and the
/// histogram are always exact.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    pub outlet: Vec<FacetCount>,
    pub lang: Vec<FacetCount>,
    pub topic: Vec<FacetCount>,
    pub entity: Vec<FacetCount>,
    /// The counts were estimated from a sample of the matches.
    pub estimated: bool,
}

/// Matches of one segment whose facets are counted one by one.
pub const EXACT_FACETS: u64 = 20_000;

/// Past [`EXACT_FACETS`], one match in this many is counted for the facets
/// (a power of two).
pub const FACET_STRIDE: u64 = 8;

/// Matches on one UTC day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayCount {
    pub day: NaiveDate,
    pub count: u64,
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// Matching documents in all.
    pub total: u64,
    pub hits: Vec<Hit>,
    /// Empty unless asked for.
    pub facets: Facets,
    /// Days with at least one match, in order; empty unless asked for.
    pub histogram: Vec<DayCount>,
}

/// How many values of each facet are returned.
pub const FACET_TOP: usize = 20;

/// Weight of a title match against a body match.
const TITLE_BOOST: Score = 2.0;

pub(crate) fn compile(expr: &Expr, f: &Fields) -> Box<dyn Query> {
    match expr {
        Expr::All => Box::new(AllQuery),
        Expr::And(parts) => {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            let mut positive = false;
            for p in parts {
                match p {
                    Expr::Not(inner) => clauses.push((Occur::MustNot, compile(inner, f))),
                    other => {
                        positive = true;
                        clauses.push((Occur::Must, compile(other, f)));
                    }
                }
            }
            if !positive {
                clauses.push((Occur::Must, Box::new(AllQuery)));
            }
            Box::new(BooleanQuery::new(clauses))
        }
        Expr::Or(parts) => Box::new(BooleanQuery::new(
            parts
                .iter()
                .map(|p| (Occur::Should, compile(p, f)))
                .collect(),
        )),
        Expr::Not(inner) => Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
            (Occur::MustNot, compile(inner, f)),
        ])),
        Expr::Text { field, text, .. } => {
            let terms = analyze(text);
            let fields: &[(Field, Score)] = match field {
                // The teaser has no positions (its words are in the body).
                TextField::Any if terms.len() > 1 => &[(f.title, TITLE_BOOST), (f.text, 1.0)],
                TextField::Any => &[(f.title, TITLE_BOOST), (f.teaser, 1.0), (f.text, 1.0)],
                TextField::Title => &[(f.title, 1.0)],
                TextField::Outlet => &[(f.outlet_text, 1.0)],
                TextField::Entity => &[(f.entity_text, 1.0)],
                TextField::Speaker => &[(f.speaker_text, 1.0)],
            };
            if terms.is_empty() {
                // Punctuation only: it constrains nothing.
                return Box::new(AllQuery);
            }
            let per_field: Vec<(Occur, Box<dyn Query>)> = fields
                .iter()
                .map(|&(field, boost)| {
                    let q: Box<dyn Query> = if terms.len() == 1 {
                        Box::new(TermQuery::new(
                            Term::from_field_text(field, &terms[0]),
                            IndexRecordOption::WithFreqs,
                        ))
                    } else {
                        Box::new(PhraseQuery::new(
                            terms
                                .iter()
                                .map(|t| Term::from_field_text(field, t))
                                .collect(),
                        ))
                    };
                    let q = if boost == 1.0 {
                        q
                    } else {
                        Box::new(BoostQuery::new(q, boost))
                    };
                    (Occur::Should, q)
                })
                .collect();
            if per_field.len() == 1 {
                per_field
                    .into_iter()
                    .next()
                    .map_or_else(|| Box::new(EmptyQuery) as Box<dyn Query>, |(_, q)| q)
            } else {
                Box::new(BooleanQuery::new(per_field))
            }
        }
        Expr::Lang(l) => exact(f.lang, l),
        Expr::Topic(t) => exact(f.topic, t),
        Expr::Story(s) => Box::new(ConstScoreQuery::new(
            Box::new(TermQuery::new(
                Term::from_field_u64(f.story, *s),
                IndexRecordOption::Basic,
            )),
            0.0,
        )),
        Expr::Date { since, until } => date_range(f.published, *since, *until),
    }
}

/// A filter that matches an exact indexed value and adds nothing to the score.
fn exact(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(
        Box::new(TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        )),
        0.0,
    ))
}

fn any_of(field: Field, values: &[String], key: impl Fn(&str) -> String) -> Box<dyn Query> {
    if values.len() == 1 {
        return exact(field, &key(&values[0]));
    }
    Box::new(BooleanQuery::new(
        values
            .iter()
            .map(|v| (Occur::Should, exact(field, &key(v))))
            .collect(),
    ))
}

fn date_range(
    field: Field,
    since: Option<DateTime<Utc>>,
    until: Option<DateTime<Utc>>,
) -> Box<dyn Query> {
    let term = |t: DateTime<Utc>| {
        Term::from_field_date(field, TDateTime::from_timestamp_secs(t.timestamp()))
    };
    let lo = since.map_or(Bound::Unbounded, |t| Bound::Included(term(t)));
    let hi = until.map_or(Bound::Unbounded, |t| Bound::Excluded(term(t)));
    if matches!((&lo, &hi), (Bound::Unbounded, Bound::Unbounded)) {
        return Box::new(AllQuery);
    }
    Box::new(ConstScoreQuery::new(Box::new(RangeQuery::new(lo, hi)), 0.0))
}

/// The query with the filters ANDed in.
pub(crate) fn with_filters(query: Box<dyn Query>, filters: &Filters, f: &Fields) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
    if filters.since.is_some() || filters.until.is_some() {
        clauses.push((
            Occur::Must,
            date_range(f.published, filters.since, filters.until),
        ));
    }
    if !filters.outlets.is_empty() {
        clauses.push((
            Occur::Must,
            any_of(f.outlet, &filters.outlets, |s| s.trim().to_owned()),
        ));
    }
    if !filters.langs.is_empty() {
        clauses.push((
            Occur::Must,
            any_of(f.lang, &filters.langs, crate::schema::lang_key),
        ));
    }
    if !filters.topics.is_empty() {
        clauses.push((
            Occur::Must,
            any_of(f.topic, &filters.topics, crate::schema::topic_key),
        ));
    }
    for e in &filters.entities {
        clauses.push((Occur::Must, exact(f.entity, e.trim())));
    }
    if let Some(s) = filters.story {
        clauses.push((Occur::Must, compile(&Expr::Story(s), f)));
    }
    if clauses.len() == 1 {
        return clauses
            .pop()
            .map_or_else(|| Box::new(AllQuery) as _, |(_, q)| q);
    }
    Box::new(BooleanQuery::new(clauses))
}

// ---------------------------------------------------------------------------
// Facets and histogram in one pass over the matches.

/// Counts facet values (by term ordinal, per segment) and days.
pub(crate) struct FacetCollector {
    pub facets: bool,
    pub histogram: bool,
}

/// One facet field in one segment: its column, the ordinals straight from
/// the values when every document has one, and the counts by ordinal.
pub(crate) struct FacetColumn {
    col: Option<StrColumn>,
    full: Option<Arc<dyn ColumnValues<u64>>>,
    counts: Vec<u32>,
}

pub(crate) struct FacetSegment {
    facets: bool,
    histogram: bool,
    columns: Vec<FacetColumn>,
    published: Option<Arc<dyn ColumnValues<TDateTime>>>,
    published_opt: Option<Column<TDateTime>>,
    /// Matches per day, counted from the segment's first day `day0` (a
    /// vector: a hash map per match costs too much on a million matches).
    day0: i64,
    days: Vec<u64>,
    /// Matches waiting to be counted: columns are read a block at a time,
    /// which decodes several times faster than one value per call.
    block: Vec<DocId>,
    /// Matches waiting for their facets to be counted (all of them up to
    /// [`EXACT_FACETS`], then one in [`FACET_STRIDE`]).
    facet_block: Vec<DocId>,
    /// Matches seen in this segment.
    seen: u64,
    /// What each match of `facet_block` counts for (1, then the stride).
    weight: u32,
    /// Scratch space for a block's row ids, values and dates.
    block_docs: Vec<DocId>,
    block_rows: Vec<u32>,
    block_vals: Vec<u64>,
    block_dates: Vec<TDateTime>,
}

/// Whether a match past [`EXACT_FACETS`] is counted: one document in
/// [`FACET_STRIDE`], picked by a multiplicative hash of its id so the sample
/// cannot fall in step with a period in the data (outlets imported in
/// turn), as every n-th match would.
fn sampled(doc: DocId) -> bool {
    const SHIFT: u32 = 32 - FACET_STRIDE.trailing_zeros();
    doc.wrapping_mul(0x9E37_79B9) >> SHIFT == 0
}

/// Matches counted together (see [`FacetSegment::block`]).
const BLOCK: usize = 512;

/// Per segment: for each facet field, the counts by string; and the days.
/// Per segment: for each facet field, the counts by string; the days; and
/// whether the facet counts were sampled.
pub(crate) type SegmentFruit = (Vec<HashMap<String, u64>>, HashMap<i64, u64>, bool);

const FACET_FIELDS: [&str; 4] = [F_OUTLET, F_LANG, F_TOPIC, F_ENTITY];

impl Collector for FacetCollector {
    type Fruit = (Facets, Vec<DayCount>);
    type Child = FacetSegment;

    fn for_segment(
        &self,
        _segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<FacetSegment> {
        let ff = segment.fast_fields();
        let mut columns = Vec::new();
        if self.facets {
            for name in FACET_FIELDS {
                let col = ff.str(name)?;
                let n = col.as_ref().map_or(0, |c| c.num_terms());
                // One value per document (outlet, language, mostly): read
                // the ordinal straight from the values, without the index.
                let full = col
                    .as_ref()
                    .filter(|c| c.ords().get_cardinality() == Cardinality::Full)
                    .map(|c| c.ords().values.clone());
                columns.push(FacetColumn {
                    col,
                    full,
                    counts: vec![0u32; n],
                });
            }
        }
        let (mut published, mut published_opt, mut day0, mut days) = (None, None, 0, Vec::new());
        if self.histogram {
            let col = ff.date(F_PUBLISHED)?;
            let lo = col.min_value().into_timestamp_secs().div_euclid(86_400);
            let hi = col.max_value().into_timestamp_secs().div_euclid(86_400);
            // A segment spans years at most; refuse absurd spans (bad dates)
            // rather than allocate for them.
            if segment.num_docs() > 0 && hi >= lo && hi - lo < 200_000 {
                day0 = lo;
                days = vec![0; (hi - lo + 1) as usize];
                if col.get_cardinality() == Cardinality::Full {
                    published = Some(col.values.clone());
                } else {
                    published_opt = Some(col);
                }
            }
        }
        Ok(FacetSegment {
            facets: self.facets,
            histogram: self.histogram,
            columns,
            published,
            published_opt,
            day0,
            days,
            block: Vec::with_capacity(BLOCK),
            facet_block: Vec::with_capacity(BLOCK),
            seen: 0,
            weight: 1,
            block_docs: Vec::new(),
            block_rows: Vec::new(),
            block_vals: Vec::new(),
            block_dates: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentFruit>) -> tantivy::Result<(Facets, Vec<DayCount>)> {
        let mut merged: Vec<HashMap<String, u64>> = vec![HashMap::new(); FACET_FIELDS.len()];
        let mut days: HashMap<i64, u64> = HashMap::new();
        let mut estimated = false;
        for (per_field, d, sampled) in fruits {
            estimated |= sampled;
            for (i, counts) in per_field.into_iter().enumerate() {
                for (k, v) in counts {
                    *merged[i].entry(k).or_default() += v;
                }
            }
            for (k, v) in d {
                *days.entry(k).or_default() += v;
            }
        }
        let top = |m: HashMap<String, u64>| {
            let mut v: Vec<FacetCount> = m
                .into_iter()
                .map(|(value, count)| FacetCount { value, count })
                .collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            v.truncate(FACET_TOP);
            v
        };
        let mut it = merged.into_iter();
        let mut facets = Facets::default();
        if self.facets {
            facets.outlet = top(it.next().unwrap_or_default());
            facets.lang = top(it.next().unwrap_or_default());
            facets.topic = top(it.next().unwrap_or_default());
            facets.entity = top(it.next().unwrap_or_default());
            facets.estimated = estimated;
        }
        let mut histogram: Vec<DayCount> = days
            .into_iter()
            .filter_map(|(d, count)| {
                DateTime::from_timestamp(d * 86_400, 0).map(|t| DayCount {
                    day: t.date_naive(),
                    count,
                })
            })
            .collect();
        histogram.sort_by_key(|d| d.day);
        Ok((facets, histogram))
    }
}

impl FacetSegment {
    /// Counts the facet values of the matches in `self.facet_block`.
    fn flush_facets(&mut self) {
        let docs = &self.facet_block;
        if docs.is_empty() {
            return;
        }
        let weight = self.weight;
        for FacetColumn { col, full, counts } in &mut self.columns {
            let rows: &[u32] = if full.is_some() {
                docs
            } else if let Some(col) = col {
                self.block_docs.clear();
                self.block_rows.clear();
                col.ords()
                    .row_ids_for_docs(docs, &mut self.block_docs, &mut self.block_rows);
                &self.block_rows
            } else {
                continue;
            };
            let values = match (full, col) {
                (Some(v), _) => v,
                (None, Some(c)) => &c.ords().values,
                (None, None) => continue,
            };
            self.block_vals.resize(rows.len(), 0);
            values.get_vals(rows, &mut self.block_vals);
            for &ord in &self.block_vals {
                if let Some(c) = counts.get_mut(ord as usize) {
                    *c += weight;
                }
            }
        }
        self.facet_block.clear();
    }

    /// Counts the days of the matches in `self.block`.
    fn flush_days(&mut self) {
        let docs = &self.block;
        if docs.is_empty() {
            return;
        }
        let count = |t: TDateTime, days: &mut Vec<u64>| {
            let i = t.into_timestamp_secs().div_euclid(86_400) - self.day0;
            if let Some(c) = usize::try_from(i).ok().and_then(|i| days.get_mut(i)) {
                *c += 1;
            }
        };
        match (&self.published, &self.published_opt) {
            (Some(values), _) => {
                self.block_dates
                    .resize(docs.len(), TDateTime::from_timestamp_secs(0));
                values.get_vals(docs, &mut self.block_dates);
                for &t in &self.block_dates {
                    count(t, &mut self.days);
                }
            }
            (None, Some(col)) => {
                for &doc in docs {
                    if let Some(t) = col.first(doc) {
                        count(t, &mut self.days);
                    }
                }
            }
            (None, None) => {}
        }
        self.block.clear();
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = SegmentFruit;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if self.histogram {
            self.block.push(doc);
            if self.block.len() == BLOCK {
                self.flush_days();
            }
        }
        if self.facets {
            self.seen += 1;
            if self.seen == EXACT_FACETS + 1 {
                // From here on the matches are sampled.
                self.flush_facets();
                self.weight = FACET_STRIDE as u32;
            }
            if self.seen <= EXACT_FACETS || sampled(doc) {
                self.facet_block.push(doc);
                if self.facet_block.len() == BLOCK {
                    self.flush_facets();
                }
            }
        }
    }

    fn harvest(mut self) -> SegmentFruit {
        self.flush_days();
        self.flush_facets();
        let sampled = self.weight > 1;
        let mut per_field = Vec::with_capacity(self.columns.len());
        for FacetColumn { col, counts, .. } in self.columns {
            let mut m = HashMap::new();
            if let Some(col) = col {
                // Only the segment's top values can reach the global top;
                // keep a generous margin so the merge stays exact in practice.
                let mut nonzero: Vec<(u32, usize)> = counts
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c > 0)
                    .map(|(i, c)| (*c, i))
                    .collect();
                if nonzero.len() > FACET_TOP * 50 {
                    nonzero.select_nth_unstable_by(FACET_TOP * 50, |a, b| b.0.cmp(&a.0));
                    nonzero.truncate(FACET_TOP * 50);
                }
                // One pass over the dictionary in ordinal order (a lookup
                // per ordinal would seek and scan a block each time).
                nonzero.sort_unstable_by_key(|&(_, ord)| ord);
                let ords: Vec<u64> = nonzero.iter().map(|&(_, ord)| ord as u64).collect();
                let mut counts = nonzero.iter().map(|&(c, _)| c);
                let _ = col.dictionary().sorted_ords_to_term_cb(&ords, |term| {
                    if let Some(c) = counts.next() {
                        m.insert(String::from_utf8_lossy(term).into_owned(), u64::from(c));
                    }
                });
            }
            per_field.push(m);
        }
        let day0 = self.day0;
        let days = self
            .days
            .into_iter()
            .enumerate()
            .filter(|(_, c)| *c > 0)
            .map(|(i, c)| (day0 + i as i64, c))
            .collect();
        (per_field, days, sampled)
    }
}
