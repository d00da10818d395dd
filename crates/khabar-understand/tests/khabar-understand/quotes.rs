//! Quotes: marks, attribution patterns, speaker resolution.

use khabar_understand::{entities, quotes};

fn run(text: &[&str], lang: &str) -> Vec<quotes::FoundQuote> {
    let p: Vec<String> = text.iter().map(|s| s.to_string()).collect();
    let found = entities::find(&p, Some(lang));
    quotes::find(&p, &found, Some("Kabul Monitor"))
}

fn pairs(q: &[quotes::FoundQuote]) -> Vec<(&str, &str)> {
    q.iter()
        .map(|q| (q.speaker.as_str(), q.quote.as_str()))
        .collect()
}

#[test]
fn speaker_before_the_marks() {
    let q = run(
        &["Mariam Sadat, a teacher in Herat, said: “We will keep the classes open.”"],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [("Mariam Sadat", "We will keep the classes open.")]
    );
    assert_eq!(q[0].paragraph, 0);
    assert!(q[0].sentence.starts_with("Mariam Sadat, a teacher"));
    assert_eq!(q[0].speaker_key.as_deref(), Some("person:mariam-sadat"));
}

#[test]
fn speaker_after_the_marks_in_every_order() {
    let q = run(
        &[
            "“The roads are closed for the winter,” said Abdul Basir Ahmadzai, a volunteer.",
            "“Nobody has come to help us yet,” Sakina Hussaini told AP.",
            "“We are asking for more trucks and fuel,” Hussaini said.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [
            (
                "Abdul Basir Ahmadzai",
                "The roads are closed for the winter"
            ),
            ("Sakina Hussaini", "Nobody has come to help us yet"),
            ("Sakina Hussaini", "We are asking for more trucks and fuel"),
        ]
    );
}

#[test]
fn a_quotation_continued_over_paragraphs_is_one_quote() {
    let q = run(
        &[
            "Fatima Rezaie runs a midwifery school.",
            "“When the order came, we had ninety students in their final year.",
            "“Some of them now teach their younger sisters,” Rezaie said.",
        ],
        "en",
    );
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].speaker, "Fatima Rezaie");
    assert_eq!(
        q[0].quote,
        "When the order came, we had ninety students in their final year. Some of them now teach their younger sisters"
    );
    assert_eq!(q[0].paragraph, 1);
}

#[test]
fn a_role_resolves_to_the_person_the_article_gave_it() {
    let q = run(
        &[
            "Sher Mohammad Abbas Stanikzai, the Deputy Minister of Foreign Affairs, spoke in Kabul.",
            "Salim Paigir, a political analyst, disagreed.",
            "The Deputy Minister of Foreign Affairs said: “We want friendly relations with the world.”",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Sher Mohammad Abbas Stanikzai",
            "We want friendly relations with the world."
        )]
    );
}

#[test]
fn a_pronoun_resolves_to_the_last_person_named_as_subject() {
    let q = run(
        &[
            "Joanna Depledge, a historian at the University of Cambridge, said Afghanistan should attend.",
            "“Where would we draw the line then?” she said. “Every kind of state attends these talks.”",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [
            ("Joanna Depledge", "Where would we draw the line then?"),
            (
                "Joanna Depledge",
                "Every kind of state attends these talks."
            ),
        ]
    );
}

#[test]
fn a_report_speaks_for_its_publisher() {
    let q = run(
        &[
            "The Special Inspector General for Afghanistan Reconstruction (SIGAR) published its quarterly report.",
            "The report reads: “The Taliban have held more than a thousand diplomatic meetings.”",
        ],
        "en",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].speaker,
        "Special Inspector General for Afghanistan Reconstruction"
    );
    assert_eq!(q[0].speaker_key.as_deref(), Some("organization:sigar"));
}

#[test]
fn the_agency_without_a_named_agency_is_the_outlet() {
    let q = run(
        &["“Three bridges were washed away overnight,” the agency said."],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [("Kabul Monitor", "Three bridges were washed away overnight")]
    );
    assert_eq!(q[0].speaker_key, None);
}

#[test]
fn a_dari_quote_with_guillemets_and_goft() {
    let q = run(
        &[
            "ذبیح‌الله مجاهد، سخنگوی امارت اسلامی، در کابل گفت: «ما با همه همسایه‌ها روابط خوب می‌خواهیم.»",
            "او افزود: «تجارت امسال دو برابر شده است.»",
        ],
        "fa",
    );
    assert_eq!(
        pairs(&q),
        [
            (
                "Zabihullah Mujahid",
                "ما با همه همسایه‌ها روابط خوب می‌خواهیم."
            ),
            ("Zabihullah Mujahid", "تجارت امسال دو برابر شده است."),
        ]
    );
}

#[test]
fn a_pashto_quote_with_wowayel_before_and_after() {
    let q = run(
        &[
            "حمیدالله ستوری، د ننګرهار یو بزګر، وايي چې سېلاب ټول فصل یوړ.",
            "«موږ هیڅ شی نه لرو، ماشومان مې وږي دي»، ستوری وویل.",
            "نوموړي زیاته کړه: «مرسته لا نه ده رسېدلې.»",
        ],
        "ps",
    );
    assert_eq!(
        pairs(&q),
        [
            ("حمیدالله ستوری", "موږ هیڅ شی نه لرو، ماشومان مې وږي دي"),
            ("حمیدالله ستوری", "مرسته لا نه ده رسېدلې."),
        ]
    );
}

#[test]
fn urdu_and_arabic_speech_verbs() {
    let ur = run(
        &["پاکستان کے وزیر دفاع خواجہ آصف نے کہا: \"سرحد پر صورتحال کشیدہ ہے۔\""],
        "ur",
    );
    assert_eq!(pairs(&ur), [("Khawaja Asif", "سرحد پر صورتحال کشیدہ ہے۔")]);
    let ar = run(
        &["وقال الأمين العام أنطونيو غوتيريش: «نحن قلقون من الوضع الإنساني.»"],
        "ar",
    );
    assert_eq!(
        pairs(&ar),
        [("António Guterres", "نحن قلقون من الوضع الإنساني.")]
    );
}

#[test]
fn scare_quotes_titles_and_unattributed_words_are_not_quotes() {
    let q = run(
        &[
            "The so-called “moral police” patrol the markets, residents say.",
            "A documentary titled “The Girls Who Kept Learning In Secret” premiered in Geneva.",
            "A banner at the gate read “Education is the light of the nation” in Pashto.",
            "Elders called the decision “temporary” and “a mistake we regret”.",
        ],
        "en",
    );
    assert!(q.is_empty(), "{q:#?}");
}

