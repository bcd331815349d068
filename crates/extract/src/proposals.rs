//! Proposals on the table: named ones ("the Muscat Plan"), ones named by their author ("the US proposal",
//! "a plan announced by President Ruto", "drafted by Egypt and Qatar"), their terms and who answered how.

use accord_lexicon::ActorId;
use accord_model::{Issue, Proposal, ProposalResponse, Response, Span, Term, slice};

use crate::analysis::{Analysis, ProposalFinding};
use crate::issues::issues_in;
use crate::words::{clip, floor_boundary, is_capitalized, token_at};

/// Sentence openings that continue describing the proposal just named: "The plan also calls for ...".
const CONTINUATIONS: &[&str] =
    &["the plan", "the proposal", "the initiative", "the framework", "the deal", "it also", "the draft"];
/// How many words may stand between an author and the proposal noun: "the latest US-backed peace plan".
const AUTHOR_REACH: usize = 4;
/// Words that cannot stand inside "<author> ... <proposal>": the author would belong to another phrase.
const PHRASE_BREAKS: &[&str] = &[
    ",", ";", ":", "—", ".", "with", "a", "an", "the", "of", "to", "for", "in", "at", "by", "from", "that", "which",
    "had", "has", "have", "was", "were", "is", "are", "its", "their",
];
/// Auxiliaries between an author and its proposing verb: "mediators have tabled".
const AUXILIARIES: &[&str] = &["has", "have", "had", "was", "were", "is", "are", "also", "jointly"];
/// How many words of "for ..." complement a proposal's name may carry.
const COMPLEMENT_WORDS: usize = 8;
/// Words after which a complement stops: "a proposal for a truce that ...".
const SUBORDINATE_STARTS: &[&str] = &["that", "which", "while", "but", "and", "as", "after", "before", "amid"];
/// Verbs by which an author puts a proposal forward: "the Security Council voted on a proposal".
const PROPOSING: &[&[&str]] = &[
    &["voted", "on"],
    &["put", "forward"],
    &["proposed"],
    &["presented"],
    &["tabled"],
    &["unveiled"],
    &["floated"],
    &["drafted"],
    &["submitted"],
];
const ARTICLES: &[&str] = &["a", "an", "the", "its", "their", "his", "her", "new"];
/// Words after a proposal noun that introduce its content.
const TERM_OPENERS: &[&str] =
    &["that", "which", "includes", "including", "calls", "for", "to", "of", "under", "whereby", ":"];
/// Passive verbs crediting a number to the proposal after them.
const CREDITING: &[&str] = &["proposed by", "offered by", "suggested by", "set out in", "envisaged by"];
/// How many words may stand between a response cue and the proposal it answers.
const RESPONSE_REACH: usize = 6;
/// Prepositions that end a list of authors after "by".
const PREPOSITIONS: &[&str] = &["with", "in", "on", "at", "for", "from", "to", "amid", "after", "before", "under"];

pub fn find(analysis: &mut Analysis<'_>) {
    let doc = analysis.doc;
    for s in 0..doc.sentences.len() {
        for noun in analysis.proposal_nouns(s).to_vec() {
            let Some((name, authors)) = name_and_authors(analysis, s, noun) else { continue };
            let responses = responses_in(analysis, s, name, &authors);
            let mut terms = terms_of(analysis, s, noun);
            terms.extend(term_credited_to(analysis, s, name));
            let by = authors.iter().map(|a| analysis.actor_name(*a)).collect::<Vec<_>>().join(" and ");
            let title = title_of(analysis, s, name, noun, &by);
            merge(
                analysis,
                ProposalFinding {
                    authors: authors.clone(),
                    sentence: s,
                    proposal: Proposal { name: title, by: Some(by), terms, responses, span: name },
                },
            );
        }
    }
}

/// The proposal's name and authors: a capitalised name ("Muscat Plan"), an author before the noun
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
        // "the Black Sea Navigation Plan drafted by the United States": the name stands, the author follows.
        if let Some(authors) = authors_after_by(analysis, s, noun) {
            return Some((name, authors));
        }
        return authors_before(analysis, s, Span::new(tokens[first].span.start, noun.end)).map(|(_, a)| (name, a));
    }
    authors_before(analysis, s, noun)
        .or_else(|| authors_after_by(analysis, s, noun).map(|authors| (noun, authors)))
        .map(|(name, authors)| (with_complement(analysis, s, name), authors))
}

