//! The digest text format: parse and write.
//!
//! Each article is laid out as
//!
//! ```text
//! <title>
//! <blank>
//! [byline: "BY  NAME", "By Name" or a bare name such as "Jane Doe"]
//! [teaser: one sentence that also appears later in the body]
//! <body paragraphs separated by blank lines>
//! <title again>
//! read more[: <url>]
//! ```
//!
//! A paragraph may span several consecutive lines (verse); its lines are kept
//! joined with `"\n"`.
//!
//! # Round trip
//!
//! The teaser is recognised only because it is repeated in the body, so the
//! parser removes the teaser paragraph from `paragraphs` (the body still holds
//! the sentence) and [`write_digest`] writes the teaser once, before the
//! paragraphs as stored, without copying it into the body. Hence
//! `parse_digest(&write_digest(xs)) == xs` (on title, byline, teaser,
//! paragraphs, url and canonical_url) holds for drafts in the format's domain:
//!
//! - the title is one non-blank line, not `read more`;
//! - the byline, if any, is a name ("Jane Doe", "Jane Doe and John Roe"),
//!   written back as `By NAME`;
//! - the teaser, if any, is one line of at least three words that is a
//!   substring of one of the paragraphs;
//! - without a byline, the first line written (teaser or first paragraph) does
//!   not look like a name; without a teaser, the first paragraph is not a
//!   single line of three or more words repeated inside a later paragraph;
//! - there is at least one paragraph; paragraphs hold no blank lines and no
//!   line with surrounding white space; the last paragraph is not `read more`.

use khabar_model::ArticleDraft;

use crate::{Error, Result};

/// One line of the input: its 1-based number and its text, trimmed.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    no: usize,
    text: &'a str,
}

/// Reads a digest into drafts, in the order of the text.
///
/// Errors: [`Error::Empty`] for a text that is only white space,
/// [`Error::NotADigest`] when no line is `read more`, [`Error::Unterminated`]
/// for text after the last `read more`, [`Error::TitleMismatch`] when the line
/// before `read more` is not the article's title, [`Error::NoBody`] and
/// [`Error::NoTitle`] for articles missing a part.
pub fn parse_digest(text: &str) -> Result<Vec<ArticleDraft>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    let mut articles = Vec::new();
    let mut block: Vec<Line<'_>> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let line = Line {
            no: i + 1,
            text: raw.trim(),
        };
        if let Some(url) = read_more(line.text) {
            articles.push(parse_article(&block, line.no, url)?);
            block.clear();
        } else {
            block.push(line);
        }
    }
    if let Some(first) = block.iter().find(|l| !l.text.is_empty()) {
        if articles.is_empty() {
            return Err(Error::NotADigest {
                line: 1,
                why: "no `read more` line: a digest article ends with its title repeated \
                      and `read more`"
                    .to_string(),
            });
        }
        return Err(Error::Unterminated { line: first.no });
    }
    Ok(articles)
}

/// `Some(url)` when the (trimmed) line ends an article: `read more`, or
/// `read more: URL` (case-insensitive, URL one token). The inner option is the URL.
fn read_more(line: &str) -> Option<Option<&str>> {
    let head = line.get(..9)?;
    if !head.eq_ignore_ascii_case("read more") {
        return None;
    }
    let rest = line[9..].trim();
    if rest.is_empty() {
        return Some(None);
    }
    let url = rest.strip_prefix(':')?.trim();
    if url.is_empty() {
        Some(None)
    } else if url.contains(char::is_whitespace) {
        None
    } else {
        Some(Some(url))
    }
}

