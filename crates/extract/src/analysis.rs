//! The per-document state the stages fill in turn, and its conversion into the output `Document`.

use std::cell::OnceCell;

use accord_lexicon::{Actor, ActorId, Lexicon, PhraseMatcher, RoleKind};
use accord_model::{Article, Attribution, Document, Modality, Person, Position, Proposal, Span, Status};
use accord_text::Doc;

use crate::roles::Roles;

/// How a mention refers to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Name,
    /// A demonym with a collective or role noun: "Ukrainian officials", "the Qatari side".
    Demonym,
    /// A capital or seat standing for the government: "Washington said".
    Seat,
    /// A person, standing for their affiliation.
    Person(usize),
    /// A descriptor resolved to an earlier actor: "the group".
    Descriptor,
}

/// One reference to an actor in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub actor: ActorId,
    pub via: Via,
    /// A place rather than an actor: "talks in Doha".
    pub locative: bool,
    /// A report about the actor rather than the actor: "Russian media", "Russia's Channel One".
    pub media: bool,
    /// The actor as broker of the talks: "Saudi and American mediators".
    pub brokering: bool,
}

impl Mention {
    /// Whether the mention can be the actor doing or saying something.
    pub fn is_agent(&self) -> bool {
        !self.locative && !self.media
    }
}

/// A person named in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonFinding {
    pub name: String,
    /// Other forms of the name used in the text.
    pub forms: Vec<String>,
    pub affiliation: Option<ActorId>,
    /// The affiliation's name when it is not a known actor (an outlet, say).
    pub affiliation_name: Option<String>,
    pub role: Option<String>,
    pub role_kind: Option<RoleKind>,
    /// The role is the one this report states, not the gazetteer's.
    pub role_stated: bool,
    /// Found in the gazetteer rather than by a role in the text.
    pub known: bool,
    /// Every place in the text the person is named.
    pub spans: Vec<Span>,
}

/// Who speaks in a sentence, and how firmly it is put.
#[derive(Debug, Clone, PartialEq)]
pub struct Voice {
    pub side: Option<ActorId>,
    pub speaker: Option<String>,
    pub attribution: Attribution,
    pub modality: Modality,
    /// The speaker is an analyst or journalist, whose reading is not a side's position.
    pub commentary: bool,
}

/// A position with the actor behind it and the sentence it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub holder: ActorId,
    pub sentence: usize,
    /// The issue term the position was read from ("humanitarian pause"), lower-cased.
    pub term: String,
    pub position: Position,
}

/// A proposal with its author as an actor, before it is named for output.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalFinding {
    pub authors: Vec<ActorId>,
    pub sentence: usize,
    pub proposal: Proposal,
}

/// Everything known about one document so far; each stage reads earlier fields and fills its own.
pub struct Analysis<'a> {
    pub doc: &'a Doc,
    pub lexicon: &'a Lexicon,
    /// Organisations this report names that the gazetteer does not list; their ids follow the gazetteer's.
    pub local_actors: Vec<Actor>,
    /// Every form of a local actor, and acronyms the report defines for any actor, case-sensitive.
    pub local_forms: Option<PhraseMatcher<ActorId>>,
    pub people: Vec<PersonFinding>,
    /// Actor mentions of each sentence, in text order.
    pub mentions: Vec<Vec<Mention>>,
    pub voices: Vec<Voice>,
    pub findings: Vec<Finding>,
    pub proposals: Vec<ProposalFinding>,
    /// Where proposal nouns ("plan", "proposal", "initiative") stand in each sentence.
    proposal_nouns: Vec<Vec<Span>>,
    /// Every gazetteer name form in the whole text, found once when a stage first asks.
    actor_forms: OnceCell<Vec<(Span, ActorId)>>,
    /// Whether each sentence speaks of mediating ("brokered", "hosted the talks"), found once when asked.
    mediation_sentences: OnceCell<Vec<bool>>,
    /// The report's two principal sides, found once when asked (after the mentions are found).
    principal_sides: OnceCell<Vec<ActorId>>,
}

