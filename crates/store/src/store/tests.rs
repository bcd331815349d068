//! Tests for `Store`, on hand-built articles and findings.

use accord_model::{
    Attribution, Issue, Modality, Person, Position, Proposal, ProposalResponse, Quantity, Response, Span, Stance,
    Status, Term,
};
use jiff::civil::{Date, date};

use super::*;

const TEXT: &str = "Hamas demands a permanent ceasefire. \
                    Israel offered to free 300 or even 400 prisoners within 7 days rather than 70. \
                    The Bridge Plan was put forward by Qatar; Hamas rejected the Bridge Plan.";

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("needle is in the text");
    Span::new(start, start + needle.len())
}

fn article(id: &str, text: &str) -> Article {
    Article {
        id: id.to_string(),
        title: None,
        source: None,
        url: None,
        published: None,
        byline: None,
        origin: format!("fixtures/{id}.txt"),
        decoded_from: None,
        replaced_bytes: 0,
        text: text.to_string(),
    }
}

/// A document with no findings.
fn bare(id: &str, text: &str, published: Option<Date>) -> Document {
    Document {
        id: id.to_string(),
        title: None,
        source: None,
        url: None,
        published,
        negotiation: None,
        parties: vec![],
        mediators: vec![],
        guarantors: vec![],
        people: vec![],
        positions: vec![],
        proposals: vec![],
        status: Status::Unclear,
        text: text.to_string(),
    }
}

/// A document with every field set, spans pointing into `TEXT`.
fn full(id: &str) -> Document {
    let demand = span_of(TEXT, "Hamas demands a permanent ceasefire.");
    let offer = span_of(TEXT, "Israel offered to free 300 or even 400 prisoners within 7 days rather than 70.");
    let named = span_of(TEXT, "The Bridge Plan was put forward by Qatar;");
    let rejected = span_of(TEXT, "Hamas rejected the Bridge Plan.");
    Document {
        id: id.to_string(),
        title: Some("Talks resume".to_string()),
        source: Some("The Example Times".to_string()),
        url: Some("https://example.org/talks".to_string()),
        published: Some(date(2024, 3, 2)),
        negotiation: Some("Israel-Hamas".to_string()),
        parties: vec!["Israel".to_string(), "Hamas".to_string()],
        mediators: vec!["Qatar".to_string()],
        guarantors: vec!["Egypt".to_string()],
        people: vec![Person {
            name: "Jane Envoy".to_string(),
            aliases: vec!["Envoy".to_string(), "J. Envoy".to_string()],
            affiliation: Some("Qatar".to_string()),
            role: Some("mediator".to_string()),
            known: false,
        }],
        positions: vec![
            Position {
                party: "Hamas".to_string(),
                issue: Issue::Ceasefire,
                stance: Stance::Demand,
                detail: "permanent ceasefire".to_string(),
                quantity: None,
                unit: None,
                evidence: demand.slice(TEXT).to_string(),
                span: demand,
                speaker: None,
                attribution: Attribution::Statement,
                modality: Modality::Asserted,
                quantity_detail: None,
                stated: None,
                phase: None,
                condition: None,
            },
            Position {
                party: "Israel".to_string(),
                issue: Issue::HostagesPrisoners,
                stance: Stance::Offer,
                detail: "free prisoners".to_string(),
                quantity: Some(400.0),
                unit: Some("prisoners".to_string()),
                evidence: offer.slice(TEXT).to_string(),
                span: offer,
                speaker: Some("a senior Israeli official".to_string()),
                attribution: Attribution::UnnamedOfficial,
                modality: Modality::Reported,
                quantity_detail: Some(Quantity {
                    value: 400.0,
                    min: Some(300.0),
                    unit: "prisoners".to_string(),
                    rather_than: Some(70.0),
                }),
                stated: Some(date(2024, 3, 1)),
                phase: None,
                condition: None,
            },
        ],
        proposals: vec![Proposal {
            name: "Bridge Plan".to_string(),
            by: Some("Qatar".to_string()),
            terms: vec![Term {
                issue: Issue::HostagesPrisoners,
                detail: "release within one week".to_string(),
                quantity: Some(7.0),
                unit: Some("days".to_string()),
            }],
            responses: vec![ProposalResponse {
                party: "Hamas".to_string(),
                response: Response::Reject,
                evidence: rejected.slice(TEXT).to_string(),
                span: rejected,
            }],
            span: named,
        }],
        status: Status::Stalled,
        text: TEXT.to_string(),
    }
}

