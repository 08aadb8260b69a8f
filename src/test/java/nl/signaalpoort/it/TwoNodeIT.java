package nl.signaalpoort.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.BufferedReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.signaalpoort.files.Csv;
import nl.signaalpoort.files.PartnerFiles;
import nl.signaalpoort.support.GatewayProcess;
import nl.signaalpoort.support.MunicipalStub;
import nl.signaalpoort.support.SftpClient;
import nl.signaalpoort.support.SignalCsv;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TestRegistry;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two packaged gateways on one PostgreSQL and one shared files volume (issue 14): load through
 * both, a file uploaded through one node with its receipt fetched through the other (same host
 * key), outcomes reported to both; then the leader is killed with SIGKILL mid-run. The singleton
 * work moves to the other node within the configured bound (measured), nothing is recorded
 * delivered twice, every feedback item is pushed and lies in exactly one feedback file, an
 * operator's pause on one node holds on the other, and both nodes' /ops pages show the same
 * queues, files and intake. PostgreSQL only.
 */
class TwoNodeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DELIVERY = "/two-nodes/gm0344/signalen";
    private static final String PUSH = "/two-nodes/partner/feedback";
    private static final Pattern SIGNAL_ID = Pattern.compile("\"signaalId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern FEEDBACK_ID = Pattern.compile("\"feedbackId\"\\s*:\\s*(\\d+)");
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final int MULTIPLIER = 5;
    // The heartbeat is stale after MULTIPLIER intervals; the follower notices at its next interval,
    // and the test sees the leader gauge at its next poll: one interval more for both.
    private static final Duration FAILOVER_BOUND = INTERVAL.multipliedBy(MULTIPLIER + 2);

    @Test
    void twoNodesShareTheWorkAndTheSurvivorTakesOverTheLeadersSingletonWork() throws Exception {
        MunicipalStub.server().stubFor(post(urlEqualTo(DELIVERY)).willReturn(aResponse().withStatus(200).withFixedDelay(20)));
        MunicipalStub.server().stubFor(post(urlEqualTo(PUSH)).willReturn(aResponse().withStatus(204)));
        Path partners = TestRegistry.energyPartnerPushingTo(PUSH, true);
        StandaloneGateway settings = new StandaloneGateway("two_node_it")
                .with("signaalpoort.partners.registry", "file:" + partners)
                .with("signaalpoort.routing.municipalities", "file:" + TestRegistry.municipalities(
                        Files.createTempDirectory("two-node-drop"), "http://127.0.0.1:" + MunicipalStub.server().port() + DELIVERY))
                // The production election timing: a dead leader's work moves after at most interval x (multiplier + 1).
                .with("signaalpoort.cluster.file.acquire-lock-interval", "PT" + INTERVAL.toSeconds() + "S")
                .with("signaalpoort.cluster.file.heartbeat-timeout-multiplier", MULTIPLIER)
                .with("signaalpoort.feedback.push-interval", "PT0.2S")
                .with("signaalpoort.feedback.files.interval", "PT0.5S")
                .with("signaalpoort.ops.gauge-refresh", "PT0.5S");
        JdbcTemplate jdbc = settings.jdbc();
        PartnerFiles files = settings.files();
        try (GatewayProcess a = new GatewayProcess("node-a", settings.with("signaalpoort.cluster.node-id", "node-a"));
                GatewayProcess b = new GatewayProcess("node-b", settings.with("signaalpoort.cluster.node-id", "node-b"))) {
            a.start().awaitReady(Duration.ofSeconds(120));
            await().atMost(Duration.ofSeconds(30)).until(() -> leader(a));
            b.start().awaitReady(Duration.ofSeconds(120));
            assertThat(leader(b)).isFalse();

            // Partners reach either node: the same SFTP home and host key, the file taken once.
            assertThat(hostKey(a.sftpPort())).isNotBlank().isEqualTo(hostKey(b.sftpPort()));
            List<String> first = uploadThroughAndFetchReceiptThrough(a, b, "eerste.csv");

            List<String> signals = new ArrayList<>();
            signals.addAll(submit(List.of(a, b), 40));
            await().atMost(Duration.ofSeconds(30)).until(() -> undelivered(jdbc) == 0);
            report(List.of(a, b), signals.subList(0, 20));
            await().atMost(Duration.ofSeconds(30)).until(() -> allFeedbackPushedAndFiled(jdbc));

            // Mid-run, with work in flight on both: the leader dies; it comes back as a follower. Round after round.
            int rounds = Integer.getInteger("signaalpoort.failover.rounds", 1);
            List<Long> failovers = new ArrayList<>();
            List<String> fromFiles = new ArrayList<>(first);
            int reported = 20;
            GatewayProcess leader = a;
            GatewayProcess survivor = b;
            for (int round = 1; round <= rounds; round++) {
                signals.addAll(submit(List.of(leader, survivor), 20));
                report(List.of(survivor), signals.subList(reported, reported + 10));
                reported += 10;
                long killedAt = System.nanoTime();
                leader.kill();
                GatewayProcess next = survivor;
                await().atMost(INTERVAL.multipliedBy(MULTIPLIER + 5)).pollInterval(Duration.ofMillis(100)).until(() -> leader(next));
                long failoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
                failovers.add(failoverMillis);
                assertThat(failoverMillis).as("failover within the configured bound").isLessThanOrEqualTo(FAILOVER_BOUND.toMillis());

                // The survivor does everything now: intake, delivery, feedback, files.
                signals.addAll(submit(List.of(survivor), 20));
                fromFiles.addAll(uploadThroughAndFetchReceiptThrough(survivor, survivor, "ronde-" + round + ".csv"));
                await().atMost(Duration.ofSeconds(60)).until(() -> undelivered(jdbc) == 0);
                report(List.of(survivor), signals.subList(reported, signals.size()));
                reported = signals.size();
                await().atMost(Duration.ofSeconds(60)).until(() -> allFeedbackPushedAndFiled(jdbc));

                // The killed node comes back as a follower.
                leader.start().awaitReady(Duration.ofSeconds(120));
                assertThat(leader(leader)).isFalse();
                assertThat(leader(survivor)).isTrue();
                GatewayProcess swap = leader;
                leader = survivor;
                survivor = swap;
            }

            // An operator pauses a singleton route through one node: the other pauses it too, and resumes it when told through either.
            TlsClient operatorA = TlsClient.as("operator", a.port());
            TlsClient operatorB = TlsClient.as("operator", b.port());
            assertThat(operatorA.send("POST", "/ops/v1/routes/push-feedback/suspend").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> !"Started".equals(routeStatus(operatorB, "push-feedback")));
            assertThat(operatorB.send("POST", "/ops/v1/routes/push-feedback/resume").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> "Started".equals(routeStatus(operatorA, "push-feedback")));

            // Both nodes' /ops pages show the same queues, files and intake.
            await().atMost(Duration.ofSeconds(10)).until(() -> shared(operatorA.get("/ops").body()).equals(shared(operatorB.get("/ops").body())));
            assertThat(shared(operatorA.get("/ops").body())).contains("GM0344 pending=0").contains("demo-energie");

            // Nothing recorded delivered twice; everything delivered at least once.
            Set<String> accepted = new HashSet<>(jdbc.queryForList("SELECT CAST(signal_id AS VARCHAR(36)) FROM signals", String.class));
            assertThat(accepted).containsAll(signals).containsAll(fromFiles);
            assertThat(jdbc.queryForList("SELECT COUNT(*) FROM audit_log WHERE action = 'SIGNAL_DELIVERED' GROUP BY subject_id",
                    Integer.class)).hasSize(accepted.size()).containsOnly(1);
            Map<String, Integer> sends = countMatches(DELIVERY, SIGNAL_ID);
            // Each uploaded file processed once, by whichever node led.
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'FILE_PROCESSED'", Integer.class))
                    .isEqualTo(1 + rounds);
            assertThat(sends.keySet()).containsAll(accepted.stream().filter(id -> municipality(jdbc, id).equals("GM0344")).toList());

            // Every feedback item pushed (at least once, under its feedbackId) and in exactly one feedback file.
            List<Long> items = jdbc.queryForList("SELECT feedback_id FROM feedback_items ORDER BY feedback_id", Long.class);
            assertThat(items).hasSize(reported);
            Map<String, Integer> pushes = countMatches(PUSH, FEEDBACK_ID);
            assertThat(pushes.keySet()).containsExactlyInAnyOrderElementsOf(items.stream().map(String::valueOf).toList());
            Map<Long, Integer> filed = filed(files.outbox("demo-energie"));
            assertThat(filed.keySet()).containsExactlyInAnyOrderElementsOf(items);
            assertThat(filed.values()).containsOnly(1);

            for (GatewayProcess node : List.of(a, b)) {
                assertThat(Files.readString(node.log())).doesNotContainIgnoringCase("van der Berg").doesNotContainIgnoringCase("J.vdBerg")
                        .doesNotContain("Damrak");
            }
            long repushed = pushes.values().stream().filter(n -> n > 1).count();
            long resent = sends.values().stream().filter(n -> n > 1).count();
            System.out.printf("two nodes: %d failovers, %s ms after SIGKILL (bound %d ms); %d signals, %d sent more than once, "
                    + "0 recorded twice; %d feedback items, %d pushed more than once, each in one file%n", rounds, failovers,
                    FAILOVER_BOUND.toMillis(), accepted.size(), resent, items.size(), repushed);
        }
    }

    /** Whether the node says it leads (its leader gauge). */
    private static boolean leader(GatewayProcess node) {
        try {
            return node.alive() && node.management("/actuator/prometheus").lines().anyMatch(l -> l.equals("signaalpoort_cluster_leader 1.0"));
        } catch (Exception e) {
            return false;
        }
    }

    /** REST singles for Utrecht, spread over the nodes; returns their signal ids. */
    private static List<String> submit(List<GatewayProcess> nodes, int n) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GatewayProcess node = nodes.get(i % nodes.size());
            HttpResponse<String> response = TlsClient.as("partner-energie", node.port()).postJson("/api/v1/signals",
                    SignalJson.signal(SignalJson.uniqueReference("TWO"), SignalJson.UTRECHT, "130.00"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            ids.add(JSON.readTree(response.body()).at("/receipts/0/signalId").asText());
        }
        return ids;
    }

    /** Utrecht reports an outcome on each signal, spread over the nodes. */
    private static void report(List<GatewayProcess> nodes, List<String> signalIds) throws Exception {
        for (int i = 0; i < signalIds.size(); i++) {
            HttpResponse<String> response = TlsClient.as("gemeente-utrecht", nodes.get(i % nodes.size()).port()).postJson("/api/v1/outcomes",
                    "{\"signalId\":\"" + signalIds.get(i) + "\",\"outcome\":\"FOLLOW_UP_FINANCIAL\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
    }

    /** Uploads a file of five signals through one node and reads its receipt through the other; returns the signal ids. */
    private static List<String> uploadThroughAndFetchReceiptThrough(GatewayProcess in, GatewayProcess out, String name) throws Exception {
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            references.add(SignalJson.uniqueReference("TWOF"));
        }
        Path csv = Files.createTempFile("two-node", ".csv");
        Files.writeString(csv, SignalCsv.file(references, SignalJson.UTRECHT));
        SftpClient.Result upload = SftpClient.run("partner-energie", "demo-energie", in.sftpPort(),
                "put " + csv + " inbox/" + name + ".part\nrename inbox/" + name + ".part inbox/" + name + "\n");
        assertThat(upload.exitCode()).as(upload.output()).isZero();
        Path local = Files.createTempDirectory("receipt").resolve(name + ".receipt.csv");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                SftpClient.run("partner-energie", "demo-energie", out.sftpPort(), "get outbox/" + name + ".receipt.csv " + local + "\n")
                        .exitCode() == 0);
        List<String> ids = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(local, StandardCharsets.UTF_8); var rows = Csv.rows(reader)) {
            rows.forEachRemaining(row -> {
                if (row.length > 3 && "ACCEPTED".equals(row[2])) {
                    ids.add(row[3]);
                }
            });
        }
        assertThat(ids).hasSize(5);
        return ids;
    }

    /** The host key a node's SFTP server presents, as ssh-keyscan reads it. */
    private static String hostKey(int port) throws Exception {
        Process scan = new ProcessBuilder("ssh-keyscan", "-p", String.valueOf(port), "-t", "rsa,ecdsa,ed25519", "127.0.0.1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(scan.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(l -> l.substring(l.indexOf(' ') + 1)).sorted().reduce("", (x, y) -> x + y + "\n");
    }

    private static int undelivered(JdbcTemplate jdbc) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE status <> 'DELIVERED'", Integer.class);
        return n == null ? 0 : n;
    }

    private static boolean allFeedbackPushedAndFiled(JdbcTemplate jdbc) {
        Long newest = jdbc.queryForObject("SELECT MAX(feedback_id) FROM feedback_items", Long.class);
        List<Long> pushed = jdbc.queryForList("SELECT pushed_up_to FROM partner_feedback_push WHERE partner_id = 'demo-energie'", Long.class);
        List<Long> filed = jdbc.queryForList("SELECT written_up_to FROM partner_file_cursors WHERE partner_id = 'demo-energie' AND stream = 'feedback'", Long.class);
        return newest != null && !pushed.isEmpty() && pushed.get(0).equals(newest) && !filed.isEmpty() && filed.get(0).equals(newest);
    }

    private static String municipality(JdbcTemplate jdbc, String signalId) {
        return jdbc.queryForObject("SELECT municipality_code FROM signals WHERE CAST(signal_id AS VARCHAR(36)) = ?", String.class, signalId);
    }

    /** How often each value of {@code pattern} reached {@code path} in a request the stub answered 2xx. */
    private static Map<String, Integer> countMatches(String path, Pattern pattern) {
        Map<String, Integer> counts = new HashMap<>();
        for (ServeEvent event : MunicipalStub.server().getAllServeEvents()) {
            if (event.getRequest().getUrl().equals(path) && event.getResponse().getStatus() / 100 == 2) {
                Matcher m = pattern.matcher(event.getRequest().getBodyAsString());
                while (m.find()) {
                    counts.merge(m.group(1), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** Per feedback id, the number of feedback files in the outbox holding it. */
    private static Map<Long, Integer> filed(Path outbox) throws Exception {
        Map<Long, Integer> filed = new HashMap<>();
        try (Stream<Path> names = Files.list(outbox)) {
            for (Path file : names.filter(f -> f.getFileName().toString().startsWith("feedback-") && f.getFileName().toString().endsWith(".csv")).toList()) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); var rows = Csv.rows(reader)) {
                    rows.next();
                    rows.forEachRemaining(row -> filed.merge(Long.parseLong(row[0]), 1, Integer::sum));
                }
            }
        }
        return filed;
    }

    private static String routeStatus(TlsClient operator, String routeId) throws Exception {
        for (JsonNode route : JSON.readTree(operator.get("/ops/v1/routes").body())) {
            if (route.get("id").asText().equals(routeId)) {
                return route.get("status").asText();
            }
        }
        return "missing";
    }

    /** What an /ops page shows from the shared database: queue sizes per municipality, the files, today's intake, feedback waiting. */
    private static String shared(String page) {
        StringBuilder shared = new StringBuilder();
        Matcher rows = Pattern.compile("(?s)<tr data-municipality=\"(\\w+)\">(.*?)</tr>").matcher(page);
        while (rows.find()) {
            shared.append(rows.group(1));
            Matcher cells = Pattern.compile("<td class=\"n (pending|urgent|dead)[^\"]*\"[^>]*>([^<]*)<").matcher(rows.group(2));
            while (cells.find()) {
                shared.append(' ').append(cells.group(1)).append('=').append(cells.group(2));
            }
            shared.append('\n');
        }
        for (String table : List.of("recent-files", "intake-table", "rejection-table", "dead-letter-table")) {
            Matcher m = Pattern.compile("(?s)<table id=\"" + table + "\".*?</table>").matcher(page);
            shared.append(m.find() ? m.group().replaceAll("\\s+", " ") : table + " empty").append('\n');
        }
        Matcher partners = Pattern.compile("(?s)<table id=\"partner-table\">(.*?)</table>").matcher(page);
        if (partners.find()) {
            Matcher waiting = Pattern.compile("<td class=\"n\">(\\d+)</td>").matcher(partners.group(1));
            while (waiting.find()) {
                shared.append("waiting=").append(waiting.group(1)).append('\n');
            }
        }
        return shared.toString();
    }
}
