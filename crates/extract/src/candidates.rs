//! The sides that could hold a position stated in a sentence: every actor acting in it, the side its
//! speaker speaks for, and, for a sentence that opens with a pronoun, the subject of the sentence before.
//! The learned stance model decides which of them, if any, holds one.

use accord_lexicon::ActorId;
use accord_model::Span;

use crate::analysis::{Analysis, Via};

/// Words opening a sentence that refer back to the previous sentence's subject.
const BACK_REFERENCES: &[&str] = &["it", "they", "he", "she", "we", "the", "its", "their"];

/// How a candidate is present in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Named (or referred to) in the sentence.
    Mentioned(Via),
    /// The side of the sentence's speaker, not named in it.
    Voice,
    /// The previous sentence's first actor, when this one opens with a pronoun.
    CarriedOver,
}

impl Presence {
    pub fn id(self) -> &'static str {
        match self {
            Presence::Mentioned(Via::Name) => "name",
            Presence::Mentioned(Via::Demonym) => "demonym",
            Presence::Mentioned(Via::Seat) => "seat",
            Presence::Mentioned(Via::Person(_)) => "person",
            Presence::Mentioned(Via::Descriptor) => "descriptor",
            Presence::Voice => "voice",
            Presence::CarriedOver => "carried",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub actor: ActorId,
    /// Its first mention in the sentence; an empty span at the sentence start when it is not named there.
    pub span: Span,
    pub presence: Presence,
    /// The mention brokers the talks: "Qatari mediators".
    pub brokering: bool,
}

/// The candidates of sentence `s`, one per actor, in the order they come.
pub fn of_sentence(analysis: &Analysis<'_>, s: usize) -> Vec<Candidate> {
    let sentence = analysis.doc.sentences[s];
    let mut found: Vec<Candidate> = Vec::new();
    for mention in analysis.mentions[s].iter().filter(|m| m.is_agent()) {
        if !found.iter().any(|c| c.actor == mention.actor) {
            found.push(Candidate {
                actor: mention.actor,
                span: mention.span,
                presence: Presence::Mentioned(mention.via),
                brokering: mention.brokering,
            });
        }
    }
    let unnamed = |actor, presence| Candidate {
        actor,
        span: Span::new(sentence.start, sentence.start),
        presence,
        brokering: false,
    };
    if let Some(side) = analysis.voices[s].side
        && !found.iter().any(|c| c.actor == side)
    {
        found.push(unnamed(side, Presence::Voice));
    }
    if found.is_empty()
        && s > 0
        && opens_with_back_reference(analysis, s)
        && let Some(previous) = analysis.mentions[s - 1].iter().find(|m| m.is_agent())
    {
        found.push(unnamed(previous.actor, Presence::CarriedOver));
    }
    found
}

fn opens_with_back_reference(analysis: &Analysis<'_>, s: usize) -> bool {
    let text = &analysis.doc.text;
    analysis.doc.tokens[s].first().is_some_and(|t| BACK_REFERENCES.contains(&t.text(text).to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::analyse;

    fn names(text: &str, s: usize) -> Vec<(String, &'static str)> {
        analyse(text, |analysis| {
            of_sentence(analysis, s)
                .into_iter()
                .map(|c| (analysis.actor_name(c.actor).to_string(), c.presence.id()))
                .collect()
        })
    }

    #[test]
    fn every_acting_side_once_then_the_speakers_side() {
        let found = names("Hamas rejected the Israeli demand, and Hamas said so again.", 0);
        assert_eq!(found[0], ("Hamas".to_string(), "name"));
        assert_eq!(found.iter().filter(|(n, _)| n == "Hamas").count(), 1, "{found:?}");
    }

    #[test]
    fn a_pronoun_carries_the_previous_subject_over() {
        let found = names("Azerbaijan set out its terms on Monday. It wants a new constitution first.", 1);
        assert_eq!(found, vec![("Azerbaijan".to_string(), "carried")]);
    }
}
