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

#[test]
fn scale_words_multiply_in_urdu_arabic_and_dari() {
    let f = figures("تاجروں کو روزانہ ۵ کروڑ روپے کا نقصان ہوا۔");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].value, 50_000_000.0);
    assert_eq!(f[0].unit.as_deref(), Some("rupee"));
    assert_eq!(values("حکومت نے ۸ لاکھ خاندانوں کی مدد کی۔"), [800_000.0]);
    let f = figures("خصصت الحكومة ١٫٥ مليار دولار للمشروع.");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].value, 1_500_000_000.0);
    assert_eq!(f[0].unit.as_deref(), Some("USD"));
    assert_eq!(values("این پروژه ۳ میلیارد افغانی هزینه دارد."), [3e9]);
}

#[test]
fn urdu_number_words_and_more_than_after_the_number() {
    let f = figures("سرحد پر تین سو سے زیادہ گاڑیاں کھڑی ہیں۔");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].value, 300.0);
    assert_eq!(f[0].approx, Some(Approx::Over));
    assert_eq!(values("اس میں پانچ ہزار افراد شریک ہوئے۔"), [5000.0]);
    // A number word alone is not read.
    assert!(figures("نو بجے اجلاس شروع ہوا۔").is_empty());
}

#[test]
fn pashto_percent_in_the_oblique_form_and_around_the_number() {
    let f = figures("له ۶۰ سلنې ډېر زده کوونکي نجونې دي.");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].value, 60.0);
    assert_eq!(f[0].unit.as_deref(), Some("%"));
    assert_eq!(f[0].approx, Some(Approx::Over));
    let f = figures("شاوخوا ۱۲ زره کډوال راستانه شول.");
    assert_eq!(f[0].value, 12_000.0);
    assert_eq!(f[0].approx, Some(Approx::About));
}

#[test]
fn arabic_approximation_words() {
    for (text, approx) in [
        ("يعيش حوالي ٥٠٠ شخص في المخيم.", Approx::About),
        ("وصل نحو ٣٠٠ لاجئ إلى الحدود.", Approx::About),
        ("قتل أكثر من ٤٠ شخصا في الهجوم.", Approx::Over),
    ] {
        let f = figures(text);
        assert_eq!(f.len(), 1, "{text}: {f:#?}");
        assert_eq!(f[0].approx, Some(approx), "{text}");
    }
    assert_eq!(
        figures("يعيش حوالي ٥٠٠ شخص في المخيم.")[0].unit.as_deref(),
        Some("people")
    );
}

#[test]
fn families_and_households_are_counted_as_families() {
    let f = figures("۴۵۰ خانواده در ولایت هرات کمک دریافت کردند.");
    assert_eq!(f[0].unit.as_deref(), Some("families"), "{f:#?}");
    let f = figures("Aid reached 2,000 households in Ghor.");
    assert_eq!(f[0].unit.as_deref(), Some("families"), "{f:#?}");
    let f = figures("Aid reached 2,000 people in Ghor.");
    assert_eq!(f[0].unit.as_deref(), Some("people"));
}

#[test]
fn a_scale_followed_by_a_smaller_one() {
    let f = figures("صادرات به یک میلیارد و ۲۰۰ میلیون دالر رسید.");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].value, 1_200_000_000.0);
    assert_eq!(f[0].unit.as_deref(), Some("USD"));
    assert_eq!(values("اب تک ۳ لاکھ ۲۵ ہزار افراد واپس گئے۔"), [325_000.0]);
    assert_eq!(values("۲ میلیون و ۵۰۰ هزار نفر"), [2_500_000.0]);
}

#[test]
fn an_arabic_afghan_is_no_afghani_and_an_age_is_no_count() {
    let f = figures("عاد أكثر من ٥٠٠ ألف أفغاني إلى بلادهم.");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].value, 500_000.0);
    assert_eq!(f[0].unit.as_deref(), Some("people"));
    assert_eq!(f[0].approx, Some(Approx::Over));
    let f = figures("قیمت آن ۵۰۰ افغانی است.");
    assert_eq!(f[0].unit.as_deref(), Some("AFN"));
    assert_eq!(
        values("Some 40,000 children under five were vaccinated."),
        [40_000.0]
    );
    let f = figures("دست‌کم ۳۰ کودک زخمی شدند.");
    assert_eq!(f[0].approx, Some(Approx::AtLeast), "{f:#?}");
}

/// Figures with the article's entities, as the pipeline finds them.
fn figures_with_entities(paragraphs: &[&str], lang: &str) -> Vec<FoundFigure> {
    let p: Vec<String> = paragraphs.iter().map(|s| s.to_string()).collect();
    let found = khabar_understand::entities::find(&p, Some(lang));
    find(&p, &found)
}

