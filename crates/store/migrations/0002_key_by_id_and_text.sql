-- 0002_key_by_id_and_text: a document is keyed by its id and the hash of its cleaned text together, so that
-- two inputs with the same text (wire copy run by several outlets, pages whose only text is one banner) are
-- each kept. Storing the same id and text again still changes nothing. The findings' tables follow the key.

CREATE TABLE documents_keyed (
    id                TEXT NOT NULL,
    content_hash      TEXT NOT NULL,             -- sha256 hex of the cleaned text
    title             TEXT,
    source            TEXT,
    url               TEXT,
    published         TEXT,                      -- YYYY-MM-DD
    origin            TEXT NOT NULL,             -- where the article was read from: path, path:line or -
    text              TEXT NOT NULL,             -- the cleaned text every span points into
    ingested_at       TEXT NOT NULL,             -- RFC 3339, UTC
    extractor_version TEXT NOT NULL,
    findings_json     TEXT NOT NULL,             -- CONTRACT.md's per-document JSON
    -- An article edited after ingest keeps its id and gets a second row; the ledger dedups.
    PRIMARY KEY (id, content_hash)
) STRICT;

INSERT INTO documents_keyed (id, content_hash, title, source, url, published, origin, text, ingested_at,
                             extractor_version, findings_json)
SELECT id, content_hash, title, source, url, published, origin, text, ingested_at, extractor_version, findings_json
FROM documents;

CREATE TABLE positions_keyed (
    id           TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    ordinal      INTEGER NOT NULL,               -- index in the document's `positions`
    party        TEXT NOT NULL,
    issue        TEXT NOT NULL,
    stance       TEXT NOT NULL,
    detail       TEXT NOT NULL,
    quantity     REAL,
    unit         TEXT,
    evidence     TEXT NOT NULL,
    span_start   INTEGER NOT NULL,               -- byte offsets into documents.text
    span_end     INTEGER NOT NULL,
    stated       TEXT,                           -- YYYY-MM-DD
    PRIMARY KEY (id, content_hash, ordinal),
    FOREIGN KEY (id, content_hash) REFERENCES documents_keyed (id, content_hash) ON DELETE CASCADE
) STRICT;

INSERT INTO positions_keyed (id, content_hash, ordinal, party, issue, stance, detail, quantity, unit, evidence,
                             span_start, span_end, stated)
SELECT d.id, p.content_hash, p.ordinal, p.party, p.issue, p.stance, p.detail, p.quantity, p.unit, p.evidence,
       p.span_start, p.span_end, p.stated
FROM positions p JOIN documents d ON d.content_hash = p.content_hash;

CREATE TABLE people_keyed (
    id           TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    ordinal      INTEGER NOT NULL,               -- index in the document's `people`
    name         TEXT NOT NULL,
    aliases_json TEXT NOT NULL,                  -- JSON array of strings
    affiliation  TEXT,
    role         TEXT,
    PRIMARY KEY (id, content_hash, ordinal),
    FOREIGN KEY (id, content_hash) REFERENCES documents_keyed (id, content_hash) ON DELETE CASCADE
) STRICT;

INSERT INTO people_keyed (id, content_hash, ordinal, name, aliases_json, affiliation, role)
SELECT d.id, p.content_hash, p.ordinal, p.name, p.aliases_json, p.affiliation, p.role
FROM people p JOIN documents d ON d.content_hash = p.content_hash;

CREATE TABLE proposals_keyed (
    id           TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    ordinal      INTEGER NOT NULL,               -- index in the document's `proposals`
    name         TEXT NOT NULL,
    by_actor     TEXT,
    json         TEXT NOT NULL,                  -- the proposal in CONTRACT.md's shape
    PRIMARY KEY (id, content_hash, ordinal),
    FOREIGN KEY (id, content_hash) REFERENCES documents_keyed (id, content_hash) ON DELETE CASCADE
) STRICT;

INSERT INTO proposals_keyed (id, content_hash, ordinal, name, by_actor, json)
SELECT d.id, p.content_hash, p.ordinal, p.name, p.by_actor, p.json
FROM proposals p JOIN documents d ON d.content_hash = p.content_hash;

DROP TABLE positions;
DROP TABLE people;
DROP TABLE proposals;
DROP TABLE documents;

-- Renaming rewrites the findings' foreign keys to the new name as well.
ALTER TABLE documents_keyed RENAME TO documents;
ALTER TABLE positions_keyed RENAME TO positions;
ALTER TABLE people_keyed RENAME TO people;
ALTER TABLE proposals_keyed RENAME TO proposals;

CREATE INDEX documents_by_hash ON documents (content_hash);
CREATE INDEX documents_by_published ON documents (published, id);
CREATE INDEX positions_by_party ON positions (party, issue);
CREATE INDEX positions_by_issue ON positions (issue, party);
CREATE INDEX people_by_name ON people (name);
CREATE INDEX people_by_affiliation ON people (affiliation);
CREATE INDEX proposals_by_actor ON proposals (by_actor);
