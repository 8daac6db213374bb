-- Work that must survive a restart and run once with several servers: carrier
-- bookings and cancellations, tracking polls, unpaid orders' expiry, indicator
-- snapshots. A job is claimed by setting its lease (locked_by, locked_until); a
-- lease that runs out (the server died) makes the job claimable again.
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    -- At most one queued or running job per key (a parcel's booking, a recurring task).
    dedupe_key TEXT,
    status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL DEFAULT 8,
    -- Recurring jobs: the next run is queued this many seconds after one ends.
    repeat_s INTEGER,
    run_at TEXT NOT NULL,
    locked_by TEXT,
    locked_until TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE UNIQUE INDEX jobs_active_key ON jobs (dedupe_key) WHERE status IN ('queued', 'running');
CREATE INDEX jobs_due ON jobs (run_at) WHERE status = 'queued';
CREATE INDEX jobs_leased ON jobs (locked_until) WHERE status = 'running';
CREATE INDEX jobs_by_status ON jobs (status, id);

-- Parcels on their way that a tracking poll asks about (logistics/tracking.rs).
CREATE INDEX shipments_quiet ON shipments (carrier, updated_at);
