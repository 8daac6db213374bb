-- A parcel's Serial Shipping Container Code (GS1 AI 00), given the first time
-- dacsan prints its own label for it and never changed: the label's GS1-128
-- barcode, and /00/{sscc} shows the parcel's journey.
ALTER TABLE shipments ADD COLUMN sscc TEXT;
CREATE UNIQUE INDEX shipments_sscc ON shipments(sscc);

-- The last number given under each GS1 Company Prefix: an SSCC is the prefix and a
-- number never given before (GS1 General Specifications §2.2.1).
CREATE TABLE gs1_serial_references (
    company_prefix TEXT PRIMARY KEY,
    last_number INTEGER NOT NULL
);