#[test]
fn a_source_in_apposition_a_pronoun_and_the_sentence_subject() {
    let f = figures_with_entities(
        &[
            "WFP’s country director in Afghanistan, Maria Lindqvist, said the agency had fed 40,000 families.",
        ],
        "en",
    );
    assert_eq!(
        f[0].cited_source.as_deref(),
        Some("Maria Lindqvist"),
        "{f:#?}"
    );
    let f = figures_with_entities(
        &[
            "نورالله صدیقی، رئیس صحت عامه بلخ، روز دوشنبه گفت که ۳۰ کلینیک بسته شده است.",
            "به گفته او، ۱۲ کلینیک دیگر نیز بودجه ندارند.",
        ],
        "fa",
    );
    assert_eq!(f.len(), 2, "{f:#?}");
    assert!(
        f.iter()
            .all(|f| f.cited_source.as_deref() == Some("نورالله صدیقی")),
        "{f:#?}"
    );
}

#[test]
fn arabic_and_urdu_sources() {
    let f = figures_with_entities(
        &[
            "ذكرت المنظمة الدولية للهجرة أن ٢٠ ألف شخص عادوا. وأشار البيان إلى أن ٥٠٠ عائلة بلا مأوى.",
        ],
        "ar",
    );
    assert_eq!(f.len(), 2, "{f:#?}");
    assert!(
        f.iter()
            .all(|f| f.cited_source.as_deref() == Some("International Organization for Migration")),
        "{f:#?}"
    );
    let f = figures_with_entities(&["پولیس کے مطابق ۱۵ افراد زخمی ہوئے۔"], "ur");
    assert_eq!(f[0].cited_source.as_deref(), Some("پولیس"), "{f:#?}");
}

#[test]
fn a_title_before_the_name_and_according_to_the_agency() {
    let f = figures_with_entities(
        &["Bread now costs 30 afghanis, said baker Hamidullah Sarwari."],
        "en",
    );
    assert_eq!(
        f[0].cited_source.as_deref(),
        Some("Hamidullah Sarwari"),
        "{f:#?}"
    );
    let f = figures_with_entities(
        &[
            "The World Food Programme said it had run out of wheat.",
            "According to the agency, 2 million people will go without rations.",
        ],
        "en",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        f[0].cited_source.as_deref(),
        Some("World Food Programme"),
        "{f:#?}"
    );
}

#[test]
fn a_range_in_words_gives_its_scale_to_the_first_number() {
    assert_eq!(
        values("Officials said between 3 and 4 million people need shelter."),
        [3_000_000.0, 4_000_000.0]
    );
    assert_eq!(
        values("به گفته مقامات، بین ۱۵۰ تا ۲۵۰ هزار نفر بی‌جا شده‌اند."),
        [150_000.0, 250_000.0]
    );
    assert_eq!(
        values("حکام کے مطابق نقصان ۳ سے ۴ ارب روپے تک پہنچ گیا۔"),
        [3_000_000_000.0, 4_000_000_000.0]
    );
    // The first number larger than the second keeps its own value.
    assert_eq!(
        values("Exports rose from 800 to 1.2 million tonnes."),
        [800.0, 1_200_000.0]
    );
}

#[test]
fn a_number_after_the_arabic_conjunction_is_read() {
    let f = figures("وارتفعت الأسعار بنسبة تتراوح بين ٤ و٦ في المئة هذا الشهر.");
    assert_eq!(f.iter().map(|f| f.value).collect::<Vec<_>>(), [4.0, 6.0]);
    assert_eq!(f[1].unit.as_deref(), Some("%"));
    // A number glued to another word is still no figure: "COP29".
    assert!(values("Delegates met at COP29 in the capital.").is_empty());
}

#[test]
fn a_capitalised_function_word_before_a_number_is_no_model_name() {
    assert_eq!(
        values("A: Between 60 and 80 families arrive every day."),
        [60.0, 80.0]
    );
    // A model name still is one.
    assert!(values("He filmed it on an iPhone 6.").is_empty());
}

