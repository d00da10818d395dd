use std::collections::HashSet;
use std::sync::Arc;

use khabar_archive::{Archive, ArchiveOptions};

use crate::{Sample, noise};

#[test]
fn concurrent_appends_all_verify() {
    let dir = tempfile::tempdir().unwrap();
    let a = Arc::new(
        Archive::open(
            dir.path(),
            ArchiveOptions {
                max_file_bytes: 64 * 1024,
                ..Default::default()
            },
        )
        .unwrap(),
    );
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let a = Arc::clone(&a);
            std::thread::spawn(move || {
                (0..25)
                    .map(|i| {
                        let n = t * 1000 + i;
                        let s = Sample::new(n, noise(n as u64, 100 + 37 * i));
                        (a.append(&s.exchange()).unwrap(), s.body)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let all: Vec<_> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    assert_eq!(all.len(), 100);
    let places: HashSet<_> = all
        .iter()
        .map(|(r, _)| (r.file.clone(), r.offset))
        .collect();
    assert_eq!(places.len(), 100, "every record has its own place");
    assert!(
        a.files().unwrap().len() > 1,
        "rotation happened under contention"
    );
    let report = a.verify(all.iter().map(|(r, _)| r));
    assert!(report.is_ok(), "{:?}", report.problems);
    assert_eq!(report.ok, 100);
    for (r, body) in &all {
        assert_eq!(&a.read(r).unwrap().body, body);
    }
}
