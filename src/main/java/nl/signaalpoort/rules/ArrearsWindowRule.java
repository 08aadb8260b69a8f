package nl.signaalpoort.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;

/** The oldest claim is at most this many days overdue (100, seed 004); energy and water allow a failed payment arrangement whose newest claim is under 100 days. */
final class ArrearsWindowRule extends ArrearsShapeRule {

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
    Optional<Rejection> checkShape(Signal signal, RuleParameters p) {
        if (signal.arrears().oldestDueDate() == null) {
            return missing("arrears.oldestDueDate");
        }
        if (daysOverdue(signal.arrears().oldestDueDate(), signal) <= p.maxDaysOverdue()) {
            return Optional.empty();
        }
        // Since 8 Dec 2022: after a failed payment arrangement a signal may still go while the newest claim is under the window.
        if (RuleParameters.on(p.failedArrangementException()) && signal.arrears().paymentArrangementFailed()
                && signal.arrears().newestDueDate() != null
                && daysOverdue(signal.arrears().newestDueDate(), signal) < p.maxDaysOverdue()) {
            return Optional.empty();
        }
        return Optional.of(Rejection.of(code(), "arrears.oldestDueDate"));
    }
}
