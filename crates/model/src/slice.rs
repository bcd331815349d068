//! Checked byte-offset slicing of text: the one way the pipeline cuts a `&str` by offsets.
//!
//! Offsets come from many components (tokens, lexicon matches, sentence bounds, arithmetic between them).
//! An offset that is out of order, past the end or inside a character is a bug in one rule, and it must cost
//! that rule its finding, never the document: every helper gives the empty string for such a range.

/// `text[start..end]`, or `""` when the range is out of order, out of bounds or not on char boundaries.
pub fn between(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or("")
}

/// `text[..end]`, or `""` when `end` is past the end or inside a character.
pub fn before(text: &str, end: usize) -> &str {
    text.get(..end).unwrap_or("")
}

/// `text[start..]`, or `""` when `start` is past the end or inside a character.
pub fn after(text: &str, start: usize) -> &str {
    text.get(start..).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_ranges_slice_as_indexing_does() {
        let text = "Kyiv – Moscow";
        assert_eq!(between(text, 0, 4), "Kyiv");
        assert_eq!(before(text, 4), "Kyiv");
        assert_eq!(after(text, 9), "Moscow");
    }

    #[test]
    fn bad_ranges_give_the_empty_string() {
        let text = "Kyiv – Moscow";
        assert_eq!(between(text, 8, 4), "", "out of order");
        assert_eq!(between(text, 2, 99), "", "past the end");
        assert_eq!(between(text, 0, 6), "", "inside the dash");
        assert_eq!(before(text, 6), "");
        assert_eq!(after(text, 7), "");
        assert_eq!(after(text, 99), "");
    }
}
