//! `accord extract`: findings per report, as a readable summary or CONTRACT.md's JSON.

use std::io::Write;

use accord_model::{Document, Ledger};
use serde::Serialize;

use crate::Outcome;
use crate::args::{Args, ExtractArgs};
use crate::inputs::Pipeline;
use crate::summary;

#[derive(Serialize)]
struct Output<'a> {
    documents: &'a [Document],
    ledger: Ledger,
}

pub fn run(args: &Args, extract: &ExtractArgs) -> anyhow::Result<Outcome> {
    let pipeline = Pipeline::new(args.data_dir.as_ref())?;
    let mut documents = Vec::new();
    let failed = pipeline.run(&extract.paths, |_, document| documents.push(document));
    let mut out = std::io::stdout().lock();
    if extract.json {
        let ledger = accord_ledger::build(&documents);
        serde_json::to_writer_pretty(&mut out, &Output { documents: &documents, ledger })?;
        writeln!(out)?;
    } else {
        for document in &documents {
            write!(out, "{}", summary::render(document))?;
        }
    }
    Ok(match (documents.is_empty(), failed) {
        (true, _) => Outcome::NothingProduced,
        (false, 0) => Outcome::Success,
        (false, _) => Outcome::SomeInputsFailed,
    })
}
