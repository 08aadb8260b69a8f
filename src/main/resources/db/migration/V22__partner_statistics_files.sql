-- The monthly statistics file written into each SFTP partner's outbox: a month is recorded once its
-- file is in place, so it is written once (a run that failed before recording writes it again).
CREATE TABLE partner_statistics_files (
    partner_id   VARCHAR(63) NOT NULL,
    period_start DATE        NOT NULL,
    written_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_partner_statistics_files PRIMARY KEY (partner_id, period_start)
);
