//! Numbers cited in an article: value, unit, approximation, what they count,
//! who is cited for them.
//!
//! A figure is a number that quantifies something: a count, an amount of
//! money, a percentage. Read:
//!
//! - digits in any script with their separators (`761,200`, `۷۶۱٬۲۰۰`,
//!   `٢٥٫٥`, a Persian decimal `۲/۵`), scales (`1.2 million`, `2bn`,
//!   `۷۶۱ هزار و ۲۰۰`, `lakh`, `crore`);
//! - English number words (`thirty`, `two hundred and fifty`, `a dozen` →
//!   12, approximate). `one` alone is not read: it is mostly a pronoun or a
//!   determiner. Vague plurals ("dozens", "hundreds of", "thousands") are not
//!   figures. Dari and Pashto number words are read inside a larger number
//!   (`دو هزار`, `درې زره`) or before a classifier (`پنج نفر`) only, since
//!   several of them are also common words;
//! - percentages (`25%`, `25 percent`, `۲۵ درصد`, `۲۵ سلنه`) with unit `%`;
//! - money with its currency before or after (`$2bn`, `500 afghanis`,
//!   `۵۰۰ افغانی`, `Rs 200`, `۱۰ میلیون دالر`): unit is the ISO code (`USD`,
//!   `AFN`, `EUR`, `IRR`, `PKR`, `INR`), or `rupee` / `toman` when the
//!   code is not certain;
//! - approximation markers before the number ("over", "more than", "nearly",
//!   "around", "at least", "up to", "less than", "بیش از", "حدود",
//!   "تقریباً", "کم از کم", "نږدې") and the Pashto ones around it
//!   ("له ۱۰۰ زیات").
//!
//! For counts, the unit is `people` when the counted noun is one for people
//! (refugees, children, نفر, کډوال…, "others" after a toll), else the
//! counted noun's head as written, lower case (`countries`, `meetings`),
//! given in English when it is a known unit or thing in another language
//! (کیلوگرام → `kilograms`, خیمه → `tents`; Dari تن is `tonnes` when it
//! weighs goods, people otherwise); `about` holds the counted
//! phrase, with the verb and place when the sentence gives them ("Afghan
//! refugees returned from Pakistan").
//!
//! Not figures: dates (a number beside a month, `2024-06-01`,
//! `۱۴۰۳/۰۸/۱۲`), years (four digits from 1300 to 2100 without a unit,
//! which covers solar-hijri years such as 1403), decades (`1960s`), times
//! (`10:30`, `9 am`), time spans and ages ("three years", "48 hours",
//! "a 45-year-old", "aged 45", `۴۵ ساله`, `۲۰ کلن`), ordinals (`21st`),
//! list numbers, phone numbers, numbers that name something
//! ("Resolution 2593", "page 4", "COP29", "COP 29", "Covid-19", "iPhone 6",
//! `ماده ۳`), dimensions ("1366 x 768"), descriptors ("a 12-step plan"),
//! scores and brackets written with a hyphen ("122-147", "18-49"; a range
//! with its unit, "15-20 per cent", is read as two figures), fractions
//! ("two thirds", "half a million") and times of day (`ساعت ۷`, `7 بجو`).
//! A range in words gives the second number's scale to the first when the
//! first is the smaller ("between 2 and 3 million", "۲۰۰ تا ۳۰۰ هزار").
//!
//! The cited source is read from the sentence ("according to X", "X said",
//! "X reported", "the X report states", "figures from X", "به گزارش X",
//! "به نقل از X", "X اعلام کرد که", "X اظهار داشت که", "د X په وینا", "X
//! وویل چې", "X په راپور کې ویل شوي چې", "X کا کہنا ہے کہ", "ادارے کے
//! مطابق" for the agency named before). A
//! sentence without one inherits the source of the sentence before it in
//! the same paragraph only when it continues it: inside a quotation opened
//! there ("The report states: “… . An average of …”"), or opening with
//! "Of these", "Among them", "از این میان", "له دې جملې" and the like.
//! Otherwise it has no source: a journalist's own background is not put in
//! someone's mouth. When entities are
//! given, a source inside an entity's mention is named by the entity's
//! canonical name, and a pronoun ("she said") by the last person named.
//!
//! ```
//! use khabar_understand::figures::find;
//! use khabar_model::Approx;
//!
//! let p = vec!["UNHCR reported that over 761,200 Afghan refugees have returned from Pakistan.".to_string()];
//! let f = find(&p, &[]);
//! assert_eq!(f.len(), 1);
//! assert_eq!(f[0].value, 761_200.0);
//! assert_eq!(f[0].approx, Some(Approx::Over));
//! assert_eq!(f[0].unit.as_deref(), Some("people"));
//! assert_eq!(f[0].about, "Afghan refugees returned from Pakistan");
//! assert_eq!(f[0].cited_source.as_deref(), Some("UNHCR"));
//! ```

mod lexicon;
mod tokens;

use khabar_model::{Approx, EntityKind};

use crate::entities::{FoundEntity, Occurrence};
use crate::sentences;
use lexicon as lx;
use tokens::{Kind, Tok, tokenize};

/// One cited number.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundFigure {
    pub value: f64,
    /// "people", "%", "USD", "AFN", …
    pub unit: Option<String>,
    pub approx: Option<Approx>,
    /// What the number counts ("Afghan refugees returned from Pakistan").
    pub about: String,
    /// Who the article cites for it ("UNHCR").
    pub cited_source: Option<String>,
    /// The number as written ("761,200", "۷۶۱٬۲۰۰", "thirty").
    pub surface: String,
    pub sentence: String,
    pub paragraph: u32,
}

/// Every cited number in the paragraphs (dates, ages and years excluded).
pub fn find(paragraphs: &[String], entities: &[FoundEntity]) -> Vec<FoundFigure> {
    let split: Vec<Vec<&str>> = paragraphs.iter().map(|p| sentences::split(p)).collect();
    find_split(paragraphs, &split, entities)
}

/// Gives a figure with no cited source the speaker of the quotation it
/// sits in ("“We have nine midwives,” Samadi said", an interview's answer):
/// the speaker says it. `quotes` come from [`crate::quotes::find`] on the
/// same paragraphs.
pub fn cite_quoted(figures: &mut [FoundFigure], quotes: &[crate::FoundQuote]) {
    for f in figures.iter_mut().filter(|f| f.cited_source.is_none()) {
        // The figure with the words right after it, as the quotation
        // must hold them.
        let Some(at) = f.sentence.find(&f.surface) else {
            continue;
        };
        let tail: String = f.sentence[at..]
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        let tail = tail.trim_end_matches(|c: char| !c.is_alphanumeric());
        if let Some(q) = quotes.iter().find(|q| {
            q.paragraph <= f.paragraph && f.paragraph <= q.paragraph + 3 && q.quote.contains(tail)
        }) {
            f.cited_source = Some(q.speaker.clone());
        }
    }
}

/// [`find`] given the paragraphs' sentences ([`sentences::split`] of each).
pub(crate) fn find_split(
    paragraphs: &[String],
    split: &[Vec<&str>],
    entities: &[FoundEntity],
) -> Vec<FoundFigure> {
    let mut out = Vec::new();
    // The last source named so far, for "the agency said" further down.
    let mut prior: Option<String> = None;
    // The source of the first sentence about a report, for "the report"
    // further down.
    let mut publisher: Option<String> = None;
    for ((pi, para), sentences) in paragraphs.iter().enumerate().zip(split) {
        let mut inherited: Option<String> = None;
        // Whether a quotation opened in an earlier sentence is still open.
        let mut open_quote = false;
        for &sentence in sentences {
            let offset = sentence.as_ptr() as usize - para.as_ptr() as usize;
            let toks = tokenize(sentence);
            let ctx = Context {
                toks: &toks,
                sentence,
                entities,
                paragraph: pi as u32,
                offset,
                prior: prior.as_deref(),
                publisher: publisher.as_deref(),
            };
            let sources = ctx.sources();
            if !(open_quote || continues(&toks)) {
                inherited = None;
            }
            let mut i = 0;
            while i < toks.len() {
                match read_quantity(&toks, i) {
                    Read::Figure(q) => {
                        let source =
                            nearest_source(&sources, q.first).or_else(|| inherited.clone());
                        let (about, head) = ctx.about(&q);
                        let unit = q.unit.clone().or_else(|| {
                            head.map(|h| {
                                if lx::is_family_noun(&h) {
                                    "families".to_string()
                                } else if lx::is_person_noun(&h) {
                                    "people".to_string()
                                } else {
                                    // In English whatever the language:
                                    // "کیلوگرام" → kilograms.
                                    lx::english_unit(&h).map_or(h, str::to_string)
                                }
                            })
                        });
                        out.push(FoundFigure {
                            value: q.value,
                            unit,
                            approx: q.approx,
                            about,
                            cited_source: source,
                            surface: sentence[toks[q.first].start..toks[q.end - 1].end].to_string(),
                            sentence: sentence.to_string(),
                            paragraph: pi as u32,
                        });
                        i = q.end;
                    }
                    Read::Skip(next) => i = next.max(i + 1),
                }
            }
            if let Some(s) = sources.iter().find(|s| s.2).or(sources.first()) {
                inherited = Some(s.1.clone());
            }
            open_quote = quote_open_after(sentence, open_quote);
            if publisher.is_none()
                && toks.iter().any(|x| x.is_word() && is_report_word(&x.norm))
                && let Some(s) = sources
                    .first()
                    .map(|s| s.1.clone())
                    .or_else(|| ctx.organisation_before(toks.len()))
            {
                publisher = Some(s);
            }
            if let Some(s) = sources.last() {
                prior = Some(s.1.clone());
            }
        }
    }
    out
}

/// Whether a quotation is open at the end of `sentence`, given whether one
/// was open at its start.
fn quote_open_after(sentence: &str, mut open: bool) -> bool {
    for c in sentence.chars() {
        match c {
            '“' | '«' | '„' => open = true,
            '”' | '»' => open = false,
            '"' => open = !open,
            _ => {}
        }
    }
    open
}

