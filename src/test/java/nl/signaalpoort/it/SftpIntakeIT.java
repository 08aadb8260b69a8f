package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import nl.signaalpoort.intake.sftp.EmbeddedSftpServer;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.Gpg;
import nl.signaalpoort.support.SftpClient;
import nl.signaalpoort.support.SignalCsv;
import nl.signaalpoort.support.SignalJson;
import nl.signaalpoort.support.SignalXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Batch files through the real OpenSSH sftp client into the gateway's embedded SFTP server. */
class SftpIntakeIT extends AbstractGatewayIT {

    private static final String HEADER = SignalCsv.HEADER;

    @Autowired
    EmbeddedSftpServer sftp;

    @Autowired
    MeterRegistry meters;

    @Test
    void aPartnerUploadsAFileAndFetchesItsReceipt() throws Exception {
        String a = SignalJson.uniqueReference("CSV");
        String b = SignalJson.uniqueReference("CSV");
        String bad = SignalJson.uniqueReference("CSV");
        Path csv = csv(List.of(row(a, "1012 LG", "130.00"), row(b, "1012LG", "\"1;30.00\""), row(bad, "0000XX", "130.00")));
        // b's amount holds a quoted separator, which must stay one cell (and is then an invalid amount).

        Path receipt = uploadAndFetchReceipt("partner-energie", "demo-energie", csv, "maart.csv");

        List<String> lines = Files.readAllLines(receipt, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("line;reference;status;signalId;duplicate;reasonCodes;reasons;warningCodes");
        assertThat(lines).anyMatch(l -> l.startsWith("2;" + a + ";ACCEPTED;") && l.matches(".*;[0-9a-f-]{36};false;;;$"));
        assertThat(lines).anyMatch(l -> l.startsWith("3;" + b + ";REJECTED;") && l.contains("INVALID_AMOUNT"));
        assertThat(lines).anyMatch(l -> l.startsWith("4;" + bad + ";REJECTED;") && l.contains("INVALID_POSTCODE")
                && l.contains("geen Nederlandse postcode"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("TOTAL;;accepted=1;rejected=2;;;;");
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", a)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference IN (?, ?)", b, bad)).isZero();

        // The same file again, under another name: the same receipt, nothing new stored.
        Path again = uploadAndFetchReceipt("partner-energie", "demo-energie", csv, "maart-opnieuw.csv");
        assertThat(Files.readAllLines(again, StandardCharsets.UTF_8)).isEqualTo(lines);
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", a)).isEqualTo(1);
    }

    @Test
    void aDryRunFileGetsTheReceiptTheFileWouldGetAndKeepsNothing() throws Exception {
        String a = SignalJson.uniqueReference("DRYCSV");
        String bad = SignalJson.uniqueReference("DRYCSV");
        String warned = SignalJson.uniqueReference("DRYCSV");
        Path csv = csv(List.of(row(a, "1012 LG", "130.00"), row(bad, "0000XX", "130.00"),
                row(warned, "1012LG", "130.00").replace("1980-04-12", "1900-01-01")));

        List<String> dry = Files.readAllLines(uploadAndFetchReceipt("partner-energie", "demo-energie", csv, "proef.dryrun.csv"));

        assertThat(dry).anyMatch(l -> l.equals("2;" + a + ";ACCEPTED;;false;;;"));
        assertThat(dry).anyMatch(l -> l.startsWith("3;" + bad + ";REJECTED;") && l.contains("INVALID_POSTCODE"));
        assertThat(dry).as("an accepted row's warnings in the last column").contains("4;" + warned + ";ACCEPTED;;false;;;PLACEHOLDER_BIRTH_DATE");
        assertThat(dry.get(dry.size() - 1)).isEqualTo("TOTAL;;accepted=2;rejected=1;;;;");
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference IN (?, ?)", a, bad)).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE subject_id IN (?, ?)", a, bad)).isZero();
        assertThat(FILES.inbox("demo-energie").resolve("proef.dryrun.csv")).doesNotExist();

