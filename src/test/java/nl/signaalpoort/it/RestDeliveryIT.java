package nl.signaalpoort.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.SignalJson;
import org.junit.jupiter.api.Test;

/** Partner -> gateway -> municipality over REST (WireMock) -> outcome -> partner feedback, through real mTLS. */
class RestDeliveryIT extends AbstractGatewayIT {

    @Test
    void aSignalTravelsToTheMunicipalityAndItsOutcomeBackToThePartner() throws Exception {
        String reference = SignalJson.uniqueReference("REST");
        HttpResponse<String> submitted = as("partner-energie").postJson("/api/v1/signals",
                SignalJson.signal(reference, SignalJson.UTRECHT, "122.50"));

        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.headers().firstValue("API-Version")).contains("1.0.0");
        JsonNode receipt = json(submitted.body()).get("receipts").get(0);
        assertThat(receipt.get("status").asText()).isEqualTo("ACCEPTED");
        String signalId = receipt.get("signalId").asText();

        await().atMost(Duration.ofSeconds(10)).until(() -> MunicipalStub.requestsFor(signalId).size() == 1);
        LoggedRequest delivered = MunicipalStub.requestsFor(signalId).get(0);
        assertThat(delivered.getHeader("Content-Type")).startsWith("application/json");
        assertThat(delivered.getHeader("Idempotency-Key")).isNotBlank();
        // Signed by the gateway (JAdES detached, PS256), checkable with its published certificate by another JOSE library.
        assertThat(nl.signaalpoort.support.JadesCheck.verifies(delivered.getBody(), delivered.getHeader("Digest"),
                delivered.getHeader("Payload-Signature"), nl.signaalpoort.support.JadesCheck.gatewayCertificate().getPublicKey())).isTrue();
        JsonNode document = json(delivered.getBodyAsString()).get("signalen").get(0);
        assertThat(document.get("signaalId").asText()).isEqualTo(signalId);
        assertThat(document.get("gemeentecode").asText()).isEqualTo("GM0344");
        assertThat(document.at("/persoon/voorletters").asText()).isEqualTo("J.P.");
        assertThat(document.at("/persoon/voorvoegsel").asText()).isEqualTo("van der");
        assertThat(document.at("/persoon/achternaam").asText()).isEqualTo("Berg");
        assertThat(document.at("/adres/postcode").asText()).isEqualTo("3511AB");
        assertThat(document.at("/adres/huisnummertoevoeging").asText()).isEqualTo("A");
        assertThat(document.at("/contactgegevens/telefoonnummer").asText()).isEqualTo("+31612345678");
        assertThat(document.at("/contactgegevens/emailadres").asText()).isEqualTo("j.vdberg@example.nl");
        assertThat(document.at("/achterstand/totaalBedrag").decimalValue()).isEqualByComparingTo("122.50");
        assertThat(document.at("/regelset/id").asText()).isEqualTo("energy/demo-energie");
        assertThat(document.at("/vastelastenpartner/sector").asText()).isEqualTo("ENERGIE");
        await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(outboxStatus(signalId)));

        HttpResponse<String> outcome = as("gemeente-utrecht").postJson("/api/v1/outcomes",
                "{\"signalId\":\"" + signalId + "\",\"outcome\":\"FOLLOW_UP_FINANCIAL\"}");
        assertThat(outcome.statusCode()).isEqualTo(201);
        assertThat(json(outcome.body()).get("partnerFeedbackCode").asText()).isEqualTo("WANTS_HELP");

        List<JsonNode> feedback = feedbackFor(signalId);
        assertThat(feedback).hasSize(1);
        assertThat(feedback.get(0).get("reference").asText()).isEqualTo(reference);
        assertThat(feedback.get(0).get("code").asText()).isEqualTo("WANTS_HELP");
        assertThat(feedback.get(0).get("finalOutcome").asBoolean()).isTrue();
    }

    @org.junit.jupiter.api.BeforeEach
    void closedBreaker(@org.springframework.beans.factory.annotation.Autowired nl.signaalpoort.delivery.MunicipalResilience resilience) {
        // Other test classes share this context and may have left Utrecht's breaker open.
        resilience.breaker("GM0344").reset();
    }

    @Test
    void aMunicipalityThatFailsGetsTheSignalAgainLaterAndExactlyOnceSuccessfully() throws Exception {
        String reference = SignalJson.uniqueReference("DOWN");
        // The street carries the reference so the stubs below can recognise this signal's deliveries.
        String body = SignalJson.of(reference).postcode(SignalJson.UTRECHT).total("80.00").surname("Jansen")
                .contact("0612345678", "a@example.nl").birthDate("1975-05-05").street(reference).json();
        // The municipality fails in five different ways before it recovers; its breaker opens on the way. Scoped to this
        // reference's signal by body match, so other tests' deliveries are untouched.
        String scenario = "down-" + reference;
        stubFailure(scenario, Scenario.STARTED, "reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), reference);
        stubFailure(scenario, "reset", "unavailable", aResponse().withStatus(503), reference);
        stubFailure(scenario, "unavailable", "empty", aResponse().withFault(Fault.EMPTY_RESPONSE), reference);
        stubFailure(scenario, "empty", "malformed", aResponse().withStatus(500), reference);
        stubFailure(scenario, "malformed", "recovered", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), reference);
        MunicipalStub.server().stubFor(post(urlEqualTo(MunicipalStub.PATH)).atPriority(1)
                .withRequestBody(containing(reference)).inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));

        String signalId = json(as("partner-energie").postJson("/api/v1/signals", body).body())
                .get("receipts").get(0).get("signalId").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(outboxStatus(signalId)));
        assertThat(MunicipalStub.requestsFor(signalId)).hasSize(6);
        assertThat(count("SELECT attempts FROM outbox WHERE signal_id = ?", java.util.UUID.fromString(signalId))).isEqualTo(5);
        // Delivered means done: no further request arrives for this signal.
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
                .until(() -> MunicipalStub.requestsFor(signalId).size() == 6);
    }

    /**
     * Urgent signals have a lane of their own: a crisis signal sent while the municipality is still
     * receiving a regular delivery (slow to answer, within the client's timeouts) reaches it
     * before that delivery is done.
     */
    @Test
    void aCrisisSignalDoesNotWaitForARegularDeliveryInFlight() throws Exception {
        String slow = SignalJson.uniqueReference("SLOW");
        MunicipalStub.server().stubFor(post(urlEqualTo(MunicipalStub.PATH)).atPriority(1).withRequestBody(containing(slow))
                .willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));
        String regular = json(as("partner-energie").postJson("/api/v1/signals", SignalJson.of(slow).postcode(SignalJson.UTRECHT)
                .street(slow).json()).body()).at("/receipts/0/signalId").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "SELECT lease_owner FROM outbox WHERE signal_id = ?", String.class, java.util.UUID.fromString(regular)) != null);

        String crisis = json(as("partner-energie").postJson("/api/v1/signals", SignalJson.of(SignalJson.uniqueReference("CRISIS"))
                .postcode(SignalJson.UTRECHT).set("crisis", true).json()).body()).at("/receipts/0/signalId").asText();

        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(outboxStatus(crisis)) && "DELIVERED".equals(outboxStatus(regular)));
        // Sent after the regular signal was claimed, delivered before its delivery ended.
        assertThat(deliveredAt(crisis)).isBefore(deliveredAt(regular));
        assertThat(MunicipalStub.requestsFor(regular)).hasSize(1);
    }

    private java.time.OffsetDateTime deliveredAt(String signalId) {
        return jdbc.queryForObject("SELECT delivered_at FROM outbox WHERE signal_id = ?", java.time.OffsetDateTime.class,
                java.util.UUID.fromString(signalId));
    }

    private static void stubFailure(String scenario, String from, String to,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response, String reference) {
        MunicipalStub.server().stubFor(post(urlEqualTo(MunicipalStub.PATH)).atPriority(1)
                .withRequestBody(containing(reference)).inScenario(scenario).whenScenarioStateIs(from)
                .willReturn(response).willSetStateTo(to));
    }

    private String outboxStatus(String signalId) {
        return jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, java.util.UUID.fromString(signalId));
    }

    private List<JsonNode> feedbackFor(String signalId) throws Exception {
        JsonNode page = json(as("partner-energie").get("/api/v1/feedback?after=0&limit=1000").body());
        java.util.List<JsonNode> items = new java.util.ArrayList<>();
        page.get("items").forEach(item -> {
            if (item.get("signalId").asText().equals(signalId)) {
                items.add(item);
            }
        });
        return items;
    }
}
