//! The query language, in the spirit of Lucene and FreshRSS.
//!
//! ```text
//! kabul flood                 both words (terms are joined by AND by default)
//! kabul OR herat              either
//! kabul -flood  kabul NOT flood
//! +kabul                      required (the same as the default)
//! "girls' schools"            a phrase
//! (kabul OR herat) AND flood  grouping
//! title:election  title:"peace talks"  title:(kabul OR herat)
//! outlet:tolo  source:"Tolo News"      words of the outlet name
//! lang:fa  topic:security  story:42
//! entity:taliban  entity:"Ashraf Ghani"  speaker:"Zabihullah Mujahid"
//! since:2024-06-01  until:2024-06-30   dates (UTC days, both ends included)
//! since:2024-06-01T08:00:00+04:30      RFC 3339 times
//! date:P1W  date:PT12H  date:P1M       ISO-8601 durations back from now
//! date:2024-06-01  date:2024-06-01/2024-06-30
//! ```
//!
//! Terms are joined by AND (as FreshRSS does, unlike Lucene's default OR):
//! a monitoring query narrows down, and a word added should never widen the
//! results. `AND`, `OR` and `NOT` must be upper case; lower-case `and` is a
//! word. NOT binds tighter than AND, which binds tighter than OR.
//!
//! The parser is bounded so that a hostile query costs nothing: at most
//! [`MAX_QUERY_BYTES`] bytes (checked before anything else), [`MAX_DEPTH`]
//! levels of parentheses and [`MAX_CLAUSES`] words, phrases and fields.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::error::QueryError;

/// Longest query accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 2_000;
/// Deepest nesting of parentheses accepted.
pub const MAX_DEPTH: usize = 8;
/// Most words, phrases and field clauses in one query.
pub const MAX_CLAUSES: usize = 64;

/// A field a word or phrase can be searched in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    /// Title, teaser and body (the default).
    Any,
    Title,
    Outlet,
    Entity,
    Speaker,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// Every document (an empty query).
    All,
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
    /// A word, or a phrase when `phrase` is set (a word that the analyzer
    /// splits in several terms is searched as a phrase too).
    Text {
        field: TextField,
        text: String,
        phrase: bool,
    },
    Lang(String),
    Topic(String),
    Story(u64),
    /// Published in `[since, until)`.
    Date {
        since: Option<DateTime<Utc>>,
        until: Option<DateTime<Utc>>,
    },
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    LParen,
    RParen,
    And,
    Or,
    Not,
    /// `-` or `+` directly before a term.
    Minus,
    Plus,
    Word(String),
    Phrase(String),
    /// `name:` directly followed by its value.
    Field(String),
}

/// Parses `input` at the current time (for `date:P1W`).
pub fn parse(input: &str) -> Result<Expr, QueryError> {
    parse_at(input, Utc::now())
}

/// Parses `input`, with durations counted back from `now`.
pub fn parse_at(input: &str, now: DateTime<Utc>) -> Result<Expr, QueryError> {
    if input.len() > MAX_QUERY_BYTES {
        return Err(QueryError::new(format!(
            "the query is {} bytes long; at most {MAX_QUERY_BYTES} are allowed",
            input.len()
        )));
    }
    let toks = lex(input)?;
    let clauses = toks
        .iter()
        .filter(|t| matches!(t, Tok::Word(_) | Tok::Phrase(_)))
        .count();
    if clauses > MAX_CLAUSES {
        return Err(QueryError::new(format!(
            "the query has {clauses} words and phrases; at most {MAX_CLAUSES} are allowed"
        )));
    }
    let mut p = Parser {
        toks,
        i: 0,
        depth: 0,
        now,
    };
    if p.toks.is_empty() {
        return Ok(Expr::All);
    }
    let e = p.or(None)?;
    if let Some(t) = p.peek() {
        return Err(QueryError::new(match t {
            Tok::RParen => "a closing parenthesis ')' has no opening one".to_owned(),
            other => format!("unexpected {}", describe(other)),
        }));
    }
    Ok(e)
}

fn describe(t: &Tok) -> String {
    match t {
        Tok::LParen => "'('".into(),
        Tok::RParen => "')'".into(),
        Tok::And => "AND".into(),
        Tok::Or => "OR".into(),
        Tok::Not => "NOT".into(),
        Tok::Minus => "'-'".into(),
        Tok::Plus => "'+'".into(),
        Tok::Word(w) => format!("'{w}'"),
        Tok::Phrase(p) => format!("\"{p}\""),
        Tok::Field(f) => format!("'{f}:'"),
    }
}

