//! Plain-text cleaning: drops web boilerplate lines by the cues of `boilerplate.tsv`, keeps every other
//! character as it was, since evidence spans are later sliced from the result.

use std::collections::HashSet;

use accord_lexicon::{LexiconError, Table};
use regex::Regex;

/// The data file this module owns the meaning of.
pub(crate) const FILE: &str = "boilerplate.tsv";

/// The kinds a row of `boilerplate.tsv` may have.
const KINDS: &[&str] = &["bio", "byline", "consent", "label", "line", "prefix", "published", "tail", "updated"];

/// A `prefix` cue only drops a line up to this long: boilerplate lines are short, and a long line that
/// happens to open with "Click here" is more likely prose.
const MAX_PREFIX_LINE: usize = 300;

/// A line with at least this many words counts as prose: a `tail` cue only cuts once some prose was kept,
/// so a teaser list above the article cannot swallow it.
const PROSE_WORDS: usize = 12;

/// A date line is short: "Updated 5:27 am CST, Wednesday, November 20, 2019" has nine words; a longer line
/// opening with "Updated" is a sentence.
const MAX_DATE_LINE_WORDS: usize = 16;

/// How many words may stand between "is" and the role in an author bio: "is a senior Middle East".
const BIO_ROLE_REACH: usize = 5;

/// A final paragraph longer than this is prose, not an author bio.
const MAX_BIO_WORDS: usize = 80;

/// The cues of `boilerplate.tsv`, normalised with [`normalise`], and the bio pattern built from its roles.
#[derive(Debug)]
pub(crate) struct Cleaner {
    lines: HashSet<String>,
    prefixes: Vec<String>,
    tails: HashSet<String>,
    labels: HashSet<String>,
    bylines: Vec<String>,
    consent: Vec<String>,
    published: Vec<String>,
    updated: Vec<String>,
    bio: Option<Regex>,
}

/// What a date label says its date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateLabel {
    Published,
    Updated,
}

impl Cleaner {
    /// Parses `boilerplate.tsv` (header `kind`, `cue`); an unknown kind is an error naming its line.
    pub(crate) fn parse(text: &str) -> Result<Cleaner, LexiconError> {
        let table = Table::parse(FILE, text, &["kind", "cue"])?;
        let mut cleaner = Cleaner {
            lines: HashSet::new(),
            prefixes: Vec::new(),
            tails: HashSet::new(),
            labels: HashSet::new(),
            bylines: Vec::new(),
            consent: Vec::new(),
            published: Vec::new(),
            updated: Vec::new(),
            bio: None,
        };
        let mut roles = Vec::new();
        for row in table.rows() {
            let malformed = |reason: String| LexiconError::Malformed { file: FILE.to_string(), line: row.line, reason };
            let cue = normalise(row.get("cue"));
            if cue.is_empty() {
                return Err(malformed("empty cue".into()));
            }
            match row.get("kind") {
                "line" => _ = cleaner.lines.insert(cue),
                "prefix" => cleaner.prefixes.push(cue),
                "tail" => _ = cleaner.tails.insert(cue),
                "label" => _ = cleaner.labels.insert(cue),
                "byline" => cleaner.bylines.push(cue),
                "consent" => cleaner.consent.push(cue),
                "published" => cleaner.published.push(cue),
                "updated" => cleaner.updated.push(cue),
                "bio" => roles.push(regex::escape(&cue)),
                other => {
                    return Err(malformed(format!("unknown kind `{other}`; valid kinds: {}", KINDS.join(", "))));
                }
            }
        }
        if !roles.is_empty() {
            // "<Name> is [a|an|the|our ...] <role>": a name of up to five capitalised words (short lower-case
            // particles such as "bin" or "al-" allowed inside), then the role within a few words of "is", with
            // no clause break between. "Hamas is ready to accept a truce, an official told our correspondent"
            // is news, not a bio: its role word is a clause away.
            let word = r"\p{Lu}[\p{L}\p{M}'’.\-]*";
            let particle = r"\p{Ll}{1,3}(?:-\p{Lu}[\p{L}\p{M}'’.\-]*)?";
            let pattern = format!(
                r"^{word}(?:\s+(?:{word}|{particle})){{0,4}}\s+is\s+(?:[^\s,;:.!?]+\s+){{0,{BIO_ROLE_REACH}}}(?i:{})s?\b",
                roles.join("|")
            );
            cleaner.bio = Some(Regex::new(&pattern).map_err(|err| LexiconError::Malformed {
                file: FILE.to_string(),
                line: 1,
                reason: format!("bio roles do not form a pattern: {err}"),
            })?);
        }
        Ok(cleaner)
    }

    /// The `byline` cues ("by", "written by"), normalised, for metadata to recognise a byline line.
    pub(crate) fn bylines(&self) -> &[String] {
        &self.bylines
    }

    /// The `consent` cues ("cookies", "accept all"), normalised, for telling a consent notice from an article.
    pub(crate) fn consent(&self) -> &[String] {
        &self.consent
    }

