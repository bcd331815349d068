//! The cross-document negotiation ledger: documents' findings folded into negotiations, issue boards, history,
//! gaps, proposals, contradictions and bridging hypotheses.
//!
//! [`build`] is a pure function of the *set* of documents: any order gives the identical [`Ledger`], because
//! documents are sorted by id and every list is sorted by stable keys. Pipeline, one module per step:
//! `entries` (the append-only list) -> `negotiations` (grouping) -> `people`, `proposals`, `gap` (numbers),
//! `history` (concessions), `board` (current positions), `contradictions`, `bridging`; then `filter` and
//! `render` for `accord report`.

mod board;
mod bridging;
mod contradictions;
mod entries;
mod filter;
mod gap;
mod history;
mod negotiations;
mod overrides;
mod people;
mod periods;
mod proposals;
mod render;
#[cfg(test)]
mod testkit;

use accord_model::{Document, IssueBoard, Ledger, Membership, Negotiation};

pub use filter::{Filter, filter};
pub use overrides::{Action, Override, OverrideError, parse as parse_overrides};
pub use render::render_text;

/// The ledger of all `documents`, identical whatever their order.
pub fn build(documents: &[Document]) -> Ledger {
    build_with(documents, &[]).expect("no overrides, nothing to refuse")
}

/// The ledger of all `documents` with the user's grouping `overrides` applied in order; an override naming
/// a report or negotiation that is not there is refused with its line.
pub fn build_with(documents: &[Document], overrides: &[Override]) -> Result<Ledger, OverrideError> {
    let corpus = entries::Corpus::new(documents);
    let people = people::resolve(&corpus.documents);
    let groups = negotiations::group(&corpus, overrides)?;
    Ok(Ledger { negotiations: groups.iter().map(|g| negotiation(&corpus, &people, g)).collect() })
}

