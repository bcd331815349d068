//! Nesting depth of HTML: pages nested deeper than any real article are flattened before Readability,
//! whose cost grows with depth squared (12,800 nested `<div>`s took it close to a minute).
//!
//! The scan is one linear pass over the markup's tags: comments, doctypes and the raw text of `<script>`,
//! `<style>`, `<textarea>` and `<title>` are stepped over; elements whose end tag is optional (`<p>`, `<li>`,
//! table cells) close a same-named sibling, as browsers do. Tags deeper than the limit are dropped, with
//! their end tags; everything else, text included, is kept byte for byte.

use std::borrow::Cow;

/// The deepest nesting kept. Real article pages stay well under a hundred.
pub(crate) const MAX_DEPTH: usize = 256;

const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp"];
const OPTIONAL_END: &[&str] = &["dd", "dt", "li", "option", "p", "rp", "rt", "td", "th", "tr"];

/// `html` unchanged when no element nests deeper than `max_depth`, otherwise with the deeper tags removed.
pub(crate) fn flatten(html: &str, max_depth: usize) -> Cow<'_, str> {
    if scan(html, max_depth, None) <= max_depth {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    scan(html, max_depth, Some(&mut out));
    Cow::Owned(out)
}

/// One pass over `html`; returns the greatest depth seen. With `out`, writes the page without the tags
/// nested deeper than `max_depth`.
fn scan(html: &str, max_depth: usize, mut out: Option<&mut String>) -> usize {
    let bytes = html.as_bytes();
    let mut open: Vec<(&str, bool)> = Vec::new();
    let mut deepest = 0;
    let mut copied = 0;
    let mut at = 0;
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let Some(tag) = read_tag(html, start) else {
            at = start + 1;
            continue;
        };
        let keep = match tag.kind {
            TagKind::Open(name) => {
                if OPTIONAL_END.contains(&name) && open.last().is_some_and(|(top, _)| *top == name) {
                    open.pop();
                }
                let kept = open.len() < max_depth;
                if !VOID.contains(&name) && !tag.self_closing {
                    open.push((name, kept));
                    deepest = deepest.max(open.len());
                }
                kept
            }
            TagKind::Close(name) => match open.iter().rposition(|(open_name, _)| *open_name == name) {
                Some(index) => {
                    let kept = open[index].1;
                    open.truncate(index);
                    kept
                }
                None => true,
            },
            TagKind::Other => true,
        };
        if let Some(out) = out.as_deref_mut() {
            out.push_str(&html[copied..start]);
            if keep {
                out.push_str(&html[start..tag.end]);
            }
            copied = tag.end;
        }
        at = tag.end;
        if let TagKind::Open(name) = tag.kind
            && RAW_TEXT.contains(&name)
        {
            at = raw_text_end(html, at, name);
        }
    }
    if let Some(out) = out {
        out.push_str(&html[copied..]);
    }
    deepest
}

enum TagKind<'a> {
    Open(&'a str),
    Close(&'a str),
    /// A comment, doctype or processing instruction.
    Other,
}

struct Tag<'a> {
    kind: TagKind<'a>,
    self_closing: bool,
    /// The byte just after the tag's `>` (or the end of the page for an unclosed one).
    end: usize,
}

/// The tag starting at `start` (a `<`), or `None` when the `<` is text ("a < b").
fn read_tag(html: &str, start: usize) -> Option<Tag<'_>> {
    let rest = &html[start + 1..];
    if let Some(comment) = rest.strip_prefix("!--") {
        let end = comment.find("-->").map_or(html.len(), |i| start + 4 + i + 3);
        return Some(Tag { kind: TagKind::Other, self_closing: false, end });
    }
    if rest.starts_with(['!', '?']) {
        let end = rest.find('>').map_or(html.len(), |i| start + 1 + i + 1);
        return Some(Tag { kind: TagKind::Other, self_closing: false, end });
    }
    let (closing, name_start) = match rest.strip_prefix('/') {
        Some(_) => (true, start + 2),
        None => (false, start + 1),
    };
    let name_len = html[name_start..].bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'-').count();
    if name_len == 0 || !html.as_bytes()[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = &html[name_start..name_start + name_len];
    let (end, self_closing) = tag_end(html, name_start + name_len);
    let name = lower_name(name);
    let kind = if closing { TagKind::Close(name) } else { TagKind::Open(name) };
    Some(Tag { kind, self_closing, end })
}

/// Tag names are compared lower-case; the few that matter here are known, any other keeps its own case
/// (it is compared only with itself).
fn lower_name(name: &str) -> &str {
    VOID.iter()
        .chain(RAW_TEXT)
        .chain(OPTIONAL_END)
        .find(|known| known.eq_ignore_ascii_case(name))
        .copied()
        .unwrap_or(name)
}

/// The end of a tag whose attributes start at `from`: after its `>`, skipping quoted attribute values.
fn tag_end(html: &str, from: usize) -> (usize, bool) {
    let bytes = html.as_bytes();
    let mut quote = None;
    let mut i = from;
    while i < bytes.len() {
        match (quote, bytes[i]) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(bytes[i]),
            (None, b'>') => return (i + 1, i > from && bytes[i - 1] == b'/'),
            (None, _) => {}
        }
        i += 1;
    }
    (bytes.len(), false)
}

/// The start of the end tag closing raw text `name` from `from`, or the end of the page.
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        let lt = at + offset;
        let candidate = &bytes[lt + 1..];
        if candidate.first() == Some(&b'/')
            && candidate.len() > name.len()
            && candidate[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return lt;
        }
        at = lt + 1;
    }
    html.len()
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|b| *b == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_left_as_they_are() {
        let html = "<html><body><div><p>One<p>Two</div><script>if (a < b) {}</script></body></html>";
        assert!(matches!(flatten(html, 8), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_past_the_limit_are_dropped_and_text_kept() {
        let html = format!("<body>{}<p>Hamas rejected it.</p>{}</body>", "<div>".repeat(10), "</div>".repeat(10));
        let flat = flatten(&html, 4);
        assert_eq!(flat, "<body><div><div><div>Hamas rejected it.</div></div></div></body>");
        assert_eq!(scan(&flat, 4, None), 4);
    }

    #[test]
    fn raw_text_comments_and_attributes_are_not_read_as_tags() {
        let html = r#"<div title="<div>"><!-- <div><div> --><script>"<div><div>"</script><style>p>a{}</style></div>"#;
        assert_eq!(scan(html, 100, None), 2, "the div and the script or style inside it");
    }

    #[test]
    fn unclosed_list_items_and_paragraphs_do_not_pile_up() {
        let html = format!("<ul>{}</ul>", "<li>item".repeat(1000));
        assert_eq!(scan(&html, 100, None), 2);
    }

    #[test]
    fn a_stray_angle_bracket_is_text() {
        assert_eq!(flatten("<p>3 < 4 and 5 <= 6</p>", 1), "<p>3 < 4 and 5 <= 6</p>");
    }
}
