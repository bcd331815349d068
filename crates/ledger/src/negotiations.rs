//! Grouping documents into negotiations by their principal sides and by time, and each negotiation's header
//! facts.
//!
//! The principal pair of a document is the two non-mediator actors holding most of its positions. Distinct
//! principal pairs are taken in order of how many documents contain both their members; a pair that shares a
//! principal with an already accepted pair, and whose documents all contain that accepted pair too, is a side
//! track of it (US-Russia talks inside the Russia-Ukraine file): its other member joins that negotiation as a
//! third party. Every document then goes to each accepted pair it contains, so one report can touch two
//! negotiations, and a pair's reports more than a year apart with nothing between are two negotiations
//! (`periods`). A report naming only one side joins that side's negotiation nearest in time; a report naming
//! only mediators joins the negotiation they mediate. Last, the user's overrides move reports and merge or
//! split negotiations. Every document keeps the reason it is where it is.

use std::collections::{BTreeMap, BTreeSet};

use accord_model::Status;
use jiff::civil::Date;

use crate::entries::Corpus;
use crate::overrides::{Action, Override, OverrideError};
use crate::periods;

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
    /// Why each of `documents` is in this negotiation.
    pub reasons: Vec<String>,
    /// Indexes into `Corpus::entries`, in history order.
    pub entries: Vec<usize>,
    /// `(document, proposal)` indexes.
    pub proposals: Vec<(usize, usize)>,
}

type Pair = [String; 2];

struct DocActors {
    /// Non-mediator actors of the document: listed parties and position holders.
    candidates: BTreeSet<String>,
    /// The top one or two candidates by positions held (mediators holding positions when it names no one
    /// else).
    principals: Vec<String>,
    /// It names only mediators.
    mediators_only: bool,
}

/// A negotiation being formed: its principal sides, its name, and its documents with the reason for each.
struct Draft {
    principals: Vec<String>,
    name: String,
    members: BTreeMap<usize, String>,
}

