//! Evaluation of quotes and entities against gold files.
//!
//! ```sh
//! cargo run -p khabar-understand --release --example eval_quotes                 # synthetic gold
//! cargo run -p khabar-understand --release --example eval_quotes -- \
//!     --sample ../shared/samples/afghanistan-digest.txt [--verbose]              # + the sample digest
//! ```
//!
//! Synthetic gold: `eval/quotes-entities-synthetic.txt` and
//! `eval/quotes-entities-synthetic-2.txt` (articles written for khabar, in
//! English, Dari, Pashto, Urdu and Arabic, with their annotations), and the
//! held-out `eval/quotes-entities-heldout-3.txt`,
//! `eval/quotes-entities-heldout-4.txt`,
//! `eval/quotes-entities-heldout-5.txt`,
//! `eval/quotes-entities-heldout-6.txt`,
//! `eval/quotes-entities-heldout-7.txt`,
//! `eval/quotes-entities-heldout-8.txt`,
//! `eval/quotes-entities-heldout-9.txt`,
//! `eval/quotes-entities-heldout-10.txt`,
//! `eval/quotes-entities-heldout-11.txt`,
//! `eval/quotes-entities-heldout-12.txt`,
//! `eval/quotes-entities-heldout-13.txt`,
//! `eval/quotes-entities-heldout-14.txt`,
//! `eval/quotes-entities-heldout-15.txt`,
//! `eval/quotes-entities-heldout-16.txt`,
//! `eval/quotes-entities-heldout-17.txt`,
//! `eval/quotes-entities-heldout-18.txt`,
//! `eval/quotes-entities-heldout-19.txt`,
//! `eval/quotes-entities-heldout-20.txt`,
//! `eval/quotes-entities-heldout-21.txt`,
//! `eval/quotes-entities-heldout-22.txt`,
//! `eval/quotes-entities-heldout-23.txt` and
//! `eval/quotes-entities-heldout-24.txt` (each scored before any rule was
//! changed for it). `--set NAME` (repeatable: `synthetic`, `held-out-3`, …,
//! `sample`) scores only the sets named; `--list` prints every entity and
//! quotation found, with the errors. Sample gold:
//! `eval/quotes-entities-sample.txt` annotates the sample digest without
//! holding its text: each article by its number and the sha256 prefix of its
//! title, speakers and entity names in full, each quotation as
//! `#` + the first 16 hex digits of sha256(its words lower-cased, joined by
//! one space).
//!
//! Quotes are scored as (speaker, quotation) pairs: a predicted quotation is
//! right when its words hash to a gold one's and its speaker is one of the
//! gold speaker's names. Entities are scored by canonical name (a gold entity
//! lists the names it may go by); a gold entity found twice (a merge missed)
//! counts one false positive. Kinds are reported apart. Exits non-zero when
//! a figure falls below its floor.

use std::collections::HashSet;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use khabar_understand::{entities, normalize::normalize, quotes};
use sha2::{Digest, Sha256};

const SYNTHETIC: &str = include_str!("../eval/quotes-entities-synthetic.txt");
const SYNTHETIC_2: &str = include_str!("../eval/quotes-entities-synthetic-2.txt");
const HELDOUT_3: &str = include_str!("../eval/quotes-entities-heldout-3.txt");
const HELDOUT_4: &str = include_str!("../eval/quotes-entities-heldout-4.txt");
const HELDOUT_5: &str = include_str!("../eval/quotes-entities-heldout-5.txt");
const HELDOUT_6: &str = include_str!("../eval/quotes-entities-heldout-6.txt");
const HELDOUT_7: &str = include_str!("../eval/quotes-entities-heldout-7.txt");
const HELDOUT_8: &str = include_str!("../eval/quotes-entities-heldout-8.txt");
const HELDOUT_9: &str = include_str!("../eval/quotes-entities-heldout-9.txt");
const HELDOUT_10: &str = include_str!("../eval/quotes-entities-heldout-10.txt");
const HELDOUT_11: &str = include_str!("../eval/quotes-entities-heldout-11.txt");
const HELDOUT_12: &str = include_str!("../eval/quotes-entities-heldout-12.txt");
const HELDOUT_13: &str = include_str!("../eval/quotes-entities-heldout-13.txt");
const HELDOUT_14: &str = include_str!("../eval/quotes-entities-heldout-14.txt");
const HELDOUT_15: &str = include_str!("../eval/quotes-entities-heldout-15.txt");
const HELDOUT_16: &str = include_str!("../eval/quotes-entities-heldout-16.txt");
const HELDOUT_17: &str = include_str!("../eval/quotes-entities-heldout-17.txt");
const HELDOUT_18: &str = include_str!("../eval/quotes-entities-heldout-18.txt");
const HELDOUT_19: &str = include_str!("../eval/quotes-entities-heldout-19.txt");
const HELDOUT_20: &str = include_str!("../eval/quotes-entities-heldout-20.txt");
const HELDOUT_21: &str = include_str!("../eval/quotes-entities-heldout-21.txt");
const HELDOUT_22: &str = include_str!("../eval/quotes-entities-heldout-22.txt");
const HELDOUT_23: &str = include_str!("../eval/quotes-entities-heldout-23.txt");
const HELDOUT_24: &str = include_str!("../eval/quotes-entities-heldout-24.txt");
const SAMPLE_GOLD: &str = include_str!("../eval/quotes-entities-sample.txt");

/// `--list`: print every entity and quotation found, not only the errors.
static LIST: AtomicBool = AtomicBool::new(false);

/// Floors, set just under the measured figures.
struct Floors {
    quote_p: f64,
    quote_r: f64,
    entity_r: f64,
    entity_f1: f64,
}

/// Quoted words the reporter's sentence runs on into ("told AP that “…”")
/// are no quotation in any set: five such annotations were taken out of
/// the synthetic sets when that convention was settled (their headers say
/// which).
const SYNTHETIC_FLOORS: Floors = Floors {
    quote_p: 0.97,
    quote_r: 0.97,
    entity_r: 0.97,
    entity_f1: 0.97,
};

const SYNTHETIC_2_FLOORS: Floors = Floors {
    quote_p: 0.95,
    quote_r: 0.95,
    entity_r: 0.96,
    entity_f1: 0.96,
};

/// This set measured quotes P 0.842, R 0.640 and entities R 0.810, F1 0.877
/// when it was written, before any rule was changed for it. Rules have
/// since been tuned on it (now quotes P 1.000, R 1.000; entities R 0.976,
/// F1 0.982): it is development data, its floors just under those figures.
const HELDOUT_3_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.96,
    entity_f1: 0.97,
};

