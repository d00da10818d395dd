//! Integration tests for khabar-stories: synthetic articles written for
//! these tests (no real news text), run through the public API.

mod cluster;
mod props;

use chrono::{DateTime, TimeZone, Utc};
use khabar_stories::Doc;

/// A time on 10 November 2024, `h` hours after midnight UTC.
pub fn at(h: i64) -> Option<DateTime<Utc>> {
    Some(Utc.with_ymd_and_hms(2024, 11, 10, 0, 0, 0).unwrap() + chrono::TimeDelta::hours(h))
}

/// An article from an outlet at hour `h`.
pub fn doc(id: &str, outlet: &str, h: i64, title: &str, text: &str) -> Doc {
    Doc {
        title: title.into(),
        text: text.into(),
        published: at(h),
        outlet: Some(outlet.into()),
        ..Doc::new(id)
    }
}
