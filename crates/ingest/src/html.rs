//! Web pages: the main content's text via dom_smoothie (Readability), plus title, publication date,
//! site name, canonical URL and byline from the page's metadata.

use dom_smoothie::{Readability, TextMode};
use jiff::civil::Date;

use crate::calendar::Calendar;
use crate::date::{Clock, Stated, find_dates, in_url};
use crate::depth;
use crate::html_dates::{day_order, markup_dates, visible_text};
use crate::page_date::{Candidate, Source, choose};
use crate::page_furniture::Furniture;

/// What a page yields: its main text (not yet cleaned) and the metadata it states.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Page {
    pub(crate) text: String,
    pub(crate) title: Option<String>,
    pub(crate) published: Option<Date>,
    pub(crate) site_name: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) byline: Option<String>,
}

/// Reads `html`: its main content's text without `furniture`, and its metadata, dates read with `calendar`'s
/// month names. `fetched_from` is the address the page was fetched from (a WARC record's target URI), whose
/// date counts as the URL's when the page names no URL of its own.
pub(crate) fn read_page(html: &str, fetched_from: Option<&str>, calendar: &Calendar, furniture: &Furniture) -> Page {
    let html = depth::flatten(html, depth::MAX_DEPTH);
    let mut readability = Readability::from(html.as_ref());
    // Formatted text keeps one paragraph per line, which sentence splitting and cleaning rely on.
    readability.config.text_mode = TextMode::Formatted;

    // Read before `parse`, which removes scripts (JSON-LD among them) from the document.
    let order = day_order(&readability.doc);
    let mut dates = markup_dates(&readability.doc, calendar, order);
    let meta_value = |key: &str| {
        let selector = format!("meta[property='{key}'][content], meta[name='{key}'][content]");
        readability.doc.select(&selector).attr("content").map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
    };
    let canonical = readability.doc.select("link[rel=canonical][href]").attr("href").map(|href| href.to_string());
    let url = canonical.or_else(|| meta_value("og:url"));
    let page_text = visible_text(&readability.doc);
    // After the dates are read: a date line may sit in a share bar or a caption.
    furniture.remove(&readability.doc);

    let mut page = match readability.parse() {
        Ok(article) => Page {
            text: article.text_content.to_string(),
            title: Some(article.title),
            site_name: article.site_name,
            url: article.url,
            byline: article.byline,
            ..Page::default()
        },
        // Readability fails only when the body holds nothing to grab: no text, so the caller reports that.
        Err(_) => Page::default(),
    };
    page.url = url.or(page.url);
    if let Some(date) = page.url.as_deref().or(fetched_from).and_then(in_url) {
        dates.push(Candidate { source: Source::Url, stated: Stated { date, clock: Clock::Local } });
    }
    if let Some(found) = find_dates(&page_text, calendar, order).next() {
        dates.push(Candidate { source: Source::PageText, stated: found.stated });
    }
    page.published = choose(&dates);
    for field in [&mut page.title, &mut page.site_name, &mut page.url, &mut page.byline] {
        *field = field.take().map(|value| value.trim().to_string()).filter(|value| !value.is_empty());
    }
    if let (Some(title), Some(site)) = (&page.title, &page.site_name) {
        page.title = Some(without_site_suffix(title, site).to_string());
    }
    page
}

