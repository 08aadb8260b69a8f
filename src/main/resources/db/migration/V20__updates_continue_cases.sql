-- An UPDATED signal names the earlier signal it updates and continues that case: updates_signal_id
-- is the earlier signal, case_signal_id the case's first signal (whose delivery starts the case's
-- 28-day clock). Both NULL for a signal that starts a case of its own. No index: they are read
-- through the outbox's unique signal_id, never searched by.
ALTER TABLE signals ADD COLUMN updates_signal_id UUID;
ALTER TABLE signals ADD COLUMN case_signal_id UUID;
