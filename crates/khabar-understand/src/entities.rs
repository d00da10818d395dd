//! People, organisations and places named in an article.
//!
//! Three steps over an article's paragraphs:
//!
//! 1. the built-in gazetteer of the Afghanistan catalog
//!    (`data/gazetteer-afghanistan.tsv`: officials, ministries, UN bodies,
//!    NGOs, provinces, cities, neighbours, in Latin and Perso-Arabic
//!    spellings with acronyms), then the wider world's
//!    (`data/gazetteer-world.tsv`: countries, US states, large cities, the
//!    companies and state bodies news quotes by name) is matched on
//!    normalised words, longest spelling first;
//! 2. rules find names it does not know: capitalised sequences (with care
//!    at the start of a sentence), titles and roles ("Mr.", "Mawlawi",
//!    "Minister", مولوی، ملا), organisation words ("Ministry of …",
//!    "… Agency"), place cues ("in X", "X province"), and in Dari and
//!    Pashto a name before a comma and a role ("…، سخنگوی");
//! 3. the spellings of one entity are merged: a surname alone ("Khalis")
//!    with the full name, a misspelling one edit per word away ("Matuil Haq
//!    Khalis") with the right spelling or the gazetteer's, an acronym with
//!    its expansion ("… (UNHCR)", or their initials).
//!
//! Keys are stable across articles and scripts: the gazetteer's id for a
//! known entity (`person:matiul-haq-khalis`, whichever spelling the article
//! used), `kind:normalised-name` for the others.
//!
//! ```
//! use khabar_understand::entities::find;
//!
//! let paragraphs = vec![
//!     "Matuil Haq Khalis, head of the agency, spoke to the United Nations \
//!      High Commissioner for Refugees (UNHCR) in Baku.".to_string(),
//!     "Khalis said UNHCR would help. Mawlawi Abdul Rahim Zaki agreed.".to_string(),
//!     "متیع‌الحق خالص در باکو گفت.".to_string(),
//! ];
//! let found = find(&paragraphs, Some("en"));
//! let khalis = found.iter().find(|e| e.key == "person:matiul-haq-khalis").unwrap();
//! assert_eq!(khalis.name, "Matiul Haq Khalis");
//! assert_eq!(khalis.mentions.len(), 3);
//! let unhcr = found.iter().find(|e| e.key == "organization:unhcr").unwrap();
//! assert_eq!(unhcr.mentions.len(), 3); // the expansion, "(UNHCR)", "UNHCR"
//! assert!(found.iter().any(|e| e.key == "person:abdul-rahim-zaki" && !e.known));
//! ```

mod gazetteer;
pub(crate) mod tokens;
mod words;

use khabar_model::EntityKind;

use crate::sentences;
use rustc_hash::FxHashMap;
use tokens::{Token, edit_distance, glued, tokenize};

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// The text as written.
    pub surface: String,
    /// Paragraph index.
    pub paragraph: u32,
    /// Byte offset of `surface` in its paragraph.
    pub start: usize,
}

/// An entity found in one article, with every spelling it had there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundEntity {
    /// Stable key, the same for every spelling tied to this entity (by the
    /// gazetteer or the alias rules), in any article: the gazetteer's id
    /// (`person:matiul-haq-khalis`) or `kind:normalised-name`.
    pub key: String,
    /// Canonical name.
    pub name: String,
    pub kind: EntityKind,
    /// Other spellings (seen here, then those the gazetteer knows).
    pub aliases: Vec<String>,
    pub mentions: Vec<Occurrence>,
    /// Whether the gazetteer knows it (rule-found names are less certain).
    pub known: bool,
}

/// One name found in the text, before merging.
#[derive(Debug, Clone)]
struct Raw {
    paragraph: u32,
    /// Byte span of the name (titles left out).
    start: usize,
    end: usize,
    kind: EntityKind,
    gaz: Option<u32>,
    /// Matching keys of the name's words.
    keys: Vec<String>,
    /// The kind rests on a cue (title, organisation word, place noun,
    /// apposition, speech verb) rather than on capitals alone.
    cue: bool,
    /// A single word that opens a sentence: maybe a name, maybe not.
    opens_sentence: bool,
    /// An organisation named after a place, a newspaper or a team ("the
    /// Boston Globe"): its last word alone names it too ("the Globe").
    after_place: bool,
}

/// The entities of an article's paragraphs, most mentioned first.
///
/// `lang` is the document's language when known: for an Arabic-script
/// language (`fa`, `ps`, `ur`, `ar`) the capitalisation rules are skipped,
/// since Latin words there are quoted names or URLs.
pub fn find(paragraphs: &[String], lang: Option<&str>) -> Vec<FoundEntity> {
    let split: Vec<Vec<&str>> = paragraphs.iter().map(|p| sentences::split(p)).collect();
    find_split(paragraphs, &split, lang)
}

/// Drops the article's own outlet wherever it is named: in a byline or a
/// dateline ("By River Post staff", "KABUL (River Post) —") and in the
/// running text ("told the River Post"). The publisher is the article's
/// source (its metadata), not something it reports on. Names are compared
/// word for word, case and Arabic-script spelling aside, with a leading
/// "The" ignored. Names found inside the outlet's name ("Hindu Kush" and
/// "Herald" in "Hindu Kush Herald") lose those mentions, and go when they
/// have no other; an outlet that only contains a name ("Kabul Monitor" and
/// Kabul) keeps it where it is named apart.
pub fn without_outlet(
    paragraphs: &[String],
    entities: &mut Vec<FoundEntity>,
    outlet: Option<&str>,
) {
    let Some(outlet) = outlet else { return };
    let words = |s: &str| -> Vec<String> {
        let keys: Vec<String> = tokenize(s).into_iter().map(|t| t.key).collect();
        match keys.first().map(String::as_str) {
            Some("the") if keys.len() > 1 => keys[1..].to_vec(),
            _ => keys,
        }
    };
    let target = words(outlet);
    if target.is_empty() {
        return;
    }
    // Byte spans of the outlet's name in each paragraph.
    let spans: Vec<Vec<(usize, usize)>> = paragraphs
        .iter()
        .map(|p| {
            let toks = tokenize(p);
            toks.windows(target.len())
                .filter(|w| w.iter().zip(&target).all(|(t, k)| &t.key == k))
                .map(|w| (w[0].start, w[w.len() - 1].end))
                .collect()
        })
        .collect();
    let inside = |m: &Occurrence| {
        let (a, b) = (m.start, m.start + m.surface.len());
        spans
            .get(m.paragraph as usize)
            .is_some_and(|s| s.iter().any(|&(x, y)| x <= a && b <= y))
    };
    entities.retain_mut(|e| {
        // The gazetteer may know the outlet by a short name of its own
        // ("Pajhwok" for Pajhwok Afghan News, named "پژواک" in the text).
        if words(&e.name) == target
            || e.mentions.iter().any(|m| words(&m.surface) == target)
            || (e.known && e.aliases.iter().any(|a| words(a) == target))
            // The outlet named without its "News" or "TV" ("Tolo" for
            // "Tolo News").
            || (e.known
                && e.aliases.iter().chain([&e.name]).any(|a| {
                    let w = words(a);
                    w.len() == target.len() + 1
                        && w[..target.len()] == target[..]
                        && matches!(w[target.len()].as_str(), "news" | "tv")
                }))
        {
            return false;
        }
        if e.mentions.iter().any(&inside) {
            e.mentions.retain(|m| !inside(m));
            return !e.mentions.is_empty();
        }
        true
    });
}

/// [`find`] given the paragraphs' sentences ([`sentences::split`] of each).
pub(crate) fn find_split(
    paragraphs: &[String],
    split: &[Vec<&str>],
    lang: Option<&str>,
) -> Vec<FoundEntity> {
    let latin_rules = !matches!(lang, Some("fa" | "ps" | "ur" | "ar" | "prs" | "pbt"));
    let mut raws: Vec<Raw> = Vec::new();
    // Pairs of raws joined by "Name (ACR)".
    let mut links: Vec<(usize, usize)> = Vec::new();
    // Acronyms of names that are no entity ("… Convention (CEDAW)").
    let mut dropped_acronyms: Vec<String> = Vec::new();
    let tokens: Vec<Vec<Token>> = paragraphs.iter().map(|p| tokenize(p)).collect();
    // Bodies named in guillemets, found again where named without them.
    let mut bodies: Vec<Vec<String>> = Vec::new();
    for (text, toks) in paragraphs.iter().zip(&tokens) {
        if !text.contains('«') {
            continue;
        }
        let free = vec![false; toks.len()];
        for i in 0..toks.len() {
            if let Some(j) = guillemet_body(text, toks, i, &free) {
                bodies.push(toks[i..j].iter().map(|t| t.key.clone()).collect());
            }
        }
    }
    for ((pi, text), toks) in paragraphs.iter().enumerate().zip(&tokens) {
        if toks.is_empty() {
            continue;
        }
        let first_raw = raws.len();
        let opens = sentence_openers(text, &split[pi], toks);
        let mut taken = vec![false; toks.len()];
        gazetteer_pass(text, toks, pi as u32, &mut taken, &mut raws);
        if let Some((a, b)) = byline_name(text, toks)
            && !taken[a..b].iter().any(|&t| t)
        {
            // A byline names its writer.
            let mut raw = arabic_raw(toks, pi as u32, a, b);
            raw.cue = true;
            raws.push(raw);
        } else if !looks_like_heading(text, toks) {
            if latin_rules {
                latin_pass(
                    text,
                    toks,
                    &opens,
                    pi as u32,
                    &mut taken,
                    &mut raws,
                    &mut dropped_acronyms,
                );
            }
            arabic_pass(
                text, toks, &opens, pi as u32, &mut taken, &mut raws, &bodies,
            );
        }
        raws[first_raw..].sort_by_key(|r| r.start);
        acronym_links(text, &raws, first_raw, &mut links);
    }
    arabic_surnames(&tokens, &mut raws);
    let excluded: Vec<bool> = raws
        .iter()
        .map(|r| r.gaz.is_none() && r.keys.len() == 1 && dropped_acronyms.contains(&r.keys[0]))
        .collect();
    let mut found = merge(paragraphs, raws, &links, &excluded);
    drop_quoted_titles(paragraphs, &mut found);
    found
}

/// Drops names the gazetteer does not know that are only ever written
/// inside short quotation marks (four words or fewer): titles, headlines
/// and nicknames ("a bulletin titled “Dry Fields”", "known as “the
/// Tiger”"), not people or bodies the article reports on.
fn drop_quoted_titles(paragraphs: &[String], found: &mut Vec<FoundEntity>) {
    if found.iter().all(|e| e.known) {
        return;
    }
    let mut spans: Vec<Option<Vec<(usize, usize)>>> = vec![None; paragraphs.len()];
    let mut inside_short = |p: usize, a: usize, b: usize| -> bool {
        let Some(text) = paragraphs.get(p) else {
            return false;
        };
        let list = spans[p].get_or_insert_with(|| {
            crate::quotes::marks::spans(text)
                .into_iter()
                .filter(|s| s.closed)
                .map(|s| (s.inner_start, s.inner_end))
                .filter(|&(i, j)| {
                    text[i..j.max(i)]
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .count()
                        <= 4
                })
                .collect()
        });
        list.iter().any(|&(i, j)| a >= i && b <= j)
    };
    // "انتشارات «سپیده»": marks after a body's noun hold its name.
    let headed = |p: usize, a: usize| -> bool {
        static HEADS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> =
            std::sync::OnceLock::new();
        paragraphs
            .get(p)
            .and_then(|text| text.get(..a))
            .and_then(|before| before.trim_end().strip_suffix('«'))
            .and_then(|before| tokenize(before).pop())
            .is_some_and(|t| normal_set(&HEADS, AR_GUILLEMET_NAME_HEADS).contains(&t.key))
    };
    found.retain(|e| {
        e.known
            || e.mentions
                .iter()
                .any(|m| headed(m.paragraph as usize, m.start))
            || !e
                .mentions
                .iter()
                .all(|m| inside_short(m.paragraph as usize, m.start, m.start + m.surface.len()))
    });
}

/// Whether each token opens a sentence (or a quotation, or follows a
/// colon); `sentences` are those of `text`.
fn sentence_openers(text: &str, sentences: &[&str], toks: &[Token]) -> Vec<bool> {
    let mut starts: Vec<usize> = sentences
        .iter()
        .map(|s| s.as_ptr() as usize - text.as_ptr() as usize)
        .collect();
    starts.sort_unstable();
    let mut out = vec![false; toks.len()];
    let mut si = 0;
    for (i, t) in toks.iter().enumerate() {
        while si < starts.len() && starts[si] <= t.start {
            // The first token at or after a sentence start opens it.
            if i == 0 || toks[i - 1].end <= starts[si] {
                out[i] = true;
            }
            si += 1;
        }
        if i > 0 {
            let gap = &text[toks[i - 1].end..t.start];
            if gap.contains(['“', '"', '«', '„', ':', '‘', '(', '—', '–', '\n', ';']) {
                out[i] = true;
            }
        }
    }
    if let Some(o) = out.first_mut() {
        *o = true;
    }
    out
}

/// A short line without final punctuation: a headline or a caption, where
/// capitals mark every word.
fn looks_like_heading(text: &str, toks: &[Token]) -> bool {
    let last = text
        .trim_end()
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '”' | '’' | '»' | ')' | '\''));
    toks.len() <= 14 && !matches!(last, Some('.' | '!' | '?' | '…' | ':' | '؟' | '۔' | ','))
}

/// Marks tokens `a..end` of paragraph `p` taken and adds them as one
/// organisation; returns it for the caller to complete.
fn take_organization<'r>(
    toks: &[Token],
    p: u32,
    a: usize,
    end: usize,
    taken: &mut [bool],
    raws: &'r mut Vec<Raw>,
) -> &'r mut Raw {
    taken[a..end].iter_mut().for_each(|t| *t = true);
    let mut raw = arabic_raw(toks, p, a, end);
    raw.kind = EntityKind::Organization;
    let n = raws.len();
    raws.push(raw);
    &mut raws[n]
}

fn gazetteer_pass(text: &str, toks: &[Token], p: u32, taken: &mut [bool], raws: &mut Vec<Raw>) {
    let g = gazetteer::get();
    let mut i = 0;
    while i < toks.len() {
        if let Some((a, end, gaz)) = pashto_un_body(text, toks, i, taken) {
            take_organization(toks, p, a, end, taken, raws).gaz = gaz;
            i = end;
            continue;
        }
        match g.longest(text, toks, i) {
            Some(hit) if foreign_ministry(g, toks, i, hit) => {
                // "the Turkish interior ministry": written in lower case,
                // the capitals rules will not see it; the nation and the
                // words are the ministry.
                let mut end = i + hit.len;
                if !toks[i].upper && !toks[i].arabic && i > 0 && toks[i - 1].upper && !taken[i - 1]
                {
                    take_organization(toks, p, i - 1, end, taken, raws);
                } else if toks[i].upper && !toks[i].arabic && i >= 2 && toks[i - 1].key == "s" {
                    // "Pakistan's Ministry of Commerce": the ministry of
                    // that country, apart from Afghanistan's of the same
                    // name (its key carries the country).
                    end += portfolio_tail(text, toks, end);
                    taken[i..end].iter_mut().for_each(|t| *t = true);
                    let mut raw = arabic_raw(toks, p, i, end);
                    raw.kind = EntityKind::Organization;
                    raw.keys.insert(0, toks[i - 2].key.clone());
                    raws.push(raw);
                }
                i = end;
            }
            // Urdu "اسلام آباد پولیس کے": a place's police force, named
            // before a postposition.
            Some(hit)
                if g.entries[hit.entry as usize].kind == EntityKind::Place
                    && toks[i].arabic
                    && toks.get(i + hit.len).is_some_and(|t| {
                        t.key == "پولیس" && glued(text, &toks[i + hit.len - 1], t, false)
                    })
                    && toks
                        .get(i + hit.len + 1)
                        .is_some_and(|t| UR_POSTPOSITIONS.contains(&t.key.as_str()))
                    && !taken[i..=i + hit.len].iter().any(|&t| t) =>
            {
                let end = i + hit.len + 1;
                take_organization(toks, p, i, end, taken, raws);
                i = end;
            }
            // Urdu "فرنچائز پشاور زلمی نے": a team named after its city,
            // after "franchise" or "team", before a postposition.
            Some(hit)
                if g.entries[hit.entry as usize].kind == EntityKind::Place
                    && toks[i].arabic
                    && i > 0
                    && matches!(toks[i - 1].key.as_str(), "فرنچائز" | "ٹیم")
                    && toks.get(i + hit.len).is_some_and(|t| {
                        t.arabic
                            && !words::get().ar_stop.contains(&t.key)
                            && glued(text, &toks[i + hit.len - 1], t, false)
                    })
                    && toks
                        .get(i + hit.len + 1)
                        .is_some_and(|t| UR_POSTPOSITIONS.contains(&t.key.as_str()))
                    && !taken[i..=i + hit.len].iter().any(|&t| t) =>
            {
                let end = i + hit.len + 1;
                take_organization(toks, p, i, end, taken, raws);
                i = end;
            }
            // Urdu "زیر غور" (under consideration), "غور کر رہی ہے"
            // (considering): the noun غور, not the province.
            Some(hit) if hit.len == 1 && urdu_ghor_noun(toks, i) => {
                i += 1;
            }
            // Pashto "۱۲۰۰ طالبانو ته" (to 1,200 students): the plural of
            // طالب (a religious student) after a number counts students.
            Some(hit)
                if hit.len == 1
                    && g.entries[hit.entry as usize].id == "organization:taliban"
                    && matches!(toks[i].key.as_str(), "طالبانو" | "طالبان")
                    && i > 0
                    && toks[i - 1]
                        .key
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ',') =>
            {
                i += 1;
            }
            // Dari and Urdu "سنگین" (heavy, serious): the district of
            // Helmand only next to a word for a district or the province.
            Some(hit)
                if hit.len == 1
                    && g.entries[hit.entry as usize].id == "place:sangin"
                    && toks[i].key == "سنگین"
                    && !district_cue(toks, i) =>
            {
                i += 1;
            }
            // "Kabul Monitor", "Herat Times", "Central Asia Research
            // Centre": a place starting an organisation's name (its
            // organisation word at most three capitalised words on).
            Some(hit)
                if g.entries[hit.entry as usize].kind == EntityKind::Place
                    && (i + hit.len..toks.len().min(i + hit.len + 3))
                        .take_while(|&k| {
                            toks[k].upper
                                && !toks[k].arabic
                                && glued(text, &toks[k - 1], &toks[k], false)
                        })
                        .any(|k| words::get().org.contains(&toks[k].key)) =>
            {
                i += hit.len;
            }
            // "کوئٹہ چیمبر آف کامرس", "پشاور یونیورسٹی": the same in Urdu
            // spelt after English.
            Some(hit)
                if g.entries[hit.entry as usize].kind == EntityKind::Place
                    && (of_org(toks, i + hit.len, taken)
                        || toks.get(i + hit.len).is_some_and(|t| {
                            t.arabic
                                && UR_ORG_WORDS.contains(&t.key.as_str())
                                && glued(text, &toks[i + hit.len - 1], t, false)
                        })
                        // "پاکستان سپر لیگ": one word between.
                        || (toks.get(i + hit.len).is_some_and(|t| {
                            t.arabic
                                && !taken[i + hit.len]
                                && !words::get().ar_stop.contains(&t.key)
                                && glued(text, &toks[i + hit.len - 1], t, false)
                        }) && toks.get(i + hit.len + 1).is_some_and(|t| {
                            t.arabic
                                && UR_ORG_WORDS.contains(&t.key.as_str())
                                && glued(text, &toks[i + hit.len], t, false)
                        }))) =>
            {
                i += hit.len;
            }
            // "the Asia Cup", "the Doha Forum": a place opening an event's
            // name, left to the name rules (which drop events).
            Some(hit)
                if g.entries[hit.entry as usize].kind == EntityKind::Place
                    && !toks[i].arabic
                    && toks.get(i + hit.len).is_some_and(|t| {
                        t.upper
                            && glued(text, &toks[i + hit.len - 1], t, false)
                            && is_event_word(&t.key)
                    }) =>
            {
                i += hit.len;
            }
            // "the Boston Globe", "the Sydney Morning Herald", "the Chicago
            // Bulls": a place at the head of a newspaper's or a team's
            // name is part of that organisation's name.
            Some(hit)
                if g.entries[hit.entry as usize].kind == EntityKind::Place
                    && !toks[i].arabic
                    && named_after_place(text, toks, i + hit.len) > 0 =>
            {
                let end = i + hit.len + named_after_place(text, toks, i + hit.len);
                let org = take_organization(toks, p, i, end, taken, raws);
                org.cue = true;
                org.after_place = true;
                i = end;
            }
            // "the group's Asia programme coordinator": a region naming a
            // post's field, no place the article reports on.
            Some(hit)
                if hit.len == 1
                    && g.entries[hit.entry as usize].kind == EntityKind::Place
                    && !toks[i].arabic
                    && toks
                        .get(i + 1)
                        .is_some_and(|t| glued(text, &toks[i], t, false))
                    && post_field_at(toks, i + 1) =>
            {
                i += 1;
            }
            // "Sofia Lindqvist", "Chad Miller": a one-word place before a
            // word that can only be a surname is a given name, left to the
            // name rules.
            Some(hit)
                if hit.len == 1
                    && g.entries[hit.entry as usize].kind == EntityKind::Place
                    && !toks[i].arabic
                    && !toks[i].caps
                    && surname_after(text, toks, i) =>
            {
                i += 1;
            }
            // "Naqibullah Wardak": a one-word place after a given name is
            // a surname, left to the name rules.
            Some(hit)
                if hit.len == 1
                    && g.entries[hit.entry as usize].kind == EntityKind::Place
                    && !toks[i].arabic
                    && i > 0
                    && !taken[i - 1]
                    && given_name_before(text, toks, i) =>
            {
                i += 1;
            }
            // "اتاق تجارت و صنایع هرات": the national chamber's short name
            // before a province (not Afghanistan) is the province's chamber,
            // left to the department rules.
            Some(hit)
                if g.entries[hit.entry as usize].kind == EntityKind::Organization
                    && toks[i].key == "اتاق"
                    && toks.get(i + hit.len).is_some_and(|t| {
                        t.key != "افغانستان" && glued(text, &toks[i + hit.len - 1], t, false)
                    })
                    && g.longest(text, toks, i + hit.len)
                        .is_some_and(|h| g.entries[h.entry as usize].kind == EntityKind::Place) =>
            {
                i += 1;
            }
            // "Justice Farah Naz Qureshi", "Dr Herat Khan": a one-word place
            // between a title and a capitalised name word is a given name.
            Some(hit)
                if hit.len == 1
                    && g.entries[hit.entry as usize].kind == EntityKind::Place
                    && !toks[i].arabic
                    && given_name_between(text, toks, i) =>
            {
                i += 1;
            }
            // "مولوي محمد قاسم ریاض وویل": the same in Arabic script, when
            // a verb of saying or a comma follows the name.
            Some(hit)
                if hit.len == 1
                    && g.entries[hit.entry as usize].kind == EntityKind::Place
                    && toks[i].arabic
                    && ar_surname_slot(text, toks, i, taken) =>
            {
                i += 1;
            }
            Some(hit) => {
                let e = &g.entries[hit.entry as usize];
                let mut end = i + hit.len;
                if e.id.starts_with("organization:ministry-") && !toks[i].arabic {
                    end += portfolio_tail(text, toks, end);
                }
                // "Apple Watch", "Toyota Camry": a company's product named
                // after it, a name of its own (no person), the company's
                // name in it not counted as a mention of the company.
                if e.kind == EntityKind::Organization
                    && hit.len == 1
                    && !toks[i].arabic
                    && !toks[i].caps
                {
                    let product = product_words(text, toks, end);
                    if product > 0 {
                        let end = end + product;
                        take_organization(toks, p, i, end, taken, raws).cue = true;
                        i = end;
                        continue;
                    }
                }
                taken[i..end].iter_mut().for_each(|t| *t = true);
                raws.push(Raw {
                    paragraph: p,
                    start: toks[i].start,
                    end: toks[end - 1].end,
                    kind: e.kind,
                    gaz: Some(hit.entry),
                    keys: toks[i..end].iter().map(|t| t.key.clone()).collect(),
                    cue: true,
                    opens_sentence: false,
                    after_place: false,
                });
                i = end;
            }
            None => i += 1,
        }
    }
}

