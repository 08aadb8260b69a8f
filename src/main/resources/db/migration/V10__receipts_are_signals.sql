-- The receipt for an accepted reference is the signal row itself: partner, reference, signal id
-- and time of receipt are all there. The receipts table repeated them, at a heap row, an index
-- entry and a foreign-key check per accepted signal (docs/benchmarks.md, issue 16).
-- Reference first in the unique key: intake looks up a chunk's references with IN (...), which H2
-- answers from an index only when the IN column comes first.
DROP TABLE receipts;
ALTER TABLE signals DROP CONSTRAINT uq_signals_partner_reference;
ALTER TABLE signals ADD CONSTRAINT uq_signals_reference_partner UNIQUE (reference, partner_id);
