//! Organisations no gazetteer lists: names written out in full whose last word is an organisation head
//! from `organisations.tsv` ("the Air Line Pilots Association"), union locals ("Local 2325"), and acronyms a
//! report defines ("the National Liberation Army (ELN)"), each made an actor of this document so that a
//! side never in `actors.tsv` is still a party with positions.

use accord_lexicon::{Actor, ActorId, ActorKind, PhraseMatcher};
use accord_model::Span;
use accord_text::{Token, TokenKind};

use crate::analysis::Analysis;

/// Lower-case words that may stand inside an organisation's name.
const CONNECTORS: &[&str] = &["of", "and", "for", "the", "&", "de", "on"];
/// Capitalised words that open a sentence or a phrase without being part of the name after them.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "Its",
    "Their",
    "His",
    "Her",
    "In",
    "On",
    "At",
    "For",
    "By",
    "With",
    "From",
    "After",
    "Before",
    "Under",
    "When",
    "While",
    "As",
    "And",
    "But",
    "Meanwhile",
    "Yesterday",
    "Today",
    "Earlier",
    "Later",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Both",
    "Striking",
];
/// The longest acronym a report defines in brackets.
const MAX_ACRONYM: usize = 10;

pub fn find(analysis: &mut Analysis<'_>) {
    let doc = analysis.doc;
    let text = &doc.text;
    let mut forms: Vec<(String, ActorId)> = Vec::new();
    for tokens in &doc.tokens {
        for (name, span, kind) in names_in(analysis, tokens) {
            let id = match known_actor(analysis, &name) {
                Some(known) => known,
                None => {
                    let id = local_actor(analysis, &name, kind);
                    if !forms.iter().any(|(form, _)| *form == name) {
                        forms.push((name.clone(), id));
                    }
                    id
                }
            };
            if let Some(acronym) = acronym_after(text, tokens, span)
                && analysis.lexicon.actors.forms.exact(&acronym).is_none()
                && !forms.iter().any(|(form, _)| *form == acronym)
            {
                forms.push((acronym, id));
            }
        }
    }
    if !forms.is_empty() {
        analysis.local_forms = Some(PhraseMatcher::new(forms, true));
    }
}

/// The gazetteer actor a name is a form of: the name itself, or a listed name with a company's suffix
/// ("Starbucks Corp" is Starbucks).
fn known_actor(analysis: &Analysis<'_>, name: &str) -> Option<ActorId> {
    let actors = &analysis.lexicon.actors;
    actors.by_name(name).or_else(|| {
        let (rest, head) = name.rsplit_once(' ')?;
        let company = analysis.lexicon.cues.organisation_heads.get(head) == Some(&ActorKind::Company);
        company.then(|| actors.by_name(rest)).flatten()
    })
}

/// The id of the local actor `name`, added if new.
fn local_actor(analysis: &mut Analysis<'_>, name: &str, kind: ActorKind) -> ActorId {
    let offset = analysis.lexicon.actors.actors.len();
    match analysis.local_actors.iter().position(|a| a.name == name) {
        Some(i) => offset + i,
        None => {
            analysis.local_actors.push(Actor { name: name.to_string(), kind, aliases: Vec::new() });
            offset + analysis.local_actors.len() - 1
        }
    }
}

/// Organisation names in one sentence, each with its span and the kind its head makes: a run of
/// capitalised words (connectors allowed inside) ending in a head word ("Air Line Pilots Association") or
/// opening with one ("Alliance of Motion Picture and Television Producers"), or a union local ("UAW Local
/// 1853").
fn names_in(analysis: &Analysis<'_>, tokens: &[Token]) -> Vec<(String, Span, ActorKind)> {
    let text = &analysis.doc.text;
    let heads = &analysis.lexicon.cues.organisation_heads;
    let word = |i: usize| tokens[i].text(text);
    let capitalised = |i: usize| {
        tokens[i].kind == TokenKind::Word
            && word(i).starts_with(char::is_uppercase)
            && !word(i).ends_with("'s")
            && !word(i).ends_with("’s")
    };
    let connector = |i: usize| CONNECTORS.contains(&word(i));
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !capitalised(i) || OPENERS.contains(&word(i)) {
            i += 1;
            continue;
        }
        // The run: capitalised words, connectors between them, and a union local's number.
        let (start, mut end) = (i, i);
        for (j, token) in tokens.iter().enumerate().skip(i + 1) {
            let local_number = token.kind == TokenKind::Number && word(j - 1) == "Local";
            if capitalised(j) || local_number {
                end = j;
            } else if !connector(j) {
                break;
            }
        }
        let next = end + 1;
        let named = if let Some(local) = (start..end).find(|&k| word(k) == "Local") {
            let first = (start..=local).rev().take_while(|&k| capitalised(k)).last().unwrap_or(local);
            Some((first, local + 1, ActorKind::Union))
        } else if heads.contains_key(word(start)) && end > start + 1 && connector(start + 1) {
            Some((start, end, heads[word(start)]))
        } else if let Some(head) = (start + 1..=end).rev().find(|&k| heads.contains_key(word(k))) {
            // "Negotiators for the Air Line Pilots Association": the name starts after the last connector.
            let first = (start..head).rev().find(|&k| connector(k)).map_or(start, |k| k + 1);
            (head > first).then(|| (first, head, heads[word(head)]))
        } else {
            None
        };
        if let Some((first, last, kind)) = named {
            let span = Span::new(tokens[first].span.start, tokens[last].span.end);
            found.push((span.slice(text).to_string(), span, kind));
        }
        i = next;
    }
    found
}

/// An acronym in brackets right after `name`: "National Liberation Army (ELN)".
fn acronym_after(text: &str, tokens: &[Token], name: Span) -> Option<String> {
    let at = tokens.iter().position(|t| t.span.start >= name.end)?;
    let [open, acronym, close] = tokens.get(at..at + 3)? else { return None };
    let acronym_text = acronym.text(text);
    let is_acronym = acronym_text.len() <= MAX_ACRONYM
        && acronym_text.chars().filter(|c| c.is_uppercase()).count() >= 2
        && acronym_text.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '/');
    (open.text(text) == "(" && close.text(text) == ")" && is_acronym).then(|| acronym_text.to_string())
}

#[cfg(test)]
mod tests {
    use crate::testing::{extract, positions};

    #[test]
    fn a_union_no_gazetteer_lists_is_a_party_with_positions() {
        let doc = extract(
            "The Allied Harbour Workers Union rejected the port operator's offer on Monday. \
             The union demanded a wage increase of 12 percent.",
        );
        assert!(doc.parties.contains(&"Allied Harbour Workers Union".to_string()), "{:?}", doc.parties);
        let found = positions(&doc);
        assert!(found.iter().any(|p| p.starts_with("Allied Harbour Workers Union|")), "{found:?}");
    }

    #[test]
    fn an_acronym_the_report_defines_names_the_same_actor() {
        let doc = extract(
            "Talks with the Northern Rivers Liberation Front (NRLF) resumed in Nairobi. \
             The NRLF rejected a ceasefire on Tuesday.",
        );
        let found = positions(&doc);
        assert!(found.contains(&"Northern Rivers Liberation Front|ceasefire|reject".to_string()), "{found:?}");
    }

    #[test]
    fn a_union_local_is_its_own_actor() {
        let doc = extract("Members of Local 2325 demanded a raise of 10 percent on Sunday.");
        assert!(positions(&doc).iter().any(|p| p.starts_with("Local 2325|")), "{:?}", positions(&doc));
    }
}
