//! Header values that both the fetcher and the WARC reader parse.

/// The `charset` parameter of a `Content-Type` value
/// (`text/html; charset="windows-1256"` → `windows-1256`).
///
/// ```
/// use khabar_model::charset_param;
/// assert_eq!(charset_param("text/html; Charset=\"utf-8\""), Some("utf-8"));
/// assert_eq!(charset_param("text/html"), None);
/// ```
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches('"'))
    })
}
