//! The one CLI test binary: drives the real `accord` binary on temp folders and on `tests/fixtures`.
//!
//! Re-bless the expected fixture output after an intended extraction change with
//! `ACCORD_BLESS=1 cargo test -p accord-cli --test cli fixtures_match_blessed_output`.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

// ---------------------------------------------------------------------------------------------------------
// Harness

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/reports");
const EXPECTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/expected");
const WARC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/warc/talks.warc");

const ISSUES: &[&str] = &[
    "ceasefire",
    "withdrawal",
    "hostages_prisoners",
    "humanitarian_aid",
    "guarantees",
    "disarmament_security",
    "governance",
    "reconstruction",
    "territory_borders",
    "sanctions_economic",
    "phasing_timeline",
    "political_status_recognition",
    "justice_accountability",
    "talks_process",
    "other",
];
const STANCES: &[&str] = &["demand", "offer", "accept", "reject", "condition", "insist", "concede"];
const STATUSES: &[&str] = &["ongoing", "stalled", "agreement", "collapsed", "unclear"];

/// An original four-sentence report (written for this test) with one clear rejection in it.
const REPORT: &str = "Envoys from Moscow and Kyiv spent a second day in a Riyadh hotel on Tuesday without agreeing on a date for the next round.\n\n\
Russia rejected Ukraine's demand for a 30-day ceasefire along the whole front line, a Kremlin spokesman told reporters.\n\n\
Ukraine insists on the release of all prisoners of war before any wider settlement, its foreign minister said.\n\n\
Saudi Arabia, which hosted the meeting, said both delegations would return to their capitals for consultations.\n";

/// What one run of the binary left behind.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|err| panic!("stdout is not JSON ({err}):\n{}\nstderr:\n{}", self.stdout, self.stderr))
    }

    /// The stderr line that names `name`, if any.
    fn stderr_line(&self, name: &str) -> Option<&str> {
        self.stderr.lines().find(|line| line.contains(name))
    }
}

fn accord<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    accord_with_stdin(args, None)
}

fn accord_with_stdin<I, S>(args: I, stdin: Option<&str>) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut child = Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the accord binary starts");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().expect("accord exited, not killed"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// A temp folder that files are written into; removed when dropped.
struct Dir(tempfile::TempDir);

impl Dir {
    fn new() -> Dir {
        Dir(tempfile::tempdir().unwrap())
    }

    fn path(&self) -> &Path {
        self.0.path()
    }

    fn join(&self, name: &str) -> PathBuf {
        self.path().join(name)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

fn fixtures() -> PathBuf {
    PathBuf::from(FIXTURES)
}

/// The fixture report files, sorted.
fn fixture_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(fixtures()).unwrap().map(|entry| entry.unwrap().path()).filter(|p| p.is_file()).collect();
    files.sort();
    assert!(!files.is_empty(), "no fixture reports in {FIXTURES}");
    files
}

/// The document ids the fixtures hold, by CONTRACT.md's rule: a JSONL line's `id`, else the file stem.
fn fixture_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for file in fixture_files() {
        if file.extension().is_some_and(|ext| ext == "jsonl") {
            for line in std::fs::read_to_string(&file).unwrap().lines().filter(|l| !l.trim().is_empty()) {
                let record: Value = serde_json::from_str(line).unwrap();
                ids.insert(record["id"].as_str().expect("fixture JSONL lines have an id").to_string());
            }
        } else {
            ids.insert(file.file_stem().unwrap().to_string_lossy().into_owned());
        }
    }
    ids
}

fn documents(output: &Value) -> &Vec<Value> {
    output["documents"].as_array().expect("`documents` is an array")
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("expected an array, got {value}"))
        .iter()
        .map(|v| v.as_str().unwrap_or_else(|| panic!("expected a string, got {v}")).to_string())
        .collect()
}

/// `ingest` the fixtures into a fresh database in `dir`; returns the database path.
fn ingest_fixtures(dir: &Dir) -> PathBuf {
    let db = dir.join("ledger.db");
    let run = accord([OsArg::from("ingest"), fixtures().into(), "--db".into(), db.clone().into()]);
    assert_eq!(run.code, 0, "ingest failed:\n{}", run.stderr);
    db
}

type OsArg = std::ffi::OsString;

// ---------------------------------------------------------------------------------------------------------
// Reading inputs

