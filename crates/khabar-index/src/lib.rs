//! khabar-index (in progress).
