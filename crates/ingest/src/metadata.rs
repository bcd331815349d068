//! Metadata stated in the head of a plain-text article: a date line ("Friday, November 22, 2024"), a labelled
//! date ("Published: 6 June 2024", "Updated: ..."), a byline, a title, and failing a stated date a wire
//! dateline opening the body ("RIYADH, May 6 —"). The text is not changed; the lines stay where they are.

use jiff::civil::Date;

use crate::calendar::Calendar;
use crate::clean::{Cleaner, DateLabel, normalise, starts_with_words};
use crate::date::{DayOrder, find_dates, parse_line};
use crate::dateline::dateline_date;

/// How many non-blank lines at the top may hold a date line or a byline.
const HEAD_LINES: usize = 6;

/// A title is shorter than this (in bytes); longer first lines are the lead paragraph.
const MAX_TITLE: usize = 200;

/// A byline is at most this many words long; longer "By ..." lines are sentences.
const MAX_BYLINE_WORDS: usize = 10;

/// What the head of the text says about the article.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct TextMetadata {
    pub(crate) title: Option<String>,
    pub(crate) published: Option<Date>,
    pub(crate) byline: Option<String>,
}

/// Reads the date, byline (a line opening with one of `cleaner`'s byline cues) and title of `text`. The date
/// is, best first: a "Published" line, a line that is only a date, a dateline opening the body, an
/// "Updated" line. Date lines are never the title.
pub(crate) fn read_metadata(text: &str, cleaner: &Cleaner, calendar: &Calendar) -> TextMetadata {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut meta = TextMetadata::default();
    let (mut labelled, mut plain, mut updated, mut dateline) = (None, None, None, None);
    let mut title_checked = false;
    for (i, line) in lines.iter().enumerate().filter(|(_, line)| !line.is_empty()).take(HEAD_LINES) {
        if let Some((label, date)) = labelled_date(line, cleaner, calendar) {
            let slot = if label == DateLabel::Published { &mut labelled } else { &mut updated };
            *slot = slot.or(Some(date));
        } else if let Some(date) = parse_line(line, calendar, DayOrder::Unknown) {
            plain = plain.or(Some(date));
        } else if meta.byline.is_none()
            && let Some(name) = byline_name(line, cleaner.bylines())
        {
            meta.byline = Some(name);
        } else if !title_checked {
            title_checked = true;
            meta.title = title(line, &lines[i + 1..]);
        }
        if dateline.is_none() && meta.title.as_deref() != Some(*line) {
            dateline = dateline_date(line, text, calendar);
        }
    }
    meta.published = labelled.or(plain).or(dateline).or(updated);
    meta
}

/// The date a labelled line states right after its label: "Published: 6 June 2024 | Updated: ...".
fn labelled_date(line: &str, cleaner: &Cleaner, calendar: &Calendar) -> Option<(DateLabel, Date)> {
    let (label, rest) = cleaner.date_label(line)?;
    let found = find_dates(rest, calendar, DayOrder::Unknown).next().filter(|found| found.start == 0)?;
    Some((label, found.stated.date))
}

/// The name(s) in a byline line: "By Jane Roe" -> "Jane Roe".
pub(crate) fn byline_name(line: &str, cues: &[String]) -> Option<String> {
    let norm = normalise(line);
    let cue = cues.iter().find(|cue| starts_with_words(&norm, cue))?;
    let words: Vec<&str> = line.split_whitespace().collect();
    let cue_words = cue.split_whitespace().count();
    let name = words.get(cue_words..)?;
    let starts_with_name = name.first()?.chars().next().is_some_and(char::is_uppercase);
    (starts_with_name && name.len() <= MAX_BYLINE_WORDS)
        .then(|| name.join(" ").trim_end_matches([',', '.', ':', '|']).to_string())
}

/// `line` as the title: short, not ending in a period, at least two words, and followed by a blank line or
/// by a longer paragraph (a short line followed by short lines is a list or a stray label).
fn title(line: &str, rest: &[&str]) -> Option<String> {
    if line.len() >= MAX_TITLE || line.ends_with('.') || line.split_whitespace().count() < 2 {
        return None;
    }
    let next = rest.first()?;
    let followed_by_paragraph = next.is_empty() || next.len() > line.len();
    let has_body = rest.iter().any(|l| !l.is_empty());
    (followed_by_paragraph && has_body).then(|| line.to_string())
}

