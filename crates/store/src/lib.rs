//! Accord's database: documents and their findings in SQLite. The only crate that speaks SQL.
//!
//! A document is keyed by the SHA-256 of its cleaned text, so ingesting the same article twice changes
//! nothing. The findings are stored whole as JSON (what [`Store::documents`] reads back) and also
//! copied into `positions`, `people` and `proposals` tables for the dashboard and exports to query.

mod error;
mod migrate;
mod store;

pub use error::StoreError;
pub use store::{Store, Stored};
