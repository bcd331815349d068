//! Grouping documents into negotiations by their principal parties, and each negotiation's header facts.
//!
//! The principal pair of a document is the two non-mediator actors holding most of its positions. Distinct
//! principal pairs are taken in order of how many documents contain both their members; a pair that shares a
//! principal with an already accepted pair, and whose documents all contain that accepted pair too, is a side
//! track of it (US-Russia talks inside the Russia-Ukraine file): its other member joins that negotiation as a
//! third party. Every document then goes to each accepted pair it contains, so one report can touch two
//! negotiations.

use std::collections::{BTreeMap, BTreeSet};

use accord_model::Status;
use jiff::civil::Date;

use crate::entries::Corpus;

/// One negotiation before its views are computed: which documents, entries and proposals belong to it.
#[derive(Debug, Clone)]
pub struct Group {
    pub name: String,
    /// Principals first (by position count, then name), then third parties.
    pub parties: Vec<String>,
    pub mediators: Vec<String>,
    pub guarantors: Vec<String>,
    /// Indexes into `Corpus::documents`, ascending.
    pub documents: Vec<usize>,
    /// Indexes into `Corpus::entries`, in history order.
    pub entries: Vec<usize>,
    /// `(document, proposal)` indexes.
    pub proposals: Vec<(usize, usize)>,
}

type Pair = [String; 2];

struct DocActors {
    /// Non-mediator actors of the document: listed parties and position holders.
    candidates: BTreeSet<String>,
    /// The top one or two candidates by positions held.
    principals: Vec<String>,
}

pub fn group(corpus: &Corpus) -> Vec<Group> {
    let actors: Vec<DocActors> = (0..corpus.documents.len()).map(|d| doc_actors(corpus, d)).collect();

    let mut pairs: BTreeMap<Pair, Vec<usize>> = BTreeMap::new();
    for (d, a) in actors.iter().enumerate() {
        if let [x, y] = a.principals.as_slice() {
            pairs.entry(sorted_pair(x, y)).or_default().push(d);
        }
    }
    let contains = |d: usize, pair: &Pair| pair.iter().all(|p| actors[d].candidates.contains(p));
    let coverage = |pair: &Pair| (0..actors.len()).filter(|&d| contains(d, pair)).count();
    let mut ranked: Vec<(&Pair, usize)> = pairs.keys().map(|p| (p, coverage(p))).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));

    let mut accepted: Vec<Pair> = Vec::new();
    let mut third_parties: BTreeMap<Pair, BTreeSet<String>> = BTreeMap::new();
    for (pair, _) in ranked {
        let host =
            accepted.iter().find(|q| q.iter().any(|p| pair.contains(p)) && pairs[pair].iter().all(|&d| contains(d, q)));
        match host {
            Some(q) => {
                let extra = pair.iter().filter(|p| !q.contains(p)).cloned();
                third_parties.entry(q.clone()).or_default().extend(extra);
            }
            None => accepted.push(pair.clone()),
        }
    }

    // Documents to negotiations, keyed by the principals (one or two names).
    let mut members: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
    let mut doc_groups: Vec<Vec<Vec<String>>> = vec![Vec::new(); actors.len()];
    for (d, a) in actors.iter().enumerate() {
        let mut keys: Vec<Vec<String>> = accepted.iter().filter(|q| contains(d, q)).map(|q| q.to_vec()).collect();
        if keys.is_empty() {
            match a.principals.first() {
                None => continue,
                Some(lone) => {
                    // A one-sided report joins the best-covered negotiation of its principal.
                    let best = accepted.iter().find(|q| q.contains(lone));
                    keys.push(best.map(|q| q.to_vec()).unwrap_or_else(|| vec![lone.clone()]));
                }
            }
        }
        for key in &keys {
            members.entry(key.clone()).or_default().push(d);
        }
        doc_groups[d] = keys;
    }

    let mut groups: BTreeMap<Vec<String>, Group> = BTreeMap::new();
    for (key, documents) in &members {
        let mut parties: Vec<String> = key.clone();
        if let Ok(pair) = <Pair>::try_from(key.clone()) {
            parties.extend(third_parties.get(&pair).into_iter().flatten().cloned());
        }
        let mediators = ranked_union(documents.iter().map(|&d| &corpus.documents[d].mediators), key);
        let guarantors = ranked_union(documents.iter().map(|&d| &corpus.documents[d].guarantors), key);
        // Holders in reports about this negotiation alone are its parties, unless they only mediate it:
        // mediators in that report, or mediators elsewhere that no report lists as a party.
        let listed: BTreeSet<&str> =
            documents.iter().flat_map(|&d| corpus.documents[d].parties.iter().map(String::as_str)).collect();
        for &d in documents {
            let document = corpus.documents[d];
            if doc_groups[d].len() == 1 {
                for position in &document.positions {
                    let holder = position.party.as_str();
                    let only_mediates = document.mediators.iter().any(|m| m == holder)
                        || (mediators.iter().any(|m| m == holder) && !listed.contains(holder));
                    if !parties.contains(&position.party) && !only_mediates {
                        parties.push(position.party.clone());
                    }
                }
            }
        }
        groups.insert(
            key.clone(),
            Group {
                name: String::new(),
                parties,
                mediators,
                guarantors,
                documents: documents.clone(),
                entries: Vec::new(),
                proposals: Vec::new(),
            },
        );
    }

    for (i, entry) in corpus.entries.iter().enumerate() {
        for key in targets(&doc_groups[entry.doc], &groups, |g| involves(g, entry.party())) {
            groups.get_mut(&key).expect("target exists").entries.push(i);
        }
    }
    for (d, document) in corpus.documents.iter().enumerate() {
        for (p, proposal) in document.proposals.iter().enumerate() {
            let touches = |g: &Group| {
                proposal.by.as_deref().is_some_and(|by| involves(g, by))
                    || proposal.responses.iter().any(|r| g.parties.contains(&r.party))
            };
            for key in targets(&doc_groups[d], &groups, touches) {
                groups.get_mut(&key).expect("target exists").proposals.push((d, p));
            }
        }
    }

    let mut groups: Vec<Group> = groups
        .into_iter()
        .map(|(key, mut g)| {
            order_parties(corpus, &mut g, key.len());
            g.name = g.parties[..key.len()].join("-");
            g
        })
        .collect();
    groups.sort_by(|a, b| b.documents.len().cmp(&a.documents.len()).then_with(|| a.name.cmp(&b.name)));
    groups
}

