-- PostgreSQL only (H2 has no hash indexes; there the pseudonym indexes stay as V1 made them).
-- Pseudonyms are HMACs: random by nature, looked up by equality only (history annotations, the
-- earlier-early-signal check). A B-tree entry holds the whole 43-character pseudonym and each new
-- one lands on a random page; a hash index holds a 4-byte hash per entry, so its pages are
-- about 40% of the B-tree's and stay in memory longer as the table grows. Measured on the server
-- with a million signals stored: 100,000 more in 9.4 s with B-trees and random ids, 5.6 s with
-- hash indexes, 3.8 s with hash indexes and time-ordered ids (docs/benchmarks.md, issue 16).
DROP INDEX ix_signals_pseudonym;
CREATE INDEX ix_signals_pseudonym ON signals USING hash (person_pseudonym);
DROP INDEX ix_signals_household;
CREATE INDEX ix_signals_household ON signals USING hash (household_pseudonym);
DROP INDEX ix_signals_tolerant;
CREATE INDEX ix_signals_tolerant ON signals USING hash (tolerant_pseudonym);
