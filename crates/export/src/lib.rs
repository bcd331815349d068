//! `accord export`: the ledger in the formats its users already load: CSV (one row per ledger entry) and
//! JSON Lines (one document per line).
//!
//! [`rows`] flattens a (filtered) ledger; [`csv::write`] and [`jsonl::write`] lay it out.

pub mod csv;
pub mod jsonl;
mod rows;

pub use rows::{COLUMNS, Kind, Row, rows};
