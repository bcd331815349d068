//! Urging both sides is brokering, not bargaining: "Riyadh and Washington urged both sides to agree a truce"
//! or "Qatar called on both sides to accept a ceasefire" states no position of the urging actor's, and says it
//! mediates. A side urging the other still makes a demand.

use accord_lexicon::{ActorId, Refers};
use accord_model::Span;

use crate::analysis::Analysis;

/// How many words after the urging actor "both sides" may come: "urged both sides", "called on the two
/// sides".
const REACH: usize = 4;

/// Drops the findings whose holder urges both sides, and returns those holders: they broker the talks.
pub fn remove(analysis: &mut Analysis<'_>) -> Vec<ActorId> {
    let mut brokers = Vec::new();
    let urging: Vec<bool> =
        analysis.findings.iter().map(|f| addresses_both_sides(analysis, f.sentence, f.position.span)).collect();
    let mut flags = urging.iter();
    analysis.findings.retain(|f| {
        let urges = *flags.next().unwrap_or(&false);
        if urges && !brokers.contains(&f.holder) {
            brokers.push(f.holder);
        }
        !urges
    });
    brokers
}

/// Whether sentence `s` addresses both sides within a few words after a stance cue: "urged both sides".
fn addresses_both_sides(analysis: &Analysis<'_>, s: usize, evidence: Span) -> bool {
    let doc = analysis.doc;
    let sentence = doc.sentences[s];
    let text = sentence.slice(&doc.text);
    let both: Vec<usize> = analysis
        .lexicon
        .cues
        .descriptors
        .find_iter(text)
        .filter(|m| matches!(m.value, Refers::BothSides))
        .map(|m| sentence.start + m.start)
        .filter(|&at| evidence.start <= at && at < evidence.end.max(sentence.end))
        .collect();
    if both.is_empty() {
        return false;
    }
    analysis.lexicon.cues.stances.find_iter(text).any(|cue| {
        let end = sentence.start + cue.end;
        both.iter()
            .any(|&at| at >= end && accord_model::slice::between(&doc.text, end, at).split_whitespace().count() < REACH)
    })
}

#[cfg(test)]
mod tests {
    use crate::testing::{extract, positions};

    #[test]
    fn urging_both_sides_is_mediating_not_a_position() {
        let doc = extract("Qatar called on both sides to accept a ceasefire.");
        assert!(positions(&doc).is_empty(), "{:?}", positions(&doc));
        assert_eq!(doc.mediators, vec!["Qatar"]);
    }

    #[test]
    fn a_side_beside_an_urging_mediator_keeps_its_position() {
        let doc = extract("Hamas rejected the ceasefire on Monday. Qatar called on both sides to accept it.");
        assert_eq!(positions(&doc), vec!["Hamas|ceasefire|reject"]);
        assert!(!doc.parties.contains(&"Qatar".to_string()), "{:?}", doc.parties);
    }
}
