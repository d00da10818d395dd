//! Figures: one test per pattern, on sentences written for the tests.

use khabar_model::Approx;
use khabar_understand::figures::{FoundFigure, find};

fn figures(text: &str) -> Vec<FoundFigure> {
    find(&[text.to_string()], &[])
}

fn values(text: &str) -> Vec<f64> {
    figures(text).iter().map(|f| f.value).collect()
}

#[test]
fn persian_digits_with_arabic_thousands_separator() {
    let f = figures("کمیساریا گفت که ۷۶۱٬۲۰۰ پناهجو از پاکستان برگشته‌اند.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].value, 761_200.0);
    assert_eq!(f[0].surface, "۷۶۱٬۲۰۰");
    assert_eq!(f[0].unit.as_deref(), Some("people"));
}

#[test]
fn eastern_arabic_digits_and_decimal_separator() {
    assert_eq!(values("ارتفعت الأسعار بنسبة ٢٫٥ ٪ هذا الشهر."), [2.5]);
    assert_eq!(
        figures("ارتفعت الأسعار بنسبة ٢٫٥ ٪ هذا الشهر.")[0]
            .unit
            .as_deref(),
        Some("%")
    );
}

#[test]
fn a_percentage_in_dari_with_its_approximation_and_source() {
    let f = figures("به گزارش یونیسف، حدود ۲۵ درصد کودکان از سوءتغذیه رنج می‌برند.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].value, 25.0);
    assert_eq!(f[0].unit.as_deref(), Some("%"));
    assert_eq!(f[0].approx, Some(Approx::About));
    assert_eq!(f[0].cited_source.as_deref(), Some("یونیسف"));
}

#[test]
fn money_in_afghani_in_english_dari_and_pashto() {
    for (text, value) in [
        ("A sack of flour now costs 2,400 afghanis in Herat.", 2400.0),
        ("قیمت یک بوجی آرد به ۲۴۰۰ افغانی رسید.", 2400.0),
        ("د اوړو یوه بوجۍ اوس ۲۴۰۰ افغانۍ ده.", 2400.0),
        ("The fine was AFN 500 per person.", 500.0),
    ] {
        let f = figures(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(f[0].value, value, "{text}");
        assert_eq!(f[0].unit.as_deref(), Some("AFN"), "{text}");
    }
}

#[test]
fn dollars_with_scales_and_symbols() {
    let f = figures("The World Bank approved $1.2bn, and donors added 300 million dollars.");
    assert_eq!(f.iter().map(|f| f.value).collect::<Vec<_>>(), [1.2e9, 3e8]);
    assert!(f.iter().all(|f| f.unit.as_deref() == Some("USD")));
    assert_eq!(f[0].surface, "$1.2bn");
}

#[test]
fn a_year_is_not_a_figure_but_a_count_beside_it_is() {
    assert_eq!(
        values("The Taliban returned to power in 2021."),
        Vec::<f64>::new()
    );
    assert_eq!(values("سال ۱۴۰۳ سال سختی بود."), Vec::<f64>::new());
    assert_eq!(values("In 2023, 4,000 schools were closed."), [4000.0]);
}

#[test]
fn an_age_is_not_a_figure() {
    assert_eq!(
        values("A 45-year-old teacher was arrested in Kabul."),
        Vec::<f64>::new()
    );
    assert_eq!(
        values("The detainee, aged 19, was released."),
        Vec::<f64>::new()
    );
    assert_eq!(
        values("یک زن ۳۵ ساله در هرات بازداشت شد."),
        Vec::<f64>::new()
    );
    assert_eq!(values("یوه ۲۰ کلنه نجلۍ ووژل شوه."), Vec::<f64>::new());
}

#[test]
fn dates_times_durations_and_identifiers_are_not_figures() {
    for text in [
        "The meeting was held on 15 September at 10:30.",
        "He spent three years in prison and two weeks in hospital.",
        "UN Security Council Resolution 2593 was adopted on 30 August.",
        "The 21st round of talks opened in the 1990s style hall.",
        "Call +93 700 123 456 or see page 12.",
        "The report is dated 2024-06-01 and ۱۴۰۳/۰۸/۱۲.",
    ] {
        assert_eq!(values(text), Vec::<f64>::new(), "{text}");
    }
}

#[test]
fn approximation_markers_in_three_languages() {
    let cases = [
        ("More than 3,000 families fled.", Approx::Over),
        ("Nearly 40 schools reopened.", Approx::About),
        ("At least 12 people were killed.", Approx::AtLeast),
        ("Up to 60 patients a day arrive.", Approx::AtMost),
        ("Fewer than 200 returnees crossed.", Approx::Under),
        ("بیش از ۵۰۰ خانواده آواره شدند.", Approx::Over),
        ("کم از کم ۱۲ نفر کشته شدند.", Approx::AtLeast),
        ("نږدې ۳۰۰ کورنۍ بې کوره شوې.", Approx::About),
        ("له ۱۰۰ زیات کسان ټپیان شول.", Approx::Over),
    ];
    for (text, approx) in cases {
        let f = figures(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(f[0].approx, Some(approx), "{text}");
    }
}

#[test]
fn number_words_are_read_and_vague_ones_are_not() {
    assert_eq!(values("Thirty projects were stalled."), [30.0]);
    assert_eq!(
        values("Two hundred and fifty families received tents."),
        [250.0]
    );
    assert_eq!(
        values("Hundreds of families and tens of thousands of people fled."),
        Vec::<f64>::new()
    );
    assert_eq!(
        values("One of the border crossings reopened."),
        Vec::<f64>::new()
    );
    assert_eq!(
        values("Two thirds of the wells have dried up."),
        Vec::<f64>::new()
    );
    assert_eq!(values("دو هزار و پانصد نفر آواره شدند."), [2500.0]);
}

#[test]
fn what_is_counted_and_who_is_cited() {
    let p = vec![
        "The International Organization for Migration (IOM) reported that over 12,000 Afghan migrants were deported from Iran."
            .to_string(),
        "Of these, 4,000 were children.".to_string(),
        "The agency said 30% of them needed shelter.".to_string(),
    ];
    let f = find(&p, &[]);
    assert_eq!(f.len(), 3);
    assert_eq!(f[0].about, "Afghan migrants deported from Iran");
    assert_eq!(f[0].cited_source.as_deref(), Some("IOM"));
    assert_eq!(f[0].paragraph, 0);
    // A new paragraph without a source of its own inherits none …
    assert_eq!(f[1].cited_source, None);
    // … but "the agency" refers back to the last source named.
    assert_eq!(f[2].cited_source.as_deref(), Some("IOM"));
    assert_eq!(f[2].sentence, "The agency said 30% of them needed shelter.");
}

#[test]
fn according_to_names_the_source_of_the_whole_sentence() {
    let f = figures(
        "According to OCHA, 23.7 million people need aid and prices rose 30% since January.",
    );
    assert_eq!(f.len(), 2);
    assert!(f.iter().all(|f| f.cited_source.as_deref() == Some("OCHA")));
}

#[test]
fn pashto_source_patterns() {
    let f = figures("د یونیسف په وینا، ۱.۴ میلیونه نجونې له ښوونځي بې برخې دي.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].value, 1.4e6);
    assert_eq!(f[0].cited_source.as_deref(), Some("یونیسف"));
}

#[test]
fn arabic_comma_thousands_direction_marks_and_clock_times() {
    assert_eq!(values("این مکاتب بیش از 30،000 شاگرد دارند."), [30_000.0]);
    // A right-to-left mark between the number and "years old" still makes an age.
    assert_eq!(
        values("یو 17\u{200F} کلن ځوان ونیول شو."),
        Vec::<f64>::new()
    );
    assert_eq!(values("غونډه د ماښام په 7 بجو پیل شوه."), Vec::<f64>::new());
    assert_eq!(values("دا په 47مین ځل و."), Vec::<f64>::new());
}

#[test]
fn dates_in_pashto_and_abbreviated_months() {
    assert_eq!(values("غونډه د مارچ په 29 جوړه شوه."), Vec::<f64>::new());
    assert_eq!(
        values("The vote was held on Sept. 11 and Nov. 2."),
        Vec::<f64>::new()
    );
    assert_eq!(
        values("Prices rose 15-20 per cent in a week."),
        [15.0, 20.0]
    );
    assert_eq!(
        values("The team’s record stands at 122-147 this season."),
        Vec::<f64>::new()
    );
}