fn count(store: &Store, table: &str) -> usize {
    store.conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |row| row.get(0)).unwrap()
}

#[test]
fn put_then_documents_round_trips_every_field() {
    let mut store = Store::open_in_memory().unwrap();
    let document = full("doc_a");

    assert_eq!(store.put(&article("doc_a", TEXT), &document, "extract 1.0").unwrap(), Stored::Added);

    assert_eq!(store.documents().unwrap(), vec![document.clone()]);
    assert_eq!(store.document_count().unwrap(), 1);
    let (hash, published, origin, version): (String, String, String, String) = store
        .conn
        .query_row("SELECT content_hash, published, origin, extractor_version FROM documents", [], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })
        .unwrap();
    assert_eq!(hash, content_hash(TEXT));
    assert_eq!(
        (published.as_str(), origin.as_str(), version.as_str()),
        ("2024-03-02", "fixtures/doc_a.txt", "extract 1.0")
    );
}

#[test]
fn findings_are_copied_into_the_query_tables() {
    let mut store = Store::open_in_memory().unwrap();
    let document = full("doc_a");
    store.put(&article("doc_a", TEXT), &document, "1").unwrap();

    let offer = &document.positions[1];
    let labels: (String, String, String, String, String) = store
        .conn
        .query_row("SELECT party, issue, stance, unit, stated FROM positions WHERE ordinal = 1", [], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?))
        })
        .unwrap();
    let (quantity, start, end, evidence): (f64, usize, usize, String) = store
        .conn
        .query_row("SELECT quantity, span_start, span_end, evidence FROM positions WHERE ordinal = 1", [], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })
        .unwrap();
    let as_strings = |values: [&str; 5]| values.map(str::to_string);
    assert_eq!(
        <[String; 5]>::from(labels),
        as_strings(["Israel", "hostages_prisoners", "offer", "prisoners", "2024-03-01"])
    );
    assert_eq!((quantity, start, end), (400.0, offer.span.start, offer.span.end));
    assert_eq!((&TEXT[start..end], evidence.as_str()), (offer.evidence.as_str(), offer.evidence.as_str()));

    let aliases: String = store.conn.query_row("SELECT aliases_json FROM people", [], |row| row.get(0)).unwrap();
    assert_eq!(aliases, r#"["Envoy","J. Envoy"]"#);
    let (by, json): (String, String) =
        store.conn.query_row("SELECT by_actor, json FROM proposals", [], |row| Ok((row.get(0)?, row.get(1)?))).unwrap();
    assert_eq!(by, "Qatar");
    assert_eq!(serde_json::from_str::<Proposal>(&json).unwrap(), document.proposals[0]);
    assert_eq!((count(&store, "positions"), count(&store, "people"), count(&store, "proposals")), (2, 1, 1));
}

#[test]
fn the_same_text_twice_is_stored_once() {
    let mut store = Store::open_in_memory().unwrap();
    let document = full("doc_a");
    store.put(&article("doc_a", TEXT), &document, "1").unwrap();

    // A later extractor finding something else in the same text still changes nothing.
    let mut reextracted = document.clone();
    reextracted.status = Status::Agreement;
    let again = store.put(&article("doc_a", TEXT), &reextracted, "2").unwrap();

    assert_eq!(again, Stored::AlreadyPresent);
    assert_eq!(store.documents().unwrap(), vec![document]);
    assert_eq!(count(&store, "positions"), 2);
}

#[test]
fn a_new_text_under_a_known_id_is_kept_beside_the_old() {
    let mut store = Store::open_in_memory().unwrap();
    let old = bare("doc_a", "Talks stalled.", None);
    let edited = bare("doc_a", "Talks stalled. Update: they resumed.", None);

    store.put(&article("doc_a", &old.text), &old, "1").unwrap();
    let stored = store.put(&article("doc_a", &edited.text), &edited, "1").unwrap();

    assert_eq!(stored, Stored::Added);
    let mut texts: Vec<String> = store.documents().unwrap().into_iter().map(|document| document.text).collect();
    texts.sort();
    assert_eq!(texts, vec![old.text, edited.text]);
}

#[test]
fn the_same_text_under_two_ids_is_two_documents() {
    let mut store = Store::open_in_memory().unwrap();
    let banner = "We use cookies to improve your experience.";
    let outlets = [bare("outlet_a", banner, Some(date(2024, 5, 1))), bare("outlet_b", banner, Some(date(2024, 5, 2)))];

    let stored: Vec<Stored> =
        outlets.iter().map(|document| store.put(&article(&document.id, banner), document, "1").unwrap()).collect();

    assert_eq!(stored, [Stored::Added, Stored::Added]);
    assert_eq!(store.documents().unwrap(), outlets.to_vec());
    assert_eq!(store.put(&article("outlet_b", banner), &outlets[1], "1").unwrap(), Stored::AlreadyPresent);
}

