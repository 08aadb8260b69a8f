package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.SignalJson;
import org.junit.jupiter.api.Test;

/** The embedded default's FILE delivery, and who may report and read what. */
class FileDeliveryIT extends AbstractGatewayIT {

    private final Path folder = DROP_FOLDER.resolve("GM0363");

    @Test
    void aSignalIsDroppedAsJsonAndItsOutcomeReachesThePartner() throws Exception {
        String reference = SignalJson.uniqueReference("FILE");
        String signalId = submit("partner-energie", reference);
        Path file = folder.resolve(signalId + ".json");

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));
        JsonNode document = json(Files.readString(file));
        assertThat(document.get("signaalId").asText()).isEqualTo(signalId);
        assertThat(document.get("gemeentecode").asText()).isEqualTo("GM0363");
        assertThat(document.at("/adres/postcode").asText()).isEqualTo("1012LG");
        assertThat(document.at("/persoon/achternaam").asText()).isEqualTo("Berg");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".part-"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(outboxStatus(signalId)));

        HttpResponse<String> outcome = as("gemeente-amsterdam").postJson("/api/v1/outcomes",
                "{\"signalId\":\"" + signalId + "\",\"outcome\":\"NO_REACTION_AFTER_CONTACT\",\"finalOutcome\":true}");
        assertThat(outcome.statusCode()).isEqualTo(201);

        JsonNode item = feedbackItem("partner-energie", signalId);
        assertThat(item.get("code").asText()).isEqualTo("NOT_REACHED_OR_DECLINED");
        assertThat(item.get("reference").asText()).isEqualTo(reference);
    }

    @Test
    void aHealthInsurerHearsOnlyTheBinaryCode() throws Exception {
        String signalId = submitBody("partner-zorg", SignalJson.healthSignal(SignalJson.uniqueReference("ZORG"), SignalJson.AMSTERDAM,
                "90.00", "155.50", "245.50"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(outboxStatus(signalId)));

        as("gemeente-amsterdam").postJson("/api/v1/outcomes",
                "{\"signalId\":\"" + signalId + "\",\"outcome\":\"BUDGET_ADVICE_OR_QUICK_FIX\"}");

        assertThat(feedbackItem("partner-zorg", signalId).get("code").asText()).isEqualTo("HELP_ACCEPTED");
    }

    @Test
    void onlyTheReceivingMunicipalityMayReportAndOnlyTheSendingPartnerMayRead() throws Exception {
        String signalId = submit("partner-energie", SignalJson.uniqueReference("AUTH"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(outboxStatus(signalId)));
        String outcome = "{\"signalId\":\"" + signalId + "\",\"outcome\":\"NO_HELP_WANTED\"}";

        HttpResponse<String> utrecht = as("gemeente-utrecht").postJson("/api/v1/outcomes", outcome);
        assertThat(utrecht.statusCode()).isEqualTo(404);
        assertThat(utrecht.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(utrecht.body()).get("code").asText()).isEqualTo("UNKNOWN_SIGNAL");

        HttpResponse<String> partner = as("partner-energie").postJson("/api/v1/outcomes", outcome);
        assertThat(partner.statusCode()).isEqualTo(403);
        assertThat(json(partner.body()).get("code").asText()).isEqualTo("FORBIDDEN");

        HttpResponse<String> unknownCode = as("gemeente-amsterdam").postJson("/api/v1/outcomes",
                "{\"signalId\":\"" + signalId + "\",\"outcome\":\"HELPED_A_BIT\"}");
        assertThat(unknownCode.statusCode()).isEqualTo(400);
        assertThat(json(unknownCode.body()).get("code").asText()).isEqualTo("UNKNOWN_OUTCOME");

        HttpResponse<String> unknownSignal = as("gemeente-amsterdam").postJson("/api/v1/outcomes",
                "{\"signalId\":\"" + UUID.randomUUID() + "\",\"outcome\":\"NO_HELP_WANTED\"}");
        assertThat(unknownSignal.statusCode()).isEqualTo(404);

        assertThat(count("SELECT COUNT(*) FROM outcomes WHERE signal_id = ?", UUID.fromString(signalId))).isZero();

        as("gemeente-amsterdam").postJson("/api/v1/outcomes", outcome);
        assertThat(count("SELECT COUNT(*) FROM outcomes WHERE signal_id = ?", UUID.fromString(signalId))).isEqualTo(1);
        assertThat(feedbackItem("partner-energie", signalId)).isNotNull();
        assertThat(as("partner-zorg").get("/api/v1/feedback?after=0&limit=1000").body()).doesNotContain(signalId);
        assertThat(as("gemeente-amsterdam").get("/api/v1/feedback").statusCode()).isEqualTo(403);
    }

    @Test
    void feedbackPagesWithACursor() throws Exception {
        HttpResponse<String> first = as("partner-energie").get("/api/v1/feedback?after=0&limit=1");
        assertThat(first.statusCode()).isEqualTo(200);
        HttpResponse<String> bad = as("partner-energie").get("/api/v1/feedback?limit=0");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).get("code").asText()).isEqualTo("INVALID_PARAMETER");
        HttpResponse<String> notANumber = as("partner-energie").get("/api/v1/feedback?after=abc");
        assertThat(notANumber.statusCode()).isEqualTo(400);
    }

    private String submit(String partner, String reference) throws Exception {
        return submitBody(partner, SignalJson.signal(reference, SignalJson.AMSTERDAM, "245.50"));
    }

    private String submitBody(String partner, String body) throws Exception {
        HttpResponse<String> response = as(partner).postJson("/api/v1/signals", body);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode receipt = json(response.body()).get("receipts").get(0);
        assertThat(receipt.get("status").asText()).isEqualTo("ACCEPTED");
        return receipt.get("signalId").asText();
    }

    private JsonNode feedbackItem(String partner, String signalId) throws Exception {
        long after = 0;
        while (true) {
            JsonNode page = json(as(partner).get("/api/v1/feedback?after=" + after + "&limit=1000").body());
            for (JsonNode item : page.get("items")) {
                if (item.get("signalId").asText().equals(signalId)) {
                    return item;
                }
            }
            if (page.get("items").isEmpty()) {
                throw new AssertionError("no feedback for " + signalId);
            }
            after = page.get("cursor").asLong();
        }
    }

    private String outboxStatus(String signalId) {
        return jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(signalId));
    }
}
