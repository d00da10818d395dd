//! The `khabar` binary: parse the command line, run one command, turn the
//! outcome into an exit code. Every command lives in `cli/<command>.rs`.

mod cli;
mod config;
mod output;
mod since;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator. Extraction makes many small,
/// short-lived allocations (tree nodes, attribute strings, text runs) and
/// frees them all at the end of each page; on WCXB dev mimalloc makes the
/// extractor about 10% faster, for more resident memory (both measured in
/// README.md, "Article extraction"). Without secure mode.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    init_logging();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(args)) {
        Ok(code) => code,
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Logs go to stderr, filtered by `KHABAR_LOG` (default `warn` for the CLI's
/// own messages to stay readable; `KHABAR_LOG=info` shows each step).
fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("KHABAR_LOG").unwrap_or_else(|_| EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
}
