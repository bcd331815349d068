//! Web pages: the main content's text via dom_smoothie (Readability), plus title, publication date,
//! site name, canonical URL and byline from the page's metadata.

use dom_smoothie::{Readability, TextMode};
use jiff::civil::Date;

use crate::date::parse_date;
use crate::depth;

/// `<meta>` keys (`property`, `name` or `itemprop`, lower-cased) that state the publication date, best first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "date",
];

/// `<time datetime>` elements, the one most likely to be the article's own date first.
const TIME_SELECTORS: &[&str] =
    &["time[itemprop=datePublished][datetime]", "time[pubdate][datetime]", "article time[datetime]", "time[datetime]"];

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

/// Reads `html`: its main content's text and its metadata.
pub(crate) fn read_page(html: &str) -> Page {
    let html = depth::flatten(html, depth::MAX_DEPTH);
    let mut readability = Readability::from(html.as_ref());
    // Formatted text keeps one paragraph per line, which sentence splitting and cleaning rely on.
    readability.config.text_mode = TextMode::Formatted;

    // Read before `parse`, which removes scripts (JSON-LD among them) from the document.
    let json_ld_date = readability.parse_json_ld().and_then(|meta| meta.published_time);
    let meta: Vec<(String, String)> = readability
        .doc
        .select("meta[content]")
        .nodes()
        .iter()
        .filter_map(|node| {
            let key = node.attr("property").or_else(|| node.attr("name")).or_else(|| node.attr("itemprop"))?;
            Some((key.trim().to_ascii_lowercase(), node.attr("content")?.trim().to_string()))
        })
        .collect();
    let meta_value = |key: &str| meta.iter().find(|(k, v)| k == key && !v.is_empty()).map(|(_, v)| v.clone());
    let time_dates: Vec<String> = TIME_SELECTORS
        .iter()
        .filter_map(|selector| readability.doc.select(selector).attr("datetime").map(|value| value.to_string()))
        .collect();
    let canonical = readability.doc.select("link[rel=canonical][href]").attr("href").map(|href| href.to_string());

    let published = json_ld_date
        .into_iter()
        .chain(PUBLISHED_KEYS.iter().filter_map(|key| meta_value(key)))
        .chain(time_dates)
        .find_map(|value| parse_date(&value));
    let url = canonical.or_else(|| meta_value("og:url"));

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
    page.published = published;
    page.url = url.or(page.url);
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
        let page = read_page(&page());
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

    #[test]
    fn date_from_json_ld_or_time_element() {
        let body = format!("<article><p>{}</p><p>{}</p></article>", PARAGRAPHS[0], PARAGRAPHS[1]);
        let json_ld = format!(
            r#"<html><head><script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Talks","datePublished":"2024-03-05T08:00:00Z"}}</script></head><body>{body}</body></html>"#
        );
        assert_eq!(read_page(&json_ld).published.map(|d| d.to_string()).as_deref(), Some("2024-03-05"));
        let time = format!(r#"<html><body><time datetime="2024-03-06">6 March</time>{body}</body></html>"#);
        assert_eq!(read_page(&time).published.map(|d| d.to_string()).as_deref(), Some("2024-03-06"));
        let undated = format!("<html><body>{body}</body></html>");
        assert_eq!(read_page(&undated).published, None);
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
        let page = read_page("<p>Short note on the talks.</p>");
        assert!(page.text.contains("Short note on the talks."), "{:?}", page.text);
    }
}
