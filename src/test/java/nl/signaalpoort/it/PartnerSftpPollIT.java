package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.RemoteSftpServer;
import nl.signaalpoort.support.SignalCsv;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TestRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A partner that hosts its files itself: the gateway polls the partner's real SFTP server (MINA
 * SSHD) with its own key, takes complete files only, and puts the receipt back on that server. A
 * server presenting another host key than the registered one gets nothing and takes nothing.
 */
class PartnerSftpPollIT {

    @Test
    void filesAreFetchedFromThePartnersServerAndReceiptsPutBack() throws Exception {
        try (RemoteSftpServer partnerServer = new RemoteSftpServer()) {
            Path outgoing = Files.createDirectories(partnerServer.root().resolve("outgoing"));
            Path incoming = partnerServer.root().resolve("incoming");
            Path mitmOutgoing = Files.createDirectories(partnerServer.root().resolve("mitm-outgoing"));
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            Path partners = partners(partnerServer, partnerServer.knownHosts(), partnerServer.knownHostsWith(rsa.generateKeyPair().getPublic()));
            Path registry = TestRegistry.municipalities(Files.createTempDirectory("poll-drop"), MunicipalStub.url());
            StandaloneGateway gateway = new StandaloneGateway("sftp_poll_it")
                    .with("signaalpoort.partners.registry", "file:" + partners)
                    .with("signaalpoort.routing.municipalities", "file:" + registry);

            String reference = SignalJson.uniqueReference("POLL");
            // Still being uploaded (.part): must be left alone.
            Files.writeString(outgoing.resolve("november.csv.part"), csv(SignalJson.uniqueReference("POLL")));
            Files.writeString(mitmOutgoing.resolve("november.csv"), csv(SignalJson.uniqueReference("POLL")));
            Files.writeString(outgoing.resolve("november.csv"), csv(reference));

            try (ConfigurableApplicationContext context = gateway.start()) {
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                MeterRegistry meters = context.getBean(MeterRegistry.class);
                Path receipt = incoming.resolve("november.csv.receipt.csv");
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(receipt));

                assertThat(Files.readString(receipt, StandardCharsets.UTF_8)).contains("2;" + reference + ";ACCEPTED;");
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signals WHERE reference = ?", Integer.class, reference)).isEqualTo(1);
                assertThat(outgoing.resolve("november.csv")).doesNotExist();
                assertThat(outgoing.resolve("november.csv.part")).exists();

                // The server behind the wrong host key: refused at the handshake, counted, the file left where it was.
                await().atMost(Duration.ofSeconds(30)).until(() -> failures(meters, "sftp-poll-demo-mitm") >= 2);
                assertThat(mitmOutgoing.resolve("november.csv")).exists();
                assertThat(Files.list(partnerServer.root().resolve("incoming")).map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("november.csv.receipt.csv", "november.csv.receipt.csv.sig");
                // The signature travelled with the receipt and still verifies on the partner's server.
                assertThat(nl.signaalpoort.support.Gpg.withDevKeys().verifyDetached(incoming.resolve("november.csv.receipt.csv.sig"), receipt))
                        .contains("gateway@dev.signaalpoort.invalid");
            }
        }
    }

    private static double failures(MeterRegistry meters, String route) {
        Counter counter = meters.find("signaalpoort.sftp.remote.failures").tag("route", route).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String csv(String reference) {
        return SignalCsv.file(java.util.List.of(reference), "1012LG");
    }

    /** The development registry plus two partners hosting their own files on the test server. */
    private static Path partners(RemoteSftpServer server, Path knownHosts, Path wrongKnownHosts) throws Exception {
        String registry = Files.readString(Path.of("routes/partners.yaml"));
        Path file = Files.createTempFile("partners", ".yaml");
        Files.writeString(file, registry + remote("demo-remote", "00000099000000000105", server.port(), knownHosts, "outgoing")
                + remote("demo-mitm", "00000099000000000106", server.port(), wrongKnownHosts, "mitm-outgoing"));
        return file;
    }

    private static String remote(String id, String oin, int port, Path knownHosts, String inbox) {
        return """
                  - id: %s
                    name: %s
                    oin: "%s"
                    sector: ENERGY
                    sftpRemote:
                      host: 127.0.0.1
                      port: %d
                      username: signaalpoort
                      privateKey: certs-dev/gateway-ssh
                      knownHosts: %s
                      inbox: %s
                      outbox: incoming
                      pollInterval: PT0.5S
                """.formatted(id, id, oin, port, knownHosts, inbox);
    }
}
