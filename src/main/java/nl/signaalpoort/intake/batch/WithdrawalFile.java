package nl.signaalpoort.intake.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.Messages;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.files.ColumnCsvFile;
import nl.signaalpoort.files.Csv;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.withdrawal.WithdrawalReason;
import nl.signaalpoort.withdrawal.Withdrawals;
import nl.signaalpoort.withdrawal.Withdrawals.Withdrawal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A withdrawal file a partner uploads beside its batch files ({@code <name>.withdrawals.csv},
 * contracts/batch/csv-format.md): a header naming {@code reason} and {@code reference} or
 * {@code signalId}, one withdrawal per line, each through {@link Withdrawals} as a REST withdrawal
 * is (a row refused on its own, with the REST problem code); the receipt says per line what
 * happened. A file that is not one is refused whole and nothing is withdrawn.
 */
@Component
public class WithdrawalFile {

    /** Part of the file name that makes a CSV file a withdrawal file, before any OpenPGP ending. */
    public static final String SUFFIX = ".withdrawals.csv";
    static final int MAX_ROWS = 50_000;
    static final String[] RECEIPT_HEADER = {"line", "reference", "signalId", "status", "municipalityNotified", "repeated", "code", "message"};
    private static final Set<String> COLUMNS = Set.of("reference", "signalId", "reason");
    private static final Logger LOG = LoggerFactory.getLogger(WithdrawalFile.class);

    private final Withdrawals withdrawals;
    private final Messages messages;
    private final AuditTrail audit;

    public WithdrawalFile(Withdrawals withdrawals, Messages messages, AuditTrail audit) {
        this.withdrawals = withdrawals;
        this.messages = messages;
        this.audit = audit;
    }

    public static boolean isWithdrawalFile(String name) {
        return name.endsWith(SUFFIX);
    }

    /**
     * Answers the file in {@code receipt}: refused whole for {@code problem} (found before reading,
     * such as its OpenPGP wrapping), or read from {@code readable} and withdrawn line by line.
     */
    public void process(Partner partner, String name, String checksum, Path readable, BatchFileProblem problem, OutputStream receipt)
            throws IOException {
        ColumnCsvFile.Content read = problem != null ? null : ColumnCsvFile.read(readable, COLUMNS, Set.of("reason"), MAX_ROWS);
        BatchFileProblem refused = problem != null ? problem
                : read.problem() != null ? BatchFileProblem.valueOf(read.problem().name()) : null;
        AuditEntry.Actor actor = AuditEntry.Actor.partner(partner.oin());
        String subject = partner.id() + "/" + checksum;
        try (Csv.RowWriter out = Csv.writer(receipt)) {
            out.row(RECEIPT_HEADER);
            if (refused != null) {
                out.row(Long.toString(read == null ? 0 : read.line()), null, null, "FILE_REJECTED", null, null, refused.name(),
                        messages.file(refused.name()));
                out.row("TOTAL", null, null, "withdrawn=0", "refused=0", null, null, null);
                if (refused != BatchFileProblem.DRY_RUN_NOT_SUPPORTED) {
                    // A dry-run name leaves no trace, as a dry run of a signal file does not.
                    audit.record(AuditEntry.about(actor, AuditAction.FILE_REFUSED, AuditEntry.SubjectType.FILE, subject,
                            "channel", "sftp-withdrawals", "problem", refused));
                }
                LOG.warn("withdrawal file partner={} name={} refused: {}", partner.id(), name, refused);
                return;
            }
            int withdrawn = 0;
            for (ColumnCsvFile.Row row : read.rows()) {
                String line = Long.toString(row.line());
                try {
                    Withdrawal w = withdraw(partner, row);
                    withdrawn++;
                    out.row(line, w.reference(), w.signalId().toString(), "WITHDRAWN", Boolean.toString(w.municipalityNotified()),
                            Boolean.toString(w.repeated()), null, null);
                } catch (ApiProblemException e) {
                    out.row(line, row.cell("reference"), null, "REFUSED", null, null, e.code().name(), messages.problem(e.code()));
                }
            }
            int refusedRows = read.rows().size() - withdrawn;
            out.row("TOTAL", null, null, "withdrawn=" + withdrawn, "refused=" + refusedRows, null, null, null);
            audit.record(AuditEntry.about(actor, AuditAction.FILE_PROCESSED, AuditEntry.SubjectType.FILE, subject,
                    "channel", "sftp-withdrawals", "withdrawn", withdrawn, "refused", refusedRows));
            LOG.info("withdrawal file partner={} name={} rows={} withdrawn={} refused={}", partner.id(), name, read.rows().size(), withdrawn,
                    refusedRows);
        }
    }

    private Withdrawal withdraw(Partner partner, ColumnCsvFile.Row row) {
        WithdrawalReason reason = WithdrawalReason.named(row.cell("reason"));
        String signalId = row.cell("signalId");
        if (signalId != null) {
            UUID id;
            try {
                id = UUID.fromString(signalId);
            } catch (IllegalArgumentException e) {
                throw new ApiProblemException(ProblemCode.INVALID_PARAMETER);
            }
            return withdrawals.byId(partner, id, reason);
        }
        String reference = row.cell("reference");
        if (reference == null) {
            throw new ApiProblemException(ProblemCode.MISSING_SIGNAL_ID);
        }
        return withdrawals.byReference(partner, reference, reason);
    }
}
