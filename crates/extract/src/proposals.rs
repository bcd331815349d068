//! Proposals on the table: named ones ("the Witkoff Plan"), ones named by their author ("the US proposal",
//! "a plan announced by President Biden", "drafted by Egypt and Qatar"), their terms and who answered how.

use accord_lexicon::ActorId;
use accord_model::{Proposal, ProposalResponse, Response, Span, Term};

use crate::analysis::{Analysis, ProposalFinding};
use crate::issues::issues_in;
use crate::words::{clip, is_capitalized, token_at};

/// Sentence openings that continue describing the proposal just named: "The plan also calls for ...".
const CONTINUATIONS: &[&str] = &["the plan", "the proposal", "the initiative", "the framework", "the deal", "it also", "the draft"];
/// How many words may stand between an author and the proposal noun: "the latest US-backed peace plan".
const AUTHOR_REACH: usize = 5;

pub fn find(analysis: &mut Analysis<'_>) {
    let doc = analysis.doc;
    let text = &doc.text;
    for s in 0..doc.sentences.len() {
        for noun in analysis.proposal_nouns(s) {
            let Some((name, authors)) = name_and_authors(analysis, s, noun) else { continue };
            let responses = responses_in(analysis, s, &authors);
            let terms = terms_of(analysis, s, noun);
            merge(analysis, ProposalFinding {
                authors: authors.clone(),
                sentence: s,
                proposal: Proposal {
                    name: name.slice(text).trim_matches(['“', '”', '"']).to_string(),
                    by: Some(authors.iter().map(|a| analysis.actor_name(*a)).collect::<Vec<_>>().join(" and ")),
                    terms,
                    responses,
                    span: name,
                },
            });
        }
    }
}

/// The proposal's name and authors: a capitalised name ("Witkoff Plan"), an author before the noun
/// ("US proposal"), or an author after "by".
fn name_and_authors(analysis: &Analysis<'_>, s: usize, noun: Span) -> Option<(Span, Vec<ActorId>)> {
    let doc = analysis.doc;
    let text = &doc.text;
    let tokens = &doc.tokens[s];
    let mentions = &analysis.mentions[s];
    let at = token_at(tokens, noun.start);
    if is_capitalized(noun.slice(text)) && at > 0 && is_capitalized(tokens[at - 1].text(text)) {
        let mut first = at - 1;
        while first > 0 && is_capitalized(tokens[first - 1].text(text)) {
            first -= 1;
        }
        let name = Span::new(tokens[first].span.start, noun.end);
        let authors: Vec<ActorId> = mentions.iter().filter(|m| name.contains(m.span)).map(|m| m.actor).collect();
        if !authors.is_empty() {
            return Some((name, dedup(authors)));
        }
    }
    let before = mentions.iter().filter(|m| !m.locative && m.span.end <= noun.start).last().filter(|m| {
        let between = &tokens[token_at(tokens, m.span.end)..at];
        between.len() <= AUTHOR_REACH && between.iter().all(|t| !matches!(t.text(text), "," | ";" | ":" | "—" | "."))
    });
    if let Some(author) = before {
        return Some((Span::new(author.span.start, noun.end), vec![author.actor]));
    }
    let rest = &text[noun.end..doc.sentences[s].end];
    let by = rest.find(" by ").filter(|i| rest[..*i].split_whitespace().count() <= 3)?;
    let clause_end = rest[by..].find([',', ';', '.']).map_or(rest.len(), |i| by + i);
    let window = Span::new(noun.end + by, noun.end + clause_end);
    let authors: Vec<ActorId> = mentions.iter().filter(|m| window.contains(m.span)).map(|m| m.actor).collect();
    (!authors.is_empty()).then(|| (noun, dedup(authors)))
}

fn dedup(mut actors: Vec<ActorId>) -> Vec<ActorId> {
    let mut seen = Vec::new();
    actors.retain(|a| {
        let fresh = !seen.contains(a);
        seen.push(*a);
        fresh
    });
    actors
}

/// The issues the proposal's sentence names after it, and those of sentences that go on describing it.
fn terms_of(analysis: &Analysis<'_>, s: usize, noun: Span) -> Vec<Term> {
    let doc = analysis.doc;
    let mut scopes = vec![Span::new(noun.end, doc.sentences[s].end)];
    for next in s + 1..doc.sentences.len() {
        let lower = doc.sentence_text(next).to_lowercase();
        if !CONTINUATIONS.iter().any(|c| lower.starts_with(c)) {
            break;
        }
        scopes.push(doc.sentences[next]);
    }
    let mut terms: Vec<Term> = Vec::new();
    for scope in scopes {
        for hit in issues_in(analysis, scope) {
            if terms.iter().any(|t| t.issue == hit.issue) {
                continue;
            }
            let sentence = doc.sentence_at(hit.span.start).unwrap_or(s);
            let quantity = doc.quantities[sentence]
                .iter()
                .find(|q| q.unit.is_some() && q.span.start >= hit.span.start && q.span.start < hit.span.end + 60);
            let detail_end = (hit.span.end + 60).min(scope.end);
            let mut end = detail_end;
            while !doc.text.is_char_boundary(end) {
                end -= 1;
            }
            terms.push(Term {
                issue: hit.issue,
                detail: clip(&doc.text[hit.span.start..end], 80),
                quantity: quantity.map(|q| q.value),
                unit: quantity.and_then(|q| q.unit.clone()),
            });
        }
    }
    terms
}

/// Answers to the proposal in its own sentence: stance cues whose nearest actor is not an author.
fn responses_in(analysis: &Analysis<'_>, s: usize, authors: &[ActorId]) -> Vec<ProposalResponse> {
    let doc = analysis.doc;
    let sentence = doc.sentences[s];
    let mut responses = Vec::new();
    for cue in analysis.lexicon.cues.stances.find_iter(sentence.slice(&doc.text)) {
        let at = sentence.start + cue.start;
        let holder = analysis.mentions[s].iter().filter(|m| m.is_agent() && m.span.end <= at).last();
        if let Some(holder) = holder.filter(|h| !authors.contains(&h.actor)) {
            responses.push(ProposalResponse {
                party: analysis.actor_name(holder.actor).to_string(),
                response: Response::from(cue.value.stance),
                evidence: sentence.slice(&doc.text).to_string(),
                span: sentence,
            });
        }
    }
    responses
}

/// Adds a proposal, or folds it into one by the same authors already found in the document.
fn merge(analysis: &mut Analysis<'_>, found: ProposalFinding) {
    let text = &analysis.doc.text;
    match analysis.proposals.iter_mut().find(|p| p.authors == found.authors) {
        Some(existing) => {
            let named = is_capitalized(found.proposal.span.slice(text).trim_start_matches(['“', '"']))
                && found.proposal.name.split_whitespace().all(is_capitalized);
            if named {
                existing.proposal.name = found.proposal.name;
            }
            for term in found.proposal.terms {
                if !existing.proposal.terms.iter().any(|t| t.issue == term.issue) {
                    existing.proposal.terms.push(term);
                }
            }
            for response in found.proposal.responses {
                if !existing.proposal.responses.iter().any(|r| r.party == response.party && r.response == response.response) {
                    existing.proposal.responses.push(response);
                }
            }
        }
        None => analysis.proposals.push(found),
    }
}
