//! The features the learned models read for one candidate holder in one sentence: the words around its
//! mention, the sentence's words, the stance cues and issue terms of the lexicon and where they stand, who
//! speaks, and what the rules decided. Every feature is hashed; none depends on a model's output.

use accord_learn::Features;
use accord_model::{Span, Stance};

use crate::analysis::{Analysis, Finding};
use crate::candidates::Candidate;
use crate::words::{NEGATIONS, inside_quote};

/// How many words after a mention are read one by one: the verb and its object usually stand there.
const AFTER_WORDS: usize = 6;
/// How many words before a mention are read one by one.
const BEFORE_WORDS: usize = 3;
/// How many words after a mention a cue may stand and still count as its verb.
const CUE_REACH: usize = 8;

/// One sentence's words, lower-cased once for every candidate and both models.
pub struct SentenceWords {
    pub words: Vec<String>,
    pub spans: Vec<Span>,
}

impl SentenceWords {
    pub fn new(analysis: &Analysis<'_>, s: usize) -> SentenceWords {
        let text = &analysis.doc.text;
        let tokens = &analysis.doc.tokens[s];
        SentenceWords {
            words: tokens.iter().map(|t| t.text(text).to_lowercase()).collect(),
            spans: tokens.iter().map(|t| t.span).collect(),
        }
    }

    /// The index of the first word at or after byte `offset`.
    fn at(&self, offset: usize) -> usize {
        self.spans.partition_point(|span| span.start < offset)
    }
}

/// The stance model's features for `candidate` in sentence `s`; `rules` are the rules' findings.
pub fn stance(
    analysis: &Analysis<'_>,
    s: usize,
    words: &SentenceWords,
    candidate: &Candidate,
    rules: &[Finding],
) -> Features {
    let mut f = Features::new();
    f.add(&["bias"]);
    holder(analysis, s, candidate, &mut f);
    let (start, end) = (words.at(candidate.span.start), words.at(candidate.span.end));
    for (i, word) in words.words[end..].iter().take(AFTER_WORDS).enumerate() {
        f.add(&["after", &i.to_string(), word]);
        f.add(&["after-any", word]);
    }
    for pair in words.words[end..].windows(2).take(AFTER_WORDS - 1) {
        f.add(&["after-pair", &pair[0], &pair[1]]);
    }
    for (i, word) in words.words[..start].iter().rev().take(BEFORE_WORDS).enumerate() {
        f.add(&["before", &i.to_string(), word]);
    }
    for word in &words.words {
        f.add(&["word", word]);
    }
    if words.words[end..].iter().take(4).any(|w| NEGATIONS.contains(&w.as_str())) {
        f.add(&["negated-after"]);
    }
    stance_cues(analysis, s, words, candidate, &mut f);
    rule_signals(s, candidate, rules, &mut f);
    f
}

/// The issue model's features for a position `candidate` holds in sentence `s`.
pub fn issue(
    analysis: &Analysis<'_>,
    s: usize,
    words: &SentenceWords,
    candidate: &Candidate,
    rules: &[Finding],
) -> Features {
    let mut f = Features::new();
    f.add(&["bias"]);
    for word in &words.words {
        f.add(&["word", word]);
    }
    for pair in words.words.windows(2) {
        f.add(&["pair", &pair[0], &pair[1]]);
    }
    let end = words.at(candidate.span.end);
    for word in words.words[end..].iter().take(2 * AFTER_WORDS) {
        f.add(&["after-any", word]);
    }
    let sentence = analysis.doc.sentences[s];
    for hit in analysis.lexicon.cues.issues.find_iter(sentence.slice(&analysis.doc.text)) {
        let side = if sentence.start + hit.start >= candidate.span.end { "after" } else { "before" };
        f.add(&["term", hit.value.issue.id()]);
        f.add(&["term", hit.value.issue.id(), side]);
    }
    for quantity in &analysis.doc.quantities[s] {
        if let Some(unit) = &quantity.unit {
            f.add(&["unit", unit]);
        }
    }
    for rule in rules.iter().filter(|r| r.sentence == s) {
        let whose = if rule.holder == candidate.actor { "own" } else { "other" };
        f.add(&["rule-issue", whose, rule.position.issue.id()]);
    }
    f
}

