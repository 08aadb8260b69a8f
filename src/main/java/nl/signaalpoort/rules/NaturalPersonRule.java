package nl.signaalpoort.rules;

import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;

/** Only natural persons (and sole proprietors and partnerships, who answer personally) may be signalled; a BV, NV or other legal entity only when personal liability is stated (seed 004). */
final class NaturalPersonRule implements Rule {

    @Override
    public ReasonCode code() {
        return ReasonCode.LEGAL_ENTITY;
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
        if (!signal.debtor().legalForm().isNaturalPerson() && !signal.arrears().personallyLiable()) {
            return Optional.of(Rejection.of(code(), "debtor.legalForm"));
        }
        return Optional.empty();
    }
}
