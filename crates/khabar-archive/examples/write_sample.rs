//! Writes a small sample archive, for checking the files with other WARC
//! readers (see `eval/warc_interop.py`).
//!
//! `cargo run -p khabar-archive --example write_sample -- DIR [COUNT]` writes
//! COUNT exchanges (default 5) into the archive folder DIR and prints one
//! reference per line: `file<TAB>offset<TAB>sha256<TAB>url`.

use std::io::Write;
use std::path::PathBuf;

use khabar_archive::{Archive, ArchiveOptions, Exchange};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: write_sample DIR [COUNT]")?);
    let count: usize = args.next().map_or(Ok(5), |c| c.parse())?;
    let archive = Archive::open(
        &dir,
        ArchiveOptions {
            // Small files, so that a reader sees several with their warcinfo.
            max_file_bytes: 4 * 1024,
            ..Default::default()
        },
    )?;
    let request_headers = vec![
        ("User-Agent".to_string(), "khabar/0.1 (sample)".to_string()),
        (
            "Accept".to_string(),
            "text/html,application/xml".to_string(),
        ),
    ];
    let mut out = std::io::stdout().lock();
    for i in 0..count {
        let body = match i % 3 {
            0 => {
                format!("<html><body><h1>Article {i}</h1><p>Hello.</p></body></html>").into_bytes()
            }
            1 => format!("<html dir=\"rtl\"><p>خبر شماره {i} — کابل</p></html>").into_bytes(),
            _ => (0..3000u32)
                .map(|x| (x.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
        };
        let response_headers = vec![
            (
                "Content-Type".to_string(),
                "text/html; charset=utf-8".to_string(),
            ),
            ("Content-Encoding".to_string(), "gzip".to_string()),
            ("Content-Length".to_string(), "123".to_string()),
        ];
        let url = format!("https://news.example.org/story/{i}?page=1");
        let r = archive.append(&Exchange {
            url: &url,
            method: "GET",
            request_headers: &request_headers,
            status: if i == 4 { 404 } else { 200 },
            response_headers: &response_headers,
            body: &body,
            fetched_at: chrono::Utc::now(),
            ip: Some(if i % 2 == 0 {
                "192.0.2.10".parse()?
            } else {
                "2001:db8::10".parse()?
            }),
        })?;
        writeln!(out, "{}\t{}\t{}\t{}", r.file, r.offset, r.sha256, url)?;
    }
    Ok(())
}
