//! The data files, embedded at build time, with per-file overrides from a directory.

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

use accord_model::printable;

/// The largest data file read from an override directory; the built-in ones are a few hundred KiB.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Every data file Accord ships, by name, with its embedded contents.
const EMBEDDED: &[(&str, &str)] = &[
    ("actors.tsv", include_str!("../../../data/en/actors.tsv")),
    ("people.tsv", include_str!("../../../data/en/people.tsv")),
    ("roles.tsv", include_str!("../../../data/en/roles.tsv")),
    ("descriptors.tsv", include_str!("../../../data/en/descriptors.tsv")),
    ("collectives.tsv", include_str!("../../../data/en/collectives.tsv")),
    ("issues.tsv", include_str!("../../../data/en/issues.tsv")),
    ("stances.tsv", include_str!("../../../data/en/stances.tsv")),
    ("speech.tsv", include_str!("../../../data/en/speech.tsv")),
    ("status.tsv", include_str!("../../../data/en/status.tsv")),
    ("numbers.tsv", include_str!("../../../data/en/numbers.tsv")),
    ("units.tsv", include_str!("../../../data/en/units.tsv")),
    ("abbreviations.tsv", include_str!("../../../data/en/abbreviations.tsv")),
    ("proposals.tsv", include_str!("../../../data/en/proposals.tsv")),
    ("mediation.tsv", include_str!("../../../data/en/mediation.tsv")),
    ("boilerplate.tsv", include_str!("../../../data/en/boilerplate.tsv")),
    ("furniture.tsv", include_str!("../../../data/en/furniture.tsv")),
    ("calendar.tsv", include_str!("../../../data/en/calendar.tsv")),
    ("organisations.tsv", include_str!("../../../data/en/organisations.tsv")),
    ("model.tsv", include_str!("../../../data/en/model.tsv")),
];

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("no data file named `{name}`; known files: {known}")]
    Unknown { name: String, known: String },
    #[error("cannot read data file {}: {source}", printable::path(path))]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}: {reason}", printable::path(path))]
    Refused { path: PathBuf, reason: String },
    #[error("{file}:{line}: {reason}")]
    Malformed { file: String, line: usize, reason: String },
}

/// Where data files come from: the embedded copies, each replaced by a same-named file in `dir` if present.
#[derive(Debug, Clone, Default)]
pub struct DataFiles {
    dir: Option<PathBuf>,
}

impl DataFiles {
    /// The files compiled into the binary.
    pub fn embedded() -> DataFiles {
        DataFiles { dir: None }
    }

    /// The embedded files, overridden file by file by those found in `dir`.
    pub fn with_override(dir: &Path) -> DataFiles {
        DataFiles { dir: Some(dir.to_path_buf()) }
    }

    /// The names of all data files.
    pub fn names() -> impl Iterator<Item = &'static str> {
        EMBEDDED.iter().map(|(name, _)| *name)
    }

    /// The contents of the data file `name`.
    pub fn read(&self, name: &str) -> Result<Cow<'static, str>, LexiconError> {
        let embedded = EMBEDDED.iter().find(|(known, _)| *known == name).map(|(_, text)| *text).ok_or_else(|| {
            LexiconError::Unknown { name: name.to_string(), known: Self::names().collect::<Vec<_>>().join(", ") }
        })?;
        match self.override_path(name)? {
            Some(path) => read_override(path).map(Cow::Owned),
            None => Ok(Cow::Borrowed(embedded)),
        }
    }

    /// `err` with its file named by the path it was read from, when an override directory supplied it.
    pub fn locate(&self, err: LexiconError) -> LexiconError {
        match err {
            LexiconError::Malformed { file, line, reason } => match self.override_path(&file) {
                Ok(Some(path)) => LexiconError::Malformed { file: printable::path(&path), line, reason },
                _ => LexiconError::Malformed { file, line, reason },
            },
            other => other,
        }
    }

    /// The override of `name`, if the directory holds an entry of that name (a dangling link included).
    fn override_path(&self, name: &str) -> Result<Option<PathBuf>, LexiconError> {
        let Some(dir) = &self.dir else { return Ok(None) };
        let path = dir.join(name);
        match std::fs::symlink_metadata(&path) {
            Ok(_) => Ok(Some(path)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(LexiconError::Read { path, source }),
        }
    }
}

