-- PostgreSQL only (H2 has neither partial indexes nor collations per column; its indexes stay as
-- V1 and V8 made them).
-- A new outbox entry has no lease and no delivery batch yet, and most entries ever stored are
-- delivered: the indexes that only queries about leased, batched or pending entries use now hold
-- only those entries. Intake writes two index entries fewer per signal, and the indexes the
-- claim reads stay the size of the backlog instead of the history (issue 16, docs/benchmarks.md).
-- Every query that uses them says as much: lease_until >= ?, delivery_batch_id IN (...) and
-- status = 'PENDING' each imply the index's condition.
DROP INDEX ix_outbox_lease;
CREATE INDEX ix_outbox_lease ON outbox (municipality_code, lease_until) WHERE lease_until IS NOT NULL AND status = 'PENDING';
DROP INDEX ix_outbox_batch;
CREATE INDEX ix_outbox_batch ON outbox (delivery_batch_id) WHERE delivery_batch_id IS NOT NULL;
DROP INDEX ix_outbox_waiting;
CREATE INDEX ix_outbox_waiting ON outbox (municipality_code, next_attempt_at) WHERE status = 'PENDING';

-- Pseudonyms (hex HMACs) and references are identifiers, compared for equality only: byte order
-- ("C") instead of the database's linguistic collation makes each of the four indexes intake
-- writes per signal cheaper to keep (about 15% of the signal insert, docs/benchmarks.md), and the
-- same whatever locale the database was created with.
ALTER TABLE signals
    ALTER COLUMN reference TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN person_pseudonym TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN household_pseudonym TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN tolerant_pseudonym TYPE VARCHAR(64) COLLATE "C";
