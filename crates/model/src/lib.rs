//! Accord's data model: articles, documents' findings and the cross-document ledger. Pure data, no I/O.
//!
//! Serialized names of the closed vocabularies (issues, stances, statuses) are exactly the ids of
//! `CONTRACT.md`; the per-document and ledger shapes follow it field for field.

mod article;
mod findings;
mod ledger;
mod number;
pub mod printable;
pub mod slice;
mod span;
mod vocab;

pub use article::Article;
pub use findings::{Attribution, Document, Modality, Person, Position, Proposal, ProposalResponse, Quantity, Term};
pub use ledger::{
    Bridging, Contradiction, ContradictionEntry, Evidence, Gap, GapState, HistoryEntry, IssueBoard, Ledger,
    LedgerPerson, LedgerPosition, LedgerProposal, LedgerResponse, Membership, Merge, Negotiation, NumericGap,
};
pub use span::Span;
pub use vocab::{Issue, Response, Stance, StanceClass, Status};
