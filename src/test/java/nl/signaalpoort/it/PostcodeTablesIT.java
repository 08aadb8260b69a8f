package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import nl.signaalpoort.routing.PostcodeTables;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TestRegistry;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Postcode table versions loaded while the gateway runs, through the operators' API: checked whole
 * before they take effect, audited, in force from their day without a restart, kept across one.
 */
class PostcodeTablesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "postcode;houseNumberFrom;houseNumberTo;municipalityCode\n";
    /** Amsterdam's PC4 1012 now in Utrecht: the change a merger or a corrected CBS table makes. */
    private static final String MOVED = HEADER + "1012;;;GM0344\n3511;;;GM0344\n";

    @Test
    void aTableLoadedForTodayRoutesTheNextSignalByItABadOneChangesNothingAndTheyOutliveARestart() throws Exception {
        StandaloneGateway gateway = new StandaloneGateway("postcode_it").with("signaalpoort.routing.municipalities",
                "file:" + TestRegistry.municipalities(Files.createTempDirectory("postcode-drop"), MunicipalStub.url()));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        try (ConfigurableApplicationContext app = gateway.start()) {
            int port = StandaloneGateway.port(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            TlsClient operator = TlsClient.as("operator", port);
            assertThat(municipalityOf(jdbc, submit(port))).isEqualTo("GM0363");

            HttpResponse<String> bad = operator.postJsonAs("/ops/v1/postcode-tables?effectiveFrom=" + today,
                    HEADER + "1012;;;GM0344\n1012AB;5;;GM0344\n", "text/csv");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(json(bad.body()).get("code").asText()).isEqualTo("INVALID_POSTCODE_TABLE");
            assertThat(json(bad.body()).get("reason").asText()).contains("line 3");
            HttpResponse<String> past = operator.postJsonAs("/ops/v1/postcode-tables?effectiveFrom=" + today.minusDays(1), MOVED, "text/csv");
            assertThat(past.statusCode()).isEqualTo(409);
            assertThat(json(past.body()).get("code").asText()).isEqualTo("POSTCODE_TABLE_IN_THE_PAST");
            assertThat(TlsClient.as("partner-energie", port).postJsonAs("/ops/v1/postcode-tables?effectiveFrom=" + today, MOVED, "text/csv")
                    .statusCode()).isEqualTo(403);
            assertThat(json(operator.get("/ops/v1/postcode-tables").body())).isEmpty();
            assertThat(municipalityOf(jdbc, submit(port))).as("nothing changed").isEqualTo("GM0363");

            HttpResponse<String> loaded = operator.postJsonAs("/ops/v1/postcode-tables?effectiveFrom=" + today, MOVED, "text/csv");
            assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
            assertThat(json(loaded.body()).get("rows").asInt()).isEqualTo(2);
            assertThat(municipalityOf(jdbc, submit(port))).as("in force at once, no restart").isEqualTo("GM0344");
            HttpResponse<String> next = operator.postJsonAs("/ops/v1/postcode-tables?effectiveFrom=" + today.plusDays(1),
                    HEADER + "1012;;;GM0599\n", "text/csv");
            assertThat(next.statusCode()).isEqualTo(201);
            assertThat(municipalityOf(jdbc, submit(port))).as("tomorrow's is not in force today").isEqualTo("GM0344");
            assertThat(app.getBean(PostcodeTables.class).inForceOn(today.plusDays(1)).municipalityCode("1012LG", 1)).hasValue("GM0599");
            assertThat(json(operator.get("/ops/v1/postcode-tables").body())).extracting(v -> v.get("effectiveFrom").asText())
                    .containsExactly(today.toString(), today.plusDays(1).toString());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'POSTCODE_TABLE_LOADED' AND actor_oin = ?",
                    Integer.class, "00000099000000000002")).isEqualTo(2);
        }
        // A restart (or the other node) installs the kept versions before taking signals.
        try (ConfigurableApplicationContext app = gateway.start()) {
            int port = StandaloneGateway.port(app);
            assertThat(municipalityOf(app.getBean(JdbcTemplate.class), submit(port))).isEqualTo("GM0344");
            assertThat(app.getBean(PostcodeTables.class).inForceOn(today.plusDays(1)).municipalityCode("1012LG", 1)).hasValue("GM0599");
        }
    }

    private static String submit(int port) throws Exception {
        HttpResponse<String> response = TlsClient.as("partner-energie", port).postJson("/api/v1/signals",
                SignalJson.signal(SignalJson.uniqueReference("PC"), SignalJson.AMSTERDAM, "130.00"));
        String id = json(response.body()).at("/receipts/0/signalId").asText();
        assertThat(id).as(response.body()).isNotEmpty();
        return id;
    }

    private static String municipalityOf(JdbcTemplate jdbc, String signalId) {
        return jdbc.queryForObject("SELECT municipality_code FROM signals WHERE signal_id = ?", String.class, UUID.fromString(signalId));
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }
}
