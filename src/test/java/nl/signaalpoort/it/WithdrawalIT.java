package nl.signaalpoort.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.intake.sftp.EmbeddedSftpServer;
import nl.signaalpoort.store.FeedbackRepository;
import nl.signaalpoort.store.SignalOwnership;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.SftpClient;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Withdrawals through the real channels: a signal never sent is not delivered; one delivered gets
 * its withdrawal notice through its municipality's channel (a file for Amsterdam, a REST batch for
 * Utrecht), after the signal, even when the municipality was down in between; its case closes with
 * its own outcome and is not auto-closed; refusals change nothing; nothing personal travels.
 */
class WithdrawalIT extends AbstractGatewayIT {

    /** The test signal's personal data, lower case (the gateway normalises the e-mail address). */
    private static final List<String> PERSONAL = List.of("berg", "damrak", "1012lg", "1012 lg", "example.nl", "612345678", "1980-04-12");

    @Autowired
    private FeedbackRepository cases;

    @Autowired
    private EmbeddedSftpServer sftp;

    @Autowired
    private nl.signaalpoort.feedback.FeedbackFileWriter writer;

    @Test
    void aSignalWithdrawnBeforeItWasSentIsNeverDelivered() throws Exception {
        TlsClient operator = TlsClient.as("operator", port);
        String withdrawnReference = SignalJson.uniqueReference("WDN");
        String withdrawn;
        String control;
        assertThat(operator.send("POST", "/ops/v1/routes/deliver-to-GM0344/suspend").statusCode()).isEqualTo(200);
        try {
            withdrawn = submit(SignalJson.signal(withdrawnReference, SignalJson.UTRECHT, "130.00"));
            control = submit(SignalJson.signal(SignalJson.uniqueReference("WDN"), SignalJson.UTRECHT, "130.00"));

            HttpResponse<String> answer = as("partner-energie").postJson("/api/v1/signals/by-reference/" + withdrawnReference + "/withdrawal",
                    "{\"reason\":\"PAID_OR_ARRANGED\"}");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            JsonNode withdrawal = json(answer.body());
            assertThat(withdrawal.get("signalId").asText()).isEqualTo(withdrawn);
            assertThat(withdrawal.get("reference").asText()).isEqualTo(withdrawnReference);
            assertThat(withdrawal.get("reason").asText()).isEqualTo("PAID_OR_ARRANGED");
            assertThat(withdrawal.get("municipalityNotified").asBoolean()).as("never sent: nothing to tell").isFalse();
            assertThat(withdrawal.get("repeated").asBoolean()).isFalse();
        } finally {
            operator.send("POST", "/ops/v1/routes/deliver-to-GM0344/resume");
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(signalStatus(control)));
        assertThat(MunicipalStub.requestsFor(withdrawn)).as("the withdrawn signal never reaches Utrecht").isEmpty();
        assertThat(signalStatus(withdrawn)).isEqualTo("WITHDRAWN");
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE withdrawn_signal_id = ?", UUID.fromString(withdrawn))).isZero();

        JsonNode status = json(as("partner-energie").get("/api/v1/signals/" + withdrawn).body());
        assertThat(status.get("state").asText()).isEqualTo("WITHDRAWN");
        assertThat(status.at("/withdrawal/reason").asText()).isEqualTo("PAID_OR_ARRANGED");
        assertThat(status.at("/withdrawal/municipalityNotified").asBoolean()).isFalse();
        assertThat(status.has("municipalityCode")).as("it went nowhere").isFalse();

        JsonNode again = json(as("partner-energie").postJson("/api/v1/signals/" + withdrawn + "/withdrawal", "{\"reason\":\"SENT_IN_ERROR\"}").body());
        assertThat(again.get("repeated").asBoolean()).isTrue();
        assertThat(again.get("reason").asText()).as("the first withdrawal's").isEqualTo("PAID_OR_ARRANGED");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'SIGNAL_WITHDRAWN' AND subject_id = ?", withdrawn)).isEqualTo(1);

        // A withdrawn signal's case is closed: an update naming it is refused with its code.
        String update = SignalJson.of(SignalJson.uniqueReference("WDU")).postcode(SignalJson.UTRECHT).total("150.00").json()
                .replace("\"kind\":\"EARLY\"", "\"kind\":\"UPDATED\",\"updatesReference\":\"" + withdrawnReference + "\"");
        JsonNode refusedUpdate = json(as("partner-energie").postJson("/api/v1/signals", update).body());
        assertThat(refusedUpdate.at("/receipts/0/status").asText()).as(refusedUpdate.toString()).isEqualTo("REJECTED");
        assertThat(refusedUpdate.at("/receipts/0/reasons/0/code").asText()).isEqualTo("UPDATED_SIGNAL_WITHDRAWN");

        JsonNode statistics = json(as("partner-energie").get("/api/v1/partners/me/statistics").body());
        assertThat(statistics.at("/deliveries/WITHDRAWN").asLong()).isPositive();
    }