fn negotiation(corpus: &entries::Corpus, people: &[people::Cluster], g: &negotiations::Group) -> Negotiation {
    let entries: Vec<&entries::Entry> = g.entries.iter().map(|&i| &corpus.entries[i]).collect();
    let claims = gap::claims(corpus, &entries, &g.proposals, &g.parties);
    let concessions = history::concessions(&entries, &claims);
    let currents = board::currents(corpus, &entries, &g.parties);
    let issues: Vec<IssueBoard> = currents
        .iter()
        .map(|(&issue, list)| {
            let mut conceded: Vec<String> =
                concessions.iter().filter(|c| c.issue == issue).map(|c| c.party.clone()).collect();
            conceded.sort();
            conceded.dedup();
            IssueBoard {
                issue,
                positions: list.iter().map(board::Current::to_ledger).collect(),
                gap: gap::gap(issue, list, &claims, &conceded),
            }
        })
        .collect();
    let bridging = bridging::hypotheses(&bridging::Context {
        corpus,
        entries: &entries,
        boards: &issues,
        currents: &currents,
        claims: &claims,
        parties: &g.parties,
        mediators: &g.mediators,
        guarantors: &g.guarantors,
        documents: &g.documents,
    });
    Negotiation {
        name: g.name.clone(),
        parties: g.parties.clone(),
        mediators: g.mediators.clone(),
        guarantors: g.guarantors.clone(),
        status: negotiations::status(corpus, &g.documents),
        documents: g.documents.iter().map(|&d| corpus.documents[d].id.clone()).collect(),
        membership: g
            .documents
            .iter()
            .zip(&g.reasons)
            .map(|(&d, reason)| Membership { document: corpus.documents[d].id.clone(), reason: reason.clone() })
            .collect(),
        date_range: negotiations::date_range(corpus, &g.documents),
        people: people::for_negotiation(people, &corpus.documents, &g.documents),
        issues,
        history: history::history(&entries, &concessions),
        proposals: proposals::merge(corpus, &g.proposals),
        contradictions: contradictions::find(corpus, &entries, &g.documents),
        bridging,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use accord_model::{Issue, Response, Stance, Status};
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;

    const PARTIES: &[&str] = &["Hamas", "Israel", "Russia", "Ukraine", "United States", "Qatar"];
    const PEOPLE: &[(&str, &str, &str)] = &[
        ("Steve Witkoff", "United States", "special envoy"),
        ("Steve Whittaker", "United States", "U.S. special envoy"),
        ("Witkoff", "", ""),
        ("Joe Biden", "United States", "President"),
        ("Joe Manchin", "United States", "Senator"),
        ("Benjamin Netanyahu", "Israel", "Prime Minister"),
    ];

    prop_compose! {
        fn arb_position()(party in 0..PARTIES.len(), issue in 0..Issue::ALL.len(), stance in 0..Stance::ALL.len(),
                          qty in proptest::option::of((1u32..100, 0usize..3, proptest::option::of(1u32..100))),
                          stated in proptest::option::of(1u8..28)) -> accord_model::Position {
            let mut p = pos(PARTIES[party], Issue::ALL[issue], Stance::ALL[stance]);
            if let Some((value, unit, rather)) = qty {
                p = p.qty(value as f64, ["days", "prisoners", "trucks_per_day"][unit]);
                if let Some(r) = rather { p = p.rather_than(r as f64); }
            }
            if let Some(day) = stated { p = p.stated(&format!("2024-03-{day:02}")); }
            p
        }
    }

    prop_compose! {
        fn arb_document(id: usize)(positions in proptest::collection::vec(arb_position(), 0..6),
                                   day in proptest::option::of(1u8..28), status in 0..Status::ALL.len(),
                                   source in proptest::option::of(0usize..3), people in proptest::collection::vec(0..PEOPLE.len(), 0..3),
                                   mediator in proptest::option::of(0..PARTIES.len()), plan in proptest::option::of((0..PARTIES.len(), 1u32..80, 0usize..2)))
                                   -> accord_model::Document {
            let mut d = doc(&format!("doc{id:02}")).status(Status::ALL[status]);
            if let Some(m) = mediator { d = d.mediators(&[PARTIES[m]]); }
            if let Some(day) = day { d = d.published(&format!("2024-03-{day:02}")); }
            if let Some(s) = source { d = d.source(["Reuters", "AP", "Al Jazeera"][s]); }
            for p in people { let (n, a, r) = PEOPLE[p]; d = d.person(n, a, r); }
            for p in positions { d = d.position(p); }
            if let Some((by, value, name)) = plan {
                d = d.proposal(proposal(["Witkoff Plan", "the Witkoff proposal"][name], PARTIES[by])
                    .term(Issue::HostagesPrisoners, "release", Some((value as f64, "days")))
                    .response("Hamas", Response::Reject));
            }
            d
        }
    }

    fn arb_corpus() -> impl Strategy<Value = Vec<accord_model::Document>> {
        (0usize..9).prop_flat_map(|n| (0..n).map(arb_document).collect::<Vec<_>>())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn document_order_does_not_change_the_ledger(
            (docs, shuffled) in arb_corpus().prop_flat_map(|docs| (Just(docs.clone()), Just(docs).prop_shuffle()))
        ) {
            let a = serde_json::to_string(&build(&docs)).unwrap();
            let b = serde_json::to_string(&build(&shuffled)).unwrap();
            prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn hypotheses_are_labelled_and_cited_everywhere() {
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        for _ in 0..32 {
            let docs = arb_corpus().new_tree(&mut runner).unwrap().current();
            for n in build(&docs).negotiations {
                for b in &n.bridging {
                    assert!(b.hypothesis.starts_with("Hypothesis:"), "{b:?}");
                    assert!(!b.basis.is_empty(), "{b:?}");
                }
                for h in n.history.windows(2) {
                    assert!(entries::date_order(h[0].date, h[1].date).is_le(), "history out of date order");
                }
            }
        }
    }

    #[test]
    fn empty_input_gives_an_empty_ledger() {
        assert_eq!(build(&[]), Ledger::default());
        assert_eq!(render_text(&Ledger::default(), &Filter::default()), "No negotiations found.\n");
    }
}
