-- Links with which a carrier records a batch's shipping and receiving events without
-- an account (see trace/handovers.rs). Only the token's SHA-256 is kept.
CREATE TABLE carrier_handovers (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES batches(id),
    token_hash TEXT NOT NULL UNIQUE,
    carrier_name TEXT NOT NULL,
    carrier_phone TEXT,
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX carrier_handovers_batch ON carrier_handovers(batch_id, created_at);
