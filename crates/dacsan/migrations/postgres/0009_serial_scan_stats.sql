-- A serial's scan figures move out of the serials table into a narrow one that holds
-- only the labels that were scanned: the scan writer then touches a few small pages
-- instead of one page of the million-row serials table (and one of the scan log's
-- index) per scan. The distinct places a label was scanned from get their own table,
-- so that the log needs no index at all: it is the record, written and kept.
CREATE TABLE serial_scan_stats (
    serial_id BIGINT PRIMARY KEY REFERENCES serials(id),
    scan_count BIGINT NOT NULL,
    first_scan_at TEXT NOT NULL,
    last_scan_at TEXT NOT NULL
);
INSERT INTO serial_scan_stats (serial_id, scan_count, first_scan_at, last_scan_at)
SELECT id, scan_count, COALESCE(first_scan_at, created_at), COALESCE(last_scan_at, first_scan_at, created_at)
FROM serials WHERE scan_count > 0;

CREATE TABLE serial_scan_places (
    serial_id BIGINT NOT NULL REFERENCES serials(id),
    place TEXT NOT NULL,
    last_scan_at TEXT NOT NULL,
    PRIMARY KEY (serial_id, place)
);
INSERT INTO serial_scan_places (serial_id, place, last_scan_at)
SELECT serial_id, place, MAX(scanned_at) FROM serial_scans WHERE place <> '' GROUP BY serial_id, place;

DROP INDEX serial_scans_serial;
ALTER TABLE serials DROP COLUMN scan_count;
ALTER TABLE serials DROP COLUMN first_scan_at;
ALTER TABLE serials DROP COLUMN last_scan_at;
