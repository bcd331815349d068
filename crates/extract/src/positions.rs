//! Positions: each stance cue in a sentence, with the side that holds it, the issues in its scope, its
//! numbers, and the sentence as verbatim evidence.
//!
//! A cue's scope runs to the next cue; a copular cue ("... are a precondition") and a cue closing its
//! clause ("a request that Moscow rejected") look back instead. The holder is the nearest acting mention
//! before the cue on the same side of any quotation, the speaker inside a quotation, or the holder of a
//! coordinated cue before it ("rejects ... and insists on ..."). Cues that describe a proposal's content or
//! answer a proposal are left to the proposals stage.

use accord_lexicon::{ActorId, CueShape};
use accord_model::{Attribution, Issue, Position, Quantity, Span, Stance};
use accord_text::find_dates;

use crate::analysis::{Analysis, Finding, Mention};
use crate::issues::{issues_in, last_issue_in};
use crate::words::{NEGATIONS, clip, inside_conditional, inside_quote, lower_words, token_at};

/// Sentences longer than this many words cite the cue's clause instead of the whole sentence.
const LONG_SENTENCE: usize = 60;
const PRONOUNS: &[&str] = &["it", "they", "he", "she", "we"];
/// Noun phrases pointing back to the other side's demands: "rejects these conditions".
const ANAPHORS: &[&str] = &[
    "these conditions",
    "those conditions",
    "such conditions",
    "these demands",
    "those demands",
    "these terms",
    "that demand",
    "this demand",
    "the demand",
    "that condition",
    "this condition",
    "that linkage",
    "any such",
    "such a clause",
    "this clause",
    "that clause",
    "its conditions",
    "their conditions",
    "’s conditions",
    "'s conditions",
    "’s demands",
    "'s demands",
];
const ALTERNATIVES: &[&str] = &["rather than", "instead of"];
/// How many sentences back a bare number may find the issue last numbered in its unit.
const NUMBER_MEMORY: usize = 3;
/// How many words after a cue its object may start: "rejection of the latest US proposal".
const OBJECT_REACH: usize = 5;
/// Words that make a proposal noun point at one particular proposal.
const DEFINITES: &[&str] = &["the", "this", "that", "its", "their", "his", "her"];
const ARTICLES: &[&str] = &["a", "an", "the"];
/// How many words may separate a named subject from its verb cue: "Netanyahu has so far rejected".
const SUBJECT_REACH: usize = 3;
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
/// Cues of obligation whose grammatical subject is who is asked, not who asks: "Lavrov said Ukraine must
/// withdraw" is Russia's demand.
const OBLIGATIONS: &[&str] = &["must", "needs to", "has to", "have to"];
/// Words that open a relative clause whose actor is not the subject of the main clause.
const RELATIVE_OPENERS: &[&str] = &["where", "which", "who", "whom", "whose"];
/// Words that start a new clause, ending a cue's scope: "agrees to a pause as prisoner talks move ...".
const SUBORDINATORS: &[&str] =
    &["while", "whereas", "because", "although", "though", "as", "amid", "before", "after", "when"];
/// Words that, after a comma, open a relative clause about the noun before it: ", which would open ...".
const RELATIVE_AFTER_COMMA: &[&str] = &["which", "who", "whose"];
/// How many words may stand between a clause-opening comma and "said": ", a senior official said".
const ATTRIBUTION_REACH: usize = 7;
/// Words that open a clause describing the noun before them.
const RELATIVES: &[&str] = &["that", "which", "whereby"];

