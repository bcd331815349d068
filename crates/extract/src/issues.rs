//! Issues in a stretch of text: issue terms grouped into coordinated items ("a lasting ceasefire, prisoner
//! exchanges and reconstruction" is three), each item reduced to its head issue ("guarantees of a cessation
//! of hostilities" is about guarantees; "release of prisoners in the first phase" about prisoners).

use accord_model::{Issue, Span, slice};

use crate::analysis::Analysis;
use crate::words::{COORDINATORS, floor_boundary};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssueHit {
    pub issue: Issue,
    pub span: Span,
    pub weight: u8,
}

/// The issues of `scope`, one per coordinated item, in text order, without repeats.
pub fn issues_in(analysis: &Analysis<'_>, scope: Span) -> Vec<IssueHit> {
    let mut chosen: Vec<IssueHit> = Vec::new();
    for head in item_heads(analysis, scope) {
        if !chosen.iter().any(|c| c.issue == head.issue) {
            chosen.push(head);
        }
    }
    chosen
}

/// The issue of the last item in `scope`: the object a clause-final cue points back to.
pub fn last_issue_in(analysis: &Analysis<'_>, scope: Span) -> Option<IssueHit> {
    item_heads(analysis, scope).pop()
}

/// The head issue of each coordinated item of `scope`, in text order.
fn item_heads(analysis: &Analysis<'_>, scope: Span) -> Vec<IssueHit> {
    let text = &analysis.doc.text;
    let hits: Vec<IssueHit> = analysis
        .lexicon
        .cues
        .issues
        .find_iter(scope.slice(text))
        .map(|m| IssueHit {
            issue: m.value.issue,
            span: Span::new(scope.start + m.start, scope.start + m.end),
            weight: m.value.weight,
        })
        .filter(|hit| !(hit.issue == Issue::TalksProcess && in_passing(text, hit.span.start)))
        .collect();
    let mut groups: Vec<Vec<IssueHit>> = Vec::new();
    for hit in hits {
        match groups.last_mut() {
            Some(group)
                if !starts_new_item(slice::between(
                    text,
                    group.last().expect("non-empty").span.end,
                    hit.span.start,
                )) =>
            {
                group.push(hit)
            }
            _ => groups.push(vec![hit]),
        }
    }
    groups.iter().map(|group| head_of(text, group)).collect()
}

/// Whether talks named at `offset` are only a setting: "at the start of the talks", "during the negotiations".
fn in_passing(text: &str, offset: usize) -> bool {
    let start = floor_boundary(text, offset.saturating_sub(40));
    let before = slice::between(text, start, offset).to_lowercase();
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    let word = words.iter().find(|w| !DETERMINERS.contains(w)).copied().unwrap_or("");
    SETTING_PREPOSITIONS.contains(&word)
}

/// Prepositions that make talks the setting of a clause rather than what it is about.
const SETTING_PREPOSITIONS: &[&str] = &["of", "at", "during", "in", "ahead", "before", "after", "throughout", "from"];
const DETERMINERS: &[&str] = &["the", "a", "an", "these", "those", "this", "that", "its", "their", "ongoing", "latest"];

/// Whether the words between two issue terms start a new list item rather than attach to the first:
/// any comma or coordinator between them does ("withdrawal of forces from the corridor and the entry of aid").
fn starts_new_item(gap: &str) -> bool {
    let lower = gap.to_lowercase();
    if lower.contains("as well as") || lower.contains("along with") {
        return true;
    }
    let spaced = lower.replace(',', " , ").replace(';', " ; ").replace(':', " : ");
    spaced.split_whitespace().any(|word| COORDINATORS.contains(&word))
}

/// Words after which the second of two terms is what is asked for: "a ceasefire backed by guarantees".
const BACKED_BY: &[&str] =
    &["backed by", "underpinned by", "guaranteed by", "secured by", "monitored by", "verified by", "enforced by"];

/// The issue an item is about: the head of "X of Y" is X, of "X backed by Y" is Y; otherwise its most
/// specific term.
fn head_of(text: &str, group: &[IssueHit]) -> IssueHit {
    if let [first, second, ..] = group {
        let gap = slice::between(text, first.span.end, second.span.start).trim_start().to_lowercase();
        if gap.starts_with("of ") || gap == "of" {
            return *first;
        }
        if BACKED_BY.iter().any(|b| gap.contains(b)) {
            return *second;
        }
    }
    let best = group.iter().map(|h| h.weight).max().unwrap_or(0);
    *group.iter().find(|h| h.weight == best).expect("groups are never empty")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_start_at_coordinators_not_prepositions() {
        assert!(starts_new_item(", "));
        assert!(starts_new_item(" and additional "));
        assert!(starts_new_item(", as well as the "));
        assert!(starts_new_item(" from the corridor and the entry of "));
        assert!(!starts_new_item(" in the first "));
        assert!(!starts_new_item(" of a complete "));
        assert!(!starts_new_item(" from Washington that Israeli "));
    }
}
