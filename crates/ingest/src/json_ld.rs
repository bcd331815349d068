//! Dates in a page's JSON-LD blocks: `datePublished`/`dateCreated` and `dateModified` of every object, in
//! any `@type`, at the top level, in arrays or in an `@graph`, with how deep each object sits.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

/// What a JSON-LD field says a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Published,
    Modified,
}

/// A date value a JSON-LD block states, with the number of objects around the one that holds it: the page's
/// own article sits shallower than its comments, images or live-blog updates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LdDate {
    pub(crate) role: Role,
    pub(crate) depth: usize,
    pub(crate) value: String,
}

/// The fields read, best first within one object.
const FIELDS: &[(&str, Role)] =
    &[("datePublished", Role::Published), ("dateCreated", Role::Published), ("dateModified", Role::Modified)];

/// How deep objects are walked: deeper ones are never the page's own date, and the walk stays bounded.
const MAX_DEPTH: usize = 16;

/// The dates of one `<script type="application/ld+json">` block, in document order. A block that is not
/// valid JSON (pages often leave a trailing comma or a raw line break in a string) is read field by field.
pub(crate) fn dates(block: &str) -> Vec<LdDate> {
    let mut found = Vec::new();
    match serde_json::from_str::<Value>(block.trim()) {
        Ok(value) => walk(&value, 0, &mut found),
        Err(_) => fields_by_text(block, &mut found),
    }
    found
}

fn walk(value: &Value, depth: usize, found: &mut Vec<LdDate>) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|item| walk(item, depth, found)),
        Value::Object(object) => {
            for (field, role) in FIELDS {
                if let Some(Value::String(text)) = object.get(*field) {
                    found.push(LdDate { role: *role, depth, value: text.clone() });
                }
            }
            object.values().for_each(|inner| walk(inner, depth + 1, found));
        }
        _ => {}
    }
}

/// The fields of a block that does not parse, as `"datePublished": "..."` pairs, all taken at depth 0.
fn fields_by_text(block: &str, found: &mut Vec<LdDate>) {
    static FIELD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#""(datePublished|dateCreated|dateModified)"\s*:\s*"([^"]{1,100})""#).expect("static regex")
    });
    for caps in FIELD.captures_iter(block) {
        let role = if &caps[1] == "dateModified" { Role::Modified } else { Role::Published };
        found.push(LdDate { role, depth: 0, value: caps[2].to_string() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(block: &str) -> Vec<(usize, String)> {
        dates(block).into_iter().filter(|d| d.role == Role::Published).map(|d| (d.depth, d.value)).collect()
    }

    #[test]
    fn any_type_in_a_graph_or_array() {
        let graph = r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},
            {"@type":"ReportageNewsArticle","datePublished":"2024-03-05T08:00:00+01:00","dateModified":"2024-03-06"}]}"#;
        assert_eq!(published(graph), [(1, "2024-03-05T08:00:00+01:00".to_string())]);
        let array = r#"[{"@type":"BreadcrumbList"},{"@type":"Recipe","dateCreated":"2024-03-04"}]"#;
        assert_eq!(published(array), [(0, "2024-03-04".to_string())]);
        let modified: Vec<LdDate> = dates(graph).into_iter().filter(|d| d.role == Role::Modified).collect();
        assert_eq!(modified[0].value, "2024-03-06");
    }

    #[test]
    fn nested_objects_are_deeper() {
        let block = r#"{"@type":"LiveBlogPosting","datePublished":"2024-03-05",
            "liveBlogUpdate":[{"@type":"BlogPosting","datePublished":"2024-03-06"}]}"#;
        assert_eq!(published(block), [(0, "2024-03-05".to_string()), (1, "2024-03-06".to_string())]);
    }

    #[test]
    fn broken_json_is_read_field_by_field() {
        let block = "{\"@type\":\"NewsArticle\",\"headline\":\"Two\nlines\",\"datePublished\":\"2024-03-05\",}";
        assert_eq!(published(block), [(0, "2024-03-05".to_string())]);
        assert!(dates("not json at all").is_empty());
    }
}
