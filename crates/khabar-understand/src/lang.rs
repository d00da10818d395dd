//! Language identification, per text and per paragraph.
//!
//! Two layers, chosen by measurement on `../shared/datasets/lid` (see
//! `eval/lid.py` and README "Evaluations"):
//!
//! 1. **Script and letters.** Most of the confusions that matter to khabar
//!    are between languages written in the Arabic script, and most of these
//!    languages have letters of their own: Pashto (ټ ډ ړ ږ ښ ګ ڼ ې ۍ ځ څ),
//!    Urdu (ے ں ٹ ڈ ڑ ھ ہ), Sindhi (ٻ ڀ ٽ ٿ ڄ ڃ ڇ ڏ ڊ ڌ ڍ ڙ ڦ ڪ ڱ ڳ ۾ ڻ),
//!    Sorani Kurdish (ێ ڕ ڵ ۆ ە), Uyghur (ۇ ۈ ۋ ې ە). Arabic and Persian share
//!    all their letters but not their spelling (ة ى ي ك against پ چ ژ گ ی
//!    ک) nor their function words (في على إلى الذي against است که را این),
//!    so Arabic-script text is decided by these cues first.
//! 2. **A statistical model** for everything else, and for Arabic-script
//!    text without any decisive cue: langid.py's byte n-gram naive Bayes
//!    model (97 languages, Pashto among them), through `py3langid_rs`. It
//!    alone calls a third of Pashto news sentences Persian, and Sindhi and
//!    Sorani (which it does not know) Urdu and Persian: hence layer 1. It
//!    also calls a short English sentence German or Dutch now and then;
//!    English function words (the, of, was, did …) overrule it then.
//!
//! Measured on the development sets (`python3 eval/lid.py`): F1 0.990 (en),
//! 0.998 (fa), 0.997 (ps), 0.995 (ur), 0.997 (ar) on NTREX news sentences,
//! with Sorani, Sindhi, Uyghur and 12 other languages as distractors.
//!
//! Dari and Iranian Persian are both `fa`: they cannot be told apart per
//! sentence; the variety comes from the source's metadata.

use std::sync::LazyLock;

use khabar_model::Lang;
use py3langid_rs::LanguageIdentifier;

use rustc_hash::FxHashSet;

/// langid.py's model, decompressed once (about 3 MB in memory).
static MODEL: LazyLock<LanguageIdentifier> = LazyLock::new(LanguageIdentifier::new);

/// The language of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// ISO 639-1 where one exists (`en`, `fa`, `ps`, `ur`, `ar`, …), ISO
    /// 639-3 otherwise (`ckb` for Sorani Kurdish).
    pub lang: Lang,
    /// How much evidence backs the answer, in `[0, 1]`: high when letters
    /// of the language's own are present or the text is long, lower for a
    /// few words. A ranking aid, not a calibrated probability.
    pub confidence: f32,
}

/// The languages of a document given as paragraphs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocumentLang {
    /// The language of most of the text (by letters), `None` when no
    /// paragraph has letters.
    pub main: Option<Lang>,
    /// Paragraphs (by index) in another language than `main`, with theirs:
    /// an English article quoting a Persian poem has `main = en` and the
    /// poem's paragraph here as `fa`.
    pub passages: Vec<(usize, Lang)>,
}

/// The language of `text`, or `None` when it has no letters.
///
/// ```
/// use khabar_understand::lang::detect;
/// assert_eq!(detect("The ministry said the road was closed.").unwrap().lang.as_str(), "en");
/// assert_eq!(detect("وزارت گفت که جاده بسته است.").unwrap().lang.as_str(), "fa");
/// assert_eq!(detect("وزارت وویل چې سړک تړل شوی دی.").unwrap().lang.as_str(), "ps");
/// assert!(detect("2024 — 15%").is_none());
/// ```
pub fn detect(text: &str) -> Option<Detection> {
    detect_profiled(text, &Profile::of(text))
}

fn detect_profiled(text: &str, profile: &Profile) -> Option<Detection> {
    if profile.letters == 0 {
        return None;
    }
    let (code, confidence) = if profile.arabic * 2 >= profile.letters {
        arabic_script(text, profile)
    } else {
        // English function words overrule the model in Latin script, so
        // the model is asked only when they do not.
        let code = if profile.script() == Script::Latin && looks_english(text) {
            "en".to_string()
        } else {
            MODEL.classify(text).0
        };
        (code, length_confidence(profile.letters))
    };
    let lang = code.parse().ok()?;
    Some(Detection { lang, confidence })
}

