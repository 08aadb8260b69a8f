package nl.signaalpoort.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.signaalpoort.files.FilesProperties;
import nl.signaalpoort.files.PartnerFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts the whole gateway on random ports with real TLS, on H2 or PostgreSQL (system property
 * {@code signaalpoort.it.database}, set by the failsafe executions in pom.xml). Amsterdam delivers
 * by FILE into a temporary folder, Utrecht by REST to WireMock. All subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AbstractGatewayIT {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final Path DROP_FOLDER;
    /** Where the partners' file homes, receipts, quarantine and work folder of the shared gateway lie. */
    protected static final PartnerFiles FILES;
    private static final Path FILES_ROOT;
    private static final Path REGISTRY;

    static {
        try {
            DROP_FOLDER = Files.createTempDirectory("signaalpoort-drop");
            FILES_ROOT = Files.createTempDirectory("signaalpoort-files").resolve("files");
            FILES = new PartnerFiles(new FilesProperties(FILES_ROOT));
            REGISTRY = TestRegistry.municipalities(DROP_FOLDER.resolve("GM0363"), MunicipalStub.url());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> "0");
        registry.add("management.server.port", () -> "0");
        // Tests of other things are not throttled (RateLimitIT tests the limits).
        registry.add("signaalpoort.rate-limits.standard.requests", () -> "100000");
        registry.add("signaalpoort.sftp.port", () -> "0");
        registry.add("signaalpoort.files.root", () -> FILES_ROOT.toString());
        registry.add("signaalpoort.sftp.host-key", () -> FILES_ROOT.resolveSibling("host.key").toString());
        // A cluster of its own (the context is its only member), electing itself quickly.
        registry.add("signaalpoort.cluster.file.root", () -> FILES_ROOT.resolveSibling("cluster").toString());
        registry.add("signaalpoort.cluster.file.acquire-lock-delay", () -> "PT0.1S");
        registry.add("signaalpoort.cluster.file.acquire-lock-interval", () -> "PT0.2S");
        registry.add("signaalpoort.feedback.files.interval", () -> "PT0.3S");
        registry.add("signaalpoort.routing.municipalities", () -> "file:" + REGISTRY);
        registry.add("signaalpoort.delivery.poll-interval", () -> "PT0.1S");
        registry.add("signaalpoort.ops.gauge-refresh", () -> "PT0.5S");
        registry.add("signaalpoort.delivery.initial-backoff", () -> "PT0.2S");
        registry.add("signaalpoort.delivery.max-backoff", () -> "PT1S");
        registry.add("signaalpoort.delivery.call-timeout", () -> "PT5S");
        registry.add("signaalpoort.delivery.breaker.minimum-calls", () -> "4");
        registry.add("signaalpoort.delivery.breaker.window", () -> "4");
        registry.add("signaalpoort.delivery.breaker.open-for", () -> "PT2S");
        registry.add("camel.component.http.response-timeout", () -> "3000");
        registry.add("camel.component.http.so-timeout", () -> "3000");
        TestDatabase.register(registry);
    }

    protected TlsClient as(String identity) {
        return TlsClient.as(identity, port);
    }

    protected static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A signal from Demo Energie for Amsterdam (FILE), once the gateway delivered it. Returns its signalId. */
    protected String deliveredSignal(String referencePrefix) throws Exception {
        String signalId = json(as("partner-energie").postJson("/api/v1/signals",
                SignalJson.signal(SignalJson.uniqueReference(referencePrefix), SignalJson.AMSTERDAM, "130.00")).body())
                .at("/receipts/0/signalId").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(
                jdbc.queryForObject("SELECT status FROM outbox WHERE signal_id = ?", String.class, java.util.UUID.fromString(signalId))));
        return signalId;
    }

    protected int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
