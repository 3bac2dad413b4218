-- Schema version 3: where each subscription's stream resumes, kept apart from its messages' own times. A message
-- dated in the future (a server clock that jumped, a scheduled message, a hostile server, an import) must not move
-- the resume point past what the server has really sent, or every restart after it skips what came while ntfybar was
-- down. NULL: nothing stored yet.
ALTER TABLE subscription ADD COLUMN resume_time BIGINT;
-- Existing stores start from their newest message, but never later than the time of this migration: a future-dated
-- row stored by an earlier version cannot carry over.
UPDATE subscription s SET resume_time = LEAST(
    (SELECT MAX(m.time) FROM message m WHERE m.subscription_id = s.id),
    CAST(FLOOR(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP)) AS BIGINT))
WHERE EXISTS (SELECT 1 FROM message m WHERE m.subscription_id = s.id);
