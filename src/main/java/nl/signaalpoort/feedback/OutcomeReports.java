package nl.signaalpoort.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;

/** Turns a municipality's outcome report, from whichever channel, into an {@link OutcomeReport}, or refuses it with a code. */
public final class OutcomeReports {

    private OutcomeReports() {
    }

    /** {@code finalOutcome} defaults to true; the date may not lie in the future. */
    public static OutcomeReport of(UUID signalId, String outcome, Boolean finalOutcome, LocalDate date, Clock clock) {
        if (signalId == null) {
            throw new ApiProblemException(ProblemCode.MISSING_SIGNAL_ID);
        }
        if (date != null && date.isAfter(LocalDate.now(clock))) {
            throw new ApiProblemException(ProblemCode.INVALID_OUTCOME_DATE);
        }
        MunicipalOutcome code = Arrays.stream(MunicipalOutcome.values())
                .filter(o -> o.name().equals(outcome))
                .findFirst()
                .orElseThrow(() -> new ApiProblemException(ProblemCode.UNKNOWN_OUTCOME));
        return new OutcomeReport(signalId, code, finalOutcome == null || finalOutcome, date);
    }
}
