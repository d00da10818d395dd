//! Development helper: extract every `*.html` of a folder into NAME.txt and
//! NAME.json on one thread, and print pages/s. The user-facing command is
//! `khabar extract --batch`; this one builds without the rest of khabar.
//!
//! `cargo run --release -p khabar-extract --example extract_dir -- IN_DIR OUT_DIR`

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        return Err("usage: extract_dir IN_DIR OUT_DIR".into());
    };
    std::fs::create_dir_all(output)?;
    let mut files: Vec<_> = std::fs::read_dir(input)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    files.sort();
    let started = Instant::now();
    for path in &files {
        let bytes = std::fs::read(path)?;
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
        let opts = khabar_extract::ExtractOptions::default();
        match khabar_extract::extract(&bytes, &opts) {
            Ok(a) => {
                std::fs::write(format!("{output}/{name}.txt"), a.text())?;
                std::fs::write(format!("{output}/{name}.json"), serde_json::to_vec(&a)?)?;
            }
            Err(e) => eprintln!("{}: {e}", path.display()),
        }
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{} pages in {secs:.2} s: {:.0} pages/s",
        files.len(),
        files.len() as f64 / secs
    );
    Ok(())
}
