package nl.signaalpoort.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.signal.SignalKind;

/**
 * A rule about how the arrears came about (terms, reminders, days overdue). Such rules do not apply
 * to end-of-supply signals, which may come from an annual bill without that history (docs/domain.md
 * section 3), and a field they need but the signal lacks is named as missing.
 */
abstract class ArrearsShapeRule implements Rule {

    @Override
    public final Optional<Rejection> check(Signal signal, RuleContext context) {
        if (signal.kind() == SignalKind.END_OF_SUPPLY) {
            return Optional.empty();
        }
        return checkShape(signal, context.parameters());
    }

    abstract Optional<Rejection> checkShape(Signal signal, RuleParameters parameters);

    static Optional<Rejection> missing(String field) {
        return Optional.of(Rejection.of(ReasonCode.MISSING_FIELD, field));
    }

    /** Days from a due date to the signal date. */
    static long daysOverdue(LocalDate due, Signal signal) {
        return ChronoUnit.DAYS.between(due, signal.signalDate());
    }
}
