//! The learned decision of whose position a sentence states, its stance and its issues. For each sentence
//! and each candidate holder the stance model says whether the candidate states a position there and
//! which; the issue model says what it is about. The rules' findings are features of both, and the models
//! add the positions the rules missed that they are sure of.

use accord_learn::Classifier;
use accord_lexicon::{ActorId, CueShape, NO_STANCE};
use accord_model::{Issue, Span, Stance};

use crate::analysis::{Analysis, Finding};
use crate::candidates::{self, Candidate};
use crate::features::{self, SentenceView};
use crate::positions::{Cue, position, sentence_number_on};

/// A position the rules missed is added when the stance model rates it this many thousandths above "no
/// position". Lower, the additions gained a little recall on the real-report dev set and cost the rules'
/// precision on reports they already read well.
const ADD_MARGIN: i64 = 15_000;

/// A candidate's stance in a sentence as the model sees it, with the model's margin for it over "no
/// position" (negative when it states none).
pub struct Decision {
    pub stance: Option<Stance>,
    pub margin: i64,
}

/// Decides every sentence; `brokers` (the mediators the rules found) get no positions from the models.
pub fn decide(analysis: &mut Analysis<'_>, brokers: &[ActorId]) {
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
        let view = SentenceView::new(analysis, s, &rules);
        let shared_stance = stance_model.scores(&view.shared_stance);
        let mut shared_issue: Option<Vec<i64>> = None;
        for candidate in found.iter().filter(|c| !brokers.contains(&c.actor)) {
            let mut scores = shared_stance.clone();
            stance_model.add_scores(&features::stance(analysis, s, &view, candidate, &rules), &mut scores);
            let decision = stance_of(stance_model, &scores);
            let Some(stance) = decision.stance.filter(|_| decision.margin > ADD_MARGIN) else { continue };
            let mut scores =
                shared_issue.get_or_insert_with(|| issue_model.scores(view.shared_issue(analysis))).clone();
            issue_model.add_scores(&features::issue(s, &view, candidate, &rules), &mut scores);
            let issue = best_issue(issue_model, &scores);
            findings.push((finding(analysis, s, candidate, stance, issue), decision.margin));
        }
    }
    analysis.findings = merged(rules, findings);
}

/// The best stance by the stance model's `scores`, if it rates it above "no position".
fn stance_of(model: &Classifier, scores: &[i64]) -> Decision {
    let none = model.class_index(NO_STANCE).unwrap_or(0);
    let best = (0..scores.len()).filter(|&c| c != none).max_by_key(|&c| (scores[c], std::cmp::Reverse(c)));
    match best {
        Some(c) if scores[c] > scores[none] => {
            Decision { stance: model.classes()[c].parse().ok(), margin: scores[c] - scores[none] }
        }
        Some(c) => Decision { stance: None, margin: scores[c] - scores[none] },
        None => Decision { stance: None, margin: 0 },
    }
}

/// The best issue by the issue model's `scores`; ties go to the earlier class.
fn best_issue(model: &Classifier, scores: &[i64]) -> Issue {
    let (class, _) = accord_learn::best_and_margin(scores);
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

/// The rules' findings, and the model's for each side, issue and stance the rules do not state: the one the
/// model is surest of, the earlier of equals.
fn merged(rules: Vec<Finding>, learned: Vec<(Finding, i64)>) -> Vec<Finding> {
    let key = |f: &Finding| (f.holder, f.position.issue, f.position.stance);
    let mut added: Vec<(Finding, i64)> = Vec::new();
    for (finding, margin) in learned {
        if rules.iter().any(|r| key(r) == key(&finding)) {
            continue;
        }
        match added.iter_mut().find(|(k, _)| key(k) == key(&finding)) {
            Some(existing) if margin > existing.1 => *existing = (finding, margin),
            Some(_) => {}
            None => added.push((finding, margin)),
        }
    }
    let mut all: Vec<Finding> = rules.into_iter().chain(added.into_iter().map(|(f, _)| f)).collect();
    all.sort_by_key(|f| (f.sentence, f.position.span.start));
    all
}

#[cfg(test)]
mod tests {
    use accord_learn::Perceptron;
    use accord_lexicon::Models;
    use accord_model::{Issue, Stance};

    use crate::Extractor;
    use crate::testing::{article, positions, rules_only};
    use crate::training::{GoldPosition, issue_classes, stance_classes};

    /// An extractor whose models are trained on `reports`: (text, party, issue, stance, evidence).
    fn trained(reports: &[(&str, &str, Issue, Stance)]) -> Extractor {
        let rules = Extractor::new(rules_only());
        let (mut stance, mut issue) = (Vec::new(), Vec::new());
        for (text, party, position_issue, position_stance) in reports {
            let first = text.split(". ").next().unwrap();
            let gold = [GoldPosition {
                party: party.to_string(),
                issue: *position_issue,
                stance: *position_stance,
                evidence: first.to_string(),
            }];
            let examples = rules.training_examples(&article(text), &gold);
            assert_eq!(examples.used, 1, "{text}");
            stance.extend(examples.stance);
            issue.extend(examples.issue);
        }
        let training = Perceptron { epochs: 10, seed: 1 };
        let mut lexicon = rules_only();
        lexicon.models = Models {
            stance: Some(training.train("stance", stance_classes(), &stance)),
            issue: Some(training.train("issue", issue_classes(), &issue)),
        };
        Extractor::new(lexicon)
    }

    #[test]
    fn a_trained_model_finds_a_commitment_with_no_listed_cue() {
        let sentence = "The United States will cut tariffs on Chinese goods for 90 days.";
        let rules = Extractor::new(rules_only()).extract(&article(sentence));
        assert!(positions(&rules).is_empty(), "the rules alone find {:?}", positions(&rules));

        let offer = (Issue::SanctionsEconomic, Stance::Offer);
        let extractor = trained(&[
            (
                "Japan will cut tariffs on American rice. Japan will host the next round in Tokyo.",
                "Japan",
                offer.0,
                offer.1,
            ),
            ("India will cut duties on British whisky. India will host the talks in Delhi.", "India", offer.0, offer.1),
            ("Canada will cut levies on steel imports. Canada will host a summit.", "Canada", offer.0, offer.1),
            ("Mexico will lower tariffs on US corn. Mexico will host the meeting.", "Mexico", offer.0, offer.1),
            ("Brazil will cut tariffs on Chinese cars. Brazil will host a round.", "Brazil", offer.0, offer.1),
            ("Turkey will cut duties on European steel. Turkey will host the envoys.", "Turkey", offer.0, offer.1),
            ("Kenya will cut tariffs on Indian tea. Kenya will host the delegates.", "Kenya", offer.0, offer.1),
            ("Egypt will lower levies on Russian wheat. Egypt will host the summit.", "Egypt", offer.0, offer.1),
        ]);
        let found = positions(&extractor.extract(&article(sentence)));
        assert_eq!(found, vec!["United States|sanctions_economic|offer"]);
        let hosting = positions(&extractor.extract(&article("Brazil will host the next round of talks.")));
        assert!(hosting.is_empty(), "hosting is not a position: {hosting:?}");
    }
}
