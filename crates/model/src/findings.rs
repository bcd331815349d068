//! What one document says: its actors, positions and proposals, in CONTRACT.md's per-document shape.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{Issue, Response, Span, Stance, Status};

/// Everything extracted from one article. Serializes to CONTRACT.md's `documents[i]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
    pub negotiation: Option<String>,
    pub parties: Vec<String>,
    pub mediators: Vec<String>,
    pub guarantors: Vec<String>,
    pub people: Vec<Person>,
    pub positions: Vec<Position>,
    pub proposals: Vec<Proposal>,
    pub status: Status,
    /// The cleaned text the spans point into; kept out of the JSON.
    #[serde(skip)]
    pub text: String,
}

/// A named person, with the other forms of the name the document uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    pub affiliation: Option<String>,
    pub role: Option<String>,
    /// The name is the gazetteer's spelling (`people.tsv`), not only the report's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub known: bool,
}

/// Who voices a position, as opposed to whose position it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// A named person speaks ("Lavrov said").
    NamedOfficial,
    /// An unnamed official or source ("a senior Ukrainian official said").
    UnnamedOfficial,
    /// The party itself, in a statement or as the grammatical subject ("the RSF said in a statement").
    Statement,
    /// Another outlet or side reports it ("according to Channel 12", "Ukrainian sources say Russia ...").
    MediaReport,
    /// An analyst's or journalist's reading.
    Analyst,
}

/// How firmly the report states the position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Asserted,
    Reported,
    Hedged,
    Denied,
}

/// A number with its unit, as a position or term states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The value compared and scored; for a range, its upper bound.
    #[serde(serialize_with = "crate::number::number")]
    pub value: f64,
    /// The lower bound of a range ("300 or even 400"), if any.
    pub min: Option<f64>,
    pub unit: String,
    /// The alternative the holder turns down ("70 days rather than one week" gives 7 here).
    pub rather_than: Option<f64>,
}

/// One party's stance on one issue, cited to the sentence that states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Position {
    pub party: String,
    pub issue: Issue,
    pub stance: Stance,
    pub detail: String,
    #[serde(serialize_with = "crate::number::optional")]
    pub quantity: Option<f64>,
    pub unit: Option<String>,
    /// Verbatim: always `span.slice(&document.text)`.
    pub evidence: String,
    pub span: Span,
    /// Who voiced it, when that is not the party itself ("Sergei Lavrov", "a senior Ukrainian official").
    pub speaker: Option<String>,
    pub attribution: Attribution,
    pub modality: Modality,
    /// The full quantity, with range and rejected alternative.
    pub quantity_detail: Option<Quantity>,
    /// When the position was stated, resolved from "on Friday", "yesterday" against the publication date.
    pub stated: Option<Date>,
    /// The phase of the deal the position is about, when the sentence names one ("in the first phase": 1).
    #[serde(default)]
    pub phase: Option<u8>,
    /// The condition the sentence attaches to the position ("only if Kyiv does the same"), verbatim.
    #[serde(default)]
    pub condition: Option<String>,
}

/// A named proposal or deal package on the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    pub name: String,
    pub by: Option<String>,
    pub terms: Vec<Term>,
    pub responses: Vec<ProposalResponse>,
    /// Where the proposal is named.
    pub span: Span,
}

/// One term of a proposal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Term {
    pub issue: Issue,
    pub detail: String,
    #[serde(serialize_with = "crate::number::optional")]
    pub quantity: Option<f64>,
    pub unit: Option<String>,
}

/// How one party answered a proposal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposalResponse {
    pub party: String,
    pub response: Response,
    pub evidence: String,
    pub span: Span,
}
