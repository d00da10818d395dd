//! Integration tests for khabar-index: the query language, the analyzer,
//! search with facets and snippets, crash safety and rebuilds.

mod analyzer;
mod crash;
mod fixtures;
mod parser;
mod rebuild;
mod search;
