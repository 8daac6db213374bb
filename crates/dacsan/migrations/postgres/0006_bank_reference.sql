-- The bank's own reference of a transfer: a webhook and a statement reporting the
-- same transfer are recognised as one.
ALTER TABLE bank_transactions ADD COLUMN bank_reference TEXT NOT NULL DEFAULT '';
CREATE INDEX bank_transactions_reference ON bank_transactions(bank_reference);
