//! The words figures are read with, in English, Dari and Pashto, in their
//! matching form (see [`crate::normalize::normalize`], lower case).

use khabar_model::Approx;

/// English number words. `one` is left out on purpose: alone it is mostly a
/// pronoun or determiner ("one of the borders"); "one million" is still read
/// through the scale.
pub(crate) fn en_unit(w: &str) -> Option<f64> {
    Some(match w {
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Dari, Pashto and Urdu number words. They are read only inside a larger number
/// ("دو هزار", "درې زره") or before a classifier ("پنج نفر"): alone, several
/// of them are also common words (ده "village", نه "not", سل "tuberculosis").
pub(crate) fn fa_ps_unit(w: &str) -> Option<f64> {
    Some(match w {
        "یک" | "یو" => 1.0,
        "دو" | "دوه" => 2.0,
        "سه" | "درې" | "دری" => 3.0,
        "چهار" | "څلور" => 4.0,
        "پنج" | "پنځه" => 5.0,
        "شش" | "شپږ" => 6.0,
        "هفت" | "اووه" | "اوه" => 7.0,
        "هشت" | "اته" => 8.0,
        "نه" | "نهه" => 9.0,
        "ده" | "لس" => 10.0,
        // Pashto oblique forms, after د or په: "د څلورو کسانو", "په اتو ژبو".
        "دوو" => 2.0,
        "دریو" | "درېیو" | "دریيو" => 3.0,
        "څلورو" => 4.0,
        "پنځو" => 5.0,
        "شپږو" => 6.0,
        "اوو" => 7.0,
        "اتو" => 8.0,
        "نهو" => 9.0,
        "لسو" => 10.0,
        "شلو" => 20.0,
        "بیست" | "شل" => 20.0,
        "سی" | "دېرش" | "دیرش" => 30.0,
        "چهل" | "څلوېښت" | "څلویښت" => 40.0,
        "پنجاه" | "پنځوس" => 50.0,
        "شصت" | "شپېته" | "شپیته" => 60.0,
        "هفتاد" | "اویا" => 70.0,
        "هشتاد" | "اتیا" => 80.0,
        "نود" | "نوی" => 90.0,
        "صد" | "یکصد" | "سل" => 100.0,
        "دوصد" | "دویست" => 200.0,
        "سیصد" => 300.0,
        "چهارصد" => 400.0,
        "پانصد" => 500.0,
        // Urdu
        "ایک" => 1.0,
        "تین" => 3.0,
        "چار" => 4.0,
        "پانچ" => 5.0,
        "چھ" => 6.0,
        "سات" => 7.0,
        "آٹھ" => 8.0,
        "نو" => 9.0,
        "دس" => 10.0,
        "بیس" => 20.0,
        "تیس" => 30.0,
        "چالیس" => 40.0,
        "پچاس" => 50.0,
        "ساٹھ" => 60.0,
        "ستر" => 70.0,
        "اسی" => 80.0,
        "نوے" => 90.0,
        // Urdu "one and a half", "two and a half": "ڈیڑھ ارب".
        "ڈیڑھ" => 1.5,
        "ڈھائی" | "اڑھائی" => 2.5,
        _ => return None,
    })
}

/// Arabic number words from three to ten, as written (with their feminine
/// ending or without it). Read only before a noun for people: alone, some
/// are common words (ست "lady", سبع "lion").
pub(crate) fn ar_unit(w: &str) -> Option<f64> {
    Some(match w {
        "ثلاثة" | "ثلاث" => 3.0,
        "أربعة" | "أربع" => 4.0,
        "خمسة" | "خمس" => 5.0,
        "ستة" | "ست" => 6.0,
        "سبعة" | "سبع" => 7.0,
        "ثمانية" | "ثماني" => 8.0,
        "تسعة" | "تسع" => 9.0,
        "عشرة" | "عشر" => 10.0,
        _ => return None,
    })
}

/// Words for a hundred that multiply the number word before them ("پنج
/// صد", Pashto "اته سوه", Urdu "پانچ سو").
pub(crate) fn is_hundred(w: &str) -> bool {
    matches!(w, "صد" | "سوه" | "سو" | "سل")
}

/// Multipliers written after a number: "1.2 million", "2bn", "۲ میلیون".
/// Words joining the two numbers of a range ("2 to 3", "۲۰۰ تا ۳۰۰",
/// "۲۰ سے ۲۵", "٢ و٣"), normalised.
pub(crate) fn is_range_word(w: &str) -> bool {
    matches!(
        w,
        "to" | "and" | "تا" | "سے" | "تر" | "و" | "الی" | "الى" | "إلى" | "اِلی"
    )
}

pub(crate) fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "سو" | "سوه" => 1e2,
        "thousand" | "k" | "هزار" | "ہزار" | "زره" | "زر" | "زرو" | "الف" | "آلاف" => {
            1e3
        }
        // Dari and Pashto "لک" (lakh): "یک لک افغانی".
        "lakh" | "lakhs" | "لاکھ" | "لاکھوں" | "لک" => 1e5,
        "crore" | "crores" | "کروڑ" | "کروڑوں" => 1e7,
        "million" | "millions" | "mn" | "mln" | "m" | "میلیون" | "ملیون" | "میلیونه" | "ملیونه"
        | "میلیونی" | "ملیونی" | "میلیونو" | "ملیونو" | "ملایین" | "میلیونها" | "ملیونها" => {
            1e6
        }
        "billion" | "billions" | "bn" | "b" | "میلیارد" | "ملیارد" | "بیلیون" | "میلیارده"
        | "میلیاردی" | "ملیاردی" | "بیلیونی" | "بیلیونه" | "بیلیونو" | "ملیار" | "ملیارات"
        | "ارب" | "اربوں" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => return None,
    })
}

