//! The address guard: which IP addresses khabar may connect to.
//!
//! It runs in two places: inside DNS resolution (a custom reqwest resolver,
//! so a name that resolves to 127.0.0.1 — or rebinds to it later — is
//! refused at connect time) and on literal IP hosts before a request is sent
//! (the `url` crate already normalises `127.1`, `0x7f000001` and `2130706433`
//! to `127.0.0.1`). std's `is_global` is unstable, so the ranges are listed
//! here, from the IANA special-purpose registries.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// What the guard lets through.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AddressPolicy {
    pub allow_loopback: bool,
    pub allow_private: bool,
}

impl AddressPolicy {
    /// `None` when `ip` may be contacted, else the kind of address it is.
    pub fn refuse(&self, ip: IpAddr) -> Option<&'static str> {
        let kind = classify(ip)?;
        match kind {
            "loopback" if self.allow_loopback => None,
            "private" | "link-local" | "shared (CGNAT)" | "unique-local" if self.allow_private => {
                None
            }
            _ => Some(kind),
        }
    }
}

/// The special-purpose kind of an address, or `None` for a public one.
pub fn classify(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => classify_v4(v4),
        IpAddr::V6(v6) => classify_v6(v6),
    }
}

fn classify_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    Some(match (a, b, c) {
        (0, _, _) => "unspecified",
        (127, _, _) => "loopback",
        (10, _, _) => "private",
        (172, 16..=31, _) => "private",
        (192, 168, _) => "private",
        (169, 254, _) => "link-local",
        (100, 64..=127, _) => "shared (CGNAT)",
        (192, 0, 0) => "IETF protocol",
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => "documentation",
        (198, 18..=19, _) => "benchmarking",
        (192, 88, 99) => "6to4 relay",
        (224..=239, _, _) => "multicast",
        (240..=255, _, _) => "reserved",
        _ => return None,
    })
}

fn classify_v6(ip: Ipv6Addr) -> Option<&'static str> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return classify_v4(v4);
    }
    let s = ip.segments();
    if ip.is_unspecified() {
        return Some("unspecified");
    }
    if ip.is_loopback() {
        return Some("loopback");
    }
    Some(match s[0] {
        // IPv4-compatible (deprecated) ::a.b.c.d
        0 if s[1..6].iter().all(|&x| x == 0) => {
            return classify_v4(embedded_v4(s[6], s[7])).or(Some("IPv4-compatible"));
        }
        // NAT64 64:ff9b::/96 carries an IPv4 address.
        0x64 if s[1] == 0xff9b => return classify_v4(embedded_v4(s[6], s[7])),
        0x100 if s[1..4].iter().all(|&x| x == 0) => "discard",
        0x2001 if s[1] == 0 => "Teredo",
        0x2001 if s[1] == 0xdb8 => "documentation",
        0x2001 if s[1] < 0x200 => "IETF protocol",
        // 6to4 2002::/16 carries an IPv4 address in bits 16..48.
        0x2002 => return classify_v4(embedded_v4(s[1], s[2])),
        0xfc00..=0xfdff => "unique-local",
        0xfe80..=0xfebf => "link-local",
        0xfec0..=0xfeff => "site-local",
        0xff00..=0xffff => "multicast",
        _ => return None,
    })
}

fn embedded_v4(hi: u16, lo: u16) -> Ipv4Addr {
    Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8)
}

/// Raised inside DNS resolution; found again in the reqwest error chain.
#[derive(Debug, thiserror::Error)]
#[error("{host} resolves to {addr}, a {kind} address")]
pub(crate) struct BlockedAddress {
    pub host: String,
    pub addr: IpAddr,
    pub kind: &'static str,
}

/// Raised when the system resolver fails.
#[derive(Debug, thiserror::Error)]
#[error("{host}: {detail}")]
pub(crate) struct DnsFailure {
    pub host: String,
    pub detail: String,
}

/// A resolver that drops refused addresses and fails when none is left.
#[derive(Debug, Clone)]
pub(crate) struct GuardedResolver {
    pub policy: AddressPolicy,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let policy = self.policy;
        Box::pin(async move {
            let host = name.as_str().to_string();
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await
                .map_err(|e| -> Box<dyn std::error::Error + Send + Sync> {
                    Box::new(DnsFailure {
                        host: host.clone(),
                        detail: e.to_string(),
                    })
                })?
                .collect();
            let mut first_refusal = None;
            let allowed: Vec<SocketAddr> = addrs
                .into_iter()
                .filter(|a| match policy.refuse(a.ip()) {
                    None => true,
                    Some(kind) => {
                        first_refusal.get_or_insert((a.ip(), kind));
                        false
                    }
                })
                .collect();
            if allowed.is_empty() {
                return Err(match first_refusal {
                    Some((addr, kind)) => Box::new(BlockedAddress { host, addr, kind }) as _,
                    None => Box::new(DnsFailure {
                        host,
                        detail: "no addresses".into(),
                    }) as _,
                });
            }
            Ok(Box::new(allowed.into_iter()) as Addrs)
        })
    }
}

pub(crate) fn resolver(policy: AddressPolicy) -> Arc<GuardedResolver> {
    Arc::new(GuardedResolver { policy })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host_ip(url: &str) -> IpAddr {
        match url::Url::parse(url).unwrap().host().unwrap() {
            url::Host::Ipv4(v4) => IpAddr::V4(v4),
            url::Host::Ipv6(v6) => IpAddr::V6(v6),
            url::Host::Domain(d) => panic!("{d} is not literal"),
        }
    }

    #[test]
    fn every_special_form_is_refused_by_default() {
        let p = AddressPolicy::default();
        for url in [
            "http://127.1/",
            "http://0x7f000001/",
            "http://2130706433/",
            "http://[::ffff:127.0.0.1]/",
            "http://169.254.169.254/latest/meta-data",
            "http://100.64.0.1/",
            "http://[fc00::1]/",
            "http://[::1]/",
            "http://10.0.0.1/",
            "http://172.31.255.255/",
            "http://192.168.1.1/",
            "http://0.0.0.0/",
            "http://[fe80::1]/",
            "http://224.0.0.1/",
            "http://[64:ff9b::7f00:1]/",
            "http://[2002:7f00:1::]/",
            "http://[::127.0.0.1]/",
        ] {
            assert!(p.refuse(host_ip(url)).is_some(), "{url} allowed");
        }
    }

    #[test]
    fn public_addresses_pass() {
        let p = AddressPolicy::default();
        for ip in [
            "93.184.216.34",
            "8.8.8.8",
            "2606:4700::1111",
            "172.32.0.1",
            "100.128.0.1",
        ] {
            assert_eq!(p.refuse(ip.parse().unwrap()), None, "{ip} refused");
        }
    }

    #[test]
    fn options_open_only_their_ranges() {
        let lo = AddressPolicy {
            allow_loopback: true,
            allow_private: false,
        };
        assert_eq!(lo.refuse("127.0.0.1".parse().unwrap()), None);
        assert!(lo.refuse("10.0.0.1".parse().unwrap()).is_some());
        assert!(lo.refuse("224.0.0.1".parse().unwrap()).is_some());
        let private = AddressPolicy {
            allow_loopback: false,
            allow_private: true,
        };
        assert_eq!(private.refuse("192.168.0.10".parse().unwrap()), None);
        assert!(private.refuse("127.0.0.1".parse().unwrap()).is_some());
    }
}
