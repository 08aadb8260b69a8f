package nl.signaalpoort.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.SignalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Drives signals carrying canary values through every path there is (accepted over FILE and REST,
 * a failing municipality, rejections of every kind, malformed input, outcomes and feedback), then
 * searches every log line, the metrics, every response body and the partner's feedback for them.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrivacyLeakIT extends AbstractGatewayIT {

    private static final String SURNAME = "Kanariepietersz";
    private static final String GIVEN = "Zwaantje";
    private static final String STREET = "Kanariegrachtstraat";
    private static final String EMAIL = "kanarie.q7x@voorbeeld.nl";
    private static final String PHONE = "06 87654329";
    private static final String PHONE_E164 = "+31687654329";
    private static final String BIRTH = "1967-08-19";
    private static final List<String> CANARIES = List.of(SURNAME, GIVEN, STREET, EMAIL, "87654329", PHONE_E164, BIRTH,
            "19-08-1967", "kanarie");

    @Test
    void noCanaryAppearsAnywhereButWhereItMayGo(CapturedOutput output) throws Exception {
        List<String> responses = new ArrayList<>();

        String toFile = canary(SignalJson.uniqueReference("LEAK"), SignalJson.AMSTERDAM, "245.50").json();
        String toRest = canary(SignalJson.uniqueReference("LEAK"), SignalJson.UTRECHT, "245.50").json();
        // Utrecht fails for the REST canary first, so a failure path is logged too.
        MunicipalStub.server().stubFor(post(urlEqualTo(MunicipalStub.PATH)).atPriority(1)
                .withRequestBody(containing(STREET)).inScenario("leak").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(500).withBody("error about " + SURNAME)).willSetStateTo("ok"));
        MunicipalStub.server().stubFor(post(urlEqualTo(MunicipalStub.PATH)).atPriority(1)
                .withRequestBody(containing(STREET)).inScenario("leak").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(202)));

        String fileId = accept(toFile, responses);
        String restId = accept(toRest, responses);

        // Rejections: bad values next to the canaries, an unknown field, over-precise amount, below minimum.
        responses.add(as("partner-energie").postJson("/api/v1/signals", canary("LEAK-R1", "0000XX", "245.50").json()).body());
        responses.add(as("partner-energie").postJson("/api/v1/signals",
                canary("LEAK-R2", SignalJson.AMSTERDAM, "245.50").set("nickname", SURNAME).json()).body());
        responses.add(as("partner-energie").postJson("/api/v1/signals", canary("LEAK-R3", SignalJson.AMSTERDAM, "245.505").json()).body());
        responses.add(as("partner-energie").postJson("/api/v1/signals", canary("LEAK-R4", SignalJson.AMSTERDAM, "10.00").json(), "en").body());
        responses.add(as("partner-energie").postJson("/api/v1/signals",
                canary("LEAK-R5", SignalJson.AMSTERDAM, "245.50").birthDate(SURNAME).json()).body());
        responses.add(as("partner-energie").postJson("/api/v1/signals",
                canary("LEAK-R6", SignalJson.AMSTERDAM, "245.50").contact(PHONE, "not-an-email-" + SURNAME).json()).body());
        // Malformed JSON that quotes a canary, and a request without certificate.
        responses.add(as("partner-energie").postJson("/api/v1/signals", "{\"surname\":\"" + SURNAME + "\"").body());
        responses.add(as(null).postJson("/api/v1/signals", toFile).body());
        responses.add(as("gemeente-amsterdam").postJson("/api/v1/signals", toFile).body());

        await().atMost(Duration.ofSeconds(15)).until(() -> delivered(fileId) && delivered(restId));
        responses.add(as("gemeente-amsterdam").postJson("/api/v1/outcomes",
                "{\"signalId\":\"" + fileId + "\",\"outcome\":\"NOT_PICKED_UP_OTHER_REASON\"}").body());
        responses.add(as("gemeente-utrecht").postJson("/api/v1/outcomes",
                "{\"signalId\":\"" + restId + "\",\"outcome\":\"" + SURNAME + "\"}").body());
        responses.add(as("gemeente-utrecht").postJson("/api/v1/outcomes",
                "{\"signalId\":\"" + restId + "\",\"outcome\":\"NO_HELP_WANTED\",\"note\":\"" + SURNAME + "\"}").body());
        // A bulk report whose items carry the canary where a code or a field should be: each refusal names a code only.
        responses.add(as("gemeente-utrecht").postJson("/api/v1/outcomes", "[{\"signalId\":\"" + restId + "\",\"outcome\":\"" + SURNAME
                + "\"},{\"signalId\":\"" + restId + "\",\"" + SURNAME + "\":1},\"" + SURNAME + "\"]").body());
        responses.add(as("partner-energie").get("/api/v1/feedback?after=0&limit=1000").body());
        // What became of a signal, by id and by reference; a dry run of a canary signal, and one refused.
        HttpResponse<String> fate = as("partner-energie").get("/api/v1/signals/" + restId);
        assertThat(fate.statusCode()).isEqualTo(200);
        responses.add(fate.body());
        responses.add(as("partner-energie").get("/api/v1/signals/by-reference/" + SURNAME).body());
        String statement = as("partner-energie").get("/api/v1/signals/" + restId + "/statement").body();
        responses.add(statement);
        responses.add(new String(java.util.Base64.getUrlDecoder().decode(json(statement).get("jws").asText().split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8));
        responses.add(as("partner-energie").get("/api/v1/signals/by-reference/" + SURNAME + "/statement").body());
        HttpResponse<String> dryRun = as("partner-energie").postJson("/api/v1/signals?dryRun=true",
                canary(SignalJson.uniqueReference("LEAK-DRY"), SignalJson.AMSTERDAM, "245.50").json());
        assertThat(dryRun.body()).contains("\"dryRun\":true").contains("ACCEPTED");
        responses.add(dryRun.body());
        responses.add(as("partner-energie").postJson("/api/v1/signals?dryRun=true",
                canary(SignalJson.uniqueReference("LEAK-DRY"), "0000XX", "245.50").birthDate(SURNAME).json()).body());
        responses.add(as("gemeente-utrecht").get("/api/v1/partners").body());
        responses.add(as("gemeente-utrecht").postJson("/api/v1/contact-data-notices", "{\"signalId\":\"" + restId + "\"}").body());
        responses.add(as("gemeente-utrecht").postJson("/api/v1/contact-data-notices", "{\"signalId\":\"" + SURNAME + "\"}").body());
        responses.add(as("partner-energie").get("/api/v1/partners/me/statistics").body());
        // The monitor export: last month's document, and refusals of a canary where a municipality or a month should be.
        String lastMonth = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Amsterdam")).minusMonths(1).toString();
        HttpResponse<String> monitor = as("gemeente-utrecht").get("/api/v1/monitor/ddas/" + lastMonth);
        assertThat(monitor.statusCode()).isEqualTo(200);
        responses.add(monitor.body());
        HttpResponse<String> monitorRefused = as("gemeente-utrecht").get("/api/v1/monitor/ddas/" + lastMonth + "?municipality=" + SURNAME);
        assertThat(monitorRefused.statusCode()).isEqualTo(403);
        responses.add(monitorRefused.body());
        responses.add(as("gemeente-utrecht").get("/api/v1/monitor/ddas/" + SURNAME).body());
        HttpResponse<String> deadLetters = as("operator").get("/ops/v1/dead-letters?limit=1000");
        assertThat(deadLetters.statusCode()).isEqualTo(200);
        responses.add(deadLetters.body());
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));
        HttpResponse<String> auditExport = as("operator").get("/ops/v1/audit?from=" + today.minusDays(1) + "&to=" + today.plusDays(1));
        assertThat(auditExport.statusCode()).isEqualTo(200);
        assertThat(auditExport.body()).contains(fileId).contains("SIGNAL_DELIVERED");
        responses.add(auditExport.body());
        responses.add(as("operator").get("/ops/v1/audit/subjects/" + fileId).body());
        HttpResponse<String> opsPage = as("operator").get("/ops");
        assertThat(opsPage.statusCode()).isEqualTo(200);
        assertThat(opsPage.body()).contains("GM0363");
        responses.add(opsPage.body());
        responses.add(as("operator").get("/ops/v1/routes").body());
        // A withdrawal, its refusals with canaries for the reason and the reference, and the notice Amsterdam gets.
        responses.add(as("partner-energie").postJson("/api/v1/signals/" + fileId + "/withdrawal", "{\"reason\":\"" + SURNAME + "\"}").body());
        responses.add(as("partner-energie").postJson("/api/v1/signals/by-reference/" + SURNAME + "/withdrawal", "{\"reason\":\"SENT_IN_ERROR\"}").body());
        responses.add(as("partner-energie").postJson("/api/v1/signals/" + fileId + "/withdrawal", "{\"reason\":\"SENT_IN_ERROR\"}").body());
        responses.add(as("partner-energie").get("/api/v1/signals/" + fileId).body());
        String soap = "urn:signaalpoort:soap:v1";
        responses.add(as("partner-energie").postSoap(nl.signaalpoort.support.SoapClients.PATH, nl.signaalpoort.support.SoapClients.envelope(
                soap + ":getSignalStatus", port, "<getSignalStatus xmlns=\"" + soap + "\"><signalId>" + fileId + "</signalId></getSignalStatus>"),
                soap + ":getSignalStatus").body());
        responses.add(as("partner-energie").postSoap(nl.signaalpoort.support.SoapClients.PATH, nl.signaalpoort.support.SoapClients.envelope(
                soap + ":withdrawSignal", port, "<withdrawSignal xmlns=\"" + soap + "\"><reference>" + SURNAME + "</reference><reason>"
                        + SURNAME + "</reason></withdrawSignal>"), soap + ":withdrawSignal").body());
        Path notice = DROP_FOLDER.resolve("GM0363").resolve(fileId + ".intrekking.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(notice));
        responses.add(Files.readString(notice));
        // The SFTP partner's status and feedback files about the canary signals.
        fileWriter.writeDue();
        try (var outbox = Files.list(FILES.outbox("demo-energie"))) {
            List<String> files = outbox.filter(f -> f.getFileName().toString().matches("(signal-status|feedback)-\\d+-\\d+\\.csv"))
                    .map(PrivacyLeakIT::read).filter(t -> t.contains(fileId) || t.contains(restId)).toList();
            assertThat(files).as("the canaries' status lines are written").isNotEmpty();
            responses.addAll(files);
        }

        HttpClient plain = HttpClient.newHttpClient();
        String metrics = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String health = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        // The failure path really ran, and the canaries really reached the municipality: the test can fail.
        assertThat(MunicipalStub.requestsFor(restId)).hasSize(2);
        assertThat(MunicipalStub.requestsFor(restId).get(1).getBodyAsString()).contains(SURNAME, STREET, PHONE_E164);
        assertThat(output.getAll()).contains("delivery failed").contains("municipality=GM0344");

        assertNoCanary("log output", output.getAll());
        assertNoCanary("database at rest", storedRows(fileId) + storedRows(restId));
        assertNoCanary("audit trail", String.join("|", jdbc.queryForList(
                "SELECT CONCAT(COALESCE(subject_id, ''), '|', COALESCE(detail, '')) FROM audit_log", String.class)));
        assertNoCanary("metrics", metrics);
        assertNoCanary("health", health);
        for (String response : responses) {
            assertNoCanary("response", response);
        }
    }

    /**
     * The SFTP batch channel: a CSV file with a canary row and rows whose bad values are canaries, an
     * XML file that breaks the schema with a canary element, and an encrypted file by the wrong
     * signer. Receipts, logs and the metrics must hold none of it.
     */
    @Test
    void noCanaryLeavesTheBatchChannel(CapturedOutput output) throws Exception {
        Path inbox = FILES.inbox("demo-energie");
        Path outbox = FILES.outbox("demo-energie");
        String header = "reference;kind;signalDate;givenNames;surname;birthDate;street;houseNumber;postcode;city;email;phone;"
                + "totalAmount;termsOverdue;remindersSent;oldestDueDate;newestDueDate";
        java.time.LocalDate today = java.time.LocalDate.now();
        String tail = ";130.00;2;2;" + today.minusDays(70) + ";" + today.minusDays(40);
        String good = String.join(";", SignalJson.uniqueReference("LEAKB"), "EARLY", today.minusDays(1).toString(), GIVEN, SURNAME, BIRTH,
                STREET, "12", SignalJson.AMSTERDAM, "Amsterdam", EMAIL, PHONE) + tail;
        String badDate = String.join(";", SignalJson.uniqueReference("LEAKB"), "EARLY", today.minusDays(1).toString(), GIVEN, SURNAME,
                SURNAME, STREET, "12", SignalJson.AMSTERDAM, "Amsterdam", EMAIL, PHONE) + tail;
        String badEmail = String.join(";", SignalJson.uniqueReference("LEAKB"), "EARLY", today.minusDays(1).toString(), GIVEN, SURNAME,
                BIRTH, STREET, "12", "0000XX", "Amsterdam", "not-an-email-" + SURNAME, PHONE) + tail;
        drop(inbox, "leak.csv", header + "\n" + good + "\n" + badDate + "\n" + badEmail + "\n");
        drop(inbox, "leak.xml", "<signalBatch xmlns=\"urn:signaalpoort:batch:v1\"><signal><reference>LEAK-X</reference><"
                + SURNAME + ">" + STREET + "</" + SURNAME + "></signal></signalBatch>");
        Path plain = Files.createTempFile("leak", ".csv");
        Files.writeString(plain, header + "\n" + good + "\n");
        Path encrypted = Files.createTempFile("leak", ".csv.gpg");
        nl.signaalpoort.support.Gpg.withDevKeys().encrypt(plain, encrypted, "gateway", "rogue", false);
        drop(inbox, "leak-signed.csv.gpg", Files.readAllBytes(encrypted));

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(outbox.resolve("leak.csv.receipt.csv"))
                && Files.exists(outbox.resolve("leak.xml.receipt.xml")) && Files.exists(outbox.resolve("leak-signed.csv.gpg.receipt.csv")));

        String csvReceipt = Files.readString(outbox.resolve("leak.csv.receipt.csv"));
        // The rows really went through, so the receipts and logs had every chance to leak.
        assertThat(csvReceipt).contains("ACCEPTED").contains("INVALID_DATE").contains("INVALID_EMAIL");
        assertThat(Files.readString(outbox.resolve("leak.xml.receipt.xml"))).contains("SCHEMA_VIOLATION");
        assertThat(Files.readString(outbox.resolve("leak-signed.csv.gpg.receipt.csv"))).contains("PGP_BAD_SIGNATURE");
        assertNoCanary("csv receipt", csvReceipt);
        assertNoCanary("xml receipt", Files.readString(outbox.resolve("leak.xml.receipt.xml")));
        assertNoCanary("pgp receipt", Files.readString(outbox.resolve("leak-signed.csv.gpg.receipt.csv")));
        assertNoCanary("log output", output.getAll());
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertNoCanary("metrics", metrics);
    }

    private static void drop(Path inbox, String name, String content) throws Exception {
        drop(inbox, name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void drop(Path inbox, String name, byte[] content) throws Exception {
        Path temp = inbox.resolve("." + name + ".part");
        Files.write(temp, content);
        Files.move(temp, inbox.resolve(name));
    }

    /** Every column of every row the gateway keeps about a signal, bytes read as Latin-1 so nothing hides. */
    private String storedRows(String signalId) {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("signals", "outbox", "outcomes", "feedback_items")) {
            jdbc.queryForList("SELECT * FROM " + table + " WHERE signal_id = ?", UUID.fromString(signalId)).forEach(row ->
                    row.values().forEach(v -> all.append(v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)
                            : String.valueOf(v)).append('|')));
        }
        assertThat(all).as("rows were found for %s", signalId).contains(signalId.substring(0, 8));
        return all.toString();
    }

    private static SignalJson canary(String reference, String postcode, String amount) {
        return SignalJson.of(reference).postcode(postcode).total(amount).surname(SURNAME).contact(PHONE, EMAIL).birthDate(BIRTH)
                .street(STREET).givenNames("z.", GIVEN);
    }

    private String accept(String body, List<String> responses) throws Exception {
        String response = as("partner-energie").postJson("/api/v1/signals", body).body();
        responses.add(response);
        return json(response).at("/receipts/0/signalId").asText();
    }

    private boolean delivered(String signalId) {
        return "DELIVERED".equals(jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class,
                UUID.fromString(signalId)));
    }

    private static void assertNoCanary(String where, String text) {
        for (String canary : CANARIES) {
            assertThat(text).as("%s must not contain personal data", where).doesNotContainIgnoringCase(canary);
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    private nl.signaalpoort.feedback.FeedbackFileWriter fileWriter;

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
