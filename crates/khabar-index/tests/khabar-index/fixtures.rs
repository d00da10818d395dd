//! Synthetic articles, written for these tests.

use chrono::{DateTime, TimeZone, Utc};
use khabar_index::IndexDoc;

pub fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 9, 30, 0).unwrap()
}

pub fn doc(id: u64, title: &str, text: &str) -> IndexDoc {
    IndexDoc {
        id,
        title: title.into(),
        text: text.into(),
        teaser: None,
        outlet: Some("Example Times".into()),
        lang: Some("en".into()),
        topics: vec![],
        entities: vec![],
        speakers: vec![],
        story: None,
        published: at(2024, 6, 1),
    }
}

/// A small corpus in English and Dari with outlets, topics, entities and dates.
pub fn corpus() -> Vec<IndexDoc> {
    let mut a = doc(
        1,
        "Refugees return to Herat",
        "Thousands of refugees crossed the border on Monday. The peace talks continue in Doha.",
    );
    a.topics = vec!["Migration".into()];
    a.entities = vec!["Herat".into(), "UNHCR".into()];
    a.speakers = vec!["Maria Example".into()];
    a.published = at(2024, 6, 1);
    a.story = Some(10);

    let mut b = doc(
        2,
        "Floods in Kabul",
        "Heavy rain flooded the streets of Kabul. A refugee camp was moved.",
    );
    b.outlet = Some("Kabul Daily".into());
    b.topics = vec!["Weather".into()];
    b.entities = vec!["Kabul".into()];
    b.published = at(2024, 6, 3);

    let mut c = doc(
        3,
        "کتاب‌های تازه در کابل",
        "کتابفروشی‌های کابل امروز ۲۵ کتاب تازه را معرفی کردند. مهاجرین نیز آمدند.",
    );
    c.outlet = Some("Kabul Daily".into());
    c.lang = Some("fa-AF".into());
    c.topics = vec!["Culture".into()];
    c.entities = vec!["Kabul".into()];
    c.published = at(2024, 6, 3);

    let mut d = doc(
        4,
        "Election commission meets",
        "The commission discussed the peace process and the election calendar.",
    );
    d.topics = vec!["Politics".into(), "Migration".into()];
    d.entities = vec!["Election Commission".into()];
    d.speakers = vec!["Ahmad Sample".into()];
    d.published = at(2024, 5, 20);
    d.story = Some(10);
    vec![a, b, c, d]
}
