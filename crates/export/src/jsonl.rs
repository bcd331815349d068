//! Documents as JSON Lines: one document per line in CONTRACT.md's per-document shape, narrowed like the
//! ledger it was exported with.

use std::collections::HashSet;
use std::io::Write;

use accord_ledger::Filter;
use accord_model::{Document, Ledger};
use serde::Serialize;

/// A document as written, with its cleaned text when asked for.
#[derive(Serialize)]
struct Line<'a> {
    #[serde(flatten)]
    document: &'a Document,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

/// The documents of the negotiations left in `ledger`, in id order; with a party or issue filter, each keeps
/// only that party's or issue's positions; with `since`, only documents published on or after it.
pub fn documents(ledger: &Ledger, documents: &[Document], filter: &Filter) -> Vec<Document> {
    let kept: HashSet<&str> = ledger.negotiations.iter().flat_map(|n| &n.documents).map(String::as_str).collect();
    let mut selected: Vec<Document> = documents
        .iter()
        .filter(|d| kept.contains(d.id.as_str()))
        .filter(|d| filter.since.is_none_or(|since| d.published.is_some_and(|p| p >= since)))
        .cloned()
        .collect();
    for document in &mut selected {
        document.positions.retain(|p| {
            filter.party.as_ref().is_none_or(|party| p.party.eq_ignore_ascii_case(party))
                && filter.issue.is_none_or(|issue| p.issue == issue)
        });
    }
    selected.sort_by(|a, b| a.id.cmp(&b.id));
    selected
}

pub fn write(documents: &[Document], with_text: bool, mut out: impl Write) -> std::io::Result<()> {
    for document in documents {
        let line = Line { document, text: with_text.then_some(document.text.as_str()) };
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