/// Heads of a United Nations body in Pashto after "د ملګرو ملتونو د …"
/// (keys).
const PS_UN_BODY_HEADS: &[&str] = &[
    "اداره",
    "ادارې",
    "دفتر",
    "سازمان",
    "صندوق",
    "پروګرام",
    "پروگرام",
    "کمېشنری",
    "کمیشنری",
    "ماموریت",
];

/// A United Nations body named in Pashto the gazetteer does not spell so:
/// "د ملګرو ملتونو د ماشومانو ادارې یونیسف", "د ملګرو ملتونو د خوراکي
/// توکو او کرنې سازمان (FAO)", starting at `toks[i]` ("ملګرو"). Its
/// token range, the "د" before it included, and the known organisation
/// the acronym or name right after it (in brackets or not) names.
fn pashto_un_body(
    text: &str,
    toks: &[Token],
    i: usize,
    taken: &[bool],
) -> Option<(usize, usize, Option<u32>)> {
    if !toks[i].arabic || !matches!(toks[i].key.as_str(), "ملګرو" | "ملگرو") || taken[i] {
        return None;
    }
    let g = gazetteer::get();
    let un = g.longest(text, toks, i)?;
    if g.entries[un.entry as usize].id != "organization:united-nations" {
        return None;
    }
    let d = i + un.len;
    if toks.get(d).is_none_or(|t| t.key != "د") {
        return None;
    }
    let n = toks.len();
    let h = (d + 2..n.min(d + 8)).find(|&h| PS_UN_BODY_HEADS.contains(&toks[h].key.as_str()))?;
    if !(i + 1..=h).all(|k| !taken[k] && glued(text, &toks[k - 1], &toks[k], false)) {
        return None;
    }
    let a = if i > 0 && toks[i - 1].key == "د" && !taken[i - 1] {
        i - 1
    } else {
        i
    };
    let end = h + 1;
    let after = toks.get(end).filter(|t| {
        let gap = text[toks[h].end..t.start].trim();
        gap.is_empty() || gap == "("
    });
    let gaz = after
        .and_then(|_| g.longest(text, toks, end))
        .filter(|hit| {
            let e = &g.entries[hit.entry as usize];
            e.kind == EntityKind::Organization && e.id != "organization:united-nations"
        })
        .map(|hit| hit.entry);
    Some((a, end, gaz))
}

/// The words that go on naming a ministry after the gazetteer's spelling
/// ended at `toks[end]`: "… of Commerce *and Industry*", "… of
/// Agriculture*, Irrigation and Livestock*" (how many).
fn portfolio_tail(text: &str, toks: &[Token], end: usize) -> usize {
    let w = words::get();
    let cap = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.upper
                && !t.arabic
                && !w.org.contains(&t.key)
                && !w.common.contains(&t.key)
                && !DATE_WORDS.contains(&t.key.as_str())
        })
    };
    let and = |k: usize| toks.get(k).is_some_and(|t| t.key == "and" && !t.upper);
    let gap = |k: usize| text[toks[k - 1].end..toks[k].start].trim().to_string();
    if end == 0 || !toks[end - 1].upper {
        return 0;
    }
    if and(end) && cap(end + 1) && gap(end).is_empty() && gap(end + 1).is_empty() {
        return 2;
    }
    if cap(end)
        && gap(end) == ","
        && and(end + 1)
        && cap(end + 2)
        && gap(end + 1).is_empty()
        && gap(end + 2).is_empty()
    {
        return 3;
    }
    0
}

/// Whether the word before `toks[i]` is a capitalised word that can only
/// be a given name: not a common, role, organisation, place or date word,
/// and not a sentence's first word.
fn given_name_before(text: &str, toks: &[Token], i: usize) -> bool {
    let w = words::get();
    let prev = &toks[i - 1];
    let k = prev.key.as_str();
    let gap = &text[prev.end..toks[i].start];
    let opens_sentence = i == 1
        || text[toks[i - 2].end..prev.start]
            .contains(['.', '!', '?', ':', '“', '"', '«', '(', '—', '\n', ';']);
    // "Amina Wardak, the deputy head …", "Zahra Logar said": opening a
    // sentence, the two words are a name when an apposition or a verb of
    // saying follows.
    let named_after = || {
        toks.get(i + 1).is_some_and(|next| {
            let between = text[toks[i].end..next.start].trim();
            (between == ","
                && (matches!(next.key.as_str(), "the" | "a" | "an" | "who")
                    || w.roles.contains(&next.key)))
                || (between.is_empty() && !next.upper && w.speech_after.contains(&next.key))
        })
    };
    is_name_word(prev)
        && !prev.caps
        && gap.chars().all(char::is_whitespace)
        && (!opens_sentence || named_after())
        && k.chars().count() > 2
        && !in_word_lists(w, k)
        && !DATE_WORDS.contains(&k)
        && gazetteer::get().longest(text, toks, i - 1).is_none()
}

/// How many capitalised words after a one-word company name (none or the
/// one at `toks[end]`) name one of its products or units: glued to it,
/// written like a name, and neither a title, a role, a company's legal
/// form nor a date ("Apple Watch", "Samsung Galaxy"; not "Apple CEO Tim
/// Cook", "Apple Inc."). One word only: a title-case headline runs on
/// ("Apple Watch Waterproofing Has Improved").
fn product_words(text: &str, toks: &[Token], end: usize) -> usize {
    let w = words::get();
    let product_word = |k: &str| {
        (w.org.contains(k) && !matches!(k, "inc" | "corp" | "co" | "ltd" | "llc" | "plc"))
            || !in_word_lists(w, k)
    };
    (end..toks.len().min(end + 1))
        .take_while(|&k| {
            let t = &toks[k];
            name_goes_on(text, toks, k)
                && product_word(&t.key)
                && !DATE_WORDS.contains(&t.key.as_str())
                && gazetteer::get().longest(text, toks, k).is_none()
        })
        .count()
}

/// Whether `toks[k]` (k ≥ 1) can go on a name begun before it: a
/// capitalised word (not in capitals only) glued to the word before, no
/// possessive between them ("Apple Watch", "Boston Globe"; not "Apple's
/// Watch").
fn name_goes_on(text: &str, toks: &[Token], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        t.upper
            && !t.caps
            && !t.arabic
            && is_name_word(t)
            && glued(text, &toks[k - 1], t, false)
            && !text[toks[k - 1].end..t.start].contains(['\'', '’'])
    })
}

/// The last words of a newspaper's or a magazine's name (keys).
const PRESS_HEADS: &[&str] = &[
    "globe",
    "herald",
    "times",
    "post",
    "tribune",
    "journal",
    "gazette",
    "chronicle",
    "telegraph",
    "observer",
    "examiner",
    "inquirer",
    "courier",
    "dispatch",
    "bulletin",
    "register",
    "sentinel",
    "enquirer",
    "mercury",
];

/// How many capitalised words at `toks[j..]`, after a place, make with it
/// the name of a newspaper or a sports team: one or two words glued to
/// the place and to each other, the last a newspaper's head word
/// ("Globe", "Morning Herald", "Star Tribune"), or one plural word no
/// word list holds, outside a title-case line ("Bulls", "Lakers": a
/// team's name; not "Residents", "Afghans"). None when the words are not
/// there.
fn named_after_place(text: &str, toks: &[Token], j: usize) -> usize {
    let w = words::get();
    let word = |k: usize| toks.get(k).filter(|_| name_goes_on(text, toks, k));
    let Some(first) = word(j) else { return 0 };
    if PRESS_HEADS.contains(&first.key.as_str()) {
        return 1;
    }
    let head_after = word(j + 1).is_some_and(|t| PRESS_HEADS.contains(&t.key.as_str()));
    if head_after
        && (!in_word_lists(w, &first.key)
            || matches!(
                first.key.as_str(),
                "morning" | "evening" | "daily" | "sunday" | "star"
            ))
    {
        return 2;
    }
    // In a title-case line ("Criticised for Afghanistan Comments")
    // capitals mark every word, not a team's name.
    let title_case = || {
        let words = toks
            .iter()
            .filter(|t| !t.arabic && t.key.chars().any(char::is_alphabetic))
            .count();
        let capitals = toks
            .iter()
            .filter(|t| t.upper && !t.arabic && is_name_word(t))
            .count();
        capitals * 4 >= words * 3
    };
    let k = first.key.as_str();
    let plural = k.len() > 4 && k.ends_with('s') && !k.ends_with("ss");
    let team = plural
        && !in_word_lists(w, k)
        && !in_word_lists(w, &k[..k.len() - 1])
        && !DATE_WORDS.contains(&k)
        && word(j + 1).is_none()
        && gazetteer::get().longest(text, toks, j).is_none()
        && !title_case();
    usize::from(team)
}

/// Whether `k` makes a name an event's, also in the plural: "the Academy
/// Awards".
fn is_event_word(k: &str) -> bool {
    let w = words::get();
    w.event.contains(k)
        || k.strip_suffix('s')
            .is_some_and(|s| s.len() > 3 && w.event.contains(s))
}

/// Whether `toks[j..]` is an organisation noun and a post in lower case
/// ("programme coordinator", "office director"): the word before them is
/// the post's region or field ("the group's Asia programme coordinator").
fn post_field_at(toks: &[Token], j: usize) -> bool {
    toks.get(j)
        .is_some_and(|t| !t.upper && !t.arabic && words::get().org.contains(&t.key))
        && toks.get(j + 1).is_some_and(|t| {
            !t.upper
                && matches!(
                    t.key.as_str(),
                    "coordinator" | "director" | "manager" | "officer" | "head" | "chief" | "lead"
                )
        })
}

/// Whether the word after `toks[i]` is a capitalised word that can only be
/// a surname (`toks[i]` following no "of" or "in", a speech verb or a
/// comma around the two): glued to it, not a common, role, organisation, place or date
/// word, not an acronym and not a name the gazetteer knows.
fn surname_after(text: &str, toks: &[Token], i: usize) -> bool {
    let w = words::get();
    let Some(next) = toks.get(i + 1) else {
        return false;
    };
    // "Governor of Kandahar Gul Agha Logar": after "of" or "in" the place
    // ends a title and a name follows it.
    let after_link = i > 0 && {
        let k = toks[i - 1].key.as_str();
        w.connectors.contains(k) || w.place_preps.contains(k)
    };
    // Something a person's name has around it: "said Sofia Marsh", "Sofia
    // Marsh, a nurse", "Sofia Marsh told …" (not "Iraq Tradelink Holdings").
    let person_cue = (i > 0
        && matches!(
            toks[i - 1].key.as_str(),
            "said" | "says" | "told" | "quoted" | "by" | "with"
        ))
        || text[next.end..].trim_start().starts_with(',')
        || toks
            .get(i + 2)
            .is_some_and(|t| !t.upper && w.speech_after.contains(&t.key));
    !after_link
        && person_cue
        && is_name_word(next)
        && !next.caps
        && text[toks[i].end..next.start]
            .chars()
            .all(char::is_whitespace)
        && next.key.chars().count() > 2
        && !in_word_lists(w, &next.key)
        && !DATE_WORDS.contains(&next.key.as_str())
        && gazetteer::get().longest(text, toks, i + 1).is_none()
}

/// Whether `k` is a known non-name word: common, demonym, role, honorific,
/// organisation or place noun, connector, not-a-name or event word.
fn in_word_lists(w: &words::Words, k: &str) -> bool {
    [
        &w.common,
        &w.demonyms,
        &w.roles,
        &w.honorifics,
        &w.org,
        &w.place_nouns,
        &w.connectors,
        &w.not_name,
        &w.never_name,
        &w.event,
    ]
    .iter()
    .any(|set| set.contains(k))
}

/// Whether `toks[i]` stands between a capitalised title or role ("Justice",
/// "Judge", "Dr") and a capitalised word that can only be a name: a given
/// name, whatever else it may spell.
fn given_name_between(text: &str, toks: &[Token], i: usize) -> bool {
    let w = words::get();
    if i == 0 || i + 1 >= toks.len() {
        return false;
    }
    let (prev, next) = (&toks[i - 1], &toks[i + 1]);
    let titled = prev.upper
        && !prev.arabic
        && (w.honorifics.contains(&prev.key) || w.roles.contains(&prev.key))
        && glued(text, prev, &toks[i], false);
    titled
        && is_name_word(next)
        && !next.caps
        && glued(text, &toks[i], next, false)
        && next.key.chars().count() > 1
        && !in_word_lists(w, next.key.as_str())
        && !DATE_WORDS.contains(&next.key.as_str())
        && gazetteer::get()
            .longest(text, toks, i + 1)
            .is_none_or(|h| gazetteer::get().entries[h.entry as usize].kind == EntityKind::Person)
}

/// Whether a ministry the gazetteer knows as Afghanistan's is another
/// country's here: "India’s Ministry of External Affairs", "the Indian
/// Foreign Ministry".
fn foreign_ministry(
    g: &gazetteer::Gazetteer,
    toks: &[Token],
    i: usize,
    hit: gazetteer::Hit,
) -> bool {
    if !g.entries[hit.entry as usize]
        .id
        .starts_with("organization:ministry-")
    {
        return false;
    }
    let w = words::get();
    let before = |k: usize| i.checked_sub(k).map(|k| toks[k].key.as_str());
    if toks[i].arabic {
        // Pashto "د ازبکستان د بهرنیو چارو وزارت": a country before the
        // ministry's own "د"; the department rule takes the whole name.
        let pashto = before(1).is_some_and(|k| g.is_foreign_country(k))
            && before(2) == Some("د")
            && toks[i].key == "د";
        // Urdu "پاکستان کی وزارت تجارت": a country and a genitive
        // postposition before the ministry.
        let urdu = matches!(before(1), Some("کی" | "کا" | "کے"))
            && before(2).is_some_and(|k| g.is_foreign_country(k));
        return pashto || urdu;
    }
    let country = |k: Option<&str>| {
        k.is_some_and(|k| (w.demonyms.contains(k) && k != "afghan") || g.is_foreign_country(k))
    };
    country(before(1)) || (before(1) == Some("s") && country(before(2)))
}

/// Days and months: "… on Sunday" ends a name.
const DATE_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "yesterday",
    "tomorrow",
];

/// Time zones after a clock time ("09:15 GMT"): no organisation.
/// Nouns of a project an acronym may qualify ("the TAPI gas pipeline").
const PROJECT_NOUNS: &[&str] = &[
    "pipeline", "project", "railway", "railroad", "corridor", "highway", "motorway", "scheme",
];

/// Heads of a sea's, a bay's or a lake's name before "of".
const GEO_HEADS: &[&str] = &[
    "gulf", "bay", "sea", "strait", "straits", "lake", "cape", "isle",
];
/// Prefixes of ships' names: "INS Sukanya", "MV Gibe".
const VESSEL_PREFIXES: &[&str] = &["ins", "uss", "hms", "mv", "ss", "rv", "mt", "hmas", "hmcs"];
const TIME_ZONES: &[&str] = &["gmt", "utc", "est", "edt", "pst", "cet", "ist", "pkt"];

/// Nouns ending the first part of an institution's name before "of" and a
/// place: "the University of Oslo", "the State Bank of Pakistan", "the
/// Human Rights Commission of Pakistan".
const SCHOOL_WORDS: &[&str] = &[
    "university",
    "institute",
    "academy",
    "college",
    "school",
    "bank",
    "commission",
    "committee",
    "museum",
    "federation",
    "association",
    "embassy",
    "consulate",
    "council",
    "church",
];

/// "University of Oslo", "State Bank of Pakistan": an institution's name
/// running over a place the gazetteer took, from `toks[i]` (up to three
/// capitalised words before the noun); the place's raw becomes the
/// institution's. The index after the name.
fn school_of_place(
    text: &str,
    toks: &[Token],
    i: usize,
    p: u32,
    taken: &mut [bool],
    raws: &mut [Raw],
) -> Option<usize> {
    // "The State Bank of Pakistan" opening a sentence: the name after "The".
    let i = if toks[i].upper && toks[i].key == "the" && toks.get(i + 1).is_some_and(|t| t.upper) {
        i + 1
    } else {
        i
    };
    if !toks[i].upper || toks[i].arabic || taken[i] {
        return None;
    }
    let mut h = i;
    while !SCHOOL_WORDS.contains(&toks[h].key.as_str()) {
        let next = toks.get(h + 1)?;
        if h >= i + 3 || !next.upper || taken[h + 1] || !glued(text, &toks[h], next, false) {
            return None;
        }
        h += 1;
    }
    if toks
        .get(h + 1)
        .is_none_or(|t| t.key != "of" || taken[h + 1])
    {
        return None;
    }
    let place_at = toks.get(h + 2)?.start;
    let raw = raws
        .iter_mut()
        .find(|r| r.paragraph == p && r.start == place_at && r.kind == EntityKind::Place)?;
    let j = toks.iter().position(|t| t.end == raw.end)? + 1;
    raw.start = toks[i].start;
    raw.kind = EntityKind::Organization;
    raw.gaz = None;
    raw.cue = true;
    raw.keys = toks[i..j].iter().map(|t| t.key.clone()).collect();
    taken[i..j].iter_mut().for_each(|t| *t = true);
    Some(j)
}

/// A byline's name: "By Omid Karimzada", "تحریر: ڈاکٹر سلیم اختر" (a
/// short paragraph of its own, a title left out). Its token range.
fn byline_name(text: &str, toks: &[Token]) -> Option<(usize, usize)> {
    let w = words::get();
    let first = toks.first()?;
    let english = !first.arabic && first.key == "by" && first.upper;
    let arabic = first.arabic
        && ["تحریر", "نوشته", "لیکوال", "بقلم"].contains(&first.key.as_str())
        && text[first.end..].trim_start().starts_with(':');
    if !(english || arabic) {
        return None;
    }
    let mut a = 1;
    while a < toks.len()
        && (w.honorifics.contains(&toks[a].key) || w.ar_titles.contains(&toks[a].key))
    {
        a += 1;
    }
    let len = toks.len() - a;
    let names = toks[a..].iter().all(|t| {
        if t.arabic {
            !w.ar_stop.contains(&t.key)
        } else {
            t.upper
        }
    });
    ((2..=3).contains(&len) && names).then_some((a, toks.len()))
}

/// Function words that only a title capitalises.
const TITLE_FUNCTION_WORDS: &[&str] = &[
    "an", "in", "on", "at", "who", "what", "when", "where", "why", "how", "is", "are", "was",
    "were", "we", "you", "they", "it", "my", "our", "your", "their", "not", "no", "to", "with",
    "from", "by", "into", "about", "be", "will", "can",
];