/// The main language of a document and the paragraphs in another one.
///
/// The main language is the one with the most letters. A paragraph counts
/// as a passage in another language when it is detected so and is either
/// in another script (a Persian verse in an English article, however short)
/// or long enough (40 letters) for the detection not to be noise.
///
/// ```
/// use khabar_understand::lang::detect_paragraphs;
/// let paragraphs = vec![
///     "The poet read a verse at the ceremony in Kabul on Sunday.".to_string(),
///     "ای ساربان آهسته ران کآرام جانم می‌رود".to_string(),
///     "The audience, mostly students, applauded for a long time.".to_string(),
/// ];
/// let doc = detect_paragraphs(&paragraphs);
/// assert_eq!(doc.main.unwrap().as_str(), "en");
/// assert_eq!(doc.passages.len(), 1);
/// assert_eq!(doc.passages[0].0, 1);
/// assert_eq!(doc.passages[0].1.as_str(), "fa");
/// ```
pub fn detect_paragraphs(paragraphs: &[String]) -> DocumentLang {
    const MIN_SAME_SCRIPT_LETTERS: usize = 40;
    let found: Vec<Option<(Detection, Profile)>> = paragraphs
        .iter()
        .map(|p| {
            let profile = Profile::of(p);
            detect_profiled(p, &profile).map(|d| (d, profile))
        })
        .collect();
    let mut weights: Vec<(Lang, usize)> = Vec::new();
    for (d, profile) in found.iter().flatten() {
        match weights.iter_mut().find(|(l, _)| *l == d.lang) {
            Some((_, w)) => *w += profile.letters,
            None => weights.push((d.lang.clone(), profile.letters)),
        }
    }
    // The first language to reach the maximum wins a tie (stable order).
    let main = weights
        .iter()
        .fold(None::<&(Lang, usize)>, |best, cur| match best {
            Some(b) if b.1 >= cur.1 => Some(b),
            _ => Some(cur),
        })
        .map(|(l, _)| l.clone());
    let Some(main_lang) = main.clone() else {
        return DocumentLang::default();
    };
    let main_script = found
        .iter()
        .flatten()
        .filter(|(d, _)| d.lang == main_lang)
        .max_by_key(|(_, p)| p.letters)
        .map(|(_, p)| p.script());
    let passages = found
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let (d, profile) = f.as_ref()?;
            if d.lang == main_lang {
                return None;
            }
            let other_script = Some(profile.script()) != main_script;
            (other_script || profile.letters >= MIN_SAME_SCRIPT_LETTERS)
                .then(|| (i, d.lang.clone()))
        })
        .collect();
    DocumentLang { main, passages }
}

/// The main language of a document: the same as
/// `detect_paragraphs(paragraphs).main`, with less work.
///
/// Paragraphs are detected longest first, and detection stops as soon as
/// the paragraphs left, all in one language, could not change the leader.
///
/// ```
/// use khabar_understand::lang::detect_main;
/// let paragraphs = vec![
///     "The poet read a verse at the ceremony in Kabul on Sunday.".to_string(),
///     "ای ساربان آهسته ران کآرام جانم می‌رود".to_string(),
/// ];
/// assert_eq!(detect_main(&paragraphs).unwrap().as_str(), "en");
/// ```
pub fn detect_main(paragraphs: &[String]) -> Option<Lang> {
    let profiles: Vec<Profile> = paragraphs.iter().map(|p| Profile::of(p)).collect();
    let mut order: Vec<usize> = (0..paragraphs.len())
        .filter(|&i| profiles[i].letters > 0)
        .collect();
    order.sort_by_key(|&i| std::cmp::Reverse(profiles[i].letters));
    let mut left: usize = order.iter().map(|&i| profiles[i].letters).sum();
    let mut found: Vec<Option<Lang>> = vec![None; paragraphs.len()];
    // Letters per language, in no particular order.
    let mut weights: Vec<(Lang, usize)> = Vec::new();
    for &i in &order {
        let letters = profiles[i].letters;
        left -= letters;
        let Some(d) = detect_profiled(&paragraphs[i], &profiles[i]) else {
            continue;
        };
        match weights.iter_mut().find(|(l, _)| *l == d.lang) {
            Some((_, w)) => *w += letters,
            None => weights.push((d.lang.clone(), letters)),
        }
        found[i] = Some(d.lang);
        let (mut first, mut second) = (None::<&(Lang, usize)>, 0usize);
        for cur in &weights {
            match first {
                Some(f) if f.1 >= cur.1 => second = second.max(cur.1),
                _ => {
                    second = second.max(first.map_or(0, |f| f.1));
                    first = Some(cur);
                }
            }
        }
        // A strict lead that the paragraphs left cannot close: no tie is
        // possible, so the order of first appearance does not matter.
        if let Some((lang, w)) = first
            && *w > second + left
        {
            return Some(lang.clone());
        }
    }
    // Every paragraph detected: the first language (in document order) to
    // reach the most letters wins, as in `detect_paragraphs`.
    let mut weights: Vec<(Lang, usize)> = Vec::new();
    for (i, lang) in found.into_iter().enumerate() {
        let Some(lang) = lang else { continue };
        let letters = profiles[i].letters;
        match weights.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, w)) => *w += letters,
            None => weights.push((lang, letters)),
        }
    }
    weights
        .into_iter()
        .fold(None::<(Lang, usize)>, |best, cur| match best {
            Some(b) if b.1 >= cur.1 => Some(b),
            _ => Some(cur),
        })
        .map(|(l, _)| l)
}

