package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.signaalpoort.routing.DeliverySchedule;
import nl.signaalpoort.rules.WorkingDays;
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

    @Test
    void urgentSignalsCarryTheDayToActByAndAWarmHandoverIsUrgentWhereTheMunicipalityRegisteredIt() throws Exception {
        ObjectNode crisis = (ObjectNode) json(SignalJson.signal(SignalJson.uniqueReference("CRISIS"), ROTTERDAM, "90.00"));
        crisis.put("crisis", true);
        String urgent = submit(crisis.toString());
        ObjectNode warm = (ObjectNode) json(SignalJson.signal(SignalJson.uniqueReference("WARM"), ROTTERDAM, "90.00"));
        warm.put("warmHandover", true);
        String warmToRotterdam = submit(warm.toString());
        warm.put("reference", SignalJson.uniqueReference("WARM")).put("address", json(SignalJson.signal("X", SignalJson.AMSTERDAM, "90.00"))
                .get("address"));
        String warmToAmsterdam = submit(warm.toString());
        LocalDate due = LocalDate.now(DeliverySchedule.DUTCH_TIME);
        for (int counted = 0; counted < 3; ) {
            due = due.plusDays(1);
            counted += new WorkingDays().isWorkingDay(due) ? 1 : 0;
        }

        // Rotterdam takes ordinary signals daily: the warm handover went at once, in the urgent lane.
        await().atMost(Duration.ofSeconds(5)).until(() -> MunicipalStub.requestsFor(urgent).size() == 1
                && MunicipalStub.requestsFor(warmToRotterdam).size() == 1);
        assertThat(document(MunicipalStub.requestsFor(urgent).get(0).getBodyAsString(), urgent).get("uitersteActiedatum").asText())
                .isEqualTo(due.toString());
        assertThat(document(MunicipalStub.requestsFor(warmToRotterdam).get(0).getBodyAsString(), warmToRotterdam)
                .get("uitersteActiedatum").asText()).isEqualTo(due.toString());
        assertThat(jdbc.queryForObject("SELECT urgent FROM outbox WHERE signal_id = ?", Boolean.class, UUID.fromString(warmToRotterdam)))
                .isTrue();

        // Amsterdam did not register warm handovers as urgent: an ordinary signal, without a day to act by.
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(DROP_FOLDER.resolve("GM0363").resolve(warmToAmsterdam + ".json")));
        assertThat(json(Files.readString(DROP_FOLDER.resolve("GM0363").resolve(warmToAmsterdam + ".json"))).has("uitersteActiedatum"))
                .isFalse();
        assertThat(jdbc.queryForObject("SELECT urgent FROM outbox WHERE signal_id = ?", Boolean.class, UUID.fromString(warmToAmsterdam)))
                .isFalse();
    }

    private static com.fasterxml.jackson.databind.JsonNode document(String body, String signalId) {
        for (com.fasterxml.jackson.databind.JsonNode signal : json(body).get("signalen")) {
            if (signal.get("signaalId").asText().equals(signalId)) {
                return signal;
            }
        }
        throw new AssertionError("signal " + signalId + " not in the delivery");
    }

    private String submit(String body) throws Exception {
        return json(as("partner-energie").postJson("/api/v1/signals", body).body()).at("/receipts/0/signalId").asText();
    }
}
