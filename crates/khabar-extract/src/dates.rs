//! Dates as pages state them: machine-readable values (ISO 8601 / RFC 3339,
//! RFC 2822) and visible text in English, Persian (Iranian and Dari), Pashto
//! and Arabic, in the Gregorian or the Solar Hijri calendar, with Latin,
//! Persian or Eastern-Arabic digits. The stated UTC offset is kept; a time
//! without one gets the offset of the calendar's country when the month
//! names tell it (Afghan month names: +04:30; Iranian: +03:30), else that
//! of the page's country when it is Afghan or Iranian, and UTC otherwise. Given the fetch time, relative times ("3 hours ago", "۲ روز
//! پیش") and dates without their year are placed too ([`find_relative`]).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

/// Afghanistan's offset, +04:30.
const AF: i32 = 4 * 3600 + 1800;
/// Iran's standard offset, +03:30.
const IR: i32 = 3 * 3600 + 1800;

/// `s` in the form dates are read in: letters and digits folded as
/// matching folds them ([`crate::fold::letter`]: Persian and Eastern-Arabic
/// digits to ASCII, Arabic yeh and kaf to Persian, Pashto gaf to Persian),
/// the marks matching drops removed (tatweel, vowel and direction marks),
/// and the Arabic-script decimal and thousands separators and comma made
/// Latin. The words this module looks for are written in this form.
pub fn normalize(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '٫' => Some('.'),
            '٬' | '،' => Some(','),
            c if khabar_model::script::is_silent(c) => None,
            c => Some(crate::fold::letter(c)),
        })
        .collect()
}

/// The Gregorian date of a Solar Hijri (Jalali) date, by the 33-year-cycle
/// algorithm used in Iran and Afghanistan (valid for years 1–3177).
pub fn solar_hijri_to_gregorian(jy: i32, jm: u32, jd: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&jm) || jd == 0 || jd > if jm <= 6 { 31 } else { 30 } {
        return None;
    }
    const BREAKS: [i32; 20] = [
        -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
        2394, 2456, 3178,
    ];
    if jy < BREAKS[0] || jy >= BREAKS[19] {
        return None;
    }
    let gy = jy + 621;
    let mut leap_j = -14;
    let mut jp = BREAKS[0];
    let mut jump = 0;
    for &jm_break in &BREAKS[1..] {
        jump = jm_break - jp;
        if jy < jm_break {
            break;
        }
        leap_j += jump.div_euclid(33) * 8 + jump.rem_euclid(33).div_euclid(4);
        jp = jm_break;
    }
    let n = jy - jp;
    leap_j += n.div_euclid(33) * 8 + (n.rem_euclid(33) + 3).div_euclid(4);
    if jump.rem_euclid(33) == 4 && jump - n == 4 {
        leap_j += 1;
    }
    let leap_g = gy.div_euclid(4) - ((gy.div_euclid(100) + 1) * 3).div_euclid(4) - 150;
    let march = 20 + leap_j - leap_g;
    let start = NaiveDate::from_ymd_opt(gy, 3, u32::try_from(march).ok()?)?;
    let jm = i64::from(jm);
    let days = if jm <= 6 {
        (jm - 1) * 31
    } else {
        186 + (jm - 7) * 30
    } + i64::from(jd)
        - 1;
    start.checked_add_signed(chrono::TimeDelta::days(days))
}

/// Parses a machine-readable date (`datetime` attributes, JSON-LD, meta
/// tags). Returns the time and whether the value stated its offset.
pub fn parse_machine(s: &str) -> Option<(DateTime<FixedOffset>, bool)> {
    let s = normalize(s.trim());
    let s = s.as_str();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some((t, true));
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%:z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M%:z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return Some((t, true));
        }
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some((t, true));
    }
    let utc = |n: NaiveDateTime| n.and_utc().fixed_offset();
    let no_z = s.strip_suffix('Z').unwrap_or(s);
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(no_z, f) {
            return Some((utc(n), no_z.len() != s.len()));
        }
    }
    let date_part = s.get(..10).unwrap_or(s);
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(date_part, f)
            && (1990..=2100).contains(&chrono::Datelike::year(&d))
        {
            return Some((utc(d.and_time(NaiveTime::MIN)), false));
        }
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cal {
    Gregorian,
    /// Solar Hijri with Iranian month names.
    SolarIran,
    /// Solar Hijri with Afghan (Dari or Pashto) month names.
    SolarAfghan,
}

