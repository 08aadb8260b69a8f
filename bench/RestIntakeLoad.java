import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.w3c.dom.Document;

/**
 * Load driver for the REST intake (and, with --channel soap, the SOAP intake in its 2W-be profile:
 * the same signals in submitSignals envelopes with WS-Addressing; with --channel soap-signed, 2W-be-S:
 * each envelope also carries a WS-Security timestamp and an X.509 signature, made by WSS4J as the
 * partner Demo Zorgverzekeraar, whose registry entry requires it): N connections send single
 * signals or batches over mutual TLS as the partner Demo Energie, then waits until the gateway reports every accepted signal
 * delivered (from its own Prometheus counter). Prints throughput and latency percentiles (a
 * request's latency is from sending it, its signing is not included).
 *
 * Run from the project root against a running gateway, with the gateway's classpath (WSS4J):
 *   mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp "$(cat target/cp.txt)" bench/RestIntakeLoad.java --connections 8 --requests 4000 --batch 1
 *   java -cp "$(cat target/cp.txt)" bench/RestIntakeLoad.java --connections 4 --requests 40 --batch 1000
 *   add --drain false when delivery is paused, to measure intake alone
 *   java -cp "$(cat target/cp.txt)" bench/RestIntakeLoad.java --channel soap --connections 8 --requests 4000 --batch 1
 * Bounded: it sends exactly --requests requests to localhost and stops.
 */
