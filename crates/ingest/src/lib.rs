//! Accord's ingest stage: files, folders, stdin, HTML pages, JSONL corpora and WARC crawls -> cleaned
//! [`Article`]s.
//!
//! [`Reader`] is the one entry point. A bad input becomes an [`IngestError`] naming it and the reading goes
//! on. The cleaned text is final: every later evidence span is a byte range into `Article::text`.
//!
//! [`Article`]: accord_model::Article

mod articles;
mod calendar;
mod clean;
mod date;
mod dateline;
mod decode;
mod depth;
mod error;
mod html;
mod html_dates;
mod http;
mod json_ld;
mod jsonl;
mod metadata;
mod page_date;
mod page_furniture;
mod page_kind;
mod reader;
mod source;
mod warc;

pub use articles::Articles;
pub use error::IngestError;
pub use reader::Reader;
pub use warc::{WarcProblem, WarcSummary};