#[test]
fn a_figure_inside_a_quotation_is_its_speakers() {
    let p: Vec<String> = [
        "Homa Sultani runs a bakery in Mazar-i-Sharif. We asked her about her work.",
        "Q: How much do you bake?",
        "A: We bake 400 loaves a day for the widows of the district.",
        "Flour prices rose 12 percent last month.",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let found = khabar_understand::entities::find(&p, Some("en"));
    let q = khabar_understand::quotes::find(&p, &found, None);
    let mut f = find(&p, &found);
    let source = |f: &[FoundFigure], v: f64| {
        f.iter()
            .find(|f| f.value == v)
            .and_then(|f| f.cited_source.clone())
    };
    assert_eq!(source(&f, 400.0), None, "no source in the answer's words");
    khabar_understand::figures::cite_quoted(&mut f, &q);
    assert_eq!(source(&f, 400.0).as_deref(), Some("Homa Sultani"));
    // Outside the quotation: nobody's.
    assert_eq!(source(&f, 12.0), None);
}

#[test]
fn a_dari_source_before_a_date_or_an_apposition() {
    let p: Vec<String> = [
        "وزارت صحت عامه روز ۳ جوزا ۱۴۰۴ اعلام کرد که ۴۵ کلینیک تازه باز شده است.",
        "نجیب‌الله صدیقی، رئیس شفاخانه ولایتی، گفت که ۱۲۰ بستر تازه اضافه شده است.",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let found = khabar_understand::entities::find(&p, Some("fa"));
    let f = find(&p, &found);
    let source = |v: f64| {
        f.iter()
            .find(|f| f.value == v)
            .and_then(|f| f.cited_source.clone())
    };
    assert!(
        source(45.0).is_some_and(|s| s.contains("Public Health") || s.contains("صحت")),
        "{f:#?}"
    );
    assert!(source(120.0).is_some_and(|s| s.contains("صدیقی")), "{f:#?}");
    // The date is no figure.
    assert!(f.iter().all(|f| f.value != 1404.0 && f.value != 3.0));
}

#[test]
fn nights_ratios_and_age_ranges_are_no_figures() {
    let p: Vec<String> = [
        "The family slept outside for five nights after the storm.",
        "One in three households has no regular income, and 2 in 5 children work.",
        "The classes are for boys aged between 6 and 14.",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let found = khabar_understand::entities::find(&p, Some("en"));
    let f = find(&p, &found);
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn urdu_halves_pashto_more_and_arabic_duals() {
    let values = |text: &str, lang: &str| {
        let p = vec![text.to_string()];
        let found = khabar_understand::entities::find(&p, Some(lang));
        find(&p, &found)
            .iter()
            .map(|f| (f.value, f.unit.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        values("منصوبے پر ڈیڑھ لاکھ افراد کام کریں گے۔", "ur"),
        [(150_000.0, Some("people".to_string()))]
    );
    assert_eq!(
        values("حکومت نے ڈھائی ارب روپے جاری کیے۔", "ur")[0].0,
        2.5e9
    );
    assert_eq!(
        values("په ټکر کې یو تن مړ او دوه نور ټپیان شول.", "ps")
            .iter()
            .map(|v| v.0)
            .collect::<Vec<_>>(),
        [2.0]
    );
    assert_eq!(values("تضرر نحو ألفي شخص من الفيضانات.", "ar")[0].0, 2000.0);
}

/// Each figure's value and cited source, found with the article's entities.
fn sourced(paragraphs: &[&str], lang: &str) -> Vec<(f64, Option<String>)> {
    let p: Vec<String> = paragraphs.iter().map(|s| s.to_string()).collect();
    let found = khabar_understand::entities::find(&p, Some(lang));
    find(&p, &found)
        .into_iter()
        .map(|f| (f.value, f.cited_source))
        .collect()
}

#[test]
fn sources_an_organisation_gives_in_english() {
    let f = sourced(
        &[
            "“We need more vaccine,” said Dr. Nazifa Omari, a nurse in Ghazni.",
            "The Ministry of Public Health said it had vaccinated 40,000 children this month.",
            "The UN food agency said food prices had risen 30 percent since spring.",
            "Da Afghanistan Bank sold $12 million on Sunday, according to a statement on its website.",
            "Flour now costs 2,500 afghanis a bag, bakers in the old city said.",
        ],
        "en",
    );
    let source = |v: f64| f.iter().find(|x| x.0 == v).and_then(|x| x.1.clone());
    assert_eq!(
        source(40_000.0).as_deref(),
        Some("Ministry of Public Health")
    );
    assert_eq!(source(30.0).as_deref(), Some("World Food Programme"));
    assert_eq!(source(12e6).as_deref(), Some("Da Afghanistan Bank"));
    assert!(
        source(2_500.0).is_some_and(|s| s.starts_with("bakers")),
        "{f:?}"
    );
}

#[test]
fn the_report_stands_for_its_publisher() {
    let f = sourced(
        &[
            "Oxfam published a report on rural debt on Tuesday.",
            "The report, based on a survey of 900 families in Balkh and Herat, found that most had borrowed to buy food.",
        ],
        "en",
    );
    assert_eq!(f, [(900.0, Some("Oxfam".to_string()))]);
    let f = sourced(
        &[
            "أصدر برنامج الأغذية العالمي تقريرا عن الجوع يوم الأحد.",
            "وقال مسؤول في الحكومة إن الوضع تحت السيطرة.",
            "وأشار التقرير إلى أن نحو ٣ ملايين طفل يعانون من سوء التغذية.",
        ],
        "ar",
    );
    let last = f.last().and_then(|x| x.1.clone());
    assert_eq!(last.as_deref(), Some("World Food Programme"), "{f:?}");
}

#[test]
fn an_urdu_source_with_words_before_the_verb() {
    let f = sourced(
        &[
            "وزیر خزانہ محمد اورنگزیب نے صحافیوں سے بات کرتے ہوئے کہا کہ بجٹ میں ۵۰۰ ارب روپے رکھے گئے ہیں۔",
        ],
        "ur",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].1.as_deref().is_some_and(|s| s.contains("اورنگزیب")),
        "{f:?}"
    );
}

fn units(text: &str) -> Vec<(f64, Option<String>)> {
    figures(text)
        .into_iter()
        .map(|f| (f.value, f.unit))
        .collect()
}

#[test]
fn units_are_given_in_english_whatever_the_language() {
    assert_eq!(
        units("پولیس ۳۰ کیلوگرام تریاک و ۱۲۰ خیمه را در انبار یافت."),
        [
            (30.0, Some("kilograms".to_string())),
            (120.0, Some("tents".to_string()))
        ]
    );
    assert_eq!(
        units("په ولایت کې ۸۰۰ ټنه غنم ووېشل شول."),
        [(800.0, Some("tonnes".to_string()))]
    );
    // Pashto "نوي" (new) after digits is no unit and no ninety.
    assert_eq!(
        units("په کندهار کې ۹ نوي کلینیکونه جوړ شول."),
        [(9.0, Some("clinics".to_string()))]
    );
    // "47 others" after a death toll are people.
    assert_eq!(
        units("The blast killed 5 people and injured 31 others."),
        [
            (5.0, Some("people".to_string())),
            (31.0, Some("people".to_string()))
        ]
    );
}

#[test]
fn dari_tan_weighs_goods_and_counts_people() {
    assert_eq!(
        units("صادرات کشمش در سه ماه گذشته به ۱۵۰ تن رسید."),
        [(150.0, Some("tonnes".to_string()))]
    );
    assert_eq!(
        units("شرکت حدود ۷۰ تن گندم را به بدخشان فرستاد."),
        [(70.0, Some("tonnes".to_string()))]
    );
    assert_eq!(
        units("در این حادثه ۱۲ تن زخمی شدند."),
        [(12.0, Some("people".to_string()))]
    );
}

#[test]
fn dari_number_words_before_counted_things_and_possessed_nouns() {
    assert_eq!(
        units("سیلاب پنج خانه را در این قریه ویران کرد."),
        [(5.0, Some("houses".to_string()))]
    );
    assert_eq!(
        units("او با چهار فرزندش به کابل آمد."),
        [(4.0, Some("people".to_string()))]
    );
}

#[test]
fn a_clock_hour_in_words_is_no_figure() {
    assert!(values("The shops open again after nine.").is_empty());
    assert_eq!(values("Nine shops reopened after ten days."), [9.0]);
}

#[test]
fn an_urdu_postposition_after_a_number_is_no_unit() {
    let f = figures("ان میں سے ۸ کو رہا کر دیا گیا۔");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].unit, None);
}

fn sources(text: &str) -> Vec<(f64, Option<String>)> {
    figures(text)
        .into_iter()
        .map(|f| (f.value, f.cited_source))
        .collect()
}

#[test]
fn sources_in_pashto_passive_urdu_kehna_and_dari_izhar() {
    let f =
        sources("د روغتیا نړیوال سازمان په خپل نوي راپور کې ویل شوي چې ۴۰۰ کلینیکونه تړل شوي دي.");
    assert_eq!(f.len(), 1);
    assert!(
        f[0].1
            .as_deref()
            .is_some_and(|s| s.contains("روغتیا نړیوال سازمان")),
        "{f:?}"
    );
    let f = sources("ایک دکاندار حاجی رحیم گل کا کہنا ہے کہ آٹے کی قیمت ۹۰ روپے ہو گئی ہے۔");
    assert_eq!(f.len(), 1);
    assert!(
        f[0].1.as_deref().is_some_and(|s| s.contains("رحیم گل")),
        "{f:?}"
    );
    let f = sources("محمد نعیم، رئیس این اداره، اظهار داشت که ۲۰۰ خانواده کمک دریافت کرده‌اند.");
    assert_eq!(f.len(), 1);
    assert!(
        f[0].1.as_deref().is_some_and(|s| s.contains("محمد نعیم")),
        "{f:?}"
    );
}

#[test]
fn an_urdu_back_reference_to_the_agency_keeps_its_source() {
    let f = find(
        &["عالمی ادارہ صحت کے مطابق ۳۰۰ مریض ہسپتال میں ہیں۔ ادارے کے مطابق ۴۰ فیصد مریض بچے ہیں۔".to_string()],
        &[],
    );
    assert_eq!(f.len(), 2, "{f:#?}");
    assert!(f[0].cited_source.is_some(), "{f:#?}");
    assert_eq!(f[1].cited_source, f[0].cited_source);
}

#[test]
fn a_source_before_its_acronym_and_the_report_said_after_the_figures() {
    let f = sources("The Norwegian Refugee Council (NRC) says 4,000 families need shelter.");
    assert_eq!(f, [(4000.0, Some("NRC".to_string()))]);
    let f = find(
        &["Amnesty International said 70 activists were detained. Their sentences ranged from 2 to 9 years in prison and fines of up to 50,000 afghanis, the report said.".to_string()],
        &[],
    );
    let fine = f.iter().find(|f| f.value == 50_000.0).expect("the fine");
    assert_eq!(fine.cited_source.as_deref(), Some("Amnesty International"));
}

#[test]
fn a_dari_scale_alone_after_an_approximation_before_people() {
    let f = figures("امسال بیش از هزار زن برای این دوره ثبت نام کردند.");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].value, 1000.0);
    assert_eq!(f[0].approx, Some(Approx::Over));
    assert_eq!(f[0].unit.as_deref(), Some("people"));
    // Without the approximation, a bare "هزار" is no figure ("هزار بار").
    assert!(values("هزار بار گفتیم که راه بسته است.").is_empty());
}

#[test]
fn a_dari_unit_made_an_adjective_sizes_an_item_and_is_no_figure() {
    assert_eq!(
        values("یک کارتن ۱۲ کیلوگرامی روغن اکنون ۱۸۰۰ افغانی قیمت دارد."),
        vec![1800.0]
    );
    // The unit itself, not made an adjective, is still a figure.
    assert_eq!(values("۱۲ کیلوگرام روغن توزیع شد."), vec![12.0]);
}

#[test]
fn an_abbreviated_title_before_a_speaker_is_no_source() {
    let f = figures("\"We admitted 35 patients overnight,\" said Dr. Laila Ahmadi.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].cited_source.as_deref(), Some("Laila Ahmadi"));
}

#[test]
fn counted_vehicles_cases_and_organisations_in_other_languages() {
    let ur = figures("سرحد پر ۳۰۰ گاڑیاں کھڑی ہیں۔");
    assert_eq!(ur[0].unit.as_deref(), Some("vehicles"), "{ur:?}");
    let fa = figures("تا کنون ۲۵۰ مورد ثبت شده است.");
    assert_eq!(fa[0].unit.as_deref(), Some("cases"), "{fa:?}");
    let ar = figures("علّقت ٤٠ منظمة أنشطتها.");
    assert_eq!(ar[0].unit.as_deref(), Some("organizations"), "{ar:?}");
}

#[test]
fn the_agency_said_stands_for_the_organisation_named_last() {
    let paragraphs = vec![
        "The Norwegian Refugee Council opened a new shelter in Herat this week.".to_string(),
        "The shelter has 120 beds for women and children, the agency said.".to_string(),
    ];
    let entities = khabar_understand::entities::find(&paragraphs, Some("en"));
    let f = find(&paragraphs, &entities);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        f[0].cited_source.as_deref(),
        Some("Norwegian Refugee Council"),
        "{f:?}"
    );
}

#[test]
fn suspects_and_shopkeepers_are_counted_as_people() {
    let f = figures("Police arrested two suspects and questioned 14 shopkeepers.");
    let units: Vec<Option<&str>> = f.iter().map(|x| x.unit.as_deref()).collect();
    assert_eq!(units, vec![Some("people"), Some("people")], "{f:?}");
}

#[test]
fn staff_and_reporters_are_people_and_a_count_before_urdu_more_than_is_no_year() {
    let f = figures("در این دفتر شش کارمند زن کار می‌کردند.");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].value, 6.0);
    assert_eq!(f[0].unit.as_deref(), Some("people"));
    let f = figures("پولیس نے ۱۳۵۰ سے زائد مزدوروں کو رہا کر دیا۔");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].value, 1350.0);
    assert_eq!(f[0].approx, Some(Approx::Over));
    // A year is still a year.
    assert!(values("این قانون در سال ۱۴۰۱ تصویب شد.").is_empty());
}

