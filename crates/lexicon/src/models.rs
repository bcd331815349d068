//! The trained position models (`model.tsv`): the stance and issue classifiers `accord train` writes. A
//! file with no models leaves the rules alone to decide.

use accord_learn::Classifier;
use accord_model::{Issue, Stance};

use crate::LexiconError;

const FILE: &str = "model.tsv";
/// The stance model's class for a holder that states no position in the sentence.
pub const NO_STANCE: &str = "none";

#[derive(Debug, Clone, Default)]
pub struct Models {
    /// Whether a candidate holder states a position in a sentence, and which stance: `none` or a stance id.
    pub stance: Option<Classifier>,
    /// The issue of a position: an issue id.
    pub issue: Option<Classifier>,
}

impl Models {
    pub fn parse(text: &str) -> Result<Models, LexiconError> {
        let malformed = |line, reason: String| LexiconError::Malformed { file: FILE.to_string(), line, reason };
        let classifiers = accord_learn::parse_models(text).map_err(|e| malformed(e.line, e.reason))?;
        let mut models = Models::default();
        for (line, classifier) in classifiers {
            let known = |class: &str| match classifier.name() {
                "stance" => class == NO_STANCE || class.parse::<Stance>().is_ok(),
                _ => class.parse::<Issue>().is_ok(),
            };
            if let Some(unknown) = classifier.classes().iter().find(|c| !known(c)) {
                return Err(malformed(line, format!("model `{}` has an unknown class `{unknown}`", classifier.name())));
            }
            match classifier.name() {
                "stance" => models.stance = Some(classifier),
                "issue" => models.issue = Some(classifier),
                other => return Err(malformed(line, format!("unknown model `{other}` (known: stance, issue)"))),
            }
        }
        Ok(models)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_without_models_leaves_both_out() {
        let models = Models::parse("# untrained\nmodel\tbucket\tweights\n").unwrap();
        assert!(models.stance.is_none() && models.issue.is_none());
    }

    #[test]
    fn classes_must_be_stances_or_issues() {
        let text = "model\tbucket\tweights\nstance\tclasses\tnone demand shrug\n";
        let err = Models::parse(text).unwrap_err().to_string();
        assert!(err.contains("model.tsv:2: model `stance` has an unknown class `shrug`"), "{err}");
        let text = "model\tbucket\tweights\nissue\tclasses\tceasefire withdrawal\nissue\t7\t1 -1\n";
        assert!(Models::parse(text).unwrap().issue.is_some());
    }
}
