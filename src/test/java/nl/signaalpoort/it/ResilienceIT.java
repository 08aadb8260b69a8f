package nl.signaalpoort.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.delivery.MunicipalResilience;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.SignalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One municipality's outage is its own: breaker, isolation, order, exactly-once after recovery. */
class ResilienceIT extends AbstractGatewayIT {

    @Autowired
    MunicipalResilience resilience;

    private final List<StubMapping> stubs = new ArrayList<>();

    /** Other test classes share this context and may have left Utrecht's breaker open or half-open. */
    @BeforeEach
    void closedBreaker() {
        resilience.breaker("GM0344").reset();
    }

    @AfterEach
    void recover() {
        stubs.forEach(MunicipalStub.server()::removeStub);
        resilience.breaker("GM0344").reset();
    }

    @Test
    void aSlowFailingMunicipalityHoldsUpNoOtherAndItsBacklogDrainsInOrderExactlyOnce() throws Exception {
        // Utrecht answers slowly (beyond the 3 s response timeout) and then with errors.
        stubs.add(MunicipalStub.server().stubFor(post(urlEqualTo(MunicipalStub.PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(503).withFixedDelay(3_500))));
        List<String> utrecht = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            utrecht.add(submit(SignalJson.UTRECHT));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !MunicipalStub.requestsFor(utrecht.get(0)).isEmpty());

        String amsterdam = submit(SignalJson.AMSTERDAM);
        await().atMost(Duration.ofSeconds(2)).until(() -> Files.exists(DROP_FOLDER.resolve("GM0363").resolve(amsterdam + ".json")));
        assertThat(utrecht).allSatisfy(id -> assertThat(status(id)).isEqualTo("PENDING"));

        recover();
        await().atMost(Duration.ofSeconds(20)).until(() -> utrecht.stream().allMatch(id -> "DELIVERED".equals(status(id))));
        List<String> received = new ArrayList<>();
        for (String body : MunicipalStub.acceptedBodies(MunicipalStub.PATH)) {
            for (JsonNode doc : json(body).get("signalen")) {
                if (utrecht.contains(doc.get("signaalId").asText())) {
                    received.add(doc.get("signaalId").asText());
                }
            }
        }
        assertThat(received).as("each arrives once, in the order it was accepted").containsExactlyElementsOf(utrecht);
    }

    @Test
    void theBreakerOpensStopsCallingAndClosesAfterRecovery() throws Exception {
        stubs.add(MunicipalStub.server().stubFor(post(urlEqualTo(MunicipalStub.PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(503))));
        CircuitBreaker breaker = resilience.breaker("GM0344");
        String first = submit(SignalJson.UTRECHT);

        await().atMost(Duration.ofSeconds(15)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
        int callsWhenOpened = MunicipalStub.server().findAll(postRequestedFor(urlEqualTo(MunicipalStub.PATH))).size();
        String second = submit(SignalJson.UTRECHT);
        // Open for 2 s in the tests: during the first second not a single call goes out.
        await().during(Duration.ofMillis(1_000)).atMost(Duration.ofSeconds(2)).until(() ->
                MunicipalStub.server().findAll(postRequestedFor(urlEqualTo(MunicipalStub.PATH))).size() == callsWhenOpened);
        assertThat(scrapeText()).contains("resilience4j_circuitbreaker_state{name=\"municipality-GM0344\",state=\"open\"} 1.0");

        stubs.forEach(MunicipalStub.server()::removeStub);
        stubs.clear();
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(status(first)) && "DELIVERED".equals(status(second)));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aResponseSlowerThanTheTimeLimitCountsAsFailedAndIsRetried() throws Exception {
        String street = SignalJson.uniqueReference("SLOW");
        stubs.add(MunicipalStub.server().stubFor(post(urlEqualTo(MunicipalStub.PATH)).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(street))
                .inScenario(street).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withFixedDelay(4_000)).willSetStateTo("fast")));
        ObjectNode signal = (ObjectNode) json(SignalJson.signal(SignalJson.uniqueReference("SLOW"), SignalJson.UTRECHT, "90.00"));
        ((ObjectNode) signal.get("address")).put("street", street);
        String id = json(as("partner-energie").postJson("/api/v1/signals", signal.toString()).body()).at("/receipts/0/signalId").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(status(id)));
        assertThat(MunicipalStub.requestsFor(id)).hasSize(2);
        assertThat(count("SELECT attempts FROM outbox WHERE signal_id = ?", UUID.fromString(id))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_error FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(id))).isNull();
    }

    private String submit(String postcode) throws Exception {
        return json(as("partner-energie").postJson("/api/v1/signals",
                SignalJson.signal(SignalJson.uniqueReference("RES"), postcode, "90.00")).body()).at("/receipts/0/signalId").asText();
    }

    private String status(String id) {
        return jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(id));
    }

    private String scrapeText() throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }
}
