package nl.signaalpoort.store;

import java.time.LocalDate;
import java.util.UUID;

/** One feedback code for a partner; {@code feedbackId} is the partner's cursor and de-duplication key. */
public record FeedbackItem(long feedbackId, UUID signalId, String reference, String code, boolean finalOutcome, LocalDate date) {
}
