//! The state of the talks a report conveys, from weighted status cues ("impasse", "talks continue").

use accord_model::{Status, slice};

use crate::analysis::Analysis;
use crate::words::{NEGATIONS, inside_conditional};

/// When cues of different states weigh the same, the more pessimistic reading wins: reports of progress
/// usually sit beside the obstacle that is the news.
const TIE_ORDER: &[Status] = &[Status::Collapsed, Status::Stalled, Status::Agreement, Status::Ongoing, Status::Unclear];

/// Whether a status cue is only a possibility: "would be signed", "could collapse", "not yet signed".
fn hypothetical(before: &str) -> bool {
    let lower = before.to_lowercase();
    lower.split_whitespace().rev().take(3).any(|w| MODALS.contains(&w) || NEGATIONS.contains(&w) || w == "yet")
}

/// Modal verbs that make what follows a possibility rather than a fact.
const MODALS: &[&str] = &["would", "could", "will", "may", "might", "should", "can"];

pub fn classify(analysis: &Analysis<'_>) -> Status {
    let text = &analysis.doc.text;
    let mut weights = [0u32; TIE_ORDER.len()];
    for sentence in &analysis.doc.sentences {
        for m in analysis.lexicon.cues.status.find_iter(sentence.slice(text)) {
            let before = slice::between(text, sentence.start, sentence.start + m.start);
            if inside_conditional(before) || hypothetical(before) {
                continue;
            }
            if let Some(i) = TIE_ORDER.iter().position(|s| *s == m.value.status) {
                weights[i] += u32::from(m.value.weight);
            }
        }
    }
    let best = weights.iter().copied().max().unwrap_or(0);
    if best == 0 {
        return Status::Unclear;
    }
    TIE_ORDER[weights.iter().position(|w| *w == best).expect("max is present")]
}
