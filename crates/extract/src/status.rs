//! The state of the talks a report conveys, from weighted status cues ("impasse", "talks continue").

use accord_model::Status;

use crate::analysis::Analysis;

/// When cues of different states weigh the same, the more pessimistic reading wins: reports of progress
/// usually sit beside the obstacle that is the news.
const TIE_ORDER: &[Status] = &[Status::Collapsed, Status::Stalled, Status::Agreement, Status::Ongoing, Status::Unclear];

pub fn classify(analysis: &Analysis<'_>) -> Status {
    let mut weights = [0u32; TIE_ORDER.len()];
    for m in analysis.lexicon.cues.status.find_iter(&analysis.doc.text) {
        if let Some(i) = TIE_ORDER.iter().position(|s| *s == m.value.status) {
            weights[i] += u32::from(m.value.weight);
        }
    }
    let best = weights.iter().copied().max().unwrap_or(0);
    if best == 0 {
        return Status::Unclear;
    }
    TIE_ORDER[weights.iter().position(|w| *w == best).expect("max is present")]
}