#[test]
fn pashto_oblique_number_words_before_people() {
    let f = figures("په پېښه کې د دریو کسانو مړي وموندل شول.");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].value, 3.0);
    assert_eq!(f[0].unit.as_deref(), Some("people"));
    // Not a count of people: no figure.
    assert!(values("د دوو هېوادونو ترمنځ خبرې وشوې.").is_empty());
}

#[test]
fn an_arabic_million_alone_or_dual_joined_to_thousands() {
    assert_eq!(
        values("وقالت المنظمة إن مليون و٢٠٠ ألف طفل بحاجة إلى مساعدة."),
        [1_200_000.0]
    );
    assert_eq!(
        values("وأعلنت الوزارة عودة مليونين و٧٠٠ ألف شخص."),
        [2_700_000.0]
    );
}

#[test]
fn pashto_hundreds_multiply_the_scale_after_them() {
    // "سوه" is the Pashto hundred; joined with "او" (and).
    assert_eq!(
        values("د ښوونځي د جوړولو لګښت نهه سوه میلیونه افغانۍ دی."),
        [900_000_000.0]
    );
    assert_eq!(
        values("ولایت څلور زره او اووه سوه کسانو ته خواړه ورکړل."),
        [4_700.0]
    );
    let f = figures("په فابریکه کې به اووه سوه تنه کار وکړي.");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].value, 700.0);
    assert_eq!(f[0].unit.as_deref(), Some("people"));
}