/// An acronym in the plural ("MPs", "NGOs", "IDPs"): a common noun, no
/// name.
fn plural_acronym(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| {
        stem.chars().count() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase())
    })
}

fn is_name_word(t: &Token) -> bool {
    !t.arabic
        && (t.upper || t.caps)
        && !t.key.chars().all(|c| c.is_ascii_digit())
        // A capitalised word with digits in it ("Twenty20") is no name;
        // an acronym may have them ("1TV").
        && (t.caps || !t.key.chars().any(|c| c.is_ascii_digit()))
}

#[allow(clippy::too_many_arguments)]
fn latin_pass(
    text: &str,
    toks: &[Token],
    opens: &[bool],
    p: u32,
    taken: &mut [bool],
    raws: &mut Vec<Raw>,
    dropped_acronyms: &mut Vec<String>,
) {
    let w = words::get();
    let n = toks.len();
    let mut i = 0;
    while i < n {
        if let Some(j) = school_of_place(text, toks, i, p, taken, raws) {
            i = j;
            continue;
        }
        if taken[i] || !is_name_word(&toks[i]) {
            i += 1;
            continue;
        }
        // "the Gulf of Oman": a sea's head before "of" and a country the
        // gazetteer took name one place, not the country.
        if GEO_HEADS.contains(&toks[i].key.as_str())
            && toks.get(i + 1).is_some_and(|t| t.key == "of" && !t.upper)
            && toks.get(i + 2).is_some_and(|t| taken[i + 2] && t.upper)
            && let Some(r) = raws.iter().position(|r| {
                r.paragraph == p && r.start == toks[i + 2].start && r.kind == EntityKind::Place
            })
        {
            let country = raws.remove(r);
            let mut keys = vec![toks[i].key.clone(), toks[i + 1].key.clone()];
            keys.extend(
                tokenize(&text[country.start..country.end])
                    .into_iter()
                    .map(|t| t.key),
            );
            raws.push(Raw {
                paragraph: p,
                start: toks[i].start,
                end: country.end,
                kind: EntityKind::Place,
                gaz: None,
                keys,
                cue: true,
                opens_sentence: false,
                after_place: false,
            });
            taken[i] = true;
            taken[i + 1] = true;
            i += 2;
            continue;
        }
        let mut j = i + 1;
        loop {
            let initial = toks[j - 1].end - toks[j - 1].start == 1 && toks[j - 1].upper;
            // A short title with its full stop stays with the name after
            // it: "Rep. John Smith", "Lt. Gov. Ana Ruiz".
            let short_title = toks[j - 1].upper
                && toks[j - 1].key.len() <= 5
                && w.honorifics.contains(&toks[j - 1].key);
            if j < n
                && !taken[j]
                && is_name_word(&toks[j])
                && !DATE_WORDS.contains(&toks[j].key.as_str())
                && (glued(text, &toks[j - 1], &toks[j], false)
                    || ((initial || short_title)
                        && text[toks[j - 1].end..toks[j].start].trim() == "."))
            {
                j += 1;
                continue;
            }
            // One or two small words inside a name: "Ministry of Foreign
            // Affairs", "Convention on the Elimination …".
            let joins = |k: usize| {
                k < n
                    && !taken[k]
                    && w.connectors.contains(&toks[k].key)
                    && !toks[k].upper
                    && glued(text, &toks[k - 1], &toks[k], false)
            };
            // A nationality qualifying the noun after it resumes no name:
            // "Work on the Afghan section".
            let resumes = |k: usize| {
                k < n
                    && !taken[k]
                    && is_name_word(&toks[k])
                    && !DATE_WORDS.contains(&toks[k].key.as_str())
                    && glued(text, &toks[k - 1], &toks[k], false)
                    && !(w.demonyms.contains(&toks[k].key)
                        && toks.get(k + 1).is_some_and(|t| {
                            !t.upper && !t.arabic && glued(text, &toks[k], t, false)
                        }))
            };
            if joins(j) && resumes(j + 1) {
                j += 2;
                continue;
            }
            if joins(j) && joins(j + 1) && resumes(j + 2) {
                j += 3;
                continue;
            }
            break;
        }
        // A capitalised function word inside the run ("The Girls Who Kept
        // Learning In Secret"): a title of a work, not a name.
        if toks[i + 1..j]
            .iter()
            .any(|t| t.upper && TITLE_FUNCTION_WORDS.contains(&t.key.as_str()))
        {
            taken[i..j].iter_mut().for_each(|t| *t = true);
            i = j;
            continue;
        }
        // "Aleksandar Furtula and Joshua Bickel": two people, unless the
        // run names an organisation ("Ministry of Agriculture and Livestock").
        // (An ezafe "e" or "i" inside a place's name joins no organisation:
        // "Zardak and Barg-e-Sang".)
        let has_org = toks[i..j].iter().any(|t| {
            w.org.contains(&t.key)
                || w.roles.contains(&t.key)
                || (w.connectors.contains(&t.key) && !matches!(t.key.as_str(), "and" | "e" | "i"))
        });
        let mut a = i;
        for k in i..=j {
            if k == j || (!has_org && toks[k].key == "and" && !toks[k].upper) {
                let mut span = Some((a, k));
                while let Some((from, to)) = span.take() {
                    if let Some(raw) =
                        latin_run(text, toks, opens, p, from, to, dropped_acronyms, &mut span)
                    {
                        raws.push(raw);
                    }
                }
                a = k + 1;
            }
        }
        taken[i..j].iter_mut().for_each(|t| *t = true);
        i = j;
    }
}

/// The name in `toks[i..j]`, a run of capitalised words, if it is one;
/// `tail` receives the words after a person's "of" ("… of Nevada").
#[allow(clippy::too_many_arguments)]
fn latin_run(
    text: &str,
    toks: &[Token],
    opens: &[bool],
    p: u32,
    i: usize,
    j: usize,
    dropped_acronyms: &mut Vec<String>,
    tail: &mut Option<(usize, usize)>,
) -> Option<Raw> {
    let w = words::get();
    let (mut a, mut b) = (i, j);
    let mut honorific = false;
    let mut role = false;
    // Sentence-initial common words, then titles and roles ("Foreign" stays
    // in "Foreign Office").
    let names_org = toks[i..j].iter().any(|t| w.org.contains(&t.key));
    while a < b {
        let k = &toks[a].key;
        let opener = a == i && opens[i];
        // "Saying …", "Speaking …": a participle opening the sentence.
        let participle = opener && k.len() > 5 && k.ends_with("ing");
        if ((opener || a > i) && w.common.contains(k) || participle) && !honorific && !role {
            a += 1;
        } else if w.honorifics.contains(k)
            // "General Directorate of …": a title word opening a body's name.
            && !(names_org && a + 1 < b && w.org.contains(&toks[a + 1].key))
        {
            honorific = true;
            a += 1;
        } else if w.roles.contains(k)
            && !(names_org && !w.org.contains(k) && a + 1 < b && w.org.contains(&toks[a + 1].key))
        {
            role = true;
            a += 1;
        } else {
            break;
        }
    }
    // "Uzbek Transport Minister Ilkhom Makhkamov": a nationality, the
    // portfolio and the role before a name; the name starts after the role.
    if !role
        && !honorific
        && b - a >= 3
        && w.demonyms.contains(&toks[a].key)
        && let Some(r) = (a + 1..b - 1)
            .rev()
            .find(|&k| w.roles.contains(&toks[k].key))
        && (a + 1..r).all(|k| !w.org.contains(&toks[k].key))
    {
        a = r + 1;
        role = true;
    }
    // "Minister of Foreign Affairs", "Rapporteur on …": the rest describes a
    // role, but a full name may end it ("Deputy Minister of Foreign Affairs
    // Naqibullah Wardak"): looked at again on its own.
    if (role || honorific) && a < b && w.connectors.contains(&toks[a].key) {
        if let Some(k) = name_after_role(toks, a, b) {
            *tail = Some((k, b));
        }
        return None;
    }
    while a < b && w.connectors.contains(&toks[a].key) && !toks[a].upper {
        a += 1;
    }
    while b > a && w.connectors.contains(&toks[b - 1].key) && !toks[b - 1].upper {
        b -= 1;
    }
    if a == b {
        return None;
    }
    // "Acting Commerce Minister" before a name the gazetteer took: a title;
    // but "Federal Ministry of the Interior" ends an organisation's name
    // with a portfolio after its "of".
    let portfolio_of_org = (a..b - 1).any(|k| {
        w.org.contains(&toks[k].key)
            && matches!(toks[k + 1].key.as_str(), "of" | "for")
            && !toks[k + 1].upper
    });
    if (w.roles.contains(&toks[b - 1].key) || w.honorifics.contains(&toks[b - 1].key))
        && !portfolio_of_org
    {
        return None;
    }
    // "MV Gibe", "INS Sukanya": a ship after its prefix, no person (and no
    // kind of entity this crate has).
    if b - a >= 2 && toks[a].caps && VESSEL_PREFIXES.contains(&toks[a].key.as_str()) {
        return None;
    }
    // "(R-Texas)", "D-Nev.,": a US lawmaker's party and state, no name.
    if b - a >= 2
        && matches!(toks[a].key.as_str(), "r" | "d" | "i")
        && toks[a].end - toks[a].start == 1
        && text[toks[a].end..toks[a + 1].start].trim() == "-"
        && text[..toks[a].start].trim_end().ends_with(['(', ','])
    {
        return None;
    }
    // "U. S.", "J. K.": initials alone name no one.
    if toks[a..b].iter().all(|t| t.key.chars().count() == 1) {
        return None;
    }
    let keys: Vec<String> = toks[a..b].iter().map(|t| t.key.clone()).collect();
    let after_paren = acronym_after(text, toks[b - 1].end);
    if keys.iter().any(|k| is_event_word(k)) {
        if let Some(acr) = after_paren {
            let acr_toks = tokenize(acr);
            dropped_acronyms.extend(acr_toks.first().map(|t| t.key.clone()));
            dropped_acronyms.push(acr_toks.iter().map(|t| t.key.as_str()).collect());
        }
        return None;
    }
    let single = b - a == 1;
    let k0 = &keys[0];
    // "Separately, the ministry said": an adverb opening the sentence.
    if single
        && opens[a]
        && k0.len() > 4
        && k0.ends_with("ly")
        && text[toks[a].end..].starts_with(',')
    {
        return None;
    }
    // "the Pakistani embassy in Kabul": a nationality before "embassy" or
    // "consulate" names that country's mission, an organisation.
    if single
        && w.demonyms.contains(k0)
        && let Some(t) = toks.get(j)
        && !t.upper
        && matches!(t.key.as_str(), "embassy" | "consulate")
        && glued(text, &toks[a], t, false)
    {
        return Some(Raw {
            paragraph: p,
            start: toks[a].start,
            end: t.end,
            kind: EntityKind::Organization,
            gaz: None,
            keys: vec![k0.clone(), t.key.clone()],
            cue: true,
            opens_sentence: false,
            after_place: false,
        });
    }
    if single && w.demonyms.contains(k0) && !opens[i] {
        // "Baloch told a briefing": a surname only if a full name has it.
        return Some(Raw {
            paragraph: p,
            start: toks[a].start,
            end: toks[a].end,
            kind: EntityKind::Person,
            gaz: None,
            keys,
            cue: false,
            opens_sentence: true,
            after_place: false,
        });
    }
    if single
        && (w.common.contains(k0)
            || w.never_name.contains(k0)
            || w.demonyms.contains(k0)
            || w.org.contains(k0)
            || w.roles.contains(k0)
            || w.honorifics.contains(k0)
            || w.place_nouns.contains(k0)
            || k0.chars().count() < 2
            || TIME_ZONES.contains(&k0.as_str())
            || plural_acronym(&text[toks[a].start..toks[a].end]))
    {
        return None;
    }
    if keys
        .iter()
        .all(|k| w.roles.contains(k) || w.demonyms.contains(k) || w.common.contains(k))
    {
        return None;
    }
    let next = toks.get(j);
    let next_key = next.map(|t| t.key.as_str()).unwrap_or("");
    let gap_after = next.map_or("", |t| &text[toks[j - 1].end..t.start]);
    let prev_key = if i > 0 { toks[i - 1].key.as_str() } else { "" };
    // "the Trans-Afghan railway", "Pak-Afghan trade": a hyphenated
    // nationality qualifying a noun.
    if b - a >= 2
        && w.demonyms.contains(&keys[keys.len() - 1])
        && text[toks[b - 2].end..toks[b - 1].start].contains(['-', '‐'])
        && next.is_some_and(|t| !t.upper && !t.arabic && gap_after.trim().is_empty())
    {
        return None;
    }
    // "the group's Asia programme coordinator": one word before an
    // organisation noun and a role is a post's region or field, no name.
    if b - a == 1 && gap_after.trim().is_empty() && post_field_at(toks, j) {
        return None;
    }
    // "the TAPI gas pipeline", "the UAP railway": an acronym qualifying a
    // project's noun names the project, no body; its other mentions go too.
    if single
        && toks[a].caps
        && (j..toks.len().min(j + 3))
            .take_while(|&k| {
                !toks[k].upper && !toks[k].arabic && glued(text, &toks[k - 1], &toks[k], false)
            })
            .any(|k| PROJECT_NOUNS.contains(&toks[k].key.as_str()))
    {
        dropped_acronyms.push(k0.clone());
        return None;
    }
    let has_org_word = keys.iter().any(|k| w.org.contains(k));
    // "a Swedish Green member", "a Dutch Liberal lawmaker": a nationality
    // and a party's colour qualifying the noun after them, no name.
    if b - a == 2
        && w.demonyms.contains(&keys[0])
        && !has_org_word
        && next.is_some_and(|t| {
            !t.upper
                && !t.arabic
                && t.key.chars().count() > 2
                && !w.org.contains(&t.key)
                && !w.connectors.contains(&t.key)
        })
        && gap_after.trim().is_empty()
    {
        return None;
    }
    // A nationality opens an organisation's name ("Afghan Women Skills
    // Center") but can end a person's ("Mumtaz Zahra Baloch").
    let has_not_name = keys.iter().any(|k| w.not_name.contains(k)) || w.demonyms.contains(&keys[0]);
    let place_noun_inside = b - a > 1
        && w.place_nouns
            .contains(keys.last().map_or("", String::as_str));
    // "the Amaq news agency": an organisation noun right after the name.
    let org_noun_after = (gap_after.trim().is_empty()
        && next.is_some_and(|t| !t.upper && w.org.contains(&t.key)))
        || (next_key == "news" && toks.get(j + 1).is_some_and(|t| w.org.contains(&t.key)))
        // "the daily Hasht-e Naw", "the broadcaster Ariana": a medium's
        // noun right before the name.
        || (i > 0
            && matches!(
                prev_key,
                "daily" | "weekly" | "newspaper" | "broadcaster" | "channel" | "outlet" | "magazine"
            )
            && text[toks[i - 1].end..toks[i].start].trim().is_empty())
        // "the refugee rights group Pro Asyl": an organisation noun right
        // before the name.
        || (i > 0
            && !toks[i - 1].upper
            && matches!(
                prev_key,
                "group" | "charity" | "company" | "firm" | "foundation" | "organisation" | "organization"
            )
            && text[toks[i - 1].end..toks[i].start].trim().is_empty())
        // "Turkmengaz, the Turkmen state company building the line, said":
        // an apposition headed by an organisation noun, no role before it.
        || (gap_after.trim() == ","
            && toks.get(j).is_some_and(|t| matches!(t.key.as_str(), "the" | "a" | "an"))
            && (j + 1..toks.len().min(j + 6))
                .take_while(|&k| {
                    (!toks[k].upper || w.demonyms.contains(&toks[k].key))
                        && !w.roles.contains(&toks[k].key)
                        && !matches!(toks[k].key.as_str(), "of" | "for" | "at" | "in" | "with")
                })
                .any(|k| {
                    matches!(
                        toks[k].key.as_str(),
                        "company" | "firm" | "charity" | "group" | "organisation" | "organization" | "agency"
                    ) && text[toks[j].end..toks[k].start].chars().all(|c| c != ',')
                        // "the group's country director" is a person's post.
                        && !toks
                            .get(k + 1)
                            .is_some_and(|t| t.key == "s" && text[toks[k].end..t.start].contains(['\'', '’']))
                }));
    // "in the Hindu Kush", "near North Waziristan".
    let prep_before = w.place_preps.contains(prev_key)
        || (prev_key == "the" && i > 1 && w.place_preps.contains(&toks[i - 2].key));
    let ezafe = (a + 1..b.saturating_sub(1)).any(|k| {
        matches!(toks[k].key.as_str(), "e" | "i")
            && !toks[k].upper
            && text[toks[k - 1].end..toks[k].start].contains(['-', '‐'])
    });
    // "BAKU, Azerbaijan (AP) —": the country after a dateline's city.
    let dateline_country = i > 0 && {
        let f = toks.iter().take_while(|t| t.caps && !t.arabic).count();
        f > 0
            && i == f
            && text[toks[f - 1].end..toks[i].start].trim() == ","
            && dateline(text, toks, 0, f)
            && text[toks[j - 1].end..]
                .trim_start()
                .starts_with(['(', '—', '–'])
    };
    let (kind, cue, end_tok) = if has_org_word || org_noun_after {
        (EntityKind::Organization, true, b)
    } else if b - a >= 3 && GEO_HEADS.contains(&keys[0].as_str()) && keys[1] == "of" {
        // "the Gulf of Oman", "the Sea of Japan".
        (EntityKind::Place, true, b)
    } else if dateline_country {
        (EntityKind::Place, true, b)
    } else if place_noun_inside {
        (EntityKind::Place, true, b - 1)
    } else if w.place_nouns.contains(next_key) && gap_after.trim().is_empty() && !honorific {
        (EntityKind::Place, true, b)
    } else if prev_key == "of"
        && i >= 2
        && w.place_nouns.contains(&toks[i - 2].key)
        && !honorific
        && !has_org_word
    {
        // "the village of Aqtepa", "the district of Chardara".
        (EntityKind::Place, true, b)
    } else if ezafe && !honorific {
        // "Dasht-e-Barchi", "Qala-i-Naw": a Persian ezafe joining
        // capitalised words names a place, not a person (parties and
        // groups have their organisation word: "Hizb-e Islami").
        (EntityKind::Place, prep_before, b)
    } else if honorific && !has_not_name {
        (EntityKind::Person, true, b)
    } else if dateline(text, toks, i, j) {
        // A dateline: "BAKU, Azerbaijan (AP) —", "HERAT —".
        (EntityKind::Place, true, b)
    } else if single && toks[a].caps {
        (
            EntityKind::Organization,
            toks[a].key.chars().count() >= 2,
            b,
        )
    } else if single && prep_before && !opens[i] && !honorific {
        // Weak: "to Khan’s village" is a person's; "in the Pamirs".
        (EntityKind::Place, false, b)
    } else if i == 0
        && toks[a..b].iter().all(|t| t.caps && t.end - t.start >= 3)
        && gap_after.starts_with(',')
    {
        // A dateline of several words: "MAZAR-I-SHARIF, Afghanistan".
        (EntityKind::Place, true, b)
    } else if has_not_name && prep_before && !opens[i] {
        (EntityKind::Place, false, b)
    } else if has_not_name {
        (EntityKind::Organization, false, b)
    } else if i >= 2
        && text[toks[i - 1].end..toks[i].start].trim() == ","
        && !toks[i - 1].upper
        && w.org.contains(prev_key)
        && matches!(
            toks[i - 2].key.as_str(),
            "the" | "its" | "their" | "a" | "an"
        )
        && (i < 3
            || !matches!(
                toks[i - 3].key.as_str(),
                "for"
                    | "of"
                    | "at"
                    | "from"
                    | "to"
                    | "with"
                    | "by"
                    | "in"
                    | "outside"
                    | "inside"
                    | "near"
                    | "after"
                    | "before"
                    | "into"
                    | "on"
            ))
        // "Outside the court, Mohmand's wife": a possessive is no
        // apposition.
        && !(next_key == "s" && matches!(gap_after, "'" | "’"))
    {
        // "The programme, Roshan Learning, teaches …": a name in apposition
        // to an organisation noun (not "a spokesman for the bank, X Y").
        (EntityKind::Organization, true, b)
    } else {
        // A word opening a sentence needs the plainest apposition
        // ("Kamila, an Afghan refugee"); "Journalists, former soldiers …"
        // is a list.
        let opener = single && opens[a];
        let appositive = gap_after.trim() == ","
            && next.is_some_and(|t| {
                matches!(t.key.as_str(), "a" | "an" | "the" | "who" | "whose")
                    || (!opener
                        && (w.roles.contains(&t.key)
                            || w.honorifics.contains(&t.key)
                            || w.demonyms.contains(&t.key)))
            });
        // "Speculators will be punished": after a sentence's first word,
        // only a speech verb says it is someone's name.
        let weak = matches!(
            next_key,
            "who"
                | "whose"
                | "has"
                | "had"
                | "is"
                | "was"
                | "will"
                | "would"
                | "also"
                | "called"
                | "met"
        );
        // "when Zardak had 40 families": a count after "has" or "had" is
        // what a place holds, no cue for a person.
        let holds_count = matches!(next_key, "has" | "had")
            && toks
                .get(j + 1)
                .is_some_and(|t| t.key.chars().next().is_some_and(|c| c.is_ascii_digit()));
        let speaker = gap_after.trim().is_empty()
            && w.speech_after.contains(next_key)
            && !(opener && weak)
            && !holds_count;
        let said_before = i > 0
            && text[toks[i - 1].end..toks[i].start].trim().is_empty()
            && matches!(prev_key, "said" | "says" | "told" | "by" | "with");
        (
            EntityKind::Person,
            appositive || speaker || said_before || role,
            b,
        )
    };
    // "Harry Reid of Nevada": a person's name ends before "of".
    // The words after "of" are a name of their own, looked at again; but
    // "the Minaret of Jam", one word after "the" and before "of", is a
    // monument's or a place's name.
    let mut kind = kind;
    let mut cue = cue;
    let end_tok =
        match (a + 1..end_tok).find(|&k| matches!(toks[k].key.as_str(), "of" | "from" | "for")) {
            Some(cut)
                if kind == EntityKind::Person
                    && cut == a + 1
                    && a == i
                    && toks[cut].key == "of"
                    && prev_key == "the"
                    && !toks[a].caps
                    && text[toks[i - 1].end..toks[i].start].trim().is_empty() =>
            {
                kind = EntityKind::Place;
                cue = true;
                end_tok
            }
            Some(cut) if kind == EntityKind::Person => {
                *tail = Some((cut + 1, j));
                cut
            }
            _ => end_tok,
        };
    if end_tok == a {
        return None;
    }
    Some(Raw {
        paragraph: p,
        start: toks[a].start,
        end: toks[end_tok - 1].end,
        kind,
        gaz: None,
        keys: keys[..end_tok - a].to_vec(),
        cue,
        opens_sentence: single && opens[a],
        after_place: false,
    })
}

