import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * Outcomes in bulk, the municipality's side: takes delivered signals of one municipality without an
 * outcome from the gateway's database, reports half of them in REST batches (POST /api/v1/outcomes
 * with an array) over N connections, and the other half as one outcome file over the gateway's SFTP
 * server (the real OpenSSH sftp client), timed from the rename to the receipt. Prints outcomes/s of
 * each and the REST latency percentiles. bench/outcomes.sh starts the gateway, delivers the signals
 * first (RestIntakeLoad) and runs this.
 *
 *   java -Djavax.net.ssl.keyStore=certs-dev/gemeente-amsterdam.p12 -Djavax.net.ssl.keyStorePassword=changeit-dev-only \
 *        -Djavax.net.ssl.trustStore=certs-dev/truststore.p12 -Djavax.net.ssl.trustStorePassword=changeit-dev-only \
 *        -cp "$(cat target/cp.txt)" bench/OutcomeLoad.java --port 8443 --db-url jdbc:postgresql://... --municipality GM0363 \
 *        --sftp-port 2222 --sftp-user GM0363 --sftp-key <private key> --outbox <its outbox folder> --connections 4 --batch 1000
 * Bounded: the signals it finds, once each.
 */
public class OutcomeLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int connections = Integer.parseInt(opt.getOrDefault("connections", "4"));
        int batch = Integer.parseInt(opt.getOrDefault("batch", "1000"));
        List<String> ids = deliveredWithoutOutcome(opt.get("db-url"), opt.getOrDefault("db-user", "signaalpoort"),
                opt.getOrDefault("db-password", "signaalpoort"), opt.getOrDefault("municipality", "GM0363"));
        int half = ids.size() / 2;
        System.out.printf("delivered signals without an outcome: %d (REST %d, file %d)%n", ids.size(), half, ids.size() - half);
        rest(URI.create("https://localhost:" + opt.getOrDefault("port", "8443") + "/api/v1/outcomes"), ids.subList(0, half),
                connections, batch);
        if (opt.containsKey("sftp-port")) {
            file(opt, ids.subList(half, ids.size()));
        }
    }

    private static List<String> deliveredWithoutOutcome(String url, String user, String password, String municipality) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, user, password); Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT o.signal_id FROM outbox o WHERE o.status = 'DELIVERED' AND o.municipality_code = '"
                        + municipality.replaceAll("[^A-Z0-9]", "") + "' AND NOT EXISTS (SELECT 1 FROM outcomes x WHERE x.signal_id = o.signal_id) "
                        + "ORDER BY o.outbox_id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static void rest(URI uri, List<String> ids, int connections, int batch) throws Exception {
        int requests = (ids.size() + batch - 1) / batch;
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            // One client per connection, with the municipality's certificate (javax.net.ssl.keyStore).
            HttpClient client = HttpClient.newBuilder().sslContext(SSLContext.getDefault()).version(HttpClient.Version.HTTP_1_1).build();
            work.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < requests; ) {
                    List<String> part = ids.subList(i * batch, Math.min(ids.size(), (i + 1) * batch));
                    StringBuilder body = new StringBuilder("[");
                    for (String id : part) {
                        body.append(body.length() > 1 ? "," : "").append("{\"signalId\":\"").append(id).append("\",\"outcome\":\"NO_HELP_WANTED\"}");
                    }
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString())).build(), HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - t0;
                    if (r.statusCode() != 200 || !r.body().contains("\"refused\":0")) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("REST: %d outcomes in %d requests of up to %d over %d connections: %.2f s = %.0f outcomes/s; p50 %.0f ms, p99 %.0f ms%s%n",
                ids.size(), requests, batch, connections, seconds, ids.size() / seconds, pct(latencies, 50), pct(latencies, 99),
                failures.get() == 0 ? "" : "; FAILED requests: " + failures.get());
    }

    private static void file(Map<String, String> opt, List<String> ids) throws Exception {
        Path csv = Files.createTempFile("outcomes", ".csv");
        StringBuilder text = new StringBuilder("signalId;outcome\n");
        ids.forEach(id -> text.append(id).append(";FOLLOW_UP_FINANCIAL\n"));
        Files.writeString(csv, text);
        String name = "bench-" + System.currentTimeMillis() + ".csv";
        sftp(opt, "put " + csv + " inbox/" + name + ".part\n");
        Path receipt = Path.of(opt.get("outbox")).resolve(name + ".receipt.csv");
        long start = System.nanoTime();
        sftp(opt, "rename inbox/" + name + ".part inbox/" + name + "\n");
        while (!Files.exists(receipt) && System.nanoTime() - start < 600_000_000_000L) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> lines = Files.readAllLines(receipt, StandardCharsets.UTF_8);
        System.out.printf("file: %d outcomes, rename to receipt %.2f s = %.0f outcomes/s (%s)%n", ids.size(), seconds, ids.size() / seconds,
                lines.get(lines.size() - 1));
    }

    private static void sftp(Map<String, String> opt, String commands) throws Exception {
        Path batch = Files.createTempFile("sftp", ".batch");
        Files.writeString(batch, commands);
        Process p = new ProcessBuilder("sftp", "-q", "-b", batch.toString(), "-i", opt.get("sftp-key"), "-P", opt.get("sftp-port"),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
                opt.getOrDefault("sftp-user", "GM0363") + "@127.0.0.1").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("sftp failed");
        }
    }

    private static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