/// Written and annotated before it was first scored, which gave quotes P
/// 0.833, R 0.741 and entities R 0.814, F1 0.845 (the honest held-out
/// figures). General rules fixed for the error classes seen there bring it
/// to quotes P 0.926, R 0.926; entities R 0.938, F1 0.953. The rules fixed
/// for held-out-7 (a phrase quoted inside reported speech; a given name
/// alone before a comma and a Pashto verb of saying) bring it to quotes P
/// 1.000, R 1.000; entities R 0.959, F1 0.969: the floors are just under
/// those.
const HELDOUT_4_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.92,
    entity_f1: 0.94,
};

/// Written and annotated before it was first scored, which gave quotes P
/// 0.556, R 0.435 and entities R 0.841, F1 0.852 (the honest held-out
/// figures; three spellings the gold had left out — Bamyan, Jowzjan, the
/// UNHCR's full name — were added to it afterwards, which alone makes
/// entities R 0.878, F1 0.889). General rules fixed since for the error
/// classes seen there (quotations split by their attribution, interview
/// transcripts, double marks nested in British single ones, long Arabic
/// names, Pashto spokespeople, Arabic spellings of neighbours) bring it to
/// quotes P 1.000, R 1.000; entities R 0.976, F1 0.964: the floors are just
/// under those.
const HELDOUT_5_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.96,
    entity_f1: 0.95,
};

/// Written and annotated before it was first scored, which gave quotes P
/// 0.826, R 0.760, F1 0.792 and entities P 0.927, R 0.844, F1 0.884 (the
/// honest held-out figures). Three spellings the gold had left out (Sergey
/// Lavrov, the full names of OCHA and of the UNHCR in Urdu) were added
/// afterwards, which alone makes quotes P 0.913, R 0.840 and entities R
/// 0.878. General rules fixed since (a speaker named after a preposition,
/// "در دیدار با Y", is not the one speaking; Urdu "ان کا کہنا تھا"; Pashto
/// "په راپور کې راغلي"; a court's statement; "در ملأ عام" is no honorific;
/// a name in apposition to "the programme," is an organisation;
/// districts, Khyber Pakhtunkhwa, the Supreme Court and the Arabic WFP in
/// the gazetteer) bring it to quotes P 1.000, R 1.000; entities R 0.956,
/// F1 0.972: the floors are just under those.
const HELDOUT_6_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.95,
    entity_f1: 0.96,
};

/// Written and annotated before it was first scored, which gave quotes P
/// 0.778, R 0.778, F1 0.778 (21 right of 27 found, 27 gold) and entities
/// P 0.838, R 0.798, F1 0.818 (83 right of 99 found, 104 gold): the honest
/// held-out figures. One spelling the gold had left out (Fayzabad, the
/// gazetteer's name for Faizabad) was added afterwards, which alone makes
/// entities P 0.848, R 0.808. General rules fixed since for the error
/// classes seen there (Urdu names of three words after a role and its
/// portfolio, ending before an auxiliary, after a noun that follows
/// "ایک", or of one compound given name; acronyms spelt letter by letter
/// in Urdu; a one-word place ending a name before a verb of saying;
/// Pashto, Urdu and Dari departments and commands by their head noun;
/// Dari "به نام X"; an Arabic name between a role and "إن"; a given name
/// after a number word; the Arabic preposition "على" no longer stopping
/// the name علی; Arabic "وجاء في التقرير"; phrases quoted inside reported
/// speech; districts, neighbours' provinces and cities, UNAMA in Arabic
/// and Pashto, descriptive names of UN agencies, ACCI, HRCP and USGS in
/// the gazetteer) bring it to quotes P 1.000, R 1.000 and entities P
/// 1.000, R 1.000, F1 1.000: the floors are just under those.
const HELDOUT_7_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.98,
    entity_f1: 0.98,
};

/// Written and annotated before it was first scored, which gave quotes P
/// 0.857, R 0.714, F1 0.779 (30 right of 35 found, 42 gold; 3 with the
/// right words but another speaker) and entities P 0.943, R 0.904, F1
/// 0.923 (132 right of 140 found, 146 gold): the honest held-out figures.
/// One name the gold had left out (Pakistan Ministry of Interior, the
/// gazetteer's name for the Urdu وزارت داخلہ) was added afterwards. General
/// rules fixed since for the error classes seen (a statement quoted over
/// paragraphs that do not reopen the marks; the publisher of a statement
/// not being the organisation that owns it, "وزارت امور خارجه طالبان";
/// transcripts whose turns open with the speaker's name; one-word names in
/// apposition, "X، …، وايي", or between a closing mark and the verb, and
/// said again; the Pashto pronoun هغې; an Urdu subject ending at "نے", a
/// pronoun before it, a bench speaking for its court; Urdu high courts,
/// Dari provincial departments, lawyers as a role, bylines, "University of
/// X", time zones; an organisation merged with its name plus a qualifier;
/// spellings in the gazetteer) bring it to quotes P 1.000, R 1.000 and
/// entities P 0.986, R 1.000, F1 0.993: the floors are just under those.
const HELDOUT_8_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.98,
    entity_f1: 0.98,
};

/// Written and annotated before it was first scored, and first scored
/// once quotations were attributed by general evidence (a speech verb
/// anywhere in the sentence, the sentence before or after, the previous
/// speaker) rather than by patterns alone, no rule changed for it: quotes
/// P 0.891, R 0.837, F1 0.863 (41 right of 46 found, 49 gold; 3 with the
/// right words but another speaker) and entities P 0.849, R 0.832, F1
/// 0.840 (79 right of 93 found, 95 gold): the honest held-out figures.
/// General rules fixed since for the error classes seen (a pronoun opening
/// a longer subject, "او با اشاره به …"; a subject dropped before a verb,
/// "ویې ویل"; a pronoun within a few words before the marks, "به باور
/// او،"; an Arabic sentence opened by its verb before a noun that can be
/// one, "وجاء في بيان"; an Arabic organisation noun with its article,
/// "الوزارة"; Dari, Pashto and Urdu complementizers before words quoted
/// inside reported speech; a pronoun taken for a name; a headline cue
/// anywhere before the marks; occupations before a name at a sentence's
/// start, "Coach X"; names the gazetteer does not know written only inside
/// short quotation marks, titles and nicknames, no entities; a given name
/// and one more name word in apposition between commas; Pashto ې in given
/// names, and the given name شیر; spellings of Kunar, Geneva, Spin Boldak,
/// WHO and the Red Crescent, and three districts, in the gazetteer) bring
/// it to quotes P 1.000, R 1.000 and entities P 0.947, R 0.947, F1 0.947:
/// the floors are just under those. The rules written for held-out-11
/// since bring its entities to P 0.979, R 0.989, F1 0.984.
const HELDOUT_9_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.93,
    entity_f1: 0.93,
};

