//! Robustness: bad input gives an error or an article, never a panic.

use khabar_extract::{Error, ExtractOptions, extract};

#[test]
fn empty_and_binary_input_are_errors() {
    let o = ExtractOptions::default();
    assert!(matches!(extract(b"", &o), Err(Error::Empty)));
    assert!(matches!(
        extract(b"%PDF-1.7 ...", &o),
        Err(Error::NotHtml(_))
    ));
    assert!(matches!(
        extract(&[0x1f, 0x8b, 8, 0], &o),
        Err(Error::NotHtml(_))
    ));
    assert!(matches!(extract(&[0u8; 64], &o), Err(Error::NotHtml(_))));
}

#[test]
fn broken_html_still_extracts() {
    let o = ExtractOptions {
        url: Some("not a url".into()),
        charset: Some("no-such-charset".into()),
        ..Default::default()
    };
    for html in [
        "<p>unclosed <b>bold <i>italic",
        "<html><body><div><div><div>",
        "plain text, no tags at all",
        "<script>var x = '</div>';</script><p>after script</p>",
        "<svg><p>inside svg</p></svg>",
        "<table><tr><td>cell</td></tr><p>misnested</p></table>",
    ] {
        let a = extract(html.as_bytes(), &o).unwrap();
        let _ = a.text();
        let _ = a.to_draft(None);
    }
}

/// A page nested far deeper than any real one (30,000 elements; 25,000
/// overflowed the 2 MiB stack of a worker thread before the pre-pass cut
/// the nesting) gives its text, on a thread of the default size.
#[test]
fn very_deep_nesting_gives_its_text() {
    let n = 15_000;
    let html = format!(
        "<html><body><article>{}<p>The wells of the lower village were dug this spring, and every \
         family now fetches water within five minutes of home.</p>{}</article></body></html>",
        "<div><section>".repeat(n),
        "</section></div>".repeat(n)
    );
    let a = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || extract(html.as_bytes(), &ExtractOptions::default()).unwrap())
        .unwrap()
        .join()
        .unwrap();
    assert!(
        a.text().contains("within five minutes of home"),
        "{:?}",
        a.text()
    );
}

#[test]
fn random_bytes_never_panic() {
    // A small deterministic generator: no extra dependency.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let pieces: &[&[u8]] = &[
        b"<p>",
        b"</p>",
        b"<div class=share>",
        b"</div>",
        b"<h1>",
        b"<br>",
        b"<script>",
        b"<time datetime=2024-11-11T09:30:00+04:30>",
        b"\xd8\xae\xd8\xa8\xd8\xb1",
        b"\xff\xfe",
        b"<meta charset=windows-1256>",
        b"<!--",
        b"-->",
        b"\x00",
        b"word ",
        b"&amp;",
        b"<",
    ];
    for _ in 0..300 {
        let mut page = Vec::new();
        for _ in 0..40 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            page.extend_from_slice(pieces[(state % pieces.len() as u64) as usize]);
        }
        let _ = extract(&page, &ExtractOptions::default());
    }
}
