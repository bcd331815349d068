//! A user's corrections to how reports are grouped into negotiations, read from a small file of lines with
//! three tab-separated fields (shown here with spaces):
//!
//! ```text
//! # action  what                                         where
//! move      report-0042                                  Israel-Hamas
//! merge     Hamas-Qatar                                  Hamas-Israel
//! split     Rapid Support Forces-Sudanese Armed Forces   2025-01-01
//! ```
//!
//! `move` puts a report in the named negotiation (a new name makes a new one), `merge` folds the first
//! negotiation into the second, and `split` moves the reports of a negotiation dated on or after the date
//! into a negotiation of their own. Lines run in order, each on the grouping the lines before it left.

use jiff::civil::Date;

/// One correction, with the line it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub line: usize,
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Move { document: String, negotiation: String },
    Merge { from: String, into: String },
    Split { negotiation: String, from: Date },
}

/// A line of an override file that cannot be read, or that names what is not there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverrideError {
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for OverrideError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for OverrideError {}

/// Reads an override file's text; blank lines and lines starting with `#` are skipped.
pub fn parse(text: &str) -> Result<Vec<Override>, OverrideError> {
    let mut found = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = trimmed.split('\t').map(str::trim).collect();
        let fail = |reason: String| OverrideError { line, reason };
        let [action, what, place] = fields.as_slice() else {
            return Err(fail(format!(
                "expected three tab-separated fields (action, what, where), found {}",
                fields.len()
            )));
        };
        if what.is_empty() || place.is_empty() {
            return Err(fail("an empty field".into()));
        }
        let action = match *action {
            "move" => Action::Move { document: what.to_string(), negotiation: place.to_string() },
            "merge" => Action::Merge { from: what.to_string(), into: place.to_string() },
            "split" => Action::Split {
                negotiation: what.to_string(),
                from: place.parse().map_err(|_| fail(format!("`{place}` is not a date (YYYY-MM-DD)")))?,
            },
            other => return Err(fail(format!("unknown action `{other}`; the actions are move, merge and split"))),
        };
        found.push(Override { line, action });
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_actions_are_read_with_their_lines() {
        let text = "# corrections\nmove\tr-1\tIsrael-Hamas\n\nmerge\tA-B\tB-C\nsplit\tB-C\t2025-01-01\n";
        let found = parse(text).unwrap();
        assert_eq!(found.iter().map(|o| o.line).collect::<Vec<_>>(), [2, 4, 5]);
        assert_eq!(found[0].action, Action::Move { document: "r-1".into(), negotiation: "Israel-Hamas".into() });
        assert_eq!(found[2].action, Action::Split { negotiation: "B-C".into(), from: "2025-01-01".parse().unwrap() });
    }

    #[test]
    fn a_bad_line_is_named_with_its_reason() {
        assert_eq!(
            parse("move\tr-1\n").unwrap_err().to_string(),
            "line 1: expected three tab-separated fields (action, what, where), found 2"
        );
        assert!(parse("# x\nrename\ta\tb\n").unwrap_err().to_string().starts_with("line 2: unknown action `rename`"));
        assert!(parse("split\tA-B\tsoon\n").unwrap_err().to_string().contains("not a date"));
    }
}
