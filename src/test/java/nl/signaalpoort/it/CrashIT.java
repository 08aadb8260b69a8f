package nl.signaalpoort.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.signaalpoort.support.GatewayProcess;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.Pace;
import nl.signaalpoort.support.SftpClient;
import nl.signaalpoort.support.SignalCsv;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TestRegistry;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The packaged gateway on PostgreSQL under mixed load (REST singles and batches, SFTP files),
 * killed with SIGKILL at random moments and started again, round after round (issue 14, section
 * 5). Afterwards every accepted signal is delivered at least once and recorded delivered exactly
 * once, nothing reached the municipality without an accepted receipt, a resent reference gets its
 * first signal id, and no reference has two. Rounds: {@code -Dsignaalpoort.crash.rounds} (5 in CI;
 * docs/reliability.md gives the command for the long run of 100).
 */
class CrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadLocal<Pace> RETRIES = ThreadLocal.withInitial(() -> Pace.perSecond(10));
    private static final String PATH = "/crash/gm0344/signalen";
    /** A surname that may appear nowhere in the gateway's log, however it was killed. */
    private static final String CANARY = "Crashkanarie";
    private static final Pattern SIGNAL_ID = Pattern.compile("\"signaalId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    /** What the load knows about a reference: the signal ids it was answered with (none when no answer came). */
    private final Map<String, Set<String>> answered = new ConcurrentHashMap<>();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();

    @Test
    void killedAtRandomMomentsNothingIsLostOrRecordedTwice() throws Exception {
        int rounds = Integer.getInteger("signaalpoort.crash.rounds", 5);
        long seed = Long.getLong("signaalpoort.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        MunicipalStub.server().stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(20)));
        StandaloneGateway settings = new StandaloneGateway("crash_it")
                .with("signaalpoort.routing.municipalities", "file:" + TestRegistry.municipalities(
                        Files.createTempDirectory("crash-drop"), "http://127.0.0.1:" + MunicipalStub.server().port() + PATH))
                // A stable name: a node started again takes its own claims back at once.
                .with("signaalpoort.cluster.node-id", "crash-node");
        JdbcTemplate jdbc = settings.jdbc();
        long started = System.nanoTime();
        List<Long> readyMillis = new ArrayList<>();
        try (GatewayProcess gateway = new GatewayProcess("crash", settings)) {
            for (int round = 1; round <= rounds; round++) {
                long start = System.nanoTime();
                gateway.start().awaitReady(Duration.ofSeconds(120));
                readyMillis.add((System.nanoTime() - start) / 1_000_000);
                AtomicBoolean loading = new AtomicBoolean(true);
                List<Thread> load = List.of(
                        thread(() -> singles(gateway.port(), loading)),
                        thread(() -> batches(gateway.port(), loading)),
                        thread(() -> files(gateway.sftpPort(), loading)));
                // Killed at a random point of the load (after a random number of further references sent):
                // mid-request, mid-file, mid-delivery.
                int killAfter = sent.size() + 50 + random.nextInt(600);
                await().atMost(Duration.ofSeconds(60)).until(() -> sent.size() >= killAfter);
                gateway.kill();
                loading.set(false);
                for (Thread t : load) {
                    t.join(60_000);
                }
            }

            gateway.start().awaitReady(Duration.ofSeconds(120));
            TlsClient partner = TlsClient.as("partner-energie", gateway.port());
            // Whatever got no answer is sent again, and so is a sample of what did: each gets its first signal id, or its one.
            List<String> again = new ArrayList<>(sent.stream().filter(r -> answered.getOrDefault(r, Set.of()).isEmpty()).toList());
            answered.keySet().stream().filter(r -> !answered.get(r).isEmpty()).limit(50).forEach(again::add);
            for (String reference : again) {
                HttpResponse<String> response = partner.postJson("/api/v1/signals", signal(reference));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode receipt = JSON.readTree(response.body()).at("/receipts/0");
                assertThat(receipt.get("status").asText()).isEqualTo("ACCEPTED");
                answered.computeIfAbsent(reference, r -> ConcurrentHashMap.newKeySet()).add(receipt.get("signalId").asText());
            }
            // The backlog of many rounds drains as long as deliveries keep going: no minute without progress.
            int pending = count(jdbc, "SELECT COUNT(*) FROM outbox WHERE status <> 'DELIVERED'");
            while (pending > 0) {
                int before = pending;
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> count(jdbc, "SELECT COUNT(*) FROM outbox WHERE status <> 'DELIVERED'") < before);
                pending = count(jdbc, "SELECT COUNT(*) FROM outbox WHERE status <> 'DELIVERED'");
            }
            assertThat(Files.readString(gateway.log())).doesNotContainIgnoringCase(CANARY).doesNotContainIgnoringCase("J.vdBerg")
                    .doesNotContain("Damrak");
        }

        Map<String, String> signalOfReference = new HashMap<>();
        jdbc.query("SELECT reference, CAST(signal_id AS VARCHAR(36)) FROM signals",
                rs -> {
                    signalOfReference.put(rs.getString(1), rs.getString(2));
                });
        // No reference with two signal ids, and every answer the gateway gave still holds.
        assertThat(answered).allSatisfy((reference, ids) -> {
            assertThat(ids).hasSizeLessThanOrEqualTo(1);
            ids.forEach(id -> assertThat(signalOfReference.get(reference)).as(reference).isEqualTo(id));
        });
        assertThat(sent).allSatisfy(reference -> assertThat(signalOfReference).containsKey(reference));
        // Each stored signal has exactly one outbox entry and no entry lacks its signal, whatever the crash
        // interrupted: on PostgreSQL no foreign key holds this since V25, the chunk's transaction does.
        assertThat(count(jdbc, "SELECT COUNT(*) FROM outbox o WHERE o.signal_id IS NOT NULL "
                + "AND NOT EXISTS (SELECT 1 FROM signals s WHERE s.signal_id = o.signal_id)")).as("outbox entries without their signal").isZero();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM signals s WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.signal_id = s.signal_id)"))
                .as("signals without their outbox entry").isZero();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM outbox WHERE signal_id IS NOT NULL")).isEqualTo(count(jdbc, "SELECT COUNT(*) FROM signals"));

        Map<String, Integer> sends = new HashMap<>();
        Map<String, Set<String>> keys = new HashMap<>();
        for (ServeEvent event : MunicipalStub.server().getAllServeEvents()) {
            if (event.getRequest().getUrl().equals(PATH) && event.getResponse().getStatus() == 200) {
                Matcher m = SIGNAL_ID.matcher(event.getRequest().getBodyAsString());
                while (m.find()) {
                    sends.merge(m.group(1), 1, Integer::sum);
                    keys.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(event.getRequest().getHeader("Idempotency-Key"));
                }
            }
        }
        // A signal sent again after a crash went in the same delivery: one Idempotency-Key (= batchId) per signal.
        assertThat(keys.values()).allSatisfy(k -> assertThat(k).hasSize(1).doesNotContainNull());
        Set<String> accepted = new HashSet<>(signalOfReference.values());
        Set<String> utrecht = new HashSet<>(jdbc.queryForList(
                "SELECT CAST(signal_id AS VARCHAR(36)) FROM signals WHERE municipality_code = 'GM0344'", String.class));
        assertThat(accepted).containsAll(utrecht);
        // Every accepted signal delivered at least once; nothing delivered without an accepted receipt.
        assertThat(sends.keySet()).containsAll(utrecht);
        assertThat(accepted).containsAll(sends.keySet());
        // Recorded delivered exactly once.
        Map<String, Integer> recorded = new HashMap<>();
        jdbc.query("SELECT subject_id, COUNT(*) FROM audit_log WHERE action = 'SIGNAL_DELIVERED' GROUP BY subject_id",
                rs -> {
                    recorded.put(rs.getString(1), rs.getInt(2));
                });
        assertThat(recorded.keySet()).containsAll(utrecht);
        assertThat(recorded.values()).containsOnly(1);

        long resent = sends.values().stream().filter(n -> n > 1).count();
        System.out.printf("crash test: %d rounds (seed %d) in %d s, start to ready %s ms; %d references sent, %d signals accepted, "
                        + "%d delivered to the municipality, %d of them sent more than once (same batch id), 0 lost, 0 recorded twice%n",
                rounds, seed, (System.nanoTime() - started) / 1_000_000_000, readyMillis, sent.size(), accepted.size(), utrecht.size(),
                resent);
    }

    private void singles(int port, AtomicBoolean loading) {
        TlsClient partner = TlsClient.as("partner-energie", port);
        while (loading.get()) {
            String reference = SignalJson.uniqueReference("CRASH");
            sent.add(reference);
            answered.put(reference, ConcurrentHashMap.newKeySet());
            try {
                HttpResponse<String> response = partner.postJson("/api/v1/signals", signal(reference));
                if (response.statusCode() == 200) {
                    answered.get(reference).add(JSON.readTree(response.body()).at("/receipts/0/signalId").asText());
                }
            } catch (Exception killed) {
                pause();
            }
        }
    }

    private void batches(int port, AtomicBoolean loading) {
        TlsClient partner = TlsClient.as("partner-energie", port);
        while (loading.get()) {
            List<String> references = new ArrayList<>();
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < 10; i++) {
                String reference = SignalJson.uniqueReference("CRASHB");
                references.add(reference);
                sent.add(reference);
                answered.put(reference, ConcurrentHashMap.newKeySet());
                body.append(i == 0 ? "" : ",").append(signal(reference));
            }
            try {
                HttpResponse<String> response = partner.postJson("/api/v1/signals", body.append("]").toString());
                if (response.statusCode() == 200) {
                    for (JsonNode receipt : JSON.readTree(response.body()).get("receipts")) {
                        answered.get(receipt.get("reference").asText()).add(receipt.get("signalId").asText());
                    }
                }
            } catch (Exception killed) {
                pause();
            }
        }
    }

    /** A file of 20 signals every second or so; their answers come from the resend at the end. */
    private void files(int sftpPort, AtomicBoolean loading) {
        Pace filePace = Pace.perSecond(1);
        while (loading.get()) {
            try {
                List<String> references = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    references.add(SignalJson.uniqueReference("CRASHF"));
                }
                Path csv = Files.createTempFile("crash", ".csv");
                StringBuilder rows = new StringBuilder(SignalCsv.HEADER).append('\n');
                for (String reference : references) {
                    // A resident of its own per row, as in signal(reference).
                    rows.append(SignalCsv.row(reference, SignalJson.UTRECHT, "130.00").replace("1980-04-12",
                            java.time.LocalDate.of(1950, 1, 1).plusDays(Math.floorMod(reference.hashCode(), 9_000)).toString())).append('\n');
                }
                Files.writeString(csv, rows.toString());
                String name = "crash-" + UUID.randomUUID() + ".csv";
                SftpClient.Result upload = SftpClient.run("partner-energie", "demo-energie", sftpPort,
                        "put " + csv + " inbox/" + name + ".part\nrename inbox/" + name + ".part inbox/" + name + "\n");
                if (upload.exitCode() == 0) {
                    sent.addAll(references);
                }
                if (!filePace.next()) {
                    return;
                }
            } catch (Exception killed) {
                pause();
            }
        }
    }

    /**
     * A resident of its own per reference (birth date and house number vary), as real signals are:
     * tens of thousands of signals of one person would make every delivery's history look-up scan
     * all of them.
     */
    private static String signal(String reference) {
        int n = Math.floorMod(reference.hashCode(), 9_000);
        return SignalJson.of(reference).postcode(SignalJson.UTRECHT).surname(CANARY)
                .birthDate(java.time.LocalDate.of(1950, 1, 1).plusDays(n).toString()).set("address.houseNumber", 1 + n % 400).json();
    }

    /** After a failed call (the gateway is down): at most ten retries a second per load thread. */
    private static void pause() {
        RETRIES.get().next();
    }

    private static Thread thread(Runnable load) {
        Thread t = new Thread(load, "crash-load");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        Integer n = jdbc.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }
}
