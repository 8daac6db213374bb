-- Fair trade leads (issue 15): an officer enters a business met at a fair as a
-- request for quotation on its behalf (its name, phone and tax code); the business
-- claims it, by its tax code, once it has an account with a business profile.

ALTER TABLE rfqs ADD COLUMN fair_id INTEGER REFERENCES fairs(id);
ALTER TABLE rfqs ADD COLUMN lead_name TEXT;
ALTER TABLE rfqs ADD COLUMN lead_phone TEXT;
ALTER TABLE rfqs ADD COLUMN lead_tax_code TEXT;
ALTER TABLE rfqs ADD COLUMN claimed_at TEXT;
CREATE INDEX rfqs_fair ON rfqs(fair_id) WHERE fair_id IS NOT NULL;
CREATE INDEX rfqs_lead_tax_code ON rfqs(lead_tax_code) WHERE lead_tax_code IS NOT NULL AND claimed_at IS NULL;
