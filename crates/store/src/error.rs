//! What can go wrong with the database, each error naming the database file and what to do next.

use std::path::{Path, PathBuf};

use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error(
        "{} is not an accord database (not a SQLite file); pass --db with a new or existing accord database",
        path.display()
    )]
    NotADatabase { path: PathBuf },

    #[error(
        "{} has schema version {found}, but this accord knows versions up to {supported}; \
         it was written by a newer accord: upgrade accord, or pass --db with another database",
        path.display()
    )]
    NewerSchema { path: PathBuf, found: i64, supported: usize },

    #[error(
        "cannot apply migration {migration} to {}: {cause}; the database was left as it was: \
         move it aside and ingest again into a new one",
        path.display()
    )]
    Migration { path: PathBuf, migration: &'static str, cause: rusqlite::Error },

    #[error(
        "the stored findings of document `{id}` in {} cannot be read by this accord: {source}; \
         re-ingest its article into a new database",
        path.display()
    )]
    Findings { path: PathBuf, id: String, source: serde_json::Error },

    #[error(
        "database {}: {cause}; check that the file is readable and writable and not locked by another process",
        path.display()
    )]
    Sqlite { path: PathBuf, cause: rusqlite::Error },
}

impl StoreError {
    /// Wraps a SQLite error, singling out the file that is not a database at all: SQLite only notices on first read.
    pub(crate) fn sqlite(path: &Path, source: rusqlite::Error) -> StoreError {
        let path = path.to_path_buf();
        match source.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
            _ => StoreError::Sqlite { path, cause: source },
        }
    }
}
