//! Raw bytes as a `--data-dir` override of one data file (the first byte picks which): the lexicon either
//! loads or returns an error naming the file and line; it never panics.
#![no_main]

use accord_lexicon::{DataFiles, Lexicon};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let names: Vec<&str> = DataFiles::names().collect();
    let name = names[usize::from(selector) % names.len()];
    let dir = std::env::temp_dir().join(format!("accord-fuzz-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join(name), bytes).expect("write override");
    let files = DataFiles::with_override(&dir);
    if let Ok(lexicon) = Lexicon::load(&files) {
        let extractor = accord_extract::Extractor::new(lexicon);
        let reader = accord_ingest::Reader::new(&files);
        if let Ok(reader) = reader {
            let text = "Hamas rejected the plan. Israel demanded 20 hostages within 7 days, officials said.";
            for article in reader.read_bytes(std::path::Path::new("probe.txt"), text.as_bytes()).into_iter().flatten() {
                extractor.extract(&article);
            }
        }
    }
    std::fs::remove_file(dir.join(name)).expect("remove override");
});
