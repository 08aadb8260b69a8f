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
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * One municipality down among five (issue 14): does it slow the others' deliveries, and does its
 * backlog drain in order once it is back? Starts five municipal REST endpoints of its own (the
 * JDK's HTTP server) and the packaged gateway (target/signaalpoort-*.jar, on H2 in a temporary
 * folder, a registry and postcode table for the five), then sends signals at a steady rate spread
 * over the five, in phases of the same length in one run:
 *
 *   normal-1   all five answer
 *   down       the fifth accepts the connection and never answers (the worst kind of down: each
 *              call waits for the gateway's time-out) -- or --mode refuse / 503
 *   normal-2   all five again, with the fifth's backlog draining
 *
 * Latency is from the partner's receipt to the municipality's receiving the signal. Prints p50
 * and p99 of the four healthy municipalities per phase, the ratio of the down phase's p99 to the
 * normal phases', and for the fifth how long its backlog took to drain, whether it arrived in the
 * order the signals were accepted, and how many arrived twice.
 *
 *   mvn -B -DskipTests package
 *   java bench/MunicipalityDown.java --phase 60 --rate 40
 */
public class MunicipalityDown {

    private static final String[][] TOWNS = {
            {"GM0363", "Amsterdam", "1012"}, {"GM0344", "Utrecht", "3511"}, {"GM0599", "Rotterdam", "3011"},
            {"GM0518", "Den Haag", "2511"}, {"GM0014", "Groningen", "9711"}};
    private static final Pattern SIGNAL_ID = Pattern.compile("\"signaalId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final char[] PASSWORD = "changeit-dev-only".toCharArray();

    /** A signal the partner had accepted: when, and for which municipality. */
    record Accepted(String signalId, int town, long acceptedNanos, String phase, int sequence) {
    }

    /** A signal a municipality received. */
    record Arrival(String signalId, long nanos) {
    }

    static final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    static final List<List<Arrival>> arrivals = new ArrayList<>();
    static final AtomicBoolean fifthDown = new AtomicBoolean();
    static final AtomicInteger sequence = new AtomicInteger();
    static volatile CountDownLatch release = new CountDownLatch(1);
    static String mode = "hang";

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int phaseSeconds = Integer.parseInt(opt.getOrDefault("phase", "60"));
        int rate = Integer.parseInt(opt.getOrDefault("rate", "40"));
        mode = opt.getOrDefault("mode", "hang");
        Path work = Files.createTempDirectory("municipality-down");

        List<Integer> ports = new ArrayList<>();
        for (int t = 0; t < TOWNS.length; t++) {
            arrivals.add(new CopyOnWriteArrayList<>());
            ports.add(municipality(t));
        }
        Path registry = work.resolve("municipalities.yaml");
        StringBuilder yaml = new StringBuilder("municipalities:\n");
        StringBuilder table = new StringBuilder("postcode;houseNumberFrom;houseNumberTo;municipalityCode\n");
        for (int t = 0; t < TOWNS.length; t++) {
            yaml.append("  - code: ").append(TOWNS[t][0]).append("\n    name: ").append(TOWNS[t][1])
                    .append("\n    oin: \"0000009900000000").append(String.format("%04d", t)).append("\"\n    delivery:\n      type: REST\n")
                    .append("      endpoint: http://127.0.0.1:").append(ports.get(t)).append("/signalen\n      batchSize: 100\n");
            table.append(TOWNS[t][2]).append(";;;").append(TOWNS[t][0]).append('\n');
        }
        Files.writeString(registry, yaml);
        Path postcodes = Files.writeString(work.resolve("postcodes.csv"), table);

        int port = freePort();
        int management = freePort();
        Path jar;
        try (var files = Files.list(Path.of("target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("signaalpoort-.*\\.jar")).findFirst().orElseThrow(
                    () -> new IllegalStateException("run mvn -B -DskipTests package first"));
        }
        Process gateway = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar",
                jar.toString(), "--server.port=" + port, "--management.server.port=" + management, "--signaalpoort.sftp.enabled=false",
                "--signaalpoort.sftp.port=" + freePort(), "--signaalpoort.files.root=" + work.resolve("files"),
                "--signaalpoort.cluster.file.root=" + work.resolve("cluster"), "--signaalpoort.sftp.host-key=" + work.resolve("host.key"),
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--signaalpoort.routing.municipalities=file:" + registry, "--signaalpoort.routing.postcode-table=file:" + postcodes,
                "--logging.level.nl.signaalpoort=WARN", "--logging.level.org.apache.camel=WARN")
                .redirectErrorStream(true).redirectOutput(work.resolve("gateway.log").toFile()).start();
        try {
            awaitReady(management);
            HttpClient partner = HttpClient.newBuilder().sslContext(tls()).connectTimeout(Duration.ofSeconds(5)).build();
            System.out.printf("gateway on %d, five municipalities on %s, %d signals/s, phases of %d s, fifth down by '%s'; log %s%n",
                    port, ports, rate, phaseSeconds, mode, work.resolve("gateway.log"));
            load(partner, port, rate, 10, "warm-up");
            // The warm-up's signals delivered before the measured phases start.
            while (received() < accepted.size()) {
                Thread.sleep(100);
            }
            accepted.clear();
            arrivals.forEach(List::clear);

            load(partner, port, rate, phaseSeconds, "normal-1");
            fifthDown.set(true);
            release = new CountDownLatch(1);
            load(partner, port, rate, phaseSeconds, "down");
            fifthDown.set(false);
            release.countDown();
            long upAt = System.nanoTime();
            load(partner, port, rate, phaseSeconds, "normal-2");

            // Wait for everything to arrive (the fifth's backlog may still wait for a retry).
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (received() < accepted.size() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            report(upAt);
        } finally {
            gateway.destroy();
            gateway.waitFor();
        }
    }

    /** Accepted signals that arrived (each counted once). */
    static int received() {
        return (int) arrivals.stream().flatMap(List::stream).map(Arrival::signalId).filter(accepted::containsKey).distinct().count();
    }

    static void report(long upAt) {
        Map<String, Long> firstArrival = new HashMap<>();
        Map<String, Integer> times = new HashMap<>();
        for (List<Arrival> town : arrivals) {
            for (Arrival a : town) {
                firstArrival.merge(a.signalId(), a.nanos(), Math::min);
                times.merge(a.signalId(), 1, Integer::sum);
            }
        }
        Map<String, List<Double>> byPhase = new HashMap<>();
        for (Accepted a : accepted.values()) {
            Long at = firstArrival.get(a.signalId());
            if (a.town() < TOWNS.length - 1 && at != null) {
                byPhase.computeIfAbsent(a.phase(), p -> new ArrayList<>()).add((at - a.acceptedNanos()) / 1e6);
            }
        }
        System.out.println("phase      healthy four: signals   p50 ms   p99 ms");
        for (String phase : List.of("normal-1", "down", "normal-2")) {
            List<Double> l = byPhase.getOrDefault(phase, List.of());
            System.out.printf("%-10s %20d %8.1f %8.1f%n", phase, l.size(), percentile(l, 50), percentile(l, 99));
        }
        double normal = (percentile(byPhase.get("normal-1"), 99) + percentile(byPhase.get("normal-2"), 99)) / 2;
        System.out.printf("p99 while the fifth was down / p99 normal = %.2f (target at most 1.20)%n",
                percentile(byPhase.get("down"), 99) / normal);

        List<Accepted> fifth = accepted.values().stream().filter(a -> a.town() == TOWNS.length - 1)
                .sorted((x, y) -> Integer.compare(x.sequence(), y.sequence())).toList();
        List<String> order = new ArrayList<>();
        for (Arrival a : arrivals.get(TOWNS.length - 1)) {
            if (accepted.containsKey(a.signalId()) && !order.contains(a.signalId())) {
                order.add(a.signalId());
            }
        }
        List<String> expected = fifth.stream().map(Accepted::signalId).toList();
        long lastOfBacklog = fifth.stream().filter(a -> a.phase().equals("down")).map(a -> firstArrival.get(a.signalId()))
                .filter(x -> x != null).mapToLong(Long::longValue).max().orElse(upAt);
        long twice = times.values().stream().filter(n -> n > 1).count();
        System.out.printf("fifth: %d accepted, %d received, backlog of the down phase drained %.1f s after it came back, "
                        + "in acceptance order: %s, received twice: %d%n", fifth.size(), order.size(), (lastOfBacklog - upAt) / 1e9,
                order.equals(expected), twice);
    }

    static double percentile(List<Double> values, int p) {
        if (values == null || values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /**
     * Sends {@code rate} signals a second for {@code seconds}, spread evenly over the five, one
     * thread per municipality: each municipality's signals are accepted in the order they are sent.
     */
    static void load(HttpClient partner, int port, int rate, int seconds, String phase) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long interval = TOWNS.length * 1_000_000_000L / rate;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < TOWNS.length; t++) {
            int town = t;
            Thread thread = new Thread(() -> {
                long next = System.nanoTime();
                while (System.nanoTime() < end) {
                    try {
                        send(partner, port, town, phase, sequence.getAndIncrement());
                    } catch (Exception e) {
                        System.out.println("send failed: " + e);
                    }
                    next += interval;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        try {
                            Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    static void send(HttpClient partner, int port, int town, String phase, int n) throws Exception {
        LocalDate today = LocalDate.now();
        String reference = "DOWN-" + UUID.randomUUID().toString().substring(0, 18);
        String body = """
                {"reference":"%s","kind":"EARLY","signalDate":"%s",
                 "debtor":{"initials":"j.","surname":"Jansen","birthDate":"1980-04-12"},
                 "address":{"street":"Damrak","houseNumber":12,"postcode":"%sAB","city":"Teststad"},
                 "arrears":{"totalAmount":130.00,"termsOverdue":2,"remindersSent":2,"oldestDueDate":"%s","newestDueDate":"%s"}}"""
                .formatted(reference, today.minusDays(1), TOWNS[town][2], today.minusDays(70), today.minusDays(40));
        HttpResponse<String> response = partner.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/signals"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        long at = System.nanoTime();
        Matcher m = Pattern.compile("\"signalId\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(response.body());
        if (response.statusCode() != 200 || !m.find() || !response.body().contains("ACCEPTED")) {
            throw new IllegalStateException("not accepted: " + response.statusCode() + " " + response.body());
        }
        accepted.put(m.group(1), new Accepted(m.group(1), town, at, phase, n));
    }

    /** A municipal REST endpoint that records what arrives; the fifth can be made to fail. */
    static int municipality(int town) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/signalen", exchange -> handle(exchange, town));
        server.start();
        return server.getAddress().getPort();
    }

    static void handle(HttpExchange exchange, int town) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (town == TOWNS.length - 1 && fifthDown.get()) {
            if (mode.equals("hang")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(mode.equals("refuse") ? 502 : 503, -1);
            exchange.close();
            return;
        }
        long now = System.nanoTime();
        Matcher m = SIGNAL_ID.matcher(body);
        while (m.find()) {
            arrivals.get(town).add(new Arrival(m.group(1), now));
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    static void awaitReady(int management) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("gateway not ready");
    }

    static SSLContext tls() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("certs-dev/truststore.p12"))) {
            trust.load(in, PASSWORD);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("certs-dev/partner-energie.p12"))) {
            keys.load(in, PASSWORD);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ssl;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
