//! The append-only entry list: every position of every document, dated, with its quantity and source identity.
//!
//! Nothing here is ever overwritten or merged away: current positions, gaps, concessions and trends are all
//! computed from this list by the other modules.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use accord_model::{Document, Evidence, Issue, Position, Quantity, Stance, StanceClass};
use jiff::civil::Date;

/// All documents, in a canonical order, and every position they state as an [`Entry`].
pub struct Corpus<'d> {
    /// Sorted by id; a document given twice is kept once.
    pub documents: Vec<&'d Document>,
    /// In history order: dated entries by date, then undated ones; ties by document id, then span.
    pub entries: Vec<Entry<'d>>,
    /// Per document: the id of its independent source (documents with the same text, or from the same
    /// outlet, share one).
    source_of: Vec<usize>,
}

/// One position of one document, as the ledger reads it.
#[derive(Debug, Clone)]
pub struct Entry<'d> {
    /// Index into [`Corpus::documents`].
    pub doc: usize,
    pub document: &'d Document,
    pub position: &'d Position,
    /// The stated date, else the publication date, else none: an undated report stays undated.
    pub date: Option<Date>,
    /// The quantity with a unit, from `quantity_detail` or from `quantity` and `unit`.
    pub quantity: Option<Quantity>,
}

impl<'d> Corpus<'d> {
    pub fn new(documents: &'d [Document]) -> Corpus<'d> {
        let mut sorted: Vec<&Document> = documents.iter().collect();
        // Identical ids are rare (the same report given twice); the Debug form breaks the tie so the
        // kept copy does not depend on input order.
        sorted.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| format!("{a:?}").cmp(&format!("{b:?}"))));
        sorted.dedup_by(|later, earlier| later.id == earlier.id);

        let mut entries: Vec<Entry> = sorted
            .iter()
            .enumerate()
            .flat_map(|(doc, document)| {
                document.positions.iter().map(move |position| Entry {
                    doc,
                    document,
                    position,
                    date: position.stated.or(document.published),
                    quantity: quantity_of(position),
                })
            })
            .collect();
        entries.sort_by(history_order);

        let source_of = independent_sources(&sorted);
        Corpus { documents: sorted, entries, source_of }
    }

    /// How many independent sources the given documents amount to.
    pub fn independent_count(&self, docs: impl IntoIterator<Item = usize>) -> usize {
        let mut seen: Vec<usize> = docs.into_iter().map(|d| self.source_of[d]).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }
}

impl Entry<'_> {
    pub fn party(&self) -> &str {
        &self.position.party
    }

    pub fn issue(&self) -> Issue {
        self.position.issue
    }

    pub fn stance(&self) -> Stance {
        self.position.stance
    }

    pub fn class(&self) -> StanceClass {
        self.position.stance.class()
    }

    pub fn doc_id(&self) -> &str {
        &self.document.id
    }

    /// `document:start-end`, the form bridging hypotheses cite their basis in.
    pub fn reference(&self) -> String {
        reference(&self.document.id, self.position.span)
    }

    pub fn evidence(&self) -> Evidence {
        Evidence { document: self.document.id.clone(), span: self.position.span, text: self.position.evidence.clone() }
    }

    /// Denied positions are kept in the history but never taken as what a party holds.
    pub fn is_denied(&self) -> bool {
        self.position.modality == accord_model::Modality::Denied
    }
}

pub fn reference(document: &str, span: accord_model::Span) -> String {
    format!("{document}:{}-{}", span.start, span.end)
}

/// Dated before undated, then by date, document id, span, and the position's own fields.
pub fn history_order(a: &Entry, b: &Entry) -> Ordering {
    date_order(a.date, b.date)
        .then_with(|| a.document.id.cmp(&b.document.id))
        .then_with(|| a.position.span.cmp(&b.position.span))
        .then_with(|| a.position.party.cmp(&b.position.party))
        .then_with(|| a.position.issue.cmp(&b.position.issue))
        .then_with(|| a.position.stance.cmp(&b.position.stance))
        .then_with(|| a.position.detail.cmp(&b.position.detail))
        .then_with(|| a.position.evidence.cmp(&b.position.evidence))
}

/// Dates in order, undated last.
pub fn date_order(a: Option<Date>, b: Option<Date>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn quantity_of(position: &Position) -> Option<Quantity> {
    let mut quantity = match (&position.quantity_detail, position.quantity, &position.unit) {
        (Some(q), _, _) => q.clone(),
        (None, Some(value), Some(unit)) => Quantity { value, min: None, unit: unit.clone(), rather_than: None },
        _ => return None,
    };
    quantity.unit = normalise_unit(&quantity.unit);
    if quantity.unit.is_empty() || !quantity.value.is_finite() {
        return None;
    }
    Some(quantity)
}

pub fn normalise_unit(unit: &str) -> String {
    unit.trim().to_lowercase().replace([' ', '-'], "_")
}

/// Union-find over documents: same non-empty text (wire copies) or same outlet means one source.
fn independent_sources(documents: &[&Document]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..documents.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first_with: BTreeMap<(u8, String), usize> = BTreeMap::new();
    for (i, document) in documents.iter().enumerate() {
        let text = document.text.trim();
        let mut keys = Vec::new();
        if !text.is_empty() {
            keys.push((0u8, text.to_string()));
        }
        if let Some(source) = &document.source {
            let source = source.trim().to_lowercase();
            if !source.is_empty() {
                keys.push((1u8, source));
            }
        }
        for key in keys {
            match first_with.get(&key) {
                Some(&j) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    let (low, high) = (a.min(b), a.max(b));
                    parent[high] = low;
                }
                None => {
                    first_with.insert(key, i);
                }
            }
        }
    }
    (0..documents.len()).map(|i| find(&mut parent, i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use accord_model::{Issue::*, Stance::*};

    #[test]
    fn entries_are_in_date_order_with_undated_last() {
        let docs = vec![
            doc("c").position(pos("Hamas", Ceasefire, Demand)),
            doc("b").published("2024-03-02").position(pos("Hamas", Ceasefire, Insist)),
            doc("a").published("2024-03-05").position(pos("Israel", Ceasefire, Reject)),
        ];
        let corpus = Corpus::new(&docs);
        let order: Vec<&str> = corpus.entries.iter().map(|e| e.doc_id()).collect();
        assert_eq!(order, ["b", "a", "c"]);
        assert_eq!(corpus.entries[2].date, None, "an undated report gets no invented date");
    }

    #[test]
    fn stated_date_wins_over_publication() {
        let docs =
            vec![doc("a").published("2024-03-05").position(pos("Hamas", Ceasefire, Demand).stated("2024-03-01"))];
        let corpus = Corpus::new(&docs);
        assert_eq!(corpus.entries[0].date, Some(jiff::civil::date(2024, 3, 1)));
    }

    #[test]
    fn identical_text_and_same_outlet_count_once() {
        let docs = vec![
            doc("a").text("Same wire story."),
            doc("b").text("Same wire story."),
            doc("c").text("Another story.").source("Reuters"),
            doc("d").text("Yet another.").source("reuters"),
            doc("e").text("Independent."),
        ];
        let corpus = Corpus::new(&docs);
        assert_eq!(corpus.independent_count(0..5), 3);
    }
}
