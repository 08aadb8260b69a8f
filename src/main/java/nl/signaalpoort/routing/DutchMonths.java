package nl.signaalpoort.routing;

import java.time.Instant;
import java.time.YearMonth;

/** A calendar month as the Netherlands has it: from its first midnight, Dutch time, to the next month's. */
public final class DutchMonths {

    private DutchMonths() {
    }

    public static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(DeliverySchedule.DUTCH_TIME).toInstant();
    }

    /** The instant the month ends: the next month's start (exclusive). */
    public static Instant end(YearMonth month) {
        return start(month.plusMonths(1));
    }

    /** The month in progress at {@code now}. */
    public static YearMonth of(Instant now) {
        return YearMonth.from(now.atZone(DeliverySchedule.DUTCH_TIME));
    }
}
