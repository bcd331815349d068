//! Narrowing a ledger to one negotiation, party, issue or period, for the text report and for JSON alike.

use accord_model::{Issue, Ledger, Negotiation};
use jiff::civil::Date;

/// What `accord report` shows; every field unset shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Negotiations whose name contains this, ignoring case ("rapid" keeps "Rapid Support Forces-Sudanese Armed Forces").
    pub negotiation: Option<String>,
    /// Negotiations this actor is involved in, and within them its positions, history, proposals and people.
    pub party: Option<String>,
    pub issue: Option<Issue>,
    /// History entries dated on or after this day ("changed since"); undated entries cannot be placed, so
    /// they are left out.
    pub since: Option<Date>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

pub fn filter(ledger: Ledger, filter: &Filter) -> Ledger {
    let negotiations = ledger.negotiations.into_iter().filter_map(|n| narrow(n, filter)).collect();
    Ledger { negotiations }
}

fn narrow(mut n: Negotiation, f: &Filter) -> Option<Negotiation> {
    if let Some(wanted) = &f.negotiation
        && !n.name.to_lowercase().contains(&wanted.to_lowercase())
    {
        return None;
    }
    if let Some(party) = &f.party {
        let is = |name: &str| name.eq_ignore_ascii_case(party);
        let mentions = |text: &str| text.to_lowercase().contains(&party.to_lowercase());
        let involved = n.parties.iter().chain(&n.mediators).chain(&n.guarantors).any(|p| is(p))
            || n.history.iter().any(|h| is(&h.party));
        if !involved {
            return None;
        }
        for board in &mut n.issues {
            board.positions.retain(|p| is(&p.party));
        }
        n.issues.retain(|b| !b.positions.is_empty());
        n.history.retain(|h| is(&h.party));
        n.proposals.retain(|p| p.by.as_deref().is_some_and(is) || p.responses.iter().any(|r| is(&r.party)));
        n.contradictions.retain(|c| mentions(&c.about));
        n.bridging.retain(|b| mentions(&b.hypothesis));
        n.people.retain(|p| p.affiliation.as_deref().is_some_and(is));
    }
    if let Some(issue) = f.issue {
        let involved = n.issues.iter().any(|b| b.issue == issue) || n.history.iter().any(|h| h.issue == issue);
        if !involved {
            return None;
        }
        n.issues.retain(|b| b.issue == issue);
        n.history.retain(|h| h.issue == issue);
        n.proposals.retain(|p| p.terms.iter().any(|t| t.issue == issue));
        n.contradictions.retain(|c| c.about.contains(&format!(" on {issue}:")));
        n.bridging.retain(|b| b.issue == issue);
    }
    if let Some(since) = f.since {
        n.history.retain(|h| h.date.is_some_and(|d| d >= since));
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use accord_model::{Issue::*, Stance::*};

    fn ledger() -> Ledger {
        crate::build(&[
            doc("a")
                .published("2024-01-01")
                .position(pos("Hamas", Ceasefire, Demand))
                .position(pos("Israel", Ceasefire, Reject)),
            doc("b")
                .published("2024-02-01")
                .position(pos("Hamas", Withdrawal, Demand))
                .position(pos("Israel", Withdrawal, Reject)),
            doc("c").position(pos("Russia", TerritoryBorders, Demand)).position(pos(
                "Ukraine",
                TerritoryBorders,
                Reject,
            )),
        ])
    }

    #[test]
    fn filters_by_negotiation_party_issue_and_date() {
        let all = ledger();
        assert_eq!(filter(all.clone(), &Filter::default()), all);

        let f = Filter { negotiation: Some("ukraine".into()), ..Filter::default() };
        assert_eq!(filter(all.clone(), &f).negotiations.len(), 1);

        let f = Filter { party: Some("israel".into()), issue: Some(Withdrawal), ..Filter::default() };
        let narrowed = filter(all.clone(), &f);
        assert_eq!(narrowed.negotiations.len(), 1);
        let n = &narrowed.negotiations[0];
        assert_eq!(n.issues.len(), 1);
        assert_eq!(n.issues[0].positions.len(), 1);
        assert_eq!(n.history.len(), 1);

        let f = Filter { since: Some(date("2024-01-15")), ..Filter::default() };
        let narrowed = filter(all, &f);
        assert_eq!(filter(narrowed.clone(), &f), narrowed, "filtering twice changes nothing");
        assert_eq!(narrowed.negotiations[0].history.len(), 2);
        assert!(narrowed.negotiations[1].history.is_empty(), "undated entries cannot be placed after a date");
    }
}
