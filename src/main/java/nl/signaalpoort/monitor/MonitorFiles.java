package nl.signaalpoort.monitor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.delivery.MunicipalFiles;
import nl.signaalpoort.delivery.SftpTargets;
import nl.signaalpoort.files.AtomicFiles;
import nl.signaalpoort.json.Mappers;
import nl.signaalpoort.routing.DeliverySchedule;
import nl.signaalpoort.routing.DeliveryType;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import nl.signaalpoort.store.MonitorRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Last month's export as files in the folder of every municipality delivered by FILE or SFTP
 * (route {@value Routes#MONITOR_EXPORT_FILES}, on the leader): from {@link MonitorProperties#fileDay()}
 * of each month, one file per page in the {@value #FOLDER} folder beside its signal files,
 * {@code ddas-<gemeentecode>-<yyyy-MM>-<page>.json}, encrypted and signed like its signal files
 * where it registered an OpenPGP key. A month is recorded once its files are written; a run that
 * failed half-way writes the month again, replacing the files.
 */
@Component(Routes.MONITOR_FILES)
public class MonitorFiles {

    static final String FOLDER = "monitor";
    private static final Logger LOG = LoggerFactory.getLogger(MonitorFiles.class);

    /** A municipality's month whose files are due. */
    public record Due(String municipalityCode, YearMonth period) {
    }

    /** The files of one due month, where they go, and the pages they hold (for the record and the audit trail). */
    public record Rendered(Due due, String uri, List<MunicipalFiles.FileContent> files, List<DdasExport.Page> pages) {
    }

    private final DdasExport export;
    private final MonitorRepository repository;
    private final MunicipalityRegistry municipalities;
    private final MunicipalFiles municipalFiles;
    private final SftpTargets sftpTargets;
    private final MonitorAudit audit;
    private final MonitorProperties properties;
    private final Clock clock;

    public MonitorFiles(DdasExport export, MonitorRepository repository, MunicipalityRegistry municipalities, MunicipalFiles municipalFiles,
            SftpTargets sftpTargets, MonitorAudit audit, MonitorProperties properties, Clock clock) {
        this.export = export;
        this.repository = repository;
        this.municipalities = municipalities;
        this.municipalFiles = municipalFiles;
        this.sftpTargets = sftpTargets;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The months whose files are due and not yet written, by municipality code. */
    public List<Due> due() {
        LocalDate today = clock.instant().atZone(DeliverySchedule.DUTCH_TIME).toLocalDate();
        if (today.getDayOfMonth() < properties.fileDay()) {
            return List.of();
        }
        YearMonth period = YearMonth.from(today).minusMonths(1);
        return municipalities.all().stream()
                .filter(m -> m.delivery() != null && m.delivery().isFileDrop())
                .filter(m -> !repository.fileWritten(m.code(), period.atDay(1)))
                .map(m -> new Due(m.code(), period))
                .sorted(Comparator.comparing(Due::municipalityCode))
                .toList();
    }

    public Rendered render(Due due) throws IOException {
        List<DdasExport.Page> pages = export.pages(due.municipalityCode(), due.period());
        List<MunicipalFiles.FileContent> files = new ArrayList<>();
        for (DdasExport.Page p : pages) {
            String name = "ddas-" + due.municipalityCode().substring(2) + "-" + due.period() + "-" + p.number();
            files.add(municipalFiles.file(due.municipalityCode(), name, Mappers.OUTBOUND.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(p.document())));
        }
        return new Rendered(due, uri(due.municipalityCode()), files, pages);
    }

    public void written(Rendered rendered) {
        Due due = rendered.due();
        int signals = rendered.pages().stream().mapToInt(DdasExport.Page::signals).sum();
        int cases = rendered.pages().stream().mapToInt(DdasExport.Page::cases).sum();
        repository.recordFileWritten(due.municipalityCode(), due.period().atDay(1), rendered.pages().size(), signals, cases, clock.instant());
        rendered.pages().forEach(p -> audit.exported(null, due.municipalityCode(), due.period(), p, MonitorAudit.Channel.FILE));
        LOG.info("monitor export written municipality={} period={} pages={} signals={} cases={}", due.municipalityCode(), due.period(),
                rendered.pages().size(), signals, cases);
    }

    private String uri(String municipalityCode) {
        Municipality m = municipalities.byCode(municipalityCode).orElseThrow();
        if (m.delivery().type() == DeliveryType.SFTP) {
            return sftpTargets.uri(municipalityCode, FOLDER);
        }
        return "file:" + Path.of(m.delivery().endpoint()).resolve(FOLDER)
                + "?fileExist=Override&tempPrefix=" + AtomicFiles.TEMPORARY_PREFIX;
    }
}
