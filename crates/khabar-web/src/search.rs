//! Search as the web app needs it: a [`Search`] trait the search index
//! implements, and [`StoreSearch`], a bounded scan of the newest stored
//! articles used when there is no index (a fresh data folder, tests).

use std::collections::BTreeMap;
use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use khabar_model::ArticleId;
use khabar_store::{ArticleQuery, Store};
use serde::Serialize;

use crate::MAX_QUERY_BYTES;

/// How results are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    #[default]
    Relevance,
    Date,
}

/// One search: the query in khabar's query language, an order and a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub q: String,
    pub sort: Sort,
    pub limit: u32,
    pub offset: u32,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: ArticleId,
    pub title: String,
    pub outlet: Option<String>,
    pub lang: Option<String>,
    pub published: DateTime<Utc>,
    /// Escaped HTML where only `<b>` and `</b>` are markup (the matched
    /// words). The web app re-sanitizes it before use.
    pub snippet_html: String,
    pub score: f32,
}

/// Counts of one facet value among all matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Facet {
    pub value: String,
    pub count: u64,
}

/// A page of results with facet counts and a per-day histogram over every match.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SearchPage {
    pub total: u64,
    pub hits: Vec<Hit>,
    /// Facet name (`outlet`, `lang`, `topic`, `entity`) → values, most frequent first.
    pub facets: BTreeMap<String, Vec<Facet>>,
    /// The facet counts are estimates from a sample of the matches (a
    /// search over hundreds of thousands of articles); totals and the
    /// histogram are exact.
    pub facets_estimated: bool,
    /// Matches per day (UTC), oldest first.
    pub histogram: Vec<(NaiveDate, u64)>,
}

/// Why a search failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    /// The query is invalid or beyond a bound: the message is for the user (400).
    #[error("{0}")]
    Query(String),
    /// The back-end failed (500; logged).
    #[error("search failed: {0}")]
    Failed(String),
}

/// A search back-end.
#[async_trait]
pub trait Search: Send + Sync + std::fmt::Debug {
    async fn search(&self, req: &SearchRequest) -> Result<SearchPage, SearchError>;
}

/// Most terms in a query.
const MAX_TERMS: usize = 64;
/// Deepest nesting of parentheses.
const MAX_DEPTH: usize = 16;
/// Highest offset into results.
pub const MAX_OFFSET: u32 = 10_000;

/// Search with the tantivy index of `khabar-index`: facets and the per-day
/// histogram over every match, snippets highlighted by the index. Searches
/// run on tokio's blocking pool.
#[derive(Debug, Clone)]
pub struct IndexSearch {
    index: Arc<khabar_index::Index>,
}

impl IndexSearch {
    pub fn new(index: Arc<khabar_index::Index>) -> Self {
        IndexSearch { index }
    }
}

