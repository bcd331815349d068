//! The features the learned models read for one candidate holder in one sentence: the words around its
//! mention, the sentence's words, the stance cues and issue terms of the lexicon and where they stand, who
//! speaks, and what the rules decided. Every feature is hashed; none depends on a model's output.
//!
//! What is the same for every candidate of a sentence is built once, in [`SentenceView`]; a candidate's
//! features are the view's shared ones plus its own, and since the models are linear their scores add.

use std::borrow::Cow;
use std::cell::OnceCell;

use accord_learn::Features;
use accord_model::{Issue, Span, Stance};

use crate::analysis::{Analysis, Finding};
use crate::candidates::Candidate;
use crate::words::{NEGATIONS, inside_quote};

/// How many words after a mention are read one by one: the verb and its object usually stand there.
const AFTER_WORDS: usize = 6;
/// How many words before a mention are read one by one.
const BEFORE_WORDS: usize = 3;
/// How many words after a mention a cue may stand and still count as its verb.
const CUE_REACH: usize = 8;

/// A stance cue of the lexicon in the sentence.
struct CueHit<'t> {
    /// The index of its first word.
    at: usize,
    stance: Stance,
    phrase: Cow<'t, str>,
}

/// One sentence, read once for every candidate and both models: its words lower-cased, the lexicon's cues
/// and terms in it, and the features every candidate shares.
pub struct SentenceView<'t> {
    words: Vec<Cow<'t, str>>,
    spans: Vec<Span>,
    cues: Vec<CueHit<'t>>,
    /// Issue terms by their start offset.
    terms: Vec<(usize, Issue)>,
    /// The stance model's features that do not depend on the candidate.
    pub shared_stance: Features,
    /// The issue model's features that do not depend on the candidate, built when first asked: most
    /// sentences state no position and need none.
    shared_issue: OnceCell<Features>,
    s: usize,
}

impl<'t> SentenceView<'t> {
    pub fn new(analysis: &Analysis<'t>, s: usize, rules: &[Finding]) -> SentenceView<'t> {
        let doc = analysis.doc;
        let text: &'t str = &doc.text;
        let tokens = &doc.tokens[s];
        let sentence = doc.sentences[s];
        let sentence_text = sentence.slice(text);
        let words: Vec<Cow<'t, str>> = tokens.iter().map(|t| lower(t.text(text))).collect();
        let spans: Vec<Span> = tokens.iter().map(|t| t.span).collect();
        let at = |offset: usize| spans.partition_point(|span| span.start < offset);
        let cues = analysis
            .lexicon
            .cues
            .stances
            .find_iter(sentence_text)
            .map(|cue| CueHit {
                at: at(sentence.start + cue.start),
                stance: cue.value.stance,
                phrase: lower(sentence_text.get(cue.start..cue.end).unwrap_or("")),
            })
            .collect();
        let terms = analysis
            .lexicon
            .cues
            .issues
            .find_iter(sentence_text)
            .map(|hit| (sentence.start + hit.start, hit.value.issue))
            .collect();
        let mut view = SentenceView {
            words,
            spans,
            cues,
            terms,
            shared_stance: Features::new(),
            shared_issue: OnceCell::new(),
            s,
        };
        view.shared_stance = view.stance_shared(analysis, s, rules);
        view
    }

    /// The issue model's features that do not depend on the candidate.
    pub fn shared_issue(&self, analysis: &Analysis<'_>) -> &Features {
        self.shared_issue.get_or_init(|| self.issue_shared(analysis, self.s))
    }

    /// The index of the first word at or after byte `offset`.
    fn at(&self, offset: usize) -> usize {
        self.spans.partition_point(|span| span.start < offset)
    }

    fn stance_shared(&self, analysis: &Analysis<'_>, s: usize, rules: &[Finding]) -> Features {
        let mut f = Features::new();
        f.add(&["bias"]);
        let voice = &analysis.voices[s];
        f.add(&["attribution", attribution_id(voice.attribution)]);
        f.add(&["modality", modality_id(voice.modality)]);
        if voice.commentary {
            f.add(&["commentary"]);
        }
        if analysis.is_mediation_sentence(s) {
            f.add(&["mediation-sentence"]);
        }
        if s == 0 {
            f.add(&["first-sentence"]);
        }
        for word in &self.words {
            f.add(&["word", word]);
        }
        for cue in &self.cues {
            f.add(&["cue", cue.stance.id()]);
        }
        if !rules.iter().any(|r| r.sentence == s) {
            f.add(&["rule-none"]);
        }
        f
    }

    fn issue_shared(&self, analysis: &Analysis<'_>, s: usize) -> Features {
        let mut f = Features::new();
        f.add(&["bias"]);
        for word in &self.words {
            f.add(&["word", word]);
        }
        for pair in self.words.windows(2) {
            f.add(&["pair", &pair[0], &pair[1]]);
        }
        for (_, issue) in &self.terms {
            f.add(&["term", issue.id()]);
        }
        for quantity in &analysis.doc.quantities[s] {
            if let Some(unit) = &quantity.unit {
                f.add(&["unit", unit]);
            }
        }
        f
    }
}

/// The stance model's features of `candidate` in sentence `s` beyond the view's shared ones.
pub fn stance(
    analysis: &Analysis<'_>,
    s: usize,
    view: &SentenceView,
    candidate: &Candidate,
    rules: &[Finding],
) -> Features {
    let mut f = Features::new();
    holder(analysis, s, candidate, &mut f);
    let (start, end) = (view.at(candidate.span.start), view.at(candidate.span.end));
    for (i, word) in view.words[end..].iter().take(AFTER_WORDS).enumerate() {
        f.add(&["after", POSITIONS[i], word]);
        f.add(&["after-any", word]);
    }
    for pair in view.words[end..].windows(2).take(AFTER_WORDS - 1) {
        f.add(&["after-pair", &pair[0], &pair[1]]);
    }
    for (i, word) in view.words[..start].iter().rev().take(BEFORE_WORDS).enumerate() {
        f.add(&["before", POSITIONS[i], word]);
    }
    if view.words[end..].iter().take(4).any(|w| NEGATIONS.contains(&w.as_ref())) {
        f.add(&["negated-after"]);
    }
    for cue in &view.cues {
        let place = if cue.at >= end && cue.at - end <= CUE_REACH {
            "near-after"
        } else if cue.at >= end {
            "far-after"
        } else {
            "before"
        };
        f.add(&["cue", cue.stance.id(), place]);
        f.add(&["cue-phrase", &cue.phrase, place]);
    }
    for rule in rules.iter().filter(|r| r.sentence == s) {
        let whose = if rule.holder == candidate.actor { "rule-own" } else { "rule-other" };
        f.add(&[whose, rule.position.stance.id()]);
    }
    f
}

/// The issue model's features of a position `candidate` holds in sentence `s`, beyond the shared ones.
pub fn issue(s: usize, view: &SentenceView, candidate: &Candidate, rules: &[Finding]) -> Features {
    let mut f = Features::new();
    let end = view.at(candidate.span.end);
    for word in view.words[end..].iter().take(2 * AFTER_WORDS) {
        f.add(&["after-any", word]);
    }
    for (offset, issue) in &view.terms {
        let side = if *offset >= candidate.span.end { "after" } else { "before" };
        f.add(&["term", issue.id(), side]);
    }
    for rule in rules.iter().filter(|r| r.sentence == s) {
        let whose = if rule.holder == candidate.actor { "own" } else { "other" };
        f.add(&["rule-issue", whose, rule.position.issue.id()]);
    }
    f
}

/// `word` lower-cased, borrowed when it already is.
fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) { Cow::Owned(word.to_lowercase()) } else { Cow::Borrowed(word) }
}

