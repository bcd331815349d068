//! `Reader`: turns inputs into articles, choosing the path for each format and filling metadata from the
//! most specific source first (JSONL fields or a WARC record's target URI, then page metadata, then the
//! text's own head).

use std::io::BufRead;
use std::path::{Path, PathBuf};

use accord_lexicon::DataFiles;
use accord_model::{Article, printable};
use jiff::civil::Date;

use crate::IngestError;
use crate::articles::{Articles, InputArticles, WarcArticles};
use crate::calendar::{self, Calendar};
use crate::clean::{self, Cleaner};
use crate::date::{DayOrder, parse_value};
use crate::decode::{Refusal, decode, decode_declared};
use crate::html::{Page, read_page};
use crate::jsonl::{Body, Record, Records};
use crate::metadata::{byline_name, read_metadata};
use crate::page_furniture::{self, Furniture};
use crate::page_kind::{NotArticle, not_article};
use crate::source::{self, Format, Input, content_id};
use crate::warc::{self, WarcProblem};

/// The default limit on one input (one line for JSONL, one page for WARC): larger ones are refused, not read.
const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

/// Reads articles: holds the cleaning cues and the size limit.
#[derive(Debug)]
pub struct Reader {
    cleaner: Cleaner,
    furniture: Furniture,
    calendar: Calendar,
    max_bytes: u64,
    published: Option<Date>,
}

impl Reader {
    /// A reader with the cleaning cues of `boilerplate.tsv`, the page furniture of `furniture.tsv` and the
    /// month names of `calendar.tsv` from `files`.
    pub fn new(files: &DataFiles) -> Result<Reader, IngestError> {
        let cues = files.read(clean::FILE)?;
        let cleaner = Cleaner::parse(&cues).map_err(|e| files.locate(e))?;
        let furniture = Furniture::parse(&files.read(page_furniture::FILE)?).map_err(|e| files.locate(e))?;
        let calendar = Calendar::parse(&files.read(calendar::FILE)?).map_err(|e| files.locate(e))?;
        Ok(Reader { cleaner, furniture, calendar, max_bytes: DEFAULT_MAX_BYTES, published: None })
    }

    /// Refuses inputs larger than `max` bytes (default 20 MiB). For JSONL the limit is per line, for WARC per
    /// HTML page (both as stored and decompressed).
    pub fn with_max_bytes(self, max: u64) -> Reader {
        Reader { max_bytes: max, ..self }
    }

    /// Dates every article that states no publication date with `date` (a date the input states wins).
    pub fn with_published(self, date: Option<Date>) -> Reader {
        Reader { published: date, ..self }
    }

    /// Every article under `paths` ("-" = stdin), in a stable order, each Ok or an error naming the input
    /// and reason. Files are opened one at a time as the iterator advances, and a WARC file's records are
    /// read one at a time.
    pub fn read<'a>(&'a self, paths: &'a [PathBuf]) -> Articles<'a> {
        Articles::new(self, source::expand(paths))
    }

    /// One article from text already in memory (used by tests and benchmarks).
    pub fn article_from_text(&self, id: &str, origin: &str, raw: &str) -> Article {
        let text = self.cleaner.clean(raw);
        let meta = read_metadata(&text, &self.cleaner, &self.calendar);
        // The date lines are metadata, now read: the story's text goes on without them.
        let text = self.cleaner.without_date_lines(&text);
        Article {
            id: id.to_string(),
            title: meta.title,
            source: None,
            url: None,
            published: meta.published,
            byline: meta.byline,
            origin: origin.to_string(),
            decoded_from: None,
            replaced_bytes: 0,
            text,
        }
    }

    /// The articles of bytes already in memory, read as a file named `name` would be (its extension picks
    /// the format, its stem the id): the whole pipeline from raw bytes, for fuzzing and tests.
    pub fn read_bytes(&self, name: &Path, bytes: &[u8]) -> Vec<Result<Article, IngestError>> {
        let stream: Box<dyn BufRead> = Box::new(std::io::Cursor::new(bytes.to_vec()));
        self.articles(Input::File(name.to_path_buf()), Ok(stream)).collect()
    }

