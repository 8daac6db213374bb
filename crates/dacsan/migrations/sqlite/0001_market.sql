-- Market foundation: accounts, sessions, producers, products, media.
-- Times are UTC RFC 3339 text, dates ISO text, money integer đồng.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    phone TEXT,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('buyer', 'seller', 'officer', 'admin')),
    privacy_consent_at TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('web', 'api')),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE media (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL,
    content_type TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX media_sha256 ON media(sha256);

CREATE TABLE producers (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('doanh_nghiep', 'hop_tac_xa', 'to_hop_tac', 'ho_kinh_doanh')),
    province_code TEXT NOT NULL,
    commune_code TEXT NOT NULL,
    street TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT,
    tax_code TEXT,
    story TEXT NOT NULL DEFAULT '',
    logo_media_id INTEGER REFERENCES media(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX producers_province ON producers(province_code, commune_code);

CREATE TABLE producer_photos (
    producer_id INTEGER NOT NULL REFERENCES producers(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    media_id INTEGER NOT NULL REFERENCES media(id),
    thumb_media_id INTEGER NOT NULL REFERENCES media(id),
    PRIMARY KEY (producer_id, position)
);

CREATE TABLE producer_members (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    producer_id INTEGER NOT NULL REFERENCES producers(id) ON DELETE CASCADE,
    member_role TEXT NOT NULL CHECK (member_role IN ('owner', 'staff')),
    PRIMARY KEY (user_id, producer_id)
);
CREATE INDEX producer_members_producer ON producer_members(producer_id);

CREATE TABLE officer_provinces (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    province_code TEXT NOT NULL,
    PRIMARY KEY (user_id, province_code)
);

-- The bank account a producer is paid into by VietQR transfer (NAPAS BIN).
CREATE TABLE payment_accounts (
    producer_id INTEGER PRIMARY KEY REFERENCES producers(id) ON DELETE CASCADE,
    bank_bin TEXT NOT NULL,
    account_number TEXT NOT NULL,
    account_holder TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    name TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    set_code TEXT NOT NULL,
    ocop_stars INTEGER NOT NULL DEFAULT 0 CHECK (ocop_stars IN (0, 3, 4, 5)),
    ocop_certificate_no TEXT,
    ocop_authority TEXT,
    ocop_certified_on TEXT,
    ocop_expires_on TEXT,
    price_vnd INTEGER NOT NULL CHECK (price_vnd >= 0),
    unit TEXT NOT NULL,
    weight_g INTEGER NOT NULL CHECK (weight_g >= 0),
    stock INTEGER NOT NULL CHECK (stock >= 0),
    sku TEXT,
    gtin TEXT,
    description TEXT NOT NULL DEFAULT '',
    origin_commune_code TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'archived')),
    sold_count INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX products_producer ON products(producer_id);
CREATE INDEX products_updated ON products(updated_at);
CREATE UNIQUE INDEX products_producer_sku ON products(producer_id, sku);

CREATE TABLE product_photos (
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    media_id INTEGER NOT NULL REFERENCES media(id),
    thumb_media_id INTEGER NOT NULL REFERENCES media(id),
    PRIMARY KEY (product_id, position)
);

-- Complaints and reports from buyers about a seller (E-commerce Law: a marketplace
-- gives buyers a way to complain).
CREATE TABLE complaints (
    id INTEGER PRIMARY KEY,
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    product_id INTEGER REFERENCES products(id),
    name TEXT NOT NULL,
    contact TEXT NOT NULL,
    message TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    created_at TEXT NOT NULL
);
