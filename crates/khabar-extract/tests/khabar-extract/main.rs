//! Integration tests of khabar-extract (one test binary for the crate).

mod golden;
mod properties;
