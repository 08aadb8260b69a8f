import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Delivery under load, in two phases against a municipal REST endpoint of its own (the JDK's HTTP
 * server, answering 200 at once) and the packaged gateway it starts (a registry and postcode table
 * for that one municipality, batches of 1,000):
 * <ol>
 * <li><b>Backlog:</b> the municipality's delivery route paused (ops API), --backlog signals sent in
 * REST batches of 1,000, the route resumed; prints signals/s from the resume until the last one
 * arrived (target at least 5,000/s).</li>
 * <li><b>Crisis signals during intake at full speed:</b> REST batches of 1,000 sent as fast as
 * --connections connections go for --seconds, and meanwhile one crisis signal every 200 ms; prints
 * p50, p99 and max from each crisis signal's receipt to its arrival at the municipality (target
 * p99 under 1 s).</li>
 * <li><b>A large backlog beside other municipalities</b> (with --beside N): --others more
 * municipalities get single signals at a steady --rate each, in three phases of --phase seconds:
 * without a backlog, then while N signals wait for the first municipality with its route paused,
 * then while they drain. Prints the others' p50 and p99 from receipt to arrival in each phase and
 * the ratios to the first (point 6 of issue 16: a backlog of one does not slow the others).</li>
 * </ol>
 * --backlog 0 or --seconds 0 leaves out phase 1 or 2; --jar another build of the gateway (side by side); --warm N first delivers
 * N signals to the municipality with its route running (the JIT compiled, as in a gateway that has been running).
 * Before a backlog is resumed the benchmark waits until the audit trail has sealed its intake entries (a backlog that built
 * up while a municipality was away has been sealed long since), and prints how long that took.
 *
 *   mvn -B -DskipTests package
 *   java bench/DeliveryBacklog.java --backlog 100000 --seconds 30          # H2 in a temporary folder
 *   mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt     # PostgreSQL: its driver for the clean-up
 *   java -cp "$(cat target/cp.txt)" bench/DeliveryBacklog.java --db-url jdbc:postgresql://localhost:5432/signaalpoort
 *   java -cp "$(cat target/cp.txt)" bench/DeliveryBacklog.java --backlog 0 --seconds 0 --beside 500000 --others 4 --rate 20 --phase 60 --db-url ...
 * Bounded: --backlog signals, then --seconds of load, then --beside signals and 3 x --phase seconds; it stops the gateway it started (and drops
 * the PostgreSQL schema it made).
 */
public class DeliveryBacklog {