#[test]
fn straight_single_and_low_marks() {
    let q = run(
        &[
            "\"Most of them were deported without their belongings,\" said Abdul Basir Ahmadzai.",
            "‘I teach forty girls every evening,’ Amina Stanekzai said.",
            "„We will not abandon the Afghan people,“ Markus Potzel said.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [
            (
                "Abdul Basir Ahmadzai",
                "Most of them were deported without their belongings"
            ),
            ("Amina Stanekzai", "I teach forty girls every evening"),
            ("Markus Potzel", "We will not abandon the Afghan people"),
        ]
    );
}

#[test]
fn an_unnamed_speaker_gets_no_quote() {
    let q = run(
        &[
            "Nooruddin Azizi spoke about prices in Kabul.",
            "“A sack now costs more than a labourer earns,” a shopkeeper said.",
        ],
        "en",
    );
    assert!(q.is_empty(), "{q:#?}");
}

#[test]
fn urdu_pronoun_before_and_name_after_the_quotation() {
    let q = run(
        &[
            "صوبائی وزیر صحت نادیہ کاظمی نے پیر کو پشاور میں کہا کہ نئے اسپتال اگلے سال کھلیں گے۔",
            "انہوں نے کہا: “ہم ہر ضلع میں ایک نیا مرکز بنائیں گے۔”",
            "“ہمارے پاس ڈاکٹروں کی شدید کمی ہے،” طارق محمود نے کہا۔",
        ],
        "ur",
    );
    assert_eq!(
        pairs(&q),
        [
            ("نادیہ کاظمی", "ہم ہر ضلع میں ایک نیا مرکز بنائیں گے۔"),
            ("طارق محمود", "ہمارے پاس ڈاکٹروں کی شدید کمی ہے"),
        ]
    );
}

#[test]
fn arabic_verb_first_with_an_addressee_and_a_bare_continuation() {
    let q = run(
        &[
            "قال وزير الزراعة خالد السعدي يوم الأحد إن المحصول سيتضاعف.",
            "وقال السعدي للصحفيين: «سنوزع البذور على المزارعين قبل الربيع.»",
            "وأضاف: «نحتاج إلى مزيد من قنوات الري في الشمال.»",
        ],
        "ar",
    );
    assert_eq!(q.len(), 2, "{q:#?}");
    assert!(q.iter().all(|q| q.speaker == "خالد السعدي"), "{q:#?}");
}

#[test]
fn pashto_speaker_unknown_to_the_gazetteer_after_a_role() {
    let q = run(
        &["د روغتیا وزارت ویاند عبدالحکیم نوري وویل: «موږ په دې اونۍ کې نوي کلینیکونه پرانیزو.»"],
        "ps",
    );
    assert_eq!(pairs(&q).len(), 1, "{q:#?}");
    assert_eq!(q[0].speaker, "عبدالحکیم نوري");
}

#[test]
fn dari_quotation_before_its_speaker_and_a_role() {
    let q = run(
        &["«ما تا هنوز هیچ کمکی دریافت نکرده‌ایم»، فرید احمدی، یک دهقان در بلخ، به خبرنگاران گفت."],
        "fa",
    );
    assert_eq!(
        pairs(&q),
        [("فرید احمدی", "ما تا هنوز هیچ کمکی دریافت نکرده‌ایم")]
    );
}

#[test]
fn a_name_after_a_long_title_takes_the_role_and_the_pronoun() {
    let q = run(
        &[
            "Deputy Minister of Higher Education Khalilullah Sadiqi visited Herat University on Sunday.",
            "The Deputy Minister of Higher Education said: “We will reopen three faculties this year.”",
            "Sadiqi, 52, said funding was still short. “We need more lecturers,” he added.",
        ],
        "en",
    );
    assert_eq!(q.len(), 2, "{q:#?}");
    assert!(
        q.iter().all(|q| q.speaker == "Khalilullah Sadiqi"),
        "{q:#?}"
    );
}

#[test]
fn the_group_qualified_by_a_word_of_its_name() {
    let q = run(
        &[
            "The United Nations High Commissioner for Refugees met Taliban officials in Kabul.",
            "In a statement, the refugee agency said: “Returnees need shelter before the snow.”",
        ],
        "en",
    );
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(
        q[0].speaker,
        "United Nations High Commissioner for Refugees"
    );
}

#[test]
fn an_arabic_speaker_with_a_long_role_before_the_marks() {
    let q = run(
        &[
            "وقالت سلمى حداد، المتحدثة باسم برنامج الأغذية العالمي في أفغانستان، أمام الصحفيين في كابول: «لم نعد قادرين على إطعام كل المحتاجين.»",
            "وأضافت: «نحتاج إلى تمويل عاجل قبل الشتاء.»",
        ],
        "ar",
    );
    assert_eq!(q.len(), 2, "{q:#?}");
    assert!(q.iter().all(|q| q.speaker == "سلمى حداد"), "{q:#?}");
}

#[test]
fn a_quotation_split_by_its_attribution_is_one() {
    let q = run(
        &[
            "Farid Noorzai, the mayor of Charikar, opened the new market on Sunday.",
            "“The stalls are ready,” Noorzai said, “and the traders can move in next week.”",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Farid Noorzai",
            "The stalls are ready, and the traders can move in next week."
        )]
    );
    // A full stop ends the first quotation: two quotations.
    let q = run(
        &["“The stalls are ready,” Farid Noorzai said. “The traders can move in next week.”"],
        "en",
    );
    assert_eq!(q.len(), 2);
    // Dari: «…»، X گفت، «…»
    let q = run(
        &[
            "احمد کریمی، سخنگوی شاروالی، امروز صحبت کرد.",
            "«بازار تازه آماده است»، کریمی گفت، «و دکانداران هفته آینده می‌آیند.»",
        ],
        "fa",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].quote,
        "بازار تازه آماده است و دکانداران هفته آینده می‌آیند."
    );
}

#[test]
fn the_answers_of_an_interview_transcript_are_the_interviewees() {
    let q = run(
        &[
            "Parwin Haidari teaches mathematics in an online school. We asked her about her students.",
            "Q: How many students do you have?",
            "A: About thirty girls join every evening from four provinces.",
            "Q: Is it safe?",
            "A: Nobody is safe, but the lessons go on anyway.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [
            (
                "Parwin Haidari",
                "About thirty girls join every evening from four provinces."
            ),
            (
                "Parwin Haidari",
                "Nobody is safe, but the lessons go on anyway."
            ),
        ]
    );
    // An answer marker without questions is no transcript.
    let q = run(
        &[
            "Parwin Haidari teaches online.",
            "A: the first letter of the alphabet is taught early.",
        ],
        "en",
    );
    assert!(q.is_empty());
}

