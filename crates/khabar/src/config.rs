//! `khabar.toml`: read once, overridden by `KHABAR_SECTION__KEY` variables,
//! validated into typed options. Only the binary reads it; stages receive
//! the typed values.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use khabar_model::{Lang, SourceDraft, SourceKind, SourceOrigin, canonicalize_url};
use serde::Deserialize;

/// The whole config file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub server: ServerConfig,
    pub fetch: FetchConfig,
    #[serde(rename = "source")]
    pub sources: Vec<SourceConfig>,
    /// The topic taxonomy; empty = the built-in Afghanistan taxonomy.
    #[serde(rename = "topic")]
    pub topics: Vec<khabar_understand::topics::Topic>,
    /// Site rules for extraction, added to the built-in table (a rule for
    /// a domain the table has replaces it).
    #[serde(rename = "site")]
    pub sites: Vec<khabar_extract::SiteRule>,
}

impl Config {
    /// The site rules extraction uses: the built-in table with the
    /// `[[site]]` entries.
    pub fn site_rules(&self) -> anyhow::Result<std::sync::Arc<khabar_extract::SiteRules>> {
        if self.sites.is_empty() {
            return Ok(khabar_extract::SiteRules::builtin());
        }
        Ok(std::sync::Arc::new(
            khabar_extract::SiteRules::builtin_with(&self.sites).context("[[site]]")?,
        ))
    }

    /// The taxonomy topics are labelled with.
    pub fn taxonomy(&self) -> khabar_understand::Taxonomy {
        if self.topics.is_empty() {
            khabar_understand::Taxonomy::afghanistan()
        } else {
            khabar_understand::Taxonomy {
                topics: self.topics.clone(),
            }
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerConfig {
    pub addr: String,
    /// Needed for changing API calls and admin forms.
    pub token: Option<String>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            addr: "127.0.0.1:8080".into(),
            token: None,
        }
    }
}

/// The token never reaches a log line.
impl fmt::Debug for ServerConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServerConfig")
            .field("addr", &self.addr)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// Politeness and safety settings of the fetcher.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FetchConfig {
    pub user_agent: String,
    pub min_host_gap_secs: u64,
    pub feed_timeout_secs: u64,
    pub page_timeout_secs: u64,
    pub max_body_bytes: u64,
    pub allow_loopback: bool,
    pub allow_private: bool,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            user_agent: concat!(
                "khabar/",
                env!("CARGO_PKG_VERSION"),
                " (+https://github.com/khabar-news/khabar)"
            )
            .into(),
            min_host_gap_secs: 2,
            feed_timeout_secs: 30,
            page_timeout_secs: 60,
            max_body_bytes: 16 * 1024 * 1024,
            allow_loopback: false,
            allow_private: false,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    pub name: String,
    pub url: String,
    pub kind: Option<String>,
    pub lang: Option<String>,
    /// For `page` sources: only links whose URL contains this (`*` = anything).
    pub pattern: Option<String>,
    /// Free text for people reading the file; khabar keeps it in the file only.
    #[expect(
        dead_code,
        reason = "documentation for people, accepted so the file validates"
    )]
    pub note: Option<String>,
}

/// Where the config comes from.
#[derive(Debug)]
pub struct Loaded {
    pub config: Config,
    /// The file read, or `None` when the default file is absent and defaults apply.
    pub path: Option<PathBuf>,
}

/// Reads the config at `path`. A missing file is an error only when the
/// user named it (`--config` / `KHABAR_CONFIG`); otherwise defaults apply.
pub fn load(path: &Path, explicit: bool) -> anyhow::Result<Loaded> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => None,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!(
                "config file {} does not exist: create it with `khabar init`",
                path.display()
            )
        }
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let mut table: toml::Table = match &text {
        Some(t) => {
            toml::from_str(t).with_context(|| format!("{} is not valid TOML", path.display()))?
        }
        None => toml::Table::new(),
    };
    apply_env_overrides(&mut table, std::env::vars())?;
    let config: Config = table.try_into().with_context(|| {
        format!(
            "{}: invalid configuration (see README.md, Configuration)",
            path.display()
        )
    })?;
    config
        .validate()
        .with_context(|| format!("{}: invalid configuration", path.display()))?;
    Ok(Loaded {
        config,
        path: text.map(|_| path.to_path_buf()),
    })
}

