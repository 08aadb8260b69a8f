package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.signaalpoort.routing.DeliverySchedule;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.SignalJson;
import org.junit.jupiter.api.Test;

/** A municipality that takes signals daily gets ordinary signals at its hour, crisis signals at once. */
class ScheduleIT extends AbstractGatewayIT {

    private static final String ROTTERDAM = "3012AB";

    @Test
    void ordinarySignalsWaitForTheDailyHourAndCrisisSignalsGoAtOnce() throws Exception {
        Instant before = Instant.now();
        String ordinary = submit(SignalJson.signal(SignalJson.uniqueReference("DAY"), ROTTERDAM, "90.00"));
        ObjectNode crisis = (ObjectNode) json(SignalJson.signal(SignalJson.uniqueReference("CRISIS"), ROTTERDAM, "90.00"));
        crisis.put("crisis", true);
        String urgent = submit(crisis.toString());

        await().atMost(Duration.ofSeconds(5)).until(() -> MunicipalStub.requestsFor(urgent).size() == 1);
        Instant planned = jdbc.queryForObject("SELECT next_attempt_at FROM outbox WHERE signal_id = ?", OffsetDateTime.class,
                UUID.fromString(ordinary)).toInstant();
        assertThat(planned.atZone(DeliverySchedule.DUTCH_TIME).toLocalTime()).hasToString("06:00");
        assertThat(planned).isAfter(before).isBefore(before.plus(Duration.ofHours(24)).plusSeconds(60));
        assertThat(MunicipalStub.requestsFor(ordinary)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(ordinary)))
                .isEqualTo("PENDING");
    }

    private String submit(String body) throws Exception {
        return json(as("partner-energie").postJson("/api/v1/signals", body).body()).at("/receipts/0/signalId").asText();
    }
}
