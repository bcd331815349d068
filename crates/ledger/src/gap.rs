//! The gap on each issue between the parties' current positions, and the numbers each side stands on.
//!
//! A party's number on an issue comes from its own positions (except rejections: "Russia rejects a 30-day
//! truce" is Ukraine's number, not Russia's), from the terms of its proposals, and from the alternative
//! another party turns down ("14 days rather than the month the US plan proposed" gives the plan's author 30).

use std::collections::BTreeMap;

use accord_model::{Gap, GapState, Issue, NumericGap, Span, StanceClass};
use jiff::civil::Date;

use crate::board::Current;
use crate::entries::{Corpus, Entry, date_order, normalise_unit, reference};

/// Where a party's number was read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// Its own position (the index into the negotiation's entries).
    Position(usize),
    /// A term of a proposal it authored.
    Term { proposal: String },
    /// The alternative `holder` turned down.
    RatherThan { holder: String },
}

/// One number a party stands on, for one issue and unit.
#[derive(Debug, Clone)]
pub struct Claim {
    pub party: String,
    pub issue: Issue,
    pub unit: String,
    pub value: f64,
    pub min: Option<f64>,
    pub date: Option<Date>,
    pub origin: Origin,
    pub document: String,
    pub span: Span,
}

impl Claim {
    pub fn reference(&self) -> String {
        reference(&self.document, self.span)
    }

    fn rank(&self) -> u8 {
        match self.origin {
            Origin::Position(_) => 0,
            Origin::Term { .. } => 1,
            Origin::RatherThan { .. } => 2,
        }
    }
}

/// Every number in the negotiation: positions, proposal terms and rejected alternatives.
pub fn claims(corpus: &Corpus, entries: &[&Entry], proposals: &[(usize, usize)], parties: &[String]) -> Vec<Claim> {
    let mut claims = Vec::new();
    for &(d, p) in proposals {
        let document = corpus.documents[d];
        let proposal = &document.proposals[p];
        let Some(by) = &proposal.by else { continue };
        for term in &proposal.terms {
            let (Some(value), Some(unit)) = (term.quantity, &term.unit) else { continue };
            let unit = normalise_unit(unit);
            if unit.is_empty() || !value.is_finite() {
                continue;
            }
            claims.push(Claim {
                party: by.clone(),
                issue: term.issue,
                unit,
                value,
                min: None,
                date: document.published,
                origin: Origin::Term { proposal: proposal.name.clone() },
                document: document.id.clone(),
                span: proposal.span,
            });
        }
    }
    let terms: Vec<Claim> = claims.clone();
    for (i, entry) in entries.iter().enumerate() {
        let Some(q) = &entry.quantity else { continue };
        if entry.is_denied() {
            continue;
        }
        let base = Claim {
            party: entry.party().to_string(),
            issue: entry.issue(),
            unit: q.unit.clone(),
            value: q.value,
            min: q.min,
            date: entry.date,
            origin: Origin::Position(i),
            document: entry.doc_id().to_string(),
            span: entry.position.span,
        };
        if let Some(rejected) = q.rather_than.filter(|v| v.is_finite()) {
            // Whose number it was: the author of a term with that number, else the other principal.
            let author = terms
                .iter()
                .find(|t| t.unit == q.unit && t.value == rejected && t.party != entry.party())
                .map(|t| t.party.clone())
                .or_else(|| match parties {
                    [a, b, ..] if a == entry.party() => Some(b.clone()),
                    [a, b, ..] if b == entry.party() => Some(a.clone()),
                    _ => None,
                });
            if let Some(author) = author {
                claims.push(Claim {
                    party: author,
                    value: rejected,
                    min: None,
                    origin: Origin::RatherThan { holder: entry.party().to_string() },
                    ..base.clone()
                });
            }
        }
        if entry.class() != StanceClass::Reject {
            claims.push(base);
        }
    }
    claims.sort_by(|a, b| {
        (a.issue, &a.unit, &a.party)
            .cmp(&(b.issue, &b.unit, &b.party))
            .then_with(|| date_order(a.date, b.date))
            .then_with(|| a.rank().cmp(&b.rank()))
            .then_with(|| (&a.document, a.span, &a.origin).cmp(&(&b.document, b.span, &b.origin)))
            .then_with(|| a.value.total_cmp(&b.value))
    });
    claims
}

