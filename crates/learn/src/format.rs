//! The weights' text format: tab-separated `model`, `bucket`, `weights` rows after a header line, `#`
//! comments. A model's first row names its classes (`bucket` is `classes`); each later row holds one
//! bucket's weights in thousandths, one per class, space-separated. Buckets with only zeros are left out.

use crate::classifier::Classifier;
use crate::features::DIM;

const HEADER: &str = "model\tbucket\tweights";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct FormatError {
    pub line: usize,
    pub reason: String,
}

/// The classifiers as text, with `comment` (one or more lines) above the header.
pub fn write_models(comment: &str, classifiers: &[&Classifier]) -> String {
    let mut out = String::new();
    for line in comment.lines() {
        out.push_str(&format!("# {line}\n").replace("# \n", "#\n"));
    }
    out.push_str(HEADER);
    out.push('\n');
    for classifier in classifiers {
        out.push_str(&format!("{}\tclasses\t{}\n", classifier.name(), classifier.classes().join(" ")));
        for bucket in classifier.used_buckets() {
            let weights: Vec<String> = classifier.row(bucket).iter().map(i32::to_string).collect();
            out.push_str(&format!("{}\t{bucket}\t{}\n", classifier.name(), weights.join(" ")));
        }
    }
    out
}

/// Parses what [`write_models`] wrote: each classifier with the line of its `classes` row.
pub fn parse_models(text: &str) -> Result<Vec<(usize, Classifier)>, FormatError> {
    let fail = |line: usize, reason: String| FormatError { line, reason };
    let mut lines =
        text.lines().enumerate().map(|(i, l)| (i + 1, l)).filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    match lines.next() {
        Some((_, header)) if header.trim_end() == HEADER => {}
        Some((line, header)) => return Err(fail(line, format!("expected the header `{HEADER}`, found `{header}`"))),
        None => return Err(fail(1, "no header line".into())),
    }
    let mut classifiers: Vec<(usize, Classifier)> = Vec::new();
    for (line, row) in lines {
        let fields: Vec<&str> = row.split('\t').collect();
        let [name, bucket, weights] = fields[..] else {
            return Err(fail(line, format!("expected 3 tab-separated fields, found {}", fields.len())));
        };
        if bucket == "classes" {
            if classifiers.iter().any(|(_, c)| c.name() == name) {
                return Err(fail(line, format!("model `{name}` is listed twice")));
            }
            let classes: Vec<String> = weights.split(' ').filter(|c| !c.is_empty()).map(String::from).collect();
            if classes.len() < 2 {
                return Err(fail(line, format!("model `{name}` needs at least two classes")));
            }
            classifiers.push((line, Classifier::zeroed(name, classes)));
            continue;
        }
        let Some((_, classifier)) = classifiers.last_mut().filter(|(_, c)| c.name() == name) else {
            return Err(fail(line, format!("weights of `{name}` before its `classes` row")));
        };
        let bucket: u32 = bucket
            .parse()
            .ok()
            .filter(|&b| b < DIM)
            .ok_or_else(|| fail(line, format!("bucket `{bucket}` is not a number below {DIM}")))?;
        let values: Vec<i32> = weights
            .split(' ')
            .map(str::parse)
            .collect::<Result<_, _>>()
            .map_err(|_| fail(line, format!("weights `{weights}` are not whole numbers")))?;
        if values.len() != classifier.classes().len() {
            let reason = format!("{} weights for {} classes", values.len(), classifier.classes().len());
            return Err(fail(line, reason));
        }
        classifier.row_mut(bucket).copy_from_slice(&values);
    }
    Ok(classifiers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Example, Features, Perceptron};

    fn trained() -> Classifier {
        let mut features = Features::new();
        features.add(&["w", "rejected"]);
        let examples = vec![Example { features: features.clone(), class: 1 }, Example { features, class: 1 }];
        Perceptron { epochs: 2, seed: 1 }.train("stance", vec!["none".into(), "reject".into()], &examples)
    }

    #[test]
    fn round_trips() {
        let model = trained();
        let text = write_models("Position models.\n\nTrained by accord train.", &[&model]);
        assert!(text.starts_with("# Position models.\n#\n# Trained by accord train.\nmodel\tbucket\tweights\n"));
        assert_eq!(parse_models(&text).unwrap(), vec![(5, model)]);
    }

    #[test]
    fn malformed_rows_name_their_line() {
        let bad = [
            ("", 1, "no header"),
            ("model\tbucket\tweights\nstance\t5\t1 2\n", 2, "before its `classes`"),
            ("model\tbucket\tweights\nstance\tclasses\ta b\nstance\t99999999\t1 2\n", 3, "not a number below"),
            ("model\tbucket\tweights\nstance\tclasses\ta b\nstance\t3\t1\n", 3, "1 weights for 2 classes"),
            ("model\tbucket\tweights\nstance\tclasses\ta b\nstance\t3\t1 x\n", 3, "not whole numbers"),
            ("model\tbucket\tweights\nstance\tclasses\ta\n", 2, "at least two classes"),
        ];
        for (text, line, reason) in bad {
            let err = parse_models(text).unwrap_err();
            assert_eq!(err.line, line, "{text:?}: {err}");
            assert!(err.reason.contains(reason), "{text:?}: {err}");
        }
    }
}
