//! Proposals across documents: one proposal per author and name, whatever each report calls it.
//!
//! Two mentions are one proposal when their authors agree (equal, or one unknown) and their names share
//! most distinctive words: "Muscat Plan" and "the Muscat proposal" both reduce to {muscat}. Words every
//! proposal name has ("plan", "proposal", "deal", ...) are not distinctive. With one author unknown the names
//! must overlap by half at least (Jaccard); with both known, one name's words inside the other's suffice.

use std::collections::{BTreeMap, BTreeSet};

use accord_model::{Evidence, LedgerProposal, LedgerResponse, Proposal, Term};
use jiff::civil::Date;

use crate::entries::{Corpus, date_order};

const GENERIC: &[&str] = &[
    "a",
    "agreement",
    "an",
    "and",
    "by",
    "deal",
    "draft",
    "for",
    "framework",
    "from",
    "in",
    "initiative",
    "latest",
    "new",
    "of",
    "offer",
    "on",
    "plan",
    "proposal",
    "s",
    "the",
    "to",
    "us",
    "with",
];

pub fn merge(corpus: &Corpus, mentions: &[(usize, usize)]) -> Vec<LedgerProposal> {
    let mut mentions: Vec<(usize, usize)> = mentions.to_vec();
    mentions.sort();
    mentions.dedup();
    let get = |&(d, p): &(usize, usize)| &corpus.documents[d].proposals[p];
    let words: Vec<BTreeSet<String>> = mentions.iter().map(|m| name_words(&get(m).name)).collect();

    let mut root: Vec<usize> = (0..mentions.len()).collect();
    fn find(root: &mut [usize], mut i: usize) -> usize {
        while root[i] != i {
            i = root[i];
        }
        i
    }
    for i in 0..mentions.len() {
        for j in i + 1..mentions.len() {
            if same(get(&mentions[i]), get(&mentions[j]), &words[i], &words[j]) {
                let (a, b) = (find(&mut root, i), find(&mut root, j));
                root[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        groups.entry(find(&mut root, i)).or_default().push(*m);
    }

    let mut merged: Vec<(Option<Date>, LedgerProposal)> = groups.values().map(|g| fold(corpus, g)).collect();
    merged.sort_by(|a, b| {
        date_order(a.0, b.0)
            .then_with(|| (&a.1.name, &a.1.by, &a.1.documents).cmp(&(&b.1.name, &b.1.by, &b.1.documents)))
    });
    merged.into_iter().map(|(_, p)| p).collect()
}

fn same(a: &Proposal, b: &Proposal, wa: &BTreeSet<String>, wb: &BTreeSet<String>) -> bool {
    if wa.is_empty() || wb.is_empty() {
        return a.name.trim().eq_ignore_ascii_case(b.name.trim()) && a.by == b.by;
    }
    let shared = wa.intersection(wb).count();
    let jaccard = shared as f64 / wa.union(wb).count() as f64;
    match (&a.by, &b.by) {
        (Some(x), Some(y)) => x == y && (jaccard >= 0.5 || shared == wa.len().min(wb.len())),
        _ => jaccard >= 0.5,
    }
}

fn name_words(name: &str) -> BTreeSet<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !GENERIC.contains(w))
        .map(str::to_string)
        .collect()
}

/// One proposal from its mentions: the name most reports use, every term and response, earliest date.
fn fold(corpus: &Corpus, group: &[(usize, usize)]) -> (Option<Date>, LedgerProposal) {
    let get = |&(d, p): &(usize, usize)| (corpus.documents[d], &corpus.documents[d].proposals[p]);
    let most_common = |values: Vec<&str>| {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for v in values {
            *counts.entry(v).or_default() += 1;
        }
        counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0))).map(|(v, _)| v.to_string())
    };
    let name = most_common(group.iter().map(|m| get(m).1.name.as_str()).collect()).unwrap_or_default();
    let by = most_common(group.iter().filter_map(|m| get(m).1.by.as_deref()).collect());

    let mut terms: Vec<Term> = Vec::new();
    let mut responses: Vec<LedgerResponse> = Vec::new();
    let mut documents: BTreeSet<String> = BTreeSet::new();
    let mut first: Option<Date> = None;
    for m in group {
        let (document, proposal) = get(m);
        documents.insert(document.id.clone());
        if let Some(day) = document.published {
            first = Some(first.map_or(day, |f| f.min(day)));
        }
        for term in &proposal.terms {
            if !terms.contains(term) {
                terms.push(term.clone());
            }
        }
        for r in &proposal.responses {
            responses.push(LedgerResponse {
                party: r.party.clone(),
                response: r.response,
                evidence: Evidence { document: document.id.clone(), span: r.span, text: r.evidence.clone() },
            });
        }
    }
    terms.sort_by(|a, b| {
        (a.issue, &a.detail, &a.unit)
            .cmp(&(b.issue, &b.detail, &b.unit))
            .then_with(|| a.quantity.unwrap_or(f64::NAN).total_cmp(&b.quantity.unwrap_or(f64::NAN)))
    });
    responses.sort_by(|a, b| (&a.party, a.response, &a.evidence).cmp(&(&b.party, b.response, &b.evidence)));
    responses.dedup();
    (first, LedgerProposal { name, by, terms, responses, documents: documents.into_iter().collect() })
}

#[cfg(test)]
mod tests {
    use crate::testkit::*;
    use accord_model::{Issue::*, Response, Stance::*};

    #[test]
    fn one_plan_across_reports() {
        let docs = vec![
            doc("a")
                .published("2024-03-01")
                .position(pos("Hamas", Ceasefire, Demand))
                .position(pos("Israel", Ceasefire, Reject))
                .proposal(
                    proposal("Witkoff Plan", "United States")
                        .term(HostagesPrisoners, "release within one week", Some((7.0, "days")))
                        .response("Hamas", Response::Reject),
                ),
            doc("b")
                .position(pos("Hamas", Ceasefire, Demand))
                .proposal(proposal("the Witkoff proposal", "United States").response("Israel", Response::Accept)),
            doc("c")
                .position(pos("Hamas", Ceasefire, Demand))
                .proposal(proposal("Egyptian-Qatari initiative", "Egypt and Qatar")),
        ];
        let ledger = crate::build(&docs);
        let proposals = &ledger.negotiations[0].proposals;
        assert_eq!(proposals.len(), 2, "{proposals:#?}");
        let witkoff = &proposals[0];
        assert_eq!((witkoff.name.as_str(), witkoff.by.as_deref()), ("Witkoff Plan", Some("United States")));
        assert_eq!(witkoff.documents, ["a", "b"]);
        assert_eq!(witkoff.terms.len(), 1);
        let answers: Vec<(&str, Response)> = witkoff.responses.iter().map(|r| (r.party.as_str(), r.response)).collect();
        assert_eq!(answers, [("Hamas", Response::Reject), ("Israel", Response::Accept)]);
    }
}