fn facets_of(f: khabar_index::Facets) -> BTreeMap<String, Vec<Facet>> {
    let conv = |v: Vec<khabar_index::FacetCount>| -> Vec<Facet> {
        v.into_iter()
            .map(|c| Facet {
                value: c.value,
                count: c.count,
            })
            .collect()
    };
    [
        ("outlet", conv(f.outlet)),
        ("lang", conv(f.lang)),
        ("topic", conv(f.topic)),
        ("entity", conv(f.entity)),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

#[async_trait]
impl Search for IndexSearch {
    async fn search(&self, req: &SearchRequest) -> Result<SearchPage, SearchError> {
        check_query(&req.q)?;
        let index = self.index.clone();
        let r = khabar_index::SearchRequest {
            query: req.q.clone(),
            filters: Default::default(),
            sort: match req.sort {
                Sort::Relevance => khabar_index::Sort::Relevance,
                Sort::Date => khabar_index::Sort::Date,
            },
            limit: req.limit as usize,
            offset: req.offset as usize,
            facets: true,
            histogram: true,
        };
        let res = tokio::task::spawn_blocking(move || index.search(&r))
            .await
            .map_err(|e| SearchError::Failed(e.to_string()))?
            .map_err(|e| match e {
                khabar_index::Error::Query(q) => SearchError::Query(q.message),
                other => SearchError::Failed(other.to_string()),
            })?;
        Ok(SearchPage {
            total: res.total,
            hits: res
                .hits
                .into_iter()
                .map(|h| Hit {
                    id: ArticleId(h.id as i64),
                    title: h.title,
                    outlet: h.outlet,
                    lang: h.lang,
                    published: h.published,
                    snippet_html: h.snippet_html,
                    score: h.score,
                })
                .collect(),
            facets_estimated: res.facets.estimated,
            facets: facets_of(res.facets),
            histogram: res
                .histogram
                .into_iter()
                .map(|d| (d.day, d.count))
                .collect(),
        })
    }
}

/// Cheap checks every query passes before a back-end sees it: length,
/// number of terms, nesting depth. Mirrors the index's bounds so that a
/// hostile query is refused before any work.
pub fn check_query(q: &str) -> Result<(), SearchError> {
    if q.len() > MAX_QUERY_BYTES {
        return Err(SearchError::Query(format!(
            "the query is too long ({} bytes; at most {MAX_QUERY_BYTES})",
            q.len()
        )));
    }
    if q.split_whitespace().count() > MAX_TERMS {
        return Err(SearchError::Query(format!(
            "the query has too many terms (at most {MAX_TERMS})"
        )));
    }
    let mut depth = 0usize;
    for c in q.chars() {
        match c {
            '(' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(SearchError::Query(format!(
                        "the query nests parentheses too deeply (at most {MAX_DEPTH})"
                    )));
                }
            }
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Search without an index: the newest [`StoreSearch::SCAN`] articles are
/// read and matched word by word (case-insensitive, Arabic-script variants
/// folded); `outlet:`, `lang:`, `topic:` filter; `-word` excludes. Exact on
/// small stores, bounded on large ones.
#[derive(Debug, Clone)]
pub struct StoreSearch {
    store: Arc<dyn Store>,
}

impl StoreSearch {
    /// Articles read per search.
    pub const SCAN: u32 = 2000;

    pub fn new(store: Arc<dyn Store>) -> Self {
        StoreSearch { store }
    }
}

#[derive(Debug, Default)]
struct Parsed {
    words: Vec<String>,
    not: Vec<String>,
    outlet: Vec<String>,
    lang: Vec<String>,
    topic: Vec<String>,
}

fn parse(q: &str) -> Parsed {
    let mut p = Parsed::default();
    let mut rest = q;
    while let Some(tok) = next_token(&mut rest) {
        let (neg, tok) = match tok.strip_prefix('-') {
            Some(t) if !t.is_empty() => (true, t.to_string()),
            _ => (false, tok),
        };
        if matches!(tok.as_str(), "AND" | "OR" | "NOT") {
            continue;
        }
        let (field, value) = match tok.split_once(':') {
            Some((f, v)) if !v.is_empty() => (f.to_ascii_lowercase(), v.to_string()),
            _ => (String::new(), tok.clone()),
        };
        let value = fold(value.trim_matches(|c| c == '"' || c == '(' || c == ')'));
        if value.is_empty() {
            continue;
        }
        match (neg, field.as_str()) {
            (true, _) => p.not.push(value),
            (false, "outlet") => p.outlet.push(value),
            (false, "lang") => p.lang.push(value),
            (false, "topic") => p.topic.push(value),
            _ => p.words.push(value),
        }
    }
    p
}

/// The next whitespace-separated token; a `"…"` phrase (possibly after
/// `field:`) is one token.
fn next_token(rest: &mut &str) -> Option<String> {
    let s = rest.trim_start();
    if s.is_empty() {
        *rest = s;
        return None;
    }
    let mut end = s.len();
    let mut in_quote = false;
    for (i, c) in s.char_indices() {
        match c {
            '"' => in_quote = !in_quote,
            c if c.is_whitespace() && !in_quote => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    let tok = s[..end].to_string();
    *rest = &s[end..];
    Some(tok)
}

/// Lower case, Arabic/Persian letter variants folded, ZWNJ and diacritics removed.
fn fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'ي' | 'ى' => Some('ی'),
            'ك' => Some('ک'),
            '\u{200c}' | '\u{0640}' => None,
            '\u{064b}'..='\u{065f}' => None,
            c => Some(c),
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[async_trait]
impl Search for StoreSearch {
    async fn search(&self, req: &SearchRequest) -> Result<SearchPage, SearchError> {
        check_query(&req.q)?;
        let p = parse(&req.q);
        let articles = self
            .store
            .list_articles(&ArticleQuery {
                limit: Some(Self::SCAN),
                ..Default::default()
            })
            .await
            .map_err(|e| SearchError::Failed(e.to_string()))?;
        let mut matches = Vec::new();
        for a in articles {
            let outlet = a.source.as_deref().map(fold).unwrap_or_default();
            let lang = a
                .lang
                .as_ref()
                .map(|l| l.primary().to_string())
                .unwrap_or_default();
            if p.outlet.iter().any(|o| !outlet.contains(o.as_str()))
                || p.lang.iter().any(|l| *l != lang)
                || p.topic
                    .iter()
                    .any(|t| !a.topics.iter().any(|x| fold(x) == *t))
            {
                continue;
            }
            let title = fold(&a.title);
            let body = fold(&a.paragraphs.join("\n"));
            let has = |w: &String| title.contains(w.as_str()) || body.contains(w.as_str());
            if !p.words.iter().all(has) || p.not.iter().any(has) {
                continue;
            }
            let score = p
                .words
                .iter()
                .map(|w| title.matches(w.as_str()).count() * 3 + body.matches(w.as_str()).count())
                .sum::<usize>() as f32;
            matches.push((a, score));
        }
        if req.sort == Sort::Relevance && !p.words.is_empty() {
            matches.sort_by(|x, y| y.1.total_cmp(&x.1));
        }
        let mut facets: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
        let mut days: BTreeMap<NaiveDate, u64> = BTreeMap::new();
        for (a, _) in &matches {
            if let Some(o) = &a.source {
                *facets
                    .entry("outlet".into())
                    .or_default()
                    .entry(o.clone())
                    .or_default() += 1;
            }
            if let Some(l) = &a.lang {
                *facets
                    .entry("lang".into())
                    .or_default()
                    .entry(l.primary().to_string())
                    .or_default() += 1;
            }
            for t in &a.topics {
                *facets
                    .entry("topic".into())
                    .or_default()
                    .entry(t.clone())
                    .or_default() += 1;
            }
            let when = a
                .published_at
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or(a.fetched_at);
            *days.entry(when.date_naive()).or_default() += 1;
        }
        let facets = facets
            .into_iter()
            .map(|(k, m)| {
                let mut v: Vec<Facet> = m
                    .into_iter()
                    .map(|(value, count)| Facet { value, count })
                    .collect();
                v.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
                v.truncate(20);
                (k, v)
            })
            .collect();
        let total = matches.len() as u64;
        let hits = matches
            .into_iter()
            .skip(req.offset as usize)
            .take(req.limit as usize)
            .map(|(a, score)| {
                let text = a.teaser.clone().unwrap_or_else(|| a.paragraphs.join(" "));
                Hit {
                    snippet_html: snippet(&text, &p.words, 240),
                    id: a.id,
                    title: a.title.clone(),
                    outlet: a.source.clone(),
                    lang: a.lang.as_ref().map(|l| l.as_str().to_string()),
                    published: a
                        .published_at
                        .map(|t| t.with_timezone(&Utc))
                        .unwrap_or(a.fetched_at),
                    score,
                }
            })
            .collect();
        Ok(SearchPage {
            total,
            hits,
            facets,
            facets_estimated: false,
            histogram: days.into_iter().collect(),
        })
    }
}

/// An escaped snippet of `text` around the first match, matched words in `<b>`.
fn snippet(text: &str, words: &[String], max_chars: usize) -> String {
    // Matches are looked for in the opening of the text only: bounded work per hit.
    let chars: Vec<char> = text.chars().take(4000).collect();
    let folded: Vec<String> = chars.iter().map(|c| fold(&c.to_string())).collect();
    // Map positions in the folded text back to characters: fold never
    // produces more than a few chars per char, so search char by char.
    let lower: String = folded.concat();
    let mut starts = Vec::with_capacity(chars.len());
    let mut pos = 0;
    for f in &folded {
        starts.push(pos);
        pos += f.len();
    }
    let mut marks = vec![false; chars.len()];
    for w in words.iter().filter(|w| !w.is_empty()) {
        for (at, _) in lower.match_indices(w.as_str()) {
            let end = at + w.len();
            for (i, s) in starts.iter().enumerate() {
                if *s >= at && *s < end {
                    marks[i] = true;
                }
            }
        }
    }
    let first = marks.iter().position(|m| *m).unwrap_or(0);
    let begin = first.saturating_sub(max_chars / 4);
    let end = (begin + max_chars).min(chars.len());
    let mut out = String::new();
    if begin > 0 {
        out.push('…');
    }
    let mut open = false;
    for i in begin..end {
        if marks[i] && !open {
            out.push_str("<b>");
            open = true;
        } else if !marks[i] && open {
            out.push_str("</b>");
            open = false;
        }
        push_escaped(&mut out, chars[i]);
    }
    if open {
        out.push_str("</b>");
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c => out.push(c),
    }
}

/// Makes a snippet from any back-end safe to insert as HTML: `<b>` and
/// `</b>` survive, the five standard entities and numeric references
/// survive, every other `<`, `>`, `&`, quote is escaped. Idempotent on what
/// [`StoreSearch`] produces.
pub(crate) fn sanitize_snippet(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if let Some(tag) = ["<b>", "</b>"].iter().find(|t| rest.starts_with(**t)) {
            out.push_str(tag);
            rest = &rest[tag.len()..];
            continue;
        }
        if c == '&'
            && let Some(end) = rest[1..].find(';').map(|e| e + 1)
            && end <= 10
        {
            let name = &rest[1..end];
            let ok = matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
                || name
                    .strip_prefix('#')
                    .is_some_and(|n| n.chars().all(|d| d.is_ascii_digit()) && !n.is_empty())
                || name
                    .strip_prefix("#x")
                    .is_some_and(|n| n.chars().all(|d| d.is_ascii_hexdigit()) && !n.is_empty());
            if ok {
                out.push_str(&rest[..=end]);
                rest = &rest[end + 1..];
                continue;
            }
        }
        push_escaped(&mut out, c);
        rest = &rest[c.len_utf8()..];
    }
    // Unbalanced tags would leak bold into the rest of the page.
    let opens = out.matches("<b>").count();
    let closes = out.matches("</b>").count();
    for _ in closes..opens {
        out.push_str("</b>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds() {
        assert!(check_query("a b c").is_ok());
        assert!(check_query(&"x".repeat(MAX_QUERY_BYTES + 1)).is_err());
        assert!(check_query(&"a ".repeat(MAX_TERMS + 1)).is_err());
        assert!(check_query(&"(".repeat(MAX_DEPTH + 1)).is_err());
        assert!(check_query(&"(a) ".repeat(MAX_DEPTH + 1)).is_ok());
    }

    #[test]
    fn parse_fields_phrases_and_negation() {
        let p = parse(r#"flood "Kabul river" outlet:"Example News" lang:fa -rumour AND"#);
        assert_eq!(p.words, vec!["flood", "kabul river"]);
        assert_eq!(p.outlet, vec!["example news"]);
        assert_eq!(p.lang, vec!["fa"]);
        assert_eq!(p.not, vec!["rumour"]);
    }

    #[test]
    fn folding_matches_arabic_script_variants() {
        assert_eq!(fold("كابل"), fold("کابل"));
        assert_eq!(fold("علي"), fold("علی"));
        assert_eq!(fold("می\u{200c}شود"), fold("میشود"));
    }

    #[test]
    fn snippet_marks_and_escapes() {
        let s = snippet("The <b>flood</b> & the Flood", &["flood".into()], 200);
        assert_eq!(
            s,
            "The &lt;b&gt;<b>flood</b>&lt;/b&gt; &amp; the <b>Flood</b>"
        );
        assert_eq!(sanitize_snippet(&s), s);
    }

    #[test]
    fn sanitize_keeps_only_bold() {
        assert_eq!(
            sanitize_snippet(r#"<b>x</b><script>alert(1)</script>&amp;&bogus;"#),
            "<b>x</b>&lt;script&gt;alert(1)&lt;/script&gt;&amp;&amp;bogus;"
        );
        assert_eq!(sanitize_snippet("<b>open"), "<b>open</b>");
        assert_eq!(
            sanitize_snippet(r#""><img src=x onerror=alert(1)>"#),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
    }
}
