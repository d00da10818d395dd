use std::io::{Read, Write};

use khabar_archive::{Error, ProblemKind};
use khabar_model::ArchiveRef;

use crate::{Sample, append, noise, open};

fn gunzip_member(bytes: &[u8]) -> (Vec<u8>, usize) {
    let mut r = bytes;
    let mut raw = Vec::new();
    flate2::bufread::GzDecoder::new(&mut r)
        .read_to_end(&mut raw)
        .unwrap();
    (raw, bytes.len() - r.len())
}

#[test]
fn verify_finds_flipped_bytes_missing_files_and_bad_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let a = open(dir.path());
    let good: Vec<ArchiveRef> = (0..3)
        .map(|i| append(&a, &Sample::new(i, format!("<p>article {i}</p>"))))
        .collect();
    // The last record gets tampered with twice below.
    let victim = append(&a, &Sample::new(9, noise(9, 3000)));
    let path = dir.path().join(&victim.file);
    let original = std::fs::read(&path).unwrap();
    assert!(a.verify(good.iter().chain([&victim])).is_ok());

    // 1. A byte flipped in the compressed payload: gzip's CRC (or deflate) catches it.
    let mut bytes = original.clone();
    let at = victim.offset as usize + (bytes.len() - victim.offset as usize) / 2;
    bytes[at] ^= 0x20;
    std::fs::write(&path, &bytes).unwrap();
    let report = a.verify(good.iter().chain([&victim]));
    assert_eq!((report.checked, report.ok), (4, 3));
    assert_eq!(report.problems.len(), 1);
    let p = &report.problems[0];
    assert_eq!(p.archive_ref, victim);
    assert!(
        matches!(p.kind, ProblemKind::Corrupt | ProblemKind::DigestMismatch),
        "{p}"
    );

    // 2. A byte flipped in the payload and the member recompressed, so gzip
    // is happy: only the digests can tell.
    let (mut raw, used) = gunzip_member(&original[victim.offset as usize..]);
    assert_eq!(victim.offset as usize + used, original.len());
    let n = raw.len();
    raw[n - 100] ^= 0x01;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(&raw).unwrap();
    let mut bytes = original[..victim.offset as usize].to_vec();
    bytes.extend(enc.finish().unwrap());
    std::fs::write(&path, &bytes).unwrap();
    let report = a.verify(good.iter().chain([&victim]));
    assert_eq!(report.ok, 3);
    assert_eq!(report.count(ProblemKind::DigestMismatch), 1, "{report:?}");
    assert!(
        report.problems[0].detail.contains("hashes to"),
        "{report:?}"
    );
    match a.read(&victim) {
        Err(Error::Record { kind, offset, .. }) => {
            assert_eq!(kind, ProblemKind::DigestMismatch);
            assert_eq!(offset, victim.offset);
        }
        other => panic!("expected a digest mismatch, got {other:?}"),
    }
    // A reference whose hash was changed in the database is caught too.
    std::fs::write(&path, &original).unwrap();
    let lying = ArchiveRef {
        sha256: "00".repeat(32),
        ..good[0].clone()
    };
    assert_eq!(a.verify([&lying]).count(ProblemKind::DigestMismatch), 1);

    // 3. Offsets that do not point at a response record.
    let on_request = ArchiveRef {
        offset: good[1].offset - 1,
        ..good[1].clone()
    };
    let past_end = ArchiveRef {
        offset: original.len() as u64 + 10,
        ..good[1].clone()
    };
    let at_warcinfo = ArchiveRef {
        offset: 0,
        ..good[1].clone()
    };
    let report = a.verify([&on_request, &past_end, &at_warcinfo]);
    assert_eq!(report.count(ProblemKind::BadOffset), 3, "{report:?}");
    assert!(report.problems[2].detail.contains("warcinfo"), "{report:?}");

    // 4. Missing files, and names that try to leave the folder.
    let elsewhere = ArchiveRef {
        file: "khabar-20990101T000000Z-00042.warc.gz".into(),
        ..good[0].clone()
    };
    let escaping = ArchiveRef {
        file: "../khabar-20990101T000000Z-00042.warc.gz".into(),
        ..good[0].clone()
    };
    std::fs::remove_file(&path).unwrap();
    let report = a.verify(good.iter().chain([&victim, &elsewhere, &escaping]));
    assert_eq!(report.checked, 6);
    assert_eq!(report.ok, 0);
    assert_eq!(report.count(ProblemKind::MissingFile), 6);
    let line = report.problems[0].to_string();
    assert!(
        line.contains(&victim.file) && line.contains("missing file"),
        "{line}"
    );
}
