package nl.signaalpoort.feedback;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import nl.signaalpoort.config.CsvText;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.store.FeedbackFileRepository;
import nl.signaalpoort.store.FeedbackItem;
import nl.signaalpoort.store.FeedbackRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes each SFTP partner's new feedback to a CSV file in its outbox (contracts/batch/csv-format.md,
 * "Feedback files"), each item in exactly one file: the file, named by its first and last feedback
 * id, is put in place (temporary name, then rename) before the partner's cursor moves, so a crash
 * in between writes the very same file again rather than losing or splitting items. Partners with
 * their own server get it there through the sftp-return route.
 */
@Component("feedbackFiles")
public class FeedbackFileWriter {

    static final String HEADER = "feedbackId;signalId;reference;code;finalOutcome;date;collectionPausedUntil;supersedesFeedbackId";
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackFileWriter.class);

    private final PartnerRegistry partners;
    private final FeedbackRepository feedback;
    private final FeedbackFileRepository cursors;
    private final FeedbackProperties properties;

    public FeedbackFileWriter(PartnerRegistry partners, FeedbackRepository feedback, FeedbackFileRepository cursors,
            FeedbackProperties properties) {
        this.partners = partners;
        this.feedback = feedback;
        this.cursors = cursors;
        this.properties = properties;
    }

    /** One round: every partner with an outbox gets its new feedback, if any. Returns the files written. */
    public int writeDue() throws IOException {
        int files = 0;
        for (Partner partner : partners.all()) {
            if (partner.sftp() != null || partner.sftpRemote() != null) {
                files += write(partner.id());
            }
        }
        return files;
    }

    private int write(String partnerId) throws IOException {
        int files = 0;
        long after = cursors.writtenUpTo(partnerId);
        List<FeedbackItem> items;
        while (!(items = feedback.feedbackAfter(partnerId, after, properties.files().maxItemsPerFile())).isEmpty()) {
            long first = items.get(0).feedbackId();
            long last = items.get(items.size() - 1).feedbackId();
            Path outbox = Files.createDirectories(properties.files().root().resolve(partnerId).resolve("outbox"));
            String name = "feedback-%012d-%012d.csv".formatted(first, last);
            Path temp = outbox.resolve(".part-" + name);
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(HEADER + "\n");
                for (FeedbackItem item : items) {
                    out.write(line(item));
                }
            }
            Files.move(temp, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            cursors.written(partnerId, last);
            LOG.info("feedback file partner={} items={} upTo={}", partnerId, items.size(), last);
            after = last;
            files++;
        }
        return files;
    }

    static String line(FeedbackItem item) {
        return String.join(";", String.valueOf(item.feedbackId()), item.signalId().toString(), CsvText.cell(item.reference()), item.code(),
                String.valueOf(item.finalOutcome()), item.date().toString(), text(item.collectionPausedUntil()),
                text(item.supersedesFeedbackId())) + "\n";
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
