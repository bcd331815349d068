//! WARC files: records read one at a time from a stream (already decompressed), each HTTP response with an
//! HTML page handed on and every other record skipped by kind; no record is held whole unless it is a page
//! within the size limit.

use std::fmt;
use std::io::{BufRead, Read};
use std::path::PathBuf;

use accord_model::printable;
use encoding_rs::Encoding;
use jiff::civil::Date;

use crate::IngestError;
use crate::http::{Response, read_response};

/// The longest WARC header block read; a longer one is not a record's head.
const MAX_HEAD: u64 = 64 * 1024;

/// More header fields than this is not a real record.
const MAX_FIELDS: usize = 64;

/// Why one record of a WARC file gave no article.
#[derive(Debug, thiserror::Error)]
pub enum WarcProblem {
    #[error("no WARC/1.x line where a record should start; reading resumes at the next one")]
    NotWarc,
    #[error("WARC header: {0}; reading resumes at the next record")]
    Header(String),
    #[error("the file ends inside this record")]
    Truncated,
    #[error("HTTP: {0}")]
    Http(String),
    #[error("HTML body larger than {max} bytes")]
    TooLarge { max: u64 },
    #[error("empty page")]
    Empty,
    #[error("binary page")]
    Binary,
    #[error("page not valid text in any known encoding")]
    Undecodable,
    /// Everything on the page was boilerplate (or markup).
    #[error("no article text after cleaning")]
    NoArticleText,
    #[error("only a cookie or consent notice, no article text")]
    ConsentNotice,
    #[error("no sentence of article text (only navigation, link lists or page furniture)")]
    NavigationOnly,
    #[error("cannot read: {0}; the rest of this file is skipped")]
    Read(std::io::Error),
}

/// An HTTP response record holding an HTML page.
#[derive(Debug, PartialEq)]
pub(crate) struct Page {
    /// 1-based number of the record in its file.
    pub(crate) ordinal: usize,
    pub(crate) uri: Option<String>,
    /// `WARC-Date`: when the page was fetched, not when it was published.
    pub(crate) fetched: Option<Date>,
    pub(crate) body: Vec<u8>,
    /// The encoding the HTTP `Content-Type` names.
    pub(crate) charset: Option<&'static Encoding>,
}

/// The kinds of records that are not read as articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Skip {
    Request,
    Metadata,
    Warcinfo,
    NotHtml,
    NotOk,
    /// `resource`, `revisit`, `conversion`, `continuation` and unknown types.
    Other,
}

#[derive(Debug, PartialEq)]
pub(crate) enum Record {
    Page(Page),
    Skipped(Skip),
}

/// What one WARC file held: the HTML responses read as articles, the records that failed (each also
/// reported as an error), and the records skipped, by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WarcSummary {
    pub path: PathBuf,
    pub read: usize,
    pub failed: usize,
    pub request: usize,
    pub metadata: usize,
    pub warcinfo: usize,
    pub not_html: usize,
    pub not_ok: usize,
    pub other: usize,
}

impl WarcSummary {
    pub(crate) fn new(path: PathBuf) -> WarcSummary {
        WarcSummary { path, ..WarcSummary::default() }
    }

    pub(crate) fn skipped(&mut self, kind: Skip) {
        *match kind {
            Skip::Request => &mut self.request,
            Skip::Metadata => &mut self.metadata,
            Skip::Warcinfo => &mut self.warcinfo,
            Skip::NotHtml => &mut self.not_html,
            Skip::NotOk => &mut self.not_ok,
            Skip::Other => &mut self.other,
        } += 1;
    }
}

/// "crawl.warc.gz: 1180 HTML responses read, 1 failed, 9 records skipped (6 request, 3 non-HTML)".
impl fmt::Display for WarcSummary {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {} HTML responses read", printable::path(&self.path), self.read)?;
        if self.failed > 0 {
            write!(f, ", {} failed", self.failed)?;
        }
        let kinds = [
            (self.request, "request"),
            (self.metadata, "metadata"),
            (self.warcinfo, "warcinfo"),
            (self.not_html, "non-HTML"),
            (self.not_ok, "redirect or error"),
            (self.other, "other"),
        ];
        let skipped: usize = kinds.iter().map(|(n, _)| n).sum();
        write!(f, ", {skipped} records skipped")?;
        let parts: Vec<String> = kinds.iter().filter(|(n, _)| *n > 0).map(|(n, kind)| format!("{n} {kind}")).collect();
        if !parts.is_empty() {
            write!(f, " ({})", parts.join(", "))?;
        }
        Ok(())
    }
}

/// The records of one WARC stream, read lazily. A record whose head cannot be read is reported and reading
/// resumes at the next line that starts a record; a read error or a truncated record ends the file.
pub(crate) struct Records<R> {
    stream: R,
    path: PathBuf,
    max: u64,
    /// How many records have been started: the current one's number.
    ordinal: usize,
    /// Set after a record whose extent is unknown: lines are skipped until one starts a record.
    lost: bool,
    done: bool,
}