/// Scales that are too short to trust without a currency ("5m" is also five
/// metres).
pub(crate) fn scale_needs_money(w: &str) -> bool {
    matches!(w, "m" | "b" | "k")
}

/// Currency written after the number: the ISO code (or the name when none).
pub(crate) fn currency_after(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" | "usd" | "دالر" | "دلار" | "ډالر" | "ډالره" | "دالره" | "ډالرو"
        | "ڈالر" | "دولار" | "دولارا" => "USD",
        "afghani" | "afghanis" | "afn" | "afs" | "افغانی" | "افغانیو" | "افغانیوں" | "افغانيو" => {
            "AFN"
        }
        "rupee" | "rupees" | "روپیه" | "روپی" | "روپے" | "روپوں" | "کلدار" => {
            "rupee"
        }
        "pkr" => "PKR",
        "inr" => "INR",
        "toman" | "tomans" | "تومان" => "toman",
        "rial" | "rials" | "irr" | "ریال" => "IRR",
        "euro" | "euros" | "eur" | "یورو" => "EUR",
        "yuan" | "cny" => "CNY",
        "gbp" => "GBP",
        _ => return None,
    })
}

/// Currency written before the number: `$`, `US$`, `AFN 500`, `Rs 200`.
pub(crate) fn currency_before(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "₹" => "INR",
        "؋" => "AFN",
        "usd" => "USD",
        "afn" => "AFN",
        "pkr" => "PKR",
        "inr" => "INR",
        "eur" => "EUR",
        "rs" => "rupee",
        _ => return None,
    })
}

/// Words after a number that make it a percentage.
/// Persian and Pashto ordinal endings, glued or not: `47مین`, `14م`, `۳ ام`.
pub(crate) fn is_fa_ordinal(w: &str) -> bool {
    matches!(w, "م" | "مین" | "ام" | "امین" | "ین" | "یم" | "مه" | "مې")
}

/// Words beside a number that make it a time of day: "ساعت ۷", "۵ صبح".
pub(crate) fn is_clock_word(w: &str) -> bool {
    matches!(
        w,
        "ساعت"
            | "صبح"
            | "شب"
            | "عصر"
            | "ظهر"
            | "بجه"
            | "بجې"
            | "بجی"
            | "بجو"
            | "ماښام"
            | "سهار"
    )
}

pub(crate) fn is_percent_word(w: &str) -> bool {
    matches!(
        w,
        "percent"
            | "pc"
            | "درصد"
            | "سلنه"
            | "سلنې"
            | "سلنی"
            | "فیصد"
            | "فیصده"
            | "بالمئة"
            | "بالمائة"
    )
}

/// "المئة" / "المائة" (normalised) in "في المئة", per cent.
pub(crate) fn is_arabic_hundred(w: &str) -> bool {
    matches!(w, "المئة" | "المائة" | "المئه" | "المائه")
}

/// Words after a number that make it a time span, a time or an age: not a
/// figure ("three years", "48 hours", "۴۵ ساله", "۲۰ کلن").
pub(crate) fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "year"
            | "years"
            | "yr"
            | "yrs"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "night"
            | "nights"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            // Seasons counted as time: "for three summers".
            | "summer"
            | "summers"
            | "winter"
            | "winters"
            | "season"
            | "seasons"
            // Arabic: "ألفي عام", "خمسة عشر عاماً", "ثلاثة أيام".
            | "عام"
            | "عاما"
            | "اعوام"
            | "سنة"
            | "سنه"
            | "سنوات"
            | "شهر"
            | "شهرا"
            | "اشهر"
            | "شهور"
            | "یوم"
            | "یوما"
            | "ایام"
            | "اسبوع"
            | "اسابیع"
            | "قرون"
            | "second"
            | "seconds"
            | "decade"
            | "decades"
            | "generation"
            | "generations"
            | "century"
            | "centuries"
            | "am"
            | "pm"
            | "times"
            | "بار"
            | "ځله"
            | "o'clock"
            | "سال"
            | "ساله"
            | "سالگی"
            | "ماه"
            | "ماهه"
            | "هفته"
            | "روز"
            | "روزه"
            | "ساعت"
            | "دقیقه"
            | "دهه"
            | "قرن"
            | "کال"
            | "کاله"
            | "کلن"
            | "کلنه"
            | "کلنی"
            | "میاشت"
            | "میاشتې"
            | "میاشتی"
            | "میاشتو"
            | "اونی"
            | "ورځ"
            | "ورځې"
            | "ورځو"
            | "ساعته"
            | "ساعتونو"
            | "لسیزه"
            | "لسیزې"
            | "کلنې"
            | "کلونو"
            | "کلونه"
            | "دقیقې"
            | "دقیقی"
            | "ثانیې"
            | "نیټه"
            | "نېټه"
            | "نېټې"
            | "نیټې"
            | "تاریخ"
            // Urdu: "۴۸ گھنٹے", "تین برسوں", "چھ مہینوں".
            | "گھنٹہ"
            | "گھنٹے"
            | "گھنٹوں"
            | "دن"
            | "دنوں"
            | "ہفتہ"
            | "ہفتے"
            | "ہفتوں"
            | "مہینہ"
            | "مہینے"
            | "مہینوں"
            | "برس"
            | "برسوں"
            | "سالوں"
            | "سالہ"
            | "منٹ"
    )
}

/// Dari weekdays (normalised, the joiner dropped): "روز شنبه",
/// "روز سه‌شنبه".
pub(crate) fn is_fa_weekday(w: &str) -> bool {
    matches!(
        w,
        "شنبه" | "یکشنبه" | "دوشنبه" | "سهشنبه" | "چهارشنبه" | "پنجشنبه" | "جمعه"
    )
}

