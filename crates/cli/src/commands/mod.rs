//! One module per command.

pub mod extract;
pub mod ingest;
pub mod report;
pub mod train;