#[cfg(test)]
mod tests {
    use accord_lexicon::DataFiles;

    use super::*;

    fn meta(text: &str) -> TextMetadata {
        let cleaner = Cleaner::parse(&DataFiles::embedded().read(crate::clean::FILE).unwrap()).unwrap();
        read_metadata(text, &cleaner, &Calendar::embedded())
    }

    const LEAD: &str =
        "The two delegations met for a third day and agreed on nothing except the date of the next round.";

    #[test]
    fn date_line_title_and_byline_at_the_top() {
        let text = format!("Friday, November 22, 2024\n\nTalks stall as both sides dig in\n\nBy Jane Roe\n\n{LEAD}");
        let meta = meta(&text);
        assert_eq!(meta.published.map(|d| d.to_string()).as_deref(), Some("2024-11-22"));
        assert_eq!(meta.title.as_deref(), Some("Talks stall as both sides dig in"));
        assert_eq!(meta.byline.as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn title_followed_by_a_longer_paragraph() {
        let text = format!("Talks stall: ‘no movement’ in Cairo\n{LEAD}");
        assert_eq!(meta(&text).title.as_deref(), Some("Talks stall: ‘no movement’ in Cairo"));
    }

    #[test]
    fn a_lead_sentence_is_not_a_title() {
        assert_eq!(meta(&format!("{LEAD}\n\n{LEAD}")).title, None);
        assert_eq!(meta("Talks stall in Cairo\nShort line\nAnother").title, None);
        assert_eq!(meta("Talks stall in Cairo").title, None, "a lone line is the whole text, not a title");
    }

    #[test]
    fn undated_text_stays_undated() {
        let text = format!("Talks stall\n\n{LEAD} It met on November 22, 2024.");
        assert_eq!(meta(&text).published, None);
    }

    #[test]
    fn by_in_a_sentence_is_no_byline() {
        let text = format!("By the end of the week the talks had stalled.\n\n{LEAD}");
        assert_eq!(meta(&text).byline, None);
        assert_eq!(
            meta(&format!("Written by Sam Doe and Jo Poe\n\n{LEAD}")).byline.as_deref(),
            Some("Sam Doe and Jo Poe")
        );
    }

    #[test]
    fn published_and_updated_lines_give_the_date_and_are_no_title() {
        let text =
            format!("Updated: 7 June 2024\n\nPublished: 6 June 2024\n\nTalks stall as both sides dig in\n\n{LEAD}");
        let both = meta(&text);
        assert_eq!(both.published.map(|d| d.to_string()).as_deref(), Some("2024-06-06"), "published over updated");
        assert_eq!(both.title.as_deref(), Some("Talks stall as both sides dig in"));
        let updated_only = meta(&format!("Last updated June 7, 2024 at 10:30 a.m.\n\n{LEAD}"));
        assert_eq!(updated_only.published.map(|d| d.to_string()).as_deref(), Some("2024-06-07"));
        assert_eq!(updated_only.title, None);
        let posted = meta(&format!("Talks stall\n\nPosted on 6. Juni 2024 by Jane Roe\n\n{LEAD}"));
        assert_eq!(posted.published.map(|d| d.to_string()).as_deref(), Some("2024-06-06"));
    }

    #[test]
    fn a_dateline_dates_the_report_with_a_year_from_context() {
        let text = format!("Talks stall\n\nRIYADH, May 6 (Reuters) — {LEAD} They first met on April 30, 2025.");
        assert_eq!(meta(&text).published.map(|d| d.to_string()).as_deref(), Some("2025-05-06"));
        assert_eq!(meta(&format!("Talks stall\n\nRIYADH, May 6 — {LEAD}")).published, None, "no year anywhere");
        let dated = format!("November 22, 2024\n\nRIYADH, May 6 — {LEAD}");
        assert_eq!(meta(&dated).published.map(|d| d.to_string()).as_deref(), Some("2024-11-22"), "a date line wins");
    }
}
