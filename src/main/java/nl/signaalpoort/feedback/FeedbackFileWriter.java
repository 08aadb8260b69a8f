package nl.signaalpoort.feedback;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.files.Csv;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.signing.PartnerReturnFiles;
import nl.signaalpoort.store.FeedbackFileRepository;
import nl.signaalpoort.store.FeedbackItem;
import nl.signaalpoort.store.FeedbackRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes each SFTP partner's new feedback to a CSV file in its outbox (contracts/batch/csv-format.md,
 * "Feedback files"), each item in exactly one file: the file's items are fixed in the database
 * first, the file, named by its first and last feedback id, is put in place ({@link PartnerReturnFiles}: signed,
 * encrypted where the partner registered that),
 * and only then does the partner's cursor move. A crash in between, or a second writer during a
 * change of leader, writes the very same file again under the same name rather than losing or
 * splitting items. Partners with their own server get it there through the sftp-return route.
 */
@Component(Routes.FEEDBACK_FILES_WRITER)
public class FeedbackFileWriter {

    static final String[] HEADER = {"feedbackId", "signalId", "reference", "code", "finalOutcome", "date", "collectionPausedUntil",
            "supersedesFeedbackId"};
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackFileWriter.class);

    private final PartnerRegistry partners;
    private final FeedbackRepository feedback;
    private final FeedbackFileRepository cursors;
    private final FeedbackProperties properties;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final PartnerReturnFiles returnFiles;

    public FeedbackFileWriter(PartnerRegistry partners, FeedbackRepository feedback, FeedbackFileRepository cursors,
            FeedbackProperties properties, AuditTrail audit, TransactionTemplate transactions, PartnerReturnFiles returnFiles) {
        this.returnFiles = returnFiles;
        this.audit = audit;
        this.transactions = transactions;
        this.partners = partners;
        this.feedback = feedback;
        this.cursors = cursors;
        this.properties = properties;
    }

    /** One round: every partner with an outbox gets its new feedback, if any. Returns the files written. */
    public int writeDue() throws IOException {
        int written = 0;
        for (Partner partner : partners.all()) {
            if (partner.sftp() != null || partner.sftpRemote() != null) {
                written += write(partner.id());
            }
        }
        return written;
    }

    private int write(String partnerId) throws IOException {
        int written = 0;
        Optional<Range> range;
        while ((range = nextRange(partnerId)).isPresent()) {
            long after = range.get().after();
            long upTo = range.get().upTo();
            List<FeedbackItem> items = feedback.feedbackAfter(partnerId, after, properties.files().maxItemsPerFile()).stream()
                    .filter(item -> item.feedbackId() <= upTo).toList();
            if (items.isEmpty()) {
                // Nothing left of the planned range (cannot happen while items are kept): move on.
                cursors.written(partnerId, upTo);
                continue;
            }
            long first = items.get(0).feedbackId();
            // Signed by the gateway, and encrypted where the partner registered that (pgp.returnFiles).
            Path file = returnFiles.publish(partnerId, "feedback-%012d-%012d.csv".formatted(first, upTo), out -> {
                try (Csv.RowWriter csv = Csv.writer(out)) {
                    csv.row(HEADER);
                    for (FeedbackItem item : items) {
                        csv.row(cells(item));
                    }
                }
            });
            boolean moved = Boolean.TRUE.equals(transactions.execute(tx -> {
                if (!cursors.written(partnerId, upTo)) {
                    return false;
                }
                audit.record(AuditEntry.about(AuditEntry.Actor.GATEWAY, AuditAction.FEEDBACK_FILE_WRITTEN, AuditEntry.SubjectType.FILE,
                        partnerId + "/" + file.getFileName(), "first", first, "upTo", upTo, "items", items.size()));
                return true;
            }));
            if (moved) {
                LOG.info("feedback file partner={} items={} upTo={}", partnerId, items.size(), upTo);
                written++;
            }
        }
        return written;
    }

    /** Items after {@code after} up to {@code upTo}: one file's worth. */
    private record Range(long after, long upTo) {
    }

    /**
     * The partner's next file, fixed under the cursor's row lock before anything is written: the
     * one planned before if it was not confirmed (a crash, or the other node, in between), else
     * the next items up to the file size.
     */
    private Optional<Range> nextRange(String partnerId) {
        cursors.writtenUpTo(partnerId);
        return transactions.execute(tx -> {
            FeedbackFileRepository.Cursor cursor = cursors.lock(partnerId);
            if (cursor.unfinished()) {
                return Optional.of(new Range(cursor.writtenUpTo(), cursor.plannedUpTo()));
            }
            List<FeedbackItem> items = feedback.feedbackAfter(partnerId, cursor.writtenUpTo(), properties.files().maxItemsPerFile());
            if (items.isEmpty()) {
                return Optional.<Range>empty();
            }
            long last = items.get(items.size() - 1).feedbackId();
            cursors.plan(partnerId, last);
            return Optional.of(new Range(cursor.writtenUpTo(), last));
        });
    }

    static String[] cells(FeedbackItem item) {
        return new String[] {String.valueOf(item.feedbackId()), item.signalId().toString(), item.reference(), item.code(),
                String.valueOf(item.finalOutcome()), item.date().toString(), text(item.collectionPausedUntil()),
                text(item.supersedesFeedbackId())};
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
