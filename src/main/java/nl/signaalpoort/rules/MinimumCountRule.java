package nl.signaalpoort.rules;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.signaalpoort.signal.Arrears;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;

/**
 * At least a number of something: terms overdue (energy and water: two, seed 004) or reminders
 * sent (energy two, health and housing one, seed 004; Regeling afsluitbeleid).
 */
final class MinimumCountRule extends ArrearsShapeRule {

    private final ReasonCode code;
    private final String parameter;
    private final Function<RuleParameters, Integer> threshold;
    private final Function<Arrears, Integer> count;
    private final String field;

    private MinimumCountRule(ReasonCode code, String parameter, Function<RuleParameters, Integer> threshold,
            Function<Arrears, Integer> count, String field) {
        this.code = code;
        this.parameter = parameter;
        this.threshold = threshold;
        this.count = count;
        this.field = field;
    }

    static MinimumCountRule terms() {
        return new MinimumCountRule(ReasonCode.TOO_FEW_TERMS, "minTermsOverdue", RuleParameters::minTermsOverdue,
                Arrears::termsOverdue, "arrears.termsOverdue");
    }

    static MinimumCountRule reminders() {
        return new MinimumCountRule(ReasonCode.TOO_FEW_REMINDERS, "minRemindersSent", RuleParameters::minRemindersSent,
                Arrears::remindersSent, "arrears.remindersSent");
    }

    @Override
    public ReasonCode code() {
        return code;
    }

    @Override
    public boolean isActive(RuleParameters p) {
        Integer least = threshold.apply(p);
        return least != null && least > 0;
    }

    @Override
    public Map<String, Object> parameters(RuleParameters p) {
        return Map.of(parameter, threshold.apply(p));
    }

    @Override
    Optional<Rejection> checkShape(Signal signal, RuleParameters p) {
        Integer value = count.apply(signal.arrears());
        if (value == null) {
            return missing(field);
        }
        return value < threshold.apply(p) ? Optional.of(Rejection.of(code, field)) : Optional.empty();
    }
}
