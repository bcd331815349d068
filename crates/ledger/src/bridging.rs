//! Bridging hypotheses for mediators: transparent arithmetic over cited entries, never a finding.
//!
//! Every hypothesis starts with "Hypothesis:", says which figures it is computed from, and lists its basis
//! as `document:start-end` references (or, for guarantors, the reports that name them). Five devices, each
//! only where its gap is open or narrowing: the overlap of stated ranges; the midpoint of a numeric gap;
//! tranches where the dispute is about timing; guarantors already named where the dispute is guarantees;
//! and a package across two issues that the two principals stress differently.

use std::collections::BTreeMap;

use accord_model::{Bridging, GapState, Issue, IssueBoard};

use crate::board::Current;
use crate::entries::{Corpus, Entry};
use crate::gap::{Claim, current_numbers, number};

/// Units that measure time, where a dispute can be split into tranches.
const TIME_UNITS: &[&str] = &["days", "hours", "weeks", "months"];

pub struct Context<'a, 'c, 'd> {
    pub corpus: &'a Corpus<'d>,
    pub entries: &'a [&'c Entry<'d>],
    pub boards: &'a [IssueBoard],
    pub currents: &'a BTreeMap<Issue, Vec<Current<'c, 'd>>>,
    pub claims: &'a [Claim],
    pub parties: &'a [String],
    pub mediators: &'a [String],
    pub guarantors: &'a [String],
    pub documents: &'a [usize],
}

pub fn hypotheses(cx: &Context) -> Vec<Bridging> {
    let mut out = Vec::new();
    for board in cx.boards {
        if !matches!(board.gap.state, GapState::Open | GapState::Narrowing) {
            continue;
        }
        let issue = board.issue;
        if let Some(numeric) = &board.gap.numeric {
            let by = current_numbers(cx.claims, issue, &numeric.unit);
            out.extend(overlap(issue, &numeric.unit, &by));
            out.extend(midpoint(issue, &numeric.unit, &by));
            out.extend(tranches(issue, &numeric.unit, &by));
        } else if issue == Issue::PhasingTimeline {
            out.extend(phases(cx, issue));
        }
        if issue == Issue::Guarantees {
            out.extend(guarantors(cx, issue));
        }
    }
    out.extend(package(cx));
    out
}

/// Lowest and highest number among the sides, with who holds each (ties by party name).
fn extremes<'c>(by: &BTreeMap<&str, &'c Claim>) -> Option<(&'c Claim, &'c Claim)> {
    let low = by.values().min_by(|a, b| a.value.total_cmp(&b.value))?;
    let high = by.values().max_by(|a, b| a.value.total_cmp(&b.value).then_with(|| b.party.cmp(&a.party)))?;
    (low.value < high.value).then_some((*low, *high))
}

fn overlap(issue: Issue, unit: &str, by: &BTreeMap<&str, &Claim>) -> Option<Bridging> {
    if !by.values().any(|c| c.min.is_some()) {
        return None;
    }
    let bounds = |c: &Claim| {
        let low = c.min.unwrap_or(c.value);
        (low.min(c.value), low.max(c.value))
    };
    let low = by.values().map(|c| bounds(c).0).fold(f64::MIN, f64::max);
    let high = by.values().map(|c| bounds(c).1).fold(f64::MAX, f64::min);
    if low > high {
        return None;
    }
    let ranges: Vec<String> = by
        .iter()
        .map(|(p, c)| {
            let (a, b) = bounds(c);
            if a == b { format!("{p} {}", number(a)) } else { format!("{p} {}-{}", number(a), number(b)) }
        })
        .collect();
    Some(Bridging {
        issue,
        hypothesis: format!(
            "Hypothesis: the stated ranges overlap at {}-{} {unit} ({}); a figure there is within what each side has named. Arithmetic on reported ranges, not a reported offer.",
            number(low),
            number(high),
            ranges.join("; ")
        ),
        basis: by.values().map(|c| c.reference()).collect(),
    })
}