#[test]
fn and_a_half_before_a_scale_in_pashto_and_dari() {
    assert_eq!(
        values("وزارت وايي چې درې نیم میلیونه کسان مرستې ته اړتیا لري."),
        [3_500_000.0]
    );
    assert_eq!(
        values("برنامه به دو و نیم میلیون کودک کمک می‌کند."),
        [2_500_000.0]
    );
}

#[test]
fn a_thousand_alone_joined_to_digits_and_a_lakh_in_dari() {
    assert_eq!(
        values("در این ولسوالی هزار و ۳۵۰ خانواده آسیب دیده‌اند."),
        [1_350.0]
    );
    let f = figures("هر خروار گندم حالا دو لک افغانی قیمت دارد.");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].value, 200_000.0);
    assert_eq!(f[0].unit.as_deref(), Some("AFN"));
}

#[test]
fn pashto_na_before_a_thing_is_a_negation_not_nine() {
    assert!(values("دوی نه اوبه لري او نه کور.").is_empty());
}

#[test]
fn counted_things_in_pashto_with_an_adjective_after_nor() {
    assert_eq!(values("کتاب په شپږو ژبو ژباړل شوی دی."), [6.0]);
    assert_eq!(values("سږکال به درې نور لوی بندونه جوړ شي."), [3.0]);
}