#[test]
fn double_marks_nested_in_british_single_ones() {
    let q = run(
        &[
            "The nurse, Laila Rahmani, said: ‘A guard shouted, “Close the gate,” and the patients waited outside.’",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Laila Rahmani",
            "A guard shouted, “Close the gate,” and the patients waited outside."
        )]
    );
}

#[test]
fn a_quotation_attributed_by_according_to_after_it() {
    let q = run(
        &[
            "Hamida Noori, a nurse in Faryab, has worked at the clinic for six years.",
            "“We have run out of vaccines for the children,” according to Noori.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Hamida Noori",
            "We have run out of vaccines for the children"
        )]
    );
}

#[test]
fn a_paragraph_ending_with_a_colon_introduces_the_quotation_below() {
    let q = run(
        &[
            "Rahmatullah Farhang, the head of the traders’ union, met the governor of Balkh on Sunday.",
            "Ahmad Zia Barakzai, a farmer in Balkh, said:",
            "“The price of wheat seed has doubled since the autumn and nobody can pay it.”",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Ahmad Zia Barakzai",
            "The price of wheat seed has doubled since the autumn and nobody can pay it."
        )]
    );
}

#[test]
fn according_to_in_dari_and_pashto() {
    let q = run(
        &[
            "نجیب‌الله صافی، رئیس شفاخانه ولایتی غور، از کمبود دارو خبر داد.",
            "به گفته صافی، «ما برای زمستان هیچ ذخیره دارو نداریم.»",
        ],
        "fa",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, "نجیب‌الله صافی");
    let q = run(
        &[
            "ګل احمد ستانکزی د لوګر د کروندګرو د اتحادیې مشر دی.",
            "«سږ کال باران لږ و او د غنمو حاصل نیمایي شو»، د ګل احمد ستانکزی په وینا.",
        ],
        "ps",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, "ګل احمد ستانکزی");
}

#[test]
fn arabic_verbs_that_continue_and_point() {
    let q = run(
        &[
            "قال وزير النقل ياسر الخطيب يوم الاثنين إن الطريق إلى الحدود سيفتح قريبا.",
            "وتابع الخطيب: «سنفتح المعابر أمام الشاحنات خلال أيام.»",
            "وأشار الخطيب إلى أن «الشتاء هذا العام كان أقسى من المعتاد.»",
        ],
        "ar",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|q| q.speaker == "ياسر الخطيب"), "{q:?}");
}

#[test]
fn a_phrase_quoted_inside_reported_speech_is_no_quotation() {
    let q = run(
        &[
            "Governor Asadullah Rahimi said the province would “not accept any delay” in the payments.",
            "Rahimi said the talks with the traders were “a waste of everyone’s time”.",
            "Rahimi described the new market as “a gift to the farmers of the valley”.",
            // Full stop inside the marks or not, the reporter's sentence
            // runs on into them.
            "He said the harvest was “better than anyone expected this spring.”",
        ],
        "en",
    );
    let got: Vec<&str> = q.iter().map(|q| q.quote.as_str()).collect();
    assert_eq!(got, ["a gift to the farmers of the valley"]);
    let q = run(
        &["وقال المتحدث باسم الوزارة أحمد سليم إن الحكومة «لن تقبل أي تأخير في الدفع»."],
        "ar",
    );
    assert!(q.is_empty(), "{q:#?}");
}

#[test]
fn an_arabic_report_speaks_for_its_publisher() {
    let q = run(
        &[
            "أصدر برنامج الأغذية العالمي تقريرا جديدا يوم الأحد عن الأمن الغذائي.",
            "وجاء في التقرير: «الأسر في المناطق الريفية لا تجد ما يكفي من الطعام.»",
        ],
        "ar",
    );
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].speaker, "World Food Programme");
}

#[test]
fn an_urdu_speaker_of_three_words_after_a_role() {
    let q = run(
        &[
            "صوبائی وزیر صحت ملک اکرم بھٹی نے کہا: “ہسپتالوں میں ادویات کی کمی جلد پوری کی جائے گی۔”",
        ],
        "ur",
    );
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].speaker, "ملک اکرم بھٹی");
}

#[test]
fn a_statement_quoted_at_length_without_reopening_marks_is_one_quote() {
    let q = run(
        &[
            "وزارت صحت عامه روز دوشنبه با نشر اعلامیه‌ای شیوع وبا را تأیید کرد. در این اعلامیه آمده است:",
            "«تیم‌های ما در سه ولسوالی مستقر شده‌اند و آب آشامیدنی پاک توزیع می‌کنند.",
            "از مردم می‌خواهیم که آب را پیش از نوشیدن بجوشانند.»",
            "یک داکتر محلی گفت که شفاخانه پر است.",
        ],
        "fa",
    );
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].speaker, "Ministry of Public Health");
    assert!(q[0].quote.starts_with("تیم‌های ما"), "{}", q[0].quote);
    assert!(q[0].quote.ends_with("بجوشانند."), "{}", q[0].quote);
    // An English one, and a quotation after it stays apart.
    let q = run(
        &[
            "In a statement, Layla Farzan, who chairs the relief committee, said:",
            "“The trucks left Kabul at dawn with flour and blankets.",
            "Two more convoys will follow this week.” Later, “We expect delays at the pass,” Farzan said.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [
            (
                "Layla Farzan",
                "The trucks left Kabul at dawn with flour and blankets. Two more convoys will follow this week."
            ),
            ("Layla Farzan", "We expect delays at the pass"),
        ]
    );
}

#[test]
fn a_report_is_its_publishers_not_the_owner_named_after_it() {
    // "وزارت اقتصاد طالبان": the ministry publishes; the Taliban own it.
    let q = run(
        &[
            "وزارت اقتصاد طالبان با نشر گزارشی از افزایش بیکاری خبر داد. در این گزارش آمده است: «بیش از نیمی از کارگران روزمزد بیکار شده‌اند.»",
        ],
        "fa",
    );
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].speaker, "Ministry of Economy");
    let q = run(
        &[
            "The Taliban's Ministry of Economy said in a report on Sunday that jobs were scarce.",
            "“Day labourers have lost most of their income,” the report reads.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Ministry of Economy",
            "Day labourers have lost most of their income"
        )]
    );
}

