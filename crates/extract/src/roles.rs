//! Roles in the talks: parties (who hold positions, and the two sides the report names most), mediators
//! (who broker, host or draft proposals without holding positions, and are not one of those two sides) and
//! guarantors (who are asked to guarantee).

use accord_lexicon::{ActorId, ActorKind, RoleKind};
use accord_model::{Issue, slice};

use crate::analysis::{Analysis, Via};
use crate::issues::issues_in;
use crate::words::NEGATIONS;

pub struct Roles {
    pub parties: Vec<ActorId>,
    pub mediators: Vec<ActorId>,
    pub guarantors: Vec<ActorId>,
}

/// Words right before an actor that make it the source of a guarantee: "guarantees from Washington".
const GUARANTOR_LINKS: &[&str] = &["from", "by", "of", "including"];

pub fn assign(analysis: &Analysis<'_>) -> Roles {
    let counts = positions_held(analysis);
    let mediators = mediators(analysis, &counts);
    let mut parties: Vec<ActorId> = counts.iter().map(|(a, _, _)| *a).filter(|a| !mediators.contains(a)).collect();
    // The report's two principal sides are parties even when no position of theirs was found.
    for &side in analysis.principal_sides() {
        if !parties.contains(&side) && !mediators.contains(&side) {
            parties.push(side);
        }
    }
    Roles { parties, mediators, guarantors: guarantors(analysis) }
}

/// The mediators alone, as [`assign`] would find them.
pub fn mediators_of(analysis: &Analysis<'_>) -> Vec<ActorId> {
    mediators(analysis, &positions_held(analysis))
}

/// Each holder of the findings with how many it holds and the order of its first, most first.
fn positions_held(analysis: &Analysis<'_>) -> Vec<(ActorId, usize, usize)> {
    let mut counts: Vec<(ActorId, usize, usize)> = Vec::new();
    for (order, finding) in analysis.findings.iter().enumerate() {
        match counts.iter_mut().find(|(a, _, _)| *a == finding.holder) {
            Some(entry) => entry.1 += 1,
            None => counts.push((finding.holder, 1, order)),
        }
    }
    counts.sort_by_key(|(_, n, first)| (std::cmp::Reverse(*n), *first));
    counts
}

/// States and organisations that mediate: named as mediators, named in a sentence about mediation, speaking
/// through an envoy, or drafting a proposal. An actor holding several positions is a party instead.
fn mediators(analysis: &Analysis<'_>, counts: &[(ActorId, usize, usize)]) -> Vec<ActorId> {
    let doc = analysis.doc;
    let positions_of = |actor: ActorId| counts.iter().find(|(a, _, _)| *a == actor).map_or(0, |(_, n, _)| *n);
    let principal: Vec<ActorId> = counts.iter().filter(|(_, n, _)| *n >= 2).map(|(a, _, _)| *a).collect();
    let brokers: Vec<ActorId> = analysis.mentions.iter().flatten().filter(|m| m.brokering).map(|m| m.actor).collect();
    // Explicit mediation outweighs one stray position, and so does any sign of it from an actor that is not
    // one of the report's sides; weaker signs from a side only count when it holds no position.
    let can_mediate = |actor: ActorId, explicit: bool| {
        let allowed = if brokers.contains(&actor) {
            usize::MAX
        } else if explicit || !analysis.principal_sides().contains(&actor) {
            1
        } else {
            0
        };
        // Territories (Somaliland, Kosovo) are sides in their own disputes, not brokers.
        let brokering_kind = matches!(
            analysis.actor(actor).kind,
            ActorKind::State | ActorKind::ObserverState | ActorKind::Igo | ActorKind::GovernmentBody
        );
        brokering_kind && positions_of(actor) <= allowed
    };
    let mut found: Vec<ActorId> = Vec::new();
    let mut add = |actor: ActorId, explicit: bool| {
        if can_mediate(actor, explicit) && !found.contains(&actor) {
            found.push(actor);
        }
    };
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let mentions = &analysis.mentions[s];
        // "mediation" inside "Federal Mediation and Conciliation Service" names an actor, not an act.
        let inside_name = |start: usize, end: usize| {
            mentions.iter().any(|m| m.span.start <= sentence.start + start && sentence.start + end <= m.span.end)
        };
        let cues: Vec<_> = analysis.lexicon.cues.mediation.find_iter(sentence.slice(&doc.text)).collect();
        // "... is facilitating, not mediating": a denied role does not count.
        let denied = |start: usize| {
            let before = slice::before(sentence.slice(&doc.text), start).to_lowercase();
            before.split_whitespace().rev().take(2).any(|w| NEGATIONS.contains(&w))
        };
        let mediation = cues.iter().any(|m| !inside_name(m.start, m.end) && !denied(m.start));
        // ... though an actor so named is itself a mediator.
        for mention in mentions {
            let named_for_it = cues
                .iter()
                .any(|m| mention.span.start <= sentence.start + m.start && sentence.start + m.end <= mention.span.end);
            if named_for_it {
                add(mention.actor, true);
            }
        }
        for mention in mentions.iter().filter(|m| !m.media) {
            // A capital named as the venue of mediation is its host ("talks in Cairo aimed at brokering");
            // a country named as a place is not ("signed in Barbados").
            let present = mention.is_agent() || (mention.locative && mention.via == Via::Seat);
            if mediation && present {
                add(mention.actor, mediation);
            }
        }
    }
    // An envoy's government that takes no position of its own mediates: "US envoy Amos Hochstein".
    for person in analysis.people.iter().filter(|p| p.role_kind == Some(RoleKind::Envoy)) {
        if let Some(actor) = person.affiliation {
            add(actor, false);
        }
    }
    // A state drafting a proposal for others mediates; a council voting on one does not.
    for proposal in &analysis.proposals {
        let states = proposal.authors.iter().filter(|a| analysis.actor(**a).kind.is_state_like());
        states.for_each(|a| add(*a, false));
    }
    // A side of the conflict is never its own mediator: the two actors the report names most outside
    // sentences about mediating are its sides.
    let sides = analysis.principal_sides();
    found.retain(|a| (!principal.contains(a) && !sides.contains(a)) || brokers.contains(a));
    found
}

