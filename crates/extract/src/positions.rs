//! Positions: each stance cue in a sentence, with the side that holds it, the issues in its scope, its
//! numbers, and the sentence as verbatim evidence.
//!
//! This module places the cues and assembles each position; `holders` decides whose position a cue states
//! and `scopes` what it is about. Cues that describe a proposal's content or answer a proposal are left to
//! the proposals stage.

use accord_lexicon::{ActorId, CueShape};
use accord_model::{Attribution, Issue, Position, Quantity, Span, Stance, slice};
use accord_text::find_dates;

use crate::analysis::{Analysis, Finding};
use crate::detail::detail;
use crate::holders::{SUBJECT_REACH, holder_of, is_obligation};
use crate::issues::issues_in;
use crate::scopes::{Choice, clause_end, quantity_in, subject_matter, with_unit_issue};
use crate::words::{NEGATIONS, clip, inside_conditional, lower_words, token_at};

/// Sentences longer than this many words cite the cue's clause instead of the whole sentence.
const LONG_SENTENCE: usize = 60;
/// How many words after a cue its object may start: "rejection of the latest US proposal".
const OBJECT_REACH: usize = 5;
/// Words that make a proposal noun point at one particular proposal.
const DEFINITES: &[&str] = &["the", "this", "that", "its", "their", "his", "her"];
const ARTICLES: &[&str] = &["a", "an", "the"];
/// Words that stand before a verb, not a noun: "has rejected", "also agreed", "that ... rejected".
const VERB_COMPANIONS: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "also",
    "not",
    "never",
    "again",
    "already",
    "reportedly",
    "and",
    "or",
    "but",
    "that",
    "who",
    "which",
    "it",
    "they",
    "he",
    "she",
    "we",
    "i",
    "later",
    "then",
];
/// Words that open a clause describing the noun before them.
const RELATIVES: &[&str] = &["that", "which", "whereby"];

/// A stance cue placed in a sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cue {
    pub(crate) span: Span,
    pub(crate) stance: Stance,
    pub(crate) shape: CueShape,
}

pub fn find(analysis: &mut Analysis<'_>) {
    collect(analysis);
    keep_best_of_repeats(&mut analysis.findings);
}

/// A report that states the same stance of one side twice (same issue, stance and issue term) is cited
/// once, by its best-attributed sentence: a named official over an unnamed one over the report's narration.
fn keep_best_of_repeats(findings: &mut Vec<Finding>) {
    let key = |f: &Finding| (f.holder, f.position.issue, f.position.stance, f.term.clone());
    let rank = |f: &Finding| match f.position.attribution {
        Attribution::NamedOfficial => 4,
        Attribution::UnnamedOfficial => 3,
        Attribution::Statement => 2,
        Attribution::MediaReport => 1,
        Attribution::Analyst => 0,
    };
    let mut kept: Vec<Finding> = Vec::new();
    for finding in findings.drain(..) {
        match kept.iter_mut().find(|k| key(k) == key(&finding)) {
            Some(existing) if rank(&finding) > rank(existing) => *existing = finding,
            Some(_) => {}
            None => kept.push(finding),
        }
    }
    *findings = kept;
}

fn collect(analysis: &mut Analysis<'_>) {
    for s in 0..analysis.doc.sentences.len() {
        if analysis.voices[s].commentary || describes_a_proposal(analysis, s) {
            continue;
        }
        let cues = cues_of(analysis, s);
        let mut previous_holder: Option<ActorId> = None;
        for (k, cue) in cues.iter().enumerate() {
            let sentence = analysis.doc.sentences[s];
            let clause_start = k.checked_sub(1).map_or(sentence.start, |j| cues[j].span.end);
            let right = clause_end(
                analysis,
                s,
                Span::new(cue.span.end, cues.get(k + 1).map_or(sentence.end, |next| next.span.start)),
            );
            let cue = conditioned(analysis, &cues, k);
            let previous_cue = k.checked_sub(1).map(|j| cues[j].span.start);
            let Some(holder) = holder_of(analysis, s, &cue, previous_holder, previous_cue) else { continue };
            previous_holder = Some(holder.actor);
            if describes_proposal(analysis, s, holder.span, &cue) || answers_proposal(analysis, s, right) {
                continue;
            }
            let (cue, scope, issues) = subject_matter(analysis, s, cue, &holder, clause_start, right);
            let quantity = quantity_in(analysis, s, scope);
            let implied = quantity
                .as_ref()
                .and_then(|(q, issue)| issue.map(|issue| Choice { issue, term: q.unit.clone(), quantity: None }));
            for choice in with_unit_issue(issues, implied) {
                let number = choice
                    .quantity
                    .or_else(|| quantity.clone().map(|q| q.0))
                    .or_else(|| sentence_number_on(analysis, s, choice.issue));
                for actor in std::iter::once(holder.actor).chain(holder.with) {
                    let position = position(analysis, s, actor, &cue, choice.issue, scope, number.clone());
                    analysis.findings.push(Finding { holder: actor, sentence: s, term: choice.term.clone(), position });
                }
            }
        }
    }
}

