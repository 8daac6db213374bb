-- The trace signing key's secret half sealed under DACSAN_SECRET_KEY (issue 17:
-- secrets at rest), like producers' carrier credentials. When a key is set, the
-- secret is stored here (`v1:<key id>:…`) and `secret_key` is left empty; a
-- deployment that sets a key later has its plain secret sealed at the next start.
ALTER TABLE signing_keys ADD COLUMN secret_key_sealed TEXT;
