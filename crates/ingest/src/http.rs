//! The HTTP response inside a WARC `response` record: status and headers (httparse), then the body of an
//! HTML page, de-chunked and decompressed as its headers say, never more than the size limit.

use std::io::{BufRead, Read};

use encoding_rs::Encoding;
use flate2::read::{GzDecoder, ZlibDecoder};

use crate::warc::WarcProblem;

/// The longest HTTP header block read; a longer one is not a response head.
const MAX_HEAD: u64 = 64 * 1024;

/// More header fields than this is not a real response.
const MAX_FIELDS: usize = 128;

/// What a response record holds, as far as reading articles goes.
#[derive(Debug, PartialEq)]
pub(crate) enum Response {
    Html {
        body: Vec<u8>,
        charset: Option<&'static Encoding>,
    },
    NotHtml,
    /// Redirects and errors: their bodies are server notices, not the page.
    NotOk,
}

/// Reads the response in `block` (one record's content), the body only when it is an HTML page of at most
/// `max` bytes, both as stored and once decompressed. The caller drains what is left of the block.
pub(crate) fn read_response(block: &mut impl BufRead, max: u64) -> Result<Response, WarcProblem> {
    let head = read_head(block)?;
    let mut fields = [httparse::EMPTY_HEADER; MAX_FIELDS];
    let mut response = httparse::Response::new(&mut fields);
    match response.parse(&head) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => return Err(WarcProblem::Http("incomplete header block".into())),
        Err(err) => return Err(WarcProblem::Http(err.to_string())),
    }
    if !response.code.is_some_and(|code| (200..300).contains(&code)) {
        return Ok(Response::NotOk);
    }
    let field = |name: &str| {
        response.headers.iter().find(|h| h.name.eq_ignore_ascii_case(name)).map(|h| String::from_utf8_lossy(h.value))
    };
    let content_type = field("content-type").unwrap_or_default().to_ascii_lowercase();
    let mut params = content_type.split(';').map(str::trim);
    if !matches!(params.next(), Some("text/html" | "application/xhtml+xml")) {
        return Ok(Response::NotHtml);
    }
    let charset = params
        .find_map(|param| param.strip_prefix("charset="))
        .and_then(|label| Encoding::for_label(label.trim_matches('"').as_bytes()));
    let mut body = read_limited(block, max)?;
    if field("transfer-encoding").is_some_and(|value| value.to_ascii_lowercase().contains("chunked")) {
        // Crawlers usually store the body de-chunked and keep the header: then it is read as it is.
        if let Some(joined) = dechunk(&body) {
            body = joined;
        }
    }
    let encoding = field("content-encoding").unwrap_or_default().trim().to_ascii_lowercase();
    body = match encoding.as_str() {
        "" | "identity" => body,
        // As with chunking, a body stored already decompressed keeps its header: gzip has a magic number.
        "gzip" | "x-gzip" if !body.starts_with(&[0x1f, 0x8b]) => body,
        "gzip" | "x-gzip" => inflate(GzDecoder::new(&body[..]), max, "gzip")?,
        "deflate" => inflate(ZlibDecoder::new(&body[..]), max, "deflate")?,
        other => return Err(WarcProblem::Http(format!("unsupported Content-Encoding {other:?}"))),
    };
    Ok(Response::Html { body, charset })
}

/// The status line and header fields up to and including the blank line that ends them.
fn read_head(block: &mut impl BufRead) -> Result<Vec<u8>, WarcProblem> {
    let mut head = Vec::new();
    loop {
        let left = MAX_HEAD - head.len() as u64;
        let read = block.take(left).read_until(b'\n', &mut head).map_err(WarcProblem::Read)?;
        if read == 0 {
            return Err(match head.len() as u64 >= MAX_HEAD {
                true => WarcProblem::Http(format!("header block longer than {MAX_HEAD} bytes")),
                false => WarcProblem::Http("no blank line ends the header block".into()),
            });
        }
        if head.ends_with(b"\n\r\n") || head.ends_with(b"\n\n") {
            return Ok(head);
        }
    }
}

/// Everything left in `stream`, refused past `max` bytes without reading further.
fn read_limited(stream: impl Read, max: u64) -> Result<Vec<u8>, WarcProblem> {
    let mut bytes = Vec::new();
    // One byte past the limit tells "exactly at the limit" from "over it".
    stream.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(WarcProblem::Read)?;
    match bytes.len() as u64 > max {
        true => Err(WarcProblem::TooLarge { max }),
        false => Ok(bytes),
    }
}

fn inflate(decoder: impl Read, max: u64, name: &str) -> Result<Vec<u8>, WarcProblem> {
    read_limited(decoder, max).map_err(|problem| match problem {
        WarcProblem::Read(err) => WarcProblem::Http(format!("{name} body cannot be decompressed: {err}")),
        other => other,
    })
}

