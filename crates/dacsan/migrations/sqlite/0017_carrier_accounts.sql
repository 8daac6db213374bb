-- A producer's own account with a carrier (issue 14), used for its parcels instead
-- of the platform's. The credentials (token, shop id: JSON) are sealed with the
-- operator's DACSAN_SECRET_KEY (src/secrets): the table never holds them in clear.
CREATE TABLE carrier_accounts (
    id INTEGER PRIMARY KEY,
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    carrier TEXT NOT NULL CHECK (carrier IN ('ghn', 'ghtk', 'viettelpost', 'vnpost')),
    credentials TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users(id),
    updated_at TEXT NOT NULL,
    CONSTRAINT carrier_accounts_producer_carrier UNIQUE (producer_id, carrier)
);

-- Whose account booked a parcel: its cancellation, label and tracking use the same.
ALTER TABLE shipments ADD COLUMN account TEXT NOT NULL DEFAULT 'platform'
    CHECK (account IN ('platform', 'producer'));