/// Written and annotated before it was first scored, and first scored
/// before any rule was changed for it: quotes P 0.930, R 0.870, F1 0.899
/// (40 right of 43 found, 46 gold; 3 with the right words but another
/// speaker) and entities P 0.934, R 0.846, F1 0.888 (99 right of 106
/// found, 117 gold; kind right for 1.000): the honest held-out figures.
/// Six of the entity errors were the gold's (see the file's header: other
/// spellings without the gazetteer's canonical one; two organisations
/// annotated as one). General rules fixed since for the error classes
/// seen (Afghan given names standing alone in apposition, "نسرین، مادری
/// از …"; Arabic "عبد" written apart; words of time and place ending a
/// name, Pashto "نن", Arabic "أمام"; an Arabic preposition glued to a
/// known name, "للأمم المتحدة"; a provincial department after its head's
/// title, "رئیس صحت عامه غور"; a province's chamber of commerce; Pashto
/// "د PLACE FIELD قوماندانۍ" and another country's ministry, "د ازبکستان
/// د بهرنیو چارو وزارت"; acronyms of things, "SIM"; a news desk as an
/// organisation; Urdu and Arabic spellings and three Ghor districts in
/// the gazetteer) bring it to quotes P 1.000, R 1.000 and entities P
/// 0.992, R 1.000, F1 0.996 (the one error left: the outlet named in the
/// running text): the floors are just under those.
const HELDOUT_10_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.98,
    entity_f1: 0.98,
};

/// Written and annotated before it was first scored, and first scored
/// before any rule was changed for it: quotes P 0.902, R 0.860, F1 0.881
/// (37 right of 41 found, 43 gold; 4 with the right words but another
/// speaker) and entities P 0.925, R 0.826, F1 0.872 (123 right of 133
/// found, 149 gold; kind right for 0.984): the honest held-out figures.
/// One entity error was the gold's (Jawzjan without the gazetteer's
/// spelling, Jowzjan; see the file's header). Fixed since, in general
/// form, for the error classes seen: places the gazetteer did not know
/// (the districts of every province, rivers, canals and sites, countries
/// and cities further afield, Kabul's neighbourhoods; Pashto ګ, Urdu ہ
/// and Arabic ج ب ة spellings of a Dari one); regional and international
/// bodies (media
/// freedom groups, the cricket boards, the disaster authority, Gulf aid
/// funds, Arabic and Urdu names of UN agencies); organisations by their
/// noun in Arabic script (a Dari department listing its fields, a
/// Pashto "د … د … د ادارې" chain, radio stations, national museums and
/// archives, embassies and consulates, municipalities, an Arabic body
/// and its ال- words); districts and villages after their noun
/// ("ولسوالی X", "قرية X", "مديرية X", "په X ولسوالۍ"); more Afghan
/// given names (in Urdu spelling too), Urdu "and", "not" and
/// auxiliaries, Arabic question words and the Pashto audience
/// ("خبریالانو") ending a name; a surname of two words joining the full name; a possessor not
/// taken for the subject a pronoun stands for; capitalised adjectives
/// ("Entire", "Buddhist") and a Persian ezafe name as a place. Quotes P
/// 1.000, R 1.000 and entities P 1.000, R 1.000, F1 1.000: the floors are
/// just under those.
const HELDOUT_11_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.98,
    entity_f1: 0.98,
};

/// Written and annotated before it was first scored, and first scored
/// before any rule was changed for it: quotes P 0.822, R 0.787, F1 0.804
/// (37 right of 45 found, 47 gold; 8 with the right words but another
/// speaker) and entities P 0.882, R 0.845, F1 0.863 (120 right of 136
/// found, 142 gold; kind right for 0.983); entity recall by language en
/// 0.930 (53 of 57), fa 0.800 (20 of 25), ps 0.679 (19 of 28), ur 0.800
/// (12 of 15), ar 0.941 (16 of 17): the honest held-out figures. The gold
/// was not changed after it. Fixed since, in general form, for the error
/// classes seen: regional bodies the gazetteer did not know or spelt only
/// in one script (European Parliament, Pakistan's National Assembly and
/// Senate, the Pak-Afghan joint chamber, the Aga Khan Foundation apart
/// from the network, the rural development ministry, the power utility,
/// the central bank as "بانک مرکزی", Qatar Charity, the academies of
/// sciences and of Pashto, the Red Cross and Red Crescent in full Pashto;
/// Mandawi and two Kabul neighbourhoods); Pashto villages after "په" or
/// "د" ("د X په کلي کې"); a Dari trade union of a city ("اتحادیه …
/// کابل"); Perso-Arabic names (a compound given name joined, "احمدشاه",
/// or written apart, Urdu "اسد اللہ"; "وزیر" as a family name); foreign
/// names after a Pashto spokeswoman ("ویاندې") or before a colon after an
/// Arabic role; English datelines of one word, sentence-opening adverbs
/// and pronouns ("Separately,", "Nobody"), nationalities ("Polish"), an
/// ezafe place listed with "and", and "X had 40 families" no cue for a
/// person; for quotes, "the aid group said" as the organisation named
/// before and Dari "پاسخ داد". Quotes P 1.000, R 1.000 and entities P
/// 0.979, R 1.000, F1 0.990 (the errors left: the outlet named in the
/// running text, "Swedish Green" and a Pashto verb phrase taken for a
/// name): the floors are just under those. The last two were fixed with
/// held-out-13 (a nationality and a party's colour before a noun, Pashto
/// postpositions ending a name): entities P 0.993.
const HELDOUT_12_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.98,
    entity_f1: 0.98,
};

/// Written and annotated before it was first scored, and first scored
/// before any rule was changed for it: quotes P 0.829, R 0.806, F1 0.817
/// (29 right of 35 found, 36 gold; 5 with the right words but another
/// speaker) and entities P 0.964, R 0.907, F1 0.934 (107 right of 111
/// found, 118 gold; kind right for 1.000); entity recall by language en
/// 0.952 (40 of 42), fa 1.000 (22 of 22), ps 0.774 (24 of 31), ur 0.917
/// (11 of 12), ar 0.909 (10 of 11): the honest held-out figures. The gold
/// was not changed after it. Fixed since, in general form, for the error
/// classes seen: a quotation making up its sentence whose next sentence
/// points back at it ("«…» این را X گفت", "“…” یہ سوال X نے کیا") names
/// its speaker before the previous speaker's claim by position; a role
/// with an adverb after it ("رئیس اتحادیه … همچنین گفت") is the person
/// named with the role; lower-case words in marks after a comma ending
/// reported speech are a partial quotation; Pashto "بي بي" opening a
/// woman's name, "خپل" and the feminine "اوسېدونکې" ending one, a
/// compound given name alone before a verb of saying ("عبدالغفور وايي"),
/// an Arabic name of one word after "قالت" and before "، وهي"; a Pashto
/// department of two fields joined by "او"; Urdu and Pashto retroflex
/// letters as spellings of one gazetteer name (راولپنڈی / راولپنډۍ); an
/// Urdu market of a known city ("پشاور کے … بازار"); "State Bank of
/// Pakistan" (an institution's noun before "of" and a place); another
/// country's ministry ("Pakistan's Ministry of Commerce") apart from
/// Afghanistan's of the same name; the Pashto names of UNHCR and of the
/// energy ministry in the gazetteer. Quotes P 1.000, R 1.000 and entities
/// P 1.000, R 0.992, F1 0.996 (the miss left: a Pashto village whose name
/// is also the Arabic "but", "لکن"): the floors are just under those.
const HELDOUT_13_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.98,
    entity_f1: 0.98,
};

