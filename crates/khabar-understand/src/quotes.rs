//! Direct quotations and who said them.
//!
//! A quotation is the text between quotation marks (“ ” " " « » „ “, and
//! ‘ ’ in a text that uses no double marks) of four words or more: one to
//! three words in marks are scare quotes or terms, and a quoted title
//! ("a report titled “…”") is no quotation either. A quotation left open at
//! the end of a paragraph continues when the next paragraph opens a new one,
//! or, in a statement quoted at length without reopening marks, up to the
//! paragraph whose closing mark no opening one precedes. Words quoted
//! inside reported speech, which the reporter's sentence runs on into
//! ("said the bank would “continue …”", "told AP that “the scale …”"), are
//! a partial quotation, not a direct one, and are left out.
//!
//! The speaker comes from the words around the marks:
//!
//! - after the quotation: "“…,” said X", "“…,” X said", "“…,” X told AP",
//!   "«…»، X گفت", "«…»، قال X", "“…,” according to X", "«…»، به گفته X",
//!   "«…»، د X په وینا";
//! - before it: "X said: “…”", "X told TOLOnews, “…”", "X said that “…”",
//!   "The report reads: “…”", "X گفت: «…»", "X وویل: «…»", "X نے کہا: “…”",
//!   "وقال X: «…»", "به گفته X، «…»"; or a paragraph ending "X said:"
//!   before a paragraph that is the quotation;
//! - a quotation with no cue continues the one before it in the paragraph,
//!   or the previous paragraph's when it makes up a paragraph of its own;
//! - a quotation split by its attribution is one: "“We will,” he said,
//!   “rebuild.”", "«…»، مجاهد گفت، «…»";
//! - a quotation none of these claims is attributed by the evidence
//!   around it: a speech verb anywhere in its sentence, a pronoun a few
//!   words before it ("In his view, “…”"), or, when it makes up its
//!   sentence, the sentence before it (its speech verb's subject, or the
//!   name opening it: "X was blunt. “…”") or after it ("Those were X's
//!   words"); headlines, chants and nicknames ("the front page read",
//!   "chanted", "known as") are no quotations;
//! - the answers of an interview transcript ("Q: …" / "A: …", "پرسش:" /
//!   "پاسخ:", "سوال:" / "جواب:") are quotations of the first person the
//!   article names before the first question; in a transcript whose turns
//!   open with names ("Kabul Monitor: …" / "Ahmadzai: …"), the turns opened
//!   by a person's name are that person's;
//! - a social media post embedded in the article, which the extractor
//!   writes as the post's words and a last line "— Name (@handle), date",
//!   is a quotation of the person or organisation named on that line.
//!
//! The words naming the speaker are resolved to an entity of the article:
//! a person named there (a surname or a misspelling already point to the
//! full name through [`crate::entities`]); a role ("The Deputy Minister of
//! Foreign Affairs said") to the person the article gave that role; a
//! pronoun ("she said", او گفت, هغه وویل, هغې وویل) to the last person named as a
//! subject or speaker; a report or statement to the organisation that
//! published it; "the agency" to the outlet.
//!
//! ```
//! use khabar_understand::{entities, quotes};
//!
//! let paragraphs = vec![
//!     "Matiul Haq Khalis, the president of the Afghan Red Crescent Society, spoke in Baku.".to_string(),
//!     "“We need help with floods and droughts,” he said.".to_string(),
//!     "The president of the Afghan Red Crescent Society said: “This is our first invitation.”".to_string(),
//! ];
//! let found = entities::find(&paragraphs, Some("en"));
//! let q = quotes::find(&paragraphs, &found, None);
//! assert_eq!(q.len(), 2);
//! assert!(q.iter().all(|q| q.speaker == "Matiul Haq Khalis"));
//! assert_eq!(q[0].quote, "We need help with floods and droughts");
//! assert_eq!(q[1].speaker_key.as_deref(), Some("person:matiul-haq-khalis"));
//! ```

pub(crate) mod marks;

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

use khabar_model::EntityKind;

use crate::entities::FoundEntity;
use crate::entities::tokens::{Token, tokenize};
use crate::normalize::normalize;
use crate::sentences;

/// A direct quotation with its speaker resolved to a canonical name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundQuote {
    /// Canonical name of the speaker (person, or publisher of a quoted report).
    pub speaker: String,
    /// The speaker's entity key, when the speaker is one of `entities`.
    pub speaker_key: Option<String>,
    /// The words inside the quotation marks (joined when continued over paragraphs).
    pub quote: String,
    /// The sentence(s) holding the quote.
    pub sentence: String,
    /// Paragraph index where the quote starts.
    pub paragraph: u32,
}

/// Speech verbs in English, lower case.
const EN_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "adding",
    "stated",
    "states",
    "stating",
    "stressed",
    "stresses",
    "stressing",
    "emphasized",
    "emphasised",
    "emphasizing",
    "emphasising",
    "emphasizes",
    "emphasises",
    "noted",
    "notes",
    "noting",
    "commented",
    "comments",
    "remarked",
    "explained",
    "explains",
    "warned",
    "warns",
    "warning",
    "declared",
    "declares",
    "insisted",
    "insists",
    "argued",
    "argues",
    "asserted",
    "asserting",
    "asserts",
    "reads",
    "read",
    "wrote",
    "writes",
    "writing",
    "continued",
    "continues",
    "concluded",
    "replied",
    "responded",
    "announced",
    "tweeted",
    "posted",
    "urged",
    "described",
    "acknowledged",
    "admitted",
    "claimed",
    "confirmed",
    "observed",
    "recalled",
    "recalls",
    "underscored",
    "underlined",
    "mentioned",
    "highlighted",
    "reported",
    "pointed",
    "asked",
    "asks",
    "cautioned",
    "complained",
    "lamented",
    "suggested",
    "promised",
    "vowed",
    "pleaded",
    "conceded",
    "affirmed",
    "reiterated",
    "maintained",
    "contended",
    "countered",
    "protested",
    "tells",
    "explaining",
    "recounted",
    "recounts",
    "shared",
    "called",
    "calling",
    "accused",
    "alleged",
    "demanded",
    "appealed",
    "assured",
    "predicted",
    "joked",
    "reflected",
];

/// Speech verbs in Dari, Pashto and Urdu (normalised when compared); the
/// Arabic ones are [`AR_VERB_FIRST`].
const AR_VERBS: &[&str] = &[
    "گفت",
    "گفته",
    "گفتند",
    "میگوید",
    "میگویند",
    "افزود",
    "افزوده",
    "افزودند",
    "تصریح",
    "تاکید",
    "تأکید",
    "اظهار",
    "بیان",
    "آمده",
    "نوشت",
    "نوشته",
    "نوشتند",
    "خاطرنشان",
    // "پاسخ داد", "جواب داد" (answered), like "خاطرنشان ساخت".
    "پاسخ",
    "جواب",
    "یادآور",
    "یادآوری",
    "هشدار",
    "اعلام",
    "ابراز",
    "وویل",
    "ووېل",
    "ویې",
    "وویلې",
    "ویلي",
    "وايي",
    "وایي",
    "ویل",
    "زیاته",
    "زياته",
    // "اعلامیه زیاتوي: «…»" (the statement adds).
    "زیاتوي",
    "زياتوي",
    "ټینګار",
    "وليکل",
    "ولیکل",
    "څرګنده",
    "کہا",
    "کہنے",
    "کہتے",
    "کہتی",
    "کہنا",
    "بتایا",
    "لکھا",
    "راغلي",
    "راغلی",
];

/// Arabic verbs that come before their subject ("وقال الوزير: «…»");
/// speech verbs like those of [`AR_VERBS`] too.
const AR_VERB_FIRST: &[&str] = &[
    "قال",
    "قالت",
    "وقال",
    "وقالت",
    "أضاف",
    "وأضاف",
    "أضافت",
    "وأضافت",
    "أكد",
    "وأكد",
    "أكدت",
    "وأكدت",
    "أوضح",
    "وأوضح",
    "أوضحت",
    "وأوضحت",
    "صرح",
    "وصرح",
    "صرحت",
    "وصرحت",
    "تابع",
    "وتابع",
    "تابعت",
    "وتابعت",
    "أشار",
    "وأشار",
    "أشارت",
    "وأشارت",
    "جاء",
    "وجاء",
    "مضيفا",
    "مضيفة",
    "قائلا",
    "قائلة",
    "علق",
    "وعلق",
    "علقت",
    "وعلقت",
];

const EN_PRONOUNS: &[&str] = &["he", "she"];
const AR_PRONOUNS: &[&str] = &[
    "او",
    "وی",
    "هغه",
    "هغې",
    "نوموړي",
    "نوموړی",
    "ده",
    "نامبرده",
    "وہ",
    "ان",
    "انہوں",
    "انھوں",
    "اس",
    "هو",
    "هي",
    "ایشان",
];

/// Words naming a document: its publisher speaks.
const DOCUMENTS: &[&str] = &[
    "report",
    "statement",
    "study",
    "survey",
    "document",
    "letter",
    "assessment",
    "review",
    "findings",
    "analysis",
    "communique",
    "communiqué",
    "گزارش",
    "اعلامیه",
    "بیانیه",
    "راپور",
    "رپورٹ",
    "اعلامیې",
    "بیان",
    "تقرير",
    "التقرير",
    "البيان",
];

/// Words before a quoted title: "a report titled “…”".
const TITLE_CUES: &[&str] = &[
    "titled",
    "entitled",
    "dubbed",
    "named",
    "headlined",
    "called",
    "slogan",
    "hashtag",
    "campaign",
    "book",
    "film",
    "song",
    "album",
    "documentary",
    "novel",
    "poem",
];

/// Role words that make a subject a role ("the deputy minister said").
const ROLE_WORDS: &[&str] = &[
    "minister",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "president",
    "director",
    "head",
    "chief",
    "secretary",
    "governor",
    "official",
    "ambassador",
    "envoy",
    "representative",
    "rapporteur",
    "activist",
    "expert",
    "analyst",
    "commander",
    "leader",
    "professor",
    "chairman",
    "chair",
    "mayor",
    "general",
    "deputy",
    "coordinator",
    "advocate",
    "researcher",
    "historian",
    "journalist",
    "doctor",
    "teacher",
    "student",
    "resident",
    "founder",
    "member",
    "commissioner",
    "manager",
    "officer",
    "administrator",
    "prosecutor",
    "judge",
    "justice",
    "lawyer",
    "captain",
    "skipper",
    "coach",
    "player",
    "spinner",
    "bowler",
    "batsman",
    "سخنگوی",
    "وزیر",
    "معین",
    "رئیس",
    "رییس",
    "ویاند",
    "والی",
    "معاون",
    "مشر",
    "سفیر",
    // Arabic envoys: "بحسب ما قاله المندوب".
    "مندوب",
    "المندوب",
    "ممثل",
    "السفير",
    "المحلل",
    "محلل",
    "المفوض",
    "مفوض",
    "المفوضة",
    "المبعوث",
    "مبعوث",
    "الناشط",
    "الناشطة",
    "المحامي",
    "الخبير",
    "الممثل",
    "الممثلة",
    "المنسق",
    "المديرة",
    "الرئيس",
    "الوزيرة",
    "السفيرة",
    // Judges, prosecutors, captains and spokespeople in Dari, Pashto,
    // Urdu and Arabic: "قاضي زیاته کړه", "«…» ترجمان نے کہا".
    "قاضی",
    "القاضي",
    "جج",
    "دادستان",
    "څارنوال",
    "کپتان",
    "ترجمان",
    "نائب",
    // The speaker of an assembly: "«…» اسپیکر نے کہا".
    "اسپیکر",
    "سپیکر",
    "الوزير",
    "المتحدث",
    "مدير",
    "المدير",
];

/// Relatives named in apposition to a speaker ("X, the son of Y").
const KIN_NOUNS: &[&str] = &[
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "father",
    "mother",
    "پسر",
    "دختر",
    "همسر",
    "برادر",
    "خواهر",
    "پدر",
    "مادر",
    "زوی",
    "لور",
    "ورور",
    "خور",
    "بیٹے",
    "بیٹا",
    "بیٹی",
    "بھائی",
    "ابن",
    "ابنة",
    "نجل",
    "شقيق",
    "زوجة",
];

