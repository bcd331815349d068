//! Reading and extracting a batch of inputs: every failure is reported on stderr and counted, and the
//! batch goes on.

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;

use accord_extract::Extractor;
use accord_ingest::Reader;
use accord_lexicon::{DataFiles, Lexicon};
use accord_model::{Article, Document};
use jiff::civil::Date;

/// A mistake in how accord was called, as opposed to a failing input: exit code 2 (CONTRACT.md).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The data files the run uses: the built-in ones, overridden by `--data-dir`.
pub fn data_files(data_dir: Option<&PathBuf>) -> anyhow::Result<DataFiles> {
    match data_dir {
        Some(dir) if !dir.is_dir() => {
            Err(UsageError(format!("--data-dir {}: not a directory", accord_model::printable::path(dir))).into())
        }
        Some(dir) => Ok(DataFiles::with_override(dir)),
        None => Ok(DataFiles::embedded()),
    }
}

/// How many articles are read before they are extracted together.
const BATCH: usize = 256;

pub struct Pipeline {
    pub reader: Reader,
    pub extractor: Extractor,
}

impl Pipeline {
    /// The pipeline of the data files in `data_dir` (or built in), dating undated inputs with `published`.
    pub fn new(data_dir: Option<&PathBuf>, published: Option<Date>) -> anyhow::Result<Pipeline> {
        let files = data_files(data_dir)?;
        let lexicon = Lexicon::load(&files).map_err(|e| UsageError(format!("data files: {e}")))?;
        let reader = Reader::new(&files).map_err(|e| UsageError(format!("data files: {e}")))?.with_published(published);
        Ok(Pipeline { reader, extractor: Extractor::new(lexicon) })
    }

    /// Calls `each` with every article read from `paths` and its findings, in input order; returns how many
    /// inputs failed. Articles are extracted in batches spread over the machine's cores.
    pub fn run(&self, paths: &[PathBuf], mut each: impl FnMut(Article, Document)) -> usize {
        let mut failed = 0;
        let mut items = self.reader.read(paths).peekable();
        while items.peek().is_some() {
            let mut batch = Vec::with_capacity(BATCH);
            for item in items.by_ref().take(BATCH) {
                match item {
                    Ok(article) => {
                        // Not an error (the text was read), but a guessed encoding can garble names: say so.
                        if let Some(encoding) = &article.decoded_from {
                            eprintln!("accord: {}: not valid UTF-8; decoded as {encoding}", article.origin);
                        }
                        if article.replaced_bytes > 0 {
                            let n = article.replaced_bytes;
                            eprintln!("accord: {}: {n} invalid UTF-8 sequence(s) replaced with U+FFFD", article.origin);
                        }
                        batch.push(article);
                    }
                    Err(err) => {
                        eprintln!("accord: {err}");
                        failed += 1;
                    }
                }
            }
            for (article, document) in self.extract_all(batch) {
                match document {
                    Some(document) => each(article, document),
                    None => {
                        eprintln!(
                            "accord: {}: extraction failed on an internal error; please report it",
                            article.origin
                        );
                        failed += 1;
                    }
                }
            }
        }
        failed
    }

    /// Extracts `articles` on every core, keeping their order. An article the extractor fails on (a bug)
    /// comes back without a document, so one report never stops the batch.
    fn extract_all(&self, articles: Vec<Article>) -> Vec<(Article, Option<Document>)> {
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(articles.len().max(1));
        let chunk = articles.len().div_ceil(workers).max(1);
        let mut chunks: Vec<Vec<Article>> = Vec::new();
        let mut rest = articles;
        while !rest.is_empty() {
            let tail = rest.split_off(chunk.min(rest.len()));
            chunks.push(std::mem::replace(&mut rest, tail));
        }
        std::thread::scope(|scope| {
            let handles: Vec<_> = chunks
                .into_iter()
                .map(|chunk| {
                    scope.spawn(move || {
                        chunk
                            .into_iter()
                            .map(|a| {
                                let extracted =
                                    std::panic::catch_unwind(AssertUnwindSafe(|| self.extractor.extract(&a)));
                                (a, extracted.ok())
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles.into_iter().flat_map(|h| h.join().expect("extraction does not panic")).collect()
        })
    }
}
