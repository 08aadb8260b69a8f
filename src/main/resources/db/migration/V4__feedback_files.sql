-- Feedback written as files to partners' SFTP outboxes: per partner, the last feedback item written.
-- The file is written first (under a name fixed by its first and last item), then the cursor moves:
-- after a crash in between the same file is written again under the same name, never a second one.
CREATE TABLE partner_feedback_file (
    partner_id     VARCHAR(63) NOT NULL PRIMARY KEY,
    written_up_to  BIGINT      NOT NULL,
    files_written  INTEGER     NOT NULL
);
