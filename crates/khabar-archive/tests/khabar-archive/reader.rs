//! Reading WARC files of any crawler: khabar's own, and hand-made ones in
//! the forms other crawlers write (uncompressed, one gzip stream, chunked
//! and gzip-encoded bodies, `resource` and `revisit` records).

use std::io::Write;

use khabar_archive::{WarcResponse, read_warc};

use crate::{Sample, append, open};

fn read_all(path: &std::path::Path) -> (Vec<WarcResponse>, khabar_archive::WarcSummary) {
    let mut got = Vec::new();
    let summary = read_warc(path, |r| got.push(r)).unwrap();
    (got, summary)
}

#[test]
fn khabar_archives_read_back_as_responses() {
    let dir = tempfile::tempdir().unwrap();
    let a = open(dir.path());
    let samples = [
        Sample::new(1, "<html><body><p>Bridge reopens</p></body></html>"),
        Sample::new(2, "<p>کابل — خبرنامه</p>"),
    ];
    for s in &samples {
        append(&a, s);
    }
    let files = a.files().unwrap();
    assert_eq!(files.len(), 1);
    let (got, summary) = read_all(&files[0]);
    // warcinfo + (request + response) × 2.
    assert_eq!(summary.records, 5);
    assert_eq!(summary.responses, 2);
    assert!(summary.unreadable.is_empty());
    for (s, r) in samples.iter().zip(&got) {
        assert_eq!(r.target_uri, s.url);
        assert_eq!(r.status, 200);
        assert_eq!(r.body, s.body);
        assert_eq!(r.date.unwrap(), s.fetched_at);
        assert_eq!(r.media_type().as_deref(), Some("text/html"));
        assert_eq!(r.charset(), Some("utf-8"));
    }
    assert_eq!(got[0].record, 3);
}