/// Each party's latest number on one issue and unit: the latest dated, else an undated one; its own
/// positions before proposal terms before rejected alternatives.
pub fn current_numbers<'c>(claims: &'c [Claim], issue: Issue, unit: &str) -> BTreeMap<&'c str, &'c Claim> {
    let mut current: BTreeMap<&str, &Claim> = BTreeMap::new();
    for claim in claims.iter().filter(|c| c.issue == issue && c.unit == unit) {
        let replace = match current.get(claim.party.as_str()) {
            None => true,
            Some(old) => match (old.date, claim.date) {
                (Some(a), Some(b)) => b > a || (b == a && claim.rank() < old.rank()),
                (None, Some(_)) => true,
                (Some(_), None) => false,
                (None, None) => claim.rank() < old.rank(),
            },
        };
        if replace {
            current.insert(&claim.party, claim);
        }
    }
    current
}

/// Each party's earliest dated number on one issue and unit (its current one when it has no dated number).
fn first_numbers<'c>(claims: &'c [Claim], issue: Issue, unit: &str) -> BTreeMap<&'c str, &'c Claim> {
    let mut first = current_numbers(claims, issue, unit);
    for claim in claims.iter().filter(|c| c.issue == issue && c.unit == unit && c.date.is_some()) {
        let old = first[claim.party.as_str()];
        if claim.date < old.date || old.date.is_none() {
            first.insert(&claim.party, claim);
        }
    }
    first
}

/// The unit in which most parties state a number on the issue (at least two), with their current numbers.
pub fn numeric(claims: &[Claim], issue: Issue) -> Option<(String, BTreeMap<&str, &Claim>)> {
    let mut units: Vec<&str> = claims.iter().filter(|c| c.issue == issue).map(|c| c.unit.as_str()).collect();
    units.dedup();
    units
        .into_iter()
        .map(|u| (u, current_numbers(claims, issue, u)))
        .filter(|(_, by)| by.len() >= 2)
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then_with(|| b.0.cmp(a.0)))
        .map(|(u, by)| (u.to_string(), by))
}

fn spread(values: impl Iterator<Item = f64>) -> f64 {
    let values: Vec<f64> = values.collect();
    let max = values.iter().copied().fold(f64::MIN, f64::max);
    let min = values.iter().copied().fold(f64::MAX, f64::min);
    max - min
}

/// The gap on one issue. `conceded` names the parties with a concession recorded on it.
pub fn gap(issue: Issue, currents: &[Current], claims: &[Claim], conceded: &[String]) -> Gap {
    let numeric = numeric(claims, issue);
    let stances: Vec<String> = currents
        .iter()
        .map(|c| {
            let number = c.entry.quantity.as_ref().map(|q| format!(" {} {}", number(q.value), q.unit));
            format!("{} {}{}", c.party, c.entry.stance(), number.unwrap_or_default())
        })
        .collect();
    let concession = (!conceded.is_empty()).then(|| format!("concession recorded by {}", conceded.join(", ")));
    let sides = {
        let mut sides: Vec<&str> = currents.iter().map(|c| c.party.as_str()).collect();
        if let Some((_, by)) = &numeric {
            sides.extend(by.keys());
        }
        sides.sort();
        sides.dedup();
        sides.len()
    };

    let (state, detail) = if let Some((unit, by)) = &numeric {
        let now = spread(by.values().map(|c| c.value));
        let first = spread(
            first_numbers(claims, issue, unit).iter().filter(|(p, _)| by.contains_key(*p)).map(|(_, c)| c.value),
        );
        let listing: Vec<String> = by.iter().map(|(p, c)| format!("{p} {} {unit}", number(c.value))).collect();
        let listing = listing.join(" vs ");
        let apart = format!("{} {unit} apart", number(now));
        if now == 0.0 && !currents.iter().any(|c| c.entry.class() == StanceClass::Reject) {
            (GapState::Agreed, format!("same number: {listing}"))
        } else if now < first {
            (GapState::Narrowing, format!("{listing}: {apart}, down from {}", number(first)))
        } else if now > first {
            (GapState::Open, format!("{listing}: {apart}, up from {}", number(first)))
        } else if let Some(c) = concession {
            (GapState::Narrowing, format!("{listing}: {apart}; {c}"))
        } else {
            (GapState::Open, format!("{listing}: {apart}"))
        }
    } else if sides < 2 {
        let detail = match currents.first() {
            Some(c) => format!("only {}'s position is known: {}", c.party, stances.join("")),
            None => "no position known".to_string(),
        };
        (GapState::Unknown, detail)
    } else {
        let classes: Vec<StanceClass> = currents.iter().map(|c| c.entry.class()).collect();
        let rejects = classes.contains(&StanceClass::Reject);
        let accepts = classes.contains(&StanceClass::Accept);
        let all_give = classes.iter().all(|c| matches!(c, StanceClass::Give | StanceClass::Accept));
        let listing = stances.join(" vs ");
        if !rejects && (accepts || all_give) {
            (GapState::Agreed, listing)
        } else if let Some(c) = concession {
            (GapState::Narrowing, format!("{listing}; {c}"))
        } else {
            (GapState::Open, listing)
        }
    };
    Gap {
        state,
        detail,
        numeric: numeric.map(|(unit, by)| NumericGap {
            unit,
            by_party: by.into_iter().map(|(p, c)| (p.to_string(), c.value)).collect(),
        }),
    }
}