/// Written and annotated before it was first scored, and first scored
/// before any rule was changed for it: quotes P 0.896, R 0.827, F1 0.860
/// (43 right of 48 found, 52 gold; 4 with the right words but another
/// speaker) and entities P 0.924, R 0.894, F1 0.909 (110 right of 119
/// found, 123 gold; kind right for 1.000); entity recall by language en
/// 0.965 (55 of 57), fa 0.905 (19 of 21), ps 0.857 (18 of 21), ur 0.769
/// (10 of 13), ar 0.727 (8 of 11): the honest held-out figures. The gold
/// was not changed after it. Fixed since, in general form, for the error
/// classes seen: words in marks too short for a quotation (two or three)
/// that open their sentence and have a speech verb and speaker right
/// after ("“We need more,” the spokesman said.") are one, so the next
/// sentence goes on in the speaker's words; a speaker the text leaves
/// unnamed on purpose ("said the teacher, who did not want her name
/// published", "on condition of anonymity") is nobody, not the last
/// person named; a nationality, portfolio and role before a name ("Uzbek
/// Transport Minister X Y") are a title, not an organisation; a place
/// opening an organisation's name up to three words before its noun
/// ("Central Asia Research Centre"); the article's own outlet named in
/// its running text ("told the Frontier Ledger", and "Hindu Kush" and
/// "Herald" inside "Hindu Kush Herald") is no entity (the lead's
/// convention, see `entities::without_outlet`); a Dari name opening a
/// sentence before a comma and a word for a relative ("شریفه، مادر …");
/// Arabic names after a role written with its article ("المتحدث باسم
/// الوزارة، سالم المهندي،" with the family name's article, "المبعوثة
/// الخاصة …، X Y،", "الناشطة الأفغانية X Y التي") and "هكذا علقت" as a
/// verb of saying; hospitals by their noun ("شفاخانه X،", "د X روغتون"),
/// Urdu names spelt after English before their organisation word ("ہائر
/// ایجوکیشن کمیشن", "پشاور یونیورسٹی"), an Urdu ministry before a
/// postposition ("وزارت اعلیٰ تعلیم کے") and a Pashto ministry of fields
/// listed with a comma ("د کرنې، اوبو لګولو او مالدارۍ وزارت"). Quotes P
/// 1.000, R 1.000 and entities P 1.000, R 0.992, F1 0.996 (the miss left
/// is a gold slip against its own convention: Afghanistan named only
/// inside UNAMA's Pashto name in t08): the floors are just under those.
const HELDOUT_14_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.98,
    entity_f1: 0.98,
};
/// First scored, before any rule was changed for it: quotes P 0.951, R
/// 0.886, F1 0.918 (39 right of 41 found, 44 gold; 2 with the right words
/// but another speaker); entities P 0.955, R 0.903, F1 0.928 (84 right of
/// 88 found, 93 gold; by language, recall en 0.977, fa 0.909, ps 1.000,
/// ur 0.800, ar 0.727): the honest held-out figures. Fixed since for the
/// error classes seen: an Arabic name between commas after a feminine role
/// and its body ("مديرة المكتب في هرات، X Y،"), and one word after a verb
/// of saying and a noun for the person when "who is" follows ("قالت
/// الأرملة X، وهي …"); "the commissioner" (and "manager", "officer",
/// "administrator", "prosecutor") as a role standing for the person named
/// with it; another country's ministry before an Urdu postposition
/// ("پاکستان کی وزارت تجارت") is not Afghanistan's; Urdu "قونصل" without
/// "خانہ" is the consul, no mission; an Arabic-script dateline the
/// gazetteer does not know ("میلبرن —"); a province ending a Dari
/// chamber of commerce's name ("اتاق تجارت و سرمایه‌گذاری بلخ") is no
/// place of its own; the gazetteer's Urdu spellings of foreign countries ("آسٹریلیا",
/// "برطانیہ") and the International Labour Organization. Quotes P 1.000,
/// R 1.000 and entities P 0.989, R 0.968, F1 0.978 (left: Cricket
/// Australia, "حي دشت برجي" of two words before "غرب", and "Pakistan's
/// Ministry of Interior", found as the gazetteer's "Pakistan Ministry of
/// Interior", a name the gold does not list): the floors are just under
/// those.
const HELDOUT_15_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.95,
    entity_f1: 0.96,
};
/// First scored, before any rule was changed for it: quotes P 0.727, R
/// 0.615, F1 0.667 (24 right of 33 found, 39 gold; 8 with the right words
/// but another speaker); entities P 0.909, R 0.886, F1 0.897 (70 right of
/// 77 found, 79 gold; by language, recall en 0.959, fa 1.000, ps 0.833,
/// ur 0.571, ar 0.700): the honest held-out figures. Fixed since for the
/// error classes seen: court and sports roles ("the judge", "the
/// spinner", "the Ireland captain") standing for the person named with
/// them, and a capitalised "Prosecutor" before a name no part of it; "the
/// board" (Pashto "بورډ") as an organisation noun; the publisher of "the
/// report" is the organisation that said or published it, not one its
/// words speak of ("Taliban courts"); a pronoun after an unnamed newcomer
/// ("A truck driver … said …. “…?” he asked") is nobody named; a
/// diplomat's title ("the ambassador") stands for the last diplomat named
/// by any of its synonyms ("Pakistan's representative"); Urdu "X کے
/// مطابق: «…»" (according to), "رپورٹ" a document, "جسٹس" and "بیرسٹر"
/// titles, "…اللہ" a compound given name in Urdu spelling; an Arabic name
/// with "بن" whose first word the list lacks, "المندوب" a role, a body's
/// name after the preposition "ل" without the article ("لبرنامج …"); the
/// gazetteer's ezafe spelt "-e-" or "-i-". Quotes P 0.974, R 0.974 and
/// entities P 0.949, R 0.949, F1 0.949. Left: three names the gold lists
/// without the gazetteer's canonical one (UNHCR's and the Security
/// Council's full names, "Tehreek-e-Taliban Pakistan": found, scored as
/// misses, the gold not changed after the first score), the Shpageeza
/// league in Pashto, and "a Test side" taken for a person. Floors just
/// under those.
const HELDOUT_16_FLOORS: Floors = Floors {
    quote_p: 0.97,
    quote_r: 0.97,
    entity_r: 0.94,
    entity_f1: 0.94,
};
/// First scored, before any rule was changed for it: quotes P 0.895, R
/// 0.829, F1 0.861 (34 right of 38 found, 41 gold; 4 with the right words
/// but another speaker); entities P 0.876, R 0.920, F1 0.898 (92 right of
/// 105 found, 100 gold; by language, recall en 0.980, fa 0.882, ps 0.909,
/// ur 0.750, ar 0.889): the honest held-out figures. Fixed since for the
/// error classes seen: a role standing for the person named with it when
/// another person was named next to the same word ("The judge asked a
/// government lawyer, X": a role and a name are joined only by
/// punctuation, names and function words), a judge's title "Justice" (and
/// a captain's "skipper") standing for "the judge"; a role written with
/// other words the second time ("رئیس انجمن X" after "Y، رئیس این
/// انجمن", "نائب الوزير التركماني" after "نائب وزير الخارجية التركماني، Y"),
/// matched by the role's words; a role opening the sentence before a
/// quotation without a verb of saying ("معاون اتاق … اما به این وعده باور
/// ندارد. «…»"); bare roles in Pashto, Urdu and Arabic ("قاضي", "ترجمان",
/// "نائب", "الوزير"); a one-word place between a title and a name
/// ("Justice Farah Naz Qureshi"); a possessive after "the court," is no
/// apposition ("Mohmand's wife"); a body's name in guillemets opened by
/// its head word ("«انجمن حمایت از کودکان کار»"), and the same words found
/// again without them; the national chamber's short Dari name before a
/// province ("اتاق تجارت و صنایع هرات") is the province's chamber; Pashto
/// "د استیناف محکمه"; Pashto enclitics ("نور مې") and a word after a Dari
/// plural ("کلاس‌های شبانه") are no names; the gazetteer's Oman and
/// Arabic "آسيا الوسطى". Quotes P 1.000, R 1.000 and entities P 0.942, R
/// 0.970, F1 0.956 (left: three Urdu names found under the gazetteer's
/// canonical names the gold does not list, "Pakistan Foreign Office",
/// "Pakistan Ministry of Interior", "Tehreek-e-Taliban Pakistan"; UNICEF's
/// Pashto descriptive name split in two; a provincial economy department):
/// the floors are just under those.
const HELDOUT_17_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.96,
    entity_f1: 0.94,
};

