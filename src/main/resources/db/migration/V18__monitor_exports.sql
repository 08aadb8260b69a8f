-- The monthly DDAS-Vroegsignalering export files written into municipalities' folders: one row per
-- municipality and month once its files are written, so a restart or the other node writes a month
-- once (writing it again would only replace the files with the same content).
CREATE TABLE monitor_exports (
    municipality_code VARCHAR(6)  NOT NULL,
    period_start      DATE        NOT NULL,
    pages             INTEGER     NOT NULL,
    signals           INTEGER     NOT NULL,
    cases             INTEGER     NOT NULL,
    written_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_monitor_exports PRIMARY KEY (municipality_code, period_start)
);
-- The export's cases are the outcomes reported in the month, per municipality.
CREATE INDEX ix_outcomes_municipality_reported ON outcomes (municipality_code, reported_at);
