package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import nl.signaalpoort.files.PartnerFiles;
import nl.signaalpoort.intake.sftp.EmbeddedSftpServer;
import nl.signaalpoort.support.SftpClient;
import nl.signaalpoort.support.SignalCsv;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TestRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One partner's large file does not hold up another partner's small one: each partner's inbox is
 * read by a route of its own, over the real OpenSSH client.
 */
class FairFileIntakeIT {

    private static final int LARGE = 20_000;

    @Test
    void aSmallFileIsAnsweredWhileAnotherPartnersLargeFileIsStillBeingRead() throws Exception {
        Path partners = TestRegistry.partners("""
                partners:
                  - {id: demo-energie, name: Demo Energie, oin: "00000099000000000101", sector: ENERGY,
                     sftp: {authorizedKeys: certs-dev/partner-energie-ssh.pub}}
                  - {id: demo-zorg, name: Demo Tweede, oin: "00000099000000000102", sector: ENERGY,
                     sftp: {authorizedKeys: certs-dev/partner-zorg-ssh.pub}}
                """);
        // Rotterdam takes its signals daily: nothing is delivered while the test runs, so intake alone is measured.
        Path municipalities = Files.createTempFile("fair-municipalities", ".yaml");
        Files.writeString(municipalities, """
                municipalities:
                  - {code: GM0599, name: Rotterdam, oin: "00000099000000000599",
                     delivery: {type: FILE, endpoint: "%s", timing: DAILY, dailyAt: "06:00"}}
                """.formatted(Files.createTempDirectory("fair-drop")));
        StandaloneGateway gateway = new StandaloneGateway("fair_intake_it")
                .with("signaalpoort.partners.registry", "file:" + partners)
                .with("signaalpoort.routing.municipalities", "file:" + municipalities);
        PartnerFiles files = gateway.files();
        try (ConfigurableApplicationContext app = gateway.start()) {
            int port = app.getBean(EmbeddedSftpServer.class).port();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String prefix = SignalJson.uniqueReference("BIG");

            upload("partner-energie", "demo-energie", port, largeFile(prefix), "groot.csv");
            // Its first chunks are stored: the large file is being read now.
            await().atMost(Duration.ofSeconds(60)).until(() -> stored(jdbc, prefix) > 0);

            String small = SignalJson.uniqueReference("SMALL");
            Path smallFile = Files.createTempFile("small", ".csv");
            Files.writeString(smallFile, SignalCsv.HEADER + "\n" + SignalCsv.row(small, "3011AA", "130.00") + "\n");
            upload("partner-zorg", "demo-zorg", port, smallFile, "klein.csv");

            Path smallReceipt = files.outbox("demo-zorg").resolve("klein.csv.receipt.csv");
            Path largeReceipt = files.outbox("demo-energie").resolve("groot.csv.receipt.csv");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(smallReceipt));
            assertThat(largeReceipt).as("the large file is still being read when the small one is answered").doesNotExist();
            assertThat(stored(jdbc, prefix)).isLessThan(LARGE);
            assertThat(Files.readString(smallReceipt)).contains(small + ";ACCEPTED;");

            await().atMost(Duration.ofMinutes(3)).until(() -> Files.exists(largeReceipt));
            assertThat(Files.readString(largeReceipt)).contains("TOTAL;;accepted=" + LARGE + ";rejected=0;");
        }
    }

    /** Rows of as many residents (house number and birth date vary), all for Rotterdam. */
    private static Path largeFile(String prefix) throws Exception {
        Path file = Files.createTempFile("large", ".csv");
        LocalDate born = LocalDate.of(1950, 1, 1);
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write(SignalCsv.HEADER + "\n");
            for (int i = 0; i < LARGE; i++) {
                out.write(SignalCsv.row(prefix + "-" + i, "3011AA", "130.00")
                        .replace(";1980-04-12;Damrak;12;", ";" + born.plusDays(i) + ";Coolsingel;" + (1 + i % 400) + ";") + "\n");
            }
        }
        return file;
    }

    private static void upload(String key, String user, int port, Path file, String name) throws Exception {
        SftpClient.Result upload = SftpClient.run(key, user, port,
                "put " + file + " inbox/" + name + ".part\nrename inbox/" + name + ".part inbox/" + name + "\n");
        assertThat(upload.exitCode()).as(upload.output()).isZero();
    }

    private static int stored(JdbcTemplate jdbc, String prefix) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM signals WHERE reference LIKE ?", Integer.class, prefix + "-%");
        return n == null ? 0 : n;
    }
}
