//! CLI tests: the built binary run in a temp folder, checking every `--json`
//! contract and every error path a user can hit.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use khabar_testkit::{DIGEST, TempData};
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
    assert_eq!(arts[1]["teaser"], Value::Null);
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
