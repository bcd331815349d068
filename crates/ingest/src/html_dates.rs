//! The dates a page's markup states, as candidates for `page_date`: JSON-LD, `<meta>` tags, `itemprop` and
//! RDFa attributes, script data, `<time datetime>` and elements whose class or id names a date. Read before
//! Readability runs, since it removes scripts.

use std::sync::LazyLock;

use dom_query::Document;
use regex::Regex;

use crate::calendar::Calendar;
use crate::date::{DayOrder, parse_value};
use crate::json_ld::{self, Role};
use crate::page_date::{Candidate, Source};

/// Keys (`property`, `name`, `itemprop` or `http-equiv`, lower-cased) that state the publication date, best
/// first: Open Graph, analytics and citation tags name the publication itself; schema.org and Dublin Core
/// keys come next; bare `date`-like keys, which some sites use for the last change, last.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "og:article:published",
    "parsely-pub-date",
    "sailthru.date",
    "cxenseparse:recs:publishtime",
    "cxenseparse:publishtime",
    "shareaholic:article_published_time",
    "citation_publication_date",
    "citation_date",
    "bepress_citation_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.publication",
    "dc.issued",
    "datepublished",
    "schema:datepublished",
    "rnews:datepublished",
    "og:datepublished",
    "og:pubdate",
    "og:publish_date",
    "publication_date",
    "publicationdate",
    "originalpublicationdate",
    "article_date_original",
    "article.published",
    "dcsext.articlefirstpublished",
    "publish-date",
    "publish_date",
    "publishdate",
    "published-date",
    "published_date",
    "published_time",
    "pub_date",
    "pubdate",
    "bt:pubdate",
    "date_published",
    "datecreated",
    "schema:datecreated",
    "date_created",
    "dc.date.created",
    "dcterms.created",
    "dc.created",
    "dc:created",
    "article.created",
    "created",
    "dateposted",
    "displaydate",
    "doc_date",
    "pdate",
    "ptime",
    "uploaddate",
    "dcterms.date",
    "dc.date",
    "dc:date",
    "date",
];

/// Keys that state a modification: the last resort.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "modified",
    "og:updated_time",
    "schema:datemodified",
];

/// Elements that state the publication in their attributes, beyond `itemprop`/`property` keys.
const PUBLISHED_ELEMENTS: &[(&str, &str)] = &[
    ("abbr.published[title]", "title"),
    ("time[pubdate][datetime]", "datetime"),
    ("[data-published]", "data-published"),
];

/// Class or id fragments of elements whose text is the article's date line ("post-date", "entry-meta").
const DATE_ELEMENTS: &str = "[class*=date i], [id*=date i], [class*=publish i], [class*=posted i], [class*=time i], \
     [class*=datum i], [class*=fecha i], [class*=created i], [class*=byline i], [class*=meta i], [class*=info i]";

/// A date element longer than this is a container (the whole post), not a date line.
const MAX_DATE_ELEMENT: usize = 200;

/// How many date elements are read: the date line is near the top.
const MAX_DATE_ELEMENTS: usize = 40;

/// Script data naming a publication date: `"publish_date": "2020/02/24"`, `publication_date = '...'`.
static SCRIPT_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)["']?[\w.-]{0,30}(?:publi[cs]h?|pubdate|first[_-]?pub)[\w.-]{0,30}["']?\s*[:=]\s*["']([^"'\n]{6,40})["']"#)
        .expect("static regex")
});

/// The page's convention for numeric dates, from `<html lang>`, `og:locale` or `content-language`.
pub(crate) fn day_order(doc: &Document) -> DayOrder {
    let lang = doc.select("html[lang]").attr("lang").map(|l| l.to_string());
    let locale = doc.select("meta[property='og:locale'][content]").attr("content").map(|l| l.to_string());
    let header = doc.select("meta[http-equiv='content-language' i][content]").attr("content").map(|l| l.to_string());
    lang.into_iter()
        .chain(locale)
        .chain(header)
        .map(|tag| DayOrder::of_language(&tag))
        .find(|o| *o != DayOrder::Unknown)
        .unwrap_or_default()
}

