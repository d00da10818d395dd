//! khabar-testkit