/// "Talks stall | Example Wire" -> "Talks stall" when the page names "Example Wire" as its site.
fn without_site_suffix<'t>(title: &'t str, site: &str) -> &'t str {
    const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " · ", " :: "];
    title
        .strip_suffix(site)
        .and_then(|head| SEPARATORS.iter().find_map(|sep| head.strip_suffix(sep)))
        .filter(|head| !head.trim().is_empty())
        .unwrap_or(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAGRAPHS: [&str; 3] = [
        "The two delegations met in a hotel by the river for a third day of talks on Thursday, and officials said the mood was tense but businesslike throughout the long session.",
        "One negotiator said the sides still disagreed on the length of the pause, with one side asking for ninety days and the other offering no more than thirty days at this stage.",
        "Mediators plan to bring a written draft to both teams next week, hoping that a text on paper will move the talks past the questions that have stalled them since spring.",
    ];

    fn page() -> String {
        format!(
            r#"<!doctype html><html lang="en"><head>
<title>Talks stall over pause length | Example Wire</title>
<meta property="og:title" content="Talks stall over pause length">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2024-11-22T10:00:00+02:00">
<meta name="author" content="Jane Roe">
<link rel="canonical" href="https://news.example.org/talks-stall">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Talks stall over pause length"}}</script>
</head><body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Another story about something else</a></li><li><a href="/b">Yet another story</a></li></ul></aside>
<article><h1>Talks stall over pause length</h1>
<p>{}</p><p>{}</p><p>{}</p>
</article>
<footer class="footer"><p>Copyright Example Wire. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"#,
            PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]
        )
    }

    #[test]
    fn main_content_and_metadata() {
        let page = read_page(&page(), None, &Calendar::embedded(), &Furniture::embedded());
        for paragraph in PARAGRAPHS {
            assert!(page.text.contains(paragraph), "missing paragraph in {:?}", page.text);
        }
        for chrome in ["Home", "Another story", "Copyright", "Privacy"] {
            assert!(!page.text.contains(chrome), "{chrome:?} leaked into {:?}", page.text);
        }
        assert_eq!(page.title.as_deref(), Some("Talks stall over pause length"));
        assert_eq!(page.published.map(|d| d.to_string()).as_deref(), Some("2024-11-22"));
        assert_eq!(page.site_name.as_deref(), Some("Example Wire"));
        assert_eq!(page.url.as_deref(), Some("https://news.example.org/talks-stall"));
        assert_eq!(page.byline.as_deref(), Some("Jane Roe"));
    }

    fn published(head: &str, body_top: &str) -> Option<String> {
        let body = format!("<article>{body_top}<p>{}</p><p>{}</p></article>", PARAGRAPHS[0], PARAGRAPHS[1]);
        let html = format!("<html lang=\"de\"><head>{head}</head><body>{body}</body></html>");
        read_page(&html, None, &Calendar::embedded(), &Furniture::embedded()).published.map(|d| d.to_string())
    }

    #[test]
    fn date_from_json_ld_graph_time_element_url_or_text() {
        let graph = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},
            {"@type":"ReportageNewsArticle","datePublished":"2024-03-05T08:00:00+01:00","dateModified":"2024-03-09"}]}</script>"#;
        assert_eq!(published(graph, "").as_deref(), Some("2024-03-05"));
        assert_eq!(published("", r#"<time datetime="2024-03-06">6 March</time>"#).as_deref(), Some("2024-03-06"));
        let canonical = r#"<link rel="canonical" href="https://news.example.org/2024/03/07/talks/">"#;
        assert_eq!(published(canonical, "").as_deref(), Some("2024-03-07"));
        assert_eq!(published("", "<p class=\"byline\">Von Jana Roe, 8. März 2024</p>").as_deref(), Some("2024-03-08"));
        assert_eq!(published("", "<p>Stand: 09.03.2024</p>").as_deref(), Some("2024-03-09"), "the page's own text");
        assert_eq!(published("", "").as_deref(), None);
        let html = format!("<html><body><article><p>{}</p></article></body></html>", PARAGRAPHS[0]);
        let fetched = read_page(
            &html,
            Some("https://news.example.org/2024/03/08/talks"),
            &Calendar::embedded(),
            &Furniture::embedded(),
        );
        assert_eq!(fetched.published.map(|d| d.to_string()).as_deref(), Some("2024-03-08"), "the fetched address");
        assert_eq!(fetched.url, None, "the page itself names no URL");
    }

    #[test]
    fn published_markup_beats_modified_and_text() {
        let head = r#"<meta property="article:modified_time" content="2024-03-09T10:00:00+01:00">
            <meta name="dc.date.issued" content="2024-03-04">"#;
        assert_eq!(published(head, "<p>Stand: 09.03.2024</p>").as_deref(), Some("2024-03-04"));
        let modified_only = r#"<meta property="article:modified_time" content="2024-03-09T10:00:00+01:00">"#;
        assert_eq!(published(modified_only, "").as_deref(), Some("2024-03-09"), "a modification as last resort");
    }

    #[test]
    fn a_utc_timestamp_yields_to_the_local_day_of_the_url() {
        let head = r#"<meta property="article:published_time" content="2024-03-06T02:30:00Z">
            <link rel="canonical" href="https://news.example.org/2024/03/05/talks/">"#;
        assert_eq!(published(head, "").as_deref(), Some("2024-03-05"));
        let offset = r#"<meta property="article:published_time" content="2024-03-06T02:30:00+02:00">
            <link rel="canonical" href="https://news.example.org/2024/03/05/talks/">"#;
        assert_eq!(published(offset, "").as_deref(), Some("2024-03-06"), "a stated offset is read in that zone");
    }

    #[test]
    fn numeric_dates_follow_the_page_language() {
        let page = |lang: &str| {
            let html = format!(
                "<html lang=\"{lang}\"><body><article><p class=\"date\">07/05/2019</p><p>{}</p></article></body></html>",
                PARAGRAPHS[0]
            );
            read_page(&html, None, &Calendar::embedded(), &Furniture::embedded()).published.map(|d| d.to_string())
        };
        assert_eq!(page("en-US").as_deref(), Some("2019-07-05"));
        assert_eq!(page("fr").as_deref(), Some("2019-05-07"));
        assert_eq!(page("en").as_deref(), None, "bare English settles nothing");
    }

    #[test]
    fn site_name_suffix_leaves_the_title() {
        assert_eq!(without_site_suffix("Talks stall | Example Wire", "Example Wire"), "Talks stall");
        assert_eq!(without_site_suffix("Talks stall – Example Wire", "Example Wire"), "Talks stall");
        assert_eq!(without_site_suffix("Example Wire", "Example Wire"), "Example Wire");
        assert_eq!(without_site_suffix("Talks stall | Other", "Example Wire"), "Talks stall | Other");
    }

    #[test]
    fn a_fragment_still_gives_its_text() {
        let page = read_page("<p>Short note on the talks.</p>", None, &Calendar::embedded(), &Furniture::embedded());
        assert!(page.text.contains("Short note on the talks."), "{:?}", page.text);
    }
}
