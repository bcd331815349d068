//! Canonical people across documents: aliases, surnames and transliteration variants, each merge with its reason.
//!
//! Three rules, all decided on pairs of mentions so the result does not depend on the order of documents:
//! 1. the same name up to titles, case, accents and punctuation (a document's own aliases count as its names),
//!    with compatible affiliations (equal, or one unknown);
//! 2. a surname alone ("Lavrov") joins the one person of a compatible affiliation whose name ends with it;
//! 3. a transliteration variant ("Sergey Lavrov" for "Sergei Lavrov"): same first name, same affiliation, a
//!    shared role word ("envoy"), and surnames whose Jaro-Winkler similarity over a phonetic-ish spelling
//!    reaches [`SURNAME_SIMILARITY`].

use std::collections::{BTreeMap, BTreeSet, HashMap};

use accord_model::{Document, LedgerPerson, Merge, Person};

/// Jaro-Winkler over [`phonetic`] spellings: transliteration variants of one surname score high, unrelated
/// surnames low.
pub const SURNAME_SIMILARITY: f64 = 0.8;

/// Honorifics and titles written before a name; not part of it.
const TITLES: &[&str] = &[
    "ambassador",
    "capt",
    "col",
    "dr",
    "emir",
    "gen",
    "general",
    "imam",
    "judge",
    "king",
    "lord",
    "lt",
    "maj",
    "minister",
    "mr",
    "mrs",
    "ms",
    "president",
    "prince",
    "prof",
    "queen",
    "rabbi",
    "rep",
    "sen",
    "senator",
    "sheikh",
    "sheik",
    "sir",
];

/// Words of a role too generic to show two roles are the same job.
const WEAK_ROLE_WORDS: &[&str] = &[
    "a", "acting", "an", "and", "as", "at", "deputy", "east", "for", "former", "in", "middle", "of", "official", "on",
    "senior", "the", "to", "u", "s", "us",
];

/// A person across all documents, and the documents that name them.
#[derive(Debug, Clone)]
pub struct Cluster {
    pub person: LedgerPerson,
    pub docs: BTreeSet<usize>,
}

struct Mention<'d> {
    doc: usize,
    doc_id: &'d str,
    person: &'d Person,
    /// Normalised tokens of the name, titles removed.
    tokens: Vec<String>,
}

/// Why a form of a name belongs to its person; ranked by `kind` when a form has several.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Edge {
    form: String,
    kind: u8,
    reason: String,
}

