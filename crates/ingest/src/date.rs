//! Dates as written in pages and articles -> `jiff::civil::Date`; anything unclear stays `None`.
//!
//! The date is the calendar day the source states: a timestamp with an offset keeps the day written at that
//! offset (`...T23:30:00-05:00` stays that day), never shifted to UTC, and how its time was stated is kept
//! beside it (`Clock`) for the page's order of trust to weigh. Month names come from `calendar.tsv`. A numeric
//! `07/05/2019` is read only when it is unambiguous or the page's convention (`DayOrder`) settles it.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::{Captures, Regex};

use crate::calendar::Calendar;

/// Every written form of a date, one alternative per form, each with its own groups. The month word is
/// captured as letters and checked against the calendar afterwards.
static FORMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // 2024-11-22, with an optional time and zone: T10:00:00Z, 10:00+02:00, T10:00:00.000-0500.
        r"\b(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})",
        r"(?:[T ](?P<it>\d{1,2}:\d{2}(?::\d{2}(?:[.,:]\d+)?)?)\s?(?P<iz>Z\b|UTC\b|GMT\b|[+-]\d{2}(?::?\d{2})?\b)?)?\b",
        // 2024/11/22, 2024.11.22
        r"|\b(?P<ay>\d{4})[./](?P<am>\d{1,2})[./](?P<ad>\d{1,2})\b",
        // 2024年11月22日
        r"|\b(?P<cy>\d{4})\s?年\s?(?P<cm>\d{1,2})\s?月\s?(?P<cd>\d{1,2})\s?日",
        // 22.11.2024, 22. 11. 2024
        r"|\b(?P<dd>\d{1,2})\.\s?(?P<dm>\d{1,2})\.\s?(?P<dy>\d{4})\b",
        // 22/11/2024, 11-22-2024: day or month first, by the page's convention.
        r"|\b(?P<na>\d{1,2})[/-](?P<nb>\d{1,2})[/-](?P<ny>\d{4})\b",
        // 22 November 2024, 22. Mai 2024, 22nd of November, 2024, 22 de mayo de 2024, 22-Nov-2024, 22 мая 2024
        r"|\b(?P<wd>\d{1,2})(?:st|nd|rd|th|er|º)?(?:\.\s*|[\s-]+)(?:(?:de|of)\s+)?(?P<wm>\p{L}{3,12})\b\.?",
        r"(?:,?\s+|-)(?:(?:de|del)\s+)?(?P<wy>\d{4})\b",
        // November 22, 2024, Nov. 22 2024
        r"|\b(?P<mm>\p{L}{3,12})\.?\s+(?P<md>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<my>\d{4})\b",
        // 2024. november 22. (Hungarian and others that put the year first)
        r"|\b(?P<hy>\d{4})\.\s+(?P<hm>\p{L}{3,12})\.?\s+(?P<hd>\d{1,2})\.",
    ))
    .expect("static regex")
});

/// A time that may follow a date written with its month name, and the zone it names, if any.
static WRITTEN_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i),?\s*(?:at\s+|um\s+|à\s+|-\s+|\|\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?P<zone>GMT|UTC|[+-]00:?00)?")
        .expect("static regex")
});

/// What may follow a date on a line that is only a date: a time such as `, 10:30 AM EST`, `| 10:30 GMT+2`.
static TIME_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i)\s*(?:[,|@·•\-–—]|at)?\s*(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,5})?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)?\s*$",
    )
    .expect("static regex")
});

/// A weekday word and its punctuation at the start of a date line: `Friday, `, `Di. `.
static WEEKDAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<word>\p{L}{2,12})\.?,?\s+").expect("static regex"));

/// How the time of day came with a date: it decides whether another source's day may be trusted over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clock {
    /// A date alone, or a time without a zone: the day as the publisher's calendar shows it.
    Local,
    /// A time in UTC (`Z`, `+00:00`, `GMT`): often a server's clock, whose day can differ from the
    /// newsroom's by one.
    Utc,
    /// A time at a stated non-zero offset: the day at that offset.
    Offset,
}