/// Month names: a number next to one is a date.
pub(crate) fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "jan"
            | "february"
            | "feb"
            | "march"
            | "mar"
            | "april"
            | "apr"
            | "may"
            | "june"
            | "jun"
            | "july"
            | "jul"
            | "august"
            | "aug"
            | "september"
            | "sep"
            | "sept"
            | "october"
            | "oct"
            | "november"
            | "nov"
            | "december"
            | "dec"
            // Afghan solar months (Dari and Pashto).
            | "حمل"
            | "ثور"
            | "جوزا"
            | "سرطان"
            | "اسد"
            | "سنبله"
            | "میزان"
            | "عقرب"
            | "قوس"
            | "جدی"
            | "دلو"
            | "حوت"
            | "وری"
            | "غویی"
            | "غبرگولی"
            | "چنگاښ"
            | "زمری"
            | "وږی"
            | "تله"
            | "لړم"
            | "لیندی"
            | "مرغومی"
            | "سلواغه"
            | "کب"
            // Iranian solar months.
            | "فروردین"
            | "اردیبهشت"
            | "خرداد"
            | "تیر"
            | "مرداد"
            | "شهریور"
            | "مهر"
            | "آبان"
            | "آذر"
            | "دی"
            | "بهمن"
            | "اسفند"
            // Gregorian months as written in Dari and Pashto.
            | "جنوری"
            | "فبروری"
            | "مارچ"
            | "اپریل"
            | "جون"
            | "جولای"
            | "اگست"
            | "سپتامبر"
            | "سپتمبر"
            | "اکتوبر"
            | "نوامبر"
            | "نومبر"
            | "دسامبر"
            | "دسمبر"
            | "سپټمبر"
            | "اکټوبر"
            | "ډسمبر"
            | "اپرېل"
            | "اګست"
            | "ژانویه"
            | "فوریه"
            | "مه"
            | "ژوئن"
            | "ژوئیه"
            | "اوت"
            | "اکتبر"
    )
}

/// Words before a number that make it a name or an identifier
/// ("Resolution 2593", "page 4", "COP 29", "ماده ۳").
pub(crate) fn is_id_word(w: &str) -> bool {
    matches!(
        w,
        "resolution"
            | "resolutions"
            | "article"
            | "articles"
            | "page"
            | "pages"
            | "p"
            | "pp"
            | "chapter"
            | "section"
            | "clause"
            | "no"
            | "nos"
            | "number"
            | "code"
            | "decree"
            | "law"
            | "flight"
            | "route"
            | "highway"
            | "room"
            | "vol"
            | "volume"
            | "issue"
            | "item"
            | "paragraph"
            | "annex"
            | "phase"
            | "grade"
            | "class"
            | "version"
            | "district"
            | "pd"
            | "zone"
            | "ward"
            | "block"
            | "cop"
            | "covid"
            | "tel"
            | "phone"
            | "ext"
            | "ماده"
            | "قطعنامه"
            | "صفحه"
            | "شماره"
            | "فصل"
            | "بند"
            | "ناحیه"
            | "حوزه"
            | "کد"
            | "پرواز"
            | "فلایټ"
            | "صنف"
            | "مخ"
            | "شمیره"
            | "شمېره"
            | "ګڼه"
            | "گڼه"
            | "پریکړهلیک"
            | "پرېکړهلیک"
            | "نمبر"
    )
}

/// Approximation markers written before a number, longest first, as
/// matching-form token sequences.
pub(crate) const APPROX_BEFORE: &[(&[&str], Approx)] = &[
    (&["no", "fewer", "than"], Approx::AtLeast),
    (&["no", "less", "than"], Approx::AtLeast),
    (&["no", "more", "than"], Approx::AtMost),
    (&["as", "many", "as"], Approx::AtMost),
    (&["as", "much", "as"], Approx::AtMost),
    (&["in", "excess", "of"], Approx::Over),
    (&["upwards", "of"], Approx::Over),
    (&["more", "than"], Approx::Over),
    (&["just", "over"], Approx::Over),
    (&["well", "over"], Approx::Over),
    (&["just", "under"], Approx::Under),
    (&["less", "than"], Approx::Under),
    (&["fewer", "than"], Approx::Under),
    (&["at", "least"], Approx::AtLeast),
    (&["at", "most"], Approx::AtMost),
    (&["up", "to"], Approx::AtMost),
    (&["a", "maximum", "of"], Approx::AtMost),
    (&["close", "to"], Approx::About),
    (&["an", "estimated"], Approx::About),
    (&["over"], Approx::Over),
    (&["above"], Approx::Over),
    (&["exceeding"], Approx::Over),
    (&["under"], Approx::Under),
    (&["below"], Approx::Under),
    (&["nearly"], Approx::About),
    (&["almost"], Approx::About),
    (&["around"], Approx::About),
    (&["about"], Approx::About),
    (&["roughly"], Approx::About),
    (&["approximately"], Approx::About),
    (&["approx"], Approx::About),
    (&["some"], Approx::About),
    (&["estimated"], Approx::About),
    (&["~"], Approx::About),
    // Dari
    (&["کم", "از", "کم"], Approx::AtLeast),
    (&["در", "حدود"], Approx::About),
    (&["بیش", "از"], Approx::Over),
    (&["بیشتر", "از"], Approx::Over),
    (&["زیاده", "از"], Approx::Over),
    (&["زیادتر", "از"], Approx::Over),
    (&["افزون", "بر"], Approx::Over),
    (&["بالغ", "بر"], Approx::About),
    (&["نزدیک", "به"], Approx::About),
    (&["قریب", "به"], Approx::About),
    (&["کمتر", "از"], Approx::Under),
    (&["دست", "کم"], Approx::AtLeast),
    (&["دستکم"], Approx::AtLeast),
    (&["حداقل"], Approx::AtLeast),
    (&["حداکثر"], Approx::AtMost),
    (&["حدود"], Approx::About),
    (&["حدودا"], Approx::About),
    (&["تقریبا"], Approx::About),
    // Pashto
    (&["لږ", "تر", "لږه"], Approx::AtLeast),
    (&["نږدې"], Approx::About),
    (&["نږدی"], Approx::About),
    (&["نژدې"], Approx::About),
    (&["نږدې", "ته"], Approx::About),
    (&["شاوخوا"], Approx::About),
    (&["تقریبا"], Approx::About),
    (&["تر", "نیمایی", "زیات"], Approx::Over),
    // Urdu
    (&["لگ", "بھگ"], Approx::About),
    // Arabic
    (&["ما", "لا", "یقل", "عن"], Approx::AtLeast),
    (&["ما", "یقرب", "من"], Approx::About),
    (&["ما", "یقارب"], Approx::About),
    (&["اکثر", "من"], Approx::Over),
    (&["اقل", "من"], Approx::Under),
    (&["حوالی"], Approx::About),
    (&["نحو"], Approx::About),
    (&["لنحو"], Approx::About),
    (&["بنحو"], Approx::About),
    (&["قرابة"], Approx::About),
];