pub fn resolve(documents: &[&Document]) -> Vec<Cluster> {
    let mentions: Vec<Mention> = documents
        .iter()
        .enumerate()
        .flat_map(|(doc, d)| {
            d.people.iter().map(move |person| Mention { doc, doc_id: &d.id, person, tokens: name_tokens(&person.name) })
        })
        .filter(|m| !m.tokens.is_empty())
        .collect();
    let forms = Forms::of(&mentions);
    let mut sets = DisjointSets::new(mentions.len());
    let mut edges: Vec<Edge> = Vec::new();

    for m in &mentions {
        for alias in &m.person.aliases {
            edges.push(Edge {
                form: alias.clone(),
                kind: 0,
                reason: format!("alias of {} in document {}", m.person.name, m.doc_id),
            });
        }
    }

    // Rule 1: a shared full name (two tokens or more), among names and aliases.
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (f, members) in forms.members.iter().enumerate() {
        let m = &mentions[members[0]];
        let keys: BTreeSet<String> = std::iter::once(&m.person.name)
            .chain(&m.person.aliases)
            .map(|n| name_tokens(n))
            .filter(|t| t.len() >= 2)
            .map(|t| t.join(" "))
            .collect();
        if !keys.is_empty() {
            members.iter().for_each(|&i| sets.union(members[0], i));
        }
        for key in keys {
            by_key.entry(key).or_default().push(f);
        }
    }
    for group in by_key.values() {
        for (x, &f) in group.iter().enumerate() {
            for &g in &group[x + 1..] {
                let (i, j) = (forms.members[f][0], forms.members[g][0]);
                let (a, b) = (&mentions[i], &mentions[j]);
                if compatible(a.person, b.person) {
                    sets.union(i, j);
                    if a.person.name != b.person.name {
                        for (p, q) in [(a, b), (b, a)] {
                            edges.push(Edge {
                                form: p.person.name.clone(),
                                kind: 1,
                                reason: format!("same name as {} up to titles, case and punctuation", q.person.name),
                            });
                        }
                    }
                }
            }
        }
    }

    // Rule 2: a surname alone joins the one compatible person whose full name ends with it.
    let snapshot: Vec<usize> = (0..mentions.len()).map(|i| sets.find(i)).collect();
    let mut full_names: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut first_full: HashMap<usize, usize> = HashMap::new();
    for (j, n) in mentions.iter().enumerate().filter(|(_, n)| n.tokens.len() >= 2) {
        full_names.entry(n.tokens.last().unwrap()).or_default().push(j);
        first_full.entry(snapshot[j]).or_insert(j);
    }
    for members in &forms.members {
        let m = &mentions[members[0]];
        if m.tokens.len() != 1 {
            continue;
        }
        let owners: BTreeSet<usize> = full_names
            .get(m.tokens[0].as_str())
            .into_iter()
            .flatten()
            .filter(|&&j| compatible(m.person, mentions[j].person))
            .map(|&j| snapshot[j])
            .collect();
        if let [owner] = owners.iter().copied().collect::<Vec<_>>().as_slice() {
            let j = first_full[owner];
            members.iter().for_each(|&i| sets.union(i, j));
            edges.push(Edge {
                form: m.person.name.clone(),
                kind: 2,
                reason: format!("surname of {}", mentions[j].person.name),
            });
        }
    }

    // Rule 3: transliteration variants, among full names of one first name and affiliation.
    let mut by_first_name: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (f, members) in forms.members.iter().enumerate() {
        let m = &mentions[members[0]];
        if let (true, Some(affiliation)) = (m.tokens.len() >= 2, &m.person.affiliation) {
            by_first_name.entry((&m.tokens[0], affiliation)).or_default().push(f);
        }
    }
    for group in by_first_name.values() {
        for (x, &f) in group.iter().enumerate() {
            for &g in &group[x + 1..] {
                // A mention of one form before a mention of the other puts that form first, as a scan of all
                // pairs of mentions in order would.
                for (p, q) in [(f, g), (g, f)] {
                    if forms.members[p][0] > *forms.members[q].last().unwrap() {
                        continue;
                    }
                    let (a, b) = (&mentions[forms.members[p][0]], &mentions[forms.members[q][0]]);
                    if let Some(why) = variant(a, b) {
                        sets.union(forms.members[p][0], forms.members[q][0]);
                        for (p, q) in [(a, b), (b, a)] {
                            edges.push(Edge {
                                form: p.person.name.clone(),
                                kind: 3,
                                reason: format!("same first name as {}, {why}", q.person.name),
                            });
                        }
                    }
                }
            }
        }
    }

    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..mentions.len() {
        members.entry(sets.find(i)).or_default().push(i);
    }
    edges.sort();
    let mut reasons: BTreeMap<&str, &str> = BTreeMap::new();
    for edge in &edges {
        reasons.entry(&edge.form).or_insert(&edge.reason);
    }
    let mut clusters: Vec<Cluster> =
        members.values().map(|ms| cluster(&ms.iter().map(|&i| &mentions[i]).collect::<Vec<_>>(), &reasons)).collect();
    clusters.sort_by(|a, b| a.person.name.cmp(&b.person.name).then_with(|| a.docs.cmp(&b.docs)));
    clusters
}

/// Mentions that read alike to every rule (same name, aliases, affiliation and role), so each rule compares
/// forms rather than every pair of mentions.
struct Forms {
    /// The mentions of each form, in mention order.
    members: Vec<Vec<usize>>,
}

/// Name, aliases, affiliation and role.
type FormKey<'p> = (&'p str, &'p [String], Option<&'p str>, Option<&'p str>);

impl Forms {
    fn of(mentions: &[Mention]) -> Forms {
        let mut index: HashMap<FormKey, usize> = HashMap::new();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            let p = m.person;
            let key = (p.name.as_str(), p.aliases.as_slice(), p.affiliation.as_deref(), p.role.as_deref());
            let f = *index.entry(key).or_insert_with(|| {
                members.push(Vec::new());
                members.len() - 1
            });
            members[f].push(i);
        }
        Forms { members }
    }
}

/// The people named in the given documents, with those documents' ids.
pub fn for_negotiation(clusters: &[Cluster], documents: &[&Document], docs: &[usize]) -> Vec<LedgerPerson> {
    let mut people: Vec<LedgerPerson> = clusters
        .iter()
        .filter_map(|c| {
            let ids: Vec<String> =
                docs.iter().filter(|d| c.docs.contains(d)).map(|&d| documents[d].id.clone()).collect();
            (!ids.is_empty()).then(|| LedgerPerson { documents: ids, ..c.person.clone() })
        })
        .collect();
    people.sort_by(|a, b| b.documents.len().cmp(&a.documents.len()).then_with(|| a.name.cmp(&b.name)));
    people
}

