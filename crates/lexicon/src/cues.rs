//! Cue lists: roles, descriptors, issue terms, stance and speech cues, status cues, numbers and units.

use std::collections::HashMap;
use std::str::FromStr;

use accord_model::{Issue, Stance, Status};

use crate::{ActorKind, LexiconError, PhraseMatcher, Table};

/// `FromStr` for a kind column: each id maps to a variant, and an unknown id is named with the valid ones.
macro_rules! keyword_kind {
    ($name:ident { $($id:literal => $variant:ident),+ $(,)? }) => {
        impl FromStr for $name {
            type Err = String;

            fn from_str(s: &str) -> Result<$name, String> {
                match s {
                    $($id => Ok($name::$variant),)+
                    other => Err(format!("unknown kind `{other}`; expected one of: {}", [$($id),+].join(", "))),
                }
            }
        }
    };
}

/// What a role word says about the person holding it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoleKind {
    HeadOfState,
    HeadOfGovernment,
    Minister,
    Envoy,
    Negotiator,
    Official,
    Spokesperson,
    Military,
    Intelligence,
    Leader,
    Legislator,
    Diplomat,
    Analyst,
    Journalist,
    UnionLeader,
    Executive,
}

impl RoleKind {
    /// Analysts and journalists read positions; they do not hold them for a side.
    pub fn speaks_for_a_side(self) -> bool {
        !matches!(self, RoleKind::Analyst | RoleKind::Journalist)
    }
}

