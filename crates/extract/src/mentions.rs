//! Actor mentions: names, demonyms acting ("Ukrainian officials"), seats ("Washington said"), people standing
//! for their side, and descriptors resolved to an earlier actor ("the group").

use accord_lexicon::{ActorId, ActorKind, Collective, FormKind, Refers};
use accord_model::{Span, slice};

use crate::analysis::{Analysis, Mention, Via};
use crate::words::{LOCATIVES, floor_boundary, word_before};

/// How far after a demonym its collective or role noun may come: "senior Russian negotiating officials".
const DEMONYM_REACH: usize = 40;

/// How many sentences back a descriptor ("the group", "both sides") looks for what it refers to. A news
/// report is far shorter; the bound keeps a pathological input linear.
const DESCRIPTOR_LOOKBACK: usize = 60;

/// How far either side of a mention the words that name it may reach: "the government of the".
const PHRASE_REACH: usize = 120;

/// How far before a mention an envoy's role may stand: "the special envoy for the".
const ENVOY_REACH: usize = 80;

pub fn find(analysis: &mut Analysis<'_>) {
    let doc = analysis.doc;
    let text = &doc.text;
    let mut person_spans: Vec<(Span, usize)> =
        analysis.people.iter().enumerate().flat_map(|(i, p)| p.spans.iter().map(move |s| (*s, i))).collect();
    person_spans.sort_by_key(|(span, _)| (span.start, span.end));
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let tokens = &doc.tokens[s];
        // People named in or across this sentence, found by binary search so each sentence costs its own size.
        let first = person_spans.partition_point(|(p, _)| p.end <= sentence.start);
        let last = person_spans.partition_point(|(p, _)| p.start < sentence.end);
        let sentence_people = &person_spans[first..last.max(first)];
        let sentence_text = sentence.slice(text);
        let mut mentions: Vec<Mention> = Vec::new();
        let dateline_end = dateline_end(sentence_text).map(|end| sentence.start + end);
        let all_forms: Vec<_> = analysis.lexicon.actors.forms.find_iter(sentence_text).collect();
        for m in &all_forms {
            let span = Span::new(sentence.start + m.start, sentence.start + m.end);
            if sentence_people.iter().any(|(p, _)| p.start < span.end && span.start < p.end) {
                continue;
            }
            let actor = m.value.actor;
            let kind = analysis.actor(actor).kind;
            // Places and bodies one goes to: "talks in Doha", "its ambassador to the United Nations".
            let state_like = kind.is_state_like() || kind == ActorKind::Igo || m.value.kind == FormKind::Seat;
            // "Yemen's Houthi movement": the first actor only says where the second belongs.
            let modifies_actor = possessive_at(text, span.end)
                && all_forms.iter().any(|other| {
                    let at = sentence.start + other.start;
                    at > span.end && slice::between(text, span.end, at).split_whitespace().count() <= 2
                });
            let previous_locative = mentions
                .last()
                .is_some_and(|prev| prev.locative && slice::between(text, prev.span.end, span.start).trim() == ",");
            let before = word_before(text, tokens, span.start);
            let in_dateline = dateline_end.is_some_and(|end| span.end <= end);
            let locative = in_dateline
                || modifies_actor
                || state_like
                    && (before.as_deref().is_some_and(|w| LOCATIVES.contains(&w))
                        || previous_locative
                        || envoy_target(analysis, slice::between(text, sentence.start, span.start)));
            let follower = collective_after(analysis, span.end, sentence.end);
            let (via, media) = match m.value.kind {
                FormKind::Name => (Via::Name, follower == Some(Collective::Media) && possessive_at(text, span.end)),
                FormKind::Seat => (Via::Seat, false),
                FormKind::Demonym => match follower {
                    Some(collective) => (Via::Demonym, collective == Collective::Media),
                    None if role_after(analysis, span.end, sentence.end) => (Via::Demonym, false),
                    None => continue,
                },
            };
            let brokering = follower == Some(Collective::Mediator);
            mentions.push(Mention { span, actor, via, locative, media, brokering });
        }
        for (span, actor) in local_forms_in(analysis, *sentence) {
            if sentence_people.iter().any(|(p, _)| p.start < span.end && span.start < p.end) {
                continue;
            }
            // A report's own name that holds a gazetteer form is the larger organisation: "National Samsung
            // Electronics Union" is the union, not the company.
            mentions.retain(|g| !(span.start <= g.span.start && g.span.end <= span.end));
            if mentions.iter().any(|g| g.span.start < span.end && span.start < g.span.end) {
                continue;
            }
            let follower = collective_after(analysis, span.end, sentence.end);
            let media = follower == Some(Collective::Media) && possessive_at(text, span.end);
            let brokering = follower == Some(Collective::Mediator);
            mentions.push(Mention { span, actor, via: Via::Name, locative: false, media, brokering });
        }
        for (span, person) in sentence_people.iter().filter(|(p, _)| sentence.contains(*p)) {
            if let Some(actor) = analysis.people[*person].affiliation {
                mentions.push(Mention {
                    span: *span,
                    actor,
                    via: Via::Person(*person),
                    locative: false,
                    media: false,
                    brokering: false,
                });
            }
        }
        for m in analysis.lexicon.cues.descriptors.find_iter(sentence_text) {
            let span = Span::new(sentence.start + m.start, sentence.start + m.end);
            let earlier: Vec<&Mention> = mentions
                .iter()
                .filter(|x| x.span.end <= span.start)
                .chain(
                    analysis.mentions[s.saturating_sub(DESCRIPTOR_LOOKBACK)..s]
                        .iter()
                        .rev()
                        .flat_map(|ms| ms.iter().rev()),
                )
                .filter(|x| x.is_agent() && !x.brokering)
                .collect();
            let resolved = match m.value {
                Refers::Kinds(kinds) => resolve_descriptor(analysis, &earlier, kinds, span).into_iter().collect(),
                Refers::BothSides => {
                    // The two sides are those named most outside sentences about mediating.
                    let bargaining: Vec<&Mention> =
                        earlier.iter().copied().filter(|x| !mediation_sentence(analysis, x.span.start)).collect();
                    most_named(&bargaining, 2)
                }
            };
            for actor in resolved {
                mentions.push(Mention {
                    span,
                    actor,
                    via: Via::Descriptor,
                    locative: false,
                    media: false,
                    brokering: false,
                });
            }
        }
        mentions.sort_by_key(|m| m.span);
        analysis.mentions[s] = mentions;
    }
}