fn midpoint(issue: Issue, unit: &str, by: &BTreeMap<&str, &Claim>) -> Option<Bridging> {
    let (low, high) = extremes(by)?;
    let mid = (low.value + high.value) / 2.0;
    let figure = match (issue, unit) {
        (Issue::HostagesPrisoners, "days") => format!("a release over {} days", number(mid)),
        (Issue::Ceasefire, "days") => format!("a truce of {} days", number(mid)),
        (_, u) if TIME_UNITS.contains(&u) => format!("a timeline of {} {u}", number(mid)),
        (_, u) => format!("{} {u}", number(mid)),
    };
    Some(Bridging {
        issue,
        hypothesis: format!(
            "Hypothesis: {figure} (midpoint of {} and {}: {} {}, {} {}) could split the difference on {issue}. Arithmetic, not a reported offer.",
            number(low.value),
            number(high.value),
            low.party,
            number(low.value),
            high.party,
            number(high.value),
        ),
        basis: vec![low.reference(), high.reference()],
    })
}

fn tranches(issue: Issue, unit: &str, by: &BTreeMap<&str, &Claim>) -> Option<Bridging> {
    if !TIME_UNITS.contains(&unit) && issue != Issue::PhasingTimeline {
        return None;
    }
    let (low, high) = extremes(by)?;
    Some(Bridging {
        issue,
        hypothesis: format!(
            "Hypothesis: tranches: a first tranche within {} {unit} (the figure of {}) and the rest by {} {unit} (the figure of {}), so each side's timing holds for part of the whole.",
            number(low.value),
            low.party,
            number(high.value),
            high.party,
        ),
        basis: vec![low.reference(), high.reference()],
    })
}

fn phases(cx: &Context, issue: Issue) -> Option<Bridging> {
    let currents = cx.currents.get(&issue)?;
    if currents.len() < 2 {
        return None;
    }
    let sides: Vec<String> = currents.iter().map(|c| format!("{} {}", c.party, c.entry.stance())).collect();
    Some(Bridging {
        issue,
        hypothesis: format!(
            "Hypothesis: phasing: sequence the disputed steps in stages, each tied to a verifiable step by the other side, so no side moves first on everything ({}).",
            sides.join(" vs ")
        ),
        basis: currents.iter().map(|c| c.entry.reference()).collect(),
    })
}

fn guarantors(cx: &Context, issue: Issue) -> Option<Bridging> {
    let (names, what) =
        if cx.guarantors.is_empty() { (cx.mediators, "mediator") } else { (cx.guarantors, "guarantor") };
    if names.is_empty() {
        return None;
    }
    let mut basis: Vec<String> = cx.currents.get(&issue).into_iter().flatten().map(|c| c.entry.reference()).collect();
    for name in names {
        let naming: Vec<&str> = cx
            .documents
            .iter()
            .map(|&d| cx.corpus.documents[d])
            .filter(|d| if what == "guarantor" { d.guarantors.contains(name) } else { d.mediators.contains(name) })
            .map(|d| d.id.as_str())
            .collect();
        basis.push(format!("{name} named as {what} in {}", naming.join(", ")));
    }
    Some(Bridging {
        issue,
        hypothesis: format!(
            "Hypothesis: guarantees by {} (already named as {what}{} in these reports) could answer the dispute on guarantees.",
            names.join(", "),
            if names.len() > 1 { "s" } else { "" }
        ),
        basis,
    })
}

