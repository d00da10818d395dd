use std::collections::HashSet;

use khabar_model::{Lang, canonicalize_url};
use khabar_sources::{CATALOG_NAMES, catalog};

#[test]
fn afghanistan_catalog_is_sane() {
    let list = catalog("afghanistan").unwrap();
    assert!(list.len() >= 25, "{}", list.len());
    let mut names = HashSet::new();
    let mut urls = HashSet::new();
    for e in list {
        assert!(
            names.insert(e.name.to_lowercase()),
            "duplicate name {}",
            e.name
        );
        let canonical = canonicalize_url(e.url).unwrap_or_else(|err| panic!("{}: {err}", e.name));
        assert_eq!(canonical, e.url, "{} is not written canonically", e.name);
        assert!(urls.insert(canonical), "duplicate URL {}", e.url);
        let lang: Lang = e.lang.parse().unwrap();
        assert!(matches!(lang.primary(), "en" | "fa" | "ps"), "{}", e.name);
        assert!(!e.note.trim().is_empty(), "{} has no note", e.name);
        if !e.verified {
            assert!(
                e.note.contains("not checked")
                    || e.note.contains("guess")
                    || e.note.contains("unknown")
                    || e.note.contains("not known")
                    || e.note.contains("check"),
                "{}: an unverified entry must say what is uncertain",
                e.name
            );
        }
    }
    for lang in ["en", "fa", "ps"] {
        assert!(
            list.iter().any(|e| e.lang.starts_with(lang)),
            "no {lang} source"
        );
    }
    let sorted: Vec<String> = list.iter().map(|e| e.name.to_lowercase()).collect();
    assert!(sorted.windows(2).all(|w| w[0] < w[1]), "not sorted by name");
}

#[test]
fn unknown_catalogs_are_none() {
    assert!(catalog("atlantis").is_none());
    assert!(catalog("Afghanistan").is_some());
    assert_eq!(CATALOG_NAMES, ["afghanistan"]);
}