fn cluster(mentions: &[&Mention], reasons: &BTreeMap<&str, &str>) -> Cluster {
    // The canonical name: the gazetteer's spelling, then the main name used by most documents, then the
    // fullest, then alphabetical.
    let mut uses: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    let known: BTreeSet<&str> = mentions.iter().filter(|m| m.person.known).map(|m| m.person.name.as_str()).collect();
    for m in mentions {
        uses.entry(&m.person.name).or_default().insert(m.doc);
    }
    let name = uses
        .iter()
        .max_by(|a, b| {
            known
                .contains(a.0)
                .cmp(&known.contains(b.0))
                .then_with(|| a.1.len().cmp(&b.1.len()))
                .then_with(|| name_tokens(a.0).len().cmp(&name_tokens(b.0).len()))
                // Untitled forms first: "Abdalla Hamdok" over "Dr. Abdalla Hamdok".
                .then_with(|| b.0.split_whitespace().count().cmp(&a.0.split_whitespace().count()))
                .then_with(|| b.0.cmp(a.0))
        })
        .map(|(n, _)| n.to_string())
        .unwrap_or_default();
    let aliases: BTreeSet<String> = mentions
        .iter()
        .flat_map(|m| std::iter::once(&m.person.name).chain(&m.person.aliases))
        .filter(|n| **n != name)
        .cloned()
        .collect();
    let merges = aliases
        .iter()
        .filter_map(|alias| {
            reasons.get(alias.as_str()).map(|reason| Merge { alias: alias.clone(), reason: reason.to_string() })
        })
        .collect();
    Cluster {
        person: LedgerPerson {
            name,
            aliases: aliases.into_iter().collect(),
            affiliation: most_common(mentions.iter().filter_map(|m| m.person.affiliation.as_deref())),
            role: most_common(mentions.iter().filter_map(|m| m.person.role.as_deref())),
            documents: {
                let ids: BTreeSet<&str> = mentions.iter().map(|m| m.doc_id).collect();
                ids.into_iter().map(str::to_string).collect()
            },
            merges,
        },
        docs: mentions.iter().map(|m| m.doc).collect(),
    }
}

fn most_common<'a>(values: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    // Ties go to the alphabetically first: max_by_key keeps the last maximum, so compare reversed names.
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0))).map(|(v, _)| v.to_string())
}

fn compatible(a: &Person, b: &Person) -> bool {
    match (&a.affiliation, &b.affiliation) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Rule 3 for one pair of mentions: the reason they are one person, if they are.
fn variant(a: &Mention, b: &Mention) -> Option<String> {
    if a.tokens.len() < 2 || b.tokens.len() < 2 || a.tokens[0] != b.tokens[0] {
        return None;
    }
    let (Some(affiliation), Some(other)) = (&a.person.affiliation, &b.person.affiliation) else { return None };
    if affiliation != other {
        return None;
    }
    let (Some(role_a), Some(role_b)) = (&a.person.role, &b.person.role) else { return None };
    let words_b = role_words(role_b);
    let shared: Vec<String> = role_words(role_a).into_iter().filter(|w| words_b.contains(w)).collect();
    if shared.is_empty() {
        return None;
    }
    let (sa, sb) = (a.tokens.last()?, b.tokens.last()?);
    if sa == sb {
        return None;
    }
    let similarity = jaro_winkler(&phonetic(sa), &phonetic(sb));
    (similarity >= SURNAME_SIMILARITY)
        .then(|| format!("affiliation {affiliation}, role {}; surname similarity {similarity:.2}", shared.join(" ")))
}

fn role_words(role: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for w in fold(role).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !WEAK_ROLE_WORDS.contains(&w) && !words.iter().any(|x| x == w) {
            words.push(w.to_string());
        }
    }
    words
}

/// Lower-case, accent-free tokens of a name, without leading titles.
pub fn name_tokens(name: &str) -> Vec<String> {
    let folded = fold(name);
    let mut tokens: Vec<String> =
        folded.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(str::to_string).collect();
    while tokens.len() > 1 && TITLES.contains(&tokens[0].as_str()) {
        tokens.remove(0);
    }
    tokens
}

/// Lower case with the common Latin accents removed, so "José" and "Jose" compare equal.
fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'ç' | 'č' | 'ć' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'ñ' | 'ń' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
            'ý' | 'ÿ' => 'y',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            '’' | '\'' => '\'',
            other => other,
        })
        .filter(|&c| c != '\'')
        .collect()
}

