package nl.signaalpoort.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;

/** The arrears reach the partner's minimum (EUR 50-150 per partner, seed 004); for health insurers the premium part is judged. */
final class MinimumAmountRule implements Rule {

    @Override
    public ReasonCode code() {
        return ReasonCode.BELOW_MINIMUM_AMOUNT;
    }

    @Override
    public boolean isActive(RuleParameters p) {
        return p.minimumAmount() != null;
    }

    @Override
    public Map<String, Object> parameters(RuleParameters p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minimumAmount", p.minimumAmount().euros());
        m.put("premiumBased", RuleParameters.on(p.premiumBased()));
        return m;
    }

    @Override
    public Optional<Rejection> check(Signal signal, RuleContext context) {
        RuleParameters p = context.parameters();
        if (RuleParameters.on(p.premiumBased())) {
            // Health insurance: eligibility on premium arrears only; the total also carries deductible and own contributions.
            if (signal.arrears().premiumAmount() == null) {
                return Optional.of(Rejection.of(ReasonCode.MISSING_FIELD, "arrears.premiumAmount"));
            }
            return signal.arrears().premiumAmount().isLessThan(p.minimumAmount())
                    ? Optional.of(Rejection.of(code(), "arrears.premiumAmount")) : Optional.empty();
        }
        return signal.arrears().totalAmount().isLessThan(p.minimumAmount())
                ? Optional.of(Rejection.of(code(), "arrears.totalAmount")) : Optional.empty();
    }
}