fn doc_actors(corpus: &Corpus, d: usize) -> DocActors {
    let document = corpus.documents[d];
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for party in &document.parties {
        counts.entry(party).or_default();
    }
    for position in &document.positions {
        *counts.entry(&position.party).or_default() += 1;
    }
    let mediates = |name: &str| document.mediators.iter().any(|m| m == name);
    let mut ranked: Vec<(&str, usize)> = counts.iter().filter(|(n, _)| !mediates(n)).map(|(n, c)| (*n, *c)).collect();
    if ranked.is_empty() {
        // Only mediators speak: they are all the report has to place it by.
        ranked = counts.iter().filter(|(_, c)| **c > 0).map(|(n, c)| (*n, *c)).collect();
    }
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    DocActors {
        candidates: ranked.iter().map(|(n, _)| n.to_string()).collect(),
        principals: ranked.iter().take(2).map(|(n, _)| n.to_string()).collect(),
    }
}

fn sorted_pair(x: &str, y: &str) -> Pair {
    if x <= y { [x.to_string(), y.to_string()] } else { [y.to_string(), x.to_string()] }
}

fn involves(g: &Group, actor: &str) -> bool {
    g.parties.iter().any(|p| p == actor) || g.mediators.iter().any(|m| m == actor)
}

/// The negotiations of a document that a finding belongs to: all of them when the document has one, else
/// those that `fits`, else (nothing fits) all of them rather than dropping the finding.
fn targets(
    keys: &[Vec<String>],
    groups: &BTreeMap<Vec<String>, Group>,
    fits: impl Fn(&Group) -> bool,
) -> Vec<Vec<String>> {
    if keys.len() <= 1 {
        return keys.to_vec();
    }
    let fitting: Vec<Vec<String>> = keys.iter().filter(|k| fits(&groups[*k])).cloned().collect();
    if fitting.is_empty() { keys.to_vec() } else { fitting }
}

