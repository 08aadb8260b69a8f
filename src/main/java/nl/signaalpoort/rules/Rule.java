package nl.signaalpoort.rules;

import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;

/**
 * One eligibility rule with a stable reason code. Rules see normalised signals only; the sentences
 * for a code are in messages*.properties ({@code reason.<CODE>} and {@code rule.<CODE>}).
 */
public interface Rule {

    ReasonCode code();

    /** Whether this rule is part of a rule set with these parameters. */
    boolean isActive(RuleParameters parameters);

    /** The parameters this rule uses, as a partner reads them in its effective rules. */
    Map<String, Object> parameters(RuleParameters parameters);

    /** Empty when the signal passes; otherwise why it does not. Only called when active. */
    Optional<Rejection> check(Signal signal, RuleContext context);
}
