//! Schema migrations: append-only SQL files applied in order, their count kept in `PRAGMA user_version`.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// Every migration ever written, in order. Append only: a database's `user_version` counts how many it has had.
pub(crate) const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("../migrations/0001_init.sql")),
    ("0002_key_by_id_and_text", include_str!("../migrations/0002_key_by_id_and_text.sql")),
];

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
    fn a_database_keyed_by_text_alone_keeps_its_documents_and_findings() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("accord.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(MIGRATIONS[0].1).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO documents VALUES ('h1', 'doc_a', NULL, NULL, NULL, '2024-05-01', 'a.txt', 'Talks resumed.',
                                           '2024-05-02T00:00:00Z', '0.1.0', '{}');
             INSERT INTO positions VALUES ('h1', 0, 'Hamas', 'ceasefire', 'demand', 'a truce', NULL, NULL,
                                           'Talks resumed.', 0, 14, NULL);
             INSERT INTO people VALUES ('h1', 0, 'Jane Roe', '[]', NULL, 'mediator');
             INSERT INTO proposals VALUES ('h1', 0, 'Bridge Plan', 'Qatar', '{}');",
        )
        .unwrap();
        drop(conn);

        drop(Store::open(&path).unwrap());

        let conn = Connection::open(&path).unwrap();
        assert_eq!(schema_version(&conn, &path).unwrap(), MIGRATIONS.len());
        let keyed = |table: &str| -> (String, String) {
            conn.query_row(&format!("SELECT id, content_hash FROM {table}"), [], |row| Ok((row.get(0)?, row.get(1)?)))
                .unwrap()
        };
        for table in ["documents", "positions", "people", "proposals"] {
            assert_eq!(keyed(table), ("doc_a".to_string(), "h1".to_string()), "{table}");
        }
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        conn.execute("DELETE FROM documents", []).unwrap();
        let left: i64 = conn.query_row("SELECT count(*) FROM positions", [], |row| row.get(0)).unwrap();
        assert_eq!(left, 0, "the findings' foreign keys point at the renamed documents table");
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
