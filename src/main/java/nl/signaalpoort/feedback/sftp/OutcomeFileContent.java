package nl.signaalpoort.feedback.sftp;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.feedback.BulkOutcomes;

/**
 * An outcome file as read, in either format: its reports with their line numbers, or why the
 * whole file is refused and on which line.
 */
record OutcomeFileContent(List<Row> rows, OutcomeFileProblem problem, long line) {

    /** One report: the line it starts on and the report as read. */
    record Row(long line, BulkOutcomes.Item item) {
    }

    static OutcomeFileContent refused(OutcomeFileProblem problem, long line) {
        return new OutcomeFileContent(List.of(), problem, line);
    }

    /**
     * A report from its four values as written (null: absent or empty), judged as a single report
     * is: a value that cannot be read refuses this report only.
     */
    static BulkOutcomes.Item item(String signalId, String outcome, String finalOutcome, String date) {
        if (signalId == null) {
            return BulkOutcomes.Item.unreadable(ProblemCode.MISSING_SIGNAL_ID);
        }
        if (finalOutcome != null && !finalOutcome.equals("true") && !finalOutcome.equals("false")) {
            return BulkOutcomes.Item.unreadable(ProblemCode.INVALID_PARAMETER);
        }
        try {
            return BulkOutcomes.Item.of(UUID.fromString(signalId), outcome, finalOutcome == null ? null : Boolean.valueOf(finalOutcome),
                    date == null ? null : LocalDate.parse(date));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return BulkOutcomes.Item.unreadable(ProblemCode.INVALID_PARAMETER);
        }
    }
}
