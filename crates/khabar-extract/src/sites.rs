//! Site rules: where the article text sits on a known outlet's pages.
//!
//! A rule names a domain (it covers that host and every subdomain), one or
//! more CSS selectors for the article body, tried in order, and selectors
//! for the parts inside the body that are not the article (related links,
//! share bars, embedded promotions). On a page whose host has a rule (and
//! that is not typed as a list of links or goods), the first body selector that matches nodes holding at
//! least [`MIN_RULE_TEXT`] characters of text gives the text: every match,
//! in document order, with the dropped parts and the page furniture left
//! out. When no selector matches (the outlet changed its templates, or the
//! page is not an article page), the general extractor runs as if there
//! were no rule, so a stale rule costs nothing but the lookup; the
//! extracted article says which rule gave its text (`site_rule`), so a
//! rule that stops matching shows.
//!
//! The built-in table covers outlets of the default catalog that publish
//! on a shared, documented page template: the RFE/RL and VOA language
//! services (one CMS whose article body is `#article-content .wsw`), the
//! BBC, AP, Al Jazeera, The Guardian, DW, and the WordPress outlets of the
//! catalog (the body class every WordPress theme of theirs emits). Users
//! add or replace rules in `khabar.toml` (`[[site]]`), checked when
//! the configuration is read: a selector that does not parse is an error
//! naming the domain and the selector.
//!
//! The table is sorted by domain and looked up by binary search on the host
//! and each parent domain, most specific first.

use std::sync::{Arc, LazyLock};

use dom_query::{Document, Matcher};

use crate::body::{self, Block};
use crate::error::{Error, Result};
use crate::textlen;

/// Text (non-space characters) a body selector must find for
/// its rule to apply: less than a short news item means the selector hit a
/// teaser or an empty wrapper, not the article.
pub const MIN_RULE_TEXT: usize = 200;

/// One outlet's rule, as written in the table or in `khabar.toml`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteRule {
    /// The host the rule covers, with its subdomains (`bbc.com` covers
    /// `www.bbc.com`).
    pub domain: String,
    /// Selectors of the article body, tried in order.
    pub body: Vec<String>,
    /// Selectors of the parts inside the body that are not the article.
    #[serde(default)]
    pub drop: Vec<String>,
}

/// Shared WordPress body classes and share/related widgets: the catalog's
/// WordPress outlets use themes that emit one of these.
const WP_BODY: &[&str] = &[".entry-content", ".td-post-content", ".post-content"];
const WP_DROP: &[&str] = &[
    ".sharedaddy",
    ".jp-relatedposts",
    ".yarpp-related",
    ".addtoany_share_save_container",
    ".heateor_sss_sharing_container",
    ".wp-block-embed",
    ".code-block",
    ".post-tags",
];
/// The RFE/RL and VOA language services' CMS.
const PANGEA_BODY: &[&str] = &["#article-content .wsw", ".article-content .wsw"];
const PANGEA_DROP: &[&str] = &[".wsw__embed", ".media-block-wrap", ".clear"];

/// The built-in rules: (domain, body selectors, dropped selectors).
const BUILTIN: &[(&str, &[&str], &[&str])] = &[
    ("8am.media", WP_BODY, WP_DROP),
    ("afghanistan-analysts.org", WP_BODY, WP_DROP),
    (
        "aljazeera.com",
        &[".wysiwyg--all-content"],
        &[".more-on", ".ad-container", ".article-inline-newsletter"],
    ),
    ("amu.tv", WP_BODY, WP_DROP),
    (
        "apnews.com",
        &[".RichTextStoryBody", ".RichTextBody"],
        &[".Enhancement", ".Advertisement"],
    ),
    ("ariananews.af", WP_BODY, WP_DROP),
    ("azadiradio.com", PANGEA_BODY, PANGEA_DROP),
    (
        "bbc.co.uk",
        &["article [data-component=\"text-block\"]"],
        &["[data-component=\"links-block\"]"],
    ),
    (
        "bbc.com",
        &["article [data-component=\"text-block\"]"],
        &["[data-component=\"links-block\"]"],
    ),
    ("darivoa.com", PANGEA_BODY, PANGEA_DROP),
    (
        "dw.com",
        &[".rich-text"],
        &["[data-tracking-name=\"related-content\"]"],
    ),
    ("etilaatroz.com", WP_BODY, WP_DROP),
    ("kabulnow.com", WP_BODY, WP_DROP),
    ("khaama.com", WP_BODY, WP_DROP),
    ("pashtovoa.com", PANGEA_BODY, PANGEA_DROP),
    ("rukhshana.com", WP_BODY, WP_DROP),
    ("shamshadnews.com", WP_BODY, WP_DROP),
    ("swn.af", WP_BODY, WP_DROP),
    (
        "theguardian.com",
        &[".article-body-commercial-selector"],
        &["[data-spacefinder-role=\"inline\"] aside", "gu-island"],
    ),
    ("zantimes.com", WP_BODY, WP_DROP),
];

