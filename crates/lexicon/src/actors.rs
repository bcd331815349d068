//! The actor gazetteer (`actors.tsv`): states, organisations, armed groups, unions and companies.

use std::str::FromStr;

use crate::{LexiconError, PhraseMatcher, Table};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    State,
    ObserverState,
    Territory,
    Igo,
    ArmedGroup,
    PoliticalMovement,
    GovernmentBody,
    Union,
    Company,
    EmployerGroup,
}

impl FromStr for ActorKind {
    type Err = String;

    fn from_str(s: &str) -> Result<ActorKind, String> {
        Ok(match s {
            "state" => ActorKind::State,
            "observer_state" => ActorKind::ObserverState,
            "territory" => ActorKind::Territory,
            "igo" => ActorKind::Igo,
            "armed_group" => ActorKind::ArmedGroup,
            "political_movement" => ActorKind::PoliticalMovement,
            "government_body" => ActorKind::GovernmentBody,
            "union" => ActorKind::Union,
            "company" => ActorKind::Company,
            "employer_group" => ActorKind::EmployerGroup,
            other => return Err(format!("unknown actor kind `{other}`")),
        })
    }
}

impl ActorKind {
    /// States and state-like actors, whose capitals stand for them and who mediate.
    pub fn is_state_like(self) -> bool {
        matches!(self, ActorKind::State | ActorKind::ObserverState | ActorKind::Territory)
    }
}

/// Index of an actor in the gazetteer.
pub type ActorId = usize;

#[derive(Debug, Clone)]
pub struct Actor {
    pub name: String,
    pub kind: ActorKind,
    /// Other names of the actor ("Myanmar junta" for the Tatmadaw), as listed.
    pub aliases: Vec<String>,
}

/// How a surface form refers to its actor; demonyms and seats need context to count as the actor acting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Name,
    Demonym,
    Seat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorForm {
    pub actor: ActorId,
    pub kind: FormKind,
}

/// All actors, and a case-sensitive matcher over every name, alias, demonym and seat.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    pub actors: Vec<Actor>,
    pub forms: PhraseMatcher<ActorForm>,
}

impl Gazetteer {
    pub fn parse(text: &str) -> Result<Gazetteer, LexiconError> {
        let table = Table::parse("actors.tsv", text, &["name", "kind", "aliases", "demonyms", "seats"])?;
        let mut actors = Vec::new();
        let mut forms = Vec::new();
        for row in table.rows() {
            let kind = row.parse("kind")?;
            let actor = actors.len();
            let aliases = row.list("aliases").into_iter().map(String::from).collect();
            actors.push(Actor { name: row.required("name")?.to_string(), kind, aliases });
            let mut add = |form: &str, kind| forms.push((form.to_string(), ActorForm { actor, kind }));
            add(row.get("name"), FormKind::Name);
            row.list("aliases").into_iter().for_each(|form| add(form, FormKind::Name));
            row.list("demonyms").into_iter().for_each(|form| add(form, FormKind::Demonym));
            row.list("seats").into_iter().for_each(|form| add(form, FormKind::Seat));
        }
        Ok(Gazetteer { actors, forms: PhraseMatcher::new(forms, true) })
    }

    pub fn by_name(&self, name: &str) -> Option<ActorId> {
        self.actors
            .iter()
            .position(|actor| actor.name == name)
            .or_else(|| self.forms.exact(name).filter(|form| form.kind == FormKind::Name).map(|form| form.actor))
    }
}
