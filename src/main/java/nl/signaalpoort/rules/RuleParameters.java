package nl.signaalpoort.rules;

import nl.signaalpoort.signal.Money;

/**
 * The thresholds of a rule set. A null field means "not set here": sector defaults are completed
 * by a partner's overrides with {@link #overriddenBy}; in an effective rule set a null switches the
 * rule off. All defaults live in application.yaml (signaalpoort.rules.sectors), never in code.
 *
 * @param minimumAmount          least total (or premium, when premiumBased) arrears
 * @param premiumBased           health insurance: judge the amount on premium arrears only
 * @param minTermsOverdue        least terms (invoices, monthly premiums) overdue
 * @param minRemindersSent       least reminders sent
 * @param minDaysOverdue         least days between the oldest due date and the signal date
 * @param maxDaysOverdue         most days between the oldest due date and the signal date (the window)
 * @param failedArrangementException  a failed payment arrangement allows a signal while the newest claim is within the window
 * @param termsNoLongerEarly     this many terms overdue is no longer early (health: CAK takes over at 6)
 * @param rejectHandedToBailiff  no signal once the claim is with a collection agency or bailiff
 * @param dwellingOnly           the address must be a dwelling (housing)
 * @param endOfSupplyWorkingDays least Dutch working days between signal date and end of supply; null = no end-of-supply signals
 * @param rejectPenaltiesAtEndOfSupply  an end-of-supply amount must not include uninvoiced penalties or deposits
 * @param earlySignalFirst       whether an end-of-supply or updated signal needs an earlier early signal
 */
public record RuleParameters(
        Money minimumAmount,
        Boolean premiumBased,
        Integer minTermsOverdue,
        Integer minRemindersSent,
        Integer minDaysOverdue,
        Integer maxDaysOverdue,
        Boolean failedArrangementException,
        Integer termsNoLongerEarly,
        Boolean rejectHandedToBailiff,
        Boolean dwellingOnly,
        Integer endOfSupplyWorkingDays,
        Boolean rejectPenaltiesAtEndOfSupply,
        EarlySignalPolicy earlySignalFirst) {

    public static RuleParameters none() {
        return new RuleParameters(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** These parameters with every field the other sets replaced by the other's value. */
    public RuleParameters overriddenBy(RuleParameters o) {
        if (o == null) {
            return this;
        }
        return new RuleParameters(
                pick(o.minimumAmount, minimumAmount), pick(o.premiumBased, premiumBased),
                pick(o.minTermsOverdue, minTermsOverdue), pick(o.minRemindersSent, minRemindersSent),
                pick(o.minDaysOverdue, minDaysOverdue), pick(o.maxDaysOverdue, maxDaysOverdue),
                pick(o.failedArrangementException, failedArrangementException),
                pick(o.termsNoLongerEarly, termsNoLongerEarly), pick(o.rejectHandedToBailiff, rejectHandedToBailiff),
                pick(o.dwellingOnly, dwellingOnly), pick(o.endOfSupplyWorkingDays, endOfSupplyWorkingDays),
                pick(o.rejectPenaltiesAtEndOfSupply, rejectPenaltiesAtEndOfSupply), pick(o.earlySignalFirst, earlySignalFirst));
    }

    static boolean on(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    private static <T> T pick(T override, T base) {
        return override != null ? override : base;
    }
}
