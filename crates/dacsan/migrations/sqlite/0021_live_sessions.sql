-- Live selling (issue 16): a livestream session of one or more producers' products,
-- with its host (a KOL/KOC account), a referral code, and session prices valid only
-- between its start and end. An order placed through the session (its page, short
-- link or code) is attributed to it and its host.

CREATE TABLE live_sessions (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    referral_code TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    platform TEXT NOT NULL CHECK (platform IN ('tiktok', 'facebook', 'youtube', 'zalo', 'dacsan')),
    stream_url TEXT NOT NULL DEFAULT '',
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    host_user_id INTEGER REFERENCES users(id),
    created_by INTEGER REFERENCES users(id),
    viewers INTEGER NOT NULL DEFAULT 0 CHECK (viewers >= 0),
    peak_viewers INTEGER NOT NULL DEFAULT 0 CHECK (peak_viewers >= 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX live_sessions_starts ON live_sessions(starts_at);

CREATE TABLE live_session_items (
    session_id INTEGER NOT NULL REFERENCES live_sessions(id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products(id),
    position INTEGER NOT NULL,
    session_price_vnd INTEGER CHECK (session_price_vnd >= 0),
    -- Units sold at the session price at most; the list price after.
    stock_cap INTEGER CHECK (stock_cap >= 0),
    sold_at_session_price INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, product_id)
);
CREATE INDEX live_session_items_product ON live_session_items(product_id);

ALTER TABLE orders ADD COLUMN live_session_id INTEGER REFERENCES live_sessions(id);
ALTER TABLE orders ADD COLUMN host_user_id INTEGER REFERENCES users(id);
CREATE INDEX orders_live_session ON orders(live_session_id);
