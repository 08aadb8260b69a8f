package nl.signaalpoort.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryScheduleTest {

    private static final Municipality DAILY = new Municipality("GM0599", "Rotterdam", "00000099000000000599",
            new Municipality.Delivery(DeliveryType.FILE, "x", null, DeliveryTiming.DAILY, LocalTime.of(6, 0)));
    private static final Municipality IMMEDIATE = new Municipality("GM0363", "Amsterdam", "00000099000000000363",
            new Municipality.Delivery(DeliveryType.FILE, "x", null));

    @ParameterizedTest(name = "{0} (urgent {1}) -> {2}")
    @CsvSource({
        // winter, Dutch time = UTC+1: 06:00 is 05:00Z
        "2026-11-23T04:59:00Z, false, 2026-11-23T05:00:00Z",
        "2026-11-23T05:00:00Z, false, 2026-11-24T05:00:00Z",
        "2026-11-23T14:00:00Z, false, 2026-11-24T05:00:00Z",
        // summer, Dutch time = UTC+2: 06:00 is 04:00Z
        "2026-07-01T03:00:00Z, false, 2026-07-01T04:00:00Z",
        // the night the clocks go back (25 Oct 2026): the next 06:00 is already winter time
        "2026-10-24T23:30:00Z, false, 2026-10-25T05:00:00Z",
        // crisis and end-of-supply go at once
        "2026-11-23T14:00:00Z, true, 2026-11-23T14:00:00Z"})
    void dailyMunicipalitiesGetNonUrgentSignalsAtTheirHour(Instant now, boolean urgent, Instant expected) {
        assertThat(DeliverySchedule.firstAttempt(DAILY, urgent, now)).isEqualTo(expected);
        assertThat(DeliverySchedule.firstAttempt(IMMEDIATE, urgent, now)).isEqualTo(now);
    }
}
