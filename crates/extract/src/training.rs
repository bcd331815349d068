//! Training examples from an annotated report: every candidate holder of every sentence, labelled with the
//! stance its gold position states there (or none), and each gold position's issue.

use std::collections::HashMap;

use accord_learn::Example;
use accord_lexicon::{ActorId, NO_STANCE};
use accord_model::{Issue, Stance};

use crate::analysis::Analysis;
use crate::candidates;
use crate::features::{self, SentenceView};

/// A gold position as the annotated corpus states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldPosition {
    pub party: String,
    pub issue: Issue,
    pub stance: Stance,
    pub evidence: String,
}

/// Why a gold position gave no example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Miss {
    /// Its evidence is not in the cleaned text.
    EvidenceNotFound,
    /// Its party is not a known actor.
    UnknownParty,
    /// Its party is known but not a candidate holder of the evidence's sentence.
    NotACandidate,
}

#[derive(Debug, Default)]
pub struct Examples {
    pub stance: Vec<Example>,
    pub issue: Vec<Example>,
    /// Gold positions that labelled a candidate.
    pub used: usize,
    pub missed: Vec<Miss>,
}

/// The stance model's classes: no position, then each stance.
pub fn stance_classes() -> Vec<String> {
    std::iter::once(NO_STANCE.to_string()).chain(Stance::ALL.iter().map(|s| s.id().to_string())).collect()
}

pub fn issue_classes() -> Vec<String> {
    Issue::ALL.iter().map(|i| i.id().to_string()).collect()
}

pub fn examples(analysis: &Analysis<'_>, gold: &[GoldPosition]) -> Examples {
    let mut out = Examples::default();
    let mut labels: HashMap<(usize, ActorId), Vec<(Stance, Issue)>> = HashMap::new();
    let mut unheld: Vec<(usize, Issue)> = Vec::new();
    let candidates: Vec<_> = (0..analysis.doc.sentences.len()).map(|s| candidates::of_sentence(analysis, s)).collect();
    for position in gold {
        match locate(analysis, position, &candidates) {
            Ok(key) => {
                out.used += 1;
                labels.entry(key).or_default().push((position.stance, position.issue));
            }
            Err(miss) => {
                out.missed.push(miss);
                if let Some(&s) = evidence_sentences(analysis, position).as_ref().and_then(|found| found.first()) {
                    unheld.push((s, position.issue));
                }
            }
        }
    }
    let stance_classes = stance_classes();
    let issue_classes = issue_classes();
    let class = |classes: &[String], id: &str| classes.iter().position(|c| c == id).expect("a known class");
    let rules = &analysis.findings;
    for (s, found) in candidates.iter().enumerate() {
        if found.is_empty() {
            continue;
        }
        let view = SentenceView::new(analysis, s, rules);
        for candidate in found {
            let gold = labels.get(&(s, candidate.actor)).map_or(&[][..], Vec::as_slice);
            let stance = gold.first().map_or(NO_STANCE, |(stance, _)| stance.id());
            let features = view.shared_stance.joined(&features::stance(analysis, s, &view, candidate, rules));
            out.stance.push(Example { features, class: class(&stance_classes, stance) });
            let mut issues: Vec<Issue> = gold.iter().map(|(_, issue)| *issue).collect();
            issues.dedup();
            for issue in issues {
                let features = view.shared_issue(analysis).joined(&features::issue(s, &view, candidate, rules));
                out.issue.push(Example { features, class: class(&issue_classes, issue.id()) });
            }
        }
    }
    for (s, issue) in unheld {
        let view = SentenceView::new(analysis, s, rules);
        let features = view.shared_issue(analysis).joined(&features::issue(s, &view, &stand_in(analysis, s), rules));
        out.issue.push(Example { features, class: class(&issue_classes, issue.id()) });
    }
    out
}

/// The sentence and candidate a gold position labels: the sentence holding most of its evidence among those
/// where its party is a candidate.
fn locate(
    analysis: &Analysis<'_>,
    position: &GoldPosition,
    candidates: &[Vec<candidates::Candidate>],
) -> Result<(usize, ActorId), Miss> {
    let sentences = evidence_sentences(analysis, position).ok_or(Miss::EvidenceNotFound)?;
    let actor = analysis.actor_by_name(&position.party).ok_or(Miss::UnknownParty)?;
    sentences
        .into_iter()
        .find(|&s| candidates[s].iter().any(|c| c.actor == actor))
        .map(|s| (s, actor))
        .ok_or(Miss::NotACandidate)
}

/// The sentences a gold position's evidence covers, the one holding most of it first.
fn evidence_sentences(analysis: &Analysis<'_>, position: &GoldPosition) -> Option<Vec<usize>> {
    let doc = analysis.doc;
    let evidence = position.evidence.trim();
    let start = doc.text.find(evidence)?;
    let end = start + evidence.len();
    let overlap = |s: usize| {
        let sentence = doc.sentences[s];
        sentence.end.min(end).saturating_sub(sentence.start.max(start))
    };
    let first = doc.sentence_at(start)?;
    let mut sentences: Vec<usize> =
        (first..doc.sentences.len()).take_while(|&s| doc.sentences[s].start < end).collect();
    sentences.sort_by_key(|&s| (std::cmp::Reverse(overlap(s)), s));
    Some(sentences)
}

/// A stand-in holder for a gold position whose party is no candidate: the issue of what a sentence states
/// can be learned from it all the same.
fn stand_in(analysis: &Analysis<'_>, s: usize) -> candidates::Candidate {
    let start = analysis.doc.sentences[s].start;
    candidates::Candidate {
        actor: ActorId::MAX,
        span: accord_model::Span::new(start, start),
        presence: candidates::Presence::Voice,
        brokering: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::analyse;

    fn gold(party: &str, issue: Issue, stance: Stance, evidence: &str) -> GoldPosition {
        GoldPosition { party: party.into(), issue, stance, evidence: evidence.into() }
    }

    #[test]
    fn each_candidate_is_labelled_by_its_own_gold_position() {
        let text = "Talks resumed in Cairo. Moscow demanded a withdrawal, which Kyiv rejected.";
        let gold = [
            gold("Russia", Issue::Withdrawal, Stance::Demand, "Moscow demanded a withdrawal, which Kyiv rejected."),
            gold("Ukraine", Issue::Withdrawal, Stance::Reject, "Moscow demanded a withdrawal, which Kyiv rejected."),
            gold("Nowhere Union", Issue::Other, Stance::Demand, "Talks resumed in Cairo."),
            gold("Russia", Issue::Other, Stance::Demand, "a sentence that is not there"),
        ];
        let examples = analyse(text, |analysis| examples(analysis, &gold));
        assert_eq!(examples.used, 2);
        assert_eq!(examples.missed, vec![Miss::UnknownParty, Miss::EvidenceNotFound]);
        let classes = stance_classes();
        let labels: Vec<&str> = examples.stance.iter().map(|e| classes[e.class].as_str()).collect();
        assert!(labels.contains(&"demand") && labels.contains(&"reject"), "{labels:?}");
        // Two held positions, and the unknown union's, whose issue is learned from its sentence all the same.
        assert_eq!(examples.issue.len(), 3);
    }
}
