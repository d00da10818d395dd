//! Crash safety: the outbox id lives in the commit, upserts never double.

use khabar_index::{Index, Op, SearchRequest};

use crate::fixtures::doc;

#[test]
fn a_batch_without_commit_is_lost_whole_and_replayed_once() {
    let dir = tempfile::tempdir().unwrap();
    {
        let ix = Index::open(dir.path()).unwrap();
        assert_eq!(ix.last_outbox_id().unwrap(), 0);
        ix.apply(&[Op::Upsert(doc(1, "one", "first text"))], 5)
            .unwrap();
        assert_eq!(ix.last_outbox_id().unwrap(), 5);
    }
    let batch = vec![
        Op::Upsert(doc(1, "one, edited", "first text again")),
        Op::Upsert(doc(2, "two", "second text")),
    ];
    {
        let ix = Index::open(dir.path()).unwrap();
        ix.stage(&batch).unwrap();
        // "Crash": the process ends before the commit.
    }
    let ix = Index::open(dir.path()).unwrap();
    assert_eq!(
        ix.last_outbox_id().unwrap(),
        5,
        "the uncommitted batch left no trace"
    );
    assert_eq!(ix.num_docs().unwrap(), 1);
    // The feeder applies the rows after 5 again — twice, as after a second crash
    // between commit and acknowledgement.
    ix.apply(&batch, 7).unwrap();
    ix.apply(&batch, 7).unwrap();
    assert_eq!(ix.last_outbox_id().unwrap(), 7);
    assert_eq!(ix.num_docs().unwrap(), 2);
    let r = ix.search(&SearchRequest::new("first")).unwrap();
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].title, "one, edited");
}

#[test]
fn deletes_remove_and_tolerate_missing_ids() {
    let ix = Index::in_ram().unwrap();
    ix.apply(
        &[
            Op::Upsert(doc(1, "a", "alpha")),
            Op::Upsert(doc(2, "b", "alpha")),
        ],
        2,
    )
    .unwrap();
    ix.apply(&[Op::Delete(1), Op::Delete(99)], 3).unwrap();
    assert_eq!(ix.num_docs().unwrap(), 1);
    assert_eq!(
        ix.search(&SearchRequest::new("alpha")).unwrap().hits[0].id,
        2
    );
}

#[test]
fn a_second_writer_is_told_the_index_is_busy() {
    let dir = tempfile::tempdir().unwrap();
    let a = Index::open(dir.path()).unwrap();
    let b = Index::open(dir.path()).unwrap();
    a.apply(&[Op::Upsert(doc(1, "a", "alpha"))], 1).unwrap();
    let e = b.apply(&[Op::Upsert(doc(2, "b", "beta"))], 2).unwrap_err();
    assert!(matches!(e, khabar_index::Error::Busy { .. }), "{e}");
    // Reading goes on.
    assert_eq!(b.last_outbox_id().unwrap(), 1);
}
