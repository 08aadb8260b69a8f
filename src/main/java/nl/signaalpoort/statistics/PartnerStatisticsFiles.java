package nl.signaalpoort.statistics;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.files.Csv;
import nl.signaalpoort.intake.IntakeTally;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.signing.PartnerReturnFiles;
import nl.signaalpoort.store.PartnerStatisticsFileRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Last month's {@link PartnerStatistics} as a file in the outbox of every partner that delivers by
 * SFTP (route {@value Routes#PARTNER_STATISTICS_FILES}, on the leader): from
 * {@link StatisticsProperties#fileDay()} of each month, {@code statistics-<yyyy-MM>.csv}, signed and
 * encrypted as its receipts are ({@link PartnerReturnFiles}); partners with their own server get it
 * there. A month is recorded once its file is in place; one partner's failure holds up no other.
 */
@Component(Routes.PARTNER_STATISTICS_FILE_WRITER)
public class PartnerStatisticsFiles {

    static final String[] HEADER = {"month", "section", "code", "count"};
    private static final Logger LOG = LoggerFactory.getLogger(PartnerStatisticsFiles.class);

    private final PartnerStatisticsReport report;
    private final PartnerStatisticsFileRepository written;
    private final PartnerRegistry partners;
    private final PartnerReturnFiles returnFiles;
    private final AuditTrail audit;
    private final StatisticsProperties properties;
    private final Clock clock;

    public PartnerStatisticsFiles(PartnerStatisticsReport report, PartnerStatisticsFileRepository written, PartnerRegistry partners,
            PartnerReturnFiles returnFiles, AuditTrail audit, StatisticsProperties properties, Clock clock) {
        this.report = report;
        this.written = written;
        this.partners = partners;
        this.returnFiles = returnFiles;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** One round: last month's file for every SFTP partner that has not had it. Returns the files written. */
    public int writeDue() {
        LocalDate today = clock.instant().atZone(IntakeTally.DUTCH).toLocalDate();
        if (today.getDayOfMonth() < properties.fileDay()) {
            return 0;
        }
        YearMonth month = YearMonth.from(today).minusMonths(1);
        int files = 0;
        for (Partner partner : partners.all()) {
            if (partner.deliversFiles() && !written.written(partner.id(), month.atDay(1))) {
                try {
                    write(partner, month);
                    files++;
                } catch (IOException | RuntimeException e) {
                    // Tried again at the next round; the others go on.
                    LOG.warn("statistics file partner={} month={} not written: {}", partner.id(), month, e.getClass().getName());
                }
            }
        }
        return files;
    }

    private void write(Partner partner, YearMonth month) throws IOException {
        PartnerStatistics statistics = report.month(partner.id(), month);
        String name = "statistics-" + month + ".csv";
        returnFiles.publish(partner.id(), name, out -> {
            try (Csv.RowWriter csv = Csv.writer(out)) {
                csv.row(HEADER);
                section(csv, month, "received", statistics.received());
                section(csv, month, "rejectionReasons", statistics.rejectionReasons());
                section(csv, month, "warnings", statistics.warnings());
                section(csv, month, "deliveries", statistics.deliveries());
                section(csv, month, "feedback", statistics.feedback());
            }
        });
        written.recordWritten(partner.id(), month.atDay(1), clock.instant());
        audit.record(AuditEntry.about(AuditEntry.Actor.GATEWAY, AuditAction.STATISTICS_FILE_WRITTEN, AuditEntry.SubjectType.FILE,
                partner.id() + "/" + name, "month", month));
        LOG.info("statistics file partner={} month={}", partner.id(), month);
    }

    private static void section(Csv.RowWriter csv, YearMonth month, String section, Map<String, Long> counts) throws IOException {
        for (Map.Entry<String, Long> count : new java.util.TreeMap<>(counts).entrySet()) {
            csv.row(month.toString(), section, count.getKey(), count.getValue().toString());
        }
    }
}