/// Names from several documents' lists, most often listed first, then by name; `exclude` left out.
fn ranked_union<'a>(lists: impl Iterator<Item = &'a Vec<String>>, exclude: &[String]) -> Vec<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for list in lists {
        let unique: BTreeSet<&str> = list.iter().map(String::as_str).collect();
        for name in unique {
            *counts.entry(name).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().filter(|(n, _)| !exclude.iter().any(|e| e == n)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    ranked.into_iter().map(|(n, _)| n.to_string()).collect()
}

/// Principals by positions held in the negotiation, then name; third parties after them, likewise.
fn order_parties(corpus: &Corpus, g: &mut Group, principals: usize) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in &g.entries {
        *counts.entry(corpus.entries[i].party()).or_default() += 1;
    }
    let key = |name: &String| (std::cmp::Reverse(counts.get(name.as_str()).copied().unwrap_or(0)), name.clone());
    let (head, tail) = g.parties.split_at_mut(principals);
    head.sort_by_key(key);
    tail.sort_by_key(key);
}

/// The status of the latest dated documents, else of all documents, by majority; `unclear` only when no
/// document says more. Ties go to the least hopeful reading (stalled, collapsed, ongoing, agreement): when
/// sources disagree the report should not claim more progress than the most cautious of them, and the
/// disagreement itself is listed among the contradictions.
pub fn status(corpus: &Corpus, documents: &[usize]) -> Status {
    let definite: Vec<usize> =
        documents.iter().copied().filter(|&d| corpus.documents[d].status != Status::Unclear).collect();
    let latest = definite.iter().filter_map(|&d| corpus.documents[d].published).max();
    let pool: Vec<usize> = match latest {
        Some(day) => definite.into_iter().filter(|&d| corpus.documents[d].published == Some(day)).collect(),
        None => definite,
    };
    let preference = [Status::Stalled, Status::Collapsed, Status::Ongoing, Status::Agreement];
    preference
        .iter()
        .map(|&s| (s, pool.iter().filter(|&&d| corpus.documents[d].status == s).count()))
        .filter(|(_, n)| *n > 0)
        // max_by_key keeps the last maximum; reversed so the earlier preference wins a tie.
        .rev()
        .max_by_key(|(_, n)| *n)
        .map(|(s, _)| s)
        .unwrap_or(Status::Unclear)
}

/// First and last publication date among the documents.
pub fn date_range(corpus: &Corpus, documents: &[usize]) -> Option<(Date, Date)> {
    let dates = documents.iter().filter_map(|&d| corpus.documents[d].published);
    let (min, max) = (dates.clone().min()?, dates.max()?);
    Some((min, max))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use accord_model::{Issue::*, Stance::*};

    fn names(groups: &[Group]) -> Vec<&str> {
        groups.iter().map(|g| g.name.as_str()).collect()
    }

    #[test]
    fn two_negotiations_are_kept_apart() {
        let docs = vec![
            doc("gaza1")
                .mediators(&["Qatar"])
                .position(pos("Hamas", Ceasefire, Demand))
                .position(pos("Hamas", Withdrawal, Demand))
                .position(pos("Israel", Ceasefire, Reject))
                .position(pos("Qatar", TalksProcess, Offer)),
            doc("gaza2").position(pos("Israel", HostagesPrisoners, Demand)).position(pos(
                "Hamas",
                HostagesPrisoners,
                Offer,
            )),
            doc("ukr1").mediators(&["Turkey"]).position(pos("Russia", TerritoryBorders, Demand)).position(pos(
                "Ukraine",
                TerritoryBorders,
                Reject,
            )),
        ];
        let corpus = Corpus::new(&docs);
        let groups = group(&corpus);
        assert_eq!(names(&groups), ["Hamas-Israel", "Russia-Ukraine"]);
        assert_eq!(groups[0].documents.len(), 2);
        assert_eq!(groups[0].mediators, ["Qatar"], "a mediator holding a position is not a principal");
        assert!(!groups[0].parties.contains(&"Qatar".to_string()));
        assert_eq!(groups[0].entries.len(), 6, "the mediator's own position stays in the file");
        assert_eq!(groups[1].mediators, ["Turkey"]);
    }

    #[test]
    fn a_report_on_two_negotiations_goes_to_both() {
        let docs = vec![
            doc("gaza").position(pos("Hamas", Ceasefire, Demand)).position(pos("Israel", Ceasefire, Reject)),
            doc("ukr").position(pos("Russia", TerritoryBorders, Demand)).position(pos(
                "Ukraine",
                TerritoryBorders,
                Reject,
            )),
            doc("roundup")
                .position(pos("Hamas", Ceasefire, Insist))
                .position(pos("Israel", Ceasefire, Reject))
                .position(pos("Russia", TerritoryBorders, Insist))
                .position(pos("Ukraine", TerritoryBorders, Reject)),
        ];
        let corpus = Corpus::new(&docs);
        let groups = group(&corpus);
        assert_eq!(names(&groups), ["Hamas-Israel", "Russia-Ukraine"]);
        for g in &groups {
            assert_eq!(g.documents.len(), 2, "{}", g.name);
            assert_eq!(g.entries.len(), 4, "{}: only its own parties' positions", g.name);
            assert_eq!(g.parties.len(), 2, "{}", g.name);
        }
    }

    #[test]
    fn a_side_track_with_a_shared_principal_stays_in_the_file() {
        let docs = vec![
            doc("a")
                .mediators(&["United States"])
                .position(pos("Hamas", Ceasefire, Demand))
                .position(pos("Israel", Ceasefire, Reject)),
            doc("b").position(pos("Israel", Withdrawal, Reject)).position(pos("Hamas", Withdrawal, Demand)),
            doc("c")
                .position(pos("United States", HostagesPrisoners, Demand))
                .position(pos("United States", TalksProcess, Offer))
                .position(pos("Hamas", HostagesPrisoners, Reject))
                .position(pos("Hamas", HostagesPrisoners, Condition))
                .position(pos("Israel", Withdrawal, Reject)),
        ];
        let corpus = Corpus::new(&docs);
        let groups = group(&corpus);
        assert_eq!(names(&groups), ["Hamas-Israel"]);
        assert_eq!(groups[0].parties, ["Hamas", "Israel", "United States"]);
        assert_eq!(groups[0].mediators, ["United States"], "it also mediates, per report a");
        assert_eq!(groups[0].documents, [0, 1, 2]);
    }

    #[test]
    fn a_mediator_listed_as_a_party_of_its_own_talks_is_a_party() {
        let docs = vec![
            doc("a")
                .mediators(&["United States", "Qatar"])
                .position(pos("Hamas", Ceasefire, Demand))
                .position(pos("Israel", Ceasefire, Reject)),
            doc("b")
                .parties(&["United States", "Hamas", "Israel"])
                .position(pos("Hamas", HostagesPrisoners, Reject))
                .position(pos("Hamas", HostagesPrisoners, Condition))
                .position(pos("Israel", Withdrawal, Reject))
                .position(pos("United States", HostagesPrisoners, Demand)),
            doc("c")
                .mediators(&["Qatar"])
                .position(pos("Qatar", TalksProcess, Offer))
                .position(pos("Hamas", Ceasefire, Insist))
                .parties(&["Hamas", "Israel"]),
        ];
        let corpus = Corpus::new(&docs);
        let groups = group(&corpus);
        assert_eq!(names(&groups), ["Hamas-Israel"]);
        assert_eq!(groups[0].parties, ["Hamas", "Israel", "United States"]);
        assert_eq!(groups[0].mediators, ["Qatar", "United States"]);
    }

    #[test]
    fn status_prefers_the_latest_dated_report_then_the_cautious_reading() {
        let docs = vec![
            doc("a").published("2024-01-01").status(Status::Ongoing),
            doc("b").published("2024-02-01").status(Status::Stalled),
            doc("c").published("2024-02-01").status(Status::Ongoing),
            doc("d").status(Status::Agreement),
        ];
        let corpus = Corpus::new(&docs);
        assert_eq!(status(&corpus, &[0, 1, 2, 3]), Status::Stalled);
        assert_eq!(status(&corpus, &[0, 3]), Status::Ongoing);
        assert_eq!(status(&corpus, &[3]), Status::Agreement);
        assert_eq!(date_range(&corpus, &[0, 1, 3]), Some((date("2024-01-01"), date("2024-02-01"))));
    }
}
