//! Whole-word, case-insensitive phrase matching: the one way cue lists are looked up in text.

use std::collections::HashMap;

use accord_model::slice;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// A set of phrases, each carrying a value, found in text as whole words, longest first.
#[derive(Debug, Clone)]
pub struct PhraseMatcher<T> {
    automaton: AhoCorasick,
    values: Vec<T>,
    phrases: Vec<String>,
    /// Each phrase (lower-cased unless case matters) to its index, for whole-string lookups.
    exact: HashMap<String, usize>,
    case_sensitive: bool,
}

/// One phrase found in a haystack: byte offsets into that haystack and the phrase's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhraseMatch<'m, T> {
    pub start: usize,
    pub end: usize,
    pub value: &'m T,
}

impl<T> PhraseMatcher<T> {
    /// Builds a matcher; `case_sensitive` is for names ("US" must not match "us").
    pub fn new(entries: Vec<(String, T)>, case_sensitive: bool) -> PhraseMatcher<T> {
        let (phrases, values): (Vec<String>, Vec<T>) = entries.into_iter().unzip();
        let key = |p: &str| if case_sensitive { p.to_string() } else { p.to_ascii_lowercase() };
        let mut exact = HashMap::new();
        for (i, phrase) in phrases.iter().enumerate() {
            exact.entry(key(phrase)).or_insert(i);
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(!case_sensitive)
            .build(&phrases)
            .expect("phrase lists are small enough for aho-corasick");
        PhraseMatcher { automaton, values, phrases, exact, case_sensitive }
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The phrase of the match, as written in the data file.
    pub fn phrase(&self, m: &PhraseMatch<'_, T>) -> &str {
        let index = self.values.iter().position(|v| std::ptr::eq(v, m.value)).unwrap_or(0);
        &self.phrases[index]
    }

    /// Every whole-word occurrence in `haystack`, left to right, never overlapping; at each position the
    /// longest whole-word phrase wins, so "prisoner exchanges" still finds "prisoner" when only
    /// "prisoner exchange" and "prisoner" are listed.
    pub fn find_iter<'m>(&'m self, haystack: &str) -> impl Iterator<Item = PhraseMatch<'m, T>> + use<'m, T> {
        let mut whole: Vec<(usize, usize, usize)> = self
            .automaton
            .find_overlapping_iter(haystack)
            .filter(|m| is_word_boundary(haystack, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        whole.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut taken_until = 0;
        whole.retain(|&(start, end, _)| {
            let free = start >= taken_until;
            if free {
                taken_until = end;
            }
            free
        });
        whole.into_iter().map(move |(start, end, pattern)| PhraseMatch { start, end, value: &self.values[pattern] })
    }

    /// The value of `phrase` if the whole string is one of the phrases.
    pub fn exact(&self, phrase: &str) -> Option<&T> {
        let found =
            if self.case_sensitive { self.exact.get(phrase) } else { self.exact.get(&phrase.to_ascii_lowercase()) };
        found.map(|i| &self.values[*i])
    }
}

/// True when `[start, end)` neither starts nor ends inside a word.
fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = slice::before(text, start).chars().next_back();
    let after = slice::after(text, end).chars().next();
    let first = slice::between(text, start, end).chars().next();
    let last = slice::between(text, start, end).chars().next_back();
    let joins = |outer: Option<char>, inner: Option<char>| match (outer, inner) {
        (Some(o), Some(i)) => o.is_alphanumeric() && i.is_alphanumeric(),
        _ => false,
    };
    !joins(before, first) && !joins(after, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(case_sensitive: bool) -> PhraseMatcher<u8> {
        PhraseMatcher::new(vec![("demand".into(), 1), ("demand for".into(), 2), ("US".into(), 3)], case_sensitive)
    }

    #[test]
    fn longest_whole_word_match_wins() {
        let m = matcher(false);
        let found: Vec<u8> = m.find_iter("Its Demand for a truce; demands aside").map(|m| *m.value).collect();
        assert_eq!(found, vec![2]);
    }

    #[test]
    fn a_longer_phrase_cut_mid_word_falls_back_to_a_shorter_one() {
        let m = matcher(false);
        let found: Vec<u8> = m.find_iter("demand forces").map(|m| *m.value).collect();
        assert_eq!(found, vec![1]);
    }

    #[test]
    fn case_sensitive_names_skip_lowercase_words() {
        let m = matcher(true);
        assert_eq!(m.find_iter("tell us what the US wants").count(), 1);
        assert_eq!(m.exact("US"), Some(&3));
    }
}