/// The language to store for an article whose page declared `declared`.
///
/// The page's tag wins, except among the languages written in the Arabic
/// script (Persian and Dari, Pashto, Arabic, Urdu, Sorani, Sindhi,
/// Uyghur): there a site's template often says one for all its sections (a
/// Pashto page under `lang="fa-IR"`), and the text's own letters tell them
/// apart reliably (see the module doc), so the detected one wins when it
/// is another of them. With no tag, the detected language.
///
/// ```
/// use khabar_understand::lang::settle;
/// let pashto = vec!["د کابل ښار په ګڼو سیمو کې د اوړو بیه لوړه شوې او خلک وايي چې د پېرلو توان یې نه لري.".to_string()];
/// let fa: khabar_model::Lang = "fa-IR".parse().unwrap();
/// assert_eq!(settle(Some(fa), &pashto).unwrap().as_str(), "ps");
/// ```
pub fn settle(declared: Option<Lang>, paragraphs: &[String]) -> Option<Lang> {
    /// The Arabic-script language a primary subtag names, with its
    /// three-letter and Dari/Pashto variants folded.
    fn arabic_script(primary: &str) -> Option<&'static str> {
        Some(match primary {
            "fa" | "fas" | "per" | "prs" => "fa",
            "ps" | "pus" | "pbt" | "pbu" | "pst" => "ps",
            "ar" | "ara" | "arb" => "ar",
            "ur" | "urd" => "ur",
            "ckb" => "ckb",
            "sd" | "snd" => "sd",
            "ug" | "uig" => "ug",
            _ => return None,
        })
    }
    let Some(declared) = declared else {
        return detect_main(paragraphs);
    };
    let Some(said) = arabic_script(declared.primary()) else {
        return Some(declared);
    };
    match detect_main(paragraphs) {
        Some(found) if arabic_script(found.primary()).is_some_and(|f| f != said) => Some(found),
        _ => Some(declared),
    }
}

/// English function words that are not words of the Latin-script
/// languages around (German, French, Spanish, Turkish, Azerbaijani, Uzbek).
const ENGLISH_WORDS: &[&str] = &[
    "the", "of", "and", "to", "is", "was", "were", "are", "be", "been", "he", "she", "it", "you",
    "i", "we", "they", "his", "her", "their", "our", "your", "my", "did", "didn't", "don't",
    "doesn't", "not", "with", "for", "that", "this", "these", "have", "has", "had", "what",
    "which", "who", "will", "would", "can", "could", "should", "at", "on", "from", "by", "after",
    "over", "into", "about", "there", "said", "says",
];

/// The model calls short English sentences and headlines German, Dutch or
/// French now and then ("He died later in hospital."): English function
/// words making up a good part of the text overrule it.
fn looks_english(text: &str) -> bool {
    let mut words = 0usize;
    let mut english = 0usize;
    for word in text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’')) {
        if word.is_empty() {
            continue;
        }
        if !word.is_ascii() && word.chars().any(|c| !c.is_ascii() && c != '’') {
            return false; // ä, é, ş, ə …: another language's letters
        }
        words += 1;
        let known = |w: &str| ENGLISH_WORDS.iter().any(|e| e.eq_ignore_ascii_case(w));
        english += usize::from(if word.contains('’') {
            known(&word.replace('’', "'"))
        } else {
            known(word)
        });
    }
    english >= 2 && english * 4 >= words
}

