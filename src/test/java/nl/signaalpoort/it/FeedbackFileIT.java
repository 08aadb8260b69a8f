package nl.signaalpoort.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nl.signaalpoort.intake.sftp.EmbeddedSftpServer;
import nl.signaalpoort.support.AbstractGatewayIT;
import nl.signaalpoort.support.SftpClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Feedback reaches an SFTP partner as files in its outbox, each item in exactly one file, without personal data. */
class FeedbackFileIT extends AbstractGatewayIT {

    @Autowired
    EmbeddedSftpServer sftp;

    @Test
    void eachFeedbackItemLandsInExactlyOneFileInThePartnersOutbox() throws Exception {
        String first = deliveredSignal("FF");
        report(first, "NO_HELP_WANTED");
        await().atMost(Duration.ofSeconds(15)).until(() -> linesFor(first).size() == 1);

        String second = deliveredSignal("FF");
        report(second, "FOLLOW_UP_FINANCIAL");
        await().atMost(Duration.ofSeconds(15)).until(() -> linesFor(second).size() == 1);

        // The rounds after the first item's file did not write it again.
        assertThat(linesFor(first)).singleElement().asString().contains(";NOT_REACHED_OR_DECLINED;true;");
        assertThat(linesFor(second)).singleElement().asString().contains(";WANTS_HELP;true;");
        long cursor = jdbc.queryForObject("SELECT written_up_to FROM partner_file_cursors WHERE partner_id = 'demo-energie' AND stream = 'feedback'", Long.class);
        assertThat(cursor).isGreaterThanOrEqualTo(Long.parseLong(linesFor(second).get(0).split(";")[0]));

        // The partner fetches the files with its own key over SFTP; they hold codes and ids, never the person.
        Path local = Files.createTempDirectory("feedback-files");
        SftpClient.Result fetch = SftpClient.run("partner-energie", "demo-energie", sftp.port(), "get outbox/feedback-* " + local + "/\n");
        assertThat(fetch.exitCode()).as(fetch.output()).isZero();
        String all;
        try (Stream<Path> files = Files.list(local)) {
            all = files.filter(FeedbackFileIT::isCsv).map(FeedbackFileIT::read).reduce("", String::concat);
        }
        // Each file comes with the gateway's detached OpenPGP signature, checked by GnuPG.
        nl.signaalpoort.support.Gpg gpg = nl.signaalpoort.support.Gpg.withDevKeys();
        try (Stream<Path> files = Files.list(local)) {
            for (Path csv : files.filter(FeedbackFileIT::isCsv).toList()) {
                assertThat(gpg.verifyDetached(csv.resolveSibling(csv.getFileName() + ".sig"), csv)).contains("gateway@dev.signaalpoort.invalid");
            }
        }
        assertThat(all).contains(first, second).doesNotContain("Berg", "1980-04-12", "Damrak", "Example", "612345678");
        // Nobody else's feedback in this partner's files.
        assertThat(jdbc.queryForList("SELECT DISTINCT partner_id FROM feedback_items WHERE signal_id IN (?, ?)", String.class,
                UUID.fromString(first), UUID.fromString(second))).containsExactly("demo-energie");
    }

    @Autowired
    org.apache.camel.CamelContext camel;

    @Autowired
    nl.signaalpoort.feedback.FeedbackFileWriter writer;

    @Autowired
    nl.signaalpoort.store.FeedbackFileRepository cursors;

    @Test
    void aFilePlannedBeforeACrashIsWrittenAgainWithExactlyItsItemsUnderItsName() throws Exception {
        camel.getRouteController().stopRoute(nl.signaalpoort.camel.Routes.FEEDBACK_FILES);
        try {
            String first = deliveredSignal("FFC");
            String second = deliveredSignal("FFC");
            report(first, "NO_HELP_WANTED");
            report(second, "FOLLOW_UP_FINANCIAL");
            long one = feedbackId(first);
            long two = feedbackId(second);
            // A node planned a file with the first item only, and died before the file was in place.
            cursors.writtenUpTo("demo-energie", "feedback"); // the partner's cursor row, as the first round makes it
            jdbc.update("UPDATE partner_file_cursors SET planned_up_to = ? WHERE partner_id = 'demo-energie' AND stream = 'feedback'", one);

            writer.writeDue();

            Path outbox = FILES.outbox("demo-energie");
            Path planned = outbox.resolve("feedback-%012d-%012d.csv".formatted(one, one));
            assertThat(planned).exists();
            assertThat(read(planned)).contains(first).doesNotContain(second);
            assertThat(outbox.resolve("feedback-%012d-%012d.csv".formatted(two, two))).exists();
            assertThat(linesFor(first)).hasSize(1);
            assertThat(linesFor(second)).hasSize(1);
        } finally {
            camel.getRouteController().startRoute(nl.signaalpoort.camel.Routes.FEEDBACK_FILES);
        }
    }

    private long feedbackId(String signalId) {
        return jdbc.queryForObject("SELECT MAX(feedback_id) FROM feedback_items WHERE signal_id = ?", Long.class, UUID.fromString(signalId));
    }

    private List<String> linesFor(String signalId) throws Exception {
        Path outbox = FILES.outbox("demo-energie");
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(p -> p.getFileName().toString().startsWith("feedback-") && isCsv(p))
                    .flatMap(p -> read(p).lines())
                    .filter(l -> l.contains(signalId)).toList();
        }
    }

    private static boolean isCsv(Path file) {
        return file.getFileName().toString().endsWith(".csv");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void report(String signalId, String outcome) throws Exception {
        var response = as("gemeente-amsterdam").postJson("/api/v1/outcomes",
                "{\"signalId\":\"%s\",\"outcome\":\"%s\",\"finalOutcome\":true,\"date\":\"%s\"}".formatted(signalId, outcome, LocalDate.now()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
