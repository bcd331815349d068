//! `accord report`: the cross-document ledger of the database, as a terminal report or JSON.

use std::io::Write;

use std::path::Path;

use accord_ledger::{Filter, Override};
use accord_model::printable;
use accord_store::Store;

use crate::Outcome;
use crate::args::ReportArgs;
use crate::commands::ingest::check_db_path;
use crate::inputs::UsageError;

pub fn run(report: &ReportArgs) -> anyhow::Result<Outcome> {
    check_db_path(&report.db)?;
    if !report.db.exists() {
        anyhow::bail!(
            "{}: no such database; create it with `accord ingest PATH... --db {}`",
            report.db.display(),
            report.db.display()
        );
    }
    let store = Store::open(&report.db)?;
    let documents = store.documents()?;
    let filter = Filter {
        negotiation: report.negotiation.clone(),
        party: report.party.clone(),
        issue: report.issue,
        since: report.since,
    };
    let ledger = match &report.overrides {
        Some(path) => accord_ledger::build_with(&documents, &read_overrides(path)?)
            .map_err(|err| UsageError(format!("{}: {err}", printable::path(path))))?,
        None => accord_ledger::build(&documents),
    };
    let ledger = accord_ledger::filter(ledger, &filter);
    let mut out = std::io::stdout().lock();
    if report.json {
        serde_json::to_writer_pretty(&mut out, &ledger)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", accord_ledger::render_text(&ledger, &filter))?;
    }
    Ok(if documents.is_empty() { Outcome::NothingProduced } else { Outcome::Success })
}

/// The override file's corrections, or a usage error naming the file and the line it cannot read.
fn read_overrides(path: &Path) -> anyhow::Result<Vec<Override>> {
    let name = printable::path(path);
    let text =
        std::fs::read_to_string(path).map_err(|err| UsageError(format!("{name}: cannot read overrides: {err}")))?;
    Ok(accord_ledger::parse_overrides(&text).map_err(|err| UsageError(format!("{name}: {err}")))?)
}
