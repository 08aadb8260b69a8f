-- PostgreSQL only (H2 has no BRIN; there ix_audit_entries_occurred stays the B-tree V26 made).
-- Audit entries are appended in time order and only ever read by time as a range (the operators'
-- export of a period). A BRIN index keeps the least and greatest time per range of pages instead
-- of an entry per row: each intake chunk writes a thousand index entries fewer. autosummarize
-- summarises each range as soon as it is full rather than at the next vacuum.
DROP INDEX ix_audit_entries_occurred;
CREATE INDEX ix_audit_entries_occurred ON audit_entries USING brin (occurred_at) WITH (autosummarize = on);
