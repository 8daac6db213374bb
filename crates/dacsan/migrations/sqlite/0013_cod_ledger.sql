-- Cash collected on delivery, as the carriers' statements report it: each imported
-- file once (by its SHA-256), and each of its lines as a ledger row that is never
-- changed. A shipment's collected money is the sum of its counted lines.
CREATE TABLE cod_statements (
    id INTEGER PRIMARY KEY,
    carrier TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    line_count INTEGER NOT NULL,
    imported_by INTEGER REFERENCES users(id),
    imported_at TEXT NOT NULL,
    UNIQUE (carrier, file_sha256)
);

CREATE TABLE cod_lines (
    id INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES cod_statements(id),
    row_no INTEGER NOT NULL,
    carrier TEXT NOT NULL,
    waybill TEXT NOT NULL,
    shipment_id INTEGER REFERENCES shipments(id),
    collected_vnd INTEGER NOT NULL,
    fee_vnd INTEGER NOT NULL,
    transferred_vnd INTEGER NOT NULL,
    transfer_date TEXT,
    expected_vnd INTEGER,
    -- matched: the shipment's expected amount; differs: another amount (flagged);
    -- unmatched: no shipment has this waybill; repeated: the same line came in an
    -- earlier statement (not counted twice).
    outcome TEXT NOT NULL CHECK (outcome IN ('matched', 'differs', 'unmatched', 'repeated')),
    created_at TEXT NOT NULL
);
CREATE INDEX cod_lines_shipment ON cod_lines(shipment_id);
CREATE INDEX cod_lines_waybill ON cod_lines(carrier, waybill);
CREATE INDEX cod_lines_date ON cod_lines(transfer_date);
