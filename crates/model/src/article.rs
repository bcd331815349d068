//! An article as read from its source: cleaned text plus the metadata found around it.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One report, after ingest and cleaning. `text` is the cleaned article text that every span points into.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The JSONL `id`, otherwise the file name without its extension.
    pub id: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The publication date stated by the article (text, HTML metadata or JSONL); never guessed.
    pub published: Option<Date>,
    pub byline: Option<String>,
    /// Where the article was read from, for error messages: a path, `path:line` or `-`.
    pub origin: String,
    /// The legacy encoding the bytes were decoded from, when they were not valid UTF-8.
    #[serde(default)]
    pub decoded_from: Option<String>,
    /// Bad bytes replaced with U+FFFD in text that is otherwise UTF-8.
    #[serde(default)]
    pub replaced_bytes: usize,
    pub text: String,
}