/// `KHABAR_SERVER__ADDR=0.0.0.0:8080` sets `[server] addr`. The value is read
/// as a TOML value when it parses as one (numbers, booleans), else as a string.
fn apply_env_overrides(
    table: &mut toml::Table,
    vars: impl Iterator<Item = (String, String)>,
) -> anyhow::Result<()> {
    for (key, value) in vars {
        let Some(rest) = key.strip_prefix("KHABAR_") else {
            continue;
        };
        let Some((section, field)) = rest.split_once("__") else {
            continue;
        };
        let (section, field) = (section.to_ascii_lowercase(), field.to_ascii_lowercase());
        if section.is_empty() || field.is_empty() {
            continue;
        }
        let parsed = toml::from_str::<toml::Table>(&format!("v = {value}"))
            .ok()
            .and_then(|mut t| t.remove("v"))
            .unwrap_or(toml::Value::String(value.clone()));
        let entry = table
            .entry(section.clone())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        match entry {
            toml::Value::Table(t) => {
                t.insert(field, parsed);
            }
            _ => bail!("{key}: `{section}` is not a section of the config"),
        }
    }
    Ok(())
}

impl Config {
    fn validate(&self) -> anyhow::Result<()> {
        self.fetch.validate()?;
        self.site_rules()?;
        self.source_drafts().map(|_| ())
    }

    /// The `[[source]]` entries as drafts for the store, validated.
    pub fn source_drafts(&self) -> anyhow::Result<Vec<SourceDraft>> {
        let mut names = HashSet::new();
        let mut urls = HashSet::new();
        let mut out = Vec::new();
        for (i, s) in self.sources.iter().enumerate() {
            let at = || format!("[[source]] number {} (`{}`)", i + 1, s.name);
            let mut draft = source_draft(
                &s.name,
                &s.url,
                s.kind.as_deref(),
                s.lang.as_deref(),
                SourceOrigin::Config,
            )
            .with_context(at)?;
            draft.pattern = clean_pattern(s.pattern.as_deref()).with_context(at)?;
            if !names.insert(draft.name.to_lowercase()) {
                bail!("{}: another source has the same name", at());
            }
            if !urls.insert(draft.url.clone()) {
                bail!("{}: another source has the same URL", at());
            }
            out.push(draft);
        }
        Ok(out)
    }
}

/// Checks one source given by a user (config or CLI).
pub fn source_draft(
    name: &str,
    url: &str,
    kind: Option<&str>,
    lang: Option<&str>,
    origin: SourceOrigin,
) -> anyhow::Result<SourceDraft> {
    let name = name.trim();
    if name.is_empty() {
        bail!("the source name is empty");
    }
    let url = canonicalize_url(url)?;
    let kind = match kind {
        Some(k) => k.parse::<SourceKind>()?,
        None => SourceKind::guess(&url),
    };
    let lang = lang.map(str::parse::<Lang>).transpose()?;
    Ok(SourceDraft {
        name: name.to_string(),
        url,
        kind,
        lang,
        origin,
        pattern: None,
    })
}

/// A section-page link pattern: trimmed, `None` when empty, bounded.
pub fn clean_pattern(p: Option<&str>) -> anyhow::Result<Option<String>> {
    let Some(p) = p.map(str::trim).filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    if p.len() > 200 {
        bail!("the URL pattern is longer than 200 characters");
    }
    Ok(Some(p.to_string()))
}

impl FetchConfig {
    /// The fetcher's options: these values over the protective defaults.
    pub fn fetch_options(&self) -> khabar_fetch::FetchOptions {
        use std::time::Duration;
        khabar_fetch::FetchOptions {
            user_agent: self.user_agent.clone(),
            min_host_gap: Duration::from_secs(self.min_host_gap_secs),
            feed_timeout: Duration::from_secs(self.feed_timeout_secs),
            page_timeout: Duration::from_secs(self.page_timeout_secs),
            max_body_bytes: self.max_body_bytes,
            policy: khabar_fetch::AddressPolicy {
                allow_loopback: self.allow_loopback,
                allow_private: self.allow_private,
            },
            ..khabar_fetch::FetchOptions::default()
        }
    }

    fn validate(&self) -> anyhow::Result<()> {
        if self.min_host_gap_secs < 1 {
            bail!("[fetch] min_host_gap_secs must be at least 1: khabar never hammers a host");
        }
        if self.feed_timeout_secs == 0 || self.page_timeout_secs == 0 {
            bail!("[fetch] timeouts must be at least 1 second");
        }
        if self.max_body_bytes < 1024 {
            bail!("[fetch] max_body_bytes must be at least 1024");
        }
        if !self.user_agent.to_ascii_lowercase().contains("khabar") {
            bail!("[fetch] user_agent must name khabar, so site owners know who is fetching");
        }
        Ok(())
    }
}