/// The proposal's name as a reader would give it: the name as written ("Witkoff Plan", "US plan for a
/// 30-day truce"), without a proposing verb ("Security Council proposal", not "Security Council voted on a
/// proposal"), and with its authors when the text gives only the noun ("Egypt and Qatar initiative").
fn title_of(analysis: &Analysis<'_>, s: usize, name: Span, noun: Span, by: &str) -> String {
    let text = &analysis.doc.text;
    let clean = |t: &str| t.trim_matches(['“', '”', '"']).trim().trim_end_matches([',', ';', ':']).to_string();
    if name == noun {
        return format!("{by} {}", clean(noun.slice(text)));
    }
    let author = analysis.mentions[s].iter().find(|m| name.contains(m.span) && m.span.end <= noun.start);
    let between = author.map(|a| slice::between(text, a.span.end, noun.start).to_lowercase()).unwrap_or_default();
    let verb = PROPOSING.iter().any(|verb| between.split_whitespace().any(|w| w == verb[0]));
    match author {
        Some(author) if verb => {
            format!("{} {}", author.span.slice(text), clean(slice::between(text, noun.start, name.end)))
        }
        _ => clean(name.slice(text)),
    }
}

/// An author before the proposal: in one noun phrase with it ("the latest US plan") or putting it forward
/// ("Saudi and American mediators have tabled a draft"). Returns the name from the author to the noun.
fn authors_before(analysis: &Analysis<'_>, s: usize, noun: Span) -> Option<(Span, Vec<ActorId>)> {
    let text = &analysis.doc.text;
    let tokens = &analysis.doc.tokens[s];
    let mentions = &analysis.mentions[s];
    let at = token_at(tokens, noun.start);
    let author = mentions.iter().rfind(|m| !m.locative && m.span.end <= noun.start).filter(|m| {
        let between: Vec<String> = tokens[token_at(tokens, m.span.end)..at]
            .iter()
            .map(|t| t.text(text).to_lowercase())
            .skip_while(|w| analysis.lexicon.cues.collectives.exact(w).is_some() || AUXILIARIES.contains(&w.as_str()))
            .collect();
        // "Sudan's army rejects Quad truce plan": a stance verb between them makes the actor its answerer.
        let gap = slice::between(text, m.span.end, noun.start);
        let answered = analysis.lexicon.cues.stances.find_iter(gap).any(|cue| {
            let word = slice::between(gap, cue.start, cue.end).to_lowercase();
            !PROPOSING.iter().any(|verb| verb[0] == word)
        });
        !answered && authors_noun_phrase(&between)
    })?;
    // "Saudi and American mediators": both put it forward.
    let joined = mentions.iter().rfind(|m| {
        m.span.end <= author.span.start
            && slice::between(text, m.span.end, author.span.start).trim() == "and"
            && m.actor != author.actor
    });
    let authors = joined.map(|j| j.actor).into_iter().chain([author.actor]).collect();
    let start = joined.map_or(author.span.start, |j| j.span.start);
    Some((Span::new(start, noun.end), authors))
}

/// A name carried on through what the proposal is for: "US proposal for a 30-day halt to strikes".
fn with_complement(analysis: &Analysis<'_>, s: usize, name: Span) -> Span {
    let text = &analysis.doc.text;
    let sentence = analysis.doc.sentences[s];
    let rest = slice::between(text, name.end, sentence.end);
    let opens = ["for ", "on ", "to "].iter().any(|w| rest.trim_start().starts_with(w));
    if !opens {
        return name;
    }
    let clause = [", ", "; ", " — ", "”", "\""]
        .iter()
        .filter_map(|p| rest.find(p))
        .chain([rest.trim_end().trim_end_matches('.').len()])
        .min()
        .unwrap_or(rest.len());
    let mut end = name.end;
    for (i, word) in slice::before(rest, clause).split_whitespace().enumerate().take(COMPLEMENT_WORDS) {
        if i > 0 && SUBORDINATE_STARTS.contains(&word) {
            break;
        }
        end = slice::after(rest, end - name.end).find(word).map_or(end, |j| end + j + word.len());
    }
    Span::new(name.start, end.min(sentence.end))
}

