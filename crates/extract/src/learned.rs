//! The learned decision of whose position a sentence states, its stance and its issues. For each sentence
//! and each candidate holder the stance model says whether the candidate states a position there and
//! which; the issue model says what it is about. The rules' findings are features of both; the models add
//! what the rules missed, and a rule finding the stance model firmly rejects is dropped.

use accord_learn::{Classifier, Features};
use accord_lexicon::{ActorId, CueShape, NO_STANCE};
use accord_model::{Issue, Span, Stance};

use crate::analysis::{Analysis, Finding};
use crate::candidates::{self, Candidate};
use crate::features::{self, SentenceWords};
use crate::positions::{Cue, position, sentence_number_on};

/// A second issue is kept when the issue model rates it within this many thousandths of the best and the
/// lexicon names it after the holder: "should change its constitution and agree to dissolve the Minsk
/// Group" states two.
const SECOND_ISSUE_MARGIN: i64 = 10_000;
/// A rule finding is dropped when the stance model puts "no position" this far (in thousandths) above
/// every stance for its holder and sentence.
const VETO_MARGIN: i64 = 75_000;

/// A candidate's stance in a sentence as the model sees it, with the model's margin for it (or, when it
/// states none, how far the best stance falls short, as a negative margin).
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
    let mut vetoed: Vec<(usize, ActorId)> = Vec::new();
    for s in 0..analysis.doc.sentences.len() {
        let found = candidates::of_sentence(analysis, s);
        if found.is_empty() {
            continue;
        }
        let words = SentenceWords::new(analysis, s);
        for candidate in &found {
            let decision = stance_of(stance_model, &features::stance(analysis, s, &words, candidate, &rules));
            let Some(stance) = decision.stance else {
                if -decision.margin > VETO_MARGIN {
                    vetoed.push((s, candidate.actor));
                }
                continue;
            };
            let issue_features = features::issue(analysis, s, &words, candidate, &rules);
            for issue in issues_of(analysis, s, candidate, issue_model, &issue_features) {
                findings.push((finding(analysis, s, candidate, stance, issue), decision.margin));
            }
        }
    }
    let kept_rules = rules.into_iter().filter(|r| !vetoed.contains(&(r.sentence, r.holder)));
    findings.extend(kept_rules.map(|f| (f, 0)));
    analysis.findings = strongest_of_repeats(findings);
}

/// The best stance, if the model rates it above "no position".
pub fn stance_of(model: &Classifier, features: &Features) -> Decision {
    let scores = model.scores(features);
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

/// The issue the model rates best, and any other within [`SECOND_ISSUE_MARGIN`] that the lexicon names
/// after the holder.
fn issues_of(
    analysis: &Analysis<'_>,
    s: usize,
    candidate: &Candidate,
    model: &Classifier,
    features: &Features,
) -> Vec<Issue> {
    let scores = model.scores(features);
    let issue = |c: usize| model.classes()[c].parse().unwrap_or(Issue::Other);
    let (best, _) = model.predict(features);
    let sentence = analysis.doc.sentences[s];
    let named: Vec<Issue> = analysis
        .lexicon
        .cues
        .issues
        .find_iter(sentence.slice(&analysis.doc.text))
        .filter(|hit| sentence.start + hit.start >= candidate.span.end)
        .map(|hit| hit.value.issue)
        .collect();
    let close = (0..scores.len())
        .filter(|&c| c != best && scores[best] - scores[c] <= SECOND_ISSUE_MARGIN && named.contains(&issue(c)));
    std::iter::once(best).chain(close).map(issue).collect()
}

fn finding(analysis: &Analysis<'_>, s: usize, candidate: &Candidate, stance: Stance, issue: Issue) -> Finding {
    let sentence = analysis.doc.sentences[s];
    let cue = Cue { span: candidate.span, stance, shape: CueShape::Verb };
    let scope = Span::new(candidate.span.end, sentence.end);
    let quantity = sentence_number_on(analysis, s, issue);
    let position = position(analysis, s, candidate.actor, &cue, issue, scope, quantity);
    Finding { holder: candidate.actor, sentence: s, term: String::new(), position }
}

/// One finding per side, issue and stance in a report: the one the model is surest of (a rule's counts as
/// sure as a bare decision), the earlier of equals.
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
    kept.sort_by_key(|(f, _)| (f.sentence, f.position.span.start));
    kept.into_iter().map(|(f, _)| f).collect()
}

#[cfg(test)]
mod tests {
    use accord_learn::Perceptron;
    use accord_lexicon::{Lexicon, Models};
    use accord_model::{Issue, Stance};

    use crate::Extractor;
    use crate::testing::{article, positions};
    use crate::training::{GoldPosition, issue_classes, stance_classes};

    /// An extractor whose models are trained on `reports`: (text, party, issue, stance, evidence).
    fn trained(reports: &[(&str, &str, Issue, Stance)]) -> Extractor {
        let rules = Extractor::new(Lexicon::embedded());
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
        let mut lexicon = Lexicon::embedded();
        lexicon.models = Models {
            stance: Some(training.train("stance", stance_classes(), &stance)),
            issue: Some(training.train("issue", issue_classes(), &issue)),
        };
        Extractor::new(lexicon)
    }

    #[test]
    fn a_trained_model_finds_a_commitment_with_no_listed_cue() {
        let sentence = "The United States will cut tariffs on Chinese goods for 90 days.";
        let rules = Extractor::new(Lexicon::embedded()).extract(&article(sentence));
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
        ]);
        let found = positions(&extractor.extract(&article(sentence)));
        assert_eq!(found, vec!["United States|sanctions_economic|offer"]);
        let hosting = positions(&extractor.extract(&article("Brazil will host the next round of talks.")));
        assert!(hosting.is_empty(), "hosting is not a position: {hosting:?}");
    }
}
