//! `Articles`: the lazy walk over a batch of inputs that `Reader::read` returns, one input open at a time,
//! keeping the summary of each WARC file once it has been read to its end.

use std::io::BufRead;
use std::path::PathBuf;

use accord_model::Article;

use crate::source::Input;
use crate::warc::{Record, Records, WarcSummary};
use crate::{IngestError, Reader};

/// Every article of a batch, in input order, each Ok or an error naming the input (or record) and reason.
pub struct Articles<'a> {
    reader: &'a Reader,
    inputs: Box<dyn Iterator<Item = Result<Input, IngestError>> + 'a>,
    current: Option<InputArticles<'a>>,
    summaries: Vec<WarcSummary>,
}

impl<'a> Articles<'a> {
    pub(crate) fn new(
        reader: &'a Reader,
        inputs: impl Iterator<Item = Result<Input, IngestError>> + 'a,
    ) -> Articles<'a> {
        Articles { reader, inputs: Box::new(inputs), current: None, summaries: Vec::new() }
    }

    /// What each WARC file read to its end so far held, in input order.
    pub fn warc_summaries(&self) -> &[WarcSummary] {
        &self.summaries
    }
}

impl Iterator for Articles<'_> {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.current.as_mut().and_then(Iterator::next) {
                return Some(item);
            }
            if let Some(InputArticles::Warc(warc)) = self.current.take() {
                self.summaries.push(warc.summary);
            }
            match self.inputs.next()? {
                Ok(input) => self.current = Some(self.reader.read_input(input)),
                Err(err) => return Some(Err(err)),
            }
        }
    }
}

/// The articles of one input: a file of one article or of JSONL lines, or a WARC file with its summary.
pub(crate) enum InputArticles<'a> {
    Each(Box<dyn Iterator<Item = Result<Article, IngestError>> + 'a>),
    Warc(WarcArticles<'a>),
}

impl Iterator for InputArticles<'_> {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            InputArticles::Each(items) => items.next(),
            InputArticles::Warc(warc) => warc.next(),
        }
    }
}

/// The articles of one WARC file's HTML responses, counting what is read, what fails and what is skipped.
pub(crate) struct WarcArticles<'a> {
    reader: &'a Reader,
    records: Records<Box<dyn BufRead>>,
    /// The file's stem, from which each record's id is made; `None` for stdin.
    stem: Option<String>,
    summary: WarcSummary,
}

