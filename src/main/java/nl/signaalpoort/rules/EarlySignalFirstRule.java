package nl.signaalpoort.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.signal.SignalKind;

/** Energy from 1 Jan 2026: an end-of-supply or updated signal must follow an early signal from the same partner (warn or reject, a setting). */
final class EarlySignalFirstRule implements Rule {

    @Override
    public ReasonCode code() {
        return ReasonCode.NO_EARLIER_EARLY_SIGNAL;
    }

    @Override
    public boolean isActive(RuleParameters p) {
        return p.earlySignalFirst() != null && p.earlySignalFirst() != EarlySignalPolicy.OFF;
    }

    @Override
    public Map<String, Object> parameters(RuleParameters p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("earlySignalFirst", p.earlySignalFirst());
        return m;
    }

    @Override
    public Optional<Rejection> check(Signal signal, RuleContext context) {
        if (signal.kind() == SignalKind.EARLY || context.hadEarlySignal()) {
            return Optional.empty();
        }
        return Optional.of(Rejection.of(code(), "kind"));
    }
}
