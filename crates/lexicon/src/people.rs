//! Known negotiators and leaders (`people.tsv`), with their affiliation and role.

use crate::{LexiconError, Table};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownPerson {
    pub name: String,
    pub aliases: Vec<String>,
    /// The canonical actor name the person acts for.
    pub affiliation: String,
    pub role: String,
}

pub fn parse_people(text: &str) -> Result<Vec<KnownPerson>, LexiconError> {
    let table = Table::parse("people.tsv", text, &["name", "aliases", "affiliation", "role"])?;
    table
        .rows()
        .map(|row| {
            Ok(KnownPerson {
                name: row.required("name")?.to_string(),
                aliases: row.list("aliases").into_iter().map(String::from).collect(),
                affiliation: row.required("affiliation")?.to_string(),
                role: row.get("role").to_string(),
            })
        })
        .collect()
}
