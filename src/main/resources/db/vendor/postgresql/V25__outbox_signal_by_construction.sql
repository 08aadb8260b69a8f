-- PostgreSQL only (H2 keeps V1's foreign key: there it costs little and its name is generated).
-- Intake writes a signal's outbox entry in the signal's own transaction, from the same list of new
-- signals, right after the signal rows (SignalRepository.insertAccepted), and signals are never
-- deleted (retention shreds the personal data and keeps the row). So the entry's signal exists by
-- construction; the foreign key only checked it again, one look-up and one row lock on the signal
-- per entry: about 0.45 s of PostgreSQL's 3.3 s on the critical path per 100,000 rows of a batch
-- file (pg_stat_statements, docs/benchmarks.md, issue 16). CrashIT checks after every kind of crash
-- that each signal has exactly one entry and no entry lacks its signal. Withdrawal notices keep
-- their foreign key to withdrawals (few rows, written apart from intake).
ALTER TABLE outbox DROP CONSTRAINT outbox_signal_id_fkey;
