-- Sealing used to rewrite every entry in place: an UPDATE of two indexed columns, so a new row
-- version and four new index entries per entry, plus a scan for the unsealed ones (the largest
-- single cost of intake on PostgreSQL, docs/benchmarks.md, issue 16). Now an entry is recorded in
-- audit_unsealed (primary key only) and the sealer moves it, chained, into audit_sealed, in one
-- transaction under the head lock. audit_log is the view of both, sealed entries first.
ALTER TABLE audit_log RENAME TO audit_unsealed;
DROP INDEX ix_audit_subject;
DROP INDEX ix_audit_occurred;
ALTER TABLE audit_unsealed DROP CONSTRAINT uq_audit_chain_seq;

CREATE TABLE audit_sealed (
    audit_id     BIGINT       NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_role   VARCHAR(16)  NOT NULL,
    actor_oin    VARCHAR(20),
    action       VARCHAR(40)  NOT NULL,
    subject_type VARCHAR(16)  NOT NULL,
    subject_id   VARCHAR(100),
    detail       VARCHAR(500),
    chain_seq    BIGINT       NOT NULL,
    entry_hash   VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_audit_sealed PRIMARY KEY (chain_seq),
    CONSTRAINT uq_audit_sealed_id UNIQUE (audit_id)
);
INSERT INTO audit_sealed (audit_id, occurred_at, actor_role, actor_oin, action, subject_type, subject_id, detail, chain_seq, entry_hash)
SELECT audit_id, occurred_at, actor_role, actor_oin, action, subject_type, subject_id, detail, chain_seq, entry_hash
FROM audit_unsealed WHERE chain_seq IS NOT NULL;
DELETE FROM audit_unsealed WHERE chain_seq IS NOT NULL;
ALTER TABLE audit_unsealed DROP COLUMN chain_seq;
ALTER TABLE audit_unsealed DROP COLUMN entry_hash;
CREATE INDEX ix_audit_sealed_subject ON audit_sealed (subject_id);
CREATE INDEX ix_audit_sealed_occurred ON audit_sealed (occurred_at);

CREATE VIEW audit_log AS
SELECT audit_id, occurred_at, actor_role, actor_oin, action, subject_type, subject_id, detail, chain_seq, entry_hash
FROM audit_sealed
UNION ALL
SELECT audit_id, occurred_at, actor_role, actor_oin, action, subject_type, subject_id, detail,
       CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(64))
FROM audit_unsealed;
