//! A position's detail: its term in a few words ("release of 20 prisoners in the first phase"), read from
//! the words its cue governs, without the cue, a reporting tail ("..., officials said") or text from another
//! line (a headline the sentence splitter ran into).

use accord_model::{Span, slice};

/// A detail holds at most this many words: a term, not a clause.
const MAX_WORDS: usize = 12;

/// Words that join a cue to its object and say nothing of the term: "agreed to", "called for", "insisted on",
/// and the speech verb and its time when the cue is a report ("said on Monday that ...").
const LEADING: &[&str] = &[
    "to",
    "that",
    "for",
    "on",
    "of",
    "with",
    "about",
    "upon",
    ":",
    "said",
    "says",
    "stated",
    "told",
    "added",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
];

/// Words a cut detail must not end on: "release of the" says less than "release".
const TRAILING: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "that", "the", "to", "which",
    "with", "its", "their", "his", "her",
];

/// Where a clause stops being the term even right after its cue: a reporting tail, a relative or
/// contrasting clause, a dash or a semicolon. Compared in lower case.
const STOPS: &[&str] = &[
    ", according to",
    ", officials said",
    ", sources said",
    ", a source",
    ", an official",
    ", he said",
    ", she said",
    ", they said",
    ", it said",
    ", said",
    ", the ministry",
    ", which",
    ", while",
    ", but",
    ", as ",
    ", after",
    ", before",
    ", amid",
    ", saying",
    ", adding",
    ", citing",
    " but ",
    " while ",
    " amid ",
    "; ",
    " — ",
    " – ",
    " - ",
];

/// The detail of a position whose cue is at `cue` in `sentence` and whose term lies in `scope`: the scope's
/// words after the cue (or before it, when the scope is the clause left of a copula), cut at the first stop,
/// at most [`MAX_WORDS`] words. A scope that trims to nothing (a quote closed by "... ,” she said") gives
/// the words of the sentence before the cue.
pub(crate) fn detail(text: &str, sentence: Span, cue: Span, scope: Span) -> String {
    let start = if scope.start < cue.start && scope.end <= cue.start { scope.start } else { scope.start.max(cue.end) };
    let term = trimmed(slice::between(text, start, scope.end.max(start)));
    if term.is_empty() { trimmed(slice::between(text, sentence.start, cue.start.max(sentence.start))) } else { term }
}

/// `raw` from its first word of substance to its first stop, within [`MAX_WORDS`] words.
fn trimmed(raw: &str) -> String {
    let line = raw.trim_start().split('\n').next().unwrap_or("");
    // Any other comma ends the term once it has two words: lists and asides belong to other findings.
    let comma = line.match_indices(", ").map(|(at, _)| at).find(|&at| line[..at].split_whitespace().count() >= 2);
    // The stops are ASCII, so their offsets in the lower-case copy hold in `line` when lower-casing kept
    // every length (letters such as "İ" change it; the stops are then not looked for).
    let lower = line.to_lowercase();
    let stops = STOPS.iter().filter_map(|stop| lower.find(stop)).filter(|_| lower.len() == line.len());
    let stop = stops.chain(comma).min().unwrap_or(line.len());
    let edge =
        |c: char| c.is_ascii_punctuation() && !matches!(c, '%' | '$' | ')') || matches!(c, '“' | '”' | '‘' | '’');
    let bare = |word: &str| word.trim_matches(edge).to_lowercase();
    let mut words: Vec<&str> = slice::before(line, stop)
        .split_whitespace()
        .skip_while(|word| bare(word).is_empty() || LEADING.contains(&bare(word).as_str()))
        .take(MAX_WORDS)
        .collect();
    while words.last().is_some_and(|last| {
        let end = last.trim_end_matches(edge);
        end.is_empty() || TRAILING.contains(&end.to_lowercase().as_str())
    }) {
        words.pop();
    }
    words.join(" ").trim_start_matches(edge).trim_end_matches(edge).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The detail of `sentence` with the cue `cue` and the scope from the cue's end to the sentence's end.
    fn after(sentence: &str, cue: &str) -> String {
        let at = sentence.find(cue).unwrap();
        let whole = Span::new(0, sentence.len());
        detail(sentence, whole, Span::new(at, at + cue.len()), Span::new(at + cue.len(), sentence.len()))
    }

    #[test]
    fn issue_6_the_term_without_cue_or_reporting_tail() {
        assert_eq!(
            after(
                "Hamas demanded the release of 1,000 prisoners in the first phase, according to Egyptian mediators.",
                "demanded"
            ),
            "the release of 1,000 prisoners in the first phase"
        );
        assert_eq!(after("The rebels agreed to a 30-day truce, officials said.", "agreed"), "a 30-day truce");
        assert_eq!(after("Kyiv called for a full ceasefire — a demand Moscow rejected.", "called"), "a full ceasefire");
        assert_eq!(
            after("The UK’s “offers” include cuts to a digital tax.", "offers"),
            "include cuts to a digital tax"
        );
    }

    #[test]
    fn issue_6_long_clauses_are_cut_to_a_few_words() {
        let got = after(
            "The union wants a raise of 9% over three years for every grade of worker in each of the company's ports and depots.",
            "wants",
        );
        assert_eq!(got, "a raise of 9% over three years for every grade of worker");
        assert!(!got.ends_with('…'));
    }

    #[test]
    fn issue_6_text_from_the_next_line_is_not_kept() {
        assert_eq!(after("Israel offered a two-week pause\nTalks resume in Cairo", "offered"), "a two-week pause");
    }

    #[test]
    fn a_scope_left_of_a_copula_is_read_as_it_stands() {
        let text = "A permanent ceasefire is what Hamas demands.";
        let cue = text.find("demands").unwrap();
        let scope = Span::new(0, text.find(" is").unwrap());
        assert_eq!(detail(text, Span::new(0, text.len()), Span::new(cue, cue + 7), scope), "A permanent ceasefire");
    }

    #[test]
    fn a_report_cue_loses_its_speech_verb() {
        assert_eq!(
            after("Canada Post said on Monday that the union's latest proposals widen the gap.", "said"),
            "the union's latest proposals widen the gap"
        );
    }

    #[test]
    fn an_empty_scope_gives_the_words_before_the_cue() {
        let text = "“Even with this offer, thousands of doctors would be unable to find a job,” Fletcher said.";
        assert_eq!(after(text, "said"), "Even with this offer");
    }
}
