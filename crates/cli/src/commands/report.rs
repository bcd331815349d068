//! `accord report`: the cross-document ledger of the database, as a terminal report or JSON.

use std::io::Write;

use crate::Outcome;
use crate::args::ReportArgs;
use crate::commands::stored;

pub fn run(report: &ReportArgs) -> anyhow::Result<Outcome> {
    let stored = stored::load(&report.ledger)?;
    let mut out = std::io::stdout().lock();
    if report.json {
        serde_json::to_writer_pretty(&mut out, &stored.ledger)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", accord_ledger::render_text(&stored.ledger, &stored.filter))?;
    }
    Ok(if stored.documents.is_empty() { Outcome::NothingProduced } else { Outcome::Success })
}