/// A number as people write it: no trailing ".0", at most two decimals.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let s = format!("{value:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use accord_model::{Issue::*, Response, Stance::*};

    #[test]
    fn seventy_against_seven_days_from_one_report() {
        let docs = vec![
            doc("a")
                .mediators(&["Qatar"])
                .position(
                    pos("Hamas", PhasingTimeline, Demand)
                        .detail("prisoner release over 70 days rather than one week")
                        .qty(70.0, "days")
                        .rather_than(7.0),
                )
                .position(pos("Israel", PhasingTimeline, Reject))
                .proposal(
                    proposal("Witkoff Plan", "United States")
                        .term(HostagesPrisoners, "release within one week", Some((7.0, "days")))
                        .response("Hamas", Response::Reject),
                ),
        ];
        let ledger = crate::build(&docs);
        let board = ledger.negotiations[0].issues.iter().find(|b| b.issue == PhasingTimeline).unwrap();
        let numeric = board.gap.numeric.as_ref().expect("numeric gap");
        assert_eq!(numeric.unit, "days");
        assert_eq!(numeric.by_party, BTreeMap::from([("Hamas".to_string(), 70.0), ("United States".to_string(), 7.0)]));
        assert_eq!(board.gap.state, GapState::Open);
        assert_eq!(board.gap.detail, "Hamas 70 days vs United States 7 days: 63 days apart");
    }

    #[test]
    fn a_rejected_alternative_without_a_proposal_is_the_other_principals() {
        let docs = vec![
            doc("a")
                .position(pos("Hamas", HostagesPrisoners, Demand).qty(70.0, "days").rather_than(7.0))
                .position(pos("Israel", HostagesPrisoners, Demand))
                .position(pos("Israel", Ceasefire, Reject)),
        ];
        let ledger = crate::build(&docs);
        let board = ledger.negotiations[0].issues.iter().find(|b| b.issue == HostagesPrisoners).unwrap();
        let numeric = board.gap.numeric.as_ref().unwrap();
        assert_eq!(numeric.by_party["Israel"], 7.0);
    }

    #[test]
    fn gap_states() {
        let run = |docs: Vec<accord_model::Document>, issue: Issue| {
            let ledger = crate::build(&docs);
            ledger.negotiations[0].issues.iter().find(|b| b.issue == issue).unwrap().gap.clone()
        };
        let open = run(
            vec![doc("a").position(pos("Hamas", Ceasefire, Demand)).position(pos("Israel", Ceasefire, Reject))],
            Ceasefire,
        );
        assert_eq!((open.state, open.detail.as_str()), (GapState::Open, "Hamas demand vs Israel reject"));
        let agreed = run(
            vec![doc("a").position(pos("Hamas", Ceasefire, Offer)).position(pos("Israel", Ceasefire, Accept))],
            Ceasefire,
        );
        assert_eq!(agreed.state, GapState::Agreed);
        let unknown = run(
            vec![doc("a").position(pos("Hamas", Ceasefire, Offer)).position(pos("Israel", Withdrawal, Reject))],
            Ceasefire,
        );
        assert_eq!(unknown.state, GapState::Unknown);
        let narrowing = run(
            vec![
                doc("a")
                    .published("2024-01-01")
                    .position(pos("Hamas", HostagesPrisoners, Demand).qty(250.0, "prisoners"))
                    .position(pos("Israel", HostagesPrisoners, Offer).qty(50.0, "prisoners")),
                doc("b")
                    .published("2024-02-01")
                    .position(pos("Hamas", HostagesPrisoners, Demand).qty(150.0, "prisoners"))
                    .position(pos("Israel", HostagesPrisoners, Offer).qty(50.0, "prisoners")),
            ],
            HostagesPrisoners,
        );
        assert_eq!(narrowing.state, GapState::Narrowing);
        assert!(narrowing.detail.contains("100 prisoners apart, down from 200"), "{}", narrowing.detail);
    }

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(number(70.0), "70");
        assert_eq!(number(38.5), "38.5");
        assert_eq!(number(1.0 / 3.0), "0.33");
    }
}