/// A trade across two open issues: one the first principal stresses more, one the second does. Stress is
/// the share of a party's entries that are on the issue.
fn package(cx: &Context) -> Option<Bridging> {
    let [x, y, ..] = cx.parties else { return None };
    let open: Vec<Issue> = cx
        .boards
        .iter()
        .filter(|b| matches!(b.gap.state, GapState::Open | GapState::Narrowing))
        .map(|b| b.issue)
        .collect();
    let count = |party: &str, issue: Option<Issue>| {
        cx.entries.iter().filter(|e| e.party() == party && issue.is_none_or(|i| e.issue() == i)).count()
    };
    let (total_x, total_y) = (count(x, None), count(y, None));
    if total_x == 0 || total_y == 0 {
        return None;
    }
    let share = |party: &str, total: usize, issue: Issue| count(party, Some(issue)) as f64 / total as f64;
    let stress = |issue: Issue| share(x, total_x, issue) - share(y, total_y, issue);
    let best = |sign: f64| {
        open.iter()
            .copied()
            .map(|i| (i, sign * stress(i)))
            .filter(|(_, s)| *s > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .map(|(i, _)| i)
    };
    let (a, b) = (best(1.0)?, best(-1.0)?);
    let describe = |issue: Issue| {
        format!("{} of {x}'s {total_x} entries, {} of {y}'s {total_y}", count(x, Some(issue)), count(y, Some(issue)))
    };
    let mut basis: Vec<String> = [a, b]
        .iter()
        .filter_map(|i| cx.currents.get(i))
        .flatten()
        .filter(|c| c.party == *x || c.party == *y)
        .map(|c| c.entry.reference())
        .collect();
    basis.dedup();
    Some(Bridging {
        issue: a,
        hypothesis: format!(
            "Hypothesis: a package linking {a} (stressed more by {x}: {}) with {b} (stressed more by {y}: {}): {y} moves on {a}, {x} on {b}, each gaining where it cares most.",
            describe(a),
            describe(b)
        ),
        basis,
    })
}

#[cfg(test)]
mod tests {
    use crate::testkit::*;
    use accord_model::{Issue::*, Stance::*};

    #[test]
    fn midpoint_and_tranches_of_a_timing_gap() {
        let docs = vec![
            doc("a")
                .position(pos("Hamas", HostagesPrisoners, Demand).qty(70.0, "days").rather_than(7.0))
                .proposal(proposal("Witkoff Plan", "United States").term(
                    HostagesPrisoners,
                    "release within one week",
                    Some((7.0, "days")),
                ))
                .position(pos("Israel", Ceasefire, Reject)),
        ];
        let ledger = crate::build(&docs);
        let bridging = &ledger.negotiations[0].bridging;
        let texts: Vec<&str> = bridging.iter().map(|b| b.hypothesis.as_str()).collect();
        assert!(texts.iter().all(|t| t.starts_with("Hypothesis:")), "{texts:#?}");
        let mid = bridging.iter().find(|b| b.hypothesis.contains("midpoint")).expect("midpoint");
        assert_eq!(
            mid.hypothesis,
            "Hypothesis: a release over 38.5 days (midpoint of 7 and 70: United States 7, Hamas 70) could split the difference on hostages_prisoners. Arithmetic, not a reported offer."
        );
        assert_eq!(mid.basis.len(), 2);
        assert!(mid.basis.iter().all(|b| b.starts_with("a:")), "{:?}", mid.basis);
        assert!(texts.iter().any(|t| t.contains("first tranche within 7 days")));
    }

    #[test]
    fn overlapping_ranges_guarantors_and_packages() {
        let docs = vec![
            doc("a")
                .guarantors(&["Turkey"])
                .position(pos("Israel", HumanitarianAid, Offer).range(300.0, 400.0, "trucks_per_day"))
                .position(pos("Hamas", HumanitarianAid, Demand).range(350.0, 600.0, "trucks_per_day"))
                .position(pos("Hamas", Guarantees, Demand))
                .position(pos("Israel", Guarantees, Reject))
                .position(pos("Hamas", Ceasefire, Demand))
                .position(pos("Hamas", Ceasefire, Insist))
                .position(pos("Israel", Ceasefire, Reject))
                .position(pos("Israel", DisarmamentSecurity, Demand))
                .position(pos("Israel", DisarmamentSecurity, Insist))
                .position(pos("Hamas", DisarmamentSecurity, Reject)),
        ];
        let ledger = crate::build(&docs);
        let texts: Vec<&str> = ledger.negotiations[0].bridging.iter().map(|b| b.hypothesis.as_str()).collect();
        assert!(texts.iter().any(|t| t.contains("overlap at 350-400 trucks_per_day")), "{texts:#?}");
        assert!(texts.iter().any(|t| t.starts_with("Hypothesis: guarantees by Turkey")), "{texts:#?}");
        assert!(texts.iter().any(|t| t.starts_with("Hypothesis: a package linking")), "{texts:#?}");
    }
}
