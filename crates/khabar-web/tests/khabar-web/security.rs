//! Hostile input: XSS payloads in every stored string, oversized and deeply
//! nested queries, requests without or with a wrong token, forged forms.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Method, Request, header};

use crate::{TOKEN, app, get, send};

const PAYLOAD: &str =
    r#"<script>alert(1)</script> "><img src=x onerror=alert(1)> javascript:alert(1)"#;
/// `<script>alert(1)</script>` as the templates escape it.
const ESCAPED: &str = "&#60;script&#62;alert(1)&#60;/script&#62;";
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

fn assert_secure_headers(r: &crate::Resp, what: &str) {
    assert_eq!(
        r.headers
            .get("content-security-policy")
            .map(|v| v.to_str().unwrap()),
        Some(CSP),
        "{what}"
    );
    assert_eq!(r.headers["x-content-type-options"], "nosniff", "{what}");
    assert_eq!(r.headers["referrer-policy"], "no-referrer", "{what}");
}

/// Markup from the payload must never appear as markup.
fn assert_inert(body: &str, what: &str) {
    assert!(!body.contains("<script"), "{what}: raw <script> in\n{body}");
    assert!(!body.contains("<img"), "{what}: raw <img> in\n{body}");
    assert!(!body.contains("onerror=alert(1)>"), "{what}");
    assert!(
        !body.to_ascii_lowercase().contains("href=\"javascript:"),
        "{what}: javascript: link"
    );
    assert!(
        !body.to_ascii_lowercase().contains("src=\"javascript:"),
        "{what}"
    );
}

#[tokio::test]
async fn xss_payloads_in_every_stored_string_are_inert_everywhere() {
    let a = app(Some(PAYLOAD)).await;
    let s = &a.seeded;
    let sources = get(&a.router, "/api/v1/sources").await;
    let sources: serde_json::Value = serde_json::from_str(&sources.body).unwrap();
    let source = sources["sources"][0]["id"].as_i64().unwrap();
    let pages = [
        "/".to_string(),
        format!("/story/{}", s.flood_story.0),
        format!("/story/{}", s.schools_story.0),
        format!("/article/{}", s.english.0),
        format!("/article/{}", s.dari.0),
        format!("/article/{}", s.schools.0),
        "/search?q=alert".into(),
        "/search?q=Floods".into(),
        format!("/entity/{}", s.person.0),
        format!("/entity/{}", s.place.0),
        "/entities".into(),
        "/quotes".into(),
        "/quotes?speaker=Karimi".into(),
        "/figures".into(),
        "/sources".into(),
    ];
    for p in &pages {
        let r = get(&a.router, p).await;
        assert_eq!(r.status, 200, "{p}");
        assert_secure_headers(&r, p);
        assert_inert(&r.body, p);
        // The payload was rendered, escaped: not silently dropped.
        assert!(r.body.contains(ESCAPED), "{p}: payload not shown escaped");
    }
    for p in ["/feed.atom", "/search.atom?q=alert"] {
        let r = get(&a.router, p).await;
        assert_eq!(r.status, 200, "{p}");
        assert_secure_headers(&r, p);
        assert_inert(&r.body, p);
        assert!(r.body.contains("&lt;script&gt;"), "{p}");
    }
    // JSON carries the strings as data: never served as HTML, never sniffed.
    for p in [
        format!("/api/v1/articles/{}", s.english.0),
        "/api/v1/articles".into(),
        "/api/v1/search?q=alert".into(),
        "/api/v1/quotes".into(),
        "/api/v1/figures".into(),
        "/api/v1/entities".into(),
        format!("/api/v1/sources/{source}"),
        format!("/api/v1/stories/{}", s.flood_story.0),
    ] {
        let r = get(&a.router, &p).await;
        assert_eq!(r.status, 200, "{p}");
        assert_eq!(r.content_type(), "application/json", "{p}");
        assert_secure_headers(&r, &p);
        let v: serde_json::Value = serde_json::from_str(&r.body).expect("JSON");
        assert!(
            v.to_string().contains("alert(1)"),
            "{p}: the data is returned as stored"
        );
    }
}

