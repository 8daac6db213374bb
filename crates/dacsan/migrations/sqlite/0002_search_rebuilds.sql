-- `dacsan reindex` asks every running server to rebuild its search index.
CREATE TABLE search_rebuilds (
    id INTEGER PRIMARY KEY,
    requested_at TEXT NOT NULL
);