    pub(crate) fn read_input(&self, input: Input) -> InputArticles<'_> {
        let stream = input.open();
        self.articles(input, stream)
    }

    fn articles(&self, input: Input, stream: Result<Box<dyn BufRead>, IngestError>) -> InputArticles<'_> {
        let opened = stream.and_then(|mut stream| Ok((input.format(&mut stream)?, stream)));
        let articles: Box<dyn Iterator<Item = _>> = match opened {
            Err(err) => Box::new(std::iter::once(Err(err))),
            Ok((Format::Jsonl, stream)) => {
                let origin = printable::path(input.path());
                Box::new(
                    Records::new(stream, input.path().to_path_buf(), self.max_bytes)
                        .map(move |record| record.and_then(|record| self.record_article(&origin, record))),
                )
            }
            Ok((Format::Warc, stream)) => match warc::decompressed(stream) {
                Ok(stream) => return InputArticles::Warc(WarcArticles::new(self, &input, stream, self.max_bytes)),
                Err(source) => Box::new(std::iter::once(Err(IngestError::Read { path: input.path().into(), source }))),
            },
            Ok((format, mut stream)) => Box::new(std::iter::once(self.document(&input, format, &mut *stream))),
        };
        InputArticles::Each(articles)
    }

    /// A whole-file article: plain text or a web page.
    fn document(&self, input: &Input, format: Format, stream: &mut dyn BufRead) -> Result<Article, IngestError> {
        let path = input.path();
        let bytes = input.read_all(stream, self.max_bytes)?;
        let decoded = decode(&bytes).map_err(|refusal| {
            let path = path.to_path_buf();
            match refusal {
                Refusal::Empty => IngestError::Empty { path },
                Refusal::Binary => IngestError::Binary { path },
                Refusal::Undecodable => IngestError::Undecodable { path },
            }
        })?;
        let raw = decoded.text;
        let origin = printable::path(path);
        let id = input.id().unwrap_or_else(|| content_id(&raw));
        let mut article = match format {
            Format::Html => {
                self.article_from_page(&id, &origin, read_page(&raw, None, &self.calendar, &self.furniture))
            }
            Format::Text | Format::Jsonl | Format::Warc => self.article_from_text(&id, &origin, &raw),
        };
        article.decoded_from = decoded.legacy.map(String::from);
        article.replaced_bytes = decoded.replaced;
        article.published = article.published.or(self.published);
        match format {
            Format::Html => self.page_article(article),
            Format::Text | Format::Jsonl | Format::Warc => non_empty(article),
        }
    }

    /// A JSONL line's article: the line's own fields win over what its text or page states.
    fn record_article(&self, origin: &str, record: Record) -> Result<Article, IngestError> {
        let origin = format!("{origin}:{}", record.line);
        let mut article = match &record.body {
            Body::Text(text) => {
                let id = record.id.unwrap_or_else(|| content_id(text));
                self.article_from_text(&id, &origin, text)
            }
            Body::Html(html) => {
                let id = record.id.unwrap_or_else(|| content_id(html));
                self.article_from_page(&id, &origin, read_page(html, None, &self.calendar, &self.furniture))
            }
        };
        article.title = record.title.or(article.title);
        article.url = record.url.or(article.url);
        article.source = record.source.or(article.source);
        let stated =
            record.published.as_deref().and_then(|value| parse_value(value, &self.calendar, DayOrder::Unknown));
        article.published = stated.map(|stated| stated.date).or(article.published).or(self.published);
        match record.body {
            Body::Html(_) => self.page_article(article),
            Body::Text(_) => non_empty(article),
        }
    }

    /// A web page's article, unless its text is only a consent notice or only navigation.
    fn page_article(&self, article: Article) -> Result<Article, IngestError> {
        let article = non_empty(article)?;
        match not_article(&article.text, self.cleaner.consent()) {
            None => Ok(article),
            Some(NotArticle::ConsentNotice) => Err(IngestError::ConsentNotice { origin: article.origin }),
            Some(NotArticle::NavigationOnly) => Err(IngestError::NavigationOnly { origin: article.origin }),
        }
    }

    /// A WARC record's page, read as a web page is: the record's target URI is its URL, and the day it was
    /// fetched dates it only when neither the page nor the `--published` date does (a crawl's fetch day is
    /// close to, but not, the publication day). The id is the file's stem and the record's number.
    pub(crate) fn warc_article(
        &self,
        path: &Path,
        stem: Option<&str>,
        page: warc::Page,
    ) -> Result<Article, IngestError> {
        let refused = |problem| IngestError::Warc {
            path: path.to_path_buf(),
            record: page.ordinal,
            uri: page.uri.clone(),
            problem,
        };
        let decoded = decode_declared(&page.body, page.charset).map_err(|refusal| {
            refused(match refusal {
                Refusal::Empty => WarcProblem::Empty,
                Refusal::Binary => WarcProblem::Binary,
                Refusal::Undecodable => WarcProblem::Undecodable,
            })
        })?;
        let id = match stem {
            Some(stem) => format!("{stem}-{}", page.ordinal),
            None => content_id(&decoded.text),
        };
        let origin = format!("{} record {}", printable::path(path), page.ordinal);
        let read = read_page(&decoded.text, page.uri.as_deref(), &self.calendar, &self.furniture);
        let mut article = self.article_from_page(&id, &origin, read);
        article.url = page.uri.clone().or(article.url);
        article.decoded_from = decoded.legacy.map(String::from);
        article.replaced_bytes = decoded.replaced;
        article.published = article.published.or(self.published).or(page.fetched);
        if article.text.is_empty() {
            return Err(refused(WarcProblem::NoArticleText));
        }
        match not_article(&article.text, self.cleaner.consent()) {
            None => Ok(article),
            Some(NotArticle::ConsentNotice) => Err(refused(WarcProblem::ConsentNotice)),
            Some(NotArticle::NavigationOnly) => Err(refused(WarcProblem::NavigationOnly)),
        }
    }

    /// A page's article: the page's metadata first, the cleaned text's head for what the page lacks.
    fn article_from_page(&self, id: &str, origin: &str, page: Page) -> Article {
        let from_text = self.article_from_text(id, origin, &page.text);
        // Pages often give "By Jane Roe" where the name alone is wanted.
        let byline = page.byline.map(|line| byline_name(&line, self.cleaner.bylines()).unwrap_or(line));
        Article {
            title: page.title.or(from_text.title),
            source: page.site_name,
            url: page.url,
            published: page.published.or(from_text.published),
            byline: byline.or(from_text.byline),
            ..from_text
        }
    }
}

