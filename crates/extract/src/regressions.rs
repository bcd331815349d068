//! Regression tests for inputs that once broke the extractor, named after the issue that reported them.

use crate::testing::{extract, positions};

#[test]
fn issue_10_an_aside_after_both_sides_does_not_slice_backwards() {
    let doc = extract("Israel and Hamas met. Both sides, however, agreed on a truce.");
    assert_eq!(positions(&doc), ["Israel|ceasefire|accept", "Hamas|ceasefire|accept"]);
}

#[test]
fn issue_10_a_number_read_across_a_unit_does_not_slice_backwards() {
    let doc = extract("Hamas accepted a truce of 5 two weeks.");
    assert_eq!(positions(&doc), ["Hamas|ceasefire|accept"]);
}
