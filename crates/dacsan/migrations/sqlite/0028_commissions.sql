-- Hosts' and affiliates' commissions (issue 16). An affiliate is an account with a
-- referral code of its own (eight characters, where a live session's has six) that
-- it adds to any product's link; orders placed through it are attributed to the
-- affiliate as a session's are to its host. Producers set what they pay each host or
-- affiliate: one rate for all their products, or one for a product (which wins).
-- Checkout writes the rate in force on each attributed order line, so a statement
-- does not change when a producer changes a rate later.

CREATE TABLE affiliates (
    user_id INTEGER PRIMARY KEY REFERENCES users(id),
    referral_code TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE commission_rates (
    id INTEGER PRIMARY KEY,
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    host_user_id INTEGER NOT NULL REFERENCES users(id),
    -- NULL: every product of the producer without a rate of its own.
    product_id INTEGER REFERENCES products(id),
    -- Hundredths of a per cent: 750 is 7.5 %.
    rate_bp INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 5000),
    set_by INTEGER REFERENCES users(id),
    set_at TEXT NOT NULL
);
CREATE UNIQUE INDEX commission_rates_one ON commission_rates(producer_id, host_user_id, COALESCE(product_id, 0));
CREATE INDEX commission_rates_host ON commission_rates(host_user_id);

-- The rate checkout found for the line's host; NULL when none was agreed.
ALTER TABLE order_items ADD COLUMN commission_bp INTEGER;
CREATE INDEX orders_host_delivered ON orders(host_user_id, delivered_at);
