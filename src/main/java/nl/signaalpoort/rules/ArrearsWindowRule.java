package nl.signaalpoort.rules;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.signal.SignalKind;

/** The oldest claim is at most this many days overdue (100, seed 004); energy and water allow a failed payment arrangement whose newest claim is under 100 days. */
final class ArrearsWindowRule implements Rule {

    @Override
    public ReasonCode code() {
        return ReasonCode.OUTSIDE_ARREARS_WINDOW;
    }

    @Override
    public boolean isActive(RuleParameters p) {
        return p.maxDaysOverdue() != null;
    }

    @Override
    public Map<String, Object> parameters(RuleParameters p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxDaysOverdue", p.maxDaysOverdue());
        m.put("failedArrangementException", RuleParameters.on(p.failedArrangementException()));
        return m;
    }

    @Override
    public Optional<Rejection> check(Signal signal, RuleContext context) {
        RuleParameters p = context.parameters();
        if (signal.kind() == SignalKind.END_OF_SUPPLY) {
            return Optional.empty();
        }
        if (signal.arrears().oldestDueDate() == null) {
            return Optional.of(Rejection.of(ReasonCode.MISSING_FIELD, "arrears.oldestDueDate"));
        }
        long oldest = ChronoUnit.DAYS.between(signal.arrears().oldestDueDate(), signal.signalDate());
        if (oldest <= p.maxDaysOverdue()) {
            return Optional.empty();
        }
        // Since 8 Dec 2022: after a failed payment arrangement a signal may still go while the newest claim is under the window.
        if (RuleParameters.on(p.failedArrangementException()) && signal.arrears().paymentArrangementFailed()
                && signal.arrears().newestDueDate() != null
                && ChronoUnit.DAYS.between(signal.arrears().newestDueDate(), signal.signalDate()) < p.maxDaysOverdue()) {
            return Optional.empty();
        }
        return Optional.of(Rejection.of(code(), "arrears.oldestDueDate"));
    }
}
