//! Terse builders for hand-made `Document`s in tests: evidence is appended to the text, so spans stay verbatim.

use accord_model::{
    Attribution, Document, Issue, Modality, Person, Position, Proposal, ProposalResponse, Quantity, Response, Span,
    Stance, Status, Term,
};
use jiff::civil::Date;

pub fn date(s: &str) -> Date {
    s.parse().unwrap_or_else(|e| panic!("bad test date {s}: {e}"))
}

pub fn doc(id: &str) -> Document {
    Document {
        id: id.to_string(),
        title: None,
        source: None,
        url: None,
        published: None,
        negotiation: None,
        parties: Vec::new(),
        mediators: Vec::new(),
        guarantors: Vec::new(),
        people: Vec::new(),
        positions: Vec::new(),
        proposals: Vec::new(),
        status: Status::Unclear,
        text: format!("Report {id}. "),
    }
}

pub fn pos(party: &str, issue: Issue, stance: Stance) -> Position {
    let sentence = format!("{party} said it would {stance} on {issue}.");
    Position {
        party: party.to_string(),
        issue,
        stance,
        detail: format!("{stance} on {issue}"),
        quantity: None,
        unit: None,
        evidence: sentence,
        span: Span::new(0, 0),
        speaker: None,
        attribution: Attribution::Statement,
        modality: Modality::Asserted,
        quantity_detail: None,
        stated: None,
        phase: None,
        condition: None,
    }
}

pub fn proposal(name: &str, by: &str) -> Proposal {
    Proposal {
        name: name.to_string(),
        by: Some(by.to_string()),
        terms: Vec::new(),
        responses: Vec::new(),
        span: Span::new(0, 0),
    }
}

pub trait DocExt: Sized {
    fn published(self, date: &str) -> Self;
    fn source(self, source: &str) -> Self;
    fn text(self, text: &str) -> Self;
    fn status(self, status: Status) -> Self;
    fn parties(self, parties: &[&str]) -> Self;
    fn mediators(self, mediators: &[&str]) -> Self;
    fn guarantors(self, guarantors: &[&str]) -> Self;
    fn person(self, name: &str, affiliation: &str, role: &str) -> Self;
    fn person_with_aliases(self, name: &str, aliases: &[&str], affiliation: &str, role: &str) -> Self;
    /// Appends the position's evidence to the text and points its span there.
    fn position(self, position: Position) -> Self;
    fn proposal(self, proposal: Proposal) -> Self;
}

impl DocExt for Document {
    fn published(mut self, d: &str) -> Self {
        self.published = Some(date(d));
        self
    }
    fn source(mut self, source: &str) -> Self {
        self.source = Some(source.to_string());
        self
    }
    fn text(mut self, text: &str) -> Self {
        self.text = text.to_string();
        self
    }
    fn status(mut self, status: Status) -> Self {
        self.status = status;
        self
    }
    fn parties(mut self, parties: &[&str]) -> Self {
        self.parties = parties.iter().map(|s| s.to_string()).collect();
        self
    }
    fn mediators(mut self, mediators: &[&str]) -> Self {
        self.mediators = mediators.iter().map(|s| s.to_string()).collect();
        self
    }
    fn guarantors(mut self, guarantors: &[&str]) -> Self {
        self.guarantors = guarantors.iter().map(|s| s.to_string()).collect();
        self
    }
    fn person(self, name: &str, affiliation: &str, role: &str) -> Self {
        self.person_with_aliases(name, &[], affiliation, role)
    }
    fn person_with_aliases(mut self, name: &str, aliases: &[&str], affiliation: &str, role: &str) -> Self {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        self.people.push(Person {
            name: name.to_string(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            affiliation: some(affiliation),
            role: some(role),
            known: false,
        });
        self
    }
    fn position(mut self, mut position: Position) -> Self {
        let start = self.text.len();
        self.text.push_str(&position.evidence);
        position.span = Span::new(start, self.text.len());
        self.text.push(' ');
        if !self.parties.contains(&position.party) && !self.mediators.contains(&position.party) {
            self.parties.push(position.party.clone());
        }
        self.positions.push(position);
        self
    }
    fn proposal(mut self, mut proposal: Proposal) -> Self {
        let start = self.text.len();
        self.text.push_str(&proposal.name);
        proposal.span = Span::new(start, self.text.len());
        self.text.push_str(". ");
        for response in &mut proposal.responses {
            let start = self.text.len();
            self.text.push_str(&response.evidence);
            response.span = Span::new(start, self.text.len());
            self.text.push(' ');
        }
        self.proposals.push(proposal);
        self
    }
}

pub trait PositionExt: Sized {
    fn detail(self, detail: &str) -> Self;
    fn evidence(self, evidence: &str) -> Self;
    fn qty(self, value: f64, unit: &str) -> Self;
    fn range(self, min: f64, value: f64, unit: &str) -> Self;
    fn rather_than(self, value: f64) -> Self;
    fn stated(self, date: &str) -> Self;
    fn modality(self, modality: Modality) -> Self;
}

impl PositionExt for Position {
    fn detail(mut self, detail: &str) -> Self {
        self.detail = detail.to_string();
        self
    }
    fn evidence(mut self, evidence: &str) -> Self {
        self.evidence = evidence.to_string();
        self
    }
    fn qty(mut self, value: f64, unit: &str) -> Self {
        self.quantity = Some(value);
        self.unit = Some(unit.to_string());
        self.quantity_detail = Some(Quantity { value, min: None, unit: unit.to_string(), rather_than: None });
        self
    }
    fn range(self, min: f64, value: f64, unit: &str) -> Self {
        let mut this = self.qty(value, unit);
        if let Some(q) = &mut this.quantity_detail {
            q.min = Some(min);
        }
        this
    }
    fn rather_than(mut self, value: f64) -> Self {
        if let Some(q) = &mut self.quantity_detail {
            q.rather_than = Some(value);
        }
        self
    }
    fn stated(mut self, d: &str) -> Self {
        self.stated = Some(date(d));
        self
    }
    fn modality(mut self, modality: Modality) -> Self {
        self.modality = modality;
        self
    }
}

pub trait ProposalExt: Sized {
    fn term(self, issue: Issue, detail: &str, quantity: Option<(f64, &str)>) -> Self;
    fn response(self, party: &str, response: Response) -> Self;
}

impl ProposalExt for Proposal {
    fn term(mut self, issue: Issue, detail: &str, quantity: Option<(f64, &str)>) -> Self {
        self.terms.push(Term {
            issue,
            detail: detail.to_string(),
            quantity: quantity.map(|q| q.0),
            unit: quantity.map(|q| q.1.to_string()),
        });
        self
    }
    fn response(mut self, party: &str, response: Response) -> Self {
        self.responses.push(ProposalResponse {
            party: party.to_string(),
            response,
            evidence: format!("{party} answered the {} with {response}.", self.name),
            span: Span::new(0, 0),
        });
        self
    }
}
