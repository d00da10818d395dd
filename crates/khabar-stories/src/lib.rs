//! khabar-stories (in progress).
