-- Feedback pushed to partners' own endpoints: per partner, how far it got and when to try again.
-- At least once: the cursor moves only after the partner answered 2xx; partners de-duplicate on feedbackId.
CREATE TABLE partner_feedback_push (
    partner_id      VARCHAR(63) NOT NULL PRIMARY KEY,
    pushed_up_to    BIGINT      NOT NULL,
    attempts        INTEGER     NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(200)
);