/// Whether the capitals `toks[i..j]` open the paragraph as a dateline: a
/// place, then a dash ("HERAT —") or a comma, one or two capitalised words
/// and an agency in brackets or a dash ("STRASBOURG, France (Reuters) —").
fn dateline(text: &str, toks: &[Token], i: usize, j: usize) -> bool {
    if i != 0
        || !toks[i..j]
            .iter()
            .all(|t| t.caps && !t.arabic && t.end - t.start >= 3)
    {
        return false;
    }
    let rest = &text[toks[j - 1].end..];
    let dash = |r: &str| r.trim_start().starts_with(['—', '–']);
    if dash(rest) {
        return true;
    }
    let Some(after) = rest.strip_prefix(',') else {
        return false;
    };
    let mut k = j;
    while k < toks.len() && k < j + 2 && toks[k].upper && !toks[k].arabic {
        let r = &text[toks[k].end..];
        if r.trim_start().starts_with('(') || dash(r) {
            return after.trim_start().starts_with(|c: char| c.is_uppercase());
        }
        k += 1;
    }
    false
}

/// The start of a full name (two words or more) closing `toks[a..b]`, the
/// words of a role and its organisation before it: the words after the
/// last role, organisation, connector or common word.
fn name_after_role(toks: &[Token], a: usize, b: usize) -> Option<usize> {
    let w = words::get();
    let describes = |t: &Token| {
        let k = t.key.as_str();
        w.org.contains(k)
            || w.roles.contains(k)
            || w.connectors.contains(k)
            || w.common.contains(k)
            || w.not_name.contains(k)
            || w.demonyms.contains(k)
            || w.place_nouns.contains(k)
            || t.caps
    };
    let mut k = (a..b).rev().find(|&k| describes(&toks[k]))? + 1;
    // "Minister of Mines and Petroleum Hedayatullah Badakhshi": the word
    // after "and" still names the ministry.
    if toks[k - 1].key == "and" && b >= k + 3 {
        k += 1;
    }
    (b >= k + 2 && b - k <= 4).then_some(k)
}

/// The acronym in brackets right after byte `end`: "… Refugees (UNHCR)".
fn acronym_after(text: &str, end: usize) -> Option<&str> {
    let rest = text[end..].trim_start().strip_prefix('(')?;
    let close = rest.find(')')?;
    let inner = rest[..close].trim();
    let letters = inner.chars().filter(|c| c.is_alphabetic()).count();
    let ok = (2..=12).contains(&inner.len())
        && letters >= 2
        && inner
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | ' '))
        && inner
            .chars()
            .filter(|c| c.is_alphabetic())
            .filter(|c| c.is_uppercase())
            .count()
            * 2
            > letters;
    ok.then_some(inner)
}

fn arabic_pass(
    text: &str,
    toks: &[Token],
    opens: &[bool],
    p: u32,
    taken: &mut [bool],
    raws: &mut Vec<Raw>,
    bodies: &[Vec<String>],
) {
    let w = words::get();
    let n = toks.len();
    let name_word = |k: usize, taken: &[bool]| {
        toks[k].arabic
            && !taken[k]
            && !w.ar_stop.contains(&toks[k].key)
            // "سردار" before "خان" is a given name ("حاجي سردار خان").
            && (!w.ar_titles.contains(&toks[k].key)
                || (k > 0
                    && w.ar_titles.contains(&toks[k - 1].key)
                    && toks.get(k + 1).is_some_and(|t| t.key == "خان")))
            && !is_arabic_ala(text, &toks[k])
            && !is_ur_weekday(toks, k)
            // Arabic "لل…" (to the …) after a name: "قال X للعربية".
            && !(toks[k].key.starts_with("لل") && toks[k].key.chars().count() > 4)
    };
    let mut i = 0;
    while i < n {
        if !toks[i].arabic {
            i += 1;
            continue;
        }
        // A dateline the gazetteer does not know: one to three words
        // opening the first paragraph before a dash, or before an agency
        // in brackets and a dash ("میلبرن —", "X Y (وكالة) —").
        if i == 0 && p == 0 {
            let dash = |r: &str| r.trim_start().starts_with(['—', '–']);
            let end = (1..=3.min(n)).find(|&j| {
                let rest = &text[toks[j - 1].end..];
                let closes = dash(rest)
                    || rest.trim_start().strip_prefix('(').is_some_and(|r| {
                        r.split_once(')')
                            .is_some_and(|(inner, after)| inner.len() < 60 && dash(after))
                    });
                closes
                    && (0..j).all(|k| {
                        name_word(k, taken)
                            && (k == 0 || glued(text, &toks[k - 1], &toks[k], false))
                    })
            });
            if let Some(j) = end {
                taken[..j].iter_mut().for_each(|t| *t = true);
                let mut raw = arabic_raw(toks, p, 0, j);
                raw.kind = EntityKind::Place;
                raws.push(raw);
                i = j;
                continue;
            }
        }
        // "(ایچ آر سی پی)": an acronym spelt letter by letter is no name.
        if let Some(j) = spelt_acronym(text, toks, i) {
            taken[i..j].iter_mut().for_each(|t| *t = true);
            i = j;
            continue;
        }
        // "نهادی به نام «انجمن حمایت از کودکان کار»": a body's name in
        // guillemets, opened by an organisation's head word.
        let named_before = || {
            bodies.iter().find_map(|keys| {
                let j = i + keys.len();
                (j <= n
                    && toks[i..j].iter().zip(keys).all(|(t, k)| t.key == *k)
                    && !taken[i..j].iter().any(|&t| t))
                .then_some(j)
            })
        };
        // "انتشارات «سپیده»": the name filling the marks is the body's.
        if let Some(j) = headed_guillemet(text, toks, i, taken) {
            taken[i..j].iter_mut().for_each(|t| *t = true);
            let mut raw = arabic_raw(toks, p, i + 1, j);
            raw.kind = EntityKind::Organization;
            raw.cue = true;
            raws.push(raw);
            i = j;
            continue;
        }
        if let Some(j) = guillemet_body(text, toks, i, taken).or_else(named_before) {
            taken[i..j].iter_mut().for_each(|t| *t = true);
            let mut raw = arabic_raw(toks, p, i, j);
            raw.kind = EntityKind::Organization;
            raw.cue = true;
            raws.push(raw);
            i = j;
            continue;
        }
        // Urdu "پشاور ہائی کورٹ": the place before "high court" (one the
        // gazetteer knows, or one word) and the words are the court.
        if i > 0
            && i + 1 < n
            && toks[i].key == crate::normalize::normalize("ہائی")
            && toks[i + 1].key == crate::normalize::normalize("کورٹ")
            && glued(text, &toks[i - 1], &toks[i], false)
            && glued(text, &toks[i], &toks[i + 1], false)
        {
            let known = raws.iter().rposition(|r| {
                r.paragraph == p && r.end == toks[i - 1].end && r.kind == EntityKind::Place
            });
            let a = match known {
                Some(k) => {
                    let start = raws[k].start;
                    raws.remove(k);
                    toks.iter().position(|t| t.start == start).unwrap_or(i - 1)
                }
                None if name_word(i - 1, taken) => i - 1,
                None => i,
            };
            if a < i {
                taken[a..i + 2].iter_mut().for_each(|t| *t = true);
                let mut raw = arabic_raw(toks, p, a, i + 2);
                raw.kind = EntityKind::Organization;
                raws.push(raw);
                i += 2;
                continue;
            }
        }
        // Urdu "پشاور کے بورڈ بازار میں": a market of a city the gazetteer
        // knows, one name word before "بازار", is a place.
        if i >= 1
            && i + 2 < n
            && toks[i].key == crate::normalize::normalize("کے")
            && name_word(i + 1, taken)
            && toks[i + 2].key == "بازار"
            && !taken[i + 2]
            && glued(text, &toks[i + 1], &toks[i + 2], false)
            && raws.iter().any(|r| {
                r.paragraph == p && r.end == toks[i - 1].end && r.kind == EntityKind::Place
            })
        {
            taken[i + 1..i + 3].iter_mut().for_each(|t| *t = true);
            let mut raw = arabic_raw(toks, p, i + 1, i + 3);
            raw.kind = EntityKind::Place;
            raws.push(raw);
            i += 3;
            continue;
        }
        // "شفاخانه استقلال", "د ایمرجنسي روغتون", "ہائر ایجوکیشن کمیشن",
        // "وزارت اعلیٰ تعلیم کے", "د کرنې، اوبو لګولو او مالدارۍ وزارت".
        if let Some((a, j)) = named_body_at(text, toks, i, taken) {
            taken[a..j].iter_mut().for_each(|t| *t = true);
            let mut raw = arabic_raw(toks, p, a, j);
            raw.kind = EntityKind::Organization;
            raws.push(raw);
            i = j;
            continue;
        }
        // "د پوهنې ریاست", "محکمہ داخلہ بلوچستان", "فرماندهی پولیس".
        if let Some((a, j)) = department_at(text, toks, i, taken) {
            taken[i..j].iter_mut().for_each(|t| *t = true);
            // A place the gazetteer took at the end of a chamber's name
            // ("اتاق تجارت و سرمایه‌گذاری بلخ") is the chamber's, not a
            // place of its own (a department's head with its province,
            // "رئیس صحت عامه بدخشان", keeps the province as a place).
            if toks[a].key == "اتاق" {
                let (start, end) = (toks[a].start, toks[j - 1].end);
                raws.retain(|r| {
                    !(r.paragraph == p
                        && r.kind == EntityKind::Place
                        && r.start > start
                        && r.end == end)
                });
            }
            let mut raw = arabic_raw(toks, p, a, j);
            raw.kind = EntityKind::Organization;
            raws.push(raw);
            i = j;
            continue;
        }
        // "ولسوالی خانقاه", "رادیو آوای کوکچه", "سفارت ایران",
        // "الهيئة الوطنية لإدارة الكوارث".
        if let Some((a, j, kind)) = institution_at(text, toks, i, taken) {
            taken[a..j].iter_mut().for_each(|t| *t = true);
            // A Pashto chamber or court of a province ("د کندهار د
            // سوداګرۍ او پانګونې خونه", "د خوست ولایت ابتدایيې محکمه"):
            // the place and the national chamber the gazetteer took inside
            // it are the body's words, not names of their own.
            if (toks[a].key == "د"
                && matches!(
                    toks[j - 1].key.as_str(),
                    "خونه"
                        | "خونې"
                        | "خونو"
                        | "محکمه"
                        | "محکمې"
                        | "پوهنتون"
                        | "ګمرک"
                        | "گمرک"
                        | "اتحادیه"
                        | "اتحادیې"
                        | "ټولنه"
                        | "ټولنې"
                ))
                || matches!(toks[a].key.as_str(), "دانشگاه" | "پوهنتون")
            {
                let (start, end) = (toks[a].start, toks[j - 1].end);
                raws.retain(|r| !(r.paragraph == p && r.start >= start && r.end <= end));
            }
            let mut raw = arabic_raw(toks, p, a, j);
            raw.kind = kind;
            raws.push(raw);
            i = j;
            continue;
        }
        // "به نام گل‌احمد" (Dari, "by the name of"): one to three name words.
        if i >= 2
            && toks[i - 1].key == "نام"
            && toks[i - 2].key == "به"
            && name_word(i, taken)
            && !w.ar_roles.contains(&toks[i].key)
        {
            let mut j = i + 1;
            while j < n
                && j < i + 3
                && name_word(j, taken)
                && !w.ar_roles.contains(&toks[j].key)
                && glued(text, &toks[j - 1], &toks[j], false)
            {
                j += 1;
            }
            taken[i..j].iter_mut().for_each(|t| *t = true);
            raws.push(arabic_raw(toks, p, i, j));
            i = j;
            continue;
        }
        if let Some(j) = ar_name_before_anna(text, toks, i, taken) {
            taken[i..j].iter_mut().for_each(|t| *t = true);
            raws.push(arabic_raw(toks, p, i, j));
            i = j;
            continue;
        }
        // "بي بي حلیمه", "بی‌بی گل": Bibi, doubled, opens a woman's name and
        // belongs to it; one or two name words after it.
        if i + 2 < n
            && toks[i].key == "بی"
            && toks[i + 1].key == "بی"
            && !taken[i]
            && !taken[i + 1]
            && name_word(i + 2, taken)
            && !is_number_word(&toks[i + 2])
            && glued(text, &toks[i], &toks[i + 1], false)
            && glued(text, &toks[i + 1], &toks[i + 2], false)
        {
            let mut j = i + 3;
            if j < n
                && name_word(j, taken)
                && !is_number_word(&toks[j])
                && !w.ar_roles.contains(&toks[j].key)
                && !is_say_after(&toks[j].key)
                && glued(text, &toks[j - 1], &toks[j], false)
            {
                j += 1;
            }
            taken[i..j].iter_mut().for_each(|t| *t = true);
            raws.push(arabic_raw(toks, p, i, j));
            i = j;
            continue;
        }
        // An honorific and up to three name words: "مولوی عبدالکبیر"
        // (more with بن / آل: "الشيخة علياء أحمد بن سيف آل ثاني").
        // "در ملأ عام" ("in public") is not the honorific ملا.
        let in_public = toks[i].key == "ملا"
            && (text[toks[i].start..toks[i].end].contains(['أ', 'ء'])
                || toks.get(i + 1).is_some_and(|t| t.key == "عام"));
        if w.ar_titles.contains(&toks[i].key) && !in_public {
            let mut j = i + 1;
            let mut limit = i + 4;
            while j < n
                && j < limit
                && (name_word(j, taken) || (j > i + 1 && !taken[j] && surname_role(text, toks, j)))
                && glued(text, &toks[j - 1], &toks[j], false)
            {
                if AR_NAME_LINKS.contains(&toks[j].key.as_str()) {
                    limit = (limit + 2).min(i + 8);
                }
                j += 1;
                // "آل ثاني": the family's name ends the name.
                if toks[j - 2].key == "آل" {
                    break;
                }
            }
            if j > i + 1 {
                taken[i..j].iter_mut().for_each(|t| *t = true);
                raws.push(arabic_raw(toks, p, i + 1, j));
                i = j;
                continue;
            }
        }
        // An Arabic ministry and its ال- words: "وزارة الخارجية القطرية".
        if toks[i].key == "وزارة" && !taken[i] {
            let mut j = i + 1;
            while j < n
                && j < i + 4
                && !taken[j]
                && toks[j].key.starts_with("ال")
                && glued(text, &toks[j - 1], &toks[j], false)
            {
                j += 1;
            }
            if j > i + 1 {
                taken[i..j].iter_mut().for_each(|t| *t = true);
                let mut raw = arabic_raw(toks, p, i, j);
                raw.kind = EntityKind::Organization;
                raws.push(raw);
                i = j;
                continue;
            }
        }
        // An Urdu name spelt after English: "سرحد چیمبر آف کامرس" — up to
        // two words, an organisation word, "آف" and the word after it.
        if of_org(toks, i, taken) {
            let mut a = i;
            while a > 0
                && a + 2 > i
                && name_word(a - 1, taken)
                && glued(text, &toks[a - 1], &toks[a], false)
            {
                a -= 1;
            }
            let j = i + 3;
            taken[a..j].iter_mut().for_each(|t| *t = true);
            let mut raw = arabic_raw(toks, p, a, j);
            raw.kind = EntityKind::Organization;
            raws.push(raw);
            i = j;
            continue;
        }
        // "شریفه، مادر سه فرزند …": one word opening a sentence, then a
        // comma and a word for a relative (someone described by family)
        // is a person's name.
        if name_word(i, taken)
            && opens[i]
            && !w.ar_roles.contains(&toks[i].key)
            && toks.get(i + 1).is_some_and(|t| {
                KIN_WORDS.contains(&t.key.as_str()) && text[toks[i].end..t.start].contains('،')
            })
        {
            taken[i] = true;
            raws.push(arabic_raw(toks, p, i, i + 1));
            i += 1;
            continue;
        }
        // "علقت الناشطة الأفغانية زهرة نادري التي …": a name after a role
        // with its article and nationality adjectives.
        if let Some(j) = name_after_ar_role(text, toks, i, taken) {
            taken[i..j].iter_mut().for_each(|t| *t = true);
            raws.push(arabic_raw(toks, p, i, j));
            i = j;
            continue;
        }
        // A name right after an Arabic verb of saying, closed by a comma or
        // a colon: "وقالت روزا أوتونباييفا، الممثلة …".
        // Also after a noun for the person with its article, when "who
        // is" follows: "قالت الأرملة شكرية، وهي أم لأربعة أطفال".
        let after_noun = i > 1
            && toks[i - 1].key.starts_with("ال")
            && !is_ar_role_word(&toks[i - 1].key)
            && AR_SAY_FIRST.contains(&toks[i - 2].key.as_str())
            && glued(text, &toks[i - 2], &toks[i - 1], false)
            && glued(text, &toks[i - 1], &toks[i], false);
        if i > 0 && (AR_SAY_FIRST.contains(&toks[i - 1].key.as_str()) || after_noun) {
            let mut j = i;
            while j < n
                && j < i + 3
                && name_word(j, taken)
                && !toks[j].key.starts_with("ال")
                && !w.ar_roles.contains(&toks[j].key)
                && (j == i || glued(text, &toks[j - 1], &toks[j], false))
            {
                j += 1;
            }
            let closed = toks
                .get(j)
                .is_some_and(|t| text[toks[j - 1].end..t.start].contains(['،', ':']));
            // One word is a name too when "who is" follows the comma:
            // "هكذا قالت ملالي، وهي أم لخمسة أطفال".
            let who = j == i + 1
                && toks.get(j).is_some_and(|t| {
                    matches!(text[t.start..t.end].trim(), "وهي" | "وهو" | "هي" | "هو")
                });
            if (who || (j >= i + 2 && !after_noun)) && closed {
                taken[i..j].iter_mut().for_each(|t| *t = true);
                raws.push(arabic_raw(toks, p, i, j));
                i = j;
                continue;
            }
        }
        // A name between commas after a role: "مدير مكتب المنظمة في كابول،
        // ميهونغ بارك، في بيان", "سخنگوی وزارت، احمد کریمی، گفت".
        if let Some(j) = appositive_after_role(text, toks, i, taken) {
            taken[i..j].iter_mut().for_each(|t| *t = true);
            raws.push(arabic_raw(toks, p, i, j));
            i = j;
            continue;
        }
        // Urdu "X Y نے کہا": the two words before the ergative نے and a
        // speech verb are a name (three when the first is a given name).
        // Pashto and Dari "ویاند X Y Z وویل": the words between a
        // spokesperson's title and a speech verb are a name.
        let subject = [urdu_subject_at(toks, i), spokesperson_subject_at(toks, i)]
            .into_iter()
            .flatten()
            .find(|&len| {
                (i..i + len).all(|k| {
                    name_word(k, taken)
                        && !w.ar_roles.contains(&toks[k].key)
                        && !UR_NOT_NAME.contains(&toks[k].key.as_str())
                }) && (i + 1..i + len).all(|k| glued(text, &toks[k - 1], &toks[k], false))
            });
        if let Some(len) = subject {
            taken[i..i + len].iter_mut().for_each(|t| *t = true);
            raws.push(arabic_raw(toks, p, i, i + len));
            i += len;
            continue;
        }
        // A given name and one to three more name words: "فیصل ناصر نے
        // کہا", "ماجد الأنصاري يوم …", "ویاند عبدالمطلب حقاني وویل".
        // With بن / آل the name runs longer: "محمد بن عبدالرحمن آل ثاني".
        let allah_after = toks.get(i + 1).is_some_and(|t| {
            is_allah(&t.key) && name_word(i + 1, taken) && glued(text, &toks[i], t, false)
        });
        // A word before "بن" / "بنت" and a given name is a given name the
        // list lacks: "فهد بن ناصر آل ثاني".
        let son_of_after = toks.get(i + 1).is_some_and(|t| {
            matches!(t.key.as_str(), "بن" | "بنت") && glued(text, &toks[i], t, false)
        }) && toks.get(i + 2).is_some_and(|t| words::is_ar_given(&t.key))
            && name_word(i + 2, taken);
        // "کلاس‌های شبانه": a word after a Dari plural with its ezafe
        // qualifies the noun, whatever name it also spells.
        let after_plural = i > 0
            && toks[i - 1].arabic
            && toks[i - 1].key.ends_with("های")
            && glued(text, &toks[i - 1], &toks[i], false);
        if name_word(i, taken)
            && (words::is_ar_given(&toks[i].key) || allah_after || son_of_after)
            && !(i > 0 && is_number_word(&toks[i - 1]))
            && !after_plural
        {
            let mut j = i + 1;
            let mut limit = if allah_after { i + 5 } else { i + 4 };
            while j < n
                && j < limit
                && ((name_word(j, taken)
                    && !w.ar_roles.contains(&toks[j].key)
                    && !is_number_word(&toks[j]))
                    || (!taken[j] && surname_role(text, toks, j)))
                && glued(text, &toks[j - 1], &toks[j], false)
            {
                if AR_NAME_LINKS.contains(&toks[j].key.as_str()) {
                    limit = (limit + 2).min(i + 7);
                }
                j += 1;
                // "آل ثاني": the family's name ends the name.
                if toks[j - 2].key == "آل" {
                    break;
                }
            }
            // A name does not end on a link word ("محمد بن").
            while j > i + 1 && AR_NAME_LINKS.contains(&toks[j - 1].key.as_str()) {
                j -= 1;
            }
            // Words an Urdu auxiliary follows are a verb, not a name: "گل
            // سڑ رہی ہیں" (are rotting).
            let aux = |t: &Token| {
                t.arabic
                    && UR_AUXILIARIES
                        .iter()
                        .any(|a| crate::normalize::normalize(a) == t.key)
            };
            let verb_after = toks[i + 1..j].iter().any(aux)
                || toks
                    .get(j)
                    .is_some_and(|t| aux(t) && glued(text, &toks[j - 1], t, false));
            if j >= i + 2 && !verb_after {
                taken[i..j].iter_mut().for_each(|t| *t = true);
                raws.push(arabic_raw(toks, p, i, j));
                i = j;
                continue;
            }
        }
        // A given name alone, then a comma and a verb of saying: "۱۷ کلنې
        // مریم، وویل".
        if name_word(i, taken)
            && words::is_ar_given(&toks[i].key)
            && toks.get(i + 1).is_some_and(|t| {
                is_say_after(&t.key) && text[toks[i].end..t.start].contains(['،', ','])
            })
        {
            taken[i] = true;
            raws.push(arabic_raw(toks, p, i, i + 1));
            i += 1;
            continue;
        }
        // A given name alone after an age, in apposition: "یو، ۱۹ کلن
        // عبدالرووف، د کورنۍ …".
        if name_word(i, taken)
            && (compound_given(&toks[i].key) || words::is_ar_given(&toks[i].key))
            && i > 0
            && ["کلن", "کلنه", "کلنې", "ساله"]
                .iter()
                .any(|a| crate::normalize::normalize(a) == toks[i - 1].key)
            && text[toks[i].end..].trim_start().starts_with(['،', ','])
        {
            taken[i] = true;
            raws.push(arabic_raw(toks, p, i, i + 1));
            i += 1;
            continue;
        }
        // A compound given name alone right before a verb of saying: "له
        // کابل څخه راستون شوی عبدالغفور وايي", "عبدالرزاق گفت".
        if name_word(i, taken)
            && compound_given(&toks[i].key)
            && !(i > 0 && is_number_word(&toks[i - 1]))
            && toks
                .get(i + 1)
                .is_some_and(|t| is_say_after(&t.key) && glued(text, &toks[i], t, false))
        {
            taken[i] = true;
            raws.push(arabic_raw(toks, p, i, i + 1));
            i += 1;
            continue;
        }
        // A given name and one more name word between commas: "یو
        // اوسېدونکی، ګل آغا، چې …".
        if i + 1 < n
            && name_word(i, taken)
            && name_word(i + 1, taken)
            && words::is_ar_given(&toks[i].key)
            && !w.ar_roles.contains(&toks[i].key)
            && !w.ar_roles.contains(&toks[i + 1].key)
            && i > 0
            && text[toks[i - 1].end..toks[i].start].contains(['،', ','])
            && text[toks[i].end..toks[i + 1].start].trim().is_empty()
            && toks
                .get(i + 2)
                .is_some_and(|t| text[toks[i + 1].end..t.start].trim() == "،")
        {
            taken[i..i + 2].iter_mut().for_each(|t| *t = true);
            raws.push(arabic_raw(toks, p, i, i + 2));
            i += 2;
            continue;
        }
        // A given name alone in apposition, between commas or opening a
        // sentence before one: "فریبا، زنی …", "یو ځوان، عبدالرحمن، چې".
        if name_word(i, taken)
            && words::is_ar_given(&toks[i].key)
            && !w.ar_roles.contains(&toks[i].key)
            && (opens[i] || (i > 0 && text[toks[i - 1].end..toks[i].start].contains(['،', ','])))
            && toks
                .get(i + 1)
                .is_some_and(|t| text[toks[i].end..t.start].trim() == "،")
        {
            taken[i] = true;
            raws.push(arabic_raw(toks, p, i, i + 1));
            i += 1;
            continue;
        }
        // One to three name words between a closing quotation mark and a
        // verb of saying: "«…»، احمدشاه گفت".
        if let Some(j) = name_after_quote(text, toks, i, taken) {
            taken[i..j].iter_mut().for_each(|t| *t = true);
            raws.push(arabic_raw(toks, p, i, j));
            i = j;
            continue;
        }
        // A name opening a sentence, then a comma and a role: "احمد کریمی، سخنگوی".
        if opens[i] && name_word(i, taken) {
            let mut j = i + 1;
            while j < n
                && j < i + 4
                && name_word(j, taken)
                && glued(text, &toks[j - 1], &toks[j], false)
            {
                j += 1;
            }
            if j < n
                && j - i >= 2
                && text[toks[j - 1].end..toks[j].start].contains('،')
                && (w.ar_roles.contains(&toks[j].key) || toks[j].key == "د")
            {
                taken[i..j].iter_mut().for_each(|t| *t = true);
                raws.push(arabic_raw(toks, p, i, j));
                i = j;
                continue;
            }
        }
        i += 1;
    }
}

