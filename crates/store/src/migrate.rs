//! Schema migrations: append-only SQL files applied in order, their count kept in `PRAGMA user_version`.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// Every migration ever written, in order. Append only: a database's `user_version` counts how many it has had.
pub(crate) const MIGRATIONS: &[(&str, &str)] = &[("0001_init", include_str!("../migrations/0001_init.sql"))];

/// Brings the schema up to date, or refuses a database written by a newer accord.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let sqlite = |source| StoreError::sqlite(path, source);
    if schema_version(conn, path)? == MIGRATIONS.len() {
        return Ok(());
    }
    // IMMEDIATE takes the write lock before reading the version, so two processes opening a fresh
    // database at once cannot both apply the same migration.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sqlite)?;
    let applied = schema_version(&tx, path)?;
    for (index, &(migration, sql)) in MIGRATIONS.iter().enumerate().skip(applied) {
        let failed = |cause| StoreError::Migration { path: path.to_path_buf(), migration, cause };
        tx.execute_batch(sql).map_err(failed)?;
        tx.pragma_update(None, "user_version", index + 1).map_err(failed)?;
    }
    // user_version lives in the database header, which SQLite writes within the transaction:
    // the schema and its version commit together or not at all.
    tx.commit().map_err(sqlite)
}

/// How many migrations the database has had.
pub(crate) fn schema_version(conn: &Connection, path: &Path) -> Result<usize, StoreError> {
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|source| StoreError::sqlite(path, source))?;
    usize::try_from(found).ok().filter(|&version| version <= MIGRATIONS.len()).ok_or_else(|| StoreError::NewerSchema {
        path: path.to_path_buf(),
        found,
        supported: MIGRATIONS.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    #[test]
    fn user_version_counts_the_migrations_applied() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("accord.db");
        Store::open(&path).unwrap();

        // Opening again must not re-apply anything (it would fail on CREATE TABLE).
        Store::open(&path).unwrap();

        let conn = Connection::open(&path).unwrap();
        assert_eq!(schema_version(&conn, &path).unwrap(), MIGRATIONS.len());
    }

    #[test]
    fn a_newer_schema_is_refused_and_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("future.db");
        Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();

        let err = Store::open(&path).err().expect("a newer schema is refused");

        assert!(matches!(err, StoreError::NewerSchema { found: 99, .. }), "{err:?}");
        assert!(err.to_string().contains(&path.display().to_string()), "{err}");
    }
}
