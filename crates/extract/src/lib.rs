//! Doc + Lexicon -> findings: people, actors, attribution, proposals, positions, roles and status of one report.
//!
//! The pipeline is [`Extractor::extract`]; each stage lives in its own module and reads the stages before it
//! through [`Analysis`], the per-document state.

mod analysis;
mod attribution;
mod candidates;
mod detail;
mod features;
mod holders;
mod issues;
mod learned;
mod mentions;
mod organisations;
mod people;
mod positions;
mod proposals;
#[cfg(test)]
mod regressions;
mod roles;
mod scopes;
mod status;
#[cfg(test)]
mod testing;
mod training;
mod urging;
mod words;

use accord_lexicon::{KnownPerson, Lexicon, PhraseMatcher};
use accord_model::{Article, Document};
use accord_text::Doc;

pub use analysis::Analysis;
pub use training::{Examples, GoldPosition, Miss, issue_classes, stance_classes};

/// The surname of each known person that no other known person shares and that is five letters or more.
fn unique_surnames(people: &[KnownPerson]) -> Vec<(String, usize)> {
    let surname = |p: &KnownPerson| p.name.rsplit(' ').next().filter(|_| p.name.contains(' ')).map(str::to_string);
    let all: Vec<Option<String>> = people.iter().map(surname).collect();
    all.iter()
        .enumerate()
        .filter_map(|(i, s)| Some((s.clone()?, i)))
        .filter(|(s, _)| s.chars().count() >= 5 && all.iter().filter(|o| o.as_ref() == Some(s)).count() == 1)
        .collect()
}

/// The extraction pipeline, built once from a lexicon and run on any number of articles.
pub struct Extractor {
    lexicon: Lexicon,
    /// Every known person's name and alias, case-sensitive, pointing into `lexicon.people`.
    known_people: PhraseMatcher<usize>,
    /// Known people's surnames that are no other known person's: "Aliyev" for Ilham Aliyev.
    known_surnames: PhraseMatcher<usize>,
}

impl Extractor {
    pub fn new(lexicon: Lexicon) -> Extractor {
        let known_people = PhraseMatcher::new(
            lexicon
                .people
                .iter()
                .enumerate()
                .flat_map(|(i, p): (usize, &KnownPerson)| {
                    std::iter::once(p.name.clone()).chain(p.aliases.iter().cloned()).map(move |form| (form, i))
                })
                .collect(),
            true,
        );
        let known_surnames = PhraseMatcher::new(unique_surnames(&lexicon.people), true);
        Extractor { lexicon, known_people, known_surnames }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Everything one article says about the negotiation it reports on.
    pub fn extract(&self, article: &Article) -> Document {
        let doc = Doc::new(article, &self.lexicon.cues);
        let mut analysis = self.rules(&doc);
        // Brokers the rules find are not made parties by what the models add.
        let brokers = roles::mediators_of(&analysis);
        learned::decide(&mut analysis, &brokers);
        let urgers = urging::remove(&mut analysis);
        let mut roles = roles::assign(&analysis);
        // Who urges both sides is not one of them.
        roles.parties.retain(|a| !urgers.contains(a));
        for actor in urgers {
            if !roles.mediators.contains(&actor) {
                roles.mediators.push(actor);
            }
        }
        // A mediator offering to host or bridge is brokering, not bargaining: not a position of a side.
        analysis.findings.retain(|f| !roles.mediators.contains(&f.holder));
        let status = status::classify(&analysis);
        analysis.into_document(article, roles, status)
    }

    /// The learned models' training examples from one annotated article (see `accord train`).
    pub fn training_examples(&self, article: &Article, gold: &[GoldPosition]) -> Examples {
        let doc = Doc::new(article, &self.lexicon.cues);
        training::examples(&self.rules(&doc), gold)
    }

    /// The rule stages, up to the rules' own positions, which the learned models read as features.
    fn rules<'d>(&'d self, doc: &'d Doc) -> Analysis<'d> {
        let mut analysis = Analysis::new(doc, &self.lexicon);
        organisations::find(&mut analysis);
        people::find(&mut analysis, &self.known_people, &self.known_surnames);
        mentions::find(&mut analysis);
        attribution::find(&mut analysis);
        proposals::find(&mut analysis);
        positions::find(&mut analysis);
        analysis
    }
}
