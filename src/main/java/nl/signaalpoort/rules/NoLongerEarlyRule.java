package nl.signaalpoort.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;

/** This many terms of premium arrears is no longer early: the CAK takes over at six months (seed 003). */
final class NoLongerEarlyRule implements Rule {

    @Override
    public ReasonCode code() {
        return ReasonCode.NO_LONGER_EARLY;
    }

    @Override
    public boolean isActive(RuleParameters p) {
        return p.termsNoLongerEarly() != null;
    }

    @Override
    public Map<String, Object> parameters(RuleParameters p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("termsNoLongerEarly", p.termsNoLongerEarly());
        return m;
    }

    @Override
    public Optional<Rejection> check(Signal signal, RuleContext context) {
        RuleParameters p = context.parameters();
        Integer terms = signal.arrears().termsOverdue();
        return terms != null && terms >= p.termsNoLongerEarly()
                ? Optional.of(Rejection.of(code(), "arrears.termsOverdue")) : Optional.empty();
    }
}
