package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nl.signaalpoort.support.DdasSchema;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly DDAS-Vroegsignalering export through the real channels: signals sent and delivered,
 * outcomes reported by a shared-service team, then dated into last month; after a restart the
 * gateway serves last month over the API in pages that follow the model's schema, and writes it as
 * files into the FILE folders once.
 */
@ExtendWith(OutputCaptureExtension.class)
class MonitorExportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROTTERDAM = "3011AA";
    private static final YearMonth LAST_MONTH = YearMonth.now(ZoneId.of("Europe/Amsterdam")).minusMonths(1);

    private static ConfigurableApplicationContext app;
    private static int port;
    private static JdbcTemplate jdbc;
    private static Path teamFeed;
    private static Path amsterdamFolder;
    private static final List<String> utrecht = new ArrayList<>();
    private static String rotterdam;
    private static String amsterdam;

    @BeforeAll
    static void start() throws Exception {
        Path drop = Files.createTempDirectory("monitor-drop");
        teamFeed = drop.resolve("team");
        amsterdamFolder = drop.resolve("GM0363");
        Path registry = Files.createTempFile("municipalities", ".yaml");
        Files.writeString(registry, """
                organisations:
                  - id: team-utrecht-rotterdam
                    name: Shared-service team (test)
                    oin: "00000099000000000700"
                    municipalities: [GM0344, GM0599]
                    delivery: {type: FILE, endpoint: %s}
                municipalities:
                  - {code: GM0363, name: Amsterdam, oin: "00000099000000000363", delivery: {type: FILE, endpoint: %s}}
                  - {code: GM0344, name: Utrecht}
                  - {code: GM0599, name: Rotterdam}
                """.formatted(teamFeed, amsterdamFolder));
        StandaloneGateway gateway = new StandaloneGateway("monitor_it").with("signaalpoort.routing.municipalities", "file:" + registry)
                .with("signaalpoort.monitor.page-size", 3);
        app = gateway.start();
        port = StandaloneGateway.port(app);
        jdbc = app.getBean(JdbcTemplate.class);
        for (int i = 0; i < 4; i++) {
            utrecht.add(deliveredSignal(SignalJson.UTRECHT));
        }
        rotterdam = deliveredSignal(ROTTERDAM);
        amsterdam = deliveredSignal(SignalJson.AMSTERDAM);
        TlsClient team = TlsClient.as("team-walcheren", port);
        assertThat(team.postJson("/api/v1/outcomes", outcome(utrecht.get(0), "FOLLOW_UP_FINANCIAL", true)).statusCode()).isEqualTo(201);
        assertThat(team.postJson("/api/v1/outcomes", outcome(utrecht.get(1), "NOT_PICKED_UP_REPEATED", true)).statusCode()).isEqualTo(201);
        assertThat(team.postJson("/api/v1/outcomes", outcome(utrecht.get(2), "FOLLOW_UP_NON_FINANCIAL", false)).statusCode()).isEqualTo(201);

        // Last month, as if the signals had come in on its 15th and the outcomes on its 20th.
        JdbcTemplate data = jdbc;
        data.update("UPDATE signals SET received_at = ?", LAST_MONTH.atDay(15).atTime(12, 0).atOffset(ZoneOffset.UTC));
        data.update("UPDATE outcomes SET reported_at = ?", LAST_MONTH.atDay(20).atTime(12, 0).atOffset(ZoneOffset.UTC));
        // Rotterdam's signal had its personal data shredded: it cannot name its resident any more.
        data.update("UPDATE signals SET master_key_id = NULL, wrapped_data_key = NULL, ciphertext = NULL WHERE signal_id = ?",
                UUID.fromString(rotterdam));
        app.close();

        app = gateway.start("--signaalpoort.monitor.file-interval=PT0.5S");
        port = StandaloneGateway.port(app);
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theTeamReadsAMunicipalitysMonthInPagesThatFollowTheModel(CapturedOutput output) throws Exception {
        TlsClient team = TlsClient.as("team-walcheren", port);
        HttpResponse<String> first = team.get("/api/v1/monitor/ddas/" + LAST_MONTH + "?municipality=GM0344");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Pagination-Page")).hasValue("1");
        assertThat(first.headers().firstValue("X-Pagination-Count")).as("4 signals and 2 closed cases in pages of 3").hasValue("2");
        assertThat(first.headers().allValues("Link")).anyMatch(l -> l.contains("page=2") && l.contains("rel=\"next\""));
        HttpResponse<String> second = team.get("/api/v1/monitor/ddas/" + LAST_MONTH + "?municipality=GM0344&page=2");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().allValues("Link")).anyMatch(l -> l.contains("page=1") && l.contains("rel=\"prev\""));

        List<JsonNode> signals = new ArrayList<>();
        List<JsonNode> cases = new ArrayList<>();
        for (HttpResponse<String> page : List.of(first, second)) {
            JsonNode document = JSON.readTree(page.body());
            assertThat(DdasSchema.problems(document)).as(page.body()).isEmpty();
            assertThat(document.get("startdatumLevering").asText()).isEqualTo(LAST_MONTH.atDay(1).toString());
            assertThat(document.get("einddatumLevering").asText()).isEqualTo(LAST_MONTH.atEndOfMonth().toString());
            assertThat(document.get("codeGegevensleverancier").asText()).isEqualTo("SIGNAALPOORT");
            JsonNode levering = document.at("/leveringen/0");
            assertThat(levering.get("gemeentecode").asText()).isEqualTo("0344");
            assertThat(levering.at("/aanleverendeOrganisatie/naam").asText()).isEqualTo("Shared-service team (test)");
            levering.get("vroegsignalen").forEach(signals::add);
            levering.get("vroegsignaalzaken").forEach(cases::add);
        }
        assertThat(signals).extracting(s -> s.get("ID").asText()).containsExactlyInAnyOrderElementsOf(utrecht);
        JsonNode followedUp = byId(signals, utrecht.get(0));
        assertThat(followedUp.get("bedrag").asInt()).isEqualTo(130);
        assertThat(followedUp.get("crisissignaal").asBoolean()).isFalse();
        assertThat(followedUp.at("/signaalpartner/type").asText()).isEqualTo("Energie");
        assertThat(followedUp.get("status").asText()).isEqualTo("Opgepakt");
        assertThat(followedUp.get("signaaldatum").asText()).isNotEmpty();
        assertThat(followedUp.get("ontstaansdatum").asText()).isNotEmpty();
        assertThat(followedUp.at("/client/postcode").asText()).isEqualTo("3511AB");
        assertThat(followedUp.at("/client/huisnummer").asText()).isEqualTo("12");
        assertThat(followedUp.at("/client/geboortedatum").asText()).isEqualTo("1980-04-12");
        assertThat(followedUp.get("client").has("burgerservicenummer")).as("partners never send one").isFalse();
        assertThat(byId(signals, utrecht.get(1)).get("status").asText()).isEqualTo("Niet opgepakt: herhaalde melding");
        assertThat(byId(signals, utrecht.get(2)).get("status").asText()).as("an interim outcome").isEqualTo("Opgepakt");
        assertThat(byId(signals, utrecht.get(3)).get("status").asText()).isEqualTo("Nog niet opgepakt");
        assertThat(cases).extracting(c -> c.at("/vroegsignalen/0/ID").asText() + "=" + c.get("resultaat").asText())
                .containsExactlyInAnyOrder(utrecht.get(0) + "=Vervolghulp en/of verwijzing financieel",
                        utrecht.get(1) + "=Niet opgepakt: herhaalde melding");
        // Only what the model asks for: no names, street, phone or e-mail; none of it in the audit trail or the log.
        for (String text : List.of(first.body(), second.body())) {
            assertThat(text).doesNotContainIgnoringCase("van der Berg").doesNotContain("Damrak").doesNotContain("12345678")
                    .doesNotContainIgnoringCase("example.nl");
        }
        assertThat(jdbc.queryForList("SELECT detail FROM audit_log WHERE action = 'MONITOR_EXPORTED' AND subject_id = 'GM0344' "
                + "AND actor_oin = '00000099000000000700'", String.class))
                .hasSize(2).allSatisfy(d -> assertThat(d).contains("channel=REST").doesNotContain("3511").doesNotContain("1980"));
        assertThat(output.getAll()).doesNotContain("3511AB").doesNotContain("1980-04-12");
    }

    @Test
    void aSignalWhosePersonalDataIsGoneIsLeftOutAndCounted() throws Exception {
        HttpResponse<String> response = TlsClient.as("team-walcheren", port).get("/api/v1/monitor/ddas/" + LAST_MONTH + "?municipality=GM0599");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Signaalpoort-Withheld-Signals")).hasValue("1");
        JsonNode document = JSON.readTree(response.body());
        assertThat(DdasSchema.problems(document)).isEmpty();
        assertThat(document.at("/leveringen/0/vroegsignalen")).isEmpty();
        assertThat(response.body()).doesNotContain(rotterdam);
    }

    @Test
    void aMunicipalityOfItsOwnNeedNotNameItself() throws Exception {
        HttpResponse<String> response = TlsClient.as("gemeente-amsterdam", port).get("/api/v1/monitor/ddas/" + LAST_MONTH);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode levering = JSON.readTree(response.body()).at("/leveringen/0");
        assertThat(levering.get("gemeentecode").asText()).isEqualTo("0363");
        assertThat(levering.at("/aanleverendeOrganisatie/naam").asText()).isEqualTo("Amsterdam");
        assertThat(levering.at("/vroegsignalen/0/ID").asText()).isEqualTo(amsterdam);
    }

    @Test
    void requestsThatCannotBeAnsweredAreRefusedWithTheirCodeAndLeaveNoTrace() throws Exception {
        int audited = exportsAudited();
        TlsClient team = TlsClient.as("team-walcheren", port);
        assertProblem(team.get("/api/v1/monitor/ddas/" + LAST_MONTH), 400, "MUNICIPALITY_REQUIRED");
        assertProblem(team.get("/api/v1/monitor/ddas/" + LAST_MONTH + "?municipality=GM0363"), 403, "FORBIDDEN");
        assertProblem(TlsClient.as("gemeente-amsterdam", port).get("/api/v1/monitor/ddas/" + LAST_MONTH + "?municipality=GM0344"), 403,
                "FORBIDDEN");
        assertProblem(team.get("/api/v1/monitor/ddas/" + LAST_MONTH.plusMonths(1) + "?municipality=GM0344"), 409, "PERIOD_NOT_ENDED");
        HttpResponse<String> notAMonth = team.get("/api/v1/monitor/ddas/2026-13?municipality=GM0344");
        assertProblem(notAMonth, 400, "INVALID_PARAMETER");
        // The answer names the operation, never the path as sent (a caller may put anything in it).
        assertThat(JSON.readTree(notAMonth.body()).get("instance").asText()).isEqualTo("/api/v1/monitor/ddas/%7Bperiod%7D");
        assertThat(notAMonth.body()).doesNotContain("2026-13");
        assertProblem(team.get("/api/v1/monitor/ddas/" + LAST_MONTH + "?municipality=GM0344&page=0"), 400, "INVALID_PARAMETER");
        assertProblem(team.get("/api/v1/monitor/ddas/" + LAST_MONTH + "?municipality=GM0344&page=3"), 404, "NOT_FOUND");
        assertProblem(team.get("/api/v1/monitor/ddas/" + LAST_MONTH + "?municipality=GM0344&limit=5"), 400, "INVALID_PARAMETER");
        assertThat(TlsClient.as("partner-energie", port).get("/api/v1/monitor/ddas/" + LAST_MONTH).statusCode()).isEqualTo(403);
        assertThat(exportsAudited()).isEqualTo(audited);
    }

    @Test
    void lastMonthIsWrittenOnceIntoTheFileFoldersInTheSamePages() throws Exception {
        String month = LAST_MONTH.toString();
        Path teamMonitor = teamFeed.resolve("monitor");
        await().atMost(Duration.ofSeconds(30)).until(() -> files(teamMonitor).size() == 3 && files(amsterdamFolder.resolve("monitor")).size() == 1);
        assertThat(files(teamMonitor)).containsExactlyInAnyOrder("ddas-0344-" + month + "-1.json", "ddas-0344-" + month + "-2.json",
                "ddas-0599-" + month + "-1.json");
        for (String name : files(teamMonitor)) {
            assertThat(DdasSchema.problems(JSON.readTree(teamMonitor.resolve(name).toFile()))).as(name).isEmpty();
        }
        JsonNode amsterdamFile = JSON.readTree(amsterdamFolder.resolve("monitor").resolve("ddas-0363-" + month + "-1.json").toFile());
        assertThat(amsterdamFile.at("/leveringen/0/vroegsignalen/0/ID").asText()).isEqualTo(amsterdam);
        assertThat(jdbc.queryForList("SELECT municipality_code FROM monitor_exports ORDER BY municipality_code", String.class))
                .containsExactly("GM0344", "GM0363", "GM0599");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'MONITOR_EXPORTED' AND detail LIKE '%channel=FILE%'",
                Integer.class)).isEqualTo(4);

        // Recorded as written: the next runs leave the folder as the municipality's software left it.
        Files.delete(teamMonitor.resolve("ddas-0599-" + month + "-1.json"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> files(teamMonitor).size() == 2);
        // The signal files are where they were: the export has a folder of its own.
        assertThat(files(teamFeed)).filteredOn(f -> !f.startsWith("ddas-")).hasSizeGreaterThanOrEqualTo(5);
    }

    private static int exportsAudited() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'MONITOR_EXPORTED'", Integer.class);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("title").asText()).isNotBlank();
    }

    private static JsonNode byId(List<JsonNode> signals, String id) {
        return signals.stream().filter(s -> s.get("ID").asText().equals(id)).findFirst().orElseThrow();
    }

    private static String deliveredSignal(String postcode) throws Exception {
        HttpResponse<String> response = TlsClient.as("partner-energie", port).postJson("/api/v1/signals",
                SignalJson.signal(SignalJson.uniqueReference("MON"), postcode, "130.00"));
        String id = JSON.readTree(response.body()).at("/receipts/0/signalId").asText();
        assertThat(id).as(response.body()).isNotEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(
                jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(id))));
        return id;
    }

    private static String outcome(String signalId, String outcome, boolean finalOutcome) {
        return "{\"signalId\":\"%s\",\"outcome\":\"%s\",\"finalOutcome\":%s}".formatted(signalId, outcome, finalOutcome);
    }

    /** The regular files directly in a folder (none when it is not there yet). */
    private static List<String> files(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