/// An article whose text is all boilerplate has nothing to extract from: that is the input's failure.
fn non_empty(article: Article) -> Result<Article, IngestError> {
    if article.text.is_empty() { Err(IngestError::NoArticleText { origin: article.origin }) } else { Ok(article) }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn reader() -> Reader {
        Reader::new(&DataFiles::embedded()).unwrap()
    }

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn read_all(reader: &Reader, paths: &[PathBuf]) -> Vec<Result<Article, String>> {
        reader.read(paths).map(|item| item.map_err(|err| err.to_string())).collect()
    }

    const LEAD: &str = "The two delegations met in a lakeside hotel for a third day and agreed on nothing except the date of the next round.";
    const SECOND: &str = "A mediator said the gap on the length of the pause “remains wide” but that both teams had stayed at the table.";

    /// A page dump in the shape scraped news text takes: date line, title, teaser, ads, comment form, teasers.
    fn scraped() -> String {
        format!(
            "World\n\nFriday, November 22, 2024\n\nLakeside talks end without a deal\n\nBy Jane Roe\n\n\
             Must Read\n- Advertisement -\nGetting your Trinity Audio player ready...\n\n{LEAD}\n\n- Advertisement -\n\n{SECOND}\n\n\
             Share this article\nThis article was created using automation technology and checked by an editor\n\n\
             LEAVE A REPLY\nPlease enter your comment!\nPlease enter your name here\n\n\
             Latest News\n\nA different story about a football match that ended in a draw on Sunday evening\n- Advertisement -\n\n\
             Sam Doe is a staff writer covering sport.\n"
        )
    }

    #[test]
    fn boilerplate_and_furniture_tsv_are_sorted_and_parse() {
        let files = DataFiles::embedded();
        Cleaner::parse(&files.read(clean::FILE).unwrap()).unwrap();
        Furniture::parse(&files.read(page_furniture::FILE).unwrap()).unwrap();
        for file in [clean::FILE, page_furniture::FILE] {
            let text = files.read(file).unwrap();
            let table = accord_lexicon::Table::parse(file, &text, &["kind", "cue"]).unwrap();
            let keys: Vec<(String, String)> =
                table.rows().map(|row| (row.get("kind").to_string(), row.get("cue").to_lowercase())).collect();
            for pair in keys.windows(2) {
                assert!(pair[0] < pair[1], "{file}: {:?} should come after {:?} (or is a duplicate)", pair[0], pair[1]);
            }
        }
    }

    #[test]
    fn scraped_text_is_cleaned_and_its_head_read() {
        let article = reader().article_from_text("t1", "t1.txt", &scraped());
        assert_eq!(
            article.text,
            format!(
                "Friday, November 22, 2024\n\nLakeside talks end without a deal\n\nBy Jane Roe\n\n{LEAD}\n\n{SECOND}"
            )
        );
        assert_eq!(article.published.map(|d| d.to_string()).as_deref(), Some("2024-11-22"));
        assert_eq!(article.title.as_deref(), Some("Lakeside talks end without a deal"));
        assert_eq!(article.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(
            (article.id.as_str(), article.origin.as_str(), article.source, article.url),
            ("t1", "t1.txt", None, None)
        );
    }

    #[test]
    fn share_prompts_slideshow_notices_and_teaser_headings_go() {
        let raw = format!(
            "Sharing is caring!\n\n{LEAD}\n\nThis slideshow requires JavaScript.\n\nDON'T MISS\n\nAdvert\n\n{SECOND}\n\n\
             Join the conversation...\n\nAbout the Author\n\nSam Doe covers labour talks and has for many years now"
        );
        assert_eq!(reader().article_from_text("t", "t", &raw).text, format!("{LEAD}\n\n{SECOND}"));
    }

    #[test]
    fn author_bio_at_the_end_is_cut() {
        let raw = format!(
            "{LEAD}\n\n{SECOND}\n\nJo Poe is an assistant news editor at an example outlet and a regular contributor elsewhere."
        );
        assert_eq!(reader().article_from_text("t", "t", &raw).text, format!("{LEAD}\n\n{SECOND}"));
    }

    #[test]
    fn files_of_each_format_with_ids_from_names() {
        let dir = tempfile::tempdir().unwrap();
        let text = write(dir.path(), "001_talks.txt", scraped().as_bytes());
        let legacy = write(dir.path(), "002_cafe", b"Delegates met at a caf\xe9 by the lake.");
        let bom = write(dir.path(), "003_bom.txt", format!("\u{feff}{LEAD}").as_bytes());
        let got = read_all(&reader(), &[text, legacy, bom]);
        let articles: Vec<&Article> = got.iter().map(|item| item.as_ref().unwrap()).collect();
        assert_eq!(articles[0].id, "001_talks");
        assert!(articles[0].origin.ends_with("001_talks.txt"));
        assert_eq!(articles[1].id, "002_cafe");
        assert_eq!(articles[1].text, "Delegates met at a café by the lake.");
        assert_eq!(articles[2].text, LEAD, "the BOM is stripped");
    }

    #[test]
    fn bad_files_are_errors_naming_them_and_reading_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let binary = write(dir.path(), "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
        let empty = write(dir.path(), "empty.txt", b"");
        let big = write(dir.path(), "big.txt", LEAD.repeat(10).as_bytes());
        let only_ads = write(dir.path(), "ads.txt", b"- Advertisement -\n\nShare this article\n");
        let blank_page =
            write(dir.path(), "blank.html", b"<html><head><title>Nothing</title></head><body></body></html>");
        let good = write(dir.path(), "good.txt", LEAD.as_bytes());
        let missing = dir.path().join("missing.txt");
        let reader = reader().with_max_bytes(LEAD.len() as u64 * 2);
        let got = read_all(&reader, &[binary, empty, big, only_ads, blank_page, missing, good]);
        let errors: Vec<&String> = got.iter().filter_map(|item| item.as_ref().err()).collect();
        let expected = [
            "photo.txt: binary file",
            "empty.txt: empty file",
            &format!("big.txt: larger than {} bytes", LEAD.len() * 2),
            "ads.txt: no article text after cleaning",
            "blank.html: no article text after cleaning",
            "missing.txt: no such file or directory",
        ];
        assert_eq!(errors.len(), expected.len(), "{errors:?}");
        for (error, expected) in errors.iter().zip(expected) {
            assert!(error.ends_with(expected), "{error:?} should end with {expected:?}");
        }
        assert_eq!(got.last().unwrap().as_ref().unwrap().id, "good");
    }

    #[test]
    fn jsonl_lines_become_articles_and_a_broken_line_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = format!(
            "{}\n{{\"id\": \"broken\", \"text\": \n{}\n{}\n",
            serde_json::json!({"id": "j1", "title": "Given title", "text": scraped(), "url": "https://example.org/j1",
                               "published": "2024-12-01", "source": "Example Wire"}),
            serde_json::json!({"html": format!("<html><body><article><p>{LEAD}</p><p>{SECOND}</p></article></body></html>")}),
            serde_json::json!({"id": "j4", "text": SECOND}),
        );
        let path = write(dir.path(), "corpus.jsonl", corpus.as_bytes());
        let got = read_all(&reader(), &[path]);
        assert_eq!(got.len(), 4);
        let first = got[0].as_ref().unwrap();
        assert_eq!(first.id, "j1");
        assert!(first.origin.ends_with("corpus.jsonl:1"));
        assert_eq!(first.title.as_deref(), Some("Given title"), "the line's own fields win");
        assert_eq!(first.published.map(|d| d.to_string()).as_deref(), Some("2024-12-01"));
        assert_eq!(
            (first.url.as_deref(), first.source.as_deref()),
            (Some("https://example.org/j1"), Some("Example Wire"))
        );
        assert_eq!(first.byline.as_deref(), Some("Jane Roe"));
        assert!(!first.text.contains("Advertisement"));
        let error = got[1].as_ref().unwrap_err();
        assert!(error.contains("corpus.jsonl:2: invalid JSON"), "{error}");
        let from_html = got[2].as_ref().unwrap();
        assert_eq!(from_html.id.len(), 16, "no id: a content hash");
        assert!(from_html.text.contains(LEAD) && from_html.text.contains(SECOND), "{:?}", from_html.text);
        assert_eq!(got[3].as_ref().unwrap().id, "j4");
    }

    #[test]
    fn folder_walk_reads_in_sorted_order_and_skips_hidden_files() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a/2.txt", "a/10.txt", ".draft.txt", ".git/notes.txt"] {
            write(dir.path(), name, LEAD.as_bytes());
        }
        let ids: Vec<String> =
            read_all(&reader(), &[dir.path().to_path_buf()]).into_iter().map(|item| item.unwrap().id).collect();
        assert_eq!(ids, ["10", "2", "b"]);
    }

    #[test]
    fn html_file_gives_main_text_and_page_metadata() {
        let dir = tempfile::tempdir().unwrap();
        let html = format!(
            r#"<html><head><title>Lakeside talks end | Example Wire</title>
<meta property="og:site_name" content="Example Wire"><meta name="date" content="November 22, 2024"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="sidebar"><h3>Most read</h3><a href="/x">A story about the weather this weekend</a></div>
<article><h1>Lakeside talks end</h1><p>{LEAD}</p><div>- Advertisement -</div><p>{SECOND}</p></article>
<footer>All rights reserved. Example Wire.</footer></body></html>"#
        );
        let path = write(dir.path(), "page.html", html.as_bytes());
        let got = read_all(&reader(), &[path]);
        let article = got[0].as_ref().unwrap();
        assert_eq!(article.id, "page");
        assert!(article.text.contains(LEAD) && article.text.contains(SECOND), "{:?}", article.text);
        for chrome in ["Home", "weather", "Advertisement", "rights reserved"] {
            assert!(!article.text.contains(chrome), "{chrome:?} in {:?}", article.text);
        }
        assert_eq!(article.published.map(|d| d.to_string()).as_deref(), Some("2024-11-22"));
        assert_eq!(article.source.as_deref(), Some("Example Wire"));
        assert_eq!(article.title.as_deref(), Some("Lakeside talks end"));
    }

    #[test]
    fn a_given_date_dates_only_the_undated_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let dated = write(dir.path(), "dated.txt", format!("Published: 6 June 2024\n\n{LEAD}").as_bytes());
        let undated = write(dir.path(), "undated.txt", LEAD.as_bytes());
        let corpus = format!("{}\n", serde_json::json!({"id": "j", "text": LEAD, "published": "2024-06-05"}));
        let jsonl = write(dir.path(), "corpus.jsonl", corpus.as_bytes());
        let reader = reader().with_published(Some("2024-01-01".parse().unwrap()));
        let dates: Vec<String> = read_all(&reader, &[dated, undated, jsonl])
            .into_iter()
            .map(|item| item.unwrap().published.unwrap().to_string())
            .collect();
        assert_eq!(dates, ["2024-06-06", "2024-01-01", "2024-06-05"], "a stated date wins over the given one");
    }
}
