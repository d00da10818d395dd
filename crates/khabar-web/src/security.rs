//! The guard every request passes: size limits before any work, errors
//! rendered in the client's format, and the security headers on every
//! response. Also the token check (constant time), sessions and CSRF tokens
//! for the admin forms.

use std::collections::HashSet;
use std::sync::Mutex;

use axum::body::Body;
use axum::extract::{FromRequestParts, Query};
use axum::http::header::{self, HeaderValue};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::error::{AppError, ErrorInfo};
use crate::{MAX_QUERY_BYTES, view};

/// No script at all, styles only from our own stylesheet, no framing, forms
/// only to ourselves.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const CSP_SANDBOX: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; sandbox";

/// Longest path accepted (bytes).
const MAX_PATH_BYTES: usize = 1024;
/// Longest form body accepted (bytes).
pub(crate) const MAX_FORM_BYTES: usize = 16 * 1024;

pub(crate) async fn guard(req: Request<Body>, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let too_long = req.uri().path().len() > MAX_PATH_BYTES
        || req.uri().query().is_some_and(|q| q.len() > MAX_QUERY_BYTES);
    let mut resp = if too_long {
        AppError::BadRequest(format!(
            "the address is too long (at most {MAX_QUERY_BYTES} bytes of query)"
        ))
        .into_response()
    } else if content_length(req.headers()) > MAX_FORM_BYTES as u64 {
        AppError::BadRequest("the request body is too large".into()).into_response()
    } else {
        next.run(req).await
    };
    let status = resp.status();
    if status.is_client_error() || status.is_server_error() {
        // Errors from axum's own extractors carry no ErrorInfo: give them one
        // so that they are rendered like ours (and never echo input as text).
        let info = resp
            .extensions()
            .get::<ErrorInfo>()
            .cloned()
            .unwrap_or_else(|| ErrorInfo {
                status,
                message: match status {
                    StatusCode::UNSUPPORTED_MEDIA_TYPE => {
                        "the request body must be JSON (Content-Type: application/json)".into()
                    }
                    StatusCode::PAYLOAD_TOO_LARGE => "the request body is too large".into(),
                    s if s.is_server_error() => {
                        "something went wrong on the server; the details are in its log".into()
                    }
                    _ => "the request is not valid for this address".into(),
                },
            });
        resp = if api {
            let body = serde_json::json!({ "error": info.message }).to_string();
            (
                info.status,
                [(header::CONTENT_TYPE, "application/json")],
                body,
            )
                .into_response()
        } else {
            view::error_page(info.status, &info.message)
        };
        if info.status == StatusCode::UNAUTHORIZED && api {
            resp.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
    }
    let h = resp.headers_mut();
    // A handler that asked for `sandbox` (the archived copy) keeps it on top
    // of the policy every response gets.
    let sandbox = h
        .get(header::CONTENT_SECURITY_POLICY)
        .is_some_and(|v| v.as_bytes() == b"sandbox");
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(if sandbox { CSP_SANDBOX } else { CSP }),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-cache"));
    resp
}

fn content_length(h: &HeaderMap) -> u64 {
    h.get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// A query-string extractor whose failures are our 400 (with a message),
/// not axum's plain-text rejection.
#[derive(Debug)]
pub(crate) struct Q<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Q<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        if parts.uri.query().is_some_and(|q| q.len() > MAX_QUERY_BYTES) {
            return Err(AppError::BadRequest("the query is too long".into()));
        }
        Query::<T>::try_from_uri(&parts.uri)
            .map(|Query(t)| Q(t))
            .map_err(|e| AppError::BadRequest(format!("bad query parameters: {}", e.body_text())))
    }
}