pub fn group(corpus: &Corpus, overrides: &[Override]) -> Result<Vec<Group>, OverrideError> {
    let actors: Vec<DocActors> = (0..corpus.documents.len()).map(|d| doc_actors(corpus, d)).collect();

    let mut pairs: BTreeMap<Pair, Vec<usize>> = BTreeMap::new();
    for (d, a) in actors.iter().enumerate().filter(|(_, a)| !a.mediators_only) {
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

    // Documents naming both sides of an accepted pair, then each pair's reports split by time.
    let mut by_pair: BTreeMap<&Pair, BTreeMap<usize, String>> = BTreeMap::new();
    let mut waiting: Vec<usize> = Vec::new();
    for (d, a) in actors.iter().enumerate() {
        let mut placed = false;
        for q in accepted.iter().filter(|q| !a.mediators_only && contains(d, q)) {
            by_pair.entry(q).or_default().insert(d, format!("names both sides, {} and {}", q[0], q[1]));
            placed = true;
        }
        if !placed && !a.principals.is_empty() {
            waiting.push(d);
        }
    }
    let mut drafts: Vec<Draft> = Vec::new();
    for (pair, members) in by_pair {
        let docs: Vec<usize> = members.keys().copied().collect();
        let period_of = periods::split(&docs.iter().map(|&d| corpus.documents[d].published).collect::<Vec<_>>());
        let periods = period_of.iter().max().map_or(1, |last| last + 1);
        for period in 0..periods {
            let members: BTreeMap<usize, String> = docs
                .iter()
                .zip(&period_of)
                .filter(|(_, p)| **p == period)
                .map(|(d, _)| (*d, members[d].clone()))
                .collect();
            drafts.push(Draft { principals: pair.to_vec(), name: String::new(), members });
        }
    }
    for d in waiting {
        place(corpus, &actors[d], d, &mut drafts);
    }
    let names: Vec<String> = drafts
        .iter()
        .map(|draft| {
            let periods = drafts.iter().filter(|other| other.principals == draft.principals).count();
            draft_name(corpus, draft, periods > 1)
        })
        .collect();
    for (draft, name) in drafts.iter_mut().zip(names) {
        draft.name = name;
    }
    for o in overrides {
        apply(corpus, &actors, o, &mut drafts)?;
    }
    drafts.retain(|draft| !draft.members.is_empty());

    let mut doc_groups: Vec<Vec<usize>> = vec![Vec::new(); actors.len()];
    for (g, draft) in drafts.iter().enumerate() {
        for &d in draft.members.keys() {
            doc_groups[d].push(g);
        }
    }
    let mut groups: Vec<Group> =
        drafts.iter().map(|draft| draft_group(corpus, draft, &third_parties, &doc_groups)).collect();

    for (i, entry) in corpus.entries.iter().enumerate() {
        for g in targets(&doc_groups[entry.doc], &groups, |g| involves(g, entry.party())) {
            groups[g].entries.push(i);
        }
    }
    for (d, document) in corpus.documents.iter().enumerate() {
        for (p, proposal) in document.proposals.iter().enumerate() {
            let touches = |g: &Group| {
                proposal.by.as_deref().is_some_and(|by| involves(g, by))
                    || proposal.responses.iter().any(|r| g.parties.contains(&r.party))
            };
            for g in targets(&doc_groups[d], &groups, touches) {
                groups[g].proposals.push((d, p));
            }
        }
    }
    for (g, draft) in groups.iter_mut().zip(&drafts) {
        order_parties(corpus, g, draft.principals.len().min(g.parties.len()));
    }
    groups.sort_by(|a, b| b.documents.len().cmp(&a.documents.len()).then_with(|| a.name.cmp(&b.name)));
    Ok(groups)
}

/// A negotiation's parties, mediators and guarantors from its documents.
fn draft_group(
    corpus: &Corpus,
    draft: &Draft,
    third_parties: &BTreeMap<Pair, BTreeSet<String>>,
    doc_groups: &[Vec<usize>],
) -> Group {
    let documents: Vec<usize> = draft.members.keys().copied().collect();
    let mut parties: Vec<String> = draft.principals.clone();
    if let Ok(pair) = <Pair>::try_from(draft.principals.clone()) {
        parties.extend(third_parties.get(&pair).into_iter().flatten().cloned());
    }
    let mediators = ranked_union(documents.iter().map(|&d| &corpus.documents[d].mediators), &draft.principals);
    let guarantors = ranked_union(documents.iter().map(|&d| &corpus.documents[d].guarantors), &draft.principals);
    // Holders in reports about this negotiation alone are its parties, unless they only mediate it:
    // mediators in that report, or mediators elsewhere that no report lists as a party.
    let listed: BTreeSet<&str> =
        documents.iter().flat_map(|&d| corpus.documents[d].parties.iter().map(String::as_str)).collect();
    for &d in documents.iter().filter(|&&d| doc_groups[d].len() == 1) {
        let document = corpus.documents[d];
        for position in &document.positions {
            let holder = position.party.as_str();
            let only_mediates = document.mediators.iter().any(|m| m == holder)
                || (mediators.iter().any(|m| m == holder) && !listed.contains(holder));
            if !parties.contains(&position.party) && !only_mediates {
                parties.push(position.party.clone());
            }
        }
    }
    Group {
        name: draft.name.clone(),
        parties,
        mediators,
        guarantors,
        reasons: draft.members.values().cloned().collect(),
        documents,
        entries: Vec::new(),
        proposals: Vec::new(),
    }
}

/// A negotiation's name: its principals, the one holding more positions first, and the year it began when
/// the same sides have negotiated in other periods too.
fn draft_name(corpus: &Corpus, draft: &Draft, dated: bool) -> String {
    let held = |name: &String| {
        corpus.entries.iter().filter(|e| draft.members.contains_key(&e.doc) && e.party() == name).count()
    };
    let mut principals = draft.principals.clone();
    principals.sort_by_key(|p| (std::cmp::Reverse(held(p)), p.clone()));
    let name = principals.join("-");
    let began = draft.members.keys().filter_map(|&d| corpus.documents[d].published).min();
    match began {
        Some(day) if dated => format!("{name} ({})", day.year()),
        _ => name,
    }
}

/// Places a report that names one side only, or only mediators, in the negotiation it is about: of those
/// within a year of it, the one with most reports; or in one of its own.
fn place(corpus: &Corpus, actors: &DocActors, d: usize, drafts: &mut Vec<Draft>) {
    let date = corpus.documents[d].published;
    let in_time = |draft: &Draft| {
        let dates = draft.members.keys().filter_map(|&m| corpus.documents[m].published);
        match (date, dates.clone().min(), dates.max()) {
            (Some(day), Some(first), Some(last)) => periods::near(day, first, last),
            _ => true,
        }
    };
    let mediators = &corpus.documents[d].mediators;
    let fits = |draft: &Draft| {
        if actors.mediators_only {
            draft.members.keys().any(|&m| corpus.documents[m].mediators.iter().any(|x| mediators.contains(x)))
        } else {
            draft.principals.contains(&actors.principals[0])
        }
    };
    let reason = if actors.mediators_only {
        format!("names only mediators ({}), and they mediate this negotiation", mediators.join(", "))
    } else {
        format!("names one side, {}, and no other side of any negotiation", actors.principals[0])
    };
    let best = (0..drafts.len())
        .filter(|&g| fits(&drafts[g]) && in_time(&drafts[g]))
        .max_by_key(|&g| (drafts[g].members.len(), std::cmp::Reverse(g)));
    match best {
        Some(g) => {
            drafts[g].members.insert(d, reason);
        }
        None => {
            let lone = if actors.mediators_only {
                format!("names only mediators ({}), who mediate no other negotiation of its time", mediators.join(", "))
            } else {
                format!("names one side, {}, which is in no other negotiation of its time", actors.principals[0])
            };
            let members = BTreeMap::from([(d, lone)]);
            drafts.push(Draft { principals: actors.principals.clone(), name: String::new(), members });
        }
    }
}

/// Applies one override to the drafts.
fn apply(corpus: &Corpus, actors: &[DocActors], o: &Override, drafts: &mut Vec<Draft>) -> Result<(), OverrideError> {
    let fail = |reason: String| OverrideError { line: o.line, reason };
    let named = |drafts: &[Draft], name: &str| drafts.iter().position(|draft| draft.name == name);
    match &o.action {
        Action::Move { document, negotiation } => {
            let d = corpus
                .documents
                .iter()
                .position(|doc| doc.id == *document)
                .ok_or_else(|| fail(format!("no report `{document}` is stored")))?;
            for draft in drafts.iter_mut() {
                draft.members.remove(&d);
            }
            let reason = format!("moved here by the override file (line {})", o.line);
            match named(drafts, negotiation) {
                Some(g) => {
                    drafts[g].members.insert(d, reason);
                }
                None => drafts.push(Draft {
                    principals: actors[d].principals.clone(),
                    name: negotiation.clone(),
                    members: BTreeMap::from([(d, reason)]),
                }),
            }
        }
        Action::Merge { from, into } => {
            let source = named(drafts, from).ok_or_else(|| fail(format!("no negotiation `{from}` to merge")))?;
            let target = named(drafts, into).ok_or_else(|| fail(format!("no negotiation `{into}` to merge into")))?;
            if source != target {
                let moved = std::mem::take(&mut drafts[source].members);
                for (d, reason) in moved {
                    let note = format!("{reason}; merged here from {from} by the override file (line {})", o.line);
                    drafts[target].members.entry(d).or_insert(note);
                }
            }
        }
        Action::Split { negotiation, from } => {
            let g =
                named(drafts, negotiation).ok_or_else(|| fail(format!("no negotiation `{negotiation}` to split")))?;
            let later: Vec<usize> = drafts[g]
                .members
                .keys()
                .copied()
                .filter(|&d| corpus.documents[d].published.is_some_and(|day| day >= *from))
                .collect();
            if later.is_empty() {
                return Err(fail(format!("no report of `{negotiation}` is dated on or after {from}")));
            }
            let mut members = BTreeMap::new();
            for d in later {
                let reason = drafts[g].members.remove(&d).unwrap_or_default();
                members.insert(
                    d,
                    format!("{reason}; split off from {negotiation} by the override file (line {})", o.line),
                );
            }
            let principals = drafts[g].principals.clone();
            drafts.push(Draft { principals, name: format!("{negotiation} (from {from})"), members });
        }
    }
    Ok(())
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
    let mediators_only = ranked.is_empty() && !document.mediators.is_empty();
    if ranked.is_empty() {
        // Only mediators speak: they are all the report has to place it by.
        ranked = counts.iter().filter(|(_, c)| **c > 0).map(|(n, c)| (*n, *c)).collect();
    }
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    DocActors {
        candidates: ranked.iter().map(|(n, _)| n.to_string()).collect(),
        principals: ranked.iter().take(2).map(|(n, _)| n.to_string()).collect(),
        mediators_only,
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
fn targets(of_doc: &[usize], groups: &[Group], fits: impl Fn(&Group) -> bool) -> Vec<usize> {
    if of_doc.len() <= 1 {
        return of_doc.to_vec();
    }
    let fitting: Vec<usize> = of_doc.iter().copied().filter(|&g| fits(&groups[g])).collect();
    if fitting.is_empty() { of_doc.to_vec() } else { fitting }
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
        let groups = group(&corpus, &[]).unwrap();
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
        let groups = group(&corpus, &[]).unwrap();
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
        let groups = group(&corpus, &[]).unwrap();
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
        let groups = group(&corpus, &[]).unwrap();
        assert_eq!(names(&groups), ["Hamas-Israel"]);
        assert_eq!(groups[0].parties, ["Hamas", "Israel", "United States"]);
        assert_eq!(groups[0].mediators, ["Qatar", "United States"]);
    }

    #[test]
    fn the_same_sides_years_apart_are_two_negotiations() {
        let talks = |id: &str, day: &str| {
            doc(id).published(day).position(pos("Rapid Support Forces", Ceasefire, Offer)).position(pos(
                "Sudanese Armed Forces",
                Ceasefire,
                Reject,
            ))
        };
        let docs = vec![talks("jeddah1", "2023-05-10"), talks("jeddah2", "2023-06-01"), talks("quad", "2025-09-20")];
        let corpus = Corpus::new(&docs);
        let groups = group(&corpus, &[]).unwrap();
        assert_eq!(
            names(&groups),
            ["Rapid Support Forces-Sudanese Armed Forces (2023)", "Rapid Support Forces-Sudanese Armed Forces (2025)"]
        );
        assert_eq!(groups[0].documents, [0, 1]);
        assert_eq!(groups[0].reasons[0], "names both sides, Rapid Support Forces and Sudanese Armed Forces");
    }

    #[test]
    fn a_one_sided_report_joins_its_side_only_within_a_year() {
        let docs = vec![
            doc("iran1").published("2025-04-12").position(pos("Iran", DisarmamentSecurity, Reject)).position(pos(
                "United States",
                DisarmamentSecurity,
                Demand,
            )),
            doc("iran2").published("2025-04-20").position(pos("United States", SanctionsEconomic, Offer)),
            doc("sudan").published("2023-05-08").position(pos("United States", Ceasefire, Demand)),
        ];
        let corpus = Corpus::new(&docs);
        let groups = group(&corpus, &[]).unwrap();
        assert_eq!(names(&groups), ["United States-Iran", "United States"]);
        assert_eq!(groups[0].documents, [0, 1]);
        assert_eq!(groups[0].reasons[1], "names one side, United States, and no other side of any negotiation");
        assert_eq!(groups[1].reasons[0], "names one side, United States, which is in no other negotiation of its time");
    }

    #[test]
    fn a_report_naming_only_mediators_joins_what_they_mediate() {
        let docs = vec![
            doc("a")
                .mediators(&["Qatar", "Egypt"])
                .position(pos("Hamas", Ceasefire, Demand))
                .position(pos("Israel", Ceasefire, Reject)),
            doc("b").position(pos("Russia", TerritoryBorders, Demand)).position(pos(
                "Ukraine",
                TerritoryBorders,
                Reject,
            )),
            doc("c").mediators(&["Egypt"]).position(pos("Egypt", TalksProcess, Offer)),
        ];
        let corpus = Corpus::new(&docs);
        let groups = group(&corpus, &[]).unwrap();
        assert_eq!(names(&groups), ["Hamas-Israel", "Russia-Ukraine"]);
        assert_eq!(groups[0].documents, [0, 2]);
        assert_eq!(groups[0].reasons[1], "names only mediators (Egypt), and they mediate this negotiation");
    }

    #[test]
    fn overrides_move_merge_and_split() {
        let pair = |id: &str, day: &str, a: &str, b: &str| {
            doc(id).published(day).position(pos(a, Ceasefire, Demand)).position(pos(b, Ceasefire, Reject))
        };
        let docs = vec![
            pair("g1", "2024-01-05", "Hamas", "Israel"),
            pair("g2", "2024-03-01", "Hamas", "Israel"),
            pair("g3", "2024-06-01", "Hamas", "Israel"),
            pair("q1", "2024-02-01", "Hamas", "Qatar"),
        ];
        let corpus = Corpus::new(&docs);
        let overrides = crate::overrides::parse(
            "merge\tHamas-Qatar\tHamas-Israel\nsplit\tHamas-Israel\t2024-05-01\nmove\tg2\tGaza truce file\n",
        )
        .unwrap();
        let groups = group(&corpus, &overrides).unwrap();
        let by_name = |name: &str| groups.iter().find(|g| g.name == name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(by_name("Hamas-Israel").documents, [0, 3]);
        assert!(
            by_name("Hamas-Israel").reasons[1].ends_with("merged here from Hamas-Qatar by the override file (line 1)")
        );
        assert_eq!(by_name("Hamas-Israel (from 2024-05-01)").documents, [2]);
        assert_eq!(by_name("Gaza truce file").documents, [1]);
        assert_eq!(by_name("Gaza truce file").reasons, ["moved here by the override file (line 3)"]);

        let unknown = crate::overrides::parse("move\tnope\tHamas-Israel\n").unwrap();
        assert_eq!(group(&corpus, &unknown).unwrap_err().to_string(), "line 1: no report `nope` is stored");
        let late = crate::overrides::parse("split\tHamas-Israel\t2030-01-01\n").unwrap();
        assert!(group(&corpus, &late).unwrap_err().to_string().contains("dated on or after 2030-01-01"));
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
