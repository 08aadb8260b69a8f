package nl.signaalpoort.rules;

import java.util.ArrayList;
import java.util.List;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.signal.SignalKind;
import org.springframework.stereotype.Component;

/**
 * Checks a normalised signal against every active rule of its partner's rule set and returns all
 * failures at once, not just the first, so the partner can correct a signal in one go.
 */
@Component
public class RuleEngine {

    private final List<Rule> rules = List.of(
            new NaturalPersonRule(),
            new MinimumAmountRule(),
            FlagRule.knownDebtArrangement(),
            MinimumCountRule.terms(),
            MinimumCountRule.reminders(),
            new MinimumDaysOverdueRule(),
            new ArrearsWindowRule(),
            new NoLongerEarlyRule(),
            FlagRule.handedToBailiff(),
            new DwellingOnlyRule(),
            new EndOfSupplyNoticeRule(),
            new PenaltiesAtEndOfSupplyRule(),
            new EarlySignalFirstRule());
    private final WorkingDays workingDays = new WorkingDays();

    public RuleVerdict check(Signal signal, RuleSet ruleSet, boolean hadEarlySignal) {
        RuleParameters parameters = ruleSet.parameters();
        RuleContext context = new RuleContext(parameters, workingDays, hadEarlySignal);
        List<Rejection> rejections = new ArrayList<>(2);
        List<Rejection> warnings = new ArrayList<>(0);
        for (Rule rule : rules) {
            if (rule.isActive(parameters)) {
                rule.check(signal, context).ifPresent(failure -> (warnsOnly(rule, parameters) ? warnings : rejections).add(failure));
            }
        }
        return new RuleVerdict(rejections, warnings);
    }

    /** Whether checking this signal needs the partner's history for the person (a database look-up). */
    public boolean needsHistory(Signal signal, RuleSet ruleSet) {
        EarlySignalPolicy policy = ruleSet.parameters().earlySignalFirst();
        return policy != null && policy != EarlySignalPolicy.OFF && signal.kind() != SignalKind.EARLY;
    }

    /** The active rules of a rule set, in the order they are checked. */
    public List<RuleDescription> describe(RuleSet ruleSet) {
        RuleParameters parameters = ruleSet.parameters();
        return rules.stream()
                .filter(rule -> rule.isActive(parameters))
                .map(rule -> new RuleDescription(rule.code(), rule.parameters(parameters), warnsOnly(rule, parameters)))
                .toList();
    }

    private static boolean warnsOnly(Rule rule, RuleParameters parameters) {
        return rule instanceof EarlySignalFirstRule && parameters.earlySignalFirst() == EarlySignalPolicy.WARN;
    }
}
