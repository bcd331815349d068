//! `accord ingest`: extract reports and store each, with its findings, in one transaction.
//!
//! The database is opened when the first report is ready to store, so a run that reads nothing (a mistyped
//! path) leaves no empty database behind.

use std::path::Path;

use accord_model::printable;
use accord_store::{Store, StoreError, Stored};

use crate::Outcome;
use crate::args::{Args, IngestArgs};
use crate::inputs::{Pipeline, UsageError};

pub fn run(args: &Args, ingest: &IngestArgs) -> anyhow::Result<Outcome> {
    check_db_path(&ingest.db)?;
    let pipeline = Pipeline::new(args.data_dir.as_ref(), ingest.published)?.with_progress();
    let mut store: Option<Store> = None;
    let mut open_error: Option<StoreError> = None;
    let (mut added, mut present, mut store_failed) = (0usize, 0usize, 0usize);
    let read_failed = pipeline.run(&ingest.paths, |article, document| {
        if store.is_none() && open_error.is_none() {
            match Store::open(&ingest.db) {
                Ok(opened) => store = Some(opened),
                Err(err) => open_error = Some(err),
            }
        }
        let Some(store) = store.as_mut() else { return };
        match store.put(&article, &document, env!("CARGO_PKG_VERSION")) {
            Ok(Stored::Added) => added += 1,
            Ok(Stored::AlreadyPresent) => present += 1,
            Err(err) => {
                pipeline.say(&format!("{}: {err}", article.origin));
                store_failed += 1;
            }
        }
    });
    pipeline.progress.finish_and_clear();
    if let Some(err) = open_error {
        return Err(err.into());
    }
    let db = printable::path(&ingest.db);
    match &store {
        Some(store) => eprintln!(
            "accord: {added} new, {present} already stored, {} failed; {} documents in {db}",
            read_failed + store_failed,
            store.document_count()?,
        ),
        None => eprintln!("accord: nothing to store, {read_failed} failed; {db} left as it was"),
    }
    Ok(match (added + present, read_failed + store_failed) {
        (0, _) => Outcome::NothingProduced,
        (_, 0) => Outcome::Success,
        _ => Outcome::SomeInputsFailed,
    })
}

/// A folder given as `--db` is a mistake in the call, said once and plainly.
pub fn check_db_path(db: &Path) -> Result<(), UsageError> {
    match db.is_dir() {
        true => Err(UsageError(format!("--db {}: is a folder; give the path of a database file", printable::path(db)))),
        false => Ok(()),
    }
}
