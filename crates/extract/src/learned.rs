//! The learned decision of whose position a sentence states, its stance and its issue. For each sentence and
//! each candidate holder the stance model says whether the candidate states a position there and which;
//! the issue model says what it is about. The rules' findings are features of both, and are replaced by
//! the models' when the lexicon has them.

use accord_learn::Classifier;
use accord_lexicon::NO_STANCE;
use accord_model::{Issue, Span, Stance};

use crate::analysis::{Analysis, Finding};
use crate::candidates::{self, Candidate};
use crate::features::{self, SentenceWords};
use crate::positions::{Cue, position, sentence_number_on};
use accord_lexicon::CueShape;

/// A candidate's stance in a sentence as the model sees it, with the model's margin over the next class.
pub struct Decision {
    pub stance: Option<Stance>,
    pub margin: i64,
}

pub fn decide(analysis: &mut Analysis<'_>) {
    let lexicon = analysis.lexicon;
    let (Some(stance_model), Some(issue_model)) = (&lexicon.models.stance, &lexicon.models.issue) else {
        return;
    };
    let rules = std::mem::take(&mut analysis.findings);
    let mut findings: Vec<(Finding, i64)> = Vec::new();
    for s in 0..analysis.doc.sentences.len() {
        let found = candidates::of_sentence(analysis, s);
        if found.is_empty() {
            continue;
        }
        let words = SentenceWords::new(analysis, s);
        for candidate in &found {
            let decision = stance_of(stance_model, &features::stance(analysis, s, &words, candidate, &rules));
            let Some(stance) = decision.stance else { continue };
            let issue = issue_of(issue_model, &features::issue(analysis, s, &words, candidate, &rules));
            findings.push((finding(analysis, s, candidate, stance, issue), decision.margin));
        }
    }
    analysis.findings = strongest_of_repeats(findings);
}

pub fn stance_of(model: &Classifier, features: &accord_learn::Features) -> Decision {
    let (class, margin) = model.predict(features);
    let id = &model.classes()[class];
    let stance = if id == NO_STANCE { None } else { id.parse().ok() };
    Decision { stance, margin }
}

pub fn issue_of(model: &Classifier, features: &accord_learn::Features) -> Issue {
    let (class, _) = model.predict(features);
    model.classes()[class].parse().unwrap_or(Issue::Other)
}

fn finding(analysis: &Analysis<'_>, s: usize, candidate: &Candidate, stance: Stance, issue: Issue) -> Finding {
    let sentence = analysis.doc.sentences[s];
    let cue = Cue { span: candidate.span, stance, shape: CueShape::Verb };
    let scope = Span::new(candidate.span.end, sentence.end);
    let quantity = sentence_number_on(analysis, s, issue);
    let position = position(analysis, s, candidate.actor, &cue, issue, scope, quantity);
    Finding { holder: candidate.actor, sentence: s, term: String::new(), position }
}

/// One finding per side, issue and stance in a report: the one the model is surest of.
fn strongest_of_repeats(findings: Vec<(Finding, i64)>) -> Vec<Finding> {
    let key = |f: &Finding| (f.holder, f.position.issue, f.position.stance);
    let mut kept: Vec<(Finding, i64)> = Vec::new();
    for (finding, margin) in findings {
        match kept.iter_mut().find(|(k, _)| key(k) == key(&finding)) {
            Some(existing) if margin > existing.1 => *existing = (finding, margin),
            Some(_) => {}
            None => kept.push((finding, margin)),
        }
    }
    kept.into_iter().map(|(f, _)| f).collect()
}