/// Whether a sentence opens by continuing the one before ("Of these, …").
fn continues(t: &[Tok<'_>]) -> bool {
    let w = |i: usize| t.get(i).map_or("", |x| x.norm.as_ref());
    matches!(
        (w(0), w(1)),
        ("of", "these" | "them" | "those" | "whom")
            | ("among", "them" | "these" | "those")
            | ("the", "rest" | "remainder")
            | ("از", "این" | "آن" | "جمله" | "میان")
            | ("له", "دې" | "دغو" | "دغه")
            | ("د", "دې" | "دغو")
    )
}

/// A number read at a token, or the index to continue after.
enum Read {
    Figure(Quantity),
    Skip(usize),
}

#[derive(Debug, Clone)]
struct Quantity {
    /// First token of the surface (a currency sign included).
    first: usize,
    /// First token of the number itself.
    num: usize,
    /// One past the last token of the surface.
    end: usize,
    /// Index just before which an approximation marker would be written.
    value: f64,
    unit: Option<String>,
    approx: Option<Approx>,
    percent: bool,
    /// Whether it was given with a Dari/Pashto person classifier (نفر, تن).
    classifier: bool,
}

fn read_quantity(t: &[Tok<'_>], i: usize) -> Read {
    // An Arabic dual noun counts two of what it names: "عيادتين" (two
    // clinics), "مستشفيين" (two hospitals).
    if t[i].kind == Kind::Word
        && let Some(unit) = lx::ar_dual_unit(&t[i].norm)
    {
        return Read::Figure(Quantity {
            first: i,
            num: i,
            end: i + 1,
            value: 2.0,
            unit: Some(unit.into()),
            approx: None,
            percent: false,
            classifier: false,
        });
    }
    let (value, mut j) = match t[i].kind {
        Kind::Num => match read_digits(t, i) {
            Ok(v) => v,
            Err(next) => return Read::Skip(next),
        },
        Kind::Word => match read_words(t, i) {
            Some(v) => v,
            None => return Read::Skip(i + 1),
        },
        Kind::Sym => return Read::Skip(i + 1),
    };
    let mut value = value;
    let mut q = Quantity {
        first: i,
        num: i,
        end: j,
        value,
        unit: None,
        approx: None,
        percent: false,
        classifier: false,
    };

    // Currency before: `$`, `US$`, `AFN 500`, `Rs. 200`.
    let mut money_before = None;
    if i > 0 {
        let p = &t[i - 1];
        if let Some(code) = lx::currency_before(&p.norm) {
            money_before = Some(code);
            q.first = i - 1;
            if p.sym('$') && i >= 2 && t[i - 2].is("us") && !p.space_before {
                q.first = i - 2;
            }
        } else if p.sym('.') && i >= 2 && t[i - 2].is("rs") {
            money_before = Some("rupee");
            q.first = i - 2;
        }
    }

    // Scale: "1.2 million", "2bn", "$5m", "۲ میلیون", "۷۶۱ هزار و ۲۰۰".
    if let Some(s) = t
        .get(j)
        .filter(|w| w.is_word())
        .and_then(|w| lx::scale(&w.norm))
    {
        let w = &t[j];
        let money_after = t.get(j + 1).is_some_and(|n| currency_at(n).is_some());
        if !lx::scale_needs_money(&w.norm)
            || (!w.space_before && (money_before.is_some() || money_after))
        {
            value *= s;
            j += 1;
            let (more, used) = scaled_remainder(t, j, s);
            value += more;
            j += used;
        }
    }

    // The first number of a range in words takes the scale of the second
    // when it is the smaller: "between 2 and 3 million", "۲۰۰ تا ۳۰۰ هزار",
    // "۲۰ سے ۲۵ ارب".
    if t[i].kind == Kind::Num
        && j == i + 1
        && t.get(j)
            .is_some_and(|c| c.is_word() && lx::is_range_word(&c.norm))
        && t.get(j + 1)
            .is_some_and(|y| y.kind == Kind::Num && y.value > value)
        && let Some(w) = t.get(j + 2).filter(|w| w.is_word())
        && let Some(s) = lx::scale(&w.norm)
        && (!lx::scale_needs_money(&w.norm)
            || t.get(j + 3).is_some_and(|n| currency_at(n).is_some()))
    {
        value *= s;
    }

    // The first number of a range takes the unit written after the second.
    if t[i].kind == Kind::Num
        && t.get(j).is_some_and(|x| x.sym('-') && !x.space_before)
        && t.get(j + 1)
            .is_some_and(|y| y.kind == Kind::Num && !y.space_before)
        && let Some(u) = range_unit(t, j + 2)
    {
        if u == "%" {
            q.percent = true;
        }
        let scale = t.get(j + 2).and_then(|x| lx::scale(&x.norm)).unwrap_or(1.0);
        q.value = value * scale;
        q.unit = (!u.is_empty())
            .then(|| u.to_string())
            .or(money_before.map(str::to_string));
        q.approx = approx_before(t, q.first);
        q.end = j;
        return Read::Figure(q);
    }
    // Percent, then currency after.
    let next = t.get(j);
    if next.is_some_and(|n| n.sym('%') || n.sym('٪') || lx::is_percent_word(&n.norm)) {
        q.percent = true;
        q.unit = Some("%".into());
        j += 1;
    } else if (next.is_some_and(|n| n.is("per")) && t.get(j + 1).is_some_and(|n| n.is("cent")))
        || (next.is_some_and(|n| n.is("در")) && t.get(j + 1).is_some_and(|n| n.is("صد")))
        || (next.is_some_and(|n| n.is("فی"))
            && t.get(j + 1).is_some_and(|n| lx::is_arabic_hundred(&n.norm)))
    {
        // "per cent", "در صد", "في المئة"
        q.percent = true;
        q.unit = Some("%".into());
        j += 2;
    } else if next.is_some_and(|n| n.is("us"))
        && let Some(code) = t.get(j + 1).and_then(|n| currency_at(n))
    {
        q.unit = Some(code.into());
        j += 2;
    } else if let Some(code) = next.and_then(|n| currency_at(n)) {
        q.unit = Some(code.into());
        j += 1;
    } else if let Some(code) = money_before {
        q.unit = Some(code.into());
    } else if next.is_some_and(|n| n.is("تن")) && weighs_goods(t, i, j) {
        // Dari "تن" weighs goods ("۴۲ تن زعفران") as it counts people.
        q.unit = Some("tonnes".into());
        j += 1;
    } else if next.is_some_and(|n| lx::is_person_classifier(&n.norm)) {
        q.classifier = true;
        q.unit = Some("people".into());
        j += 1;
    }
    let has_unit = q.unit.is_some() && !q.classifier;

    // Time spans, ages and times: "three years", "45-year-old", "۴۵ ساله".
    if !has_unit {
        // A unit made an adjective by Dari ی sizes an item, as "a
        // 50-kilogram bag" does: "بوری ۴۹ کیلوگرامی", "خانواده شش نفری".
        if t.get(j).is_some_and(|n| {
            n.arabic()
                && n.norm.strip_suffix('ی').is_some_and(|stem| {
                    lx::english_unit(stem).is_some() || matches!(stem, "نفر" | "تنه" | "رکن")
                })
        }) {
            return Read::Skip(j + 1);
        }
        // "children under five": an age.
        if i >= 2
            && matches!(t[i - 1].norm.as_ref(), "under" | "over" | "aged")
            && matches!(
                t[i - 2].norm.as_ref(),
                "children" | "child" | "kids" | "boys" | "girls" | "people" | "adults"
            )
        {
            return Read::Skip(j);
        }
        let mut k = j;
        if t.get(k).is_some_and(|n| n.sym('-') && !n.space_before) {
            k += 1;
        }
        let compound = t.get(k + 1).is_some_and(|n| n.sym('-') && !n.space_before) && k == j;
        if t.get(k).is_some_and(|n| lx::is_time_word(&n.norm)) && !compound {
            return Read::Skip(k + 1);
        }
        // "three more months", "two further weeks": a span still.
        if t.get(j).is_some_and(|n| {
            matches!(
                n.norm.as_ref(),
                "more" | "further" | "additional" | "extra" | "long"
            )
        }) && t.get(j + 1).is_some_and(|n| lx::is_time_word(&n.norm))
        {
            return Read::Skip(j + 2);
        }
        // A time of day: "six in the morning", "at 9 in the evening".
        if t.get(j).is_some_and(|n| n.is("in"))
            && t.get(j + 1).is_some_and(|n| n.is("the"))
            && t.get(j + 2).is_some_and(|n| {
                matches!(
                    n.norm.as_ref(),
                    "morning" | "afternoon" | "evening" | "night"
                )
            })
        {
            return Read::Skip(j + 3);
        }
        // The upper end of an age range: "aged 12 to 18", "ages 5 and 9",
        // "aged between 5 and 17"; its lower end: "aged between 5 …".
        let age_word = |k: usize| matches!(t[k].norm.as_ref(), "aged" | "ages" | "age");
        if i >= 3
            && (t[i - 1].is("to") || t[i - 1].is("and") || t[i - 1].sym('-'))
            && t[i - 2].kind == Kind::Num
            && (age_word(i - 3)
                || (i >= 4 && (t[i - 3].is("between") || t[i - 3].is("from")) && age_word(i - 4)))
        {
            return Read::Skip(j);
        }
        if i >= 2 && (t[i - 1].is("between") || t[i - 1].is("from")) && age_word(i - 2) {
            return Read::Skip(j);
        }
        // A ratio: "one in five children", "1 in 4".
        if t.get(j).is_some_and(|n| n.is("in"))
            && let Some(k) = t.get(j + 1).and_then(|n| match n.kind {
                Kind::Num => Some((n.value, j + 2)),
                Kind::Word => read_words(t, j + 1),
                Kind::Sym => None,
            })
            && k.0 > value
            && k.0 <= 1000.0
        {
            return Read::Skip(k.1);
        }
        if i >= 2
            && t[i - 1].is("in")
            && value <= 1000.0
            && (matches!(t[i - 2].norm.as_ref(), "one" | "two" | "three")
                || (t[i - 2].kind == Kind::Num && t[i - 2].value < value))
        {
            return Read::Skip(j);
        }
        // "11 a.m.", "9 p.m."
        if t.get(j).is_some_and(|n| n.is("a") || n.is("p"))
            && t.get(j + 1).is_some_and(|n| n.sym('.') && !n.space_before)
            && t.get(j + 2).is_some_and(|n| n.is("m") && !n.space_before)
        {
            return Read::Skip(j + 3);
        }
        // A descriptor, not a count: "a 12-step program", "a 10-point plan".
        if k > j && t[i].kind == Kind::Num {
            return Read::Skip(k);
        }
        // A time of day in words: "cheaper after ten", "until nine.".
        if t[i].kind == Kind::Word
            && value <= 12.0
            && i > 0
            && matches!(
                t[i - 1].norm.as_ref(),
                "after" | "before" | "until" | "till" | "past"
            )
            && t.get(j).is_none_or(|n| !n.is_word() || n.is("o'clock"))
        {
            return Read::Skip(j);
        }
        // An age in apposition: "Cynthia Roe, 22, a student".
        if i >= 2
            && t[i].kind == Kind::Num
            && t[i].value < 120.0
            && !t[i].separated
            && t[i - 1].sym(',')
            && t[i - 2].capital
            && t.get(j).is_some_and(|n| n.sym(','))
        {
            return Read::Skip(j);
        }
    }
    // Dates: a month beside the number.
    let month = |tok: &Tok<'_>| lx::is_month(&tok.norm) && (tok.norm != "may" || tok.capital);
    // "Sept. 11", "Nov. 2", Pashto "د مارچ په 29"
    let month_before = i > 0
        && (month(&t[i - 1])
            || ((t[i - 1].sym('.') || t[i - 1].is("په")) && i > 1 && month(&t[i - 2])));
    if !has_unit && (t.get(j).is_some_and(month) || month_before) {
        return Read::Skip(j);
    }
    if i > 0 && !has_unit {
        let p = &t[i - 1];
        // Ages and identifiers written before: "aged 45", "Resolution 2593",
        // "No. 5", "COP 29", "به سن ۴۵".
        let id_before = lx::is_id_word(&p.norm)
            || (p.sym('.') && i >= 2 && lx::is_id_word(&t[i - 2].norm))
            || matches!(p.norm.as_ref(), "aged" | "age" | "سن" | "عمر")
            || (p.is("of") && i >= 2 && t[i - 2].is("age"))
            || (p.is_word()
                && !p.arabic()
                && (2..=6).contains(&p.text.chars().count())
                && p.text.chars().all(|c| c.is_uppercase())
                && t[i].kind == Kind::Num
                && !t[i].separated
                && j == i + 1)
            // A model or version: "iPhone 6", "Surface Pro 3", "iOS 8" (a
            // small number after a name, with no counted noun after it).
            // Not a capitalised function word: "Q: Between 40 and 50".
            || (p.is_word()
                && !p.arabic()
                && i >= 2
                && p.text.chars().any(char::is_uppercase)
                && !lx::is_en_stop(&p.norm)
                && t[i].kind == Kind::Num
                && t[i].value < 100.0
                && !t[i].separated
                && j == i + 1
                && t.get(j).is_none_or(|n| {
                    !n.is_word() || n.text.chars().any(char::is_uppercase) || lx::is_en_stop(&n.norm)
                }))
            // Dimensions: "1366 x 768".
            || p.is("x")
            || p.sym('×')
            || t.get(j).is_some_and(|n| n.is("x") || n.sym('×'));
        if id_before {
            // The whole identifier: "No. 10-277".
            let mut k = j;
            while t
                .get(k)
                .is_some_and(|x| !x.space_before && (x.sym('-') || x.sym('/')))
                && t.get(k + 1)
                    .is_some_and(|y| y.kind == Kind::Num && !y.space_before)
            {
                k += 2;
            }
            return Read::Skip(k);
        }
    }

    // Pashto "more than" around the number: "له ۱۰۰ زیات".
    if let Some(n) = t.get(j)
        && lx::is_ps_more(&n.norm)
        && q.first > 0
        && matches!(t[q.first - 1].norm.as_ref(), "له" | "تر")
    {
        q.approx = Some(Approx::Over);
        j += 1;
    } else if q.first > 0
        && matches!(t[q.first - 1].norm.as_ref(), "له" | "تر")
        && t.get(j).is_some_and(|x| x.is_word() && x.arabic())
        && t.get(j + 1).is_some_and(|n| lx::is_ps_more(&n.norm))
    {
        // With the counted noun between: "تر ۶۰ زره ټنو زیات".
        q.approx = Some(Approx::Over);
    }
    // Urdu "more than" after the number: "۲۰۰ سے زیادہ".
    if let (Some(a), Some(b)) = (t.get(j), t.get(j + 1))
        && let Some(approx) = lx::ur_after(&a.norm, &b.norm)
    {
        q.approx = Some(approx);
        j += 2;
    }
    if q.approx.is_none() {
        q.approx = approx_before(t, q.first);
    }
    if t[i].is("a") && t.get(i + 1).is_some_and(|w| w.is("dozen")) && q.approx.is_none() {
        q.approx = Some(Approx::About);
    }
    q.value = value;
    q.end = j;
    Read::Figure(q)
}

/// Digits at `i`: the value and the index after them, or where to resume
/// when they are no figure.
fn read_digits(t: &[Tok<'_>], i: usize) -> Result<(f64, usize), usize> {
    let n = &t[i];
    let prev = i.checked_sub(1).map(|p| &t[p]);
    let next = t.get(i + 1);
    let glued_next = next.filter(|x| !x.space_before);
    // Phone numbers: "+93 700 123 456", one group after another.
    if prev.is_some_and(|p| p.sym('+')) {
        let mut k = i + 1;
        while t
            .get(k)
            .is_some_and(|x| x.kind == Kind::Num || (x.sym('-') && !x.space_before))
        {
            k += 1;
        }
        return Err(k);
    }
    // Glued to letters before ("COP29", "G20") or a `#`/`+` (ids, phone
    // numbers); not the Arabic conjunction و ("بين ٢ و٣").
    if let Some(p) = prev
        && !n.space_before
        && ((p.is_word() && !p.is("و")) || p.sym('#') || p.sym('+') || p.sym('№'))
    {
        return Err(i + 1);
    }
    // "Covid-19", "H5N1-2": letters, a hyphen, digits.
    if let Some(p) = prev
        && p.sym('-')
        && !n.space_before
        && !p.space_before
        && i >= 2
        && t[i - 2].is_word()
    {
        return Err(i + 1);
    }
    // Dates, times, scores and ranges written with separators: `2024-06-01`,
    // `12/06`, `9 / 11`, `10:30`, `8: 13`, scores `122-147`, brackets
    // `18-49`. A range with its unit ("15-20 per cent", "$5-10 million") or
    // in words ("between 20 and 39") is read as two figures.
    let small = |y: &Tok<'_>| !y.separated && y.value <= 31.0;
    let joins = |x: &Tok<'_>, y: &Tok<'_>, first: &Tok<'_>| {
        y.kind == Kind::Num
            && ((!x.space_before && !y.space_before && (x.sym(':') || x.sym('/') || x.sym('-')))
                || (x.sym(':') && !x.space_before)
                || (x.sym('/') && small(first) && small(y)))
    };
    if let (Some(x), Some(y)) = (next, t.get(i + 2))
        && joins(x, y, n)
    {
        let mut k = i;
        while let (Some(x), Some(y)) = (t.get(k + 1), t.get(k + 2)) {
            if !joins(x, y, &t[k]) {
                break;
            }
            k += 2;
        }
        let range = k == i + 2 && x.sym('-') && range_unit(t, k + 1).is_some();
        if !range {
            return Err(k + 1);
        }
    }
    if n.norm.matches('.').count() > 1 {
        let groups_ok = n.norm.split('.').skip(1).all(|g| g.len() == 3);
        if !groups_ok {
            return Err(i + 1);
        }
    }
    // Persian and Pashto ordinals and times of day: `47مین`, `۳ ام`, `ساعت ۷`.
    if next.is_some_and(|x| lx::is_fa_ordinal(&x.norm) || lx::is_clock_word(&x.norm))
        || prev.is_some_and(|p| lx::is_clock_word(&p.norm))
    {
        return Err(i + 2);
    }
    // Ordinals and decades: `21st`, `1960s`, `1990’s`.
    if let Some(x) = glued_next {
        if x.is_word() && matches!(x.norm.as_ref(), "st" | "nd" | "rd" | "th" | "s") {
            return Err(i + 2);
        }
        if (x.sym('\'') || x.sym('’')) && t.get(i + 2).is_some_and(|s| s.is("s") && !s.space_before)
        {
            return Err(i + 3);
        }
        // Glued letters that are no scale or unit: a code ("5G", "4x4").
        if x.is_word()
            && !x.arabic()
            && lx::scale(&x.norm).is_none()
            && currency_at(x).is_none()
            && !lx::is_time_word(&x.norm)
            && !lx::is_percent_word(&x.norm)
        {
            return Err(i + 2);
        }
    }
    // Years (Gregorian and solar hijri), unless money or a percentage follows.
    if !n.separated && n.int_digits == 4 && (1300.0..=2100.0).contains(&n.value) {
        let unit_follows = next.is_some_and(|x| {
            x.sym('%')
                || x.sym('٪')
                || lx::is_percent_word(&x.norm)
                || currency_at(x).is_some()
                || lx::scale(&x.norm).is_some()
        }) || prev.is_some_and(|p| lx::currency_before(&p.norm).is_some());
        // "حدود ۱۵۰۰ خانه", "1500 families", "۱۴۰۰ سے زائد": a count, not
        // a year.
        let counted = approx_before(t, i).is_some()
            || next
                .is_some_and(|x| lx::is_person_classifier(&x.norm) || lx::is_person_noun(&x.norm))
            || next
                .zip(t.get(i + 2))
                .is_some_and(|(a, b)| lx::ur_after(&a.norm, &b.norm).is_some());
        if !unit_follows && !counted {
            return Err(i + 1);
        }
    }
    // Phone numbers: long digit runs starting with 0.
    if !n.separated && n.int_digits >= 7 && n.norm.starts_with('0') {
        return Err(i + 1);
    }
    // List numbers: "1." or "2)" opening a sentence.
    if (i == 0 || (i == 1 && t[0].sym('(')))
        && !n.separated
        && n.value < 100.0
        && next.is_some_and(|x| !x.space_before && (x.sym('.') || x.sym(')')))
    {
        return Err(i + 2);
    }
    Ok((n.value, i + 1))
}

/// The unit written at `k`, after the second number of a range: `%`, a
/// currency, or a scale taken as a count ("5-10 million").
fn range_unit(t: &[Tok<'_>], k: usize) -> Option<&'static str> {
    let x = t.get(k)?;
    if x.sym('%') || x.sym('٪') || lx::is_percent_word(&x.norm) || x.is("per") {
        Some("%")
    } else if let Some(c) = currency_at(x) {
        Some(c)
    } else if lx::scale(&x.norm).is_some() && !lx::scale_needs_money(&x.norm) {
        t.get(k + 1).and_then(|y| currency_at(y)).or(Some(""))
    } else {
        None
    }
}

/// Number words at `i` ("thirty", "two hundred and fifty thousand",
/// "a dozen", "دو هزار"): the value and the index after them.
fn read_words(t: &[Tok<'_>], i: usize) -> Option<(f64, usize)> {
    let w = &t[i];
    if w.arabic() {
        // The Arabic dual of a scale: "مليوني شخص" (two million people).
        // With a preposition joined: "لمليوني شخص" (for two million
        // people), "بخمسة" (with five).
        let bare = w.text.trim_start_matches('و');
        let bare = bare
            .strip_prefix('ل')
            .or_else(|| bare.strip_prefix('ب'))
            .filter(|b| {
                lx::ar_unit(b).is_some()
                    || b.starts_with("ألف")
                    || b.starts_with("مليا")
                    || b.starts_with("مليو")
            })
            .unwrap_or(bare);
        // "بألف ميغاواط", "ألف عائلة": the scale alone before a noun is
        // one thousand of it.
        if bare == "ألف" && t.get(i + 1).is_some_and(|x| x.is_word() && x.arabic()) {
            return Some((1e3, i + 1));
        }
        let dual = match bare {
            "ألفي" | "ألفا" | "ألفين" => 2e3,
            "مليوني" | "مليونا" | "مليونين" => 2e6,
            "ملياري" | "مليارا" | "مليارين" => 2e9,
            _ => {
                // "أم لخمسة أطفال": a number word counting people.
                if let Some(v) = lx::ar_unit(bare) {
                    // A number word and a scale: "ثلاثة ملايين لاجئ" (three
                    // million refugees), as digits and a scale are read.
                    if let Some(s) = t.get(i + 1).and_then(|x| lx::scale(&x.norm))
                        && s >= 1e3
                    {
                        return Some((v * s, i + 2));
                    }
                    // Also things counted in a unit: "أربع مدارس" (four
                    // schools).
                    let people = t.get(i + 1).is_some_and(|x| {
                        lx::is_person_noun(&x.norm)
                            || lx::is_person_classifier(&x.norm)
                            || lx::english_unit(&x.norm).is_some()
                    });
                    // Not a ratio ("سرير لكل ثلاثة أطفال") or the size of
                    // a household ("أسرة من سبعة أفراد").
                    let ratio = i >= 1 && matches!(t[i - 1].text, "كل" | "لكل");
                    let household = i >= 2
                        && t[i - 1].text == "من"
                        && ["أسر", "عائل"].iter().any(|h| t[i - 2].text.starts_with(h));
                    return (people && !ratio && !household).then_some((v, i + 1));
                }
                return read_fa_ps_words(t, i);
            }
        };
        // "مليونين و٣٠٠ ألف": a smaller scale joined after.
        let (more, used) = scaled_remainder(t, i + 1, dual);
        return Some((dual + more, i + 1 + used));
    }
    let is_big =
        |s: &str| matches!(s, "hundred" | "dozen") || lx::scale(s).is_some_and(|_| s.len() > 2);
    let starts = lx::en_unit(&w.norm).is_some()
        || (matches!(w.norm.as_ref(), "a" | "an" | "one")
            && t.get(i + 1)
                .is_some_and(|n| is_big(&n.norm) && !n.norm.ends_with('s')));
    if !starts {
        return None;
    }
    // "Twenty20", "Four5": a number word with digits glued after it is a
    // name, not a number.
    if t.get(i + 1)
        .is_some_and(|n| !n.space_before && n.text.starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    // "the two sides", "both three": a reference back, not a cited number.
    // "half a million", "a quarter of a million": fractions are not read.
    if i > 0 && lx::is_fraction(&t[i - 1].norm) {
        return None;
    }
    let reference = |k: usize| {
        matches!(
            t[k].norm.as_ref(),
            "the" | "these" | "those" | "both" | "all" | "its" | "their"
        )
    };
    if i > 0 && reference(i - 1) {
        return None;
    }
    if i > 1
        && matches!(
            t[i - 1].norm.as_ref(),
            "last" | "next" | "past" | "first" | "previous" | "other" | "former" | "latter"
        )
        && reference(i - 2)
    {
        return None;
    }
    let (mut total, mut current) = (0.0f64, 0.0f64);
    let mut j = i;
    let mut any = false;
    while let Some(x) = t.get(j) {
        let n = x.norm.as_ref();
        if matches!(n, "a" | "an" | "one") && j == i {
            current = 1.0;
        } else if let Some(v) = lx::en_unit(n) {
            current += v;
            any = true;
        } else if n == "hundred" {
            current = current.max(1.0) * 100.0;
            any = true;
        } else if n == "dozen" {
            current = current.max(1.0) * 12.0;
            any = true;
        } else if let Some(s) = lx::scale(n).filter(|_| n.len() > 2 && !n.ends_with('s')) {
            total += current.max(1.0) * s;
            current = 0.0;
            any = true;
        } else if (n == "and" || x.sym('-'))
            && any
            && t.get(j + 1).is_some_and(|y| lx::en_unit(&y.norm).is_some())
        {
            // "two hundred and fifty", "twenty-five"
        } else {
            break;
        }
        j += 1;
    }
    if !any {
        return None;
    }
    // "two thirds", "two-thirds": a fraction, not a count.
    let after = if t.get(j).is_some_and(|x| x.sym('-') && !x.space_before) {
        j + 1
    } else {
        j
    };
    if t.get(after).is_some_and(|x| lx::is_fraction(&x.norm)) {
        return None;
    }
    // "two United Nations agencies": a number word before a name of two
    // capitalised words counts what follows the name, which it does not
    // name as a unit; not read.
    if t.get(j).is_some_and(|x| x.capital) && t.get(j + 1).is_some_and(|x| x.capital) {
        return None;
    }
    Some((total + current, j))
}

/// The currency a word after a number names. Arabic أفغاني ("an Afghan")
/// is no afghani, though it matches the Dari word once normalised.
fn currency_at(w: &Tok<'_>) -> Option<&'static str> {
    if w.text.starts_with('أ') {
        return None;
    }
    lx::currency_after(&w.norm)
}

/// The rest of a number after its scale `s` at `t[j]`: "… هزار و ۲۰۰", "…
/// میلیارد و ۱۰۰ میلیون", "۵ لاکھ ۴۰ ہزار" (a smaller scale). The value
/// and how many tokens it takes.
fn scaled_remainder(t: &[Tok<'_>], j: usize, s: f64) -> (f64, usize) {
    let and = usize::from(t.get(j).is_some_and(|w| w.is("و")));
    let Some(n) = t.get(j + and).filter(|n| n.kind == Kind::Num) else {
        return (0.0, 0);
    };
    let smaller = t
        .get(j + and + 1)
        .filter(|w| w.is_word())
        .and_then(|w| lx::scale(&w.norm))
        .filter(|&s2| s2 < s && !lx::scale_needs_money(&t[j + and + 1].norm));
    match smaller {
        Some(s2) if n.value * s2 < s => (n.value * s2, and + 2),
        None if and == 1 && n.value < s => (n.value, 2),
        _ => (0.0, 0),
    }
}

/// Dari and Pashto number words: only in a larger number or before a classifier.
fn read_fa_ps_words(t: &[Tok<'_>], i: usize) -> Option<(f64, usize)> {
    if lx::fa_ps_unit(&t[i].norm).is_none() {
        // A scale alone after an approximation, before people: "بیش از
        // هزار دختر" (over a thousand girls).
        let s = lx::scale(&t[i].norm)?;
        // Arabic "مليون و٤٠٠ ألف", Dari "هزار و ۲۰۰": the scale alone
        // stands for one of it, digits (with a smaller scale or not)
        // joined after.
        if s >= 1e3 && t.get(i + 1).is_some_and(|w| w.is("و")) {
            let (more, used) = scaled_remainder(t, i + 1, s);
            if used >= 2 && more > 0.0 {
                return Some((s + more, i + 1 + used));
            }
        }
        let people_next = t
            .get(i + 1)
            .is_some_and(|x| lx::is_person_noun(&x.norm) || lx::is_person_classifier(&x.norm));
        return (people_next && approx_before(t, i).is_some()).then_some((s, i + 1));
    }
    // Pashto "یو نوی روغتون" (a new hospital): نوی after یو is "new",
    // not ninety; "یو" alone is no count.
    if t[i].is("یو") && t.get(i + 1).is_some_and(|x| x.is("نوی"))
        || (t[i].is("نوی") && i > 0 && t[i - 1].is("یو"))
    {
        return None;
    }
    // "دوه یا درې ماشومان", "دو یا سه نفر": a few, no count.
    if i >= 2 && t[i - 1].is("یا") && lx::fa_ps_unit(&t[i - 2].norm).is_some() {
        return None;
    }
    let (mut total, mut current) = (0.0f64, 0.0f64);
    let mut j = i;
    let mut scaled = false;
    while let Some(x) = t.get(j) {
        let hundred = lx::is_hundred(&x.norm);
        if hundred && current > 0.0 && current < 10.0 {
            // "پنج صد", Pashto "اته سوه": the hundreds of what follows
            // ("اته سوه میلیونه", eight hundred million).
            current *= 100.0;
            scaled |= lx::scale(&x.norm).is_some();
        } else if let Some(v) = lx::fa_ps_unit(&x.norm) {
            current += v;
        } else if let Some(s) = lx::scale(&x.norm) {
            total += current.max(1.0) * s;
            current = 0.0;
            scaled = true;
        } else if x.is("نیم")
            && current > 0.0
            && current.fract() == 0.0
            && t.get(j + 1).is_some_and(|y| lx::scale(&y.norm).is_some())
        {
            // "دوه نیم میلیونه", "دو و نیم میلیون": and a half.
            current += 0.5;
        } else if (x.is("و") || x.is("او"))
            && t.get(j + 1).is_some_and(|y| {
                lx::fa_ps_unit(&y.norm).is_some() || (current > 0.0 && y.is("نیم"))
            })
        {
            // Dari "و", Pashto "او": "درې زره او پنځه سوه".
        } else if scaled && current == 0.0 && (x.is("و") || x.kind == Kind::Num) {
            // "یک میلیارد و ۱۰۰ میلیون": digits and a smaller scale after.
            let last = t[j - 1].norm.as_ref();
            let (more, used) = scaled_remainder(t, j, lx::scale(last).unwrap_or(0.0));
            if used == 0 {
                break;
            }
            total += more;
            j += used;
            continue;
        } else {
            break;
        }
        j += 1;
    }
    let value = total + current;
    // "سه نفر", "سه زن": a small number word counting people; also with
    // Pashto "نور" (more) between: "دوه نور ټپیان".
    // Also a noun for people with a possessive ending ("شش فرزندش"), or
    // a thing counted in an English unit ("سه خانه").
    // Not after digits, where a word is an adjective: Pashto "۱۲ نوي
    // ښوونځي" (twelve new schools; نوي is also ninety).
    let after_digits = i > 0 && t[i - 1].kind == Kind::Num;
    // Pashto agent nouns, one word or after their object: "اووه کان
    // کیندونکي" (seven miners).
    let agent = |n: &str| ["ونکي", "ونکی", "ونکو"].iter().any(|s| n.ends_with(s));
    let people = |x: &Tok<'_>| {
        let n = x.norm.as_ref();
        agent(n)
            || lx::is_person_classifier(n)
            || lx::is_person_noun(n)
            || lx::is_person_noun(possessed(n))
            // Pashto oblique plural: "د څلورو کسانو".
            || n.strip_suffix('و')
                .is_some_and(|b| b.chars().count() >= 2 && lx::is_person_classifier(b))
            // Not "نه" before a thing: "نه ځمکه شته او نه کور" (neither
            // land nor a house); as nine it counts people ("نه نفر").
            || (!after_digits && !t[i].is("نه") && lx::english_unit(n).is_some())
    };
    // "پنځه نور وړوکي بندونه": one word (an adjective) may come between
    // "نور" and a counted thing.
    // Pashto "څلور یې ماشومان" (four of them children): the clitic "یې"
    // between the number and the people.
    let classifier = t.get(j).is_some_and(people)
        || (t.get(j).is_some_and(|x| x.is_word())
            && t.get(j + 1).is_some_and(|x| agent(x.norm.as_ref())))
        || (t
            .get(j)
            .is_some_and(|x| x.is("یی") || x.is("یې") || x.is("ئې"))
            && t.get(j + 1)
                .is_some_and(|x| lx::is_person_noun(&x.norm) || lx::is_person_classifier(&x.norm)))
        || (t.get(j).is_some_and(|x| x.is("نور"))
            && (t.get(j + 1).is_some_and(people)
                || (!t[i].is("نه")
                    && t.get(j + 1).is_some_and(|x| x.is_word())
                    && t.get(j + 2)
                        .is_some_and(|x| lx::english_unit(&x.norm).is_some()))));
    // "سه درصد", "درې سلنه": a number word before a percent word.
    let percent = t.get(j).is_some_and(|x| lx::is_percent_word(&x.norm));
    if scaled || (classifier && value >= 2.0) || percent || (j > i + 2 && value >= 100.0) {
        Some((value, j))
    } else {
        None
    }
}

/// A Dari noun without its possessive ending: "فرزندش" → "فرزند".
fn possessed(n: &str) -> &str {
    n.strip_suffix("شان")
        .or_else(|| n.strip_suffix("ش"))
        // "سه دخترم" (my three daughters), "دو پسرمان".
        .or_else(|| n.strip_suffix("مان"))
        .or_else(|| n.strip_suffix("م"))
        .filter(|b| b.chars().count() >= 3)
        .unwrap_or(n)
}

/// Whether Dari "تن" after the number `t[i..j]` weighs goods: a word for
/// goods right after it ("تن گندم", "تن از مواد"), or before the number
/// in the sentence with no noun for people after "تن".
fn weighs_goods(t: &[Tok<'_>], i: usize, j: usize) -> bool {
    let after = |k: usize| t.get(k).is_some_and(|x| lx::is_goods(&x.norm));
    if after(j + 1) || (t.get(j + 1).is_some_and(|x| x.is("از")) && after(j + 2)) {
        return true;
    }
    let people_after = t.get(j + 1).is_some_and(|x| lx::is_person_noun(&x.norm))
        || t.get(j + 1).is_some_and(|x| x.is("از"))
            && t.get(j + 2).is_some_and(|x| lx::is_person_noun(&x.norm));
    !people_after && t[..i].iter().any(|x| lx::is_goods(&x.norm))
}

/// The approximation marker ending just before token `first`.
fn approx_before(t: &[Tok<'_>], first: usize) -> Option<Approx> {
    for (phrase, approx) in lx::APPROX_BEFORE {
        let n = phrase.len();
        if first >= n
            && t[first - n..first]
                .iter()
                .zip(phrase.iter())
                .all(|(tok, w)| tok.norm == *w)
        {
            // "over the last 40 years" is a span (excluded earlier); "about"
            // after a verb of speech ("talked about 25 …") is still rare enough.
            // "a documentary about three girls": "about" after an article's
            // noun is the preposition.
            if *phrase == ["about"]
                && first >= 3
                && matches!(t[first - 3].norm.as_ref(), "a" | "an" | "the")
                && t[first - 2].is_word()
                && !t[first - 2].capital
                && !matches!(
                    t[first - 2].norm.as_ref(),
                    "total" | "sum" | "estimated" | "reported" | "further" | "additional"
                )
            {
                return None;
            }
            return Some(*approx);
        }
    }
    None
}

/// Sources named in a sentence: (anchor token, name, stated with "according
/// to" or an equivalent), in sentence order.
type Sources = Vec<(usize, String, bool)>;

/// The source of a figure at token `at`: one stated with "according to"
/// (it attributes the whole sentence), else the one whose anchor precedes
/// `at` most closely, else the first after it.
fn nearest_source(sources: &Sources, at: usize) -> Option<String> {
    sources
        .iter()
        .find(|s| s.2)
        .or_else(|| sources.iter().rfind(|s| s.0 <= at))
        .or_else(|| sources.first())
        .map(|s| s.1.clone())
}

struct Context<'a, 't> {
    toks: &'t [Tok<'a>],
    sentence: &'a str,
    entities: &'t [FoundEntity],
    paragraph: u32,
    /// Byte offset of the sentence in its paragraph.
    offset: usize,
    /// The last source named before this sentence.
    prior: Option<&'t str>,
    /// The source of the first sentence about a report.
    publisher: Option<&'t str>,
}

/// A word naming a report, whose publisher "the report" later stands for.
fn is_report_word(w: &str) -> bool {
    matches!(w, "report" | "reports" | "گزارش" | "راپور" | "رپورٹ")
        // Arabic with its article or case ending: "التقرير", "تقريرا".
        || w.contains("تقریر")
}

impl<'t> Context<'_, 't> {
    /// The text from token `a` through token `b` (inclusive), as written.
    fn span(&self, a: usize, b: usize) -> &str {
        &self.sentence[self.toks[a].start..self.toks[b].end]
    }

    /// An entity mention that makes up most of the byte range of tokens
    /// `a..=b` ("the Afghan Red Crescent Society"), not one word of a
    /// longer name ("Herat" in "اتاق تجارت هرات").
    fn entity_at(&self, a: usize, b: usize) -> Option<String> {
        let (s, e) = (
            self.offset + self.toks[a].start,
            self.offset + self.toks[b].end,
        );
        self.entities
            .iter()
            .find(|ent| {
                ent.mentions.iter().any(|m| {
                    let (ms, me) = (m.start, m.start + m.surface.len());
                    let overlap = me.min(e).saturating_sub(ms.max(s));
                    m.paragraph == self.paragraph && overlap * 3 >= (e - s) * 2
                })
            })
            .map(|ent| ent.name.clone())
    }

    /// The organisation with a mention in this sentence before token `k`
    /// (anywhere in it when `k` is past its end), the first one.
    fn organisation_before(&self, k: usize) -> Option<String> {
        let s = self.offset;
        let e = self
            .toks
            .get(k)
            .map_or(self.offset + self.sentence.len(), |t| self.offset + t.start);
        self.entities
            .iter()
            .filter(|ent| ent.kind == EntityKind::Organization)
            .flat_map(|ent| ent.mentions.iter().map(move |m| (m, ent)))
            .filter(|(m, _)| m.paragraph == self.paragraph && m.start >= s && m.start < e)
            .min_by_key(|(m, _)| m.start)
            .map(|(_, ent)| ent.name.clone())
    }

    /// The organisation named last before this sentence, or in it, whose
    /// name holds `noun` ("the society" after "the Wildlife Conservation Society",
    /// "the ministry" after "the Federal Ministry of the Interior"), when
    /// the last source cited is not one.
    fn organisation_called(&self, noun: &str) -> Option<String> {
        let has = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(noun))
        };
        // Also named earlier in this sentence: "The X Committee sent 128
        // athletes, the committee said".
        self.organisations_before(self.offset + self.sentence.len())
            .filter(|(m, ent)| has(&m.surface) || has(&ent.name))
            .max_by_key(|(m, _)| (m.paragraph, m.start))
            .map(|(_, ent)| ent.name.clone())
            .filter(|name| self.prior.is_none_or(|p| p != name))
    }

    /// The organisation named last before this sentence, in the article:
    /// what "the agency said" stands for when no source was cited yet.
    fn organisation_named_last(&self) -> Option<String> {
        self.organisations_before(self.offset)
            .max_by_key(|(m, _)| (m.paragraph, m.start))
            .map(|(_, ent)| ent.name.clone())
    }

    /// Every mention of an organisation in an earlier paragraph, or in
    /// this one before byte `end`, with its entity.
    fn organisations_before(
        &self,
        end: usize,
    ) -> impl Iterator<Item = (&'t Occurrence, &'t FoundEntity)> + use<'t> {
        let paragraph = self.paragraph;
        self.entities
            .iter()
            .filter(|ent| ent.kind == EntityKind::Organization)
            .flat_map(|ent| ent.mentions.iter().map(move |m| (m, ent)))
            .filter(move |(m, _)| {
                m.paragraph < paragraph || (m.paragraph == paragraph && m.start < end)
            })
    }

    /// The organisation whose mention ends with token `b`.
    fn organisation_ending(&self, b: usize) -> Option<String> {
        let end = self.offset + self.toks[b].end;
        self.entities
            .iter()
            .filter(|ent| ent.kind == EntityKind::Organization)
            .find(|ent| {
                ent.mentions
                    .iter()
                    .any(|m| m.paragraph == self.paragraph && m.start + m.surface.len() == end)
            })
            .map(|ent| ent.name.clone())
    }

    /// A person whose mention makes up tokens `a..=b`.
    fn person_at(&self, a: usize, b: usize) -> Option<String> {
        let name = self.entity_at(a, b)?;
        self.entities
            .iter()
            .any(|e| e.name == name && e.kind == EntityKind::Person)
            .then_some(name)
    }

    /// An organisation whose mention makes up tokens `a..=b`.
    fn organisation_at(&self, a: usize, b: usize) -> Option<String> {
        let name = self.entity_at(a, b)?;
        self.entities
            .iter()
            .any(|e| e.name == name && e.kind == EntityKind::Organization)
            .then_some(name)
    }

    /// A place whose mention makes up tokens `a..=b`.
    fn place_at(&self, a: usize, b: usize) -> Option<String> {
        let name = self.entity_at(a, b)?;
        self.entities
            .iter()
            .any(|e| e.name == name && e.kind == EntityKind::Place)
            .then_some(name)
    }

    /// The place of an English subject "officials in PLACE (province)"
    /// ending before token `e`: unnamed officials speak for their province
    /// or district.
    fn officials_of_place(&self, e: usize) -> Option<String> {
        let t = self.toks;
        let mut b = e;
        if b > 0 && matches!(t[b - 1].norm.as_ref(), "province" | "district") {
            b -= 1;
        }
        let mut a = b;
        while a > 0 && b - a < 3 && t[a - 1].capital && t[a - 1].is_word() {
            a -= 1;
        }
        if a == b
            || a < 2
            || !matches!(t[a - 1].norm.as_ref(), "in" | "of")
            || t[a - 2].capital
            || !matches!(
                t[a - 2].norm.as_ref(),
                "officials" | "authorities" | "police"
            )
        {
            return None;
        }
        self.place_at(a, b - 1)
    }

    /// The person last named before token `k` (for "she said").
    fn person_before(&self, k: usize) -> Option<String> {
        let at = (self.paragraph, self.offset + self.toks[k].start);
        self.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .flat_map(|e| e.mentions.iter().map(move |m| ((m.paragraph, m.start), e)))
            .filter(|(pos, _)| *pos < at)
            .max_by_key(|(pos, _)| *pos)
            .map(|(_, e)| e.name.clone())
    }

    /// A name as written over tokens `a..=b`: the entity's canonical name when
    /// one covers it, else a parenthesised acronym inside it, else the text.
    fn name(&self, a: usize, b: usize) -> String {
        if let Some(e) = self.entity_at(a, b) {
            return e;
        }
        let t = self.toks;
        for k in a..=b {
            if t[k].sym('(')
                && k + 2 <= b
                && t[k + 2].sym(')')
                && t[k + 1].text.chars().filter(|c| c.is_uppercase()).count() >= 2
            {
                return t[k + 1].text.to_string();
            }
        }
        self.span(a, b).to_string()
    }

    fn sources(&self) -> Sources {
        let t = self.toks;
        let mut out = Vec::new();
        for k in 0..t.len() {
            let w = &t[k];
            if !w.is_word() {
                continue;
            }
            if w.arabic() {
                if let Some((s, opener)) = self.fa_ps_source(k) {
                    out.push((k, s, opener));
                }
                continue;
            }
            // "according to X"
            if w.is("according") && t.get(k + 1).is_some_and(|x| x.is("to")) {
                // "according to its director in Herat, Mohammad Nabi
                // Saberi": the name after a role in apposition.
                let role_then_name = || {
                    if !t
                        .get(k + 2)
                        .is_some_and(|x| matches!(x.norm.as_ref(), "its" | "their" | "the"))
                        || t.get(k + 3).is_none_or(|x| x.capital || !x.is_word())
                    {
                        return None;
                    }
                    let c = (k + 4..t.len().min(k + 9))
                        .take_while(|&c| t[c].is_word() || t[c].sym(','))
                        .find(|&c| t[c].sym(','))?;
                    self.name_after(c + 1, false)
                };
                if let Some(s) = self.name_after(k + 2, true) {
                    out.push((k, s, true));
                } else if let Some(s) = role_then_name() {
                    out.push((k, s, true));
                } else if t.get(k + 2).is_some_and(|x| x.is("the") || x.is("this"))
                    && t.get(k + 3).is_some_and(|x| lx::is_back_reference(&x.norm))
                    && let Some(p) = self
                        .organisation_called(&t[k + 3].norm)
                        .or(self.prior.map(str::to_string))
                {
                    // "According to the agency, …": the source named before,
                    // the organisation the noun names first.
                    out.push((k, p, true));
                } else if t
                    .get(k + 2)
                    .is_some_and(|x| matches!(x.norm.as_ref(), "a" | "an" | "its" | "the"))
                    && t.get(k + 3).is_some_and(|x| lx::is_document_noun(&x.norm))
                    && let Some(p) = self
                        .organisation_before(k)
                        .or(self.prior.map(str::to_string))
                {
                    // "X sold …, according to a statement on its website":
                    // the organisation the sentence is about.
                    out.push((k, p, true));
                }
                continue;
            }
            // "figures from X", "a report by X", "data of X"
            if lx::is_document_noun(&w.norm)
                && !w.capital
                && t.get(k + 1)
                    .is_some_and(|x| matches!(x.norm.as_ref(), "from" | "by" | "of"))
            {
                if let Some(s) = self.name_after(k + 2, false) {
                    out.push((k, s, true));
                }
                continue;
            }
            // Checked only for a reporting verb (most words are not).
            let reported_follows = || {
                t.get(k + 1).is_none_or(|x| {
                    x.is("that")
                        || x.kind == Kind::Num
                        || (x.kind == Kind::Sym && !x.sym('(') && !x.sym('-'))
                        || lx::APPROX_BEFORE.iter().any(|(p, _)| p[0] == x.norm)
                })
            };
            // "the chamber estimates losses", "UNHCR reports 5,000" are
            // verbs; "from the UN states" is not.
            let subject_before = || {
                k > 0
                    && t[k - 1].is_word()
                    && ((!t[k - 1].capital && lx::is_back_reference(&t[k - 1].norm))
                        || (t[k - 1].capital
                            && (k < 2 || !matches!(t[k - 2].norm.as_ref(), "the" | "a" | "an"))))
            };
            // "The ministry said it had registered …": "it" is the source
            // already named, not a person.
            let mut e = k;
            while e > 0 && lx::is_aux(&t[e - 1].norm) && t[e - 1].is_word() {
                e -= 1;
            }
            if e > 0 && t[e - 1].is("it") && !out.is_empty() {
                continue;
            }
            if lx::is_report_verb(&w.norm)
                && !(w.capital && k == 0)
                && (!lx::is_ambiguous_report_verb(&w.norm)
                    || reported_follows()
                    || subject_before())
            {
                if let Some(s) = self.name_before(k) {
                    out.push((k, s, false));
                } else if k > 0
                    && (t[k - 1].sym(',') || t[k - 1].sym('”') || t[k - 1].sym('"'))
                    && let Some(s) = self.name_after(k + 1, false)
                {
                    // "…,” said Khalis"
                    out.push((k, s, false));
                }
            }
        }
        out
    }

    /// The name that is the subject of the verb at `k`.
    fn name_before(&self, k: usize) -> Option<String> {
        let t = self.toks;
        let mut e = k;
        // "has reported", "have said"
        while e > 0 && lx::is_aux(&t[e - 1].norm) && t[e - 1].is_word() && !t[e - 1].capital {
            e -= 1;
        }
        // "The UN Office … (OCHA) says": the acronym, else the name
        // before the brackets.
        if e > 1
            && t[e - 1].sym(')')
            && let Some(o) = (e.saturating_sub(5)..e - 1).rev().find(|&i| t[i].sym('('))
        {
            if o + 2 == e - 1 && t[o + 1].is_word() && t[o + 1].capital {
                return Some(self.span(o + 1, o + 1).to_string());
            }
            e = o;
        }
        // "the UNHCR report states", "WHO figures show"
        if e > 0 && lx::is_document_noun(&t[e - 1].norm) && !t[e - 1].capital {
            e -= 1;
            // "…, the report said": the report's publisher, named before.
            if e > 0
                && matches!(
                    t[e - 1].norm.as_ref(),
                    "the" | "its" | "this" | "that" | "their"
                )
            {
                return self.publisher.or(self.prior).map(str::to_string);
            }
        }
        if e == 0 {
            return None;
        }
        let last = &t[e - 1];
        if last.is_word() && lx::is_pronoun(&last.norm) {
            return self.person_before(e - 1);
        }
        // "The UN children’s agency said": an organisation the entities
        // know by a name in lower case.
        if last.is_word()
            && !last.capital
            && let Some(org) = self.organisation_ending(e - 1)
        {
            return Some(org);
        }
        // "the agency said": the source named before.
        if last.is_word()
            && !last.capital
            && lx::is_back_reference(&last.norm)
            && e >= 2
            && t[e - 2].is("the")
        {
            return self
                .organisation_called(&last.norm)
                .or(self.prior.map(str::to_string))
                .or_else(|| self.organisation_named_last());
        }
        // "officials in Parwan province said": the province they speak for.
        if let Some(place) = self.officials_of_place(e) {
            return Some(place);
        }
        if last.is_word() && !last.capital && lx::is_generic_source(&last.norm) {
            let a = if e >= 2 && t[e - 2].capital && t[e - 2].is_word() {
                e - 2
            } else {
                e - 1
            };
            return Some(self.span(a, e - 1).to_string());
        }
        // "The report, based on …, found": its publisher.
        if last.sym(',') {
            let lead = usize::from(t.first().is_some_and(|x| x.is("the")));
            if t.get(lead).is_some_and(|x| is_report_word(&x.norm))
                && t.get(lead + 1).is_some_and(|x| x.sym(','))
            {
                return self.publisher.or(self.prior).map(str::to_string);
            }
        }
        // "Ehsan Ahmadi, a refugee rights advocate, told": skip the apposition.
        if last.sym(',') {
            let mut c = e - 1;
            while c > 0 && !t[c - 1].sym(',') && e - c < 16 {
                c -= 1;
            }
            // "UNICEF’s representative in Afghanistan, Tajudeen Oyewale,
            // said": the apposition is the person.
            if c + 1 < e
                && let Some(p) = self.person_at(c, e - 2)
            {
                return Some(p);
            }
            // "The transport company, Zarin Logistics, said": a body in
            // apposition to a common noun (not "X, a director of Y, said").
            if c + 1 < e
                && c > 1
                && t[c - 1].sym(',')
                && !t[c - 2].capital
                && let Some(o) = self.organisation_at(c, e - 2)
            {
                return Some(o);
            }
            if c > 1 && t[c - 1].sym(',') {
                return self.capital_run_ending(c - 1);
            }
            return None;
        }
        self.capital_run_ending(e)
            .or_else(|| self.clause_subject(e))
    }

    /// "…, the city’s police command said", "…, bakers in the old city
    /// said": up to six words in lower case between a comma and the verb
    /// at `e`, without their article, the first of them no function word.
    fn clause_subject(&self, e: usize) -> Option<String> {
        let t = self.toks;
        let mut a = e;
        while a > 0 && e - a < 7 && !t[a - 1].sym(',') {
            let x = &t[a - 1];
            let word = x.is_word() && !x.arabic() && !x.capital;
            let joint = x.sym('’') || x.sym('\'') || x.is("s") || x.is("the");
            if !(word || joint) {
                return None;
            }
            a -= 1;
        }
        if a == 0 || a == e || !t[a - 1].sym(',') {
            return None;
        }
        while a < e && matches!(t[a].norm.as_ref(), "the" | "a" | "an") {
            a += 1;
        }
        (a < e && t[e - 1].is_word() && t[a].is_word() && !lx::is_en_stop(&t[a].norm))
            .then(|| self.span(a, e - 1).to_string())
    }

    /// The run of capitalised words (with connectors and a parenthesised
    /// acronym) that ends just before token `e`.
    fn capital_run_ending(&self, e: usize) -> Option<String> {
        let t = self.toks;
        let mut a = e;
        let mut k = e;
        while k > 0 {
            let x = &t[k - 1];
            if x.sym(')') && k >= 3 && t[k - 3].sym('(') && t[k - 2].is_word() {
                k -= 3;
                continue;
            }
            if x.is_word() && x.capital && !x.arabic() && !lx::is_month(&x.norm) {
                k -= 1;
                a = k;
                continue;
            }
            if x.is_word()
                && lx::is_name_connector(&x.norm)
                && k >= 2
                && t[k - 2].is_word()
                && t[k - 2].capital
                && !x.capital
            {
                k -= 1;
                continue;
            }
            break;
        }
        if a == e {
            return None;
        }
        // A sentence-initial "The" is no part of the name.
        while a < e && matches!(t[a].norm.as_ref(), "the" | "a" | "an") {
            a += 1;
        }
        if a >= e {
            return None;
        }
        // The run may reach back over "(UNHCR)" that belongs to it.
        let b = (a..e)
            .rev()
            .find(|&b| t[b].is_word() || t[b].sym(')'))
            .unwrap_or(e - 1);
        Some(self.name(a, b))
    }

    /// The name starting at token `k` ("the UNHCR", "the Washington
    /// Institute for Near East Policy"); with `skip_words`, up to four
    /// lower-case words and a "from"/"by"/"of" may come first ("a new
    /// report from X").
    fn name_after(&self, k: usize, skip_words: bool) -> Option<String> {
        let t = self.toks;
        let mut a = k;
        while t
            .get(a)
            .is_some_and(|x| matches!(x.norm.as_ref(), "the" | "a" | "an"))
        {
            a += 1;
        }
        if skip_words && t.get(a).is_some_and(|x| x.is_word() && !x.capital) {
            let limit = (a + 5).min(t.len());
            if let Some(p) =
                (a..limit).find(|&p| matches!(t[p].norm.as_ref(), "from" | "by" | "of"))
            {
                a = p + 1;
                while t
                    .get(a)
                    .is_some_and(|x| matches!(x.norm.as_ref(), "the" | "a" | "an"))
                {
                    a += 1;
                }
            }
        }
        // "said Dr. Farida Rahmani": an abbreviated title, its point after
        // it, before a person's name.
        if t.get(a).is_some_and(|x| {
            x.is_word()
                && x.capital
                && matches!(
                    x.norm.as_ref(),
                    "dr" | "mr" | "mrs" | "ms" | "prof" | "gen" | "col" | "capt" | "eng"
                )
        }) {
            let p = a + usize::from(t.get(a + 1).is_some_and(|x| x.sym('.')));
            if t.get(p + 1).is_some_and(|x| x.is_word() && x.capital) {
                a = p + 1;
            }
        }
        // "said shopkeeper Naqib Ahmadzai": a lower-case title before a
        // person's name.
        if t.get(a)
            .is_some_and(|x| x.is_word() && !x.capital && !x.arabic())
            && t.get(a + 1).is_some_and(|x| x.is_word() && x.capital)
        {
            let mut e = a + 1;
            while t.get(e + 1).is_some_and(|x| x.is_word() && x.capital) {
                e += 1;
            }
            if let Some(p) = self.person_at(a + 1, e) {
                return Some(p);
            }
        }
        let mut b = a;
        let mut last = None;
        while let Some(x) = t.get(b) {
            if x.is_word() && x.capital && !x.arabic() {
                last = Some(b);
            } else if x.sym('(') && t.get(b + 2).is_some_and(|y| y.sym(')')) && last.is_some() {
                last = Some(b + 2);
                b += 3;
                continue;
            } else if !(x.is_word() && lx::is_name_connector(&x.norm) && last.is_some()) {
                break;
            }
            b += 1;
        }
        last.map(|l| self.name(a, l))
    }

    /// Dari and Pashto sources: "به گزارش X،", "به نقل از X", "بر اساس
    /// گزارش X", "د X په وینا", "X اعلام کرد که", "X وویل چې".
    /// An Arabic-script source over tokens `a..=b`: a pronoun (او، هغه،
    /// انہوں) stands for the person named last; words naming no entity
    /// ("روز سه‌شنبه در کابل", "به خبرنگاران") give way to the first
    /// person or organisation the sentence named before `b`.
    /// Whether a person's mention overlaps tokens `a..=b`.
    fn names_person(&self, a: usize, b: usize) -> bool {
        let (s, e) = (
            self.offset + self.toks[a].start,
            self.offset + self.toks[b].end,
        );
        self.entities
            .iter()
            .filter(|ent| ent.kind == EntityKind::Person)
            .flat_map(|ent| ent.mentions.iter())
            .any(|m| m.paragraph == self.paragraph && m.start < e && m.start + m.surface.len() > s)
    }

    fn fa_ps_name(&self, a: usize, b: usize) -> String {
        let t = self.toks;
        if a == b
            && lx::is_ar_pronoun(&t[a].norm)
            && let Some(p) = self.person_before(a)
        {
            return p;
        }
        if let Some(e) = self.entity_at(a, b) {
            return e;
        }
        // The person among the words ("… وزارت ویاند عبدالمطلب حقاني"),
        // else the words as written when they name anyone at all.
        let (s, e) = (
            self.offset + self.toks[a].start,
            self.offset + self.toks[b].end,
        );
        let inside: Vec<(usize, &FoundEntity)> = self
            .entities
            .iter()
            .flat_map(|ent| ent.mentions.iter().map(move |m| (m, ent)))
            .filter(|(m, _)| {
                m.paragraph == self.paragraph && m.start < e && m.start + m.surface.len() > s
            })
            .map(|(m, ent)| (m.start, ent))
            .collect();
        if let Some((_, p)) = inside
            .iter()
            .filter(|(_, ent)| ent.kind == EntityKind::Person)
            .max_by_key(|(at, _)| *at)
        {
            return p.name.clone();
        }
        // "برنامج الأغذية العالمي التابع للأمم المتحدة", "تعلقات عامہ (آئی
        // ایس پی آر)", "منظمة اليونسكو": an organisation heading the words,
        // in brackets, or after a bare noun for an organisation; not one
        // after another head ("وزارت خارجه طالبان", "the Taliban's foreign
        // ministry", is the ministry).
        let head_at = |at: usize| {
            let before = &self.sentence
                [s - self.offset..at.saturating_sub(self.offset).max(s - self.offset)];
            before.trim().is_empty()
                || before.trim_end().ends_with('(')
                || before
                    .split_whitespace()
                    .all(|w| lx::is_ar_org_noun(&crate::normalize::normalize(w)))
        };
        if let Some((_, o)) = inside
            .iter()
            .filter(|(at, ent)| ent.kind == EntityKind::Organization && head_at(*at))
            .min_by_key(|(at, _)| *at)
        {
            return o.name.clone();
        }
        // "مسئولان زراعت ولایت غور", "د ننګرهار ولایت چارواکو": unnamed
        // officials speak for their province.
        if (a..=b).any(|k| lx::is_ar_officials(&t[k].norm))
            && let Some((_, p)) = inside
                .iter()
                .filter(|(_, ent)| ent.kind == EntityKind::Place)
                .max_by_key(|(at, _)| *at)
        {
            return p.name.clone();
        }
        if inside.is_empty()
            && let Some(e) = self.first_named_before(b)
        {
            return e;
        }
        self.name(a, b)
    }

    /// The first person or organisation named in the sentence before
    /// token `k`.
    fn first_named_before(&self, k: usize) -> Option<String> {
        let (s, e) = (self.offset, self.offset + self.toks[k].start);
        self.entities
            .iter()
            .filter(|ent| ent.kind != EntityKind::Place)
            .flat_map(|ent| ent.mentions.iter().map(move |m| (m, ent)))
            .filter(|(m, _)| m.paragraph == self.paragraph && m.start >= s && m.start < e)
            .min_by_key(|(m, _)| m.start)
            .map(|(_, ent)| ent.name.clone())
    }

    fn fa_ps_source(&self, k: usize) -> Option<(String, bool)> {
        let t = self.toks;
        let is = |i: usize, w: &str| t.get(i).is_some_and(|x| x.is(w));
        let stop = |x: &Tok<'_>| {
            x.kind == Kind::Num
                || (x.kind == Kind::Sym && !x.sym('(') && !x.sym(')'))
                || x.is("که")
                || x.is("چې")
        };
        let take = |from: usize, max: usize| -> Option<String> {
            let mut b = from;
            while b < t.len() && b < from + max && !stop(&t[b]) {
                b += 1;
            }
            (b > from).then(|| self.fa_ps_name(from, b - 1))
        };
        // Arabic: "بحسب X", "وفقا لـ X"; "ذكرت X أن …", "قال X إن …" (the
        // verb first, its subject after it).
        if matches!(
            t[k].norm.as_ref(),
            "بحسب" | "وبحسب" | "حسب" | "وفق" | "وفقا"
        ) {
            return take(k + 1, 8).map(|s| (s, true));
        }
        if lx::is_ar_report_verb(&t[k].norm) {
            // "وأشار البيان إلى …": the statement's publisher, named before.
            if t.get(k + 1)
                .is_some_and(|x| matches!(x.norm.as_ref(), "البیان" | "التقریر" | "بیان" | "تقریر"))
            {
                let report = t.get(k + 1).is_some_and(|x| x.norm.contains("تقریر"));
                let by = if report {
                    self.publisher.or(self.prior)
                } else {
                    self.prior
                };
                return by.map(|p| (p.to_string(), false));
            }
            let that = |x: &Tok<'_>| {
                matches!(
                    x.norm.as_ref(),
                    "ان" | "انه" | "انها" | "بان" | "بانه" | "بانها"
                )
            };
            let mut b = k + 1;
            while b < t.len()
                && b < k + 9
                && !stop(&t[b])
                && !that(&t[b])
                && !t[b].is("یوم")
                && !t[b].is("فی")
            {
                b += 1;
            }
            // "وأفاد نائب وزير الخارجية في حكومة طالبان، X، بأن …": the
            // person in apposition after the role, before "أن".
            if b > k + 1 && !self.names_person(k + 1, b - 1) {
                let c = (b..t.len().min(k + 16))
                    .take_while(|&c| !that(&t[c]))
                    .find(|&c| t[c].sym('،') || t[c].sym(','));
                if let Some(c) = c
                    && let Some(d) =
                        (c + 1..t.len().min(c + 8)).find(|&d| t[d].sym('،') || t[d].sym(','))
                    && d > c + 1
                    && let Some(person) = self.person_at(c + 1, d - 1)
                {
                    return Some((person, false));
                }
            }
            if b > k + 1 {
                return Some((self.fa_ps_name(k + 1, b - 1), false));
            }
            return self.person_before(k).map(|p| (p, false));
        }
        // Urdu "X کے مطابق" (according to X): X back to the clause's start.
        if is(k, "مطابق") && k >= 2 && matches!(t[k - 1].norm.as_ref(), "کے" | "کی") {
            let e = k - 1;
            let mut a = e;
            while a > 0 && e - a < 8 && !stop(&t[a - 1]) {
                a -= 1;
            }
            // "ادارے کے مطابق" (according to the agency): the source
            // named before.
            if a + 1 == e && matches!(t[a].norm.as_ref(), "ادارے" | "ادارہ" | "تنظیم" | "وزارت")
            {
                return self.prior.map(|p| (p.to_string(), true));
            }
            return (a < e).then(|| (self.fa_ps_name(a, e - 1), true));
        }
        // Urdu "X کا کہنا ہے کہ …" (X's word is that …), "ان کا کہنا
        // ہے" standing for the person named before.
        if is(k, "کہنا") && k >= 2 && matches!(t[k - 1].norm.as_ref(), "کا" | "کی") {
            let e = k - 1;
            if matches!(t[e - 1].norm.as_ref(), "ان" | "اس" | "انکا") {
                return self.person_before(e - 1).map(|p| (p, false));
            }
            let mut a = e;
            while a > 0 && e - a < 8 && !stop(&t[a - 1]) {
                a -= 1;
            }
            return (a < e).then(|| (self.fa_ps_name(a, e - 1), false));
        }
        // Pashto passive "X په راپور کې ویل شوي چې" (it is said in X's
        // report that): X before "په".
        if is(k, "ویل") && (is(k + 1, "شوی") || is(k + 1, "شوې")) {
            let pa = (k.saturating_sub(5)..k).rev().find(|&i| t[i].is("په"))?;
            let document = t[pa + 1..k].iter().any(|x| {
                matches!(
                    x.norm.as_ref(),
                    "راپور"
                        | "اعلامیه"
                        | "اعلامیې"
                        | "بیان"
                        | "بیانیه"
                        | "خبرپاڼه"
                        | "خبرپاڼې"
                )
            });
            if !document {
                return None;
            }
            let mut a = pa;
            while a > 0 && pa - a < 12 && !stop(&t[a - 1]) {
                a -= 1;
            }
            if a == pa {
                // "په راپور کې ویل شوي" alone: the publisher named before.
                return self
                    .publisher
                    .or(self.prior)
                    .map(|p| (p.to_string(), false));
            }
            return Some((self.fa_ps_name(a, pa - 1), false));
        }
        // Urdu "X نے کہا کہ …" / "X نے بتایا کہ …", also with words
        // between: "X نے صحافیوں سے گفتگو میں کہا کہ".
        let ne = (1..=8)
            .take_while(|&d| k > d && !stop(&t[k - d]))
            .map(|d| k - d)
            .find(|&j| is(j, "نے"));
        if matches!(t[k].norm.as_ref(), "کہا" | "بتایا")
            && let Some(ne) = ne
        {
            let e = ne;
            let mut a = e;
            while a > 0 && e - a < 8 && !stop(&t[a - 1]) {
                a -= 1;
            }
            return (a < e).then(|| (self.fa_ps_name(a, e - 1), false));
        }
        // Openers: the source follows.
        let opener = if is(k, "به") && (is(k + 1, "گزارش") || is(k + 1, "گفته")) {
            Some(k + 2)
        } else if is(k, "به") && is(k + 1, "نقل") && is(k + 2, "از") {
            Some(k + 3)
        } else if (is(k, "بر") && is(k + 1, "اساس")) || (is(k, "به") && is(k + 1, "اساس"))
        {
            Some(k + 2)
        } else if is(k, "براساس") || is(k, "طبق") || is(k, "مطابق") {
            Some(k + 1)
        } else {
            None
        };
        if let Some(mut a) = opener {
            if t.get(a).is_some_and(|x| {
                matches!(
                    x.norm.as_ref(),
                    "گزارش" | "آمار" | "ارقام" | "معلومات" | "اعلام"
                )
            }) {
                a += 1;
            }
            return take(a, 8).map(|s| (s, true));
        }
        // Pashto "د X په وینا", "د X په حواله", "د X له قوله", "د X د راپور له مخې".
        let closer = (is(k, "په") && (is(k + 1, "وینا") || is(k + 1, "حواله") || is(k + 1, "نقل")))
            || (is(k, "له") && is(k + 1, "قوله"));
        let report_closer = is(k, "د")
            && t.get(k + 1)
                .is_some_and(|x| matches!(x.norm.as_ref(), "راپور" | "ارقامو" | "معلوماتو"))
            && is(k + 2, "له")
            && is(k + 3, "مخې");
        if closer || report_closer {
            let lo = k.saturating_sub(9);
            let d = (lo..k).find(|&i| t[i].is("د") && !t[i + 1..k].iter().any(&stop))?;
            return (d + 1 < k).then(|| (self.fa_ps_name(d + 1, k - 1), true));
        }
        // "X اعلام کرد که …", "X وویل چې …": X from the clause start to the verb.
        if lx::is_fa_ps_report_verb(&t[k].norm) {
            let that = (k + 1..(k + 4).min(t.len())).find(|&i| t[i].is("که") || t[i].is("چې"))?;
            let _ = that;
            // A date between the subject and the verb: "X روز ۱۲ حوت
            // ۱۴۰۴ اعلام کرد".
            let mut e = k;
            // Or a weekday: "X روز شنبه اعلام کرد".
            while e > 0
                && k - e < 5
                && (t[e - 1].kind == Kind::Num
                    || lx::is_month(&t[e - 1].norm)
                    || lx::is_fa_weekday(&t[e - 1].norm)
                    || t[e - 1].is("روز")
                    || t[e - 1].is("تاریخ"))
            {
                e -= 1;
            }
            if e < k && !(t.get(e).is_some_and(|x| x.is("روز") || x.is("تاریخ"))) {
                e = k;
            }
            // "X، رئیس Y، در یک نشست خبری در کابل گفت که": a phrase of
            // place or audience between the apposition and the verb.
            if e > 0
                && !(t[e - 1].sym('،') || t[e - 1].sym(','))
                && let Some(c) = (e.saturating_sub(9)..e)
                    .rev()
                    .find(|&i| t[i].sym('،') || t[i].sym(','))
                && c + 1 < e
                && t[c + 1].kind != Kind::Num
                && matches!(t[c + 1].norm.as_ref(), "در" | "به" | "با")
            {
                e = c + 1;
            }
            // "X، باشنده ولایت هلمند که …، گفت که", "کمیته … که در کابل
            // مرکزی دارد، اعلام کرد": a relative clause closed by the comma
            // before the verb; the subject is named before its "که".
            if e > 0
                && (t[e - 1].sym('،') || t[e - 1].sym(','))
                && let Some(ke) = (e.saturating_sub(18)..e - 1)
                    .rev()
                    .take_while(|&i| !(t[i].sym('،') || t[i].sym(',') || t[i].sym('.')))
                    .find(|&i| t[i].is("که"))
                && let Some(x) = self.first_named_before(ke)
            {
                return Some((x, false));
            }
            // "X، سخنگوی این وزارت، گفت که": the name before the apposition.
            if e > 0 && (t[e - 1].sym('،') || t[e - 1].sym(',')) {
                let inner = e - 1;
                if let Some(c) = (inner.saturating_sub(8)..inner)
                    .rev()
                    .find(|&i| t[i].sym('،') || t[i].sym(','))
                    && c > 0
                {
                    // "یو بزګر، شیرآغا، وویل": the person is between the
                    // commas (a short name when no person is known there).
                    let before_person = {
                        let mut b = c;
                        while b > 0 && c - b < 8 && !stop(&t[b - 1]) {
                            b -= 1;
                        }
                        b < c && self.names_person(b, c - 1)
                    };
                    if c + 1 < inner
                        && !before_person
                        && (self.names_person(c + 1, inner - 1) || inner - c - 1 <= 2)
                    {
                        return Some((self.fa_ps_name(c + 1, inner - 1), false));
                    }
                    e = c;
                }
            }
            let mut a = e;
            while a > 0 && e - a < 8 && !stop(&t[a - 1]) {
                a -= 1;
            }
            let k = e;
            // "همچنین", "اما" and the like open a clause but name no one.
            while a < k
                && matches!(
                    t[a].norm.as_ref(),
                    "همچنین" | "اما" | "ولی" | "هم" | "خو" | "همدارنګه" | "همدارنگه"
                )
            {
                a += 1;
            }
            if a + 2 == k && t[a].is("این") && lx::is_back_reference(&t[a + 1].norm) {
                return self.prior.map(|p| (p.to_string(), false));
            }
            return (a < k).then(|| (self.fa_ps_name(a, k - 1), false));
        }
        None
    }

    /// What the quantity counts, and the counted noun's head (for the unit).
    fn about(&self, q: &Quantity) -> (String, Option<String>) {
        let t = self.toks;
        let arabic_after = t.get(q.end).is_some_and(Tok::arabic)
            || (t.get(q.end).is_none_or(|x| !x.is_word())
                && t[q.num].text.chars().any(tokens::is_arabic_script));
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut head = None;
        let mut j = q.end;
        if arabic_after || t.get(q.end).is_some_and(Tok::arabic) {
            if q.classifier && t.get(j).is_some_and(|x| x.is("از")) {
                j += 1;
            }
            let a = j;
            while j < t.len()
                && j < a + 3
                && t[j].arabic()
                && !lx::is_fa_ps_stop(&t[j].norm)
                && !lx::is_fa_ps_report_verb(&t[j].norm)
            {
                j += 1;
            }
            if j > a {
                let family = t[a..j].iter().any(|x| lx::is_family_noun(&x.norm));
                let person = t[a..j]
                    .iter()
                    .any(|x| lx::is_person_noun(&x.norm) || lx::is_person_noun(possessed(&x.norm)));
                // The first word that is no qualifier: "۱۲ نوي ښوونځي".
                let noun = (a..j).find(|&k| !lx::is_unit_filler(&t[k].norm));
                head = if family {
                    Some("families".to_string())
                } else if person {
                    Some("people".to_string())
                } else {
                    noun.map(|k| t[k].norm.to_string())
                };
                spans.push((a, j - 1));
                // One place after it: "از پاکستان".
                if t.get(j).is_some_and(|x| x.is("از") || x.is("له"))
                    && t.get(j + 1)
                        .is_some_and(|x| x.arabic() && !lx::is_fa_ps_stop(&x.norm))
                {
                    spans.push((j, j + 1));
                }
            }
        } else {
            if q.percent && t.get(j).is_some_and(|x| x.is("of")) {
                j += 1;
                while t
                    .get(j)
                    .is_some_and(|x| matches!(x.norm.as_ref(), "the" | "all" | "its" | "their"))
                {
                    j += 1;
                }
            }
            // "5,000-strong", "three-member"
            if t.get(j).is_some_and(|x| x.sym('-') && !x.space_before) {
                j += 1;
            }
            let a = j;
            while j < t.len() && j < a + 4 {
                let x = &t[j];
                let participle = j > a
                    && x.norm.len() > 4
                    && (x.norm.ends_with("ing") || x.norm.ends_with("ed"));
                if x.is_word()
                    && !x.arabic()
                    && !participle
                    && !lx::is_en_stop(&x.norm)
                    && !lx::is_report_verb(&x.norm)
                {
                    j += 1;
                    // The counted noun is the first plural or person noun:
                    // "34 provinces | face drought", "people | need aid".
                    if lx::is_plural_noun(&x.norm) || lx::is_person_noun(&x.norm) {
                        break;
                    }
                } else if x.sym('-')
                    && !x.space_before
                    && j > a
                    && t.get(j + 1).is_some_and(Tok::is_word)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            if j > a {
                head = Some(t[j - 1].norm.to_string());
                spans.push((a, j - 1));
            }
            // The verb and its place: "have returned from Pakistan".
            let mut vp = Vec::new();
            let mut k = j;
            while t.get(k).is_some_and(|x| x.is_word() && lx::is_aux(&x.norm)) {
                k += 1;
            }
            let verb = t.get(k).is_some_and(|x| {
                x.is_word()
                    && !x.capital
                    && ((x.norm.ends_with("ed") && x.norm.len() > 4)
                        || lx::is_irregular_participle(&x.norm))
                    && !lx::is_report_verb(&x.norm)
            });
            if verb {
                vp.push((k, k));
                k += 1;
                if t.get(k).is_some_and(|x| lx::is_about_preposition(&x.norm)) {
                    let p = k;
                    k += 1;
                    while t.get(k).is_some_and(|x| x.is("the")) {
                        k += 1;
                    }
                    let s = k;
                    while k < t.len() && k < s + 3 && t[k].is_word() && t[k].capital {
                        k += 1;
                    }
                    if k > s {
                        vp.push((p, k - 1));
                    }
                }
            }
            if spans.is_empty() || q.percent {
                // Nothing counted after the number: the words before it
                // ("Turkey (194)", "rainfall has gotten 25% heavier").
                let mut before = Vec::new();
                let mut k = q.first;
                while let Some(b) = k.checked_sub(1) {
                    let x = &t[b];
                    if x.sym(',')
                        || x.sym('.')
                        || x.sym(';')
                        || x.sym(':')
                        || x.sym('“')
                        || x.sym('"')
                        || before.len() >= 4
                    {
                        break;
                    }
                    if x.is_word()
                        && !lx::is_en_stop(&x.norm)
                        && !lx::is_aux(&x.norm)
                        && !lx::is_report_verb(&x.norm)
                        && !lx::APPROX_BEFORE
                            .iter()
                            .any(|(p, _)| p.contains(&x.norm.as_ref()))
                    {
                        before.push((b, b));
                    }
                    k = b;
                }
                before.reverse();
                before.extend(spans);
                spans = before;
            }
            spans.extend(vp);
        }
        let about = spans
            .iter()
            .map(|&(a, b)| self.span(a, b))
            .collect::<Vec<_>>()
            .join(" ");
        (about, head)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Vec<FoundFigure> {
        find(&[s.to_string()], &[])
    }

    #[test]
    fn scales_and_words() {
        let f = one("The fund needs 1.2 million dollars and another $2bn, for thirty projects.");
        let v: Vec<f64> = f.iter().map(|f| f.value).collect();
        assert_eq!(v, [1.2e6, 2e9, 30.0]);
        assert_eq!(f[0].unit.as_deref(), Some("USD"));
        assert_eq!(f[1].unit.as_deref(), Some("USD"));
        assert_eq!(f[1].surface, "$2bn");
        assert_eq!(f[2].unit.as_deref(), Some("projects"));
    }

    #[test]
    fn times_of_day_and_age_ranges_are_not_figures() {
        let f = one(
            "The shop opened at six in the morning for 300 customers, girls aged 12 to 18 among them.",
        );
        let v: Vec<f64> = f.iter().map(|f| f.value).collect();
        assert_eq!(v, [300.0]);
    }

    #[test]
    fn about_after_an_articles_noun_is_a_preposition() {
        let f = one("A film about three brothers in Kunduz was shown to about 200 people.");
        let a: Vec<_> = f.iter().map(|f| (f.value, f.approx)).collect();
        assert_eq!(a, [(3.0, None), (200.0, Some(Approx::About))], "{f:?}");
    }

    #[test]
    fn a_body_in_apposition_before_said_is_the_source() {
        let p = [
            "The transport company, Zarin Logistics, said 650 trucks had been booked.".to_string(),
        ];
        let f = find(&p, &crate::entities::find(&p, Some("en")));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].cited_source.as_deref(),
            Some("Zarin Logistics"),
            "{f:?}"
        );
    }

    #[test]
    fn according_to_a_role_and_a_name_in_apposition() {
        let f = one(
            "The charity has sent 500 tents, according to its director in Herat, Karim Nabizada.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].cited_source.as_deref(),
            Some("Karim Nabizada"),
            "{f:?}"
        );
    }

    #[test]
    fn number_words_before_percent_words_things_and_names() {
        let fa = one("ارزش افغانی سه درصد کاهش یافته است.");
        assert_eq!(fa.len(), 1, "{fa:?}");
        assert_eq!(fa[0].value, 3.0);
        let ar = one("سيشمل المشروع بناء أربع مدارس في القرى.");
        assert_eq!(ar.len(), 1, "{ar:?}");
        assert_eq!(ar[0].value, 4.0);
        let en = one("Two United Nations agencies warned on Thursday.");
        assert!(en.is_empty(), "{en:?}");
    }

    #[test]
    fn a_number_word_glued_to_digits_is_a_name_and_new_unit_spellings() {
        let en = one("The Sixty6 league paid 40 players last season.");
        let v: Vec<f64> = en.iter().map(|f| f.value).collect();
        assert_eq!(v, [40.0], "{en:?}");
        let ar = one("وصلت إلى الميناء شحنة تزن 30 طنا من القمح.");
        assert_eq!(ar[0].unit.as_deref(), Some("tonnes"), "{ar:?}");
        let fa = one("مقامات گفتند که روزانه ۱۵۰ مگاوات برق از ترکمنستان وارد می‌شود.");
        assert_eq!(fa[0].unit.as_deref(), Some("MW"), "{fa:?}");
        let en = one("The embassy said 35 citizens and 12 franchises were affected.");
        let u: Vec<_> = en.iter().map(|f| f.unit.as_deref()).collect();
        assert_eq!(u, [Some("people"), Some("teams")], "{en:?}");
    }

    #[test]
    fn a_dari_source_before_an_apposition_and_a_phrase_of_place() {
        let f = one(
            "نورالله حیدری، رئیس صحت عامه، در یک نشست خبری در هرات گفت که ۸۵ هزار تن در این برنامه ثبت نام کرده‌اند.",
        );
        assert_eq!(f[0].cited_source.as_deref(), Some("نورالله حیدری"), "{f:?}");
    }

    #[test]
    fn a_dari_number_word_counting_people() {
        let f = one("دادگاه ۱۲ نفر، از جمله سه زن، را محکوم کرد.");
        let v: Vec<f64> = f.iter().map(|f| f.value).collect();
        assert_eq!(v, [12.0, 3.0]);
    }

    #[test]
    fn compound_number_words() {
        let f = one(
            "Two hundred and fifty thousand people were displaced, and a dozen schools closed.",
        );
        assert_eq!(f[0].value, 250_000.0);
        assert_eq!(f[1].value, 12.0);
        assert_eq!(f[1].approx, Some(Approx::About));
    }

    #[test]
    fn dari_thousand_and_remainder() {
        let f = one("به گزارش کمیساریا، ۷۶۱ هزار و ۲۰۰ پناهجوی افغان از پاکستان برگشته‌اند.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].value, 761_200.0);
        assert_eq!(f[0].unit.as_deref(), Some("people"));
        assert_eq!(f[0].cited_source.as_deref(), Some("کمیساریا"));
    }

    #[test]
    fn dates_times_ids_and_ordinals_are_skipped() {
        for s in [
            "On 15 September 2024 at 10:30 the 21st session met.",
            "Resolution 2593 and COP29 and COP 29 and Covid-19 were discussed in the 1960s.",
            "The meeting on 2024-06-01 was moved to ۱۴۰۳/۰۸/۱۲.",
            "Call 0700123456 for page 4.",
        ] {
            assert!(one(s).is_empty(), "{s}: {:?}", one(s));
        }
    }
}
