-- Wholesale prices (issue 15): a product's price breaks for business buyers, as a
-- JSON list of {"min_quantity", "unit_price_vnd"}, quantities rising and prices
-- falling; empty when the product is sold retail only.

ALTER TABLE products ADD COLUMN wholesale_breaks TEXT NOT NULL DEFAULT '';