#[test]
fn arabic_number_words_before_people_with_a_preposition_joined() {
    let f = figures("قالت الأرملة، وهي أم لستة أطفال، إنها لا تملك شيئاً.");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].value, 6.0);
    assert_eq!(f[0].unit.as_deref(), Some("people"));
    assert_eq!(
        values("وحذرت الوكالة من خفض الحصص لمليوني لاجئ."),
        [2_000_000.0]
    );
    // A ratio and the size of a household are no counts.
    assert!(values("لدينا طبيب واحد لكل ثلاثة أطفال.").is_empty());
    assert!(values("تكفي السلة أسرة من ستة أفراد.").is_empty());
}

#[test]
fn two_or_three_and_generations_are_no_counts() {
    assert!(values("په هره خونه کې دوه یا درې کسان اوسي.").is_empty());
    assert!(values("For four generations the family has farmed the valley.").is_empty());
}

#[test]
fn a_pashto_number_word_with_the_clitic_before_people() {
    // "څلور یې ښځې دي": four of them are women.
    let f = figures("په ښار کې ۲۰ کسان ټپیان شوي چې څلور یې ښځې دي.");
    assert!(
        f.iter()
            .any(|f| f.value == 4.0 && f.unit.as_deref() == Some("people")),
        "{f:?}"
    );
}

#[test]
fn spans_with_more_and_urdu_durations_are_no_figures() {
    assert!(values("The clinic will stay open for two more weeks.").is_empty());
    assert!(values("مظاہرین نے انتظامیہ کو ۷۲ گھنٹے کی مہلت دی ہے۔").is_empty());
    assert!(values("وہ تین برسوں سے کوئٹہ میں رہ رہے ہیں۔").is_empty());
    assert_eq!(values("The agency sent 400 more tents."), [400.0]);
}

#[test]
fn a_dari_number_word_before_a_noun_with_my() {
    let f = figures("او گفت: «من با چهار پسرم به ایران رفتم.»");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].value, 4.0);
    assert_eq!(f[0].unit.as_deref(), Some("people"));
}

