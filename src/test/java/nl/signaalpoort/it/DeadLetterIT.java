package nl.signaalpoort.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TestRegistry;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Deliveries that give up become dead letters operators can see (without personal data) and replay. */
class DeadLetterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/deadletter/signalen";

    @Test
    void aDeadLetterIsListedForOperatorsAndReplayedAfterRecovery() throws Exception {
        StubMapping down = MunicipalStub.server().stubFor(post(urlEqualTo(PATH)).atPriority(1).willReturn(aResponse().withStatus(503)));
        StandaloneGateway gateway = new StandaloneGateway("dead_letter_it")
                .with("signaalpoort.routing.municipalities", "file:" + TestRegistry.municipalities(
                        Files.createTempDirectory("dead-drop"), "http://127.0.0.1:" + MunicipalStub.server().port() + PATH))
                .with("signaalpoort.delivery.max-attempts", 2);
        try (ConfigurableApplicationContext app = gateway.start()) {
            int port = StandaloneGateway.port(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String body = SignalJson.of(SignalJson.uniqueReference("DEAD")).postcode(SignalJson.UTRECHT).total("90.00")
                    .surname("Doodlopendeweg").contact("0612345678", "dead@example.nl").birthDate("1970-02-03").street("Spookstraat")
                    .json();
            String signalId = JSON.readTree(TlsClient.as("partner-energie", port).postJson("/api/v1/signals", body).body())
                    .at("/receipts/0/signalId").asText();

            await().atMost(Duration.ofSeconds(15)).until(() -> "DEAD".equals(status(jdbc, signalId)));
            TlsClient operator = TlsClient.as("operator", port);
            HttpResponse<String> list = operator.get("/ops/v1/dead-letters?municipality=GM0344");
            assertThat(list.statusCode()).isEqualTo(200);
            JsonNode letter = find(JSON.readTree(list.body()), signalId);
            assertThat(letter.get("municipalityCode").asText()).isEqualTo("GM0344");
            assertThat(letter.get("attempts").asInt()).isEqualTo(2);
            assertThat(letter.get("lastError").asText()).isEqualTo("HTTP 503");
            assertThat(list.body()).doesNotContain("Doodlopendeweg", "Spookstraat", "dead@example.nl", "1970-02-03");
            // The partner hears that its signal did not reach the municipality, never why, nor where it was going.
            HttpResponse<String> fate = TlsClient.as("partner-energie", port).get("/api/v1/signals/" + signalId);
            assertThat(fate.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(fate.body()).get("state").asText()).isEqualTo("NOT_DELIVERABLE");
            assertThat(fate.body()).doesNotContain("503").doesNotContain("GM0344").doesNotContain("Doodlopendeweg", "Spookstraat",
                    "dead@example.nl", "1970-02-03");
            assertThat(TlsClient.as("partner-energie", port).get("/ops/v1/dead-letters").statusCode()).isEqualTo(403);
            assertThat(TlsClient.as("gemeente-utrecht", port).get("/ops/v1/dead-letters").statusCode()).isEqualTo(403);
            assertThat(operator.postJson("/ops/v1/dead-letters/999999999/replay", "").statusCode()).isEqualTo(404);

            MunicipalStub.server().removeStub(down);
            HttpResponse<String> replay = operator.postJson("/ops/v1/dead-letters/" + letter.get("outboxId").asLong() + "/replay", "");
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(replay.body()).get("replayed").asInt()).isEqualTo(1);

            await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(status(jdbc, signalId)));
            assertThat(JSON.readTree(operator.get("/ops/v1/dead-letters").body())).isEmpty();
            JsonNode delivered = JSON.readTree(TlsClient.as("partner-energie", port).get("/api/v1/signals/" + signalId).body());
            assertThat(delivered.get("state").asText()).isEqualTo("DELIVERED");
            assertThat(delivered.get("municipalityCode").asText()).isEqualTo("GM0344");

            // An SFTP partner reads the same in its status file: not deliverable, then delivered after the replay.
            app.getBean(nl.signaalpoort.feedback.FeedbackFileWriter.class).writeDue();
            List<String> status;
            try (var files = Files.list(gateway.files().outbox("demo-energie"))) {
                status = files.filter(f -> f.getFileName().toString().matches("signal-status-\\d+-\\d+\\.csv"))
                        .flatMap(f -> read(f).lines()).filter(l -> l.contains(signalId)).toList();
            }
            assertThat(status).hasSize(2);
            assertThat(status.get(0)).contains(";" + signalId + ";").contains(";NOT_DELIVERABLE;;");
            assertThat(status.get(1)).contains(";DELIVERED;GM0344;");
            assertThat(String.join("\n", status)).doesNotContain("Doodlopendeweg", "Spookstraat", "dead@example.nl", "1970-02-03", "503");
        } finally {
            MunicipalStub.server().removeStub(down);
        }
    }

    private static JsonNode find(JsonNode letters, String signalId) {
        for (JsonNode letter : letters) {
            if (letter.get("signalId").asText().equals(signalId)) {
                return letter;
            }
        }
        throw new AssertionError("no dead letter for " + signalId);
    }

    private static String status(JdbcTemplate jdbc, String id) {
        return jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(id));
    }

    private static String read(java.nio.file.Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
