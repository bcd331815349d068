//! The stored ledger, as `report` and `export` read it: the database's documents grouped, corrected by the
//! user's overrides and narrowed by the filters.

use std::path::Path;

use accord_ledger::{Filter, Override};
use accord_model::{Document, Ledger, printable};
use accord_store::Store;

use crate::args::LedgerArgs;
use crate::commands::ingest::check_db_path;
use crate::inputs::UsageError;

/// Every stored document, and their ledger narrowed by `args`' filters.
pub struct StoredLedger {
    pub documents: Vec<Document>,
    pub ledger: Ledger,
    pub filter: Filter,
}

pub fn load(args: &LedgerArgs) -> anyhow::Result<StoredLedger> {
    check_db_path(&args.db)?;
    if !args.db.exists() {
        anyhow::bail!(
            "{}: no such database; create it with `accord ingest PATH... --db {}`",
            args.db.display(),
            args.db.display()
        );
    }
    let documents = Store::open(&args.db)?.documents()?;
    let filter = Filter {
        negotiation: args.negotiation.clone(),
        party: args.party.clone(),
        issue: args.issue,
        since: args.since,
    };
    let ledger = match &args.overrides {
        Some(path) => accord_ledger::build_with(&documents, &read_overrides(path)?)
            .map_err(|err| UsageError(format!("{}: {err}", printable::path(path))))?,
        None => accord_ledger::build(&documents),
    };
    let ledger = accord_ledger::filter(ledger, &filter);
    Ok(StoredLedger { documents, ledger, filter })
}

/// The override file's corrections, or a usage error naming the file and the line it cannot read.
fn read_overrides(path: &Path) -> anyhow::Result<Vec<Override>> {
    let name = printable::path(path);
    let text =
        std::fs::read_to_string(path).map_err(|err| UsageError(format!("{name}: cannot read overrides: {err}")))?;
    Ok(accord_ledger::parse_overrides(&text).map_err(|err| UsageError(format!("{name}: {err}")))?)
}
