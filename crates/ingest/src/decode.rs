//! Bytes to text: byte-order marks (UTF-8, UTF-16, UTF-32), UTF-8 (kept as UTF-8 when only a few bytes are
//! bad, which are replaced and counted), otherwise a detected legacy encoding; binary data is refused.

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

/// A few stray NUL bytes are damage to clean away (1 in 100 at most, so that a short report with three
/// of them is still read); more are a binary format. Random bytes fail the control-character share.
const MAX_NUL_SHARE: f64 = 0.01;

/// Prose in a script that spaces its words has a space every few words; random bytes read through a
/// single-byte encoding have almost none. Below this share of whitespace such a decoding is refused.
const MIN_SPACE_SHARE: f64 = 0.03;

/// Text and how it was had: the legacy encoding when the bytes were not UTF-8, and how many bad bytes
/// were replaced in text that is otherwise UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub text: String,
    pub legacy: Option<&'static str>,
    pub replaced: usize,
}

/// Decodes `bytes` into text. Text that is empty or only whitespace is `Empty`.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, Refusal> {
    decode_declared(bytes, None)
}

/// Decodes `bytes` as [`decode`] does, except that bytes which are not UTF-8 are read in the `declared`
/// encoding (an HTTP header's charset), when there is one, instead of a guessed one.
pub(crate) fn decode_declared(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, Refusal> {
    let mut decoded = Decoded { text: String::new(), legacy: None, replaced: 0 };
    if let Some(text) = decode_utf32(bytes) {
        decoded.text = text?;
    } else if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        // A BOM names its encoding outright; UTF-16 legitimately holds NUL bytes, so no binary check.
        decoded.text = encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[bom_len..])
            .ok_or(Refusal::Undecodable)?
            .into_owned();
    } else {
        if looks_binary(bytes) {
            return Err(Refusal::Binary);
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => decoded.text = text.to_string(),
            Err(_) => match mostly_utf8(bytes) {
                Some((text, replaced)) => (decoded.text, decoded.replaced) = (text, replaced),
                None => {
                    let (text, encoding) = decode_legacy(bytes, declared, looks_like_markup(bytes))?;
                    (decoded.text, decoded.legacy) = (text, Some(encoding));
                }
            },
        }
        // Stray NULs and other control bytes (few enough to pass the binary check) are damage, not text.
        if decoded.text.contains(is_stray_control) {
            decoded.text.retain(|c| !is_stray_control(c));
        }
    }
    if decoded.text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    Ok(decoded)
}

/// UTF-32 with its byte-order mark (`FF FE 00 00` little-endian, `00 00 FE FF` big-endian), which must be
/// told apart before UTF-16's shorter mark matches the little-endian one. `None` without such a mark.
fn decode_utf32(bytes: &[u8]) -> Option<Result<String, Refusal>> {
    let little = match bytes {
        [0xff, 0xfe, 0, 0, ..] => true,
        [0, 0, 0xfe, 0xff, ..] => false,
        _ => return None,
    };
    let body = &bytes[4..];
    if !body.len().is_multiple_of(4) {
        return Some(Err(Refusal::Undecodable));
    }
    let text = body
        .chunks_exact(4)
        .map(|unit| {
            let unit = [unit[0], unit[1], unit[2], unit[3]];
            char::from_u32(if little { u32::from_le_bytes(unit) } else { u32::from_be_bytes(unit) })
        })
        .collect::<Option<String>>()
        .ok_or(Refusal::Undecodable);
    Some(text)
}

/// Bytes that are UTF-8 but for a few bad ones: the text with each bad sequence replaced by U+FFFD, and how
/// many were. UTF-8 it is when its valid multi-byte characters outnumber the bad sequences; a legacy
/// encoding's accented letters are all bad sequences and none valid.
fn mostly_utf8(bytes: &[u8]) -> Option<(String, usize)> {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    (multibyte > invalid).then(|| (String::from_utf8_lossy(bytes).into_owned(), invalid))
}

/// Too many NUL bytes, or too many other control characters, in the first [`SNIFF_LEN`] bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    if sample.is_empty() {
        return false;
    }
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    let controls =
        sample.iter().filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f).count();
    let share = |n: usize| n as f64 / sample.len() as f64;
    share(nuls) > MAX_NUL_SHARE || share(controls) > MAX_CONTROL_SHARE
}

/// A control character that text never holds: everything below U+0020 but tab, line feed, carriage return
/// and form feed, and DEL.
fn is_stray_control(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) || c == '\u{7f}'
}

/// Whether the bytes open as an HTML document: a tag first, and `<html` or a doctype in the first KiB.
/// Random bytes do not; minified pages (long scripts, few spaces) do, and need no prose test.
fn looks_like_markup(bytes: &[u8]) -> bool {
    const HEAD: usize = 1024;
    let head = bytes.trim_ascii_start();
    let head = &head[..head.len().min(HEAD)];
    let lower = head.to_ascii_lowercase();
    head.starts_with(b"<")
        && [&b"<html"[..], b"<!doctype"].iter().any(|tag| lower.windows(tag.len()).any(|w| w == *tag))
}

/// Not UTF-8: the declared encoding, else chardetng's most likely legacy one (windows-1252 for most Western
/// text). A web page (`markup`) need not read as prose: its scripts may leave few spaces in the part sampled.
fn decode_legacy(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
    markup: bool,
) -> Result<(String, &'static str), Refusal> {
    let encoding = declared.filter(|&encoding| encoding != encoding_rs::UTF_8).unwrap_or_else(|| {
        let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, Utf8Detection::Deny)
    });
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes).ok_or(Refusal::Undecodable)?;
    if !reads_as_text(&text, encoding, markup) {
        return Err(Refusal::Binary);
    }
    Ok((text.into_owned(), encoding.name()))
}