#[test]
fn turns_opened_by_a_persons_name_are_that_persons_quotations() {
    let q = run(
        &[
            "Habiba Sarwari ran a tailoring school in Kunduz until last spring. Kabul Monitor asked her what comes next.",
            "Kabul Monitor: Where do your students work now?",
            "Sarwari: Most of them sew at home and sell to neighbours. Some earn nothing at all.",
            "Kabul Monitor: Will you reopen?",
            "Sarwari: Only if the order changes. I keep the machines oiled.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [
            (
                "Habiba Sarwari",
                "Most of them sew at home and sell to neighbours. Some earn nothing at all."
            ),
            (
                "Habiba Sarwari",
                "Only if the order changes. I keep the machines oiled."
            ),
        ]
    );
    // One paragraph opened by a name and a colon is no transcript.
    let q = run(
        &["Kunduz: Habiba Sarwari closed her school after the order came."],
        "en",
    );
    assert!(q.is_empty(), "{q:#?}");
}

#[test]
fn one_word_names_in_apposition_or_after_a_quotation_speak() {
    // A given name alone between commas, then "هغه وویل" (Pashto).
    let q = run(
        &[
            "یو بزګر، نورالله، چې په کندز کې اوسېږي، وايي چې سیلاب یې کروندې وړې دي. هغه وویل: «زموږ ټول غنم له منځه لاړل او اوس د ژمي لپاره هیڅ نه لرو.»",
        ],
        "ps",
    );
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].speaker, "نورالله");
    // A name between the closing mark and the verb (Dari).
    let q = run(&["«ما سه روز است که نان نخورده‌ایم»، نجیب‌الله گفت."], "fa");
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].speaker, "نجیب‌الله");
    // A feminine pronoun after the quotation (Pashto).
    let q = run(
        &[
            "د کلي یوه ښوونکې، مریم، وايي چې نجونې کور کې درس وايي. «موږ کتابونه نه لرو، خو زده کړه نه پرېږدو»، هغې وویل.",
        ],
        "ps",
    );
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].speaker, "مریم");
}

#[test]
fn a_bench_speaks_for_its_court_and_an_urdu_pronoun_before_ne() {
    let q = run(
        &[
            "لاہور: لاہور ہائی کورٹ نے کسانوں کی درخواست پر حکومت سے جواب طلب کر لیا۔",
            "تین رکنی بینچ نے اپنے حکم میں کہا: “زمین کے مالکان کو سنے بغیر کوئی کارروائی نہیں ہو سکتی۔”",
            "کسانوں کے وکیل نعیم اللہ بھٹی نے عدالت کو بتایا کہ فصلیں تباہ ہو چکی ہیں۔ عدالت کے باہر میڈیا سے گفتگو میں انہوں نے کہا: “ہمیں انصاف کی پوری امید ہے۔”",
        ],
        "ur",
    );
    assert_eq!(
        pairs(&q),
        [
            (
                "لاہور ہائی کورٹ",
                "زمین کے مالکان کو سنے بغیر کوئی کارروائی نہیں ہو سکتی۔"
            ),
            ("نعیم اللہ بھٹی", "ہمیں انصاف کی پوری امید ہے۔"),
        ]
    );
}

#[test]
fn words_quoted_at_the_end_of_reported_speech_are_no_quotation() {
    // The reporter's sentence runs on into the marks, even when their
    // full stop ends it.
    let q = run(
        &[
            "Jawed Sultani, a trader in Herat, told Reuters that “the market has never been this quiet in twenty years.”",
            "Sultani said the traders were “waiting for the border to open again.”",
        ],
        "en",
    );
    assert!(q.is_empty(), "{q:#?}");
    // After a colon the same words are his.
    let q = run(
        &[
            "Jawed Sultani, a trader in Herat, said: “the market has never been this quiet in twenty years.”",
        ],
        "en",
    );
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].speaker, "Jawed Sultani");
}

#[test]
fn a_speech_verb_far_before_the_marks_names_the_speaker() {
    let q = run(
        &[
            "Nilofar Rahmani said on Monday, at a gathering of teachers and parents in the provincial capital: “We will open three more classes in the spring.”",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Nilofar Rahmani",
            "We will open three more classes in the spring."
        )]
    );
}

#[test]
fn a_speech_verb_far_after_the_marks_names_the_speaker() {
    let q = run(
        &[
            "“We have no school left in the valley,” the head of the village council in the northern district of Darqad, Sayed Anwar Hashimi, told reporters.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Sayed Anwar Hashimi",
            "We have no school left in the valley"
        )]
    );
}

#[test]
fn a_quotation_of_its_own_takes_the_speaker_of_the_sentence_before() {
    let q = run(
        &[
            "Rahmatullah Noori added that the clinic would reopen in May. “The doctors are ready and the medicine has arrived.”",
            "Shabnam Karimi, a midwife in Herat, was blunt. “Without a clinic, women here give birth on the floor.”",
            "Hamid Sultani told the council that the roads would be repaired before winter.",
            "“Every village will have a road it can use in the snow.”",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [
            (
                "Rahmatullah Noori",
                "The doctors are ready and the medicine has arrived."
            ),
            (
                "Shabnam Karimi",
                "Without a clinic, women here give birth on the floor."
            ),
            (
                "Hamid Sultani",
                "Every village will have a road it can use in the snow."
            ),
        ]
    );
}

#[test]
fn a_quotation_of_its_own_takes_the_speaker_named_after_it() {
    let q = run(
        &[
            "“I only think about the next match and nothing else.” Those were the words of Rashid Amiri to reporters on Sunday.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Rashid Amiri",
            "I only think about the next match and nothing else."
        )]
    );
}

#[test]
fn nearby_evidence_names_no_one_unnamed_or_an_object() {
    let q = run(
        &[
            "A teacher who asked not to be named was blunt. “We have not been paid since March.”",
            "The governor met Abdul Qadir Haqmal on Monday in his office. “The water dispute is older than all of us.”",
        ],
        "en",
    );
    assert!(q.is_empty(), "{q:#?}");
}

#[test]
fn headlines_chants_and_nicknames_are_not_quotes() {
    let q = run(
        &[
            "The front page of the weekly read “Our Teachers Deserve Their Pay Now.”",
            "Protesters chanted “give us our jobs back now” outside the ministry.",
            "Karim Baheer, nicknamed “the man who never sleeps at all,” said nothing.",
            "Laila Haidari, known to her students as “the teacher of the night school,” told reporters she would go on.",
        ],
        "en",
    );
    assert!(q.is_empty(), "{q:#?}");
}