/// Month names: (name, month number, calendar).
const MONTHS: &[(&str, u32, Cal)] = &[
    // Iranian Solar Hijri
    ("فروردین", 1, Cal::SolarIran),
    ("اردیبهشت", 2, Cal::SolarIran),
    ("خرداد", 3, Cal::SolarIran),
    ("تیر", 4, Cal::SolarIran),
    ("مرداد", 5, Cal::SolarIran),
    ("امرداد", 5, Cal::SolarIran),
    ("شهریور", 6, Cal::SolarIran),
    ("مهر", 7, Cal::SolarIran),
    ("آبان", 8, Cal::SolarIran),
    ("آذر", 9, Cal::SolarIran),
    ("دی", 10, Cal::SolarIran),
    ("بهمن", 11, Cal::SolarIran),
    ("اسفند", 12, Cal::SolarIran),
    // Dari (Afghan) Solar Hijri
    ("حمل", 1, Cal::SolarAfghan),
    ("ثور", 2, Cal::SolarAfghan),
    ("جوزا", 3, Cal::SolarAfghan),
    ("جوزاء", 3, Cal::SolarAfghan),
    ("جوزه", 3, Cal::SolarAfghan),
    ("سرطان", 4, Cal::SolarAfghan),
    ("اسد", 5, Cal::SolarAfghan),
    ("سنبله", 6, Cal::SolarAfghan),
    ("میزان", 7, Cal::SolarAfghan),
    ("عقرب", 8, Cal::SolarAfghan),
    ("قوس", 9, Cal::SolarAfghan),
    ("جدی", 10, Cal::SolarAfghan),
    ("دلو", 11, Cal::SolarAfghan),
    ("حوت", 12, Cal::SolarAfghan),
    // Pashto Solar Hijri
    ("وری", 1, Cal::SolarAfghan),
    ("غویی", 2, Cal::SolarAfghan),
    ("غوایی", 2, Cal::SolarAfghan),
    ("غبرگولی", 3, Cal::SolarAfghan),
    ("چنگاښ", 4, Cal::SolarAfghan),
    ("زمری", 5, Cal::SolarAfghan),
    ("وږی", 6, Cal::SolarAfghan),
    ("تله", 7, Cal::SolarAfghan),
    ("لړم", 8, Cal::SolarAfghan),
    ("لیندی", 9, Cal::SolarAfghan),
    ("مرغومی", 10, Cal::SolarAfghan),
    ("سلواغه", 11, Cal::SolarAfghan),
    ("کب", 12, Cal::SolarAfghan),
    // Gregorian months in Persian, Dari, Pashto and Arabic
    ("ژانویه", 1, Cal::Gregorian),
    ("جنوری", 1, Cal::Gregorian),
    ("ینایر", 1, Cal::Gregorian),
    ("فوریه", 2, Cal::Gregorian),
    ("فبروری", 2, Cal::Gregorian),
    ("فبرایر", 2, Cal::Gregorian),
    ("مارس", 3, Cal::Gregorian),
    ("مارچ", 3, Cal::Gregorian),
    ("آوریل", 4, Cal::Gregorian),
    ("اپریل", 4, Cal::Gregorian),
    ("ابریل", 4, Cal::Gregorian),
    ("مه", 5, Cal::Gregorian),
    ("می", 5, Cal::Gregorian),
    ("مایو", 5, Cal::Gregorian),
    ("ژوئن", 6, Cal::Gregorian),
    ("جون", 6, Cal::Gregorian),
    ("یونیو", 6, Cal::Gregorian),
    ("ژوئیه", 7, Cal::Gregorian),
    ("جولای", 7, Cal::Gregorian),
    ("یولیو", 7, Cal::Gregorian),
    ("اوت", 8, Cal::Gregorian),
    ("اگست", 8, Cal::Gregorian),
    ("آگوست", 8, Cal::Gregorian),
    ("اغسطس", 8, Cal::Gregorian),
    ("سپتامبر", 9, Cal::Gregorian),
    ("سپتمبر", 9, Cal::Gregorian),
    ("سبتمبر", 9, Cal::Gregorian),
    ("اکتبر", 10, Cal::Gregorian),
    ("اکتوبر", 10, Cal::Gregorian),
    ("نوامبر", 11, Cal::Gregorian),
    ("نومبر", 11, Cal::Gregorian),
    ("نوفمبر", 11, Cal::Gregorian),
    ("دسامبر", 12, Cal::Gregorian),
    ("دسمبر", 12, Cal::Gregorian),
    ("دیسمبر", 12, Cal::Gregorian),
];

const EN_MONTHS: [&str; 12] = [
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
];

/// Whether `tok` is a word of a date line: holds a digit, names a month
/// or a weekday, or is a short word ("am", "at", "on").
pub(crate) fn date_word(tok: &str) -> bool {
    const WEEKDAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let t = tok.trim_matches(|c: char| !c.is_alphanumeric());
    t.chars().count() < 3
        || t.chars().any(|c| c.is_numeric())
        || month_of(t).is_some()
        || t.get(..3)
            .is_some_and(|p| WEEKDAYS.iter().any(|w| w.eq_ignore_ascii_case(p)))
}

/// Whether `tok` is a number or a numeric date ("17", "2025,",
/// "16.12.2025", "09:30") or a month's or a weekday's name.
pub(crate) fn calendar_word(tok: &str) -> bool {
    let t = tok.trim_matches(|c: char| !c.is_alphanumeric());
    (t.chars().any(char::is_numeric) && t.chars().all(|c| c.is_numeric() || "./-:".contains(c)))
        || month_or_weekday(tok)
}

/// Whether `tok` is a month's or a weekday's name or its short form
/// ("Dec.", "Sat", "Saturday", "جدی"), not a word that starts like one
/// ("Satya", "Monica").
pub(crate) fn month_or_weekday(tok: &str) -> bool {
    const WEEKDAYS: &[&str] = &[
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
    ];
    let t = tok.trim_matches(|c: char| !c.is_alphanumeric());
    month_of(t).is_some() || WEEKDAYS.iter().any(|w| w.eq_ignore_ascii_case(t))
}

/// Whether `tok` names a month or is a year of four digits.
pub(crate) fn month_or_year(tok: &str) -> bool {
    let t = tok.trim_matches(|c: char| !c.is_alphanumeric());
    month_of(t).is_some() || (t.chars().count() == 4 && t.chars().all(|c| c.is_numeric()))
}

fn month_of(tok: &str) -> Option<(u32, Cal)> {
    let t = tok.trim_end_matches('.');
    if t.is_ascii() {
        let t = t.to_ascii_lowercase();
        if t.len() < 3 {
            return None;
        }
        if t == "sept" {
            return Some((9, Cal::Gregorian));
        }
        return EN_MONTHS
            .iter()
            .position(|m| *m == t || (t.len() == 3 && m.starts_with(&t)))
            .map(|i| (i as u32 + 1, Cal::Gregorian));
    }
    // Tokens from outside this module (bylines) come unfolded.
    let folded = normalize(t);
    MONTHS
        .iter()
        .find(|(name, _, _)| *name == folded)
        .map(|&(_, m, c)| (m, c))
}