    /// The date label `line` opens with ("Published:", "Last updated"), the longest that fits, and the rest
    /// of the line after it and its punctuation.
    pub(crate) fn date_label<'l>(&self, line: &'l str) -> Option<(DateLabel, &'l str)> {
        let norm = normalise(line);
        let labels = self.published.iter().map(|cue| (DateLabel::Published, cue));
        let (label, cue) = labels
            .chain(self.updated.iter().map(|cue| (DateLabel::Updated, cue)))
            .filter(|(_, cue)| starts_with_words(&norm, cue))
            .max_by_key(|(_, cue)| cue.len())?;
        let mut rest = line.trim_start_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation());
        for _ in 0..cue.split_whitespace().count() {
            rest = rest[rest.find(char::is_whitespace).unwrap_or(rest.len())..].trim_start();
        }
        Some((label, rest.trim_start_matches([':', ' ', '-', '–', '—', '|'])))
    }

    /// `text` without its date lines: short lines that open with a date label and hold a digit ("Updated
    /// 5:27 am CST, ...", "PUBLISHED: 10:48, Tue, Nov 19, 2019", "Posted: Fri 6:45 PM"). Called once the
    /// date was read from them.
    pub(crate) fn without_date_lines(&self, text: &str) -> String {
        let is_date_line = |line: &str| {
            line.split_whitespace().count() <= MAX_DATE_LINE_WORDS
                && line.contains(|c: char| c.is_ascii_digit())
                && self.date_label(line).is_some()
        };
        let kept: Vec<&str> = text.split('\n').filter(|line| !is_date_line(line)).collect();
        join_paragraphs(&kept)
    }

    /// `raw` without boilerplate lines, a leading section label, a trailing related-links block or a final
    /// author bio; kept lines are joined with `\n` without trailing whitespace, runs of blank lines (and of
    /// lines holding only rules or bullets, such as `---`) become one blank line, the whole is trimmed.
    pub(crate) fn clean(&self, raw: &str) -> String {
        let mut kept: Vec<&str> = Vec::new();
        let mut prose_seen = false;
        let mut text_seen = false;
        for line in raw.split('\n') {
            let line = line.trim_end();
            let norm = normalise(line);
            if norm.is_empty() {
                kept.push("");
                continue;
            }
            if prose_seen && self.tails.contains(&norm) {
                break;
            }
            if self.is_boilerplate(&norm, line.len()) {
                continue;
            }
            if !text_seen && self.labels.contains(&norm) {
                continue;
            }
            text_seen = true;
            prose_seen |= line.split_whitespace().count() >= PROSE_WORDS;
            kept.push(line);
        }
        self.drop_bio(&mut kept);
        join_paragraphs(&kept)
    }

    fn is_boilerplate(&self, norm: &str, len: usize) -> bool {
        self.lines.contains(norm)
            || (len <= MAX_PREFIX_LINE && self.prefixes.iter().any(|prefix| starts_with_words(norm, prefix)))
    }

    /// Drops the last non-blank line when it reads as an author bio.
    fn drop_bio(&self, kept: &mut Vec<&str>) {
        let Some(bio) = &self.bio else { return };
        while kept.last().is_some_and(|line| line.is_empty()) {
            kept.pop();
        }
        let other_text = kept.iter().rev().skip(1).any(|line| !line.trim().is_empty());
        if let Some(last) = kept.last()
            && other_text
            && last.split_whitespace().count() <= MAX_BIO_WORDS
            && bio.is_match(last.trim())
        {
            kept.pop();
        }
    }
}

/// Lines joined with `\n`, with each run of blank lines reduced to one and no blank lines at either end.
fn join_paragraphs(lines: &[&str]) -> String {
    let mut out = String::new();
    let mut blank_pending = false;
    for line in lines {
        if line.is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_pending { "\n\n" } else { "\n" });
        }
        blank_pending = false;
        out.push_str(line);
    }
    out
}

