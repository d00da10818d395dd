//! khabar-web (in progress).
