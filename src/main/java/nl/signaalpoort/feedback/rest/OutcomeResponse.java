package nl.signaalpoort.feedback.rest;

import java.time.LocalDate;
import java.util.UUID;
import nl.signaalpoort.feedback.BulkOutcomes;

/**
 * Confirms a recorded outcome, the code the partner will see and, for WANTS_HELP, until when the
 * partner suspends collection. {@code repeated}: the same report was already recorded; nothing changed.
 */
public record OutcomeResponse(UUID signalId, String outcome, boolean finalOutcome, String partnerFeedbackCode,
        LocalDate collectionPausedUntil, boolean repeated) {

    static OutcomeResponse of(BulkOutcomes.Result recorded) {
        return new OutcomeResponse(recorded.signalId(), recorded.report().outcome().name(), recorded.report().finalOutcome(),
                recorded.reported().partnerCode().name(), recorded.reported().collectionPausedUntil(), recorded.reported().repeated());
    }
}
