//! Ledger build throughput: the fixture reports, extracted once, repeated to 3,000 documents under distinct ids
//! (the same people and positions reported over and over, as in a news crawl), then folded into one ledger.
//!
//! Prints documents/s and positions/s, and asserts the ledger holds every document so it cannot time nothing.
//! Run with `cargo bench -p accord-ledger`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use accord_extract::Extractor;
use accord_ingest::Reader;
use accord_lexicon::{DataFiles, Lexicon};
use accord_model::Document;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/reports");
const TARGET_DOCUMENTS: usize = 3_000;

fn main() {
    let reader = Reader::new(&DataFiles::embedded()).expect("built-in boilerplate cues parse");
    let extractor = Extractor::new(Lexicon::embedded());
    let fixtures: Vec<Document> = reader
        .read(&[PathBuf::from(FIXTURES)])
        .map(|item| extractor.extract(&item.unwrap_or_else(|err| panic!("fixture unreadable: {err}"))))
        .collect();
    assert!(!fixtures.is_empty(), "no fixture reports in {FIXTURES}");
    let repeats = TARGET_DOCUMENTS.div_ceil(fixtures.len());
    let corpus: Vec<Document> = (0..repeats)
        .flat_map(|copy| fixtures.iter().map(move |d| Document { id: format!("{}#{copy}", d.id), ..d.clone() }))
        .collect();
    let positions: usize = corpus.iter().map(|d| d.positions.len()).sum();

    let start = Instant::now();
    let ledger = black_box(accord_ledger::build(black_box(&corpus)));
    let seconds = start.elapsed().as_secs_f64();

    let sources: usize = ledger.negotiations.iter().map(|n| n.documents.len()).sum();
    assert!(positions > 0, "the fixtures gave no positions: the ledger would time nothing useful");
    assert!(sources >= corpus.len() / 2, "most documents belong to a negotiation ({sources} of {})", corpus.len());

    println!(
        "ledger/build: {} documents ({} fixtures x {repeats}), {positions} positions, {} negotiations in {seconds:.2} s",
        corpus.len(),
        fixtures.len(),
        ledger.negotiations.len(),
    );
    println!("  {:.0} documents/s   {:.0} positions/s", corpus.len() as f64 / seconds, positions as f64 / seconds);
}
