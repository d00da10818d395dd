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