impl<R: BufRead> Records<R> {
    /// The records of `stream`, read from `path`, with HTML bodies limited to `max` bytes.
    pub(crate) fn new(stream: R, path: PathBuf, max: u64) -> Records<R> {
        Records { stream, path, max, ordinal: 0, lost: false, done: false }
    }

    fn error(&mut self, uri: Option<String>, problem: WarcProblem) -> IngestError {
        self.done |= matches!(problem, WarcProblem::Truncated | WarcProblem::Read(_));
        IngestError::Warc { path: self.path.clone(), record: self.ordinal, uri, problem }
    }

    /// The next record's header block, from its `WARC/` line through the blank line that ends it, or `None`
    /// at the end of the stream. Blank lines between records are passed over.
    fn next_head(&mut self) -> Result<Option<Vec<u8>>, WarcProblem> {
        let mut head = Vec::new();
        loop {
            head.clear();
            match (&mut self.stream).take(MAX_HEAD).read_until(b'\n', &mut head) {
                Ok(0) => return Ok(None),
                Ok(_) => {}
                Err(err) => {
                    // The stream broke before the next record's first line: that record is the one lost.
                    self.ordinal += 1;
                    return Err(WarcProblem::Read(err));
                }
            }
            if head.starts_with(b"WARC/") {
                break;
            }
            if !self.lost && !head.trim_ascii().is_empty() {
                self.ordinal += 1;
                self.lost = true;
                return Err(WarcProblem::NotWarc);
            }
        }
        self.ordinal += 1;
        self.lost = false;
        while !(head.ends_with(b"\n\r\n") || head.ends_with(b"\n\n")) {
            let left = MAX_HEAD.saturating_sub(head.len() as u64);
            if left == 0 {
                self.lost = true;
                return Err(WarcProblem::Header(format!("longer than {MAX_HEAD} bytes")));
            }
            if (&mut self.stream).take(left).read_until(b'\n', &mut head).map_err(WarcProblem::Read)? == 0 {
                return Err(WarcProblem::Truncated);
            }
        }
        Ok(Some(head))
    }

    /// The record whose header block is `head`, its content read (or passed over) to its end.
    fn record(&mut self, head: &[u8]) -> Result<Record, (Option<String>, WarcProblem)> {
        let fields_start = head.iter().position(|&b| b == b'\n').map_or(head.len(), |i| i + 1);
        let mut fields = [httparse::EMPTY_HEADER; MAX_FIELDS];
        let parsed = match httparse::parse_headers(&head[fields_start..], &mut fields) {
            Ok(httparse::Status::Complete((_, fields))) => Ok(fields),
            Ok(httparse::Status::Partial) => Err("incomplete header block".to_string()),
            Err(err) => Err(err.to_string()),
        };
        let fields = parsed.map_err(|reason| {
            self.lost = true;
            (None, WarcProblem::Header(reason))
        })?;
        let field = |name: &str| {
            fields
                .iter()
                .find(|field| field.name.eq_ignore_ascii_case(name))
                .map(|field| String::from_utf8_lossy(field.value).trim().to_string())
        };
        let uri = field("WARC-Target-URI").filter(|uri| !uri.is_empty());
        let Some(length) = field("Content-Length").and_then(|value| value.parse::<u64>().ok()) else {
            self.lost = true;
            return Err((uri, WarcProblem::Header("no valid Content-Length".into())));
        };
        let kind = field("WARC-Type").unwrap_or_default().to_ascii_lowercase();
        let content_type = field("Content-Type").unwrap_or_default().to_ascii_lowercase();
        let fetched = field("WARC-Date").and_then(|date| date.parse::<jiff::Timestamp>().ok()).map(|at| {
            // WARC dates are UTC; the day is the fetch's day there.
            at.to_zoned(jiff::tz::TimeZone::UTC).date()
        });
        let max = self.max;
        let mut block = (&mut self.stream).take(length);
        let read = match kind.as_str() {
            "response" if content_type.starts_with("application/http") => match read_response(&mut block, max) {
                Ok(Response::Html { body, charset }) => {
                    Ok(Record::Page(Page { ordinal: self.ordinal, uri: uri.clone(), fetched, body, charset }))
                }
                Ok(Response::NotHtml) => Ok(Record::Skipped(Skip::NotHtml)),
                Ok(Response::NotOk) => Ok(Record::Skipped(Skip::NotOk)),
                Err(problem) => Err(problem),
            },
            "response" => Ok(Record::Skipped(Skip::NotHtml)),
            "request" => Ok(Record::Skipped(Skip::Request)),
            "metadata" => Ok(Record::Skipped(Skip::Metadata)),
            "warcinfo" => Ok(Record::Skipped(Skip::Warcinfo)),
            _ => Ok(Record::Skipped(Skip::Other)),
        };
        if let Err(WarcProblem::Read(err)) = read {
            return Err((uri, WarcProblem::Read(err)));
        }
        // What the record's content holds past what was read: streamed through, never kept.
        match std::io::copy(&mut block, &mut std::io::sink()) {
            Err(err) => Err((uri, WarcProblem::Read(err))),
            Ok(_) if block.limit() > 0 => Err((uri, WarcProblem::Truncated)),
            Ok(_) => read.map_err(|problem| (uri, problem)),
        }
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Result<Record, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let head = match self.next_head() {
            Ok(Some(head)) => head,
            Ok(None) => {
                self.done = true;
                // A file without a single record is as empty as an empty text file.
                return (self.ordinal == 0).then(|| Err(IngestError::Empty { path: self.path.clone() }));
            }
            Err(problem) => return Some(Err(self.error(None, problem))),
        };
        Some(self.record(&head).map_err(|(uri, problem)| self.error(uri, problem)))
    }
}

