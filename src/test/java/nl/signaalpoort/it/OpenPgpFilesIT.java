package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import nl.signaalpoort.files.PartnerFiles;
import nl.signaalpoort.intake.sftp.EmbeddedSftpServer;
import nl.signaalpoort.support.Gpg;
import nl.signaalpoort.support.RemoteSftpServer;
import nl.signaalpoort.support.SftpClient;
import nl.signaalpoort.support.SignalCsv;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.StandaloneGateway;
import nl.signaalpoort.support.TestRegistry;
import nl.signaalpoort.support.TlsClient;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Files that leave the gateway, opened by the real GnuPG as the receivers' own tooling would: FILE
 * and SFTP deliveries encrypted to the municipality's registered key and signed by the gateway (no
 * plain copy anywhere), receipts and feedback files signed for every partner and encrypted for a
 * partner that registered {@code returnFiles: ENCRYPTED}.
 */
class OpenPgpFilesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GATEWAY = "Signaalpoort gateway DEV ONLY <gateway@dev.signaalpoort.invalid>";
    private static final String AMSTERDAM_KEY = "certs-dev/pgp-gemeente-amsterdam.pub.asc";

    @Test
    void deliveriesReceiptsAndFeedbackFilesLeaveSignedAndEncrypted() throws Exception {
        Gpg gpg = Gpg.withDevKeys();
        try (RemoteSftpServer sftp = new RemoteSftpServer()) {
            Path drop = Files.createTempDirectory("pgp-drop");
            Path municipalities = Files.createTempFile("pgp-municipalities", ".yaml");
            // Both test municipalities use the one development key certs-dev has for a municipality.
            Files.writeString(municipalities, """
                    municipalities:
                      - code: GM0363
                        name: Amsterdam
                        oin: "00000099000000000363"
                        delivery: {type: FILE, endpoint: "%1$s", openPgpKey: %4$s}
                      - code: GM0344
                        name: Utrecht
                        oin: "00000099000000000344"
                        delivery:
                          type: SFTP
                          endpoint: sftp://127.0.0.1:%2$d/signalen
                          sftp: {username: signaalpoort, privateKey: certs-dev/gateway-ssh, knownHosts: "%3$s"}
                          openPgpKey: %4$s
                    """.formatted(drop, sftp.port(), sftp.knownHosts(), AMSTERDAM_KEY));
            Path partners = TestRegistry.partners("""
                    partners:
                      - id: demo-energie
                        name: Demo Energie
                        oin: "00000099000000000101"
                        sector: ENERGY
                        sftp: {authorizedKeys: certs-dev/partner-energie-ssh.pub}
                        pgp: {signingKey: certs-dev/pgp-partner-energie.pub.asc, signature: OPTIONAL, returnFiles: ENCRYPTED}
                      # demo-zorg's certificates and keys, as a second energy company here (its rows are the same CSV).
                      - id: demo-zorg
                        name: Demo Tweede Energie
                        oin: "00000099000000000102"
                        sector: ENERGY
                        sftp: {authorizedKeys: certs-dev/partner-zorg-ssh.pub}
                        pgp: {signingKey: certs-dev/pgp-partner-zorg.pub.asc, signature: REQUIRED}
                    """);
            StandaloneGateway gateway = new StandaloneGateway("openpgp_files_it")
                    .with("signaalpoort.routing.municipalities", "file:" + municipalities)
                    .with("signaalpoort.partners.registry", "file:" + partners)
                    .with("signaalpoort.feedback.files.interval", "PT0.3S");
            PartnerFiles files = gateway.files();
            try (ConfigurableApplicationContext app = gateway.start()) {
                int port = StandaloneGateway.port(app);
                int sftpPort = app.getBean(EmbeddedSftpServer.class).port();

                // Demo Energie uploads a plain CSV: one signal for Amsterdam (FILE), one for Utrecht (SFTP).
                String amsterdamRef = SignalJson.uniqueReference("PGPA");
                String utrechtRef = SignalJson.uniqueReference("PGPU");
                Path csv = Files.createTempFile("batch", ".csv");
                Files.writeString(csv, SignalCsv.HEADER + "\n" + SignalCsv.row(amsterdamRef, "1012LG", "130.00") + "\n"
                        + SignalCsv.row(utrechtRef, "3511AB", "130.00") + "\n");
                upload("partner-energie", "demo-energie", sftpPort, csv, "maart.csv");

                // Its receipt is one OpenPGP message for its key, signed by the gateway; no plain receipt.
                Path sealedReceipt = files.outbox("demo-energie").resolve("maart.csv.receipt.csv.pgp");
                await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(sealedReceipt));
                assertThat(files.outbox("demo-energie").resolve("maart.csv.receipt.csv")).doesNotExist();
                Path receipt = Files.createTempFile("receipt", ".csv");
                assertThat(gpg.decryptSigned(sealedReceipt, receipt)).isEqualTo(GATEWAY);
                List<String> rows = Files.readAllLines(receipt);
                assertThat(rows).anyMatch(r -> r.startsWith("2;" + amsterdamRef + ";ACCEPTED;"))
                        .anyMatch(r -> r.startsWith("3;" + utrechtRef + ";ACCEPTED;"));
                String amsterdamId = signalId(rows, amsterdamRef);
                String utrechtId = signalId(rows, utrechtRef);

                // FILE: <signalId>.json.pgp only, unreadable without Amsterdam's key, signed by the gateway.
                Path delivered = drop.resolve(amsterdamId + ".json.pgp");
                await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(delivered));
                assertOnlySealed(drop);
                assertThat(opened(gpg, delivered).get("signaalId").asText()).isEqualTo(amsterdamId);
                assertThat(opened(gpg, delivered).at("/persoon/achternaam").asText()).isEqualTo("Jansen");

                // SFTP: the same on the municipality's own server.
                Path pushed = sftp.root().resolve("signalen").resolve(utrechtId + ".json.pgp");
                await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(pushed));
                assertOnlySealed(pushed.getParent());
                assertThat(opened(gpg, pushed).get("signaalId").asText()).isEqualTo(utrechtId);

                // Amsterdam reports; Demo Energie's feedback file comes encrypted too.
                assertThat(TlsClient.as("gemeente-amsterdam", port).postJson("/api/v1/outcomes",
                        "{\"signalId\":\"" + amsterdamId + "\",\"outcome\":\"NO_HELP_WANTED\"}").statusCode()).isEqualTo(201);
                Path sealedFeedback = await().atMost(Duration.ofSeconds(15)).until(() -> only(files.outbox("demo-energie"), "feedback-"),
                        p -> p != null);
                assertThat(sealedFeedback.getFileName().toString()).endsWith(".csv.pgp");
                Path feedback = Files.createTempFile("feedback", ".csv");
                assertThat(gpg.decryptSigned(sealedFeedback, feedback)).isEqualTo(GATEWAY);
                assertThat(Files.readString(feedback)).contains(amsterdamId + ";" + amsterdamRef + ";NOT_REACHED_OR_DECLINED");

                // Demo Zorg registered no encryption of its return files: its receipt is plain, with the gateway's signature beside it.
                String zorgRef = SignalJson.uniqueReference("PGPZ");
                Path zorgCsv = Files.createTempFile("zorg", ".csv");
                Files.writeString(zorgCsv, SignalCsv.HEADER + "\n" + SignalCsv.row(zorgRef, "1012LG", "130.00") + "\n");
                Path zorgFile = Files.createTempFile("zorg", ".csv.pgp");
                gpg.encrypt(zorgCsv, zorgFile, "gateway", "partner-zorg", false);
                upload("partner-zorg", "demo-zorg", sftpPort, zorgFile, "april.csv.pgp");
                Path zorgReceipt = files.outbox("demo-zorg").resolve("april.csv.pgp.receipt.csv");
                await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(zorgReceipt));
                Path zorgSignature = files.outbox("demo-zorg").resolve("april.csv.pgp.receipt.csv.sig");
                assertThat(zorgSignature).exists();
                assertThat(gpg.verifyDetached(zorgSignature, zorgReceipt)).isEqualTo(GATEWAY);
                assertThat(Files.readString(zorgReceipt)).contains(zorgRef + ";ACCEPTED;");
            }
        }
    }

    private static void upload(String key, String user, int port, Path file, String name) throws Exception {
        SftpClient.Result upload = SftpClient.run(key, user, port,
                "put " + file + " inbox/" + name + ".part\nrename inbox/" + name + ".part inbox/" + name + "\n");
        assertThat(upload.exitCode()).as(upload.output()).isZero();
    }

    private static String signalId(List<String> receiptRows, String reference) {
        // reference;status;signalId;... (contracts/batch/csv-format.md, "Receipts")
        return receiptRows.stream().filter(r -> r.contains(";" + reference + ";")).findFirst().orElseThrow().split(";")[3];
    }

    private static JsonNode opened(Gpg gpg, Path message) throws Exception {
        Path plain = Files.createTempFile("opened", ".json");
        assertThat(gpg.decryptSigned(message, plain)).isEqualTo(GATEWAY);
        return JSON.readTree(plain.toFile());
    }

    /** Every file in the folder is an OpenPGP message whose bytes do not show the resident. */
    private static void assertOnlySealed(Path folder) throws Exception {
        try (Stream<Path> all = Files.list(folder)) {
            for (Path file : all.toList()) {
                assertThat(file.getFileName().toString()).endsWith(".json.pgp");
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("Jansen").doesNotContain("Damrak");
            }
        }
    }

    private static Path only(Path folder, String prefix) throws Exception {
        try (Stream<Path> all = Files.list(folder)) {
            return all.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
        }
    }
}
