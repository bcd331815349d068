//! A web page's publication date: the dates its markup, URL and text state, weighed in one order of trust.
//!
//! The order, best first (`Source`): markup that states the publication (`<meta>`, then JSON-LD, then
//! `itemprop`/RDFa attributes and `abbr.published`, then script data naming a publication date); the date in
//! the URL; the text of an element whose class or id names a date; a bare `<time datetime>`, which as often
//! dates a teaser beside the article; the first date in the page's visible text; and last, markup that
//! states a modification. Published beats modified, and structured markup beats text. Two corrections, both measured on htmldate's evaluation pages:
//! - when the publication markup disagrees with itself, the markup date that the page also shows (in a
//!   `<time>`, a date element or its text) wins over the better-ranked one it does not show;
//! - a UTC timestamp is often the server's clock, whose day is one off the newsroom's for a late-evening or
//!   after-midnight story, so when the URL or publication markup states a local day (a date alone, a time
//!   without a zone, or a non-zero offset) one day away from the chosen UTC day, that local day wins.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::date::{Clock, Stated};

/// Where a candidate date comes from, best first: the order of trust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Source {
    Meta,
    JsonLd,
    Attribute,
    Script,
    Url,
    DateElement,
    TimeElement,
    PageText,
    Modified,
}

/// One date a page states, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub(crate) source: Source,
    pub(crate) stated: Stated,
}

/// Publication dates before this year are history the page talks about, not its own date (the web's
/// news pages start in the mid-1990s).
const MIN_YEAR: i16 = 1995;

/// The publication date among `candidates` (in document order within each source), if any.
pub(crate) fn choose(candidates: &[Candidate]) -> Option<Date> {
    let mut plausible: Vec<&Candidate> = candidates.iter().filter(|c| c.stated.date.year() >= MIN_YEAR).collect();
    plausible.sort_by_key(|c| c.source);
    // A date the page shows its reader: anything after the URL in the order, but not a modification.
    let shown = |date: Date| {
        plausible.iter().any(|c| c.source > Source::Url && c.source != Source::Modified && c.stated.date == date)
    };
    let mut markup = plausible.iter().take_while(|c| c.source <= Source::Script);
    let best = markup.find(|c| shown(c.stated.date)).or_else(|| plausible.first())?;
    if best.stated.clock != Clock::Utc {
        return Some(best.stated.date);
    }
    let day = best.stated.date;
    let neighbours = [day.checked_sub(1.day()).ok(), day.checked_add(1.day()).ok()];
    let local = plausible
        .iter()
        .filter(|c| c.source <= Source::Url && c.stated.clock != Clock::Utc)
        .find(|c| neighbours.contains(&Some(c.stated.date)));
    Some(local.map_or(day, |c| c.stated.date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(source: Source, date: &str, clock: Clock) -> Candidate {
        Candidate { source, stated: Stated { date: date.parse().unwrap(), clock } }
    }

    fn chosen(candidates: &[Candidate]) -> Option<String> {
        choose(candidates).map(|d| d.to_string())
    }

    #[test]
    fn the_most_trusted_source_wins() {
        let candidates = [
            candidate(Source::PageText, "2024-03-01", Clock::Local),
            candidate(Source::Modified, "2024-03-09", Clock::Offset),
            candidate(Source::JsonLd, "2024-03-05", Clock::Offset),
            candidate(Source::Meta, "2024-03-04", Clock::Local),
        ];
        assert_eq!(chosen(&candidates).as_deref(), Some("2024-03-04"));
        assert_eq!(chosen(&candidates[..2]).as_deref(), Some("2024-03-01"), "text over modified");
        assert_eq!(chosen(&candidates[1..2]).as_deref(), Some("2024-03-09"), "modified when nothing else");
        assert_eq!(chosen(&[]), None);
    }

    #[test]
    fn publication_markup_the_page_shows_wins() {
        let meta = candidate(Source::Meta, "2024-03-05", Clock::Offset);
        let json_ld = candidate(Source::JsonLd, "2024-03-04", Clock::Offset);
        let shown = candidate(Source::DateElement, "2024-03-04", Clock::Local);
        let modified = candidate(Source::Modified, "2024-03-05", Clock::Local);
        assert_eq!(chosen(&[meta, json_ld, shown]).as_deref(), Some("2024-03-04"));
        assert_eq!(chosen(&[meta, json_ld, modified]).as_deref(), Some("2024-03-05"), "a modification shows nothing");
    }

    #[test]
    fn a_utc_timestamp_yields_to_a_local_day_next_to_it() {
        let utc = candidate(Source::Meta, "2024-03-06", Clock::Utc);
        let url = candidate(Source::Url, "2024-03-05", Clock::Local);
        assert_eq!(chosen(&[utc, url]).as_deref(), Some("2024-03-05"));
        let far = candidate(Source::Url, "2024-02-05", Clock::Local);
        assert_eq!(chosen(&[utc, far]).as_deref(), Some("2024-03-06"), "only a neighbouring day");
        let modified = candidate(Source::Modified, "2024-03-05", Clock::Local);
        assert_eq!(chosen(&[utc, modified]).as_deref(), Some("2024-03-06"), "a modification is no local day");
        let offset = candidate(Source::Meta, "2024-03-06", Clock::Offset);
        assert_eq!(chosen(&[offset, url]).as_deref(), Some("2024-03-06"), "a stated offset is kept");
    }

    #[test]
    fn dates_before_the_web_are_not_publication_dates() {
        let old = candidate(Source::JsonLd, "1989-11-09", Clock::Local);
        let text = candidate(Source::PageText, "2019-11-09", Clock::Local);
        assert_eq!(chosen(&[old, text]).as_deref(), Some("2019-11-09"));
    }
}
