package nl.signaalpoort.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TestRegistry;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Accepted means durable: signals accepted while their municipality is down survive a restart of
 * the gateway and are delivered afterwards, each exactly once and in the order accepted.
 */
class RestartIT {

    private static final String PATH = "/restart/signalen";

    @Test
    void pendingSignalsSurviveARestartAndAreDeliveredOnce() throws Exception {
        Path registry = TestRegistry.municipalities(Files.createTempDirectory("restart-drop"),
                "http://127.0.0.1:" + MunicipalStub.server().port() + PATH);
        MunicipalStub.server().stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        StandaloneGateway gateway = new StandaloneGateway("restart_it")
                .with("signaalpoort.routing.municipalities", "file:" + registry);

        List<String> ids = new ArrayList<>();
        try (ConfigurableApplicationContext first = gateway.start()) {
            TlsClient partner = TlsClient.as("partner-energie", StandaloneGateway.port(first));
            for (int i = 0; i < 3; i++) {
                String body = SignalJson.signal(SignalJson.uniqueReference("RESTART"), SignalJson.UTRECHT, "70.00");
                ids.add(new ObjectMapper().readTree(partner.postJson("/api/v1/signals", body).body()).at("/receipts/0/signalId").asText());
            }
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            // The oldest entry is retried; the newer ones wait behind it (order per municipality).
            await().atMost(Duration.ofSeconds(10)).until(() -> attempts(jdbc, ids.get(0)) >= 2);
            assertThat(ids).allMatch(id -> "PENDING".equals(status(jdbc, id)));
        }
        int failedRequests = MunicipalStub.server().findAll(postRequestedFor(urlEqualTo(PATH))).size();
        assertThat(failedRequests).isPositive();

        MunicipalStub.server().stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)));
        try (ConfigurableApplicationContext second = gateway.start()) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(15)).until(() -> ids.stream().allMatch(id -> "DELIVERED".equals(status(jdbc, id))));
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> successfulDeliveries(ids) == 3);
            for (String id : ids) {
                long succeeded = MunicipalStub.server().getAllServeEvents().stream()
                        .filter(e -> e.getRequest().getUrl().equals(PATH) && e.getResponse().getStatus() == 200)
                        .filter(e -> e.getRequest().getBodyAsString().contains(id))
                        .count();
                assertThat(succeeded).as("successful deliveries of %s", id).isEqualTo(1);
            }
            String delivered = MunicipalStub.server().getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getUrl().equals(PATH) && e.getResponse().getStatus() == 200)
                    .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                    .map(e -> e.getRequest().getBodyAsString())
                    .collect(Collectors.joining());
            assertThat(ids.stream().map(delivered::indexOf).toList()).as("delivery order").isSorted();
        }
    }

    private static long successfulDeliveries(List<String> ids) {
        return MunicipalStub.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(PATH) && e.getResponse().getStatus() == 200)
                .flatMap(e -> ids.stream().filter(id -> e.getRequest().getBodyAsString().contains(id)))
                .count();
    }

    private static int attempts(JdbcTemplate jdbc, String id) {
        Integer n = jdbc.queryForObject("SELECT attempts FROM outbox WHERE signal_id = ?", Integer.class, UUID.fromString(id));
        return n == null ? 0 : n;
    }

    private static String status(JdbcTemplate jdbc, String id) {
        return jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(id));
    }
}
