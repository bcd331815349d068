//! The cross-document negotiation ledger, in CONTRACT.md's `ledger` shape. Derived, never stored as truth.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{Attribution, Issue, Modality, Quantity, Response, Span, Stance, Status, Term};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    pub negotiations: Vec<Negotiation>,
}

/// One negotiation: the documents about the same principal parties, folded together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Negotiation {
    pub name: String,
    pub parties: Vec<String>,
    pub mediators: Vec<String>,
    pub guarantors: Vec<String>,
    pub status: Status,
    pub documents: Vec<String>,
    /// Why each document is in this negotiation, in the order of `documents`.
    pub membership: Vec<Membership>,
    /// First and last dated document, when any is dated.
    pub date_range: Option<(Date, Date)>,
    pub people: Vec<LedgerPerson>,
    pub issues: Vec<IssueBoard>,
    pub history: Vec<HistoryEntry>,
    pub proposals: Vec<LedgerProposal>,
    pub contradictions: Vec<Contradiction>,
    pub bridging: Vec<Bridging>,
}

/// A document of a negotiation and why it was placed there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub document: String,
    pub reason: String,
}

/// A person across documents, with every name form seen and why forms were merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerPerson {
    pub name: String,
    pub aliases: Vec<String>,
    pub affiliation: Option<String>,
    pub role: Option<String>,
    pub documents: Vec<String>,
    pub merges: Vec<Merge>,
}

/// Why two name forms were taken for one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merge {
    pub alias: String,
    pub reason: String,
}

/// One issue: each party's current position, and the gap between them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssueBoard {
    pub issue: Issue,
    pub positions: Vec<LedgerPosition>,
    pub gap: Gap,
}

/// A party's current position on an issue, with every source that states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerPosition {
    pub party: String,
    pub stance: Stance,
    pub detail: String,
    #[serde(serialize_with = "crate::number::optional")]
    pub quantity: Option<f64>,
    pub unit: Option<String>,
    pub since: Option<Date>,
    /// Independent documents stating it.
    pub sources: usize,
    pub evidence: Vec<Evidence>,
}

/// A verbatim citation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    pub document: String,
    pub span: Span,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GapState {
    Open,
    Narrowing,
    Agreed,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    pub state: GapState,
    pub detail: String,
    pub numeric: Option<NumericGap>,
}

/// The numbers each side states on one unit, when at least two sides state one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumericGap {
    pub unit: String,
    #[serde(serialize_with = "crate::number::map")]
    pub by_party: BTreeMap<String, f64>,
}

/// One entry of the append-only history, in date order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub date: Option<Date>,
    pub party: String,
    pub issue: Issue,
    pub stance: Stance,
    pub detail: String,
    #[serde(serialize_with = "crate::number::optional")]
    pub quantity: Option<f64>,
    pub unit: Option<String>,
    pub document: String,
    pub span: Span,
    /// Who voiced it, when that is not the party itself.
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub attribution: Option<Attribution>,
    #[serde(default)]
    pub modality: Option<Modality>,
    /// The full quantity: range and the rejected alternative ("70 days rather than one week").
    #[serde(default)]
    pub quantity_detail: Option<Quantity>,
    /// The document's publication date; `date` is the stated date when the report gives one.
    #[serde(default)]
    pub published: Option<Date>,
    /// The verbatim evidence sentence.
    #[serde(default)]
    pub evidence: String,
    /// Set when this entry concedes: an explicit `concede` stance, or a quantity that moved toward
    /// the other side's number since the party's previous dated entry (derived by the ledger).
    #[serde(default)]
    pub concession: Option<String>,
    /// The phase of the deal the entry is about, when stated.
    #[serde(default)]
    pub phase: Option<u8>,
    /// The condition attached to the entry, verbatim.
    #[serde(default)]
    pub condition: Option<String>,
}

/// A proposal across documents, with every response seen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerProposal {
    pub name: String,
    pub by: Option<String>,
    pub terms: Vec<Term>,
    pub responses: Vec<LedgerResponse>,
    pub documents: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerResponse {
    pub party: String,
    pub response: Response,
    pub evidence: Evidence,
}

/// Sources that cannot all be right at once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    pub about: String,
    pub entries: Vec<ContradictionEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContradictionEntry {
    pub document: String,
    pub text: String,
}

/// A hypothesis for mediators: transparent arithmetic over cited entries, never a finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bridging {
    pub issue: Issue,
    pub hypothesis: String,
    pub basis: Vec<String>,
}
