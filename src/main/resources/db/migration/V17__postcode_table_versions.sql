-- Versions of the postcode to municipality table, each in force from its date (herindeling on
-- 1 January, a republished CBS table). The whole file is kept, so every node builds the same
-- tables and a restart loses none; the table named by signaalpoort.routing.postcode-table is the
-- version in force before the first of these.
CREATE TABLE postcode_tables (
    effective_from DATE         NOT NULL PRIMARY KEY,
    sha256         VARCHAR(64)  NOT NULL,
    row_count      INTEGER      NOT NULL,
    content        BYTEA        NOT NULL,
    loaded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    loaded_by_oin  VARCHAR(20)  NOT NULL
);
