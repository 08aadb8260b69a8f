package nl.signaalpoort.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TestRegistry;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Feedback pushed to a partner's own endpoint (WireMock stands in): retried after a failure, accepted once. */
class FeedbackPushIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/partner/energie/feedback";

    @Test
    void feedbackReachesThePartnersEndpointAtLeastOnceAndIsAcceptedOnce() throws Exception {
        MunicipalStub.server().stubFor(post(urlEqualTo(PATH)).inScenario("push").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        MunicipalStub.server().stubFor(post(urlEqualTo(PATH)).inScenario("push").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(204)));
        Path partners = TestRegistry.energyPartnerPushingTo(PATH, false);
        StandaloneGateway gateway = new StandaloneGateway("feedback_push_it")
                .with("signaalpoort.partners.registry", "file:" + partners)
                .with("signaalpoort.feedback.push-interval", "PT0.1S")
                .with("signaalpoort.routing.municipalities", "file:" + TestRegistry.municipalities(
                        Files.createTempDirectory("push-drop"), MunicipalStub.url()));
        try (ConfigurableApplicationContext app = gateway.start()) {
            int port = StandaloneGateway.port(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String body = SignalJson.of(SignalJson.uniqueReference("PUSH")).surname("Pushgevoelig")
                    .contact("0612345678", "push@example.nl").birthDate("1966-06-06").street("Duwstraat").json();
            String signalId = JSON.readTree(TlsClient.as("partner-energie", port).postJson("/api/v1/signals", body).body())
                    .at("/receipts/0/signalId").asText();
            await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(
                    jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(signalId))));
            TlsClient.as("gemeente-amsterdam", port).postJson("/api/v1/outcomes",
                    "{\"signalId\":\"" + signalId + "\",\"outcome\":\"FOLLOW_UP_FINANCIAL\"}");

            await().atMost(Duration.ofSeconds(15)).until(() -> accepted(signalId) == 1);
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> accepted(signalId) == 1);
            com.github.tomakehurst.wiremock.verification.LoggedRequest push = MunicipalStub.server().getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getUrl().equals(PATH) && e.getResponse().getStatus() == 204)
                    .map(e -> e.getRequest()).filter(r -> r.getBodyAsString().contains(signalId)).findFirst().orElseThrow();
            String pushed = push.getBodyAsString();
            assertThat(nl.signaalpoort.support.JadesCheck.verifies(push.getBody(), push.getHeader("Digest"), push.getHeader("Payload-Signature"),
                    nl.signaalpoort.support.JadesCheck.gatewayCertificate().getPublicKey())).as("signed by the gateway").isTrue();
            JsonNode item = JSON.readTree(pushed).at("/items/0");
            assertThat(item.get("code").asText()).isEqualTo("WANTS_HELP");
            assertThat(item.get("collectionPausedUntil").asText()).isNotBlank();
            assertThat(pushed).doesNotContain("Pushgevoelig", "Duwstraat", "push@example.nl", "1966-06-06", "FOLLOW_UP");
            assertThat(MunicipalStub.server().getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getUrl().equals(PATH) && e.getResponse().getStatus() == 503)).isNotEmpty();
            assertThat(jdbc.queryForObject("SELECT pushed_up_to FROM partner_feedback_push WHERE partner_id = 'demo-energie'", Long.class))
                    .isEqualTo(item.get("feedbackId").asLong());
        } finally {
            MunicipalStub.server().resetScenarios();
        }
    }

    private static long accepted(String signalId) {
        return MunicipalStub.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(PATH) && e.getResponse().getStatus() == 204)
                .filter(e -> e.getRequest().getBodyAsString().contains(signalId))
                .count();
    }
}