#[test]
fn a_pashto_number_word_before_cases() {
    let f = figures("د روغتیا ریاست وویل چې په ولایت کې د شري اووه پېښې ثبت شوې دي.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].value, 7.0);
    assert_eq!(f[0].unit.as_deref(), Some("cases"));
}

#[test]
fn an_arabic_number_word_before_a_scale() {
    let f = figures("وقالت الوزارة إن أكثر من خمسة ملايين طفل بحاجة إلى لقاح.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].value, 5e6);
}

#[test]
fn pashto_cricket_wickets_and_runs_are_counted() {
    let f = figures("د هرات ټیم په ۴۲ منډو وګټله او بالر یې څلور وکټونه واخیستل.");
    let got: Vec<(f64, Option<&str>)> = f.iter().map(|f| (f.value, f.unit.as_deref())).collect();
    assert!(got.contains(&(42.0, Some("runs"))), "{f:?}");
    assert!(got.contains(&(4.0, Some("wickets"))), "{f:?}");
}

#[test]
fn arabic_alf_alone_is_one_thousand() {
    let f = figures("وتبرعت الجمعية بألف بطانية للأسر النازحة في هرات.");
    assert_eq!(
        values("وتبرعت الجمعية بألف بطانية للأسر النازحة في هرات."),
        [1e3],
        "{f:?}"
    );
}

#[test]
fn a_pashto_number_word_before_members_counts_people() {
    let got = values("د هغه د کورنۍ پنځه غړي په زلزله کې مړه شول.");
    assert_eq!(got, [5.0]);
}

fn cited(text: &[&str], lang: &str) -> Vec<(f64, Option<String>)> {
    let p: Vec<String> = text.iter().map(|s| s.to_string()).collect();
    let found = khabar_understand::entities::find(&p, Some(lang));
    let mut f = find(&p, &found);
    khabar_understand::quotes::cite_roles(&p, &found, &mut f);
    f.into_iter().map(|f| (f.value, f.cited_source)).collect()
}

#[test]
fn a_figure_cited_to_a_role_is_its_holders() {
    let got = cited(
        &[
            "پولیس کے ترجمان عمران شاہ نے پریس کانفرنس سے خطاب کیا۔",
            "ترجمان نے بتایا کہ ۴۵ افراد گرفتار کیے گئے ہیں۔",
        ],
        "ur",
    );
    assert_eq!(got, [(45.0, Some("عمران شاہ".to_string()))]);
}

#[test]
fn a_figure_cited_to_a_body_after_its_spokesmans_title_is_the_spokesmans() {
    let got = cited(
        &["سخنگوی وزارت معارف، احمد جاوید رسولی، گفت که ۳۰۰ مکتب بازسازی شده است."],
        "fa",
    );
    assert_eq!(got, [(300.0, Some("احمد جاوید رسولی".to_string()))]);
}

#[test]
fn arabic_and_pashto_units_of_distance_power_jobs_and_tankers() {
    let units = |text: &str| -> Vec<(f64, Option<String>)> {
        figures(text)
            .into_iter()
            .map(|f| (f.value, f.unit))
            .collect()
    };
    assert_eq!(
        units("وقالت الشركة إنها مدت ٢٠٠ كيلومتراً من خطوط الكهرباء."),
        [(200.0, Some("kilometres".to_string()))]
    );
    assert_eq!(
        units("وسيوفر المصنع ٣٠٠ فرصة عمل للشباب."),
        [(300.0, Some("jobs".to_string()))]
    );
    assert_eq!(
        units("ښاروالۍ ۱۵ ټانکرونه اوبه ولېږلې."),
        [(15.0, Some("tankers".to_string()))]
    );
}

#[test]
fn seasons_and_arabic_years_are_durations() {
    assert_eq!(
        values("For three winters the 40 families had no road."),
        [40.0]
    );
    assert!(values("يعود تاريخ الموقع إلى ثلاثة آلاف عام.").is_empty());
}

#[test]
fn arabic_ma_yuqarib_is_about_and_elders_are_people() {
    let f = figures("ستدفع الشركة ما يقارب ٥٠ مليون دولار سنوياً.");
    assert_eq!(f[0].value, 50e6);
    assert_eq!(f[0].approx, Some(Approx::About));
    let f = figures("More than 120 elders attended the gathering.");
    assert_eq!(f[0].unit.as_deref(), Some("people"));
    let f = figures("حکومت ۶ لاکھ افغانوں کو واپس بھیجے گی۔");
    assert_eq!(f[0].unit.as_deref(), Some("people"));
}

#[test]
fn unnamed_officials_speak_for_their_province() {
    let f = figures_with_entities(
        &["Nine people drowned when a boat capsized on Friday, officials in Kunar province said."],
        "en",
    );
    assert_eq!(f[0].cited_source.as_deref(), Some("Kunar"), "{f:#?}");
    let f = figures_with_entities(
        &["مسئولان محلی ولایت بامیان می‌گویند که ۴۰ خانه در سیلاب تخریب شده است."],
        "fa",
    );
    assert_eq!(f[0].cited_source.as_deref(), Some("Bamyan"), "{f:#?}");
    let f = figures_with_entities(
        &["د لغمان ولایت چارواکي وايي چې ۳۰ کورونه له منځه تللي دي."],
        "ps",
    );
    assert_eq!(f[0].cited_source.as_deref(), Some("Laghman"), "{f:#?}");
}

#[test]
fn an_organisation_heading_its_source_words_is_the_source() {
    // Arabic "the organisation X" and the body first, its parent after it.
    let f = figures_with_entities(&["وبحسب منظمة اليونيسف، فإن نحو 600 مدرسة تضررت."], "ar");
    assert_eq!(f[0].cited_source.as_deref(), Some("UNICEF"), "{f:#?}");
    // Urdu: the acronym in brackets names the body.
    let f = figures_with_entities(
        &["فوج کے شعبہ تعلقات عامہ (آئی ایس پی آر) کے مطابق جھڑپ میں پانچ اہلکار زخمی ہوئے۔"],
        "ur",
    );
    assert_eq!(
        f[0].cited_source.as_deref(),
        Some("Inter-Services Public Relations"),
        "{f:#?}"
    );
    // A body named after another head is no source of its own: the
    // ministry of the Taliban is the ministry, not the Taliban.
    let f = figures_with_entities(
        &["وزارت معارف طالبان اعلام کرد که ۲۰۰ مکتب بازسازی شده است."],
        "fa",
    );
    assert_ne!(f[0].cited_source.as_deref(), Some("Taliban"), "{f:#?}");
}

#[test]
fn an_arabic_dual_counts_two_and_soldiers_are_people() {
    let f = figures("وافتتحت الوزارة مدرستين وعيادتين في القرية.");
    let got: Vec<(f64, Option<&str>)> = f.iter().map(|f| (f.value, f.unit.as_deref())).collect();
    assert_eq!(
        got,
        [(2.0, Some("schools")), (2.0, Some("clinics"))],
        "{f:#?}"
    );
    // Durations, frequencies and "the two …" are no count.
    assert!(figures("استمرت الزيارة يومين وتكررت مرتين.").is_empty());
    assert!(figures("وقعت الدولتين على الاتفاق.").is_empty());
    let f = figures("حملے میں تین فوجی اور دو اہلکار زخمی ہوئے۔");
    let got: Vec<(f64, Option<&str>)> = f.iter().map(|f| (f.value, f.unit.as_deref())).collect();
    assert_eq!(
        got,
        [(3.0, Some("people")), (2.0, Some("people"))],
        "{f:#?}"
    );
    // Pashto "a new hospital": نوی after یو is no ninety.
    assert!(figures("په ښار کې یو نوی روغتون جوړ شو.").is_empty());
}

#[test]
fn an_arabic_verb_first_with_a_role_and_the_name_in_apposition() {
    let f = figures_with_entities(
        &["وأفاد مدير الصحة في الولاية، كريم عبد الله نوري، بأن 30 مريضا نقلوا إلى المستشفى."],
        "ar",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        f[0].cited_source.as_deref(),
        Some("كريم عبد الله نوري"),
        "{f:#?}"
    );
    let f = figures_with_entities(
        &[
            "وقالت الطبيبة سلمى رحيمي إن الوضع صعب.",
            "وأوضحت أن المستشفى استقبل 45 طفلا.",
        ],
        "ar",
    );
    assert_eq!(f[0].cited_source.as_deref(), Some("سلمى رحيمي"), "{f:#?}");
}

#[test]
fn pashto_more_than_with_the_counted_noun_between() {
    let f = figures("سږکال تر ۴۰ زره ټنو زیات غنم راغلي دي.");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].value, 40_000.0);
    assert_eq!(f[0].approx, Some(Approx::Over), "{f:#?}");
}

