//! One module per command.

pub mod export;
pub mod extract;
pub mod ingest;
pub mod report;
pub mod stored;
pub mod train;
