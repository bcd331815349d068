//! Each party's current position on each issue, and how many independent sources state it.
//!
//! The current position is read from the latest dated entries (all entries when none is dated), never
//! from a denied one: among them, the stance class stated by most independent sources wins, then the
//! strongest attribution (on the record before anonymous before second-hand). Its sources are every
//! document stating the same party, issue and stance class since that stance began.

use std::collections::BTreeMap;

use accord_model::{Attribution, Issue, LedgerPosition, Modality, StanceClass};
use jiff::civil::Date;

use crate::entries::{Corpus, Entry, history_order};

/// One party's current position on one issue.
#[derive(Debug, Clone)]
pub struct Current<'c, 'd> {
    pub party: String,
    /// The entry shown: the best attributed of the winning stance class.
    pub entry: &'c Entry<'d>,
    /// Every entry stating the same stance class since it began.
    pub support: Vec<&'c Entry<'d>>,
    pub since: Option<Date>,
    pub sources: usize,
}

impl Current<'_, '_> {
    pub fn to_ledger(&self) -> LedgerPosition {
        let mut evidence: Vec<_> = self.support.iter().map(|e| e.evidence()).collect();
        evidence.sort();
        evidence.dedup();
        LedgerPosition {
            party: self.party.clone(),
            stance: self.entry.stance(),
            detail: self.entry.position.detail.clone(),
            quantity: self.entry.quantity.as_ref().map(|q| q.value),
            unit: self.entry.quantity.as_ref().map(|q| q.unit.clone()),
            since: self.since,
            sources: self.sources,
            evidence,
        }
    }
}

/// Current positions per issue, parties in `parties` order and then by name.
pub fn currents<'c, 'd>(
    corpus: &Corpus,
    entries: &[&'c Entry<'d>],
    parties: &[String],
) -> BTreeMap<Issue, Vec<Current<'c, 'd>>> {
    let mut by_key: BTreeMap<(Issue, &str), Vec<&'c Entry<'d>>> = BTreeMap::new();
    for &entry in entries {
        by_key.entry((entry.issue(), entry.party())).or_default().push(entry);
    }
    let mut out: BTreeMap<Issue, Vec<Current>> = BTreeMap::new();
    for ((issue, party), list) in by_key {
        if let Some(current) = current(corpus, party, &list) {
            out.entry(issue).or_default().push(current);
        }
    }
    let rank = |p: &str| parties.iter().position(|x| x == p).unwrap_or(usize::MAX);
    for list in out.values_mut() {
        list.sort_by(|a, b| rank(&a.party).cmp(&rank(&b.party)).then_with(|| a.party.cmp(&b.party)));
    }
    out
}

fn current<'c, 'd>(corpus: &Corpus, party: &str, entries: &[&'c Entry<'d>]) -> Option<Current<'c, 'd>> {
    let held: Vec<&Entry> = entries.iter().copied().filter(|e| !e.is_denied()).collect();
    let latest = held.iter().filter_map(|e| e.date).max();
    let candidates: Vec<&Entry> = held.iter().copied().filter(|e| latest.is_none() || e.date == latest).collect();

    let mut classes: BTreeMap<StanceClass, Vec<&Entry>> = BTreeMap::new();
    for e in &candidates {
        classes.entry(e.class()).or_default().push(e);
    }
    let (class, _) = classes.iter().min_by_key(|(class, list)| {
        let sources = corpus.independent_count(list.iter().map(|e| e.doc));
        let best = list.iter().map(|e| attribution_rank(e.position.attribution)).min();
        (std::cmp::Reverse(sources), best, **class)
    })?;
    let class = *class;
    let entry = *classes[&class].iter().min_by(|a, b| {
        let key = |e: &Entry| {
            (attribution_rank(e.position.attribution), modality_rank(e.position.modality), e.quantity.is_none())
        };
        key(a).cmp(&key(b)).then_with(|| history_order(a, b))
    })?;

    // The stance began at the earliest date from which every dated report shows this class.
    let since = latest.map(|latest| {
        let mut dates: Vec<Date> = held.iter().filter_map(|e| e.date).collect();
        dates.sort();
        dates.dedup();
        let mut since = latest;
        for &day in dates.iter().rev().skip(1) {
            let that_day = held.iter().filter(|e| e.date == Some(day));
            if that_day.clone().all(|e| e.class() == class) {
                since = day;
            } else {
                break;
            }
        }
        since
    });
    let support: Vec<&Entry> = held
        .iter()
        .copied()
        .filter(|e| e.class() == class && (since.is_none() || e.date.is_none() || e.date >= since))
        .collect();
    let sources = corpus.independent_count(support.iter().map(|e| e.doc));
    Some(Current { party: party.to_string(), entry, support, since, sources })
}

pub fn attribution_rank(a: Attribution) -> u8 {
    match a {
        Attribution::Statement | Attribution::NamedOfficial => 0,
        Attribution::UnnamedOfficial => 1,
        Attribution::MediaReport => 2,
        Attribution::Analyst => 3,
    }
}

fn modality_rank(m: Modality) -> u8 {
    match m {
        Modality::Asserted => 0,
        Modality::Reported => 1,
        Modality::Hedged => 2,
        Modality::Denied => 3,
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::*;
    use accord_model::{Issue::*, Modality, Stance::*};

    #[test]
    fn corroboration_counts_three_documents() {
        let wire = doc("c").position(pos("Hamas", Ceasefire, Condition));
        let copy = accord_model::Document { id: "d".to_string(), ..wire.clone() };
        let docs = vec![
            doc("a")
                .published("2024-05-01")
                .position(pos("Hamas", Ceasefire, Demand))
                .position(pos("Israel", Ceasefire, Reject)),
            doc("b").published("2024-05-02").position(pos("Hamas", Ceasefire, Insist)),
            wire,
            copy,
        ];
        let ledger = crate::build(&docs);
        let board = &ledger.negotiations[0].issues[0];
        let hamas = board.positions.iter().find(|p| p.party == "Hamas").unwrap();
        assert_eq!(hamas.stance, Insist, "the latest dated report");
        assert_eq!(hamas.sources, 3, "demand, insist and condition are one class; the wire copy counts once");
        assert_eq!(hamas.since, Some(date("2024-05-01")));
        assert_eq!(hamas.evidence.len(), 4);
    }

    #[test]
    fn a_later_change_of_stance_resets_since_and_denied_reports_do_not_count() {
        let docs = vec![
            doc("a")
                .published("2024-05-01")
                .position(pos("Israel", Withdrawal, Reject))
                .position(pos("Hamas", Withdrawal, Demand)),
            doc("b").published("2024-06-01").position(pos("Israel", Withdrawal, Offer)),
            doc("c").published("2024-07-01").position(pos("Israel", Withdrawal, Reject).modality(Modality::Denied)),
        ];
        let ledger = crate::build(&docs);
        let board = &ledger.negotiations[0].issues[0];
        let israel = board.positions.iter().find(|p| p.party == "Israel").unwrap();
        assert_eq!((israel.stance, israel.since, israel.sources), (Offer, Some(date("2024-06-01")), 1));
    }
}
