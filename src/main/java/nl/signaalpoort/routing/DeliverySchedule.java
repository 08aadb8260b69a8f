package nl.signaalpoort.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The first moment a signal may go to its municipality; stored in the outbox, so a restart keeps it. */
public final class DeliverySchedule {

    /** Municipalities keep Dutch office hours, whatever zone the gateway runs in. */
    public static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private DeliverySchedule() {
    }

    public static Instant firstAttempt(Municipality municipality, boolean urgent, Instant now) {
        Municipality.Delivery delivery = municipality.delivery();
        if (urgent || delivery.timing() == DeliveryTiming.IMMEDIATE) {
            return now;
        }
        ZonedDateTime local = now.atZone(DUTCH_TIME);
        ZonedDateTime today = local.with(delivery.dailyAt());
        return (today.isAfter(local) ? today : today.plusDays(1).with(delivery.dailyAt())).toInstant();
    }
}
