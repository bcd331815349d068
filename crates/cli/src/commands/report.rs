//! `accord report`: the cross-document ledger of the database, as a terminal report or JSON.

use std::io::Write;

use accord_ledger::Filter;
use accord_store::Store;

use crate::Outcome;
use crate::args::ReportArgs;
use crate::commands::ingest::check_db_path;

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
    let ledger = accord_ledger::filter(accord_ledger::build(&documents), &filter);
    let mut out = std::io::stdout().lock();
    if report.json {
        serde_json::to_writer_pretty(&mut out, &ledger)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", accord_ledger::render_text(&ledger, &filter))?;
    }
    Ok(if documents.is_empty() { Outcome::NothingProduced } else { Outcome::Success })
}
