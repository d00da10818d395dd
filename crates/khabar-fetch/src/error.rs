use std::net::IpAddr;
use std::time::Duration;

use chrono::{DateTime, Utc};

/// Why a fetch failed, as a classification with a stable [`FetchError::code`]
/// that is stored on the source and shown on its health page.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: not a URL khabar fetches: {reason}")]
    BadUrl { url: String, reason: String },
    #[error("{host}: the name does not resolve: {detail}")]
    Dns { host: String, detail: String },
    #[error("{url}: cannot connect: {detail}")]
    Connect { url: String, detail: String },
    #[error("{url}: TLS failed: {detail}")]
    Tls { url: String, detail: String },
    #[error("{url}: no complete answer within {after:?}")]
    Timeout { url: String, after: Duration },
    #[error(
        "{url}: the response is larger than {limit} bytes (after decompression) or decompresses suspiciously well"
    )]
    TooLarge { url: String, limit: u64 },
    #[error("{url}: more than {limit} redirects")]
    TooManyRedirects { url: String, limit: usize },
    #[error(
        "{url}: refused to connect to {addr}, a {kind} address (set fetch.allow_loopback / allow_private to allow it)"
    )]
    Blocked {
        url: String,
        addr: IpAddr,
        kind: &'static str,
    },
    #[error("{url}: robots.txt disallows it")]
    RobotsDisallowed { url: String },
    #[error("{url}: HTTP status {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: the host asks us to wait until {retry_at}")]
    RateLimited {
        url: String,
        retry_at: DateTime<Utc>,
    },
    #[error("{url}: the response body is empty")]
    EmptyBody { url: String },
    #[error("{url}: unsupported content encoding `{encoding}`")]
    Encoding { url: String, encoding: String },
    #[error("{url}: the connection failed while reading: {detail}")]
    Body { url: String, detail: String },
    #[error("cannot build the HTTP client: {0}")]
    Client(String),
}

impl FetchError {
    /// A stable code, safe to store and to match on.
    pub fn code(&self) -> &'static str {
        match self {
            FetchError::BadUrl { .. } => "BadUrl",
            FetchError::Dns { .. } => "Dns",
            FetchError::Connect { .. } => "Connect",
            FetchError::Tls { .. } => "Tls",
            FetchError::Timeout { .. } => "Timeout",
            FetchError::TooLarge { .. } => "TooLarge",
            FetchError::TooManyRedirects { .. } => "TooManyRedirects",
            FetchError::Blocked { .. } => "Blocked",
            FetchError::RobotsDisallowed { .. } => "RobotsDisallowed",
            FetchError::Status { .. } => "Status",
            FetchError::RateLimited { .. } => "RateLimited",
            FetchError::EmptyBody { .. } => "EmptyBody",
            FetchError::Encoding { .. } => "Encoding",
            FetchError::Body { .. } => "Body",
            FetchError::Client(_) => "Client",
        }
    }

    /// Whether trying again later may succeed (network trouble, 5xx, rate
    /// limits) as opposed to a permanent refusal (bad URL, 404, blocked address).
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Dns { .. }
            | FetchError::Connect { .. }
            | FetchError::Tls { .. }
            | FetchError::Timeout { .. }
            | FetchError::RateLimited { .. }
            | FetchError::Body { .. } => true,
            FetchError::Status { status, .. } => *status >= 500 || *status == 408,
            _ => false,
        }
    }
}

/// Result with [`FetchError`].
pub type Result<T, E = FetchError> = std::result::Result<T, E>;
