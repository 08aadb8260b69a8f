package nl.signaalpoort.rules;

import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;

/** A person already in a known debt arrangement is not signalled (seed 004, energy appendix). */
final class KnownDebtArrangementRule implements Rule {

    @Override
    public ReasonCode code() {
        return ReasonCode.KNOWN_DEBT_ARRANGEMENT;
    }

    @Override
    public boolean isActive(RuleParameters p) {
        return true;
    }

    @Override
    public Map<String, Object> parameters(RuleParameters p) {
        return Map.of();
    }

    @Override
    public Optional<Rejection> check(Signal signal, RuleContext context) {
        return signal.arrears().knownDebtArrangement() ? Optional.of(Rejection.of(code(), "arrears.knownDebtArrangement")) : Optional.empty();
    }
}