#[test]
fn bad_inputs_are_named_and_the_batch_goes_on() {
    let dir = Dir::new();
    dir.write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00");
    dir.write(
        "legacy.txt",
        b"Talks \xff\xfe in Doha\xc3\x28 resumed on Monday after a pause of two weeks. Qatar said both sides attended.",
    );
    dir.write("empty.txt", b"");
    let good_line = serde_json::json!({"id": "wire-1", "text": "Ukraine rejected a Russian proposal for a short truce, its foreign ministry said."});
    dir.write("wire.jsonl", format!("{good_line}\n{{\"id\": \"wire-2\", \"text\": \n"));
    dir.write("talks.txt", REPORT);

    let run = accord([OsArg::from("extract"), "--json".into(), dir.path().into()]);
    assert_eq!(run.code, 2, "a failed input means exit code 2; stderr:\n{}", run.stderr);

    let output = run.json();
    let ids: Vec<&str> = documents(&output).iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"wire-1"), "the good JSONL line is still read: {ids:?}");
    let talks =
        documents(&output).iter().find(|d| d["id"] == "talks").unwrap_or_else(|| panic!("no `talks` in {ids:?}"));
    let positions = talks["positions"].as_array().unwrap();
    assert!(!positions.is_empty(), "no positions in the good report: {talks:#}");
    for position in positions {
        let evidence = position["evidence"].as_str().unwrap();
        assert!(
            !evidence.is_empty() && REPORT.contains(evidence),
            "evidence not verbatim from the report: {evidence:?}"
        );
    }
    assert!(
        positions.iter().any(|p| p["party"] == "Russia" && p["issue"] == "ceasefire" && p["stance"] == "reject"),
        "Russia's rejection of the ceasefire is missing: {positions:#?}"
    );

    for (file, reason) in [("photo.txt", "binary"), ("empty.txt", "empty"), ("wire.jsonl:2", "invalid JSON")] {
        let line = run.stderr_line(file).unwrap_or_else(|| panic!("{file} is not named on stderr:\n{}", run.stderr));
        assert!(line.contains(reason), "{file}: expected the reason {reason:?} in {line:?}");
    }
    assert!(
        run.stderr_line("legacy.txt").is_some(),
        "a file that is not UTF-8 is read silently; stderr should name it:\n{}",
        run.stderr
    );
    assert!(run.stderr_line("talks.txt").is_none(), "the good report is not an error:\n{}", run.stderr);
}

#[test]
fn stdin_is_read() {
    let run = accord_with_stdin(["extract", "--json", "-"], Some(REPORT));
    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    let output = run.json();
    let documents = documents(&output);
    assert_eq!(documents.len(), 1, "{output:#}");
    assert!(strings(&documents[0]["parties"]).contains(&"Russia".to_string()), "{:#}", documents[0]);
    assert!(!documents[0]["positions"].as_array().unwrap().is_empty(), "{:#}", documents[0]);
}