/// A stance cue placed in a sentence.
#[derive(Debug, Clone, Copy)]
struct Cue {
    span: Span,
    stance: Stance,
    shape: CueShape,
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
            // "will agree to a ceasefire only if ...": an acceptance with a condition is a condition.
            let conditioned = cues.get(k + 1).is_some_and(|next| {
                next.stance == Stance::Condition
                    && !analysis.doc.text[cue.span.end..next.span.start].contains([',', ';'])
            });
            let cue = &if cue.stance == Stance::Accept && conditioned {
                Cue { stance: Stance::Condition, ..*cue }
            } else {
                *cue
            };
            let Some(holder) = holder_of(analysis, s, cue, previous_holder) else { continue };
            previous_holder = Some(holder.actor);
            if describes_proposal(analysis, s, holder.span, cue) || answers_proposal(analysis, s, right) {
                continue;
            }
            // A cue closing its clause takes its object from before it: "..., a request that Moscow rejected".
            let left = Span::new(sentence.start, holder.span.start.min(cue.span.start));
            let (scope, issues) = if cue.shape == CueShape::Copula {
                let scope = Span::new(clause_start, cue.span.start);
                (scope, issues_for(analysis, s, holder.actor, scope))
            } else {
                match issues_for(analysis, s, holder.actor, right) {
                    found if found.is_empty() && closes_clause(analysis, right) => {
                        // Only the nearest item before the cue is its object.
                        let text = &analysis.doc.text;
                        let before = last_issue_in(analysis, left).map(|hit| Choice {
                            issue: hit.issue,
                            term: hit.span.slice(text).to_lowercase(),
                            quantity: None,
                        });
                        (left, before.into_iter().collect())
                    }
                    found => (right, found),
                }
            };
            // "would not fund reconstruction until Hamas is disarmed": the refusal holds until a condition is met,
            // and the condition is what the side asks for.
            let (cue, scope, issues) = match refusal_until(analysis, cue, scope) {
                Some(condition) => {
                    let asked = issues_for(analysis, s, holder.actor, condition);
                    let issues = if asked.is_empty() { issues } else { asked };
                    (&Cue { stance: Stance::Condition, ..*cue }, scope, issues)
                }
                None => (cue, scope, issues),
            };
            let quantity = quantity_in(analysis, s, scope);
            let implied = quantity
                .as_ref()
                .and_then(|(q, issue)| issue.map(|issue| Choice { issue, term: q.unit.clone(), quantity: None }));
            for choice in with_unit_issue(issues, implied) {
                let number = choice.quantity.or_else(|| quantity.clone().map(|q| q.0));
                for actor in std::iter::once(holder.actor).chain(holder.with) {
                    let position = position(analysis, s, actor, cue, choice.issue, scope, number.clone());
                    analysis.findings.push(Finding { holder: actor, sentence: s, term: choice.term.clone(), position });
                }
            }
        }
    }
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
        let before = text[sentence.start..span.start].trim_end().rsplit(' ').next().unwrap_or("").to_lowercase();
        // "US-endorsed", "the agreed exchange", "principles signed last month": a participle describing a
        // noun is not a stance.
        let describes_noun = m.value.shape == CueShape::Verb
            && (ARTICLES.contains(&before.as_str()) || reduced_relative(analysis, s, span, &before));
        if text[..span.start].ends_with('-') || describes_noun {
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
        if inside_conditional(&text[sentence.start..span.start]) {
            continue;
        }
        let governed = cues.last().is_some_and(|prev| {
            m.value.shape == CueShape::Noun && !text[prev.span.end..span.start].contains([',', ';', '—'])
        });
        if !governed {
            cues.push(Cue { span, stance: modifier.take().unwrap_or(stance), shape: m.value.shape });
        }
    }
    cues
}

/// Whether a verb follows at `offset` rather than a noun phrase: "to free", not "to a pause" or "to the plan".
fn gives_an_action(text: &str, offset: usize) -> bool {
    let next = text[offset..].split_whitespace().next().unwrap_or("").to_lowercase();
    let noun_phrase_start = ARTICLES.contains(&next.as_str())
        || matches!(
            next.as_str(),
            "its" | "their" | "his" | "her" | "this" | "that" | "these" | "those" | "any" | "all"
        )
        || next.starts_with(|c: char| c.is_ascii_digit())
        || text[offset..].trim_start().starts_with(char::is_uppercase);
    !next.is_empty() && !noun_phrase_start
}

/// A past participle right after a common noun modifies it: "a declaration of principles signed last month".
/// After a name ("Iran rejected"), an auxiliary ("has rejected") or an adverb ("firmly rejected") it is a verb.
fn reduced_relative(analysis: &Analysis<'_>, s: usize, cue: Span, before: &str) -> bool {
    let text = &analysis.doc.text;
    let word = cue.slice(text);
    // A subject named within a few words ("Netanyahu has so far rejected") makes it a verb.
    let after_mention = analysis.mentions[s]
        .iter()
        .any(|m| m.span.end <= cue.start && text[m.span.end..cue.start].split_whitespace().count() <= SUBJECT_REACH);
    word.ends_with("ed")
        && !after_mention
        && before.chars().all(|c| c.is_lowercase())
        && !before.is_empty()
        && !before.ends_with("ly")
        && !VERB_COMPANIONS.contains(&before)
}

