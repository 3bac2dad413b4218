-- Schema version 2: cheaper writes (measured in docs/benchmarks.md, "catch-up").
-- Text columns become VARCHAR: H2 keeps a CLOB longer than 256 characters in separate LOB maps, an extra write per
-- message and a copy on every read. ntfy caps a message at 4,096 bytes; the limit below is H2's largest VARCHAR.
ALTER TABLE message ALTER COLUMN title SET DATA TYPE VARCHAR(1000000);
ALTER TABLE message ALTER COLUMN body SET DATA TYPE VARCHAR(1000000);
ALTER TABLE message ALTER COLUMN tags SET DATA TYPE VARCHAR(1000000);
ALTER TABLE message ALTER COLUMN actions SET DATA TYPE VARCHAR(1000000);
ALTER TABLE message ALTER COLUMN attachment SET DATA TYPE VARCHAR(1000000);
ALTER TABLE message ALTER COLUMN search_text SET DATA TYPE VARCHAR(1000000);
-- The outbox becomes a mark: the writer dispatches in row order, so "dispatched through row N" replaces an UPDATE of
-- every message row (and the index on a boolean column that every such UPDATE rewrote).
DROP INDEX message_undispatched;
CREATE TABLE dispatch_mark (
    id                  INT PRIMARY KEY CHECK (id = 1),
    through_row_id      BIGINT NOT NULL
);
INSERT INTO dispatch_mark (id, through_row_id) VALUES (1, 0);
-- Row ids come from a sequence that H2 writes back to its metadata every CACHE values (default 32): a metadata
-- change in every other batch. Ids stay increasing after a crash (H2 restarts past the cached range).
ALTER TABLE message ALTER COLUMN row_id SET CACHE 1024;
-- Retention per subscription by count as well as by age (0: the global setting; -1: no limit).
ALTER TABLE subscription ADD COLUMN keep_messages INT NOT NULL DEFAULT 0;
