//! The terminal report of `accord report`: one section per negotiation, readable without the JSON.

use std::fmt::Write;

use accord_model::{HistoryEntry, Ledger, Negotiation};

use crate::filter::{Filter, filter};
use crate::gap::number;

/// How many history entries the report shows when no `since` date asks for all changes.
const RECENT: usize = 10;
const CELL: usize = 26;
const DETAIL: usize = 70;

pub fn render_text(ledger: &Ledger, f: &Filter) -> String {
    let ledger = filter(ledger.clone(), f);
    let mut out = String::new();
    if ledger.negotiations.is_empty() {
        out.push_str(if f.is_empty() { "No negotiations found.\n" } else { "No negotiation matches the filter.\n" });
        return out;
    }
    for (i, n) in ledger.negotiations.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        negotiation(&mut out, n, f);
    }
    out
}

fn negotiation(out: &mut String, n: &Negotiation, f: &Filter) {
    let rule = "=".repeat(n.name.chars().count() + 6);
    let _ = writeln!(out, "{rule}\n== {} ==\n{rule}", n.name);
    let list = |names: &[String]| if names.is_empty() { "none named".to_string() } else { names.join(", ") };
    let _ = writeln!(out, "Parties:    {}", list(&n.parties));
    let _ = writeln!(out, "Mediators:  {}", list(&n.mediators));
    let _ = writeln!(out, "Guarantors: {}", list(&n.guarantors));
    let _ = writeln!(out, "Status:     {}", n.status);
    let dates = match n.date_range {
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a} to {b}"),
        None => "undated reports only".to_string(),
    };
    let _ = writeln!(out, "Dates:      {dates}");
    let _ = writeln!(out, "Sources:    {} document{}", n.documents.len(), plural(n.documents.len()));

    board(out, n);
    positions(out, n);
    proposals(out, n);
    history(out, n, f);
    concessions(out, n);
    contradictions(out, n);
    bridging(out, n);
    people(out, n);
    documents(out, n);
}

/// Every document of the negotiation with the reason it was placed there.
fn documents(out: &mut String, n: &Negotiation) {
    if n.membership.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nDocuments, and why each is in this negotiation:");
    for m in &n.membership {
        let _ = writeln!(out, "  {}: {}", m.document, m.reason);
    }
}

fn board(out: &mut String, n: &Negotiation) {
    if n.issues.is_empty() {
        return;
    }
    let mut columns: Vec<String> = n.parties.clone();
    let mut others: Vec<String> = n
        .issues
        .iter()
        .flat_map(|b| b.positions.iter().map(|p| p.party.clone()))
        .filter(|p| !columns.contains(p))
        .collect();
    others.sort();
    others.dedup();
    columns.extend(others);
    columns.retain(|c| n.issues.iter().any(|b| b.positions.iter().any(|p| &p.party == c)));

    let _ = writeln!(out, "\nIssues x parties (current stance, number, sources; gap)");
    let issue_width = n.issues.iter().map(|b| b.issue.id().len()).max().unwrap_or(5).max(5);
    let mut header = format!("  {:issue_width$}", "issue");
    for c in &columns {
        let _ = write!(header, " | {:CELL$}", cut(c, CELL));
    }
    let _ = writeln!(out, "{header} | gap");
    for b in &n.issues {
        let mut row = format!("  {:issue_width$}", b.issue.id());
        for c in &columns {
            let cell = match b.positions.iter().find(|p| &p.party == c) {
                Some(p) => {
                    let number = match (p.quantity, &p.unit) {
                        (Some(q), Some(u)) => format!(" {} {u}", number(q)),
                        _ => String::new(),
                    };
                    format!("{}{number} ({})", p.stance, p.sources)
                }
                None => "-".to_string(),
            };
            let _ = write!(row, " | {:CELL$}", cut(&cell, CELL));
        }
        let _ = writeln!(out, "{row} | {}", gap_state(b));
    }
}

