import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * What a Prometheus scrape of the gateway costs: N scrapes of /actuator/prometheus one after
 * another, printing the time per scrape (p50, p99) and the size. The backlog gauges read a
 * snapshot in memory (route ops-gauges refreshes it), so a scrape runs no database query.
 *
 *   java bench/ScrapeCost.java --management-port 9090 --scrapes 500
 * Bounded: exactly --scrapes requests to localhost.
 */
public class ScrapeCost {

    public static void main(String[] args) throws Exception {
        int port = 9090;
        int scrapes = 500;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--management-port")) {
                port = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--scrapes")) {
                scrapes = Integer.parseInt(args[i + 1]);
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build();
        for (int i = 0; i < 50; i++) {
            http.send(scrape, HttpResponse.BodyHandlers.ofString());
        }
        double[] ms = new double[scrapes];
        long bytes = 0;
        int series = 0;
        for (int i = 0; i < scrapes; i++) {
            long start = System.nanoTime();
            String body = http.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
            ms[i] = (System.nanoTime() - start) / 1e6;
            bytes = body.length();
            series = (int) body.lines().filter(l -> !l.startsWith("#")).count();
        }
        Arrays.sort(ms);
        System.out.printf("scrapes: %d, series per scrape: %d, size: %,d bytes%n", scrapes, series, bytes);
        System.out.printf("time per scrape: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n", ms[scrapes / 2], ms[scrapes * 9 / 10],
                ms[scrapes * 99 / 100]);
    }
}