/// Cue `k` of a sentence, as a condition when it accepts something only on a condition that follows it at
/// once: "will agree to a ceasefire only if ...".
fn conditioned(analysis: &Analysis<'_>, cues: &[Cue], k: usize) -> Cue {
    let cue = cues[k];
    let condition_follows = cues.get(k + 1).is_some_and(|next| {
        next.stance == Stance::Condition
            && !slice::between(&analysis.doc.text, cue.span.end, next.span.start).contains([',', ';'])
    });
    if cue.stance == Stance::Accept && condition_follows { Cue { stance: Stance::Condition, ..cue } } else { cue }
}

/// A number elsewhere in sentence `s` whose unit is about `issue`: "Kinshasa holds some 700 detainees ...
/// and wants them all freed".
pub(crate) fn sentence_number_on(analysis: &Analysis<'_>, s: usize, issue: Issue) -> Option<Quantity> {
    let mention = analysis.doc.quantities[s].iter().find(|q| q.issue == Some(issue))?;
    Some(Quantity { value: mention.value, min: mention.min, unit: mention.unit.clone()?, rather_than: None })
}

/// The stance cues of sentence `s`, negation applied, minus nouns that are the object of a verb cue
/// ("rejected Kyiv's demand for ...": the demand is what is rejected, not a second position) and minus
/// halves of hyphenated compounds ("US-endorsed" is a description, not an endorsement).
fn cues_of(analysis: &Analysis<'_>, s: usize) -> Vec<Cue> {
    let doc = analysis.doc;
    let sentence = doc.sentences[s];
    let text = &doc.text;
    let tokens = &doc.tokens[s];
    let mut cues: Vec<Cue> = Vec::new();
    let mut modifier: Option<Stance> = None;
    for m in analysis.lexicon.cues.stances.find_iter(sentence.slice(text)) {
        let span = Span::new(sentence.start + m.start, sentence.start + m.end);
        if m.value.shape == CueShape::Modifier {
            modifier = Some(m.value.stance);
            continue;
        }
        let before =
            slice::between(text, sentence.start, span.start).trim_end().rsplit(' ').next().unwrap_or("").to_lowercase();
        // "US-endorsed", "the agreed exchange", "principles signed last month": a participle describing a
        // noun is not a stance.
        let describes_noun = m.value.shape == CueShape::Verb
            && (ARTICLES.contains(&before.as_str()) || reduced_relative(analysis, s, span, &before));
        if slice::before(text, span.start).ends_with('-') || describes_noun {
            continue;
        }
        let mut stance = m.value.stance;
        // "agreed to free five prisoners" offers something; "agreed to a 30-day pause" accepts it.
        if stance == Stance::Accept
            && span.slice(text).to_lowercase().ends_with(" to")
            && gives_an_action(text, span.end)
        {
            stance = Stance::Offer;
        }
        let at = token_at(tokens, span.start);
        let negated =
            lower_words(text, tokens, at.saturating_sub(2), at).iter().any(|w| NEGATIONS.contains(&w.as_str()));
        if negated && matches!(stance, Stance::Offer | Stance::Accept) {
            stance = Stance::Reject;
        }
        if inside_conditional(slice::between(text, sentence.start, span.start)) {
            continue;
        }
        // "rejected Kyiv's demand for ..." (a noun object) and "must agree to ..." (what is obliged) belong to
        // the cue before them.
        let governed = cues.last().is_some_and(|prev| {
            let between = slice::between(text, prev.span.end, span.start);
            let object = m.value.shape == CueShape::Noun && !between.contains([',', ';', '—']);
            let obliged = is_obligation(prev.span.slice(text)) && between.trim().is_empty();
            object || obliged
        });
        if !governed {
            cues.push(Cue { span, stance: modifier.take().unwrap_or(stance), shape: m.value.shape });
        }
    }
    cues
}

