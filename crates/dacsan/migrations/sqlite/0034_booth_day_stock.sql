-- A stall may count the goods it brought to a fair apart from the shop's stock
-- (issue 16): a product with a day count here is taken from it by the booth's sales,
-- and the shop's stock is left alone (those goods are not in the shop any more).
-- What is left is the count less the units of the booth's sales not withdrawn.
CREATE TABLE booth_stock (
    fair_id INTEGER NOT NULL,
    producer_id INTEGER NOT NULL,
    product_id INTEGER NOT NULL REFERENCES products(id),
    brought INTEGER NOT NULL CHECK (brought >= 0),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (fair_id, producer_id, product_id),
    FOREIGN KEY (fair_id, producer_id) REFERENCES fair_booths(fair_id, producer_id) ON DELETE CASCADE
);