/// Confidence from length alone: a model's answer on three words is a
/// guess, on three sentences it is rarely wrong.
fn length_confidence(letters: usize) -> f32 {
    let n = letters as f32;
    (n / (n + 6.0)).clamp(0.05, 0.99)
}

/// Confidence of a decision made on `cues` letters or words of its own,
/// combining the cues and the length as independent evidence.
fn cue_confidence(cues: usize, letters: usize) -> f32 {
    let c = cues as f32;
    let cue = 0.9 * c / (c + 2.0);
    (1.0 - (1.0 - length_confidence(letters)) * (1.0 - cue)).clamp(0.05, 0.99)
}

/// The dominant writing system of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Arabic,
    Cyrillic,
    Other,
}

/// Letter counts of a text, by script and by telling letter.
#[derive(Debug, Clone, Copy, Default)]
struct Profile {
    letters: usize,
    latin: usize,
    arabic: usize,
    cyrillic: usize,
    /// ټ ډ ړ ږ ښ ګ ڼ ۍ ځ څ
    pashto: usize,
    /// ې: Pashto, and Uyghur
    e_letter: usize,
    /// ے ں ٹ ڈ ڑ ہ ۓ ۃ
    urdu: usize,
    /// ۔: the Urdu full stop (Pashto writes it too, now and then)
    urdu_stop: usize,
    /// ھ: Urdu and Sindhi aspirates (Kurdish and Uyghur h)
    do_chashmi: usize,
    /// ٻ ڀ ٽ ٿ ڄ ڃ ڇ ڏ ڊ ڌ ڍ ڙ ڦ ڪ ڱ ڳ ۾ ڻ and the sign ۽
    sindhi: usize,
    /// ێ ڕ ڵ
    sorani: usize,
    /// ۇ ۈ ۋ, and ى inside a word
    uyghur: usize,
    /// ە ۆ: Sorani and Uyghur
    kurdish_uyghur: usize,
    /// ى: Arabic spelling, and Uyghur's i
    alef_maksura: usize,
    /// ة ي ك: Arabic spelling (Persian and Urdu write ه/ت ی ک; Sindhi ي)
    arabic_spelling: usize,
    /// ی: Persian, Urdu, Pashto, Sorani
    farsi_yeh: usize,
    /// ک: Persian, Urdu, Pashto, Sorani
    keheh: usize,
    /// پ چ ژ گ: letters Arabic does not have
    persian_letters: usize,
}

impl Profile {
    fn of(text: &str) -> Profile {
        let mut p = Profile::default();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let u = c as u32;
            let arabic_block = matches!(u, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF
                | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF);
            if arabic_block {
                match c {
                    '۽' => p.sindhi += 1,
                    '۔' => p.urdu_stop += 1,
                    _ => {}
                }
                if !is_arabic_letter(c) {
                    continue;
                }
                p.letters += 1;
                p.arabic += 1;
                match c {
                    'ټ' | 'ډ' | 'ړ' | 'ږ' | 'ښ' | 'ګ' | 'ڼ' | 'ۍ' | 'ځ' | 'څ' => {
                        p.pashto += 1
                    }
                    'ې' => p.e_letter += 1,
                    'ے' | 'ں' | 'ٹ' | 'ڈ' | 'ڑ' | 'ہ' | 'ۓ' | 'ۃ' => p.urdu += 1,
                    'ھ' => p.do_chashmi += 1,
                    'ٻ' | 'ڀ' | 'ٽ' | 'ٿ' | 'ڄ' | 'ڃ' | 'ڇ' | 'ڏ' | 'ڊ' | 'ڌ' | 'ڍ' | 'ڙ' | 'ڦ'
                    | 'ڪ' | 'ڱ' | 'ڳ' | '۾' | 'ڻ' => p.sindhi += 1,
                    'ێ' | 'ڕ' | 'ڵ' => p.sorani += 1,
                    'ۇ' | 'ۈ' | 'ۋ' => p.uyghur += 1,
                    'ە' | 'ۆ' => p.kurdish_uyghur += 1,
                    // Arabic writes ى at the end of a word only; Uyghur
                    // (its letter i) anywhere.
                    'ى' if chars.peek().is_some_and(|&n| is_arabic_letter(n)) => p.uyghur += 1,
                    'ى' => p.alef_maksura += 1,
                    'ة' | 'ي' | 'ك' => p.arabic_spelling += 1,
                    'ی' => p.farsi_yeh += 1,
                    'ک' => p.keheh += 1,
                    'پ' | 'چ' | 'ژ' | 'گ' => p.persian_letters += 1,
                    _ => {}
                }
            } else if c.is_alphabetic() {
                p.letters += 1;
                match u {
                    0x0041..=0x024F | 0x1E00..=0x1EFF => p.latin += 1,
                    0x0400..=0x052F => p.cyrillic += 1,
                    _ => {}
                }
            }
        }
        p
    }

    fn script(&self) -> Script {
        let others = self.letters - self.latin - self.arabic - self.cyrillic;
        let max = self.latin.max(self.arabic).max(self.cyrillic).max(others);
        if max == self.arabic {
            Script::Arabic
        } else if max == self.latin {
            Script::Latin
        } else if max == self.cyrillic {
            Script::Cyrillic
        } else {
            Script::Other
        }
    }
}