impl<'a> Analysis<'a> {
    pub fn new(doc: &'a Doc, lexicon: &'a Lexicon) -> Analysis<'a> {
        let proposal_nouns = doc
            .sentences
            .iter()
            .map(|sentence| {
                lexicon
                    .cues
                    .proposal_nouns
                    .find_iter(sentence.slice(&doc.text))
                    .map(|m| Span::new(sentence.start + m.start, sentence.start + m.end))
                    .collect()
            })
            .collect();
        Analysis {
            doc,
            lexicon,
            local_actors: Vec::new(),
            local_forms: None,
            people: Vec::new(),
            mentions: vec![Vec::new(); doc.sentences.len()],
            voices: Vec::new(),
            findings: Vec::new(),
            proposals: Vec::new(),
            proposal_nouns,
            actor_forms: OnceCell::new(),
            mediation_sentences: OnceCell::new(),
            principal_sides: OnceCell::new(),
        }
    }

    /// Whether sentence `s` speaks of mediating.
    pub fn is_mediation_sentence(&self, s: usize) -> bool {
        let flags = self.mediation_sentences.get_or_init(|| {
            let cues = &self.lexicon.cues.mediation;
            self.doc
                .sentences
                .iter()
                .map(|sentence| cues.find_iter(sentence.slice(&self.doc.text)).next().is_some())
                .collect()
        });
        flags.get(s).copied().unwrap_or(false)
    }

    /// The two actors named most as agents outside sentences about mediating (at least twice), the earlier
    /// of equals first: the report's sides. Asked only once the mentions are found.
    pub fn principal_sides(&self) -> &[ActorId] {
        self.principal_sides.get_or_init(|| {
            let mut counts: Vec<(ActorId, usize, usize)> = Vec::new();
            for (s, mentions) in self.mentions.iter().enumerate() {
                if self.is_mediation_sentence(s) {
                    continue;
                }
                // Descriptors ("both sides") are resolved from these counts, so they do not add to them.
                let counted = |m: &&Mention| {
                    m.is_agent() && !m.brokering && m.via != Via::Descriptor && !self.sponsors_proposal(s, m.span)
                };
                for m in mentions.iter().filter(counted) {
                    match counts.iter_mut().find(|(a, _, _)| *a == m.actor) {
                        Some(entry) => entry.1 += 1,
                        None => counts.push((m.actor, 1, m.span.start)),
                    }
                }
            }
            counts.sort_by_key(|(_, n, first)| (std::cmp::Reverse(*n), *first));
            counts.into_iter().filter(|(_, n, _)| *n >= 2).take(2).map(|(a, _, _)| a).collect()
        })
    }

    /// Whether the actor named at `span` in sentence `s` is named as a proposal's sponsor: "the US-backed
    /// plan", "a Qatari-drafted proposal". Such an actor backs the deal; it is not thereby one of its sides.
    pub fn sponsors_proposal(&self, s: usize, span: Span) -> bool {
        let text = &self.doc.text;
        let after = text.get(span.end..).unwrap_or("");
        let Some(compound) = after.strip_prefix('-') else { return false };
        let word = compound.len() - compound.trim_start_matches(|c: char| c.is_alphabetic()).len();
        word > 0
            && self.proposal_nouns(s).iter().any(|noun| {
                noun.start > span.end
                    && text.get(span.end..noun.start).is_some_and(|gap| gap.split_whitespace().count() <= 3)
            })
    }

    /// Every gazetteer form (names, demonyms, seats) in the text, in text order, with its actor.
    pub fn actor_forms(&self) -> &[(Span, ActorId)] {
        self.actor_forms.get_or_init(|| {
            self.lexicon
                .actors
                .forms
                .find_iter(&self.doc.text)
                .map(|m| (Span::new(m.start, m.end), m.value.actor))
                .collect()
        })
    }

    /// Where proposal nouns ("plan", "proposal", "initiative") stand in sentence `s`.
    pub fn proposal_nouns(&self, s: usize) -> &[Span] {
        &self.proposal_nouns[s]
    }

    /// The actor `id` names: a gazetteer entry, or one of this report's own organisations.
    pub fn actor(&self, id: ActorId) -> &Actor {
        let known = &self.lexicon.actors.actors;
        known.get(id).unwrap_or_else(|| &self.local_actors[id - known.len()])
    }

    /// The actor named `name`: a gazetteer name or alias, or one of this report's organisations.
    pub fn actor_by_name(&self, name: &str) -> Option<ActorId> {
        let offset = self.lexicon.actors.actors.len();
        let bare = |n: &str| n.trim_start_matches("the ").to_lowercase();
        self.lexicon
            .actors
            .by_name(name)
            .or_else(|| self.local_actors.iter().position(|a| bare(&a.name) == bare(name)).map(|i| offset + i))
    }

    pub fn actor_name(&self, actor: ActorId) -> &str {
        &self.actor(actor).name
    }

    pub fn into_document(self, article: &Article, roles: Roles, status: Status) -> Document {
        let names = |ids: &[ActorId]| ids.iter().map(|id| self.actor_name(*id).to_string()).collect::<Vec<_>>();
        let negotiation = (roles.parties.len() >= 2)
            .then(|| format!("{}-{}", self.actor_name(roles.parties[0]), self.actor_name(roles.parties[1])));
        let people = self
            .people
            .iter()
            .map(|p| Person {
                name: p.name.clone(),
                aliases: p.forms.clone(),
                affiliation: p
                    .affiliation
                    .map(|a| self.actor_name(a).to_string())
                    .or_else(|| p.affiliation_name.clone()),
                role: p.role.clone(),
                known: p.known,
            })
            .collect();
        Document {
            id: article.id.clone(),
            title: article.title.clone(),
            source: article.source.clone(),
            url: article.url.clone(),
            published: article.published,
            negotiation,
            parties: names(&roles.parties),
            mediators: names(&roles.mediators),
            guarantors: names(&roles.guarantors),
            people,
            positions: self.findings.into_iter().map(|f| f.position).collect(),
            proposals: self.proposals.into_iter().map(|p| p.proposal).collect(),
            status,
            text: self.doc.text.clone(),
        }
    }
}
