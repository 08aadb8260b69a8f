package nl.signaalpoort.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.signaalpoort.signal.SignalKind;
import org.junit.jupiter.api.Test;

class UrgencyTest {

    private static final Municipality PLAIN = new Municipality("GM0363", "A", "00000099000000000363",
            new Municipality.Delivery(DeliveryType.FILE, "x", null));
    private static final Municipality WARM_IS_URGENT = new Municipality("GM0344", "U", "00000099000000000344",
            new Municipality.Delivery(DeliveryType.FILE, "x", null), true);

    private static Urgency.Facts crisis() {
        return new Urgency.Facts(SignalKind.EARLY, true, false, null);
    }

    @Test
    void aCrisisSignalIsDueOnTheThirdDutchWorkingDayAfterItsReceipt() {
        // Friday 4 December 2026: Monday, Tuesday, Wednesday.
        assertThat(Urgency.actBy(crisis(), PLAIN, Instant.parse("2026-12-04T10:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 9));
        // Received on Wednesday 23 December: Christmas Day and Boxing Day (Friday, Saturday) and Sunday do not count.
        assertThat(Urgency.actBy(crisis(), PLAIN, Instant.parse("2026-12-23T10:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 29));
        // King's Day, Tuesday 27 April 2027, does not count.
        assertThat(Urgency.actBy(crisis(), PLAIN, Instant.parse("2027-04-26T10:00:00Z"))).isEqualTo(LocalDate.of(2027, 4, 30));
        // 23:30 UTC on Thursday is Friday in the Netherlands: the Dutch day counts.
        assertThat(Urgency.actBy(crisis(), PLAIN, Instant.parse("2026-12-03T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(Urgency.isUrgent(crisis(), PLAIN)).isTrue();
    }

    @Test
    void anEndOfSupplySignalIsDueOnItsEndDateOrEarlierWhenItIsAlsoACrisis() {
        LocalDate end = LocalDate.of(2027, 1, 15);
        Urgency.Facts endOfSupply = new Urgency.Facts(SignalKind.END_OF_SUPPLY, false, false, end);
        assertThat(Urgency.isUrgent(endOfSupply, PLAIN)).isTrue();
        assertThat(Urgency.actBy(endOfSupply, PLAIN, Instant.parse("2026-12-04T10:00:00Z"))).isEqualTo(end);
        Urgency.Facts both = new Urgency.Facts(SignalKind.END_OF_SUPPLY, true, false, end);
        assertThat(Urgency.actBy(both, PLAIN, Instant.parse("2026-12-04T10:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(Urgency.actBy(both, PLAIN, Instant.parse("2027-01-14T10:00:00Z"))).isEqualTo(end);
    }

    @Test
    void aWarmHandoverIsUrgentOnlyWhereTheMunicipalityRegisteredIt() {
        Urgency.Facts warm = new Urgency.Facts(SignalKind.EARLY, false, true, null);
        assertThat(Urgency.isUrgent(warm, PLAIN)).isFalse();
        assertThat(Urgency.actBy(warm, PLAIN, Instant.parse("2026-12-04T10:00:00Z"))).isNull();
        assertThat(Urgency.isUrgent(warm, WARM_IS_URGENT)).isTrue();
        assertThat(Urgency.actBy(warm, WARM_IS_URGENT, Instant.parse("2026-12-04T10:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 9));
        Urgency.Facts early = new Urgency.Facts(SignalKind.EARLY, false, false, null);
        assertThat(Urgency.isUrgent(early, WARM_IS_URGENT)).isFalse();
        assertThat(Urgency.actBy(early, WARM_IS_URGENT, Instant.parse("2026-12-04T10:00:00Z"))).isNull();
    }
}
