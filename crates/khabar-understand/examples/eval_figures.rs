//! Evaluation of figures, topics and teasers against gold files.
//!
//! ```sh
//! cargo run -p khabar-understand --release --example eval_figures            # synthetic gold
//! cargo run -p khabar-understand --release --example eval_figures -- \
//!     --sample ../shared/samples/afghanistan-digest.txt                     # + the sample digest
//! ```
//!
//! Figures are found with the article's entities and quotations, as the
//! pipeline finds them; a cited source is right when it, or any name of the entity it was
//! resolved to, matches the gold's.
//!
//! Prints, per set: figure recall and precision with the right value, the
//! accuracy of unit, approximation, what is counted and cited source on the
//! matched figures; topic precision, recall and F1 per label; teaser
//! agreement; and the speed of the three analyses. `--verbose` lists every
//! missed and spurious figure and topic. Exits with status 1 when a set
//! falls below its floor (set just under the measured figures).

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Instant;

use khabar_understand::figures::{self, FoundFigure};
use khabar_understand::normalize::normalize;
use khabar_understand::{Taxonomy, entities, quotes, teaser};
use serde::Deserialize;
use sha2::{Digest, Sha256};

const SYNTHETIC: &str = include_str!("../eval/figures-topics-synthetic.toml");
const HELDOUT: &str = include_str!("../eval/figures-topics-heldout.toml");
const HELDOUT_3: &str = include_str!("../eval/figures-topics-heldout-3.toml");
const HELDOUT_4: &str = include_str!("../eval/figures-topics-heldout-4.toml");
const HELDOUT_5: &str = include_str!("../eval/figures-topics-heldout-5.toml");
const HELDOUT_6: &str = include_str!("../eval/figures-topics-heldout-6.toml");
const HELDOUT_7: &str = include_str!("../eval/figures-topics-heldout-7.toml");
const HELDOUT_8: &str = include_str!("../eval/figures-topics-heldout-8.toml");
const HELDOUT_9: &str = include_str!("../eval/figures-topics-heldout-9.toml");
const HELDOUT_10: &str = include_str!("../eval/figures-topics-heldout-10.toml");
const HELDOUT_11: &str = include_str!("../eval/figures-topics-heldout-11.toml");
const HELDOUT_12: &str = include_str!("../eval/figures-topics-heldout-12.toml");
const HELDOUT_13: &str = include_str!("../eval/figures-topics-heldout-13.toml");
const HELDOUT_14: &str = include_str!("../eval/figures-topics-heldout-14.toml");
const HELDOUT_15: &str = include_str!("../eval/figures-topics-heldout-15.toml");
const HELDOUT_16: &str = include_str!("../eval/figures-topics-heldout-16.toml");
const HELDOUT_17: &str = include_str!("../eval/figures-topics-heldout-17.toml");
const HELDOUT_18: &str = include_str!("../eval/figures-topics-heldout-18.toml");
const HELDOUT_19: &str = include_str!("../eval/figures-topics-heldout-19.toml");
const HELDOUT_20: &str = include_str!("../eval/figures-topics-heldout-20.toml");
const HELDOUT_21: &str = include_str!("../eval/figures-topics-heldout-21.toml");
const HELDOUT_22: &str = include_str!("../eval/figures-topics-heldout-22.toml");
const HELDOUT_23: &str = include_str!("../eval/figures-topics-heldout-23.toml");
const HELDOUT_24: &str = include_str!("../eval/figures-topics-heldout-24.toml");
const SAMPLE: &str = include_str!("../eval/figures-topics-sample.toml");

