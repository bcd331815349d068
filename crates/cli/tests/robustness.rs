//! Robustness through the real binary: a generated corpus of malformed inputs, ingests killed mid-write,
//! and two ingests into one new database at once.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const GENERATOR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/malformed/generate.py");

/// Longer than any healthy run of these tests takes in a debug build, by a wide margin: past it, a hang.
const PATIENCE: Duration = Duration::from_secs(180);

struct Finished {
    code: i32,
    stdout: String,
    stderr: String,
}

fn accord(args: &[&std::ffi::OsStr]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the accord binary starts")
}

/// Waits for `child`, reading its output as it comes; kills it and fails the test past [`PATIENCE`].
fn finish(mut child: Child, what: &str) -> Finished {
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).expect("pipe reads");
            String::from_utf8(bytes).expect("output is UTF-8")
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > PATIENCE {
            child.kill().unwrap();
            panic!("{what} hung: still running after {PATIENCE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Finished {
        code: status.code().unwrap_or_else(|| panic!("{what} was killed by a signal")),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

/// One `tag<TAB>expect<TAB>what` row of the generator's manifest.
struct Expected {
    tag: String,
    expect: String,
    what: String,
}

fn generate_malformed(root: &Path) -> Vec<Expected> {
    let out = root.join("inputs");
    let status = Command::new("python3").arg(GENERATOR).arg(&out).stdout(Stdio::null()).status();
    assert!(status.expect("python3 runs the generator").success(), "the generator failed");
    std::fs::read_to_string(root.join("manifest.tsv"))
        .expect("the generator writes its manifest")
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "manifest row {line:?}");
            Expected { tag: fields[0].to_string(), expect: fields[1].to_string(), what: fields[2].to_string() }
        })
        .collect()
}

#[test]
fn issue_10_every_malformed_input_is_extracted_or_named_and_nothing_hangs() {
    let dir = tempfile::tempdir().unwrap();
    let expected = generate_malformed(dir.path());
    assert!(expected.len() > 80, "the generator wrote only {} inputs", expected.len());

    let inputs = dir.path().join("inputs");
    let run = finish(accord(&["extract".as_ref(), "--json".as_ref(), inputs.as_os_str()]), "extract");
    assert_eq!(run.code, 2, "some inputs fail and the rest are read: exit 2 by CONTRACT.md\n{}", run.stderr);
    assert!(!run.stderr.contains("panic") && !run.stderr.contains("internal error"), "{}", run.stderr);

    let output: Value = serde_json::from_str(&run.stdout).expect("stdout is one JSON object");
    let ids: Vec<&str> = output["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    let named: Vec<&str> = run.stderr.lines().filter(|line| line.starts_with("accord: ")).collect();
    let mut wrong = Vec::new();
    for Expected { tag, expect, what } in &expected {
        let extracted = ids.iter().any(|id| id.starts_with(tag.as_str()));
        let reason = named.iter().find(|line| line.contains(tag.as_str()));
        let ok = match expect.as_str() {
            "document" => extracted,
            "named" => !extracted && reason.is_some_and(|line| line.len() > line.find(tag).unwrap() + tag.len() + 4),
            _ => extracted || reason.is_some(),
        };
        if !ok {
            wrong.push(format!("{tag} {what}: expected {expect}, extracted {extracted}, stderr {reason:?}"));
        }
    }
    assert!(wrong.is_empty(), "{} inputs went wrong:\n{}", wrong.len(), wrong.join("\n"));
}

/// Writes `count` distinct short reports into `dir`, one file each.
fn write_reports(dir: &Path, count: usize) {
    std::fs::create_dir_all(dir).unwrap();
    let sides = [("Armenia", "Azerbaijan"), ("Israel", "Hamas"), ("Russia", "Ukraine"), ("Sudan", "the RSF")];
    for i in 0..count {
        let (a, b) = sides[i % sides.len()];
        let text = format!(
            "Talks round {i} opens\n\n{a} demanded the release of {n} prisoners within {d} days, officials said on \
             day {i} of the talks.\n\n{b} rejected the demand and offered a truce of {t} days instead.\n",
            n = 10 + i % 90,
            d = 3 + i % 27,
            t = 5 + i % 55,
        );
        std::fs::write(dir.join(format!("report-{i:05}.txt")), text).unwrap();
    }
}

fn ingest(inputs: &Path, db: &Path) -> Child {
    accord(&["ingest".as_ref(), inputs.as_os_str(), "--db".as_ref(), db.as_os_str()])
}

/// `PRAGMA integrity_check` and the number of stored documents, and of distinct inputs (origins) among them.
fn check_database(db: &Path) -> (usize, usize) {
    let conn = rusqlite::Connection::open(db).expect("the database opens");
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0)).unwrap();
    assert_eq!(integrity, "ok", "{}", db.display());
    let count = |sql: &str| conn.query_row(sql, [], |row| row.get::<_, i64>(0)).unwrap_or(0) as usize;
    (count("SELECT count(*) FROM documents"), count("SELECT count(DISTINCT origin) FROM documents"))
}