keyword_kind!(RoleKind {
    "head_of_state" => HeadOfState,
    "head_of_government" => HeadOfGovernment,
    "minister" => Minister,
    "envoy" => Envoy,
    "negotiator" => Negotiator,
    "official" => Official,
    "spokesperson" => Spokesperson,
    "military" => Military,
    "intelligence" => Intelligence,
    "leader" => Leader,
    "legislator" => Legislator,
    "diplomat" => Diplomat,
    "analyst" => Analyst,
    "journalist" => Journalist,
    "union_leader" => UnionLeader,
    "executive" => Executive,
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssueCue {
    pub issue: Issue,
    /// 3 = specific, 2 = clear but general, 1 = a contextual hint.
    pub weight: u8,
}

/// The grammatical shape of a stance cue, which decides where its holder and content are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueShape {
    Verb,
    Noun,
    Phrase,
    /// Says something of what precedes it: "... are a precondition", "... is a red line".
    Copula,
    /// Gives the next cue of its sentence its stance: "In a concession, London agreed to ...".
    Modifier,
}

keyword_kind!(CueShape { "verb" => Verb, "noun" => Noun, "phrase" => Phrase, "copula" => Copula, "modifier" => Modifier });

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StanceCue {
    pub stance: Stance,
    pub shape: CueShape,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechKind {
    Say,
    Report,
    Hedge,
    Deny,
}

keyword_kind!(SpeechKind { "say" => Say, "report" => Report, "hedge" => Hedge, "deny" => Deny });

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusCue {
    pub status: Status,
    pub weight: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitCue {
    pub unit: String,
    pub factor: f64,
    /// The issue any quantity in this unit is about ("names" of prisoners to free).
    pub issue: Option<Issue>,
}

/// What a collective noun after a demonym makes of it: "Ukrainian officials" speak for Ukraine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collective {
    /// Officials, government, forces, negotiators: the side itself.
    Side,
    /// Media, press, sources: reports about the side, not the side.
    Media,
    /// Mediators: the actor brokers the talks rather than bargains in them.
    Mediator,
}

/// What a descriptor ("the group", "the two sides") refers back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refers {
    /// The nearest earlier actor of one of these kinds.
    Kinds(Vec<ActorKind>),
    /// The two actors the report names most.
    BothSides,
}

keyword_kind!(Collective { "side" => Side, "media" => Media, "mediator" => Mediator });

#[derive(Debug, Clone)]
pub struct Cues {
    pub roles: PhraseMatcher<RoleKind>,
    pub descriptors: PhraseMatcher<Refers>,
    pub collectives: PhraseMatcher<Collective>,
    pub issues: PhraseMatcher<IssueCue>,
    pub stances: PhraseMatcher<StanceCue>,
    pub speech: PhraseMatcher<SpeechKind>,
    pub status: PhraseMatcher<StatusCue>,
    pub units: PhraseMatcher<UnitCue>,
    pub proposal_nouns: PhraseMatcher<()>,
    pub mediation: PhraseMatcher<()>,
    pub numbers: HashMap<String, f64>,
    pub abbreviations: Vec<String>,
    /// The last words of organisation names, with the kind of actor each makes: "Union", "Airlines".
    pub organisation_heads: HashMap<String, ActorKind>,
}

/// Reads `file` into phrase/value pairs: the first column is the phrase, `value` builds the rest.
fn phrases<T>(
    read: &impl Fn(&str) -> Result<String, LexiconError>,
    file: &str,
    columns: &[&str],
    value: impl Fn(&crate::Row<'_, '_>) -> Result<T, LexiconError>,
) -> Result<PhraseMatcher<T>, LexiconError> {
    let text = read(file)?;
    let table = Table::parse(file, &text, columns)?;
    let mut entries = Vec::new();
    for row in table.rows() {
        let phrase = row.get(columns[0]);
        if phrase.is_empty() {
            return Err(row.malformed("empty phrase"));
        }
        entries.push((phrase.to_string(), value(&row)?));
    }
    Ok(PhraseMatcher::new(entries, false))
}

impl Cues {
    /// Parses every cue file; `read` returns a data file's text by name.
    pub fn parse(read: impl Fn(&str) -> Result<String, LexiconError>) -> Result<Cues, LexiconError> {
        let roles = phrases(&read, "roles.tsv", &["role", "kind"], |row| row.parse("kind"))?;
        let descriptors = phrases(&read, "descriptors.tsv", &["phrase", "refers_to"], |row| {
            if row.get("refers_to") == "both_sides" {
                return Ok(Refers::BothSides);
            }
            row.parse_list("refers_to").map(Refers::Kinds)
        })?;
        let collectives = phrases(&read, "collectives.tsv", &["noun", "kind"], |row| row.parse("kind"))?;
        let issues = phrases(&read, "issues.tsv", &["term", "issue", "weight"], |row| {
            Ok(IssueCue { issue: row.parse("issue")?, weight: row.parse("weight")? })
        })?;
        let stances = phrases(&read, "stances.tsv", &["cue", "stance", "kind"], |row| {
            let shape = row.parse("kind")?;
            Ok(StanceCue { stance: row.parse("stance")?, shape })
        })?;
        let speech = phrases(&read, "speech.tsv", &["cue", "kind"], |row| row.parse("kind"))?;
        let status = phrases(&read, "status.tsv", &["cue", "status", "weight"], |row| {
            Ok(StatusCue { status: row.parse("status")?, weight: row.parse("weight")? })
        })?;
        let units = phrases(&read, "units.tsv", &["noun", "unit", "factor"], |row| {
            let issue = match row.get("issue") {
                "" => None,
                _ => Some(row.parse("issue")?),
            };
            Ok(UnitCue { unit: row.get("unit").to_string(), factor: row.number("factor")?, issue })
        })?;
        let proposal_nouns = phrases(&read, "proposals.tsv", &["noun"], |_| Ok(()))?;
        let mediation = phrases(&read, "mediation.tsv", &["cue"], |_| Ok(()))?;
        let numbers_text = read("numbers.tsv")?;
        let numbers = Table::parse("numbers.tsv", &numbers_text, &["word", "value"])?
            .rows()
            .map(|row| {
                let word = row.required("word")?;
                // The number reader rules out other words by this shape before any lookup.
                if !word.bytes().all(|b| b.is_ascii_alphabetic()) {
                    return Err(row.malformed(format!("number word `{word}` must be ASCII letters only")));
                }
                Ok((word.to_ascii_lowercase(), row.number("value")?))
            })
            .collect::<Result<_, LexiconError>>()?;
        let abbreviations_text = read("abbreviations.tsv")?;
        let abbreviations = Table::parse("abbreviations.tsv", &abbreviations_text, &["abbreviation"])?
            .rows()
            .map(|row| row.required("abbreviation").map(str::to_string))
            .collect::<Result<_, LexiconError>>()?;
        let heads_text = read("organisations.tsv")?;
        let organisation_heads = Table::parse("organisations.tsv", &heads_text, &["head", "kind"])?
            .rows()
            .map(|row| Ok((row.required("head")?.to_string(), row.parse("kind")?)))
            .collect::<Result<_, LexiconError>>()?;
        Ok(Cues {
            organisation_heads,
            roles,
            descriptors,
            collectives,
            issues,
            stances,
            speech,
            status,
            units,
            proposal_nouns,
            mediation,
            numbers,
            abbreviations,
        })
    }
}
