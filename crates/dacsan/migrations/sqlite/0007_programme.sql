-- Programme office: the province's registry of producers and products, outside
-- listings and their monthly sales, plan targets and monthly indicator history,
-- 1:1 support cases, trainings, fairs. Dates are ISO `YYYY-MM-DD` text; a fact that
-- counts for an indicator carries the date from which it holds, so an indicator can
-- be computed as of any day.

-- The province's own id of a producer (the registry's upsert key) and what the
-- registry declares outside dacsan.
ALTER TABLE producers ADD COLUMN registry_code TEXT;
ALTER TABLE producers ADD COLUMN declared_store_url TEXT;
ALTER TABLE producers ADD COLUMN declared_store_on TEXT;
ALTER TABLE producers ADD COLUMN declared_payment_on TEXT;
ALTER TABLE producers ADD COLUMN trained_digital_on TEXT;
ALTER TABLE producers ADD COLUMN trained_packaging_on TEXT;
CREATE UNIQUE INDEX producers_registry_code ON producers(province_code, registry_code);

-- Registry class of a product (`ocop`, `cnnt` for CNNT tiêu biểu, `seasonal` for
-- nông sản mùa vụ, NULL when not in the registry), eligibility for e-commerce, and
-- the day it last became active on dacsan (NULL while not active).
ALTER TABLE products ADD COLUMN registry_class TEXT CHECK (registry_class IN ('ocop', 'cnnt', 'seasonal'));
ALTER TABLE products ADD COLUMN ecommerce_eligible INTEGER NOT NULL DEFAULT 0;
ALTER TABLE products ADD COLUMN active_since TEXT;
UPDATE products SET active_since = substr(created_at, 1, 10) WHERE status = 'active';
CREATE INDEX products_ocop ON products(ocop_stars, ocop_expires_on);

CREATE TRIGGER products_active_since_insert AFTER INSERT ON products
WHEN NEW.status = 'active' AND NEW.active_since IS NULL
BEGIN
    UPDATE products SET active_since = substr(NEW.created_at, 1, 10) WHERE id = NEW.id;
END;

CREATE TRIGGER products_active_since_update AFTER UPDATE OF status ON products
WHEN NEW.status IS NOT OLD.status
BEGIN
    UPDATE products
    SET active_since = CASE WHEN NEW.status = 'active' THEN substr(NEW.updated_at, 1, 10) END
    WHERE id = NEW.id;
END;

-- When a producer's VietQR receiving account was first set up.
ALTER TABLE payment_accounts ADD COLUMN created_on TEXT;
UPDATE payment_accounts SET created_on = substr(updated_at, 1, 10);

CREATE TRIGGER payment_accounts_created_on AFTER INSERT ON payment_accounts
WHEN NEW.created_on IS NULL
BEGIN
    UPDATE payment_accounts SET created_on = substr(NEW.updated_at, 1, 10) WHERE producer_id = NEW.producer_id;
END;

-- A product's listing on another channel (Shopee, TikTok Shop, Lazada, Postmart,
-- Voso, Tiki, Sendo, Alibaba, Amazon, the producer's own site, ...).
CREATE TABLE listings (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id),
    platform TEXT NOT NULL,
    url TEXT NOT NULL DEFAULT '',
    listed_on TEXT NOT NULL,
    delisted_on TEXT,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (product_id, platform)
);
CREATE INDEX listings_platform ON listings(platform);

-- Monthly sales of a listing as the platform reports them.
CREATE TABLE listing_sales (
    listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    units INTEGER NOT NULL CHECK (units >= 0),
    revenue_vnd INTEGER NOT NULL CHECK (revenue_vnd >= 0),
    PRIMARY KEY (listing_id, month)
);

-- The plan's targets per indicator and year, in percent. Province '' holds the
-- defaults every province uses until it enters its own plan.
CREATE TABLE plan_targets (
    province_code TEXT NOT NULL,
    indicator TEXT NOT NULL,
    year INTEGER NOT NULL,
    target_pct INTEGER NOT NULL CHECK (target_pct BETWEEN 0 AND 100),
    plan_name TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (province_code, indicator, year)
);