#[tokio::test]
async fn hostile_search_input_is_refused_fast_and_escaped() {
    let a = app(None).await;
    let r = get(&a.router, "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
    assert_eq!(r.status, 200);
    assert_inert(&r.body, "query echo");
    assert!(
        r.body.contains(&format!("value=\"{ESCAPED}\"")),
        "{}",
        r.body
    );
    // `http::Uri` holds at most 64 KiB: 60 KB here, a full 1 MB over a real
    // connection in `server.rs`.
    const BIG: usize = 60_000;
    let huge = format!("/search?q={}", "a".repeat(BIG));
    let deep = format!("/search?q={}", "(".repeat(500));
    let many = format!("/search?q={}", "a+".repeat(500));
    for (uri, what) in [
        (huge.clone(), "60 KB query"),
        (
            format!("/api/v1/search?q={}", "a".repeat(BIG)),
            "60 KB API query",
        ),
        (
            format!("/search.atom?q={}", "a".repeat(BIG)),
            "60 KB feed query",
        ),
        (
            format!("/search?q={}", "%28".repeat(1500)),
            "3 KB of encoded parentheses",
        ),
        (deep, "deep nesting"),
        (many, "too many terms"),
        ("/search?q=a&page=99999999999".into(), "page out of range"),
        ("/api/v1/search?q=a&offset=1000000".into(), "huge offset"),
    ] {
        let start = Instant::now();
        let r = get(&a.router, &uri).await;
        let took = start.elapsed();
        assert_eq!(
            r.status,
            400,
            "{what}: {}",
            &r.body[..r.body.len().min(300)]
        );
        assert!(took < Duration::from_millis(500), "{what} took {took:?}");
        assert_secure_headers(&r, what);
        assert!(
            r.body.len() < 10_000,
            "{what}: the error does not echo the input"
        );
    }
}

#[tokio::test]
async fn errors_carry_the_csp_and_match_the_client() {
    let a = app(None).await;
    let r = get(&a.router, "/no/such/page").await;
    assert_eq!(r.status, 404);
    assert_secure_headers(&r, "404");
    assert!(r.content_type().starts_with("text/html"));
    assert!(r.body.contains("404"));
    let r = get(&a.router, "/api/v1/no/such").await;
    assert_eq!(r.status, 404);
    assert_secure_headers(&r, "API 404");
    assert_eq!(r.content_type(), "application/json");
    let r = send(
        &a.router,
        Request::builder()
            .method(Method::DELETE)
            .uri("/")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, 405);
    assert_secure_headers(&r, "405");
    assert!(r.content_type().starts_with("text/html"));
    // An axum rejection (bad path parameter type in a form) is ours too.
    let r = send(
        &a.router,
        Request::builder()
            .method(Method::POST)
            .uri("/api/v1/sources")
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
            .body(Body::from("not json"))
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, 400);
    assert!(r.body.starts_with("{\"error\":"), "{}", r.body);
}

fn api_req(method: Method, uri: &str, token: Option<&str>, body: &str) -> Request<Body> {
    let mut b = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(t) = token {
        b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    b.body(Body::from(body.to_string())).unwrap()
}

#[tokio::test]
async fn changing_api_calls_need_the_token() {
    let a = app(None).await;
    let body =
        r#"{"name": "Hill Gazette", "url": "https://hill-gazette.example/rss.xml", "lang": "en"}"#;
    let count = || async { a.store.list_sources().await.unwrap().len() };
    let before = count().await;
    for token in [None, Some("wrong"), Some("test-token-012345678"), Some("")] {
        let r = send(
            &a.router,
            api_req(Method::POST, "/api/v1/sources", token, body),
        )
        .await;
        assert_eq!(r.status, 401, "{token:?}");
        assert_eq!(r.headers["www-authenticate"], "Bearer");
        assert!(r.body.contains("\"error\""));
        assert_secure_headers(&r, "401");
    }
    assert_eq!(count().await, before, "no state change without the token");
    let r = send(
        &a.router,
        api_req(Method::POST, "/api/v1/sources", Some(TOKEN), body),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["kind"], "feed");
    assert_eq!(v["origin"], "api");
    let id = v["id"].as_i64().unwrap();
    assert_eq!(count().await, before + 1);
    let r = send(
        &a.router,
        api_req(Method::POST, "/api/v1/sources", Some(TOKEN), body),
    )
    .await;
    assert_eq!(r.status, 409, "same source twice");
    let bad = r#"{"name": "x", "url": "javascript:alert(1)"}"#;
    let r = send(
        &a.router,
        api_req(Method::POST, "/api/v1/sources", Some(TOKEN), bad),
    )
    .await;
    assert_eq!(r.status, 400);
    let uri = format!("/api/v1/sources/{id}");
    let r = send(&a.router, api_req(Method::DELETE, &uri, Some("nope"), "")).await;
    assert_eq!(r.status, 401);
    assert_eq!(count().await, before + 1);
    let r = send(&a.router, api_req(Method::DELETE, &uri, Some(TOKEN), "")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(count().await, before);

    // A server without a token refuses every change.
    let open = khabar_web::router(khabar_web::AppState::new(a.store.clone()));
    let r = send(
        &open,
        api_req(Method::POST, "/api/v1/sources", Some(TOKEN), body),
    )
    .await;
    assert_eq!(r.status, 403);
}

fn form(uri: &str, cookie: Option<&str>, body: &str) -> Request<Body> {
    let mut b = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    b.body(Body::from(body.to_string())).unwrap()
}

#[tokio::test]
async fn forms_need_a_session_and_its_csrf_token() {
    let a = app(None).await;
    let count = || async { a.store.list_sources().await.unwrap().len() };
    let before = count().await;
    let add = "name=Hill+Gazette&url=https%3A%2F%2Fhill-gazette.example%2Frss.xml&kind=&lang=en";
    // Cross-site POST without a session: refused.
    let r = send(
        &a.router,
        form("/sources/add", None, &format!("csrf=x&{add}")),
    )
    .await;
    assert_eq!(r.status, 403);
    assert_secure_headers(&r, "403");
    // Wrong token at sign-in.
    let r = send(&a.router, form("/login", None, "token=wrong")).await;
    assert_eq!(r.status, 401);
    assert!(r.headers.get("set-cookie").is_none());
    let r = send(&a.router, form("/login", None, &format!("token={TOKEN}"))).await;
    assert_eq!(r.status, 303);
    let cookie = r.headers["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    let cookie = cookie.split(';').next().unwrap().to_string();
    let page = send(
        &a.router,
        Request::builder()
            .uri("/sources")
            .header(header::COOKIE, &cookie)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(page.body.contains("/sources/add"));
    let at = page.body.find("name=\"csrf\" value=\"").unwrap() + 19;
    let csrf = page.body[at..at + 64].to_string();
    // A session without the form's token (a forged form): refused.
    let r = send(
        &a.router,
        form("/sources/add", Some(&cookie), &format!("csrf=0000&{add}")),
    )
    .await;
    assert_eq!(r.status, 403);
    assert_eq!(count().await, before);
    let r = send(
        &a.router,
        form("/sources/add", Some(&cookie), &format!("csrf={csrf}&{add}")),
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(count().await, before + 1);
    let r = send(
        &a.router,
        form(
            "/sources/remove",
            Some(&cookie),
            &format!("csrf={csrf}&key=Hill+Gazette"),
        ),
    )
    .await;
    assert_eq!(r.status, 303);
    assert_eq!(count().await, before);
    let r = send(
        &a.router,
        form("/logout", Some(&cookie), &format!("csrf={csrf}")),
    )
    .await;
    assert_eq!(r.status, 303);
    let r = send(
        &a.router,
        form("/sources/add", Some(&cookie), &format!("csrf={csrf}&{add}")),
    )
    .await;
    assert_eq!(r.status, 403, "the session is gone after sign-out");
}