fn gap_state(b: &accord_model::IssueBoard) -> &'static str {
    match b.gap.state {
        accord_model::GapState::Open => "open",
        accord_model::GapState::Narrowing => "narrowing",
        accord_model::GapState::Agreed => "agreed",
        accord_model::GapState::Unknown => "unknown",
    }
}

fn positions(out: &mut String, n: &Negotiation) {
    if n.issues.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nPositions and gaps");
    for b in &n.issues {
        let _ = writeln!(out, "  {}: gap {} ({})", b.issue, gap_state(b), b.gap.detail);
        for p in &b.positions {
            let since = p.since.map(|d| format!(", since {d}")).unwrap_or_else(|| ", undated".to_string());
            let _ = writeln!(
                out,
                "    {}: {} \"{}\" ({} source{}{since})",
                p.party,
                p.stance,
                cut(&p.detail, DETAIL),
                p.sources,
                plural(p.sources)
            );
        }
    }
}

fn proposals(out: &mut String, n: &Negotiation) {
    if n.proposals.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nProposals");
    for p in &n.proposals {
        let by = p.by.as_deref().unwrap_or("author unknown");
        let _ = writeln!(out, "  {} (by {by}; {} document{})", p.name, p.documents.len(), plural(p.documents.len()));
        for t in &p.terms {
            let number = match (t.quantity, &t.unit) {
                (Some(q), Some(u)) => format!(" [{} {u}]", number(q)),
                (Some(q), None) => format!(" [{}]", number(q)),
                _ => String::new(),
            };
            let _ = writeln!(out, "    term {}: {}{number}", t.issue, cut(&t.detail, DETAIL));
        }
        for r in &p.responses {
            let _ = writeln!(
                out,
                "    {} {}: \"{}\" [{}]",
                r.party,
                r.response,
                cut(&r.evidence.text, DETAIL),
                r.evidence.document
            );
        }
    }
}

fn history(out: &mut String, n: &Negotiation, f: &Filter) {
    if let Some(since) = f.since {
        let _ = writeln!(
            out,
            "\nChanged since {since} ({} entr{})",
            n.history.len(),
            if n.history.len() == 1 { "y" } else { "ies" }
        );
        for h in &n.history {
            entry(out, h);
        }
        return;
    }
    if n.history.is_empty() {
        return;
    }
    let dated: Vec<&HistoryEntry> = n.history.iter().filter(|h| h.date.is_some()).collect();
    let undated = n.history.len() - dated.len();
    let shown = &dated[dated.len().saturating_sub(RECENT)..];
    let _ = writeln!(
        out,
        "\nHistory ({} entries, {undated} undated; latest {} dated shown, filter by date for all changes since then)",
        n.history.len(),
        shown.len()
    );
    for h in shown {
        entry(out, h);
    }
}

fn entry(out: &mut String, h: &HistoryEntry) {
    let date = h.date.map(|d| d.to_string()).unwrap_or_else(|| "undated   ".to_string());
    let number = match (h.quantity, &h.unit) {
        (Some(q), Some(u)) => format!(" [{} {u}]", number(q)),
        _ => String::new(),
    };
    let speaker = h.speaker.as_deref().map(|s| format!(" (via {s})")).unwrap_or_default();
    let _ = writeln!(
        out,
        "  {date}  {} {} on {}{number}: \"{}\"{speaker} [{}]",
        h.party,
        h.stance,
        h.issue,
        cut(&h.detail, DETAIL),
        h.document
    );
    if let Some(c) = &h.concession {
        let _ = writeln!(out, "              concession: {c}");
    }
}

fn concessions(out: &mut String, n: &Negotiation) {
    let mut list: Vec<&HistoryEntry> = n.history.iter().filter(|h| h.concession.is_some()).collect();
    // Two statements of one move in one report are one concession.
    list.dedup_by(|a, b| a.concession == b.concession && a.document == b.document);
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nConcessions");
    for h in list {
        let date = h.date.map(|d| d.to_string()).unwrap_or_else(|| "undated".to_string());
        let _ = writeln!(out, "  {date}: {} [{}]", h.concession.as_deref().unwrap_or_default(), h.document);
    }
}