/// A date as a source states it, with how its time was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stated {
    pub(crate) date: Date,
    pub(crate) clock: Clock,
}

/// How a numeric `07/05/2019` is read: the page's language settles it, or only an unambiguous one is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum DayOrder {
    DayFirst,
    MonthFirst,
    #[default]
    Unknown,
}

impl DayOrder {
    /// The convention of a language tag (`en-US`, `en_US`, `de`, `fr-FR`): US English puts the month first,
    /// the other languages and English variants that state a region the day; bare `en` settles nothing.
    pub(crate) fn of_language(tag: &str) -> DayOrder {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        match tag.split('-').next() {
            None | Some("") => DayOrder::Unknown,
            Some("en") if tag == "en" => DayOrder::Unknown,
            Some("en") if tag == "en-us" => DayOrder::MonthFirst,
            Some(_) => DayOrder::DayFirst,
        }
    }
}

/// A date found in a text: its byte range there and what it states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) stated: Stated,
}

/// Every date written in `text`, in order; a month word that is no month and an impossible or ambiguous
/// date are skipped. Linear in the text: each failed candidate moves the search on by one character.
pub(crate) fn find_dates<'t>(
    text: &'t str,
    calendar: &'t Calendar,
    order: DayOrder,
) -> impl Iterator<Item = Found> + 't {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at <= text.len() {
            let caps = FORMS.captures_at(text, at)?;
            let whole = caps.get(0).expect("group 0");
            match read(&caps, calendar, order) {
                Some(date) => {
                    at = whole.end().max(whole.start() + 1);
                    let clock = clock(&caps, &text[whole.end()..]);
                    return Some(Found { start: whole.start(), end: whole.end(), stated: Stated { date, clock } });
                }
                None => at = next_char(text, whole.start()),
            }
        }
        None
    })
}

/// The date a structured value states (a `<meta>` content, a JSON-LD field, a `datetime`): the first one in
/// it, wherever it stands (`04:25 PM IST Apr 08, 2020` states April 8).
pub(crate) fn parse_value(text: &str, calendar: &Calendar, order: DayOrder) -> Option<Stated> {
    find_dates(text, calendar, order).next().map(|found| found.stated)
}

/// The date a line states when it is a date and nothing else (a weekday before it and a time after it
/// allowed): `Friday, November 22, 2024, 10:30 AM EST`, but not `Talks resumed on November 22, 2024`.
pub(crate) fn parse_line(line: &str, calendar: &Calendar, order: DayOrder) -> Option<Date> {
    let line = line.trim();
    let start = WEEKDAY
        .captures(line)
        .filter(|caps| calendar.is_weekday(&caps["word"]))
        .map_or(0, |caps| caps.get(0).expect("group 0").end());
    let rest = &line[start..];
    let found = find_dates(rest, calendar, order).next().filter(|found| found.start == 0)?;
    TIME_TAIL.is_match(&rest[found.end..]).then_some(found.stated.date)
}

/// The date a URL's path states: `/2019/05/07/`, `/2019-05-07-title`, `/20190507/`.
pub(crate) fn in_url(url: &str) -> Option<Date> {
    static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[/_-](?P<y>(?:19|20)\d{2})(?:[/_-](?P<m>\d{1,2})[/_-](?P<d>\d{1,2})|(?P<m2>\d{2})(?P<d2>\d{2}))(?:[/_.-]|$)")
            .expect("static regex")
    });
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.find('/').map_or("", |slash| &path[slash..]);
    URL_DATE.captures_iter(path).find_map(|caps| {
        let (month, day) = match (caps.name("m"), caps.name("d")) {
            (Some(m), Some(d)) => (m.as_str(), d.as_str()),
            _ => (caps.name("m2")?.as_str(), caps.name("d2")?.as_str()),
        };
        make(&caps["y"], month, day)
    })
}