/// Whether a verb follows at `offset` rather than a noun phrase: "to free", not "to a pause" or "to the plan".
fn gives_an_action(text: &str, offset: usize) -> bool {
    let next = slice::after(text, offset).split_whitespace().next().unwrap_or("").to_lowercase();
    let noun_phrase_start = ARTICLES.contains(&next.as_str())
        || matches!(
            next.as_str(),
            "its" | "their" | "his" | "her" | "this" | "that" | "these" | "those" | "any" | "all"
        )
        || next.starts_with(|c: char| c.is_ascii_digit())
        || slice::after(text, offset).trim_start().starts_with(char::is_uppercase);
    !next.is_empty() && !noun_phrase_start
}

/// A past participle right after a common noun modifies it: "a declaration of principles signed last month".
/// After a name ("Iran rejected"), an auxiliary ("has rejected") or an adverb ("firmly rejected") it is a verb.
fn reduced_relative(analysis: &Analysis<'_>, s: usize, cue: Span, before: &str) -> bool {
    let text = &analysis.doc.text;
    let word = cue.slice(text);
    // A subject named within a few words ("Netanyahu has so far rejected") makes it a verb.
    let after_mention = analysis.mentions[s].iter().any(|m| {
        m.span.end <= cue.start
            && slice::between(text, m.span.end, cue.start).split_whitespace().count() <= SUBJECT_REACH
    });
    word.ends_with("ed")
        && !after_mention
        && before.chars().all(|c| c.is_lowercase())
        && !before.is_empty()
        && !before.ends_with("ly")
        && !VERB_COMPANIONS.contains(&before)
}

/// A sentence whose subject is a proposal ("The plan, presented by the US envoy, would halt strikes ...",
/// "Under the proposal, ...") sets out its terms: that is for the proposals stage, not a side's position.
fn describes_a_proposal(analysis: &Analysis<'_>, s: usize) -> bool {
    let sentence = analysis.doc.sentences[s];
    let lower = analysis.doc.sentence_text(s).to_lowercase();
    let opening = lower.strip_prefix("under ").unwrap_or(&lower);
    let Some(rest) = ["the ", "this ", "that ", "a "].iter().find_map(|d| opening.strip_prefix(d)) else {
        return false;
    };
    let offset = sentence.start + (lower.len() - rest.len());
    analysis.proposal_nouns(s).first().is_some_and(|noun| noun.start == offset)
}

/// A cue in a relative clause after a proposal noun describes the proposal: "a proposal that includes the
/// release of all captives in exchange for ...", "the plan, which called for ...".
fn describes_proposal(analysis: &Analysis<'_>, s: usize, holder: Span, cue: &Cue) -> bool {
    let text = &analysis.doc.text;
    analysis.proposal_nouns(s).iter().any(|noun| {
        let between = slice::between(text, noun.end, cue.span.start.max(noun.end)).to_lowercase();
        noun.start >= holder.start
            && noun.end <= cue.span.start
            && between.split(|c: char| !c.is_alphabetic()).any(|w| RELATIVES.contains(&w))
    })
}

/// A cue whose object is a particular proposal ("rejection of the latest US proposal") answers it: that is
/// a response, left to the proposals stage. "Willing to reach a deal" names no particular proposal.
fn answers_proposal(analysis: &Analysis<'_>, s: usize, right: Span) -> bool {
    let text = &analysis.doc.text;
    let tokens = &analysis.doc.tokens[s];
    let first = token_at(tokens, right.start);
    let reach = tokens.get(first + OBJECT_REACH).map_or(right.end, |t| t.span.start).min(right.end);
    analysis.proposal_nouns(s).iter().filter(|noun| noun.start >= right.start && noun.end <= reach).any(|noun| {
        let at = token_at(tokens, noun.start);
        let determined = tokens[first..at].iter().any(|t| {
            let word = t.text(text);
            DEFINITES.contains(&word.to_lowercase().as_str())
                || analysis.mentions[s].iter().any(|m| m.span.contains(t.span))
        });
        // "rejected Boeing's offer of a 25 percent raise" still states a position on pay.
        let phrase_end =
            slice::between(text, noun.end, right.end).find([',', ';', '.']).map_or(right.end, |i| noun.end + i);
        determined && issues_in(analysis, Span::new(right.start, phrase_end)).is_empty()
    })
}

/// The words (not punctuation) of `span`.
fn words(doc: &accord_text::Doc, span: Span) -> usize {
    doc.tokens[doc.sentence_at(span.start).unwrap_or(0)]
        .iter()
        .filter(|t| t.kind != accord_text::TokenKind::Punct && span.contains(t.span))
        .count()
}