/// A rule with its selectors parsed.
#[derive(Debug, Clone)]
struct Compiled {
    domain: String,
    body: Vec<Matcher>,
    drop: Vec<Matcher>,
}

/// A sorted table of site rules.
#[derive(Debug, Clone)]
pub struct SiteRules {
    rules: Vec<Compiled>,
    /// Attribute names the selectors read (`data-component` in
    /// `[data-component="text-block"]`): the pre-pass, which drops the
    /// attributes the extractor does not read, keeps these.
    attrs: Vec<String>,
}

/// The attribute names a selector reads (`a[href]`, `[data-x="y"]`).
fn selector_attrs(sel: &str) -> impl Iterator<Item = String> + '_ {
    sel.split('[').skip(1).filter_map(|rest| {
        let name: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':'))
            .collect();
        (!name.is_empty()).then(|| name.to_ascii_lowercase())
    })
}

/// The built-in table as rules.
fn builtin_rules() -> Vec<SiteRule> {
    BUILTIN
        .iter()
        .map(|(d, b, x)| SiteRule {
            domain: (*d).to_string(),
            body: b.iter().map(|s| (*s).to_string()).collect(),
            drop: x.iter().map(|s| (*s).to_string()).collect(),
        })
        .collect()
}

static BUILTIN_RULES: LazyLock<Arc<SiteRules>> = LazyLock::new(|| {
    // The built-in selectors are checked by a unit test.
    Arc::new(SiteRules::from_rules(&builtin_rules()).expect("built-in site rules parse"))
});

fn compile(rule: &SiteRule) -> Result<Compiled> {
    let domain = rule
        .domain
        .trim()
        .trim_start_matches("www.")
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let bad = |selector: &str, reason: String| Error::SiteRule {
        domain: rule.domain.clone(),
        selector: selector.to_string(),
        reason,
    };
    if domain.is_empty() || domain.contains(['/', ':', ' ']) || !domain.contains('.') {
        return Err(bad(
            "",
            "the domain must be a host name such as example.org".into(),
        ));
    }
    if rule.body.is_empty() {
        return Err(bad("", "a rule needs at least one body selector".into()));
    }
    let parse = |s: &String| Matcher::new(s).map_err(|e| bad(s, format!("{e:?}")));
    Ok(Compiled {
        domain,
        body: rule.body.iter().map(parse).collect::<Result<_>>()?,
        drop: rule.drop.iter().map(parse).collect::<Result<_>>()?,
    })
}

impl SiteRules {
    /// The built-in table.
    pub fn builtin() -> Arc<SiteRules> {
        Arc::clone(&BUILTIN_RULES)
    }

    /// A table of exactly these rules (a later rule for the same domain
    /// replaces an earlier one).
    ///
    /// # Errors
    /// [`Error::SiteRule`] when a domain is not a host name, a rule has no
    /// body selector, or a selector does not parse.
    pub fn from_rules(rules: &[SiteRule]) -> Result<SiteRules> {
        let mut out: Vec<Compiled> = Vec::with_capacity(rules.len());
        let mut attrs: Vec<String> = Vec::new();
        for r in rules {
            let c = compile(r)?;
            out.retain(|o| o.domain != c.domain);
            out.push(c);
            attrs.extend(r.body.iter().chain(&r.drop).flat_map(|s| selector_attrs(s)));
        }
        out.sort_by(|a, b| a.domain.cmp(&b.domain));
        attrs.sort();
        attrs.dedup();
        Ok(SiteRules { rules: out, attrs })
    }

    /// The built-in table with `extra` added; a rule of `extra` replaces the
    /// built-in rule of the same domain.
    ///
    /// # Errors
    /// As [`SiteRules::from_rules`], for the rules of `extra`.
    pub fn builtin_with(extra: &[SiteRule]) -> Result<SiteRules> {
        let mut all = builtin_rules();
        all.extend(extra.iter().cloned());
        SiteRules::from_rules(&all)
    }

    /// The attribute names the rules' selectors read.
    pub(crate) fn attrs(&self) -> &[String] {
        &self.attrs
    }

