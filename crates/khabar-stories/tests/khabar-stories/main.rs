//! Integration tests for khabar-stories.
