-- An outcome for the earlier signal of a continued case is recorded on the case's latest delivered
-- signal, found by case_signal_id. Only updates have one: a partial index, so intake of every other
-- signal writes no entry into it.
CREATE INDEX ix_signals_case ON signals (case_signal_id) WHERE case_signal_id IS NOT NULL;
