//! Reading and extracting a batch of inputs: every failure is reported on stderr and counted, and the
//! batch goes on; what each WARC file held is said at the end.

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;

use accord_extract::Extractor;
use accord_ingest::Reader;
use accord_lexicon::{DataFiles, Lexicon};
use accord_model::{Article, Document};
use indicatif::{ProgressBar, ProgressStyle};
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
    /// Counts the documents extracted; hidden unless a command shows it.
    pub progress: ProgressBar,
}

impl Pipeline {
    /// The pipeline of the data files in `data_dir` (or built in), dating undated inputs with `published`.
    pub fn new(data_dir: Option<&PathBuf>, published: Option<Date>) -> anyhow::Result<Pipeline> {
        let files = data_files(data_dir)?;
        let lexicon = Lexicon::load(&files).map_err(|e| UsageError(format!("data files: {e}")))?;
        let reader = Reader::new(&files).map_err(|e| UsageError(format!("data files: {e}")))?.with_published(published);
        Ok(Pipeline { reader, extractor: Extractor::new(lexicon), progress: ProgressBar::hidden() })
    }

    /// Shows a spinner with the count and rate of documents on stderr. indicatif draws nothing when stderr
    /// is not a terminal, so logs and pipes get only the messages.
    pub fn with_progress(self) -> Pipeline {
        let style = ProgressStyle::with_template("{spinner} {pos} reports {per_sec} {msg}").expect("valid template");
        Pipeline { progress: ProgressBar::new_spinner().with_style(style), ..self }
    }

    /// Prints `message` on stderr, above the spinner when there is one.
    pub fn say(&self, message: &str) {
        self.progress.suspend(|| eprintln!("accord: {message}"));
    }

    /// Calls `each` with every article read from `paths` and its findings, in input order; returns how many
    /// inputs failed. Articles are extracted in batches spread over the machine's cores. When the batch has
    /// been read, what each WARC file held is said, after everything else.
    pub fn run(&self, paths: &[PathBuf], mut each: impl FnMut(Article, Document)) -> usize {
        let mut failed = 0;
        let mut items = self.reader.read(paths);
        loop {
            let mut batch = Vec::with_capacity(BATCH);
            let mut taken = 0;
            for item in items.by_ref().take(BATCH) {
                taken += 1;
                match item {
                    Ok(article) => {
                        // Not an error (the text was read), but a guessed encoding can garble names: say so.
                        if let Some(encoding) = &article.decoded_from {
                            self.say(&format!("{}: not valid UTF-8; decoded as {encoding}", article.origin));
                        }
                        if article.replaced_bytes > 0 {
                            let n = article.replaced_bytes;
                            self.say(&format!(
                                "{}: {n} invalid UTF-8 sequence(s) replaced with U+FFFD",
                                article.origin
                            ));
                        }
                        batch.push(article);
                    }
                    Err(err) => {
                        self.say(&err.to_string());
                        failed += 1;
                    }
                }
            }
            if taken == 0 {
                break;
            }
            for (article, document) in self.extract_all(batch) {
                match document {
                    Some(document) => {
                        self.progress.inc(1);
                        each(article, document);
                    }
                    None => {
                        self.say(&format!(
                            "{}: extraction failed on an internal error; please report it",
                            article.origin
                        ));
                        failed += 1;
                    }
                }
            }
        }
        for summary in items.warc_summaries() {
            self.say(&summary.to_string());
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
