//! `khabar archive verify`: re-hash every WARC record the database points to.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;
use khabar_archive::{Archive, ArchiveOptions};
use serde_json::json;

use super::Context;
use crate::output;

#[derive(Debug, clap::Subcommand)]
pub enum ArchiveCommand {
    /// Re-hash every archived record an article points to; exit 1 on any problem.
    Verify {
        /// Print the report as one JSON document.
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(ctx: &Context, cmd: ArchiveCommand) -> anyhow::Result<ExitCode> {
    let ArchiveCommand::Verify { json } = cmd;
    let store = ctx.open_store().await?;
    let refs = store.archive_refs().await?;
    let dir = ctx.data.join("archive");
    // Read-only: a crawler may be appending to the same files right now.
    let archive = Archive::open_read_only(&dir, ArchiveOptions::default())
        .with_context(|| format!("cannot open the WARC archive in {}", dir.display()))?;
    let only_refs: Vec<_> = refs.iter().map(|(_, r)| r.clone()).collect();
    let report = tokio::task::spawn_blocking(move || archive.verify(only_refs.iter())).await?;
    let mut out = output::stdout();
    if json {
        output::json_doc(
            &mut out,
            &json!({
                "checked": report.checked,
                "ok": report.ok,
                "problems": report.problems.iter().map(|p| json!({
                    "file": p.archive_ref.file,
                    "offset": p.archive_ref.offset,
                    "kind": p.kind.code(),
                    "detail": p.detail,
                })).collect::<Vec<_>>(),
            }),
        )?;
    } else {
        writeln!(
            out,
            "checked {} archived record(s): {} ok, {} problem(s)",
            report.checked,
            report.ok,
            report.problems.len()
        )?;
        for p in &report.problems {
            writeln!(
                out,
                "  {} @ {}: {} ({})",
                p.archive_ref.file,
                p.archive_ref.offset,
                p.kind.code(),
                p.detail
            )?;
        }
    }
    out.flush()?;
    Ok(if report.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
