package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.signaalpoort.files.FilesProperties;
import nl.signaalpoort.files.PartnerFiles;
import nl.signaalpoort.support.SftpClient;
import nl.signaalpoort.support.StandaloneGateway;
import org.junit.jupiter.api.Test;

/**
 * A 1,000,000-row batch file through the real SFTP channel into the packaged gateway running in a
 * JVM of its own with a 256 MB heap, which it must not outgrow: memory stays flat whatever the
 * file's size (the JVM exits on OutOfMemoryError, and then no receipt ever comes).
 */
class MillionRowFileIT {

    private static final int ROWS = 1_000_000;

    @Test
    void aMillionRowsWithA256MegabyteHeap() throws Exception {
        int sftpPort = freePort();
        int managementPort = freePort();
        Path root = Files.createTempDirectory("million-files").resolve("files");
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-jar", "target/signaalpoort-0.1.0-SNAPSHOT.jar"));
        List<String> own = List.of("--management.server.port=" + managementPort, "--signaalpoort.sftp.port=" + sftpPort,
                "--signaalpoort.files.root=" + root, "--signaalpoort.sftp.host-key=" + root.resolveSibling("host.key"),
                "--signaalpoort.delivery.poll-interval=PT1H", "--logging.level.root=WARN");
        // Spring joins a property given twice; this test's own values replace the standalone defaults.
        new StandaloneGateway("million_rows_it").arguments().stream()
                .filter(arg -> own.stream().noneMatch(o -> o.substring(0, o.indexOf('=')).equals(arg.substring(0, arg.indexOf('=')))))
                .forEach(command::add);
        command.addAll(own);
        Path log = Files.createTempFile("million", ".log");
        Process gateway = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> ready(managementPort));
            Path csv = millionRows();

            sftp(sftpPort, "put " + csv + " inbox/million.csv.part\nrename inbox/million.csv.part inbox/million.csv\n");

            Path receipt = new PartnerFiles(new FilesProperties(root)).outbox("demo-energie").resolve("million.csv.receipt.csv");
            await().atMost(Duration.ofMinutes(12)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> Files.exists(receipt) || !gateway.isAlive());
            assertThat(gateway.isAlive()).as("the gateway ran out of its 256 MB heap; log %s", log).isTrue();
            try (Stream<String> lines = Files.lines(receipt, StandardCharsets.UTF_8)) {
                assertThat(lines.count()).isEqualTo(ROWS + 2);
            }
            assertThat(lastLine(receipt)).isEqualTo("TOTAL;;accepted=" + ROWS + ";rejected=0;;;;");
            Files.delete(csv);
        } finally {
            gateway.destroy();
            gateway.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static Path millionRows() throws IOException {
        Path file = Files.createTempFile("million", ".csv");
        LocalDate today = LocalDate.now();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String rest = ";EARLY;" + today.minusDays(1) + ";A.;%s;1980-01-%02d;Damrak;%d;%s;Amsterdam;%d.50;2;2;"
                + today.minusDays(70) + ";" + today.minusDays(40) + "\n";
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("reference;kind;signalDate;initials;surname;birthDate;street;houseNumber;postcode;city;totalAmount;"
                    + "termsOverdue;remindersSent;oldestDueDate;newestDueDate\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("M" + run + "-" + i + rest.formatted(surname(i), 1 + i % 28, 1 + i % 99_999,
                        i % 2 == 0 ? "1012LG" : "3511AB", 60 + i % 500));
            }
        }
        return file;
    }

    private static String surname(int n) {
        StringBuilder name = new StringBuilder("B");
        do {
            name.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return name.toString();
    }

    private static void sftp(int port, String commands) throws Exception {
        SftpClient.Result result = SftpClient.run("partner-energie", "demo-energie", port, commands);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static boolean ready(int managementPort) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                    + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String lastLine(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.reduce((a, b) -> b).orElse("");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
