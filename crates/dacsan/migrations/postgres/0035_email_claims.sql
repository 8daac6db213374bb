-- The e-mail outbox claims a notification for a while before sending it and
-- stamps `emailed_at` once sent: a server that dies mid-send leaves the claim to
-- run out, and the message is sent by the next run instead of being lost.
ALTER TABLE notifications ADD COLUMN email_claimed_at TEXT;
