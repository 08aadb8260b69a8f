package nl.signaalpoort.rules;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.signal.SignalKind;

/** The oldest claim is at least this many days overdue on the signal date (energy 15, health and housing 30, seed 004). */
final class MinimumDaysOverdueRule implements Rule {

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
    public Optional<Rejection> check(Signal signal, RuleContext context) {
        RuleParameters p = context.parameters();
        if (signal.kind() == SignalKind.END_OF_SUPPLY) {
            return Optional.empty();
        }
        if (signal.arrears().oldestDueDate() == null) {
            return Optional.of(Rejection.of(ReasonCode.MISSING_FIELD, "arrears.oldestDueDate"));
        }
        long days = ChronoUnit.DAYS.between(signal.arrears().oldestDueDate(), signal.signalDate());
        return days < p.minDaysOverdue() ? Optional.of(Rejection.of(code(), "arrears.oldestDueDate")) : Optional.empty();
    }
}
