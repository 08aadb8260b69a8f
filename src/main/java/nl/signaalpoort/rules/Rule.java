package nl.signaalpoort.rules;

import java.util.Optional;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;

/** One eligibility rule with a stable reason code. Rules see normalised signals only. */
public interface Rule {

    /** Empty when the signal passes; otherwise why it does not. */
    Optional<Rejection> check(Signal signal, RuleContext context);
}
