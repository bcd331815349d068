//! Page furniture: the parts of a web page around a story that are not the story (photo captions and
//! credits, galleries, share bars, related-story teasers, tag lists, newsletter boxes, comments, cookie
//! banners), removed from the DOM before Readability runs, by the cues of `furniture.tsv`.
//!
//! One walk over the elements: an element whose name is a `tag` cue, or whose class or id holds a `class`
//! cue as whole word parts, goes with everything inside it, unless its class or id also holds a `keep` cue
//! ("entry-content-read-more" is the story, cut short by a "read more" button). A paragraph or list item
//! whose text is all links is a teaser for another page ("Related: ...", a list of headlines) and goes too.
//! The elements found by one cue stay when together they hold half the page's text or more: they are what
//! the page is made of (the story's container, a gallery of paragraphs), whatever their class says.

use std::collections::HashMap;

use accord_lexicon::{LexiconError, Table};
use dom_query::{Document, NodeRef};

/// The data file this module owns the meaning of.
pub(crate) const FILE: &str = "furniture.tsv";

/// The kinds a row of `furniture.tsv` may have.
const KINDS: &[&str] = &["class", "keep", "tag"];

/// Elements never removed: the page's frame and the story's own containers.
const FRAME: &[&str] = &["html", "head", "body", "main", "article"];

/// Elements of one cue holding together at least this share of the page's text are what the page is made
/// of (the story's container, a gallery of paragraphs), not furniture.
const MAX_SHARE: f64 = 0.5;

/// A paragraph or list item with at least this share of its text inside links is a teaser.
const MIN_TEASER_LINK_SHARE: f64 = 0.8;

/// The elements that can be a teaser: a paragraph or a list item.
const TEASER_BLOCKS: &[&str] = &["p", "li"];

/// The cues of `furniture.tsv`: element names, and class or id cues (of furniture, and of the story's
/// containers) as runs of word parts.
#[derive(Debug, Default)]
pub(crate) struct Furniture {
    tags: Vec<String>,
    classes: Vec<Vec<String>>,
    keep: Vec<Vec<String>>,
}

impl Furniture {
    /// Parses `furniture.tsv` (header `kind`, `cue`); an unknown kind is an error naming its line.
    pub(crate) fn parse(text: &str) -> Result<Furniture, LexiconError> {
        let table = Table::parse(FILE, text, &["kind", "cue"])?;
        let mut furniture = Furniture::default();
        for row in table.rows() {
            let malformed = |reason: String| LexiconError::Malformed { file: FILE.to_string(), line: row.line, reason };
            let cue = row.get("cue").trim();
            match row.get("kind") {
                "tag" if !cue.is_empty() => furniture.tags.push(cue.to_ascii_lowercase()),
                kind @ ("class" | "keep") => {
                    let parts = word_parts(cue);
                    if parts.is_empty() {
                        return Err(malformed(format!("`{cue}` has no letters or digits")));
                    }
                    let list = if kind == "class" { &mut furniture.classes } else { &mut furniture.keep };
                    list.push(parts);
                }
                "tag" => return Err(malformed("empty cue".into())),
                other => {
                    return Err(malformed(format!("unknown kind `{other}`; valid kinds: {}", KINDS.join(", "))));
                }
            }
        }
        Ok(furniture)
    }

    /// The built-in `furniture.tsv`, for tests.
    #[cfg(test)]
    pub(crate) fn embedded() -> Furniture {
        Furniture::parse(&accord_lexicon::DataFiles::embedded().read(FILE).unwrap()).unwrap()
    }

    /// Removes the furniture from `doc`'s body.
    pub(crate) fn remove(&self, doc: &Document) {
        let Some(body) = doc.body() else { return };
        let page_chars = body.normalized_char_count() as f64;
        let mut found: Vec<(NodeRef, Cue, usize)> = Vec::new();
        let mut next = body.first_element_child();
        while let Some(node) = next {
            match self.cue(&node) {
                Some(cue) => {
                    next = next_element(&node, true);
                    found.push((node, cue, node.normalized_char_count()));
                }
                None => next = next_element(&node, false),
            }
        }
        let mut held: HashMap<Cue, usize> = HashMap::new();
        for (_, cue, chars) in &found {
            *held.entry(*cue).or_default() += chars;
        }
        for (node, cue, _) in found {
            if (held[&cue] as f64) < MAX_SHARE * page_chars {
                node.remove_from_parent();
            }
        }
    }

