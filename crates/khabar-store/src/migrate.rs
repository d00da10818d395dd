//! Schema migrations, embedded in the binary.
//!
//! sqlx's own `Migrator` either reads migration files from disk at run time
//! or needs the `macros` feature, which builds a second copy of the sqlx
//! drivers for the proc-macro; embedding the SQL with `include_str!` and
//! applying it here keeps the binary self-contained and the build lean. Each
//! back-end applies its list in one write transaction, recording every
//! version in `khabar_schema`.

/// One schema step.
#[derive(Debug)]
pub(crate) struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

pub(crate) const SQLITE: &[Migration] = &[
    Migration {
        version: 1,
        name: "initial",
        sql: include_str!("../migrations/sqlite/0001_initial.sql"),
    },
    Migration {
        version: 2,
        name: "crawl",
        sql: include_str!("../migrations/sqlite/0002_crawl.sql"),
    },
    Migration {
        version: 3,
        name: "understanding",
        sql: include_str!("../migrations/sqlite/0003_understanding.sql"),
    },
    Migration {
        version: 4,
        name: "body structure",
        sql: include_str!("../migrations/sqlite/0004_body_structure.sql"),
    },
    Migration {
        version: 5,
        name: "modified",
        sql: include_str!("../migrations/sqlite/0005_modified.sql"),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_increase_without_gaps() {
        for (i, m) in SQLITE.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "{}", m.name);
            assert!(!m.sql.trim().is_empty());
        }
    }
}
