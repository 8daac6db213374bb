-- Quote attachments (issue 15): test results, certificates or spec sheets a
-- producer adds to its quote (PDF or pictures, sniffed from their bytes).

CREATE TABLE quote_attachments (
    id INTEGER PRIMARY KEY,
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
    size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
    bytes BLOB NOT NULL,
    uploaded_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE INDEX quote_attachments_quote ON quote_attachments(quote_id, id);
