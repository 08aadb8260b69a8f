-- PostgreSQL only (a partial index; on H2 the claim reads the index V8 made).
-- The regular lane is claimed one municipality at a time (OutboxRepository.claimDue), each from its
-- own place in this index, in claim order: a municipality's backlog that is paused, leased by a
-- delivery in flight or behind an open breaker is never read past to find another's entries (a
-- 500,000-entry backlog made every claim read it whole, docs/benchmarks.md). The same index lists
-- the municipalities with pending entries, one look per municipality. It replaces V12's index on
-- (municipality_code, next_attempt_at): entries waiting for a retry are found through ix_outbox_due.
DROP INDEX ix_outbox_waiting;
CREATE INDEX ix_outbox_waiting ON outbox (municipality_code, outbox_id) WHERE status = 'PENDING';