/// Urdu "more than" and "less than" written after the number: "۲۰۰ سے
/// زیادہ", "۵۰ سے کم".
pub(crate) fn ur_after(w: &str, next: &str) -> Option<Approx> {
    match (w, next) {
        ("سے", "زیادہ" | "زائد" | "زیاده") => Some(Approx::Over),
        ("سے", "کم") => Some(Approx::Under),
        _ => None,
    }
}

/// Nouns that count families or households: the figure's unit is then
/// "families", not "people".
pub(crate) fn is_family_noun(w: &str) -> bool {
    matches!(
        w,
        "families"
            | "family"
            | "households"
            | "household"
            | "خانواده"
            | "خانوادهها"
            | "خانوار"
            | "خانوارها"
            | "کورنی"
            | "کورنیو"
            | "خاندان"
            | "خاندانوں"
            | "عائلة"
            | "اسرة"
            | "اسر"
    )
}

/// Pashto "more than" written around the number: "له ۱۰۰ زیات", "تر ۱۰۰ ډېر".
pub(crate) fn is_ps_more(w: &str) -> bool {
    matches!(
        w,
        "زیات"
            | "زیاتو"
            | "زیاته"
            | "زیاتې"
            | "ډېر"
            | "ډیر"
            | "ډېرو"
            | "ډیرو"
            | "ډېرې"
            | "ډیرې"
    )
}

/// Classifiers for people after a Dari or Pashto number ("۳۰۰ نفر", "۲۰ تن").
pub(crate) fn is_person_classifier(w: &str) -> bool {
    matches!(w, "نفر" | "تن" | "تنه" | "کس" | "کسان" | "نفره")
}

/// Nouns that count people: the figure's unit is then "people".
pub(crate) fn is_person_noun(w: &str) -> bool {
    let w = w.trim_end_matches("'s");
    matches!(
        w,
        "people"
            | "persons"
            | "person"
            | "individuals"
            | "individual"
            | "refugees"
            | "refugee"
            | "migrants"
            | "migrant"
            | "returnees"
            | "returnee"
            | "deportees"
            | "asylum-seekers"
            | "afghans"
            | "civilians"
            | "civilian"
            | "children"
            | "child"
            | "girls"
            | "boys"
            | "women"
            | "men"
            | "students"
            | "pupils"
            | "teachers"
            | "patients"
            | "families"
            | "family"
            | "households"
            | "residents"
            | "workers"
            | "prisoners"
            | "detainees"
            | "soldiers"
            | "fighters"
            | "militants"
            | "troops"
            | "suspects"
            | "suspect"
            | "attackers"
            | "gunmen"
            | "traffickers"
            | "shopkeepers"
            | "victims"
            | "casualties"
            | "dead"
            | "injured"
            | "wounded"
            | "doctors"
            | "nurses"
            | "journalists"
            | "staff"
            | "employees"
            | "users"
            | "farmers"
            | "addicts"
            | "pilgrims"
            | "mouths"
            | "daughters"
            | "sons"
            | "orphans"
            | "widows"
            | "worshippers"
            | "survivors"
            | "fans"
            | "elders"
            | "spectators"
            | "protesters"
            | "passengers"
            | "ټپیان"
            | "ټپیانو"
            | "روږدی"
            | "روږدیان"
            | "کوونکی"
            | "کوونکو"
            | "شاګردان"
            | "معتادان"
            | "زخمی"
            | "زخمیان"
            | "کشته"
            | "نفر"
            | "تن"
            | "پناهجو"
            | "پناهجوی"
            | "پناهجویان"
            | "مهاجر"
            | "مهاجران"
            | "مهاجرین"
            | "کودک"
            | "کودکان"
            | "اطفال"
            | "زن"
            | "زنان"
            | "دختر"
            | "دختران"
            | "پسر"
            | "پسران"
            | "شاگرد"
            | "شاگردان"
            | "دانشجو"
            | "دانشجویان"
            | "بیمار"
            | "بیماران"
            | "کارمند"
            | "کارمندان"
            | "کارکنان"
            | "کارکوونکی"
            | "کارکوونکو"
            | "خبرنگار"
            | "خبرنگاران"
            | "خبریال"
            | "خبریالان"
            | "صحافی"
            | "صحافیوں"
            // Urdu plural of Afghans: "۸ لاکھ افغانوں".
            | "افغانوں"
            | "افغانیوں"
            | "خانواده"
            // Witnesses: Pashto "د ۱۲ شاهدانو", Dari "شاهدان".
            | "شاهدان"
            | "شاهدانو"
            // Members: Pashto "د کورنۍ اووه غړي", Dari "اعضای".
            | "غړي"
            | "غړی"
            | "غړو"
            | "اعضای"
            | "خانوادهها"
            | "غیرنظامی"
            | "غیرنظامیان"
            | "کډوال"
            | "کډوالو"
            | "کډوالې"
            | "ماشومان"
            | "ماشومانو"
            | "ماشوم"
            | "ښځې"
            | "ښځو"
            | "نجونې"
            | "نجونو"
            | "زدهکوونکی"
            | "ناروغان"
            | "ناروغانو"
            | "کورنیو"
            | "افغانان"
            | "افغانانو"
            | "کسان"
            | "کسانو"
            | "foreigners"
            | "افغان"
            | "افغانی"
            | "شہری"
            | "شہریوں"
            | "مواطن"
            | "smugglers"
            | "طفل"
            | "قاچاقبران"
            | "قاچاقبر"
            | "engineers"
            | "officers"
            | "policemen"
            | "labourers"
            | "laborers"
            | "traders"
            | "drivers"
            | "guards"
            | "midwives"
            | "volunteers"
            | "vaccinators"
            | "citizens"
            | "candidates"
            | "applicants"
            | "داوطلب"
            | "داوطلبان"
            // The disabled, students of a religious school.
            | "معلول"
            | "معلولین"
            | "معلولان"
            | "طالبانو"
            // Soldiers and security personnel: Urdu "چار فوجی", "پانچ
            // اہلکار", Dari "سرباز", Pashto "سرتېري", Arabic "جنود".
            | "فوجی"
            | "فوجیوں"
            | "اہلکار"
            | "اہلکاروں"
            | "سپاہی"
            | "سپاہیوں"
            | "سرباز"
            | "سربازان"
            | "سرتېری"
            | "سرتیری"
            | "سرتېرو"
            | "جنود"
            | "members"
            | "شخص"
            | "اشخاص"
            | "لاجی"
            | "لاجیین"
            | "لاجئین"
            | "نساء"
            | "لوگ"
            | "لوگوں"
            | "افراد"
            | "بچے"
            | "بچوں"
            | "خواتین"
            | "ملکی"
            | "وګړی"
            | "وگړی"
            | "others"
            | "nationals"
            | "امراة"
            | "فتاة"
            | "فتیات"
            | "طفلا"
            | "موکل"
            | "موکلین"
            | "فرزند"
            | "فرزندان"
    )
}

