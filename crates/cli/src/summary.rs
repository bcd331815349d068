//! The readable per-document summary `accord extract` prints without `--json`.

use std::fmt::Write;

use accord_model::Document;

pub fn render(document: &Document) -> String {
    let mut out = String::new();
    let title = document.title.as_deref().unwrap_or("(untitled)");
    let _ = writeln!(out, "== {} — {}", document.id, title);
    let published = document.published.map_or("undated".to_string(), |d| d.to_string());
    let _ = writeln!(out, "   published {published}; talks {}", document.status);
    let list = |names: &[String]| if names.is_empty() { "-".to_string() } else { names.join(", ") };
    let _ = writeln!(out, "   parties:    {}", list(&document.parties));
    let _ = writeln!(out, "   mediators:  {}", list(&document.mediators));
    let _ = writeln!(out, "   guarantors: {}", list(&document.guarantors));
    for person in &document.people {
        let role = person.role.as_deref().unwrap_or("?");
        let affiliation = person.affiliation.as_deref().unwrap_or("?");
        let _ = writeln!(out, "   person      {} ({role}, {affiliation})", person.name);
    }
    for position in &document.positions {
        let quantity = match (&position.quantity, &position.unit) {
            (Some(q), Some(unit)) => format!(" [{q} {unit}]"),
            _ => String::new(),
        };
        let _ = writeln!(out, "   {:<14} {:<9} {}{quantity}", position.party, position.stance, position.issue);
        let _ = writeln!(out, "                  “{}”", position.evidence);
    }
    for proposal in &document.proposals {
        let by = proposal.by.as_deref().unwrap_or("?");
        let _ = writeln!(out, "   proposal    {} (by {by})", proposal.name);
        for response in &proposal.responses {
            let _ = writeln!(out, "                  {} {}", response.party, response.response);
        }
    }
    out.push('\n');
    out
}
