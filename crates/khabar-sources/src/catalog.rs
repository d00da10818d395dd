//! Built-in source catalogs, for `khabar init --catalog NAME`.
//!
//! The URLs were written down from memory, without network access: an
//! entry is `verified: true` only where the exact URL is long-standing and
//! well known, and even those were not fetched when this table was made.
//! `note` says what is uncertain. Fix an entry here when a crawl shows it
//! wrong (its source's `last_error` will say so).

use khabar_model::SourceKind::{self, Feed, Page};

/// One outlet of a built-in catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogEntry {
    pub name: &'static str,
    /// A feed, sitemap or section page URL, in canonical form.
    pub url: &'static str,
    pub kind: SourceKind,
    /// Language code (`en`, `fa`, `fa-AF` for Dari, `ps`).
    pub lang: &'static str,
    /// What the outlet is, and what about the URL is uncertain.
    pub note: &'static str,
    /// Whether the exact URL is known for sure (see the module docs).
    pub verified: bool,
}

/// The names [`catalog`] knows.
pub const CATALOG_NAMES: &[&str] = &["afghanistan"];

/// A built-in catalog by name (`"afghanistan"`), sorted by outlet name.
pub fn catalog(name: &str) -> Option<&'static [CatalogEntry]> {
    match name.trim().to_ascii_lowercase().as_str() {
        "afghanistan" => Some(AFGHANISTAN),
        _ => None,
    }
}

const fn e(
    name: &'static str,
    url: &'static str,
    kind: SourceKind,
    lang: &'static str,
    note: &'static str,
    verified: bool,
) -> CatalogEntry {
    CatalogEntry {
        name,
        url,
        kind,
        lang,
        note,
        verified,
    }
}

const WP: &str = "the usual WordPress feed path; not checked";

