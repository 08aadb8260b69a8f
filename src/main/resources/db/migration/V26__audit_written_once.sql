-- An audit entry is written once. V11 wrote it to audit_unsealed and the sealer copied it, every
-- field again, into audit_sealed with four indexes, read it back and deleted it: per chunk of 1,000
-- signals more database time than the outbox, and a queue of deleted rows that the sealer's read
-- had to step over as it grew (docs/benchmarks.md, issue 16).
--
-- Now the entry stays where it is written (audit_entries, in the transaction of what it records),
-- together with one row per such transaction in audit_blocks: the sealer's queue, one row per
-- chunk instead of one per entry. Sealing adds only the chain's own fields, chain_seq and
-- entry_hash, to audit_chain, and removes the block from the queue, under the head's lock as
-- before. The hash is the same (AuditChain), so the chain sealed before this migration verifies
-- unchanged. audit_log is the view of entries with their place in the chain, if they have one.
DROP VIEW audit_log;

ALTER TABLE audit_unsealed RENAME TO audit_entries;
ALTER TABLE audit_entries ADD COLUMN block_id UUID;

-- Entries already sealed come back with their chain beside them, as block 0 (never queued);
-- entries not yet sealed become block 1, queued.
INSERT INTO audit_entries (audit_id, block_id, occurred_at, actor_role, actor_oin, action, subject_type, subject_id, detail)
SELECT audit_id, CAST('00000000-0000-0000-0000-000000000000' AS UUID), occurred_at, actor_role, actor_oin, action, subject_type,
       subject_id, detail
FROM audit_sealed;
UPDATE audit_entries SET block_id = CAST('00000000-0000-0000-0000-000000000001' AS UUID) WHERE block_id IS NULL;
ALTER TABLE audit_entries ALTER COLUMN block_id SET NOT NULL;

CREATE TABLE audit_chain (
    chain_seq  BIGINT      NOT NULL,
    audit_id   BIGINT      NOT NULL,
    entry_hash VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_chain PRIMARY KEY (chain_seq),
    CONSTRAINT uq_audit_chain_entry UNIQUE (audit_id)
);
INSERT INTO audit_chain (chain_seq, audit_id, entry_hash) SELECT chain_seq, audit_id, entry_hash FROM audit_sealed;
DROP TABLE audit_sealed;

-- Blocks of entries written but not yet chained: one per transaction that wrote entries.
CREATE TABLE audit_blocks (
    block_id UUID NOT NULL PRIMARY KEY,
    entries  INT  NOT NULL
);
INSERT INTO audit_blocks (block_id, entries)
SELECT block_id, COUNT(*) FROM audit_entries
WHERE block_id = CAST('00000000-0000-0000-0000-000000000001' AS UUID)
GROUP BY block_id;

-- Block ids and signal ids (the usual subject) are time-ordered: new entries land at the end of
-- each index, like occurred_at.
CREATE INDEX ix_audit_entries_block ON audit_entries (block_id);
CREATE INDEX ix_audit_entries_subject ON audit_entries (subject_id);
CREATE INDEX ix_audit_entries_occurred ON audit_entries (occurred_at);

CREATE VIEW audit_log AS
SELECT e.audit_id, e.occurred_at, e.actor_role, e.actor_oin, e.action, e.subject_type, e.subject_id, e.detail,
       c.chain_seq, c.entry_hash
FROM audit_entries e
LEFT JOIN audit_chain c ON c.audit_id = e.audit_id;