/// Generic organisation nouns: "the agency said" points at the last one named.
const ORG_NOUNS: &[&str] = &[
    "agency",
    "ministry",
    "organization",
    "organisation",
    "group",
    "office",
    "council",
    "commission",
    "committee",
    "mission",
    "government",
    "department",
    "authority",
    "fund",
    "programme",
    "program",
    "bank",
    "body",
    "watchdog",
    "court",
    "bench",
    "board",
    "league",
    "federation",
];

/// Words for a court or its bench, which speaks for the court the
/// article named (lower case, normalised).
const COURT_WORDS: &[&str] = &[
    "court",
    "bench",
    "کورٹ",
    "بینچ",
    "عدالت",
    "دادگاه",
    "محکمه",
    "دیوان",
];

/// The same in Dari and Pashto: "این سازمان", "وزارت".
const AR_ORG_NOUNS: &[&str] = &[
    "سازمان",
    "وزارت",
    "اداره",
    "نهاد",
    "ریاست",
    "اداره",
    "سازمان‌",
    "وزارت‌",
    "دادگاه",
    "محکمه",
    "ستره",
    "بینچ",
    "عدالت",
    "بورډ",
    "بورڈ",
    "الوزارة",
    "المنظمة",
    "الهيئة",
    "الوكالة",
    "المحكمة",
];

fn in_list(list: &[&str], key: &str) -> bool {
    list.contains(&key)
}

/// The word lists as normalised sets (Arabic-script words reach them
/// normalised).
#[derive(Debug)]
struct Sets {
    verbs: FxHashSet<String>,
    verb_first: FxHashSet<String>,
    pronouns: FxHashSet<String>,
    documents: FxHashSet<String>,
    roles: FxHashSet<String>,
    org_nouns: FxHashSet<String>,
    not_speech: FxHashSet<String>,
    speech_nouns: FxHashSet<String>,
}

/// Whether the tokens name a document (a report, statement, letter...):
/// Arabic-script words by prefix, others by exact key.
fn names_document(toks: &[Token]) -> bool {
    toks.iter().any(is_document)
}

/// Whether one token is a document's noun: Arabic-script words by prefix
/// (they carry clitics), others by exact key.
fn is_document(t: &Token) -> bool {
    if t.arabic {
        sets()
            .documents
            .iter()
            .any(|d| t.key.starts_with(d.as_str()))
    } else {
        in_list(DOCUMENTS, &t.key)
    }
}

fn sets() -> &'static Sets {
    static SETS: OnceLock<Sets> = OnceLock::new();
    SETS.get_or_init(|| {
        let set = |l: &[&str]| {
            l.iter()
                .map(|w| normalize(w))
                .collect::<FxHashSet<String>>()
        };
        Sets {
            verbs: set(AR_VERBS).union(&set(AR_VERB_FIRST)).cloned().collect(),
            verb_first: set(AR_VERB_FIRST),
            pronouns: set(AR_PRONOUNS),
            documents: set(DOCUMENTS),
            roles: set(ROLE_WORDS),
            org_nouns: set(AR_ORG_NOUNS),
            not_speech: set(NOT_SPEECH),
            speech_nouns: set(SPEECH_NOUNS),
        }
    })
}

/// One entity mention, placed in the text.
#[derive(Debug, Clone, Copy)]
struct Placed {
    paragraph: u32,
    start: usize,
    end: usize,
    entity: usize,
}

/// A quotation over one or more paragraphs.
#[derive(Debug, Clone)]
struct Logical {
    /// (paragraph, span) in order.
    parts: Vec<(usize, marks::Span)>,
}

/// Who a quotation's words point to.
#[derive(Debug, Clone, PartialEq)]
enum Speaker {
    Entity(usize),
    Outlet,
}

struct Ctx<'a> {
    paragraphs: &'a [String],
    entities: &'a [FoundEntity],
    /// Mentions sorted by position.
    placed: Vec<Placed>,
    /// Sentence start offsets per paragraph.
    sentence_starts: Vec<Vec<usize>>,
    /// Byte ranges inside quotation marks, per paragraph.
    quoted: Vec<Vec<(usize, usize)>>,
}

impl Ctx<'_> {
    /// Whether a mention sits inside quotation marks (the speaker's words,
    /// not the narrator's).
    fn inside_quote(&self, m: &Placed) -> bool {
        let text = &self.paragraphs[m.paragraph as usize];
        self.quoted[m.paragraph as usize].iter().any(|&(a, b)| {
            m.start >= a
                && m.end <= b
                // A name filling the marks ("«انجمن …»") is no quotation.
                && !(text[a..m.start].trim().is_empty() && text[m.end..b].trim().is_empty())
        })
    }

    fn is_person(&self, e: usize) -> bool {
        self.entities[e].kind == EntityKind::Person
    }

    /// Mentions within bytes `[s, e)` of paragraph `p`.
    fn mentions_in(&self, p: usize, s: usize, e: usize) -> impl Iterator<Item = &Placed> {
        self.placed
            .iter()
            .filter(move |m| m.paragraph as usize == p && m.start >= s && m.end <= e)
    }

    /// The sentence of paragraph `p` holding byte `at`: its byte range.
    fn sentence_at(&self, p: usize, at: usize) -> (usize, usize) {
        let starts = &self.sentence_starts[p];
        let idx = starts.partition_point(|&s| s <= at).saturating_sub(1);
        let s = starts.get(idx).copied().unwrap_or(0);
        let e = starts
            .get(idx + 1)
            .copied()
            .unwrap_or(self.paragraphs[p].len());
        (s, e)
    }

    /// The last person named as the subject of a sentence (its first
    /// person) before position (`p`, `at`). A possessor is no subject
    /// when another person follows it: in "Sharifi's wife, Shakila, said"
    /// the subject is Shakila.
    fn last_subject(&self, p: usize, at: usize) -> Option<usize> {
        // (p, sentence start, entity, a possessor)
        let mut best: Option<(usize, usize, usize, bool)> = None;
        for m in &self.placed {
            let mp = m.paragraph as usize;
            if (mp, m.start) >= (p, at) {
                break;
            }
            if !self.is_person(m.entity) || self.inside_quote(m) {
                continue;
            }
            let (s, _) = self.sentence_at(mp, m.start);
            let after = &self.paragraphs[mp][m.end..];
            let possessor = after.starts_with("'s") || after.starts_with("’s");
            match best {
                Some((bp, bs, _, first_possessor))
                    if bp == mp && bs == s && (possessor || !first_possessor) => {}
                _ => best = Some((mp, s, m.entity, possessor)),
            }
        }
        best.map(|(_, _, e, _)| e)
    }
}

/// Every direct quotation in the paragraphs. `entities` come from
/// [`crate::entities::find`] on the same paragraphs; `outlet` names the
/// publisher (for "the agency reported").
pub fn find(
    paragraphs: &[String],
    entities: &[FoundEntity],
    outlet: Option<&str>,
) -> Vec<FoundQuote> {
    if !has_marks(paragraphs)
        && !has_interview(paragraphs)
        && !has_named_turns(paragraphs)
        && !has_posts(paragraphs)
    {
        return Vec::new();
    }
    let split: Vec<Vec<&str>> = paragraphs.iter().map(|p| sentences::split(p)).collect();
    find_split(paragraphs, &split, entities, outlet)
}

/// The mentions, sentences and quoted ranges of the paragraphs.
fn context<'a>(
    paragraphs: &'a [String],
    split: &[Vec<&str>],
    entities: &'a [FoundEntity],
    spans: &[Vec<marks::Span>],
) -> Ctx<'a> {
    let mut placed: Vec<Placed> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            e.mentions.iter().map(move |m| Placed {
                paragraph: m.paragraph,
                start: m.start,
                end: m.start + m.surface.len(),
                entity: i,
            })
        })
        .collect();
    placed.sort_by_key(|m| (m.paragraph, m.start));
    let sentence_starts = paragraphs
        .iter()
        .zip(split)
        .map(|(t, sentences)| {
            let mut v: Vec<usize> = sentences
                .iter()
                .map(|s| s.as_ptr() as usize - t.as_ptr() as usize)
                .collect();
            if v.first() != Some(&0) {
                v.insert(0, 0);
            }
            v
        })
        .collect();
    let quoted = spans
        .iter()
        .map(|s| s.iter().map(|s| (s.inner_start, s.inner_end)).collect())
        .collect();
    Ctx {
        paragraphs,
        entities,
        placed,
        sentence_starts,
        quoted,
    }
}

/// Gives a figure cited to a role ("ترجمان نے بتایا", "المحلل الاقتصادي
/// في كابول، X، إن …") the person the article named with that role, and
/// one cited to "this report" ("بر اساس این گزارش") the report's
/// publisher. `figures` come from [`crate::figures::find`] on the same
/// paragraphs and entities.
pub fn cite_roles(
    paragraphs: &[String],
    entities: &[FoundEntity],
    figures: &mut [crate::figures::FoundFigure],
) {
    let roleish = |f: &crate::figures::FoundFigure| {
        f.cited_source.as_deref().is_some_and(|s| {
            !entities.iter().any(|e| e.name == s)
                && tokenize(s)
                    .iter()
                    .find(|t| !matches!(t.key.as_str(), "the" | "this" | "این" | "دغه"))
                    .is_some_and(|t| {
                        if t.arabic {
                            sets().roles.contains(&t.key)
                                || sets()
                                    .documents
                                    .iter()
                                    .any(|d| t.key.starts_with(d.as_str()))
                        } else {
                            in_list(ROLE_WORDS, &t.key) || in_list(DOCUMENTS, &t.key)
                        }
                    })
        })
    };
    // "رئیس انجمن X گفت که …", "سخنگوی وزارت X، Y، گفت که …": a source
    // that is a body named right after a role word (Arabic script).
    let body = |f: &crate::figures::FoundFigure| {
        f.cited_source.as_deref().is_some_and(|s| {
            entities
                .iter()
                .any(|e| e.name == s && e.kind == EntityKind::Organization)
        }) && tokenize(&f.sentence)
            .iter()
            .any(|t| t.arabic && sets().roles.contains(&t.key))
    };
    if !figures.iter().any(|f| roleish(f) || body(f)) {
        return;
    }
    let split: Vec<Vec<&str>> = paragraphs.iter().map(|p| sentences::split(p)).collect();
    let spans: Vec<Vec<marks::Span>> = paragraphs.iter().map(|t| marks::spans(t)).collect();
    let ctx = context(paragraphs, &split, entities, &spans);
    for f in figures.iter_mut() {
        let p = f.paragraph as usize;
        let Some(text) = paragraphs.get(p) else {
            continue;
        };
        let at = text.find(f.sentence.as_str()).unwrap_or(0);
        if body(f) {
            if let Some(e) = role_of_body(&ctx, p, at, at + f.sentence.len(), f) {
                f.cited_source = Some(entities[e].name.clone());
            }
            continue;
        }
        if !roleish(f) {
            continue;
        }
        let source = f.cited_source.clone().unwrap_or_default();
        let toks = tokenize(&source);
        let document = names_document(&toks);
        let found = if document {
            publisher(&ctx, p, at)
        } else {
            role_holder(&ctx, p, &toks, &source).filter(|&e| ctx.is_person(e))
        };
        if let Some(e) = found {
            f.cited_source = Some(entities[e].name.clone());
        }
    }
}