/// `N new, M already stored, F failed; T documents in DB` -> T.
fn stored_total(stderr: &str) -> usize {
    let line = stderr.lines().find(|l| l.contains(" new, ")).unwrap_or_else(|| panic!("no summary:\n{stderr}"));
    let total = line.rsplit(';').next().unwrap().split_whitespace().next().unwrap();
    total.parse().unwrap_or_else(|_| panic!("unexpected summary {line:?}"))
}

#[test]
fn issue_10_ingest_killed_mid_write_loses_and_doubles_nothing() {
    const REPORTS: usize = 3_000;
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("reports");
    write_reports(&inputs, REPORTS);
    let db = dir.path().join("ledger.db");

    // The kills fall at fractions of a whole run's time on this machine, so that each run stores only part.
    let started = Instant::now();
    let whole = finish(ingest(&inputs, &dir.path().join("timing.db")), "a whole ingest");
    assert_eq!(whole.code, 0, "{}", whole.stderr);
    let full_run = started.elapsed();
    let mut stored = 0;
    for fraction in [0.1, 0.1, 0.12, 0.12, 0.15, 0.15] {
        let mut child = ingest(&inputs, &db);
        std::thread::sleep(full_run.mul_f64(fraction));
        let killed = child.try_wait().unwrap().is_none();
        if killed {
            child.kill().expect("SIGKILL is sent");
        }
        child.wait().unwrap();
        if db.exists() {
            let (documents, distinct) = check_database(&db);
            assert_eq!(documents, distinct, "a document stored twice after a kill at {fraction} of a run");
            assert!(documents >= stored, "documents lost after a kill at {fraction} of a run: {documents} < {stored}");
            stored = documents;
        }
    }
    assert!(stored < REPORTS, "every run finished before its kill: the test killed nothing");

    let last = finish(ingest(&inputs, &db), "ingest after the kills");
    assert_eq!(last.code, 0, "{}", last.stderr);
    assert!(!last.stderr.contains("locked"), "{}", last.stderr);
    assert_eq!(stored_total(&last.stderr), REPORTS, "{}", last.stderr);
    assert_eq!(check_database(&db), (REPORTS, REPORTS));
}

#[test]
fn issue_10_two_ingests_into_one_new_database_both_succeed() {
    const REPORTS: usize = 200;
    let dir = tempfile::tempdir().unwrap();
    let (first, second): (PathBuf, PathBuf) = (dir.path().join("first"), dir.path().join("second"));
    write_reports(&first, REPORTS);
    std::fs::create_dir_all(&second).unwrap();
    for i in 0..REPORTS {
        let name = format!("report-{i:05}.txt");
        let text = std::fs::read_to_string(first.join(&name)).unwrap().replace("Talks round", "Second round");
        std::fs::write(second.join(name), text).unwrap();
    }

    for round in 0..3 {
        let db = dir.path().join(format!("new-{round}.db"));
        let runs = [ingest(&first, &db), ingest(&second, &db), ingest(&first, &db)];
        let finished: Vec<Finished> = runs.into_iter().map(|child| finish(child, "a concurrent ingest")).collect();
        for run in &finished {
            assert_eq!(run.code, 0, "round {round}:\n{}", run.stderr);
            assert!(!run.stderr.contains("locked"), "round {round}:\n{}", run.stderr);
        }
        assert_eq!(check_database(&db), (2 * REPORTS, 2 * REPORTS), "round {round}");
        let distinct: BTreeSet<usize> = finished.iter().map(|run| stored_total(&run.stderr)).collect();
        assert!(distinct.iter().all(|&total| total <= 2 * REPORTS), "round {round}: totals {distinct:?}");
    }
}