/// Urdu auxiliaries of a continuous or perfect verb ("رہی ہیں", "گیا").
const UR_AUXILIARIES: &[&str] = &[
    "رہی", "رہے", "رہا", "گیا", "گئی", "گئے", "گئیں", "جاتا", "جاتی", "جاتے",
];

/// Pronouns that stand where a name would ("«…»، اس نے کہا").
const NAME_PRONOUNS: &[&str] = &[
    "او",
    "وی",
    "هغه",
    "هغې",
    "اس",
    "ان",
    "وہ",
    "انہوں",
    "انھوں",
    "هو",
    "هي",
];

/// "«…»، احمدشاه گفت": the end of one to three Arabic-script name words
/// starting at `toks[i]`, right after a closing quotation mark (and a
/// comma), and glued to a verb of saying after them.
fn name_after_quote(text: &str, toks: &[Token], i: usize, taken: &[bool]) -> Option<usize> {
    let w = words::get();
    let gap = &text[if i == 0 { 0 } else { toks[i - 1].end }..toks[i].start];
    let after_close = gap.contains(['»', '”'])
        && gap
            .trim_start_matches(|c: char| c != '»' && c != '”')
            .chars()
            .all(|c| matches!(c, '»' | '”' | '،' | ',' | ' ' | '.' | '!' | '?' | '؟'));
    if !after_close {
        return None;
    }
    static PRONOUNS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> =
        std::sync::OnceLock::new();
    let pronouns = normal_set(&PRONOUNS, NAME_PRONOUNS);
    let name = |k: usize| {
        toks[k].arabic
            && !taken[k]
            && !pronouns.contains(&toks[k].key)
            && !w.ar_stop.contains(&toks[k].key)
            && !w.ar_titles.contains(&toks[k].key)
            && !w.ar_roles.contains(&toks[k].key)
            && !is_say_after(&toks[k].key)
    };
    let mut j = i;
    while j < toks.len()
        && j < i + 3
        && name(j)
        && (j == i || glued(text, &toks[j - 1], &toks[j], false))
    {
        j += 1;
    }
    (j > i
        && toks
            .get(j)
            .is_some_and(|t| is_say_after(&t.key) && glued(text, &toks[j - 1], t, false)))
    .then_some(j)
}

/// The same words normalised, built once.
fn normal_set(
    cell: &'static std::sync::OnceLock<rustc_hash::FxHashSet<String>>,
    words: &[&str],
) -> &'static rustc_hash::FxHashSet<String> {
    cell.get_or_init(|| {
        words
            .iter()
            .map(|w| crate::normalize::normalize(w))
            .collect()
    })
}

/// Verbs of saying and the Urdu ergative that follow a speaker's name.
fn is_say_after(key: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    normal_set(
        &SET,
        &[
            "وویل",
            "وویلې",
            "ویلي",
            "وايي",
            "زیاته",
            "گفت",
            "گفته",
            "افزود",
            "نے",
            "کہا",
            "قال",
        ],
    )
    .contains(key)
}

/// Whether the role word at `toks[i]`, right after a given name, is the
/// family's name: "وزیر" (Wazir) before a speech verb, a preposition or
/// punctuation ("ډاکټر نصرالله وزیر په یوه پیغام کې ولیکل"), not before
/// the portfolio it would head.
fn surname_role(text: &str, toks: &[Token], i: usize) -> bool {
    static NEXT: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    let next_ok = normal_set(
        &NEXT,
        &[
            "په",
            "چې",
            "هم",
            "نے",
            "نیز",
            "ولیکل",
            "گفت",
            "وویل",
            "وايي",
            "کہا",
            "قال",
        ],
    );
    i > 0
        && matches!(toks[i].key.as_str(), "وزیر" | "وزير")
        && words::is_ar_given(&toks[i - 1].key)
        && toks.get(i + 1).is_none_or(|t| {
            !glued(text, &toks[i], t, false) || next_ok.contains(&t.key) || is_say_after(&t.key)
        })
}

/// Whether the one-word place at `toks[i]` ends a person's name: a given
/// name among the (glued, untaken) two words before it, and a verb of
/// saying or a comma right after it.
fn ar_surname_slot(text: &str, toks: &[Token], i: usize, taken: &[bool]) -> bool {
    let w = words::get();
    let given_before = (1..=2).any(|d| {
        i >= d
            && (i - d..i).all(|k| toks[k].arabic && !taken[k] && !w.ar_stop.contains(&toks[k].key))
            && (i - d + 1..=i).all(|k| glued(text, &toks[k - 1], &toks[k], false))
            && words::is_ar_given(&toks[i - d].key)
    });
    let next_says = match toks.get(i + 1) {
        Some(t) => {
            text[toks[i].end..t.start].contains(['،', ','])
                || (glued(text, &toks[i], t, false) && is_say_after(&t.key))
        }
        None => false,
    };
    given_before && next_says
}

/// The Arabic preposition "على" (on), which normalises to the name علی
/// (Ali): told apart by its written form.
fn is_arabic_ala(text: &str, t: &Token) -> bool {
    &text[t.start..t.end] == "على"
}

/// Urdu letters spelling an acronym: "(ایچ آر سی پی)".
const UR_LETTERS: &[&str] = &[
    "اے",
    "بی",
    "سی",
    "ڈی",
    "ای",
    "ایف",
    "جی",
    "ایچ",
    "آئی",
    "جے",
    "کے",
    "ایل",
    "ایم",
    "این",
    "او",
    "پی",
    "کیو",
    "آر",
    "ایس",
    "ٹی",
    "یو",
    "وی",
    "ڈبلیو",
    "ایکس",
    "وائی",
    "زیڈ",
];

/// An acronym spelt letter by letter in parentheses from `toks[i]`, two
/// letters or more: the index after it.
fn spelt_acronym(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    let letters = normal_set(&SET, UR_LETTERS);
    if i == 0 || !text[toks[i - 1].end..toks[i].start].contains('(') {
        return None;
    }
    let mut j = i;
    while j < toks.len() && j < i + 8 && letters.contains(&toks[j].key) {
        if j > i && !glued(text, &toks[j - 1], &toks[j], false) {
            break;
        }
        j += 1;
    }
    let closed = text[toks[j - 1].end..].trim_start().starts_with(')');
    (j >= i + 2 && closed).then_some(j)
}

/// Heads of a Pashto department's name after "د" and its field: "د
/// پوهنې ریاست", "د امنیه قوماندانۍ".
const PS_DEPARTMENT_HEADS: &[&str] = &[
    "وزارت",
    "ریاست",
    "قوماندانۍ",
    "قومانداني",
    "ادارې",
    "اداره",
    "ریاستونو",
];

/// Words that make "د X ریاست" no name: "د دې ریاست" (this department).
const PS_NOT_FIELD: &[&str] = &[
    "دې",
    "دغه",
    "دغې",
    "همدې",
    "همدغه",
    "هغه",
    "هغې",
    "دا",
    "نوموړې",
    "نوموړي",
    "کوم",
    "هر",
];

/// Urdu departments: "محکمہ داخلہ", then the province when one follows.
const UR_DEPARTMENT_FIELDS: &[&str] = &[
    "داخلہ",
    "صحت",
    "تعلیم",
    "خزانہ",
    "زراعت",
    "پولیس",
    "موسمیات",
    "ایکسائز",
    "اوقاف",
    "جنگلات",
    "آبپاشی",
    "خوراک",
    "ریونیو",
    "بلدیات",
    "اطلاعات",
    "انسداد",
];

/// Fields of a Dari provincial department: "اداره مهاجرین", "ریاست صحت".
const FA_DEPARTMENT_FIELDS: &[&str] = &[
    "مهاجرین",
    "صحت",
    "معارف",
    "زراعت",
    "اطلاعات",
    "اقتصاد",
    "حج",
    "کار",
    "فواید",
    "احیا",
];

/// Dari commands: "فرماندهی پولیس", "قوماندانی امنیه".
const FA_COMMANDS: &[&str] = &["فرماندهی", "قوماندانی"];
const FA_COMMAND_FIELDS: &[&str] = &["پولیس", "امنیه", "امنیت"];

/// A department or command named by its head noun at or around
/// `toks[i]`: its token range, `i` being its first word. Pashto "د
/// (PLACE د) FIELD ریاست", Urdu "محکمہ FIELD (PROVINCE)", Dari
/// "فرماندهی پولیس" and "اداره FIELD (PROVINCE)".
fn department_at(text: &str, toks: &[Token], i: usize, taken: &[bool]) -> Option<(usize, usize)> {
    static HEADS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    static NOT_FIELD: std::sync::OnceLock<rustc_hash::FxHashSet<String>> =
        std::sync::OnceLock::new();
    static UR_FIELDS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> =
        std::sync::OnceLock::new();
    static FA_HEADS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> =
        std::sync::OnceLock::new();
    static FA_FIELDS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> =
        std::sync::OnceLock::new();
    static FA_DEPT: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    let w = words::get();
    let n = toks.len();
    let g = gazetteer::get();
    let free = |k: usize| toks[k].arabic && !taken[k];
    let d = crate::normalize::normalize("د");
    // Pashto: "د" at i, one or two field words, the head.
    if toks[i].key == d && free(i) {
        let heads = normal_set(&HEADS, PS_DEPARTMENT_HEADS);
        let not_field = normal_set(&NOT_FIELD, PS_NOT_FIELD);
        // "د نیمروز امنیه قوماندانۍ": a one-word place the gazetteer knows
        // before the field.
        let from = if i + 1 < n
            && g.longest(text, toks, i + 1).is_some_and(|hit| {
                hit.len == 1 && g.entries[hit.entry as usize].kind == EntityKind::Place
            }) {
            i + 2
        } else {
            i + 1
        };
        // "د اطلاعاتو او فرهنګ ریاست": two fields joined by "او" (and).
        let and = crate::normalize::normalize("او");
        let joined = from + 2 < n && toks[from + 1].key == and;
        for len in 1..=if joined { 3 } else { 2 } {
            let mut h = from + len;
            // "د ټکنیو پېښو د ادارې": the head after a د of its own.
            if h + 1 < n && toks[h].key == d && free(h) && heads.contains(&toks[h + 1].key) {
                h += 1;
            }
            if h >= n || !heads.contains(&toks[h].key) || !free(h) {
                continue;
            }
            let field_ok = (from..h).all(|k| {
                free(k)
                    && (!w.ar_stop.contains(&toks[k].key)
                        || (k + 1 == h && toks[k].key == d)
                        || (joined && k == from + 1 && len == 3))
                    && !not_field.contains(&toks[k].key)
            }) && (i + 1..=h).all(|k| glued(text, &toks[k - 1], &toks[k], false));
            if !field_ok {
                continue;
            }
            // "د مخدره توکو پر وړاندې د مبارزې ریاست": the fight against
            // something, named before "پر وړاندې" (against) in one or two
            // words after a د of their own.
            let mut i = i;
            if h == from + 1
                && toks[from].key == crate::normalize::normalize("مبارزې")
                && i >= 4
                && toks[i - 2].key == crate::normalize::normalize("پر")
                && toks[i - 1].key == crate::normalize::normalize("وړاندې")
                && let Some(j) = (4..=5).filter_map(|back| i.checked_sub(back)).find(|&j| {
                    toks[j].key == d
                        && (j..i).all(free)
                        && (j + 1..i - 2).all(|k| !w.ar_stop.contains(&toks[k].key))
                        && (j + 1..=i).all(|k| glued(text, &toks[k - 1], &toks[k], false))
                })
            {
                i = j;
            }
            // "د خوست د پوهنې ریاست": the place before, when the gazetteer knows it.
            let mut a = i;
            if i >= 2
                && toks[i - 2].key == d
                && g.longest(text, toks, i - 1).is_some_and(|hit| {
                    hit.len == 1 && g.entries[hit.entry as usize].kind == EntityKind::Place
                })
            {
                a = i - 2;
            }
            // "د ولایت د امنیې قوماندانۍ": the department of "the province"
            // the text is about, a role's field, named by no name.
            if a == i
                && i >= 2
                && toks[i - 2].key == d
                && ["ولایت", "ولسوالۍ", "ولسوالی"]
                    .iter()
                    .any(|g| crate::normalize::normalize(g) == toks[i - 1].key)
            {
                return None;
            }
            return Some((a, h + 1));
        }
        return None;
    }
    // Urdu: "محکمہ داخلہ بلوچستان".
    if toks[i].key == crate::normalize::normalize("محکمہ") && free(i) && i + 1 < n {
        let fields = normal_set(&UR_FIELDS, UR_DEPARTMENT_FIELDS);
        if fields.contains(&toks[i + 1].key) && glued(text, &toks[i], &toks[i + 1], false) {
            let mut j = i + 2;
            if j < n
                && glued(text, &toks[j - 1], &toks[j], false)
                && let Some(hit) = g.longest(text, toks, j).filter(|hit| {
                    hit.len <= 3 && g.entries[hit.entry as usize].kind == EntityKind::Place
                })
            {
                j += hit.len;
            }
            return Some((i, j));
        }
    }
    // The province after a department's field, "ولایت" before it or
    // not: "ریاست معارف (ولایت) بامیان".
    let place_at = |j: usize| {
        let province = j < n && toks[j].key == "ولایت" && !taken[j];
        let k = if province { j + 1 } else { j };
        if k < n && glued(text, &toks[k - 1], &toks[k], false) {
            g.longest(text, toks, k)
                .filter(|hit| {
                    hit.len <= 2 && g.entries[hit.entry as usize].kind == EntityKind::Place
                })
                .map(|hit| hit.len + k - j)
        } else {
            None
        }
    };
    // Dari: a national office, "اداره ملی امتحانات", "اداره ملی احصائیه",
    // and an office for fighting something, "اداره مبارزه با حوادث".
    if free(i) && matches!(toks[i].key.as_str(), "اداره" | "ریاست") {
        let word = |k: usize| {
            k < n
                && free(k)
                && !w.ar_stop.contains(&toks[k].key)
                && glued(text, &toks[k - 1], &toks[k], false)
        };
        let at = |k: usize, key: &str| {
            k < n && toks[k].key == key && glued(text, &toks[k - 1], &toks[k], false)
        };
        if at(i + 1, "ملی") && word(i + 2) {
            return Some((i, i + 3));
        }
        if at(i + 1, "مبارزه") && at(i + 2, "با") && word(i + 3) {
            return Some((i, i + 4));
        }
    }
    // Dari: "اداره مهاجرین هرات", "ریاست صحت", "ریاست صحت عامه غور"; after
    // its head's title only with the province: "رئیس صحت عامه غور" names
    // "صحت عامه غور".
    let dept_head = matches!(toks[i].key.as_str(), "اداره" | "ریاست");
    let chief = matches!(toks[i].key.as_str(), "رئیس" | "رییس");
    if free(i) && i + 1 < n && (dept_head || chief) {
        let fields = normal_set(&FA_DEPT, FA_DEPARTMENT_FIELDS);
        if fields.contains(&toks[i + 1].key)
            && free(i + 1)
            && glued(text, &toks[i], &toks[i + 1], false)
        {
            let mut j = i + 2;
            if j < n && toks[j].key == "عامه" && glued(text, &toks[j - 1], &toks[j], false) {
                j += 1;
            }
            // "ریاست زراعت، آبیاری و مالداری جوزجان": more fields, listed
            // with commas and و, before the province.
            let mut k = j;
            let mut listed = None;
            while listed.is_none()
                && k < n
                && k < j + 4
                && free(k)
                && text[toks[k - 1].end..toks[k].start]
                    .chars()
                    .all(|c| c.is_whitespace() || c == '،')
                && (toks[k].key == "و" || !w.ar_stop.contains(&toks[k].key))
                && !matches!(toks[k].key.as_str(), "ولسوالی" | "ولایت" | "شهر")
            {
                k += 1;
                if k > j + 1 && toks[k - 1].key != "و" {
                    listed = place_at(k).map(|len| k + len);
                }
            }
            match (listed, place_at(j)) {
                (_, Some(len)) => return Some((if chief { i + 1 } else { i }, j + len)),
                (Some(end), None) => return Some((if chief { i + 1 } else { i }, end)),
                (None, None) if dept_head => return Some((i, j)),
                (None, None) => {}
            }
        }
    }
    // Dari: "اتاق تجارت و سرمایه‌گذاری هرات", a province's chamber of
    // commerce.
    if free(i) && i + 4 < n && toks[i].key == "اتاق" && toks[i + 1].key == "تجارت" {
        let j = if toks[i + 2].key == "و" {
            i + 4
        } else {
            i + 2
        };
        if (i + 1..j).all(|k| free(k) && glued(text, &toks[k - 1], &toks[k], false))
            && let Some(len) = place_at(j)
        {
            return Some((i, j + len));
        }
    }
    // Dari: "فرماندهی پولیس".
    if free(i) && i + 1 < n && normal_set(&FA_HEADS, FA_COMMANDS).contains(&toks[i].key) {
        let fields = normal_set(&FA_FIELDS, FA_COMMAND_FIELDS);
        if fields.contains(&toks[i + 1].key)
            && free(i + 1)
            && glued(text, &toks[i], &toks[i + 1], false)
        {
            return Some((i, i + 2));
        }
    }
    None
}