/// Builds one article from the lines before its `read more` line.
fn parse_article(
    block: &[Line<'_>],
    read_more_line: usize,
    url: Option<&str>,
) -> Result<ArticleDraft> {
    // Paragraph groups: runs of non-blank lines.
    let mut groups: Vec<Vec<Line<'_>>> = Vec::new();
    let mut open = false;
    for &line in block {
        if line.text.is_empty() {
            open = false;
        } else if open {
            if let Some(g) = groups.last_mut() {
                g.push(line);
            }
        } else {
            groups.push(vec![line]);
            open = true;
        }
    }
    let Some(title) = groups.first().and_then(|g| g.first()).copied() else {
        return Err(Error::NoTitle {
            line: read_more_line,
        });
    };
    // The repeated title is the last line before `read more`.
    let repeated = groups.last_mut().and_then(Vec::pop).unwrap_or(title);
    if repeated.no == title.no {
        return Err(Error::NoBody {
            line: title.no,
            title: title.text.to_string(),
        });
    }
    if collapse(repeated.text) != collapse(title.text) {
        return Err(Error::TitleMismatch {
            line: repeated.no,
            title_line: title.no,
            title: title.text.to_string(),
            repeated: repeated.text.to_string(),
        });
    }
    groups[0].remove(0);
    let mut paragraphs: Vec<String> = groups
        .iter()
        .filter(|g| !g.is_empty())
        .map(|g| g.iter().map(|l| l.text).collect::<Vec<_>>().join("\n"))
        .collect();
    if paragraphs.is_empty() {
        return Err(Error::NoBody {
            line: title.no,
            title: title.text.to_string(),
        });
    }

    let mut byline = None;
    if paragraphs.len() >= 2 && !paragraphs[0].contains('\n') {
        byline = byline_of(&paragraphs[0]);
        if byline.is_some() {
            paragraphs.remove(0);
        }
    }
    let mut teaser = None;
    if paragraphs.len() >= 2 && is_teaser(&paragraphs[0], &paragraphs[1..]) {
        teaser = Some(paragraphs.remove(0));
    }

    let mut draft = ArticleDraft::new(title.text, paragraphs);
    draft.byline = byline;
    draft.teaser = teaser;
    if let Some(url) = url {
        draft = draft.with_url(url);
    }
    Ok(draft)
}

/// White space runs (including no-break spaces and line breaks) as one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A teaser is a single line of at least three words that recurs inside a
/// later paragraph. (The three words keep a short heading such as "Floods"
/// from being taken for a teaser when a later sentence starts with it.)
fn is_teaser(first: &str, later: &[String]) -> bool {
    if first.contains('\n') || first.split_whitespace().count() < 3 {
        return false;
    }
    let needle = collapse(first);
    later.iter().any(|p| collapse(p).contains(&needle))
}

/// The name in a byline paragraph, if the line is one: `BY  NAME` / `By Name`
/// (the name with "BY" removed and white space collapsed) or a bare name.
fn byline_of(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let first = words.first()?;
    let first = first.strip_suffix(':').unwrap_or(first);
    if first.eq_ignore_ascii_case("by") {
        let rest = &words[1..];
        return by_names(rest).then(|| rest.join(" "));
    }
    bare_name(&words, line.chars().count()).then(|| words.join(" "))
}

/// Lower-case particles allowed inside a name ("Ludwig van Beethoven",
/// "Omar bin Laden", "Abd al-Rahman").
fn is_particle(w: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "al", "bin", "binti", "bint", "da", "das", "de", "del", "della", "den", "der", "di", "dos",
        "du", "e", "el", "ibn", "la", "le", "ter", "ud", "ul", "van", "von", "y", "zu",
    ];
    if PARTICLES.contains(&w) {
        return true;
    }
    ["al-", "el-", "ul-", "ud-", "bin-"].iter().any(|p| {
        w.strip_prefix(p)
            .is_some_and(|r| r.chars().next().is_some_and(char::is_alphabetic))
    })
}

/// An initial such as `J.` or `J.P.`.
fn is_initial(w: &str) -> bool {
    let chars: Vec<char> = w.chars().collect();
    !chars.is_empty()
        && chars.len().is_multiple_of(2)
        && chars.chunks(2).all(|c| c[0].is_uppercase() && c[1] == '.')
}