fn number(tok: &str) -> Option<u32> {
    // Ordinals: "21st", Pashto "۲۱مه", Dari "۲۱ام".
    let t = tok.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let t = ["مه", "ام", "م"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(t);
    if t.is_empty() || t.len() > 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// Whether US daylight saving time is in force on `date` (from the second
/// Sunday of March to the first Sunday of November).
fn us_summer(date: NaiveDate) -> bool {
    use chrono::{Datelike, Weekday};
    let y = date.year();
    let (Some(start), Some(end)) = (
        NaiveDate::from_weekday_of_month_opt(y, 3, Weekday::Sun, 2),
        NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Sun, 1),
    ) else {
        return false;
    };
    date >= start && date < end
}

/// The offset of a time zone abbreviation: `EST`, `PDT`, `CET`, …; the
/// US zones without the season (`ET`, `PT`) take it from `date`.
fn zone_abbreviation(z: &str, date: NaiveDate) -> Option<i32> {
    let h = |n: i32| Some(n * 3600);
    let us = |standard: i32| h(standard + i32::from(us_summer(date)));
    match z {
        "UTC" | "GMT" | "Z" | "WET" => h(0),
        "EST" => h(-5),
        "EDT" => h(-4),
        "CST" => h(-6),
        "CDT" => h(-5),
        "MST" => h(-7),
        "MDT" => h(-6),
        "PST" => h(-8),
        "PDT" => h(-7),
        "ET" => us(-5),
        "CT" => us(-6),
        "MT" => us(-7),
        "PT" => us(-8),
        "BST" | "CET" | "WEST" => h(1),
        "CEST" | "EET" => h(2),
        "EEST" | "MSK" => h(3),
        "IRST" => Some(IR),
        "AFT" => Some(AF),
        "PKT" => h(5),
        "JST" | "KST" => h(9),
        "AEST" => h(10),
        "AEDT" => h(11),
        _ => None,
    }
}

/// A time of day and an offset following a date: `09:30`, `9:30 pm`,
/// `09:30:15 UTC`, `09:30 +04:30`, `5:00 PM PST`.
fn time_after(toks: &[&str], date: NaiveDate) -> (Option<NaiveTime>, Option<i32>) {
    for (i, tok) in toks.iter().take(4).enumerate() {
        let t = tok.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
        let mut parts = t.split(':');
        let (Some(h), Some(m)) = (parts.next(), parts.next()) else {
            continue;
        };
        let m_digits: String = m.chars().take_while(char::is_ascii_digit).collect();
        let (Ok(mut h), Ok(m)) = (h.parse::<u32>(), m_digits.parse::<u32>()) else {
            continue;
        };
        let sec = parts
            .next()
            .map(|s| {
                s.chars()
                    .take_while(char::is_ascii_digit)
                    .collect::<String>()
            })
            .and_then(|s| s.parse::<u32>().ok())
            .unwrap_or(0);
        let rest = &toks[i + 1..];
        let mut offset = None;
        let ampm = |s: &str| {
            s.trim_end_matches('.')
                .to_ascii_lowercase()
                .replace('.', "")
        };
        let lower_tail = t.to_ascii_lowercase();
        let tail_pm = lower_tail.ends_with("pm");
        let tail_am = lower_tail.ends_with("am");
        let next = rest.first().map(|s| ampm(s)).unwrap_or_default();
        if (tail_pm || next == "pm") && h < 12 {
            h += 12;
        }
        if (tail_am || next == "am") && h == 12 {
            h = 0;
        }
        for z in rest.iter().take(2) {
            let zu = z
                .trim_matches(|c: char| c == '(' || c == ')' || c == '.')
                .to_ascii_uppercase();
            if let Some(o) = zone_abbreviation(&zu, date) {
                offset = Some(o);
                break;
            }
            if let Some(o) = parse_offset(&zu) {
                offset = Some(o);
                break;
            }
        }
        return (NaiveTime::from_hms_opt(h, m, sec), offset);
    }
    (None, None)
}

fn parse_offset(s: &str) -> Option<i32> {
    let s = s
        .strip_prefix("UTC")
        .or_else(|| s.strip_prefix("GMT"))
        .unwrap_or(s);
    let sign = match s.chars().next()? {
        '+' => 1,
        '-' | '−' => -1,
        _ => return None,
    };
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 | 4 => {
            let (h, m) = digits.split_at(digits.len() - 2);
            (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?)
        }
        _ => return None,
    };
    (h <= 14 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

/// Where a visible date points: is the page Afghan (Dari/Pashto) or Iranian,
/// for numeric Solar Hijri dates that carry no month name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    Afghan,
    Iranian,
    Other,
}

/// Finds the first date written for people in `text` (e.g. `November 11,
/// 2024`, `11 Nov 2024 09:30 UTC`, `۲۱ عقرب ۱۴۰۳`, `1403/08/21`).
pub fn find_visible(text: &str, region: Region) -> Option<DateTime<FixedOffset>> {
    find_labelled(text, region).map(|v| v.time)
}

/// A date written for people, as [`find_labelled`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisibleDate {
    pub time: DateTime<FixedOffset>,
    /// Whether the text stated the offset (`UTC`, `+04:30`, `PST`); the
    /// offset is otherwise the calendar's country's, or UTC.
    pub stated_offset: bool,
    /// Whether a word just before the date calls it an update ("Updated",
    /// "Last modified", "Reviewed"): the time of a later change, not of
    /// the publication.
    pub updated: bool,
    /// Whether only the fetch time placed it: a relative time ("3 hours
    /// ago", "دیروز") or a date written without its year ("Dec. 5").
    pub relative: bool,
}

/// Words that, just before a date, make it the time of a change.
/// Also Persian and Dari "بروزرسانی" / "به‌روزرسانی" (updated),
/// "ویرایش" (edited), Arabic "تحديث" / "آخر تحديث".
const UPDATE_WORDS: &[&str] = &[
    "updat",
    "modif",
    "reviewed",
    "revised",
    "edited",
    "بروز",
    // "به‌روز": the zero-width non-joiner is dropped when words are folded.
    "بهروز",
    "ویرایش",
    "تحدیث",
];

/// Whether `tok` calls a date an update ("Updated", "(Last modified").
fn is_update_word(tok: &str) -> bool {
    // Tokens from a tooltip's text come unfolded.
    let t = normalize(tok.trim_start_matches(|c: char| !c.is_alphanumeric())).to_lowercase();
    UPDATE_WORDS.iter().any(|w| t.starts_with(w))
}

/// The date a date element shows only in its `title` (the tooltip of a
/// relative time, "<time title=\"2025-12-19 12:00:00Z\">a day ago</time>"):
/// a machine or a written date, an update when the element's text calls it
/// one ("Updated 2 days ago").
pub fn in_tooltip(title: &str, text: &str, region: Region) -> Option<VisibleDate> {
    let updated = text.split_whitespace().any(is_update_word);
    match parse_machine(title) {
        Some((time, stated_offset)) => Some(VisibleDate {
            time,
            stated_offset,
            updated,
            relative: false,
        }),
        None => find_labelled(title, region).map(|v| VisibleDate {
            updated: updated || v.updated,
            ..v
        }),
    }
}

/// As [`find_visible`], with whether the offset was stated and whether the
/// date is labelled as an update.
pub fn find_labelled(text: &str, region: Region) -> Option<VisibleDate> {
    let norm = split_fused(&normalize(text));
    let toks = tokens(&norm);
    let updated_before = |start: usize| updated_before(&toks, start);
    for i in 0..toks.len() {
        // A machine time written out ("Published on 2021-01-18T19:55").
        let t = toks[i].as_bytes();
        if t.len() >= 16
            && t[4] == b'-'
            && t[10].eq_ignore_ascii_case(&b't')
            && t[0].is_ascii_digit()
            && let Some((time, stated_offset)) = parse_machine(toks[i])
        {
            return Some(VisibleDate {
                time,
                stated_offset,
                updated: updated_before(i),
                relative: false,
            });
        }
        let found = date_at(&toks, i, region);
        if let Some((date, cal, start, next)) = found {
            let (time, offset) = time_after(&toks[next.min(toks.len())..], date);
            let stated_offset = offset.is_some();
            // A Gregorian date on an Afghan or Iranian page is that
            // country's day too.
            let offset = offset.unwrap_or(match (cal, region) {
                (Cal::SolarAfghan, _) | (Cal::Gregorian, Region::Afghan) => AF,
                (Cal::SolarIran, _) | (Cal::Gregorian, Region::Iranian) => IR,
                (Cal::Gregorian, Region::Other) => 0,
            });
            let tz = FixedOffset::east_opt(offset)?;
            let naive = date.and_time(time.unwrap_or(NaiveTime::MIN));
            let updated = updated_before(start);
            return naive
                .and_local_timezone(tz)
                .single()
                .map(|time| VisibleDate {
                    time,
                    stated_offset,
                    updated,
                    relative: false,
                });
        }
    }
    None
}

