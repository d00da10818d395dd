//! CLI tests: the built binary run in a temp folder, checking every `--json`
//! contract and every error path a user can hit.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use khabar_testkit::{DIGEST, TempData, warc_record};
use serde_json::Value;

fn khabar(dir: &TempData) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_khabar"));
    c.current_dir(dir.path())
        .env("KHABAR_DATA", dir.data())
        .env_remove("KHABAR_CONFIG")
        .env_remove("KHABAR_LOG");
    c
}

fn run(dir: &TempData, args: &[&str]) -> Output {
    khabar(dir).args(args).output().expect("run khabar")
}

fn ok(dir: &TempData, args: &[&str]) -> String {
    let o = run(dir, args);
    assert!(
        o.status.success(),
        "khabar {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("utf-8 stdout")
}

fn fails(dir: &TempData, args: &[&str]) -> String {
    let o = run(dir, args);
    assert!(!o.status.success(), "khabar {args:?} should fail");
    assert!(o.stdout.is_empty() || !o.stderr.is_empty());
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn jsonl(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn count(dir: &TempData) -> usize {
    jsonl(&ok(dir, &["articles", "--json"])).len()
}

const SUMMARY_FIELDS: &[&str] = &[
    "id",
    "url",
    "source",
    "title",
    "byline",
    "teaser",
    "published_at",
    "lang",
    "topics",
    "story",
];

#[test]
fn init_writes_config_once() {
    let dir = TempData::new();
    let out = ok(&dir, &["init"]);
    assert!(out.contains("khabar.toml"));
    assert!(dir.path().join("khabar.toml").exists());
    assert!(dir.data().join("khabar.db").exists());
    let err = fails(&dir, &["init"]);
    assert!(err.contains("--force"), "{err}");
    ok(&dir, &["init", "--force"]);
}

#[test]
fn digest_import_finds_bylines_teasers_and_is_idempotent() {
    let dir = TempData::new();
    let file = dir.write("in/news.txt", DIGEST);
    let out = ok(
        &dir,
        &[
            "import",
            file.to_str().unwrap(),
            "--source",
            "Synthetic Post",
        ],
    );
    assert!(out.contains("2 new"), "{out}");
    let arts = jsonl(&ok(&dir, &["articles", "--json", "--oldest-first"]));
    assert_eq!(arts.len(), 2);
    for a in &arts {
        for f in SUMMARY_FIELDS {
            assert!(a.get(*f).is_some(), "`{f}` missing from {a}");
        }
    }
    assert_eq!(arts[0]["title"], "Floods close the northern pass");
    assert_eq!(arts[0]["byline"], "JANE DOE");
    assert_eq!(
        arts[0]["teaser"],
        "Traffic is expected to resume within a week."
    );
    assert_eq!(arts[0]["url"], "https://example.org/floods-pass");
    assert_eq!(arts[0]["source"], "Synthetic Post");
    assert_eq!(arts[1]["byline"], "Omar Farouk");
    // Without a teaser of its own, the article gets one picked from its body.
    let picked = arts[1]["teaser"].as_str().expect("a picked teaser");
    let shown: Value =
        serde_json::from_str(&ok(&dir, &["show", &arts[1]["id"].to_string(), "--json"])).unwrap();
    assert!(shown["text"].as_str().unwrap().contains(picked), "{picked}");
    assert_eq!(arts[1]["url"], Value::Null);

    let again = ok(
        &dir,
        &[
            "import",
            file.to_str().unwrap(),
            "--json",
            "--source",
            "Synthetic Post",
        ],
    );
    let again: Value = serde_json::from_str(&again).unwrap();
    assert_eq!(
        (again["inserted"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(2))
    );
    assert_eq!(count(&dir), 2);

    let id = arts[1]["id"].as_i64().unwrap().to_string();
    let shown: Value = serde_json::from_str(&ok(&dir, &["show", &id, "--json"])).unwrap();
    for f in SUMMARY_FIELDS
        .iter()
        .chain(&["text", "entities", "quotes", "figures", "archive"])
    {
        assert!(shown.get(*f).is_some(), "`{f}` missing from show --json");
    }
    assert!(
        shown["text"]
            .as_str()
            .unwrap()
            .contains("Water the seed and wait\nthe tree will keep the gate")
    );
    let text = ok(&dir, &["show", &id]);
    assert!(
        text.starts_with("School garden wins regional prize\n"),
        "{text}"
    );
    let err = fails(&dir, &["show", "9999"]);
    assert!(err.contains("no article with id 9999"), "{err}");
}

#[test]
fn text_digest_reimports_to_the_same_articles() {
    let dir = TempData::new();
    let file = dir.write("news.txt", DIGEST);
    ok(&dir, &["import", file.to_str().unwrap()]);
    let text = ok(&dir, &["digest", "--since", "all"]);
    let exported = dir.write("exported.txt", &text);

    let other = TempData::new();
    ok(&other, &["import", exported.to_str().unwrap()]);
    let strip = |v: Vec<Value>| -> Vec<Value> {
        v.into_iter()
            .map(|mut a| {
                a.as_object_mut().unwrap().remove("id");
                a
            })
            .collect()
    };
    let a = strip(jsonl(&ok(&dir, &["articles", "--json"])));
    let b = strip(jsonl(&ok(&other, &["articles", "--json"])));
    assert_eq!(a, b);
    let show = |d: &TempData, id: &str| -> Value {
        let mut v: Value = serde_json::from_str(&ok(d, &["show", id, "--json"])).unwrap();
        v.as_object_mut()
            .unwrap()
            .retain(|k, _| ["paragraphs", "content_hash", "teaser"].contains(&k.as_str()));
        v
    };
    assert_eq!(show(&dir, "1"), show(&other, "1"));
    assert_eq!(show(&dir, "2"), show(&other, "2"));
}

#[test]
fn digest_formats() {
    let dir = TempData::new();
    let file = dir.write("a.txt", DIGEST);
    ok(&dir, &["import", file.to_str().unwrap()]);
    let evil_file = dir.write(
        "evil.jsonl",
        r#"{"url":"https://example.org/e","title":"Evil <script>alert(1)</script>","text":"x \"onmouseover=alert(1) <img src=x onerror=alert(1)>"}"#,
    );
    ok(&dir, &["import", evil_file.to_str().unwrap()]);

    let md = ok(&dir, &["digest", "--format", "md", "--title", "Morning"]);
    assert!(md.starts_with("# Morning"), "{md}");
    assert!(md.contains("## Floods close the northern pass"));
    let html = ok(&dir, &["digest", "--format", "html"]);
    assert!(
        html.starts_with("<!doctype html>") || html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..40]
    );
    assert!(
        !html.to_lowercase().contains("<script"),
        "script tag leaked into HTML"
    );
    assert!(
        !html.contains("<img"),
        "markup from an article leaked into HTML"
    );
    assert!(html.contains("href=\"https://example.org/floods-pass\""));
    let json: Value = serde_json::from_str(&ok(&dir, &["digest", "--format", "json"])).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 3);
    assert!(json["articles"][0]["text"].is_string());

    let none = run(&dir, &["digest", "--since", "2999-01-01"]);
    assert!(none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("empty"));
    let err = fails(&dir, &["digest", "--since", "yesterday"]);
    assert!(err.contains("not a time"), "{err}");
}

#[test]
fn jsonl_import_keeps_offsets_and_filters() {
    let dir = TempData::new();
    let file = dir.write(
        "feed.jsonl",
        concat!(
            r#"{"id":"a1","url":"https://example.org/a?utm_source=x","title":"Kabul market reopens","text":"First.\n\nSecond.","date":"2024-11-11T09:30:00+04:30","source":"Example Times","lang":"en"}"#, "\n",
            "\n",
            r#"{"id":7,"url":"https://example.org/b","title":"بازار کابل باز شد","text":"متن خبر.","date":"2024-11-12","source":"Kabul Daily","lang":"fa-AF","story":"ignored"}"#, "\n",
        ),
    );
    ok(&dir, &["import", file.to_str().unwrap()]);
    let all = jsonl(&ok(&dir, &["articles", "--json", "--since", "all"]));
    assert_eq!(all.len(), 2);
    let en = jsonl(&ok(&dir, &["articles", "--json", "--lang", "en"]));
    assert_eq!(en.len(), 1);
    assert_eq!(en[0]["published_at"], "2024-11-11T09:30:00+04:30");
    assert_eq!(en[0]["url"], "https://example.org/a?utm_source=x");
    let fa = jsonl(&ok(&dir, &["articles", "--json", "--lang", "fa"]));
    assert_eq!(fa[0]["title"], "بازار کابل باز شد");
    let kd = jsonl(&ok(
        &dir,
        &["articles", "--json", "--source", "kabul daily"],
    ));
    assert_eq!(kd.len(), 1);
    let since = jsonl(&ok(
        &dir,
        &["articles", "--json", "--since", "2024-11-11T06:00:00Z"],
    ));
    assert_eq!(since.len(), 1, "09:30+04:30 is 05:00 UTC, before 06:00 UTC");
    let shown: Value =
        serde_json::from_str(&ok(&dir, &["show", &en[0]["id"].to_string(), "--json"])).unwrap();
    assert_eq!(
        shown["paragraphs"],
        serde_json::json!(["First.", "Second."])
    );
    assert_eq!(shown["external_id"], "a1");
}

fn assert_nothing_imported(dir: &TempData) {
    let o = run(dir, &["articles", "--json"]);
    assert!(o.status.success());
    assert!(o.stdout.is_empty(), "a failed import left articles behind");
}

#[test]
fn bad_input_is_refused_with_file_and_line_and_writes_nothing() {
    let dir = TempData::new();
    let good = dir.write("1-good.txt", DIGEST);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("notes.txt", b"Shopping list\n\nmilk\neggs\n".to_vec(), "neither a digest nor JSONL"),
        ("cut.jsonl", b"{\"url\":\"https://e.org/1\",\"title\":\"T\",\"text\":\"x\"}\n{\"url\":\"https://e.org/2\",\"tit".to_vec(), "line 2"),
        ("latin1.txt", b"Title\n\nCaf\xe9 opens\n\nTitle\nread more\n".to_vec(), "line 3: not valid UTF-8"),
        ("empty.txt", Vec::new(), "empty"),
        ("blank.jsonl", b"  \n\n".to_vec(), "empty"),
        ("mismatch.txt", b"One title\n\nBody text here.\n\nAnother title\nread more\n".to_vec(), "line 5"),
        ("notitle.jsonl", b"{\"url\":\"https://e.org/1\",\"text\":\"x\"}\n".to_vec(), "`title`"),
        ("badurl.jsonl", b"{\"url\":\"ftp://e.org/1\",\"title\":\"T\",\"text\":\"x\"}\n".to_vec(), "line 1"),
        ("baddate.jsonl", b"{\"url\":\"https://e.org/1\",\"title\":\"T\",\"text\":\"x\",\"date\":\"soon\"}\n".to_vec(), "`date`"),
    ];
    for (name, bytes, expect) in cases {
        let bad = dir.write(name, bytes);
        let err = fails(
            &dir,
            &["import", good.to_str().unwrap(), bad.to_str().unwrap()],
        );
        assert!(
            err.contains(name),
            "error for {name} does not name the file: {err}"
        );
        assert!(
            err.contains(expect),
            "error for {name} lacks `{expect}`: {err}"
        );
        assert_nothing_imported(&dir);
    }
    let err = fails(&dir, &["import", "does-not-exist.txt"]);
    assert!(err.contains("does-not-exist.txt"), "{err}");
}

#[test]
fn folders_are_walked_and_unknown_files_skipped() {
    let dir = TempData::new();
    dir.write("in/a/news.txt", DIGEST);
    dir.write(
        "in/b/more.jsonl",
        "{\"url\":\"https://example.org/z\",\"title\":\"Z\",\"text\":\"zed\"}\n",
    );
    dir.write("in/b/picture.png", b"\x89PNG");
    dir.write("in/.hidden/x.txt", "junk");
    let o = run(&dir, &["import", "in", "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        (
            v["files"].as_u64(),
            v["inserted"].as_u64(),
            v["skipped"].as_u64()
        ),
        (Some(2), Some(3), Some(1))
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("picture.png"));
    let err = fails(&dir, &["import", "in/b/picture.png"]);
    assert!(
        err.contains("not valid UTF-8") || err.contains("neither"),
        "{err}"
    );
}

fn http_record(uri: &str, date: &str, status: &str, content_type: &str, body: &str) -> Vec<u8> {
    let block = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n{body}");
    warc_record(
        "response",
        uri,
        date,
        "application/http; msgtype=response",
        block.as_bytes(),
    )
}

/// The `warcinfo` record that opens a crawler's WARC file.
fn warcinfo() -> Vec<u8> {
    warc_record(
        "warcinfo",
        "",
        "2026-01-03T10:45:30Z",
        "application/warc-fields",
        b"software: test\r\n",
    )
}

#[test]
fn warc_files_import_their_article_pages() {
    let dir = TempData::new();
    let text = "<p>کتابخانهٔ عمومی شهر پس از شش ماه کار ترمیمی دوباره به روی خوانندگان باز شد و صدها کتاب تازه به قفسه‌های آن افزوده شده است.</p>\
                <p>مسئول کتابخانه می‌گوید که بخش ویژه‌ای برای کودکان ساخته شده و ساعت‌های کار نیز تا شام تمدید شده است.</p>\
                <p>باشندگان محل از این کار استقبال کرده و می‌گویند که کتابخانه برای جوانان جای آرام و امنی برای درس خواندن است.</p>";
    let dari = format!(
        "<!DOCTYPE html><html lang=\"fa-AF\" dir=\"rtl\"><head><meta charset=\"utf-8\">\
         <title>بازگشایی کتابخانهٔ شهر</title></head><body><article><h1>بازگشایی کتابخانهٔ شهر</h1>\
         <div class=\"post-date\">۳ ساعت پیش</div>{text}</article></body></html>"
    );
    let english = "<!DOCTYPE html><html lang=\"en\"><head><title>Bridge reopens after repairs</title>\
         <link rel=\"canonical\" href=\"https://wire.example.com/bridge\"></head><body><article><h1>Bridge reopens after repairs</h1>\
         <p>The bridge over the river reopened on Monday after six months of repairs, the city council said in a statement.</p>\
         <p>Traffic was light in the morning, but shopkeepers on both banks said they expected their customers to return within weeks.</p>\
         <p>The council said the work cost less than planned and finished two weeks early.</p></article></body></html>";
    // A Pashto page on a site whose template tags every page Persian.
    let pashto = "<!DOCTYPE html><html lang=\"fa-IR\" dir=\"rtl\"><head><meta charset=\"utf-8\">\
         <title>په کابل کې د اوړو بیه لوړه شوې</title></head><body><article><h1>په کابل کې د اوړو بیه لوړه شوې</h1>\
         <p>د کابل یو شمېر اوسېدونکي وايي چې په وروستیو اونیو کې د اوړو بیه بې ساري لوړه شوې او بېوزلې کورنۍ یې د پېرلو توان نه لري.</p>\
         <p>یو دوکاندار وویل چې د اوړو یوه بوجۍ اوس تر دوه نیم زره افغانیو اوښتې او پېرودونکي لږ پېر کوي.</p>\
         <p>د سوداګرۍ وزارت وايي چې د بیو د کنټرول لپاره هڅې کوي او د غنمو نوي کاروانونه په لاره دي.</p></article></body></html>";
    let listing: String = (1..=30)
        .map(|n| format!("<li><a href=\"/news/{n}\">Headline number {n} of the day</a></li>"))
        .collect();
    let listing = format!(
        "<!DOCTYPE html><html><head><title>News</title></head><body><h1>Latest news</h1><ul>{listing}</ul></body></html>"
    );
    let warc = [
        warcinfo(),
        http_record(
            "https://news.example.af/library",
            "2026-01-03T10:45:30Z",
            "200 OK",
            "text/html; charset=utf-8",
            &dari,
        ),
        http_record(
            "https://news.example.org/bridge?utm_source=x",
            "2026-01-02T08:00:00Z",
            "200 OK",
            "text/html",
            english,
        ),
        http_record(
            "https://news.example.af/ps/flour",
            "2026-01-02T08:00:00Z",
            "200 OK",
            "text/html; charset=utf-8",
            pashto,
        ),
        http_record(
            "https://news.example.org/",
            "2026-01-02T08:00:00Z",
            "200 OK",
            "text/html",
            &listing,
        ),
        http_record(
            "https://news.example.org/gone",
            "2026-01-02T08:00:00Z",
            "404 Not Found",
            "text/html",
            english,
        ),
        http_record(
            "https://news.example.org/robots.txt",
            "2026-01-02T08:00:00Z",
            "200 OK",
            "text/plain",
            "User-agent: *",
        ),
    ]
    .concat();
    let path = dir.write("crawl/site.warc", &warc);
    let o = run(&dir, &["import", path.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        (
            v["articles"].as_u64(),
            v["inserted"].as_u64(),
            v["archived"].as_u64()
        ),
        (Some(3), Some(3), Some(3))
    );
    let note = String::from_utf8_lossy(&o.stderr);
    assert!(
        note.contains(
            "7 record(s), 4 HTML page(s) with status 200, 3 article(s); left out: 1 not article(s)"
        ),
        "{note}"
    );
    let list = jsonl(&ok(&dir, &["articles", "--json"]));
    let by_title = |t: &str| {
        let a = list
            .iter()
            .find(|a| a["title"] == t)
            .unwrap_or_else(|| panic!("{t} in {list:?}"));
        let id = a["id"].as_i64().unwrap().to_string();
        serde_json::from_str::<Value>(&ok(&dir, &["show", &id, "--json"])).unwrap()
    };
    // The relative time is counted from the record's WARC-Date, which is
    // also when the article was fetched.
    let a = by_title("بازگشایی کتابخانهٔ شهر");
    assert_eq!(a["published_at"], "2026-01-03T12:15:00+04:30");
    assert_eq!(a["fetched_at"], "2026-01-03T10:45:30+00:00");
    assert_eq!(a["url"], "https://news.example.af/library");
    assert_eq!(a["lang"], "fa-AF");
    // The template's tag yields to the Pashto letters of the text.
    assert_eq!(by_title("په کابل کې د اوړو بیه لوړه شوې")["lang"], "ps");
    // A canonical URL on another site does not replace the fetched one.
    let b = by_title("Bridge reopens after repairs");
    assert_eq!(b["canonical_url"], "https://news.example.org/bridge");
    // Each article's page is copied into khabar's archive, with its
    // original fetch time, and the copy verifies.
    let archived = b["archive"]["file"].as_str().unwrap();
    assert!(archived.starts_with("khabar-"), "{b}");
    let copy = std::fs::read(dir.data().join("archive").join(archived)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::MultiGzDecoder::new(&copy[..]), &mut text)
        .unwrap();
    assert!(
        text.contains("WARC-Date: 2026-01-02T08:00:00Z")
            && text.contains("Khabar-Copied-From: site.warc record 3"),
        "{text}"
    );
    let verify = ok(&dir, &["archive", "verify"]);
    assert!(
        verify.contains("checked 3 archived record(s): 3 ok, 0 problem(s)"),
        "{verify}"
    );
    // The archive's own files are not copied into it again.
    let archive_dir = dir.data().join("archive");
    let own = ok(&dir, &["import", archive_dir.to_str().unwrap(), "--json"]);
    let own: Value = serde_json::from_str(&own).unwrap();
    assert_eq!(own["inserted"].as_u64(), Some(0), "{own}");
    let verify = ok(&dir, &["archive", "verify"]);
    assert!(verify.contains("3 ok"), "{verify}");
    let files = std::fs::read_dir(dir.data().join("archive")).unwrap();
    let records: usize = files
        .filter_map(Result::ok)
        .filter(|f| f.file_name().to_string_lossy().ends_with(".warc.gz"))
        .map(|f| {
            let mut t = String::new();
            let bytes = std::fs::read(f.path()).unwrap();
            std::io::Read::read_to_string(
                &mut flate2::read::MultiGzDecoder::new(&bytes[..]),
                &mut t,
            )
            .unwrap();
            t.matches("WARC-Type: response").count()
        })
        .sum();
    assert_eq!(records, 3);
    // A store rebuilt from the archive alone (the database lost): the
    // articles come back pointed at the records already there, and
    // nothing is copied.
    let rebuilt = TempData::new();
    std::fs::create_dir_all(rebuilt.data().join("archive")).unwrap();
    let mut sizes = Vec::new();
    for f in std::fs::read_dir(&archive_dir)
        .unwrap()
        .filter_map(Result::ok)
    {
        if f.file_name().to_string_lossy().ends_with(".warc.gz") {
            let to = rebuilt.data().join("archive").join(f.file_name());
            std::fs::copy(f.path(), &to).unwrap();
            sizes.push((to, f.metadata().unwrap().len()));
        }
    }
    let rearchive = rebuilt.data().join("archive");
    let back: Value = serde_json::from_str(&ok(
        &rebuilt,
        &["import", rearchive.to_str().unwrap(), "--json"],
    ))
    .unwrap();
    assert_eq!(
        (
            back["inserted"].as_u64(),
            back["archived"].as_u64(),
            back["relinked"].as_u64()
        ),
        (Some(3), Some(0), Some(3)),
        "{back}"
    );
    let verify = ok(&rebuilt, &["archive", "verify"]);
    assert!(
        verify.contains("checked 3 archived record(s): 3 ok, 0 problem(s)"),
        "{verify}"
    );
    for (file, len) in &sizes {
        assert_eq!(std::fs::metadata(file).unwrap().len(), *len, "{file:?}");
    }
    let text = ok(&rebuilt, &["import", rearchive.to_str().unwrap()]);
    assert!(text.contains("3 unchanged"), "{text}");
    assert!(!text.contains("linked"), "linked once only: {text}");
    // With --no-archive, nothing is copied.
    let bare = TempData::new();
    ok(&bare, &["import", path.to_str().unwrap(), "--no-archive"]);
    assert!(!bare.data().join("archive").exists());
    let listed = jsonl(&ok(&bare, &["articles", "--json"]));
    assert_eq!(listed.len(), 3);
    // A folder is walked for WARC files, and importing again adds nothing,
    // to the articles or to the archive.
    let again: Value = serde_json::from_str(&ok(&dir, &["import", "crawl", "--json"])).unwrap();
    assert_eq!(
        (
            again["files"].as_u64(),
            again["inserted"].as_u64(),
            again["unchanged"].as_u64(),
            again["archived"].as_u64()
        ),
        (Some(1), Some(0), Some(3), Some(0))
    );
    let verify = ok(&dir, &["archive", "verify"]);
    assert!(verify.contains("3 ok, 0 problem(s)"), "{verify}");
    // Articles imported without a copy gain one when their file is
    // imported again.
    let later: Value =
        serde_json::from_str(&ok(&bare, &["import", path.to_str().unwrap(), "--json"])).unwrap();
    assert_eq!(
        (later["unchanged"].as_u64(), later["archived"].as_u64()),
        (Some(3), Some(3))
    );
    let verify = ok(&bare, &["archive", "verify"]);
    assert!(verify.contains("3 ok, 0 problem(s)"), "{verify}");
    // A file cut inside a record is refused, naming the record; nothing of
    // it is stored.
    let cut = dir.write("cut.warc", &warc[..warc.len() - 100]);
    let fresh = TempData::new();
    let err = fails(&fresh, &["import", cut.to_str().unwrap()]);
    assert!(
        err.contains("cut.warc: record 7: the file ends inside the record"),
        "{err}"
    );
    assert_nothing_imported(&fresh);
    // Pages are copied once their articles are stored: a failed import
    // leaves nothing in the archive.
    // The archive's WARC files with their sizes, by name.
    let archived = |d: &TempData| -> Vec<(String, u64)> {
        let mut files: Vec<(String, u64)> = std::fs::read_dir(d.data().join("archive"))
            .map(|f| {
                f.filter_map(Result::ok)
                    .filter(|f| f.file_name().to_string_lossy().ends_with(".warc.gz"))
                    .map(|f| {
                        let len = f.metadata().unwrap().len();
                        (f.file_name().to_string_lossy().into_owned(), len)
                    })
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    };
    assert_eq!(archived(&fresh), Vec::new());
    // Nor in an archive that already holds copies: the good file's pages
    // are not copied either.
    let before = archived(&dir);
    let other = dir.write(
        "other.warc",
        [
            warcinfo(),
            http_record(
                "https://news.example.org/ferry",
                "2026-01-04T08:00:00Z",
                "200 OK",
                "text/html",
                &english
                    .replace("bridge", "ferry")
                    .replace("Bridge", "Ferry"),
            ),
        ]
        .concat(),
    );
    let err = fails(
        &dir,
        &["import", other.to_str().unwrap(), cut.to_str().unwrap()],
    );
    assert!(err.contains("cut.warc: record 7"), "{err}");
    assert_eq!(archived(&dir), before);
    let verify = ok(&dir, &["archive", "verify"]);
    assert!(verify.contains("3 ok, 0 problem(s)"), "{verify}");
}

#[test]
fn sources_add_list_remove_and_config_sources() {
    let dir = TempData::new();
    ok(&dir, &["init"]);
    let out = ok(
        &dir,
        &[
            "sources",
            "add",
            "Example Times",
            "https://example.org/feed/?utm_source=x",
            "--lang",
            "en",
        ],
    );
    assert!(out.contains("added Example Times (feed"), "{out}");
    let err = fails(
        &dir,
        &[
            "sources",
            "add",
            "example times",
            "https://other.example/rss",
        ],
    );
    assert!(err.contains("already"), "{err}");
    let err = fails(&dir, &["sources", "add", "Bad", "ftp://x.example/"]);
    assert!(err.contains("http"), "{err}");
    let err = fails(
        &dir,
        &[
            "sources",
            "add",
            "Bad",
            "https://x.example/",
            "--kind",
            "podcast",
        ],
    );
    assert!(err.contains("feed, sitemap or page"), "{err}");

    let mut cfg = std::fs::read_to_string(dir.path().join("khabar.toml")).unwrap();
    cfg.push_str("\n[[source]]\nname = \"Config Wire\"\nurl = \"https://wire.example/sitemap.xml\"\nlang = \"fa\"\nnote = \"test\"\n");
    std::fs::write(dir.path().join("khabar.toml"), cfg).unwrap();
    let list = jsonl(&ok(&dir, &["sources", "list", "--json"]));
    assert_eq!(list.len(), 2);
    let wire = list.iter().find(|s| s["name"] == "Config Wire").unwrap();
    assert_eq!(
        (
            wire["kind"].as_str(),
            wire["origin"].as_str(),
            wire["lang"].as_str()
        ),
        (Some("sitemap"), Some("config"), Some("fa"))
    );
    for f in [
        "id",
        "name",
        "url",
        "kind",
        "lang",
        "origin",
        "articles",
        "last_fetch_at",
        "last_error",
    ] {
        assert!(wire.get(f).is_some(), "`{f}` missing");
    }
    let err = fails(&dir, &["sources", "remove", "config wire"]);
    assert!(err.contains("config file"), "{err}");
    ok(&dir, &["sources", "remove", "Example Times"]);
    assert_eq!(jsonl(&ok(&dir, &["sources", "list", "--json"])).len(), 1);
    let err = fails(&dir, &["sources", "remove", "Example Times"]);
    assert!(err.contains("no source"), "{err}");
}

#[test]
fn bad_config_is_reported() {
    let dir = TempData::new();
    dir.write("khabar.toml", "[server]\nport = 80\n");
    let err = fails(&dir, &["articles"]);
    assert!(err.contains("khabar.toml") && err.contains("port"), "{err}");
    dir.write("khabar.toml", "[server\n");
    let err = fails(&dir, &["articles"]);
    assert!(err.contains("not valid TOML"), "{err}");
    let err = fails(&dir, &["--config", "missing.toml", "articles"]);
    assert!(err.contains("khabar init"), "{err}");
    dir.write("khabar.toml", "");
    let o = khabar(&dir)
        .args(["articles"])
        .env("KHABAR_SERVER__NOPE", "1")
        .output()
        .unwrap();
    assert!(!o.status.success());
}

#[test]
fn closed_pipe_is_not_an_error() {
    let dir = TempData::new();
    let mut lines = String::new();
    for i in 0..3000 {
        lines.push_str(&format!(
            "{{\"url\":\"https://example.org/{i}\",\"title\":\"Article number {i} about the valley\",\"text\":\"Body {i}.\"}}\n"
        ));
    }
    let f = dir.write("many.jsonl", lines);
    ok(&dir, &["import", f.to_str().unwrap()]);
    let mut child = khabar(&dir)
        .args(["articles", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn data_flag_overrides_env() {
    let dir = TempData::new();
    let f = dir.write("n.txt", DIGEST);
    let elsewhere = dir.path().join("elsewhere");
    ok(
        &dir,
        &[
            "--data",
            elsewhere.to_str().unwrap(),
            "import",
            f.to_str().unwrap(),
        ],
    );
    assert!(Path::new(&elsewhere).join("khabar.db").exists());
    assert_nothing_imported(&dir);
}

#[test]
fn init_with_the_afghanistan_catalog() {
    let dir = TempData::new();
    let out = ok(&dir, &["init", "--catalog", "afghanistan"]);
    assert!(out.contains("from the `afghanistan` catalog"), "{out}");
    let cfg = std::fs::read_to_string(dir.path().join("khabar.toml")).unwrap();
    assert!(cfg.starts_with("# khabar configuration."), "starter first");
    assert!(cfg.contains("# unverified: "), "{cfg}");
    let list = jsonl(&ok(&dir, &["sources", "list", "--json"]));
    assert!(list.len() >= 25, "{}", list.len());
    assert!(list.iter().all(|s| s["origin"] == "config"));
    for lang in ["en", "fa", "ps"] {
        assert!(
            list.iter()
                .any(|s| s["lang"].as_str().is_some_and(|l| l.starts_with(lang))),
            "no {lang} source"
        );
    }
    let dir = TempData::new();
    let err = fails(&dir, &["init", "--catalog", "atlantis"]);
    assert!(
        err.contains("atlantis") && err.contains("afghanistan"),
        "{err}"
    );
    assert!(!dir.path().join("khabar.toml").exists());
}

#[test]
fn sources_opml_import_and_export() {
    let dir = TempData::new();
    ok(&dir, &["init"]);
    ok(
        &dir,
        &["sources", "add", "Existing", "https://one.example/feed/"],
    );
    let opml = dir.write(
        "feeds.opml",
        r#"<?xml version="1.0"?>
<opml version="2.0"><head><title>t</title></head><body>
  <outline text="Afghanistan">
    <outline type="rss" text="One again" xmlUrl="https://one.example/feed/?utm_source=x"/>
    <outline type="rss" text="Two &amp; Co" xmlUrl="https://two.example/rss.xml" language="fa-AF"/>
    <outline type="rss" text="existing" xmlUrl="https://three.example/feed/"/>
    <outline type="rss" text="Four" xmlUrl="https://four.example/atom.xml" language="Dari"/>
  </outline>
</body></opml>"#,
    );
    let out = ok(&dir, &["sources", "import-opml", opml.to_str().unwrap()]);
    assert!(
        out.contains("added 2 source(s)") && out.contains("skipped 2"),
        "{out}"
    );
    let list = jsonl(&ok(&dir, &["sources", "list", "--json"]));
    assert_eq!(list.len(), 3);
    let two = list.iter().find(|s| s["name"] == "Two & Co").unwrap();
    assert_eq!(
        (
            two["lang"].as_str(),
            two["origin"].as_str(),
            two["kind"].as_str()
        ),
        (Some("fa-AF"), Some("cli"), Some("feed"))
    );
    // Again: everything is skipped.
    let out = ok(&dir, &["sources", "import-opml", opml.to_str().unwrap()]);
    assert!(out.contains("added 0 source(s)"), "{out}");

    // Export to stdout and to a file; the file imports into a fresh catalog.
    let text = ok(&dir, &["sources", "export-opml"]);
    assert!(text.contains("<opml version=\"2.0\">"), "{text}");
    assert!(text.contains("Two &amp; Co"), "{text}");
    let file = dir.path().join("out.opml");
    ok(&dir, &["sources", "export-opml", file.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    let other = TempData::new();
    ok(&other, &["init"]);
    let out = ok(&other, &["sources", "import-opml", file.to_str().unwrap()]);
    assert!(out.contains("added 3 source(s)"), "{out}");
}

#[test]
fn bad_opml_adds_nothing() {
    let dir = TempData::new();
    ok(&dir, &["init"]);
    let bad = dir.write(
        "bad.opml",
        r#"<opml version="2.0"><body>
  <outline type="rss" text="Fine" xmlUrl="https://fine.example/feed/"/>
  <outline type="rss" text="Local file" xmlUrl="file:///etc/passwd"/>
</body></opml>"#,
    );
    let err = fails(&dir, &["sources", "import-opml", bad.to_str().unwrap()]);
    assert!(
        err.contains("bad.opml") && err.contains("Local file") && err.contains("nothing was added"),
        "{err}"
    );
    let not_xml = dir.write("notes.opml", "just some notes");
    let err = fails(&dir, &["sources", "import-opml", not_xml.to_str().unwrap()]);
    assert!(err.contains("OPML"), "{err}");
    let err = fails(&dir, &["sources", "import-opml", "missing.opml"]);
    assert!(err.contains("missing.opml"), "{err}");
    assert!(jsonl(&ok(&dir, &["sources", "list", "--json"])).is_empty());
}

#[test]
fn extract_reads_standard_input_and_prints_markdown() {
    let dir = TempData::new();
    let page = "<!DOCTYPE html><html lang=\"en\"><head><title>Wells dug in the lower village | Town</title></head><body><article>\
                <h1>Wells dug in the lower village</h1>\
                <p>Three new wells were dug in the lower village this spring, and every family now fetches water within minutes.</p>\
                <h2>What the council said</h2>\
                <blockquote>We will dig two more before the summer, the council said in a statement on Monday.</blockquote>\
                <ul><li>Well one serves forty families in the upper lanes.</li><li>Well two serves the school and the clinic nearby.</li></ul>\
                <p>1. The first well was finished in April, before the rains began in the valley.</p>\
                </article></body></html>";
    let mut child = khabar(&dir)
        .args(["extract", "-", "--markdown"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), page.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let md = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        md,
        "# Wells dug in the lower village\n\n\
         Three new wells were dug in the lower village this spring, and every family now fetches water within minutes.\n\n\
         ## What the council said\n\n\
         > We will dig two more before the summer, the council said in a statement on Monday.\n\n\
         - Well one serves forty families in the upper lanes.\n\
         - Well two serves the school and the clinic nearby.\n\n\
         1\\. The first well was finished in April, before the rains began in the valley.\n"
    );
    let err = fails(&dir, &["extract", "-", "--markdown", "--json"]);
    assert!(err.contains("cannot be used with"), "{err}");
    let file = dir.write("page.html", page);
    let text = ok(&dir, &["extract", file.to_str().unwrap()]);
    assert!(text.starts_with("Three new wells"), "{text}");
}

#[test]
fn an_imported_page_keeps_its_headings_quotes_lists_and_embeds_through_export_and_reimport() {
    let dir = TempData::new();
    let page = "<!DOCTYPE html><html lang=\"en\"><head><title>Wells dug in the lower village</title>\
                <meta property=\"article:published_time\" content=\"2026-03-03T09:30:00+04:30\">\
                <meta property=\"article:modified_time\" content=\"2026-03-04T10:15:00+04:30\">\
                <link rel=\"canonical\" href=\"https://town.example/wells\"></head><body><article>\
                <h1>Wells dug in the lower village</h1>\
                <p>Three new wells were dug in the lower village this spring, and every family now fetches water within minutes.</p>\
                <h2>What the council said</h2>\
                <blockquote>We will dig two more before the summer, the council said in a statement on Monday.</blockquote>\
                <ul><li>Well one serves forty families in the upper lanes.</li><li>Well two serves the school and the clinic nearby.</li></ul>\
                <script async src=\"https://telegram.org/js/telegram-widget.js\" data-telegram-post=\"towncouncil/45\"></script>\
                </article></body></html>";
    let file = dir.write("wells.html", page);
    ok(&dir, &["import", file.to_str().unwrap()]);
    let shown: Value = serde_json::from_str(&ok(&dir, &["show", "1", "--json"])).unwrap();
    assert_eq!(
        shown["kinds"],
        serde_json::json!(["paragraph", "heading", "quote", "list_item", "list_item"])
    );
    assert_eq!(shown["modified_at"], "2026-03-04T10:15:00+04:30");
    assert_eq!(shown["embeds"][0]["platform"], "telegram");
    assert_eq!(shown["embeds"][0]["url"], "https://t.me/towncouncil/45");
    let md = ok(&dir, &["digest", "--format", "md", "--since", "all"]);
    assert!(md.contains("\n### What the council said\n"), "{md}");
    assert!(
        md.contains("2026-03-03 09:30 +04:30 · updated 2026-03-04 10:15 +04:30"),
        "{md}"
    );
    assert!(md.contains("\n> We will dig two more"), "{md}");
    assert!(
        md.contains("\n- Well one serves forty families in the upper lanes.\n- Well two"),
        "{md}"
    );
    let html = ok(&dir, &["digest", "--format", "html", "--since", "all"]);
    assert!(html.contains("<h3>What the council said</h3>"), "{html}");
    assert!(html.contains("<blockquote><p>We will dig"), "{html}");
    assert!(html.contains("<ul>\n<li>Well one"), "{html}");

    // The JSON export, one article per line, imports into a new store whole.
    let json: Value =
        serde_json::from_str(&ok(&dir, &["digest", "--format", "json", "--since", "all"])).unwrap();
    let lines: Vec<String> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.to_string())
        .collect();
    let other = TempData::new();
    let exported = other.write("export.jsonl", lines.join("\n"));
    ok(&other, &["import", exported.to_str().unwrap()]);
    let back: Value = serde_json::from_str(&ok(&other, &["show", "1", "--json"])).unwrap();
    for field in [
        "kinds",
        "embeds",
        "paragraphs",
        "content_hash",
        "title",
        "url",
        "published_at",
        "modified_at",
    ] {
        assert_eq!(back[field], shown[field], "{field}");
    }

    // Kinds that do not fit the paragraphs are refused, naming the line.
    let bad = other.write(
        "bad.jsonl",
        r#"{"title":"T","paragraphs":["one","two"],"kinds":["heading"]}"#,
    );
    let err = fails(&other, &["import", bad.to_str().unwrap()]);
    assert!(
        err.contains("line 1") && err.contains("`kinds` has 1 entries for 2 paragraphs"),
        "{err}"
    );
    let bad = other.write(
        "bad2.jsonl",
        r#"{"title":"T","text":"one","kinds":["heading"]}"#,
    );
    let err = fails(&other, &["import", bad.to_str().unwrap()]);
    assert!(err.contains("`kinds` needs `paragraphs`"), "{err}");
    let bad = other.write(
        "bad3.jsonl",
        r#"{"title":"T","paragraphs":["one"],"kinds":["title"]}"#,
    );
    let err = fails(&other, &["import", bad.to_str().unwrap()]);
    assert!(err.contains("line 1"), "{err}");
    assert_eq!(count(&other), 1);
}

#[test]
fn extract_batch_reads_the_pages_of_a_warc_file() {
    let dir = TempData::new();
    let page = "<!DOCTYPE html><html lang=\"en\"><head><title>Clinic opens in the valley</title></head><body><article>\
                <h1>Clinic opens in the valley</h1><div class=\"post-date\">3 hours ago</div>\
                <p>A clinic with six beds opened in the upper valley on Sunday, the first within a day's walk of the villages there.</p>\
                <p>Two nurses and a midwife will work there in turns, and a doctor from the town will visit every second week.</p>\
                </article></body></html>";
    let robots = http_record(
        "https://news.example.org/robots.txt",
        "2026-01-03T10:45:30Z",
        "200 OK",
        "text/plain",
        "User-agent: *",
    );
    let warc = [
        warcinfo(),
        http_record(
            "https://news.example.org/clinic",
            "2026-01-03T10:45:30Z",
            "200 OK",
            "text/html; charset=utf-8",
            page,
        ),
        http_record(
            "https://news.example.org/gone",
            "2026-01-03T10:45:30Z",
            "404 Not Found",
            "text/html",
            page,
        ),
        robots.clone(),
        http_record(
            "https://news.example.org/report",
            "2026-01-03T10:46:00Z",
            "200 OK",
            "text/html",
            "%PDF-1.4 a report served as a page",
        ),
    ]
    .concat();
    let path = dir.write("crawl.warc", &warc);
    let out = dir.path().join("out");
    let o = run(
        &dir,
        &[
            "extract",
            "--batch",
            path.to_str().unwrap(),
            out.to_str().unwrap(),
            "--markdown",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let note = String::from_utf8_lossy(&o.stderr);
    assert!(
        note.contains("5 record(s); extracted 1 HTML page(s)") && note.contains("1 failed"),
        "{note}"
    );
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "000002.json",
            "000002.md",
            "000002.txt",
            "_index.jsonl",
            "_timing.json"
        ]
    );
    // The index: one line per HTML page, the failed one with why.
    let index: Vec<Value> = std::fs::read_to_string(out.join("_index.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(index.len(), 2, "{index:?}");
    assert_eq!(index[0]["name"], "000002");
    assert_eq!(index[0]["status"], "ok");
    assert_eq!(index[0]["url"], "https://news.example.org/clinic");
    assert_eq!(index[0]["fetched_at"], "2026-01-03T10:45:30Z");
    assert_eq!(index[0]["title"], "Clinic opens in the valley");
    assert_eq!(index[0]["page_type"], "article");
    assert_eq!(index[0]["published_at"], "2026-01-03T07:45:00Z");
    assert!(
        index[0]["source"]
            .as_str()
            .unwrap()
            .ends_with("crawl.warc record 2")
    );
    assert_eq!(index[1]["name"], "000005");
    assert_eq!(index[1]["status"], "failed");
    assert_eq!(index[1]["url"], "https://news.example.org/report");
    assert!(
        index[1]["error"].as_str().unwrap().contains("PDF"),
        "{:?}",
        index[1]
    );
    assert!(index[1].get("title").is_none());
    let text = std::fs::read_to_string(out.join("000002.txt")).unwrap();
    assert!(text.starts_with("A clinic with six beds"), "{text}");
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("000002.json")).unwrap()).unwrap();
    assert_eq!(json["url"], "https://news.example.org/clinic");
    // "3 hours ago", counted from the record's WARC-Date.
    assert_eq!(json["published_at"], "2026-01-03T07:45:00Z");
    // Without --batch, a WARC file is refused with what to do instead.
    let err = fails(&dir, &["extract", path.to_str().unwrap()]);
    assert!(
        err.contains("--batch") && err.contains("khabar import"),
        "{err}"
    );
    // A WARC file without HTML pages is an error.
    let plain = dir.write("robots.warc", robots);
    let err = fails(&dir, &["extract", "--batch", plain.to_str().unwrap(), "o2"]);
    assert!(err.contains("no HTML page with status 200"), "{err}");
}

mod crawl {
    use super::*;
    use khabar_testkit::server::{FixtureServer, Reply, Routes};

    fn page(n: u32) -> String {
        format!(
            "<!doctype html><html lang=\"en\"><head><title>Market {n} reopens</title>\
             <meta property=\"article:published_time\" content=\"2024-11-11T09:30:00+04:30\"></head>\
             <body><nav><a href=\"/\">Home</a></nav><article><h1>Market {n} reopens</h1>\
             <p>The covered market of the old town reopened on Monday after the floods, traders said.</p>\
             <p>Stallholders said prices of flour and rice had fallen since the road to the capital reopened last week.</p>\
             <p>The town council said it would repair the roof of the market before the winter rains.</p>\
             </article></body></html>"
        )
    }

    fn outlet(rt: &tokio::runtime::Runtime) -> FixtureServer {
        rt.block_on(FixtureServer::start(
            Routes::new()
                .on("/feed.xml", |seen| {
                    let host = seen.header("host").unwrap_or_default().to_string();
                    Reply::ok(
                        "application/rss+xml",
                        format!(
                            "<rss version=\"2.0\"><channel><title>Town Post</title>\
                             <item><title>Market 1 reopens</title><link>http://{host}/a/1</link></item>\
                             <item><title>Market 2 reopens</title><link>http://{host}/a/2?utm_source=rss</link></item>\
                             </channel></rss>"
                        ),
                    )
                })
                .fixed("/a/1", Reply::ok("text/html", page(1)))
                .fixed("/a/2", Reply::ok("text/html", page(2))),
        ))
    }

    #[test]
    fn crawl_once_stores_archives_and_verifies() {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let server = outlet(&rt);
        let dir = TempData::new();
        ok(
            &dir,
            &["sources", "add", "Town Post", &server.url("/feed.xml")],
        );

        // Loopback is refused unless the config allows it.
        let out = ok(&dir, &["crawl", "--once", "--json"]);
        let s: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(s["sources_failed"]["Blocked"], 1, "{s}");

        let crawl = |args: &[&str]| {
            let o = khabar(&dir)
                .args(args)
                .env("KHABAR_FETCH__ALLOW_LOOPBACK", "true")
                .env("KHABAR_FETCH__MIN_HOST_GAP_SECS", "1")
                .output()
                .unwrap();
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            String::from_utf8(o.stdout).unwrap()
        };
        let s: Value =
            serde_json::from_str(&crawl(&["crawl", "--once", "--all", "--json"])).unwrap();
        assert_eq!(
            (s["sources_fetched"].as_u64(), s["articles_new"].as_u64()),
            (Some(1), Some(2)),
            "{s}"
        );
        let arts = jsonl(&ok(&dir, &["articles", "--json"]));
        assert_eq!(arts.len(), 2);
        assert!(arts.iter().all(|a| a["source"] == "Town Post"));
        let id = arts[0]["id"].to_string();
        let shown: Value = serde_json::from_str(&ok(&dir, &["show", &id, "--json"])).unwrap();
        assert!(
            shown["archive"]["sha256"].as_str().unwrap().len() == 64,
            "{shown}"
        );
        assert_eq!(shown["published_at"], "2024-11-11T09:30:00+04:30");

        let text = crawl(&["crawl", "--once", "--all"]);
        assert!(
            text.contains("1 fetched") && text.contains("0 new URLs"),
            "{text}"
        );
        let listed = jsonl(&ok(&dir, &["sources", "list", "--json"]));
        assert_eq!(listed[0]["articles"], 2);
        assert_eq!(listed[0]["last_error"], Value::Null);

        let verified = ok(&dir, &["archive", "verify"]);
        assert!(verified.contains("2 ok, 0 problem"), "{verified}");
        // Damage the archive: verify names the problem and fails.
        let warc = std::fs::read_dir(dir.data().join("archive"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.to_string_lossy().ends_with(".warc.gz"))
            .unwrap();
        let mut bytes = std::fs::read(&warc).unwrap();
        let n = bytes.len();
        bytes.truncate(n / 2);
        std::fs::write(&warc, bytes).unwrap();
        let o = run(&dir, &["archive", "verify", "--json"]);
        assert!(!o.status.success());
        let report: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(
            !report["problems"].as_array().unwrap().is_empty(),
            "{report}"
        );
    }

    #[test]
    fn a_crawl_killed_mid_way_resumes_without_loss_or_duplicates() {
        use std::time::Duration;
        let rt = tokio::runtime::Runtime::new().unwrap();
        let mut routes = Routes::new().on("/feed.xml", |seen| {
            let host = seen.header("host").unwrap_or_default().to_string();
            let items: String = (1..=6)
                .map(|n| format!("<item><title>Market {n} reopens</title><link>http://{host}/a/{n}</link></item>"))
                .collect();
            Reply::ok("application/rss+xml", format!("<rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>"))
        });
        for n in 1..=6 {
            routes = routes.fixed(&format!("/a/{n}"), Reply::ok("text/html", page(n)));
        }
        let server = rt.block_on(FixtureServer::start(routes));
        let dir = TempData::new();
        ok(
            &dir,
            &["sources", "add", "Town Post", &server.url("/feed.xml")],
        );
        let crawl = || {
            let mut c = khabar(&dir);
            c.args(["crawl", "--once", "--json"])
                .env("KHABAR_FETCH__ALLOW_LOOPBACK", "true")
                .env("KHABAR_FETCH__MIN_HOST_GAP_SECS", "1")
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            c
        };
        // Six pages at least a second apart: kill -9 after three seconds.
        let mut child = crawl().spawn().unwrap();
        std::thread::sleep(Duration::from_millis(3000));
        child.kill().unwrap();
        child.wait().unwrap();
        let stored_before = jsonl(&ok(&dir, &["articles", "--json"])).len();
        assert!(stored_before < 6, "the crawl finished before it was killed");

        let o = crawl().output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let arts = jsonl(&ok(&dir, &["articles", "--json"]));
        assert_eq!(arts.len(), 6, "resumed crawl stored {} of 6", arts.len());
        let mut titles: Vec<&str> = arts.iter().map(|a| a["title"].as_str().unwrap()).collect();
        titles.sort();
        titles.dedup();
        assert_eq!(titles.len(), 6, "duplicated articles");
        for n in 1..=6 {
            assert!(
                server.seen_at(&format!("/a/{n}")).len() <= 2,
                "page {n} fetched over and over"
            );
        }
        let verified = ok(&dir, &["archive", "verify"]);
        assert!(verified.contains("6 ok, 0 problem"), "{verified}");
    }

    #[test]
    fn run_crawls_on_schedule_and_stops_cleanly_on_sigterm() {
        use std::time::{Duration, Instant};
        let rt = tokio::runtime::Runtime::new().unwrap();
        let server = outlet(&rt);
        let dir = TempData::new();
        ok(
            &dir,
            &["sources", "add", "Town Post", &server.url("/feed.xml")],
        );
        let child = khabar(&dir)
            .args(["run", "--addr", "127.0.0.1:0"])
            .env("KHABAR_FETCH__ALLOW_LOOPBACK", "true")
            .env("KHABAR_FETCH__MIN_HOST_GAP_SECS", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while server.seen_at("/a/2").is_empty() && started.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(200));
        }
        std::thread::sleep(Duration::from_millis(500));
        let status = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("stopped"), "{stderr}");
        assert!(
            stderr.contains("serving http://127.0.0.1:"),
            "run serves the web app beside the crawl: {stderr}"
        );
        assert_eq!(jsonl(&ok(&dir, &["articles", "--json"])).len(), 2);
    }

    #[test]
    fn extract_fetches_a_web_address_as_the_crawler_does() {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let server = rt.block_on(FixtureServer::start(
            Routes::new()
                .fixed(
                    "/robots.txt",
                    Reply::ok("text/plain", "User-agent: *\nDisallow: /private/\n"),
                )
                .fixed("/a/1", Reply::ok("text/html", page(1)))
                .fixed("/private/2", Reply::ok("text/html", page(2))),
        ));
        let dir = TempData::new();
        let fetch = |args: &[&str]| {
            khabar(&dir)
                .args(args)
                .env("KHABAR_FETCH__ALLOW_LOOPBACK", "true")
                .output()
                .unwrap()
        };
        let o = fetch(&["extract", &server.url("/a/1"), "--json"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["title"], "Market 1 reopens");
        assert_eq!(v["url"], server.url("/a/1"));
        assert_eq!(v["published_at"], "2024-11-11T09:30:00+04:30");
        assert!(
            v["text"]
                .as_str()
                .unwrap()
                .starts_with("The covered market")
        );
        // As a crawl: robots.txt was asked first, with khabar's User-Agent.
        let robots = server.seen_at("/robots.txt");
        assert_eq!(robots.len(), 1);
        assert!(
            robots[0]
                .header("user-agent")
                .unwrap_or_default()
                .contains("khabar"),
            "{robots:?}"
        );
        // A page robots.txt disallows is not fetched.
        let o = fetch(&["extract", &server.url("/private/2")]);
        assert!(!o.status.success());
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("robots.txt disallows it"), "{err}");
        assert!(server.seen_at("/private/2").is_empty());
        // Loopback and private addresses are refused unless the config
        // allows them.
        let err = fails(&dir, &["extract", &server.url("/a/1")]);
        assert!(err.contains("cannot fetch"), "{err}");
        assert_eq!(server.seen_at("/a/1").len(), 1);
        // One address at a time.
        let err = fails(&dir, &["extract", "--batch", &server.url("/a/1"), "out"]);
        assert!(err.contains("not a web address"), "{err}");
    }
}

#[test]
fn lang_prints_one_code_per_line_from_a_file_or_stdin() {
    use std::io::Write as _;
    let dir = TempData::new();
    // Our own sentences; Pashto with its own letters, Urdu with its own.
    let lines = [
        (
            "en",
            "The provincial council approved the new school budget on Monday.",
        ),
        (
            "fa",
            "شورای ولایتی روز دوشنبه بودجه جدید مکتب‌ها را تصویب کرد.",
        ),
        (
            "ps",
            "ولایتي شورا د دوشنبې په ورځ د ښوونځیو نوې بودیجه تصویب کړه.",
        ),
        (
            "ur",
            "صوبائی کونسل نے پیر کے روز اسکولوں کے نئے بجٹ کی منظوری دی۔",
        ),
        (
            "ar",
            "وافق المجلس الإقليمي يوم الاثنين على الميزانية الجديدة للمدارس.",
        ),
        ("und", "2024-06-01 — 15%"),
        ("und", ""),
    ];
    let text: String = lines.iter().map(|(_, l)| format!("{l}\r\n")).collect();
    std::fs::write(dir.path().join("lines.txt"), &text).unwrap();
    let want: Vec<&str> = lines.iter().map(|(code, _)| *code).collect();
    let out = ok(&dir, &["lang", "lines.txt"]);
    assert_eq!(out.lines().collect::<Vec<_>>(), want);

    let mut child = khabar(&dir)
        .args(["lang", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = jsonl(&String::from_utf8(o.stdout).unwrap());
    assert_eq!(rows.len(), lines.len());
    for (row, (code, line)) in rows.iter().zip(lines) {
        let obj = row.as_object().unwrap();
        assert_eq!(obj.len(), 2, "{row}");
        assert_eq!(obj["lang"], code, "{line}");
        let confidence = obj["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence), "{row}");
        assert_eq!(confidence > 0.0, code != "und", "{row}");
    }

    let err = fails(&dir, &["lang", "missing.txt"]);
    assert!(err.contains("missing.txt"), "{err}");
    std::fs::write(dir.path().join("bad.txt"), b"fine\n\xff\xfe\n").unwrap();
    let err = fails(&dir, &["lang", "bad.txt"]);
    assert!(err.contains("bad.txt line 2 is not UTF-8"), "{err}");
}

#[test]
fn imported_articles_are_analysed_grouped_and_listed() {
    let dir = TempData::new();
    let file = dir.write(
        "wire.jsonl",
        concat!(
            r#"{"id":"w1","url":"https://wire.example/q1","title":"Clinic reopens in Bamyan after floods","text":"A health clinic in Bamyan province reopened on Sunday after floods damaged it in May.\n\n“We treated more than 300 patients on the first day,” said Roya Karimi, the clinic's director.\n\nAbout 1,200 families in the province lost their homes, the provincial health department said.","date":"2024-06-02T10:00:00+04:30","source":"Wire Agency","lang":"en"}"#, "\n",
            r#"{"id":"w2","url":"https://daily.example/q2","title":"Bamyan clinic reopens after floods","text":"A health clinic in Bamyan province reopened on Sunday after floods damaged it in May, officials said.\n\nAbout 1,200 families in the province lost their homes, the provincial health department said.","date":"2024-06-02T13:00:00+04:30","source":"Kabul Daily","lang":"en"}"#, "\n",
        ),
    );
    let imported: Value =
        serde_json::from_str(&ok(&dir, &["import", file.to_str().unwrap(), "--json"])).unwrap();
    assert_eq!(imported["analysed"], 2);

    let quotes = jsonl(&ok(&dir, &["quotes", "--json"]));
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    for f in ["article", "speaker", "speaker_entity", "quote", "sentence"] {
        assert!(
            quotes[0].get(f).is_some(),
            "`{f}` missing from {}",
            quotes[0]
        );
    }
    assert_eq!(quotes[0]["speaker"], "Roya Karimi");
    assert!(
        quotes[0]["quote"]
            .as_str()
            .unwrap()
            .contains("300 patients")
    );
    assert!(jsonl(&ok(&dir, &["quotes", "--json", "--speaker", "nobody"])).is_empty());

    let figures = jsonl(&ok(&dir, &["figures", "--json", "--about", "families"]));
    assert_eq!(figures.len(), 2, "{figures:?}");
    for f in [
        "article",
        "value",
        "unit",
        "approx",
        "about",
        "cited_source",
        "sentence",
    ] {
        assert!(
            figures[0].get(f).is_some(),
            "`{f}` missing from {}",
            figures[0]
        );
    }
    assert_eq!(figures[0]["value"], 1200.0);
    assert_eq!(figures[0]["approx"], "about");

    let places = jsonl(&ok(&dir, &["entities", "--json", "--kind", "place"]));
    let bamyan = places
        .iter()
        .find(|e| e["name"] == "Bamyan")
        .unwrap_or_else(|| panic!("Bamyan among {places:?}"));
    for f in [
        "id", "name", "kind", "aliases", "key", "mentions", "articles",
    ] {
        assert!(bamyan.get(f).is_some(), "`{f}` missing from {bamyan}");
    }
    assert_eq!(bamyan["articles"], 2);
    assert!(fails(&dir, &["entities", "--kind", "planet"]).contains("person"));

    let stories = jsonl(&ok(&dir, &["stories", "--json", "--since", "all"]));
    assert_eq!(
        stories.len(),
        1,
        "the two reports are one story: {stories:?}"
    );
    let largest = jsonl(&ok(
        &dir,
        &["stories", "--json", "--since", "all", "--largest"],
    ));
    assert_eq!(largest, stories, "one story either way");
    for f in [
        "id",
        "title",
        "articles",
        "outlets",
        "first_seen",
        "last_seen",
        "why",
    ] {
        assert!(
            stories[0].get(f).is_some(),
            "`{f}` missing from {}",
            stories[0]
        );
    }
    assert_eq!(stories[0]["articles"].as_array().unwrap().len(), 2);
    assert_eq!(
        stories[0]["why"][1]["why"].as_str().map(str::is_empty),
        Some(false)
    );

    let arts = jsonl(&ok(&dir, &["articles", "--json", "--oldest-first"]));
    assert_eq!(arts[0]["story"], stories[0]["id"]);
    assert!(
        arts[0]["topics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "health"),
        "{}",
        arts[0]
    );
    let shown: Value =
        serde_json::from_str(&ok(&dir, &["show", &arts[0]["id"].to_string(), "--json"])).unwrap();
    assert!(
        shown["topic_evidence"]["health"]
            .as_array()
            .is_some_and(|w| !w.is_empty())
    );
    assert_eq!(shown["quotes"].as_array().unwrap().len(), 1);
}

#[test]
fn search_finds_articles_and_rebuilds_an_unreadable_index() {
    let dir = TempData::new();
    let file = dir.write(
        "two.jsonl",
        concat!(
            r#"{"id":"s1","url":"https://a.example/1","title":"Clinic reopens in Bamyan","text":"A health clinic in Bamyan province reopened on Sunday.","date":"2024-06-02T10:00:00+04:30","source":"Wire Agency","lang":"en"}"#, "\n",
            r#"{"id":"s2","url":"https://b.example/2","title":"Wheat prices rise in Herat","text":"Traders in Herat said wheat prices rose for a third week.","date":"2024-06-03T10:00:00+04:30","source":"Kabul Daily","lang":"en"}"#, "\n",
        ),
    );
    ok(&dir, &["import", file.to_str().unwrap()]);
    let res: Value = serde_json::from_str(&ok(&dir, &["search", "clinic", "--json"])).unwrap();
    assert_eq!(res["total"], 1, "{res}");
    assert_eq!(res["hits"][0]["title"], "Clinic reopens in Bamyan");
    assert_eq!(res["facets"]["source"][0]["value"], "Wire Agency");
    assert_eq!(res["facets_estimated"], false);

    // The index left by another version of khabar (or a damaged disk):
    // the next search rebuilds it from the store and answers in full.
    let index = dir.data().join("index");
    let current = std::fs::read_to_string(index.join("CURRENT")).unwrap();
    std::fs::write(index.join(current.trim()).join("meta.json"), b"{}").unwrap();
    let o = run(&dir, &["search", "wheat OR clinic", "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("rebuilding it from the store"));
    let res: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(res["total"], 2, "{res}");

    // A malformed query is refused with what to change.
    let bad = run(&dir, &["search", "((((((((((clinic))))))))))"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(!bad.stderr.is_empty());
}