impl<'a> WarcArticles<'a> {
    pub(crate) fn new(reader: &'a Reader, input: &Input, stream: Box<dyn BufRead>, max: u64) -> WarcArticles<'a> {
        let path = input.path().to_path_buf();
        WarcArticles {
            reader,
            records: Records::new(stream, path.clone(), max),
            stem: input.id(),
            summary: WarcSummary::new(path),
        }
    }

    fn path(&self) -> &PathBuf {
        &self.summary.path
    }
}

impl Iterator for WarcArticles<'_> {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let item = match self.records.next()? {
                Ok(Record::Skipped(kind)) => {
                    self.summary.skipped(kind);
                    continue;
                }
                Ok(Record::Page(page)) => self.reader.warc_article(self.path(), self.stem.as_deref(), page),
                Err(err) => Err(err),
            };
            match item.is_ok() {
                true => self.summary.read += 1,
                false => self.summary.failed += 1,
            }
            return Some(item);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::path::Path;

    use accord_lexicon::DataFiles;

    use super::*;
    use crate::warc::tests::{http, record};

    const FIRST: &str = "Negotiators for the two river provinces agreed on Tuesday to share the dam's spring release, \
        ending a month of talks that had stalled twice over the size of the downstream quota.";
    const SECOND: &str = "The upstream delegation had asked for sixty percent of the water; the final text gives \
        it fifty-five, with a review after the first dry season, a mediator from the basin commission said.";

    fn page(title: &str, head: &str) -> String {
        format!(
            "<html><head><title>{title}</title>{head}</head><body><nav><a href=\"/\">Home</a></nav>\
             <article><h1>{title}</h1><p>{FIRST}</p><p>{SECOND}</p></article></body></html>"
        )
    }

    /// A small crawl: warcinfo, a request, two pages (one dated by its markup, one undated), a PDF, a page
    /// over the size limit, a redirect and a metadata record.
    fn crawl() -> Vec<Vec<u8>> {
        let dated =
            page("River provinces share the dam", r#"<meta property="article:published_time" content="2024-11-20">"#);
        let undated = page("Quota review after the dry season", "");
        let big = format!("<html><body><p>{}</p></body></html>", FIRST.repeat(40));
        let redirect =
            b"HTTP/1.1 301 Moved Permanently\r\nLocation: /b\r\nContent-Type: text/html\r\n\r\n<a href=/b>here</a>";
        vec![
            record("warcinfo", "", "application/warc-fields", b"software: hand-built\r\n"),
            record(
                "request",
                "https://news.example.org/a",
                "application/http; msgtype=request",
                b"GET /a HTTP/1.1\r\n\r\n",
            ),
            record(
                "response",
                "https://news.example.org/a",
                "application/http; msgtype=response",
                &http("text/html", &dated),
            ),
            record(
                "response",
                "https://news.example.org/b",
                "application/http; msgtype=response",
                &http("text/html; charset=utf-8", &undated),
            ),
            record(
                "response",
                "https://news.example.org/a.pdf",
                "application/http; msgtype=response",
                &http("application/pdf", "%PDF-1.7"),
            ),
            record(
                "response",
                "https://news.example.org/big",
                "application/http; msgtype=response",
                &http("text/html", &big),
            ),
            record("response", "https://news.example.org/old", "application/http; msgtype=response", redirect),
            record("metadata", "https://news.example.org/b", "application/warc-fields", b"fetchTimeMs: 20\r\n"),
        ]
    }

    fn gzip_each(records: &[Vec<u8>]) -> Vec<u8> {
        records
            .iter()
            .flat_map(|record| {
                let mut member = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
                member.write_all(record).unwrap();
                member.finish().unwrap()
            })
            .collect()
    }

    fn read(path: &Path) -> (Vec<Result<Article, String>>, Vec<WarcSummary>) {
        let reader = Reader::new(&DataFiles::embedded()).unwrap().with_max_bytes(4000);
        let paths = [path.to_path_buf()];
        let mut articles = reader.read(&paths);
        let items = articles.by_ref().map(|item| item.map_err(|err| err.to_string())).collect();
        (items, articles.warc_summaries().to_vec())
    }

    fn check_crawl(path: &Path) {
        let (items, summaries) = read(path);
        assert_eq!(items.len(), 3, "{items:?}");
        let dated = items[0].as_ref().unwrap();
        assert_eq!(dated.id, "crawl-3", "the file's stem and the record's number");
        assert_eq!(dated.url.as_deref(), Some("https://news.example.org/a"));
        assert_eq!(dated.title.as_deref(), Some("River provinces share the dam"));
        assert_eq!(dated.published.map(|d| d.to_string()).as_deref(), Some("2024-11-20"), "the page's own date wins");
        assert!(dated.text.contains(FIRST) && dated.text.contains(SECOND) && !dated.text.contains("Home"));
        assert!(dated.origin.ends_with("record 3"), "{}", dated.origin);
        let undated = items[1].as_ref().unwrap();
        assert_eq!(undated.id, "crawl-4");
        assert_eq!(undated.published.map(|d| d.to_string()).as_deref(), Some("2024-11-23"), "the fetch day");
        let error = items[2].as_ref().unwrap_err();
        assert!(
            error.ends_with("record 6 (https://news.example.org/big): HTML body larger than 4000 bytes"),
            "{error}"
        );
        let name = path.file_name().unwrap().to_string_lossy();
        let expected = format!(
            "{}: 2 HTML responses read, 1 failed, 5 records skipped (1 request, 1 metadata, 1 warcinfo, 1 non-HTML, 1 redirect or error)",
            path.display()
        );
        assert_eq!(summaries.len(), 1);
        assert_eq!(summaries[0].to_string(), expected, "{name}");
    }

    #[test]
    fn a_plain_warc_gives_its_pages_and_counts_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("crawl.warc");
        std::fs::write(&path, crawl().concat()).unwrap();
        check_crawl(&path);
    }

    #[test]
    fn a_gzip_warc_of_one_member_per_record_reads_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("crawl.warc.gz");
        std::fs::write(&path, gzip_each(&crawl())).unwrap();
        check_crawl(&path);
    }

    #[test]
    fn a_truncated_gzip_warc_keeps_the_records_before_the_cut() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cut.warc.gz");
        let whole = gzip_each(&crawl());
        let before_last = gzip_each(&crawl()[..7]).len();
        std::fs::write(&path, &whole[..before_last + 10]).unwrap();
        let (items, summaries) = read(&path);
        assert_eq!(items.len(), 4, "{items:?}");
        assert!(items[..2].iter().all(Result::is_ok));
        let error = items[3].as_ref().unwrap_err();
        assert!(error.contains("cut.warc.gz: record 8: cannot read: "), "{error}");
        assert_eq!((summaries[0].read, summaries[0].failed), (2, 2));
    }

    #[test]
    fn warc_files_sit_among_other_inputs_each_with_its_summary() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.warc"), crawl().concat()).unwrap();
        std::fs::write(dir.path().join("b.txt"), FIRST).unwrap();
        std::fs::write(dir.path().join("c.warc.gz"), gzip_each(&crawl()[2..4])).unwrap();
        let (items, summaries) = read(dir.path());
        let ids: Vec<String> = items.iter().filter_map(|item| item.as_ref().ok()).map(|a| a.id.clone()).collect();
        assert_eq!(ids, ["a-3", "a-4", "b", "c-1", "c-2"]);
        assert_eq!(summaries.iter().map(|s| (s.read, s.failed)).collect::<Vec<_>>(), [(2, 1), (2, 0)]);
    }

    #[test]
    fn issue_10_damaged_gzip_crawls_give_errors_not_panics_or_silence() {
        let reader = Reader::new(&DataFiles::embedded()).unwrap().with_max_bytes(4000);
        let whole = gzip_each(&crawl());
        for at in (0..whole.len()).step_by(23) {
            let mut damaged = whole.clone();
            damaged[at] ^= 0xa5;
            let items = reader.read_bytes(Path::new("crawl.warc.gz"), &damaged);
            assert!(!items.is_empty(), "a flipped byte at {at} gave neither articles nor an error");
            let cut = reader.read_bytes(Path::new("crawl.warc.gz"), &whole[..at]);
            assert!(!cut.is_empty(), "a crawl cut at {at} gave neither articles nor an error");
        }
    }

    #[test]
    fn a_page_with_no_text_is_named_with_its_record() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.warc");
        let blank = http("text/html", "<html><body><nav><a href=\"/\">Home</a></nav></body></html>");
        std::fs::write(&path, record("response", "https://news.example.org/blank", "application/http", &blank))
            .unwrap();
        let (items, _) = read(&path);
        let error = items[0].as_ref().unwrap_err();
        assert!(
            error.ends_with("empty.warc: record 1 (https://news.example.org/blank): no article text after cleaning"),
            "{error}"
        );
    }
}