/// Word positions as feature parts, so that no number is formatted per feature.
const POSITIONS: [&str; AFTER_WORDS] = ["0", "1", "2", "3", "4", "5"];

/// Who the candidate is and how the sentence presents it.
fn holder(analysis: &Analysis<'_>, s: usize, candidate: &Candidate, f: &mut Features) {
    let kind = kind_id(analysis.actor(candidate.actor).kind);
    f.add(&["presence", candidate.presence.id()]);
    f.add(&["kind", kind]);
    f.add(&["presence-kind", candidate.presence.id(), kind]);
    if analysis.voices[s].side == Some(candidate.actor) {
        f.add(&["speaks-for"]);
    }
    if candidate.brokering {
        f.add(&["brokering"]);
    }
    let sentence = analysis.doc.sentences[s];
    if inside_quote(sentence.slice(&analysis.doc.text), sentence.start, candidate.span.start) {
        f.add(&["quoted"]);
    }
    let others = analysis.mentions[s].iter().filter(|m| m.is_agent() && m.actor != candidate.actor).count();
    f.add(&["other-actors", POSITIONS[others.min(3)]]);
    let earlier = analysis.mentions[s].iter().any(|m| m.is_agent() && m.span.end <= candidate.span.start);
    f.add(&["first-actor", if earlier { "no" } else { "yes" }]);
}

fn kind_id(kind: accord_lexicon::ActorKind) -> &'static str {
    use accord_lexicon::ActorKind::*;
    match kind {
        State => "State",
        ObserverState => "ObserverState",
        Territory => "Territory",
        Igo => "Igo",
        ArmedGroup => "ArmedGroup",
        PoliticalMovement => "PoliticalMovement",
        GovernmentBody => "GovernmentBody",
        Union => "Union",
        Company => "Company",
        EmployerGroup => "EmployerGroup",
    }
}

fn attribution_id(attribution: accord_model::Attribution) -> &'static str {
    use accord_model::Attribution::*;
    match attribution {
        NamedOfficial => "NamedOfficial",
        UnnamedOfficial => "UnnamedOfficial",
        Statement => "Statement",
        MediaReport => "MediaReport",
        Analyst => "Analyst",
    }
}

fn modality_id(modality: accord_model::Modality) -> &'static str {
    use accord_model::Modality::*;
    match modality {
        Asserted => "Asserted",
        Reported => "Reported",
        Hedged => "Hedged",
        Denied => "Denied",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidates;
    use crate::testing::analyse;

    #[test]
    fn candidates_in_one_sentence_get_different_features() {
        let (a, b) = analyse("Moscow demanded a withdrawal, which Kyiv rejected.", |analysis| {
            let rules = analysis.findings.clone();
            let view = SentenceView::new(analysis, 0, &rules);
            let found = candidates::of_sentence(analysis, 0);
            assert_eq!(found.len(), 2);
            (stance(analysis, 0, &view, &found[0], &rules), stance(analysis, 0, &view, &found[1], &rules))
        });
        assert!(a.len() > 10 && b.len() > 10);
        assert_ne!(a, b);
    }

    #[test]
    fn issue_features_see_the_issue_terms() {
        let (shared, own) = analyse("Hamas demanded a ceasefire.", |analysis| {
            let view = SentenceView::new(analysis, 0, &[]);
            let found = candidates::of_sentence(analysis, 0);
            (view.shared_issue(analysis).clone(), issue(0, &view, &found[0], &[]))
        });
        let mut term = Features::new();
        term.add(&["term", "ceasefire"]);
        term.add(&["term", "ceasefire", "after"]);
        assert!(shared.buckets().contains(&term.buckets()[0]));
        assert!(own.buckets().contains(&term.buckets()[1]));
    }
}
