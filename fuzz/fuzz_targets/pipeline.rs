//! Raw bytes through the whole pipeline: read as a `.txt`, `.html` or `.jsonl` file (the first byte picks
//! which), cleaned, extracted, and folded into the ledger. Any panic is a bug.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use accord_extract::Extractor;
use accord_ingest::Reader;
use accord_lexicon::{DataFiles, Lexicon};
use libfuzzer_sys::fuzz_target;

static READER: LazyLock<Reader> = LazyLock::new(|| Reader::new(&DataFiles::embedded()).expect("built-in cues parse"));
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(Lexicon::embedded()));

const NAMES: &[&str] = &["fuzz.txt", "fuzz.html", "fuzz.jsonl"];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let name = Path::new(NAMES[usize::from(selector) % NAMES.len()]);
    let documents: Vec<_> =
        READER.read_bytes(name, bytes).into_iter().flatten().map(|article| EXTRACTOR.extract(&article)).collect();
    for document in &documents {
        for position in &document.positions {
            assert_eq!(position.evidence, position.span.slice(&document.text), "evidence is its span's text");
        }
    }
    accord_ledger::build(&documents);
});
