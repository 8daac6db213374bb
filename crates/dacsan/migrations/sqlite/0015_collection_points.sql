-- Collection runs for remote communes: points where producers drop parcels (a commune
-- post office, a cooperative's shed), the runs that take them on (weekdays and a time,
-- Vietnam time, by a carrier or the cooperative's vehicle), the keepers' links, the
-- parcels received at a point and the manifests of the runs that took them.

CREATE TABLE collection_points (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    province_code TEXT NOT NULL,
    commune_code TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    hours TEXT NOT NULL DEFAULT '',
    contact_name TEXT NOT NULL,
    contact_phone TEXT NOT NULL,
    -- The cooperative that runs it; none for a point set up by the province.
    producer_id INTEGER REFERENCES producers(id),
    active INTEGER NOT NULL DEFAULT 1,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX collection_points_province ON collection_points(province_code, active);

-- `weekdays` as `tue,fri`; `time_local` as `14:00` in Vietnam time (UTC+7);
-- `carrier` a carrier's code (`ghn`…) or `vehicle` with the vehicle's name.
CREATE TABLE collection_runs (
    id INTEGER PRIMARY KEY,
    point_id INTEGER NOT NULL REFERENCES collection_points(id),
    weekdays TEXT NOT NULL,
    time_local TEXT NOT NULL,
    carrier TEXT NOT NULL,
    vehicle_name TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX collection_runs_point ON collection_runs(point_id);

-- Links with which a point's keeper receives parcels without an account. Only the
-- token's SHA-256 is kept.
CREATE TABLE collection_keepers (
    id INTEGER PRIMARY KEY,
    point_id INTEGER NOT NULL REFERENCES collection_points(id),
    token_hash TEXT NOT NULL UNIQUE,
    keeper_name TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX collection_keepers_point ON collection_keepers(point_id, created_at);

-- A run's hand-over to its carrier on a date: the manifest, closed once.
CREATE TABLE collection_manifests (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES collection_runs(id),
    run_date TEXT NOT NULL,
    handed_over_at TEXT NOT NULL,
    handed_over_by INTEGER REFERENCES users(id),
    CONSTRAINT collection_manifests_run_date UNIQUE (run_id, run_date)
);

-- A parcel received at a point; `manifest_id` once its run took it.
CREATE TABLE collection_parcels (
    shipment_id INTEGER PRIMARY KEY REFERENCES shipments(id),
    point_id INTEGER NOT NULL REFERENCES collection_points(id),
    keeper_id INTEGER REFERENCES collection_keepers(id),
    received_at TEXT NOT NULL,
    manifest_id INTEGER REFERENCES collection_manifests(id)
);
CREATE INDEX collection_parcels_point ON collection_parcels(point_id, manifest_id);

-- The point a producer drops its parcels at.
ALTER TABLE producer_delivery ADD COLUMN collection_point_id INTEGER REFERENCES collection_points(id);
