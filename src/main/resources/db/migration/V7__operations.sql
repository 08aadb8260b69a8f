-- How far each partner has read its feedback over the API (REST or SOAP): the highest feedbackId
-- handed out. With the push and file cursors it tells operators how much feedback still waits.
CREATE TABLE partner_feedback_read (
    partner_id  VARCHAR(63) NOT NULL PRIMARY KEY,
    read_up_to  BIGINT      NOT NULL
);

-- Routes an operator suspended, kept so that a restart does not quietly resume them.
CREATE TABLE route_control (
    route_id       VARCHAR(100) NOT NULL PRIMARY KEY,
    suspended      BOOLEAN      NOT NULL,
    changed_by_oin VARCHAR(20)  NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Intake counted per Dutch day, partner, channel and result or reason code: what the /ops page shows
-- as today's intake and the partners' data quality. Kept up to date by each node adding what it
-- counted since its last flush (route intake-tally); counts, codes and ids only.
CREATE TABLE intake_tally (
    tally_day  DATE        NOT NULL,
    partner_id VARCHAR(63) NOT NULL,
    channel    VARCHAR(8)  NOT NULL,
    kind       VARCHAR(10) NOT NULL,
    code       VARCHAR(40) NOT NULL,
    tally      BIGINT      NOT NULL,
    PRIMARY KEY (tally_day, partner_id, channel, kind, code)
);

CREATE INDEX ix_audit_occurred ON audit_log (occurred_at);

-- Batch files: one row per partner and file (by checksum), from the start of processing to its
-- end, so every node's /ops page shows the same files in progress and the last files per partner.
CREATE TABLE batch_files (
    partner_id  VARCHAR(63) NOT NULL,
    file_id     VARCHAR(64) NOT NULL,
    format      VARCHAR(8)  NOT NULL,
    rows_total  BIGINT      NOT NULL,
    rows_done   BIGINT      NOT NULL,
    accepted    BIGINT,
    rejected    BIGINT,
    problem     VARCHAR(40),
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (partner_id, file_id)
);
CREATE INDEX ix_batch_files_started ON batch_files (started_at);