#[test]
fn dari_and_pashto_quotations_of_their_own_after_a_sentence_with_a_speech_verb() {
    let q = run(
        &[
            "نسرین احمدی، مسئول این مکتب، گفت که کلاس‌ها از ماه آینده دوباره باز می‌شوند. «معلمان آماده‌اند و کتاب‌ها هم رسیده است.»",
        ],
        "fa",
    );
    assert_eq!(
        pairs(&q),
        [("نسرین احمدی", "معلمان آماده‌اند و کتاب‌ها هم رسیده است.")]
    );
    let q = run(
        &["ګل احمد وزیري وویل چې سړک به تر ژمي مخکې جوړ شي. «هر کلي ته به د ژمي لپاره لار وي.»"],
        "ps",
    );
    assert_eq!(
        pairs(&q),
        [("ګل احمد وزیري", "هر کلي ته به د ژمي لپاره لار وي.")]
    );
}

#[test]
fn an_arabic_statement_of_the_ministry_named_before() {
    let q = run(
        &[
            "قالت وزارة الزراعة في حكومة طالبان إنها ستوزع البذور على المزارعين. وجاء في بيان الوزارة: «سيحصل كل مزارع على البذور قبل موسم الزراعة.»",
        ],
        "ar",
    );
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].quote, "سيحصل كل مزارع على البذور قبل موسم الزراعة.");
    assert!(
        q[0].speaker.contains("الزراعة") || q[0].speaker.contains("Agriculture"),
        "{q:#?}"
    );
}

#[test]
fn a_pronoun_in_a_few_words_before_the_marks_names_the_speaker() {
    let q = run(
        &[
            "Nasir Mahmood Rahimi teaches economics at a private university in Kabul. In his view, “the market will not recover before the spring.”",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Nasir Mahmood Rahimi",
            "the market will not recover before the spring."
        )]
    );
    let q = run(
        &[
            "نجیب‌الله صافی، استاد دانشگاه، از کاهش کمک‌ها انتقاد کرد. به نظر وی، «بازار پیش از بهار بهبود نمی‌یابد.»",
        ],
        "fa",
    );
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].quote, "بازار پیش از بهار بهبود نمی‌یابد.");
    assert!(q[0].speaker.starts_with("نجیب"), "{q:#?}");
}

#[test]
fn an_urdu_pronoun_after_the_quotation_is_no_name() {
    let q = run(
        &[
            "رکشہ ڈرائیور نور ولی نے بتایا کہ وہ صبح سے قطار میں کھڑا تھا۔ “ہمیں کسی نے کچھ نہیں بتایا کہ سرحد کب کھلے گی،” اس نے کہا۔",
        ],
        "ur",
    );
    assert_eq!(
        pairs(&q),
        [("نور ولی", "ہمیں کسی نے کچھ نہیں بتایا کہ سرحد کب کھلے گی")]
    );
    let p = vec!["“ہمیں کسی نے کچھ نہیں بتایا کہ سرحد کب کھلے گی،” اس نے کہا۔".to_string()];
    let found = entities::find(&p, Some("ur"));
    assert!(found.iter().all(|e| e.name != "اس"), "{found:#?}");
}

#[test]
fn a_pashto_name_of_two_words_in_apposition_speaks() {
    let q = run(
        &["د کلي یو بزګر، ګل آغا، چې باغ یې وچ شوی، وايي: «سږ کال مو هېڅ مېوه نه ده ټوله کړې.»"],
        "ps",
    );
    assert_eq!(
        pairs(&q),
        [("ګل آغا", "سږ کال مو هېڅ مېوه نه ده ټوله کړې.")]
    );
}

#[test]
fn a_possessor_is_not_the_subject_a_pronoun_stands_for() {
    let q = run(
        &[
            "Officials detained Farid Karimzada, a shopkeeper, in March.",
            "Karimzada's sister, Nadia, said she had not seen him since. “They told us nothing about where he is,” she said.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [("Nadia", "They told us nothing about where he is")]
    );
}

#[test]
fn the_aid_group_is_the_organisation_named_before() {
    let q = run(
        &[
            "The Danish Refugee Council said on Monday that 900 families had lost their homes.",
            "In a statement, the aid group said: “These families need shelter before the snow.”",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Danish Refugee Council",
            "These families need shelter before the snow."
        )]
    );
}

#[test]
fn a_dari_answer_is_a_verb_of_saying() {
    let q = run(
        &[
            "محمد نعیم ستانکزی، رئیس معارف غزنی، در یک نشست خبری سخن گفت.",
            "ستانکزی در پاسخ به یک خبرنگار پاسخ داد: «مکتب‌ها هفته آینده باز می‌شوند.»",
        ],
        "fa",
    );
    assert_eq!(
        pairs(&q),
        [("محمد نعیم ستانکزی", "مکتب‌ها هفته آینده باز می‌شوند.")]
    );
}

#[test]
fn lower_case_words_after_a_comma_ending_reported_speech_are_no_quotation() {
    let q = run(
        &[
            "Karim Noori, a trader, said the storm had destroyed 40 shops, “the whole livelihood of the bazaar.”",
        ],
        "en",
    );
    assert!(q.is_empty(), "{q:#?}");
}

#[test]
fn a_sentence_pointing_back_at_the_quotation_names_its_speaker() {
    let q = run(
        &[
            "احمد ولی، فروشنده بازار، گفت: «بازار امسال خوب نیست.»",
            "«قیمت‌ها بالا رفته و مردم پول ندارند.» این را زهرا محمدی، یکی از خریداران، گفت.",
        ],
        "fa",
    );
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(q[1].speaker, "زهرا محمدی");
    let q = run(
        &[
            "ثمینہ بیگ نے کہا: “ہم واپس جانے کے لیے تیار ہیں۔”",
            "“ہمارا گھر ہمیں کون واپس دے گا؟” یہ سوال کابل سے آنے والے نور خان نے کیا۔",
        ],
        "ur",
    );
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(q[1].speaker, "نور خان");
}

#[test]
fn a_role_with_an_adverb_after_it_is_the_person_named_with_it() {
    let q = run(
        &[
            "کریم احمدی، رئیس اتحادیه نانوایان مزار، گفت که قیمت آرد بالا رفته است.",
            "فاطمه رحیمی، یک نانوا، گفت: «ما هر روز کمتر نان می‌فروشیم.»",
            "رئیس اتحادیه نانوایان همچنین گفت: «اگر برق نباشد، تنورها خاموش می‌مانند.»",
        ],
        "fa",
    );
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(q[1].speaker, "کریم احمدی");
}