/// The person behind a body cited after a role word in the sentence
/// `[ss, se)` of paragraph `p`: the name in apposition after the body
/// ("سخنگوی وزارت X، Y، گفت"), else the person named with the role and the
/// body before ("رئیس انجمن X" after "Y، رئیس این انجمن").
fn role_of_body(
    ctx: &Ctx<'_>,
    p: usize,
    ss: usize,
    se: usize,
    f: &crate::figures::FoundFigure,
) -> Option<usize> {
    let text = &ctx.paragraphs[p];
    let source = f.cited_source.as_deref()?;
    let m = ctx
        .mentions_in(p, ss, se)
        .find(|m| ctx.entities[m.entity].name == source)?;
    let before = tokenize(&text[ss..m.start]);
    let role = before.last()?;
    if !(role.arabic && sets().roles.contains(&role.key)) {
        return None;
    }
    let apposed = ctx.mentions_in(p, m.end, se).find(|n| {
        ctx.is_person(n.entity)
            && text[m.end..n.start]
                .trim()
                .chars()
                .all(|c| matches!(c, ',' | '،'))
    });
    if let Some(n) = apposed {
        return Some(n.entity);
    }
    let toks = tokenize(&text[ss + role.start..m.end]);
    role_holder(ctx, p, &toks, "").filter(|&e| ctx.is_person(e))
}

/// Most articles quote nobody.
fn has_marks(paragraphs: &[String]) -> bool {
    paragraphs
        .iter()
        .any(|t| t.contains(['“', '"', '«', '„', '‘']))
}

/// [`find`] given the paragraphs' sentences ([`sentences::split`] of each).
pub(crate) fn find_split(
    paragraphs: &[String],
    split: &[Vec<&str>],
    entities: &[FoundEntity],
    outlet: Option<&str>,
) -> Vec<FoundQuote> {
    let interview = has_interview(paragraphs);
    let turns = has_named_turns(paragraphs);
    let posts = has_posts(paragraphs);
    if !has_marks(paragraphs) && !interview && !turns && !posts {
        return Vec::new();
    }
    let spans: Vec<Vec<marks::Span>> = paragraphs.iter().map(|t| marks::spans(t)).collect();
    let ctx = context(paragraphs, split, entities, &spans);
    let logicals = logical_quotes(paragraphs, &spans);
    let mut out = Vec::new();
    // The last attributed quotation: (paragraph where it ended, speaker).
    let mut last: Option<(usize, Speaker)> = None;
    for q in &logicals {
        let (p0, first) = q.parts[0];
        let (pn, lastpart) = *q.parts.last().unwrap_or(&q.parts[0]);
        let text: Vec<&str> = q
            .parts
            .iter()
            .map(|&(p, s)| paragraphs[p][s.inner_start..s.inner_end].trim())
            .collect();
        let quote = text
            .join(" ")
            .trim()
            .trim_end_matches([',', '،', ';', ' '])
            .trim()
            .to_string();
        if !(is_quotation(&quote, &paragraphs[p0], first.open)
            || short_attributed(&ctx, p0, &first, q.parts.len(), &quote))
            || not_speech(&ctx, p0, first.open)
        {
            continue;
        }
        // A quotation split by its attribution: the words after a part.
        let split_speaker = || {
            q.parts[..q.parts.len() - 1]
                .iter()
                .filter(|&&(p, _)| p == pn)
                .find_map(|&(p, s)| attribute_after(&ctx, p, &s))
        };
        let speaker = attribute_after(&ctx, pn, &lastpart)
            .or_else(split_speaker)
            .or_else(|| attribute_before(&ctx, p0, &first))
            .or_else(|| back_reference(&ctx, pn, &lastpart).map(Some))
            .or_else(|| continuation(&ctx, p0, &first, last.as_ref()))
            .or_else(|| nearby_speaker(&ctx, p0, &first, pn, &lastpart))
            .flatten();
        let Some(speaker) = speaker else { continue };
        let (name, key) = match &speaker {
            Speaker::Entity(e) => (entities[*e].name.clone(), Some(entities[*e].key.clone())),
            Speaker::Outlet => match outlet {
                Some(o) => (o.to_string(), None),
                None => continue,
            },
        };
        last = Some((pn, speaker));
        let sentence = q
            .parts
            .iter()
            .map(|&(p, s)| {
                let (a, _) = ctx.sentence_at(p, s.open);
                let (_, b) = ctx.sentence_at(p, s.close_end.saturating_sub(1).max(s.open));
                paragraphs[p][a..b].trim()
            })
            .fold(Vec::<&str>::new(), |mut v, s| {
                if v.last() != Some(&s) {
                    v.push(s);
                }
                v
            })
            .join(" ");
        out.push(FoundQuote {
            speaker: name,
            speaker_key: key,
            quote,
            sentence,
            paragraph: p0 as u32,
        });
    }
    if interview {
        out.extend(interview_answers(&ctx));
    }
    if turns {
        out.extend(named_turns(&ctx));
    }
    if posts {
        out.extend(posted_statements(&ctx));
    }
    if interview || turns || posts {
        out.sort_by_key(|q| q.paragraph);
    }
    out
}

/// The last line of an embedded social media post as the extractor writes
/// it ("— Zabihullah Mujahid (@Zabehulah_M33), 4 December 2026"): the
/// byte where the line starts and the range of the poster's name.
fn posted_by(text: &str) -> Option<(usize, usize, usize)> {
    let line = text.rfind('\n')? + 1;
    let rest = text[line..].strip_prefix("— ")?;
    let name_end = rest.find(" (@")?;
    rest[name_end..].find(')')?;
    let name = line + "— ".len();
    Some((line, name, name + name_end))
}

fn has_posts(paragraphs: &[String]) -> bool {
    paragraphs.iter().any(|p| posted_by(p).is_some())
}

/// Embedded posts (see [`posted_by`]) whose poster is a person or an
/// organisation of the article: the post's words are their quotation.
fn posted_statements(ctx: &Ctx<'_>) -> Vec<FoundQuote> {
    let mut out = Vec::new();
    for (p, text) in ctx.paragraphs.iter().enumerate() {
        let Some((line, a, b)) = posted_by(text) else {
            continue;
        };
        let words = text[..line]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if word_count(&words) < 4 {
            continue;
        }
        let Some(m) = ctx
            .mentions_in(p, a, b)
            .find(|m| ctx.entities[m.entity].kind != EntityKind::Place)
        else {
            continue;
        };
        let e = &ctx.entities[m.entity];
        out.push(FoundQuote {
            speaker: e.name.clone(),
            speaker_key: Some(e.key.clone()),
            quote: words.clone(),
            sentence: words,
            paragraph: p as u32,
        });
    }
    out
}

/// Markers opening the paragraphs of an interview transcript: questions,
/// then answers (normalised, without the colon).
const QUESTION_MARKERS: &[&str] = &["q", "question", "پرسش", "سوال", "سؤال", "پوښتنه", "س"];
const ANSWER_MARKERS: &[&str] = &["a", "answer", "پاسخ", "جواب", "ځواب", "ج"];

/// The marker opening a paragraph ("Q:", "پاسخ:"), lower-cased and
/// normalised, and the text after it.
fn transcript_marker(text: &str) -> Option<(String, &str)> {
    let text = text.trim_start();
    let (head, rest) = text.split_once(':')?;
    if head.is_empty() || head.chars().count() > 10 || head.contains(char::is_whitespace) {
        return None;
    }
    Some((normalize(&head.to_lowercase()), rest.trim()))
}

/// Whether `marker` (normalised) is one of `list`.
fn is_marker(list: &[&str], marker: &str) -> bool {
    list.iter().any(|l| normalize(l) == marker)
}

/// The head of a paragraph opened by a name and a colon ("Ahmadzai: …",
/// "Kabul Monitor: …"): at most four words before the colon, and words
/// after it. Its byte length.
fn named_head(text: &str) -> Option<usize> {
    let lead = text.len() - text.trim_start().len();
    let (head, rest) = text[lead..].split_once(':')?;
    let words = head.split_whitespace().count();
    let first = head.chars().next()?;
    let ok = (1..=4).contains(&words)
        && head.len() <= 48
        && (first.is_uppercase() || crate::entities::tokens::is_arabic(first))
        && head
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '.' || c == '-' || c == '\u{200c}')
        && !rest.trim().is_empty();
    ok.then_some(lead + head.len())
}

/// Whether the article reads as a transcript whose turns open with the
/// speakers' names ("Kabul Monitor: …" / "Ahmadzai: …"): two paragraphs
/// or more opened so.
fn has_named_turns(paragraphs: &[String]) -> bool {
    paragraphs
        .iter()
        .filter(|p| named_head(p).is_some())
        .count()
        >= 2
}

/// The turns of a transcript opened by a person's name ("Ahmadzai: …"):
/// quotations of that person. Turns opened by anything else (the outlet,
/// "Interviewer") are the questions.
fn named_turns(ctx: &Ctx<'_>) -> Vec<FoundQuote> {
    let mut out = Vec::new();
    for (p, text) in ctx.paragraphs.iter().enumerate() {
        let Some(head_end) = named_head(text) else {
            continue;
        };
        let lead = text.len() - text.trim_start().len();
        let Some(m) = ctx
            .placed
            .iter()
            .find(|m| m.paragraph as usize == p && m.start == lead && m.end == head_end)
        else {
            continue;
        };
        if !ctx.is_person(m.entity) {
            continue;
        }
        let answer = text[head_end + 1..].trim();
        if word_count(answer) < 4 {
            continue;
        }
        let e = &ctx.entities[m.entity];
        out.push(FoundQuote {
            speaker: e.name.clone(),
            speaker_key: Some(e.key.clone()),
            quote: answer.to_string(),
            sentence: text.trim().to_string(),
            paragraph: p as u32,
        });
    }
    out
}

/// Whether the article holds an interview transcript: a paragraph opened
/// by a question marker and one opened by an answer marker.
fn has_interview(paragraphs: &[String]) -> bool {
    let marked = |list: &[&str]| {
        paragraphs.iter().any(|p| {
            transcript_marker(p).is_some_and(|(m, rest)| !rest.is_empty() && is_marker(list, &m))
        })
    };
    marked(QUESTION_MARKERS) && marked(ANSWER_MARKERS)
}

/// The answers of an interview transcript ("Q: …" / "A: …"), each a
/// quotation of the interviewee: the first person the article names before
/// the first question.
fn interview_answers(ctx: &Ctx<'_>) -> Vec<FoundQuote> {
    let paragraphs = ctx.paragraphs;
    let Some(first_q) = paragraphs
        .iter()
        .position(|p| transcript_marker(p).is_some_and(|(m, _)| is_marker(QUESTION_MARKERS, &m)))
    else {
        return Vec::new();
    };
    let Some(person) = ctx
        .placed
        .iter()
        .find(|m| {
            (m.paragraph as usize) < first_q && ctx.is_person(m.entity) && !ctx.inside_quote(m)
        })
        .map(|m| m.entity)
    else {
        return Vec::new();
    };
    let e = &ctx.entities[person];
    paragraphs
        .iter()
        .enumerate()
        .skip(first_q)
        .filter_map(|(p, text)| {
            let (m, answer) = transcript_marker(text)?;
            if !is_marker(ANSWER_MARKERS, &m) || word_count(answer) < 4 {
                return None;
            }
            Some(FoundQuote {
                speaker: e.name.clone(),
                speaker_key: Some(e.key.clone()),
                quote: answer.to_string(),
                sentence: text.trim().to_string(),
                paragraph: p as u32,
            })
        })
        .collect()
}

