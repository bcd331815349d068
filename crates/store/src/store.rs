//! `Store`: opens the database and reads and writes documents with their findings.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use accord_model::{Article, Document};
use rusqlite::{Connection, Transaction, TransactionBehavior, params};
use sha2::{Digest, Sha256};

use crate::StoreError;
use crate::migrate::migrate;

/// A handle on one accord database.
pub struct Store {
    conn: Connection,
    /// For error messages only.
    path: PathBuf,
}

/// What [`Store::put`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    Added,
    /// A document with the same id and cleaned text was already stored; nothing changed.
    AlreadyPresent,
}

/// How long a statement waits for another process's write transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// How often switching to WAL is tried while another connection holds the lock it needs.
const WAL_ATTEMPTS: u32 = 200;

/// WAL lets the dashboard read while an ingest writes. The switch needs a lock that SQLite does not wait for
/// through the busy timeout when another process is opening the same new database, so it is retried.
/// An in-memory database answers `memory` and stays so, which is fine. This is also the first read of the
/// file, where a file that is not a database shows itself.
fn switch_to_wal(conn: &Connection) -> rusqlite::Result<()> {
    let mut attempt = 0;
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(())) {
            Err(err) if is_busy(&err) && attempt < WAL_ATTEMPTS => {
                attempt += 1;
                std::thread::sleep(Duration::from_millis(10 + u64::from(attempt % 10) * 5));
            }
            result => return result,
        }
    }
}

fn is_busy(err: &rusqlite::Error) -> bool {
    matches!(err.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

impl Store {
    /// Opens the database at `path`, creating it if needed and bringing its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|source| StoreError::sqlite(path, source))?;
        Store::init(conn, path.to_path_buf())
    }

    /// A database that lives as long as the returned `Store`, for tests and one-off runs.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| StoreError::sqlite(&path, source))?;
        Store::init(conn, path)
    }

    fn init(mut conn: Connection, path: PathBuf) -> Result<Store, StoreError> {
        let sqlite = |source| StoreError::sqlite(&path, source);
        // Another process may be writing (a second ingest, say): wait for its transaction to end.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;
        conn.pragma_update(None, "foreign_keys", true).map_err(sqlite)?;
        switch_to_wal(&conn).map_err(sqlite)?;
        migrate(&mut conn, &path)?;
        Ok(Store { conn, path })
    }

    /// Stores one document and its findings in one transaction, keyed by its id and the SHA-256 of
    /// `document.text`; storing the same id and text again changes nothing and returns
    /// [`Stored::AlreadyPresent`]. The same text under another id (wire copy from another outlet) is a
    /// document of its own: the ledger counts such copies as one source.
    ///
    /// The `documents` columns are taken from `document` so that they agree with its stored JSON;
    /// `article` adds where it was read from. A document whose id is stored already but whose text
    /// differs (an article edited since) is stored as a second row: both versions are kept, and the
    /// ledger decides which one counts.
    pub fn put(
        &mut self,
        article: &Article,
        document: &Document,
        extractor_version: &str,
    ) -> Result<Stored, StoreError> {
        let path = &self.path;
        let sqlite = |source| StoreError::sqlite(path, source);
        let hash = content_hash(&document.text);
        // IMMEDIATE takes the write lock at once, where the busy timeout applies; a deferred transaction
        // that upgrades from reading to writing is refused outright when another writer is there.
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sqlite)?;
        let inserted = tx
            .execute(
                "INSERT INTO documents (content_hash, id, title, source, url, published, origin, text,
                                        ingested_at, extractor_version, findings_json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT (id, content_hash) DO NOTHING",
                params![
                    hash,
                    document.id,
                    document.title,
                    document.source,
                    document.url,
                    document.published.map(|date| date.to_string()),
                    article.origin,
                    document.text,
                    jiff::Timestamp::now().to_string(),
                    extractor_version,
                    serde_json::to_string(document).expect(SERIALIZES),
                ],
            )
            .map_err(sqlite)?;
        if inserted == 0 {
            return Ok(Stored::AlreadyPresent);
        }
        insert_findings(&tx, &hash, document).map_err(sqlite)?;
        tx.commit().map_err(sqlite)?;
        Ok(Stored::Added)
    }

    /// Every stored document with its findings and text, ordered by publication date (undated last),
    /// then id, then content hash, so that two versions of one article always come in the same order.
    pub fn documents(&self) -> Result<Vec<Document>, StoreError> {
        let sqlite = |source| StoreError::sqlite(&self.path, source);
        let mut statement = self
            .conn
            .prepare(
                "SELECT id, findings_json, text FROM documents
                 ORDER BY published ASC NULLS LAST, id, content_hash",
            )
            .map_err(sqlite)?;
        let rows = statement
            .query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get(2)?)))
            .map_err(sqlite)?;
        rows.map(|row| {
            let (id, findings, text) = row.map_err(sqlite)?;
            let mut document: Document = serde_json::from_str(&findings).map_err(|source| StoreError::Findings {
                path: self.path.clone(),
                id,
                source,
            })?;
            document.text = text;
            Ok(document)
        })
        .collect()
    }

    pub fn document_count(&self) -> Result<usize, StoreError> {
        self.conn
            .query_row("SELECT COUNT(*) FROM documents", [], |row| row.get(0))
            .map_err(|source| StoreError::sqlite(&self.path, source))
    }
}

/// Copies the findings into the tables the dashboard and exports query.
fn insert_findings(tx: &Transaction, hash: &str, document: &Document) -> rusqlite::Result<()> {
    let id = &document.id;
    let mut positions = tx.prepare_cached(
        "INSERT INTO positions (id, content_hash, ordinal, party, issue, stance, detail, quantity, unit,
                                evidence, span_start, span_end, stated)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (ordinal, position) in document.positions.iter().enumerate() {
        positions.execute(params![
            id,
            hash,
            ordinal,
            position.party,
            position.issue.id(),
            position.stance.id(),
            position.detail,
            position.quantity,
            position.unit,
            position.evidence,
            position.span.start,
            position.span.end,
            position.stated.map(|date| date.to_string()),
        ])?;
    }
    let mut people = tx.prepare_cached(
        "INSERT INTO people (id, content_hash, ordinal, name, aliases_json, affiliation, role)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (ordinal, person) in document.people.iter().enumerate() {
        people.execute(params![
            id,
            hash,
            ordinal,
            person.name,
            serde_json::to_string(&person.aliases).expect(SERIALIZES),
            person.affiliation,
            person.role,
        ])?;
    }
    let mut proposals = tx.prepare_cached(
        "INSERT INTO proposals (id, content_hash, ordinal, name, by_actor, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (ordinal, proposal) in document.proposals.iter().enumerate() {
        let json = serde_json::to_string(proposal).expect(SERIALIZES);
        proposals.execute(params![id, hash, ordinal, proposal.name, proposal.by, json])?;
    }
    Ok(())
}

// serde_json only fails on maps with non-string keys or on a failing custom `Serialize`; the model has neither.
const SERIALIZES: &str = "model values serialize to JSON";

/// The SHA-256 of the cleaned text, in lower-case hex: with the id, the document's key.
fn content_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().fold(String::with_capacity(64), |mut hex, byte| {
        write!(hex, "{byte:02x}").expect("writing to a String cannot fail");
        hex
    })
}

#[cfg(test)]
mod tests;
