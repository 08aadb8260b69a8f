package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A herindeling through the real channels: Utrecht is registered to merge into Amsterdam. Before
 * the day its signals are Utrecht's; from the day (a restart with the registry's date reached) its
 * open work is Amsterdam's: a signal still waiting goes to Amsterdam's feed, an open case is
 * Amsterdam's to report on, a closed case stays Utrecht's, a new Utrecht signal goes to Amsterdam.
 */
class MunicipalMergerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fromItsDayAMergedMunicipalitysOpenWorkIsItsSuccessors() throws Exception {
        Path drop = Files.createTempDirectory("merger-drop");
        Path registry = Files.createTempFile("municipalities", ".yaml");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        String template = """
                municipalities:
                  - {code: GM0363, name: Amsterdam, oin: "00000099000000000363", delivery: {type: FILE, endpoint: %1$s/GM0363}}
                  - code: GM0344
                    name: Utrecht
                    oin: "00000099000000000344"
                    delivery: {type: FILE, endpoint: %1$s/GM0344}
                    mergedInto: {code: GM0363, on: "%2$s"}
                """;
        Files.writeString(registry, template.formatted(drop, today.plusDays(1)));
        StandaloneGateway gateway = new StandaloneGateway("merger_it").with("signaalpoort.routing.municipalities", "file:" + registry)
                .with("signaalpoort.routing.merger-check", "PT0.5S");
        String open;
        String closed;
        String waiting;
        try (ConfigurableApplicationContext app = gateway.start()) {
            int port = StandaloneGateway.port(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            open = delivered(port, jdbc);
            closed = delivered(port, jdbc);
            TlsClient utrecht = TlsClient.as("gemeente-utrecht", port);
            assertThat(utrecht.postJson("/api/v1/outcomes", "{\"signalId\":\"" + closed + "\",\"outcome\":\"NO_HELP_WANTED\"}").statusCode())
                    .isEqualTo(201);
            assertThat(TlsClient.as("operator", port).send("POST", "/ops/v1/routes/deliver-to-GM0344/suspend").statusCode()).isEqualTo(200);
            waiting = submit(port);
            // Before its day nothing moves: the merger is only registered.
            assertThat(municipalityOf(jdbc, waiting)).isEqualTo("GM0344");
            assertThat(jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(waiting)))
                    .isEqualTo("PENDING");
        }

        Files.writeString(registry, template.formatted(drop, today));
        try (ConfigurableApplicationContext app = gateway.start()) {
            int port = StandaloneGateway.port(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Path waitingFile = drop.resolve("GM0363").resolve(waiting + ".json");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(waitingFile));
            assertThat(JSON.readTree(waitingFile.toFile()).get("gemeentecode").asText()).isEqualTo("GM0363");
            assertThat(municipalityOf(jdbc, open)).isEqualTo("GM0363");
            assertThat(municipalityOf(jdbc, closed)).as("a closed case stays where it was closed").isEqualTo("GM0344");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'MUNICIPALITY_MERGED' AND subject_id = 'GM0344'",
                    Integer.class)).isEqualTo(1);

            // The successor reports on the open case; Utrecht's own certificate no longer can.
            HttpResponse<String> byUtrecht = TlsClient.as("gemeente-utrecht", port).postJson("/api/v1/outcomes",
                    "{\"signalId\":\"" + open + "\",\"outcome\":\"NO_HELP_WANTED\"}");
            assertThat(byUtrecht.statusCode()).isEqualTo(404);
            assertThat(TlsClient.as("gemeente-amsterdam", port).postJson("/api/v1/outcomes",
                    "{\"signalId\":\"" + open + "\",\"outcome\":\"FOLLOW_UP_FINANCIAL\"}").statusCode()).isEqualTo(201);

            // A new signal at a Utrecht address, whatever the postcode table still says, is Amsterdam's.
            String fresh = submit(port);
            assertThat(municipalityOf(jdbc, fresh)).isEqualTo("GM0363");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(drop.resolve("GM0363").resolve(fresh + ".json")));
            // Running again moves nothing more.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM audit_log WHERE action = 'MUNICIPALITY_MERGED'", Integer.class) == 1);
        }
    }

    private static String delivered(int port, JdbcTemplate jdbc) throws Exception {
        String id = submit(port);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(
                jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(id))));
        return id;
    }

    private static String submit(int port) throws Exception {
        HttpResponse<String> response = TlsClient.as("partner-energie", port).postJson("/api/v1/signals",
                SignalJson.signal(SignalJson.uniqueReference("MERGE"), SignalJson.UTRECHT, "130.00"));
        JsonNode receipt = JSON.readTree(response.body()).at("/receipts/0");
        assertThat(receipt.get("status").asText()).as(response.body()).isEqualTo("ACCEPTED");
        return receipt.get("signalId").asText();
    }

    private static String municipalityOf(JdbcTemplate jdbc, String signalId) {
        return jdbc.queryForObject("SELECT municipality_code FROM signals WHERE signal_id = ?", String.class, UUID.fromString(signalId));
    }
}
