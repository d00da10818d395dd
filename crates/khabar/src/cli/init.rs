//! `khabar init`: a starter config and an empty data folder.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use super::{Context, open_sqlite};
use crate::config::STARTER;
use crate::output;

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Overwrite an existing config file.
    #[arg(long)]
    force: bool,
}

pub async fn run(ctx: &Context, args: InitArgs) -> anyhow::Result<ExitCode> {
    let path = &ctx.config_path;
    if path.exists() && !args.force {
        bail!(
            "{} already exists: keep it, or pass --force to overwrite it",
            path.display()
        );
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(path, STARTER).with_context(|| format!("cannot write {}", path.display()))?;
    let store = open_sqlite(&ctx.db_path()).await?;
    store.close().await;
    let mut out = output::stdout();
    writeln!(out, "wrote {}", path.display())?;
    writeln!(out, "created the database {}", ctx.db_path().display())?;
    writeln!(
        out,
        "next: add sources with `khabar sources add NAME URL`, or import files with `khabar import PATH`"
    )?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