    private static final String CODE = code(0);
    private static final Pattern SIGNAL_ID = Pattern.compile("\"signaalId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern ACCEPTED_ID = Pattern.compile("\"signalId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final char[] PASSWORD = "changeit-dev-only".toCharArray();

    static final Map<String, Long> arrived = new ConcurrentHashMap<>();
    static final AtomicInteger arrivals = new AtomicInteger();
    static final AtomicInteger backlogArrivals = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int backlog = Integer.parseInt(opt.getOrDefault("backlog", "100000"));
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "30"));
        int connections = Integer.parseInt(opt.getOrDefault("connections", "4"));
        String dbUrl = opt.get("db-url");
        String schema = opt.getOrDefault("db-schema", "bench_delivery").replaceAll("[^a-z0-9_]", "");
        int beside = Integer.parseInt(opt.getOrDefault("beside", "0"));
        int others = beside == 0 ? 0 : Integer.parseInt(opt.getOrDefault("others", "4"));
        int rate = Integer.parseInt(opt.getOrDefault("rate", "20"));
        int phase = Integer.parseInt(opt.getOrDefault("phase", "60"));
        int warm = Integer.parseInt(opt.getOrDefault("warm", "0"));

        HttpServer municipality = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        ExecutorService receiving = Executors.newFixedThreadPool(8);
        municipality.setExecutor(receiving);
        municipality.createContext("/signalen", DeliveryBacklog::receive);
        municipality.start();

        Path work = Files.createTempDirectory("delivery-backlog");
        // Backlogstad (GM9801, postcode 9801AB) and the others (GM9802..., postcodes 9802AB...), each by REST in batches of 1,000.
        StringBuilder registryYaml = new StringBuilder("municipalities:\n");
        StringBuilder postcodeCsv = new StringBuilder("postcode;houseNumberFrom;houseNumberTo;municipalityCode\n");
        for (int m = 0; m <= others; m++) {
            registryYaml.append("""
                      - code: %s
                        name: %s
                        oin: "000000990000000098%02d"
                        delivery:
                          type: REST
                          endpoint: http://127.0.0.1:%d/signalen/%s
                          batchSize: 1000
                    """.formatted(code(m), m == 0 ? "Backlogstad" : "Buurstad" + m, m + 1, municipality.getAddress().getPort(), code(m)));
            postcodeCsv.append(postcode(m)).append(";;;").append(code(m)).append('\n');
        }
        Path registry = Files.writeString(work.resolve("municipalities.yaml"), registryYaml);
        Path postcodes = Files.writeString(work.resolve("postcodes.csv"), postcodeCsv);
        int port = freePort();
        int management = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar",
                opt.getOrDefault("jar", "target/signaalpoort-0.1.0-SNAPSHOT.jar"), "--server.port=" + port, "--management.server.port=" + management,
                "--signaalpoort.sftp.enabled=false", "--signaalpoort.files.root=" + work.resolve("files"),
                "--signaalpoort.cluster.file.root=" + work.resolve("cluster"), "--signaalpoort.sftp.host-key=" + work.resolve("host.key"),
                "--signaalpoort.routing.municipalities=file:" + registry, "--signaalpoort.routing.postcode-table=file:" + postcodes,
                "--signaalpoort.rate-limits.standard.requests=1000000", "--logging.level.nl.signaalpoort=WARN",
                "--logging.level.org.apache.camel=WARN"));
        if (opt.containsKey("gateway-jvm")) {
            // e.g. a JFR recording: --gateway-jvm -XX:StartFlightRecording=filename=/tmp/delivery.jfr
            command.addAll(1, List.of(opt.get("gateway-jvm").split(" ")));
        }
        if (dbUrl == null) {
            command.add("--spring.datasource.url=jdbc:h2:file:" + work.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE");
        } else {
            command.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + dbUrl + "?currentSchema=" + schema,
                    "--spring.flyway.schemas=" + schema, "--spring.datasource.username=" + opt.getOrDefault("db-user", "signaalpoort"),
                    "--spring.datasource.password=" + opt.getOrDefault("db-password", "signaalpoort")));
        }
        Process gateway = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("gateway.log").toFile()).start();
        try {
            awaitReady(management, gateway, work);
            HttpClient partner = client("partner-energie");
            HttpClient operator = client("operator");
            String api = "https://localhost:" + port;

            if (warm > 0) {
                warm(partner, operator, api, warm, connections);
            }
            if (backlog > 0) {
                drain(partner, operator, api, backlog, connections);
            }
            if (seconds > 0) {
                crisis(partner, api, seconds, connections);
            }
            if (beside > 0) {
                beside(partner, operator, api, beside, connections, others, rate, phase);
            }
        } finally {
            gateway.destroy();
            gateway.waitFor(60, TimeUnit.SECONDS);
            municipality.stop(0);
            receiving.shutdown();    // its threads would keep this JVM alive after the run
            if (dbUrl != null) {
                try (var db = java.sql.DriverManager.getConnection(dbUrl, opt.getOrDefault("db-user", "signaalpoort"),
                        opt.getOrDefault("db-password", "signaalpoort")); var ddl = db.createStatement()) {
                    ddl.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                } catch (Exception e) {
                    System.out.println("schema " + schema + " not dropped: " + e.getMessage());
                }
            }
        }
    }

    static String code(int m) {
        return "GM98%02d".formatted(m + 1);
    }

    static String postcode(int m) {
        return "98%02dAB".formatted(m + 1);
    }

    /** Phase 1: a backlog built while the route is paused, then drained. */
    static void drain(HttpClient partner, HttpClient operator, String api, int backlog, int connections) throws Exception {
        ops(operator, api + "/ops/v1/routes/deliver-to-" + CODE + "/suspend");
        System.out.printf("backlog: sending %d signals with delivery to %s paused%n", backlog, CODE);
        send(partner, api, "B", backlog / 1000, connections, false);
        awaitSealed(operator, api);
        int before = arrivals.get();
        long resumed = System.nanoTime();
        ops(operator, api + "/ops/v1/routes/deliver-to-" + CODE + "/resume");
        awaitArrivals(before, backlog);
        double drain = (System.nanoTime() - resumed) / 1e9;
        System.out.printf("backlog: %d of %d delivered in %.2f s after the resume = %.0f signals/s%n", arrivals.get() - before,
                backlog, drain, (arrivals.get() - before) / drain);
    }

    /** Before phase 1: signals delivered with the route running, until all arrived, so the delivery path is compiled. */
    static void warm(HttpClient partner, HttpClient operator, String api, int signals, int connections) throws Exception {
        long start = System.nanoTime();
        int before = arrivals.get();
        send(partner, api, "W", signals / 1000, connections, false);
        awaitArrivals(before, signals / 1000 * 1000);
        System.out.printf("warm: %d signals sent and delivered in %.1f s%n", arrivals.get() - before, (System.nanoTime() - start) / 1e9);
        awaitSealed(operator, api);
    }

    /** Waits (at most 10 minutes) until {@code count} more signals than {@code before} have arrived. */
    static void awaitArrivals(int before, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (arrivals.get() - before < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Waits (at most 10 minutes) until the audit trail has no unsealed entries; prints how long. */
    static void awaitSealed(HttpClient operator, String api) throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(10);
        Pattern unsealed = Pattern.compile("\"unsealed\"\\s*:\\s*(\\d+)");
        while (System.nanoTime() < deadline) {
            String body = operator.send(HttpRequest.newBuilder(URI.create(api + "/ops/v1/audit/verify")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = unsealed.matcher(body);
            if (m.find() && m.group(1).equals("0")) {
                System.out.printf("audit trail sealed after %.1f s%n", (System.nanoTime() - start) / 1e9);
                return;
            }
            Thread.sleep(2_000);    // a verify walks the whole chain: not too often
        }
        System.out.println("audit trail not sealed within 10 minutes");
    }

    /** Phase 2: crisis signals while intake runs at full speed. */
    static void crisis(HttpClient partner, String api, int seconds, int connections) throws Exception {
        System.out.printf("crisis: one crisis signal every 200 ms for %d s while %d connections send batches of 1,000%n", seconds,
                connections);
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService load = Executors.newSingleThreadExecutor();
        Future<Integer> loaded = load.submit(() -> {
            int batches = 0;
            while (loading.get()) {
                batches += send(partner, api, "L" + batches, connections, connections, false);
            }
            return batches;
        });
        Map<String, Long> crisisReceipts = new HashMap<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int i = 0; System.nanoTime() < end; i++) {
            long sent = System.nanoTime();
            String body = partner.send(post(api, signals("C" + sent, 1, true)), HttpResponse.BodyHandlers.ofString()).body();
            long receipt = System.nanoTime();
            Matcher m = ACCEPTED_ID.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("crisis signal not accepted: " + body.substring(0, Math.min(200, body.length())));
            }
            crisisReceipts.put(m.group(1), receipt);
            long next = sent + TimeUnit.MILLISECONDS.toNanos(200);
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
        }
        loading.set(false);
        int batches = loaded.get();
        load.shutdown();
        List<Double> latencies = latencies(crisisReceipts);
        System.out.printf("crisis: %d crisis signals during %d batches of intake; receipt to municipality p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                latencies.size(), batches, pct(latencies, 50), pct(latencies, 99), latencies.get(latencies.size() - 1));
    }

    /**
     * Phase 3: the others get single signals at a steady rate, first while Backlogstad's backlog
     * waits (its route paused), then while it drains; prints their latency in both and the ratio.
     */
    static void beside(HttpClient partner, HttpClient operator, String api, int backlog, int connections, int others, int rate, int phase)
            throws Exception {
        System.out.printf("beside: %d others, %d signals/s each, phases of %d s after 20 s to warm up: first without a backlog%n", others, rate, phase);
        steady(partner, api, others, rate, 20, "W");    // warm-up: the JIT, the connections, the pools
        List<Double> none = steady(partner, api, others, rate, phase, "N");
        ops(operator, api + "/ops/v1/routes/deliver-to-" + CODE + "/suspend");
        System.out.printf("beside: sending %d signals for %s with its delivery paused%n", backlog, CODE);
        long start = System.nanoTime();
        send(partner, api, "P", backlog / 1000, connections, false);
        System.out.printf("beside: backlog accepted in %.1f s = %.0f signals/s%n", (System.nanoTime() - start) / 1e9,
                backlog / ((System.nanoTime() - start) / 1e9));
        List<Double> waiting = steady(partner, api, others, rate, phase, "Q");
        int before = backlogArrivals.get();
        long resumed = System.nanoTime();
        ops(operator, api + "/ops/v1/routes/deliver-to-" + CODE + "/resume");
        List<Double> draining = steady(partner, api, others, rate, phase, "R");
        int duringPhase = backlogArrivals.get() - before;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        while (backlogArrivals.get() - before < backlog && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double drain = (System.nanoTime() - resumed) / 1e9;
        System.out.printf("beside: the others, no backlog: %d signals, p50 %.1f ms, p99 %.1f ms%n", none.size(), pct(none, 50),
                pct(none, 99));
        System.out.printf("beside: the others, backlog waiting: %d signals, p50 %.1f ms, p99 %.1f ms%n", waiting.size(), pct(waiting, 50),
                pct(waiting, 99));
        System.out.printf("beside: the others, backlog draining: %d signals, p50 %.1f ms, p99 %.1f ms (%d of the backlog delivered meanwhile)%n",
                draining.size(), pct(draining, 50), pct(draining, 99), duringPhase);
        System.out.printf("beside: p99 against no backlog: waiting %.2f, draining %.2f; the backlog: %d of %d delivered in %.1f s = %.0f signals/s%n",
                pct(waiting, 99) / pct(none, 99), pct(draining, 99) / pct(none, 99), backlogArrivals.get() - before, backlog, drain,
                (backlogArrivals.get() - before) / drain);
    }

    /**
     * Single signals at {@code rate} a second to each of the others for {@code seconds}, one thread
     * each; returns, sorted, each one's milliseconds from receipt to arrival.
     */
    static List<Double> steady(HttpClient partner, String api, int others, int rate, int seconds, String prefix) throws Exception {
        Map<String, Long> receipts = new ConcurrentHashMap<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long interval = 1_000_000_000L / rate;
        List<Thread> threads = new ArrayList<>();
        for (int m = 1; m <= others; m++) {
            int town = m;
            Thread thread = new Thread(() -> {
                long next = System.nanoTime();
                for (int i = 0; System.nanoTime() < end; i++) {
                    try {
                        String body = partner.send(post(api, signals(prefix + town + "-" + i, 1, false, town)),
                                HttpResponse.BodyHandlers.ofString()).body();
                        long receipt = System.nanoTime();
                        Matcher id = ACCEPTED_ID.matcher(body);
                        if (!id.find()) {
                            throw new IllegalStateException("not accepted: " + body.substring(0, Math.min(200, body.length())));
                        }
                        receipts.put(id.group(1), receipt);
                        next += interval;
                        long sleep = next - System.nanoTime();
                        if (sleep > 0) {
                            Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        return latencies(receipts);
    }

    /** Waits (2 minutes at most) for the signals received at these times to arrive; their milliseconds from receipt to arrival, sorted. */
    static List<Double> latencies(Map<String, Long> receipts) throws InterruptedException {
        long wait = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!arrived.keySet().containsAll(receipts.keySet()) && System.nanoTime() < wait) {
            Thread.sleep(20);
        }
        List<Double> latencies = new ArrayList<>();
        receipts.forEach((id, receipt) -> {
            Long at = arrived.get(id);
            latencies.add(at == null ? Double.POSITIVE_INFINITY : (at - receipt) / 1e6);
        });
        Collections.sort(latencies);
        return latencies;
    }
    static void receive(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long now = System.nanoTime();
        boolean backlogstad = exchange.getRequestURI().getPath().endsWith(CODE);
        Matcher m = SIGNAL_ID.matcher(body);
        while (m.find()) {
            if (arrived.putIfAbsent(m.group(1), now) == null) {
                arrivals.incrementAndGet();
                if (backlogstad) {
                    backlogArrivals.incrementAndGet();
                }
            }
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    /** Sends {@code batches} REST batches of 1,000 over {@code connections} threads; returns how many. */
    static int send(HttpClient partner, String api, String prefix, int batches, int connections, boolean crisis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            work.add(pool.submit(() -> {
                for (int b; (b = next.getAndIncrement()) < batches; ) {
                    HttpResponse<String> r = partner.send(post(api, signals(prefix + "-" + b, 1000, crisis)), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200 || !r.body().contains("\"rejected\":0")) {
                        throw new IllegalStateException("batch not accepted whole: " + r.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        return batches;
    }

    static HttpRequest post(String api, String body) {
        return HttpRequest.newBuilder(URI.create(api + "/api/v1/signals")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Every signal is about a resident of its own, as in a real feed: history then finds only what belongs to each. */
    static final AtomicInteger residents = new AtomicInteger();

    static String surname(int resident) {
        StringBuilder name = new StringBuilder("Backlog");
        for (int r = resident; r > 0; r /= 26) {
            name.append((char) ('a' + r % 26));
        }
        return name.toString();
    }

    static String signals(String prefix, int n, boolean crisis) {
        return signals(prefix, n, crisis, 0);
    }

    /** {@code n} signals (an array when more than one) for the municipality {@code m} (0 is Backlogstad). */
    static String signals(String prefix, int n, boolean crisis, int m) {
        LocalDate today = LocalDate.now();
        StringBuilder sb = new StringBuilder(n == 1 ? "" : "[");
        for (int j = 0; j < n; j++) {
            if (j > 0) {
                sb.append(',');
            }
            int resident = residents.incrementAndGet();
            sb.append("""
                    {"reference":"%s-%d","kind":"EARLY","signalDate":"%s","crisis":%s,
                     "debtor":{"initials":"A.","surname":"%s","birthDate":"1980-01-%02d"},
                     "address":{"street":"Damrak","houseNumber":%d,"houseNumberAddition":"%s","postcode":"%s","city":"Backlogstad"},
                     "arrears":{"totalAmount":%d.50,"termsOverdue":2,"remindersSent":2,"oldestDueDate":"%s","newestDueDate":"%s"}}"""
                    .formatted(prefix, j, today.minusDays(1), crisis, surname(resident), 1 + j % 28, 1 + resident % 9999, surname(resident / 9999).substring(7), postcode(m), 60 + j % 500, today.minusDays(70),
                            today.minusDays(40)));
        }
        return n == 1 ? sb.toString() : sb.append(']').toString();
    }

    static void ops(HttpClient operator, String uri) throws Exception {
        HttpResponse<String> r = operator.send(HttpRequest.newBuilder(URI.create(uri)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static void awaitReady(int management, Process gateway, Path work) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("the gateway stopped: " + work.resolve("gateway.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the gateway did not get ready: " + work.resolve("gateway.log"));
    }

    static HttpClient client(String identity) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("certs-dev/" + identity + ".p12"))) {
            keys.load(in, PASSWORD);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("certs-dev/truststore.p12"))) {
            trust.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1).build();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
