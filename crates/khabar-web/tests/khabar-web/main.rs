//! Integration tests for khabar-web.
