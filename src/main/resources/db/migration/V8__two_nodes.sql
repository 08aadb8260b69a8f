-- Two nodes on one database (docs/reliability.md).

-- An outbox entry keeps the delivery it was first claimed into until it is delivered: a re-send
-- after a crash is the same batch (same id, same signals, the same Idempotency-Key). The lease names
-- the node holding it, which renews it while the delivery runs.
ALTER TABLE outbox ADD COLUMN delivery_batch_id UUID;
ALTER TABLE outbox ADD COLUMN lease_owner VARCHAR(100);
CREATE INDEX ix_outbox_batch ON outbox (delivery_batch_id);
CREATE INDEX ix_outbox_lease ON outbox (municipality_code, lease_until);
-- An entry waiting for its retry holds back its municipality's newer ones: found through this index.
CREATE INDEX ix_outbox_waiting ON outbox (municipality_code, status, next_attempt_at);

-- Claims are taken one node at a time (a row lock on this one row), so a node sees every lease
-- another node holds and never starts on a municipality that is being delivered to elsewhere.
CREATE TABLE delivery_claims (
    claim_lock INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO delivery_claims (claim_lock) VALUES (1);

-- Feedback items of one partner are written one transaction at a time (a row lock here, taken
-- before the item's id is drawn), so ids become visible in order and a reader's cursor (push,
-- files, the pull API) never passes an id whose transaction has yet to commit.
CREATE TABLE feedback_order (
    partner_id VARCHAR(63) NOT NULL PRIMARY KEY,
    items      BIGINT      NOT NULL
);

-- A feedback file's items are fixed before it is written: after a crash, or with a second writer,
-- the same items are written under the same name, never a second file with some of them.
ALTER TABLE partner_feedback_file ADD COLUMN planned_up_to BIGINT;