/// The quotations of the article, a quotation left open at a paragraph's
/// end joined with the next paragraph's when that one opens with a mark,
/// or with the paragraphs up to one that closes it without reopening.
/// `spans` are the paragraphs' quotation marks ([`marks::spans`]).
fn logical_quotes(paragraphs: &[String], spans: &[Vec<marks::Span>]) -> Vec<Logical> {
    let mut out: Vec<Logical> = Vec::new();
    let mut open: Option<Logical> = None;
    for ((p, text), spans) in paragraphs.iter().enumerate().zip(spans) {
        let starts_quoted = text.trim_start().starts_with(['“', '"', '«', '„', '‘'])
            && spans
                .first()
                .is_some_and(|s| text[..s.open].trim().is_empty());
        let mut rest = &spans[..];
        if let Some(mut cont) = open.take() {
            let (p0, first) = cont.parts[0];
            let opener = paragraphs[p0][first.open..].chars().next().unwrap_or('"');
            if !starts_quoted && let Some(close) = unopened_close(text, opener) {
                // A statement quoted at length whose later paragraphs do
                // not reopen the marks: this one closes it.
                let after = close + text[close..].chars().next().map_or(0, char::len_utf8);
                cont.parts.push((
                    p,
                    marks::Span {
                        open: 0,
                        inner_start: 0,
                        inner_end: close,
                        close_end: after,
                        closed: true,
                    },
                ));
                out.push(cont);
                rest = &spans[spans.partition_point(|s| s.open < after)..];
            } else if !starts_quoted
                && spans.is_empty()
                && runs_on_to_close(&paragraphs[p..], opener)
            {
                // A paragraph in the middle of such a statement.
                cont.parts.push((
                    p,
                    marks::Span {
                        open: 0,
                        inner_start: 0,
                        inner_end: text.len(),
                        close_end: text.len(),
                        closed: false,
                    },
                ));
                open = Some(cont);
                continue;
            } else if starts_quoted {
                let s = rest[0];
                cont.parts.push((p, s));
                rest = &rest[1..];
                if s.closed {
                    out.push(cont);
                } else {
                    open = Some(cont);
                    continue;
                }
            } else {
                // The run-on ended at the last paragraph after all.
                out.push(cont);
            }
        }
        for &s in rest {
            // "“We will,” he said, “rebuild.”": one quotation around its
            // attribution.
            if let Some(prev) = out.last_mut()
                && let Some(&(pp, ps)) = prev.parts.last()
                && pp == p
                && split_by_attribution(text, &ps, &s)
            {
                prev.parts.push((p, s));
                if !s.closed {
                    open = out.pop();
                }
                continue;
            }
            let l = Logical {
                parts: vec![(p, s)],
            };
            if s.closed {
                out.push(l);
            } else {
                open = Some(l);
            }
        }
    }
    if let Some(l) = open {
        out.push(l);
    }
    out
}

/// The byte offset of a closing mark for `opener` (» for «, ” for “) that
/// no opening mark in `text` comes before: the end of a quotation opened
/// in an earlier paragraph. Straight marks, which open and close alike,
/// never count.
fn unopened_close(text: &str, opener: char) -> Option<usize> {
    let close = match opener {
        '«' => '»',
        '“' | '„' => '”',
        _ => return None,
    };
    let at = text.find(close)?;
    (!text[..at].contains(['«', '“', '„', '"'])).then_some(at)
}

/// Whether the first of `paragraphs`, which has no quotation marks, sits
/// inside a quotation opened before it: one of the next two paragraphs
/// closes it with no mark before ([`unopened_close`]), the ones between
/// holding no marks.
fn runs_on_to_close(paragraphs: &[String], opener: char) -> bool {
    for text in paragraphs.iter().skip(1).take(2) {
        if unopened_close(text, opener).is_some() {
            return true;
        }
        if text.contains(['“', '”', '"', '«', '»', '„']) {
            return false;
        }
    }
    false
}

/// Whether quotation `next` goes on with `prev` (both in `text`) past a
/// short attribution between them: "“We will,” he said, “rebuild.”",
/// "«…»، مجاهد گفت، «…»". The first part ends without a full stop, the
/// words between hold a speech verb and end with a comma, and the second
/// part does not open with a capital.
fn split_by_attribution(text: &str, prev: &marks::Span, next: &marks::Span) -> bool {
    if !prev.closed || next.open < prev.close_end {
        return false;
    }
    let first = text[prev.inner_start..prev.inner_end].trim_end();
    if first.ends_with(['.', '!', '?', '؟', '۔', '…']) {
        return false;
    }
    let between = text[prev.close_end..next.open].trim();
    if !between.ends_with([',', '،']) {
        return false;
    }
    let toks = tokenize(between);
    if toks.is_empty() || toks.len() > 8 || !toks.iter().any(is_verb) {
        return false;
    }
    !text[next.inner_start..]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Words, for counting.
fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// Whether the words in marks are a quotation: four words or more, not a
/// title ("a report titled “…”", or Capitalised Words without a full stop).
fn is_quotation(quote: &str, text: &str, open: usize) -> bool {
    let words = word_count(quote);
    if words < 4 {
        return false;
    }
    // The word before the marks only.
    let head = text[..open].trim_end();
    let last_word = head.rfind(char::is_whitespace).map_or(head, |k| &head[k..]);
    let before = tokenize(last_word);
    if let Some(t) = before.last()
        && in_list(TITLE_CUES, &t.key)
    {
        return false;
    }
    let latin: Vec<&str> = quote
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() && !crate::entities::tokens::is_arabic(c))
        })
        .collect();
    let titled = latin.len() == words
        && words <= 10
        && latin
            .iter()
            .filter(|w| w.len() > 3)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !quote.trim_end().ends_with(['.', '!', '?', '…']);
    !titled
}

/// Whether words in marks too few for [`is_quotation`] are a quotation
/// all the same: two or three words opening their sentence, ended by a
/// comma or a full stop inside the marks, and a speech verb with its
/// speaker right after ("“We need more,” the spokesman said."). A scare
/// quote inside a sentence ("had “no information”") is none.
fn short_attributed(ctx: &Ctx<'_>, p: usize, s: &marks::Span, parts: usize, quote: &str) -> bool {
    if parts != 1 || !s.closed || word_count(quote) < 2 {
        return false;
    }
    let text = &ctx.paragraphs[p];
    let (sent_start, _) = ctx.sentence_at(p, s.open);
    let inner = text[s.inner_start..s.inner_end.max(s.inner_start)].trim_end();
    wordless(text, sent_start, s.open)
        && inner.ends_with([',', '،', '.', '!', '?'])
        && matches!(attribute_after(ctx, p, s), Some(Some(_)))
}

/// A speech verb among `toks`: its index.
fn is_verb(t: &Token) -> bool {
    if t.arabic {
        sets().verbs.contains(&t.key)
    } else {
        in_list(EN_VERBS, &t.key)
    }
}

/// "“…,” said X" / "“…,” X said" / "«…»، X گفت": the speaker after the marks.
fn attribute_after(ctx: &Ctx<'_>, p: usize, s: &marks::Span) -> Option<Option<Speaker>> {
    if !s.closed {
        return None;
    }
    let text = &ctx.paragraphs[p];
    let (_, sent_end) = ctx.sentence_at(p, s.close_end.saturating_sub(1));
    let mut end = sent_end.max(s.close_end);
    // Stop at the next quotation.
    if let Some(next) = text[s.close_end..end].find(['“', '«', '„', '"']) {
        end = s.close_end + next;
    }
    let window = &text[s.close_end..end];
    let toks = tokenize(window);
    // "“…,” according to X." / "«…»، به گفته X." / "«…»، د X په وینا."
    if let Some((a, b, closest_last)) = according_after(&toks) {
        return Some(resolve(
            ctx,
            p,
            s.close_end + a,
            b.map_or(end, |b| s.close_end + b),
            s.open,
            closest_last,
        ));
    }
    // "«…،» دا خبره X وکړه": a word pointing back at the quotation and a
    // noun for what was said, in the same sentence, then the speaker.
    let points_back = toks.len() >= 3
        && BACK_REFERENCES
            .iter()
            .any(|w| normalize(w) == toks[0].key || *w == toks[0].key)
        && if toks[1].arabic {
            sets().speech_nouns.contains(&toks[1].key)
        } else {
            in_list(SPEECH_NOUNS, &toks[1].key)
        };
    if points_back
        && let Some(m) = ctx
            .mentions_in(p, s.close_end, end)
            .find(|m| ctx.is_person(m.entity) && !after_preposition(text, s.close_end, m.start))
    {
        return Some(Some(Speaker::Entity(m.entity)));
    }
    let first_verb = toks.iter().take(12).position(is_verb)?;
    let verb = &toks[first_verb];
    let verb_first = first_verb == 0 || (toks[0].arabic && sets().verb_first.contains(&verb.key));
    let (a, b) = if verb_first {
        let from = verb.end;
        // The subject ends at the sentence's end (names and roles follow).
        (s.close_end + from, end)
    } else {
        (s.close_end, s.close_end + verb.start)
    };
    Some(resolve(ctx, p, a, b, s.open, !verb_first))
}

/// Words right after a quotation that attribute it without a speech verb:
/// "according to X", "به گفته X" (Dari), "بحسب X" (Arabic), "د X په وینا"
/// and "د X خبره ده" (Pashto). The byte range of the words naming the speaker within the
/// window (an open end: up to the window's end), and whether the name
/// nearest the end is the one meant.
fn according_after(toks: &[Token]) -> Option<(usize, Option<usize>, bool)> {
    let key = |k: usize| toks.get(k).map_or("", |t| t.key.as_str());
    if key(0) == "according" && key(1) == "to" {
        return Some((toks[1].end, None, false));
    }
    let k0 = key(0);
    if k0 == normalize("به") && key(1) == normalize("گفته") {
        return Some((toks[1].end, None, false));
    }
    if ["بحسب", "حسب", "وفقا", "وبحسب"]
        .iter()
        .any(|w| normalize(w) == k0)
    {
        return Some((toks[0].end, None, false));
    }
    if k0 == normalize("د") {
        let pa = normalize("په");
        let vina = normalize("وینا");
        if let Some(k) = toks
            .iter()
            .take(10)
            .position(|t| t.key == vina)
            .filter(|&k| k >= 2 && toks[k - 1].key == pa)
        {
            return Some((toks[0].end, Some(toks[k - 1].start), true));
        }
        // "«…»، د X خبره ده": the words are X's.
        let nouns = [normalize("خبره"), normalize("خبرې")];
        let copulas = [
            normalize("ده"),
            normalize("دي"),
            normalize("وه"),
            normalize("وې"),
        ];
        if let Some(k) = toks
            .iter()
            .take(8)
            .position(|t| nouns.contains(&t.key))
            .filter(|&k| k >= 2 && toks.get(k + 1).is_some_and(|t| copulas.contains(&t.key)))
        {
            return Some((toks[0].end, Some(toks[k].start), true));
        }
    }
    None
}

/// Whether marks opening after `before` (the sentence's words up to
/// them) quote a phrase inside reported speech, not a quotation: "said the
/// bank would “continue to use all its tools” to protect …", "told AP that
/// “the scale … has no parallel.”" (English: the quoted words start in
/// lower case, two words or more follow the verb with no colon or comma,
/// and "as" is not right before the marks), "وقالت … إن القيود المفروضة
/// على النساء «…»" (Arabic: words between "إن"/"أن" and the marks). `rest`,
/// the sentence's words after the marks, does not decide it.
fn closes_reported_speech(before: &str, quoted: &str, rest: &str) -> bool {
    let head = before.trim_end();
    if head.is_empty() || head.ends_with(':') {
        return false;
    }
    // After a comma only a clause of its own in Arabic script ("گفت که
    // اگر …، «…»") runs on into the marks.
    let comma = head.ends_with([',', '،', '—', '–', '-']);
    let toks = tokenize(head);
    let Some(v) = toks.iter().rposition(is_verb) else {
        return false;
    };
    let after = toks.len() - v - 1;
    let first = quoted.chars().find(|c| c.is_alphabetic());
    if comma && !toks[v].arabic {
        // "said the floods had carried away 600 head of livestock, “the
        // only savings they had.”": words in lower case after a comma,
        // ending the sentence, describe what was reported.
        return first.is_some_and(|c| c.is_lowercase())
            && after >= 2
            && !rest.chars().any(char::is_alphanumeric);
    }
    if first.is_some_and(|c| c.is_lowercase()) {
        // "described the exclusion as “too high a price to pay”": the
        // words in marks are what was said.
        if toks.last().is_some_and(|t| t.key == "as") {
            return false;
        }
        return after >= 2 && !toks[v].arabic;
    }
    // "إن"/"أن" (Arabic), "که" (Dari), "چې" (Pashto), "کہ" (Urdu) then
    // words before the marks.
    let anna = toks[v + 1..].iter().rposition(|t| {
        t.arabic
            && (t.key == "ان"
                || t.key == normalize("أن")
                || t.key == normalize("که")
                || t.key == normalize("چې")
                || t.key == normalize("کہ"))
    });
    if anna.is_some_and(|k| after > k + if comma { 2 } else { 1 }) {
        return true;
    }
    // "گفت کتاب‌هایی که «…» باشند اجازه ندارند": words of the reported
    // clause before the marks and its sentence running on after them.
    let rest_words = tokenize(rest).iter().filter(|t| t.arabic).count();
    toks[v].arabic
        && !comma
        && after >= 2
        && rest_words >= 2
        && !rest.trim_start().starts_with([',', '،', '؛'])
}

