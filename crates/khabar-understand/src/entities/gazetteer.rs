//! The built-in gazetteer of the Afghanistan catalog
//! (`data/gazetteer-afghanistan.tsv`) and of the wider world's countries,
//! US states, large cities and most-quoted organisations
//! (`data/gazetteer-world.tsv`), indexed for longest-match lookup over a
//! paragraph's tokens.

use std::sync::OnceLock;

use khabar_model::EntityKind;

use rustc_hash::FxHashMap;

use super::tokens::{Token, push_key, tokenize};

/// The catalog's rows first: a spelling both files list is the catalog's.
const DATA: &str = concat!(
    include_str!("../../data/gazetteer-afghanistan.tsv"),
    "\n",
    include_str!("../../data/gazetteer-world.tsv"),
);

/// One known entity.
#[derive(Debug)]
pub(crate) struct Entry {
    pub id: &'static str,
    pub name: &'static str,
    pub kind: EntityKind,
    pub aliases: Vec<&'static str>,
    /// Token keys of each Latin spelling of a person (canonical first), for
    /// the misspelling check.
    pub person_forms: Vec<Vec<String>>,
}

/// What a key of the index leads to.
#[derive(Debug, Default, Clone, Copy)]
struct Slot {
    /// The entry whose spelling this key is, and whether that spelling is
    /// an acronym (then the text must write it in capitals).
    entry: Option<(u32, bool)>,
    /// Some longer spelling starts with this key.
    prefix: bool,
}

#[derive(Debug)]
pub(crate) struct Gazetteer {
    pub entries: Vec<Entry>,
    index: FxHashMap<String, Slot>,
    max_tokens: usize,
    /// The entries' person spellings by word count and first letter.
    person_forms: PersonForms,
}

/// (word count, first letter) → (entry, index in its `person_forms`).
type PersonForms = FxHashMap<(usize, Option<char>), Vec<(u32, usize)>>;

/// A gazetteer match: the entry and how many tokens it covers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub entry: u32,
    pub len: usize,
}

pub(crate) fn get() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::parse(DATA))
}

fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

