-- WS-Addressing MessageIDs of SOAP requests, remembered for the replay window: the same id again is
-- refused as a replay (across every node, hence the database). Ids only; no content.
CREATE TABLE soap_message_ids (
    message_id      VARCHAR(255) NOT NULL PRIMARY KEY,
    organisation_id VARCHAR(63)  NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX soap_message_ids_received ON soap_message_ids (received_at);
