package nl.signaalpoort.feedback.rest;

import java.util.UUID;

/** Confirms a recorded outcome and the code the partner will see. */
public record OutcomeResponse(UUID signalId, String outcome, boolean finalOutcome, String partnerFeedbackCode) {
}