/// Field names a query may use (`source` is a synonym of `outlet`).
const FIELDS: &[&str] = &[
    "title", "outlet", "source", "lang", "topic", "entity", "speaker", "story", "since", "until",
    "date",
];

fn lex(input: &str) -> Result<Vec<Tok>, QueryError> {
    let mut toks = Vec::new();
    let mut chars = input.char_indices().peekable();
    // Depth is checked while lexing too, so that a wall of parentheses is
    // refused before the parser recurses at all.
    let mut depth = 0usize;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        match c {
            '(' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(too_deep());
                }
                toks.push(Tok::LParen);
                chars.next();
            }
            ')' => {
                depth = depth.saturating_sub(1);
                toks.push(Tok::RParen);
                chars.next();
            }
            '"' | '“' | '”' | '«' | '»' => {
                chars.next();
                let start = i + c.len_utf8();
                let mut end = input.len();
                let mut closed = false;
                for (j, d) in chars.by_ref() {
                    if matches!(d, '"' | '“' | '”' | '«' | '»') {
                        end = j;
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    return Err(QueryError::new(
                        "a phrase is missing its closing quote '\"'",
                    ));
                }
                toks.push(Tok::Phrase(input[start..end].to_owned()));
            }
            '-' | '+' => {
                chars.next();
                let attached = chars
                    .peek()
                    .is_some_and(|&(_, n)| !n.is_whitespace() && n != ')');
                if attached {
                    toks.push(if c == '-' { Tok::Minus } else { Tok::Plus });
                }
                // A lone '-' or '+' is punctuation: ignored.
            }
            _ => {
                let start = i;
                let mut end = input.len();
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_whitespace() || matches!(d, '(' | ')' | '"' | '“' | '”' | '«' | '»')
                    {
                        end = j;
                        break;
                    }
                    if d == ':' {
                        let name = &input[start..j];
                        if name.chars().all(|x| x.is_ascii_alphabetic()) && !name.is_empty() {
                            let lower = name.to_ascii_lowercase();
                            if !FIELDS.contains(&lower.as_str()) {
                                return Err(QueryError::new(format!(
                                    "unknown field '{name}:'; fields are title, outlet (or source), lang, topic, entity, speaker, story, since, until and date"
                                )));
                            }
                            chars.next();
                            toks.push(Tok::Field(lower));
                            end = usize::MAX;
                            break;
                        }
                    }
                    chars.next();
                }
                if end == usize::MAX {
                    continue;
                }
                let word = &input[start..end];
                toks.push(match word {
                    "AND" | "&&" => Tok::And,
                    "OR" | "||" => Tok::Or,
                    "NOT" => Tok::Not,
                    w => Tok::Word(w.to_owned()),
                });
            }
        }
    }
    Ok(toks)
}

fn too_deep() -> QueryError {
    QueryError::new(format!(
        "the query nests parentheses more than {MAX_DEPTH} levels deep"
    ))
}