/// A word of a name: starts with an upper-case letter (or, when
/// `caseless_ok`, a letter of a script without case such as Arabic), and
/// holds only letters, marks, hyphens and apostrophes; or an initial.
fn is_name_word(w: &str, caseless_ok: bool) -> bool {
    if is_initial(w) {
        return true;
    }
    let mut chars = w.chars();
    let Some(c) = chars.next() else { return false };
    let starts_ok = c.is_uppercase() || (caseless_ok && c.is_alphabetic() && !c.is_lowercase());
    starts_ok && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// A bare name line: 2 to 5 words, capitalised (particles allowed inside), at
/// most 60 characters, no digits and no sentence punctuation.
fn bare_name(words: &[&str], chars: usize) -> bool {
    if !(2..=5).contains(&words.len()) || chars > 60 {
        return false;
    }
    let last = words.len() - 1;
    words
        .iter()
        .enumerate()
        .all(|(i, w)| is_name_word(w, false) || (i != 0 && i != last && is_particle(w)))
}

/// The names after `BY`: 1 to 10 words, each capitalised (or of a caseless
/// script), a particle, or `and` / `&` between names; commas allowed between
/// names; at most 80 characters.
fn by_names(words: &[&str]) -> bool {
    if words.is_empty()
        || words.len() > 10
        || words.iter().map(|w| w.chars().count() + 1).sum::<usize>() > 81
    {
        return false;
    }
    let last = words.len() - 1;
    words.iter().enumerate().all(|(i, w)| {
        let inner = i != 0 && i != last;
        let w = if i != last {
            w.strip_suffix(',').unwrap_or(w)
        } else {
            w
        };
        is_name_word(w, true) || (inner && (is_particle(w) || matches!(w, "and" | "&")))
    })
}

/// Writes drafts in the digest layout, one blank line between articles.
/// Each article ends with `read more`, or `read more: URL` when its URL is known.
pub fn write_digest(articles: &[ArticleDraft]) -> String {
    let mut out = String::new();
    for (i, a) in articles.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        write_digest_article(&mut out, a);
    }
    out
}

/// Appends one article in the digest layout to `out`, ending with a line break:
/// title, blank, `By NAME` and blank (if a byline), teaser and blank (if a
/// teaser), paragraphs separated by blank lines, blank, title, `read more[: URL]`.
///
/// Line breaks inside the title, byline or teaser are written as spaces, and
/// blank paragraphs are skipped, so the output stays a well-formed digest.
pub fn write_digest_article(out: &mut String, a: &ArticleDraft) {
    let title = one_line(&a.title);
    out.push_str(&title);
    out.push_str("\n\n");
    if let Some(byline) = a.byline.as_deref().filter(|b| !b.trim().is_empty()) {
        out.push_str("By ");
        out.push_str(&one_line(byline));
        out.push_str("\n\n");
    }
    if let Some(teaser) = a.teaser.as_deref().filter(|t| !t.trim().is_empty()) {
        out.push_str(&one_line(teaser));
        out.push_str("\n\n");
    }
    for p in a.paragraphs.iter().filter(|p| !p.trim().is_empty()) {
        out.push_str(p.trim());
        out.push_str("\n\n");
    }
    out.push_str(&title);
    out.push('\n');
    match a.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        Some(url) => {
            out.push_str("read more: ");
            out.push_str(url);
        }
        None => out.push_str("read more"),
    }
    out.push('\n');
}