/// Nouns of a district or village before its name: Dari "ولسوالی
/// خانقاه", "قریه …", Arabic "مديرية إنجيل", "قرية …", Urdu "ضلع …".
const AR_PLACE_HEADS: &[&str] = &["ولسوالی", "قریه", "روستای", "مديرية", "قرية", "بلدة", "ضلع"];

/// Words after a district's noun that are no name: verbs ("مسئولان
/// ولسوالی گفتند"), "the centre", directions and other adjectives.
const AR_NOT_PLACE_NAME: &[&str] = &[
    "گفتند",
    "گفته",
    "گفت",
    "است",
    "اند",
    "بود",
    "بودند",
    "شد",
    "شده",
    "شدند",
    "کرد",
    "کردند",
    "دارد",
    "دارند",
    "هستند",
    "مرکز",
    "مرکزی",
    "مربوط",
    "مذکور",
    "مرزی",
    "دوردست",
    "شمالی",
    "جنوبی",
    "شرقی",
    "غربی",
    "دیگر",
    "خود",
];

/// Words after a medium's noun that make it no name: adjectives ("رادیو
/// محلی", local radio) and prepositions.
const MEDIA_NOT_NAME: &[&str] = &[
    "محلی",
    "دولتی",
    "خصوصی",
    "ملی",
    "زیر",
    "روی",
    "بالای",
    "درباره",
    "مورد",
    "پیرامون",
    "هستند",
    "هست",
    "نیست",
    "ځایی",
    "سیمه‌ییز",
    "سیمهییز",
];

/// Pashto nouns of a district or village after its name: "د خانقاه
/// ولسوالۍ", "د … کلي".
const PS_PLACE_TAILS: &[&str] = &["ولسوالۍ", "ولسوالی", "کلي", "کلی"];

/// Arabic-script media and cultural bodies named after their noun:
/// "رادیو آوای کوکچه", "تلویزیون …".
const AR_MEDIA_HEADS: &[&str] = &[
    "رادیو",
    "راډیو",
    "ریڈیو",
    "تلویزیون",
    "ټلویزیون",
    "إذاعة",
    "ورځپاڼه",
];

/// Institutions named "national": Dari "موزیم ملی", Pashto "ملي موزیم".
const AR_NATIONAL_HEADS: &[&str] = &[
    "موزیم",
    "موزه",
    "آرشیف",
    "ارشیف",
    "کتابخانه",
    "کتابتون",
    "گالری",
];

/// A country's embassy or consulate: Dari "سفارت", "قونسلگری", Pashto
/// "سفارت", "قونسلګري", Urdu "قونصل خانہ", "سفارت خانہ", Arabic "سفارة",
/// "قنصلية".
const AR_MISSION_HEADS: &[&str] = &[
    "سفارت",
    "سفارتخانه",
    "سفارتخانهٔ",
    "قونسلگری",
    "قونسلګري",
    "کنسولگری",
    "قنسولگری",
    "قونصل",
    "قونصلیٹ",
    "سفارة",
    "السفارة",
    "قنصلية",
    "القنصلية",
];

/// Perso-Arabic words for a nation, before an Urdu mission ("افغان
/// قونصل خانے") or after an Arabic one ("السفارة الأفغانية").
const AR_NATION_WORDS: &[&str] = &[
    "افغان",
    "افغانی",
    "ایرانی",
    "پاکستانی",
    "چینی",
    "هندی",
    "بھارتی",
    "قطری",
    "روسی",
    "ترک",
    "ازبک",
    "تاجک",
    "الأفغانية",
    "الإيرانية",
    "الباكستانية",
    "الصينية",
    "القطرية",
    "الروسية",
    "التركية",
    "الهندية",
    "الكويتية",
    "السعودية",
    "الإماراتية",
    "الأمريكية",
    "البريطانية",
    "الألمانية",
    "اليابانية",
    "المصرية",
    "الأردنية",
];

/// Heads of an Arabic body named by its ال- words: "الهيئة الوطنية
/// لإدارة الكوارث", "منظمة أطباء …".
const AR_BODY_HEADS: &[&str] = &[
    "هيئة",
    "الهيئة",
    "منظمة",
    "مجلس",
    "لجنة",
    "اللجنة",
    "مؤسسة",
    "المؤسسة",
    "جمعية",
    "الجمعية",
    "اتحاد",
    "وكالة",
    "صندوق",
    "برنامج",
    "نقابة",
    "النقابة",
];

/// A district, village, medium, national institution, diplomatic mission
/// or Arabic body named at `toks[i]` by its noun: its token range and
/// kind. The name words after a head are Arabic-script words no rule
/// has taken that are no function word.
fn institution_at(
    text: &str,
    toks: &[Token],
    i: usize,
    taken: &[bool],
) -> Option<(usize, usize, EntityKind)> {
    static PLACE_HEADS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> =
        std::sync::OnceLock::new();
    static PLACE_TAILS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> =
        std::sync::OnceLock::new();
    static MEDIA: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    static NATIONAL: std::sync::OnceLock<rustc_hash::FxHashSet<String>> =
        std::sync::OnceLock::new();
    static MISSIONS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> =
        std::sync::OnceLock::new();
    static NATIONS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    static BODIES: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    static NOT_PLACE: std::sync::OnceLock<rustc_hash::FxHashSet<String>> =
        std::sync::OnceLock::new();
    let w = words::get();
    let g = gazetteer::get();
    let n = toks.len();
    let key = toks[i].key.as_str();
    let word = |k: usize| {
        k < n
            && toks[k].arabic
            && !taken[k]
            && !w.ar_stop.contains(&toks[k].key)
            && !w.ar_roles.contains(&toks[k].key)
            && !w.ar_titles.contains(&toks[k].key)
            && glued(text, &toks[k - 1], &toks[k], false)
    };
    let known_place = |k: usize| {
        k < n
            && g.longest(text, toks, k)
                .is_some_and(|h| g.entries[h.entry as usize].kind == EntityKind::Place)
    };
    // Ends a name: punctuation, a function word, or the text's end.
    let boundary = |k: usize| {
        k >= n
            || !glued(text, &toks[k - 1], &toks[k], false)
            || w.ar_stop.contains(&toks[k].key)
            || taken[k]
    };
    // An Arabic clitic (ب، ل، و) glued to the head: "بمديرية".
    let bare = key
        .strip_prefix(['ب', 'ل', 'و', 'ف'])
        .filter(|r| r.chars().count() >= 4)
        .unwrap_or(key);
    if taken[i] {
        return None;
    }
    // A district or village: one name word after its noun, before a
    // boundary or the noun of the district it lies in ("قرية سياوشان
    // بمديرية إنجيل").
    let place_heads = normal_set(&PLACE_HEADS, AR_PLACE_HEADS);
    let not_place = normal_set(&NOT_PLACE, AR_NOT_PLACE_NAME);
    let head_at = |k: usize| {
        k < n && {
            let key = toks[k].key.as_str();
            place_heads.contains(key)
                || key
                    .strip_prefix(['ب', 'ل', 'و', 'ف'])
                    .is_some_and(|r| place_heads.contains(r))
        }
    };
    // An Arabic feminine ending after "قرية" is an adjective ("قرية نائية").
    if (place_heads.contains(key) || place_heads.contains(bare))
        && word(i + 1)
        && !(toks[i + 1].key.ends_with('ة') && bare.ends_with('ة'))
        && !not_place.contains(&toks[i + 1].key)
        // A Dari verb ("می‌گویند") or an Arabic directorate's field
        // ("مديرية الصحة") is no name.
        && !toks[i + 1].key.starts_with("می")
        && !toks[i + 1].key.starts_with("نمی")
        && !toks[i + 1].key.starts_with("ال")
    {
        // Two words when punctuation closes them: "ولسوالی پشتون زرغون،".
        let two = word(i + 2)
            && !head_at(i + 2)
            && (i + 3 >= n || !glued(text, &toks[i + 2], &toks[i + 3], false));
        let j = if two { i + 3 } else { i + 2 };
        return Some((i + 1, j, EntityKind::Place));
    }
    // Pashto "د خانقاه ولسوالۍ", "په … ولسوالۍ کې".
    if matches!(key, "د" | "په" | "له")
        && word(i + 1)
        && !not_place.contains(&toks[i + 1].key)
        && i + 2 < n
        && normal_set(&PLACE_TAILS, PS_PLACE_TAILS).contains(&toks[i + 2].key)
        && glued(text, &toks[i + 1], &toks[i + 2], false)
    {
        return Some((i + 1, i + 2, EntityKind::Place));
    }
    // Pashto "د بړکوټ په کلي کې", "د زړه کلا د کلي": one or two name
    // words, then په or د before the village's or district's noun.
    if key == "د" {
        let tails = normal_set(&PLACE_TAILS, PS_PLACE_TAILS);
        let name = |k: usize| {
            word(k)
                && !not_place.contains(&toks[k].key)
                && !tails.contains(&toks[k].key)
                && !head_at(k)
        };
        let mut e = i + 1;
        while e < i + 3 && name(e) {
            e += 1;
            if e + 1 < n
                && matches!(toks[e].key.as_str(), "په" | "د")
                && glued(text, &toks[e - 1], &toks[e], false)
                && tails.contains(&toks[e + 1].key)
                && glued(text, &toks[e], &toks[e + 1], false)
            {
                return Some((i + 1, e, EntityKind::Place));
            }
        }
    }
    // A medium: one to three name words after its noun; not an adjective
    // ("رادیو محلی"), a verb or a preposition ("زیر فشار هستند").
    let media_word = |k: usize| {
        word(k)
            && !not_place.contains(&toks[k].key)
            && !MEDIA_NOT_NAME.contains(&toks[k].key.as_str())
            && !toks[k].key.starts_with("می")
    };
    if normal_set(&MEDIA, AR_MEDIA_HEADS).contains(key) && media_word(i + 1) {
        let mut j = i + 2;
        while j < i + 4 && media_word(j) {
            j += 1;
        }
        if boundary(j) {
            return Some((i, j, EntityKind::Organization));
        }
    }
    // A national institution: Dari "موزیم ملی (افغانستان)", Pashto "(د
    // افغانستان) ملي موزیم".
    let national = normal_set(&NATIONAL, AR_NATIONAL_HEADS);
    let milli = |k: usize| k < n && toks[k].key == "ملی";
    if national.contains(key)
        && milli(i + 1)
        && !taken[i + 1]
        && glued(text, &toks[i], &toks[i + 1], false)
    {
        let j = match g.longest(text, toks, i + 2) {
            Some(h) if i + 2 < n && glued(text, &toks[i + 1], &toks[i + 2], false) => i + 2 + h.len,
            _ => i + 2,
        };
        return Some((i, j, EntityKind::Organization));
    }
    if milli(i)
        && i + 1 < n
        && national.contains(&toks[i + 1].key)
        && !taken[i + 1]
        && glued(text, &toks[i], &toks[i + 1], false)
    {
        // "د افغانستان ملي موزیم": the place and its د before.
        let a = if i >= 2 && toks[i - 2].key == "د" && known_place(i - 1) {
            i - 2
        } else {
            i
        };
        return Some((a, i + 2, EntityKind::Organization));
    }
    // A diplomatic mission: "سفارت ایران", "د ایران سفارت", "افغان قونصل
    // خانے", "السفارة الأفغانية".
    let missions = normal_set(&MISSIONS, AR_MISSION_HEADS);
    let nations = normal_set(&NATIONS, AR_NATION_WORDS);
    if missions.contains(key) {
        // Urdu "قونصل خانے", "سفارت خانہ": the second word belongs to it.
        let mut j = i + 1;
        if j < n && toks[j].key.starts_with("خان") && glued(text, &toks[i], &toks[j], false) {
            j += 1;
        } else if key == "قونصل" {
            // Without "خانہ" the Urdu word is the consul, a person's role
            // ("افغان قونصل جنرل X"), not the mission.
            return None;
        }
        // The nation before (Urdu, Pashto) or after (Dari, Arabic).
        let before = if i >= 1
            && nations.contains(&toks[i - 1].key)
            && glued(text, &toks[i - 1], &toks[i], false)
        {
            Some(i - 1)
        } else if i >= 2 && toks[i - 2].key == "د" && known_place(i - 1) {
            Some(i - 2)
        } else {
            None
        };
        if let Some(a) = before {
            return Some((a, j, EntityKind::Organization));
        }
        if j < n && glued(text, &toks[j - 1], &toks[j], false) {
            if nations.contains(&toks[j].key) {
                return Some((i, j + 1, EntityKind::Organization));
            }
            if let Some(h) = g.longest(text, toks, j)
                && g.entries[h.entry as usize].kind == EntityKind::Place
            {
                return Some((i, j + h.len, EntityKind::Organization));
            }
        }
        return None;
    }
    // A city's or a province's union of a trade: Dari "اتحادیه صرافان
    // کابل", "انجمن نانوایان هرات" — the head, one or two words, the place.
    if matches!(key, "اتحادیه" | "اتحادیهٔ" | "انجمن") {
        let mut j = i + 1;
        while j < i + 3 && word(j) && !known_place(j) {
            j += 1;
        }
        if j > i + 1
            && known_place(j)
            && glued(text, &toks[j - 1], &toks[j], false)
            && let Some(h) = g.longest(text, toks, j)
        {
            return Some((i, j + h.len, EntityKind::Organization));
        }
    }
    // A court of appeal: Pashto "د استیناف محکمه", Dari "محکمه استیناف"
    // (a province's, the province named apart).
    static APPEAL: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    static COURT: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    let appeal = |k: usize| k < n && normal_set(&APPEAL, &["استیناف"]).contains(&toks[k].key);
    let court = |k: usize| k < n && normal_set(&COURT, &["محکمه", "محکمې"]).contains(&toks[k].key);
    if key == "د"
        && appeal(i + 1)
        && court(i + 2)
        && !taken[i + 1]
        && !taken[i + 2]
        && glued(text, &toks[i], &toks[i + 1], false)
        && glued(text, &toks[i + 1], &toks[i + 2], false)
    {
        return Some((i, i + 3, EntityKind::Organization));
    }
    if court(i) && appeal(i + 1) && !taken[i + 1] && glued(text, &toks[i], &toks[i + 1], false) {
        return Some((i, i + 2, EntityKind::Organization));
    }
    // Pashto: a province's chamber of commerce, "د کندهار د سوداګرۍ او
    // پانګونې خونه" (not the national chamber the last words name), and a
    // province's primary court, "د خوست ولایت ابتدایيې محکمه".
    if key == "د"
        && known_place(i + 1)
        && let Some(h) = g.longest(text, toks, i + 1)
    {
        let is = |k: usize, words: &[&str]| {
            k < n
                && glued(text, &toks[k - 1], &toks[k], false)
                && words
                    .iter()
                    .any(|w| toks[k].key == crate::normalize::normalize(w))
        };
        let j = i + 1 + h.len;
        if is(j, &["د"])
            && is(j + 1, &["سوداګرۍ", "سوداګرۍ"])
            && is(j + 2, &["او"])
            && is(j + 3, &["پانګونې", "صنایعو"])
            && is(j + 4, &["خونه", "خونې", "خونو"])
        {
            return Some((i, j + 5, EntityKind::Organization));
        }
        // "د سپین بولدک (د) ګمرک", a crossing's customs house, in either
        // case.
        let c = if is(j, &["د"]) { j + 1 } else { j };
        if is(c, &["ګمرک", "گمرک"]) {
            return Some((i, c + 1, EntityKind::Organization));
        }
        // "د چمن د سوداګرو اتحادیې", a town's union or association of a
        // trade: one or two words after a د of their own, in either case.
        if is(j, &["د"]) {
            let unions = ["اتحادیه", "اتحادیې", "ټولنه", "ټولنې"];
            for e in [j + 2, j + 3] {
                if (j + 1..e).all(|k| word(k) && !is(k, &unions)) && is(e, &unions) {
                    return Some((i, e + 1, EntityKind::Organization));
                }
            }
        }
        let k = if is(j, &["ولایت", "ولسوالۍ"]) {
            j + 1
        } else {
            j
        };
        if is(k, &["ابتدایيې", "ابتداییې", "ابتدائیه", "ابتدایيه"]) && court(k + 1)
        {
            return Some((i, k + 2, EntityKind::Organization));
        }
    }
    // A city's university or municipality: Dari "دانشگاه هرات", "پوهنتون
    // کابل", "شاروالی کابل"; Pashto "د کابل پوهنتون", "د کابل ښاروالۍ"
    // (Urdu "… میونسپل کارپوریشن" aside). The Pashto university's head
    // must be glued to the place; the municipality's may stand apart.
    const CITY_BODIES: [(&[&str], &[&str], bool); 2] = [
        (&["دانشگاه", "پوهنتون"], &["پوهنتون"], true),
        (
            &["شاروالی", "ښاروالی", "ښاروالۍ"],
            &["ښاروالی", "ښاروالۍ", "شاروالی"],
            false,
        ),
    ];
    for (before, after, after_glued) in CITY_BODIES {
        if before.contains(&key)
            && known_place(i + 1)
            && let Some(h) = g.longest(text, toks, i + 1)
            && glued(text, &toks[i], &toks[i + 1], false)
        {
            return Some((i, i + 1 + h.len, EntityKind::Organization));
        }
        if key == "د"
            && known_place(i + 1)
            && let Some(h) = g.longest(text, toks, i + 1)
            && toks.get(i + 1 + h.len).is_some_and(|t| {
                after.contains(&t.key.as_str())
                    && (!after_glued || glued(text, &toks[i + h.len], t, false))
            })
        {
            return Some((i, i + 2 + h.len, EntityKind::Organization));
        }
    }
    // An Arabic body: its head, then words with the article or a
    // preposition glued to one ("الوطنية لإدارة الكوارث").
    if normal_set(&BODIES, AR_BODY_HEADS).contains(key) {
        let articled = |k: usize| {
            k < n
                && toks[k].arabic
                && !taken[k]
                && glued(text, &toks[k - 1], &toks[k], false)
                && toks[k].key.chars().count() > 3
                && ["ال", "لل", "لا", "وال", "بال"]
                    .iter()
                    .any(|p| toks[k].key.starts_with(p))
        };
        let mut j = i + 1;
        while j < i + 6 && articled(j) {
            j += 1;
        }
        // "جمعية العون المباشر الكويتية": the nationality after the name
        // says where the body is from; it is no part of the name.
        while j > i + 2 && nations.contains(&toks[j - 1].key) {
            j -= 1;
        }
        if j >= i + 2 {
            return Some((i, j, EntityKind::Organization));
        }
    }
    None
}

/// Head words of a body's name: an association, a union, a foundation, a
/// network, a committee (Dari, Pashto, Urdu, Arabic).
const AR_BODY_NAME_HEADS: &[&str] = &[
    "انجمن",
    "اتحادیه",
    "سازمان",
    "نهاد",
    "بنیاد",
    "شبکه",
    "موسسه",
    "مؤسسه",
    "کمیته",
    "جمعیت",
    "ټولنه",
    "بنسټ",
    "تنظیم",
    "جمعية",
    "منظمة",
    "مؤسسة",
    "شبكة",
    "رابطة",
    "اتحاد",
];

