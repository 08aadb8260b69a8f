package nl.signaalpoort.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.signal.SignalKind;

/** End of supply at least this many Dutch working days after the signal date (20, mandatory since 1 April 2023, seed 004); other sectors send no end-of-supply signals. */
final class EndOfSupplyNoticeRule implements Rule {

    @Override
    public ReasonCode code() {
        return ReasonCode.END_OF_SUPPLY_TOO_SOON;
    }

    @Override
    public boolean isActive(RuleParameters p) {
        return true;
    }

    @Override
    public Map<String, Object> parameters(RuleParameters p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endOfSupplyWorkingDays", p.endOfSupplyWorkingDays());
        return m;
    }

    @Override
    public Optional<Rejection> check(Signal signal, RuleContext context) {
        RuleParameters p = context.parameters();
        if (signal.kind() != SignalKind.END_OF_SUPPLY) {
            return Optional.empty();
        }
        if (p.endOfSupplyWorkingDays() == null) {
            return Optional.of(Rejection.of(ReasonCode.END_OF_SUPPLY_NOT_FOR_SECTOR, "kind"));
        }
        int workingDays = context.workingDays().between(signal.signalDate(), signal.endOfSupplyDate());
        return workingDays < p.endOfSupplyWorkingDays()
                ? Optional.of(Rejection.of(code(), "endOfSupplyDate")) : Optional.empty();
    }
}
