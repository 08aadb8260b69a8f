package nl.signaalpoort.rules;

import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;

/** Housing: the rented object must be a dwelling; a garage box or business premises is not (Bgs art. 2, seed 004). */
final class DwellingOnlyRule implements Rule {

    @Override
    public ReasonCode code() {
        return ReasonCode.NOT_A_DWELLING;
    }

    @Override
    public boolean isActive(RuleParameters p) {
        return RuleParameters.on(p.dwellingOnly());
    }

    @Override
    public Map<String, Object> parameters(RuleParameters p) {
        return Map.of();
    }

    @Override
    public Optional<Rejection> check(Signal signal, RuleContext context) {
        return signal.address().objectType() != nl.signaalpoort.signal.ObjectType.DWELLING
                ? Optional.of(Rejection.of(code(), "address.objectType")) : Optional.empty();
    }
}