/// An English plural noun, roughly: ends in `s` but not as "class",
/// "virus", "crisis" or "measles" do.
pub(crate) fn is_plural_noun(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !matches!(
            w,
            "measles"
                | "news"
                | "series"
                | "species"
                | "mumps"
                | "diabetes"
                | "politics"
                | "economics"
                | "means"
                | "whereas"
                | "always"
                | "perhaps"
                | "towards"
                | "afterwards"
        )
}

/// Verbs that name the source of what follows ("UNHCR reported that …").
pub(crate) fn is_report_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "stated"
            | "states"
            | "reported"
            | "reports"
            | "report"
            | "announced"
            | "announces"
            | "estimated"
            | "estimates"
            | "estimate"
            | "told"
            | "noted"
            | "found"
            | "finds"
            | "added"
            | "adds"
            | "warned"
            | "warns"
            | "recorded"
            | "records"
            | "documented"
            | "confirmed"
            | "confirms"
            | "claimed"
            | "claims"
            | "revealed"
            | "reveals"
            | "showed"
            | "shows"
            | "show"
            | "indicated"
            | "indicates"
            | "reads"
            | "counted"
            | "registered"
            | "wrote"
            | "writes"
            | "tweeted"
            | "posted"
            // "X on Thursday accused Y of torturing at least 48 men".
            | "accused"
            | "accuses"
    )
}

/// Reporting verbs that are also nouns ("the UN states", "weekly reports"):
/// a verb only when what was reported follows.
pub(crate) fn is_ambiguous_report_verb(w: &str) -> bool {
    matches!(
        w,
        "states"
            | "reports"
            | "report"
            | "claims"
            | "records"
            | "estimates"
            | "estimate"
            | "finds"
            | "shows"
            | "show"
            | "found"
            | "says"
            | "say"
    )
}

/// Nouns for documents and data that stand between a source and its verb
/// ("The UNHCR report states", "WHO figures show").
pub(crate) fn is_document_noun(w: &str) -> bool {
    matches!(
        w,
        "report"
            | "reports"
            | "data"
            | "figures"
            | "statistics"
            | "statement"
            | "survey"
            | "assessment"
            | "estimates"
            | "analysis"
            | "study"
            | "records"
            | "numbers"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
    )
}

/// Lower-case subjects that still name a source ("officials said").
pub(crate) fn is_generic_source(w: &str) -> bool {
    matches!(
        w,
        "officials"
            | "authorities"
            | "police"
            | "witnesses"
            | "residents"
            | "sources"
            | "organizers"
            | "scientists"
            | "experts"
            | "researchers"
            | "analysts"
            | "monitors"
            | "groups"
            | "agencies"
    )
}

/// Dari, Pashto, Urdu and Arabic words for unnamed officials ("مسئولان",
/// "چارواکو", "حکام", "المسؤولون"), normalised.
pub(crate) fn is_ar_officials(w: &str) -> bool {
    matches!(
        w,
        "مسئولان"
            | "مسوولان"
            | "مقامات"
            | "مقامها"
            | "چارواکو"
            | "چارواکی"
            | "حکام"
            | "افسران"
            | "المسؤولون"
            | "المسؤولین"
            | "مسؤولون"
            | "مسؤولین"
    )
}

