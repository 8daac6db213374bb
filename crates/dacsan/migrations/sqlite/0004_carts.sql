-- The carts of signed-in buyers (guests keep theirs in a cookie, merged on sign-in).
CREATE TABLE cart_items (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    -- The price the buyer saw when adding: a change is shown before checkout.
    seen_price_vnd INTEGER NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (user_id, product_id)
);

-- Guests find their orders by the hash of their checkout token.
CREATE INDEX orders_token ON orders(access_token_hash);

-- A store's best sellers (storefronts, "more from this store").
CREATE INDEX products_producer_sold ON products(producer_id, sold_count);