/// The side holding a cue and where it is named (an empty span at the cue when it is not named).
#[derive(Debug, Clone, Copy)]
struct Holder {
    actor: ActorId,
    span: Span,
    /// A second subject joined by "and": "Sudan's army and the RSF signed".
    with: Option<ActorId>,
}

/// Whose position a cue states.
fn holder_of(analysis: &Analysis<'_>, s: usize, cue: &Cue, coordinated: Option<ActorId>) -> Option<Holder> {
    let doc = analysis.doc;
    let sentence = doc.sentences[s];
    let sentence_text = sentence.slice(&doc.text);
    let voice = &analysis.voices[s];
    let quoted = |at: usize| inside_quote(sentence_text, sentence.start, at);
    let cue_quoted = quoted(cue.span.start);
    let unnamed = |actor| Some(Holder { actor, span: Span::new(cue.span.start, cue.span.start), with: None });
    // ", dropping its demand", ", insisting on ...": a participle after a comma shares the main subject.
    let participle = doc.text[..cue.span.start].trim_end().ends_with(',') && cue.span.slice(&doc.text).ends_with("ing");
    // "offered ..., but rejected ...": a verb joined to the one before it shares its subject.
    let joined_verb = {
        let head = doc.text[sentence.start..cue.span.start].trim_end().to_lowercase();
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
                    &doc.text[sentence.start..m.span.start],
                    &doc.text[m.span.end..cue.span.start],
                )
                && !names_a_proposal(analysis, s, m.span, cue.span.start)
                && !inside_attribution(analysis, s, m.span, cue.span.start)
        })
        .collect();
    let nearest = subject_before_aside(&doc.text, &candidates, cue.span.start).or(candidates.last().copied());
    if OBLIGATIONS.contains(&cue.span.slice(&doc.text).to_lowercase().as_str()) {
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
                    let between = doc.text[m.span.end..mention.span.start].trim().to_lowercase();
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

/// For a refusal ("will not sign", "would not fund") whose scope goes on "until ..." or "unless ...": the part
/// of the scope that states the condition.
fn refusal_until(analysis: &Analysis<'_>, cue: &Cue, scope: Span) -> Option<Span> {
    if cue.stance != Stance::Reject {
        return None;
    }
    let lower = scope.slice(&analysis.doc.text).to_lowercase();
    ["until ", "unless "]
        .iter()
        .filter_map(|w| lower.find(&format!(" {w}")).map(|i| i + 1 + w.len()))
        .min()
        .map(|at| Span::new(scope.start + at, scope.end))
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

/// In "Ethiopia, landlocked since Eritrea's independence, has offered ...", the subject is the actor before the
/// aside between commas, not the one inside it.
fn subject_before_aside<'m>(text: &str, candidates: &[&'m Mention], cue_start: usize) -> Option<&'m Mention> {
    let last = candidates.last()?;
    let closing = text[last.span.end..cue_start].rfind(',')? + last.span.end;
    candidates.iter().rev().skip(1).find_map(|earlier| {
        let opening = text[earlier.span.end..last.span.start].trim_start();
        let aside = opening.starts_with(',') && !text[earlier.span.end..closing].contains(';');
        let only_aside_after = text[closing + 1..cue_start].split_whitespace().count() <= SUBJECT_REACH;
        (aside && only_aside_after).then_some(*earlier)
    })
}

/// Whether a mention sits in an attribution set off by commas: "..., officials on both sides said, and ...".
fn inside_attribution(analysis: &Analysis<'_>, s: usize, mention: Span, cue_start: usize) -> bool {
    let text = &analysis.doc.text;
    let sentence = analysis.doc.sentences[s];
    let Some(open) = text[sentence.start..mention.start].rfind(',').map(|i| sentence.start + i) else { return false };
    let Some(close) = text[mention.end..cue_start].find(',').map(|i| mention.end + i) else { return false };
    let clause = &text[open..close];
    analysis.lexicon.cues.speech.find_iter(clause).any(|m| matches!(m.value, accord_lexicon::SpeechKind::Say))
}

