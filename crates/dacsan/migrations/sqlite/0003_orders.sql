-- Orders and payments: one order per producer per checkout, items at the price of
-- the moment, an audit trail of every status change, bank transfers as received.

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    checkout_id TEXT NOT NULL,
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    buyer_user_id INTEGER REFERENCES users(id),
    buyer_name TEXT NOT NULL,
    buyer_phone TEXT NOT NULL,
    buyer_email TEXT,
    ship_province_code TEXT NOT NULL,
    ship_commune_code TEXT NOT NULL,
    ship_street TEXT NOT NULL,
    payment_method TEXT NOT NULL CHECK (payment_method IN ('vietqr', 'cod')),
    status TEXT NOT NULL,
    subtotal_vnd INTEGER NOT NULL,
    shipping_vnd INTEGER NOT NULL,
    total_vnd INTEGER NOT NULL,
    paid_vnd INTEGER NOT NULL DEFAULT 0,
    -- 1 while the order's items are taken from stock.
    stock_held INTEGER NOT NULL DEFAULT 1,
    access_token_hash TEXT NOT NULL,
    payment_due_at TEXT,
    carrier TEXT,
    tracking_no TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX orders_producer ON orders(producer_id, created_at);
CREATE INDEX orders_buyer ON orders(buyer_user_id, created_at);
CREATE INDEX orders_due ON orders(status, payment_due_at);

CREATE TABLE order_items (
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products(id),
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    price_vnd INTEGER NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, product_id)
);

CREATE TABLE order_events (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    from_status TEXT,
    to_status TEXT NOT NULL,
    actor_user_id INTEGER REFERENCES users(id),
    actor TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX order_events_order ON order_events(order_id, id);

-- Incoming bank transfers (webhooks, imported statements), matched or not.
CREATE TABLE bank_transactions (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    source_txn_id TEXT NOT NULL,
    amount_vnd INTEGER NOT NULL,
    content TEXT NOT NULL,
    account_number TEXT NOT NULL DEFAULT '',
    transacted_at TEXT NOT NULL,
    order_id INTEGER REFERENCES orders(id),
    outcome TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (source, source_txn_id)
);
CREATE INDEX bank_transactions_order ON bank_transactions(order_id);
CREATE INDEX bank_transactions_outcome ON bank_transactions(outcome);

-- Messages to buyers and sellers, shown in the app and e-mailed when SMTP is set.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    order_id INTEGER REFERENCES orders(id) ON DELETE CASCADE,
    producer_id INTEGER REFERENCES producers(id),
    user_id INTEGER REFERENCES users(id),
    email TEXT,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    emailed_at TEXT
);
CREATE INDEX notifications_producer ON notifications(producer_id, id);
CREATE INDEX notifications_user ON notifications(user_id, id);