/// Bare nouns for an organisation, or for its documents, before its name
/// ("منظمة اليونسكو", "سازمان ...", "تقديرات البنك الدولي"), normalised.
pub(crate) fn is_ar_org_noun(w: &str) -> bool {
    matches!(
        w,
        "منظمة"
            | "منظمه"
            | "سازمان"
            | "تنظیم"
            | "ادارہ"
            | "ادارے"
            | "هیئة"
            | "موسسه"
            // Its documents: "تقديرات البنك الدولي", "تقرير المنظمة".
            | "تقدیرات"
            | "تقریر"
            | "بیانات"
            | "احصاءات"
            | "ارقام"
            | "دراسة"
    )
}

/// Pronouns that a reporting verb can follow ("she said").
/// Words that refer back to a source named earlier ("the agency said",
/// "این سازمان گفت").
pub(crate) fn is_back_reference(w: &str) -> bool {
    matches!(
        w,
        "agency"
            | "organization"
            | "organisation"
            | "ministry"
            | "office"
            | "mission"
            | "body"
            | "group"
            | "commission"
            | "society"
            | "chamber"
            | "council"
            | "centre"
            | "center"
            | "institute"
            | "committee"
            | "authority"
            | "department"
            | "programme"
            | "program"
            | "fund"
            | "union"
            | "association"
            | "network"
            | "charity"
            | "bank"
            | "court"
            | "directorate"
            | "سازمان"
            | "دفتر"
            | "وزارت"
            | "نهاد"
            | "اداره"
            | "کمیسیون"
            | "ارګان"
            | "سازمانونه"
            | "ریاست"
            | "اتاق"
            | "برنامه"
            | "کمیته"
            | "شورا"
    )
}

/// Fractions after a number word: "two thirds", "two-thirds" are no count.
pub(crate) fn is_fraction(w: &str) -> bool {
    matches!(
        w,
        "third"
            | "thirds"
            | "quarter"
            | "quarters"
            | "fifth"
            | "fifths"
            | "half"
            | "halves"
            | "tenths"
    )
}

/// Arabic-script pronouns that can be the subject of a verb of saying.
pub(crate) fn is_ar_pronoun(w: &str) -> bool {
    matches!(
        w,
        "او" | "وی"
            | "هغه"
            | "نوموړی"
            | "انہوں"
            | "انھوں"
            | "انہیں"
            | "وہ"
            | "هو"
            | "هی"
    )
}

/// Arabic verbs of reporting written before their subject ("ذكرت المنظمة
/// أن …", normalised).
pub(crate) fn is_ar_report_verb(w: &str) -> bool {
    matches!(
        w,
        "ذکرت"
            | "ذکر"
            | "اعلنت"
            | "اعلن"
            | "قال"
            | "قالت"
            | "وقال"
            | "وقالت"
            | "افادت"
            | "افاد"
            | "وافاد"
            | "وافادت"
            | "واکد"
            | "واکدت"
            | "وذکر"
            | "واعلن"
            | "اوضح"
            | "اوضحت"
            | "واوضح"
            | "واوضحت"
            | "تشیر"
            | "وتشیر"
            | "یشیر"
            | "ویشیر"
            | "اکد"
            | "اکدت"
            | "وذکرت"
            | "واعلنت"
            | "واضاف"
            | "واضافت"
            | "اضاف"
            | "اضافت"
            | "اشار"
            | "اشارت"
            | "واشار"
            | "واشارت"
    )
}

pub(crate) fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it" | "we" | "i")
}

/// Connectors allowed inside a proper name ("Ministry of Refugees and
/// Repatriation", "Commissioner for Refugees").
pub(crate) fn is_name_connector(w: &str) -> bool {
    matches!(w, "of" | "for" | "and" | "on" | "the" | "de" | "al" | "&")
}

/// English words that never belong to what a number counts.
pub(crate) fn is_en_stop(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "and"
            | "or"
            | "but"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "this"
            | "these"
            | "those"
            | "their"
            | "its"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "them"
            | "they"
            | "he"
            | "she"
            | "it"
            | "we"
            | "i"
            | "you"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "have"
            | "has"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
            | "not"
            | "no"
            | "as"
            | "than"
            | "since"
            | "during"
            | "while"
            | "after"
            | "before"
            | "into"
            | "over"
            | "under"
            | "between"
            | "among"
            | "each"
            | "every"
            | "per"
            | "about"
            | "around"
            | "more"
            | "most"
            | "less"
            | "some"
            | "all"
            | "also"
            | "so"
            | "far"
            | "up"
            | "out"
            | "there"
            | "here"
            | "when"
            | "where"
            | "if"
            | "then"
            | "only"
            | "just"
            | "already"
            | "now"
            | "still"
            | "yet"
            | "including"
            | "followed"
            | "like"
            | "such"
            | "other"
            | "said"
            | "says"
            | "according"
    )
}

/// Auxiliaries and adverbs skipped between the counted noun and its verb
/// ("refugees *have* returned", "were *forcibly* expelled").
pub(crate) fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "have"
            | "has"
            | "had"
            | "been"
            | "were"
            | "was"
            | "are"
            | "is"
            | "be"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "also"
            | "now"
            | "already"
            | "reportedly"
            | "recently"
            | "since"
            | "so"
            | "far"
            | "not"
    ) || (w.ends_with("ly")
        && !matches!(
            w,
            "family"
                | "assembly"
                | "supply"
                | "italy"
                | "july"
                | "anomaly"
                | "rally"
                | "ally"
                | "reply"
        ))
}

/// Irregular past participles that can follow a counted noun.
pub(crate) fn is_irregular_participle(w: &str) -> bool {
    matches!(
        w,
        "fled"
            | "left"
            | "taken"
            | "held"
            | "made"
            | "built"
            | "sent"
            | "given"
            | "hit"
            | "lost"
            | "driven"
            | "born"
            | "shot"
            | "struck"
            | "caught"
            | "kept"
            | "brought"
            | "sold"
            | "spent"
            | "paid"
            | "won"
            | "seen"
            | "become"
            | "gone"
            | "come"
    )
}

