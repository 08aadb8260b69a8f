-- PostgreSQL only (a partial index; on H2 the urgent lane's claim reads the indexes V1 and V8 made).
-- Urgent signals are claimed in a lane of their own on every poll (OutboxLane): this index holds
-- only the pending urgent entries, in claim order, so that claim reads a handful of entries instead
-- of scanning a municipality's backlog of regular ones. The claim names the lane as a literal
-- (urgent / NOT urgent), not a parameter, so that a generic plan can use it too.
CREATE INDEX ix_outbox_urgent ON outbox (outbox_id) WHERE status = 'PENDING' AND urgent;