/// A record dated 3 January 2025.
fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    khabar_testkit::warc_record(kind, uri, "2025-01-03T06:30:00Z", content_type, block)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// The records a browser-driven crawler writes: information, a request, a
/// chunked and gzip-encoded response, a redirect, a revisit, a resource.
fn foreign_records() -> Vec<Vec<u8>> {
    let page = "<html><body><h1>Flour prices climb</h1><p>Residents say flour costs more.</p></body></html>";
    let gz = gzip(page.as_bytes());
    let mut chunked = Vec::new();
    for part in gz.chunks(10) {
        chunked.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        chunked.extend_from_slice(part);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"windows-1256\"\r\n\
                     Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
        .to_vec();
    http.extend_from_slice(&chunked);
    vec![
        record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        record(
            "request",
            "https://news.example.af/flour",
            "application/http; msgtype=request",
            b"GET /flour HTTP/1.1\r\nHost: news.example.af\r\n\r\n",
        ),
        record(
            "response",
            "<https://news.example.af/flour>",
            "application/http; msgtype=response",
            &http,
        ),
        record(
            "response",
            "https://news.example.af/old",
            "application/http; msgtype=response",
            b"HTTP/1.1 301 Moved Permanently\r\nLocation: /flour\r\n\r\n",
        ),
        record(
            "revisit",
            "https://news.example.af/flour",
            "application/http; msgtype=response",
            b"HTTP/1.1 304 Not Modified\r\n\r\n",
        ),
        record(
            "resource",
            "file:///saved/wheat.html",
            "text/html",
            b"<html><body><p>Wheat arrives.</p></body></html>",
        ),
    ]
}

fn check_foreign(got: &[WarcResponse], summary: &khabar_archive::WarcSummary) {
    assert_eq!(summary.records, 6);
    assert_eq!(summary.responses, 3, "{got:?}");
    assert!(summary.unreadable.is_empty(), "{summary:?}");
    let page = &got[0];
    assert_eq!(page.record, 3);
    assert_eq!(page.target_uri, "https://news.example.af/flour");
    assert_eq!(page.date.unwrap().to_rfc3339(), "2025-01-03T06:30:00+00:00");
    assert!(
        String::from_utf8_lossy(&page.body).starts_with("<html><body><h1>Flour prices climb"),
        "de-chunked and gunzipped"
    );
    assert_eq!(page.charset(), Some("windows-1256"));
    assert_eq!(got[1].status, 301);
    assert_eq!(got[2].status, 200);
    assert_eq!(got[2].target_uri, "file:///saved/wheat.html");
    assert_eq!(got[2].media_type().as_deref(), Some("text/html"));
    assert_eq!(
        got[2].body,
        b"<html><body><p>Wheat arrives.</p></body></html>"
    );
}

#[test]
fn other_crawlers_files_are_read_in_each_compression() {
    let dir = tempfile::tempdir().unwrap();
    let records = foreign_records();
    let plain: Vec<u8> = records.concat();
    let per_record: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    let whole = gzip(&plain);
    for (name, bytes) in [
        ("plain.warc", &plain),
        ("per-record.warc.gz", &per_record),
        ("whole.warc.gz", &whole),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (got, summary) = read_all(&path);
        check_foreign(&got, &summary);
    }
}

#[test]
fn a_damaged_file_is_an_error_naming_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let records = foreign_records();
    // Cut inside the fourth record: the three before it are given.
    let mut cut = records[..3].concat();
    cut.extend_from_slice(&records[3][..records[3].len() - 20]);
    let path = dir.path().join("cut.warc");
    std::fs::write(&path, &cut).unwrap();
    let mut got = Vec::new();
    let err = read_warc(&path, |r| got.push(r)).unwrap_err();
    assert_eq!(err.record, Some(4));
    assert!(
        err.to_string()
            .contains("cut.warc: record 4: the file ends inside the record"),
        "{err}"
    );
    assert_eq!(got.len(), 1);

    let html = dir.path().join("page.warc");
    std::fs::write(&html, "<!DOCTYPE html><p>not a WARC</p>").unwrap();
    let err = read_warc(&html, |_| {}).unwrap_err();
    assert!(
        err.to_string().contains("record 1: not a WARC record"),
        "{err}"
    );

    let empty = dir.path().join("empty.warc.gz");
    std::fs::write(&empty, gzip(b"")).unwrap();
    let err = read_warc(&empty, |_| {}).unwrap_err();
    assert!(
        err.to_string().contains("empty.warc.gz: the file is empty"),
        "{err}"
    );

    let missing = dir.path().join("missing.warc");
    let err = read_warc(&missing, |_| {}).unwrap_err();
    assert!(
        err.to_string().contains("missing.warc: cannot open"),
        "{err}"
    );
    assert_eq!(err.record, None);
}

#[test]
fn an_undecodable_body_is_reported_and_the_rest_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = foreign_records();
    let mut http =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n".to_vec();
    http.extend_from_slice(&[0x1b, 0x30, 0x00, 0xf8, 0x8d, 0x94, 0x6e, 0x00]);
    records.insert(
        1,
        record(
            "response",
            "https://news.example.af/br",
            "application/http; msgtype=response",
            &http,
        ),
    );
    let path = dir.path().join("br.warc");
    std::fs::write(&path, records.concat()).unwrap();
    let (got, summary) = read_all(&path);
    assert_eq!(got.len(), 3);
    assert_eq!(summary.unreadable.len(), 1);
    assert_eq!(summary.unreadable[0].0, 2);
    assert!(summary.unreadable[0].1.contains("\"br\""), "{summary:?}");
}

