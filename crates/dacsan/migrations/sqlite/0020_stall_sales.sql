-- Market-day stalls take money (issue 16). A payment request is money a producer asks
-- for by VietQR outside an order; the bank hook pays it by the code in the transfer
-- content like an order. A stall sale is what a booth sold, by VietQR (through its
-- payment request) or in cash; the phone numbers each sale (`client_sale_id`), so a
-- sale sent twice after the network came back is still one sale.

CREATE TABLE payment_requests (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    amount_vnd INTEGER NOT NULL CHECK (amount_vnd > 0),
    paid_vnd INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'cancelled')),
    purpose TEXT NOT NULL,
    created_at TEXT NOT NULL,
    paid_at TEXT
);
CREATE INDEX payment_requests_producer ON payment_requests(producer_id, created_at);

ALTER TABLE bank_transactions ADD COLUMN payment_request_id INTEGER REFERENCES payment_requests(id);

-- What the fair hoped to sell, for the comparison with what its stalls sold.
ALTER TABLE fairs ADD COLUMN target_revenue_vnd INTEGER NOT NULL DEFAULT 0;

CREATE TABLE stall_sales (
    id INTEGER PRIMARY KEY,
    fair_id INTEGER NOT NULL REFERENCES fairs(id),
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    client_sale_id TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    method TEXT NOT NULL CHECK (method IN ('vietqr', 'cash')),
    amount_vnd INTEGER NOT NULL CHECK (amount_vnd > 0),
    payment_request_id INTEGER REFERENCES payment_requests(id),
    sold_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    cancelled_at TEXT,
    UNIQUE (fair_id, producer_id, client_sale_id)
);
CREATE INDEX stall_sales_fair ON stall_sales(fair_id, producer_id, sold_at);

CREATE TABLE stall_sale_items (
    sale_id INTEGER NOT NULL REFERENCES stall_sales(id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products(id),
    name TEXT NOT NULL,
    set_code TEXT NOT NULL,
    unit_price_vnd INTEGER NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    -- What came off the product's stock (never below zero: the goods were at the stall).
    stock_taken INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (sale_id, product_id)
);