/// First scored, before any rule was changed for it: quotes P 0.872, R
/// 0.829, F1 0.850 (34 right of 39 found, 41 gold; 5 with the right words
/// but another speaker); entities P 0.933, R 0.866, F1 0.898 (84 right of
/// 90 found, 97 gold; kind right for 0.988; by language, recall en 0.978,
/// fa 0.818, ps 0.600, ur 0.714, ar 1.000): the honest held-out figures.
/// Fixed since for the error classes seen: a pronoun after a sentence
/// whose subject is a role ("The director said …. “…,” he said") is the
/// person named with the role, not the last person named; "the report"
/// of an organisation that "accused" another is the accuser's; a
/// one-letter word in Arabic script before a full stop (Pashto "و", was)
/// ends its sentence, not an initial; a Pashto bare role before words on
/// the manner ("قاضي په ځواب کې وویل") is the role alone; "«…،» دا خبره X
/// وکړه" in one sentence; the Urdu speaker of an assembly ("اسپیکر") a
/// role; "سردار" before "خان" after a title a given name, "گل‌احمد" a
/// compound given name, "صادق" and "بابر" given names, Pashto "بیا" no
/// name word; a Pashto province's chamber ("د X د سوداګرۍ او پانګونې
/// خونه") and primary court ("د X ولایت ابتدایيې محکمه"), a Dari
/// university ("دانشگاه X"), the place inside them no place of its own;
/// "Sri Lankan" a nationality; Pakistan's provincial assemblies, four
/// dams and four rivers in the gazetteer. Quotes P 1.000, R 1.000 and
/// entities P 0.989, R 0.948, F1 0.968 (left: Afghanistan named only in
/// UNAMA's name, which the gold lists as a place; Kandahar named only in
/// its chamber's name, also listed; the chamber found in the Pashto
/// oblique case, "… خونې", which the gold lists only in the direct case;
/// Spin Boldak's customs and Chaman's traders' union; a stadium's kind):
/// the floors are just under those.
const HELDOUT_18_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.94,
    entity_f1: 0.96,
};

/// Written and annotated before it was first scored, which gave quotes P
/// 0.933, R 0.903, F1 0.918 (28 right of 30 found, 31 gold; 2 with the
/// right words but another speaker) and entities P 0.957, R 0.936, F1
/// 0.946 (88 right of 92 found, 94 gold; kind right for 1.000; by
/// language, recall en 1.000, fa 0.833, ps 0.867, ur 0.875, ar 1.000 and
/// precision en 0.978, fa 0.938, ps 0.929, ur 0.875, ar 1.000): the
/// honest held-out figures. Fixed since for the error classes seen: Dari
/// given names compounded with آقا ("خان‌آقا") and "فریدون" unknown, so
/// "وی افزود" went to the person named before; the field a teacher
/// teaches ("استاد اقتصاد") read as a name after the title استاد, and so
/// as the speaker; Urdu "زیر غور" (under consideration) read as the
/// province Ghor; a Pashto department of the fight against something ("د
/// X د مخدره توکو پر وړاندې د مبارزې ریاست") cut at "پر وړاندې"; an Urdu
/// city's police before a postposition ("اسلام آباد پولیس کے"); NetBlocks
/// and the Pashto oblique "مارجې" in the gazetteer. Quotes P 1.000, R
/// 1.000 and entities P 0.989, R 1.000, F1 0.995 (left: "Asia" in "the
/// group's Asia programme coordinator" taken for an organisation): the
/// floors are just under those.
const HELDOUT_19_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.98,
    entity_f1: 0.98,
};

/// Written and annotated before it was first scored, which gave quotes P
/// 1.000, R 1.000, F1 1.000 (18 right of 18 found, 18 gold) and entities
/// P 0.853, R 0.892, F1 0.872 (58 right of 68 found, 65 gold; kind right
/// for 0.983; by language, recall en 0.966, fa 0.923, ps 0.800, ur 0.833,
/// ar 0.714 and precision en 0.875, fa 0.923, ps 0.727, ur 0.833, ar
/// 0.833): the honest held-out figures. Fixed since for the error classes
/// seen: a Pashto place in the ablative after "له" ("له پاکستانه", "له
/// پېښوره"); an Urdu day of the week read into the name before it
/// ("X پیر کے روز"); an Arabic syndicate ("نقابة …") as a body's head; a
/// capitalised word with digits ("Twenty20") read as a person; an airline
/// ("… Airways") as an organisation; the Dari name of DABS followed by
/// "افغانستان". Quotes P 1.000, R 1.000 and entities P 0.913, R 0.969,
/// F1 0.940 (left: the Dari national body "اداره ملی امتحانات" missed;
/// the Arabic "وزارة الصحة العامة", which also names other countries'
/// ministries, not linked to the Ministry of Public Health; "foreign
/// ministry" after "Qatari" and "the Taliban's"; Pashto provincial
/// departments not in the gold; a league team named "X Knights" taken for
/// a person): the floors are just under those.
const HELDOUT_20_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.96,
    entity_f1: 0.93,
};