/// The report's own organisation names and acronyms in `sentence`, with their actors.
fn local_forms_in(analysis: &Analysis<'_>, sentence: Span) -> Vec<(Span, ActorId)> {
    let Some(forms) = &analysis.local_forms else { return Vec::new() };
    forms
        .find_iter(sentence.slice(&analysis.doc.text))
        .map(|m| (Span::new(sentence.start + m.start, sentence.start + m.end), *m.value))
        .collect()
}

/// The actor a descriptor such as "the army" or "the government" refers back to among `earlier` mentions.
fn resolve_descriptor(
    analysis: &Analysis<'_>,
    earlier: &[&Mention],
    kinds: &[ActorKind],
    span: Span,
) -> Option<ActorId> {
    let text = &analysis.doc.text;
    let candidates: Vec<&Mention> =
        earlier.iter().copied().filter(|x| kinds.contains(&analysis.actor(x.actor).kind)).collect();
    // "the army" is the actor last named with "army" ("Sudan's army") or known by it ("Myanmar junta" for
    // "the junta"). Otherwise "the government" is the state the report is most about, and "the group" the
    // latest group named.
    let head = span.slice(text).rsplit(' ').next().unwrap_or("").to_lowercase();
    let written_alike = candidates
        .iter()
        .filter(|x| phrase_around(text, x.span).to_lowercase().contains(&head))
        .max_by_key(|x| x.span.start);
    if let Some(mention) = written_alike {
        return Some(mention.actor);
    }
    let known_alike: Vec<&Mention> = candidates
        .iter()
        .copied()
        .filter(|x| {
            let known_as = |name: &String| name.to_lowercase().split_whitespace().any(|w| w == head);
            analysis.actor(x.actor).aliases.iter().any(known_as)
        })
        .collect();
    let pool = if known_alike.is_empty() { &candidates } else { &known_alike };
    if kinds.contains(&ActorKind::State) {
        most_named(pool, 1).pop()
    } else {
        pool.iter().max_by_key(|x| x.span.start).map(|x| x.actor)
    }
}

/// Whether the sentence holding byte `offset` speaks of mediating ("mediators", "brokered", ...).
fn mediation_sentence(analysis: &Analysis<'_>, offset: usize) -> bool {
    analysis.doc.sentence_at(offset).is_some_and(|s| analysis.is_mediation_sentence(s))
}

/// The `n` actors named most often among `mentions`, ties going to the one named last.
fn most_named(mentions: &[&Mention], n: usize) -> Vec<ActorId> {
    let mut counts: Vec<(ActorId, usize, usize)> = Vec::new();
    for m in mentions {
        match counts.iter_mut().find(|(a, _, _)| *a == m.actor) {
            Some(entry) => {
                entry.1 += 1;
                entry.2 = entry.2.max(m.span.start);
            }
            None => counts.push((m.actor, 1, m.span.start)),
        }
    }
    counts.sort_by_key(|(_, count, last)| std::cmp::Reverse((*count, *last)));
    counts.into_iter().take(n).map(|(actor, _, _)| actor).collect()
}

