//! Display helpers shared by pages and feeds: times, links, language and
//! direction, query strings, and the error page.

use askama::Template;
use axum::http::StatusCode;
use axum::http::header::{self, HeaderValue};
use axum::response::{Html, IntoResponse, Response};
use chrono::{DateTime, FixedOffset, Utc};
use khabar_model::{Article, Lang};

/// A link whose `href` is safe to write: an `http(s)` URL or a path of ours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    pub href: String,
    pub text: String,
}

/// The URL when it is an absolute `http` or `https` URL that parses: the
/// only stored URLs rendered as links (never `javascript:`, `data:`, …).
pub(crate) fn web_url(url: Option<&str>) -> Option<String> {
    let raw = url?.trim();
    let parsed = url::Url::parse(raw).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return None;
    }
    Some(parsed.to_string())
}

/// `2024-06-01 09:30 +04:30`: the time as the outlet stated it.
pub(crate) fn local_time(t: &DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%d %H:%M %:z").to_string()
}

/// The time an article is filed under: publication, else fetch.
pub(crate) fn when(a: &Article) -> DateTime<Utc> {
    a.published_at
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(a.fetched_at)
}

/// "5 min ago", "3 h ago", "2 days ago", or the date for older times.
pub(crate) fn ago(t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (now - t).num_seconds();
    match secs {
        s if s < 0 => t.format("%Y-%m-%d").to_string(),
        s if s < 90 => "just now".into(),
        s if s < 90 * 60 => format!("{} min ago", (s + 30) / 60),
        s if s < 36 * 3600 => format!("{} h ago", (s + 1800) / 3600),
        s if s < 14 * 86400 => format!("{} days ago", (s + 43200) / 86400),
        _ => t.format("%Y-%m-%d").to_string(),
    }
}

/// Languages written right to left.
pub(crate) fn is_rtl(lang: Option<&Lang>) -> bool {
    lang.is_some_and(|l| {
        matches!(
            l.primary(),
            "fa" | "ps" | "ar" | "ur" | "prs" | "pbt" | "he" | "yi" | "sd" | "ckb" | "ug" | "dv"
        )
    })
}

/// `rtl` for right-to-left languages, else `auto` (the browser looks at the
/// first strong character).
pub(crate) fn dir(lang: Option<&Lang>) -> &'static str {
    if is_rtl(lang) { "rtl" } else { "auto" }
}

/// Percent-encodes a query-string value.
pub(crate) fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The first `max` characters of `s`, with an ellipsis when cut.
pub(crate) fn cut(s: &str, max: usize) -> String {
    let mut it = s.char_indices();
    match it.nth(max) {
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
        None => s.to_string(),
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    title: String,
    status: u16,
    message: &'a str,
}

/// The HTML page of an error (never echoes request input beyond `message`,
/// which the templates escape).
pub(crate) fn error_page(status: StatusCode, message: &str) -> Response {
    let page = ErrorPage {
        title: status.canonical_reason().unwrap_or("Error").to_string(),
        status: status.as_u16(),
        message,
    };
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "cannot render the error page");
            let mut r = (status, message.to_string()).into_response();
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            );
            r
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_urls_become_links() {
        assert_eq!(
            web_url(Some(" https://example.org/a b ")).as_deref(),
            Some("https://example.org/a%20b")
        );
        assert_eq!(web_url(Some("javascript:alert(1)")), None);
        assert_eq!(web_url(Some("JaVaScRiPt:alert(1)")), None);
        assert_eq!(web_url(Some("data:text/html,<script>")), None);
        assert_eq!(web_url(Some("/relative")), None);
        assert_eq!(web_url(None), None);
    }

    #[test]
    fn ago_reads_naturally() {
        let now = DateTime::parse_from_rfc3339("2024-06-10T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        assert_eq!(ago(t("2024-06-10T11:59:30Z"), now), "just now");
        assert_eq!(ago(t("2024-06-10T11:00:00Z"), now), "60 min ago");
        assert_eq!(ago(t("2024-06-10T06:00:00Z"), now), "6 h ago");
        assert_eq!(ago(t("2024-06-07T12:00:00Z"), now), "3 days ago");
        assert_eq!(ago(t("2024-01-01T00:00:00Z"), now), "2024-01-01");
    }

    #[test]
    fn direction_from_language() {
        let fa: Lang = "fa-AF".parse().unwrap();
        let en: Lang = "en".parse().unwrap();
        assert_eq!(dir(Some(&fa)), "rtl");
        assert_eq!(dir(Some(&en)), "auto");
        assert_eq!(dir(None), "auto");
        assert_eq!(cut("abcdef", 3), "abc…");
        assert_eq!(cut("ab", 3), "ab");
    }
}