    /// The cue that makes `node` furniture, if one does.
    fn cue(&self, node: &NodeRef) -> Option<Cue> {
        if is_teaser(node) {
            return Some(Cue::Teaser);
        }
        let name = node.node_name()?.to_ascii_lowercase();
        if FRAME.contains(&name.as_str()) {
            return None;
        }
        let names: Vec<Vec<String>> =
            ["class", "id"].iter().filter_map(|attr| node.attr(attr)).map(|v| word_parts(&v)).collect();
        let held = |cue: &[String]| names.iter().any(|parts| parts.windows(cue.len()).any(|run| run == cue));
        if self.keep.iter().any(|cue| held(cue)) {
            return None;
        }
        let tag = self.tags.iter().position(|tag| *tag == name).map(Cue::Tag);
        tag.or_else(|| self.classes.iter().position(|cue| held(cue)).map(Cue::Class))
    }
}

/// What made an element furniture: a `tag` or `class` cue (by its place in the file's list), or being a
/// teaser. Elements are counted together by cue, so that a page made of one kind (a gallery of paragraphs)
/// keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Cue {
    Tag(usize),
    Class(usize),
    Teaser,
}

/// Whether `node` is a paragraph or list item whose text is (nearly) all links.
fn is_teaser(node: &NodeRef) -> bool {
    if !TEASER_BLOCKS.iter().any(|name| node.has_name(name)) {
        return false;
    }
    let chars = node.normalized_char_count();
    let linked: usize = node.descendants_it().filter(|n| n.has_name("a")).map(|a| a.normalized_char_count()).sum();
    chars > 0 && linked as f64 >= MIN_TEASER_LINK_SHARE * chars as f64
}

/// The element after `node` in document order, stepping over its children when `skip_children`.
fn next_element<'a>(node: &NodeRef<'a>, skip_children: bool) -> Option<NodeRef<'a>> {
    if !skip_children && let Some(child) = node.first_element_child() {
        return Some(child);
    }
    let mut at = Some(*node);
    while let Some(current) = at {
        if current.has_name("body") {
            return None;
        }
        if let Some(sibling) = current.next_element_sibling() {
            return Some(sibling);
        }
        at = current.parent();
    }
    None
}