/// Floors: (figure recall, figure precision, topic micro-F1).
const SYNTHETIC_FLOOR: (f64, f64, f64) = (0.95, 0.95, 0.95);
const HELDOUT_FLOOR: (f64, f64, f64) = (0.95, 0.95, 0.90);
/// This set measured figure recall 0.921, precision 0.946 (topics 0.774)
/// when it was written, before any rule was changed for it; rules tuned on
/// it since reach recall 1.000, precision 1.000, topics 0.848. Floors just
/// under those.
const HELDOUT_3_FLOOR: (f64, f64, f64) = (0.98, 0.98, 0.83);
/// First scored, before any rule was changed for it: figure recall 0.962,
/// precision 0.909, topics 0.703 (the honest held-out figures). Rules
/// fixed since for the error classes seen: recall 1.000, precision 1.000,
/// topics 0.909. Floors just under those.
const HELDOUT_4_FLOOR: (f64, f64, f64) = (0.98, 0.98, 0.89);
/// First scored, before any rule was changed for it: figure recall 0.891,
/// precision 0.953, topics 0.895 (the honest held-out figures). Rules
/// fixed since for the error classes seen (a range's first number taking
/// the second's scale, digits after the Arabic و, "في المئة", a capitalised
/// "Between" read as a model name): recall 1.000, precision 1.000, topics
/// 0.895. Floors just under those.
const HELDOUT_5_FLOOR: (f64, f64, f64) = (0.98, 0.98, 0.88);
/// First scored, before any rule was changed for it: figure recall 0.933,
/// precision 0.933 (unit 0.815, source 0.652), topics micro F1 0.857 (P
/// 0.938, R 0.789): the honest held-out figures. Rules fixed since for
/// the error classes seen (a time of day, "six in the morning", and the
/// upper end of an age range, "aged 12 to 18", are no figures; a Dari
/// number word before a noun for people, "سه زن", is one) bring it to
/// recall 0.967, precision 1.000; trade, farming and harvest words in the
/// taxonomy's economy topic bring topics to F1 0.919; the Arabic dual of a
/// scale ("مليوني شخص", two million), read since, brings recall to 1.000.
/// Floors just under those.
const HELDOUT_6_FLOOR: (f64, f64, f64) = (0.98, 0.98, 0.91);
/// First scored, before any rule was changed for it: figure recall 0.951,
/// precision 0.907 (39 right of 43 found, 41 gold; unit 0.789, approx
/// 0.974, source 0.658), topics micro F1 0.788 (P 0.867, R 0.722): the
/// honest held-out figures. Rules fixed since for the error classes seen
/// ("eleven nights" is a duration; ratios, "one in five"; "aged between 5
/// and 17"; Pashto "دوه نور ټپیان"; Urdu ڈیڑھ and ڈھائی; sources: an
/// organisation known by a name in lower case before the verb, "it" after
/// a source named in the sentence, "according to a statement on its
/// website", "the report" standing for its publisher, a subject in lower
/// case between a comma and the verb, Urdu words between "نے" and the
/// verb) bring it to recall 1.000, precision 1.000 (source 0.923); topic
/// keywords (child labour, hunger, rescue, vocational training, Arabic
/// words for women and girls) bring topics to F1 0.919. Floors just under
/// those.
const HELDOUT_7_FLOOR: (f64, f64, f64) = (0.98, 0.98, 0.90);
/// First scored, before any rule was changed for it: figure recall 0.964,
/// precision 0.988 (80 right of 81 found, 83 gold; unit 0.750, approx
/// 1.000, source 0.643), topics micro F1 0.915 (P 0.931, R 0.900): the
/// honest held-out figures. One gold figure ("a 50-kilogram bag") was
/// taken out afterwards for agreement with held-out-4, where such a size is
/// no figure. Rules fixed since for the error classes seen (a clock hour
/// in words, "after ten"; Dari number words before counted things and
/// possessed nouns, "سه خانه", "شش فرزندش"; units given in English,
/// "کیلوگرام" → kilograms, Dari "تن" weighing goods as tonnes, "others"
/// as people; Pashto "نوي" and Urdu postpositions no unit; sources after
/// Pashto "په راپور کې ویل شوي", Urdu "X کا کہنا ہے کہ" and "ادارے کے
/// مطابق", Dari "اظهار داشت که", a name with its acronym in brackets, and
/// "…, the report said") bring it to recall 1.000, precision 1.000 (unit
/// 0.859, source 0.829; held-out-7's source goes to 0.974). Floors just
/// under those.
const HELDOUT_8_FLOOR: (f64, f64, f64) = (0.98, 0.98, 0.90);
/// First scored, before any rule was changed for it: figure recall 0.968,
/// precision 1.000 (30 right of 30 found, 31 gold; unit 0.800, approx
/// 1.000, source 0.895), topics micro F1 0.903 (P 1.000, R 0.824): the
/// honest held-out figures. Fixed since for the error classes seen: a
/// Dari scale alone after an approximation, before people ("بیش از هزار
/// دختر"), is a figure; words for midwives and childbirth (Dari) and for
/// blankets, tents and relief (Pashto) in the taxonomy. Recall 1.000,
/// precision 1.000 (unit 0.806, source 0.900), topics F1 0.970. Floors
/// just under those.
const HELDOUT_9_FLOOR: (f64, f64, f64) = (0.98, 0.98, 0.95);
/// First scored, before any rule was changed for it: figure recall 1.000,
/// precision 0.977 (42 right of 43 found, 42 gold; unit 0.786, approx
/// 1.000, source 0.500), topics micro F1 0.778 (P 0.778, R 0.778): the
/// honest held-out figures. Fixed since for the error classes seen: a
/// Dari unit made an adjective ("بوری ۴۹ کیلوگرامی") sizes an item and is
/// no figure; an abbreviated title ("said Dr. X") is no source; Urdu,
/// Dari and Arabic words for vehicles, cases and organisations, and
/// "suspects" and "attackers" counting people, as units; "the agency said" with no source cited before stands for the
/// organisation named last; Urdu words for trade losses and the foreign
/// office in the taxonomy. Recall 1.000, precision 1.000 (unit 0.881,
/// source 0.769: the gold gives English names for three sources the text
/// names in Pashto), topics F1 0.811. Floors just under those.
const HELDOUT_10_FLOOR: (f64, f64, f64) = (0.98, 0.98, 0.80);
/// First scored, before any rule was changed for it: figure recall 0.952,
/// precision 1.000 (40 right of 40 found, 42 gold; unit 0.750, approx
/// 0.975, source 0.571), topics micro F1 0.848 (P 0.824, R 0.875): the
/// honest held-out figures. Fixed since for the two misses: staff and
/// reporters counted as people ("هشت کارمند"), and a four-digit count
/// before Urdu "more than" ("۱۴۰۰ سے زائد") no year. Recall 1.000,
/// precision 1.000 (unit 0.786, source 0.700: the gold names several
/// sources in English where the text names them in Dari or Pashto),
/// topics F1 0.848. Floors just under those.
const HELDOUT_11_FLOOR: (f64, f64, f64) = (0.98, 0.98, 0.84);
/// First scored, before any rule was changed for it: figure recall 0.962,
/// precision 0.962 (50 right of 52 found, 52 gold; unit 0.880, approx
/// 1.000, source 0.842), topics micro F1 0.732 (P 0.750, R 0.714): the
/// honest held-out figures. Fixed since for the two misses' classes:
/// Pashto number words in their oblique form ("د څلورو کسانو"), and an
/// Arabic million alone or in the dual joined to thousands ("مليون و٤٠٠
/// ألف", "مليونين و…"). Recall 0.981, precision 0.981 (unit 0.882, source
/// 0.923, the entity rules fixed for held-out-12 finding more sources;
/// the miss left: "په اتو ژبو", eight languages, a noun no classifier),
/// topics F1 0.732. Floors just under those. The miss left was fixed with
/// held-out-13 (languages and dams as counted things), and "three
/// generations" is a span: recall 1.000, precision 1.000.
const HELDOUT_12_FLOOR: (f64, f64, f64) = (0.98, 0.98, 0.70);
/// First scored, before any rule was changed for it: figure recall 0.860,
/// precision 0.942 (49 right of 52 found, 57 gold; unit 0.857, approx
/// 1.000, about 1.000, source 0.698), topics micro F1 0.846 (P 0.846, R
/// 0.846): the honest held-out figures. Fixed since for the misses'
/// classes: Pashto "سوه" (hundred) multiplying the scale after it ("اته
/// سوه میلیونه", "درې زره او پنځه سوه", "شپږ سوه تنه") with Pashto "او"
/// joining; "and a half" before a scale ("دوه نیم میلیونه"); Dari and
/// Pashto "لک" (lakh); a thousand alone joined to digits ("هزار و ۲۰۰",
/// 1200, no longer 200); Arabic number words before people with a
/// preposition joined ("أم لخمسة أطفال", "لمليوني شخص"), not in a ratio
/// or a household's size; languages and dams as counted things, one
/// adjective allowed after "نور"; and for the spurious: "نه" before a
/// thing is a negation, not nine; "two or three" ("دوه یا درې") is no
/// count. Recall 1.000, precision 1.000 (unit 0.895, source 0.755),
/// topics F1 0.846. Floors just under those.
const HELDOUT_13_FLOOR: (f64, f64, f64) = (0.98, 0.98, 0.84);
/// First scored, before any rule was changed for it: figure recall 0.959,
/// precision 1.000 (47 right of 47 found, 49 gold; unit 0.870, approx
/// 0.979, source 0.829), topics micro F1 0.857 (P 0.833, R 0.882): the
/// honest held-out figures. Fixed since: Pashto "څلور یې ماشومان" (the
/// clitic یې between a number word and the people it counts); the entity
/// rules fixed for held-out-14's quotes also name more sources. Recall
/// 0.980, precision 1.000 (unit 0.872, source 0.917), topics F1 0.857; the
/// miss left, "a 647-kilometre railway", is a hyphenated measure before
/// its noun, which the rules read as a descriptor ("a 50-kilogram bag")
/// by the module's convention. Floors just under those.
const HELDOUT_14_FLOOR: (f64, f64, f64) = (0.97, 0.98, 0.84);
/// First scored, before any rule was changed for it: figure recall 0.929,
/// precision 0.929 (26 right of 28 found, 28 gold; unit 0.846, approx
/// 1.000, source 0.550), topics micro F1 0.833 (P 1.000, R 0.714): the
/// honest held-out figures. Fixed since: a Dari number word before a noun
/// for people with "my" ("سه دخترم"; "پسر" a noun for people); Pashto
/// "پېښې" counted as cases ("شپږ پېښې"); spans with "more" ("three more
/// months") and Urdu durations ("۴۸ گھنٹے", "تین برسوں") are no figures.
/// Recall 1.000, precision 1.000 (unit 0.857, source 0.591), topics F1
/// 0.833 (missed: water dispute as climate and diplomacy, carpet weavers
/// as women's rights, a border closure as diplomacy). Floors just under
/// those.
const HELDOUT_15_FLOOR: (f64, f64, f64) = (0.98, 0.98, 0.82);
/// First scored, before any rule was changed for it: figure recall 0.949,
/// precision 0.902 (37 right of 41 found, 39 gold; unit 0.865, approx
/// 1.000, source 0.741), topics micro F1 0.880 (P 0.846, R 0.917): the
/// honest held-out figures. Fixed since: an Arabic number word before a
/// scale ("ثلاثة ملايين لاجئ"); Pashto and Urdu cricket units ("پنځه
/// وکټونه", "۳۵ منډو"), teams and packets as units. Recall 1.000,
/// precision 0.907 (unit 0.949, source 0.750), topics F1 0.880; the
/// spurious left are a cricket scorecard's bare numbers ("Chasing 268",
/// "all out for 213", "top-scored with 77") and an age ("He is only 20").
/// Floors just under those.
const HELDOUT_16_FLOOR: (f64, f64, f64) = (0.98, 0.90, 0.86);
/// First scored, before any rule was changed for it: figure recall 0.923,
/// precision 1.000 (36 right of 36 found, 39 gold; unit 0.750, approx
/// 1.000, source 0.724), topics micro F1 0.813 (P 0.929, R 0.722): the
/// honest held-out figures. Fixed since: Arabic "ألف" alone before a noun
/// is one thousand ("بألف ميغاواط"); Pashto "غړي" (members) counts people
/// ("اووه غړي"); a figure cited to a role ("ترجمان نے بتایا", "المحلل
/// الاقتصادي") is the person named with it, one cited to a body after a
/// role word ("سخنگوی وزارت X، Y، گفت", "رئیس انجمن X گفت") the person,
/// one cited to "this report" its publisher; units in Arabic
/// ("كيلومتراً", "ميغاواط", "فرصة عمل"), Pashto ("ټانکرونه", "شاهدانو")
/// and English ("fans" are people). Recall 0.974, precision 1.000
/// (unit 0.895, source 0.935; left: "د دوو قومونو", two tribes, which the
/// rules read as no count, as "د دوو هېوادونو"), topics 0.813. Floors just
/// under those.
const HELDOUT_17_FLOOR: (f64, f64, f64) = (0.97, 0.98, 0.80);
/// First scored, before any rule was changed for it: figure recall 1.000,
/// precision 0.791 (34 right of 43 found, 34 gold; unit 0.882, approx
/// 0.971, source 0.826), topics micro F1 0.636 (P 0.875, R 0.500): the
/// honest held-out figures. Fixed since: seasons ("three summers") and
/// Arabic years ("ألفي عام") are durations; Arabic "ما يقارب" is about;
/// "elders" and Urdu "افغانوں" count people, Pashto "باروړونکي موټر"
/// trucks; "accused" a verb of reporting; a Dari weekday between the
/// source and its verb ("X روز شنبه اعلام کرد"). Recall 1.000, precision
/// 0.829 (unit 0.971, approx 1.000, source 0.913; the spurious left: a
/// cricket scorecard's bare numbers, "four or five of them", "three and
/// a half days"), topics 0.636. Floors just under those.
const HELDOUT_18_FLOOR: (f64, f64, f64) = (0.98, 0.82, 0.62);
/// First scored, before any rule was changed for it: figure recall 0.895,
/// precision 0.971 (34 right of 35 found, 38 gold; unit 0.853, approx
/// 0.971, source 0.724), topics micro F1 0.800 (P 0.800, R 0.800): the
/// honest held-out figures. Fixed since: a Dari or Pashto number word
/// before a percent word ("سه درصد"); an Arabic number word before a
/// thing counted in a unit ("أربع مدارس"); an English number word before
/// a name of two capitalised words ("two United Nations agencies") no
/// count; "according to its director in Herat, X" cites X; the topic
/// taxonomy's keywords for water and dams, mines and investment, media
/// freedom, jirgas and treaties in the five languages. Recall 0.947,
/// precision 1.000 (unit 0.861, approx 0.972, source 0.806; left: an
/// Arabic dual noun as a count, "عيادتين"; "These two men", which the
/// rules read as a reference back; the source of a Dari speaker named
/// before an apposition and "گفت که", of an organisation before a
/// relative clause, of a Pashto "X په خپل راپور کې ویلي", of an Arabic
/// "وأفاد X بأن"), topics 0.839. Floors just under those.
const HELDOUT_19_FLOOR: (f64, f64, f64) = (0.94, 0.98, 0.82);
/// Held-out-20, annotated before it was first scored, which gave recall
/// 1.000, precision 0.952 (20 right of 21 found, 20 gold; unit 0.650,
/// approx 1.000, source 0.444), topics micro F1 0.632 (P 0.857, R 0.500):
/// the honest held-out figures. Fixed since: a number word glued to digits
/// ("Twenty20") read as a number; counted nouns for people ("citizens",
/// "vaccinators", "داوطلب"), a league's franchises as teams, Arabic "طنا"
/// and Dari "مگاوات" as units; a Dari source named before an apposition
/// and a phrase of place ("X، رئیس Y، در یک نشست خبری در کابل گفت");
/// topic keywords for locusts and medicine prices. Recall 1.000,
/// precision 1.000 (unit 0.900, approx 1.000, source 0.500; left: a
/// figure told by a province's officials or department sourced to them
/// and not to the province, an acronym in brackets given as the source,
/// a Dari subject too far before its verb), topics 0.762. Floors just
/// under those.
const HELDOUT_20_FLOOR: (f64, f64, f64) = (0.98, 0.98, 0.74);
/// Held-out-21, annotated before it was first scored, which gave recall
/// 0.939, precision 1.000 (31 right of 31 found, 33 gold; unit 0.710,
/// approx 0.968, source 0.786), topics micro F1 0.818 (P 0.900, R 0.750):
/// the honest held-out figures. Fixed since: an Arabic dual noun as a
/// count of two ("مستشفيين", "وعيادتين"); Urdu number words before
/// soldiers ("چار فوجی"); sources of unnamed officials of a province
/// ("officials in Parwan province", "مسئولان زراعت ولایت غور", "د
/// ننګرهار ولایت چارواکو") given to the province; an organisation heading
/// the words of a source, in brackets or after a bare noun ("منظمة
/// اليونسكو", "تعلقات عامہ (آئی ایس پی آر)", "د … سازمان په یوه اعلامیه
/// کې") given by its name; an Arabic verb first with a role and the name
/// in apposition ("وأفاد نائب وزير …، X، بأن"); Pashto "more than" with
/// the counted noun between ("تر ۶۰ زره ټنو زیات"). Recall 1.000, precision
/// 1.000 (unit 1.000 with the units of livestock heads, doses, shops,
/// flights, institutes and visas in the lexicon, approx 1.000, source
/// 0.966; left: a source written
/// in English for a chamber the gazetteer does not know), topics 0.818.
/// Floors just under those.
const HELDOUT_21_FLOOR: (f64, f64, f64) = (0.98, 0.98, 0.80);
/// Held-out-22, annotated before it was first scored, which gave recall
/// 1.000, precision 1.000 (34 right of 34 found, 34 gold; unit 0.735,
/// approx 1.000, source 0.724), topics micro F1 0.750 (P 1.000, R 0.600):
/// the honest held-out figures. Fixed since: "the society said",
/// "according to the ministry" given to the organisation so called that
/// was named before, not the last person cited; a Dari subject before a
/// relative clause ("X، باشنده … که …، گفت که", "کمیته … که …، اعلام
/// کرد"); an Urdu "X نے" further from its "کہا"; Arabic "وتشير تقديرات
/// X". Recall 1.000, precision 1.000 (unit 0.912, approx 1.000, source
/// 0.966; left: "according to the ministry" whose ministry the entity
/// rules miss), topics 0.750. Floors just under those.
const HELDOUT_22_FLOOR: (f64, f64, f64) = (0.98, 0.98, 0.74);
/// Held-out-23, annotated before it was first scored, which gave recall
/// 0.951, precision 1.000 (39 right of 39 found, 41 gold; unit 0.769,
/// approx 0.974, source 0.793), topics micro F1 0.625 (P 0.714, R 0.556):
/// the honest held-out figures. Fixed since: a Pashto number word before
/// an agent noun ("اووه کان کیندونکي") and a Dari one before "جلد"
/// (volumes) count them; "the committee said" given to the committee
/// named earlier in the same sentence. Recall 1.000, precision 1.000
/// (unit 0.756, approx 0.976, source 0.828; left: "It added" after a
/// statement, a role resolved after the figure, a place after the
/// source's name taken for it), topics 0.625. Floors just under those.
const HELDOUT_23_FLOOR: (f64, f64, f64) = (0.98, 0.98, 0.62);
/// Held-out-24, annotated before it was first scored, which gave recall
/// 0.973, precision 1.000 (36 right of 36 found, 37 gold; unit 0.639,
/// approx 0.972, source 0.714), topics micro F1 0.833 (P 0.833, R 0.833):
/// the honest held-out figures. Fixed since: "about" after an article's
/// noun ("a documentary about three girls") is no approximation; a body in
/// apposition to a common noun ("The transport company, X, said") is the
/// source. Recall 0.973, precision 1.000 (unit 0.639, approx 1.000, source
/// 0.714; left: units of Arabic-script nouns, "اعلامیه" after a body's
/// short name, a ministry the entity rules miss), topics 0.833. Floors
/// just under those.
const HELDOUT_24_FLOOR: (f64, f64, f64) = (0.97, 0.99, 0.83);
const SAMPLE_FLOOR: (f64, f64, f64) = (0.95, 0.95, 0.85);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Gold {
    article: Vec<GoldArticle>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldArticle {
    id: Option<String>,
    n: Option<usize>,
    title_sha256: Option<String>,
    lang: Option<String>,
    title: Option<String>,
    paragraphs: Option<Vec<String>>,
    teaser: Option<String>,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    figure: Vec<GoldFigure>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldFigure {
    value: f64,
    unit: Option<String>,
    approx: Option<String>,
    #[serde(default)]
    about: Vec<String>,
    source: Option<String>,
}

/// One article to score: its text and its gold.
struct Case<'a> {
    name: String,
    title: String,
    paragraphs: Vec<String>,
    gold: &'a GoldArticle,
    /// The teaser the outlet gave (sample digest), if any.
    outlet_teaser: Option<String>,
}

#[derive(Default)]
struct Tally {
    gold: usize,
    pred: usize,
    matched: usize,
    unit: (usize, usize),
    approx: (usize, usize),
    about: (usize, usize),
    source: (usize, usize),
    topics: BTreeMap<String, (usize, usize, usize)>, // tp, fp, fn
    teaser_exact: (usize, usize),
    teaser_paragraph: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn key(s: &str) -> String {
    normalize(s)
        .to_lowercase()
        .replace('’', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(1.0)
}

fn score(set: &str, cases: &[Case<'_>], taxonomy: &Taxonomy, verbose: bool) -> Tally {
    let mut t = Tally::default();
    for c in cases {
        // With the article's entities, as the pipeline runs it (sources
        // resolve pronouns and spellings through them).
        let found = entities::find(&c.paragraphs, c.gold.lang.as_deref());
        let mut pred = figures::find(&c.paragraphs, &found);
        // A figure inside a quotation is its speaker's.
        figures::cite_quoted(&mut pred, &quotes::find(&c.paragraphs, &found, None));
        // A figure cited to a role is the role holder's.
        quotes::cite_roles(&c.paragraphs, &found, &mut pred);
        let mut used = vec![false; pred.len()];
        t.gold += c.gold.figure.len();
        t.pred += pred.len();
        for g in &c.gold.figure {
            let approx_of = |f: &FoundFigure| f.approx.map(|a| a.as_str().to_string());
            let candidates: Vec<usize> = (0..pred.len())
                .filter(|&i| !used[i] && same_value(pred[i].value, g.value))
                .collect();
            let best = candidates
                .iter()
                .copied()
                .find(|&i| approx_of(&pred[i]) == g.approx)
                .or_else(|| candidates.first().copied());
            let Some(i) = best else {
                if verbose {
                    println!("  [{set}] {}: missed {} {:?}", c.name, g.value, g.unit);
                }
                continue;
            };
            used[i] = true;
            t.matched += 1;
            let p = &pred[i];
            if let Some(u) = &g.unit {
                t.unit.1 += 1;
                if p.unit.as_deref() == Some(u.as_str()) {
                    t.unit.0 += 1;
                } else if verbose {
                    println!(
                        "  [{set}] {}: {} unit {:?}, gold {u}",
                        c.name, g.value, p.unit
                    );
                }
            }
            t.approx.1 += 1;
            if approx_of(p) == g.approx {
                t.approx.0 += 1;
            } else if verbose {
                println!(
                    "  [{set}] {}: {} approx {:?}, gold {:?}",
                    c.name,
                    g.value,
                    approx_of(p),
                    g.approx
                );
            }
            if !g.about.is_empty() {
                t.about.1 += 1;
                let about = key(&p.about);
                if g.about.iter().all(|w| about.contains(&key(w))) {
                    t.about.0 += 1;
                } else if verbose {
                    println!(
                        "  [{set}] {}: {} about {:?}, gold words {:?}",
                        c.name, g.value, p.about, g.about
                    );
                }
            }
            if let Some(s) = &g.source {
                t.source.1 += 1;
                // The source as written, or any name of the entity it was
                // resolved to ("IOM" for International Organization for
                // Migration).
                let ok = p.cited_source.as_deref().is_some_and(|ps| {
                    let mut names = vec![ps.to_string()];
                    if let Some(e) = found.iter().find(|e| e.name == ps) {
                        names.extend(e.aliases.iter().cloned());
                    }
                    names.iter().any(|n| {
                        let (a, b) = (key(n), key(s));
                        a.contains(&b) || b.contains(&a)
                    })
                });
                if ok {
                    t.source.0 += 1;
                } else if verbose {
                    println!(
                        "  [{set}] {}: {} source {:?}, gold {s}",
                        c.name, g.value, p.cited_source
                    );
                }
            }
        }
        if verbose {
            for (i, p) in pred.iter().enumerate().filter(|(i, _)| !used[*i]) {
                let _ = i;
                println!(
                    "  [{set}] {}: spurious {} {:?} ({:?})",
                    c.name, p.value, p.unit, p.surface
                );
            }
        }

        let got: Vec<String> = taxonomy
            .classify(&c.title, &c.paragraphs)
            .into_iter()
            .map(|m| m.topic)
            .collect();
        let labels: std::collections::BTreeSet<&String> =
            got.iter().chain(&c.gold.topics).collect();
        for label in labels {
            let e = t.topics.entry(label.clone()).or_default();
            match (c.gold.topics.contains(label), got.contains(label)) {
                (true, true) => e.0 += 1,
                (false, true) => e.1 += 1,
                (true, false) => e.2 += 1,
                _ => {}
            }
        }
        if verbose
            && got.iter().collect::<std::collections::BTreeSet<_>>()
                != c.gold.topics.iter().collect()
        {
            println!(
                "  [{set}] {}: topics {:?}, gold {:?}",
                c.name, got, c.gold.topics
            );
        }

        let expected = c.gold.teaser.clone().or_else(|| c.outlet_teaser.clone());
        if let Some(expected) = expected {
            let picked = teaser::pick(&c.title, &c.paragraphs).unwrap_or_default();
            t.teaser_exact.1 += 1;
            if key(&picked) == key(&expected) {
                t.teaser_exact.0 += 1;
                t.teaser_paragraph += 1;
            } else {
                let para_of = |s: &str| c.paragraphs.iter().position(|p| key(p).contains(&key(s)));
                if para_of(&picked).is_some() && para_of(&picked) == para_of(&expected) {
                    t.teaser_paragraph += 1;
                }
                if verbose {
                    println!("  [{set}] {}: teaser differs", c.name);
                }
            }
        }
    }
    t
}

/// Prints a set's figures; returns whether it clears its floor.
fn report(set: &str, t: &Tally, floor: (f64, f64, f64)) -> bool {
    let recall = ratio(t.matched, t.gold);
    let precision = ratio(t.matched, t.pred);
    println!("== {set}");
    println!(
        "figures: gold {}, found {}, right value {} → recall {:.3}, precision {:.3}",
        t.gold, t.pred, t.matched, recall, precision
    );
    let acc = |(a, b): (usize, usize)| format!("{:.3} ({a}/{b})", ratio(a, b));
    println!(
        "  on matched figures: unit {}, approx {}, about {}, source {}",
        acc(t.unit),
        acc(t.approx),
        acc(t.about),
        acc(t.source)
    );
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    println!("topics:            P      R      F1    (tp fp fn)");
    for (label, &(a, b, c)) in &t.topics {
        let (p, r) = (ratio(a, a + b), ratio(a, a + c));
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        println!("  {label:<22} {p:.3}  {r:.3}  {f:.3}  ({a} {b} {c})");
        tp += a;
        fp += b;
        fn_ += c;
    }
    let (p, r) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    println!(
        "  {:<22} {p:.3}  {r:.3}  {f1:.3}  ({tp} {fp} {fn_})",
        "micro"
    );
    println!(
        "teaser: same sentence {}/{} ({:.3}), same paragraph {}/{} ({:.3})",
        t.teaser_exact.0,
        t.teaser_exact.1,
        ratio(t.teaser_exact.0, t.teaser_exact.1),
        t.teaser_paragraph,
        t.teaser_exact.1,
        ratio(t.teaser_paragraph, t.teaser_exact.1)
    );
    let ok = recall >= floor.0 && precision >= floor.1 && f1 >= floor.2;
    if !ok {
        println!(
            "BELOW FLOOR: recall ≥ {}, precision ≥ {}, topic F1 ≥ {}",
            floor.0, floor.1, floor.2
        );
    }
    ok
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let sample_path = args
        .iter()
        .position(|a| a == "--sample")
        .and_then(|i| args.get(i + 1));
    let taxonomy = Taxonomy::afghanistan();
    let mut ok = true;

    let synthetic: Gold = match toml::from_str(SYNTHETIC) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-synthetic.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout: Gold = match toml::from_str(HELDOUT) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_3: Gold = match toml::from_str(HELDOUT_3) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-3.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_4: Gold = match toml::from_str(HELDOUT_4) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-4.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_5: Gold = match toml::from_str(HELDOUT_5) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-5.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_6: Gold = match toml::from_str(HELDOUT_6) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-6.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_7: Gold = match toml::from_str(HELDOUT_7) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-7.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_8: Gold = match toml::from_str(HELDOUT_8) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-8.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_9: Gold = match toml::from_str(HELDOUT_9) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-9.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_10: Gold = match toml::from_str(HELDOUT_10) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-10.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_11: Gold = match toml::from_str(HELDOUT_11) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-11.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_12: Gold = match toml::from_str(HELDOUT_12) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-12.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_13: Gold = match toml::from_str(HELDOUT_13) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-13.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_14: Gold = match toml::from_str(HELDOUT_14) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-14.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_15: Gold = match toml::from_str(HELDOUT_15) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-15.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_16: Gold = match toml::from_str(HELDOUT_16) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-16.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_17: Gold = match toml::from_str(HELDOUT_17) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-17.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_18: Gold = match toml::from_str(HELDOUT_18) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-18.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_19: Gold = match toml::from_str(HELDOUT_19) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-19.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_20: Gold = match toml::from_str(HELDOUT_20) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-20.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_21: Gold = match toml::from_str(HELDOUT_21) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-21.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_22: Gold = match toml::from_str(HELDOUT_22) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-22.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_23: Gold = match toml::from_str(HELDOUT_23) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-23.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let heldout_24: Gold = match toml::from_str(HELDOUT_24) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("eval/figures-topics-heldout-24.toml: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut all: Vec<(String, Vec<String>)> = Vec::new();
    for (set, gold, floor) in [
        ("synthetic", &synthetic, SYNTHETIC_FLOOR),
        ("held-out synthetic", &heldout, HELDOUT_FLOOR),
        ("held-out-3 synthetic", &heldout_3, HELDOUT_3_FLOOR),
        ("held-out-4 synthetic", &heldout_4, HELDOUT_4_FLOOR),
        ("held-out-5 synthetic", &heldout_5, HELDOUT_5_FLOOR),
        ("held-out-6 synthetic", &heldout_6, HELDOUT_6_FLOOR),
        ("held-out-7 synthetic", &heldout_7, HELDOUT_7_FLOOR),
        ("held-out-8 synthetic", &heldout_8, HELDOUT_8_FLOOR),
        ("held-out-9 synthetic", &heldout_9, HELDOUT_9_FLOOR),
        ("held-out-10 synthetic", &heldout_10, HELDOUT_10_FLOOR),
        ("held-out-11 synthetic", &heldout_11, HELDOUT_11_FLOOR),
        ("held-out-12 synthetic", &heldout_12, HELDOUT_12_FLOOR),
        ("held-out-13 synthetic", &heldout_13, HELDOUT_13_FLOOR),
        ("held-out-14 synthetic", &heldout_14, HELDOUT_14_FLOOR),
        ("held-out-15 synthetic", &heldout_15, HELDOUT_15_FLOOR),
        ("held-out-16 synthetic", &heldout_16, HELDOUT_16_FLOOR),
        ("held-out-17 synthetic", &heldout_17, HELDOUT_17_FLOOR),
        ("held-out-18 synthetic", &heldout_18, HELDOUT_18_FLOOR),
        ("held-out-19 synthetic", &heldout_19, HELDOUT_19_FLOOR),
        ("held-out-20 synthetic", &heldout_20, HELDOUT_20_FLOOR),
        ("held-out-21 synthetic", &heldout_21, HELDOUT_21_FLOOR),
        ("held-out-22 synthetic", &heldout_22, HELDOUT_22_FLOOR),
        ("held-out-23 synthetic", &heldout_23, HELDOUT_23_FLOOR),
        ("held-out-24 synthetic", &heldout_24, HELDOUT_24_FLOOR),
    ] {
        let cases: Vec<Case<'_>> = gold
            .article
            .iter()
            .map(|a| Case {
                name: a.id.clone().unwrap_or_default(),
                title: a.title.clone().unwrap_or_default(),
                paragraphs: a.paragraphs.clone().unwrap_or_default(),
                gold: a,
                outlet_teaser: None,
            })
            .collect();
        let t = score(set, &cases, &taxonomy, verbose);
        ok &= report(&format!("{set} ({} articles)", cases.len()), &t, floor);
        all.extend(
            cases
                .iter()
                .map(|c| (c.title.clone(), c.paragraphs.clone())),
        );
    }

    let sample_gold: Gold;
    if let Some(path) = sample_path {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let drafts = match khabar_publish::parse_digest(&text) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        sample_gold = match toml::from_str(SAMPLE) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("eval/figures-topics-sample.toml: {e}");
                return ExitCode::FAILURE;
            }
        };
        let mut cases = Vec::new();
        for g in &sample_gold.article {
            let n = g.n.unwrap_or(0);
            let Some(d) = n.checked_sub(1).and_then(|i| drafts.get(i)) else {
                eprintln!("{path}: no article {n}");
                return ExitCode::FAILURE;
            };
            let hash = Sha256::digest(d.title.as_bytes());
            let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
            if g.title_sha256
                .as_deref()
                .is_some_and(|h| !hex.starts_with(h))
            {
                eprintln!(
                    "{path}: article {n} is not the annotated one (title hash {})",
                    &hex[..16]
                );
                return ExitCode::FAILURE;
            }
            cases.push(Case {
                name: format!("sample #{n}"),
                title: d.title.clone(),
                paragraphs: d.paragraphs.clone(),
                gold: g,
                outlet_teaser: d.teaser.clone(),
            });
        }
        let t = score("sample", &cases, &taxonomy, verbose);
        ok &= report(
            &format!("sample digest ({} articles)", cases.len()),
            &t,
            SAMPLE_FLOOR,
        );
        all.extend(
            cases
                .iter()
                .map(|c| (c.title.clone(), c.paragraphs.clone())),
        );
    }

    // Speed of figures, topics and teaser, one thread.
    let classifier = taxonomy.compile();
    let rounds = 100;
    let n = rounds * all.len();
    let time = |f: &dyn Fn(&str, &[String])| {
        let start = Instant::now();
        for _ in 0..rounds {
            for (title, paragraphs) in &all {
                f(title, paragraphs);
            }
        }
        start.elapsed().as_secs_f64()
    };
    let f = time(&|_, p| {
        std::hint::black_box(figures::find(p, &[]));
    });
    let c = time(&|t, p| {
        std::hint::black_box(classifier.classify(t, p));
    });
    let s = time(&|t, p| {
        std::hint::black_box(teaser::pick(t, p));
    });
    let per_s = |secs: f64| n as f64 / secs;
    println!(
        "speed (one thread, {n} articles): figures {:.0}/s, topics {:.0}/s, teaser {:.0}/s, the three {:.0} articles/s",
        per_s(f),
        per_s(c),
        per_s(s),
        per_s(f + c + s)
    );
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
