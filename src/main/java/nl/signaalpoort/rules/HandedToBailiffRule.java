package nl.signaalpoort.rules;

import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;

/** No signal once the claim is with a collection agency or bailiff (health insurance, seed 004). */
final class HandedToBailiffRule implements Rule {

    @Override
    public ReasonCode code() {
        return ReasonCode.HANDED_TO_BAILIFF;
    }

    @Override
    public boolean isActive(RuleParameters p) {
        return RuleParameters.on(p.rejectHandedToBailiff());
    }

    @Override
    public Map<String, Object> parameters(RuleParameters p) {
        return Map.of();
    }

    @Override
    public Optional<Rejection> check(Signal signal, RuleContext context) {
        return signal.arrears().handedToBailiff() ? Optional.of(Rejection.of(code(), "arrears.handedToBailiff")) : Optional.empty();
    }
}
