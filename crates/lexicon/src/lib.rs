//! Accord's language knowledge: the data files under `data/en/`, compiled in and overridable with `--data-dir`.
//!
//! [`DataFiles`] hands out the raw text of each file; the typed views (gazetteer, people, cues)
//! are parsed from it here, and stages that own a file's meaning (ingest's boilerplate) parse theirs.

mod files;
mod tsv;

pub use files::{DataFiles, LexiconError};
pub use tsv::{Row, Table};