fn contradictions(out: &mut String, n: &Negotiation) {
    if n.contradictions.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nContradictions between sources");
    for c in &n.contradictions {
        let _ = writeln!(out, "  {}", c.about);
        for e in &c.entries {
            let _ = writeln!(out, "    [{}] \"{}\"", e.document, cut(&e.text, DETAIL + 30));
        }
    }
}

fn bridging(out: &mut String, n: &Negotiation) {
    if n.bridging.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nBridging hypotheses (arithmetic for mediators, not findings)");
    for b in &n.bridging {
        let _ = writeln!(out, "  [{}] {}", b.issue, b.hypothesis);
        let _ = writeln!(out, "    basis: {}", b.basis.join("; "));
    }
}

fn people(out: &mut String, n: &Negotiation) {
    if n.people.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nPeople");
    for p in &n.people {
        let about: Vec<&str> = [p.affiliation.as_deref(), p.role.as_deref()].into_iter().flatten().collect();
        let about = if about.is_empty() { String::new() } else { format!(" ({})", about.join(", ")) };
        let aliases = if p.aliases.is_empty() { String::new() } else { format!("; also {}", p.aliases.join(", ")) };
        let _ =
            writeln!(out, "  {}{about}: {} document{}{aliases}", p.name, p.documents.len(), plural(p.documents.len()));
        for m in &p.merges {
            let _ = writeln!(out, "    merged \"{}\": {}", m.alias, m.reason);
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// At most `max` characters, ending in "..." when cut; never splits a character.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(3)).collect();
    format!("{}...", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use accord_model::{Issue::*, Response, Stance::*, Status};

    #[test]
    fn report_shows_every_section() {
        let docs = vec![
            doc("a")
                .published("2024-11-20")
                .status(Status::Stalled)
                .mediators(&["Qatar"])
                .guarantors(&["Turkey"])
                .person("Steve Witkoff", "United States", "special envoy")
                .position(
                    pos("Hamas", HostagesPrisoners, Demand)
                        .qty(70.0, "days")
                        .rather_than(7.0)
                        .detail("release over 70 days rather than one week"),
                )
                .position(pos("Israel", Guarantees, Reject))
                .position(pos("Hamas", Guarantees, Demand))
                .proposal(
                    proposal("Witkoff Plan", "United States")
                        .term(HostagesPrisoners, "release within one week", Some((7.0, "days")))
                        .response("Hamas", Response::Reject),
                ),
            doc("b")
                .published("2024-11-22")
                .status(Status::Ongoing)
                .person("Steve Whittaker", "United States", "U.S. special envoy")
                .position(pos("Israel", Guarantees, Offer)),
            doc("c")
                .published("2024-11-22")
                .status(Status::Stalled)
                .person("Steve Witkoff", "United States", "special envoy")
                .position(pos("Israel", Guarantees, Reject)),
        ];
        let ledger = crate::build(&docs);
        let text = render_text(&ledger, &Filter { since: Some(date("2024-11-21")), ..Filter::default() });
        for needle in [
            "== Israel-Hamas ==",
            "Mediators:  Qatar",
            "Guarantors: Turkey",
            "Status:     stalled",
            "Dates:      2024-11-20 to 2024-11-22",
            "Sources:    3 documents",
            "| demand 70 days (1) ",
            "Witkoff Plan (by United States; 1 document)",
            "Changed since 2024-11-21 (2 entries)",
            "Contradictions between sources",
            "Hypothesis: a release over 38.5 days",
            "merged \"Steve Whittaker\": same first name as Steve Witkoff",
            "Documents, and why each is in this negotiation:\n  a: names both sides, Hamas and Israel\n",
            "  b: names one side, Israel, and no other side of any negotiation\n",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
        }
        let all = render_text(&ledger, &Filter::default());
        assert!(all.contains("History (5 entries, 0 undated"), "{all}");
        assert_eq!(
            render_text(&ledger, &Filter { negotiation: Some("nowhere".into()), ..Filter::default() }),
            "No negotiation matches the filter.\n"
        );
    }
}
