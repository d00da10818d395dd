//! Errors: [`AppError`] is what a handler returns; the security guard turns
//! it into an HTML page (browsers) or `{"error": "…"}` (under `/api/`), so
//! every error looks the same and carries the same headers.

use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};

/// Errors of the library functions of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] khabar_store::Error),
    /// A page template failed to render.
    #[error("cannot render a page: {0}")]
    Render(#[from] askama::Error),
    /// The archive could not be read.
    #[error(transparent)]
    Archive(#[from] khabar_archive::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error answered to a client. Internal details are logged, never sent.
#[derive(Debug)]
pub enum AppError {
    /// 400, with a message saying what to change.
    BadRequest(String),
    /// 401: no or a wrong token.
    Unauthorized,
    /// 403, with the reason.
    Forbidden(String),
    /// 404, naming what was not found.
    NotFound(String),
    /// 405.
    MethodNotAllowed,
    /// 409, e.g. a source that is already in the catalog.
    Conflict(String),
    /// 500: the detail goes to the log only.
    Internal(String),
}

/// The status and public message of an error, attached to the response for
/// the guard to render in the client's format.
#[derive(Debug, Clone)]
pub(crate) struct ErrorInfo {
    pub status: StatusCode,
    pub message: String,
}

impl AppError {
    pub(crate) fn info(&self) -> ErrorInfo {
        let (status, message) = match self {
            AppError::BadRequest(m) => (StatusCode::BAD_REQUEST, m.clone()),
            AppError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "this needs the server's token (Authorization: Bearer <token>)".into(),
            ),
            AppError::Forbidden(m) => (StatusCode::FORBIDDEN, m.clone()),
            AppError::NotFound(m) => (StatusCode::NOT_FOUND, m.clone()),
            AppError::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "this address does not take that method".into(),
            ),
            AppError::Conflict(m) => (StatusCode::CONFLICT, m.clone()),
            AppError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "something went wrong on the server; the details are in its log".into(),
            ),
        };
        ErrorInfo { status, message }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(detail) = &self {
            tracing::error!(%detail, "request failed");
        }
        let info = self.info();
        let mut r = info.status.into_response();
        r.extensions_mut().insert(info);
        r
    }
}

impl From<khabar_store::Error> for AppError {
    fn from(e: khabar_store::Error) -> Self {
        match e {
            khabar_store::Error::NotFound(m) => AppError::NotFound(m),
            khabar_store::Error::Conflict(m) => AppError::Conflict(m),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<Error> for AppError {
    fn from(e: Error) -> Self {
        match e {
            Error::Store(s) => s.into(),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(format!("cannot render a page: {e}"))
    }
}

pub(crate) async fn not_found(uri: Uri) -> AppError {
    tracing::debug!(path = %uri.path(), "no such page");
    AppError::NotFound("there is no page at this address".into())
}

pub(crate) async fn method_not_allowed() -> AppError {
    AppError::MethodNotAllowed
}