    @Test
    void aDeliveredSignalsMunicipalityGetsTheNoticeAsAFileAndTheCaseClosesWithItsOwnOutcome() throws Exception {
        String signalId = deliveredSignal("WDF");
        HttpResponse<String> answer = as("partner-energie").postJson("/api/v1/signals/" + signalId + "/withdrawal", "{\"reason\":\"SENT_IN_ERROR\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(json(answer.body()).get("municipalityNotified").asBoolean()).isTrue();

        Path notice = DROP_FOLDER.resolve("GM0363").resolve(signalId + ".intrekking.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(notice));
        String content = Files.readString(notice);
        JsonNode document = json(content);
        assertThat(document.get("signaalId").asText()).isEqualTo(signalId);
        assertThat(document.get("gemeentecode").asText()).isEqualTo("GM0363");
        assertThat(document.get("reden").asText()).isEqualTo("TEN_ONRECHTE_VERSTUURD");
        assertThat(Instant.parse(document.get("ingetrokkenOp").asText())).isBefore(Instant.now().plusSeconds(1));
        assertNothingPersonal(content);
        assertThat(Files.exists(DROP_FOLDER.resolve("GM0363").resolve(signalId + ".json"))).as("the signal's own file stays as delivered").isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'WITHDRAWAL_DELIVERED' AND subject_id = ?", signalId) == 1);
        assertThat(count("SELECT COUNT(*) FROM outcomes WHERE signal_id = ? AND outcome = 'WITHDRAWN' AND final_outcome = TRUE",
                UUID.fromString(signalId))).isEqualTo(1);
        assertThat(cases.openDeliveredBefore(Instant.now().plus(Duration.ofDays(60)), 1_000_000).stream().map(SignalOwnership::signalId))
                .as("a withdrawn case is not auto-closed as not reached").doesNotContain(UUID.fromString(signalId));

        JsonNode status = json(as("partner-energie").get("/api/v1/signals/" + signalId).body());
        assertThat(status.get("state").asText()).isEqualTo("WITHDRAWN");
        assertThat(status.get("municipalityCode").asText()).as("where it went before").isEqualTo("GM0363");
        assertThat(status.at("/withdrawal/municipalityNotified").asBoolean()).isTrue();
        assertThat(status.get("feedback")).as("the partner hears no code for its own withdrawal").isEmpty();

        // Its status file says the same, a line per change.
        writer.writeDue();
        List<String> lines;
        try (var files = Files.list(FILES.outbox("demo-energie"))) {
            lines = files.filter(f -> f.getFileName().toString().matches("signal-status-\\d+-\\d+\\.csv"))
                    .flatMap(f -> readLines(f).stream())
                    .filter(l -> l.contains(signalId)).sorted().toList();
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains(";DELIVERED;GM0363;");
        assertThat(lines.get(1)).contains(";WITHDRAWN;;");
    }

    @Test
    void aMunicipalityThatWasDownGetsTheSignalFirstAndThenItsNoticeInARestBatch() throws Exception {
        StubMapping down = MunicipalStub.server().stubFor(post(urlEqualTo(MunicipalStub.PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        String signalId;
        try {
            signalId = submit(SignalJson.signal(SignalJson.uniqueReference("WDR"), SignalJson.UTRECHT, "130.00"));
            await().atMost(Duration.ofSeconds(20)).until(() -> !MunicipalStub.requestsFor(signalId).isEmpty());
            // A delivery was tried: Utrecht may have stored it even though it answered 503.
            JsonNode withdrawal = json(as("partner-energie").postJson("/api/v1/signals/" + signalId + "/withdrawal",
                    "{\"reason\":\"PAID_OR_ARRANGED\"}").body());
            assertThat(withdrawal.get("municipalityNotified").asBoolean()).isTrue();
        } finally {
            MunicipalStub.server().removeStub(down);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT COUNT(*) FROM outbox WHERE (signal_id = ? OR withdrawn_signal_id = ?) AND status = 'DELIVERED'", UUID.fromString(signalId), UUID.fromString(signalId)) == 2);
        List<String> received = MunicipalStub.acceptedBodies(MunicipalStub.PATH).stream().filter(b -> b.contains(signalId)).toList();
        assertThat(received).hasSize(2);
        JsonNode first = json(received.get(0));
        JsonNode second = json(received.get(1));
        assertThat(first.at("/signalen/0/signaalId").asText()).as("the signal first").isEqualTo(signalId);
        assertThat(first.has("intrekkingen")).isFalse();
        assertThat(second.get("signalen")).as("then a batch of the notice alone").isEmpty();
        assertThat(second.at("/intrekkingen/0/signaalId").asText()).isEqualTo(signalId);
        assertThat(second.at("/intrekkingen/0/reden").asText()).isEqualTo("BETAALD_OF_REGELING");
        assertThat(second.at("/intrekkingen/0/gemeentecode").asText()).isEqualTo("GM0344");
        assertNothingPersonal(received.get(1));
    }

    @Test
    void aWithdrawnDeadLetterIsNotReplayedButItsMunicipalityIsToldItMayHaveIt() throws Exception {
        TlsClient operator = TlsClient.as("operator", port);
        String signalId;
        assertThat(operator.send("POST", "/ops/v1/routes/deliver-to-GM0344/suspend").statusCode()).isEqualTo(200);
        try {
            signalId = submit(SignalJson.signal(SignalJson.uniqueReference("WDD"), SignalJson.UTRECHT, "130.00"));
            // Setup only: the delivery gave up after its attempts (as DeadLetterIT makes happen through a failing municipality).
            jdbc.update("UPDATE outbox SET status = 'DEAD', attempts = 12, last_error = 'HTTP 503', delivery_batch_id = ? WHERE signal_id = ?",
                    UUID.randomUUID(), UUID.fromString(signalId));
            assertThat(json(as("partner-energie").postJson("/api/v1/signals/" + signalId + "/withdrawal", "{\"reason\":\"SENT_IN_ERROR\"}")
                    .body()).get("municipalityNotified").asBoolean()).as("tried before: Utrecht may have it").isTrue();
        } finally {
            operator.send("POST", "/ops/v1/routes/deliver-to-GM0344/resume");
        }
        long outboxId = jdbc.queryForObject("SELECT outbox_id FROM outbox WHERE signal_id = ?", Long.class, UUID.fromString(signalId));
        assertThat(operator.send("POST", "/ops/v1/dead-letters/" + outboxId + "/replay").statusCode()).as("no longer a dead letter").isEqualTo(404);
        assertThat(json(operator.get("/ops/v1/dead-letters").body()).toString()).doesNotContain(signalId);

        await().atMost(Duration.ofSeconds(20)).until(() -> MunicipalStub.acceptedBodies(MunicipalStub.PATH).stream()
                .anyMatch(b -> b.contains("intrekkingen") && b.contains(signalId)));
        assertThat(MunicipalStub.requestsFor(signalId)).as("the notice only, never the signal again").hasSize(1);
        assertThat(signalStatus(signalId)).isEqualTo("WITHDRAWN");
    }

    @Test
    void refusedWithdrawalsChangeNothing() throws Exception {
        String signalId = deliveredSignal("WDX");
        String path = "/api/v1/signals/" + signalId + "/withdrawal";
        assertThat(refusal(as("partner-energie").postJson(path, "{\"reason\":\"CHANGED_MY_MIND\"}"), 400)).isEqualTo("UNKNOWN_WITHDRAWAL_REASON");
        assertThat(refusal(as("partner-energie").postJson(path, "{}"), 400)).isEqualTo("UNKNOWN_WITHDRAWAL_REASON");
        assertThat(refusal(as("partner-energie").postJson(path, "{\"reason\":\"SENT_IN_ERROR\",\"surname\":\"Berg\"}"), 400))
                .isEqualTo("MALFORMED_JSON");
        assertThat(refusal(as("partner-zorg").postJson(path, "{\"reason\":\"SENT_IN_ERROR\"}"), 404))
                .as("another partner's signal is unknown").isEqualTo("UNKNOWN_SIGNAL");
        assertThat(refusal(as("partner-energie").postJson("/api/v1/signals/" + UUID.randomUUID() + "/withdrawal",
                "{\"reason\":\"SENT_IN_ERROR\"}"), 404)).isEqualTo("UNKNOWN_SIGNAL");
        assertThat(refusal(as("partner-energie").postJson("/api/v1/signals/by-reference/NO-SUCH-REF/withdrawal",
                "{\"reason\":\"SENT_IN_ERROR\"}"), 404)).isEqualTo("UNKNOWN_SIGNAL");
        assertThat(as("gemeente-amsterdam").postJson(path, "{\"reason\":\"SENT_IN_ERROR\"}").statusCode())
                .as("only partners withdraw").isEqualTo(403);

        UUID id = UUID.fromString(signalId);
        assertThat(count("SELECT COUNT(*) FROM withdrawals WHERE signal_id = ?", id)).isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE signal_id = ?", id)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outcomes WHERE signal_id = ?", id)).isZero();
        assertThat(signalStatus(signalId)).isEqualTo("DELIVERED");
    }

    @Test
    void aWithdrawalFileOverSftpWithdrawsLineByLineAndAnswersEveryLine() throws Exception {
        String a = deliveredSignal("WDS");
        String b = deliveredSignal("WDS");
        String refA = json(as("partner-energie").get("/api/v1/signals/" + a).body()).get("reference").asText();
        String stray = SignalJson.uniqueReference("WDS");
        Path file = Files.createTempFile("withdrawals", ".csv");
        Files.writeString(file, "reference;signalId;reason\n" + refA + ";;PAID_OR_ARRANGED\n;" + b + ";SENT_IN_ERROR\n"
                + stray + ";;SENT_IN_ERROR\n" + refA + ";;CHANGED_MY_MIND\n");

        List<String> receipt = upload(file, "november.withdrawals.csv");
        assertThat(receipt.get(0)).isEqualTo("line;reference;signalId;status;municipalityNotified;repeated;code;message");
        assertThat(receipt.get(1)).isEqualTo("2;" + refA + ";" + a + ";WITHDRAWN;true;false;;");
        assertThat(receipt.get(2)).startsWith("3;").contains(";" + b + ";WITHDRAWN;true;false;");
        assertThat(receipt.get(3)).startsWith("4;" + stray + ";;REFUSED;;;UNKNOWN_SIGNAL;");
        assertThat(receipt.get(4)).startsWith("5;" + refA + ";;REFUSED;;;UNKNOWN_WITHDRAWAL_REASON;").contains("reden");
        assertThat(receipt.get(5)).isEqualTo("TOTAL;;;withdrawn=2;refused=2;;;");
        assertThat(count("SELECT COUNT(*) FROM withdrawals WHERE signal_id IN (?, ?)", UUID.fromString(a), UUID.fromString(b))).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(DROP_FOLDER.resolve("GM0363").resolve(b + ".intrekking.json")));

        assertThat(upload(file, "november-nogmaals.withdrawals.csv")).as("the same file again: the same receipt").isEqualTo(receipt);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'SIGNAL_WITHDRAWN' AND subject_id = ?", a)).isEqualTo(1);

        String c = deliveredSignal("WDS");
        Path noReason = Files.createTempFile("withdrawals", ".csv");
        Files.writeString(noReason, "signalId\n" + c + "\n");
        List<String> refused = upload(noReason, "kapot.withdrawals.csv");
        assertThat(refused.get(1)).startsWith("1;;;FILE_REJECTED;;;MISSING_HEADER;");
        Path dryRun = Files.createTempFile("withdrawals", ".csv");
        Files.writeString(dryRun, "signalId;reason\n" + c + ";SENT_IN_ERROR\n");
        assertThat(upload(dryRun, "proef.dryrun.withdrawals.csv").get(1)).contains(";FILE_REJECTED;;;DRY_RUN_NOT_SUPPORTED;");
        assertThat(count("SELECT COUNT(*) FROM withdrawals WHERE signal_id = ?", UUID.fromString(c))).as("nothing withdrawn").isZero();
    }

    private List<String> upload(Path file, String name) throws Exception {
        SftpClient.Result sent = SftpClient.run("partner-energie", "demo-energie", sftp.port(),
                "put " + file + " inbox/" + name + ".part\nrename inbox/" + name + ".part inbox/" + name + "\n");
        assertThat(sent.exitCode()).as(sent.output()).isZero();
        Path receipt = FILES.outbox("demo-energie").resolve(name + ".receipt.csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(receipt));
        String text = Files.readString(receipt);
        assertNothingPersonal(text);
        return List.of(text.split("\r?\n"));
    }

    private static String refusal(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertNothingPersonal(response.body());
        return json(response.body()).get("code").asText();
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertNothingPersonal(String text) {
        PERSONAL.forEach(p -> assertThat(text.toLowerCase(java.util.Locale.ROOT)).doesNotContain(p));
    }

    private String submit(String signal) throws Exception {
        HttpResponse<String> response = as("partner-energie").postJson("/api/v1/signals", signal);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return json(response.body()).at("/receipts/0/signalId").asText();
    }

    private String signalStatus(String signalId) {
        return jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(signalId));
    }
}
