package nl.signaalpoort.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import nl.signaalpoort.delivery.MunicipalResilience;
import nl.signaalpoort.files.PartnerFiles;
import nl.signaalpoort.intake.sftp.EmbeddedSftpServer;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.SftpClient;
import nl.signaalpoort.support.SignalCsv;
import nl.signaalpoort.support.Pace;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.SignalXml;
import nl.signaalpoort.support.SoapClients;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TcpProxy;
import nl.signaalpoort.support.TestRegistry;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL taken away under load and brought back (issue 14, section 4): the gateway reaches
 * its database through a TCP relay the test cuts, as a stopped database would be, for longer than
 * a delivery lease. Meanwhile REST answers 503 DATABASE_UNAVAILABLE with Retry-After at once, SOAP
 * a fault with that code, readiness DOWN; an SFTP upload waits; a batch the municipality
 * acknowledged during the outage is recorded afterwards and never sent again, nor charged to the
 * municipality's breaker. Afterwards everything recovers without a restart: each signal delivered
 * exactly once, nothing half-written, every reference with one signal id. PostgreSQL only.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/outage/gm0344/signalen";
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** Personal data that may appear nowhere in the log, whatever failed. */
    private static final String CANARY_SURNAME = "Storingskanarie";
    private static final String CANARY_STREET = "Uitvalsweg";

    /** One answer the load got. */
    private record Answer(String reference, int status, String signalId, String code, String retryAfter, long millis) {
    }

    @Test
    void theGatewayAnswersAtOnceWhileTheDatabaseIsAwayAndRecoversWithoutARestart(CapturedOutput output) throws Exception {
        // Each delivery takes a while, so one is always in flight when the database goes.
        MunicipalStub.server().stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(1200)));
        var postgres = StandaloneGateway.postgres();
        try (TcpProxy database = new TcpProxy(postgres.getHostString(), postgres.getPort())) {
            StandaloneGateway gateway = new StandaloneGateway("outage_it")
                    .databaseThrough(database.port())
                    .with("signaalpoort.routing.municipalities", "file:" + TestRegistry.municipalities(
                            Files.createTempDirectory("outage-drop"), "http://127.0.0.1:" + MunicipalStub.server().port() + PATH))
                    // A lease shorter than the outage: the acknowledged batch's lease runs out before it can be recorded.
                    .with("signaalpoort.delivery.lease", "PT6S")
                    .with("signaalpoort.delivery.lease-renewal", "PT1S")
                    .with("signaalpoort.delivery.call-timeout", "PT3S")
                    .with("signaalpoort.delivery.record-retry", "PT0.5S")
                    .with("camel.component.http.response-timeout", "2500")
                    .with("camel.component.http.so-timeout", "2500");
            try (ConfigurableApplicationContext app = gateway.start()) {
                int port = StandaloneGateway.port(app);
                int management = Integer.parseInt(app.getEnvironment().getProperty("local.management.port"));
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                TlsClient partner = TlsClient.as("partner-energie", port);
                List<Answer> answers = new CopyOnWriteArrayList<>();
                AtomicBoolean loading = new AtomicBoolean(true);
                Thread load = new Thread(() -> load(partner, answers, loading), "outage-load");
                load.start();
                try {
                    await().atMost(Duration.ofSeconds(30)).until(() -> delivered(jdbc) >= 20);

                    // Cut the database just as a delivery call has gone out: its 2xx comes back during the outage.
                    int calls = requests();
                    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> requests() > calls);
                    long cutAt = System.nanoTime();
                    database.cut();

                    long readinessStarted = System.nanoTime();
                    HttpResponse<String> readiness = readiness(management);
                    long readinessMillis = (System.nanoTime() - readinessStarted) / 1_000_000;
                    assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
                    assertThat(readinessMillis).as("readiness answers DOWN within a probe's timeout").isLessThan(5_000);

                    HttpResponse<String> soap = partner.postSoap(SoapClients.PATH, SoapClients.envelope("urn:signaalpoort:soap:v1:submitSignals",
                            port, "<submitSignals xmlns=\"urn:signaalpoort:soap:v1\"><signal>"
                                    + SignalXml.fields(SignalJson.uniqueReference("OUTSOAP"), "130.00") + "</signal></submitSignals>"),
                            "urn:signaalpoort:soap:v1:submitSignals");
                    assertThat(soap.statusCode()).isEqualTo(500);
                    assertThat(soap.body()).contains("<code>DATABASE_UNAVAILABLE</code>").contains("faultcode>soap:Server<");

                    Path csv = Files.createTempFile("outage", ".csv");
                    List<String> fileReferences = List.of(SignalJson.uniqueReference("OUTFILE"), SignalJson.uniqueReference("OUTFILE"));
                    Files.writeString(csv, SignalCsv.file(fileReferences, SignalJson.UTRECHT));
                    SftpClient.Result upload = SftpClient.run("partner-energie", "demo-energie", app.getBean(EmbeddedSftpServer.class).port(),
                            "put " + csv + " inbox/storing.csv.part\nrename inbox/storing.csv.part inbox/storing.csv\n");
                    assertThat(upload.exitCode()).as(upload.output()).isZero();

                    await().atMost(OUTAGE.plusSeconds(5)).until(() -> System.nanoTime() - cutAt > OUTAGE.toNanos());
                    List<Answer> during = answers.stream().filter(a -> a.status() == 503).toList();
                    database.restore();

                    long restoredAt = System.nanoTime();
                    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> readiness(management).statusCode() == 200);
                    long readyAgainMillis = (System.nanoTime() - restoredAt) / 1_000_000;
                    int accepted = accepted(answers);
                    await().atMost(Duration.ofSeconds(15)).until(() -> accepted(answers) > accepted + 10);
                    loading.set(false);
                    load.join();

                    assertThat(during).as("requests answered while the database was away").hasSizeGreaterThan(3);
                    assertThat(during).allSatisfy(a -> {
                        assertThat(a.code()).isEqualTo("DATABASE_UNAVAILABLE");
                        assertThat(a.retryAfter()).isEqualTo("5");
                        assertThat(a.millis()).as("answered at once, not after a 30 s hang").isLessThan(5_000);
                    });
                    assertThat(answers).noneMatch(a -> a.status() == 500);
                    System.out.printf("outage %d s: %d answers 503 in at most %d ms; readiness DOWN in %d ms, UP %d ms after the database came back%n",
                            OUTAGE.toSeconds(), during.size(), during.stream().mapToLong(Answer::millis).max().orElse(0), readinessMillis,
                            readyAgainMillis);

                    // The file uploaded during the outage is processed afterwards.
                    Path receipt = app.getBean(PartnerFiles.class).outbox("demo-energie").resolve("storing.csv.receipt.csv");
                    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(receipt));
                    assertThat(Files.readString(receipt)).contains("TOTAL;;accepted=2;rejected=0");

                    // Every reference not answered 200 is sent again: now it is accepted, with its first signal id if it had been.
                    Map<String, Set<String>> idsByReference = new ConcurrentHashMap<>();
                    answers.stream().filter(a -> a.status() == 200)
                            .forEach(a -> idsByReference.computeIfAbsent(a.reference(), r -> ConcurrentHashMap.newKeySet()).add(a.signalId()));
                    for (Answer a : answers.stream().filter(a -> a.status() != 200).toList()) {
                        Answer again = submit(partner, a.reference());
                        assertThat(again.status()).isEqualTo(200);
                        idsByReference.computeIfAbsent(a.reference(), r -> ConcurrentHashMap.newKeySet()).add(again.signalId());
                    }
                    for (String reference : List.copyOf(idsByReference.keySet()).subList(0, 20)) {
                        idsByReference.get(reference).add(submit(partner, reference).signalId());
                    }
                    assertThat(idsByReference.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));

                    await().atMost(Duration.ofSeconds(60)).until(() -> count(jdbc, "SELECT COUNT(*) FROM outbox WHERE status <> 'DELIVERED'") == 0);
                    // Nothing half-written: every signal (which is its receipt) has its outbox entry and personal data.
                    int signals = count(jdbc, "SELECT COUNT(*) FROM signals");
                    assertThat(count(jdbc, "SELECT COUNT(*) FROM outbox")).isEqualTo(signals);
                    assertThat(count(jdbc, "SELECT COUNT(*) FROM signals WHERE ciphertext IS NOT NULL")).isEqualTo(signals);
                    Set<String> stored = Set.copyOf(jdbc.queryForList("SELECT CAST(signal_id AS VARCHAR(36)) FROM signals", String.class));
                    idsByReference.values().forEach(ids -> assertThat(stored).containsAll(ids));

                    // The batch acknowledged while the database was away was recorded afterwards, and not sent again.
                    assertThat(output.getOut()).contains("acknowledged but not recorded yet").doesNotContain("delivery failed batch=");
                    // No bound values of a failed statement in any stack trace (the driver would inline them).
                    assertThat(output.getOut()).doesNotContain("::uuid").doesNotContain("'\\x");
                    assertThat(output.getOut()).doesNotContainIgnoringCase(CANARY_SURNAME).doesNotContainIgnoringCase(CANARY_STREET)
                            .doesNotContainIgnoringCase("J.vdBerg");
                    Set<String> utrecht = Set.copyOf(jdbc.queryForList(
                            "SELECT CAST(signal_id AS VARCHAR(36)) FROM signals WHERE municipality_code = 'GM0344'", String.class));
                    List<String> bodies = MunicipalStub.server().findAll(postRequestedFor(urlEqualTo(PATH))).stream()
                            .map(r -> r.getBodyAsString()).toList();
                    for (String signalId : utrecht) {
                        assertThat(bodies.stream().filter(b -> b.contains(signalId)).count()).as("sends of %s", signalId).isEqualTo(1);
                    }
                    assertThat(count(jdbc, "SELECT COUNT(*) FROM audit_log WHERE action = 'SIGNAL_DELIVERED'")).isEqualTo(signals);
                    assertThat(app.getBean(MunicipalResilience.class).breaker("GM0344").getMetrics().getNumberOfFailedCalls()).isZero();
                } finally {
                    loading.set(false);
                    load.join(30_000);
                    database.restore();
                }
            }
        }
    }

    /** REST singles for Utrecht, one after another, up to 50 a second, each answer kept. */
    private static void load(TlsClient partner, List<Answer> answers, AtomicBoolean loading) {
        Pace pace = Pace.perSecond(50);
        while (loading.get() && pace.next()) {
            try {
                answers.add(submit(partner, SignalJson.uniqueReference("OUTAGE")));
            } catch (Exception e) {
                answers.add(new Answer("?", -1, null, e.getClass().getSimpleName(), null, 0));
            }
        }
    }

    private static Answer submit(TlsClient partner, String reference) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = partner.postJson("/api/v1/signals", SignalJson.of(reference).postcode(SignalJson.UTRECHT)
                .surname(CANARY_SURNAME).street(CANARY_STREET).json());
        long millis = (System.nanoTime() - start) / 1_000_000;
        JsonNode body = JSON.readTree(response.body());
        return new Answer(reference, response.statusCode(), body.at("/receipts/0/signalId").asText(null), body.path("code").asText(null),
                response.headers().firstValue("Retry-After").orElse(null), millis);
    }

    private static HttpResponse<String> readiness(int management) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int accepted(List<Answer> answers) {
        return (int) answers.stream().filter(a -> a.status() == 200).count();
    }

    private static int delivered(JdbcTemplate jdbc) {
        return count(jdbc, "SELECT COUNT(*) FROM outbox WHERE status = 'DELIVERED'");
    }

    private static int requests() {
        return MunicipalStub.server().findAll(postRequestedFor(urlEqualTo(PATH))).size();
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        Integer n = jdbc.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }
}
