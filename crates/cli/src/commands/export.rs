//! `accord export`: the stored ledger in the formats analysts load elsewhere, to standard output or a file.

use std::fs::File;
use std::io::{BufWriter, Write};

use accord_model::printable;

use crate::Outcome;
use crate::args::{ExportArgs, ExportFormat};
use crate::commands::stored;
use crate::inputs::UsageError;

pub fn run(export: &ExportArgs) -> anyhow::Result<Outcome> {
    if export.with_text && export.format != ExportFormat::Jsonl {
        return Err(UsageError("--with-text goes with --format jsonl only".into()).into());
    }
    let stored = stored::load(&export.ledger)?;
    let out: Box<dyn Write> = match &export.out {
        Some(path) => Box::new(BufWriter::new(
            File::create(path)
                .map_err(|err| anyhow::anyhow!("{}: cannot create the export file: {err}", printable::path(path)))?,
        )),
        None => Box::new(std::io::stdout().lock()),
    };
    let written = match export.format {
        ExportFormat::Csv => {
            let rows = accord_export::rows(&stored.ledger, &stored.documents, &stored.filter);
            accord_export::csv::write(&rows, out)?;
            rows.len()
        }
        ExportFormat::Jsonl => {
            let documents = accord_export::jsonl::documents(&stored.ledger, &stored.documents, &stored.filter);
            accord_export::jsonl::write(&documents, export.with_text, out)?;
            documents.len()
        }
    };
    Ok(if written == 0 { Outcome::NothingProduced } else { Outcome::Success })
}
