package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.SignalJson;
import org.junit.jupiter.api.Test;

/** History annotations reach the municipality with each signal, computed from pseudonyms only. */
class HistoryIT extends AbstractGatewayIT {

    @Test
    void repeatsMatchesAndSwappedNamesAreAnnotated() throws Exception {
        int houseNumber = ThreadLocalRandom.current().nextInt(1_000, 99_999);
        String surname = "Demir Yilmaz";
        String birth = "1975-06-" + String.format("%02d", ThreadLocalRandom.current().nextInt(1, 28));

        JsonNode first = deliver("partner-energie", surname, birth, houseNumber, "120.00");
        assertThat(first.get("eerdereSignalenZelfdePartner").asInt()).isZero();
        assertThat(first.get("recidive").asBoolean()).isFalse();

        JsonNode second = deliver("partner-energie", surname, birth, houseNumber, "180.00");
        assertThat(second.get("eerdereSignalenZelfdePartner").asInt()).isEqualTo(1);
        assertThat(second.get("bedragGestegen").asBoolean()).isTrue();
        assertThat(second.get("herhaaldeMelding").asBoolean()).isFalse();
        assertThat(second.get("recidive").asBoolean()).isTrue();

        JsonNode third = deliver("partner-energie", surname, birth, houseNumber, "150.00");
        assertThat(third.get("herhaaldeMelding").asBoolean()).isTrue();
        assertThat(third.get("structureleLaatbetaler").asBoolean()).isTrue();

        // Another partner, same household, surname parts swapped and a placeholder birth date.
        JsonNode water = deliver("partner-water", "Yilmaz Demir", "2000-01-01", houseNumber, "90.00");
        assertThat(water.get("andereVastelastenpartnersOpAdres").asInt()).isEqualTo(1);
        assertThat(water.get("recidive").asBoolean()).isTrue();
        assertThat(water.get("alleenTolerantGekoppeld").asBoolean()).isTrue();
        assertThat(water.get("eerdereSignalenZelfdePartner").asInt()).isZero();
    }

    private JsonNode deliver(String partner, String surname, String birth, int houseNumber, String amount) throws Exception {
        ObjectNode signal = (ObjectNode) json(SignalJson.signal(SignalJson.uniqueReference("HIST"), SignalJson.UTRECHT, amount));
        ((ObjectNode) signal.get("debtor")).put("surname", surname).put("birthDate", birth).put("initials", "A.");
        ((ObjectNode) signal.get("address")).put("houseNumber", houseNumber);
        String signalId = json(as(partner).postJson("/api/v1/signals", signal.toString()).body()).at("/receipts/0/signalId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> MunicipalStub.requestsFor(signalId).size() == 1);
        JsonNode batch = json(MunicipalStub.requestsFor(signalId).get(0).getBodyAsString());
        for (JsonNode document : batch.get("signalen")) {
            if (document.get("signaalId").asText().equals(signalId)) {
                return document.get("annotaties");
            }
        }
        throw new AssertionError("signal not in its delivery");
    }
}
