package nl.signaalpoort.rules;

/**
 * What a rule may know besides the signal.
 *
 * @param parameters      the effective rule set's thresholds
 * @param workingDays     the Dutch working-day calendar
 * @param hadEarlySignal  whether the same partner sent an early signal for this person before
 */
public record RuleContext(RuleParameters parameters, WorkingDays workingDays, boolean hadEarlySignal) {
}
