//! Positions: each stance cue in a sentence, with the side that holds it, the issues in its scope, its
//! numbers, and the sentence as verbatim evidence.
//!
//! A cue's scope runs to the next cue; a copular cue ("... are a precondition") looks back instead. The
//! holder is the nearest acting mention before the cue, the speaker inside a quotation, or the holder of a
//! coordinated cue before it ("rejects ... and insists on ...").

use accord_lexicon::{ActorId, CueShape};
use accord_model::{Issue, Position, Quantity, Span, Stance};
use accord_text::find_dates;

use crate::analysis::{Analysis, Finding, Via};
use crate::issues::issues_in;
use crate::words::{NEGATIONS, clip, inside_quote, lower_words, token_at};

/// Sentences longer than this many tokens cite the cue's clause instead of the whole sentence.
const LONG_SENTENCE: usize = 55;
const PRONOUNS: &[&str] = &["it", "they", "he", "she"];
/// Noun phrases pointing back to the other side's demands: "rejects these conditions".
const ANAPHORS: &[&str] = &["these conditions", "those conditions", "such conditions", "these demands", "those demands", "these terms", "its conditions", "their conditions", "’s conditions", "'s conditions", "’s demands", "'s demands"];
const ALTERNATIVES: &[&str] = &["rather than", "instead of"];

/// A stance cue placed in a sentence.
#[derive(Debug, Clone, Copy)]
struct Cue {
    span: Span,
    stance: Stance,
    shape: CueShape,
}

pub fn find(analysis: &mut Analysis<'_>) {
    for s in 0..analysis.doc.sentences.len() {
        if analysis.voices[s].commentary {
            continue;
        }
        let cues = cues_of(analysis, s);
        let mut previous_holder: Option<ActorId> = None;
        for (k, cue) in cues.iter().enumerate() {
            let sentence = analysis.doc.sentences[s];
            let scope = if cue.shape == CueShape::Copula {
                Span::new(k.checked_sub(1).map_or(sentence.start, |j| cues[j].span.end), cue.span.start)
            } else {
                Span::new(cue.span.end, cues.get(k + 1).map_or(sentence.end, |next| next.span.start))
            };
            let Some(holder) = holder_of(analysis, s, cue, previous_holder) else { continue };
            previous_holder = Some(holder);
            let issues = issues_for(analysis, s, holder, scope);
            let quantity = quantity_in(analysis, s, scope);
            for issue in issues {
                let position = position(analysis, s, holder, cue, issue, scope, quantity.clone());
                analysis.findings.push(Finding { holder, sentence: s, position });
            }
        }
    }
}

/// The stance cues of sentence `s`, negation applied, minus nouns that are the object of a verb cue
/// ("rejected Hamas's demand for ...": the demand is what is rejected, not a second position).
fn cues_of(analysis: &Analysis<'_>, s: usize) -> Vec<Cue> {
    let doc = analysis.doc;
    let sentence = doc.sentences[s];
    let text = &doc.text;
    let tokens = &doc.tokens[s];
    let mut cues: Vec<Cue> = Vec::new();
    for m in analysis.lexicon.cues.stances.find_iter(sentence.slice(text)) {
        let span = Span::new(sentence.start + m.start, sentence.start + m.end);
        let mut stance = m.value.stance;
        let at = token_at(tokens, span.start);
        let negated = lower_words(text, tokens, at.saturating_sub(2), at).iter().any(|w| NEGATIONS.contains(&w.as_str()));
        if negated && matches!(stance, Stance::Offer | Stance::Accept) {
            stance = Stance::Reject;
        }
        let governed = cues.last().is_some_and(|prev| {
            m.value.shape == CueShape::Noun && !text[prev.span.end..span.start].contains([',', ';', '—'])
        });
        if !governed {
            cues.push(Cue { span, stance, shape: m.value.shape });
        }
    }
    cues
}

/// Whose position a cue states.
fn holder_of(analysis: &Analysis<'_>, s: usize, cue: &Cue, coordinated: Option<ActorId>) -> Option<ActorId> {
    let doc = analysis.doc;
    let sentence = doc.sentences[s];
    let voice = &analysis.voices[s];
    if inside_quote(sentence.slice(&doc.text), sentence.start, cue.span.start) {
        if let Some(side) = voice.side {
            return Some(side);
        }
    }
    let mentions = &analysis.mentions[s];
    let nearest = mentions.iter().filter(|m| m.is_agent() && m.span.end <= cue.span.start).last();
    if let Some(mention) = nearest {
        if let Via::Person(p) = mention.via {
            if analysis.people[p].role_kind.is_some_and(|k| !k.speaks_for_a_side()) {
                return None;
            }
        }
    }
    let tokens = &doc.tokens[s];
    let from = nearest.map_or(sentence.start, |m| m.span.end);
    let pronoun = tokens
        .iter()
        .filter(|t| t.span.start >= from && t.span.end <= cue.span.start)
        .any(|t| PRONOUNS.contains(&t.text(&doc.text).to_lowercase().as_str()));
    match (nearest, pronoun) {
        (Some(mention), false) => Some(mention.actor),
        (_, true) => coordinated.or_else(|| last_holder(analysis, s)).or(nearest.map(|m| m.actor)),
        (None, false) => coordinated.or(voice.side),
    }
}