#[test]
fn a_short_quotation_opening_its_sentence_with_a_speaker_after_it() {
    // Three words, then the spokesman named by his role: a quotation, and
    // the sentence after it goes on in his words.
    let q = run(
        &[
            "Khalid Noori, the district spokesman, said the roads were open.",
            "Noori said two schools had reopened. \"Not enough yet,\" the spokesman said. \"Many villages still have no teacher.\"",
            "Officials had \"no comment\" on the matter.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [
            ("Khalid Noori", "Not enough yet"),
            ("Khalid Noori", "Many villages still have no teacher."),
        ]
    );
}

#[test]
fn a_speaker_the_article_leaves_unnamed_is_nobody() {
    let q = run(
        &[
            "Laila Haidari runs a bakery in Herat. \"We bake for widows first,\" she said.",
            "\"We cannot say more about the closures,\" said the baker, who did not want his name published.",
            "\"The flour is too expensive this winter,\" said a shopkeeper speaking on condition of anonymity.",
        ],
        "en",
    );
    assert_eq!(pairs(&q), [("Laila Haidari", "We bake for widows first")]);
}

#[test]
fn an_arabic_quotation_commented_by_an_activist() {
    // "«…»، هكذا علقت الناشطة الأفغانية X التي …": the activist named after
    // her role and nationality speaks.
    let q = run(
        &[
            "«المدارس يجب أن تفتح أبوابها أمام كل الفتيات»، هكذا علقت الناشطة الأفغانية نرگس رحيمي التي حضرت الاجتماع.",
        ],
        "ar",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, "نرگس رحيمي");
}

#[test]
fn an_arabic_name_after_a_feminine_role_and_its_body_between_commas() {
    let q = run(
        &[
            "وقالت مديرة المكتب في هرات، سلوى العمري، في بيان: «نحتاج إلى المزيد من الخيام.»",
            "وأضافت: «الشتاء قريب والأسر بحاجة إلى البطانيات.»",
        ],
        "ar",
    );
    assert_eq!(
        pairs(&q),
        [
            ("سلوى العمري", "نحتاج إلى المزيد من الخيام."),
            ("سلوى العمري", "الشتاء قريب والأسر بحاجة إلى البطانيات.")
        ]
    );
}

#[test]
fn the_commissioner_stands_for_the_person_named_with_the_role() {
    let q = run(
        &[
            "The provincial commissioner for returnees, Mawlawi Hamidullah Zaki, said the camp was full. \"We have no more room for new families,\" the commissioner said.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [("Hamidullah Zaki", "We have no more room for new families")]
    );
}

#[test]
fn an_arabic_name_after_a_noun_for_the_person_and_who_is() {
    let q = run(
        &[
            "وقال المزارع رحيم، وهو أب لستة أطفال، إنه باع أغنامه. «لم يبق لدينا شيء نأكله هذا الشتاء.»",
        ],
        "ar",
    );
    assert_eq!(pairs(&q), [("رحيم", "لم يبق لدينا شيء نأكله هذا الشتاء.")]);
}

#[test]
fn a_un_agency_publishing_a_report_in_dari_speaks_its_words() {
    let q = run(
        &[
            "وزارت کار و امور اجتماعی اعلام کرد که برنامه ادامه دارد.",
            "سازمان بین‌المللی کار در گزارشی گفته است: «کودکان بیشتری در معادن کار می‌کنند.»",
        ],
        "fa",
    );
    assert_eq!(
        pairs(&q),
        [(
            "International Labour Organization",
            "کودکان بیشتری در معادن کار می‌کنند."
        )]
    );
}

#[test]
fn court_and_sports_roles_stand_for_their_person() {
    let q = run(
        &[
            "The presiding judge, Qazi Habibullah Noori, rejected the request for bail.",
            "Defence lawyers objected. “The accused has a right to see the evidence,” one said.",
            "“The evidence will be shown at the next hearing,” the judge said.",
            "Bashir Omari, the team's captain, praised the young bowlers. “They kept their nerve,” the captain said.",
        ],
        "en",
    );
    let p = pairs(&q);
    assert!(
        p.contains(&(
            "Habibullah Noori",
            "The evidence will be shown at the next hearing"
        )) || p.contains(&(
            "Qazi Habibullah Noori",
            "The evidence will be shown at the next hearing"
        )),
        "{p:?}"
    );
    assert!(
        p.contains(&("Bashir Omari", "They kept their nerve")),
        "{p:?}"
    );
}

#[test]
fn the_report_is_its_publishers_not_an_organisation_it_speaks_of() {
    let q = run(
        &[
            "Amnesty International said in a report on Monday that prisoners held by the Taliban were beaten.",
            "“Detainees must be allowed to see their families,” the report said.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Amnesty International",
            "Detainees must be allowed to see their families"
        )]
    );
}

#[test]
fn a_pronoun_after_an_unnamed_newcomer_is_nobody_named() {
    let q = run(
        &[
            "“We will appeal,” said Jamshid Hotak, the family's lawyer.",
            "A shopkeeper who watched the hearing said he had lost his savings. “Who will pay us now?” he asked.",
        ],
        "en",
    );
    assert_eq!(pairs(&q), [("Jamshid Hotak", "We will appeal")]);
}

#[test]
fn a_diplomats_title_stands_for_the_last_diplomat_named() {
    let q = run(
        &[
            "Norway's ambassador, Kari Solberg, urged restraint.",
            "Iran's representative, Majid Tavakoli, spoke of refugees. “We have hosted them for forty years,” the ambassador said.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [("Majid Tavakoli", "We have hosted them for forty years")]
    );
}

#[test]
fn urdu_according_to_a_report_is_its_publisher() {
    let q = run(
        &[
            "عالمی ادارہ صحت نے ایک رپورٹ میں کہا ہے کہ ملک میں خسرہ پھیل رہا ہے۔ رپورٹ کے مطابق: «بچوں کو فوری طور پر ٹیکے لگائے جائیں۔»",
        ],
        "ur",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].quote, "بچوں کو فوری طور پر ٹیکے لگائے جائیں۔");
    assert_ne!(q[0].speaker, "");
}

#[test]
fn an_arabic_envoy_and_a_name_with_bin() {
    let q = run(
        &[
            "قال مندوب الكويت، سالم بن خالد العنزي، إن الحوار ضروري.",
            "«لا بديل عن الحل السياسي»، بحسب ما قاله المندوب.",
        ],
        "ar",
    );
    assert_eq!(
        pairs(&q),
        [("سالم بن خالد العنزي", "لا بديل عن الحل السياسي")]
    );
}

