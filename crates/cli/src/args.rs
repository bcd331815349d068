//! Command-line flags, as plain data; commands turn them into real objects.

use std::path::PathBuf;

use accord_model::Issue;
use clap::{Parser, Subcommand};
use jiff::civil::Date;

#[derive(Debug, Parser)]
#[command(
    name = "accord",
    version,
    about = "Negotiation ledgers from raw news reports, every entry cited to its source"
)]
pub struct Args {
    /// A folder whose data files (actors.tsv, stances.tsv, ...) replace the built-in ones of the same name.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read reports and print what each says: parties, people, positions, proposals, status.
    Extract(ExtractArgs),
    /// Extract reports and store them in the database; re-ingesting a report changes nothing.
    Ingest(IngestArgs),
    /// The cross-document negotiation ledger of the database.
    Report(ReportArgs),
    /// The stored ledger as CSV (one row per entry) or JSON Lines (one document per line).
    Export(ExportArgs),
    /// Train the learned position models on an annotated corpus and write them as a data file.
    Train(TrainArgs),
}

#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// The corpus folder: reports/<id>.txt with gold/<id>.json in CONTRACT.md's shape.
    #[arg(value_name = "CORPUS")]
    pub corpus: PathBuf,
    /// Where to write the models (the built-in ones are data/en/model.tsv).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// A second corpus, held out: print how well the new models decide on it.
    #[arg(long, value_name = "CORPUS")]
    pub check: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Print one JSON object {"documents": [...], "ledger": {...}} (CONTRACT.md).
    #[arg(long)]
    pub json: bool,
    /// With --json, give each document its cleaned text (field `text`), which every span points into.
    #[arg(long, requires = "json")]
    pub with_text: bool,
    /// The publication date (YYYY-MM-DD) of inputs that state none; a date the input states wins.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub published: Option<Date>,
    /// Report files (.txt, .html, .htm, .jsonl), WARC crawls (.warc, .warc.gz), folders (read recursively),
    /// or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// The SQLite database to store into; created if missing.
    #[arg(long, default_value = "accord.db", value_name = "FILE")]
    pub db: PathBuf,
    /// The publication date (YYYY-MM-DD) of inputs that state none; a date the input states wins.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub published: Option<Date>,
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub ledger: LedgerArgs,
    /// Print the ledger as JSON (CONTRACT.md's ledger shape).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub ledger: LedgerArgs,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// With --format jsonl, give each document its cleaned text (field `text`), which every span points into.
    #[arg(long)]
    pub with_text: bool,
    /// Write here instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One document per line, in CONTRACT.md's per-document shape.
    Jsonl,
    /// One row per ledger entry (position or response), RFC 4180 with a header.
    Csv,
}

/// The stored ledger and how to narrow it: shared by `report` and `export`.
#[derive(Debug, clap::Args)]
pub struct LedgerArgs {
    #[arg(long, default_value = "accord.db", value_name = "FILE")]
    pub db: PathBuf,
    /// Only negotiations whose name contains this text.
    #[arg(long)]
    pub negotiation: Option<String>,
    /// Only this party's positions.
    #[arg(long)]
    pub party: Option<String>,
    /// Only this issue (ceasefire, withdrawal, hostages_prisoners, ...).
    #[arg(long)]
    pub issue: Option<Issue>,
    /// Only what changed since this date (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<Date>,
    /// Corrections to the grouping: a tab-separated file of `move DOC NEGOTIATION`, `merge NEGOTIATION
    /// INTO` and `split NEGOTIATION YYYY-MM-DD` lines, applied in order.
    #[arg(long, value_name = "FILE")]
    pub overrides: Option<PathBuf>,
}
