-- A MessageID is unique per calling organisation, not across all callers: one organisation can no
-- longer use up another's ids. The remembered ids are kept (each already names its caller).
CREATE TABLE soap_message_ids_per_caller (
    organisation_id VARCHAR(63)  NOT NULL,
    message_id      VARCHAR(255) NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organisation_id, message_id)
);
INSERT INTO soap_message_ids_per_caller (organisation_id, message_id, received_at)
    SELECT organisation_id, message_id, received_at FROM soap_message_ids;
DROP TABLE soap_message_ids;
ALTER TABLE soap_message_ids_per_caller RENAME TO soap_message_ids;
CREATE INDEX soap_message_ids_received ON soap_message_ids (received_at);
