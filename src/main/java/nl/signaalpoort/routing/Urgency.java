package nl.signaalpoort.routing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;
import nl.signaalpoort.rules.WorkingDays;
import nl.signaalpoort.signal.SignalKind;

/**
 * Which signals a municipality must act on quickly, and by when. A crisis signal (threatened
 * eviction or disconnection) within three Dutch working days of its receipt (Wgs art. 4(2)); an
 * end-of-supply signal by its end date; a warm handover as a crisis where the municipality
 * registered {@code warmHandoverUrgent}. Urgent signals go in the urgent lane, never in a daily
 * batch, and are delivered with their date.
 */
public final class Urgency {

    /** Working days a municipality has for a crisis signal (Wgs art. 4(2)). */
    public static final int CRISIS_WORKING_DAYS = 3;
    private static final ZoneId DUTCH = ZoneId.of("Europe/Amsterdam");
    private static final WorkingDays WORKING_DAYS = new WorkingDays();

    private Urgency() {
    }

    /** What the signal says about itself, as far as the urgency goes. */
    public record Facts(SignalKind kind, boolean crisis, boolean warmHandover, LocalDate endOfSupplyDate) {
    }

    public static boolean isUrgent(Facts signal, Municipality municipality) {
        return actsLikeCrisis(signal, municipality) || signal.kind() == SignalKind.END_OF_SUPPLY;
    }

    /** The last day to act on an urgent signal received at {@code receivedAt}; null for a signal that is not urgent. */
    public static LocalDate actBy(Facts signal, Municipality municipality, Instant receivedAt) {
        LocalDate crisisDeadline = actsLikeCrisis(signal, municipality)
                ? plusWorkingDays(LocalDate.ofInstant(receivedAt, DUTCH), CRISIS_WORKING_DAYS) : null;
        LocalDate endOfSupply = signal.kind() == SignalKind.END_OF_SUPPLY ? signal.endOfSupplyDate() : null;
        if (crisisDeadline == null || endOfSupply == null) {
            return crisisDeadline != null ? crisisDeadline : endOfSupply;
        }
        return crisisDeadline.isBefore(endOfSupply) ? crisisDeadline : endOfSupply;
    }

    private static boolean actsLikeCrisis(Facts signal, Municipality municipality) {
        return signal.crisis() || (signal.warmHandover() && municipality.warmHandoverUrgent());
    }

    /** The {@code n}th Dutch working day after {@code from}. */
    static LocalDate plusWorkingDays(LocalDate from, int n) {
        LocalDate day = from;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (WORKING_DAYS.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
