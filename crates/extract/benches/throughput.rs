//! Extraction throughput: the fixture reports repeated to about 5 MB, run through `Extractor::extract`.
//!
//! Prints MB/s, articles/s and sentences/s, and asserts how much it processed so it cannot time nothing.
//! Run with `cargo bench -p accord-extract`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use accord_extract::Extractor;
use accord_ingest::Reader;
use accord_lexicon::{DataFiles, Lexicon};
use accord_model::Article;
use accord_text::Doc;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/reports");
const TARGET_BYTES: usize = 5 * 1024 * 1024;

fn main() {
    let reader = Reader::new(&DataFiles::embedded()).expect("built-in boilerplate cues parse");
    let paths = [PathBuf::from(FIXTURES)];
    let fixtures: Vec<Article> =
        reader.read(&paths).map(|item| item.unwrap_or_else(|err| panic!("fixture unreadable: {err}"))).collect();
    assert!(!fixtures.is_empty(), "no fixture reports in {FIXTURES}");
    let fixture_bytes: usize = fixtures.iter().map(|a| a.text.len()).sum();
    let repeats = TARGET_BYTES.div_ceil(fixture_bytes);

    // Distinct ids per copy, as a real corpus would have; the text is what is timed.
    let corpus: Vec<Article> = (0..repeats)
        .flat_map(|copy| fixtures.iter().map(move |a| Article { id: format!("{}#{copy}", a.id), ..a.clone() }))
        .collect();
    let corpus_bytes: usize = corpus.iter().map(|a| a.text.len()).sum();

    let extractor = Extractor::new(Lexicon::embedded());
    let sentences: usize = corpus.iter().map(|a| Doc::new(a, &extractor.lexicon().cues).sentences.len()).sum();
    // Positions per copy of the fixtures, from an untimed warm-up pass.
    let positions_per_copy: usize = fixtures.iter().map(|a| extractor.extract(a).positions.len()).sum();

    let start = Instant::now();
    let (mut articles, mut bytes, mut positions) = (0usize, 0usize, 0usize);
    for article in &corpus {
        let document = black_box(extractor.extract(black_box(article)));
        articles += 1;
        bytes += document.text.len();
        positions += document.positions.len();
    }
    let seconds = start.elapsed().as_secs_f64();

    assert_eq!(articles, fixtures.len() * repeats, "every article is extracted");
    assert_eq!(bytes, corpus_bytes, "every byte of the corpus reaches the extractor");
    assert!(positions > 0, "extraction found no positions: it timed nothing useful");
    assert_eq!(positions, positions_per_copy * repeats, "extraction is deterministic across copies");

    println!(
        "extract/throughput: {articles} articles ({} fixtures x {repeats}), {:.2} MB, {sentences} sentences, \
         {positions} positions in {seconds:.2} s",
        fixtures.len(),
        corpus_bytes as f64 / 1e6,
    );
    println!(
        "  {:.2} MB/s   {:.0} articles/s   {:.0} sentences/s",
        corpus_bytes as f64 / 1e6 / seconds,
        articles as f64 / seconds,
        sentences as f64 / seconds,
    );
}
