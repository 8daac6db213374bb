-- Covering indexes for the programme office's figures: a province's orders of a month
-- and its products' indicator facts are read from the index alone, without touching
-- the wide rows (descriptions, addresses).
CREATE INDEX orders_producer_sales ON orders(producer_id, created_at, status, total_vnd);
CREATE INDEX products_producer_facts ON products(producer_id, status, created_at, ocop_stars, ocop_certified_on, ocop_expires_on, ecommerce_eligible, active_since);
