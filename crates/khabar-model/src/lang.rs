use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::Error;

/// A language code: ISO 639-1 where one exists (`en`, `fa`, `ps`, `ur`,
/// `ar`), ISO 639-3 otherwise, optionally followed by subtags (`fa-AF`).
/// Stored lower-case for the language part.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Lang(String);

impl Lang {
    /// The code as written, e.g. `fa-AF`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag, e.g. `fa` for `fa-AF`.
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }
}

impl FromStr for Lang {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let s = s.trim().replace('_', "-");
        let mut parts = s.split('-');
        let primary = parts.next().unwrap_or_default().to_ascii_lowercase();
        let primary_ok =
            (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
        let rest: Vec<&str> = parts.collect();
        let rest_ok = rest
            .iter()
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !primary_ok || !rest_ok {
            return Err(Error::BadLang(s));
        }
        // BCP 47 case conventions, so `fa-af` and `fa-AF` are one language:
        // region subtags upper-case, script subtags title-case.
        let mut out = primary;
        for p in rest {
            out.push('-');
            match p.len() {
                2 => out.push_str(&p.to_ascii_uppercase()),
                4 => {
                    let lower = p.to_ascii_lowercase();
                    out.push_str(&lower[..1].to_ascii_uppercase());
                    out.push_str(&lower[1..]);
                }
                _ => out.push_str(&p.to_ascii_lowercase()),
            }
        }
        Ok(Lang(out))
    }
}

impl TryFrom<String> for Lang {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        s.parse()
    }
}

impl From<Lang> for String {
    fn from(l: Lang) -> String {
        l.0
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_iso_codes_and_subtags() {
        assert_eq!("EN".parse::<Lang>().unwrap().as_str(), "en");
        assert_eq!("fa_AF".parse::<Lang>().unwrap().as_str(), "fa-AF");
        assert_eq!("fa-AF".parse::<Lang>().unwrap().primary(), "fa");
        assert_eq!("prs".parse::<Lang>().unwrap().as_str(), "prs");
        assert_eq!("fa-af".parse::<Lang>().unwrap().as_str(), "fa-AF");
        assert_eq!("uz-CYRL".parse::<Lang>().unwrap().as_str(), "uz-Cyrl");
    }

    #[test]
    fn rejects_names_and_garbage() {
        for bad in ["", "english", "e", "e1", "fa--AF", "fa-toolongsubtag"] {
            assert!(bad.parse::<Lang>().is_err(), "{bad} accepted");
        }
    }
}
