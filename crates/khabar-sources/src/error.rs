/// What went wrong reading a feed, a sitemap or an OPML file. Each variant
/// names the input (its URL, or "OPML") and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The bytes are not a feed feed-rs understands (RSS, Atom, JSON Feed).
    #[error(
        "{url}: not a readable feed ({why}); check that the URL serves RSS, Atom or JSON Feed, \
         or add it as a sitemap or page source"
    )]
    Feed { url: String, why: String },
    /// The bytes are not an XML sitemap or sitemap index.
    #[error(
        "{url}: not a readable sitemap ({why}); check that the URL serves <urlset> or <sitemapindex> XML"
    )]
    Sitemap { url: String, why: String },
    /// A compressed sitemap is larger than allowed once decompressed.
    #[error(
        "{url}: the sitemap is larger than {limit} bytes once decompressed; refused (a compression bomb, \
         or a sitemap that should be split)"
    )]
    TooLarge { url: String, limit: u64 },
    /// The text is not OPML.
    #[error("not a readable OPML file: {0}; export it again from your feed reader as OPML 2.0")]
    Opml(String),
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
