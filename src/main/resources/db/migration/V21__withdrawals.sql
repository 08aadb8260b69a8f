-- A partner withdraws a signal (paid since, sent in error). One withdrawal per signal: the same
-- request again changes nothing. notified: the municipality had (or may have had) the signal,
-- so a withdrawal notice goes to it through the outbox; otherwise the signal is not delivered.
CREATE TABLE withdrawals (
    signal_id    UUID        NOT NULL PRIMARY KEY REFERENCES signals (signal_id),
    partner_id   VARCHAR(63) NOT NULL,
    reason       VARCHAR(20) NOT NULL,
    notified     BOOLEAN     NOT NULL,
    withdrawn_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The outbox carries what a municipality is sent: a signal (signal_id), or the notice that a
-- signal was withdrawn (withdrawn_signal_id), in the same order per municipality, so a notice
-- never overtakes its signal. A notice row leaves signal_id empty, so the signal's own entry
-- stays the one row per signal_id (uq_outbox_signal) that every join on it expects, and intake
-- writes no index entry more. Notices are never searched by the signal: no index.
ALTER TABLE outbox ALTER COLUMN signal_id DROP NOT NULL;
ALTER TABLE outbox ADD COLUMN withdrawn_signal_id UUID REFERENCES withdrawals (signal_id);
ALTER TABLE outbox ADD CONSTRAINT ck_outbox_one_subject CHECK ((signal_id IS NULL) <> (withdrawn_signal_id IS NULL));