/// Every date the markup of `doc` states, in document order within each source.
pub(crate) fn markup_dates(doc: &Document, calendar: &Calendar, order: DayOrder) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    let mut push = |source: Source, value: &str| {
        if let Some(stated) = parse_value(value, calendar, order) {
            candidates.push(Candidate { source, stated });
        }
    };
    let blocks = doc.select("script[type='application/ld+json' i]");
    let mut ld: Vec<json_ld::LdDate> = blocks.nodes().iter().flat_map(|node| json_ld::dates(&node.text())).collect();
    ld.sort_by_key(|date| date.depth);
    for date in &ld {
        push(if date.role == Role::Published { Source::JsonLd } else { Source::Modified }, &date.value);
    }
    let mut meta: Vec<(usize, String)> = Vec::new();
    for node in doc.select("meta[content]").nodes() {
        let key = ["property", "name", "itemprop", "http-equiv"].iter().find_map(|attr| node.attr(attr));
        if let (Some(key), Some(value)) = (key, node.attr("content")) {
            match keyed(&key) {
                Some((Role::Published, rank)) => meta.push((rank, value.to_string())),
                Some((Role::Modified, _)) => push(Source::Modified, &value),
                None => {}
            }
        }
    }
    meta.sort_by_key(|(rank, _)| *rank);
    for (_, value) in &meta {
        push(Source::Meta, value);
    }
    for node in doc.select("[itemprop]:not(meta), [property]:not(meta)").nodes() {
        let Some(key) = node.attr("itemprop").or_else(|| node.attr("property")) else { continue };
        let Some((role, _)) = keyed(&key) else { continue };
        let value =
            ["content", "datetime", "title"].iter().find_map(|attr| node.attr(attr)).unwrap_or_else(|| node.text());
        push(if role == Role::Published { Source::Attribute } else { Source::Modified }, &value);
    }
    for (selector, attr) in PUBLISHED_ELEMENTS {
        for node in doc.select(selector).nodes() {
            if let Some(value) = node.attr(attr) {
                push(Source::Attribute, &value);
            }
        }
    }
    for node in doc.select("script:not([type='application/ld+json' i])").nodes() {
        let text = node.text();
        if let Some(value) = SCRIPT_FIELD
            .captures_iter(&text)
            .find_map(|caps| parse_value(&caps[1], calendar, order).map(|_| caps[1].to_string()))
        {
            push(Source::Script, &value);
        }
    }
    for node in doc.select("time[datetime]").nodes() {
        if let Some(value) = node.attr("datetime") {
            push(Source::TimeElement, &value);
        }
    }
    let elements = doc.select(DATE_ELEMENTS);
    for node in elements.nodes().iter().filter(|node| !node.is("script, style, html, body")).take(MAX_DATE_ELEMENTS) {
        let text = node.text();
        if text.len() <= MAX_DATE_ELEMENT {
            push(Source::DateElement, &text);
        }
    }
    candidates
}

/// The text a reader sees in the page's body, one text node per line: no scripts, styles or templates.
pub(crate) fn visible_text(doc: &Document) -> String {
    const HIDDEN: &[&str] = &["script", "style", "noscript", "template"];
    let mut text = String::new();
    for body in doc.select("body").nodes() {
        for node in body.descendants_it().filter(|node| node.is_text()) {
            let hidden =
                node.parent().and_then(|parent| parent.node_name()).is_some_and(|name| HIDDEN.contains(&&*name));
            if !hidden {
                text.push_str(node.text().trim());
                text.push('\n');
            }
        }
    }
    text
}

/// Whether a markup key states the publication or a modification, and its rank among the published keys.
fn keyed(key: &str) -> Option<(Role, usize)> {
    let key = key.trim().to_ascii_lowercase();
    match PUBLISHED_KEYS.iter().position(|known| *known == key) {
        Some(rank) => Some((Role::Published, rank)),
        None => MODIFIED_KEYS.contains(&key.as_str()).then_some((Role::Modified, 0)),
    }
}
