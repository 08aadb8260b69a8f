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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes each SFTP partner's new items of every stream it gets ({@link ReturnFileStream}: feedback,
 * contact-data notices where registered, what became of its signals) to CSV files in its outbox
 * (contracts/batch/csv-format.md), each item in exactly one file: the file's items are fixed in the
 * database first, the file, named by the stream and its first and last id, is put in place
 * ({@link PartnerReturnFiles}: signed, encrypted where the partner registered that), and only then
 * does the partner's cursor for the stream move. A crash in between, or a second writer during a
 * change of leader, writes the very same file again under the same name rather than losing or
 * splitting items. Partners with their own server get it there through the sftp-return route.
 */
@Component(Routes.FEEDBACK_FILES_WRITER)
public class FeedbackFileWriter {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackFileWriter.class);

    private final PartnerRegistry partners;
    private final List<ReturnFileStream> streams;
    private final FeedbackFileRepository cursors;
    private final FeedbackProperties properties;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final PartnerReturnFiles returnFiles;

    public FeedbackFileWriter(PartnerRegistry partners, List<ReturnFileStream> streams, FeedbackFileRepository cursors,
            FeedbackProperties properties, AuditTrail audit, TransactionTemplate transactions, PartnerReturnFiles returnFiles) {
        this.returnFiles = returnFiles;
        this.audit = audit;
        this.transactions = transactions;
        this.partners = partners;
        this.streams = List.copyOf(streams);
        this.cursors = cursors;
        this.properties = properties;
    }

    /** One round: every partner with an outbox gets its new items of each of its streams, if any. Returns the files written. */
    public int writeDue() throws IOException {
        int written = 0;
        for (Partner partner : partners.all()) {
            if (partner.deliversFiles()) {
                for (ReturnFileStream stream : streams) {
                    if (stream.serves(partner)) {
                        written += write(partner.id(), stream);
                    }
                }
            }
        }
        return written;
    }

    private int write(String partnerId, ReturnFileStream stream) throws IOException {
        int written = 0;
        Optional<Range> range;
        while ((range = nextRange(partnerId, stream)).isPresent()) {
            long after = range.get().after();
            long upTo = range.get().upTo();
            List<ReturnFileStream.Line> lines = stream.after(partnerId, after, properties.files().maxItemsPerFile()).stream()
                    .filter(line -> line.id() <= upTo).toList();
            if (lines.isEmpty()) {
                // Nothing left of the planned range (cannot happen while items are kept): move on.
                cursors.written(partnerId, stream.name(), upTo);
                continue;
            }
            long first = lines.get(0).id();
            // Signed by the gateway, and encrypted where the partner registered that (pgp.returnFiles).
            Path file = returnFiles.publish(partnerId, "%s-%012d-%012d.csv".formatted(stream.name(), first, upTo), out -> {
                try (Csv.RowWriter csv = Csv.writer(out)) {
                    csv.row(stream.header());
                    for (ReturnFileStream.Line line : lines) {
                        csv.row(line.cells());
                    }
                }
            });
            boolean moved = Boolean.TRUE.equals(transactions.execute(tx -> {
                if (!cursors.written(partnerId, stream.name(), upTo)) {
                    return false;
                }
                audit.record(AuditEntry.about(AuditEntry.Actor.GATEWAY, AuditAction.FEEDBACK_FILE_WRITTEN, AuditEntry.SubjectType.FILE,
                        partnerId + "/" + file.getFileName(), "first", first, "upTo", upTo, "items", lines.size()));
                return true;
            }));
            if (moved) {
                LOG.info("return file partner={} stream={} items={} upTo={}", partnerId, stream.name(), lines.size(), upTo);
                written++;
            }
        }
        return written;
    }

    /** Items after {@code after} up to {@code upTo}: one file's worth. */
    private record Range(long after, long upTo) {
    }

    /**
     * The partner's next file of the stream, fixed under the cursor's row lock before anything is
     * written: the one planned before if it was not confirmed (a crash, or the other node, in
     * between), else the next items up to the file size.
     */
    private Optional<Range> nextRange(String partnerId, ReturnFileStream stream) {
        cursors.writtenUpTo(partnerId, stream.name());
        return transactions.execute(tx -> {
            FeedbackFileRepository.Cursor cursor = cursors.lock(partnerId, stream.name());
            if (cursor.unfinished()) {
                return Optional.of(new Range(cursor.writtenUpTo(), cursor.plannedUpTo()));
            }
            List<ReturnFileStream.Line> lines = stream.after(partnerId, cursor.writtenUpTo(), properties.files().maxItemsPerFile());
            if (lines.isEmpty()) {
                return Optional.<Range>empty();
            }
            long last = lines.get(lines.size() - 1).id();
            cursors.plan(partnerId, stream.name(), last);
            return Optional.of(new Range(cursor.writtenUpTo(), last));
        });
    }
}