#[test]
fn the_judge_is_the_justice_named_not_the_lawyer_she_questioned() {
    let q = run(
        &[
            "Justice Maryam Siddiqui heard the appeal on Monday.",
            "The judge questioned the state counsel, Imran Khattak, about the delay. “We had no instructions,” Khattak said.",
            "“Instructions are not a defence,” the judge said.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [
            ("Imran Khattak", "We had no instructions"),
            ("Maryam Siddiqui", "Instructions are not a defence"),
        ]
    );
}

#[test]
fn a_role_written_differently_the_second_time_finds_its_holder() {
    // Dari: "the head of this network", then the network's full name.
    let q = run(
        &[
            "نرگس صافی، رئیس این شبکه، گفت که ۴۰ زن در این برنامه شرکت کرده‌اند.",
            "حمید نوری، یک تاجر، گفت که بازار کوچک است.",
            "رئیس شبکه زنان کارآفرین افزود: «ما به بازار بیرونی نیاز داریم.»",
        ],
        "fa",
    );
    assert_eq!(pairs(&q), [("نرگس صافی", "ما به بازار بیرونی نیاز داریم.")]);
    // Arabic: "the Uzbek minister" after "the Uzbek energy minister, X".
    let q = run(
        &[
            "وصل وزير الطاقة الأوزبكي، رستم كريموف، إلى كابول يوم الاثنين.",
            "وقال المهندس جاويد سلطاني إن الشبكة قديمة.",
            "وأضاف الوزير الأوزبكي: «سنبدأ العمل قبل الشتاء».",
        ],
        "ar",
    );
    assert_eq!(pairs(&q), [("رستم كريموف", "سنبدأ العمل قبل الشتاء")]);
}

#[test]
fn a_role_opening_the_sentence_before_a_quotation_speaks_it() {
    let q = run(
        &[
            "Amina Sharifi, the deputy head of the chamber, said exports had fallen. Trader Rahim Gul said prices had risen.",
            "The deputy head of the chamber was not convinced. “Promises do not move trucks.”",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [("Amina Sharifi", "Promises do not move trucks.")]
    );
}

#[test]
fn a_bare_role_in_pashto_and_urdu_stands_for_its_holder() {
    let q = run(
        &[
            "د ولسوالۍ محکمې قاضي مولوي عبدالرشید همدرد وویل چې دوسیه بشپړه ده.",
            "د تورن وکیل نصرالله کاکړ وویل چې شاهدان نه دي اورېدل شوي.",
            "قاضي زیاته کړه: «محکمه به د قانون سره سم پرېکړه وکړي.»",
        ],
        "ps",
    );
    assert_eq!(
        pairs(&q),
        [("عبدالرشید همدرد", "محکمه به د قانون سره سم پرېکړه وکړي.")]
    );
    let q = run(
        &[
            "پولیس کے ترجمان عمران شاہ نے بتایا کہ دو ملزمان گرفتار کیے گئے ہیں۔",
            "«تحقیقات جاری ہیں اور مزید گرفتاریاں متوقع ہیں،» ترجمان نے کہا۔",
        ],
        "ur",
    );
    assert_eq!(
        pairs(&q),
        [("عمران شاہ", "تحقیقات جاری ہیں اور مزید گرفتاریاں متوقع ہیں")]
    );
}

#[test]
fn arabic_names_after_a_commissioners_title_and_with_ta_marbuta() {
    let q = run(
        &[
            "قال المفوض السامي لحقوق الإنسان، لوكاس برانت، إن الوضع مقلق.",
            "وقالت المحامية الأفغانية فاطمة حيدري إن المحاكم مغلقة أمام النساء. وأضافت: «لا تستطيع امرأة أن ترفع دعوى».",
            "وقال المفوض السامي: «سنرسل بعثة إلى كابول».",
        ],
        "ar",
    );
    assert_eq!(
        pairs(&q),
        [
            ("فاطمة حيدري", "لا تستطيع امرأة أن ترفع دعوى"),
            ("لوكاس برانت", "سنرسل بعثة إلى كابول"),
        ]
    );
}

#[test]
fn a_pronoun_after_a_role_subject_is_the_person_named_with_the_role() {
    let q = run(
        &[
            "The district education director, Abdul Qahir Sadat, said 20 schools had closed. A UNICEF officer, Maria Lund, said the agency would pay salaries. The director said the ministry had not answered his letters. “If nobody comes by spring, the schools will stay shut,” he said.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Abdul Qahir Sadat",
            "If nobody comes by spring, the schools will stay shut"
        )]
    );
}

#[test]
fn the_report_is_the_accusers_not_the_accuseds() {
    let q = run(
        &[
            "Human Rights Watch on Monday accused Taliban police of beating teachers in Ghor.",
            "The report relies on interviews with pupils. “The teachers were beaten in front of their classes,” the report said.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Human Rights Watch",
            "The teachers were beaten in front of their classes"
        )]
    );
}

#[test]
fn pashto_this_word_was_said_by_x_in_the_same_sentence() {
    let q = run(
        &[
            "د ننګرهار د سوداګرو اتحادیې مشر حاجي امین الله شینواری بیا وايي چې نرخونه لوړ شوي دي. «موږ له لسو کلونو راهیسې همدا بازار چلوو، خو داسې ګرانی مو نه وه لیدلې،» دا خبره امین الله شینواري وکړه.",
        ],
        "ps",
    );
    assert_eq!(
        pairs(&q),
        [(
            "امین الله شینواری",
            "موږ له لسو کلونو راهیسې همدا بازار چلوو، خو داسې ګرانی مو نه وه لیدلې"
        )]
    );
}

#[test]
fn a_pashto_bare_role_before_words_on_the_manner_after_a_sentence_ending_in_wa() {
    let q = run(
        &[
            "د ولسوالۍ محکمې قاضي مولوي نظر محمد حنیفي وویل چې دوسیه بشپړه شوې ده.",
            "د تورن ورور، عبدالباقي ستانکزی، وویل چې دوی به استیناف ته ځي. «موږ ته د شاهدانو د اورېدو وخت رانه کړل شو.»",
            "قاضي په دې اړه وویل چې تورن ته یوه میاشت وخت ورکړل شوی و. «محکمه د ټولو لپاره یو قانون لري.»",
        ],
        "ps",
    );
    assert_eq!(
        pairs(&q),
        [
            (
                "عبدالباقي ستانکزی",
                "موږ ته د شاهدانو د اورېدو وخت رانه کړل شو."
            ),
            ("نظر محمد حنیفي", "محکمه د ټولو لپاره یو قانون لري."),
        ]
    );
}