/// The chunks of a chunked body joined, or `None` when the body is not chunked after all.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut joined = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let (consumed, size) = match httparse::parse_chunk_size(rest) {
            Ok(httparse::Status::Complete(found)) => found,
            _ => return None,
        };
        let size = usize::try_from(size).ok()?;
        rest = &rest[consumed..];
        if size == 0 {
            return Some(joined);
        }
        joined.extend_from_slice(rest.get(..size)?);
        rest = rest[size..].strip_prefix(b"\r\n").or_else(|| rest[size..].strip_prefix(b"\n"))?;
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn response(head: &str, body: &[u8]) -> Result<Response, String> {
        let bytes = [head.replace('\n', "\r\n").as_bytes(), b"\r\n", body].concat();
        read_response(&mut &bytes[..], 1000).map_err(|problem| problem.to_string())
    }

    fn html(body: &[u8]) -> Response {
        Response::Html { body: body.to_vec(), charset: None }
    }

    #[test]
    fn an_html_page_gives_its_body_and_charset() {
        let got = response("HTTP/1.1 200 OK\nContent-Type: text/html; charset=\"ISO-8859-1\"\n", b"<p>caf\xe9</p>");
        assert_eq!(
            got,
            Ok(Response::Html { body: b"<p>caf\xe9</p>".to_vec(), charset: Some(encoding_rs::WINDOWS_1252) })
        );
        assert_eq!(
            response("HTTP/1.0 200 OK\ncontent-type: application/xhtml+xml\n", b"<p>x</p>"),
            Ok(html(b"<p>x</p>"))
        );
    }

    #[test]
    fn other_types_and_statuses_are_not_read() {
        assert_eq!(response("HTTP/1.1 200 OK\nContent-Type: application/pdf\n", b"%PDF-1.7"), Ok(Response::NotHtml));
        assert_eq!(response("HTTP/1.1 200 OK\n", b"<p>no type</p>"), Ok(Response::NotHtml));
        assert_eq!(response("HTTP/1.1 301 Moved\nContent-Type: text/html\n", b"<a>here</a>"), Ok(Response::NotOk));
    }

    #[test]
    fn chunked_and_compressed_bodies_are_undone() {
        let chunked = b"5\r\n<p>ab\r\n6;ext=1\r\nc</p>\n\r\n0\r\n\r\n";
        let head = "HTTP/1.1 200 OK\nContent-Type: text/html\nTransfer-Encoding: chunked\n";
        assert_eq!(response(head, chunked), Ok(html(b"<p>abc</p>\n")));
        assert_eq!(response(head, b"<p>stored de-chunked</p>"), Ok(html(b"<p>stored de-chunked</p>")));
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gzip.write_all(b"<p>zipped</p>").unwrap();
        let gzip = gzip.finish().unwrap();
        let head = "HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: gzip\n";
        assert_eq!(response(head, &gzip), Ok(html(b"<p>zipped</p>")));
        assert_eq!(response(head, b"<p>stored unzipped</p>"), Ok(html(b"<p>stored unzipped</p>")));
        let broken = [&gzip[..12], b"garbage"].concat();
        assert!(response(head, &broken).unwrap_err().starts_with("HTTP: gzip body cannot be decompressed"));
        let head = "HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: br\n";
        assert_eq!(response(head, b"x"), Err("HTTP: unsupported Content-Encoding \"br\"".into()));
    }

    #[test]
    fn limits_hold_as_stored_and_decompressed() {
        let head = "HTTP/1.1 200 OK\nContent-Type: text/html\n";
        assert_eq!(response(head, &[b'a'; 1000]), Ok(html(&[b'a'; 1000])), "exactly at the limit");
        let too_large = Err("HTML body larger than 1000 bytes".to_string());
        assert_eq!(response(head, &[b'a'; 1001]), too_large);
        let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        bomb.write_all(&[b'a'; 100_000]).unwrap();
        let bomb = bomb.finish().unwrap();
        assert!(bomb.len() < 1000);
        assert_eq!(response("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: gzip\n", &bomb), too_large);
    }

    #[test]
    fn a_broken_head_is_an_error() {
        assert!(response("HTTP/1.1 200 OK\nBad Header\n", b"").unwrap_err().starts_with("HTTP: "));
        let unended = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n";
        assert_eq!(
            read_response(&mut &unended[..], 1000).map_err(|p| p.to_string()),
            Err("HTTP: no blank line ends the header block".into())
        );
        let endless = std::io::BufReader::new(std::io::repeat(b'x'));
        let got = read_response(&mut endless.take(1 << 20), 1000).map_err(|p| p.to_string());
        assert_eq!(got, Err(format!("HTTP: header block longer than {MAX_HEAD} bytes")));
    }
}