/// The evidence for a cue in a long sentence: its clause, carried on to the end of the sentence while
/// that stays within [`LONG_SENTENCE`] words.
fn cited_clause(doc: &accord_text::Doc, s: usize, clause: Span) -> Span {
    let sentence = doc.sentences[s];
    let tail: Vec<_> = doc.tokens[s]
        .iter()
        .filter(|t| t.span.start >= clause.start && t.kind != accord_text::TokenKind::Punct)
        .take(LONG_SENTENCE)
        .collect();
    let end = if tail.len() < LONG_SENTENCE { sentence.end } else { tail.last().map_or(clause.end, |t| t.span.end) };
    Span::new(clause.start, end.max(clause.end))
}

pub(crate) fn position(
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
    let clause = Span::new(scope.start.min(cue.span.start), scope.end.max(cue.span.end));
    let span = if words(doc, sentence) > LONG_SENTENCE { cited_clause(doc, s, clause) } else { sentence };
    let voice = &analysis.voices[s];
    Position {
        party: analysis.actor_name(holder).to_string(),
        issue,
        stance: cue.stance,
        detail: detail(&doc.text, sentence, cue.span, scope),
        quantity: quantity.as_ref().map(|q| q.value),
        unit: quantity.as_ref().map(|q| q.unit.clone()),
        evidence: span.slice(&doc.text).to_string(),
        span,
        speaker: voice.speaker.clone(),
        attribution: voice.attribution,
        modality: voice.modality,
        quantity_detail: quantity,
        stated: find_dates(&doc.text, sentence, doc.published).first().map(|d| d.date),
        phase: phase_named(analysis, clause),
        condition: condition_after(analysis, s, cue),
    }
}

/// The phase a clause names: "in the first phase", "the second stage", "phase two".
fn phase_named(analysis: &Analysis<'_>, clause: Span) -> Option<u8> {
    let lower = clause.slice(&analysis.doc.text).to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.windows(2).find_map(|pair| match pair {
        [ordinal, "phase" | "stage"] => ordinal_value(ordinal),
        ["phase" | "stage", number] => ordinal_value(number),
        _ => None,
    })
}

fn ordinal_value(word: &str) -> Option<u8> {
    ORDINALS.iter().find(|(names, _)| names.contains(&word)).map(|(_, value)| *value)
}

/// Words opening the condition a position is held on (time words such as "once" only tell when).
const CONDITION_WORDS: &[&str] = &["if", "unless", "provided", "providing"];
/// Words for the first phases of a deal.
const ORDINALS: &[(&[&str], u8)] = &[
    (&["first", "initial", "one", "1", "1st"], 1),
    (&["second", "two", "2", "2nd"], 2),
    (&["third", "three", "3", "3rd"], 3),
    (&["fourth", "four", "4", "4th"], 4),
];

/// The condition a later cue of the sentence attaches ("..., provided Kyiv does the same"), up to the end of
/// its clause.
fn condition_after(analysis: &Analysis<'_>, s: usize, cue: &Cue) -> Option<String> {
    let text = &analysis.doc.text;
    let sentence = analysis.doc.sentences[s];
    let rest = Span::new(cue.span.end, sentence.end);
    let phrase = analysis
        .lexicon
        .cues
        .stances
        .find_iter(rest.slice(text))
        .find(|m| m.value.stance == Stance::Condition && m.value.shape == CueShape::Phrase)
        .map(|m| m.start);
    let word = analysis.doc.tokens[s]
        .iter()
        .filter(|t| t.span.start >= rest.start)
        .find(|t| CONDITION_WORDS.contains(&t.text(text).to_lowercase().as_str()))
        .map(|t| t.span.start - rest.start);
    let start = rest.start + phrase.into_iter().chain(word).min()?;
    let end = slice::between(text, start, sentence.end).find([';', '.']).map_or(sentence.end, |i| start + i);
    Some(clip(slice::between(text, start, end), 160))
}

#[cfg(test)]
mod tests {
    use crate::testing::{extract, positions};

    #[test]
    fn the_holder_is_the_side_not_the_speaker() {
        let doc = extract("Ukrainian officials say Russia rejects any ceasefire before talks on territory.");
        assert_eq!(positions(&doc)[0], "Russia|ceasefire|reject");
    }

    #[test]
    fn every_listed_issue_gets_its_own_position_with_the_same_evidence() {
        let doc = extract(
            "The Kremlin set out its main conditions: a lasting ceasefire, sanctions relief and the return of prisoners.",
        );
        let found = positions(&doc);
        for expected in
            ["Russia|ceasefire|condition", "Russia|sanctions_economic|condition", "Russia|hostages_prisoners|condition"]
        {
            assert!(found.contains(&expected.to_string()), "{found:?}");
        }
        assert!(doc.positions.iter().all(|p| p.evidence == doc.text));
    }

