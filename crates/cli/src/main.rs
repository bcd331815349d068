//! The `accord` command: flags in, one command run, an exit code out (CONTRACT.md: 0 ok, 1 nothing
//! produced, 2 usage error or a failed input).

mod args;
mod commands;
mod inputs;
mod summary;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Args, Command};

/// How a command ended, mapped to CONTRACT.md's exit codes.
pub enum Outcome {
    Success,
    NothingProduced,
    SomeInputsFailed,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match &args.command {
        Command::Extract(extract) => commands::extract::run(&args, extract),
        Command::Ingest(ingest) => commands::ingest::run(&args, ingest),
        Command::Report(report) => commands::report::run(report),
        Command::Export(export) => commands::export::run(export),
        Command::Train(train) => commands::train::run(&args, train),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::NothingProduced) => ExitCode::from(1),
        Ok(Outcome::SomeInputsFailed) => ExitCode::from(2),
        // A reader that stops early (`accord extract ... | head`) is not a failure.
        Err(err) if err.chain().any(is_broken_pipe) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("accord: {err:#}");
            ExitCode::from(if err.is::<inputs::UsageError>() { 2 } else { 1 })
        }
    }
}

fn is_broken_pipe(cause: &(dyn std::error::Error + 'static)) -> bool {
    let kind = cause
        .downcast_ref::<std::io::Error>()
        .map(std::io::Error::kind)
        .or_else(|| cause.downcast_ref::<serde_json::Error>().and_then(serde_json::Error::io_error_kind));
    kind == Some(std::io::ErrorKind::BrokenPipe)
}
