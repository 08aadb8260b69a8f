-- As db/vendor/postgresql/V24, without the partial condition H2 does not have.
CREATE INDEX ix_signals_case ON signals (case_signal_id);
