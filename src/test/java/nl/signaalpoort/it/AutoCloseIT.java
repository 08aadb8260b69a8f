package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.feedback.AutoCloseJob;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TestRegistry;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A case without a final outcome 28 days after delivery is closed: the partner gets the set code, the municipality is told. */
class AutoCloseIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void openCasesAreClosedAfterTwentyEightDaysWithAClockTheTestControls() throws Exception {
        StandaloneGateway gateway = new StandaloneGateway("auto_close_it").with("signaalpoort.routing.municipalities",
                "file:" + TestRegistry.municipalities(Files.createTempDirectory("auto-close-drop"), MunicipalStub.url()));
        try (ConfigurableApplicationContext app = gateway.start()) {
            int port = StandaloneGateway.port(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            AutoCloseJob job = app.getBean(AutoCloseJob.class);
            String open = submit(port, "partner-energie");
            String health = submit(port, "partner-zorg");
            String closed = submit(port, "partner-energie");
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered(jdbc, open) && delivered(jdbc, health) && delivered(jdbc, closed));
            TlsClient.as("gemeente-amsterdam", port).postJson("/api/v1/outcomes",
                    "{\"signalId\":\"" + closed + "\",\"outcome\":\"FOLLOW_UP_FINANCIAL\"}");
            Instant now = Instant.now();

            assertThat(job.runAt(now.plus(Duration.ofDays(27)))).isZero();
            assertThat(job.runAt(now.plus(Duration.ofDays(29)))).isEqualTo(2);
            assertThat(job.runAt(now.plus(Duration.ofDays(30)))).as("closed cases stay closed").isZero();

            JsonNode energie = JSON.readTree(TlsClient.as("partner-energie", port).get("/api/v1/feedback/signals/" + open).body());
            assertThat(energie.at("/current/code").asText()).isEqualTo("NOT_REACHED_OR_DECLINED");
            assertThat(energie.at("/current/finalOutcome").asBoolean()).isTrue();
            JsonNode zorg = JSON.readTree(TlsClient.as("partner-zorg", port).get("/api/v1/feedback/signals/" + health).body());
            assertThat(zorg.at("/current/code").asText()).isEqualTo("NO_HELP_OR_NOT_PICKED_UP");
            JsonNode stillHelped = JSON.readTree(TlsClient.as("partner-energie", port).get("/api/v1/feedback/signals/" + closed).body());
            assertThat(stillHelped.get("history")).hasSize(1);
            assertThat(stillHelped.at("/current/code").asText()).isEqualTo("WANTS_HELP");

            JsonNode told = JSON.readTree(TlsClient.as("gemeente-amsterdam", port).get("/api/v1/notifications?after=0").body());
            assertThat(told.get("items")).hasSize(2);
            assertThat(told.at("/items/0/kind").asText()).isEqualTo("AUTO_CLOSED");
            assertThat(told.toString()).contains(open, health).doesNotContain(closed);
            assertThat(TlsClient.as("gemeente-utrecht", port).get("/api/v1/notifications").body()).doesNotContain(open);
            assertThat(TlsClient.as("partner-energie", port).get("/api/v1/notifications").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void anUpdateContinuesTheCaseItNamesWithTheCasesClockAndTheEarlierSignalIsNotClosedOnItsOwn() throws Exception {
        java.nio.file.Path drop = Files.createTempDirectory("update-drop");
        StandaloneGateway gateway = new StandaloneGateway("update_case_it").with("signaalpoort.routing.municipalities",
                "file:" + TestRegistry.municipalities(drop, MunicipalStub.url()));
        try (ConfigurableApplicationContext app = gateway.start()) {
            int port = StandaloneGateway.port(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            AutoCloseJob job = app.getBean(AutoCloseJob.class);
            String firstReference = SignalJson.uniqueReference("UPD");
            // The case started ten days ago: its first signal was delivered then.
            List<String> both = continuedCase(port, jdbc, firstReference, first -> jdbc.update(
                    "UPDATE outbox SET delivered_at = delivered_at - INTERVAL '10' DAY WHERE signal_id = ?", UUID.fromString(first)));
            String first = both.get(0);
            String update = both.get(1);

            // The municipality receives it as an update of the case it has.
            assertThat(JSON.readTree(drop.resolve(update + ".json").toFile()).get("werktBijSignaalId").asText()).isEqualTo(first);
            assertThat(JSON.readTree(drop.resolve(first + ".json").toFile()).has("werktBijSignaalId")).isFalse();

            Instant now = Instant.now();
            // 19 days from now is 29 since the case began: the case closes once, on its latest signal, not twice.
            assertThat(job.runAt(now.plus(Duration.ofDays(17)))).isZero();
            assertThat(job.runAt(now.plus(Duration.ofDays(19)))).isEqualTo(1);
            assertThat(job.runAt(now.plus(Duration.ofDays(40)))).isZero();
            JsonNode feedback = JSON.readTree(TlsClient.as("partner-energie", port).get("/api/v1/feedback/signals/" + update).body());
            assertThat(feedback.at("/current/code").asText()).isEqualTo("NOT_REACHED_OR_DECLINED");
            assertThat(TlsClient.as("partner-energie", port).get("/api/v1/feedback/signals/" + first).statusCode())
                    .as("the earlier signal was not closed on its own").isEqualTo(404);
            JsonNode told = JSON.readTree(TlsClient.as("gemeente-amsterdam", port).get("/api/v1/notifications?after=0").body());
            assertThat(told.toString()).contains(update).doesNotContain(first);

            // An update must name an earlier signal of the same partner; only an update may name one.
            JsonNode refused = JSON.readTree(TlsClient.as("partner-energie", port).postJson("/api/v1/signals", "["
                    + SignalJson.of(SignalJson.uniqueReference("UPD")).postcode(SignalJson.AMSTERDAM).set("kind", "UPDATED")
                            .set("updatesReference", "NEVER-SENT").json() + ","
                    + SignalJson.of(SignalJson.uniqueReference("UPD")).postcode(SignalJson.AMSTERDAM).set("kind", "UPDATED").json() + ","
                    + SignalJson.of(SignalJson.uniqueReference("UPD")).postcode(SignalJson.AMSTERDAM).set("updatesReference", firstReference)
                            .json() + "]").body()).get("receipts");
            assertThat(refused.findValuesAsText("status")).containsOnly("REJECTED");
            assertThat(refused.get(0).at("/reasons/0/code").asText()).isEqualTo("UNKNOWN_UPDATED_SIGNAL");
            assertThat(refused.get(1).at("/reasons/0/code").asText()).isEqualTo("MISSING_FIELD");
            assertThat(refused.get(1).at("/reasons/0/field").asText()).isEqualTo("updatesReference");
            assertThat(refused.get(2).at("/reasons/0/code").asText()).isEqualTo("NOT_AN_UPDATE");
            JsonNode otherPartner = JSON.readTree(TlsClient.as("partner-water", port).postJson("/api/v1/signals", SignalJson.of(
                    SignalJson.uniqueReference("UPD")).postcode(SignalJson.AMSTERDAM).set("kind", "UPDATED").set("updatesReference",
                    firstReference).json()).body());
            assertThat(otherPartner.at("/receipts/0/reasons/0/code").asText()).isEqualTo("UNKNOWN_UPDATED_SIGNAL");
        }
    }

    /**
     * The municipality has one case and may answer it by the id it first got: an outcome for the
     * earlier signal of a continued case closes the case, so its update is not closed later as
     * "not reached".
     */
    @Test
    void anOutcomeForTheEarlierSignalOfAContinuedCaseClosesTheCase() throws Exception {
        java.nio.file.Path drop = Files.createTempDirectory("update-outcome-drop");
        StandaloneGateway gateway = new StandaloneGateway("update_outcome_it").with("signaalpoort.routing.municipalities",
                "file:" + TestRegistry.municipalities(drop, MunicipalStub.url()));
        try (ConfigurableApplicationContext app = gateway.start()) {
            int port = StandaloneGateway.port(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            AutoCloseJob job = app.getBean(AutoCloseJob.class);
            List<String> both = continuedCase(port, jdbc, SignalJson.uniqueReference("UPO"), first -> { });
            String first = both.get(0);
            String update = both.get(1);

            var answer = TlsClient.as("gemeente-amsterdam", port).postJson("/api/v1/outcomes",
                    "{\"signalId\":\"" + first + "\",\"outcome\":\"FOLLOW_UP_FINANCIAL\"}");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);

            assertThat(job.runAt(Instant.now().plus(Duration.ofDays(40)))).as("the case is closed: nothing to close").isZero();
            JsonNode feedback = JSON.readTree(TlsClient.as("partner-energie", port).get("/api/v1/feedback/signals/" + update).body());
            assertThat(feedback.at("/current/code").asText()).as("the case's feedback, on its latest signal").isEqualTo("WANTS_HELP");
            assertThat(feedback.get("history")).hasSize(1);
        }
    }

    /**
     * A first signal (by {@code firstReference}) and an update that continues its case, each
     * delivered; {@code meanwhile} is given the first one's id before the update is sent.
     */
    private static List<String> continuedCase(int port, JdbcTemplate jdbc, String firstReference,
            java.util.function.Consumer<String> meanwhile) throws Exception {
        String first = accepted(port, SignalJson.signal(firstReference, SignalJson.AMSTERDAM, "130.00"));
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered(jdbc, first));
        meanwhile.accept(first);
        String update = accepted(port, SignalJson.of(SignalJson.uniqueReference("UPD")).postcode(SignalJson.AMSTERDAM).total("180.00")
                .set("kind", "UPDATED").set("updatesReference", firstReference).json());
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered(jdbc, update));
        return List.of(first, update);
    }

    private static String accepted(int port, String body) throws Exception {
        JsonNode receipt = JSON.readTree(TlsClient.as("partner-energie", port).postJson("/api/v1/signals", body).body()).at("/receipts/0");
        assertThat(receipt.get("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        return receipt.get("signalId").asText();
    }

    private static String submit(int port, String partner) throws Exception {
        String body = partner.equals("partner-zorg")
                ? SignalJson.healthSignal(SignalJson.uniqueReference("AC"), SignalJson.AMSTERDAM, "90.00", "10.00", "100.00")
                : SignalJson.signal(SignalJson.uniqueReference("AC"), SignalJson.AMSTERDAM, "130.00");
        return JSON.readTree(TlsClient.as(partner, port).postJson("/api/v1/signals", body).body()).at("/receipts/0/signalId").asText();
    }

    private static boolean delivered(JdbcTemplate jdbc, String id) {
        return "DELIVERED".equals(jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(id)));
    }
}
