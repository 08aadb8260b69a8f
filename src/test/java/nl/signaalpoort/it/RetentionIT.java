package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import nl.signaalpoort.ops.RetentionJob;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TestRegistry;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention with a clock the test controls: personal data is shredded 12 months after its case
 * closed (or 24 months after receipt), and only the personal data: the pseudonymous row,
 * outcomes and the partner's feedback stay.
 */
class RetentionIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void personalDataIsShreddedAfterTheRetentionPeriodAndStatisticsStay() throws Exception {
        StandaloneGateway gateway = new StandaloneGateway("retention_it")
                .with("signaalpoort.routing.municipalities", "file:" + TestRegistry.municipalities(
                        Files.createTempDirectory("retention-drop"), MunicipalStub.url()));
        try (ConfigurableApplicationContext app = gateway.start()) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            RetentionJob retention = app.getBean(RetentionJob.class);
            int port = StandaloneGateway.port(app);
            String closed = submit(port);
            String open = submit(port);
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered(jdbc, closed) && delivered(jdbc, open));
            TlsClient.as("gemeente-amsterdam", port).postJson("/api/v1/outcomes",
                    "{\"signalId\":\"" + closed + "\",\"outcome\":\"NO_HELP_WANTED\",\"finalOutcome\":true}");
            Instant now = Instant.now();

            RetentionJob.Report elevenMonths = retention.runAt(now.atOffset(ZoneOffset.UTC).plusMonths(11).toInstant());
            assertThat(elevenMonths.afterClose()).isZero();
            assertThat(personal(jdbc, closed)).isEqualTo(1);

            RetentionJob.Report thirteenMonths = retention.runAt(now.atOffset(ZoneOffset.UTC).plusMonths(13).toInstant());
            assertThat(thirteenMonths.afterClose()).isEqualTo(1);
            assertThat(thirteenMonths.pastMaxAge()).isZero();
            assertThat(personal(jdbc, closed)).isZero();
            assertThat(personal(jdbc, open)).as("a case still open keeps its data").isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signals WHERE signal_id = ? AND personal_data_shredded_at IS NOT NULL",
                    Integer.class, UUID.fromString(closed))).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feedback_items WHERE signal_id = ?", Integer.class,
                    UUID.fromString(closed))).isEqualTo(1);
            assertThat(retention.runAt(now.atOffset(ZoneOffset.UTC).plusMonths(13).toInstant()).afterClose())
                    .as("a second run finds nothing left").isZero();

            RetentionJob.Report twentyFiveMonths = retention.runAt(now.atOffset(ZoneOffset.UTC).plusMonths(25).toInstant());
            assertThat(twentyFiveMonths.pastMaxAge()).isEqualTo(1);
            assertThat(personal(jdbc, open)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signals", Integer.class)).isEqualTo(2);
        }
    }

    @Test
    void quarantinedFilesExpireUnderRetentionAndAreCounted() throws Exception {
        StandaloneGateway gateway = new StandaloneGateway("retention_quarantine_it").with("signaalpoort.retention.quarantine", "P30D");
        nl.signaalpoort.files.PartnerFiles files = gateway.files();
        try (ConfigurableApplicationContext app = gateway.start()) {
            RetentionJob retention = app.getBean(RetentionJob.class);
            // A plain file from a partner that must sign: refused and quarantined as uploaded, personal data and all.
            java.nio.file.Path inbox = files.inbox("demo-zorg");
            java.nio.file.Files.writeString(inbox.resolve(".plain.csv.part"), "reference;lastName\nQ-1;Jansen\n");
            java.nio.file.Files.move(inbox.resolve(".plain.csv.part"), inbox.resolve("plain.csv"));
            await().atMost(Duration.ofSeconds(20)).until(() -> quarantined(files) == 1);
            Instant now = Instant.now();

            assertThat(retention.runAt(now.plus(Duration.ofDays(29))).quarantinedFiles()).isZero();
            assertThat(quarantined(files)).isEqualTo(1);

            assertThat(retention.runAt(now.plus(Duration.ofDays(31))).quarantinedFiles()).isEqualTo(1);
            assertThat(quarantined(files)).isZero();
            assertThat(retention.runAt(now.plus(Duration.ofDays(31))).quarantinedFiles()).as("a second run finds nothing").isZero();
        }
    }

    private static long quarantined(nl.signaalpoort.files.PartnerFiles files) throws java.io.IOException {
        java.nio.file.Path folder = files.quarantine("demo-zorg");
        if (!java.nio.file.Files.isDirectory(folder)) {
            return 0;
        }
        try (java.util.stream.Stream<java.nio.file.Path> list = java.nio.file.Files.list(folder)) {
            return list.count();
        }
    }

    private static String submit(int port) throws Exception {
        String body = SignalJson.signal(SignalJson.uniqueReference("KEEP"), SignalJson.AMSTERDAM, "245.50");
        return JSON.readTree(TlsClient.as("partner-energie", port).postJson("/api/v1/signals", body).body())
                .at("/receipts/0/signalId").asText();
    }

    private static boolean delivered(JdbcTemplate jdbc, String id) {
        return "DELIVERED".equals(jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(id)));
    }

    private static int personal(JdbcTemplate jdbc, String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM signals WHERE signal_id = ? AND ciphertext IS NOT NULL", Integer.class, UUID.fromString(id));
    }
}