/// Afghan outlets (in the country and in exile), international services in
/// English, Dari/Persian and Pashto, and UN and NGO sources.
static AFGHANISTAN: &[CatalogEntry] = &[
    e(
        "Afghan Voice Agency (AVA)",
        "https://www.avapress.com/fa",
        Page,
        "fa-AF",
        "Kabul news agency, Dari front page; feed URL unknown, path not checked",
        false,
    ),
    e(
        "Afghanistan Analysts Network",
        "https://www.afghanistan-analysts.org/en/feed/",
        Feed,
        "en",
        "independent research; WordPress feed path under /en/, not checked",
        false,
    ),
    e(
        "Afghanistan International (English)",
        "https://www.afintl.com/en",
        Page,
        "en",
        "broadcaster in exile (London); English section page, no feed URL known; path not checked",
        false,
    ),
    e(
        "Afghanistan International (Persian)",
        "https://www.afintl.com/",
        Page,
        "fa-AF",
        "broadcaster in exile (London); Dari front page, no feed URL known; path not checked",
        false,
    ),
    e(
        "Al Jazeera: Afghanistan",
        "https://www.aljazeera.com/where/afghanistan/",
        Page,
        "en",
        "Al Jazeera English's Afghanistan tag page; path not checked",
        false,
    ),
    e(
        "Amnesty International: Afghanistan",
        "https://www.amnesty.org/en/location/asia-and-the-pacific/south-asia/afghanistan/",
        Page,
        "en",
        "Amnesty's Afghanistan country page; path not checked",
        false,
    ),
    e(
        "Amu TV (Dari)",
        "https://amu.tv/feed/",
        Feed,
        "fa-AF",
        "outlet in exile; WordPress feed path, not checked",
        false,
    ),
    e(
        "Amu TV (English)",
        "https://amu.tv/en/feed/",
        Feed,
        "en",
        "outlet in exile; English edition under /en/ assumed, not checked",
        false,
    ),
    e(
        "AP News: Afghanistan",
        "https://apnews.com/hub/afghanistan",
        Page,
        "en",
        "AP's Afghanistan hub page (AP offers no public RSS); hub path not checked",
        false,
    ),
    e(
        "Ariana News",
        "https://www.ariananews.af/feed/",
        Feed,
        "en",
        WP,
        false,
    ),
    e(
        "BBC News: Asia",
        "https://feeds.bbci.co.uk/news/world/asia/rss.xml",
        Feed,
        "en",
        "BBC's Asia feed (Afghanistan among other countries)",
        true,
    ),
    e(
        "BBC Pashto",
        "https://feeds.bbci.co.uk/pashto/rss.xml",
        Feed,
        "ps",
        "BBC World Service Pashto",
        true,
    ),
    e(
        "BBC Persian",
        "https://feeds.bbci.co.uk/persian/rss.xml",
        Feed,
        "fa",
        "BBC World Service Persian (Iran and Afghanistan)",
        true,
    ),
    e(
        "DW Dari",
        "https://rss.dw.com/rdf/rss-fa-af-all",
        Feed,
        "fa-AF",
        "Deutsche Welle Dari; follows DW's rss-LANG-all naming, not checked",
        false,
    ),
    e(
        "DW Pashto",
        "https://rss.dw.com/rdf/rss-ps-all",
        Feed,
        "ps",
        "Deutsche Welle Pashto; follows DW's rss-LANG-all naming, not checked",
        false,
    ),
    e(
        "Etilaatroz",
        "https://www.etilaatroz.com/feed/",
        Feed,
        "fa-AF",
        "investigative daily, in exile since 2021; WordPress feed path, not checked",
        false,
    ),
    e(
        "Hasht-e Subh (Dari)",
        "https://8am.media/fa/feed/",
        Feed,
        "fa-AF",
        "8am Media, in exile since 2021; WordPress feed path under /fa/, not checked",
        false,
    ),
    e(
        "Hasht-e Subh (English)",
        "https://8am.media/eng/feed/",
        Feed,
        "en",
        "8am Media, in exile since 2021; English edition path /eng/ not checked",
        false,
    ),
    e(
        "Human Rights Watch: Afghanistan",
        "https://www.hrw.org/asia/afghanistan",
        Page,
        "en",
        "HRW's Afghanistan country page; path not checked",
        false,
    ),
    e(
        "Kabul Now",
        "https://kabulnow.com/feed/",
        Feed,
        "en",
        "independent outlet in exile; WordPress feed path, not checked",
        false,
    ),
    e(
        "Khaama Press",
        "https://www.khaama.com/feed/",
        Feed,
        "en",
        WP,
        false,
    ),
    e(
        "OCHA: Afghanistan",
        "https://www.unocha.org/afghanistan",
        Page,
        "en",
        "UN OCHA's Afghanistan page; path not checked",
        false,
    ),
    e(
        "Pajhwok Afghan News (Dari)",
        "https://pajhwok.com/fa/feed/",
        Feed,
        "fa-AF",
        "Kabul news agency; WordPress feed path under /fa/, not checked",
        false,
    ),
    e(
        "Pajhwok Afghan News (English)",
        "https://pajhwok.com/feed/",
        Feed,
        "en",
        "Kabul news agency; WordPress feed path, not checked",
        false,
    ),
    e(
        "Pajhwok Afghan News (Pashto)",
        "https://pajhwok.com/ps/feed/",
        Feed,
        "ps",
        "Kabul news agency; WordPress feed path under /ps/, not checked",
        false,
    ),
    e(
        "Radio Azadi (Dari)",
        "https://da.azadiradio.com/",
        Page,
        "fa-AF",
        "RFE/RL's Afghan service; front page (its RSS feeds have ids not known here)",
        false,
    ),
    e(
        "Radio Azadi (Pashto)",
        "https://pa.azadiradio.com/",
        Page,
        "ps",
        "RFE/RL's Afghan service; front page (its RSS feeds have ids not known here)",
        false,
    ),
    e(
        "ReliefWeb: Afghanistan",
        "https://reliefweb.int/updates/rss.xml?advanced-search=%28PC13%29",
        Feed,
        "en",
        "OCHA's ReliefWeb updates for Afghanistan (PC13 is taken to be its country id); not checked",
        false,
    ),
    e(
        "Rukhshana Media (Dari)",
        "https://rukhshana.com/feed/",
        Feed,
        "fa-AF",
        "women's news agency; WordPress feed path, not checked",
        false,
    ),
    e(
        "Rukhshana Media (English)",
        "https://rukhshana.com/en/feed/",
        Feed,
        "en",
        "women's news agency; English edition under /en/ assumed, not checked",
        false,
    ),
    e(
        "Salam Watandar",
        "https://swn.af/feed/",
        Feed,
        "fa-AF",
        "radio network (Dari and Pashto); domain and feed path not checked",
        false,
    ),
    e(
        "Shamshad News",
        "https://shamshadnews.com/feed/",
        Feed,
        "ps",
        "Pashto TV news; domain and feed path not checked",
        false,
    ),
    e(
        "The Diplomat: Afghanistan",
        "https://thediplomat.com/tag/afghanistan/feed/",
        Feed,
        "en",
        "WordPress tag feed; tag slug not checked",
        false,
    ),
    e(
        "The Guardian: Afghanistan",
        "https://www.theguardian.com/world/afghanistan/rss",
        Feed,
        "en",
        "the Guardian's Afghanistan section feed",
        true,
    ),
    e(
        "TOLOnews (Dari)",
        "https://tolonews.com/fa/rss.xml",
        Feed,
        "fa-AF",
        "Kabul broadcaster; Dari section /fa/ and rss.xml path are guesses",
        false,
    ),
    e(
        "TOLOnews (English)",
        "https://tolonews.com/rss.xml",
        Feed,
        "en",
        "Kabul broadcaster; rss.xml path is a guess",
        false,
    ),
    e(
        "TOLOnews (Pashto)",
        "https://tolonews.com/ps/rss.xml",
        Feed,
        "ps",
        "Kabul broadcaster; Pashto section /ps/ and rss.xml path are guesses",
        false,
    ),
    e(
        "UN News: Asia Pacific",
        "https://news.un.org/feed/subscribe/en/news/region/asia-pacific/feed/rss.xml",
        Feed,
        "en",
        "UN News regional feed (Afghanistan among others); path from UN News' feed list, not checked",
        false,
    ),
    e(
        "UNAMA",
        "https://unama.unmissions.org/",
        Page,
        "en",
        "UN Assistance Mission in Afghanistan, front page; a Drupal /rss.xml may exist, not checked",
        false,
    ),
    e(
        "UNHCR: Afghanistan",
        "https://www.unhcr.org/countries/afghanistan",
        Page,
        "en",
        "UNHCR's Afghanistan country page; path not checked",
        false,
    ),
    e(
        "VOA Dari",
        "https://www.darivoa.com/",
        Page,
        "fa-AF",
        "Voice of America Dari, front page; VOA cut most services in 2025: check it still publishes",
        false,
    ),
    e(
        "VOA Pashto",
        "https://www.pashtovoa.com/",
        Page,
        "ps",
        "Voice of America Pashto (Ashna), front page; VOA cut most services in 2025: check it still publishes",
        false,
    ),
    e(
        "Zan Times",
        "https://zantimes.com/feed/",
        Feed,
        "en",
        "women-led investigative outlet in exile; WordPress feed path, not checked",
        false,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_by_name() {
        let names: Vec<&str> = AFGHANISTAN.iter().map(|e| e.name).collect();
        let mut sorted = names.clone();
        sorted.sort_by_key(|n| n.to_lowercase());
        assert_eq!(names, sorted);
    }
}
