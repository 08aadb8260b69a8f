package nl.signaalpoort.rules;

import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.signal.SignalKind;

/** An end-of-supply amount must not include penalties or deposits that were never invoiced (seed 004: EUR 530 instead of EUR 130). */
final class PenaltiesAtEndOfSupplyRule implements Rule {

    @Override
    public ReasonCode code() {
        return ReasonCode.PENALTIES_IN_AMOUNT;
    }

    @Override
    public boolean isActive(RuleParameters p) {
        return RuleParameters.on(p.rejectPenaltiesAtEndOfSupply());
    }

    @Override
    public Map<String, Object> parameters(RuleParameters p) {
        return Map.of();
    }

    @Override
    public Optional<Rejection> check(Signal signal, RuleContext context) {
        if (signal.kind() != SignalKind.END_OF_SUPPLY) {
            return Optional.empty();
        }
        boolean penalties = signal.arrears().penaltyAmount() != null && signal.arrears().penaltyAmount().cents() > 0;
        boolean deposit = signal.arrears().depositAmount() != null && signal.arrears().depositAmount().cents() > 0;
        return penalties || deposit ? Optional.of(Rejection.of(code(), penalties ? "arrears.penaltyAmount" : "arrears.depositAmount"))
                : Optional.empty();
    }
}