/// Reads an override file: a regular file (or a link to one) of bounded size, in UTF-8. A FIFO or a
/// device is refused before it is opened, since opening or reading it could block forever.
fn read_override(path: PathBuf) -> Result<String, LexiconError> {
    let refused = |path, reason: String| LexiconError::Refused { path, reason };
    let meta = match std::fs::metadata(&path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(refused(path, "a symbolic link to nothing (dangling)".into()));
        }
        Err(source) => return Err(LexiconError::Read { path, source }),
    };
    if !meta.is_file() {
        return Err(refused(path, "not a regular file".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(refused(path, format!("{} bytes, over the {MAX_FILE_BYTES}-byte limit", meta.len())));
    }
    let mut bytes = Vec::new();
    let read = std::fs::File::open(&path).and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(source) = read {
        return Err(LexiconError::Read { path, source });
    }
    String::from_utf8(bytes)
        .map_err(|e| refused(path, format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_file_names_the_known_ones() {
        let err = DataFiles::embedded().read("nope.tsv").unwrap_err().to_string();
        assert!(err.contains("nope.tsv") && err.contains("actors.tsv"), "{err}");
    }

    #[test]
    fn override_directory_replaces_one_file() {
        let dir = std::env::temp_dir().join(format!("accord-lexicon-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("people.tsv"), "name\taliases\n").unwrap();
        let files = DataFiles::with_override(&dir);
        assert_eq!(files.read("people.tsv").unwrap(), "name\taliases\n");
        assert_eq!(files.read("actors.tsv").unwrap(), DataFiles::embedded().read("actors.tsv").unwrap());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn override_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("accord-lexicon-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn issue_10_an_empty_name_in_an_override_is_named_by_its_path_and_line() {
        let dir = override_dir("empty-name");
        std::fs::write(dir.join("people.tsv"), "name\taliases\taffiliation\trole\n\t\tIsrael\tenvoy\n").unwrap();
        let err = crate::Lexicon::load(&DataFiles::with_override(&dir)).unwrap_err().to_string();
        assert_eq!(err, format!("{}:2: empty `name`", dir.join("people.tsv").display()));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_number_word_that_is_not_ascii_letters_is_refused_with_its_line() {
        let dir = override_dir("number-word");
        std::fs::write(dir.join("numbers.tsv"), "word\tvalue\nten\t10\ndix-sept\t17\n").unwrap();
        let err = crate::Lexicon::load(&DataFiles::with_override(&dir)).unwrap_err().to_string();
        assert!(err.contains("numbers.tsv:3") && err.contains("dix-sept"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn issue_10_links_to_nothing_and_fifos_are_refused_without_blocking() {
        let dir = override_dir("special");
        std::os::unix::fs::symlink(dir.join("absent"), dir.join("actors.tsv")).unwrap();
        let fifo = std::process::Command::new("mkfifo").arg(dir.join("people.tsv")).status().unwrap();
        assert!(fifo.success());
        let files = DataFiles::with_override(&dir);
        assert!(files.read("actors.tsv").unwrap_err().to_string().ends_with("a symbolic link to nothing (dangling)"));
        assert!(files.read("people.tsv").unwrap_err().to_string().ends_with("not a regular file"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[cfg(test)]
mod data_file_checks {
    use super::*;
    use crate::{Lexicon, Table};

    /// Files whose first column is a cue phrase, kept sorted within each `# ---` section.
    const CUE_FILES: &[&str] = &[
        "roles.tsv",
        "descriptors.tsv",
        "collectives.tsv",
        "issues.tsv",
        "stances.tsv",
        "speech.tsv",
        "status.tsv",
        "numbers.tsv",
        "units.tsv",
        "abbreviations.tsv",
        "proposals.tsv",
        "mediation.tsv",
        "organisations.tsv",
    ];

    #[test]
    fn every_embedded_file_parses() {
        let lexicon = Lexicon::load(&DataFiles::embedded()).unwrap();
        assert!(lexicon.actors.actors.len() > 400, "actors: {}", lexicon.actors.actors.len());
        assert!(lexicon.people.len() > 300, "people: {}", lexicon.people.len());
        assert!(lexicon.cues.stances.len() > 200 && lexicon.cues.issues.len() > 400);
    }

    #[test]
    fn cue_files_are_sorted_within_sections_without_repeats() {
        for name in CUE_FILES {
            let text = DataFiles::embedded().read(name).unwrap();
            let mut seen = std::collections::HashSet::new();
            let mut previous = String::new();
            for line in text.lines().skip_while(|l| l.starts_with('#') || l.trim().is_empty()).skip(1) {
                if line.starts_with("# ---") || line.trim().is_empty() {
                    previous.clear();
                    continue;
                }
                if line.starts_with('#') {
                    continue;
                }
                let key = line.split('\t').next().unwrap_or("").to_lowercase();
                assert!(seen.insert(key.clone()), "{name}: `{key}` listed twice");
                assert!(previous <= key, "{name}: `{key}` should come before `{previous}`");
                previous = key;
            }
        }
    }

    #[test]
    fn every_person_is_affiliated_to_a_known_actor() {
        let lexicon = Lexicon::embedded();
        for person in &lexicon.people {
            assert!(
                lexicon.actors.by_name(&person.affiliation).is_some(),
                "people.tsv: {} is affiliated to `{}`, which actors.tsv does not list",
                person.name,
                person.affiliation
            );
        }
    }

    #[test]
    fn actor_forms_are_unique() {
        let text = DataFiles::embedded().read("actors.tsv").unwrap();
        let table = Table::parse("actors.tsv", &text, &["name"]).unwrap();
        let mut seen = std::collections::HashMap::new();
        for row in table.rows() {
            let name = row.get("name");
            let forms =
                std::iter::once(name).chain(row.list("aliases")).chain(row.list("demonyms")).chain(row.list("seats"));
            for form in forms {
                if let Some(other) = seen.insert(form.to_string(), name.to_string()) {
                    assert_eq!(other, name, "actors.tsv: `{form}` names both {other} and {name}");
                }
            }
        }
    }
}
