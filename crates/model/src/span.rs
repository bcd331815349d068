//! Byte ranges into a document's cleaned text: the only way findings point at their evidence.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into one document's cleaned text.
///
/// Serialized as the two-element array `[start, end]` that `CONTRACT.md` uses for `span`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers in `text`, the text it was taken from; empty if the span does not fit it.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        crate::slice::between(text, self.start, self.end)
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Span {
        Span { start, end }
    }
}

impl From<Span> for [usize; 2] {
    fn from(span: Span) -> [usize; 2] {
        [span.start, span.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_and_serializes_as_pair() {
        let text = "Hamas rejected the plan.";
        let span = Span::new(6, 14);
        assert_eq!(span.slice(text), "rejected");
        assert_eq!(serde_json_like(span), "[6,14]");
    }

    fn serde_json_like(span: Span) -> String {
        let [a, b]: [usize; 2] = span.into();
        format!("[{a},{b}]")
    }
}