/// The stream of a WARC file's records: gunzipped when it starts as gzip does, whatever its name says.
/// Each record is usually a gzip member of its own, so every member is read.
pub(crate) fn decompressed(mut stream: Box<dyn BufRead>) -> std::io::Result<Box<dyn BufRead>> {
    match stream.fill_buf()?.starts_with(&[0x1f, 0x8b]) {
        true => Ok(Box::new(std::io::BufReader::new(flate2::bufread::MultiGzDecoder::new(stream)))),
        false => Ok(stream),
    }
}

/// " (https://example.org/page)" after a record's number in a message, or nothing.
pub(crate) fn with_uri(uri: &Option<String>) -> String {
    uri.as_deref().map(|uri| format!(" ({})", printable::escaped(uri))).unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// One record as WARC writers lay it out: the header fields, a blank line, the content, two CRLFs.
    pub(crate) fn record(kind: &str, uri: &str, content_type: &str, content: &[u8]) -> Vec<u8> {
        let head = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Date: 2024-11-23T01:30:00Z\r\n\
             WARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            content.len()
        );
        [head.as_bytes(), content, b"\r\n\r\n"].concat()
    }

    pub(crate) fn http(content_type: &str, body: &str) -> Vec<u8> {
        format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}", body.len())
            .into_bytes()
    }

    fn read(bytes: &[u8], max: u64) -> Vec<Result<Record, String>> {
        Records::new(bytes, PathBuf::from("crawl.warc"), max).map(|r| r.map_err(|e| e.to_string())).collect()
    }

    fn page_uri(item: &Result<Record, String>) -> Option<&str> {
        match item {
            Ok(Record::Page(page)) => page.uri.as_deref(),
            _ => None,
        }
    }

    #[test]
    fn pages_are_read_and_other_records_skipped_by_kind() {
        let bytes = [
            record("warcinfo", "", "application/warc-fields", b"software: test\r\n"),
            record("request", "https://a.example/1", "application/http; msgtype=request", b"GET /1 HTTP/1.1\r\n\r\n"),
            record(
                "response",
                "https://a.example/1",
                "application/http; msgtype=response",
                &http("text/html", "<p>one</p>"),
            ),
            record("metadata", "https://a.example/1", "application/warc-fields", b"fetchTimeMs: 12\r\n"),
            record("response", "https://a.example/x.pdf", "application/http", &http("application/pdf", "%PDF")),
            record("revisit", "https://a.example/1", "application/http", b""),
        ]
        .concat();
        let got = read(&bytes, 1000);
        assert_eq!(got.len(), 6, "{got:?}");
        assert_eq!(
            got.iter()
                .filter_map(|item| item.as_ref().ok())
                .filter_map(|r| match r {
                    Record::Skipped(kind) => Some(*kind),
                    Record::Page(_) => None,
                })
                .collect::<Vec<_>>(),
            [Skip::Warcinfo, Skip::Request, Skip::Metadata, Skip::NotHtml, Skip::Other]
        );
        let Ok(Record::Page(page)) = &got[2] else { panic!("{:?}", got[2]) };
        assert_eq!(page.ordinal, 3);
        assert_eq!(page.uri.as_deref(), Some("https://a.example/1"));
        assert_eq!(page.fetched.map(|d| d.to_string()).as_deref(), Some("2024-11-23"));
        assert_eq!(page.body, b"<p>one</p>");
    }

    #[test]
    fn an_oversized_page_is_refused_and_reading_goes_on() {
        let big = format!("<p>{}</p>", "x".repeat(200));
        let bytes = [
            record("response", "https://a.example/big", "application/http", &http("text/html", &big)),
            record("response", "https://a.example/small", "application/http", &http("text/html", "<p>ok</p>")),
        ]
        .concat();
        let got = read(&bytes, 100);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0].as_ref().unwrap_err(),
            "crawl.warc: record 1 (https://a.example/big): HTML body larger than 100 bytes"
        );
        assert_eq!(page_uri(&got[1]), Some("https://a.example/small"));
    }

    #[test]
    fn a_malformed_head_is_reported_and_the_next_record_read() {
        let good = record("response", "https://a.example/2", "application/http", &http("text/html", "<p>two</p>"));
        let no_length = b"WARC/1.0\r\nWARC-Type: response\r\n\r\n<p>lost</p>\r\n\r\n".to_vec();
        let bad_field = b"WARC/1.0\r\nWARC-Type response\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n".to_vec();
        let junk = b"not a record\r\nmore junk\r\n".to_vec();
        // Junk right after a record that could not be framed is part of it; after a good one it is a failure.
        let bytes = [no_length, good.clone(), bad_field, good.clone(), junk, good].concat();
        let got = read(&bytes, 1000);
        assert_eq!(got.len(), 6, "{got:?}");
        assert_eq!(
            got[0].as_ref().unwrap_err(),
            "crawl.warc: record 1: WARC header: no valid Content-Length; reading resumes at the next record"
        );
        assert_eq!(page_uri(&got[1]), Some("https://a.example/2"));
        assert!(got[2].as_ref().unwrap_err().starts_with("crawl.warc: record 3: WARC header: "), "{:?}", got[2]);
        assert!(matches!(&got[3], Ok(Record::Page(page)) if page.ordinal == 4));
        assert!(got[4].as_ref().unwrap_err().starts_with("crawl.warc: record 5: no WARC/1.x line"), "{:?}", got[4]);
        assert!(matches!(&got[5], Ok(Record::Page(page)) if page.ordinal == 6));
    }

    #[test]
    fn a_truncated_record_ends_the_file_and_keeps_those_before() {
        let good = record("response", "https://a.example/1", "application/http", &http("text/html", "<p>one</p>"));
        let cut = record("response", "https://a.example/2", "application/http", &http("text/html", "<p>two</p>"));
        for at in [10, cut.len() / 2, cut.len() - 20] {
            let bytes = [&good[..], &cut[..at]].concat();
            let got = read(&bytes, 1000);
            assert_eq!(got.len(), 2, "cut at {at}: {got:?}");
            assert_eq!(page_uri(&got[0]), Some("https://a.example/1"));
            let error = got[1].as_ref().unwrap_err();
            assert!(
                error.starts_with("crawl.warc: record 2") && error.ends_with("the file ends inside this record"),
                "{error}"
            );
        }
    }

    #[test]
    fn lf_only_heads_and_missing_trailers_are_read() {
        let crlf = record("response", "https://a.example/1", "application/http", &http("text/html", "<p>one</p>"));
        let content = http("text/html", "<p>one</p>");
        let head_end = crlf.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
        let lf_head = String::from_utf8_lossy(&crlf[..head_end]).replace("\r\n", "\n");
        let bytes = [lf_head.as_bytes(), &content, &crlf].concat();
        let got = read(&bytes, 1000);
        assert_eq!(got.iter().filter(|item| page_uri(item).is_some()).count(), 2, "{got:?}");
    }

    #[test]
    fn no_input_shape_panics_or_hangs() {
        let good = record("response", "https://a.example/1", "application/http", &http("text/html", "<p>one</p>"));
        for cut in 0..good.len() {
            let mut damaged = good.clone();
            damaged[cut] ^= 0x5a;
            read(&damaged, 1000);
            read(&good[..cut], 1000);
        }
        assert_eq!(read(b"", 1000), [Err("crawl.warc: empty file".to_string())]);
        assert_eq!(read(b"\r\n\r\n", 1000), [Err("crawl.warc: empty file".to_string())]);
        let endless = std::io::BufReader::new(std::io::repeat(b'x')).take(10 << 20);
        let got: Vec<_> = Records::new(endless, PathBuf::from("x.warc"), 1000).collect();
        assert_eq!(got.len(), 1, "junk is one failure, then passed over");
    }

    #[test]
    fn the_summary_names_what_was_skipped() {
        let mut summary = WarcSummary::new(PathBuf::from("crawl.warc.gz"));
        assert_eq!(summary.to_string(), "crawl.warc.gz: 0 HTML responses read, 0 records skipped");
        summary.read = 1180;
        summary.failed = 1;
        for kind in [Skip::Request, Skip::Request, Skip::NotHtml, Skip::Metadata] {
            summary.skipped(kind);
        }
        assert_eq!(
            summary.to_string(),
            "crawl.warc.gz: 1180 HTML responses read, 1 failed, 4 records skipped (2 request, 1 metadata, 1 non-HTML)"
        );
    }
}
