package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import nl.signaalpoort.intake.sftp.EmbeddedSftpServer;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.SftpClient;
import nl.signaalpoort.support.SignalJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Batch files through the real OpenSSH sftp client into the gateway's embedded SFTP server. */
class SftpIntakeIT extends AbstractGatewayIT {

    private static final String HEADER = "reference;kind;signalDate;initials;surname;birthDate;street;houseNumber;postcode;city;"
            + "totalAmount;termsOverdue;remindersSent;oldestDueDate;newestDueDate";

    @Autowired
    EmbeddedSftpServer sftp;

    @Test
    void aPartnerUploadsAFileAndFetchesItsReceipt() throws Exception {
        String a = SignalJson.uniqueReference("CSV");
        String b = SignalJson.uniqueReference("CSV");
        String bad = SignalJson.uniqueReference("CSV");
        Path csv = csv(List.of(row(a, "1012 LG", "130.00"), row(b, "1012LG", "\"1;30.00\""), row(bad, "0000XX", "130.00")));
        // b's amount holds a quoted separator, which must stay one cell (and is then an invalid amount).

        Path receipt = uploadAndFetchReceipt("partner-energie", "demo-energie", csv, "maart.csv");

        List<String> lines = Files.readAllLines(receipt, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("line;reference;status;signalId;duplicate;reasonCodes;reasons");
        assertThat(lines).anyMatch(l -> l.startsWith("2;" + a + ";ACCEPTED;") && l.matches(".*;[0-9a-f-]{36};false;;$"));
        assertThat(lines).anyMatch(l -> l.startsWith("3;" + b + ";REJECTED;") && l.contains("INVALID_AMOUNT"));
        assertThat(lines).anyMatch(l -> l.startsWith("4;" + bad + ";REJECTED;") && l.contains("INVALID_POSTCODE")
                && l.contains("geen Nederlandse postcode"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("TOTAL;;accepted=1;rejected=2;;;");
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", a)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference IN (?, ?)", b, bad)).isZero();

        // The same file again, under another name: the same receipt, nothing new stored.
        Path again = uploadAndFetchReceipt("partner-energie", "demo-energie", csv, "maart-opnieuw.csv");
        assertThat(Files.readAllLines(again, StandardCharsets.UTF_8)).isEqualTo(lines);
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", a)).isEqualTo(1);
    }

    @Test
    void aBrokenFileIsQuarantinedWithAnExplanationAndNothingOfItIsStored() throws Exception {
        String fine = SignalJson.uniqueReference("CSV");
        Path csv = csv(List.of(row(fine, "1012LG", "130.00"), row(SignalJson.uniqueReference("CSV"), "1012LG", "130.00") + ";extra"));

        Path receipt = uploadAndFetchReceipt("partner-energie", "demo-energie", csv, "kapot.csv");

        String text = Files.readString(receipt);
        assertThat(text).contains("3;;FILE_REJECTED;;false;WRONG_COLUMN_COUNT;").contains("aantal kolommen");
        assertThat(count("SELECT COUNT(*) FROM signals WHERE reference = ?", fine)).isZero();
        try (Stream<Path> quarantined = Files.list(SFTP_ROOT.resolveSibling("sftp-quarantine").resolve("demo-energie"))) {
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
        assertThat(SFTP_ROOT.resolve("escape.csv")).doesNotExist();
        assertThat(SFTP_ROOT.getParent().resolve("escape.csv")).doesNotExist();
        assertThat(SFTP_ROOT.getParent().resolve("escape2.csv")).doesNotExist();
        assertThat(escape.output()).contains("inbox").contains("outbox").doesNotContain("demo-zorg");
    }

    private Path uploadAndFetchReceipt(String key, String user, Path csv, String name) throws Exception {
        SftpClient.Result upload = sftpBatch(key, user, "put " + csv + " inbox/" + name + ".part\nrename inbox/" + name + ".part inbox/" + name + "\n");
        assertThat(upload.exitCode()).as(upload.output()).isZero();
        Path server = SFTP_ROOT.resolve(user).resolve("outbox").resolve(name + ".receipt.csv");
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
        LocalDate today = LocalDate.now();
        return String.join(";", reference, "EARLY", today.minusDays(1).toString(), "j.", "Jansen", "1980-04-12", "Damrak", "12",
                postcode, "Amsterdam", amount, "2", "2", today.minusDays(70).toString(), today.minusDays(40).toString());
    }

    private static Path csv(List<String> rows) throws Exception {
        Path file = Files.createTempFile("batch", ".csv");
        Files.writeString(file, "\uFEFF" + HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }
}
