//! The negotiation's history, in date order with undated entries last, and the concessions found in it.
//!
//! A concession is either stated (a `concede` stance) or derived: a later dated position by the same party,
//! on the same issue and unit, whose number is closer to every other side's number (as of that date) than
//! the party's previous dated number was.

use std::collections::BTreeMap;

use accord_model::{HistoryEntry, Issue, Stance};

use crate::entries::Entry;
use crate::gap::{Claim, Origin, number};

/// A concession by `party` on `issue`, found at `entry` (an index into the negotiation's entries).
#[derive(Debug, Clone, PartialEq)]
pub struct Concession {
    pub entry: usize,
    pub party: String,
    pub issue: Issue,
    pub text: String,
}

pub fn concessions(entries: &[&Entry], claims: &[Claim]) -> Vec<Concession> {
    let mut found: BTreeMap<usize, Concession> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        if e.stance() == Stance::Concede && !e.is_denied() {
            found.insert(
                i,
                Concession {
                    entry: i,
                    party: e.party().to_string(),
                    issue: e.issue(),
                    text: format!("{} conceded on {}: {}", e.party(), e.issue(), e.position.detail),
                },
            );
        }
    }

    // Per issue, unit and party: its own dated numbers, with the entry each was read from.
    type Own<'c> = BTreeMap<(Issue, &'c str, &'c str), Vec<(&'c Claim, usize)>>;
    let mut own: Own = BTreeMap::new();
    for c in claims {
        if let (Origin::Position(i), Some(_)) = (&c.origin, c.date) {
            own.entry((c.issue, &c.unit, &c.party)).or_default().push((c, *i));
        }
    }
    for ((issue, unit, party), list) in &own {
        // `claims` is sorted by date within a party, issue and unit.
        for (k, &(later, i)) in list.iter().enumerate() {
            let Some(&(earlier, _)) = list[..k].iter().rev().find(|(c, _)| c.date < later.date) else { continue };
            let others = others_at(claims, *issue, unit, party, later);
            if others.is_empty() || later.value == earlier.value {
                continue;
            }
            let closer = others.iter().all(|o| (later.value - o.value).abs() < (earlier.value - o.value).abs());
            if !closer {
                continue;
            }
            let toward: Vec<String> = others.iter().map(|o| format!("{} at {}", o.party, number(o.value))).collect();
            let text = format!(
                "{party} moved from {} to {} {unit} on {issue}, toward {} (derived)",
                number(earlier.value),
                number(later.value),
                toward.join(" and ")
            );
            found.entry(i).and_modify(|c| c.text = format!("{}; {text}", c.text)).or_insert(Concession {
                entry: i,
                party: party.to_string(),
                issue: *issue,
                text,
            });
        }
    }
    found.into_values().collect()
}

/// Every other party's latest number on the issue and unit as of the claim's date (undated numbers only
/// when a party has no dated one by then).
fn others_at<'c>(claims: &'c [Claim], issue: Issue, unit: &str, party: &str, at: &Claim) -> Vec<&'c Claim> {
    let mut latest: BTreeMap<&str, &Claim> = BTreeMap::new();
    for c in claims.iter().filter(|c| c.issue == issue && c.unit == unit && c.party != party) {
        let usable = c.date.is_none() || c.date <= at.date;
        if !usable {
            continue;
        }
        let better = match latest.get(c.party.as_str()) {
            None => true,
            Some(old) => match (old.date, c.date) {
                (None, Some(_)) => true,
                (Some(a), Some(b)) => b >= a,
                _ => false,
            },
        };
        if better {
            latest.insert(&c.party, c);
        }
    }
    latest.into_values().collect()
}

/// The history: every entry as stated, annotated with its concession when it is one.
pub fn history(entries: &[&Entry], concessions: &[Concession]) -> Vec<HistoryEntry> {
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| HistoryEntry {
            date: e.date,
            party: e.party().to_string(),
            issue: e.issue(),
            stance: e.stance(),
            detail: e.position.detail.clone(),
            quantity: e.quantity.as_ref().map(|q| q.value),
            unit: e.quantity.as_ref().map(|q| q.unit.clone()),
            document: e.doc_id().to_string(),
            span: e.position.span,
            speaker: e.position.speaker.clone(),
            attribution: Some(e.position.attribution),
            modality: Some(e.position.modality),
            quantity_detail: e.quantity.clone(),
            published: e.document.published,
            evidence: e.position.evidence.clone(),
            concession: concessions.iter().find(|c| c.entry == i).map(|c| c.text.clone()),
            phase: e.position.phase,
            condition: e.position.condition.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::testkit::*;
    use accord_model::{Issue::*, Stance::*};

    #[test]
    fn history_is_in_date_order_with_undated_last() {
        let docs = vec![
            doc("z-undated").parties(&["Hamas", "Israel"]).position(pos("Hamas", Ceasefire, Demand)),
            doc("b").parties(&["Israel", "Hamas"]).published("2024-03-09").position(pos("Israel", Ceasefire, Reject)),
            doc("a")
                .parties(&["Hamas", "Israel"])
                .published("2024-03-10")
                .position(pos("Hamas", Ceasefire, Insist).stated("2024-03-08")),
            doc("c").parties(&["Hamas", "Israel"]).published("2024-03-09").position(pos("Hamas", Withdrawal, Demand)),
        ];
        let ledger = crate::build(&docs);
        let history = &ledger.negotiations[0].history;
        let order: Vec<(&str, Option<String>)> =
            history.iter().map(|h| (h.document.as_str(), h.date.map(|d| d.to_string()))).collect();
        assert_eq!(
            order,
            [
                ("a", Some("2024-03-08".into())),
                ("b", Some("2024-03-09".into())),
                ("c", Some("2024-03-09".into())),
                ("z-undated", None),
            ]
        );
        assert_eq!(history[0].published, Some(date("2024-03-10")));
    }

    #[test]
    fn a_later_number_closer_to_the_other_side_is_a_concession() {
        let docs = vec![
            doc("a")
                .published("2024-01-10")
                .position(pos("Hamas", HostagesPrisoners, Demand).qty(250.0, "prisoners"))
                .position(pos("Israel", HostagesPrisoners, Offer).qty(50.0, "prisoners")),
            doc("b").published("2024-02-10").position(pos("Hamas", HostagesPrisoners, Demand).qty(150.0, "prisoners")),
            doc("c").published("2024-03-10").position(pos("Hamas", HostagesPrisoners, Demand).qty(300.0, "prisoners")),
            doc("d").position(pos("Israel", Withdrawal, Concede).detail("dropped its demand to stay in the corridor")),
        ];
        let ledger = crate::build(&docs);
        let history = &ledger.negotiations[0].history;
        let conceded: Vec<(&str, &str)> =
            history.iter().filter_map(|h| h.concession.as_deref().map(|c| (h.document.as_str(), c))).collect();
        assert_eq!(
            conceded,
            [
                ("b", "Hamas moved from 250 to 150 prisoners on hostages_prisoners, toward Israel at 50 (derived)"),
                ("d", "Israel conceded on withdrawal: dropped its demand to stay in the corridor"),
            ]
        );
        let gap = &ledger.negotiations[0].issues.iter().find(|b| b.issue == HostagesPrisoners).unwrap().gap;
        assert_eq!(gap.state, accord_model::GapState::Open, "moved back out to 300: {}", gap.detail);
    }
}
