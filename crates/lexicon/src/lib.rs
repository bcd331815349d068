//! Accord's language knowledge: the data files under `data/en/`, compiled in and overridable with `--data-dir`.
//!
//! [`DataFiles`] hands out the raw text of each file; [`Lexicon`] is the typed view the extractor uses.
//! Stages that own a file's meaning alone (ingest's boilerplate cues) parse that file themselves.

mod actors;
mod cues;
mod files;
mod models;
mod people;
mod phrases;
mod tsv;

pub use actors::{Actor, ActorForm, ActorId, ActorKind, FormKind, Gazetteer};
pub use cues::{Collective, CueShape, Cues, IssueCue, Refers, RoleKind, SpeechKind, StanceCue, StatusCue, UnitCue};
pub use files::{DataFiles, LexiconError};
pub use models::{Models, NO_STANCE};
pub use people::{KnownPerson, parse_people};
pub use phrases::{PhraseMatch, PhraseMatcher};
pub use tsv::{Row, Table};

/// Everything the extractor knows about the world and the language, parsed once.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub actors: Gazetteer,
    pub people: Vec<KnownPerson>,
    pub cues: Cues,
    pub models: Models,
}

impl Lexicon {
    pub fn load(files: &DataFiles) -> Result<Lexicon, LexiconError> {
        let read = |name: &str| files.read(name).map(|text| text.into_owned());
        let load = || {
            Ok(Lexicon {
                actors: Gazetteer::parse(&read("actors.tsv")?)?,
                people: parse_people(&read("people.tsv")?)?,
                cues: Cues::parse(read)?,
                models: Models::parse(&read("model.tsv")?)?,
            })
        };
        load().map_err(|e| files.locate(e))
    }

    /// The built-in data files, which are known to parse (a test checks it).
    pub fn embedded() -> Lexicon {
        Lexicon::load(&DataFiles::embedded()).expect("embedded data files parse")
    }
}