/// The words of a date line: split at white space and at the punctuation
/// that separates its parts.
fn tokens(norm: &str) -> Vec<&str> {
    norm.split(|c: char| c.is_whitespace() || ",|()[]،؛•·".contains(c))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Whether one of the three words before `start` calls a date an update.
fn updated_before(toks: &[&str], start: usize) -> bool {
    toks[start.saturating_sub(3)..start]
        .iter()
        .any(|t| is_update_word(t))
}

/// A unit of a relative time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    /// Weeks, months, years: too coarse to date a page by.
    Coarse,
}

/// The unit a word names, in English ("hours", "hrs", "h"), Persian and
/// Dari ("ساعت"), Pashto ("ساعته", "ورځې") or Arabic ("ساعات").
fn unit_of(word: &str) -> Option<Unit> {
    let w = word.trim_end_matches('.').to_lowercase();
    Some(match w.as_str() {
        "s" | "sec" | "secs" | "second" | "seconds" | "ثانیه" | "ثانیې" | "ثانیة" | "ثوان"
        | "ثوانی" => Unit::Second,
        "m" | "min" | "mins" | "minute" | "minutes" | "دقیقه" | "دقیقې" | "دقیقة" | "دقائق" => {
            Unit::Minute
        }
        "h" | "hr" | "hrs" | "hour" | "hours" | "ساعت" | "ساعته" | "ساعتونه" | "ساعة" | "ساعات" => {
            Unit::Hour
        }
        "d" | "day" | "days" | "روز" | "ورځ" | "ورځې" | "ورځی" | "یوم" | "ایام" => {
            Unit::Day
        }
        "w" | "wk" | "wks" | "week" | "weeks" | "mo" | "month" | "months" | "y" | "yr" | "yrs"
        | "year" | "years" | "هفته" | "ماه" | "سال" | "اونی" | "میاشت" | "میاشتې" | "کال"
        | "اسبوع" | "اسابیع" | "شهر" | "اشهر" | "سنة" | "سنوات" => {
            Unit::Coarse
        }
        _ => return None,
    })
}

/// A count written as digits or as a word ("an hour ago", "یک روز پیش").
fn count_of(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    match w.as_str() {
        "a" | "an" | "one" | "یک" | "یو" => Some(1),
        "two" | "دو" | "دوه" => Some(2),
        "three" | "سه" | "درې" => Some(3),
        "four" | "چهار" | "څلور" => Some(4),
        "five" | "پنج" | "پنځه" => Some(5),
        "six" | "شش" | "شپږ" => Some(6),
        "seven" | "هفت" | "اوه" => Some(7),
        "eight" | "هشت" | "اته" => Some(8),
        "nine" | "نه" | "نهه" => Some(9),
        "ten" | "ده" | "لس" => Some(10),
        _ if w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()) => w.parse().ok(),
        _ => None,
    }
}

/// Words after a count and a unit that make it a time ago: "ago",
/// Persian "پیش" / "قبل", Pashto "مخکې" / "وړاندې".
fn is_ago(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "ago" | "پیش" | "قبل" | "مخکې" | "مخکی" | "وړاندې" | "وړاندی"
    )
}

/// A relative time at token `i`: (count, unit, index after it). "3 hours
/// ago", "3h ago", "an hour ago", "۳ ساعت پیش", "۲ ورځې مخکې", "منذ ٣
/// ساعات", "منذ ساعتين", "قبل يومين".
fn relative_at(toks: &[&str], i: usize) -> Option<(u32, Unit, usize)> {
    let word = |k: usize| toks.get(k).copied();
    // Arabic: "منذ" or "قبل" before the count; a unit alone is one, its
    // dual two.
    if matches!(toks[i], "منذ" | "قبل") {
        let w = word(i + 1)?;
        for (dual, unit) in [
            ("دقیقتین", Unit::Minute),
            ("ساعتین", Unit::Hour),
            ("یومین", Unit::Day),
        ] {
            if w == dual {
                return Some((2, unit, i + 2));
            }
        }
        if let Some(unit) = unit_of(w).filter(|_| !w.is_ascii()) {
            return Some((1, unit, i + 2));
        }
        let n = count_of(w)?;
        return Some((n, unit_of(word(i + 2)?)?, i + 3));
    }
    // "3h ago", "10min ago"
    let tok = toks[i];
    let digits = tok.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < tok.len() && word(i + 1).is_some_and(is_ago) {
        let unit = unit_of(&tok[digits..])?;
        return Some((tok[..digits].parse().ok()?, unit, i + 2));
    }
    let n = count_of(tok)?;
    let unit = unit_of(word(i + 1)?)?;
    // "دو روز قبل از انتخابات" is two days before the elections.
    let before_something = word(i + 3) == Some("از");
    (is_ago(word(i + 2)?) && !before_something).then_some((n, unit, i + 3))
}

/// Words for the day before the fetch ("yesterday", "دیروز", "پرون",
/// "أمس") and for its day ("today", "امروز", "نن", "اليوم").
fn day_word(word: &str) -> Option<i64> {
    match word.to_lowercase().as_str() {
        "yesterday" | "دیروز" | "پرون" | "امس" => Some(1),
        "today" | "امروز" | "نن" | "الیوم" => Some(0),
        _ => None,
    }
}

/// Whether `text` holds a time counted back from the moment it is read
/// ("2 hours ago", "3 weeks ago", "yesterday", "۳ ساعت پیش", "منذ ساعتين"),
/// whatever its unit.
pub fn holds_relative_time(text: &str) -> bool {
    let norm = split_fused(&normalize(text));
    let toks = tokens(&norm);
    (0..toks.len()).any(|i| relative_at(&toks, i).is_some() || day_word(toks[i]) == Some(1))
}

/// A date as written ([`find_labelled`]), or else, when the fetch time is
/// known, one it places ([`find_relative`]: "3 hours ago", "Dec. 5").
pub fn find_dated(
    text: &str,
    region: Region,
    fetched_at: Option<DateTime<FixedOffset>>,
) -> Option<VisibleDate> {
    find_labelled(text, region)
        .or_else(|| fetched_at.and_then(|now| find_relative(text, region, now)))
}

