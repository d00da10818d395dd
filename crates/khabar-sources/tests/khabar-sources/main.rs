//! Integration tests of khabar-sources on synthetic fixtures.

mod catalog;
mod feeds;
mod opml;
mod pages;
mod sitemaps;
mod sniff;
