package nl.signaalpoort.rules;

import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;

/** Total arrears must reach the partner's minimum (domain.md section 4: EUR 50-150 per partner). */
public final class MinimumAmountRule implements Rule {

    @Override
    public Optional<Rejection> check(Signal signal, RuleContext context) {
        if (signal.arrears().totalAmount().isLessThan(context.minimumAmount())) {
            return Optional.of(Rejection.of(ReasonCode.BELOW_MINIMUM_AMOUNT, "arrears.totalAmount"));
        }
        return Optional.empty();
    }
}