#[test]
fn the_noun_of_a_back_reference_picks_its_organisation() {
    let f = figures_with_entities(
        &[
            "The Snow Trust Society runs the survey. Its director, Anna Berg, said the work was slow.",
            "The society said it had paid about $5,000 to herders.",
        ],
        "en",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        f[0].cited_source.as_deref(),
        Some("Snow Trust Society"),
        "{f:#?}"
    );
}

#[test]
fn sources_after_a_relative_clause_a_long_urdu_clause_and_arabic_estimates() {
    let f = figures_with_entities(
        &[
            "گل‌احمد رحیمی، باشنده ولسوالی چاردره که خانه‌اش را سیلاب برد، گفت که ۱۲ خانواده بی‌سرپناه شده‌اند.",
        ],
        "fa",
    );
    assert_eq!(f[0].cited_source.as_deref(), Some("گل‌احمد رحیمی"), "{f:#?}");
    let f = figures_with_entities(
        &["ٹیم کے کوچ ندیم اختر نے کوئٹہ میں ایک تقریب سے خطاب میں کہا کہ 15 کھلاڑی منتخب ہوئے۔"],
        "ur",
    );
    assert_eq!(f[0].cited_source.as_deref(), Some("ندیم اختر"), "{f:#?}");
    let f = figures_with_entities(
        &["وتشير تقديرات البنك الدولي إلى أن 40 في المئة من السكان فقراء."],
        "ar",
    );
    assert_eq!(f[0].cited_source.as_deref(), Some("World Bank"), "{f:#?}");
}

#[test]
fn units_of_livestock_heads_doses_shops_flights_and_visas() {
    let units =
        |text: &str| -> Vec<Option<String>> { figures(text).into_iter().map(|f| f.unit).collect() };
    assert_eq!(
        units("بیش از ۴۰۰ رأس مواشی و ۲۰ دکان آسیب دیدند."),
        [Some("livestock".into()), Some("shops".into())]
    );
    assert_eq!(
        units("ستصدر السفارة 300 تأشيرة و40 رحلة."),
        [Some("visas".into()), Some("flights".into())]
    );
    assert_eq!(units("۵۰ هزار دوز واکسین رسید."), [Some("doses".into())]);
}

#[test]
fn pashto_agent_nouns_and_dari_volumes_are_counted() {
    assert_eq!(values("په پېښه کې پنځه کان کیندونکي ټپیان شول."), [5.0]);
    let f = figures("هغه سه جلد کتاب خرید.");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].value, 3.0);
    assert_eq!(f[0].unit.as_deref(), Some("books"));
}

#[test]
fn an_organisation_called_by_its_noun_in_the_same_sentence() {
    let f = figures_with_entities(
        &["The Herat Chess Committee sent 12 players to the tournament, the committee said."],
        "en",
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(
        f[0].cited_source.as_deref(),
        Some("Herat Chess Committee"),
        "{f:#?}"
    );
}