/// The date one match states, if its month word is a month and the date exists.
fn read(caps: &Captures, calendar: &Calendar, order: DayOrder) -> Option<Date> {
    let group = |name: &str| caps.name(name).map(|m| m.as_str());
    let month_word = |name: &str| group(name).and_then(|word| calendar.month(word)).map(|m| m.to_string());
    if let Some(year) = group("iy") {
        return make(year, group("im")?, group("id")?);
    }
    if let Some(year) = group("ay") {
        return make(year, group("am")?, group("ad")?);
    }
    if let Some(year) = group("cy") {
        return make(year, group("cm")?, group("cd")?);
    }
    if let Some(year) = group("dy") {
        return make(year, group("dm")?, group("dd")?);
    }
    if let Some(year) = group("ny") {
        let (a, b): (u8, u8) = (group("na")?.parse().ok()?, group("nb")?.parse().ok()?);
        let (day, month) = match order {
            _ if a > 12 && b <= 12 => (a, b),
            _ if b > 12 && a <= 12 => (b, a),
            _ if a == b => (a, b),
            DayOrder::DayFirst => (a, b),
            DayOrder::MonthFirst => (b, a),
            DayOrder::Unknown => return None,
        };
        return make(year, &month.to_string(), &day.to_string());
    }
    if let Some(year) = group("wy") {
        return make(year, &month_word("wm")?, group("wd")?);
    }
    if let Some(year) = group("my") {
        return make(year, &month_word("mm")?, group("md")?);
    }
    make(group("hy")?, &month_word("hm")?, group("hd")?)
}

/// How a match states its time: an ISO zone, or a time written after a month-name date.
fn clock(caps: &Captures, after: &str) -> Clock {
    let utc = |zone: &str| {
        matches!(zone, "Z" | "UTC" | "GMT")
            || zone.trim_start_matches(['+', '-']).bytes().all(|b| b == b'0' || b == b':')
    };
    if let Some(zone) = caps.name("iz") {
        return if utc(zone.as_str()) { Clock::Utc } else { Clock::Offset };
    }
    let written = caps.name("wy").is_some() || caps.name("my").is_some();
    match WRITTEN_TIME.captures(after).and_then(|time| time.name("zone")) {
        Some(zone) if written && utc(zone.as_str()) => Clock::Utc,
        _ => Clock::Local,
    }
}

fn make(year: &str, month: &str, day: &str) -> Option<Date> {
    Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()
}