/// Prepositions that may extend what a number counts ("returned *from* Pakistan").
pub(crate) fn is_about_preposition(w: &str) -> bool {
    matches!(
        w,
        "from" | "to" | "in" | "into" | "across" | "at" | "by" | "for" | "with" | "on"
    )
}

/// Dari and Pashto function words that end what a number counts.
pub(crate) fn is_fa_ps_stop(w: &str) -> bool {
    matches!(
        w,
        "از" | "به"
            | "در"
            | "را"
            | "که"
            | "و"
            | "با"
            | "برای"
            | "تا"
            | "این"
            | "آن"
            | "هم"
            | "نیز"
            | "است"
            | "اند"
            | "بود"
            | "شد"
            | "شده"
            | "شدند"
            | "اند."
            | "چې"
            | "په"
            | "له"
            | "د"
            | "ته"
            | "کې"
            | "کی"
            | "او"
            | "دی"
            | "وو"
            | "وه"
            | "شوی"
            | "شول"
            | "څخه"
            | "سره"
            | "تر"
            | "هر"
            | "گفت"
            | "وویل"
            // Urdu postpositions: "ان میں سے ۵ کو" counts no "کو".
            | "کو"
            | "کے"
            | "کا"
            | "سے"
            | "میں"
            | "نے"
            | "پر"
            | "تک"
            | "بھی"
    )
}

/// Dari and Pashto reporting verbs (first token of the verb), after which
/// `که` / `چې` ("that") opens what was reported.
pub(crate) fn is_fa_ps_report_verb(w: &str) -> bool {
    matches!(
        w,
        "اظهار"
            | "خاطرنشان"
            | "تاکید"
            | "گفت"
            | "گفته"
            | "میگوید"
            | "میگویند"
            | "گفتند"
            | "اټکل"
            | "ښیی"
            | "اعلام"
            | "گزارش"
            | "افزود"
            | "تصریح"
            | "نوشت"
            | "نوشته"
            | "وویل"
            | "ویلی"
            | "وایی"
            | "وائی"
            | "اعلان"
            | "راپور"
            | "زیاته"
            | "ولیکل"
            | "لیکلی"
    )
}

/// The English unit for a counted noun written in Dari, Pashto, Urdu or
/// Arabic (normalised), or an English spelling of the same unit: units are
/// given in English whatever the language.
pub(crate) fn english_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "کیلوگرام"
        | "کیلو"
        | "کیلوګرام"
        | "کیلوگرامه"
        | "کلوگرام"
        | "کیلوغرام"
        | "کیلوغراما"
        | "کیلوغرامات"
        | "kilogram"
        | "kilograms"
        | "kilogramme"
        | "kg" => "kilograms",
        "ټن" | "ټنه" | "ټنو" | "طن" | "طنا" | "اطنان" | "tonne" | "ton" | "tonnes" | "tons" => {
            "tonnes"
        }
        "هکتار" | "هکتاره" | "ہیکٹر" | "hectare" | "hectares" => "hectares",
        "کیلومتر" | "کیلومتره" | "کلومیٹر" | "کیلومترا" | "کیلومترات" | "kilometre"
        | "kilometer" | "km" | "kilometres" | "kilometers" => "kilometres",
        "میغاواط" | "میگاوات" | "مگاوات" | "میګاواټ" | "میگاواٹ" | "megawatt" | "megawatts"
        | "mw" => "MW",
        // Arabic "فرصة عمل" (a job), Dari "شغل".
        "فرصة" | "فرصه" | "فرص" | "وظیفة" | "وظائف" | "شغل" | "job" | "jobs" => {
            "jobs"
        }
        "ټانکر" | "ټانکرونه" | "ټانکرونو" | "تانکر" | "تانکرها" | "tanker" | "tankers" => {
            "tankers"
        }
        "متر" | "متره" | "میٹر" | "metre" | "meter" | "metres" | "meters" => "metres",
        "لیتر" | "لیټره" | "لیٹر" | "لتر" | "litre" | "liter" | "litres" | "liters" => {
            "litres"
        }
        "mile" | "miles" => "miles",
        "جریب" | "جریبه" | "jerib" | "jeribs" => "jeribs",
        // Pashto "ژبې" (oblique "ژبو": "په اتو ژبو"), Dari "زبان".
        "ژبې" | "ژبو" | "زبان" | "language" | "languages" => "languages",
        // "سه جلد شعر": volumes counted.
        "جلد" | "ټوکه" | "book" | "books" | "volumes" => "books",
        // Dams in Pashto and Dari plurals only: "بند" alone is also "closed".
        "بندونه" | "بندونو" | "بندها" | "dam" | "dams" => "dams",
        "خانه" | "خانهها" | "منزل" | "کور" | "کورونه" | "کورونو" | "مکان" | "مکانات" | "گھر"
        | "گھروں" | "منزلا" | "منازل" => "houses",
        "خیمه" | "خیمې" | "خیمو" | "خیمہ" | "خیمے" | "خیمة" | "خیام" => {
            "tents"
        }
        "بستر" | "بسترې" | "بستره" | "بسترو" | "بسترونه" | "بستروں" | "سریر" | "سریرا" => {
            "beds"
        }
        "مکتب" | "مکاتب" | "ښوونځی" | "ښوونځیو" | "سکول" | "سکولوں" | "مدرسة" | "مدارس" => {
            "schools"
        }
        "ضربه" | "ضربې" | "کوڑے" | "جلدة" => "lashes",
        "کلینیک" | "کلینیکونه" | "کلینک" | "عیادة" => "clinics",
        "مستشفی" | "مستشفیات" | "روغتون" | "روغتونونه" | "شفاخانه" | "شفاخانهها" | "hospital"
        | "hospitals" => "hospitals",
        "درخواست" | "درخواستوں" | "درخواستیں" | "عریضه" => {
            "petitions"
        }
        "قریه" | "روستا" | "کلی" | "کلیو" | "گاؤں" | "دیہات" | "دیہاتوں" | "قریة" | "قرى" => {
            "villages"
        }
        "ولسوالی" | "ولسوالۍ" | "ولسوالیو" | "ولسوالیها" => {
            "districts"
        }
        "ولایت" | "ولایتونو" | "ولایتونه" | "ولایات" => "provinces",
        // Pashto "باروړونکي موټر" (goods vehicles), the adjective first.
        "موټر" | "موټرونه" | "کامیون" | "لاری" | "ټرک" | "ٹرک" | "ٹرکوں" | "شاحنة" | "باروړونکی"
        | "باروړونکو" => "trucks",
        // Dari "موتر" (a car, a vehicle).
        "گاڑی" | "گاڑیاں" | "گاڑیوں" | "عراده" | "مرکبة" | "مرکبات" | "موتر" | "موترها"
        | "vehicle" | "vehicles" => "vehicles",
        "مورد" | "موارد" | "حالة" | "حالات" | "کیس" | "کیسز" | "پېښه" | "پېښې" | "پیښه" | "پیښې"
        | "case" | "cases" => "cases",
        // Cricket: "پنځه وکټونه" (five wickets), "په ۳۵ منډو" (by 35 runs).
        "وکټ" | "وکټونه" | "وکټونو" | "وکٹ" | "وکٹیں" | "وکٹوں" => {
            "wickets"
        }
        "منډې" | "منډو" | "رنز" => "runs",
        // A league's franchises are its teams.
        "تیم" | "تیمونه" | "تیمونو" | "تیمها" | "ٹیم" | "ٹیمیں" | "ٹیموں" | "franchise"
        | "franchises" => "teams",
        "بسته" | "بسته‌ها" | "بستې" | "پیکٹ" => "packets",
        // A head of livestock: Dari "۲۵۰۰ رأس مواشی".
        "راس" | "head" => "livestock",
        "دوز" | "دوزه" | "جرعة" | "جرعات" | "dose" | "doses" => "doses",
        "دکان" | "دکانها" | "دکانونه" | "دکانونو" | "دکانوں" | "shop" | "shops" => {
            "shops"
        }
        "پرواز" | "پروازها" | "الوتنه" | "الوتنې" | "الوتنو" | "پروازوں" | "رحلة" | "رحلات"
        | "flight" | "flights" => "flights",
        "معهد" | "معهدا" | "معاهد" | "انستیتوت" | "institute" | "institutes" => {
            "institutes"
        }
        "تاشیرة" | "تاشیرات" | "ویزه" | "ویزې" | "ویزا" | "visa" | "visas" => {
            "visas"
        }
        "میچ" | "میچز" | "میچوں" | "لوبې" | "لوبو" | "مباراة" | "مباریات" | "match" | "matches" => {
            "matches"
        }
        "منظمة" | "منظمات" | "موسسه" | "موسسات" | "organization" | "organizations"
        | "organisation" | "organisations" => "organizations",
        _ => return None,
    })
}

