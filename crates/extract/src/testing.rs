//! Test helper: extraction of a hand-written report with the built-in lexicon and the rules alone, so that
//! each rule stage's tests say what the rules do; the learned stage has its own tests.

use std::sync::LazyLock;

use accord_lexicon::{Lexicon, Models};
use accord_model::{Article, Document, Position};

use crate::Extractor;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(rules_only()));

/// The built-in lexicon without the learned models.
pub fn rules_only() -> Lexicon {
    Lexicon { models: Models::default(), ..Lexicon::embedded() }
}

pub fn extract(text: &str) -> Document {
    EXTRACTOR.extract(&article(text))
}

/// Runs the rule stages on a hand-written report and hands their analysis to `f`.
pub fn analyse<R>(text: &str, f: impl FnOnce(&crate::Analysis<'_>) -> R) -> R {
    let article = article(text);
    let doc = accord_text::Doc::new(&article, &EXTRACTOR.lexicon().cues);
    f(&EXTRACTOR.rules(&doc))
}

pub fn article(text: &str) -> Article {
    Article {
        id: "test".into(),
        title: None,
        source: None,
        url: None,
        published: None,
        byline: None,
        origin: "test".into(),
        decoded_from: None,
        replaced_bytes: 0,
        text: text.into(),
    }
}

/// Positions as "party|issue|stance" for terse assertions.
pub fn positions(document: &Document) -> Vec<String> {
    document.positions.iter().map(|p: &Position| format!("{}|{}|{}", p.party, p.issue, p.stance)).collect()
}