    #[test]
    fn a_precondition_is_about_what_comes_before_it() {
        let doc =
            extract("A senior M23 official said a withdrawal of government troops is a precondition for any talks.");
        assert_eq!(positions(&doc), vec!["M23|withdrawal|condition"]);
    }

    #[test]
    fn these_conditions_point_back_to_the_other_sides_issues() {
        let doc = extract(
            "The RSF demands the release of 40 detainees and written guarantees from Riyadh.\n\
             The Sudanese army rejects these conditions.",
        );
        let found = positions(&doc);
        assert!(found.contains(&"Sudanese Armed Forces|hostages_prisoners|reject".to_string()), "{found:?}");
        assert!(found.contains(&"Sudanese Armed Forces|guarantees|reject".to_string()), "{found:?}");
    }

    #[test]
    fn a_quotation_belongs_to_its_speaker() {
        let doc =
            extract("“We will never accept the loss of our territory,” said Armenian Prime Minister Nikol Pashinyan.");
        assert_eq!(doc.positions[0].party, "Armenia");
    }

    #[test]
    fn numbers_units_and_the_rejected_alternative_are_kept() {
        let doc = extract("Hamas is demanding the release of 30 prisoners over 40 days rather than two weeks.");
        let position = doc.positions.iter().find(|p| p.quantity.is_some()).expect("a position with a number");
        assert_eq!((position.quantity, position.unit.as_deref()), (Some(30.0), Some("prisoners")));
        let detail = position.quantity_detail.as_ref().unwrap();
        assert_eq!(detail.rather_than, Some(14.0));
    }

    #[test]
    fn a_cue_inside_an_if_clause_is_the_condition_not_a_position() {
        let doc = extract("Boeing said it would raise its wage offer if the union agreed to drop the pension demand.");
        assert!(
            positions(&doc).iter().all(|p| !p.starts_with("International Association of Machinists")),
            "{:?}",
            positions(&doc)
        );
    }

    #[test]
    fn rejecting_a_named_plan_is_a_response_not_a_position() {
        let doc = extract("Iran rejected the latest US proposal, known as the Muscat Plan.");
        assert!(doc.positions.is_empty(), "{:?}", positions(&doc));
        let proposal = doc.proposals.first().expect("the plan is found");
        assert_eq!(proposal.by.as_deref(), Some("United States"));
        assert_eq!(proposal.responses[0].party, "Iran");
    }

    #[test]
    fn agreeing_to_an_action_offers_it_and_a_conditioned_acceptance_is_a_condition() {
        let doc = extract("Venezuela has agreed to free five political prisoners.");
        assert_eq!(positions(&doc), vec!["Venezuela|hostages_prisoners|offer"]);
        let doc = extract("Thailand will agree to a ceasefire only if Cambodia halts artillery fire.");
        assert!(positions(&doc).contains(&"Thailand|ceasefire|condition".to_string()), "{:?}", positions(&doc));
    }

    #[test]
    fn a_refusal_until_something_happens_is_a_condition_on_it() {
        let doc = extract("Azerbaijan will not sign the peace treaty until Armenia changes its constitution.");
        assert_eq!(positions(&doc), vec!["Azerbaijan|political_status_recognition|condition"]);
    }

    #[test]
    fn a_position_keeps_its_phase_and_its_condition() {
        let doc =
            extract("Hamas demands the release of 20 prisoners in the first phase, provided Israel halts its strikes.");
        let position = doc.positions.iter().find(|p| p.stance.id() == "demand").expect("the demand");
        assert_eq!(position.phase, Some(1));
        assert_eq!(position.condition.as_deref(), Some("provided Israel halts its strikes"));
    }

    #[test]
    fn the_two_sides_hold_a_position_together() {
        let doc = extract("India and Pakistan traded accusations. The two countries agreed to stop all firing.");
        let found = positions(&doc);
        assert!(found.contains(&"India|ceasefire|offer".to_string()), "{found:?}");
        assert!(found.contains(&"Pakistan|ceasefire|offer".to_string()), "{found:?}");
    }

    #[test]
    fn evidence_is_always_a_slice_of_the_text() {
        let doc = extract("Kyiv offered a 30-day truce. Moscow said it could agree to two weeks, rather than a month.");
        for position in &doc.positions {
            assert_eq!(position.span.slice(&doc.text), position.evidence);
        }
        assert!(!doc.positions.is_empty());
    }
}
