//! Command-line definitions and dispatch. Each command is one module.

mod archive;
mod articles;
mod cluster;
mod crawl;
mod digest;
mod extract;
mod import;
mod init;
mod lang;
mod ledger;
mod search;
mod serve;
mod sources;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use khabar_pipeline::Analyzer;
use khabar_store::{SqliteStore, Store};

use crate::config::{self, Loaded};

/// khabar follows a country or topic across many outlets: it imports and
/// stores articles, and publishes them as digests.
#[derive(Debug, Parser)]
#[command(name = "khabar", version, about, propagate_version = true)]
pub struct Args {
    /// Folder holding the database (and later the search index and archive).
    #[arg(
        long,
        global = true,
        env = "KHABAR_DATA",
        default_value = "khabar-data"
    )]
    data: PathBuf,
    /// Configuration file.
    #[arg(long, global = true, env = "KHABAR_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write a starter khabar.toml and create the data folder.
    Init(init::InitArgs),
    /// Extract the main text and metadata of HTML pages (one file, or a folder with --batch).
    Extract(extract::ExtractArgs),
    /// Import digest text or JSONL files, or folders of them.
    Import(import::ImportArgs),
    /// List stored articles.
    Articles(articles::ListArgs),
    /// Show one article whole.
    Show(articles::ShowArgs),
    /// Print a digest of recent articles as text, Markdown, HTML or JSON.
    Digest(digest::DigestArgs),
    /// Manage the source catalog.
    #[command(subcommand)]
    Sources(sources::SourcesCommand),
    /// Fetch due sources and their new articles (on schedule, or once with --once).
    Crawl(crawl::CrawlArgs),
    /// The main job: crawl every source on its schedule until stopped.
    Run(crawl::RunArgs),
    /// Check the WARC archive.
    #[command(subcommand)]
    Archive(archive::ArchiveCommand),
    /// Identify the language of each input line (one ISO 639-1 code per line).
    Lang(lang::LangArgs),
    /// Stories: the same event across outlets, and why each article is in its story.
    Stories(ledger::StoriesArgs),
    /// The quote ledger: who said what, in which article.
    Quotes(ledger::QuotesArgs),
    /// The figure ledger: which numbers were cited, about what, on whose authority.
    Figures(ledger::FiguresArgs),
    /// People, organisations and places, with their spellings and mention counts.
    Entities(ledger::EntitiesArgs),
    /// Group articles of a JSONL file into stories (`{"id","story"}` lines out).
    Cluster(cluster::Args),
    /// Search stored articles.
    Search(search::Args),
    /// Rebuild the search index from the database and swap it in while searches go on.
    Reindex(search::ReindexArgs),
    /// Serve the web app, the JSON API and the Atom feeds.
    Serve(serve::Args),
}

/// What every command may need: where the data is, and the config.
#[derive(Debug)]
pub struct Context {
    pub data: PathBuf,
    pub config_path: PathBuf,
    pub config_explicit: bool,
}

impl Context {
    pub fn db_path(&self) -> PathBuf {
        self.data.join("khabar.db")
    }

    pub fn load_config(&self) -> anyhow::Result<Loaded> {
        config::load(&self.config_path, self.config_explicit)
    }

    /// Opens the store and brings the config's sources into it.
    pub async fn open_store(&self) -> anyhow::Result<Box<dyn Store>> {
        let loaded = self.load_config()?;
        let store = open_sqlite(&self.db_path()).await?;
        if loaded.path.is_some() {
            let drafts = loaded.config.source_drafts()?;
            store.sync_config_sources(&drafts).await.with_context(|| {
                format!(
                    "cannot bring the sources of {} into the catalog",
                    self.config_path.display()
                )
            })?;
        }
        Ok(Box::new(store))
    }
}

impl Context {
    /// The stages after storage (understanding, stories), configured.
    pub fn analyzer(&self, store: std::sync::Arc<dyn Store>) -> anyhow::Result<Analyzer> {
        let loaded = self.load_config()?;
        Ok(Analyzer::new(store, loaded.config.taxonomy()))
    }
}

pub async fn open_sqlite(path: &Path) -> anyhow::Result<SqliteStore> {
    SqliteStore::open(path)
        .await
        .with_context(|| format!("cannot open the khabar database at {}", path.display()))
}

pub async fn run(args: Args) -> anyhow::Result<ExitCode> {
    let ctx = Context {
        data: args.data,
        config_explicit: args.config.is_some(),
        config_path: args.config.unwrap_or_else(|| PathBuf::from("khabar.toml")),
    };
    match args.command {
        Command::Init(a) => init::run(&ctx, a).await,
        Command::Extract(a) => extract::run(&ctx, a).await,
        Command::Import(a) => import::run(&ctx, a).await,
        Command::Articles(a) => articles::list(&ctx, a).await,
        Command::Show(a) => articles::show(&ctx, a).await,
        Command::Digest(a) => digest::run(&ctx, a).await,
        Command::Sources(c) => sources::run(&ctx, c).await,
        Command::Crawl(a) => crawl::crawl(&ctx, a).await,
        Command::Run(a) => crawl::run(&ctx, a).await,
        Command::Archive(c) => archive::run(&ctx, c).await,
        Command::Lang(a) => lang::run(&ctx, a).await,
        Command::Stories(a) => ledger::stories(&ctx, a).await,
        Command::Quotes(a) => ledger::quotes(&ctx, a).await,
        Command::Figures(a) => ledger::figures(&ctx, a).await,
        Command::Entities(a) => ledger::entities(&ctx, a).await,
        Command::Cluster(a) => cluster::run(&ctx, a).await,
        Command::Search(a) => search::run(&ctx, a).await,
        Command::Reindex(a) => search::reindex(&ctx, a).await,
        Command::Serve(a) => serve::run(&ctx, a).await,
    }
}
