use std::fs::OpenOptions;
use std::io::Write;

use khabar_archive::ProblemKind;

use crate::{Sample, append, noise, open, records};

fn len(path: &std::path::Path) -> u64 {
    std::fs::metadata(path).unwrap().len()
}

#[test]
fn a_file_cut_mid_response_is_repaired_and_appends_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let (r1, r2, r3) = {
        let a = open(dir.path());
        (
            append(&a, &Sample::new(1, noise(1, 800))),
            append(&a, &Sample::new(2, noise(2, 800))),
            append(&a, &Sample::new(3, noise(3, 800))),
        )
    };
    let path = dir.path().join(&r1.file);
    let request3 = records(&path)[5].0;
    // Cut in the middle of the last response: its request is then dangling too.
    let f = OpenOptions::new().write(true).open(&path).unwrap();
    f.set_len(r3.offset + 100).unwrap();
    drop(f);

    let a = open(dir.path());
    assert_eq!(
        len(&path),
        request3,
        "cut back to the end of the last whole exchange"
    );
    let report = a.verify([&r1, &r2, &r3]);
    assert_eq!(report.ok, 2);
    assert_eq!(report.count(ProblemKind::BadOffset), 1);
    let r4 = append(&a, &Sample::new(4, "after the repair"));
    assert_eq!(r4.file, r1.file);
    assert_eq!(a.read(&r4).unwrap().body, b"after the repair");
    assert!(a.verify([&r1, &r2, &r4]).is_ok());
    let kinds: Vec<String> = records(&path).into_iter().map(|r| r.1).collect();
    assert_eq!(kinds.len(), 7, "{kinds:?}");
}

#[test]
fn a_file_cut_mid_request_is_repaired() {
    let dir = tempfile::tempdir().unwrap();
    let (r1, end1) = {
        let a = open(dir.path());
        let r1 = append(&a, &Sample::new(1, "one"));
        let end1 = len(&dir.path().join(&r1.file));
        append(&a, &Sample::new(2, noise(2, 500)));
        (r1, end1)
    };
    let path = dir.path().join(&r1.file);
    OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(end1 + 20)
        .unwrap();
    let a = open(dir.path());
    assert_eq!(len(&path), end1);
    let r3 = append(&a, &Sample::new(3, "three"));
    assert_eq!(
        records(&path)[3].0,
        end1,
        "the next request starts where the cut was"
    );
    assert!(a.verify([&r1, &r3]).is_ok());
}

#[test]
fn garbage_appended_to_the_newest_file_is_cut() {
    let dir = tempfile::tempdir().unwrap();
    let r1 = append(&open(dir.path()), &Sample::new(1, "one"));
    let path = dir.path().join(&r1.file);
    let good_len = len(&path);
    for garbage in [
        b"garbage that is not gzip\r\n".to_vec(),
        // Looks like a gzip member, is not one.
        [&[0x1f, 0x8b, 0x08, 0x00][..], &noise(7, 300)].concat(),
        vec![0x1f],
    ] {
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(&garbage).unwrap();
        drop(f);
        let a = open(dir.path());
        assert_eq!(len(&path), good_len);
        assert!(a.verify([&r1]).is_ok());
    }
    let a = open(dir.path());
    let r2 = append(&a, &Sample::new(2, "two"));
    assert_eq!(r2.file, r1.file);
    assert!(a.verify([&r1, &r2]).is_ok());
}

#[test]
fn a_file_torn_inside_its_warcinfo_starts_again() {
    let dir = tempfile::tempdir().unwrap();
    let r1 = append(&open(dir.path()), &Sample::new(1, "one"));
    let path = dir.path().join(&r1.file);
    OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(30)
        .unwrap();
    let a = open(dir.path());
    assert_eq!(len(&path), 0);
    let r2 = append(&a, &Sample::new(2, "two"));
    assert_eq!(r2.file, r1.file);
    let kinds: Vec<String> = records(&path).into_iter().map(|r| r.1).collect();
    assert_eq!(kinds, ["warcinfo", "request", "response"]);
    assert_eq!(a.read(&r2).unwrap().body, b"two");
}

#[test]
fn damage_followed_by_intact_records_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (r1, r2, r3) = {
        let a = open(dir.path());
        (
            append(&a, &Sample::new(1, noise(1, 2000))),
            append(&a, &Sample::new(2, "two")),
            append(&a, &Sample::new(3, "three")),
        )
    };
    let path = dir.path().join(&r1.file);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[r1.offset as usize + 10] ^= 0xff; // inside the first response's deflate stream

    // The file still ends with a complete record: it is not torn, nothing
    // is cut and appends go on after it (verify reports the damage).
    std::fs::write(&path, &bytes).unwrap();
    let a = open(dir.path());
    assert_eq!(len(&path), bytes.len() as u64);
    let r4 = append(&a, &Sample::new(4, "four"));
    assert_eq!(r4.file, r1.file);
    let report = a.verify([&r1, &r2, &r3, &r4]);
    assert_eq!((report.ok, report.problems.len()), (3, 1), "{report:?}");
    drop(a);

    // Damage in the middle and a torn tail: cutting at the first damage
    // would lose intact records, so nothing is cut and appends go to a new file.
    let torn = bytes.len() - 5;
    std::fs::write(&path, &bytes[..torn]).unwrap();
    let a = open(dir.path());
    assert_eq!(len(&path), torn as u64, "nothing was cut");
    assert!(a.verify([&r2]).is_ok());
    let r5 = append(&a, &Sample::new(5, "five"));
    assert_ne!(r5.file, r1.file, "appends go to a new file");
    assert!(r5.file.ends_with("-00002.warc.gz"));
    assert!(a.verify([&r2, &r5]).is_ok());
    assert!(!a.verify([&r1]).is_ok());
}
