//! `accord extract`: findings per report, as a readable summary or CONTRACT.md's JSON.
//!
//! Each document is written as soon as it is extracted, so a batch that is stopped or stuck on a late input
//! has already printed everything before it; the JSON's ledger, which needs every document, comes last.

use std::io::{IsTerminal, Write};

use accord_model::Document;
use serde::Serialize;

use crate::Outcome;
use crate::args::{Args, ExtractArgs};
use crate::inputs::Pipeline;
use crate::summary;

pub fn run(args: &Args, extract: &ExtractArgs) -> anyhow::Result<Outcome> {
    let mut pipeline = Pipeline::new(args.data_dir.as_ref(), extract.published)?;
    // A spinner would tangle with documents printed to the same terminal: only for output sent elsewhere.
    if !std::io::stdout().is_terminal() {
        pipeline = pipeline.with_progress();
    }
    let mut out = std::io::stdout().lock();
    let mut documents = Vec::new();
    let mut written = match extract.json {
        true => out.write_all(b"{\n  \"documents\": ["),
        false => Ok(()),
    };
    let failed = pipeline.run(&extract.paths, |article, document| {
        if written.is_ok() {
            let text = extract.with_text.then_some(article.text.as_str());
            written = match extract.json {
                true => write_document(&mut out, &WithText { document: &document, text }, documents.is_empty()),
                false => write!(out, "{}", summary::render(&document)).and_then(|()| out.flush()),
            };
        }
        documents.push(document);
    });
    pipeline.progress.finish_and_clear();
    written?;
    if extract.json {
        let ledger = serde_json::to_string_pretty(&accord_ledger::build(&documents))?;
        let close = if documents.is_empty() { "]" } else { "\n  ]" };
        writeln!(out, "{close},\n  \"ledger\": {}\n}}", indented(&ledger, "  "))?;
    }
    Ok(match (documents.is_empty(), failed) {
        (true, _) => Outcome::NothingProduced,
        (false, 0) => Outcome::Success,
        (false, _) => Outcome::SomeInputsFailed,
    })
}

/// A document as written, with its cleaned text when `--with-text` asks for it.
#[derive(Serialize)]
struct WithText<'a> {
    #[serde(flatten)]
    document: &'a Document,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

/// One element of the `documents` array, laid out as `serde_json`'s pretty printer lays out the whole.
fn write_document(out: &mut impl Write, document: &WithText, first: bool) -> std::io::Result<()> {
    let json = serde_json::to_string_pretty(document)?;
    let separator = if first { "\n" } else { ",\n" };
    write!(out, "{separator}    {}", indented(&json, "    "))?;
    out.flush()
}

/// `json` with every line after the first indented by `indent`.
fn indented(json: &str, indent: &str) -> String {
    json.replace('\n', &format!("\n{indent}"))
}