/// Compares two byte strings in time that depends only on their lengths.
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Checks `Authorization: Bearer <token>`: 403 when the server has no token
/// (changing calls are off), 401 when it is missing or wrong.
pub(crate) fn check_bearer(headers: &HeaderMap, token: Option<&str>) -> Result<(), AppError> {
    let Some(token) = token else {
        return Err(AppError::Forbidden(
            "changing calls are disabled: set [server] token in khabar.toml".into(),
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(g) if constant_time_eq(g.as_bytes(), token.as_bytes()) => Ok(()),
        _ => Err(AppError::Unauthorized),
    }
}

/// Sessions of people who gave the token in the login form. A session id is
/// 244 random bits (two UUIDv4s from the OS generator); the CSRF token of a
/// session is derived from it and a per-process secret, so it needs no
/// storage and cannot be computed from the cookie alone.
#[derive(Debug)]
pub(crate) struct Sessions {
    secret: String,
    ids: Mutex<HashSet<String>>,
}

impl Default for Sessions {
    fn default() -> Self {
        Sessions {
            secret: random_id(),
            ids: Mutex::new(HashSet::new()),
        }
    }
}

/// Cap on live sessions: a flood of logins cannot grow memory without bound.
const MAX_SESSIONS: usize = 1000;

pub(crate) const SESSION_COOKIE: &str = "khabar_session";

fn random_id() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

impl Sessions {
    pub fn create(&self) -> String {
        let id = random_id();
        let mut ids = self.ids.lock().unwrap_or_else(|e| e.into_inner());
        if ids.len() >= MAX_SESSIONS {
            ids.clear();
        }
        ids.insert(id.clone());
        id
    }

    pub fn remove(&self, id: &str) {
        self.ids
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(id);
    }

    /// The session id of the request's cookie, when it is a live session.
    pub fn current(&self, headers: &HeaderMap) -> Option<String> {
        let id = cookie(headers, SESSION_COOKIE)?;
        let ids = self.ids.lock().unwrap_or_else(|e| e.into_inner());
        ids.iter()
            .find(|known| constant_time_eq(known.as_bytes(), id.as_bytes()))
            .cloned()
    }

    pub fn csrf(&self, session: &str) -> String {
        let mut h = Sha256::new();
        h.update(self.secret.as_bytes());
        h.update([0]);
        h.update(session.as_bytes());
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The session of the request when its CSRF token matches; 403 otherwise.
    pub fn check_form(&self, headers: &HeaderMap, csrf: &str) -> Result<String, AppError> {
        let session = self.current(headers).ok_or_else(|| {
            AppError::Forbidden("sign in with the server's token first (/login)".into())
        })?;
        if constant_time_eq(self.csrf(&session).as_bytes(), csrf.as_bytes()) {
            Ok(session)
        } else {
            Err(AppError::Forbidden(
                "the form has expired or did not come from this site; reload it and try again"
                    .into(),
            ))
        }
    }
}

fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_time_eq_compares_bytes() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }

    #[test]
    fn csrf_needs_the_session_and_the_secret() {
        let s = Sessions::default();
        let id = s.create();
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_str(&format!("a=b; {SESSION_COOKIE}={id}")).unwrap(),
        );
        let token = s.csrf(&id);
        assert!(s.check_form(&h, &token).is_ok());
        assert!(s.check_form(&h, "0000").is_err());
        // Another process (another secret) derives another token.
        assert_ne!(Sessions::default().csrf(&id), token);
        s.remove(&id);
        assert!(s.check_form(&h, &token).is_err());
    }

    #[test]
    fn bearer_token() {
        let mut h = HeaderMap::new();
        assert!(matches!(
            check_bearer(&h, None),
            Err(AppError::Forbidden(_))
        ));
        assert!(matches!(
            check_bearer(&h, Some("t")),
            Err(AppError::Unauthorized)
        ));
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer x"));
        assert!(matches!(
            check_bearer(&h, Some("t")),
            Err(AppError::Unauthorized)
        ));
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer t"));
        assert!(check_bearer(&h, Some("t")).is_ok());
    }
}
