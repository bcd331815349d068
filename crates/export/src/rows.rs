//! The ledger flattened to one row per entry: every position in a negotiation's history and every response
//! to one of its proposals, each with its document's outlet and url and the verbatim evidence.

use std::collections::HashMap;

use accord_ledger::Filter;
use accord_model::{Attribution, Document, Issue, Ledger, Modality};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What a row records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A party's position on an issue.
    Position,
    /// A party's answer to a proposal.
    Response,
}

/// One ledger entry; the field order is the CSV column order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub negotiation: String,
    pub kind: Kind,
    /// The stated date, else the document's publication date.
    pub date: Option<Date>,
    pub party: String,
    /// Empty for a response: a proposal's terms may cover several issues.
    pub issue: Option<Issue>,
    /// The stance id, or for a response the response id (`withdraw` included).
    pub stance: String,
    pub detail: String,
    pub quantity: Option<f64>,
    pub unit: Option<String>,
    /// The proposal a response answers.
    pub proposal: Option<String>,
    pub document: String,
    pub published: Option<Date>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Byte offsets of the evidence in the document's cleaned text, `[start, end)`.
    pub span_start: usize,
    pub span_end: usize,
    pub evidence: String,
    pub speaker: Option<String>,
    pub attribution: Option<Attribution>,
    pub modality: Option<Modality>,
    /// Why the entry counts as a concession, when it does.
    pub concession: Option<String>,
    pub condition: Option<String>,
}

/// The column names, in order: the CSV header.
pub const COLUMNS: &[&str] = &[
    "negotiation",
    "kind",
    "date",
    "party",
    "issue",
    "stance",
    "detail",
    "quantity",
    "unit",
    "proposal",
    "document",
    "published",
    "outlet",
    "url",
    "span_start",
    "span_end",
    "evidence",
    "speaker",
    "attribution",
    "modality",
    "concession",
    "condition",
];

/// Every entry of `ledger` (already narrowed by `filter`), negotiation by negotiation: the history in its
/// date order, then the responses proposal by proposal, of the filter's party and dated on or after its
/// `since`. `documents` supply outlets, urls and publication dates.
pub fn rows(ledger: &Ledger, documents: &[Document], filter: &Filter) -> Vec<Row> {
    let by_id: HashMap<&str, &Document> = documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let outlet = |id: &str| by_id.get(id).and_then(|d| d.source.clone());
    let url = |id: &str| by_id.get(id).and_then(|d| d.url.clone());
    let published = |id: &str| by_id.get(id).and_then(|d| d.published);
    let mut rows = Vec::new();
    for negotiation in &ledger.negotiations {
        rows.extend(negotiation.history.iter().map(|h| Row {
            negotiation: negotiation.name.clone(),
            kind: Kind::Position,
            date: h.date,
            party: h.party.clone(),
            issue: Some(h.issue),
            stance: h.stance.id().to_string(),
            detail: h.detail.clone(),
            quantity: h.quantity,
            unit: h.unit.clone(),
            proposal: None,
            document: h.document.clone(),
            published: h.published,
            outlet: outlet(&h.document),
            url: url(&h.document),
            span_start: h.span.start,
            span_end: h.span.end,
            evidence: h.evidence.clone(),
            speaker: h.speaker.clone(),
            attribution: h.attribution,
            modality: h.modality,
            concession: h.concession.clone(),
            condition: h.condition.clone(),
        }));
        for proposal in &negotiation.proposals {
            let kept = proposal.responses.iter().filter(|r| {
                filter.party.as_ref().is_none_or(|party| r.party.eq_ignore_ascii_case(party))
                    && filter.since.is_none_or(|since| published(&r.evidence.document).is_some_and(|d| d >= since))
            });
            rows.extend(kept.map(|r| {
                let document = &r.evidence.document;
                Row {
                    negotiation: negotiation.name.clone(),
                    kind: Kind::Response,
                    date: published(document),
                    party: r.party.clone(),
                    issue: None,
                    stance: r.response.id().to_string(),
                    detail: String::new(),
                    quantity: None,
                    unit: None,
                    proposal: Some(proposal.name.clone()),
                    document: document.clone(),
                    published: published(document),
                    outlet: outlet(document),
                    url: url(document),
                    span_start: r.evidence.span.start,
                    span_end: r.evidence.span.end,
                    evidence: r.evidence.text.clone(),
                    speaker: None,
                    attribution: None,
                    modality: None,
                    concession: None,
                    condition: None,
                }
            }));
        }
    }
    rows
}
