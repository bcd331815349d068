//! `accord ingest`: extract reports and store each, with its findings, in one transaction.

use accord_store::{Store, Stored};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use crate::Outcome;
use crate::args::{Args, IngestArgs};
use crate::inputs::Pipeline;

pub fn run(args: &Args, ingest: &IngestArgs) -> anyhow::Result<Outcome> {
    let pipeline = Pipeline::new(args.data_dir.as_ref())?;
    let mut store = Store::open(&ingest.db).with_context(|| format!("opening {}", ingest.db.display()))?;
    let progress = ProgressBar::new_spinner()
        .with_style(ProgressStyle::with_template("{spinner} {pos} reports {per_sec} {msg}").expect("valid template"));
    let (mut added, mut present, mut store_failed) = (0usize, 0usize, 0usize);
    let read_failed = pipeline.run(&ingest.paths, |article, document| {
        progress.inc(1);
        match store.put(&article, &document, env!("CARGO_PKG_VERSION")) {
            Ok(Stored::Added) => added += 1,
            Ok(Stored::AlreadyPresent) => present += 1,
            Err(err) => {
                progress.suspend(|| eprintln!("accord: {}: {err}", article.origin));
                store_failed += 1;
            }
        }
    });
    progress.finish_and_clear();
    let total = store.document_count()?;
    eprintln!(
        "accord: {added} new, {present} already stored, {} failed; {total} documents in {}",
        read_failed + store_failed,
        ingest.db.display()
    );
    Ok(match (added + present, read_failed + store_failed) {
        (0, _) => Outcome::NothingProduced,
        (_, 0) => Outcome::Success,
        _ => Outcome::SomeInputsFailed,
    })
}
