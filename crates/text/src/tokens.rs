//! Word, number and punctuation tokens with byte offsets; the offsets are never adjusted.

use accord_model::{Span, slice};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

/// Characters that stay inside a token when letters or digits surround them: "al-Burhan", "U.S", "1,000", "Russia’s".
fn joins(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | ',')
}

/// Splits `text[range]` into tokens; spans are offsets into `text`.
pub fn tokenize(text: &str, range: Span) -> Vec<Token> {
    let slice = range.slice(text);
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            let end = start + c.len_utf8();
            tokens.push(Token { span: Span::new(range.start + start, range.start + end), kind: TokenKind::Punct });
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            let inner = joins(c) && j + 1 < chars.len() && chars[j + 1].1.is_alphanumeric();
            // A comma only joins digit groups ("1,000"), never words.
            let inner = inner && (c != ',' || (chars[j - 1].1.is_ascii_digit() && chars[j + 1].1.is_ascii_digit()));
            if c.is_alphanumeric() || inner {
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(slice.len(), |(offset, _)| *offset);
        let word = slice::between(slice, start, end);
        let kind = if word.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        tokens.push(Token { span: Span::new(range.start + start, range.start + end), kind });
        i = j;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len())).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn keeps_names_numbers_and_abbreviations_whole() {
        assert_eq!(
            words("Dr. Khalil al-Hayya wants 1,000 prisoners, U.S. says."),
            vec!["Dr", ".", "Khalil", "al-Hayya", "wants", "1,000", "prisoners", ",", "U.S", ".", "says", "."]
        );
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "“Hamas’s demand” — rejected";
        for token in tokenize(text, Span::new(0, text.len())) {
            assert!(!token.text(text).is_empty());
        }
        assert!(words(text).contains(&"Hamas’s"));
    }
}
