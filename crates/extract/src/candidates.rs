//! The sides that could hold a position stated in a sentence: every actor acting in it, the side its
//! speaker speaks for, and, for a sentence that opens with a pronoun, the subject of the sentence before.
//! The learned stance model decides which of them, if any, holds one.

use accord_lexicon::ActorId;
use accord_model::Span;

use crate::analysis::{Analysis, Via};

/// Words opening a sentence that refer back to the previous sentence's subject.
const BACK_REFERENCES: &[&str] = &["it", "they", "we", "the", "its", "their"];
/// Words opening a sentence that refer back to the last person named.
const PERSONAL_PRONOUNS: &[&str] = &["he", "she", "his", "her"];
/// How many sentences back a personal pronoun looks for its person.
const PRONOUN_LOOKBACK: usize = 3;

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
        && let Some(actor) = carried_over(analysis, s)
    {
        found.push(unnamed(actor, Presence::CarriedOver));
    }
    found
}

/// The side a sentence opening with a pronoun goes on about: the last person named a few sentences back for
/// "he" or "she", the previous sentence's first actor for "it", "they" or "the group".
fn carried_over(analysis: &Analysis<'_>, s: usize) -> Option<ActorId> {
    let text = &analysis.doc.text;
    let first = analysis.doc.tokens[s].first()?.text(text).to_lowercase();
    if PERSONAL_PRONOUNS.contains(&first.as_str()) {
        return (s.saturating_sub(PRONOUN_LOOKBACK)..s)
            .rev()
            .find_map(|p| analysis.mentions[p].iter().rev().find(|m| matches!(m.via, Via::Person(_))))
            .map(|m| m.actor);
    }
    if BACK_REFERENCES.contains(&first.as_str()) {
        return analysis.mentions[s.checked_sub(1)?].iter().find(|m| m.is_agent()).map(|m| m.actor);
    }
    None
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

    #[test]
    fn he_or_she_is_the_last_person_named() {
        let text = "Armenia and Azerbaijan met in Abu Dhabi. Azerbaijani President Ilham Aliyev spoke to Armenia's \
                    negotiators on Monday. He wants a new constitution first.";
        assert_eq!(names(text, 2), vec![("Azerbaijan".to_string(), "carried")]);
    }
}