/// Written and annotated before it was first scored, which gave quotes P
/// 0.970, R 0.914, F1 0.941 (32 right of 33 found, 35 gold; 1 with the
/// right words but another speaker) and entities P 0.942, R 0.933, F1
/// 0.938 (98 right of 104 found, 105 gold; kind right for 0.990; by
/// language, recall en 0.978, fa 0.882, ps 0.864, ur 1.000, ar 0.900 and
/// precision en 0.936, fa 0.938, ps 0.950, ur 1.000, ar 0.900): the
/// honest held-out figures. Fixed since for the error classes seen: an
/// Arabic name run on into "مع" (with) and other prepositions, which also
/// gave the quotation a wrong speaker; a Pashto customs house or trade
/// union of a place in the oblique ("د سپین بولدک د ګمرک", "د چمن د
/// سوداګرو اتحادیې"), and a chamber's oblique head ("خونې"), now named in
/// the direct case; a gazetteer spelling listed with commas ("د کرنې،
/// اوبو لګولو او مالدارۍ وزارت"); a Pashto United Nations body ("د ملګرو
/// ملتونو د … ادارې") taken for the UN; Dari "سنگین" (heavy) read as the
/// district Sangin; a feast ("Nowruz") read as a person; a quotation
/// opening an article after its dateline, named by "That is how X
/// explains"; a quotation after a sentence told "به گفته او"; UNMAS, a
/// district of Ghor, Khorezm and the Pashto spelling of New Delhi in the
/// gazetteer. Quotes P 1.000, R 1.000 and entities P 1.000, R 0.990, F1
/// 0.995 (left: Dari "شهرک", a district's name that is also the common
/// noun for a township): the floors are just under those.
const HELDOUT_21_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.98,
    entity_f1: 0.98,
};

/// Written and annotated before it was first scored, which gave quotes P
/// 0.892, R 0.917, F1 0.904 (33 right of 37 found, 36 gold; 3 with the
/// right words but another speaker) and entities P 0.895, R 0.944, F1
/// 0.919 (102 right of 114 found, 108 gold; kind right for 0.971; by
/// language, recall en 0.959, fa 0.955, ps 1.000, ur 0.667, ar 1.000 and
/// precision en 0.904, fa 1.000, ps 0.947, ur 0.600, ar 0.833): the
/// honest held-out figures. Fixed since for the error classes seen: an
/// Urdu role's field read into the name after it ("ڈائریکٹر کرکٹ X نے")
/// and an age before a surname ("20 سالہ X نے"), both giving quotations
/// a wrong speaker; an Urdu league ("… سپر لیگ") and a team named after
/// its city after "فرنچائز"; Urdu "ہر لیگ", "بتایا کہ بورڈ" and
/// "افغان لیگ" as bodies; Pashto "طالبانو" after a number (students) read
/// as the Taliban; an organisation noun before a name ("the refugee rights
/// group Pro Asyl") or heading its apposition ("X, the Turkmen state
/// company …") for an organisation; one capitalised word after "in the"
/// as a place; the Dari spelling of Kyrgyzstan. Quotes P 0.973, R 1.000
/// and entities P 0.938, R 0.981, F1 0.959. The rules fixed for
/// held-out-23 (names running over "of" and a portfolio, "Minaret of Jam",
/// "Federal Ministry of the Interior"; a project's acronym, "TAPI"; a
/// nationality ending a run, "Work on the Afghan") bring entities to P
/// 0.973, R 1.000, F1 0.986 (left: a phrase after "described it as",
/// which the rules take for a quotation; "Marco Polo" in an animal's
/// name; an embassy and "وزارة الخارجية" of the Taliban's government,
/// which the gold leaves out): the floors are just under those.
const HELDOUT_22_FLOORS: Floors = Floors {
    quote_p: 0.96,
    quote_r: 0.98,
    entity_r: 0.98,
    entity_f1: 0.98,
};

/// Written and annotated before it was first scored, which gave quotes P
/// 0.882, R 0.833, F1 0.857 (30 right of 34 found, 36 gold; 3 with the
/// right words but another speaker) and entities P 0.910, R 0.902, F1
/// 0.906 (101 right of 111 found, 112 gold; kind right for 0.970; by
/// language, recall en 0.900 (45/50), fa 0.947 (18/19), ps 0.842 (16/19),
/// ur 1.000 (14/14), ar 0.800 (8/10) and precision en 0.900, fa 1.000, ps
/// 0.842, ur 1.000, ar 0.800): the honest held-out figures. Fixed since
/// for the error classes seen: a person's "of" cut through "Museum of
/// Cultural History" and "the Minaret of Jam"; a place the gazetteer took
/// after "of" ending "National Olympic Committee of Afghanistan"; "General"
/// taken for a title before "Directorate"; an occupation before a name
/// ("Wrestler X"); "Afghan Wireless and MTN"; "it wrote" after an
/// organisation; an Arabic nationality after a body's name ("… الكويتية")
/// and "للعربية" after a person's; a Pashto department of "the province"
/// ("د ولایت د امنیې قوماندانۍ"); Pashto "«…» د X خبره ده"; a Dari body
/// named in guillemets after its noun ("انتشارات «سپیده»"), which also
/// hid the quotation after it; a Dari phrase quoted inside a reported
/// clause; a Pashto given name after an age ("۱۹ کلن X،"); the Pashto
/// spellings of Alingar and the Emirates; the outlet known to the
/// gazetteer by its short name ("Pajhwok"). Quotes P 1.000, R 1.000 and
/// entities P 1.000, R 1.000, F1 1.000 (kind right for 0.982: Noshaq and
/// Roshan taken for people): the floors are just under those.
const HELDOUT_23_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.98,
    entity_r: 0.98,
    entity_f1: 0.98,
};

