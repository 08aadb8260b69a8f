package nl.signaalpoort.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import nl.signaalpoort.support.Processes;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Personal data leaves over two-way TLS: municipalities' servers (WireMock over HTTPS) that
 * require a client certificate from a CA they trust get the REST and SOAP deliveries; a server
 * whose certificate does not name the host the gateway called, or comes from a CA not trusted for
 * that target, is refused before anything is sent.
 */
class OutboundTlsIT {

    private static final String PASSWORD = "changeit-dev-only";

    @Test
    void deliveriesGoOverMutualTlsAndAServerUnderAnotherNameIsRefused() throws Exception {
        // The municipality's server: the development server certificate (localhost, 127.0.0.1), client certificates required.
        // Rotterdam calls it as 127.0.0.2: the same server, but its certificate names localhost and 127.0.0.1 only.
        String lastError = deliverAmsterdamAndUtrechtRefuseRotterdam("outbound_tls_it", Path.of("certs-dev/server.p12"), """
                municipalities:
                  - {code: GM0363, name: Amsterdam, oin: "00000099000000000363", delivery: {type: REST, endpoint: "https://localhost:%1$d/gm0363/signalen"}}
                  - {code: GM0344, name: Utrecht, oin: "00000099000000000344", delivery: {type: SOAP, endpoint: "https://localhost:%1$d/soap/gm0344"}}
                  - {code: GM0599, name: Rotterdam, oin: "00000099000000000599", delivery: {type: REST, endpoint: "https://127.0.0.2:%1$d/gm0599/signalen"}}
                """);
        assertThat(lastError).contains("SSL");
    }

    @Test
    void aTargetsOwnTrustedCertificatesReplaceTheClientTrustStoreForThatServerOnly() throws Exception {
        // A municipality's server whose certificate comes from no CA in the gateway's trust store (self-signed here).
        Path material = Files.createTempDirectory("target-trust");
        Path keyStore = material.resolve("own-server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Processes.run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
                "-dname", "CN=localhost, O=Gemeente Test", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        Path pem = material.resolve("own-server.pem");
        Processes.run(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        // Amsterdam (REST) and Utrecht (SOAP) registered that certificate for their server; Rotterdam, on the same
        // server under another name its certificate also carries, did not: for it the client trust store applies.
        deliverAmsterdamAndUtrechtRefuseRotterdam("target_trust_it", keyStore, """
                municipalities:
                  - {code: GM0363, name: Amsterdam, oin: "00000099000000000363", delivery: {type: REST, endpoint: "https://localhost:%1$d/gm0363/signalen", trustedCertificates: "%2$s"}}
                  - {code: GM0344, name: Utrecht, oin: "00000099000000000344", delivery: {type: SOAP, endpoint: "https://localhost:%1$d/soap/gm0344", trustedCertificates: "%2$s"}}
                  - {code: GM0599, name: Rotterdam, oin: "00000099000000000599", delivery: {type: REST, endpoint: "https://127.0.0.1:%1$d/gm0599/signalen"}}
                """.replace("%2$s", pem.toString()));
    }

    /**
     * Starts a municipalities' server with {@code keyStore} (client certificates from the development CA required)
     * and a gateway with the registry ({@code %1$d}: the server's port); Amsterdam and Utrecht must be delivered,
     * Rotterdam refused before a byte reaches the server. Returns Rotterdam's last delivery error.
     */
    private static String deliverAmsterdamAndUtrechtRefuseRotterdam(String name, Path keyStore, String registryYaml) throws Exception {
        WireMockServer municipality = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort()
                .keystorePath(keyStore.toString()).keystorePassword(PASSWORD).keystoreType("PKCS12").keyManagerPassword(PASSWORD)
                .needClientAuth(true).trustStorePath("certs-dev/truststore.p12").trustStorePassword(PASSWORD).trustStoreType("PKCS12"));
        municipality.start();
        try {
            municipality.stubFor(post(urlEqualTo("/gm0363/signalen")).willReturn(aResponse().withStatus(200)));
            municipality.stubFor(post(urlEqualTo("/soap/gm0344")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/xml").withBody(SoapDeliveryIT.ACK)));
            municipality.stubFor(post(urlEqualTo("/gm0599/signalen")).willReturn(aResponse().withStatus(200)));
            Path registry = Files.createTempFile("tls-municipalities", ".yaml");
            Files.writeString(registry, registryYaml.formatted(municipality.httpsPort()));
            try (ConfigurableApplicationContext app = new StandaloneGateway(name)
                    .with("signaalpoort.routing.municipalities", "file:" + registry).start()) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                TlsClient partner = TlsClient.as("partner-energie", StandaloneGateway.port(app));
                String amsterdam = submit(partner, SignalJson.AMSTERDAM);
                String utrecht = submit(partner, SignalJson.UTRECHT);
                String rotterdam = submit(partner, "3011AA");

                await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(status(jdbc, amsterdam))
                        && "DELIVERED".equals(status(jdbc, utrecht)));
                assertThat(municipality.findAll(postRequestedFor(urlEqualTo("/gm0363/signalen")))).hasSize(1);
                assertThat(municipality.findAll(postRequestedFor(urlEqualTo("/soap/gm0344")))).hasSize(1);

                await().atMost(Duration.ofSeconds(30)).until(() -> attempts(jdbc, rotterdam) >= 2);
                assertThat(status(jdbc, rotterdam)).isEqualTo("PENDING");
                assertThat(municipality.findAll(postRequestedFor(urlEqualTo("/gm0599/signalen")))).as("nothing sent").isEmpty();
                return jdbc.queryForObject("SELECT last_error FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(rotterdam));
            }
        } finally {
            municipality.stop();
        }
    }

    private static String submit(TlsClient partner, String postcode) throws Exception {
        String body = SignalJson.signal(SignalJson.uniqueReference("TLS"), postcode, "90.00");
        return new ObjectMapper().readTree(partner.postJson("/api/v1/signals", body).body()).at("/receipts/0/signalId").asText();
    }

    private static String status(JdbcTemplate jdbc, String id) {
        return jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, UUID.fromString(id));
    }

    private static int attempts(JdbcTemplate jdbc, String id) {
        Integer n = jdbc.queryForObject("SELECT attempts FROM outbox WHERE signal_id = ?", Integer.class, UUID.fromString(id));
        return n == null ? 0 : n;
    }
}