        // A dry-run file that is not one is answered as refused, and is not kept in quarantine either.
        Path broken = csv(List.of(row(bad, "1012LG", "130.00") + ";extra"));
        String refused = Files.readString(uploadAndFetchReceipt("partner-energie", "demo-energie", broken, "kapot.dryrun.csv"));
        assertThat(refused).contains("2;;FILE_REJECTED;;false;WRONG_COLUMN_COUNT;");
        if (Files.isDirectory(FILES.quarantine("demo-energie"))) {
            try (Stream<Path> quarantined = Files.list(FILES.quarantine("demo-energie"))) {
                assertThat(quarantined.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("dryrun"));
            }
        }

        // The same bytes sent for real are processed: the dry run left no receipt to answer them with.
        List<String> real = Files.readAllLines(uploadAndFetchReceipt("partner-energie", "demo-energie", csv, "echt.csv"));
        assertThat(real).anyMatch(l -> l.startsWith("2;" + a + ";ACCEPTED;") && l.matches(".*;[0-9a-f-]{36};false;;;$"));
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", a)).isEqualTo(1);
    }

    @Test
    void aReferenceMeantAsASpreadsheetFormulaComesBackAsHarmlessText() throws Exception {
        String formula = "=HYPERLINK(\"https://evil.example/\",\"klik\")";
        String quoted = "\"" + formula.replace("\"", "\"\"") + "\"";
        Path csv = csv(List.of(row(quoted, "1012LG", "130.00")));

        Path receipt = uploadAndFetchReceipt("partner-energie", "demo-energie", csv, "formule.csv");

        List<String[]> rows = new java.util.ArrayList<>();
        try (var reader = Files.newBufferedReader(receipt); var it = nl.signaalpoort.files.Csv.rows(reader)) {
            it.forEachRemaining(rows::add);
        }
        String[] row = rows.get(1);
        assertThat(row[1]).isEqualTo("'" + formula);
        assertThat(row[2]).isEqualTo("REJECTED");
        assertThat(row[5]).isEqualTo("INVALID_REFERENCE");
        assertThat(Files.readString(receipt)).doesNotContain(";=HYPERLINK").doesNotContain(";\"=HYPERLINK");
    }

    @Test
    void aBrokenFileIsQuarantinedWithAnExplanationAndNothingOfItIsStored() throws Exception {
        String fine = SignalJson.uniqueReference("CSV");
        Path csv = csv(List.of(row(fine, "1012LG", "130.00"), row(SignalJson.uniqueReference("CSV"), "1012LG", "130.00") + ";extra"));

        Path receipt = uploadAndFetchReceipt("partner-energie", "demo-energie", csv, "kapot.csv");

        String text = Files.readString(receipt);
        assertThat(text).contains("3;;FILE_REJECTED;;false;WRONG_COLUMN_COUNT;").contains("aantal kolommen");
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", fine)).isZero();
        try (Stream<Path> quarantined = Files.list(FILES.quarantine("demo-energie"))) {
            assertThat(quarantined.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith("kapot.csv"));
        }
    }

    @Test
    void anotherPartnersKeyIsRefusedAndNoPathLeavesTheHome() throws Exception {
        Path csv = csv(List.of(row(SignalJson.uniqueReference("CSV"), "1012LG", "130.00")));

        SftpClient.Result wrongKey = sftpBatch("partner-zorg", "demo-energie", "put " + csv + " inbox/x.csv\n");
        assertThat(wrongKey.exitCode()).isNotZero();

        SftpClient.Result escape = sftpBatch("partner-energie", "demo-energie", "-put " + csv + " ../../escape.csv\n-put " + csv
                + " /../../escape2.csv\nls /\n");
        assertThat(escape.exitCode()).isZero();
        assertThat(FILES.homes().resolve("escape.csv")).doesNotExist();
        assertThat(FILES.homes().getParent().resolve("escape.csv")).doesNotExist();
        assertThat(FILES.homes().getParent().resolve("escape2.csv")).doesNotExist();
        assertThat(escape.output()).contains("inbox").contains("outbox").doesNotContain("demo-zorg");
    }

    @Test
    void aFileEncryptedAndSignedWithGnuPgIsOpenedAndProcessed() throws Exception {
        Gpg gpg = Gpg.withDevKeys();
        String reference = SignalJson.uniqueReference("PGP");
        Path csv = csv(List.of(row(reference, "1012LG", "130.00")));
        Path encrypted = Files.createTempFile("batch", ".csv.gpg");
        gpg.encrypt(csv, encrypted, "gateway", "partner-energie", false);

        Path receipt = uploadAndFetchReceipt("partner-energie", "demo-energie", encrypted, "april.csv.gpg");

        assertThat(Files.readAllLines(receipt)).anyMatch(l -> l.startsWith("2;" + reference + ";ACCEPTED;"));
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", reference)).isEqualTo(1);
        // The decrypted content is gone once processed.
        try (Stream<Path> work = Files.list(FILES.work())) {
            assertThat(work.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aFileSignedByAnotherKeyIsRefusedWithAReceipt() throws Exception {
        Gpg gpg = Gpg.withDevKeys();
        String reference = SignalJson.uniqueReference("PGP");
        Path csv = csv(List.of(row(reference, "1012LG", "130.00")));
        Path encrypted = Files.createTempFile("batch", ".csv.asc");
        gpg.encrypt(csv, encrypted, "gateway", "rogue", true);

        Path receipt = uploadAndFetchReceipt("partner-energie", "demo-energie", encrypted, "mei.csv.asc");

        assertThat(Files.readString(receipt)).contains(";FILE_REJECTED;;false;PGP_BAD_SIGNATURE;").contains("handtekening");
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", reference)).isZero();
    }

    @Test
    void anXmlFileGetsAnXmlReceipt() throws Exception {
        String accepted = SignalJson.uniqueReference("XML");
        String rejected = SignalJson.uniqueReference("XML");
        Path xml = Files.createTempFile("batch", ".xml");
        Files.writeString(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<signalBatch xmlns=\"urn:signaalpoort:batch:v1\">\n"
                + xmlSignal(accepted, "130.00") + xmlSignal(rejected, "12,50") + "</signalBatch>\n");

        SftpClient.Result upload = sftpBatch("partner-energie", "demo-energie", "put " + xml + " inbox/juni.xml.part\nrename inbox/juni.xml.part inbox/juni.xml\n");
        assertThat(upload.exitCode()).as(upload.output()).isZero();
        Path receipt = FILES.outbox("demo-energie").resolve("juni.xml.receipt.xml");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(receipt));

        String text = Files.readString(receipt);
        assertThat(text).contains("urn:signaalpoort:batch-receipt:v1").contains("reference=\"" + accepted + "\"")
                .containsPattern("reference=\"" + rejected + "\"[^>]*status=\"REJECTED\"|status=\"REJECTED\"[^>]*reference=\"" + rejected + "\"")
                .contains("INVALID_AMOUNT");
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", accepted)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", rejected)).isZero();
    }

    /**
     * Every way a file can be broken, dropped into a partner's inbox as a finished upload: the
     * receipt names the problem, the file is quarantined, nothing of it is stored and the operators'
     * counter moves.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenFileIsRefusedAsAWhole(String problem, String partner, String name, BrokenFile content) throws Exception {
        String fine = SignalJson.uniqueReference("BRK");
        Path file = Files.createTempFile("broken", name);
        content.write(file, fine);
        double before = quarantined(problem);

        Path inbox = FILES.inbox(partner);
        Files.copy(file, inbox.resolve("." + name + ".part"));
        Files.move(inbox.resolve("." + name + ".part"), inbox.resolve(name));
        String extension = name.contains(".xml") ? "xml" : "csv";
        Path receipt = FILES.outbox(partner).resolve(name + ".receipt." + extension);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(receipt));

        assertThat(Files.readString(receipt)).contains(problem).contains(extension.equals("xml") ? "fileRejected" : "FILE_REJECTED");
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", fine)).isZero();
        assertThat(quarantined(problem)).isEqualTo(before + 1);
        try (Stream<Path> quarantine = Files.list(FILES.quarantine(partner))) {
            assertThat(quarantine.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(name));
        }
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("UNREADABLE_ENCODING", "demo-energie", "latin1.csv", (BrokenFile) (file, ref) -> Files.write(file,
                        (HEADER + "\n" + row(ref, "1012LG", "130.00").replace("Jansen", "Müller") + "\n").getBytes(StandardCharsets.ISO_8859_1))),
                Arguments.of("MISSING_HEADER", "demo-energie", "noheader.csv", (BrokenFile) (file, ref) -> Files.writeString(file,
                        row(ref, "1012LG", "130.00") + "\n")),
                Arguments.of("MALFORMED_CSV", "demo-energie", "truncated.csv", (BrokenFile) (file, ref) -> Files.writeString(file,
                        HEADER + "\n" + row(ref, "1012LG", "130.00") + "\n" + row(SignalJson.uniqueReference("BRK"), "1012LG", "\"130.0"))),
                Arguments.of("WRONG_COLUMN_COUNT", "demo-energie", "toomany.csv", (BrokenFile) (file, ref) -> Files.writeString(file,
                        HEADER + "\n" + row(ref, "1012LG", "130.00") + "\n" + row(SignalJson.uniqueReference("BRK"), "1012LG", "130.00") + ";x\n")),
                Arguments.of("UNSUPPORTED_FORMAT", "demo-energie", "batch.txt", (BrokenFile) (file, ref) -> Files.writeString(file,
                        HEADER + "\n" + row(ref, "1012LG", "130.00") + "\n")),
                Arguments.of("PGP_WRONG_KEY", "demo-energie", "wrongkey.csv.pgp", (BrokenFile) (file, ref) -> encrypted(file, ref, "rogue", "partner-energie")),
                Arguments.of("PGP_UNSIGNED", "demo-zorg", "unsigned.csv.pgp", (BrokenFile) (file, ref) -> encrypted(file, ref, "gateway", null)),
                // demo-zorg's registration requires its signature, so a file must be OpenPGP at all.
                Arguments.of("PGP_REQUIRED", "demo-zorg", "plain.csv", (BrokenFile) (file, ref) -> Files.writeString(file,
                        HEADER + "\n" + row(ref, "1012LG", "130.00") + "\n")),
                Arguments.of("PGP_REQUIRED", "demo-zorg", "plain.xml", (BrokenFile) (file, ref) -> Files.writeString(file,
                        "<signalBatch xmlns=\"urn:signaalpoort:batch:v1\">" + xmlSignal(ref, "130.00") + "</signalBatch>")),
                // 30 MB of one row repeated compresses to a few tens of kB: far beyond the allowed expansion.
                Arguments.of("PGP_EXPANSION_TOO_LARGE", "demo-energie", "bomb.csv.pgp", (BrokenFile) (file, ref) -> {
                    Path csv = Files.createTempFile("bomb", ".csv");
                    String line = row(ref, "1012LG", "130.00") + "\n";
                    try (java.io.Writer out = Files.newBufferedWriter(csv)) {
                        out.write(HEADER + "\n");
                        for (long written = 0; written < 30_000_000L; written += line.length()) {
                            out.write(line);
                        }
                    }
                    Gpg.withDevKeys().encrypt(csv, file, "gateway", "partner-energie", false);
                    assertThat(Files.size(file)).isLessThan(300_000L);
                }),
                Arguments.of("PGP_MALFORMED", "demo-energie", "garbage.csv.gpg", (BrokenFile) (file, ref) -> Files.writeString(file,
                        HEADER + "\n" + row(ref, "1012LG", "130.00") + "\n")),
                Arguments.of("MALFORMED_XML", "demo-energie", "xxe.xml", (BrokenFile) (file, ref) -> Files.writeString(file,
                        "<?xml version=\"1.0\"?>\n<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                                + "<signalBatch xmlns=\"urn:signaalpoort:batch:v1\">" + xmlSignal(ref, "130.00").replace("Damrak", "&x;")
                                + "</signalBatch>")),
                Arguments.of("SCHEMA_VIOLATION", "demo-energie", "schema.xml", (BrokenFile) (file, ref) -> Files.writeString(file,
                        "<signalBatch xmlns=\"urn:signaalpoort:batch:v1\">" + xmlSignal(ref, "130.00")
                                + "<signal><reference>x</reference><shoeSize>44</shoeSize></signal></signalBatch>")));
    }

    @FunctionalInterface
    interface BrokenFile {
        void write(Path file, String fineReference) throws Exception;
    }

    private static void encrypted(Path file, String reference, String recipient, String signer) throws Exception {
        Path csv = csv(List.of(row(reference, "1012LG", "130.00")));
        Gpg.withDevKeys().encrypt(csv, file, recipient, signer, false);
    }

    private double quarantined(String problem) {
        Counter counter = meters.find("signaalpoort.intake.files").tag("result", "quarantined").tag("problem", problem).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String xmlSignal(String reference, String amount) {
        return "<signal>" + SignalXml.fields(reference, amount) + "</signal>\n";
    }

    private Path uploadAndFetchReceipt(String key, String user, Path csv, String name) throws Exception {
        SftpClient.Result upload = sftpBatch(key, user, "put " + csv + " inbox/" + name + ".part\nrename inbox/" + name + ".part inbox/" + name + "\n");
        assertThat(upload.exitCode()).as(upload.output()).isZero();
        Path server = FILES.outbox(user).resolve(name + ".receipt.csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(server));
        Path local = Files.createTempFile("receipt", ".csv");
        Files.delete(local);
        SftpClient.Result fetch = sftpBatch(key, user, "get outbox/" + name + ".receipt.csv " + local + "\n");
        assertThat(fetch.exitCode()).as(fetch.output()).isZero();
        return local;
    }

    private SftpClient.Result sftpBatch(String key, String user, String commands) throws Exception {
        return SftpClient.run(key, user, sftp.port(), commands);
    }

    private static String row(String reference, String postcode, String amount) {
        return SignalCsv.row(reference, postcode, amount);
    }

    private static Path csv(List<String> rows) throws Exception {
        Path file = Files.createTempFile("batch", ".csv");
        Files.writeString(file, "\uFEFF" + HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    @ParameterizedTest(name = "offering only {0} fails the key exchange")
    @org.junit.jupiter.params.provider.CsvSource({
            "MACs=hmac-sha1, Ciphers=aes128-ctr",
            "MACs=hmac-sha1-etm@openssh.com, Ciphers=aes128-ctr",
            "KexAlgorithms=diffie-hellman-group14-sha1, Ciphers=aes128-ctr",
            "Ciphers=aes128-cbc, MACs=hmac-sha2-256",
            "HostKeyAlgorithms=ssh-rsa, Ciphers=aes128-ctr"})
    void weakSshAlgorithmsAreNotOffered(String first, String second) throws Exception {
        String weak = ssh("-o", first, "-o", second);
        assertThat(weak).containsPattern("no matching (MAC|cipher|key exchange method|host key type) found").doesNotContain("Permission denied");

        // The same client with OpenSSH's defaults gets as far as authentication (and has no key to offer).
        assertThat(ssh()).contains("Permission denied");
    }

    private String ssh(String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("ssh", "-p", String.valueOf(sftp.port()), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "PubkeyAuthentication=no",
                "-o", "ConnectTimeout=10"));
        command.addAll(List.of(options));
        command.add("demo-energie@127.0.0.1");
        command.add("true");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
