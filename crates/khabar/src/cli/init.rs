//! `khabar init [--catalog NAME]`: a starter config (optionally with a
//! built-in source catalog) and an empty data folder.

use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use khabar_sources::{CATALOG_NAMES, CatalogEntry, catalog};

use super::{Context, open_sqlite};
use crate::config::STARTER;
use crate::output;

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Overwrite an existing config file.
    #[arg(long)]
    force: bool,
    /// Add the sources of a built-in catalog (`afghanistan`).
    #[arg(long, value_name = "NAME")]
    catalog: Option<String>,
}

pub async fn run(ctx: &Context, args: InitArgs) -> anyhow::Result<ExitCode> {
    let entries = match &args.catalog {
        Some(name) => Some((
            name.trim().to_ascii_lowercase(),
            catalog(name).with_context(|| {
                format!(
                    "there is no built-in catalog `{name}`: the built-in catalogs are {}",
                    CATALOG_NAMES.join(", ")
                )
            })?,
        )),
        None => None,
    };
    let path = &ctx.config_path;
    if path.exists() && !args.force {
        bail!(
            "{} already exists: keep it, or pass --force to overwrite it",
            path.display()
        );
    }
    let mut text = STARTER.to_string();
    if let Some((name, list)) = &entries {
        text.push_str(&catalog_toml(name, list));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(path, &text).with_context(|| format!("cannot write {}", path.display()))?;
    let store = open_sqlite(&ctx.db_path()).await?;
    store.close().await;
    let mut out = output::stdout();
    match &entries {
        Some((name, list)) => {
            let unverified = list.iter().filter(|e| !e.verified).count();
            writeln!(
                out,
                "wrote {} with {} sources from the `{name}` catalog ({unverified} with unverified URLs, marked `# unverified:`)",
                path.display(),
                list.len()
            )?;
        }
        None => writeln!(out, "wrote {}", path.display())?,
    }
    writeln!(out, "created the database {}", ctx.db_path().display())?;
    writeln!(
        out,
        "next: add sources with `khabar sources add NAME URL`, or import files with `khabar import PATH`"
    )?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The catalog as `[[source]]` tables, each unverified entry preceded by a
/// `# unverified: NOTE` comment.
fn catalog_toml(name: &str, list: &[CatalogEntry]) -> String {
    let q = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut t = String::new();
    let _ = writeln!(
        t,
        "\n# The built-in `{name}` catalog: {} outlets. URLs marked `# unverified:` were\n\
         # written down without being fetched; after a crawl, `khabar sources list`\n\
         # shows which ones fail. Delete or fix entries as you like.",
        list.len()
    );
    for e in list {
        t.push('\n');
        if !e.verified {
            let _ = writeln!(t, "# unverified: {}", e.note.replace('\n', " "));
        }
        let _ = writeln!(t, "[[source]]");
        let _ = writeln!(t, "name = {}", q(e.name));
        let _ = writeln!(t, "url = {}", q(e.url));
        let _ = writeln!(t, "kind = {}", q(e.kind.as_str()));
        let _ = writeln!(t, "lang = {}", q(e.lang));
        let _ = writeln!(t, "note = {}", q(e.note));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_config_parses_and_validates() {
        let list = catalog("afghanistan").unwrap();
        let text = format!("{STARTER}{}", catalog_toml("afghanistan", list));
        let table: toml::Table = toml::from_str(&text).unwrap();
        let config: crate::config::Config = table.try_into().unwrap();
        let drafts = config.source_drafts().unwrap();
        assert_eq!(drafts.len(), list.len());
        assert_eq!(
            text.matches("# unverified: ").count(),
            list.iter().filter(|e| !e.verified).count()
        );
    }
}
