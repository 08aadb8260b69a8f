package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;
import nl.signaalpoort.intake.soap.contract.Fault_Exception;
import nl.signaalpoort.intake.soap.contract.OutcomeItem;
import nl.signaalpoort.intake.soap.contract.ReportOutcomes;
import nl.signaalpoort.intake.soap.contract.ReportOutcomesResponse;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.SoapClients;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A shared-service team (one certificate, several municipalities) through the real channels: its
 * municipalities' signals arrive in its one feed; it reports outcomes for each of them, singly and in
 * bulk, and is refused for a municipality it does not act for; it reads the notifications of its
 * municipalities only.
 */
class SharedServiceTeamIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROTTERDAM = "3011AA";

    private static ConfigurableApplicationContext app;
    private static int port;
    private static JdbcTemplate jdbc;
    private static Path teamFeed;
    private static Path amsterdamFolder;

    @BeforeAll
    static void start() throws Exception {
        Path drop = Files.createTempDirectory("team-drop");
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
                    sftpAccount: {authorizedKeys: certs-dev/team-walcheren-ssh.pub}
                municipalities:
                  - {code: GM0363, name: Amsterdam, oin: "00000099000000000363", delivery: {type: FILE, endpoint: %s}}
                  - {code: GM0344, name: Utrecht}
                  - {code: GM0599, name: Rotterdam}
                """.formatted(teamFeed, amsterdamFolder));
        app = new StandaloneGateway("team_it").with("signaalpoort.routing.municipalities", "file:" + registry).start();
        port = StandaloneGateway.port(app);
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theTeamReceivesItsMunicipalitiesSignalsInOneFeedAndReportsForEachButNotForOthers() throws Exception {
        String utrecht = deliveredSignal(SignalJson.UTRECHT);
        String rotterdam = deliveredSignal(ROTTERDAM);
        String amsterdam = deliveredSignal(SignalJson.AMSTERDAM);
        assertThat(feedFiles(teamFeed)).anyMatch(f -> f.contains(utrecht)).anyMatch(f -> f.contains(rotterdam))
                .noneMatch(f -> f.contains(amsterdam));
        assertThat(feedFiles(amsterdamFolder)).anyMatch(f -> f.contains(amsterdam));

        TlsClient team = TlsClient.as("team-walcheren", port);
        HttpResponse<String> single = team.postJson("/api/v1/outcomes", outcome(utrecht, "FOLLOW_UP_FINANCIAL"));
        assertThat(single.statusCode()).isEqualTo(201);
        assertThat(json(single.body()).get("partnerFeedbackCode").asText()).isEqualTo("WANTS_HELP");

        HttpResponse<String> notHers = team.postJson("/api/v1/outcomes", outcome(amsterdam, "NO_HELP_WANTED"));
        assertThat(notHers.statusCode()).isEqualTo(404);
        assertThat(json(notHers.body()).get("code").asText()).isEqualTo("UNKNOWN_SIGNAL");
        assertThat(outcomes(amsterdam)).isZero();

        // Amsterdam's own certificate cannot report for the team's municipalities either.
        assertThat(TlsClient.as("gemeente-amsterdam", port).postJson("/api/v1/outcomes", outcome(rotterdam, "NO_HELP_WANTED"))
                .statusCode()).isEqualTo(404);
        assertThat(outcomes(rotterdam)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'OUTCOME_REPORTED' AND subject_id = ? "
                + "AND actor_oin = '00000099000000000700'", Integer.class, utrecht)).isEqualTo(1);
    }

    @Test
    void aBulkReportRecordsEachItemOnItsOwnInOrder() throws Exception {
        String utrecht = deliveredSignal(SignalJson.UTRECHT);
        String rotterdam = deliveredSignal(ROTTERDAM);
        String amsterdam = deliveredSignal(SignalJson.AMSTERDAM);
        String today = LocalDate.now().toString();
        String body = "[" + String.join(",",
                outcome(utrecht, "NO_HELP_WANTED"),
                outcome(amsterdam, "NO_HELP_WANTED"),
                "{\"signalId\":\"" + rotterdam + "\",\"outcome\":\"NOT_AN_OUTCOME\"}",
                "{\"signalId\":\"" + rotterdam + "\",\"outcome\":\"FOLLOW_UP_FINANCIAL\",\"finalOutcome\":false,\"date\":\"" + today + "\"}",
                "{\"signalId\":\"" + rotterdam + "\",\"unknownField\":1}",
                outcome(utrecht, "NO_HELP_WANTED")) + "]";

        HttpResponse<String> response = TlsClient.as("team-walcheren", port).postJson("/api/v1/outcomes", body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response.body());
        assertThat(answer.get("recorded").asInt()).isEqualTo(3);
        assertThat(answer.get("refused").asInt()).isEqualTo(3);
        JsonNode results = answer.get("results");
        assertThat(results).hasSize(6);
        assertThat(results.get(0).get("status").asText()).isEqualTo("RECORDED");
        assertThat(results.get(0).get("partnerFeedbackCode").asText()).isEqualTo("NOT_REACHED_OR_DECLINED");
        assertThat(results.get(1).get("code").asText()).isEqualTo("UNKNOWN_SIGNAL");
        assertThat(results.get(1).get("message").asText()).isNotBlank();
        assertThat(results.get(2).get("code").asText()).isEqualTo("UNKNOWN_OUTCOME");
        assertThat(results.get(3).get("status").asText()).isEqualTo("RECORDED");
        assertThat(results.get(3).get("collectionPausedUntil").asText()).isEqualTo(LocalDate.now().plusDays(30).toString());
        assertThat(results.get(4).get("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(results.get(5).get("repeated").asBoolean()).as("the same report again changes nothing").isTrue();
        assertThat(outcomes(utrecht)).isEqualTo(1);
        assertThat(outcomes(rotterdam)).isEqualTo(1);
        assertThat(outcomes(amsterdam)).isZero();
    }

    @Test
    void overSoapTheTeamReportsInBulkForItsMunicipalitiesAndIsRefusedItemByItemForOthers() throws Exception {
        String utrecht = deliveredSignal(SignalJson.UTRECHT);
        String amsterdam = deliveredSignal(SignalJson.AMSTERDAM);
        ReportOutcomes request = new ReportOutcomes();
        for (String[] i : new String[][] {{utrecht, "FOLLOW_UP_FINANCIAL"}, {amsterdam, "NO_HELP_WANTED"}, {"not-a-uuid", "NO_HELP_WANTED"}}) {
            OutcomeItem item = new OutcomeItem();
            item.setSignalId(i[0]);
            item.setOutcome(i[1]);
            request.getItem().add(item);
        }

        ReportOutcomesResponse response = SoapClients.port("team-walcheren", port, false).reportOutcomes(request);

        assertThat(response.getRecorded()).isEqualTo(1);
        assertThat(response.getRefused()).isEqualTo(2);
        assertThat(response.getResult()).extracting(r -> r.getStatus() + ":" + (r.getCode() == null ? r.getPartnerFeedbackCode() : r.getCode()))
                .containsExactly("RECORDED:WANTS_HELP", "REFUSED:UNKNOWN_SIGNAL", "REFUSED:INVALID_PARAMETER");
        assertThat(outcomes(utrecht)).isEqualTo(1);
        assertThat(outcomes(amsterdam)).isZero();
        assertThatThrownBy(() -> SoapClients.port("team-walcheren", port, false).reportOutcomes(new ReportOutcomes()))
                .isInstanceOfSatisfying(Fault_Exception.class, e -> assertThat(e.getFaultInfo().getCode()).isEqualTo("EMPTY_BATCH"));
    }

    @Test
    void anOutcomeFileOverSftpIsReportedRowByRowWithAReceiptAndTheSameFileAgainChangesNothing() throws Exception {
        String utrecht = deliveredSignal(SignalJson.UTRECHT);
        String rotterdam = deliveredSignal(ROTTERDAM);
        String amsterdam = deliveredSignal(SignalJson.AMSTERDAM);
        Path file = Files.createTempFile("outcomes", ".csv");
        Files.writeString(file, "\uFEFFsignalId;outcome;finalOutcome;date\r\n"
                + utrecht + ";NO_HELP_WANTED;;\r\n"
                + amsterdam + ";NO_HELP_WANTED;true;\r\n"
                + rotterdam + ";FOLLOW_UP_FINANCIAL;false;" + LocalDate.now() + "\r\n"
                + "not-an-id;NO_HELP_WANTED;;\r\n"
                + rotterdam + ";NOT_AN_OUTCOME;;\r\n");

        java.util.List<String> receipt = uploadOutcomes(file, "november.csv");

        assertThat(receipt.get(0)).isEqualTo("line;signalId;status;outcome;partnerFeedbackCode;repeated;code;message");
        assertThat(receipt.get(1)).isEqualTo("2;" + utrecht + ";RECORDED;NO_HELP_WANTED;NOT_REACHED_OR_DECLINED;false;;");
        assertThat(receipt.get(2)).startsWith("3;" + amsterdam + ";REFUSED;;;;UNKNOWN_SIGNAL;");
        assertThat(receipt.get(3)).isEqualTo("4;" + rotterdam + ";RECORDED;FOLLOW_UP_FINANCIAL;WANTS_HELP;false;;");
        assertThat(receipt.get(4)).startsWith("5;;REFUSED;;;;INVALID_PARAMETER;");
        assertThat(receipt.get(5)).startsWith("6;" + rotterdam + ";REFUSED;;;;UNKNOWN_OUTCOME;");
        assertThat(receipt.get(6)).isEqualTo("TOTAL;;recorded=2;refused=3;;;;");
        assertThat(outcomes(utrecht)).isEqualTo(1);
        assertThat(outcomes(rotterdam)).isEqualTo(1);
        assertThat(outcomes(amsterdam)).isZero();

        // The same file again under another name: the same receipt, nothing recorded.
        assertThat(uploadOutcomes(file, "november-opnieuw.csv")).isEqualTo(receipt);
        assertThat(outcomes(utrecht)).isEqualTo(1);
        assertThat(outcomes(rotterdam)).isEqualTo(1);
    }

    @Test
    void anOutcomeFileThatIsNotOneIsRefusedWholeAndRecordsNothing() throws Exception {
        String utrecht = deliveredSignal(SignalJson.UTRECHT);
        Path file = Files.createTempFile("outcomes", ".csv");
        Files.writeString(file, "signalId;outcome;remark\n" + utrecht + ";NO_HELP_WANTED;call back\n");

        java.util.List<String> receipt = uploadOutcomes(file, "bad-header.csv");

        assertThat(receipt.get(1)).startsWith("1;;FILE_REJECTED;;;;UNKNOWN_COLUMN;");
        assertThat(receipt.get(2)).isEqualTo("TOTAL;;recorded=0;refused=0;;;;");
        assertThat(outcomes(utrecht)).isZero();
        Path cutOff = Files.createTempFile("outcomes", ".csv");
        Files.writeString(cutOff, "signalId;outcome\n" + utrecht + ";NO_HELP_WANTED\n\"" + utrecht);
        assertThat(uploadOutcomes(cutOff, "cut-off.csv").get(1)).contains(";FILE_REJECTED;;;;MALFORMED_CSV;");
        assertThat(outcomes(utrecht)).isZero();
    }

    @Test
    void anXmlOutcomeFileIsReportedAsTheCsvOneIsAndOneThatBreaksTheSchemaRecordsNothing() throws Exception {
        String utrecht = deliveredSignal(SignalJson.UTRECHT);
        String rotterdam = deliveredSignal(ROTTERDAM);
        String amsterdam = deliveredSignal(SignalJson.AMSTERDAM);
        Path broken = Files.createTempFile("outcomes", ".xml");
        Files.writeString(broken, """
                <?xml version="1.0" encoding="UTF-8"?>
                <outcomeReports xmlns="urn:signaalpoort:outcomes:v1">
                  <report><signalId>%s</signalId><outcome>NO_HELP_WANTED</outcome></report>
                  <report><signalId>%s</signalId><remark>call back</remark></report>
                </outcomeReports>
                """.formatted(utrecht, rotterdam));
        assertThat(uploadOutcomes(broken, "broken.xml").get(1)).startsWith("4;;FILE_REJECTED;;;;SCHEMA_VIOLATION;");
        assertThat(outcomes(utrecht)).as("nothing of a refused file is recorded").isZero();

        Path file = Files.createTempFile("outcomes", ".xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <outcomeReports xmlns="urn:signaalpoort:outcomes:v1">
                  <report><signalId>%s</signalId><outcome>NO_HELP_WANTED</outcome></report>
                  <report><signalId>%s</signalId><outcome>NO_HELP_WANTED</outcome></report>
                  <report>
                    <date>%s</date><outcome>FOLLOW_UP_FINANCIAL</outcome><finalOutcome>false</finalOutcome><signalId>%s</signalId>
                  </report>
                  <report><signalId>not-an-id</signalId><outcome>NO_HELP_WANTED</outcome></report>
                </outcomeReports>
                """.formatted(utrecht, amsterdam, LocalDate.now(), rotterdam));

        java.util.List<String> receipt = uploadOutcomes(file, "november.xml");

        assertThat(receipt.get(1)).isEqualTo("3;" + utrecht + ";RECORDED;NO_HELP_WANTED;NOT_REACHED_OR_DECLINED;false;;");
        assertThat(receipt.get(2)).startsWith("4;" + amsterdam + ";REFUSED;;;;UNKNOWN_SIGNAL;");
        assertThat(receipt.get(3)).isEqualTo("5;" + rotterdam + ";RECORDED;FOLLOW_UP_FINANCIAL;WANTS_HELP;false;;");
        assertThat(receipt.get(4)).startsWith("8;;REFUSED;;;;INVALID_PARAMETER;");
        assertThat(receipt.get(5)).isEqualTo("TOTAL;;recorded=2;refused=2;;;;");
        assertThat(outcomes(utrecht)).isEqualTo(1);
        assertThat(outcomes(rotterdam)).isEqualTo(1);
        assertThat(outcomes(amsterdam)).isZero();
        assertThat(uploadOutcomes(file, "november-again.xml")).as("the same file again").isEqualTo(receipt);
        assertThat(outcomes(utrecht)).isEqualTo(1);
    }

    private static java.util.List<String> uploadOutcomes(Path file, String name) throws Exception {
        int sftpPort = app.getBean(nl.signaalpoort.intake.sftp.EmbeddedSftpServer.class).port();
        nl.signaalpoort.support.SftpClient.Result upload = nl.signaalpoort.support.SftpClient.run("team-walcheren", "team-utrecht-rotterdam",
                sftpPort, "put " + file + " inbox/" + name + ".part\nrename inbox/" + name + ".part inbox/" + name + "\n");
        assertThat(upload.exitCode()).as(upload.output()).isZero();
        Path local = Files.createTempFile("receipt", ".csv");
        Files.delete(local);
        await().atMost(Duration.ofSeconds(20)).until(() -> nl.signaalpoort.support.SftpClient.run("team-walcheren",
                "team-utrecht-rotterdam", sftpPort, "get outbox/" + name + ".receipt.csv " + local + "\n").exitCode() == 0);
        return Files.readAllLines(local, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aBulkReportOverTheLimitOrEmptyIsRefusedWholeAndChangesNothing() throws Exception {
        String utrecht = deliveredSignal(SignalJson.UTRECHT);
        String tooMany = "[" + String.join(",", Stream.generate(() -> outcome(utrecht, "NO_HELP_WANTED")).limit(1001).toList()) + "]";
        TlsClient team = TlsClient.as("team-walcheren", port);

        HttpResponse<String> over = team.postJson("/api/v1/outcomes", tooMany);
        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(json(over.body()).get("code").asText()).isEqualTo("BATCH_TOO_LARGE");
        assertThat(json(team.postJson("/api/v1/outcomes", "[]").body()).get("code").asText()).isEqualTo("EMPTY_BATCH");
        assertThat(outcomes(utrecht)).isZero();
    }

    @Test
    void theTeamReadsTheNotificationsOfItsMunicipalitiesOnly() throws Exception {
        String rotterdam = deliveredSignal(ROTTERDAM);
        String amsterdam = deliveredSignal(SignalJson.AMSTERDAM);
        java.time.Instant now = java.time.Instant.now();
        app.getBean(nl.signaalpoort.feedback.AutoCloseJob.class).runAt(now.plus(Duration.ofDays(29)));

        JsonNode team = json(TlsClient.as("team-walcheren", port).get("/api/v1/notifications?after=0&limit=1000").body());
        assertThat(team.toString()).contains(rotterdam).doesNotContain(amsterdam);
        assertThat(team.get("items")).allSatisfy(item -> assertThat(item.get("municipalityCode").asText()).isIn("GM0344", "GM0599"));
        JsonNode own = json(TlsClient.as("gemeente-amsterdam", port).get("/api/v1/notifications?after=0&limit=1000").body());
        assertThat(own.toString()).contains(amsterdam).doesNotContain(rotterdam);
    }

    private static String deliveredSignal(String postcode) throws Exception {
        HttpResponse<String> response = TlsClient.as("partner-energie", port).postJson("/api/v1/signals",
                SignalJson.signal(SignalJson.uniqueReference("TEAM"), postcode, "130.00"));
        String id = json(response.body()).at("/receipts/0/signalId").asText();
        assertThat(id).as(response.body()).isNotEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(
                jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(id))));
        return id;
    }

    private static String outcome(String signalId, String outcome) {
        return "{\"signalId\":\"%s\",\"outcome\":\"%s\"}".formatted(signalId, outcome);
    }

    private static int outcomes(String signalId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outcomes WHERE signal_id = ?", Integer.class, UUID.fromString(signalId));
    }

    private static java.util.List<String> feedFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }
}
