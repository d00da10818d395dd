use khabar_model::SourceKind::{Feed, Page, Sitemap};
use khabar_sources::guess_kind;

#[test]
fn sniffs_feeds_sitemaps_and_pages() {
    let cases: &[(&[u8], Option<&str>, Option<khabar_model::SourceKind>)] = &[
        (b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>", None, Some(Feed)),
        (b"\xEF\xBB\xBF<?xml version=\"1.0\"?><!-- c --><feed xmlns=\"http://www.w3.org/2005/Atom\"/>", None, Some(Feed)),
        (b"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"></rdf:RDF>", None, Some(Feed)),
        (b"  {\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", None, Some(Feed)),
        (b"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"></urlset>", Some("text/xml"), Some(Sitemap)),
        (b"<?xml version=\"1.0\"?><sitemapindex></sitemapindex>", None, Some(Sitemap)),
        (b"\x1f\x8b\x08\x00\x00\x00", None, Some(Sitemap)),
        (b"<!DOCTYPE html><html><head></head></html>", Some("application/rss+xml"), Some(Page)),
        (b"<html lang=\"fa\"><body>x</body></html>", None, Some(Page)),
        (b"not markup", Some("text/html; charset=utf-8"), Some(Page)),
        (b"not markup", Some("application/atom+xml"), Some(Feed)),
        (b"{\"a\": 1}", Some("application/json"), None),
        (b"", None, None),
        (b"plain text", Some("text/plain"), None),
    ];
    for (bytes, ct, want) in cases {
        assert_eq!(
            guess_kind(bytes, *ct),
            *want,
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}