/// Authors named after "by" following the proposal noun: "a plan drafted by Egypt and Qatar".
fn authors_after_by(analysis: &Analysis<'_>, s: usize, noun: Span) -> Option<Vec<ActorId>> {
    let doc = analysis.doc;
    let text = &doc.text;
    let mentions = &analysis.mentions[s];
    let rest = &text[noun.end..doc.sentences[s].end];
    let by = rest.find(" by ").filter(|i| slice::before(rest, *i).split_whitespace().count() <= 3)?;
    // The authors run from "by" to the clause's end or the next preposition: "drafted by Egypt and Qatar
    // with support from Turkey" is Egypt and Qatar's.
    let after_by = by + " by ".len();
    let clause_end = slice::after(rest, after_by)
        .split_inclusive(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.'))
        .scan(after_by, |offset, word| {
            let start = *offset;
            *offset += word.len();
            Some((start, word))
        })
        .find(|(_, word)| {
            let bare = word.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.'));
            word.contains([',', ';', '.']) || PREPOSITIONS.contains(&bare.to_lowercase().as_str())
        })
        .map_or(rest.len(), |(start, word)| if word.contains([',', ';', '.']) { start + word.len() } else { start });
    let window = Span::new(noun.end + by, noun.end + clause_end);
    let authors: Vec<ActorId> = mentions.iter().filter(|m| window.contains(m.span)).map(|m| m.actor).collect();
    (!authors.is_empty()).then(|| dedup(authors))
}

/// Whether the words between an actor and a proposal noun keep them in one phrase ("US", "latest",
/// "peace") or link them by a proposing verb ("voted on a").
fn authors_noun_phrase(between: &[String]) -> bool {
    let verb_frame = PROPOSING.iter().any(|verb| {
        between.len() >= verb.len()
            && between.iter().zip(verb.iter()).all(|(w, v)| w == v)
            && between[verb.len()..]
                .iter()
                .all(|w| ARTICLES.contains(&w.as_str()) || w.chars().all(char::is_alphanumeric))
    });
    let modifiers = between.len() <= AUTHOR_REACH && !between.iter().any(|w| PHRASE_BREAKS.contains(&w.as_str()));
    verb_frame || modifiers
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
    let rest = Span::new(noun.end, doc.sentences[s].end);
    let opening: Vec<String> = rest
        .slice(&doc.text)
        .split(|c: char| !c.is_alphanumeric() && c != ':')
        .filter(|w| !w.is_empty())
        .take(3)
        .map(str::to_lowercase)
        .collect();
    // Only a noun that goes on to say what it holds ("a proposal that includes", "a plan for") has terms
    // in its own sentence; "known as the Muscat Plan, ..." goes on to other things.
    let describes = opening.iter().any(|w| TERM_OPENERS.contains(&w.as_str()));
    let mut scopes = if describes { vec![rest] } else { Vec::new() };
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
            let end = floor_boundary(&doc.text, (hit.span.end + 60).min(scope.end));
            terms.push(Term {
                issue: hit.issue,
                detail: clip(slice::between(&doc.text, hit.span.start, end), 80),
                quantity: quantity.map(|q| q.value),
                unit: quantity.and_then(|q| q.unit.clone()),
            });
        }
    }
    terms
}

/// A number the sentence credits to the proposal: "over 70 days, rather than the one week proposed by the
/// US plan" makes 7 days a term of the US plan.
fn term_credited_to(analysis: &Analysis<'_>, s: usize, name: Span) -> Option<Term> {
    let doc = analysis.doc;
    let sentence = doc.sentences[s];
    let before = slice::between(&doc.text, sentence.start, name.start).to_lowercase();
    let trimmed = before.trim_end().trim_end_matches("the").trim_end();
    let verb = CREDITING.iter().find(|v| trimmed.ends_with(*v))?;
    let verb_at = sentence.start + trimmed.len() - verb.len();
    let quantity = doc.quantities[s].iter().rfind(|q| q.unit.is_some() && q.span.end <= verb_at)?;
    let issue =
        quantity.issue.or_else(|| issues_in(analysis, sentence).first().map(|hit| hit.issue)).unwrap_or(Issue::Other);
    Some(Term {
        issue,
        detail: clip(slice::between(&doc.text, quantity.span.start, verb_at), 80),
        quantity: Some(quantity.value),
        unit: quantity.unit.clone(),
    })
}

/// Whether a cue is said of the proposal named at `name`: just before it in one phrase ("rejection of
/// the latest US proposal") or in a relative clause after it ("the plan, which Iran rejected").
fn answers(text: &str, cue: Span, name: Span) -> bool {
    if cue.end <= name.start {
        let between = slice::between(text, cue.end, name.start);
        // "the one week proposed by the US plan" is the plan's own term, not an answer to it.
        let passive = between.trim_start().starts_with("by ");
        return !passive && between.split_whitespace().count() <= RESPONSE_REACH && !between.contains([',', ';', '.']);
    }
    let between = slice::between(text, name.end, cue.start.max(name.end)).to_lowercase();
    let words: Vec<&str> = between.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.first().is_some_and(|w| matches!(*w, "which" | "that")) && words.len() <= RESPONSE_REACH
}

/// Answers to the proposal in its own sentence: stance cues whose nearest actor is not an author.
fn responses_in(analysis: &Analysis<'_>, s: usize, name: Span, authors: &[ActorId]) -> Vec<ProposalResponse> {
    let doc = analysis.doc;
    let sentence = doc.sentences[s];
    let mut responses = Vec::new();
    for cue in analysis.lexicon.cues.stances.find_iter(sentence.slice(&doc.text)) {
        let at = sentence.start + cue.start;
        if !answers(&doc.text, Span::new(at, sentence.start + cue.end), name) {
            continue;
        }
        let holder = analysis.mentions[s].iter().rfind(|m| m.is_agent() && m.span.end <= at);
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
                if !existing
                    .proposal
                    .responses
                    .iter()
                    .any(|r| r.party == response.party && r.response == response.response)
                {
                    existing.proposal.responses.push(response);
                }
            }
        }
        None => analysis.proposals.push(found),
    }
}
