//! Sentence boundaries: line breaks, and terminal punctuation not owed to an abbreviation or initial.

use accord_model::{Span, slice};

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];
/// A quotation shorter than this many bytes keeps its sentences together; longer ones split as usual.
const SHORT_QUOTE: usize = 200;
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '«', '—', '-'];
/// The longest sentence kept whole. News sentences are far shorter; a longer run without a boundary
/// (a table, a list, a page of words without punctuation) is cut at spaces, so that every later stage,
/// which looks around inside a sentence, costs at most a bounded amount per sentence.
pub const MAX_SENTENCE_BYTES: usize = 1200;

/// The sentences of `text`, as spans without surrounding whitespace.
///
/// `abbreviations` are tokens written with their final period ("Dr.", "U.S.") after which a period does
/// not end the sentence.
pub fn split_sentences(text: &str, abbreviations: &[String]) -> Vec<Span> {
    let mut sentences = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), abbreviations, &mut sentences);
        line_start += line.len();
    }
    sentences
}

fn split_line(text: &str, start: usize, end: usize, abbreviations: &[String], out: &mut Vec<Span>) {
    let line = slice::between(text, start, end);
    let mut sentence_start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(offset, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut close = k + 1;
        while close < chars.len() && CLOSERS.contains(&chars[close].1) {
            close += 1;
        }
        if close >= chars.len() || !chars[close].1.is_whitespace() {
            continue;
        }
        let mut next = close;
        while next < chars.len() && chars[next].1.is_whitespace() {
            next += 1;
        }
        let Some(&(_, first)) = chars.get(next) else { continue };
        let starts_sentence = first.is_uppercase() || first.is_ascii_digit() || OPENERS.contains(&first);
        if !starts_sentence || (c == '.' && ends_with_abbreviation(slice::before(line, offset + 1), abbreviations)) {
            continue;
        }
        let boundary = chars.get(close).map_or(line.len(), |(o, _)| *o);
        if short_quote_around(line, sentence_start, boundary) {
            continue;
        }
        push_trimmed(start + sentence_start, start + boundary, text, out);
        sentence_start = chars[next].0;
    }
    push_trimmed(start + sentence_start, end, text, out);
}

/// Whether `boundary` falls inside a short quotation opened in this sentence: "He said: “We fight. We will
/// not stop.”" stays one sentence, so the statement is cited whole.
fn short_quote_around(line: &str, sentence_start: usize, boundary: usize) -> bool {
    let so_far = slice::between(line, sentence_start, boundary);
    let open = match (so_far.rfind('“'), so_far.rfind('”')) {
        (Some(open), Some(close)) if close > open => return false,
        (Some(open), _) => open,
        (None, _) => return false,
    };
    let reach = (sentence_start + open + SHORT_QUOTE).max(boundary);
    let close = slice::between(line, boundary, floor_boundary(line, reach)).find('”').map(|i| boundary + i);
    close.is_some_and(|close| close - (sentence_start + open) < SHORT_QUOTE)
}

/// True when the word ending at the final period is a listed abbreviation or a single initial ("J.").
fn ends_with_abbreviation(upto_period: &str, abbreviations: &[String]) -> bool {
    let word_start = upto_period
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || OPENERS.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = slice::after(upto_period, word_start);
    let letters = word.trim_end_matches('.');
    let single_initial = letters.chars().count() == 1 && letters.chars().all(char::is_uppercase);
    single_initial || abbreviations.iter().any(|a| a == word)
}

fn push_trimmed(start: usize, end: usize, text: &str, out: &mut Vec<Span>) {
    let piece = slice::between(text, start, end);
    let mut from = start + (piece.len() - piece.trim_start().len());
    let to = from + piece.trim().len();
    while to - from > MAX_SENTENCE_BYTES {
        let cut = cut_point(slice::between(text, from, to)) + from;
        let chunk = slice::between(text, from, cut).trim_end();
        if !chunk.is_empty() {
            out.push(Span::new(from, from + chunk.len()));
        }
        from = cut + (slice::between(text, cut, to).len() - slice::between(text, cut, to).trim_start().len());
    }
    if to > from {
        out.push(Span::new(from, to));
    }
}

/// Where an over-long sentence is cut: after the last space within the limit, or at the limit itself.
fn cut_point(piece: &str) -> usize {
    let limit = floor_boundary(piece, MAX_SENTENCE_BYTES);
    match slice::before(piece, limit).rfind(char::is_whitespace) {
        Some(space) if space > 0 => space,
        _ => limit.max(piece.chars().next().map_or(1, char::len_utf8)),
    }
}

/// The largest char boundary of `text` at or before byte `index`.
fn floor_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_without_boundaries_is_cut_into_bounded_sentences_at_spaces() {
        let text = "ceasefire talks ".repeat(500);
        let spans = split_sentences(&text, &[]);
        assert!(spans.len() >= 6, "{} pieces", spans.len());
        for span in &spans {
            let piece = span.slice(&text);
            assert!(piece.len() <= MAX_SENTENCE_BYTES && !piece.starts_with(' ') && !piece.ends_with(' '));
        }
        let words: usize = spans.iter().map(|s| s.slice(&text).split_whitespace().count()).sum();
        assert_eq!(words, 1000, "no word lost or split");
    }

    #[test]
    fn a_run_without_spaces_is_cut_on_char_boundaries() {
        let text = "é".repeat(MAX_SENTENCE_BYTES);
        let spans = split_sentences(&text, &[]);
        assert_eq!(spans.iter().map(|s| s.len()).sum::<usize>(), text.len());
        assert!(spans.iter().all(|s| text.is_char_boundary(s.start) && text.is_char_boundary(s.end)));
    }

    fn split(text: &str) -> Vec<&str> {
        let abbreviations: Vec<String> = ["Dr.", "U.S.", "Gen.", "Mr."].iter().map(|s| s.to_string()).collect();
        split_sentences(text, &abbreviations).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("Dr. Khalil spoke to Gen. J. Smith. The U.S. Envoy left. Talks end."),
            vec!["Dr. Khalil spoke to Gen. J. Smith.", "The U.S. Envoy left.", "Talks end."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("He said, “We will not stop.” Hamas refused."),
            vec!["He said, “We will not stop.”", "Hamas refused."]
        );
    }

    #[test]
    fn short_quotations_stay_whole() {
        assert_eq!(
            split("He said: “We fight. We will not stop.” Talks end."),
            vec!["He said: “We fight. We will not stop.”", "Talks end."]
        );
    }

    #[test]
    fn lines_are_boundaries_and_lowercase_continues() {
        assert_eq!(
            split("Title line\nIt fell 3.5 percent. then more.\n\nNext"),
            vec!["Title line", "It fell 3.5 percent. then more.", "Next"]
        );
    }
}
