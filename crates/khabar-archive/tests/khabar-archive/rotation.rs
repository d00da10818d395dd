use khabar_archive::{Archive, ArchiveOptions};

use crate::{Sample, noise, records};

#[test]
fn files_rotate_at_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let opts = ArchiveOptions {
        max_file_bytes: 8 * 1024,
        prefix: "test".into(),
    };
    let a = Archive::open(dir.path(), opts.clone()).unwrap();
    let samples: Vec<Sample> = (0..20)
        .map(|i| Sample::new(i, noise(i as u64, 1500)))
        .collect();
    let refs: Vec<_> = samples
        .iter()
        .map(|s| a.append(&s.exchange()).unwrap())
        .collect();
    let files = a.files().unwrap();
    assert!(files.len() >= 4, "{files:?}");
    for (i, f) in files.iter().enumerate() {
        let name = f.file_name().unwrap().to_str().unwrap();
        assert!(name.starts_with("test-"), "{name}");
        assert!(name.ends_with(&format!("-{:05}.warc.gz", i + 1)), "{name}");
        assert!(std::fs::metadata(f).unwrap().len() <= opts.max_file_bytes);
        let recs = records(f);
        assert_eq!(recs[0].1, "warcinfo");
        assert!(recs.len() >= 3 && recs.len() % 2 == 1);
    }
    assert!(a.verify(&refs).is_ok());
    for (s, r) in samples.iter().zip(&refs) {
        assert_eq!(a.read(r).unwrap().body, s.body);
    }

    // An exchange larger than the limit gets a file of its own.
    let big = Sample::new(99, noise(99, 20_000));
    let r = a.append(&big.exchange()).unwrap();
    let after = a.append(&Sample::new(100, "small").exchange()).unwrap();
    assert_ne!(r.file, refs.last().unwrap().file);
    assert_ne!(after.file, r.file);
    assert_eq!(records(&dir.path().join(&r.file)).len(), 3);

    // Reopening continues the sequence; files of another prefix are not ours.
    drop(a);
    let other = Archive::open(dir.path(), ArchiveOptions::default()).unwrap();
    assert!(other.files().unwrap().is_empty());
    drop(other);
    let a = Archive::open(dir.path(), opts).unwrap();
    let n = a.files().unwrap().len();
    let big2 = a
        .append(&Sample::new(101, noise(101, 20_000)).exchange())
        .unwrap();
    assert!(
        big2.file.ends_with(&format!("-{:05}.warc.gz", n + 1)),
        "{}",
        big2.file
    );
}

#[test]
fn undo_since_a_mark_takes_back_the_records_and_files_written_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let opts = ArchiveOptions {
        max_file_bytes: 8 * 1024,
        prefix: "test".into(),
    };
    let a = Archive::open(dir.path(), opts.clone()).unwrap();
    let kept: Vec<_> = (0..3)
        .map(|i| {
            a.append(&Sample::new(i, noise(i as u64, 1500)).exchange())
                .unwrap()
        })
        .collect();
    // The archive's files with their sizes.
    let sizes = |a: &Archive| -> Vec<(std::path::PathBuf, u64)> {
        a.files()
            .unwrap()
            .into_iter()
            .map(|f| {
                let len = std::fs::metadata(&f).unwrap().len();
                (f, len)
            })
            .collect()
    };
    let before = sizes(&a);
    let mark = a.mark().unwrap();
    // Enough to fill the marked file and start several more.
    let gone: Vec<_> = (10..30)
        .map(|i| {
            a.append(&Sample::new(i, noise(i as u64, 1500)).exchange())
                .unwrap()
        })
        .collect();
    assert!(a.files().unwrap().len() >= before.len() + 3);
    a.undo_since(&mark).unwrap();
    assert_eq!(sizes(&a), before);
    assert!(a.verify(&kept).is_ok());
    let report = a.verify(&gone);
    assert_eq!(report.problems.len(), gone.len(), "{report:?}");
    // The marked file was left for a new one since the mark: appends go
    // on in a new file, numbered as the first deleted one was, and the
    // archive reopens cleanly.
    let next = a
        .append(&Sample::new(50, "after the undo").exchange())
        .unwrap();
    assert!(
        next.file
            .ends_with(&format!("-{:05}.warc.gz", before.len() + 1)),
        "{}",
        next.file
    );
    drop(a);
    let a = Archive::open(dir.path(), opts).unwrap();
    assert!(a.verify(&kept).is_ok());
    assert_eq!(a.read(&next).unwrap().body, b"after the undo");
    // A mark on the file still appended to: it is cut back and appends go
    // on in it.
    let mark = a.mark().unwrap();
    let n = a.files().unwrap().len();
    a.append(&Sample::new(52, "taken back").exchange()).unwrap();
    a.undo_since(&mark).unwrap();
    let again = a.append(&Sample::new(53, "kept").exchange()).unwrap();
    assert_eq!(again.file, next.file);
    assert_eq!(a.files().unwrap().len(), n);
    assert_eq!(a.read(&again).unwrap().body, b"kept");

    let big = a
        .append(&Sample::new(51, noise(51, 20_000)).exchange())
        .unwrap();
    assert!(
        big.file
            .ends_with(&format!("-{:05}.warc.gz", before.len() + 2)),
        "{}",
        big.file
    );

    // A mark taken before any file: undoing it leaves no file at all.
    let empty = tempfile::tempdir().unwrap();
    let b = Archive::open(empty.path(), ArchiveOptions::default()).unwrap();
    let mark = b.mark().unwrap();
    b.append(&Sample::new(1, "page").exchange()).unwrap();
    b.undo_since(&mark).unwrap();
    assert!(b.files().unwrap().is_empty());
    // Read-only archives have no marks.
    let ro = Archive::open_read_only(dir.path(), ArchiveOptions::default()).unwrap();
    assert!(ro.mark().is_err());
}
