package nl.signaalpoort.rules;

import nl.signaalpoort.signal.Money;

/**
 * Sane bounds for an effective rule set, checked at start-up so a registry mistake stops the
 * gateway with a clear message instead of letting signals through under a wrong rule.
 */
public final class RuleParameterBounds {

    /** Partner thresholds range from EUR 50 to EUR 150 (seed 004). */
    public static final Money LOWEST_MINIMUM = Money.ofCents(5_000);
    public static final Money HIGHEST_MINIMUM = Money.ofCents(15_000);

    private RuleParameterBounds() {
    }

    public static void check(String ruleSetId, RuleParameters p) {
        String where = "rule set '" + ruleSetId + "': ";
        if (p.minimumAmount() == null) {
            throw new IllegalStateException(where + "minimumAmount is required");
        }
        if (p.minimumAmount().isLessThan(LOWEST_MINIMUM) || HIGHEST_MINIMUM.isLessThan(p.minimumAmount())) {
            throw new IllegalStateException(where + "minimumAmount must be between EUR 50.00 and EUR 150.00");
        }
        within(where, "minTermsOverdue", p.minTermsOverdue(), 0, 12);
        within(where, "minRemindersSent", p.minRemindersSent(), 0, 10);
        within(where, "minDaysOverdue", p.minDaysOverdue(), 0, 365);
        within(where, "maxDaysOverdue", p.maxDaysOverdue(), 1, 365);
        within(where, "termsNoLongerEarly", p.termsNoLongerEarly(), 1, 24);
        within(where, "endOfSupplyWorkingDays", p.endOfSupplyWorkingDays(), 1, 120);
        if (p.minDaysOverdue() != null && p.maxDaysOverdue() != null && p.minDaysOverdue() > p.maxDaysOverdue()) {
            throw new IllegalStateException(where + "minDaysOverdue must not exceed maxDaysOverdue");
        }
    }

    private static void within(String where, String name, Integer value, int low, int high) {
        if (value != null && (value < low || value > high)) {
            throw new IllegalStateException(where + name + " must be between " + low + " and " + high);
        }
    }
}
