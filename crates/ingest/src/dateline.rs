//! Wire-style datelines at the start of a report's body: "RIYADH, May 6 (Reuters) —", "KYIV, 6 May —". The
//! day and month are the dateline's; the year is its own when written, otherwise taken from another date in
//! the text, and otherwise unknown: it is never guessed from the clock.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::calendar::Calendar;
use crate::date::{DayOrder, find_dates};

/// A place in capitals (up to 40 bytes, as wire services write it), an optional agency in brackets, a comma, a month and day in
/// either order with an optional year, an optional agency, then a dash.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\p{Lu}[\p{Lu}.'’ -]{1,40}?(?:\s*\([^)\n]{1,40}\))?,\s+",
        r"(?:(?P<month>\p{L}{3,12})\.?\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})\.?\s+(?P<month2>\p{L}{3,12}))",
        r"(?:,?\s+(?P<year>\d{4}))?\s*(?:\([^)\n]{1,40}\))?\s*(?:—|–|--|-)\s",
    ))
    .expect("static regex")
});

/// The date the dateline opening `line` states, its year from `text` when it has none.
pub(crate) fn dateline_date(line: &str, text: &str, calendar: &Calendar) -> Option<Date> {
    let caps = DATELINE.captures(line)?;
    let month = caps.name("month").or(caps.name("month2"))?;
    let month = i8::try_from(calendar.month(month.as_str())?).ok()?;
    let day: i8 = caps.name("day").or(caps.name("day2"))?.as_str().parse().ok()?;
    if let Some(year) = caps.name("year") {
        return Date::new(year.as_str().parse().ok()?, month, day).ok();
    }
    let context = find_dates(text, calendar, DayOrder::Unknown).next()?.stated.date;
    // The year that puts the dateline nearest the other date: a report of January 2 can mention December 30.
    let distance = |date: &Date| context.until(*date).map_or(i32::MAX, |span| span.get_days().abs());
    [-1, 0, 1].into_iter().filter_map(|offset| Date::new(context.year() + offset, month, day).ok()).min_by_key(distance)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(line: &str, text: &str) -> Option<String> {
        dateline_date(line, text, &Calendar::embedded()).map(|d| d.to_string())
    }

    const LEAD: &str = "the two delegations met for a third day of talks.";

    #[test]
    fn a_dateline_takes_its_year_from_another_date_in_the_text() {
        let line = format!("RIYADH, May 6 (Reuters) — {LEAD}");
        let text = format!("{line}\n\nThe round began on April 30, 2025, after weeks of delay.");
        assert_eq!(dated(&line, &text).as_deref(), Some("2025-05-06"));
        let line = format!("KYIV, 2 January — {LEAD}");
        let text = format!("{line}\n\nThe offer of 30 December 2024 still stands.");
        assert_eq!(dated(&line, &text).as_deref(), Some("2025-01-02"), "the nearest year");
        let line = format!("GENEVA, Nov. 22, 2024 - {LEAD}");
        assert_eq!(dated(&line, &line).as_deref(), Some("2024-11-22"), "its own year");
    }

    #[test]
    fn without_a_year_in_context_the_date_is_unknown() {
        let line = format!("RIYADH, May 6 — {LEAD}");
        assert_eq!(dated(&line, &line), None);
    }

    #[test]
    fn only_a_real_dateline_counts() {
        let text = "Talks resumed on April 30, 2025.";
        assert_eq!(dated(&format!("GENEVA (Reuters) - {LEAD}"), text), None, "no day and month");
        assert_eq!(dated("The mediators, May 6 — a date to remember", text), None, "a sentence");
        assert_eq!(dated(&format!("RIYADH, Mayday 6 — {LEAD}"), text), None, "no month");
    }
}