struct Parser {
    toks: Vec<Tok>,
    i: usize,
    depth: usize,
    now: DateTime<Utc>,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.i)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.i).cloned();
        self.i += 1;
        t
    }

    /// or := and (OR and)*
    fn or(&mut self, field: Option<&str>) -> Result<Expr, QueryError> {
        let mut parts = vec![self.and(field)?];
        while self.peek() == Some(&Tok::Or) {
            self.next();
            parts.push(self.and(field)?);
        }
        Ok(if parts.len() == 1 {
            parts.pop().unwrap_or(Expr::All)
        } else {
            Expr::Or(parts)
        })
    }

    /// and := unary ((AND)? unary)*
    fn and(&mut self, field: Option<&str>) -> Result<Expr, QueryError> {
        let mut parts = vec![self.unary(field)?];
        loop {
            match self.peek() {
                None | Some(Tok::Or) | Some(Tok::RParen) => break,
                Some(Tok::And) => {
                    self.next();
                    parts.push(self.unary(field)?);
                }
                Some(_) => parts.push(self.unary(field)?),
            }
        }
        Ok(if parts.len() == 1 {
            parts.pop().unwrap_or(Expr::All)
        } else {
            Expr::And(parts)
        })
    }

    /// unary := (NOT | -) unary | + unary | primary
    fn unary(&mut self, field: Option<&str>) -> Result<Expr, QueryError> {
        match self.peek() {
            Some(Tok::Not) | Some(Tok::Minus) => {
                self.next();
                Ok(Expr::Not(Box::new(self.unary_operand(field)?)))
            }
            Some(Tok::Plus) => {
                self.next();
                self.unary_operand(field)
            }
            _ => self.primary(field),
        }
    }

    fn unary_operand(&mut self, field: Option<&str>) -> Result<Expr, QueryError> {
        match self.peek() {
            None => Err(QueryError::new("NOT or '-' must be followed by a term")),
            Some(Tok::Or) | Some(Tok::And) | Some(Tok::RParen) => Err(QueryError::new(format!(
                "NOT or '-' must be followed by a term, not {}",
                describe(self.peek().unwrap_or(&Tok::RParen))
            ))),
            _ => self.unary(field),
        }
    }

    fn primary(&mut self, field: Option<&str>) -> Result<Expr, QueryError> {
        match self.next() {
            Some(Tok::LParen) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(too_deep());
                }
                if self.peek() == Some(&Tok::RParen) {
                    return Err(QueryError::new("empty parentheses '()'"));
                }
                let e = self.or(field)?;
                match self.next() {
                    Some(Tok::RParen) => {}
                    _ => return Err(QueryError::new("a parenthesis '(' is not closed")),
                }
                self.depth -= 1;
                Ok(e)
            }
            Some(Tok::Word(w)) => self.leaf(field, w, false),
            Some(Tok::Phrase(p)) => self.leaf(field, p, true),
            Some(Tok::Field(name)) => {
                if let Some(outer) = field {
                    return Err(QueryError::new(format!(
                        "field '{name}:' inside '{outer}:(…)'"
                    )));
                }
                match self.peek() {
                    Some(Tok::LParen) => {
                        if !matches!(
                            name.as_str(),
                            "title" | "outlet" | "source" | "entity" | "speaker" | "topic" | "lang"
                        ) {
                            return Err(QueryError::new(format!(
                                "'{name}:' takes one value, not a group"
                            )));
                        }
                        self.primary(Some(&name))
                    }
                    Some(Tok::Word(_) | Tok::Phrase(_)) => match self.next() {
                        Some(Tok::Word(w)) => self.leaf(Some(&name), w, false),
                        Some(Tok::Phrase(p)) => self.leaf(Some(&name), p, true),
                        _ => Err(no_value(&name)),
                    },
                    _ => Err(no_value(&name)),
                }
            }
            Some(t @ (Tok::And | Tok::Or)) => Err(QueryError::new(format!(
                "{} needs a term on each side",
                describe(&t)
            ))),
            Some(Tok::RParen) => Err(QueryError::new(
                "a closing parenthesis ')' has no opening one",
            )),
            Some(t) => Err(QueryError::new(format!("unexpected {}", describe(&t)))),
            None => Err(QueryError::new("the query ends too early")),
        }
    }

    fn leaf(
        &mut self,
        field: Option<&str>,
        value: String,
        phrase: bool,
    ) -> Result<Expr, QueryError> {
        let text = |f| Expr::Text {
            field: f,
            text: value.clone(),
            phrase,
        };
        Ok(match field {
            None => text(TextField::Any),
            Some("title") => text(TextField::Title),
            Some("outlet" | "source") => text(TextField::Outlet),
            Some("entity") => text(TextField::Entity),
            Some("speaker") => text(TextField::Speaker),
            Some("lang") => Expr::Lang(crate::schema::lang_key(&value)),
            Some("topic") => Expr::Topic(crate::schema::topic_key(&value)),
            Some("story") => Expr::Story(value.trim().parse().map_err(|_| {
                QueryError::new(format!("story:{value} — a story is a number (story:42)"))
            })?),
            Some("since") => Expr::Date {
                since: Some(self.instant(&value, "since")?),
                until: None,
            },
            Some("until") => Expr::Date {
                since: None,
                until: Some(self.until(&value)?),
            },
            Some("date") => self.date(&value)?,
            Some(other) => {
                return Err(QueryError::new(format!("unknown field '{other}:'")));
            }
        })
    }

    /// A point in time: a date (midnight UTC), an RFC 3339 time, or a
    /// duration back from now.
    fn instant(&self, v: &str, field: &str) -> Result<DateTime<Utc>, QueryError> {
        if let Some(d) = parse_duration(v) {
            return Ok(self.now - d);
        }
        if let Ok(d) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            return Ok(day_start(d));
        }
        if let Ok(t) = DateTime::parse_from_rfc3339(v) {
            return Ok(t.with_timezone(&Utc));
        }
        Err(QueryError::new(format!(
            "{field}:{v} — use a date (2024-06-01), a time (2024-06-01T08:00:00+04:30) or a duration (P1W, 7d)"
        )))
    }

    /// The exclusive end of `until:v`: a bare date includes the whole day.
    fn until(&self, v: &str) -> Result<DateTime<Utc>, QueryError> {
        if let Ok(d) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            return Ok(day_start(d) + Duration::days(1));
        }
        self.instant(v, "until")
    }

    fn date(&self, v: &str) -> Result<Expr, QueryError> {
        if let Some(d) = parse_duration(v) {
            return Ok(Expr::Date {
                since: Some(self.now - d),
                until: None,
            });
        }
        if let Some((a, b)) = v.split_once('/') {
            return Ok(Expr::Date {
                since: if a.is_empty() {
                    None
                } else {
                    Some(self.instant(a, "date")?)
                },
                until: if b.is_empty() {
                    None
                } else {
                    Some(self.until(b)?)
                },
            });
        }
        if let Ok(d) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            return Ok(Expr::Date {
                since: Some(day_start(d)),
                until: Some(day_start(d) + Duration::days(1)),
            });
        }
        Err(QueryError::new(format!(
            "date:{v} — use a duration back from now (P1W, PT12H), a day (2024-06-01) or a range (2024-06-01/2024-06-30)"
        )))
    }
}