/// "X said: “…”" / "X گفت: «…»": the speaker before the marks, in the
/// same sentence, or ending the paragraph before when the quotation opens
/// its own paragraph ("The minister said:" / "“…”").
fn attribute_before(ctx: &Ctx<'_>, p: usize, s: &marks::Span) -> Option<Option<Speaker>> {
    let text = &ctx.paragraphs[p];
    let (sent_start, _) = ctx.sentence_at(p, s.open);
    let (_, sent_end) = ctx.sentence_at(p, s.close_end.saturating_sub(1).max(s.open));
    let rest = text
        .get(s.close_end..sent_end.max(s.close_end))
        .unwrap_or("");
    let inner = &text[s.inner_start..s.inner_end.max(s.inner_start)];
    if closes_reported_speech(&text[sent_start..s.open], inner, rest) {
        return Some(None);
    }
    if p > 0 && text[..s.open].trim().is_empty() {
        let prev = ctx.paragraphs[p - 1].trim_end();
        if prev.ends_with(':') {
            let (start, _) = ctx.sentence_at(p - 1, prev.len().saturating_sub(1));
            if let Some(Some(speaker)) =
                attribute_before_at(ctx, p - 1, start.min(prev.len()), prev.len())
            {
                return Some(Some(speaker));
            }
        }
    }
    attribute_before_at(ctx, p, sent_start, s.open)
}

/// The speaker named in bytes `[sent_start, open)` of paragraph `p`, the
/// words of a sentence before its quotation.
fn attribute_before_at(
    ctx: &Ctx<'_>,
    p: usize,
    sent_start: usize,
    open: usize,
) -> Option<Option<Speaker>> {
    let text = &ctx.paragraphs[p];
    let window = &text[sent_start..open];
    let toks = tokenize(window);
    // "به گفته X، «…»" (Dari): according to X.
    if let Some(k) = toks
        .iter()
        .rposition(|t| t.key == normalize("گفته"))
        .filter(|&k| k > 0 && toks[k - 1].key == normalize("به"))
        && toks.len() - k <= 6
    {
        return Some(resolve(ctx, p, sent_start + toks[k].end, open, open, false));
    }
    // "د X په وینا، «…»" (Pashto) and "X کے مطابق: «…»" (Urdu): according
    // to X, the two words closing the sentence before the marks.
    for (first, second) in [("په", "وینا"), ("کے", "مطابق")] {
        if let Some(k) = toks
            .iter()
            .rposition(|t| t.key == normalize(second))
            .filter(|&k| k > 0 && toks[k - 1].key == normalize(first))
            && toks.len() - k <= 2
        {
            return Some(resolve(
                ctx,
                p,
                sent_start,
                sent_start + toks[k - 1].start,
                open,
                true,
            ));
        }
    }
    // "According to X, “…”"
    if let Some(acc) = toks.iter().rposition(|t| t.key == "according")
        && toks.get(acc + 1).is_some_and(|t| t.key == "to")
        && !toks[acc + 2..].iter().any(is_verb)
    {
        return Some(resolve(
            ctx,
            p,
            sent_start + toks[acc + 1].end,
            open,
            open,
            false,
        ));
    }
    let Some(v) = toks.iter().rposition(is_verb) else {
        // "Iran’s envoy, Hassan Kazemi Qomi, called for calm: “…”": a colon
        // right before the marks after a person's name.
        if window.trim_end().ends_with(':') {
            let person = ctx
                .mentions_in(p, sent_start, open)
                .filter(|m| ctx.is_person(m.entity) && !ctx.inside_quote(m))
                .last()
                .map(|m| Speaker::Entity(m.entity));
            return person.map(Some);
        }
        return None;
    };
    // An Arabic sentence opened by its verb ("وجاء في بيان الوزارة: «…»"):
    // that verb, not a later word that can be one ("بيان").
    let v = toks
        .iter()
        .take(2)
        .position(|t| t.arabic && sets().verb_first.contains(&t.key))
        .unwrap_or(v);
    // Few words between the verb and the marks: "told TOLOnews,", "said in
    // a statement:", "described the move as"; more after an Arabic verb
    // that opens the sentence, since its subject and the subject's role
    // follow it ("وقالت X، الممثلة الخاصة …، أمام مجلس الأمن: «…»").
    let verb = &toks[v];
    let arabic_first = verb.arabic && sets().verb_first.contains(&verb.key) && v <= 1;
    if toks.len() - v - 1 > if arabic_first { 20 } else { 8 } {
        return None;
    }
    if verb.arabic && sets().verb_first.contains(&verb.key) {
        // "وقال X: «…»": the subject follows the verb.
        let a = sent_start + verb.end;
        return Some(resolve(ctx, p, a, open, open, false).or_else(|| pronoun(ctx, p, open)));
    }
    Some(resolve(
        ctx,
        p,
        sent_start,
        sent_start + verb.start,
        open,
        true,
    ))
}

/// A quotation with no cue: the previous one's speaker when it follows
/// it in the same paragraph, or makes up a paragraph right after it.
fn continuation(
    ctx: &Ctx<'_>,
    p: usize,
    s: &marks::Span,
    last: Option<&(usize, Speaker)>,
) -> Option<Option<Speaker>> {
    let (lp, speaker) = last?;
    let text = &ctx.paragraphs[p];
    let whole_paragraph = text[..s.open].trim().is_empty();
    if *lp == p || (whole_paragraph && *lp + 1 == p) {
        return Some(Some(speaker.clone()));
    }
    // "X said:" ending the previous paragraph.
    None
}

/// Words before quotation marks that show the words are not speech: a
/// headline, a banner, a chant, a nickname ("the front page read “…”",
/// "protesters chanted “…”", "nicknamed “…”"). Normalised.
const NOT_SPEECH: &[&str] = &[
    "headline",
    "headlines",
    "banner",
    "banners",
    "placard",
    "placards",
    "chanted",
    "chanting",
    "chant",
    "chants",
    "nicknamed",
    "nickname",
    "caption",
    "motto",
    "tagline",
    "graffiti",
    "تیتر",
    "شعار",
    "شعارهای",
];

/// Whether the words before the marks at `open`, in their sentence, show
/// the quoted words are no speech ([`NOT_SPEECH`], "the front page read",
/// "known as").
fn not_speech(ctx: &Ctx<'_>, p: usize, open: usize) -> bool {
    let (sent_start, _) = ctx.sentence_at(p, open);
    let tail = tokenize(&ctx.paragraphs[p][sent_start..open]);
    let key = |k: usize| tail.get(k).map_or("", |t| t.key.as_str());
    (0..tail.len()).any(|k| {
        let w = key(k);
        if tail[k].arabic {
            sets().not_speech.contains(w)
        } else {
            in_list(NOT_SPEECH, w)
                || (w == "front" && key(k + 1) == "page")
                || (w == "known" && (key(k + 1) == "as" || key(k + 2) == "as"))
        }
    })
}

/// Nouns for what someone said, naming the speaker in the sentence after
/// a quotation: "Those were X's words." Normalised.
const SPEECH_NOUNS: &[&str] = &[
    "words",
    "remarks",
    "comments",
    "message",
    "reply",
    "answer",
    "question",
    "سخنان",
    "خبرې",
    "خبره",
    "الفاظ",
    "سوال",
    "سؤال",
    "بات",
];

/// Words opening a sentence that point back at the quotation before it:
/// "Those were X's words", Dari "این را X گفت", Urdu "یہ سوال X نے کیا",
/// Pashto "دا خبره X وکړه", Arabic "هكذا قال X". Normalised.
const BACK_REFERENCES: &[&str] = &[
    "those", "these", "that", "this", "such", "این", "یہ", "دا", "هذا", "هذه", "هکذا",
];

/// "«…» این را X گفت.", "“…” یہ سوال X نے کیا۔": a quotation making up its
/// sentence, and the next sentence of its paragraph opening with a word
/// that points back at it and naming a person with a speech verb or noun.
/// That person speaks, before any earlier speaker's claim by position.
fn back_reference(ctx: &Ctx<'_>, pn: usize, lastpart: &marks::Span) -> Option<Speaker> {
    if !lastpart.closed {
        return None;
    }
    let textn = &ctx.paragraphs[pn];
    let (s0, _) = ctx.sentence_at(pn, lastpart.open);
    let (_, en) = ctx.sentence_at(pn, lastpart.close_end.saturating_sub(1));
    let en = en.max(lastpart.close_end);
    if !before_quote_wordless(textn, s0, lastpart.open) || !wordless(textn, lastpart.close_end, en)
    {
        return None;
    }
    if en >= textn.len() {
        return None;
    }
    let (ns, ne, toks) = sentence_tokens(ctx, pn, en);
    let opens = toks.first().is_some_and(|t| {
        BACK_REFERENCES
            .iter()
            .any(|w| normalize(w) == t.key || *w == t.key)
    });
    let speechy = toks.iter().any(|t| {
        is_verb(t)
            || if t.arabic {
                sets().speech_nouns.contains(&t.key)
            } else {
                in_list(SPEECH_NOUNS, &t.key)
            }
    });
    if !opens || !speechy || ctx.quoted[pn].iter().any(|&(a, _)| a >= ns && a < ne) {
        return None;
    }
    ctx.mentions_in(pn, ns, ne)
        .find(|m| ctx.is_person(m.entity) && !after_preposition(textn, ns, m.start))
        .map(|m| Speaker::Entity(m.entity))
}

/// Whether the text from byte `a` to `b` of `text` holds no words (only
/// marks, punctuation and spaces).
fn wordless(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b.max(a))
        .is_none_or(|t| !t.chars().any(char::is_alphanumeric))
}

/// Whether the text from byte `a` to the quotation's mark at `b` holds no
/// words, or only the article's dateline ("MAZAR-I-SHARIF — “…”", "کابل —
/// «…»"): a place in capitals or a few words before a dash.
fn before_quote_wordless(text: &str, a: usize, b: usize) -> bool {
    if wordless(text, a, b) {
        return true;
    }
    let Some(head) = text.get(a..b.max(a)) else {
        return true;
    };
    let Some(place) = head.trim_end().strip_suffix(['—', '–']) else {
        return false;
    };
    !place.chars().any(char::is_lowercase) && place.split_whitespace().count() <= 4
}

/// The sentence of paragraph `p` holding byte `at`, its range and words.
fn sentence_tokens(ctx: &Ctx<'_>, p: usize, at: usize) -> (usize, usize, Vec<Token>) {
    let (a, b) = ctx.sentence_at(p, at);
    (a, b, tokenize(&ctx.paragraphs[p][a..b]))
}

/// The subject of the speech verb `toks[v]` in the sentence starting at
/// byte `start` of paragraph `p`: before it, or after an Arabic verb that
/// opens its clause.
fn verb_subject(
    ctx: &Ctx<'_>,
    p: usize,
    start: usize,
    end: usize,
    toks: &[Token],
    v: usize,
    quote_at: usize,
) -> Option<Speaker> {
    let verb = &toks[v];
    if verb.arabic && sets().verb_first.contains(&verb.key) {
        resolve(ctx, p, start + verb.end, end, quote_at, false)
    } else {
        resolve(ctx, p, start, start + verb.start, quote_at, true)
    }
}