/// The farthest back a relative time is read ("400 days ago").
const MAX_DAYS_BACK: u32 = 400;

/// Dates that only the fetch time `now` places: a relative time ("3
/// hours ago", "Yesterday at 9:30 pm", "۳ ساعت پیش", "منذ ساعتين") or a
/// date without its year ("Dec. 5", "5 December", "۱۴ قوس"), taken as
/// the last such day on or before the fetch. Times in seconds, minutes and
/// hours keep the minute; days give the day, in the offset of the
/// calendar's country when the region tells it and in `now`'s otherwise.
/// Weeks, months and years ago are too coarse to date a page and are not
/// read.
pub fn find_relative(
    text: &str,
    region: Region,
    now: DateTime<FixedOffset>,
) -> Option<VisibleDate> {
    use chrono::{Datelike, Timelike};
    let norm = split_fused(&normalize(text));
    let toks = tokens(&norm);
    let local = match region {
        Region::Afghan => FixedOffset::east_opt(AF)?,
        Region::Iranian => FixedOffset::east_opt(IR)?,
        Region::Other => *now.offset(),
    };
    let today = now.with_timezone(&local).date_naive();
    let found = |time: DateTime<FixedOffset>, start: usize| {
        Some(VisibleDate {
            time,
            stated_offset: false,
            updated: updated_before(&toks, start),
            relative: true,
        })
    };
    // A day, at the time written after token `next` when there is one, in
    // the offset written there or else in `zone`.
    let at_day = |date: NaiveDate, zone: FixedOffset, start: usize, next: usize| {
        let (time, offset) = time_after(&toks[next.min(toks.len())..], date);
        let tz = offset.map_or(Some(zone), FixedOffset::east_opt)?;
        let time = date
            .and_time(time.unwrap_or(NaiveTime::MIN))
            .and_local_timezone(tz)
            .single()?;
        Some(VisibleDate {
            stated_offset: offset.is_some(),
            ..found(time, start)?
        })
    };
    for i in 0..toks.len() {
        if let Some((n, unit, _)) = relative_at(&toks, i) {
            let secs = match unit {
                Unit::Second => 1,
                Unit::Minute => 60,
                Unit::Hour => 3600,
                Unit::Day => {
                    if n > MAX_DAYS_BACK {
                        return None;
                    }
                    let date = today.checked_sub_days(chrono::Days::new(n.into()))?;
                    return found(
                        date.and_time(NaiveTime::MIN)
                            .and_local_timezone(local)
                            .single()?,
                        i,
                    );
                }
                // Weeks, months, years: a later date in the line may still
                // be read ("3 weeks ago · Dec. 5").
                Unit::Coarse => continue,
            };
            let back = chrono::TimeDelta::seconds(i64::from(n) * secs);
            if back > chrono::TimeDelta::days(MAX_DAYS_BACK.into()) {
                return None;
            }
            let t = now.checked_sub_signed(back)?;
            let t = t.with_second(0)?.with_nanosecond(0)?;
            return found(t.with_timezone(&local), i);
        }
        if let Some(back) = day_word(toks[i]) {
            // "Today" dates a page only with a time ("Today, 08:15"): alone
            // it is also a name (NBC's "TODAY", "USA TODAY").
            let timed = time_after(&toks[i + 1..], today).0.is_some();
            if back == 1 || timed {
                return at_day(today - chrono::Days::new(back as u64), local, i, i + 1);
            }
        }
        // A month name with a day and no year.
        let Some((m, cal)) = month_of(toks[i]) else {
            continue;
        };
        let day = |k: usize| {
            toks.get(k)
                .and_then(|t| number(t))
                .filter(|d| (1..=31).contains(d))
        };
        let year_at = |k: usize| {
            toks.get(k)
                .and_then(|t| number(t))
                .is_some_and(|y| y >= 1000)
        };
        let (d, start, next) = match (i.checked_sub(1).and_then(day), day(i + 1)) {
            (Some(d), _) if !year_at(i + 1) => (d, i - 1, i + 1),
            (None, Some(d)) if !year_at(i + 2) => (d, i, i + 2),
            _ => continue,
        };
        let this_year = match cal {
            Cal::Gregorian => today.year(),
            _ => today.year() - 621,
        };
        let latest = (this_year - 2..=this_year + 1)
            .rev()
            .filter_map(|y| make_date(u32::try_from(y).ok()?, m, d, Some(cal), region))
            .map(|(date, _)| date)
            .find(|date| *date <= today + chrono::Days::new(1))?;
        if (today - latest).num_days() > 366 {
            return None;
        }
        let zone = match cal {
            Cal::SolarAfghan => FixedOffset::east_opt(AF)?,
            Cal::SolarIran => FixedOffset::east_opt(IR)?,
            Cal::Gregorian => local,
        };
        return at_day(latest, zone, start, next);
    }
    None
}

/// Puts a space where inline elements ran words together without one
/// ("Health" + "DECEMBER 22, 2022" + "Updated: …" reads
/// "HealthDECEMBER 22, 2022Updated: …"): before a capital letter that
/// follows a small letter or a digit, before a word that follows capitals
/// ("05:32 PST" + "View all revisions" reads "PSTView"), and between a
/// colon and a letter ("Updated:Dec 12, 2025"). Ordinals ("11th") and
/// times ("9:30pm") keep their small letters.
fn split_fused(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev = ' ';
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let word_after_capitals = prev.is_ascii_uppercase()
            && c.is_ascii_uppercase()
            && chars.peek().is_some_and(char::is_ascii_lowercase);
        // The "T" of an ISO time ("2021-01-18T19:55") joins, not splits.
        let iso_t =
            c == 'T' && prev.is_ascii_digit() && chars.peek().is_some_and(char::is_ascii_digit);
        if (c.is_ascii_uppercase()
            && (prev.is_ascii_lowercase() || prev.is_ascii_digit())
            && !iso_t)
            || word_after_capitals
            || (prev == ':' && c.is_alphabetic())
        {
            out.push(' ');
        }
        out.push(c);
        prev = c;
    }
    out
}

/// Parses a date value of a meta tag or of JSON-LD that is written for
/// people rather than machines (`Jan 17, 2025`, `July 17, 2025 9:30 am`,
/// `03-09-2026`): a short value that holds one date and little else.
/// Returns the time and whether the value stated its offset.
pub fn parse_loose(s: &str) -> Option<(DateTime<FixedOffset>, bool)> {
    let s = s.trim();
    if s.is_empty() || s.len() > 48 {
        return None;
    }
    let v = find_labelled(s, Region::Other)?;
    Some((v.time, v.stated_offset))
}

