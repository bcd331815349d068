//! Reading and extracting a batch of inputs: every failure is reported on stderr and counted, and the
//! batch goes on.

use std::path::PathBuf;

use accord_extract::Extractor;
use accord_ingest::Reader;
use accord_lexicon::{DataFiles, Lexicon};
use accord_model::{Article, Document};

/// A mistake in how accord was called, as opposed to a failing input: exit code 2 (CONTRACT.md).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The data files the run uses: the built-in ones, overridden by `--data-dir`.
pub fn data_files(data_dir: Option<&PathBuf>) -> anyhow::Result<DataFiles> {
    match data_dir {
        Some(dir) if !dir.is_dir() => Err(UsageError(format!("--data-dir {}: not a directory", dir.display())).into()),
        Some(dir) => Ok(DataFiles::with_override(dir)),
        None => Ok(DataFiles::embedded()),
    }
}

pub struct Pipeline {
    pub reader: Reader,
    pub extractor: Extractor,
}

impl Pipeline {
    pub fn new(data_dir: Option<&PathBuf>) -> anyhow::Result<Pipeline> {
        let files = data_files(data_dir)?;
        let lexicon = Lexicon::load(&files).map_err(|e| UsageError(format!("data files: {e}")))?;
        let reader = Reader::new(&files).map_err(|e| UsageError(format!("data files: {e}")))?;
        Ok(Pipeline { reader, extractor: Extractor::new(lexicon) })
    }

    /// Calls `each` with every article read from `paths` and its findings; returns how many inputs failed.
    pub fn run(&self, paths: &[PathBuf], mut each: impl FnMut(Article, Document)) -> usize {
        let mut failed = 0;
        for item in self.reader.read(paths) {
            match item {
                Ok(article) => {
                    // Not an error (the text was read), but a guessed encoding can garble names: say so.
                    if let Some(encoding) = &article.decoded_from {
                        eprintln!("accord: {}: not valid UTF-8; decoded as {encoding}", article.origin);
                    }
                    let document = self.extractor.extract(&article);
                    each(article, document);
                }
                Err(err) => {
                    eprintln!("accord: {err}");
                    failed += 1;
                }
            }
        }
        failed
    }
}