/// "«انجمن حمایت از کودکان کار»", "«شبكة النساء الأفغانيات»": a name of
/// two to eight words filling guillemets, its first word a body's head
/// word (a quotation would not open so). The index after its last word.
fn guillemet_body(text: &str, toks: &[Token], i: usize, taken: &[bool]) -> Option<usize> {
    static HEADS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    if !text[..toks[i].start].trim_end().ends_with('«')
        || !normal_set(&HEADS, AR_BODY_NAME_HEADS).contains(&toks[i].key)
    {
        return None;
    }
    let end_byte = toks[i].start + text[toks[i].start..].find('»')?;
    let j = toks[i..]
        .iter()
        .position(|t| t.start >= end_byte)
        .map_or(toks.len(), |k| i + k);
    let inner = &text[toks[i].start..end_byte];
    ((2..=8).contains(&(j - i))
        && !inner.contains(['.', '!', '?', '؟', '،', ',', ':', '«'])
        && toks[i..j].iter().all(|t| t.arabic)
        && !taken[i..j].iter().any(|&t| t))
    .then_some(j)
}

/// Nouns heading a body whose own name follows in guillemets: "انتشارات
/// «سپیده»", "شرکت «…»", "بنیاد «…»".
const AR_GUILLEMET_NAME_HEADS: &[&str] = &[
    "انتشارات",
    "شرکت",
    "کمپنۍ",
    "کمپنی",
    "بنیاد",
    "انجمن",
    "موسسه",
    "مؤسسه",
    "نهاد",
    "شبکه",
    "اتحادیه",
    "ټولنه",
    "بنسټ",
    "شركة",
    "مؤسسة",
    "جمعية",
];

/// "انتشارات «سپیده»": a body's noun, then its name of one to three words
/// filling guillemets (the name's tokens are `i + 1..` the index returned).
fn headed_guillemet(text: &str, toks: &[Token], i: usize, taken: &[bool]) -> Option<usize> {
    static HEADS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    let next = toks.get(i + 1)?;
    if taken[i]
        || !toks[i].arabic
        || text[toks[i].end..next.start].trim() != "«"
        || !normal_set(&HEADS, AR_GUILLEMET_NAME_HEADS).contains(&toks[i].key)
    {
        return None;
    }
    let end_byte = next.start + text[next.start..].find('»')?;
    let j = toks[i + 1..]
        .iter()
        .position(|t| t.start >= end_byte)
        .map_or(toks.len(), |k| i + 1 + k);
    let inner = &text[next.start..end_byte];
    ((1..=3).contains(&(j - i - 1))
        && !inner.contains(['.', '!', '?', '؟', '،', ',', ':', '«'])
        && toks[i + 1..j].iter().all(|t| t.arabic)
        && !taken[i + 1..j].iter().any(|&t| t))
    .then_some(j)
}

/// Number words before a noun: "دوه نور" is "two more", no name.
fn is_number_word(t: &Token) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    t.key
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        || normal_set(
            &SET,
            &[
                "یو", "یوه", "دوه", "درې", "دری", "څلور", "پنځه", "شپږ", "اووه", "اته", "نهه",
                "لس", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "ایک", "تین", "چار",
                "پانچ", "چند", "څو",
            ],
        )
        .contains(&t.key)
}

/// Arabic role words before the body the role is in: "رئيسة البعثة".
fn is_ar_role_word(key: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    let bare = key.strip_prefix("ال").unwrap_or(key);
    normal_set(
        &SET,
        &[
            "رئيس",
            "رئيسة",
            "مدير",
            "مديرة",
            "متحدث",
            "متحدثة",
            "ممثل",
            "ممثلة",
            "وزير",
            "وزيرة",
            "سفير",
            "سفيرة",
            "منسق",
            "منسقة",
            "مبعوث",
            "مبعوثة",
            "نائب",
            "مسؤول",
            "مسؤولة",
            "المتحدث",
            "رئیس",
        ],
    )
    .contains(bare)
}

/// "وقالت رئيسة البعثة روزا أوتونباييفا إن …": a name of two or three
/// words from `toks[i]` (the first without the article ال), after a verb
/// of saying, a role and the body it is in, right before "إن"/"أن": the
/// index after it.
fn ar_name_before_anna(text: &str, toks: &[Token], i: usize, taken: &[bool]) -> Option<usize> {
    let w = words::get();
    if i < 2 {
        return None;
    }
    // The role one or two words back, a verb of saying right before it.
    let role_at = (1..=2)
        .map(|d| i - d)
        .find(|&k| is_ar_role_word(&toks[k].key))?;
    if role_at == 0 || !AR_SAY_FIRST.contains(&toks[role_at - 1].key.as_str()) {
        return None;
    }
    if role_at + 1 < i && !toks[role_at + 1].key.starts_with("ال") {
        return None;
    }
    let mut j = i;
    while j < toks.len()
        && j < i + 3
        && toks[j].arabic
        && !taken[j]
        // The family name may take the article: "سلمى الخطيب".
        && (j > i || !toks[j].key.starts_with("ال"))
        && !w.ar_stop.contains(&toks[j].key)
        && !is_ar_role_word(&toks[j].key)
        && glued(text, &toks[j.max(1) - 1], &toks[j], false)
    {
        j += 1;
    }
    let anna = toks.get(j).is_some_and(|t| t.key == "ان" || t.key == "أن");
    (j >= i + 2 && anna).then_some(j)
}

/// Words inside an Arabic name: "بن سيف", "آل ثاني".
const AR_NAME_LINKS: &[&str] = &["بن", "بنت", "ابن", "آل", "ابو"];

/// Arabic verbs of saying written before their subject (normalised).
const AR_SAY_FIRST: &[&str] = &[
    "قال",
    "قالت",
    "وقال",
    "وقالت",
    "اضاف",
    "واضاف",
    "اضافت",
    "واضافت",
    "اکد",
    "واکد",
    "اکدت",
    "واکدت",
    "صرح",
    "وصرح",
    "صرحت",
    "وصرحت",
    "اوضح",
    "واوضح",
    "اعلن",
    "واعلن",
];

/// Role words of an Arabic-script apposition, without the article ال.
const AR_APPOSITION_ROLES: &[&str] = &[
    "مدیر",
    "مدیرة",
    "رئیسة",
    "وزیرة",
    "سفیرة",
    "منسقة",
    "متحدث",
    "متحدثة",
    "ممثل",
    "ممثلة",
    "مندوب",
    "مندوبة",
    "رئیس",
    "وزیر",
    "سفیر",
    "منسق",
    "مسوول",
    "مسوولة",
    "مبعوث",
    "مبعوثة",
    "سخنگوی",
    "ویاند",
    "ترجمان",
    "نماینده",
    // "المفوض السامي …، X Y،", "الناشطة …، X Y،", "المحلل …، X Y،".
    "مفوض",
    "مفوضة",
    "ناشط",
    "ناشطة",
    "محلل",
    "محللة",
    "خبیر",
    "خبیرة",
    "نائب",
    "نائبة",
    "قاضی",
    "قاضیة",
    "محامی",
    "محامیة",
];

/// Words for a relative after a name and a comma ("شریفه، مادر …",
/// "ګلالۍ، د … مور"), normalised.
const KIN_WORDS: &[&str] = &[
    "مادر",
    "پدر",
    "همسر",
    "بیوه",
    "دختر",
    "پسر",
    "خواهر",
    "برادر",
    "مور",
    "پلار",
    "کونډه",
];

/// Arabic words for a campaigner or a reporter, besides the roles of
/// [`is_ar_role_word`], without the article.
const AR_PERSON_NOUNS: &[&str] = &["ناشطة", "ناشط", "صحفیة", "صحفی", "باحثة", "باحث"];

/// "الناشطة الأفغانية زهرة نادري التي …", "المبعوثة الخاصة كارين لوند،":
/// two or three name words at `toks[i]` right after a role written with
/// its article and up to two adjectives with theirs, closed by a relative
/// pronoun, a comma or a full stop: the index after the name.
fn name_after_ar_role(text: &str, toks: &[Token], i: usize, taken: &[bool]) -> Option<usize> {
    let w = words::get();
    if i == 0 || toks[i].key.starts_with("ال") || !glued(text, &toks[i - 1], &toks[i], false) {
        return None;
    }
    let mut k = i - 1;
    let mut adjectives = 0;
    let role = loop {
        let t = &toks[k];
        let bare = t.key.strip_prefix("ال")?;
        if is_ar_role_word(&t.key) || AR_PERSON_NOUNS.contains(&bare) {
            break true;
        }
        if adjectives == 2 || k == 0 || !glued(text, &toks[k - 1], t, false) {
            break false;
        }
        adjectives += 1;
        k -= 1;
    };
    if !role {
        return None;
    }
    let mut j = i;
    while j < toks.len()
        && j < i + 3
        && toks[j].arabic
        && !taken[j]
        && !toks[j].key.starts_with("ال")
        && !w.ar_stop.contains(&toks[j].key)
        && !w.ar_titles.contains(&toks[j].key)
        && !w.ar_roles.contains(&toks[j].key)
        && !is_arabic_ala(text, &toks[j])
        && (j == i || glued(text, &toks[j - 1], &toks[j], false))
    {
        j += 1;
    }
    if j < i + 2 {
        return None;
    }
    let gap = toks.get(j).map_or(&text[toks[j - 1].end..], |t| {
        &text[toks[j - 1].end..t.start]
    });
    let closed = gap.contains(['،', '.', ':'])
        || toks
            .get(j)
            .is_some_and(|t| matches!(t.key.as_str(), "التی" | "الذی"));
    closed.then_some(j)
}

/// A name of two or three words between commas at `toks[i]`, after a
/// clause naming a role: the index after it.
fn appositive_after_role(text: &str, toks: &[Token], i: usize, taken: &[bool]) -> Option<usize> {
    let w = words::get();
    if i == 0 || !text[toks[i - 1].end..toks[i].start].contains('،') {
        return None;
    }
    let mut j = i;
    while j < toks.len()
        && j < i + 3
        && toks[j].arabic
        && !taken[j]
        && !w.ar_stop.contains(&toks[j].key)
        && !is_arabic_ala(text, &toks[j])
        && !w.ar_titles.contains(&toks[j].key)
        && !w.ar_roles.contains(&toks[j].key)
        // The family name may take the article: "سالم المهندي".
        && (!toks[j].key.starts_with("ال")
            || (j > i
                && !is_ar_role_word(&toks[j].key)
                && !toks[j].key.ends_with("یة")))
        && (j == i || glued(text, &toks[j - 1], &toks[j], false))
    {
        j += 1;
    }
    // Closed by a comma, or by the colon before the words quoted: "ممثلة
    // المنظمة في كابول، ماريا فرنانديز: «…»".
    let closed = toks
        .get(j)
        .is_some_and(|t| text[toks[j - 1].end..t.start].contains('،'))
        || text[toks[j - 1].end..].trim_start().starts_with(':');
    if j < i + 2 || !closed {
        return None;
    }
    // The clause before: back to the sentence's start or the comma before.
    let mut k = i;
    while k > 0 && i - k < 8 {
        k -= 1;
        let key = toks[k].key.strip_prefix("ال").unwrap_or(&toks[k].key);
        if AR_APPOSITION_ROLES.contains(&key) {
            return Some(j);
        }
        if k > 0 && text[toks[k - 1].end..toks[k].start].contains(['،', '.', '«', '»', ':']) {
            break;
        }
    }
    None
}

/// Urdu words that make a subject before "نے" no person's name.
const UR_NOT_NAME: &[&str] = &[
    // "every", "told", "that" and nationalities: "ہر لیگ", "بتایا کہ
    // بورڈ", "افغان لیگ" name no body.
    "ہر",
    "بتایا",
    "کہ",
    "افغان",
    "پاکستانی",
    "ایرانی",
    "حکومت",
    "وزارت",
    "دفتر",
    "ادارے",
    "ادارہ",
    "پولیس",
    "فوج",
    "کمیشن",
    "عدالت",
    "پارٹی",
    "تنظیم",
    "خارجہ",
    "داخلہ",
    "طالبان",
    "حکام",
    "عہدیداروں",
    "کمیٹی",
    "اقوام",
    "متحدہ",
    "رپورٹ",
    "بیان",
    "لوگوں",
    "شہریوں",
    "تاجروں",
    "انہوں",
    "انھوں",
    "ہم",
    "میں",
    "آپ",
    "اس",
    "جس",
    "جنہوں",
    "ایک",
    "اور",
    "تاہم",
    "لیکن",
    "اگرچہ",
    "بعد",
    "تو",
    "کسی",
    "کئی",
    "ذرائع",
    "تجارت",
    "خزانہ",
    "اطلاعات",
    "دفاع",
    "تعلیم",
    "صحت",
    "قانون",
    "اعظم",
    "مملکت",
    "دکاندار",
    "مزدور",
    "شہری",
    "تاجر",
    "بینچ",
    "رکنی",
    "ہائی",
    "کورٹ",
    "بینک",
];

/// The length of an Urdu subject starting at `toks[i]` and ending right
/// before "نے", a speech verb following within eight words: two words, or
/// three when the first is a given name or a spokesperson's title is
/// right before them.
fn urdu_subject_at(toks: &[Token], i: usize) -> Option<usize> {
    let ergative_at = |k: usize| {
        toks.get(k).is_some_and(|t| t.key == "نے")
            && toks.iter().skip(k + 1).take(8).any(|t| {
                matches!(
                    t.key.as_str(),
                    "کہا" | "بتایا" | "کہنا" | "لکھا" | "کہی" | "بتائی"
                )
            })
    };
    // Right after a spokesperson or another role: "ترجمان قادر یار ٹوانہ
    // نے", "کے صدر فضل مقیم خان نے", "وزیر تجارت جام کمال خان نے".
    let is_role = |k: usize| {
        matches!(toks[k].key.as_str(), "ترجمان" | "سخنگوی" | "ویاند") || ur_role_word(&toks[k].key)
    };
    let after_role = (i > 0 && is_role(i - 1))
        || (i > 1 && is_role(i - 2) && ur_portfolio_word(&toks[i - 1].key));
    // "اسد اللہ": a compound given name written as two words.
    let given = |k: usize| {
        words::is_ar_given(&toks[k].key) || toks.get(k + 1).is_some_and(|t| is_allah(&t.key))
    };
    if is_allah(&toks[i].key) && i > 0 && toks[i - 1].arabic {
        return None;
    }
    // A role's field ("ڈائریکٹر کرکٹ X نے") opens no name.
    if i > 0 && is_role(i - 1) && ur_portfolio_word(&toks[i].key) {
        return None;
    }
    // "20 سالہ زدران نے": one name word after an age.
    if i > 0 && toks[i - 1].key == "سالہ" && ergative_at(i + 1) {
        return Some(1);
    }
    if (after_role || given(i)) && ergative_at(i + 3) {
        Some(3)
    } else if ergative_at(i + 2)
        // "ایک افغان دکاندار عبدالرزاق نے": a noun after "ایک" (a), or a
        // word before a compound given name, is no part of the name.
        && !(i > 0 && toks[i - 1].key == "ایک")
        && (given(i) || !compound_given(&toks[i + 1].key))
    {
        Some(2)
    } else if ergative_at(i + 1) && compound_given(&toks[i].key) {
        Some(1)
    } else {
        None
    }
}

/// "الله" (Urdu "اللہ") written apart, the second half of a compound
/// given name ("اسد اللہ", "نصر الله").
fn is_allah(key: &str) -> bool {
    matches!(key, "الله" | "اللہ")
}

/// A given name of the compound kind (عبدالرزاق، حمیدالله), a name by
/// itself.
fn compound_given(key: &str) -> bool {
    words::is_ar_given(key) && !words::get().ar_given.contains(key)
}

/// Urdu role words before a name: "صدر", "وزیر", "کمشنر".
fn ur_role_word(key: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    normal_set(
        &SET,
        &[
            "صدر",
            "وزیر",
            "چیئرمین",
            "کمشنر",
            "سیکرٹری",
            "ڈائریکٹر",
            "گورنر",
            "مشیر",
            "سربراہ",
            "نائب",
            "سفیر",
            "ایڈیشنل",
            "وکیل",
            "ایڈووکیٹ",
            "جج",
            "کارکن",
            "اسپیکر",
            "سپیکر",
        ],
    )
    .contains(key)
}

/// Portfolios after an Urdu role: "وزیر تجارت", "وزیر خارجہ".
fn ur_portfolio_word(key: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    normal_set(&SET, UR_PORTFOLIOS).contains(key)
}

const UR_PORTFOLIOS: &[&str] = &[
    "کرکٹ",
    "آپریشنز",
    "میڈیا",
    "تجارت",
    "خارجہ",
    "داخلہ",
    "خزانہ",
    "اطلاعات",
    "دفاع",
    "تعلیم",
    "صحت",
    "قانون",
    "اعظم",
    "مملکت",
    "مذہبی",
    "توانائی",
    "منصوبہ",
    "ریلوے",
    "مواصلات",
    "مہاجرین",
];

/// The length of a name right after a spokesperson's title and right
/// before a Pashto or Dari speech verb ("ویاند شرافت زمان امرخیل وویل",
/// "سخنگوی احمد کریمی گفت"): two or three words.
fn spokesperson_subject_at(toks: &[Token], i: usize) -> Option<usize> {
    static VERBS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let verbs = VERBS.get_or_init(|| {
        ["وویل", "ویلي", "وايي", "گفت", "افزود", "گفته"]
            .iter()
            .map(|v| crate::normalize::normalize(v))
            .collect()
    });
    static TITLES: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    // Pashto's spokeswoman and the oblique forms: "ویاندې ایلینا لوپز وویل".
    let titles = normal_set(
        &TITLES,
        &["سخنگوی", "ویاند", "ویاندې", "ویانده", "ویاندی", "وياند"],
    );
    if i == 0 || !titles.contains(&toks[i - 1].key) {
        return None;
    }
    (2..=3).find(|&len| toks.get(i + len).is_some_and(|t| verbs.contains(&t.key)))
}

/// Urdu organisation words spelt after English, before "آف" (of).
const UR_ORG_WORDS: &[&str] = &[
    "لیگ",
    "چیمبر",
    "یونیورسٹی",
    "بینک",
    "کونسل",
    "ایسوسی",
    "ایشن",
    "انسٹیٹیوٹ",
    "کمیشن",
    "فیڈریشن",
    "بورڈ",
    "اتھارٹی",
];

/// Adjectives that make a hospital's noun no name: "شفاخانه ولایتی",
/// "ملکي روغتون" (normalised).
const HOSPITAL_NOT_NAME: &[&str] = &[
    "ولایتی",
    "حوزوی",
    "ملکی",
    "ملی",
    "نظامی",
    "خصوصی",
    "دولتی",
    "صحرایی",
    "مرکزی",
    "عامه",
    "ښار",
    "ماشومانو",
    "ښځو",
    "دې",
    "دغه",
    "هغه",
    "یوه",
    "یو",
    "کوم",
    "هر",
    "این",
    "آن",
    "یک",
    "جو",
    "جس",
    "جن",
    "یہ",
    "وہ",
    "اس",
    "ان",
];

/// Urdu days of the week that are no given name as well.
const UR_WEEKDAYS: &[&str] = &["پیر", "بدھ", "جمعرات", "ہفتہ", "اتوار"];
/// Urdu days of the week that are given names or surnames as well
/// ("منگل", "جمعہ"): a day only before "کے روز" or "کے دن".
const UR_WEEKDAY_NAMES: &[&str] = &["منگل", "جمعہ"];

/// Whether `toks[k]` is an Urdu day of the week named as one, before "کے
/// روز", "کے دن" or (a day no name) "کو": "عبدالغفور لیوال پیر کے روز"
/// ends its name before "پیر" (Monday).
fn is_ur_weekday(toks: &[Token], k: usize) -> bool {
    static DAYS: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    static NAMES: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    let day = normal_set(&DAYS, UR_WEEKDAYS).contains(&toks[k].key);
    if !day && !normal_set(&NAMES, UR_WEEKDAY_NAMES).contains(&toks[k].key) {
        return false;
    }
    let is = |j: usize, w: &str| {
        toks.get(j)
            .is_some_and(|t| t.key == crate::normalize::normalize(w))
    };
    (is(k + 1, "کے") && (is(k + 2, "روز") || is(k + 2, "دن"))) || (day && is(k + 1, "کو"))
}

/// Urdu postpositions closing a noun phrase (normalised).
const UR_POSTPOSITIONS: &[&str] = &["کے", "کی", "کا", "نے", "سے", "میں", "کو", "پر"];