/// Harakat, superscript alef and Quranic marks: not letters.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED)
}

/// A letter of the Arabic script (its blocks' letters, without marks,
/// digits and punctuation). A table-free test: `char::is_alphabetic` is
/// several times slower outside ASCII and dominated the profile.
fn is_arabic_letter(c: char) -> bool {
    matches!(c as u32, 0x0620..=0x064A | 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5
        | 0x06EE..=0x06EF | 0x06FA..=0x06FC | 0x06FF | 0x0750..=0x077F | 0x08A0..=0x08C9
        | 0xFB50..=0xFDFB | 0xFE70..=0xFEFC)
}

/// A character of a word: a letter or an Arabic mark (so that a vocalised
/// word stays one word), or a zero-width non-joiner (Persian compounds).
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphabetic()
        || is_arabic_letter(c)
        || is_mark(c)
        || c == '\u{200C}'
        || (!c.is_ascii() && c.is_alphabetic())
}

/// Function words of Arabic that Persian and Urdu do not use as words.
const ARABIC_WORDS: &[&str] = &[
    "في",
    "فى",
    "على",
    "علي",
    "إلى",
    "الى",
    "إلي",
    "التي",
    "التى",
    "الذي",
    "الذى",
    "الذين",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "كان",
    "كانت",
    "يكون",
    "أن",
    "إن",
    "أنه",
    "إنه",
    "عن",
    "مع",
    "لم",
    "لن",
    "قد",
    "وقد",
    "لقد",
    "أو",
    "هو",
    "هي",
    "قال",
    "قالت",
    "منذ",
    "حيث",
    "كما",
    "لكن",
    "ولكن",
    "هل",
    "ليس",
    "ليست",
    "أنا",
    "انا",
    "نحن",
    "أنت",
    "انت",
    "إذا",
    "اذا",
    "عندما",
    "لا",
    "ماذا",
    "لماذا",
    "كيف",
    "متى",
    "أين",
    "اين",
    "هناك",
    "هنا",
    "جدا",
    "جداً",
    "أي",
    "أيضا",
    "أيضاً",
    "ايضا",
    "بين",
    "حتى",
    "وهو",
    "وهي",
    "فقط",
    "كل",
    "بعض",
    "يا",
];

/// Function words of Persian (Iranian and Dari) that Arabic does not use.
const PERSIAN_WORDS: &[&str] = &[
    "است",
    "که",
    "را",
    "این",
    "آن",
    "در",
    "با",
    "از",
    "می",
    "نمی",
    "های",
    "ها",
    "برای",
    "شد",
    "شده",
    "کرد",
    "کرده",
    "یک",
    "نیست",
    "هست",
    "بود",
    "خود",
    "تا",
    "دارد",
    "دارم",
    "کنند",
    "کند",
    "کنم",
    "چه",
    "چرا",
    "اینجا",
    "آنجا",
    "شما",
    "ایشان",
    "آنها",
    "اینکه",
    "باید",
    "بر",
    "ولی",
    "اما",
    "هیچ",
    "خیلی",
    "پیش",
    "پس",
    "یا",
    "وی",
    "گفت",
];

/// Pashto words that Persian does not have (for Pashto typed without its
/// own letters, as in "د ده جسد یو ساعت وروسته وموندل شو").
const PASHTO_WORDS: &[&str] = &[
    "د",
    "په",
    "ته",
    "لپاره",
    "وویل",
    "وايي",
    "وائي",
    "شوی",
    "شوي",
    "وو",
    "دي",
    "لري",
    "کړ",
    "سره",
    "اوسه",
    "یې",
    "يې",
    "دغه",
    "دا",
    "څخه",
    "هغه",
    "کوي",
    "ولې",
    "وي",
    "شي",
    "وشي",
    "اوسي",
    "دوی",
    "زه",
    "ورته",
    "یوه",
    "درلودل",
    "کول",
];

