//! Rebuilds: a new generation swapped in while searches go on.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use khabar_index::{Index, Op, SearchRequest};

use crate::fixtures::doc;

fn docs(n: u64, word: &str) -> Vec<khabar_index::IndexDoc> {
    (1..=n)
        .map(|i| {
            doc(
                i,
                &format!("{word} {i}"),
                &format!("common text about {word} number {i}"),
            )
        })
        .collect()
}

#[test]
fn rebuild_swaps_while_searches_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let ix = Arc::new(Index::open(dir.path()).unwrap());
    let old: Vec<Op> = docs(200, "alpha").into_iter().map(Op::Upsert).collect();
    ix.apply(&old, 200).unwrap();
    let old_dir = ix.live_dir().unwrap().unwrap();

    let stop = Arc::new(AtomicBool::new(false));
    let searches = Arc::new(AtomicU64::new(0));
    let reader = {
        let (ix, stop, searches) = (ix.clone(), stop.clone(), searches.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                // Every search sees one whole generation: 200 old or 300 new.
                let r = ix.search(&SearchRequest::new("common")).unwrap();
                assert!(r.total == 200 || r.total == 300, "{}", r.total);
                searches.fetch_add(1, Ordering::Relaxed);
            }
        })
    };
    let n = ix.rebuild_from(docs(300, "beta"), 250).unwrap();
    assert_eq!(n, 300);
    std::thread::sleep(std::time::Duration::from_millis(50));
    stop.store(true, Ordering::Relaxed);
    reader.join().unwrap();
    assert!(searches.load(Ordering::Relaxed) > 0);

    assert_eq!(ix.search(&SearchRequest::new("beta")).unwrap().total, 300);
    assert_eq!(ix.search(&SearchRequest::new("alpha")).unwrap().total, 0);
    assert_eq!(ix.last_outbox_id().unwrap(), 250);
    let new_dir = ix.live_dir().unwrap().unwrap();
    assert_ne!(new_dir, old_dir);
    assert!(!old_dir.exists(), "the old generation is removed");
    // The live index takes writes after the swap.
    ix.apply(&[Op::Upsert(doc(301, "gamma", "common"))], 251)
        .unwrap();
    assert_eq!(ix.num_docs().unwrap(), 301);

    // Reopened, the folder serves the new generation.
    drop(ix);
    let again = Index::open(dir.path()).unwrap();
    assert_eq!(again.num_docs().unwrap(), 301);
    assert_eq!(again.last_outbox_id().unwrap(), 251);
}

#[test]
fn another_handle_follows_the_swap() {
    let dir = tempfile::tempdir().unwrap();
    let builder = Index::open(dir.path()).unwrap();
    let watcher = Index::open(dir.path()).unwrap();
    builder.rebuild_from(docs(10, "delta"), 3).unwrap();
    // The watcher looks at CURRENT at most once a second.
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    assert_eq!(
        watcher.search(&SearchRequest::new("delta")).unwrap().total,
        10
    );
    assert_eq!(watcher.last_outbox_id().unwrap(), 3);
}

#[test]
fn an_abandoned_rebuild_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ix = Index::open(dir.path()).unwrap();
    ix.apply(&[Op::Upsert(doc(1, "kept", "kept"))], 1).unwrap();
    {
        let mut r = ix.rebuild().unwrap();
        r.add(&doc(2, "lost", "lost")).unwrap();
    }
    assert_eq!(ix.search(&SearchRequest::new("kept")).unwrap().total, 1);
    assert_eq!(ix.search(&SearchRequest::new("lost")).unwrap().total, 0);
    // The next rebuild clears the leftover folder and works.
    ix.rebuild_from(docs(3, "fresh"), 9).unwrap();
    let folders = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("index-")
        })
        .count();
    assert_eq!(folders, 1);
}

#[test]
fn an_unreadable_index_is_replaced_by_an_empty_one_to_fill_again() {
    let dir = tempfile::tempdir().unwrap();
    {
        let ix = Index::open(dir.path()).unwrap();
        let ops: Vec<Op> = docs(3, "alpha").into_iter().map(Op::Upsert).collect();
        ix.apply(&ops, 3).unwrap();
        // What an older khabar (or a damaged disk) leaves behind.
        let live = ix.live_dir().unwrap().unwrap();
        std::fs::write(live.join("meta.json"), b"{\"segments\": 7}").unwrap();
    }
    let err = Index::open(dir.path()).unwrap_err();
    assert!(matches!(err, khabar_index::Error::Corrupt { .. }), "{err}");

    let (ix, replaced) = Index::open_or_replace(dir.path()).unwrap();
    assert!(replaced);
    assert_eq!(ix.num_docs().unwrap(), 0);
    assert_eq!(ix.last_outbox_id().unwrap(), 0);
    let ops: Vec<Op> = docs(2, "beta").into_iter().map(Op::Upsert).collect();
    ix.apply(&ops, 9).unwrap();
    drop(ix);
    // Opened again, it is the new generation, readable as usual.
    let (ix, replaced) = Index::open_or_replace(dir.path()).unwrap();
    assert!(!replaced);
    assert_eq!(ix.search(&SearchRequest::new("beta")).unwrap().total, 2);
    assert_eq!(ix.last_outbox_id().unwrap(), 9);
}