/// Whether a mention only says whose proposal follows it ("the US paper", "the American draft"): the actor
/// modifies the noun and is not the subject of the cue.
fn names_a_proposal(analysis: &Analysis<'_>, s: usize, mention: Span, cue_start: usize) -> bool {
    let text = &analysis.doc.text;
    analysis.proposal_nouns(s).iter().any(|noun| {
        noun.start >= mention.end && noun.end <= cue_start && {
            let between = &text[mention.end..noun.start];
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

/// A cue in a relative clause after a proposal noun describes the proposal: "a proposal that includes the
/// release of all captives in exchange for ...", "the plan, which called for ...".
fn describes_proposal(analysis: &Analysis<'_>, s: usize, holder: Span, cue: &Cue) -> bool {
    let text = &analysis.doc.text;
    analysis.proposal_nouns(s).iter().any(|noun| {
        let between = text[noun.end..cue.span.start.max(noun.end)].to_lowercase();
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
        let phrase_end = text[noun.end..right.end].find([',', ';', '.']).map_or(right.end, |i| noun.end + i);
        determined && issues_in(analysis, Span::new(right.start, phrase_end)).is_empty()
    })
}

/// `scope` cut at the first subordinating word, where a new clause begins, and before a trailing
/// attribution (", a member of the army delegation said.").
fn clause_end(analysis: &Analysis<'_>, s: usize, scope: Span) -> Span {
    let text = &analysis.doc.text;
    let sentence = analysis.doc.sentences[s];
    let attribution = analysis
        .lexicon
        .cues
        .speech
        .find_iter(scope.slice(text))
        .filter(|m| matches!(m.value, accord_lexicon::SpeechKind::Say))
        .map(|m| scope.start + m.start)
        .filter_map(|at| text[scope.start..at].rfind(',').map(|comma| (scope.start + comma, at)))
        .find(|(comma, at)| {
            let between = &text[*comma..*at];
            let ends_sentence = text[*at..sentence.end].split_whitespace().count() <= 4;
            let words = between.trim_start_matches(',').split_whitespace().count();
            // ", saying ..." has no speaker of its own: it is content, not an attribution.
            words >= 1 && (ends_sentence || words <= ATTRIBUTION_REACH) && !between.contains(['“', '"'])
        })
        .map(|(comma, _)| comma);
    let relative = RELATIVE_AFTER_COMMA
        .iter()
        .filter_map(|w| scope.slice(text).find(&format!(", {w} ")).map(|i| scope.start + i))
        .min();
    let end = [attribution, relative].into_iter().flatten().min().unwrap_or(scope.end);
    let scope = Span::new(scope.start, end.max(scope.start));
    let cut = analysis.doc.tokens[s]
        .iter()
        .filter(|t| scope.start < t.span.start && t.span.end <= scope.end)
        .find(|t| {
            let word = t.text(text).to_lowercase();
            SUBORDINATORS.contains(&word.as_str())
                && !preceded_by(text, t.span.start, &["such", "as well", "so long", "as long", "as soon"])
                && !followed_by(text, t.span.end, &["well as", "long as", "soon as", "part of", "a "])
        })
        .map_or(scope.end, |t| t.span.start);
    Span::new(scope.start, cut)
}

fn preceded_by(text: &str, at: usize, words: &[&str]) -> bool {
    let before = text[..at].trim_end().to_lowercase();
    words.iter().any(|w| before.ends_with(w))
}

fn followed_by(text: &str, at: usize, words: &[&str]) -> bool {
    let after = text[at..].trim_start().to_lowercase();
    words.iter().any(|w| after.starts_with(w))
}

/// Whether the text after a cue ends its clause at once: "..., a request that Moscow firmly rejected."
fn closes_clause(analysis: &Analysis<'_>, right: Span) -> bool {
    let rest = right.slice(&analysis.doc.text).trim_start();
    rest.is_empty() || rest.starts_with([',', '.', ';', '—', '”', '"'])
}

/// The issues a scope names, or those of the other side's positions in the latest earlier sentence when
/// the scope points back to them ("rejects these conditions").
fn issues_for(analysis: &Analysis<'_>, s: usize, holder: ActorId, scope: Span) -> Vec<Choice> {
    let text = &analysis.doc.text;
    let found: Vec<Choice> = issues_in(analysis, scope)
        .into_iter()
        .map(|hit| Choice { issue: hit.issue, term: hit.span.slice(text).to_lowercase(), quantity: None })
        .collect();
    if !found.is_empty() {
        return found;
    }
    let lower = scope.slice(&analysis.doc.text).to_lowercase();
    if !ANAPHORS.iter().any(|a| lower.contains(a)) {
        return same_number_issue(analysis, s, scope).into_iter().collect();
    }
    let earlier = other_sides_last(analysis, s, holder);
    if earlier.is_empty() { vec![Choice { issue: Issue::Other, term: String::new(), quantity: None }] } else { earlier }
}

/// The issues, with their numbers, of the other side's positions in the latest of the two sentences before `s`.
fn other_sides_last(analysis: &Analysis<'_>, s: usize, holder: ActorId) -> Vec<Choice> {
    let others = || analysis.findings.iter().filter(|f| f.holder != holder && f.sentence < s && f.sentence + 2 >= s);
    let Some(latest) = others().map(|f| f.sentence).max() else { return Vec::new() };
    let mut earlier: Vec<Choice> = Vec::new();
    for f in others().filter(|f| f.sentence == latest) {
        if !earlier.iter().any(|c| c.issue == f.position.issue) {
            let quantity = f.position.quantity_detail.clone();
            earlier.push(Choice { issue: f.position.issue, term: f.term.clone(), quantity });
        }
    }
    earlier
}

/// A bare number continues the issue last numbered in that unit: after "the union is seeking a 36 percent
/// raise", "the company has offered 21 percent" is about pay too.
fn same_number_issue(analysis: &Analysis<'_>, s: usize, scope: Span) -> Option<Choice> {
    let unit = analysis.doc.quantities[s]
        .iter()
        .find(|q| q.unit.is_some() && scope.start <= q.span.start && q.span.end <= scope.end)?
        .unit
        .clone()?;
    let earlier = analysis.findings.iter().rev().take_while(|f| f.sentence + NUMBER_MEMORY >= s);
    earlier
        .filter(|f| f.sentence <= s && f.position.unit.as_deref() == Some(unit.as_str()))
        .filter(|f| f.position.issue != Issue::TalksProcess)
        .map(|f| Choice { issue: f.position.issue, term: f.term.clone(), quantity: None })
        .next()
}

/// An issue a cue is read as being about, with the number it carries over when it points back to
/// another side's position ("rejects these conditions": the 20 prisoners demanded).
#[derive(Debug, Clone)]
struct Choice {
    issue: Issue,
    term: String,
    quantity: Option<Quantity>,
}

/// A unit that implies an issue ("ten names" of prisoners) puts that issue first, in place of the talks
/// themselves ("limited its negotiations to only ten names").
fn with_unit_issue(mut issues: Vec<Choice>, implied: Option<Choice>) -> Vec<Choice> {
    if let Some(implied) = implied.filter(|_| !issues.is_empty()) {
        issues.retain(|c| c.issue != Issue::TalksProcess && c.issue != implied.issue);
        issues.insert(0, implied);
    }
    issues
}

/// The first number with a unit in `scope`, with the alternative it is preferred to ("rather than one
/// week"), and the issue its unit implies.
fn quantity_in(analysis: &Analysis<'_>, s: usize, scope: Span) -> Option<(Quantity, Option<Issue>)> {
    let text = &analysis.doc.text;
    let lower = scope.slice(text).to_lowercase();
    let alternative_at = ALTERNATIVES.iter().filter_map(|a| lower.find(a).map(|i| scope.start + i)).min();
    let in_scope: Vec<_> = analysis.doc.quantities[s]
        .iter()
        .filter(|q| q.unit.is_some() && scope.start <= q.span.start && q.span.end <= scope.end)
        .collect();
    let rather_than = alternative_at.and_then(|a| in_scope.iter().find(|q| q.span.start > a)).map(|q| q.value);
    let chosen: Vec<_> = in_scope.iter().filter(|q| alternative_at.is_none_or(|a| q.span.start < a)).collect();
    let first = chosen.first()?;
    // A spoken list of one unit ("one week, two weeks, three weeks") is read as its largest value; a
    // number elsewhere in the clause ("the five-week war") is not part of it.
    let mut largest = first.value;
    for pair in chosen.windows(2) {
        let gap = text[pair[0].span.end..pair[1].span.start].trim().trim_matches(',').trim();
        if pair[1].unit != first.unit || !matches!(gap, "" | "or" | "and" | "to") {
            break;
        }
        largest = largest.max(pair[1].value);
    }
    let quantity =
        Quantity { value: largest, min: first.min, unit: first.unit.clone().unwrap_or_default(), rather_than };
    Some((quantity, first.issue))
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
    let clause = Span::new(scope.start.min(cue.span.start), scope.end.max(cue.span.end));
    let span = if words(doc, sentence) > LONG_SENTENCE { cited_clause(doc, s, clause) } else { sentence };
    let voice = &analysis.voices[s];
    Position {
        party: analysis.actor_name(holder).to_string(),
        issue,
        stance: cue.stance,
        detail: clip(clause.slice(&doc.text), 160),
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