/// The English unit of an Arabic dual noun (normalised) that counts two
/// things the units know: feminine "عيادتين" / "عيادتان" (عيادة), and
/// masculine "مستشفيين" of a noun ending in ی. Not with the article ("the
/// two states" refers back) nor for durations and times ("ساعتين",
/// "مرتين"), whose singulars are no unit.
pub(crate) fn ar_dual_unit(w: &str) -> Option<&'static str> {
    // With a conjunction or preposition glued: "وعيادتين".
    if let Some(rest) = w.strip_prefix(['و', 'ب', 'ل'])
        && let Some(unit) = dual_unit(rest)
    {
        return Some(unit);
    }
    dual_unit(w)
}

fn dual_unit(w: &str) -> Option<&'static str> {
    if w.starts_with("ال") {
        return None;
    }
    let feminine = ["تین", "تان"]
        .iter()
        .find_map(|e| w.strip_suffix(e))
        .map(|stem| format!("{stem}ة"));
    let masculine = ["یین", "یان"]
        .iter()
        .find_map(|e| w.strip_suffix(e))
        .map(|stem| format!("{stem}ی"));
    [feminine, masculine]
        .into_iter()
        .flatten()
        .filter(|n| n.chars().count() >= 4)
        .find_map(|n| english_unit(&n))
}

/// Words that qualify a counted noun before it and are no unit: Pashto
/// and Dari "new", "more", Urdu postpositions ("۱۲ نوی ښوونځی", "۵ کو").
pub(crate) fn is_unit_filler(w: &str) -> bool {
    matches!(w, "نوی" | "نوې" | "جدید" | "تازه" | "زیات" | "نور")
}

/// Goods weighed in tonnes: with them Dari "تن" is a tonne, not a person.
pub(crate) fn is_goods(w: &str) -> bool {
    matches!(
        w,
        "زعفران"
            | "گندم"
            | "آرد"
            | "ارد"
            | "برنج"
            | "تریاک"
            | "هیروئین"
            | "هرویین"
            | "مواد"
            | "کالا"
            | "میوه"
            | "انگور"
            | "انار"
            | "سیب"
            | "پنبه"
            | "کشمش"
            | "زغال"
            | "ذغال"
            | "سنگ"
            | "نفت"
            | "تیل"
            | "گاز"
            | "سمنت"
            | "شکر"
            | "بوره"
            | "روغن"
            | "غله"
            | "حبوبات"
            | "سبزیجات"
            | "کود"
            | "صادرات"
            | "واردات"
            | "محموله"
            | "کمک"
            | "کمکهای"
            | "غذایی"
            | "خوراک"
    )
}