/// The text on one line: line breaks become spaces, ends trimmed.
fn one_line(s: &str) -> String {
    s.trim().replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const FLOOD: &str = "\
Floods Cut Off Villages in Northern Varesh Province

BY  JANE DOE

Rescue teams reached three stranded villages on Tuesday.

Heavy rain swelled the Tamar river overnight, officials in Varesh said.

Rescue teams reached three stranded villages on Tuesday. More help is expected.

The water came at night
and took the bridge away

Photo: A road near Tamar under water. (Credit: Varesh Relief Office)

Floods Cut Off Villages in Northern Varesh Province
read more: https://example.org/news/varesh-floods

Market Reopens in Dunhar

Tomas de la Cruz

Traders returned to the old market on Monday.

Prices of flour stayed high, a trader said.

Market Reopens in Dunhar
read more
";

    #[test]
    fn parses_byline_teaser_verse_and_url() {
        let xs = parse_digest(FLOOD).unwrap();
        assert_eq!(xs.len(), 2);
        let a = &xs[0];
        assert_eq!(
            a.title,
            "Floods Cut Off Villages in Northern Varesh Province"
        );
        assert_eq!(a.byline.as_deref(), Some("JANE DOE"));
        assert_eq!(
            a.teaser.as_deref(),
            Some("Rescue teams reached three stranded villages on Tuesday.")
        );
        assert_eq!(a.paragraphs.len(), 4);
        assert!(a.paragraphs[0].starts_with("Heavy rain"));
        assert_eq!(
            a.paragraphs[2],
            "The water came at night\nand took the bridge away"
        );
        assert!(a.paragraphs[3].starts_with("Photo:"));
        assert_eq!(
            a.url.as_deref(),
            Some("https://example.org/news/varesh-floods")
        );
        assert_eq!(
            a.canonical_url.as_deref(),
            Some("https://example.org/news/varesh-floods")
        );

        let b = &xs[1];
        assert_eq!(b.byline.as_deref(), Some("Tomas de la Cruz"));
        assert_eq!(
            b.teaser, None,
            "the first paragraph is not repeated, so it is body"
        );
        assert_eq!(b.paragraphs.len(), 2);
        assert_eq!(b.url, None);
        assert_eq!(b.canonical_url, None);
    }

    #[test]
    fn teaser_only_when_repeated_later() {
        let text = "T\n\nA sentence that recurs later.\n\nBody one.\n\nHere: A sentence that recurs later.\n\nT\nread more\n";
        let a = &parse_digest(text).unwrap()[0];
        assert_eq!(a.teaser.as_deref(), Some("A sentence that recurs later."));
        assert_eq!(
            a.paragraphs,
            ["Body one.", "Here: A sentence that recurs later."]
        );

        let text = "T\n\nA sentence that does not recur.\n\nBody one.\n\nT\nread more\n";
        let a = &parse_digest(text).unwrap()[0];
        assert_eq!(a.teaser, None);
        assert_eq!(
            a.paragraphs,
            ["A sentence that does not recur.", "Body one."]
        );
    }

    #[test]
    fn bylines_and_non_bylines() {
        assert_eq!(byline_of("BY  JANE DOE").as_deref(), Some("JANE DOE"));
        assert_eq!(byline_of("BY\u{a0} JANE DOE").as_deref(), Some("JANE DOE"));
        assert_eq!(
            byline_of("By Jane Doe and J.P. Roe").as_deref(),
            Some("Jane Doe and J.P. Roe")
        );
        assert_eq!(byline_of("Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            byline_of("Abd al-Rahman Karimi").as_deref(),
            Some("Abd al-Rahman Karimi")
        );
        assert_eq!(byline_of("J. Doe").as_deref(), Some("J. Doe"));
        for not in [
            "Floods",
            "Rescue teams reached the village.",
            "By nightfall the river had risen",
            "Water Levels Rise Again Across The Whole Valley",
            "Tamar, Varesh",
            "Jane Doe:",
            "Flood of 2024",
            "“Jane Doe”",
            "Market Reopens in Dunhar",
        ] {
            assert_eq!(byline_of(not), None, "{not}");
        }
    }

    #[test]
    fn verse_paragraph_and_nbsp_blank_line() {
        let text = "Song\n\nfirst line here\nsecond line here\n\u{a0}\nprose after.\n \u{a0}\t\nSong\nread more";
        let a = &parse_digest(text).unwrap()[0];
        assert_eq!(
            a.paragraphs,
            ["first line here\nsecond line here", "prose after."]
        );
    }

    #[test]
    fn repeated_title_as_last_line_of_a_group() {
        let text = "Title\n\nbody para.\nTitle\nread more\n\nOther\n\nsecond body.\n\nOther\nREAD MORE:  http://example.org/x \n";
        let xs = parse_digest(text).unwrap();
        assert_eq!(xs[0].paragraphs, ["body para."]);
        assert_eq!(xs[1].paragraphs, ["second body."]);
        assert_eq!(xs[1].url.as_deref(), Some("http://example.org/x"));
    }

    #[test]
    fn crlf_and_bom() {
        let text = "\u{feff}Title  Here\r\n\r\nOne para.\r\n\r\nTitle Here\r\nread more\r\n";
        let a = &parse_digest(text).unwrap()[0];
        assert_eq!(a.title, "Title  Here");
        assert_eq!(a.paragraphs, ["One para."]);
    }

    #[test]
    fn title_mismatch_names_both_lines() {
        let text = "\n\nGood Title\n\nBody.\n\nOther Title\nread more\n";
        let err = parse_digest(text).unwrap_err();
        assert_eq!(
            err,
            Error::TitleMismatch {
                line: 7,
                title_line: 3,
                title: "Good Title".into(),
                repeated: "Other Title".into()
            }
        );
        let msg = err.to_string();
        assert!(msg.contains("line 7") && msg.contains("line 3"), "{msg}");
    }

    #[test]
    fn empty_and_not_a_digest() {
        assert_eq!(parse_digest(""), Err(Error::Empty));
        assert_eq!(parse_digest(" \n\u{a0}\r\n\t"), Err(Error::Empty));
        let err = parse_digest("Just a note.\n\nNothing else.\n").unwrap_err();
        assert!(matches!(err, Error::NotADigest { line: 1, .. }));
        assert!(err.to_string().contains("no `read more` line"), "{err}");
        // "read more" inside a sentence does not end an article.
        assert!(matches!(
            parse_digest("T\n\nRead more about it here.\n\nT\n"),
            Err(Error::NotADigest { .. })
        ));
    }

    #[test]
    fn unterminated_last_article() {
        let text = "A\n\nbody.\n\nA\nread more\n\nB\n\nbody without end.\n";
        assert_eq!(parse_digest(text), Err(Error::Unterminated { line: 8 }));
    }

    #[test]
    fn article_without_body_or_title() {
        assert!(matches!(
            parse_digest("A\nread more\n"),
            Err(Error::NoBody { line: 1, .. })
        ));
        assert!(matches!(
            parse_digest("A\n\nA\nread more\n"),
            Err(Error::NoBody { line: 1, .. })
        ));
        assert_eq!(
            parse_digest("A\n\nbody.\n\nA\nread more\n\nread more\n"),
            Err(Error::NoTitle { line: 8 })
        );
    }

    #[test]
    fn a_lone_name_is_body_not_byline() {
        let a = &parse_digest("T\n\nJane Doe\n\nT\nread more").unwrap()[0];
        assert_eq!(a.byline, None);
        assert_eq!(a.paragraphs, ["Jane Doe"]);
    }

    #[test]
    fn writes_the_layout() {
        let mut a = ArticleDraft::new(
            "Flood in Varesh",
            vec![
                "The river rose. It rained.".into(),
                "line one\nline two".into(),
            ],
        )
        .with_url("https://example.org/news/1");
        a.byline = Some("Jane Doe".into());
        a.teaser = Some("The river rose.".into());
        let b = ArticleDraft::new("Second", vec!["Body.".into()]);
        let text = write_digest(&[a.clone(), b]);
        assert_eq!(
            text,
            "Flood in Varesh\n\nBy Jane Doe\n\nThe river rose.\n\nThe river rose. It rained.\n\n\
             line one\nline two\n\nFlood in Varesh\nread more: https://example.org/news/1\n\n\
             Second\n\nBody.\n\nSecond\nread more\n"
        );
        let back = parse_digest(&text).unwrap();
        assert_eq!(back[0].byline, a.byline);
        assert_eq!(back[0].teaser, a.teaser);
        assert_eq!(back[0].paragraphs, a.paragraphs);
        assert_eq!(back[0].canonical_url, a.canonical_url);
    }
}
