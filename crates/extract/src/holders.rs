//! Who holds a stance cue: the side whose position it states, which is not always the nearest actor named
//! (quotations, asides, attributions, obligations, pronouns, coordinated verbs).

use accord_lexicon::ActorId;
use accord_model::{Span, slice};

use crate::analysis::{Analysis, Mention};
use crate::positions::Cue;
use crate::words::inside_quote;

const PRONOUNS: &[&str] = &["it", "they", "he", "she", "we"];
/// How many words may separate a named subject from its verb cue: "Netanyahu has so far rejected".
pub(crate) const SUBJECT_REACH: usize = 3;
/// Cues of obligation whose grammatical subject is who is asked, not who asks: "Lavrov said Ukraine must
/// withdraw" is Russia's demand.
const OBLIGATIONS: &[&str] = &["must", "needs to", "has to", "have to"];
/// Words that open a relative clause whose actor is not the subject of the main clause.
const RELATIVE_OPENERS: &[&str] = &["where", "which", "who", "whom", "whose"];
/// The side holding a cue and where it is named (an empty span at the cue when it is not named).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Holder {
    pub(crate) actor: ActorId,
    pub(crate) span: Span,
    /// A second subject joined by "and": "Sudan's army and the RSF signed".
    pub(crate) with: Option<ActorId>,
}

/// Whose position a cue states.
/// `coordinated` is the holder of the sentence's previous cue, which starts at `previous_cue`.
pub(crate) fn holder_of(
    analysis: &Analysis<'_>,
    s: usize,
    cue: &Cue,
    coordinated: Option<ActorId>,
    previous_cue: Option<usize>,
) -> Option<Holder> {
    let doc = analysis.doc;
    let sentence = doc.sentences[s];
    let sentence_text = sentence.slice(&doc.text);
    let voice = &analysis.voices[s];
    let quoted = |at: usize| inside_quote(sentence_text, sentence.start, at);
    let cue_quoted = quoted(cue.span.start);
    let unnamed = |actor| Some(Holder { actor, span: Span::new(cue.span.start, cue.span.start), with: None });
    // ", dropping its demand", ", insisting on ...": a participle after a comma shares the main subject.
    let participle = slice::before(&doc.text, cue.span.start).trim_end().ends_with(',')
        && cue.span.slice(&doc.text).ends_with("ing");
    // "offered ..., but rejected ...": a verb joined to the one before it shares its subject.
    let joined_verb = {
        let head = slice::between(&doc.text, sentence.start, cue.span.start).trim_end().to_lowercase();
        head.ends_with(" but") || head.ends_with(" and") || head.ends_with(", but") || head.ends_with("but also")
    };
    if let (true, Some(actor)) = (participle || joined_verb, coordinated) {
        return unnamed(actor);
    }
    let candidates: Vec<&Mention> = analysis.mentions[s]
        .iter()
        .filter(|m| {
            m.is_agent()
                && m.span.end <= cue.span.start
                && quoted(m.span.start) == cue_quoted
                && !inside_relative_clause(
                    slice::between(&doc.text, sentence.start, m.span.start),
                    slice::between(&doc.text, m.span.end, cue.span.start),
                )
                && !names_a_proposal(analysis, s, m.span, cue.span.start)
                && !inside_attribution(analysis, s, m.span, cue.span.start)
        })
        .collect();
    let nearest = subject_before_aside(&doc.text, &candidates, cue.span.start).or(candidates.last().copied());
    // A subject named before the previous cue is that cue's; this one goes on from it ("Ethiopia has offered a
    // stake ... in return for port access").
    if let (Some(mention), Some(previous), Some(actor)) = (nearest, previous_cue, coordinated)
        && mention.span.end <= previous
        && !cue_quoted
    {
        return unnamed(actor);
    }
    if is_obligation(cue.span.slice(&doc.text)) {
        return voice.side.or(coordinated).and_then(unnamed);
    }
    if cue_quoted {
        let outside = analysis.mentions[s]
            .iter()
            .rfind(|m| m.is_agent() && m.span.end <= cue.span.start && !quoted(m.span.start));
        if let Some(side) = voice.side.or(outside.map(|m| m.actor)) {
            return unnamed(side);
        }
    }
    if let Some(mention) = nearest {
        // What "Saudi and American mediators" put forward is a proposal, not a side's position.
        if mention.brokering {
            return None;
        }
        if let crate::analysis::Via::Person(p) = mention.via
            && analysis.people[p].role_kind.is_some_and(|k| !k.speaks_for_a_side())
        {
            return None;
        }
        // "the two countries" stands for both sides at once: a second mention on the same words.
        let same_words = analysis.mentions[s].iter().find(|m| m.span == mention.span && m.actor != mention.actor);
        let joined = same_words.or_else(|| {
            analysis.mentions[s].iter().rfind(|m| {
                m.is_agent() && m.actor != mention.actor && m.span.end <= mention.span.start && {
                    let between = slice::between(&doc.text, m.span.end, mention.span.start).trim().to_lowercase();
                    between == "and" || between == "and the"
                }
            })
        });
        return Some(Holder {
            actor: mention.actor,
            span: joined.map_or(mention.span, |j| j.span),
            with: joined.map(|j| j.actor),
        });
    }
    let tokens = &doc.tokens[s];
    let pronoun = tokens
        .iter()
        .filter(|t| t.span.end <= cue.span.start)
        .any(|t| PRONOUNS.contains(&t.text(&doc.text).to_lowercase().as_str()));
    match coordinated {
        Some(actor) => unnamed(actor),
        None if pronoun => previous_subject(analysis, s).and_then(unnamed),
        None => voice.side.and_then(unnamed),
    }
}