/// The holder of the latest position in the sentences before `s`, for a pronoun subject.
fn last_holder(analysis: &Analysis<'_>, s: usize) -> Option<ActorId> {
    analysis.findings.iter().rev().find(|f| f.sentence < s && f.sentence + 2 >= s).map(|f| f.holder).or_else(|| {
        s.checked_sub(1).and_then(|prev| analysis.mentions[prev].iter().find(|m| m.is_agent()).map(|m| m.actor))
    })
}

/// The issues a cue's scope names, or those of the other side's recent positions it points back to.
fn issues_for(analysis: &Analysis<'_>, s: usize, holder: ActorId, scope: Span) -> Vec<Issue> {
    let found: Vec<Issue> = issues_in(analysis, scope).into_iter().map(|hit| hit.issue).collect();
    if !found.is_empty() {
        return found;
    }
    let lower = scope.slice(&analysis.doc.text).to_lowercase();
    if !ANAPHORS.iter().any(|a| lower.contains(a)) {
        return Vec::new();
    }
    let mut earlier: Vec<Issue> = Vec::new();
    for f in analysis.findings.iter().filter(|f| f.holder != holder && f.sentence < s && f.sentence + 2 >= s) {
        if !earlier.contains(&f.position.issue) {
            earlier.push(f.position.issue);
        }
    }
    if earlier.is_empty() { vec![Issue::Other] } else { earlier }
}

/// The first number with a unit in `scope`, with the alternative it is preferred to ("rather than one week").
fn quantity_in(analysis: &Analysis<'_>, s: usize, scope: Span) -> Option<Quantity> {
    let text = &analysis.doc.text;
    let alternative_at = ALTERNATIVES
        .iter()
        .filter_map(|a| scope.slice(text).to_lowercase().find(a).map(|i| scope.start + i))
        .min();
    let in_scope: Vec<_> = analysis.doc.quantities[s]
        .iter()
        .filter(|q| q.unit.is_some() && scope.start <= q.span.start && q.span.end <= scope.end)
        .collect();
    let before_alternative = |q: &&&accord_text::QuantityMention| alternative_at.is_none_or(|a| q.span.start < a);
    let rather_than = alternative_at.and_then(|a| in_scope.iter().find(|q| q.span.start > a)).map(|q| q.value);
    let chosen = in_scope.iter().filter(before_alternative).collect::<Vec<_>>();
    chosen.first().map(|first| {
        // A spoken list of one unit ("one week, two weeks, three weeks") is read as its largest value.
        let largest = chosen.iter().filter(|q| q.unit == first.unit).map(|q| q.value).fold(first.value, f64::max);
        Quantity { value: largest, min: first.min, unit: first.unit.clone().unwrap_or_default(), rather_than }
    })
}

fn position(
    analysis: &Analysis<'_>,
    s: usize,
    holder: ActorId,
    cue: &Cue,
    issue: Issue,
    scope: Span,
    quantity: Option<Quantity>,
) -> Position {
    let doc = analysis.doc;
    let sentence = doc.sentences[s];
    let span = if doc.tokens[s].len() > LONG_SENTENCE {
        Span::new(scope.start.min(cue.span.start), scope.end.max(cue.span.end))
    } else {
        sentence
    };
    let voice = &analysis.voices[s];
    let detail_span = Span::new(cue.span.start.min(scope.start), scope.end.max(cue.span.end));
    Position {
        party: analysis.actor_name(holder).to_string(),
        issue,
        stance: cue.stance,
        detail: clip(detail_span.slice(&doc.text), 160),
        quantity: quantity.as_ref().map(|q| q.value),
        unit: quantity.as_ref().map(|q| q.unit.clone()),
        evidence: span.slice(&doc.text).to_string(),
        span,
        speaker: voice.speaker.clone(),
        attribution: voice.attribution,
        modality: voice.modality,
        quantity_detail: quantity,
        stated: find_dates(&doc.text, sentence, doc.published).first().map(|d| d.date),
    }
}
