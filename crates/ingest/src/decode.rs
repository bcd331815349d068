//! Bytes to text: byte-order marks, UTF-8, otherwise a detected legacy encoding; binary data is refused.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;

/// Why bytes are not an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    Empty,
    Binary,
    Undecodable,
}

/// How many leading bytes the binary check looks at: enough to judge, cheap on big files.
const SNIFF_LEN: usize = 64 * 1024;

/// Text has almost no control characters; past this share (1 in 50) the bytes are not prose.
const MAX_CONTROL_SHARE: f64 = 0.02;

/// Text and, when the bytes were not UTF-8, the legacy encoding they were read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub text: String,
    pub legacy: Option<&'static str>,
}

/// Decodes `bytes` into text. Text that is empty or only whitespace is `Empty`.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, Refusal> {
    let mut legacy = None;
    let text = match Encoding::for_bom(bytes) {
        // A BOM names its encoding outright; UTF-16 legitimately holds NUL bytes, so no binary check.
        Some((encoding, bom_len)) => encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[bom_len..])
            .ok_or(Refusal::Undecodable)?
            .into_owned(),
        None => {
            if looks_binary(bytes) {
                return Err(Refusal::Binary);
            }
            match std::str::from_utf8(bytes) {
                Ok(text) => text.to_string(),
                Err(_) => {
                    let (text, encoding) = decode_legacy(bytes)?;
                    legacy = Some(encoding);
                    text
                }
            }
        }
    };
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    Ok(Decoded { text, legacy })
}

/// Any NUL byte, or too many other control characters, in the first [`SNIFF_LEN`] bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    if sample.contains(&0) {
        return true;
    }
    let controls =
        sample.iter().filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f).count();
    !sample.is_empty() && controls as f64 / sample.len() as f64 > MAX_CONTROL_SHARE
}

/// Not UTF-8: let chardetng pick the most likely legacy encoding (windows-1252 for most Western text).
fn decode_legacy(bytes: &[u8]) -> Result<(String, &'static str), Refusal> {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Deny);
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| (text.into_owned(), encoding.name()))
        .ok_or(Refusal::Undecodable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        assert_eq!(
            decode("Talks resume in Doha — “slowly”.".as_bytes()).unwrap().text,
            "Talks resume in Doha — “slowly”."
        );
    }

    #[test]
    fn utf8_bom_is_stripped() {
        assert_eq!(decode(b"\xef\xbb\xbfTalks resume.").unwrap().text, "Talks resume.");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend("Truce".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&bytes).unwrap().text, "Truce");
    }

    #[test]
    fn windows_1252_is_detected() {
        let bytes = b"The delegates met at a caf\xe9 near the ministry and agreed on a d\xe9tente \x93for now\x94.";
        assert_eq!(decode(bytes).unwrap().legacy, Some("windows-1252"));
        assert_eq!(
            decode(bytes).unwrap().text,
            "The delegates met at a café near the ministry and agreed on a détente \u{201c}for now\u{201d}."
        );
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00text"), Err(Refusal::Binary));
    }

    #[test]
    fn many_control_characters_are_binary() {
        let bytes: Vec<u8> = (0..200u8).map(|i| if i % 10 == 0 { 0x01 } else { b'a' }).collect();
        assert_eq!(decode(&bytes), Err(Refusal::Binary));
    }

    #[test]
    fn blank_is_empty() {
        assert_eq!(decode(b""), Err(Refusal::Empty));
        assert_eq!(decode(b" \n\t\n"), Err(Refusal::Empty));
    }
}
