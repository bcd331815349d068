//! `Calendar`: the month and weekday words of `calendar.tsv`, in every language it lists.

use std::collections::HashMap;

use accord_lexicon::{LexiconError, Table};

/// The data file this module owns the meaning of.
pub(crate) const FILE: &str = "calendar.tsv";

/// Month and weekday words, lower-cased: a month word gives its number (1-12), a weekday word is known.
#[derive(Debug, Default)]
pub(crate) struct Calendar {
    months: HashMap<String, u8>,
    weekdays: HashMap<String, u8>,
}

impl Calendar {
    /// Parses `calendar.tsv` (header `kind`, `number`, `names`, `abbreviations`). A word naming two months, a
    /// number out of range or an unknown kind is an error naming its line.
    pub(crate) fn parse(text: &str) -> Result<Calendar, LexiconError> {
        let table = Table::parse(FILE, text, &["kind", "number", "names", "abbreviations"])?;
        let mut calendar = Calendar::default();
        for row in table.rows() {
            let number: u8 = row.parse("number")?;
            let (words, last) = match row.get("kind") {
                "month" => (&mut calendar.months, 12),
                "weekday" => (&mut calendar.weekdays, 7),
                other => return Err(row.malformed(format!("unknown kind `{other}` (valid: month, weekday)"))),
            };
            if !(1..=last).contains(&number) {
                return Err(row.malformed(format!("number {number} is not between 1 and {last}")));
            }
            for word in row.list("names").into_iter().chain(row.list("abbreviations")) {
                let word = fold(word);
                if let Some(previous) = words.insert(word.clone(), number)
                    && previous != number
                {
                    return Err(row.malformed(format!("`{word}` already names number {previous}")));
                }
            }
        }
        Ok(calendar)
    }

    /// The month (1-12) `word` names, in any listed language and case, with or without a final period.
    pub(crate) fn month(&self, word: &str) -> Option<u8> {
        self.months.get(&fold(word.trim_end_matches('.'))).copied()
    }

    /// The built-in `calendar.tsv`, for tests.
    #[cfg(test)]
    pub(crate) fn embedded() -> Calendar {
        Calendar::parse(&accord_lexicon::DataFiles::embedded().read(FILE).unwrap()).unwrap()
    }

    /// Whether `word` names a weekday, in any listed language and case, with or without a final period.
    pub(crate) fn is_weekday(&self, word: &str) -> bool {
        self.weekdays.contains_key(&fold(word.trim_end_matches('.')))
    }
}

/// `word` lower-cased, with the combining dot that lower-casing Turkish `İ` leaves dropped.
fn fold(word: &str) -> String {
    word.to_lowercase().replace('\u{307}', "")
}

#[cfg(test)]
mod tests {
    use accord_lexicon::DataFiles;

    use super::*;

    #[test]
    fn months_of_many_languages() {
        let calendar = Calendar::embedded();
        for (word, month) in [
            ("November", 11),
            ("Nov.", 11),
            ("Mai", 5),
            ("MÄRZ", 3),
            ("févr.", 2),
            ("août", 8),
            ("mayo", 5),
            ("maggio", 5),
            ("março", 3),
            ("mei", 5),
            ("мая", 5),
            ("травня", 5),
            ("Mayıs", 5),
            ("EKİM", 10),
            ("października", 10),
        ] {
            assert_eq!(calendar.month(word), Some(month), "{word}");
        }
        assert_eq!(calendar.month("Marching"), None);
        assert!(calendar.is_weekday("Friday") && calendar.is_weekday("Di") && calendar.is_weekday("пятница"));
        assert!(!calendar.is_weekday("Updated"));
    }

    #[test]
    fn a_word_naming_two_months_is_refused() {
        let text = "kind\tnumber\tnames\tabbreviations\nmonth\t3\tmarch\tmar\nmonth\t5\tmayo\tmar\n";
        let err = Calendar::parse(text).unwrap_err().to_string();
        assert!(err.contains("calendar.tsv:3") && err.contains("`mar` already names number 3"), "{err}");
        let err = Calendar::parse("kind\tnumber\tnames\tabbreviations\nmonth\t13\tsmarch\n").unwrap_err();
        assert!(err.to_string().contains("not between 1 and 12"), "{err}");
    }

    #[test]
    fn rows_are_sorted_by_language_kind_and_number() {
        let text = DataFiles::embedded().read(FILE).unwrap();
        let table = Table::parse(FILE, &text, &["language", "kind", "number"]).unwrap();
        let keys: Vec<(String, String, u8)> = table
            .rows()
            .map(|row| (row.get("language").to_string(), row.get("kind").to_string(), row.parse("number").unwrap()))
            .collect();
        for pair in keys.windows(2) {
            assert!(pair[0] < pair[1], "calendar.tsv: {:?} should come after {:?}", pair[0], pair[1]);
        }
    }
}
