use khabar_archive::{Archive, ArchiveOptions, Error, Exchange};

use crate::{Sample, append, noise, open, records};

#[test]
fn append_then_read_gives_the_exchange_back() {
    let dir = tempfile::tempdir().unwrap();
    let a = open(dir.path());
    let samples = [
        Sample::new(1, "<html><body><p>Hello</p></body></html>"),
        Sample::new(2, "<p>کابل — خبرنامه؛ ‌نیم‌فاصله</p>"),
        Sample::new(3, noise(3, 5000)),
        Sample::new(4, Vec::new()),
    ];
    let refs: Vec<_> = samples.iter().map(|s| append(&a, s)).collect();
    for (s, r) in samples.iter().zip(&refs) {
        let got = a.read(r).unwrap();
        assert_eq!(got.status, 200);
        assert_eq!(got.body, s.body);
        assert_eq!(got.target_uri, s.url);
        assert_eq!(
            got.date, s.fetched_at,
            "WARC-Date keeps sub-second precision"
        );
        assert_eq!(got.ip, Some("203.0.113.9".parse().unwrap()));
        assert_eq!(got.header("content-type"), Some("text/html; charset=utf-8"));
        assert_eq!(got.header("ETag"), s.response_headers[2].1.as_str().into());
        assert_eq!(
            got.header("Content-Encoding"),
            None,
            "the body is stored decoded"
        );
        assert_eq!(got.header("X-Khabar-Orig-Content-Encoding"), Some("gzip"));
        assert_eq!(
            got.header("Content-Length"),
            Some(s.body.len().to_string().as_str())
        );
        assert_eq!(got.payload_sha256, r.sha256);
        assert_eq!(r.sha256.len(), 64);
        assert!(got.record_id.starts_with("<urn:uuid:"));
    }
    assert_eq!(
        refs[3].sha256,
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert!(a.verify(&refs).is_ok());
}

#[test]
fn file_layout_is_warcinfo_then_request_response_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let a = open(dir.path());
    let r1 = append(&a, &Sample::new(1, "one"));
    let r2 = append(&a, &Sample::new(2, "two"));
    let files = a.files().unwrap();
    assert_eq!(files.len(), 1);
    let name = files[0].file_name().unwrap().to_str().unwrap();
    assert_eq!(name, r1.file);
    assert!(
        name.starts_with("khabar-") && name.ends_with("-00001.warc.gz"),
        "{name}"
    );
    assert_eq!(name.len(), "khabar-20261202T051500Z-00001.warc.gz".len());

    let recs = records(&files[0]);
    let kinds: Vec<&str> = recs.iter().map(|(_, k, _)| k.as_str()).collect();
    assert_eq!(
        kinds,
        ["warcinfo", "request", "response", "request", "response"]
    );
    assert!(recs[0].2.contains(&format!("WARC-Filename: {name}")));
    assert_eq!(recs[2].0, r1.offset);
    assert_eq!(recs[4].0, r2.offset);
    // Each record starts with the 1.1 version line and carries its digests;
    // request and response point at each other.
    let id = |head: &str| {
        head.lines()
            .find_map(|l| l.strip_prefix("WARC-Record-ID: "))
            .unwrap()
            .to_string()
    };
    for (_, kind, head) in &recs {
        assert!(head.starts_with("WARC/1.1\r\n"));
        assert!(head.contains("WARC-Block-Digest: sha256:"), "{head}");
        assert_eq!(
            head.contains("WARC-Payload-Digest: sha256:"),
            kind == "response"
        );
    }
    assert!(
        recs[1]
            .2
            .contains(&format!("WARC-Concurrent-To: {}", id(&recs[2].2)))
    );
    assert!(
        recs[2]
            .2
            .contains(&format!("WARC-Concurrent-To: {}", id(&recs[1].2)))
    );
    assert!(recs[2].2.contains("WARC-IP-Address: 203.0.113.9"));
    assert!(
        recs[2]
            .2
            .contains("Content-Type: application/http;msgtype=response")
    );

    let raw = std::fs::read(&files[0]).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::MultiGzDecoder::new(&raw[..]), &mut text)
        .unwrap();
    assert!(text.contains(&format!("software: khabar/{}", env!("CARGO_PKG_VERSION"))));
    assert!(text.contains("GET /2026/12/article-1?id=1 HTTP/1.1\r\nHost: news.example.org\r\n"));
}

#[test]
fn reopening_goes_on_in_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let r1 = append(&open(dir.path()), &Sample::new(1, "one"));
    let a = open(dir.path());
    let r2 = append(&a, &Sample::new(2, "two"));
    assert_eq!(r1.file, r2.file);
    assert!(r2.offset > r1.offset);
    assert_eq!(a.files().unwrap().len(), 1);
    assert!(a.verify([&r1, &r2]).is_ok());
}

#[test]
fn one_writer_per_folder_and_read_only_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let a = open(dir.path());
    let r = append(&a, &Sample::new(1, "one"));
    assert!(matches!(
        Archive::open(dir.path(), ArchiveOptions::default()),
        Err(Error::Locked { .. })
    ));
    let ro = Archive::open_read_only(dir.path(), ArchiveOptions::default()).unwrap();
    assert_eq!(ro.read(&r).unwrap().body, b"one");
    assert!(matches!(
        ro.append(&Sample::new(2, "x").exchange()),
        Err(Error::ReadOnly)
    ));
    drop(a);
    let a = open(dir.path());
    assert!(a.verify([&r]).is_ok());
}

#[test]
fn bad_exchanges_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let a = open(dir.path());
    let s = Sample::new(1, "x");
    let ex = Exchange {
        url: "ftp://example.org/x",
        ..s.exchange()
    };
    let err = a.append(&ex).unwrap_err();
    assert!(err.to_string().contains("ftp://example.org/x"), "{err}");
    assert!(a.files().unwrap().is_empty());
}
