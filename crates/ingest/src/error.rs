//! The one error type of ingest: every variant names the input (path, `path:line` or `-`) and a plain reason.

use std::path::PathBuf;

use accord_lexicon::LexiconError;

/// Why an input, or one record of it, could not become an article. The batch goes on after any of these.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The boilerplate data file is missing a column or holds a cue that cannot be used.
    #[error("{0}")]
    Data(#[from] LexiconError),
    #[error("{}: no such file or directory", path.display())]
    NotFound { path: PathBuf },
    #[error("{}: cannot read: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}: empty file", path.display())]
    Empty { path: PathBuf },
    #[error("{}: binary file", path.display())]
    Binary { path: PathBuf },
    #[error("{}: not valid text in any known encoding", path.display())]
    Undecodable { path: PathBuf },
    #[error("{}: larger than {max} bytes", path.display())]
    TooLarge { path: PathBuf, max: u64 },
    #[error("{}:{line}: line longer than {max} bytes; the rest of this input is skipped", path.display())]
    LineTooLarge { path: PathBuf, line: usize, max: u64 },
    /// A FIFO, device or socket: reading it could block forever or never end.
    #[error("{}: not a regular file ({kind}); skipped", path.display())]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error("{}:{line}: invalid JSON: {reason}", path.display())]
    Json { path: PathBuf, line: usize, reason: String },
    #[error("{}:{line}: no text or html field", path.display())]
    NoText { path: PathBuf, line: usize },
    /// Everything in the input was boilerplate (or markup): no article text is left.
    #[error("{origin}: no article text after cleaning")]
    NoArticleText { origin: String },
}
