package nl.signaalpoort.feedback.sftp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.signaalpoort.api.Messages;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.feedback.BulkOutcomes;
import nl.signaalpoort.feedback.OutcomeReporter;
import nl.signaalpoort.files.AtomicFiles;
import nl.signaalpoort.files.Checksums;
import nl.signaalpoort.files.Csv;
import nl.signaalpoort.files.PartnerFiles;
import nl.signaalpoort.routing.MunicipalOrganisation;
import nl.signaalpoort.routing.MunicipalityRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A municipal organisation's outcome file, uploaded to its home on the gateway's SFTP server: each
 * row reported through the one outcome service ({@link BulkOutcomes}, the same as REST and SOAP),
 * in CSV or XML, a receipt per file in its outbox ({@code <name>.receipt.csv}). The same file again (by its
 * SHA-256) gets the same receipt and records nothing; a file that is not one is refused whole.
 */
@Component(Routes.OUTCOME_FILE_INTAKE)
public class OutcomeFileIntake {

    /** The most rows in one file: a month of the largest municipality many times over, and the DDAS page limit. */
    static final int MAX_ROWS = 50_000;
    static final String[] RECEIPT_HEADER = {"line", "signalId", "status", "outcome", "partnerFeedbackCode", "repeated", "code", "message"};
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeFileIntake.class);
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final BulkOutcomes outcomes;
    private final MunicipalityRegistry municipalities;
    private final PartnerFiles files;
    private final Messages messages;
    private final AuditTrail audit;
    private final MeterRegistry meters;
    private final OutcomeXmlFile xml;

    public OutcomeFileIntake(BulkOutcomes outcomes, MunicipalityRegistry municipalities, PartnerFiles files, Messages messages,
            AuditTrail audit, MeterRegistry meters, OutcomeFileProperties properties) {
        this.xml = new OutcomeXmlFile(properties.xmlSchema());
        this.outcomes = outcomes;
        this.municipalities = municipalities;
        this.files = files;
        this.messages = messages;
        this.audit = audit;
        this.meters = meters;
    }

    public void process(String absolutePath) throws IOException {
        Path file = Path.of(absolutePath);
        MunicipalOrganisation organisation = files.partnerOfInboxFile(file).flatMap(municipalities::organisationById)
                .orElseThrow(() -> new IllegalStateException("outcome file outside a municipal organisation's inbox"));
        String name = file.getFileName().toString();
        String checksum = Checksums.sha256(file);
        Path archived = files.receipts(organisation.id()).resolve("outcomes-" + checksum + ".csv");
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(DUTCH);
        try {
            if (Files.exists(archived)) {
                count("duplicate");
                LOG.info("outcome file organisation={} name={} duplicate of an earlier upload: same receipt, nothing recorded",
                        organisation.id(), name);
            } else {
                Files.createDirectories(archived.getParent());
                AtomicFiles.write(archived, receipt -> report(organisation, file, name, checksum, receipt));
            }
            AtomicFiles.copy(archived, files.outbox(organisation.id()).resolve(name + ".receipt.csv"));
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }

    private void report(MunicipalOrganisation organisation, Path file, String name, String checksum, OutputStream receipt)
            throws IOException {
        OutcomeFileContent read = name.endsWith(".csv") ? OutcomeCsvFile.read(file, MAX_ROWS)
                : name.endsWith(".xml") ? xml.read(file, MAX_ROWS)
                : OutcomeFileContent.refused(OutcomeFileProblem.UNSUPPORTED_FORMAT, 0);
        AuditEntry.Actor actor = AuditEntry.Actor.municipality(organisation.oin());
        String subject = organisation.id() + "/" + checksum;
        try (Csv.RowWriter out = Csv.writer(receipt)) {
            out.row(RECEIPT_HEADER);
            if (read.problem() != null) {
                out.row(Long.toString(read.line()), null, "FILE_REJECTED", null, null, null, read.problem().name(),
                        messages.outcomeFile(read.problem().name()));
                out.row("TOTAL", null, "recorded=0", "refused=0", null, null, null, null);
                audit.record(AuditEntry.about(actor, AuditAction.FILE_REFUSED, AuditEntry.SubjectType.FILE, subject,
                        "channel", "sftp-outcomes", "problem", read.problem(), "line", read.line()));
                count("refused");
                LOG.warn("outcome file organisation={} name={} refused: {} at line {}", organisation.id(), name, read.problem(), read.line());
                return;
            }
            List<BulkOutcomes.Result> results = outcomes.report(new OutcomeReporter(organisation.oin(), organisation.codes()),
                    read.rows().stream().map(OutcomeFileContent.Row::item).toList());
            int recorded = 0;
            for (int i = 0; i < results.size(); i++) {
                BulkOutcomes.Result r = results.get(i);
                String line = Long.toString(read.rows().get(i).line());
                String signalId = r.signalId() == null ? null : r.signalId().toString();
                if (r.isRecorded()) {
                    recorded++;
                    out.row(line, signalId, "RECORDED", r.report().outcome().name(), r.reported().partnerCode().name(),
                            Boolean.toString(r.reported().repeated()), null, null);
                } else {
                    out.row(line, signalId, "REFUSED", null, null, null, r.refused().name(), messages.problem(r.refused()));
                }
            }
            out.row("TOTAL", null, "recorded=" + recorded, "refused=" + (results.size() - recorded), null, null, null, null);
            audit.record(AuditEntry.about(actor, AuditAction.FILE_PROCESSED, AuditEntry.SubjectType.FILE, subject,
                    "channel", "sftp-outcomes", "recorded", recorded, "refused", results.size() - recorded));
            count("processed");
            LOG.info("outcome file organisation={} name={} rows={} recorded={} refused={}", organisation.id(), name, results.size(),
                    recorded, results.size() - recorded);
        }
    }

    private void count(String result) {
        Counter.builder("signaalpoort.outcome.files").description("Municipal outcome files by result").tag("result", result)
                .register(meters).increment();
    }
}
