-- The data subject's rights (Law 91/2025/QH15, Decree 356/2025/NĐ-CP).
-- Consents are a ledger: each grant or withdrawal is a row, never changed; a
-- person's consent to a purpose is the newest row.
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    purpose TEXT NOT NULL,
    notice_version TEXT NOT NULL,
    granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
    -- The page or API that recorded it.
    source TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX consents_user ON consents (user_id, purpose, id);

-- Every request a person makes about their data, with its legal clock.
CREATE TABLE privacy_requests (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind IN ('access', 'export', 'correction', 'withdrawal', 'deletion', 'objection')),
    status TEXT NOT NULL CHECK (status IN ('open', 'done', 'refused')),
    -- What was asked, or what holds it up, in words.
    detail TEXT NOT NULL DEFAULT '',
    -- Someone without an account (a producer's contact in a registry): how to reach them.
    contact TEXT,
    created_at TEXT NOT NULL,
    acknowledge_by TEXT NOT NULL,
    acknowledged_at TEXT,
    due_at TEXT NOT NULL,
    done_at TEXT,
    handled_by INTEGER REFERENCES users(id)
);
CREATE INDEX privacy_requests_open ON privacy_requests (status, due_at);
CREATE INDEX privacy_requests_user ON privacy_requests (user_id, id);

-- Who took personal data out in bulk (exports, downloads), and of how many people.
CREATE TABLE processing_log (
    id INTEGER PRIMARY KEY,
    actor_user_id INTEGER REFERENCES users(id),
    action TEXT NOT NULL,
    people INTEGER NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX processing_log_time ON processing_log (created_at);

-- An erased account: it can no longer sign in, and its personal data is gone.
ALTER TABLE users ADD COLUMN deleted_at TEXT;