/// Written and annotated before it was first scored, which gave quotes P
/// 0.912, R 0.861, F1 0.886 (31 right of 34 found, 36 gold; 3 with the
/// right words but another speaker) and entities P 0.842, R 0.897, F1 0.869
/// (96 right of 114 found, 107 gold; kind right for 0.979; by language,
/// recall en 0.958 (46/48), fa 0.864 (19/22), ps 0.941 (16/17), ur 0.778
/// (7/9), ar 0.727 (8/11)): the honest held-out figures. Fixed since for
/// the error classes seen: ships after their prefix ("MV Gibe", "INS
/// Sukanya") taken for people; an event's word in the plural ("the Academy
/// Awards"); "the Gulf of Oman" cut into a person and a country; "Limited"
/// and "Logistics" ending a company's name; the country after a dateline's
/// city ("TBILISI, Georgia (AP)"); the outlet named without its "News"
/// ("Tolo" for TOLOnews); "the group said" for the organisation named last;
/// a relative in apposition ("X، پسر Y، گفت") taken for the speaker; a
/// Pashto statement that "adds" ("اعلامیه زیاتوي:"); an acronym after ",
/// known as" ("FIDE"). Quotes P 1.000, R 0.972 (35 right of 35 found, 36
/// gold) and entities P 0.916, R 0.916, F1 0.916 (98 right of 107 found;
/// recall en 1.000, fa 0.864, ps 0.941, ur 0.778, ar 0.727; left: a
/// quotation after "X laughed.", the short "سویډن کمېټې", an Urdu council's
/// nationality, Arabic bodies the gazetteer does not spell, "السعودية"
/// after a body's name): the floors are just under those.
const HELDOUT_24_FLOORS: Floors = Floors {
    quote_p: 0.98,
    quote_r: 0.96,
    entity_r: 0.91,
    entity_f1: 0.90,
};

const SAMPLE_FLOORS: Floors = Floors {
    quote_p: 0.95,
    quote_r: 0.95,
    entity_r: 0.96,
    entity_f1: 0.96,
};

#[derive(Debug, Default)]
struct Gold {
    id: String,
    lang: Option<String>,
    outlet: Option<String>,
    paragraphs: Vec<String>,
    title_hash: Option<String>,
    entities: Vec<(String, Vec<String>)>,
    quotes: Vec<(Vec<String>, String)>,
}

