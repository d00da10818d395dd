//! khabar-publish