/// Actors named as the source of a guarantee: "written guarantees from Washington", "including from
/// Turkey", "guarantees from Britain and France".
fn guarantors(analysis: &Analysis<'_>) -> Vec<ActorId> {
    let doc = analysis.doc;
    let mut found = Vec::new();
    // Only a sentence naming an actor can name a guarantor.
    let naming = doc.sentences.iter().enumerate().filter(|(s, _)| !analysis.mentions[*s].is_empty());
    for (s, sentence) in naming {
        for hit in issues_in(analysis, *sentence).iter().filter(|h| h.issue == Issue::Guarantees) {
            let mut listing = false;
            let near = analysis.mentions[s]
                .iter()
                .filter(|m| m.span.start >= hit.span.end && m.span.start < hit.span.end + 60);
            for mention in near {
                let before = slice::before(&doc.text, mention.span.start)
                    .split_whitespace()
                    .next_back()
                    .unwrap_or("")
                    .to_lowercase();
                let linked = GUARANTOR_LINKS.contains(&before.as_str());
                // The list goes on through "and", "or" and commas: "from Britain, France and Turkey".
                listing = linked || (listing && matches!(before.trim_end_matches(','), "and" | "or" | ""));
                if (linked || listing) && !found.contains(&mention.actor) {
                    found.push(mention.actor);
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::testing::extract;

    #[test]
    fn brokers_are_mediators_and_holders_are_parties() {
        let doc = extract(
            "Talks in Jeddah, brokered by Saudi Arabia and the United States, resumed on Monday.\n\
             The RSF demanded a seven-day truce. The Sudanese army rejected any truce longer than 72 hours.",
        );
        assert_eq!(doc.parties, vec!["Rapid Support Forces", "Sudanese Armed Forces"]);
        assert!(doc.mediators.contains(&"Saudi Arabia".to_string()), "{:?}", doc.mediators);
        assert!(doc.mediators.contains(&"United States".to_string()), "{:?}", doc.mediators);
    }

    #[test]
    fn a_venue_named_as_a_place_is_not_a_mediator() {
        let doc = extract(
            "Armenia and Azerbaijan held direct talks in Geneva and in Doha, Qatar. Armenia rejected the demand for a corridor.",
        );
        assert!(!doc.mediators.contains(&"Qatar".to_string()), "{:?}", doc.mediators);
    }

    #[test]
    fn guarantors_are_named_as_the_source_of_guarantees() {
        let doc = extract("Kyiv demanded security guarantees from Britain and France before any ceasefire.");
        assert_eq!(doc.guarantors, vec!["United Kingdom", "France"]);
    }

    #[test]
    fn a_third_state_sponsoring_the_plan_mediates_though_it_makes_a_demand() {
        let doc = extract(
            "The RSF accepted the US-backed truce plan. The Sudanese army rejected the US-backed plan. \
             The RSF demanded a seven-day truce. The Sudanese army demanded the withdrawal of the RSF from cities. \
             The United States demanded the opening of crossings for aid.",
        );
        assert!(doc.mediators.contains(&"United States".to_string()), "{:?} / {:?}", doc.mediators, doc.parties);
        assert!(!doc.parties.contains(&"United States".to_string()), "{:?}", doc.parties);
    }
}