/// Whether a mention sits in a relative clause set off before the cue: "In Istanbul, where Turkey hosted a
/// round, the delegations agreed ..." (Turkey is not who agreed).
fn inside_relative_clause(before: &str, after: &str) -> bool {
    let lower = before.to_lowercase();
    let clause = lower.rsplit(',').next().unwrap_or("");
    let opens = clause.split(|c: char| !c.is_alphabetic()).take(2).any(|w| RELATIVE_OPENERS.contains(&w));
    opens && after.contains(',')
}

/// In "Ethiopia, landlocked since Eritrea's independence, has offered ...", the subject is the actor before the
/// aside between commas, not the one inside it.
fn subject_before_aside<'m>(text: &str, candidates: &[&'m Mention], cue_start: usize) -> Option<&'m Mention> {
    let last = candidates.last()?;
    let closing = slice::between(text, last.span.end, cue_start).rfind(',')? + last.span.end;
    candidates.iter().rev().skip(1).find_map(|earlier| {
        let opening = slice::between(text, earlier.span.end, last.span.start).trim_start();
        let aside = opening.starts_with(',') && !slice::between(text, earlier.span.end, closing).contains(';');
        let only_aside_after = slice::between(text, closing + 1, cue_start).split_whitespace().count() <= SUBJECT_REACH;
        (aside && only_aside_after).then_some(*earlier)
    })
}

/// Whether a mention sits in an attribution set off by commas: "..., officials on both sides said, and ...".
fn inside_attribution(analysis: &Analysis<'_>, s: usize, mention: Span, cue_start: usize) -> bool {
    let text = &analysis.doc.text;
    let sentence = analysis.doc.sentences[s];
    let Some(open) = slice::between(text, sentence.start, mention.start).rfind(',').map(|i| sentence.start + i) else {
        return false;
    };
    let Some(close) = slice::between(text, mention.end, cue_start).find(',').map(|i| mention.end + i) else {
        return false;
    };
    let clause = slice::between(text, open, close);
    analysis.lexicon.cues.speech.find_iter(clause).any(|m| matches!(m.value, accord_lexicon::SpeechKind::Say))
}

/// Whether a mention only says whose proposal follows it ("the US paper", "the American draft"): the actor
/// modifies the noun and is not the subject of the cue.
fn names_a_proposal(analysis: &Analysis<'_>, s: usize, mention: Span, cue_start: usize) -> bool {
    let text = &analysis.doc.text;
    analysis.proposal_nouns(s).iter().any(|noun| {
        noun.start >= mention.end && noun.end <= cue_start && {
            let between = slice::between(text, mention.end, noun.start);
            between.split_whitespace().count() <= 2 && !between.contains([',', ';', '.'])
        }
    })
}

/// What a pronoun at the head of sentence `s` points back to: the previous speaker, the latest holder,
/// or the first actor of the previous sentence.
fn previous_subject(analysis: &Analysis<'_>, s: usize) -> Option<ActorId> {
    let previous = s.checked_sub(1)?;
    analysis.voices[previous]
        .side
        .or_else(|| analysis.findings.iter().rev().find(|f| f.sentence + 2 >= s).map(|f| f.holder))
        .or_else(|| analysis.mentions[previous].iter().find(|m| m.is_agent()).map(|m| m.actor))
}

/// Whether a cue is an obligation ("must", "has to"), which states what the speaker asks of its subject.
pub(crate) fn is_obligation(cue: &str) -> bool {
    OBLIGATIONS.contains(&cue.to_lowercase().as_str())
}
