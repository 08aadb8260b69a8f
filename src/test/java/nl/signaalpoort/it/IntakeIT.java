package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import nl.signaalpoort.intake.SignalBinder;
import nl.signaalpoort.normalise.SignalNormaliser;
import nl.signaalpoort.pseudonym.PersonPseudonymiser;
import nl.signaalpoort.signal.Pseudonyms;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** REST intake from the outside: idempotency, authentication, and bad input that changes nothing. */
class IntakeIT extends AbstractGatewayIT {

    @Autowired
    PersonPseudonymiser pseudonymiser;

    private static final String SIGNALS = "/api/v1/signals";

    @Test
    void resendingAReferenceReturnsTheFirstReceiptAndStoresNothingNew() throws Exception {
        String reference = SignalJson.uniqueReference("IDEM");
        String body = SignalJson.signal(reference, SignalJson.AMSTERDAM, "99.00");

        JsonNode first = json(as("partner-energie").postJson(SIGNALS, body).body()).get("receipts").get(0);
        // The same reference with other content (a below-minimum amount) still gets the original receipt.
        JsonNode again = json(as("partner-energie").postJson(SIGNALS, SignalJson.signal(reference, SignalJson.UTRECHT, "1.00"))
                .body()).get("receipts").get(0);

        assertThat(first.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(first.get("duplicate").asBoolean()).isFalse();
        assertThat(again.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("signalId").asText()).isEqualTo(first.get("signalId").asText());
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", reference)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox o JOIN signals s ON s.signal_id = o.signal_id WHERE s.reference = ?", reference))
                .isEqualTo(1);
    }

    @Test
    void eachPseudonymIsStoredInItsOwnColumn() throws Exception {
        String reference = SignalJson.uniqueReference("PSEUDO");
        SignalJson sent = SignalJson.of(reference).surname("de Wit").birthDate("1971-03-04");
        as("partner-energie").postJson(SIGNALS, sent.json());

        // What the pipeline computes for this signal: normalised, then pseudonymised with the active key.
        Signal normalised = new SignalNormaliser(java.time.Clock.systemUTC()).normalise(SignalBinder.bind(sent.node()).signal()).signal();
        Pseudonyms expected = pseudonymiser.pseudonyms(normalised.debtor(), normalised.address());
        var row = jdbc.queryForMap("SELECT person_pseudonym, household_pseudonym, tolerant_pseudonym, pseudonym_key_id FROM signals "
                + "WHERE reference = ?", reference);

        assertThat(row).containsEntry("PERSON_PSEUDONYM", expected.person()).containsEntry("HOUSEHOLD_PSEUDONYM", expected.household())
                .containsEntry("TOLERANT_PSEUDONYM", expected.tolerantPerson()).containsEntry("PSEUDONYM_KEY_ID", expected.keyId());
        assertThat(expected.person()).isNotEqualTo(expected.household()).isNotEqualTo(expected.tolerantPerson());
    }

    @Test
    void theSameReferenceSentConcurrentlyIsStoredOnce() throws Exception {
        String reference = SignalJson.uniqueReference("RACE");
        String body = SignalJson.signal(reference, SignalJson.AMSTERDAM, "99.00");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TlsClient client = as("partner-energie");
            ids.add(pool.submit(() -> json(client.postJson(SIGNALS, body).body()).at("/receipts/0/signalId").asText()));
        }
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (java.util.concurrent.Future<String> id : ids) {
            distinct.add(id.get());
        }
        pool.shutdown();

        assertThat(distinct).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", reference)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox o JOIN signals s ON s.signal_id = o.signal_id WHERE s.reference = ?", reference))
                .isEqualTo(1);
    }

    @Test
    void anotherPartnerMayUseTheSameReference() throws Exception {
        String reference = SignalJson.uniqueReference("SHARED");
        String body = SignalJson.signal(reference, SignalJson.AMSTERDAM, "99.00");

        String energie = json(as("partner-energie").postJson(SIGNALS, body).body()).at("/receipts/0/signalId").asText();
        String water = json(as("partner-water").postJson(SIGNALS, body).body()).at("/receipts/0/signalId").asText();

        assertThat(water).isNotEqualTo(energie);
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", reference)).isEqualTo(2);
    }

    @Test
    void aBatchGetsOneReceiptPerSignalInOrder() throws Exception {
        String a = SignalJson.uniqueReference("BATCH");
        String b = SignalJson.uniqueReference("BATCH");
        String batch = "[" + SignalJson.signal(a, SignalJson.AMSTERDAM, "60.00") + ","
                + SignalJson.signal(b, "9999ZZ", "10.00") + ","
                + SignalJson.signal(a, SignalJson.AMSTERDAM, "60.00") + "]";

        HttpResponse<String> response = as("partner-energie").postJson(SIGNALS, batch, "en");

        JsonNode body = json(response.body());
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").asInt()).isEqualTo(2);
        JsonNode receipts = body.get("receipts");
        assertThat(receipts.get(0).get("reference").asText()).isEqualTo(a);
        assertThat(receipts.get(1).get("reference").asText()).isEqualTo(b);
        assertThat(codes(receipts.get(1))).containsExactlyInAnyOrder("UNKNOWN_MUNICIPALITY", "BELOW_MINIMUM_AMOUNT");
        assertThat(receipts.get(1).get("reasons").get(0).get("message").asText()).matches("^[A-Z][a-z].*");
        assertThat(codes(receipts.get(2))).containsExactly("DUPLICATE_IN_REQUEST");
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", b)).isZero();
    }

    @Test
    void aPartnerSeesWhatBecameOfItsOwnSignalAndNothingOfAnothers() throws Exception {
        String reference = SignalJson.uniqueReference("FATE");
        String signalId = json(as("partner-energie").postJson(SIGNALS, SignalJson.signal(reference, SignalJson.AMSTERDAM, "130.00")).body())
                .at("/receipts/0/signalId").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(jdbc.queryForObject(
                "SELECT status FROM outbox WHERE signal_id = ?", String.class, java.util.UUID.fromString(signalId))));
        assertThat(as("gemeente-amsterdam").postJson("/api/v1/outcomes", "{\"signalId\":\"" + signalId
                + "\",\"outcome\":\"FOLLOW_UP_FINANCIAL\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> byId = as("partner-energie").get(SIGNALS + "/" + signalId);
        assertThat(byId.statusCode()).isEqualTo(200);
        JsonNode fate = json(byId.body());
        assertThat(fate.get("reference").asText()).isEqualTo(reference);
        assertThat(fate.get("state").asText()).isEqualTo("DELIVERED");
        assertThat(fate.get("municipalityCode").asText()).isEqualTo("GM0363");
        assertThat(fate.get("acceptedAt").asText()).isNotEmpty();
        assertThat(fate.get("deliveredAt").asText()).isNotEmpty();
        assertThat(fate.at("/ruleSet/id").asText()).isNotEmpty();
        assertThat(fate.at("/feedback/0/code").asText()).as("what the privacy filter lets the partner hear").isEqualTo("WANTS_HELP");
        assertThat(byId.body()).doesNotContain("FOLLOW_UP_FINANCIAL").doesNotContain("Berg").doesNotContain("Damrak");
        assertThat(json(as("partner-energie").get(SIGNALS + "/by-reference/" + reference).body())).isEqualTo(fate);

        assertThat(json(as("partner-water").get(SIGNALS + "/" + signalId).body()).get("code").asText()).isEqualTo("UNKNOWN_SIGNAL");
        assertThat(as("partner-water").get(SIGNALS + "/by-reference/" + reference).statusCode()).isEqualTo(404);
        assertThat(as("gemeente-amsterdam").get(SIGNALS + "/" + signalId).statusCode()).isEqualTo(403);
        assertThat(json(as("partner-energie").get(SIGNALS + "/not-a-uuid").body()).get("code").asText()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void dataQualityWarningsComeWithTheReceiptAndAddUpInThePartnersStatistics() throws Exception {
        JsonNode before = statistics();
        String placeholder = SignalJson.uniqueReference("DQ");
        String elsewhere = SignalJson.uniqueReference("DQ");
        String batch = "[" + SignalJson.of(placeholder).postcode(SignalJson.AMSTERDAM).birthDate("1900-01-01").json() + ","
                + SignalJson.of(elsewhere).postcode(SignalJson.AMSTERDAM).set("address.city", "utrecht").json() + ","
                + SignalJson.signal(SignalJson.uniqueReference("DQ"), SignalJson.AMSTERDAM, "10.00") + "]";

        JsonNode receipts = json(as("partner-energie").postJson(SIGNALS, batch).body()).get("receipts");

        assertThat(receipts.get(0).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(receipts.get(0).at("/warnings/0/code").asText()).isEqualTo("PLACEHOLDER_BIRTH_DATE");
        assertThat(receipts.get(0).at("/warnings/0/field").asText()).isEqualTo("debtor.birthDate");
        assertThat(receipts.get(1).get("status").asText()).as("routed by the postcode all the same").isEqualTo("ACCEPTED");
        assertThat(receipts.get(1).at("/warnings/0/code").asText()).isEqualTo("CITY_IN_OTHER_MUNICIPALITY");
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ? AND municipality_code = 'GM0363'", elsewhere)).isEqualTo(1);
        assertThat(receipts.get(2).get("status").asText()).isEqualTo("REJECTED");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            JsonNode now = statistics();
            return grew(before, now, "/warnings/PLACEHOLDER_BIRTH_DATE", 1) && grew(before, now, "/warnings/CITY_IN_OTHER_MUNICIPALITY", 1)
                    && grew(before, now, "/rejectionReasons/BELOW_MINIMUM_AMOUNT", 1) && grew(before, now, "/received/ACCEPTED", 2);
        });
        JsonNode now = statistics();
        assertThat(now.get("month").asText()).isEqualTo(java.time.YearMonth.now(java.time.ZoneId.of("Europe/Amsterdam")).toString());
        assertThat(now.at("/deliveries/DELIVERED").asLong() + now.at("/deliveries/PENDING").asLong()).isPositive();
        assertThat(now.toString()).doesNotContain("Berg").doesNotContain("Damrak").doesNotContain("1900-01-01");
        assertThat(as("partner-energie").get("/api/v1/partners/me/statistics?month=2026-13").statusCode()).isEqualTo(400);
        assertThat(as("partner-energie").get("/api/v1/partners/me/statistics?month=2999-01").statusCode()).isEqualTo(400);
        assertThat(as("gemeente-amsterdam").get("/api/v1/partners/me/statistics").statusCode()).isEqualTo(403);
    }

    private JsonNode statistics() throws Exception {
        HttpResponse<String> response = as("partner-energie").get("/api/v1/partners/me/statistics");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    private static boolean grew(JsonNode before, JsonNode now, String path, long by) {
        return now.at(path).asLong() >= before.at(path).asLong() + by;
    }

    @Test
    void aDryRunAnswersAsASubmissionWouldAndKeepsNothing() throws Exception {
        String sentBefore = SignalJson.uniqueReference("DRY");
        HttpResponse<String> first = as("partner-energie").postJson(SIGNALS, SignalJson.signal(sentBefore, SignalJson.AMSTERDAM, "60.00"));
        String originalId = json(first.body()).at("/receipts/0/signalId").asText();
        String fine = SignalJson.uniqueReference("DRY");
        String tooLow = SignalJson.uniqueReference("DRY");
        String batch = "[" + SignalJson.signal(fine, SignalJson.AMSTERDAM, "60.00") + "," + SignalJson.signal(tooLow, "9999ZZ", "10.00") + ","
                + SignalJson.signal(sentBefore, SignalJson.AMSTERDAM, "60.00") + "]";

        HttpResponse<String> dry = as("partner-energie").postJson(SIGNALS + "?dryRun=true", batch, "en");

        assertThat(dry.statusCode()).isEqualTo(200);
        JsonNode body = json(dry.body());
        assertThat(body.get("dryRun").asBoolean()).isTrue();
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        JsonNode receipts = body.get("receipts");
        assertThat(receipts.get(0).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(receipts.get(0).has("signalId")).as("nothing kept, so no id").isFalse();
        assertThat(codes(receipts.get(1))).containsExactlyInAnyOrder("UNKNOWN_MUNICIPALITY", "BELOW_MINIMUM_AMOUNT");
        assertThat(receipts.get(2).get("duplicate").asBoolean()).as("an earlier reference is found, read-only").isTrue();
        assertThat(receipts.get(2).get("signalId").asText()).isEqualTo(originalId);
        // Nothing of it anywhere: no signal (so no delivery), no audit entry, for none of the three.
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference IN (?, ?)", fine, tooLow)).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE subject_id IN (?, ?)", fine, tooLow)).isZero();
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", sentBefore)).isEqualTo(1);

        // Sent for real afterwards, the same signal is accepted with an id of its own: the dry run remembered nothing.
        JsonNode real = json(as("partner-energie").postJson(SIGNALS + "?dryRun=false", batch).body());
        assertThat(real.has("dryRun")).isFalse();
        assertThat(real.at("/receipts/0/duplicate").asBoolean()).isFalse();
        assertThat(real.at("/receipts/0/signalId").asText()).isNotEmpty();
        assertThat(count("SELECT COUNT(*) FROM outbox o JOIN signals s ON s.signal_id = o.signal_id WHERE s.reference = ?", fine)).isEqualTo(1);

        HttpResponse<String> unclear = as("partner-energie").postJson(SIGNALS + "?dryRun=yes", batch);
        assertThat(unclear.statusCode()).isEqualTo(400);
        assertThat(json(unclear.body()).get("code").asText()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void aRejectedSignalIsExplainedInTheCallersLanguageAndNothingOfItIsStored() throws Exception {
        String reference = SignalJson.uniqueReference("REJ");
        String body = SignalJson.signal(reference, "0000XX", "12.345");
        String valid = SignalJson.signal(reference, "123", "49.99");
        int signalsBefore = count("SELECT COUNT(*) FROM signals");

        JsonNode dutch = json(as("partner-energie").postJson(SIGNALS, valid).body()).get("receipts").get(0);
        JsonNode english = json(as("partner-energie").postJson(SIGNALS, valid, "en").body()).get("receipts").get(0);
        JsonNode unreadable = json(as("partner-energie").postJson(SIGNALS, body).body()).get("receipts").get(0);

        assertThat(dutch.get("status").asText()).isEqualTo("REJECTED");
        assertThat(dutch.has("signalId")).isFalse();
        assertThat(codes(dutch)).containsExactly("INVALID_POSTCODE");
        assertThat(dutch.at("/reasons/0/field").asText()).isEqualTo("address.postcode");
        assertThat(dutch.at("/reasons/0/message").asText()).contains("postcode is geen Nederlandse postcode");
        assertThat(english.at("/reasons/0/message").asText()).contains("postcode is not a Dutch postcode");
        assertThat(codes(unreadable)).containsExactly("INVALID_AMOUNT");
        assertThat(count("SELECT COUNT(*) FROM signals")).isEqualTo(signalsBefore);
    }

    @Test
    void malformedRequestsGetProblemJsonAndChangeNothing() throws Exception {
        int signalsBefore = count("SELECT COUNT(*) FROM signals");
        int outboxBefore = count("SELECT COUNT(*) FROM outbox");

        assertProblem(as("partner-energie").postJson(SIGNALS, "{\"reference\": \"X\", "), 400, "MALFORMED_JSON");
        assertProblem(as("partner-energie").postJson(SIGNALS, "[]"), 400, "EMPTY_BATCH");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(SignalJson.signal("BIG-" + i, SignalJson.AMSTERDAM, "60.00"));
        }
        assertProblem(as("partner-energie").postJson(SIGNALS, "[" + String.join(",", tooMany) + "]"), 400, "BATCH_TOO_LARGE");

        HttpResponse<String> xml = as("partner-energie").postJsonAs(SIGNALS, "<signal/>", "application/xml");
        assertProblem(xml, 415, "UNSUPPORTED_MEDIA_TYPE");

        assertThat(count("SELECT COUNT(*) FROM signals")).isEqualTo(signalsBefore);
        assertThat(count("SELECT COUNT(*) FROM outbox")).isEqualTo(outboxBefore);
    }

    @Test
    void withoutAValidRegisteredPartnerCertificateNothingIsAccepted() throws Exception {
        int before = count("SELECT COUNT(*) FROM signals");
        String body = SignalJson.signal(SignalJson.uniqueReference("AUTH"), SignalJson.AMSTERDAM, "60.00");

        assertProblem(as(null).postJson(SIGNALS, body), 401, "CLIENT_CERTIFICATE_REQUIRED");
        assertProblem(as("unknown-org").postJson(SIGNALS, body), 401, "CLIENT_CERTIFICATE_REQUIRED");
        assertProblem(as("gemeente-amsterdam").postJson(SIGNALS, body), 403, "FORBIDDEN");
        // A certificate from a CA the gateway does not trust, carrying a registered partner's OIN,
        // counts as no certificate at all.
        assertProblem(as("rogue-partner").postJson(SIGNALS, body), 401, "CLIENT_CERTIFICATE_REQUIRED");

        assertThat(count("SELECT COUNT(*) FROM signals")).isEqualTo(before);
    }

    @Test
    void plainHttpIsRefusedBeforeTheApi() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + SIGNALS))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("API-Version")).isEmpty();
        assertThat(response.body()).doesNotContain("receipts");
    }

    @Test
    void unknownPathsAreProblemsToo() throws Exception {
        assertProblem(as("partner-energie").get("/api/v1/nothing-here"), 403, "FORBIDDEN");
        assertProblem(as("partner-energie").get(SIGNALS), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void theContractIsPublishedWithoutACertificate() throws Exception {
        HttpResponse<String> response = as(null).get("/api/v1/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("API-Version")).contains("1.0.0");
        JsonNode contract = json(response.body());
        assertThat(contract.get("openapi").asText()).startsWith("3.");
        assertThat(contract.at("/info/version").asText()).isEqualTo("1.0.0");
        assertThat(contract.at("/servers/0/url").asText()).endsWith("/api/v1");
        assertThat(contract.get("paths").has("/signals")).isTrue();
        assertThat(contract.get("paths").has("/feedback")).isTrue();
        assertThat(contract.get("paths").has("/outcomes")).isTrue();
    }

    @Test
    void operatorsSeeHealthAndMetricsOnTheManagementPort() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + managementPort + "/actuator";
        as("partner-energie").postJson(SIGNALS, SignalJson.signal(SignalJson.uniqueReference("OPS"), SignalJson.AMSTERDAM, "60.00"));

        JsonNode health = json(plain.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode readiness = json(plain.send(HttpRequest.newBuilder(URI.create(base + "/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> liveness = plain.send(HttpRequest.newBuilder(URI.create(base + "/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());
        String prometheus = plain.send(HttpRequest.newBuilder(URI.create(base + "/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/components/camelHealth/status").asText()).isEqualTo("UP");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(prometheus).contains("signaalpoort_intake_signals_total{channel=\"rest\",partner=\"demo-energie\",status=\"ACCEPTED\"}");
        assertThat(prometheus).contains("camel_exchanges_total");
    }

    private static List<String> codes(JsonNode receipt) {
        List<String> codes = new ArrayList<>();
        receipt.get("reasons").forEach(r -> codes.add(r.get("code").asText()));
        return codes;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("API-Version")).contains("1.0.0");
        JsonNode problem = json(response.body());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("type").asText()).startsWith("https://signaalpoort.nl/problems/");
    }
}