/// Lower-cased words (letters, digits, `_`) joined by one space.
fn words(text: &str) -> String {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn quote_hash(text: &str) -> String {
    let digest = Sha256::digest(words(text).as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

fn name_key(name: &str) -> String {
    words(&normalize(name))
}

fn parse_gold(text: &str) -> Vec<Gold> {
    let mut out: Vec<Gold> = Vec::new();
    let mut section = "";
    let mut para = String::new();
    let flush = |para: &mut String, g: Option<&mut Gold>| {
        if let Some(g) = g
            && !para.trim().is_empty()
        {
            g.paragraphs.push(para.trim().to_string());
        }
        para.clear();
    };
    for line in text.lines() {
        if let Some(head) = line.strip_prefix("=== ") {
            flush(&mut para, out.last_mut());
            section = "body";
            let mut g = Gold::default();
            for (i, field) in head.split_whitespace().enumerate() {
                if i == 0 {
                    g.id = field.to_string();
                } else if let Some(v) = field.strip_prefix("lang=") {
                    g.lang = Some(v.to_string());
                } else if let Some(v) = field.strip_prefix("title-sha256=") {
                    g.title_hash = Some(v.to_string());
                }
            }
            if let Some(o) = head.split_once("outlet=") {
                g.outlet = Some(o.1.trim().to_string());
            }
            out.push(g);
            continue;
        }
        if line.starts_with('#') && section != "body" {
            continue;
        }
        if line == "--- entities" || line == "--- quotes" {
            flush(&mut para, out.last_mut());
            section = if line == "--- entities" {
                "entities"
            } else {
                "quotes"
            };
            continue;
        }
        let Some(g) = out.last_mut() else { continue };
        match section {
            "body" => {
                if line.trim().is_empty() {
                    flush(&mut para, Some(g));
                } else {
                    if !para.is_empty() {
                        para.push('\n');
                    }
                    para.push_str(line);
                }
            }
            "entities" if !line.trim().is_empty() => {
                let (kind, names) = line.split_once(':').unwrap_or(("", line));
                g.entities.push((
                    kind.trim().to_string(),
                    names.split('|').map(|n| n.trim().to_string()).collect(),
                ));
            }
            "quotes" if !line.trim().is_empty() => {
                let (speakers, quote) = line.split_once('\t').unwrap_or((line, ""));
                let hash = match quote.strip_prefix('#') {
                    Some(h) => h.trim().to_string(),
                    None => quote_hash(quote),
                };
                g.quotes.push((
                    speakers.split('|').map(|s| s.trim().to_string()).collect(),
                    hash,
                ));
            }
            _ => {}
        }
    }
    out
}

#[derive(Debug, Default)]
struct Tally {
    quote_tp: usize,
    quote_pred: usize,
    quote_gold: usize,
    quote_text_only: usize,
    ent_tp: usize,
    ent_pred: usize,
    ent_gold: usize,
    kind_right: usize,
}

fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 {
        1.0
    } else {
        tp as f64 / pred as f64
    };
    let r = if gold == 0 {
        1.0
    } else {
        tp as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn score(g: &Gold, verbose: bool, t: &mut Tally) {
    let mut found = entities::find(&g.paragraphs, g.lang.as_deref());
    entities::without_outlet(&g.paragraphs, &mut found, g.outlet.as_deref());
    let quotes = quotes::find(&g.paragraphs, &found, g.outlet.as_deref());
    if LIST.load(Ordering::Relaxed) {
        for e in &found {
            let surfaces: Vec<&str> = e.mentions.iter().map(|m| m.surface.as_str()).collect();
            println!(
                "  [{}] found {} {} = {}",
                g.id,
                e.kind.as_str(),
                e.name,
                surfaces.join(" | ")
            );
        }
        for q in &quotes {
            println!("  [{}] said {} <- {:.60}", g.id, q.speaker, q.quote);
        }
    }
    // Entities.
    let mut used = vec![false; g.entities.len()];
    t.ent_pred += found.len();
    t.ent_gold += g.entities.len();
    for e in &found {
        let key = name_key(&e.name);
        let hit = g
            .entities
            .iter()
            .enumerate()
            .find(|(i, (_, names))| !used[*i] && names.iter().any(|n| name_key(n) == key));
        match hit {
            Some((i, (kind, _))) => {
                used[i] = true;
                t.ent_tp += 1;
                if kind.eq_ignore_ascii_case(e.kind.as_str()) {
                    t.kind_right += 1;
                } else if verbose {
                    println!(
                        "  [{}] entity kind: {} is {}, gold {}",
                        g.id,
                        e.name,
                        e.kind.as_str(),
                        kind
                    );
                }
            }
            None if verbose => println!("  [{}] entity FP: {} ({})", g.id, e.name, e.kind.as_str()),
            None => {}
        }
    }
    if verbose {
        for (i, (kind, names)) in g.entities.iter().enumerate() {
            if !used[i] {
                println!("  [{}] entity missed: {} ({kind})", g.id, names[0]);
            }
        }
    }
    // Quotes.
    let mut used = vec![false; g.quotes.len()];
    t.quote_pred += quotes.len();
    t.quote_gold += g.quotes.len();
    for q in &quotes {
        let hash = quote_hash(&q.quote);
        let speaker = name_key(&q.speaker);
        let hit = g.quotes.iter().enumerate().find(|(i, (speakers, h))| {
            !used[*i] && *h == hash && speakers.iter().any(|s| name_key(s) == speaker)
        });
        match hit {
            Some((i, _)) => {
                used[i] = true;
                t.quote_tp += 1;
            }
            None => {
                if g.quotes.iter().any(|(_, h)| *h == hash) {
                    t.quote_text_only += 1;
                }
                if verbose {
                    println!("  [{}] quote FP: {} <- {:.70}", g.id, q.speaker, q.quote);
                }
            }
        }
    }
    if verbose {
        for (i, (speakers, h)) in g.quotes.iter().enumerate() {
            if !used[i] {
                println!("  [{}] quote missed: {} #{h}", g.id, speakers[0]);
            }
        }
    }
}

fn report(set: &str, t: &Tally, floors: &Floors) -> bool {
    let (qp, qr, qf) = prf(t.quote_tp, t.quote_pred, t.quote_gold);
    let (ep, er, ef) = prf(t.ent_tp, t.ent_pred, t.ent_gold);
    println!(
        "{set:<10} quotes   P {qp:.3}  R {qr:.3}  F1 {qf:.3}  ({} right of {} found, {} gold; {} with the right words but another speaker)",
        t.quote_tp, t.quote_pred, t.quote_gold, t.quote_text_only
    );
    println!(
        "{set:<10} entities P {ep:.3}  R {er:.3}  F1 {ef:.3}  ({} right of {} found, {} gold; kind right for {:.3})",
        t.ent_tp,
        t.ent_pred,
        t.ent_gold,
        if t.ent_tp == 0 {
            0.0
        } else {
            t.kind_right as f64 / t.ent_tp as f64
        }
    );
    let mut ok = true;
    for (what, v, floor) in [
        ("quotes precision", qp, floors.quote_p),
        ("quotes recall", qr, floors.quote_r),
        ("entities recall", er, floors.entity_r),
        ("entities F1", ef, floors.entity_f1),
    ] {
        if v < floor {
            println!("{set:<10} BELOW FLOOR: {what} {v:.3} < {floor:.2}");
            ok = false;
        }
    }
    ok
}

fn main() -> ExitCode {
    let mut sample: Option<String> = None;
    let mut verbose = false;
    let mut sets: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--sample" => sample = args.next(),
            "--verbose" | "-v" => verbose = true,
            "--list" => {
                verbose = true;
                LIST.store(true, Ordering::Relaxed);
            }
            "--set" => sets.extend(args.next()),
            other => {
                eprintln!(
                    "unknown argument `{other}`; usage: eval_quotes [--sample DIGEST] [--set NAME]... [--verbose] [--list]"
                );
                return ExitCode::from(2);
            }
        }
    }
    let mut ok = true;
    for (set, gold, floors) in [
        ("synthetic", SYNTHETIC, &SYNTHETIC_FLOORS),
        ("synthetic-2", SYNTHETIC_2, &SYNTHETIC_2_FLOORS),
        ("held-out-3", HELDOUT_3, &HELDOUT_3_FLOORS),
        ("held-out-4", HELDOUT_4, &HELDOUT_4_FLOORS),
        ("held-out-5", HELDOUT_5, &HELDOUT_5_FLOORS),
        ("held-out-6", HELDOUT_6, &HELDOUT_6_FLOORS),
        ("held-out-7", HELDOUT_7, &HELDOUT_7_FLOORS),
        ("held-out-8", HELDOUT_8, &HELDOUT_8_FLOORS),
        ("held-out-9", HELDOUT_9, &HELDOUT_9_FLOORS),
        ("held-out-10", HELDOUT_10, &HELDOUT_10_FLOORS),
        ("held-out-11", HELDOUT_11, &HELDOUT_11_FLOORS),
        ("held-out-12", HELDOUT_12, &HELDOUT_12_FLOORS),
        ("held-out-13", HELDOUT_13, &HELDOUT_13_FLOORS),
        ("held-out-14", HELDOUT_14, &HELDOUT_14_FLOORS),
        ("held-out-15", HELDOUT_15, &HELDOUT_15_FLOORS),
        ("held-out-16", HELDOUT_16, &HELDOUT_16_FLOORS),
        ("held-out-17", HELDOUT_17, &HELDOUT_17_FLOORS),
        ("held-out-18", HELDOUT_18, &HELDOUT_18_FLOORS),
        ("held-out-19", HELDOUT_19, &HELDOUT_19_FLOORS),
        ("held-out-20", HELDOUT_20, &HELDOUT_20_FLOORS),
        ("held-out-21", HELDOUT_21, &HELDOUT_21_FLOORS),
        ("held-out-22", HELDOUT_22, &HELDOUT_22_FLOORS),
        ("held-out-23", HELDOUT_23, &HELDOUT_23_FLOORS),
        ("held-out-24", HELDOUT_24, &HELDOUT_24_FLOORS),
    ] {
        if !sets.is_empty() && !sets.iter().any(|s| s == set) {
            continue;
        }
        let mut t = Tally::default();
        for g in parse_gold(gold) {
            score(&g, verbose, &mut t);
        }
        ok &= report(set, &t, floors);
    }
    if !sets.is_empty() && !sets.iter().any(|s| s == "sample") {
        sample = None;
    }
    if let Some(path) = sample {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return ExitCode::from(2);
            }
        };
        let drafts = match khabar_publish::parse_digest(&text) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::from(2);
            }
        };
        let mut t = Tally::default();
        let mut seen = HashSet::new();
        for mut g in parse_gold(SAMPLE_GOLD) {
            let Some(d) =
                g.id.parse::<usize>()
                    .ok()
                    .and_then(|n| drafts.get(n.wrapping_sub(1)))
            else {
                eprintln!("sample gold article {} is not in {path}", g.id);
                return ExitCode::from(2);
            };
            let title_hash: String = Sha256::digest(d.title.as_bytes())
                .iter()
                .take(6)
                .map(|b| format!("{b:02x}"))
                .collect();
            if g.title_hash.as_deref() != Some(title_hash.as_str()) {
                eprintln!(
                    "sample gold article {}: title hash {title_hash} differs from the gold's",
                    g.id
                );
                return ExitCode::from(2);
            }
            seen.insert(g.id.clone());
            g.paragraphs = d.paragraphs.clone();
            g.lang = Some("en".to_string());
            g.outlet = d.source.clone();
            score(&g, verbose, &mut t);
        }
        ok &= report("sample", &t, &SAMPLE_FLOORS);
        println!(
            "({} sample articles annotated of {})",
            seen.len(),
            drafts.len()
        );
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