/// Who the candidate is and how the sentence presents it.
fn holder(analysis: &Analysis<'_>, s: usize, candidate: &Candidate, f: &mut Features) {
    let actor = &analysis.actor(candidate.actor);
    let kind = format!("{:?}", actor.kind);
    f.add(&["presence", candidate.presence.id()]);
    f.add(&["kind", &kind]);
    f.add(&["presence-kind", candidate.presence.id(), &kind]);
    let voice = &analysis.voices[s];
    let attribution = format!("{:?}", voice.attribution);
    let modality = format!("{:?}", voice.modality);
    f.add(&["attribution", &attribution]);
    f.add(&["modality", &modality]);
    if voice.side == Some(candidate.actor) {
        f.add(&["speaks-for"]);
    }
    if voice.commentary {
        f.add(&["commentary"]);
    }
    if candidate.brokering {
        f.add(&["brokering"]);
    }
    if analysis.is_mediation_sentence(s) {
        f.add(&["mediation-sentence"]);
    }
    if s == 0 {
        f.add(&["first-sentence"]);
    }
    let sentence = analysis.doc.sentences[s];
    if inside_quote(sentence.slice(&analysis.doc.text), sentence.start, candidate.span.start) {
        f.add(&["quoted"]);
    }
    let others = analysis.mentions[s].iter().filter(|m| m.is_agent() && m.actor != candidate.actor).count();
    f.add(&["other-actors", &others.min(3).to_string()]);
    let earlier = analysis.mentions[s].iter().any(|m| m.is_agent() && m.span.end <= candidate.span.start);
    f.add(&["first-actor", if earlier { "no" } else { "yes" }]);
}

/// The lexicon's stance cues of the sentence, by stance and by where they stand from the mention.
fn stance_cues(analysis: &Analysis<'_>, s: usize, words: &SentenceWords, candidate: &Candidate, f: &mut Features) {
    let sentence = analysis.doc.sentences[s];
    let text = sentence.slice(&analysis.doc.text);
    let mention_end = words.at(candidate.span.end);
    for cue in analysis.lexicon.cues.stances.find_iter(text) {
        let at = words.at(sentence.start + cue.start);
        let stance = cue.value.stance.id();
        let place = if at >= mention_end && at - mention_end <= CUE_REACH {
            "near-after"
        } else if at >= mention_end {
            "far-after"
        } else {
            "before"
        };
        let phrase = text.get(cue.start..cue.end).unwrap_or("").to_lowercase();
        f.add(&["cue", stance]);
        f.add(&["cue", stance, place]);
        f.add(&["cue-phrase", &phrase, place]);
    }
}

/// What the rules found in this sentence: for this candidate, for another side, or nothing.
fn rule_signals(s: usize, candidate: &Candidate, rules: &[Finding], f: &mut Features) {
    let mut any = false;
    for rule in rules.iter().filter(|r| r.sentence == s) {
        any = true;
        let stance: Stance = rule.position.stance;
        if rule.holder == candidate.actor {
            f.add(&["rule-own", stance.id()]);
        } else {
            f.add(&["rule-other", stance.id()]);
        }
    }
    if !any {
        f.add(&["rule-none"]);
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
            let words = SentenceWords::new(analysis, 0);
            let found = candidates::of_sentence(analysis, 0);
            assert_eq!(found.len(), 2);
            let rules = analysis.findings.clone();
            (stance(analysis, 0, &words, &found[0], &rules), stance(analysis, 0, &words, &found[1], &rules))
        });
        assert!(a.len() > 20 && b.len() > 20);
        assert_ne!(a, b);
    }

    #[test]
    fn issue_features_see_the_issue_terms() {
        let with_term = analyse("Hamas demanded a ceasefire.", |analysis| {
            let words = SentenceWords::new(analysis, 0);
            let found = candidates::of_sentence(analysis, 0);
            issue(analysis, 0, &words, &found[0], &[])
        });
        let mut term = Features::new();
        term.add(&["term", "ceasefire"]);
        assert!(with_term.buckets().contains(&term.buckets()[0]));
    }
}
