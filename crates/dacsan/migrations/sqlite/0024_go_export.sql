-- Go Export (issue 15): a producer's English story; a product's English description and unit, and what a buyer
-- abroad needs: its HS code (digits only), shelf life, certifications and the
-- markets it already sells to (lists joined by '|'); and the exchange rates an
-- admin sets for the indicative foreign-currency figures on English pages.

ALTER TABLE producers ADD COLUMN story_en TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN unit_en TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN hs_code TEXT;
ALTER TABLE products ADD COLUMN shelf_life_days INTEGER CHECK (shelf_life_days BETWEEN 1 AND 3650);
ALTER TABLE products ADD COLUMN certifications TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN export_markets TEXT NOT NULL DEFAULT '';

CREATE TABLE exchange_rates (
    currency TEXT PRIMARY KEY CHECK (currency IN ('USD')),
    vnd_per_unit INTEGER NOT NULL CHECK (vnd_per_unit > 0),
    set_by INTEGER REFERENCES users(id),
    set_at TEXT NOT NULL
);
