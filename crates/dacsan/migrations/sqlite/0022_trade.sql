-- Regional trade (issue 15): business buyers' requests for quotation (RFQs), the
-- producers' quotes (every revision kept), their threads, supply offers ahead of a
-- harvest, and what buyers follow. An accepted quote becomes an ordinary order.

CREATE TABLE business_profiles (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    tax_code TEXT NOT NULL,
    address TEXT NOT NULL,
    contact_phone TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE rfqs (
    id INTEGER PRIMARY KEY,
    buyer_user_id INTEGER NOT NULL REFERENCES users(id),
    title TEXT NOT NULL,
    -- An OCOP product set (Decision 148), or '' for a free-text request.
    set_code TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit TEXT NOT NULL,
    target_price_vnd INTEGER CHECK (target_price_vnd >= 0),
    deliver_province_code TEXT NOT NULL,
    deliver_commune_code TEXT,
    -- Only producers of this province, when the buyer limits it.
    from_province_code TEXT,
    needed_by TEXT NOT NULL,
    min_ocop_stars INTEGER NOT NULL DEFAULT 0 CHECK (min_ocop_stars IN (0, 3, 4, 5)),
    -- Comma-separated: vietgap, organic, traceable, sample_first.
    requirements TEXT NOT NULL DEFAULT '',
    export_country TEXT,
    export_incoterm TEXT,
    -- The supply offer this request answers, when it was made from one.
    offer_id INTEGER,
    status TEXT NOT NULL CHECK (status IN ('open', 'awarded', 'closed')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX rfqs_status ON rfqs(status, id);
CREATE INDEX rfqs_buyer ON rfqs(buyer_user_id, id);
CREATE INDEX rfqs_deliver ON rfqs(deliver_province_code, id);

-- The producers a request was put in front of when it was posted.
CREATE TABLE rfq_matches (
    rfq_id INTEGER NOT NULL REFERENCES rfqs(id) ON DELETE CASCADE,
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    PRIMARY KEY (rfq_id, producer_id)
);
CREATE INDEX rfq_matches_producer ON rfq_matches(producer_id, rfq_id);

CREATE TABLE rfq_declines (
    rfq_id INTEGER NOT NULL REFERENCES rfqs(id) ON DELETE CASCADE,
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    reason TEXT NOT NULL,
    declined_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (rfq_id, producer_id)
);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    rfq_id INTEGER NOT NULL REFERENCES rfqs(id),
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    -- The producer's product the quote is for: the accepted order's line.
    product_id INTEGER NOT NULL REFERENCES products(id),
    status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'withdrawn')),
    revision INTEGER NOT NULL,
    order_id INTEGER REFERENCES orders(id),
    accepted_quantity INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (rfq_id, producer_id)
);
-- Covers the office's figures of a province's producers: their quotes by status,
-- request and order, and when they were sent.
CREATE INDEX quotes_producer ON quotes(producer_id, status, rfq_id, order_id, created_at);

-- Every revision of a quote, never changed once written.
CREATE TABLE quote_revisions (
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    -- JSON: [{"min_quantity", "unit_price_vnd"}], increasing in quantity.
    tiers TEXT NOT NULL,
    moq INTEGER NOT NULL CHECK (moq > 0),
    pack_size TEXT NOT NULL DEFAULT '',
    lead_days INTEGER NOT NULL CHECK (lead_days >= 0),
    valid_until TEXT NOT NULL,
    deposit_pct INTEGER NOT NULL DEFAULT 0 CHECK (deposit_pct BETWEEN 0 AND 100),
    delivery_vnd INTEGER NOT NULL DEFAULT 0 CHECK (delivery_vnd >= 0),
    sample_price_vnd INTEGER CHECK (sample_price_vnd >= 0),
    incoterm TEXT,
    port TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (quote_id, revision)
);

CREATE TABLE quote_messages (
    id INTEGER PRIMARY KEY,
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    author_user_id INTEGER REFERENCES users(id),
    side TEXT NOT NULL CHECK (side IN ('buyer', 'producer')),
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX quote_messages_quote ON quote_messages(quote_id, id);

CREATE TABLE supply_offers (
    id INTEGER PRIMARY KEY,
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    product_id INTEGER REFERENCES products(id),
    set_code TEXT NOT NULL,
    title TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit TEXT NOT NULL,
    unit_price_vnd INTEGER NOT NULL CHECK (unit_price_vnd >= 0),
    min_quantity INTEGER NOT NULL CHECK (min_quantity > 0),
    available_from TEXT NOT NULL,
    available_until TEXT,
    province_code TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX supply_offers_open ON supply_offers(status, set_code, id);
CREATE INDEX supply_offers_producer ON supply_offers(producer_id, id);

-- What a buyer follows: a product set and/or a province ('' for any).
CREATE TABLE trade_follows (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    set_code TEXT NOT NULL,
    province_code TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, set_code, province_code)
);
CREATE INDEX trade_follows_set ON trade_follows(set_code, province_code);

-- New products whose followers were told (once each).
CREATE TABLE trade_product_alerts (
    product_id INTEGER PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
    told INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

-- Matching a request to producers reads the active products of one set.
CREATE INDEX products_set_status ON products(set_code, status, producer_id);

-- Part of an order paid before the goods are made (a wholesale quote's deposit):
-- the order is paid for work to start when this much has come in.
ALTER TABLE orders ADD COLUMN deposit_vnd INTEGER NOT NULL DEFAULT 0;
