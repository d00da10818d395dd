//! What [`Archive::verify`](crate::Archive::verify) reports.

use std::fmt;

use khabar_model::ArchiveRef;

/// The ways a reference into the archive can fail to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The file is not in the archive folder (or the name is not one of its files).
    MissingFile,
    /// No response record starts at the offset: past the end, not the start
    /// of a gzip member, or a record of another type.
    BadOffset,
    /// A record starts there but cannot be decoded: truncated, a gzip CRC or
    /// deflate error, or a malformed record.
    Corrupt,
    /// The record decodes but its content no longer matches a digest (the
    /// reference's SHA-256, or the record's own block or payload digest).
    DigestMismatch,
}

impl ProblemKind {
    /// A stable code for JSON output and logs.
    pub fn code(self) -> &'static str {
        match self {
            ProblemKind::MissingFile => "missing_file",
            ProblemKind::BadOffset => "bad_offset",
            ProblemKind::Corrupt => "corrupt",
            ProblemKind::DigestMismatch => "digest_mismatch",
        }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ProblemKind::MissingFile => "missing file",
            ProblemKind::BadOffset => "bad offset",
            ProblemKind::Corrupt => "corrupt record",
            ProblemKind::DigestMismatch => "digest mismatch",
        })
    }
}

/// One reference that did not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyProblem {
    pub archive_ref: ArchiveRef,
    pub kind: ProblemKind,
    /// What exactly was found, for a person.
    pub detail: String,
}

impl fmt::Display for VerifyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at offset {}: {}: {}",
            self.archive_ref.file, self.archive_ref.offset, self.kind, self.detail
        )
    }
}

/// The outcome of [`Archive::verify`](crate::Archive::verify).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerifyReport {
    /// References looked at.
    pub checked: usize,
    /// References whose record was found and re-hashed to the same digests.
    pub ok: usize,
    /// The others, in the order given.
    pub problems: Vec<VerifyProblem>,
}

impl VerifyReport {
    /// True when every reference verified.
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }

    /// How many problems of this kind were found.
    pub fn count(&self, kind: ProblemKind) -> usize {
        self.problems.iter().filter(|p| p.kind == kind).count()
    }
}
