package nl.signaalpoort.rules;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import nl.signaalpoort.signal.Arrears;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;

/** A flag the partner sets that rules a signal out. */
final class FlagRule implements Rule {

    private final ReasonCode code;
    private final Predicate<RuleParameters> active;
    private final Predicate<Arrears> flag;
    private final String field;

    private FlagRule(ReasonCode code, Predicate<RuleParameters> active, Predicate<Arrears> flag, String field) {
        this.code = code;
        this.active = active;
        this.flag = flag;
        this.field = field;
    }

    /** A person already in a known debt arrangement is not signalled (seed 004, energy appendix); all sectors. */
    static FlagRule knownDebtArrangement() {
        return new FlagRule(ReasonCode.KNOWN_DEBT_ARRANGEMENT, p -> true, Arrears::knownDebtArrangement,
                "arrears.knownDebtArrangement");
    }

    /** No signal once the claim is with a collection agency or bailiff (health insurance, seed 004). */
    static FlagRule handedToBailiff() {
        return new FlagRule(ReasonCode.HANDED_TO_BAILIFF, p -> RuleParameters.on(p.rejectHandedToBailiff()),
                Arrears::handedToBailiff, "arrears.handedToBailiff");
    }

    @Override
    public ReasonCode code() {
        return code;
    }

    @Override
    public boolean isActive(RuleParameters p) {
        return active.test(p);
    }

    @Override
    public Map<String, Object> parameters(RuleParameters p) {
        return Map.of();
    }

    @Override
    public Optional<Rejection> check(Signal signal, RuleContext context) {
        return flag.test(signal.arrears()) ? Optional.of(Rejection.of(code, field)) : Optional.empty();
    }
}