public class RestIntakeLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        int port = Integer.parseInt(opt.getOrDefault("port", "8443"));
        int managementPort = Integer.parseInt(opt.getOrDefault("management-port", "9090"));
        int connections = Integer.parseInt(opt.getOrDefault("connections", "8"));
        int requests = Integer.parseInt(opt.getOrDefault("requests", "2000"));
        int batch = Integer.parseInt(opt.getOrDefault("batch", "1"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", String.valueOf(Math.max(connections * 10, requests / 10))));
        String run = UUID.randomUUID().toString().substring(0, 8);

        String channelName = opt.getOrDefault("channel", "rest");
        boolean soap = channelName.startsWith("soap");
        URI uri = URI.create("https://localhost:" + port + (soap ? "/soap/v1" : "/api/v1/signals"));
        channel = switch (channelName) {
            case "rest" -> new Rest();
            case "soap" -> new Soap(uri);
            case "soap-signed" -> new SignedSoap(uri, "partner-zorg");
            default -> throw new IllegalArgumentException("--channel rest | soap | soap-signed");
        };
        HttpClient[] clients = new HttpClient[connections];
        for (int i = 0; i < connections; i++) {
            // One client per connection: the JDK client would otherwise multiplex over few connections.
            clients[i] = HttpClient.newBuilder().sslContext(ssl(channel.identity())).version(HttpClient.Version.HTTP_1_1).build();
        }

        System.out.printf("warm-up: %d requests%n", warmup);
        drive(clients, uri, "W" + run, warmup, batch);
        boolean drain = !"false".equals(opt.get("drain"));
        double deliveredBefore = drain ? delivered(managementPort) : 0;

        System.out.printf("measuring: %d requests x %d signals over %d connections%n", requests, batch, connections);
        long start = System.nanoTime();
        long[] latencies = drive(clients, uri, "M" + run, requests, batch);
        double seconds = (System.nanoTime() - start) / 1e9;
        long signals = (long) requests * batch;

        Arrays.sort(latencies);
        System.out.printf("requests/s: %.0f%n", requests / seconds);
        System.out.printf("signals/s:  %.0f%n", signals / seconds);
        System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies[latencies.length - 1] / 1e6);

        if (!drain) {
            return;
        }
        long drainStart = System.nanoTime();
        double target = deliveredBefore + signals;
        double now = deliveredBefore;
        while (now < target && System.nanoTime() - drainStart < 120_000_000_000L) {
            Thread.sleep(50);
            now = delivered(managementPort);
        }
        double drained = (System.nanoTime() - start) / 1e9;
        System.out.printf("delivered: %.0f of %d signals; all delivered %.2f s after the first request (%.0f signals/s end to end)%n",
                now - deliveredBefore, signals, drained, (now - deliveredBefore) / drained);
    }

    private static long[] drive(HttpClient[] clients, URI uri, String prefix, int requests, int batch) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[requests];
        ExecutorService pool = Executors.newFixedThreadPool(clients.length);
        List<Future<?>> work = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        for (HttpClient client : clients) {
            work.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    HttpRequest request = channel.request(uri, prefix, i, batch);
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200 || !channel.allAccepted(r.body())) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        if (failures.get() > 0) {
            System.out.printf("FAILED requests: %d%n", failures.get());
        }
        return latencies;
    }

    static Channel channel;

    /** What differs between REST and SOAP: the request, and how the answer says every signal was accepted. */
    interface Channel {
        HttpRequest request(URI uri, String prefix, int request, int batch);

        boolean allAccepted(String answer);

        /** The partner whose client certificate ({@code certs-dev/<identity>.p12}) the connections present. */
        default String identity() {
            return "partner-energie";
        }
    }

    static final class Rest implements Channel {
        public HttpRequest request(URI uri, String prefix, int request, int batch) {
            return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(prefix, request, batch))).build();
        }

        public boolean allAccepted(String answer) {
            return answer.contains("\"rejected\":0");
        }
    }

    /** 2W-be: mutual TLS and WS-Addressing, no WS-Security signature (docs/soap.md). */
    static class Soap implements Channel {
        private static final Pattern REJECTED = Pattern.compile("rejected>0<");
        private final URI uri;

        Soap(URI uri) {
            this.uri = uri;
        }

        /** The whole euros of signal {@code j}'s arrears (above every sector's minimum from 60). */
        int amount(int j) {
            return 60 + j % 500;
        }

        /** Further arrears elements a sector asks for. */
        String premium(int amount) {
            return "";
        }

        public HttpRequest request(URI ignored, String prefix, int request, int batch) {
            return HttpRequest.newBuilder(uri).header("Content-Type", "text/xml; charset=UTF-8")
                    .header("SOAPAction", "\"urn:signaalpoort:soap:v1:submitSignals\"")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope(prefix, request, batch))).build();
        }

        String envelope(String prefix, int request, int batch) {
            LocalDate today = LocalDate.now();
            StringBuilder sb = new StringBuilder("""
                    <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsa="http://www.w3.org/2005/08/addressing">
                    <soap:Header><wsa:MessageID>urn:uuid:%s</wsa:MessageID><wsa:To>%s</wsa:To>
                    <wsa:Action>urn:signaalpoort:soap:v1:submitSignals</wsa:Action></soap:Header>
                    <soap:Body><submitSignals xmlns="urn:signaalpoort:soap:v1">""".formatted(UUID.randomUUID(), uri));
            for (int j = 0; j < batch; j++) {
                int n = request * 1_000 + j;
                sb.append("""
                        <signal><reference xmlns="urn:signaalpoort:batch:v1">%s-%d-%d</reference>                        <kind xmlns="urn:signaalpoort:batch:v1">EARLY</kind><signalDate xmlns="urn:signaalpoort:batch:v1">%s</signalDate>                        <debtor xmlns="urn:signaalpoort:batch:v1"><initials>A.B.</initials><surname>de %s</surname><birthDate>1980-01-%02d</birthDate></debtor>                        <address xmlns="urn:signaalpoort:batch:v1"><street>Damrak</street><houseNumber>%d</houseNumber><postcode>%s</postcode><city>Amsterdam</city></address>                        <contact xmlns="urn:signaalpoort:batch:v1"><phone>06 1234%04d</phone><email>bench%d@example.nl</email></contact>                        <arrears xmlns="urn:signaalpoort:batch:v1"><totalAmount>%d.50</totalAmount><termsOverdue>2</termsOverdue><remindersSent>2</remindersSent>                        <oldestDueDate>%s</oldestDueDate><newestDueDate>%s</newestDueDate>%s</arrears></signal>"""
                        .formatted(prefix, request, j, today.minusDays(1), surname(n), 1 + j % 28, 1 + n % 99_999,
                                j % 2 == 0 ? "1012LG" : "3511AB", j % 10000, j, amount(j), today.minusDays(70), today.minusDays(40),
                                premium(amount(j))));
            }
            return sb.append("</submitSignals></soap:Body></soap:Envelope>").toString();
        }

        public boolean allAccepted(String answer) {
            return REJECTED.matcher(answer).find();
        }
    }

    /**
     * 2W-be-S: the 2W-be envelope with a WS-Security timestamp and an X.509 signature (direct
     * reference) over body, timestamp and the WS-Addressing headers (docs/soap.md), by WSS4J.
     */
    static final class SignedSoap extends Soap {
        private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
        private static final String WSA_NS = "http://www.w3.org/2005/08/addressing";
        private final String identity;
        private final Merlin crypto = new Merlin();

        SignedSoap(URI uri, String identity) {
            super(uri);
            this.identity = identity;
            WSSConfig.init();
            try (InputStream in = Files.newInputStream(Path.of("certs-dev", identity + ".p12"))) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(in, PASSWORD);
                crypto.setKeyStore(keys);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String identity() {
            return identity;
        }

        // A health insurer's signals: at least EUR 75, all of it premium (the sector's rules, application.yaml).
        @Override
        int amount(int j) {
            return 80 + j % 480;
        }

        @Override
        String premium(int amount) {
            return "<premiumAmount>" + amount + ".50</premiumAmount>";
        }

        @Override
        String envelope(String prefix, int request, int batch) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                Document document = factory.newDocumentBuilder()
                        .parse(new org.xml.sax.InputSource(new java.io.StringReader(super.envelope(prefix, request, batch))));
                WSSecHeader header = new WSSecHeader(document);
                header.insertSecurityHeader();
                WSSecTimestamp timestamp = new WSSecTimestamp(header);
                timestamp.setTimeToLive(300);
                timestamp.build();
                WSSecSignature signature = new WSSecSignature(header);
                signature.setUserInfo(identity, new String(PASSWORD));
                signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
                for (String[] part : List.of(new String[] {"Body", SOAP_NS}, new String[] {"Timestamp", WSConstants.WSU_NS},
                        new String[] {"MessageID", WSA_NS}, new String[] {"To", WSA_NS}, new String[] {"Action", WSA_NS})) {
                    signature.getParts().add(new WSEncryptionPart(part[0], part[1], ""));
                }
                signature.build(crypto);
                java.io.StringWriter out = new java.io.StringWriter();
                TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
                return out.toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String body(String prefix, int request, int batch) {
        StringBuilder sb = new StringBuilder(batch == 1 ? "" : "[");
        LocalDate today = LocalDate.now();
        for (int j = 0; j < batch; j++) {
            if (j > 0) {
                sb.append(',');
            }
            sb.append("""
                    {"reference":"%s-%d-%d","kind":"EARLY","signalDate":"%s",
                     "debtor":{"initials":"A.B.","surname":"de %s","birthDate":"1980-01-%02d"},
                     "address":{"street":"Damrak","houseNumber":%d,"postcode":"%s","city":"Amsterdam"},
                     "contact":{"phone":"06 1234%04d","email":"bench%d@example.nl"},
                     "arrears":{"totalAmount":%d.50,"termsOverdue":2,"remindersSent":2,
                                "oldestDueDate":"%s","newestDueDate":"%s"}}"""
                    .formatted(prefix, request, j, today.minusDays(1), surname(request * 1_000 + j), 1 + j % 28,
                            1 + (request * 1_000 + j) % 99_999, j % 2 == 0 ? "1012LG" : "3511AB", j % 10000, j, 60 + j % 500,
                            today.minusDays(70), today.minusDays(40)));
        }
        return batch == 1 ? sb.toString() : sb.append(']').toString();
    }

    /** A distinct letters-only surname per signal number, so people and addresses look like real data (few repeats). */
    private static String surname(int n) {
        StringBuilder name = new StringBuilder("B");
        do {
            name.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return name.toString();
    }

    private static double delivered(int managementPort) throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("signaalpoort_delivery_signals_total\\{[^}]*result=\"delivered\"[^}]*\\} ([0-9.E]+)").matcher(text);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static final char[] PASSWORD = "changeit-dev-only".toCharArray();

    private static SSLContext ssl(String identity) throws Exception {
        char[] password = PASSWORD;
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("certs-dev", identity + ".p12"))) {
            keys.load(in, password);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("certs-dev/truststore.p12"))) {
            trust.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ssl;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return opt;
    }
}
