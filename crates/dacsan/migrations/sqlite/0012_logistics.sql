-- Delivery: what each order's delivery was chosen as at checkout, the carriers'
-- rate cards, producers' own delivery terms, shipments (parcels) with their journey,
-- and every carrier notification as received.

ALTER TABLE orders ADD COLUMN delivery_option TEXT;
ALTER TABLE orders ADD COLUMN delivery_name TEXT;
ALTER TABLE orders ADD COLUMN cod_fee_vnd INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN parcel_weight_g INTEGER;
ALTER TABLE orders ADD COLUMN eta_days_min INTEGER;
ALTER TABLE orders ADD COLUMN eta_days_max INTEGER;

-- A carrier service's rate card (JSON, see logistics/rates.rs). Importing or editing
-- adds a version; the newest of each carrier and service is the one that quotes.
CREATE TABLE rate_cards (
    id INTEGER PRIMARY KEY,
    carrier TEXT NOT NULL,
    service TEXT NOT NULL,
    card TEXT NOT NULL,
    is_sample INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE INDEX rate_cards_service ON rate_cards(carrier, service, id);

-- A producer's own delivery and pick-up terms.
CREATE TABLE producer_delivery (
    producer_id INTEGER PRIMARY KEY REFERENCES producers(id),
    pickup INTEGER NOT NULL DEFAULT 1,
    own_fee_vnd INTEGER CHECK (own_fee_vnd >= 0),
    own_area TEXT NOT NULL DEFAULT 'province' CHECK (own_area IN ('province', 'region')),
    own_eta_days_min INTEGER NOT NULL DEFAULT 1,
    own_eta_days_max INTEGER NOT NULL DEFAULT 3,
    updated_at TEXT NOT NULL
);

-- One parcel of an order. `code` is our reference, sent as the carrier's client order
-- code, so a booking whose answer was lost is found again instead of booked twice.
CREATE TABLE shipments (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id),
    code TEXT NOT NULL UNIQUE,
    carrier TEXT NOT NULL,
    service TEXT NOT NULL DEFAULT '',
    tracking_code TEXT,
    status TEXT NOT NULL,
    weight_g INTEGER NOT NULL,
    length_cm INTEGER,
    width_cm INTEGER,
    height_cm INTEGER,
    cod_vnd INTEGER NOT NULL DEFAULT 0,
    fee_vnd INTEGER,
    label_url TEXT,
    last_event_at TEXT,
    error TEXT,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX shipments_order ON shipments(order_id);
CREATE UNIQUE INDEX shipments_waybill ON shipments(carrier, tracking_code);

CREATE TABLE shipment_events (
    id INTEGER PRIMARY KEY,
    shipment_id INTEGER NOT NULL REFERENCES shipments(id),
    status TEXT NOT NULL,
    raw_status TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX shipment_events_shipment ON shipment_events(shipment_id, at);

-- Carrier notifications as received, never changed but for when and how they were
-- applied. A notification whose waybill we do not know waits here for an admin.
CREATE TABLE carrier_notifications (
    id INTEGER PRIMARY KEY,
    carrier TEXT NOT NULL,
    dedupe_key TEXT NOT NULL UNIQUE,
    content_type TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    waybill TEXT,
    shipment_id INTEGER REFERENCES shipments(id),
    outcome TEXT NOT NULL,
    error TEXT,
    received_at TEXT NOT NULL
);
CREATE INDEX carrier_notifications_outcome ON carrier_notifications(outcome, received_at);