/// The lower-case word parts of a class or id value: split at anything but a letter or digit and where a
/// capital follows a small letter, so "article__media-caption" and "newsCaption" both end in "caption".
fn word_parts(value: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut part = String::new();
    let mut after_lower = false;
    for c in value.chars() {
        if !c.is_alphanumeric() {
            parts.extend((!part.is_empty()).then(|| std::mem::take(&mut part)));
            after_lower = false;
            continue;
        }
        if c.is_uppercase() && after_lower {
            parts.push(std::mem::take(&mut part));
        }
        after_lower = c.is_lowercase();
        part.extend(c.to_lowercase());
    }
    parts.extend((!part.is_empty()).then_some(part));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEAD: &str = "The two delegations met at a lakeside hotel for a third day of talks and agreed only on the date of the next round.";
    const SECOND: &str = "A mediator said the gap over the length of the pause remained wide, though both teams had stayed at the table.";

    /// The body text left once `furniture` is removed from `body`.
    fn without_furniture(body: &str) -> String {
        let doc = Document::from(format!("<html><head><title>Talks</title></head><body>{body}</body></html>"));
        Furniture::embedded().remove(&doc);
        doc.select("body").text().split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn assert_story_without(body: &str, furniture: &[&str]) {
        let text = without_furniture(body);
        assert!(text.contains(LEAD) && text.contains(SECOND), "the story was lost: {text:?}");
        for piece in furniture {
            assert!(!text.contains(piece), "{piece:?} was kept: {text:?}");
        }
    }

    #[test]
    fn figures_and_captions_go() {
        let body = format!(
            "<article><p>{LEAD}</p><figure><img src=\"a.jpg\"><figcaption>Delegates arrive at the hotel. \
             <span class=\"photo-credit\">Photo: Jo Poe, Example Wire</span></figcaption></figure>\
             <div class=\"image\"><span class=\"newsCaption\">The envoy speaks (Image: Example)</span></div>\
             <p>{SECOND}</p></article>"
        );
        assert_story_without(&body, &["Delegates arrive", "Photo: Jo Poe", "The envoy speaks"]);
    }

    #[test]
    fn galleries_share_bars_tags_and_newsletters_go() {
        let body = format!(
            "<article><div class=\"asset-gallery\"><p>Image 1 of 8</p><p>Caption</p></div>\
             <ul class=\"social-share\"><li>Share on Facebook</li><li>Tweet</li></ul><p>{LEAD}</p>\
             <div id=\"newsletter-signup\">Get the day's top headlines in your inbox every morning.</div>\
             <p>{SECOND}</p><div class=\"post-tags\">Diplomacy Ceasefire Talks</div></article>"
        );
        assert_story_without(&body, &["Image 1 of 8", "Caption", "Facebook", "top headlines", "Ceasefire Talks"]);
    }

    #[test]
    fn related_stories_comments_and_cookie_banners_go() {
        let body = format!(
            "<div class=\"cookie-banner\">We use cookies to improve your experience. Accept all</div>\
             <article><p>{LEAD}</p><p>{SECOND}</p></article>\
             <section class=\"related-stories\"><h3>More on this</h3><p>Earlier round ends without agreement</p></section>\
             <div id=\"comments\"><p>Comments are moderated and may take a while to appear.</p></div>"
        );
        assert_story_without(&body, &["cookies", "More on this", "Earlier round", "moderated"]);
    }

    #[test]
    fn link_only_paragraphs_and_list_items_are_teasers() {
        let body = format!(
            "<article><p>{LEAD}</p><p><strong><a href=\"/b\">ENVOY SAYS A DEAL IS CLOSE</a></strong></p>\
             <ul><li><h4><a href=\"/c\">Union and employers return to the table</a></h4></li></ul>\
             <p>{SECOND} <a href=\"/d\">The earlier round</a> ended in March.</p></article>"
        );
        assert_story_without(&body, &["ENVOY SAYS", "Union and employers"]);
        assert!(without_furniture(&body).contains("The earlier round ended in March."), "a link inside prose stays");
    }

    #[test]
    fn the_story_container_stays_whatever_its_class() {
        let body = format!("<div class=\"entry-content entry-content-read-more\"><p>{LEAD}</p><p>{SECOND}</p></div>");
        assert_story_without(&body, &[]);
        let body = format!("<div class=\"share-enabled\"><p>{LEAD}</p><p>{SECOND}</p></div><div>Menu</div>");
        assert_story_without(&body, &[]);
        let body = format!("<main class=\"comments\"><p>{LEAD}</p><p>{SECOND}</p></main>");
        assert_story_without(&body, &[]);
    }

    #[test]
    fn a_page_made_of_gallery_paragraphs_keeps_them() {
        let body = format!(
            "<div class=\"gallery-item\"><p>{LEAD}</p></div><div class=\"gallery-item\"><p>{SECOND}</p></div>\
             <div class=\"share\">Share</div>"
        );
        assert_story_without(&body, &["Share"]);
    }

    #[test]
    fn unknown_kind_or_empty_cue_names_the_line() {
        let err = Furniture::parse("kind\tcue\ntag\tfigure\nbanner\tpromo\n").unwrap_err().to_string();
        assert!(err.contains("furniture.tsv:3") && err.contains("banner") && err.contains("class"), "{err}");
        let err = Furniture::parse("kind\tcue\nclass\t--\n").unwrap_err().to_string();
        assert!(err.contains("furniture.tsv:2"), "{err}");
    }

    #[test]
    fn word_parts_split_at_punctuation_and_case() {
        assert_eq!(word_parts("article__media-caption"), ["article", "media", "caption"]);
        assert_eq!(word_parts("newsCaption  photo"), ["news", "caption", "photo"]);
        assert_eq!(word_parts("--"), Vec::<String>::new());
    }
}