#[test]
fn a_failed_put_leaves_the_store_as_it_was() {
    let mut store = Store::open_in_memory().unwrap();
    let kept = bare("doc_kept", "An earlier report.", Some(date(2024, 1, 1)));
    store.put(&article("doc_kept", &kept.text), &kept, "1").unwrap();
    // Fail the last insert of the next put, after its document and positions rows were written.
    store
        .conn
        .execute_batch(
            "CREATE TEMP TRIGGER fail_proposals BEFORE INSERT ON proposals
             BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;",
        )
        .unwrap();

    let err = store.put(&article("doc_a", TEXT), &full("doc_a"), "1").unwrap_err();

    assert!(matches!(err, StoreError::Sqlite { .. }), "{err:?}");
    assert!(err.to_string().contains(":memory:") && err.to_string().contains("simulated failure"), "{err}");
    assert_eq!(store.documents().unwrap(), vec![kept.clone()]);
    assert_eq!((count(&store, "positions"), count(&store, "people")), (0, 0));

    // Nothing half-stored blocks a retry.
    store.conn.execute_batch("DROP TRIGGER fail_proposals").unwrap();
    assert_eq!(store.put(&article("doc_a", TEXT), &full("doc_a"), "1").unwrap(), Stored::Added);
    assert_eq!(store.document_count().unwrap(), 2);
}

#[test]
fn documents_come_by_date_undated_last_then_id_then_hash() {
    let documents = [
        bare("b", "b, second of March", Some(date(2024, 3, 2))),
        bare("a", "a, undated", None),
        bare("c", "c, first of March", Some(date(2024, 3, 1))),
        bare("a", "a, second of March", Some(date(2024, 3, 2))),
        bare("v", "v, first version", None),
        bare("v", "v, second version", None),
        bare("a", "a, 2023", Some(date(2023, 12, 31))),
    ];
    let read = |order: &mut dyn Iterator<Item = &Document>| {
        let mut store = Store::open_in_memory().unwrap();
        for document in order {
            store.put(&article(&document.id, &document.text), document, "1").unwrap();
        }
        store.documents().unwrap()
    };

    let forward = read(&mut documents.iter());
    let backward = read(&mut documents.iter().rev());

    assert_eq!(forward, backward);
    let texts: Vec<&str> = forward.iter().map(|document| document.text.as_str()).collect();
    let mut versions = ["v, first version", "v, second version"];
    versions.sort_by_key(|text| content_hash(text));
    assert_eq!(
        texts,
        [
            "a, 2023",
            "c, first of March",
            "a, second of March",
            "b, second of March",
            "a, undated",
            versions[0],
            versions[1],
        ]
    );
}

#[test]
fn a_database_file_keeps_its_documents_across_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("accord.db");
    let document = full("doc_a");
    Store::open(&path).unwrap().put(&article("doc_a", TEXT), &document, "1").unwrap();

    let store = Store::open(&path).unwrap();

    assert_eq!(store.documents().unwrap(), vec![document]);
    let mode: String = store.conn.query_row("PRAGMA journal_mode", [], |row| row.get(0)).unwrap();
    let foreign_keys: bool = store.conn.query_row("PRAGMA foreign_keys", [], |row| row.get(0)).unwrap();
    assert_eq!((mode.as_str(), foreign_keys), ("wal", true));
}

#[test]
fn a_file_that_is_not_a_database_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, b"these are notes, not a database\n".repeat(64)).unwrap();

    let err = Store::open(&path).err().expect("garbage is refused");

    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert!(err.to_string().contains(&path.display().to_string()), "{err}");
}

#[test]
fn unreadable_findings_name_their_document() {
    let mut store = Store::open_in_memory().unwrap();
    let document = bare("doc_a", "Talks stalled.", None);
    store.put(&article("doc_a", &document.text), &document, "1").unwrap();
    store.conn.execute("UPDATE documents SET findings_json = '{\"id\": 7}'", []).unwrap();

    let err = store.documents().unwrap_err();

    assert!(matches!(err, StoreError::Findings { .. }), "{err:?}");
    assert!(err.to_string().contains("`doc_a`") && err.to_string().contains("re-ingest"), "{err}");
}
