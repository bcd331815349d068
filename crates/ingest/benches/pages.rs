//! Ingest throughput: the 181 web pages of the article-extraction benchmark (`../shared/eval`), each read
//! from its bytes as a `.html` file is (decoding, page furniture, Readability, dates, cleaning).
//!
//! Prints pages/s and MB/s, and asserts how many pages it read so it cannot time nothing.
//! Run with `taskset -c 0 cargo bench -p accord-ingest` for the one-core figure.

use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use accord_ingest::Reader;
use accord_lexicon::DataFiles;
use flate2::read::GzDecoder;

const PAGES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval/article-extraction/html");
/// How many times the pages are read: enough for a few seconds of work.
const ROUNDS: usize = 5;

fn main() {
    let folder = Path::new(PAGES);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|err| panic!("{PAGES}: {err}; put ../shared beside the repository"))
        .map(|entry| entry.expect("folder entry").path())
        .filter(|path| path.to_string_lossy().ends_with(".html.gz"))
        .collect();
    paths.sort();
    let pages: Vec<(PathBuf, Vec<u8>)> = paths
        .iter()
        .map(|path| {
            let mut html = Vec::new();
            GzDecoder::new(std::fs::File::open(path).expect("page opens")).read_to_end(&mut html).expect("gzip");
            (path.with_extension(""), html)
        })
        .collect();
    assert_eq!(pages.len(), 181, "the benchmark holds 181 pages");
    let bytes: usize = pages.iter().map(|(_, html)| html.len()).sum();

    let reader = Reader::new(&DataFiles::embedded()).expect("built-in data files parse");
    let start = Instant::now();
    let (mut articles, mut text_bytes) = (0usize, 0usize);
    for _ in 0..ROUNDS {
        for (name, html) in &pages {
            for article in black_box(reader.read_bytes(name, html)).into_iter().flatten() {
                articles += 1;
                text_bytes += article.text.len();
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64();

    let read = pages.len() * ROUNDS;
    assert!(articles >= read * 95 / 100, "only {articles} of {read} pages gave an article");
    assert!(text_bytes > 0, "no article text: nothing useful was timed");
    let megabytes = (bytes * ROUNDS) as f64 / 1e6;
    println!(
        "ingest/pages: {read} pages ({} x {ROUNDS}), {megabytes:.1} MB of HTML, {articles} articles in {seconds:.2} s",
        pages.len()
    );
    println!("ingest/pages: {:.1} pages/s, {:.2} MB/s of HTML", read as f64 / seconds, megabytes / seconds);
}
