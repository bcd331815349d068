//! Dates in text: absolute ("November 22, 2024", "May 27") and relative to the publication date
//! ("yesterday", "on Friday"). A relative date is only resolved when the report states its own date.

use std::sync::LazyLock;

use accord_model::Span;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use regex::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub span: Span,
    pub date: Date,
}

const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?i:(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b",
    )
    .expect("valid month-day pattern")
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(\d{4}))?\b",
    )
    .expect("valid day-month pattern")
});
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?i:(yesterday|today|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))\b")
        .expect("valid relative-date pattern")
});

/// The dates stated in `text[range]`; relative ones only when `published` is known.
pub fn find_dates(text: &str, range: Span, published: Option<Date>) -> Vec<DateMention> {
    let slice = range.slice(text);
    let at = |start: usize, end: usize| Span::new(range.start + start, range.start + end);
    let mut found = Vec::new();
    for caps in MONTH_DAY.captures_iter(slice) {
        let month = month_number(&caps[1]);
        let year = caps.get(3).and_then(|y| y.as_str().parse().ok()).or(published.map(|p| p.year()));
        if let (Some(month), Some(year), Ok(day)) = (month, year, caps[2].parse::<i8>())
            && let Ok(date) = Date::new(year, month, day)
        {
            let whole = caps.get(0).expect("match");
            found.push(DateMention { span: at(whole.start(), whole.end()), date });
        }
    }
    for caps in DAY_MONTH.captures_iter(slice) {
        let year = caps.get(3).and_then(|y| y.as_str().parse().ok()).or(published.map(|p| p.year()));
        if let (Some(month), Some(year), Ok(day)) = (month_number(&caps[2]), year, caps[1].parse::<i8>())
            && let Ok(date) = Date::new(year, month, day)
        {
            let whole = caps.get(0).expect("match");
            found.push(DateMention { span: at(whole.start(), whole.end()), date });
        }
    }
    if let Some(published) = published {
        for m in RELATIVE.find_iter(slice) {
            if let Some(date) = resolve_relative(&m.as_str().to_lowercase(), published) {
                found.push(DateMention { span: at(m.start(), m.end()), date });
            }
        }
    }
    found.sort_by_key(|d| d.span);
    found
}

fn month_number(name: &str) -> Option<i8> {
    let lower = name.to_lowercase();
    MONTHS.iter().position(|m| lower.starts_with(m)).map(|i| i as i8 + 1)
}

/// "yesterday", "today", "on Friday", "last Friday": the day meant, counting back from `published`.
fn resolve_relative(expression: &str, published: Date) -> Option<Date> {
    match expression {
        "today" => Some(published),
        "yesterday" => published.checked_sub(1.day()).ok(),
        _ => {
            let name = expression.rsplit(' ').next()?;
            let weekday = WEEKDAYS.iter().find(|(n, _)| *n == name)?.1;
            let back = (published.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset()).rem_euclid(7);
            // "on Friday" in a Friday report is that day; "last Friday" is a week before.
            let back = if back == 0 && expression.starts_with("last") { 7 } else { back };
            published.checked_sub(i64::from(back).days()).ok()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn dates(text: &str, published: Option<Date>) -> Vec<Date> {
        find_dates(text, Span::new(0, text.len()), published).into_iter().map(|d| d.date).collect()
    }

    #[test]
    fn absolute_dates_with_and_without_year() {
        assert_eq!(dates("Friday, November 22, 2024", None), vec![date(2024, 11, 22)]);
        assert_eq!(dates("the plan of May 27", Some(date(2024, 6, 10))), vec![date(2024, 5, 27)]);
        assert_eq!(dates("the plan of May 27", None), vec![]);
        assert_eq!(dates("signed on 4 March 2025", None), vec![date(2025, 3, 4)]);
    }

    #[test]
    fn relative_dates_count_back_from_publication() {
        let friday = date(2024, 11, 22);
        assert_eq!(dates("Hamas said yesterday", Some(friday)), vec![date(2024, 11, 21)]);
        assert_eq!(dates("said on Thursday", Some(friday)), vec![date(2024, 11, 21)]);
        assert_eq!(dates("said on Friday", Some(friday)), vec![friday]);
        assert_eq!(dates("said on Saturday", Some(friday)), vec![date(2024, 11, 16)]);
        assert_eq!(dates("said yesterday", None), vec![]);
    }
}
