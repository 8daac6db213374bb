-- The breach register (issue 17): personal-data breaches an admin records, with
-- the 72-hour clock to the authority's notice (Decree 356/2025/NĐ-CP) and every
-- notice sent (to the authority, the people affected, others).

CREATE TABLE data_breaches (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    found_at TEXT NOT NULL,
    occurred_at TEXT,
    -- Comma-separated: identity, contact, address, orders, payment, credentials, location, other.
    data_kinds TEXT NOT NULL,
    people_affected INTEGER NOT NULL CHECK (people_affected >= 0),
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    reported_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX data_breaches_status ON data_breaches(status, found_at);

CREATE TABLE data_breach_notices (
    id INTEGER PRIMARY KEY,
    breach_id INTEGER NOT NULL REFERENCES data_breaches(id) ON DELETE CASCADE,
    recipient TEXT NOT NULL CHECK (recipient IN ('authority', 'subjects', 'other')),
    channel TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE INDEX data_breach_notices_breach ON data_breach_notices(breach_id, sent_at);