/// A quotation that no pattern claimed, attributed by evidence around it:
///
/// - a speech verb anywhere in its sentence, before the marks (the words
///   right before them closing a clause: ":", ",", "—") or after them,
///   its subject speaking;
/// - when the quotation makes up its sentence: the sentence before it in
///   the paragraph, whose speech verb's subject, or whose opening name
///   ("X was blunt. “…”"), speaks; the last sentence of the paragraph
///   before, when the quotation opens its paragraph and that sentence has
///   a speech verb; or the sentence after it in the paragraph naming a
///   person with a speech verb or noun ("Those were X's words").
///
/// `None` when nothing around it names a speaker.
fn nearby_speaker(
    ctx: &Ctx<'_>,
    p0: usize,
    first: &marks::Span,
    pn: usize,
    lastpart: &marks::Span,
) -> Option<Option<Speaker>> {
    let text0 = &ctx.paragraphs[p0];
    let (s0, _) = ctx.sentence_at(p0, first.open);
    // A speech verb before the marks, in the same sentence.
    let before = tokenize(&text0[s0..first.open]);
    let clause_end = text0[s0..first.open]
        .trim_end()
        .ends_with([':', ',', '،', '—', '–']);
    if clause_end && let Some(v) = before.iter().rposition(is_verb) {
        let found = verb_subject(ctx, p0, s0, first.open, &before, v, first.open);
        if found.is_some() {
            return Some(found);
        }
    }
    // A speech verb after the marks, in the same sentence.
    let textn = &ctx.paragraphs[pn];
    let (_, en) = ctx.sentence_at(pn, lastpart.close_end.saturating_sub(1));
    let en = en.max(lastpart.close_end);
    if lastpart.closed {
        let mut end = en;
        if let Some(next) = textn[lastpart.close_end..end].find(['“', '«', '„', '"']) {
            end = lastpart.close_end + next;
        }
        let after = tokenize(&textn[lastpart.close_end..end]);
        if let Some(v) = after.iter().position(is_verb) {
            // Where the quotation starts in paragraph `pn`: byte offsets
            // never cross paragraphs.
            let open_n = if pn == p0 { first.open } else { 0 };
            let found = verb_subject(ctx, pn, lastpart.close_end, end, &after, v, open_n);
            if found.is_some() {
                return Some(found);
            }
        }
    }
    // A few words with a pronoun before the marks: "In his view, “…”",
    // "به باور او، «…»".
    if before.len() <= 4
        && text0[s0..first.open].trim_end().ends_with([',', '،', ':'])
        && before.iter().any(|t| {
            if t.arabic {
                sets().pronouns.contains(&t.key)
            } else {
                matches!(t.key.as_str(), "he" | "she" | "his" | "her")
            }
        })
        && let Some(found) = pronoun(ctx, p0, first.open)
    {
        return Some(Some(found));
    }
    // The quotation is a sentence of its own.
    if !before_quote_wordless(text0, s0, first.open) || !wordless(textn, lastpart.close_end, en) {
        return None;
    }
    if s0 > 0 {
        let (ps, pe, toks) = sentence_tokens(ctx, p0, s0 - 1);
        // Marks filled by a name ("انتشارات «سپیده»") quote nobody.
        let name_filled = |a: usize, b: usize| {
            ctx.placed.iter().any(|m| {
                m.paragraph as usize == p0
                    && m.start >= a
                    && m.end <= b
                    && text0[a..m.start].trim().is_empty()
                    && text0[m.end..b].trim().is_empty()
            })
        };
        if !ctx.quoted[p0]
            .iter()
            .any(|&(a, b)| a >= ps && a < pe && !name_filled(a, b))
        {
            if let Some(v) = toks.iter().position(is_verb)
                && let Some(found) = verb_subject(ctx, p0, ps, pe, &toks, v, first.open)
            {
                return Some(Some(found));
            }
            // "به گفته او، علت … بوده است. «…»", "According to her, … .
            // “…”": the sentence before is told on someone's word, who
            // goes on in the quotation.
            let on_word_of = toks.len() >= 3
                && ((toks[0].key == "به" && toks[1].key == "گفته")
                    || (toks[0].key == "according" && toks[1].key == "to"));
            if on_word_of {
                let t = &toks[2];
                let pronoun_word = if t.arabic {
                    sets().pronouns.contains(&t.key)
                } else {
                    matches!(t.key.as_str(), "him" | "her")
                };
                let found = if pronoun_word {
                    pronoun(ctx, p0, ps)
                } else {
                    // The name right after the opening words.
                    ctx.mentions_in(p0, ps, pe)
                        .next()
                        .filter(|m| m.start == ps + t.start)
                        .map(|m| Speaker::Entity(m.entity))
                };
                if let Some(found) = found {
                    return Some(Some(found));
                }
            }
            // "X, the agency's representative, was blunt. “…”"
            // The name opens the sentence, after a title at most ("Dr.",
            // "Mawlawi"): not a verb's object ("The governor met X").
            let opening = ctx.mentions_in(p0, ps, pe).next().filter(|m| {
                let head = tokenize(&text0[ps..m.start]);
                ctx.is_person(m.entity)
                    && head.len() <= 2
                    && head
                        .iter()
                        .all(|t| t.upper || (t.arabic && head.len() == 1))
            });
            if let Some(m) = opening {
                return Some(Some(Speaker::Entity(m.entity)));
            }
            // "معاون اتاق تجارت هرات اما به این وعده باور ندارد. «…»", "The
            // deputy minister was not convinced. “…”": a role opening the
            // sentence, its words up to a conjunction or a verb, stands for
            // the person named with it.
            if let Some(e) = role_opening(ctx, p0, &toks) {
                return Some(Some(Speaker::Entity(e)));
            }
        }
    } else if p0 > 0 && !ctx.paragraphs[p0 - 1].trim().is_empty() {
        let prev = &ctx.paragraphs[p0 - 1];
        let (ps, pe, toks) = sentence_tokens(ctx, p0 - 1, prev.trim_end().len() - 1);
        if !ctx.quoted[p0 - 1].iter().any(|&(a, _)| a >= ps && a < pe)
            && let Some(v) = toks.iter().position(is_verb)
            // The quotation follows the whole paragraph before.
            && let Some(found) = verb_subject(ctx, p0 - 1, ps, pe, &toks, v, prev.len())
        {
            return Some(Some(found));
        }
    }
    if en < textn.len() {
        let (ns, ne, toks) = sentence_tokens(ctx, pn, en);
        let speechy = toks.iter().any(|t| {
            is_verb(t)
                || if t.arabic {
                    sets().speech_nouns.contains(&t.key)
                } else {
                    in_list(SPEECH_NOUNS, &t.key)
                }
        });
        if speechy && !ctx.quoted[pn].iter().any(|&(a, _)| a >= ns && a < ne) {
            let person = ctx
                .mentions_in(pn, ns, ne)
                .find(|m| ctx.is_person(m.entity) && !after_preposition(textn, ns, m.start));
            if let Some(m) = person {
                return Some(Some(Speaker::Entity(m.entity)));
            }
        }
    }
    None
}

/// Words ending a role that opens a sentence: conjunctions and the
/// commonest verbs of being and having (normalised).
const ROLE_ENDS: &[&str] = &[
    "but", "however", "was", "is", "has", "had", "did", "does", "remained", "اما", "ولی", "هم",
    "نیز", "خو", "مگر", "لیکن", "لكن", "است", "بود", "ده",
];

/// The person named with the role opening the sentence `toks` of
/// paragraph `p` ("the" aside), when the article named one with it.
fn role_opening(ctx: &Ctx<'_>, p: usize, toks: &[Token]) -> Option<usize> {
    let lead = ["the", "this", "that"];
    let sub: Vec<Token> = toks
        .iter()
        .skip_while(|t| lead.contains(&t.key.as_str()))
        .take_while(|t| {
            !ROLE_ENDS.contains(&t.key.as_str())
                && !is_verb(t)
                && !t.key.starts_with("می")
                // In English, a role's words: roles, bodies, names and
                // function words ("The governor met X" ends at "met").
                && (t.arabic
                    || t.upper
                    || in_list(ROLE_WORDS, &t.key)
                    || in_list(ORG_NOUNS, &t.key)
                    || matches!(
                        t.key.as_str(),
                        "of" | "the" | "a" | "an" | "and" | "for" | "in" | "s" | "chamber"
                    ))
        })
        .take(8)
        .cloned()
        .collect();
    let first = sub.first()?;
    let is_role = if first.arabic {
        sets().roles.contains(&first.key)
    } else {
        in_list(ROLE_WORDS, &first.key) || sub.get(1).is_some_and(|t| in_list(ROLE_WORDS, &t.key))
    };
    if !is_role || sub.len() < 2 {
        return None;
    }
    let role: Vec<&str> = sub.iter().map(|t| t.key.as_str()).collect();
    (2..=role.len())
        .rev()
        .find_map(|len| role_holder_of(ctx, p, &role[..len]))
        .or_else(|| role_holder_by_words(ctx, p, &role))
}

/// Prepositions that make the name after them an object: "met with Y",
/// "در دیدار با Y", "مع Y".
const PREPOSITIONS: &[&str] = &[
    "with", "to", "from", "for", "by", "about", "against", "با", "از", "به", "برای", "مع", "إلى",
    "الى", "عن", "سره", "سے", "کو", "ساتھ",
];

/// Whether the word right before byte `at` of `text`, at or after byte
/// `from`, is a preposition.
fn after_preposition(text: &str, from: usize, at: usize) -> bool {
    if at <= from {
        return false;
    }
    let head = text[from..at].trim_end();
    let word = head
        .rsplit(|c: char| c.is_whitespace() || c == ',' || c == '،')
        .next()
        .unwrap_or("");
    !word.is_empty() && {
        let w = normalize(&word.to_lowercase());
        PREPOSITIONS.iter().any(|p| normalize(p) == w)
    }
}