/// The starter config written by `khabar init`.
pub const STARTER: &str = r#"# khabar configuration. Every key is optional; the values shown are the defaults.
# Environment variables override keys: KHABAR_SERVER__ADDR=0.0.0.0:8080.

[server]
addr = "127.0.0.1:8080"
# token = "a long random string"   # needed for changing API calls and admin forms

[fetch]
# user_agent = "khabar/0.1 (+https://github.com/khabar-news/khabar)"
min_host_gap_secs = 2        # politeness floor per host
feed_timeout_secs = 30       # whole request, headers + body
page_timeout_secs = 60
max_body_bytes = 16777216    # after decompression
allow_loopback = false
allow_private = false

# One [[source]] per outlet. kind is feed | sitemap | page (guessed from the URL when absent).
# [[source]]
# name = "Example News"
# url = "https://example.org/feed/"
# kind = "feed"
# lang = "en"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(list: &[(&str, &str)]) -> impl Iterator<Item = (String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn starter_config_parses_to_defaults() {
        let t: toml::Table = toml::from_str(STARTER).unwrap();
        let c: Config = t.try_into().unwrap();
        assert_eq!(c.server.addr, "127.0.0.1:8080");
        assert_eq!(c.fetch.min_host_gap_secs, 2);
        assert!(!c.fetch.allow_loopback);
        assert!(c.sources.is_empty());
    }

    #[test]
    fn env_overrides_set_typed_values() {
        let mut t = toml::Table::new();
        apply_env_overrides(
            &mut t,
            vars(&[
                ("KHABAR_SERVER__ADDR", "0.0.0.0:9000"),
                ("KHABAR_FETCH__ALLOW_LOOPBACK", "true"),
                ("KHABAR_FETCH__MIN_HOST_GAP_SECS", "5"),
                ("KHABAR_DATA", "/ignored"),
            ]),
        )
        .unwrap();
        let c: Config = t.try_into().unwrap();
        assert_eq!(c.server.addr, "0.0.0.0:9000");
        assert!(c.fetch.allow_loopback);
        assert_eq!(c.fetch.min_host_gap_secs, 5);
    }

    #[test]
    fn unknown_keys_and_bad_sources_are_rejected() {
        let t: toml::Table = toml::from_str("[server]\nport = 80\n").unwrap();
        assert!(t.try_into::<Config>().is_err());
        let t: toml::Table = toml::from_str(
            "[[source]]\nname = \"A\"\nurl = \"https://a.example/feed\"\n\
             [[source]]\nname = \"a\"\nurl = \"https://b.example/feed\"\n",
        )
        .unwrap();
        let c: Config = t.try_into().unwrap();
        let err = format!("{:#}", c.validate().unwrap_err());
        assert!(err.contains("same name"), "{err}");
    }

    #[test]
    fn site_rules_extend_the_builtin_table_and_bad_selectors_are_named() {
        let t: toml::Table = toml::from_str(
            "[[site]]\ndomain = \"news.example.org\"\nbody = [\".story-text\"]\n\
             drop = [\".promo\"]\n",
        )
        .unwrap();
        let c: Config = t.try_into().unwrap();
        c.validate().unwrap();
        let rules = c.site_rules().unwrap();
        let domains: Vec<&str> = rules.domains().collect();
        assert!(domains.contains(&"news.example.org"), "{domains:?}");
        assert!(domains.contains(&"apnews.com"), "{domains:?}");

        let t: toml::Table =
            toml::from_str("[[site]]\ndomain = \"news.example.org\"\nbody = [\"div[\"]\n").unwrap();
        let c: Config = t.try_into().unwrap();
        let err = format!("{:#}", c.validate().unwrap_err());
        assert!(
            err.contains("news.example.org") && err.contains("div["),
            "{err}"
        );
        let t: toml::Table =
            toml::from_str("[[site]]\ndomain = \"a.example\"\nbodies = [\"p\"]\n").unwrap();
        assert!(t.try_into::<Config>().is_err(), "unknown keys are rejected");
    }

    #[test]
    fn token_is_redacted_in_debug() {
        let s = ServerConfig {
            addr: "x".into(),
            token: Some("s3cret".into()),
        };
        assert!(!format!("{s:?}").contains("s3cret"));
    }
}