/// Whether `text` starts with `prefix` followed by a word boundary (end, space or punctuation).
pub(crate) fn starts_with_words(text: &str, prefix: &str) -> bool {
    text.strip_prefix(prefix).is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// The form lines and cues are compared in: lower case, inner whitespace collapsed, without bullets and
/// dashes around it ("- Advertisement -") or trailing punctuation ("Read more:", "ready...").
pub(crate) fn normalise(line: &str) -> String {
    const EDGE: &[char] = &['-', '–', '—', '•', '*', '·', '|', '>', '#', '=', '_'];
    const TRAILING: &[char] = &[':', '.', '…', '!', '?', ','];
    let line = line
        .trim_matches(|c: char| c.is_whitespace() || EDGE.contains(&c))
        .trim_end_matches(|c: char| c.is_whitespace() || TRAILING.contains(&c) || EDGE.contains(&c));
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CUES: &str = "kind\tcue\n\
        line\tAdvertisement\nline\tLEAVE A REPLY\nline\tRelated Articles\n\
        prefix\tGetting your audio player ready\nprefix\tSign up for\n\
        tail\tLatest News\ntail\tRelated Articles\n\
        label\tPolicy\n\
        byline\tBy\n\
        bio\teditor\nbio\tcorrespondent\n";

    fn cleaner() -> Cleaner {
        Cleaner::parse(CUES).unwrap()
    }

    const PROSE: &str =
        "The two delegations met for a third day and agreed on nothing except the date of the next round.";

    #[test]
    fn boilerplate_lines_go_prose_stays() {
        let raw = format!(
            "- Advertisement -\nGetting your audio player ready...\n{PROSE}\n\n- Advertisement -\n\nThe mediators said “progress” was slow.\nSign up for our newsletter!\n"
        );
        assert_eq!(cleaner().clean(&raw), format!("{PROSE}\n\nThe mediators said “progress” was slow."));
    }

    #[test]
    fn prefix_needs_a_word_boundary_and_a_short_line() {
        let c = cleaner();
        assert_eq!(c.clean("Sign up forms were filed."), "Sign up forms were filed.");
        let long = format!("Sign up for {}", "the talks went on and on ".repeat(20));
        assert_eq!(c.clean(&long), long.trim_end());
    }

    #[test]
    fn tail_cuts_everything_after_it_once_prose_was_kept() {
        let raw = format!(
            "{PROSE}\n\nLEAVE A REPLY\n\nLatest News\n\nAnother story entirely that should not be kept here.\n"
        );
        assert_eq!(cleaner().clean(&raw), PROSE);
        // Before any prose a tail cue is just a line: the article below it stays.
        let raw = format!("Latest News\n{PROSE}");
        assert_eq!(cleaner().clean(&raw), format!("Latest News\n{PROSE}"));
    }

    #[test]
    fn label_only_at_the_top() {
        let raw = format!("Policy\n\nTalks stall in Cairo\n\n{PROSE}\nPolicy");
        assert_eq!(cleaner().clean(&raw), format!("Talks stall in Cairo\n\n{PROSE}\nPolicy"));
    }

    #[test]
    fn final_author_bio_is_dropped() {
        let raw =
            format!("{PROSE}\n\nJane Q. Roe is assistant news editor at an example outlet and writes on diplomacy.\n");
        assert_eq!(cleaner().clean(&raw), PROSE);
        let raw = format!("{PROSE}\n\nThe minister is a former correspondent, he noted.");
        assert!(cleaner().clean(&raw).ends_with("he noted."), "a sentence about a minister is not a bio");
        let raw = format!("Sam Doe is a correspondent.\n\n{PROSE}");
        assert_eq!(cleaner().clean(&raw), raw, "only the last line can be a bio");
    }

    #[test]
    fn issue_10_a_closing_paragraph_of_news_is_not_a_bio() {
        let news = "Hamas is ready to accept a 60-day ceasefire, a senior official told our correspondent in Doha.";
        let raw = format!("{PROSE}\n\n{news}");
        assert_eq!(cleaner().clean(&raw), raw);
        assert_eq!(cleaner().clean(news), news, "a report of one paragraph keeps it");
        let bio = "Sam Doe is a senior Middle East correspondent.";
        assert_eq!(cleaner().clean(bio), bio, "nothing else to keep: not dropped");
    }

    #[test]
    fn date_lines_go_once_read_and_sentences_stay() {
        let cues = format!("{CUES}published\tPosted\npublished\tPublished\nupdated\tUpdated\n");
        let cleaner = Cleaner::parse(&cues).unwrap();
        let raw = format!(
            "Talks end without a deal\n\nPublished: 6 June 2024\n| Updated: 7 June 2024, 10:05\n\n{PROSE}\n\n\
             Updated figures from 2023 show that the two sides have met eleven times since the ceasefire began in the spring.\n\
             Posted in Diplomacy\nUpdated at 1:23 p.m."
        );
        assert_eq!(
            cleaner.without_date_lines(&raw),
            format!(
                "Talks end without a deal\n\n{PROSE}\n\n\
                 Updated figures from 2023 show that the two sides have met eleven times since the ceasefire began in the spring.\n\
                 Posted in Diplomacy"
            )
        );
    }

    #[test]
    fn blank_runs_collapse_and_kept_text_is_untouched() {
        let raw = "\n\n  Indented “quote” — kept\r\n\n\n\n\nSecond  paragraph ‘here’\n\n";
        assert_eq!(cleaner().clean(raw), "  Indented “quote” — kept\n\nSecond  paragraph ‘here’");
    }

    #[test]
    fn unknown_kind_names_the_line_and_the_valid_kinds() {
        let err = Cleaner::parse("kind\tcue\nline\tShare\nfooter\tAbout us\n").unwrap_err().to_string();
        assert!(err.contains("boilerplate.tsv:3") && err.contains("footer") && err.contains("prefix"), "{err}");
    }

    #[test]
    fn normalise_strips_bullets_case_and_trailing_punctuation() {
        assert_eq!(normalise("- Advertisement -"), "advertisement");
        assert_eq!(normalise("  Read   more: "), "read more");
        assert_eq!(normalise("Getting your Trinity Audio player ready..."), "getting your trinity audio player ready");
        assert_eq!(normalise("Please enter your comment!"), "please enter your comment");
    }
}