-- Plan 270/KH-UBND (Lào Cai) figures as the defaults.
INSERT INTO plan_targets (province_code, indicator, year, target_pct, plan_name) VALUES
    ('', 'ocop_products_online', 2025, 100, 'KH 270/KH-UBND'),
    ('', 'producers_store_and_payment', 2025, 100, 'KH 270/KH-UBND'),
    ('', 'trained_digital_skills', 2025, 70, 'KH 270/KH-UBND'),
    ('', 'trained_packaging_delivery', 2025, 60, 'KH 270/KH-UBND'),
    ('', 'eligible_goods_online', 2025, 90, 'KH 270/KH-UBND');

-- The indicators at the end of each month (the current month is rewritten until it
-- closes), so that trends stay true when the registry changes later.
CREATE TABLE kpi_monthly (
    province_code TEXT NOT NULL,
    month TEXT NOT NULL,
    indicator TEXT NOT NULL,
    numerator INTEGER NOT NULL,
    denominator INTEGER NOT NULL,
    computed_at TEXT NOT NULL,
    PRIMARY KEY (province_code, month, indicator)
);

-- Each registry workbook imported (or previewed), kept with its bytes.
CREATE TABLE registry_imports (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES users(id),
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BLOB NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('previewed', 'imported')),
    summary TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    imported_at TEXT
);

-- 1:1 support of a producer by the task force.
CREATE TABLE support_cases (
    id INTEGER PRIMARY KEY,
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    topic TEXT NOT NULL CHECK (topic IN ('open_store', 'payment_account', 'packaging', 'photos', 'livestream', 'other')),
    title TEXT NOT NULL DEFAULT '',
    owner_user_id INTEGER REFERENCES users(id),
    status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
    due_on TEXT,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX support_cases_producer ON support_cases(producer_id);
CREATE INDEX support_cases_status ON support_cases(status, due_on);

CREATE TABLE support_case_notes (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES support_cases(id) ON DELETE CASCADE,
    author_user_id INTEGER REFERENCES users(id),
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX support_case_notes_case ON support_case_notes(case_id, id);

-- Training courses by pillar, their sessions and who completed them.
CREATE TABLE courses (
    id INTEGER PRIMARY KEY,
    province_code TEXT NOT NULL,
    title TEXT NOT NULL,
    pillar TEXT NOT NULL CHECK (pillar IN ('go_online', 'go_export', 'go_ai', 'go_right', 'packaging_delivery')),
    created_at TEXT NOT NULL
);
CREATE INDEX courses_province ON courses(province_code);

CREATE TABLE training_sessions (
    id INTEGER PRIMARY KEY,
    course_id INTEGER NOT NULL REFERENCES courses(id),
    held_on TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    trainer TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX training_sessions_course ON training_sessions(course_id, held_on);

CREATE TABLE training_attendance (
    session_id INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    attendee_name TEXT NOT NULL DEFAULT '',
    completed INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (session_id, producer_id, attendee_name)
);
CREATE INDEX training_attendance_producer ON training_attendance(producer_id);

-- Fairs and market sessions with their booths.
CREATE TABLE fairs (
    id INTEGER PRIMARY KEY,
    province_code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('fair', 'market_session')),
    place TEXT NOT NULL DEFAULT '',
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    visitors INTEGER NOT NULL DEFAULT 0 CHECK (visitors >= 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX fairs_province ON fairs(province_code, starts_on);

CREATE TABLE fair_booths (
    fair_id INTEGER NOT NULL REFERENCES fairs(id) ON DELETE CASCADE,
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    booth TEXT NOT NULL DEFAULT '',
    revenue_vnd INTEGER NOT NULL DEFAULT 0 CHECK (revenue_vnd >= 0),
    PRIMARY KEY (fair_id, producer_id)
);