/// A spelling that ignores what transliterations vary in: h after the first letter, doubled letters, vowel
/// quality, and c/k/q, ph/f, w/v, z/s.
pub fn phonetic(word: &str) -> String {
    let lower = fold(word).replace("ph", "f").replace("ck", "k");
    let mut out = String::new();
    for (i, c) in lower.chars().filter(|c| c.is_alphabetic()).enumerate() {
        let c = match c {
            'c' | 'q' => 'k',
            'w' => 'v',
            'z' => 's',
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' if i > 0 => 'a',
            'h' if i > 0 => continue,
            other => other,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Jaro-Winkler similarity in [0, 1], prefix scale 0.1 over at most four characters.
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.is_empty() || b.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut taken = vec![false; b.len()];
    let mut matched_a = Vec::new();
    for (i, &c) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        if let Some(j) = (lo..hi).find(|&j| !taken[j] && b[j] == c) {
            taken[j] = true;
            matched_a.push(c);
        }
    }
    let m = matched_a.len();
    if m == 0 {
        return 0.0;
    }
    let matched_b = b.iter().zip(&taken).filter(|(_, t)| **t).map(|(c, _)| *c);
    let transpositions = matched_a.iter().zip(matched_b).filter(|(x, y)| **x != *y).count() / 2;
    let m = m as f64;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions as f64) / m) / 3.0;
    let prefix = a.iter().zip(&b).take(4).take_while(|(x, y)| x == y).count() as f64;
    jaro + prefix * 0.1 * (1.0 - jaro)
}

struct DisjointSets(Vec<usize>);

impl DisjointSets {
    fn new(n: usize) -> DisjointSets {
        DisjointSets((0..n).collect())
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    /// The smaller root wins, so roots do not depend on the order of unions.
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        let (low, high) = (a.min(b), a.max(b));
        self.0[high] = low;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    fn people(docs: &[Document]) -> Vec<LedgerPerson> {
        let refs: Vec<&Document> = docs.iter().collect();
        resolve(&refs).into_iter().map(|c| c.person).collect()
    }

    #[test]
    fn witkoff_and_whittaker_are_one_envoy() {
        let docs = vec![
            doc("a").person_with_aliases(
                "Steve Witkoff",
                &["Witkoff"],
                "United States",
                "Special Envoy to the Middle East",
            ),
            doc("b").person("Steve Witkoff", "United States", "special envoy"),
            doc("c").person_with_aliases("Steve Whittaker", &["Whittaker"], "United States", "U.S. special envoy"),
        ];
        let people = people(&docs);
        assert_eq!(people.len(), 1, "{people:#?}");
        let p = &people[0];
        assert_eq!(p.name, "Steve Witkoff");
        assert_eq!(p.aliases, ["Steve Whittaker", "Whittaker", "Witkoff"]);
        assert_eq!(p.documents, ["a", "b", "c"]);
        let merge = p.merges.iter().find(|m| m.alias == "Steve Whittaker").expect("merge recorded");
        assert!(merge.reason.starts_with("same first name as Steve Witkoff, affiliation United States, role special envoy; surname similarity 0.8"), "{}", merge.reason);
    }

    #[test]
    fn same_first_name_alone_does_not_merge() {
        let docs = vec![
            doc("a").person("Joe Biden", "United States", "President"),
            doc("b").person("Joe Manchin", "United States", "Senator"),
            doc("c").person("Joe Bidden", "United States", "Senator"),
        ];
        let people = people(&docs);
        assert_eq!(people.len(), 3, "different roles, or dissimilar surnames: {people:#?}");
        assert!(jaro_winkler(&phonetic("Biden"), &phonetic("Manchin")) < SURNAME_SIMILARITY);
    }

    #[test]
    fn surnames_titles_and_aliases_join_across_documents() {
        let docs = vec![
            doc("a").person("Benjamin Netanyahu", "Israel", "Prime Minister"),
            doc("b").person("Netanyahu", "", ""),
            doc("c").person_with_aliases("Khalil al-Hayya", &["Dr. Khalil al-Hayya"], "Hamas", "chief negotiator"),
            doc("d").person("Dr. Khalil Al Hayya", "Hamas", ""),
            doc("e").person("Yair Netanyahu", "", ""),
        ];
        let people = people(&docs);
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Benjamin Netanyahu", "Khalil al-Hayya", "Netanyahu", "Yair Netanyahu"], "{people:#?}");
        assert!(people[0].merges.is_empty(), "an ambiguous surname stays apart: {:?}", people[0]);
        let hayya = &people[1];
        assert_eq!(hayya.documents, ["c", "d"]);
        assert!(hayya.merges.iter().any(|m| m.alias == "Dr. Khalil Al Hayya" && m.reason.contains("up to titles")));
    }

    #[test]
    fn a_unique_surname_joins_its_person() {
        let docs = vec![
            doc("a").person("Benjamin Netanyahu", "Israel", "Prime Minister"),
            doc("b").person("Netanyahu", "Israel", ""),
        ];
        let people = people(&docs);
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].merges[0].reason, "surname of Benjamin Netanyahu");
    }

    #[test]
    fn jaro_winkler_matches_known_values() {
        assert!((jaro_winkler("martha", "marhta") - 0.961).abs() < 1e-3);
        assert!((jaro_winkler("witkoff", "whittaker") - 0.705).abs() < 1e-3);
        assert_eq!(jaro_winkler("same", "same"), 1.0);
    }
}
