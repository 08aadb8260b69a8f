package nl.signaalpoort.store;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One feedback code for a partner; {@code feedbackId} is the partner's cursor and de-duplication
 * key. A correction names the item it supersedes; WANTS_HELP carries the collection pause.
 */
public record FeedbackItem(long feedbackId, UUID signalId, String reference, String code, boolean finalOutcome, LocalDate date,
        LocalDate collectionPausedUntil, Long supersedesFeedbackId) {
}
