-- The sealed personal data (ciphertext, its wrapped data key, the master key's id) moves into the
-- signal row. Its own table cost a heap row, an index entry and a foreign-key check (which locks
-- the signal row it points to) per signal: about a fifth of intake's transaction on PostgreSQL
-- (docs/benchmarks.md, issue 16). Crypto-shredding is unchanged in effect: the retention job sets
-- the three columns to NULL, which destroys the data key, as deleting the row did; the old row
-- version goes the way a deleted row went, at the next vacuum.
ALTER TABLE signals ADD COLUMN master_key_id VARCHAR(32);
ALTER TABLE signals ADD COLUMN wrapped_data_key BYTEA;
ALTER TABLE signals ADD COLUMN ciphertext BYTEA;
UPDATE signals SET
    master_key_id = (SELECT p.master_key_id FROM signal_personal_data p WHERE p.signal_id = signals.signal_id),
    wrapped_data_key = (SELECT p.wrapped_data_key FROM signal_personal_data p WHERE p.signal_id = signals.signal_id),
    ciphertext = (SELECT p.ciphertext FROM signal_personal_data p WHERE p.signal_id = signals.signal_id)
WHERE signal_id IN (SELECT signal_id FROM signal_personal_data);
DROP TABLE signal_personal_data;