#[test]
fn a_warc_crawl_gives_one_document_per_html_response() {
    let run = accord(["extract", "--json", WARC]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let output = run.json();
    let got: Vec<[String; 4]> = documents(&output)
        .iter()
        .map(|d| ["id", "url", "published", "title"].map(|field| d[field].as_str().unwrap_or_default().to_string()))
        .collect();
    let want = [
        [
            "talks-3",
            "https://wire.example.org/world/istanbul-round",
            "2025-03-10",
            "Istanbul round ends with a prisoner swap plan",
        ],
        ["talks-5", "https://wire.example.org/world/aid-trucks", "2025-03-12", "Mediators press for more aid trucks"],
        [
            "talks-7",
            "https://wire.example.org/world/border-cafe",
            "2025-03-11",
            "Café talks on the border crossing stall",
        ],
    ];
    assert_eq!(got, want.map(|row| row.map(String::from)), "the page's date wins; the undated page gets the fetch day");
    let positions = |i: usize| documents(&output)[i]["positions"].as_array().unwrap().len();
    assert!(positions(0) > 0 && positions(1) > 0, "the pages' text reaches extraction");
    assert_eq!(strings(&documents(&output)[0]["parties"]), ["Ukraine", "Russia"]);
    let summary = run.stderr_line("HTML responses read").unwrap_or_else(|| panic!("no summary:\n{}", run.stderr));
    assert!(
        summary.ends_with(
            "talks.warc: 3 HTML responses read, 4 records skipped (1 request, 1 metadata, 1 warcinfo, 1 non-HTML)"
        ),
        "{summary}"
    );
    assert!(run.stderr_line("record 7: not valid UTF-8; decoded as windows-1252").is_some(), "{}", run.stderr);

    // The same crawl gzipped and cut short, ingested: the records before the cut are stored.
    let dir = Dir::new();
    let bytes = std::fs::read(WARC).unwrap();
    let in_last_page = bytes.windows(17).position(|w| w == b"failed on Tuesday").expect("the last page's text");
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gzip.write_all(&bytes[..in_last_page]).unwrap();
    let cut = dir.write("cut.warc.gz", gzip.finish().unwrap());
    let db = dir.join("crawl.db");
    let run = accord([OsArg::from("ingest"), cut.into(), "--db".into(), db.into()]);
    assert_eq!(run.code, 2, "a failed record: {}", run.stderr);
    assert_eq!(ingest_summary(&run.stderr), (2, 0, 1, 2), "{}", run.stderr);
    assert!(!run.stderr.contains(['\r', '\x1b']), "no spinner drawn when stderr is not a terminal");
    let error = run.stderr_line("record 7").unwrap_or_else(|| panic!("{}", run.stderr));
    assert!(
        error.ends_with(
            "cut.warc.gz: record 7 (https://wire.example.org/world/border-cafe): the file ends inside this record"
        ),
        "{error}"
    );
    assert!(
        run.stderr_line("cut.warc.gz: 2 HTML responses read, 1 failed, 4 records skipped").is_some(),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_path_is_an_error_naming_it() {
    let dir = Dir::new();
    let missing = dir.join("no-such-report.txt");
    let run = accord([OsArg::from("extract"), missing.clone().into()]);
    assert_ne!(run.code, 0);
    let line = run.stderr_line("no-such-report.txt").unwrap_or_else(|| panic!("not named:\n{}", run.stderr));
    assert!(line.contains("no such file"), "{line:?}");

    // Next to a good report it is still named, and the good one is still extracted.
    let good = dir.write("talks.txt", REPORT);
    let run = accord([OsArg::from("extract"), "--json".into(), missing.into(), good.into()]);
    assert_eq!(run.code, 2, "stderr:\n{}", run.stderr);
    assert!(run.stderr_line("no-such-report.txt").is_some(), "{}", run.stderr);
    assert_eq!(documents(&run.json()).len(), 1);
}

#[test]
fn report_without_database_says_how_to_create_one() {
    let dir = Dir::new();
    let db = dir.join("absent.db");
    let run = accord([OsArg::from("report"), "--db".into(), db.clone().into()]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("absent.db"), "the database is not named:\n{}", run.stderr);
    assert!(run.stderr.contains("accord ingest"), "no hint how to create it:\n{}", run.stderr);
    assert!(!db.exists(), "report must not create an empty database");
}

#[test]
fn data_dir_overrides_a_data_file() {
    let dir = Dir::new();
    let report = dir.write("talks.txt", REPORT);
    let data = dir.join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("stances.tsv"), "cue\tstance\tkind\nrejected\treject\tverb\n").unwrap();
    // A model file with no models leaves the rules alone to decide, so the one cue is all there is.
    std::fs::write(data.join("model.tsv"), "model\tbucket\tweights\n").unwrap();

    let positions = |run: Run| -> Vec<Value> {
        assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
        documents(&run.json())[0]["positions"].as_array().unwrap().clone()
    };
    let built_in = positions(accord([OsArg::from("extract"), "--json".into(), report.clone().into()]));
    let overridden =
        positions(accord([OsArg::from("--data-dir"), data.into(), "extract".into(), "--json".into(), report.into()]));
    assert!(
        overridden.len() < built_in.len(),
        "with one stance cue, fewer positions: {} vs {} built in",
        overridden.len(),
        built_in.len()
    );
    for position in &overridden {
        assert_eq!(position["stance"], "reject", "only the one cue is known: {position}");
    }
}

// ---------------------------------------------------------------------------------------------------------
// The database and the ledger

/// `N new, M already stored, F failed; T documents in DB` -> (N, M, F, T).
fn ingest_summary(stderr: &str) -> (usize, usize, usize, usize) {
    let line = stderr.lines().find(|l| l.contains(" new, ")).unwrap_or_else(|| panic!("no summary:\n{stderr}"));
    let numbers: Vec<usize> =
        line.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
    assert!(numbers.len() >= 4, "unexpected summary {line:?}");
    (numbers[0], numbers[1], numbers[2], numbers[3])
}

#[test]
fn ingest_twice_stores_each_document_once() {
    let dir = Dir::new();
    let db = dir.join("ledger.db");
    let ids = fixture_ids();
    let n = ids.len();
    assert_eq!(n, 12, "tests/fixtures/README.md says 12 documents");

    let ingest = || accord([OsArg::from("ingest"), fixtures().into(), "--db".into(), db.clone().into()]);
    let first = ingest();
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(ingest_summary(&first.stderr), (n, 0, 0, n), "first run:\n{}", first.stderr);
    let second = ingest();
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert_eq!(ingest_summary(&second.stderr), (0, n, 0, n), "second run:\n{}", second.stderr);

    let report = accord([OsArg::from("report"), "--db".into(), db.into(), "--json".into()]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    let ledger = report.json();
    let mut seen = BTreeSet::new();
    for negotiation in ledger["negotiations"].as_array().unwrap() {
        let documents = strings(&negotiation["documents"]);
        let distinct: BTreeSet<&String> = documents.iter().collect();
        assert_eq!(distinct.len(), documents.len(), "a document listed twice in {}", negotiation["name"]);
        seen.extend(documents);
    }
    let unknown: Vec<&String> = seen.difference(&ids).collect();
    assert!(unknown.is_empty(), "documents that are not fixtures: {unknown:?}");
}

#[test]
fn issue_7_pages_that_share_one_text_are_each_kept_or_refused_by_name() {
    let dir = Dir::new();
    let db = dir.join("ledger.db");
    let banner = "<p>We use cookies to improve your experience. By clicking Accept all you consent to our use of cookies.</p>\
                  <p>Accept all</p><p>Manage preferences</p>";
    let menu = "<div><span>Home</span> <span>World</span> <span>Business</span></div>\
                <div>About us Contact Careers Advertise with us Terms of use</div><div>Example Media Group 2024</div>";
    for (name, body) in
        [("banner_a.html", banner), ("banner_b.html", banner), ("banner_c.html", banner), ("menu.html", menu)]
    {
        dir.write(
            &format!("pages/{name}"),
            format!("<html><head><title>{name}</title></head><body>{body}</body></html>"),
        );
    }
    let wire = "Negotiators from the union and the port operator met again on Tuesday and agreed to keep talking.\n\n\
                The union is asking for a 9% raise over three years, a spokesperson said.";
    for outlet in ["wire_outlet_a.txt", "wire_outlet_b.txt"] {
        dir.write(&format!("pages/{outlet}"), wire);
    }

    let run = accord([OsArg::from("ingest"), dir.join("pages").into(), "--db".into(), db.into()]);

    assert_eq!(run.code, 2, "some inputs failed:\n{}", run.stderr);
    for banner in ["banner_a", "banner_b", "banner_c"] {
        let said = format!("{banner}.html: only a cookie or consent notice, no article text");
        assert!(run.stderr.contains(&said), "{banner} not refused by name:\n{}", run.stderr);
    }
    assert!(run.stderr.contains("menu.html: no sentence of article text"), "{}", run.stderr);
    assert_eq!(ingest_summary(&run.stderr), (2, 0, 4, 2), "both wire copies are stored:\n{}", run.stderr);
}

#[test]
fn report_separates_negotiations() {
    let dir = Dir::new();
    let db = ingest_fixtures(&dir);
    let report = |extra: &[&str]| {
        let mut args: Vec<OsArg> = vec!["report".into(), "--db".into(), db.clone().into()];
        args.extend(extra.iter().map(OsArg::from));
        let run = accord(args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run
    };

    let ledger = report(&["--json"]).json();
    let negotiations = ledger["negotiations"].as_array().unwrap();
    assert!(negotiations.len() >= 3, "{} negotiations", negotiations.len());
    let with = |names: &[&str]| -> Vec<String> {
        negotiations
            .iter()
            .filter(|n| names.iter().all(|name| strings(&n["parties"]).iter().any(|p| p == name)))
            .map(|n| n["name"].as_str().unwrap().to_string())
            .collect()
    };
    let ru_ua = with(&["Russia", "Ukraine"]);
    let sudan = with(&["Rapid Support Forces"]);
    assert_eq!(ru_ua.len(), 1, "one Russia-Ukraine negotiation: {ru_ua:?}");
    assert_eq!(sudan.len(), 1, "one negotiation with the RSF: {sudan:?}");
    assert_ne!(ru_ua, sudan, "Russia-Ukraine and Sudan are merged");
    assert!(with(&["Russia", "Rapid Support Forces"]).is_empty());

    let text = report(&[]).stdout;
    for name in [&ru_ua[0], &sudan[0]] {
        assert!(text.contains(name.as_str()), "the text report does not name {name}:\n{text}");
    }

    let narrowed = report(&["--json", "--negotiation", &ru_ua[0]]).json();
    let names: Vec<&str> =
        narrowed["negotiations"].as_array().unwrap().iter().map(|n| n["name"].as_str().unwrap()).collect();
    assert_eq!(names, [ru_ua[0].as_str()]);

    // Every document says why it is where it is, and an override file moves one to a file of its own.
    let first = &negotiations[0];
    let membership = first["membership"].as_array().unwrap();
    assert_eq!(membership.len(), first["documents"].as_array().unwrap().len());
    assert!(membership.iter().all(|m| !m["reason"].as_str().unwrap().is_empty()), "{membership:?}");
    let moved = strings(&first["documents"])[0].clone();
    let overrides = dir.write("overrides.tsv", format!("# corrections\nmove\t{moved}\tManual file\n"));
    let ledger = report(&["--json", "--overrides", overrides.to_str().unwrap()]).json();
    let manual: Vec<&Value> =
        ledger["negotiations"].as_array().unwrap().iter().filter(|n| n["name"] == "Manual file").collect();
    assert_eq!(manual.len(), 1, "{ledger}");
    assert_eq!(strings(&manual[0]["documents"]), std::slice::from_ref(&moved));
    assert_eq!(manual[0]["membership"][0]["reason"], "moved here by the override file (line 2)");

    let bad = dir.write("bad.tsv", "merge\tNowhere\tSomewhere\n");
    let mut args: Vec<OsArg> = vec!["report".into(), "--db".into(), db.clone().into(), "--overrides".into()];
    args.push(bad.clone().into());
    let refused = accord(args);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains(&format!("{}: line 1: no negotiation `Nowhere` to merge", bad.display())),
        "{}",
        refused.stderr
    );
}

// ---------------------------------------------------------------------------------------------------------
// The JSON output

/// Checks that `span` and `evidence` agree: the span's length is the evidence's, the evidence is in `original`
/// (the file as written), and two overlapping spans agree on the text they share.
fn check_evidence(original: &str, items: &[(String, [usize; 2])]) {
    for (evidence, [start, end]) in items {
        assert!(!evidence.is_empty(), "empty evidence");
        assert!(original.contains(evidence.as_str()), "evidence is not verbatim from the report: {evidence:?}");
        assert_eq!(end - start, evidence.len(), "span [{start}, {end}] is not the length of {evidence:?}");
    }
    for (a, [a0, a1]) in items {
        for (b, [b0, b1]) in items {
            let (lo, hi) = (*a0.max(b0), *a1.min(b1));
            if lo < hi {
                assert_eq!(
                    a.as_bytes()[lo - a0..hi - a0],
                    b.as_bytes()[lo - b0..hi - b0],
                    "overlapping spans disagree: {a:?} at {a0} and {b:?} at {b0}"
                );
            }
        }
    }
}

fn span(value: &Value) -> [usize; 2] {
    let pair = value.as_array().unwrap_or_else(|| panic!("span is not an array: {value}"));
    assert_eq!(pair.len(), 2, "span {value}");
    let [start, end] = [0, 1].map(|i| pair[i].as_u64().unwrap() as usize);
    assert!(start < end, "empty or reversed span {value}");
    [start, end]
}

#[test]
fn with_text_gives_the_cleaned_text_every_span_points_into() {
    let dir = Dir::new();
    let file = dir.write("talks.txt", REPORT);
    let run = accord([OsArg::from("extract"), "--json".into(), "--with-text".into(), file.into()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let output = run.json();
    let document = &documents(&output)[0];
    let text = document["text"].as_str().expect("a `text` field");
    let positions = document["positions"].as_array().unwrap();
    assert!(!positions.is_empty(), "{document:#}");
    for position in positions {
        let [start, end] = span(&position["span"]);
        assert_eq!(&text[start..end], position["evidence"].as_str().unwrap());
    }
    let without = accord([OsArg::from("extract"), "--json".into(), dir.join("talks.txt").into()]).json();
    assert!(documents(&without)[0].get("text").is_none(), "no text unless asked for");
    let usage = accord([OsArg::from("extract"), "--with-text".into(), dir.join("talks.txt").into()]);
    assert_eq!(usage.code, 2, "--with-text needs --json: {}", usage.stderr);
}

#[test]
fn published_flag_dates_only_the_undated_inputs() {
    let dir = Dir::new();
    dir.write("in/undated.txt", REPORT);
    dir.write("in/dated.txt", format!("Published: 6 June 2024\n\n{REPORT}"));
    let run = accord([
        OsArg::from("extract"),
        "--json".into(),
        "--published".into(),
        "2024-01-02".into(),
        dir.join("in").into(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let output = run.json();
    let published: Vec<(&str, &str)> =
        documents(&output).iter().map(|d| (d["id"].as_str().unwrap(), d["published"].as_str().unwrap())).collect();
    assert_eq!(published, [("dated", "2024-06-06"), ("undated", "2024-01-02")], "a stated date wins over the flag");
    let bad = accord([OsArg::from("extract"), "--published".into(), "June 6".into(), dir.join("in").into()]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}

#[test]
fn extract_json_matches_contract_shape() {
    let file = fixtures().join("ru-ua-2025-03-04-energy-truce.txt");
    let original = std::fs::read_to_string(&file).unwrap();
    let run = accord([OsArg::from("extract"), "--json".into(), file.into()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let output = run.json();
    assert!(output["ledger"]["negotiations"].is_array(), "no ledger.negotiations");
    let documents = documents(&output);
    assert_eq!(documents.len(), 1);

    for document in documents {
        let keys = [
            "id",
            "title",
            "source",
            "url",
            "published",
            "negotiation",
            "parties",
            "mediators",
            "guarantors",
            "people",
            "positions",
            "proposals",
            "status",
        ];
        for key in keys {
            assert!(document.get(key).is_some(), "document lacks `{key}`: {document:#}");
        }
        assert_eq!(document["id"], "ru-ua-2025-03-04-energy-truce");
        for key in ["title", "source", "url", "published", "negotiation"] {
            assert!(document[key].is_null() || document[key].is_string(), "`{key}` is {}", document[key]);
        }
        if let Some(date) = document["published"].as_str() {
            let b = date.as_bytes();
            assert!(b.len() == 10 && b[4] == b'-' && b[7] == b'-', "published {date:?} is not YYYY-MM-DD");
        }
        for key in ["parties", "mediators", "guarantors"] {
            strings(&document[key]);
        }
        assert!(STATUSES.contains(&document["status"].as_str().unwrap()), "status {}", document["status"]);
        for person in document["people"].as_array().unwrap() {
            assert!(person["name"].as_str().is_some_and(|n| !n.is_empty()), "{person}");
            strings(&person["aliases"]);
        }

        let positions = document["positions"].as_array().unwrap();
        assert!(!positions.is_empty(), "no positions in a report full of them");
        let mut evidence = Vec::new();
        for position in positions {
            for key in ["party", "issue", "stance", "detail", "quantity", "unit", "evidence", "span"] {
                assert!(position.get(key).is_some(), "position lacks `{key}`: {position}");
            }
            assert!(ISSUES.contains(&position["issue"].as_str().unwrap()), "issue {}", position["issue"]);
            assert!(STANCES.contains(&position["stance"].as_str().unwrap()), "stance {}", position["stance"]);
            assert!(position["quantity"].is_null() || position["quantity"].is_number(), "{position}");
            evidence.push((position["evidence"].as_str().unwrap().to_string(), span(&position["span"])));
        }
        check_evidence(&original, &evidence);

        for proposal in document["proposals"].as_array().unwrap() {
            assert!(proposal["name"].is_string(), "{proposal}");
            for term in proposal["terms"].as_array().unwrap() {
                assert!(ISSUES.contains(&term["issue"].as_str().unwrap()), "term issue {}", term["issue"]);
            }
            for response in proposal["responses"].as_array().unwrap() {
                let stance = response["response"].as_str().unwrap();
                assert!(STANCES.contains(&stance) || stance == "withdraw", "response {stance}");
                let text = response["evidence"].as_str().unwrap();
                assert!(original.contains(text), "response evidence not verbatim: {text:?}");
            }
        }
    }

    // The ledger cites the same text at the same spans.
    for negotiation in output["ledger"]["negotiations"].as_array().unwrap() {
        for issue in negotiation["issues"].as_array().unwrap() {
            assert!(ISSUES.contains(&issue["issue"].as_str().unwrap()), "ledger issue {}", issue["issue"]);
            for position in issue["positions"].as_array().unwrap() {
                assert!(STANCES.contains(&position["stance"].as_str().unwrap()), "{position}");
                let cited: Vec<(String, [usize; 2])> = position["evidence"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| (e["text"].as_str().unwrap().to_string(), span(&e["span"])))
                    .collect();
                assert!(!cited.is_empty(), "an uncited ledger position: {position}");
                check_evidence(&original, &cited);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Blessed output

/// What the expected files pin: who is named and every position, with nothing that moves when wording does.
fn projection(document: &Value) -> Value {
    let positions: Vec<String> = document["positions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let quantity = match (&p["quantity"], p["unit"].as_str()) {
                (Value::Null, _) => "-".to_string(),
                (q, Some(unit)) => format!("{q} {unit}"),
                (q, None) => q.to_string(),
            };
            format!(
                "{}|{}|{}|{quantity}",
                p["party"].as_str().unwrap(),
                p["issue"].as_str().unwrap(),
                p["stance"].as_str().unwrap()
            )
        })
        .collect();
    let people: Vec<&str> =
        document["people"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    serde_json::json!({
        "id": document["id"],
        "parties": document["parties"],
        "mediators": document["mediators"],
        "people": people,
        "positions": positions,
    })
}

/// The lines one list has and the other lacks, as `- expected` / `+ got`.
fn list_diff(field: &str, expected: &Value, got: &Value) -> Vec<String> {
    let as_list = |v: &Value| -> Vec<String> {
        v.as_array().map(|a| a.iter().map(|x| x.as_str().unwrap_or("?").to_string()).collect()).unwrap_or_default()
    };
    let (expected, got) = (as_list(expected), as_list(got));
    let mut lines = Vec::new();
    for item in expected.iter().filter(|i| !got.contains(i)) {
        lines.push(format!("  {field}: - {item}"));
    }
    for item in got.iter().filter(|i| !expected.contains(i)) {
        lines.push(format!("  {field}: + {item}"));
    }
    if lines.is_empty() && expected != got {
        lines.push(format!("  {field}: same items, different order or count: {expected:?} -> {got:?}"));
    }
    lines
}

#[test]
fn fixtures_match_blessed_output() {
    let bless = std::env::var("ACCORD_BLESS").is_ok_and(|v| v == "1");
    let expected_dir = PathBuf::from(EXPECTED);
    let mut got: BTreeMap<String, Value> = BTreeMap::new();
    for file in fixture_files() {
        let run = accord([OsArg::from("extract"), "--json".into(), file.clone().into()]);
        assert_eq!(run.code, 0, "{}: {}", file.display(), run.stderr);
        for document in documents(&run.json()) {
            let id = document["id"].as_str().unwrap().to_string();
            assert!(got.insert(id.clone(), projection(document)).is_none(), "two documents with id {id}");
        }
    }
    assert_eq!(got.keys().cloned().collect::<BTreeSet<_>>(), fixture_ids(), "a fixture was not read");

    if bless {
        std::fs::create_dir_all(&expected_dir).unwrap();
        for entry in std::fs::read_dir(&expected_dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                std::fs::remove_file(path).unwrap();
            }
        }
        for (id, projection) in &got {
            let text = serde_json::to_string_pretty(projection).unwrap() + "\n";
            std::fs::write(expected_dir.join(format!("{id}.json")), text).unwrap();
        }
        eprintln!("blessed {} expected files in {}", got.len(), expected_dir.display());
        return;
    }

    let mut report = Vec::new();
    let mut on_disk = BTreeSet::new();
    for entry in
        std::fs::read_dir(&expected_dir).unwrap_or_else(|err| panic!("{}: {err}; bless first", expected_dir.display()))
    {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let id = path.file_stem().unwrap().to_string_lossy().into_owned();
            if !got.contains_key(&id) {
                report.push(format!("{id}: expected file {} has no document", path.display()));
            }
            on_disk.insert(id);
        }
    }
    for (id, projection) in &got {
        let path = expected_dir.join(format!("{id}.json"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            report.push(format!("{id}: no expected file {}", path.display()));
            continue;
        };
        let expected: Value = serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        if &expected != projection {
            report.push(format!("{id}:"));
            for field in ["parties", "mediators", "people", "positions"] {
                report.extend(list_diff(field, &expected[field], &projection[field]));
            }
        }
    }
    assert!(
        report.is_empty(),
        "extraction differs from tests/fixtures/expected (- expected, + got):\n{}\n\n\
         If the change is intended, re-bless with:\n  \
         ACCORD_BLESS=1 cargo test -p accord-cli --test cli fixtures_match_blessed_output\n\
         and review the diff of tests/fixtures/expected before committing.",
        report.join("\n")
    );
}

const LEDGER_FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/ledger");

/// Two negotiations, each with at least three dated reports: Sudan (three fixtures plus two same-day wires
/// that disagree) and Russia-Ukraine (three fixtures).
fn ledger_inputs() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fixture_files()
        .into_iter()
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("sd-") || n.starts_with("ru-ua-"))
        })
        .collect();
    paths.push(PathBuf::from(LEDGER_FIXTURES));
    paths
}

fn ledger_of(paths: &[PathBuf]) -> Value {
    let run = accord(
        std::iter::once(PathBuf::from("extract")).chain(std::iter::once("--json".into())).chain(paths.iter().cloned()),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let output: Value = serde_json::from_str(&run.stdout).unwrap();
    output["ledger"].clone()
}

fn negotiation_with<'l>(ledger: &'l Value, party: &str) -> &'l Value {
    ledger["negotiations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| strings(&n["parties"]).iter().any(|p| p == party))
        .unwrap_or_else(|| panic!("no negotiation with {party}: {ledger:#}"))
}

#[test]
fn ledger_tracks_history_sources_contradictions_concessions_gaps_and_hypotheses() {
    let ledger = ledger_of(&ledger_inputs());
    let sudan = negotiation_with(&ledger, "Rapid Support Forces");
    let russia = negotiation_with(&ledger, "Russia");
    assert_ne!(sudan["name"], russia["name"], "two negotiations kept apart");

    for negotiation in [sudan, russia] {
        let dates: Vec<Option<&str>> =
            negotiation["history"].as_array().unwrap().iter().map(|h| h["date"].as_str()).collect();
        let dated: Vec<&str> = dates.iter().map_while(|d| *d).collect();
        assert!(dated.len() >= 3, "history is dated: {dates:?}");
        assert!(dated.windows(2).all(|w| w[0] <= w[1]), "history in date order: {dated:?}");
        assert!(dates[dated.len()..].iter().all(Option::is_none), "undated entries come last: {dates:?}");
    }

    let most_sources = sudan["issues"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["positions"].as_array().unwrap())
        .map(|p| p["sources"].as_u64().unwrap())
        .max()
        .unwrap();
    assert!(most_sources >= 2, "a position corroborated by several reports");

    let wires = ["sd-2023-06-02-wire-a", "sd-2023-06-02-wire-b"];
    let contradiction = sudan["contradictions"].as_array().unwrap().iter().find(|c| {
        let documents: Vec<&str> =
            c["entries"].as_array().unwrap().iter().filter_map(|e| e["document"].as_str()).collect();
        wires.iter().all(|w| documents.contains(w))
    });
    assert!(contradiction.is_some(), "the two same-day wires contradict each other: {:#}", sudan["contradictions"]);

    let concession = russia["history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["party"] == "Russia" && h["issue"] == "ceasefire" && h["concession"].is_string());
    assert!(concession.is_some(), "Russia's move from two weeks to thirty days is a concession");

    let numeric = sudan["issues"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|i| i["gap"]["numeric"].as_object().filter(|n| n["by_party"].as_object().unwrap().len() >= 2));
    assert!(numeric.is_some(), "a numeric gap between the two sides: {:#}", sudan["issues"]);

    let hypotheses = sudan["bridging"].as_array().unwrap();
    assert!(!hypotheses.is_empty());
    assert!(hypotheses.iter().all(|b| b["hypothesis"].as_str().unwrap().starts_with("Hypothesis:")));
    assert!(hypotheses.iter().all(|b| !b["basis"].as_array().unwrap().is_empty()), "every hypothesis shows its basis");
}

#[test]
fn ledger_is_the_same_whatever_the_order_of_the_reports() {
    let mut paths = ledger_inputs();
    let forward = ledger_of(&paths);
    paths.reverse();
    assert_eq!(forward, ledger_of(&paths));
}

// ---------------------------------------------------------------------------------------------------------
// Export

const CSV_COLUMNS: &[&str] = &[
    "negotiation",
    "kind",
    "date",
    "party",
    "issue",
    "stance",
    "detail",
    "quantity",
    "unit",
    "proposal",
    "document",
    "published",
    "outlet",
    "url",
    "span_start",
    "span_end",
    "evidence",
    "speaker",
    "attribution",
    "modality",
    "concession",
    "condition",
];

fn export(db: &Path, extra: &[&str]) -> Run {
    let mut args: Vec<OsArg> = vec!["export".into(), "--db".into(), db.into()];
    args.extend(extra.iter().map(OsArg::from));
    accord(args)
}

/// The CSV's header and records, read back with a real RFC 4180 reader.
fn read_csv(text: &str) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    let rows = reader
        .records()
        .map(|record| header.iter().cloned().zip(record.unwrap().iter().map(str::to_string)).collect())
        .collect();
    (header, rows)
}

/// The stored documents with their cleaned texts, by id, from `export --format jsonl --with-text`.
fn exported_documents(db: &Path) -> BTreeMap<String, Value> {
    let run = export(db, &["--format", "jsonl", "--with-text"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
        .lines()
        .map(|line| {
            let document: Value = serde_json::from_str(line).unwrap_or_else(|err| panic!("{err}: {line}"));
            (document["id"].as_str().unwrap().to_string(), document)
        })
        .collect()
}

#[test]
fn csv_export_has_one_row_per_ledger_entry_each_citing_its_text() {
    let dir = Dir::new();
    let db = ingest_fixtures(&dir);
    let ledger = accord(["report".into(), "--json".into(), "--db".into(), OsArg::from(&db)]).json();
    let negotiations = ledger["negotiations"].as_array().unwrap();
    let positions: usize = negotiations.iter().map(|n| n["history"].as_array().unwrap().len()).sum();
    let responses: usize = negotiations
        .iter()
        .flat_map(|n| n["proposals"].as_array().unwrap())
        .map(|p| p["responses"].as_array().unwrap().len())
        .sum();
    assert!(positions > 20 && responses > 0, "{positions} positions, {responses} responses");

    let run = export(&db, &["--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("\r\n"), "RFC 4180 ends records with CRLF");
    let (header, rows) = read_csv(&run.stdout);
    assert_eq!(header, CSV_COLUMNS);
    assert_eq!(rows.iter().filter(|r| r["kind"] == "position").count(), positions);
    assert_eq!(rows.iter().filter(|r| r["kind"] == "response").count(), responses);

    let documents = exported_documents(&db);
    let names: BTreeSet<&str> = negotiations.iter().map(|n| n["name"].as_str().unwrap()).collect();
    for row in &rows {
        assert!(names.contains(row["negotiation"].as_str()), "{row:?}");
        match row["kind"].as_str() {
            "position" => {
                assert!(ISSUES.contains(&row["issue"].as_str()), "{row:?}");
                assert!(STANCES.contains(&row["stance"].as_str()), "{row:?}");
            }
            _ => {
                assert!(row["issue"].is_empty() && !row["proposal"].is_empty(), "{row:?}");
                assert!(STANCES.contains(&row["stance"].as_str()) || row["stance"] == "withdraw", "{row:?}");
            }
        }
        for column in ["date", "published"] {
            let value = &row[column];
            assert!(value.is_empty() || value.parse::<jiff::civil::Date>().is_ok(), "{column}: {row:?}");
        }
        assert!(row["quantity"].is_empty() || row["quantity"].parse::<f64>().is_ok(), "{row:?}");
        assert_eq!(row["quantity"].is_empty(), row["unit"].is_empty(), "a number has its unit: {row:?}");
        let document = &documents[&row["document"]];
        let text = document["text"].as_str().unwrap();
        let (start, end) = (row["span_start"].parse::<usize>().unwrap(), row["span_end"].parse::<usize>().unwrap());
        assert_eq!(text.get(start..end), Some(row["evidence"].as_str()), "{row:?}");
        assert_eq!(row["url"], document["url"].as_str().unwrap_or(""), "{row:?}");
    }
    let quoted = rows.iter().any(|r| r["evidence"].contains('"') || r["evidence"].contains(','));
    assert!(quoted, "no evidence with quotes or commas: the round trip proves no quoting");
}

#[test]
fn exports_take_the_reports_filters() {
    let dir = Dir::new();
    let db = ingest_fixtures(&dir);
    let rows = |extra: &[&str]| {
        let mut args = vec!["--format", "csv"];
        args.extend(extra);
        let run = export(&db, &args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        read_csv(&run.stdout).1
    };
    let all = rows(&[]);
    let russia = rows(&["--party", "russia"]);
    assert!(!russia.is_empty() && russia.len() < all.len());
    assert!(russia.iter().all(|r| r["party"] == "Russia"), "{russia:?}");
    let ceasefire = rows(&["--issue", "ceasefire"]);
    // Responses carry no issue of their own: they are kept when their proposal has terms on the issue.
    let positions: Vec<_> = ceasefire.iter().filter(|r| r["kind"] == "position").collect();
    assert!(!positions.is_empty() && positions.len() < all.len());
    assert!(positions.iter().all(|r| r["issue"] == "ceasefire"), "{positions:?}");
    let negotiation = all[0]["negotiation"].clone();
    let one = rows(&["--negotiation", &negotiation]);
    assert!(one.iter().all(|r| r["negotiation"] == negotiation), "{one:?}");
    let since = rows(&["--since", "2025-01-01"]);
    assert!(since.len() < all.len(), "--since kept every row");
    assert!(since.iter().all(|r| r["date"].as_str() >= "2025-01-01"), "{since:?}");

    let run = export(&db, &["--format", "jsonl", "--party", "Russia"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<Value> = run.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!lines.is_empty() && lines.len() < exported_documents(&db).len());
    for document in &lines {
        assert!(document.get("text").is_none(), "the text is only given with --with-text");
        let parties: Vec<String> =
            document["positions"].as_array().unwrap().iter().map(|p| p["party"].as_str().unwrap().into()).collect();
        assert!(parties.iter().all(|p| p == "Russia"), "{parties:?}");
    }
}

#[test]
fn jsonl_export_round_trips_every_stored_document() {
    let dir = Dir::new();
    let db = ingest_fixtures(&dir);
    let out = dir.join("documents.jsonl");
    let run = export(&db, &["--format", "jsonl", "--out", out.to_str().unwrap()]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    let extracted = accord([OsArg::from("extract"), "--json".into(), fixtures().into()]).json();
    let expected: BTreeMap<&str, &Value> =
        documents(&extracted).iter().map(|d| (d["id"].as_str().unwrap(), d)).collect();
    let text = std::fs::read_to_string(&out).unwrap();
    let exported: Vec<Value> = text.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert_eq!(exported.len(), expected.len());
    for document in &exported {
        assert_eq!(document, expected[document["id"].as_str().unwrap()], "stored and extracted documents differ");
    }
}

#[test]
fn export_refuses_what_it_cannot_do_by_name() {
    let dir = Dir::new();
    let db = ingest_fixtures(&dir);
    let run = export(&db, &["--format", "csv", "--with-text"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--with-text"), "{}", run.stderr);
    let unwritable = dir.join("no-such-folder/ledger.csv");
    let run = export(&db, &["--format", "csv", "--out", unwritable.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no-such-folder/ledger.csv"), "{}", run.stderr);
    let run = export(&dir.join("missing.db"), &["--format", "csv"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("missing.db") && run.stderr.contains("accord ingest"), "{}", run.stderr);
}