/// A date around token `i`: (date, calendar, index of its first token,
/// index after the date).
fn date_at(toks: &[&str], i: usize, region: Region) -> Option<(NaiveDate, Cal, usize, usize)> {
    let tok = toks[i];
    // Numeric: 2024-11-11, 1403/08/21, 11/21/2024, 21.08.1403
    if tok.len() >= 8 && tok.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        let parts: Vec<&str> = tok.split(['/', '-', '.']).collect();
        let n: Vec<u32> = parts
            .iter()
            .filter(|p| p.bytes().all(|b| b.is_ascii_digit()))
            .filter_map(|p| number(p))
            .collect();
        if parts.len() == 3 && n.len() == 3 {
            let (y, m, d) = if parts[0].len() == 4 {
                (n[0], n[1], n[2])
            } else if parts[2].len() == 4 {
                if n[0] > 12 || (n[1] <= 12 && region != Region::Other) {
                    (n[2], n[1], n[0])
                } else {
                    (n[2], n[0], n[1])
                }
            } else {
                return None;
            };
            return make_date(y, m, d, None, region).map(|(dt, c)| (dt, c, i, i + 1));
        }
        return None;
    }
    // Month name: "11 November 2024", "November 11, 2024", "۲۱ عقرب ۱۴۰۳"
    let (m, cal) = month_of(tok)?;
    let next = toks.get(i + 1).copied().and_then(number);
    let prev = i.checked_sub(1).and_then(|p| number(toks[p]));
    let after = toks.get(i + 2).copied().and_then(number);
    if let (Some(d), Some(y)) = (prev, next)
        && d <= 31
        && y >= 1000
    {
        return make_date(y, m, d, Some(cal), region).map(|(dt, c)| (dt, c, i - 1, i + 2));
    }
    if let (Some(d), Some(y)) = (next, after)
        && d <= 31
        && y >= 1000
    {
        return make_date(y, m, d, Some(cal), region).map(|(dt, c)| (dt, c, i, i + 3));
    }
    // Pashto: "د ۱۴۰۳ کال د لړم ۲۱مه" (of the year 1403, of Larm the 21st),
    // also "د ۱۴۰۳ لمریز کال …" (of the solar year).
    if i >= 3 && toks[i - 2] == "کال" {
        let solar = matches!(toks[i - 3], "لمریز" | "شمسی" | "هجری");
        let at = if solar { i.checked_sub(4) } else { Some(i - 3) };
        if let (Some(d), Some(at)) = (next, at)
            && let Some(y) = number(toks[at])
            && d <= 31
            && y >= 1000
        {
            return make_date(y, m, d, Some(cal), region).map(|(dt, c)| (dt, c, at, i + 2));
        }
    }
    None
}

/// The last Solar Hijri year read (2041). Afghan pages often show the
/// lunar Hijri date beside the solar one ("۱۴۴۷/۰۶/۱۳ هـ.ق"); its years
/// (1446 in 2024) would read as solar years decades ahead.
const LAST_SOLAR_YEAR: i32 = 1420;

