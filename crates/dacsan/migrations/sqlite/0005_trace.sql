-- Traceability: batches (lots) of a product, their append-only chain of trace
-- events (GS1 EPCIS 2.0), serial numbers for unit labels and the scans of them,
-- and the platform's signing key.

CREATE TABLE batches (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id),
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    lot TEXT NOT NULL,
    -- The short dacsan code of /q/{code}, for products without a GTIN.
    code TEXT NOT NULL UNIQUE,
    produced_on TEXT NOT NULL,
    expires_on TEXT,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    origin_commune_code TEXT NOT NULL,
    -- GPS point in millionths of a degree (no floats in a hashed record).
    latitude_e6 INTEGER,
    longitude_e6 INTEGER,
    standards TEXT NOT NULL DEFAULT '',
    -- The canonical batch header, its hash (the chain's first link), the chain head
    -- and the platform's signature over it.
    header TEXT NOT NULL,
    header_hash TEXT NOT NULL,
    head_hash TEXT NOT NULL,
    event_count INTEGER NOT NULL DEFAULT 0,
    signature TEXT NOT NULL,
    key_id TEXT NOT NULL,
    serial_count INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    UNIQUE (product_id, lot)
);
CREATE INDEX batches_producer ON batches(producer_id, created_at);

-- Which earlier lots went into a batch (e.g. harvest lots into a processed lot).
CREATE TABLE batch_inputs (
    batch_id INTEGER NOT NULL REFERENCES batches(id),
    position INTEGER NOT NULL,
    input_batch_id INTEGER REFERENCES batches(id),
    description TEXT NOT NULL,
    PRIMARY KEY (batch_id, position)
);

-- Test results, certificates and event attachments (PDF or pictures).
CREATE TABLE trace_files (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES batches(id),
    kind TEXT NOT NULL CHECK (kind IN ('test_result', 'certificate', 'attachment')),
    title TEXT NOT NULL,
    content_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BLOB NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX trace_files_batch ON trace_files(batch_id);

CREATE TABLE trace_events (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES batches(id),
    -- Position in the batch's chain (the order of recording, not of event time).
    seq INTEGER NOT NULL,
    event_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    event_time TEXT NOT NULL,
    -- The canonical JSON that is hashed; everything shown comes from it.
    body TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    chain_hash TEXT NOT NULL,
    corrects_seq INTEGER,
    recorded_by INTEGER REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    UNIQUE (batch_id, seq)
);
CREATE INDEX trace_events_time ON trace_events(batch_id, event_time);

-- An event is never edited or deleted: corrections are new events.
CREATE TRIGGER trace_events_no_update BEFORE UPDATE ON trace_events
BEGIN SELECT RAISE(ABORT, 'trace events are append-only'); END;
CREATE TRIGGER trace_events_no_delete BEFORE DELETE ON trace_events
BEGIN SELECT RAISE(ABORT, 'trace events are append-only'); END;

CREATE TABLE serials (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES batches(id),
    serial TEXT NOT NULL UNIQUE,
    scan_count INTEGER NOT NULL DEFAULT 0,
    first_scan_at TEXT,
    last_scan_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX serials_batch ON serials(batch_id, id);

CREATE TABLE serial_scans (
    serial_id INTEGER NOT NULL REFERENCES serials(id),
    scanned_at TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT ''
);
CREATE INDEX serial_scans_serial ON serial_scans(serial_id, scanned_at);

CREATE TABLE signing_keys (
    key_id TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    secret_key TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX products_gtin ON products(gtin);
