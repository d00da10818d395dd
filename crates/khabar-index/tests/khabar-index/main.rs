//! Integration tests for khabar-index.
