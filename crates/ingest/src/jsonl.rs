//! JSONL inputs: one article per line, `{"id", "title"?, "text"? | "html"?, "url"?, "published"?, "source"?}`.
//! A broken line is an error naming `path:line`; the lines after it are still read.

use std::io::{BufRead, Read};
use std::path::PathBuf;

use serde::Deserialize;

use crate::IngestError;

/// One line's article, as the line states it.
#[derive(Debug, PartialEq)]
pub(crate) struct Record {
    /// 1-based line number in the input.
    pub(crate) line: usize,
    pub(crate) id: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) body: Body,
    pub(crate) url: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) source: Option<String>,
}

/// The article itself: plain text, or a web page when only `html` is given.
#[derive(Debug, PartialEq)]
pub(crate) enum Body {
    Text(String),
    Html(String),
}

/// The wire shape of a line; unknown fields are ignored so richer exports can be read as they are.
#[derive(Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    title: Option<String>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    published: Option<String>,
    source: Option<String>,
}

/// The records of one JSONL stream, read lazily line by line; each line is limited to `max` bytes, not the
/// file, since a JSONL file is a whole corpus.
pub(crate) struct Records<R> {
    stream: R,
    path: PathBuf,
    max: u64,
    line: usize,
    seen_record: bool,
    done: bool,
}

impl<R: BufRead> Records<R> {
    pub(crate) fn new(stream: R, path: PathBuf, max: u64) -> Records<R> {
        Records { stream, path, max, line: 0, seen_record: false, done: false }
    }

    fn record(&self, bytes: &[u8]) -> Result<Record, IngestError> {
        let json_error = |reason: String| IngestError::Json { path: self.path.clone(), line: self.line, reason };
        let line: Line = serde_json::from_slice(bytes).map_err(|err| json_error(reason(&err)))?;
        let id = match line.id {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(id)) => Some(id),
            Some(serde_json::Value::Number(id)) => Some(id.to_string()),
            Some(_) => return Err(json_error("`id` must be a string or a number".into())),
        };
        let non_blank = |field: Option<String>| field.filter(|value| !value.trim().is_empty());
        let body = match (non_blank(line.text), non_blank(line.html)) {
            (Some(text), _) => Body::Text(text),
            (None, Some(html)) => Body::Html(html),
            (None, None) => return Err(IngestError::NoText { path: self.path.clone(), line: self.line }),
        };
        Ok(Record {
            line: self.line,
            id: non_blank(id),
            title: non_blank(line.title),
            body,
            url: non_blank(line.url),
            published: non_blank(line.published),
            source: non_blank(line.source),
        })
    }
}

/// serde_json's message without its "at line 1 column N" (always line 1 here), with the column kept.
fn reason(err: &serde_json::Error) -> String {
    let message = err.to_string();
    match message.rsplit_once(" at line ") {
        Some((reason, _)) => format!("{reason} (column {})", err.column()),
        None => message,
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Result<Record, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let mut bytes = Vec::new();
            // One byte past the limit tells a line at the limit from one over it.
            let read = Read::take(&mut self.stream, self.max.saturating_add(1)).read_until(b'\n', &mut bytes);
            match read {
                Err(source) => {
                    self.done = true;
                    return Some(Err(IngestError::Read { path: self.path.clone(), source }));
                }
                Ok(0) => {
                    self.done = true;
                    return (!self.seen_record).then(|| Err(IngestError::Empty { path: self.path.clone() }));
                }
                Ok(_) => {}
            }
            self.line += 1;
            if bytes.len() as u64 > self.max && bytes.last() != Some(&b'\n') {
                // The line's end may never come (a stream of zeros, an endless pipe): the rest of the
                // input is abandoned rather than read in search of it.
                self.done = true;
                return Some(Err(IngestError::LineTooLarge {
                    path: self.path.clone(),
                    line: self.line,
                    max: self.max,
                }));
            }
            let content = if self.line == 1 { bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes) } else { &bytes };
            if content.trim_ascii().is_empty() {
                continue;
            }
            self.seen_record = true;
            return Some(self.record(content.trim_ascii()));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(input: &str, max: u64) -> Vec<Result<Record, String>> {
        Records::new(input.as_bytes(), PathBuf::from("corpus.jsonl"), max)
            .map(|record| record.map_err(|err| err.to_string()))
            .collect()
    }

    #[test]
    fn a_broken_line_is_named_and_the_others_go_through() {
        let input = "{\"id\": \"a\", \"text\": \"First.\", \"published\": \"2024-11-22\"}\n\
                     {\"id\": \"b\", \"text\": \"unterminated\n\
                     \n\
                     {\"id\": 7, \"html\": \"<p>Third.</p>\", \"extra\": true}\n";
        let got = records(input, 1000);
        assert_eq!(got.len(), 3);
        let first = got[0].as_ref().unwrap();
        assert_eq!((first.id.as_deref(), &first.body), (Some("a"), &Body::Text("First.".into())));
        assert_eq!(first.published.as_deref(), Some("2024-11-22"));
        let err = got[1].as_ref().unwrap_err();
        assert!(err.starts_with("corpus.jsonl:2: invalid JSON: ") && !err.contains("line 1"), "{err}");
        let third = got[2].as_ref().unwrap();
        assert_eq!((third.line, third.id.as_deref(), &third.body), (4, Some("7"), &Body::Html("<p>Third.</p>".into())));
    }

    #[test]
    fn a_line_without_text_or_html_is_an_error() {
        let got = records("{\"id\": \"a\", \"title\": \"Only a title\", \"text\": \"  \"}\n", 1000);
        assert_eq!(got, [Err("corpus.jsonl:1: no text or html field".to_string())]);
    }

    #[test]
    fn issue_10_an_oversized_line_ends_the_input_with_its_reason() {
        let long = format!("{{\"id\": \"a\", \"text\": \"{}\"}}\n", "x".repeat(100));
        let input = format!("{{\"id\": \"z\", \"text\": \"first\"}}\n{long}{{\"id\": \"b\", \"text\": \"ok\"}}");
        let got = records(&input, 60);
        assert_eq!(got[0].as_ref().map(|r| r.id.as_deref()), Ok(Some("z")));
        assert_eq!(got[1], Err("corpus.jsonl:2: line longer than 60 bytes; the rest of this input is skipped".into()));
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn issue_10_an_endless_line_is_not_read_to_its_end() {
        let endless = std::io::BufReader::new(std::io::repeat(b'x'));
        let got: Vec<_> = Records::new(endless, PathBuf::from("-"), 1 << 16).map(|r| r.map(|_| ())).collect();
        assert_eq!(got.len(), 1);
        assert!(matches!(got[0], Err(IngestError::LineTooLarge { line: 1, .. })));
    }

    #[test]
    fn no_records_is_an_empty_file() {
        assert_eq!(records("\n \n", 1000), [Err("corpus.jsonl: empty file".to_string())]);
        assert_eq!(records("", 1000), [Err("corpus.jsonl: empty file".to_string())]);
    }
}
