//! Cost against the size of ONE report: the fixture reports' paragraphs joined into single reports of
//! 64 KiB to 16 MiB, each run through `Extractor::extract` on one thread.
//!
//! Prints seconds per MiB for each size, so a cost that grows faster than the text shows as a rising
//! column, and asserts that every size is read whole into sentences in proportion to its size and finds
//! at least the positions of the smallest (a report states each distinct position once).
//! Run with `cargo bench -p accord-extract --bench report_size`.

use std::path::PathBuf;
use std::time::Instant;

use accord_extract::Extractor;
use accord_ingest::Reader;
use accord_lexicon::{DataFiles, Lexicon};
use accord_model::Article;
use accord_text::Doc;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/reports");
const SIZES_KIB: &[usize] = &[64, 128, 256, 1024, 4096, 16384];

fn main() {
    let reader = Reader::new(&DataFiles::embedded()).expect("built-in boilerplate cues parse");
    let paths = [PathBuf::from(FIXTURES)];
    let paragraphs: Vec<String> = reader
        .read(&paths)
        .map(|item| item.unwrap_or_else(|err| panic!("fixture unreadable: {err}")))
        .flat_map(|article| article.text.split("\n\n").map(str::to_string).collect::<Vec<_>>())
        .filter(|p| p.split_whitespace().count() >= 12)
        .collect();
    assert!(paragraphs.len() > 20, "too few fixture paragraphs in {FIXTURES}");

    let extractor = Extractor::new(Lexicon::embedded());
    let mut per_mib = Vec::new();
    let mut smallest_positions = None;
    for &kib in SIZES_KIB {
        let article = report_of(&paragraphs, kib * 1024);
        let sentences = Doc::new(&article, &extractor.lexicon().cues).sentences.len();
        let start = Instant::now();
        let document = extractor.extract(&article);
        let seconds = start.elapsed().as_secs_f64();
        let mib = article.text.len() as f64 / (1024.0 * 1024.0);
        assert_eq!(document.text.len(), article.text.len(), "the whole report reaches the extractor");
        assert!(sentences as f64 >= 2000.0 * mib, "{kib} KiB: only {sentences} sentences");
        let positions = document.positions.len();
        assert!(positions > 0 && positions >= *smallest_positions.get_or_insert(positions), "{kib} KiB: {positions}");
        println!(
            "extract/report_size: {kib:>6} KiB  {sentences:>7} sentences  {positions:>4} positions  {seconds:>7.3} s  \
             {:.3} s/MiB",
            seconds / mib
        );
        per_mib.push(seconds / mib);
    }
    let (smallest, largest) = (per_mib[0], per_mib[per_mib.len() - 1]);
    println!("  s/MiB at 16 MiB over s/MiB at 64 KiB: {:.2} (1.0 is linear)", largest / smallest);
}

/// One report of about `bytes` bytes: the paragraphs in turn, blank-line separated, under one headline.
fn report_of(paragraphs: &[String], bytes: usize) -> Article {
    let mut text = String::from("Negotiators trade proposals as talks resume\n\n");
    for paragraph in paragraphs.iter().cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    Article { id: format!("report-{bytes}"), text, ..Article::default() }
}
