//! Writing to stdout without panicking on a closed pipe: `khabar articles
//! --json | head -1` must end quietly, as ripgrep does.

use std::io::{self, Write};

/// Locked, buffered stdout. Errors (a closed pipe included) are returned,
/// never panicked on; `main` turns a broken pipe into success.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::new(io::stdout().lock())
}

/// Whether an error is, at its root, a write to a closed pipe.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Writes one JSON value on its own line.
pub fn json_line(out: &mut impl Write, value: &serde_json::Value) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Writes one JSON document, pretty-printed.
pub fn json_doc(out: &mut impl Write, value: &serde_json::Value) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")
}
