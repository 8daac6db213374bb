-- Cartons, cases and pallets by their SSCC (GS1 AI 00): every trace event that names
-- one is filed here with its batch, so that the carton's label resolves (`/00/{sscc}`)
-- to the batches packed in it. The events themselves stay the record.
CREATE TABLE carton_lines (
    sscc TEXT NOT NULL,
    batch_id INTEGER NOT NULL REFERENCES batches(id),
    event_seq INTEGER NOT NULL,
    event_kind TEXT NOT NULL,
    event_time TEXT NOT NULL,
    quantity INTEGER,
    PRIMARY KEY (sscc, batch_id, event_seq)
);