/// The speaker named by the words in `[a, b)` of paragraph `p`.
/// `closest_last`: when several people are named, the one nearest `b`
/// (the subject before a verb) rather than the first (after a verb).
fn resolve(
    ctx: &Ctx<'_>,
    p: usize,
    a: usize,
    b: usize,
    quote_at: usize,
    closest_last: bool,
) -> Option<Speaker> {
    let text = &ctx.paragraphs[p];
    let span = &text[a.min(b)..b.max(a)];
    // A person after a preposition ("in a meeting with Y", "در دیدار با
    // Y") is not the one speaking.
    // A pronoun taken for a name ("اس نے کہا") is the pronoun.
    let mentions: Vec<&Placed> = ctx
        .mentions_in(p, a, b)
        .filter(|m| {
            ctx.is_person(m.entity)
                && !after_preposition(text, a, m.start)
                && !sets().pronouns.contains(&normalize(&text[m.start..m.end]))
        })
        .collect();
    // "حمیدالله، پسر غلام سخی، گفت", "X, the son of Y, said": a relative
    // in apposition to the subject is not the one speaking.
    let kin_apposition = |m: &Placed| {
        let before = &text[a.min(m.start)..m.start];
        before.rfind([',', '،']).is_some_and(|c| {
            tokenize(&before[c..])
                .iter()
                .any(|t| KIN_NOUNS.contains(&t.key.as_str()))
        })
    };
    let people: Vec<usize> = mentions
        .iter()
        .enumerate()
        .filter(|&(k, m)| k == 0 || !kin_apposition(m))
        .map(|(_, m)| m.entity)
        .collect();
    let pick = if closest_last {
        people.last()
    } else {
        people.first()
    };
    if let Some(&e) = pick {
        return Some(Speaker::Entity(e));
    }
    let mut toks = tokenize(span);
    // "said the teacher, who did not want her name published": someone
    // the article does not name on purpose.
    if anonymous(&toks) {
        return None;
    }
    // Urdu: the subject ends at the ergative "نے" ("عدالت کے باہر …
    // انہوں نے کہا"), a pronoun right before it standing for the person.
    if let Some(k) = toks.iter().position(|t| t.arabic && t.key == "نے") {
        if k > 0 && sets().pronouns.contains(&toks[k - 1].key) {
            return pronoun(ctx, p, quote_at);
        }
        toks.truncate(k);
    }
    let keys: Vec<&str> = toks.iter().map(|t| t.key.as_str()).collect();
    // A role named earlier with its person.
    let has_role = toks.iter().any(|t| {
        if t.arabic {
            sets().roles.contains(&t.key)
        } else {
            in_list(ROLE_WORDS, &t.key)
        }
    });
    // "a shopkeeper said", "officials said": nobody the article named.
    let plural = keys.iter().any(|k| {
        matches!(
            *k,
            "officials" | "they" | "experts" | "activists" | "residents"
        )
    }) || matches!(
        keys.first(),
        Some(&("a" | "an" | "one" | "another" | "some"))
    );
    if has_role
        && !plural
        && let Some(e) = role_holder(ctx, p, &toks, span)
    {
        return Some(Speaker::Entity(e));
    }

    // A document: its publisher.
    let document = names_document(&toks);
    let orgs: Vec<usize> = ctx
        .mentions_in(p, a, b)
        .filter(|m| {
            !ctx.is_person(m.entity) && ctx.entities[m.entity].kind == EntityKind::Organization
        })
        .map(|m| m.entity)
        .collect();
    if let Some(&e) = if closest_last {
        orgs.last()
    } else {
        orgs.first()
    } {
        return Some(Speaker::Entity(e));
    }
    // "the agency said": the last such organisation named, else the outlet.
    if let Some(noun) = toks.iter().find(|t| {
        if t.arabic {
            sets().org_nouns.contains(&t.key)
        } else {
            in_list(ORG_NOUNS, &t.key)
        }
    }) && (toks.len() <= 4 || determined(&toks, noun))
    {
        // The noun, else the word qualifying it ("the rights group" →
        // Human Rights Watch), in the name of an organisation named before.
        let at = toks
            .iter()
            .position(|t| std::ptr::eq(t, noun))
            .unwrap_or_default();
        let modifier = at
            .checked_sub(1)
            .map(|k| toks[k].key.as_str())
            .filter(|k| k.chars().count() > 3 && !matches!(*k, "this" | "that"));
        let named_with = |word: &str| {
            ctx.placed
                .iter()
                .rev()
                .filter(|m| (m.paragraph as usize, m.start) < (p, quote_at))
                .filter(|m| ctx.entities[m.entity].kind == EntityKind::Organization)
                .find(|m| {
                    let e = &ctx.entities[m.entity];
                    e.name.to_lowercase().contains(word)
                        || e.mentions
                            .iter()
                            .any(|o| normalize(&o.surface.to_lowercase()).contains(word))
                })
                .copied()
        };
        // A bench or a court: the court named before ("پشاور ہائی کورٹ").
        let court = || {
            COURT_WORDS
                .contains(&noun.key.as_str())
                .then(|| COURT_WORDS.iter().find_map(|w| named_with(&normalize(w))))
                .flatten()
        };
        // An Arabic noun with its article ("الوزارة") names "وزارة …".
        // "the aid group", "the relief agency": a civil body's noun, named
        // by no word of its own — the last organisation named before.
        let civil = at.checked_sub(1).is_some_and(|k| {
            matches!(
                toks[k].key.as_str(),
                "aid" | "relief" | "charity" | "humanitarian" | "advocacy"
            )
        }) && matches!(
            noun.key.as_str(),
            "group" | "agency" | "organization" | "organisation"
        )
            // "the group said": the bare noun, the last organisation named.
            || (noun.key == "group"
                && at.checked_sub(1).is_some_and(|k| toks[k].key == "the"));
        let last_org = || {
            ctx.placed
                .iter()
                .rev()
                .filter(|m| (m.paragraph as usize, m.start) < (p, quote_at))
                .find(|m| ctx.entities[m.entity].kind == EntityKind::Organization)
                .copied()
        };
        let named = named_with(noun.key.as_str())
            .or_else(|| noun.key.strip_prefix("ال").and_then(named_with))
            .or_else(court)
            .or_else(|| modifier.and_then(named_with))
            .or_else(|| civil.then(last_org).flatten());
        return Some(match named {
            Some(m) => Speaker::Entity(m.entity),
            None => Speaker::Outlet,
        });
    }
    if document {
        return publisher(ctx, p, quote_at).map(Speaker::Entity);
    }
    // A pronoun, or an Arabic verb with its subject left implicit.
    let pronoun_here = toks.iter().any(|t| {
        if t.arabic {
            sets().pronouns.contains(&t.key)
        } else {
            in_list(EN_PRONOUNS, &t.key)
        }
    });
    // "it wrote", "it said": the organisation named last before the
    // quotation in its paragraph, outside quotation marks.
    if toks.first().is_some_and(|t| !t.arabic && t.key == "it") && toks.len() <= 3 {
        return ctx
            .placed
            .iter()
            .rev()
            .filter(|m| m.paragraph as usize == p && m.end <= quote_at && !ctx.inside_quote(m))
            .find(|m| ctx.entities[m.entity].kind == EntityKind::Organization)
            .map(|m| Speaker::Entity(m.entity));
    }
    if pronoun_here && toks.len() <= 3 {
        return pronoun(ctx, p, quote_at);
    }
    // A pronoun opening the subject, words about the manner after it ("او
    // با اشاره به مشتریانش گفت", "She, speaking by phone, said").
    let opens_with_pronoun = toks.first().is_some_and(|t| {
        if t.arabic {
            sets().pronouns.contains(&t.key)
        } else {
            in_list(EN_PRONOUNS, &t.key)
        }
    });
    if opens_with_pronoun && !plural {
        return pronoun(ctx, p, quote_at);
    }
    // No subject but verbs, in a language that drops it ("ویې ویل: «…»",
    // "افزود: «…»"): the person spoken of.
    if !toks.is_empty() && toks.iter().all(|t| t.arabic && is_verb(t)) {
        return pronoun(ctx, p, quote_at);
    }
    if has_role && !plural && toks.len() <= 10 {
        // A role not tied to anyone named: the person the text is about.
        return pronoun(ctx, p, quote_at);
    }
    None
}

/// Whether the words naming a speaker say the speaker is left unnamed:
/// "who asked not to be named", "speaking on condition of anonymity",
/// "who did not want her name published", "که نخواست نامش ذکر شود".
fn anonymous(toks: &[Token]) -> bool {
    let keys: Vec<&str> = toks.iter().map(|t| t.key.as_str()).collect();
    if keys.iter().any(|k| {
        matches!(
            *k,
            "anonymity" | "anonymous" | "anonymously" | "unnamed" | "unidentified"
        )
    }) {
        return true;
    }
    // A word for a name after a negation or a refusal, within four words.
    let name_word = |k: &str| matches!(k, "name" | "named" | "identified" | "نام" | "نامش" | "نوم");
    let refusal = |k: &str| {
        matches!(
            k,
            "not" | "declined" | "refused" | "without" | "t" | "نخواست" | "نه" | "نمی" | "نغوښتل"
        )
    };
    keys.iter()
        .enumerate()
        .any(|(i, k)| name_word(k) && keys[i.saturating_sub(4)..i].iter().any(|r| refusal(r)))
}

/// Whether `noun` (one of `toks`) follows "the", "this" or "its", right
/// before it or one word before: "In its latest report, the bank wrote".
fn determined(toks: &[Token], noun: &Token) -> bool {
    // Written in normalised form.
    let determiners = [
        "the", "this", "that", "its", "این", "آن", "دغه", "دا", "همین",
    ];
    // Also with one word between: "the rights group", "the UN agency".
    toks.iter()
        .position(|t| std::ptr::eq(t, noun))
        .is_some_and(|k| {
            (1..=2).any(|d| {
                k.checked_sub(d)
                    .is_some_and(|j| determiners.contains(&toks[j].key.as_str()))
            })
        })
}

/// The last person named as a subject before the quotation, unless the
/// paragraph brought in someone unnamed since ("A truck driver who
/// attended the hearing said …. “…?” he asked").
fn pronoun(ctx: &Ctx<'_>, p: usize, at: usize) -> Option<Speaker> {
    if unnamed_subject_since(ctx, p, at) {
        return None;
    }
    if let Some(e) = role_subject_since(ctx, p, at) {
        return Some(Speaker::Entity(e));
    }
    ctx.last_subject(p, at).map(Speaker::Entity)
}

/// The person standing behind a role that is the subject of a sentence of
/// paragraph `p` before byte `at`, nobody being named from there to `at`
/// ("The director said the ministry had promised a helicopter. “…,” he
/// said": the director, named earlier with the role, not the last person
/// named).
fn role_subject_since(ctx: &Ctx<'_>, p: usize, at: usize) -> Option<usize> {
    let text = &ctx.paragraphs[p];
    for &ss in ctx.sentence_starts[p].iter().rev().filter(|&&ss| ss < at) {
        if ctx
            .mentions_in(p, ss, at)
            .any(|m| ctx.is_person(m.entity) && !ctx.inside_quote(m))
        {
            return None;
        }
        let toks = tokenize(&text[ss..at]);
        // "The director said", "The provincial health director told …":
        // "the", at most three words with a role among them, a verb.
        if toks.first().is_none_or(|t| t.arabic || t.key != "the") {
            continue;
        }
        let Some(v) = toks.iter().take(5).position(is_verb) else {
            continue;
        };
        let subject = &toks[..v];
        if subject.len() < 2 || !subject[1..].iter().any(|t| in_list(ROLE_WORDS, &t.key)) {
            continue;
        }
        return role_holder(ctx, p, subject, &text[ss..at]);
    }
    None
}

/// Whether a sentence of paragraph `p` before byte `at` opens with an
/// indefinite subject ("A farmer", "An elderly man", "Another resident")
/// who speaks, and nobody is named from there to `at`.
fn unnamed_subject_since(ctx: &Ctx<'_>, p: usize, at: usize) -> bool {
    let text = &ctx.paragraphs[p];
    ctx.sentence_starts[p]
        .iter()
        .copied()
        .filter(|&ss| ss < at)
        .any(|ss| {
            let toks = tokenize(&text[ss..at]);
            let indefinite = toks.first().is_some_and(|t| {
                !t.arabic && matches!(&text[ss + t.start..ss + t.end], "A" | "An" | "Another")
            });
            let speaks = toks
                .iter()
                .take(12)
                .any(|t| matches!(t.key.as_str(), "said" | "says" | "told" | "asked" | "added"));
            indefinite
                && speaks
                && !ctx
                    .mentions_in(p, ss, at)
                    .any(|m| ctx.is_person(m.entity) && !ctx.inside_quote(m))
        })
}

/// The person the article named with the role in `toks` ("the Deputy
/// Minister of Foreign Affairs"): an earlier mention of the same words
/// with a person next to it.
fn role_holder(ctx: &Ctx<'_>, p: usize, toks: &[Token], span: &str) -> Option<usize> {
    let lead = ["the", "a", "an", "this", "that", "former"];
    let role: Vec<&str> = toks
        .iter()
        .map(|t| t.key.as_str())
        .skip_while(|k| lead.contains(k))
        .collect();
    if role.is_empty() {
        return None;
    }
    let _ = span;
    // The role as written, else without the words after it ("رئیس
    // اتحادیه زعفران‌کاران همچنین گفت": an adverb), down to two words.
    (2..=role.len())
        .rev()
        .take(3)
        .find_map(|len| role_holder_of(ctx, p, &role[..len]))
        .or_else(|| {
            if role.len() != 1 {
                return None;
            }
            // A diplomat's title stands for the last diplomat named, by
            // any of its synonyms ("Pakistan's representative, X, …” the
            // ambassador said", after another country's ambassador).
            if DIPLOMATS.contains(&role[0]) {
                return latest_role_holder(ctx, p, DIPLOMATS);
            }
            // "Justice X heard the petition. … “…,” the judge said."
            if let Some(group) = SAME_ROLES.iter().find(|g| g.contains(&role[0])) {
                return latest_role_holder(ctx, p, group);
            }
            role_holder_of(ctx, p, &role)
        })
        .or_else(|| role_holder_by_words(ctx, p, &role))
        .or_else(|| {
            // A bare role in Arabic script before words on the manner
            // ("قاضي په ځواب کې وویل"): the role word alone.
            (role.len() > 1 && toks.iter().any(|t| t.arabic) && sets().roles.contains(role[0]))
                .then(|| role_holder_of(ctx, p, &role[..1]))
                .flatten()
        })
}

