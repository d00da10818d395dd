//! `khabar search` (being written).

use std::process::ExitCode;

use super::Context;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub async fn run(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let _ = (ctx, args);
    anyhow::bail!("khabar search is not available in this build yet")
}