impl Gazetteer {
    fn parse(data: &'static str) -> Gazetteer {
        let mut entries = Vec::new();
        let mut index: FxHashMap<String, Slot> = FxHashMap::default();
        let mut max_tokens = 1;
        // Spellings in the other script's letters (Pashto ګ for Dari گ,
        // Urdu ہ for ه), indexed once every listed spelling is, so that a
        // listed one always wins a key.
        let mut variants: Vec<(String, u32)> = Vec::new();
        for line in data.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(id), Some(name)) = (cols.next(), cols.next()) else {
                continue;
            };
            let kind = match id.split(':').next() {
                Some("person") => EntityKind::Person,
                Some("place") => EntityKind::Place,
                _ => EntityKind::Organization,
            };
            let aliases: Vec<&'static str> = cols
                .next()
                .map(|a| {
                    a.split('|')
                        .map(str::trim)
                        .filter(|a| !a.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            let n = entries.len() as u32;
            let mut person_forms = Vec::new();
            let mut spellings: Vec<String> = std::iter::once(name)
                .chain(aliases.iter().copied())
                .map(String::from)
                .collect();
            let ezafe: Vec<String> = spellings.iter().filter_map(|s| ezafe_variant(s)).collect();
            spellings.extend(ezafe);
            for spelling in spellings.iter().map(String::as_str) {
                let toks = tokenize(spelling);
                if toks.is_empty() {
                    continue;
                }
                if toks[0].arabic {
                    variants.extend(letter_variants(spelling).into_iter().map(|v| (v, n)));
                }
                if kind == EntityKind::Person && toks.len() >= 2 && !toks[0].arabic {
                    person_forms.push(toks.iter().map(|t| t.key.clone()).collect());
                }
                max_tokens = max_tokens.max(toks.len());
                let mut key = String::new();
                let mut prev = None;
                for (i, t) in toks.iter().enumerate() {
                    push_key(&mut key, prev, t);
                    prev = Some(t.arabic);
                    let slot = index.entry(key.clone()).or_default();
                    if i + 1 == toks.len() {
                        if slot.entry.is_none() {
                            slot.entry = Some((n, is_acronym(spelling)));
                        }
                    } else {
                        slot.prefix = true;
                    }
                }
            }
            entries.push(Entry {
                id,
                name,
                kind,
                aliases,
                person_forms,
            });
        }
        for (spelling, n) in &variants {
            let toks = tokenize(spelling);
            max_tokens = max_tokens.max(toks.len());
            let mut key = String::new();
            let mut prev = None;
            for (i, t) in toks.iter().enumerate() {
                push_key(&mut key, prev, t);
                prev = Some(t.arabic);
                let slot = index.entry(key.clone()).or_default();
                if i + 1 == toks.len() {
                    if slot.entry.is_none() {
                        slot.entry = Some((*n, false));
                    }
                } else {
                    slot.prefix = true;
                }
            }
        }
        let mut person_forms = PersonForms::default();
        for (e, entry) in entries.iter().enumerate() {
            for (f, form) in entry.person_forms.iter().enumerate() {
                let first = form.first().and_then(|w| w.chars().next());
                person_forms
                    .entry((form.len(), first))
                    .or_default()
                    .push((e as u32, f));
            }
        }
        Gazetteer {
            entries,
            index,
            max_tokens,
            person_forms,
        }
    }

    /// The person spellings (entry, index in its `person_forms`) of `n`
    /// words whose first word starts with `first`, in entry order.
    pub fn person_forms(&self, n: usize, first: Option<char>) -> &[(u32, usize)] {
        self.person_forms
            .get(&(n, first))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether a one-word key is a country other than Afghanistan ("india").
    pub fn is_foreign_country(&self, key: &str) -> bool {
        self.index
            .get(key)
            .and_then(|s| s.entry)
            .is_some_and(|(e, _)| {
                let e = &self.entries[e as usize];
                e.kind == EntityKind::Place && e.id != "place:afghanistan"
            })
    }

    /// The longest spelling starting at `toks[i]`, its words glued together
    /// in `text`, written with the case a spelling needs (acronyms in
    /// capitals, Latin names with a capital).
    pub fn longest(&self, text: &str, toks: &[Token], i: usize) -> Option<Hit> {
        let first = &toks[i];
        // Most words start no spelling: look the first one up as it is, or
        // without the Arabic clitic glued to it.
        let bare_key;
        let (first_key, first_slot) = match self.index.get(first.key.as_str()) {
            Some(slot) => (first.key.as_str(), slot),
            None if first.arabic => {
                let known = |k: &str| self.index.contains_key(k);
                bare_key = arabic_without_clitic(&first.key, known)
                    .or_else(|| pashto_ablative_stem(toks, i, known))?;
                (bare_key.as_str(), self.index.get(bare_key.as_str())?)
            }
            None => return None,
        };
        let mut key = String::new();
        let mut prev = None;
        let mut best = None;
        for n in 0..self.max_tokens {
            let Some(t) = toks.get(i + n) else { break };
            // An Arabic-script spelling may list its words with a comma
            // ("وزارت زراعت، آبیاری و مالداری"): the lookup goes on over
            // one only while a longer spelling starts with the words so far.
            if n > 0
                && !super::tokens::glued(text, &toks[i + n - 1], t, false)
                && !(t.arabic
                    && text[toks[i + n - 1].end..t.start]
                        .chars()
                        .all(|c| c.is_whitespace() || c == '،'))
            {
                break;
            }
            if n == 0 {
                key.push_str(first_key);
            } else {
                push_key(&mut key, prev, t);
            }
            prev = Some(t.arabic);
            let slot = if n == 0 {
                first_slot
            } else {
                match self.index.get(&key) {
                    Some(slot) => slot,
                    None => break,
                }
            };
            if let Some((entry, acronym)) = slot.entry {
                let case_ok = if first.arabic {
                    true
                } else if acronym {
                    toks[i..=i + n]
                        .iter()
                        .all(|t| t.caps || t.key.chars().all(|c| c.is_ascii_digit()))
                } else {
                    // "the interior ministry": a ministry written in lower
                    // case is still one.
                    first.upper
                        || (n > 0
                            && t.key == "ministry"
                            && self.entries[entry as usize].kind == EntityKind::Organization)
                };
                if case_ok {
                    best = Some(Hit { entry, len: n + 1 });
                }
            }
            if !slot.prefix {
                break;
            }
        }
        best
    }
}

/// The other transliteration of a Latin name's ezafe: "Tehrik-i-Taliban"
/// is also written "Tehrik-e-Taliban" (and back).
fn ezafe_variant(spelling: &str) -> Option<String> {
    if !spelling.is_ascii() {
        return None;
    }
    if spelling.contains("-i-") {
        Some(spelling.replace("-i-", "-e-"))
    } else if spelling.contains("-e-") {
        Some(spelling.replace("-e-", "-i-"))
    } else {
        None
    }
}

/// The other spellings of an Arabic-script name that differ only in the
/// letters one language writes for another's: Pashto ګ for Dari and Urdu
/// گ (and back), Urdu ہ for Persian ه, Pashto ې for ی, Arabic ج ب ة for
/// گ پ and a final ه.
fn letter_variants(spelling: &str) -> Vec<String> {
    let mut out = Vec::new();
    if spelling.contains('گ') {
        out.push(spelling.replace('گ', "ګ"));
    }
    if spelling.contains('ګ') {
        out.push(spelling.replace('ګ', "گ"));
    }
    if spelling.contains('ه') {
        out.push(spelling.replace('ه', "ہ"));
    }
    if spelling.contains('ې') {
        out.push(spelling.replace('ې', "ی"));
    }
    // Urdu and Pashto write their retroflex letters apart: Urdu ڈ ٹ ڑ,
    // Pashto ډ ټ ړ ("راولپنڈی", "راولپنډۍ").
    let urdu_to_pashto = |c: char| match c {
        'ڈ' => 'ډ',
        'ٹ' => 'ټ',
        'ڑ' => 'ړ',
        _ => c,
    };
    let pashto_to_urdu = |c: char| match c {
        'ډ' => 'ڈ',
        'ټ' => 'ٹ',
        'ړ' => 'ڑ',
        _ => c,
    };
    if spelling.contains(['ڈ', 'ٹ', 'ڑ']) {
        out.push(spelling.chars().map(urdu_to_pashto).collect());
    }
    if spelling.contains(['ډ', 'ټ', 'ړ']) {
        out.push(spelling.chars().map(pashto_to_urdu).collect());
    }
    // A Pashto name of several words ending in a feminine noun takes ې in
    // the oblique case: "… ټولنه" → "… ټولنې", "… کمېټه" → "… کمېټې".
    let pashto = spelling.contains(['ټ', 'ړ', 'ډ', 'ښ', 'ږ', 'ځ', 'څ', 'ګ', 'ې', 'ۍ', 'ڼ']);
    if pashto
        && spelling.contains(' ')
        && let Some(stem) = spelling.strip_suffix('ه')
        && stem
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.chars().count() >= 3)
    {
        out.push(format!("{stem}ې"));
    }
    // Arabic writes گ as ج and پ as ب ("ننجرهار", "باكتيا"), and a final ه
    // as ة ("قلعة"); only for names long enough not to become a common
    // Arabic word.
    if spelling.chars().filter(|c| c.is_alphabetic()).count() >= 5 {
        let arabic: String = spelling
            .chars()
            .map(|c| match c {
                'گ' | 'ګ' => 'ج',
                'پ' => 'ب',
                _ => c,
            })
            .collect();
        let arabic = arabic
            .split(' ')
            .map(|w| match w.strip_suffix('ه') {
                Some(stem) if stem.chars().count() >= 3 => format!("{stem}ة"),
                _ => w.to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ");
        if arabic != spelling {
            out.push(arabic);
        }
    }
    out
}

/// A Pashto place in the ablative after "له", written with ه after its
/// name ("له پاکستانه", "له پېښوره": from Pakistan, from Peshawar): the
/// name without the ه, when it is a spelling `known` knows.
fn pashto_ablative_stem(toks: &[Token], i: usize, known: impl Fn(&str) -> bool) -> Option<String> {
    (i > 0 && toks[i - 1].key == "له")
        .then(|| toks[i].key.strip_suffix('ه'))
        .flatten()
        .filter(|stem| stem.chars().count() >= 3 && known(stem))
        .map(str::to_string)
}

/// A normalised Arabic-script word without the clitic glued before it,
/// when what is left is a spelling `known` knows: the conjunction و
/// ("والهند" → "الهند"), the preposition ل or ب before the article
/// ("للأمم" → "الأمم", "بالأمم" → "الأمم") or before a name opening with
/// alef ("لأفغانستان" → "أفغانستان").
fn arabic_without_clitic(key: &str, known: impl Fn(&str) -> bool) -> Option<String> {
    let ok = |k: &str| k.chars().count() >= 3 && known(k);
    if let Some(rest) = key.strip_prefix('و')
        && ok(rest)
    {
        return Some(rest.to_string());
    }
    let key = key
        .strip_prefix('و')
        .filter(|r| r.starts_with(['ل', 'ب']))
        .unwrap_or(key);
    for clitic in ["لل", "بال"] {
        if let Some(rest) = key.strip_prefix(clitic) {
            let with_article = format!("ال{rest}");
            if ok(&with_article) {
                return Some(with_article);
            }
        }
    }
    key.strip_prefix(['ل', 'ب'])
        .filter(|rest| rest.starts_with('ا') && rest.chars().count() >= 4 && ok(rest))
        // The preposition ل before a name without the article, of four
        // letters or more: "لبرنامج الأغذية العالمي" → "برنامج …".
        .or_else(|| {
            key.strip_prefix('ل')
                .filter(|rest| rest.chars().count() >= 4 && ok(rest))
        })
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_the_catalog_wins_a_shared_spelling() {
        let g = get();
        let mut ids: Vec<&str> = g.entries.iter().map(|e| e.id).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "a key is listed twice");
        for id in &ids {
            let (kind, slug) = id.split_once(':').unwrap();
            assert!(matches!(kind, "person" | "organization" | "place"), "{id}");
            assert!(
                slug.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{id}"
            );
        }
        let hit = |text: &str| {
            let toks = tokenize(text);
            g.longest(text, &toks, 0)
                .map(|h| g.entries[h.entry as usize].id)
        };
        // The world file's rows are read after the catalog's.
        assert_eq!(hit("Kabul"), Some("place:kabul"));
        assert_eq!(hit("Kenya"), Some("place:kenya"));
        assert_eq!(hit("Hong Kong"), Some("place:hong-kong"));
        assert_eq!(hit("Pentagon"), Some("organization:pentagon"));
        // "U.S." and "Britain" stay the catalog's.
        assert_eq!(hit("U.S."), Some("place:united-states"));
        assert_eq!(hit("Britain"), Some("place:united-kingdom"));
    }

    #[test]
    fn a_pashto_name_ending_in_a_feminine_noun_has_its_oblique_form() {
        let v = letter_variants("د ښځو د حقونو ټولنه");
        assert!(v.iter().any(|s| s == "د ښځو د حقونو ټولنې"), "{v:?}");
        // A Dari name, or one word, keeps its ending.
        let v = letter_variants("وزارت صحت عامه");
        assert!(v.iter().all(|s| !s.ends_with('ې')), "{v:?}");
        let v = letter_variants("ګرمه");
        assert!(v.iter().all(|s| !s.ends_with('ې')), "{v:?}");
    }

    #[test]
    fn arabic_clitics_come_off_a_known_spelling() {
        let known = |k: &str| matches!(k, "الهند" | "الامم" | "افغانستان");
        assert_eq!(
            arabic_without_clitic("والهند", known).as_deref(),
            Some("الهند")
        );
        assert_eq!(
            arabic_without_clitic("للامم", known).as_deref(),
            Some("الامم")
        );
        assert_eq!(
            arabic_without_clitic("بالامم", known).as_deref(),
            Some("الامم")
        );
        assert_eq!(
            arabic_without_clitic("وللامم", known).as_deref(),
            Some("الامم")
        );
        assert_eq!(
            arabic_without_clitic("لافغانستان", known).as_deref(),
            Some("افغانستان")
        );
        // Nothing known is left, or the word is no clitic and a name.
        assert_eq!(arabic_without_clitic("لبنان", known), None);
        // ل before a name without the article (an invented one).
        let known = |k: &str| k == "مجلس";
        assert_eq!(
            arabic_without_clitic("لمجلس", known).as_deref(),
            Some("مجلس")
        );
        assert_eq!(arabic_without_clitic("بلخ", known), None);
    }

    #[test]
    fn pashto_and_urdu_letters_find_a_dari_spelling() {
        let g = get();
        let hit = |text: &str| {
            let toks = tokenize(text);
            g.longest(text, &toks, 0)
                .map(|h| g.entries[h.entry as usize].id)
        };
        // Listed with Dari گ, written with Pashto ګ.
        assert_eq!(hit("وانګ يي"), Some("person:wang-yi"));
        // Listed with ه, written with Urdu ہ.
        assert_eq!(hit("ننگرہار"), Some("place:nangarhar"));
        assert_eq!(hit("وانک یی"), None);
        // Arabic ج for گ, ب for پ, ة for a final ه.
        assert_eq!(hit("بغمان"), Some("place:paghman"));
        assert_eq!(hit("إسلام قلعة"), Some("place:islam-qala"));
    }

    #[test]
    fn every_line_parses_and_ids_are_unique() {
        let g = get();
        assert!(g.entries.len() > 200, "{}", g.entries.len());
        let mut ids: Vec<&str> = g.entries.iter().map(|e| e.id).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate ids");
        for e in &g.entries {
            assert!(
                e.id.starts_with("person:")
                    || e.id.starts_with("organization:")
                    || e.id.starts_with("place:"),
                "{}",
                e.id
            );
        }
    }

    #[test]
    fn latin_and_perso_arabic_spellings_lead_to_one_entry() {
        let g = get();
        let find = |text: &str| {
            let toks = tokenize(text);
            g.longest(text, &toks, 0)
                .map(|h| g.entries[h.entry as usize].id)
        };
        assert_eq!(find("Matiul Haq Khalis"), Some("person:matiul-haq-khalis"));
        assert_eq!(find("متیع‌الحق خالص"), Some("person:matiul-haq-khalis"));
        assert_eq!(find("UNHCR"), Some("organization:unhcr"));
        assert_eq!(find("Unhcr"), None, "acronyms match in capitals only");
        assert_eq!(find("ذبيح الله مجاهد"), Some("person:zabihullah-mujahid"));
        assert_eq!(
            find("U.N. Security Council"),
            Some("organization:un-security-council")
        );
        assert_eq!(find("kabul"), None, "a Latin name needs its capital");
        assert_eq!(find("والهند"), Some("place:india"), "و glued to a name");
    }
}
