package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import nl.signaalpoort.support.DdasSchema;
import nl.signaalpoort.support.RemoteSftpServer;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** SFTP push to a municipality's own server, through a real SSH server, with strict host key checking. */
class SftpDeliveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void signalsArriveAsFilesAndAServerWithAnotherHostKeyGetsNothing() throws Exception {
        try (RemoteSftpServer sftp = new RemoteSftpServer()) {
            var otherKey = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
            Path registry = Files.createTempFile("sftp-municipalities", ".yaml");
            Files.writeString(registry, """
                    municipalities:
                      - code: GM0344
                        name: Utrecht
                        oin: "00000099000000000344"
                        delivery:
                          type: SFTP
                          endpoint: sftp://127.0.0.1:%1$d/signalen
                          sftp: {username: signaalpoort, privateKey: certs-dev/gateway-ssh, knownHosts: "%2$s"}
                      - code: GM0363
                        name: Amsterdam
                        oin: "00000099000000000363"
                        delivery:
                          type: SFTP
                          endpoint: sftp://127.0.0.1:%1$d/amsterdam
                          sftp: {username: signaalpoort, privateKey: certs-dev/gateway-ssh, knownHosts: "%3$s"}
                    """.formatted(sftp.port(), sftp.knownHosts(), sftp.knownHostsWith(otherKey)));
            StandaloneGateway gateway = new StandaloneGateway("sftp_delivery_it")
                    .with("signaalpoort.routing.municipalities", "file:" + registry);
            try (ConfigurableApplicationContext app = gateway.start()) {
                int port = StandaloneGateway.port(app);
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                String utrecht = submit(port, SignalJson.UTRECHT);
                String amsterdam = submit(port, SignalJson.AMSTERDAM);

                Path file = sftp.root().resolve("signalen").resolve(utrecht + ".json");
                await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(file));
                assertThat(JSON.readTree(file.toFile()).get("signaalId").asText()).isEqualTo(utrecht);
                assertThat(JSON.readTree(file.toFile()).at("/persoon/achternaam").asText()).isEqualTo("Berg");
                try (Stream<Path> names = Files.list(file.getParent())) {
                    assertThat(names.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".part-"));
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(status(jdbc, utrecht)));

                // Withdrawn after delivery: the notice is pushed to the same folder, beside the signal's file.
                assertThat(TlsClient.as("partner-energie", port).postJson("/api/v1/signals/" + utrecht + "/withdrawal",
                        "{\"reason\":\"SENT_IN_ERROR\"}").statusCode()).isEqualTo(201);
                Path notice = sftp.root().resolve("signalen").resolve(utrecht + ".intrekking.json");
                await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(notice));
                assertThat(JSON.readTree(notice.toFile()).get("reden").asText()).isEqualTo("TEN_ONRECHTE_VERSTUURD");
                assertThat(Files.readString(notice)).doesNotContain("Berg");

                // The host key does not match what is registered for Amsterdam: not one byte is sent.
                await().atMost(Duration.ofSeconds(15)).until(() -> attempts(jdbc, amsterdam) >= 1);
                assertThat(status(jdbc, amsterdam)).isEqualTo("PENDING");
                assertThat(jdbc.queryForObject("SELECT last_error FROM outbox WHERE signal_id = ?", String.class,
                        UUID.fromString(amsterdam))).isNotBlank().doesNotContain("Berg");
                assertThat(sftp.root().resolve("amsterdam")).doesNotExist();
            }
        }
    }

    @Test
    void lastMonthsMonitorExportGoesToEachServerAndOneThatFailsHoldsUpNoOther() throws Exception {
        try (RemoteSftpServer sftp = new RemoteSftpServer()) {
            var otherKey = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
            Path registry = Files.createTempFile("sftp-municipalities", ".yaml");
            // Utrecht comes first and its host key is not the registered one: its files cannot go.
            Files.writeString(registry, """
                    municipalities:
                      - code: GM0344
                        name: Utrecht
                        oin: "00000099000000000344"
                        delivery:
                          type: SFTP
                          endpoint: sftp://127.0.0.1:%1$d/utrecht
                          sftp: {username: signaalpoort, privateKey: certs-dev/gateway-ssh, knownHosts: "%3$s"}
                      - code: GM0363
                        name: Amsterdam
                        oin: "00000099000000000363"
                        delivery:
                          type: SFTP
                          endpoint: sftp://127.0.0.1:%1$d/amsterdam
                          sftp: {username: signaalpoort, privateKey: certs-dev/gateway-ssh, knownHosts: "%2$s"}
                    """.formatted(sftp.port(), sftp.knownHosts(), sftp.knownHostsWith(otherKey)));
            StandaloneGateway gateway = new StandaloneGateway("sftp_monitor_it").with("signaalpoort.routing.municipalities", "file:" + registry);
            YearMonth lastMonth = YearMonth.now(ZoneId.of("Europe/Amsterdam")).minusMonths(1);
            String amsterdam;
            try (ConfigurableApplicationContext app = gateway.start()) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                amsterdam = submit(StandaloneGateway.port(app), SignalJson.AMSTERDAM);
                submit(StandaloneGateway.port(app), SignalJson.UTRECHT);
                await().atMost(Duration.ofSeconds(15)).until(() -> "DELIVERED".equals(status(jdbc, amsterdam)));
                jdbc.update("UPDATE signals SET received_at = ?", lastMonth.atDay(10).atTime(9, 0).atOffset(ZoneOffset.UTC));
            }
            try (ConfigurableApplicationContext app = gateway.start("--signaalpoort.monitor.file-interval=PT0.5S")) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                Path file = sftp.root().resolve("amsterdam").resolve("monitor").resolve("ddas-0363-" + lastMonth + "-1.json");
                await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(file));
                JsonNode document = JSON.readTree(file.toFile());
                assertThat(DdasSchema.problems(document)).isEmpty();
                assertThat(document.at("/leveringen/0/vroegsignalen/0/ID").asText()).isEqualTo(amsterdam);
                await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                        "SELECT municipality_code FROM monitor_exports", String.class).contains("GM0363"));
                // Utrecht's month is not recorded as written, so the next run tries it again; nothing reached its folder.
                assertThat(jdbc.queryForList("SELECT municipality_code FROM monitor_exports", String.class)).containsExactly("GM0363");
                assertThat(sftp.root().resolve("utrecht")).doesNotExist();
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'MONITOR_EXPORTED' AND subject_id = 'GM0344'",
                        Integer.class)).isZero();
            }
        }
    }

    private static String submit(int port, String postcode) throws Exception {
        ObjectNode signal = (ObjectNode) JSON.readTree(SignalJson.signal(SignalJson.uniqueReference("SFTP"), postcode, "90.00"));
        return JSON.readTree(TlsClient.as("partner-energie", port).postJson("/api/v1/signals", signal.toString()).body())
                .at("/receipts/0/signalId").asText();
    }

    private static String status(JdbcTemplate jdbc, String id) {
        return jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(id));
    }

    private static int attempts(JdbcTemplate jdbc, String id) {
        Integer n = jdbc.queryForObject("SELECT attempts FROM outbox WHERE signal_id = ?", Integer.class, UUID.fromString(id));
        return n == null ? 0 : n;
    }
}