/// An organisation named by its noun at `toks[i]` that the other rules
/// miss: a hospital with its name (Dari "شفاخانه استقلال،", Pashto "د
/// ایمرجنسي روغتون"), Urdu names spelt after English before their
/// organisation word ("ہائر ایجوکیشن کمیشن کے", "پشاور یونیورسٹی
/// میں"), an Urdu ministry and its field before a postposition ("وزارت
/// اعلیٰ تعلیم کے"), and a Pashto ministry of fields listed with commas
/// ("د کرنې، اوبو لګولو او مالدارۍ وزارت"). The token range.
fn named_body_at(text: &str, toks: &[Token], i: usize, taken: &[bool]) -> Option<(usize, usize)> {
    let w = words::get();
    let n = toks.len();
    let norm = crate::normalize::normalize;
    let free = |k: usize| k < n && toks[k].arabic && !taken[k];
    let name = |k: usize| {
        free(k)
            && !w.ar_stop.contains(&toks[k].key)
            && !w.ar_titles.contains(&toks[k].key)
            && !w.ar_roles.contains(&toks[k].key)
            && !HOSPITAL_NOT_NAME.contains(&toks[k].key.as_str())
            && !UR_NOT_NAME.contains(&toks[k].key.as_str())
    };
    let joined = |k: usize| k > 0 && k < n && glued(text, &toks[k - 1], &toks[k], false);
    // Ends the name: punctuation, a function word, or the text's end.
    let closed = |k: usize| {
        k >= n
            || !joined(k)
            || w.ar_stop.contains(&toks[k].key)
            || UR_POSTPOSITIONS.contains(&toks[k].key.as_str())
    };
    let key = toks[i].key.as_str();
    if !free(i) {
        return None;
    }
    // Dari "شفاخانه X،": one name word, no adjective or verb ("شفاخانه
    // رسیدیم"), closed by punctuation.
    let verb_like = |k: &str| {
        k.starts_with("می")
            || k.starts_with("نمی")
            || ["دیم", "دید", "دند", "تیم", "تید", "تند", "شد", "است"]
                .iter()
                .any(|e| k.ends_with(e))
    };
    if key == "شفاخانه"
        && name(i + 1)
        && joined(i + 1)
        && !toks[i + 1].key.ends_with('ی')
        && !verb_like(&toks[i + 1].key)
        && (i + 2 >= n
            || text[toks[i + 1].end..toks[i + 2].start].contains(['،', '.', ':', '؛', '»']))
    {
        return Some((i, i + 2));
    }
    // Pashto "د X روغتون": one or two name words before the noun.
    if key == "د" {
        for len in 1..=2 {
            let h = i + 1 + len;
            if h < n
                && toks[h].key == "روغتون"
                && free(h)
                && (i + 1..h).all(|k| name(k) && joined(k))
                && joined(h)
            {
                return Some((i + 1, h + 1));
            }
        }
        // "د کرنې، اوبو لګولو او مالدارۍ وزارت": fields listed with a comma
        // and "او", then the ministry.
        let and = norm("او");
        for h in i + 4..(i + 8).min(n) {
            if toks[h].key != "وزارت" || !free(h) {
                continue;
            }
            let gaps_ok = (i + 1..=h).all(|k| {
                text[toks[k - 1].end..toks[k].start]
                    .chars()
                    .all(|c| c.is_whitespace() || c == '،')
            });
            let comma = (i + 2..h).any(|k| text[toks[k - 1].end..toks[k].start].contains('،'));
            let fields = (i + 1..h)
                .all(|k| free(k) && (toks[k].key == and || !w.ar_stop.contains(&toks[k].key)));
            let has_and = (i + 2..h - 1).any(|k| toks[k].key == and);
            if gaps_ok && comma && fields && has_and {
                return Some((i, h + 1));
            }
            break;
        }
        return None;
    }
    // Urdu "وزارت اعلیٰ تعلیم کے": the ministry and one or two field words
    // before a postposition.
    if key == "وزارت" {
        for len in 1..=2 {
            let j = i + 1 + len;
            if (i + 1..j).all(|k| free(k) && !w.ar_stop.contains(&toks[k].key) && joined(k))
                && j < n
                && UR_POSTPOSITIONS.contains(&toks[j].key.as_str())
            {
                return Some((i, j));
            }
        }
        return None;
    }
    // Urdu "ہائر ایجوکیشن کمیشن": one to three name words, then an
    // organisation word, closed.
    if name(i) {
        let mut j = i + 1;
        while j < n
            && j < i + 3
            && name(j)
            && joined(j)
            && !UR_ORG_WORDS.contains(&toks[j].key.as_str())
        {
            j += 1;
        }
        if j < n
            && UR_ORG_WORDS.contains(&toks[j].key.as_str())
            && free(j)
            && joined(j)
            && closed(j + 1)
            && !UR_ORG_WORDS.contains(&key)
        {
            return Some((i, j + 1));
        }
    }
    None
}

/// Whether `toks[i]` is an Urdu organisation word followed by "آف" and a
/// word, none of them taken.
/// A word for a district (or Helmand, its province) next to `toks[i]`:
/// "ولسوالی سنگین", "سنگین ولسوالۍ", "سنگین هلمند" (keys normalised).
fn district_cue(toks: &[Token], i: usize) -> bool {
    let cue = |t: &Token| {
        matches!(
            t.key.as_str(),
            "ولسوالی" | "ولسوالیهای" | "ضلع" | "هلمند" | "ہلمند" | "مدیریة"
        )
    };
    (i > 0 && cue(&toks[i - 1])) || toks.get(i + 1).is_some_and(cue)
}

/// The word غور at `i` as the Urdu noun "consideration": after "زیر"
/// ("زیر غور", under consideration) or before a form of کرنا ("غور کر
/// رہی ہے", "غور کیا").
fn urdu_ghor_noun(toks: &[Token], i: usize) -> bool {
    toks[i].key == "غور"
        && ((i > 0 && toks[i - 1].key == "زیر")
            || toks.get(i + 1).is_some_and(|t| {
                ["کر", "کیا", "کرنے", "کرے", "کریں", "کرتے", "کرنا", "کرکے"]
                    .contains(&t.key.as_str())
            }))
}

fn of_org(toks: &[Token], i: usize, taken: &[bool]) -> bool {
    i + 2 < toks.len()
        && toks[i].arabic
        && UR_ORG_WORDS.contains(&toks[i].key.as_str())
        && toks[i + 1].key == "آف"
        && toks[i + 2].arabic
        && !taken[i..i + 3].iter().any(|&t| t)
}

/// The last word of an Arabic-script name, alone elsewhere in
/// the article ("حقمل گفت" after "احمد ولی حقمل، سخنگوی …"), or a
/// one-word name found by a cue ("به نام احمدشاه") said again: one more
/// mention, tied to the full name when merging.
fn arabic_surnames(tokens: &[Vec<Token>], raws: &mut Vec<Raw>) {
    let w = words::get();
    let surnames: Vec<String> = raws
        .iter()
        .filter(|r| (r.keys.len() >= 2 || r.cue) && r.kind == EntityKind::Person)
        .filter_map(|r| r.keys.last())
        .filter(|k| k.chars().next().is_some_and(tokens::is_arabic) && !w.ar_stop.contains(*k))
        .cloned()
        .collect();
    if surnames.is_empty() {
        return;
    }
    let mut extra = Vec::new();
    for (pi, toks) in tokens.iter().enumerate() {
        for t in toks {
            if !surnames.contains(&t.key) {
                continue;
            }
            let inside = raws
                .iter()
                .any(|r| r.paragraph == pi as u32 && r.start <= t.start && t.end <= r.end);
            if !inside {
                extra.push(Raw {
                    paragraph: pi as u32,
                    start: t.start,
                    end: t.end,
                    kind: EntityKind::Person,
                    gaz: None,
                    keys: vec![t.key.clone()],
                    cue: false,
                    opens_sentence: false,
                    after_place: false,
                });
            }
        }
    }
    raws.extend(extra);
}

fn arabic_raw(toks: &[Token], p: u32, a: usize, b: usize) -> Raw {
    Raw {
        paragraph: p,
        start: toks[a].start,
        end: toks[b - 1].end,
        kind: EntityKind::Person,
        gaz: None,
        keys: toks[a..b].iter().map(|t| t.key.clone()).collect(),
        cue: true,
        opens_sentence: false,
        after_place: false,
    }
}

/// "Name (ACR)" inside one paragraph: links the name's raw with the
/// acronym's (both among `raws[from..]`, sorted by start).
fn acronym_links(text: &str, raws: &[Raw], from: usize, links: &mut Vec<(usize, usize)>) {
    for a in from..raws.len() {
        if raws[a].kind != EntityKind::Organization {
            continue;
        }
        // "(ATRA)", or ", known as FIDE".
        let known_as = || {
            let rest = &text[raws[a].end..];
            let after = rest
                .strip_prefix(", known as ")
                .or_else(|| rest.strip_prefix(" known as "))?;
            let word = after
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .filter(|w| (2..=12).contains(&w.len()))
                .filter(|w| w.chars().all(|c| c.is_ascii_uppercase()))?;
            Some(word)
        };
        let Some(acr) = acronym_after(text, raws[a].end).or_else(known_as) else {
            continue;
        };
        let acr_key: String = acr
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if let Some(b) = (a + 1..raws.len()).find(|&b| {
            raws[b].start > raws[a].end
                && raws[b].start <= raws[a].end + acr.len() + 12
                && raws[b].keys.concat() == acr_key
        }) {
            links.push((a, b));
        }
    }
}

/// Union-find over raw names.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let next = self.0[y];
            self.0[y] = r;
            y = next;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The earlier raw stays the root: the first full name wins.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// Whether two multi-word names differ by at most one edit per word and
/// two in all ("Matuil Haq Khalis" / "Matiul Haq Khalis").
fn near_spelling(a: &[String], b: &[String]) -> bool {
    if a.len() != b.len() || a.len() < 2 {
        return false;
    }
    // Cheap checks first: a misspelling keeps each word's first letter.
    if a.iter()
        .zip(b)
        .any(|(x, y)| x.chars().next() != y.chars().next())
    {
        return false;
    }
    let mut total = 0;
    for (x, y) in a.iter().zip(b) {
        if x == y {
            continue;
        }
        let (nx, ny) = (x.chars().count(), y.chars().count());
        // The distance is at least the difference in length.
        if nx < 4 || ny < 4 || nx.abs_diff(ny) > 1 {
            return false;
        }
        let d = edit_distance(x, y);
        if d > 1 {
            return false;
        }
        total += d;
    }
    total <= 2
}

/// The direct case of a Pashto organisation's name written in the oblique
/// after "د": "د کندهار د سوداګرۍ او پانګونې خونې مشر" names "… خونه",
/// "د سپین بولدک د ګمرک مدیر" names "د سپین بولدک ګمرک". None when the
/// name is no such form.
fn pashto_direct(name: &str) -> Option<String> {
    let rest = name.strip_prefix("د ")?;
    let mut words: Vec<&str> = rest.split(' ').collect();
    let n = words.len();
    let last = *words.last()?;
    let direct = match last {
        "خونې" => "خونه",
        "ادارې" => "اداره",
        "اتحادیې" => "اتحادیه",
        "ټولنې" => "ټولنه",
        "محکمې" => "محکمه",
        _ => last,
    };
    let customs = matches!(last, "ګمرک" | "گمرک") && n >= 3 && words[n - 2] == "د";
    // "د ټکنیو پېښو د ادارې": a head after a د of its own keeps its case.
    if (direct == last || (n >= 2 && words[n - 2] == "د")) && !customs {
        return None;
    }
    words[n - 1] = direct;
    if customs {
        words.remove(n - 2);
    }
    Some(format!("د {}", words.join(" ")))
}

fn merge(
    paragraphs: &[String],
    mut raws: Vec<Raw>,
    links: &[(usize, usize)],
    excluded: &[bool],
) -> Vec<FoundEntity> {
    let g = gazetteer::get();
    let w = words::get();
    // Misspelt known people: a rule-found person near a gazetteer spelling.
    for r in raws
        .iter_mut()
        .filter(|r| r.gaz.is_none() && r.kind == EntityKind::Person && r.keys.len() >= 2)
    {
        // A misspelling keeps the word count and each word's first letter:
        // only the spellings that do are compared, first entry first.
        let first = r.keys.first().and_then(|k| k.chars().next());
        if let Some(&(e, _)) = g
            .person_forms(r.keys.len(), first)
            .iter()
            .find(|&&(e, f)| near_spelling(&g.entries[e as usize].person_forms[f], &r.keys))
        {
            r.gaz = Some(e);
        }
    }
    // "Wardak said" after "Naqibullah Wardak": a one-word place the
    // gazetteer knows is the surname of a person the article named.
    let surnames: Vec<String> = raws
        .iter()
        .filter(|r| r.gaz.is_none() && r.kind == EntityKind::Person && r.keys.len() >= 2)
        .filter_map(|r| r.keys.last().cloned())
        .collect();
    for r in raws.iter_mut().filter(|r| {
        r.keys.len() == 1
            && r.gaz
                .is_some_and(|e| g.entries[e as usize].kind == EntityKind::Place)
            && surnames.contains(&r.keys[0])
    }) {
        r.gaz = None;
        r.kind = EntityKind::Person;
        r.cue = false;
    }
    let n = raws.len();
    let mut sets = Sets((0..n).collect());
    let mut by_gaz: FxHashMap<u32, usize> = FxHashMap::default();
    let mut by_name: FxHashMap<String, usize> = FxHashMap::default();
    for (i, r) in raws.iter().enumerate() {
        if let Some(e) = r.gaz {
            if let Some(&first) = by_gaz.get(&e) {
                sets.union(first, i);
            } else {
                by_gaz.insert(e, i);
            }
        } else {
            let name = r.keys.join(" ");
            if let Some(&first) = by_name.get(&name) {
                sets.union(first, i);
            } else {
                by_name.insert(name, i);
            }
        }
    }
    for &(a, b) in links {
        if a < n && b < n {
            sets.union(a, b);
        }
    }
    // Misspellings between rule-found names of the article.
    let multi: Vec<usize> = (0..n)
        .filter(|&i| {
            raws[i].gaz.is_none() && raws[i].keys.len() >= 2 && raws[i].kind == EntityKind::Person
        })
        .collect();
    for (x, &a) in multi.iter().enumerate() {
        for &b in &multi[x + 1..] {
            if near_spelling(&raws[a].keys, &raws[b].keys) {
                sets.union(a, b);
            }
        }
    }
    // Acronyms from initials: "National Disaster Management Authority" … "NDMA".
    for a in 0..n {
        if raws[a].gaz.is_some()
            || raws[a].keys.len() < 2
            || raws[a].kind != EntityKind::Organization
        {
            continue;
        }
        let initials: String = raws[a]
            .keys
            .iter()
            .filter(|k| !w.connectors.contains(*k))
            .filter_map(|k| k.chars().next())
            .collect();
        let acronyms: Vec<usize> = (0..n)
            .filter(|&b| {
                raws[b].gaz.is_none() && raws[b].keys.len() == 1 && raws[b].keys[0] == initials
            })
            .collect();
        for b in acronyms {
            sets.union(a, b);
        }
    }
    // An organisation's name and the same with a qualifier after it
    // ("وزارة الخارجية" / "وزارة الخارجية القطرية"): one organisation.
    let orgs: Vec<usize> = (0..n)
        .filter(|&i| {
            raws[i].gaz.is_none()
                && raws[i].keys.len() >= 2
                && raws[i].kind == EntityKind::Organization
        })
        .collect();
    for &a in &orgs {
        for &b in &orgs {
            if raws[b].keys.len() > raws[a].keys.len() && raws[b].keys.starts_with(&raws[a].keys) {
                sets.union(a, b);
            }
        }
    }
    // A surname (or a single name word) alone: the full name it belongs
    // to, the nearest one named before it, else the first after.
    let people: Vec<usize> = (0..n)
        .filter(|&i| raws[i].kind == EntityKind::Person && raws[i].keys.len() >= 2)
        .collect();
    let orgs_named: Vec<usize> = (0..n).filter(|&i| raws[i].after_place).collect();
    let mut org_words = Vec::new();
    let mut orphans = excluded.to_vec();
    for s in 0..n {
        let r = &raws[s];
        if r.keys.len() != 1
            || r.gaz.is_some()
            || (r.kind == EntityKind::Place && r.cue)
            || excluded[s]
        {
            continue;
        }
        if r.kind == EntityKind::Organization && r.cue {
            continue;
        }
        let key = &r.keys[0];
        let owner = |&&p: &&usize| raws[p].keys[1..].contains(key) || raws[p].keys[0] == *key;
        let before = people.iter().rev().filter(|&&p| p < s).find(owner);
        let after = people.iter().filter(|&&p| p > s).find(owner);
        // Else an organisation the article named in full whose last word
        // it is ("the Patriots" after "the New England Patriots", "the
        // Globe" after "the Boston Globe").
        let named_org = |&&o: &&usize| raws[o].keys.last() == Some(key);
        let org = orgs_named
            .iter()
            .rev()
            .filter(|&&o| o < s)
            .find(named_org)
            .or_else(|| orgs_named.iter().filter(|&&o| o > s).find(named_org));
        if before.or(after).is_none()
            && let Some(&o) = org
        {
            sets.union(o, s);
            org_words.push(s);
            continue;
        }
        match before.or(after) {
            Some(&p) => sets.union(p, s),
            None => {
                // Not tied to a full name: keep it only with a cue, and not
                // when it only opens a sentence.
                orphans[s] = !r.cue && (r.opens_sentence || r.kind == EntityKind::Organization);
            }
        }
    }
    // Named by the organisation's last word, it is the organisation,
    // whatever a verb of saying after it suggested.
    for s in org_words {
        raws[s].kind = EntityKind::Organization;
    }
    // An Arabic family name alone ("آل ثاني", "بن سلمان"), or a surname of
    // two words ("Rezaei Kia" after "Mahmoud Rezaei Kia"): the full name
    // ending with it.
    for s in 0..n {
        let r = &raws[s];
        if r.keys.len() != 2
            || r.gaz.is_some()
            || excluded[s]
            || !(AR_NAME_LINKS.contains(&r.keys[0].as_str()) || r.kind == EntityKind::Person)
        {
            continue;
        }
        let owner = |&&p: &&usize| raws[p].keys.len() > 2 && raws[p].keys.ends_with(&r.keys);
        let before = people.iter().rev().filter(|&&p| p < s).find(owner);
        let after = people.iter().filter(|&&p| p > s).find(owner);
        if let Some(&p) = before.or(after) {
            sets.union(p, s);
        }
    }
    // Build the entities.
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, orphan) in orphans.iter().enumerate() {
        if !orphan {
            groups.entry(sets.find(i)).or_default().push(i);
        }
    }
    let mut out: Vec<(usize, FoundEntity)> = Vec::new();
    for (_, members) in groups {
        // A group of orphans only (their root dropped) stays out.
        let gaz = members.iter().filter_map(|&i| raws[i].gaz).next();
        let surface =
            |i: usize| &paragraphs[raws[i].paragraph as usize][raws[i].start..raws[i].end];
        let (key, name, kind, known) = match gaz {
            Some(e) => {
                let e = &g.entries[e as usize];
                (e.id.to_string(), e.name.to_string(), e.kind, true)
            }
            None => {
                // The fullest spelling, the most frequent among equals.
                let mut counts: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
                for &i in &members {
                    let c = counts.entry(surface(i)).or_insert((0, i));
                    c.0 += 1;
                }
                let best = members
                    .iter()
                    .copied()
                    .max_by_key(|&i| {
                        (
                            raws[i].keys.len(),
                            counts[surface(i)].0,
                            usize::MAX - counts[surface(i)].1,
                        )
                    })
                    .unwrap_or(members[0]);
                // The kind most cues point to; capitals alone count less.
                let mut votes = [0usize; 3];
                for &i in &members {
                    let slot = match raws[i].kind {
                        EntityKind::Person => 0,
                        EntityKind::Organization => 1,
                        EntityKind::Place => 2,
                    };
                    votes[slot] += if raws[i].cue { 3 } else { 1 };
                }
                let top = (0..3)
                    .max_by_key(|&k| (votes[k], usize::from(k == 0)))
                    .unwrap_or(0);
                let kind = [
                    EntityKind::Person,
                    EntityKind::Organization,
                    EntityKind::Place,
                ][top];
                let name = surface(best);
                let name = if kind == EntityKind::Organization {
                    pashto_direct(name).unwrap_or_else(|| name.to_string())
                } else {
                    name.to_string()
                };
                let slug = raws[best].keys.join("-");
                (format!("{}:{}", kind.as_str(), slug), name, kind, false)
            }
        };
        let mut mentions: Vec<Occurrence> = members
            .iter()
            .map(|&i| Occurrence {
                surface: surface(i).to_string(),
                paragraph: raws[i].paragraph,
                start: raws[i].start,
            })
            .collect();
        mentions.sort_by_key(|m| (m.paragraph, m.start));
        let mut aliases: Vec<String> = Vec::new();
        for m in &mentions {
            if m.surface != name && !aliases.contains(&m.surface) {
                aliases.push(m.surface.clone());
            }
        }
        if let Some(e) = gaz {
            for a in &g.entries[e as usize].aliases {
                if !aliases.iter().any(|s| s == a) {
                    aliases.push((*a).to_string());
                }
            }
        }
        let first = members.iter().copied().min().unwrap_or(0);
        out.push((
            first,
            FoundEntity {
                key,
                name,
                kind,
                aliases,
                mentions,
                known,
            },
        ));
    }
    // The same key from two groups (two spellings the rules did not tie):
    // one entity.
    out.sort_by_key(|(first, _)| *first);
    let mut merged: Vec<(usize, FoundEntity)> = Vec::new();
    for (first, e) in out {
        if let Some((_, m)) = merged.iter_mut().find(|(_, m)| m.key == e.key) {
            m.mentions.extend(e.mentions);
            m.mentions.sort_by_key(|o| (o.paragraph, o.start));
            for a in e.aliases {
                if a != m.name && !m.aliases.contains(&a) {
                    m.aliases.push(a);
                }
            }
        } else {
            merged.push((first, e));
        }
    }
    merged.sort_by(|(fa, a), (fb, b)| b.mentions.len().cmp(&a.mentions.len()).then(fa.cmp(fb)));
    merged.into_iter().map(|(_, e)| e).collect()
}
