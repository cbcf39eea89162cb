-- hetong catalog, version 1: documents, their text and clauses, links between documents, upload jobs.
-- The originals (content-addressed files) and this catalog are the archive of record;
-- the Lucene index is derived from them.

CREATE TABLE documents (
    id            TEXT PRIMARY KEY,            -- first 16 hex digits of the SHA-256 of the original
    sha256        TEXT NOT NULL UNIQUE,
    file_name     TEXT NOT NULL,               -- name as first uploaded; shown, never used as a path
    media_type    TEXT,
    size_bytes    INTEGER NOT NULL,
    kind          TEXT NOT NULL DEFAULT 'other',   -- contract | supplement | correspondence | attachment | other
    title         TEXT,
    status        TEXT NOT NULL,               -- processing | indexed | failed
    error_code    TEXT,
    error_message TEXT,
    contract_id   TEXT,
    fields_json   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE INDEX documents_by_status ON documents(status);
CREATE INDEX documents_by_contract ON documents(contract_id);

CREATE TABLE document_text (
    document_id TEXT PRIMARY KEY REFERENCES documents(id),
    text        TEXT NOT NULL
);

CREATE TABLE clauses (
    id             TEXT PRIMARY KEY,           -- <document id>-<ordinal>
    document_id    TEXT NOT NULL REFERENCES documents(id),
    ordinal        INTEGER NOT NULL,
    parent_ordinal INTEGER,
    level          INTEGER NOT NULL,
    role           TEXT NOT NULL,              -- preamble | clause | signature | appendix | paragraph
    number         TEXT,                       -- label as written, e.g. 第五条, （一）, 1.1
    number_value   INTEGER,                    -- the number itself, e.g. 5 for 第五条
    heading        TEXT,
    clause_type    TEXT,
    secondary_type TEXT,
    text           TEXT NOT NULL,
    start_offset   INTEGER NOT NULL,
    end_offset     INTEGER NOT NULL,
    searchable     INTEGER NOT NULL            -- 1 for the units that become search hits
);
CREATE INDEX clauses_by_document ON clauses(document_id, ordinal);

CREATE TABLE links (
    from_id    TEXT NOT NULL REFERENCES documents(id),
    to_id      TEXT NOT NULL REFERENCES documents(id),
    relation   TEXT NOT NULL,                  -- attachment | entry | supplement | correspondence
    name       TEXT,                           -- e.g. the entry's path inside its ZIP, as written there
    reason     TEXT,
    confidence REAL NOT NULL DEFAULT 1.0,
    origin     TEXT NOT NULL DEFAULT 'auto',   -- auto | staff
    created_at TEXT NOT NULL,
    PRIMARY KEY (from_id, to_id, relation)
);
CREATE INDEX links_to ON links(to_id);

CREATE TABLE upload_jobs (
    id         TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    state      TEXT NOT NULL                   -- running | done
);

CREATE TABLE upload_items (
    job_id        TEXT NOT NULL REFERENCES upload_jobs(id),
    seq           INTEGER NOT NULL,
    name          TEXT NOT NULL,
    status        TEXT NOT NULL,               -- queued | processing | stored | duplicate | failed
    sha256        TEXT,
    document_id   TEXT,
    error_code    TEXT,
    error_message TEXT,
    PRIMARY KEY (job_id, seq)
);
