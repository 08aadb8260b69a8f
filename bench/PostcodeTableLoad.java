import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.time.Clock;
import java.time.LocalDate;
import nl.signaalpoort.routing.PostcodeTable;
import nl.signaalpoort.routing.PostcodeTables;
import nl.signaalpoort.routing.RoutingProperties;
import org.springframework.core.io.ByteArrayResource;

/**
 * The postcode table at national size (issue 17): generates a table of ROWS PC6 postcodes (the CBS
 * table has about 460,000) over 342 municipality codes, with one postcode in 200 split by house-number
 * range, loads it as the gateway does (PostcodeTable.read: parsed and checked whole), and prints the
 * load time, the heap it holds, and the look-up time per signal, side by side in the same run: the
 * shipped 48-line table, and the national table straight (the look-up before versions) and through
 * PostcodeTables (the version in force today, taken once per 1,000 signals as intake takes it per chunk).
 *
 *   mvn -B -q -DskipTests package && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -Xmx256m -cp "target/classes:$(cat target/cp.txt)" bench/PostcodeTableLoad.java 460000
 * Bounded: one table, 5 loads, 5 rounds of 10,000,000 look-ups of each kind.
 */
public class PostcodeTableLoad {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 460_000;
        Random random = new Random(17);
        StringBuilder csv = new StringBuilder("postcode;houseNumberFrom;houseNumberTo;municipalityCode\n");
        List<String> postcodes = new ArrayList<>(rows);
        outer:
        for (int pc4 = 1000; pc4 <= 9999; pc4++) {
            for (char a = 'A'; a <= 'Z'; a++) {
                for (char b = 'A'; b <= 'Z'; b++) {
                    if (postcodes.size() == rows) {
                        break outer;
                    }
                    String pc6 = "" + pc4 + a + b;
                    String code = String.format("GM%04d", 1 + random.nextInt(342));
                    if (postcodes.size() % 200 == 0) {
                        csv.append(pc6).append(";1;99;").append(code).append('\n').append(pc6).append(";100;999;GM0344\n");
                    } else {
                        csv.append(pc6).append(";;;").append(code).append('\n');
                    }
                    postcodes.add(pc6);
                }
            }
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        System.out.printf("table: %d postcodes, %.1f MB of CSV%n", postcodes.size(), bytes.length / 1e6);

        long heapBefore = usedHeap();
        PostcodeTable table = null;
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            table = null;
            long t0 = System.nanoTime();
            table = PostcodeTable.read(new ByteArrayInputStream(bytes), "generated");
            fastest = Math.min(fastest, System.nanoTime() - t0);
        }
        long held = usedHeap() - heapBefore;
        System.out.printf("load: best of 5 %.0f ms (%d rows); heap held by the table %.0f MB%n", fastest / 1e6, table.size(), held / 1e6);

        PostcodeTable shipped;
        try (InputStream in = Files.newInputStream(Path.of("routes/postcode-municipality.csv"))) {
            shipped = PostcodeTable.read(in, "shipped");
        }
        String[] shippedKeys = {"1012LG", "3511AB", "3012AB", "1091XY", "3454XA"};
        String[] nationalKeys = new String[4096];
        for (int i = 0; i < nationalKeys.length; i++) {
            nationalKeys[i] = postcodes.get(random.nextInt(postcodes.size()));
        }
        PostcodeTables versions = new PostcodeTables(new RoutingProperties(null, new ByteArrayResource(bytes)), Clock.systemUTC());
        versions.install(LocalDate.now().plusDays(1), "next", table);
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int round = 0; round < 5; round++) {
            best[0] = Math.min(best[0], lookups(shipped, shippedKeys));
            best[1] = Math.min(best[1], lookups(table, nationalKeys));
            best[2] = Math.min(best[2], lookups(versions, nationalKeys));
        }
        System.out.printf("look-up, best of 5 rounds of 10,000,000: shipped 48-line table %.1f ns; national table straight %.1f ns, "
                + "by the version in force (taken per 1,000) %.1f ns%n", best[0], best[1], best[2]);
    }

    // Two methods with direct calls, not one over an interface: a call site shared by three kinds of
    // look-up stops being inlined, which would measure the JIT instead of the look-ups.
    private static double lookups(PostcodeTables versions, String[] keys) {
        int n = 10_000_000;
        int found = 0;
        long t0 = System.nanoTime();
        PostcodeTable table = null;
        for (int i = 0; i < n; i++) {
            if (i % 1_000 == 0) {
                table = versions.inForceToday();   // as intake does: once per request or chunk of a file
            }
            found += table.municipalityCode(keys[i % keys.length], 1 + i % 500).isPresent() ? 1 : 0;
        }
        double ns = (System.nanoTime() - t0) / (double) n;
        if (found == 0) {
            throw new IllegalStateException("nothing found");
        }
        return ns;
    }

    private static double lookups(PostcodeTable table, String[] keys) {
        int n = 10_000_000;
        int found = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            found += table.municipalityCode(keys[i % keys.length], 1 + i % 500).isPresent() ? 1 : 0;
        }
        double ns = (System.nanoTime() - t0) / (double) n;
        if (found == 0) {
            throw new IllegalStateException("nothing found");
        }
        return ns;
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
