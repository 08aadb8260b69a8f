package nl.signaalpoort.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;

/** The oldest claim is at least this many days overdue on the signal date (energy 15, health and housing 30, seed 004). */
final class MinimumDaysOverdueRule extends ArrearsShapeRule {

    @Override
    public ReasonCode code() {
        return ReasonCode.NOT_OVERDUE_LONG_ENOUGH;
    }

    @Override
    public boolean isActive(RuleParameters p) {
        return p.minDaysOverdue() != null && p.minDaysOverdue() > 0;
    }

    @Override
    public Map<String, Object> parameters(RuleParameters p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minDaysOverdue", p.minDaysOverdue());
        return m;
    }

    @Override
    Optional<Rejection> checkShape(Signal signal, RuleParameters p) {
        if (signal.arrears().oldestDueDate() == null) {
            return missing("arrears.oldestDueDate");
        }
        return daysOverdue(signal.arrears().oldestDueDate(), signal) < p.minDaysOverdue()
                ? Optional.of(Rejection.of(code(), "arrears.oldestDueDate")) : Optional.empty();
    }
}
