//! The one error type of ingest: every variant names the input (path, `path:line`, a WARC record or `-`) and a
//! plain reason.

use std::path::PathBuf;

use accord_lexicon::LexiconError;
use accord_model::printable;

use crate::warc::{WarcProblem, with_uri};

/// Why an input, or one record of it, could not become an article. The batch goes on after any of these.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The boilerplate data file is missing a column or holds a cue that cannot be used.
    #[error("{0}")]
    Data(#[from] LexiconError),
    #[error("{}: no such file or directory", printable::path(path))]
    NotFound { path: PathBuf },
    #[error("{}: cannot read: {source}", printable::path(path))]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}: no files to read in this folder", printable::path(path))]
    EmptyFolder { path: PathBuf },
    #[error("{}: empty file", printable::path(path))]
    Empty { path: PathBuf },
    #[error("{}: binary file", printable::path(path))]
    Binary { path: PathBuf },
    #[error("{}: not valid text in any known encoding", printable::path(path))]
    Undecodable { path: PathBuf },
    #[error("{}: larger than {max} bytes", printable::path(path))]
    TooLarge { path: PathBuf, max: u64 },
    #[error("{}:{line}: line longer than {max} bytes; the rest of this input is skipped", printable::path(path))]
    LineTooLarge { path: PathBuf, line: usize, max: u64 },
    /// A FIFO, device or socket (reading it could block forever or never end), or a link to a folder (which
    /// could loop).
    #[error("{}: not a regular file ({kind}); skipped", printable::path(path))]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error("{}:{line}: invalid JSON: {reason}", printable::path(path))]
    Json { path: PathBuf, line: usize, reason: String },
    #[error("{}:{line}: no text or html field", printable::path(path))]
    NoText { path: PathBuf, line: usize },
    /// One record of a WARC file, numbered from 1 and named by its target URI when it has one.
    #[error("{}: record {record}{}: {problem}", printable::path(path), with_uri(uri))]
    Warc { path: PathBuf, record: usize, uri: Option<String>, problem: WarcProblem },
    /// Everything in the input was boilerplate (or markup): no article text is left.
    #[error("{origin}: no article text after cleaning")]
    NoArticleText { origin: String },
    /// A web page whose only text is a cookie or consent notice.
    #[error("{origin}: only a cookie or consent notice, no article text")]
    ConsentNotice { origin: String },
    /// A web page with no sentence of prose: menus, link lists, headline teasers, a footer.
    #[error("{origin}: no sentence of article text (only navigation, link lists or page furniture)")]
    NavigationOnly { origin: String },
}