/// A mention with the words right around it, which may name what it is: "the government of the
/// Democratic Republic of Congo", "Sudan's army".
fn phrase_around(text: &str, span: Span) -> &str {
    // Three words either side at most, looked for within a bounded reach, so the cost is the window's.
    let reach_start = floor_boundary(text, span.start.saturating_sub(PHRASE_REACH));
    let reach_end = floor_boundary(text, span.end + PHRASE_REACH);
    let start = slice::between(text, reach_start, span.start)
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(2)
        .map_or(reach_start, |(i, _)| reach_start + i);
    let end = slice::between(text, span.end, reach_end)
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .nth(1)
        .map_or(reach_end, |(i, _)| span.end + i);
    // The phrase stays on the mention's line; only the window is searched, so the cost is the window's.
    let line_start = slice::between(text, start, span.start).rfind('\n').map_or(start, |i| start + i + 1);
    let line_end = slice::between(text, span.end, end).find('\n').map_or(end, |i| span.end + i);
    slice::between(text, line_start, line_end)
}

/// Where a dateline ("BRIDGETOWN, Barbados — ") ends at the head of a sentence: the places in it are where
/// the report was filed, not actors.
fn dateline_end(sentence: &str) -> Option<usize> {
    let dash = sentence.find(" — ").or_else(|| sentence.find(" - "))?;
    let head = slice::before(sentence, dash);
    let city = head.split([',', '/']).next().unwrap_or("");
    let shouting = city.chars().any(char::is_alphabetic) && !city.chars().any(char::is_lowercase);
    (dash <= DATELINE_REACH && shouting).then_some(dash)
}

/// How far into a sentence a dateline may run.
const DATELINE_REACH: usize = 40;

/// Whether an actor is what an envoy is sent to: "the UN envoy for Yemen", "ambassador to Qatar".
fn envoy_target(analysis: &Analysis<'_>, before: &str) -> bool {
    let before = before.trim_end();
    let from = before.char_indices().rev().nth(ENVOY_REACH).map_or(0, |(i, _)| i);
    let lower = slice::after(before, from).to_lowercase();
    let Some(rest) = lower.strip_suffix(" for").or_else(|| lower.strip_suffix(" to")) else { return false };
    let rest = rest.trim_end().trim_end_matches(" the");
    analysis.lexicon.cues.roles.find_iter(rest).last().is_some_and(|m| m.end == rest.len())
}

/// Whether the text at `offset` is a possessive ending: "Russia’s Channel One".
fn possessive_at(text: &str, offset: usize) -> bool {
    slice::after(text, offset).starts_with("’s")
        || slice::after(text, offset).starts_with("'s")
        || slice::after(text, offset).starts_with('’')
}

/// The collective noun ("officials", "media") within reach after `offset`, on the same sentence.
fn collective_after(analysis: &Analysis<'_>, offset: usize, limit: usize) -> Option<Collective> {
    let window = window_after(&analysis.doc.text, offset, limit);
    analysis
        .lexicon
        .cues
        .collectives
        .find_iter(window)
        .next()
        .filter(|m| words_before(window, m.start) <= 2)
        .map(|m| *m.value)
}

/// Whether a role word ("Prime Minister") follows `offset` closely: "Qatari Prime Minister".
fn role_after(analysis: &Analysis<'_>, offset: usize, limit: usize) -> bool {
    let window = window_after(&analysis.doc.text, offset, limit);
    analysis.lexicon.cues.roles.find_iter(window).next().is_some_and(|m| words_before(window, m.start) <= 1)
}

fn window_after(text: &str, offset: usize, limit: usize) -> &str {
    let end = floor_boundary(text, (offset + DEMONYM_REACH).min(limit).max(offset));
    slice::between(text, offset, end)
}

/// How many whole words stand before byte `offset` of `window` (possessive endings do not count).
fn words_before(window: &str, offset: usize) -> usize {
    slice::before(window, offset).split_whitespace().filter(|w| !matches!(*w, "’s" | "'s")).count()
}

#[cfg(test)]
mod tests {
    use crate::testing::extract;

    #[test]
    fn places_in_a_dateline_or_an_envoys_title_are_not_actors() {
        let doc = extract(
            "BRIDGETOWN, Barbados — Venezuela rejected the demand for new elections, the UN envoy for Haiti said.",
        );
        assert_eq!(doc.parties, vec!["Venezuela"]);
        assert!(doc.mediators.is_empty(), "{:?}", doc.mediators);
    }

    #[test]
    fn a_possessive_naming_where_a_group_belongs_is_not_the_group() {
        let doc = extract("Yemen's Houthi movement rejected any buffer zone on the border.");
        assert_eq!(doc.parties, vec!["Houthis"]);
    }

    #[test]
    fn the_army_is_the_actor_last_named_with_army() {
        let doc = extract("Sudan's army met the RSF in Jeddah. Later the army rejected any truce.");
        assert!(doc.positions.iter().any(|p| p.party == "Sudanese Armed Forces" && p.stance.id() == "reject"));
    }
}
