package nl.signaalpoort.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.signal.SignalKind;

/** At least this many reminders sent (energy: two; health and housing: one, seed 004). Not applied to end-of-supply signals. */
final class MinimumRemindersRule implements Rule {

    @Override
    public ReasonCode code() {
        return ReasonCode.TOO_FEW_REMINDERS;
    }

    @Override
    public boolean isActive(RuleParameters p) {
        return p.minRemindersSent() != null && p.minRemindersSent() > 0;
    }

    @Override
    public Map<String, Object> parameters(RuleParameters p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minRemindersSent", p.minRemindersSent());
        return m;
    }

    @Override
    public Optional<Rejection> check(Signal signal, RuleContext context) {
        RuleParameters p = context.parameters();
        if (signal.kind() == SignalKind.END_OF_SUPPLY) {
            return Optional.empty();
        }
        if (signal.arrears().remindersSent() == null) {
            return Optional.of(Rejection.of(ReasonCode.MISSING_FIELD, "arrears.remindersSent"));
        }
        return signal.arrears().remindersSent() < p.minRemindersSent()
                ? Optional.of(Rejection.of(code(), "arrears.remindersSent")) : Optional.empty();
    }
}