fn make_date(y: u32, m: u32, d: u32, cal: Option<Cal>, region: Region) -> Option<(NaiveDate, Cal)> {
    let y = i32::try_from(y).ok()?;
    let solar = (1300..1500).contains(&y);
    if solar && y > LAST_SOLAR_YEAR {
        return None;
    }
    let cal = match cal {
        Some(Cal::Gregorian) if solar => return None,
        Some(Cal::SolarAfghan | Cal::SolarIran) if !solar => return None,
        Some(c) => c,
        None if solar => {
            if region == Region::Afghan {
                Cal::SolarAfghan
            } else {
                Cal::SolarIran
            }
        }
        None => Cal::Gregorian,
    };
    let date = match cal {
        Cal::Gregorian => {
            if !(1990..=2100).contains(&y) {
                return None;
            }
            NaiveDate::from_ymd_opt(y, m, d)?
        }
        _ => solar_hijri_to_gregorian(y, m, d)?,
    };
    Some((date, cal))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc(t: Option<DateTime<FixedOffset>>) -> String {
        t.map(|t| t.to_rfc3339()).unwrap_or_default()
    }

    #[test]
    fn solar_hijri_new_years() {
        assert_eq!(
            solar_hijri_to_gregorian(1403, 1, 1),
            NaiveDate::from_ymd_opt(2024, 3, 20)
        );
        assert_eq!(
            solar_hijri_to_gregorian(1402, 1, 1),
            NaiveDate::from_ymd_opt(2023, 3, 21)
        );
        // 21 Aqrab 1403 = 11 November 2024
        assert_eq!(
            solar_hijri_to_gregorian(1403, 8, 21),
            NaiveDate::from_ymd_opt(2024, 11, 11)
        );
        assert_eq!(solar_hijri_to_gregorian(1403, 7, 31), None);
    }

    #[test]
    fn machine_dates_keep_offsets() {
        let p = |s| parse_machine(s).map(|(t, o)| (t.to_rfc3339(), o));
        assert_eq!(
            p("2024-11-11T09:30:00+04:30"),
            Some(("2024-11-11T09:30:00+04:30".into(), true))
        );
        assert_eq!(
            p("2024-11-11T09:30:00+0430"),
            Some(("2024-11-11T09:30:00+04:30".into(), true))
        );
        assert_eq!(
            p("Mon, 11 Nov 2024 09:30:00 GMT"),
            Some(("2024-11-11T09:30:00+00:00".into(), true))
        );
        assert_eq!(
            p("2024-11-11"),
            Some(("2024-11-11T00:00:00+00:00".into(), false))
        );
        assert_eq!(
            p("۲۰۲۴-۱۱-۱۱T۰۹:۳۰:۰۰+۰۴:۳۰"),
            Some(("2024-11-11T09:30:00+04:30".into(), true))
        );
        assert_eq!(p("yesterday"), None);
    }

    #[test]
    fn zone_names_and_update_labels() {
        let o = Region::Other;
        let l = |s| find_labelled(s, o).map(|v| (v.time.to_rfc3339(), v.stated_offset, v.updated));
        assert_eq!(
            l("Published Oct 20, 2025 at 5:00 PM PST"),
            Some(("2025-10-20T17:00:00-08:00".into(), true, false))
        );
        // "ET" takes the season from the date.
        assert_eq!(
            l("July 4, 2025 9:15 a.m. ET"),
            Some(("2025-07-04T09:15:00-04:00".into(), true, false))
        );
        assert_eq!(
            l("Jan 4, 2025 9:15 ET"),
            Some(("2025-01-04T09:15:00-05:00".into(), true, false))
        );
        assert_eq!(
            l("Dec 1, 2025 08:00 CET."),
            Some(("2025-12-01T08:00:00+01:00".into(), true, false))
        );
        assert_eq!(
            l("Last updated on: 2 March 2025"),
            Some(("2025-03-02T00:00:00+00:00".into(), false, true))
        );
        assert_eq!(
            l("آخرین به\u{200C}روزرسانی: ۲۱ عقرب ۱۴۰۳"),
            Some(("2024-11-11T00:00:00+04:30".into(), false, true))
        );
        assert_eq!(
            l("تاریخ نشر: ۲۱ عقرب ۱۴۰۳"),
            Some(("2024-11-11T00:00:00+04:30".into(), false, false))
        );
        assert_eq!(
            l("آخر تحديث: ١١ نوفمبر ٢٠٢٤"),
            Some(("2024-11-11T00:00:00+00:00".into(), false, true))
        );
        // Words run together by inline elements are read apart.
        assert_eq!(
            l("Mental HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026"),
            Some(("2022-12-22T00:00:00+00:00".into(), false, false))
        );
        assert_eq!(
            l("Last updated on Feb 25, 2026 05:32:07 PSTView all revisions"),
            Some(("2026-02-25T05:32:07-08:00".into(), true, true))
        );
        assert_eq!(
            l("2022Updated: JANUARY 02, 2026"),
            Some(("2026-01-02T00:00:00+00:00".into(), false, true))
        );
        // A review as a noun is no label.
        assert_eq!(
            l("Regulation in 2025: a global review Elliptic 12 December, 2025"),
            Some(("2025-12-12T00:00:00+00:00".into(), false, false))
        );
        assert_eq!(
            l("Reviewed Feb. 27, 2025"),
            Some(("2025-02-27T00:00:00+00:00".into(), false, true))
        );
        assert_eq!(
            l("۲۱ عقرب ۱۴۰۳"),
            Some(("2024-11-11T00:00:00+04:30".into(), false, false))
        );
        // A Gregorian date on an Afghan or Iranian page is that country's
        // day, unless it states its offset.
        let at = |s, region| find_visible(s, region).map(|t| t.to_rfc3339());
        assert_eq!(
            at("December 5, 2025", Region::Afghan).as_deref(),
            Some("2025-12-05T00:00:00+04:30")
        );
        assert_eq!(
            at("December 5, 2025 14:00", Region::Iranian).as_deref(),
            Some("2025-12-05T14:00:00+03:30")
        );
        assert_eq!(
            at("December 5, 2025 09:30 UTC", Region::Afghan).as_deref(),
            Some("2025-12-05T09:30:00+00:00")
        );
    }

    #[test]
    fn times_placed_by_the_fetch_time() {
        let now = DateTime::parse_from_rfc3339("2026-01-03T10:45:30Z").unwrap();
        let r = |s: &str, region| {
            find_relative(s, region, now).map(|v| (v.time.to_rfc3339(), v.updated, v.relative))
        };
        let o = Region::Other;
        let at = |t: &str| Some((t.to_string(), false, true));
        assert_eq!(r("3 hours ago", o), at("2026-01-03T07:45:00+00:00"));
        assert_eq!(r("Posted 3h ago", o), at("2026-01-03T07:45:00+00:00"));
        assert_eq!(r("an hour ago", o), at("2026-01-03T09:45:00+00:00"));
        assert_eq!(r("10 mins ago", o), at("2026-01-03T10:35:00+00:00"));
        assert_eq!(r("2 days ago", o), at("2026-01-01T00:00:00+00:00"));
        assert_eq!(
            r("Updated 2 days ago", o),
            Some(("2026-01-01T00:00:00+00:00".into(), true, true))
        );
        assert_eq!(
            r("Yesterday at 9:30 pm", o),
            at("2026-01-02T21:30:00+00:00")
        );
        assert_eq!(r("Today, 08:15", o), at("2026-01-03T08:15:00+00:00"));
        // Persian, Dari, Pashto, Arabic; an Afghan page's days are Kabul's.
        let af = Region::Afghan;
        assert_eq!(r("۳ ساعت پیش", af), at("2026-01-03T12:15:00+04:30"));
        assert_eq!(r("۳ ساعت پيش", af), at("2026-01-03T12:15:00+04:30"));
        // Counts in words.
        assert_eq!(r("سه ساعت پیش", af), at("2026-01-03T12:15:00+04:30"));
        assert_eq!(r("پنج دقیقه قبل", af), at("2026-01-03T15:10:00+04:30"));
        assert_eq!(r("شپږ ساعته مخکې", af), at("2026-01-03T09:15:00+04:30"));
        assert_eq!(r("five minutes ago", o), at("2026-01-03T10:40:00+00:00"));
        assert_eq!(r("ديروز", af), at("2026-01-02T00:00:00+04:30"));
        assert_eq!(r("۲ روز قبل", af), at("2026-01-01T00:00:00+04:30"));
        assert_eq!(r("دیروز", af), at("2026-01-02T00:00:00+04:30"));
        assert_eq!(r("۵ دقیقې مخکې", af), at("2026-01-03T15:10:00+04:30"));
        assert_eq!(r("منذ ساعتين", o), at("2026-01-03T08:45:00+00:00"));
        assert_eq!(r("منذ ٣ ساعات", o), at("2026-01-03T07:45:00+00:00"));
        // After 19:30 UTC it is the next day in Kabul.
        let late = DateTime::parse_from_rfc3339("2026-01-03T20:00:00Z").unwrap();
        assert_eq!(
            find_relative("دیروز", af, late).map(|v| v.time.to_rfc3339()),
            Some("2026-01-03T00:00:00+04:30".into())
        );
        // Dates without their year: the last such day on or before the fetch.
        assert_eq!(
            r("KABUL, Dec. 5 (Xinhua)", o),
            at("2025-12-05T00:00:00+00:00")
        );
        assert_eq!(
            r("Jan 3, 9:00 AM EST", o).map(|v| v.0),
            Some("2026-01-03T09:00:00-05:00".into())
        );
        assert_eq!(r("2 January", o), at("2026-01-02T00:00:00+00:00"));
        // 13 Jadi 1404 = 3 January 2026; 14 Jadi is tomorrow's, a year back.
        assert_eq!(r("۱۳ جدی", af), at("2026-01-03T00:00:00+04:30"));
        assert_eq!(r("۲۰ جدی", af), at("2025-01-09T00:00:00+04:30"));
        // Neither a count of weeks nor words that only look like dates.
        assert_eq!(r("3 weeks ago", o), None);
        assert_eq!(
            r("3 weeks ago · Dec. 5", o),
            at("2025-12-05T00:00:00+00:00")
        );
        assert_eq!(r("5 min read", o), None);
        assert_eq!(r("Today's top stories", o), None);
        assert_eq!(r("March 2024", o), None);
        assert_eq!(r("دو روز قبل از انتخابات", af), None);
        assert_eq!(r("قبل از انتخابات", af), None);
        assert!(holds_relative_time("Posted 3 weeks ago"));
        assert!(holds_relative_time("۳ ساعت پیش"));
        assert!(!holds_relative_time("5 min read"));
        assert!(!holds_relative_time("Dec. 5"));
        assert_eq!(r("9999 hours ago", o), None);
        assert_eq!(r("401 days ago", o), None);
    }

    /// Whatever the words, a time placed by the fetch lies between 400
    /// days before it and the day after it.
    #[test]
    fn times_placed_by_the_fetch_stay_near_it() {
        const WORDS: &[&str] = &[
            "3",
            "31",
            "0",
            "9999",
            "an",
            "hours",
            "h",
            "days",
            "min",
            "ago",
            "پیش",
            "ساعت",
            "روز",
            "منذ",
            "ساعتين",
            "yesterday",
            "today",
            "at",
            "9:30",
            "pm",
            "Dec.",
            "Feb",
            "29",
            "جدی",
            "حوت",
            "۳۰",
            "Updated",
            "EST",
            "+04:30",
            "2024",
            "1403",
            ",",
        ];
        let now = DateTime::parse_from_rfc3339("2028-03-01T00:30:00-05:00").unwrap();
        let mut seed: u64 = 7;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        let mut placed = 0;
        for _ in 0..20_000 {
            let len = 1 + next() % 6;
            let text: Vec<&str> = (0..len).map(|_| WORDS[next() % WORDS.len()]).collect();
            let text = text.join(" ");
            for region in [Region::Other, Region::Afghan] {
                if let Some(v) = find_relative(&text, region, now) {
                    placed += 1;
                    let back = now.signed_duration_since(v.time);
                    assert!(
                        back >= -chrono::TimeDelta::days(1) && back <= chrono::TimeDelta::days(402),
                        "{text:?} -> {}",
                        v.time
                    );
                }
            }
        }
        assert!(placed > 1000, "only {placed} placed");
    }

    #[test]
    fn loose_values_of_machine_fields() {
        let p = |s| parse_loose(s).map(|(t, o)| (t.to_rfc3339(), o));
        assert_eq!(
            p("Jan 17, 2025"),
            Some(("2025-01-17T00:00:00+00:00".into(), false))
        );
        assert_eq!(
            p("July 17, 2025 9:30 am EDT"),
            Some(("2025-07-17T09:30:00-04:00".into(), true))
        );
        assert_eq!(
            p("03-09-2026"),
            Some(("2026-03-09T00:00:00+00:00".into(), false))
        );
        assert_eq!(p("Mon Aug 22 16:45:24 PDT 2022"), None);
        assert_eq!(p("2025"), None);
        assert_eq!(
            p("A long sentence that happens to mention March 3, 2024 somewhere in it"),
            None
        );
    }

    #[test]
    fn visible_dates_in_many_scripts() {
        let o = Region::Other;
        // (text, region, RFC 3339 or "" when no date is read)
        let cases = [
            (
                "Published November 11, 2024 at 9:30 pm UTC",
                o,
                "2024-11-11T21:30:00+00:00",
            ),
            ("Updated: 11 Nov. 2024", o, "2024-11-11T00:00:00+00:00"),
            (
                "Published on 2021-01-18T19:55 by Ana",
                o,
                "2021-01-18T19:55:00+00:00",
            ),
            ("۲۱ عقرب ۱۴۰۳ - ۰۹:۳۰", o, "2024-11-11T09:30:00+04:30"),
            ("۲۱ آبان ۱۴۰۳", o, "2024-11-11T00:00:00+03:30"),
            ("د ۱۴۰۳ کال د لړم ۲۱مه", o, "2024-11-11T00:00:00+04:30"),
            (
                "د ۱۴۰۳ لمریز کال د لړم ۲۱مه",
                o,
                "2024-11-11T00:00:00+04:30",
            ),
            ("۲۱ جوزه ۱۴۰۳", o, "2024-06-10T00:00:00+04:30"),
            ("۲۱ام عقرب ۱۴۰۳", o, "2024-11-11T00:00:00+04:30"),
            // Arabic yeh and kaf, Pashto gaf, a stretched word: the same
            // months.
            ("۱۴ جدي ۱۴۰۳", o, "2025-01-03T00:00:00+04:30"),
            ("د ۱۴۰۳ کال د مرغومي ۱۴مه", o, "2025-01-03T00:00:00+04:30"),
            ("۱ غبرګولی ۱۴۰۳", o, "2024-05-21T00:00:00+04:30"),
            ("۱۴ جـدی ۱۴۰۳", o, "2025-01-03T00:00:00+04:30"),
            (
                "۲۱ آبان ۱۴۰۳ ساعت ۰۹:۳۰ تاريخ",
                o,
                "2024-11-11T09:30:00+03:30",
            ),
            // The lunar Hijri date beside the solar one is not read as solar.
            (
                "۱۴۴۶/۰۵/۰۹ هـ.ق - ۱۴۰۳/۰۸/۲۱",
                Region::Afghan,
                "2024-11-11T00:00:00+04:30",
            ),
            ("۹ جمادی‌الاول ۱۴۴۶", o, ""),
            ("۲۱ لړم ۱۴۰۳", o, "2024-11-11T00:00:00+04:30"),
            ("١١ نوفمبر ٢٠٢٤", o, "2024-11-11T00:00:00+00:00"),
            (
                "تاریخ: ۱۴۰۳/۰۸/۲۱",
                Region::Afghan,
                "2024-11-11T00:00:00+04:30",
            ),
            ("2024-11-11 09:30 +04:30", o, "2024-11-11T09:30:00+04:30"),
            (
                "Posted on the 15/12/2025 at 19:00",
                o,
                "2025-12-15T19:00:00+00:00",
            ),
            (
                "Essay - Published: 2025.12.17 |",
                o,
                "2025-12-17T00:00:00+00:00",
            ),
        ];
        for (text, region, want) in cases {
            assert_eq!(rfc(find_visible(text, region)), want, "{text}");
        }
        assert_eq!(find_visible("in May we met 3 people", o), None);
        assert_eq!(find_visible("1/2b/2024 11th/12/2024 2024-1a-03", o), None);
    }
}