/// Sindhi words spelt as Sindhi does (with ي where Urdu writes ی).
const SINDHI_WORDS: &[&str] = &[
    "جي",
    "آهي",
    "آھي",
    "آهن",
    "آھن",
    "کي",
    "تي",
    "ته",
    "هو",
    "هئي",
    "ھئي",
    "هئا",
    "ھئا",
    "هن",
    "۾",
    "سان",
    "اهو",
    "اھو",
    "ناهي",
    "آهيون",
    "ويو",
    "ويا",
];

/// A word list as a set, built once.
type WordSet = LazyLock<FxHashSet<&'static str>>;
static ARABIC: WordSet = LazyLock::new(|| ARABIC_WORDS.iter().copied().collect());
static PERSIAN: WordSet = LazyLock::new(|| PERSIAN_WORDS.iter().copied().collect());
static PASHTO: WordSet = LazyLock::new(|| PASHTO_WORDS.iter().copied().collect());
static SINDHI: WordSet = LazyLock::new(|| SINDHI_WORDS.iter().copied().collect());

/// Decides among the Arabic-script languages; falls back to the model.
fn arabic_script(text: &str, p: &Profile) -> (String, f32) {
    let own = |code: &str, cues: usize| (code.to_string(), cue_confidence(cues, p.letters));
    let (mut ar_words, mut fa_words, mut ps_words, mut sd_words) = (0usize, 0, 0, 0);
    for word in text.split(|c: char| !is_word_char(c)) {
        if word.is_empty() {
            continue;
        }
        let bare = word.strip_prefix('و').filter(|w| w.chars().count() >= 2);
        if ARABIC.contains(word) || bare.is_some_and(|w| ARABIC.contains(w)) {
            ar_words += 1;
        } else if word.starts_with("ال") && word.chars().count() >= 4 {
            // The article: most Arabic nouns carry it, few Persian ones do.
            ar_words += 1;
        }
        // Persian typed on an Arabic keyboard writes ي and ك for ی and ک.
        let persian = if word.contains(['ي', 'ك']) {
            std::borrow::Cow::Owned(word.replace('ي', "ی").replace('ك', "ک"))
        } else {
            std::borrow::Cow::Borrowed(word)
        };
        if PERSIAN.contains(persian.as_ref())
            || persian.starts_with("می\u{200C}")
            || persian.starts_with("نمی\u{200C}")
        {
            fa_words += 1;
        }
        if PASHTO.contains(word) {
            ps_words += 1;
        }
        if SINDHI.contains(word) {
            sd_words += 1;
        }
    }

    // Sorani and Uyghur: ە and ۆ belong to them alone; Uyghur writes ى and
    // ۇ ۈ ۋ, Sorani ی and ێ ڕ ڵ. Checked first, as Uyghur shares ې with
    // Pashto and ھ with Urdu.
    let ku_ug = p.kurdish_uyghur + p.sorani + p.uyghur;
    if ku_ug >= 2 && ku_ug > p.pashto {
        return if p.uyghur + p.alef_maksura > p.sorani + p.farsi_yeh {
            own("ug", p.uyghur + p.kurdish_uyghur)
        } else {
            own("ckb", p.sorani + p.kurdish_uyghur)
        };
    }
    // Sindhi: its letters and words; Urdu has ے ں ٹ ڈ ڑ ہ and ی instead.
    let sd = 2 * p.sindhi + 2 * sd_words;
    let ur = 2 * p.urdu + p.do_chashmi;
    if p.sindhi + sd_words >= 2 && sd > ur && p.sindhi >= p.pashto {
        return own("sd", p.sindhi + sd_words);
    }
    if p.pashto + p.e_letter >= 1 && p.pashto + p.e_letter >= p.urdu {
        return own("ps", p.pashto + p.e_letter);
    }
    if p.urdu + p.do_chashmi + p.urdu_stop >= 1 {
        return own("ur", p.urdu + p.do_chashmi + p.urdu_stop);
    }
    // Arabic, Persian, or Pashto without its letters: spelling and words.
    let ar = 3 * ar_words + p.arabic_spelling + p.alef_maksura;
    let fa = 3 * fa_words + p.farsi_yeh + p.keheh + 2 * p.persian_letters;
    let ps = 3 * ps_words;
    let best = ar.max(fa).max(ps);
    let ties = [ar, fa, ps].iter().filter(|&&x| x == best).count();
    if best > 0 && ties == 1 {
        let code = if best == ar {
            "ar"
        } else if best == fa {
            "fa"
        } else {
            "ps"
        };
        let second = [ar, fa, ps]
            .into_iter()
            .filter(|&x| x != best)
            .max()
            .unwrap_or(0);
        return (code.to_string(), cue_confidence(best - second, p.letters));
    }
    let (code, _) = MODEL.classify(text);
    (code, length_confidence(p.letters) * 0.8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> String {
        detect(text).map_or_else(|| "und".to_string(), |d| d.lang.to_string())
    }

    #[test]
    fn tells_the_languages_of_the_region_apart() {
        // Our own sentences, one per language.
        let cases = [
            (
                "en",
                "Heavy rain closed the main road to the north on Tuesday.",
            ),
            ("fa", "باران شدید روز سه‌شنبه راه اصلی شمال را بست."),
            (
                "fa",
                "مقامات محلی می‌گویند که کمک‌ها هنوز به روستاها نرسیده است.",
            ),
            ("ps", "ډېر باران د سه شنبې په ورځ شمال ته لویه لاره وتړله."),
            ("ps", "ځايي چارواکي وايي چې مرستې لا کليو ته نه دي رسېدلې."),
            ("ur", "منگل کو شدید بارش نے شمال کی مرکزی سڑک بند کر دی۔"),
            (
                "ar",
                "أغلقت الأمطار الغزيرة الطريق الرئيسي إلى الشمال يوم الثلاثاء.",
            ),
            ("ar", "قال المسؤولون إن المساعدات لم تصل بعد إلى القرى."),
        ];
        for (want, text) in cases {
            assert_eq!(code(text), want, "{text}");
        }
    }

    #[test]
    fn neighbours_in_the_arabic_script_are_not_taken_for_the_five() {
        // Sorani, Uyghur and Sindhi have letters of their own; the model
        // alone calls them Persian or Urdu.
        assert_eq!(code("ئەمڕۆ کەشوهەوا زۆر خۆشە"), "ckb");
        assert_eq!(code("بۈگۈن ھاۋا ناھايىتى ياخشى"), "ug");
        assert_eq!(code("اڄ موسم ڏاڍو سٺو آهي"), "sd");
        // Short questions in the five.
        assert_eq!(code("کیا آپ نے کھانا کھایا؟"), "ur");
        assert_eq!(code("ته چېرته ځې؟"), "ps");
    }

    #[test]
    fn pashto_without_its_letters_by_its_words() {
        // Typed with Persian letters only: Pashto by "د", "په", "وویل".
        assert_eq!(code("ده وویل چې د کلي په باره کې خبره وکړه"), "ps");
        assert_eq!(code("ده وویل د کلي خلک په کور کې دي"), "ps");
    }

    #[test]
    fn persian_typed_on_an_arabic_keyboard_stays_persian() {
        assert_eq!(code("او در خانه نيست و كتاب را مي\u{200C}خواند"), "fa");
    }

    #[test]
    fn short_arabic_and_persian_by_their_words() {
        assert_eq!(code("هل أنت في البيت؟"), "ar");
        assert_eq!(code("این کتاب را خواندم."), "fa");
    }

    #[test]
    fn no_letters_is_none() {
        for text in ["", "   ", "2024-06-01", "۱۴۰۳/۰۳/۱۲ — 15%", "…!?"] {
            assert!(detect(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn confidence_is_in_range_and_grows_with_evidence() {
        let short = detect("ok then").unwrap().confidence;
        let long = detect(
            "The provincial council met on Monday to discuss the budget for schools and clinics.",
        )
        .unwrap()
        .confidence;
        assert!((0.0..=1.0).contains(&short) && (0.0..=1.0).contains(&long));
        assert!(long > short);
    }

    #[test]
    fn a_document_marks_its_foreign_passages() {
        let paragraphs: Vec<String> = [
            "Officials in Herat said the new clinic will open next month.",
            "",
            "A local elder quoted a line he said everyone in the valley knows:",
            "د کلي خلک وايي چې اوبه ژوند دی.",
            "The clinic is funded by the provincial health department and donors.",
        ]
        .map(String::from)
        .to_vec();
        let doc = detect_paragraphs(&paragraphs);
        assert_eq!(doc.main.as_ref().map(Lang::as_str), Some("en"));
        let passages: Vec<(usize, &str)> =
            doc.passages.iter().map(|(i, l)| (*i, l.as_str())).collect();
        assert_eq!(passages, vec![(3, "ps")]);
    }

    #[test]
    fn a_short_paragraph_in_the_same_script_is_not_a_passage() {
        // "Bonjour" alone could be French; too short to mark in Latin script.
        let paragraphs: Vec<String> = [
            "The delegation arrived in Mazar-i-Sharif on Sunday for two days of talks.",
            "Bonjour.",
            "Talks covered trade, water and the return of refugees from Iran.",
        ]
        .map(String::from)
        .to_vec();
        let doc = detect_paragraphs(&paragraphs);
        assert_eq!(doc.main.as_ref().map(Lang::as_str), Some("en"));
        assert!(doc.passages.is_empty(), "{:?}", doc.passages);
    }

    #[test]
    fn the_main_language_alone_is_the_documents() {
        let texts = [
            "Officials in Herat said the new clinic will open next month.",
            "The clinic is funded by the provincial health department and donors.",
            "He said it was so.",
            "وزارت صحت عامه گفت که ۲۵ کلینیک جدید باز شد.",
            "د کلي خلک وايي چې اوبه ژوند دی.",
            "منگل کو شدید بارش نے شمال کی مرکزی سڑک بند کر دی۔",
            "قال المسؤولون إن المساعدات لم تصل بعد إلى القرى.",
            "Der Minister sprach am Montag in Berlin über die Lage.",
            "Bonjour.",
            "12:30",
            "",
        ];
        // Every document of up to three of these paragraphs, in any order.
        let mut docs: Vec<Vec<String>> = vec![Vec::new()];
        for len in 1..=3 {
            let mut idx = vec![0usize; len];
            loop {
                docs.push(idx.iter().map(|&i| texts[i].to_string()).collect());
                let mut k = 0;
                while k < len {
                    idx[k] += 1;
                    if idx[k] < texts.len() {
                        break;
                    }
                    idx[k] = 0;
                    k += 1;
                }
                if k == len {
                    break;
                }
            }
        }
        // A tie in letters between two languages: the first one wins.
        let (en, fa) = ("Kabul roads shut", "راه کابل بسته شده");
        assert_eq!(Profile::of(en).letters, Profile::of(fa).letters);
        docs.push(vec![en.to_string(), fa.to_string()]);
        docs.push(vec![fa.to_string(), en.to_string()]);
        for doc in &docs {
            assert_eq!(detect_main(doc), detect_paragraphs(doc).main, "{doc:?}");
        }
        assert_eq!(detect_main(&docs[docs.len() - 1]).unwrap().as_str(), "fa");
        assert_eq!(detect_main(&docs[docs.len() - 2]).unwrap().as_str(), "en");
    }

    #[test]
    fn a_template_tag_yields_to_the_letters_only_within_the_arabic_script() {
        let lang = |s: &str| s.parse::<Lang>().unwrap();
        let doc = |p: &str| vec![p.to_string()];
        let pashto = doc(
            "د کابل ښار په ګڼو سیمو کې د اوړو بیه لوړه شوې او خلک وايي چې د پېرلو توان یې نه لري.",
        );
        let dari = doc(
            "شماری از باشندگان کابل می‌گویند که قیمت آرد در هفته‌های اخیر بی‌پیشینه بالا رفته است.",
        );
        let english =
            doc("Residents of Kabul say the price of flour has risen sharply in recent weeks.");
        let settled = |d: Option<&str>, p: &[String]| settle(d.map(lang), p).map(|l| l.to_string());
        // A Pashto page under a Persian template, and the other way round.
        assert_eq!(settled(Some("fa-IR"), &pashto).as_deref(), Some("ps"));
        assert_eq!(settled(Some("ps"), &dari).as_deref(), Some("fa"));
        // The tag stays when it agrees, with its region or as Dari's code.
        assert_eq!(settled(Some("fa-AF"), &dari).as_deref(), Some("fa-AF"));
        assert_eq!(settled(Some("prs"), &dari).as_deref(), Some("prs"));
        assert_eq!(settled(Some("pus"), &pashto).as_deref(), Some("pus"));
        // Outside the Arabic script the page's tag is trusted.
        assert_eq!(settled(Some("de"), &english).as_deref(), Some("de"));
        // Without a tag, the text's language.
        assert_eq!(settled(None, &pashto).as_deref(), Some("ps"));
        assert_eq!(settled(None, &[]), None);
    }

    #[test]
    fn an_empty_document_has_no_language() {
        assert_eq!(detect_paragraphs(&[]), DocumentLang::default());
        assert_eq!(detect_paragraphs(&["12:30".to_string()]).main, None);
    }
}