#[test]
fn an_urdu_assembly_speaker_as_a_role() {
    let q = run(
        &[
            "اسپیکر بابر خان جدون نے اجلاس ملتوی کر دیا۔ «ہم کل دوبارہ اس معاملے پر بات کریں گے،» اسپیکر نے کہا۔",
        ],
        "ur",
    );
    assert_eq!(
        pairs(&q),
        [("بابر خان جدون", "ہم کل دوبارہ اس معاملے پر بات کریں گے")]
    );
}

#[test]
fn a_quotation_after_a_sentence_told_on_someones_word() {
    let q = run(
        &[
            "فریده احمدی، مدیر مکتب، گفت که صنف‌ها دوباره باز شده‌اند. به گفته او، بیشتر شاگردان دختر هستند. «ما کتاب کافی نداریم.»",
        ],
        "fa",
    );
    assert_eq!(pairs(&q), [("فریده احمدی", "ما کتاب کافی نداریم.")]);
    let q = run(
        &[
            "Karim Sadiq runs the only bakery in the village. According to him, flour prices doubled in May. “We bake half of what we used to.”",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [("Karim Sadiq", "We bake half of what we used to.")]
    );
}

#[test]
fn a_quotation_after_the_dateline_named_by_the_next_sentence() {
    let q = run(
        &[
            "BAMIYAN — “The mountain gives us snow, and the snow gives us bread.” That is how Ghulam Sakhi Rezaee, a farmer of 60, explains why he never left the valley.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Ghulam Sakhi Rezaee",
            "The mountain gives us snow, and the snow gives us bread."
        )]
    );
}

#[test]
fn it_wrote_is_the_organisation_named_before() {
    let q = run(
        &[
            "Later the Kabul Football Federation praised the team in a post. “The boys played with their hearts,” it wrote.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Kabul Football Federation",
            "The boys played with their hearts"
        )]
    );
}

#[test]
fn pashto_words_of_x_after_the_quotation() {
    let q = run(
        &[
            "د ولسوالۍ ښاروال حمیدالله ساپی وویل چې سړک جوړیږي.",
            "«که باران ونه شي، کار به په وخت پای ته ورسیږي،» د ساپي خبره ده.",
        ],
        "ps",
    );
    assert_eq!(
        pairs(&q),
        [(
            "حمیدالله ساپی",
            "که باران ونه شي، کار به په وخت پای ته ورسیږي"
        )]
    );
}

#[test]
fn dari_phrase_inside_reported_speech_and_a_name_in_guillemets() {
    let q = run(
        &[
            "مولوی احمدشاه رحیمی گفت فیلم‌هایی که «ضد فرهنگ ملی» باشند نمایش داده نمی‌شوند.",
            "زهرا نوری، مدیر انتشارات «کهکشان»، می‌گوید بازار کند است. «مردم اول نان می‌خرند، بعد کتاب.»",
        ],
        "fa",
    );
    assert_eq!(pairs(&q), [("زهرا نوری", "مردم اول نان می‌خرند، بعد کتاب.")]);
}

#[test]
fn the_group_said_points_at_the_last_organisation_named() {
    let q = run(
        &[
            "Mercy Water Trust, which runs two pumps in Logar, said it had sent its engineers. \"The pumps will not last,\" the group said.",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [("Mercy Water Trust", "The pumps will not last")]
    );
}

#[test]
fn a_relative_in_apposition_is_not_the_speaker() {
    let q = run(
        &["نجیب‌الله، پسر حاجی عبدالقادر، گفت: «خانه ما را آب برد.»"],
        "fa",
    );
    assert_eq!(pairs(&q), [("نجیب‌الله", "خانه ما را آب برد.")]);
    let q = run(
        &["Farid Omari, the son of Nasir Omari, said: \"We lost the orchard.\""],
        "en",
    );
    assert_eq!(pairs(&q), [("Farid Omari", "We lost the orchard.")]);
}

#[test]
fn a_pashto_statement_that_adds_is_its_publishers() {
    let q = run(
        &[
            "د افغانستان لپاره د سویډن کمېټه په یوه اعلامیه کې وايي چې مرستې ووېشل شوې. اعلامیه زیاتوي: «ژمی سخت دی او کورنۍ لا هم مرستې ته اړتیا لري.»",
        ],
        "ps",
    );
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].speaker, "Swedish Committee for Afghanistan", "{q:#?}");
}

#[test]
fn offsets_never_cross_paragraphs() {
    // A paragraph that closes a quotation with a pronoun and a speech
    // verb, then a quotation that opens its paragraph after a direction
    // mark: the speaker is looked for in the paragraph before, whose byte
    // offsets differ from this one's.
    let text = [
        "کریم نوری، مربی تیم، با رادیو صحبت کرد.",
        "او گفت با این میدان و این بازیکنان، جای این تیم در دسته اول است.»",
        "\u{200f}«کار آسانی نیست، ولی اگر بتوانم، خودم را موفق می دانم.»\u{200f}",
    ];
    let q = run(&text, "fa");
    let q: Vec<_> = pairs(&q)
        .into_iter()
        .filter(|(_, quote)| quote.contains("کار آسانی نیست"))
        .collect();
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "کریم نوری");
    // A quotation closed in a later paragraph, "he said" after it.
    let text = [
        "Karim Nouri, the coach, spoke to the radio.",
        "“This season will be hard for all of us.",
        "We have young players and an old pitch,” he said.",
    ];
    let q = run(&text, "en");
    assert_eq!(q.len(), 1, "{:?}", pairs(&q));
    assert_eq!(q[0].speaker, "Karim Nouri");
}

#[test]
fn an_embedded_post_is_a_quotation_of_its_poster() {
    // The extractor writes an embedded post as its words and a last line
    // naming the poster.
    let q = run(
        &[
            "The spokesman announced the closure of the crossing on Friday evening.",
            "The crossing will stay closed until the repairs are finished.\n— Zabihullah Mujahid (@Zabehulah_M33), December 4, 2026",
            "Traders at the crossing were angry.\n— a trader (@trader_kbl), December 4, 2026",
            "The repairs will take a week.\n— Zabihullah Mujahid, December 4, 2026",
        ],
        "en",
    );
    assert_eq!(
        pairs(&q),
        [(
            "Zabihullah Mujahid",
            "The crossing will stay closed until the repairs are finished."
        )]
    );
    assert_eq!(q[0].paragraph, 1);
}
