//! Publication dates as written in pages and articles -> `jiff::civil::Date`; anything unclear stays `None`.
//!
//! The date is the one the source states: for a datetime with an offset the written calendar day is kept,
//! never shifted to UTC, and a numeric `11/12/2024` is refused as ambiguous.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

/// English month names; a month word matches when it is the name or a 3+ letter abbreviation of it.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// `2024-11-22`, `2024/11/22`, optionally followed by a time (`T10:00:00Z`, ` 10:00:00+02:00`).
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?)?$")
        .expect("static regex")
});

/// `[Friday, ]November 22[nd], 2024` and `[Fri, ]Nov. 22 2024`, with an optional trailing time.
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:([a-z]+)\.?,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))(.*)$")
        .expect("static regex")
});

/// `[Friday, ]22[nd] [of ]November[,] 2024` (also RFC 2822's `Fri, 22 Nov 2024 10:00:00 +0000`).
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:([a-z]+)\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4}))(.*)$")
        .expect("static regex")
});

/// What may follow a written date: a time such as `, 10:30 AM EST`, `at 10:30 a.m.`, `| 10:30 GMT+2`.
static TIME_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i)\s*(?:[,|@·•\-–—]|at)?\s*(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,5})?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)?\s*$",
    )
    .expect("static regex")
});

/// The calendar date `text` states, if it is a date (or datetime) and nothing else.
pub(crate) fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Some(caps) = ISO.captures(text) {
        return make(&caps[1], &caps[2], &caps[3]);
    }
    if let Some(caps) = MONTH_DAY_YEAR.captures(text) {
        return written(caps.get(1).map(|m| m.as_str()), &caps[2], &caps[3], &caps[4], &caps[5]);
    }
    if let Some(caps) = DAY_MONTH_YEAR.captures(text) {
        return written(caps.get(1).map(|m| m.as_str()), &caps[3], &caps[2], &caps[4], &caps[5]);
    }
    None
}

/// A date written with a month name; the weekday, when present, must be a weekday word and is not checked
/// against the date (sources get it wrong more often than the date).
fn written(weekday: Option<&str>, month: &str, day: &str, year: &str, tail: &str) -> Option<Date> {
    if weekday.is_some_and(|word| name_index(&WEEKDAYS, word).is_none()) || !TIME_TAIL.is_match(tail) {
        return None;
    }
    let month = name_index(&MONTHS, month)? + 1;
    make(year, &month.to_string(), day)
}

/// The index of the name `word` spells in full or abbreviates (3+ letters: `Nov`, `Sept`, `Thurs`).
fn name_index(names: &[&str], word: &str) -> Option<usize> {
    let word = word.to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    names.iter().position(|name| name.starts_with(&word))
}

fn make(year: &str, month: &str, day: &str) -> Option<Date> {
    Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<String> {
        parse_date(text).map(|d| d.to_string())
    }

    #[test]
    fn iso_dates_and_datetimes() {
        assert_eq!(date("2024-11-22").as_deref(), Some("2024-11-22"));
        assert_eq!(date("2024-11-22T10:00:00Z").as_deref(), Some("2024-11-22"));
        assert_eq!(date("2024-11-22T23:30:00.000-05:00").as_deref(), Some("2024-11-22"));
        assert_eq!(date("2024-11-22 10:00").as_deref(), Some("2024-11-22"));
        assert_eq!(date("2024/11/22").as_deref(), Some("2024-11-22"));
    }

    #[test]
    fn english_forms() {
        for text in [
            "Friday, November 22, 2024",
            "November 22, 2024",
            "22 November 2024",
            "Nov. 22, 2024",
            "Nov 22 2024",
            "22nd of November, 2024",
            "Fri, 22 Nov 2024 10:00:00 +0000",
            "November 22, 2024, 10:30 AM EST",
            "November 22, 2024 at 10:30 a.m.",
            "NOVEMBER 22, 2024",
            "Sept. 3, 2024",
        ] {
            let expected = if text.starts_with("Sept") { "2024-09-03" } else { "2024-11-22" };
            assert_eq!(date(text).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn not_dates() {
        for text in [
            "",
            "11/22/2024",
            "February 30, 2024",
            "Talks resumed on November 22, 2024",
            "November 22, 2024 the talks resumed",
            "Updated November 22, 2024",
            "Marching 22, 2024",
            "2024",
        ] {
            assert_eq!(date(text), None, "{text}");
        }
    }
}