/// Titles standing for one another: a judge is "Justice X", a captain
/// the "skipper".
const SAME_ROLES: &[&[&str]] = &[&["judge", "justice"], &["captain", "skipper"]];

/// Words left out when a role's words are compared: determiners,
/// prepositions, conjunctions (normalised).
const ROLE_FILLERS: &[&str] = &[
    "the", "a", "an", "of", "in", "for", "and", "at", "to", "its", "this", "that", "این", "آن",
    "در", "از", "و", "د", "په", "دغه", "دا", "فی", "من", "على", "علی", "کے", "کی", "کا",
];

/// The person named with a role whose words the article wrote
/// differently the first time: "رئیس انجمن X" after "Y، رئیس این انجمن،",
/// "نائب الوزير التركماني" after "نائب وزير الخارجية التركماني، Y". Every
/// earlier occurrence of the role's first word is scored by how many of the
/// role's other words follow it (within six words, an Arabic article
/// aside); the person named next to the best, the latest among equals,
/// when two words or more agree.
fn role_holder_by_words(ctx: &Ctx<'_>, p: usize, role: &[&str]) -> Option<usize> {
    let bare = |k: &str| -> String {
        k.strip_prefix("ال")
            .filter(|r| r.chars().count() >= 3)
            .unwrap_or(k)
            .to_string()
    };
    let words: Vec<String> = role
        .iter()
        .take(8)
        .filter(|k| !ROLE_FILLERS.contains(k))
        .map(|k| bare(k))
        .collect();
    if words.len() < 2 {
        return None;
    }
    let mut best: Option<(usize, (usize, usize), usize)> = None; // (score, at, entity)
    for (q, text) in ctx.paragraphs.iter().enumerate().take(p + 1) {
        let pt = tokenize(text);
        for (k, t) in pt.iter().enumerate() {
            if bare(&t.key) != words[0] {
                continue;
            }
            let window = &pt[k..pt.len().min(k + 7)];
            let matched: Vec<&Token> = window
                .iter()
                .filter(|w| words[1..].contains(&bare(&w.key)))
                .collect();
            let score = 1 + words[1..]
                .iter()
                .filter(|w| window.iter().any(|t| bare(&t.key) == **w))
                .count();
            if score < 2 {
                continue;
            }
            let re = matched.last().map_or(t.end, |m| m.end);
            let (ss, se) = ctx.sentence_at(q, t.start);
            let holder = ctx
                .mentions_in(q, ss, se)
                .filter(|m| ctx.is_person(m.entity))
                .filter_map(|m| {
                    let d = if m.end <= t.start {
                        bound_to_role(text, m.end, t.start).then(|| t.start - m.end)
                    } else if m.start >= re {
                        bound_to_role(text, re, m.start).then(|| m.start - re)
                    } else {
                        None
                    }?;
                    (d <= 60).then_some((d, m.entity))
                })
                .min_by_key(|&(d, _)| d);
            if let Some((_, e)) = holder
                && best.is_none_or(|(bs, _, _)| score >= bs)
            {
                best = Some((score, (q, t.start), e));
            }
        }
    }
    best.map(|(_, _, e)| e)
}

/// Whether the text from `a` to `b` of a paragraph can join a role to a
/// name: punctuation, capitalised words, names in Arabic script, and
/// function words ("the head of the UN mission in Kabul, X"), but no other
/// lower-case word ("The judge asked a government lawyer, X": X is not the
/// judge).
fn bound_to_role(text: &str, a: usize, b: usize) -> bool {
    let Some(gap) = text.get(a.min(b)..b.max(a)) else {
        return false;
    };
    tokenize(gap).iter().all(|t| {
        t.arabic
            || t.upper
            || t.key.chars().all(|c| c.is_ascii_digit())
            || matches!(
                t.key.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "of"
                    | "and"
                    | "in"
                    | "for"
                    | "on"
                    | "at"
                    | "to"
                    | "s"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "presiding"
                    | "chief"
                    | "senior"
                    | "deputy"
                    | "former"
                    | "acting"
                    | "national"
                    | "provincial"
                    | "district"
                    | "team"
                    | "country"
            )
    })
}

/// Titles of a country's diplomat, one standing for another.
const DIPLOMATS: &[&str] = &["ambassador", "envoy", "representative", "delegate"];

/// The person named next to the latest of the words `roles` in
/// paragraphs up to `p` (within 60 bytes, in the same sentence).
fn latest_role_holder(ctx: &Ctx<'_>, p: usize, roles: &[&str]) -> Option<usize> {
    let mut latest = None;
    for (q, text) in ctx.paragraphs.iter().enumerate().take(p + 1) {
        for t in tokenize(text)
            .iter()
            .filter(|t| roles.contains(&t.key.as_str()))
        {
            let (ss, se) = ctx.sentence_at(q, t.start);
            let nearest = ctx
                .mentions_in(q, ss, se)
                .filter(|m| ctx.is_person(m.entity))
                .filter(|m| {
                    if m.end <= t.start {
                        bound_to_role(text, m.end, t.start)
                    } else {
                        bound_to_role(text, t.end, m.start)
                    }
                })
                .map(|m| {
                    let d = if m.end <= t.start {
                        t.start - m.end
                    } else {
                        m.start.saturating_sub(t.end)
                    };
                    (d, m.entity)
                })
                .filter(|&(d, _)| d <= 60)
                .min_by_key(|&(d, _)| d);
            if let Some((_, e)) = nearest {
                latest = Some(e);
            }
        }
    }
    latest
}

/// The person named next to the words `role` in paragraphs up to `p`.
fn role_holder_of(ctx: &Ctx<'_>, p: usize, role: &[&str]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None; // (distance, entity)
    for (q, text) in ctx.paragraphs.iter().enumerate().take(p + 1) {
        let pt = tokenize(text);
        let keys: Vec<&str> = pt.iter().map(|t| t.key.as_str()).collect();
        let mut i = 0;
        while i + role.len() <= keys.len() {
            if keys[i..i + role.len()] == role[..] {
                let (rs, re) = (pt[i].start, pt[i + role.len() - 1].end);
                let (ss, se) = ctx.sentence_at(q, rs);
                for m in ctx.mentions_in(q, ss, se).filter(|m| {
                    ctx.is_person(m.entity)
                        && if m.end <= rs {
                            bound_to_role(text, m.end, rs)
                        } else {
                            bound_to_role(text, re, m.start)
                        }
                }) {
                    let d = if m.end <= rs {
                        rs - m.end
                    } else {
                        m.start.saturating_sub(re)
                    };
                    if d <= 60 && best.is_none_or(|(bd, _)| d < bd) {
                        best = Some((d, m.entity));
                    }
                }
                i += role.len();
            } else {
                i += 1;
            }
        }
    }
    best.map(|(_, e)| e)
}

/// Whether `after` (the text after an organisation's name) opens with a
/// verb of saying or publishing, or names a document within four words:
/// "said in a report", "warned in a statement", "در اعلامیه‌ای گفت", "نے
/// ایک رپورٹ میں کہا".
fn publishes(after: &str) -> bool {
    tokenize(after).iter().take(4).enumerate().any(|(i, t)| {
        if t.arabic {
            is_document(t)
        } else {
            (i == 0
                && matches!(
                    t.key.as_str(),
                    "said" | "says" | "warned" | "published" | "released" | "found" | "wrote"
                ))
                || matches!(t.key.as_str(), "report" | "statement")
        }
    })
}

/// Whether `after` (the text after an organisation's name) has, within
/// four words, an English verb of saying, publishing or accusing with the
/// organisation as its subject: "on Thursday accused", "said on Monday".
fn accuses(after: &str) -> bool {
    tokenize(after).iter().take(4).any(|t| {
        !t.arabic
            && matches!(
                t.key.as_str(),
                "said"
                    | "says"
                    | "accused"
                    | "accuses"
                    | "warned"
                    | "published"
                    | "released"
                    | "documented"
                    | "urged"
                    | "criticised"
                    | "criticized"
                    | "condemned"
            )
    }) || publishes(after)
}

/// The publisher of "the report": the organisation named most often in
/// the sentences about a report before the quotation (not as the owner
/// of another), the latest among equals.
fn publisher(ctx: &Ctx<'_>, p: usize, at: usize) -> Option<usize> {
    let mut counts: Vec<(usize, usize, (usize, usize))> = Vec::new(); // (entity, count, last pos)
    for (q, text) in ctx.paragraphs.iter().enumerate().take(p + 1) {
        for (si, &ss) in ctx.sentence_starts[q].iter().enumerate() {
            let se = ctx.sentence_starts[q]
                .get(si + 1)
                .copied()
                .unwrap_or(text.len());
            if (q, ss) >= (p, at) {
                break;
            }
            let about_report = tokenize(&text[ss..se]).iter().any(|t| {
                if t.arabic {
                    // With a suffix too: "اعلامیه‌ای", "گزارشی".
                    is_document(t)
                } else {
                    matches!(
                        t.key.as_str(),
                        "report" | "reports" | "reported" | "statement" | "study" | "survey"
                    )
                }
            });
            if !about_report {
                continue;
            }
            // An organisation named as the owner of another ("the
            // Taliban's foreign ministry", "وزارت امور خارجه طالبان")
            // does not publish, unless the sentence names no other.
            let orgs: Vec<&Placed> = ctx
                .mentions_in(q, ss, se)
                .filter(|m| {
                    ctx.entities[m.entity].kind == EntityKind::Organization && !ctx.inside_quote(m)
                })
                .collect();
            let owner = |k: usize| {
                let m = orgs[k];
                let possessive = orgs.get(k + 1).is_some_and(|n| {
                    let between = &text[m.end..n.start.max(m.end)];
                    between.starts_with("’s") || between.starts_with("'s")
                });
                let genitive = k > 0
                    && text[orgs[k - 1].end..m.start.max(orgs[k - 1].end)]
                        .trim()
                        .is_empty();
                possessive || genitive
            };
            let all_owners = (0..orgs.len()).all(owner);
            for (k, m) in orgs.iter().enumerate() {
                if owner(k) && !all_owners {
                    continue;
                }
                // The subject of a verb of publishing counts twice ("X said
                // in a report that defendants in Taliban courts …"): an
                // organisation named after it is what the report is about.
                let weight = if publishes(&text[m.end..se]) { 2 } else { 1 };
                match counts.iter_mut().find(|c| c.0 == m.entity) {
                    Some(c) => {
                        c.1 += weight;
                        c.2 = (q, m.start);
                    }
                    None => counts.push((m.entity, weight, (q, m.start))),
                }
            }
        }
    }
    if let Some(c) = counts.into_iter().max_by_key(|c| (c.1, c.2)) {
        return Some(c.0);
    }
    // No sentence about a report names anyone: the organisation named
    // most before the quotation, twice for the subject of a verb of
    // saying or accusing ("X on Thursday accused Y of …": X, not Y).
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for m in ctx
        .placed
        .iter()
        .filter(|m| (m.paragraph as usize, m.start) < (p, at))
    {
        if ctx.entities[m.entity].kind != EntityKind::Organization || ctx.inside_quote(m) {
            continue;
        }
        let text = &ctx.paragraphs[m.paragraph as usize];
        let (_, se) = ctx.sentence_at(m.paragraph as usize, m.start);
        let weight = if accuses(&text[m.end..se.max(m.end)]) {
            2
        } else {
            1
        };
        match counts.iter_mut().find(|c| c.0 == m.entity) {
            Some(c) => c.1 += weight,
            None => counts.push((m.entity, weight)),
        }
    }
    counts.into_iter().max_by_key(|c| c.1).map(|c| c.0)
}