    /// The domains with a rule, sorted.
    pub fn domains(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.domain.as_str())
    }

    /// The rule covering a URL's host: the host itself, else its nearest
    /// parent domain with a rule.
    fn find(&self, url: &str) -> Option<&Compiled> {
        let host = url::Url::parse(url).ok()?.host_str()?.to_ascii_lowercase();
        let mut h = host.trim_end_matches('.');
        loop {
            if let Ok(i) = self.rules.binary_search_by(|r| r.domain.as_str().cmp(h)) {
                return Some(&self.rules[i]);
            }
            h = h.split_once('.')?.1;
        }
    }

    /// The text of a page by its site's rule, with the rule's domain; `None`
    /// when no rule covers the URL or none of its body selectors finds
    /// enough text.
    pub(crate) fn body(&self, doc: &Document, url: &str) -> Option<(Vec<Block>, String)> {
        let rule = self.find(url)?;
        for m in &rule.body {
            let sel = doc.select_matcher(m);
            // Nested matches (a selector matching a wrapper and its inner
            // part) would repeat text: keep the outermost.
            let all = sel.nodes();
            let ids: std::collections::HashSet<_> = all.iter().map(|n| n.id).collect();
            let nodes: Vec<_> = all
                .iter()
                .filter(|n| !n.ancestors_it(None).any(|a| ids.contains(&a.id)))
                .copied()
                .collect();
            let chars: usize = nodes.iter().map(|n| textlen::sizes(n).1).sum();
            if chars < MIN_RULE_TEXT {
                continue;
            }
            for n in &nodes {
                for d in &rule.drop {
                    for x in dom_query::Selection::from(*n).select_matcher(d).nodes() {
                        x.remove_from_parent();
                    }
                }
            }
            let blocks: Vec<Block> = nodes
                .iter()
                .flat_map(|n| body::blocks_of_article_page(n, textlen::sizes(n).0))
                .collect();
            let kept: usize = blocks
                .iter()
                .map(|b| b.text.chars().filter(|c| !c.is_whitespace()).count())
                .sum();
            if kept >= MIN_RULE_TEXT {
                return Some((blocks, rule.domain.clone()));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_parse_and_are_sorted() {
        let r = SiteRules::builtin();
        let d: Vec<&str> = r.domains().collect();
        assert_eq!(d.len(), BUILTIN.len(), "one rule per domain");
        assert!(d.windows(2).all(|w| w[0] < w[1]), "{d:?}");
    }

    #[test]
    fn attributes_read_by_selectors_are_listed() {
        let got: Vec<String> =
            selector_attrs("article [data-component=\"text-block\"], a[ href ]").collect();
        assert_eq!(got, ["data-component", "href"]);
        assert!(
            SiteRules::builtin()
                .attrs()
                .iter()
                .any(|a| a == "data-component")
        );
    }

    #[test]
    fn a_rule_covers_its_subdomains_only() {
        let r = SiteRules::builtin();
        let dom = |u: &str| r.find(u).map(|c| c.domain.clone());
        assert_eq!(
            dom("https://www.bbc.com/news/articles/x").as_deref(),
            Some("bbc.com")
        );
        assert_eq!(
            dom("https://da.azadiradio.com/a/1.html").as_deref(),
            Some("azadiradio.com")
        );
        assert_eq!(dom("https://KHAAMA.com/x/").as_deref(), Some("khaama.com"));
        assert_eq!(dom("https://notbbc.com/x"), None);
        assert_eq!(dom("https://bbc.com.example.org/x"), None);
        assert_eq!(dom("not a url"), None);
    }

    #[test]
    fn nested_matches_give_their_text_once_and_short_ones_do_not_count() {
        let para = "The council approved the budget for the new water network in the eastern districts after a long debate. ";
        let html = format!(
            "<div class=story><div class=story-text><p>{para}</p><p>{para}</p><p>{para}</p></div>\
             <div class=promo><p>Subscribe to our newsletter for the latest updates every day.</p></div></div>\
             <div class=teaser><p>Short teaser.</p></div>"
        );
        let doc = Document::from(html.as_str());
        let rules = SiteRules::from_rules(&[SiteRule {
            domain: "example.org".into(),
            body: vec![".teaser".into(), ".story, .story-text".into()],
            drop: vec![".promo".into()],
        }])
        .unwrap();
        let (blocks, domain) = rules.body(&doc, "https://news.example.org/a").unwrap();
        assert_eq!(domain, "example.org");
        assert_eq!(blocks.len(), 3, "{blocks:?}");
        assert!(blocks.iter().all(|b| b.text == para.trim()), "{blocks:?}");
    }

    #[test]
    fn user_rules_replace_builtin_ones_and_bad_ones_are_named() {
        let mine = SiteRule {
            domain: "www.khaama.com".into(),
            body: vec!["main .story".into()],
            drop: vec![],
        };
        let r = SiteRules::builtin_with(std::slice::from_ref(&mine)).unwrap();
        assert_eq!(r.domains().filter(|d| *d == "khaama.com").count(), 1);
        let c = r.find("https://www.khaama.com/a").unwrap();
        assert_eq!(c.body.len(), 1);

        let bad = SiteRule {
            domain: "example.org".into(),
            body: vec!["div[".into()],
            drop: vec![],
        };
        let e = SiteRules::from_rules(&[bad]).unwrap_err().to_string();
        assert!(e.contains("example.org") && e.contains("div["), "{e}");
        let no_body = SiteRule {
            domain: "example.org".into(),
            body: vec![],
            drop: vec![],
        };
        assert!(SiteRules::from_rules(&[no_body]).is_err());
        let url_not_host = SiteRule {
            domain: "https://example.org/news".into(),
            body: vec!["main".into()],
            drop: vec![],
        };
        assert!(SiteRules::from_rules(&[url_not_host]).is_err());
    }
}
