//! The query language: every construct, and every bound.

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use khabar_index::query::{Expr, MAX_CLAUSES, MAX_DEPTH, TextField, parse, parse_at};

fn word(w: &str) -> Expr {
    Expr::Text {
        field: TextField::Any,
        text: w.into(),
        phrase: false,
    }
}

fn err(q: &str) -> String {
    parse(q).expect_err(q).message
}

#[test]
fn words_are_joined_by_and() {
    assert_eq!(
        parse("kabul flood").unwrap(),
        Expr::And(vec![word("kabul"), word("flood")])
    );
    assert_eq!(
        parse("kabul AND flood").unwrap(),
        parse("kabul flood").unwrap()
    );
    assert_eq!(parse("  ").unwrap(), Expr::All);
    // Lower-case operators are words.
    assert_eq!(
        parse("war and peace").unwrap(),
        Expr::And(vec![word("war"), word("and"), word("peace")])
    );
}

#[test]
fn or_not_minus_plus_and_precedence() {
    assert_eq!(
        parse("a b OR c").unwrap(),
        Expr::Or(vec![Expr::And(vec![word("a"), word("b")]), word("c")])
    );
    assert_eq!(
        parse("a -b").unwrap(),
        Expr::And(vec![word("a"), Expr::Not(Box::new(word("b")))])
    );
    assert_eq!(parse("a NOT b").unwrap(), parse("a -b").unwrap());
    assert_eq!(parse("+a").unwrap(), word("a"));
    assert_eq!(
        parse("(a OR b) c").unwrap(),
        Expr::And(vec![Expr::Or(vec![word("a"), word("b")]), word("c")])
    );
    // A dash inside a word or alone is not an operator.
    assert_eq!(parse("al-Qaeda").unwrap(), word("al-Qaeda"));
    assert_eq!(
        parse("a - b").unwrap(),
        Expr::And(vec![word("a"), word("b")])
    );
}

#[test]
fn phrases_and_fields() {
    assert_eq!(
        parse("\"peace talks\"").unwrap(),
        Expr::Text {
            field: TextField::Any,
            text: "peace talks".into(),
            phrase: true
        }
    );
    assert_eq!(
        parse("«صلح افغانستان»").unwrap(),
        Expr::Text {
            field: TextField::Any,
            text: "صلح افغانستان".into(),
            phrase: true
        }
    );
    assert_eq!(
        parse("title:election").unwrap(),
        Expr::Text {
            field: TextField::Title,
            text: "election".into(),
            phrase: false
        }
    );
    assert_eq!(parse("source:tolo").unwrap(), parse("outlet:tolo").unwrap());
    assert_eq!(
        parse("entity:\"Ashraf Ghani\"").unwrap(),
        Expr::Text {
            field: TextField::Entity,
            text: "Ashraf Ghani".into(),
            phrase: true
        }
    );
    assert!(matches!(
        parse("speaker:mujahid").unwrap(),
        Expr::Text {
            field: TextField::Speaker,
            ..
        }
    ));
    assert_eq!(parse("lang:fa-AF").unwrap(), Expr::Lang("fa".into()));
    assert_eq!(
        parse("topic:Security").unwrap(),
        Expr::Topic("security".into())
    );
    assert_eq!(parse("story:42").unwrap(), Expr::Story(42));
    assert_eq!(
        parse("title:(kabul OR herat)").unwrap(),
        Expr::Or(vec![
            Expr::Text {
                field: TextField::Title,
                text: "kabul".into(),
                phrase: false
            },
            Expr::Text {
                field: TextField::Title,
                text: "herat".into(),
                phrase: false
            },
        ])
    );
}

#[test]
fn dates_and_durations() {
    let now = Utc.with_ymd_and_hms(2024, 6, 15, 12, 0, 0).unwrap();
    let day = |d| Utc.with_ymd_and_hms(2024, 6, d, 0, 0, 0).unwrap();
    assert_eq!(
        parse_at("since:2024-06-01", now).unwrap(),
        Expr::Date {
            since: Some(day(1)),
            until: None
        }
    );
    // A bare `until` date includes its whole day.
    assert_eq!(
        parse_at("until:2024-06-10", now).unwrap(),
        Expr::Date {
            since: None,
            until: Some(day(11))
        }
    );
    assert_eq!(
        parse_at("date:P1W", now).unwrap(),
        Expr::Date {
            since: Some(Utc.with_ymd_and_hms(2024, 6, 8, 12, 0, 0).unwrap()),
            until: None
        }
    );
    assert_eq!(
        parse_at("date:2024-06-01/2024-06-02", now).unwrap(),
        Expr::Date {
            since: Some(day(1)),
            until: Some(day(3))
        }
    );
    assert_eq!(
        parse_at("date:2024-06-05", now).unwrap(),
        Expr::Date {
            since: Some(day(5)),
            until: Some(day(6))
        }
    );
    assert_eq!(
        parse_at("since:2024-06-01T04:30:00+04:30", now).unwrap(),
        Expr::Date {
            since: Some(day(1)),
            until: None
        }
    );
    assert_eq!(
        parse_at("since:7d", now).unwrap(),
        Expr::Date {
            since: Some(day(8) + chrono::Duration::hours(12)),
            until: None
        }
    );
}

#[test]
fn errors_say_what_is_wrong() {
    assert!(err("(kabul").contains("not closed"));
    assert!(err("kabul)").contains("no opening"));
    assert!(err("\"peace talks").contains("closing quote"));
    assert!(err("colour:red").contains("unknown field 'colour:'"));
    assert!(err("kabul OR").contains("ends too early"));
    assert!(err("OR kabul").contains("OR needs a term"));
    assert!(err("kabul NOT").contains("must be followed by a term"));
    assert!(err("story:abc").contains("a story is a number"));
    assert!(err("since:yesterday").contains("use a date"));
    assert!(err("date:P1X").contains("duration"));
    assert!(err("title:").contains("must be followed by a value"));
    assert!(err("()").contains("empty parentheses"));
    assert!(err("title:(entity:x)").contains("inside"));
}

#[test]
fn bounds_are_enforced() {
    let deep = format!("{}a{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
    assert!(parse(&deep).is_ok());
    let deeper = format!(
        "{}a{}",
        "(".repeat(MAX_DEPTH + 1),
        ")".repeat(MAX_DEPTH + 1)
    );
    assert!(parse(&deeper).unwrap_err().message.contains("levels deep"));

    let many = vec!["w"; MAX_CLAUSES].join(" ");
    assert!(parse(&many).is_ok());
    let too_many = vec!["w"; MAX_CLAUSES + 1].join(" ");
    assert!(parse(&too_many).unwrap_err().message.contains("at most 64"));
}

#[test]
fn hostile_queries_are_refused_fast() {
    let huge = "a".repeat(1 << 20);
    let nested = format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000));
    let unclosed = "(".repeat(1_900);
    for q in [&huge, &nested, &unclosed] {
        let t = Instant::now();
        let e = parse(q).unwrap_err();
        assert!(t.elapsed() < Duration::from_millis(20), "{:?}", t.elapsed());
        assert!(!e.message.is_empty());
    }
    assert!(
        parse(&huge)
            .unwrap_err()
            .message
            .contains("at most 2000 are allowed")
    );
}
