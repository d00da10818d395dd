//! `khabar lang [FILE] [--json]`: the language of each input line, one ISO
//! 639-1 code per line (`und` for a line without letters), or
//! `{"lang","confidence"}` per line with `--json`. Reads standard input when
//! no FILE is given.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use super::Context;
use crate::output;

#[derive(Debug, clap::Args)]
pub struct LangArgs {
    /// A UTF-8 text file, one text per line (default: standard input).
    file: Option<PathBuf>,
    /// Print `{"lang","confidence"}` per line instead of the code alone.
    #[arg(long)]
    json: bool,
}

pub async fn run(_ctx: &Context, args: LangArgs) -> anyhow::Result<ExitCode> {
    let (input, name): (Box<dyn BufRead>, String) = match &args.file {
        Some(path) => {
            let file =
                File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
            (Box::new(BufReader::new(file)), path.display().to_string())
        }
        None => (Box::new(io::stdin().lock()), "standard input".to_string()),
    };
    // Typing lines by hand: answer each one at once.
    let interactive = args.file.is_none() && io::stdin().is_terminal();
    let mut out = output::stdout();
    let mut buf = Vec::new();
    let mut input = input;
    for number in 1.. {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .with_context(|| format!("cannot read {name}"))?;
        if n == 0 {
            break;
        }
        let Ok(line) = std::str::from_utf8(&buf) else {
            bail!("{name} line {number} is not UTF-8: convert it first (e.g. with iconv)");
        };
        let line = line.trim_end_matches(['\n', '\r']);
        let found = khabar_understand::detect(line);
        let code = found.as_ref().map_or("und", |d| d.lang.as_str());
        if args.json {
            let confidence = found
                .as_ref()
                .map_or(0.0, |d| (f64::from(d.confidence) * 1000.0).round() / 1000.0);
            output::json_line(
                &mut out,
                &serde_json::json!({ "lang": code, "confidence": confidence }),
            )?;
        } else {
            writeln!(out, "{code}")?;
        }
        if interactive {
            out.flush()?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
