//! `accord train`: the learned position models from an annotated corpus (`reports/<id>.txt` with
//! `gold/<id>.json`), written as a data file. The same corpus always gives the same bytes.

use std::collections::BTreeMap;
use std::path::Path;

use accord_extract::{GoldPosition, Miss, issue_classes, stance_classes};
use accord_learn::{Classifier, Example, Perceptron};
use anyhow::Context;

use crate::Outcome;
use crate::args::{Args, TrainArgs};
use crate::inputs::{Pipeline, UsageError};

/// Passes over the examples, and the seed of their order: part of what makes the weights reproducible.
const TRAINING: Perceptron = Perceptron { epochs: 20, seed: 0x00ac_c0d5 };

pub fn run(args: &Args, train: &TrainArgs) -> anyhow::Result<Outcome> {
    let pipeline = Pipeline::new(args.data_dir.as_ref(), None)?;
    let corpus = read_corpus(&pipeline, &train.corpus)?;
    let stance_model = TRAINING.train("stance", stance_classes(), &corpus.stance);
    let issue_model = TRAINING.train("issue", issue_classes(), &corpus.issue);
    let comment = format!(
        "Accord's learned position models, written by `accord train CORPUS --out FILE`; not edited by hand.\n\
         {} reports, {} stance and {} issue examples; averaged perceptron, {} epochs.",
        corpus.documents,
        corpus.stance.len(),
        corpus.issue.len(),
        TRAINING.epochs,
    );
    let text = accord_learn::write_models(&comment, &[&stance_model, &issue_model]);
    std::fs::write(&train.out, text).with_context(|| format!("cannot write {}", train.out.display()))?;
    eprintln!("accord: trained on {}; wrote {}", corpus.describe(), train.out.display());
    if let Some(check) = &train.check {
        let held_out = read_corpus(&pipeline, check)?;
        eprintln!("accord: checked on {}", held_out.describe());
        eprintln!("accord: {}", quality(&stance_model, &issue_model, &held_out));
    }
    Ok(if corpus.failed == 0 { Outcome::Success } else { Outcome::SomeInputsFailed })
}

/// A corpus read into examples, with how much of its gold could be used.
struct Corpus {
    documents: usize,
    failed: usize,
    used: usize,
    missed: BTreeMap<Miss, usize>,
    stance: Vec<Example>,
    issue: Vec<Example>,
}

impl Corpus {
    fn describe(&self) -> String {
        format!(
            "{} reports; {} gold positions used, missed: {}; {} stance and {} issue examples",
            self.documents,
            self.used,
            describe(&self.missed),
            self.stance.len(),
            self.issue.len()
        )
    }
}

fn read_corpus(pipeline: &Pipeline, dir: &Path) -> anyhow::Result<Corpus> {
    let reports = dir.join("reports");
    let gold_dir = dir.join("gold");
    if !reports.is_dir() || !gold_dir.is_dir() {
        let corpus = accord_model::printable::path(dir);
        return Err(UsageError(format!("{corpus}: a corpus holds reports/ and gold/ folders")).into());
    }
    let (mut stance, mut issue) = (Vec::new(), Vec::new());
    let (mut documents, mut used, mut missed) = (0, 0, BTreeMap::<Miss, usize>::new());
    let mut failed = 0;
    for item in pipeline.reader.read(std::slice::from_ref(&reports)) {
        let article = match item {
            Ok(article) => article,
            Err(err) => {
                eprintln!("accord: {err}");
                failed += 1;
                continue;
            }
        };
        let gold = match read_gold(&gold_dir.join(format!("{}.json", article.id))) {
            Ok(gold) => gold,
            Err(err) => {
                eprintln!("accord: {err:#}");
                failed += 1;
                continue;
            }
        };
        let examples = pipeline.extractor.training_examples(&article, &gold);
        documents += 1;
        used += examples.used;
        for miss in examples.missed {
            *missed.entry(miss).or_default() += 1;
        }
        stance.extend(examples.stance);
        issue.extend(examples.issue);
    }
    if documents == 0 {
        return Err(UsageError(format!("{}: no report could be read", accord_model::printable::path(&reports))).into());
    }
    Ok(Corpus { documents, failed, used, missed, stance, issue })
}

/// How well the models decide on held-out examples: finding positions (precision, recall), their stance,
/// their issue.
fn quality(stance_model: &Classifier, issue_model: &Classifier, corpus: &Corpus) -> String {
    let none = 0;
    let (mut found, mut right, mut gold) = (0, 0, 0);
    let mut same_stance = 0;
    for example in &corpus.stance {
        let guess = stance_model.predict(&example.features).0;
        found += usize::from(guess != none);
        gold += usize::from(example.class != none);
        right += usize::from(guess != none && example.class != none);
        same_stance += usize::from(guess != none && guess == example.class);
    }
    let issue_right = corpus.issue.iter().filter(|e| issue_model.predict(&e.features).0 == e.class).count();
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    format!(
        "positions found: precision {:.3}, recall {:.3}; stance right {:.3} of those found; issue right {:.3}",
        ratio(right, found),
        ratio(right, gold),
        ratio(same_stance, right),
        ratio(issue_right, corpus.issue.len())
    )
}

fn read_gold(path: &Path) -> anyhow::Result<Vec<GoldPosition>> {
    let name = accord_model::printable::path(path);
    let text = std::fs::read_to_string(path).with_context(|| format!("{name}: cannot read the report's gold"))?;
    let value: serde_json::Value = serde_json::from_str(&text).with_context(|| format!("{name}: invalid JSON"))?;
    let positions = value["positions"].as_array().map_or(&[][..], Vec::as_slice);
    positions
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let field = |key: &str| p[key].as_str().with_context(|| format!("{name}: position {i} has no `{key}`"));
            Ok(GoldPosition {
                party: field("party")?.to_string(),
                issue: field("issue")?.parse().map_err(|e| anyhow::anyhow!("{name}: position {i}: {e}"))?,
                stance: field("stance")?.parse().map_err(|e| anyhow::anyhow!("{name}: position {i}: {e}"))?,
                evidence: field("evidence")?.to_string(),
            })
        })
        .collect()
}

fn describe(missed: &BTreeMap<Miss, usize>) -> String {
    if missed.is_empty() {
        return "none".into();
    }
    missed.iter().map(|(miss, n)| format!("{n} {miss:?}")).collect::<Vec<_>>().join(", ")
}