/// The byte index of the character after the one at `i`.
fn next_char(text: &str, i: usize) -> usize {
    i + text[i..].chars().next().map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Option<String> {
        parse_line(text, &Calendar::embedded(), DayOrder::Unknown).map(|d| d.to_string())
    }

    fn value(text: &str, order: DayOrder) -> Option<(String, Clock)> {
        parse_value(text, &Calendar::embedded(), order).map(|s| (s.date.to_string(), s.clock))
    }

    fn all(text: &str, order: DayOrder) -> Vec<String> {
        let calendar = Calendar::embedded();
        find_dates(text, &calendar, order).map(|f| f.stated.date.to_string()).collect()
    }

    #[test]
    fn iso_dates_keep_the_day_at_their_offset() {
        let day = |text| value(text, DayOrder::Unknown);
        assert_eq!(day("2024-11-22"), Some(("2024-11-22".into(), Clock::Local)));
        assert_eq!(day("2024-11-22T10:00:00Z"), Some(("2024-11-22".into(), Clock::Utc)));
        assert_eq!(day("2024-11-22T23:30:00.000-05:00"), Some(("2024-11-22".into(), Clock::Offset)));
        assert_eq!(day("2024-11-22T00:30:00+0100"), Some(("2024-11-22".into(), Clock::Offset)));
        assert_eq!(day("2024-11-22T23:30:00+00:00"), Some(("2024-11-22".into(), Clock::Utc)));
        assert_eq!(day("2024-11-22 10:00"), Some(("2024-11-22".into(), Clock::Local)));
        assert_eq!(day("2024/11/22"), Some(("2024-11-22".into(), Clock::Local)));
        assert_eq!(day("Fri, 22 Nov 2024 23:10:00 GMT"), Some(("2024-11-22".into(), Clock::Utc)));
        assert_eq!(day("04:25:06 PM IST Apr 08, 2020").map(|d| d.0).as_deref(), Some("2020-04-08"));
    }

    #[test]
    fn english_date_lines() {
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
            "11/22/2024",
        ] {
            assert_eq!(line(text).as_deref(), Some("2024-11-22"), "{text}");
        }
        assert_eq!(line("Sept. 3, 2024").as_deref(), Some("2024-09-03"));
    }

    #[test]
    fn european_months_and_numeric_forms() {
        for (text, expected) in [
            ("7. Mai 2019", "2019-05-07"),
            ("Di, 21. April 2020 - 16:40", "2020-04-21"),
            ("7 mai 2019", "2019-05-07"),
            ("jeudi 27 juin 2019", "2019-06-27"),
            ("7 de mayo de 2019", "2019-05-07"),
            ("7 maggio 2019", "2019-05-07"),
            ("7 de março de 2019", "2019-03-07"),
            ("7 mei 2019", "2019-05-07"),
            ("7 мая 2019", "2019-05-07"),
            ("7 травня 2019", "2019-05-07"),
            ("7 Mayıs 2019", "2019-05-07"),
            ("7 października 2019", "2019-10-07"),
            ("19.07.2014", "2014-07-19"),
            ("19. 07. 2014", "2014-07-19"),
            ("2019年5月7日", "2019-05-07"),
            ("2023.11.02", "2023-11-02"),
            ("2020. június 4.", "2020-06-04"),
            ("19-Oct-2020", "2020-10-19"),
        ] {
            assert_eq!(line(text).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn a_numeric_date_needs_the_page_convention_when_ambiguous() {
        let day = |text, order| value(text, order).map(|d| d.0);
        assert_eq!(day("07/05/2019", DayOrder::Unknown), None);
        assert_eq!(day("07/05/2019", DayOrder::DayFirst).as_deref(), Some("2019-05-07"));
        assert_eq!(day("07/05/2019", DayOrder::MonthFirst).as_deref(), Some("2019-07-05"));
        assert_eq!(day("17/05/2019", DayOrder::MonthFirst).as_deref(), Some("2019-05-17"), "unambiguous");
        assert_eq!(DayOrder::of_language("en-US"), DayOrder::MonthFirst);
        assert_eq!(DayOrder::of_language("en_GB"), DayOrder::DayFirst);
        assert_eq!(DayOrder::of_language("de"), DayOrder::DayFirst);
        assert_eq!(DayOrder::of_language("en"), DayOrder::Unknown);
        assert_eq!(DayOrder::of_language(""), DayOrder::Unknown);
    }

    #[test]
    fn not_date_lines() {
        for text in [
            "",
            "11/12/2024",
            "February 30, 2024",
            "Talks resumed on November 22, 2024",
            "November 22, 2024 the talks resumed",
            "Updated November 22, 2024",
            "Marching 22, 2024",
            "2024",
            "32.13.2024",
        ] {
            assert_eq!(line(text), None, "{text}");
        }
    }

    #[test]
    fn dates_in_running_text_in_order() {
        let text = "Am 7. Mai 2019 begann es; seit 19.07.2014 und bis zum 3 Marching 2020, dann 2020-01-02.";
        assert_eq!(all(text, DayOrder::Unknown), ["2019-05-07", "2014-07-19", "2020-01-02"]);
        let long = format!("{} 5, 2020", "a".repeat(100_000));
        assert!(all(&long, DayOrder::Unknown).is_empty());
    }

    #[test]
    fn dates_in_urls() {
        assert_eq!(
            in_url("https://example.org/2019/05/07/talks-resume/").map(|d| d.to_string()).as_deref(),
            Some("2019-05-07")
        );
        assert_eq!(
            in_url("https://example.org/news/2019-05-07-talks").map(|d| d.to_string()).as_deref(),
            Some("2019-05-07")
        );
        assert_eq!(
            in_url("https://example.org/a/20190507/b.html").map(|d| d.to_string()).as_deref(),
            Some("2019-05-07")
        );
        assert_eq!(in_url("https://2019.example.org/12345/article"), None);
        assert_eq!(in_url("https://example.org/2019/13/45/x"), None);
    }
}
