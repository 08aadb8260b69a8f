package nl.signaalpoort.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.signal.SignalKind;

/** At least this many terms overdue (energy and water: two, seed 004). Not applied to end-of-supply signals. */
final class MinimumTermsRule implements Rule {

    @Override
    public ReasonCode code() {
        return ReasonCode.TOO_FEW_TERMS;
    }

    @Override
    public boolean isActive(RuleParameters p) {
        return p.minTermsOverdue() != null && p.minTermsOverdue() > 0;
    }

    @Override
    public Map<String, Object> parameters(RuleParameters p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minTermsOverdue", p.minTermsOverdue());
        return m;
    }

    @Override
    public Optional<Rejection> check(Signal signal, RuleContext context) {
        RuleParameters p = context.parameters();
        if (signal.kind() == SignalKind.END_OF_SUPPLY) {
            return Optional.empty();
        }
        if (signal.arrears().termsOverdue() == null) {
            return Optional.of(Rejection.of(ReasonCode.MISSING_FIELD, "arrears.termsOverdue"));
        }
        return signal.arrears().termsOverdue() < p.minTermsOverdue()
                ? Optional.of(Rejection.of(code(), "arrears.termsOverdue")) : Optional.empty();
    }
}
