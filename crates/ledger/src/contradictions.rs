//! Sources that cannot all be right: incompatible stances of one party, and disagreeing talks status.
//!
//! Two reports contradict each other only when they cannot be a change over time: the same date, or no
//! date to order them by. For stances that is the same date or at least one undated report (an undated
//! report cannot be placed before or after the other); for the talks status, whose reports are many and
//! often a day apart, the same publication date or both undated.

use std::collections::{BTreeMap, BTreeSet};

use accord_model::{Contradiction, ContradictionEntry, Issue, StanceClass, Status};
use jiff::civil::Date;

use crate::entries::{Corpus, Entry};

/// Stance classes that cannot both hold for one party on one issue at one time.
const INCOMPATIBLE: &[(StanceClass, StanceClass)] =
    &[(StanceClass::Accept, StanceClass::Reject), (StanceClass::Give, StanceClass::Reject)];

/// Talks statuses that cannot both describe the same day.
const STATUS_CONFLICTS: &[(Status, Status)] =
    &[(Status::Ongoing, Status::Stalled), (Status::Ongoing, Status::Collapsed), (Status::Agreement, Status::Collapsed)];

pub fn find(corpus: &Corpus, entries: &[&Entry], documents: &[usize]) -> Vec<Contradiction> {
    let mut out = stances(entries);
    out.extend(statuses(corpus, documents));
    out
}

fn stances(entries: &[&Entry]) -> Vec<Contradiction> {
    let mut by_key: BTreeMap<(&str, Issue), Vec<&Entry>> = BTreeMap::new();
    for &e in entries.iter().filter(|e| !e.is_denied()) {
        by_key.entry((e.party(), e.issue())).or_default().push(e);
    }
    let mut out = Vec::new();
    for ((party, issue), list) in by_key {
        for &(a, b) in INCOMPATIBLE {
            let (side_a, side_b): (Vec<&Entry>, Vec<&Entry>) = (
                list.iter().copied().filter(|e| e.class() == a).collect(),
                list.iter().copied().filter(|e| e.class() == b).collect(),
            );
            let clash =
                |x: &Entry, y: &Entry| x.doc != y.doc && (x.date == y.date || x.date.is_none() || y.date.is_none());
            let keep_a: Vec<&Entry> = side_a.iter().copied().filter(|x| side_b.iter().any(|y| clash(x, y))).collect();
            let keep_b: Vec<&Entry> = side_b.iter().copied().filter(|y| side_a.iter().any(|x| clash(x, y))).collect();
            if keep_a.is_empty() {
                continue;
            }
            let docs = |side: &[&Entry]| {
                let ids: BTreeSet<&str> = side.iter().map(|e| e.doc_id()).collect();
                ids.into_iter().collect::<Vec<_>>().join(", ")
            };
            let stances = |side: &[&Entry]| {
                let ids: BTreeSet<&str> = side.iter().map(|e| e.stance().id()).collect();
                ids.into_iter().collect::<Vec<_>>().join("/")
            };
            let about = format!(
                "{party} on {issue}: {} in {} vs {} in {} (same date or undated)",
                stances(&keep_a),
                docs(&keep_a),
                stances(&keep_b),
                docs(&keep_b)
            );
            let entries = keep_a
                .iter()
                .chain(&keep_b)
                .map(|e| ContradictionEntry { document: e.doc_id().to_string(), text: e.position.evidence.clone() })
                .collect();
            out.push(Contradiction { about, entries });
        }
    }
    out
}

fn statuses(corpus: &Corpus, documents: &[usize]) -> Vec<Contradiction> {
    let mut by_day: BTreeMap<Option<Date>, BTreeMap<Status, Vec<usize>>> = BTreeMap::new();
    for &d in documents {
        let document = corpus.documents[d];
        by_day.entry(document.published).or_default().entry(document.status).or_default().push(d);
    }
    let mut out = Vec::new();
    for (day, statuses) in by_day {
        let conflicting: BTreeSet<Status> = STATUS_CONFLICTS
            .iter()
            .filter(|(a, b)| statuses.contains_key(a) && statuses.contains_key(b))
            .flat_map(|(a, b)| [*a, *b])
            .collect();
        if conflicting.is_empty() {
            continue;
        }
        let when = day.map(|d| format!("on {d}")).unwrap_or_else(|| "in undated reports".to_string());
        let sides: Vec<String> = conflicting
            .iter()
            .map(|s| {
                let ids: Vec<&str> = statuses[s].iter().map(|&d| corpus.documents[d].id.as_str()).collect();
                format!("{s} in {}", ids.join(", "))
            })
            .collect();
        let entries = conflicting
            .iter()
            .flat_map(|s| statuses[s].iter().map(move |&d| (s, d)))
            .map(|(s, d)| {
                let document = corpus.documents[d];
                let title = document.title.as_deref().map(|t| format!(": {t}")).unwrap_or_default();
                ContradictionEntry { document: document.id.clone(), text: format!("talks reported as {s}{title}") }
            })
            .collect();
        out.push(Contradiction { about: format!("talks status {when}: {}", sides.join(" vs ")), entries });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::testkit::*;
    use accord_model::{Issue::*, Stance::*, Status};

    #[test]
    fn a_contradiction_lists_both_sources() {
        let docs = vec![
            doc("a")
                .published("2024-04-01")
                .position(pos("Israel", HumanitarianAid, Accept).evidence("Israel accepted the aid corridor."))
                .position(pos("Hamas", HumanitarianAid, Demand)),
            doc("b")
                .published("2024-04-01")
                .position(pos("Israel", HumanitarianAid, Reject).evidence("Israel rejected the aid corridor.")),
            doc("c").published("2024-05-01").position(pos("Israel", HumanitarianAid, Reject)),
        ];
        let ledger = crate::build(&docs);
        let contradictions = &ledger.negotiations[0].contradictions;
        assert_eq!(contradictions.len(), 1, "{contradictions:#?}");
        let c = &contradictions[0];
        assert_eq!(c.about, "Israel on humanitarian_aid: accept in a vs reject in b (same date or undated)");
        let listed: Vec<(&str, &str)> = c.entries.iter().map(|e| (e.document.as_str(), e.text.as_str())).collect();
        assert_eq!(listed, [("a", "Israel accepted the aid corridor."), ("b", "Israel rejected the aid corridor.")]);
    }

    #[test]
    fn reports_disagreeing_on_the_talks_status() {
        let docs = vec![
            doc("a")
                .status(Status::Ongoing)
                .position(pos("Hamas", Ceasefire, Demand))
                .position(pos("Israel", Ceasefire, Reject)),
            doc("b")
                .status(Status::Stalled)
                .position(pos("Hamas", Ceasefire, Demand))
                .position(pos("Israel", Ceasefire, Reject)),
            doc("c").published("2024-01-01").status(Status::Collapsed).position(pos("Hamas", Ceasefire, Demand)),
        ];
        let ledger = crate::build(&docs);
        let contradictions = &ledger.negotiations[0].contradictions;
        assert_eq!(contradictions.len(), 1, "{contradictions:#?}");
        assert_eq!(contradictions[0].about, "talks status in undated reports: ongoing in a vs stalled in b");
        assert_eq!(contradictions[0].entries.len(), 2);
    }
}