fn no_value(name: &str) -> QueryError {
    QueryError::new(format!("'{name}:' must be followed by a value"))
}

fn day_start(d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

/// An ISO-8601 duration (`P1W`, `P2DT3H`, `PT30M`, `P1Y2M`; a month is 30
/// days, a year 365) or a short one (`90m`, `24h`, `7d`, `2w`).
pub fn parse_duration(v: &str) -> Option<Duration> {
    let v = v.trim();
    if let Some(rest) = v.strip_prefix(['P', 'p']) {
        let mut total = Duration::zero();
        let mut in_time = false;
        let mut num = String::new();
        let mut any = false;
        for c in rest.chars() {
            match c {
                'T' | 't' if num.is_empty() && !in_time => in_time = true,
                '0'..='9' => num.push(c),
                _ => {
                    let n: i64 = num.parse().ok()?;
                    if n > 100_000 {
                        return None;
                    }
                    num.clear();
                    let unit = match (in_time, c.to_ascii_uppercase()) {
                        (false, 'Y') => Duration::days(365),
                        (false, 'M') => Duration::days(30),
                        (false, 'W') => Duration::weeks(1),
                        (false, 'D') => Duration::days(1),
                        (true, 'H') => Duration::hours(1),
                        (true, 'M') => Duration::minutes(1),
                        (true, 'S') => Duration::seconds(1),
                        _ => return None,
                    };
                    total += unit * n as i32;
                    any = true;
                }
            }
        }
        return (any && num.is_empty()).then_some(total);
    }
    let split = v.find(|c: char| !c.is_ascii_digit())?;
    let (n, unit) = v.split_at(split);
    let n: i64 = n.parse().ok()?;
    if n > 1_000_000 {
        return None;
    }
    match unit {
        "m" | "min" => Some(Duration::minutes(n)),
        "h" => Some(Duration::hours(n)),
        "d" => Some(Duration::days(n)),
        "w" => Some(Duration::weeks(n)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("P1W"), Some(Duration::weeks(1)));
        assert_eq!(
            parse_duration("P1DT12H"),
            Some(Duration::days(1) + Duration::hours(12))
        );
        assert_eq!(parse_duration("PT30M"), Some(Duration::minutes(30)));
        assert_eq!(parse_duration("P1M"), Some(Duration::days(30)));
        assert_eq!(parse_duration("7d"), Some(Duration::days(7)));
        assert_eq!(parse_duration("P"), None);
        assert_eq!(parse_duration("P1X"), None);
        assert_eq!(parse_duration("P1"), None);
        assert_eq!(parse_duration("2024-06-01"), None);
    }
}