#[test]
fn a_copied_response_reads_back_verifies_and_survives_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("browsertrix.warc.gz");
    let records: Vec<u8> = foreign_records().iter().flat_map(|r| gzip(r)).collect();
    std::fs::write(&source, records).unwrap();
    let (got, _) = read_all(&source);
    let page = &got[0];
    assert_eq!(
        page.record_id.as_deref(),
        Some("<urn:uuid:00000000-0000-4000-8000-000000000000>")
    );

    let archive_dir = dir.path().join("archive");
    let a = open(&archive_dir);
    let now = chrono::Utc::now();
    let r = a.append_copy(page, "browsertrix.warc.gz", now).unwrap();
    let copy = a.read(&r).unwrap();
    assert_eq!(copy.target_uri, "https://news.example.af/flour");
    // The original fetch time, not the time of the copy.
    assert_eq!(copy.date.to_rfc3339(), "2025-01-03T06:30:00+00:00");
    assert_eq!(copy.status, 200);
    assert_eq!(copy.body, page.body);
    assert_eq!(
        copy.copied_from.as_deref(),
        Some("browsertrix.warc.gz record 3")
    );
    // The body is stored decoded: the wire headers are kept renamed.
    assert_eq!(copy.header("Content-Encoding"), None);
    assert_eq!(copy.header("X-Khabar-Orig-Content-Encoding"), Some("gzip"));
    assert_eq!(
        copy.header("Content-Type"),
        Some("text/html; charset=\"windows-1256\"")
    );
    assert!(a.verify([&r]).is_ok());

    // A resource record (no web address) is refused, nothing written.
    let len = std::fs::metadata(&a.files().unwrap()[0]).unwrap().len();
    assert!(matches!(
        a.append_copy(&got[2], "browsertrix.warc.gz", now),
        Err(khabar_archive::Error::BadExchange { .. })
    ));
    assert_eq!(
        std::fs::metadata(&a.files().unwrap()[0]).unwrap().len(),
        len
    );

    // A copy is a response without its request: the archive reopens after
    // it without cutting anything, and appends follow it.
    drop(a);
    let a = open(&archive_dir);
    assert_eq!(a.read(&r).unwrap().body, page.body);
    let s = crate::Sample::new(7, "<p>after the copy</p>");
    let r2 = append(&a, &s);
    assert!(r2.offset > r.offset);
    assert!(a.verify([&r, &r2]).is_ok());
    // Any reader sees the copy as a response with its source's date.
    let (again, summary) = read_all(&a.files().unwrap()[0]);
    assert_eq!(summary.responses, 2);
    assert_eq!(again[0].date, page.date);
    assert_eq!(again[0].body, page.body);
}

#[test]
fn the_archives_own_files_list_their_responses_with_the_refs_appends_gave() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("browsertrix.warc.gz");
    let records: Vec<u8> = foreign_records().iter().flat_map(|r| gzip(r)).collect();
    std::fs::write(&source, records).unwrap();
    let (foreign, _) = read_all(&source);

    let a = open(&dir.path().join("archive"));
    let first = append(&a, &crate::Sample::new(1, "<p>first</p>"));
    let copy = a
        .append_copy(&foreign[0], "browsertrix.warc.gz", chrono::Utc::now())
        .unwrap();
    let last = append(&a, &crate::Sample::new(2, "<p>دوم</p>"));
    let name = &first.file;
    let listed = a.responses_in(name).unwrap();
    assert_eq!(
        listed.iter().map(|s| &s.archive_ref).collect::<Vec<_>>(),
        [&first, &copy, &last]
    );
    // Numbered as read_warc numbers the responses it hands over.
    let (read, _) = read_all(&a.dir().join(name));
    assert_eq!(
        listed
            .iter()
            .map(|s| (s.record, s.target_uri.as_str()))
            .collect::<Vec<_>>(),
        read.iter()
            .map(|r| (r.record, r.target_uri.as_str()))
            .collect::<Vec<_>>()
    );
    assert!(a.verify(listed.iter().map(|s| &s.archive_ref)).is_ok());

    // Not a file of the folder; a file gzipped as one stream.
    assert!(matches!(
        a.responses_in("../browsertrix.warc.gz"),
        Err(khabar_archive::Error::Record { .. })
    ));
    let whole = dir.path().join("archive/whole.warc.gz");
    std::fs::write(&whole, gzip(&foreign_records().concat())).unwrap();
    let e = a.responses_in("whole.warc.gz").unwrap_err().to_string();
    assert!(e.contains("whole.warc.gz"), "{e}");
}
