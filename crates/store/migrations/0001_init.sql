-- 0001_init: documents keyed by the hash of their cleaned text, each with its findings as JSON (the
-- truth the ledger is rebuilt from), plus normalised copies of the findings for the dashboard and exports.

CREATE TABLE documents (
    content_hash      TEXT PRIMARY KEY NOT NULL, -- sha256 hex of the cleaned text
    -- Not unique: an article edited after ingest keeps its id and gets a second row; the ledger dedups.
    id                TEXT NOT NULL,
    title             TEXT,
    source            TEXT,
    url               TEXT,
    published         TEXT,                      -- YYYY-MM-DD
    origin            TEXT NOT NULL,             -- where the article was read from: path, path:line or -
    text              TEXT NOT NULL,             -- the cleaned text every span points into
    ingested_at       TEXT NOT NULL,             -- RFC 3339, UTC
    extractor_version TEXT NOT NULL,
    findings_json     TEXT NOT NULL              -- CONTRACT.md's per-document JSON
) STRICT;

CREATE INDEX documents_by_id ON documents (id);
CREATE INDEX documents_by_published ON documents (published, id);

CREATE TABLE positions (
    content_hash TEXT NOT NULL REFERENCES documents (content_hash) ON DELETE CASCADE,
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
    PRIMARY KEY (content_hash, ordinal)
) STRICT;

CREATE INDEX positions_by_party ON positions (party, issue);
CREATE INDEX positions_by_issue ON positions (issue, party);

CREATE TABLE people (
    content_hash TEXT NOT NULL REFERENCES documents (content_hash) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,               -- index in the document's `people`
    name         TEXT NOT NULL,
    aliases_json TEXT NOT NULL,                  -- JSON array of strings
    affiliation  TEXT,
    role         TEXT,
    PRIMARY KEY (content_hash, ordinal)
) STRICT;

CREATE INDEX people_by_name ON people (name);
CREATE INDEX people_by_affiliation ON people (affiliation);

CREATE TABLE proposals (
    content_hash TEXT NOT NULL REFERENCES documents (content_hash) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,               -- index in the document's `proposals`
    name         TEXT NOT NULL,
    by_actor     TEXT,
    json         TEXT NOT NULL,                  -- the proposal in CONTRACT.md's shape
    PRIMARY KEY (content_hash, ordinal)
) STRICT;

CREATE INDEX proposals_by_actor ON proposals (by_actor);
