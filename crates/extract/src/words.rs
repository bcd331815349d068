//! Small word-level helpers shared by the stages: token text, lower-casing, neighbourhoods.

use accord_model::slice;
use accord_text::Token;

/// Prepositions after which a place name is a location, not the actor acting ("talks in Doha").
pub const LOCATIVES: &[&str] =
    &["in", "into", "at", "near", "across", "to", "toward", "towards", "via", "outside", "inside", "around", "over"];

/// Words that join items of a list, so each item can carry its own issue.
pub const COORDINATORS: &[&str] = &["and", "or", ",", ";", ":", "as well as", "along with", "plus"];

pub const NEGATIONS: &[&str] = &[
    "not",
    "never",
    "no",
    "won't",
    "won’t",
    "don't",
    "don’t",
    "doesn't",
    "doesn’t",
    "didn't",
    "didn’t",
    "cannot",
    "can't",
    "can’t",
];

/// The token index at or after byte `offset` in a sentence's tokens.
pub fn token_at(tokens: &[Token], offset: usize) -> usize {
    tokens.iter().position(|t| t.span.start >= offset).unwrap_or(tokens.len())
}

/// The lower-cased words of `tokens[from..to]` over `text`.
pub fn lower_words(text: &str, tokens: &[Token], from: usize, to: usize) -> Vec<String> {
    tokens[from.min(tokens.len())..to.min(tokens.len())].iter().map(|t| t.text(text).to_lowercase()).collect()
}

/// The lower-cased word just before byte `offset`, if any.
pub fn word_before(text: &str, tokens: &[Token], offset: usize) -> Option<String> {
    let i = token_at(tokens, offset);
    (i > 0).then(|| tokens[i - 1].text(text).to_lowercase())
}

pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when byte `offset` of `sentence` (a sentence slice starting at `base`) sits inside a quotation.
pub fn inside_quote(sentence: &str, base: usize, offset: usize) -> bool {
    let before = slice::before(sentence, offset.saturating_sub(base).min(sentence.len()));
    let opens = before.matches('“').count();
    let closes = before.matches('”').count();
    let straight = before.matches('"').count();
    opens > closes || straight % 2 == 1
}

/// `text` shortened to at most `max` bytes at a word boundary.
pub fn clip(text: &str, max: usize) -> String {
    let text = text.trim().trim_matches(|c: char| c == ',' || c == ';' || c == ':' || c.is_whitespace());
    if text.len() <= max {
        return text.to_string();
    }
    let end = floor_boundary(text, max);
    let cut = slice::before(text, end).rfind(' ').unwrap_or(end);
    format!("{}…", slice::before(text, cut))
}

/// Words that open a conditional or time clause, whose cues state the condition rather than a position.
/// Phrases that open a condition where their words alone would not: "only after", "on condition that".
const CONDITIONAL_PHRASES: &[&str] = &["only after", "only when", "on condition that", "as long as", "so long as"];
pub const CONDITIONALS: &[&str] = &["if", "unless", "provided", "providing", "before", "until", "once"];

/// Whether a cue falls inside an "if ..." clause: "ready to raise its offer if the union agreed to drop the
/// pension demand" holds Boeing's condition, not the union's acceptance.
pub fn inside_conditional(before: &str) -> bool {
    let lower = before.to_lowercase();
    let clause = lower.rsplit([',', ';', '—', ':']).next().unwrap_or("");
    // "only after Serbia signed": a condition; a bare "after" merely tells the time.
    CONDITIONAL_PHRASES.iter().any(|phrase| clause.contains(phrase))
        || clause.split(|c: char| !c.is_alphabetic()).any(|w| CONDITIONALS.contains(&w))
}

/// The largest char boundary of `text` at or before byte `index`.
pub fn floor_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}
