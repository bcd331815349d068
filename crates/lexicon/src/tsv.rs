//! The one TSV dialect of the data files: a header line, `#` comments, blank lines ignored, tab-separated.

use std::str::FromStr;

use crate::LexiconError;

/// The longest line a data file may hold: longer lines are a corrupt or wrong file, not data.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// A parsed data file: its header and its rows, borrowing the file's text.
#[derive(Debug, Clone)]
pub struct Table<'a> {
    file: String,
    header: Vec<&'a str>,
    rows: Vec<(usize, Vec<&'a str>)>,
}

/// One data row: its file, its 1-based line number and its fields, looked up by header name.
#[derive(Debug, Clone, Copy)]
pub struct Row<'t, 'a> {
    file: &'t str,
    pub line: usize,
    header: &'t [&'a str],
    fields: &'t [&'a str],
}

impl<'a> Table<'a> {
    /// Parses `text` (the file `file`), checking that its header has every column in `required`.
    pub fn parse(file: &str, text: &'a str, required: &[&str]) -> Result<Table<'a>, LexiconError> {
        let malformed = |line, reason: String| LexiconError::Malformed { file: file.to_string(), line, reason };
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(i, line)| (i + 1, line))
            .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'));
        let Some((header_line, first)) = lines.next() else {
            return Err(malformed(1, "no header line".into()));
        };
        let header: Vec<&str> = first.split('\t').map(str::trim).collect();
        if let Some(missing) = required.iter().find(|column| !header.contains(column)) {
            let reason = format!("header lacks column `{missing}` (has: {})", header.join(", "));
            return Err(malformed(header_line, reason));
        }
        let mut rows = Vec::new();
        for (line, text) in lines {
            if text.len() > MAX_LINE_BYTES {
                return Err(malformed(
                    line,
                    format!("line of {} bytes, over the {MAX_LINE_BYTES}-byte limit", text.len()),
                ));
            }
            rows.push((line, text.split('\t').collect()));
        }
        Ok(Table { file: file.to_string(), header, rows })
    }

    pub fn rows(&self) -> impl Iterator<Item = Row<'_, 'a>> {
        self.rows.iter().map(|(line, fields)| Row { file: &self.file, line: *line, header: &self.header, fields })
    }
}

impl<'a> Row<'_, 'a> {
    /// The field under `column`, trimmed; empty when the row is short.
    pub fn get(&self, column: &str) -> &'a str {
        self.header
            .iter()
            .position(|name| *name == column)
            .and_then(|i| self.fields.get(i))
            .map(|field| field.trim())
            .unwrap_or("")
    }

    /// The field under `column`, which must not be empty.
    pub fn required(&self, column: &str) -> Result<&'a str, LexiconError> {
        match self.get(column) {
            "" => Err(self.malformed(format!("empty `{column}`"))),
            value => Ok(value),
        }
    }

    /// The field under `column` as a finite number: `NaN`, `inf` and overflowing values like `1e999` are errors.
    pub fn number(&self, column: &str) -> Result<f64, LexiconError> {
        let value: f64 = self.parse(column)?;
        match value.is_finite() {
            true => Ok(value),
            false => Err(self.malformed(format!("`{column}` is `{}`, not a finite number", self.get(column)))),
        }
    }

    /// The `|`-separated list under `column`, without empty items.
    pub fn list(&self, column: &str) -> Vec<&'a str> {
        self.get(column).split('|').map(str::trim).filter(|item| !item.is_empty()).collect()
    }

    /// The field under `column` parsed with `FromStr`; a failure names the file and line.
    pub fn parse<T: FromStr<Err: ToString>>(&self, column: &str) -> Result<T, LexiconError> {
        self.parse_value(self.get(column))
    }

    /// Every item of the list under `column` parsed with `FromStr`.
    pub fn parse_list<T: FromStr<Err: ToString>>(&self, column: &str) -> Result<Vec<T>, LexiconError> {
        self.list(column).into_iter().map(|item| self.parse_value(item)).collect()
    }

    /// An error about this row.
    pub fn malformed(&self, reason: impl Into<String>) -> LexiconError {
        LexiconError::Malformed { file: self.file.to_string(), line: self.line, reason: reason.into() }
    }

    fn parse_value<T: FromStr<Err: ToString>>(&self, value: &str) -> Result<T, LexiconError> {
        value.parse().map_err(|e: T::Err| self.malformed(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_lists_by_column() {
        let text = "# comment\nname\taliases\n\nHamas\tthe movement | Harakat\n";
        let table = Table::parse("t.tsv", text, &["name"]).unwrap();
        let rows: Vec<_> = table.rows().collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].get("name"), "Hamas");
        assert_eq!(rows[0].list("aliases"), vec!["the movement", "Harakat"]);
        assert_eq!(rows[0].line, 4);
    }

    #[test]
    fn parse_failure_names_file_line_and_reason() {
        let table = Table::parse("n.tsv", "word\tvalue\nten\t10\neleven\tlots\n", &["value"]).unwrap();
        let rows: Vec<_> = table.rows().collect();
        assert_eq!(rows[0].parse::<f64>("value").unwrap(), 10.0);
        let err = rows[1].parse::<f64>("value").unwrap_err().to_string();
        assert!(err.contains("n.tsv") && err.contains('3') && err.contains("invalid float"), "{err}");
    }

    #[test]
    fn numbers_must_be_finite() {
        let table = Table::parse("n.tsv", "word\tvalue\nten\t10\nnan\tNaN\nhuge\t1e999\n", &["value"]).unwrap();
        let rows: Vec<_> = table.rows().collect();
        assert_eq!(rows[0].number("value").unwrap(), 10.0);
        for row in &rows[1..] {
            let err = row.number("value").unwrap_err().to_string();
            assert!(err.contains("not a finite number") && err.contains(&format!("n.tsv:{}", row.line)), "{err}");
        }
    }

    #[test]
    fn empty_required_field_is_named() {
        let table = Table::parse("p.tsv", "name\trole\n\tenvoy\n", &["name"]).unwrap();
        let err = table.rows().next().unwrap().required("name").unwrap_err().to_string();
        assert_eq!(err, "p.tsv:2: empty `name`");
    }

    #[test]
    fn header_errors_give_the_header_line() {
        let err = Table::parse("t.tsv", "# comment\n\nname\n", &["kind"]).unwrap_err().to_string();
        assert!(err.starts_with("t.tsv:3:"), "{err}");
    }

    #[test]
    fn over_long_line_is_refused() {
        let text = format!("name\n{}\n", "x".repeat(MAX_LINE_BYTES + 1));
        let err = Table::parse("t.tsv", &text, &["name"]).unwrap_err().to_string();
        assert!(err.starts_with("t.tsv:2:") && err.contains("limit"), "{err}");
    }

    #[test]
    fn missing_column_is_named() {
        let err = Table::parse("t.tsv", "name\n", &["kind"]).unwrap_err().to_string();
        assert!(err.contains("kind") && err.contains("t.tsv"), "{err}");
    }
}