/// Whether a legacy decoding reads as text: few control characters (C1 controls are what stray high bytes
/// become in windows-1252), and, in a single-byte encoding, spaces between words unless it is markup.
fn reads_as_text(text: &str, encoding: &'static Encoding, markup: bool) -> bool {
    let (mut chars, mut controls, mut spaces) = (0usize, 0usize, 0usize);
    for c in text.chars().take(SNIFF_LEN) {
        chars += 1;
        controls += usize::from(c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'));
        spaces += usize::from(c.is_whitespace());
    }
    let share = |n: usize| n as f64 / chars.max(1) as f64;
    share(controls) <= MAX_CONTROL_SHARE && (markup || !encoding.is_single_byte() || share(spaces) >= MIN_SPACE_SHARE)
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
    fn a_declared_encoding_wins_over_the_guess_but_not_over_utf8() {
        let bytes = b"The delegates met at a caf\xe9 near the ministry and agreed on a d\xe9tente for now.";
        let cyrillic = decode_declared(bytes, Some(encoding_rs::WINDOWS_1251)).unwrap();
        assert_eq!((cyrillic.legacy, cyrillic.text.contains("caf\u{439}")), (Some("windows-1251"), true));
        let utf8 = "Talks resume in Doha \u{2014} slowly.".as_bytes();
        assert_eq!(decode_declared(utf8, Some(encoding_rs::WINDOWS_1251)).unwrap().legacy, None);
        let mislabelled = decode_declared(bytes, Some(encoding_rs::UTF_8)).unwrap();
        assert_eq!(mislabelled.legacy, Some("windows-1252"), "a wrong UTF-8 label falls back to the guess");
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00text"), Err(Refusal::Binary));
    }

    #[test]
    fn issue_10_a_few_stray_nuls_are_cleaned_away() {
        let mut bytes = "Talks resume in Doha. ".repeat(200).into_bytes();
        bytes[50] = 0;
        let decoded = decode(&bytes).unwrap();
        assert!(!decoded.text.contains('\0') && decoded.text.len() == bytes.len() - 1);

        let mut short =
            "Hamas said it accepted the proposal. Israel has not yet answered, officials said. ".repeat(5).into_bytes();
        for at in [5, 130, 260] {
            short.insert(at, 0);
        }
        assert_eq!(decode(&short).unwrap().text.len(), short.len() - 3, "three NULs in a short report are cleaned");
    }

    #[test]
    fn issue_10_utf8_with_a_stray_byte_stays_utf8() {
        let mut bytes = "Kyiv’s negotiators – and Moscow’s – met in Istanbul. ".repeat(20).into_bytes();
        bytes.insert(30, 0xe9);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.legacy, None);
        assert_eq!(decoded.replaced, 1);
        assert!(decoded.text.contains("Kyiv’s") && decoded.text.contains('\u{fffd}'));
    }

    #[test]
    fn issue_10_utf32_with_a_bom_is_decoded() {
        let le: Vec<u8> = [0xff, 0xfe, 0, 0]
            .into_iter()
            .chain("Truce — now".chars().flat_map(|c| (c as u32).to_le_bytes()))
            .collect();
        let be: Vec<u8> = [0, 0, 0xfe, 0xff]
            .into_iter()
            .chain("Truce — now".chars().flat_map(|c| (c as u32).to_be_bytes()))
            .collect();
        assert_eq!(decode(&le).unwrap().text, "Truce — now");
        assert_eq!(decode(&be).unwrap().text, "Truce — now");
        assert_eq!(decode(&le[..le.len() - 1]), Err(Refusal::Undecodable));
    }

    #[test]
    fn issue_10_random_high_bytes_are_binary() {
        let mut state = 0x2545_f491_u32;
        let bytes: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                0x80 | (state as u8)
            })
            .collect();
        assert_eq!(decode(&bytes), Err(Refusal::Binary));
    }

    #[test]
    fn many_control_characters_are_binary() {
        let bytes: Vec<u8> = (0..200u8).map(|i| if i % 10 == 0 { 0x01 } else { b'a' }).collect();
        assert_eq!(decode(&bytes), Err(Refusal::Binary));
    }

    #[test]
    fn stray_control_bytes_are_cleaned_away() {
        let mut bytes = "Both delegations will return to Muscat next week. ".repeat(40).into_bytes();
        for (at, byte) in [(7, 0x01), (300, 0x1b), (900, 0x7f), (1500, 0x00)] {
            bytes.insert(at, byte);
        }
        let text = decode(&bytes).unwrap().text;
        assert_eq!(text, "Both delegations will return to Muscat next week. ".repeat(40));
    }

    #[test]
    fn a_legacy_page_with_few_spaces_is_read_as_a_page() {
        let script = "var a=b?c:d;".repeat(600);
        let page = format!(
            "<!DOCTYPE html><html><head><script>{script}</script></head><body><p>Die Gespr\u{e4}che gehen weiter.</p></body></html>"
        );
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.legacy, Some("windows-1252"));
        assert!(decoded.text.contains("Gespräche"));

        let prose_free = "x=b?c:d;\u{e4}".repeat(600);
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&prose_free);
        assert_eq!(decode(&bytes), Err(Refusal::Binary), "without markup the prose test still applies");
    }

    #[test]
    fn blank_is_empty() {
        assert_eq!(decode(b""), Err(Refusal::Empty));
        assert_eq!(decode(b" \n\t\n"), Err(Refusal::Empty));
    }
}
